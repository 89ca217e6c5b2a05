"""Shared helpers for the annotated-expectation tests (seed articles and test articles).

An expectation file lists every quoted span of some articles, in order, as a careful
reader finds it (see tests/fixtures/seed_quotes.yaml for the fields). These helpers
locate each expected span in the loaded document text, find the tool's Quote for it
and compare kind, speaker and speaker mention. They hold no knowledge of any article.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

OPENING_MARKS = "“‘\"'«»„‚‹›”’"  # any mark that can open a quotation in some house style
EDGE_PUNCT = " \t\n.,;:!?…—–-"
MIN_OVERLAP = 0.9


@dataclass(frozen=True)
class Expected:
    """One expected quoted span, located in its document."""

    source: str  # document id as the corpus loader gives it
    file: str  # file name, for readable test ids
    index: int  # position in the expectation list of its file
    text: str
    start: int
    end: int
    kind: str
    speaker: str | None
    utterance: str
    nested: bool = False
    mention: str | None = None
    note: str = ""
    alternatives: tuple[tuple[str, str | None], ...] = ()
    aliases: tuple[str, ...] = field(default=())

    @property
    def label(self) -> str:
        words = self.text[:32].replace("\n", " ")
        return f"{self.file}#{self.index}:{words}"

    def readings(self) -> list[tuple[str, str | None]]:
        """The accepted (kind, speaker) readings: the primary one first."""
        return [(self.kind, self.speaker), *self.alternatives]


def load_yaml(path: Path) -> dict:
    with open(path, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def locate(doc_text: str, entries: list[dict]) -> list[tuple[int, int]]:
    """Offsets of each entry's text, searched in order.

    A non-nested entry is searched after the end of the previous non-nested one and
    must follow an opening mark (possibly with spaces between, as in « mot »), unless
    its ``marks`` says the opening mark is missing; a nested entry is searched
    inside the entry before it. Raises ValueError when an entry cannot be found, so
    a typo in an expectation file fails loudly instead of silently matching elsewhere.
    """
    found: list[tuple[int, int]] = []
    pos, parent = 0, (0, len(doc_text))
    for entry in entries:
        text = entry["text"]
        lo, hi = (parent if entry.get("nested") else (pos, len(doc_text)))
        start = _find_marked(doc_text, text, lo, hi, need_mark=not entry.get("marks"))
        if start < 0:
            raise ValueError(f"expected text not found in order: {text!r}")
        span = (start, start + len(text))
        found.append(span)
        if not entry.get("nested"):
            pos, parent = span[1], span
    return found


def _find_marked(doc_text: str, text: str, lo: int, hi: int, need_mark: bool) -> int:
    start = doc_text.find(text, lo, hi)
    while start >= 0 and need_mark and not _after_mark(doc_text, start):
        start = doc_text.find(text, start + 1, hi)
    return start


def _after_mark(doc_text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and doc_text[i] in " \u00a0\u202f":
        i -= 1
    return i >= 0 and doc_text[i] in OPENING_MARKS


def expectations_for(entries: list[dict], doc_text: str, source: str, file: str,
                     aliases: dict[str, list[str]]) -> list[Expected]:
    spans = locate(doc_text, entries)
    out = []
    for i, (entry, (start, end)) in enumerate(zip(entries, spans)):
        speaker = entry.get("speaker")
        alts = tuple((a.get("kind", entry["kind"]), a.get("speaker"))
                     for a in entry.get("alternatives") or ())
        names = [speaker] + [s for _, s in alts]
        alias_list = tuple(a for n in names if n for a in aliases.get(n, ()))
        out.append(Expected(
            source=source, file=file, index=i, text=entry["text"], start=start, end=end,
            kind=entry["kind"], speaker=speaker, utterance=f"{source}/{entry['utterance']}",
            nested=bool(entry.get("nested")), mention=entry.get("mention"),
            note=entry.get("note", ""), alternatives=alts, aliases=alias_list))
    return out


def core(doc_text: str, start: int, end: int) -> tuple[int, int]:
    """The span without edge punctuation and spaces: “deal.” and “deal” are the same quote."""
    while start < end and doc_text[start] in EDGE_PUNCT:
        start += 1
    while end > start and doc_text[end - 1] in EDGE_PUNCT:
        end -= 1
    return start, end


def overlap_ratio(doc_text: str, a: tuple[int, int], b: tuple[int, int]) -> float:
    """Shared characters of the two cores over the longer core (1.0 = the same words)."""
    a, b = core(doc_text, *a), core(doc_text, *b)
    shared = min(a[1], b[1]) - max(a[0], b[0])
    longest = max(a[1] - a[0], b[1] - b[0])
    if longest <= 0:
        return 0.0
    return max(shared, 0) / longest


def find_quote(exp: Expected, quotes, doc_text: str):
    """The tool's quote for an expected span: same text, or >= 90% character overlap."""
    best, best_ratio = None, 0.0
    for q in quotes:
        if q.source != exp.source:
            continue
        if q.start == exp.start and q.end == exp.end:
            return q
        ratio = overlap_ratio(doc_text, (exp.start, exp.end), (q.start, q.end))
        if ratio > best_ratio:
            best, best_ratio = q, ratio
    return best if best_ratio >= MIN_OVERLAP else None


