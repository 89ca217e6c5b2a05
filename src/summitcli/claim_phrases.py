"""Claims whose cue is not a reporting verb: "according to", "as X put it", hedges,
position nouns ("her support for X"), stance adjectives ("is confident that"), a poll opening
the sentence, and a name before a colon in a headline.
"""
from __future__ import annotations

from .claim_text import (
    _AUX, _COORD, _DETS, _NOT_PARTICIPLE, _OPENERS, _PREPS, _QUOTE_CHARS, _RELATIVE, _SUBJ_PRONOUNS,
    _infinitive, _is_cap, _is_word, _lexicon, _word_count,
)
from .claim_sentence import _BE, _GAP_VERBS, _NEW_SUBJECT, _Raw, _Sentence, _object_end, _to_clause_end
from .claim_subjects import _fallback_subject

_SUBJ_IT = _SUBJ_PRONOUNS | {"it"}
_BE_ALL = _BE | {b + "n" + q + "t" for b in ("is", "are", "was", "were") for q in "'’"}

_SOURCE_STOP = frozenset({",", ";", ".", "(", ")", "—", "–", ":"} | set(_QUOTE_CHARS))
_AS_END = frozenset({",", ".", ";", ")", "!", "?"} | set(_QUOTE_CHARS))


def _source_phrase(s: _Sentence, a: int) -> tuple[int, int]:
    """Tokens of the source after "according to": up to a comma or the sentence end."""
    b = a
    while b < s.n and b - a < 30 and s.lows[b] not in _SOURCE_STOP:
        b += 1
    return (a, b)


def _according_claim(s: _Sentence, i: int) -> _Raw | None:
    lows, starts, ends, n = s.lows, s.starts, s.ends, s.n
    _, b = _source_phrase(s, i + 2)
    if b <= i + 2:
        return None
    cs, ce = starts[i], ends[i + 1]
    speaker = s.speaker_fn(cs, ce)
    if s.is_initial(i):
        if b >= n or lows[b] != ",":
            return None
        c, d = s.span(b + 1, s.content_end(b + 1))
        rule = "according-before"
    else:
        mid = b < n - 1 and lows[b] == "," and not s.appositive_rest(b)
        c, d = s.span(0 if mid else _last_clause_start(s, i), s.content_end(b + 1) if mid else i)
        rule = "according-inside" if mid else "according-after"
    if d <= c:
        return None
    return _Raw(c, d, cs, ce, speaker, rule, priority=3, fallback=s.span(i + 2, b))


def _last_clause_start(s: _Sentence, i: int) -> int:
    """Start of the clause that ends before token i: after a colon, a semicolon or
    ", which" / ", with" ("..., with most voters saying she cannot be trusted, according to ...")."""
    lows, starts = s.lows, s.starts
    for k in range(i - 2, 0, -1):
        w = lows[k]
        if w in {":", ";"}:
            return k + 1
        if w == "," and k + 1 < i - 1 and lows[k + 1] in _RELATIVE | {"with"} and not s.inside_quote(starts[k]):
            return k + 1
        if w == "," and k + 2 < i - 1 and lows[k + 1] in {"and", "but"} and not s.inside_quote(starts[k]) \
                and (lows[k + 2] in _NEW_SUBJECT or s._new_clause(k + 2)) and any(m in s.verbs for m in range(k)):
            return k + 2  # "X met Y, as Z reported, and he will lead ..., according to W": W reports the last clause
    first = 0
    while first < i - 1 and lows[first] in {"and", "but", "yet"}:
        first += 1  # "And the quay is shut, according to X": the conjunction is the author's
    return first


