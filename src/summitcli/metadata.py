"""Article metadata: YAML front matter, corpus.yaml, what the text itself states, boilerplate.

YAML is always read with ``yaml.safe_load`` (no object construction); alias
bombs are refused before loading; fields of the wrong type are dropped with a
warning. Malformed YAML spoils the run (``CorpusError`` naming file and line).
"""
from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from summitcli.errors import CorpusError

FIELDS = ("title", "outlet", "date", "author", "id", "slug")
MAX_YAML_BYTES = 1024 * 1024
MAX_YAML_ALIASES = 100
_FRONT = re.compile(r"\A\ufeff?---[ \t]*\n")
_FRONT_END = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.M)

class _Lazy:
    """A regex compiled on first use: every command loads the corpus, and most lines never
    reach these patterns, so start-up does not pay for compiling them."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._args = (pattern, flags)

    @property
    def _compiled(self) -> re.Pattern:
        compiled = re.compile(*self._args)
        self.match, self.fullmatch = compiled.match, compiled.fullmatch
        return compiled

    def match(self, *args):
        return self._compiled.match(*args)

    def fullmatch(self, *args):
        return self._compiled.fullmatch(*args)


_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|"
           "december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")
_MONTH_NUM = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)}
_DATE_PATTERNS = (
    # September 09, 2025 / Sept. 9 2025
    re.compile(rf"\b(?P<month>{_MONTHS})\.?\s+(?P<day>\d{{1,2}}),?\s+(?P<year>\d{{4}})\b", re.I),
    # 14 August 2025
    re.compile(rf"\b(?P<day>\d{{1,2}})\s+(?P<month>{_MONTHS})\.?,?\s+(?P<year>\d{{4}})\b", re.I),
    # 2025-08-16
    re.compile(r"\b(?P<year>\d{4})-(?P<mnum>\d{2})-(?P<day>\d{2})\b"),
)
_DATE_LINE = re.compile(r"^\s*(?:(?:date|published|updated|posted)\s*:?\s*)?(?:on\s+)?\S", re.I)
# what may stand before the date on a date line: "Updated 11:42 PM EST, Tue " / "Published: "
_DATE_LEAD = _Lazy(
    r"(?:(?:last[ ]+)?(?:date|published|updated|posted|first[ ]+published)[ ]*:?[ ]*)?(?:on[ ]+)?"
    r"(?:\d{1,2}[:.]\d{2}(?:[ ]*[ap]\.?m\.?)?(?:[ ]+[A-Z]{2,5})?[ ]*,?[ ]*(?:on[ ]+)?)?"
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?[ ]*)?", re.I)
_NAMES = r"[A-Z][\w.'’\-]*(?: [\w.'’\-]+){0,4}"
# "By Jordan Lee", "By Jordan Lee and Priya Shah, CNN", "By Ana Ruiz, Reuters"
_BYLINE = _Lazy(rf"^\s*(?:by|author:|written by)\s+(?P<name>{_NAMES}(?:(?:,| and| &) {_NAMES})*?)"
                     rf"(?:,[ ]+(?P<outlet>[A-Z][\w&.'’\- ]{{1,40}}))?\s*$", re.I)
_NOT_OUTLETS = frozenset("""staff writer reporter correspondent editor contributor columnist
    senior chief special political national washington bureau""".split())
_NAME_LINE = re.compile(r"^(?:(?:Dr|Prof|Professor|Sir|Dame)\.? )?[A-Z][a-z]+(?: [A-Z][a-z'’\-]+){1,3}$")
# a wire dateline names the agency: "BERLIN (Reuters) -", "KYIV, Ukraine (AP) —"
_DATELINE = _Lazy(r"^[A-Z][A-Z.'’\- ]{1,30}(?:,[ \u00a0][A-Z][\w.'’\- ]{1,30})?[ \u00a0]+"
                       r"\((?P<outlet>[A-Z][\w&.'’ ]{0,30}?)\)[ \u00a0]*[-–—]")
HEAD_LINES = 12  # how far from the top a date/title/author line may stand


def _safe_load(text: str, where: str):
    import yaml

    if len(text) > MAX_YAML_BYTES:
        raise CorpusError(f"{where}: YAML block is larger than {MAX_YAML_BYTES // 1024} KB")
    if len(re.findall(r"(?<![\w'\"])\*[\w-]+", text)) > MAX_YAML_ALIASES:
        raise CorpusError(f"{where}: YAML uses too many aliases (possible alias bomb)")
    try:
        return yaml.load(text, Loader=_loader_class())  # a SafeLoader subclass: no objects
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" line {mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise CorpusError(f"{where}:{line}: malformed YAML: {problem}") from None
    except RecursionError:
        raise CorpusError(f"{where}: malformed YAML: nested too deeply") from None


@cache
def _loader_class():
    """``yaml.SafeLoader`` that reports bad scalar values as YAML errors with their line.

    PyYAML's safe constructors raise plain ``ValueError`` for values such as
    ``2025-13-45`` or a 5,000-digit integer; those must be a one-line error
    naming the line, not a traceback.
    """
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser when present

    class Loader(base):
        def construct_object(self, node, deep=False):
            try:
                return super().construct_object(node, deep=deep)
            except (ValueError, OverflowError, TypeError) as exc:
                raise yaml.constructor.ConstructorError(
                    None, None, f"bad value ({exc})", node.start_mark) from None

    return Loader


def clean_fields(data, where: str, warnings: list[str]) -> dict[str, str]:
    """Keep the known metadata fields that are scalars, as strings."""
    if data is None:
        return {}
    if not isinstance(data, dict):
        warnings.append(f"{where}: metadata is not a mapping, ignored")
        return {}
    out = {}
    for key in FIELDS:
        if key not in data or data[key] is None:
            continue
        value = data[key]
        if isinstance(value, (str, int, float)) or hasattr(value, "isoformat"):
            text = value.isoformat() if hasattr(value, "isoformat") else str(value)
            text = " ".join(text.split())
            if text:
                out[key] = text
        else:
            warnings.append(f"{where}: field {key!r} should be text, ignored")
    return out


def front_matter(text: str, name: str, warnings: list[str] | None = None) -> tuple[dict, int]:
    """Parse a leading ``---`` YAML block: (fields, offset where the article starts)."""
    start = _FRONT.match(text)
    if not start:
        return {}, 0
    end = _FRONT_END.search(text, start.end())
    if not end:
        return {}, 0
    block = text[start.end():end.start()]
    data = _safe_load(block, f"{name} (front matter)")
    after = end.end() + 1 if end.end() < len(text) else end.end()
    return clean_fields(data, name, warnings if warnings is not None else []), after


def load_corpus_yaml(root: Path, warnings: list[str]) -> dict[str, dict[str, str]]:
    """``corpus.yaml``: a mapping from file name (or stem) to metadata fields."""
    for name in ("corpus.yaml", "corpus.yml"):
        path = root / name
        if not path.is_file():
            continue
        try:
            text = _read_small(path).decode("utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            warnings.append(f"{name}: cannot be read ({exc}), ignored")
            return {}
        data = _safe_load(text, name)
        if data is None:
            return {}
        if isinstance(data, dict) and isinstance(data.get("articles"), (dict, list)):
            data = data["articles"]
        if isinstance(data, list):  # a list of {file: ..., title: ...}
            data = {d["file"]: d for d in data
                    if isinstance(d, dict) and isinstance(d.get("file"), str) and d["file"]}
        if not isinstance(data, dict):
            warnings.append(f"{name}: expected a mapping of file names to metadata, ignored")
            return {}
        out = {}
        for key, value in data.items():
            if hasattr(key, "isoformat"):  # a stem such as 2025-08-16 reads as a date
                key = key.isoformat()
            if isinstance(key, (str, int, float)):
                out[str(key)] = clean_fields(value, f"{name}: {key}", warnings)
        return out
    return {}


def stated_metadata(text: str, skip: tuple[tuple[int, int], ...]) -> dict[str, str]:
    """Date, title and author lines that the article itself states near its top, and the
    agency a wire dateline names ("BERLIN (Reuters) -" → outlet Reuters)."""
    found: dict[str, str] = {}
    for line in _head_lines(text, skip):
        stripped = line.strip()
        if "date" not in found and (iso := parse_date_line(stripped)):
            found["date"] = iso
            continue
        if "author" not in found and stripped[:1] in "BbAaWw" and (byline := _BYLINE.match(stripped)):
            found["author"] = byline.group("name").strip()
            outlet = byline.group("outlet")
            if outlet and not _NOT_OUTLETS & set(outlet.lower().split()):
                found.setdefault("outlet", outlet.strip())
            elif outlet:
                found["author"] += ", " + outlet.strip()
            continue
        if "title" not in found and _looks_like_title(stripped):
            found["title"] = stripped
            continue
        if "title" in found and "author" not in found and _NAME_LINE.match(stripped):
            found["author"] = stripped
        if "outlet" not in found and "(" in stripped[:70] and (dateline := _DATELINE.match(stripped)):
            found["outlet"] = dateline.group("outlet")
    return found


def _head_lines(text: str, skip) -> list[str]:
    lines, pos = [], 0
    for line in text.split("\n", HEAD_LINES * 3)[: HEAD_LINES * 3]:
        end = pos + len(line)
        if line.strip() and not any(s <= pos and end <= e for s, e in skip):
            lines.append(line)
        pos = end + 1
        if len(lines) >= HEAD_LINES:
            break
    return lines


def parse_date_line(line: str) -> str | None:
    """An ISO date if ``line`` starts with a date (possibly after 'date'/'published')."""
    if len(line) > 120 or not _DATE_LINE.match(line):
        return None
    for pattern in _DATE_PATTERNS:
        match = pattern.search(line[:80])
        if not match or (match.start() > 20 and _DATE_LEAD.fullmatch(line[:match.start()]) is None):
            continue
        month = match.groupdict().get("mnum") or _MONTH_NUM.get(match.group("month")[:3].lower())
        try:
            year, month, day = int(match.group("year")), int(month), int(match.group("day"))
        except (TypeError, ValueError):
            continue
        if 1 <= month <= 12 and 1 <= day <= 31:
            return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def _looks_like_title(line: str) -> bool:
    words = line.split()
    return (3 <= len(words) <= 25 and len(line) <= 180 and line[-1] not in ".;:,"
            and line[0].isupper() and not line.startswith(("“", '"', "‘")))


MAX_BOILERPLATE_LINE = 200  # longer lines are article text, never page furniture
_CONTENT_LINE = re.compile(r"^[^\S\n]*(\S[^\n]*)$", re.M)  # a line with something on it
_BACKREF = re.compile(r"\\[1-9]|\(\?P=")


@cache
def _boilerplate_sources() -> tuple[tuple[str, bool], ...]:
    """(pattern source, starts a tail?) for each pattern of ``boilerplate.yaml``."""
    from summitcli.datafiles import load_data

    data = load_data("boilerplate.yaml")
    return tuple((f"(?:{p['pattern']})", bool(p.get("tail"))) for p in data.get("patterns", []))


@cache
def _boilerplate_patterns() -> tuple[tuple[re.Pattern, bool], ...]:
    return tuple((re.compile(src, re.I), tail) for src, tail in _boilerplate_sources())


@cache
def _boilerplate_combined() -> re.Pattern | None:
    """All patterns as one alternation of named groups: one C-level match per line, and the
    group that matched names the pattern (the first that matches, as when trying each in
    turn), so the patterns are compiled once, together, not one by one as well.

    None when a user's pattern has a back-reference or a named group, which the combined
    form would break; then each pattern is tried alone.
    """
    sources = [src for src, _ in _boilerplate_sources()]
    if not sources or any(_BACKREF.search(src) or "(?P<" in src for src in sources):
        return None
    try:
        return re.compile("|".join(f"(?P<_b{i}>{src})" for i, src in enumerate(sources)), re.I)
    except re.error:
        return None


def _boilerplate_tail(line: str) -> bool | None:
    """None if ``line`` is not boilerplate, else whether it starts a boilerplate tail."""
    combined = _boilerplate_combined()
    if combined is not None:
        m = combined.fullmatch(line)
        return None if m is None else _boilerplate_sources()[int(m.lastgroup[2:])][1]
    for pattern, tail in _boilerplate_patterns():
        if pattern.fullmatch(line):
            return tail
    return None


def skip_regions(text: str, front_end: int = 0) -> tuple[tuple[int, int], ...]:
    """Front matter plus boilerplate lines (and, after a tail marker, the rest of the text).

    Blank lines cost one regex step each (a text of a million empty lines is fine).
    """
    regions: list[tuple[int, int]] = [(0, front_end)] if front_end else []
    body = text[front_end:] if front_end else text  # a slice, so ^ matches at its start
    lines = [(front_end + m.start(), front_end + m.end(), m.group(1).rstrip())
             for m in _CONTENT_LINE.finditer(body)]
    repeated = _repeated_short_lines(lines)
    for start, end, stripped in lines:
        if len(stripped) > MAX_BOILERPLATE_LINE:
            continue
        tail = _boilerplate_tail(stripped)
        if tail is not None:
            regions.append((start, len(text) if tail else end))
            if tail:
                break
        elif stripped in repeated:
            regions.append((start, end))
    return _merge(regions)


def _repeated_short_lines(lines) -> set[str]:
    """Short name-like lines that occur more than once: repeated author boxes."""
    counts: dict[str, int] = {}
    for _, _, stripped in lines:
        if len(stripped) > MAX_BOILERPLATE_LINE:
            continue
        words = stripped.split()
        if (1 <= len(words) <= 8 and stripped[-1] not in ".?!:;,\"”’'"
                and not any(ch in stripped for ch in "“”\"")):
            counts[stripped] = counts.get(stripped, 0) + 1
    return {line for line, n in counts.items() if n > 1}


def _merge(regions: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    merged: list[list[int]] = []
    for start, end in sorted(regions):
        if merged and start <= merged[-1][1] + 1:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return tuple((s, e) for s, e in merged)


def safe_load_file(path: Path):
    """Load a small YAML file safely; malformed YAML raises ``CorpusError`` naming file and line."""
    try:
        text = _read_small(path).decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise CorpusError(f"{path}: cannot be read ({exc})") from None
    return _safe_load(text, path.name)


def _read_small(path: Path) -> bytes:
    """At most ``MAX_YAML_BYTES`` + 1 bytes (never the whole of a huge file)."""
    with open(path, "rb") as handle:
        raw = handle.read(MAX_YAML_BYTES + 1)
    if len(raw) > MAX_YAML_BYTES:
        raise CorpusError(f"{path.name}: larger than the {MAX_YAML_BYTES // 1024} KB limit "
                          "for a YAML file")
    return raw
