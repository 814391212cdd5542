"""Plain text and bytes -> Article, with an optional ``Key: value`` header block."""

from __future__ import annotations

import datetime as dt
import re

from fieldreport.errors import BadRecord, DecodeError, EmptyInput, UnsupportedFormat
from fieldreport.ingest.clean import clean_text
from fieldreport.model import Article

HEADER_KEYS = {"title", "published", "outlet", "url"}
_HEADER_LINE = re.compile(r"^(?P<key>[A-Za-z]+):[ \t]*(?P<value>.*)$")
_MAGIC = {
    b"%PDF": "PDF",
    b"\x89PNG": "PNG image",
    b"\xff\xd8\xff": "JPEG image",
    b"PK\x03\x04": "ZIP archive",
    b"\x1f\x8b": "gzip archive",
    b"GIF8": "GIF image",
}


def decode(data: bytes, *, source: str = "") -> str:
    """Bytes -> text: UTF-8 (with or without BOM), then Windows-1252; binary is refused."""
    for magic, kind in _MAGIC.items():
        if data.startswith(magic):
            raise UnsupportedFormat(f"{kind} is not a text or HTML article", source=source)
    if b"\x00" in data[:4096]:
        raise DecodeError("binary data (NUL bytes), not text", source=source)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise DecodeError(f"neither UTF-8 nor Windows-1252 ({exc.reason})", source=source) from exc


def parse_date(value: str, *, source: str = "", field: str = "published") -> dt.date:
    """An ISO date (or the date part of an ISO timestamp); BadRecord otherwise."""
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError as exc:
        raise BadRecord(
            f"{field} {value!r} is not an ISO date (YYYY-MM-DD)", source=source
        ) from exc


def split_header(text: str) -> tuple[dict[str, str], str]:
    """Leading ``Title:/Published:/Outlet:/URL:`` lines ended by a blank line, and the body."""
    lines = text.splitlines(keepends=True)
    header: dict[str, str] = {}
    for i, line in enumerate(lines):
        if not line.strip():
            return (header, "".join(lines[i + 1 :])) if header else ({}, text)
        match = _HEADER_LINE.match(line.rstrip("\r\n"))
        if not match or match["key"].lower() not in HEADER_KEYS:
            return {}, text
        header[match["key"].lower()] = match["value"].strip()
    return {}, text


def article_from_text(
    text: str,
    *,
    published: dt.date | None = None,
    url: str | None = None,
    outlet: str | None = None,
    title: str | None = None,
    source: str = "",
) -> Article:
    """A plain-text report -> Article. Arguments override the header block."""
    header, body = split_header(text)
    if not body.strip():
        raise EmptyInput("no text (empty or whitespace only)", source=source)
    body = clean_text(body)
    if not body:
        raise EmptyInput("only page debris, no report text", source=source)
    if published is None and header.get("published"):
        published = parse_date(header["published"], source=source)
    if title is None:
        title = header.get("title") or _first_line(body)
    return Article.from_text(
        body,
        title=title,
        url=url or header.get("url") or None,
        outlet=outlet or header.get("outlet") or None,
        published=published,
        raw_ref=source or None,
    )


def _first_line(body: str) -> str | None:
    first = body.split("\n", 1)[0].strip()
    return first if 0 < len(first) <= 200 else None
