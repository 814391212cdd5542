"""Mentions -> ACLED-format rows and CSV (columns and coding rules of the ACLED codebook).

Choices where the codebook leaves us to decide:

- ``event_id_cnty`` is the ISO 3166-1 alpha-3 code of the place's country followed by ``seq``
  (``MLI12``); with no place it is ``seq`` alone.
- ``iso`` is the ISO 3166-1 numeric code without leading zeros, as ACLED writes it (``12``).
- ``region`` comes from the table below; a country missing from it gets a blank, never a guess.
  The assignments follow ACLED exports; Angola and Madagascar are the least certain.
- ``source_scale`` and ``tags`` stay blank: nothing upstream knows them yet.
- ``timestamp`` is the Unix time (seconds) the article was fetched, a naive ``fetched_at``
  read as UTC. With no ``fetched_at`` it is blank rather than 0, so no reader takes it for 1970.
- ``notes`` is the sentence that reports the event; a split total is noted after it.
- A missing place or date leaves its cells blank.
- ``split_by_day`` splits only day-precise ranges (time_precision 1): a week or month range
  stands for one event on its representative date.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable, Iterator
from typing import TextIO

import pycountry

from fieldreport.model import INTER_NAMES, ActorRef, Article, Mention, Place, Role

ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)

CIVILIAN_TARGETING = "Civilian targeting"
POLITICAL_VIOLENCE = "Political violence"
DEMONSTRATIONS = "Demonstrations"
STRATEGIC_DEVELOPMENTS = "Strategic developments"
EXCESSIVE_FORCE = "Excessive force against protesters"
VIOLENCE_AGAINST_CIVILIANS = "Violence against civilians"
CIVILIANS_INTER = 7
EXTERNAL_INTER = 8

_DISORDER_BY_SUB_TYPE = {
    EXCESSIVE_FORCE: f"{POLITICAL_VIOLENCE}; {DEMONSTRATIONS}",
    "Mob violence": POLITICAL_VIOLENCE,
    "Violent demonstration": DEMONSTRATIONS,
    "Peaceful protest": DEMONSTRATIONS,
    "Protest with intervention": DEMONSTRATIONS,
}
_DISORDER_BY_TYPE = {
    "Battles": POLITICAL_VIOLENCE,
    "Explosions/Remote violence": POLITICAL_VIOLENCE,
    VIOLENCE_AGAINST_CIVILIANS: POLITICAL_VIOLENCE,
    "Protests": DEMONSTRATIONS,
    STRATEGIC_DEVELOPMENTS: STRATEGIC_DEVELOPMENTS,
}

# ACLED region -> ISO 3166-1 alpha-2 codes of its countries and territories.
_REGION_MEMBERS = {
    "Western Africa": "BJ BF CV CI GM GH GN GW LR ML MR NE NG SN SL TG SH",
    "Middle Africa": "AO CM CF TD CG CD GQ GA ST",
    "Eastern Africa": "BI KM DJ ER ET KE MG MU YT RE RW SC SO SS TZ UG",
    "Southern Africa": "BW LS MW MZ NA ZA SZ ZM ZW",
    "Northern Africa": "DZ EG LY MA SD TN EH",
    "Middle East": "BH CY IR IQ IL JO KW LB OM PS QA SA SY TR AE YE",
    "South Asia": "AF BD BT IN MV NP PK LK",
    "Southeast Asia": "BN KH ID LA MY MM PH SG TH TL VN",
    "East Asia": "CN HK JP KP KR MN MO TW",
    "Caucasus and Central Asia": "AM AZ GE KZ KG TJ TM UZ",
    "Europe": "AL AD AT BY BE BA BG HR CZ DK EE FI FR DE GR HU IS IE IT XK LV LI LT LU MT MD "
    "MC ME NL MK NO PL PT RO RU SM RS SK SI ES SE CH UA GB GI VA FO GG JE IM AX",
    "North America": "US CA BM PM",
    "Central America": "BZ CR SV GT HN MX NI PA",
    "Caribbean": "AG BS BB CU DM DO GD HT JM KN LC VC TT PR AI AW BQ CW KY MF MS SX TC VG VI "
    "BL GP MQ",
    "South America": "AR BO BR CL CO EC GY PY PE SR UY VE GF FK",
    "Oceania": "AU NZ PG FJ SB VU NC PF WS TO KI FM MH NR PW TV CK NU",
}
REGIONS: dict[str, str] = {
    code: region for region, codes in _REGION_MEMBERS.items() for code in codes.split()
}

# Countries whose ACLED name differs from pycountry's common name.
_ACLED_COUNTRY_NAMES = {
    "CD": "Democratic Republic of Congo",
    "CG": "Republic of Congo",
    "CI": "Ivory Coast",
    "CV": "Cape Verde",
    "SZ": "eSwatini",
    "GM": "Gambia",
    "TR": "Turkey",
    "CZ": "Czech Republic",
    "PS": "Palestine",
    "LA": "Laos",
    "VN": "Vietnam",
    "BN": "Brunei",
    "TL": "East Timor",
    "FM": "Micronesia",
    "VA": "Vatican City",
    "XK": "Kosovo",
    "RU": "Russia",
    "BQ": "Caribbean Netherlands",
}
_ALPHA3_NOT_IN_ISO = {"XK": "XKX"}  # Kosovo has no ISO code; XKX is the common stand-in


# ---------------------------------------------------------------- coding rules


def disorder_type(event_type: str, sub_event_type: str) -> str:
    """ACLED's disorder type of an event type and sub-type; blank for an unknown type."""
    return _DISORDER_BY_SUB_TYPE.get(sub_event_type) or _DISORDER_BY_TYPE.get(event_type, "")


