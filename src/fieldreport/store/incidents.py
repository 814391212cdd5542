"""Incidents in the store: save, load by id, list with filters, and the fusion step of ingest.

The record is kept whole as JSON (``model.as_dict``) and rebuilt by ``incident_from_dict``;
the columns beside it exist for filtering and indexes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any, cast

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from fieldreport.model import (
    ActorRef,
    ActorRole,
    Claim,
    DateInfo,
    Fatalities,
    Incident,
    Place,
    Revision,
    Role,
    Span,
    as_dict,
)
from fieldreport.store.schema import IncidentMentionRow, IncidentRow


def _day(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _span(d: dict[str, Any]) -> Span:
    return Span(d["start"], d["end"], d["text"])


def _actor(d: dict[str, Any] | None) -> ActorRef | None:
    return (
        None if d is None else ActorRef(d["name"], d["inter"], d.get("country"), d.get("alias", ""))
    )


def _claim(d: dict[str, Any]) -> Claim:
    return Claim(
        evidence=_span(d["evidence"]),
        claimant=_actor(d.get("claimant")),
        claimant_text=d.get("claimant_text", ""),
        claimant_kind=d.get("claimant_kind", "source"),
        reported_by=tuple(d.get("reported_by", ())),
        killed_min=d.get("killed_min"),
        killed_max=d.get("killed_max"),
        injured=d.get("injured"),
        victims=_actor(d.get("victims")),
        phrase=d.get("phrase", ""),
    )


def _place(d: dict[str, Any] | None) -> Place | None:
    if d is None:
        return None
    return Place(
        d["name"],
        d["country"],
        d["lat"],
        d["lon"],
        d["precision"],
        d.get("country_name", ""),
        d.get("admin1", ""),
        d.get("admin2", ""),
        d.get("admin3", ""),
        d.get("geonames_id"),
    )


def _date(d: dict[str, Any] | None) -> DateInfo | None:
    if d is None:
        return None
    return DateInfo(
        dt.date.fromisoformat(d["date"]),
        d.get("precision", 1),
        _day(d.get("start")),
        _day(d.get("end")),
        d.get("basis", ""),
    )


def incident_from_dict(d: dict[str, Any]) -> Incident:
    """The inverse of ``model.as_dict`` for incidents."""
    actors = tuple(
        ActorRole(cast(ActorRef, _actor(a["actor"])), cast(Role, a["role"]), _span(a["evidence"]))
        for a in d["actors"]
    )
    revisions = tuple(
        Revision(
            dt.datetime.fromisoformat(r["at"]),
            r["article_id"],
            {k: (v[0], v[1]) for k, v in r["changes"].items()},
        )
        for r in d.get("revisions", ())
    )
    f = d["fatalities"]
    return Incident(
        id=d["id"],
        event_type=d["event_type"],
        sub_event_type=d["sub_event_type"],
        date=_date(d.get("date")),
        place=_place(d.get("place")),
        actors=actors,
        mention_ids=tuple(d["mention_ids"]),
        article_ids=tuple(d["article_ids"]),
        claims=tuple(_claim(c) for c in d["claims"]),
        fatalities=Fatalities(f["acled"], f["low"], f["best"], f["high"], f.get("rule", "")),
        outlets=tuple(d.get("outlets", ())),
        revisions=revisions,
    )


def api_columns(incident: Incident) -> dict[str, str | None]:
    """The columns the API filters on: admin1, actor names, and the words ``q`` searches."""
    place = incident.place
    actors = "; ".join(dict.fromkeys(r.actor.name for r in incident.actors))
    words = [
        incident.event_type,
        incident.sub_event_type,
        place.name if place else "",
        place.admin1 if place else "",
        place.admin2 if place else "",
        place.country_name if place else "",
        actors,
        *(c.phrase for c in incident.claims),
        *(c.claimant.name if c.claimant else c.claimant_text for c in incident.claims),
        *incident.outlets,
    ]
    return {
        "admin1": (place.admin1 or None) if place else None,
        "actors": actors.lower(),
        "search": " | ".join(w for w in words if w).lower(),
    }


def save_incidents(session: Session, incidents: Iterable[Incident]) -> None:
    """Insert or replace incidents and their mention links (within the caller's transaction)."""
    now = dt.datetime.now(dt.UTC)
    for incident in incidents:
        row = IncidentRow(
            id=incident.id,
            event_date=incident.date.date if incident.date else None,
            date_end=incident.date.last if incident.date else None,
            country=incident.country,
            event_type=incident.event_type,
            sub_event_type=incident.sub_event_type,
            latitude=incident.place.lat if incident.place else None,
            longitude=incident.place.lon if incident.place else None,
            fatalities=incident.fatalities.acled,
            reports=len(incident.mention_ids),
            record=as_dict(incident),
            updated_at=now,
            **api_columns(incident),
        )
        session.merge(row)
        session.execute(
            delete(IncidentMentionRow).where(IncidentMentionRow.incident_id == incident.id)
        )
        session.flush()
        for mention_id in incident.mention_ids:
            session.merge(IncidentMentionRow(mention_id=mention_id, incident_id=incident.id))


def load_incidents(
    session: Session,
    *,
    country: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    event_type: str | None = None,
    ids: Sequence[str] = (),
) -> list[Incident]:
    query = select(IncidentRow)
    if ids:
        query = query.where(IncidentRow.id.in_(ids))
    if country:
        query = query.where(IncidentRow.country == country.upper())
    if since:
        query = query.where(IncidentRow.date_end >= since)
    if until:
        query = query.where(IncidentRow.event_date <= until)
    if event_type:
        query = query.where(IncidentRow.event_type == event_type)
    rows = session.scalars(query.order_by(IncidentRow.event_date, IncidentRow.id)).all()
    return [incident_from_dict(row.record) for row in rows]
