"""Who said it: reporting-verb cues, their subjects, and document-local mention resolution.

The public helpers (kept stable for claims.py):

* ``reporting_verbs()`` - every inflected form from ``data/reporting_verbs.yaml``;
* ``speaker_for_cue(text, cue_start, cue_end, people)`` - the words naming who performed
  the reporting verb at ``text[cue_start:cue_end]``: its subject before it ("Trump said",
  "the Russian leader has repeatedly said"), the name before an apposition ("Smith, the
  campaign's spokesman, said"), or the inverted subject after it ("..., said Smith");
  for "according to" the phrase after it.  The audience after "told" is never returned;
* ``resolve_mention(text, start, end, people)`` - the document-local referent of a mention:
  a pronoun's nearest compatible person, a role phrase's titled person, a surname's full name
  (implemented in :mod:`summitcli.coreference`).

Cue search around a quotation lives in :mod:`summitcli.cues`.
"""
from __future__ import annotations

import bisect
import re
from typing import Sequence

from .people import fullest_forms, lex
from .quotes import _BOUNDARY_RE, boundaries
from .records import PersonMention
from .verbs import ambiguous_verbs, reporting_verbs, verb_re  # noqa: F401 (public here too)

class PeopleIndex(tuple):
    """People in document order with lookups by start and end (keeps cue search linear)."""

    def __new__(cls, people: Sequence[PersonMention]):
        obj = super().__new__(cls, people)
        obj.starts = [p.start for p in obj]
        obj.by_end = {p.end: p for p in obj}
        obj.full = fullest_forms(obj)
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


BE = frozenset("is are was were be been being".split())
PARTICIPLES = frozenset("said told written read put sworn begun".split())
TELL = frozenset({"tell", "tells", "told", "telling"})
SKIP = frozenset("""also has had have having was were is are been be would will could
later then reportedly once previously recently repeatedly further simply flatly quickly often
did does do just even still again publicly privately bluntly famously initially subsequently
finally openly angrily never always already first earlier today yesterday tonight last night
not had since only himself herself themselves itself""".split())
DAYS = frozenset("""monday tuesday wednesday thursday friday saturday sunday""".split())
STOP_NP = frozenset("""and or but that which as if when while because after before so than
then to in on at by for with from into about over under said says told of""".split())
DETS = frozenset("the a an his her its their our my your this that these those another one some".split())
PRON = frozenset("he she they it we i you who which".split())
_QUANT_PRON = frozenset("another one others some many both several few most all".split())

_ACRONYM = re.compile(r"[A-Z]{2,}|(?:[A-Z]\.){2,}")  # "US", "U.S.": a country, never the pronoun "us"
_NP_RUN = re.compile(r"[^,.;:!?\"“”\n()]{1,80}")
_TITLE_GAP = re.compile(r"[\w.\-’' \u00a0]*")
_WORD = re.compile(r"[\w'’.\-]+")
_QMARK = re.compile(r"[“”\"]")
_ABBR = re.compile(r"(?:\b[A-Z]|Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|St|Jr)\.$")
_CAPS_TAIL = re.compile(r"((?:[A-Z][\w.\-]*[ \u00a0])+)$")


class _W:
    """The word found by ``_prev_word`` (quacks like a regex match with one group)."""

    __slots__ = ("text", "a", "b")

    def __init__(self, text: str, a: int, b: int):
        self.text, self.a, self.b = text, a, b

    def group(self, n: int = 0) -> str:
        return self.text[self.a:self.b]

    def start(self, n: int = 0) -> int:
        return self.a

    def end(self, n: int = 0) -> int:
        return self.b


_WORD_CHARS = frozenset("_'’.-")


def _prev_word(text: str, i: int, floor: int) -> _W | None:
    """The word that ends at ``i`` (after skipping spaces), scanning at most 60 characters."""
    lo = max(floor, i - 60)
    j = i
    while j > lo and text[j - 1] in " \u00a0":
        j -= 1
    k = j
    while k > lo and (text[k - 1].isalnum() or text[k - 1] in _WORD_CHARS):
        k -= 1
    return _W(text, k, j) if k < j else None


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
    for _ in range(6):
        j = i
        while j > floor and text[j - 1] in " \u00a0":
            j -= 1
        if j > floor and text[j - 1] == ")":
            o = text.rfind("(", max(floor, j - 40), j)
            if o > floor:
                i = o
                continue
        m = _prev_word(text, i, floor)
        if m is None:
            return i
        w = m.group(1).lower()
        if w in SKIP or (w.endswith("ly") and m.group(1).islower() and len(w) > 4) or w in DAYS:
            i = m.start()
            continue
        if w.rstrip(".,") in _PREP_SKIP_HEADS or w[:1].isupper():
            pp = _PREP_PHRASE.search(text, max(floor, j - 50), j)
            if pp is not None and pp.start() > floor:
                i = pp.start()
                continue
        return i
    return i


