"""Who performed a cue verb, when the shared speaker finder names nobody.

These helpers only find the SPAN of the subject words ("Those surveyed", "47 percent",
"Polls"); names still come from :func:`summitcli.attribution.resolve_mention`. They also say
whether the words before a cue are a subject at all, which tells a verb from a noun
("his team believes" vs "his claims").
"""
from __future__ import annotations

from .claim_text import (
    _AUX, _DETS, _DURATIONS, _PERIODS, _PREPS, _RELATIVE, _SUBJ_PRONOUNS, _SUBORDINATORS, _WEEKDAYS,
    _infinitive, _is_cap, _is_word, _lexicon,
)
from .claim_sentence import _BE, _FINITE, _GAP_VERBS, _Sentence


def _infinitive_follows(s: _Sentence, i: int) -> bool:
    """"plans to target", "wants to run": a to-infinitive after a verb of intention."""
    form, _, frames, i2 = s.verbs[i]
    if "infinitive" in frames and i2 + 2 < s.n and s.lows[i2 + 1] == "to" and _infinitive(s, i2 + 1):
        return True
    return "causative" in frames and any(  # "expect the two mayors to appear"
        s.lows[k] == "to" and _infinitive(s, k) for k in range(i2 + 2, min(s.n - 1, i2 + 6)))


def _postposed_end(s: _Sentence, i: int) -> bool:
    """"..., records show." / "..., the report found.": a short subject after a comma and
    the verb last in its sentence."""
    form, _, _, i2 = s.verbs[i]
    lows, texts = s.lows, s.texts
    if not (i2 + 1 >= s.n or lows[i2 + 1] in {".", "!", "?"}):
        return False
    for k in range(i - 1, max(-1, i - 6), -1):
        if lows[k] == ",":
            return k < i - 1 and k >= 3
        if not _is_word(texts[k]):
            return False
    return False


def _source_subject(s: _Sentence, i: int) -> bool:
    """"the survey found", "records show", "the poll also found": a document or a poll reports."""
    lows, texts, k = s.lows, s.texts, i - 1
    while k >= 0 and texts[k].islower() and (lows[k] in _SUBJ_SKIP or lows[k].endswith("ly")):
        k -= 1
    sources = _lexicon().source_nouns
    if k >= 0 and lows[k] in sources:
        return True
    # "a poll conducted last week found", "a survey by the group in March found": the source noun
    # opens the subject phrase, up to eight words back, with no punctuation or verb of its own between
    for m in range(k, max(-1, k - 8), -1):
        if not _is_word(texts[m]) or m in s.verbs or lows[m] in _GAP_VERBS:
            return False
        if lows[m] in sources:
            return m > 0 and lows[m - 1] in _DETS | {"new", "latest", "recent"} or m >= 2 and lows[m - 2] in _DETS
    return False


def _plain_subject(s: _Sentence, i: int) -> bool:
    """A pronoun or a capitalised name (not the sentence's first word) right before the verb,
    adverbs and auxiliaries skipped: "Rubio really wants", "they also back"."""
    lows, texts, k = s.lows, s.texts, i - 1
    while k >= 0 and (lows[k] in _SUBJ_SKIP or lows[k].endswith("ly") and texts[k].islower()):
        k -= 1
    if k < 0:
        return False
    lex = _lexicon()
    return lows[k] in _SUBJ_PRONOUNS or lows[k] in lex.source_nouns or lows[k] in lex.group_nouns \
        or (_is_cap(texts[k]) and _is_word(texts[k]) and k > s.first)


