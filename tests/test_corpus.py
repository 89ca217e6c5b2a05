"""The corpus loader: ids, metadata, decoding, newline normalisation and boilerplate.

Example articles are invented for these tests.
"""
from __future__ import annotations

import pytest

from summitcli.corpus import load_corpus, resolve_id
from summitcli.errors import CorpusError, NotFoundError

ARTICLE = "Ministers met in Tallinn on Monday.\n\n“We will meet again soon,” said Anna Berg.\n"


def test_bundled_corpus_loads_with_numbered_ids():
    corpus = load_corpus()
    assert [d.id for d in corpus] == ["000", "001", "002", "003", "004"]
    assert corpus.warnings == []
    assert all(d.words > 100 and d.encoding == "utf-8" for d in corpus)


def test_seed_metadata_comes_from_corpus_yaml_and_the_text():
    docs = load_corpus().by_id()
    assert docs["000"].outlet == "Foreign Affairs"
    assert docs["000"].date == "2025-09-09"
    assert docs["003"].author == "Dr Ruth Deyermond"
    assert docs["004"].date == "2025-08-16"  # stated in the text: "date 2025-08-16"


@pytest.mark.parametrize("name, expected", [
    ("002_fc4b.txt", "002"), ("2-report.md", "2"), ("17.notes.txt", "17"),
    ("5c1452701e67.txt", "5c1452701e67"), ("plain-name.md", "plain-name"), ("2024.txt", "2024"),
])
def test_id_is_leading_number_with_separator_or_stem(make_corpus, name, expected):
    corpus = load_corpus(make_corpus({name: ARTICLE}))
    assert [d.id for d in corpus] == [expected]


def test_id_and_metadata_from_front_matter_win_over_corpus_yaml(make_corpus):
    root = make_corpus({
        "01_a.md": "---\nid: tallinn-talks\ntitle: Front title\n---\n" + ARTICLE,
        "corpus.yaml": "01_a.md:\n  title: Yaml title\n  outlet: The Harbour Post\n",
    })
    doc = load_corpus(root).get("tallinn-talks")
    assert (doc.title, doc.outlet) == ("Front title", "The Harbour Post")
    assert doc.text.startswith("---\nid:")  # front matter is kept and marked, not cut
    assert doc.skip[0][0] == 0 and doc.text[doc.skip[0][1]:].startswith("Ministers")


def test_corpus_yaml_as_list_of_files(make_corpus):
    root = make_corpus({"a.txt": ARTICLE,
                        "corpus.yaml": "articles:\n  - file: a.txt\n    outlet: Daily Ledger\n"})
    assert load_corpus(root).get("a").outlet == "Daily Ledger"


@pytest.mark.parametrize("head, date", [
    ("September 09, 2025", "2025-09-09"), ("14 August 2025", "2025-08-14"),
    ("date 2025-08-16", "2025-08-16"), ("Published: Sept. 3 2024", "2024-09-03"),
])
def test_date_line_near_the_top(make_corpus, head, date):
    doc = load_corpus(make_corpus({"a.txt": f"{head}\n\nHarbour Talks End Without a Deal\n\n"
                                   + ARTICLE}))
    assert doc.documents[0].date == date
    assert doc.documents[0].title == "Harbour Talks End Without a Deal"


def test_byline_gives_author(make_corpus):
    doc = load_corpus(make_corpus({"a.txt": "Harbour Talks End Without a Deal\nBy Mara Quist\n\n"
                                   + ARTICLE})).documents[0]
    assert doc.author == "Mara Quist"


@pytest.mark.parametrize("dateline, outlet", [
    ("OSLO (Reuters) - Norway's parliament voted on Tuesday to raise the levy.", "Reuters"),
    ("KYIV, Ukraine (AP) — Ukraine's parliament voted on Tuesday.", "AP"),
])
def test_wire_dateline_gives_outlet(make_corpus, dateline, outlet):
    doc = load_corpus(make_corpus({"a.txt": f"{dateline}\n\n" + ARTICLE})).documents[0]
    assert doc.outlet == outlet


