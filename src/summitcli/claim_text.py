"""Text machinery for attributed claims: the cue lexicon, sentences and tokens.

The lexicon comes from ``data/claims.yaml`` (lemmas by frame, inflected here);
sentences come from one pass of a boundary regex; tokens keep exact offsets.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, islice
from operator import add

from .datafiles import load_data

_LOWER_WORD = re.compile(r"[A-Za-z]+")
_NAME_COLON = re.compile(r"^[A-Z][^\n:]{0,40}:[ \t]", re.M)  # "Lynch: ..." headline attribution
_NAME_COLON_NL = re.compile(r"\n[A-Z][^\n:]{0,40}:[ \t]")  # the same after a newline: a literal to skip to
_WORDCHARS = re.compile(r"[^\W_]")
# "2,400" is one word: r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\w+(?:[’'.\-]\w+)*|[^\w\s]"; the
# possessive "++"/"*+" give back nothing, which could never help a match here (what follows is
# a non-word character or nothing), and spare the engine its backtracking bookkeeping (tokens are
# only ever matched where the last one ended, so no leading "\S" is needed to skip ahead)
_TOKEN = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\w++(?:[’'.\-]\w+)*+|[^\w\s]")
# "[.!?]+[closers]*(?=\s)" or "\n+", written to start with one character class so the
# regex engine skips ahead to candidate characters instead of trying both branches everywhere
_BOUNDARY = re.compile(r"[.!?\n](?:(?<=\n)\n*|(?<=[.!?])[.!?]*[\"”’'»)\]]*(?=\s))")
_INITIALS = re.compile(r"[a-z](?:\.[a-z])+")  # "a.e" of "A.E. Howard", as the boundary scan lowers it
_QUOTE_CHARS = "\"“”‘’'«»„"
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
    source_nouns: frozenset  # "polls show", "the survey found": subjects that report
    group_nouns: frozenset  # "officials say", "critics argue": unnamed groups of people
    colon_labels: frozenset  # "Note:", "Update:": line labels that name no speaker
    object_nouns: dict  # noun -> prepositions that introduce its content ("support" -> for, of)
    adjectives: dict  # "confident" -> words that introduce its content (that, about, ...)
    triggers: frozenset  # any word that can start a cue: sentences without one are skipped
    naming: frozenset = frozenset()  # "a group called X": participles that name, not report


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
    data = load_data("claims.yaml")
    low = lambda key: frozenset(str(w).lower() for w in data.get(key) or ())
    double, exclude = low("double"), low("exclude")
    irregular = {k.lower(): [f.lower() for f in v] for k, v in (data.get("irregular") or {}).items()}
    forms: dict[str, tuple[str, frozenset]] = {}
    for frame, lemmas in (data.get("verbs") or {}).items():
        for lemma in lemmas:
            lemma = str(lemma).lower()
            surface = set(irregular[lemma]) | {lemma} if lemma in irregular else _inflect(lemma, lemma.split()[0] in double)
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
        source_nouns=low("source_nouns"), group_nouns=low("group_nouns"), colon_labels=low("colon_labels"),
        naming=low("naming_participles"),
        object_nouns={str(k).lower(): frozenset(str(p).lower() for p in v)
                      for k, v in (data.get("object_nouns") or {}).items()},
        adjectives={str(k).lower(): frozenset(str(p).lower() for p in v)
                    for k, v in (data.get("adjectives") or {}).items()},
        triggers=frozenset(f.split()[0] for f in forms) | low("hedge_adverbs") | low("hedge_passives")
        | low("cue_nouns") | low("as_verbs") | low("source_nouns") | {"according"}
        | frozenset(str(k).lower() for k in data.get("object_nouns") or ())
        | frozenset(str(k).lower() for k in data.get("adjectives") or ()))


# --------------------------------------------------------------------------- sentences
_ASCII_WORD_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789."  # isalnum or "."


def _sentence_bounds(text: str) -> list[int]:
    """Sorted offsets where sentences start (0 included); linear scan."""
    lex = _lexicon()
    abbreviations, forms, longest = lex.abbreviations, lex.forms, _longest_abbreviation()
    size = len(text)
    starts = [0]
    for m in _BOUNDARY.finditer(text):
        g, end = m.group(), m.end()
        if g[0] == "\n":
            starts.append(end)
            continue
        if g[-1] == ".":
            j = i = m.start()
            floor = max(0, j - longest - 1)  # a longer word is no abbreviation (nor one letter)
            before = text[floor:j]
            if before.isascii():  # the run of letters, digits and periods that ends at j, in C
                i = floor + len(before.rstrip(_ASCII_WORD_CHARS))
            else:
                while i > floor and (text[i - 1].isalnum() or text[i - 1] == "."):
                    i -= 1
            word = text[i:j].lower()
            if word in abbreviations or (len(word) == 1 and word.isalpha()) or _INITIALS.fullmatch(word):
                continue  # "Mr.", "J. Smith", "A.E. Dick Howard": no sentence ends there
        k = end
        while k < size and text[k] in " \t\u00a0":
            k += 1
        if k < size and text[k].islower():
            continue
        if g[-1] in "”\"" and g[0] in "?!" and any(
                w.strip(",.;").lower() in forms for w in text[k:k + 50].split()[:4]):
            continue  # “Next time in Moscow?” Putin suggested: one sentence
        starts.append(k)
    return starts


@lru_cache(maxsize=1)
def _longest_abbreviation() -> int:
    """Length of the longest abbreviation (at least 1: a one-letter word also ends no sentence)."""
    return max(1, max(map(len, _lexicon().abbreviations), default=0))


_FIRST_TOKEN = re.compile(r"\S")
# a token with the white space after it: consecutive matches tile the text from the first
# token on, so their lengths give every token's offset without one match object per token
_TOKEN_SPACE = re.compile(f"(?:{_TOKEN.pattern})" + r"\s*+")


def _tokens(text: str, start: int, end: int) -> tuple[list[int], list[int], list[str], list[str]]:
    """Words and punctuation as parallel lists (starts, ends, texts, lower-cased texts);
    an abbreviation keeps its period ("Mr.", "U.S.").

    Built with C-level passes (findall, map, accumulate) instead of one Python object per
    token: sentences are tokenised by the tens of thousands."""
    if start < end and not text[start].isspace():
        first = start  # a sentence starts at its first token: no search needed
    else:
        m = _FIRST_TOKEN.search(text, start, end)
        if m is None:
            return [], [], [], []
        first = m.start()
    pieces = _TOKEN_SPACE.findall(text, first, end)
    starts = list(accumulate(map(len, pieces), initial=first))
    starts.pop()
    texts = list(map(str.rstrip, pieces))  # the token ends in non-space: only its white space goes
    ends = list(map(add, starts, map(len, texts)))
    lows = list(map(str.lower, texts))
    dots = texts.count(".")
    if dots and not (dots == 1 and texts[-1] == "." and len(texts) > 1 and len(texts[-2]) > 1
                     and lows[-2] not in _lexicon().abbreviations):
        _join_abbreviations(starts, ends, texts, lows)  # not for one final period after a plain word
    return starts, ends, texts, lows


def _join_abbreviations(starts: list[int], ends: list[int], texts: list[str], lows: list[str]) -> None:
    """Glue a period to the abbreviation or initial right before it ("Mr" + "." -> "Mr."), in place."""
    abbreviations = _lexicon().abbreviations
    k = -1
    for _ in range(texts.count(".")):  # each period once, in order
        k = texts.index(".", k + 1)
        p = k - 1
        if p >= 0 and ends[p] == starts[k] and (
                lows[p] in abbreviations or (len(texts[p]) == 1 and texts[p].isupper())):
            texts[p] += "."
            lows[p] = texts[p].lower()
            ends[p] = ends[k]
            del starts[k], ends[k], texts[k], lows[k]
            k = p  # the next token moved to k: search on from there


# --------------------------------------------------------------------------- helpers
_PRONOUNS = frozenset("me him her us them you".split())
_NUMBERS = frozenset("one two three four five six seven eight nine ten dozen dozens hundreds thousands "
                     "several many few some more most all both multiple numerous".split())
_CONTRACTED = frozenset("he she it that who there what".split())  # "he’s" = "he is" / "he has"
_INDEFINITE = frozenset("everyone everybody someone somebody anyone anybody nobody many some most "
                        "others few both all who that which".split())
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
_PERIODS = frozenset("week month year morning afternoon evening night weekend spring summer fall "
                     "autumn winter time monday tuesday wednesday thursday friday saturday "
                     "sunday".split())
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_DURATIONS = frozenset("days weeks months years decades hours ages".split())
_TIME = _WEEKDAYS | frozenset("yesterday today tonight earlier later again also "
                              "repeatedly once recently previously".split())


_PREPS_NOT_AS = _PREPS - {"as", "than"}
_SUBJECTISH = _SUBJ_PRONOUNS | _AUX | _INDEFINITE
_NOT_INFINITIVE = frozenset({"a", "an", "the", "some", "any", "all", "no", "every", "each"}) | _PRONOUNS


def _is_cap(text: str) -> bool:
    """A token text that starts with a capital or a digit."""
    return text[:1].isupper() or text[:1].isdigit()


def _is_word(text: str) -> bool:
    return text[:1].isalnum()


def _word_count(texts: list[str], limit: int) -> int:
    """How many of the token ``texts`` are words, counted only up to ``limit`` (all a
    "fewer than three words" test needs, however long the sentence)."""
    return sum(1 for _ in islice(filter(_is_word, texts), limit))


def _verb_at(s, i: int) -> tuple[str, str, frozenset, int] | None:
    """The verb form starting at token i of sentence ``s``: (form, lemma, frames, index of its last token)."""
    lex = _lexicon()
    forms, lows = lex.forms, s.lows
    for n in (3, 2) if lows[i] in lex.first_words else ():
        if i + n <= s.n:
            form = " ".join(lows[i:i + n])
            if form in forms:
                return (form, *forms[form], i + n - 1)
    hit = forms.get(lows[i])
    return (lows[i], *hit, i) if hit else None


_DEGREE_BEFORE_ADJECTIVE = frozenset("more most less least very increasingly".split())


def _plausible_verb(s, i: int, form: str) -> bool:
    """Rule out noun uses ("the report", "his claims") and infinitives ("to say")."""
    lows, texts = s.lows, s.texts
    prev = lows[i - 1] if i > 0 else ""
    if prev in _DETS or prev == "to" or prev.endswith(("’s", "'s")) and prev[:-2] not in _CONTRACTED:
        return False  # "the report", "to say", "Smith's claims"; but "he's saying"
    if form.endswith("ed") and (prev in _PREPS_NOT_AS or prev in _DEGREE_BEFORE_ADJECTIVE):
        return False  # "in pledged delegates", "more convinced that": a participle used as an adjective
    if form.endswith("s") and not form.endswith("ss") and (prev in _NUMBERS or prev[:1].isdigit()):
        return False  # "four reasons", "two reports": a counted noun
    if form in _lexicon().ambiguous:
        after = i + form.count(" ") + 1  # the token after the whole form ("vote for | X")
        if not prev or not _is_word(texts[i - 1]) or prev in _PREPS:
            nxt = texts[after] if after < s.n else None
            return prev in {",", "”", '"'} and (not form.endswith("s") or nxt is not None and _is_cap(nxt))
        nxt = lows[after] if after < s.n else ""
        if nxt == "to" and "infinitive" in _lexicon().forms[form][1] and _infinitive(s, after):
            p, pt = lows[i - 1], texts[i - 1]  # "wants to run", "plans to target"; not "a failed attempt to"
            return p in _SUBJECTISH or p.endswith("ly") \
                or (pt[:1].isupper() and pt[:1].isalpha()) or p.endswith("s") and not p.endswith("ss")
        return (nxt not in {"of", "for", "to", ")", "that's"} or form.endswith("ed"))
    return True


_BAD_START = frozenset("to that for with on by in at from of into onto out off down up back among amid "
                       "away through around along and or but then nor themselves himself herself "
                       "itself ourselves myself yourself".split())
_NOT_AFTER_TO = _DETS | _NOT_INFINITIVE | {"it", "this", "that", "what", "which", "whom"}


def _infinitive(s, k: int) -> bool:
    """Is token k ("to") followed by a verb rather than a noun phrase ("to the White House")?"""
    if k + 1 >= s.n:
        return False
    nxt = s.texts[k + 1]
    return nxt.islower() and nxt[:1].isalpha() and s.lows[k + 1] not in _NOT_AFTER_TO


def _skip_adverbials(s, j: int, end: int) -> int:
    """Skip "on Tuesday", "in a statement", "Friday" and commas after a verb."""
    lex, lows = _lexicon(), s.lows
    while j < end:
        w = lows[j]
        if w == "," or w in _TIME:
            j += 1
        elif w == "on" and j + 1 < end and lows[j + 1] in _WEEKDAYS:
            j += 2
        elif w in {"in", "during", "at"} and j + 2 < end and lows[j + 1] in {"a", "an", "his", "her", "their"} \
                and lows[j + 2] in lex.between and lows[j + 2] not in _DETS:
            j += 3
        elif w in {"last", "this", "earlier", "next"} and j + 1 < end and lows[j + 1] in _PERIODS:
            j += 2
        elif w == "for" and j + 1 < end and lows[j + 1] in _DURATIONS:
            j += 2  # "has said for weeks"
        elif w in {"—", "–"} and any(lows[k] == w for k in range(j + 1, min(end, j + 12))):
            j = next(k for k in range(j + 1, min(end, j + 12)) if lows[k] == w) + 1  # "— on Twitter —"
        else:
            return j
    return j


@lru_cache(maxsize=1)
def _listener_words() -> frozenset:
    """Lower-case words that may belong to a listener ("told the committee members")."""
    return _lexicon().between - _DETS - _PREPS - {"that", "and", "as", "both"}


def _skip_addressee(s, j: int, end: int) -> int:
    """Skip a listener after tell-like verbs: "told reporters", "told Fox News", "told him"."""
    lows, texts = s.lows, s.texts
    if j < end and lows[j] in _PRONOUNS:
        return j + 1
    k = j
    if k < end and lows[k] in {"the", "a"} and k + 1 < end:
        k += 1
    n = 0
    listener = _listener_words()
    while k < end and n < 5 and (_is_cap(texts[k]) or lows[k] in listener):
        k += 1
        n += 1
    if n == 0 or (lows[k - 1] in _SUBJ_PRONOUNS):
        return j
    return k


def _find_complementiser(s, j: int, end: int, free: int = 0) -> int | None:
    """Index of "that"/wh-word/":"/"to" within a short run of listener or venue words.

    ``free`` other words may come first (the listener of tell-like verbs: "told aides that")."""
    lex, lows, texts = _lexicon(), s.lows, s.texts
    venue = j < end and lows[j] in _VENUE_PREPS  # "said in a telephone interview that ..."
    for k in range(j, min(end, j + _MAX_WINDOW)):
        w = lows[k]
        if w in {"that", ":"} or w in lex.wh or w == "to":
            return k
        if not (w in lex.between or _is_cap(texts[k]) or w == "," or w.endswith(("’s", "'s"))):
            if venue and _is_word(texts[k]) and texts[k].islower() and w not in _AUX:
                continue  # any plain word of the opening prepositional phrase
            if k - j >= free or not _is_word(texts[k]):
                return None
    return None


# prepositions that open a venue or medium phrase between a verb and its that-clause
_VENUE_PREPS = frozenset("in at during on with".split())


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in " \t\n\u00a0,;:—–-":
        s += 1
    while e > s and (text[e - 1] in " \t\n\u00a0,.;:!?—–-" or text[e - 1] == ")" and "(" not in text[s:e]):
        e -= 1
    return s, e
