#!/usr/bin/env python3
"""Score quotation extraction (and claims, when available) on the PolNeAR development set.

usage: python3 benchmarks/accuracy.py [--devset DIR] [--limit N] [--docs PATTERN] [--dump FILE]

Reads ../shared/devsets/polnear-train (relative to the repository) or --devset, runs
``quotes_in_text`` on every article, writes predictions to a temporary directory and runs the
devset's own scorers (score.py, plain and --ignore-other; claims_score.py when
``summitcli.claims.claims_in_text`` exists).  Exits 0 with a message when the devset is
absent.  Nothing from the devset is written into the repository.

The devset annotates stretches in double quotation marks only (" “ ” « » „) - its converter
ignores single marks and the two apostrophes ('') some archives type for a double mark, so the
New York Times articles carry almost no gold quotations - and its gold speakers are the
mentions used in the text ("he", "the senator").  Predictions are therefore the speech and
fragment quotations opened by a double mark, with ``speaker`` = our speaker mention; the tool
itself still reports single-quoted and ''-quoted quotations, and the unmarked labelled turns
of interview transcripts, to its users.
"""
from __future__ import annotations

import argparse
import fnmatch
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "devsets" / "polnear-train"
SINGLE_MARKS = "'‘’‚‹›"


def _quote_preds(text: str, doc: str, kinds=("speech", "fragment")):
    from summitcli.quotes import quotes_in_text
    quotes = quotes_in_text(text, doc)
    out = []
    for q in quotes:
        if q.kind not in kinds:
            continue
        if any(c in SINGLE_MARKS for c in q.marks):
            continue  # ‘single’ and ''two-apostrophe'' quotations: not in the devset's scheme
        if q.kind_rule == "turn":
            continue  # a transcript's labelled turns have no marks: not in the scheme either
        out.append({"text": q.text, "speaker": q.speaker_mention, "start": q.start,
                    "end": q.end, "kind": q.kind, "rule": q.rule, "kind_rule": q.kind_rule})
    return quotes, out


def _claim_preds(text: str, doc: str, quotes):
    try:
        from summitcli.claims import claims_in_text
        from summitcli.people import people_in_text
    except ImportError:
        return None
    try:
        claims = claims_in_text(text, doc, (), quotes, people_in_text(text))
    except Exception as exc:  # another helper's module: report, don't crash the benchmark
        print(f"claims failed on {doc}: {exc!r}", file=sys.stderr)
        return []
    return [{"text": c.text, "speaker": c.speaker_mention, "start": c.start, "end": c.end}
            for c in claims]


def _score(script: Path, gold: Path, pred: Path, *extra: str) -> dict | None:
    if not script.exists():
        return None
    res = subprocess.run([sys.executable, str(script), str(gold), str(pred), *extra],
                         capture_output=True, text=True)
    if res.returncode != 0:
        print(res.stderr, file=sys.stderr)
        return None
    return json.loads(res.stdout.strip().splitlines()[-1])


def _speaker_ok(gold: str | None, pred: str | None) -> bool:
    """The scorer's speaker test (last token equal, or token_set_ratio >= 85)."""
    from rapidfuzz import fuzz
    from rapidfuzz.utils import default_process
    g, p = default_process(gold or ""), default_process(pred or "")
    if not g or not p:
        return not g and not p
    return g.split()[-1] == p.split()[-1] or fuzz.token_set_ratio(g, p) >= 85


