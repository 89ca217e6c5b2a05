"""The compare result cache: a warm run prints exactly what a cold or uncached run prints,
and any change to what the result depends on is a miss."""
from __future__ import annotations

import marshal
import os

import pytest

from conftest import run_summit
from summitcli import cache as cache_mod
from summitcli.cache import ResultCache, result_key
from summitcli.compare import compare, pack_comparison, unpack_comparison
from summitcli.corpus import load_corpus
from summitcli.pipeline import analyse

ARTICLES = {
    "001-harbour-herald.txt": """---
title: Ferry link approved
outlet: Harbour Herald
date: 2031-03-02
---
The council voted on Tuesday to fund the ferry link.

"We will open the northern crossing before the winter storms arrive," Mayor Orla Penwick said.

Penwick said that the budget had been checked twice. "Nobody should pay more for a shorter trip," she added.

Opposition leader Tam Oduya called the plan "a costly gamble". "The harbour cannot carry more traffic without new piers," Oduya told reporters.
""",
    "002-coast-courier.txt": """---
title: Council backs ferry plan
outlet: Coast Courier
date: 2031-03-01
---
“We’ll open the northern crossing before the winter storms arrive,” said Orla Penwick, the city's mayor.

Tam Oduya, who leads the opposition, disagreed. “The old harbour cannot handle much more traffic without new piers,” he said.

According to Penwick, the budget had been checked twice.
""",
    "003-valley-post.txt": """---
title: Ferry vote
outlet: Valley Post
---
Mayor Orla Penwick promised to "open the northern crossing before the winter storms".

"Nobody should pay more for a shorter trip," Penwick said at the meeting.

A resident, Ines Calloway, said: "I have waited ten years for a boat that leaves on time."
""",
}


@pytest.fixture
def corpus(make_corpus):
    return make_corpus(ARTICLES)


def summit_out(*args, cache_dir, seed="0", ok=True) -> bytes:
    """stdout of a ``summit`` run with its own cache folder and hash seed."""
    done = run_summit(*args, env={"SUMMIT_CACHE_DIR": str(cache_dir), "PYTHONHASHSEED": seed,
                                  "NO_COLOR": "1", "COLUMNS": "120"})
    assert (done.returncode == 0) == ok, done.stderr.decode()
    return done.stdout


def results(cache_dir) -> list:
    folder = cache_dir / "results"
    return sorted(folder.iterdir()) if folder.exists() else []


@pytest.mark.parametrize("fmt", [["--json"], ["--jsonl"], []], ids=["json", "jsonl", "table"])
def test_warm_cold_and_uncached_runs_print_the_same_bytes(corpus, tmp_path, fmt):
    cache_dir = tmp_path / "cache"
    args = ("compare", *fmt, "--corpus", str(corpus))
    cold = summit_out(*args, cache_dir=cache_dir, seed="1")
    assert len(results(cache_dir)) == 1
    warm = summit_out(*args, cache_dir=cache_dir, seed="2")
    uncached = summit_out(*args, "--no-cache", cache_dir=tmp_path / "unused", seed="3")
    assert cold and warm == cold and uncached == cold
    assert not (tmp_path / "unused").exists()  # --no-cache neither reads nor writes


def test_a_hit_skips_extraction_and_matching(corpus, tmp_path):
    cache_dir = tmp_path / "cache"
    cold = summit_out("compare", "--json", "--corpus", str(corpus), cache_dir=cache_dir)
    for entry in (cache_dir / "extract").rglob("*.json"):
        entry.unlink()
    assert summit_out("compare", "--json", "--corpus", str(corpus), cache_dir=cache_dir) == cold
    assert not list((cache_dir / "extract").rglob("*.json"))  # nothing was extracted again


@pytest.mark.parametrize("option", [["--min-score", "100"], ["--speaker", "Penwick"],
                                    ["001", "002"]], ids=["min-score", "speaker", "sources"])
def test_an_option_is_part_of_the_key(corpus, tmp_path, option):
    cache_dir = tmp_path / "cache"
    whole = summit_out("compare", "--json", "--corpus", str(corpus), cache_dir=cache_dir)
    narrowed = summit_out("compare", "--json", *option, "--corpus", str(corpus), cache_dir=cache_dir)
    assert narrowed != whole and len(results(cache_dir)) == 2
    again = summit_out("compare", "--json", *option, "--corpus", str(corpus), cache_dir=cache_dir)
    fresh = summit_out("compare", "--json", *option, "--no-cache", "--corpus", str(corpus),
                       cache_dir=cache_dir)
    assert again == narrowed == fresh


def test_editing_one_article_changes_the_result(corpus, tmp_path):
    cache_dir = tmp_path / "cache"
    before = summit_out("compare", "--json", "--corpus", str(corpus), cache_dir=cache_dir)
    article = corpus / "003-valley-post.txt"
    article.write_text(article.read_text().replace("ten years", "eleven years"))
    after = summit_out("compare", "--json", "--corpus", str(corpus), cache_dir=cache_dir)
    assert after != before and b"eleven years" in after
    assert after == summit_out("compare", "--json", "--no-cache", "--corpus", str(corpus),
                               cache_dir=tmp_path / "unused")


