"""Attribution cues around a quotation: after it (``,” X said``, ``— Name``), before it
in the same sentence (``X said: “``), and possessive speech nouns (``X’s reply: “``).

Each function returns ``(cue_start, cue_end, speaker_start, speaker_end, rule)`` or None;
subjects come from :func:`summitcli.attribution.speaker_for_cue`.
"""
from __future__ import annotations

import bisect
import re
from array import array
from functools import cache
from typing import Sequence

from .attribution import (TELL, _TITLE_GAP, _W, _np_after, clause_subject, index_people, lex,
                          speaker_for_cue)
from .verbs import _verb_data, ambiguous_verbs, verb_re
from .records import PersonMention

# -- cues around a quotation ---------------------------------------------------------------

_AFTER_GAP = re.compile(r"(?:[^.;:!?\"“”\n]|\.(?=\w)|(?<=\b[A-Z])\.|(?<=Gov|Sen|Rep|Mrs|Gen|Col|Sgt)\."
                        r"|(?<=Mr|Ms|Dr|Lt|Jr|Sr|St)\.){0,90}")
# _AFTER_GAP one character class at a time: runs of plain characters, and a full stop only
# where one of its full-stop branches allows it (the same look-arounds, the same bound)
_GAP_PLAIN = re.compile(r"[^.;:!?\"“”\n]*")
_GAP_STOP = re.compile(r"\.(?=\w)|(?<=\b[A-Z])\.|(?<=Gov|Sen|Rep|Mrs|Gen|Col|Sgt)\."
                       r"|(?<=Mr|Ms|Dr|Lt|Jr|Sr|St)\.")


def _after_gap_end(text: str, pos: int, limit: int) -> int:
    """Where ``_AFTER_GAP.match(text, pos, limit)`` ends (``pos`` when it does not match)."""
    if pos > limit:
        return pos
    cap = min(limit, pos + 90)
    end = pos
    while True:
        end = _GAP_PLAIN.match(text, end, cap).end()
        if end >= cap or _GAP_STOP.match(text, end, limit) is None:
            return end
        end += 1


_DASH = re.compile(r"[ \u00a0]*[,.!?]?[ \u00a0]*(?:—|–|--?)[ \u00a0]*(?=[A-Z])")


@cache
def bare_only_verbs() -> frozenset[str]:
    return frozenset(_verb_data().get("bare_only") or ())


_BARE_NEXT = re.compile(r"[ \u00a0]*(?:[,.:;!?\"“”‘’'—–]|to\b|$)")


def _scan_verbs(text: str, lo: int, hi: int):
    """Reporting-verb matches of a search of text[lo:hi]; a capitalised noun-like form ("Post")
    is skipped."""
    amb = ambiguous_verbs()
    bare = bare_only_verbs()
    for m in verb_re().finditer(text, lo, hi):
        w = m.group()
        if w.lower() in bare and not _BARE_NEXT.match(text, m.end()):
            continue
        if w[:1].isupper() and (w.lower() in amb or not w.lower().startswith("according")
                                and m.start() > 0 and text[m.start() - 1] not in " \u00a0\n\"“"):
            continue
        yield m


class _VerbIndex:
    """Reporting-verb hits of one document, scanned window by window until the windows have
    covered as much text as the document holds, then indexed in one pass (quote-dense text
    asks about overlapping windows around every quotation; ordinary text about few)."""

    __slots__ = ("text", "budget", "starts", "ends")

    def __init__(self, text: str):
        self.text, self.budget = text, len(text) + 2000
        self.starts: array | None = None
        self.ends: array | None = None

    def indexed(self, lo: int, hi: int) -> bool:
        """Should the window text[lo:hi] be answered from the index (built now if due)?"""
        if self.starts is not None:
            return True
        self.budget -= max(0, hi - lo)
        if self.budget > 0:
            return False
        starts, ends = array("q"), array("q")
        for m in _scan_verbs(self.text, 0, len(self.text)):
            starts.append(m.start())
            ends.append(m.end())
        self.starts, self.ends = starts, ends
        return True


