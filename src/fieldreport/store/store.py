"""Articles and their mentions <-> a SQL database (SQLite file by default, any SQLAlchemy URL).

    store = Store("events.db")            # or Store("postgresql+psycopg://...")
    store.add(article, mentions)          # one transaction; False if the article is known
    store.mentions(country="Mali", since=date(2024, 5, 1))

Every record goes in whole and comes back equal: spans keep offsets and text, actors keep
their roles, claims their relays. Database trouble surfaces as ``StoreError``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from types import TracebackType
from typing import Any, cast

import pycountry
from sqlalchemy import Engine, create_engine, event, func, or_, select
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session, selectinload

from fieldreport.errors import StoreError
from fieldreport.model import (
    ActorRef,
    ActorRole,
    Article,
    Claim,
    ClaimantKind,
    DateInfo,
    Fatalities,
    Incident,
    Mention,
    Place,
    Role,
    Span,
)
from fieldreport.store.incidents import load_incidents, save_incidents
from fieldreport.store.migrate import upgrade
from fieldreport.store.schema import (
    ArticleRow,
    ClaimRow,
    EvidenceRow,
    FailureRow,
    IncidentMentionRow,
    MentionActorRow,
    MentionRow,
)

# ---------------------------------------------------------------- connecting


def database_url(url_or_path: str | Path) -> URL:
    """A SQLAlchemy URL as given, or ``sqlite:///<path>`` for a file path."""
    if isinstance(url_or_path, str):
        if not url_or_path.strip():
            raise StoreError("empty database URL or path")
        try:
            return make_url(url_or_path)
        except ArgumentError:
            pass  # not a URL: a file path
    path = Path(url_or_path).expanduser()
    if path.is_dir():
        raise StoreError("is a directory, not a database file", source=str(path))
    if not path.parent.is_dir():
        raise StoreError(f"folder {path.parent} does not exist", source=str(path))
    return URL.create("sqlite", database=str(path))


def _enable_sqlite_foreign_keys(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _open_engine(url: URL) -> Engine:
    shown = url.render_as_string(hide_password=True)
    try:
        engine = create_engine(url)
    except (ArgumentError, ImportError) as exc:  # unknown dialect or driver not installed
        raise StoreError(f"unusable database URL: {exc}", source=shown) from exc
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _enable_sqlite_foreign_keys)
    try:
        upgrade(engine)
    except SQLAlchemyError as exc:
        engine.dispose()
        raise StoreError(
            f"cannot open database: {exc.__class__.__name__}: {exc}", source=shown
        ) from exc
    except StoreError:  # a schema revision unknown here
        engine.dispose()
        raise
    return engine


# ---------------------------------------------------------------- records -> rows


def _article_row(article: Article, now: dt.datetime) -> ArticleRow:
    return ArticleRow(
        id=article.id,
        url=article.url,
        outlet=article.outlet,
        title=article.title,
        published=article.published,
        language=article.language,
        text=article.text,
        fetched_at=article.fetched_at,
        raw_ref=article.raw_ref,
        ingested_at=now,
    )


def _date_columns(date: DateInfo | None) -> dict[str, Any]:
    if date is None:
        return {}
    return {
        "event_date": date.date,
        "date_start": date.start,
        "date_end": date.end,
        "time_precision": date.precision,
        "date_basis": date.basis,
    }


def _place_columns(place: Place | None) -> dict[str, Any]:
    if place is None:
        return {}
    return {
        "place_name": place.name,
        "country": place.country,
        "country_name": place.country_name,
        "latitude": place.lat,
        "longitude": place.lon,
        "geo_precision": place.precision,
        "admin1": place.admin1,
        "admin2": place.admin2,
        "admin3": place.admin3,
        "geonames_id": place.geonames_id,
    }


def _actor_row(i: int, role: ActorRole) -> MentionActorRow:
    a, span = role.actor, role.evidence
    return MentionActorRow(
        ordinal=i,
        role=role.role,
        name=a.name,
        inter=a.inter,
        country=a.country,
        alias=a.alias,
        span_start=span.start,
        span_end=span.end,
        span_text=span.text,
    )


