"""Who said it: cues before and after quotes, subjects, audiences, pronouns and role phrases."""
from __future__ import annotations

import pytest

from summitcli.attribution import (reporting_verbs, resolve_mention, verb_re)
from summitcli.people import people_in_text

from text_helpers import cue_speaker, quote


# -- the public helpers ----------------------------------------------------------------

def test_reporting_verbs_are_inflected():
    verbs = reporting_verbs()
    for form in ("say", "says", "said", "saying", "told", "added", "replied", "admitted",
                 "tweeted", "wrote", "insists", "according to"[:0] or "warned"):
        assert form in verbs


def test_verb_regex_finds_whole_words_only():
    found = [m.group() for m in verb_re().finditer("He said; the saidx was unsaid. According to her.")]
    assert found == ["said", "According to"]


@pytest.mark.parametrize("doc,verb,expected", [
    ("“We will win,” Trump said on Tuesday.", "said", "Trump"),
    ("“We will win,” said Sen. Ted Cruz, R-Texas.", "said", "Sen. Ted Cruz"),
    ("John Smith, the former acting director of the agency, said the talks failed.", "said",
     "John Smith"),
    ("A spokesman for the campaign later said that it was wrong.", "said",
     "A spokesman for the campaign"),
    ("As the mayor himself put it, nothing is free.", "put", "the mayor"),
    ("The rally was huge, according to the organisers.", "according to", "the organisers"),
    ("Governor Ann Lee told Fox News the plan was dead.", "told", "Governor Ann Lee"),
    ("Jason Sims — a teacher from the valley — says he is undecided.", "says", "Jason Sims"),
    ("Trump welcomed the news, saying the deal was good.", "saying", "Trump"),
    ("He lost the vote and said it was unfair.", "said", "He"),
    ("The town was called the capital of the region.", "called", None),
    ("The secretary of state visited.", "state", None),
])
def test_speaker_for_cue(doc, verb, expected):
    assert cue_speaker(doc, verb) == expected


def test_resolve_mention_pronoun_role_and_surname():
    doc = ("Russian President Igor Volkov met Chancellor Greta Brandt in Vienna. "
           "The Russian leader smiled. Later Volkov said he was pleased.")
    people = people_in_text(doc)

    def res(s: str, nth: int = 0) -> str | None:
        i = -1
        for _ in range(nth + 1):
            i = doc.index(s, i + 1)
        return resolve_mention(doc, i, i + len(s), people)
    assert res("The Russian leader") == "Igor Volkov"
    assert res("Volkov", 1) == "Igor Volkov"
    i = doc.index(" he ") + 1
    assert resolve_mention(doc, i, i + 2, people) == "Igor Volkov"


# -- quotations ----------------------------------------------------------------------------

def test_cue_after_the_quote():
    q = quote("“The economy is strong,” Treasury Secretary Alan Moss said.", "The economy is strong,")
    assert q.speaker == "Alan Moss" and q.cue == "said" and q.rule == "after-cue"


def test_inverted_cue():
    q = quote("“It is unusual,” said Larry Noble, an election lawyer.", "It is unusual,")
    assert q.speaker_mention == "Larry Noble" and q.rule == "after-inverted"


def test_cue_before_with_comma_and_that():
    doc = "Mayor Ellen Park said, “We are ready.” Later Park said that the city was “fully prepared.”"
    assert quote(doc, "We are ready.").speaker == "Ellen Park"
    frag = quote(doc, "fully prepared.")
    assert frag.kind == "fragment" and frag.speaker == "Ellen Park"


def test_colon_lead_in():
    doc = "Finance Minister Karl Brandt was asked about taxes. He said: “We will not raise them.”"
    q = quote(doc, "We will not raise them.")
    assert q.speaker == "Karl Brandt" and q.speaker_mention == "He" and q.rule == "lead-in-colon"


def test_colon_lead_in_in_previous_paragraph():
    doc = "Senator Maria Lopez put it bluntly:\n\n“This bill is dead on arrival.”\n"
    q = quote(doc, "This bill is dead on arrival.")
    assert q.speaker == "Maria Lopez" and q.rule == "colon-lead"


def test_dash_name_after_quote():
    q = quote("“We are not done yet.” — Jane Roe, union leader\n", "We are not done yet.")
    assert q.speaker == "Jane Roe" and q.rule == "dash-name"


