"""One sentence as claims see it: tokens, cue verbs and where a reported content stops.

:class:`_Sentence` holds the tokens of one sentence and the reporting verbs found in it;
:class:`_Raw` is a claim before it becomes a record. Every loop here is bounded by the
sentence window (``claim_text._MAX_SENT``) or by ``_MAX_CONTENT`` tokens.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import compress

from .claim_text import (
    _APPOS, _AUX, _BAD_START, _CLAUSE_BREAK, _DETS, _MAX_CONTENT, _MAX_CUES, _NOT_PARTICIPLE,
    _OPENERS, _PERIODS, _RELATIVE, _SUBJ_PRONOUNS, _WEEKDAYS, _is_cap, _is_word, _lexicon, _plausible_verb,
    _tokens, _trim, _verb_at,
)

_CLOSERS = frozenset("”\"’")
_NEW_SUBJECT = _SUBJ_PRONOUNS | {"it", "there"}  # ", and he ...", "but it ..."
_BUT_CLAUSE = _NEW_SUBJECT | _DETS
_COMMA_BREAK = (_CLAUSE_BREAK | _RELATIVE) - {"although", "though", "whose"}  # a concession or a "whose" aside belongs to the speaker
_DASHES = frozenset({"—", "–", "-"})
_CONTENT_STOPS = _CLOSERS | _DASHES | {",", ";", ":", "and", "but", "while", "whereas"}




@lru_cache(maxsize=1)
def _cue_words() -> frozenset:
    """Words a claim rule can start from: cue words, forms of "be" (hedges), "as", "in"."""
    lex = _lexicon()
    return lex.triggers | lex.be_forms | {"as", "in"}


@lru_cache(maxsize=1)
def _verb_words() -> frozenset:
    """Words a reporting-verb form can start with (``_verb_at`` finds nothing at any other)."""
    lex = _lexicon()
    return lex.first_words | frozenset(f for f in lex.forms if " " not in f)


# --------------------------------------------------------------------------- one sentence
@dataclass
class _Raw:
    """A claim before it becomes a record: spans only, the speaker unresolved."""

    start: int
    end: int
    cue_start: int
    cue_end: int
    speaker: tuple[int, int] | None
    rule: str
    hedged: bool = False
    priority: int = 0
    fallback: tuple[int, int] | None = None  # subject words when the shared finder names nobody


class _Sentence:
    """Tokens of one sentence plus the cue verbs found in it."""

    def __init__(self, text: str, ss: int, se: int, inside_quote, speaker_fn):
        self.text, self.ss, self.se = text, ss, se
        self.inside_quote = inside_quote
        # tokens as parallel lists: token k is text[starts[k]:ends[k]] == texts[k], lows[k] lower-cased
        self.starts, self.ends, self.texts, self.lows = _tokens(text, ss, se)
        starts, texts, lows = self.starts, self.texts, self.lows
        self.n = n = len(texts)
        self.speaker_fn = speaker_fn
        first = 0
        while first < n and (lows[first] in _OPENERS or not texts[first][:1].isalnum()):
            first += 1
        self.first = first
        self.verbs: dict[int, tuple] = {}
        verb_words, cue_words = _verb_words(), _cue_words()
        # token indices any rule starts from (one C-level pass; the rules loop over these)
        self.cues = list(compress(range(n), map(cue_words.__contains__, lows)))
        if ":" in lows[:7]:  # "Name: ..." openers
            self.cues = sorted(self.cues + [i for i in range(min(n, 7)) if lows[i] == ":"])
        for i in self.cues:
            if lows[i] not in verb_words or inside_quote(starts[i]) or len(self.verbs) >= _MAX_CUES:
                continue
            t = texts[i]
            if not t.islower() and not i <= first and not (self.title and t[1:].islower()):
                continue
            hit = _verb_at(self, i)
            if hit and _plausible_verb(self, i, hit[0]):
                self.verbs[i] = hit

    @cached_property
    def title(self) -> bool:
        """"Senator Says Plan Will Fail": a title-case headline capitalises its verbs too
        (computed only when a capitalised cue word needs it)."""
        words = [t for t in self.texts[:40] if t[:1].isalpha()]
        return len(words) >= 4 and sum(1 for t in words if t[:1].isupper()) >= 0.7 * len(words)

    # ---- content boundaries
    def content_end(self, j: int, phrase: bool = False, comma: bool = False) -> int:
        """Token index where content starting at token j stops (exclusive).

        Content stops at a semicolon, a new clause of the author's (", and he",
        "while saying", ", who"), or where another attributed clause starts (", adding",
        "and others said"). ``phrase`` content (a noun phrase or to-clause) also stops
        before a second predicate ("acknowledged X | and appreciated Y"); with
        ``comma`` it stops at the first comma outside a quotation."""
        lows, texts, starts, lex, verbs = self.lows, self.texts, self.starts, _lexicon(), self.verbs
        stop = min(self.n, j + _MAX_CONTENT)
        for k in range(j + 1, stop):
            w = lows[k]
            if w not in _CONTENT_STOPS and k not in verbs:
                continue  # every test below needs one of these words or a cue verb
            nxt = k + 1 < self.n  # is there a next token (k + 1)?
            if w in _DASHES:  # no test below reads a dash
                if k > j + 1 and nxt and not self.inside_quote(starts[k]) and self._dash_aside(k + 1):
                    return k  # "declined to X - only saying ...", "asked them to X — a message that ...": the author's
                continue
            if comma and w == "," and not self.inside_quote(starts[k]):
                return k
            if w in _CLOSERS and lows[k - 1] == "," and nxt and texts[k + 1].islower() \
                    and lows[k + 1].endswith("ing") and lows[k + 1] not in _NOT_PARTICIPLE:
                return k + 1  # “We didn’t get there,” referencing ...: the participle is the author's
            if nxt and texts[k + 1].islower() and (
                    (w == "," and lows[k + 1].endswith("ing") and lows[k + 1] not in _NOT_PARTICIPLE
                     )
                    or (w in {"and", "but"} and lows[k + 1].endswith("ed") and (phrase or k + 2 < self.n and (
                        lows[k + 2] in _DETS or _is_cap(texts[k + 2]))))):
                return k
            if k > j + 1 and (w == "whereas" or w == "while" and nxt and lows[k + 1].endswith("ing")):
                return k  # "while commending ...": the author's participle; "while 23 percent ..." stays
            if w in {";", ":"} or (w == "but" and k > j + 2 and (nxt and lows[k + 1] != "that" and (
                    lows[k + 1] in _BUT_CLAUSE or _is_cap(texts[k + 1])))):
                return k  # "but he ..." is a new clause; "but was ..." and dashes stay in
            if w == "," and k + 2 < self.n and lows[k + 1] in {"and", "but", "so"} \
                    and (lows[k + 2] in _NEW_SUBJECT or self._new_clause(k + 2)):
                return k  # ", and he ...": a new clause of the author's
            if w == "," and k > j + 3 and k + 2 < self.n and lows[k + 1] in {"a", "an"} \
                    and not self.inside_quote(starts[k]):
                return k  # ", an ambitious goal that ...": the author's apposition
            if phrase and w == "," and nxt and texts[k + 1][:1].isdigit() \
                    and not self.inside_quote(starts[k]):
                return k  # "backed Lee, 57 percent to 22 percent": the author's figures
            if w == "," and k + 2 < self.n and lows[k + 1] == "even" and lows[k + 2] == "as":
                return k  # ", even as Y ...": the author's contrast
            if w == "," and (k + 1 < self.n and lows[k + 1] in _COMMA_BREAK
                             and not (k + 2 < self.n and lows[k + 2] == "that")  # ", but that ..."
                             and not (lows[k + 1] == "but" and k + 2 < self.n and texts[k + 2].islower()
                                      and lows[k + 2].endswith("ed") and lows[k + 2] not in _BUT_CLAUSE)  # ", but added ..."
                             or k + 2 < self.n and lows[k + 1] == "according"):
                return k
            if k in self.verbs and k > j + 1:
                if lows[k - 1] in {"and", "but"} and not w.endswith("ing"):
                    return k - 1
                core = self.verbs[k][1] in lex.coordinating
                for b in range(k - 1, max(j, k - (9 if core else 6)), -1):
                    bw = lows[b]
                    if bw == "that" or bw in lex.wh:
                        break
                    if b < k - 5:  # a longer subject only after ", and": ", and more than 4 in 10 said"
                        if bw in {"and", "but"} and lows[b - 1] == ",":
                            return b - 1
                        continue
                    if bw in {",", ";"} or (core and bw in {"and", "but"} and b > j + 1):
                        return b
        return stop

    def _dash_aside(self, k: int) -> bool:
        """After a spaced dash at k - 1: a participle ("- only saying ...") or an apposition
        ("— a message that ...") of the author's."""
        lows, texts = self.lows, self.texts
        if lows[k] in {"only", "even", "also", "just"} and k + 1 < self.n:
            k += 1
        if not texts[k].islower():
            return False
        if lows[k].endswith("ing") and lows[k] not in _NOT_PARTICIPLE:
            return True
        return lows[k] in {"a", "an"} and k + 2 < self.n and any(
            lows[m] in {"that", "which", "who"} for m in range(k + 2, min(self.n, k + 5)))

    def _new_clause(self, k: int) -> bool:
        """", and the campaign is ...": a subject of up to four words starting at token k
        (a determiner or a name, not a figure: "79 percent ..., and 51 percent ..." is one
        report) followed by a finite verb opens a clause of its own."""
        lows, texts = self.lows, self.texts
        if not (lows[k] in _DETS - {"that"} or texts[k][:1].isupper()):
            return False
        for m in range(k + 1, min(self.n, k + 5)):
            if texts[m].islower() and (lows[m] in _GAP_VERBS or lows[m].endswith("ed")):
                return True
            if not _is_word(texts[m]):
                return False
        return False

    def span(self, a: int, b: int) -> tuple[int, int]:
        """Character span of tokens a..b-1, trimmed."""
        if a >= b:
            return (0, 0)
        return _trim(self.text, self.starts[a], self.ends[b - 1])

    def whole(self, a: int = 0) -> tuple[int, int]:
        return self.span(a, self.content_end(a) if a < self.n else self.n)

    def is_initial(self, i: int) -> bool:
        return i <= self.first

    def appositive_rest(self, k: int) -> bool:
        """After a mid-sentence attribution ending at token k (a comma): apposition or new clause?"""
        if k + 1 >= self.n:
            return True
        w = self.lows[k + 1]
        return w in _APPOS or (w.endswith("ing") and self.texts[k + 1].islower()) or _is_cap(self.texts[k + 1]) \
            and (k + 2 >= self.n or _is_cap(self.texts[k + 2]) or self.lows[k + 2] in {",", "of"})


