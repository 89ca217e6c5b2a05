"""`summit quotes --marks`: choose quotations by the marks they were printed in.

The default (auto) lists each document's quotations in its house style: double marks in
most news, where single marks are nested quotes or headline style; every quotation in a
document that prints its speech in single marks (British style, plain-text '' conversions).
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


def _quotes_json(corpus, *args):
    out = CliRunner().invoke(app, ["quotes", "--corpus", str(corpus), "--json", *args])
    assert out.exit_code == 0, out.output
    return json.loads(out.stdout)


def _corpus(tmp_path, monkeypatch, files: dict[str, str]):
    monkeypatch.setenv("SUMMIT_CACHE_DIR", str(tmp_path / "cache"))
    corpus = tmp_path / "c"
    corpus.mkdir()
    for name, text in files.items():
        (corpus / name).write_text(text, encoding="utf-8")
    return corpus


BRITISH = ("Council backs new footbridge\n\n"
           "Council leader Mary Quill said the bridge was ‘long overdue’.\n\n"
           "‘We have listened to every concern,’ she told reporters. ‘Doing nothing is not an "
           "option.’\n\n"
           "Local resident Tom Hale, 64, said: ‘It’s an eyesore. Nobody asked us.’\n")
AMERICAN = ("Mayor says ‘no new taxes’\n\n"
            "“We will not raise taxes, and I told them ‘no new taxes’ twice,” Mayor Ana Ruiz said.\n")


def test_auto_lists_single_marked_speech_in_a_document_that_prints_speech_so(tmp_path,
                                                                             monkeypatch):
    corpus = _corpus(tmp_path, monkeypatch, {"uk.txt": BRITISH, "us.txt": AMERICAN})
    got = {(q["source"], q["text"]) for q in _quotes_json(corpus)}
    assert ("uk", "It’s an eyesore. Nobody asked us.") in got
    assert ("uk", "We have listened to every concern,") in got
    # the American article's nested and headline single marks stay out by default
    assert {t for s, t in got if s == "us"} == {
        "We will not raise taxes, and I told them ‘no new taxes’ twice,"}
    assert {q["text"] for q in _quotes_json(corpus, "--marks", "double")} == {
        "We will not raise taxes, and I told them ‘no new taxes’ twice,"}


def test_house_style_is_judged_on_the_whole_document_not_the_filtered_rows(tmp_path,
                                                                          monkeypatch):
    corpus = _corpus(tmp_path, monkeypatch, {"uk.txt": BRITISH})
    hale = _quotes_json(corpus, "hale")
    assert [q["text"] for q in hale] == ["It’s an eyesore. Nobody asked us."]
