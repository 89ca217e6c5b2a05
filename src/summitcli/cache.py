"""Per-document extraction cache in the user's cache directory.

Extraction is a pure function of one document's bytes, the tool's version and
the YAML lexicons in ``summitcli/data``, so its result can be kept under a key
made of the three. The cache lives in ``$SUMMIT_CACHE_DIR``, else
``$XDG_CACHE_HOME/summit``, else ``~/.cache/summit`` (never in a corpus
folder), one small JSON file per document under two-character subfolders.

A cache is an optimisation, never a source of failure: an unreadable, corrupt
or unwritable cache behaves like an empty one, and nothing here raises
``OSError`` or prints.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import fields
from pathlib import Path

from summitcli import __version__
from summitcli.records import Claim, Extraction, PersonMention, Quote

FORMAT = "1"  # bump when the stored layout changes
_SUBDIR = "extract"
_lexicon_digest: str | None = None


def default_cache_dir() -> Path:
    """Where the cache lives, from the environment (see the module docstring)."""
    explicit = os.environ.get("SUMMIT_CACHE_DIR")
    if explicit:
        return Path(explicit).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg:
        return Path(xdg).expanduser() / "summit"
    return Path.home() / ".cache" / "summit"


def lexicon_digest() -> str:
    """A hash of every YAML data file the extractors read (so editing one invalidates the cache)."""
    global _lexicon_digest
    if _lexicon_digest is None:
        h = hashlib.sha256()
        data = Path(__file__).resolve().parent / "data"
        try:
            files = sorted(p for p in data.iterdir() if p.suffix in (".yaml", ".yml"))
        except OSError:
            files = []
        for p in files:
            h.update(p.name.encode() + b"\0")
            try:
                h.update(p.read_bytes())
            except OSError:
                h.update(b"<unreadable>")
            h.update(b"\0")
        _lexicon_digest = h.hexdigest()
    return _lexicon_digest


def cache_key(raw_bytes: bytes) -> str:
    """Key for one document: its content hash, the tool's version and the lexicons' hash."""
    return digest_key(hashlib.sha256(raw_bytes).hexdigest())


def digest_key(content_sha256: str) -> str:
    """``cache_key`` for a document whose bytes' sha256 hex digest is already known."""
    salt = f"{FORMAT}\0{__version__}\0{lexicon_digest()}\0{content_sha256}"
    return hashlib.sha256(salt.encode()).hexdigest()


def _inside(child: Path, parent: Path) -> bool:
    try:
        child.resolve().relative_to(parent.resolve())
        return True
    except (ValueError, OSError):
        return False


class ExtractionCache:
    """Get and put extraction dicts by key; counts hits and misses for the curious.

    ``corpus_dir``: if the cache directory would fall inside it, the cache is
    disabled rather than write into the corpus. ``enabled=False`` (``--no-cache``)
    makes every ``get`` miss and every ``put`` a no-op.
    """

    def __init__(self, root: Path | str | None = None, *, enabled: bool = True,
                 corpus_dir: Path | str | None = None):
        self.root = Path(root) if root is not None else default_cache_dir()
        self.path = self.root / _SUBDIR
        self.enabled = enabled and not (corpus_dir is not None and _inside(self.root, Path(corpus_dir)))
        self._writable = True
        self.hits = self.misses = self.writes = 0

    def _file(self, key: str) -> Path:
        return self.path / key[:2] / f"{key}.json"

    def get(self, key: str) -> dict | None:
        """The stored dict, or None when absent, unreadable or corrupt."""
        if not self.enabled:
            return None
        try:
            with open(self._file(key), "rb") as fh:
                value = json.loads(fh.read())
        except (OSError, ValueError):
            self.misses += 1
            return None
        if not isinstance(value, dict):
            self.misses += 1
            return None
        self.hits += 1
        return value

    def put(self, key: str, value: dict) -> bool:
        """Store atomically (temp file + os.replace); False if it could not be written."""
        if not (self.enabled and self._writable):
            return False
        target = self._file(key)
        tmp = None
        try:
            data = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        except (TypeError, ValueError):
            return False  # not JSON data: this entry only, the cache stays usable
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=".json")
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, target)
        except OSError:
            self._writable = False  # one failure is enough: stop paying for more
            if tmp is not None:
                try:
                    os.unlink(tmp)
                except OSError:
                    pass
            return False
        self.writes += 1
        return True

    def get_extraction(self, key: str, source: str | None = None) -> Extraction | None:
        """``get`` rebuilt as an Extraction (for ``source`` if given); None if absent or malformed."""
        d = self.get(key)
        if d is None:
            return None
        try:
            return extraction_from_dict(d, source=source)
        except (KeyError, TypeError, ValueError, AttributeError):
            self.hits -= 1
            self.misses += 1
            return None

    def put_extraction(self, key: str, extraction: Extraction) -> bool:
        """Store an Extraction in the compact form (about half the size and time of ``to_dict``)."""
        return self.put(key, pack_extraction(extraction))

    def clear(self) -> int:
        """Remove every cached file (this tool's files only); return how many were removed."""
        removed = 0
        try:
            subdirs = [p for p in self.path.iterdir() if p.is_dir()]
        except OSError:
            return 0
        for sub in subdirs:
            try:
                entries = list(sub.iterdir())
            except OSError:
                continue
            for f in entries:
                if f.suffix == ".json" and f.is_file():
                    try:
                        f.unlink()
                        removed += 1
                    except OSError:
                        pass
            try:
                sub.rmdir()
            except OSError:
                pass
        return removed


