"""Cross-source links between reported speech and quotations on the bundled seed corpus."""
from pathlib import Path

import pytest

from summitcli.compare import compare
from summitcli.corpus import load_corpus
from summitcli.pipeline import analyse

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@pytest.fixture(scope="module")
def comparison():
    corpus = load_corpus(SEEDS)
    result = analyse(corpus, use_cache=False)
    return compare(result.quotes, result.claims, [d.id for d in corpus], result.dates())


def _members(statement):
    return {(r.source, r.text) for r in (*statement.quotes, *statement.claims)}


def test_a_quoted_invitation_links_to_its_report_in_another_source(comparison):
    linked = [s for s in comparison.statements
              if any(q.text.startswith("Next time in Moscow") for q in s.quotes)]
    assert len(linked) == 1
    statement = linked[0]
    assert statement.relation == "paraphrase"
    assert list(statement.speakers) == ["Vladimir Putin"]
    assert any(c.source == "001" and "next meeting in Moscow" in c.text for c in statement.claims)


def test_no_paraphrase_joins_two_speakers(comparison):
    for statement in comparison.statements:
        if statement.relation == "paraphrase":
            assert len(set(statement.speakers)) == 1, _members(statement)
