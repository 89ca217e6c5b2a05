"""Pair rules for statement matching: score candidate pairs of units, keep the accepted ones.

Candidates come from :mod:`summitcli.blocking`; they are scored in bulk with
``fuzz.ratio`` and ``_Judge`` decides each pair (the same speaker lowers the bar,
different speakers raise it; terms pair only with terms, short phrases only with
short phrases, claims only with the same named speaker).
"""
from __future__ import annotations

import math
from collections import Counter

from rapidfuzz import fuzz  # imported only through matching (compare and search)

from .blocking import candidate_pairs
from .match_units import _CLASSES, _Unit
from .wording import content_words as _content


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