def _as_claim(s: _Sentence, i: int) -> _Raw | None:
    """"As X put it, ..." / "..., as X wrote." """
    lows, texts, starts, ends, n, lex = s.lows, s.texts, s.starts, s.ends, s.n, _lexicon()
    if i + 3 < n and lows[i + 1] in lex.as_verbs and lows[i + 2] == "by":
        return _as_by_claim(s, i)
    for k in range(i + 2, min(n, i + 8)):
        w = lows[k]
        if w in lex.as_verbs:
            break
        if not _is_word(texts[k]) or w in {"as", "well", "soon", "long", "much", "far", "if", "though"}:
            return None
    else:
        return None
    v_end = k + 1 if k + 1 < n and lows[k + 1] == "it" else k
    if v_end + 1 < n and lows[v_end + 1] not in _AS_END:
        return None
    speaker = s.speaker_fn(starts[k], ends[k])
    cs, ce = starts[i], ends[v_end]
    if s.is_initial(i):
        c, d = s.whole(v_end + 2) if v_end + 2 < n else (0, 0)
        rule = "as-before"
    elif v_end + 2 < n and lows[v_end + 1] == "," and lows[v_end + 2] not in _COORD | _OPENERS:
        # "there was, as X put it, no deal"
        a = i - 1 if lows[i - 1] == "," else i
        while a > 0 and lows[a - 1] not in {",", ";", ":"}:
            a -= 1
        c, d = s.span(a, s.content_end(v_end + 2))
        rule = "as-inside"
    else:  # "..., as X wrote.": from the last complementiser, if any ("the conclusion that ...")
        a = max((k for k in range(i) if lows[k] == "that"), default=-1) + 1
        c, d = s.span(a if a < i - 2 else 0, i)
        rule = "as-after"
    if d <= c:
        return None
    return _Raw(c, d, cs, ce, speaker, rule, priority=3)


_BY_ADJUNCT = frozenset("on in at during last this earlier yesterday today".split())


def _as_by_claim(s: _Sentence, i: int) -> _Raw | None:
    """"As reported by X, ..." / "..., as noted by X.": the by-phrase names the source."""
    lows, n = s.lows, s.n
    k = i + 3
    while k < n and k < i + 12 and _is_word(s.texts[k]) or k < n and lows[k] in {"’s", "'s", "-", "&"}:
        k += 1
    if k == i + 3 or k < n and lows[k] not in {",", ".", ";", "!", "?"}:
        return None  # "as reported by the paper that ...": no plain source phrase
    cut = next((m for m in range(i + 4, k) if lows[m] in _BY_ADJUNCT and s.texts[m].islower()), k)
    a, b = s.span(i + 3, cut)  # "by Lee on Monday": the source is "Lee"
    if s.is_initial(i):
        c, d = s.whole(k + 1) if k + 1 < n else (0, 0)
        rule = "as-before"
    else:
        start = max((m for m in range(i) if lows[m] == "that"), default=-1) + 1
        c, d = s.span(start if start < i - 2 else 0, i)
        rule = "as-after"
    if d <= c:
        return None
    return _Raw(c, d, s.starts[i], s.ends[i + 2], None, rule, priority=3, fallback=(a, b))


_HEDGE_EMBEDDERS = frozenset("for by of with without after before while who which whom whose".split())


def _embedded_hedge(s: _Sentence, i: int) -> bool:
    """"charged for allegedly taking ...", "Lee, who reportedly has ...", "groups - allegedly -",
    or a headline's "Reportedly": the hedge qualifies a phrase inside the sentence, not its clause."""
    prev = s.lows[i - 1] if i else ""
    if prev in _HEDGE_EMBEDDERS or (prev in _BE and i > 1 and s.lows[i - 2] in {"who", "which"}):
        return True
    if prev in {"-", "—", "–"} and i + 1 < s.n and s.lows[i + 1] in {"-", "—", "–"}:
        return True
    return s.texts[i][:1].isupper() and i > 0 and s.title


