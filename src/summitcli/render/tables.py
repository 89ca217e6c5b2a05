"""Terminal views of sources, quotes, claims and speakers (rich tables).

Every piece of article text goes through ``safe_text``: it is shown literally,
never parsed as markup, with terminal controls made visible.
"""
from __future__ import annotations

from collections import defaultdict

from rich import box
from rich.table import Table
from rich.text import Text

from summitcli.render.safe import clean, safe_text

PALETTE = ("cyan", "magenta", "green", "yellow", "blue", "red", "bright_cyan",
           "bright_magenta", "bright_green", "bright_yellow", "bright_blue", "bright_red")
UNKNOWN = "(unknown)"
TERM = "term"  # a quoted title, name or scare quote: nobody is quoted


# a long source id (a file stem) folds onto more lines rather than squeezing the text column
_SOURCE_COLUMN = {"overflow": "fold", "max_width": 14}


def _table(*columns: tuple[str, dict], title: str | None = None) -> Table:
    table = Table(box=box.SIMPLE_HEAD, title=title, show_lines=False, expand=False,
                  pad_edge=False)
    for header, options in columns:
        table.add_column(header, **options)
    return table


def sources_table(console, rows: list[dict]) -> None:
    table = _table(("id", {"overflow": "fold", "max_width": 24, "ratio": 1}),
                   ("title", {"ratio": 3}), ("outlet", {"ratio": 1}),
                   ("date", {"no_wrap": True, "min_width": 10}),
                   ("words", {"justify": "right", "no_wrap": True}),
                   ("quotes", {"justify": "right", "no_wrap": True}))
    for row in rows:
        table.add_row(safe_text(row["id"]), safe_text(row.get("title") or "-"),
                      safe_text(row.get("outlet") or "-"), safe_text(row.get("date") or "-"),
                      str(row["words"]), str(row.get("quotes", 0)))
    console.print(table)


def quotes_table(console, quotes, dates: dict | None = None, hidden: int = 0) -> None:
    """Quotations grouped by speaker (most quoted first), each with its source and cue.

    ``hidden``: quotations the marks filter left out, mentioned in the footer.
    """
    note = f"; {hidden} in single marks not shown (--marks any)" if hidden else ""
    if not quotes:
        console.print(Text("no quotations match" + note))
        return
    groups: dict[str | None, list] = defaultdict(list)
    for q in quotes:
        groups[q.speaker].append(q)
    order = sorted(groups, key=lambda s: (s is None, -len(groups[s]), s or ""))
    table = _table(("speaker", {"ratio": 1, "style": "bold"}), ("src", _SOURCE_COLUMN),
                   ("quote", {"ratio": 4}), ("cue", {"ratio": 1, "style": "dim"}))
    for speaker in order:
        rows = groups[speaker]
        for i, q in enumerate(rows):
            name = Text("") if i else _speaker_text(speaker, q)
            quote = Text("“") + safe_text(q.text) + Text("”")
            if q.kind != "speech":
                quote.append(f" [{q.kind}]", style="dim")
            table.add_row(name, safe_text(q.source), quote, _cue_text(q),
                          end_section=i == len(rows) - 1)
    console.print(table)
    console.print(Text(f"{len(quotes)} quotation(s), {len(groups)} speaker(s){note}",
                       style="dim"))


def _speaker_text(speaker: str | None, record) -> Text:
    if speaker:
        return safe_text(speaker)
    candidates = getattr(record, "candidates", ())
    label = UNKNOWN + (f" ({', '.join(candidates[:2])}?)" if candidates else "")
    return safe_text(label, style="dim")


def _cue_text(record) -> Text:
    parts = []
    if record.speaker_mention:
        parts.append(record.speaker_mention)
    if record.cue:
        parts.append(record.cue)
    return safe_text(" ".join(parts) if parts else "-")


def claims_table(console, claims) -> None:
    if not claims:
        console.print(Text("no claims match"))
        return
    table = _table(("speaker", {"ratio": 1, "style": "bold"}), ("src", _SOURCE_COLUMN),
                   ("cue", {"ratio": 1, "style": "dim"}), ("claim", {"ratio": 4}))
    for c in sorted(claims, key=lambda c: (c.speaker is None, c.speaker or "", c.source, c.start)):
        content = safe_text(c.text)
        if c.hedged:
            content.append(" [hedged]", style="dim")
        table.add_row(_speaker_text(c.speaker, c), safe_text(c.source), safe_text(c.cue), content)
    console.print(table)
    console.print(Text(f"{len(claims)} claim(s)", style="dim"))


