"""The reporting-verb lexicon: every inflected form from ``data/reporting_verbs.yaml``.

Shared by quotation attribution and claims; ``verb_re`` matches any form (or
"according to") through a trie-shaped alternation, one branch per character.
"""
from __future__ import annotations

import re
from functools import cache

from .datafiles import load_data

@cache
def _verb_data() -> dict:
    return load_data("reporting_verbs.yaml")


def _inflect(base: str, double: bool) -> list[str]:
    if double:
        stem = base + base[-1]
        return [base, base + "s", stem + "ed", stem + "ing"]
    if base.endswith("e"):
        return [base, base + "s", base + "d", base[:-1] + "ing"]
    if base.endswith("y") and base[-2:-1] not in "aeiou":
        return [base, base[:-1] + "ies", base[:-1] + "ied", base + "ing"]
    if base.endswith(("s", "sh", "ch", "x", "z", "o")):
        return [base, base + "es", base + "ed", base + "ing"]
    return [base, base + "s", base + "ed", base + "ing"]


@cache
def reporting_verbs() -> frozenset[str]:
    """All inflected forms of the reporting verbs in data/reporting_verbs.yaml (lowercase)."""
    d = _verb_data()
    double = set(d.get("double") or ())
    forms: set[str] = set()
    for base in d.get("regular") or ():
        forms.update(_inflect(base, base in double))
    for base, extra in (d.get("irregular") or {}).items():
        forms.add(base)
        forms.update(extra)
    return frozenset(forms - set(d.get("exclude") or ()))


@cache
def ambiguous_verbs() -> frozenset[str]:
    """Forms that are also nouns ("a note", "the post"): a cue only after a clear subject."""
    return frozenset(_verb_data().get("ambiguous") or ())


def _trie_pattern(words: list[str]) -> str:
    """A regex alternation factored as a trie, so matching costs one branch per character."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts, end = [], "" in node
        for ch in sorted(k for k in node if k):
            c = r"\s+" if ch == " " else f"[{ch}{ch.upper()}]" if ch.isalpha() else re.escape(ch)
            alts.append(c + emit(node[ch]))
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if end else body
    return emit(trie)


@cache
def verb_re() -> re.Pattern:
    """Any reporting-verb form, or "according to", as a whole word (first letter any case)."""
    forms = sorted(reporting_verbs() | {"according to"})
    return re.compile(rf"(?<![\w\-])(?:{_trie_pattern(forms)})(?![\w\-])")
