"""Rules that find attributed claims inside one sentence.

Each rule looks at a bounded window of tokens around a cue (a reporting verb,
"according to", "as X put it", a hedge, a cue noun) and returns the content
span with the cue and the speaker span that :mod:`summitcli.attribution` finds.
"""
from __future__ import annotations

from dataclasses import dataclass

from .claim_text import (
    _APPOS,
    _AUX,
    _BAD_START,
    _CLAUSE_BREAK,
    _COORD,
    _DETS,
    _MAX_CONTENT,
    _MAX_CUES,
    _NOT_PARTICIPLE,
    _OPENERS,
    _PREPS,
    _QUOTE_CHARS,
    _RELATIVE,
    _SUBJ_PRONOUNS,
    _SUBORDINATORS,
    _PERIODS,
    _TIME,
    _WEEKDAYS,
    _find_complementiser,
    _infinitive,
    _is_cap,
    _is_word,
    _lexicon,
    _plausible_verb,
    _skip_addressee,
    _skip_adverbials,
    _tokens,
    _trim,
    _verb_at,
)


_CLOSERS = frozenset("”\"’")

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
        self.toks = _tokens(text, ss, se)
        self.n = len(self.toks)
        self.speaker_fn = speaker_fn
        self.first = 0
        while self.first < self.n and (self.toks[self.first].low in _OPENERS or not _is_word(self.toks[self.first])):
            self.first += 1
        self.verbs: dict[int, tuple] = {}
        triggers = _lexicon().triggers
        words = [t for t in self.toks[:40] if t.text[:1].isalpha()]
        # "Senator Says Plan Will Fail": a title-case headline capitalises its verbs too
        self.title = len(words) >= 4 and sum(1 for t in words if t.text[:1].isupper()) >= 0.7 * len(words)
        for i, tok in enumerate(self.toks):
            if tok.low not in triggers or inside_quote(tok.start) or len(self.verbs) >= _MAX_CUES:
                continue
            if not tok.text.islower() and not self.is_initial(i) and not (self.title and tok.text[1:].islower()):
                continue
            hit = _verb_at(self.toks, i)
            if hit and _plausible_verb(self.toks, i, hit[0]):
                self.verbs[i] = hit

    # ---- content boundaries
    def content_end(self, j: int, phrase: bool = False, comma: bool = False) -> int:
        """Token index where content starting at token j stops (exclusive).

        Content stops at a semicolon, a new clause of the author's (", and he",
        ", while", ", who"), or where another attributed clause starts (", adding",
        "and others said"). ``phrase`` content (a noun phrase or to-clause) also stops
        before a second predicate ("acknowledged X | and appreciated Y"); with
        ``comma`` it stops at the first comma outside a quotation."""
        toks, lex = self.toks, _lexicon()
        stop = min(self.n, j + _MAX_CONTENT)
        for k in range(j + 1, stop):
            w = toks[k].low
            nxt = toks[k + 1] if k + 1 < self.n else None
            if comma and w == "," and not self.inside_quote(toks[k].start):
                return k
            if w in _CLOSERS and toks[k - 1].low == "," and nxt is not None and nxt.text.islower() \
                    and nxt.low.endswith("ing") and nxt.low not in _NOT_PARTICIPLE:
                return k + 1  # “We didn’t get there,” referencing ...: the participle is the author's
            if nxt is not None and nxt.text.islower() and (
                    (w == "," and nxt.low.endswith("ing") and nxt.low not in _NOT_PARTICIPLE
                     )
                    or (w in {"and", "but"} and nxt.low.endswith("ed") and (phrase or k + 2 < self.n and (
                        toks[k + 2].low in _DETS or _is_cap(toks[k + 2]))))):
                return k
            if w in {"while", "whereas"} and k > j + 1:
                return k
            if w in {";", ":"} or (w == "but" and k > j + 2 and (nxt is not None and nxt.low != "that" and (
                    nxt.low in _SUBJ_PRONOUNS | {"it", "there"} | _DETS or _is_cap(nxt)))):
                return k  # "but he ..." is a new clause; "but was ..." and dashes stay in
            if w == "," and k + 2 < self.n and toks[k + 1].low in {"and", "but", "so"} \
                    and toks[k + 2].low in _SUBJ_PRONOUNS | {"it", "there"}:
                return k  # ", and he ...": a new clause of the author's
            if w == "," and k > j + 3 and k + 2 < self.n and toks[k + 1].low in {"a", "an"} \
                    and not self.inside_quote(toks[k].start):
                return k  # ", an ambitious goal that ...": the author's apposition
            if w == "," and (k + 1 < self.n and toks[k + 1].low in _CLAUSE_BREAK | _RELATIVE
                             and not (k + 2 < self.n and toks[k + 2].low == "that")  # ", but that ..."
                             or k + 2 < self.n and toks[k + 1].low == "according"):
                return k
            if k in self.verbs and k > j + 1:
                if toks[k - 1].low in {"and", "but"} and not w.endswith("ing"):
                    return k - 1
                core = self.verbs[k][1] in lex.coordinating
                for b in range(k - 1, max(j, k - 6), -1):
                    bw = toks[b].low
                    if bw == "that" or bw in lex.wh:
                        break
                    if bw in {",", ";"} or (core and bw in {"and", "but"} and b > j + 1):
                        return b
        return stop

    def span(self, a: int, b: int) -> tuple[int, int]:
        """Character span of tokens a..b-1, trimmed."""
        if a >= b:
            return (0, 0)
        return _trim(self.text, self.toks[a].start, self.toks[b - 1].end)

    def whole(self, a: int = 0) -> tuple[int, int]:
        return self.span(a, self.content_end(a) if a < self.n else self.n)

    def is_initial(self, i: int) -> bool:
        return i <= self.first

    def appositive_rest(self, k: int) -> bool:
        """After a mid-sentence attribution ending at token k (a comma): apposition or new clause?"""
        if k + 1 >= self.n:
            return True
        w = self.toks[k + 1].low
        return w in _APPOS or (w.endswith("ing") and self.toks[k + 1].text.islower()) or _is_cap(self.toks[k + 1]) \
            and (k + 2 >= self.n or _is_cap(self.toks[k + 2]) or self.toks[k + 2].low in {",", "of"})


