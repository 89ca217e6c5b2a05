"""Capitalised name runs: which of them name a person or an organisation, and fullest forms.

One regex finds every capitalised run ("Russian President Vladimir Putin", "J. Smith",
"Rossiya 24"); each distinct run is then read once, on its own characters only, into a
leading title, the name, and a kind (organisations by their words or an all-caps acronym).
``fullest_forms`` maps each name to the fullest name in the document ending with it.
"""
from __future__ import annotations

import bisect
import re
from functools import cache
from typing import Sequence

from .people_roles import _sets
from .records import PersonMention


@cache
def _upper_class() -> str:
    chars = [chr(i) for i in range(0x3000) if chr(i).isupper()]
    return "[" + "".join(re.escape(c) for c in chars) + "]"


@cache
def _name_run_re() -> re.Pattern:
    up = _upper_class()
    abbrevs = [t[:-1] for t in sorted(_sets()["titles"], key=len, reverse=True)
               if t.endswith(".") and " " not in t]
    # each word with its capital taken first: a pattern that opens with a character class
    # lets the regex engine skip straight to capitals instead of trying every position; then
    # an abbreviation ("Sen."), an initial ("J."), "U.S." or the rest of a capitalised word
    by_letter: dict[str, list[str]] = {}
    for t in abbrevs:  # abbreviations with different first letters never match at one place
        by_letter.setdefault(t[0], []).append(t[1:])
    abbrev_rest = "|".join(rf"(?<={re.escape(c)})(?:{'|'.join(re.escape(r) for r in rest)})"
                           for c, rest in by_letter.items())
    # one look-behind at the capital rules out every abbreviation at most capitals
    letters = re.escape("".join(sorted(by_letter)))
    # and a look-ahead for the full stop, so that most capitals skip the abbreviations unread:
    # every abbreviation's rest is one to ``longest`` word characters before its full stop
    rests = [r for rest in by_letter.values() for r in rest]
    longest = max(map(len, rests), default=0)
    stop_ahead = rf"(?=\w{{1,{longest}}}\.)" if all(re.fullmatch(r"\w+", r) for r in rests) else ""
    tail = (rf"(?:(?i:(?<=[{letters}]){stop_ahead}(?:{abbrev_rest}))\.|\.(?:{up}\.)+|\.(?=[ \u00a0]{up})"
            rf"|\w*(?:['’](?![sS]\b)\w+|-\w+)*)")
    first = rf"{up}(?<![\w'’\-.].){tail}"  # not inside a word: the character before the capital
    word = rf"{up}{tail}"
    conn = r"(?:de|da|del|della|di|du|van|von|der|den|bin|ibn|al|la|le|of|of the|y)"
    return re.compile(
        rf"{first}(?:[ \u00a0](?:{conn}[ \u00a0])?(?={up}){word})*"
        rf"(?:[ \u00a0]\d{{1,3}}(?![\w.,%:/]))?"  # "Rossiya 24", "Channel 4"
    )


_CALENDAR = frozenset("""jan feb mar apr may jun jul aug sep sept oct nov dec january february
march april june july august september october november december""".split())


_INITIAL_END = re.compile(r"\b[A-Z]\.$")
_NONSPACE = re.compile(r"\S+")


def _split_tokens(run: str, base: int) -> list[tuple[str, int, int]]:
    return [(m.group(), base + m.start(), base + m.end()) for m in _NONSPACE.finditer(run)]


def _classify(tokens: list[str]) -> str:
    org = _sets()["org_words"]
    for t in tokens:
        low = t.lower()
        if low in org or low.rstrip(".") in org:
            return "org"
    if len(tokens) == 1 and len(tokens[0]) >= 2 and tokens[0].isupper():
        return "org"
    if len(tokens) > 1 and not _person_shaped(tuple(tokens)):
        return "place"  # "Eastern Ukraine"; "Ukraine EU US Russia", a line of tags
    return "person"


def _person_shaped(tokens: tuple[str, ...]) -> bool:
    """Could these words be a person's full name? Not when a region word opens them, nor when
    two acronyms stand among other words ("Ukraine EU US Russia"; "JAKE TAPPER" in capitals
    may be a name)."""
    if tokens[0].lower() in _sets()["place_words"]:
        return False
    acronyms = sum(1 for t in tokens if len(t) >= 2 and t.isupper() and t.isalpha())
    return acronyms < 2 or acronyms == len(tokens)


_RUNS: dict[str, tuple | None] = {}  # name run -> _analyse(run), shared by all documents
_RUNS_MAX = 1 << 16


