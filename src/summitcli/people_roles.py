"""The role vocabulary (``data/roles.yaml``) and the role words read around a name.

A role is what the text says someone is: lowercase role words right before the name
("White House press secretary Ann Lee"), a role phrase before a comma ("The central bank
governor, Teresa Quint,") or an apposition after one ("X, the former acting director of
the CIA,").  Titles inside a capitalised run ("Russian President ...") are split off with
the name run itself (:mod:`summitcli.people_names`).
"""
from __future__ import annotations

import re
from functools import cache

from .datafiles import load_data


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
        "place_words": frozenset(w.lower() for w in lx.get("place_words") or ()),
        "pronouns": pron,
        "synonyms": [frozenset(s) for s in lx["synonyms"]],
    }


def lex() -> dict:
    return _sets()


_LEAD_WORD = re.compile(r"[\w'’.\-]+")


def _is_title_token(tok: str) -> bool:
    s = _sets()
    low = tok.lower()
    return low in s["title_tokens"] or low in s["modifiers"] or low in s["demonyms"]


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
    # the test below reads the role's last word, which is the word before the comma: when
    # that is no role noun (most often), the regex need not run
    words = text[max(0, start - 92):start - 2].split()
    last = words[-1].lower().strip("’'") if words else ""
    if last not in _sets()["role_heads"] and last.rstrip("s") not in _sets()["role_heads"]:
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
