"""Pairing quotation marks into quoted spans within one paragraph, and nesting.

Double marks are paired by shape: a mark with a word after it and a space or punctuation
before it opens, the mirror image closes; the glyph only breaks ties.  A closing mark with
no opener closes a quotation that starts at the sentence (or paragraph) start; an opener
followed by another opener lost its closer and ends at the last sentence boundary before
it.  Single marks (‘ ’ ') are quotation marks only in the shape ‘words’ - an apostrophe
inside a word (Trump’s, rock 'n' roll, '90s) never opens or closes anything.  Quotations
of one family inside another's (“… ‘…’ …”, or British ‘… “…” …’) are nested.  A
paragraph without marks may be a pull-quote ("Words– Jane Roe, Lecturer").

Carrying a quotation across paragraphs is :func:`summitcli.quotes.find_spans`'s job.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .quote_marks import (CLOSE_GLYPH, DOUBLE, OPEN_GLYPH, _family, _glyph, _mark_len, _marks,
                          _shape, _single_marks)
from .text_layout import _last_boundary, _sentence_start

_APOS_WORDS = re.compile(r"(?:\d0s|\d\d\b|n\b|em\b|til\b|cause\b|tis\b|twas\b|bout\b|round\b)", re.I)
MAX_SINGLE = 300


@dataclass
class Span:
    """A quoted stretch before kinds and speakers are attached (internal)."""

    start: int  # first character of the quoted words
    end: int  # one past the last quoted character
    open_at: int  # index of the opening mark, or -1 when recovered without one
    close_end: int  # index just past the closing mark (== end when unclosed)
    para: int
    depth: int = 0  # 1 = nested inside another quotation
    single: bool = False
    recovered: str = ""  # "no-opener" | "no-closer" | "continued" | "pull-quote"
    utterance: int = -1


def _double_spans(text: str, lo: int, hi: int, para: int,
                  carry: "Span | None" = None) -> tuple[list[Span], int | None, bool]:
    """Pair the double marks of one paragraph.

    Returns the spans, the still-open mark (if any) and whether ``carry`` (a quotation left
    open by the previous paragraph) was closed here by a closing mark with no opener.
    """
    spans: list[Span] = []
    open_at: int | None = None
    last_end = lo
    used = False
    marks = _marks(text, lo, hi)
    k = 0
    olen = 1
    while k < len(marks):
        i = marks[k]
        k += 1
        if text.startswith("''", i):  # _glyph and _mark_len in one test
            g, w = '"', 2
        else:
            g, w = text[i], 1
        left, right = _shape(text, i, lo, hi, w)
        if open_at is None:
            if left or (g in OPEN_GLYPH and not right):
                open_at, olen = i, w
            elif right or g in CLOSE_GLYPH:
                if carry is not None and not spans and not used:
                    used = True  # the previous paragraph's quotation ends here
                    spans.append(Span(carry.start, i, carry.open_at, i + w, carry.para))
                else:
                    start = _sentence_start(text, last_end, i)
                    if _recoverable(text, start, i):
                        spans.append(Span(start, i, -1, i + w, para, recovered="no-opener"))
                last_end = i + w
            continue
        og = _glyph(text, open_at)
        if left and not right and _family(g) != _family(og) and k < len(marks):
            j = marks[k]  # a quotation of another family nested inside this one
            wj = _mark_len(text, j)
            if _family(_glyph(text, j)) == _family(g) and _shape(text, j, lo, hi, wj)[1]:
                spans.append(Span(i + w, j, i, j + wj, para, depth=1))
                k += 1
                continue
        if right or g in CLOSE_GLYPH or (not left and g in '"“'):
            a, b = open_at + olen, i
            while a < b and text[a] in " \u00a0\u202f":  # « spaced guillemets »
                a += 1
            while b > a and text[b - 1] in " \u00a0\u202f":
                b -= 1
            if b > a:
                spans.append(Span(a, b, open_at, i + w, para))
            open_at, last_end = None, i + w
        elif left:  # an opener while one is open: the earlier quotation lost its closer
            cut = _last_boundary(text, open_at + olen, i)
            if cut is not None and cut > open_at + olen:
                spans.append(Span(open_at + olen, cut, open_at, cut, para, recovered="no-closer"))
            open_at, olen = i, w
    return spans, open_at, used


_REPORTED_END = re.compile(r"\b(?:said|says|added|wrote|told|asked|noted|explained)\W{0,3}$")


def _recoverable(text: str, start: int, end: int) -> bool:
    """Is text[start:end] worth a quotation whose opening mark was dropped?"""
    seg = text[start:end]
    return len(seg.split()) >= 4 and not _REPORTED_END.search(seg)


def _single_spans(text: str, lo: int, hi: int, para: int, depth: int) -> list[Span]:
    """Single-quote quotations ‘like this’ in text[lo:hi]; apostrophes are left alone."""
    spans: list[Span] = []
    opener: int | None = None
    every = _single_marks(text)
    k = bisect.bisect_left(every, lo)
    if k == len(every) or every[k] >= hi:
        return spans
    for i in every[k:bisect.bisect_left(every, hi, k)]:
        if lo < i < hi - 1 and text[i - 1].isalnum() and text[i + 1].isalnum():
            # inside a word (Trump’s, don't): neither opens nor closes (see _shape)
            if opener is not None and i - opener > MAX_SINGLE:
                opener = None
            continue
        g = text[i]
        if g == "'" and (text.startswith("''", i) or text[i - 1:i] == "'"):
            continue  # '' is a double mark, handled with the double marks
        left, right = _shape(text, i, lo, hi)
        if opener is None or i - opener > MAX_SINGLE:
            opener = None
            if left and not right and g in "'‘‹" and not _APOS_WORDS.match(text, i + 1):
                opener = i
            continue
        if right and not left and g in "'’›":
            if text[i - 1] in "nN" and text[i - 2:i - 1] in "'’" and text[i - 3:i - 2] == " ":
                continue  # rock ’n’ roll
            nxt = _NEXT_WORD.match(text, i + 1, hi)
            if (text[i - 1] in "sS" and nxt is not None and nxt.group(1).lower() not in _FUNCTION
                    and _has_later_closer(text, i + 1, min(hi, opener + MAX_SINGLE))):
                continue  # plural possessive ("voters’ rights") inside the quotation
            if i > opener + 1:
                spans.append(Span(opener + 1, i, opener, i + 1, para, depth=depth, single=True))
            opener = None
        elif left and not right and g in "'‘‹" and not _APOS_WORDS.match(text, i + 1):
            opener = i
    return spans


_NEXT_WORD = re.compile(r" ([a-z]+)\b")
_FUNCTION = frozenset("""and or but nor the a an to in on at is was are were be he she they it we
said says say told with for from as that which who by of if so than then when while because
has have had will would could should can may might""".split())


def _has_later_closer(text: str, lo: int, hi: int) -> bool:
    every = _single_marks(text)
    for i in every[bisect.bisect_left(every, lo):bisect.bisect_left(every, hi)]:
        left, right = _shape(text, i, lo - 1, hi)
        if right and not left:
            return True
    return False


_PULL_RE = re.compile(r"(?P<q>\S.{20,}?\S)[ \u00a0]?[–—][ \u00a0]?(?P<name>[A-Z][^\n,–—]{2,60})"
                      r"(?:,[^\n]{0,120})?$")


def _pull_quote(text: str, lo: int, hi: int, para: int) -> Span | None:
    """A pull-quote paragraph without marks: "Words of the speaker– Dr Jane Roe, Lecturer"."""
    if hi - lo > 800 or para == 0:
        return None  # (the first paragraph is never taken for one: see below)
    if text.find("–", lo, hi) < 0 and text.find("—", lo, hi) < 0:
        return None  # no dash before a name: not a pull-quote
    seg = text[lo:hi]
    if any(c in seg for c in DOUBLE):
        return None  # marks: not a pull-quote
    m = _PULL_RE.match(text, lo, hi)
    if m is None or m.end() != hi:
        return None
    name = m.group("name").split()
    if para == 0 or not (2 <= len(name) <= 5 and all(w[:1].isupper() for w in name)) \
            or any(c in m.group("name") for c in "!?’'\"‘:;") or text[m.end("q") - 1] in ",;:":
        return None
    return Span(m.start("q"), m.end("q"), -1, m.end("q"), para, recovered="pull-quote")


def _singles_around_doubles(text: str, lo: int, hi: int, para: int,
                            doubles: list[Span]) -> list[Span]:
    """‘The chairman told me “no”, and that was it,’ she said: British style, where the
    quotation is in single marks and a quote inside it in double marks. Such a single
    span (curly, or straight at the paragraph start) is the outer quotation and the
    double spans inside it become nested."""
    if not doubles or text.find("‘", lo, hi) < 0 and text[lo:lo + 1] != "'":
        return []
    found = []
    for x in _single_spans(text, lo, hi, para, 0):
        if text[x.open_at] != "‘" and x.open_at != lo:
            continue
        inside = [d for d in doubles if x.open_at < d.open_at and d.close_end <= x.end]
        crossing = [d for d in doubles if d not in inside
                    and d.open_at < x.close_end and x.open_at < d.close_end]
        if inside and not crossing:
            for d in inside:
                d.depth = 1
            found.append(x)
    return found
