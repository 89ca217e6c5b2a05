"""Who said one quoted span: the attribution rules, tried in order.

Attribution order for one quotation (first hit wins; ``rule`` in the record says which):

1. inside a sentence, a reporting verb before it in the same sentence (``X said: “``,
   ``X called it “``: ``lead-in`` / ``lead-in-colon`` / ``sentence-verb``) - unless a
   cue hugs the closing mark (``…,” he said``), which wins;
2. a cue after the closing mark (``after-cue``, ``after-inverted`` "said X", ``dash-name``,
   ``after-np`` "Name, a long apposition, wrote"; a signature on the next line);
3. for a quotation opening its sentence: a colon lead-in ending the previous sentence or
   paragraph (``colon-lead``), the previous sentence ending on its own cue ("Vogel
   disagreed. “…”": ``previous-cue``) or naming its subject (``previous-subject``);
4. inside a sentence: a possessive speech noun (``X’s reply: “``), else for a longer
   stretch the sentence's named subject (``sentence-subject``);
5. no cue: the speaker of the previous quotation in the same or previous paragraph
   (``continuation``, applied by :mod:`summitcli.quote_assembly`).

The speaker is the person whose words they are: "according to X" in the quotation's sentence
names the speaker only when no one else does (``according-to``: "“…,” according to the
Herald"; in "“…,” Lee said, according to the Herald" the words stay Lee's), and a he/she inside the that- or what-clause of the sentence's
named subject is lifted to that subject ("Lind said that last week she had begun “…”").

A cue after the closing mark (``_cue_after_closing``) is weighed against a verb earlier in
the sentence: one hugging the mark (``…,” he said``) wins.  Quotations nested in a
quotation look for a cue inside it ("I said ‘not this week’" is the outer speaker's own
words).  Sharing speakers between the pieces of an utterance is
:mod:`summitcli.quote_assembly`'s job.
"""
from __future__ import annotations

import re

from .attribution import (_np_after as _np_after_name, _np_before, clause_subject,
                          reporting_verbs, sentence_subject)
from .clause_subjects import lift_pronoun
from .cues import cue_after, cue_before, possessive_cue
from .quote_pairing import Span
from .text_layout import _sentence_start


class _Attr:
    __slots__ = ("cue", "cue_start", "cue_end", "spk", "rule", "region_end")

    def __init__(self, cue=None, cue_start=None, cue_end=None, spk=None, rule="none",
                 region_end=None):
        self.cue, self.cue_start, self.cue_end = cue, cue_start, cue_end
        self.spk, self.rule, self.region_end = spk, rule, region_end


def _from_hit(text: str, hit, region_end=None, people=None, floor=None) -> _Attr:
    cs, ce, ss, se, rule = hit
    if people is not None and rule in _LIFTABLE:
        ss, se = lift_pronoun(text, floor, ss, se, people) or (ss, se)
        own = _SUBJECT_VERB.match(text, se, cs) if se + 1 < cs else None
        if own is not None and own.end() < cs and own.group(1).lower() in reporting_verbs():
            cs, ce = own.span(1)  # "Brandt said she would welcome “…”": the cue is "said"
    cue = text[cs:ce].strip() or "—"
    return _Attr(cue, cs, ce, (ss, se), rule, region_end if region_end is not None else max(ce, se))


def _colon_lead(text: str, span: Span, floor: int, para_lo: int, prev_para, people) -> _Attr | None:
    """``X said:`` ending the previous sentence, or the previous paragraph."""
    base = max(para_lo, floor - 400)
    head = text[base:floor].rstrip() if floor > para_lo else ""
    if head.endswith(":"):
        end = base + len(head) - 1
        lo = _sentence_start(text, para_lo, end)
    elif floor <= para_lo and prev_para is not None:
        plo, phi = prev_para
        pbase = max(plo, phi - 400)
        ptxt = text[pbase:phi].rstrip()
        if not ptxt.endswith(":"):
            return None
        end = pbase + len(ptxt) - 1
        lo = _sentence_start(text, plo, end)
    else:
        return None
    hit = cue_before(text, lo, end + 1, people)
    if hit is not None:
        return _from_hit(text, hit[:4] + ("colon-lead",))
    sub = sentence_subject(text, lo, end, people) or _named_clause_subject(text, lo, end, people)
    if sub is not None:
        return _Attr(":", end, end + 1, sub, "colon-subject")
    return None


