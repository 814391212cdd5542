"""What the monitor remembers between polls and restarts, in the store's own database.

Tables (on ``fieldreport.store.schema.Base``; the store's migrations make them, so one database
holds everything, whether ``Store`` or ``WatchState`` opens it first): ``feeds`` (conditional-GET
validators, health), ``seen_items`` (what was already handled, by item key, URL and content
hash), ``alert_rules`` (saved filters) and ``alerts_sent`` (an outbox: every alert once, sent or
not).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

from sqlalchemy import (
    JSON,
    Engine,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
    create_engine,
    event,
    select,
)
from sqlalchemy.exc import ArgumentError, IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Mapped, Session, mapped_column

from fieldreport.errors import StoreError
from fieldreport.store import database_url
from fieldreport.store.migrate import upgrade
from fieldreport.store.schema import Base, IncidentMentionRow, IsoDateTime
from fieldreport.watch.feeds import FeedItem

CHUNK = 500  # ids per IN (...) query


class FeedRow(Base):
    __tablename__ = "feeds"

    url: Mapped[str] = mapped_column(String(2000), primary_key=True)
    title: Mapped[str | None] = mapped_column(Text)
    etag: Mapped[str | None] = mapped_column(Text)
    last_modified: Mapped[str | None] = mapped_column(Text)
    last_polled_at: Mapped[dt.datetime | None] = mapped_column(IsoDateTime)
    last_ok_at: Mapped[dt.datetime | None] = mapped_column(IsoDateTime)
    last_error: Mapped[str | None] = mapped_column(Text)
    error_count: Mapped[int] = mapped_column(Integer, default=0)  # failures in a row


class SeenItemRow(Base):
    __tablename__ = "seen_items"
    __table_args__ = (UniqueConstraint("feed_url", "item_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    feed_url: Mapped[str] = mapped_column(String(2000), index=True)
    item_key: Mapped[str] = mapped_column(String(2000))
    url: Mapped[str | None] = mapped_column(String(2000), index=True)
    content_hash: Mapped[str] = mapped_column(String(64), index=True)
    article_id: Mapped[str | None] = mapped_column(String(64))  # None: no article came of it
    seen_at: Mapped[dt.datetime] = mapped_column(IsoDateTime)


class AlertRuleRow(Base):
    __tablename__ = "alert_rules"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    country: Mapped[str | None] = mapped_column(String(2))  # ISO2
    min_fatalities: Mapped[int | None] = mapped_column(Integer)
    event_type: Mapped[str | None] = mapped_column(String(80))
    toll: Mapped[str] = mapped_column(String(10))  # acled, best or high
    target: Mapped[str] = mapped_column(Text)  # webhook:https://... or file:path.jsonl
    created_at: Mapped[dt.datetime] = mapped_column(IsoDateTime)


class AlertSentRow(Base):
    __tablename__ = "alerts_sent"
    __table_args__ = (UniqueConstraint("rule_id", "incident_id", "trigger"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    rule_id: Mapped[int] = mapped_column(ForeignKey("alert_rules.id"), index=True)
    incident_id: Mapped[str] = mapped_column(String(40), index=True)
    trigger: Mapped[str] = mapped_column(String(120))  # "new" or "revision:<article id>"
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[dt.datetime] = mapped_column(IsoDateTime)
    sent_at: Mapped[dt.datetime | None] = mapped_column(IsoDateTime)  # None: still to send
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str | None] = mapped_column(Text)


@dataclass(frozen=True, slots=True)
class FeedState:
    url: str
    title: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    last_polled_at: dt.datetime | None = None
    last_ok_at: dt.datetime | None = None
    last_error: str | None = None
    error_count: int = 0


@dataclass(frozen=True, slots=True)
class AlertRule:
    """A saved filter; ``None`` fields match anything."""

    id: int
    target: str
    country: str | None = None
    min_fatalities: int | None = None
    event_type: str | None = None
    toll: str = "high"


@dataclass(frozen=True, slots=True)
class QueuedAlert:
    id: int
    rule_id: int
    incident_id: str
    trigger: str
    payload: dict[str, Any]


def _enable_foreign_keys(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _open(url_or_path: str | Path) -> Engine:
    url = database_url(url_or_path)
    try:
        engine = create_engine(url)
    except (ArgumentError, ImportError) as exc:
        raise StoreError(f"unusable database URL: {exc}", source=str(url_or_path)) from exc
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _enable_foreign_keys)
    try:
        upgrade(engine)  # the store's tables and ours, whichever opens the database first
    except SQLAlchemyError as exc:
        engine.dispose()
        raise StoreError(f"cannot open database: {exc}", source=str(url_or_path)) from exc
    except StoreError:  # a schema revision unknown here
        engine.dispose()
        raise
    return engine


def _feed_state(row: FeedRow) -> FeedState:
    return FeedState(
        row.url,
        row.title,
        row.etag,
        row.last_modified,
        row.last_polled_at,
        row.last_ok_at,
        row.last_error,
        row.error_count or 0,
    )


class WatchState:
    """Feeds, seen items, alert rules and the alert outbox of one database."""

    def __init__(self, url_or_path: str | Path) -> None:
        self._engine = _open(url_or_path)

    def __enter__(self) -> WatchState:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self._engine.dispose()

    @contextmanager
    def _session(self, write: bool = False) -> Iterator[Session]:
        try:
            with Session(self._engine) as session:
                if write:
                    with session.begin():
                        yield session
                else:
                    yield session
        except SQLAlchemyError as exc:
            raise StoreError(f"watch state: {exc.__class__.__name__}: {exc}") from exc

    # -- feeds ------------------------------------------------------------------------------
    def feed(self, url: str) -> FeedState:
        with self._session() as session:
            row = session.get(FeedRow, url)
            return FeedState(url) if row is None else _feed_state(row)

    def feeds(self) -> list[FeedState]:
        with self._session() as session:
            return [_feed_state(r) for r in session.scalars(select(FeedRow).order_by(FeedRow.url))]

    def feed_ok(
        self, url: str, at: dt.datetime, *, etag: str | None, last_modified: str | None, title: str
    ) -> None:
        with self._session(write=True) as session:
            row = session.get(FeedRow, url) or FeedRow(url=url)
            row.etag, row.last_modified = etag, last_modified
            row.title = title or row.title
            row.last_polled_at = row.last_ok_at = at
            row.last_error, row.error_count = None, 0
            session.add(row)

    def feed_failed(self, url: str, at: dt.datetime, error: str) -> None:
        with self._session(write=True) as session:
            row = session.get(FeedRow, url) or FeedRow(url=url, error_count=0)
            row.last_polled_at, row.last_error = at, error
            row.error_count = (row.error_count or 0) + 1
            session.add(row)

    # -- seen items -------------------------------------------------------------------------
    def unseen(self, feed_url: str, items: Sequence[FeedItem]) -> list[FeedItem]:
        """Items not handled before: new key in this feed, new URL and new content anywhere."""
        keys: set[str] = set()
        urls: set[str] = set()
        hashes: set[str] = set()
        links = [i.link for i in items if i.link]
        with self._session() as session:
            for part in _chunks([i.key for i in items]):
                query = select(SeenItemRow.item_key).where(
                    SeenItemRow.feed_url == feed_url, SeenItemRow.item_key.in_(part)
                )
                keys.update(session.scalars(query))
            for part in _chunks(links):
                by_url = select(SeenItemRow.url).where(SeenItemRow.url.in_(part))
                urls.update(u for u in session.scalars(by_url) if u)
            for part in _chunks([i.content_hash for i in items]):
                query = select(SeenItemRow.content_hash).where(SeenItemRow.content_hash.in_(part))
                hashes.update(session.scalars(query))
        out: list[FeedItem] = []
        for item in items:
            if item.key in keys or item.link in urls or item.content_hash in hashes:
                continue
            keys.add(item.key)  # the same story twice in one feed counts once
            urls.add(item.link or "")
            hashes.add(item.content_hash)
            out.append(item)
        return out

    def mark_seen(
        self, feed_url: str, handled: Iterable[tuple[FeedItem, str | None]], at: dt.datetime
    ) -> None:
        """Remember items (with the article each became, if any) in one transaction."""
        with self._session(write=True) as session:
            for item, article_id in handled:
                session.add(
                    SeenItemRow(
                        feed_url=feed_url,
                        item_key=item.key,
                        url=item.link,
                        content_hash=item.content_hash,
                        article_id=article_id,
                        seen_at=at,
                    )
                )

    def seen_count(self) -> int:
        with self._session() as session:
            return len(session.scalars(select(SeenItemRow.id)).all())

    # -- incidents ---------------------------------------------------------------------------
    def incidents_of(self, mention_ids: Iterable[str]) -> set[str]:
        """Ids of the incidents holding any of these mentions."""
        found: set[str] = set()
        with self._session() as session:
            for part in _chunks(list(mention_ids)):
                query = select(IncidentMentionRow.incident_id).where(
                    IncidentMentionRow.mention_id.in_(part)
                )
                found.update(session.scalars(query))
        return found

    # -- alert rules and the outbox ----------------------------------------------------------
    def add_rule(self, rule: AlertRule, at: dt.datetime) -> int:
        with self._session(write=True) as session:
            row = AlertRuleRow(
                country=rule.country,
                min_fatalities=rule.min_fatalities,
                event_type=rule.event_type,
                toll=rule.toll,
                target=rule.target,
                created_at=at,
            )
            session.add(row)
            session.flush()
            return row.id

    def rules(self) -> list[AlertRule]:
        with self._session() as session:
            rows = session.scalars(select(AlertRuleRow).order_by(AlertRuleRow.id))
            return [
                AlertRule(r.id, r.target, r.country, r.min_fatalities, r.event_type, r.toll)
                for r in rows
            ]

    def queue(
        self, rule_id: int, incident_id: str, trigger: str, payload: Any, at: dt.datetime
    ) -> bool:
        """Put an alert in the outbox; False when this alert was queued before."""
        row = AlertSentRow(
            rule_id=rule_id,
            incident_id=incident_id,
            trigger=trigger,
            payload=payload,
            created_at=at,
            attempts=0,
        )
        try:
            with self._session(write=True) as session:
                session.add(row)
        except StoreError as exc:
            if isinstance(exc.__cause__, IntegrityError):
                return False
            raise
        return True

    def pending(self, max_attempts: int) -> list[QueuedAlert]:
        """Queued alerts not sent yet and tried fewer than ``max_attempts`` times."""
        with self._session() as session:
            rows = session.scalars(
                select(AlertSentRow)
                .where(AlertSentRow.sent_at.is_(None), AlertSentRow.attempts < max_attempts)
                .order_by(AlertSentRow.id)
            )
            return [
                QueuedAlert(r.id, r.rule_id, r.incident_id, r.trigger, dict(r.payload))
                for r in rows
            ]

    def sent(self) -> list[QueuedAlert]:
        with self._session() as session:
            rows = session.scalars(
                select(AlertSentRow)
                .where(AlertSentRow.sent_at.is_not(None))
                .order_by(AlertSentRow.id)
            )
            return [
                QueuedAlert(r.id, r.rule_id, r.incident_id, r.trigger, dict(r.payload))
                for r in rows
            ]

    def delivered(self, alert_id: int, at: dt.datetime, error: str | None = None) -> None:
        """Record one delivery attempt: sent at ``at``, or failed with ``error``."""
        with self._session(write=True) as session:
            row = session.get(AlertSentRow, alert_id)
            if row is None:
                return
            row.attempts = (row.attempts or 0) + 1
            if error is None:
                row.sent_at, row.last_error = at, None
            else:
                row.last_error = error


def _chunks(values: Sequence[str]) -> Iterator[list[str]]:
    for start in range(0, len(values), CHUNK):
        yield list(values[start : start + CHUNK])
