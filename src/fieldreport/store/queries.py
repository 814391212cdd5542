"""The read queries of the API: filtered, sorted, counted pages of incidents; statistics;
mentions with their articles. Every filter is a SQL condition on an indexed column of
``incidents`` (date, country, admin1, type, lat/lon, fatalities) or a LIKE on its text columns;
nothing is filtered in Python.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from contextlib import suppress
from dataclasses import dataclass
from typing import Any, Literal

import pycountry
from sqlalchemy import ColumnElement, Select, and_, false, func, or_, select
from sqlalchemy.orm import Session, selectinload

from fieldreport.extract.taxonomy import EVENT_TYPES, SUB_TO_TYPE
from fieldreport.model import Article, Incident, Mention
from fieldreport.store.incidents import incident_from_dict
from fieldreport.store.schema import IncidentRow, MentionRow
from fieldreport.store.store import _article, _mention

Sort = Literal["date", "-date", "fatalities", "-fatalities"]
_TYPES = {name.lower(): name for name in EVENT_TYPES}
_SUBTYPES = {name.lower(): name for name in SUB_TO_TYPE}


@dataclass(frozen=True, slots=True)
class BBox:
    """A lon/lat box; ``min_lon > max_lon`` crosses the antimeridian."""

    min_lon: float
    min_lat: float
    max_lon: float
    max_lat: float


@dataclass(frozen=True, slots=True)
class IncidentFilter:
    """What ``GET /api/incidents`` filters on; every field None means no condition."""

    country: str | None = None  # ISO2 code or country name, any case
    admin1: str | None = None
    since: dt.date | None = None  # incidents whose days reach this date or later
    until: dt.date | None = None  # incidents that start on this date or earlier
    event_type: str | None = None
    sub_event_type: str | None = None
    actor: str | None = None  # substring of any actor name, any case
    bbox: BBox | None = None
    min_fatalities: int | None = None
    q: str | None = None  # every word must appear in the incident's search text


def country_codes(country: str) -> list[str]:
    """ISO2 codes a country filter may mean: the code itself, or the code of a name."""
    codes = [country.upper()] if len(country) == 2 else []
    with suppress(LookupError):
        codes.append(pycountry.countries.lookup(country).alpha_2)
    return list(dict.fromkeys(codes))


def _like(text: str) -> str:
    """A LIKE pattern matching ``text`` anywhere, its wildcards escaped."""
    escaped = text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _bbox(box: BBox) -> ColumnElement[bool]:
    lat = IncidentRow.latitude.between(box.min_lat, box.max_lat)
    if box.min_lon <= box.max_lon:
        return and_(lat, IncidentRow.longitude.between(box.min_lon, box.max_lon))
    return and_(
        lat, or_(IncidentRow.longitude >= box.min_lon, IncidentRow.longitude <= box.max_lon)
    )


def _text_conditions(f: IncidentFilter) -> Iterator[ColumnElement[bool]]:
    if f.actor:
        yield IncidentRow.actors.like(_like(f.actor), escape="\\")
    for word in (f.q or "").split():
        yield IncidentRow.search.like(_like(word), escape="\\")


def conditions(f: IncidentFilter) -> list[ColumnElement[bool]]:
    """The WHERE clause of a filter, as a list of conditions to AND."""
    where: list[ColumnElement[bool]] = []
    if f.country:
        codes = country_codes(f.country)
        where.append(IncidentRow.country.in_(codes) if codes else false())
    if f.admin1:
        where.append(IncidentRow.admin1 == f.admin1.strip())
    if f.since:
        where.append(IncidentRow.date_end >= f.since)
    if f.until:
        where.append(IncidentRow.event_date <= f.until)
    if f.event_type:
        where.append(IncidentRow.event_type == _TYPES.get(f.event_type.lower(), f.event_type))
    if f.sub_event_type:
        sub = _SUBTYPES.get(f.sub_event_type.lower(), f.sub_event_type)
        where.append(IncidentRow.sub_event_type == sub)
    if f.bbox:
        where.append(_bbox(f.bbox))
    if f.min_fatalities is not None:
        where.append(IncidentRow.fatalities >= f.min_fatalities)
    where.extend(_text_conditions(f))
    return where


def _ordered(query: Select[Any], sort: Sort) -> Select[Any]:
    column = IncidentRow.fatalities if sort.endswith("fatalities") else IncidentRow.event_date
    if sort.startswith("-"):
        return query.order_by(column.desc(), IncidentRow.id.desc())
    return query.order_by(column.asc(), IncidentRow.id.asc())


def count_incidents(session: Session, f: IncidentFilter) -> int:
    query = select(func.count()).select_from(IncidentRow).where(*conditions(f))
    return session.scalar(query) or 0


def incident_page(
    session: Session, f: IncidentFilter, *, sort: Sort = "-date", limit: int = 100, offset: int = 0
) -> list[Incident]:
    """One page of matching incidents in ``sort`` order."""
    query = _ordered(select(IncidentRow.record).where(*conditions(f)), sort)
    records = session.scalars(query.limit(limit).offset(offset)).all()
    return [incident_from_dict(r) for r in records]


def incident_ids(session: Session, f: IncidentFilter, *, sort: Sort = "-date") -> list[str]:
    """The ids of every matching incident in ``sort`` order (for streamed exports)."""
    return list(session.scalars(_ordered(select(IncidentRow.id).where(*conditions(f)), sort)))


def incidents_by_ids(session: Session, ids: Sequence[str]) -> list[Incident]:
    """Incidents in the order of ``ids`` (unknown ids left out)."""
    rows = session.execute(
        select(IncidentRow.id, IncidentRow.record).where(IncidentRow.id.in_(ids))
    ).all()
    found = {r.id: r.record for r in rows}
    return [incident_from_dict(found[i]) for i in ids if i in found]


def incident_by_id(session: Session, incident_id: str) -> Incident | None:
    found = incidents_by_ids(session, [incident_id])
    return found[0] if found else None


# ---------------------------------------------------------------- statistics


def _grouped(
    session: Session, key: ColumnElement[Any] | Any, f: IncidentFilter
) -> list[tuple[Any, int, int]]:
    query = (
        select(key, func.count(), func.coalesce(func.sum(IncidentRow.fatalities), 0))
        .where(*conditions(f))
        .group_by(key)
    )
    return [(r[0], int(r[1]), int(r[2])) for r in session.execute(query)]


def per_week(session: Session, f: IncidentFilter) -> list[tuple[dt.date, int, int]]:
    """(Monday, incidents, fatalities) by the week of the first event day; undated left out."""
    weeks: dict[dt.date, list[int]] = {}
    for day, count, dead in _grouped(session, IncidentRow.event_date, f):
        if day is None:
            continue
        monday = day - dt.timedelta(days=day.weekday())
        totals = weeks.setdefault(monday, [0, 0])
        totals[0] += count
        totals[1] += dead
    return [(week, n, dead) for week, (n, dead) in sorted(weeks.items())]


def per_type(session: Session, f: IncidentFilter) -> list[tuple[str, int, int]]:
    """(event type, incidents, fatalities), most incidents first."""
    rows = _grouped(session, IncidentRow.event_type, f)
    return sorted(rows, key=lambda r: (-r[1], r[0]))


def per_country(session: Session, f: IncidentFilter) -> list[tuple[str, int, int]]:
    """(ISO2 code, incidents, fatalities), most incidents first; "" for unplaced incidents."""
    rows = _grouped(session, IncidentRow.country, f)
    return sorted(((c or "", n, d) for c, n, d in rows), key=lambda r: (-r[1], r[0]))


# ---------------------------------------------------------------- mentions


def _with_children(query: Select[Any]) -> Select[Any]:
    return query.options(
        selectinload(MentionRow.article),
        selectinload(MentionRow.actors),
        selectinload(MentionRow.claims),
        selectinload(MentionRow.evidence),
    )


def mentions_by_ids(session: Session, ids: Sequence[str]) -> list[tuple[Article, Mention]]:
    """Stored mentions with their articles, in the order of ``ids`` (unknown ids left out)."""
    rows = session.scalars(_with_children(select(MentionRow).where(MentionRow.id.in_(ids))))
    found = {r.id: (_article(r.article), _mention(r)) for r in rows}
    return [found[i] for i in ids if i in found]


def mentions_of_article(session: Session, article_id: str) -> list[Mention]:
    """The mentions of one article, in text order."""
    query = _with_children(
        select(MentionRow)
        .where(MentionRow.article_id == article_id)
        .order_by(MentionRow.sentence_start)
    )
    return [_mention(r) for r in session.scalars(query)]
