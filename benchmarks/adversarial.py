"""Adversarial timing: doubling a hostile input must not much more than double the time.

For each hostile shape (issue 7: 100,000 quote marks, a 5 MB single paragraph, 10,000 nested or
unclosed quotes, pathological whitespace, very long words, ...) the per-document extraction
(``summitcli.pipeline.extract_text``) and the loader's metadata pass are timed at a ladder of
sizes, doubling up to the full size. Each run happens in a forked child that is killed after
``--budget`` seconds, so a quadratic case is reported instead of hanging the benchmark.

    python benchmarks/adversarial.py                 # full sizes, 60 s budget a run
    python benchmarks/adversarial.py --scale 0.1     # quick look
    python benchmarks/adversarial.py --case para --case quotes-straight --json

Each size is timed as the best of up to three runs. Verdict per case: ``linear`` when the last
doubling cost at most 2.6x (or the run took under 0.2 s: timer noise), ``SUPERLINEAR`` above
that, ``TOO SLOW`` when a run hit the budget before the full size.
Exit status 1 if any case is not linear (useful in a scheduled job, not in the test suite).
"""
from __future__ import annotations

import argparse
import json
import multiprocessing
import sys
import time
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from summitcli import metadata  # noqa: E402
from summitcli.pipeline import extract_text  # noqa: E402

SENTENCES = (
    "“We will not give up,” said Anna Berg, the finance minister. "
    "Olek Sand told reporters that the talks had failed. "
    "“It is over”, she said. “Now we wait.” "
    "According to officials, the deal “is close.” "
    "He called it a „historic step“ and said: «nothing is agreed». "
)
PROSE = ("The delegations met for six hours in a hall near the harbour and left without a joint "
         "statement, while observers noted the absence of any timetable for further talks. ")
ROLE_UNIT = "Anna Berg, the finance minister, spoke.\n\n“We will not give up,” the minister said.\n\n"
LINEAR_RATIO = 2.6


