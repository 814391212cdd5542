"""The stage functions both engines run: articles in, flat mention rows out.

A ``Stage`` loads one ``Pipeline`` (spaCy, gazetteer, actor dictionary) and keeps it for the
life of its process or Ray actor; ``process_batch`` parses a batch with ``nlp.pipe``. A mention
row is flat columns for filtering plus ``record``, the whole mention as JSON
(``model.as_dict``), from which ``mention_from_dict`` rebuilds it exactly.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from typing import Any, cast

import pyarrow as pa

from fieldreport.config import Settings
from fieldreport.model import ActorRef, ActorRole, Article, Fatalities, Mention, Role, Span, as_dict
from fieldreport.pipeline import Pipeline
from fieldreport.store.incidents import _actor, _claim, _date, _place, _span

MENTION_SCHEMA = pa.schema(
    [
        ("shard", pa.string()),
        ("seq", pa.int64()),  # the article's position in its shard
        ("article_id", pa.string()),
        ("mention", pa.int64()),  # the mention's position in its article
        ("mention_id", pa.string()),  # Mention.index
        ("event_type", pa.string()),
        ("sub_event_type", pa.string()),
        ("date", pa.string()),
        ("date_end", pa.string()),
        ("time_precision", pa.int64()),
        ("location", pa.string()),
        ("country", pa.string()),
        ("latitude", pa.float64()),
        ("longitude", pa.float64()),
        ("geo_precision", pa.int64()),
        ("actor1", pa.string()),
        ("actor2", pa.string()),
        ("fatalities", pa.int64()),
        ("fatalities_low", pa.int64()),
        ("fatalities_best", pa.int64()),
        ("fatalities_high", pa.int64()),
        ("outlet", pa.string()),
        ("published", pa.string()),
        ("record", pa.string()),  # the whole Mention, as_dict as JSON
    ]
)
ARTICLE_SCHEMA = pa.schema(
    [
        ("shard", pa.string()),
        ("seq", pa.int64()),
        ("id", pa.string()),
        ("record", pa.string()),  # the whole Article, as_dict as JSON
    ]
)


def mention_row(shard: str, seq: int, article: Article, n: int, m: Mention) -> dict[str, Any]:
    """One flat row for one mention (the n-th of its article)."""
    place, date, f = m.place, m.date, m.fatalities
    return {
        "shard": shard,
        "seq": seq,
        "article_id": m.article_id,
        "mention": n,
        "mention_id": m.index,
        "event_type": m.event_type,
        "sub_event_type": m.sub_event_type,
        "date": date.date.isoformat() if date else None,
        "date_end": date.last.isoformat() if date else None,
        "time_precision": date.precision if date else None,
        "location": place.name if place else None,
        "country": place.country if place else None,
        "latitude": place.lat if place else None,
        "longitude": place.lon if place else None,
        "geo_precision": place.precision if place else None,
        "actor1": "; ".join(a.name for a in m.actors_in("actor1")),
        "actor2": "; ".join(a.name for a in m.actors_in("actor2")),
        "fatalities": f.acled,
        "fatalities_low": f.low,
        "fatalities_best": f.best,
        "fatalities_high": f.high,
        "outlet": article.outlet,
        "published": article.published.isoformat() if article.published else None,
        "record": json.dumps(as_dict(m), ensure_ascii=False, sort_keys=True),
    }


def sort_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The order both engines write: shard, article position, mention position."""
    return sorted(rows, key=lambda r: (r["shard"], r["seq"], r["mention"]))


def article_to_json(article: Article) -> str:
    return json.dumps(as_dict(article), ensure_ascii=False, sort_keys=True)


def article_from_json(text: str) -> Article:
    d = json.loads(text)
    return Article(
        id=d["id"],
        text=d["text"],
        title=d.get("title"),
        url=d.get("url"),
        outlet=d.get("outlet"),
        published=dt.date.fromisoformat(d["published"]) if d.get("published") else None,
        language=d.get("language", "en"),
        fetched_at=dt.datetime.fromisoformat(d["fetched_at"]) if d.get("fetched_at") else None,
        raw_ref=d.get("raw_ref"),
    )


def mention_from_dict(d: dict[str, Any]) -> Mention:
    """The inverse of ``model.as_dict`` for mentions."""
    actors = tuple(
        ActorRole(cast(ActorRef, _actor(a["actor"])), cast(Role, a["role"]), _span(a["evidence"]))
        for a in d["actors"]
    )
    f = d["fatalities"]
    return Mention(
        article_id=d["article_id"],
        sentence=_span(d["sentence"]),
        event_type=d["event_type"],
        sub_event_type=d["sub_event_type"],
        date=_date(d.get("date")),
        place=_place(d.get("place")),
        actors=actors,
        claims=tuple(_claim(c) for c in d["claims"]),
        fatalities=Fatalities(f["acled"], f["low"], f["best"], f["high"], f.get("rule", "")),
        evidence={k: Span(v["start"], v["end"], v["text"]) for k, v in d["evidence"].items()},
        notes=dict(d["notes"]),
        confidence=d["confidence"],
        country=d.get("country", ""),
        country_name=d.get("country_name", ""),
    )


class Stage:
    """One loaded pipeline and the batch function built on it."""

    def __init__(self, settings: Settings) -> None:
        self.pipeline = Pipeline(settings)

    def process_batch(self, records: Iterable[tuple[str, int, Article]]) -> list[dict[str, Any]]:
        """(shard, seq, article) triples -> mention rows, through ``nlp.pipe``."""
        batch = list(records)
        articles = (article for _, _, article in batch)
        rows: list[dict[str, Any]] = []
        for (shard, seq, _), (article, mentions) in zip(
            batch, self.pipeline.extract_many(articles), strict=True
        ):
            rows.extend(mention_row(shard, seq, article, n, m) for n, m in enumerate(mentions))
        return rows


def table(rows: Sequence[dict[str, Any]], schema: pa.Schema = MENTION_SCHEMA) -> pa.Table:
    return pa.Table.from_pylist(list(rows), schema=schema)


class StageActor:
    """The Ray Data actor: loads the pipeline once, then maps batches of article records."""

    def __init__(self, settings: Settings) -> None:
        self.stage = Stage(settings)

    def __call__(self, batch: pa.Table) -> pa.Table:
        records = [
            (r["shard"], r["seq"], article_from_json(r["article"])) for r in batch.to_pylist()
        ]
        return table(self.stage.process_batch(records))