def _clause_head(s: _Sentence, i: int, speaker) -> int:
    """First token of the "X said" clause that ends at verb token i (subject included).

    Walks back over words to the nearest boundary; a speaker span that starts
    earlier (a name with its apposition) wins."""
    lows, texts, starts, ends = s.lows, s.texts, s.starts, s.ends
    h = i
    while h > 0 and i - h < 8 and _is_word(texts[h - 1]) and h - 1 not in s.verbs \
            and lows[h - 1] not in {"that", "and", "but", "while", "because", "if", "when"}:
        h -= 1
    if speaker is not None and speaker[1] <= starts[i] and speaker[0] < starts[h]:
        while h > 0 and ends[h - 1] > speaker[0]:
            h -= 1
    return h


_NEGATED = frozenset(w + "n" + q + "t" for w in "do does did would could should is was are were has have had".split()
                     for q in "'’") | frozenset(f"{w}{q}t" for w in ("don", "won", "can") for q in "'’")


_SUBJ_SKIP = _AUX | _NEGATED | frozenset("also still just even already now then only first later "
                                         "repeatedly previously recently often never not always long "
                                         "both all each together jointly once again ever further yet "
                                         "since rather".split())


_SUBJ_STOP = frozenset("that and but because if when while although though as since after before "
                       "so than where which whom".split())


_ASIDES = frozenset("however instead though too also meanwhile still nonetheless nevertheless "
                    "moreover indeed furthermore then now thus".split())


def _fallback_subject(s: _Sentence, i: int, i2: int) -> tuple[int, int] | None:
    """The words right before the cue verb (or right after "..., said"), when the shared
    speaker finder names nobody: "Those surveyed said", "47 percent said", "Polls show".

    Only the span is found here; the name still comes from the shared resolver."""
    lows, texts, starts, ends = s.lows, s.texts, s.starts, s.ends
    if lows[i].endswith("ing") and not _progressive(s, i) or i > 0 and lows[i - 1] in {"and", "but", "then", "or"}:
        return _main_subject(s, i)  # participles and coordinated verbs take the main verb's subject
    k = i - 1
    while k >= 0 and (texts[k].islower() and (lows[k] in _SUBJ_SKIP or lows[k].endswith("ly"))
                      or lows[k] == "," and k > 1 and lows[k - 1] in _ASIDES and lows[k - 2] == ","
                      or lows[k] in _ASIDES and k > 0 and lows[k - 1] == ","
                      or lows[k] == "," and lows[k + 1] in _ASIDES):
        k -= 1  # "has, however, revealed": asides between subject and verb
    k = _skip_parenthetical(s, k)
    if k < i - 1 and k > 0 and lows[k] in {"and", "but"}:
        return _main_subject(s, i)  # "All of them oppose X, and have pledged to ...": the first subject
    if k > 0 and lows[k] == "%" and texts[k - 1][:1].isdigit():
        return (starts[k - 1], ends[k])  # "47% say ..."
    if k > 0 and lows[k] == "," and lows[k - 1] not in _STOP_ASIDES:
        head = _fronted_subject(s, k)
        if head is not None:
            return head
    if k < 0 or not _is_word(texts[k]) or lows[k] in _SUBJ_STOP or k in s.verbs:
        if k > 0 and lows[k] == "," and _is_word(texts[k - 1]) and lows[k - 1] not in _STOP_ASIDES \
                and not lows[k - 1].endswith("ly"):
            k -= 1  # "about two-thirds, 67 percent, say they ...": the phrase before the comma
        else:
            return None
    h = k
    while h > 0 and k - h < 10 and (_is_word(texts[h - 1]) or lows[h - 1] in {"’s", "'s", "-"}) \
            and lows[h - 1] not in _SUBJ_STOP and h - 1 not in s.verbs:
        h -= 1
    for tail in ("’re", "'re", "’m", "'m", "’s", "'s", "’ve", "'ve"):
        if lows[k].endswith(tail) and lows[k][:-len(tail)] in _SUBJ_PRONOUNS | {"it"}:
            return (starts[k], ends[k] - len(tail))  # "we're seeing": the pronoun "we"
    if h > 2 and h - 1 in s.verbs and lows[h - 2] in {"who", "that"} and _is_word(texts[h - 3]):
        k = h - 3  # "economists who favor X agree": the noun before the relative clause
        h = k
        while h > 0 and k - h < 6 and _is_word(texts[h - 1]) and lows[h - 1] not in _SUBJ_STOP \
                and h - 1 not in s.verbs:
            h -= 1
    return (starts[h], ends[k])


