"""Run a pure per-document function over many documents, on every core when it pays.

Starting worker processes costs a fixed fraction of a second, so small
corpora run in-process; large ones are split into chunks and handed to a
``ProcessPoolExecutor``. Results always come back in input order and equal
what a plain loop would give. ``func`` must be picklable (a module-level
function) and so must the items and results.
"""
from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")
Progress = Callable[[int, int], None]

MIN_ITEMS = 32  # fewer documents than this never pay for worker start-up
MIN_BYTES = 1_000_000  # about half a second of extraction on one core


def available_cpus() -> int:
    """CPUs this process may use (affinity-aware where the OS tells)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def _run_chunk(func: Callable[[T], R], chunk: Sequence[T]) -> list[R]:
    return [func(x) for x in chunk]


def _make_pool(workers: int):
    """A process pool; fork on Linux, so workers inherit loaded modules and start in milliseconds.

    Imported here, not at module level: multiprocessing costs ~15 ms of start-up
    that small corpora never need.
    """
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    ctx = None
    if sys.platform.startswith("linux"):
        try:
            ctx = mp.get_context("fork")
        except ValueError:
            pass
    return ProcessPoolExecutor(max_workers=workers, mp_context=ctx)


def should_parallelise(n_items: int, total_bytes: int | None, workers: int,
                       min_items: int = MIN_ITEMS, min_bytes: int = MIN_BYTES) -> bool:
    if workers < 2 or n_items < max(2, min_items):
        return False
    return total_bytes is None or total_bytes >= min_bytes


def map_documents(func: Callable[[T], R], items: Sequence[T] | Any, *, workers: int | None = None,
                  min_items: int = MIN_ITEMS, min_bytes: int = MIN_BYTES,
                  size: Callable[[T], int] | None = None, chunksize: int | None = None,
                  progress: Progress | None = None) -> list[R]:
    """``[func(x) for x in items]``, in processes when there is enough work.

    ``size(item)`` (e.g. the file's byte count) lets small corpora stay
    in-process; without it only the item count decides. ``progress(done,
    total)`` is called in this process as items finish (after each chunk).
    Exceptions raised by ``func`` propagate. If worker processes cannot be
    started (a sandbox without semaphores, a killed worker), the remaining work
    runs in-process.
    """
    items = list(items)
    total = len(items)
    workers = available_cpus() if workers is None else max(1, workers)
    total_bytes = sum(size(x) for x in items) if size is not None else None
    if not should_parallelise(total, total_bytes, workers, min_items, min_bytes):
        return _serial(func, items, progress)
    if chunksize is None:
        chunksize = max(1, min(256, total // (workers * 8)))
    chunks = [items[i:i + chunksize] for i in range(0, total, chunksize)]
    results: list[list[R] | None] = [None] * len(chunks)
    from concurrent.futures import as_completed
    from concurrent.futures.process import BrokenProcessPool

    done = 0
    try:
        pool = _make_pool(workers)
    except (OSError, NotImplementedError, ImportError):  # no semaphores here: stay in-process
        return _serial(func, items, progress)
    try:
        with pool:
            try:
                futures = {pool.submit(_run_chunk, func, c): i for i, c in enumerate(chunks)}
            except OSError:  # could not start a worker process
                futures = {}
            for fut in as_completed(futures):
                i = futures[fut]
                results[i] = fut.result()
                done += len(chunks[i])
                if progress is not None:
                    progress(done, total)
    except BrokenProcessPool:
        pass  # a worker died (out of memory, killed): finish below
    for i, c in enumerate(chunks):  # in-process, whatever did not come back from a worker
        if results[i] is None:
            results[i] = _run_chunk(func, c)
            done += len(c)
            if progress is not None:
                progress(done, total)
    return [r for chunk in results for r in chunk]  # type: ignore[union-attr]


def _serial(func: Callable[[T], R], items: list[T], progress: Progress | None) -> list[R]:
    out = []
    total = len(items)
    step = max(1, total // 100)
    for i, x in enumerate(items, 1):
        out.append(func(x))
        if progress is not None and (i % step == 0 or i == total):
            progress(i, total)
    return out
