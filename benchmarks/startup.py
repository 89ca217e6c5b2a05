#!/usr/bin/env python3
"""Start-up cost of the ``summit`` command, and of Typer releases.

    python benchmarks/startup.py [--runs 15] [--typer 0.12.5 0.15.4 0.29.2]

1. Whole-process wall time (median of ``--runs``) of ``summit quotes Trump
   --json`` on the bundled corpus against the floor ``python -c "import typer,
   rich.console, rapidfuzz, yaml"``, run alternately; target: at most 1.2x the
   floor. The first run of each warms the extraction cache, the OS file cache
   and the bytecode cache (``PYTHONDONTWRITEBYTECODE`` is removed from the
   environment, as for an installed tool) and is not counted.
2. Which heavy modules the command imports (``-X importtime``): pydantic, numpy,
   rich tables, the matcher.
3. With ``--typer``: for each Typer version, a throwaway virtualenv under
   ``$TMPDIR/summit-typer-<version>`` (made with pip if missing) and the
   figures that decide the version range: ``import typer`` self+children time
   (median of 7 ``-X importtime`` runs), and the whole-process time of a
   ten-line Typer app that parses an argument, a flag, a path option and a
   repeatable option (when recent Typer releases import pydantic).
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FLOOR = "import typer, rich.console, rapidfuzz, yaml"
HEAVY = ("pydantic", "numpy", "rich.table", "rich.progress", "rich.syntax", "summitcli.matching",
         "rapidfuzz.process", "summitcli.compare")
TINY_APP = '''
import sys
from pathlib import Path
from typing import Annotated, Optional
import typer
app = typer.Typer(add_completion=False)
@app.command()
def quotes(name: str,
           corpus: Annotated[Optional[Path], typer.Option("--corpus")] = None,
           as_json: Annotated[bool, typer.Option("--json")] = False,
           source: Annotated[Optional[list[str]], typer.Option("--source")] = None) -> None:
    print("pydantic" in sys.modules)
app()
'''


def bytecode_env() -> dict:
    """The environment with bytecode caching on, as users have it (``pip install`` writes .pyc).

    ``PYTHONDONTWRITEBYTECODE=1`` makes every run of an editable install
    recompile the tool's modules, which costs more than the whole floor.
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.setdefault("NO_COLOR", "1")
    return env


def _once(cmd: list[str], env: dict | None) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    return time.perf_counter() - t0


def wall(cmd: list[str], runs: int, env: dict | None = None) -> float:
    """Median whole-process wall time in seconds (one untimed warm-up run first)."""
    _once(cmd, env)
    return statistics.median(_once(cmd, env) for _ in range(runs))


def paired(a: list[str], b: list[str], runs: int, env: dict | None = None) -> tuple[float, float]:
    """Medians of two commands run alternately, so a busy machine slows both alike."""
    _once(a, env), _once(b, env)
    ta, tb = [], []
    for _ in range(runs):
        ta.append(_once(a, env))
        tb.append(_once(b, env))
    return statistics.median(ta), statistics.median(tb)


def summit_command() -> list[str]:
    exe = shutil.which("summit")
    return [exe] if exe else [sys.executable, "-m", "summitcli"]


def import_times(python: str, args: list[str], env: dict | None = None) -> dict[str, int]:
    """Cumulative import time (microseconds) of every module, from ``-X importtime``."""
    proc = subprocess.run([python, "-X", "importtime", *args], capture_output=True, text=True, env=env)
    out: dict[str, int] = {}
    for line in proc.stderr.splitlines():
        m = re.match(r"import time:\s+\d+ \|\s+(\d+) \|( *)(\S+)", line)
        if m:
            out.setdefault(m.group(3), int(m.group(1)))
    return out


def heavy_imports(times: dict[str, int]) -> dict[str, float]:
    """Top-level heavy packages the run imported, with their cumulative cost in ms."""
    return {h: times[h] / 1000 for h in HEAVY if h in times}


