"""Statements across sources: cluster quotations (and claims) that print one utterance.

A *statement* is one utterance as printed by one or more sources. The pipeline:

1. **Units.** Pieces of one interrupted quotation (same ``utterance``) are joined into
   one unit; every claim is a unit of its own. Text is normalised (case, curly marks,
   punctuation, contractions: "it's" = "it is", "didn't" = "did not").
2. **Blocking.** Never all pairs: each unit is keyed by its few rarest content words and
   word bigrams (document frequency between 2 and a cap, a posting budget per unit), once
   as they are and once scoped to the unit's speaker; units with the same exact text pair
   directly. Only units sharing a key become candidates (numpy joins, about linear).
3. **Scoring.** Candidates are scored in bulk with ``rapidfuzz.process.cpdist``
   (``fuzz.ratio``, ``workers=-1``); ``token_sort_ratio`` (reordered clauses) and
   ``partial_ratio`` (a reworded excerpt) run only on the few pairs ratio cannot decide.
   Exact containment makes an excerpt. Rules are in ``_Judge``: the same speaker lowers
   the bar, different speakers raise it; terms pair only with terms, short phrases only
   with short phrases, claims only with the same named speaker (``paraphrase``).
4. **Clusters** are the connected components of accepted pairs, strongest first; groups
   credited to different speakers merge only through a pair that passes the
   different-speaker bar itself (a ``conflict``). Each statement gets a relation, a
   word-level diff of every member against the fullest wording, and its sources in date
   order.
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Mapping, Sequence

from rapidfuzz import fuzz  # this module is imported only by compare and search

from .blocking import candidate_pairs
from .gcpause import paused_gc
from .records import Claim, Quote
from .wording import content_words as _content, normalize, tokens  # noqa: F401 (re-exported)

DEFAULT_MIN_SCORE = 85.0
RELATIONS = ("verbatim", "variant", "excerpt", "conflict", "paraphrase", "single")

_CLASSES = ("term", "short", "speech", "claim")
_SHORT = 4  # fewer words than this: a short phrase, matched only by (nearly) the same words
_HEAD = 4000  # fuzzy scores look at this many characters (exact checks see everything)
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


def _longest_run(a: list[str], b: list[str]) -> list[str]:
    from difflib import SequenceMatcher

    m = SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b))
    return a[m.a : m.a + m.size]


class _Judge:
    """Pair rules. Returns a similarity score (accept) or ``None`` (reject)."""

    def __init__(self, units: list[_Unit], min_score: float):
        self.units, self.min = units, min_score
        self.df = Counter(k for u in units for k in u.content)
        self.rare = max(2.0, math.sqrt(len(units)))

    def pair(self, a: _Unit, b: _Unit, r: float) -> float | None:
        """Score of one candidate pair given its ``fuzz.ratio`` ``r``, or ``None``."""
        if len(a.keys) > len(b.keys):
            a, b = b, a
        same = a.speaker is not None and a.speaker == b.speaker
        differ = a.speaker is not None and b.speaker is not None and not same
        if "claim" in (a.cls, b.cls):
            return self.paraphrase(a, b) if same else None
        if a.cls != b.cls:  # terms join only with terms
            return None
        na, nb = len(a.keys), len(b.keys)
        if a.cls in ("term", "short"):
            if differ:
                return None
            if a.norm == b.norm:
                return 100.0
            return r if na >= 2 and r >= max(self.min, 90.0) else None
        if a.norm == b.norm:
            if na < 4 and not same or differ and na < 6:
                return None  # short common phrases are not evidence of one utterance
            return 100.0
        if na < 4:
            return None
        if na < nb and f" {a.norm} " in f" {b.norm} ":  # an exact excerpt
            if differ:  # another speaker may reuse a phrase: conflict only on most of the words
                return 100.0 if na >= 6 and na >= 0.6 * nb else None
            return 100.0 if na >= 6 or len(a.content) >= 2 else None
        shared = len(a.content & b.content)
        small = min(len(a.content), len(b.content))
        if small >= 2 and shared < 0.5 * small:
            return None  # cheap gate: most content words must recur
        bar = self.min - 10 if same else self.min + 8 if differ else self.min
        var = r
        if var < bar and na >= 0.6 * nb:  # similar lengths: maybe reordered clauses
            var = max(var, fuzz.token_sort_ratio(a.head, b.head))
        if var >= bar and (not differ or na >= 6):
            return var
        if differ:
            return None
        if na >= 5 and na < nb and a.content and shared >= 0.7 * len(a.content):
            pr = fuzz.partial_ratio(a.head, b.head)  # a trimmed and reworded excerpt
            if pr >= min(bar + 5, 99.0):
                return pr
        if same and na >= 6 and var >= bar - 15:
            run = _longest_run(a.keys, b.keys)
            if len(run) >= 4 and len(_content(run)) >= 2 and var + 10 >= bar:
                return var + 10
        return None

    def attests_conflict(self, a: _Unit, b: _Unit, r: float) -> bool:
        """Would this pair pass the bar for the same words credited to different speakers?"""
        if len(a.keys) > len(b.keys):
            a, b = b, a
        na, nb = len(a.keys), len(b.keys)
        if a.cls != "speech" or b.cls != "speech" or na < 6:
            return False
        return (a.norm == b.norm or r >= self.min + 8
                or na >= 0.6 * nb and f" {a.norm} " in f" {b.norm} ")

    def paraphrase(self, a: _Unit, b: _Unit) -> float | None:
        """Reported speech vs a quotation or claim of the same speaker.

        Conservative: most of the shorter side's content words must recur on the other
        side (at least two, three when both are long), and one of them must be rarer than
        the corpus's topic words (document frequency under the square root of the count).
        """
        ca, cb = a.content, b.content
        shared = ca & cb
        need = 3 if min(len(ca), len(cb)) >= 6 else 2
        if len(shared) < need or not any(self.df[k] <= self.rare for k in shared):
            return None
        score = 100.0 * len(shared) / min(len(ca), len(cb))
        return score if score >= max(self.min - 25, 60.0) else None


def _edges(units: list[_Unit], min_score: float) -> list[tuple[int, int, float, bool]]:
    import numpy as np
    from rapidfuzz import fuzz
    from rapidfuzz.process import cpdist

    I, J = candidate_pairs(units)
    if len(I) == 0:
        return []
    ids: dict = {None: -1}
    src_arr = np.array([ids.setdefault(u.source, len(ids)) for u in units])
    spk_arr = np.array([ids.setdefault(u.speaker, len(ids)) if u.speaker else -1 for u in units])
    cls_arr = np.array([_CLASSES.index(u.cls) for u in units])
    claim = _CLASSES.index("claim")
    ci, cj = cls_arr[I], cls_arr[J]
    with_claim = (ci == claim) | (cj == claim)
    keep = (src_arr[I] != src_arr[J]) & np.where(
        with_claim,  # reported speech links only to the same named speaker, never to terms
        (spk_arr[I] == spk_arr[J]) & (spk_arr[I] >= 0) & (ci != 0) & (cj != 0),
        ci == cj)  # otherwise terms with terms, short phrases with short ones, ...
    I, J = I[keep], J[keep]
    norms = [u.head for u in units]
    ratios = cpdist([norms[i] for i in I], [norms[j] for j in J], scorer=fuzz.ratio,
                    workers=-1, dtype=np.float32)
    judge = _Judge(units, min_score)
    out = []
    for i, j, r in zip(I.tolist(), J.tolist(), ratios.tolist()):
        s = judge.pair(units[i], units[j], r)
        if s is not None:
            out.append((i, j, s, judge.attests_conflict(units[i], units[j], r)))
    return out


def _components(units: list[_Unit], edges: list[tuple[int, int, float, bool]]) -> list[list[int]]:
    """Connected components of accepted pairs, strongest first.

    Two groups credited to different speakers merge only through a pair that would pass
    the different-speaker bar itself: a quotation with no known speaker cannot chain two
    people's different utterances into a false conflict.
    """
    n = len(units)
    parent = list(range(n))
    speakers: dict[int, frozenset] = {i: frozenset([u.speaker]) if u.speaker else frozenset()
                                      for i, u in enumerate(units)}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j, _, strong in sorted(edges, key=lambda e: -e[2]):
        ri, rj = find(i), find(j)
        if ri == rj:
            continue
        si, sj = speakers[ri], speakers[rj]
        if si and sj and not (si & sj) and not strong:
            continue
        root, child = min(ri, rj), max(ri, rj)
        parent[child] = root
        speakers[root] = si | sj
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        groups[find(i)].append(i)
    return list(groups.values())


def build_statements(
    quotes: Sequence[Quote],
    claims: Sequence[Claim] = (),
    *,
    dates: Mapping[str, str | None] | None = None,
    min_score: float | None = None,
) -> list[Statement]:
    """Cluster quotations (and claims) into statements; every input lands in exactly one.

    ``quotes``/``claims`` carry canonical speakers; ``dates`` maps source id to an ISO
    date (``YYYY-MM-DD``) or ``None`` and orders each statement's sources (who printed it
    first). ``min_score`` (default :data:`DEFAULT_MIN_SCORE`, 0-100) is the similarity two
    quotations with the same or an unknown speaker need to count as one utterance; the
    same speaker lowers it by 10, different speakers raise it by 8.

    Returns statements ordered by first appearance in the input, with ids ``s1, s2, ...``.
    Statements printed by one source only have relation ``single``.
    """
    with paused_gc():
        return _build(quotes, claims, dates or {},
                      DEFAULT_MIN_SCORE if min_score is None else float(min_score))


def _build(quotes, claims, dates, min_score: float) -> list[Statement]:
    units = _units(list(quotes), list(claims))
    edges = _edges(units, min_score)
    comps = _components(units, edges)
    weakest: dict[int, float] = {}
    root = {i: c[0] for c in comps for i in c}
    for i, j, s, _ in edges:
        if root[i] == root[j]:
            weakest[root[i]] = min(weakest.get(root[i], 100.0), s)
    comps.sort(key=lambda c: min(units[i].order for i in c))
    return [_assemble(f"s{n}", [units[i] for i in c], dates, weakest.get(c[0]))
            for n, c in enumerate(comps, 1)]


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


def search_quotes(quotes: Sequence[Quote], phrase: str, limit: int = 20,
                  min_score: float = 60.0) -> list[tuple[Quote, float]]:
    """Fuzzy search: quotations best matching ``phrase``, best first, with 0-100 scores.

    A phrase found inside a longer quotation scores by ``partial_ratio``; a whole
    quotation by ``ratio``; ties go to the closer whole-text match.
    """
    import numpy as np
    from rapidfuzz import fuzz
    from rapidfuzz.process import cdist

    query = normalize(phrase)
    if not query or not quotes:
        return []
    norms = [normalize(q.text) for q in quotes]
    whole = cdist([query], norms, scorer=fuzz.ratio, workers=-1, dtype=np.float32)[0]
    part = cdist([query], norms, scorer=fuzz.partial_ratio, workers=-1, dtype=np.float32)[0]
    longer = np.array([len(n) >= len(query) for n in norms])
    best = np.maximum(whole, np.where(longer, part, 0))
    ranked = sorted(range(len(quotes)), key=lambda i: (-best[i], -whole[i], i))
    return [(quotes[i], round(float(best[i]), 1)) for i in ranked[:limit] if best[i] >= min_score]
