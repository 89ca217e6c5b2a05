"""What the ``summit`` commands share: load and analyse a corpus, filter and emit records.

Helpers only (no Typer commands): load a corpus and run the analysis with a
progress bar, pick records by source, speaker and quotation marks, write rows as
JSON or JSON lines, and the two ways ``compare`` gets its input (a corpus folder
through the result cache, or a records file). Like :mod:`summitcli.cli`, this
module imports nothing heavy at import time: the library is imported inside the
functions that need it.
"""
from __future__ import annotations

from contextlib import contextmanager
from enum import Enum
from pathlib import Path

from summitcli.errors import NotFoundError
from summitcli.house_style import in_double_marks, single_marked_sources
from summitcli.output import Format, Output


class Marks(str, Enum):
    auto = "auto"
    any = "any"
    double = "double"
    single = "single"


def marks_match(marks: str, wanted: "Marks | None") -> bool:
    """Is a quotation printed in the wanted kind of marks? Unmarked pull-quotes count as double."""
    if wanted in (None, Marks.any):
        return True
    return in_double_marks(marks) == (wanted is Marks.double)


def _pick_marks(quotes: list, wanted: Marks, every_quote: list) -> list:
    """Quotations printed in the wanted marks; ``auto``: in each document's house style
    (double marks, or any marks in a document that prints its speech in single marks),
    judged from all of the document's quotations (``every_quote``), not just those picked."""
    if wanted is not Marks.auto:
        return [q for q in quotes if marks_match(q.marks, wanted)]
    single_style = single_marked_sources(every_quote)
    return [q for q in quotes if q.source in single_style or in_double_marks(q.marks)]


def _load(out: Output, corpus: Path | None):
    from summitcli.corpus import load_corpus

    loaded = load_corpus(corpus)
    for warning in loaded.warnings:
        out.warn(warning)
    return loaded


def _analyse(out: Output, corpus: Path | None, no_cache: bool, aliases: Path | None):
    from summitcli.pipeline import analyse

    loaded = _load(out, corpus)
    seen = len(loaded.warnings)
    with _progress(out, len(loaded)) as progress:
        result = analyse(loaded, use_cache=not no_cache, aliases=aliases, progress=progress)
    for warning in loaded.warnings[seen:]:
        out.warn(warning)
    return loaded, result


@contextmanager
def _progress(out: Output, total: int):
    """A progress bar on stderr for long runs, only when stderr is a terminal."""
    if total < 200 or not out.stderr_is_terminal():
        yield None
        return
    from rich.progress import Progress

    with Progress(console=out.err_console, transient=True) as bar:
        task = bar.add_task("extracting", total=total)
        yield lambda done, _total: bar.update(task, completed=done)


def _speaker_filter(result, speaker: str | None) -> list[str] | None:
    if not speaker:
        return None
    active = result.speaker_names()
    names = result.speakers.match(speaker, among=active)
    if names:
        return names
    hint = result.speakers.suggestions(speaker, among=active)
    did_you_mean = f"; did you mean {', '.join(hint)}?" if hint else ""
    raise NotFoundError(f"no speaker matches {speaker!r}{did_you_mean}")


def _select(records, sources: list[str] | None, speakers: list[str] | None) -> list:
    """Records from the chosen sources by the chosen speakers (None: no filter)."""
    return [r for r in records if (sources is None or r.source in sources)
            and (speakers is None or r.speaker in speakers)]


def _sources(loaded, refs: list[str] | None) -> list[str] | None:
    return [d.id for d in loaded.select(refs)] if refs else None


def _emit(out: Output, fmt: Format, rows: list[dict]) -> None:
    if fmt is Format.JSON:
        out.json(rows)
    else:
        out.jsonl(rows)


def _corpus_comparison(out: Output, corpus: Path | None, ids: list[str] | None,
                       speaker: str | None, min_score: float | None, no_cache: bool,
                       aliases: Path | None):
    """``compare`` over a corpus folder through the result cache: ``(comparison, save)``,
    ``save`` storing a freshly computed comparison (None after a hit or with --no-cache).

    The key (``pipeline.comparison_key``) needs only the loaded documents and the
    aliases, so a hit skips reading extractions, speaker resolution and matching.
    """
    from summitcli.cache import ResultCache
    from summitcli.compare import compare as run_compare, pack_comparison, unpack_comparison
    from summitcli.gcpause import paused_gc
    from summitcli.pipeline import analyse, comparison_key, corpus_aliases

    loaded = _load(out, corpus)
    seen = len(loaded.warnings)
    alias_map = corpus_aliases(loaded, aliases)
    for warning in loaded.warnings[seen:]:
        out.warn(warning)
    chosen = [d.id for d in loaded.select(ids)]
    store = ResultCache(enabled=not no_cache, corpus_dir=loaded.root)
    if store.enabled:
        key = comparison_key(loaded.documents, alias_map, chosen, speaker, min_score)
        with paused_gc():  # millions of small objects, none cyclic
            comparison = store.get(key, decode=unpack_comparison)
        if comparison is not None:
            return comparison, None
    with _progress(out, len(loaded)) as progress:
        result = analyse(loaded, use_cache=not no_cache, progress=progress, alias_map=alias_map)
    comparison = run_compare(result.quotes, result.claims, chosen, result.dates(),
                             speaker=_speaker_filter(result, speaker), min_score=min_score)
    if not store.enabled:
        return comparison, None
    return comparison, lambda: store.put(key, pack_comparison(comparison))


def _from_jsonl(path: Path, ids: list[str] | None, aliases: Path | None):
    from summitcli.jsonl import read_extractions
    from summitcli.pipeline import analyse_extractions
    from summitcli.corpus import resolve_id
    from summitcli.speakers import load_aliases

    extractions, documents = read_extractions(path)
    alias_map = load_aliases(aliases, []) if aliases else {}
    result = analyse_extractions(extractions, documents, alias_map)
    known = [e.source for e in extractions]
    chosen = [resolve_id(i, known) for i in ids] if ids else known
    return result, chosen
