"""What a batch run leaves under its output folder, and how a finished shard is recorded.

    out/mentions/<shard>.parquet   mention rows (stages.MENTION_SCHEMA), sorted
    out/articles/<shard>.parquet   the articles, whole, for loading into a store later
    out/_done/<shard>              marker: the shard's counts and failed records (JSON)
    out/errors.jsonl               every failed record of every shard: source, code, message
    out/incidents.parquet|.jsonl   fusion per (country, ISO week) block of all mentions

Files are written to a temporary name and renamed, and the marker comes last, so a shard either
has a marker and complete files or is done again by the next run.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import resource
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from fieldreport.distributed.sources import Shard
from fieldreport.distributed.stages import (
    ARTICLE_SCHEMA,
    article_from_json,
    article_to_json,
    mention_from_dict,
    sort_rows,
    table,
)
from fieldreport.export.incidents import write_parquet
from fieldreport.fuse import Report, fuse
from fieldreport.model import Article, Failed, Incident, Mention, as_dict


@dataclass(frozen=True, slots=True)
class ShardResult:
    """A finished shard: counts, failed records, and the worker's peak memory."""

    name: str
    articles: int
    mentions: int
    failures: tuple[Failed, ...] = ()
    peak_mb: float = 0.0
    seconds: float = 0.0
    skipped: bool = False  # finished by an earlier run


def peak_mb() -> float:
    """Peak resident memory of this process (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def marker(out: Path, name: str) -> Path:
    return out / "_done" / name


def write_table(data: pa.Table, path: Path) -> None:
    """Parquet, atomically: a temporary file in the same folder, then a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    pq.write_table(data, tmp)
    tmp.replace(path)


def write_text(text: str, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


def finish_shard(
    out: Path,
    name: str,
    articles: Sequence[tuple[int, Article]],
    rows: list[dict[str, Any]],
    failures: Sequence[Failed],
    seconds: float,
) -> ShardResult:
    """Write a shard's articles and sorted mention rows, then its marker."""
    arts = [
        {"shard": name, "seq": s, "id": a.id, "record": article_to_json(a)} for s, a in articles
    ]
    write_table(table(arts, ARTICLE_SCHEMA), out / "articles" / f"{name}.parquet")
    write_table(table(sort_rows(rows)), out / "mentions" / f"{name}.parquet")
    result = ShardResult(name, len(articles), len(rows), tuple(failures), peak_mb(), seconds)
    summary = {
        "articles": result.articles,
        "mentions": result.mentions,
        "peak_mb": round(result.peak_mb, 1),
        "seconds": round(seconds, 3),
        "failures": [as_dict(f) for f in failures],
    }
    write_text(json.dumps(summary, ensure_ascii=False), marker(out, name))
    return result


def read_marker(out: Path, name: str) -> ShardResult:
    d = json.loads(marker(out, name).read_text(encoding="utf-8"))
    failures = tuple(Failed(f["source"], f["code"], f["message"]) for f in d["failures"])
    return ShardResult(name, d["articles"], d["mentions"], failures, d["peak_mb"], skipped=True)


def write_errors(out: Path, results: Iterable[ShardResult]) -> int:
    """``errors.jsonl``: the failed records of every finished shard, in shard order."""
    lines = [json.dumps(as_dict(f), ensure_ascii=False) + "\n" for r in results for f in r.failures]
    write_text("".join(lines), out / "errors.jsonl")
    return len(lines)


def read_mentions(out: Path, shards: Sequence[Shard]) -> list[tuple[Mention, str, str | None]]:
    """(mention, outlet, published) for every row of the shards' mention files."""
    found: list[tuple[Mention, str, str | None]] = []
    for shard in shards:
        path = out / "mentions" / f"{shard.name}.parquet"
        columns = ["record", "outlet", "published"]
        for row in pq.read_table(path, columns=columns).to_pylist():
            mention = mention_from_dict(json.loads(row["record"]))
            found.append((mention, row["outlet"] or "", row["published"]))
    return found


def block_key(mention: Mention) -> tuple[str, str]:
    """(country, ISO year-week) of a mention; '' where it has no place or no date."""
    country = mention.place.country if mention.place else ""
    if mention.date is None:
        return country, ""
    year, week, _ = mention.date.first.isocalendar()
    return country, f"{year}-W{week:02d}"


def fuse_blocks(mentions: Iterable[tuple[Mention, str, str | None]]) -> list[Incident]:
    """Fusion run separately on each (country, week) block, blocks in sorted order."""
    blocks: dict[tuple[str, str], list[Report]] = defaultdict(list)
    for mention, outlet, published in mentions:
        day = dt.date.fromisoformat(published) if published else None
        blocks[block_key(mention)].append(Report(mention, outlet, day))
    return [incident for key in sorted(blocks) for incident in fuse(blocks[key])]


def write_incidents(out: Path, incidents: Sequence[Incident]) -> None:
    tmp = out / f".incidents.parquet.{os.getpid()}.tmp"
    write_parquet(incidents, tmp)
    tmp.replace(out / "incidents.parquet")
    lines = (json.dumps(as_dict(i), ensure_ascii=False) + "\n" for i in incidents)
    write_text("".join(lines), out / "incidents.jsonl")


def read_articles(out: Path, shard: Shard) -> list[Article]:
    path = out / "articles" / f"{shard.name}.parquet"
    return [article_from_json(r["record"]) for r in pq.read_table(path).to_pylist()]