def _hedge_claim(s: _Sentence, i: int) -> _Raw | None:
    """"X reportedly ...", "X is said to ...", "it is believed that ...": hearsay with no speaker.

    The content is the clause the hedge sits in, subject included; it runs on
    past the hedge itself."""
    lows, starts, ends, n, lex = s.lows, s.starts, s.ends, s.n, _lexicon()
    if lows[i] in lex.hedge_adverbs:
        if _embedded_hedge(s, i):
            return None
        c, d = s.span(0, s.content_end(i))
        return _Raw(c, d, starts[i], ends[i], None, "hedge-adverb", True) if d > c else None
    if lows[i] not in lex.be_forms:
        return None
    k = i + 1
    if k < n and (lows[k].endswith("ly") or lows[k] == "not"):
        k += 1  # "is widely expected to", "is not expected to"
    if k + 1 >= n or lows[k] not in lex.hedge_passives or lows[k + 1] not in {"to", "that"}:
        return None
    if lows[k + 1] == "that":  # "it is believed that ..."
        c, d = s.whole(k + 1)
        cue_end = ends[k]
    else:
        c, d = s.span(0, s.content_end(k + 1))
        cue_end = ends[k + 1]
    return _Raw(c, d, starts[i], cue_end, None, "hedge-passive", True) if d > c else None


def _noun_claim(s: _Sentence, i: int) -> _Raw | None:
    """"Russia's view that ...", "his claim that ...", "her support for X", "their plan to ...":
    the possessor is the speaker."""
    lows, texts, starts, ends, lex = s.lows, s.texts, s.starts, s.ends, _lexicon()
    if i == 0 or i + 1 >= s.n:
        return None
    nxt = lows[i + 1]
    preps = lex.object_nouns.get(lows[i], frozenset())
    if not (nxt == "that" and lows[i] in lex.cue_nouns or nxt in preps):
        return None
    p = lows[i - 1]
    if p in {"his", "her", "their", "its", "our"}:
        speaker = (starts[i - 1], ends[i - 1])
        v = i - 2  # "Lee renewed his call for ...": the subject of the verb before the pronoun
        found = s.speaker_fn(starts[v], ends[v]) if v >= 0 and texts[v].isalpha() and texts[v].islower() \
            and lows[v] not in _PREPS and lows[v] not in _AUX else None
        if found is not None and found[1] <= starts[v]:
            speaker = found  # "Lee renewed his call for ...": the subject, not the pronoun
    elif p.endswith(("’s", "'s")) and _is_cap(texts[i - 1]):
        k = i - 1
        while k > 0 and _is_cap(texts[k - 1]) and _is_word(texts[k - 1]):
            k -= 1
        speaker = (starts[k], ends[i - 1] - 2)
    else:
        return None
    if nxt == "that":
        c, d = s.whole(i + 1)
        rule = "noun-that"
    else:  # the object of the preposition, or the to-clause with its "to"
        clause = nxt == "to" and _infinitive(s, i + 1)
        a = i + 1 if clause else i + 2
        if a >= s.n:
            return None
        end = _object_end(s, a, s.content_end(a, phrase=True), False, np=not clause)
        if clause:  # "her decision to run | has surprised many": the noun is the sentence's subject
            end = _to_clause_end(s, a, end, relative=True)
        c, d = s.span(a, end)
        rule = "noun-object"
    if d <= c:
        return None
    cue_end = ends[i] if rule == "noun-that" else ends[i + 1]
    return _Raw(c, d, starts[i], cue_end, speaker, rule, priority=1)


def _in_source_claim(s: _Sentence, i: int) -> _Raw | None:
    """"In a poll released Monday, 40 percent back the plan": a poll or report opens the
    sentence and vouches for the clause after its comma."""
    lows, texts, starts, ends, sources = s.lows, s.texts, s.starts, s.ends, _lexicon().source_nouns
    if i + 1 < s.n and texts[i + 1].islower() and lows[i + 1].endswith("ing"):
        return None  # "In concluding this analysis, ...": the author's own gerund, not a source
    b = i + 1
    while b < s.n and b - i < 16 and lows[b] not in {",", ";", ":", "."}:
        b += 1
    if b >= s.n or lows[b] != "," or sources.isdisjoint(lows[i + 1:b]):
        return None
    if b + 1 < s.n and texts[b + 1].islower() and lows[b + 1].endswith("ed"):
        b += 1  # "In the new poll, conducted in March, ...": skip the participle phrase
        while b < s.n and b - i < 30 and lows[b] != ",":
            b += 1
        if b >= s.n:
            return None
    c, d = s.span(b + 1, s.content_end(b + 1))
    if d <= c or _word_count(texts[b + 1:], 3) < 3:
        return None
    e = i + 1
    while e < b and lows[e] != ",":
        e += 1
    return _Raw(c, d, starts[i], ends[i], None, "in-source", priority=1, fallback=s.span(i + 1, e))


