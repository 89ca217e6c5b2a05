"""Gender of each named person: an honorific, or a he/she that plainly refers back.

Votes are counted per fullest name (:func:`summitcli.people_names.fullest_forms`), so
"Reyes" and "Ana Reyes" share them; pronouns inside quotations never count.
"""
from __future__ import annotations

import re
from collections import Counter
from operator import itemgetter

from .people_names import _fullest_of
from .people_roles import _sets
from .records import PersonMention


# he/him/his/himself/her/hers/herself/she as a whole word; the first letter comes first so
# the regex engine can skip to candidate letters (the look-behind checks the one before it)
_PRON_RE = re.compile(r"[HhSs](?<!\w.)(?:(?<=[Hh])(?:e|im|is|imself|er|ers|erself)|(?<=[Ss])he)(?!\w)")
_PRON_SPAN = 8  # characters _PRON_RE reads from where a match starts: "herself" and one after
_AFTER_OBJECT = re.compile(r"[ \u00a0]*(?:[,.;:!?)\"”’]|$|(?:of|to|for|with|that|and|or|in|on|"
                           r"at|about|from|as|a|an|the|into|over|after|before|because|"
                           r"when|if|but|out|up|down|off|back|again)\b)")


def _object_pronoun(text: str, at: int, word: str) -> bool:
    """'him', or 'her' used as an object ("accused her of ..."): someone acted on, not the
    subject referring back. A possessive 'her' is followed by its noun ("her accounts")."""
    if word == "him":
        return True
    return word == "her" and _AFTER_OBJECT.match(text, at + 3) is not None


_NEXT_SUBJECT = re.compile(r"[.!?][\"”’']?[ \u00a0]+(He|She)\b")


def _with_gender(text: str, people: list[tuple]) -> list[PersonMention]:
    """Gender per full name: an honorific, or a pronoun that plainly refers back.

    A pronoun refers back when it opens the next sentence ("Reyes spoke. He said ...") or is
    a possessive/object/reflexive in the same sentence before anyone else is named
    ("Halvorsen presented her accounts").  A subject pronoun after "said" is left alone:
    "X said she ..." is often about someone else.  Pronouns inside quotations never count.
    ``people`` holds (name, start, end, role, kind) tuples.
    """
    s = _sets()
    full = _fullest_of({p[0] for p in people})
    votes: dict[str, list[int]] = {fn: [0, 0] for fn in full.values()}
    # gendered titles: one look-up per distinct (role, name), weighted by how often it occurs
    known = _HONORIFIC.get  # _honorific's memo, asked here first (most pairs are known)
    for (role, name), count in Counter(zip(map(_ROLE, people), map(_NAME, people))).items():
        m, f = known((role, name)) or _honorific(role, name)
        if m or f:
            v = votes[full[name]]
            v[0] += m * count
            v[1] += f * count
    he_she = ("he", "she")
    male = s["pronouns"]["m"]
    n_people, n_text = len(people), len(text)
    stop_match, stop_char = _SENT_STOP.match, _STOP_CHAR.search
    pron_search, pron_iter = _PRON_RE.search, _PRON_RE.finditer
    for i, (name, _, end, role, kind) in enumerate(people):
        if kind != "person":
            continue
        fn = full[name]
        if not (role or " " in fn):
            continue  # no person evidence ("Russia"): a following he/she is not about it
        nxt = people[i + 1][1] if i + 1 < n_people else n_text
        # the first he/she/him/... at or after ``end``, as a search of the whole text finds
        # it (the look-behind sees before ``end``; a word read from ``nxt`` on is complete)
        first = pron_search(text, end, nxt + _PRON_SPAN)
        if first is None or first.start() > nxt:
            # no pronoun before the next person: neither test below can find one (a next
            # sentence's He/She starts right after the stop, so no later than ``nxt``)
            continue
        v = votes[fn]
        # the first sentence stop in text[end:end + 400], as a search of that window finds
        # it; one that starts at or after the next person's start changes nothing below
        hi = min(n_text, end + 400)
        stop_lim = min(hi, nxt)
        sent_end = None
        c = stop_char(text, end, stop_lim)  # only where a stop can start (see _STOP_CHAR)
        while c is not None:
            sent_end = stop_match(text, c.start(), hi)
            if sent_end is not None:
                break
            c = stop_char(text, c.start() + 1, stop_lim)
        lim = min(nxt, sent_end.start() if sent_end else end + 400)
        if first.start() < lim:
            for pm in pron_iter(text, first.start(), lim + _PRON_SPAN):
                at = pm.start()
                if at >= lim:
                    break
                w = pm.group().lower()
                if w not in he_she and not _in_quote(text, at) \
                        and not _object_pronoun(text, at, w):
                    v[0 if w in male else 1] += 2 if w.endswith("self") else 1
                    break
        if sent_end and (nxt > sent_end.end()):
            ns = _NEXT_SUBJECT.match(text, sent_end.start())
            if ns:
                v[0 if ns.group(1) == "He" else 1] += 2
    gender = {n: "m" if m > f else "f" if f > m else None for n, (m, f) in votes.items()}
    if PersonMention._field_names != _PERSON_FIELDS:  # a field was added: the regular constructor
        return [PersonMention(name, start, end, role, kind,
                              gender[full[name]] if kind == "person" else None)
                for name, start, end, role, kind in people]
    new, put = object.__new__, object.__setattr__
    out = []
    for name, start, end, role, kind in people:
        # PersonMention(...) without the frozen dataclass's __init__ (one object.__setattr__
        # per field): the same fields in the instance dict, a third quicker by the thousand
        p = new(PersonMention)
        put(p, "__dict__", {"name": name, "start": start, "end": end, "role": role, "kind": kind,
                            "gender": gender[full[name]] if kind == "person" else None})
        out.append(p)
    return out


_PERSON_FIELDS = ("name", "start", "end", "role", "kind", "gender")


_ROLE, _NAME = itemgetter(3), itemgetter(0)
_HONORIFIC: dict[tuple, tuple[int, int]] = {}  # (role, name) -> votes; shared by all documents


def _honorific(role: str | None, name: str) -> tuple[int, int]:
    """(male, female) votes from gendered titles among the first six words of role and name."""
    key = (role, name)
    h = _HONORIFIC.get(key)
    if h is None:
        gendered = _sets()["gendered"]
        m = f = 0
        for w in ((role or "") + " " + name).split()[:6]:
            g = gendered.get(w.lower())
            if g:
                if g == "m":
                    m += 3
                else:
                    f += 3
        h = (m, f)
        if len(key[1]) <= 200 and len(role or "") <= 200:  # names are short: giants are not kept
            if len(_HONORIFIC) >= 1 << 16:
                _HONORIFIC.clear()  # many distinct names (hostile input): keep memory bounded
            _HONORIFIC[key] = h
    return h


_SENT_STOP = re.compile(r"[.!?](?=[\"”’']?[ \u00a0]+[A-Z\"“‘]|[\"”’']?$)|\n")
_STOP_CHAR = re.compile(r"[.!?\n]")  # every _SENT_STOP match starts on one of these


def _in_quote(text: str, pos: int) -> bool:
    """Cheap: is ``pos`` inside a quotation opened earlier on its line?"""
    line = text.rfind("\n", max(0, pos - 600), pos) + 1
    seg = text[max(line, pos - 600):pos]
    return seg.count("“") > seg.count("”") or seg.count('"') % 2 == 1
