"""Attributed claims: reported speech with its speaker, cue and content span.

A claim is found from a cue (a reporting verb from ``data/claims.yaml``,
"according to", "as X put it", a hedge such as "reportedly", a cue noun such as
"his claim that") and the sentence around it. The content span follows the
usual news conventions: the that-clause (``that`` included) or bare clause after
the verb, the sentence before ", X said" / ", according to X", the sentence
after "According to X,". Speakers come from :mod:`summitcli.attribution`, the
same code that attributes quotations; only when it names nobody are the plain
subject words taken as the mention (:mod:`.claim_subjects`), and the name is
still resolved by the shared resolver. A report nested inside another claim's
content is carried by the outer claim.

Everything is linear in the text: one pass of a word regex finds cue words,
sentences come from one pass of a boundary regex, and each cue looks at a
bounded window of tokens. The lexicon lives in :mod:`.claim_text`, tokens and
content ends in :mod:`.claim_sentence`, the reporting-verb rules in
:mod:`.claim_rules` and the other cues in :mod:`.claim_phrases`; this module
links claims to quotations and builds the records.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from functools import lru_cache

from .claim_rules import _Raw, _Sentence, _dedupe, _sentence_claims
from .claim_sentence import _cue_words
from .claim_text import _LOWER_WORD, _NAME_COLON, _NAME_COLON_NL, _MAX_SENT, _WORDCHARS, _lexicon, _sentence_bounds
from .records import Claim, PersonMention, Quote


_NEVER = frozenset().__contains__  # "is this offset inside a quotation?" where none is near
# n word characters (letters, digits) with anything between them: does a stretch hold n of them?
_AT_LEAST = {n: re.compile(r"(?:[\W_]*+[^\W_]){%d}" % n) for n in range(1, 5)}


class _QuoteIndex:
    """Fast "is this offset inside a quotation" and "which quotes lie in this span"."""

    def __init__(self, quotes: Sequence[Quote]):
        self.quotes = sorted(quotes, key=lambda q: (q.start, q.end))
        self.starts = [q.start for q in self.quotes]
        merged: list[list[int]] = []
        for q in self.quotes:
            if merged and q.start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], q.end)
            else:
                merged.append([q.start, q.end])
        self.m_starts = [m[0] for m in merged]
        self.merged = merged
        # merged spans are disjoint and sorted, so [s0, e0, s1, e1, ...] is too: a position
        # lies inside a span exactly when an odd number of these bounds are <= it
        self.flat = [x for m in merged for x in m]

    def inside(self, pos: int) -> bool:
        return bisect.bisect_right(self.flat, pos) % 2 == 1

    def inside_for(self, start: int, end: int):
        """``inside`` for positions in [start, end): a C-level "never" when no quotation reaches
        into that span (most sentences), so the rules' many questions cost next to nothing."""
        k = bisect.bisect_left(self.m_starts, end) - 1
        return self.inside if k >= 0 and self.merged[k][1] > start else _NEVER

    def quoted_only(self, text: str, start: int, end: int) -> bool:
        """Does every cue token of text[start:end] start inside a quotation (and is there no
        colon)? Then no rule can fire there: each skips a cue inside a quotation, and only the
        "Name:" rule reads a colon. Tested on characters: outside the quotations there is no
        character that can start a cue word, so the sentence need not be tokenised."""
        if text.find(":", start, end) >= 0:
            return False
        cue_start = _cue_start_re()
        merged = self.merged
        k = max(0, bisect.bisect_right(self.m_starts, start) - 1)
        pos = start
        while k < len(merged) and merged[k][0] < end:
            a, b = merged[k]
            if a > pos and cue_start.search(text, pos, a):
                return False
            pos = max(pos, b)
            k += 1
        return pos >= end or cue_start.search(text, pos, end) is None

    def within(self, start: int, end: int) -> list[Quote]:
        lo = bisect.bisect_left(self.starts, start)
        hi = bisect.bisect_left(self.starts, end)
        return [q for q in self.quotes[lo:hi] if q.end <= end]

    def only_quotes(self, text: str, r: _Raw) -> bool:
        """True when the content is nothing but quotation(s) plus the attribution itself."""
        k = max(0, bisect.bisect_right(self.m_starts, r.start) - 1)
        spans = []
        while k < len(self.merged) and self.merged[k][0] < r.end:
            spans.append(self.merged[k])
            k += 1
        if not spans:
            return _dangling_quote(text, r)
        zone = (min(r.cue_start, (r.speaker or (r.cue_start,))[0]), max(r.cue_end, (r.speaker or (0, 0))[1]))
        gaps, pos = [], r.start
        for a, b in spans:  # stretches of the content outside quotations and outside the attribution
            if a > pos:
                gaps.append((pos, min(a, r.end)))
            pos = max(pos, b)
        if pos < r.end:
            gaps.append((pos, r.end))
        rest = 0
        for a, b in gaps:
            for x, y in ((a, min(b, zone[0])), (max(a, zone[1]), b)):
                if y > x:  # a fourth word character in all: one regex match, however long the stretch
                    if _AT_LEAST[4 - rest].match(text, x, y):
                        return _dangling_quote(text, r)
                    rest += len(_WORDCHARS.findall(text, x, y))  # fewer than 4 - rest of them
        return True


