"""Summaries built from an analysis, shared by the table and JSON renderers."""
from __future__ import annotations

from collections import Counter, defaultdict


def speaker_rows(result, sources: list[str] | None = None) -> list[dict]:
    """One row per canonical speaker: names used, quote and claim counts per source."""
    per_source: dict[str | None, Counter] = defaultdict(Counter)
    mentions: dict[str | None, Counter] = defaultdict(Counter)
    claim_counts: Counter = Counter()
    for q in result.quotes:
        if q.kind == "term" or (sources is not None and q.source not in sources):
            continue
        per_source[q.speaker][q.source] += 1
        if q.speaker_mention:
            mentions[q.speaker][q.speaker_mention] += 1
    for c in result.claims:
        if sources is None or c.source in sources:
            claim_counts[c.speaker] += 1
            if c.speaker_mention:
                mentions[c.speaker][c.speaker_mention] += 1
    rows = []
    names = set(per_source) | set(claim_counts)
    for name in sorted(names, key=lambda n: (n is None, -sum(per_source[n].values()), n or "")):
        speaker = result.speakers.speakers.get(name) if name else None
        variants = sorted(speaker.variants) if speaker else []
        rows.append({
            "speaker": name,
            "names": variants,
            "mentions": [m for m, _ in mentions[name].most_common()],
            "roles": [r for r, _ in speaker.roles.most_common()] if speaker else [],
            "quotes": sum(per_source[name].values()),
            "claims": claim_counts[name],
            "per_source": dict(sorted(per_source[name].items())),
        })
    return rows
