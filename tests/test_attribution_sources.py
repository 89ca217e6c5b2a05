"""Things that speak without being people: documents ("the editorial read", "the filing
says") and people named by a description ("the 43-year-old asked")."""
from __future__ import annotations

import pytest

from summitcli.quotes import quotes_in_text

from text_helpers import mention


@pytest.mark.parametrize("doc,expected", [
    ("“The council has failed the harbor,” the editorial read.", "the editorial"),
    ("“The council has failed the harbor,” the passage continues.", "the passage"),
    ("“The council has failed the harbor,” the filing says.", "the filing"),
    ("“The council has failed the harbor,” the headline declared.", "the headline"),
    ("“The council has failed the harbor,” the suit reads.", "the suit"),
])
def test_a_document_can_be_the_source(doc, expected):
    assert mention(doc, "The council has failed the harbor,") == expected


def test_an_age_used_as_a_noun_is_a_speaker():
    doc = "“Who pays for the new pier?” the 61-year-old asked at the meeting."
    assert mention(doc, "Who pays for the new pier?") == "the 61-year-old"


@pytest.mark.parametrize("doc,words,expected", [
    ("PORTLAND, Maine — Gov. Ada Marsh on Friday vetoed the harbor bill, calling it “a gift "
     "to the developers.”", "a gift to the developers.", "Gov. Ada Marsh"),
    ("BERLIN, May 3 (Wire) — The Harbor Council released a statement Monday, offering "
     "“a full apology” to the fishermen.", "a full apology", "Harbor Council"),
    ("SPRINGFIELD — Sen. Rob Tate (R-Ill.) on Tuesday criticised the plan and said it was "
     "“dead on arrival.”", "dead on arrival.", "Sen. Rob Tate"),
])
def test_a_dateline_is_not_the_subject_of_the_sentence(doc, words, expected):
    assert mention(doc, words) == expected


@pytest.mark.parametrize("doc,expected", [
    ("“Thanks for coming,” said master of ceremonies Asab Holt, a local engineer.",
     "master of ceremonies Asab Holt"),
    ("“Thanks for coming,” said director of policy Ana Holt.", "director of policy Ana Holt"),
    ("“Thanks for coming,” said one of Ana Holt’s aides.", "one of Ana Holt’s aides"),
])
def test_a_title_with_of_before_an_inverted_name(doc, expected):
    assert mention(doc, "Thanks for coming,") == expected


@pytest.mark.parametrize("doc", [
    "Mara Lind pointed out that “the pier was never insured.”",
    "“The pier was never insured,” Mara Lind pointed out.",
])
def test_a_phrasal_reporting_verb_names_its_subject(doc):
    quote = quotes_in_text(doc)[0]
    assert quote.speaker_mention == "Mara Lind" and "pointed out" in quote.cue