# --------------------------------------------------------------------------- rules
_CLOSING = frozenset("”\"'’»")
_QUOTE_TOKS = frozenset(_QUOTE_CHARS) | {"—", "–", "(", "-"}


_BE = frozenset("is are was were be been being".split())
_POSSESSIVES = frozenset("his her their its our my your".split())
_PREP_TAIL = _PREPS | _TIME | {"during", "near", "after", "before", "via", "while"}


def _not_a_report(s: _Sentence, i: int, i2: int, form: str) -> bool:
    """Uses of a cue word that report nothing: passives, imperatives, "as expected"."""
    toks, prev = s.toks, s.toks[i - 1].low if i else ""
    if (prev in _BE or (i > 1 and toks[i - 2].low in _BE and (prev.endswith("ly") or prev in _AUX | {"first", "just"}))) \
            and not form.split()[0].endswith("ing"):
        return True  # passives (hedges are handled elsewhere); "is calling for" is progressive
    if s.is_initial(i) and not form.endswith(("ing", "ed")) and form not in {"said", "told", "wrote"}:
        return True  # "Imagine ...", "Details of ...": an imperative or a noun, not a report
    return prev == "as" and (i2 + 1 >= s.n or not _is_word(toks[i2 + 1]))  # "as expected,"


def _noun_reading(s: _Sentence, i: int, form: str, speaker) -> bool:
    """"terrorist attacks", "his original demands": a plural noun, not a verb."""
    prev = s.toks[i - 1].low if i else ""
    inverted = prev in {",", "—", "–"} or prev in _QUOTE_CHARS
    if speaker is None:
        if _infinitive_follows(s, i) or _plain_subject(s, i) or _postposed_end(s, i):
            return False
        return not s.is_initial(i) and not inverted and form in _lexicon().ambiguous
    words = s.text[speaker[0]:speaker[1]].split()
    return form in _lexicon().ambiguous and form.endswith("s") and words[0].lower() in _POSSESSIVES \
        and not any(w[:1].isupper() for w in words)  # "his claims", but "his team believes"


def _infinitive_follows(s: _Sentence, i: int) -> bool:
    """"plans to target", "wants to run": a to-infinitive after a verb of intention."""
    form, _, frames, i2 = s.verbs[i]
    if "infinitive" in frames and i2 + 2 < s.n and s.toks[i2 + 1].low == "to" and _infinitive(s.toks, i2 + 1):
        return True
    return "causative" in frames and any(  # "expect the two mayors to appear"
        s.toks[k].low == "to" and _infinitive(s.toks, k) for k in range(i2 + 2, min(s.n - 1, i2 + 6)))


def _postposed_end(s: _Sentence, i: int) -> bool:
    """"..., records show." / "..., the report found.": a short subject after a comma and
    the verb last in its sentence."""
    form, _, _, i2 = s.verbs[i]
    toks = s.toks
    if not (i2 + 1 >= s.n or toks[i2 + 1].low in {".", "!", "?"}):
        return False
    for k in range(i - 1, max(-1, i - 6), -1):
        if toks[k].low == ",":
            return k < i - 1 and k >= 3
        if not _is_word(toks[k]):
            return False
    return False


def _source_subject(s: _Sentence, i: int) -> bool:
    """"the survey found", "records show", "the poll also found": a document or a poll reports."""
    toks, k = s.toks, i - 1
    while k >= 0 and toks[k].text.islower() and (toks[k].low in _SUBJ_SKIP or toks[k].low.endswith("ly")):
        k -= 1
    return k >= 0 and toks[k].low in _lexicon().source_nouns


def _plain_subject(s: _Sentence, i: int) -> bool:
    """A pronoun or a capitalised name (not the sentence's first word) right before the verb,
    adverbs and auxiliaries skipped: "Rubio really wants", "they also back"."""
    toks, k = s.toks, i - 1
    while k >= 0 and (toks[k].low in _SUBJ_SKIP or toks[k].low.endswith("ly") and toks[k].text.islower()):
        k -= 1
    if k < 0:
        return False
    return toks[k].low in _SUBJ_PRONOUNS or toks[k].low in _lexicon().source_nouns | _lexicon().group_nouns \
        or (_is_cap(toks[k]) and _is_word(toks[k]) and k > s.first)


