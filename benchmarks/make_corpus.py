#!/usr/bin/env python3
"""Generate a realistic benchmark corpus of news articles with known truth.

    python benchmarks/make_corpus.py N OUTDIR [--seed S]

Writes N articles (``<outlet>-<nnnnn>.txt`` with YAML front matter: title,
outlet, date, author) about many invented events. Each event has speakers
(invented names with titles: "Foreign Minister Ilsa Varnok", later "Varnok",
"she") and utterances; every outlet covering the event quotes some of them,
with the changes real outlets make: trimmed or extended, a word substituted,
contractions, reordered clauses, and many attribution wordings, including
quotations interrupted by the attribution. Articles also carry scare quotes,
reported speech ("Varnok said that ...", "according to ...") and filler.

``OUTDIR/truth.jsonl`` has one object per quoted span (and per reported claim):
``file``, ``stem``, ``text`` (exactly the characters between the marks),
``start``/``end`` (offsets into the whole file text, front matter included),
``body_start``/``body_end`` (offsets after the front matter), ``kind``
(``speech`` | ``term`` | ``claim``), ``utterance``, ``speaker``, ``piece``,
``mutation``, ``event``. Everything is generated from the word lists below; no
real article is copied. Same N and seed, same bytes.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

GENERATOR_VERSION = 2  # bump when the output changes, so benchmark caches of corpora are remade

W = {k: list(dict.fromkeys(v.split())) for k, v in dict(
    noun="""agreement ceasefire border pipeline tariff election budget reform treaty harbour
    corridor shipment pension refinery reactor vaccine drought harvest loan summit coalition
    parliament ruling inquiry strike union factory railway bridge dam subsidy levy fund embassy
    visa airline fleet patrol convoy census referendum constitution mandate licence quota deficit
    currency wage contract mine forest fishery grid outage network satellite mission hospital
    clinic school curriculum airport canal tunnel highway waterway reservoir warehouse market
    exchange framework roadmap timetable proposal package settlement dialogue partnership
    alliance investment programme strategy blockade embargo charter compact accord memorandum
    mechanism commission tribunal council assembly registry archive audit ferry terminal shipyard
    orchard vineyard cooperative pharmacy laboratory observatory stadium library museum theatre
    garrison checkpoint lighthouse quarry smelter foundry turbine substation pylon aqueduct sewer
    landfill recycling ration voucher stipend bursary scholarship apprenticeship tenancy mortgage
    overdraft dividend royalty tariffs levies pensions bonds ballots recount petition injunction
    verdict appeal amnesty pardon curfew lockdown evacuation shelter relief ambulance brigade
    militia ceasefire truce armistice enclave exclave frontier boundary delta estuary glacier
    meadow pasture irrigation fertiliser seedbank granary silo cattle poultry broadband spectrum
    datacentre encryption passport census ledger""",
    adj="""fair stable secure urgent fragile historic difficult important realistic serious
    temporary permanent generous modest responsible dangerous reckless honest transparent
    balanced sustainable necessary reasonable constructive productive painful decisive cautious
    ambitious practical bold clear strong regional national coastal northern southern eastern
    western rural lasting credible narrow broad costly affordable orderly peaceful open
    complete partial gradual immediate direct final brittle sturdy hollow credible flimsy lopsided
    overdue premature belated provisional binding voluntary mandatory symbolic tangible cosmetic
    sweeping piecemeal lavish frugal opaque candid heavy light quiet noisy crowded empty remote
    central upstream downstream seasonal annual monthly overnight bilateral trilateral federal
    municipal provincial maritime alpine arid humid frozen""",
    verb="""protect restore deliver secure expand reduce rebuild support defend finance
    negotiate review approve reject extend suspend resume guarantee monitor deploy withdraw
    reopen strengthen modernise stabilise repair investigate respect honour implement sign
    ratify enforce abandon delay accelerate share lift impose raise fix replace complete
    renew revise recognise audit dismantle overhaul streamline subsidise privatise nationalise
    tax insure evacuate relocate retrain rehouse compensate reward punish pardon postpone
    outlaw legalise regulate inspect certify license divert irrigate dredge reclaim""",
    time="""tomorrow|next_week|this_spring|before_winter|by_the_end_of_the_year|within_weeks|
    in_the_coming_days|over_the_next_decade|as_soon_as_possible|without_delay|next_month|
    before_the_vote|after_the_holidays|by_the_summer|this_autumn|within_ninety_days|
    in_the_next_session|before_the_deadline|by_early_next_year""".replace("|", " "),
    weekday="Monday Tuesday Wednesday Thursday Friday Saturday Sunday",
    syl1="""ka ve mo ri sa to lu de ba ni ko ma ta re vo zi pe la go ha ju fe ne so ar el
    il or us an ve dra bri sto kle gra tre pla fro""",
    syl2="""ra lo ven mir dor sel kan tis bor len mar vik del ros tan har nel gor zen pal
    vas lin dun ber kos mel tor ran sil""",
    sur_end="""ov ova sen sson ardi etti ton ley ski ska ez eva ic ander mann berg vic ara is
    eau ine ola""",
    place_end="""ia ora stan land mark vale grad burg ar ene ista""",
    outlet_a="""Meridian Harbor Capital Northern Evening Daily Continental Coastal Civic Atlas
    Beacon Ledger Metro Frontier Globe Summit Valley Lantern Pioneer Union""",
    outlet_b="""Post Herald Times Tribune Courier Gazette Observer Chronicle Dispatch Wire
    Review Journal Monitor Record Standard Sentinel""",
).items()}
W["time"] = [t.replace("_", " ") for t in W["time"]]

TITLES = ["Foreign Minister", "Prime Minister", "President", "Defence Minister", "Finance Minister",
          "Interior Minister", "Trade Secretary", "Senator", "Governor", "Mayor", "Ambassador",
          "Energy Minister", "Health Minister", "General", "Chancellor", "Deputy Prime Minister"]
FEMALE_END = "a e ia ina ette elle"
SYNONYMS = dict(fair="just", stable="steady", urgent="pressing", difficult="tough",
                important="vital", serious="grave", necessary="essential", dangerous="risky",
                reasonable="sensible", productive="fruitful", clear="plain", strong="robust",
                costly="expensive", modest="small", historic="landmark", immediate="instant",
                complete="full", lasting="durable", cautious="careful", practical="workable",
                protect="safeguard", restore="revive", reduce="cut", support="back",
                reject="refuse", delay="postpone", approve="endorse", people="citizens",
                progress="headway", ready="prepared", partners="allies", country="nation")
CONTRACTIONS = [("do not", "don't"), ("cannot", "can't"), ("will not", "won't"), ("it is", "it's"),
                ("we are", "we're"), ("we will", "we'll"), ("I have", "I've"), ("is not", "isn't"),
                ("there is", "there's"), ("we have", "we've"), ("are not", "aren't"),
                ("that is", "that's"), ("I am", "I'm"), ("they are", "they're")]
PLURAL_SUBJ = ["we", "our partners", "the people of {place}", "both sides", "our neighbours",
               "the families in {place}", "the workers at the {noun}", "they"]
CLAUSES = [
    "{sp} will {verb} the {adj} {noun} {time}",
    "{sp} are ready to {verb} the {noun} if the {noun2} is {adj} first",
    "there is no {adj} {noun} without a {adj2} {noun2}",
    "the {noun} is {adj}, and it is {adj2}",
    "it is not {adj} to {verb} the {noun} {time}",
    "this {noun} is about the {noun2}, not about the {noun3}",
    "nobody here wants to {verb} the {noun} of {place}",
    "I have told them that the {noun} must be {adj} {time}",
    "{sp} do not accept a {adj} {noun} for {place}",
    "the {noun} in {place} deserves a {adj} {noun2}",
    "we have made {adj} progress on the {noun} and the {noun2}",
    "I think the {noun} is {adj} and the {noun2} is {adj2}",
    "what matters now is a {adj} {noun} for the people of {place}",
    "{sp} should {verb} the {noun} and {verb2} the {noun2}",
    "the {noun} will be {adj} for {place} {time}",
    "there are a few {noun} questions that remain {adj}",
    "we are not going to {verb} the {noun} {time}",
    "the {noun} has been {adj} for too long",
    "I am confident that {sp} will {verb} the {noun2}",
    "{sp} cannot {verb} a {noun} that nobody has seen",
    "my message to {place} is that the {noun} must be {adj}",
    "any {noun} has to {verb} the {noun2} {time}",
    "they are asking us to {verb} the {noun} of {place} and we will not do that",
    "that is why the {noun} needs a {adj} {noun2} {time}",
    "the question of the {noun} cannot wait until the {noun2} is {adj}",
    "our {noun} and their {noun2} are two very {adj} things",
    "the {adj} {noun} we signed with {Country2} is still the best {noun2} we have",
    "if {Country2} wants a {adj} {noun}, it has to {verb} the {noun2} first",
    "we spent {n} days on the {noun} and we will spend {n2} more if we must",
    "every {noun} in {place} depends on a {adj} {noun2}",
    "the last {noun} cost us {n} million and taught us to {verb} the {noun2}",
    "I told my {adj} colleagues that the {noun} would {verb} the {noun2}",
    "no one in {Country} voted for a {adj} {noun} or a {adj2} {noun2}",
    "we owe the families of {place} a {adj} answer on the {noun}",
    "the {noun2} is the price of a {adj} {noun}, and we accept it",
    "let me be clear about the {noun}: it will {verb} the {adj} {noun2}",
    "nobody should confuse a {adj} {noun} with a {adj2} {noun2}",
    "after {n} rounds of talks, the {noun} is finally {adj}",
    "the {noun} was never meant to {verb} the {noun2} of {Country2}",
    "ask the farmers near the {noun} whether the {noun2} is {adj}",
    "history will judge this {noun} by the {adj} {noun2} it leaves behind",
    "you cannot {verb} a {noun} with {n} {noun2} inspectors",
    "we did not come to {place} to {verb} the {adj} {noun}",
    "the {noun} was drafted in {year} and it shows",
]
SPEAKER_VERBS = ["said", "said", "said", "told reporters", "added", "said in a statement",
                 "told the assembly", "insisted", "warned"]
FILLER = [
    "The talks in {place} began on {weekday} and were expected to last {n} days.",
    "{Country} has faced {adj} pressure over its {noun} since {year}.",
    "Analysts say the {noun} could cost as much as {n} billion {currency}.",
    "Negotiators met behind closed doors for {n} hours on {weekday}.",
    "The {noun} has been a source of tension between {Country} and {Country2} for years.",
    "Officials from {n} countries attended the meeting, held at a {adj} venue outside {place}.",
    "Markets in {place} rose {n} percent after the announcement.",
    "A previous round of talks on the {noun} collapsed in {year}.",
    "The {noun} is expected to come before parliament next month.",
    "Protesters gathered outside the {noun} offices in {place} on {weekday} morning.",
    "Details of the {noun} were not made public.",
    "The government in {Country2} did not respond to a request for comment.",
    "Roughly {n} thousand people live near the {noun} in the {adj} district of {place}.",
    "The meeting ended without a joint statement.",
    "Delegations from {Country} and {Country2} arrived in {place} late on {weekday}.",
    "The {noun} was first proposed {n} years ago and has been revised several times since.",
    "Local businesses in {place} have complained that the {noun} was drawn up without them.",
    "The ministry published a {n}-page summary of the {noun} on its website.",
    "Security around the venue was tight, with roads closed for {n} blocks.",
    "Earlier drafts of the {noun} included a {adj} clause on the {noun2}.",
    "Turnout at the last vote in {Country} was {n} percent.",
    "The {adj} {noun} is due to be reviewed by a panel of {n} experts.",
    "Neither delegation gave a date for the next round.",
    "Journalists waited outside the building for most of the afternoon.",
]
SCARE = ["The so-called “{term}” has dominated debate in {place}.",
         "Talk of a “{term}” filled the corridors on {weekday}.",
         "Opposition newspapers in {Country2} mocked the “{term}” in their headlines.",
         "The phrase “{term}” appeared on placards outside the venue."]
REPORTED = ["{ref} said that {clause}.", "According to {ref}, {clause}.",
            "{ref} warned that {clause}.", "{ref} has argued that {clause}.",
            "{ref} told lawmakers that {clause}."]
CONTEXT = ["{ref} spoke to reporters after the meeting.", "{ref} addressed the chamber on {weekday}.",
           "{ref} took questions from journalists at the venue."]


@dataclass
class Speaker:
    first: str
    last: str
    title: str
    gender: str
    used: set[str] = field(default_factory=set, repr=False)  # templates this speaker has used

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}"


@dataclass
class Utterance:
    id: str
    speaker: Speaker
    sentences: list[str]
    key: int  # every printing includes this sentence, so printings always overlap
    weight: float


@dataclass
class Event:
    id: str
    place: str
    country: str
    country2: str
    date: str
    nouns: list[str]
    speakers: list[Speaker]
    utterances: list[Utterance] = field(default_factory=list)
    terms: list[str] = field(default_factory=list)


class Namer:
    """Unique invented names drawn from syllables."""

    def __init__(self, rng: random.Random):
        self.rng, self.used = rng, set()

    def _word(self, parts: int, end: str = "") -> str:
        r = self.rng
        return (r.choice(W["syl1"]) + "".join(r.choice(W["syl2"]) for _ in range(parts - 1)) + end).capitalize()

    def unique(self, make) -> str:
        for _ in range(1000):
            w = make()
            if w not in self.used:
                self.used.add(w)
                return w
        raise RuntimeError("name space exhausted")

    def surname(self) -> str:
        return self.unique(lambda: self._word(self.rng.choice((1, 2, 2)), self.rng.choice(W["sur_end"])))

    def first(self, gender: str) -> str:
        end = self.rng.choice(FEMALE_END.split()) if gender == "f" else self.rng.choice(["", "o", "an", "ek", "or"])
        return self._word(self.rng.choice((1, 2)), end)

    def place(self) -> str:
        return self.unique(lambda: self._word(2, self.rng.choice(W["place_end"])))


def _fill(rng: random.Random, template: str, ev: Event, extra: dict | None = None) -> str:
    def pick(name: str) -> str:
        base = name.rstrip("0123456789")
        if base == "noun":
            return rng.choice(ev.nouns + W["noun"])
        if base == "sp":
            return rng.choice(PLURAL_SUBJ).format(place=ev.place, noun=rng.choice(W["noun"]))
        if base == "place":
            return ev.place
        if base == "Country":
            return ev.country2 if name.endswith("2") else ev.country
        if base == "n":
            return str(rng.randint(2, 90))
        if base == "year":
            return str(rng.randint(1995, 2023))
        if base == "currency":
            return rng.choice(["dollars", "euros", "crowns"])
        if extra and name in extra:
            return extra[name]
        return rng.choice(W[base])

    return re.sub(r"\{(\w+)\}", lambda m: pick(m.group(1)), template)


OPENERS = ["Frankly, ", "Let me be clear: ", "As I said {weekday}, ", "For {n} years, ", "In {place}, ",
           "Today, ", "At the end of the day, ", "Once again, ", "With respect, ", "Believe me, "]
TAILS = [" for the sake of the {adj} {noun}", " whatever {Country2} says about the {noun}",
         " despite the {adj} {noun}", " with our partners in {Country2} and {Country}",
         " in the interest of every {adj} {noun}", " before the {noun} and the {noun2}",
         " and everyone in {place} knows it", " as we promised in {year}", " until the {noun} is {adj}",
         " even if the {noun} takes {n} years", " no matter what the {adj} {noun} costs"]


def _clause(rng: random.Random, ev: Event, used: set[str]) -> str:
    """A clause from a template this speaker has not used yet (distinct utterances stay distinct)."""
    fresh = [c for c in CLAUSES if c not in used] or CLAUSES
    template = rng.choice(fresh)
    used.add(template)
    return _fill(rng, template, ev)


def _sentence(rng: random.Random, ev: Event, used: set[str]) -> str:
    text = _clause(rng, ev, used)
    if rng.random() < 0.3:
        text += rng.choice([", and ", ", but ", " because "]) + _clause(rng, ev, used)
    elif len(text.split()) < 12 or rng.random() < 0.3:  # short sentences get a tail: few share one
        text += _fill(rng, rng.choice(TAILS), ev)
    if rng.random() < 0.25:
        text = _fill(rng, rng.choice(OPENERS), ev) + text
    text = re.sub(r"\b([Aa]) (?=[aeiou])", r"\1n ", text)
    return text[0].upper() + text[1:] + ("!" if rng.random() < 0.03 else ".")


def make_event(rng: random.Random, namer: Namer, idx: int, pool: list[Speaker]) -> Event:
    ev = Event(id=f"e{idx:05d}", place=namer.place(), country=namer.place(), country2=namer.place(),
               date=f"20{rng.randint(18, 25)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
               nouns=rng.sample(W["noun"], 4), speakers=rng.sample(pool, rng.randint(2, 5)))
    for u in range(rng.randint(4, 9)):
        sp = rng.choice(ev.speakers)
        sents = [_sentence(rng, ev, sp.used) for _ in range(rng.choice((1, 2, 2, 3, 3, 4)))]
        ev.utterances.append(Utterance(f"{ev.id}u{u}", sp, sents,
                                       rng.randrange(len(sents)), rng.random() + 0.2))
    ev.terms = sorted({f"{rng.choice(W['adj'])} {rng.choice(ev.nouns)}" for _ in range(rng.randint(1, 3))})
    return ev


# -- mutations -----------------------------------------------------------------------------

def _case_like(src: str, word: str) -> str:
    return word[0].upper() + word[1:] if src[:1].isupper() else word


def _substitute(rng: random.Random, text: str) -> str | None:
    words = [m for m in re.finditer(r"[A-Za-z]+", text) if m.group().lower() in SYNONYMS]
    if not words:
        return None
    for m in sorted(rng.sample(words, min(len(words), rng.choice((1, 1, 2)))), key=lambda m: -m.start()):
        text = text[:m.start()] + _case_like(m.group(), SYNONYMS[m.group().lower()]) + text[m.end():]
    return text


def _contract(rng: random.Random, text: str, apostrophe: str) -> str | None:
    hits = [(m, short) for long, short in CONTRACTIONS
            for m in re.finditer(rf"\b{long}\b", text, flags=re.IGNORECASE)]
    if not hits:
        return None
    m, short = rng.choice(hits)
    return text[:m.start()] + _case_like(m.group(), short.replace("'", apostrophe)) + text[m.end():]


def _reorder(rng: random.Random, sents: list[str]) -> list[str] | None:
    for i, s in enumerate(sents):
        m = re.match(r"(.+?), and (.+)([.!?])$", s)
        if m:
            a, b, end = m.groups()
            new = b[0].upper() + b[1:] + ", and " + a[0].lower() + a[1:] + end
            if a.startswith("I "):
                new = b[0].upper() + b[1:] + ", and " + a + end
            return sents[:i] + [new] + sents[i + 1:]
    if len(sents) >= 2:
        i = rng.randrange(len(sents) - 1)
        return sents[:i] + [sents[i + 1], sents[i]] + sents[i + 2:]
    return None


def printing(rng: random.Random, utt: Utterance, apostrophe: str) -> tuple[list[str], str]:
    """The sentences one outlet prints for an utterance, and the mutation applied."""
    sents, n, k = list(utt.sentences), len(utt.sentences), utt.key
    lo, hi, mutation = 0, n, "verbatim"
    r = rng.random()
    if n > 1 and r < 0.3:  # trimmed (so the fuller printings of others are "extended")
        lo, hi = rng.randint(0, k), rng.randint(k + 1, n)
        if (lo, hi) != (0, n):
            mutation = "trimmed"
    sents = sents[lo:hi]
    r = rng.random()
    changed = None
    if r < 0.2:
        changed, name = [_substitute(rng, " ".join(sents))], "substituted"
    elif r < 0.35:
        changed, name = [_contract(rng, " ".join(sents), apostrophe)], "contracted"
    elif r < 0.43:
        changed, name = _reorder(rng, sents), "reordered"
    if changed and changed[0] is not None:
        sents, mutation = changed, name if mutation == "verbatim" else f"{mutation}+{name}"
    if apostrophe != "'":
        sents = [s.replace("'", apostrophe) for s in sents]
    return sents, mutation


# -- rendering -----------------------------------------------------------------------------

@dataclass
class Outlet:
    name: str
    slug: str
    marks: tuple[str, str]
    apostrophe: str
    punct_inside: bool


class Doc:
    """Text under construction that remembers the offsets of the spans it is told about."""

    def __init__(self, base: int):
        self.parts: list[str] = []
        self.n = base
        self.rows: list[dict] = []
        self.last_speaker: Speaker | None = None
        self.mentioned: set[str] = set()

    def add(self, s: str) -> None:
        self.parts.append(s)
        self.n += len(s)

    def span(self, text: str, marks: tuple[str, str] | None, **info) -> None:
        if marks:
            self.add(marks[0])
        self.rows.append(dict(text=text, start=self.n, end=self.n + len(text), **info))
        self.add(text)
        if marks:
            self.add(marks[1])

    def ref(self, sp: Speaker, rng: random.Random, *, pronoun_ok: bool = False, start: bool = False) -> str:
        """How the article names the speaker here: full with title first, then surname or pronoun."""
        if sp.name not in self.mentioned:
            self.mentioned.add(sp.name)
            self.last_speaker = sp
            return f"{sp.title} {sp.name}"
        pron = pronoun_ok and self.last_speaker is sp and rng.random() < 0.6
        self.last_speaker = sp
        if pron:
            p = "she" if sp.gender == "f" else "he"
            return p.capitalize() if start else p
        return sp.last


def _quote_first(doc: Doc, rng, out: Outlet, text: str, info: dict, sp: Speaker) -> None:
    """“Text,” Varnok said.  /  “Text,” said Varnok.  /  “Text,” she told reporters."""
    end = text[-1]
    body = text[:-1] if end == "." else text
    if end == "." and out.punct_inside:
        body += ","
    doc.span(body, out.marks, **info)
    if end == "." and not out.punct_inside:
        doc.add(",")
    verb = rng.choice(SPEAKER_VERBS)
    if rng.random() < 0.3 and verb == "said":
        doc.add(f" said {doc.ref(sp, rng)}.")
    else:
        doc.add(f" {doc.ref(sp, rng, pronoun_ok=True)} {verb}.")


def _colon_first(doc: Doc, rng, out: Outlet, text: str, info: dict, sp: Speaker) -> None:
    """Varnok said: “Text.”"""
    doc.add(f"{doc.ref(sp, rng, start=True)} {rng.choice(SPEAKER_VERBS)}: ")
    if out.punct_inside:
        doc.span(text, out.marks, **info)
    else:
        doc.span(text[:-1], out.marks, **info)
        doc.add(text[-1])


def _interrupted(doc: Doc, rng, out: Outlet, sents: list[str], info: dict, sp: Speaker) -> bool:
    """“First part,” Varnok said, “and the rest.”  or  “First sentence,” she said. “Next.”"""
    text = " ".join(sents)
    m = re.search(r", (and|but) ", text)
    if len(sents) >= 2 and (m is None or rng.random() < 0.5):
        first, rest, joiner = sents[0], " ".join(sents[1:]), "."
        if first[-1] != ".":
            return False
        first = first[:-1]
    elif m:
        first, rest, joiner = text[:m.start()], text[m.start() + 2:], ","
    else:
        return False
    doc.span(first + ("," if out.punct_inside else ""), out.marks, piece=0, **info)
    if not out.punct_inside:
        doc.add(",")
    doc.add(f" {doc.ref(sp, rng, pronoun_ok=True)} said{joiner} ")
    if out.punct_inside:
        doc.span(rest, out.marks, piece=1, **info)
    else:
        doc.span(rest[:-1], out.marks, piece=1, **info)
        doc.add(rest[-1])
    return True


def quote_paragraph(doc: Doc, rng, out: Outlet, ev: Event, utt: Utterance) -> None:
    sents, mutation = printing(rng, utt, out.apostrophe)
    info = dict(kind="speech", utterance=utt.id, speaker=utt.speaker.name, mutation=mutation, event=ev.id)
    sp, r = utt.speaker, rng.random()
    if r < 0.15 and _interrupted(doc, rng, out, sents, info, sp):
        return
    text = " ".join(sents)
    if r < 0.22:  # attributed by the sentence before it only
        doc.add(_fill(rng, rng.choice(CONTEXT), ev, {"ref": doc.ref(sp, rng, start=True)}) + "\n\n")
        doc.span(text if out.punct_inside else text[:-1], out.marks, piece=0, **info)
        doc.add("" if out.punct_inside else text[-1])
    elif r < 0.5:
        _colon_first(doc, rng, out, text, dict(piece=0, **info), sp)
    else:
        _quote_first(doc, rng, out, text, dict(piece=0, **info), sp)


def filler_paragraph(doc: Doc, rng, out: Outlet, ev: Event) -> None:
    doc.last_speaker = None  # after unrelated prose a pronoun would not say who
    sents = [_fill(rng, t, ev) for t in rng.sample(FILLER, rng.randint(3, 5))]
    scare_at = rng.randrange(len(sents)) if ev.terms and rng.random() < 0.3 else -1
    for i, s in enumerate(sents):
        if i:
            doc.add(" ")
        if i == scare_at:
            t = rng.randrange(len(ev.terms))
            before, after = _fill(rng, rng.choice(SCARE), ev, {"term": "\0"}).split("“\0”")
            doc.add(before)
            doc.span(ev.terms[t], out.marks, kind="term", utterance=f"{ev.id}t{t}", speaker=None,
                     piece=0, mutation="verbatim", event=ev.id)
            doc.add(after)
        else:
            doc.add(s)


REPORTABLE = [c for c in CLAUSES if c.startswith(("the ", "there "))]


def reported_paragraph(doc: Doc, rng, ev: Event) -> None:
    sp = rng.choice(ev.speakers)
    template = rng.choice(REPORTED)
    ref = doc.ref(sp, rng, start=template.startswith("{ref}"))
    before, after = template.format(ref=ref, clause="\0").split("\0")
    clause = _fill(rng, rng.choice(REPORTABLE), ev)
    doc.add(before)
    doc.span(clause, None, kind="claim", utterance=None, speaker=sp.name, piece=0,
             mutation="verbatim", event=ev.id)
    doc.add(after)


def render_article(rng: random.Random, ev: Event, out: Outlet, author: str, date: str) -> tuple[str, list[dict]]:
    verb = rng.choice(W["verb"])
    title = rng.choice([f"{ev.speakers[0].last} vows to {verb} {rng.choice(ev.nouns)} as {ev.place} talks go on",
                        f"{ev.place} talks: {rng.choice(ev.nouns)} at the centre of dispute",
                        f"Leaders in {ev.place} clash over {rng.choice(ev.nouns)}"])
    head = (f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\noutlet: {json.dumps(out.name)}\n"
            f"date: {date}\nauthor: {json.dumps(author, ensure_ascii=False)}\n---\n")
    doc = Doc(len(head))
    if rng.random() < 0.5:
        doc.add(title + "\n\n")
    a, b = (ev.speakers + ev.speakers)[:2]
    doc.add(f"{doc.ref(a, rng)} and {doc.ref(b, rng)} met in {ev.place} on {rng.choice(W['weekday'])} "
            f"for talks on the {ev.nouns[0]}. ")
    filler_paragraph(doc, rng, out, ev)
    k = min(len(ev.utterances), rng.randint(3, 6))
    chosen = _weighted_sample(rng, ev.utterances, k)
    for utt in chosen:
        doc.add("\n\n")
        quote_paragraph(doc, rng, out, ev, utt)
        r = rng.random()
        if r < 0.6:
            doc.add("\n\n")
            filler_paragraph(doc, rng, out, ev)
        elif r < 0.8:
            doc.add("\n\n")
            reported_paragraph(doc, rng, ev)
    for _ in range(rng.randint(2, 5)):
        doc.add("\n\n")
        filler_paragraph(doc, rng, out, ev)
    doc.add("\n")
    return head + "".join(doc.parts), doc.rows


def _weighted_sample(rng: random.Random, items: list[Utterance], k: int) -> list[Utterance]:
    keyed = sorted(items, key=lambda u: rng.random() ** (1.0 / u.weight), reverse=True)
    chosen = set(id(u) for u in keyed[:k])
    return [u for u in items if id(u) in chosen]  # keep the event's order of speaking


def make_outlets(rng: random.Random) -> list[Outlet]:
    outs = []
    for a in W["outlet_a"]:
        for b in rng.sample(W["outlet_b"], 3):
            name = f"The {a} {b}"
            marks = rng.choice([("“", "”")] * 3 + [('"', '"')])
            outs.append(Outlet(name, f"{a}-{b}".lower(), marks,
                               "'" if marks[0] == '"' else rng.choice(["’", "’", "'"]), rng.random() < 0.8))
    return outs


def generate(n: int, seed: int = 0):
    """Yield (file name, text, truth rows) for n articles."""
    import datetime as dt

    rng = random.Random(seed)
    namer, outlets = Namer(rng), make_outlets(rng)
    pool = []
    for _ in range(max(20, n // 3)):
        g = rng.choice("mf")
        pool.append(Speaker(namer.first(g), namer.surname(), rng.choice(TITLES), g))
    made, e = 0, 0
    while made < n:
        ev = make_event(rng, namer, e, pool)
        e += 1
        for out in rng.sample(outlets, min(n - made, rng.randint(3, 8))):
            day = dt.date.fromisoformat(ev.date) + dt.timedelta(days=rng.choice((0, 0, 1, 2)))
            author = f"{namer.first(rng.choice('mf'))} {namer._word(2, rng.choice(W['sur_end']))}"
            text, rows = render_article(rng, ev, out, author, day.isoformat())
            name = f"{out.slug}-{made:05d}.txt"
            made += 1
            yield name, text, rows


def write_corpus(n: int, outdir: Path, seed: int = 0) -> dict:
    """Write the articles and truth.jsonl; return counts."""
    outdir.mkdir(parents=True, exist_ok=True)
    stats = dict(articles=0, bytes=0, speech=0, term=0, claim=0)
    with open(outdir / "truth.jsonl", "w", encoding="utf-8") as truth:
        for name, text, rows in generate(n, seed):
            data = text.encode("utf-8")
            (outdir / name).write_bytes(data)
            body = text.index("\n---\n") + 5
            stem = name.rsplit(".", 1)[0]
            for row in rows:
                row.update(file=name, stem=stem, body_start=row["start"] - body, body_end=row["end"] - body)
                truth.write(json.dumps(row, ensure_ascii=False) + "\n")
                stats[row["kind"]] += 1
            stats["articles"] += 1
            stats["bytes"] += len(data)
    return stats


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int, help="number of articles")
    ap.add_argument("outdir", type=Path)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    stats = write_corpus(args.n, args.outdir, args.seed)
    print(json.dumps(stats), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
