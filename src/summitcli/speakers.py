"""Canonical speakers across a corpus.

Per-document extraction names speakers as each article does ("Trump",
"President Donald Trump", "the Russian leader"). This module joins those names
across the whole corpus: titles dropped, surname-only mentions joined to the
full name, spelling variants merged with rapidfuzz, role phrases resolved from
titles and appositions seen anywhere in the corpus, and user aliases applied
(``speakers.yaml`` in the corpus folder, or a file named on the command line).

Name forms and role phrases (titles, full names, role keys) are read in
:mod:`summitcli.speaker_names`; this module clusters them into an index.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from summitcli.records import Extraction
from summitcli.speaker_names import (  # noqa: F401 (re-exported)
    _NAME_WORD, _PARTICLES, _POSSESSIVE, _TOKEN, _by_first_word, _lexicon, _names_someone,
    _role_key, _role_matches, _surname, depends_on_name, described_speaker, looks_like_full_name,
    strip_titles, tokens)

def _name_words(form: str) -> bool:
    """Capitalised name words (particles allowed) only: "Lavrov", "Mr. de Gaulle"."""
    words = form.split()
    return bool(words) and all(_NAME_WORD.match(w) or w.lower() in _PARTICLES for w in words)


SURNAME_RATIO = 85  # Zelensky ~ Zelenskyy, between two full names with the same first name
SURNAME_FUZZY_SINGLE = 90  # a lone surname joins a full name spelled a little differently


@dataclass
class Speaker:
    """One canonical speaker and the evidence for it."""

    name: str
    variants: Counter = field(default_factory=Counter)  # name forms seen
    roles: Counter = field(default_factory=Counter)  # titles/appositions seen
    mentions: Counter = field(default_factory=Counter)  # words that named it as a speaker

    def to_dict(self) -> dict:
        return {
            "name": self.name,
            "variants": sorted(self.variants),
            "roles": [r for r, _ in self.roles.most_common()],
            "mentions": [m for m, _ in self.mentions.most_common()],
        }


class SpeakerIndex:
    """Maps every name form and role phrase seen in a corpus to a canonical speaker."""

    def __init__(self) -> None:
        self.speakers: dict[str, Speaker] = {}
        self._form: dict[str, str] = {}  # lowercased name form -> canonical
        self._roles: dict[tuple[str, ...], Counter] = defaultdict(Counter)  # role key -> names
        self._surnames: dict[str, set[str]] = defaultdict(set)  # surname -> canonicals
        self.document_people: dict[str, set[str]] = {}  # source -> canonical names it mentions
        self._role_scores: dict[tuple[str, ...], Counter] = {}  # memo: role key -> holders

    # -- lookup ---------------------------------------------------------------
    def canonical(self, name: str | None) -> str | None:
        """The canonical speaker for a name form, or None if the corpus never saw it."""
        if not name:
            return None
        key = " ".join(strip_titles(name).lower().split())
        found = self._form.get(key) or self._form.get(" ".join(name.lower().split()))
        if found or not key or not _name_words(strip_titles(name)):
            return found  # only a name joins by its last word: not "many European states"
        owners = self._surnames.get(key.split()[-1], set())
        return next(iter(owners)) if len(owners) == 1 else None

    def resolve_role(self, phrase: str | None, context: set[str] | None = None,
                     ) -> tuple[str | None, tuple[str, ...]]:
        """('the Russian leader') -> (canonical, candidates) from roles seen in the corpus.

        ``context``: canonical names mentioned in the record's own document; when
        some role holders appear there, only they are considered ("the US
        president" in an article about one president is not an earlier one).
        """
        if not phrase:
            return None, ()
        key = _role_key(phrase)
        if not key:
            return None, ()
        scores = self._role_scores.get(key)
        if scores is None:
            scores = Counter()
            for role, names in self._roles.items():
                if _role_matches(key, role):
                    scores.update(names)
            self._role_scores[key] = scores
        if context and any(name in context for name in scores):
            scores = Counter({n: c for n, c in scores.items() if n in context})
        if not scores:
            return None, ()
        ranked = scores.most_common()
        if len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]:
            return ranked[0][0], ()
        return None, tuple(name for name, _ in ranked[:5])

    def resolve(self, local_name: str | None, mention: str | None, source: str | None = None,
                ) -> tuple[str | None, tuple]:
        """Canonical speaker for a record's document-local name, else its mention words.

        A role phrase that no name in the corpus holds ("the White House press
        secretary") is itself the speaker; a pronoun or an ambiguous role is not.
        """
        if not local_name and mention and depends_on_name(mention):
            return None, ()  # "a source close to Mayor Holt" is not Holt
        name = self.canonical(local_name) or self.canonical(mention)
        if name:
            return name, ()
        context = self.document_people.get(source)
        for phrase in (local_name, mention):
            role, candidates = self.resolve_role(phrase, context)
            if role or candidates:
                return role, candidates
        described = described_speaker(local_name or "") or described_speaker(mention or "")
        return described, ()

    def match(self, query: str, among: set[str] | None = None) -> list[str]:
        """Canonical speakers a user's query names: exact, alias, role, surname, or fuzzy.

        ``among`` limits the answer to these names (the speakers that have records).
        """
        allowed = (lambda n: n in among) if among is not None else (lambda n: True)
        exact = self.canonical(query)
        if exact and allowed(exact):
            return [exact, *self._sharing_a_name(query, exact, allowed)]
        role, candidates = self.resolve_role(query)
        if role and allowed(role):
            return [role]
        candidates = tuple(c for c in candidates if allowed(c))
        if candidates:
            return list(candidates)
        from rapidfuzz import fuzz, process

        forms = [f for f in self._form if allowed(self._form[f])]
        hits = process.extract(query.lower(), forms, scorer=fuzz.WRatio, limit=10, score_cutoff=86)
        names: list[str] = []
        for form, _, _ in hits:
            if self._form[form] not in names:
                names.append(self._form[form])
        return names[:3] if len(names) > 1 and hits[0][1] < 95 else names[:1]

    def _sharing_a_name(self, query: str, exact: str, allowed) -> list[str]:
        """Other speakers one word of whose canonical name is the one-word query.

        "hillary" names both a speaker the corpus calls just "Hillary" and
        "Hillary Clinton"; a one-word query should find both.
        """
        word = query.strip().lower()
        if not word or len(word.split()) != 1:
            return []
        return [name for name in self.speakers if name != exact and allowed(name)
                and word in name.lower().split()]

    def suggestions(self, query: str, among: set[str] | None = None, limit: int = 3) -> list[str]:
        from rapidfuzz import fuzz, process

        forms = [f for f in self._form if among is None or self._form[f] in among]
        hits = process.extract(query.lower(), forms, scorer=fuzz.WRatio, limit=10)
        out: list[str] = []
        for form, score, _ in hits:
            name = self._form[form]
            if score >= 50 and name not in out:
                out.append(name)
        return out[:limit]

    # -- building -------------------------------------------------------------
    def _add_form(self, form: str, canonical: str) -> None:
        key = " ".join(form.lower().split())
        self._form.setdefault(key, canonical)
        if len(key.split()) >= 2:
            self._surnames[key.split()[-1]].add(canonical)


def build_index(extractions: Iterable[Extraction], aliases: dict[str, list[str]] | None = None,
                ) -> SpeakerIndex:
    """Cluster every name form in ``extractions`` into canonical speakers."""
    forms: Counter = Counter()
    roles: list[tuple[str, str]] = []
    for extraction in extractions:
        for person in extraction.people:
            name = strip_titles(person.name)
            if name and looks_like_full_name(name):
                forms[name] += 1
            if name and person.role:
                roles.append((person.role, name))
        for record in (*extraction.quotes, *extraction.claims):
            if record.speaker and _names_someone(record.speaker):
                forms[strip_titles(record.speaker)] += 1
    index = SpeakerIndex()
    alias_of = _apply_aliases(index, aliases or {})
    for group in _cluster(forms, alias_of):
        canonical = _canonical_form(group, forms, alias_of)
        speaker = index.speakers.setdefault(canonical, Speaker(canonical))
        for form in group:
            speaker.variants[form] += forms[form]
            index._add_form(form, canonical)
    for extraction in extractions:
        index.document_people[extraction.source] = {
            c for p in extraction.people if (c := index.canonical(strip_titles(p.name)))}
    for role, name in roles:
        canonical = index.canonical(name)
        if canonical:
            index.speakers[canonical].roles[role] += 1
            key = _role_key(role)
            if key:
                index._roles[key][canonical] += 1
    return index


def _apply_aliases(index: SpeakerIndex, aliases: dict[str, list[str]]) -> dict[str, str]:
    alias_of: dict[str, str] = {}
    for canonical, variants in aliases.items():
        index.speakers.setdefault(canonical, Speaker(canonical))
        for form in [canonical, *variants]:
            alias_of[" ".join(form.lower().split())] = canonical
            index._form[" ".join(form.lower().split())] = canonical
    return alias_of


def _cluster(forms: Counter, alias_of: dict[str, str]) -> list[list[str]]:
    """Group name forms: full names by (fuzzy) surname and first name, then lone surnames."""
    full = [f for f in forms if len(f.split()) >= 2]
    single = [f for f in forms if len(f.split()) == 1]
    groups: list[list[str]] = []
    by_surname: dict[str, list[int]] = defaultdict(list)

    def place(form: str, gi: int | None) -> None:
        if gi is None:
            groups.append([form])
            by_surname[_surname(form)[:3]].append(len(groups) - 1)
        else:
            groups[gi].append(form)

    for form in sorted(full, key=lambda f: -forms[f]):
        place(form, _find_full_group(form, groups, by_surname, alias_of))
    for form in sorted(single, key=lambda f: -forms[f]):
        place(form, _find_surname_group(form, groups, by_surname, forms))
    return groups


def _find_full_group(form, groups, by_surname, alias_of) -> int | None:
    from rapidfuzz import fuzz

    if form.lower() in alias_of:
        target = alias_of[form.lower()]
        for gi, group in enumerate(groups):
            if any(alias_of.get(g.lower()) == target for g in group):
                return gi
    first, surname = form.split()[0].lower(), _surname(form)
    for gi in by_surname.get(surname[:3], ()):
        head = groups[gi][0]
        if len(head.split()) < 2:
            continue
        if fuzz.ratio(surname, _surname(head)) < SURNAME_RATIO:
            continue
        other_first = head.split()[0].lower()
        if other_first == first or fuzz.ratio(other_first, first) >= SURNAME_RATIO:
            return gi
    return None


def _find_surname_group(form, groups, by_surname, forms) -> int | None:
    from rapidfuzz import fuzz

    surname = form.lower()
    matches = []
    for gi in by_surname.get(surname[:3], ()):
        head = groups[gi][0]
        if not looks_like_full_name(head):
            continue
        other = _surname(head)
        close = (len(surname) >= 7 and len(other) >= 7
                 and fuzz.ratio(surname, other) >= SURNAME_FUZZY_SINGLE)
        if other == surname or close:
            matches.append((sum(forms[g] for g in groups[gi]), gi))
    if not matches:
        return None
    matches.sort(reverse=True)
    return matches[0][1]


def _canonical_form(group: list[str], forms: Counter, alias_of: dict[str, str]) -> str:
    for form in group:
        if form.lower() in alias_of:
            return alias_of[form.lower()]
    full = [f for f in group if len(f.split()) >= 2] or group
    return max(full, key=lambda f: (forms[f], len(f)))


def load_aliases(path: Path, warnings: list[str]) -> dict[str, list[str]]:
    """A user's alias file: ``Canonical Name: [variant, variant, role phrase]``."""
    from summitcli.metadata import safe_load_file

    data = safe_load_file(path)
    if data is None:
        return {}
    if not isinstance(data, dict):
        warnings.append(f"{path.name}: expected 'Canonical Name: [aliases]', ignored")
        return {}
    out: dict[str, list[str]] = {}
    for name, variants in data.items():
        if isinstance(variants, str):
            variants = [variants]
        if not isinstance(variants, list) or not all(isinstance(v, str) for v in variants):
            warnings.append(f"{path.name}: aliases of {name!r} should be a list of names, ignored")
            continue
        out[str(name)] = variants
    return out
