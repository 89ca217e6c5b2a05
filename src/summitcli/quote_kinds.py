"""What kind of quotation one quoted span is: ``term``, ``speech`` or ``fragment``.

Kinds (``kind_rule`` says which rule decided): ``term`` for so-called/dubbed/known-as
names, words on signs, title-case names and short phrases the author also uses unquoted;
``speech`` for whole sentences (sentence-initial, after a colon or a comma lead-in, long
clauses after "that"); ``fragment`` for words inside the author's sentence.  A term never
carries a speaker (the caller keeps a would-be speaker in ``candidates``).  Phrases the
author also uses unquoted are counted once per document, and only when a short
unattributed quotation asks.
"""
from __future__ import annotations

import re
from itertools import islice
from typing import TYPE_CHECKING, Sequence

if TYPE_CHECKING:
    from .quote_attribution import _Attr
    from .quote_pairing import Span

_TERM_LEAD = re.compile(
    r"(?:so-called|dubbed|nicknamed|titled|entitled|headlined|named|known as|the words?|"
    r"the terms?|the phrase|the slogan|the hashtag|the label|labell?ed|branded|a sign reading|"
    r"signs reading|read|reads|reading|(?:a|an|the)[ \u00a0](?:[\w\-]+[ \u00a0]){0,2}called)[ \u00a0]*$",
    re.I)
# _TERM_LEAD read backwards: it only ever asks whether a prefix *ends* with a term lead, and
# an anchored match on the reversed prefix answers that without trying every start position
_TERM_LEAD_REVERSED = re.compile(
    r"\n?[ \u00a0]*(?:dellac-os|debbud|demankcin|deltit|deltitne|denildaeh|deman|sa nwonk|"
    r"s?drow eht|s?mret eht|esarhp eht|nagols eht|gathsah eht|lebal eht|del?lebal|dednarb|"
    r"gnidaer ngis a|gnidaer sngis|daer|sdaer|gnidaer|"
    r"dellac(?:[ \u00a0][\w\-]+){0,2}[ \u00a0](?:a|na|eht))",
    re.I)


def _ends_with_term_lead(prefix: str) -> bool:
    """``_TERM_LEAD.search(prefix) is not None``, by one anchored match on the reversal."""
    return _TERM_LEAD_REVERSED.match(prefix[::-1]) is not None


_DISPLAY = re.compile(r"\b(?:signs?|banners?|placards?|posters?|billboards?|t-shirts?|shirts?|hats?|"
                      r"caps?|stickers?|plaques?|backdrops?|graffiti|mugs?|buttons?)\b", re.I)
_DESCRIBED_AS = re.compile(r"\b(?:describ|fram|characteri[sz]|portray|depict|cast|paint|hail|tout|"
                           r"prais|criticiz|dismiss|denounc|condemn)\w*\b[^.;:!?“”\"]{0,80}\bas[ \u00a0]*"
                           r"(?:(?:[“\"][^“”\"]{1,60}[”\"],?[ \u00a0]+)(?:and|or)[ \u00a0]+)?$", re.I)
_TITLE_BEFORE = re.compile(r"(?:[’']s|\b(?:on|of|in|at|from|the|watch|watched|read|author|host|"
                           r"anchor|book|film|movie|show|program|programme|column|podcast|series))"
                           r"[ \u00a0]*$", re.I)
_TITLE_AFTER = re.compile(r",?[ \u00a0]+(?:podcast|show|program|programme|book|memoir|film|movie|"
                          r"series|column|album|song|documentary|newsletter|blog|segment)\b")
_TITLE_WORD = re.compile(r"[A-Z0-9][\w’'\-]*|of|the|and|a|an|in|on|for|to|at|by|with|or|vs\.?")


