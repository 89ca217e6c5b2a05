"""Rules that find attributed claims inside one sentence.

Each rule looks at a bounded window of tokens around a cue (a reporting verb,
"according to", "as X put it", a hedge, a cue noun) and returns the content
span with the cue and the speaker span that :mod:`summitcli.attribution` finds.
The reporting-verb rules live here; the other cues are in :mod:`.claim_phrases`,
subject finding in :mod:`.claim_subjects`, tokens and content ends in :mod:`.claim_sentence`.
"""
from __future__ import annotations

from functools import lru_cache

from .claim_text import (
    _AUX, _BAD_START, _DETS, _MAX_CUES, _PERIODS, _PREPS, _QUOTE_CHARS, _RELATIVE, _SUBJ_PRONOUNS,
    _TIME,
    _find_complementiser, _infinitive, _is_cap, _is_word, _lexicon, _skip_addressee, _skip_adverbials,
    _word_count,
)
from .claim_phrases import (
    _according_claim, _adjective_claim, _as_claim, _colon_claim, _hedge_claim, _in_source_after, _in_source_claim,
    _BE_ALL, _SUBJ_IT, _bare_clause, _dateline, _named_object, _noun_claim, _parallel_participle_end,
    _verb_follows,
)
from .claim_sentence import (
    _BE, _GAP_VERBS, _PRO_FORMS, _Raw, _Sentence, _as_follows, _object_end, _past_subject_aside,
    _past_verbless_comma, _relative_clause_end, _relative_start, _to_clause_end, _verbless, _with_subject,
)
from .claim_subjects import (
    _FINITE, _clause_head, _fallback_subject, _fronted_phrase_only, _infinitive_follows, _names_a_thing,
    _noun_before, _plain_subject, _postposed_end, _reduced_relative,
    _skip_parenthetical, _source_subject, _subject_after, _subordinate_end,
)

__all__ = ["_Raw", "_Sentence", "_dedupe", "_sentence_claims"]

# --------------------------------------------------------------------------- rules
_CLOSING = frozenset("”\"'’»")


_QUOTE_TOKS = frozenset(_QUOTE_CHARS) | {"—", "–", "(", "-"}


_POSSESSIVES = frozenset("his her their its our my your".split())


_PREP_TAIL = _PREPS | _TIME | {"during", "near", "after", "before", "via", "while"}

# unions used inside per-token loops, built once here rather than on every test
# "is", and "isn't"/"wasn’t": a participle after them is passive
_TAIL_STOP = {",", ";", ".", "!", "?", ")"} | _QUOTE_TOKS
_FRONT_TIME = _PREP_TAIL | _PERIODS | {"last", "next", "this", "then", "now"}
_OPEN_QUOTE_OK = _QUOTE_TOKS - {"“", '"', "‘"}
_GERUND_PREV = {"of", "in", ",", "and", "—", "–", "-", "by", "after", "before", "while", "when"} | _BE


def _not_a_report(s: _Sentence, i: int, i2: int, form: str) -> bool:
    """Uses of a cue word that report nothing: passives, imperatives, "as expected"."""
    lows, texts, prev = s.lows, s.texts, s.lows[i - 1] if i else ""
    if (prev in _BE_ALL or (i > 1 and lows[i - 2] in _BE_ALL and (prev.endswith("ly") or prev in _AUX | {"first", "just"}))) \
            and not form.split()[0].endswith("ing"):
        return True  # passives (hedges are handled elsewhere); "is calling for" is progressive
    if s.is_initial(i) and not form.endswith(("ing", "ed")) and form not in {"said", "told", "wrote"}:
        return True  # "Imagine ...", "Details of ...": an imperative or a noun, not a report
    if form in _lexicon().naming and _names_a_thing(s, i):
        return True  # "a website called X", "the so-called plan": a name, not a report
    return prev == "as" and (i2 + 1 >= s.n or not _is_word(texts[i2 + 1]))  # "as expected,"


