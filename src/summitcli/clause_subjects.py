"""The subject of a clause or sentence: who a participle or an opening name points to.

``clause_subject`` ("..., saying": the nearest pronoun or name before a verb, else the
sentence's named subject), ``sentence_subject`` (the name, role phrase or he/she that opens
a sentence), ``sentence_ends`` (sentence boundaries from one pass per document) and
``lift_pronoun`` (a he/she inside the that-clause of the sentence's named subject is that
subject: the outermost source of what follows).
"""
from __future__ import annotations

import bisect
import re
from typing import Sequence

from .noun_phrases import _leading_span
from .people_index import index_people
from .people_roles import lex
from .records import PersonMention
from .text_layout import _BOUNDARY_RE, boundaries
from .verbs import reporting_verbs

_ABBR = re.compile(r"(?:\b[A-Z]|Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|St|Jr)\.$")


_LOWER_NEXT = re.compile(r"[ \u00a0][a-z]+\b")
_SENT_END = re.compile(r"[.!?][\"”’')]*[ \u00a0]+(?=(?:''|[\"“‘'(«„])?[A-Z0-9])")
# _SENT_END is the quotation finder's boundary regex without the ellipsis: its matches are
# that regex's matches that do not open with "…" (no match can start inside one of those),
# so one pass over the document serves both
_SENT_END_DERIVED = _SENT_END.pattern == _BOUNDARY_RE.pattern.replace("[.!?…]", "[.!?]", 1)
_SENT_ENDS: list = [(None, None)]  # the last document and its _SENT_END matches


def _sentence_end_index(text: str):
    hit = _SENT_ENDS[0]
    if hit[0] is not text:
        b = (boundaries(text, _BOUNDARY_RE).without(text, "…") if _SENT_END_DERIVED
             else boundaries(text, _SENT_END))
        hit = _SENT_ENDS[0] = (text, b)
    return hit[1]
_SENT_END_LOOK = frozenset("\"“‘'(«„")
_ALNUM_UP = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")


def sentence_ends(text: str, lo: int, hi: int):
    """(start, end) of the ``_SENT_END`` matches a search of text[lo:hi] finds, last first.

    The matches come from one pass per document (:func:`summitcli.text_layout.boundaries`); a
    match counts when it starts at or after ``lo`` and its lookahead fits before ``hi``.
    """
    b = _sentence_end_index(text)
    starts, ends = b.starts, b.ends
    k = bisect.bisect_left(ends, hi)
    first = bisect.bisect_left(starts, lo)
    n = len(text)
    while k > first:
        k -= 1
        e = ends[k]
        if text[e] in _ALNUM_UP:
            need = e + 1
        elif text.startswith("''", e) and e + 2 < n and text[e + 2] in _ALNUM_UP:
            need = e + 3
        else:
            need = e + 2
        if need <= hi:
            yield starts[k], e


def clause_subject(text: str, floor: int, pos: int,
                   people: Sequence[PersonMention]) -> tuple[int, int] | None:
    """The subject of the clause that ``pos`` hangs from: the nearest pronoun or name before
    it that is followed by a verb ("..., though last week he used stronger language, saying"),
    else the named subject opening the sentence."""
    start = floor
    for a, e in sentence_ends(text, max(floor, pos - 400), pos):
        if not _ABBR.search(text, max(0, a - 4), a + 1):
            start = e
            break
    near = _nearest_clause_subject(text, start, pos, people)
    return near if near is not None else sentence_subject(text, start, pos, people)


# he/she/they/we/I (either case) not inside a word, before a verb.  Each pronoun opens with
# its own first letter so the regex engine can skip to candidate letters; the look-behind
# after that letter checks the character before it, as (?<![\w’']) would before the word.
_CLAUSE_SUBJ = re.compile(r"(" + "|".join(w[0] + r"(?<![\w’'].)" + w[1:] for w in
                                          "he He she She they They we We I".split()) + ")"
                          r"(?=[ \u00a0]+(?:(?:also|then|later|had|has|have|would|will|was|is)"
                          r"[ \u00a0]+)?(?:[a-z]+ed|said|says|told|made|took|gave|spoke|wrote|"
                          r"[a-z]+s)\b)")


