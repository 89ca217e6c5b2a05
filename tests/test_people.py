"""Named people and organisations, their titles, appositions and gender."""
from __future__ import annotations

from summitcli.people import fullest_forms, people_in_text


def find(doc: str, name: str):
    found = [p for p in people_in_text(doc) if p.name == name]
    assert found, f"{name!r} not in {[p.name for p in people_in_text(doc)]}"
    return found[0]


def test_title_goes_to_role():
    p = find("Russian President Igor Volkov arrived in Vienna.", "Igor Volkov")
    assert p.role == "Russian President" and p.kind == "person"


def test_lowercase_role_before_name():
    p = find("White House press secretary Anna Bell declined to comment.", "Anna Bell")
    assert p.role == "White House press secretary"


def test_apposition_goes_to_role():
    doc = "We spoke with John Smith, the former acting director of the agency, on Friday."
    p = find(doc, "John Smith")
    assert p.role == "the former acting director of the agency"


def test_offsets_match_the_name():
    doc = "Former Chancellor Greta Brandt and Sen. Ted Cruz met."
    for p in people_in_text(doc):
        assert doc[p.start:p.end] == p.name
    assert {p.name for p in people_in_text(doc)} >= {"Greta Brandt", "Ted Cruz"}


def test_gender_from_pronoun_that_refers_back():
    doc = "Mayor Ellen Park opened the bridge. She said it was overdue. Park smiled."
    assert all(p.gender == "f" for p in people_in_text(doc) if p.name.endswith("Park"))


def test_gender_from_honorific():
    assert find("Mr. Alan Moss declined.", "Alan Moss").gender == "m"


def test_organisations_are_marked():
    doc = "The Levant Polling Institute and CNN reported the figures; Reuters agreed."
    kinds = {p.name: p.kind for p in people_in_text(doc)}
    assert kinds["Levant Polling Institute"] == "org"
    assert kinds["CNN"] == "org"


def test_sentence_initial_words_are_not_names():
    doc = "Imagine sitting in a cafe. Surely nobody noticed. However, the mayor did."
    assert people_in_text(doc) == []


def test_places_after_prepositions_are_not_speakers():
    doc = "The leaders met in Anchorage and flew to Geneva. Anna Bell said it went well."
    assert [p.name for p in people_in_text(doc)] == ["Anna Bell"]


def test_possessive_is_not_part_of_the_name():
    doc = "Senator Maria Lopez’s plan passed. Lopez's aides cheered."
    assert [p.name for p in people_in_text(doc)] == ["Maria Lopez", "Lopez"]


def test_fullest_forms_join_surnames_to_full_names():
    doc = "President Donald Trump spoke. Later Trump left. Donald Trump returned."
    full = fullest_forms(people_in_text(doc))
    assert full["Trump"] == "Donald Trump"


def test_skip_regions():
    doc = "Anna Bell spoke.\nSubscribe to John Doe's newsletter.\n"
    cut = doc.index("Subscribe")
    assert [p.name for p in people_in_text(doc, skip=[(cut, len(doc))])] == ["Anna Bell"]


def test_an_object_pronoun_is_not_gender_evidence_for_the_subject():
    from summitcli.people import people_in_text

    text = ("Her rival, the farmer Tomas Hale, accused her of lying. "
            "Anna Berg thanked her voters.")
    genders = {p.name: p.gender for p in people_in_text(text)}
    assert genders.get("Tomas Hale") != "f"
    assert genders.get("Anna Berg") == "f"  # a possessive 'her' still refers back


def test_a_region_is_not_a_person_and_a_country_is_not_short_for_it():
    from summitcli.attribution import index_people

    text = ("Fighting in Eastern Ukraine went on. Ukraine said the talks were over.\n\n"
            "Ukraine EU US Russia\n\nJAKE TAPPER, the host, asked about it.")
    people = people_in_text(text)
    kinds = {p.name: p.kind for p in people}
    assert kinds["Eastern Ukraine"] == "place"
    assert kinds["Ukraine EU US Russia"] == "place"
    assert kinds["JAKE TAPPER"] == "person"  # a name in capitals is still a name
    assert index_people(people).full["Ukraine"] == "Ukraine"
