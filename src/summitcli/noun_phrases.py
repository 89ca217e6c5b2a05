"""Noun phrases next to a reporting cue: the words that can name a speaker.

``_np_before`` (the phrase ending at a position: a pronoun, a titled name, a role phrase),
``_np_after`` (an inverted subject: "said Sen. Smith"), ``_det_np`` ("one user"),
``_comma_subject`` (the name before an apposition) and ``_leading_span`` (a title written
before a name).  Used by :mod:`summitcli.cue_speaker` and the quotation attribution rules.
"""
from __future__ import annotations

import bisect
import re
from typing import Sequence

from .people_index import index_people
from .people_roles import lex
from .records import PersonMention
from .speaker_words import DETS, PRON, STOP_NP, _QUANT_PRON, _prev_word

_UNREAD = object()  # _np_before: the word before was not passed in
_ACRONYM = re.compile(r"[A-Z]{2,}|(?:[A-Z]\.){2,}")  # "US", "U.S.": a country, never the pronoun "us"
_NP_RUN = re.compile(r"[^,.;:!?\"“”\n()]{1,80}")
_TITLE_GAP = re.compile(r"[\w.\-’' \u00a0]*")
_WORD = re.compile(r"[\w'’.\-]+")
_QMARK = re.compile(r"[“”\"]")
_CAPS_TAIL = re.compile(r"((?:[A-Z][\w.\-]*[ \u00a0])+)$")


def _np_before(text: str, i: int, floor: int, people: Sequence[PersonMention],
               word=_UNREAD) -> tuple[int, int] | None:
    """The noun phrase that ends at ``i`` (a pronoun, a name with its title, a role phrase).

    ``word``: ``_prev_word(text, j, floor)`` for ``j`` = ``i`` less the spaces before it, when
    the caller has read it already."""
    j = i
    while j > floor and text[j - 1] in " \u00a0":
        j -= 1
    if j <= floor:
        return None
    m = _prev_word(text, j, floor) if word is _UNREAD else word
    if m is None or m.b != j:  # (a _W's fields read directly: m.start(), m.end())
        return None
    w = text[m.a:j]
    lw = w.lower()
    if lw in PRON or lw == "whom":
        return (m.a, j)
    if lw in _QUANT_PRON and (w[:1].isupper() or _prev_word(text, m.a, floor) is None):
        return (m.a, j)  # "Another tweeted, “…”", "Others said"
    if lw.endswith(("'s", "’s", "s'", "s’")):
        return None  # a possessive is never the subject head ("Clark’s comments")
    found = _head_np(text, m, j, floor, people)
    if found is None or text[max(floor, found[0] - 30):found[0]].rstrip().endswith(_POSTMOD_ENDS):
        return _with_postmodifier(text, m, floor, people) or found
    return found


def _head_np(text: str, m, j: int, floor: int, people) -> tuple[int, int] | None:
    """A name with its titles, a role phrase, or a determiner phrase ending with word ``m``."""
    w = m.group(1)
    lw = w.lower()
    idx = index_people(people)
    p = idx.by_end.get(j) or (idx.by_end.get(j - 1) if text[j - 1] == "." else None)
    if p is not None:
        return (_leading_span(text, max(floor, p.start - 40), p), p.end)
    s = lex()
    head_ok = (w[:1].isupper() and lw not in s["not_names"]) or lw.rstrip(".") in s["role_nouns"] \
        or lw in s["role_heads"] or (lw.endswith("s") and lw[:-1] in s["role_heads"])
    if not head_ok:
        return _det_np(text, m, floor) or _before_relative(text, m.start(), floor, people)
    start = m.start()
    k = m.start()
    for _ in range(8):
        pm = _prev_word(text, k, floor)
        if pm is None or pm.end() != k - 1 and text[pm.end():k].strip():
            break
        pw = pm.group(1)
        lpw = pw.lower()
        if lpw in DETS:
            start = pm.start()
            prev = _prev_word(text, pm.start(), floor)
            if prev is not None and prev.group(1).lower() in {"of", "for"}:
                k = pm.start()
                continue
            break
        if (pw[:1].isupper() and (lpw not in s["not_names"] or _ACRONYM.fullmatch(pw))) or lpw in s["role_heads"] \
                or lpw in s["modifiers"] or lpw in {"of", "for", "'s", "’s"} \
                or lpw.endswith(("'s", "’s")):
            start = pm.start()
            k = pm.start()
            continue
        break
    while text[start:m.end()].split()[0].lower() in {"of", "for"}:
        start = text.index(" ", start) + 1
    return (start, m.end())


