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
