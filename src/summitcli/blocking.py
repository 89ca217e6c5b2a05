"""Blocking for statement matching: which pairs of units are worth scoring at all.

Never all pairs: each unit is keyed by its few rarest content words and word
bigrams (document frequency between 2 and a cap, a posting budget per unit), once
as they are and once scoped to the unit's speaker; units with the same exact text
pair directly. Cost is about ``2 * _BUDGET`` candidates per unit: linear in the
corpus. Units are ``matching._Unit`` objects (``idx``, ``cls``, ``keys``, ``norm``,
``speaker``).
"""
from __future__ import annotations

from itertools import chain, combinations
from typing import TYPE_CHECKING

from .wording import FUNCTION_WORDS as _FUNCTION_WORDS

if TYPE_CHECKING:
    from .matching import _Unit

_SOFT_CAP = 64  # a key feature shared by more units than this is too common to block on
_KEYS_PER_UNIT = 6
_BUDGET = 32  # at most ~this many postings per unit beyond its rarest key
_GROUP = {"term": 0, "short": 1, "speech": 2, "claim": 2}  # blocking groups: who may pair


def _unit_features(units: list[_Unit]):
    """``(feature, unit)`` rows sorted by feature, and each feature's tier.

    Features are content-word unigrams and word bigrams within each class group (tier 0), and the same
    scoped to the unit's speaker (tier 1: rare even when the words are common). Numpy
    throughout; returns ``(features, units, tier_of_feature)``.
    """
    import numpy as np

    n = len(units)
    words = list(chain.from_iterable(u.keys for u in units))
    vocab = {k: i for i, k in enumerate(dict.fromkeys(words))}  # first-seen order, not hash order
    t = np.fromiter(map(vocab.__getitem__, words), dtype=np.int64, count=len(words))
    o = np.repeat(np.arange(n, dtype=np.int64), [len(u.keys) for u in units])
    v = len(vocab) + 1
    nxt = o[1:] == o[:-1]
    content = np.zeros(v, dtype=bool)  # function words only count inside bigrams
    content[[i for k, i in vocab.items() if k not in _FUNCTION_WORDS]] = True
    group = np.array([_GROUP[u.cls] for u in units], dtype=np.int64)
    keep = content[t]
    feats = np.concatenate([t[keep], v + t[:-1][nxt] * v + t[1:][nxt]])
    fowner = np.concatenate([o[keep], o[:-1][nxt]])
    feats = feats * len(set(_GROUP.values())) + group[fowner]
    spk = _speaker_ids(units)
    said = (spk[fowner] >= 0) & (group[fowner] == _GROUP["speech"])
    top = feats.max(initial=0) + 1
    scoped = top + feats[said] * (int(spk.max(initial=0)) + 1) + spk[fowner[said]]
    feats = np.concatenate([feats, scoped])
    fowner = np.concatenate([fowner, fowner[said]])
    if feats.size == 0:  # no unit has a content word or a bigram: nothing to block on
        empty = np.empty(0, dtype=np.int64)
        return empty, empty, empty
    order = np.argsort(feats)
    ranked = feats[order]
    first = np.r_[True, ranked[1:] != ranked[:-1]]
    tier = (ranked[first] >= top).astype(np.int64)
    # A word repeated in one unit gives repeated rows: harmless (pairs are deduplicated).
    return np.cumsum(first) - 1, fowner[order], tier


def _speaker_ids(units: list[_Unit]):
    import numpy as np

    names: dict[str, int] = {}
    return np.array([names.setdefault(u.speaker, len(names)) if u.speaker else -1
                     for u in units], dtype=np.int64)


def _sorted_unique(values):
    """``np.unique`` by sorting (faster here than numpy's hash-based unique)."""
    import numpy as np

    values = np.sort(values)
    return values[np.r_[True, values[1:] != values[:-1]]] if len(values) else values


def _choose_keys(rf, ru, tier):
    """Per unit and tier, the rarest usable features within the key count and budget."""
    import numpy as np

    df = np.bincount(rf, minlength=len(tier))
    d = df[rf]
    usable = np.flatnonzero((d >= 2) & (d <= _SOFT_CAP))
    if len(usable) == 0:
        return rf[:0], ru[:0]
    slot = ru[usable] * 2 + tier[rf[usable]]
    order = usable[np.lexsort((rf[usable], d[usable], slot))]
    oslot, od = ru[order] * 2 + tier[rf[order]], d[order]
    starts = np.flatnonzero(np.r_[True, oslot[1:] != oslot[:-1]])
    lengths = np.diff(np.r_[starts, len(oslot)])
    rank = np.arange(len(oslot)) - np.repeat(starts, lengths)
    csum = np.cumsum(od)
    spent = csum - np.repeat(csum[starts] - od[starts], lengths)
    chosen = order[(rank == 0) | ((rank < _KEYS_PER_UNIT) & (spent <= _BUDGET))]
    return rf[chosen], ru[chosen]


def _exact_pairs(units: list[_Unit]):
    """Pairs of units with the same class and normalised text: all pairs in small groups,
    a chain (ordered by speaker, so one person's copies sit together) in large ones."""
    groups: dict[tuple[str, str], list[int]] = {}
    for u in units:
        groups.setdefault((u.cls, u.norm), []).append(u.idx)
    pairs: list[tuple[int, int]] = []
    for members in groups.values():
        if len(members) < 2:
            continue
        if len(members) <= 32:
            pairs.extend(combinations(members, 2))
        else:
            members.sort(key=lambda i: (units[i].speaker or "", i))
            pairs.extend(zip(members, members[1:]))
    return [a for a, _ in pairs], [b for _, b in pairs]


def candidate_pairs(units: list[_Unit]):
    """Unique candidate pairs ``(I, J)`` (numpy arrays, I < J) from blocking keys.

    Each unit's keys are, per tier (plain / scoped to its speaker), its rarest features
    shared with at least one other unit (at most ``_KEYS_PER_UNIT``, none commoner than
    ``_SOFT_CAP``, the postings of all but the first within ``_BUDGET``); candidates are
    the units posted under a key, plus units with the same exact text. Cost: about
    ``2 * _BUDGET`` candidates per unit, so linear in the corpus.
    """
    import numpy as np

    n = len(units)
    if n < 2:
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
    el, er = _exact_pairs(units)
    rf, ru, tier = _unit_features(units)
    key_f, key_u = _choose_keys(rf, ru, tier)
    is_key = np.zeros(len(tier), dtype=bool)
    is_key[key_f] = True
    post = np.flatnonzero(is_key[rf])
    post_f, post_u = rf[post], ru[post]  # sorted by feature
    lo = np.searchsorted(post_f, key_f, side="left")
    counts = np.searchsorted(post_f, key_f, side="right") - lo
    total = int(counts.sum())
    left = np.repeat(key_u, counts)
    offsets = np.arange(total) - np.repeat(np.cumsum(counts) - counts, counts)
    right = post_u[np.repeat(lo, counts) + offsets]
    left = np.concatenate([left, np.array(el, dtype=np.int64)])
    right = np.concatenate([right, np.array(er, dtype=np.int64)])
    a, b = np.minimum(left, right), np.maximum(left, right)
    keep = a != b
    code = _sorted_unique(a[keep] * n + b[keep])
    return code // n, code % n
