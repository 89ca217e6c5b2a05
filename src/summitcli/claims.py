"""Attributed claims: reported speech with its speaker, cue and content span.

A claim is found from a cue (a reporting verb from ``data/claims.yaml``,
"according to", "as X put it", a hedge such as "reportedly", a cue noun such as
"his claim that") and the sentence around it. The content span follows the
usual news conventions: the that-clause (``that`` included) or bare clause after
the verb, the sentence before ", X said" / ", according to X", the sentence
after "According to X,". Speakers come from :mod:`summitcli.attribution`, the
same code that attributes quotations.

Everything is linear in the text: one pass of a word regex finds cue words,
sentences come from one pass of a boundary regex, and each cue looks at a
bounded window of tokens.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from .records import Claim, PersonMention, Quote

_LOWER_WORD = re.compile(r"[A-Za-z]+")
_WORDCHARS = re.compile(r"[^\W_]")
_TOKEN = re.compile(r"\w+(?:[’'.\-]\w+)*|[^\w\s]")
_BOUNDARY = re.compile(r"[.!?]+[\"”’'»)\]]*(?=\s)|\n+")
_QUOTE_CHARS = "\"“”‘’'«»„"
_TRIM = " \t\n\u00a0,.;:!?—–-" + _QUOTE_CHARS
_OPEN_Q = "\"“‘«„"
_MAX_WINDOW = 12  # tokens looked at between a verb and its content
_MAX_SENT = 2000  # longer "sentences" are cut into windows (hostile text)
_MAX_CONTENT = 150  # tokens of reported content at most
_MAX_CUES = 60  # cues looked at per sentence window: beyond that it is not prose


# --------------------------------------------------------------------------- lexicon
@dataclass(frozen=True)
class _Lexicon:
    forms: dict  # surface form (may be two words) -> (lemma, frozenset of frames)
    ambiguous: frozenset
    between: frozenset
    wh: frozenset
    hedge_adverbs: frozenset
    hedge_passives: frozenset
    be_forms: frozenset
    cue_nouns: frozenset
    as_verbs: frozenset
    not_speakers: frozenset
    abbreviations: frozenset
    first_words: frozenset  # first words of multi-word forms
    coordinating: frozenset
    that_only: frozenset
    triggers: frozenset  # any word that can start a cue: sentences without one are skipped


def _inflect(lemma: str, double: bool) -> set[str]:
    head, _, rest = lemma.partition(" ")
    tail = f" {rest}" if rest else ""
    if double:
        stems = {head + head[-1]}
    elif head.endswith("e") and not head.endswith("ee"):
        stems = {head[:-1]}
    else:
        stems = {head}
    out = {head}
    if head.endswith(("s", "sh", "ch", "x", "z", "o")):
        out.add(head + "es")
    elif head.endswith("y") and head[-2:-1] not in "aeiou":
        out.add(head[:-1] + "ies")
    else:
        out.add(head + "s")
    if head.endswith("y") and head[-2:-1] not in "aeiou":
        out.update({head[:-1] + "ied", head + "ing"})
    else:
        for stem in stems:
            out.update({stem + ("d" if stem.endswith("e") else "ed"), stem + "ing"})
    return {form + tail for form in out}


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    data = yaml.safe_load(resources.files("summitcli.data").joinpath("claims.yaml").read_text("utf-8"))
    low = lambda key: frozenset(str(w).lower() for w in data.get(key) or ())
    double, exclude = low("double"), low("exclude")
    irregular = {k.lower(): [f.lower() for f in v] for k, v in (data.get("irregular") or {}).items()}
    forms: dict[str, tuple[str, frozenset]] = {}
    for frame, lemmas in (data.get("verbs") or {}).items():
        for lemma in lemmas:
            lemma = str(lemma).lower()
            surface = set(irregular[lemma]) | {lemma} if lemma in irregular else _inflect(lemma, lemma in double)
            for form in surface - exclude:
                old = forms.get(form, (lemma, frozenset()))
                forms[form] = (old[0], old[1] | {frame})
    return _Lexicon(
        forms=forms, ambiguous=low("ambiguous"), between=low("between"), wh=low("wh_words"),
        hedge_adverbs=low("hedge_adverbs"), hedge_passives=low("hedge_passives"),
        be_forms=low("be_forms"), cue_nouns=low("cue_nouns"), as_verbs=low("as_verbs"),
        not_speakers=low("not_speakers"), abbreviations=low("abbreviations"),
        first_words=frozenset(f.split()[0] for f in forms if " " in f),
        coordinating=low("coordinating_cues"), that_only=low("that_only"),
        triggers=frozenset(f.split()[0] for f in forms) | low("hedge_adverbs") | low("hedge_passives")
        | low("cue_nouns") | low("as_verbs") | {"according"})


# --------------------------------------------------------------------------- sentences
def _sentence_bounds(text: str) -> list[int]:
    """Sorted offsets where sentences start (0 included); linear scan."""
    lex = _lexicon()
    starts = [0]
    for m in _BOUNDARY.finditer(text):
        end = m.end()
        if m.group().startswith("\n"):
            starts.append(end)
            continue
        if m.group() == "." or m.group().endswith("."):
            j = m.start()
            i = j
            while i > 0 and (text[i - 1].isalnum() or text[i - 1] == "."):
                i -= 1
            word = text[i:j].lower()
            if word in lex.abbreviations or (len(word) == 1 and word.isalpha()):
                continue
        k = end
        while k < len(text) and text[k] in " \t\u00a0":
            k += 1
        if k < len(text) and text[k].islower():
            continue
        if m.group()[-1] in "”\"" and m.group()[0] in "?!" and any(
                w.strip(",.;").lower() in lex.forms for w in text[k:k + 50].split()[:4]):
            continue  # “Next time in Moscow?” Putin suggested: one sentence
        starts.append(k)
    return starts


class _Tok:
    __slots__ = ("start", "end", "low", "text")

    def __init__(self, start: int, end: int, text: str):
        self.start, self.end, self.text, self.low = start, end, text, text.lower()


def _tokens(text: str, start: int, end: int) -> list[_Tok]:
    """Words and punctuation; an abbreviation keeps its period ("Mr.", "U.S.")."""
    abbreviations = _lexicon().abbreviations
    out: list[_Tok] = []
    for m in _TOKEN.finditer(text, start, end):
        g = m.group()
        if g == "." and out and out[-1].end == m.start() and (
                out[-1].low in abbreviations or (len(out[-1].text) == 1 and out[-1].text.isupper())):
            prev = out[-1]
            out[-1] = _Tok(prev.start, m.end(), prev.text + ".")
            continue
        out.append(_Tok(m.start(), m.end(), g))
    return out


# --------------------------------------------------------------------------- helpers
_PRONOUNS = frozenset("me him her us them you".split())
_SUBJ_PRONOUNS = frozenset("he she they we i you who".split())
_DETS = frozenset("the a an this that these those his her its their our my your".split())
_PREPS = frozenset("to of for in on at by with from about into over under than as".split())
_AUX = frozenset("has had have will would could should may might must can did does do "
                 "not never also is are was were been be being".split())
_COORD = frozenset({",", ";", "and", "but", "while", "whereas", "—", "–", "-", "or", "yet"})
_APPOS = frozenset("a an the who whom which whose one his her their its as adding noting "
                   "saying who's according".split())
_OPENERS = frozenset("but and yet so however still also".split())
_CLAUSE_BREAK = frozenset("however but while whereas although though yet".split())
_NOT_PARTICIPLE = frozenset("during including according notwithstanding regarding concerning "
                            "nothing something anything everything thing king morning evening "
                            "spring string ring wing bring sing sting swing".split())
_SUBORDINATORS = frozenset("while although though as when if because after before since whereas "
                           "once unless until".split())
_RELATIVE = frozenset("who whom which whose where".split())
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_TIME = _WEEKDAYS | frozenset("yesterday today tonight earlier later again also "
                              "repeatedly once recently previously".split())


def _is_cap(tok: _Tok) -> bool:
    return tok.text[:1].isupper() or tok.text[:1].isdigit()


def _is_word(tok: _Tok) -> bool:
    return tok.text[:1].isalnum()


def _verb_at(toks: list[_Tok], i: int) -> tuple[str, str, frozenset, int] | None:
    """The verb form starting at token i: (form, lemma, frames, index of its last token)."""
    lex = _lexicon()
    forms = lex.forms
    for n in (3, 2) if toks[i].low in lex.first_words else ():
        if i + n <= len(toks):
            form = " ".join(t.low for t in toks[i:i + n])
            if form in forms:
                return (form, *forms[form], i + n - 1)
    hit = forms.get(toks[i].low)
    return (toks[i].low, *hit, i) if hit else None


def _plausible_verb(toks: list[_Tok], i: int, form: str) -> bool:
    """Rule out noun uses ("the report", "his claims") and infinitives ("to say")."""
    prev = toks[i - 1].low if i > 0 else ""
    if prev in _DETS or prev == "to" or prev.endswith(("’s", "'s")):
        return False
    if form in _lexicon().ambiguous:
        if not prev or not _is_word(toks[i - 1]) or prev in _PREPS:
            nxt = toks[i + 1] if i + 1 < len(toks) else None
            return prev in {",", "”", '"'} and (not form.endswith("s") or nxt is not None and _is_cap(nxt))
        nxt = toks[i + 1].low if i + 1 < len(toks) else ""
        return (nxt not in {"of", "for", "to", ")", "that's"} or form.endswith("ed"))
    return True


_BAD_START = frozenset("to that for with on by in at from of into onto out off down back "
                       "away through around along and or but then nor themselves himself herself "
                       "itself ourselves myself yourself".split())


def _infinitive(toks: list[_Tok], k: int) -> bool:
    """Is toks[k] ("to") followed by a verb rather than a noun phrase ("to the White House")?"""
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    return nxt is not None and nxt.text.islower() and nxt.text[:1].isalpha() and nxt.low not in _DETS \
        and nxt.low not in {"a", "an", "the", "some", "any", "all", "no", "every", "each"} | _PRONOUNS \
        and nxt.low not in {"it", "this", "that", "what", "which", "whom"}


def _skip_adverbials(toks: list[_Tok], j: int, end: int) -> int:
    """Skip "on Tuesday", "in a statement", "Friday" and commas after a verb."""
    lex = _lexicon()
    while j < end:
        w = toks[j].low
        if w == "," or w in _TIME:
            j += 1
        elif w == "on" and j + 1 < end and toks[j + 1].low in _WEEKDAYS:
            j += 2
        elif w in {"in", "during", "at"} and j + 2 < end and toks[j + 1].low in {"a", "an", "his", "her", "their"} \
                and toks[j + 2].low in lex.between and toks[j + 2].low not in _DETS:
            j += 3
        elif w in {"last", "this", "earlier", "next"} and j + 1 < end and toks[j + 1].low in lex.between:
            j += 2
        else:
            return j
    return j


def _skip_addressee(toks: list[_Tok], j: int, end: int) -> int:
    """Skip a listener after tell-like verbs: "told reporters", "told Fox News", "told him"."""
    lex = _lexicon()
    if j < end and toks[j].low in _PRONOUNS:
        return j + 1
    k = j
    if k < end and toks[k].low in {"the", "a"} and k + 1 < end:
        k += 1
    n = 0
    while k < end and n < 5 and (_is_cap(toks[k]) or toks[k].low in lex.between - _DETS - _PREPS
                                 - {"that", "and", "as", "both"}):
        k += 1
        n += 1
    if n == 0 or (toks[k - 1].low in _SUBJ_PRONOUNS):
        return j
    return k


def _find_complementiser(toks: list[_Tok], j: int, end: int, free: int = 0) -> int | None:
    """Index of "that"/wh-word/":"/"to" within a short run of listener or venue words.

    ``free`` other words may come first (the listener of tell-like verbs: "told aides that")."""
    lex = _lexicon()
    for k in range(j, min(end, j + _MAX_WINDOW)):
        w = toks[k].low
        if w in {"that", ":"} or w in lex.wh or w == "to":
            return k
        if not (w in lex.between or _is_cap(toks[k]) or w == "," or w.endswith(("’s", "'s"))):
            if k - j >= free or not _is_word(toks[k]):
                return None
    return None


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in " \t\n\u00a0,;:—–-":
        s += 1
    while e > s and (text[e - 1] in " \t\n\u00a0,.;:!?—–-" or text[e - 1] == ")" and "(" not in text[s:e]):
        e -= 1
    return s, e


# --------------------------------------------------------------------------- one sentence
@dataclass
class _Raw:
    start: int
    end: int
    cue_start: int
    cue_end: int
    speaker: tuple[int, int] | None
    rule: str
    hedged: bool = False
    priority: int = 0


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
        for i, tok in enumerate(self.toks):
            if tok.low not in triggers or inside_quote(tok.start) or len(self.verbs) >= _MAX_CUES:
                continue
            if not tok.text.islower() and not self.is_initial(i):
                continue
            hit = _verb_at(self.toks, i)
            if hit and _plausible_verb(self.toks, i, hit[0]):
                self.verbs[i] = hit

    # ---- content boundaries
    def content_end(self, j: int, phrase: bool = False, comma: bool = False) -> int:
        """Token index where content starting at token j stops (exclusive).

        ``phrase`` content (a noun phrase or to-clause) also stops at a comma and
        before adjuncts ("blamed officials | on Twitter")."""
        toks, lex = self.toks, _lexicon()
        stop = min(self.n, j + _MAX_CONTENT)
        for k in range(j + 1, stop):
            w = toks[k].low
            nxt = toks[k + 1] if k + 1 < self.n else None
            if comma and w == "," and not self.inside_quote(toks[k].start):
                return k
            if nxt is not None and nxt.text.islower() and (
                    (w == "," and nxt.low.endswith("ing") and nxt.low not in _NOT_PARTICIPLE)
                    or (w in {"and", "but"} and nxt.low.endswith("ed") and (phrase or k + 2 < self.n and (
                        toks[k + 2].low in _DETS or _is_cap(toks[k + 2]))))):
                return k
            if w in {"while", "whereas"} and k > j + 1:
                return k
            if w in {";", ":"} or (w == "but" and k > j + 2) or (w in {"—", "–"} and k > j + 1):
                return k
            if w == "," and k + 2 < self.n and toks[k + 1].low in {"and", "but", "so"} \
                    and toks[k + 2].low in _SUBJ_PRONOUNS | {"it", "there"}:
                return k  # ", and he ...": a new clause of the author's
            if w == "," and (k + 1 < self.n and toks[k + 1].low in _CLAUSE_BREAK | _RELATIVE
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
        return w in _APPOS or (k + 1 in self.verbs and w.endswith("ing")) or _is_cap(self.toks[k + 1]) \
            and (k + 2 >= self.n or _is_cap(self.toks[k + 2]) or self.toks[k + 2].low in {",", "of"})


# --------------------------------------------------------------------------- rules
_CLOSING = frozenset("”\"'’»")
_QUOTE_TOKS = frozenset(_QUOTE_CHARS) | {"—", "–", "(", "-"}


def _verb_claim(s: _Sentence, i: int) -> _Raw | None:
    """A reporting verb: content after it (X said that ...) or before it (..., X said)."""
    form, lemma, frames, i2 = s.verbs[i]
    toks, n = s.toks, s.n
    prev = toks[i - 1].low if i else ""
    be = {"is", "are", "was", "were", "be", "been", "being"}
    if prev in be or (i > 1 and toks[i - 2].low in be and (prev.endswith("ly") or prev in _AUX | {"first", "just"})):
        return None  # passives: hedges are handled elsewhere
    if s.is_initial(i) and not form.endswith(("ing", "ed")) and form not in {"said", "told", "wrote"}:
        return None  # "Imagine ...", "Details of ...": an imperative or a noun, not a report
    if prev == "as" and (i2 + 1 >= n or not _is_word(toks[i2 + 1])):
        return None  # "as expected," / "as reported."
    cs, ce = toks[i].start, toks[i2].end
    if "raising" in frames:
        if i2 + 1 < n and toks[i2 + 1].low == "to" and _infinitive(toks, i2 + 1):
            a, b = s.span(_clause_head(s, i, None), s.content_end(i2 + 1))
            return _Raw(a, b, cs, ce, None, "raising", priority=1) if b > a else None
        return None
    speaker = s.speaker_fn(cs, ce)
    inverted = prev in {",", "—", "–"} or prev in _QUOTE_CHARS
    if speaker is None and not s.is_initial(i) and not inverted and (
            form in _lexicon().ambiguous or (form.endswith("s") and not form.endswith("ss"))):
        return None  # "terrorist attacks", "swing states": a plural noun, not a verb
    if speaker is not None and form.endswith("s") and s.text[speaker[0]:speaker[1]].split()[0].lower() \
            in {"his", "her", "their", "its", "our", "my", "your"} and not any(
                w[:1].isupper() for w in s.text[speaker[0]:speaker[1]].split()):
        return None  # "his original demands": a noun after a possessive
    post = None if form in _lexicon().that_only else _postposed(s, i, i2, form, frames, speaker)
    if post is not None:
        return post
    if form.endswith("ing") and prev not in {",", "and", "—", "by", "after", "before", "while", "when"} \
            and not s.is_initial(i):
        return None  # gerund or progressive without a subject we can trust
    j = _skip_adverbials(toks, i2 + 1, n)
    c = _find_complementiser(toks, j, n, free=2 if "addressee" in frames else 0)
    rule = "verb-that"
    if form in _lexicon().that_only and (c is None or toks[c].low not in _lexicon().wh | {"that"}):
        return None
    if c is not None and toks[c].low == ":":
        start = c + 1
        rule = "verb-colon"
    elif c is not None and toks[c].low == "that":
        start = c
    elif c is not None and toks[c].low in _lexicon().wh and ("question" in frames or "clause" in frames):
        start, rule = c, "verb-wh"
    elif c is not None and toks[c].low == "to" and "infinitive" in frames and _infinitive(toks, c):
        start, rule = (j if c > j and "addressee" in frames else c), "verb-to"  # "asked X to ..."
    elif frames & {"clause", "object"}:
        if "addressee" in frames:
            j = _skip_adverbials(toks, _skip_addressee(toks, j, n), n)
        start = j
        rule = "verb-object" if "clause" not in frames else "verb-clause"
        if start < n and (toks[start].low in _BAD_START or toks[start].low in _QUOTE_TOKS - {"“", '"', "‘"}):
            return None
    else:
        return None
    end = s.content_end(start, phrase=rule in {"verb-object", "verb-to"}, comma=rule == "verb-object")
    if end < n and toks[end].low == ":" and end - start <= 4:  # "offered several suggestions: that ..."
        start = end + 1
        end = s.content_end(start)
    h = _clause_head(s, i, speaker)
    if toks[s.first].low in _SUBORDINATORS and s.first < i or toks[h].low in _SUBORDINATORS \
            or h > 0 and toks[h - 1].low in _SUBORDINATORS:  # "While he insisted that X, it was ..."
        end = next((k for k in range(start + 2, end - 1) if toks[k].low in {",", "”", '"'}
                    and toks[k + 1].low in {"it", "he", "she", "they", "we", "i", "there"}), end)
    words = sum(1 for t in toks[start:end] if _is_word(t))
    if words == 0 or (rule == "verb-clause" and words < 3) or (form in _lexicon().ambiguous and words < 2):
        return None
    a, b = s.span(start, end)
    return _Raw(a, b, cs, ce, speaker, rule, priority=2)


def _postposed(s: _Sentence, i: int, i2: int, form: str, frames, speaker) -> _Raw | None:
    """"..., Trump said." / "..., said Trump." / "A, he said, B.": content is the rest of the sentence."""
    toks, n = s.toks, s.n
    if form.endswith("ing") or "clause" not in frames:
        return None
    k = i2 + 1
    while k < n and toks[k].low not in {",", ";", ".", "!", "?", ")"} | _QUOTE_TOKS:
        k += 1
    tail = toks[i2 + 1:k]
    head = _clause_head(s, i, speaker)
    before = toks[head - 1].low if head > 0 else ""
    after_quote = before in _CLOSING and head >= 2
    if not after_quote:
        if any(t.low in {"that", ":"} or t.low in _lexicon().wh for t in tail):
            return None
        if len(tail) > 14 and tail[0].low not in _PREPS | _TIME | {"during", "near", "after", "before", "via", "while"}:
            return None
    inverted = before in {",", "—", "–"} or before in _QUOTE_CHARS
    adverbial = all(t.low in _lexicon().between or _is_cap(t) or (t.low.endswith("ly") and t.text.islower())
                    for t in tail) \
        or (tail and tail[0].low in _PREPS | _TIME | {"during", "near", "after", "before", "via", "while"})
    if head == i and len(tail) > 6 and not (k < n and toks[k].low == ","):
        return None  # "..., reveals the risks of ...": a verb with its object, not "said X"
    if not inverted or head < 2 or not (adverbial or head == i or after_quote):
        return None
    if after_quote:  # "“...,” he said": the attribution of a quotation, which is not a claim
        return _Raw(0, 0, toks[i].start, toks[i2].end, speaker, "quote-attribution")
    cut = head - 1
    while cut > 0 and (toks[cut].low in {",", "—", "–"}):
        cut -= 1
    mid = k < n and toks[k].low == "," and not s.appositive_rest(k)
    a, b = s.span(0, s.content_end(k + 1) if mid else cut + 1)
    if b <= a:
        return None
    return _Raw(a, b, toks[i].start, toks[i2].end, speaker, "verb-after" if not mid else "verb-inside", priority=1)


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


def _source_phrase(s: _Sentence, a: int) -> tuple[int, int]:
    """Tokens of the source after "according to": up to a comma or the sentence end."""
    b = a
    while b < s.n and b - a < 15 and s.toks[b].low not in {",", ";", ".", "(", ")", "—", "–", ":"} | set(_QUOTE_CHARS):
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
        c, d = s.span(0, s.content_end(b + 1) if mid else i)
        rule = "according-inside" if mid else "according-after"
    if d <= c:
        return None
    return _Raw(c, d, cs, ce, speaker, rule, priority=3)


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
    """"X reportedly ...", "X is said to ...", "it is believed that ...": hearsay with no speaker."""
    toks, n, lex = s.toks, s.n, _lexicon()
    w = toks[i].low
    if w in lex.hedge_adverbs:
        c, d = s.whole(0)
        return _Raw(c, d, toks[i].start, toks[i].end, None, "hedge-adverb", True, priority=0)
    if w in lex.be_forms and i + 2 < n and toks[i + 1].low.endswith("ly") and i + 3 < n:
        i += 1  # "is widely expected to"
    if w in lex.be_forms and i + 2 < n and toks[i + 1].low in lex.hedge_passives \
            and toks[i + 2].low in {"to", "that"}:
        if toks[i + 2].low == "that":
            c, d = s.whole(i + 2)
        else:
            c, d = s.whole(0)
        end = toks[i + 2].end if toks[i + 2].low == "to" else toks[i + 1].end
        return _Raw(c, d, toks[i].start, end, None, "hedge-passive", True, priority=0)
    return None


def _noun_claim(s: _Sentence, i: int) -> _Raw | None:
    """"Russia's view that ...", "his claim that ...": the possessor is the speaker."""
    toks = s.toks
    if i == 0 or i + 1 >= s.n or toks[i + 1].low != "that":
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
    c, d = s.whole(i + 1)
    if d <= c:
        return None
    return _Raw(c, d, toks[i].start, toks[i].end, speaker, "noun-that", priority=1)


def _sentence_claims(s: _Sentence, inside_quote) -> list[_Raw]:
    lex = _lexicon()
    found: list[_Raw] = []
    hedges: list[int] = []
    consumed: set[int] = set()  # verbs already used by "as X put it"
    for i, tok in enumerate(s.toks):
        w = tok.low
        if w not in lex.triggers and w not in lex.be_forms and w != "as" or inside_quote(tok.start) \
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
        elif w in lex.cue_nouns:
            raw = _noun_claim(s, i)
        if w in lex.hedge_adverbs or w in lex.be_forms:
            hedges.append(i)
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
    """Keep one claim per content span (the more specific rule wins)."""
    kept: list[_Raw] = []
    for r in sorted(raws, key=lambda r: -r.priority):
        if all(_overlap(r, k) < 0.8 for k in kept):
            kept.append(r)
    return kept


class _QuoteIndex:
    """Fast "is this offset inside a quotation" and "which quotes lie in this span"."""

    def __init__(self, quotes: Sequence[Quote]):
        self.quotes = sorted(quotes, key=lambda q: (q.start, q.end))
        self.starts = [q.start for q in self.quotes]
        merged: list[list[int]] = []
        for q in self.quotes:
            if merged and q.start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], q.end)
            else:
                merged.append([q.start, q.end])
        self.m_starts = [m[0] for m in merged]
        self.merged = merged

    def inside(self, pos: int) -> bool:
        k = bisect.bisect_right(self.m_starts, pos) - 1
        return k >= 0 and pos < self.merged[k][1]

    def within(self, start: int, end: int) -> list[Quote]:
        lo = bisect.bisect_left(self.starts, start)
        hi = bisect.bisect_left(self.starts, end)
        return [q for q in self.quotes[lo:hi] if q.end <= end]

    def only_quotes(self, text: str, r: _Raw) -> bool:
        """True when the content is nothing but quotation(s) plus the attribution itself."""
        k = max(0, bisect.bisect_right(self.m_starts, r.start) - 1)
        spans = []
        while k < len(self.merged) and self.merged[k][0] < r.end:
            spans.append(self.merged[k])
            k += 1
        if not spans:
            return _dangling_quote(text, r)
        zone = (min(r.cue_start, (r.speaker or (r.cue_start,))[0]), max(r.cue_end, (r.speaker or (0, 0))[1]))
        gaps, pos = [], r.start
        for a, b in spans:  # stretches of the content outside quotations and outside the attribution
            if a > pos:
                gaps.append((pos, min(a, r.end)))
            pos = max(pos, b)
        if pos < r.end:
            gaps.append((pos, r.end))
        rest = 0
        for a, b in gaps:
            for x, y in ((a, min(b, zone[0])), (max(a, zone[1]), b)):
                if y > x:
                    rest += len(_WORDCHARS.findall(text, x, y))
                    if rest > 3:
                        return _dangling_quote(text, r)
        return True


def _dangling_quote(text: str, r: _Raw) -> bool:
    """Content before ", X said" that ends a quotation opened in an earlier sentence."""
    if not r.rule.startswith(("verb-after", "verb-inside", "according-after", "as-after")):
        return False
    seg = text[r.start:r.end]
    tail = text[r.end:r.end + 2]
    closes = seg.count("”") + (seg.count('"') % 2)
    opens = seg.count("“") + (seg.count('"') // 2)
    return ("”" in tail or '"' in tail or seg.endswith(("”", '"'))) and closes > opens or \
        (closes > 0 and opens == 0)


# --------------------------------------------------------------------------- entry point
def _default_quotes(text: str, source: str, skip) -> list[Quote]:
    from . import quotes as quotes_mod  # lazy: quotes.py is owned elsewhere and optional here

    return list(quotes_mod.quotes_in_text(text, source, skip))


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentences that contain at least one trigger word (the rest cannot hold a claim)."""
    starts = _sentence_bounds(text)
    triggers = _lexicon().triggers
    wanted = sorted({bisect.bisect_right(starts, m.start()) - 1 for m in _LOWER_WORD.finditer(text)
                     if m.group() in triggers or m.group()[0].isupper() and m.group().lower() in triggers})
    out = []
    for k in wanted:
        a, b = starts[k], starts[k + 1] if k + 1 < len(starts) else len(text)
        while b - a > _MAX_SENT:  # pathological run-on text: bounded windows keep it linear
            out.append((a, a + _MAX_SENT))
            a += _MAX_SENT
        if text[a:b].strip():
            out.append((a, b))
    return out


