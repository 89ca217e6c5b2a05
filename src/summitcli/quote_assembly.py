"""Turn quoted spans into Quote records: who said each one, and what kind of quotation it is.

For each quotation in document order: its speaker (the rules in
:mod:`summitcli.quote_attribution`, first hit wins; ``rule`` in the record says which), or
failing that the speaker of the previous quotation in the same or previous paragraph
(``continuation``); then its kind (:mod:`summitcli.quote_kinds`); then the record.

Pieces of a quotation interrupted by its attribution (``“A,” X said, “b”``) and paragraph
pieces of a multi-paragraph quotation share an utterance id and speaker; a new sentence
after the attribution starts a new utterance.  Kinds are decided once every speaker is
known: a fragment in an utterance with a speech piece is speech too.
"""
from __future__ import annotations

import re
from typing import Sequence

from .attribution import index_people, resolve_mention
from .people import people_in_text
from .quote_attribution import (_ENDS_ON_VERB, _ENDS_ON_VERB_REVERSED,  # noqa: F401
                                _NEXT_DASH, _NOT_YET, _Attr, _attribute, _attribute_nested,
                                _colon_lead, _cue_after_closing, _dash_next_paragraph,
                                _ends_on_verb, _from_hit, _is_name_span, _np_after_name,
                                _np_before, _tight, cue_after, cue_before, possessive_cue,
                                sentence_subject)
from .quote_kinds import (_APOS, _DESCRIBED_AS, _DISPLAY, _GROUP, _NOT_EDGE,  # noqa: F401
                          _TERM_LEAD, _TERM_LEAD_REVERSED, _TITLE_AFTER, _TITLE_BEFORE,
                          _TITLE_WORD, _TOKEN, _TOKEN_GAP, _Recurrences, _ends_with_term_lead,
                          _kind, _occurrences, _phrase, _short_phrase, _unquoted_recurrences)
from .quote_pairing import Span
from .records import Quote
from .text_layout import _sentence_start, paragraphs
from .transcripts import label_at, label_speaker

_GAP = re.compile(r"[^.!?\"“”]{0,40}?[,:;.]?[ \u00a0]*")


def assemble(text: str, source: str, spans: Sequence[Span],
             skip: Sequence[tuple[int, int]] = (), people=None) -> list[Quote]:
    """Attach speakers and kinds to ``spans`` (document order) and build Quote records."""
    people = index_people(people if people is not None else people_in_text(text, skip))
    paras = paragraphs(text)
    top = [s for s in spans if s.depth == 0]
    next_open = {id(a): (b.open_at if b.open_at >= 0 else b.start) for a, b in zip(top, top[1:])}
    attrs: dict[int, _Attr] = {}
    floors: dict[int, int] = {}
    prev: tuple[Span, _Attr] | None = None
    for k, s in enumerate(top):
        lo, hi = paras[s.para]
        floor = _sentence_start(text, lo, s.open_at if s.open_at >= 0 else s.start)
        floors[id(s)] = floor
        limit = min(hi, next_open.get(id(s), hi), s.close_end + 220)
        masks = [(p.start, p.end) for p in top[max(0, k - 3):k]]
        prev_para = paras[s.para - 1] if s.para > 0 else None
        if s.recovered == "turn":
            attrs[id(s)] = _turn_attribution(text, s, lo, hi, prev)
        elif prev is not None and _same_utterance(text, prev, s):
            a = prev[1]
            attrs[id(s)] = _Attr(a.cue, a.cue_start, a.cue_end, a.spk, a.rule, a.region_end)
            s.utterance = prev[0].utterance
        else:
            a = _attribute(text, s, floor, limit, masks, lo, prev_para, people,
                           prev is not None and prev[0].para == s.para)
            same = prev is not None and s.utterance == prev[0].utterance
            if a.spk is None and same:
                p = prev[1]
                a = _Attr(p.cue, p.cue_start, p.cue_end, p.spk, p.rule, p.region_end)
            elif a.spk is None and prev is not None and prev[1].spk is not None \
                    and s.para - prev[0].para <= 1 and _starts_sentence(text, s, floor):
                p = prev[1]
                a = _Attr(p.cue, p.cue_start, p.cue_end, p.spk, "continuation", p.region_end)
            attrs[id(s)] = a
        prev = (s, attrs[id(s)])
    _share_within_utterances(top, attrs)
    _attribute_all_nested(text, spans, top, attrs, people)
    return _records(text, source, spans, attrs, people, paras, floors)


def _turn_attribution(text: str, s: Span, lo: int, hi: int, prev) -> _Attr:
    """A transcript turn's speaker is its label; an unlabelled paragraph continues the turn."""
    t = label_at(text, lo, hi)
    if t is not None and t.start == s.start:
        return _Attr(":", t.colon, t.colon + 1, (t.label_start, t.label_end), "transcript-turn",
                     t.colon + 1)
    p = prev[1] if prev is not None else _Attr()
    return _Attr(p.cue, p.cue_start, p.cue_end, p.spk, "continuation", p.region_end)


def _attribute_all_nested(text, spans, top, attrs, people) -> None:
    import bisect
    starts = [t.start for t in top]
    for s in spans:
        if s.depth == 0:
            continue
        k = bisect.bisect_right(starts, s.start) - 1
        if k >= 0 and top[k].start <= s.start and s.end <= top[k].end:
            attrs[id(s)] = _attribute_nested(text, s, top[k], attrs.get(id(top[k])), people)


