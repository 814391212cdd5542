"""Inputs -> Articles: plain text, HTML pages and JSONL batches, from files or folders.

Every item becomes an ``Article`` or a ``Failed`` record with its reason; nothing is dropped.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from fieldreport.errors import BadRecord, InputError, TooLarge, UnsupportedFormat
from fieldreport.ingest.html import article_from_html, looks_like_html
from fieldreport.ingest.text import article_from_text, decode, parse_date
from fieldreport.model import Article, Failed

__all__ = [
    "SUFFIXES",
    "article_from_html",
    "article_from_record",
    "article_from_text",
    "read_bytes",
    "read_paths",
]

SUFFIXES = {".txt", ".text", ".html", ".htm", ".jsonl", ".ndjson"}
_META = ("url", "outlet", "title")


MAX_BYTES = 10_000_000  # a news page is well under this; bigger inputs are refused, not parsed


def read_bytes(data: bytes, *, source: str, suffix: str = "", **meta: Any) -> Article:
    """One text or HTML document -> Article (InputError with the reason otherwise)."""
    if len(data) > MAX_BYTES:
        raise TooLarge(f"{len(data):,} bytes is over the {MAX_BYTES:,}-byte limit", source=source)
    text = decode(data, source=source)
    if suffix in {".html", ".htm"} or (suffix not in {".txt", ".text"} and looks_like_html(text)):
        published = meta.pop("published", None)
        return article_from_html(
            text, source=source, published=published.isoformat() if published else None, **meta
        )
    return article_from_text(text, source=source, **meta)


def article_from_record(record: Any, *, source: str) -> Article:
    """One JSONL object with ``text`` or ``html`` plus metadata -> Article."""
    if not isinstance(record, dict):
        raise BadRecord(f"expected a JSON object, got {type(record).__name__}", source=source)
    meta: dict[str, Any] = {}
    for key in _META:
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            raise BadRecord(f"field {key!r} must be a string", source=source)
        meta[key] = value or None
    if record.get("published"):
        meta["published"] = parse_date(str(record["published"]), source=source)
    body = record.get("html") if record.get("html") is not None else record.get("text")
    if body is None:
        raise BadRecord("record has neither 'text' nor 'html'", source=source)
    if not isinstance(body, str):
        raise BadRecord("'text'/'html' must be a string", source=source)
    if "html" in record and record["html"] is not None:
        published = meta.pop("published", None)
        meta.pop("title", None)
        return article_from_html(
            body, source=source, published=published.isoformat() if published else None, **meta
        )
    return article_from_text(body, source=source, **meta)


def _read_jsonl(path: Path) -> Iterator[Article | Failed]:
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            source = f"{path}:{number}"
            if not raw.strip():
                continue
            try:
                record = json.loads(decode(raw, source=source))
                yield article_from_record(record, source=source)
            except json.JSONDecodeError as exc:
                yield Failed(source, "bad_record", f"invalid JSON: {exc.msg} at column {exc.colno}")
            except InputError as exc:
                yield Failed(source, exc.code, exc.message)


def _files(paths: Iterable[Path]) -> Iterator[Path]:
    for path in paths:
        if path.is_dir():
            yield from sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES
            )
        else:
            yield path


def read_paths(paths: Iterable[Path], **meta: Any) -> Iterator[Article | Failed]:
    """Every article in files and folders (.txt, .html, .jsonl), or why one failed."""
    for path in _files(paths):
        suffix = path.suffix.lower()
        if suffix in {".jsonl", ".ndjson"}:
            yield from _read_jsonl(path)
            continue
        try:
            if not path.exists():
                raise InputError("no such file", source=str(path))
            if suffix and suffix not in SUFFIXES:
                raise UnsupportedFormat(f"unsupported file type {suffix!r}", source=str(path))
            yield read_bytes(path.read_bytes(), source=str(path), suffix=suffix, **meta)
        except InputError as exc:
            yield Failed(str(path), exc.code, exc.message)
