"""Reading records written by ``summit extract --jsonl`` (for ``compare --from-jsonl``)."""
from __future__ import annotations

import json
import sys
from dataclasses import fields
from pathlib import Path

from summitcli.corpus import Document
from summitcli.errors import InputError
from summitcli.records import Claim, Extraction, PersonMention, Quote


def read_extractions(path: Path) -> tuple[list[Extraction], list[Document]]:
    """Each line one document: ``Extraction.to_dict()`` plus optional date/title/outlet."""
    from summitcli.cache import extraction_from_dict

    extractions: list[Extraction] = []
    documents: list[Document] = []
    stream = sys.stdin.buffer if str(path) == "-" else _open(path)
    try:
        for number, raw in enumerate(stream, 1):
            try:
                line = raw.decode("utf-8")
                if not line.strip():
                    continue
                data = json.loads(line)
                check_record(data)
                extraction = extraction_from_dict(data)
            except (ValueError, KeyError, TypeError) as exc:
                raise InputError(f"{path}: line {number} is not an extract record ({exc})") from None
            extractions.append(extraction)
            documents.append(Document(
                id=extraction.source, path=str(path), text="", digest="",
                title=data.get("title"), outlet=data.get("outlet"), date=data.get("date")))
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()
    if not extractions:
        raise InputError(f"{path}: no records")
    return extractions, documents


_TYPES = {"str": str, "int": int, "bool": bool, "None": type(None)}


def _check_fields(cls, record) -> None:
    """Raise TypeError unless ``record`` has the field types ``cls`` declares."""
    if not isinstance(record, dict):
        raise TypeError(f"a {cls.__name__} record must be an object")
    for f in fields(cls):
        if f.name not in record:
            continue
        value, declared = record[f.name], str(f.type)
        if declared.startswith("tuple["):
            ok = isinstance(value, list) and all(isinstance(v, str) for v in value)
        else:
            allowed = tuple(_TYPES[t.strip()] for t in declared.split("|"))
            ok = isinstance(value, allowed) and not (
                isinstance(value, bool) and bool not in allowed)
        if not ok:
            raise TypeError(f"{cls.__name__}.{f.name} has the wrong type")


def check_record(data) -> None:
    """Validate one ``summit extract --jsonl`` line before building records from it."""
    if not isinstance(data, dict) or not isinstance(data.get("source"), str):
        raise TypeError("a record needs a text 'source'")
    for key, cls in (("quotes", Quote), ("claims", Claim), ("people", PersonMention)):
        items = data.get(key, [])
        if not isinstance(items, list):
            raise TypeError(f"'{key}' must be a list")
        for item in items:
            _check_fields(cls, item)


def _open(path: Path):
    try:
        return open(path, "rb")
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from None
