"""Score the pipeline against human-coded events (ACLED or UCDP GED CSV).

ACLED format: the text is the ``notes`` column, the other columns are the gold answer. The
pipeline gets a publication date as a news article would have one: ``event_date`` plus 0-7 days
drawn from a generator seeded by ``event_id_cnty``, so no system scores by echoing the date.
UCDP GED format: the text is ``source_headline`` + ``where_description``; gold is best/low/high,
side_a/side_b, adm_1, coordinates, date_start/date_end, where_prec and date_prec.

Each gold row is compared with the first event the pipeline finds in its text.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import math
import random
import re
import statistics
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fieldreport.config import Settings
from fieldreport.errors import BadRecord
from fieldreport.model import Article, Mention
from fieldreport.resolve.places import fold, km

ACLED_REQUIRED = ("event_id_cnty", "event_date", "event_type", "sub_event_type", "notes")
UCDP_REQUIRED = ("id", "source_headline", "where_description", "best", "date_start")


@dataclass(frozen=True, slots=True)
class GoldRow:
    """One human-coded event and the text it was coded from."""

    key: str
    text: str
    published: dt.date | None
    fields: dict[str, str]


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def publication_date(event_id: str, event_date: dt.date) -> dt.date:
    """The event date plus 0-7 days, drawn from a generator seeded by the event id."""
    return event_date + dt.timedelta(days=random.Random(event_id).randint(0, 7))


def read_gold(path: Path, fmt: str, limit: int | None = None) -> list[GoldRow]:
    """Gold rows of an ACLED or UCDP GED CSV file; BadRecord names a missing column."""
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        need = ACLED_REQUIRED if fmt == "acled" else UCDP_REQUIRED
        missing = [c for c in need if c not in (reader.fieldnames or [])]
        if missing:
            raise BadRecord(
                f"not a {fmt.upper()} file: missing columns {missing}", source=str(path)
            )
        rows: list[GoldRow] = []
        for row in reader:
            rows.append(_acled_row(row) if fmt == "acled" else _ucdp_row(row))
            if limit is not None and len(rows) >= limit:
                break
    return rows


def _acled_row(row: dict[str, str]) -> GoldRow:
    date = dt.date.fromisoformat(row["event_date"])
    return GoldRow(
        row["event_id_cnty"], row["notes"], publication_date(row["event_id_cnty"], date), row
    )


def _ucdp_row(row: dict[str, str]) -> GoldRow:
    text = ". ".join(
        p.strip()
        for p in (row.get("source_headline", ""), row.get("where_description", ""))
        if p.strip()
    )
    start = dt.date.fromisoformat(row["date_start"][:10])
    return GoldRow(row["id"], text + ".", publication_date(row["id"], start), row)


# -- running the pipeline, on every core ------------------------------------------------------
_WORKER: Any = None


def _init_worker(settings: Settings) -> None:
    global _WORKER  # one pipeline per worker process, loaded once
    from fieldreport.pipeline import Pipeline

    _WORKER = Pipeline(settings)


def _run_chunk(chunk: list[GoldRow]) -> list[Mention | None]:
    articles = [Article.from_text(r.text or " ", published=r.published) for r in chunk]
    out: list[Mention | None] = []
    for _, mentions in _WORKER.extract_many(articles):
        out.append(mentions[0] if mentions else None)
    return out


def predict(
    rows: Sequence[GoldRow],
    settings: Settings,
    workers: int,
    progress: Callable[[int], None] | None = None,
) -> list[Mention | None]:
    """The first event the pipeline finds in each row's text (None: no event)."""
    chunks = [list(rows[i : i + 200]) for i in range(0, len(rows), 200)]
    results: list[Mention | None] = []
    if workers <= 1:
        _init_worker(settings)
        mapped: Iterable[list[Mention | None]] = map(_run_chunk, chunks)
        for part in mapped:
            results.extend(part)
            if progress:
                progress(len(part))
        return results
    with ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(settings,)) as pool:
        for part in pool.map(_run_chunk, chunks):
            results.extend(part)
            if progress:
                progress(len(part))
    return results