_VERB_INDEX: list = [None]  # the last document's _VerbIndex


def _verb_index(text: str) -> _VerbIndex:
    vi = _VERB_INDEX[0]
    if vi is None or vi.text is not text:
        vi = _VERB_INDEX[0] = _VerbIndex(text)
    return vi


def _verb_hits(text: str, lo: int, hi: int):
    """The hits a search of text[lo:hi] finds, from the per-document index.

    Cues are looked for around every quotation and claim; scanning each window again made
    quote-dense text slow.  A hit cut by either window edge is rescanned in the window, so
    the answer is the windowed search's.
    """
    vi = _verb_index(text)
    if not vi.indexed(lo, hi):
        yield from _scan_verbs(text, lo, hi)
        return
    starts, ends = vi.starts, vi.ends
    k = bisect.bisect_left(starts, lo)
    if k > 0 and ends[k - 1] > lo:  # a hit straddles ``lo``
        yield from _scan_verbs(text, lo, min(ends[k - 1], hi))
    n = len(starts)
    while k < n:
        a, b = starts[k], ends[k]
        if a >= hi:
            return
        if b > hi:
            yield from _scan_verbs(text, a, hi)
            return
        yield _W(text, a, b)
        k += 1


def _last_verb_hits(text: str, lo: int, hi: int, masks, n: int) -> list:
    """The last ``n`` hits of text[lo:hi] outside ``masks``, nearest first (a bounded walk
    back through the per-document index instead of every hit of the window)."""
    vi = _verb_index(text)
    if not vi.indexed(lo, hi):
        return _scan_back(text, lo, hi, masks, n)
    starts, ends = vi.starts, vi.ends
    k_lo = bisect.bisect_left(starts, lo)
    k = bisect.bisect_left(starts, hi)
    if (k_lo > 0 and ends[k_lo - 1] > lo) or (k > k_lo and ends[k - 1] > hi):
        hits = [m for m in _verb_hits(text, lo, hi)  # a hit cut by the window: rescan
                if not _masked(m.start(), masks)]
        return hits[::-1][:n]
    out = []
    while k > k_lo and len(out) < n:
        k -= 1
        a0 = starts[k]
        if not _masked(a0, masks):
            out.append(_W(text, a0, ends[k]))
    return out


_CUT = re.compile(r"[^A-Za-z\s]")  # no reporting-verb form holds such a character
_CHUNK = 120


def _scan_back(text: str, lo: int, hi: int, masks, n: int):
    """The last ``n`` hits of a search of text[lo:hi] outside ``masks``, nearest first,
    scanning back a chunk at a time and only as far as the caller reads.

    A chunk starts just after a character that is neither an ASCII letter nor whitespace:
    no hit can hold one (forms are letters and spaces), so no hit straddles the cut and a
    search of the chunk finds exactly the window's hits that start in it.
    """
    end, found = hi, 0
    while end > lo and found < n:
        cut = lo
        if end - _CHUNK > lo:
            seg = text[lo:end - _CHUNK][::-1]
            m = _CUT.search(seg)
            if m is not None:
                cut = end - _CHUNK - m.start()
        hits = list(_scan_verbs(text, cut, end))
        for m in reversed(hits):
            if masks and _masked(m.start(), masks):
                continue
            yield m
            found += 1
            if found == n:
                return
        end = cut


def _masked(pos: int, masks) -> bool:
    """Is ``pos`` inside one of the (start, end) ``masks``?"""
    for a, b in masks:
        if a <= pos < b:
            return True
    return False