def _content_start(s: _Sentence, i2: int, form: str, frames, source: bool = False) -> tuple[int, str] | None:
    """Where the reported content after the verb starts, and the rule that says so."""
    toks, n, lex = s.toks, s.n, _lexicon()
    j = _skip_adverbials(toks, i2 + 1, n)
    c = _find_complementiser(toks, j, n, free=2 if "addressee" in frames else 0)
    if c is None and "causative" in frames and "addressee" not in frames and any(
            toks[k].low == "to" and _infinitive(toks, k) for k in range(j + 1, min(n - 1, j + 5))) \
            and all(_is_word(t) for t in toks[j:j + 2]) and toks[j].low not in _BAD_START:
        return j, "verb-to"  # "want the council to act": the object and its to-clause
    w = toks[c].low if c is not None else None
    if form in lex.that_only and w not in lex.wh | {"that"} and not source:
        return None
    if w == ":":
        return c + 1, "verb-colon"
    if w == "that":
        return c, "verb-that"
    if w in lex.wh and frames & {"question", "clause"}:
        return c, "verb-wh"
    if w == "to" and "infinitive" in frames and _infinitive(toks, c):
        return (j if c > j and "addressee" in frames else c), "verb-to"  # "asked X to ..."
    if not frames & {"clause", "object"}:
        return None
    if "addressee" in frames:
        j = _skip_adverbials(toks, _skip_addressee(toks, j, n), n)
    if j < n and (toks[j].low in _BAD_START or toks[j].low in _QUOTE_TOKS - {"“", '"', "‘"}):
        return None
    if j > i2 + 1 and toks[j - 1].low == ",":
        return None  # "what he said this week, | he talked about ...": the comma closes his clause
    return j, ("verb-object" if "clause" not in frames else "verb-clause")


_ADJUNCT_OPENERS = frozenset("after before because despite amid though although whereas".split())
_VENUES = frozenset("rally rallies speech speeches interview interviews event events debate debates "
                    "hearing hearings conference conferences show shows meeting meetings statement "
                    "campaign stop stops appearance appearances town hall forum forums".split())


def _object_end(s: _Sentence, j: int, end: int, purpose: bool, np: bool = False) -> int:
    """Where a noun-phrase content ("endorsed X last week", "called for X following Y") stops:
    before a time phrase, an adverbial clause, a venue ("at a rally"), a second predicate
    ("and has appeared"), or with ``purpose`` a to-clause of purpose."""
    toks = s.toks
    for k in range(j + 1, end):
        w, nxt = toks[k].low, toks[k + 1].low if k + 1 < s.n else ""
        if (w in _WEEKDAYS or w in {"yesterday", "today", "tonight", "earlier", "later", "ago"}) \
                and toks[k - 1].low not in _DETS:
            return k  # "endorsed X last week", but not "the earlier order"
        if w in {"last", "this", "next", "earlier"} and nxt in _PERIODS:
            return k
        if w in _ADJUNCT_OPENERS and toks[k].text.islower():
            return k
        if w in {"at", "in", "on", "during"} and (nxt in _VENUES or nxt in _DETS and k + 2 < s.n
                                                   and toks[k + 2].low in _VENUES or nxt in _WEEKDAYS):
            return k
        if w in {"and", "but"} and (nxt in _AUX or nxt in {"then", "also"}):
            return k
        if np and toks[k].text.islower() and (w in _GAP_VERBS or k in s.verbs or w.endswith("ed")
                                               and toks[k - 1].low not in _DETS):
            return k  # "her support for the bill | surprised many": the sentence's own verb
    return end


_PRO_FORMS = frozenset("yes no so not otherwise nothing it this that thanks something anything "
                       "everything".split())
_GAP_VERBS = frozenset("is are was were will would could can should may might must has have had "
                       "did does do".split())


def _relative_start(s: _Sentence, i: int, start: int, speaker, a: int) -> int:
    """"a plan which officials said will take effect": the content has no subject of its own,
    so it starts at the relative pronoun before the "officials said" clause."""
    toks = s.toks
    if toks[start].low not in _GAP_VERBS:
        return a
    for k in range(i - 1, max(-1, i - 8), -1):
        if toks[k].low in {"which", "that", "who"}:
            return toks[k].start
        if not _is_word(toks[k]):
            break
    return a


def _subordinate_end(s: _Sentence, i: int, start: int, end: int, speaker) -> int:
    """"While he insisted that X, it was ...": the main clause after the comma is the author's."""
    toks = s.toks
    h = _clause_head(s, i, speaker)
    first = s.first + 1 if toks[s.first].low == "even" and s.first + 1 < s.n else s.first  # "Even as ..."
    if not (toks[first].low in _SUBORDINATORS | {"having", "despite", "unless", "until"} and first < i
            or first == i and toks[i].low.endswith(("ing", "ed"))  # "Recalling X, the party ..."
            or toks[h].low in _SUBORDINATORS or h > 0 and toks[h - 1].low in _SUBORDINATORS):
        return end
    for k in range(start + 2, end - 1):
        if toks[k].low in {",", "”", '"'} and (
                toks[k + 1].low in {"it", "he", "she", "they", "we", "i", "there", "another", "others", "many",
                                    "most", "some", "the", "this", "these", "those", "few", "his", "her",
                                    "their", "its", "our", "a", "an"}
                or toks[k].low == "," and _is_cap(toks[k + 1]) and not s.inside_quote(toks[k].start)):
            return k
    return end


