"""Who a mention refers to inside one document: pronouns, role phrases, surnames.

Used through :func:`summitcli.attribution.resolve_mention`.  Everything looks at a bounded
window of text and of people, so resolution stays linear in the document.
"""
from __future__ import annotations

import bisect
import re
from functools import cache, lru_cache
from typing import Sequence

from .clause_subjects import _LEAD_ADVERBIAL, _ROLE_SUBJECT, _SUBJECT_PRON, sentence_ends
from .people_index import index_people
from .people_roles import lex
from .records import PersonMention
from .speaker_names import depends_on_name
from .text_layout import line_starts

# -- resolution --------------------------------------------------------------------------


def _person_like(p: PersonMention, full: dict[str, str]) -> bool:
    return p.kind == "person" and (len(full.get(p.name, p.name).split()) > 1 or bool(p.role)
                                   or p.gender is not None)


@cache
def _synonym_res() -> list[tuple[re.Pattern, frozenset, tuple[str, ...]]]:
    """Per synonym group: a whole-word regex for any of its phrases, the group, the phrases."""
    out = []
    for g in lex()["synonyms"]:
        phrases = tuple(sorted(g, key=len, reverse=True))
        out.append((re.compile("|".join(rf"(?<!\w){re.escape(r)}(?!\w)" for r in phrases)), g, phrases))
    return out


_PHRASE_WORD = re.compile(r"[\w.\-]+")


@lru_cache(maxsize=4096)
def _role_words(phrase: str) -> tuple[frozenset, frozenset]:
    """Head synonyms and qualifying capitalised words of a role phrase."""
    s = lex()
    words = _PHRASE_WORD.findall(phrase)
    low = phrase.lower()
    heads: set[str] = set()
    for rx, group, phrases in _synonym_res():
        for r in phrases:  # a whole-word occurrence is an occurrence; most hold none at all
            if r in low:
                if rx.search(low):
                    heads |= group
                break
    for w in words:
        if w.lower() in s["role_heads"]:
            heads.add(w.lower())
    quals = {w.lower() for w in words if w[:1].isupper() and (w.lower() in s["demonyms"] or (
        w.lower() not in s["not_names"] and w.lower() not in s["title_tokens"]))}
    return frozenset(heads), frozenset(quals)


def resolve_role(phrase: str, pos: int, people: Sequence[PersonMention]) -> PersonMention | None:
    """The person whose title or apposition matches a role phrase ("the Russian leader").

    The nearest matching person before ``pos`` wins, else the nearest after it; only a
    bounded number of titled people is examined, so this stays linear in the document.
    """
    heads, quals = _role_words(phrase)
    if not heads:
        return None
    idx = index_people(people)
    k = bisect.bisect_left(idx.role_starts, pos)
    near = idx.with_role[max(0, k - 40):k][::-1] + idx.with_role[k:k + 10]
    # "the Russian leader" needs a title naming the country: a guess between several
    # presidents would be worse than leaving the mention to the corpus-level resolver
    info = idx.role_info  # per-document memo of each title's words
    cands = []
    for p in near:
        rw = info.get(p.role)
        if rw is None:
            rw = info[p.role] = _role_words(p.role)
        if heads & rw[0]:  # a title without the phrase's head noun never matches
            cands.append((p, rw))
    for strict in ((True,) if quals else (True, False)):
        for p, rw in cands:
            if _role_matches(heads, quals, p.role, rw, strict):
                return p
    return None


def _role_matches(heads: frozenset, quals: frozenset, role: str, role_words, strict: bool) -> bool:
    rh, rq = role_words
    if not (heads & rh):
        return False
    words = rq | {w.lower() for w in role.split()}
    if quals <= words:
        return True
    if strict:
        return False
    dem = lex()["demonyms"]
    if quals & dem and (words & dem) - quals or not quals & dem:
        return False  # "the US president" is not the "Russian President"
    return not any(q not in words and q not in dem for q in quals)


