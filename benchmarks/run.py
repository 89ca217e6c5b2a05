#!/usr/bin/env python3
"""Every benchmark in one command: each figure beside its target.

    python benchmarks/run.py                  # start-up + scale at 2,500 / 5,000 / 10,000 / 20,000
    python benchmarks/run.py --quick          # start-up + scale at 1,000 / 2,000 (a smoke run)
    python benchmarks/run.py --typer 0.12.5 0.28.0 0.29.2   # also Typer import costs (makes venvs)

Prints ``figure  value  target  ok/FAIL``; exits 1 if any target is missed.
Progress notes go to stderr. See benchmarks/README.md for what each figure means.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import scale  # noqa: E402
import startup  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="small sizes, fewer start-up runs")
    ap.add_argument("--sizes", type=int, nargs="+", help="corpus sizes (default 2500 5000 10000 20000)")
    ap.add_argument("--runs", type=int, default=None, help="start-up runs (default 15; 10 with --quick)")
    ap.add_argument("--typer", nargs="*", default=[], metavar="VERSION",
                    help="also measure these Typer versions in throwaway venvs")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "summit-bench")
    ap.add_argument("--budget", type=float, default=900.0,
                    help="skip a corpus size whose cold compare would take longer than this (s)")
    args = ap.parse_args(argv)
    sizes = args.sizes or ([1000, 2000] if args.quick else [2500, 5000, 10000, 20000])
    runs = args.runs or (10 if args.quick else 15)
    os.environ.setdefault("NO_COLOR", "1")

    def log(msg: str) -> None:
        print(msg, file=sys.stderr, flush=True)

    t0 = time.perf_counter()
    load0 = os.getloadavg()[0]
    log("start-up ...")
    rows = startup.startup_figures(runs)
    if args.typer:
        log("typer versions ...")
        rows += startup.typer_figures(args.typer, runs)
    log(f"scale {sizes} ...")
    rows += scale.scale_figures(sizes, args.seed, args.workdir, log=log, budget=args.budget)
    rows.append(("machine: cpus / 1-min load average at start, end",
                 f"{os.cpu_count()} / {load0:.1f}, {os.getloadavg()[0]:.1f}", "", None))
    print(f"{'figure':<62} {'value':>24}  {'target':<12} ok")
    startup.print_figures(rows)
    log(f"benchmarks took {time.perf_counter() - t0:.0f} s")
    return 0 if all(r[3] is not False for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
