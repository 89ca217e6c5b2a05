"""Finding quoted spans: marks, nesting, interruptions, paragraphs, damaged marks, kinds."""
from __future__ import annotations

import pytest

from summitcli.quotes import quotes_in_text


def texts(doc: str, **kw) -> list[str]:
    return [q.text for q in quotes_in_text(doc, **kw)]


def by_text(doc: str, text: str):
    found = [q for q in quotes_in_text(doc) if q.text == text]
    assert found, f"{text!r} not found in {[q.text for q in quotes_in_text(doc)]}"
    return found[0]


def test_offsets_point_at_the_quoted_words():
    doc = "Mayor Ellen Park spoke.\n\n“The bridge will reopen in May,” Park said.\n"
    for q in quotes_in_text(doc, "news"):
        assert doc[q.start:q.end] == q.text
        assert doc[q.speaker_start:q.speaker_end] == q.speaker_mention
        assert q.id.startswith("news:q") and q.utterance.startswith("news:u")


def test_curly_and_straight_double_quotes():
    doc = 'She said "we are ready" and later “we are still ready.”'
    assert texts(doc) == ["we are ready", "we are still ready."]


def test_mixed_glyphs_pair_by_shape():
    doc = 'Voters would “definitely not support" him, the poll found.'
    assert texts(doc) == ["definitely not support"]


def test_interrupted_quotation_shares_one_utterance():
    doc = ("Mayor Ellen Park spoke on Monday.\n\n"
           "“The bridge will reopen in May,” Park said, “and the tolls will stay where they are.”\n")
    a, b = quotes_in_text(doc)
    assert a.utterance == b.utterance
    assert a.speaker == b.speaker == "Ellen Park"


def test_new_sentence_after_attribution_is_a_new_utterance_with_the_same_speaker():
    doc = "“We played well,” coach Dana Whitfield said. “Next week is another story.”\n"
    a, b = quotes_in_text(doc)
    assert a.utterance != b.utterance
    assert b.speaker == "Dana Whitfield" and b.rule == "continuation"


def test_nested_quote_inside_a_quote():
    doc = ("Governor Tom Reyes was blunt. “My father always told me ‘never promise what you "
           "cannot pay for,’ and I believe it,” Reyes said.\n")
    outer = by_text(doc, "My father always told me ‘never promise what you cannot pay for,’ "
                         "and I believe it,")
    inner = by_text(doc, "never promise what you cannot pay for,")
    assert outer.speaker == "Tom Reyes"
    assert inner.utterance != outer.utterance
    assert inner.speaker_mention == "My father" and inner.rule == "nested-cue"


def test_nested_quote_of_the_speakers_own_words():
    doc = "The minister, Oskar Vang, disagreed. “I said ‘not this week’ for a reason,” Vang said."
    inner = by_text(doc, "not this week")
    assert inner.speaker == "Oskar Vang" and inner.kind == "fragment" and inner.rule == "nested-self"


def test_nested_double_quote_of_another_family():
    doc = 'Dr. Ann Ward stated: "The agency is not about “Equal Justice” at all," she added.'
    assert "Equal Justice" in texts(doc)
    assert 'The agency is not about “Equal Justice” at all,' in texts(doc)


def test_closing_mark_without_opener_starts_at_the_sentence():
    doc = ("“The plan is sound,” Reyes said. So the council has a choice: approve it now or "
           "wait another year.”\n\nThe vote is on Friday. “It will pass,” an aide said.\n")
    q = by_text(doc, "So the council has a choice: approve it now or wait another year.")
    assert q.kind_rule == "no-opener" and q.speaker == "Reyes"
    # the damage does not spread: the next paragraph is read normally
    assert by_text(doc, "It will pass,").speaker_mention == "an aide"


def test_opener_that_never_closes_ends_at_the_paragraph():
    doc = "He said “we will win this thing\n\nThe next paragraph has “a term” in it.\n"
    assert texts(doc) == ["we will win this thing", "a term"]


def test_multi_paragraph_quotation():
    doc = ("The coach described the season.\n\n"
           "“We lost too many close games. We have to be tougher at the end.\n\n"
           "“Next year will be different,” said coach Dana Whitfield.\n")
    a, b = quotes_in_text(doc)
    assert a.text.startswith("We lost") and b.text.startswith("Next year")
    assert a.utterance == b.utterance
    assert a.speaker == b.speaker == "Dana Whitfield"
    assert a.paragraph == 1 and b.paragraph == 2


def test_quotation_running_over_a_line_break():
    doc = "Smith wrote in a letter: “The rules are clear.\nWe expect them to be followed.”\n"
    assert texts(doc) == ["The rules are clear.\nWe expect them to be followed."]


def test_apostrophes_are_not_quotation_marks():
    doc = ("The band’s manager said rock 'n' roll was back, like in the '90s, and that fans "
           "don’t care about the players' egos.\n")
    assert texts(doc) == []


def test_single_quotes_used_as_quotation_marks():
    doc = "Drones hunted civilians in a ‘human safari’, the report said. Critics called it 'cruel'."
    assert texts(doc) == ["human safari", "cruel"]