def _kind(text: str, span: Span, attr: _Attr, floor: int, recurs) -> tuple[str, str]:
    if span.recovered in ("continued", "pull-quote", "no-opener", "turn"):
        return "speech", span.recovered
    body = text[span.start:span.end]
    words = body.split()
    n = len(words)
    q = body.strip(" ,.;:!?\u00a0")
    if span.depth:
        sentence_like = q[:1].isupper() and (n >= 4 or text[span.end - 1:span.end] in ".?!")
        if sentence_like:
            return "speech", "nested"
        return ("fragment" if attr.spk is not None else "term"), "nested"
    prefix = text[floor:max(floor, span.open_at)]
    initial = prefix.strip(" \u00a0—–-(") == "" or span.open_at < 0
    if _ends_with_term_lead(prefix[-40:]):
        return "term", "term-lead"
    if attr.cue and attr.cue.lower() in ("says", "said", "say", "read", "reads", "reading") \
            and _DISPLAY.search(prefix[-120:]):
        return "term", "sign-text"  # words on a sign, a banner, a T-shirt
    titled = n <= 7 and all(_TITLE_WORD.fullmatch(w.strip(",.:;!?")) for w in words) \
        and words and words[0][:1].isupper() and sum(w[:1].isupper() for w in words) >= max(1, n // 2)
    if titled and attr.spk is None and n <= 5:
        return "term", "title-case"
    if titled and 2 <= n <= 6 and q == body.strip() and (
            _TITLE_BEFORE.search(prefix[-30:]) or _TITLE_AFTER.match(text, span.close_end)):
        return "term", "title"  # on MSNBC’s “Morning Joe”, the “Off Message” podcast
    if n <= 3 and attr.spk is None and q and _phrase(q) in recurs:
        return "term", "recurs-unquoted"
    if attr.spk is not None:
        lead = prefix.rstrip()
        upper = q[:1].isupper()
        if initial or lead.endswith(":") or (lead.endswith(",") and (upper or n >= 6)) \
                or (attr.rule == "lead-in" and upper and n >= 4) \
                or (lead.endswith(" that") and n >= 8):
            return "speech", "speech-cue"
        return "fragment", "fragment-cue"
    if _DESCRIBED_AS.search(prefix[-160:]):
        return "fragment", "described-as"  # "frame their talks as “constructive”"
    if initial and n >= 4:
        return "speech", "speech-shape"
    if n >= 8:
        return "fragment", "fragment-long"
    return "term", "unattributed-short"


_TOKEN = re.compile(r"\w+(?:[’']\w+)*")
_GROUP = re.Match.group


def _phrase(text: str) -> tuple[str, ...]:
    return tuple(_TOKEN.findall(text.lower()))


def _short_phrase(text: str) -> tuple[str, ...] | None:
    """``_phrase(text)`` when it has at most three words, else None (without reading on)."""
    words = tuple(map(_GROUP, islice(_TOKEN.finditer(text.lower()), 4)))
    return words if len(words) <= 3 else None


class _Recurrences:
    """``_unquoted_recurrences`` of a document, worked out the first time a phrase is looked
    up (only short unattributed quotations ever ask)."""

    __slots__ = ("args", "found")

    def __init__(self, text: str, spans: Sequence[Span], attrs):
        self.args, self.found = (text, spans, attrs), None

    def __contains__(self, phrase) -> bool:
        if self.found is None:
            self.found = _unquoted_recurrences(*self.args)
        return phrase in self.found


def _unquoted_recurrences(text: str, spans: Sequence[Span], attrs) -> set[tuple[str, ...]]:
    """Short unattributed quoted phrases that also occur in the article without marks.

    One pass over the document's words: each quoted occurrence is subtracted from the total,
    so what is left are the author's own uses of the words ("no deal" ... “no deal”).
    """
    wanted: dict[tuple[str, ...], int] = {}
    phrases = []
    for s in spans:  # only phrases of one to three words can be wanted or counted
        a = attrs.get(id(s))
        ph = _short_phrase(text[s.start:s.end])
        phrases.append(ph)
        if ph and (a is None or a.spk is None) and len("".join(ph)) >= 3:
            wanted[ph] = wanted.get(ph, 0) + 1
    if not wanted:
        return set()
    quoted = {ph: 0 for ph in wanted}
    for ph in phrases:  # every quoted occurrence, attributed or not
        if ph in quoted:
            quoted[ph] += 1
    if len(wanted) <= 64:
        total = _occurrences(text, wanted)
    else:  # many phrases (hostile input): one pass over the words, linear in the text
        total = dict.fromkeys(wanted, 0)
        toks = _TOKEN.findall(text.lower())
        lengths = sorted({len(ph) for ph in wanted})
        for i in range(len(toks)):
            for n in lengths:
                ph = tuple(toks[i:i + n])
                if ph in total:
                    total[ph] += 1
    return {ph for ph in wanted if total[ph] > quoted[ph]}


_TOKEN_GAP = re.compile(r"[^\w’']+")
_APOS = "’'"
_NOT_EDGE = "_’'"


def _occurrences(text: str, wanted) -> dict[tuple[str, ...], int]:
    """How often each phrase in ``wanted`` occurs as whole words, quoted or not.

    No per-document regex to compile: the first words (at most 64) are found with
    ``str.find``, then the words after each hit are read.  Words
    are separated by anything but word characters and apostrophes; at one position the
    longest phrase wins and occurrences do not overlap.
    """
    total = dict.fromkeys(wanted, 0)
    low = text.lower()
    if len(low) != len(text):
        low = text  # a character whose lower case is longer: keep the offsets
    longest = max(len(ph) for ph in wanted)
    multi = {ph[0] for ph in wanted if len(ph) > 1}
    firsts = {ph[0] for ph in wanted}
    hits = []
    for w in firsts:
        k = low.find(w)
        while k >= 0:
            hits.append((k, w))
            k = low.find(w, k + 1)
    hits.sort()
    n_low = len(low)
    cur = 0
    for a, w in hits:
        e = a + len(w)
        if a < cur or (a > 0 and (low[a - 1].isalnum() or low[a - 1] in _NOT_EDGE)) \
                or (e < n_low and (low[e].isalnum() or low[e] in _NOT_EDGE)):
            continue  # inside a longer word
        if w in multi:
            words, ends = [w], [e]
            while len(words) < longest:
                g = _TOKEN_GAP.match(low, ends[-1])
                m = _TOKEN.match(low, g.end()) if g is not None else None
                if m is None:
                    break
                words.append(m.group())
                ends.append(m.end())
            longer = False
            for n in range(len(words), 1, -1):
                ph = tuple(words[:n])
                if ph in total and not (ends[n - 1] < n_low and low[ends[n - 1]] in _APOS):
                    total[ph] += 1
                    cur, longer = ends[n - 1], True
                    break
            if longer:
                continue
        if (w,) in total:
            total[(w,)] += 1
            cur = e
    return total
