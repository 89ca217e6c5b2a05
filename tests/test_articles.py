"""Hand-written articles, one per hard case or house style, against their ground truth.

The articles and fixtures/articles/expected.yaml are invented text with invented
people (nested quotes, unbalanced marks, multi-paragraph and interrupted quotations,
pronouns, "according to", scare quotes, apostrophes, « » and „ “, wire copy,
interview style, colon lead-ins, "— Name" attributions, straight quotes, role
phrases). The checks are the same as for the seed articles.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from expectations import (
    all_matches, describe, entry_label, find_quote, kind_ok, load_yaml, matches_any, mention_ok,
    run_suite, same_utterance_groups, separate_neighbours, speaker_ok,
)

HERE = Path(__file__).parent
ARTICLES = HERE / "fixtures" / "articles"
SPEC = load_yaml(ARTICLES / "expected.yaml")
ALIASES: dict[str, list[str]] = SPEC.get("speaker_aliases") or {}

# file name -> its expected quotes (keys are file names, so ids are readable)
GROUPS: dict[str, list[dict]] = {name: f["quotes"] for name, f in SPEC["files"].items()}

LABELS = [entry_label(k, i, e) for k, es in GROUPS.items() for i, e in enumerate(es)]
MENTION_LABELS = [entry_label(k, i, e) for k, es in GROUPS.items()
                  for i, e in enumerate(es) if e.get("mention")]

# Known gaps of the tool, by test and label: strict, so a fix makes the xfail fail
# and it must then be removed. Each reason says what the tool does instead.


def _label(name: str, index: int) -> str:
    return entry_label(name, index, GROUPS[name][index])


_SINGLE_OUTER = ("a quotation in single marks that contains a double-marked quotation "
                 "(‘… “…”, …,’ Mrs X said) is not found; only the nested double-marked "
                 "span is reported")
XFAIL: dict[tuple[str, str], str] = {
    ("found", _label("18_british_single.txt", 0)): _SINGLE_OUTER,
    ("kind", _label("18_british_single.txt", 0)): _SINGLE_OUTER,
    ("speaker", _label("18_british_single.txt", 0)): _SINGLE_OUTER,
    ("mention", _label("18_british_single.txt", 0)): _SINGLE_OUTER,
    ("speaker", _label("19_continuation.txt", 3)):
        "people.py gives Cole Brandvold gender 'f' from the object pronoun in 'Cole "
        "Brandvold, accused her of scaring voters', so 'he said' finds no compatible "
        "person and the speaker is None (candidates Brandvold, Okonjo)",
    ("speaker", _label("21_ascii_measures.txt", 0)):
        "inverted cue 'said head coach Lorna Whitcombe.' runs on past the sentence end: the "
        "mention is 'head coach Lorna Whitcombe. Duarte' and the speaker becomes Malik Duarte",
    ("precision", "21_ascii_measures.txt"):
        "the inch mark in 6'11\" is taken as a closing quotation mark with a recovered "
        "opening at the sentence start, giving a spurious quote of the whole sentence",
}


def _params(test: str, labels: list[str]) -> list:
    out = []
    for label in labels:
        reason = XFAIL.get((test, label))
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        out.append(pytest.param(label, id=label, marks=marks))
    return out


@pytest.fixture(scope="module")
def suite():
    return run_suite(ARTICLES, GROUPS, lambda doc: Path(doc.path).name, ALIASES)


@pytest.fixture(scope="module")
def expected(suite):
    return suite.by_label()


def _found(suite, exp):
    return find_quote(exp, suite.quotes_of(exp.source), suite.text(exp.source))


def test_every_article_is_annotated(suite):
    names = {Path(d.path).name for d in suite.documents.values()}
    assert names == set(GROUPS), "expected.yaml and the article files disagree"


def test_every_expected_text_is_in_its_article(suite):
    assert len(suite.expected) == len(LABELS), "an annotated article did not load"
    for exp in suite.expected:
        assert suite.text(exp.source)[exp.start:exp.end] == exp.text


@pytest.mark.parametrize("label", _params("found", LABELS))
def test_quote_is_found(suite, expected, label):
    exp = expected[label]
    assert _found(suite, exp) is not None, f"{exp.text!r} not extracted ({exp.note})"


@pytest.mark.parametrize("label", _params("kind", LABELS))
def test_quote_kind(suite, expected, label):
    exp = expected[label]
    q = _found(suite, exp)
    if q is None:
        pytest.fail("quote not found, so its kind cannot be right")
    assert kind_ok(exp, q), f"expected {exp.kind}; {describe(q)}; note: {exp.note}"


@pytest.mark.parametrize("label", _params("speaker", LABELS))
def test_quote_speaker(suite, expected, label):
    exp = expected[label]
    q = _found(suite, exp)
    if q is None:
        pytest.fail("quote not found, so its speaker cannot be right")
    assert speaker_ok(exp, q), f"expected {exp.speaker!r}; {describe(q)}; note: {exp.note}"


@pytest.mark.parametrize("label", _params("mention", MENTION_LABELS))
def test_speaker_mention(suite, expected, label):
    exp = expected[label]
    q = _found(suite, exp)
    if q is None:
        pytest.fail("quote not found, so its mention cannot be right")
    assert mention_ok(exp.mention, q.speaker_mention), \
        f"expected mention {exp.mention!r}; {describe(q)}"


@pytest.mark.parametrize("key", _params("precision", list(GROUPS)))
def test_no_quotes_beyond_the_annotated_ones(suite, key):
    expected = [e for e in suite.expected if e.file == key]
    assert expected, f"{key} did not load"
    source = expected[0].source
    extra = [q for q in suite.quotes_of(source)
             if not matches_any(q, expected, suite.text(source))]
    assert not extra, "unexpected quotes:\n" + "\n".join(
        f"  {q.source}: {q.text!r} ({q.kind}, {q.kind_rule})" for q in extra)


def test_no_quote_is_reported_twice(suite):
    twice = [(e.label, [q.id for q in qs]) for e in suite.expected
             if len(qs := all_matches(e, suite.quotes_of(e.source), suite.text(e.source))) > 1]
    assert not twice, twice


def test_offsets_are_exact(suite):
    for q in suite.quotes:
        text = suite.text(q.source)
        assert text[q.start:q.end] == q.text, q.id
        if q.speaker_mention is not None:
            assert text[q.speaker_start:q.speaker_end] == q.speaker_mention, q.id


@pytest.mark.parametrize("group,indexes", [
    pytest.param(g, idx, id=g, marks=[pytest.mark.xfail(strict=True, reason=XFAIL[("same", g)])]
                 if ("same", g) in XFAIL else [])
    for g, idx in same_utterance_groups(GROUPS)])
def test_pieces_of_one_quotation_share_an_utterance(suite, expected, group, indexes):
    key = group.split("/")[0]
    pieces = [_found(suite, expected[entry_label(key, i, GROUPS[key][i])]) for i in indexes]
    assert all(p is not None for p in pieces), "a piece was not found"
    assert len({p.utterance for p in pieces}) == 1, [describe(p) for p in pieces]


@pytest.mark.parametrize("key,first,second", [
    pytest.param(k, i, j, id=f"{k}#{i}-{j}",
                 marks=[pytest.mark.xfail(strict=True, reason=XFAIL[("apart", f"{k}#{i}-{j}")])]
                 if ("apart", f"{k}#{i}-{j}") in XFAIL else [])
    for k, i, j in separate_neighbours(GROUPS)])
def test_separate_sentences_are_separate_utterances(suite, expected, key, first, second):
    a, b = (_found(suite, expected[entry_label(key, n, GROUPS[key][n])]) for n in (first, second))
    assert a is not None and b is not None, "a quote was not found"
    assert a.utterance != b.utterance, [describe(a), describe(b)]