def _analyse(g: str) -> tuple | None:
    """What a capitalised run says on its own: (role, name start, name end, name, kind,
    number of name words), offsets relative to the run; None when it names nobody.

    Everything here depends on the run's characters only, so each distinct run is read
    once (names recur within a document and across a corpus) and the answer reused.
    """
    s = _sets()
    not_names = s["not_names"]
    if " " not in g and "\u00a0" not in g:  # fast path: one word
        low = g.lower()
        if low in not_names or low in s["title_tokens"] or low in s["demonyms"]:
            return None
        role_toks, name_toks = [], [(g, 0, len(g))]
    else:
        if g.count(" ") > 12:
            return None  # a heading or a table in capitals, not a name
        toks = _split_tokens(g, 0)
        # trim leading/trailing function words and connectors
        while toks and (toks[0][0].lower() in not_names or toks[0][0].islower()):
            toks.pop(0)
        while toks and (toks[-1][0].islower() or toks[-1][0].lower() in not_names
                        and (len(toks) == 1 or toks[-1][0].lower() not in _CALENDAR)):
            toks.pop()  # "... The", but keep "Ai Jun", "Theresa May"
        if not toks:
            return None
        i = 0
        for j in range(len(toks) - 1):  # leading role: up to the last title word
            low = toks[j][0].lower()
            if (low in s["title_tokens"] or low in s["role_heads"] and len(toks) - j > 2) \
                    and toks[j + 1][0][:1].isupper():
                i = j + 1  # "Economist Rita Vogel": the role noun is a title here
        if i and _classify([t for t, _, _ in toks[i:]]) == "org":
            i = 0  # "Justice Department": not a title before a name
        role_toks, name_toks = toks[:i], toks[i:]
        if len(name_toks) == 1 and (name_toks[0][0].lower() in s["title_tokens"]
                                    or name_toks[0][0].lower() in s["demonyms"]):
            return None
    start, end = name_toks[0][1], name_toks[-1][2]
    name = g[start:end]
    while name.endswith((".", "’s", "'s")) and not _INITIAL_END.search(name):
        cut = 1 if name.endswith(".") else 2
        if name.endswith(".") and name[:-1].split()[-1].lower() + "." in s["titles"]:
            break
        name, end = name[:-cut], end - cut
    if not name or name.lower() in not_names:
        return None
    tokens = name.split()
    if tokens[0].lower() in not_names:
        return None
    kind = _classify(tokens)
    if kind == "person" and " of " in name and tokens.index("of") >= 2:
        cut = name.index(" of ")  # "Senator Mark Tolliver of Ohio": the name ends at "of"
        name, end = name[:cut], start + cut
        tokens = name.split()
    role = g[role_toks[0][1]:role_toks[-1][2]] if role_toks else None
    return role, start, end, name, kind, len(tokens)


def _runs(text: str, skip: Sequence[tuple[int, int]]):
    """(offset, analysis) of each capitalised run outside ``skip`` that may name someone."""
    regions = sorted(skip)
    starts = [a for a, _ in regions]
    runs, limit = _RUNS, _RUNS_MAX
    for m in _name_run_re().finditer(text):
        at = m.start()
        if regions:
            k = bisect.bisect_right(starts, at) - 1
            if k >= 0 and at < regions[k][1]:
                continue
        g = m.group()
        a = runs.get(g, runs)
        if a is runs:
            a = _analyse(g)
            if len(g) <= 200:  # names are short: a giant run is read, not kept
                if len(runs) >= limit:
                    runs.clear()  # many distinct runs (hostile input): keep memory bounded
                runs[g] = a
        if a is not None:
            yield at, a


_FULLEST: list = [(None, {})]  # the last set of names and its answer (one tuple: atomic)


def fullest_forms(people: Sequence[PersonMention]) -> dict[str, str]:
    """Map each name to the fullest name in the document that ends with it ("Trump" -> "Donald Trump")."""
    return dict(_fullest_of({p.name for p in people}))


def _fullest_of(names: set[str]) -> dict[str, str]:
    """``fullest_forms`` for a set of names; the answer for the last set asked is kept
    (genders here, then the people index that attribution builds, ask about one document).
    The dict returned is shared: do not change it."""
    last, answer = _FULLEST[0]
    if last != names:
        names = frozenset(names)
        answer = _fullest(names)
        _FULLEST[0] = (names, answer)
    return answer


def _fullest(names: frozenset[str]) -> dict[str, str]:
    split = {n: tuple(n.split()) for n in names}
    best: dict[tuple[str, ...], tuple[int, int, str]] = {}
    for n, toks in split.items():  # every proper suffix of a name points to the longest name ending with it
        if len(toks) < 2 or not _person_shaped(toks):
            continue  # "Ukraine" is not short for "Eastern Ukraine"
        key = (len(toks), len(n), n)
        for k in range(1, len(toks)):
            suf = toks[k:]
            cur = best.get(suf)
            if cur is None or cur < key:
                best[suf] = key
    if not best:
        return {n: n for n in names}
    get = best.get
    return {n: (b[2] if (b := get(split[n])) is not None else n) for n in names}
