"""Statements shared across the seed articles (fixtures/seed_statements.yaml).

Each statement that two or more seed articles quote must come out of
``build_statements`` as ONE statement with the annotated relation; the listed
pairs must stay in different statements; and no statement may join quotations of
different articles that the annotation does not put together (or tolerate).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from expectations import find_quote, load_yaml, run_suite

HERE = Path(__file__).parent
SEEDS = HERE.parent / "seeds"
QUOTES_SPEC = load_yaml(HERE / "fixtures" / "seed_quotes.yaml")
SPEC = load_yaml(HERE / "fixtures" / "seed_statements.yaml")

GROUPS: dict[str, list[dict]] = {}
for _entry in QUOTES_SPEC["quotes"]:
    GROUPS.setdefault(_entry["source"], []).append(_entry)

# Known gaps, by test and id: strict, so a fix makes the xfail fail and it must go.
XFAIL: dict[tuple[str, str], str] = {}


def _pair_id(pair: dict) -> str:
    return f"{pair['a']['source']}:{pair['a']['text'][:20]}|{pair['b']['source']}:{pair['b']['text'][:20]}"


def _params(test: str, items: list[dict], id_of) -> list:
    out = []
    for item in items:
        ident = id_of(item)
        reason = XFAIL.get((test, ident))
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        out.append(pytest.param(item, id=ident, marks=marks))
    return out


class World:
    """The seed suite, its statements and lookups from (source, text) to statements."""

    def __init__(self):
        from summitcli.matching import build_statements

        self.suite = run_suite(SEEDS, GROUPS, lambda doc: doc.id,
                               QUOTES_SPEC.get("speaker_aliases") or {})
        dates = {d.id: d.date for d in self.suite.documents.values()}
        self.statements = build_statements(self.suite.quotes, dates=dates)
        self.home = {}  # quote id -> statement
        for st in self.statements:
            for q in st.quotes:
                self.home[q.id if hasattr(q, "id") else q] = st

    def quote(self, ref: dict):
        """The tool's quote for an annotated (source, text), or None."""
        exp = next((e for e in self.suite.expected
                    if e.source == ref["source"] and e.text == ref["text"]), None)
        assert exp is not None, f"not in seed_quotes.yaml: {ref}"
        return find_quote(exp, self.suite.quotes_of(exp.source), self.suite.text(exp.source))

    def statement_of(self, ref: dict):
        q = self.quote(ref)
        return None if q is None else self.home.get(q.id)

    def key_of(self, q) -> tuple[str, str] | None:
        """The annotated (source, text) a tool quote stands for, if any."""
        text = self.suite.text(q.source)
        for e in self.suite.expected:
            if e.source == q.source and find_quote(e, [q], text) is not None:
                return (e.source, e.text)
        return None


@pytest.fixture(scope="module")
def world():
    return World()


@pytest.mark.parametrize("expected", _params("same", SPEC["statements"], lambda s: s["id"]))
def test_shared_statement_is_one_statement(world, expected):
    homes = []
    for ref in expected["quotes"]:
        q = world.quote(ref)
        assert q is not None, f"quote not extracted: {ref}"
        homes.append(world.home.get(q.id))
    assert all(h is not None for h in homes), "a quote is in no statement"
    ids = {h.id for h in homes}
    shown = {h.id: [q.text for q in h.quotes] for h in homes}
    assert len(ids) == 1, f"{expected['id']} is split over statements: {shown}"


@pytest.mark.parametrize("expected", _params("relation", SPEC["statements"], lambda s: s["id"]))
def test_shared_statement_relation(world, expected):
    st = world.statement_of(expected["quotes"][0])
    assert st is not None, "quote not extracted or in no statement"
    assert st.relation == expected["relation"], (
        f"{expected['id']}: got {st.relation} for {[ (q.source, q.text) for q in st.quotes]}; "
        f"note: {expected.get('note', '')}")


@pytest.mark.parametrize("expected", _params("kind", SPEC["statements"], lambda s: s["id"]))
def test_terms_form_statements_only_with_terms(world, expected):
    st = world.statement_of(expected["quotes"][0])
    assert st is not None, "quote not extracted or in no statement"
    is_term = expected["kind"] == "term"
    assert all((q.kind == "term") == is_term for q in st.quotes), \
        [(q.source, q.text, q.kind) for q in st.quotes]


@pytest.mark.parametrize("pair", _params("apart", SPEC["apart"], _pair_id))
def test_unrelated_quotes_stay_apart(world, pair):
    a, b = world.quote(pair["a"]), world.quote(pair["b"])
    assert a is not None and b is not None, "quote not extracted"
    sa, sb = world.home.get(a.id), world.home.get(b.id)
    assert sa is None or sb is None or sa.id != sb.id, \
        f"grouped in {sa.id} ({sa.relation}): {pair['why']}"


def test_no_statement_joins_quotes_the_annotation_keeps_apart(world):
    together = set()
    for st in SPEC["statements"]:
        keys = [(r["source"], r["text"]) for r in st["quotes"]]
        together |= {frozenset((x, y)) for x in keys for y in keys if x != y}
    together |= {frozenset(((p["a"]["source"], p["a"]["text"]), (p["b"]["source"], p["b"]["text"])))
                 for p in SPEC.get("tolerated") or ()}
    wrong = []
    for st in world.statements:
        quotes = list(st.quotes)
        for i, qa in enumerate(quotes):
            for qb in quotes[i + 1:]:
                if qa.source == qb.source:
                    continue
                ka, kb = world.key_of(qa), world.key_of(qb)
                if ka is None or kb is None or frozenset((ka, kb)) not in together:
                    wrong.append(f"{st.id} ({st.relation}): {qa.source} {qa.text!r} + "
                                 f"{qb.source} {qb.text!r}")
    assert not wrong, "statements joining unrelated quotations:\n  " + "\n  ".join(wrong)