def interaction(inter1: int | None, inter2: int | None) -> str:
    """Interaction of the two main actors' inter codes: lower code first, "X only" if one."""
    codes = sorted(c for c in (inter1, inter2) if c is not None)
    if not codes:
        return ""
    if len(codes) == 1:
        return f"{INTER_NAMES[codes[0]]} only"
    if codes == [CIVILIANS_INTER, EXTERNAL_INTER]:
        return f"{INTER_NAMES[EXTERNAL_INTER]}-{INTER_NAMES[CIVILIANS_INTER]}"
    return f"{INTER_NAMES[codes[0]]}-{INTER_NAMES[codes[1]]}"


def civilian_targeting(mention: Mention) -> str:
    """ "Civilian targeting" when civilians were the main target, else blank (ACLED §4)."""
    if mention.event_type == VIOLENCE_AGAINST_CIVILIANS or (
        mention.sub_event_type == EXCESSIVE_FORCE
    ):
        return CIVILIAN_TARGETING
    actor2 = _main_and_assoc(mention, "actor2", "assoc2")[0]
    if mention.event_type in ("Explosions/Remote violence", "Riots") and (
        actor2 is not None and actor2.inter == CIVILIANS_INTER
    ):
        return CIVILIAN_TARGETING
    return ""


def split_by_day(mention: Mention) -> list[tuple[dt.date, int]]:
    """One (day, fatalities) per day of a day-precise range; the remainder goes to day one.

    12 over 3 days -> 4/4/4; 1 over 2 -> 1/0; 13 over 3 -> 5/4/4. A single day, or a week or
    month range, is one entry on the mention's date; no date gives no entries.
    """
    date = mention.date
    if date is None:
        return []
    total = mention.fatalities.acled
    if date.precision != 1 or date.last <= date.first:
        return [(date.date, total)]
    days = (date.last - date.first).days + 1
    share, rest = divmod(total, days)
    return [
        (date.first + dt.timedelta(days=i), share + (rest if i == 0 else 0)) for i in range(days)
    ]


# ---------------------------------------------------------------- cells


def _main_and_assoc(mention: Mention, main: Role, assoc: Role) -> tuple[ActorRef | None, str]:
    """The main actor of a side and its associated actors joined by "; ".

    Further actors in the main role become associated actors (ACLED §3).
    """
    mains = mention.actors_in(main)
    others = mains[1:] + mention.actors_in(assoc)
    names = list(dict.fromkeys(a.name for a in others))
    return (mains[0] if mains else None), "; ".join(names)


def _country(code: str) -> pycountry.db.Country | None:
    return pycountry.countries.get(alpha_2=code.upper())


def country_name(place: Place) -> str:
    """The country as ACLED names it."""
    code = place.country.upper()
    if code in _ACLED_COUNTRY_NAMES:
        return _ACLED_COUNTRY_NAMES[code]
    if place.country_name:
        return place.country_name
    found = _country(code)
    if found is None:
        return ""
    return str(getattr(found, "common_name", found.name))