# -- comparing ---------------------------------------------------------------------------------
@dataclass(slots=True)
class Tally:
    """Hits and trials per metric, plus numeric series for MAE and distances."""

    hits: Counter[str] = field(default_factory=Counter)
    trials: Counter[str] = field(default_factory=Counter)
    errors: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))

    def add(self, metric: str, ok: bool | None) -> None:
        if ok is None:
            return
        self.trials[metric] += 1
        self.hits[metric] += int(ok)

    def scores(self) -> dict[str, float]:
        out = {m: round(100.0 * self.hits[m] / n, 2) for m, n in sorted(self.trials.items()) if n}
        if self.errors["fatalities_abs"]:
            out["fatalities_mae"] = round(statistics.fmean(self.errors["fatalities_abs"]), 3)
        if self.errors["distance_km"]:
            out["distance_median_km"] = round(statistics.median(self.errors["distance_km"]), 1)
        return out


def _int(value: str) -> int | None:
    try:
        return int(float(value))
    except (TypeError, ValueError):
        return None


_REGIME = re.compile(r"\((\d{4})-(\d{4})?\)")


# ACLED has renamed some actors between exports; each pair is one actor under two labels
RENAMED = {
    "Islamic State (West Africa) - Greater Sahara Faction": "Islamic State (Greater Sahara)",
    "VDP: Volunteer for Defense of Homeland": "VDP: Volunteers for the Defense of the Homeland",
    "Islamic State (Afghanistan)": "Islamic State Khorasan Province (ISKP)",
}


_BRITISH = re.compile(r"^Labour Group \(")  # older exports' spelling of "Labor Group (X)"


def _one_actor(name: str) -> str:
    name = _REGIME.sub(lambda m: f"({m[1]}-)", name.strip())
    name = _BRITISH.sub("Labor Group (", name)
    return RENAMED.get(name, name)


def actor_key(name: str) -> str:
    """An actor name compared across export vintages: the regime label cut to its start year
    (ACLED relabels "(2015-)" as "(2015-2022)" when a regime ends), "Labour Group" spelt as
    ACLED now spells it, and renamed actors under one name (``RENAMED``), also inside composite
    "A and/or B" names, in any order."""
    parts = sorted(_one_actor(p) for p in name.split(" and/or "))
    return " and/or ".join(parts)


def _names(mention: Mention, *roles: str) -> list[str]:
    return [actor_key(a.actor.name) for a in mention.actors if a.role in roles]


def _assoc(value: str) -> set[str]:
    return {actor_key(v) for v in value.split(";") if v.strip()}


def compare_acled(
    gold: dict[str, str], m: Mention | None, tally: Tally, misses: list[dict[str, Any]]
) -> None:
    """Add one ACLED row's comparison to the tally; record each miss with our evidence."""
    tally.add("no_event", m is None)
    if m is None:
        misses.append({"field": "event", "gold": gold["event_type"], "ours": None})
        return

    def check(metric: str, ok: bool | None, gold_value: Any, ours: Any, evidence: str) -> None:
        tally.add(metric, ok)
        if ok is False:
            span = m.evidence.get(evidence) if m else None
            misses.append(
                {
                    "field": metric,
                    "gold": gold_value,
                    "ours": ours,
                    "evidence": span.text if span else None,
                }
            )

    check(
        "event_type",
        m.event_type == gold["event_type"],
        gold["event_type"],
        m.event_type,
        "event_type",
    )
    check(
        "sub_event_type",
        m.sub_event_type == gold["sub_event_type"],
        gold["sub_event_type"],
        m.sub_event_type,
        "event_type",
    )
    _compare_dates(gold, m, check)
    _compare_toll(gold, m, tally, check)
    _compare_actors(gold, m, check)
    _compare_place(gold, m, tally, check)


Check = Callable[[str, "bool | None", Any, Any, str], None]


def _compare_dates(gold: dict[str, str], m: Mention, check: Check) -> None:
    gold_date = dt.date.fromisoformat(gold["event_date"])
    ours = m.date.date if m.date else None
    check("date_exact", ours == gold_date, gold["event_date"], ours and ours.isoformat(), "date")
    check(
        "date_within_1d",
        ours is not None and abs((ours - gold_date).days) <= 1,
        gold["event_date"],
        ours and ours.isoformat(),
        "date",
    )
    check(
        "time_precision",
        m.date is not None and str(m.date.precision) == gold.get("time_precision"),
        gold.get("time_precision"),
        m.date.precision if m.date else None,
        "date",
    )