def _verb_claim(s: _Sentence, i: int) -> _Raw | None:
    """A reporting verb: content after it (X said that ...) or before it (..., X said)."""
    form, lemma, frames, i2 = s.verbs[i]
    toks, n = s.toks, s.n
    if _not_a_report(s, i, i2, form):
        return None
    cs, ce = toks[i].start, toks[i2].end
    if "raising" in frames:
        if i2 + 1 < n and toks[i2 + 1].low == "to" and _infinitive(toks, i2 + 1):
            a, b = s.span(_clause_head(s, i, None), s.content_end(i2 + 1))
            return _Raw(a, b, cs, ce, None, "raising", priority=1) if b > a else None
        return None
    speaker = s.speaker_fn(cs, ce)
    if _noun_reading(s, i, form, speaker):
        return None
    source = _source_subject(s, i)
    post = None if form in _lexicon().that_only and not source else _postposed(s, i, i2, form, frames, speaker)
    if post is not None:
        return post
    prev = toks[i - 1].low if i else ""
    if form.split()[0].endswith("ing") and prev not in {",", "and", "—", "by", "after", "before", "while", "when"} | _BE \
            and not prev.endswith(("’s", "'s", "’re", "'re", "’m", "'m")) \
            and not s.is_initial(i):
        return None  # gerund or progressive without a subject we can trust
    if form.endswith("ed") and any(t.low == "by" for t in toks[i2 + 1:i2 + 6]) and not any(
            t.low == "that" for t in toks[i2 + 1:i2 + 6]):
        return None  # "a fair called the Crossroads by its citizens": a passive participle
    if i > 0 and toks[i - 1].low in _CLOSING:
        return None  # "…,'' concluded a 2013 study": the words after the verb name the speaker
    found = _content_start(s, i2, form, frames, source)
    if found is None:
        return None
    start, rule = found
    end = s.content_end(start, phrase=rule in {"verb-object", "verb-to"}, comma=False)
    if rule == "verb-object":
        end = _object_end(s, start, end, "infinitive" not in frames)
    if end < n and toks[end].low == ":" and end - start <= 4:  # "offered several suggestions: that ..."
        start = end + 1
        end = s.content_end(start)
    end = _subordinate_end(s, i, start, end, speaker)
    words = sum(1 for t in toks[start:end] if _is_word(t))
    if 0 < words < 3 and rule == "verb-clause" and (words == 1 and toks[start].low in _PRO_FORMS or words == 2 and (
            toks[start].low == "the" and toks[start + 1].low == "same" or
            toks[start].low in _SUBJ_PRONOUNS | {"it"} and toks[start + 1].low in _GAP_VERBS)):
        words = 3  # "said yes", "think so", "said the same", "said he would"
    if words == 0 or (rule == "verb-clause" and words < (2 if "object" in frames else 3)) \
            or (form in _lexicon().ambiguous and words < 2):
        return None
    a, b = s.span(start, end)
    if rule == "verb-clause":
        a = _relative_start(s, i, start, speaker, a)
    return _Raw(a, b, cs, ce, speaker, rule, priority=2,
                fallback=None if speaker else _fallback_subject(s, i, i2))


def _postposed(s: _Sentence, i: int, i2: int, form: str, frames, speaker) -> _Raw | None:
    """"..., Trump said." / "..., said Trump." / "A, he said, B.": content is the rest of the sentence."""
    toks, n = s.toks, s.n
    if form.endswith("ing") or "clause" not in frames:
        return None
    k = i2 + 1
    while k < n and toks[k].low not in {",", ";", ".", "!", "?", ")"} | _QUOTE_TOKS:
        k += 1
    tail = toks[i2 + 1:k]
    if tail and tail[0].low == "to" and _infinitive(toks, i2 + 1):
        return None  # "who promised to end the wars": a to-clause follows, nothing precedes
    head = _clause_head(s, i, speaker)
    if toks[head].low in _RELATIVE or toks[head].low == "that":
        return None  # "..., which the agency declared": a relative clause, not an attribution
    if head == i and i > 1 and toks[i - 1].low == "," and _skip_parenthetical(s, i - 1) < i - 2:
        return None  # "Two elections, a century apart, suggest ...": an aside after the subject
    before = toks[head - 1].low if head > 0 else ""
    after_quote = before in _CLOSING and head >= 2
    appos = False
    if not after_quote:
        # "..., said a handful of Democrats who point to ...": an inverted speaker with its own clause
        appos = head == i and bool(tail) and (tail[0].low in _DETS or _is_cap(tail[0])) and any(
            t.low in {"who", "whom", "whose"} for t in tail[1:10])
        if any(t.low in {"that", ":"} or t.low in _lexicon().wh for t in tail) and not appos:
            return None
        if len(tail) > 14 and tail[0].low not in _PREP_TAIL and not appos:
            return None
    inverted = before in {",", "—", "–"} or before in _QUOTE_CHARS
    adverbial = "addressee" in frames and head < i and len(tail) <= 6 and (k >= n or toks[k].low in {".", "!", "?"}) \
        and not any(t.low in _SUBJ_PRONOUNS | {"it"} or t.text.islower() and t.low in _GAP_VERBS for t in tail) \
        or all(t.low in _lexicon().between or _is_cap(t) or (t.low.endswith("ly") and t.text.islower())
                    for t in tail) \
        or (tail and tail[0].low in _PREP_TAIL)
    if head == i and len(tail) > 6 and not (k < n and toks[k].low == ",") and not (not after_quote and appos):
        return None  # "..., reveals the risks of ...": a verb with its object, not "said X"
    if head == i and len(tail) > 1 and (tail[0].low in _SUBJ_PRONOUNS | {"it"} or any(
            t.text.islower() and t.low in _GAP_VERBS | _AUX - {"also", "not"} for t in tail)):
        return None  # "..., 67 percent, say they will ...": a clause follows, not a speaker
    if not inverted or head < 2 or not (adverbial or head == i or after_quote):
        return None
    if after_quote:  # "“...,” he said": the attribution of a quotation, which is not a claim
        return _Raw(0, 0, toks[i].start, toks[i2].end, speaker, "quote-attribution")
    cut = head - 1
    while cut > 0 and (toks[cut].low in {",", "—", "–"}):
        cut -= 1
    if sum(1 for t in toks[:cut + 1] if _is_word(t)) < 3 and not (k < n and toks[k].low == ",") \
            and (toks[0].low in _PREP_TAIL | _PERIODS | {"last", "next", "this", "then", "now"}):
        return None  # "Last month, 26 percent said the same": a fronted time phrase, not the content
    nxt = toks[k + 1] if k + 1 < n else None
    mid = k < n and toks[k].low == "," and nxt is not None and nxt.low not in {"and", "but", "or"} and (
        # "The plan, said Lee, is doomed": after an inverted speaker only a verb continues the content;
        # "..., said Lee, director of ...": anything else is the speaker's apposition
        nxt.text.islower() and nxt.low in _GAP_VERBS if head == i
        else not s.appositive_rest(k)
        or _is_word(nxt) and not (nxt.text.islower() and nxt.low.endswith("ing")))
    a, b = s.span(0, s.content_end(k + 1) if mid else cut + 1)
    if b <= a:
        return None
    fallback = None if speaker else (_subject_after(s, i2) if head == i else (toks[head].start, toks[i - 1].end))
    return _Raw(a, b, toks[i].start, toks[i2].end, speaker, "verb-after" if not mid else "verb-inside",
                priority=1, fallback=fallback)