def cue_after(text: str, pos: int, limit: int,
              people: Sequence[PersonMention]) -> tuple[int, int, int, int, str] | None:
    """An attribution right after a closing mark: ``,” X said`` / ``said X`` / ``— Name``.

    Returns (cue_start, cue_end, speaker_start, speaker_end, rule) or None.
    """
    d = _DASH.match(text, pos, limit)
    if d is not None:
        span = _np_after(text, d.end(), limit, people)
        if span is not None and text[span[0]:span[0] + 1].isupper():
            return (d.start(), d.end(), span[0], span[1], "dash-name")
    gap_end = _after_gap_end(text, pos, limit)
    for m in _verb_hits(text, pos, min(limit, gap_end + 40)):
        if m.start() > gap_end or len(text[pos:m.start()].split()) > 10:
            break
        verb = m.group().lower().split()[0]
        gap = text[pos:m.start()].strip(" \u00a0")
        if gap in ("", ",", ".", "!", "?", ",—", "—") and verb not in TELL \
                and not verb.endswith("ing"):
            span = _np_after(text, m.end(), limit, people)
        else:
            span = speaker_for_cue(text, m.start(), m.end(), people)
            if span is not None and span[0] < pos:
                span = None
        if span is not None:
            rule = "after-inverted" if span[0] >= m.end() else "after-cue"
            return (m.start(), m.end(), span[0], span[1], rule)
    return _after_np(text, pos, limit, people)


_LEAD_PUNCT = re.compile(r"[ \u00a0]*[,.!?…]?[ \u00a0]*")
_UNKNOWN_VERB = re.compile(r"[ \u00a0]+([a-z]+(?:ed|s))(?=[ \u00a0]*[.,;]|[ \u00a0]+(?:in|on|at|to|of|as|"
                           r"before|after|while|when|during|from|with|about|back)\b)")
_SENT_STOP = re.compile(r"[.!?](?=[ \u00a0]+[A-Z\"“]|$)|[\"“”\n]")


def _after_np(text: str, pos: int, limit: int, people) -> tuple[int, int, int, int, str] | None:
    """``,” Fred Roe, director of the X Institute, wrote`` / ``?” Hannity pressed.``

    A name or pronoun right after the closing mark, followed in the same sentence by a
    reporting verb (or by a lone past-tense verb, "pressed", "countered"), is the speaker.
    """
    lead = _LEAD_PUNCT.match(text, pos, limit)
    i = lead.end() if lead else pos
    full_stop = text[pos - 2:pos - 1] == "." or text[pos:pos + 1] == "."
    if i >= limit or not (text[i].isupper() or text[i:i + 3] in ("he ", "she") or text[i:i + 4] == "they"):
        return None
    idx = index_people(people)
    k = bisect.bisect_left(idx.starts, i)
    span = None
    if text[i:i + 3] in ("he ", "she") or text[i:i + 4] == "they":
        w = text[i:text.index(" ", i)] if " " in text[i:i + 6] else text[i:i + 4]
        span = (i, i + len(w))
    elif k < len(idx) and idx[k].start - i <= 30 and _TITLE_GAP.fullmatch(text, i, idx[k].start):
        span = (i, idx[k].end)
    if span is None:
        return None
    stop = _SENT_STOP.search(text, span[1], min(limit, span[1] + 220))
    end = stop.start() if stop else min(limit, span[1] + 220)
    for m in _verb_hits(text, span[1], end):
        if full_stop and (text[span[1]:m.start()].strip() or not _BARE_NEXT.match(text, m.end())):
            return None  # “… a deal.” Putin appeared convinced, which he said ...: a new sentence
        return (m.start(), m.end(), span[0], span[1], "after-np")
    u = _UNKNOWN_VERB.match(text, span[1], end)
    if u is not None:
        return (u.start(1), u.end(1), span[0], span[1], "after-np")
    return None


