"""Terminal views of a :class:`~summitcli.compare.Comparison` and of search results.

Every piece of article text goes through :func:`summitcli.render.safe.safe_text` and is
only ever placed in ``rich.text.Text`` objects: never markup, never raw escapes.
"""
from __future__ import annotations

from collections import defaultdict

from rich.console import Console
from rich.table import Table
from rich.text import Text

from .safe import safe_text

RELATION_STYLE = {"verbatim": "green", "excerpt": "cyan", "variant": "yellow",
                  "paraphrase": "magenta", "conflict": "bold red", "single": "dim"}
OP_STYLE = {"insert": "green", "replace": "yellow", "delete": "red"}
CELL = {"quoted": ("●", "green"), "reworded": ("◐", "yellow"), None: ("·", "dim")}
MAX_MATRIX_SOURCES = 12
MAX_MATRIX_ROWS = 60
MAX_BALANCE_SPEAKERS = 15


def _label(comparison, source: str) -> Text:
    date = comparison.dates.get(source)
    text = safe_text(source, "bold")
    if date:
        text.append(f" ({date})", style="dim")
    return text


def _header(st) -> Text:
    head = Text()
    head.append(st.id, style="bold")
    head.append("  ")
    head.append(st.relation, style=RELATION_STYLE.get(st.relation, ""))
    if st.score is not None and st.relation != "verbatim":
        head.append(f" {st.score:.0f}", style="dim")
    if st.speakers:
        head.append("  ")
        head.append_text(safe_text(" / ".join(st.speakers), "bold"))
    return head


def _wording(ops: list[dict], side: str) -> Text:
    """A wording coloured by ``ops`` (a member against the fullest wording).

    ``side="words"`` shows the member's own words (added ones green, changed yellow);
    ``side="base"`` shows the fullest wording (words the member lacks red, changed yellow).
    Each side shows only its own words, so the text stays readable without colour.
    """
    skip = "delete" if side == "words" else "insert"
    out = Text()
    for op in ops:
        words = op[side]
        if op["op"] == skip or not words:
            continue
        if out:
            out.append(" ")
        style = OP_STYLE.get(op["op"], "") if op["op"] != "delete" else "red"
        out.append_text(safe_text(" ".join(words), style))
    return out


def diff_line(ops: list[dict]) -> Text:
    """One wording against the fullest, wdiff style: ``[-fullest's words-]{+this one's+}``.

    The brackets make the change readable without colour (pipes, NO_COLOR).
    """
    out = Text()
    for op in ops:
        if out:
            out.append(" ")
        base, words = " ".join(op["base"]), " ".join(op["words"])
        if op["op"] == "equal":
            out.append_text(safe_text(words, "dim"))
            continue
        if base:
            out.append("[-", style="red")
            out.append_text(safe_text(base, "red strike"))
            out.append("-]", style="red")
        if words:
            out.append("{+", style="green")
            out.append_text(safe_text(words, "green"))
            out.append("+}", style="green")
    return out


def _diff_lines(console: Console, st) -> None:
    """For reworded statements, each changed wording as a word diff against the fullest."""
    if st.relation not in ("variant", "excerpt", "conflict"):
        return
    for d in st.diff:
        if d.get("base") or all(op["op"] == "equal" for op in d["ops"]):
            continue
        line = Text("  diff ", style="dim")
        line.append_text(safe_text(d["source"], "bold"))
        line.append(": ")
        line.append_text(diff_line(d["ops"]))
        console.print(line)


def _claim_text(claim) -> Text:
    """The cue, then the content; a cue printed inside the content ("there was, as X put it,
    no deal") is not printed twice."""
    if claim.start <= claim.cue_start and claim.cue_end <= claim.end:
        return safe_text(claim.text, "italic")
    if claim.cue_start >= claim.end:  # "…, according to X" / "…, as X put it": the article's order
        tail = claim.cue
        if claim.speaker_mention and claim.speaker_start is not None and claim.speaker_start >= claim.cue_end:
            tail += f" {claim.speaker_mention}"
        text = safe_text(claim.text, "italic")
        text.append_text(safe_text(f" {tail}", "italic dim"))
        return text
    text = safe_text(f"{claim.cue} ", "italic dim")
    text.append_text(safe_text(claim.text, "italic"))
    return text


