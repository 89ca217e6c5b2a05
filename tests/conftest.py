"""Shared fixtures: an isolated cache, a corpus builder, and a way to run ``summit``.

Hypothesis profiles: ``ci`` (the default) keeps every property test to a
bounded number of examples so the suite stays fast; set
``SUMMIT_HYPOTHESIS_PROFILE=long`` for a long fuzzing run.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

_QUIET = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much]
settings.register_profile("ci", max_examples=60, deadline=None, suppress_health_check=_QUIET,
                          print_blob=True)
settings.register_profile("long", max_examples=3000, deadline=None,
                          suppress_health_check=_QUIET, print_blob=True)
settings.load_profile(os.environ.get("SUMMIT_HYPOTHESIS_PROFILE", "ci"))

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path_factory, monkeypatch):
    """No test reads or writes the user's real cache (or inherits a corpus choice)."""
    monkeypatch.setenv("SUMMIT_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "summit-cache"))
    monkeypatch.delenv("SUMMIT_CORPUS", raising=False)


@pytest.fixture
def make_corpus(tmp_path):
    """Build a corpus folder from ``{file name: str | bytes}``; returns its path."""

    def build(files: dict[str, str | bytes], name: str = "corpus") -> Path:
        root = tmp_path / name
        root.mkdir()
        for file_name, content in files.items():
            data = content.encode("utf-8") if isinstance(content, str) else content
            (root / file_name).write_bytes(data)
        return root

    return build


def run_summit(*args: str, env: dict | None = None, timeout: float = 180,
               **kwargs) -> subprocess.CompletedProcess:
    """``python -m summitcli ARGS`` in a subprocess (the real entry point, real streams)."""
    full_env = {**os.environ, **(env or {})}
    full_env.pop("SUMMIT_DEBUG", None)
    return subprocess.run([sys.executable, "-m", "summitcli", *args], capture_output=True,
                          env=full_env, timeout=timeout, **kwargs)


@pytest.fixture
def summit():
    return run_summit