def _clause_head(s: _Sentence, i: int, speaker) -> int:
    """First token of the "X said" clause that ends at verb token i (subject included).

    Walks back over words to the nearest boundary; a speaker span that starts
    earlier (a name with its apposition) wins."""
    toks = s.toks
    h = i
    while h > 0 and i - h < 8 and _is_word(toks[h - 1]) and h - 1 not in s.verbs \
            and toks[h - 1].low not in {"that", "and", "but", "while", "because", "if", "when"}:
        h -= 1
    if speaker is not None and speaker[1] <= toks[i].start and speaker[0] < toks[h].start:
        while h > 0 and toks[h - 1].end > speaker[0]:
            h -= 1
    return h


_NEGATED = frozenset(w + "n" + q + "t" for w in "do does did would could should is was are were has have had".split()
                     for q in "'’") | frozenset(f"{w}{q}t" for w in ("don", "won", "can") for q in "'’")
_SUBJ_SKIP = _AUX | _NEGATED | frozenset("also still just even already now then only first later "
                                         "repeatedly previously recently often never not always long "
                                         "both all each together jointly once again ever further yet "
                                         "since".split())
_SUBJ_STOP = frozenset("that and but because if when while although though as since after before "
                       "so than where which whom".split())


_ASIDES = frozenset("however instead though too also meanwhile still nonetheless nevertheless "
                    "moreover indeed furthermore then now thus".split())


def _fallback_subject(s: _Sentence, i: int, i2: int) -> tuple[int, int] | None:
    """The words right before the cue verb (or right after "..., said"), when the shared
    speaker finder names nobody: "Those surveyed said", "47 percent said", "Polls show".

    Only the span is found here; the name still comes from the shared resolver."""
    toks = s.toks
    if toks[i].low.endswith("ing") or i > 0 and toks[i - 1].low in {"and", "but", "then", "or"}:
        return _main_subject(s, i)  # participles and coordinated verbs take the main verb's subject
    k = i - 1
    while k >= 0 and (toks[k].text.islower() and (toks[k].low in _SUBJ_SKIP or toks[k].low.endswith("ly"))
                      or toks[k].low == "," and k > 1 and toks[k - 1].low in _ASIDES and toks[k - 2].low == ","
                      or toks[k].low in _ASIDES and k > 0 and toks[k - 1].low == ","
                      or toks[k].low == "," and toks[k + 1].low in _ASIDES):
        k -= 1  # "has, however, revealed": asides between subject and verb
    k = _skip_parenthetical(s, k)
    if k < 0 or not _is_word(toks[k]) or toks[k].low in _SUBJ_STOP or k in s.verbs:
        if k > 0 and toks[k].low == "," and _is_word(toks[k - 1]) and toks[k - 1].low not in _SUBJ_STOP | _ASIDES \
                and not toks[k - 1].low.endswith("ly"):
            k -= 1  # "about two-thirds, 67 percent, say they ...": the phrase before the comma
        else:
            return None
    h = k
    while h > 0 and k - h < 10 and (_is_word(toks[h - 1]) or toks[h - 1].low in {"’s", "'s", "-"}) \
            and toks[h - 1].low not in _SUBJ_STOP and h - 1 not in s.verbs:
        h -= 1
    return (toks[h].start, toks[k].end)


def _skip_parenthetical(s: _Sentence, k: int) -> int:
    """Step back over "(D-R.I.)", "- including X -", ", which Y won," or ", for instance,"
    between subject and verb."""
    toks = s.toks
    for _ in range(3):
        if k > 1 and toks[k].low in _PERIODS | _WEEKDAYS | {"past"}:
            j = next((j for j in range(k - 1, max(-1, k - 4), -1) if toks[j].low in {"on", "in", "at", "last", "this"}), -1)
            if j > 0:
                k = j - 1  # "allies have in the past said", "but on Tuesday wrote"
                while k > 0 and toks[k].text.islower() and (toks[k].low in _SUBJ_SKIP or toks[k].low.endswith("ly")):
                    k -= 1
                continue
        if k > 1 and toks[k].low in {"particular", "example", "instance", "turn", "contrast", "fact", "general"} \
                and toks[k - 1].low in {"in", "for", "by"}:
            k -= 2  # "France in particular feared"
            continue
        if k > 2 and toks[k].low == ",":
            j = next((j for j in range(k - 1, max(-1, k - 7), -1) if toks[j].low == ","), -1)
            if j > 0 and toks[j + 1].text[:1].islower() or j > 0 and toks[j + 1].low.endswith("ly"):
                k = j - 1  # ", for instance," / ", to his credit," / ", realistically,"
                continue
        if k > 0 and toks[k].low == ")":
            j = next((j for j in range(k - 1, max(-1, k - 12), -1) if toks[j].low == "("), -1)
            k = j - 1 if j > 0 else k
        elif k > 0 and toks[k].low in {"—", "–", "-", "--"}:
            j = next((j for j in range(k - 1, max(-1, k - 20), -1) if toks[j].low == toks[k].low), -1)
            k = j - 1 if j > 0 else k
        elif k > 0 and toks[k].low == ",":
            j = next((j for j in range(k - 1, max(-1, k - 15), -1)
                      if toks[j].low == "," and toks[j + 1].low in _RELATIVE), -1)
            if j > 0:
                k = j - 1
            elif toks[k - 1].low == ")":
                k -= 1
            else:
                return k
        else:
            return k
    return k


