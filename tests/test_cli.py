"""The command line on the bundled corpus: formats, the JSON contract, exit codes, start-up cost."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import REPO, run_summit

QUOTE_KEYS = {"id", "source", "text", "start", "end", "kind", "speaker", "speaker_mention",
              "speaker_start", "speaker_end", "cue", "rule", "utterance"}
SEED_IDS = ["000", "001", "002", "003", "004"]


def ok(*args: str, **kwargs) -> subprocess.CompletedProcess:
    result = run_summit(*args, **kwargs)
    assert result.returncode == 0, result.stderr.decode()
    assert b"Traceback" not in result.stderr
    return result


def test_sources_table_lists_the_bundled_corpus():
    out = ok("sources").stdout.decode()
    for doc_id in SEED_IDS:
        assert f" {doc_id} " in out
    assert "Foreign Affairs" in out and "\x1b" not in out  # no colour into a pipe


def test_sources_json_pipes_into_json_tool():
    result = subprocess.run(f'"{sys.executable}" -m summitcli sources --json | '
                            f'"{sys.executable}" -m json.tool', shell=True, capture_output=True)
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert [r["id"] for r in rows] == SEED_IDS
    assert all({"id", "title", "outlet", "date", "path", "words"} <= set(r) for r in rows)


def test_sources_jsonl_is_one_object_a_line():
    lines = ok("sources", "--jsonl").stdout.decode().splitlines()
    assert [json.loads(line)["id"] for line in lines] == SEED_IDS


def test_corpus_from_environment(make_corpus):
    root = make_corpus({"a.txt": "“We will meet again,” said Anna Berg.\n"})
    rows = json.loads(ok("sources", "--json", env={"SUMMIT_CORPUS": str(root)}).stdout)
    assert [r["id"] for r in rows] == ["a"]


@pytest.fixture(scope="module")
def seed_quotes():
    return json.loads(run_summit("quotes", "--kind", "all", "--json").stdout)


def test_quotes_json_contract(seed_quotes):
    assert seed_quotes, "the seed corpus has quotations"
    for quote in seed_quotes:
        assert QUOTE_KEYS <= set(quote)


@pytest.mark.parametrize("doc_id", SEED_IDS)
def test_quote_offsets_point_into_the_shown_text(seed_quotes, doc_id):
    text = json.loads(ok("show", doc_id, "--json").stdout)["text"]
    mine = [q for q in seed_quotes if q["source"] == doc_id]
    for quote in mine:
        assert text[quote["start"]:quote["end"]] == quote["text"]
        if quote["speaker_mention"] is not None:
            assert text[quote["speaker_start"]:quote["speaker_end"]] == quote["speaker_mention"]


def test_unknown_id_exits_4_with_closest_ids():
    result = run_summit("show", "9999")
    assert result.returncode == 4
    assert result.stdout == b""
    assert result.stderr.decode() == "error: no source with id '9999'; closest: 000, 001, 002\n"


def test_ambiguous_prefix_exits_4_with_candidates(make_corpus):
    root = make_corpus({"abc-1.txt": "Some words.", "abd-2.txt": "More words."})
    result = run_summit("show", "ab", "--corpus", str(root))
    assert result.returncode == 4
    assert "ambiguous" in result.stderr.decode() and "abc-1, abd-2" in result.stderr.decode()


def test_json_and_jsonl_together_is_a_usage_error():
    result = run_summit("sources", "--json", "--jsonl")
    assert result.returncode == 5 and result.stderr.decode().count("\n") == 1


def _read_100_bytes_then_close(*args: str) -> tuple[int, bytes]:
    """Like ``summit ARGS | head -c 100``: returns (exit code, stderr)."""
    process = subprocess.Popen([sys.executable, "-m", "summitcli", *args],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    process.stdout.read(100)
    process.stdout.close()
    err = process.stderr.read()
    process.stderr.close()
    return process.wait(timeout=120), err


def test_closed_pipe_is_quiet():
    """No BrokenPipeError traceback or 'Exception ignored' noise when the reader goes away."""
    _code, err = _read_100_bytes_then_close("extract", "--no-cache")
    assert err == b""


def test_closed_pipe_exits_0():
    code, _err = _read_100_bytes_then_close("extract", "--no-cache")
    assert code == 0


def test_bundled_corpus_works_from_any_directory(tmp_path):
    rows = json.loads(ok("sources", "--json", cwd=tmp_path).stdout)
    assert len(rows) == 5


def test_importing_the_cli_stays_light():
    """Start-up cost: heavy modules load only inside the commands that need them."""
    heavy = ["rich.table", "rapidfuzz", "yaml", "summitcli.quotes", "summitcli.matching", "numpy"]
    code = ("import sys, summitcli.cli; "
            f"print(','.join(m for m in {heavy!r} if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=REPO, check=True)
    assert result.stdout.strip() == ""


# -- compare --from-jsonl: a records file is input too -------------------------------------
def _from_jsonl(tmp_path, content: bytes):
    path = tmp_path / "records.jsonl"
    path.write_bytes(content)
    return run_summit("compare", "--from-jsonl", str(path))


def _record_line(**changes) -> bytes:
    quote = {"id": "x:q1", "source": "x", "text": "We will meet again", "start": 1, "end": 19,
             "kind": "speech", "kind_rule": "r", "speaker": "Anna Berg",
             "speaker_mention": "Anna Berg", "speaker_start": 26, "speaker_end": 35,
             "cue": "said", "rule": "r", "utterance": "x:u1"}
    record = {"source": "x", "quotes": [{**quote, **changes.pop("quote", {})}], "claims": [],
              "people": [], **changes}
    return json.dumps(record).encode() + b"\n"


@pytest.mark.parametrize("content", [b"garbage\n", b"", b"[1, 2]\n", b'{"source": "x", "quotes": [{}]}\n'],
                         ids=["not-json", "empty", "not-an-object", "missing-fields"])
def test_bad_records_file_is_an_input_error(tmp_path, content):
    result = _from_jsonl(tmp_path, content)
    assert result.returncode == 5, result.stderr
    assert result.stderr.decode().count("\n") == 1 and b"internal error" not in result.stderr


def test_good_records_file_compares(tmp_path):
    assert _from_jsonl(tmp_path, _record_line()).returncode == 0


@pytest.mark.parametrize("content", [
    b"\xff\xfe\n",
    _record_line(quote={"start": "zero", "speaker": 5}),
    _record_line(source=["x"]),
], ids=["not-utf8", "wrong-field-types", "list-as-source"])
def test_undecodable_or_mistyped_records_are_input_errors(tmp_path, content):
    result = _from_jsonl(tmp_path, content)
    assert result.returncode == 5, result.stderr