def cue_before(text: str, floor: int, pos: int, people: Sequence[PersonMention],
               masks: Sequence[tuple[int, int]] = ()) -> tuple[int, int, int, int, str] | None:
    """A reporting verb earlier in the quotation's sentence (``X said: “``, ``X called it “``).

    ``masks`` are other quotations' spans: verbs inside them do not count.
    """
    hits = list(_last_verb_hits(text, max(floor, pos - 600), pos, masks, 3))
    for n, m in enumerate(hits):
        span = speaker_for_cue(text, m.start(), m.end(), people)
        if span is not None:
            lead = text[m.end():pos].strip()
            if lead in (":", ",", "", "that", ", that") or lead.endswith(":"):
                rule = "lead-in-colon" if lead.endswith(":") else "lead-in"
            else:
                rule = "sentence-verb"
                outer = _outer_clause_head(text, hits[n + 1:], m, span, people)
                if outer is not None:
                    return (*outer, rule)
            return (m.start(), m.end(), span[0], span[1], rule)
    return None


def _outer_clause_head(text: str, farther, m, span, people):
    """"Carter said he would welcome a “principled network”": the nearer verb's subject sits
    inside the clause of an earlier "said", whose subject is the quotation's source."""
    heads = _clause_heads()
    if m.group().lower() in heads:
        return None
    for far in farther:
        if far.group().lower() in heads and far.end() <= span[0]:
            outer = speaker_for_cue(text, far.start(), far.end(), people)
            return (far.start(), far.end(), outer[0], outer[1]) if outer is not None else None
    return None


@cache
def _clause_heads() -> frozenset:
    return frozenset(str(w).lower() for w in _verb_data().get("clause_heads") or ())



@cache
def _possessive_re() -> re.Pattern:
    nouns = sorted(_verb_data().get("speech_nouns") or (), key=len, reverse=True)
    # the possessor's first letter comes first, so the regex engine skips to candidate letters;
    # the look-behind after it checks the character before it (as (?<![\w’']) would before it)
    return re.compile(r"([A-Zhti](?<![\w’'].)(?:(?<=[A-Z])[\w.\-]*(?:[ \u00a0][A-Z][\w.\-]*)*[’'](?:s\b)?"
                      r"|(?<=[Hh])is|(?<=[Hh])er|(?<=[Tt])heir|(?<=[Ii])ts))"
                      r"[ \u00a0](?:[a-z\-]+[ \u00a0]){0,3}?(?:" + "|".join(nouns) + r")\b")


_WAS_THAT = re.compile(r"[ \u00a0]+(?:was|is|has been|had been)[ \u00a0]+(?:that[ \u00a0]+)?")
_GAP_BREAK = re.compile(r"[,;]|\b(?:said|says|saying|that|which|who)\b")


def possessive_cue(text: str, floor: int, pos: int,
                   people: Sequence[PersonMention]) -> tuple[int, int, int, int, str] | None:
    """``Wanjiru’s reply was short: “…”`` / ``Trump’s talk of “land-swaps”``: the possessor speaks."""
    last = None
    for m in _possessive_re().finditer(text, max(floor, pos - 300), pos):
        last = m
    if last is None:
        return None
    gap = text[last.end():pos]
    colon = gap.rstrip().endswith(":")
    if not colon and (len(gap) > 50 or _GAP_BREAK.search(gap)) and not _WAS_THAT.fullmatch(gap):
        return None  # the quotation is not the object of that noun ("his promise of “…”")
    who = last.group(1)
    a = last.start(1)
    if who.lower() in ("his", "her", "their", "its"):
        sub = clause_subject(text, floor, a, people)  # "Sanders pushed his promise of “…”"
        if sub is not None and text[sub[0]:sub[1]].lower() not in ("he", "she", "it", "they"):
            return (last.start(), last.end(), sub[0], sub[1], "possessive-noun")
        return (last.start(), last.end(), a, a + len(who), "possessive-noun")
    b = a + len(who.rstrip("s").rstrip("’'")) if who.endswith(("’s", "'s")) else a + len(who) - 1
    lx = lex()
    words = text[a:b].split()
    if not words or words[0].lower() in lx["not_names"] or any(
            w.lower() in lx["org_words"] for w in words[:1]):
        return None
    idx = index_people(people)
    p = idx.by_end.get(b)
    start = p.start if p is not None else a
    return (last.start(), last.end(), start, b, "possessive-noun")