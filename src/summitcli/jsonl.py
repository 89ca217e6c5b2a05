"""Reading records written by ``summit extract --jsonl`` (for ``compare --from-jsonl``)."""
from __future__ import annotations

import json
import sys
from pathlib import Path

from summitcli.corpus import Document
from summitcli.errors import InputError
from summitcli.records import Extraction


def read_extractions(path: Path) -> tuple[list[Extraction], list[Document]]:
    """Each line one document: ``Extraction.to_dict()`` plus optional date/title/outlet."""
    from summitcli.cache import extraction_from_dict

    extractions: list[Extraction] = []
    documents: list[Document] = []
    stream = sys.stdin if str(path) == "-" else _open(path)
    try:
        for number, line in enumerate(stream, 1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
                extraction = extraction_from_dict(data)
            except (ValueError, KeyError, TypeError) as exc:
                raise InputError(f"{path}: line {number} is not an extract record ({exc})") from None
            extractions.append(extraction)
            documents.append(Document(
                id=extraction.source, path=str(path), text="", digest="",
                title=data.get("title"), outlet=data.get("outlet"), date=data.get("date")))
    finally:
        if stream is not sys.stdin:
            stream.close()
    if not extractions:
        raise InputError(f"{path}: no records")
    return extractions, documents


def _open(path: Path):
    try:
        return open(path, encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from None
