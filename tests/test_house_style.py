"""Which documents print their speech in single marks (library layer)."""
from summitcli.house_style import in_double_marks, single_marked_sources
from summitcli.records import Quote


def _q(source, start, end, marks, kind="speech", paragraph=1):
    return Quote(id=f"{source}:{start}", source=source, text="x" * (end - start), start=start,
                 end=end, kind=kind, kind_rule="test", speaker=None, speaker_mention=None,
                 speaker_start=None, speaker_end=None, cue=None, rule="test", utterance="u",
                 marks=marks, paragraph=paragraph)


def test_double_marked_news_with_nested_and_headline_singles_is_double_style():
    quotes = [_q("a", 0, 10, "‘’", paragraph=0),                  # headline
              _q("a", 20, 80, "“”"), _q("a", 30, 40, "‘’"),       # nested inside the first
              _q("a", 90, 95, "“”"),
              _q("a", 100, 120, "‘’", kind="term")]                # a scare-quoted term
    assert single_marked_sources(quotes) == frozenset()


def test_single_marked_speech_outnumbering_double_two_to_one_is_single_style():
    uk = [_q("uk", 20, 60, "‘’"), _q("uk", 80, 90, "‘’"), _q("uk", 100, 130, "“”"),
          _q("uk", 140, 150, "‘’")]
    even = [_q("ev", 20, 60, "‘’"), _q("ev", 80, 90, "‘’"), _q("ev", 100, 130, "“”")]
    archive = [_q("nyt", 10, 30, "''''")]
    assert single_marked_sources(uk + even + archive) == frozenset({"uk", "nyt"})


def test_unmarked_pull_quotes_and_dropped_openers_count_as_double():
    assert in_double_marks("") and in_double_marks("”") and not in_double_marks("‘’")
