"""compare(): shared statements, what each source alone carries, conflicts, matrices."""
from __future__ import annotations

import json

import pytest

from summitcli.compare import compare
from test_matching import SPEC, load_corpus, make_quote


@pytest.fixture(scope="module")
def records():
    quotes, claims, label_of = load_corpus()
    return quotes, claims, label_of


def test_two_sources_shared_statements_and_only(records):
    quotes, claims, label_of = records
    c = compare(quotes, claims, ["a_wire", "c_review"], SPEC["dates"])
    assert c.sources == ("a_wire", "c_review")
    shared = {frozenset(label_of[r.id] for r in (*s.quotes, *s.claims)) for s in c.statements}
    assert shared == {
        frozenset({"quotas_full", "quotas_piece1", "quotas_piece2"}),
        frozenset({"fair_short", "fair_extended"}),
        frozenset({"surrender_varga", "surrender_ruud"}),
    }
    only_a = {label_of[q.id] for s in c.only["a_wire"] for q in s.quotes}
    assert only_a == {"border_a", "scare_term", "pariah_he", "lisbon_quote", "engineers"}
    only_c = {label_of[q.id] for s in c.only["c_review"] for q in s.quotes}
    assert only_c == {"pariah_country", "holm"}


def test_summary_counts(records):
    quotes, claims, _ = records
    s = compare(quotes, claims, None, SPEC["dates"]).summary
    assert s["shared"] == 5
    assert (s["variant"], s["excerpt"], s["paraphrase"], s["conflicts"]) == (2, 1, 1, 1)
    assert s["reworded"] == 3 and s["verbatim"] == 0
    assert s["only"]["b_daily"] == 1  # the long quotation with the scare term


def test_whole_corpus_in_date_order_undated_last(records):
    quotes, claims, _ = records
    c = compare(quotes, claims, [], SPEC["dates"])
    assert c.sources == ("a_wire", "b_daily", "c_review", "d_blog")


def test_coverage_marks_quoted_reworded_and_absent(records):
    quotes, claims, label_of = records
    c = compare(quotes, claims, None, SPEC["dates"])
    by_label = {label_of[r.id]: s.id for s in c.statements for r in (*s.quotes, *s.claims)}
    cov = c.coverage
    assert cov[by_label["quotas_full"]] == {"a_wire": "quoted", "b_daily": "quoted",
                                            "c_review": "reworded"}
    assert cov[by_label["lisbon_quote"]] == {"a_wire": "quoted", "b_daily": "reworded"}
    assert "d_blog" not in cov[by_label["quotas_full"]]  # absent


def test_speaker_balance_counts_utterances_not_pieces(records):
    quotes, claims, _ = records
    bal = compare(quotes, claims, None, SPEC["dates"]).speaker_balance
    assert bal["c_review"]["Ilse Varga"] == 1  # two pieces of one quotation
    assert bal["a_wire"] == {"Tomas Ruud": 3, "Ilse Varga": 3, "Piet Duval": 1}
    assert set(bal) == {"a_wire", "b_daily", "c_review", "d_blog"}


def test_speaker_narrows_to_one_speaker(records):
    quotes, claims, _ = records
    c = compare(quotes, claims, None, SPEC["dates"], speaker="tomas ruud")
    assert c.statements and all("Tomas Ruud" in s.speakers for s in c.statements)
    assert all("Tomas Ruud" in s.speakers for group in c.only.values() for s in group)
    assert compare(quotes, claims, None, SPEC["dates"], speaker=["Anna Holm"]).statements == ()


def test_json_contract(records):
    quotes, claims, _ = records
    d = json.loads(json.dumps(compare(quotes, claims, None, SPEC["dates"]).to_dict()))
    assert {"sources", "statements", "only", "conflicts", "summary", "coverage",
            "speaker_balance"} <= d.keys()
    variants = [s for s in d["statements"] if s["relation"] == "variant"]
    assert len(variants) == 2
    for st in d["statements"]:
        assert {"id", "relation", "score", "speakers", "quotes", "diff"} <= st.keys()
        assert all({"id", "source", "text", "start", "end", "speaker"} <= q.keys()
                   for q in st["quotes"])
    assert d["conflicts"] == [{"statement": d["conflicts"][0]["statement"],
                               "text": "We did not come here to sign a surrender,",
                               "speakers": {"Ilse Varga": ["a_wire"], "Tomas Ruud": ["c_review"]}}]
    assert [q["text"] for q in d["only"]["d_blog"]] == []
    assert [c["cue"] for c in d["only_claims"]["b_daily"]] == ["said"]


def test_sources_outside_the_comparison_are_ignored():
    quotes = [make_quote("x:q1", "x", "The river will be clean again within ten years", "Ann Lee"),
              make_quote("y:q1", "y", "The river will be clean again within ten years", "Ann Lee"),
              make_quote("z:q1", "z", "The river will be clean again within ten years", "Ann Lee")]
    c = compare(quotes, [], ["x", "y"], {})
    assert [s.sources for s in c.statements] == [("x", "y")]
    assert c.statements[0].relation == "verbatim"
    assert c.only == {"x": (), "y": ()}


@pytest.mark.parametrize("size", [10, 300_000], ids=["small", "over-1MB"])
def test_json_output_of_any_size_escapes_line_breaks_and_lone_surrogates(size):
    """Large documents take a faster write path; the bytes must be the same."""
    import io

    from summitcli.output import Output

    text = "“Quoted” words\u2028next\ud800end " * size
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding="utf-8", errors="strict", write_through=True)
    Output(stdout=stream).json({"statements": [text]})
    expected = json.dumps({"statements": [text]}, ensure_ascii=False)
    expected = expected.replace("\u2028", "\\u2028").replace("\ud800", "\ufffd")
    assert raw.getvalue() == (expected + "\n").encode("utf-8")