def _named_clause_subject(text: str, lo: int, end: int, people):
    """"In the wake of the attack, nominee Anna Berg issued the following statement:": a name
    followed by its verb inside the lead-in sentence (pronouns are left to other rules)."""
    sub = clause_subject(text, lo, end, people)
    if sub is None or text[sub[0]:sub[1]].lower() in {"he", "she", "they", "we", "i"}:
        return None
    return sub


def _attribute(text: str, span: Span, floor: int, limit: int, masks, para_lo, prev_para,
               people, quote_before_in_para: bool = False) -> _Attr:
    a = _attribute_cues(text, span, floor, limit, masks, para_lo, prev_para, people,
                        quote_before_in_para)
    # "according to X" names the speaker only when the quotation has no speaker of its own:
    # in "“…,” Lee said, according to the Herald" the words are Lee's, and crediting the
    # outlet would split one person's statement across outlets in a comparison.
    if a.spk is None and a.rule != "colon-name":
        src = _according_to(text, span, floor, limit, people)
        if src is not None:
            return _from_hit(text, src, max(span.close_end, src[3]))
    return a


_ACCORDING = re.compile(r"(?<![\w’'])[Aa]ccording[ \u00a0]+to\b")
_SENTENCE_END = re.compile(r"[.!?][”\"’')]*(?:[ \u00a0]|$)|\n|[“\"]")


def _according_to(text: str, span: Span, floor: int, limit: int, people):
    """"…,” Lee said, according to the Herald. / According to the Herald, Lee said “…”":
    the source the article cites for the sentence, outside the quotation, is its speaker
    (the outermost source: the words reached the article through it)."""
    after = text.find("ccording", span.close_end, limit) >= 0
    if not after and text.find("ccording", floor, span.open_at) < 0:
        return None  # the common case, found without a regex
    end = limit
    if after:
        close = _SENTENCE_END.search(text, span.close_end, limit)
        end = close.start() if close is not None else limit
    for lo, hi in ((span.close_end, end), (floor, span.open_at)):
        if hi - lo < 12:
            continue
        m = _ACCORDING.search(text, lo, hi)
        if m is None or text.count("“", lo, m.start()) != text.count("”", lo, m.start()):
            continue
        np = _np_after_name(text, m.end(), hi, people)
        if np is not None and np[1] <= hi:
            return (m.start(), m.end(), np[0], np[1], "according-to")
    return None


