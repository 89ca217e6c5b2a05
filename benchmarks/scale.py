#!/usr/bin/env python3
"""Scale: extraction throughput, ``summit compare`` at 2,500-20,000 articles, cache, accuracy.

    python benchmarks/scale.py [--sizes 2500 5000 10000 20000] [--seed 0] [--workdir DIR]

For each size, a generated corpus (``benchmarks/make_corpus.py``, kept under
``--workdir`` and reused) and two runs of

    summit compare --json --corpus DIR            (SUMMIT_CACHE_DIR = a fresh empty folder)

The first (cold: empty cache) gives the wall time and the peak memory (the
largest sum of resident memory over the command's process tree, sampled every
20 ms from /proc, and the largest single process from ``wait4``); the second,
over the unchanged corpus, the warm-cache time (a hit in the compare result
cache); a third with ``--min-score 85`` (the default threshold spelled out:
another result key) reuses only the per-document extractions. Both must print
the cold run's bytes. Doubling ratios compare each cold time with the previous
size's.

Matching accuracy against ``truth.jsonl``: every quotation in the output is
mapped to the generated span it overlaps in the same file; a *unit* is one
outlet's printing of one utterance (its interrupted pieces are one unit).
Truth pairs are pairs of units of the same utterance from different files;
predicted pairs are pairs of units from different files in the same
statement. Pairs of two scare-quote terms are left out (terms may or may not
be grouped); a term or a quotation not in the truth paired with anything is a
false pair. Precision = true predicted pairs / predicted pairs; recall = true
predicted pairs / truth pairs.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from itertools import combinations
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import make_corpus  # noqa: E402

TARGET_MBPS, TARGET_WALL, TARGET_MEM_GB, TARGET_PR, TARGET_DOUBLING, TARGET_CACHE = 2.0, 60.0, 2.0, 0.95, 2.3, 3.0


def summit_command() -> list[str]:
    exe = shutil.which("summit")
    return [exe] if exe else [sys.executable, "-m", "summitcli"]


def snapshot(workdir: Path) -> dict:
    """Environment that runs a frozen copy of the checkout's package (``{}`` outside a checkout).

    The cold and the warm run must see the same code and lexicons: in a working
    tree where people edit ``data/*.yaml`` meanwhile, every edit rightly
    invalidates the cache and the warm run would measure nothing.
    """
    src = HERE.parent / "src" / "summitcli"
    if not src.is_dir():
        return {}
    dest = workdir / "snapshot"
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(src, dest / "summitcli", ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    return {"PYTHONPATH": str(dest)}


def corpus_dir(workdir: Path, n: int, seed: int) -> Path:
    """The generated corpus for (n, seed), made once and reused."""
    d = workdir / f"corpus-{n}-seed{seed}-g{make_corpus.GENERATOR_VERSION}"
    done = d / ".complete"
    if not done.exists():
        if d.exists():
            shutil.rmtree(d)
        make_corpus.write_corpus(n, d, seed)
        done.write_text("ok\n")
    return d


# -- running a command and watching its memory ---------------------------------------------

def _tree_rss(root: int) -> int:
    """Resident bytes of a process and all its descendants, from /proc."""
    children: dict[int, list[int]] = defaultdict(list)
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as fh:
                stat = fh.read().rsplit(b")", 1)[1].split()
            children[int(stat[1])].append(int(entry))
            rss[int(entry)] = int(stat[21]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, IndexError, ValueError):
            continue
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack.extend(children.get(pid, ()))
    return total


def run_measured(cmd: list[str], env: dict, stdout_path: Path) -> dict:
    """Wall time, exit code, peak tree RSS and peak single-process RSS of one command."""
    peak = [0]
    with open(stdout_path, "wb") as out, tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, env=env)
        stop = threading.Event()

        def sample() -> None:
            while not stop.is_set():
                peak[0] = max(peak[0], _tree_rss(proc.pid))
                stop.wait(0.02)

        watcher = threading.Thread(target=sample, daemon=True)
        watcher.start()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        stop.set()
        watcher.join()
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    return dict(wall=wall, code=proc.returncode, tree_rss=peak[0], max_rss=usage.ru_maxrss * 1024,
                cpu=usage.ru_utime + usage.ru_stime, stderr=stderr)


# -- accuracy ------------------------------------------------------------------------------

def cache_entries(cache: Path) -> int:
    """Extraction (``*.json``) and compare result (``*.bin``) entries in a cache folder."""
    return sum(1 for p in cache.rglob("*") if p.suffix in (".json", ".bin"))


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def same_bytes(a: Path, b: Path, block: int = 1 << 24) -> bool:
    with open(a, "rb") as fa, open(b, "rb") as fb:
        while True:
            x, y = fa.read(block), fb.read(block)
            if x != y:
                return False
            if not x:
                return True


def load_truth(corpus: Path) -> dict[str, list[dict]]:
    by_stem: dict[str, list[dict]] = defaultdict(list)
    with open(corpus / "truth.jsonl", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if row["kind"] in ("speech", "term"):
                by_stem[row["stem"]].append(row)
    return by_stem


def source_files(result: dict) -> dict[str, str]:
    """Source id -> file stem, from the output's ``sources`` (ids are the stems otherwise)."""
    out = {}
    for s in result.get("sources") or ():
        if isinstance(s, dict) and s.get("id") and s.get("path"):
            out[s["id"]] = Path(s["path"]).stem
    return out


class Mapper:
    """Maps an output quotation to the truth span it overlaps (in either offset convention)."""

    def __init__(self, corpus: Path, truth: dict[str, list[dict]]):
        self.corpus, self.truth, self.texts = corpus, truth, {}

    def _bases(self, stem: str, q: dict) -> tuple[str, ...]:
        """Which offsets the tool used: into the whole file, or after the front matter."""
        if stem not in self.texts:
            try:
                self.texts[stem] = (self.corpus / f"{stem}.txt").read_text(encoding="utf-8")
            except OSError:
                self.texts[stem] = ""
        text = self.texts[stem]
        start, end, quoted = q.get("start"), q.get("end"), q.get("text")
        if text[start:end] == quoted:
            return ("start",)
        body = text.find("\n---\n")
        if body >= 0 and text[body + 5:][start:end] == quoted:
            return ("body_start",)
        return ("start", "body_start")

    def unit(self, stem: str, q: dict) -> tuple:
        rows = self.truth.get(stem, ())
        start, end = q.get("start"), q.get("end")
        if not isinstance(start, int) or not isinstance(end, int):
            return ("unknown", stem, q.get("id"))
        best, best_overlap = None, 0
        for base in self._bases(stem, q):
            for r in rows:
                lo = r[base]
                ov = min(end, lo + len(r["text"])) - max(start, lo)
                if ov > best_overlap:
                    best, best_overlap = r, ov
            if best is not None:
                break
        if best is None or best_overlap * 2 < min(end - start, len(best["text"])):
            return ("unknown", stem, q.get("id"))
        return (best["kind"], stem, best["utterance"])


def cross_pairs(units: list[tuple]) -> set[tuple]:
    """Pairs of units from different files, leaving out term-term pairs."""
    pairs = set()
    for a, b in combinations(sorted(set(units)), 2):
        if a[1] != b[1] and not (a[0] == "term" and b[0] == "term"):
            pairs.add((a, b))
    return pairs


def score(result: dict, corpus: Path) -> dict:
    truth = load_truth(corpus)
    files = source_files(result)
    mapper = Mapper(corpus, truth)
    predicted: set[tuple] = set()
    extra_pred = extra_tp = 0
    found: set[tuple] = set()
    speakers_right = speakers_total = 0
    speaker_of = {(r["stem"], r["utterance"]): r["speaker"] for rows in truth.values() for r in rows}
    for st in result.get("statements", ()):
        units = []
        for q in st.get("quotes", ()):
            stem = files.get(q.get("source"), q.get("source"))
            u = mapper.unit(stem, q)
            units.append(u)
            found.add(u)
            if u[0] == "speech":
                speakers_total += 1
                speakers_right += _same_person(q.get("speaker"), speaker_of.get((stem, u[2])))
        if len(set(units)) > 3000:  # a runaway cluster: count its pairs without listing them
            big_pred, big_tp = _count_pairs(set(units))
            extra_pred, extra_tp = extra_pred + big_pred, extra_tp + big_tp
            continue
        predicted |= cross_pairs(units)
    for source, quotes in (result.get("only") or {}).items():  # quotations no other source carries
        for q in quotes if isinstance(quotes, list) else ():
            if isinstance(q, dict):
                found.add(mapper.unit(files.get(source, source), q))
    by_utt: dict[str, set] = defaultdict(set)
    for stem, rows in truth.items():
        for r in rows:
            if r["kind"] == "speech":
                by_utt[r["utterance"]].add(("speech", stem, r["utterance"]))
    truth_pairs = set()
    for units in by_utt.values():
        truth_pairs |= cross_pairs(list(units))
    tp = len(predicted & truth_pairs) + extra_tp
    n_pred = len(predicted) + extra_pred
    speech_units = sum(len(v) for v in by_utt.values())
    found_speech = sum(1 for u in found if u[0] == "speech")
    return dict(precision=tp / n_pred if n_pred else 0.0,
                recall=tp / len(truth_pairs) if truth_pairs else 0.0,
                predicted_pairs=n_pred, truth_pairs=len(truth_pairs), true_pairs=tp,
                quote_recall=found_speech / speech_units if speech_units else 0.0,
                speaker_accuracy=speakers_right / speakers_total if speakers_total else 0.0,
                statements=len(result.get("statements", ())))


def _count_pairs(units: set[tuple]) -> tuple[int, int]:
    """(cross-file non-term-term pairs, same-utterance speech pairs) by counting, not listing."""
    def cross(group: list[tuple]) -> int:
        per_file = defaultdict(int)
        for u in group:
            per_file[u[1]] += 1
        n = len(group)
        return n * (n - 1) // 2 - sum(k * (k - 1) // 2 for k in per_file.values())

    terms = [u for u in units if u[0] == "term"]
    by_utt = defaultdict(list)
    for u in units:
        if u[0] == "speech":
            by_utt[u[2]].append(u)
    return cross(list(units)) - cross(terms), sum(cross(g) for g in by_utt.values())


def _same_person(predicted: str | None, truth: str | None) -> bool:
    if not predicted or not truth:
        return False
    p, t = predicted.casefold().split(), truth.casefold().split()
    return p == t or (p[-1:] == t[-1:] and len(p) == 1)


# -- extraction throughput -----------------------------------------------------------------

def extraction_throughput(corpus: Path, max_bytes: int = 4_000_000) -> tuple[float, int]:
    """MB/s of one core through quotes+claims(+people) extraction on loaded documents."""
    from summitcli.corpus import load_corpus
    from summitcli.pipeline import extract_text

    docs, size = [], 0
    for d in load_corpus(corpus).documents:
        docs.append(d)
        size += len(d.text.encode("utf-8"))
        if size >= max_bytes:
            break
    extract_text(docs[0].text, docs[0].id, docs[0].skip)  # import and warm up
    t0 = time.perf_counter()
    for d in docs:
        extract_text(d.text, d.id, d.skip)
    return size / 1e6 / (time.perf_counter() - t0), size


def hostile_throughput(size: int = 5_000_000, timeout: float = 60.0) -> tuple[float | None, int]:
    """MB/s on one 5 MB paragraph with ~100k unbalanced quotation marks (in a child, with a timeout)."""
    code = f"SIZE = {size}\n" + r"""
import random, sys, time
from summitcli.pipeline import extract_text
rng = random.Random(1)
words = "the minister said that talks would resume and “we will see” she added".split()
parts, size = [], 0
while size < SIZE:
    parts.append(rng.choice(words))
    if rng.random() < 0.13:
        parts.append(rng.choice(["“", "”", '"', "‘", "’", "«"]))
    size += len(parts[-1]) + 1
text = " ".join(parts)
t0 = time.perf_counter()
extract_text(text, "hostile")
print(len(text.encode()) / 1e6 / (time.perf_counter() - t0), text.count("“") + text.count("”") + text.count('"'))
"""
    try:
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, 0
    if out.returncode != 0:
        return None, 0
    mbps, marks = out.stdout.split()
    return float(mbps), int(marks)


# -- the benchmark -------------------------------------------------------------------------

def check_cli() -> str | None:
    try:
        out = subprocess.run([*summit_command(), "compare", "--help"], capture_output=True, text=True,
                             timeout=60)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"cannot run summit: {exc}"
    if out.returncode != 0 or "--corpus" not in out.stdout:
        return "`summit compare --json --corpus DIR` is not available yet: " + (out.stderr.strip()[-300:] or
                                                                           "no --corpus option")
    return None


def compare_runs(sizes: list[int], seed: int, workdir: Path, log=print,
                 budget: float = 900.0, frozen: bool = True) -> tuple[list[tuple], dict]:
    rows, cold, cold_cpu = [], {}, {}
    extra_env = snapshot(workdir) if frozen else {}
    tool = [sys.executable, "-m", "summitcli"] if extra_env else summit_command()
    for n in sizes:
        done = [m for m in cold if m < n]
        if done and cold[max(done)] * (n / max(done)) ** 1.2 > budget:
            rows.append((f"compare {n}", "skipped", "", None,
                         f"the {max(done)} run took {cold[max(done)]:.0f} s; this one would exceed --budget {budget:.0f} s"))
            continue
        corpus = corpus_dir(workdir, n, seed)
        with tempfile.TemporaryDirectory(dir=workdir) as cache:
            env = dict(os.environ, SUMMIT_CACHE_DIR=cache, NO_COLOR="1", **extra_env)
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            cmd = [*tool, "compare", "--json", "--corpus", str(corpus)]
            out_path = workdir / f"compare-{n}.json"
            first = run_measured(cmd, env, out_path)
            if first["code"] != 0:
                rows.append((f"compare {n}", f"exit {first['code']}", "exit 0", False,
                             first["stderr"].strip()[-400:]))
                continue
            entries = cache_entries(Path(cache))
            warm_path = workdir / f"compare-{n}-warm.json"
            second = run_measured(cmd, env, warm_path)
            rewritten = cache_entries(Path(cache)) - entries
            if rewritten:  # keys changed between the runs (a lexicon edited meanwhile?)
                log(f"  {n}: the warm run wrote {rewritten} new cache entries: it missed the cache")
            same = same_bytes(out_path, warm_path)
            # The same matching threshold spelled out: another result key, so this run
            # reuses the extractions only (what a changed option or article costs).
            third = run_measured([*cmd, "--min-score", "85"], env, warm_path)
            same = same and same_bytes(out_path, warm_path)
            warm_path.unlink(missing_ok=True)
            disk = {part: folder_bytes(Path(cache) / part) for part in ("extract", "results")}
        cold[n] = first["wall"]
        cold_cpu[n] = first["cpu"]
        with open(out_path, encoding="utf-8") as fh:
            acc = score(json.load(fh), corpus)
        log(f"  {n}: cold {first['wall']:.1f}s (cpu {first['cpu']:.1f}s) warm {second['wall']:.1f}s "
            f"(cpu {second['cpu']:.1f}s) extractions-only {third['wall']:.1f}s "
            f"tree {first['tree_rss'] / 2**30:.2f} GB cache {disk['extract'] / 1e6:.0f}+"
            f"{disk['results'] / 1e6:.0f} MB {json.dumps(acc)}")
        main_size = n == 10_000 or n == sizes[-1] and 10_000 not in sizes
        gb = first["tree_rss"] / 2**30
        rows += [
            (f"compare {n}: wall (cold cache) [cpu]", f"{first['wall']:.1f} s [{first['cpu']:.1f} s]",
             f"< {TARGET_WALL:.0f} s" if n <= 10_000 else "", first["wall"] < TARGET_WALL if n <= 10_000 else None),
            (f"compare {n}: peak memory (process tree; largest process)",
             f"{gb:.2f} GB; {first['max_rss'] / 2**30:.2f} GB", f"< {TARGET_MEM_GB:.0f} GB" if main_size else "",
             gb < TARGET_MEM_GB if main_size else None),
            (f"compare {n}: warm cache wall [cpu] / speed-up", f"{second['wall']:.1f} s [{second['cpu']:.1f} s] / "
             f"{first['wall'] / second['wall']:.1f}x",
             f">= {TARGET_CACHE:.0f}x" if main_size else "", first["wall"] / second["wall"] >= TARGET_CACHE if main_size else None),
            (f"compare {n}: warm, extraction cache only (--min-score 85) / speed-up",
             f"{third['wall']:.1f} s / {first['wall'] / third['wall']:.1f}x", "", None),
            (f"compare {n}: warm and extraction-only output = cold output", "yes" if same else "NO",
             "byte-identical", same),
            (f"compare {n}: cache on disk (extractions + compare result)",
             f"{disk['extract'] / 1e6:.0f} + {disk['results'] / 1e6:.0f} MB", "", None),
            (f"compare {n}: statement precision / recall (pairs)", f"{acc['precision']:.3f} / {acc['recall']:.3f}",
             f"> {TARGET_PR}", acc["precision"] > TARGET_PR and acc["recall"] > TARGET_PR),
            (f"compare {n}: quotations found / speaker right", f"{acc['quote_recall']:.3f} / {acc['speaker_accuracy']:.3f}",
             "", None),
        ]
    prev = None
    for n in sizes:
        if n in cold and prev in cold and n == 2 * prev:
            r = cold[n] / cold[prev]
            rc = cold_cpu[n] / cold_cpu[prev]
            rows.append((f"doubling {prev} -> {n}: wall ratio [cpu ratio]", f"{r:.2f}x [{rc:.2f}x]",
                         f"<= {TARGET_DOUBLING}x", r <= TARGET_DOUBLING))
        prev = n
    return rows, cold


def scale_figures(sizes: list[int], seed: int, workdir: Path, log=print, budget: float = 900.0,
                  frozen: bool = True) -> list[tuple]:
    workdir.mkdir(parents=True, exist_ok=True)
    rows = []
    t0 = time.perf_counter()
    small = corpus_dir(workdir, min(sizes), seed)
    log(f"  generated {min(sizes)} articles in {time.perf_counter() - t0:.1f}s (reused if present)")
    try:
        mbps, size = extraction_throughput(small)
        rows.append((f"extraction, one core ({size / 1e6:.1f} MB generated news)", f"{mbps:.2f} MB/s",
                     f">= {TARGET_MBPS} MB/s", mbps >= TARGET_MBPS))
        hmbps, marks = hostile_throughput()
        # not article text: the target here is finishing (linearity is adversarial.py's)
        rows.append((f"extraction, one core (5 MB paragraph, {marks or '~100k'} quote marks)",
                     "timeout/error" if hmbps is None else f"{hmbps:.2f} MB/s", "done in 60 s",
                     hmbps is not None))
    except ImportError as exc:
        rows.append(("extraction throughput", f"unavailable ({exc})", f">= {TARGET_MBPS} MB/s", False))
    problem = check_cli()
    if problem:
        rows.append(("compare at scale", "unavailable", "", False, problem))
        return rows
    more, _ = compare_runs(sizes, seed, workdir, log, budget, frozen)
    return rows + more


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[2500, 5000, 10000, 20000])
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "summit-bench")
    ap.add_argument("--budget", type=float, default=900.0,
                    help="skip a size whose cold run would take longer than this (seconds)")
    ap.add_argument("--no-snapshot", action="store_true",
                    help="run the installed summit, not a frozen copy of this checkout's src/")
    args = ap.parse_args(argv)
    from startup import print_figures

    rows = scale_figures(args.sizes, args.seed, args.workdir, log=lambda m: print(m, file=sys.stderr),
                         budget=args.budget, frozen=not args.no_snapshot)
    print_figures(rows)
    return 0 if all(r[3] is not False for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
