"""Export the (filtered) incidents as a streamed file: ACLED CSV, UCDP CSV, GeoJSON or JSONL.

The matching ids are read first (in SQL, in order); records are then read and written in
chunks of ``CHUNK``, each chunk in its own short session, so no read lock is held while a
slow client downloads.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterable, Iterator, Sequence
from typing import Annotated, Literal

from fastapi import APIRouter, Query
from fastapi.responses import StreamingResponse
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from fieldreport.api.deps import FilterDep, SessionDep, SortParam, StateDep
from fieldreport.export.acled import ACLED_COLUMNS, acled_row, split_by_day
from fieldreport.export.incidents import UCDP_COLUMNS, as_mention, geojson, ucdp_row
from fieldreport.model import Incident, as_dict
from fieldreport.store import queries

router = APIRouter(prefix="/export", tags=["export"])

Format = Literal["acled", "csv", "ucdp", "geojson", "jsonl"]
CHUNK = 500
MEDIA = {
    "acled": ("text/csv; charset=utf-8", "csv"),
    "ucdp": ("text/csv; charset=utf-8", "ucdp.csv"),
    "geojson": ("application/geo+json", "geojson"),
    "jsonl": ("application/x-ndjson", "jsonl"),
}


def _incidents(engine: Engine, ids: Sequence[str]) -> Iterator[Incident]:
    for start in range(0, len(ids), CHUNK):
        with Session(engine) as session:
            yield from queries.incidents_by_ids(session, ids[start : start + CHUNK])


def _csv(header: Sequence[str], rows: Iterable[dict[str, str]]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, header, lineterminator="\n")
    writer.writeheader()
    for n, row in enumerate(rows, start=1):
        writer.writerow(row)
        if n % 200 == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def _acled_rows(incidents: Iterable[Incident]) -> Iterator[dict[str, str]]:
    """As ``export.incidents.write_acled``: one row per day of a range, the toll split."""
    seq = 0
    for incident in incidents:
        article, mention = as_mention(incident)
        days: list[tuple[dt.date | None, int | None]] = list(split_by_day(mention))
        for day, toll in days or [(None, None)]:
            seq += 1
            yield acled_row(article, mention, seq=seq, day=day, fatalities=toll)


def _geojson(incidents: Iterable[Incident]) -> Iterator[str]:
    yield '{"type": "FeatureCollection", "features": ['
    for n, incident in enumerate(incidents):
        feature = geojson([incident])["features"][0]
        yield ("," if n else "") + "\n" + json.dumps(feature, ensure_ascii=False)
    yield "\n]}\n"


def _body(fmt: str, incidents: Iterable[Incident]) -> Iterator[str]:
    if fmt == "acled":
        return _csv(ACLED_COLUMNS, _acled_rows(incidents))
    if fmt == "ucdp":
        return _csv(UCDP_COLUMNS, (ucdp_row(i) for i in incidents))
    if fmt == "geojson":
        return _geojson(incidents)
    return (json.dumps(as_dict(i), ensure_ascii=False) + "\n" for i in incidents)


@router.get(
    "",
    response_class=StreamingResponse,
    responses={
        200: {
            "description": "the file, streamed",
            "content": {media: {} for media, _ in MEDIA.values()},
        }
    },
)
def export_incidents(
    state: StateDep,
    session: SessionDep,
    filters: FilterDep,
    format: Annotated[Format, Query(description="csv is acled")] = "acled",
    sort: SortParam = "date",
) -> StreamingResponse:
    """Every matching incident; ACLED rows are one per day, the toll split as ACLED does."""
    fmt = "acled" if format == "csv" else format
    ids = queries.incident_ids(session, filters, sort=sort)
    media, suffix = MEDIA[fmt]
    filename = f"fieldreport-incidents.{suffix}"
    return StreamingResponse(
        _body(fmt, _incidents(state.engine, ids)),
        media_type=media,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