_FRONTED = _SUBORDINATORS | _PREPS | frozenset("after before during despite amid following".split())


def _main_subject(s: _Sentence, i: int) -> tuple[int, int] | None:
    """The subject that opens the sentence ("Mr. Lee was blunt, claiming ..."), after a fronted
    phrase ("At a rally, ..."): the words before its first verb."""
    toks = s.toks
    a = s.first
    limit = i
    if a < i and toks[a].low in _FRONTED:  # "At a rally, X ..." / "After thanking Y, X ..."
        a = next((k + 1 for k in range(a, min(s.n, a + 30)) if toks[k].low == ","), s.n)
        limit = s.n if a > i else i
    if a >= limit or not (_is_cap(toks[a]) or toks[a].low in _SUBJ_PRONOUNS | _DETS) \
            or toks[a].low[:-2] in {"it", "there", "that", "here", "what"} and toks[a].low.endswith(("’s", "'s")):
        return None  # "It's a big if, ...": the author's own sentence
    i = limit
    b = a
    while b < i and b - a < 8 and (_is_word(toks[b]) or toks[b].low in {"’s", "'s", "-", "."}) and not (
            toks[b].text.islower() and (toks[b].low in _GAP_VERBS | _AUX or b in s.verbs or b > a and (
                toks[b].low.endswith(("ed", "s")) and not toks[b - 1].low in _DETS))):
        b += 1
    if b == a or b > i or toks[b - 1].low in _DETS:
        return None
    return (toks[a].start, toks[b - 1].end)


def _subject_after(s: _Sentence, i2: int) -> tuple[int, int] | None:
    """"..., said the campaign's spokesman." """
    toks, k = s.toks, i2 + 1
    while k < s.n and k - i2 <= 10 and (_is_word(toks[k]) or toks[k].low in {"’s", "'s", "-", "."}):
        k += 1
    if k == i2 + 1 or not (k >= s.n or toks[k].low in {",", ".", ";", "!", "?"}):
        return None
    return (toks[i2 + 1].start, toks[k - 1].end)


def _source_phrase(s: _Sentence, a: int) -> tuple[int, int]:
    """Tokens of the source after "according to": up to a comma or the sentence end."""
    b = a
    while b < s.n and b - a < 30 and s.toks[b].low not in {",", ";", ".", "(", ")", "—", "–", ":"} | set(_QUOTE_CHARS):
        b += 1
    return (a, b)


def _according_claim(s: _Sentence, i: int) -> _Raw | None:
    toks, n = s.toks, s.n
    _, b = _source_phrase(s, i + 2)
    if b <= i + 2:
        return None
    cs, ce = toks[i].start, toks[i + 1].end
    speaker = s.speaker_fn(cs, ce)
    if s.is_initial(i):
        if b >= n or toks[b].low != ",":
            return None
        c, d = s.span(b + 1, s.content_end(b + 1))
        rule = "according-before"
    else:
        mid = b < n - 1 and toks[b].low == "," and not s.appositive_rest(b)
        c, d = s.span(0 if mid else _last_clause_start(s, i), s.content_end(b + 1) if mid else i)
        rule = "according-inside" if mid else "according-after"
    if d <= c:
        return None
    return _Raw(c, d, cs, ce, speaker, rule, priority=3, fallback=s.span(i + 2, b))


def _last_clause_start(s: _Sentence, i: int) -> int:
    """Start of the clause that ends before token i: after a colon, a semicolon or
    ", which" / ", with" ("..., with most voters saying she cannot be trusted, according to ...")."""
    toks = s.toks
    for k in range(i - 2, 0, -1):
        w = toks[k].low
        if w in {":", ";"}:
            return k + 1
        if w == "," and k + 1 < i - 1 and toks[k + 1].low in _RELATIVE | {"with"} and not s.inside_quote(toks[k].start):
            return k + 1
    return 0


def _as_claim(s: _Sentence, i: int) -> _Raw | None:
    """"As X put it, ..." / "..., as X wrote." """
    toks, n, lex = s.toks, s.n, _lexicon()
    for k in range(i + 2, min(n, i + 8)):
        w = toks[k].low
        if w in lex.as_verbs:
            break
        if not _is_word(toks[k]) or w in {"as", "well", "soon", "long", "much", "far", "if", "though"}:
            return None
    else:
        return None
    v_end = k + 1 if k + 1 < n and toks[k + 1].low == "it" else k
    if v_end + 1 < n and toks[v_end + 1].low not in {",", ".", ";", ")", "!", "?"} | set(_QUOTE_CHARS):
        return None
    speaker = s.speaker_fn(toks[k].start, toks[k].end)
    cs, ce = toks[i].start, toks[v_end].end
    if s.is_initial(i):
        c, d = s.whole(v_end + 2) if v_end + 2 < n else (0, 0)
        rule = "as-before"
    elif v_end + 2 < n and toks[v_end + 1].low == "," and toks[v_end + 2].low not in _COORD | _OPENERS:
        # "there was, as X put it, no deal"
        a = i - 1 if toks[i - 1].low == "," else i
        while a > 0 and toks[a - 1].low not in {",", ";", ":"}:
            a -= 1
        c, d = s.span(a, s.content_end(v_end + 2))
        rule = "as-inside"
    else:  # "..., as X wrote.": from the last complementiser, if any ("the conclusion that ...")
        a = max((k for k in range(i) if toks[k].low == "that"), default=-1) + 1
        c, d = s.span(a if a < i - 2 else 0, i)
        rule = "as-after"
    if d <= c:
        return None
    return _Raw(c, d, cs, ce, speaker, rule, priority=3)


