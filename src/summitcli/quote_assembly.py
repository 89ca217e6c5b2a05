"""Turn quoted spans into Quote records: who said each one, and what kind of quotation it is.

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
   (``continuation``).

Pieces of a quotation interrupted by its attribution (``“A,” X said, “b”``) and paragraph
pieces of a multi-paragraph quotation share an utterance id and speaker; a new sentence
after the attribution starts a new utterance.  Quotations nested in a quotation look for a
cue inside it ("I said ‘not this week’" is the outer speaker's own words).

Kinds (``kind_rule`` says which rule decided): ``term`` for so-called/dubbed/known-as
names, words on signs, title-case names and short phrases the author also uses unquoted;
``speech`` for whole sentences (sentence-initial, after a colon or a comma lead-in, long
clauses after "that"); ``fragment`` for words inside the author's sentence.  A term never
carries a speaker: a would-be speaker is kept in ``candidates``.
"""
from __future__ import annotations

import re
from itertools import islice
from typing import Sequence

from .attribution import (_np_after as _np_after_name, _np_before, index_people,
                          resolve_mention, sentence_subject)
from .cues import cue_after, cue_before, possessive_cue
from .people import people_in_text
from .quotes import Span, _sentence_start, paragraphs
from .records import Quote

_TERM_LEAD = re.compile(
    r"(?:so-called|dubbed|nicknamed|titled|entitled|headlined|named|known as|the words?|"
    r"the terms?|the phrase|the slogan|the hashtag|the label|labell?ed|branded|a sign reading|"
    r"signs reading|read|reads|reading|(?:a|an|the)[ \u00a0](?:[\w\-]+[ \u00a0]){0,2}called)[ \u00a0]*$",
    re.I)
# _TERM_LEAD read backwards: it only ever asks whether a prefix *ends* with a term lead, and
# an anchored match on the reversed prefix answers that without trying every start position
_TERM_LEAD_REVERSED = re.compile(
    r"\n?[ \u00a0]*(?:dellac-os|debbud|demankcin|deltit|deltitne|denildaeh|deman|sa nwonk|"
    r"s?drow eht|s?mret eht|esarhp eht|nagols eht|gathsah eht|lebal eht|del?lebal|dednarb|"
    r"gnidaer ngis a|gnidaer sngis|daer|sdaer|gnidaer|"
    r"dellac(?:[ \u00a0][\w\-]+){0,2}[ \u00a0](?:a|na|eht))",
    re.I)


def _ends_with_term_lead(prefix: str) -> bool:
    """``_TERM_LEAD.search(prefix) is not None``, by one anchored match on the reversal."""
    return _TERM_LEAD_REVERSED.match(prefix[::-1]) is not None


_DISPLAY = re.compile(r"\b(?:signs?|banners?|placards?|posters?|billboards?|t-shirts?|shirts?|hats?|"
                      r"caps?|stickers?|plaques?|backdrops?|graffiti|mugs?|buttons?)\b", re.I)
_DESCRIBED_AS = re.compile(r"\b(?:describ|fram|characteri[sz]|portray|depict|cast|paint|hail|tout|"
                           r"prais|criticiz|dismiss|denounc|condemn)\w*\b[^.;:!?“”\"]{0,80}\bas[ \u00a0]*"
                           r"(?:(?:[“\"][^“”\"]{1,60}[”\"],?[ \u00a0]+)(?:and|or)[ \u00a0]+)?$", re.I)
_TITLE_BEFORE = re.compile(r"(?:[’']s|\b(?:on|of|in|at|from|the|watch|watched|read|author|host|"
                           r"anchor|book|film|movie|show|program|programme|column|podcast|series))"
                           r"[ \u00a0]*$", re.I)
_TITLE_AFTER = re.compile(r",?[ \u00a0]+(?:podcast|show|program|programme|book|memoir|film|movie|"
                          r"series|column|album|song|documentary|newsletter|blog|segment)\b")
_GAP = re.compile(r"[^.!?\"“”]{0,40}?[,:;.]?[ \u00a0]*")
_TITLE_WORD = re.compile(r"[A-Z0-9][\w’'\-]*|of|the|and|a|an|in|on|for|to|at|by|with|or|vs\.?")


class _Attr:
    __slots__ = ("cue", "cue_start", "cue_end", "spk", "rule", "region_end")

    def __init__(self, cue=None, cue_start=None, cue_end=None, spk=None, rule="none",
                 region_end=None):
        self.cue, self.cue_start, self.cue_end = cue, cue_start, cue_end
        self.spk, self.rule, self.region_end = spk, rule, region_end