def resolve_mention(text: str, start: int, end: int,
                    people: Sequence[PersonMention]) -> str | None:
    """The document-local referent name for the mention text[start:end], or None."""
    mention = text[start:end]
    low = mention.lower().strip()
    s = lex()
    idx = index_people(people)
    full = idx.full
    k = bisect.bisect_left(idx.starts, start)
    inside = [p for p in idx[k:k + 8] if p.end <= end]
    if inside and inside[-1].end == end:
        if depends_on_name(text[start:inside[-1].start]):
            return None  # "a source close to Mayor Holt" is not Holt
        return full.get(inside[-1].name, inside[-1].name)
    before = _before(idx, k)
    if low in s["pronouns"]["m"] or low in s["pronouns"]["f"]:
        g = "m" if low in s["pronouns"]["m"] else "f"
        chain = _subjects_before(text, start, idx)
        p = _pronoun_referent(text, start, g, idx, chain)
        if p is not None:
            return full.get(p.name, p.name)
        role = _unnamed_role_subject(chain)
        if role:
            return role
        for p in before:
            if _person_like(p, full) and p.gender in (g, None) and not _quoted_at(text, p.start):
                return full.get(p.name, p.name)
        return None
    if low in {"who", "whom", "which", "that"}:
        for p in before:
            if start - p.end > 160:
                break
            if p.kind == "person" and _person_like(p, full):
                return full.get(p.name, p.name)
        return None
    if low in s["pronouns"]["plural"] or low in s["pronouns"]["thing"]:
        for p in before:
            if p.kind == "org":
                return full.get(p.name, p.name)
            if start - p.end > 400:
                break
        return None
    if low in s["pronouns"]["first"] or low == "you":
        return None
    p = resolve_role(mention, start, idx)
    if p is not None:
        return full.get(p.name, p.name)
    words = mention.split()
    if words and words[-1][:1].isupper():
        name = " ".join(w for w in words if w[:1].isupper())
        return full.get(name, name)
    return None




def _before(idx, k: int):
    """The (at most 200) people before the ``k``-th, nearest first."""
    for j in range(k - 1, max(-1, k - 201), -1):
        yield idx[j]


_VERB_AFTER = re.compile(r"(?:,[^,]{1,80},)?[ \u00a0]+(?:(?:also|then|later|quickly|had|has|have|"
                         r"would|will|was|is)[ \u00a0]+)?(?:[a-z]+ed|made|said|says|told|took|gave|went|"
                         r"came|met|spoke|wrote|left|got|put|thought|felt|saw|knew|became|began|brought|"
                         r"held|kept|ran|sent|stood|won|lost|paid|led|set|insists|says|tells|warns)\b")


def _sentence_starts(text: str, lo: int, hi: int) -> list[int]:
    """The last sentence starts in text[lo:hi] (paragraph breaks count), last first.

    At most the six nearest of each kind are needed; both come from per-document
    indexes, so this costs a bisection, not a scan of the window.
    """
    starts = {lo}
    for n, (_, e) in enumerate(sentence_ends(text, lo, hi)):
        starts.add(e)
        if n == 5:
            break
    lines = line_starts(text)
    k = bisect.bisect_right(lines, hi)
    for x in lines[max(0, k - 6):k]:
        if x > lo:
            starts.add(x)
    return sorted(starts, reverse=True)


def _subject_at(text: str, pos: int, hi: int, idx) -> tuple[str, object] | None:
    """("pron", "he") / ("person", PersonMention) for the subject opening a sentence."""
    m = _LEAD_ADVERBIAL.match(text, pos, hi)
    i = m.end() if m else pos
    pm = _SUBJECT_PRON.match(text, i, hi)
    if pm:
        return ("pron", pm.group(1).lower())
    k = bisect.bisect_left(idx.starts, i)
    if k < len(idx) and idx[k].start < min(hi, i + 40) and idx[k].kind == "person":
        gap = text[i:idx[k].start]
        if all(w[:1].isupper() for w in gap.split()) and text[idx[k].end:idx[k].end + 1] not in "’'":
            return ("person", idx[k])
    rm = _ROLE_SUBJECT.match(text, i, hi)
    if rm and rm.group(1).lower() in lex()["role_heads"]:
        p = resolve_role(rm.group(0), i, idx)
        return ("person", p) if p is not None else ("role", rm.group(0))
    return None