_BE = frozenset("is are was were be been being".split())


_ADJUNCT_OPENERS = frozenset("after before because despite amid though although whereas".split())
# "backed him | when the bill came up": a time clause after a short object is the author's;
# after a longer one it often belongs to it ("the years when ...")
_TIME_CLAUSE = frozenset({"when", "while"})


_VENUES = frozenset("rally rallies speech speeches interview interviews event events debate debates "
                    "hearing hearings conference conferences show shows meeting meetings statement "
                    "campaign stop stops appearance appearances town hall forum forums".split())


# prepositions that open an adjunct rather than a modifier after a name or a pronoun
# ("endorsed Lee at the rally", "mocked him on the radio"; but "a ban on imports")
_NAME_ADJUNCT = frozenset("from with in at during since across throughout as".split())
_OBJECT_PRONOUNS = frozenset("him her them it us me you".split())
_OBJECT_STOPS = _WEEKDAYS | _ADJUNCT_OPENERS | _TIME_CLAUSE | _NAME_ADJUNCT | {
    "yesterday", "today", "tonight", "earlier", "later", "ago", "last", "this", "next",
    "at", "in", "on", "during", "and", "but"}


def _name_or_pronoun(s: _Sentence, j: int, k: int) -> bool:
    """Are tokens j..k-1 one object pronoun or a capitalised name ("Mr. Lee", "Ana Ruiz")?"""
    if k == j + 1 and s.lows[j] in _OBJECT_PRONOUNS:
        return True
    return all(t[:1].isupper() for t in s.texts[j:k]) and not s.title  # a headline capitalises every noun


