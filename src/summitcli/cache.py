"""Caches in the user's cache directory: per-document extraction, and whole results.

Extraction is a pure function of one document's bytes, the tool's code and
the YAML lexicons in ``summitcli/data``, so its result can be kept under a key
made of these (``ExtractionCache``: one small JSON file per document under
two-character subfolders of ``extract/``). Corpus-wide results (speaker
resolution and statement matching behind ``summit compare``) are kept whole by
``ResultCache`` in ``results/``, keyed by everything they depend on (see
``result_key``), the few most recently used only. The cache lives in
``$SUMMIT_CACHE_DIR``, else ``$XDG_CACHE_HOME/summit``, else ``~/.cache/summit``
(never in a corpus folder).

A cache is an optimisation, never a source of failure: an unreadable, corrupt
or unwritable cache behaves like an empty one, and nothing here raises
``OSError`` or prints.

Records are packed for the extraction cache and read back by
:mod:`summitcli.record_packing`.
"""
from __future__ import annotations

import hashlib
import json
import marshal
import os
import sys
import tempfile
import zlib
from pathlib import Path

from summitcli import __version__
from summitcli.record_packing import (  # noqa: F401 (re-exported)
    _CLAIM_FIELDS, _PERSON_FIELDS, _QUOTE_FIELDS, _from_packed, _resource, _rows,
    extraction_from_dict, pack_extraction)
from summitcli.records import Extraction

FORMAT = "1"  # bump when the stored layout changes
_SUBDIR = "extract"
_RESULTS = "results"
_KEEP_RESULTS = 8  # result entries kept (least recently used go first)
_MAGIC = b"summit-result-1\0"
_lexicon_digest: str | None = None
_code_digest: str | None = None
_code_stamp: str | None = None


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
        data = Path(__file__).resolve().parent / "data"
        _lexicon_digest = _files_digest(data, lambda: (p for p in data.iterdir() if p.suffix in (".yaml", ".yml")))
    return _lexicon_digest


def code_digest() -> str:
    """A hash of the package's Python source files.

    Results keys include it (extraction keys use the cheaper ``code_stamp``: they are
    checked at every start-up): a development checkout changes its matching code
    without a version bump, and a stale result would hide the change.
    """
    global _code_digest
    if _code_digest is None:
        package = Path(__file__).resolve().parent
        _code_digest = _files_digest(package, lambda: package.rglob("*.py"))
    return _code_digest


def code_stamp() -> str:
    """A cheap fingerprint of the package's top-level modules: each file's name, size and
    modification time (one directory scan, well under a millisecond).

    Extraction keys include it, so editing extractor code in a checkout is never answered
    from a stale extraction; a reinstall that only touches times costs one cold run. The
    content hash (``code_digest``) would cost milliseconds at every start-up."""
    global _code_stamp
    if _code_stamp is None:
        _code_stamp = _folder_stamp(Path(__file__).resolve().parent, ".py")
    return _code_stamp


def _folder_stamp(folder: Path, suffix: str) -> str:
    """sha256 over (name, size, mtime) of the files in ``folder`` ending in ``suffix``."""
    h = hashlib.sha256()
    try:
        with os.scandir(folder) as entries:
            stats = sorted((e.name, e.stat().st_size, e.stat().st_mtime_ns)
                           for e in entries if e.name.endswith(suffix) and e.is_file())
    except OSError:
        stats = []
    for name, size, mtime in stats:
        h.update(f"{name}\0{size}\0{mtime}\0".encode("utf-8", "replace"))
    return h.hexdigest()


def _files_digest(base: Path, listing) -> str:
    """sha256 over each listed file's path (relative to ``base``) and bytes, in sorted order;
    an unlistable folder or unreadable file is hashed as such rather than failing."""
    h = hashlib.sha256()
    try:
        files = sorted(listing())
    except OSError:
        files = []
    for p in files:
        h.update(str(p.relative_to(base)).encode("utf-8", "replace") + b"\0")
        try:
            h.update(p.read_bytes())
        except OSError:
            h.update(b"<unreadable>")
        h.update(b"\0")
    return h.hexdigest()


