"""Matching units: one utterance in one source (its quotation pieces joined) or one claim.

A unit carries the normalised words every later step of statement matching reads
(blocking keys, fuzzy scores, word diffs) and its class (term, short phrase,
speech or claim), which decides what it may pair with.
"""
from __future__ import annotations

from typing import Sequence

from .records import Claim, Quote
from .wording import content_words as _content, tokens

_CLASSES = ("term", "short", "speech", "claim")
_SHORT = 4  # fewer words than this: a short phrase, matched only by (nearly) the same words
_HEAD = 4000  # fuzzy scores look at this many characters (exact checks see everything)


class _Unit:
    """One utterance in one source (joined quote pieces) or one claim."""

    __slots__ = ("idx", "order", "source", "speaker", "cls", "members", "keys", "display",
                 "norm", "head", "text", "content")

    def __init__(self, idx: int, order: int, members: list, cls: str):
        self.idx, self.order, self.members, self.cls = idx, order, members, cls
        self.source = members[0].source
        named = [m.speaker for m in members if m.speaker]
        self.speaker = max(dict.fromkeys(named), key=named.count) if len(set(named)) > 1 else (
            named[0] if named else None)
        self.text = " … ".join(m.text for m in members)
        toks = tokens(self.text)
        self.keys = [k for k, _ in toks]
        self.display = [d for _, d in toks]
        self.norm = " ".join(self.keys)
        self.head = self.norm[:_HEAD]
        self.content = _content(self.keys)


def _units(quotes: Sequence[Quote], claims: Sequence[Claim]) -> list[_Unit]:
    groups: dict[tuple[str, str], list[tuple[int, Quote]]] = {}
    for i, q in enumerate(quotes):
        groups.setdefault((q.source, q.utterance or q.id), []).append((i, q))
    units: list[_Unit] = []
    for pieces in groups.values():
        pieces.sort(key=lambda p: p[1].start)
        unit = _Unit(len(units), min(i for i, _ in pieces), [q for _, q in pieces], "speech")
        if all(q.kind == "term" for _, q in pieces):
            unit.cls = "term"  # scare terms join only scare terms
        elif len(unit.keys) < _SHORT:
            unit.cls = "short"  # a few quoted words join only the same few words
        units.append(unit)
    for j, c in enumerate(claims):
        units.append(_Unit(len(units), len(quotes) + j, [c], "claim"))
    kept = [u for u in units if u.keys]
    for i, u in enumerate(kept):  # positions index numpy arrays: renumber after dropping
        u.idx = i
    return kept