def _compare_toll(gold: dict[str, str], m: Mention, tally: Tally, check: Check) -> None:
    gold_toll = _int(gold.get("fatalities", ""))
    if gold_toll is None:
        return
    check(
        "fatalities_exact",
        m.fatalities.acled == gold_toll,
        gold_toll,
        m.fatalities.acled,
        "fatalities",
    )
    tally.errors["fatalities_abs"].append(abs(m.fatalities.acled - gold_toll))


def _compare_actors(gold: dict[str, str], m: Mention, check: Check) -> None:
    a1, a2 = _names(m, "actor1"), _names(m, "actor2")
    ours1, ours2 = (a1[0] if a1 else ""), (a2[0] if a2 else "")
    g1, g2 = actor_key(gold.get("actor1", "")), actor_key(gold.get("actor2", ""))
    if gold["event_type"] == "Violence against civilians":
        ok1, ok2 = ours1 == g1, ours2 == g2
    else:
        ok1 = g1 in {ours1, ours2}
        ok2 = g2 in {ours1, ours2} if g2 else not ours2 or g1 == ours2 or ours1 == ""
    check("actor1", ok1, g1, ours1, "actor1")
    check("actor2", ok2, g2, ours2, "actor2")
    inter = {actor_key(a.actor.name): str(a.actor.inter) for a in m.actors}
    check(
        "inter1",
        inter.get(g1, "") == gold.get("inter1")
        or (str(m.actors[0].actor.inter) == gold.get("inter1") if m.actors else False),
        gold.get("inter1"),
        [a.actor.inter for a in m.actors],
        "actor1",
    )
    gold_assoc = _assoc(gold.get("assoc_actor_1", "")) | _assoc(gold.get("assoc_actor_2", ""))
    ours_assoc = set(_names(m, "assoc1", "assoc2"))
    if gold_assoc or ours_assoc:
        true_pos = len(gold_assoc & ours_assoc)
        precision = true_pos / len(ours_assoc) if ours_assoc else 0.0
        recall = true_pos / len(gold_assoc) if gold_assoc else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        check("assoc_f1_ge_0.5", f1 >= 0.5, sorted(gold_assoc), sorted(ours_assoc), "actor1")


def _compare_place(gold: dict[str, str], m: Mention, tally: Tally, check: Check) -> None:
    p = m.place
    check(
        "country",
        m.country_name == gold.get("country"),
        gold.get("country"),
        m.country_name or None,
        "place",
    )
    check(
        "admin1",
        p is not None and fold(p.admin1) == fold(gold.get("admin1", "")),
        gold.get("admin1"),
        p.admin1 if p else None,
        "place",
    )
    if gold.get("admin2"):
        check(
            "admin2",
            p is not None and fold(p.admin2) == fold(gold["admin2"]),
            gold["admin2"],
            p.admin2 if p else None,
            "place",
        )
    check(
        "location",
        p is not None and fold(p.name) == fold(gold.get("location", "")),
        gold.get("location"),
        p.name if p else None,
        "place",
    )
    check(
        "geo_precision",
        p is not None and str(p.precision) == gold.get("geo_precision"),
        gold.get("geo_precision"),
        p.precision if p else None,
        "place",
    )
    lat, lon = _float(gold.get("latitude")), _float(gold.get("longitude"))
    if lat is None or lon is None:
        return
    distance = km(p.lat, p.lon, lat, lon) if p else math.inf
    if p and "place" not in m.notes:  # how far off the places we recognised are; a proxy
        tally.errors["distance_km"].append(distance)  # (an area's seat) counts in within_*
    for limit in (10, 25, 100):
        check(
            f"within_{limit}km",
            distance <= limit,
            f"{lat},{lon}",
            f"{p.lat},{p.lon}" if p else None,
            "place",
        )


def _float(value: str | None) -> float | None:
    try:
        return float(value) if value not in (None, "") else None
    except ValueError:
        return None


