"""Annotated ground truth: the bundled seeds and the hand-written test articles.

Two suites, one set of checks. ``seeds``: the five bundled articles against
fixtures/seed_quotes.yaml. ``articles``: invented articles, one per hard case or
house style (nested quotes, unbalanced marks, multi-paragraph and interrupted
quotations, pronouns, "according to", scare quotes, apostrophes, « » and „ “,
wire copy, interview style, colon lead-ins, "— Name", straight quotes, role
phrases; 16-21 written after 01-15 passed, as a held-out check) against
fixtures/articles/expected.yaml.

Every quoted span a careful reader finds must be found, with the right kind, the
right canonical speaker and, where annotated, the right speaker mention; the tool
must report nothing else; offsets must be exact; pieces of one interrupted
quotation share an utterance id and separate utterances do not.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Callable

import pytest

from expectations import (
    all_matches, describe, entry_label, find_quote, kind_ok, load_yaml, matches_any, mention_ok,
    run_suite, same_utterance_groups, separate_neighbours, speaker_ok,
)

HERE = Path(__file__).parent


@dataclass(frozen=True)
class Spec:
    folder: Path
    groups: dict  # key (source id or file name) -> expected quotes, in order
    key_of: Callable
    aliases: dict
    xfail: dict = field(default_factory=dict)  # (test, label) -> reason: known gaps, strict

    def labels(self, with_mention: bool = False) -> list[str]:
        return [entry_label(k, i, e) for k, es in self.groups.items() for i, e in enumerate(es)
                if not with_mention or e.get("mention")]

    def label(self, key: str, index: int) -> str:
        return entry_label(key, index, self.groups[key][index])


def _seed_spec() -> Spec:
    spec = load_yaml(HERE / "fixtures" / "seed_quotes.yaml")
    groups: dict[str, list[dict]] = {}
    for entry in spec["quotes"]:
        groups.setdefault(entry["source"], []).append(entry)
    return Spec(HERE.parent / "seeds", groups, lambda doc: doc.id,
                spec.get("speaker_aliases") or {})


def _article_spec() -> Spec:
    folder = HERE / "fixtures" / "articles"
    spec = load_yaml(folder / "expected.yaml")
    groups = {name: f["quotes"] for name, f in spec["files"].items()}
    # Known gaps go in Spec.xfail as (test, label): reason; the held-out ones found are fixed.
    return Spec(folder, groups, lambda doc: Path(doc.path).name, spec.get("speaker_aliases") or {})


SPECS = {"seeds": _seed_spec(), "articles": _article_spec()}


@cache
def _suite(name: str):
    spec = SPECS[name]
    return run_suite(spec.folder, spec.groups, spec.key_of, spec.aliases)


def _params(test: str, items: Callable[[Spec], list]) -> list:
    """(suite, item) parameters, each strict-xfail where the suite lists a known gap."""
    out = []
    for name, spec in SPECS.items():
        for item in items(spec):
            key = item if isinstance(item, str) else item[0]
            reason = spec.xfail.get((test, key))
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            out.append(pytest.param(name, item, id=f"{name}:{key}", marks=marks))
    return out


def _found(suite, exp):
    return find_quote(exp, suite.quotes_of(exp.source), suite.text(exp.source))


def _expected(name: str, label: str):
    return _suite(name).by_label()[label]


def test_every_article_is_annotated():
    suite, spec = _suite("articles"), SPECS["articles"]
    assert {Path(d.path).name for d in suite.documents.values()} == set(spec.groups), \
        "expected.yaml and the article files disagree"


@pytest.mark.parametrize("name", list(SPECS))
def test_every_expected_text_is_in_its_article(name):
    suite = _suite(name)
    assert len(suite.expected) == len(SPECS[name].labels()), "an annotated article did not load"
    for exp in suite.expected:
        assert suite.text(exp.source)[exp.start:exp.end] == exp.text


@pytest.mark.parametrize("name,label", _params("found", Spec.labels))
def test_quote_is_found(name, label):
    exp = _expected(name, label)
    assert _found(_suite(name), exp) is not None, f"{exp.text!r} not extracted ({exp.note})"


def _found_or_fail(name: str, label: str, what: str):
    exp = _expected(name, label)
    q = _found(_suite(name), exp)
    if q is None:
        pytest.fail(f"quote not found, so its {what} cannot be right")
    return exp, q


@pytest.mark.parametrize("name,label", _params("kind", Spec.labels))
def test_quote_kind(name, label):
    exp, q = _found_or_fail(name, label, "kind")
    assert kind_ok(exp, q), f"expected {exp.kind}; {describe(q)}; note: {exp.note}"


@pytest.mark.parametrize("name,label", _params("speaker", Spec.labels))
def test_quote_speaker(name, label):
    exp, q = _found_or_fail(name, label, "speaker")
    assert speaker_ok(exp, q), f"expected {exp.speaker!r}; {describe(q)}; note: {exp.note}"


@pytest.mark.parametrize("name,label", _params("mention", lambda s: s.labels(with_mention=True)))
def test_speaker_mention(name, label):
    exp, q = _found_or_fail(name, label, "mention")
    assert mention_ok(exp.mention, q.speaker_mention), \
        f"expected mention {exp.mention!r}; {describe(q)}"


@pytest.mark.parametrize("name,key", _params("precision", lambda s: list(s.groups)))
def test_no_quotes_beyond_the_annotated_ones(name, key):
    suite = _suite(name)
    expected = [e for e in suite.expected if e.file == key]
    assert expected, f"{key} did not load"
    source = expected[0].source
    extra = [q for q in suite.quotes_of(source)
             if not matches_any(q, expected, suite.text(source))]
    assert not extra, "unexpected quotes:\n" + "\n".join(
        f"  {q.source}: {q.text!r} ({q.kind}, {q.kind_rule})" for q in extra)


@pytest.mark.parametrize("name", list(SPECS))
def test_no_quote_is_reported_twice(name):
    suite = _suite(name)
    twice = [(e.label, [q.id for q in qs]) for e in suite.expected
             if len(qs := all_matches(e, suite.quotes_of(e.source), suite.text(e.source))) > 1]
    assert not twice, twice


@pytest.mark.parametrize("name", list(SPECS))
def test_offsets_are_exact(name):
    suite = _suite(name)
    for q in suite.quotes:
        text = suite.text(q.source)
        assert text[q.start:q.end] == q.text, q.id
        if q.speaker_mention is not None:
            assert text[q.speaker_start:q.speaker_end] == q.speaker_mention, q.id


@pytest.mark.parametrize("name,group", _params("same", lambda s: same_utterance_groups(s.groups)))
def test_pieces_of_one_quotation_share_an_utterance(name, group):
    label, indexes = group
    key, spec = label.split("/")[0], SPECS[name]
    pieces = [_found(_suite(name), _expected(name, spec.label(key, i))) for i in indexes]
    assert all(p is not None for p in pieces), "a piece was not found"
    assert len({p.utterance for p in pieces}) == 1, [describe(p) for p in pieces]


@pytest.mark.parametrize("name,pair", _params(
    "apart", lambda s: [(f"{k}#{i}-{j}", k, i, j) for k, i, j in separate_neighbours(s.groups)]))
def test_separate_sentences_are_separate_utterances(name, pair):
    _, key, first, second = pair
    spec = SPECS[name]
    a, b = (_found(_suite(name), _expected(name, spec.label(key, n))) for n in (first, second))
    assert a is not None and b is not None, "a quote was not found"
    assert a.utterance != b.utterance, [describe(a), describe(b)]