def all_matches(exp: Expected, quotes, doc_text: str) -> list:
    """Every tool quote standing for one expected span (more than one is a duplicate)."""
    return [q for q in quotes if q.source == exp.source
            and overlap_ratio(doc_text, (exp.start, exp.end), (q.start, q.end)) >= MIN_OVERLAP]


def matches_any(q, expected: list[Expected], doc_text: str) -> bool:
    return any(e.source == q.source
               and overlap_ratio(doc_text, (e.start, e.end), (q.start, q.end)) >= MIN_OVERLAP
               for e in expected)


_WORD = re.compile(r"[\w’']+")


def _norm(name: str) -> str:
    return " ".join(_WORD.findall(name.casefold().replace("’", "'")))


def _surname(name: str) -> str:
    words = _norm(name).split()
    return words[-1] if words else ""


def same_speaker(expected: str | None, aliases: tuple[str, ...], actual: str | None) -> bool:
    """Canonical names compared by surname (case-insensitive), accepting listed aliases."""
    if expected is None or actual is None:
        return expected is None and actual is None
    names = [expected, *aliases]
    got = _norm(actual)
    return any(got == _norm(n) or _surname(actual) == _surname(n) for n in names)


def reading_ok(exp: Expected, q) -> bool:
    """Kind and speaker agree with one accepted reading."""
    return any(q.kind == kind and same_speaker(speaker, exp.aliases, q.speaker)
               for kind, speaker in exp.readings())


def mention_ok(expected: str, actual: str | None) -> bool:
    """The expected mention words appear, as whole words, in the tool's mention."""
    if not actual:
        return False
    pattern = r"(?<!\w)" + re.escape(_norm(expected)) + r"(?!\w)"
    return re.search(pattern, _norm(actual)) is not None


def describe(q) -> str:
    if q is None:
        return "no quote found"
    return (f"found {q.text!r} kind={q.kind} ({q.kind_rule}) speaker={q.speaker!r} "
            f"mention={q.speaker_mention!r} rule={q.rule} cue={q.cue!r} utterance={q.utterance}")


# ------------------------------------------------------------------ suites


@dataclass
class Suite:
    """A corpus, the tool's analysis of it, and the located expectations."""

    documents: dict  # source id -> Document
    quotes: list
    expected: list[Expected]

    def by_label(self) -> dict[str, Expected]:
        return {e.label: e for e in self.expected}

    def text(self, source: str) -> str:
        return self.documents[source].text

    def quotes_of(self, source: str) -> list:
        return [q for q in self.quotes if q.source == source]


def entry_label(key: str, index: int, entry: dict) -> str:
    words = entry["text"][:32].replace("\n", " ")
    return f"{key}#{index}:{words}"


def run_suite(corpus_path: Path, groups: dict[str, list[dict]], key_of, aliases) -> Suite:
    """Load and analyse the corpus once; locate every group's expectations in its document.

    ``groups`` maps a key (a source id or a file name) to its entries; ``key_of(doc)``
    gives a document's key. Labels use the key, so they match ``entry_label``.
    """
    from summitcli.corpus import load_corpus
    from summitcli.pipeline import analyse

    corpus = load_corpus(corpus_path)
    analysis = analyse(corpus, use_cache=False)
    documents = {d.id: d for d in corpus.documents}
    expected: list[Expected] = []
    for doc in corpus.documents:
        key = key_of(doc)
        entries = groups.get(key, [])
        for exp in expectations_for(entries, doc.text, doc.id, key, aliases):
            expected.append(exp)
    return Suite(documents, list(analysis.quotes), expected)


