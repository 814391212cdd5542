"""Statistics of the (filtered) incidents: per week, per event type, per country."""

from __future__ import annotations

from contextlib import suppress

import pycountry
from fastapi import APIRouter

from fieldreport.api.deps import FilterDep, SessionDep
from fieldreport.api.schemas import CountryCount, Stats, TypeCount, WeekCount
from fieldreport.store import queries

router = APIRouter(prefix="/stats", tags=["stats"])


def country_name(code: str) -> str:
    with suppress(LookupError):
        found = pycountry.countries.get(alpha_2=code) if code else None
        if found is not None:
            return str(found.name)
    return ""


@router.get("", response_model=Stats)
def get_stats(session: SessionDep, filters: FilterDep) -> Stats:
    """Incidents and fatalities (ACLED figure) grouped three ways; takes the list's filters."""
    return Stats(
        per_week=[
            WeekCount(week=w, incidents=n, fatalities=d)
            for w, n, d in queries.per_week(session, filters)
        ],
        per_type=[
            TypeCount(event_type=t, incidents=n, fatalities=d)
            for t, n, d in queries.per_type(session, filters)
        ],
        per_country=[
            CountryCount(country=c, country_name=country_name(c), incidents=n, fatalities=d)
            for c, n, d in queries.per_country(session, filters)
        ],
    )