@pytest.mark.parametrize("byline, author, outlet", [
    ("By Jordan Lee and Priya Shah, CNN", "Jordan Lee and Priya Shah", "CNN"),
    ("By Ana Ruiz, Reuters", "Ana Ruiz", "Reuters"),
    ("By Ana Ruiz, Staff Writer", "Ana Ruiz, Staff Writer", None),
])
def test_byline_with_several_authors_and_an_outlet(make_corpus, byline, author, outlet):
    doc = load_corpus(make_corpus({"a.txt": f"Harbour Talks End Without a Deal\n{byline}\n\n"
                                   + ARTICLE})).documents[0]
    assert (doc.author, doc.outlet) == (author, outlet)


@pytest.mark.parametrize("line", ["Updated 11:42 PM EST, Tue February 3, 2026",
                                  "Published: 9:05 a.m. Tuesday, 3 February 2026",
                                  "Last updated on Tuesday, Feb. 3, 2026"])
def test_web_date_lines_with_a_time_and_weekday(make_corpus, line):
    doc = load_corpus(make_corpus({"a.txt": f"Harbour Talks End Without a Deal\n{line}\n\n"
                                   + ARTICLE})).documents[0]
    assert doc.date == "2026-02-03"


def test_a_sentence_mentioning_a_date_is_not_a_date_line(make_corpus):
    text = ("Harbour Talks End Without a Deal\n\nThe mayor, who took office on "
            "February 3, 2026, said little.\n\n" + ARTICLE)
    assert load_corpus(make_corpus({"a.txt": text})).documents[0].date is None


def test_front_matter_outlet_wins_over_the_dateline(make_corpus):
    text = "---\noutlet: The Courier\n---\nOSLO (Reuters) - The vote passed.\n\n" + ARTICLE
    assert load_corpus(make_corpus({"a.txt": text})).documents[0].outlet == "The Courier"


def test_captions_related_links_credits_and_the_copyright_footer_are_boilerplate(make_corpus):
    text = (ARTICLE + "Image caption: Ruiz at the harbour on Monday. (Photo: Getty Images)\n\n"
            "Related: What the harbour deal means for fishermen\n\n"
            "Ola Brandt contributed to this report.\n\n"
            "© 2026 Harbour Media Group. All Rights Reserved.\nTerms of Use | Privacy Policy\n")
    doc = load_corpus(make_corpus({"a.txt": text})).documents[0]
    regions = [doc.text[s:e].strip() for s, e in doc.skip]
    assert regions == ["Image caption: Ruiz at the harbour on Monday. (Photo: Getty Images)",
                       "Related: What the harbour deal means for fishermen",
                       "Ola Brandt contributed to this report.",
                       "© 2026 Harbour Media Group. All Rights Reserved.\n"
                       "Terms of Use | Privacy Policy"]
    assert "Anna Berg" in doc.body()


def test_boilerplate_is_marked_not_deleted(make_corpus):
    text = "Skip to main content\n" + ARTICLE + "Leave a Reply\nNice piece!\n"
    doc = load_corpus(make_corpus({"a.txt": text})).documents[0]
    assert doc.text == text
    regions = [doc.text[s:e] for s, e in doc.skip]
    assert regions[0] == "Skip to main content"
    assert regions[-1].startswith("Leave a Reply") and regions[-1].endswith("Nice piece!\n")
    assert "Nice piece" not in doc.body() and "Anna Berg" in doc.body()


