"""Articles posted to the API -> the store and its incidents (the API's side of ``ingest``).

A body is one JSON object, a JSON array or JSON lines (``application/x-ndjson``); each record
becomes an article or a named failure, as ``service.ingest_paths`` does for files.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from fieldreport.errors import BadRecord, EmptyInput, InputError
from fieldreport.ingest import article_from_record
from fieldreport.model import Article, Failed
from fieldreport.pipeline import Pipeline
from fieldreport.service import fuse_pending
from fieldreport.store import Store

NDJSON_TYPES = {"application/x-ndjson", "application/ndjson", "application/jsonl"}


@dataclass
class IngestOutcome:
    added: int = 0
    skipped: int = 0
    mentions: int = 0
    incidents_new: int = 0
    incidents_updated: int = 0
    failures: list[Failed] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.failures)


def _json(raw: bytes, source: str) -> Any:
    try:
        return json.loads(raw)
    except UnicodeDecodeError:
        raise BadRecord("the body is not UTF-8", source=source) from None
    except json.JSONDecodeError as exc:
        raise BadRecord(f"invalid JSON: {exc.msg} at column {exc.colno}", source=source) from None


def _lines(body: bytes) -> Iterator[Article | Failed]:
    for number, raw in enumerate(body.splitlines(), start=1):
        source = f"request line {number}"
        if not raw.strip():
            continue
        try:
            yield article_from_record(_json(raw, source), source=source)
        except InputError as exc:
            yield Failed(source, exc.code, exc.message)


def _items(records: list[Any]) -> Iterator[Article | Failed]:
    for number, record in enumerate(records, start=1):
        source = f"request item {number}"
        try:
            yield article_from_record(record, source=source)
        except InputError as exc:
            yield Failed(source, exc.code, exc.message)


def parse_body(body: bytes, content_type: str) -> list[Article | Failed]:
    """Every record of a body; a single JSON object that is no article raises its InputError."""
    if not body.strip():
        raise EmptyInput("the request body is empty", source="request")
    if content_type.split(";")[0].strip().lower() in NDJSON_TYPES:
        return list(_lines(body))
    data = _json(body, "request")
    if isinstance(data, list):
        return list(_items(data))
    return [article_from_record(data, source="request")]


def ingest_records(
    items: Sequence[Article | Failed], store: Store, pipeline: Pipeline
) -> IngestOutcome:
    """Store the new articles with their events, fuse them, and record every failure."""
    outcome = IngestOutcome()
    fresh: list[Article] = []
    for item in items:
        if isinstance(item, Failed):
            outcome.failures.append(item)
            store.record_failure(item.source, item.code, item.message)
        elif store.has_article(item.id):
            outcome.skipped += 1
        else:
            fresh.append(item)
    for article, found in pipeline.extract_many(fresh):
        if store.add(article, found):
            outcome.added += 1
            outcome.mentions += len(found)
        else:
            outcome.skipped += 1
    outcome.incidents_new, outcome.incidents_updated = fuse_pending(store)
    return outcome
