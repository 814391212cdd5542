"""API latency: p50/p95 of ``GET /api/incidents`` with filters on a generated store.

    python bench/api_latency.py                       # 100,000 incidents
    python bench/api_latency.py --incidents 1000000 --db /tmp/big.db

The store is built once (kept at ``--db``; reused when it already holds the same number of
incidents) by bulk-inserting rows shaped as ``store.incidents.save_incidents`` writes them:
the record JSON, the filter columns and ``api_columns``. Incidents spread over 12 countries,
two years, six event types and 500 named actors. Requests go through httpx's ASGI transport
to the app in process (no sockets). The same-run baseline is ``GET /api/incidents?limit=1``
with no filter, so ratios compare across machines.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import random
import statistics
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import create_engine, func, insert, select
from sqlalchemy.orm import Session

from fieldreport.api import create_app
from fieldreport.config import Settings
from fieldreport.model import (
    ActorRef,
    ActorRole,
    Claim,
    DateInfo,
    Fatalities,
    Incident,
    Place,
    Span,
    as_dict,
)
from fieldreport.store import Store, database_url
from fieldreport.store.incidents import api_columns
from fieldreport.store.schema import IncidentRow

COUNTRIES = {
    "ML": ("Mali", ["Mopti", "Gao", "Tombouctou", "Segou"]),
    "BF": ("Burkina Faso", ["Sahel", "Centre-Nord", "Est", "Nord"]),
    "NE": ("Niger", ["Tillaberi", "Diffa", "Tahoua", "Maradi"]),
    "NG": ("Nigeria", ["Borno", "Zamfara", "Kaduna", "Benue"]),
    "TD": ("Chad", ["Lac", "Ouaddai", "Logone", "Salamat"]),
    "CM": ("Cameroon", ["Far North", "North-West", "South-West", "Adamawa"]),
    "SO": ("Somalia", ["Banaadir", "Bay", "Hiiraan", "Gedo"]),
    "SD": ("Sudan", ["Khartoum", "North Darfur", "Kordofan", "Gezira"]),
    "CD": ("DR Congo", ["North Kivu", "Ituri", "South Kivu", "Tanganyika"]),
    "ET": ("Ethiopia", ["Amhara", "Oromia", "Tigray", "Afar"]),
    "MZ": ("Mozambique", ["Cabo Delgado", "Niassa", "Nampula", "Sofala"]),
    "CF": ("Central African Republic", ["Ouaka", "Haut-Mbomou", "Vakaga", "Nana"]),
}
TYPES = [
    ("Battles", "Armed clash"),
    ("Violence against civilians", "Attack"),
    ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
    ("Explosions/Remote violence", "Air/drone strike"),
    ("Protests", "Peaceful protest"),
    ("Riots", "Violent demonstration"),
]
START = dt.date(2023, 1, 1)
SENTENCE = "Gunmen attacked the village, killing 12 people, a local official said."


def _incident(rng: random.Random, n: int) -> Incident:
    code = rng.choice(list(COUNTRIES))
    name, regions = COUNTRIES[code]
    etype, sub = rng.choice(TYPES)
    day = START + dt.timedelta(days=rng.randrange(730))
    span = Span.of(SENTENCE, 0, 6)
    group = ActorRef(f"Armed Group {n % 500} ({name})", 2, code)
    state = ActorRef(f"Military Forces of {name}", 1, code)
    killed = rng.choice([0, 0, 0, 1, 2, 3, 5, 8, 12, 20, 40])
    claim = Claim(span, claimant_text="a local official", killed_min=killed, phrase=str(killed))
    return Incident(
        id=f"inc-{n:012x}",
        event_type=etype,
        sub_event_type=sub,
        date=DateInfo(day),
        place=Place(
            f"Town {n % 3000}",
            code,
            rng.uniform(-10, 25),
            rng.uniform(-15, 45),
            1,
            name,
            rng.choice(regions),
        ),
        actors=(ActorRole(group, "actor1", span), ActorRole(state, "actor2", span)),
        mention_ids=(f"a{n:015x}-0",),
        article_ids=(f"a{n:015x}",),
        claims=(claim,),
        fatalities=Fatalities(killed, killed, killed, killed, "one claim"),
        outlets=(f"Outlet {n % 40}",),
    )


def rows(n: int, seed: int = 11) -> Iterator[dict[str, Any]]:
    """``n`` incident rows as ``save_incidents`` would write them."""
    rng = random.Random(seed)
    now = dt.datetime.now(dt.UTC)
    for i in range(n):
        incident = _incident(rng, i)
        assert incident.date is not None and incident.place is not None
        yield {
            "id": incident.id,
            "event_date": incident.date.date,
            "date_end": incident.date.last,
            "country": incident.country,
            "event_type": incident.event_type,
            "sub_event_type": incident.sub_event_type,
            "latitude": incident.place.lat,
            "longitude": incident.place.lon,
            "fatalities": incident.fatalities.acled,
            "reports": 1,
            "record": as_dict(incident),
            "updated_at": now,
            **api_columns(incident),
        }


def build(db: Path, n: int) -> float:
    """Fill the store at ``db`` with ``n`` incidents (unless it holds them); seconds spent."""
    started = time.perf_counter()
    if db.exists():
        engine = create_engine(database_url(db))
        with Session(engine) as session:
            found = session.scalar(select(func.count()).select_from(IncidentRow))
        engine.dispose()
        if found == n:
            return 0.0
        db.unlink()
    Store(db).close()  # creates the tables and indexes
    engine = create_engine(database_url(db))  # bulk insert: the bench writes rows, not records
    batch: list[dict[str, Any]] = []
    with Session(engine) as session, session.begin():
        for row in rows(n):
            batch.append(row)
            if len(batch) == 10_000:
                session.execute(insert(IncidentRow), batch)
                batch.clear()
        if batch:
            session.execute(insert(IncidentRow), batch)
    with engine.connect() as connection:
        connection.exec_driver_sql("ANALYZE")
    engine.dispose()
    return time.perf_counter() - started


QUERIES: dict[str, dict[str, Any]] = {
    "no filter (limit 100)": {},
    "country=Mali": {"country": "Mali"},
    "country=BF since/until 1 month": {
        "country": "BF",
        "since": "2024-03-01",
        "until": "2024-03-31",
    },
    "since/until 1 week": {"since": "2024-06-01", "until": "2024-06-07"},
    "event_type=Battles": {"event_type": "Battles"},
    "sub_event_type=Air/drone strike, NE": {"sub_event_type": "Air/drone strike", "country": "NE"},
    "admin1=Borno (country NG)": {"country": "NG", "admin1": "Borno"},
    "bbox 2x2 deg": {"bbox": "0,10,2,12"},
    "min_fatalities=20, -fatalities": {"min_fatalities": 20, "sort": "-fatalities"},
    "actor substring": {"actor": "armed group 42 ("},
    "q two words": {"q": "town 17 drone"},
    "country=ML & type & offset 500": {"country": "ML", "event_type": "Battles", "offset": 500},
}


async def _time(client: httpx.AsyncClient, params: dict[str, Any], repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        response = await client.get("/api/incidents", params=params)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.text
    return times


def _p(times: list[float], q: int) -> float:
    return statistics.quantiles(times, n=100, method="inclusive")[q - 1]


async def measure(db: Path, repeat: int) -> None:
    app = create_app(Settings(db=str(db)))
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
        await _time(client, {"limit": 1}, 3)  # warm the connection pool and the page cache
        base = await _time(client, {"limit": 1}, repeat)
        print(f"{'query':40} {'p50 ms':>8} {'p95 ms':>8} {'matches':>9}")
        print(f"{'baseline: limit=1, no filter':40} {_p(base, 50):8.1f} {_p(base, 95):8.1f}")
        mixed: list[float] = []
        for name, params in QUERIES.items():
            times = await _time(client, params, repeat)
            count = (await client.get("/api/incidents", params={**params, "limit": 1})).json()
            mixed += times
            print(f"{name:40} {_p(times, 50):8.1f} {_p(times, 95):8.1f} {count['count']:9,}")
        print(f"{'ALL FILTERED QUERIES':40} {_p(mixed, 50):8.1f} {_p(mixed, 95):8.1f}")
        print(f"ratio p50 filtered / baseline: {_p(mixed, 50) / _p(base, 50):.1f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--incidents", type=int, default=100_000)
    parser.add_argument("--db", type=Path, default=None, help="default /tmp/fieldreport-bench-N.db")
    parser.add_argument("--repeat", type=int, default=20, help="requests per query")
    args = parser.parse_args()
    db = args.db or Path(f"/tmp/fieldreport-bench-{args.incidents}.db")
    seconds = build(db, args.incidents)
    size = db.stat().st_size / 1e6
    print(f"store: {args.incidents:,} incidents, {size:,.0f} MB, built in {seconds:.1f} s")
    asyncio.run(measure(db, args.repeat))


if __name__ == "__main__":
    main()
