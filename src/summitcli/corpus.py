"""Documents and corpora: loading, decoding, metadata, ids, boilerplate regions.

Offsets everywhere in summit refer to ``Document.text``: the file decoded and
its line endings normalised to ``\\n``. Front matter and boilerplate stay in the
text and are listed in ``Document.skip`` so later stages pass over them.
Nothing here writes anywhere; problems that spoil one file become warnings in
``Corpus.warnings``, problems that spoil the run raise ``CorpusError``.
"""
from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from summitcli import metadata
from summitcli.errors import CorpusError, NotFoundError

ARTICLE_SUFFIXES = (".txt", ".md")
MAX_FILE_BYTES = 20 * 1024 * 1024  # larger files are refused with a warning (bounded memory)
CORPUS_META_FILES = ("corpus.yaml", "corpus.yml")
_NUMERIC_STEM = re.compile(r"^\d+(?:[_\-.]\d+)+$")
_LEADING_NUMBER = re.compile(r"^([0-9]+)[_\-.]")
MAX_ID_CHARS = 200


@dataclass(frozen=True)
class Document:
    """One article as loaded."""

    id: str
    path: str
    text: str
    digest: str  # sha256 of the file's bytes: the cache key
    title: str | None = None
    outlet: str | None = None
    date: str | None = None
    author: str | None = None
    skip: tuple[tuple[int, int], ...] = ()  # front matter and boilerplate regions
    encoding: str = "utf-8"

    @property
    def words(self) -> int:
        return len(self.body().split())

    def body(self) -> str:
        """The text without skipped regions (for word counts and display summaries)."""
        parts, pos = [], 0
        for start, end in self.skip:
            parts.append(self.text[pos:start])
            pos = max(pos, end)
        parts.append(self.text[pos:])
        return "".join(parts)

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "title": self.title,
            "outlet": self.outlet,
            "date": self.date,
            "author": self.author,
            "path": self.path,
            "words": self.words,
            "encoding": self.encoding,
        }


@dataclass
class Corpus:
    """A folder of articles, in id order, plus the warnings loading produced."""

    root: Path
    documents: list[Document]
    warnings: list[str] = field(default_factory=list)

    def __iter__(self):
        return iter(self.documents)

    def __len__(self) -> int:
        return len(self.documents)

    def get(self, ref: str) -> Document:
        """The document whose id is ``ref``, a number equal to it, or a unique prefix of it."""
        return self.by_id()[resolve_id(ref, [d.id for d in self.documents])]

    def by_id(self) -> dict[str, Document]:
        return {d.id: d for d in self.documents}

    def select(self, refs: list[str] | None) -> list[Document]:
        if not refs:
            return list(self.documents)
        chosen = []
        for ref in refs:
            doc = self.get(ref)
            if doc not in chosen:
                chosen.append(doc)
        return chosen


def resolve_id(ref: str, ids: list[str]) -> str:
    """Match a user's id reference: exact, numerically equal (2 = 002), or a unique prefix."""
    ref = ref.strip()
    if ref in ids:
        return ref
    if _is_number(ref):
        numeric = [i for i in ids if _is_number(i) and _number_key(i) == _number_key(ref)]
        if len(numeric) == 1:
            return numeric[0]
    prefixed = [i for i in ids if i.startswith(ref)] if ref else []
    if len(prefixed) == 1:
        return prefixed[0]
    if len(prefixed) > 1:
        shown = ", ".join(prefixed[:10])
        raise NotFoundError(f"source id {ref!r} is ambiguous: it could be {shown}")
    from rapidfuzz import fuzz, process

    close = [m[0] for m in process.extract(ref, ids, scorer=fuzz.ratio, limit=3)]
    hint = f"; closest: {', '.join(close)}" if close else ""
    raise NotFoundError(f"no source with id {ref!r}{hint}")


def default_corpus_path() -> Path:
    """The bundled seed corpus: package data when installed, the repo's seeds/ when editable."""
    packaged = Path(__file__).parent / "seeds"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "seeds"