def _attribute_cues(text: str, span: Span, floor: int, limit: int, masks, para_lo, prev_para,
                    people, quote_before_in_para: bool = False) -> _Attr:
    initial = text[floor:max(floor, span.open_at)].strip(" \u00a0—–-(") == "" or span.open_at < 0
    if not initial and text[max(floor, span.open_at - 3):span.open_at].rstrip().endswith(":"):
        colon = text.rfind(":", floor, span.open_at)
        np = _np_before(text, colon, floor, people)
        label = np is not None and (text[max(floor, np[0] - 3):np[0]].strip() in ("-", "—", "–", "")
                                    or np[0] <= floor + 1)
        if label and text[np[0]].isupper() and _is_name_span(people, np):
            return _Attr(":", colon, colon + 1, np, "colon-name")  # "... - Carl Bialik: “…”"
    after = _NOT_YET
    if not initial:
        hit = cue_before(text, floor, span.open_at, people, masks)
        if hit is not None:
            # the cue after the closing mark only matters when it could hug the mark
            if hit[4] == "lead-in" or text[span.end - 1:span.end] not in ",?!—":
                return _from_hit(text, hit, span.close_end, people, floor)
            after = _cue_after_closing(text, span, limit, people)
            if not _tight(text, span, after):
                return _from_hit(text, hit, span.close_end, people, floor)
    if after is _NOT_YET:
        after = _cue_after_closing(text, span, limit, people)
    if after is not None:
        return _from_hit(text, after)
    if initial:
        lead = _colon_lead(text, span, floor, para_lo, prev_para, people)
        if lead is not None:
            return lead
        if floor > para_lo:  # "Bystrom agreed. “…”": the sentence before ends on its cue
            prev_start = _sentence_start(text, para_lo, floor - 1)
            tail = text[prev_start:floor].rstrip()
            if _ends_on_verb(tail) and not any(c in tail for c in "“”\"«»„"):
                hit = cue_before(text, max(prev_start, floor - 300), prev_start + len(tail), people)
                if hit is not None and hit[1] >= prev_start + len(tail) - 12:
                    return _from_hit(text, hit[:4] + ("previous-cue",))
        if floor > para_lo and not quote_before_in_para:
            # the sentence before, in the same paragraph, names the speaker
            prev_start = _sentence_start(text, para_lo, floor - 1)
            sub = sentence_subject(text, prev_start, floor, people)
            if sub is not None:
                return _Attr(None, None, None, sub, "previous-subject")
        if floor <= para_lo and prev_para is not None:
            prev = _previous_paragraph_cue(text, prev_para, people)
            if prev is not None:
                return prev
        return _Attr()
    poss = possessive_cue(text, floor, span.open_at, people)
    if text[floor:span.open_at].rstrip().endswith(":"):
        colon = floor + len(text[floor:span.open_at].rstrip()) - 1
        np = _np_before(text, colon, floor, people)
        if np is not None and (text[np[0]].isupper() or text[np[0]:np[1]].lower() in
                               {"he", "she", "they", "we", "it"}):
            return _Attr(":", colon, colon + 1, np, "colon-name")
        if poss is not None:
            return _from_hit(text, poss, span.close_end)
        sub = sentence_subject(text, floor, span.open_at, people)
        if sub is not None:
            return _Attr(":", colon, colon + 1, sub, "colon-subject")
        return _Attr()
    if poss is not None:
        return _from_hit(text, poss, span.close_end)
    if len(text[span.start:span.end].split()) >= 4:
        # a few words in a sentence with no reporting verb are as often the author's
        # scare quotes as the subject's words; only a longer stretch is taken as theirs
        sub = sentence_subject(text, floor, span.open_at, people)
        if sub is not None:
            return _Attr(None, None, None, sub, "sentence-subject")
    return _Attr()


_NOT_YET = object()


def _previous_paragraph_cue(text: str, prev_para, people) -> _Attr | None:
    """"Carter said that the region still mattered. ¶ “That is because …”": a quotation that
    opens its paragraph with no cue of its own continues the reporting verb (else the named
    subject) of the last sentence of the previous paragraph, when that paragraph quotes
    nobody (else the previous quotation's speaker carries on)."""
    plo, phi = prev_para
    end = plo + len(text[plo:phi].rstrip())
    lo = _sentence_start(text, plo, max(plo, end - 1))
    if end - lo < 12 or any(c in text[plo:end] for c in "“”\"«»„"):
        return None
    sub = sentence_subject(text, lo, end, people)
    verb = _SUBJECT_VERB.match(text, sub[1], end) if sub is not None else None
    if verb is not None and verb.group(1).lower() in reporting_verbs():
        return _Attr(verb.group(1), verb.start(1), verb.end(1), sub, "previous-paragraph")
    hit = cue_before(text, max(lo, end - 400), end, people)
    if hit is not None:
        return _from_hit(text, hit[:4] + ("previous-paragraph",))
    # "Ames is upbeat about the vote. ¶ “…”": the subject of the sentence
    return None if sub is None else _Attr(None, None, None, sub, "previous-paragraph")


# the verb right after a sentence's subject, over an adverb or auxiliary or two
_SUBJECT_VERB = re.compile(r"(?:,[^,]{1,80},)?(?:[ \u00a0]+[a-z]+ly|[ \u00a0]+(?:also|then|has|had|have|"
                           r"would|will|later|again|further))*[ \u00a0]+([a-z]+)\b")

_LIFTABLE = frozenset(("lead-in", "lead-in-colon", "sentence-verb"))
def _cue_after_closing(text: str, span: Span, limit: int, people):
    """A cue after the closing mark, or a signature on the next line."""
    after = cue_after(text, span.close_end, limit, people) if span.close_end < limit else None
    if after is not None and _next_sentences_own(text, span, after, limit):
        return None
    if after is None and not text[span.close_end:limit].strip():
        after = _dash_next_paragraph(text, span, people)
    return after


