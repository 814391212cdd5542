"""Incidents out: ACLED CSV (one row per day when split), UCDP GED CSV, GeoJSON, JSONL, Parquet."""

from __future__ import annotations

import csv
import datetime as dt
import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, TextIO

from fieldreport.errors import ConfigError
from fieldreport.export.acled import ACLED_COLUMNS, acled_row, split_by_day
from fieldreport.model import Article, Incident, Mention, Span, as_dict

UCDP_COLUMNS = (
    "id",
    "type_of_violence",
    "side_a",
    "side_b",
    "number_of_sources",
    "source_office",
    "where_prec",
    "where_description",
    "adm_1",
    "adm_2",
    "latitude",
    "longitude",
    "country",
    "date_prec",
    "date_start",
    "date_end",
    "best",
    "high",
    "low",
    "event_type",
    "sub_event_type",
)
EXPORT_FORMATS = ("acled", "ucdp", "geojson", "jsonl", "parquet")


def note(incident: Incident) -> str:
    """A short note in ACLED's manner: the reports and the claims, each with its source."""
    parts = [f"{len(incident.mention_ids)} report(s) from {', '.join(incident.outlets) or 'n/a'}."]
    for claim in incident.claims:
        who = claim.claimant.name if claim.claimant else (claim.claimant_text or "the report")
        parts.append(f"{who}: {claim.phrase or '?'} killed.")
    return " ".join(parts)


def as_mention(incident: Incident) -> tuple[Article, Mention]:
    """The incident in the shape of one mention, for the ACLED row builder."""
    text = note(incident)
    article = Article(id=incident.id, text=text, outlet="; ".join(incident.outlets) or None)
    mention = Mention(
        article_id=incident.id,
        sentence=Span(0, len(text), text),
        event_type=incident.event_type,
        sub_event_type=incident.sub_event_type,
        date=incident.date,
        place=incident.place,
        actors=incident.actors,
        claims=incident.claims,
        fatalities=incident.fatalities,
        country=incident.place.country if incident.place else "",
        country_name=incident.place.country_name if incident.place else "",
    )
    return article, mention


def write_acled(incidents: Iterable[Incident], out: TextIO, *, split_days: bool = True) -> int:
    """ACLED rows; a multi-day incident becomes one row per day with the toll split."""
    writer = csv.DictWriter(out, ACLED_COLUMNS, lineterminator="\n")
    writer.writeheader()
    seq = 0
    for incident in incidents:
        article, mention = as_mention(incident)
        days: list[tuple[dt.date | None, int | None]] = list(
            split_by_day(mention) if split_days else []
        )
        for day, toll in days or [(None, None)]:
            seq += 1
            writer.writerow(acled_row(article, mention, seq=seq, day=day, fatalities=toll))
    return seq


def ucdp_type(incident: Incident) -> str:
    """UCDP type of violence: 1 state-based, 2 non-state, 3 one-sided (against civilians)."""
    if incident.event_type == "Violence against civilians":
        return "3"
    inters = {r.actor.inter for r in incident.actors if r.role in {"actor1", "actor2"}}
    return "1" if 1 in inters else "2"


def ucdp_row(incident: Incident) -> dict[str, str]:
    place, date = incident.place, incident.date
    side = {
        role: next((r.actor.name for r in incident.actors if r.role == role), "")
        for role in ("actor1", "actor2")
    }
    f = incident.fatalities
    return {
        "id": incident.id,
        "type_of_violence": ucdp_type(incident),
        "side_a": side["actor1"],
        "side_b": side["actor2"],
        "number_of_sources": str(len(incident.article_ids)),
        "source_office": "; ".join(incident.outlets),
        "where_prec": str({1: 1, 2: 2, 3: 4}.get(place.precision, 4)) if place else "",
        "where_description": place.name if place else "",
        "adm_1": place.admin1 if place else "",
        "adm_2": place.admin2 if place else "",
        "latitude": f"{place.lat:.4f}" if place else "",
        "longitude": f"{place.lon:.4f}" if place else "",
        "country": place.country_name if place else "",
        "date_prec": str({1: 1, 2: 3, 3: 4}.get(date.precision, 5)) if date else "",
        "date_start": date.first.isoformat() if date else "",
        "date_end": date.last.isoformat() if date else "",
        "best": str(f.best),
        "high": str(f.high),
        "low": str(f.low),
        "event_type": incident.event_type,
        "sub_event_type": incident.sub_event_type,
    }


