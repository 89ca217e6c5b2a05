"""The word diff under a reworded statement reads without colour."""
from summitcli.render.compare_view import diff_line


def test_diff_line_marks_deletions_insertions_and_substitutions():
    ops = [{"op": "equal", "base": ["Many", "points"], "words": ["Many", "points"]},
           {"op": "replace", "base": ["to,"], "words": ["upon,"]},
           {"op": "delete", "base": ["just"], "words": []},
           {"op": "insert", "base": [], "words": ["very"]}]
    assert diff_line(ops).plain == "Many points [-to,-]{+upon,+} [-just-] {+very+}"


def test_diff_line_keeps_article_text_inert():
    ops = [{"op": "replace", "base": ["[bold]x[/]"], "words": ["\x1b[2J"]}]
    plain = diff_line(ops).plain
    assert "[bold]x[/]" in plain and "\x1b" not in plain
