"""The people of one document, indexed once for the speaker and mention look-ups.

Cue speakers, noun phrases, clause subjects and mention resolution all ask "who is
mentioned starting (or ending) here"; :class:`PeopleIndex` answers by bisect or dict and
carries a per-document memo so quotations and claims share answers.
"""
from __future__ import annotations

from typing import Sequence

from .people_names import _fullest_of, fullest_forms  # noqa: F401 (fullest_forms: public here)
from .records import PersonMention

class PeopleIndex(tuple):
    """People in document order with lookups by start and end (keeps cue search linear)."""

    def __new__(cls, people: Sequence[PersonMention]):
        obj = super().__new__(cls, people)
        obj.starts = [p.start for p in obj]
        obj.by_end = {p.end: p for p in obj}
        obj.full = _fullest_of({p.name for p in obj})  # shared: read, never changed
        obj.with_role = tuple(p for p in obj if p.role)
        obj.role_starts = [p.start for p in obj.with_role]
        obj.role_info = {}  # role phrase -> its words, filled as roles are compared
        obj.memo = (None, {})  # (text, {(function, start, end): answer}) for pure look-ups
        return obj

    def memo_for(self, text: str) -> dict:
        """A memo of answers about ``text`` (quotations and claims ask about the same cues)."""
        owner, memo = self.memo
        if owner is not text:
            memo = {}
            self.memo = (text, memo)
        return memo

    def memoised(self, text: str, key: tuple, compute, *args):
        """``compute(*args)`` once per ``key`` for this document's ``text`` (a pure look-up)."""
        owner, memo = self.memo
        if owner is not text:
            memo = self.memo_for(text)
        hit = memo.get(key, _MISSING)
        if hit is _MISSING:
            hit = memo[key] = compute(*args)
        return hit


_MISSING = object()


_LAST_INDEX: list = [(None, None)]  # the last people list indexed and its index (one tuple: atomic)


def index_people(people: Sequence[PersonMention]) -> PeopleIndex:
    """Index ``people`` once per document; pass the result to the functions below.

    The same list passed again (quotations, then claims, of one document) gets the same
    index, so look-ups memoised on it are shared.  The list must not be changed after.
    """
    if isinstance(people, PeopleIndex):
        return people
    last, idx = _LAST_INDEX[0]
    if last is people:
        return idx
    idx = PeopleIndex(people)
    _LAST_INDEX[0] = (people, idx)
    return idx
