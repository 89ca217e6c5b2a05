"""The ``summit`` command line: options, commands and exit codes.

A thin layer: each command parses options, calls the library and hands plain
records to a renderer. Heavy modules (the extractors, the matcher, rich tables)
are imported inside the commands that need them, so start-up stays cheap.
"""
from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from summitcli.errors import ExitCode, NotFoundError, SummitError
from summitcli.output import Format, Output, pick_format

app = typer.Typer(
    name="summit",
    help="Compare news coverage: who was quoted, who said what, and where outlets agree, "
    "diverge, or print the same statement in different words.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
cache_app = typer.Typer(help="Manage the extraction cache.", no_args_is_help=True,
                        rich_markup_mode=None)
app.add_typer(cache_app, name="cache")

# -- options shared by every command (defined once) -----------------------------
CorpusOpt = Annotated[Optional[Path], typer.Option(
    "--corpus", "-c", envvar="SUMMIT_CORPUS", show_envvar=True,
    help="Folder of .txt/.md articles (default: the bundled seed corpus).")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print one JSON document on stdout.")]
JsonlOpt = Annotated[bool, typer.Option("--jsonl", help="Print one JSON record a line.")]
NoCacheOpt = Annotated[bool, typer.Option("--no-cache", help="Do not read or write the cache.")]
AliasesOpt = Annotated[Optional[Path], typer.Option(
    "--aliases", help="YAML file of speaker aliases ('Name: [variant, ...]'); default: "
    "speakers.yaml in the corpus folder.")]
SourceOpt = Annotated[Optional[list[str]], typer.Option(
    "--source", "-s", help="Only this source id (repeatable; a unique prefix is enough).")]


class Marks(str, Enum):
    any = "any"
    double = "double"
    single = "single"


DOUBLE_MARKS = frozenset('"“”„‟«»')


def marks_match(marks: str, wanted: "Marks | None") -> bool:
    """Is a quotation printed in the wanted kind of marks? Unmarked pull-quotes count as double."""
    if wanted in (None, Marks.any):
        return True
    double = not marks or any(ch in DOUBLE_MARKS for ch in marks)
    return double if wanted is Marks.double else not double


class Kind(str, Enum):
    speech = "speech"
    fragment = "fragment"
    term = "term"
    all = "all"


@contextmanager
def command(as_json: bool = False, as_jsonl: bool = False):
    """Run a command body: pick the format, turn errors into one line and an exit code."""
    out = Output()
    try:
        yield out, pick_format(as_json, as_jsonl)
    except SummitError as exc:
        out.error(str(exc))
        raise typer.Exit(int(exc.exit_code)) from None
    except BrokenPipeError:  # the reader went away (| head): not an error
        _quiet_stdout()
        raise typer.Exit(int(ExitCode.OK)) from None


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


# -- commands -----------------------------------------------------------------
@app.command()
def sources(corpus: CorpusOpt = None, as_json: JsonOpt = False, as_jsonl: JsonlOpt = False,
            no_cache: NoCacheOpt = False) -> None:
    """List the articles in the corpus: id, title, outlet, date, words, quotes."""
    with command(as_json, as_jsonl) as (out, fmt):
        loaded, result = _analyse(out, corpus, no_cache, None)
        counts: dict[str, int] = {}
        for q in result.quotes:
            if q.kind != "term":
                counts[q.source] = counts.get(q.source, 0) + 1
        rows = [{**d.to_dict(), "quotes": counts.get(d.id, 0)} for d in loaded.documents]
        if fmt is Format.TABLE:
            from summitcli.render.tables import sources_table

            sources_table(out.console, rows)
        else:
            _emit(out, fmt, rows)


@app.command()
def quotes(
    speaker: Annotated[Optional[str], typer.Argument(
        help="Only quotations by this speaker (fuzzy, case-insensitive).")] = None,
    source: SourceOpt = None,
    kind: Annotated[Optional[Kind], typer.Option(
        "--kind", "-k", help="speech, fragment, term, or all (default: speech and fragment).",
        case_sensitive=False)] = None,
    marks: Annotated[Marks, typer.Option(
        "--marks", help="Which quotation marks count: double (“…” \"…\" «…» „…“, the default), "
        "single (‘…’ '…' ''…'': nested quotes, headline style, plain-text conversions) or any.",
        case_sensitive=False)] = Marks.double,
    corpus: CorpusOpt = None, as_json: JsonOpt = False, as_jsonl: JsonlOpt = False,
    no_cache: NoCacheOpt = False, aliases: AliasesOpt = None,
) -> None:
    """Quotations and who said them, grouped by speaker."""
    with command(as_json, as_jsonl) as (out, fmt):
        loaded, result = _analyse(out, corpus, no_cache, aliases)
        chosen = _sources(loaded, source)
        names = _speaker_filter(result, speaker)
        kinds = {"speech", "fragment"} if kind is None else (
            {"speech", "fragment", "term"} if kind is Kind.all else {kind.value})
        picked = [q for q in _select(result.quotes, chosen, names) if q.kind in kinds]
        rows = [q for q in picked if marks_match(q.marks, marks)]
        hidden = len(picked) - len(rows)
        if fmt is Format.TABLE:
            from summitcli.render.tables import quotes_table

            quotes_table(out.console, rows, result.dates(), hidden=hidden)
        else:
            _emit(out, fmt, [q.to_dict() for q in rows])


@app.command()
def claims(
    speaker: Annotated[Optional[str], typer.Argument(
        help="Only claims by this speaker (fuzzy, case-insensitive).")] = None,
    source: SourceOpt = None,
    corpus: CorpusOpt = None, as_json: JsonOpt = False, as_jsonl: JsonlOpt = False,
    no_cache: NoCacheOpt = False, aliases: AliasesOpt = None,
) -> None:
    """Attributed claims: reported speech ("X insisted that ...", "according to Y ...")."""
    with command(as_json, as_jsonl) as (out, fmt):
        loaded, result = _analyse(out, corpus, no_cache, aliases)
        chosen = _sources(loaded, source)
        names = _speaker_filter(result, speaker)
        rows = _select(result.claims, chosen, names)
        if fmt is Format.TABLE:
            from summitcli.render.tables import claims_table

            claims_table(out.console, rows)
        else:
            _emit(out, fmt, [c.to_dict() for c in rows])


@app.command()
def speakers(
    source: SourceOpt = None,
    corpus: CorpusOpt = None, as_json: JsonOpt = False, as_jsonl: JsonlOpt = False,
    no_cache: NoCacheOpt = False, aliases: AliasesOpt = None,
) -> None:
    """Each canonical speaker, the names they appear under, and quote counts per source."""
    with command(as_json, as_jsonl) as (out, fmt):
        loaded, result = _analyse(out, corpus, no_cache, aliases)
        chosen = _sources(loaded, source)
        from summitcli.report import speaker_rows

        rows = speaker_rows(result, chosen)
        if fmt is Format.TABLE:
            from summitcli.render.tables import speakers_table

            speakers_table(out.console, rows, chosen or [d.id for d in loaded.documents])
        else:
            _emit(out, fmt, rows)


@app.command()
def show(
    source_id: Annotated[str, typer.Argument(metavar="ID", help="The article's source id.")],
    corpus: CorpusOpt = None, as_json: JsonOpt = False,
    no_cache: NoCacheOpt = False, aliases: AliasesOpt = None,
) -> None:
    """The article as a reader sees it, each quotation highlighted with its speaker."""
    with command(as_json) as (out, fmt):
        loaded, result = _analyse(out, corpus, no_cache, aliases)
        doc = loaded.get(source_id)
        doc_quotes = [q for q in result.quotes if q.source == doc.id]
        doc_claims = [c for c in result.claims if c.source == doc.id]
        if fmt is Format.TABLE:
            from summitcli.render.tables import show_document

            show_document(out.console, doc, doc_quotes, doc_claims)
        else:
            out.json({**doc.to_dict(), "text": doc.text,
                      "skip": [list(r) for r in doc.skip],
                      "quotes": [q.to_dict() for q in doc_quotes],
                      "claims": [c.to_dict() for c in doc_claims]})


@app.command()
def compare(
    ids: Annotated[Optional[list[str]], typer.Argument(
        metavar="[ID]...", help="Sources to compare (default: the whole corpus).")] = None,
    speaker: Annotated[Optional[str], typer.Option(
        "--speaker", help="Only statements by this speaker.")] = None,
    min_score: Annotated[Optional[float], typer.Option(
        "--min-score", min=0, max=100, help="Matching threshold, 0-100 (higher: stricter).")] = None,
    from_jsonl: Annotated[Optional[Path], typer.Option(
        "--from-jsonl", help="Read records written by 'summit extract --jsonl' ('-' = stdin) "
        "instead of extracting a corpus.")] = None,
    corpus: CorpusOpt = None, as_json: JsonOpt = False, as_jsonl: JsonlOpt = False,
    no_cache: NoCacheOpt = False, aliases: AliasesOpt = None,
) -> None:
    """Where sources agree, diverge, or quote the same statement differently."""
    with command(as_json, as_jsonl) as (out, fmt):
        from summitcli.compare import compare as run_compare

        save = None
        if from_jsonl is not None:
            result, chosen = _from_jsonl(from_jsonl, ids, aliases)
            comparison = run_compare(result.quotes, result.claims, chosen, result.dates(),
                                     speaker=_speaker_filter(result, speaker), min_score=min_score)
            del result  # the extractions need not outlive the comparison
        else:
            comparison, save = _corpus_comparison(out, corpus, ids, speaker, min_score, no_cache,
                                                  aliases)
        try:
            if fmt is Format.TABLE:
                from summitcli.render.compare_view import render_comparison

                render_comparison(out.console, comparison)
            elif fmt is Format.JSON:
                out.json(comparison.to_dict())
            else:
                out.jsonl(s.to_dict() for s in comparison.statements)
        finally:
            if save is not None:  # after the output: the reader need not wait, nor memory peak
                save()


@app.command()
def search(
    phrase: Annotated[str, typer.Argument(help="Words to look for in every quotation.")],
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="Most results.")] = 20,
    source: SourceOpt = None,
    corpus: CorpusOpt = None, as_json: JsonOpt = False, as_jsonl: JsonlOpt = False,
    no_cache: NoCacheOpt = False, aliases: AliasesOpt = None,
) -> None:
    """Who said it, where, and in which wordings: fuzzy search over all quotations."""
    with command(as_json, as_jsonl) as (out, fmt):
        from summitcli.matching import search_quotes

        loaded, result = _analyse(out, corpus, no_cache, aliases)
        chosen = _sources(loaded, source)
        pool = [q for q in result.quotes if chosen is None or q.source in chosen]
        hits = search_quotes(pool, phrase, limit=limit)
        if fmt is Format.TABLE:
            from summitcli.render.compare_view import render_search

            render_search(out.console, hits)
        else:
            _emit(out, fmt, [{**q.to_dict(), "score": round(score, 1)} for q, score in hits])