def write_ucdp(incidents: Iterable[Incident], out: TextIO) -> int:
    writer = csv.DictWriter(out, UCDP_COLUMNS, lineterminator="\n")
    writer.writeheader()
    count = 0
    for incident in incidents:
        writer.writerow(ucdp_row(incident))
        count += 1
    return count


def geojson(incidents: Iterable[Incident]) -> dict[str, Any]:
    """A FeatureCollection of located incidents (unlocated ones have no geometry)."""
    features = []
    for incident in incidents:
        place = incident.place
        features.append(
            {
                "type": "Feature",
                "id": incident.id,
                "geometry": {"type": "Point", "coordinates": [place.lon, place.lat]}
                if place
                else None,
                "properties": {**flat(incident)},
            }
        )
    return {"type": "FeatureCollection", "features": features}


def flat(incident: Incident) -> dict[str, Any]:
    """One flat row per incident: the columns a table or a Parquet file holds."""
    place, date, f = incident.place, incident.date, incident.fatalities
    return {
        "id": incident.id,
        "event_type": incident.event_type,
        "sub_event_type": incident.sub_event_type,
        "date": date.date.isoformat() if date else None,
        "date_end": date.last.isoformat() if date else None,
        "time_precision": date.precision if date else None,
        "country": place.country if place else None,
        "admin1": place.admin1 if place else None,
        "location": place.name if place else None,
        "latitude": place.lat if place else None,
        "longitude": place.lon if place else None,
        "geo_precision": place.precision if place else None,
        "actor1": "; ".join(r.actor.name for r in incident.actors if r.role == "actor1"),
        "actor2": "; ".join(r.actor.name for r in incident.actors if r.role == "actor2"),
        "fatalities": f.acled,
        "fatalities_low": f.low,
        "fatalities_best": f.best,
        "fatalities_high": f.high,
        "reports": len(incident.mention_ids),
        "claims": len(incident.claims),
        "outlets": "; ".join(incident.outlets),
        "revisions": len(incident.revisions),
    }


def write_parquet(incidents: Sequence[Incident], path: Path) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise ConfigError(
            "Parquet export needs pyarrow: pip install 'fieldreport[parquet]'"
        ) from exc
    rows = [flat(i) for i in incidents]
    table = pa.Table.from_pylist(rows) if rows else pa.table({"id": pa.array([], pa.string())})
    pq.write_table(table, path)
    return len(rows)


def write_incidents(
    incidents: Sequence[Incident], fmt: str, out: TextIO, path: Path | None = None
) -> int:
    """Write incidents in one of ``EXPORT_FORMATS``; Parquet needs a file ``path``."""
    if fmt == "acled":
        return write_acled(incidents, out)
    if fmt == "ucdp":
        return write_ucdp(incidents, out)
    if fmt == "geojson":
        json.dump(geojson(incidents), out, ensure_ascii=False)
        out.write("\n")
        return len(incidents)
    if fmt == "jsonl":
        for incident in incidents:
            out.write(json.dumps(as_dict(incident), ensure_ascii=False) + "\n")
        return len(incidents)
    if fmt == "parquet":
        if path is None:
            raise ConfigError("Parquet is binary: give --out FILE.parquet")
        return write_parquet(incidents, path)
    raise ConfigError(f"unknown export format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}")