def _nearest_clause_subject(text: str, start: int, pos: int, people) -> tuple[int, int] | None:
    last = None
    for m in _CLAUSE_SUBJ.finditer(text, start, pos):
        if text[start:m.start()].count("“") <= text[start:m.start()].count("”"):
            last = (m.start(1), m.end(1))
    idx = index_people(people)
    k = bisect.bisect_left(idx.starts, start)
    for p in idx[k:k + 20]:
        if p.end > pos:
            break
        if p.kind == "person" and _CLAUSE_VERB.match(text, p.end) and (last is None or p.start > last[0]):
            last = (p.start, p.end)
    return last


_CLAUSE_VERB = re.compile(r"[ \u00a0]+(?:(?:also|then|later|had|has|have|would|will|was|is)[ \u00a0]+)?"
                          r"(?:[a-z]+ed|said|says|told|made|took|gave|spoke|wrote)\b")

# a wire dateline opening a paragraph: "WASHINGTON —", "DECATUR, Ill. —", "PARIS, July 25 (UPI) —"
_DATELINE = (r"(?:[A-Z][A-Z.'\-]+(?:[ \u00a0][A-Z][A-Z.'\-]+){0,3}(?:,[ \u00a0][^—–―\n]{1,40}?)?"
             r"[ \u00a0]+[—–―]{1,2}[ \u00a0]*)?")
_LEAD_ADVERBIAL = re.compile(r"[ \u00a0]*" + _DATELINE + r"(?:(?:Yet|But|And|So|Then|Still|Now|Meanwhile|However|Later|"
                             r"Instead|Also|Indeed|Earlier|Afterwards?)\b,?[ \u00a0]*)?"
                             r"(?:(?:In|On|At|For|After|Before|During|With|As|Since|Under|"
                             r"Following|Speaking|Asked|Last|This|When|While|Despite|Like)\b"
                             r"[^,.;:!?\"“”\n]{0,100},[ \u00a0]+)?")
_SUBJECT_PRON = re.compile(r"(he|she|they|it|we|i)\b", re.I)
_ROLE_SUBJECT = re.compile(r"(?:[Tt]he|An?|an?)[ \u00a0](?:[\w.\-]+[ \u00a0]){0,3}?([a-z][\w\-]+)\b")



def sentence_subject(text: str, floor: int, pos: int,
                     people: Sequence[PersonMention]) -> tuple[int, int] | None:
    """The named subject (or he/she) that opens the sentence starting at ``floor``."""
    idx = index_people(people)
    lead = _LEAD_ADVERBIAL.match(text, floor, pos)
    i = lead.end() if lead else floor
    found = _named_subject_from(text, i, pos, idx)
    if found is None and lead is not None and text[lead.start():lead.end()].rstrip().endswith(","):
        more = _MORE_ADVERBIAL.match(text, lead.end(), pos)  # "In a long, frank interview, Lazar said"
        if more is not None:
            found = _named_subject_from(text, more.end(), pos, idx)
    return found


_MORE_ADVERBIAL = re.compile(r"[a-z][^,.;:!?\"“”\n]{0,60},[ \u00a0]+")


def _named_subject_from(text: str, i: int, pos: int, idx) -> tuple[int, int] | None:
    m = _FIRST_WORD.match(text, i, pos)
    if m is None:
        return None
    if m.group(1).lower() in {"he", "she"}:
        return (m.start(1), m.end(1))
    k = bisect.bisect_left(idx.starts, m.start(1))
    if k < len(idx) and idx[k].end <= pos and len(text[m.start(1):idx[k].start].split()) <= 5:
        p = idx[k]
        after = text[p.end:p.end + 2]
        if after[:1] not in "’'" and (p.kind == "person" or after.startswith((" ", ","))) \
                and _title_words(text[m.start(1):p.start].split()):
            return (_leading_span(text, i, p), p.end)
    rm = _ROLE_SUBJECT.match(text, i, pos)
    if rm and rm.group(1).lower() in lex()["role_heads"] and text[rm.end():rm.end() + 1] in " ,":
        return (rm.start(), rm.end())  # "The Russian leader made sure to praise ..."
    w = m.group(1)
    if w[:1].isupper() and w.lower() not in lex()["not_names"] and not w.endswith(("’s", "'s")) \
            and w.lower() not in lex()["demonyms"]:
        nv = _VERBISH_NEXT.match(text, m.end(1), pos)
        if nv and not (k < len(idx) and idx[k].start == m.start(1)):
            return (m.start(1), m.end(1))  # "Trump welcomed ..." (a name seen once)
    return None