MAX_SOURCE_COLUMNS = 8  # more sources than this: one "sources" count instead of a column each


def speakers_table(console, rows: list[dict], sources: list[str]) -> None:
    """Speakers with their other names and quote counts (per source while that fits)."""
    per_source = len(sources) <= MAX_SOURCE_COLUMNS
    source_columns = [(clean(s), {"justify": "right", "overflow": "fold", "max_width": 12})
                      for s in sources] if per_source else [
        ("sources", {"justify": "right"})]
    table = _table(("speaker", {"style": "bold", "ratio": 2}), ("also named", {"ratio": 3}),
                   *source_columns,
                   ("quotes", {"justify": "right"}), ("claims", {"justify": "right"}))
    for row in rows:
        names = [n for n in row["names"] + row["mentions"] if n != row["speaker"]]
        unique = list(dict.fromkeys(names))
        counts = ([str(row["per_source"].get(s, "")) for s in sources] if per_source
                  else [str(len(row["per_source"]))])
        table.add_row(_speaker_text(row["speaker"], None) if row["speaker"] is None
                      else safe_text(row["speaker"]),
                      safe_text(", ".join(unique[:6]) + (" …" if len(unique) > 6 else "")),
                      *counts, str(row["quotes"]), str(row["claims"]))
    console.print(table)


def speaker_colours(records) -> dict[str | None, str]:
    names = sorted({r.speaker for r in records if r.speaker})
    colours = {name: PALETTE[i % len(PALETTE)] for i, name in enumerate(names)}
    colours[None] = "white"
    return colours


def show_document(console, doc, quotes, claims) -> None:
    """The article with quotations in their speaker's colour and boilerplate dimmed."""
    header = Text()
    header.append(clean(doc.id), style="bold")
    for value in (doc.title, doc.outlet, doc.date, doc.author):
        if value:
            header.append("  ·  " + clean(value))
    console.print(header)
    console.print()
    colours = speaker_colours(quotes)
    body = safe_text(doc.text)
    for start, end in doc.skip:
        body.stylize("dim", start, end)
    for c in claims:
        body.stylize("italic", c.start, c.end)
    labels: dict[int, list[str]] = defaultdict(list)
    for q in quotes:
        style = colours.get(q.speaker, "white")
        body.stylize(f"bold {style}" if q.kind == "speech" else style, q.start, q.end)
        if q.speaker_start is not None and q.speaker_end is not None:
            body.stylize(f"underline {style}", q.speaker_start, q.speaker_end)
        labels[q.end].append(TERM if q.kind == "term" else q.speaker or UNKNOWN)
    console.print(_with_labels(body, labels, colours))
    _legend(console, quotes, colours)


def _with_labels(body: Text, labels: dict[int, list[str]], colours) -> Text:
    """Insert a small ‹speaker› tag after each quotation (after the closing mark)."""
    if not labels:
        return body
    out = Text()
    pos = 0
    for end in sorted(labels):
        cut = end + 1 if end < len(body.plain) and body.plain[end] in "”\"’'»“" else end
        out.append_text(body[pos:cut])
        for name in labels[end]:
            out.append(f" ‹{clean(name)}›", style=f"dim {colours.get(name, 'white')}")
        pos = cut
    out.append_text(body[pos:])
    return out


def _legend(console, quotes, colours) -> None:
    if not quotes:
        console.print(Text("no quotations in this article", style="dim"))
        return
    legend = Text("\nspeakers: ")
    counts: dict[str | None, int] = defaultdict(int)
    for q in quotes:
        if q.kind != "term":
            counts[q.speaker] += 1
    for i, (name, n) in enumerate(sorted(counts.items(), key=lambda kv: -kv[1])):
        if i:
            legend.append(", ")
        legend.append(f"{clean(name or UNKNOWN)} ({n})", style=colours.get(name, "white"))
    terms = sum(q.kind == "term" for q in quotes)
    if terms:
        legend.append(f"{', ' if counts else ''}terms: titles, names, scare quotes ({terms})",
                      style="dim")
    console.print(legend)
