"""Broken corpora: every case is one line on stderr, the documented exit code, no traceback.

Runs the real entry point (``python -m summitcli``) so that what a user sees is what is tested.
What spoils one file is a warning and the run carries on (exit 0); what spoils the run is one
``error:`` line and exit 3 (see ``summitcli.errors.ExitCode``).
"""
from __future__ import annotations

import json
import os
import time
import tracemalloc
from pathlib import Path

import pytest

from summitcli.corpus import load_corpus
from summitcli.errors import CorpusError, ExitCode

ARTICLE = "Harbour Talks End Without a Deal\n\n“We will meet again soon,” said Anna Berg.\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
BIG = 200 * 1024 * 1024


def lines(stream: bytes) -> list[str]:
    return stream.decode("utf-8").splitlines()


def assert_fails_cleanly(result, *needles: str, code: int = ExitCode.CORPUS) -> str:
    """Exit ``code``, nothing on stdout, warnings then exactly one error line naming ``needles``."""
    err = lines(result.stderr)
    assert result.returncode == code, result.stderr
    assert result.stdout == b""
    assert "Traceback" not in result.stderr.decode()
    assert err and err[-1].startswith("error: ")
    assert all(line.startswith("warning: ") for line in err[:-1])
    for needle in needles:
        assert needle in err[-1]
    return err[-1]


# -- what spoils the whole run: one error line, exit 3 -------------------------------------
def test_no_such_folder(summit, tmp_path):
    assert_fails_cleanly(summit("sources", "--corpus", str(tmp_path / "missing")),
                         "not found", "missing")


def test_a_file_instead_of_a_folder(summit, make_corpus):
    root = make_corpus({"a.txt": ARTICLE})
    assert_fails_cleanly(summit("sources", "--corpus", str(root / "a.txt")), "not a folder")


def test_folder_without_articles(summit, make_corpus):
    root = make_corpus({"notes.pdf": b"%PDF-1.4", "README": "not an article"})
    assert_fails_cleanly(summit("sources", "--corpus", str(root)), "no readable articles")


def test_only_unusable_articles_warn_then_fail(summit, make_corpus):
    result = summit("sources", "--corpus", str(make_corpus({"a.txt": PNG, "b.txt": b""})))
    assert_fails_cleanly(result, "no readable articles",
                         "(a.txt: binary file, skipped; b.txt: empty file, skipped)")


def test_symlink_loop_as_the_corpus_folder(summit, tmp_path):
    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    assert_fails_cleanly(summit("sources", "--corpus", str(tmp_path / "loop")))


def test_corpus_path_too_long(summit, tmp_path):
    assert_fails_cleanly(summit("sources", "--corpus", str(tmp_path / ("x" * 5000))))


BILLION_LAUGHS = "".join(
    [f"l0: &l0 [{', '.join(['lol'] * 9)}]\n"]
    + [f"l{i}: &l{i} [{', '.join([f'*l{i - 1}'] * 9)}]\n" for i in range(1, 13)])


@pytest.mark.parametrize("front, needles", [
    ("title: [unclosed\n", ("a.md", "line 2", "malformed YAML")),
    ("title: ok\n  bad indent: x\n", ("a.md", "line 2")),
    ("exploit: !!python/object/apply:os.system ['touch {marker}']\n", ("a.md", "line 1")),
    ("title: !!python/object/new:builtins.str ['x']\n", ("a.md", "line 1")),
    (BILLION_LAUGHS, ("a.md", "alias")),
    ("title: " + "[" * 5000 + "\n", ("a.md", "malformed YAML")),
    ("title: ok\ndate: 2025-13-45\n", ("a.md", "line 2")),
    ("id: " + "9" * 5000 + "\n", ("a.md", "line 1")),
], ids=["unclosed", "indent", "python-object", "python-new", "billion-laughs", "deep",
        "bad-date", "huge-int"])
