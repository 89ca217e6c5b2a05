"""map_documents: same answers as a loop, in input order, whichever way it runs."""
from __future__ import annotations

import pytest

from summitcli import parallel
from summitcli.parallel import map_documents, should_parallelise


def word_count(text: str) -> tuple[int, str]:
    return len(text.split()), text[:8]


def fail_on_seven(x: int) -> int:
    if x == 7:
        raise ValueError("seven")
    return x


DOCS = [" ".join(f"w{j}" for j in range(i % 37)) + f" doc{i}" for i in range(300)]


def test_parallel_equals_serial_and_keeps_order():
    serial = [word_count(d) for d in DOCS]
    assert map_documents(word_count, DOCS, workers=2, min_items=1, min_bytes=0, chunksize=7) == serial


def test_small_input_runs_in_process(monkeypatch):
    def no_pool(*a, **k):
        raise AssertionError("should not start processes")

    monkeypatch.setattr(parallel, "_make_pool", no_pool)
    assert map_documents(word_count, DOCS[:5], workers=2) == [word_count(d) for d in DOCS[:5]]


def test_size_threshold_keeps_little_text_in_process():
    assert not should_parallelise(1000, 10_000, workers=2, min_bytes=1_000_000)
    assert should_parallelise(1000, 5_000_000, workers=2, min_bytes=1_000_000)
    assert not should_parallelise(1000, 5_000_000, workers=1)


def test_progress_reaches_the_total():
    seen = []
    map_documents(word_count, DOCS, workers=2, min_items=1, min_bytes=0,
                  progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (len(DOCS), len(DOCS))
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_serial_progress_reaches_the_total():
    seen = []
    map_documents(word_count, DOCS[:10], workers=1, progress=lambda d, t: seen.append((d, t)))
    assert seen[-1] == (10, 10)


def test_errors_in_the_function_propagate():
    with pytest.raises(ValueError):
        map_documents(fail_on_seven, list(range(100)), workers=2, min_items=1, min_bytes=0)


def test_no_process_support_falls_back_to_in_process(monkeypatch):
    def broken(*a, **k):
        raise OSError("no semaphores in this sandbox")

    monkeypatch.setattr(parallel, "_make_pool", broken)
    out = map_documents(word_count, DOCS, workers=2, min_items=1, min_bytes=0)
    assert out == [word_count(d) for d in DOCS]


def test_empty_input():
    assert map_documents(word_count, [], workers=2) == []


def test_importing_the_module_does_not_load_multiprocessing():
    import subprocess
    import sys

    code = "import sys, summitcli.parallel; print('multiprocessing' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
