"""Named people and organisations in one text, with the titles and appositions seen with them.

``people_in_text`` finds capitalised name sequences ("Russian President Vladimir Putin"),
splits leading titles off into ``role`` ("Russian President"), reads appositions
("X, the former acting director of the CIA,") into ``role`` too, tells organisations from
people by their words (News, Committee, all-caps acronyms) and guesses gender from an
honorific or from the he/she that refers back.  The vocabulary lives in ``data/roles.yaml``.

The work is split by job: :mod:`summitcli.people_names` finds and reads capitalised name
runs, :mod:`summitcli.people_roles` holds the vocabulary and reads roles around a name,
:mod:`summitcli.people_gender` weighs gender evidence; ``people_in_text`` here puts them
together and drops what is a place or a sentence-initial capital rather than a name.
"""
from __future__ import annotations

import re
from collections import Counter
from operator import itemgetter
from typing import Sequence

from .people_gender import (_AFTER_OBJECT, _NEXT_SUBJECT, _PRON_RE, _SENT_STOP,  # noqa: F401
                            _STOP_CHAR, _in_quote, _object_pronoun, _with_gender)
from .people_names import (_CALENDAR, _FULLEST, _INITIAL_END, _NONSPACE, _RUNS,  # noqa: F401
                           _RUNS_MAX, _analyse, _classify, _fullest, _fullest_of, _name_run_re,
                           _runs, _split_tokens, _upper_class, fullest_forms)
from .people_roles import (_APPOS_RE, _LEAD_WORD, _ROLE_COMMA, _apposition,  # noqa: F401
                           _is_title_token, _leading_role, _role_before_comma, _sets, lex,
                           roles_lexicon)
from .records import PersonMention

_PLACE_PREP = frozenset("in at from to near across into outside inside throughout toward towards".split())
_SENT_INITIAL = re.compile(r"(^|[.!?:\n“\"]\s*)$")
_SAID_NEXT = re.compile(r"\s+(?:said|says|told|added|wrote)\b")
_NAME = itemgetter(0)
_APPOS_FIRST = "tahifn"  # the first letters of the words _APPOS_RE takes after ", " (or a digit)


def people_in_text(text: str, skip: Sequence[tuple[int, int]] = ()) -> list[PersonMention]:
    """Every named person or organisation mentioned in ``text``, in order.

    ``skip`` lists (start, end) regions to ignore (boilerplate).
    """
    out: list[tuple] = []  # (name, start, end, role, kind) while being built
    lead_words = _sets()["lead_words"]
    for at, (role, a, b, name, kind, n_tokens) in _runs(text, skip):
        start, end = at + a, at + b
        word = None  # the word before the name, lowercase, when read here
        if role is None and start >= 2:  # the cheap tests of both helpers first
            before = text[start - 1]
            if before == " " or before == "\u00a0":
                # _leading_role's own first test, read here once: the word before the name
                seg = text[max(0, start - 40):start - 1]
                if not seg[-1].isspace():
                    word = seg.rsplit(None, 1)[-1].lower()
                    if word.rstrip(".") in lead_words:
                        role = _leading_role(text, start)[0]
                if not role and text[start - 2] == ",":
                    role = _role_before_comma(text, start)
        if text[end:end + 1] == "," and ((c := text[end + 2:end + 3]) in _APPOS_FIRST or c.isdecimal()):
            app = _apposition(text, end)  # (_APPOS_RE: an age, or one of its words, after ", ")
            if app and not role:
                role = app
            elif app:
                role = f"{role}; {app}"
        if not role and kind == "person" and n_tokens <= 2 and (word is None or word in _PLACE_PREP):
            # ``word`` ends right before the space before the name, as the last word of the
            # 24 characters before it does (cut short there, it is too long to be a preposition)
            prev = text[max(0, start - 24):start].split()
            if prev and prev[-1].lower() in _PLACE_PREP and prev[-2:-1] != ["according"]:
                continue  # "in Anchorage", "to Ukraine": a place, not a speaker
        out.append((name, start, end, role, kind))
    out = _drop_sentence_initial_words(text, out)
    return _with_gender(text, out)


def _drop_sentence_initial_words(text: str, people: list[tuple]) -> list[tuple]:
    """A lone capitalised word at a sentence start is a name only if seen elsewhere."""
    counts = Counter(map(_NAME, people))
    surnames = {name.rsplit(None, 1)[-1] for name in counts if " " in name}
    # the names the test below can drop: the rest are kept without reading them again
    lone = {name for name, n in counts.items() if n == 1 and " " not in name and name not in surnames}
    if not lone:
        return people
    keep = []
    for p in people:
        name, start, end, role, kind = p
        if name in lone and not role and kind == "person":
            initial = start == 0 or _SENT_INITIAL.search(text[max(0, start - 3):start])
            if initial and not _SAID_NEXT.match(text[end:end + 20]):
                continue
        keep.append(p)
    return keep