def _source_cell(st, source: str) -> Text:
    """What ``source`` printed of statement ``st``: its wordings, then its reported claims.

    The fullest wording is coloured against the first member from another source, every
    other wording against the fullest.
    """
    base = next((d for d in st.diff if d.get("base")), None)
    other = next((d for d in st.diff if base and d["source"] != base["source"]), None)
    parts = []
    for d in st.diff:
        if d["source"] != source:
            continue
        if d is base and other is not None:
            parts.append(_wording(other["ops"], "base"))
        else:
            parts.append(_wording(d["ops"], "words"))
    if not st.diff:
        parts = [safe_text(" … ".join(q.text for q in st.quotes if q.source == source))]
    parts += [_claim_text(c) for c in st.claims if c.source == source]
    cell = Text()
    for part in parts:
        if part.plain:
            if cell:
                cell.append("\n")
            cell.append("“")
            cell.append_text(part)
            cell.append("”")
    return cell or Text("—", style="dim")


def _two_sources(console: Console, comparison) -> None:
    a, b = comparison.sources
    for st in comparison.statements:
        console.print(_header(st))
        grid = Table.grid(padding=(0, 2), expand=True)
        grid.add_column(ratio=1)
        grid.add_column(ratio=1)
        grid.add_row(_label(comparison, a), _label(comparison, b))
        grid.add_row(_source_cell(st, a), _source_cell(st, b))
        console.print(grid)
        _diff_lines(console, st)
        console.print()


def _many_sources(console: Console, comparison) -> None:
    for st in comparison.statements:
        console.print(_header(st))
        line = Text("  ")
        for i, src in enumerate(st.sources):
            if i:
                line.append(" → ", style="dim")
            mark, style = CELL[st.wordings.get(src)]
            line.append(mark + " ", style=style)
            line.append_text(safe_text(src))
        console.print(line)
        body = Text("  “")
        body.append_text(safe_text(st.text))
        body.append("”")
        console.print(body)
        _diff_lines(console, st)
        console.print()


def _only(console: Console, comparison) -> None:
    for src in comparison.sources:
        singles = comparison.only.get(src, ())
        if not singles:
            continue
        title = Text("Only in ")
        title.append_text(_label(comparison, src))
        title.append(f"  ({len(singles)})", style="dim")
        console.rule(title, align="left")
        by_speaker: dict[str, list] = defaultdict(list)
        for st in singles:
            by_speaker[st.speakers[0] if st.speakers else ""].append(st)
        for speaker in sorted(by_speaker, key=lambda s: (not s, -len(by_speaker[s]), s)):
            console.print(safe_text(speaker or "(no speaker)", "bold"))
            items = Table.grid(padding=(0, 1))
            items.add_column(no_wrap=True)
            items.add_column(ratio=1)
            for st in by_speaker[speaker]:
                if st.quotes:
                    item = Text("“")
                    item.append_text(safe_text(st.text, "dim" if st.kind == "term" else ""))
                    item.append("”")
                else:
                    item = _claim_text(st.claims[0])
                items.add_row(Text("  •"), item)
            console.print(items)
        console.print()


def _summary(console: Console, comparison) -> None:
    s = comparison.summary
    line = Text()
    parts = [("shared statement", s["shared"], "bold"), ("verbatim", s["verbatim"], "green"),
             ("excerpt", s["excerpt"], "cyan"), ("reworded", s["reworded"], "yellow"),
             ("conflict", s["conflicts"], "bold red" if s["conflicts"] else "")]
    for i, (name, value, style) in enumerate(parts):
        if i:
            line.append(" · ", style="dim")
        line.append(str(value), style=style)
        plural = "s" if value != 1 and name not in ("verbatim", "reworded") else ""
        line.append(f" {name}{plural}")
    console.print(line)
    for conflict in comparison.conflicts:
        text = Text(f"  {conflict.id} ", style="bold red")
        credited = defaultdict(list)
        for q in conflict.quotes:
            if q.speaker and q.source not in credited[q.speaker]:
                credited[q.speaker].append(q.source)
        text.append_text(safe_text("; ".join(f"{k}: {', '.join(v)}" for k, v in credited.items())))
        console.print(text)


