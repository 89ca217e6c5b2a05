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

The work is split by job: :mod:`summitcli.quote_marks` finds the marks and their shapes,
:mod:`summitcli.quote_pairing` pairs them within a paragraph (nesting, single marks,
pull-quotes), :mod:`summitcli.text_layout` knows the paragraphs and sentence boundaries,
and :func:`find_spans` here walks the paragraphs, carrying a quotation left open into the
next one.

Kinds and speakers are attached in :mod:`summitcli.quote_assembly`, with cues from
:mod:`summitcli.cues`, subjects from :mod:`summitcli.attribution` and referents from
:mod:`summitcli.coreference`.
"""
from __future__ import annotations

import bisect
from typing import Sequence

from .quote_marks import (CLOSE_GLYPH, DOUBLE, DQ_GLYPHS, OPEN_GLYPH, SINGLE,  # noqa: F401
                          _CLOSE_BEFORE, _DQ_RE, _FEET_INCHES, _MARKS, _OPEN_AFTER, _SQ_RE,
                          _TAG_RE, _cut_pair, _double_marks, _family, _glyph, _inch_mark,
                          _mark_len, _mark_positions, _marks, _positions, _shape, _single_marks)
from .quote_pairing import (MAX_SINGLE, Span, _APOS_WORDS, _FUNCTION, _NEXT_WORD,  # noqa: F401
                            _PULL_RE, _REPORTED_END, _double_spans, _has_later_closer,
                            _pull_quote, _recoverable, _single_spans, _singles_around_doubles)
from .records import PersonMention, Quote
from .transcripts import nest_in_turns, turns
from .text_layout import (Boundaries, _ABBREV_END, _BLANK, _BOUNDARY_CACHE,  # noqa: F401
                          _BOUNDARY_RE, _END, _LINE, _LINE_STARTS, _NEWLINE, _PARAGRAPHS,
                          _SPAN, _START, _last_boundary, _paragraphs, _sentence_start,
                          boundaries, line_starts, paragraphs)


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
        # a double quotation left open (``carry``) may not cross a single-quoted one either
        outer = _singles_around_doubles(text, lo, hi, n, [x for x in spans if x.depth == 0]
                                        + ([carry] if carry is not None else []))
        for x in outer:
            x.utterance = next(counter)
            out.append(x)
        # single-quote quotations outside and inside the double-quoted ones
        bounds = sorted([(x.open_at if x.open_at >= 0 else x.start, x.start, x.end, x.close_end)
                         for x in [*spans, *outer] if x.depth == 0]
                        + ([(carry.open_at, carry.start, carry.end, carry.end)] if carry else []))
        cursor = lo
        j = bisect_left(singles, lo)
        if j < n_singles and singles[j] < hi:  # else _single_spans finds nothing in the paragraph
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
    found = turns(text, paras, skipped if skip else None)
    if found:  # an interview transcript: labelled paragraphs are quotations too
        out = nest_in_turns(out, found, lambda: next(counter))
    out.sort(key=lambda x: (x.start, -x.end))
    return [x for x in out if not skipped(x.start)] if skip else out


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