_NOT_SUBJECT_START = frozenset("among amid across beyond within without throughout like unlike besides even here "
                                "there now then still yet meanwhile however instead also so".split())


def _fronted_subject(s: _Sentence, k: int) -> tuple[int, int] | None:
    """"Lee, a senator from Ohio, in a bid to X, has proposed": when asides stand between the
    subject and its verb (k is the comma before the verb), the subject is the sentence's first
    comma-free phrase: a name or a noun phrase of up to eight words with no verb."""
    lows, texts, a = s.lows, s.texts, s.first
    if a >= k or not (_is_cap(texts[a]) or lows[a] in _DETS) or lows[a] in _FRONTED or lows[a] in _NOT_SUBJECT_START:
        return None
    b = a
    while b < k and lows[b] != ",":
        if b > a and (b in s.verbs or texts[b].islower() and (lows[b] in _FINITE or lows[b] in _BE)):
            break  # "She urged X to act, proposed Y": the verbs share the subject before the first
        if not (_is_word(texts[b]) or lows[b] in {"’s", "'s", "-", "."}) or b in s.verbs \
                or texts[b].islower() and (lows[b] in _FINITE or lows[b] in _BE):
            return None
        b += 1
    if b >= k or b - a > 8 or b == a:
        return None
    return (s.starts[a], s.ends[b - 1])


def _progressive(s: _Sentence, i: int) -> bool:
    """"are wondering", "is still saying": a form of "be" (adverbs skipped) before the -ing verb."""
    k = i - 1
    while k > 0 and s.lows[k].endswith("ly") or k > 0 and s.lows[k] in {"still", "also", "now", "not", "always"}:
        k -= 1
    return k >= 0 and (s.texts[k].islower() and s.lows[k] in _BE
                       or s.lows[k].endswith(("’re", "'re", "’m", "'m")))  # "we're seeing"


def _skip_parenthetical(s: _Sentence, k: int) -> int:
    """Step back over "(D-R.I.)", "- including X -", ", which Y won," or ", for instance,"
    between subject and verb."""
    lows, texts = s.lows, s.texts
    for _ in range(3):
        if k > 1 and lows[k] in _TIME_WORDS:
            j = next((j for j in range(k - 1, max(-1, k - 4), -1)
                      if lows[j] in {"on", "in", "at", "last", "this"}), -1)
            if j > 0:
                k = j - 1  # "allies have in the past said", "but on Tuesday wrote"
                while k > 0 and texts[k].islower() and (lows[k] in _SUBJ_SKIP or lows[k].endswith("ly")):
                    k -= 1
                continue
        if k > 1 and lows[k] in {"particular", "example", "instance", "turn", "contrast", "fact", "general"} \
                and lows[k - 1] in {"in", "for", "by"}:
            k -= 2  # "France in particular feared"
            continue
        if k > 2 and lows[k] == ",":
            j = next((j for j in range(k - 1, max(-1, k - 7), -1) if lows[j] == ","), -1)
            if j > 0 and texts[j + 1][:1].islower() or j > 0 and lows[j + 1].endswith("ly"):
                k = j - 1  # ", for instance," / ", to his credit," / ", realistically,"
                continue
        if k > 0 and lows[k] == ")":
            j = next((j for j in range(k - 1, max(-1, k - 12), -1) if lows[j] == "("), -1)
            k = j - 1 if j > 0 else k
        elif k > 0 and lows[k] in {"—", "–", "-", "--"}:
            j = next((j for j in range(k - 1, max(-1, k - 20), -1) if lows[j] == lows[k]), -1)
            k = j - 1 if j > 0 else k
        elif k > 0 and lows[k] == ",":
            j = next((j for j in range(k - 1, max(-1, k - 15), -1)
                      if lows[j] == "," and lows[j + 1] in _RELATIVE), -1)
            if j > 0:
                k = j - 1
            elif lows[k - 1] == ")":
                k -= 1
            else:
                return k
        else:
            return k
    return k


