#!/usr/bin/env python3
"""Every benchmark in one command: each figure beside its target.

    python benchmarks/run.py                  # everything; scale at 2,500 / 5,000 / 10,000 / 20,000
    python benchmarks/run.py --quick          # smaller sizes everywhere (a few minutes)
    python benchmarks/run.py --typer 0.20.1 0.28.0 0.29.2   # also Typer import costs (makes venvs)
    python benchmarks/run.py --only startup scale            # a subset

Parts: ``startup`` (startup.py), ``throughput`` (throughput.py: the whole per-document
extraction on real news, the development set + seeds), ``scale`` (scale.py: generated corpora, compare
wall/memory/cache/accuracy, extraction MB/s), ``devset`` (accuracy.py on the
PolNeAR development set, when present), ``adversarial`` (adversarial.py: hostile
inputs, doubling ladders). Prints ``figure  value  target  ok/FAIL``; exits 1 if
any target is missed. Progress notes go to stderr; see benchmarks/README.md.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import scale  # noqa: E402
import startup  # noqa: E402

PARTS = ("startup", "throughput", "scale", "devset", "adversarial")


def _script(name: str, args: list[str], timeout: float) -> tuple[int, str, str]:
    try:
        out = subprocess.run([sys.executable, str(HERE / name), *args], capture_output=True,
                             text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return -1, "", f"timed out after {timeout:.0f} s"
    return out.returncode, out.stdout, out.stderr


def devset_figures(quick: bool) -> list[tuple]:
    """Quotation accuracy and speed on the PolNeAR development set (accuracy.py)."""
    code, out, err = _script("accuracy.py", ["--limit", "120"] if quick else [], 3600)
    if "not found" in out:
        return [("devset", "not present", "", None)]
    rows = []
    m = re.search(r"documents: (\d+).*?= ([\d.]+) MB/s", out)
    if m:
        mbps = float(m.group(2))
        rows.append((f"devset: quotation extraction, one core ({m.group(1)} articles)", f"{mbps:.2f} MB/s",
                     ">= 2.0 MB/s", mbps >= 2.0))
    for line in out.splitlines():
        name, _, payload = line.partition(": ")
        if name.startswith(("quotes", "claims")) and payload.startswith("{"):
            res = json.loads(payload)
            shown = ", ".join(f"{k} {v:.3f}" if isinstance(v, float) else f"{k} {v}"
                              for k, v in res.items() if not isinstance(v, (dict, list)))
            rows.append((f"devset: {name}", shown[:120], "", None))
    if not rows:
        rows.append(("devset: accuracy.py", f"exit {code}", "exit 0", False, (err or out).strip()[-300:]))
    return rows


def throughput_figures() -> list[tuple]:
    """Whole per-document extraction (people + quotations + claims), one core, on real news."""
    code, out, err = _script("throughput.py", [], 1800)
    m = re.search(r"^(\d+) documents, ([\d.]+) MB", out, re.M)
    rows = []
    for line in out.splitlines():
        stage = re.match(r"\s+(people|quotations|claims|extract_text \(all three\))\s+([\d.]+) s\s+([\d.]+) MB/s", line)
        if stage and m:
            whole = stage.group(1).startswith("extract_text")
            mbps = float(stage.group(3))
            rows.append((f"extraction, one core, {m.group(1)} real articles ({m.group(2)} MB): {stage.group(1)}",
                         f"{mbps:.2f} MB/s", ">= 2.0 MB/s" if whole else "", (mbps >= 2.0) if whole else None))
    if not rows:
        rows.append(("throughput.py", f"exit {code}", "exit 0", False, (err or out).strip()[-300:]))
    return rows


def adversarial_figures(quick: bool) -> list[tuple]:
    """Hostile inputs: linear growth and speed (adversarial.py)."""
    code, out, err = _script("adversarial.py", ["--json"] + (["--scale", "0.1"] if quick else []), 3600)
    try:
        results = json.loads(out)
    except ValueError:
        return [("adversarial.py", f"exit {code}", "exit 0", False, (err or out).strip()[-300:])]
    rows = []
    for r in results:
        speed = f" {r['mb_per_s']:.2f} MB/s" if r.get("mb_per_s") else ""
        ratio = f" x{r['ratio_last_doubling']:.2f}" if r.get("ratio_last_doubling") else ""
        rows.append((f"hostile {r['case']} ({r['stage']}): verdict, last doubling, speed",
                     f"{r['verdict']}{ratio}{speed}", "linear", r["verdict"] == "linear"))
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="small sizes, fewer runs")
    ap.add_argument("--only", nargs="+", choices=PARTS, help="run only these parts")
    ap.add_argument("--sizes", type=int, nargs="+", help="corpus sizes (default 2500 5000 10000 20000)")
    ap.add_argument("--runs", type=int, default=None, help="start-up runs (default 15; 10 with --quick)")
    ap.add_argument("--typer", nargs="*", default=[], metavar="VERSION",
                    help="also measure these Typer versions in throwaway venvs")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "summit-bench")
    ap.add_argument("--budget", type=float, default=900.0,
                    help="skip a corpus size whose cold compare would take longer than this (s)")
    ap.add_argument("--no-snapshot", action="store_true",
                    help="scale: run the installed summit, not a frozen copy of this checkout's src/")
    args = ap.parse_args(argv)
    parts = args.only or PARTS
    sizes = args.sizes or ([1000, 2000] if args.quick else [2500, 5000, 10000, 20000])
    runs = args.runs or (10 if args.quick else 15)
    os.environ.setdefault("NO_COLOR", "1")

    def log(msg: str) -> None:
        print(msg, file=sys.stderr, flush=True)

    t0 = time.perf_counter()
    load0 = os.getloadavg()[0]
    rows: list[tuple] = []
    if "startup" in parts:
        log("start-up ...")
        rows += startup.startup_figures(runs)
        if args.typer:
            log("typer versions ...")
            rows += startup.typer_figures(args.typer, runs)
    if "throughput" in parts:
        log("throughput (real articles) ...")
        rows += throughput_figures()
    if "scale" in parts:
        log(f"scale {sizes} ...")
        rows += scale.scale_figures(sizes, args.seed, args.workdir, log=log, budget=args.budget,
                                    frozen=not args.no_snapshot)
    if "devset" in parts:
        log("devset ...")
        rows += devset_figures(args.quick)
    if "adversarial" in parts:
        log("adversarial ...")
        rows += adversarial_figures(args.quick)
    rows.append(("machine: cpus / 1-min load average at start, end",
                 f"{os.cpu_count()} / {load0:.1f}, {os.getloadavg()[0]:.1f}", "", None))
    print(f"{'figure':<62} {'value':>24}  {'target':<12} ok")
    startup.print_figures(rows)
    log(f"benchmarks took {time.perf_counter() - t0:.0f} s")
    return 0 if all(r[3] is not False for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