def _noun_reading(s: _Sentence, i: int, form: str, speaker) -> bool:
    """"terrorist attacks", "his original demands": a plural noun, not a verb."""
    prev = s.lows[i - 1] if i else ""
    if form.endswith("s") and form in _lexicon().ambiguous and _verb_follows(s, s.verbs[i][3] + 1):
        return True  # "the harbour rules specified ...", "his plans were ...": a noun before the verb
    if form.endswith("s") and form in _lexicon().ambiguous and _plain_verb_follows(s, s.verbs[i][3] + 1):
        return True  # "the new rules prohibit ...": a plural noun before a plain present-tense cue verb
    inverted = prev in {",", "—", "–"} or prev in _QUOTE_CHARS
    if speaker is None:  # a noun only if ambiguous, inside its clause and with no subject before it
        if form not in _lexicon().ambiguous or s.is_initial(i) or inverted:
            return False
        return not (_infinitive_follows(s, i) or _plain_subject(s, i) or _postposed_end(s, i))
    if not (form.endswith("s") and form in _lexicon().ambiguous):
        return False  # (the speaker's words are split only for the forms that need them)
    words = s.text[speaker[0]:speaker[1]].split()
    return words[0].lower() in _POSSESSIVES \
        and not any(w[:1].isupper() for w in words)  # "his claims", but "his team believes"


def _plain_verb_follows(s: _Sentence, k: int) -> bool:
    """Is token k a lower-case plain-form cue verb ("prohibit", "show"; not "-s", "-ed", "-ing")?"""
    return k in s.verbs and s.texts[k].islower() and not s.lows[k].endswith(("s", "ed", "ing"))


_REFLEXIVES = frozenset("himself herself themselves itself ourselves myself yourself yourselves".split())


def _reflexive_as(s: _Sentence, j: int) -> bool:
    """"describes himself as ...", "calls herself a realist": a reflexive object with an "as" phrase
    or a noun phrase (the speaker's view of themselves), which the adverbial skip would drop."""
    return j + 2 < s.n and s.lows[j] in _REFLEXIVES and s.lows[j + 1] in {"as", "a", "an", "the"}


def _content_start(s: _Sentence, i2: int, form: str, frames, source: bool = False) -> tuple[int, str] | None:
    """Where the reported content after the verb starts, and the rule that says so."""
    lows, n, lex = s.lows, s.n, _lexicon()
    j = _skip_adverbials(s, i2 + 1, n)
    c = _find_complementiser(s, j, n, free=6 if "addressee" in frames else 0)
    if c is None and "causative" in frames and "addressee" not in frames and any(
            lows[k] == "to" and _infinitive(s, k) for k in range(j + 1, min(n - 1, j + 5))) \
            and all(_is_word(t) for t in s.texts[j:j + 2]) and lows[j] not in _BAD_START:
        return j, "verb-to"  # "want the council to act": the object and its to-clause
    w = lows[c] if c is not None else None
    if "as_object" in frames and w is None and (_as_follows(s, j) or _reflexive_as(s, j)):
        return j, "verb-object"  # "sees the plan as a trap": the view is the object and its "as" phrase
    if form in lex.that_only and w not in lex.wh | {"that"} and not source and not _bare_clause(s, j):
        return None
    if w == ":":
        if c > 0 and c + 1 < n and s.texts[c - 1][-1:].isdigit() and s.texts[c + 1][:1].isdigit():
            return None  # "at 4:01 PM": a clock time, not a colon that opens the content
        return c + 1, "verb-colon"
    if w == "that":
        return c, "verb-that"
    if w in lex.wh and frames & {"question", "clause"}:
        return c, "verb-wh"
    if w == "to" and "infinitive" in frames and _infinitive(s, c):
        return (j if c > j and "addressee" in frames else c), "verb-to"  # "asked X to ..."
    if not frames & {"clause", "object"}:
        return None
    if "addressee" in frames:
        j = _skip_adverbials(s, _skip_addressee(s, j, n), n)
    if frames & {"object", "as_object"} and _reflexive_as(s, j):
        return j, "verb-object"  # "described herself as a realist": the view of oneself
    if j < n and (lows[j] in _BAD_START or lows[j] in _OPEN_QUOTE_OK):
        return None
    if j > i2 + 1 and lows[j - 1] == ",":
        return None  # "what he said this week, | he talked about ...": the comma closes his clause
    return j, ("verb-object" if "clause" not in frames else "verb-clause")