_STOP_ASIDES = _SUBJ_STOP | _ASIDES
_TIME_WORDS = _PERIODS | _WEEKDAYS | {"past"}
_PRON_DETS = _SUBJ_PRONOUNS | _DETS
_VERBISH = _GAP_VERBS | _AUX
_FRONTED = _SUBORDINATORS | _PREPS | frozenset("after before during despite amid following".split())


_TIME_TAILS = frozenset("before after later earlier ago".split())


def _time_phrase(s: _Sentence, a: int) -> bool:
    """"The day before, ...", "Two weeks later, ...", "Sunday, ...": a fronted time phrase of up
    to four words closed by a comma, not the subject."""
    lows = s.lows
    for k in range(a, min(s.n, a + 5)):
        if lows[k] == ",":
            return k > a and (lows[k - 1] in _TIME_TAILS or lows[k - 1] in _TIME_WORDS and k - a <= 2)
        if not _is_word(s.texts[k]):
            return False
    return False


def _past_dateline(s: _Sentence, a: int, i: int) -> int:
    """"WASHINGTON (AP) — Sen. Lee ...": a capitalised dateline closed by a dash is no subject."""
    texts = s.texts
    if not (len(texts[a]) >= 3 and texts[a].isalpha() and texts[a].isupper()):
        return a
    for k in range(a + 1, min(i, a + 8)):
        if texts[k] in {"—", "–", "-"}:
            return k + 1
        if not (texts[k][:1].isupper() or texts[k] in {",", "(", ")", "."}):
            return a
    return a


def _main_subject(s: _Sentence, i: int) -> tuple[int, int] | None:
    """The subject that opens the sentence ("Mr. Lee was blunt, claiming ..."), after a fronted
    phrase ("At a rally, ..."): the words before its first verb."""
    lows, texts, starts, ends = s.lows, s.texts, s.starts, s.ends
    a = s.first
    for k in range(i - 2, a, -1):  # "It's a big if, but Sanders was in Ohio, emphasizing ...": the last clause
        if lows[k] == ";" or lows[k] == "," and lows[k + 1] in {"but", "and", "yet"} and k + 2 < i \
                and (_is_cap(texts[k + 2]) or lows[k + 2] in _SUBJ_PRONOUNS):
            a = k + 1 if lows[k] == ";" else k + 2
            break
    a = _past_dateline(s, a, i)
    limit = i
    if a < i and (lows[a] in _FRONTED or _time_phrase(s, a) or lows[a] in _DURATIONS and a + 1 < i
                  and lows[a + 1] in _SUBORDINATORS):  # "At a rally, X ...", "The day before, X ...", "Years after Y, X"
        a = next((k + 1 for k in range(a, min(s.n, a + 30)) if lows[k] == ","), s.n)
        limit = s.n if a > i else i
    if a >= limit or not (_is_cap(texts[a]) or lows[a] in _PRON_DETS) \
            or lows[a][:-2] in {"it", "there", "that", "here", "what"} and lows[a].endswith(("’s", "'s")):
        return None  # "It's a big if, ...": the author's own sentence
    i = limit
    b = a
    while b < i and b - a < 8 and (_is_word(texts[b]) or lows[b] in {"’s", "'s", "-", "."}) and not (
            texts[b].islower() and (lows[b] in _VERBISH or b in s.verbs or b > a and (
                lows[b].endswith("ly") or
                lows[b].endswith(("ed", "s")) and not lows[b - 1] in _DETS
                or b - a >= 2 and texts[b - 1][:1].isupper() and texts[b - 2][:1].isupper()
                and lows[a] not in _PRON_DETS and lows[b] not in _PREPS))):
        b += 1  # a full name ("Omar Haddad won ...") ends at the first lower-case word after it
    b = _verb_before_object(s, a, b)
    if b == a or b > i or lows[b - 1] in _DETS:
        return None
    if b < i and lows[b] == ",":  # "the other candidate, former mayor Ana Ruiz, said ...": the name too
        e = b + 1
        while e < i and e - b <= 8 and _is_word(texts[e]):
            e += 1
        if e < i and lows[e] == "," and e > b + 1 and texts[e - 1][:1].isupper() and texts[e - 2][:1].isupper():
            b = e
    return (starts[a], ends[b - 1])