def _hedge_claim(s: _Sentence, i: int) -> _Raw | None:
    """"X reportedly ...", "X is said to ...", "it is believed that ...": hearsay with no speaker.

    The content is the clause the hedge sits in, subject included; it runs on
    past the hedge itself."""
    toks, n, lex = s.toks, s.n, _lexicon()
    if toks[i].low in lex.hedge_adverbs:
        c, d = s.span(0, s.content_end(i))
        return _Raw(c, d, toks[i].start, toks[i].end, None, "hedge-adverb", True) if d > c else None
    if toks[i].low not in lex.be_forms:
        return None
    k = i + 1
    if k < n and (toks[k].low.endswith("ly") or toks[k].low == "not"):
        k += 1  # "is widely expected to", "is not expected to"
    if k + 1 >= n or toks[k].low not in lex.hedge_passives or toks[k + 1].low not in {"to", "that"}:
        return None
    if toks[k + 1].low == "that":  # "it is believed that ..."
        c, d = s.whole(k + 1)
        cue_end = toks[k].end
    else:
        c, d = s.span(0, s.content_end(k + 1))
        cue_end = toks[k + 1].end
    return _Raw(c, d, toks[i].start, cue_end, None, "hedge-passive", True) if d > c else None


def _noun_claim(s: _Sentence, i: int) -> _Raw | None:
    """"Russia's view that ...", "his claim that ...", "her support for X", "their plan to ...":
    the possessor is the speaker."""
    toks, lex = s.toks, _lexicon()
    if i == 0 or i + 1 >= s.n:
        return None
    nxt = toks[i + 1].low
    preps = lex.object_nouns.get(toks[i].low, frozenset())
    if not (nxt == "that" and toks[i].low in lex.cue_nouns or nxt in preps):
        return None
    p = toks[i - 1]
    if p.low in {"his", "her", "their", "its", "our"}:
        speaker = (p.start, p.end)
    elif p.low.endswith(("’s", "'s")) and _is_cap(p):
        k = i - 1
        while k > 0 and _is_cap(toks[k - 1]) and _is_word(toks[k - 1]):
            k -= 1
        speaker = (toks[k].start, p.end - 2)
    else:
        return None
    if nxt == "that":
        c, d = s.whole(i + 1)
        rule = "noun-that"
    else:  # the object of the preposition, or the to-clause with its "to"
        clause = nxt == "to" and _infinitive(toks, i + 1)
        a = i + 1 if clause else i + 2
        if a >= s.n:
            return None
        c, d = s.span(a, _object_end(s, a, s.content_end(a, phrase=True), False, np=not clause))
        rule = "noun-object"
    if d <= c:
        return None
    cue_end = toks[i].end if rule == "noun-that" else toks[i + 1].end
    return _Raw(c, d, toks[i].start, cue_end, speaker, rule, priority=1)


def _in_source_claim(s: _Sentence, i: int) -> _Raw | None:
    """"In a poll released Monday, 40 percent back the plan": a poll or report opens the
    sentence and vouches for the clause after its comma."""
    toks, sources = s.toks, _lexicon().source_nouns
    b = i + 1
    while b < s.n and b - i < 16 and toks[b].low not in {",", ";", ":", "."}:
        b += 1
    if b >= s.n or toks[b].low != "," or not any(t.low in sources for t in toks[i + 1:b]):
        return None
    if b + 1 < s.n and toks[b + 1].text.islower() and toks[b + 1].low.endswith("ed"):
        b += 1  # "In the new poll, conducted in March, ...": skip the participle phrase
        while b < s.n and b - i < 30 and toks[b].low != ",":
            b += 1
        if b >= s.n:
            return None
    c, d = s.span(b + 1, s.content_end(b + 1))
    if d <= c or sum(1 for t in toks[b + 1:] if _is_word(t)) < 3:
        return None
    e = i + 1
    while e < b and toks[e].low != ",":
        e += 1
    return _Raw(c, d, toks[i].start, toks[i].end, None, "in-source", priority=1, fallback=s.span(i + 1, e))


def _adjective_claim(s: _Sentence, i: int) -> _Raw | None:
    """"X is confident that ...", "Y was critical of Z", "they are eager to ...": a stance
    adjective after a form of "be"; the subject of "be" holds the stance."""
    toks, lex = s.toks, _lexicon()
    if i + 1 >= s.n or toks[i + 1].low not in lex.adjectives[toks[i].low]:
        return None
    b = i - 1
    while b >= 0 and toks[b].text.islower() and (toks[b].low.endswith("ly") or toks[b].low in {"not", "so", "very", "too", "more", "less", "most", "also", "still"}):
        b -= 1
    if b < 1 or toks[b].low not in _BE | {"remain", "remains", "remained", "seem", "seems", "seemed", "appeared", "sounded", "felt", "become", "became"}:
        return None
    if toks[b - 1].low in {"it", "there", "this", "that", "what"}:
        return None  # "it is clear that ...": the author's own assertion
    clause = toks[i + 1].low in {"that", "to"} and (toks[i + 1].low == "that" or _infinitive(toks, i + 1))
    a = i + 1 if clause else i + 2
    if a >= s.n:
        return None
    end = s.content_end(a, phrase=not clause)
    if not clause:
        end = _object_end(s, a, end, False, np=True)
    c, d = s.span(a, end)
    if d <= c:
        return None
    cs, ce = toks[i].start, toks[i].end
    speaker = s.speaker_fn(cs, ce)
    return _Raw(c, d, cs, ce, speaker, "adjective", priority=2,
                fallback=None if speaker else _fallback_subject(s, b, b))