def _verb_claim(s: _Sentence, i: int) -> _Raw | None:
    """A reporting verb: content after it (X said that ...) or before it (..., X said)."""
    form, lemma, frames, i2 = s.verbs[i]
    lows, starts, ends, n = s.lows, s.starts, s.ends, s.n
    if _not_a_report(s, i, i2, form):
        return None
    cs, ce = starts[i], ends[i2]
    if "raising" in frames:
        if i2 + 1 < n and lows[i2 + 1] == "to" and _infinitive(s, i2 + 1):
            a, b = s.span(_clause_head(s, i, None), s.content_end(i2 + 1))
            return _Raw(a, b, cs, ce, None, "raising", priority=1) if b > a else None
        return None
    source = form in _lexicon().that_only and _source_subject(s, i)  # it matters for those forms only
    # ", X said" is possible only for clause verbs; otherwise the speaker-free tests below
    # run first, so the shared speaker finder is asked only about cues that can still report
    can_post = "clause" in frames and not form.endswith("ing") and not (form in _lexicon().that_only and not source)
    found = None if can_post else _content_after(s, i, i2, form, frames, source)
    if not can_post and found is None:
        return None
    reduced = form.endswith("ing") and i > 0 and lows[i - 1] not in _GERUND_PREV and _reduced_relative(s, i, frames)
    absolute = _with_subject(s, i) if form.endswith("ing") and not reduced else None
    speaker = _noun_before(s, i) if reduced else absolute or s.speaker_fn(cs, ce)
    if _noun_reading(s, i, form, speaker):
        return None
    post = _postposed(s, i, i2, form, frames, speaker) if can_post else None
    if post is not None:
        return post
    if found is None:
        found = _content_after(s, i, i2, form, frames, source)
        if found is None:
            return None
    start, rule = found
    if rule == "verb-object" and start < n and lows[start] in _GAP_VERBS:
        return None  # "his support is strong": the noun is the subject of the next verb
    end = s.content_end(start, phrase=rule in {"verb-object", "verb-to"}, comma=False)
    if rule == "verb-object":
        relative = i > 0 and lows[i - 1] in {"who", "that", "which"}  # "voters who back X | agree": X ends at the main verb
        end = _object_end(s, start, end, "infinitive" not in frames, np=reduced or relative)
    elif rule == "verb-to":
        h = i - 1
        while h > 0 and (lows[h].endswith("ly") or lows[h] in _AUX):
            h -= 1  # "who repeatedly promised", "who had vowed"
        end = _to_clause_end(s, start, end, relative=h >= 0 and lows[h] in {"who", "that", "which"})
    elif rule == "verb-clause" and "object" in frames and _verbless(s, start, end):
        end = _object_end(s, start, end, False)  # "repeated his position | at a town hall": a noun phrase
    if form.endswith("ing") and rule in {"verb-object", "verb-to"}:
        end = _parallel_participle_end(s, start, end)
    if rule in {"verb-clause", "verb-that"} and i > 0 and lows[i - 1] in {"who", "which"}:
        end = _relative_clause_end(s, start, end)
    if end < n and lows[end] == ":" and end - start <= 4:  # "offered several suggestions: that ..."
        start = end + 1
        end = s.content_end(start)
    end = _subordinate_end(s, i, start, end, speaker)
    if rule in {"verb-that", "verb-wh"}:
        end = _past_verbless_comma(s, start, end)
    if rule in {"verb-that", "verb-clause"}:
        end = _past_subject_aside(s, start + (rule == "verb-that"), end)
    words = 0  # only "none", "one", "two" or "three or more" matter below
    for t in s.texts[start:end]:
        if t[:1].isalnum():
            words += 1
            if words == 3:
                break
    if 0 < words < 3 and rule == "verb-clause" and (words == 1 and lows[start] in _PRO_FORMS or words == 2 and (
            lows[start] == "the" and lows[start + 1] == "same" or
            lows[start] in _SUBJ_PRONOUNS | {"it"} and lows[start + 1] in _GAP_VERBS)):
        words = 3  # "said yes", "think so", "said the same", "said he would"
    if words == 0 or (rule == "verb-clause" and words < (2 if "object" in frames else 3)) \
            or (form in _lexicon().ambiguous and words < 2 and not _named_object(s, i, start, end)):
        return None
    a, b = s.span(start, end)
    if rule == "verb-clause":
        a = _relative_start(s, i, start, speaker, a)
    if speaker and (ce <= a <= speaker[0] < b or _dateline(s.text, *speaker)):
        speaker = None  # the finder named words of the content itself, or a dateline: look for the subject instead
    return _Raw(a, b, cs, ce, speaker, rule, priority=2,
                fallback=None if speaker else _fallback_subject(s, i, i2))