_PARTICIPLE_TAIL = frozenset("released conducted taken published out issued from by of on in this last week "
                              "month".split())


def _in_source_after(s: _Sentence, i: int) -> _Raw | None:
    """"Lee leads by 8 points in the latest poll": a poll or survey named at the end of the
    sentence vouches for the clause before it (which must have a verb of its own)."""
    lows, texts, starts, ends, n, sources = s.lows, s.texts, s.starts, s.ends, s.n, _lexicon().source_nouns
    if sources.isdisjoint(lows[i + 1:i + 7]):
        return None  # no source noun in reach (most "in"s): one C-level test
    k = i + 1
    while k < n and k - i <= 6 and _is_word(texts[k]) and lows[k] not in sources:
        k += 1
    if k >= n or lows[k] not in sources or k - i > 6:
        return None
    if lows[k] == "numbers" and lows[i + 1] not in _DETS:
        return None  # "turned out in record numbers": a manner phrase, not a source
    e = k + 1  # the source may go on with "released Sunday", "by the Times", "of likely voters"
    while e < n and _is_word(texts[e]) and (lows[e] in _PARTICIPLE_TAIL or _is_cap(texts[e])) and e - k < 8:
        e += 1
    if e < n and lows[e] not in {".", "!", "?", ",", ";"}:
        return None  # the sentence goes on: the poll is not the last word
    a = _last_clause_start(s, i)
    if not any(texts[m].islower() and (lows[m] in _BE or lows[m].endswith(("ed", "s"))) for m in range(a + 1, i)):
        return None
    c, d = s.span(a, i)
    if d <= c or _word_count(texts[a:i], 3) < 3:
        return None
    return _Raw(c, d, starts[i], ends[i], None, "in-source", priority=1, fallback=s.span(i + 1, e))


_DEGREE = frozenset("not so very too more less most also still".split())
_LINKING = frozenset("remain remains remained seem seems seemed appeared sounded felt become became".split())


def _adjective_claim(s: _Sentence, i: int) -> _Raw | None:
    """"X is confident that ...", "Y was critical of Z", "they are eager to ...": a stance
    adjective after a form of "be"; the subject of "be" holds the stance."""
    lows, texts, starts, ends, lex = s.lows, s.texts, s.starts, s.ends, _lexicon()
    if i + 1 >= s.n or lows[i + 1] not in lex.adjectives[lows[i]]:
        return None
    b = i - 1
    while b >= 0 and texts[b].islower() and (lows[b].endswith("ly") or lows[b] in _DEGREE):
        b -= 1
    if b < 1 or lows[b] not in _BE | _LINKING:
        return None
    if lows[b - 1] in {"it", "there", "this", "that", "what"}:
        return None  # "it is clear that ...": the author's own assertion
    clause = lows[i + 1] in {"that", "to"} and (lows[i + 1] == "that" or _infinitive(s, i + 1))
    a = i + 1 if clause else i + 2
    if a >= s.n:
        return None
    end = s.content_end(a, phrase=not clause)
    if not clause:
        end = _object_end(s, a, end, False, np=True)
    c, d = s.span(a, end)
    if d <= c:
        return None
    cs, ce = starts[i], ends[i]
    # the subject of "be"/"seem" holds the stance: "X appeared more convinced that ..."
    speaker = s.speaker_fn(cs, ce) if b == i - 1 else s.speaker_fn(starts[b], ends[b])
    return _Raw(c, d, cs, ce, speaker, "adjective", priority=2,
                fallback=None if speaker else _fallback_subject(s, b, b))


