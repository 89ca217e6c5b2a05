"""Transcripts: a paragraph that opens with a speaker's label is that speaker's quotation.

Interviews and press conferences are often printed as a transcript, with no quotation marks:
``TAPPER: Do you think …``, ``**Lena Ortiz:** Because rents …``, ``Q: … / A: …``. Each labelled
turn is a quotation (``recovered == "turn"``, no marks) whose speaker is the label; a
paragraph without a label between two turns continues the turn before it. Quotations in
marks inside a turn become nested quotations of the turn.

A document counts as a transcript only when at least two labels each open two or more
paragraphs (questions and answers count as two labels) and most labelled paragraphs read as
speech (I, we, you, a question), so a one-off "Update:" line, a scoreboard ("Clinton: 2,316.")
or a list of where candidates stand ("Lee: Backs the levy.") never becomes a quotation. Turns with a question label are
the unnamed interviewer's and are not listed; an answer label ("A:") names the person the
article mentions most before the first turn. The label lists are in
``data/transcripts.yaml``.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass
from functools import cache
from itertools import islice

from .datafiles import load_data

# a label: up to four words, the first capitalised, an optional "(R-Texas)", then a colon,
# with markdown bold around the label, the colon or both
_LABEL = re.compile(
    r"(?:\*\*|__)?(?P<label>[A-Z][\w.’'\-]*(?:[ \u00a0][\w.’'\-]+){0,3}?)"
    r"(?:[ \u00a0]\([^()\n]{1,30}\))?(?:\*\*|__)?[ \u00a0]*(?P<colon>:)(?:\*\*|__)?[ \u00a0]+"
    r"(?:\*\*|__)?(?=\S)")
# cheap test for label lines in a document (a line break, not "^", lets the engine skip
# ahead; the first line is the headline and never a turn)
_ANY_LABEL = re.compile(r"\n[ \t]*(?:\*\*|__)?[A-Z][^\n:]{0,60}:[ \t*_]")
_PARTICLES = frozenset("de da del della di van von der den la le al bin ibn ben st. of".split())


@dataclass(frozen=True)
class Turn:
    """One labelled paragraph (or a continuation of one: ``label_start == -1``)."""

    para: int
    start: int  # the turn's words, after the label
    end: int
    label_start: int
    label_end: int
    colon: int
    answer: bool = False  # an answer label ("A:") rather than a name


@cache
def _lexicon() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    data = load_data("transcripts.yaml") or {}

    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in data.get(key) or ())
    return words("question_labels"), words("answer_labels"), words("not_speakers")


def turns(text: str, paras, skipped=None) -> list[Turn]:
    """The transcript turns of a document, in order; [] when it is not a transcript."""
    labelled, counts = _scan(text, paras, skipped)
    if not counts:
        return []
    questions, answers, _ = _lexicon()
    return _collect(text, labelled, counts, questions, answers)


def _scan(text: str, paras, skipped=None):
    """Each paragraph with its label match and key, and the keys that count (two or more
    paragraphs each, at least two different ones); no keys when it is not a transcript."""
    if sum(1 for _ in islice(_ANY_LABEL.finditer(text), 4)) < 4:
        return [], {}  # two labels opening two paragraphs each: at least four label lines
    questions, answers, never = _lexicon()
    labelled: list[tuple[int, int, int, re.Match | None, str]] = []
    for n, (lo, hi) in enumerate(paras):
        if n == 0 or (skipped is not None and skipped(lo)):
            labelled.append((n, lo, hi, None, ""))  # the headline is never a turn
            continue
        m = _LABEL.match(text, lo, hi)
        key = _label_key(m, text, hi, never) if m else ""
        labelled.append((n, lo, hi, m if key else None, key))
    counts = {k: c for k, c in Counter(key for *_, key in labelled if key).items() if c >= 2}
    kinds = {"question" if k in questions else "answer" if k in answers else k for k in counts}
    if len(kinds) < 2 or not _spoken(text, [(m.end(), hi) for _n, _lo, hi, m, key in labelled
                                            if key in counts]):
        return labelled, {}
    return labelled, counts


# a word only speech uses: the speaker or the listener in person
_IN_PERSON = re.compile(r"\b(?:I|I['’](?:m|ve|ll|d)|me|my|we|we['’](?:re|ve|ll|d)|us|our|you|"
                        r"you['’](?:re|ve|ll|d)|your)\b|\?", re.I)


def _spoken(text: str, turns: list[tuple[int, int]]) -> bool:
    """Do most labelled paragraphs read as speech (I, we, you, a question)? A list of where
    the candidates stand ("Lee: Wants a wall.") does not."""
    spoken = sum(1 for a, b in turns if _IN_PERSON.search(text, a, b))
    return 2 * spoken >= len(turns)


def _first_label(text: str, paras) -> int:
    """Where the first turn (a question included) starts; the text's end if none."""
    labelled, counts = _scan(text, paras)
    return next((lo for _n, lo, _hi, _m, key in labelled if key in counts), len(text))


