"""The extraction cache: round trip, atomic writes, and never failing a run."""
from __future__ import annotations

import hashlib
import json
import os

import pytest

from summitcli import cache as cache_mod
from summitcli.cache import (ExtractionCache, cache_key, default_cache_dir, digest_key,
                             extraction_from_dict, pack_extraction)
from summitcli.records import Claim, Extraction, PersonMention, Quote

TEXT = "“We will rebuild the bridge,” Mayor Orla Penwick said. Penwick said that the bridge was safe."


def sample_extraction(source: str = "011") -> Extraction:
    q = Quote(id=f"{source}:q1", source=source, text="We will rebuild the bridge,", start=1, end=28,
              kind="speech", kind_rule="said-after", speaker="Orla Penwick",
              speaker_mention="Mayor Orla Penwick", speaker_start=30, speaker_end=48, cue="said",
              rule="quote-then-name", utterance=f"{source}:u1", paragraph=0,
              candidates=("Orla Penwick", "Tam Oduya"))
    c = Claim(id=f"{source}:c1", source=source, text="the bridge was safe", start=74, end=93,
              speaker="Orla Penwick", speaker_mention="Penwick", speaker_start=55, speaker_end=62,
              cue="said that", cue_start=63, cue_end=72, hedged=False, quotes=(f"{source}:q1",),
              rule="that-clause")
    p = PersonMention(name="Orla Penwick", start=36, end=48, role="Mayor", kind="person", gender="f")
    return Extraction(source=source, quotes=(q,), claims=(c,), people=(p,))


@pytest.fixture
def store(tmp_path):
    return ExtractionCache(tmp_path / "cache")


def test_round_trip_gives_an_equal_extraction(store):
    ex = sample_extraction()
    key = cache_key(TEXT.encode())
    assert store.put_extraction(key, ex)
    assert store.get_extraction(key) == ex
    assert extraction_from_dict(json.loads(json.dumps(ex.to_dict()))) == ex


def test_packed_form_round_trips_and_is_smaller():
    ex = sample_extraction()
    packed = json.loads(json.dumps(pack_extraction(ex)))
    assert extraction_from_dict(packed) == ex
    many = Extraction(source="011", quotes=ex.quotes * 20, claims=ex.claims * 20, people=ex.people * 20)
    assert len(json.dumps(pack_extraction(many))) < len(json.dumps(many.to_dict()))
    relabelled = extraction_from_dict(packed, source="copy")
    assert relabelled.quotes[0].id == "copy:q1" and relabelled.claims[0].quotes == ("copy:q1",)
    assert relabelled.people == ex.people


def test_packed_entry_from_other_record_fields_is_a_miss(store):
    key = cache_key(b"doc")
    packed = pack_extraction(sample_extraction())
    packed["fields"][0] = list(packed["fields"][0])[:-1]  # as if Quote had gained or lost a field
    store.put(key, packed)
    assert store.get_extraction(key) is None


def test_rebuilt_records_use_tuples_so_they_stay_hashable(store):
    ex = extraction_from_dict(sample_extraction().to_dict())
    assert isinstance(ex.quotes[0].candidates, tuple) and isinstance(ex.claims[0].quotes, tuple)
    hash(ex)


def test_same_bytes_under_another_id_are_relabelled():
    ex = extraction_from_dict(sample_extraction("011").to_dict(), source="copy")
    assert ex.source == "copy"
    assert ex.quotes[0].id == "copy:q1" and ex.quotes[0].source == "copy"
    assert ex.quotes[0].utterance == "copy:u1"
    assert ex.claims[0].quotes == ("copy:q1",)


def test_key_depends_on_content_version_and_lexicons(monkeypatch):
    a = cache_key(b"one article")
    assert a == cache_key(b"one article") and a != cache_key(b"another article")
    assert digest_key(hashlib.sha256(b"one article").hexdigest()) == a
    monkeypatch.setattr(cache_mod, "__version__", "999.0")
    assert cache_key(b"one article") != a
    monkeypatch.setattr(cache_mod, "_lexicon_digest", "edited lexicon")
    assert cache_key(b"one article") != a


def test_key_changes_when_the_extractor_code_is_edited(monkeypatch):
    """A development checkout edits code without a version bump: its extractions must not
    be answered from a cache filled by the old code."""
    a = cache_key(b"one article")
    monkeypatch.setattr(cache_mod, "_code_stamp", None)
    assert cache_key(b"one article") == a  # recomputed from the same files
    monkeypatch.setattr(cache_mod, "_code_stamp", "edited extractor")
    assert cache_key(b"one article") != a