def _content_after(s: _Sentence, i: int, i2: int, form: str, frames, source: bool) -> tuple[int, str] | None:
    """Content start and rule for "X said (that) ...", or None when the verb reports nothing
    after it; needs no speaker."""
    lows = s.lows
    prev = lows[i - 1] if i else ""
    if form.split()[0].endswith("ing") and prev not in _GERUND_PREV \
            and not prev.endswith(("’s", "'s", "’re", "'re", "’m", "'m")) \
            and not s.is_initial(i) and not _reduced_relative(s, i, frames) and _with_subject(s, i) is None:
        return None  # gerund or progressive without a subject we can trust
    if form.endswith("ed") and "by" in lows[i2 + 1:i2 + 6] and "that" not in lows[i2 + 1:i2 + 6]:
        return None  # "a fair called the Crossroads by its citizens": a passive participle
    if i > 0 and lows[i - 1] in _CLOSING:
        return None  # "…,'' concluded a 2013 study": the words after the verb name the speaker
    return _content_start(s, i2, form, frames, source)


def _postposed(s: _Sentence, i: int, i2: int, form: str, frames, speaker) -> _Raw | None:
    """"..., Trump said." / "..., said Trump." / "A, he said, B.": content is the rest of the sentence."""
    lows, texts, starts, ends, n = s.lows, s.texts, s.starts, s.ends, s.n
    if form.endswith("ing") or "clause" not in frames:
        return None
    k = i2 + 1
    while k < n and lows[k] not in _TAIL_STOP:
        k += 1
    tail, tail_texts = lows[i2 + 1:k], texts[i2 + 1:k]  # the words after the verb, up to punctuation
    if tail and tail[0] == "to" and _infinitive(s, i2 + 1):
        return None  # "who promised to end the wars": a to-clause follows, nothing precedes
    head = _clause_head(s, i, speaker)
    if lows[head] in _RELATIVE or lows[head] == "that":
        return None  # "..., which the agency declared": a relative clause, not an attribution
    if head == i and not tail and k < n and lows[k] == "," and i > 0 and lows[i - 1] == ",":
        return None  # "harder than, say, hooking them": "say" as the author's "for example"
    if head == i and i > 1 and lows[i - 1] == "," and _skip_parenthetical(s, i - 1) < i - 2:
        return None  # "Two elections, a century apart, suggest ...": an aside after the subject
    if head > 2 and lows[head - 1] == "and" and head < i:  # "..., teachers and officials told X."
        m = next((m for m in range(head - 2, max(0, head - 6), -1) if not _is_word(texts[m])), None)
        if m is not None and lows[m] == "," and m + 1 < head - 1 and all(_is_word(t) for t in texts[m + 1:head - 1]):
            head = m + 1
    before = lows[head - 1] if head > 0 else ""
    after_quote = before in _CLOSING and head >= 2
    appos = False
    if not after_quote:
        # "..., said a handful of Democrats who point to ...": an inverted speaker with its own clause
        appos = head == i and bool(tail) and (tail[0] in _DETS or _is_cap(tail_texts[0])) and any(
            w in {"who", "whom", "whose"} for w in tail[1:10])
        wh = _lexicon().wh
        if ("that" in tail or ":" in tail or not wh.isdisjoint(tail)) and not appos:
            return None
        if len(tail) > 14 and tail[0] not in _PREP_TAIL and not appos:
            return None
    inverted = before in {",", "—", "–"} or before in _QUOTE_CHARS
    between = _lexicon().between
    adverbial = "addressee" in frames and head < i and len(tail) <= 6 and (k >= n or lows[k] in {".", "!", "?"}) \
        and not any(w in _SUBJ_IT or t.islower() and w in _GAP_VERBS for w, t in zip(tail, tail_texts)) \
        or all(w in between or _is_cap(t) or (w.endswith("ly") and t.islower())
                    for w, t in zip(tail, tail_texts)) \
        or (tail and tail[0] in _PREP_TAIL)
    if head == i and len(tail) > 6 and not (k < n and lows[k] == ",") and not (not after_quote and appos):
        return None  # "..., reveals the risks of ...": a verb with its object, not "said X"
    if head == i and len(tail) > 1 and (tail[0] in _SUBJ_IT or any(
            t.islower() and w in _FINITE for w, t in zip(tail, tail_texts))):
        return None  # "..., 67 percent, say they will ...": a clause follows, not a speaker
    if not inverted or head < 2 or not (adverbial or head == i or after_quote):
        return None
    if after_quote:  # "“...,” he said": the attribution of a quotation, which is not a claim
        return _Raw(0, 0, starts[i], ends[i2], speaker, "quote-attribution")
    cut = head - 1
    while cut > 0 and (lows[cut] in {",", "—", "–"}):
        cut -= 1
    if _word_count(texts[:cut + 1], 3) < 3 and not (k < n and lows[k] == ",") \
            and (lows[0] in _FRONT_TIME):
        return None  # "Last month, 26 percent said the same": a fronted time phrase, not the content
    nxt, nxt_text = (lows[k + 1], texts[k + 1]) if k + 1 < n else (None, None)
    if k < n and lows[k] == "," and nxt in {"“", '"', "‘"} and head < i:
        return None  # "In May, Lee said, “...”": the quotation follows; the words before are an adjunct
    mid = k < n and lows[k] == "," and nxt is not None and nxt not in {"and", "but", "or"} and (
        # "The plan, said Lee, is doomed": after an inverted speaker only a verb continues the content;
        # "..., said Lee, director of ...": anything else is the speaker's apposition
        nxt_text.islower() and nxt in _GAP_VERBS if head == i
        else not s.appositive_rest(k)
        or _is_word(nxt_text) and not (nxt_text.islower() and nxt.endswith("ing")))
    if not mid and tail and _fronted_phrase_only(s, cut + 1):
        return None  # "In a letter to the board, Lee noted the ...": the words before the subject are an adjunct
    first = 0
    while first < cut and lows[first] in {"and", "but", "yet"}:
        first += 1  # "And the quay is shut, she said": the conjunction links to the sentence before
    a, b = s.span(first, s.content_end(k + 1) if mid else cut + 1)
    if b <= a:
        return None
    fallback = None if speaker else (_subject_after(s, i2) if head == i else (starts[head], ends[i - 1]))
    return _Raw(a, b, starts[i], ends[i2], speaker, "verb-after" if not mid else "verb-inside",
                priority=1, fallback=fallback)


