"""The schema at the baseline revision (0001), frozen: never edit it, add a revision instead.

Two users: revision 0001 creates these tables in a new database, and ``to_baseline`` gives a
store made before Alembic what opening it used to give (the tables its version lacked, the API
columns and their indexes) before it is stamped 0001. The tables are those of
``store.schema`` and ``watch.state`` as they were then; the DDL is the one ``create_all`` made,
so adopted stores and new ones are alike.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    JSON,
    Column,
    Connection,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    inspect,
    select,
    text,
    update,
)

from fieldreport.store.incidents import api_columns, incident_from_dict

metadata = MetaData()
ISO_DATETIME = String(40)  # store.schema.IsoDateTime: ISO 8601 text
API_COLUMNS = ("admin1", "actors", "search")  # incidents' columns added for the API

Table(
    "articles",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("url", Text),
    Column("outlet", String(200)),
    Column("title", Text),
    Column("published", Date),
    Column("language", String(16), nullable=False),
    Column("text", Text, nullable=False),
    Column("fetched_at", ISO_DATETIME),
    Column("raw_ref", Text),
    Column("ingested_at", ISO_DATETIME, nullable=False),
)

Table(
    "mentions",
    metadata,
    Column("id", String(100), primary_key=True),
    Column(
        "article_id",
        String(64),
        ForeignKey("articles.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("sentence_start", Integer, nullable=False),
    Column("sentence_end", Integer, nullable=False),
    Column("sentence_text", Text, nullable=False),
    Column("event_type", String(80), nullable=False),
    Column("sub_event_type", String(80), nullable=False),
    Column("event_date", Date),
    Column("date_start", Date),
    Column("date_end", Date),
    Column("time_precision", Integer),
    Column("date_basis", Text),
    Column("place_name", String(200)),
    Column("country", String(2)),
    Column("country_name", String(100)),
    Column("latitude", Float),
    Column("longitude", Float),
    Column("geo_precision", Integer),
    Column("admin1", String(200)),
    Column("admin2", String(200)),
    Column("admin3", String(200)),
    Column("geonames_id", Integer),
    Column("fatalities_acled", Integer, nullable=False),
    Column("fatalities_low", Integer, nullable=False),
    Column("fatalities_best", Integer, nullable=False),
    Column("fatalities_high", Integer, nullable=False),
    Column("fatalities_rule", Text, nullable=False),
    Column("confidence", Float, nullable=False),
    Column("notes", JSON, nullable=False),
    Index("ix_mentions_event_date", "event_date"),
    Index("ix_mentions_country", "country"),
    Index("ix_mentions_event_type", "event_type"),
)


def _mention_id() -> Column[str]:
    return Column(
        "mention_id",
        String(100),
        ForeignKey("mentions.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    )


def _span() -> list[Column[Any]]:
    return [
        Column("span_start", Integer, nullable=False),
        Column("span_end", Integer, nullable=False),
        Column("span_text", Text, nullable=False),
    ]


Table(
    "mention_actors",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _mention_id(),
    Column("ordinal", Integer, nullable=False),
    Column("role", String(8), nullable=False),
    Column("name", String(300), nullable=False),
    Column("inter", Integer, nullable=False),
    Column("country", String(2)),
    Column("alias", Text, nullable=False),
    *_span(),
)

Table(
    "claims",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _mention_id(),
    Column("ordinal", Integer, nullable=False),
    Column("claimant_name", String(300)),
    Column("claimant_inter", Integer),
    Column("claimant_country", String(2)),
    Column("claimant_alias", Text),
    Column("claimant_text", Text, nullable=False),
    Column("claimant_kind", String(20), nullable=False),
    Column("reported_by", JSON, nullable=False),
    Column("killed_min", Integer),
    Column("killed_max", Integer),
    Column("injured", Integer),
    Column("victims_name", String(300)),
    Column("victims_inter", Integer),
    Column("victims_country", String(2)),
    Column("victims_alias", Text),
    Column("phrase", Text, nullable=False),
    *_span(),
)

Table(
    "evidence",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    _mention_id(),
    Column("ordinal", Integer, nullable=False),
    Column("field", String(80), nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    UniqueConstraint("mention_id", "field"),
)

Table(
    "failures",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source", Text, nullable=False),
    Column("code", String(80), nullable=False),
    Column("message", Text, nullable=False),
    Column("recorded_at", ISO_DATETIME, nullable=False),
    UniqueConstraint("source", "code"),
)

incidents = Table(
    "incidents",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("event_date", Date, index=True),
    Column("date_end", Date),
    Column("country", String(2), nullable=False, index=True),
    Column("event_type", String(40), nullable=False, index=True),
    Column("sub_event_type", String(60), nullable=False),
    Column("latitude", Float),
    Column("longitude", Float),
    Column("fatalities", Integer, nullable=False),
    Column("reports", Integer, nullable=False),
    Column("record", JSON, nullable=False),
    Column("updated_at", ISO_DATETIME, nullable=False),
    Column("admin1", String(200)),
    Column("actors", Text),
    Column("search", Text),
    Index("ix_incidents_country_date", "country", "event_date"),
    Index("ix_incidents_lat_lon", "latitude", "longitude"),
    Index("ix_incidents_date_end", "date_end", "event_date"),
    Index("ix_incidents_date_id", "event_date", "id"),
    Index("ix_incidents_fatalities", "fatalities"),
    Index("ix_incidents_actors", "actors"),
    Index("ix_incidents_search", "search"),
    Index("ix_incidents_country_admin1", "country", "admin1"),
    Index("ix_incidents_type_date", "event_type", "event_date"),
)

Table(
    "incident_mentions",
    metadata,
    Column("mention_id", String(120), primary_key=True),
    Column("incident_id", String(40), ForeignKey("incidents.id"), nullable=False, index=True),
)

Table(
    "feeds",
    metadata,
    Column("url", String(2000), primary_key=True),
    Column("title", Text),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("last_polled_at", ISO_DATETIME),
    Column("last_ok_at", ISO_DATETIME),
    Column("last_error", Text),
    Column("error_count", Integer, nullable=False),
)

Table(
    "seen_items",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("feed_url", String(2000), nullable=False, index=True),
    Column("item_key", String(2000), nullable=False),
    Column("url", String(2000), index=True),
    Column("content_hash", String(64), nullable=False, index=True),
    Column("article_id", String(64)),
    Column("seen_at", ISO_DATETIME, nullable=False),
    UniqueConstraint("feed_url", "item_key"),
)

Table(
    "alert_rules",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("country", String(2)),
    Column("min_fatalities", Integer),
    Column("event_type", String(80)),
    Column("toll", String(10), nullable=False),
    Column("target", Text, nullable=False),
    Column("created_at", ISO_DATETIME, nullable=False),
)

Table(
    "alerts_sent",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("rule_id", Integer, ForeignKey("alert_rules.id"), nullable=False, index=True),
    Column("incident_id", String(40), nullable=False, index=True),
    Column("trigger", String(120), nullable=False),
    Column("payload", JSON, nullable=False),
    Column("created_at", ISO_DATETIME, nullable=False),
    Column("sent_at", ISO_DATETIME),
    Column("attempts", Integer, nullable=False),
    Column("last_error", Text),
    UniqueConstraint("rule_id", "incident_id", "trigger"),
)


def made_before_alembic(connection: Connection) -> bool:
    """Whether a database without ``alembic_version`` holds tables of this schema."""
    return not set(metadata.tables).isdisjoint(inspect(connection).get_table_names())


def to_baseline(connection: Connection) -> None:
    """Bring a store made before Alembic to this schema, as opening it used to: create the
    tables its version did not have, add the API columns (filled from each incident's record)
    and create the incidents' indexes it lacks."""
    metadata.create_all(connection)  # only the missing tables
    found = {c["name"] for c in inspect(connection).get_columns("incidents")}
    missing = [name for name in API_COLUMNS if name not in found]
    for name in missing:
        kind = incidents.c[name].type.compile(dialect=connection.dialect)
        connection.execute(text(f"ALTER TABLE incidents ADD COLUMN {name} {kind}"))
    if missing:
        _backfill_api_columns(connection)
    for index in incidents.indexes:
        index.create(connection, checkfirst=True)


def _backfill_api_columns(connection: Connection) -> None:
    rows = connection.execute(select(incidents.c.id, incidents.c.record)).all()
    for incident_id, record in rows:
        values = api_columns(incident_from_dict(record))
        connection.execute(update(incidents).where(incidents.c.id == incident_id).values(values))
