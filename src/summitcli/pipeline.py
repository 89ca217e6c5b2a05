"""From a corpus to records with canonical speakers.

``extract_text`` is a pure function of one document's text (what caches and
external engines such as Dask or Spark can run per document); ``analyse``
runs it over a corpus (cached, in parallel when that pays) and then resolves
speakers across the whole corpus.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, Sequence

from summitcli.corpus import Corpus, Document
from summitcli.gcpause import paused_gc
from summitcli.records import Claim, Extraction, Quote
from summitcli.speakers import SpeakerIndex, build_index, load_aliases

ALIAS_FILES = ("speakers.yaml", "speakers.yml", "aliases.yaml")


def extract_text(text: str, source: str = "doc",
                 skip: Sequence[tuple[int, int]] = ()) -> Extraction:
    """Quotes, claims and named people in one document (speakers document-local)."""
    from summitcli.claims import claims_in_text
    from summitcli.people import people_in_text
    from summitcli.quotes import quotes_in_text

    people = people_in_text(text, skip)
    quotes = quotes_in_text(text, source, skip, people=people)
    claims = claims_in_text(text, source, skip, quotes, people)
    return Extraction(source=source, quotes=tuple(quotes), claims=tuple(claims),
                      people=tuple(people))


def extract_document(doc: Document) -> Extraction:
    return extract_text(doc.text, doc.id, doc.skip)


@dataclass
class Analysis:
    """A corpus after extraction and speaker resolution."""

    documents: list[Document]
    quotes: list[Quote]
    claims: list[Claim]
    speakers: SpeakerIndex
    extractions: list[Extraction]

    def document(self, source: str) -> Document:
        return next(d for d in self.documents if d.id == source)

    def speaker_names(self) -> set[str]:
        """Canonical speakers that have at least one quotation or claim."""
        return {r.speaker for r in (*self.quotes, *self.claims) if r.speaker}

    def dates(self) -> dict[str, str | None]:
        return {d.id: d.date for d in self.documents}


def analyse(corpus: Corpus, *, use_cache: bool = True, aliases: Path | None = None,
            progress: Callable[[int, int], None] | None = None,
            alias_map: dict[str, list[str]] | None = None) -> Analysis:
    """Extract every document (cached, parallel when large) and resolve speakers corpus-wide.

    ``alias_map``: aliases already read with :func:`corpus_aliases` (else read here).
    """
    extractions = extract_all(corpus.documents, use_cache=use_cache, corpus_dir=corpus.root,
                              progress=progress)
    if alias_map is None:
        alias_map = corpus_aliases(corpus, aliases)
    return analyse_extractions(extractions, list(corpus.documents), alias_map)


def analyse_extractions(extractions: list[Extraction], documents: list[Document] | None = None,
                        aliases: dict[str, list[str]] | None = None) -> Analysis:
    """Speaker resolution across a corpus, for extractions made here or elsewhere
    (``compare --from-jsonl``)."""
    with paused_gc():
        index = build_index(extractions, aliases or {})
        quotes = [resolve_record(q, index) for e in extractions for q in e.quotes]
        claims = [resolve_record(c, index) for e in extractions for c in e.claims]
    return Analysis(documents or [], quotes, claims, index, extractions)


def resolve_record(record, index: SpeakerIndex):
    """The record with its speaker replaced by the corpus-wide canonical name
    (the record itself when that changes nothing, as for most records)."""
    name, candidates = index.resolve(record.speaker, record.speaker_mention, record.source)
    if isinstance(record, Quote):
        candidates = candidates if name is None else ()
        if name == record.speaker and candidates == record.candidates:
            return record
        return replace(record, speaker=name, candidates=candidates)
    return record if name == record.speaker else replace(record, speaker=name)


def extract_all(documents: list[Document], *, use_cache: bool = True, corpus_dir: Path | None = None,
                progress: Callable[[int, int], None] | None = None) -> list[Extraction]:
    """Per-document extraction with the on-disk cache and process parallelism."""
    from summitcli.cache import ExtractionCache, digest_key
    from summitcli.parallel import map_documents

    cache = ExtractionCache(enabled=use_cache, corpus_dir=corpus_dir)
    results: list[Extraction | None] = [None] * len(documents)
    todo: list[int] = []
    with paused_gc():
        for i, doc in enumerate(documents):
            results[i] = cache.get_extraction(digest_key(doc.digest), source=doc.id)
            if results[i] is None:
                todo.append(i)
    fresh = map_documents(extract_document, [documents[i] for i in todo],
                          size=lambda d: len(d.text), progress=progress)
    for i, extraction in zip(todo, fresh):
        results[i] = extraction
        cache.put_extraction(digest_key(documents[i].digest), extraction)
    return [r for r in results if r is not None]


def iter_extractions(documents: list[Document], *, use_cache: bool = True,
                     corpus_dir: Path | None = None, chunk: int = 256):
    """``extract_all`` in chunks, yielding each document's extraction as soon as its chunk is done."""
    for start in range(0, len(documents), chunk):
        yield from extract_all(documents[start:start + chunk], use_cache=use_cache,
                               corpus_dir=corpus_dir)


def comparison_key(documents: Sequence[Document], aliases: dict[str, list[str]],
                   sources: Sequence[str], speaker: str | None, min_score: float | None) -> str:
    """Result-cache key of ``summit compare`` over a loaded corpus.

    Its output depends on every document (speakers are resolved corpus-wide): its id,
    content and date (dates order sources); on the aliases, the compared sources in
    order, the speaker query and the matching threshold; and, through
    :func:`summitcli.cache.result_key`, on the code, version and lexicons.
    """
    import json

    from summitcli.cache import result_key

    inputs = {"documents": [[d.id, d.digest, d.date] for d in documents], "aliases": aliases,
              "sources": list(sources), "speaker": speaker, "min_score": min_score}
    return result_key("compare", json.dumps(inputs, ensure_ascii=True, default=str).encode("ascii"))


def corpus_aliases(corpus: Corpus, explicit: Path | None) -> dict[str, list[str]]:
    """The user's speaker aliases: ``explicit``, else speakers.yaml (or aliases.yaml) in the
    corpus folder; problems become warnings in ``corpus.warnings``."""
    paths = [explicit] if explicit else [corpus.root / n for n in ALIAS_FILES]
    for path in paths:
        if path is not None and path.is_file():
            return load_aliases(path, corpus.warnings)
    return {}
