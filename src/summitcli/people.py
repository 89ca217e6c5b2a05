"""Named people and organisations in one text, with the titles and appositions seen with them.

``people_in_text`` finds capitalised name sequences ("Russian President Vladimir Putin"),
splits leading titles off into ``role`` ("Russian President"), reads appositions
("X, the former acting director of the CIA,") into ``role`` too, tells organisations from
people by their words (News, Committee, all-caps acronyms) and guesses gender from an
honorific or from the he/she that refers back.  The vocabulary lives in ``data/roles.yaml``.
"""
from __future__ import annotations

import re
import bisect
from collections import Counter
from functools import cache
from typing import Sequence

from .datafiles import load_data

from .records import PersonMention


@cache
def roles_lexicon() -> dict:
    """The role vocabulary from data/roles.yaml (loaded once)."""
    return load_data("roles.yaml")


@cache
def _sets() -> dict:
    lx = roles_lexicon()
    titles = [t for t in lx["titles"]]
    gendered = {t.lower(): g for g, ts in lx["gendered_titles"].items() for t in ts}
    pron = {k: frozenset(v) for k, v in lx["pronouns"].items()}
    return {
        "title_tokens": frozenset(w.lower() for t in titles for w in t.split()) - {"of", "the"},
        "titles": frozenset(t.lower() for t in titles),
        "gendered": gendered,
        "modifiers": frozenset(m.lower() for m in lx["modifiers"]),
        "role_nouns": frozenset(r.lower() for r in lx["role_nouns"]),
        "role_heads": frozenset(r.split()[-1].lower() for r in lx["role_nouns"]),
        "lead_words": frozenset(r.split()[-1].lower() for r in lx["role_nouns"])  # role heads
        | (frozenset(w.lower() for t in titles for w in t.split()) - {"of", "the"}),  # title tokens
        "demonyms": frozenset(d.lower() for d in lx["demonyms"]),
        "not_names": frozenset(w.lower() for w in lx["not_names"]),
        "org_words": frozenset(w.lower() for w in lx["org_words"]),
        "pronouns": pron,
        "synonyms": [frozenset(s) for s in lx["synonyms"]],
    }


def lex() -> dict:
    return _sets()


@cache
def _upper_class() -> str:
    chars = [chr(i) for i in range(0x3000) if chr(i).isupper()]
    return "[" + "".join(re.escape(c) for c in chars) + "]"


@cache
def _name_run_re() -> re.Pattern:
    up = _upper_class()
    abbrevs = [t[:-1] for t in sorted(_sets()["titles"], key=len, reverse=True)
               if t.endswith(".") and " " not in t]
    abbrev = "|".join(re.escape(t) for t in abbrevs)
    # a capitalised word, an initial ("J."), a title abbreviation ("Sen."), "U.S."
    word = (rf"(?:(?i:{abbrev})\.|{up}\.(?:{up}\.)+|{up}\.(?=[ \u00a0]{up})"
            rf"|{up}\w*(?:['’](?![sS]\b)\w+|-\w+)*)")
    # the first word with its capital taken first: a pattern that opens with a character
    # class lets the regex engine skip straight to capitals instead of trying every position
    by_letter: dict[str, list[str]] = {}
    for t in abbrevs:  # abbreviations with different first letters never match at one place
        by_letter.setdefault(t[0], []).append(t[1:])
    abbrev_rest = "|".join(rf"(?<={re.escape(c)})(?:{'|'.join(re.escape(r) for r in rest)})"
                           for c, rest in by_letter.items())
    first = (rf"{up}(?<![\w'’\-.].)"  # not inside a word: the character before the capital
             rf"(?:(?i:{abbrev_rest})\.|\.(?:{up}\.)+|\.(?=[ \u00a0]{up})"
             rf"|\w*(?:['’](?![sS]\b)\w+|-\w+)*)")
    conn = r"(?:de|da|del|della|di|du|van|von|der|den|bin|ibn|al|la|le|of|of the|y)"
    return re.compile(
        rf"{first}(?:[ \u00a0](?:{conn}[ \u00a0])?(?={up}){word})*"
        rf"(?:[ \u00a0]\d{{1,3}}(?![\w.,%:/]))?"  # "Rossiya 24", "Channel 4"
    )


_CALENDAR = frozenset("""jan feb mar apr may jun jul aug sep sept oct nov dec january february
march april june july august september october november december""".split())
_PLACE_PREP = frozenset("in at from to near across into outside inside throughout toward towards".split())