def _from_hit(text: str, hit, region_end=None) -> _Attr:
    cs, ce, ss, se, rule = hit
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
    sub = sentence_subject(text, lo, end, people)
    if sub is not None:
        return _Attr(":", end, end + 1, sub, "colon-subject")
    return None


def _attribute(text: str, span: Span, floor: int, limit: int, masks, para_lo, prev_para,
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
                return _from_hit(text, hit, span.close_end)
            after = _cue_after_closing(text, span, limit, people)
            if not _tight(text, span, after):
                return _from_hit(text, hit, span.close_end)
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


def _cue_after_closing(text: str, span: Span, limit: int, people):
    """A cue after the closing mark, or a signature on the next line."""
    after = cue_after(text, span.close_end, limit, people) if span.close_end < limit else None
    if after is None and not text[span.close_end:limit].strip():
        after = _dash_next_paragraph(text, span, people)
    return after


_ENDS_ON_VERB = re.compile(r"\b[a-z]+(?:ed|s|d)\b[^.!?]{0,25}[.:]$")
_ENDS_ON_VERB_REVERSED = re.compile(r"\n?[.:][^.!?]{0,25}\b(?:de|s|d)[a-z]+\b")  # read backwards


def _ends_on_verb(tail: str) -> bool:
    """``_ENDS_ON_VERB.search(tail) is not None``, by one anchored match on the reversal."""
    return _ENDS_ON_VERB_REVERSED.match(tail[::-1]) is not None
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


def _kind(text: str, span: Span, attr: _Attr, floor: int, recurs) -> tuple[str, str]:
    if span.recovered in ("continued", "pull-quote", "no-opener"):
        return "speech", span.recovered
    body = text[span.start:span.end]
    words = body.split()
    n = len(words)
    q = body.strip(" ,.;:!?\u00a0")
    if span.depth:
        sentence_like = q[:1].isupper() and (n >= 4 or text[span.end - 1:span.end] in ".?!")
        if sentence_like:
            return "speech", "nested"
        return ("fragment" if attr.spk is not None else "term"), "nested"
    prefix = text[floor:max(floor, span.open_at)]
    initial = prefix.strip(" \u00a0—–-(") == "" or span.open_at < 0
    if _ends_with_term_lead(prefix[-40:]):
        return "term", "term-lead"
    if attr.cue and attr.cue.lower() in ("says", "said", "say", "read", "reads", "reading") \
            and _DISPLAY.search(prefix[-120:]):
        return "term", "sign-text"  # words on a sign, a banner, a T-shirt
    titled = n <= 7 and all(_TITLE_WORD.fullmatch(w.strip(",.:;!?")) for w in words) \
        and words and words[0][:1].isupper() and sum(w[:1].isupper() for w in words) >= max(1, n // 2)
    if titled and attr.spk is None and n <= 5:
        return "term", "title-case"
    if titled and 2 <= n <= 6 and q == body.strip() and (
            _TITLE_BEFORE.search(prefix[-30:]) or _TITLE_AFTER.match(text, span.close_end)):
        return "term", "title"  # on MSNBC’s “Morning Joe”, the “Off Message” podcast
    if n <= 3 and attr.spk is None and q and _phrase(q) in recurs:
        return "term", "recurs-unquoted"
    if attr.spk is not None:
        lead = prefix.rstrip()
        upper = q[:1].isupper()
        if initial or lead.endswith(":") or (lead.endswith(",") and (upper or n >= 6)) \
                or (attr.rule == "lead-in" and upper and n >= 4) \
                or (lead.endswith(" that") and n >= 8):
            return "speech", "speech-cue"
        return "fragment", "fragment-cue"
    if _DESCRIBED_AS.search(prefix[-160:]):
        return "fragment", "described-as"  # "frame their talks as “constructive”"
    if initial and n >= 4:
        return "speech", "speech-shape"
    if n >= 8:
        return "fragment", "fragment-long"
    return "term", "unattributed-short"


_TOKEN = re.compile(r"\w+(?:[’']\w+)*")
_GROUP = re.Match.group


def _phrase(text: str) -> tuple[str, ...]:
    return tuple(_TOKEN.findall(text.lower()))


def _short_phrase(text: str) -> tuple[str, ...] | None:
    """``_phrase(text)`` when it has at most three words, else None (without reading on)."""
    words = tuple(map(_GROUP, islice(_TOKEN.finditer(text.lower()), 4)))
    return words if len(words) <= 3 else None


class _Recurrences:
    """``_unquoted_recurrences`` of a document, worked out the first time a phrase is looked
    up (only short unattributed quotations ever ask)."""

    __slots__ = ("args", "found")

    def __init__(self, text: str, spans: Sequence[Span], attrs):
        self.args, self.found = (text, spans, attrs), None

    def __contains__(self, phrase) -> bool:
        if self.found is None:
            self.found = _unquoted_recurrences(*self.args)
        return phrase in self.found


def _unquoted_recurrences(text: str, spans: Sequence[Span], attrs) -> set[tuple[str, ...]]:
    """Short unattributed quoted phrases that also occur in the article without marks.

    One pass over the document's words: each quoted occurrence is subtracted from the total,
    so what is left are the author's own uses of the words ("no deal" ... “no deal”).
    """
    wanted: dict[tuple[str, ...], int] = {}
    phrases = []
    for s in spans:  # only phrases of one to three words can be wanted or counted
        a = attrs.get(id(s))
        ph = _short_phrase(text[s.start:s.end])
        phrases.append(ph)
        if ph and (a is None or a.spk is None) and len("".join(ph)) >= 3:
            wanted[ph] = wanted.get(ph, 0) + 1
    if not wanted:
        return set()
    quoted = {ph: 0 for ph in wanted}
    for ph in phrases:  # every quoted occurrence, attributed or not
        if ph in quoted:
            quoted[ph] += 1
    if len(wanted) <= 64:
        total = _occurrences(text, wanted)
    else:  # many phrases (hostile input): one pass over the words, linear in the text
        total = dict.fromkeys(wanted, 0)
        toks = _TOKEN.findall(text.lower())
        lengths = sorted({len(ph) for ph in wanted})
        for i in range(len(toks)):
            for n in lengths:
                ph = tuple(toks[i:i + n])
                if ph in total:
                    total[ph] += 1
    return {ph for ph in wanted if total[ph] > quoted[ph]}


_TOKEN_GAP = re.compile(r"[^\w’']+")
_APOS = "’'"
_NOT_EDGE = "_’'"


def _occurrences(text: str, wanted) -> dict[tuple[str, ...], int]:
    """How often each phrase in ``wanted`` occurs as whole words, quoted or not.

    No per-document regex to compile: the first words (at most 64) are found with
    ``str.find``, then the words after each hit are read.  Words
    are separated by anything but word characters and apostrophes; at one position the
    longest phrase wins and occurrences do not overlap.
    """
    total = dict.fromkeys(wanted, 0)
    low = text.lower()
    if len(low) != len(text):
        low = text  # a character whose lower case is longer: keep the offsets
    longest = max(len(ph) for ph in wanted)
    multi = {ph[0] for ph in wanted if len(ph) > 1}
    firsts = {ph[0] for ph in wanted}
    hits = []
    for w in firsts:
        k = low.find(w)
        while k >= 0:
            hits.append((k, w))
            k = low.find(w, k + 1)
    hits.sort()
    n_low = len(low)
    cur = 0
    for a, w in hits:
        e = a + len(w)
        if a < cur or (a > 0 and (low[a - 1].isalnum() or low[a - 1] in _NOT_EDGE)) \
                or (e < n_low and (low[e].isalnum() or low[e] in _NOT_EDGE)):
            continue  # inside a longer word
        if w in multi:
            words, ends = [w], [e]
            while len(words) < longest:
                g = _TOKEN_GAP.match(low, ends[-1])
                m = _TOKEN.match(low, g.end()) if g is not None else None
                if m is None:
                    break
                words.append(m.group())
                ends.append(m.end())
            longer = False
            for n in range(len(words), 1, -1):
                ph = tuple(words[:n])
                if ph in total and not (ends[n - 1] < n_low and low[ends[n - 1]] in _APOS):
                    total[ph] += 1
                    cur, longer = ends[n - 1], True
                    break
            if longer:
                continue
        if (w,) in total:
            total[(w,)] += 1
            cur = e
    return total


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
        if prev is not None and _same_utterance(text, prev, s):
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
            if speaker is None and mention.lower() in {"he", "she", "they", "it", "who"}:
                cands = _candidates(text, people, ss)
        u = utt_ids.setdefault(s.utterance, len(utt_ids))
        out.append(Quote(  # positional (in field order): quicker than keywords
            f"{source}:q{n + 1}", source, text[s.start:s.end], s.start, s.end, kind, kind_rule,
            speaker, mention, ss, se, a.cue, rule, f"{source}:u{u + 1}", s.para, cands,
            _marks_of(text, s)))
    return out


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