def _ref_columns(prefix: str, ref: ActorRef | None) -> dict[str, Any]:
    if ref is None:
        return {}
    return {
        f"{prefix}_name": ref.name,
        f"{prefix}_inter": ref.inter,
        f"{prefix}_country": ref.country,
        f"{prefix}_alias": ref.alias,
    }


def _claim_row(i: int, claim: Claim) -> ClaimRow:
    span = claim.evidence
    return ClaimRow(
        ordinal=i,
        **_ref_columns("claimant", claim.claimant),
        **_ref_columns("victims", claim.victims),
        claimant_text=claim.claimant_text,
        claimant_kind=claim.claimant_kind,
        reported_by=list(claim.reported_by),
        killed_min=claim.killed_min,
        killed_max=claim.killed_max,
        injured=claim.injured,
        phrase=claim.phrase,
        span_start=span.start,
        span_end=span.end,
        span_text=span.text,
    )


def _mention_row(mention: Mention) -> MentionRow:
    fat, sentence = mention.fatalities, mention.sentence
    return MentionRow(
        id=mention.index,
        article_id=mention.article_id,
        sentence_start=sentence.start,
        sentence_end=sentence.end,
        sentence_text=sentence.text,
        event_type=mention.event_type,
        sub_event_type=mention.sub_event_type,
        **_date_columns(mention.date),
        **_place_columns(mention.place),
        **({} if mention.place else _country_columns(mention)),
        fatalities_acled=fat.acled,
        fatalities_low=fat.low,
        fatalities_best=fat.best,
        fatalities_high=fat.high,
        fatalities_rule=fat.rule,
        confidence=mention.confidence,
        notes=dict(mention.notes),
        actors=[_actor_row(i, r) for i, r in enumerate(mention.actors)],
        claims=[_claim_row(i, c) for i, c in enumerate(mention.claims)],
        evidence=[
            EvidenceRow(ordinal=i, field=name, start=s.start, end=s.end, text=s.text)
            for i, (name, s) in enumerate(mention.evidence.items())
        ],
    )


# ---------------------------------------------------------------- rows -> records


def _article(row: ArticleRow) -> Article:
    return Article(
        id=row.id,
        text=row.text,
        title=row.title,
        url=row.url,
        outlet=row.outlet,
        published=row.published,
        language=row.language,
        fetched_at=row.fetched_at,
        raw_ref=row.raw_ref,
    )


def _actor_ref(
    name: str | None, inter: int | None, country: str | None, alias: str | None
) -> ActorRef | None:
    if name is None or inter is None:
        return None
    return ActorRef(name=name, inter=inter, country=country, alias=alias or "")


def _claim(row: ClaimRow) -> Claim:
    return Claim(
        evidence=Span(row.span_start, row.span_end, row.span_text),
        claimant=_actor_ref(
            row.claimant_name, row.claimant_inter, row.claimant_country, row.claimant_alias
        ),
        claimant_text=row.claimant_text,
        claimant_kind=cast(ClaimantKind, row.claimant_kind),
        reported_by=tuple(row.reported_by),
        killed_min=row.killed_min,
        killed_max=row.killed_max,
        injured=row.injured,
        victims=_actor_ref(
            row.victims_name, row.victims_inter, row.victims_country, row.victims_alias
        ),
        phrase=row.phrase,
    )


def _date(row: MentionRow) -> DateInfo | None:
    if row.event_date is None:
        return None
    return DateInfo(
        date=row.event_date,
        precision=row.time_precision or 1,
        start=row.date_start,
        end=row.date_end,
        basis=row.date_basis or "",
    )


def _country_columns(mention: Mention) -> dict[str, Any]:
    """A mention placed only at country level keeps its country (no place name)."""
    if not mention.country:
        return {}
    return {"country": mention.country, "country_name": mention.country_name}


