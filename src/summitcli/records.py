"""Plain records shared by every layer: quotations, claims, people.

Each record is a frozen dataclass with one ``to_dict()`` that all machine
renderers share, so the JSON contract lives in exactly one place.
Offsets are character offsets into the document text as loaded
(decoded, line endings normalised to ``\\n``): ``text == doc_text[start:end]``.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields


def _plain(record) -> dict:
    """Fields as a dict, tuples as lists (faster than ``dataclasses.asdict``'s deep copy)."""
    return {f: (list(v) if isinstance(v, tuple) else v)
            for f in record._field_names for v in (getattr(record, f),)}


@dataclass(frozen=True)
class Quote:
    """One quoted span in one article."""

    id: str  # "<source>:q<n>", stable across runs for the same text
    source: str  # document id
    text: str  # the quoted words without the marks
    start: int
    end: int
    kind: str  # "speech" | "fragment" | "term"
    kind_rule: str  # which rule decided the kind
    speaker: str | None  # canonical name (document-local until speakers.py runs)
    speaker_mention: str | None  # the words naming the speaker ("he", "the Russian leader")
    speaker_start: int | None
    speaker_end: int | None
    cue: str | None  # "said", "told", "according to", ":" ...
    rule: str  # which attribution rule decided the speaker
    utterance: str  # pieces of one interrupted quotation share this id
    paragraph: int = 0
    candidates: tuple[str, ...] = ()  # possible speakers when speaker is None
    marks: str = ""  # the marks as written ("“”", "‘’", two apostrophes each side); "" = none

    def to_dict(self) -> dict:
        return _plain(self)


@dataclass(frozen=True)
class Claim:
    """Reported speech: a speaker, a cue and the reported content."""

    id: str  # "<source>:c<n>"
    source: str
    text: str  # the reported content (that-clause etc.)
    start: int
    end: int
    speaker: str | None
    speaker_mention: str | None
    speaker_start: int | None
    speaker_end: int | None
    cue: str
    cue_start: int
    cue_end: int
    hedged: bool = False
    quotes: tuple[str, ...] = ()  # ids of quotes inside the content
    rule: str = ""

    def to_dict(self) -> dict:
        return _plain(self)


@dataclass(frozen=True)
class PersonMention:
    """A named person (or organisation) in a document, with any title/role seen with it.

    ``role`` holds the title or apposition seen with the name in this document
    ("Russian President", "the former acting director of the CIA"), which lets
    the corpus learn that "the Russian leader" means this person.
    """

    name: str  # "Vladimir Putin"
    start: int
    end: int
    role: str | None = None
    kind: str = "person"  # "person" | "org" | "place" (a region, or a line of tags)
    gender: str | None = None  # "m" | "f" | None, from pronouns that refer back

    def to_dict(self) -> dict:
        return _plain(self)


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one document: a pure function of its text."""

    source: str
    quotes: tuple[Quote, ...] = ()
    claims: tuple[Claim, ...] = ()
    people: tuple[PersonMention, ...] = field(default=())

    def to_dict(self) -> dict:
        return {
            "source": self.source,
            "quotes": [q.to_dict() for q in self.quotes],
            "claims": [c.to_dict() for c in self.claims],
            "people": [p.to_dict() for p in self.people],
        }


for _cls in (Quote, Claim, PersonMention):
    _cls._field_names = tuple(f.name for f in fields(_cls))
