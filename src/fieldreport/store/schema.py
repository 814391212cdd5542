"""The tables of the store: SQLAlchemy 2 typed declarative mappings.

One row per record, flattened: a Mention's place, date and fatalities are columns of
``mentions``; its actors, claims and evidence spans are child rows. Every span keeps its
offsets and its text so a record can be rebuilt exactly. Timestamps are stored as ISO 8601
text (``IsoDateTime``) because SQLite's DATETIME drops the UTC offset.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Date,
    Dialect,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class IsoDateTime(TypeDecorator[dt.datetime]):
    """A datetime kept as ISO 8601 text, so timezone offsets survive every backend."""

    impl = String(40)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> str | None:
        return None if value is None else value.isoformat()

    def process_result_value(self, value: Any | None, dialect: Dialect) -> dt.datetime | None:
        return None if value is None else dt.datetime.fromisoformat(str(value))


class Base(DeclarativeBase):
    pass


class ArticleRow(Base):
    __tablename__ = "articles"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    url: Mapped[str | None] = mapped_column(Text)
    outlet: Mapped[str | None] = mapped_column(String(200))
    title: Mapped[str | None] = mapped_column(Text)
    published: Mapped[dt.date | None] = mapped_column(Date)
    language: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    fetched_at: Mapped[dt.datetime | None] = mapped_column(IsoDateTime)
    raw_ref: Mapped[str | None] = mapped_column(Text)
    ingested_at: Mapped[dt.datetime] = mapped_column(IsoDateTime)

    mentions: Mapped[list[MentionRow]] = relationship(
        back_populates="article", cascade="all, delete-orphan"
    )


class MentionRow(Base):
    __tablename__ = "mentions"
    __table_args__ = (
        Index("ix_mentions_event_date", "event_date"),
        Index("ix_mentions_country", "country"),
        Index("ix_mentions_event_type", "event_type"),
    )

    id: Mapped[str] = mapped_column(String(100), primary_key=True)  # Mention.index
    article_id: Mapped[str] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    sentence_start: Mapped[int] = mapped_column(Integer)
    sentence_end: Mapped[int] = mapped_column(Integer)
    sentence_text: Mapped[str] = mapped_column(Text)
    event_type: Mapped[str] = mapped_column(String(80))
    sub_event_type: Mapped[str] = mapped_column(String(80))
    # DateInfo; event_date NULL means the mention has no date
    event_date: Mapped[dt.date | None] = mapped_column(Date)
    date_start: Mapped[dt.date | None] = mapped_column(Date)
    date_end: Mapped[dt.date | None] = mapped_column(Date)
    time_precision: Mapped[int | None] = mapped_column(Integer)
    date_basis: Mapped[str | None] = mapped_column(Text)
    # Place; place_name NULL means the mention has no place
    place_name: Mapped[str | None] = mapped_column(String(200))
    country: Mapped[str | None] = mapped_column(String(2))
    country_name: Mapped[str | None] = mapped_column(String(100))
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    geo_precision: Mapped[int | None] = mapped_column(Integer)
    admin1: Mapped[str | None] = mapped_column(String(200))
    admin2: Mapped[str | None] = mapped_column(String(200))
    admin3: Mapped[str | None] = mapped_column(String(200))
    geonames_id: Mapped[int | None] = mapped_column(Integer)
    # Fatalities
    fatalities_acled: Mapped[int] = mapped_column(Integer)
    fatalities_low: Mapped[int] = mapped_column(Integer)
    fatalities_best: Mapped[int] = mapped_column(Integer)
    fatalities_high: Mapped[int] = mapped_column(Integer)
    fatalities_rule: Mapped[str] = mapped_column(Text)
    confidence: Mapped[float] = mapped_column(Float)
    notes: Mapped[dict[str, str]] = mapped_column(JSON)

    article: Mapped[ArticleRow] = relationship(back_populates="mentions")
    actors: Mapped[list[MentionActorRow]] = relationship(
        cascade="all, delete-orphan", order_by="MentionActorRow.ordinal"
    )
    claims: Mapped[list[ClaimRow]] = relationship(
        cascade="all, delete-orphan", order_by="ClaimRow.ordinal"
    )
    evidence: Mapped[list[EvidenceRow]] = relationship(
        cascade="all, delete-orphan", order_by="EvidenceRow.ordinal"
    )


class MentionActorRow(Base):
    __tablename__ = "mention_actors"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    mention_id: Mapped[str] = mapped_column(
        ForeignKey("mentions.id", ondelete="CASCADE"), index=True
    )
    ordinal: Mapped[int] = mapped_column(Integer)
    role: Mapped[str] = mapped_column(String(8))
    name: Mapped[str] = mapped_column(String(300))
    inter: Mapped[int] = mapped_column(Integer)
    country: Mapped[str | None] = mapped_column(String(2))
    alias: Mapped[str] = mapped_column(Text)
    span_start: Mapped[int] = mapped_column(Integer)
    span_end: Mapped[int] = mapped_column(Integer)
    span_text: Mapped[str] = mapped_column(Text)


class ClaimRow(Base):
    __tablename__ = "claims"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    mention_id: Mapped[str] = mapped_column(
        ForeignKey("mentions.id", ondelete="CASCADE"), index=True
    )
    ordinal: Mapped[int] = mapped_column(Integer)
    claimant_name: Mapped[str | None] = mapped_column(String(300))
    claimant_inter: Mapped[int | None] = mapped_column(Integer)
    claimant_country: Mapped[str | None] = mapped_column(String(2))
    claimant_alias: Mapped[str | None] = mapped_column(Text)
    claimant_text: Mapped[str] = mapped_column(Text)
    claimant_kind: Mapped[str] = mapped_column(String(20))
    reported_by: Mapped[list[str]] = mapped_column(JSON)
    killed_min: Mapped[int | None] = mapped_column(Integer)
    killed_max: Mapped[int | None] = mapped_column(Integer)
    injured: Mapped[int | None] = mapped_column(Integer)
    victims_name: Mapped[str | None] = mapped_column(String(300))
    victims_inter: Mapped[int | None] = mapped_column(Integer)
    victims_country: Mapped[str | None] = mapped_column(String(2))
    victims_alias: Mapped[str | None] = mapped_column(Text)
    phrase: Mapped[str] = mapped_column(Text)
    span_start: Mapped[int] = mapped_column(Integer)
    span_end: Mapped[int] = mapped_column(Integer)
    span_text: Mapped[str] = mapped_column(Text)


class EvidenceRow(Base):
    __tablename__ = "evidence"
    __table_args__ = (UniqueConstraint("mention_id", "field"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    mention_id: Mapped[str] = mapped_column(
        ForeignKey("mentions.id", ondelete="CASCADE"), index=True
    )
    ordinal: Mapped[int] = mapped_column(Integer)
    field: Mapped[str] = mapped_column(String(80))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)


class FailureRow(Base):
    __tablename__ = "failures"
    __table_args__ = (UniqueConstraint("source", "code"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    source: Mapped[str] = mapped_column(Text)
    code: Mapped[str] = mapped_column(String(80))
    message: Mapped[str] = mapped_column(Text)
    recorded_at: Mapped[dt.datetime] = mapped_column(IsoDateTime)


class IncidentRow(Base):
    """An incident: filter columns plus the whole record as JSON (claims, revisions...)."""

    __tablename__ = "incidents"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    event_date: Mapped[dt.date | None] = mapped_column(Date, index=True)
    date_end: Mapped[dt.date | None] = mapped_column(Date)
    country: Mapped[str] = mapped_column(String(2), index=True)
    event_type: Mapped[str] = mapped_column(String(40), index=True)
    sub_event_type: Mapped[str] = mapped_column(String(60))
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    fatalities: Mapped[int] = mapped_column(Integer)
    reports: Mapped[int] = mapped_column(Integer)
    record: Mapped[dict[str, Any]] = mapped_column(JSON)
    updated_at: Mapped[dt.datetime] = mapped_column(IsoDateTime)
    # For the API's filters; filled by ``save_incidents`` (stores made before: see migrations).
    admin1: Mapped[str | None] = mapped_column(String(200))
    actors: Mapped[str | None] = mapped_column(Text)  # actor names, lower case, "; "-joined
    search: Mapped[str | None] = mapped_column(Text)  # lower-case words q= searches

    __table_args__ = (
        Index("ix_incidents_country_date", "country", "event_date"),
        Index("ix_incidents_lat_lon", "latitude", "longitude"),
        Index("ix_incidents_date_end", "date_end", "event_date"),  # covers since+until
        Index("ix_incidents_date_id", "event_date", "id"),  # the default order, whole
        Index("ix_incidents_fatalities", "fatalities"),
        Index("ix_incidents_actors", "actors"),  # LIKE scans this, not the wide rows
        Index("ix_incidents_search", "search"),
        Index("ix_incidents_country_admin1", "country", "admin1"),
        Index("ix_incidents_type_date", "event_type", "event_date"),
    )


class IncidentMentionRow(Base):
    __tablename__ = "incident_mentions"

    mention_id: Mapped[str] = mapped_column(String(120), primary_key=True)
    incident_id: Mapped[str] = mapped_column(ForeignKey("incidents.id"), index=True)
