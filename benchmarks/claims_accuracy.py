#!/usr/bin/env python3
"""Score summit's attributed claims against the PolNeAR development set.

usage: python3 benchmarks/claims_accuracy.py [--devset DIR] [--limit N] [--dump FILE]

Runs quotation and claim extraction over every article of the development set
(``../shared/devsets/polnear-train`` next to the repository, or ``--devset``),
writes the predictions to a temporary directory and scores them with the set's
own ``claims_score.py`` (reported speech against the ``indirect`` annotations).
Prints the scorer's JSON line plus throughput. ``--dump FILE`` writes a
human-readable list of misses and false alarms with context for error study
(outside the repository, please: the texts belong to their publishers).
Exits 0 with a note when the development set is absent. Nothing is copied into
the repository.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "devsets" / "polnear-train"


def _extract(text: str, doc: str):
    """Quotes, people and claims as the pipeline runs them; also the seconds claims took."""
    from summitcli import claims, people

    try:
        from summitcli import quotes as quotes_mod
        qs = quotes_mod.quotes_in_text(text, doc, ())
    except ImportError:
        qs = []
    ps = people.people_in_text(text)
    t0 = time.perf_counter()
    found = claims.claims_in_text(text, doc, (), qs, ps)
    return found, time.perf_counter() - t0


def _overlap(a: dict, b: dict) -> float:
    inter = max(0, min(a["end"], b["end"]) - max(a["start"], b["start"]))
    return inter / max(a["end"] - a["start"], b["end"] - b["start"], 1)


def _speaker_ok(gold: str | None, pred: str | None) -> bool:
    """The scorer's speaker test: last token equal, or token_set_ratio >= 85."""
    import re

    from rapidfuzz import fuzz

    norm = lambda s: " ".join(re.sub(r"[^\w\s]", " ", (s or "").lower()).split())
    g, p = norm(gold), norm(pred)
    return bool(g and p) and (g.split()[-1] == p.split()[-1] or fuzz.token_set_ratio(g, p) >= 85)


def _dump(out, doc: str, text: str, golds: list[dict], preds: list[dict]) -> None:
    ctx = lambda s, e: (text[max(0, s - 80):s] + "[[" + text[s:e] + "]]" + text[e:e + 40]).replace("\n", " ")
    used = set()
    for g in golds:
        best = max(((_overlap(g, p), n) for n, p in enumerate(preds)), default=(0, -1))
        if best[0] >= 0.5:
            used.add(best[1])
            p = preds[best[1]]
            if not _speaker_ok(g["speaker"], p["speaker"]):
                out.write(f"SPK  {doc} gold={g['speaker']!r} pred={p['speaker']!r} cue={g['cue']!r}\n     {ctx(g['start'], g['end'])}\n")
        else:
            near = [p for p in preds if _overlap(g, p) > 0]
            note = "".join(f"\n     ~{p['rule']} {round(_overlap(g, p), 2)}: {ctx(p['start'], p['end'])}" for p in near)
            out.write(f"MISS {doc} cue={g['cue']!r} spk={g['speaker']!r}\n     {ctx(g['start'], g['end'])}{note}\n")
    for n, p in enumerate(preds):
        if n not in used:
            out.write(f"FA   {doc} rule={p['rule']} cue={p['cue']!r} spk={p['speaker']!r}\n     {ctx(p['start'], p['end'])}\n")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--devset", type=Path, default=DEFAULT)
    ap.add_argument("--limit", type=int, default=0, help="only the first N articles")
    ap.add_argument("--dump", type=Path, help="write misses and false alarms here")
    ap.add_argument("--polnear-fragments", action="store_true",
                    help="diagnostic: drop claims holding a double-quoted fragment, which PolNeAR "
                         "files under quotations rather than under indirect speech")
    args = ap.parse_args(argv)
    gold_path = args.devset / "gold.jsonl"
    scorer = args.devset.parent / "claims_score.py"
    if not gold_path.is_file() or not scorer.is_file():
        print(f"development set not found at {args.devset}; skipping")
        return 0
    golds = [json.loads(line) for line in gold_path.open(encoding="utf-8") if line.strip()]
    if args.limit:
        golds = golds[:args.limit]
    dump = args.dump.open("w", encoding="utf-8") if args.dump else None
    chars, seconds, claim_seconds = 0, 0.0, 0.0
    with tempfile.TemporaryDirectory() as tmp:
        pred_path, gold_sub = Path(tmp) / "pred.jsonl", Path(tmp) / "gold.jsonl"
        with pred_path.open("w", encoding="utf-8") as pf, gold_sub.open("w", encoding="utf-8") as gf:
            for g in golds:
                text = (args.devset / "docs" / f"{g['doc']}.txt").read_text(encoding="utf-8")
                t0 = time.perf_counter()
                found, dt = _extract(text, g["doc"])
                seconds += time.perf_counter() - t0
                claim_seconds += dt
                chars += len(text.encode("utf-8"))
                preds = [{"text": c.text, "speaker": c.speaker_mention, "start": c.start, "end": c.end,
                          "cue": c.cue, "rule": c.rule} for c in found
                         if not (args.polnear_fragments and any(m in c.text for m in '"“”'))]
                pf.write(json.dumps({"doc": g["doc"], "quotes": preds}) + "\n")
                gf.write(json.dumps(g) + "\n")
                if dump:
                    _dump(dump, g["doc"], text, g.get("indirect") or [], preds)
        res = subprocess.run([sys.executable, str(scorer), str(gold_sub), str(pred_path)],
                             capture_output=True, text=True, check=True)
    if dump:
        dump.close()
    scores = json.loads(res.stdout)
    scores["docs"] = len(golds)
    scores["mb_per_s"] = round(chars / 1e6 / seconds, 2) if seconds else None
    scores["claims_only_mb_per_s"] = round(chars / 1e6 / claim_seconds, 2) if claim_seconds else None
    print(json.dumps(scores))
    return 0


if __name__ == "__main__":
    sys.exit(main())
