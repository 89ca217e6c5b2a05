"""Who performed one reporting verb: ``speaker_for_cue`` and the walk back over adverbials.

The subject before the cue ("the Russian leader has repeatedly said"), the name before an
apposition, the inverted subject after it ("..., said Smith"), the phrase after "according
to"; never the audience after "told".  Answers are memoised on the document's people index.
"""
from __future__ import annotations

import re
from typing import Sequence

from .clause_subjects import clause_subject
from .noun_phrases import _NOUN_DETS, _comma_subject, _np_after, _np_before
from .people_index import PeopleIndex, index_people
from .people_roles import lex
from .records import PersonMention
from .speaker_words import BE, DAYS, DETS, PARTICIPLES, PRON, SKIP, STOP_NP, TELL, _prev_word
from .verbs import ambiguous_verbs

_PREP_PHRASE = re.compile(
    r"(?:^|(?<=[ \u00a0,]))(?:(?:in|on|at|during|over|via)"
    r"(?:[ \u00a0](?:the|a|an|his|her|their|its|this|that|last|recent))?"
    r"(?:[ \u00a0][\w’'\-]+){1,3}"
    r"|(?:last|this|earlier|late|early|next)[ \u00a0](?:week|month|year|night|morning|evening|"
    r"afternoon|weekend|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))[ \u00a0]*$")
_PREP_SKIP_HEADS = frozenset("""statement interview interviews past time night morning evening
afternoon day week weekend month year years months weeks days call conference call release
broadcast appearance speech remarks email emails letter post tweet tweets twitter facebook
rally event debate meeting hearing briefing video op-ed column essay book podcast radio
television tv show program memo filing response""".split()) | DAYS


def _skip_back(text: str, i: int, floor: int) -> int:
    """Move left over adverbs, auxiliaries and time phrases that sit between subject and verb."""
    return _skip_back_word(text, i, floor)[0]


_UNREAD = object()  # _skip_back_word did not read the word before the cue


def _skip_back_word(text: str, i: int, floor: int):
    """``_skip_back`` and the word that ends at ``i`` as first read there (``_prev_word(text,
    i, floor)``, or ``_UNREAD``), which the speaker finder reads too."""
    first = _UNREAD
    for n in range(6):
        j = i
        while j > floor and text[j - 1] in " \u00a0":
            j -= 1
        if j > floor and text[j - 1] == ")":
            o = text.rfind("(", max(floor, j - 40), j)
            if o > floor:
                i = o
                continue
        m = _prev_word(text, i, floor)
        if n == 0:
            first = m
        if m is None:
            return i, first
        g = text[m.a:m.b]  # m.group(1), m.start(): a _W's fields read directly (hot path)
        w = g.lower()
        if w in SKIP or (w.endswith("ly") and g.islower() and len(w) > 4) or w in DAYS:
            i = m.a
            continue
        if w.rstrip(".,") in _PREP_SKIP_HEADS or w[:1].isupper():
            pp = _PREP_PHRASE.search(text, max(floor, j - 50), j)
            if pp is not None and pp.start() > floor:
                i = pp.start()
                continue
        return i, first
    return i, first


def speaker_for_cue(text: str, cue_start: int, cue_end: int,
                    people: Sequence[PersonMention]) -> tuple[int, int] | None:
    """The span of the words naming who performed the reporting verb at text[cue_start:cue_end]."""
    people = index_people(people)
    key = ("cue", cue_start, cue_end)
    owner, memo = people.memo  # PeopleIndex.memoised, without a call (asked for every cue)
    if owner is text:
        hit = memo.get(key, _UNREAD)
        if hit is not _UNREAD:
            return hit
    else:
        memo = people.memo_for(text)
    hit = memo[key] = _speaker_for_cue(text, cue_start, cue_end, people)
    return hit


def _speaker_for_cue(text: str, cue_start: int, cue_end: int,
                     people: PeopleIndex) -> tuple[int, int] | None:
    cue = text[cue_start:cue_end].lower()
    words = cue.split()
    verb = words[0] if words else cue
    floor = max(0, text.rfind("\n", max(0, cue_start - 300), cue_start) + 1, cue_start - 300)
    if cue.startswith("according"):
        return _inverted(text, cue_end, people)
    inverted = verb not in TELL  # never the audience after "told"
    i, raw = _skip_back_word(text, cue_start, floor)
    j = i
    while j > floor and text[j - 1] in " \u00a0":
        j -= 1
    before = text[j - 1] if j > floor else ""
    if before == ",":
        if verb.endswith("ing"):  # "..., saying that": the clause's subject speaks
            return clause_subject(text, floor, j, people)
        if j >= 2 and text[j - 2] in "”\"’'":
            return _inverted(text, cue_end, people) if inverted else None
        span = _comma_subject(text, j, floor, people)
        if span is None and inverted:
            span = _inverted(text, cue_end, people)  # "... in the 2008 primary, said Professor X."
            if span is not None and not _INVERTED_END.match(text, span[1]):
                span = None
        return span
    if before in "—–" and j >= 2 and text[j - 2] not in "”\"":
        d = max(text.rfind("—", floor, j - 1), text.rfind("–", floor, j - 1))
        if d > floor and len(text[d:j].split()) <= 12:  # "X — a teacher from Y — says"
            span = _np_before(text, d, floor, people)
            if span is not None:
                return span
    if before in "”\"—–":
        return _inverted(text, cue_end, people) if inverted else None
    if raw is _UNREAD:
        raw = _prev_word(text, cue_start, floor)
    if raw is not None:
        rw = text[raw.a:raw.b].lower()
        if rw in BE and (verb.endswith("ed") or verb in PARTICIPLES):
            return None  # passive: "was called", "is said"
        if verb in ambiguous_verbs() and (rw in STOP_NP or rw in DETS or rw in _NOUN_DETS):
            return None  # "secretary of state", "the post"
    if i == cue_start and raw is not None and raw.a > max(floor, cue_start - 60):
        prev = raw  # the same word: read from j (the spaces before the cue skipped), not cut short
    else:
        prev = _prev_word(text, j, floor)
    if prev is not None and text[prev.a:prev.b].lower() in {"and", "but", "then", "or"}:
        return clause_subject(text, floor, prev.a, people)
    if verb.endswith("ing") and (raw is None or text[raw.a:raw.b].lower() not in BE):
        # "..., at one point calling the mayor a “liar”": the participle's subject is the clause's
        return clause_subject(text, floor, cue_start, people)
    span = _np_before(text, i, floor, people, prev)  # ``prev`` is the word it reads first
    if span is None:
        return None
    if verb in ambiguous_verbs():
        words = text[span[0]:span[1]].split()
        head = words[-1].lower() if words else ""
        if len(words) == 1 and head in DETS or not (
                head in PRON or words[-1][:1].isupper() or head in lex()["role_heads"]):
            return None  # "a phone call", "his home state": a noun, not a verb
    return span


def _inverted(text: str, cue_end: int, people: PeopleIndex) -> tuple[int, int] | None:
    """The phrase right after the cue, up to the end of its line (at most 200 characters)."""
    limit = text.find("\n", cue_end, cue_end + 200)
    limit = min(len(text), cue_end + 200) if limit < 0 else limit
    return _np_after(text, cue_end, limit, people)


_INVERTED_END = re.compile(r"[ \u00a0]*(?:[,.;:!?)—–]|$|who\b|in\b|on\b|at\b)")