def _object_end(s: _Sentence, j: int, end: int, purpose: bool, np: bool = False) -> int:
    """Where a noun-phrase content ("endorsed X last week", "called for X following Y") stops:
    before a time phrase, an adverbial clause, a venue ("at a rally"), a second predicate
    ("and has appeared"), or with ``purpose`` a to-clause of purpose."""
    lows, texts = s.lows, s.texts
    for k in range(j + 1, end):
        w = lows[k]
        if not np and w not in _OBJECT_STOPS:
            continue  # without ``np`` every test below needs one of these words
        nxt = lows[k + 1] if k + 1 < s.n else ""
        if (w in _WEEKDAYS or w in {"yesterday", "today", "tonight", "earlier", "later", "ago"}) \
                and lows[k - 1] not in _DETS:
            return k  # "endorsed X last week", but not "the earlier order"
        if w in {"last", "this", "next", "earlier"} and nxt in _PERIODS:
            return k
        if w in _ADJUNCT_OPENERS and texts[k].islower():
            return k
        if w in _NAME_ADJUNCT and k - j <= 4 and texts[k].islower() and _name_or_pronoun(s, j, k) and (
                w != "as" or nxt == "well"):
            return k
        if w in _TIME_CLAUSE and k - j <= 4 and lows[k - 1] != "as" and texts[k].islower():
            return k
        if w in {"at", "in", "on", "during"} and (nxt in _VENUES or nxt in _DETS and k + 2 < s.n
                                                   and lows[k + 2] in _VENUES or nxt in _WEEKDAYS):
            return k
        if w in {"and", "but"} and (nxt in _AUX or nxt in {"then", "also"} or nxt in _RELATIVE):
            return k
        if np and w == "," and nxt.endswith(("s", "ed")) and not nxt.endswith("ss") and k + 1 < s.n \
                and texts[k + 1].islower() and lows[k - 1] not in _DETS:
            return k  # "who endorsed Lee, represents ...": the relative clause ends, the main verb follows
        if np and texts[k].islower() and (w in _GAP_VERBS or k in s.verbs or w.endswith("ed")
                                               and lows[k - 1] not in _DETS
                                               and not lows[k - 1].endswith("ing")):  # "addressing perceived X"
            return k  # "her support for the bill | surprised many": the sentence's own verb
    return end