def startup_figures(runs: int) -> list[tuple]:
    tool = summit_command()
    env = bytecode_env()
    probe = subprocess.run([*tool, "quotes", "Trump", "--json"], capture_output=True, text=True, env=env)
    if probe.returncode != 0:
        return [("startup: summit quotes Trump --json", "error", "exit 0", False,
                 (probe.stderr.strip().splitlines() or [""])[-1])]
    floor, cmd = paired([sys.executable, "-c", FLOOR], [*tool, "quotes", "Trump", "--json"], runs, env)
    times = import_times(sys.executable, ["-m", "summitcli", "quotes", "Trump", "--json"], env)
    heavy = heavy_imports(times)
    return [
        ("startup: floor (import typer, rich.console, rapidfuzz, yaml)", f"{floor * 1000:.0f} ms", "", None),
        ("startup: summit quotes Trump --json", f"{cmd * 1000:.0f} ms", "", None),
        ("startup: ratio to floor", f"{cmd / floor:.2f}x", "<= 1.2x", cmd / floor <= 1.2),
        ("startup: heavy imports at run", ", ".join(f"{k} {v:.0f} ms" for k, v in heavy.items()) or "none",
         "no pydantic/numpy", not any(k in heavy for k in ("pydantic", "numpy"))),
    ]


def typer_venv(version: str) -> Path | None:
    """A throwaway virtualenv with this Typer (and the tool's other dependencies)."""
    root = Path(tempfile.gettempdir()) / f"summit-typer-{version}"
    py = root / "bin" / "python"
    if not py.exists():
        ok = subprocess.run([sys.executable, "-m", "venv", str(root)], capture_output=True).returncode == 0
        ok = ok and subprocess.run([str(py), "-m", "pip", "install", "-q", f"typer=={version}", "rich",
                                    "rapidfuzz", "pyyaml"], capture_output=True).returncode == 0
        if not ok:
            return None
    return py


def typer_figures(versions: list[str], runs: int) -> list[tuple]:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        app = Path(tmp) / "tiny_app.py"
        app.write_text(TINY_APP)
        for v in versions:
            py = typer_venv(v)
            if py is None:
                rows.append((f"typer {v}", "could not install", "", None))
                continue
            imp = statistics.median(import_times(str(py), ["-c", "import typer"]).get("typer", 0)
                                    for _ in range(7)) / 1000
            bare, run = paired([str(py), "-c", "pass"],
                               [str(py), str(app), "Trump", "--json", "--corpus", tmp, "--source", "a"], runs)
            env = dict(bytecode_env(), PYTHONPATH=str(Path(__file__).resolve().parent.parent / "src"))
            floor, tool = paired([str(py), "-c", FLOOR], [str(py), "-m", "summitcli", "quotes", "Trump", "--json"],
                                 runs, env)
            rows.append((f"typer {v}: summit quotes Trump --json / floor", f"{tool * 1000:.0f} / {floor * 1000:.0f} ms"
                         f" = {tool / floor:.2f}x", "<= 1.2x", None))
            loads = subprocess.run([str(py), str(app), "Trump", "--json"], capture_output=True,
                                   text=True).stdout.strip() == "True"
            pyd = import_times(str(py), [str(app), "Trump", "--json"]).get("pydantic")
            rows.append((f"typer {v}: import typer / tiny app run (minus bare python)",
                         f"{imp:.0f} ms / {(run - bare) * 1000:.0f} ms; pydantic at parse: "
                         + (f"yes, {pyd / 1000:.0f} ms" if loads and pyd else "yes" if loads else "no"),
                         "", None))
    return rows


def print_figures(rows: list[tuple]) -> None:
    for row in rows:
        name, value, target, ok = row[:4]
        flag = "" if ok is None else ("ok" if ok else "FAIL")
        print(f"{name:<62} {value:>24}  {target:<12} {flag}")
        for extra in row[4:]:
            print(f"    {extra}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--typer", nargs="*", default=[], metavar="VERSION")
    args = ap.parse_args(argv)
    rows = startup_figures(args.runs)
    if args.typer:
        rows += typer_figures(args.typer, args.runs)
    print_figures(rows)
    return 0 if all(r[3] is not False for r in rows) else 1


if __name__ == "__main__":
    os.environ.setdefault("NO_COLOR", "1")
    sys.exit(main())
