"""The layout of one document: paragraphs, line starts and sentence boundaries.

Each is computed once per document (the last document's answer is kept) and asked by
bisection, so questions about the sentence around every quotation and mention stay linear
on quote-dense text.  Quotations (:mod:`summitcli.quotes`) and attribution both use them.
"""
from __future__ import annotations

import bisect
import re
from array import array
from itertools import chain

_BOUNDARY_RE = re.compile(r"[.!?…][\"”’')]*[ \u00a0]+(?=(?:''|[\"“‘'(«„])?[A-Z0-9])")
_ABBREV_END = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Sen|Sens|Rep|Reps|Gov|Gen|Lt|Col|Sgt|Capt|St|Jr|Sr|Prof|Rev|"
                         r"Adm|Maj|No|Vol|vs|Inc|Corp|Co|Ltd|Jan|Feb|Aug|Sept|Sep|Oct|Nov|Dec)|\b[A-Z])\.$")
_LINE = re.compile(r"[^\n]+")
_START, _END, _SPAN = re.Match.start, re.Match.end, re.Match.span  # applied by map(), in C
_BLANK = re.compile(r"\n[ \t\u00a0]*\n\s*")


_PARAGRAPHS: list = [(None, ())]  # the last document's text and its paragraphs (one tuple: atomic)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: lines, or blank-line blocks when lines are hard-wrapped.

    Computed once per document (finding spans and attaching speakers both need them).
    """
    last, paras = _PARAGRAPHS[0]
    if last is not text:
        paras = tuple(_paragraphs(text))
        _PARAGRAPHS[0] = (text, paras)
    return paras


def _paragraphs(text: str) -> list[tuple[int, int]]:
    lines = [(a, b) for a, b in map(_SPAN, _LINE.finditer(text))
             if not (text[a].isspace() and text[a:b].isspace())]
    if len(lines) >= 8 and "\n\n" in text:
        wrapped = sum(1 for a, b in lines if 55 <= b - a <= 80 and text[b - 1] not in ".!?:\"”")
        if wrapped > len(lines) * 0.6:
            cuts = [0] + [x for m in _BLANK.finditer(text) for x in (m.start(), m.end())] + [len(text)]
            return [(a, b) for a, b in zip(cuts[::2], cuts[1::2]) if text[a:b].strip()]
    return lines


def _last_boundary(text: str, lo: int, hi: int) -> int | None:
    end = None
    for m in _BOUNDARY_RE.finditer(text, lo, min(len(text), hi + 3)):
        if m.end() > hi:
            break
        end = m.start() + 1
    return end


def _sentence_start(text: str, lo: int, pos: int) -> int:
    """Start of the sentence containing ``pos`` (never before ``lo``, nor 400 characters back)."""
    start = max(lo, pos - 400)
    b = boundaries(text, _BOUNDARY_RE)
    k = bisect.bisect_right(b.ends, pos)  # boundaries that end by ``pos`` ...
    first = bisect.bisect_left(b.starts, start)  # ... and start inside the window
    while k > first:
        k -= 1
        a = b.starts[k]
        if not _ABBREV_END.search(text, max(lo, a - 6), a + 1):
            start = b.ends[k]
            break
    while start < pos and text[start] in " \u00a0\t":
        start += 1
    return start


class Boundaries:
    """Every match of a boundary regex in one document: starts and ends (both sorted), so a
    window can be answered by bisection as a search restricted to that window would."""

    __slots__ = ("starts", "ends")

    def __init__(self, text: str, rx: re.Pattern | None, spans: array | None = None):
        # machine integers: a hostile 20 MB text can hold millions of matches
        if spans is None:
            spans = array("q", chain.from_iterable(map(_SPAN, rx.finditer(text))))
        self.starts: array = spans[0::2]
        self.ends: array = spans[1::2]

    def without(self, text: str, first: str) -> "Boundaries":
        """The matches that do not open with the character ``first``."""
        if first not in text:
            return self
        spans = array("q", chain.from_iterable(
            (a, b) for a, b in zip(self.starts, self.ends) if text[a] != first))
        return Boundaries(text, None, spans)


_NEWLINE = re.compile(r"\n")


def line_starts(text: str) -> array:
    """Offsets just after each newline of ``text`` (sorted; computed once per document)."""
    hit = _LINE_STARTS[0]
    if hit[0] is not text:
        hit = (text, array("q", map(_END, _NEWLINE.finditer(text))))
        _LINE_STARTS[0] = hit
    return hit[1]


_LINE_STARTS: list = [(None, [])]


_BOUNDARY_CACHE: dict[re.Pattern, tuple[str, Boundaries]] = {}


def boundaries(text: str, rx: re.Pattern) -> Boundaries:
    """The matches of ``rx`` in ``text``, computed once per document and regex.

    Sentence starts are asked for around every quotation and mention; one pass over the
    document and a bisection per question keeps that linear on quote-dense text.
    """
    hit = _BOUNDARY_CACHE.get(rx)
    if hit is not None and hit[0] is text:
        return hit[1]
    b = Boundaries(text, rx)
    _BOUNDARY_CACHE[rx] = (text, b)
    return b