def _dump(path: Path, gold_by_doc: dict, preds: dict, texts: dict) -> None:
    """Per-document misses, false alarms and wrong speakers, for studying errors."""
    sys.path.insert(0, str(DEFAULT.parent))
    from rapidfuzz import fuzz
    lines = []
    for doc, pq in preds.items():
        gq = gold_by_doc.get(doc, {}).get("quotes", [])
        other = gold_by_doc.get(doc, {}).get("other_quoted", [])
        used = set()
        for g in gq:
            best = None
            for i, p in enumerate(pq):
                ov = max(0, min(g["end"], p["end"]) - max(g["start"], p["start"]))
                if i not in used and (ov / max(g["end"] - g["start"], p["end"] - p["start"], 1) >= 0.8
                                      or fuzz.ratio(g["text"], p["text"]) >= 90):
                    best = i
                    break
            ctx = texts[doc][max(0, g["start"] - 90):g["end"] + 60].replace("\n", " / ")
            if best is None:
                lines.append(f"MISS {doc} gold_spk={g['speaker']!r} :: {ctx}")
                continue
            used.add(best)
            p = pq[best]
            if not _speaker_ok(g["speaker"], p["speaker"]):
                lines.append(f"SPK {doc} gold={g['speaker']!r} pred={p['speaker']!r} "
                             f"rule={p['rule']} kr={p['kind_rule']} :: {ctx}")
        for i, p in enumerate(pq):
            if i in used:
                continue
            is_other = any(max(0, min(o["end"], p["end"]) - max(o["start"], p["start"])) > 0
                           for o in other)
            ctx = texts[doc][max(0, p["start"] - 90):p["end"] + 60].replace("\n", " / ")
            lines.append(f"{'OTHER' if is_other else 'FP'} {doc} kind={p['kind']}/{p['kind_rule']} "
                         f"spk={p['speaker']!r} :: {ctx}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    ap.add_argument("--devset", type=Path, default=DEFAULT)
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--docs", default="*", help="glob on document ids")
    ap.add_argument("--dump", type=Path, help="write per-document errors to this file")
    ap.add_argument("--no-claims", action="store_true")
    ap.add_argument("--kinds", default="speech,fragment",
                    help="quotation kinds to predict (comma-separated; default speech,fragment)")
    a = ap.parse_args()
    gold_path = a.devset / "gold.jsonl"
    if not gold_path.exists():
        print(f"devset not found at {a.devset}; skipping")
        return 0
    gold = {}
    with open(gold_path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                d = json.loads(line)
                if fnmatch.fnmatch(d["doc"], a.docs):
                    gold[d["doc"]] = d
    docs = sorted(gold)[: a.limit or None]
    from summitcli.quotes import quotes_in_text
    quotes_in_text("“Warm-up,” she said.")  # load lexicons and compile patterns before timing
    with tempfile.TemporaryDirectory() as tmp:
        tmpd = Path(tmp)
        qpreds, cpreds, texts = {}, {}, {}
        nbytes, elapsed = 0, 0.0
        for doc in docs:
            text = (a.devset / "docs" / f"{doc}.txt").read_text(encoding="utf-8")
            texts[doc] = text
            t0 = time.process_time()
            quotes, qpreds[doc] = _quote_preds(text, doc, tuple(a.kinds.split(",")))
            elapsed += time.process_time() - t0
            nbytes += len(text.encode("utf-8"))
            if not a.no_claims:
                c = _claim_preds(text, doc, quotes)
                if c is not None:
                    cpreds[doc] = c
        sub_gold = tmpd / "gold.jsonl"
        sub_gold.write_text("".join(json.dumps(gold[d]) + "\n" for d in docs), encoding="utf-8")
        qfile = tmpd / "quotes.jsonl"
        qfile.write_text("".join(json.dumps({"doc": d, "quotes": qpreds[d]}) + "\n" for d in docs),
                         encoding="utf-8")
        print(f"documents: {len(docs)}; quotation extraction: {nbytes / 1e6:.2f} MB in "
              f"{elapsed:.2f} s = {nbytes / 1e6 / max(elapsed, 1e-9):.2f} MB/s (one core)")
        for extra in ((), ("--ignore-other",)):
            res = _score(a.devset.parent / "score.py", sub_gold, qfile, *extra)
            print(f"quotes {' '.join(extra) or 'plain'}: {json.dumps(res)}")
        if cpreds:
            cfile = tmpd / "claims.jsonl"
            cfile.write_text("".join(json.dumps({"doc": d, "quotes": cpreds.get(d, [])}) + "\n"
                                     for d in docs), encoding="utf-8")
            res = _score(a.devset.parent / "claims_score.py", sub_gold, cfile)
            print(f"claims: {json.dumps(res)}")
        if a.dump:
            _dump(a.dump, gold, qpreds, texts)
            print(f"errors written to {a.dump}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