def load_corpus(path: str | os.PathLike | None = None) -> Corpus:
    """Load every ``.txt``/``.md`` article in ``path`` (default: the bundled seeds)."""
    root = Path(path) if path is not None else default_corpus_path()
    _check_folder(root)
    warnings: list[str] = []
    corpus_meta = metadata.load_corpus_yaml(root, warnings)
    docs: list[Document] = []
    for file in _article_files(root, warnings):
        doc = _load_document(file, corpus_meta, warnings)
        if doc is not None:
            docs.append(doc)
    if not docs:  # say why, in the one line: the warnings are not printed after an error
        why = f" ({'; '.join(warnings[:3])}{'; …' if len(warnings) > 3 else ''})" if warnings else ""
        raise CorpusError(f"no readable articles (.txt, .md) in {root}{why}")
    docs = _widen_number_ids(docs)
    _check_unique_ids(docs)
    docs.sort(key=_id_sort_key)
    return Corpus(root=root, documents=docs, warnings=warnings)


def _check_folder(root: Path) -> None:
    try:
        if not root.exists():
            raise CorpusError(f"corpus folder not found: {root}")
        if not root.is_dir():
            raise CorpusError(f"corpus is not a folder: {root}")
    except (OSError, ValueError) as exc:  # too long a name, a loop, a NUL byte, no permission
        reason = getattr(exc, "strerror", None) or exc
        raise CorpusError(f"corpus folder cannot be used: {root} ({reason})") from None
    if not os.access(root, os.R_OK | os.X_OK):
        raise CorpusError(f"corpus folder is not readable: {root}")


def _article_files(root: Path, warnings: list[str]) -> list[Path]:
    """Article files directly in ``root``, sorted.

    Links are followed (a corpus may be links into an archive); links that loop or dangle,
    and anything that is not a regular file (a folder, FIFO or device named like an article),
    are skipped with a warning, so nothing ever blocks on open.
    """
    try:
        entries = sorted(root.iterdir(), key=lambda p: p.name)
    except OSError as exc:
        raise CorpusError(f"cannot list corpus folder {root}: {exc.strerror or exc}") from None
    files = []
    for entry in entries:
        if entry.name.startswith(".") or entry.suffix.lower() not in ARTICLE_SUFFIXES:
            continue
        name = display_name(entry.name)
        try:
            if not entry.is_file():
                if entry.is_symlink() and not entry.exists():
                    warnings.append(f"{name}: broken or looping link, skipped")
                else:  # a folder, FIFO, socket or device named like an article
                    warnings.append(f"{name}: not a regular file, skipped")
                continue
        except OSError as exc:
            warnings.append(f"{name}: cannot be read ({exc.strerror or exc}), skipped")
            continue
        files.append(entry)
    return files


def display_name(name: str) -> str:
    """A file name as text: bytes that are not UTF-8 (surrogate escapes) become U+FFFD.

    Such names would otherwise make JSON output or the terminal fail to encode.
    """
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _load_document(file: Path, corpus_meta: dict, warnings: list[str]) -> Document | None:
    raw = _read_bytes(file, warnings)
    if raw is None:
        return None
    decoded = decode(raw, display_name(file.name), warnings)
    if decoded is None:
        return None
    text, encoding = decoded
    if not text.strip():
        warnings.append(f"{display_name(file.name)}: empty file, skipped")
        return None
    front, front_end = metadata.front_matter(text, display_name(file.name), warnings)
    meta = {**corpus_meta.get(file.name, {}), **corpus_meta.get(file.stem, {}), **front}
    skip = metadata.skip_regions(text, front_end)
    stated = metadata.stated_metadata(text, skip)
    doc_id = _document_id(file, meta, warnings)
    return Document(
        id=doc_id,
        path=display_name(str(file)),
        text=text,
        digest=hashlib.sha256(raw).hexdigest(),
        title=meta.get("title") or stated.get("title"),
        outlet=meta.get("outlet") or stated.get("outlet"),
        date=meta.get("date") or stated.get("date"),
        author=meta.get("author") or stated.get("author"),
        skip=skip,
        encoding=encoding,
    )


