"""The ``summit`` command line: options, commands and exit codes.

A thin layer: each command parses options, calls the library and hands plain
records to a renderer. Heavy modules (the extractors, the matcher, rich tables)
are imported inside the commands that need them, so start-up stays cheap. What
several commands share (loading and analysing a corpus, filters, emitting rows)
is in :mod:`summitcli.cli_support`.
"""
from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from summitcli.cli_support import (  # noqa: F401 (marks_match: re-exported)
    Marks, _analyse, _corpus_comparison, _emit, _from_jsonl, _load, _pick_marks, _progress,
    _select, _sources, _speaker_filter, marks_match)
from summitcli.errors import ExitCode, SummitError
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
        "--marks", help="Which quotation marks count: auto (the default: double marks “…” "
        "\"…\" «…» „…“, or any marks in a document that prints its speech in single marks), "
        "double, single (‘…’ '…' ''…'': nested quotes, headline style, plain-text "
        "conversions) or any.",
        case_sensitive=False)] = Marks.auto,
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
        rows = _pick_marks(picked, marks, result.quotes)
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
