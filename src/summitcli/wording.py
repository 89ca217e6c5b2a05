"""Normalised wording for comparing quotations: case, curly marks, punctuation, contractions.

``tokens`` keeps the article's own printed words beside each comparison key, so
word diffs can show what a source actually printed ("didn't" -> "did" + "not").
"""
from __future__ import annotations

import re
from itertools import chain
from typing import Iterable

# English function words: they carry no topic, so they never count as shared content.
FUNCTION_WORDS = frozenset(
    """a an the and or but nor so yet if then than that this these those there here
    is are was were be been being am do does did done have has had having will would shall
    should can could may might must not no of in on at to for from by with about as into
    onto over under up down out off through again further once very just also too only own
    same such more most some any each every all both few other i me my mine we us our ours
    you your yours he him his she her hers it its they them their theirs what which who whom
    whose when where why how because while until since before after above below between
    during against among per via get got gets let lets one ones really s t""".split()
)
# Clitics that expand the same way after any word.
_CLITICS = {"n't": ["not"], "'re": ["are"], "'ve": ["have"], "'ll": ["will"], "'m": ["am"], "'d": ["would"]}
_NEGATIONS = {"won't": ["will", "not"], "can't": ["can", "not"], "shan't": ["shall", "not"],
              "ain't": ["is", "not"], "cannot": ["can", "not"]}
# "'s" means "is" after these words (otherwise it is a possessive and is dropped).
_S_IS = frozenset("it that there here what who where how he she this everything nothing "
                  "something someone everyone everybody nobody somebody".split())
_QUOTE_MARKS = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2032": "'", "`": "'"})
_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")  # linear: apostrophes only between word runs


def _expand(word: str) -> list[str]:
    """Lower-cased word (straight apostrophes) -> normalised tokens."""
    if word in _NEGATIONS:
        return list(_NEGATIONS[word])
    for clitic, expansion in _CLITICS.items():
        if word.endswith(clitic) and len(word) > len(clitic):
            return _expand(word[: -len(clitic)]) + expansion
    if word.endswith("'s") and len(word) > 2:
        stem = word[:-2]
        if stem == "let":
            return ["let", "us"]
        return [stem, "is"] if stem in _S_IS else [stem]
    if word.endswith("s'"):
        word = word[:-1]
    return [word.replace("'", "")]


_CHUNK_TOKENS: dict[str, tuple[tuple[str, str], ...]] = {}


def _chunk_tokens(chunk: str) -> tuple[tuple[str, str], ...]:
    """``(key, display)`` pairs of one whitespace-delimited chunk (memoised).

    The chunk displays whole on its first key and as "" on the others ("didn't" ->
    ("did", "didn't"), ("not", "")), so diffs can show the article's own words.
    """
    toks = _CHUNK_TOKENS.get(chunk)
    if toks is None:
        low = chunk.translate(_QUOTE_MARKS).lower()
        keys = [k for w in _WORD.findall(low) for k in _expand(w) if k]
        toks = tuple((k, chunk if i == 0 else "") for i, k in enumerate(keys))
        if len(_CHUNK_TOKENS) > 200_000:
            _CHUNK_TOKENS.clear()
        _CHUNK_TOKENS[chunk] = toks
    return toks


def tokens(text: str) -> list[tuple[str, str]]:
    """Normalised tokens of ``text`` as ``(key, display)`` pairs.

    ``key`` is the comparison form; ``display`` the printed word (with its punctuation)
    on the first key that word produced and ``""`` on the others.
    """
    chunks = text.split()
    parts = list(map(_CHUNK_TOKENS.get, chunks))  # memo hits at C speed
    if all(parts):
        return list(chain.from_iterable(parts))
    out: list[tuple[str, str]] = []
    for chunk, toks in zip(chunks, parts):
        toks = toks or _chunk_tokens(chunk)
        if toks:
            out.extend(toks)
        elif out:  # punctuation-only chunk ("…", "—"): keep it visible on the previous word
            key, disp = out[-1]
            out[-1] = (key, f"{disp} {chunk}" if disp else chunk)
    return out


def normalize(text: str) -> str:
    """Comparison form: lower case, no punctuation, contractions expanded."""
    return " ".join(k for k, _ in tokens(text))


def content_words(keys: Iterable[str]) -> frozenset[str]:
    """Content words: not function words, and longer than two letters unless a number."""
    words = frozenset(keys) - FUNCTION_WORDS
    return frozenset(k for k in words if len(k) > 2 or k.isdigit())
