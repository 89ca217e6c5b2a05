"""Interview and press-conference transcripts: labelled paragraphs are quotations.

Hand-written articles in transcript house styles (capitalised surnames, markdown bold names,
Q/A with an introduction) and look-alikes that are not transcripts.
"""
from summitcli.quotes import quotes_in_text

NEWSROOM = """Governor defends budget on Sunday show

Governor Maria Lindqvist appeared on the program to defend her budget. Host Dan Okafor pressed her on the cuts.

OKAFOR: You cut school funding by four percent. How do you explain that to parents?

LINDQVIST: We did not cut a single classroom. We cut administration, and I am proud of it.

The budget office backs those figures, and the teachers' union has said “no classroom” was touched.

OKAFOR: The union disagrees.

LINDQVIST: Then they should read the budget.
"""

MARKDOWN = """---
title: "The mayor on housing"
---

We spoke to Mayor Lena Ortiz about her housing plan.

**City Weekly:** Why now?

**Lena Ortiz:** Because rents have doubled in five years. We cannot wait.

**City Weekly:** Critics say the plan is too expensive.

**Lena Ortiz:** "Too expensive" compared to what? Doing nothing costs more.
"""

QA = """Q&A: the coach who never loses

Coach Priya Natarajan has won four titles in six years. Natarajan spoke to us before the final.

Q: What is the secret?

A: There is no secret. We practise more than anyone else.

Q: Will you win on Saturday?

A: Nobody wins every game.

We talked for another hour, mostly about her dogs.
"""


def _turns(doc):
    return [q for q in quotes_in_text(doc) if q.kind_rule == "turn"]


def _by_text(quotes):
    return {q.text: q for q in quotes}


def test_capitalised_surname_labels_are_the_speakers_turns():
    turns = _by_text(_turns(NEWSROOM))
    answer = "We did not cut a single classroom. We cut administration, and I am proud of it."
    assert turns[answer].speaker == "Maria Lindqvist"
    assert turns[answer].speaker_mention == "LINDQVIST"
    assert turns[answer].cue == ":" and turns[answer].kind == "speech"
    assert turns[answer].marks == ""
    assert turns["You cut school funding by four percent. How do you explain that to parents?"
                 ].speaker == "Dan Okafor"
    assert turns["Then they should read the budget."].speaker == "Maria Lindqvist"
    for q in turns.values():
        assert NEWSROOM[q.start:q.end] == q.text
        assert NEWSROOM[q.speaker_start:q.speaker_end] == q.speaker_mention


def test_a_prose_paragraph_between_turns_continues_the_turn_before_it():
    turns = _by_text(_turns(NEWSROOM))
    prose = ("The budget office backs those figures, and the teachers' union has said "
             "“no classroom” was touched.")
    assert turns[prose].speaker == "Maria Lindqvist"
    assert turns[prose].rule == "continuation"


def test_marked_quotation_inside_a_turn_is_nested_in_it():
    quotes = quotes_in_text(MARKDOWN)
    nested = [q for q in quotes if q.text == "Too expensive"]
    assert len(nested) == 1 and nested[0].rule == "nested"
    turn = _by_text(_turns(MARKDOWN))['"Too expensive" compared to what? Doing nothing costs more.']
    assert turn.speaker == "Lena Ortiz" and turn.speaker_mention == "Lena Ortiz"


def test_markdown_bold_labels_and_the_interviewer_outlet():
    turns = _by_text(_turns(MARKDOWN))
    assert turns["Because rents have doubled in five years. We cannot wait."].speaker == "Lena Ortiz"
    assert turns["Why now?"].speaker == "City Weekly"


def test_answers_belong_to_the_person_the_introduction_is_about_and_questions_are_left_out():
    turns = _turns(QA)
    assert [q.text for q in turns] == [
        "There is no secret. We practise more than anyone else.", "Nobody wins every game."]
    assert {q.speaker for q in turns} == {"Priya Natarajan"}
    assert {q.speaker_mention for q in turns} == {"A"}


def test_trailing_prose_after_the_last_turn_is_the_author_again():
    assert all("dogs" not in q.text for q in quotes_in_text(QA))


def test_scoreboards_notes_and_headlines_are_not_transcripts():
    scoreboard = ("Delegate count\n\nWhere the race stands after Tuesday.\n\n"
                  "Clinton: 2,316.\n\nSanders: 1,501.\n\nClinton: 2,320.\n\nSanders: 1,510.\n")
    notes = ("Senator Kim: ‘We will vote no’\n\nSenator Ada Kim said she would vote no.\n\n"
             "Update: The vote was moved to Friday.\n\n"
             "Correction: An earlier version misspelled a name.\n\n"
             "Update: The vote passed.\n\nCorrection: A date was wrong.\n")
    assert _turns(scoreboard) == []
    assert _turns(notes) == []


def test_one_labelled_paragraph_is_not_a_transcript():
    doc = ("Council votes\n\nThe council met on Monday.\n\n"
           "Ana Ruiz: The bridge will be built this year, whatever the cost.\n\n"
           "The vote was seven to two.\n")
    assert _turns(doc) == []


def test_a_turn_that_is_one_marked_quotation_is_not_listed_twice():
    doc = ("Debate night\n\nThe two candidates met in Denver.\n\n"
           "MORALES: “We will win this state.”\n\nBRENNAN: “We already have.”\n\n"
           "MORALES: “Then count again.”\n\nBRENNAN: “Count all you like.”\n")
    texts = [q.text for q in quotes_in_text(doc) if q.kind == "speech"]
    assert texts.count("We will win this state.") == 1
    assert _turns(doc) == []


def test_compare_matches_a_transcript_answer_with_the_outlets_quoting_it(tmp_path, monkeypatch):
    import json

    from typer.testing import CliRunner

    from summitcli.cli import app

    monkeypatch.setenv("SUMMIT_CACHE_DIR", str(tmp_path / "cache"))
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "001_transcript.txt").write_text(NEWSROOM, encoding="utf-8")
    (corpus / "002_daily.txt").write_text(
        "Lindqvist defends cuts\n\nGovernor Maria Lindqvist defended her budget on Sunday.\n\n"
        "“We cut administration, and I'm proud of it,” Lindqvist said.\n", encoding="utf-8")
    run = CliRunner().invoke(app, ["compare", "--corpus", str(corpus), "--json"])
    assert run.exit_code == 0, run.output
    shared = json.loads(run.stdout)["statements"]
    assert [(s["sources"], s["speakers"]) for s in shared] == [
        (["001", "002"], ["Maria Lindqvist"])]


def test_a_list_of_where_the_candidates_stand_is_not_a_transcript():
    doc = ("Where they stand\n\nThe two candidates differ on most issues.\n\n"
           "Lee: Supports a higher minimum wage and a new transit levy.\n\n"
           "Ruiz: Opposes the levy and wants lower property taxes.\n\n"
           "Lee: Backs the stadium plan.\n\nRuiz: Calls the stadium plan a waste.\n")
    assert _turns(doc) == []