def test_according_to():
    doc = "The plant will close, according to Mark Diaz, who called it “a sad day.”"
    q = quote(doc, "a sad day.")
    assert q.speaker == "Mark Diaz"


def test_as_x_put_it():
    doc = "The talks ended early, with no “deal,” as Mayor Ellen Park put it."
    assert quote(doc, "deal,").speaker == "Ellen Park"


def test_described_it_as():
    doc = "Former minister Dmitri Orlov described the meeting as “calm and free of threats.”"
    q = quote(doc, "calm and free of threats.")
    assert q.speaker == "Dmitri Orlov" and q.kind == "fragment"


def test_subject_of_the_sentence_a_fragment_sits_in():
    doc = "Chancellor Greta Brandt reiterated her view that the crisis poses “grave risks.”"
    assert quote(doc, "grave risks.").speaker == "Greta Brandt"


def test_audience_is_not_the_speaker():
    doc = "Former envoy Rita Cole spoke on Sunday. “The talks failed,” Cole told CNN’s Jake Miller."
    q = quote(doc, "The talks failed,")
    assert q.speaker == "Rita Cole" and q.cue == "told"
    doc2 = "In an interview with Fox News host Sam Hill, Governor Ann Lee said “we are fine.”"
    assert quote(doc2, "we are fine.").speaker == "Ann Lee"


def test_pronoun_resolves_to_nearest_compatible_person():
    doc = ("Senator Maria Lopez met Governor Tom Reyes on Tuesday. Reyes said his budget was tight. "
           "“These jobs matter,” she told workers.")
    q = quote(doc, "These jobs matter,")
    assert q.speaker_mention == "she" and q.speaker == "Maria Lopez"


def test_pronoun_follows_the_chain_of_subjects():
    doc = ("Mayor Tom Reyes spoke after the vote. He thanked Governor Ann Lee and her staff. "
           "Then he admitted, “We did not get everything.”")
    assert quote(doc, "We did not get everything.").speaker == "Tom Reyes"


def test_role_phrase_resolves_from_a_title():
    doc = ("Russian President Igor Volkov arrived late. “We came in good faith,” "
           "the Russian leader said.")
    q = quote(doc, "We came in good faith,")
    assert q.speaker_mention == "the Russian leader" and q.speaker == "Igor Volkov"


def test_unresolvable_role_phrase_keeps_the_mention():
    q = quote("“It was a difficult decision,” the company spokesman said.",
              "It was a difficult decision,")
    assert q.speaker is None and q.speaker_mention == "the company spokesman"


def test_quote_without_cue_continues_previous_speaker():
    doc = ("“We lost,” coach Dana Whitfield said after the game.\n\n"
           "“The referees were fine. We were not.”\n")
    q = quote(doc, "The referees were fine. We were not.")
    assert q.speaker == "Dana Whitfield" and q.rule == "continuation"


def test_wire_copy():
    doc = ("WASHINGTON (Wire) — Treasury Secretary Alan Moss said on Tuesday that inflation was "
           "“stubborn but falling.” Moss, 61, told reporters the bank would “stay the course.”\n")
    assert quote(doc, "stubborn but falling.").speaker == "Alan Moss"
    assert quote(doc, "stay the course.").speaker == "Alan Moss"


def test_interview_style_with_he_added():
    doc = ("Olympic champion Sam Ortiz won gold on Sunday.\n\n"
           "“I am tired but happy,” he said. “My family was here,” he added.\n")
    assert quote(doc, "My family was here,").speaker == "Sam Ortiz"
    assert quote(doc, "My family was here,").cue == "added"


def test_weak_evidence_gives_no_speaker():
    q = quote("It was, in a word, “unprecedented.”", "unprecedented.")
    assert q.speaker is None and q.speaker_mention is None


def test_organisation_can_speak():
    doc = "“Turnout will be high,” the Levant Polling Institute said in a statement."
    q = quote(doc, "Turnout will be high,")
    assert q.speaker == "Levant Polling Institute"


def test_signature_on_the_next_line():
    doc = "Intro.\n\n“Taxes on bread are taxes on the poor.”\n\n— Lena Fischer, bakers’ guild\n"
    q = quote(doc, "Taxes on bread are taxes on the poor.")
    assert q.speaker == "Lena Fischer" and q.rule == "dash-name"


