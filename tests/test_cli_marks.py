"""`summit quotes --marks`: choose quotations by the marks they were printed in.

The default lists quotations in double marks (news body text); single-marked ones
(nested quotes, headline style, plain-text '' conversions) need --marks any.
"""
import json

from typer.testing import CliRunner

from summitcli.cli import app, marks_match, Marks


def test_marks_classes():
    assert marks_match("“”", Marks.double) and not marks_match("“”", Marks.single)
    assert marks_match("‘’", Marks.single) and not marks_match("‘’", Marks.double)
    assert marks_match("''''", Marks.single)  # doubled apostrophes are apostrophe marks
    assert marks_match("”", Marks.double)  # a dropped opener still prints a double mark
    assert marks_match("", Marks.double)  # an unmarked pull-quote
    assert marks_match("‘’", Marks.any) and marks_match("‘’", None)


def test_quotes_marks_filter_on_a_corpus(tmp_path, monkeypatch):
    monkeypatch.setenv("SUMMIT_CACHE_DIR", str(tmp_path / "cache"))
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text(
        "“We will build the bridge this year,” Mayor Ana Ruiz said on Monday.\n\n"
        "Critics called it a ‘bridge to nowhere’, and Ruiz said: ‘We will see who is right.’\n",
        encoding="utf-8")
    runner = CliRunner()
    both = json.loads(runner.invoke(app, ["quotes", "--corpus", str(corpus), "--kind", "all",
                                          "--marks", "any", "--json"]).stdout)
    double = json.loads(runner.invoke(app, ["quotes", "--corpus", str(corpus), "--kind", "all",
                                            "--json"]).stdout)
    single = json.loads(runner.invoke(app, ["quotes", "--corpus", str(corpus), "--kind", "all",
                                            "--marks", "single", "--json"]).stdout)
    assert [q["text"] for q in double] == ["We will build the bridge this year,"]
    assert {q["text"] for q in single} == {"bridge to nowhere", "We will see who is right."}
    assert len(both) == len(double) + len(single)


def test_table_footer_says_how_many_single_marked_quotations_are_hidden(tmp_path, monkeypatch):
    monkeypatch.setenv("SUMMIT_CACHE_DIR", str(tmp_path / "cache"))
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.txt").write_text(
        "“We will build the bridge this year,” Mayor Ana Ruiz said on Monday.\n\n"
        "Ruiz said: ‘We will see who is right.’\n", encoding="utf-8")
    out = CliRunner().invoke(app, ["quotes", "--corpus", str(corpus)]).stdout
    assert "1 in single marks not shown (--marks any)" in out