def _np_before(text: str, i: int, floor: int, people: Sequence[PersonMention]) -> tuple[int, int] | None:
    """The noun phrase that ends at ``i`` (a pronoun, a name with its title, a role phrase)."""
    j = i
    while j > floor and text[j - 1] in " \u00a0":
        j -= 1
    if j <= floor:
        return None
    m = _prev_word(text, j, floor)
    if m is None or m.end() != j:
        return None
    w = m.group(1)
    lw = w.lower()
    if lw in PRON or lw == "whom":
        return (m.start(), m.end())
    if lw in _QUANT_PRON and (w[:1].isupper() or _prev_word(text, m.start(), floor) is None):
        return (m.start(), m.end())  # "Another tweeted, “…”", "Others said"
    if lw.endswith(("'s", "’s", "s'", "s’")):
        return None  # a possessive is never the subject head ("Clark’s comments")
    idx = index_people(people)
    p = idx.by_end.get(j) or (idx.by_end.get(j - 1) if text[j - 1] == "." else None)
    if p is not None:
        return (_leading_span(text, max(floor, p.start - 40), p), p.end)
    s = lex()
    head_ok = (w[:1].isupper() and lw not in s["not_names"]) or lw.rstrip(".") in s["role_nouns"] \
        or lw in s["role_heads"] or (lw.endswith("s") and lw[:-1] in s["role_heads"])
    if not head_ok:
        return _det_np(text, m, floor)
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


_NOUN_DETS = frozenset("the a an one another some his her its their our my your this these those".split())
_NOT_NOUN = frozenset("""should would could will can may might must shall also then just
not never still even only already""".split())


def _det_np(text: str, m, floor: int) -> tuple[int, int] | None:
    """"one user wrote", "the ad said": a determiner and up to two lowercase words."""
    w = m.group(1)
    if not w.isalpha() or not w.islower() or w in STOP_NP or w in _NOT_NOUN \
            or w.endswith(("ed", "ing")):
        return None
    k = m.start()
    for n in range(3):
        pm = _prev_word(text, k, floor)
        if pm is None or text[pm.end():k].strip():
            return None
        pw = pm.group(1)
        if pw.lower() in _NOUN_DETS:
            if n and pw.lower() in ("this", "these", "those"):
                return None  # "This left everyone": a demonstrative, then a verb
            return (pm.start(), m.end())
        base = pw[:-2] if pw.endswith(("'s", "’s")) else pw
        if not base.isalpha() or not base.islower() or pw in STOP_NP or pw in _NOT_NOUN \
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
            if len(lead) <= 6 and not any(w.lower() in STOP_NP - {"for"} or w.lower() in PRON
                                          for w in lead):
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


def _comma_subject(text: str, j: int, floor: int, people: Sequence[PersonMention]) -> tuple[int, int] | None:
    """"Smith, the campaign's spokesman, said": skip the apposition between commas."""
    seg_start = max(floor, j - 160)
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


def speaker_for_cue(text: str, cue_start: int, cue_end: int,
                    people: Sequence[PersonMention]) -> tuple[int, int] | None:
    """The span of the words naming who performed the reporting verb at text[cue_start:cue_end]."""
    people = index_people(people)
    memo = people.memo_for(text)
    key = ("cue", cue_start, cue_end)
    if key not in memo:
        memo[key] = _speaker_for_cue(text, cue_start, cue_end, people)
    return memo[key]


def _speaker_for_cue(text: str, cue_start: int, cue_end: int,
                     people: PeopleIndex) -> tuple[int, int] | None:
    cue = text[cue_start:cue_end].lower()
    verb = cue.split()[0] if cue.split() else cue
    floor = max(0, text.rfind("\n", max(0, cue_start - 300), cue_start) + 1, cue_start - 300)
    limit = text.find("\n", cue_end, cue_end + 200)
    limit = min(len(text), cue_end + 200) if limit < 0 else limit
    if cue.startswith("according"):
        return _np_after(text, cue_end, limit, people)
    inverted = None if verb in TELL else (lambda: _np_after(text, cue_end, limit, people))
    i = _skip_back(text, cue_start, floor)
    j = i
    while j > floor and text[j - 1] in " \u00a0":
        j -= 1
    before = text[j - 1] if j > floor else ""
    if before == ",":
        if verb.endswith("ing"):  # "..., saying that": the clause's subject speaks
            return clause_subject(text, floor, j, people)
        if j >= 2 and text[j - 2] in "”\"’'":
            return inverted() if inverted else None
        span = _comma_subject(text, j, floor, people)
        if span is None and inverted is not None:
            span = inverted()  # "... in the 2008 primary, said Professor X."
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
        return inverted() if inverted else None
    raw = _prev_word(text, cue_start, floor)
    if raw is not None:
        rw = raw.group(1).lower()
        if rw in BE and (verb.endswith("ed") or verb in PARTICIPLES):
            return None  # passive: "was called", "is said"
        if verb in ambiguous_verbs() and (rw in STOP_NP or rw in DETS or rw in _NOUN_DETS):
            return None  # "secretary of state", "the post"
    prev = _prev_word(text, j, floor)
    if prev is not None and prev.group(1).lower() in {"and", "but", "then", "or"}:
        return clause_subject(text, floor, prev.start(), people)
    if verb.endswith("ing") and (raw is None or raw.group(1).lower() not in BE):
        # "..., at one point calling the mayor a “liar”": the participle's subject is the clause's
        return clause_subject(text, floor, cue_start, people)
    span = _np_before(text, i, floor, people)
    if span is None:
        return None
    if verb in ambiguous_verbs():
        words = text[span[0]:span[1]].split()
        head = words[-1].lower() if words else ""
        if len(words) == 1 and head in DETS or not (
                head in PRON or words[-1][:1].isupper() or head in lex()["role_heads"]):
            return None  # "a phone call", "his home state": a noun, not a verb
    return span