def test_previous_sentence_ends_on_its_cue():
    doc = ("“Prices will fall,” said analyst Omar Haddad.\n\n"
           "Economist Rita Vogel disagreed. “Nothing in the data says so.”\n")
    q = quote(doc, "Nothing in the data says so.")
    assert q.speaker == "Rita Vogel" and q.rule == "previous-cue"


def test_unnamed_group_speakers():
    doc = "Readers wrote in all week. Another tweeted, “This is the best news of the year.”"
    assert quote(doc, "This is the best news of the year.").speaker_mention == "Another"


def test_participle_takes_the_clause_subject():
    doc = ("Governor Ann Lee signed the bill on Monday, calling it “a promise kept” and "
           "thanking the nurses.")
    assert quote(doc, "a promise kept").speaker == "Ann Lee"


def test_possessive_speech_noun():
    doc = "Harbour master Idris Wanjiru spoke last. Wanjiru’s reply was short: “Depth is not confidence.”"
    q = quote(doc, "Depth is not confidence.")
    assert q.speaker == "Idris Wanjiru" and q.rule == "possessive-noun"


def test_according_to_source_stops_at_the_paragraph_end():
    doc = ("Support for the tram fell to 40 percent, according to a new poll.\n\n"
           "With former Mayor Anna Berg out of the race, the field is open.")
    assert cue_speaker(doc, "according to") == "a new poll"


def test_a_country_acronym_is_part_of_the_role_phrase():
    doc = "Anna Berg met the Danish minister. Later the US president said that talks went well."
    assert cue_speaker(doc, "said") == "the US president"
    doc2 = "Anna Berg met the Danish minister. Later the U.S. president said that talks went well."
    assert cue_speaker(doc2, "said") == "the U.S. president"


def test_wire_copy_age_and_home_town_between_name_and_verb():
    doc = 'Cory Jameson, 22, of Flint, Mich., said the rally was "a turning point."'
    assert quote(doc, "a turning point.").speaker_mention == "Cory Jameson"
    doc2 = 'Sen. Ada Moreno, D-Ore., said the bill was "dead on arrival."'
    assert quote(doc2, "dead on arrival.").speaker_mention == "Sen. Ada Moreno"


def test_a_quotation_inside_a_reported_clause_belongs_to_the_reporter():
    doc = "Mayor Ilse Brandt said she would welcome a “fair and open tender” for the tunnel."
    q = quote(doc, "fair and open tender")
    assert q.speaker_mention == "Mayor Ilse Brandt" and q.cue == "said"
    doc2 = "Brandt said she was sure Ruud would continue to be “a loyal partner.”"
    assert quote(doc2, "a loyal partner.").speaker_mention == "Brandt"


def test_a_named_source_with_capitalised_words_before_its_head():
    doc = 'As the nationalist Daily Beacon tabloid noted on Monday, the mayor "has earned a few fans."'
    assert quote(doc, "has earned a few fans.").speaker_mention == "the nationalist Daily Beacon tabloid"


def test_a_colon_lead_in_after_a_fronted_phrase_names_the_speaker():
    doc = ("In the wake of the storm, Governor Ada Moreno issued the following statement:\n\n"
           "“Our thoughts are with every family in the valley.”\n")
    assert quote(doc, "Our thoughts are with every family in the valley.").speaker_mention == "Governor Ada Moreno"


def test_a_named_person_from_a_place_is_that_person():
    from summitcli.quotes import quotes_in_text

    doc = ("Sen. Ann Lee of Ohio, who wrote an earlier version, called the text "
           "“a cruel bill with a nice title.”\n\n“We will amend it,” said Rep. Tom Ruiz of "
           "New Mexico.\n")
    speakers = {q.text: (q.speaker, q.speaker_mention) for q in quotes_in_text(doc)}
    assert speakers["a cruel bill with a nice title."] == ("Ann Lee", "Sen. Ann Lee of Ohio")
    assert speakers["We will amend it,"][0] == "Tom Ruiz"


def test_a_capitalised_number_or_function_word_names_nobody():
    from summitcli.attribution import resolve_mention
    from summitcli.people import people_in_text

    doc = "Six countries have written to the committee. Six recommended the plan."
    at = doc.rindex("Six")
    assert resolve_mention(doc, at, at + 3, people_in_text(doc)) is None