_POSTMOD_ENDS = ("familiar with", "close to", "knowledge of", "briefed on", "involved in",
                 "knowledgeable about")
_POSTMOD_KEYS = ("familiar", "close", "knowledge", "briefed", "involved")
_POSTMOD = re.compile(r"[ \u00a0](?:familiar[ \u00a0]with|close[ \u00a0]to|with[ \u00a0]knowledge[ \u00a0]of|"
                      r"briefed[ \u00a0]on|involved[ \u00a0]in|knowledgeable[ \u00a0]about)"
                      r"[ \u00a0][^,.;:!?\"“”\n()]{1,60}$")


def _with_postmodifier(text: str, m, floor: int, people) -> tuple[int, int] | None:
    """"a person familiar with the talks said", "a source close to the mayor said": the
    whole phrase, not the object of "familiar with" ("the talks")."""
    lo = max(floor, m.start() - 80)
    if not any(text.find(k, lo, m.end()) >= 0 for k in _POSTMOD_KEYS):
        return None  # the common case, without a regex
    pm = _POSTMOD.search(text, lo, m.end())
    if pm is None:
        return None
    np = _np_before(text, pm.start(), floor, people)
    if np is None or text[np[0]:np[1]].lower() in PRON:
        return None
    return (np[0], m.end())


_WHO_CLAUSE = re.compile(r"[ \u00a0]who[ \u00a0][^,.;:!?\"“”\n()]{3,120}$")


def _before_relative(text: str, i: int, floor: int, people) -> tuple[int, int] | None:
    """"A city official who spoke anonymously to reporters said": the phrase before a
    restrictive relative clause that runs up to the verb (no punctuation inside it)."""
    m = _WHO_CLAUSE.search(text, max(floor, i - 125), i)
    if m is None:
        return None
    np = _np_before(text, m.start(), floor, people)
    if np is None or text[np[0]:np[1]].lower() in PRON:
        return None
    return np


_AGE_NOUN = re.compile(r"\d{1,3}-year-old")
def _title_of(lead: list, text: str, p) -> bool:
    """"master of ceremonies Ana Holt", "director of policy Ana Holt": an "of" inside a title
    written before a name, not "one of Ana Holt’s aides" (a determiner first, a possessive)."""
    if not any(w.lower() == "of" for w in lead):
        return True
    return lead[0].lower() not in _NOUN_DETS and lead[0].lower() not in _QUANT_PRON \
        and lead[-1].lower() != "of" and text[p.end:p.end + 1] not in "’'"


_NOUN_DETS = frozenset("the a an one another some his her its their our my your this these those".split())
_NOT_NOUN = frozenset("""should would could will can may might must shall also then just
not never still even only already""".split())


def _det_np(text: str, m, floor: int) -> tuple[int, int] | None:
    """"one user wrote", "the ad said", "the nationalist Global Times tabloid noted": a
    determiner, then up to four words (lowercase, or capitalised name words) before the head."""
    w = m.group(1)
    if "-" in w and _AGE_NOUN.fullmatch(w):
        pass  # "the 43-year-old asked": an age used as a noun
    elif not w.isalpha() or not w.islower() or w in STOP_NP or w in _NOT_NOUN \
            or w.endswith(("ed", "ing")):
        return None
    k = m.start()
    names = 0
    for n in range(5):
        pm = _prev_word(text, k, floor)
        if pm is None or text[pm.end():k].strip():
            return None
        pw = pm.group(1)
        if pw.lower() in _NOUN_DETS:
            if n and pw.lower() in ("this", "these", "those"):
                return None  # "This left everyone": a demonstrative, then a verb
            return (pm.start(), m.end()) if n - names <= 2 else None
        base = pw[:-2] if pw.endswith(("'s", "’s")) else pw
        if base.isalpha() and base[:1].isupper() and base[1:].islower() and base.lower() not in lex()["not_names"]:
            names += 1  # "Global Times": a name inside the phrase
        elif not base.isalpha() or not base.islower() or pw in STOP_NP or pw in _NOT_NOUN \
                or pw in DETS:
            return None
        k = pm.start()
    return None