def _in_skip(skip: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    return any(a < end and start < b for a, b in skip)


def claims_in_text(text: str, source: str = "doc", skip: Sequence[tuple[int, int]] = (),
                   quotes: Sequence[Quote] = (), people: Sequence[PersonMention] = ()) -> list[Claim]:
    """Every attributed claim in ``text``, in document order.

    ``quotes`` and ``people`` are the records already extracted from the same text
    (computed here when not given); quotes inside a claim are linked by id, and a
    claim that is nothing but a quotation is left to the quotation record.
    """
    from . import attribution, people as people_mod

    if not quotes and any(c in text for c in "\"“”«„‘"):
        try:
            quotes = _default_quotes(text, source, skip)
        except ImportError:
            quotes = ()
    if not people:
        people = people_mod.people_in_text(text, skip)
    qi = _QuoteIndex(quotes)
    index = getattr(attribution, "index_people", tuple)(people)  # built once per document

    def speaker_fn(cs: int, ce: int):
        return attribution.speaker_for_cue(text, cs, ce, index)

    @lru_cache(maxsize=None)
    def resolve(a: int, b: int) -> str | None:
        return attribution.resolve_mention(text, a, b, index)

    raws: list[_Raw] = []
    for ss, se in _sentence_spans(text):
        if skip and _in_skip(skip, ss, se):
            continue
        sent = _Sentence(text, ss, se, qi.inside, speaker_fn)
        raws.extend(r for r in _dedupe(_sentence_claims(sent, qi.inside))
                    if r.end > r.start and r.rule != "quote-attribution" and not qi.only_quotes(text, r))
    raws.sort(key=lambda r: (r.start, r.cue_start))
    out = []
    for r in raws:
        mention = text[r.speaker[0]:r.speaker[1]] if r.speaker else None
        out.append(Claim(
            id=f"{source}:c{len(out) + 1}", source=source, text=text[r.start:r.end],
            start=r.start, end=r.end,
            speaker=resolve(*r.speaker) if r.speaker else None,
            speaker_mention=mention,
            speaker_start=r.speaker[0] if r.speaker else None,
            speaker_end=r.speaker[1] if r.speaker else None,
            cue=text[r.cue_start:r.cue_end], cue_start=r.cue_start, cue_end=r.cue_end,
            hedged=r.hedged, quotes=tuple(q.id for q in qi.within(r.start, r.end)), rule=r.rule))
    return out
