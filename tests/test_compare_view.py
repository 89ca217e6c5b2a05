"""Terminal views of comparisons and search results: right words, inert hostile text."""
from __future__ import annotations

import pytest
from rich.console import Console

from summitcli.compare import compare
from summitcli.matching import search_quotes
from summitcli.render.compare_view import render_comparison, render_search
from test_matching import SPEC, load_corpus, make_quote

HOSTILE = "[bold red]x[/] \x1b[2J\x1b]0;owned\x07 end"


def _console(width=80) -> Console:
    return Console(record=True, width=width, force_terminal=False, color_system=None)


def _render(comparison, width=80) -> str:
    console = _console(width)
    render_comparison(console, comparison)
    return console.export_text()


@pytest.fixture(scope="module")
def records():
    quotes, claims, _ = load_corpus()
    return quotes, claims


def test_two_sources_side_by_side_then_only_then_summary(records):
    quotes, claims = records
    out = _render(compare(quotes, claims, ["a_wire", "c_review"], SPEC["dates"]))
    assert "a_wire (2031-03-02)" in out and "c_review (2031-03-05)" in out
    assert "question" in out and "issue" in out  # the substituted word, each side
    assert "conflict" in out and "Ilse Varga / Tomas Ruud" in out
    assert out.index("Only in a_wire") < out.index("Only in c_review")
    assert "See you in Lisbon next spring?" in out
    assert "3 shared statements" in out and "1 conflict" in out
    assert out.rindex("shared statements") > out.index("Only in")
    assert max(len(line) for line in out.splitlines()) <= 80


def test_only_is_grouped_by_speaker(records):
    quotes, claims = records
    out = _render(compare(quotes, claims, ["a_wire", "c_review"], SPEC["dates"]))
    block = out[out.index("Only in a_wire"):out.index("Only in c_review")]
    ruud = block.index("Tomas Ruud")
    assert block.index("Our engineers will inspect") > ruud
    assert "(no speaker)" in block and "historic compromise" in block


def test_many_sources_coverage_and_balance(records):
    quotes, claims = records
    for width in (80, 160):
        out = _render(compare(quotes, claims, None, SPEC["dates"]), width)
        assert "Coverage" in out and "Speaker balance" in out
        assert "● quoted" in out and "· absent" in out
        assert "d_blog" in out and "paraphrase" in out
        assert max(len(line) for line in out.splitlines()) <= width


def test_hostile_article_text_is_inert():
    quotes = [make_quote("x:q1", "x", f"Rules are rules {HOSTILE} and we keep them", HOSTILE),
              make_quote("y:q1", "y", f"Rules are rules {HOSTILE} and we keep them", HOSTILE)]
    for sources in (["x", "y"], None):
        console = _console()
        render_comparison(console, compare(quotes, [], sources, {}))
        out = console.export_text()
        assert "[bold red]x[/]" in out
        assert "\x1b" not in out and "\x07" not in out
        assert "␛[2J" in out


def test_hostile_source_ids_and_speakers_in_tables_are_inert():
    src_a, src_b, src_c = "[red]a", "b\x1b[31m", "c"
    quotes = [make_quote(f"{s}:q1", s, "Every lock on the river will be inspected this spring",
                         "[blink]Ann[/blink]") for s in (src_a, src_b, src_c)]
    console = _console()
    render_comparison(console, compare(quotes, [], None, {}))
    out = console.export_text()
    assert "[blink]Ann[/blink]" in out and "\x1b" not in out


def test_search_results(records):
    quotes, _ = records
    console = _console()
    render_search(console, search_quotes(quotes, "fair deal for both banks", limit=3))
    out = console.export_text()
    assert "fair deal for both banks" in out and "Tomas Ruud" in out and "100" in out
    console = _console()
    render_search(console, [(make_quote("x:q1", "x", HOSTILE, None), 90.0)])
    assert "[bold red]x[/]" in console.export_text()
    assert "\x1b" not in console.export_text()
    console = _console()
    render_search(console, [])
    assert "No quotation matches" in console.export_text()


def test_nothing_shared_says_so():
    quotes = [make_quote("x:q1", "x", "The bridge opens on Monday morning at nine", "Ann Lee"),
              make_quote("y:q1", "y", "Fishing resumes after the storm has passed", "Bo Chan")]
    out = _render(compare(quotes, [], ["x", "y"], {}))
    assert "No statement is carried by two or more" in out
    assert "0 shared statements" in out


def test_a_claim_reads_in_the_articles_order():
    from summitcli.claims import claims_in_text
    from summitcli.render.compare_view import _claim_text

    text = ("Fares will rise in May, according to the transit authority. "
            "There was, as Mayor Ilse Brandt put it, no deal. "
            "Mayor Ilse Brandt insisted that the tunnel would open.")
    shown = [_claim_text(c).plain for c in claims_in_text(text)]
    assert "Fares will rise in May according to the transit authority" in shown
    assert "There was, as Mayor Ilse Brandt put it, no deal" in shown  # the cue is not printed twice
    assert "insisted that the tunnel would open" in shown