def _read_bytes(file: Path, warnings: list[str]) -> bytes | None:
    name = display_name(file.name)
    too_big = (f"{name}: larger than the {MAX_FILE_BYTES // (1024 * 1024)} MB limit "
               "for one article, skipped")
    try:
        size = file.stat().st_size
        if size > MAX_FILE_BYTES:
            warnings.append(too_big)
            return None
        with open(file, "rb") as handle:
            # read(n) allocates n bytes up front: ask for what stat() promised, and only
            # if there is more (a growing file, /proc) read on up to the limit.
            raw = handle.read(size + 1)
            if len(raw) > size:
                raw += handle.read(MAX_FILE_BYTES + 1 - len(raw))
    except OSError as exc:
        warnings.append(f"{name}: cannot be read ({exc.strerror or exc}), skipped")
        return None
    if len(raw) > MAX_FILE_BYTES:  # it grew after stat(): still refuse, never truncate
        warnings.append(too_big)
        return None
    return raw


def decode(raw: bytes, name: str, warnings: list[str]) -> tuple[str, str] | None:
    """Decode article bytes: UTF-8 (with or without BOM), UTF-16 with BOM, then cp1252.

    Returns the text with line endings normalised to ``\\n`` and the encoding
    used, or None for a binary file (with a warning).
    """
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return _normalise_newlines(raw.decode("utf-16")), "utf-16"
        except UnicodeDecodeError:
            pass
    if _looks_binary(raw):
        warnings.append(f"{name}: binary file, skipped")
        return None
    try:
        return _normalise_newlines(raw.decode("utf-8-sig")), "utf-8"
    except UnicodeDecodeError:
        pass
    text = raw.decode("cp1252", errors="replace")
    warnings.append(f"{name}: not valid UTF-8, read as cp1252")
    return _normalise_newlines(text), "cp1252"


def _looks_binary(raw: bytes) -> bool:
    head = raw[:8192]
    if b"\x00" in head:
        return True
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return bool(head) and controls / len(head) > 0.1


_CONTROL_BYTES = bytes([*range(0, 9), *range(14, 32)])


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _document_id(file: Path, meta: dict, warnings: list[str]) -> str:
    name = display_name(file.name)
    for key in ("id", "slug"):
        value = meta.get(key)
        if value:
            if re.search(r"[/\\\x00-\x1f\x7f-\x9f]", value) or value in {".", ".."}:
                warnings.append(f"{name}: {key} {value[:MAX_ID_CHARS]!r} contains a path "
                                "separator or control character, ignored")
                continue
            if len(value) > MAX_ID_CHARS:
                warnings.append(f"{name}: {key} is longer than {MAX_ID_CHARS} characters, ignored")
                continue
            return value
    number = _LEADING_NUMBER.match(name)
    return number.group(1) if number else display_name(file.stem)


def _widen_number_ids(docs: list[Document]) -> list[Document]:
    """Numeric names whose leading numbers collide (2025-08-16.txt, 2025-08-17.txt) keep
    their whole stems: such a name is a date or version, not a number plus a slug.

    Other collisions (002_a.txt, 002_b.txt) stay duplicate ids, an error naming both.
    """
    from dataclasses import replace

    counts: dict[str, int] = {}
    for doc in docs:
        counts[doc.id] = counts.get(doc.id, 0) + 1
    out = []
    for doc in docs:
        name = display_name(Path(doc.path).name)
        number = _LEADING_NUMBER.match(name)
        stem = display_name(Path(doc.path).stem)
        if counts[doc.id] > 1 and number and number.group(1) == doc.id and _NUMERIC_STEM.match(stem):
            doc = replace(doc, id=stem)
        out.append(doc)
    return out


def _check_unique_ids(docs: list[Document]) -> None:
    seen: dict[str, Document] = {}
    for doc in docs:
        if doc.id in seen:
            first = Path(seen[doc.id].path).name
            raise CorpusError(f"duplicate source id {doc.id!r}: {first} and {Path(doc.path).name}")
        seen[doc.id] = doc


def _is_number(value: str) -> bool:
    """ASCII digits only: ``"²".isdigit()`` is true but ``int("²")`` fails."""
    return value.isascii() and value.isdigit()


def _number_key(value: str) -> tuple[int, str]:
    """Numeric order without ``int()`` (which refuses more than 4,300 digits)."""
    digits = value.lstrip("0") or "0"
    return (len(digits), digits)


def _id_sort_key(doc: Document) -> tuple:
    return (0, _number_key(doc.id), doc.id) if _is_number(doc.id) else (1, (0, ""), doc.id)
