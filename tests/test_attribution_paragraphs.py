"""A quotation that opens its paragraph with no cue of its own: the previous paragraph's
last sentence, when it quotes nobody, says who speaks (its reporting verb, else its named
subject); when it holds a quotation, that quotation's speaker carries on."""
from __future__ import annotations


from text_helpers import mention


def test_the_reporting_verb_ending_the_previous_paragraph_speaks():
    doc = ("The harbor board met on Monday.\n\n"
           "Commissioner Lydia Ferro said that for years the board had ignored the fishermen.\n\n"
           "“That is why the pier is falling apart.”\n")
    assert mention(doc, "That is why the pier is falling apart.") == "Commissioner Lydia Ferro"


def test_the_named_subject_of_the_previous_paragraph_speaks():
    doc = ("The harbor board met on Monday.\n\n"
           "Lydia Ferro is hopeful about the vote, in part because the mayor has come round.\n\n"
           "“We finally have the numbers.”\n")
    assert mention(doc, "We finally have the numbers.") == "Lydia Ferro"


def test_a_previous_quotation_carries_its_own_speaker_on():
    doc = ("“The pier is falling apart,” Lydia Ferro said, and the board agreed to act.\n\n"
           "“We finally have the numbers.”\n")
    assert mention(doc, "We finally have the numbers.") == "Lydia Ferro"


def test_the_subjects_own_reporting_verb_beats_a_later_verb_in_its_sentence():
    doc = ("The harbor board met on Monday.\n\n"
           "Lydia Ferro complained in a letter that the fishermen should be paid before the "
           "council announced its plan.\n\n"
           "“We finally have the numbers.”\n")
    assert mention(doc, "We finally have the numbers.") == "Lydia Ferro"
