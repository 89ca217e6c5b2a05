"""Who said it: reporting-verb cues, their subjects, and document-local mention resolution.

The public helpers (kept stable for claims.py):

* ``reporting_verbs()`` - every inflected form from ``data/reporting_verbs.yaml``;
* ``speaker_for_cue(text, cue_start, cue_end, people)`` - the words naming who performed
  the reporting verb at ``text[cue_start:cue_end]``: its subject before it ("Trump said",
  "the Russian leader has repeatedly said"), the name before an apposition ("Smith, the
  campaign's spokesman, said"), or the inverted subject after it ("..., said Smith");
  for "according to" the phrase after it.  The audience after "told" is never returned;
* ``resolve_mention(text, start, end, people)`` - the document-local referent of a mention:
  a pronoun's nearest compatible person, a role phrase's titled person, a surname's full name
  (implemented in :mod:`summitcli.coreference`).

This module is the stable front door; the work lives in
:mod:`summitcli.people_index` (the per-document people index and its memo),
:mod:`summitcli.speaker_words` (word classes, the backwards word scanner),
:mod:`summitcli.noun_phrases` (phrases that can name a speaker next to a cue),
:mod:`summitcli.clause_subjects` (clause and sentence subjects, sentence ends) and
:mod:`summitcli.cue_speaker` (``speaker_for_cue``).  Their names are re-exported here.
Cue search around a quotation lives in :mod:`summitcli.cues`.
"""
from __future__ import annotations

from typing import Sequence

from .clause_subjects import (_LEAD_ADVERBIAL, _ROLE_SUBJECT, _SUBJECT_PRON,  # noqa: F401
                              clause_subject, sentence_ends, sentence_subject)
from .coreference import resolve_mention as _resolve_in_document
from .clause_subjects import lift_pronoun
from .cue_speaker import _skip_back, _speaker_for_cue  # noqa: F401
from .cue_speaker import speaker_for_cue as _verb_subject
from .noun_phrases import (_TITLE_GAP, _comma_subject, _det_np, _leading_span,  # noqa: F401
                           _np_after, _np_before)
from .people_index import PeopleIndex, index_people  # noqa: F401
from .people_names import fullest_forms  # noqa: F401
from .people_roles import lex  # noqa: F401
from .records import PersonMention
from .speaker_words import (BE, DAYS, DETS, PARTICIPLES, PRON, SKIP, STOP_NP, TELL,  # noqa: F401
                            _W, _prev_word)
from .text_layout import _BOUNDARY_RE, _sentence_start, boundaries  # noqa: F401
from .verbs import ambiguous_verbs, reporting_verbs, verb_re  # noqa: F401 (public here too)


def resolve_mention(text: str, start: int, end: int,
                    people: Sequence[PersonMention]) -> str | None:
    """The document-local referent name for the mention text[start:end], or None.

    A pronoun resolves to the person its sentence's subject chain points to (a gender known
    to match first), "the Russian leader" to the person titled so in this document, a
    surname to the fullest form of the name here.
    """
    people = index_people(people)
    key = ("mention", start, end)
    owner, memo = people.memo  # PeopleIndex.memoised, without a call (asked for every record)
    if owner is text:
        hit = memo.get(key, _MISSING)
        if hit is not _MISSING:
            return hit
    else:
        memo = people.memo_for(text)
    hit = memo[key] = _resolve_in_document(text, start, end, people)
    return hit


_MISSING = object()


def speaker_for_cue(text: str, cue_start: int, cue_end: int,
                    people: Sequence[PersonMention]) -> tuple[int, int] | None:
    """The words naming who the article gives as the source of the reporting verb at
    text[cue_start:cue_end]: the verb's subject, except that a he/she inside the that-clause
    of the sentence's named subject is that subject ("Wilson told reporters that he had
    voted for Ames": Wilson is the source)."""
    span = _verb_subject(text, cue_start, cue_end, people)
    if span is None or span[1] - span[0] > 3:
        return span  # only he/she can be lifted
    j = span[0]
    while j > 0 and text[j - 1] in " \u00a0":
        j -= 1
    if j == 0 or text[j - 1] in _NO_LIFT_AFTER:
        return span  # "…,” he said" / ". He said" / ", she said,": a clause of its own
    people = index_people(people)
    return people.memoised(text, ("source", span[0], span[1]), _outermost, text, span, people)


_NO_LIFT_AFTER = frozenset("”\"’'.,;:!?—–()\n")


def _outermost(text: str, span: tuple[int, int], people) -> tuple[int, int]:
    para = text.rfind("\n", max(0, span[0] - 400), span[0]) + 1
    floor = _sentence_start(text, para, span[0])
    return lift_pronoun(text, floor, span[0], span[1], people) or span