def _colon_claim(s: _Sentence, i: int) -> _Raw | None:
    """"Lynch: No outside influence on the inquiry": a name and a colon open a line."""
    lows, texts, starts, ends = s.lows, s.texts, s.starts, s.ends
    if i == 0 or i + 1 >= s.n or (s.ss > 0 and s.text[s.ss - 1] != "\n"):
        return None
    if not all(_is_cap(t) and _is_word(t) or w in {"on", "of", "to", "’s", "'s"} for w, t in zip(lows[:i], texts[:i])) \
            or lows[0] in _DETS or sum(1 for t in texts[i + 1:] if t[:1].isalpha()) < 3:
        return None  # "The Latest: ...", "Clinton: 547": a heading or a tally
    if starts[i + 1] - ends[i] > 2 or not _is_word(texts[i + 1]) and lows[i + 1] not in "“‘\"'":
        return None
    if s.text[starts[0]:ends[i - 1]].lower() in _lexicon().colon_labels:
        return None  # "Note:", "Q:": a label of the author's, not a speaker
    speaker = s.speaker_fn(starts[i], ends[i])
    fallback = None
    if "to" in lows[:i]:  # "Lee to the union: ...": the words before "to" speak, the rest listen
        speaker = s.span(0, lows.index("to"))
    if speaker is None:  # a name the shared finder does not know counts only in the headline
        if s.ss > 0 or i > 6:
            return None
        fallback = s.span(0, i)  # ... except in the headline: "Poll: ...", "City Paper: ..."
    a, b = s.span(i + 1, s.content_end(i + 1))
    return _Raw(a, b, starts[i], ends[i], speaker, "name-colon", priority=2,
                fallback=fallback) if b > a else None


# ---- small helpers of the verb rules (kept here so claim_rules stays short)
def _dateline(text: str, a: int, b: int) -> bool:
    """"WASHINGTON (AP) — ...": an upper-case place name before a dash or an agency's bracket."""
    word = text[a:b]
    return len(word) >= 3 and word.replace(" ", "").isalpha() and word.isupper() \
        and text[b:b + 3].lstrip()[:1] in {"(", "—", "–", "-"}


def _parallel_participle_end(s: _Sentence, j: int, end: int) -> int:
    """"crediting Lee for X and urging him to Y": a participle cue's phrase content stops
    before "and" + a second participle, the author's next predicate in the series."""
    lows, texts = s.lows, s.texts
    for k in range(j + 1, end - 1):
        if lows[k] == "and" and texts[k + 1].islower() and lows[k + 1].endswith("ing") \
                and lows[k + 1] not in _NOT_PARTICIPLE:
            return k
    return end


def _verb_follows(s: _Sentence, k: int) -> bool:
    """Is token k a lower-case finite verb ("were", "has", a past-tense cue such as "specified")?"""
    return k < s.n and s.texts[k].islower() and (s.lows[k] in _GAP_VERBS or k in s.verbs and s.lows[k].endswith("ed"))


def _bare_clause(s: _Sentence, j: int) -> bool:
    """"knew they were late", "felt the levy was unfair": a subject of up to four words from
    token j and then an auxiliary or a form of "be" open a clause (not "knew the answer")."""
    lows, texts = s.lows, s.texts
    if j >= s.n or not (lows[j] in _SUBJ_IT or lows[j] in _DETS - {"that"} or _is_cap(texts[j])):
        return False
    for m in range(j + 1, min(s.n, j + 5)):
        if texts[m].islower() and (lows[m] in _GAP_VERBS or lows[m] in _BE_ALL):
            return True
        if not _is_word(texts[m]) or lows[m] in _PREPS:
            return False
    return False


def _named_object(s: _Sentence, i: int, start: int, end: int) -> bool:
    """"voters who support Lee": a one-word object that is a name, after a subject pronoun or a
    plural noun, makes an ambiguous form ("support", "back") a verb."""
    prev = s.lows[i - 1] if i else ""
    return end == start + 1 and _is_cap(s.texts[start]) and (
        prev in _SUBJ_PRONOUNS or prev.endswith("s") and _is_word(s.texts[i - 1]) and prev not in _DETS)