def result_key(kind: str, inputs: bytes) -> str:
    """Key for a corpus-wide result: its kind, a canonical encoding of its inputs, the tool's
    version, its source code, the lexicons and the Python version (``marshal`` format)."""
    salt = (f"{FORMAT}\0{kind}\0{__version__}\0{code_digest()}\0{lexicon_digest()}\0"
            f"{sys.version_info[:2]}\0{marshal.version}\0").encode()
    return hashlib.sha256(salt + inputs).hexdigest()


def cache_key(raw_bytes: bytes) -> str:
    """Key for one document: its content hash, the tool's version and code, and the lexicons' hash."""
    return digest_key(hashlib.sha256(raw_bytes).hexdigest())


def digest_key(content_sha256: str) -> str:
    """``cache_key`` for a document whose bytes' sha256 hex digest is already known."""
    salt = f"{FORMAT}\0{__version__}\0{code_stamp()}\0{lexicon_digest()}\0{content_sha256}"
    return hashlib.sha256(salt.encode()).hexdigest()


def write_atomic(target: Path, data: bytes, suffix: str) -> bool:
    """Write through a temp file and ``os.replace``: readers see the old file or the new
    one, never a part. False (and no temp file left) if it could not be written."""
    tmp = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=suffix)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, target)
    except OSError:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
        return False
    return True


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
        try:
            data = json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        except (TypeError, ValueError):
            return False  # not JSON data: this entry only, the cache stays usable
        if not write_atomic(self._file(key), data, ".json"):
            self._writable = False  # one failure is enough: stop paying for more
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


class ResultCache:
    """Whole corpus-wide results (plain tuples, lists, dicts, strings, numbers) by key.

    Stored as ``marshal`` data compressed with zlib behind a magic header: zlib's
    checksum turns a damaged file into a miss before ``marshal`` sees it, and
    the key includes the Python version that wrote it. Only the ``keep`` most
    recently used entries stay (a hit refreshes an entry's time). Like
    ``ExtractionCache``: disabled inside the corpus folder or with ``enabled=False``,
    and never a source of failure.
    """

    def __init__(self, root: Path | str | None = None, *, enabled: bool = True,
                 corpus_dir: Path | str | None = None, keep: int = _KEEP_RESULTS):
        self.root = Path(root) if root is not None else default_cache_dir()
        self.path = self.root / _RESULTS
        self.enabled = enabled and not (corpus_dir is not None and _inside(self.root, Path(corpus_dir)))
        self.keep = keep

    def _file(self, key: str) -> Path:
        return self.path / f"{key}.bin"

    def get(self, key: str, decode=None):
        """The stored value (passed through ``decode`` if given), or None when absent,
        unreadable, corrupt, or refused by ``decode`` (TypeError/ValueError/KeyError/IndexError)."""
        if not self.enabled:
            return None
        target = self._file(key)
        try:
            with open(target, "rb") as fh:
                data = fh.read()
            if not data.startswith(_MAGIC):
                return None
            value = marshal.loads(zlib.decompress(data[len(_MAGIC):]))
            value = decode(value) if decode is not None else value
        except (OSError, zlib.error, EOFError, ValueError, TypeError, KeyError, IndexError):
            return None
        try:
            os.utime(target)  # recently used: pruned last
        except OSError:
            pass
        return value

    def put(self, key: str, value) -> bool:
        """Store atomically and prune old entries; False if it could not be written."""
        if not self.enabled:
            return False
        try:
            data = _MAGIC + zlib.compress(marshal.dumps(value), 1)
        except ValueError:  # not plain data
            return False
        if not write_atomic(self._file(key), data, ".bin"):
            return False
        self._prune()
        return True

    def _entries(self) -> list[Path]:
        try:
            return [p for p in self.path.iterdir() if p.suffix == ".bin" and p.is_file()]
        except OSError:
            return []

    def _prune(self) -> None:
        def mtime(p: Path) -> float:
            try:
                return p.stat().st_mtime
            except OSError:
                return 0.0

        for old in sorted(self._entries(), key=mtime, reverse=True)[self.keep:]:
            try:
                old.unlink()
            except OSError:
                pass

    def clear(self) -> int:
        """Remove every stored result; return how many were removed."""
        removed = 0
        for p in self._entries():
            try:
                p.unlink()
                removed += 1
            except OSError:
                pass
        return removed


def clear_all(root: Path | str | None = None) -> int:
    """Empty both caches (``summit cache clear``); return how many files were removed."""
    return ExtractionCache(root).clear() + ResultCache(root).clear()