def _place(row: MentionRow) -> Place | None:
    if row.place_name is None or row.country is None:
        return None
    return Place(
        name=row.place_name,
        country=row.country,
        lat=row.latitude or 0.0,
        lon=row.longitude or 0.0,
        precision=row.geo_precision or 3,
        country_name=row.country_name or "",
        admin1=row.admin1 or "",
        admin2=row.admin2 or "",
        admin3=row.admin3 or "",
        geonames_id=row.geonames_id,
    )


def _mention(row: MentionRow) -> Mention:
    actors = tuple(
        ActorRole(
            actor=ActorRef(a.name, a.inter, a.country, a.alias),
            role=cast(Role, a.role),
            evidence=Span(a.span_start, a.span_end, a.span_text),
        )
        for a in row.actors
    )
    return Mention(
        article_id=row.article_id,
        sentence=Span(row.sentence_start, row.sentence_end, row.sentence_text),
        event_type=row.event_type,
        sub_event_type=row.sub_event_type,
        date=_date(row),
        place=_place(row),
        country=row.country or "",
        country_name=row.country_name or "",
        actors=actors,
        claims=tuple(_claim(c) for c in row.claims),
        fatalities=Fatalities(
            row.fatalities_acled,
            row.fatalities_low,
            row.fatalities_best,
            row.fatalities_high,
            row.fatalities_rule,
        ),
        evidence={e.field: Span(e.start, e.end, e.text) for e in row.evidence},
        notes=dict(row.notes),
        confidence=row.confidence,
    )


def _country_codes(country: str) -> list[str]:
    """ISO2 codes a country filter may mean: the code itself, or the code of a name."""
    codes = [country.upper()] if len(country) == 2 else []
    with suppress(LookupError):
        codes.append(pycountry.countries.lookup(country).alpha_2)
    return codes


def _check_mentions(article: Article, mentions: Sequence[Mention]) -> None:
    seen: set[str] = set()
    for m in mentions:
        if m.article_id != article.id:
            raise StoreError(
                f"mention {m.index} belongs to article {m.article_id}", source=article.id
            )
        if m.index in seen:
            raise StoreError(
                f"two mentions share the id {m.index} (same sentence start)", source=article.id
            )
        seen.add(m.index)


# ---------------------------------------------------------------- the store


