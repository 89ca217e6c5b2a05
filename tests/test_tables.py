"""Table renderers: grouping, literal article text, readable at 80 columns."""
from rich.console import Console

from summitcli.records import Quote
from summitcli.render.tables import quotes_table, speakers_table


def quote(text, speaker, source="001", n=1, kind="speech"):
    return Quote(id=f"{source}:q{n}", source=source, text=text, start=0, end=len(text),
                 kind=kind, kind_rule="test", speaker=speaker, speaker_mention="she",
                 speaker_start=0, speaker_end=3, cue="said", rule="test",
                 utterance=f"{source}:u{n}")


def render(fn, *args):
    console = Console(record=True, width=80, force_terminal=False, color_system=None,
                      markup=False, emoji=False, highlight=False)
    fn(console, *args)
    return console.export_text()


def test_quotes_are_grouped_by_speaker_most_quoted_first():
    out = render(quotes_table, [quote("Alpha words", "Ann Lee", n=1),
                                quote("Beta words", "Bo Chan", n=2),
                                quote("Gamma words", "Bo Chan", n=3)], {})
    assert out.index("Bo Chan") < out.index("Ann Lee")
    assert out.count("Bo Chan") == 1  # named once for its group
    assert "3 quotation(s), 2 speaker(s)" in out


def test_article_text_is_shown_literally():
    hostile = "[bold red]boom[/] :smile: \x1b[2J done"
    out = render(quotes_table, [quote(hostile, "Ann Lee")], {})
    assert "[bold red]boom[/]" in out
    assert ":smile:" in out
    assert "\x1b" not in out


def test_fits_in_80_columns():
    long = "word " * 60
    out = render(quotes_table, [quote(long.strip(), "Ann Lee")], {})
    assert max(len(line) for line in out.splitlines()) <= 80


def test_unknown_speaker_shows_candidates():
    q = quote("Who said this", None)
    q = q.__class__(**{**q.__dict__, "candidates": ("Ann Lee", "Bo Chan")})
    out = render(quotes_table, [q], {})
    assert "(unknown)" in out and "Ann Lee" in out


def test_speakers_table_lists_counts_per_source():
    rows = [{"speaker": "Ann Lee", "names": ["Ann Lee", "Lee"], "mentions": ["she"],
             "roles": [], "quotes": 3, "claims": 0, "per_source": {"001": 2, "002": 1}}]
    out = render(speakers_table, rows, ["001", "002"])
    assert "Ann Lee" in out and "Lee, she" in out


def test_speakers_table_summarises_many_sources_in_one_column():
    sources = [f"s{i:02d}" for i in range(20)]
    rows = [{"speaker": "Ann Lee", "names": [], "mentions": [], "roles": [], "quotes": 5,
             "claims": 1, "per_source": {"s01": 3, "s07": 2}}]
    out = render(speakers_table, rows, sources)
    assert "s07" not in out and "sources" in out
    line = next(line for line in out.splitlines() if "Ann Lee" in line)
    assert line.split()[-3:] == ["2", "5", "1"]  # 2 sources, 5 quotes, 1 claim


def test_a_long_source_id_leaves_the_quotation_readable():
    source = "nyt_2016-01-04_for-trump-lessons-from-a-brothers-struggle"
    out = render(quotes_table, [quote("We will build the bridge this year", "Ann Lee",
                                      source=source)], {})
    assert "We will build the bridge" in out  # the words stay on one line
    assert "nyt_2016-01-04" in out  # the id folds, it is not cut
    assert max(len(line) for line in out.splitlines()) <= 80


def test_show_tags_a_term_as_a_term_not_as_an_unknown_speaker():
    from summitcli.corpus import Document
    from summitcli.render.tables import show_document

    text = "Critics call it “the bridge to nowhere”, and “we will build it,” Ann Lee said."
    term = quote("the bridge to nowhere", None, n=1, kind="term")
    said = quote("we will build it,", "Ann Lee", n=2)
    term = term.__class__(**{**term.__dict__, "start": 16, "end": 37})
    said = said.__class__(**{**said.__dict__, "start": 45, "end": 62})
    doc = Document(id="001", path="a.txt", text=text, digest="x")
    out = render(show_document, doc, [term, said], [])
    assert "‹term›" in out and "(unknown)" not in out
    assert "Ann Lee (1)" in out and "scare quotes (1)" in out
