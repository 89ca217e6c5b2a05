#!/usr/bin/env python3
"""Quotation-extraction throughput in MB/s of article text on one core.

usage: python3 benchmarks/throughput.py [FILES_OR_DIRS ...] [--repeat N]

Defaults to the seed articles plus the development set when present; the lexicons are
loaded (and regexes compiled) before timing starts.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _files(args: list[str]) -> list[Path]:
    if not args:
        args = [str(ROOT / "seeds"), str(ROOT.parent / "shared" / "devsets" / "polnear-train" / "docs")]
    out: list[Path] = []
    for a in args:
        p = Path(a)
        out.extend(sorted(p.glob("*.txt")) if p.is_dir() else [p] if p.exists() else [])
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    from summitcli.quotes import quotes_in_text
    texts = [f.read_text(encoding="utf-8", errors="replace") for f in _files(a.paths)]
    if not texts:
        print("no input texts found")
        return 0
    quotes_in_text(texts[0])  # warm-up: lexicons and compiled patterns
    size = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    best = float("inf")
    n = 0
    for _ in range(a.repeat):
        t0 = time.process_time()
        n = sum(len(quotes_in_text(t)) for t in texts)
        best = min(best, time.process_time() - t0)
    print(f"{len(texts)} documents, {size:.2f} MB, {n} quotations: "
          f"{size / best:.2f} MB/s (best of {a.repeat}, CPU time, one core)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
