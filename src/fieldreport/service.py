"""Library functions behind the CLI: extract one input, ingest many, read and print events."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from fieldreport.config import Settings
from fieldreport.errors import ConfigError
from fieldreport.export import mention_record, write_acled_csv
from fieldreport.fuse import Fuser, FusionConfig, Report
from fieldreport.ingest import read_bytes, read_paths
from fieldreport.model import Article, Failed, Incident, Mention
from fieldreport.pipeline import Pipeline
from fieldreport.store import Store

FORMATS = ("table", "csv", "json", "jsonl")
FUSE_EVERY = 100  # articles between two fusion steps while ingesting


@dataclass(frozen=True, slots=True)
class IngestReport:
    added: int
    skipped: int
    failed: int
    mentions: int
    incidents_new: int = 0
    incidents_updated: int = 0


def extract_bytes(
    data: bytes, *, source: str, suffix: str, settings: Settings, **meta: Any
) -> tuple[Article, list[Mention]]:
    """One document's bytes -> its article and events."""
    article = read_bytes(
        data, source=source, suffix=suffix, **{k: v for k, v in meta.items() if v is not None}
    )
    return article, Pipeline(settings).extract(article)


def ingest_paths(
    paths: Sequence[Path],
    settings: Settings,
    on_failure: Callable[[str, str, str], None] | None = None,
) -> IngestReport:
    """Store every article under ``paths``; stored ones are skipped, failures recorded."""
    store = Store(settings.db)
    added = skipped = failed = mentions = new = updated = 0
    articles: list[Article] = []
    for item in read_paths(paths):
        if isinstance(item, Failed):
            failed += 1
            store.record_failure(item.source, item.code, item.message)
            if on_failure:
                on_failure(item.source, item.code, item.message)
        elif store.has_article(item.id):
            skipped += 1
        else:
            articles.append(item)
    if articles:
        pipeline = Pipeline(settings)
        for n, (article, found) in enumerate(pipeline.extract_many(articles), start=1):
            if store.add(article, found):  # one transaction per article
                added += 1
                mentions += len(found)
            else:
                skipped += 1
            if n % FUSE_EVERY == 0:
                fused = fuse_pending(store)
                new, updated = new + fused[0], updated + fused[1]
    fused = fuse_pending(store)  # also what a crashed run stored but never fused
    store.close()
    return IngestReport(added, skipped, failed, mentions, new + fused[0], updated + fused[1])


def fuse_pending(store: Store) -> tuple[int, int]:
    """Fuse every stored mention that no incident holds yet."""
    reports = [Report(m, a.outlet or "", a.published) for a, m in store.unfused()]
    return fuse_into_store(store, reports)


def fuse_into_store(
    store: Store, reports: Sequence[Report], config: FusionConfig | None = None
) -> tuple[int, int]:
    """File new reports under stored incidents (or new ones); returns (new, updated) counts."""
    if not reports:
        return 0, 0
    config = config or FusionConfig()
    dated = [r.mention.date for r in reports if r.mention.date is not None]
    pad = dt.timedelta(days=config.window_days)
    existing = store.incidents(
        since=min(d.first for d in dated) - pad if dated else None,
        until=max(d.last for d in dated) + pad if dated else None,
    )
    known = {i.id for i in existing}
    fuser = Fuser(config, existing)
    touched: set[str] = set()
    for report in sorted(reports, key=lambda r: (r.published or dt.date.min, r.mention.index)):
        touched.add(fuser.add(report))
    changed = [i for i in fuser.incidents() if i.id in touched]
    store.save_incidents(changed)
    return len(touched - known), len(touched & known)


def stored_incidents(settings: Settings, **filters: Any) -> list[Incident]:
    store = Store(settings.db)
    try:
        return store.incidents(**filters)
    finally:
        store.close()


def stored_events(
    settings: Settings,
    *,
    country: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    event_type: str | None = None,
) -> list[tuple[Article, Mention]]:
    store = Store(settings.db)
    try:
        return store.mentions(country=country, since=since, until=until, event_type=event_type)
    finally:
        store.close()


def write_mentions(rows: Iterable[tuple[Article, Mention]], fmt: str, out: TextIO) -> None:
    """Print events as ACLED CSV, a JSON array, or JSON lines."""
    if fmt == "csv":
        write_acled_csv(rows, out)
    elif fmt == "json":
        json.dump([mention_record(a, m) for a, m in rows], out, indent=2, ensure_ascii=False)
        out.write("\n")
    elif fmt == "jsonl":
        for article, mention in rows:
            out.write(json.dumps(mention_record(article, mention), ensure_ascii=False) + "\n")
    else:
        raise ConfigError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")


def table_rows(rows: Iterable[tuple[Article, Mention]]) -> list[tuple[str, ...]]:
    """Short text cells for the terminal table."""
    out: list[tuple[str, ...]] = []
    for _, mention in rows:
        actor1 = ", ".join(a.name for a in mention.actors_in("actor1"))
        actor2 = ", ".join(a.name for a in mention.actors_in("actor2"))
        place = mention.place
        out.append(
            (
                mention.date.date.isoformat() if mention.date else "",
                mention.event_type,
                mention.sub_event_type,
                actor1,
                actor2,
                f"{place.name} (p{place.precision})" if place else "",
                place.country_name if place else "",
                str(mention.fatalities.acled),
                str(len(mention.claims)),
            )
        )
    return out
