"""Direct quotations: find quoted spans, decide their kind, attach their speakers.

Entry point: ``quotes_in_text(text, source="doc", skip=()) -> list[Quote]``.

Finding spans works paragraph by paragraph, so an unbalanced mark can never derail the
rest of the article.  Double marks (" “ ” „ « ») are paired by shape: a mark with a
word after it and a space or punctuation before it opens, the mirror image closes;
the glyph only breaks ties.  A closing mark with no opener closes a quotation that
starts at the sentence (or paragraph) start; an opener that never closes ends at the
paragraph end, and when the next paragraph opens with a quote mark the quotation
continues there (the usual multi-paragraph convention).  Single marks (‘ ’ ') are
quotation marks only in the shape ‘words’ - an apostrophe inside a word (Trump’s,
rock 'n' roll, '90s) never opens or closes anything.  Single-quoted spans inside a
double-quoted one are nested quotes.

Kinds and speakers are attached in :mod:`summitcli.quote_assembly`, with cues from
:mod:`summitcli.cues`, subjects from :mod:`summitcli.attribution` and referents from
:mod:`summitcli.coreference`.
"""
from __future__ import annotations

import bisect
import re
from array import array
from itertools import chain
from dataclasses import dataclass
from typing import Sequence

from .records import PersonMention, Quote

DOUBLE = "\"“”„«»‟"
OPEN_GLYPH = "“„«‟"
CLOSE_GLYPH = "”»"
SINGLE = "'‘’‚‹›"
_DQ_RE = re.compile(r"''|[\"“”„«»‟]")  # '' : two apostrophes typed for a double mark
_SQ_RE = re.compile(r"['‘’‹›]")
_BOUNDARY_RE = re.compile(r"[.!?…][\"”’')]*[ \u00a0]+(?=(?:''|[\"“‘'(«„])?[A-Z0-9])")
_ABBREV_END = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Sen|Sens|Rep|Reps|Gov|Gen|Lt|Col|Sgt|Capt|St|Jr|Sr|Prof|Rev|"
                         r"Adm|Maj|No|Vol|vs|Inc|Corp|Co|Ltd|Jan|Feb|Aug|Sept|Sep|Oct|Nov|Dec)|\b[A-Z])\.$")
_APOS_WORDS = re.compile(r"(?:\d0s|\d\d\b|n\b|em\b|til\b|cause\b|tis\b|twas\b|bout\b|round\b)", re.I)
MAX_SINGLE = 300
_TAG_RE = re.compile(r"<[^<>\n]{1,800}>")
_LINE = re.compile(r"[^\n]+")
_START, _END, _SPAN = re.Match.start, re.Match.end, re.Match.span  # applied by map(), in C
_BLANK = re.compile(r"\n[ \t\u00a0]*\n\s*")


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
    if hi - lo > 800:
        return None
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


def find_spans(text: str, skip: Sequence[tuple[int, int]] = ()) -> list[Span]:
    """Every quoted span in document order, with utterance numbers assigned."""
    paras = paragraphs(text)
    skipped = _skipper(skip)
    out: list[Span] = []
    carry: Span | None = None  # a quotation left open at the end of the previous paragraph
    counter = iter(range(1 << 62))
    doubles, singles = _double_marks(text), _single_marks(text)
    n_doubles, n_singles = len(doubles), len(singles)
    bisect_left = bisect.bisect_left
    find = text.find
    for n, (lo, hi) in enumerate(paras):
        if skip and skipped(lo):
            carry = None
            continue
        k = bisect_left(doubles, lo)
        if (k == n_doubles or doubles[k] >= hi) and not (
                (lo > 0 and text.startswith("''", lo - 1)) or text.startswith("''", hi - 1)):
            # no double mark: what the steps below come to for such a paragraph (a quotation
            # left open ends; single-quoted spans; a pull-quote goes the long way)
            pq = None
            if hi - lo <= 800 and (find("–", lo, hi) >= 0 or find("—", lo, hi) >= 0):
                pq = _pull_quote(text, lo, hi, n)
            j = bisect_left(singles, lo)
            no_singles = j == n_singles or singles[j] >= hi
            if pq is None or no_singles:
                if carry is not None:
                    carry.recovered = "no-closer"
                    out.append(carry)
                    carry = None
                if pq is not None:
                    pq.utterance = next(counter)
                    out.append(pq)
                elif not no_singles:
                    for x in _single_spans(text, lo, hi, n, 0):
                        x.utterance = next(counter)
                        out.append(x)
                continue
        spans, open_at, joined = _double_spans(text, lo, hi, n, carry)
        own = [x for x in spans if x.para == n and x.depth == 0]
        first_open = own[0].open_at if own and own[0].open_at >= 0 else open_at
        continues = (carry is not None and not joined and first_open is not None
                     and first_open >= 0 and text[lo:first_open].strip() == "")
        if carry is not None and not joined:
            carry.recovered = "continued" if continues else "no-closer"
            out.append(carry)
        for x in spans:
            if joined and x.para != n:
                x.utterance = carry.utterance
            elif continues and x is (own[0] if own else None):
                x.utterance = carry.utterance
            else:
                x.utterance = next(counter)
            out.append(x)
        new_carry = None
        if open_at is not None:
            end = hi
            a = open_at + _mark_len(text, open_at)
            while end > a and text[end - 1].isspace():
                end -= 1
            if end > a:
                utt = carry.utterance if (continues and open_at == first_open) else next(counter)
                new_carry = Span(a, end, open_at, end, n, recovered="no-closer", utterance=utt)
        carry = new_carry
        if not spans and open_at is None:
            pq = _pull_quote(text, lo, hi, n)
            if pq is not None:
                pq.utterance = next(counter)
                spans = [pq]
                out.append(pq)
        outer = _singles_around_doubles(text, lo, hi, n, [x for x in spans if x.depth == 0])
        for x in outer:
            x.utterance = next(counter)
            out.append(x)
        # single-quote quotations outside and inside the double-quoted ones
        bounds = sorted([(x.open_at if x.open_at >= 0 else x.start, x.start, x.end, x.close_end)
                         for x in [*spans, *outer] if x.depth == 0]
                        + ([(carry.open_at, carry.start, carry.end, carry.end)] if carry else []))
        cursor = lo
        for o, a, b, c in bounds:
            for x in _single_spans(text, cursor, max(cursor, o), n, 0) + \
                    _single_spans(text, max(a, lo), b, n, 1):
                x.utterance = next(counter)
                out.append(x)
            cursor = max(cursor, c)
        for x in _single_spans(text, cursor, hi, n, 0):
            x.utterance = next(counter)
            out.append(x)
    if carry is not None:
        out.append(carry)
    out.sort(key=lambda x: (x.start, -x.end))
    return [x for x in out if not skipped(x.start)] if skip else out


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


def _skipper(skip: Sequence[tuple[int, int]]):
    regions = sorted(skip)

    def inside(pos: int) -> bool:
        k = bisect.bisect_right(regions, (pos, float("inf"))) - 1
        return k >= 0 and regions[k][0] <= pos < regions[k][1]
    return inside


def quotes_in_text(text: str, source: str = "doc",
                   skip: Sequence[tuple[int, int]] = (), *,
                   people: Sequence[PersonMention] | None = None) -> list[Quote]:
    """All quotations in ``text`` with kind, speaker, cue and utterance (a pure function).

    ``skip`` lists boilerplate (start, end) regions to ignore.  ``people`` may pass the
    result of ``people_in_text(text, skip)`` when the caller already has it.
    """
    from .quote_assembly import assemble
    return assemble(text, source, find_spans(text, skip), skip, people)
