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
Units are built in :mod:`summitcli.match_units`, pairs judged in
:mod:`summitcli.match_judge`, statements assembled (relation, word diffs) in
:mod:`summitcli.statements`; this module clusters them and searches quotations.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Mapping, Sequence

from .gcpause import paused_gc
from .match_judge import _Judge, _edges, _longest_run  # noqa: F401 (re-exported)
from .match_units import _CLASSES, _HEAD, _SHORT, _Unit, _units  # noqa: F401 (re-exported)
from .records import Claim, Quote
from .statements import (  # noqa: F401 (re-exported)
    _DIFF_CELLS, RELATIONS, Statement, _assemble, _diff, _member_score, _printed_words)
from .wording import content_words as _content, normalize, tokens  # noqa: F401 (re-exported)

DEFAULT_MIN_SCORE = 85.0


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
