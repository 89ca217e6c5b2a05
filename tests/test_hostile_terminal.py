"""Hostile article text in the terminal: shown inert in tables, passed unchanged in JSON.

An article (and its front matter and file name) carries Rich markup, emoji codes, ANSI and OSC
escape sequences, backspaces and bidi overrides. Tables must show them as literal, visible text
(no escape byte of the article's reaches the terminal); JSON must carry them unchanged but valid.
"""
from __future__ import annotations

import json
import os
import pty
import re
import select
import subprocess
import sys

import pytest

from conftest import run_summit

OSC_LINK = "\x1b]8;;http://x\x1b\\here\x1b]8;;\x1b\\"
QUOTE_1 = f"[bold red]We will win[/] :smile: {OSC_LINK} now \x1b[2J"
QUOTE_2 = "Back\bspace and\x1b[31m red\x1b[0m words\u202e reversed"
HOSTILE = (
    '---\ntitle: "\\e[2J[bold red]Hacked[/] :smile:"\n'
    'outlet: "\\e]8;;http://evil\\e\\\\Click\\e]8;;\\e\\\\"\n---\n'
    "Ministers met in [bold red]Tallinn[/] on Monday :smile:.\n\n"
    f"“{QUOTE_1},” said Anna Berg, the finance minister.\n\n"
    f"“{QUOTE_2},” Berg told reporters.\n\n"
    "Olek Sand said that the \x1b[5mtalks\x1b[0m had failed [link=http://evil]badly[/link].\n"
)
PLAIN = ("Harbour talks\n\n“We will win now,” said Anna Berg, the finance minister.\n\n"
         "Olek Sand said that the talks had failed.\n")
EVIL_NAME = "03_\x1b]0;pwned\x07.txt"  # an empty file whose name sets the terminal title

TABLE_COMMANDS = [["sources"], ["quotes", "--kind", "all"], ["show", "01"], ["speakers"],
                  ["claims"], ["compare"], ["search", "win"]]
SGR = re.compile(rb"\x1b\[[0-9;]*m")


@pytest.fixture(scope="module")
def hostile_corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    (root / "01_hostile.md").write_text(HOSTILE, encoding="utf-8")
    (root / "02_plain.txt").write_text(PLAIN, encoding="utf-8")
    (root / EVIL_NAME).write_bytes(b"")
    return root


def _run(corpus, *args, env=None):
    result = run_summit(*args, "--corpus", str(corpus), env={"COLUMNS": "120", **(env or {})})
    assert result.returncode == 0, result.stderr.decode()
    assert b"Traceback" not in result.stderr
    return result


@pytest.mark.parametrize("args", TABLE_COMMANDS, ids=[" ".join(a) for a in TABLE_COMMANDS])
def test_tables_show_hostile_text_inert(hostile_corpus, args):
    result = _run(hostile_corpus, *args, env={"FORCE_COLOR": "1", "TERM": "xterm-256color"})
    out = result.stdout.decode("utf-8")
    assert "\x1b" not in out and "\x07" not in out and "\x08" not in out and "\u202e" not in out
    assert "\x1b" not in result.stderr.decode("utf-8")  # the evil file name is cleaned too
    assert "😄" not in out  # ":smile:" is never turned into an emoji


@pytest.mark.parametrize("args", [["quotes", "--kind", "all"], ["show", "01"], ["search", "win"]],
                         ids=["quotes", "show", "search"])
def test_markup_is_shown_literally(hostile_corpus, args):
    out = _run(hostile_corpus, *args).stdout.decode("utf-8")
    assert "[bold red]We will win[/] :smile:" in out
    assert "␛]8;;http://x␛\\here" in out  # the escape is visible as a control picture


def test_titles_from_front_matter_are_inert(hostile_corpus):
    out = _run(hostile_corpus, "sources").stdout.decode("utf-8")
    assert "␛[2J[bold red]Hacked[/]" in out


def test_warning_about_an_evil_file_name_is_one_clean_line(hostile_corpus):
    err = _run(hostile_corpus, "sources", "--json").stderr.decode("utf-8")
    assert err == "warning: 03_␛]0;pwned␇.txt: empty file, skipped\n"


def test_json_passes_hostile_text_unchanged(hostile_corpus):
    shown = json.loads(_run(hostile_corpus, "show", "01", "--json").stdout)
    assert shown["text"] == HOSTILE
    assert shown["title"] == "\x1b[2J[bold red]Hacked[/] :smile:"
    texts = {q["text"] for q in shown["quotes"]}
    assert QUOTE_1 + "," in texts or QUOTE_1 in texts
    for record in shown["quotes"] + shown["claims"]:
        assert HOSTILE[record["start"]:record["end"]] == record["text"]


def test_json_and_jsonl_output_has_no_raw_control_bytes(hostile_corpus):
    for args in (["quotes", "--kind", "all", "--json"], ["claims", "--jsonl"],
                 ["sources", "--jsonl"], ["extract"], ["compare", "--json"]):
        raw = _run(hostile_corpus, *args).stdout
        assert b"\x1b" not in raw and b"\x08" not in raw  # escaped as \u001b: still valid
        if "--json" in args:
            json.loads(raw)
        else:
            assert all(json.loads(line) for line in raw.decode().splitlines())


