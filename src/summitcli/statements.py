"""The Statement record, and how one cluster of matched units becomes one.

``_assemble`` orders a cluster's sources by date, picks the fullest wording,
scores every member against it with a word-level diff, and names the relation
(verbatim, excerpt, variant, conflict, paraphrase or single).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Mapping

from .records import Claim, Quote

if TYPE_CHECKING:
    from .match_units import _Unit

RELATIONS = ("verbatim", "variant", "excerpt", "conflict", "paraphrase", "single")
_DIFF_CELLS = 4_000_000  # word diffs bigger than this fall back to common ends + one change


@dataclass(frozen=True)
class Statement:
    """One utterance as printed by one or more sources.

    ``relation`` is one of :data:`RELATIONS`; ``score`` the weakest member's similarity to
    the fullest wording (``None`` for ``single``); ``sources`` in date order (earliest
    first, undated last); ``text`` the fullest wording; ``diff`` one entry per quotation
    (pieces of one utterance together): ``{"source", "quotes": [ids], "base": bool, "speaker",
    "score", "ops"}``
    where each op is ``{"op": "equal"|"insert"|"delete"|"replace", "base": [...],
    "words": [...]}`` (``base`` = words of the fullest wording, ``words`` = this member's).
    """

    id: str
    relation: str
    score: float | None
    speakers: tuple[str, ...]
    sources: tuple[str, ...]
    quotes: tuple[Quote, ...]
    claims: tuple[Claim, ...] = ()
    diff: tuple[dict, ...] = ()
    text: str = ""
    kind: str = "speech"  # "speech" | "term" | "claim" (what its members are)
    wordings: Mapping[str, str] = field(default_factory=dict)  # source -> "quoted"|"reworded"

    @property
    def shared(self) -> bool:
        return len(self.sources) >= 2

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "relation": self.relation,
            "score": None if self.score is None else round(self.score, 1),
            "kind": self.kind,
            "text": self.text,
            "speakers": list(self.speakers),
            "sources": list(self.sources),
            "quotes": [q.to_dict() for q in self.quotes],
            "claims": [c.to_dict() for c in self.claims],
            "diff": [dict(d) for d in self.diff],
            "wordings": dict(self.wordings),
        }


def _printed_words(u: _Unit) -> tuple[list[str], list[str]]:
    """The unit's printed words and, for each, its normalised form (one key per word)."""
    keys: list[str] = []
    shown: list[str] = []
    for k, d in zip(u.keys, u.display):
        if d or not keys:
            keys.append(k)
            shown.append(d or k)
        else:
            keys[-1] += " " + k
    return keys, shown


def _diff(base: _Unit, u: _Unit) -> list[dict]:
    """Word-level diff of ``u`` against ``base`` over printed words (normalised to compare)."""
    from rapidfuzz.distance import Levenshtein

    bk, bw = _printed_words(base)
    uk, uw = _printed_words(u)
    if len(bk) * len(uk) > _DIFF_CELLS:  # hostile sizes: common ends and one change between
        lo = 0
        while lo < min(len(bk), len(uk)) and bk[lo] == uk[lo]:
            lo += 1
        hi = 0
        while hi < min(len(bk), len(uk)) - lo and bk[-1 - hi] == uk[-1 - hi]:
            hi += 1
        spans = [("equal", 0, lo, 0, lo), ("replace", lo, len(bk) - hi, lo, len(uk) - hi),
                 ("equal", len(bk) - hi, len(bk), len(uk) - hi, len(uk))]
        ops = [(t, a, b, c, d) for t, a, b, c, d in spans if b > a or d > c]
        ops = [("delete" if d == c else "insert" if b == a else t, a, b, c, d)
               for t, a, b, c, d in ops]
    else:
        ops = [(o.tag, o.src_start, o.src_end, o.dest_start, o.dest_end)
               for o in Levenshtein.opcodes(bk, uk)]
    return [{"op": t, "base": bw[a:b], "words": uw[c:d]} for t, a, b, c, d in ops]


def _member_score(base: _Unit, u: _Unit) -> tuple[float, bool]:
    """Similarity of a member to the fullest wording, and whether it prints the same words."""
    from rapidfuzz import fuzz

    if u.norm == base.norm or f" {u.norm} " in f" {base.norm} ":
        return 100.0, True
    score = max(fuzz.ratio(u.head, base.head), fuzz.token_sort_ratio(u.head, base.head))
    if len(u.norm) < 0.8 * len(base.norm):  # a trimmed wording: judge it against its part
        score = max(score, fuzz.partial_ratio(u.head, base.head))
    return float(score), False


def _assemble(sid: str, members: list[_Unit], dates: Mapping[str, str | None],
              weakest: float | None) -> Statement:
    first: dict[str, int] = {}
    for u in members:
        first[u.source] = min(first.get(u.source, u.order), u.order)
    sources = sorted(first, key=lambda s: (not dates.get(s), dates.get(s) or "", first[s]))
    rank = {s: i for i, s in enumerate(sources)}
    members = sorted(members, key=lambda u: (rank[u.source], u.order))
    said = [u for u in members if u.cls != "claim"]
    reported = [u for u in members if u.cls == "claim"]
    base = max(said or reported, key=lambda u: (len(u.keys), -rank[u.source], -u.order))
    named = [u.speaker for u in members if u.speaker]  # members are in source order
    speakers = tuple(sorted(dict.fromkeys(named), key=lambda s: -named.count(s)))
    diff, same_words, wordings = [], [], {}
    for u in said:
        if len(members) == 1:
            wordings[u.source] = "quoted"
            break
        score, same = _member_score(base, u)
        same_words.append((same, u.norm == base.norm))
        wordings[u.source] = "quoted" if same or wordings.get(u.source) == "quoted" else "reworded"
        diff.append({"source": u.source, "quotes": [m.id for m in u.members], "base": u is base,
                     "speaker": u.speaker, "score": round(score, 1), "ops": _diff(base, u)})
    for u in reported:
        wordings.setdefault(u.source, "reworded")
    quote_sources = {u.source for u in said}
    if len(sources) < 2:
        relation = "single"
    elif len(quote_sources) < 2:
        relation = "paraphrase"
    elif len({u.speaker for u in said if u.speaker}) > 1:
        relation = "conflict"
    elif all(eq for _, eq in same_words):
        relation = "verbatim"
    elif all(same for same, _ in same_words):
        relation = "excerpt"
    else:
        relation = "variant"
    kind = "claim" if not said else "term" if all(u.cls == "term" for u in said) else "speech"
    return Statement(
        id=sid, relation=relation,
        score=None if relation == "single" else round(weakest or 100.0, 1),
        speakers=speakers, sources=tuple(sources),
        quotes=tuple(q for u in said for q in u.members),
        claims=tuple(c for u in reported for c in u.members),
        diff=tuple(diff), text=base.text, kind=kind, wordings=wordings)