_ENDS_ON_VERB = re.compile(r"\b[a-z]+(?:ed|s|d)\b[^.!?]{0,25}[.:]$")
_ENDS_ON_VERB_REVERSED = re.compile(r"\n?[.:][^.!?]{0,25}\b(?:de|s|d)[a-z]+\b")  # read backwards


def _ends_on_verb(tail: str) -> bool:
    """``_ENDS_ON_VERB.search(tail) is not None``, by one anchored match on the reversal."""
    return _ENDS_ON_VERB_REVERSED.match(tail[::-1]) is not None


_OWN_CONTENT = re.compile(r"[ \u00a0]*(?:,[ \u00a0]*[“\"]|that\b|(?:[^.!?“”\"\n]*?[ \u00a0]){5})")


def _next_sentences_own(text: str, span: Span, after, limit: int) -> bool:
    """"“… no more.” Reid said both bills were dead": a quotation closed by a full stop is
    finished; the next sentence's verb carries content of its own (a that-clause, more than a
    few words, another quotation) and is not this quotation's attribution ("“… no more.” Reid
    said." still is)."""
    inner = text[span.start:span.end].rstrip()
    if not inner.endswith(".") or inner.endswith("..") or len(inner.split()) < 4:
        return False  # a word or two ("rated it “True.”") keeps what the next sentence says
    nxt = text[span.close_end:span.close_end + 3].lstrip(" \u00a0")
    if not nxt[:1].isupper():
        return False
    return _OWN_CONTENT.match(text, after[1], limit) is not None


_NEXT_DASH = re.compile(r"[ \u00a0]*\n\s*(?:—|–|-{1,2})[ \u00a0]*(?=[A-Z])")


def _dash_next_paragraph(text: str, span: Span, people):
    """A quotation closing its paragraph, signed on the next line: "— Jane Roe, union leader"."""
    nl = text.find("\n", span.close_end, span.close_end + 400)
    if nl < 0 or text[span.close_end:nl].strip():
        return None
    d = _NEXT_DASH.match(text, span.close_end)
    if d is None:
        return None
    end = text.find("\n", d.end(), d.end() + 200)
    end = min(len(text), d.end() + 200) if end < 0 else end
    if len(text[d.end():end].split()) > 12:
        return None
    nm = _np_after_name(text, d.end(), end, people)
    if nm is None or not text[nm[0]:nm[0] + 1].isupper():
        return None
    return (d.start(), d.end(), nm[0], nm[1], "dash-name")


def _is_name_span(people, span) -> bool:
    """Does ``span`` end with a named person or organisation?"""
    p = people.by_end.get(span[1])
    return p is not None and p.start >= span[0]


def _tight(text: str, span: Span, after) -> bool:
    """``…,” he said``: an attribution hugging the closing mark beats a verb earlier on."""
    if after is None or after[4] not in ("after-cue", "after-inverted") \
            or text[after[0]:after[1]].lower().endswith("ing"):
        return False
    return text[span.end - 1:span.end] in ",?!—" and min(after[0], after[2]) - span.close_end <= 2


def _attribute_nested(text: str, span: Span, outer: Span, outer_attr: _Attr | None,
                      people) -> _Attr:
    """A quotation inside a quotation: a cue inside the outer one ("I said ‘not this week’")."""
    floor = max(outer.start, _sentence_start(text, outer.start, span.open_at))
    hit = cue_before(text, floor, span.open_at, people)
    if hit is None:
        return _Attr(rule="nested")
    a = _from_hit(text, hit, span.close_end)
    who = text[a.spk[0]:a.spk[1]].lower()
    if who in ("i", "we") and outer_attr is not None and outer_attr.spk is not None:
        o = outer_attr
        return _Attr(a.cue, a.cue_start, a.cue_end, o.spk, "nested-self", a.region_end)
    if who in ("he", "she", "they", "it", "you", "i", "we", "me"):
        return _Attr(rule="nested")  # a pronoun inside someone else's words: leave it open
    a.rule = "nested-cue"
    return a
