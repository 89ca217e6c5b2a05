"""Corpus-wide speaker resolution: titles, surnames, spelling variants, roles, aliases."""
from summitcli.records import Extraction, PersonMention, Quote
from summitcli.speakers import SpeakerIndex, build_index, strip_titles


def person(name, role=None):
    return PersonMention(name=name, start=0, end=len(name), role=role)


def quote(speaker, mention=None, source="a"):
    return Quote(id=f"{source}:q1", source=source, text="x", start=0, end=1, kind="speech",
                 kind_rule="test", speaker=speaker, speaker_mention=mention, speaker_start=None,
                 speaker_end=None, cue="said", rule="test", utterance=f"{source}:u1")


def test_titles_and_qualifiers_are_dropped():
    assert strip_titles("President Donald Trump") == "Donald Trump"
    assert strip_titles("U.S. President Donald Trump") == "Donald Trump"
    assert strip_titles("Israeli Prime Minister Benjamin Netanyahu") == "Benjamin Netanyahu"
    assert strip_titles("Dr Ruth Deyermond") == "Ruth Deyermond"
    assert strip_titles("Le Monde") == "Le Monde"


def test_surname_joins_full_name_across_documents():
    index = build_index([
        Extraction("a", people=(person("Maria Ostrova", "Finance Minister"),)),
        Extraction("b", quotes=(quote("Ostrova", "Ostrova", "b"),)),
    ])
    assert index.canonical("Ostrova") == "Maria Ostrova"
    assert index.canonical("Finance Minister Maria Ostrova") == "Maria Ostrova"


def test_spelling_variants_merge_and_the_commoner_spelling_wins():
    index = build_index([
        Extraction("a", people=(person("Pavel Kovalenko"), person("Pavel Kovalenko"))),
        Extraction("b", people=(person("Pavel Kovalenkko"),)),
    ])
    assert index.canonical("Pavel Kovalenkko") == "Pavel Kovalenko"
    assert index.canonical("Kovalenkko") == "Pavel Kovalenko"


def test_different_first_names_stay_apart():
    index = build_index([Extraction("a", people=(person("Anna Berg"), person("Lars Berg")))])
    assert index.canonical("Anna Berg") != index.canonical("Lars Berg")


def test_role_phrase_resolves_from_another_documents_title():
    index = build_index([
        Extraction("a", people=(person("Ivo Marek", "Slovenian President"),
                                person("Ana Horvat", "former Slovenian President"))),
        Extraction("b", quotes=(quote(None, "the Slovenian leader", "b"),)),
    ])
    name, candidates = index.resolve(None, "the Slovenian leader")
    assert name == "Ivo Marek" and candidates == ()
    assert index.resolve(None, "the former Slovenian president")[0] == "Ana Horvat"


def test_ambiguous_role_gives_candidates_not_a_guess():
    index = build_index([Extraction("a", people=(person("Ivo Marek", "President"),
                                                 person("Ana Horvat", "President")))])
    name, candidates = index.resolve(None, "the president")
    assert name is None
    assert set(candidates) == {"Ivo Marek", "Ana Horvat"}


def test_user_aliases_win():
    index = build_index(
        [Extraction("a", people=(person("Jon Smyth"), person("Jonathan Smith")))],
        aliases={"Jonathan Smith": ["Jon Smyth", "the chairman"]},
    )
    assert index.canonical("Jon Smyth") == "Jonathan Smith"
    assert index.match("the chairman") == ["Jonathan Smith"]


def test_match_is_fuzzy_and_case_insensitive_with_suggestions():
    index = build_index([Extraction("a", people=(person("Maria Ostrova"), person("Ivo Marek")))])
    assert index.match("ostrova") == ["Maria Ostrova"]
    assert index.match("MARIA OSTROVA") == ["Maria Ostrova"]
    assert index.match("Zzyzx") == []
    assert "Maria Ostrova" in index.suggestions("Ostrava")


def test_a_one_word_query_finds_every_speaker_named_by_that_word():
    index = build_index([
        Extraction("a", people=(person("Maria Ostrova"),),
                   quotes=(quote("Maria", "Maria", "a"),)),
    ])
    assert set(index.match("maria")) == {"Maria", "Maria Ostrova"}


def test_a_mention_tied_to_a_person_is_not_that_person():
    from summitcli.attribution import resolve_mention
    from summitcli.people import people_in_text
    index = build_index([Extraction("a", people=(person("Ana Holt", "Mayor"),))])
    assert index.resolve(None, "a source close to Mayor Ana Holt", "a") == (None, ())
    assert index.resolve(None, "one of Holt’s aides", "a") == (None, ())
    assert index.resolve(None, "Mayor Ana Holt", "a")[0] == "Ana Holt"
    doc = "“It is nearly done,” a source close to Mayor Ana Holt said."
    start = doc.index("a source")
    end = doc.index(" said")
    assert resolve_mention(doc, start, end, people_in_text(doc)) is None


def test_a_description_does_not_join_a_name_by_its_last_word():
    index = SpeakerIndex()
    index._add_form("united states", "United States")
    index._add_form("sergei lavrov", "Sergei Lavrov")
    assert index.canonical("many European states") is None
    assert index.canonical("Mr. Lavrov") == "Sergei Lavrov"