_INITIAL_END = re.compile(r"\b[A-Z]\.$")
_SENT_INITIAL = re.compile(r"(^|[.!?:\n“\"]\s*)$")
_SAID_NEXT = re.compile(r"\s+(?:said|says|told|added|wrote)\b")
_NONSPACE = re.compile(r"\S+")
_LEAD_WORD = re.compile(r"[\w'’.\-]+")


def _split_tokens(run: str, base: int) -> list[tuple[str, int, int]]:
    return [(m.group(), base + m.start(), base + m.end()) for m in _NONSPACE.finditer(run)]


def _is_title_token(tok: str) -> bool:
    s = _sets()
    low = tok.lower()
    return low in s["title_tokens"] or low in s["modifiers"] or low in s["demonyms"]


def _classify(tokens: list[str]) -> str:
    org = _sets()["org_words"]
    for t in tokens:
        low = t.lower()
        if low in org or low.rstrip(".") in org:
            return "org"
    if len(tokens) == 1 and len(tokens[0]) >= 2 and tokens[0].isupper():
        return "org"
    return "person"


def _leading_role(text: str, start: int) -> tuple[str | None, int]:
    """Lowercase role words right before a name ("White House press secretary")."""
    if start < 2 or text[start - 1] not in " \u00a0":
        return None, start
    seg = text[max(0, start - 40):start - 1]  # the word before: at most 39 characters
    if not seg or seg[-1].isspace():
        return None, start  # no word right before ("" is no role word)
    s = _sets()
    if seg.rsplit(None, 1)[-1].lower().rstrip(".") not in s["lead_words"]:
        return None, start
    pos = start
    words = list(_LEAD_WORD.finditer(text[max(0, start - 80):start]))
    off = max(0, start - 80)
    taken: list[re.Match] = []
    for m in reversed(words):
        if text[off + m.end():pos].strip():  # punctuation between words ends the role
            break
        w = m.group().lower().rstrip(".")
        if not taken:
            if w not in s["role_heads"] and w not in s["title_tokens"]:
                break
        elif not (w in s["role_heads"] or w in s["modifiers"] or w in s["demonyms"]
                  or w in s["title_tokens"] or m.group()[:1].isupper() or w.endswith(("'s", "’s"))):
            break
        taken.append(m)
        pos = off + m.start()
        if len(taken) >= 6:
            break
    if not taken:
        return None, start
    return text[pos:start].strip(), pos


_ROLE_COMMA = re.compile(r"(?:^|(?<=[\s(]))((?:[Tt]he|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[A-Z][\w’'\-]*[’']s)"
                         r"[ \u00a0][^,;:.!?\"“”\n]{2,80}?),[ \u00a0]$")


def _role_before_comma(text: str, start: int) -> str | None:
    """"The central bank governor, Teresa Quint," - a role phrase right before the name."""
    if text[start - 2:start] != ", ":
        return None
    m = _ROLE_COMMA.search(text, max(0, start - 90), start)
    if m is None:
        return None
    role = m.group(1)
    last = role.split()[-1].lower().strip("’'")
    return role if last in _sets()["role_heads"] or last.rstrip("s") in _sets()["role_heads"] else None


_APPOS_RE = re.compile(
    r",[ \u00a0](?:\d{1,3},[ \u00a0])?((?:the|a|an|his|her|its|their|then-|former|now|now-)"
    r"[ \u00a0][^,;:.!?\"“”\n]{2,90}?)(?=[,;.!?\n]|$)"
)


def _apposition(text: str, end: int) -> str | None:
    if text[end:end + 1] != ",":
        return None
    m = _APPOS_RE.match(text, end, min(len(text), end + 120))
    if m is None:
        return None
    role = m.group(1).strip()
    return role if len(role.split()) <= 14 else None


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


def people_in_text(text: str, skip: Sequence[tuple[int, int]] = ()) -> list[PersonMention]:
    """Every named person or organisation mentioned in ``text``, in order.

    ``skip`` lists (start, end) regions to ignore (boilerplate).
    """
    out: list[tuple] = []  # (name, start, end, role, kind) while being built
    for at, (role, a, b, name, kind, n_tokens) in _runs(text, skip):
        start, end = at + a, at + b
        if role is None and start >= 2:  # the cheap tests of both helpers first
            before = text[start - 1]
            if before == " " or before == "\u00a0":
                role = _leading_role(text, start)[0]
                if not role and text[start - 2] == ",":
                    role = _role_before_comma(text, start)
        if text[end:end + 1] == ",":
            app = _apposition(text, end)
            if app and not role:
                role = app
            elif app:
                role = f"{role}; {app}"
        if not role and kind == "person" and n_tokens <= 2:
            prev = text[max(0, start - 24):start].split()
            if prev and prev[-1].lower() in _PLACE_PREP and prev[-2:-1] != ["according"]:
                continue  # "in Anchorage", "to Ukraine": a place, not a speaker
        out.append((name, start, end, role, kind))
    out = _drop_sentence_initial_words(text, out)
    return _with_gender(text, out)