def _colon_claim(s: _Sentence, i: int) -> _Raw | None:
    """"Lynch: No outside influence on the inquiry": a name and a colon open a line."""
    toks = s.toks
    if i == 0 or i + 1 >= s.n or (s.ss > 0 and s.text[s.ss - 1] != "\n"):
        return None
    if not all(_is_cap(t) and _is_word(t) or t.low in {"on", "of", "’s", "'s"} for t in toks[:i]) \
            or toks[0].low in _DETS or sum(1 for t in toks[i + 1:] if t.text[:1].isalpha()) < 3:
        return None  # "The Latest: ...", "Clinton: 547": a heading or a tally
    if toks[i + 1].start - toks[i].end > 2 or not _is_word(toks[i + 1]) and toks[i + 1].low not in "“‘\"'":
        return None
    if s.text[toks[0].start:toks[i - 1].end].lower() in _lexicon().colon_labels:
        return None  # "Note:", "Q:": a label of the author's, not a speaker
    speaker = s.speaker_fn(toks[i].start, toks[i].end)
    fallback = None
    if speaker is None:  # a name the shared finder does not know counts only in the headline
        if s.ss > 0 or i > 6:
            return None
        fallback = s.span(0, i)  # ... except in the headline: "Poll: ...", "City Paper: ..."
    a, b = s.span(i + 1, s.content_end(i + 1))
    return _Raw(a, b, toks[i].start, toks[i].end, speaker, "name-colon", priority=2,
                fallback=fallback) if b > a else None


def _sentence_claims(s: _Sentence, inside_quote) -> list[_Raw]:
    lex = _lexicon()
    found: list[_Raw] = []
    hedges: list[int] = []
    consumed: set[int] = set()  # verbs already used by "as X put it"
    for i, tok in enumerate(s.toks):
        w = tok.low
        if w == ":" and i <= 6 and not found:
            raw = _colon_claim(s, i)
            if raw is not None:
                found.append(raw)
            continue
        if w not in lex.triggers and w not in lex.be_forms and w not in {"as", "in"} or inside_quote(tok.start) \
                or i in consumed:
            continue
        raw = None
        if len(found) >= _MAX_CUES:
            break
        if i in s.verbs:
            raw = _verb_claim(s, i)
        elif w == "according" and i + 1 < s.n and s.toks[i + 1].low == "to":
            raw = _according_claim(s, i)
        elif w == "as":
            raw = _as_claim(s, i)
            if raw is not None:
                consumed.update(k for k in range(i, i + 9) if k < s.n and s.toks[k].end <= raw.cue_end)
        elif w in lex.adjectives:
            raw = _adjective_claim(s, i)
        elif w == "in" and s.is_initial(i) and not found:
            raw = _in_source_claim(s, i)
        if raw is None and (w in lex.cue_nouns or w in lex.object_nouns) and i not in s.verbs:
            raw = _noun_claim(s, i)
        if w in lex.hedge_adverbs or w in lex.be_forms:
            hedges.append(i)
        if raw is not None and raw.speaker is None and i > 0 and found and i in s.verbs and (
                s.toks[i - 1].low in {"and", "but", "then"} or w.endswith("ing") and s.toks[i - 1].low == ","):
            raw.speaker = found[-1].speaker  # ", adding ...", "and added": the subject of the main verb
        if raw is not None and not (raw.rule == "noun-that" and any(
                r.start <= (raw.speaker or (raw.cue_start,))[0] < r.end for r in found)):
            found.append(raw)
    for i in hedges:
        tok = s.toks[i]
        near = [r for r in found if 0 <= r.cue_start - tok.end <= 40 or r.cue_start <= tok.start < r.cue_end]
        if near:
            for r in near:
                r.hedged = r.hedged or tok.low in lex.hedge_adverbs or r.cue_start <= tok.start
            continue
        if any(r.start <= tok.start < r.end for r in found):
            continue
        raw = _hedge_claim(s, i)
        if raw is not None:
            found.append(raw)
    return found


def _overlap(a: _Raw, b: _Raw) -> float:
    inter = min(a.end, b.end) - max(a.start, b.start)
    return max(0, inter) / max(a.end - a.start, b.end - b.start, 1)


def _dedupe(raws: list[_Raw]) -> list[_Raw]:
    """Keep one claim per content span (the more specific rule wins).

    A claim whose cue and content lie inside another claim's content ("X said that Y
    accused Z of ...") is reported only through the outer claim, as annotated corpora do."""
    kept: list[_Raw] = []
    # a claim whose content holds another claim's cue is the outer attribution
    # ("the meeting revealed X, reports Y": Y reports it all): it wins over the inner one
    outer = {id(r) for r in raws if any(o is not r and r.start <= o.cue_start < r.end for o in raws)}
    for r in sorted(raws, key=lambda r: (id(r) not in outer, -r.priority)):
        if all(_overlap(r, k) < 0.8 for k in kept) and not any(  # nested: the outer claim holds it
                k.start <= r.cue_start < k.end and k.start <= r.start and r.end <= k.end + 2 for k in kept):
            kept.append(r)
    return kept