@pytest.mark.parametrize("doc,expected", [
    ("Le ministre Paul Girard a répondu : « Nous ne céderons pas », puis il est parti.",
     "Nous ne céderons pas"),
    ("Die Ministerin Eva Roth sagte: „Wir schaffen das“, und ging.", "Wir schaffen das"),
])
def test_guillemets_and_low_high_quotes(doc, expected):
    assert texts(doc) == [expected]


def test_markup_attributes_are_not_quotations():
    doc = 'Read it here: <tweet author="someone" id="123">Big news today</tweet>.\n'
    assert texts(doc) == []


def test_skip_regions_are_ignored():
    doc = "“Real quote,” she said.\n\nSubscribe to our “Daily Brief” newsletter.\n"
    cut = doc.index("Subscribe")
    assert texts(doc, skip=[(cut, len(doc))]) == ["Real quote,"]


def test_ids_are_in_document_order_and_stable():
    doc = "“One,” he said. “Two,” she said.\n\n“Three,” they said.\n"
    first = quotes_in_text(doc, "x")
    assert [q.id for q in first] == ["x:q1", "x:q2", "x:q3"]
    assert first == quotes_in_text(doc, "x")


# -- kinds -------------------------------------------------------------------------------

def test_speech_when_a_whole_sentence_is_quoted_with_a_cue():
    q = by_text("“We will not raise taxes this year,” the minister said.", "We will not raise taxes this year,")
    assert q.kind == "speech"


def test_fragment_inside_the_authors_sentence():
    doc = "Senator Maria Lopez called the bill “a gift to lobbyists” on Tuesday."
    q = by_text(doc, "a gift to lobbyists")
    assert q.kind == "fragment" and q.speaker == "Maria Lopez"


def test_scare_quotes_and_names_are_terms():
    doc = ("Critics mocked the so-called “victory lap” of the minister. The deal, dubbed "
           "“The Big Swap,” was signed.\n")
    assert by_text(doc, "victory lap").kind == "term"
    big = by_text(doc, "The Big Swap,")
    assert big.kind == "term" and big.kind_rule == "term-lead"


def test_word_used_unquoted_elsewhere_is_a_term():
    doc = ("There was no deal in the end. It was hardly a “deal” in any real sense. "
           "A deal needs two sides.\n")
    q = by_text(doc, "deal")
    assert q.kind == "term" and q.speaker is None


def test_pull_quote_without_marks():
    doc = ("Opening paragraph of the analysis.\n\n"
           "The summit tells the world that old rules no longer hold– Dr Jane Roe, Senior Lecturer\n\n"
           "Body text continues.\n")
    q = quotes_in_text(doc)[0]
    assert q.text == "The summit tells the world that old rules no longer hold"
    assert q.speaker == "Jane Roe" and q.kind == "speech"


def test_hostile_input_does_not_blow_up():
    doc = "“" * 20000 + "'" * 20000 + ("a “b " * 5000) + "\n" * 1000
    quotes = quotes_in_text(doc)
    assert all(doc[q.start:q.end] == q.text for q in quotes)


def test_titles_of_shows_and_books_are_terms():
    doc = "“We will win,” Senator Ann Lee said on MSNBC’s “Morning Joe Live” on Friday."
    q = by_text(doc, "Morning Joe Live")
    assert q.kind == "term" and q.speaker is None


def test_two_apostrophes_typed_as_a_double_mark():
    doc = ("The envoy left early. ''That was not a good way to treat me,'' he complained. "
           "Critics called it ''a snub.''\n")
    assert texts(doc) == ["That was not a good way to treat me,", "a snub."]
    assert quotes_in_text(doc)[0].kind == "speech"


def test_marks_as_written_are_reported():
    doc = "He said « oui » and “no” and ‘maybe’ and ''yes'' today."
    assert [q.marks for q in quotes_in_text(doc)] == ["«»", "“”", "‘’", "''''"]


def test_a_feet_and_inches_measure_is_not_a_quotation():
    text = ("The club signed a centre who stands 6'11\" and is still growing.\n\n"
            "\"He is the tallest we have had,\" coach Ana Ruiz said.")
    assert [q.text for q in quotes_in_text(text)] == ["He is the tallest we have had,"]


def test_a_single_marked_quotation_may_contain_a_double_marked_one():
    text = "‘The clerk told me “the hall is booked”, and that was that,’ Mrs Amos said.\n"
    quotes = quotes_in_text(text)
    outer = next(q for q in quotes if q.text.startswith("The clerk"))
    inner = next(q for q in quotes if q.text == "the hall is booked")
    assert outer.text == "The clerk told me “the hall is booked”, and that was that,"
    assert outer.speaker_mention == "Mrs Amos" or outer.speaker == "Amos"
    assert inner.utterance != outer.utterance


def test_a_single_quoted_span_never_crosses_a_double_quotation_left_open():
    text = ("'Chaired by Ana Ruiz, the panel said it “largely agreed” with the report. Nobody "
            "knew what “meant—and the rest followed. The members’ plan, she said, was sound."
            "\n\nThe vote is on Monday.\n")
    spans = sorted((q.start, q.end) for q in quotes_in_text(text))
    for i, (s1, e1) in enumerate(spans):
        for s2, e2 in spans[i + 1:]:
            assert s2 >= e1 or e2 <= e1, f"{(s1, e1)} crosses {(s2, e2)}"