def _repeat(unit: str, chars: int) -> str:
    return (unit * (chars // len(unit) + 1))[:chars]


def _seed_paragraphs(chars: int) -> str:
    seeds = Path(__file__).resolve().parents[1] / "seeds"
    text = "\n\n".join(p.read_text("utf-8") for p in sorted(seeds.glob("*.txt")))
    return _repeat(text + "\n\n", chars)


# name -> (builder(size) -> text, full size, unit of size)
CASES: dict[str, tuple[Callable[[int], str], int, str]] = {
    "quotes-straight": (lambda n: '"' * n, 100_000, "marks"),
    "quotes-curly": (lambda n: "“”" * (n // 2), 100_000, "marks"),
    "quotes-mixed": (lambda n: _repeat("“”„‟«»‹›‘’‚'\"`", n), 100_000, "marks"),
    "quotes-in-words": (lambda n: _repeat("a “b ‘c” d’ e \"f ", n * 4), 100_000, "marks/4"),
    "nested-10k": (lambda n: "“a ‘b " * n + "’ c” " * n, 10_000, "levels"),
    "unclosed-10k": (lambda n: "“word " * n, 10_000, "quotes"),
    "para-quotes": (lambda n: _repeat(SENTENCES, n), 5_000_000, "chars"),
    "para-prose": (lambda n: _repeat(PROSE, n), 5_000_000, "chars"),
    "role-mentions": (lambda n: _repeat(ROLE_UNIT, n), 1_000_000, "chars"),
    "spaces": (lambda n: " " * n, 5_000_000, "chars"),
    "odd-spaces": (lambda n: _repeat(" \u00a0\t\u200b\u2009\u3000", n), 2_000_000, "chars"),
    "blank-lines": (lambda n: "\n" * n + "“x,” he said.", 2_000_000, "chars"),
    "mixed-newlines": (lambda n: _repeat("“a,” he said.\r\n\r“b”\n", n), 1_000_000, "chars"),
    "long-word": (lambda n: "a" * n + " said “x”", 5_000_000, "chars"),
    "long-capital-word": (lambda n: "A" + "a" * n + " said “x”", 5_000_000, "chars"),
    "capitalised-run": (lambda n: _repeat("Anna ", n) + " said “yes.”", 1_000_000, "chars"),
    "seed-articles": (_seed_paragraphs, 5_000_000, "chars"),
    "transcript-qa": (lambda n: "Ana Ruiz\n\nWe spoke to Ana Ruiz.\n\n"
                      + "Q: Why now?\n\nA: Because we are ready.\n\n" * n, 20_000, "turn pairs"),
    "transcript-named": (lambda n: "The two met.\n\n" + "LEE: We will win it.\n\nRUIZ: "
                         "We already have.\n\n**Ana Ruiz:** Fine.\n\n" * n, 20_000, "turn triples"),
}


def _measure(text: str, what: str) -> float:
    start = time.perf_counter()
    if what == "extract":
        # No skip regions: a boilerplate tail marker ("Latest news") would skip the rest of a
        # concatenated text and flatter the figure; the loader stage times skip_regions itself.
        extract_text(text, "doc", ())
    else:  # the loader's own pass over the text: front matter, boilerplate, stated metadata
        try:
            _, end = metadata.front_matter(text, "doc", [])
        except Exception:  # noqa: BLE001 - a CorpusError is a fine outcome here
            end = 0
        metadata.stated_metadata(text, metadata.skip_regions(text, end))
    return time.perf_counter() - start


def _child(conn, builder, size, what) -> None:
    """Best of up to three runs (fewer when one run is long): noise only ever adds time."""
    text = builder(size)
    times = [_measure(text, what)]
    while len(times) < 3 and sum(times) < 2.0:
        times.append(_measure(text, what))
    conn.send((len(text), min(times)))


def timed(builder, size: int, what: str, budget: float) -> tuple[int, float | None]:
    """(characters, seconds) for one run in a forked child; seconds None if over budget."""
    ctx = multiprocessing.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    process = ctx.Process(target=_child, args=(child, builder, size, what))
    process.start()
    child.close()
    try:
        if parent.poll(budget):
            return parent.recv()
        return -1, None
    finally:
        if process.is_alive():
            process.kill()
        process.join()


def run_case(name: str, what: str, scale: float, budget: float, start_div: int = 16) -> dict:
    builder, full, unit = CASES[name]
    target = max(8, int(full * scale))
    sizes = [max(1, target // start_div)]
    while sizes[-1] * 2 <= target:
        sizes.append(sizes[-1] * 2)
    rows = []
    for size in sizes:
        chars, seconds = timed(builder, size, what, budget)
        rows.append({"size": size, "chars": chars, "seconds": seconds})
        if seconds is None:
            break
    done = [r for r in rows if r["seconds"] is not None]
    ratio = None
    if len(done) >= 2 and done[-2]["seconds"] > 0:
        ratio = done[-1]["seconds"] / max(done[-2]["seconds"], 1e-4)
    if rows[-1]["seconds"] is None:
        verdict = "TOO SLOW"
    elif ratio is not None and ratio > LINEAR_RATIO and done[-1]["seconds"] > 0.2:
        verdict = "SUPERLINEAR"
    else:
        verdict = "linear"
    last = done[-1] if done else None
    mb_s = (last["chars"] / 1e6 / last["seconds"]) if last and last["seconds"] else None
    return {"case": name, "stage": what, "unit": unit, "target": target, "runs": rows,
            "ratio_last_doubling": ratio, "mb_per_s": mb_s, "verdict": verdict}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--case", action="append", choices=sorted(CASES),
                        help="only this case (repeatable)")
    parser.add_argument("--stage", choices=["extract", "loader", "both"], default="both")
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of the full sizes")
    parser.add_argument("--budget", type=float, default=60.0, help="seconds allowed for one run")
    parser.add_argument("--json", action="store_true", help="print results as JSON")
    args = parser.parse_args(argv)
    extract_text(SENTENCES, "warm-up", ())  # load lexicons once; children inherit them
    stages = ["extract", "loader"] if args.stage == "both" else [args.stage]
    results = []
    for name in args.case or list(CASES):
        for stage in stages:
            result = run_case(name, stage, args.scale, args.budget)
            results.append(result)
            if not args.json:
                _print(result)
    if args.json:
        print(json.dumps(results, indent=2))
    return 0 if all(r["verdict"] == "linear" for r in results) else 1


def _print(r: dict) -> None:
    cells = []
    for run in r["runs"]:
        shown = f"{run['seconds']:.3f}s" if run["seconds"] is not None else "> budget"
        cells.append(f"{run['size']}:{shown}")
    ratio = f"x{r['ratio_last_doubling']:.2f}" if r["ratio_last_doubling"] else "-"
    speed = f"{r['mb_per_s']:.2f} MB/s" if r["mb_per_s"] else "-"
    print(f"{r['case']:<18} {r['stage']:<8} {r['verdict']:<12} last doubling {ratio:<7} "
          f"{speed:<12} [{r['unit']}] " + "  ".join(cells[-3:]), flush=True)


if __name__ == "__main__":
    sys.exit(main())