def _drop_sentence_initial_words(text: str, people: list[tuple]) -> list[tuple]:
    """A lone capitalised word at a sentence start is a name only if seen elsewhere."""
    counts = Counter(p[0] for p in people)
    surnames = {name.rsplit(None, 1)[-1] for name in counts if " " in name}
    keep = []
    for p in people:
        name, start, end, role, kind = p
        if " " not in name and not role and name not in surnames \
                and counts[name] == 1 and kind == "person":
            initial = start == 0 or _SENT_INITIAL.search(text[max(0, start - 3):start])
            if initial and not _SAID_NEXT.match(text[end:end + 20]):
                continue
        keep.append(p)
    return keep


# he/him/his/himself/her/hers/herself/she as a whole word; the first letter comes first so
# the regex engine can skip to candidate letters (the look-behind checks the one before it)
_PRON_RE = re.compile(r"[HhSs](?<!\w.)(?:(?<=[Hh])(?:e|im|is|imself|er|ers|erself)|(?<=[Ss])he)(?!\w)")
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
    gendered = s["gendered"]
    pron = list(_PRON_RE.finditer(text))  # the word of one is read only when it is weighed
    pos = list(map(re.Match.start, pron))
    votes: dict[str, list[int]] = {}
    full = _fullest_of({p[0] for p in people})
    honorific: dict[tuple, tuple[int, int]] = {}  # (role, name) -> votes from gendered titles
    he_she = ("he", "she")
    male = s["pronouns"]["m"]
    n_pron, n_people, n_text = len(pos), len(people), len(text)
    bisect_left = bisect.bisect_left
    stop_match, stop_char = _SENT_STOP.match, _STOP_CHAR.search
    for i, (name, _, end, role, kind) in enumerate(people):
        fn = full[name]
        v = votes.get(fn)
        if v is None:
            v = votes[fn] = [0, 0]
        key = (role, name)
        h = honorific.get(key)
        if h is None:
            m = f = 0
            for w in ((role or "") + " " + name).split()[:6]:
                g = gendered.get(w.lower())
                if g:
                    if g == "m":
                        m += 3
                    else:
                        f += 3
            h = honorific[key] = (m, f)
        v[0] += h[0]
        v[1] += h[1]
        if kind != "person" or not (role or " " in fn):
            continue  # no person evidence ("Russia"): a following he/she is not about it
        nxt = people[i + 1][1] if i + 1 < n_people else n_text
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
        k = bisect_left(pos, end)
        while k < n_pron and pos[k] < lim:
            w = pron[k].group().lower()
            if w not in he_she and not _in_quote(text, pos[k]) \
                    and not _object_pronoun(text, pos[k], w):
                v[0 if w in male else 1] += 2 if w.endswith("self") else 1
                break
            k += 1
        if sent_end and (nxt > sent_end.end()):
            ns = _NEXT_SUBJECT.match(text, sent_end.start())
            if ns:
                v[0 if ns.group(1) == "He" else 1] += 2
    gender = {n: "m" if m > f else "f" if f > m else None for n, (m, f) in votes.items()}
    return [PersonMention(name, start, end, role, kind,
                          gender[full[name]] if kind == "person" else None)
            for name, start, end, role, kind in people]


_SENT_STOP = re.compile(r"[.!?](?=[\"”’']?[ \u00a0]+[A-Z\"“‘]|[\"”’']?$)|\n")
_STOP_CHAR = re.compile(r"[.!?\n]")  # every _SENT_STOP match starts on one of these


def _in_quote(text: str, pos: int) -> bool:
    """Cheap: is ``pos`` inside a quotation opened earlier on its line?"""
    line = text.rfind("\n", max(0, pos - 600), pos) + 1
    seg = text[max(line, pos - 600):pos]
    return seg.count("“") > seg.count("”") or seg.count('"') % 2 == 1


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
        if len(toks) < 2:
            continue
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
