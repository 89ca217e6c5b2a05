"""Line up what several sources printed, statement by statement.

:func:`compare` is the library behind ``summit compare``: it clusters the quotations and
claims of the chosen sources into statements (:mod:`summitcli.matching`) and derives what
a reader of coverage wants from them: the statements the sources share, what each source
alone carries, conflicting attributions, a coverage matrix and a speaker balance table.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, fields
from typing import Mapping, Sequence

from .gcpause import paused_gc
from .matching import Statement, build_statements
from .records import Claim, Quote

REWORDED = ("variant", "paraphrase")


@dataclass(frozen=True)
class Comparison:
    """The result of :func:`compare`.

    - ``sources``: the compared sources (as given; date order when none were given);
    - ``statements``: statements two or more compared sources carry, by first appearance;
    - ``only``: per source, the statements (relation ``single``) no other compared source
      carries; in JSON split into ``only`` (quote objects) and ``only_claims``;
    - ``coverage``: statement id -> {source: "quoted" | "reworded"}; a source not listed is
      absent ("quoted" = the same words or an exact part of them, "reworded" = other words
      or reported speech);
    - ``speaker_balance``: source -> {speaker: number of quotations (utterances)};
    - ``summary``: counts (shared statements, verbatim, excerpt, variant, paraphrase,
      reworded, conflicts, and per source how many quotations only it carries).
    """

    sources: tuple[str, ...]
    statements: tuple[Statement, ...]
    only: Mapping[str, tuple[Statement, ...]]
    dates: Mapping[str, str | None] = field(default_factory=dict)
    speaker: str | None = None

    @property
    def conflicts(self) -> tuple[Statement, ...]:
        return tuple(s for s in self.statements if s.relation == "conflict")

    @property
    def coverage(self) -> dict[str, dict[str, str]]:
        return {s.id: {src: s.wordings.get(src, "reworded") for src in s.sources}
                for s in self.statements}

    @property
    def speaker_balance(self) -> dict[str, dict[str, int]]:
        counts: dict[str, Counter] = {src: Counter() for src in self.sources}
        seen = set()
        for st in (*self.statements, *(s for group in self.only.values() for s in group)):
            for q in st.quotes:
                key = (q.source, q.utterance or q.id)
                if q.speaker and q.kind != "term" and key not in seen and q.source in counts:
                    seen.add(key)
                    counts[q.source][q.speaker] += 1
        return {src: dict(c.most_common()) for src, c in counts.items()}

    @property
    def summary(self) -> dict:
        rel = Counter(s.relation for s in self.statements)
        return {
            "sources": len(self.sources),
            "shared": len(self.statements),
            "verbatim": rel["verbatim"],
            "excerpt": rel["excerpt"],
            "variant": rel["variant"],
            "paraphrase": rel["paraphrase"],
            "reworded": sum(rel[r] for r in REWORDED),
            "conflicts": rel["conflict"],
            "only": {src: sum(1 for s in self.only.get(src, ()) if s.quotes)
                     for src in self.sources},
        }

    def to_dict(self) -> dict:
        with paused_gc():
            return self._to_dict()

    def _to_dict(self) -> dict:
        return {
            "sources": list(self.sources),
            "dates": {src: self.dates.get(src) for src in self.sources},
            "speaker": self.speaker,
            "summary": self.summary,
            "statements": [s.to_dict() for s in self.statements],
            "only": {src: [q.to_dict() for s in self.only.get(src, ()) for q in s.quotes]
                     for src in self.sources},
            "only_claims": {src: [c.to_dict() for s in self.only.get(src, ()) for c in s.claims]
                            for src in self.sources},
            "conflicts": [_conflict(s) for s in self.conflicts],
            "coverage": self.coverage,
            "speaker_balance": self.speaker_balance,
        }


_QUOTE_FIELDS = tuple(f.name for f in fields(Quote))
_CLAIM_FIELDS = tuple(f.name for f in fields(Claim))


def pack_comparison(comparison: Comparison) -> tuple:
    """The comparison as plain tuples, dicts and strings (for ``cache.ResultCache``).

    Tuples stay tuples through ``marshal``, so :func:`unpack_comparison` rebuilds
    equal records without conversions.
    """
    with paused_gc():
        return ("comparison", _QUOTE_FIELDS, _CLAIM_FIELDS, comparison.sources,
                dict(comparison.dates), comparison.speaker,
                tuple(_pack_statement(s) for s in comparison.statements),
                tuple((src, tuple(_pack_statement(s) for s in group))
                      for src, group in comparison.only.items()))


def _pack_statement(st: Statement) -> tuple:
    return (st.id, st.relation, st.score, st.speakers, st.sources,
            tuple(tuple(getattr(q, f) for f in _QUOTE_FIELDS) for q in st.quotes),
            tuple(tuple(getattr(c, f) for f in _CLAIM_FIELDS) for c in st.claims),
            st.diff, st.text, st.kind, dict(st.wordings))


def unpack_comparison(packed: tuple) -> Comparison:
    """Inverse of :func:`pack_comparison`; ValueError if ``packed`` is not one."""
    tag, quote_fields, claim_fields, sources, dates, speaker, shared, only = packed
    if tag != "comparison" or quote_fields != _QUOTE_FIELDS or claim_fields != _CLAIM_FIELDS:
        raise ValueError("not a packed comparison of these record fields")
    with paused_gc():
        return Comparison(sources=tuple(sources), statements=tuple(map(_unpack_statement, shared)),
                          only={src: tuple(map(_unpack_statement, group)) for src, group in only},
                          dates=dates, speaker=speaker)


def _unpack_statement(row: tuple) -> Statement:
    sid, relation, score, speakers, sources, quotes, claims, diff, text, kind, wordings = row
    return Statement(id=sid, relation=relation, score=score, speakers=tuple(speakers),
                     sources=tuple(sources), quotes=tuple(_record(Quote, _QUOTE_FIELDS, quotes)),
                     claims=tuple(_record(Claim, _CLAIM_FIELDS, claims)), diff=tuple(diff),
                     text=text, kind=kind, wordings=wordings)


def _record(cls, names: tuple[str, ...], rows):
    for row in rows:
        if len(row) != len(names):
            raise ValueError("packed record has the wrong length")
        yield cls(*row)


def _conflict(st: Statement) -> dict:
    """Who each source credits with the same words."""
    credited: dict[str, list[str]] = {}
    for q in st.quotes:
        if q.speaker and q.source not in credited.setdefault(q.speaker, []):
            credited[q.speaker].append(q.source)
    return {"statement": st.id, "text": st.text, "speakers": credited}


def _has_speaker(st: Statement, wanted: set[str]) -> bool:
    return any(s.casefold() in wanted for s in st.speakers)


def compare(
    quotes: Sequence[Quote],
    claims: Sequence[Claim],
    sources: Sequence[str] | None,
    dates: Mapping[str, str | None] | None,
    *,
    speaker: str | Sequence[str] | None = None,
    min_score: float | None = None,
) -> Comparison:
    """Compare the quotations and claims of ``sources`` (all sources when empty/None).

    ``quotes``/``claims`` may cover more sources than compared; only those of ``sources``
    are used. ``dates`` (source -> ISO date or None) orders each statement's sources.
    ``speaker`` (a canonical name, or several, matched case-insensitively) keeps only
    statements in which one of them is credited. ``min_score`` tunes matching (see
    :func:`summitcli.matching.build_statements`).
    """
    with paused_gc():
        return _compare(quotes, claims, sources, dict(dates or {}), speaker, min_score)


def _compare(quotes, claims, sources, dates, speaker, min_score) -> Comparison:
    if sources:
        chosen = list(dict.fromkeys(sources))
    else:
        seen = dict.fromkeys([r.source for r in quotes] + [r.source for r in claims])
        first = {src: i for i, src in enumerate(seen)}
        chosen = sorted(seen, key=lambda s: (not dates.get(s), dates.get(s) or "", first[s]))
    wanted = set(chosen)
    statements = build_statements([q for q in quotes if q.source in wanted],
                                  [c for c in claims if c.source in wanted],
                                  dates=dates, min_score=min_score)
    names = [speaker] if isinstance(speaker, str) else list(speaker or ())
    if names:
        wanted = {n.casefold() for n in names}
        statements = [s for s in statements if _has_speaker(s, wanted)]
    shared = tuple(s for s in statements if s.shared)
    only: dict[str, list[Statement]] = {src: [] for src in chosen}
    for s in statements:
        if not s.shared:
            only[s.sources[0]].append(s)
    return Comparison(sources=tuple(chosen), statements=shared,
                      only={src: tuple(v) for src, v in only.items()},
                      dates={src: dates.get(src) for src in chosen},
                      speaker=", ".join(names) or None)
