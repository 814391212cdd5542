"""Sharded inputs -> Articles: JSONL, Parquet and WARC files, one shard per file.

Every record becomes an ``Article`` or a ``Failed`` with its reason, as in ``ingest``; a broken
record never stops the shard, and a shard that cannot be opened yields one ``Failed``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fieldreport.errors import InputError
from fieldreport.ingest import article_from_record, read_bytes, read_paths
from fieldreport.model import Article, Failed

JSONL = {".jsonl", ".ndjson"}
PARQUET = {".parquet", ".pq"}
WARC = (".warc", ".warc.gz")
PARQUET_COLUMNS = ("text", "html", "published", "outlet", "url", "title")


@dataclass(frozen=True, slots=True)
class Shard:
    """One input file and the name its outputs carry (``mentions/<name>.parquet``)."""

    path: Path
    name: str


def shards(inputs: Sequence[Path]) -> list[Shard]:
    """The shards of files and folders, each with a unique, file-system-safe name."""
    files: list[Path] = []
    for path in inputs:
        if path.is_dir():
            files.extend(sorted(p for p in path.rglob("*") if p.is_file() and _kind(p)))
        else:
            files.append(path)
    out: list[Shard] = []
    taken: set[str] = set()
    for number, path in enumerate(files):
        name = re.sub(r"[^A-Za-z0-9._-]+", "_", path.name)
        if name in taken:
            name = f"{number:05d}-{name}"
        taken.add(name)
        out.append(Shard(path, name))
    return out


def _kind(path: Path) -> str:
    name = path.name.lower()
    if path.suffix.lower() in JSONL:
        return "jsonl"
    if path.suffix.lower() in PARQUET:
        return "parquet"
    if name.endswith(WARC):
        return "warc"
    return ""


def read_shard(path: Path) -> Iterator[Article | Failed]:
    """Every article of one shard, or why a record failed."""
    kind = _kind(path)
    if not path.is_file():
        yield Failed(str(path), "input_error", "no such file")
    elif kind == "jsonl":
        yield from read_paths([path])
    elif kind == "parquet":
        yield from _read_parquet(path)
    elif kind == "warc":
        yield from _read_warc(path)
    else:
        yield Failed(str(path), "unsupported_format", f"not a shard: {path.name!r}")


def _cell(value: Any) -> Any:
    return value.isoformat() if isinstance(value, (dt.date, dt.datetime)) else value


def _read_parquet(path: Path) -> Iterator[Article | Failed]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        parquet = pq.ParquetFile(path)
        names = [c for c in PARQUET_COLUMNS if c in parquet.schema_arrow.names]
        batches = parquet.iter_batches(batch_size=1024, columns=names)
        number = 0
        for batch in batches:
            for row in batch.to_pylist():
                number += 1
                source = f"{path}:{number}"
                record = {k: _cell(v) for k, v in row.items() if v is not None}
                try:
                    yield article_from_record(record, source=source)
                except InputError as exc:
                    yield Failed(source, exc.code, exc.message)
    except (OSError, pa.ArrowException) as exc:
        yield Failed(str(path), "bad_record", f"unreadable Parquet: {exc}")


def _read_warc(path: Path) -> Iterator[Article | Failed]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        with path.open("rb") as handle:
            for record in ArchiveIterator(handle):
                if record.rec_type != "response":
                    continue  # warcinfo, request, metadata: not articles
                yield _warc_article(record, f"{path}@{record.raw_stream.tell()}")
    except (OSError, ArchiveLoadFailed) as exc:
        yield Failed(str(path), "bad_record", f"unreadable WARC: {exc}")


def _warc_article(record: Any, source: str) -> Article | Failed:
    url = record.rec_headers.get_header("WARC-Target-URI")
    fetched = _warc_date(record.rec_headers.get_header("WARC-Date"))
    kind = record.http_headers.get_header("Content-Type", "") if record.http_headers else ""
    source = url or source
    if kind and "html" not in kind.lower() and "text" not in kind.lower():
        return Failed(source, "unsupported_format", f"response is {kind}, not HTML")
    try:
        article = read_bytes(record.content_stream().read(), source=source, suffix=".html", url=url)
    except InputError as exc:
        return Failed(source, exc.code, exc.message)
    return dataclasses.replace(article, fetched_at=fetched, raw_ref=url)


def _warc_date(value: str | None) -> dt.datetime | None:
    if not value:
        return None
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
