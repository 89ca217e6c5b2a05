"""Statements across sources: the hand-written variants corpus is grouped exactly as intended.

The corpus (tests/fixtures/variants/*.txt) and its expectations (expectations.yaml) are
invented articles; quotes and claims are built directly from the expectations (located in
the article text by their exact words), so these tests exercise matching only.
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from summitcli.matching import Statement, build_statements, normalize, search_quotes
from summitcli.records import Claim, Quote

HERE = Path(__file__).parent / "fixtures" / "variants"
SPEC = yaml.safe_load((HERE / "expectations.yaml").read_text(encoding="utf-8"))


def make_quote(qid, source, text, speaker, kind="speech", utterance=None, start=0) -> Quote:
    return Quote(id=qid, source=source, text=text, start=start, end=start + len(text), kind=kind,
                 kind_rule="test", speaker=speaker, speaker_mention=speaker, speaker_start=None,
                 speaker_end=None, cue="said", rule="test", utterance=utterance or qid)


def make_claim(cid, source, text, speaker, cue="said", start=0) -> Claim:
    return Claim(id=cid, source=source, text=text, start=start, end=start + len(text),
                 speaker=speaker, speaker_mention=speaker, speaker_start=None, speaker_end=None,
                 cue=cue, cue_start=0, cue_end=0)


def load_corpus():
    """Quote and Claim records for the variants corpus, and a label -> record id map."""
    texts = {p.stem: p.read_text(encoding="utf-8") for p in HERE.glob("*.txt")}
    quotes, claims, label_of = [], [], {}
    for n, entry in enumerate(SPEC["quotes"]):
        doc = texts[entry["source"]]
        start = doc.find(entry["text"])
        assert start >= 0, f"{entry['label']} not found in {entry['source']}"
        qid = f"{entry['source']}:q{n}"
        quotes.append(make_quote(qid, entry["source"], entry["text"], entry["speaker"],
                                 entry["kind"], entry.get("utterance"), start))
        assert doc[start:start + len(entry["text"])] == quotes[-1].text
        label_of[qid] = entry["label"]
    for n, entry in enumerate(SPEC["claims"]):
        doc = texts[entry["source"]]
        start = doc.find(entry["text"])
        assert start >= 0, f"{entry['label']} not found in {entry['source']}"
        cid = f"{entry['source']}:c{n}"
        claims.append(make_claim(cid, entry["source"], entry["text"], entry["speaker"],
                                 entry["cue"], start))
        label_of[cid] = entry["label"]
    return quotes, claims, label_of


@pytest.fixture(scope="module")
def corpus():
    quotes, claims, label_of = load_corpus()
    statements = build_statements(quotes, claims, dates=SPEC["dates"])
    home = {}
    for st in statements:
        for rec in (*st.quotes, *st.claims):
            home[label_of[rec.id]] = st
    return statements, home, label_of


def _labels(st: Statement, label_of) -> set[str]:
    return {label_of[r.id] for r in (*st.quotes, *st.claims)}


@pytest.mark.parametrize("expected", SPEC["statements"], ids=lambda e: e["members"][0])
def test_expected_statement_is_grouped_exactly(corpus, expected):
    statements, home, label_of = corpus
    st = home[expected["members"][0]]
    assert _labels(st, label_of) == set(expected["members"])
    assert st.relation == expected["relation"]


@pytest.mark.parametrize("expected", SPEC["statements"], ids=lambda e: e["members"][0])
def test_sources_are_in_date_order_undated_last(corpus, expected):
    _, home, _ = corpus
    assert list(home[expected["members"][0]].sources) == expected["sources"]


def test_every_other_quotation_stays_single(corpus):
    statements, home, label_of = corpus
    grouped = {m for e in SPEC["statements"] for m in e["members"]}
    for label, st in home.items():
        if label not in grouped:
            assert st.relation == "single", (label, _labels(st, label_of))
            assert len(st.sources) == 1


@pytest.mark.parametrize("pair", SPEC["apart"], ids=lambda p: "|".join(p))
def test_words_that_merely_recur_stay_apart(corpus, pair):
    _, home, _ = corpus
    assert home[pair[0]].id != home[pair[1]].id


def test_ids_follow_first_appearance_and_every_record_is_placed_once(corpus):
    statements, home, label_of = corpus
    assert [s.id for s in statements] == [f"s{i}" for i in range(1, len(statements) + 1)]
    placed = [r.id for s in statements for r in (*s.quotes, *s.claims)]
    assert sorted(placed) == sorted(label_of)
    assert label_of[statements[0].quotes[0].id] == "quotas_full"


def test_conflict_names_both_speakers(corpus):
    _, home, _ = corpus
    assert set(home["surrender_varga"].speakers) == {"Ilse Varga", "Tomas Ruud"}


def test_undated_sources_keep_first_appearance_order():
    quotes, claims, _ = load_corpus()
    later_first = {"a_wire": "2031-03-09", "b_daily": "2031-03-01", "c_review": None}
    st = next(s for s in build_statements(quotes, claims, dates=later_first)
              if s.relation == "excerpt")
    assert list(st.sources) == ["b_daily", "a_wire", "c_review"]


def test_diff_of_a_substituted_word_and_a_trim(corpus):
    _, home, _ = corpus
    st = home["quotas_full"]
    assert st.text.startswith("We have agreed on the water quotas")
    by_source = {d["source"]: d for d in st.diff}
    base = [d for d in st.diff if d["base"]]
    assert len(base) == 1 and base[0]["source"] == "a_wire"
    assert all(op["op"] == "equal" for op in base[0]["ops"])
    changed = [op for op in by_source["c_review"]["ops"] if op["op"] != "equal"]
    assert changed == [{"op": "replace", "base": ["question"], "words": ["issue"]}]
    trimmed = [op for op in by_source["b_daily"]["ops"] if op["op"] != "equal"]
    assert [op["op"] for op in trimmed] == ["delete"]
    assert trimmed[0]["base"][:3] == ["We", "have", "agreed"]


def test_diff_of_an_extension_is_an_insert_against_the_fullest(corpus):
    _, home, _ = corpus
    st = home["fair_short"]
    assert st.text.endswith("starts on Monday,")
    ops = next(d for d in st.diff if d["source"] == "a_wire")["ops"]
    assert [op["op"] for op in ops] == ["equal", "delete"]
    assert ops[1]["base"][:2] == ["The", "work"]


def test_reordered_clauses_diff_keeps_each_members_own_words(corpus):
    _, home, _ = corpus
    d = next(d for d in home["border_a"].diff if d["source"] == "b_daily")
    words = [w for op in d["ops"] for w in op["words"]]
    assert " ".join(words).startswith("The ferries will run again")


def test_to_dict_is_plain_json_with_full_quote_objects(corpus):
    import json

    _, home, _ = corpus
    d = home["lisbon_quote"].to_dict()
    json.dumps(d)
    assert d["relation"] == "paraphrase" and d["claims"][0]["cue"] == "hinted at"
    assert d["quotes"][0]["text"] == "See you in Lisbon next spring?"
    assert {"id", "relation", "score", "speakers", "quotes", "diff", "sources"} <= d.keys()


@pytest.mark.parametrize("a,b", [
    ("It’s over, isn't it?", "it is over is not it"),
    ("We didn't, won't and can't.", "we did not will not and can not"),
    ("“Quoted” words — and ‘marks’…", "quoted words and marks"),
    ("They're here; I'm sure we'll go", "they are here i am sure we will go"),
])
def test_normalize_case_marks_punctuation_contractions(a, b):
    assert normalize(a) == b


def test_same_words_short_phrase_by_different_speakers_is_not_a_conflict():
    quotes = [make_quote("x:q1", "x", "a very good meeting", "Ann Lee"),
              make_quote("y:q1", "y", "a very good meeting", "Bo Chan")]
    assert all(s.relation == "single" for s in build_statements(quotes))


def test_same_speaker_lowers_the_bar_different_speakers_raise_it():
    a = "The committee will publish the full report on the harbour accident next week"
    b = "The committee is going to publish its full report on the harbour accident soon"
    same = build_statements([make_quote("x:q1", "x", a, "Ann Lee"),
                             make_quote("y:q1", "y", b, "Ann Lee")])
    other = build_statements([make_quote("x:q1", "x", a, "Ann Lee"),
                              make_quote("y:q1", "y", b, "Bo Chan")])
    assert [s.relation for s in same] == ["variant"]
    assert all(s.relation == "single" for s in other)


def test_unrelated_claims_of_one_speaker_do_not_link():
    quotes = [make_quote("x:q1", "x", "We will build a new bridge over the river by autumn",
                         "Ann Lee")]
    claims = [make_claim("y:c1", "y", "the city budget would be cut for the third year",
                         "Ann Lee"),
              make_claim("z:c1", "z", "the river pollution came from the old paper mill",
                         "Ann Lee")]
    assert all(s.relation == "single" for s in build_statements(quotes, claims))


def test_claims_of_other_speakers_do_not_link():
    quotes = [make_quote("x:q1", "x", "See you in Lisbon next spring?", "Ann Lee")]
    claims = [make_claim("y:c1", "y", "another round of talks in Lisbon next spring", "Bo Chan")]
    assert all(s.relation == "single" for s in build_statements(quotes, claims))


def test_min_score_tunes_matching():
    a = "Our engineers will inspect every single lock before the first ship passes"
    b = "Our inspectors will examine every lock before the first vessel passes through"
    quotes = [make_quote("x:q1", "x", a, None), make_quote("y:q1", "y", b, None)]
    assert all(s.relation == "single" for s in build_statements(quotes))
    assert [s.relation for s in build_statements(quotes, min_score=60)] == ["variant"]


def test_empty_input():
    assert build_statements([]) == []
    assert search_quotes([], "anything") == []


def test_search_best_first_with_scores():
    quotes, _, label_of = load_corpus()
    hits = search_quotes(quotes, "the northern locks remain open", limit=5)
    assert hits and all(0 <= s <= 100 for _, s in hits)
    assert [s for _, s in hits] == sorted((s for _, s in hits), reverse=True)
    top = {label_of[q.id] for q, s in hits if s >= hits[0][1] - 1e-9}
    assert top & {"quotas_full", "quotas_trimmed", "quotas_piece2"}
    assert len(search_quotes(quotes, "locks", limit=2)) <= 2


def test_quotations_with_no_word_in_common_stay_single():
    quotes = [make_quote("x:q1", "x", "The bridge opens on Monday morning at nine", "Ann Lee"),
              make_quote("y:q1", "y", "Fishing resumes after the storm has passed", "Bo Chan")]
    assert [s.relation for s in build_statements(quotes)] == ["single", "single"]


def test_a_widely_printed_quotation_is_one_statement():
    text = "Every lock on the river will be inspected before the first ship passes"
    quotes = [make_quote(f"d{i}:q1", f"d{i}", text, "Ann Lee" if i % 3 else None)
              for i in range(120)]
    statements = build_statements(quotes)
    assert len(statements) == 1 and statements[0].relation == "verbatim"
    assert len(statements[0].sources) == 120



_TIE_SCRIPT = """
from summitcli.matching import build_statements
from test_matching import make_quote

pieces = [make_quote(f"a:q{i}", "a", text, name, utterance="a:u1", start=40 * i)
          for i, (text, name) in enumerate([("The bridge opens in May,", "Ada Vell"),
                                            ("and the tolls end in June.", "Bo Rask"),
                                            ("Both dates are firm.", "Cy Moor")])]
print([s.speakers for s in build_statements(pieces)])
"""


def test_statements_do_not_depend_on_the_hash_seed():
    """A tie (pieces of one quotation credited to different people) is broken the same way
    in every process, so a cached comparison equals one computed under another
    PYTHONHASHSEED."""
    import os
    import subprocess
    import sys

    outputs = set()
    for seed in ("1", "2", "3", "4", "5", "6"):
        env = {**os.environ, "PYTHONHASHSEED": seed,
               "PYTHONPATH": os.pathsep.join([str(Path(__file__).parent), *sys.path])}
        done = subprocess.run([sys.executable, "-c", _TIE_SCRIPT], env=env,
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        outputs.add(done.stdout)
    assert outputs == {"[('Ada Vell',)]\n"}