def _np_after(text: str, i: int, limit: int, people: Sequence[PersonMention]) -> tuple[int, int] | None:
    """The noun phrase that starts at ``i`` (inverted subject: "said Sen. Smith, R-Texas")."""
    while i < limit and text[i] in " \u00a0":
        i += 1
    idx = index_people(people)
    best = None  # the last name reachable through title words: "Ohio State University professor Paul Beck"
    k0 = bisect.bisect_left(idx.starts, i)
    for p in idx[k0:k0 + 12]:
        if p.start > i + 60:
            break
        if best is not None and "." in text[best[1]:p.start]:
            break  # "said coach Lorna Whitcombe. Duarte, she added": a new sentence
        if _TITLE_GAP.fullmatch(text, i, p.start):
            lead = text[i:p.start].split()
            if len(lead) <= 6 and not any(w.lower() in STOP_NP - {"for", "of"} or w.lower() in PRON
                                          for w in lead) and _title_of(lead, text, p):
                best = (i, p.end)
                continue
        break
    if best is not None:
        return best
    m = _NP_RUN.match(text, i, limit)
    if m is None:
        return None
    words = list(_WORD.finditer(m.group()))
    if not words:
        return None
    s = lex()
    w0 = words[0].group().lower()
    if w0 in PRON:
        return (i + words[0].start(), i + words[0].end())
    if w0[:1].isdigit() and any(c.isalpha() for c in w0) and len(words) == 1:
        return (i + words[0].start(), i + words[0].end())  # "..., reports 24brussels."
    end = None
    if w0 in ("that", "this", "these", "those"):
        return None  # "argued that democracies ...": a clause, not a speaker
    if w0 in DETS or w0 in _NOUN_DETS:  # "said the 46-year-old", "said a spokesman for X"
        for n, wm in enumerate(words[1:7], 1):
            lw = wm.group().lower()
            if lw in {"who", "whose", "which", "that", "in", "on", "at", "to", "and", "as"}:
                break
            if not lw.endswith("ly"):
                end = i + wm.end()
        # "a survey by the independent polling firm Levada": run on to a name in the phrase
        k0 = bisect.bisect_left(idx.starts, i)
        for p in idx[k0:k0 + 4]:
            if p.end <= m.end() and text[i:p.start].count(",") == 0 and p.start - i <= 80:
                end = max(end or 0, p.end)
        if end is not None and text[end:end + 2] == ", ":
            idx = index_people(people)
            k = bisect.bisect_left(idx.starts, end + 2)
            if k < len(idx) and idx[k].start == end + 2 and idx[k].kind == "person":
                return (idx[k].start, idx[k].end)  # "said the spokesman, Jonas Keller"
        return (i + words[0].start(), end) if end else None
    for n, wm in enumerate(words[:9]):
        w = wm.group()
        lw = w.lower()
        if n > 0 and (lw in STOP_NP - {"for"} or lw in {"who", "whose", "in", "on", "at"}):
            break
        if n == 0 and not (lw in DETS or w[:1].isupper() or lw in s["role_heads"]
                           or lw in s["modifiers"]):
            return None
        if w[:1].isupper() or lw in s["role_heads"] or lw.rstrip(".") in s["role_nouns"]:
            end = i + wm.end()
    if end is None:
        return None
    return (i + words[0].start(), end)