def test_a_new_date_or_alias_file_changes_the_result(corpus, tmp_path):
    cache_dir = tmp_path / "cache"
    before = summit_out("compare", "--json", "--corpus", str(corpus), cache_dir=cache_dir)
    (corpus / "speakers.yaml").write_text("Orla Penwick: [the mayor of the city]\nTamsin Oduya: [Tam Oduya]\n")
    aliased = summit_out("compare", "--json", "--corpus", str(corpus), cache_dir=cache_dir)
    assert aliased != before and b"Tamsin Oduya" in aliased
    (corpus / "corpus.yaml").write_text("003-valley-post:\n  date: 2031-02-28\n")
    dated = summit_out("compare", "--json", "--corpus", str(corpus), cache_dir=cache_dir)
    assert dated != aliased and b"2031-02-28" in dated
    assert dated == summit_out("compare", "--json", "--no-cache", "--corpus", str(corpus),
                               cache_dir=tmp_path / "unused")


@pytest.mark.parametrize("damage", [b"", b"summit-result-1\0not zlib", b"\x00" * 64, "truncate"])
def test_a_corrupt_entry_is_a_miss(corpus, tmp_path, damage):
    cache_dir = tmp_path / "cache"
    cold = summit_out("compare", "--json", "--corpus", str(corpus), cache_dir=cache_dir)
    [entry] = results(cache_dir)
    stored = ResultCache(cache_dir).get(entry.stem)
    data = entry.read_bytes()
    entry.write_bytes(data[: len(data) // 2] if damage == "truncate" else damage)
    assert ResultCache(cache_dir).get(entry.stem) is None
    assert summit_out("compare", "--json", "--corpus", str(corpus), cache_dir=cache_dir) == cold
    assert ResultCache(cache_dir).get(entry.stem) == stored  # rewritten by the run that missed


def test_cache_clear_removes_results_too(corpus, tmp_path):
    cache_dir = tmp_path / "cache"
    summit_out("compare", "--json", "--corpus", str(corpus), cache_dir=cache_dir)
    assert results(cache_dir)
    run_summit("cache", "clear", env={"SUMMIT_CACHE_DIR": str(cache_dir)})
    assert not results(cache_dir) and not list((cache_dir / "extract").rglob("*.json"))


def test_cache_path_names_the_folder_holding_both_caches(corpus, tmp_path):
    cache_dir = tmp_path / "cache"
    summit_out("compare", "--json", "--corpus", str(corpus), cache_dir=cache_dir)
    shown = summit_out("cache", "path", cache_dir=cache_dir).decode().strip()
    assert shown == str(cache_dir) and {p.name for p in cache_dir.iterdir()} == {"extract", "results"}


def test_packed_comparison_round_trips_through_marshal(corpus):
    result = analyse(load_corpus(corpus), use_cache=False)
    original = compare(result.quotes, result.claims, None, result.dates(), speaker=["Orla Penwick"])
    rebuilt = unpack_comparison(marshal.loads(marshal.dumps(pack_comparison(original))))
    assert rebuilt == original and rebuilt.to_dict() == original.to_dict()
    assert rebuilt.statements and all(isinstance(q.candidates, tuple)
                                      for s in rebuilt.statements for q in s.quotes)


def test_a_packed_value_of_another_shape_is_refused(tmp_path):
    store = ResultCache(tmp_path)
    store.put("k" * 64, ("comparison", ("id",), (), (), {}, None, (), ()))
    assert store.get("k" * 64, decode=unpack_comparison) is None
    store.put("j" * 64, [1, 2, 3])
    assert store.get("j" * 64, decode=unpack_comparison) is None
    assert store.get("j" * 64) == [1, 2, 3]


def test_only_the_most_recently_used_results_are_kept(tmp_path):
    store = ResultCache(tmp_path, keep=3)
    for i in range(3):
        store.put(f"{i}" * 64, i)
        os.utime(store._file(f"{i}" * 64), (1000 + i, 1000 + i))
    assert store.get("0" * 64) == 0  # a hit makes the oldest the newest
    store.put("3" * 64, 3)
    assert [store.get(f"{i}" * 64) for i in range(4)] == [0, None, 2, 3]


def test_unwritable_or_disabled_result_cache_is_tolerated(tmp_path):
    blocker = tmp_path / "blocker"
    blocker.write_text("not a directory")
    assert ResultCache(blocker).put("a" * 64, 1) is False
    assert ResultCache(blocker).get("a" * 64) is None
    assert ResultCache(tmp_path / "off", enabled=False).put("a" * 64, 1) is False
    assert not (tmp_path / "off").exists()
    inside = ResultCache(tmp_path / "corpus" / ".cache", corpus_dir=tmp_path / "corpus")
    assert inside.put("a" * 64, 1) is False


def test_result_key_depends_on_inputs_code_and_lexicons(monkeypatch):
    key = result_key("compare", b"inputs")
    assert key == result_key("compare", b"inputs") != result_key("compare", b"other inputs")
    assert result_key("other", b"inputs") != key
    monkeypatch.setattr(cache_mod, "_code_digest", "edited code")
    assert result_key("compare", b"inputs") != key
    monkeypatch.setattr(cache_mod, "_lexicon_digest", "edited lexicon")
    monkeypatch.setattr(cache_mod, "__version__", "999.0")
    assert result_key("compare", b"inputs") != key
