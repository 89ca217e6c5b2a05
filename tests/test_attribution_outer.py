"""The outermost source speaks: a pronoun inside the subject's own that-/what-clause is the
subject ("Lind said that last week she had begun “…”" names Lind), while a pronoun opening
a clause of its own ("…, but she said “…”", "…, she said, to “…”") stays the speaker."""
from __future__ import annotations

import pytest

from text_helpers import mention


@pytest.mark.parametrize("doc,words,expected", [
    ("Marta Lind said that over the last week she had begun “to unmask the true nature” of the plan.",
     "to unmask the true nature", "Marta Lind"),
    ("Carl Oberg however said he would welcome a “principled security network” in the region.",
     "principled security network", "Carl Oberg"),
    ("Anna Berg said Wednesday that she phoned the mayor to praise what she called “an extraordinary effort.”",
     "an extraordinary effort.", "Anna Berg"),
    ("Governor Tomas Vik dismissed reports he was leaving by tweeting that “I am going nowhere.”",
     "I am going nowhere.", "Governor Tomas Vik"),
])
def test_pronoun_in_the_subjects_own_clause_names_the_subject(doc, words, expected):
    assert mention(doc, words) == expected


@pytest.mark.parametrize("doc,words,expected", [
    ("Carl Oberg praised the deal on Monday, but he said the talks were “far from over.”",
     "far from over.", "he"),
    ("The port finished a new pier last month, she said, to “bring the ships back.”",
     "bring the ships back.", "she"),
    ("Ruth Alder chaired the panel, which he described as “a waste of time.”",
     "a waste of time.", "he"),
    # a subject known to be a woman is not the "he" of the clause
    ("Mrs. Ruth Alder was relieved that he called the plan “a disgrace.”", "a disgrace.", "he"),
])
def test_pronoun_opening_its_own_clause_stays_the_speaker(doc, words, expected):
    assert mention(doc, words) == expected


@pytest.mark.parametrize("doc,words,expected", [
    # the words are the person's: the outlet that relayed them is not the speaker (a
    # comparison would otherwise split one person's statement across outlets)
    ("“We will not close the plant,” Dana Ruiz said, according to the Valley Courier. “Not this year.”",
     "We will not close the plant,", "Dana Ruiz"),
    ("According to the Harbor Gazette, Mayor Ike Tran said the budget was “balanced at last.”",
     "balanced at last.", "Mayor Ike Tran"),
    ("“We will not close the plant,” Dana Ruiz said, the Valley Courier reported.",
     "We will not close the plant,", "Dana Ruiz"),
])
def test_an_outlet_relaying_a_quotation_is_not_its_speaker(doc, words, expected):
    assert mention(doc, words) == expected


def test_according_to_names_the_speaker_when_nobody_else_does():
    doc = "The port will stay open. “No jobs will be lost,” according to a statement from the board."
    assert mention(doc, "No jobs will be lost,") == "a statement from the board"


def test_according_to_inside_the_quotation_is_the_speakers_own_words():
    doc = "“According to the rules, we must wait,” Ida Holm said."
    assert mention(doc, "According to the rules, we must wait,") == "Ida Holm"


def test_the_next_piece_of_the_quotation_keeps_the_speaker():
    doc = ("“We will not close the plant,” Dana Ruiz said, according to the Valley Courier. "
           "“Not this year.”")
    assert mention(doc, "Not this year.") == "Dana Ruiz"


def test_a_plain_cue_after_the_quotation_is_not_an_outer_source():
    doc = "“We will not close the plant,” Dana Ruiz said, adding that talks would go on."
    assert mention(doc, "We will not close the plant,") == "Dana Ruiz"


@pytest.mark.parametrize("doc,words,expected", [
    # the next sentence's verb has content of its own: it is not this quotation's cue
    ("Vera Stone answered the critics at once: “We built the pier on time and on budget.” "
     "She added that the council still owed the builders money.",
     "We built the pier on time and on budget.", "Vera Stone"),
    ("Vera Stone said the pier was finished. “We built it on time and on budget.” Hal Brink "
     "said the council still owed the builders money.",
     "We built it on time and on budget.", "Vera Stone"),
])
def test_a_finished_quotation_does_not_take_the_next_sentences_cue(doc, words, expected):
    assert mention(doc, words) == expected


def test_a_bare_cue_after_a_full_stop_is_still_the_attribution():
    doc = "“We built the pier on time and on budget.” Vera Stone said."
    assert mention(doc, "We built the pier on time and on budget.") == "Vera Stone"


def test_a_claim_inside_the_subjects_that_clause_has_the_subject_as_source():
    from summitcli.claims import claims_in_text
    doc = "Senator Ana Wills explained through a spokesman that she had simply wanted to thank the voters."
    inner = [c for c in claims_in_text(doc) if c.cue == "wanted"]
    assert inner and inner[0].speaker_mention == "Senator Ana Wills"


def test_a_that_word_inside_a_quotation_does_not_lift_the_pronoun_after_it():
    doc = ("In her speech, Dr. Ana Wills set out her creed: “Fix the pier and when you have "
           "done that, fix it again,” she said.")
    assert mention(doc, "Fix the pier and when you have done that, fix it again,") == "she"


def test_a_lead_adverbial_with_a_comma_inside_it_is_skipped():
    doc = ("In a long, frank interview with a local paper last year, Dario Holm said he regretted "
           "the vote and added, “I would do it differently now.”")
    assert mention(doc, "I would do it differently now.") == "Dario Holm"


def test_a_long_lead_adverbial_is_skipped():
    doc = ("In response to the harbor council’s decision to close the old fishing port next "
           "spring, the mayor rallied supporters, saying: “We will fight this.”")
    assert mention(doc, "We will fight this.") == "the mayor"


def test_lowercase_title_words_before_the_subjects_name():
    doc = "Republican presidential candidate Ana Holt quickly took to Twitter, writing: “Another attack.”"
    assert mention(doc, "Another attack.") == "Ana Holt"
    doc = ("Former secretary of state Ana Holt famously clashed with the committee, telling its "
           "chairman: “What difference does it make?”")
    assert mention(doc, "What difference does it make?") == "Ana Holt"