def _coverage(console: Console, comparison) -> None:
    sources = comparison.sources[:MAX_MATRIX_SOURCES]
    table = Table(title="Coverage", title_justify="left", show_edge=False, pad_edge=False)
    width = console.width - 10 - sum(min(len(src), 10) + 3 for src in sources)
    table.add_column("", no_wrap=True, min_width=3)
    table.add_column("statement", overflow="ellipsis", no_wrap=True,
                     max_width=max(12, min(width, 60)))
    for src in sources:
        table.add_column(safe_text(src), justify="center", no_wrap=True,
                         min_width=min(len(src), 10), max_width=10, overflow="ellipsis")
    for st in comparison.statements[:MAX_MATRIX_ROWS]:
        cells = []
        for src in sources:
            mark, style = CELL[st.wordings.get(src) if src in st.sources else None]
            cells.append(Text(mark, style=style))
        table.add_row(Text(st.id), safe_text(st.text), *cells)
    console.print(table)
    legend = Text("● quoted  ◐ reworded  · absent", style="dim")
    hidden = len(comparison.sources) - len(sources), len(comparison.statements) - MAX_MATRIX_ROWS
    if hidden[0] > 0 or hidden[1] > 0:
        legend.append(f"   (first {len(sources)} sources and {MAX_MATRIX_ROWS} statements; "
                      "--json has all)")
    console.print(legend)
    console.print()


def _balance(console: Console, comparison) -> None:
    balance = comparison.speaker_balance
    sources = comparison.sources[:MAX_MATRIX_SOURCES]
    totals: dict[str, int] = defaultdict(int)
    for counts in balance.values():
        for speaker, n in counts.items():
            totals[speaker] += n
    if not totals:
        return
    speakers = sorted(totals, key=lambda s: (-totals[s], s))[:MAX_BALANCE_SPEAKERS]
    table = Table(title="Speaker balance (quotations)", title_justify="left", show_edge=False,
                  pad_edge=False)
    table.add_column("speaker", overflow="ellipsis", no_wrap=True, max_width=28)
    for src in sources:
        table.add_column(safe_text(src), justify="right", no_wrap=True,
                         min_width=min(len(src), 10), max_width=10, overflow="ellipsis")
    for speaker in speakers:
        row = [Text(str(balance.get(src, {}).get(speaker, 0) or "·"),
                    style="" if balance.get(src, {}).get(speaker) else "dim") for src in sources]
        table.add_row(safe_text(speaker), *row)
    console.print(table)


def render_comparison(console: Console, comparison) -> None:
    """Print ``comparison`` (a :class:`~summitcli.compare.Comparison`) on ``console``.

    Two sources: statements side by side with coloured word diffs, what each source alone
    carries grouped by speaker, then a summary. More sources (or the whole corpus): each
    statement with the sources that carry it, a coverage matrix and a speaker balance table.
    """
    if not comparison.statements:
        console.print(Text("No statement is carried by two or more of these sources.", style="dim"))
    if len(comparison.sources) == 2:
        _two_sources(console, comparison)
        _only(console, comparison)
    else:
        _many_sources(console, comparison)
        if comparison.statements:
            _coverage(console, comparison)
        _balance(console, comparison)
        console.print()
    _summary(console, comparison)


def render_search(console: Console, results) -> None:
    """Print ``search_quotes`` results (``[(Quote, score), ...]``), best first."""
    if not results:
        console.print(Text("No quotation matches.", style="dim"))
        return
    table = Table(show_edge=False, pad_edge=False, expand=True)
    table.add_column("score", justify="right", no_wrap=True)
    table.add_column("source", no_wrap=True, max_width=12, overflow="ellipsis")
    table.add_column("speaker", max_width=18, overflow="fold")
    table.add_column("quotation", ratio=1, overflow="fold")
    for quote, score in results:
        text = Text("“")
        text.append_text(safe_text(quote.text))
        text.append("”")
        table.add_row(Text(f"{score:.0f}"), safe_text(quote.source),
                      safe_text(quote.speaker or "—", "bold" if quote.speaker else "dim"), text)
    console.print(table)


__all__ = ["render_comparison", "render_search"]