@lru_cache(maxsize=1)
def _cue_start_re() -> re.Pattern:
    """A character a cue token can start with: a word character, or the first character of a
    cue word that starts with another ("’s": tokens never do, but the lexicon is the user's)."""
    odd = sorted({w[0] for w in _cue_words() if w and not re.match(r"\w", w[0])})
    return re.compile(r"\w" + "".join(f"|{re.escape(c)}" for c in odd))


def _dangling_quote(text: str, r: _Raw) -> bool:
    """Content before ", X said" that ends a quotation opened in an earlier sentence."""
    if not r.rule.startswith(("verb-after", "verb-inside", "according-after", "as-after")):
        return False
    seg = text[r.start:r.end]
    tail = text[r.end:r.end + 2]
    closes = seg.count("”") + (seg.count('"') % 2)
    opens = seg.count("“") + (seg.count('"') // 2)
    return ("”" in tail or '"' in tail or seg.endswith(("”", '"'))) and closes > opens or \
        (closes > 0 and opens == 0)


def _past_dateline(text: str, start: int, limit: int) -> int:
    """"CAMBRIDGE, Mass., Dec. 11 (UPI) — Voters are ...": content that opens with an
    upper-case dateline starts after the dateline's dash."""
    head = text[start:min(limit, start + 60)]
    first = head.split(" ", 1)[0].strip(",.")
    if len(first) < 3 or not first.isalpha() or not first.isupper():
        return start
    for dash in ("—", "–", " - "):
        d = head.find(dash)
        if d > 0 and all(w[:1].isupper() or w[:1].isdigit() or w[:1] == "(" for w in head[:d].split()):
            rest = d + len(dash)
            while rest < len(head) and head[rest] in " \t\u00a0":
                rest += 1
            return start + rest if rest < len(head) else start
    return start


# --------------------------------------------------------------------------- entry point
def _default_quotes(text: str, source: str, skip) -> list[Quote]:
    from . import quotes as quotes_mod  # lazy: quotes.py is owned elsewhere and optional here

    return list(quotes_mod.quotes_in_text(text, source, skip))


@lru_cache(maxsize=1)
def _cased_triggers() -> frozenset:
    """Trigger words as they may be written: "said", "Said", "SAID"."""
    words = _lexicon().triggers
    return frozenset(words) | {w.capitalize() for w in words} | {w.upper() for w in words}


@lru_cache(maxsize=1)
def _cased_trigger_bytes() -> frozenset:
    """The cased triggers that can be a run of ASCII letters, as bytes."""
    return frozenset(w.encode("ascii") for w in _cased_triggers() if _LOWER_WORD.fullmatch(w))


# every byte but an ASCII letter becomes a space
_LETTERS_ONLY = bytes(c if 65 <= c <= 90 or 97 <= c <= 122 else 32 for c in range(256))


@lru_cache(maxsize=1)
def _phrase_triggers() -> tuple[frozenset, dict]:
    """Trigger words that can only start a multi-word cue ("take" of "take aim at"), each
    with the other words its cues need, as lowercase bytes; and the remaining triggers."""
    lex = _lexicon()
    needs: dict[bytes, list[frozenset]] = {}
    alone = set()
    for form in lex.forms:
        words = form.split()
        if len(words) > 1 and all(_LOWER_WORD.fullmatch(w) for w in words):
            needs.setdefault(words[0].encode("ascii"), []).append(frozenset(w.encode("ascii") for w in words[1:]))
        else:
            alone.add(words[0])
    # words that trigger other rules too (nouns such as "talk of", adjectives, hedges, sources)
    alone |= lex.hedge_adverbs | lex.hedge_passives | lex.cue_nouns | lex.as_verbs | lex.source_nouns
    alone |= set(lex.object_nouns) | set(lex.adjectives) | {"according"}
    alone_bytes = frozenset(w.encode("ascii") for w in alone if _LOWER_WORD.fullmatch(w))
    return alone_bytes, {w: tuple(r) for w, r in needs.items() if w not in alone_bytes}


def _trigger_sentences(text: str, starts: list[int]) -> list[int]:
    """Indices of the sentences (from ``starts``) with a trigger among their [A-Za-z]+ words.

    The text is reduced once to ASCII letters and spaces, one byte per character (C-level
    encode + translate), so a sentence's words are a ``split`` of its byte slice rather
    than a regex match per word. A word that only starts multi-word cues counts only when
    the sentence also has the other words of one of them (they cannot match otherwise)."""
    letters = text.encode("ascii", "replace").translate(_LETTERS_ONLY)
    triggers = _cased_trigger_bytes()
    alone, phrases = _phrase_triggers()
    ends = starts[1:] + [len(text)]
    out = []
    for k, (a, b) in enumerate(zip(starts, ends)):
        hit = triggers.intersection(letters[a:b].split())
        if not hit:
            continue
        if not alone.isdisjoint(map(bytes.lower, hit)):
            out.append(k)  # a trigger that needs no other word (most sentences): no lowered set
            continue
        lowered = set(letters[a:b].lower().split())
        if not alone.isdisjoint(lowered) or any(
                rest <= lowered for w in lowered.intersection(phrases) for rest in phrases[w]):
            out.append(k)
    return out


def _name_colon_starts(text: str) -> list[int]:
    """Line starts of "Lynch: ..." headline attributions (the line-start regex, tried only at newlines)."""
    out = [0] if _NAME_COLON.match(text) else []
    out.extend(m.start() + 1 for m in _NAME_COLON_NL.finditer(text))
    return out


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentences that contain at least one trigger word (the rest cannot hold a claim)."""
    starts = _sentence_bounds(text)
    wanted = set(_trigger_sentences(text, starts))
    wanted.update(bisect.bisect_right(starts, p) - 1 for p in _name_colon_starts(text))
    wanted = sorted(wanted)
    out = []
    for k in wanted:
        a, b = starts[k], starts[k + 1] if k + 1 < len(starts) else len(text)
        while b - a > _MAX_SENT:  # pathological run-on text: bounded windows keep it linear
            out.append((a, a + _MAX_SENT))
            a += _MAX_SENT
        if text[a:b].strip():
            out.append((a, b))
    return out


class _SkipIndex:
    """Boilerplate ranges: does a span touch any of them? (bisect, so many ranges stay cheap)"""

    def __init__(self, skip: Sequence[tuple[int, int]]):
        merged: list[list[int]] = []
        for a, b in sorted(skip):
            if merged and a <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        self.starts = [m[0] for m in merged]
        self.merged = merged

    def touches(self, start: int, end: int) -> bool:
        k = bisect.bisect_left(self.starts, end) - 1
        return k >= 0 and self.merged[k][1] > start


def claims_in_text(text: str, source: str = "doc", skip: Sequence[tuple[int, int]] = (),
                   quotes: Sequence[Quote] | None = None,
                   people: Sequence[PersonMention] | None = None) -> list[Claim]:
    """Every attributed claim in ``text``, in document order.

    ``quotes`` and ``people`` are the records already extracted from the same text
    (computed here when None; an empty list passed in is taken as "none found", so
    the pipeline never extracts them twice); quotes inside a claim are linked by id,
    and a claim that is nothing but a quotation is left to the quotation record.
    """
    from . import attribution, people as people_mod

    if quotes is None:
        quotes = ()
        if any(c in text for c in "\"“”«„‘"):
            try:
                quotes = _default_quotes(text, source, skip)
            except ImportError:
                pass
    if people is None:
        people = people_mod.people_in_text(text, skip)
    qi = _QuoteIndex(quotes)
    index = getattr(attribution, "index_people", tuple)(people)  # built once per document

    def speaker_fn(cs: int, ce: int):
        return attribution.speaker_for_cue(text, cs, ce, index)

    resolved: dict[tuple[int, int], str | None] = {}  # a plain dict: an lru_cache per document costs more

    def resolve(a: int, b: int) -> str | None:
        name = resolved.get((a, b), resolved)  # the dict itself: not asked yet
        if name is resolved:
            name = resolved[a, b] = attribution.resolve_mention(text, a, b, index)
        return name

    raws: list[_Raw] = []
    boilerplate = _SkipIndex(skip)
    for ss, se in _sentence_spans(text):
        if skip and boilerplate.touches(ss, se):
            continue
        inside = qi.inside_for(ss, se)
        if inside is not _NEVER and qi.quoted_only(text, ss, se):
            continue  # a sentence inside a quotation: nothing outside it can be a cue
        found = _sentence_claims(_Sentence(text, ss, se, inside, speaker_fn), inside)
        if found:  # (a third of these sentences find nothing)
            raws.extend(r for r in _dedupe(found)
                        if r.end > r.start and r.rule != "quote-attribution" and not qi.only_quotes(text, r))
    raws.sort(key=lambda r: (r.start, r.cue_start))
    not_speakers = _lexicon().not_speakers
    out = []
    make = _claim_maker()
    for r in raws:
        r.start = _past_dateline(text, r.start, min(r.end, r.cue_start) if r.cue_start > r.start else r.end)
        if r.speaker and r.cue_end <= r.start <= r.speaker[0] < r.end:
            r.speaker = None  # the finder named words of the content after the cue: nobody said them
        r.speaker = r.speaker or r.fallback
        if r.speaker and text[r.speaker[0]:r.speaker[1]].lower() in not_speakers:
            r.speaker = None
        mention = text[r.speaker[0]:r.speaker[1]] if r.speaker else None
        out.append(make(dict(
            id=f"{source}:c{len(out) + 1}", source=source, text=text[r.start:r.end],
            start=r.start, end=r.end,
            speaker=resolve(*r.speaker) if r.speaker else None,
            speaker_mention=mention,
            speaker_start=r.speaker[0] if r.speaker else None,
            speaker_end=r.speaker[1] if r.speaker else None,
            cue=text[r.cue_start:r.cue_end], cue_start=r.cue_start, cue_end=r.cue_end,
            hedged=r.hedged, quotes=tuple(q.id for q in qi.within(r.start, r.end)), rule=r.rule)))
    return out


# the fields ``claims_in_text`` fills, in order; only while they are all of Claim's is the
# instance dict set directly
_CLAIM_FIELDS = ("id", "source", "text", "start", "end", "speaker", "speaker_mention", "speaker_start",
                 "speaker_end", "cue", "cue_start", "cue_end", "hedged", "quotes", "rule")


def _claim_maker():
    """``Claim(**fields)``, or while Claim has exactly these fields a quicker equivalent that
    skips the frozen dataclass's __init__ (one object.__setattr__ per field, fifteen of them)."""
    if Claim._field_names != _CLAIM_FIELDS:  # a field was added: the regular constructor fills its default
        return lambda d: Claim(**d)
    new, put = object.__new__, object.__setattr__

    def make(d: dict) -> Claim:
        c = new(Claim)
        put(c, "__dict__", d)
        return c
    return make
