"""Where the quotation marks of a document are, and what shape each one has.

Double marks (" “ ” „ « » ‟, and two apostrophes typed for one) and single marks
(' ‘ ’ ‹ ›) are found once per document with ``str.find`` and kept as sorted arrays, so
each paragraph or window slices them instead of searching again.  ``_shape`` tells from
the characters around a mark whether it can open (a word after it, a space or
punctuation before it) or close (the mirror image).  A straight double mark closing a
feet-and-inches measure (6'11") is not a quotation mark, nor is a mark inside
``<markup attr="...">``.

Pairing the marks into quotations is :mod:`summitcli.quote_pairing`'s job.
"""
from __future__ import annotations

import bisect
import re
from array import array

DOUBLE = "\"“”„«»‟"
OPEN_GLYPH = "“„«‟"
CLOSE_GLYPH = "”»"
SINGLE = "'‘’‚‹›"
_DQ_RE = re.compile(r"''|[\"“”„«»‟]")  # '' : two apostrophes typed for a double mark
_SQ_RE = re.compile(r"['‘’‹›]")
_TAG_RE = re.compile(r"<[^<>\n]{1,800}>")


def _shape(text: str, i: int, lo: int, hi: int, n: int = 1) -> tuple[bool, bool]:
    """(can_open, can_close) of the ``n``-character mark at ``i`` from the characters around it."""
    before = text[i - 1] if i > lo else " "
    after = text[i + n] if i + n < hi else " "
    left = not after.isspace() and (before.isspace() or before in _OPEN_AFTER or i == lo)
    right = not before.isspace() and (after.isspace() or after in _CLOSE_BEFORE or i + n == hi)
    return left, right


_OPEN_AFTER = "([{—–-/:‘'\u00a0" + DOUBLE  # a mark after one of these can open
_CLOSE_BEFORE = ".,;:!?)]}—–-…’'\u00a0" + DOUBLE  # a mark before one of these can close


def _family(g: str) -> str:
    return "s" if g == '"' else "g" if g in "«»" else "c"


def _mark_len(text: str, i: int) -> int:
    return 2 if text.startswith("''", i) else 1


def _glyph(text: str, i: int) -> str:
    """The mark at ``i``; two apostrophes count as a straight double mark."""
    return '"' if text.startswith("''", i) else text[i]


_FEET_INCHES = re.compile(r"\d['’′]\d{1,2}(?:\.\d+)?$")


def _inch_mark(text: str, i: int) -> bool:
    """A straight double mark closing a feet-and-inches measure (6'11"), not a quotation."""
    return text[i] == '"' and i >= 3 and _FEET_INCHES.search(text, max(0, i - 8), i) is not None


def _positions(text: str, chars: str) -> list[int]:
    """Offsets of every occurrence of any of ``chars`` in ``text``, sorted (``str.find``
    runs in C; a regex would try every position of the document)."""
    out: list[int] = []
    find, add = text.find, out.append
    for c in chars:
        k = find(c)
        while k >= 0:
            add(k)
            k = find(c, k + 1)
    out.sort()
    return out


def _mark_positions(text: str) -> tuple[array, array]:
    """(double marks, single marks) of the whole document, computed once per document:
    paragraphs and windows slice them instead of searching again.

    Double marks are the ``_DQ_RE`` matches that are not inch marks: each of its glyphs,
    and two apostrophes, paired from the left as a left-to-right search pairs them.
    Single marks are the ``_SQ_RE`` characters.
    """
    hit = _MARKS[0]
    if hit[0] is not text:
        apostrophes = _positions(text, "'")
        pairs, k, n = [], 0, len(apostrophes) - 1
        while k < n:
            if apostrophes[k + 1] == apostrophes[k] + 1:
                pairs.append(apostrophes[k])
                k += 2
            else:
                k += 1
        doubles = _positions(text, DQ_GLYPHS)
        if pairs:
            doubles = sorted(doubles + pairs)
        if '"' in text:
            doubles = [i for i in doubles if not _inch_mark(text, i)]
        singles = _positions(text, "‘’‹›")
        if apostrophes:
            singles = sorted(singles + apostrophes)
        hit = _MARKS[0] = (text, (array("q", doubles), array("q", singles)))
    return hit[1]


DQ_GLYPHS = "\"“”„«»‟"  # the one-character marks of _DQ_RE


def _double_marks(text: str) -> array:
    return _mark_positions(text)[0]


def _single_marks(text: str) -> array:
    return _mark_positions(text)[1]


_MARKS: list = [(None, (array("q"), array("q")))]


def _cut_pair(text: str, lo: int, hi: int) -> bool:
    """Does a two-apostrophe mark straddle either edge of the window text[lo:hi]?"""
    return (lo > 0 and text.startswith("''", lo - 1)) or text.startswith("''", hi - 1)


def _marks(text: str, lo: int, hi: int) -> list[int]:
    """Positions of double marks in text[lo:hi], ignoring those inside <markup attr="...">."""
    if _cut_pair(text, lo, hi):
        # a two-apostrophe mark cut by the window: the document's matches would differ
        marks = [i for m in _DQ_RE.finditer(text, lo, hi) if not _inch_mark(text, i := m.start())]
    else:
        every = _double_marks(text)
        marks = every[bisect.bisect_left(every, lo):bisect.bisect_left(every, hi)].tolist()
    if marks and text.find("<", lo, hi) >= 0:
        tags = [(m.start(), m.end()) for m in _TAG_RE.finditer(text, lo, hi)]
        if tags:
            starts = [a for a, _ in tags]

            def in_tag(i: int) -> bool:
                k = bisect.bisect_right(starts, i) - 1
                return k >= 0 and tags[k][0] < i < tags[k][1]
            marks = [i for i in marks if not in_tag(i)]
    return marks
