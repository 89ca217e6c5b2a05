"""Attributed claims, second round of general rules: hand-written sentences only."""
from __future__ import annotations

from summitcli.claims import claims_in_text

from text_helpers import one_claim as _one


def test_a_participle_cue_content_stops_before_a_second_participle_in_the_series():
    text = "The harbour master opened the meeting, praising the pilots for their patience and thanking the crews."
    assert _one(text, "praising").text == "the pilots for their patience"
    text = "Ana Ruiz spoke for ten minutes, urging pilots to accept the offer and promising to review the rota."
    assert _one(text, "urging").text == "pilots to accept the offer"


def test_content_stops_before_a_dash_and_the_authors_participle_or_apposition():
    text = "The ferry firm declined to name a date - only saying that talks would go on."
    assert _one(text, "declined").text == "to name a date"
    text = "The union sent a note to its members, asking them to stay off the quay — a plea that few heeded."
    assert _one(text, "asking").text == "them to stay off the quay"


def test_a_noun_phrase_object_stops_before_and_plus_a_relative_pronoun():
    text = "The pilots (who openly back Omar Haddad and whom the mayor once fired) met on Monday."
    assert _one(text, "back").text == "Omar Haddad"


def test_doubled_consonant_forms_of_short_reporting_verbs():
    c = _one("The harbour master slammed the ferry firm for the delays.", "slammed")
    assert c.text == "the ferry firm for the delays" and c.speaker_mention == "The harbour master"
    assert _one("Ana Ruiz bragged that her pilots never miss a tide.", "bragged").text == \
        "that her pilots never miss a tide"


def test_verbs_of_mocking_and_praising_report_their_object():
    c = _one("On Monday the ferry union derided the new timetable as a fantasy.", "derided")
    assert c.text.startswith("the new timetable") and c.speaker_mention == "the ferry union"
    c = _one("Ana Ruiz extolled the patience of the night pilots.", "extolled")
    assert c.text == "the patience of the night pilots"


def test_verbs_of_perceiving_and_foreseeing_report_a_clause():
    c = _one("Ana Ruiz noticed that the night ferry was running late again.", "noticed")
    assert c.text == "that the night ferry was running late again" and c.speaker_mention == "Ana Ruiz"
    c = _one("Few pilots foresaw that the quay would close.", "foresaw")
    assert c.text == "that the quay would close"
    assert not [c for c in claims_in_text("A notice on the quay lists the new fares.") if c.cue.lower() == "notice"]


def test_verbs_of_disputing_and_preferring():
    c = _one("Omar Haddad disputed the union's figures on overtime.", "disputed")
    assert c.text == "the union's figures on overtime" and c.speaker_mention == "Omar Haddad"
    c = _one("Ana Ruiz took issue with the new rota for night pilots.", "took issue with")
    assert c.text == "the new rota for night pilots"
    c = _one("Most pilots preferred to wait for the tide.", "preferred")
    assert c.text == "to wait for the tide"


def test_a_dateline_is_never_the_speaker():
    text = "HARBOURTON (AP) — Ana Ruiz, a harbour pilot, has backed the ferry strike, saying the firm must pay more."
    assert _one(text, "saying").speaker_mention == "Ana Ruiz"
    text = "HARBOURTON — The pilots union on Monday backed the strike, saying the firm must pay more."
    assert _one(text, "saying").speaker_mention.startswith("The pilots union")


def test_a_hedge_inside_a_phrase_or_relative_clause_is_no_hearsay_claim():
    for text in ("The pilot was fined on Monday for allegedly skipping a safety check.",
                 "The mayor, who reportedly has been ill, missed the quay ceremony."):
        assert not [c for c in claims_in_text(text) if c.rule == "hedge-adverb"]
    c = _one("The pilot reportedly skipped a safety check on Monday.", "reportedly")
    assert c.hedged and c.text == "The pilot reportedly skipped a safety check on Monday"


def test_in_large_numbers_is_a_manner_phrase_not_a_source():
    text = "Harbour pilots turned out for the vote in record numbers."
    assert not [c for c in claims_in_text(text) if c.rule == "in-source"]
    c = _one("Ana Ruiz leads the race for harbour master in the latest poll.", "in")
    assert c.text == "Ana Ruiz leads the race for harbour master"


def test_stance_adjectives_delighted_and_sympathetic():
    c = _one("Ana Ruiz was delighted that the quay would reopen.", "delighted")
    assert "the quay would reopen" in c.text and c.speaker_mention == "Ana Ruiz"
    c = _one("Omar Haddad is sympathetic to the striking pilots.", "sympathetic")
    assert "the striking pilots" in c.text


def test_initials_do_not_end_a_sentence():
    c = _one("Ana Ruiz remarked that she had asked J.R. Haddad to inspect the quay.", "remarked")
    assert c.text == "that she had asked J.R. Haddad to inspect the quay"


def test_say_between_commas_is_the_authors_for_example():
    text = "A night crossing is a lot harder than, say, a morning run to the island."
    assert not [c for c in claims_in_text(text) if c.cue.lower() == "say"]
    assert _one("A night crossing is hard, pilots say.", "say").text == "A night crossing is hard"


def test_postposed_content_leaves_out_the_dateline():
    text = "HARBOURTON, Md., May 2 (AP) — Night pilots are leaving the port in droves, a new survey shows."
    c = _one(text, "shows")
    assert c.text == "Night pilots are leaving the port in droves"


def test_specify_reports_a_clause():
    c = _one("The harbour rules specified that pilots must rest for eight hours.", "specified")
    assert c.text == "that pilots must rest for eight hours"


def test_an_ambiguous_plural_before_a_finite_verb_is_a_noun():
    text = "The harbour rules were changed in May."
    assert not [c for c in claims_in_text(text) if c.cue.lower() == "rules"]


def test_a_poll_with_modifiers_before_found_reports_a_bare_object():
    c = _one("A survey by the pilots union in March found most pilots in favour of the strike.", "found")
    assert c.text == "most pilots in favour of the strike"
    assert not [c for c in claims_in_text("Ana Ruiz found the keys on the quay.") if c.cue == "found"]


def test_an_ambiguous_verb_with_a_one_word_name_after_a_subject():
    c = _one("Young pilots who support Haddad are rare on the island.", "support")
    assert c.text == "Haddad"
    assert not [c for c in claims_in_text("She came back Monday.") if c.cue == "back"]


def test_a_that_only_verb_takes_a_bare_clause_with_its_own_subject_and_verb():
    c = _one("Ana Ruiz knew the night ferry was late again.", "knew")
    assert c.text == "the night ferry was late again" and c.speaker_mention == "Ana Ruiz"
    c = _one("Most pilots felt they had been ignored by the harbour board.", "felt")
    assert c.text == "they had been ignored by the harbour board"
    assert not [c for c in claims_in_text("Ana Ruiz knew the answer.") if c.cue == "knew"]


def test_knock_and_honor_report_their_object():
    c = _one("Omar Haddad knocked the ferry firm for its late sailings.", "knocked")
    assert c.text == "the ferry firm for its late sailings"
    assert not [c for c in claims_in_text("Omar Haddad knocked on every door in the harbour.") if c.cue == "knocked"]