def test_malformed_or_hostile_front_matter(summit, make_corpus, tmp_path, front, needles):
    marker = tmp_path / "exploited"
    text = "---\n" + front.replace("{marker}", str(marker)) + "---\n" + ARTICLE
    started = time.monotonic()
    result = summit("sources", "--corpus", str(make_corpus({"a.md": text, "b.txt": ARTICLE})))
    assert_fails_cleanly(result, *needles)
    assert not marker.exists()  # YAML never constructs objects or runs anything
    assert time.monotonic() - started < 120  # generous: an alias bomb must not expand


def test_small_alias_bomb_is_refused_as_a_field(summit, make_corpus):
    """Under the alias limit, 9 levels of 9 aliases: never expanded, the field is just dropped."""
    bomb = "".join([f"l{i}: &l{i} [{', '.join([f'*l{i - 1}' if i else 'lol'] * 9)}]\n"
                    for i in range(9)])
    root = make_corpus({"a.md": f"---\n{bomb}title: *l8\n---\n" + ARTICLE})
    result = summit("sources", "--json", "--corpus", str(root))
    assert result.returncode == 0, result.stderr
    assert lines(result.stderr) == ["warning: a.md: field 'title' should be text, ignored"]


def test_malformed_corpus_yaml_names_file_and_line(summit, make_corpus):
    root = make_corpus({"a.txt": ARTICLE, "corpus.yaml": "a.txt:\n  title: ok\n  - broken\n"})
    assert_fails_cleanly(summit("sources", "--corpus", str(root)), "corpus.yaml", "line 3")


def test_huge_corpus_yaml_is_refused_without_reading_it(summit, make_corpus):
    root = make_corpus({"a.txt": ARTICLE})
    with open(root / "corpus.yaml", "wb") as handle:
        handle.truncate(2 * 1024 ** 3)  # sparse: costs no disk
    assert_fails_cleanly(summit("sources", "--corpus", str(root)), "corpus.yaml", "limit")


@pytest.mark.parametrize("files, names", [
    ({"002_a.txt": ARTICLE, "002_b.txt": ARTICLE}, ("002_a.txt", "002_b.txt")),
    ({"a.txt": ARTICLE, "b.md": "---\nid: a\n---\n" + ARTICLE}, ("a.txt", "b.md")),
    ({"7-x.txt": ARTICLE, "7.y.md": ARTICLE}, ("7-x.txt", "7.y.md")),
])
def test_duplicate_ids_name_both_files(summit, make_corpus, files, names):
    message = assert_fails_cleanly(summit("sources", "--corpus", str(make_corpus(files))),
                                   "duplicate source id", *names)
    assert message.count(".txt") + message.count(".md") == 2


# -- what spoils one file: a warning, the rest carries on (exit 0) --------------------------
ODD_FILES: dict[str, bytes] = {
    "01_good.txt": ARTICLE.encode(),
    "02_crlf.txt": ARTICLE.replace("\n", "\r\n").encode() + b"Old Mac line.\rEnd.\r\n",
    "03_bom.txt": b"\xef\xbb\xbf" + ARTICLE.encode(),
    "04_utf16.txt": ARTICLE.encode("utf-16"),
    "05_cp1252.txt": b"Caf\xe9 talks\n\n\x93We will meet again,\x94 said Anna Berg.\n",
    "06_image.txt": PNG,
    "07_empty.txt": b"",
    "08_blank.md": b"  \n\n\t\n",
    "09_badid.md": b"---\nid: ../../etc/passwd\n---\n" + ARTICLE.encode(),
    "10_types.md": b"---\ntitle: [a, b]\ndate: {day: 1}\nauthor: 12\n---\n" + ARTICLE.encode(),
    "11_list.md": b"---\n- just\n- a list\n---\n" + ARTICLE.encode(),
    "notes.pdf": b"%PDF-1.4",
    "README": b"not an article",
    ".hidden.txt": ARTICLE.encode(),
}
ODD_WARNINGS = [
    "05_cp1252.txt: not valid UTF-8, read as cp1252",
    "06_image.txt: binary file, skipped",
    "07_empty.txt: empty file, skipped",
    "08_blank.md: empty file, skipped",
    "09_badid.md: id '../../etc/passwd' contains a path separator or control character, ignored",
    "10_types.md: field 'title' should be text, ignored",
    "10_types.md: field 'date' should be text, ignored",
    "11_list.md: metadata is not a mapping, ignored",
    "12_loop.txt: broken or looping link, skipped",
    "13_dangling.txt: broken or looping link, skipped",
    "14_fifo.txt: not a regular file, skipped",
    "15_folder.md: not a regular file, skipped",
    "16_huge.txt: larger than the 20 MB limit for one article, skipped",
    "19_zero.txt: not a regular file, skipped",
    "20_new line.txt: empty file, skipped",  # a newline in a file name: still one line
]