# what wire copy puts between a name and its verb: ", 22,", ", of Flint,", ", Mich.,", ", R-Texas,"
_AGE_OR_PLACE = re.compile(r"[ \u00a0]*(?:\d{1,3}|[A-Z][a-z]{0,4}\.|(?:[A-Z]\.){2,}|[DRI]-[A-Z][\w.]*"
                           r"|of(?:[ \u00a0]+[A-Z][\w.’'\-]*){1,4})[ \u00a0]*")


def _skip_age_and_place(text: str, j: int, seg_start: int) -> int:
    """"Cory James, 22, of Flint, Mich., said": step ``j`` (just after a comma) back over the
    age and home-town segments to the comma that follows the name (at most three)."""
    for _ in range(3):
        k = text.rfind(",", seg_start, j - 1)
        if k < 0 or not _AGE_OR_PLACE.fullmatch(text, k + 1, j - 1):
            break
        j = k + 1
    return j


def _comma_subject(text: str, j: int, floor: int, people: Sequence[PersonMention]) -> tuple[int, int] | None:
    """"Smith, the campaign's spokesman, said": skip the apposition between commas."""
    seg_start = max(floor, j - 160)
    stepped = _skip_age_and_place(text, j, seg_start)
    if stepped != j:
        named = index_people(people).by_end.get(stepped - 1)
        if named is not None and named.kind == "person":
            return (_leading_span(text, max(floor, named.start - 40), named), named.end)  # "Cory James, 22, of Flint, said"
        j = stepped
    rel = _comma_relative(text, j, floor)
    if rel is not None:  # "Ortiz, who last year asked whether …, said": however long the clause
        return _np_before(text, rel, floor, people)
    k = text.rfind(",", seg_start, j - 1)
    if k < 0:
        return None
    between = text[k + 1:j - 1]
    if _QMARK.search(between) or len(between.split()) > 16:
        return None
    idx = index_people(people)
    q = idx.by_end.get(j - 1)
    if q is not None and q.start >= k + 1 and q.kind == "person":
        return (q.start, q.end)  # "The mayor, Victor Almeida, said": the name is the subject
    first = between.split()[0].lower() if between.split() else ""
    if first in {"with", "from", "to", "for", "by", "after", "before", "because", "while",
                 "although", "if", "when", "as", "and", "but", "so", "of", "into", "than"} \
            or (first in {"in", "on", "at", "during"} and len(between.split()) > 5):
        return None
    return _np_before(text, k, floor, people)


_COMMA_WHO = re.compile(r",[ \u00a0]+(?:who|which)[ \u00a0][^.;:!?\"“”\n]{3,300}$")


def _comma_relative(text: str, j: int, floor: int) -> int | None:
    """The comma opening a non-restrictive "who"/"which" clause that ends at the comma before
    ``j`` ("Ortiz, who last year questioned whether …, said"), or None."""
    lo = max(floor, j - 330)
    if text.find(" wh", lo, j - 1) < 0:
        return None  # no "who"/"which" at all: the common case, without a regex
    m = _COMMA_WHO.search(text, lo, j - 1)
    return m.start() if m is not None else None


def _leading_span(text: str, floor: int, p: PersonMention) -> int:
    """Include a title written before the name ("Sen. Ted Cruz") in the mention."""
    seg = text[floor:p.start]
    if not seg.endswith("\n"):  # ($ may match before a final newline: the regex decides)
        if not seg.endswith((" ", "\u00a0")):
            return p.start  # _CAPS_TAIL ends on a space
        last = seg[:-1].rsplit(None, 1)
        if not last or last[-1] == last[-1].lower() or seg[-2].isspace():
            return p.start  # no capital in the word before that space: _CAPS_TAIL cannot match
    m = _CAPS_TAIL.search(seg)
    if m and all(w.lower() in lex()["title_tokens"] or w.lower() in lex()["demonyms"]
                 or w.lower() in lex()["modifiers"] for w in m.group(1).split()):
        return floor + m.start(1)
    return p.start