class Store:
    """A database of articles, their mentions, claims and evidence, and failed inputs."""

    def __init__(self, url_or_path: str | Path) -> None:
        self.url = database_url(url_or_path)
        self._engine = _open_engine(self.url)

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self.url.render_as_string(hide_password=True)!r})"

    def close(self) -> None:
        """Release every pooled connection."""
        self._engine.dispose()

    # -- incidents ---------------------------------------------------------------------------
    def save_incidents(self, incidents: Sequence[Incident]) -> None:
        """Insert or update incidents, in one transaction."""
        try:
            with Session(self._engine) as session, session.begin():
                save_incidents(session, incidents)
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot save incidents: {exc}") from exc

    def incidents(
        self,
        *,
        country: str | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
        event_type: str | None = None,
        ids: Sequence[str] = (),
    ) -> list[Incident]:
        """Incidents by date; ``country`` an ISO2 code or a name; dates bound the event days."""
        codes = _country_codes(country) if country else [None]
        with Session(self._engine) as session:
            found: dict[str, Incident] = {}
            for code in codes:
                for incident in load_incidents(
                    session, country=code, since=since, until=until, event_type=event_type, ids=ids
                ):
                    found[incident.id] = incident
        return sorted(found.values(), key=lambda i: (i.date.date if i.date else dt.date.max, i.id))

    def incident(self, incident_id: str) -> Incident | None:
        found = self.incidents(ids=[incident_id])
        return found[0] if found else None

    def add(self, article: Article, mentions: Sequence[Mention]) -> bool:
        """Store an article and its mentions in one transaction; False if already stored."""
        _check_mentions(article, mentions)
        now = dt.datetime.now(dt.UTC)
        try:
            with Session(self._engine) as session, session.begin():
                if session.get(ArticleRow, article.id) is not None:
                    return False
                session.add(_article_row(article, now))
                session.flush()
                session.add_all(_mention_row(m) for m in mentions)
        except IntegrityError as exc:
            if self.has_article(article.id):  # another writer stored it meanwhile
                return False
            raise StoreError(f"integrity error: {exc.orig}", source=article.id) from exc
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot store article: {exc}", source=article.id) from exc
        return True

    def has_article(self, article_id: str) -> bool:
        with self._session() as session:
            return session.get(ArticleRow, article_id) is not None

    def article(self, article_id: str) -> Article | None:
        with self._session() as session:
            row = session.get(ArticleRow, article_id)
            return None if row is None else _article(row)

    def mentions(
        self,
        *,
        country: str | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
        event_type: str | None = None,
    ) -> list[tuple[Article, Mention]]:
        """Mentions with their articles, by event date (undated last), then id.

        ``country`` is an ISO2 code or a country name, any case. ``since``/``until`` bound
        the event date, inclusive; undated mentions drop out when either is given.
        """
        query = select(MentionRow).options(
            selectinload(MentionRow.article),
            selectinload(MentionRow.actors),
            selectinload(MentionRow.claims),
            selectinload(MentionRow.evidence),
        )
        if country is not None:
            query = query.where(
                or_(
                    MentionRow.country.in_(_country_codes(country)),
                    func.lower(MentionRow.country_name) == country.lower(),
                )
            )
        if since is not None:
            query = query.where(MentionRow.event_date >= since)
        if until is not None:
            query = query.where(MentionRow.event_date <= until)
        if event_type is not None:
            query = query.where(func.lower(MentionRow.event_type) == event_type.lower())
        query = query.order_by(
            MentionRow.event_date.is_(None), MentionRow.event_date, MentionRow.id
        )
        with self._session() as session:
            rows = session.scalars(query).all()
            return [(_article(r.article), _mention(r)) for r in rows]

    def unfused(self) -> list[tuple[Article, Mention]]:
        """Stored mentions that no incident holds yet (e.g. after a crash mid-ingest)."""
        linked = select(IncidentMentionRow.mention_id)
        query = (
            select(MentionRow)
            .where(MentionRow.id.not_in(linked))
            .options(
                selectinload(MentionRow.article),
                selectinload(MentionRow.actors),
                selectinload(MentionRow.claims),
                selectinload(MentionRow.evidence),
            )
            .order_by(MentionRow.article_id, MentionRow.id)
        )
        with self._session() as session:
            rows = session.scalars(query).all()
            return [(_article(r.article), _mention(r)) for r in rows]

    def counts(self) -> dict[str, int]:
        """Row counts of the tables ``articles``, ``mentions``, ``claims`` and ``evidence``."""
        tables = {
            "articles": ArticleRow,
            "mentions": MentionRow,
            "claims": ClaimRow,
            "evidence": EvidenceRow,
        }
        with self._session() as session:
            return {
                name: session.scalar(select(func.count()).select_from(table)) or 0
                for name, table in tables.items()
            }

    def record_failure(self, source: str, code: str, message: str) -> None:
        """Keep a bad input item and its reason; the same source+code is kept once (latest)."""
        now = dt.datetime.now(dt.UTC)
        try:
            with Session(self._engine) as session, session.begin():
                found = session.scalar(
                    select(FailureRow).where(FailureRow.source == source, FailureRow.code == code)
                )
                if found is None:
                    session.add(
                        FailureRow(source=source, code=code, message=message, recorded_at=now)
                    )
                else:
                    found.message, found.recorded_at = message, now
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot record failure: {exc}", source=source) from exc

    def failures(self) -> list[tuple[str, str, str]]:
        """(source, code, message) of every recorded failure, in the order first recorded."""
        with self._session() as session:
            rows = session.execute(
                select(FailureRow.source, FailureRow.code, FailureRow.message).order_by(
                    FailureRow.id
                )
            ).all()
            return [(r.source, r.code, r.message) for r in rows]

    @contextmanager
    def _session(self) -> Iterator[Session]:
        """A read session; database errors become ``StoreError``."""
        try:
            with Session(self._engine) as session:
                yield session
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot read database: {exc}", source=repr(self)) from exc