@app.command()
def extract(
    corpus: CorpusOpt = None,
    as_jsonl: Annotated[bool, typer.Option(
        "--jsonl", help="One document's records a line (the default and only format).")] = True,
    no_cache: NoCacheOpt = False,
) -> None:
    """Stream each document's records (quotes, claims, people) as one JSON line.

    Speakers are document-local here; 'summit compare --from-jsonl' resolves
    them across the corpus.
    """
    with command() as (out, _fmt):
        from summitcli.pipeline import iter_extractions

        loaded = _load(out, corpus)
        docs = {d.id: d for d in loaded.documents}
        for extraction in iter_extractions(loaded.documents, use_cache=not no_cache,
                                           corpus_dir=loaded.root):
            doc = docs[extraction.source]
            out.jsonl([{**extraction.to_dict(), "date": doc.date, "title": doc.title,
                        "outlet": doc.outlet}])


@cache_app.command("clear")
def cache_clear() -> None:
    """Delete every cached extraction and comparison."""
    with command() as (out, _fmt):
        from summitcli.cache import clear_all

        removed = clear_all()
        out.info(f"removed {removed} cached file(s)")


@cache_app.command("path")
def cache_path() -> None:
    """Print where the cache lives (extract/ and results/ inside it)."""
    with command() as (out, _fmt):
        from summitcli.cache import default_cache_dir

        out.stdout.write(f"{default_cache_dir()}\n")


# -- helpers ------------------------------------------------------------------
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


def main() -> None:
    """Console entry point: no tracebacks for users, quiet on a closed pipe."""
    try:
        app(prog_name="summit")
    except BrokenPipeError:
        _quiet_stdout()
        sys.exit(int(ExitCode.OK))
    except KeyboardInterrupt:
        sys.stderr.write("interrupted\n")
        sys.exit(130)
    except SummitError as exc:  # raised outside a command body
        Output().error(str(exc))
        sys.exit(int(exc.exit_code))
    except Exception as exc:  # a bug: one line unless SUMMIT_DEBUG is set
        if os.environ.get("SUMMIT_DEBUG"):
            raise
        Output().error(f"internal error: {type(exc).__name__}: {exc} "
                       "(set SUMMIT_DEBUG=1 for a traceback)")
        sys.exit(int(ExitCode.INTERNAL))


def _quiet_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
