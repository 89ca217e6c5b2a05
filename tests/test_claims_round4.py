"""Attributed claims, fourth round of general rules: hand-written sentences only."""
from __future__ import annotations

from text_helpers import one_claim as _one


def test_verbs_of_judging_and_deciding_report_their_object():
    c = _one("The harbour board considered a second ferry for the winter route.", "considered")
    assert c.text.startswith("a second ferry") and c.speaker_mention == "The harbour board"
    c = _one("Ana Ruiz identified the night pilots as the most reliable crew.", "identified")
    assert c.text.startswith("the night pilots")
    c = _one("The council approved the new fares on Monday.", "approved")
    assert c.text == "the new fares" and c.speaker_mention == "The council"
    c = _one("The pilots' union blocked the timetable change.", "blocked")
    assert c.text == "the timetable change"
    c = _one("The port report lists three unsafe berths.", "lists")
    assert c.text == "three unsafe berths"


def test_deem_reports_a_judgement():
    c = _one("The inspectors deemed the old quay unsafe for passengers.", "deemed")
    assert c.text == "the old quay unsafe for passengers" and c.speaker_mention == "The inspectors"


def test_verbs_of_restricting_and_yielding_report_their_object():
    c = _one("The new law prohibits night crossings in fog.", "prohibits")
    assert c.text == "night crossings in fog" and c.speaker_mention == "The new law"
    c = _one("The harbour board restricted access to the old quay.", "restricted")
    assert c.text == "access to the old quay"
    c = _one("Ana Ruiz finally acquiesced to the union's demands.", "acquiesced to")
    assert c.text == "the union's demands" and c.speaker_mention == "Ana Ruiz"


def test_an_ambiguous_plural_before_a_plain_cue_verb_is_the_subject_noun():
    c = _one("The new rules prohibit night crossings in fog.", "prohibit")
    assert c.text == "night crossings in fog" and c.speaker_mention == "The new rules"
    c = _one("Her plans call for two new ferries.", "call for")
    assert c.text == "two new ferries" and c.speaker_mention == "Her plans"


def test_a_reflexive_object_with_as_or_a_noun_phrase_is_the_content():
    c = _one("About two-thirds of the pilots described themselves as cautious.", "described")
    assert c.text == "themselves as cautious" and c.speaker_mention.endswith("the pilots")
    c = _one("Ana Ruiz calls herself a realist about the timetable.", "calls")
    assert c.text.startswith("herself a realist")


def test_a_view_verb_with_a_reflexive_object_and_as():
    c = _one("Lee regards herself as a realist.", "regards")
    assert c.text == "herself as a realist" and c.speaker_mention == "Lee"
    c = _one("Most riders view themselves as loyal to the ferry.", "view")
    assert c.text == "themselves as loyal to the ferry" and c.speaker_mention == "Most riders"


def test_a_plural_noun_opening_the_sentence_reports_the_stance_of_its_participle():
    c = _one("Pilots supporting Ana Ruiz have pointed to the new rota.", "supporting")
    assert c.text == "Ana Ruiz" and c.speaker_mention == "Pilots"


def test_the_speaker_of_a_main_verb_is_never_the_object_of_a_participle_before_it():
    c = _one("Critics backing the levy say it is fair.", "say")
    assert c.text == "it is fair" and c.speaker_mention == "Critics"
    c = _one("Pilots supporting Ana Ruiz have pointed to the new rota.", "pointed to")
    assert c.speaker_mention == "Pilots"


def test_a_gerund_after_of_reports_for_the_subject():
    c = _one("Ana Ruiz made a habit of praising the night pilots.", "praising")
    assert c.text == "the night pilots" and c.speaker_mention == "Ana Ruiz"


def test_the_main_subject_of_a_fronted_participle_stops_before_its_verb_and_the_full_stop():
    c = _one("By backing the levy, the mayor took a risk.", "backing")
    assert c.text == "the levy" and c.speaker_mention == "the mayor"


def test_a_gerund_after_in_reports_for_the_subject_and_a_fronted_one_ends_at_its_comma():
    c = _one("The union joined the pilots in praising the new rota.", "praising")
    assert c.text == "the new rota" and c.speaker_mention == "The union"
    c = _one("In backing the levy, the mayor took a risk.", "backing")
    assert c.text == "the levy" and c.speaker_mention == "the mayor"


def test_verbs_of_exposing_estimating_and_overturning_report_their_object():
    c = _one("The court struck down the harbour levy.", "struck down")
    assert c.text == "the harbour levy" and c.speaker_mention == "The court"
    c = _one("Analysts pegged the cost of the new quay at two million.", "pegged")
    assert c.text.startswith("the cost of the new quay")
    c = _one("The report exposed serious flaws in the rota.", "exposed")
    assert c.text == "serious flaws in the rota"
    c = _one("The chart illustrates the decline of the night ferry.", "illustrates")
    assert c.text == "the decline of the night ferry"
    c = _one("The union negotiated a new rota with the harbour board.", "negotiated")
    assert c.text.startswith("a new rota")


def test_a_participle_after_the_main_clause_reports_for_its_subject_not_a_fronted_place():
    text = "At a rally in Dover, Kent, on Tuesday, Senator Ana Ruiz of Maine endorsed the levy, saying that it was fair."
    c = _one(text, "saying")
    assert c.text == "that it was fair" and c.speaker_mention == "Senator Ana Ruiz of Maine"


def test_stance_adjectives_leery_and_shocked_and_the_verb_strive():
    c = _one("Many pilots remain leery of the new rota.", "leery")
    assert c.text == "the new rota" and c.speaker_mention == "Many pilots"
    c = _one("Ana Ruiz was shocked that the quay had closed.", "shocked")
    assert c.text == "that the quay had closed" and c.speaker_mention == "Ana Ruiz"
    c = _one("The union strives to keep every ferry running.", "strives")
    assert c.text == "to keep every ferry running" and c.speaker_mention == "The union"


def test_verbs_of_contemplating_boasting_and_wondering_report_their_object():
    c = _one("The board is contemplating a winter timetable.", "contemplating")
    assert c.text == "a winter timetable" and c.speaker_mention == "The board"
    c = _one("Ana Ruiz boasted of her perfect safety record.", "boasted of")
    assert c.text == "her perfect safety record" and c.speaker_mention == "Ana Ruiz"
    c = _one("Many riders wondered about the cost of the new quay.", "wondered about")
    assert c.text == "the cost of the new quay"


def test_call_out_reports_its_object():
    c = _one("Ana Ruiz called out the ferry firm for the delays.", "called out")
    assert c.text == "the ferry firm for the delays" and c.speaker_mention == "Ana Ruiz"


def test_a_text_cut_off_right_after_a_cue_does_not_crash():
    from summitcli.claims import claims_in_text

    for text in ("He painted a grim picture of the ongoing conflict in Ukraine, mentioning ",
                 "The mayor said the", "Critics call the"):
        for c in claims_in_text(text):
            assert text[c.start:c.end] == c.text