def _verb_before_object(s: _Sentence, a: int, b: int) -> int:
    """Where subject words a..b-1 really end: before a lower-case word that a determiner follows
    ("the mayor | took a risk": an irregular verb the suffix tests miss) or before the final stop."""
    lows, texts = s.lows, s.texts
    for k in range(a + 1, b):
        if texts[k].islower() and k + 1 < s.n and lows[k + 1] in _DETS and lows[k] not in _PREPS \
                and lows[k] not in _DETS and lows[k] not in {"and", "or", "of"}:
            return k
    return b - 1 if b > a + 1 and b >= s.n and lows[b - 1] == "." else b


def _subject_after(s: _Sentence, i2: int) -> tuple[int, int] | None:
    """"..., said the campaign's spokesman." """
    lows, texts, starts, ends, k = s.lows, s.texts, s.starts, s.ends, i2 + 1
    while k < s.n and k - i2 <= 10 and (_is_word(texts[k]) or lows[k] in {"’s", "'s", "-", "."}):
        k += 1
    if k == i2 + 1 or not (k >= s.n or lows[k] in {",", ".", ";", "!", "?"}):
        return None
    return (starts[i2 + 1], ends[k - 1])


# ---- reduced relatives, naming participles and clause shapes used by the verb rules
def _names_a_thing(s: _Sentence, i: int) -> bool:
    """"so called", or an indefinite noun phrase right before the participle that is itself
    an object ("launched a campaign called ..."), not a sentence's subject ("A spokesman called ...")."""
    lows, texts = s.lows, s.texts
    if i > 0 and lows[i - 1] == "so":
        return True
    for k in range(i - 1, max(-1, i - 5), -1):
        if lows[k] in {"a", "an"}:
            return k > 0 and texts[k - 1].islower() and _is_word(texts[k - 1]) and lows[k - 1] not in {"and", "but"}
        if not _is_word(texts[k]) or k == i - 1 and not texts[k].islower():
            return False  # "a campaign called ...", "a Facebook group called ..."; not "a man Lee called"
    return False


def _reduced_relative(s: _Sentence, i: int, frames) -> bool:
    """"groups supporting the senator": a participle right after a plural or named noun
    reports that noun's stance (object verbs only; "the party backing" stays a noun)."""
    if "object" not in frames or i < 1:
        return False
    prev, prev_text = s.lows[i - 1], s.texts[i - 1]
    return _is_word(prev_text) and prev not in _NOT_NOUN and (
        prev_text[:1].isupper() and i - 1 > s.first or prev_text.islower() and prev.endswith("s")
        and not prev.endswith(("ss", "’s", "'s")) or _initial_plural(s, i - 1))


def _initial_plural(s: _Sentence, k: int) -> bool:
    """"Pilots backing Lee ...": a capitalised plural noun opening the sentence (token k)."""
    w = s.lows[k]
    return k == s.first and s.texts[k][1:].islower() and w.endswith("s") and not w.endswith(("ss", "us", "is")) \
        and w not in _NOT_NOUN


