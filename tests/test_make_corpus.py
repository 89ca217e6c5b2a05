"""The benchmark corpus generator: deterministic, and its truth matches what it wrote."""
from __future__ import annotations

import importlib.util
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("make_corpus", ROOT / "benchmarks" / "make_corpus.py")
make_corpus = importlib.util.module_from_spec(_spec)
sys.modules["make_corpus"] = make_corpus  # dataclasses look their module up by name
_spec.loader.exec_module(make_corpus)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    out = tmp_path_factory.mktemp("gen")
    make_corpus.write_corpus(60, out, seed=3)
    rows = [json.loads(line) for line in (out / "truth.jsonl").read_text(encoding="utf-8").splitlines()]
    return out, rows


def test_same_seed_same_bytes_other_seed_other_bytes():
    a = [(n, t) for n, t, _ in make_corpus.generate(25, seed=7)]
    b = [(n, t) for n, t, _ in make_corpus.generate(25, seed=7)]
    c = [(n, t) for n, t, _ in make_corpus.generate(25, seed=8)]
    assert a == b and a != c


def test_writes_n_articles_with_front_matter(corpus):
    out, _ = corpus
    files = sorted(out.glob("*.txt"))
    assert len(files) == 60
    for f in files:
        text = f.read_text(encoding="utf-8")
        assert text.startswith("---\n")
        meta = yaml.safe_load(text.split("---\n")[1])
        assert {"title", "outlet", "date", "author"} <= set(meta)


def test_truth_offsets_point_at_the_quoted_text(corpus):
    out, rows = corpus
    texts = {}
    for r in rows:
        text = texts.setdefault(r["file"], (out / r["file"]).read_text(encoding="utf-8"))
        assert text[r["start"]:r["end"]] == r["text"]
        body = text[text.index("\n---\n") + 5:]
        assert body[r["body_start"]:r["body_end"]] == r["text"]
        assert r["stem"] == r["file"][:-4]


def test_speech_spans_sit_inside_quotation_marks_and_claims_do_not(corpus):
    out, rows = corpus
    for r in rows:
        text = (out / r["file"]).read_text(encoding="utf-8")
        before, after = text[r["start"] - 1], text[r["end"]]
        if r["kind"] == "claim":
            assert before not in "“\"" and r["speaker"]
        else:
            assert before in "“\"" and after in "”\""


def test_utterances_are_quoted_by_several_outlets_with_mutations(corpus):
    _, rows = corpus
    speech = [r for r in rows if r["kind"] == "speech"]
    files_per_utterance = defaultdict(set)
    for r in speech:
        files_per_utterance[r["utterance"]].add(r["file"])
        assert r["speaker"]
    assert sum(len(f) >= 2 for f in files_per_utterance.values()) >= 20
    mutations = Counter(m for r in speech for m in r["mutation"].split("+"))
    assert {"verbatim", "trimmed", "substituted", "contracted", "reordered"} <= set(mutations)
    assert any(r["piece"] == 1 for r in speech)  # interrupted quotations
    assert any(r["kind"] == "term" for r in rows) and any(r["kind"] == "claim" for r in rows)


def test_speakers_are_introduced_with_title_then_named_by_surname(corpus):
    out, rows = corpus
    surname_only = 0
    for r in rows:
        if r["kind"] != "speech":
            continue
        text = (out / r["file"]).read_text(encoding="utf-8")
        body = text[text.index("\n---\n") + 5:]
        title = yaml.safe_load(text.split("---\n")[1])["title"]
        body = body.removeprefix(title + "\n\n")  # headlines use surnames alone
        last = r["speaker"].split()[-1]
        first_full = body.index(r["speaker"])
        assert body.index(last) > first_full  # first mention is the full name
        assert body[max(0, first_full - 40):first_full].split()  # with a title before it
        surname_only += body.count(last) - body.count(r["speaker"])
    assert surname_only > 0