def same_utterance_groups(groups: dict[str, list[dict]]) -> list[tuple[str, list[int]]]:
    """(key/label, entry indexes) for every expected utterance made of two or more pieces."""
    out = []
    for key, entries in groups.items():
        by_label: dict[str, list[int]] = {}
        for i, e in enumerate(entries):
            by_label.setdefault(e["utterance"], []).append(i)
        out += [(f"{key}/{lab}", idx) for lab, idx in by_label.items() if len(idx) > 1]
    return out


def separate_neighbours(groups: dict[str, list[dict]]) -> list[tuple[str, int, int]]:
    """Neighbouring quotes by one named speaker that are distinct utterances.

    These are the pairs a tool is most likely to merge (“A,” X said. “B.”): each must
    keep its own utterance id.
    """
    out = []
    for key, entries in groups.items():
        flat = [(i, e) for i, e in enumerate(entries) if not e.get("nested")]
        for (i, a), (j, b) in zip(flat, flat[1:]):
            if (a["utterance"] != b["utterance"] and a.get("speaker")
                    and a.get("speaker") == b.get("speaker")):
                out.append((key, i, j))
    return out


def kind_ok(exp: Expected, q) -> bool:
    return q.kind in {k for k, _ in exp.readings()}


def speaker_ok(exp: Expected, q) -> bool:
    """Speaker agrees with the reading of the quote's kind (or any reading if none has it)."""
    readings = [r for r in exp.readings() if r[0] == q.kind] or exp.readings()
    return any(same_speaker(s, exp.aliases, q.speaker) for _, s in readings)


# ------------------------------------------------------------------ report


def style_table(suite: Suite, styles: dict[str, str]) -> list[dict]:
    """Per file (house style): expected quotes, found, kinds right, speakers right, extras."""
    rows = []
    for key, style in styles.items():
        exps = [e for e in suite.expected if e.file == key]
        if not exps:
            continue
        source = exps[0].source
        text, quotes = suite.text(source), suite.quotes_of(source)
        found = [(e, find_quote(e, quotes, text)) for e in exps]
        hits = [(e, q) for e, q in found if q is not None]
        rows.append({
            "file": key, "style": style, "expected": len(exps), "found": len(hits),
            "kind_ok": sum(kind_ok(e, q) for e, q in hits),
            "speaker_ok": sum(speaker_ok(e, q) for e, q in hits),
            "extra": sum(not matches_any(q, exps, text) for q in quotes),
        })
    return rows


def _main() -> None:  # pragma: no cover - a reporting aid: python3 tests/expectations.py
    here = Path(__file__).parent
    arts = here / "fixtures" / "articles"
    spec = load_yaml(arts / "expected.yaml")
    groups = {name: f["quotes"] for name, f in spec["files"].items()}
    suite = run_suite(arts, groups, lambda d: Path(d.path).name, spec.get("speaker_aliases") or {})
    rows = style_table(suite, {n: f.get("style", "") for n, f in spec["files"].items()})
    seeds = load_yaml(here / "fixtures" / "seed_quotes.yaml")
    sgroups: dict[str, list[dict]] = {}
    for e in seeds["quotes"]:
        sgroups.setdefault(e["source"], []).append(e)
    ssuite = run_suite(here.parent / "seeds", sgroups, lambda d: d.id, seeds.get("speaker_aliases") or {})
    rows += style_table(ssuite, {k: "seed article" for k in sgroups})
    print(f"| {'file':24} | {'style':52} | exp | found | kind | speaker | extra |")
    print(f"|{'-' * 26}|{'-' * 54}|-----|-------|------|---------|-------|")
    total = {k: 0 for k in ("expected", "found", "kind_ok", "speaker_ok", "extra")}
    for r in rows:
        for k in total:
            total[k] += r[k]
        print(f"| {r['file']:24} | {r['style'][:52]:52} | {r['expected']:3} | {r['found']:5} |"
              f" {r['kind_ok']:4} | {r['speaker_ok']:7} | {r['extra']:5} |")
    print(f"| {'total':24} | {'':52} | {total['expected']:3} | {total['found']:5} |"
          f" {total['kind_ok']:4} | {total['speaker_ok']:7} | {total['extra']:5} |")
    for s in (suite, ssuite):
        for e in s.expected:
            q = find_quote(e, s.quotes_of(e.source), s.text(e.source))
            ok = q is not None and kind_ok(e, q) and speaker_ok(e, q)
            if not ok:
                print(f"- {e.label}: want {e.kind}/{e.speaker}; {describe(q)}")


if __name__ == "__main__":
    _main()
