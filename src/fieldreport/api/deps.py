"""What the routes depend on: the app's state, a database session, the writer's token."""

from __future__ import annotations

import datetime as dt
import secrets
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Annotated

from fastapi import Depends, Query, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import Engine, create_engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from fieldreport.api.errors import ApiError
from fieldreport.config import Settings
from fieldreport.errors import StoreError
from fieldreport.pipeline import Pipeline
from fieldreport.store import Store
from fieldreport.store.queries import BBox, IncidentFilter, Sort


@dataclass
class ApiState:
    """Built once by ``create_app``: the store (writes), an engine for reads, the pipeline."""

    settings: Settings
    token: str | None
    max_body: int
    store: Store
    engine: Engine
    write_lock: threading.Lock = field(default_factory=threading.Lock)
    _pipeline: Pipeline | None = None

    @classmethod
    def open(
        cls, settings: Settings, token: str | None, max_body: int, pipeline: Pipeline | None
    ) -> ApiState:
        store = Store(settings.db)  # creates the tables; StoreError if the database is unusable
        return cls(settings, token, max_body, store, create_engine(store.url), _pipeline=pipeline)

    def pipeline(self) -> Pipeline:
        """The spaCy pipeline, loaded on the first write (about 4 s); call under write_lock."""
        if self._pipeline is None:
            self._pipeline = Pipeline(self.settings)
        return self._pipeline

    def close(self) -> None:
        """Close every pooled connection; closing twice is harmless."""
        self.engine.dispose()
        self.store.close()


def get_state(request: Request) -> ApiState:
    state: ApiState = request.app.state.fieldreport
    return state


StateDep = Annotated[ApiState, Depends(get_state)]


def get_session(state: StateDep) -> Iterator[Session]:
    """A read session; database errors become ``StoreError`` (503)."""
    try:
        with Session(state.engine) as session:
            yield session
    except SQLAlchemyError as exc:
        raise StoreError(f"cannot read database: {exc}") from exc


SessionDep = Annotated[Session, Depends(get_session)]

bearer = HTTPBearer(auto_error=False, description="the token the server was started with")


def require_writer(
    state: StateDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> None:
    """Writes need ``Authorization: Bearer <token>``; a server without a token is read-only."""
    if state.token is None:
        raise ApiError(403, "read_only", "this server is read-only: it was started without a token")
    given = credentials.credentials if credentials else ""
    if not secrets.compare_digest(given.encode(), state.token.encode()):
        raise ApiError(
            401, "unauthorized", "a valid bearer token is needed", {"WWW-Authenticate": "Bearer"}
        )


WriterDep = Depends(require_writer)


def parse_bbox(value: str) -> BBox:
    """``minLon,minLat,maxLon,maxLat`` -> BBox (422 ``invalid_request`` when malformed)."""
    try:
        min_lon, min_lat, max_lon, max_lat = (float(part) for part in value.split(","))
    except ValueError:
        raise ApiError(
            422, "invalid_request", "bbox must be four numbers: minLon,minLat,maxLon,maxLat"
        ) from None
    lons_ok = all(-180 <= v <= 180 for v in (min_lon, max_lon))
    lats_ok = all(-90 <= v <= 90 for v in (min_lat, max_lat)) and min_lat <= max_lat
    if not (lons_ok and lats_ok):
        raise ApiError(422, "invalid_request", "bbox is outside the globe or upside down")
    return BBox(min_lon, min_lat, max_lon, max_lat)


def incident_filter(
    country: Annotated[str | None, Query(description="ISO2 code or name", max_length=100)] = None,
    admin1: Annotated[str | None, Query(description="first-level region", max_length=200)] = None,
    since: Annotated[dt.date | None, Query(description="last event day >= YYYY-MM-DD")] = None,
    until: Annotated[dt.date | None, Query(description="first event day <= YYYY-MM-DD")] = None,
    event_type: Annotated[str | None, Query(max_length=100)] = None,
    sub_event_type: Annotated[str | None, Query(max_length=100)] = None,
    actor: Annotated[
        str | None, Query(description="part of any actor's name", max_length=200)
    ] = None,
    bbox: Annotated[
        str | None, Query(description="minLon,minLat,maxLon,maxLat", max_length=200)
    ] = None,
    min_fatalities: Annotated[int | None, Query(ge=0, le=2**31 - 1)] = None,
    q: Annotated[
        str | None, Query(description="words that must all appear", max_length=500)
    ] = None,
) -> IncidentFilter:
    """The filters shared by the incident list, the export and the statistics."""
    return IncidentFilter(
        country=country or None,
        admin1=admin1 or None,
        since=since,
        until=until,
        event_type=event_type or None,
        sub_event_type=sub_event_type or None,
        actor=actor or None,
        bbox=parse_bbox(bbox) if bbox else None,
        min_fatalities=min_fatalities,
        q=q or None,
    )


FilterDep = Annotated[IncidentFilter, Depends(incident_filter)]
SortParam = Annotated[Sort, Query(description="date or fatalities; '-' for descending")]
