"""Look-ups shared by the tests that run the extractors on hand-written sentences."""
from __future__ import annotations

from summitcli.attribution import speaker_for_cue
from summitcli.claims import claims_in_text
from summitcli.people import people_in_text
from summitcli.quotes import quotes_in_text
from summitcli.records import Claim, Quote


def quote(doc: str, text: str) -> Quote:
    """The quotation of ``doc`` whose words are exactly ``text``."""
    found = quotes_in_text(doc)
    for q in found:
        if q.text == text:
            return q
    raise AssertionError(f"{text!r} not in {[q.text for q in found]}")


def mention(doc: str, words: str) -> str | None:
    """The words naming the speaker of the quotation ``words``."""
    return quote(doc, words).speaker_mention


def cue_speaker(doc: str, verb: str, last: bool = False) -> str | None:
    """The speaker words the shared finder gives for the first (or ``last``) ``verb``."""
    i = doc.rindex(verb) if last else doc.index(verb)
    span = speaker_for_cue(doc, i, i + len(verb), people_in_text(doc))
    return doc[span[0]:span[1]] if span else None


def one_claim(text: str, cue: str) -> Claim:
    """The one claim of ``text`` with this cue, its offsets checked against the text."""
    found = [c for c in claims_in_text(text) if c.cue.lower() == cue.lower()]
    assert len(found) == 1, [(c.cue, c.text) for c in claims_in_text(text)]
    c = found[0]
    assert text[c.start:c.end] == c.text
    assert text[c.cue_start:c.cue_end] == c.cue
    if c.speaker_mention is not None:
        assert text[c.speaker_start:c.speaker_end] == c.speaker_mention
    return c
