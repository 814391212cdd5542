"""Incidents: a filtered, sorted, paged list, and one incident with every report of it."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from fieldreport.api.deps import FilterDep, SessionDep, SortParam
from fieldreport.api.errors import ApiError
from fieldreport.api.schemas import ErrorResponse, IncidentDetail, IncidentSummary, MentionDetail
from fieldreport.api.schemas import Page as PageOf
from fieldreport.export.incidents import flat
from fieldreport.model import as_dict
from fieldreport.store import queries

router = APIRouter(prefix="/incidents", tags=["incidents"])


@router.get("", response_model=PageOf[IncidentSummary])
def list_incidents(
    session: SessionDep,
    filters: FilterDep,
    sort: SortParam = "-date",
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    offset: Annotated[int, Query(ge=0, le=2**31 - 1)] = 0,
) -> dict[str, Any]:
    """Incidents matching every filter; ``count`` is the number of matches."""
    page = queries.incident_page(session, filters, sort=sort, limit=limit, offset=offset)
    return {"data": [flat(i) for i in page], "count": queries.count_incidents(session, filters)}


@router.get(
    "/{incident_id}",
    response_model=IncidentDetail,
    responses={404: {"model": ErrorResponse, "description": "no such incident"}},
)
def get_incident(incident_id: str, session: SessionDep) -> dict[str, Any]:
    """One incident in full: claims, revisions, and each report with its evidence spans."""
    incident = queries.incident_by_id(session, incident_id)
    if incident is None:
        raise ApiError(404, "not_found", f"no incident {incident_id!r}")
    mentions = queries.mentions_by_ids(session, incident.mention_ids)
    return {**as_dict(incident), "mentions": [MentionDetail.of(a, m) for a, m in mentions]}
