"""Closed word classes and the backwards word scanner that speaker finding reads.

The sets (auxiliaries, determiners, pronouns, words skipped between a subject and its
verb) and :func:`_prev_word`, which steps left one word at a time in bounded windows.
"""
from __future__ import annotations

import re

BE = frozenset("is are was were be been being".split())
PARTICIPLES = frozenset("said told written read put sworn begun".split())
TELL = frozenset({"tell", "tells", "told", "telling"})
SKIP = frozenset("""also has had have having was were is are been be would will could
later then reportedly once previously recently repeatedly further simply flatly quickly often
did does do just even still again publicly privately bluntly famously initially subsequently
finally openly angrily never always already first earlier today yesterday tonight last night
not had since only himself herself themselves itself""".split())
DAYS = frozenset("""monday tuesday wednesday thursday friday saturday sunday""".split())
STOP_NP = frozenset("""and or but that which as if when while because after before so than
then to in on at by for with from into about over under said says told of""".split())
DETS = frozenset("the a an his her its their our my your this that these those another one some".split())
PRON = frozenset("he she they it we i you who which".split())
_QUANT_PRON = frozenset("another one others some many both several few most all".split())


class _W:
    """The word found by ``_prev_word`` (quacks like a regex match with one group)."""

    __slots__ = ("text", "a", "b")

    def __init__(self, text: str, a: int, b: int):
        self.text, self.a, self.b = text, a, b

    def group(self, n: int = 0) -> str:
        return self.text[self.a:self.b]

    def start(self, n: int = 0) -> int:
        return self.a

    def end(self, n: int = 0) -> int:
        return self.b


_WORD_CHARS = frozenset("_'’.-")  # with str.isalnum(): the characters of a word ([\w'’.\-])
# spaces, then a word, read right to left on the reversed document: one anchored match in C
# instead of a Python loop per character (``\w`` is exactly ``str.isalnum()`` plus "_")
_REV_WORD = re.compile(r"[ \u00a0]*([\w'’.\-]*)")
_REVERSED: list = [(None, "", 0)]  # the last document, its reversal and length (one tuple: atomic)


def _prev_word(text: str, i: int, floor: int) -> _W | None:
    """The word that ends at ``i`` (after skipping spaces), scanning at most 60 characters."""
    last, rev, n = _REVERSED[0]
    if last is not text:
        rev, n = text[::-1], len(text)
        _REVERSED[0] = (text, rev, n)
    lo = i - 60 if i - 60 > floor else floor
    if i <= lo:
        return None
    # text[lo:i] reversed is rev[n - i:n - lo]
    a, b = _REV_WORD.match(rev, n - i, n - lo).span(1)
    return _W(text, n - b, n - a) if b > a else None
