"""Which quotation marks a document prints speech in: its house style.

US and most European news prints speech in double marks and keeps single marks for quotes
nested inside them and for headlines. Some houses do the opposite (much British and
Australian copy prints ‘…’ for speech), and plain-text archives often type two apostrophes
('') for a double mark. A reader of such a document expects its single-marked quotations to be
its quotations, so ``summit quotes`` decides per document from the document's own quotations.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the CLI imports this module at start-up; records are not needed to run it
    from summitcli.records import Quote

DOUBLE_MARKS = frozenset('"“”„‟«»')


def in_double_marks(marks: str) -> bool:
    """Printed in double marks? An unmarked pull-quote counts as double."""
    return not marks or any(ch in DOUBLE_MARKS for ch in marks)


def single_marked_sources(quotes: Iterable["Quote"]) -> frozenset[str]:
    """Sources whose speech is printed in single marks.

    Counts each document's outermost quotations, leaving out terms (titles, scare quotes): a
    document prints speech in single marks when those in single marks outnumber those in
    double marks more than two to one, so a headline or two in single marks over a body in
    double marks does not tip it. Quotes nested inside another quotation do not count, since
    nesting flips the marks whatever the house style.
    """
    by_source: dict[str, list["Quote"]] = {}
    for q in quotes:
        by_source.setdefault(q.source, []).append(q)
    return frozenset(src for src, qs in by_source.items() if _prints_single(qs))


def _prints_single(quotes: list["Quote"]) -> bool:
    spans = sorted((q.start, -q.end) for q in quotes)
    outer_end = -1
    outermost: set[tuple[int, int]] = set()
    for start, neg_end in spans:
        end = -neg_end
        if end > outer_end:
            outermost.add((start, end))
            outer_end = end
    single = double = 0
    for q in quotes:
        if q.kind == "term" or (q.start, q.end) not in outermost:
            continue
        if in_double_marks(q.marks):
            double += 1
        else:
            single += 1
    return single > 2 * double
