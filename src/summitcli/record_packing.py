"""Extraction records as plain JSON data and back, relabelled for another document id.

``pack_extraction`` writes the compact form the extraction cache stores (field
names once, then one list of values per record); ``extraction_from_dict`` reads
it, or ``Extraction.to_dict()`` output, and can relabel every "<source>:..." id
for a document with the same bytes under another source id.
"""
from __future__ import annotations

from dataclasses import fields

from summitcli.records import Claim, Extraction, PersonMention, Quote


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