def _share_within_utterances(top: Sequence[Span], attrs: dict[int, _Attr]) -> None:
    """Pieces of one utterance share the speaker found for any of them (first found wins)."""
    found: dict[int, _Attr] = {}
    for s in top:
        a = attrs[id(s)]
        if a.spk is not None and s.utterance not in found:
            found[s.utterance] = a
    for s in top:
        a = attrs[id(s)]
        f = found.get(s.utterance)
        if f is not None and a.spk is None:
            attrs[id(s)] = _Attr(f.cue, f.cue_start, f.cue_end, f.spk, "same-utterance", f.region_end)


def _starts_sentence(text: str, s: Span, floor: int) -> bool:
    return s.open_at < 0 or text[floor:s.open_at].strip(" \u00a0—–-(") == ""


def _same_utterance(text: str, prev: tuple[Span, _Attr], s: Span) -> bool:
    """``“A,” X said, “b”``: the second piece continues the first after its attribution."""
    p, a = prev
    if p.para != s.para or a.spk is None or a.region_end is None or s.open_at < 0:
        return False
    if a.rule not in ("after-cue", "after-inverted", "dash-name"):
        return False
    gap = text[a.region_end:s.open_at]
    if not _GAP.fullmatch(gap):
        return False
    # "“A,” X said, “b”" continues the sentence; "“A,” X said. “B”" starts a new utterance
    return gap.rstrip(" \u00a0").endswith((",", ":", "—", "–")) or (
        text[s.start:s.start + 1].islower() and not gap.rstrip(" \u00a0").endswith("."))


def _records(text, source, spans, attrs, people, paras, floors) -> list[Quote]:
    out: list[Quote] = []
    recurs = _Recurrences(text, spans, attrs)
    kinds: dict[int, tuple[str, str]] = {}
    speech_utts: set[int] = set()
    for s in spans:
        a = attrs.get(id(s)) or _Attr(rule="nested")
        floor = floors.get(id(s))
        if floor is None and not s.depth:  # a nested quotation's kind needs no floor
            floor = _sentence_start(text, paras[s.para][0], s.open_at if s.open_at >= 0 else s.start)
        kinds[id(s)] = _kind(text, s, a, floor, recurs)
        if kinds[id(s)][0] == "speech" and s.depth == 0:
            speech_utts.add(s.utterance)
    utt_ids: dict[int, int] = {}
    new, put = object.__new__, object.__setattr__
    fast = Quote._field_names == _QUOTE_FIELDS
    for n, s in enumerate(spans):
        a = attrs.get(id(s))
        if a is None:  # nested: no attribution of its own
            a = _Attr(rule="nested")
        kind, kind_rule = kinds[id(s)]
        if kind == "fragment" and s.depth == 0 and s.utterance in speech_utts:
            kind, kind_rule = "speech", "same-utterance"  # “A,” X said, “and b.”
        mention = speaker = None
        ss = se = None
        cands: tuple[str, ...] = ()
        rule = a.rule if a.spk else ("nested" if s.depth else "none")
        if a.spk is not None and kind == "term":
            # a name, a sign, scare quotes: nobody is quoted; a would-be speaker is a candidate
            found = resolve_mention(text, a.spk[0], a.spk[1], people)
            cands = (found,) if found else ()
            a = _Attr(rule="term")
            rule = "term"
        if a.spk is not None:
            ss, se = a.spk
            mention = text[ss:se]
            speaker = resolve_mention(text, ss, se, people)
            if s.recovered == "turn":
                speaker = label_speaker(text, label_at(text, ss, paras[s.para][1]), people, speaker)
            if speaker is None and mention.lower() in {"he", "she", "they", "it", "who"}:
                cands = _candidates(text, people, ss)
        u = utt_ids.setdefault(s.utterance, len(utt_ids))
        # Quote(...) without the frozen dataclass's __init__ (one object.__setattr__ per
        # field, 17 of them): the same fields in the instance dict, in field order
        d = {
            "id": f"{source}:q{n + 1}", "source": source, "text": text[s.start:s.end],
            "start": s.start, "end": s.end, "kind": kind, "kind_rule": kind_rule,
            "speaker": speaker, "speaker_mention": mention, "speaker_start": ss, "speaker_end": se,
            "cue": a.cue, "rule": rule, "utterance": f"{source}:u{u + 1}", "paragraph": s.para,
            "candidates": cands, "marks": _marks_of(text, s)}
        if fast:
            q = new(Quote)
            put(q, "__dict__", d)
        else:  # Quote has gained a field: the regular constructor fills its default
            q = Quote(**d)
        out.append(q)
    return out


# the fields ``_records`` fills, in order; only while they are all of Quote's is the
# instance dict set directly
_QUOTE_FIELDS = ("id", "source", "text", "start", "end", "kind", "kind_rule", "speaker",
                 "speaker_mention", "speaker_start", "speaker_end", "cue", "rule", "utterance",
                 "paragraph", "candidates", "marks")


def _marks_of(text: str, s: Span) -> str:
    """The quotation marks around ``s`` as written (spaces inside « » dropped)."""
    opening = text[s.open_at:s.start].strip() if s.open_at >= 0 else ""
    return opening + text[s.end:s.close_end].strip()


def _candidates(text, people, pos) -> tuple[str, ...]:
    import bisect
    k = bisect.bisect_left(people.starts, pos)
    seen: list[str] = []
    for p in people[max(0, k - 30):k][::-1]:
        name = people.full.get(p.name, p.name)
        if p.kind == "person" and name not in seen:
            seen.append(name)
        if len(seen) == 3:
            break
    return tuple(seen)