def _noun_before(s: _Sentence, i: int) -> tuple[int, int]:
    """The noun phrase ending right before token i ("a family of super PACs" -> "super PACs")."""
    k = i - 1
    while k > max(0, i - 4) and _is_word(s.texts[k - 1]) and s.lows[k - 1] not in _NOT_NOUN - _DETS \
            and not (s.texts[k - 1].islower() and s.lows[k - 1].endswith("ed")):
        k -= 1
        if s.lows[k] in _DETS:
            break
    return s.starts[k], s.ends[i - 1]


_NOT_NOUN = _GAP_VERBS | _AUX | _PREPS | _DETS | _SUBJ_PRONOUNS | {"this", "its", "his", "was", "has", "does", "as", "us"}








_ADJUNCT_HEADS = _PREPS | _SUBORDINATORS | {"during", "despite", "amid", "back"}


def _fronted_phrase_only(s: _Sentence, end: int) -> bool:
    """Is everything before token ``end`` one prepositional or subordinate phrase with no
    comma of its own ("On Oct. 23, during ..." has one and so may hold a clause)?"""
    first = s.first
    head = s.lows[first] if first < end else ""
    return first < end and (head in _ADJUNCT_HEADS or head.endswith("ing") and len(head) > 4) \
        and "," not in s.lows[first:end] \
        and all(w not in _BE and w not in _GAP_VERBS for w in s.lows[first + 1:end])






_SUB_OPENERS = _SUBORDINATORS | {"having", "despite", "unless", "until", "by", "without", "upon"}


def _contraction_base(word: str) -> str:
    """"he’s" -> "he": a contracted pronoun still opens the main clause."""
    for tail in ("’s", "'s", "’d", "'d", "’ll", "'ll", "’re", "'re", "’ve", "'ve"):
        if word.endswith(tail):
            return word[:-len(tail)]
    return word


def _first_comma(s: _Sentence, start: int, end: int) -> int:
    """The first comma outside a quotation in tokens start+1..end-1, else ``end``."""
    for k in range(start + 1, end):
        if s.lows[k] == "," and not s.inside_quote(s.starts[k]):
            return k
    return end


def _subordinate_end(s: _Sentence, i: int, start: int, end: int, speaker) -> int:
    """"While he insisted that X, it was ...": the main clause after the comma is the author's."""
    lows, texts, starts = s.lows, s.texts, s.starts
    h = _clause_head(s, i, speaker)
    first = s.first + 1 if lows[s.first] == "even" and s.first + 1 < s.n else s.first  # "Even as ..."
    if lows[first] in _DURATIONS and first + 1 < i and lows[first + 1] in _SUBORDINATORS:
        first += 1  # "Years after X claimed that ..., the party ..."
    if lows[first] in {"in", "on"} and first + 1 == i and lows[i].endswith("ing"):
        return _first_comma(s, start, end)  # "In backing X, the mayor ...": the phrase ends at its comma
    if not (lows[first] in _SUB_OPENERS
            and first < i
            or first == i and lows[i].endswith(("ing", "ed"))  # "Recalling X, the party ..."
            or lows[h] in _SUBORDINATORS or h > 0 and lows[h - 1] in _SUBORDINATORS):
        return end
    # the cue sits inside a fronted clause ("As X said Y, ...") unless a comma closed it first
    fronted = lows[first] in _SUB_OPENERS and first < i and "," not in lows[first:i]
    for k in range(start + 2, end - 1):
        if fronted and lows[k] == "," and not s.inside_quote(starts[k]):
            return k  # "As the leaders said their farewells, at least seven ...": the main clause
        if lows[k] in {",", "”", '"'} and (
                _contraction_base(lows[k + 1]) in {"it", "he", "she", "they", "we", "i", "there", "another", "others", "many",
                                    "most", "some", "the", "this", "these", "those", "few", "his", "her",
                                    "their", "its", "our", "a", "an"}
                or lows[k] == "," and _is_cap(texts[k + 1]) and not s.inside_quote(starts[k])):
            return k
    return end