@lru_cache(maxsize=1)
def _hedge_words() -> frozenset:
    lex = _lexicon()
    return lex.hedge_adverbs | lex.be_forms


def _sentence_claims(s: _Sentence, inside_quote) -> list[_Raw]:
    lex = _lexicon()
    found: list[_Raw] = []
    hedges: list[int] = []
    consumed: set[int] = set()  # verbs already used by "as X put it"
    lows, starts, ends, verbs = s.lows, s.starts, s.ends, s.verbs
    adjectives, cue_nouns, object_nouns = lex.adjectives, lex.cue_nouns, lex.object_nouns
    hedge_words = _hedge_words()
    for i in s.cues:  # cue words (triggers, forms of "be", "as", "in") and an early ":", in order
        w = lows[i]
        if w == ":":
            if not found:
                raw = _colon_claim(s, i)
                if raw is not None:
                    found.append(raw)
            continue
        if inside_quote(starts[i]) or i in consumed:
            continue
        raw = None
        if len(found) >= _MAX_CUES:
            break
        if i in verbs:
            raw = _verb_claim(s, i)
        elif w == "according" and i + 1 < s.n and lows[i + 1] == "to":
            raw = _according_claim(s, i)
        elif w == "as":
            raw = _as_claim(s, i)
            if raw is not None:
                consumed.update(k for k in range(i, i + 9) if k < s.n and ends[k] <= raw.cue_end)
        elif w in adjectives:
            raw = _adjective_claim(s, i)
        elif w == "in" and s.is_initial(i) and not found:
            raw = _in_source_claim(s, i)
        elif w == "in" and not found:
            raw = _in_source_after(s, i)
        if raw is None and (w in cue_nouns or w in object_nouns) and i not in verbs:
            raw = _noun_claim(s, i)
        if w in hedge_words:
            hedges.append(i)
        if raw is not None and raw.speaker is None and i > 0 and found and i in verbs and (
                s.lows[i - 1] in {"and", "but", "then"} or w.endswith("ing") and s.lows[i - 1] in {",", "—", "–", "-"}):
            raw.speaker = found[-1].speaker  # ", adding ...", "and added": the subject of the main verb
        if raw is not None and raw.speaker and found and found[-1].speaker and raw.rule.startswith("verb") \
                and found[-1].start <= raw.speaker[0] < found[-1].end <= raw.cue_start:
            raw.speaker = found[-1].speaker  # "critics backing the levy say": not the object of "backing"
        if raw is not None and raw.speaker and found and found[-1].speaker and i in verbs and w.endswith("ing") \
                and lows[i - 1] in {",", "—", "–", "-"} and raw.speaker[1] <= found[-1].speaker[0] \
                and found[-1].rule.startswith("verb") and found[-1].speaker[1] <= found[-1].cue_start:
            raw.speaker = found[-1].speaker  # "At a rally in Dover, Kent, Lee endorsed X, saying": Lee, not Kent
        if raw is not None and not (raw.rule == "noun-that" and any(
                r.start <= (raw.speaker or (raw.cue_start,))[0] < r.end for r in found)):
            found.append(raw)
    for i in hedges:
        tok_start, tok_end = starts[i], ends[i]
        near = [r for r in found if 0 <= r.cue_start - tok_end <= 40 or r.cue_start <= tok_start < r.cue_end] \
            if found else found  # (no claim yet, as in most sentences: nothing to scan)
        if near:
            for r in near:
                r.hedged = r.hedged or lows[i] in lex.hedge_adverbs or r.cue_start <= tok_start
            continue
        if found and any(r.start <= tok_start < r.end for r in found):
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
    if len(raws) < 2:
        return list(raws)  # nothing to compare (most sentences)
    kept: list[_Raw] = []
    # a claim whose content holds another claim's cue is the outer attribution
    # ("the meeting revealed X, reports Y": Y reports it all): it wins over the inner one
    outer = {id(r) for r in raws if any(o is not r and r.start <= o.cue_start < r.end for o in raws)}
    for r in sorted(raws, key=lambda r: (id(r) not in outer, -r.priority)):
        if all(_overlap(r, k) < 0.8 for k in kept) and not any(  # nested: the outer claim holds it
                k.start <= r.cue_start < k.end and k.start <= r.start and r.end <= k.end + 2 for k in kept):
            kept.append(r)
    return kept