def _run_in_terminal(corpus, args, env) -> bytes:
    """Run summit with stdout on a pseudo-terminal; returns what the terminal received."""
    master, slave = pty.openpty()
    full_env = {**os.environ, "COLUMNS": "120", "TERM": "xterm-256color", **env}
    process = subprocess.Popen([sys.executable, "-m", "summitcli", *args, "--corpus", str(corpus)],
                               stdout=slave, stderr=subprocess.PIPE, env=full_env)
    os.close(slave)
    chunks = []
    while True:
        ready, _, _ = select.select([master], [], [], 120)
        if not ready:
            process.kill()
            raise TimeoutError("no output from summit in 120 s")
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(master)
    assert process.wait(timeout=120) == 0, process.stderr.read()
    process.stderr.close()
    return b"".join(chunks)


@pytest.mark.parametrize("args", [["quotes", "--kind", "all"], ["show", "01"]],
                         ids=["quotes", "show"])
def test_colour_terminal_gets_only_our_colour_codes(hostile_corpus, args):
    seen = _run_in_terminal(hostile_corpus, args, {"NO_COLOR": ""})  # empty: not set
    assert SGR.search(seen), "a terminal should get colour"
    assert b"\x1b" not in SGR.sub(b"", seen)  # no OSC link, no screen clear, no cursor moves
    assert b"\x07" not in seen and b"\x08" not in seen


def test_no_colour_when_no_color_is_set_even_in_a_terminal(hostile_corpus):
    seen = _run_in_terminal(hostile_corpus, ["quotes", "--kind", "all"], {"NO_COLOR": "1"})
    assert b"\x1b" not in seen and "We will win".encode() in seen


# -- every renderer, fed any text, in a colour terminal: only our own colour codes ----------
from hypothesis import given, strategies as st  # noqa: E402

from summitcli.corpus import Document  # noqa: E402
from summitcli.pipeline import analyse_extractions, extract_text  # noqa: E402

PIECES = ["“", "”", "\"", "‘", "’", "«", "»", " said Anna Berg", " she said", ". ", "\n\n",
          "\x1b[2J", "\x1b]8;;http://x\x1b\\", "\x1b]0;title\x07", "\b", "\r", "\x9b31m", "\u202e",
          "[bold red]", "[/]", ":smile:", "\x00", "\udcff", "We will win", " Olek Sand told them that"]
hostile_article = st.lists(st.sampled_from(PIECES) | st.text(max_size=20), max_size=40).map("".join)


def _terminal_console(stream):
    from rich.console import Console

    return Console(file=stream, force_terminal=True, color_system="truecolor", width=80,
                   markup=False, emoji=False, highlight=False)


@given(hostile_article, hostile_article)
def test_renderers_never_emit_the_articles_control_codes(first, second):
    import io

    from summitcli.render.compare_view import render_search
    from summitcli.render.tables import (claims_table, quotes_table, show_document,
                                         sources_table, speakers_table)
    from summitcli.report import speaker_rows

    texts = {"a": first, "b": second}
    docs = [Document(id=k, path=f"{k}.txt", text=v, digest=k, title=v[:30], outlet=v[-20:])
            for k, v in texts.items()]
    result = analyse_extractions([extract_text(d.text, d.id) for d in docs], docs)
    stream = io.StringIO()
    console = _terminal_console(stream)
    sources_table(console, [{**d.to_dict(), "quotes": 0} for d in docs])
    quotes_table(console, result.quotes, result.dates())
    claims_table(console, result.claims)
    speakers_table(console, speaker_rows(result, None), ["a", "b"])
    for doc in docs:
        show_document(console, doc, [q for q in result.quotes if q.source == doc.id],
                      [c for c in result.claims if c.source == doc.id])
    render_search(console, [(q, 90.0) for q in result.quotes[:3]])
    shown = SGR.sub(b"", stream.getvalue().encode("utf-8", "replace"))
    assert b"\x1b" not in shown and b"\x07" not in shown and b"\x08" not in shown
    assert b"\r" not in shown and b"\xc2\x9b" not in shown  # no CR, no 8-bit CSI


@given(hostile_article, hostile_article)
def test_compare_view_never_emits_the_articles_control_codes(first, second):
    """The same for the comparison view."""
    import io


    from summitcli.compare import compare
    from summitcli.render.compare_view import render_comparison

    docs = [Document(id=k, path=f"{k}.txt", text=v, digest=k) for k, v in (("a", first), ("b", second))]
    result = analyse_extractions([extract_text(d.text, d.id) for d in docs], docs)
    stream = io.StringIO()
    render_comparison(_terminal_console(stream),
                      compare(result.quotes, result.claims, ["a", "b"], result.dates()))
    shown = SGR.sub(b"", stream.getvalue().encode("utf-8", "replace"))
    assert b"\x1b" not in shown and b"\x07" not in shown and b"\x08" not in shown


def test_compare_survives_statements_without_content_words(tmp_path):
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text("Olek Sand said that")
    result = run_summit("compare", "--corpus", str(tmp_path))
    assert result.returncode == 0, result.stderr.decode()