_INVERTED_END = re.compile(r"[ \u00a0]*(?:[,.;:!?)—–]|$|who\b|in\b|on\b|at\b)")


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

    The matches come from one pass per document (:func:`summitcli.quotes.boundaries`); a
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

_LEAD_ADVERBIAL = re.compile(r"[ \u00a0]*(?:(?:Yet|But|And|So|Then|Still|Now|Meanwhile|However|Later|"
                             r"Instead|Also|Indeed|Earlier|Afterwards?)\b,?[ \u00a0]*)?"
                             r"(?:(?:In|On|At|For|After|Before|During|With|As|Since|Under|"
                             r"Following|Speaking|Asked|Last|This|When|While|Despite|Like)\b"
                             r"[^,.;:!?\"“”\n]{0,60},[ \u00a0]+)?")
_SUBJECT_PRON = re.compile(r"(he|she|they|it|we|i)\b", re.I)
_ROLE_SUBJECT = re.compile(r"(?:[Tt]he|An?|an?)[ \u00a0](?:[\w.\-]+[ \u00a0]){0,3}?([a-z][\w\-]+)\b")



def sentence_subject(text: str, floor: int, pos: int,
                     people: Sequence[PersonMention]) -> tuple[int, int] | None:
    """The named subject (or he/she) that opens the sentence starting at ``floor``."""
    idx = index_people(people)
    lead = _LEAD_ADVERBIAL.match(text, floor, pos)
    i = lead.end() if lead else floor
    m = _FIRST_WORD.match(text, i, pos)
    if m is None:
        return None
    if m.group(1).lower() in {"he", "she"}:
        return (m.start(1), m.end(1))
    k = bisect.bisect_left(idx.starts, m.start(1))
    if k < len(idx) and idx[k].end <= pos and len(text[m.start(1):idx[k].start].split()) <= 3:
        p = idx[k]
        after = text[p.end:p.end + 2]
        if after[:1] not in "’'" and (p.kind == "person" or after.startswith((" ", ","))) \
                and all(w[:1].isupper() for w in text[m.start(1):p.start].split()):
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


_FIRST_WORD = re.compile(r"[ \u00a0]*([\w'’]+)")
_VERBISH_NEXT = re.compile(r"[ \u00a0](?:[a-z]+ed|said|says|told|tells|wrote|writes)\b")


def _leading_span(text: str, floor: int, p: PersonMention) -> int:
    """Include a title written before the name ("Sen. Ted Cruz") in the mention."""
    seg = text[floor:p.start]
    m = _CAPS_TAIL.search(seg)
    if m and all(w.lower() in lex()["title_tokens"] or w.lower() in lex()["demonyms"]
                 or w.lower() in lex()["modifiers"] for w in m.group(1).split()):
        return floor + m.start(1)
    return p.start


def resolve_mention(text: str, start: int, end: int,
                    people: Sequence[PersonMention]) -> str | None:
    """The document-local referent name for the mention text[start:end], or None.

    A pronoun resolves to the person its sentence's subject chain points to (a gender known
    to match first), "the Russian leader" to the person titled so in this document, a
    surname to the fullest form of the name here.
    """
    people = index_people(people)
    memo = people.memo_for(text)
    key = ("mention", start, end)
    if key not in memo:
        resolve = _RESOLVER[0]
        if resolve is None:  # imported on first use: coreference imports this module
            from .coreference import resolve_mention as resolve
            _RESOLVER[0] = resolve
        memo[key] = resolve(text, start, end, people)
    return memo[key]


_RESOLVER: list = [None]  # coreference.resolve_mention, once imported