def compare_ucdp(
    gold: dict[str, str], m: Mention | None, tally: Tally, misses: list[dict[str, Any]]
) -> None:
    tally.add("no_event", m is None)
    if m is None:
        misses.append({"field": "event", "gold": gold.get("type_of_violence"), "ours": None})
        return
    best, low, high = (_int(gold.get(k, "")) for k in ("best", "low", "high"))
    f = m.fatalities
    for name, g, ours in (("best", best, f.best), ("low", low, f.low), ("high", high, f.high)):
        if g is not None:
            tally.add(f"{name}_exact", ours == g)
            if ours != g:
                misses.append({"field": name, "gold": g, "ours": ours})
    start = dt.date.fromisoformat(gold["date_start"][:10])
    ours_date = m.date.first if m.date else None
    tally.add("date_start_within_1d", ours_date is not None and abs((ours_date - start).days) <= 1)
    lat, lon = _float(gold.get("latitude")), _float(gold.get("longitude"))
    if lat is not None and lon is not None:
        distance = km(m.place.lat, m.place.lon, lat, lon) if m.place else math.inf
        tally.add("within_25km", distance <= 25)
        tally.add("within_100km", distance <= 100)


# -- the report --------------------------------------------------------------------------------
@dataclass(slots=True)
class Report:
    rows: int
    overall: dict[str, float]
    by_country: dict[str, dict[str, float]]
    by_event_type: dict[str, dict[str, float]]
    confusion: dict[str, dict[str, int]]
    sha256: str
    seconds: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "rows": self.rows,
            "sha256": self.sha256,
            "seconds": self.seconds,
            "overall": self.overall,
            "by_country": self.by_country,
            "by_event_type": self.by_event_type,
            "confusion": self.confusion,
        }


def score(
    rows: Sequence[GoldRow], predictions: Sequence[Mention | None], fmt: str, sha256: str
) -> tuple[Report, list[dict[str, Any]]]:
    """Scores overall, by country and by gold event type; and the list of misses."""
    overall = Tally()
    countries: dict[str, Tally] = defaultdict(Tally)
    types: dict[str, Tally] = defaultdict(Tally)
    confusion: dict[str, Counter[str]] = defaultdict(Counter)
    errors: list[dict[str, Any]] = []
    compare = compare_acled if fmt == "acled" else compare_ucdp
    for row, mention in zip(rows, predictions, strict=True):
        misses: list[dict[str, Any]] = []
        for tally in (
            overall,
            countries[row.fields.get("country", "")],
            types[row.fields.get("event_type", "")],
        ):
            misses = []
            compare(row.fields, mention, tally, misses)
        if fmt == "acled":
            confusion[row.fields["event_type"]][mention.event_type if mention else "(none)"] += 1
        errors.extend({"key": row.key, "text": row.text, **miss} for miss in misses)
    report = Report(
        rows=len(rows),
        overall=overall.scores(),
        by_country={k: v.scores() for k, v in sorted(countries.items())},
        by_event_type={k: v.scores() for k, v in sorted(types.items())},
        confusion={k: dict(v) for k, v in sorted(confusion.items())},
        sha256=sha256,
    )
    return report, errors


def raised_floors(overall: dict[str, float], baseline: dict[str, Any]) -> dict[str, float]:
    """Floors moved up to today's figures (rounded toward safety); never moved down."""
    out: dict[str, float] = {}
    for metric, value in overall.items():
        old = baseline.get("floors", {}).get(metric)
        lower_is_better = metric.endswith(("_mae", "_km")) or metric == "no_event"
        new = math.ceil(value * 10) / 10 if lower_is_better else math.floor(value * 10) / 10
        if old is None:
            out[metric] = new
        else:
            out[metric] = min(old, new) if lower_is_better else max(old, new)
    return out


def check_floors(
    overall: dict[str, float], baseline: dict[str, Any], tolerance: float = 0.5
) -> list[str]:
    """Metrics that fell more than ``tolerance`` points below their floor (the baseline's own
    "tolerance" when it has one: a small gold file moves in bigger steps)."""
    tolerance = float(baseline.get("tolerance", tolerance))
    failures = []
    for metric, floor in baseline.get("floors", {}).items():
        value = overall.get(metric)
        lower_is_better = metric.endswith(("_mae", "_km")) or metric == "no_event"
        if value is None:
            failures.append(f"{metric}: missing from the report")
        elif lower_is_better and value > floor + tolerance:
            failures.append(f"{metric}: {value} is above its ceiling {floor}")
        elif not lower_is_better and value < floor - tolerance:
            failures.append(f"{metric}: {value} is below its floor {floor}")
    return failures