def _resource(value, old: str | None, new: str | None):
    """Rewrite a "<source>:..." id for a document stored under another source id."""
    if old is None or new is None or old == new or not isinstance(value, str):
        return value
    prefix = old + ":"
    return new + ":" + value[len(prefix):] if value.startswith(prefix) else value


_QUOTE_FIELDS = tuple(f.name for f in fields(Quote))
_CLAIM_FIELDS = tuple(f.name for f in fields(Claim))
_PERSON_FIELDS = tuple(f.name for f in fields(PersonMention))


def pack_extraction(ex: Extraction) -> dict:
    """Compact JSON-ready form: field names once, then one list of values per record."""
    return {"source": ex.source,
            "fields": [_QUOTE_FIELDS, _CLAIM_FIELDS, _PERSON_FIELDS],
            "q": [[getattr(q, f) for f in _QUOTE_FIELDS] for q in ex.quotes],
            "c": [[getattr(c, f) for f in _CLAIM_FIELDS] for c in ex.claims],
            "p": [[getattr(p, f) for f in _PERSON_FIELDS] for p in ex.people]}


def _rows(rows: list, names: tuple[str, ...], tuples: tuple[str, ...], ids: tuple[str, ...],
          old: str, new: str) -> list[list]:
    """Packed rows ready for ``Record(*row)``: list fields back to tuples, ids relabelled."""
    tuple_at = [names.index(n) for n in tuples]
    id_at = [names.index(n) for n in ids] if old != new else []
    src = names.index("source") if "source" in names else None
    out = []
    for row in rows:
        if len(row) != len(names):
            raise ValueError("cached record has the wrong length")
        row = list(row)
        for i in tuple_at:
            row[i] = tuple(_resource(x, old, new) for x in row[i] or ())
        for i in id_at:
            row[i] = _resource(row[i], old, new)
        if src is not None:
            row[src] = new
        out.append(row)
    return out


def _from_packed(d: dict, source: str | None) -> Extraction:
    names = [tuple(n) for n in d["fields"]]
    if names != [_QUOTE_FIELDS, _CLAIM_FIELDS, _PERSON_FIELDS]:
        raise KeyError("cached with other record fields")
    old = d["source"]
    new = old if source is None else source
    quotes = _rows(d["q"], _QUOTE_FIELDS, ("candidates",), ("id", "utterance"), old, new)
    claims = _rows(d["c"], _CLAIM_FIELDS, ("quotes",), ("id",), old, new)
    people = _rows(d["p"], _PERSON_FIELDS, (), (), old, new)
    return Extraction(source=new, quotes=tuple(Quote(*r) for r in quotes),
                      claims=tuple(Claim(*r) for r in claims),
                      people=tuple(PersonMention(*r) for r in people))


def extraction_from_dict(d: dict, source: str | None = None) -> Extraction:
    """Inverse of ``Extraction.to_dict()`` (and of ``pack_extraction``).

    With ``source``, the records are re-labelled for that document id: a cache
    entry is keyed by content, and two files with the same bytes have different
    ids.
    """
    if "fields" in d:
        return _from_packed(d, source)
    old = d["source"]
    new = old if source is None else source

    def fix(rec: dict, *id_fields: str) -> dict:
        rec = dict(rec)
        rec["source"] = new
        for f in id_fields:
            rec[f] = _resource(rec.get(f), old, new)
        return rec

    quotes = []
    for q in d.get("quotes", ()):
        q = fix(q, "id", "utterance")
        q["candidates"] = tuple(q.get("candidates") or ())
        quotes.append(Quote(**q))
    claims = []
    for c in d.get("claims", ()):
        c = fix(c, "id")
        c["quotes"] = tuple(_resource(x, old, new) for x in c.get("quotes") or ())
        claims.append(Claim(**c))
    people = tuple(PersonMention(**p) for p in d.get("people", ()))
    return Extraction(source=new, quotes=tuple(quotes), claims=tuple(claims), people=people)