def test_code_stamp_follows_edits_to_module_files(tmp_path):
    (tmp_path / "quotes.py").write_text("A = 1\n")
    (tmp_path / "notes.txt").write_text("not code\n")
    before = cache_mod._folder_stamp(tmp_path, ".py")
    (tmp_path / "notes.txt").write_text("still not code, longer\n")
    assert cache_mod._folder_stamp(tmp_path, ".py") == before
    (tmp_path / "quotes.py").write_text("A = 22\n")  # an edit changes the size (and time)
    assert cache_mod._folder_stamp(tmp_path, ".py") != before
    os.utime(tmp_path / "quotes.py", ns=(1, 1))
    edited = cache_mod._folder_stamp(tmp_path, ".py")
    os.utime(tmp_path / "quotes.py", ns=(2, 2))  # same size, touched again
    assert cache_mod._folder_stamp(tmp_path, ".py") != edited
    assert cache_mod._folder_stamp(tmp_path / "missing", ".py")  # no folder: still a stamp


def test_write_is_atomic_and_leaves_no_temp_files(store):
    key = cache_key(b"x")
    store.put(key, {"source": "a", "quotes": []})
    store.put(key, {"source": "b", "quotes": []})
    files = [p for p in store.path.rglob("*") if p.is_file()]
    assert [p.name for p in files] == [f"{key}.json"]
    assert store.get(key) == {"source": "b", "quotes": []}


def test_missing_entry_is_a_miss(store):
    assert store.get(cache_key(b"never stored")) is None
    assert store.misses == 1


@pytest.mark.parametrize("content", [b"{not json", b"\xff\xfe\x00", b"[1, 2]", b""])
def test_corrupt_entry_is_a_miss_not_a_crash(store, content):
    key = cache_key(b"doc")
    store.put(key, sample_extraction().to_dict())
    (store.path / key[:2] / f"{key}.json").write_bytes(content)
    assert store.get_extraction(key) is None


def test_entry_with_wrong_fields_is_a_miss(store):
    key = cache_key(b"doc")
    store.put(key, {"source": "a", "quotes": [{"id": "a:q1"}]})
    assert store.get_extraction(key) is None


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_unwritable_directory_is_tolerated(tmp_path):
    root = tmp_path / "ro"
    root.mkdir()
    root.chmod(0o500)
    try:
        store = ExtractionCache(root)
        assert store.put("ab" * 32, {"source": "a"}) is False
        assert store.get("ab" * 32) is None
    finally:
        root.chmod(0o700)


def test_cache_path_that_is_a_file_is_tolerated(tmp_path):
    blocker = tmp_path / "blocker"
    blocker.write_text("not a directory")
    store = ExtractionCache(blocker)
    key = cache_key(b"doc")
    assert store.put(key, {"source": "a"}) is False
    assert store.get(key) is None
    assert store.clear() == 0


def test_clear_removes_every_entry_and_reports_the_count(store):
    for i in range(5):
        store.put(cache_key(str(i).encode()), {"source": str(i)})
    assert store.clear() == 5
    assert store.get(cache_key(b"0")) is None
    assert store.clear() == 0


def test_disabled_cache_neither_reads_nor_writes(tmp_path):
    store = ExtractionCache(tmp_path / "c", enabled=False)
    assert store.put("ab" * 32, {"source": "a"}) is False
    assert not (tmp_path / "c").exists()


def test_cache_inside_the_corpus_folder_is_refused(tmp_path):
    store = ExtractionCache(tmp_path / "corpus" / ".cache", corpus_dir=tmp_path / "corpus")
    assert store.put("ab" * 32, {"source": "a"}) is False
    assert not (tmp_path / "corpus").exists()


def test_cache_dir_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("SUMMIT_CACHE_DIR", str(tmp_path / "explicit"))
    assert default_cache_dir() == tmp_path / "explicit"
    monkeypatch.delenv("SUMMIT_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert default_cache_dir() == tmp_path / "xdg" / "summit"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert default_cache_dir() == tmp_path / "home" / ".cache" / "summit"


def test_failed_replace_leaves_no_temp_file_and_stops_writing(store, monkeypatch):
    def refuse(*a, **k):
        raise PermissionError("read-only file system")

    monkeypatch.setattr(cache_mod.os, "replace", refuse)
    key = cache_key(b"doc")
    assert store.put(key, {"source": "a"}) is False
    assert [p for p in store.path.rglob("*") if p.is_file()] == []
    monkeypatch.undo()
    assert store.put(key, {"source": "a"}) is False  # gave up on this cache for the run