@pytest.fixture(scope="module")
def odd_corpus(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("odd")
    for name, data in ODD_FILES.items():
        (root / name).write_bytes(data)
    (root / "12_loop.txt").symlink_to(root / "12_loop.txt")
    (root / "13_dangling.txt").symlink_to(root / "nowhere.txt")
    os.mkfifo(root / "14_fifo.txt")  # opening it would block forever: it must not be opened
    (root / "15_folder.md").mkdir()
    with open(root / "16_huge.txt", "wb") as handle:
        handle.truncate(BIG)  # a 200 MB sparse file
    (root / "17_²-unicode-digit.txt").write_bytes(ARTICLE.encode())
    (root / os.fsdecode(b"18_\xff\xfe-latin1-name.txt")).write_bytes(ARTICLE.encode())
    (root / "19_zero.txt").symlink_to("/dev/zero")  # endless: must never be read
    (root / "20_new\nline.txt").write_bytes(b"")
    return root


@pytest.fixture(scope="module")
def odd_run(odd_corpus):
    from conftest import run_summit

    result = run_summit("sources", "--json", "--corpus", str(odd_corpus), timeout=120)
    assert result.returncode == 0, result.stderr
    return result


def test_odd_files_give_one_warning_each_and_no_traceback(odd_run):
    err = lines(odd_run.stderr)
    assert "Traceback" not in odd_run.stderr.decode()
    assert all(line.startswith("warning: ") for line in err)
    assert sorted(line.removeprefix("warning: ") for line in err) == sorted(ODD_WARNINGS)


def test_odd_corpus_loads_every_readable_article(odd_run):
    rows = {row["id"]: row for row in json.loads(odd_run.stdout)}
    assert set(rows) == {"01", "02", "03", "04", "05", "09", "10", "11", "17", "18"}
    assert rows["04"]["encoding"] == "utf-16" and rows["05"]["encoding"] == "cp1252"
    assert rows["10"]["author"] == "12" and rows["10"]["title"] == "Harbour Talks End Without a Deal"
    assert "\ufffd" in rows["18"]["path"]  # an undecodable file name is shown, not a crash
    assert all(row["quotes"] == 1 for row in rows.values())


def test_decoded_text_is_normalised(odd_corpus):
    docs = load_corpus(odd_corpus).by_id()
    for doc_id in ("01", "02", "03", "04"):
        assert docs[doc_id].text.startswith(ARTICLE)
    assert docs["02"].text == ARTICLE + "Old Mac line.\nEnd.\n"
    assert docs["05"].text == "Café talks\n\n“We will meet again,” said Anna Berg.\n"


def test_show_and_quotes_on_the_odd_corpus(summit, odd_corpus):
    result = summit("show", "02", "--json", "--corpus", str(odd_corpus))
    assert result.returncode == 0
    shown = json.loads(result.stdout)
    assert "\r" not in shown["text"]
    for quote in shown["quotes"]:
        assert shown["text"][quote["start"]:quote["end"]] == quote["text"]


def test_huge_file_is_refused_within_bounded_memory(odd_corpus):
    tracemalloc.start()
    try:
        corpus = load_corpus(odd_corpus)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert "16" not in corpus.by_id()
    assert peak < 10 * 1024 * 1024  # far below the 200 MB file (and the 20 MB limit)


# -- permission denied ----------------------------------------------------------------------
def test_unreadable_file_is_a_warning_when_permissions_apply(summit, make_corpus):
    """Real permissions; root reads everything, so there this runs only where they apply."""
    root = make_corpus({"a.txt": ARTICLE, "b.txt": ARTICLE})
    (root / "b.txt").chmod(0)
    try:
        if os.access(root / "b.txt", os.R_OK):
            pytest.skip("running as root: file permissions do not apply (see the tests below)")
        result = summit("sources", "--json", "--corpus", str(root))
    finally:
        (root / "b.txt").chmod(0o644)
    assert result.returncode == 0
    assert lines(result.stderr) == ["warning: b.txt: cannot be read (Permission denied), skipped"]


def test_read_error_even_as_root_is_a_warning(summit, make_corpus):
    """A link to a file whose read fails for any user (/proc/self/mem at offset 0: EIO)."""
    if not Path("/proc/self/mem").exists():
        pytest.skip("no /proc on this system")
    root = make_corpus({"a.txt": ARTICLE})
    (root / "b.txt").symlink_to("/proc/self/mem")
    result = summit("sources", "--json", "--corpus", str(root))
    assert result.returncode == 0, result.stderr
    assert [row["id"] for row in json.loads(result.stdout)] == ["a"]
    assert lines(result.stderr) == ["warning: b.txt: cannot be read (Input/output error), skipped"]


def test_permission_error_on_open_is_a_warning(make_corpus, monkeypatch):
    """Simulated EACCES on open (as a non-root user would get it)."""
    import builtins

    import summitcli.corpus as corpus_module

    root = make_corpus({"a.txt": ARTICLE, "b.txt": ARTICLE})

    def guarded_open(file, *args, **kwargs):
        if Path(file).name == "b.txt":
            raise PermissionError(13, "Permission denied", str(file))
        return builtins.open(file, *args, **kwargs)

    monkeypatch.setattr(corpus_module, "open", guarded_open, raising=False)
    corpus = load_corpus(root)
    assert [d.id for d in corpus] == ["a"]
    assert corpus.warnings == ["b.txt: cannot be read (Permission denied), skipped"]


# -- ids from metadata ----------------------------------------------------------------------
@pytest.mark.parametrize("value", ["a/b", "..\\\\x", "..", "evil\\x1b[2J"])
def test_id_with_path_separator_or_control_is_ignored(make_corpus, value):
    corpus = load_corpus(make_corpus({"07_a.md": f'---\nid: "{value}"\n---\n' + ARTICLE}))
    assert [d.id for d in corpus] == ["07"]
    assert len(corpus.warnings) == 1 and "ignored" in corpus.warnings[0]


def test_errors_are_corpus_errors_in_the_library(tmp_path):
    with pytest.raises(CorpusError):
        load_corpus(tmp_path)  # empty


# -- read-only corpus; nothing is ever written into the corpus folder ------------------------
def _snapshot(root: Path) -> dict[str, tuple]:
    """Every entry under ``root`` (the folder itself too) with its kind, size and mtime."""
    entries = {}
    for path in [root, *sorted(root.rglob("*"))]:
        info = path.lstat()
        entries[str(path.relative_to(root))] = (info.st_mode, info.st_size, info.st_mtime_ns)
    return entries


def test_read_only_corpus_works_and_is_never_written(summit, make_corpus):
    seeds = Path(__file__).resolve().parents[1] / "seeds"
    root = make_corpus({p.name: p.read_bytes() for p in seeds.iterdir() if p.is_file()})
    (root / "speakers.yaml").write_text("Anna Berg: [the finance minister]\n")
    for path in root.iterdir():
        path.chmod(0o444)
    root.chmod(0o555)
    before = _snapshot(root)
    try:
        for args in (["sources"], ["sources", "--json"], ["quotes", "--kind", "all"],
                     ["claims", "--jsonl"], ["speakers"], ["show", "2"], ["compare", "2", "4"],
                     ["search", "no deal"], ["extract"], ["quotes", "--no-cache", "--json"]):
            result = summit(*args, "--corpus", ".", cwd=root)  # the corpus is also the cwd
            assert result.returncode == 0, (args, result.stderr.decode())
            assert result.stderr == b"", (args, result.stderr.decode())
            assert result.stdout
        after = _snapshot(root)
    finally:
        root.chmod(0o755)  # let pytest clean up
    assert after == before
