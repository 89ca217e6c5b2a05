"""Speaker name forms and role phrases: the vocabulary speaker resolution reads.

Role words, titles and their synonyms come from ``data/roles.yaml`` and
``data/speakers.yaml``. From them: strip titles off a name ("U.S. President
Donald Trump" -> "Donald Trump"), tell a person's full name from other words,
tell a name from a description, and compare a role phrase in a mention with a
role learned from a title or apposition.
"""
from __future__ import annotations

import re
from collections import defaultdict
from functools import cache, lru_cache

_TOKEN = re.compile(r"[\w'’.\-]+")
_POSSESSIVE = re.compile(r"['’]s?$")


@cache
def _lexicon() -> dict:
    """Role vocabulary from data/roles.yaml (shared with the extractors), plus the two
    lists only speaker matching needs from data/speakers.yaml."""
    from summitcli.datafiles import load_data

    roles, own = load_data("roles.yaml"), load_data("speakers.yaml")
    lowered = lambda words: [w.lower().replace(".", "") for w in words]  # noqa: E731
    honorifics = [t for ts in roles["gendered_titles"].values() for t in ts]
    title_words = lowered(roles["titles"] + honorifics) + lowered(own["titles"])
    titles = sorted({tuple(t.split()) for t in title_words if t}, key=len, reverse=True)
    synonyms: dict[str, set[str]] = defaultdict(set)
    for group in roles["synonyms"]:
        group = lowered(group)
        for word in group:
            synonyms[word].update(group)
    role_words = {w for t in titles for w in t} | {w for word in synonyms for w in word.split()}
    role_words |= set(lowered(own["role_words"]))
    distinguishing = set(own["distinguishing"])
    return {
        "role_words": role_words - distinguishing,
        "titles": list(titles),
        "titles_by_first": _by_first_word(titles),
        "synonyms": synonyms,
        "distinguishing": distinguishing,
        "ignore": set(own["ignore"]),
    }


def _by_first_word(titles: list[tuple[str, ...]]) -> dict[str, list[tuple[str, ...]]]:
    index: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for title in titles:
        index[title[0]].append(title)
    return dict(index)


def tokens(text: str) -> list[str]:
    return [_POSSESSIVE.sub("", t).replace(".", "").lower() for t in _TOKEN.findall(text or "")]


@lru_cache(maxsize=65536)
def strip_titles(name: str) -> str:
    """'U.S. President Donald Trump' -> 'Donald Trump' (keeps at least one word).

    A title may be preceded by up to three qualifiers ("U.S.", "Russian",
    "former"); everything up to the last title among the first words goes.
    """
    words = name.split()
    lowered = [w.strip(".,").lower() for w in words]
    by_first = _lexicon()["titles_by_first"]
    cut = 0
    for i in range(min(len(words) - 1, 6)):
        for title in by_first.get(lowered[i], ()):
            end = i + len(title)
            if end < len(words) and tuple(lowered[i:end]) == title and i - cut <= 3:
                cut = max(cut, end)
    return _POSSESSIVE.sub("", " ".join(words[cut:])).strip(" ,;:")


_NAME_WORD = re.compile(r"^(?:[A-Z][a-z'’\-]+(?:-[A-Z][a-z'’]+)?|[A-Z]\.(?:[A-Z]\.)*|Mc[A-Z][a-z]+)$")
_PARTICLES = {"de", "da", "van", "von", "der", "den", "bin", "al", "el", "la", "le", "di", "du"}


def looks_like_full_name(form: str) -> bool:
    """Two to five capitalised words (initials and particles allowed): a person's full name."""
    words = form.split()
    if not 2 <= len(words) <= 5:
        return False
    named = [w for w in words if w.lower() not in _PARTICLES]
    return len(named) >= 2 and all(_NAME_WORD.match(w) for w in named)


def _surname(form: str) -> str:
    return form.split()[-1].lower()


def _names_someone(form: str) -> bool:
    """A name ("Trump", "Le Monde"), not a description ("the US president")."""
    first = form.split()[0] if form.split() else ""
    return first[:1].isupper() and first.lower() not in _lexicon()["ignore"]


_DEPENDENT = re.compile(r"\b(?:familiar with|close to|with knowledge of|briefed on|involved in|"
                        r"knowledgeable about|(?:one|some|many|several|most|none|two|three) of)\b",
                        re.IGNORECASE)


def depends_on_name(mention: str) -> bool:
    """"a source close to Mayor Holt", "one of Holt’s aides": a mention naming someone by
    their tie to a person; the person named is not the speaker."""
    return _DEPENDENT.search(mention) is not None


def described_speaker(mention: str) -> str | None:
    """A role description as a speaker name ("the White House press secretary" ->
    "White House press secretary"); None for pronouns and words with no role in them."""
    words = tokens(mention)
    lex = _lexicon()
    if not any(w in lex["role_words"] for w in words):  # pronouns name no role
        return None
    parts = mention.split()
    while parts and parts[0].lower() in lex["ignore"]:
        parts = parts[1:]
    return " ".join(parts) or None


@lru_cache(maxsize=65536)
def _role_key(phrase: str) -> tuple[str, ...]:
    lex = _lexicon()
    return tuple(t for t in tokens(phrase) if t and t not in lex["ignore"])


def _role_matches(mention: tuple[str, ...], role: tuple[str, ...]) -> bool:
    """Does the role phrase in a mention fit a role learned from a title or apposition?"""
    lex = _lexicon()
    if not mention or not role:
        return False
    head = mention[-1]
    role_words = set(role)
    heads = lex["synonyms"].get(head, {head})
    if not (heads & role_words or any(" ".join(role[i:]) in heads for i in range(len(role)))):
        return False
    modifiers = set(mention[:-1])
    if not modifiers <= role_words:
        return False
    return not ((role_words & lex["distinguishing"]) - modifiers)