def _label_key(m: re.Match, text: str, hi: int, never: frozenset[str]) -> str:
    """The label in lower case when it can name a speaker and a real turn follows, else ''."""
    label = m.group("label")
    words = label.split()
    if label.lower() in never or not all(w[:1].isupper() or w.lower() in _PARTICLES
                                         for w in words):
        return ""
    said = text[m.end():hi]
    if not any(c.islower() for c in said):
        return ""  # "Clinton: 2,316." is a scoreboard line
    return label.lower()


def _collect(text, labelled, counts, questions, answers) -> list[Turn]:
    out: list[Turn] = []
    last_turn = max(i for i, (*_, key) in enumerate(labelled) if key in counts)
    current: Turn | None = None  # the answer being continued, None after a question
    for i, (n, lo, hi, m, key) in enumerate(labelled):
        end = _trim(text, lo, hi)
        if key in counts:
            if key in questions:
                current = None
                continue
            current = Turn(n, m.end(), end, m.start("label"), m.end("label"), m.start("colon"),
                           answer=key in answers)
            out.append(current)
        elif current is not None and i < last_turn and m is None and _has_words(text, lo, end):
            out.append(Turn(n, lo, end, -1, -1, -1, current.answer))
        else:
            current = None
    return out


def _has_words(text: str, lo: int, hi: int) -> bool:
    return any(c.islower() for c in text[lo:hi])


def _trim(text: str, lo: int, hi: int) -> int:
    while hi > lo and text[hi - 1] in " \t\u00a0*_":
        hi -= 1
    return hi


def nest_in_turns(spans: list, found: list[Turn], new_utterance) -> list:
    """Add a span per turn to the quoted ``spans``; marked quotations inside a turn nest.

    A turn that is itself one marked quotation (``A: “We won.”``) adds nothing. Spans are
    :class:`summitcli.quote_pairing.Span`; ``new_utterance()`` numbers a turn and the
    paragraphs continuing it.
    """
    from .quote_pairing import Span

    out = list(spans)
    ordered = sorted(spans, key=lambda x: x.start)
    starts = [x.start for x in ordered]
    utterance = None
    for t in found:
        lo, hi = bisect_left(starts, t.start - 1), bisect_right(starts, t.end + 1)
        inside = [x for x in ordered[lo:hi] if x.end <= t.end + 1]
        if any(x.depth == 0 and _marked_length(x) >= 0.9 * (t.end - t.start) for x in inside):
            utterance = None
            continue
        for x in inside:
            x.depth += 1
        if t.label_start >= 0 or utterance is None:
            utterance = new_utterance()
        out.append(Span(t.start, t.end, -1, t.end, t.para, recovered="turn", utterance=utterance))
    return out


def _marked_length(span) -> int:
    return (span.close_end if span.open_at >= 0 else span.end) - max(span.open_at, span.start)


def label_at(text: str, lo: int, hi: int) -> Turn | None:
    """The label opening the paragraph text[lo:hi], if any (for a turn span's attribution)."""
    m = _LABEL.match(text, lo, hi)
    if m is None:
        return None
    answer = m.group("label").lower() in _lexicon()[1]
    return Turn(-1, m.end(), hi, m.start("label"), m.end("label"), m.start("colon"), answer)


def label_speaker(text: str, turn: Turn, people, resolved: str | None) -> str | None:
    """Who a turn's label names: the person the introduction is about (an answer label), the
    person it resolves to in the document, a person whose name ends with a capitalised
    label ("FALLIN" → Mary Fallin), or the label itself (in title case if capitalised)."""
    intro, fuller = _document_names(text, people)
    if turn.answer:
        return intro
    name = resolved or text[turn.label_start:turn.label_end]
    if name.isupper() or " " not in name:  # "LINDQVIST": the fuller name the article gives
        name = fuller.get(name.split()[-1].lower(), name)
    return name.title() if name.isupper() else name


_LAST: list = [None, None, None]  # the last document asked about: text, people, answers


def _document_names(text: str, people) -> tuple[str | None, dict[str, str]]:
    """(the interviewee, last word → the first full name ending with it), once per document
    (every turn of a long transcript asks)."""
    if _LAST[0] is not text or _LAST[1] is not people:
        full = getattr(people, "full", {})
        fuller: dict[str, str] = {}
        for p in people:
            name = full.get(p.name, p.name)
            if p.kind == "person" and " " in name:
                fuller.setdefault(name.split()[-1].lower(), name)
        _LAST[:] = [text, people, (interviewee(text, people), fuller)]
    return _LAST[2]


def interviewee(text: str, people) -> str | None:
    """The person mentioned most before the first turn (the first mention breaks ties)."""
    from .text_layout import paragraphs

    before = _first_label(text, paragraphs(text))
    questions, answers, _ = _lexicon()
    full = getattr(people, "full", {})
    votes: Counter[str] = Counter()
    first: dict[str, int] = {}
    for p in people:
        if p.start >= before:
            break
        name = full.get(p.name, p.name)
        if p.kind == "person" and len(name) > 1 and name.lower() not in questions | answers:
            votes[name] += 1
            first.setdefault(name, p.start)
    if not votes:
        return None
    return min(votes, key=lambda name: (-votes[name], first[name]))
