"""A relative clause between the subject and its reporting verb: the verb's subject is the
phrase the clause hangs from, however long the clause ("Ortiz, who last year asked …, said"),
and a "who" clause without commas ("an official who spoke anonymously said") is skipped too."""
from __future__ import annotations

import pytest

from text_helpers import cue_speaker as _cue_speaker
from text_helpers import mention


def cue_speaker(doc: str, verb: str) -> str | None:
    """The speaker words for the LAST ``verb`` (the relative clause may hold the same word)."""
    return _cue_speaker(doc, verb, last=True)


LONG = ("Lena Ortiz, who earlier this year questioned whether the council had followed its own "
        "rules when it approved the new budget for the harbor, said Friday that the plan was "
        "“a mess.”")


def test_a_long_who_clause_between_commas_is_skipped():
    assert mention(LONG, "a mess.") == "Lena Ortiz"
    assert cue_speaker(LONG, "said") == "Lena Ortiz"


def test_a_who_clause_with_commas_inside_it_is_skipped():
    doc = ("The pastor, who in 2019, after a long fight, won back his church, told the crowd "
           "that the town was “tired of waiting.”")
    assert mention(doc, "tired of waiting.") == "The pastor"


@pytest.mark.parametrize("doc,words,expected", [
    ("A city official who spoke anonymously to discuss internal planning said Wednesday, "
     "“There are talks under way.”", "There are talks under way.", "A city official"),
    ("The two nurses who asked not to be named because of hospital rules said the ward was "
     "“always short of beds.”", "always short of beds.", "The two nurses"),
])
def test_a_who_clause_without_commas_is_skipped(doc, words, expected):
    assert mention(doc, words) == expected


def test_a_quotation_inside_the_who_clause_is_still_its_own():
    doc = "The alderman, who says the mayor is “out of touch,” did not attend the meeting."
    assert mention(doc, "out of touch,") == "who"


@pytest.mark.parametrize("doc,words,expected", [
    ("Another source familiar with the mayor’s thinking said, “She will run again.”",
     "She will run again.", "Another source familiar with the mayor’s thinking"),
    ("A person familiar with the talks said the deal was “nearly done.”",
     "nearly done.", "A person familiar with the talks"),
    ("“It is nearly done,” a source close to Mayor Ana Holt said.",
     "It is nearly done,", "a source close to Mayor Ana Holt"),
])
def test_the_speaker_is_the_whole_phrase_not_the_object_of_familiar_with(doc, words, expected):
    assert mention(doc, words) == expected