@pytest.mark.parametrize("raw, encoding, warned", [
    (ARTICLE.encode("utf-8"), "utf-8", False),
    (b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"), "utf-8", False),
    (ARTICLE.encode("utf-16"), "utf-16", False),
    (b"\xfe\xff" + ARTICLE.encode("utf-16-be"), "utf-16", False),
    (ARTICLE.encode("cp1252"), "cp1252", True),
])
def test_decoding_order_and_warnings(make_corpus, raw, encoding, warned):
    corpus = load_corpus(make_corpus({"a.txt": raw}))
    doc = corpus.documents[0]
    assert doc.text == ARTICLE  # no BOM left, quotes decoded right in every encoding
    assert doc.encoding == encoding
    assert bool(corpus.warnings) == warned
    if warned:
        assert corpus.warnings == ["a.txt: not valid UTF-8, read as cp1252"]


def test_offsets_refer_to_newline_normalised_text(make_corpus):
    raw = "First line.\r\nSecond line.\rThird “quoted” line.\n".encode("utf-8")
    doc = load_corpus(make_corpus({"a.txt": raw})).documents[0]
    assert doc.text == "First line.\nSecond line.\nThird “quoted” line.\n"
    start = doc.text.index("quoted")
    assert doc.text[start:start + 6] == "quoted"


def test_resolve_id_exact_numeric_prefix():
    ids = ["002", "010", "abc-report", "abd"]
    assert resolve_id("2", ids) == "002"
    assert resolve_id("0002", ids) == "002"
    assert resolve_id("abc", ids) == "abc-report"
    assert resolve_id(" 010 ", ids) == "010"


def test_ambiguous_prefix_lists_candidates():
    with pytest.raises(NotFoundError, match="ambiguous.*abc-report, abd"):
        resolve_id("ab", ["abc-report", "abd"])


def test_unknown_id_lists_closest():
    with pytest.raises(NotFoundError) as info:
        resolve_id("00x", ["001", "002", "zebra"])
    assert "no source with id '00x'" in str(info.value) and "closest: 00" in str(info.value)


def test_corpus_select_and_get(make_corpus):
    corpus = load_corpus(make_corpus({"01_a.txt": ARTICLE, "02_b.txt": ARTICLE}))
    assert [d.id for d in corpus.select(["2", "01", "02"])] == ["02", "01"]
    with pytest.raises(NotFoundError):
        corpus.get("9")


def test_numeric_ids_sort_numerically_even_when_huge(make_corpus):
    long_id = "9" * 150
    corpus = load_corpus(make_corpus({"10_a.txt": ARTICLE, "9_b.txt": ARTICLE,
                                      "x.txt": f"---\nid: '{long_id}'\n---\n" + ARTICLE}))
    assert [d.id for d in corpus] == ["9", "10", long_id]


def test_missing_folder_is_a_corpus_error(tmp_path):
    with pytest.raises(CorpusError, match="not found"):
        load_corpus(tmp_path / "nope")


def test_corpus_yaml_key_that_yaml_reads_as_a_date(make_corpus):
    root = make_corpus({"2025-08-16.txt": ARTICLE,
                        "corpus.yaml": "2025-08-16:\n  title: Talks in Tallinn\n"})
    assert load_corpus(root).documents[0].title == "Talks in Tallinn"


def test_colliding_leading_numbers_fall_back_to_file_stems(tmp_path):
    from summitcli.corpus import load_corpus

    (tmp_path / "2025-08-16.txt").write_text("First article.", encoding="utf-8")
    (tmp_path / "2025-08-17.txt").write_text("Second article.", encoding="utf-8")
    (tmp_path / "007_x.txt").write_text("Third article.", encoding="utf-8")
    ids = [d.id for d in load_corpus(tmp_path)]
    assert ids == ["007", "2025-08-16", "2025-08-17"]


def test_boilerplate_patterns_with_back_references_or_named_groups_still_work(monkeypatch):
    from summitcli import metadata

    sources = (("(?:(\\w+) and \\1)", False), ("(?:(?P<n>ads?) by .*)", True),
               ("(?:advertisement)", False))
    cached = (metadata._boilerplate_patterns, metadata._boilerplate_combined)
    for fn in cached:
        fn.cache_clear()
    monkeypatch.setattr(metadata, "_boilerplate_sources", lambda: sources)
    try:
        assert metadata._boilerplate_combined() is None  # tried one by one
        assert metadata._boilerplate_tail("more and more") is False
        assert metadata._boilerplate_tail("Ads by Example") is True
        assert metadata._boilerplate_tail("more and less") is None
    finally:
        for fn in cached:
            fn.cache_clear()


def test_the_first_boilerplate_pattern_that_matches_decides():
    from summitcli import metadata

    assert metadata._boilerplate_combined() is not None
    assert metadata._boilerplate_tail("Leave a Reply") is True
    assert metadata._boilerplate_tail("Advertisement") is False
    assert metadata._boilerplate_tail("An ordinary sentence of the article.") is None
