#!/usr/bin/env python3
"""Extraction throughput in MB/s of article text on one core, per stage.

usage: python3 benchmarks/throughput.py [FILES_OR_DIRS ...] [--repeat N]

Times the three stages of ``summitcli.pipeline.extract_text`` separately (people, quotations,
claims) and together, in CPU time (``time.process_time``, so other busy processes on the
machine matter less), best of N passes. A directory is read with the corpus loader (front
matter and boilerplate regions as the CLI sees them). Defaults to the seed articles plus the
development set when present. The lexicons are loaded (and regexes compiled) before timing;
the first pass is reported too, since per-document caches start cold there.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _texts(args: list[str]) -> list[tuple[str, tuple]]:
    from summitcli.corpus import load_corpus

    if not args:
        args = [str(ROOT / "seeds"), str(ROOT.parent / "shared" / "devsets" / "polnear-train" / "docs")]
    out: list[tuple[str, tuple]] = []
    for a in args:
        p = Path(a)
        if p.is_dir():
            try:
                out.extend((d.text, tuple(d.skip)) for d in load_corpus(p).documents)
            except Exception:  # not a corpus the loader accepts: plain .txt files
                out.extend((f.read_text(encoding="utf-8", errors="replace"), ())
                           for f in sorted(p.glob("*.txt")))
        elif p.exists():
            out.append((p.read_text(encoding="utf-8", errors="replace"), ()))
    return out


def _one_pass(texts) -> tuple[float, float, float, int]:
    from summitcli.claims import claims_in_text
    from summitcli.people import people_in_text
    from summitcli.quotes import quotes_in_text

    tp = tq = tc = 0.0
    n = 0
    clock = time.process_time
    for text, skip in texts:
        a = clock()
        people = people_in_text(text, skip)
        b = clock()
        quotes = quotes_in_text(text, "doc", skip, people=people)
        c = clock()
        claims_in_text(text, "doc", skip, quotes, people)
        d = clock()
        tp, tq, tc = tp + b - a, tq + c - b, tc + d - c
        n += len(quotes)
    return tp, tq, tc, n


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    from summitcli.pipeline import extract_text

    texts = _texts(a.paths)
    if not texts:
        print("no input texts found")
        return 0
    extract_text("“Warm-up,” Anna Berg said. Olek Sand said that it works.")  # lexicons, regexes
    size = sum(len(t.encode("utf-8")) for t, _ in texts) / 1e6
    first = _one_pass(texts)
    best = first
    for _ in range(a.repeat - 1):
        r = _one_pass(texts)
        if sum(r[:3]) < sum(best[:3]):
            best = r
    tp, tq, tc, n = best
    mine = tp + tq
    print(f"{len(texts)} documents, {size:.2f} MB, {n} quotations; CPU time, one core, "
          f"best of {a.repeat}:")
    for label, t in (("people", tp), ("quotations", tq), ("people + quotations", mine),
                     ("claims", tc), ("extract_text (all three)", tp + tq + tc)):
        print(f"  {label:26s} {t:7.2f} s  {size / t if t else float('inf'):6.2f} MB/s")
    print(f"  first pass (cold caches)   {sum(first[:3]):7.2f} s  {size / sum(first[:3]):6.2f} MB/s"
          f"   target >= 2 MB/s for extract_text")
    return 0


if __name__ == "__main__":
    sys.exit(main())