def _to_clause_end(s: _Sentence, j: int, end: int, relative: bool = False) -> int:
    """A to-clause ("vowed to fight on") stops before ", though ...", ", after he ..." (the
    author's adjunct clause after a comma) and before "and is ..." (a second predicate); in a
    relative clause ("the man who vowed to X | has failed") before the main clause's verb."""
    lows = s.lows
    for k in range(j + 2, end):
        w = lows[k]
        if relative and w in _GAP_VERBS and s.texts[k].islower() and lows[k - 1] not in {"to", "that", "which", "who"}:
            return k
        if relative and w == "," and k + 1 < s.n and s.texts[k + 1].islower() \
                and lows[k + 1].endswith(("s", "ed")) and not lows[k + 1].endswith("ss"):
            return k  # "Norton, which declined to comment, returned the rights": the main verb
        if lows[k - 1] == "," and (w in _ADJUNCT_OPENERS or w in _TIME_CLAUSE) and s.texts[k].islower():
            return k - 1
        if w in {"and", "but"} and k + 1 < s.n and lows[k + 1] in _AUX:
            return k
    return end


def _relative_clause_end(s: _Sentence, j: int, end: int) -> int:
    """"The mayor, who said the quay was safe, was wrong": content reported inside a relative
    clause stops at the comma before the main clause's verb."""
    lows, texts = s.lows, s.texts
    for k in range(j + 2, end - 1):
        w = lows[k + 1]
        if lows[k] == "," and texts[k + 1].islower() and (w in _GAP_VERBS or w.endswith(("ed", "s"))
                                                          and not w.endswith("ss")) and not s.inside_quote(s.starts[k]):
            return k
    return end


_PRO_FORMS = frozenset("yes no so not otherwise nothing it this that thanks something anything "
                       "everything".split())


_GAP_VERBS = frozenset("is are was were will would could can should may might must has have had "
                       "did does do".split())