def _alpha3(code: str) -> str:
    found = _country(code)
    return str(found.alpha_3) if found is not None else _ALPHA3_NOT_IN_ISO.get(code.upper(), "")


def _iso_numeric(code: str) -> str:
    found = _country(code)
    return str(int(found.numeric)) if found is not None else ""


def _place_cells(place: Place | None) -> dict[str, str]:
    if place is None:
        return {}
    return {
        "iso": _iso_numeric(place.country),
        "region": REGIONS.get(place.country.upper(), ""),
        "country": country_name(place),
        "admin1": place.admin1,
        "admin2": place.admin2,
        "admin3": place.admin3,
        "location": place.name,
        "latitude": f"{place.lat:.4f}",
        "longitude": f"{place.lon:.4f}",
        "geo_precision": str(place.precision),
    }


def _actor_cells(mention: Mention) -> dict[str, str]:
    actor1, assoc1 = _main_and_assoc(mention, "actor1", "assoc1")
    actor2, assoc2 = _main_and_assoc(mention, "actor2", "assoc2")
    inter1 = actor1.inter if actor1 else None
    inter2 = actor2.inter if actor2 else None
    return {
        "actor1": actor1.name if actor1 else "",
        "assoc_actor_1": assoc1,
        "inter1": INTER_NAMES[inter1] if inter1 else "",
        "actor2": actor2.name if actor2 else "",
        "assoc_actor_2": assoc2,
        "inter2": INTER_NAMES[inter2] if inter2 else "",
        "interaction": interaction(inter1, inter2),
    }


def _timestamp(article: Article) -> str:
    fetched = article.fetched_at
    if fetched is None:
        return ""
    if fetched.tzinfo is None:
        fetched = fetched.replace(tzinfo=dt.UTC)
    return str(int(fetched.timestamp()))


# ---------------------------------------------------------------- rows and CSV


def acled_row(
    article: Article,
    mention: Mention,
    *,
    seq: int,
    day: dt.date | None = None,
    fatalities: int | None = None,
) -> dict[str, str]:
    """One ACLED row; ``day`` and ``fatalities`` override the mention's for a split event."""
    date = day or (mention.date.date if mention.date else None)
    country = mention.place.country if mention.place else ""
    row = dict.fromkeys(ACLED_COLUMNS, "")
    row.update(
        event_id_cnty=f"{_alpha3(country) if country else ''}{seq}",
        event_date=date.isoformat() if date else "",
        year=str(date.year) if date else "",
        time_precision=str(mention.date.precision) if mention.date else "",
        disorder_type=disorder_type(mention.event_type, mention.sub_event_type),
        event_type=mention.event_type,
        sub_event_type=mention.sub_event_type,
        civilian_targeting=civilian_targeting(mention),
        source=article.outlet or "",
        notes=mention.sentence.text,
        fatalities=str(mention.fatalities.acled if fatalities is None else fatalities),
        timestamp=_timestamp(article),
    )
    row.update(_actor_cells(mention))
    row.update(_place_cells(mention.place))
    return row


def acled_rows(
    rows: Iterable[tuple[Article, Mention]], *, split_days: bool = False, first_seq: int = 1
) -> Iterator[dict[str, str]]:
    """ACLED rows numbered from ``first_seq``; with ``split_days`` one row per day of a range."""
    seq = first_seq
    for article, mention in rows:
        days = split_by_day(mention) if split_days else []
        if len(days) < 2:
            yield acled_row(article, mention, seq=seq)
            seq += 1
            continue
        total = mention.fatalities.acled
        note = f" [{total} fatalities split over {len(days)} days.]"
        for day, share in days:
            row = acled_row(article, mention, seq=seq, day=day, fatalities=share)
            row["notes"] += note
            yield row
            seq += 1


def write_acled_csv(
    rows: Iterable[tuple[Article, Mention]], out: TextIO, *, split_days: bool = False
) -> int:
    """Write a header and one line per event to ``out`` (open it with ``newline=""``).

    Returns the number of event lines written.
    """
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS)
    writer.writeheader()
    count = 0
    for row in acled_rows(rows, split_days=split_days):
        writer.writerow(row)
        count += 1
    return count