class _Subjects:
    """The last six sentence starts before a pronoun at ``start`` (nearest first) with their
    subjects; iterating yields (sentence start, subject).  A subject is read only when the
    walk back reaches its sentence (most walks stop at the first or second)."""

    __slots__ = ("text", "start", "idx", "starts", "_subjects")

    def __init__(self, text: str, start: int, idx):
        self.text, self.start, self.idx = text, start, idx
        self.starts = _sentence_starts(text, max(0, start - 1000), start)[:6]
        self._subjects: list = []

    def __len__(self) -> int:
        return len(self.starts)

    def __iter__(self):
        for n, ss in enumerate(self.starts):
            yield ss, self.subject(n)

    def subject(self, n: int):
        subjects = self._subjects
        while len(subjects) <= n:
            subjects.append(_subject_at(self.text, self.starts[len(subjects)], self.start, self.idx))
        return subjects[n]


def _subjects_before(text: str, start: int, idx) -> _Subjects:
    """The last six sentence starts before ``start`` (nearest first) with their subjects."""
    return _Subjects(text, start, idx)


def _pronoun_referent(text: str, start: int, g: str, idx, chain) -> PersonMention | None:
    """Follow sentence subjects backwards: a he/she usually continues the last subject.

    A subject whose gender is known to match wins over one whose gender is unknown.
    """
    own = _own_clause_subject(text, start, (g, None), idx, chain)
    if own is not None:
        return own
    return _subject_walk(text, start, (g,), idx, chain) or \
        _subject_walk(text, start, (g, None), idx, chain)


def _unnamed_role_subject(chain) -> str | None:
    """The nearest sentence subject before the pronoun, if it is a role we cannot name here.

    The role phrase ("the US president") is returned as the referent: the
    corpus-wide resolver may know whom it names from other articles.
    """
    for _, subj in chain:
        if subj is None or subj[0] == "pron":
            continue
        return subj[1] if subj[0] == "role" else None
    return None


def _own_clause_subject(text: str, start: int, genders: tuple, idx, chain) -> PersonMention | None:
    """The last named subject of a clause earlier in the pronoun's own sentence.

    "Putin made no concessions, and Trump shifted the blame: “…,” he said" - he is Trump.
    """
    if not chain:
        return None
    k = bisect.bisect_left(idx.starts, max(chain.starts[0], start - 600))
    last = None
    for p in idx[k:k + 30]:
        if p.end > start:
            break
        if p.gender in genders and _person_like(p, idx.full) and _VERB_AFTER.match(text, p.end) \
                and not _quoted_at(text, p.start):
            last = p
    return last


def _subject_walk(text: str, start: int, genders: tuple, idx, chain) -> PersonMention | None:
    full = idx.full
    for n, (ss, subj) in enumerate(chain):
        if subj is None and None not in genders:
            hi = chain.starts[n - 1] if n else start
            k = bisect.bisect_left(idx.starts, ss)
            for p in idx[k:k + 12]:
                if p.start >= hi:
                    break
                if p.gender in genders and _person_like(p, full) and not _quoted_at(text, p.start):
                    return p
            continue
        if subj is None:
            continue
        kind, val = subj
        if kind == "role":
            return None  # "the US president ... He said": a subject we cannot name here
        if kind == "pron":
            continue  # a pronoun subject (ours, or another): keep walking back
        p = val
        if _person_like(p, full) and p.gender in genders:
            return p
    return None


def _quoted_at(text: str, pos: int) -> bool:
    """Cheap check: is ``pos`` inside a quotation opened earlier on its line?"""
    line = text.rfind("\n", max(0, pos - 400), pos) + 1
    seg = text[max(line, pos - 400):pos]
    return (seg.count("“") > seg.count("”")) or seg.count('"') % 2 == 1