def _title_words(words: list) -> bool:
    """Words written before a name at the start of a sentence: capitalised ("Former Senator")
    or title words ("Republican presidential candidate", "secretary of state")."""
    s = lex()
    return all(w[:1].isupper() or w.lower() in s["modifiers"] or w.lower() in s["role_heads"]
               or w.lower() in s["title_tokens"] or w in ("of", "for") for w in words)


_FIRST_WORD = re.compile(r"[ \u00a0]*([\w'’]+)")
_VERBISH_NEXT = re.compile(r"[ \u00a0](?:[a-z]+ed|said|says|told|tells|wrote|writes)\b")


_CLAUSE_WORD = re.compile(r"[\w’'\-]+|[;—–()“”\"]|(?<=[ \u00a0])-(?=[ \u00a0])")
_COMPLEMENT = frozenset(("that", "what"))
_GENDER = {"he": "m", "she": "f"}
_NEW_CLAUSE = frozenset("""but and or nor so yet though although while when whenever where as
because since if unless until after before once which who whom whose ; — – - ( ) “ ” \"""".split())


def lift_pronoun(text: str, floor, ss: int, se: int, people) -> tuple[int, int] | None:
    """"Rubio said that over the last week he has begun “to unmask …”": a he/she inside the
    that- or what-clause of the sentence's named subject is that subject speaking, and the
    article's source for the quotation is the subject (the outermost speaker).

    The words between the subject and the pronoun are read backwards from the pronoun: a
    "that"/"what" (or a reporting verb right before it) met before any word opening a new
    clause ("but he", "when he", "which he", a dash, a quotation mark) lifts; one that is met
    first keeps it.
    A pronoun right after a comma (", she said,") is a parenthetical attribution of its own,
    and a subject whose known gender differs is someone else.
    """
    pron = text[ss:se].lower()
    if floor is None or pron not in ("he", "she") or ss - floor < 4 \
            or text[max(floor, ss - 2):ss].strip() == ",":
        return None  # the sentence opens with the pronoun, or ", she said," stands alone
    near = max(floor, ss - 60)
    inside = _in_subjects_clause(_CLAUSE_WORD.findall(text, near, ss))
    if inside is None and near > floor:  # most answers come from the last few words
        inside = _in_subjects_clause(_CLAUSE_WORD.findall(text, max(floor, ss - 400), ss))
    if inside is False:
        return None
    sub = sentence_subject(text, floor, ss, people)
    if sub is None or sub[1] > ss or text[sub[0]:sub[1]].lower() in ("he", "she"):
        return None
    named = index_people(people).by_end.get(sub[1])
    if named is None or named.kind != "person" or named.gender not in (None, _GENDER[pron]):
        return None
    return sub


def _in_subjects_clause(words: list) -> bool | None:
    """Read back from the pronoun: a "that"/"what" (or a reporting verb right before it)
    before any word opening a new clause is True, such a word first False; None when
    neither comes up (no marker at all is one clause: "Ames dismissed reports he was
    leaving by tweeting")."""
    for n, w in enumerate(reversed(words)):
        lw = w.lower()
        if lw in _COMPLEMENT or (n == 0 and lw in reporting_verbs()):
            return True  # "said that … he", "what she called", "said he would"
        if lw in _NEW_CLAUSE:
            return False
    return None