def _as_follows(s: _Sentence, j: int) -> bool:
    """Does "as" follow a plain object of one to eight words starting at token j?"""
    lows, texts = s.lows, s.texts
    if j >= s.n or lows[j] in _BAD_START or not _is_word(texts[j]):
        return False
    for k in range(j + 1, min(s.n, j + 9)):
        if lows[k] == "as":
            return k + 1 < s.n and _is_word(texts[k + 1]) and lows[k + 1] not in {"well", "much", "many", "soon", "long"}
        if not (_is_word(texts[k]) or lows[k] in {"’s", "'s", "-"}) or k in s.verbs:
            return False
    return False


def _relative_start(s: _Sentence, i: int, start: int, speaker, a: int) -> int:
    """"a plan which officials said will take effect": the content has no subject of its own,
    so it starts at the relative pronoun before the "officials said" clause."""
    lows, texts, starts = s.lows, s.texts, s.starts
    if lows[start] not in _GAP_VERBS:
        return a
    for k in range(i - 1, max(-1, i - 8), -1):
        if lows[k] in {"which", "that", "who"}:
            return starts[k]
        if not _is_word(texts[k]):
            break
    return a


_FINITE = _GAP_VERBS | _AUX - {"also", "not"}


def _has_verb(s: _Sentence, a: int, b: int) -> bool:
    """Could tokens a..b-1 hold a finite verb? (lower-case auxiliaries, -ed and -s words)"""
    lows, texts = s.lows, s.texts
    return any(texts[k].islower() and (lows[k] in _FINITE or lows[k] in _BE or lows[k].endswith(("ed", "s", "n't", "n’t")))
               for k in range(a + 1, b))


def _past_verbless_comma(s: _Sentence, start: int, end: int) -> int:
    """"reported that during the visit, the envoy left": a that-clause cut at a comma before it
    has any verb was cut after a fronted phrase or a subject's apposition; it goes on."""
    for _ in range(2):
        if end >= s.n or s.lows[end] not in {",", "—", "–", "-"} or _has_verb(s, start, end):
            break
        end = s.content_end(end)
    return end


def _past_subject_aside(s: _Sentence, start: int, end: int) -> int:
    """"said the levy, which took effect in May, hurts firms": content cut at a relative or
    participle aside on its verbless subject goes on when a verb follows the aside's closing comma."""
    lows, texts, n = s.lows, s.texts, s.n
    if end + 2 >= n or lows[end] != "," or _has_verb(s, start, end) or end - start > 8 or not (
            lows[end + 1] in {"which", "who"} or texts[end + 1].islower() and lows[end + 1].endswith("ing")
            and end + 1 not in s.verbs):  # ", saying ...": a report of its own, no aside
        return end
    for m in range(end + 2, min(n - 1, end + 25)):
        if lows[m] in {",", ";", ":"} or s.inside_quote(s.starts[m]):
            w, t = lows[m + 1], texts[m + 1]
            if lows[m] == "," and t.islower() and (w in _FINITE or w in _BE or w.endswith(("ed", "s"))) \
                    and not w.endswith("ss"):
                return s.content_end(m + 1)
            return end
    return end


def _verbless(s: _Sentence, a: int, b: int) -> bool:
    """Is tokens a..b-1 a noun phrase ("his support for the plan") rather than a bare clause
    ("the plan is dead")? It opens with a determiner or a possessive and has no finite verb."""
    lows, texts = s.lows, s.texts
    if a >= min(b, len(lows)):
        return False  # no words at all (content cut off at the end of a text)
    if not (lows[a] in _DETS and lows[a] != "that" or lows[a].endswith(("’s", "'s"))):
        return False
    return not any(texts[k].islower() and (lows[k] in _FINITE or lows[k] in _BE or lows[k].endswith(("ed", "n't", "n’t")))
                   for k in range(a + 1, b))


def _with_subject(s: _Sentence, i: int) -> tuple[int, int] | None:
    """"..., with 40 percent saying ...": the words between "with" and the participle are its
    subject (their span), in an absolute phrase of up to five words."""
    lows, texts = s.lows, s.texts
    for k in range(i - 1, max(-1, i - 7), -1):
        if lows[k] == "with":
            return (s.starts[k + 1], s.ends[i - 1]) if k < i - 1 else None
        if not _is_word(texts[k]) or k in s.verbs or texts[k].islower() and lows[k] in _GAP_VERBS:
            return None
    return None
