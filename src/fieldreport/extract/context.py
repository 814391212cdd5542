"""Where an article says it is: its dateline, the countries it names, the areas it names with
their kind ("Soum province"), and ACLED notes' bracketed admin hints ("(Bankass, Mopti)").

These set the countries a place name is looked up in (``extract.places``): a village the
gazetteer does not know still gets its country and areas from them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from fieldreport.extract.actors import ABROAD_NOUNS
from fieldreport.resolve.places import Entry, Gazetteer, fold

_DATELINE = re.compile(
    r"^\s*(?P<name>[A-Z][A-Z'’ .-]{2,40}?)(?:\s*\([^()\n]{1,40}\))?(?:\s*,[^:\n]{0,60})?\s*"
    r"(?::|—|–|--|-\s)",  # "BEIRUT (Reuters) -", "GOMA, June 4 (Reuters) -", "BAMAKO:"
    re.MULTILINE,
)


@dataclass(frozen=True, slots=True)
class Dateline:
    start: int
    end: int  # the whole dateline, "BAMAKO, June 6 (Sahel Wire) -"
    name: str
    country: str | None


def find_dateline(text: str, gazetteer: Gazetteer) -> Dateline | None:
    """'BAMAKO:' or 'OUAGADOUGOU, May 6 (Wire) -' in the first lines: where the reporter sat."""
    head = text[:600]
    for m in _DATELINE.finditer(head):
        name = m["name"].strip(" .-")
        if len(name) < 3 or not name.replace(" ", "").replace("-", "").isalpha():
            continue
        found = gazetteer.best(name.title())
        country = found.country if found else gazetteer.country_of(name.title())
        if found or country:
            return Dateline(m.start("name"), m.end(), name, country)
    return None


def context_countries(
    doc: Doc,
    gazetteer: Gazetteer,
    demonym: Mapping[str, str],
    skip: set[int] | None = None,
    groups: Sequence[str] = (),
) -> list[str]:
    """Countries the article names (names, demonyms, "Mali's"), most mentioned first; tokens in
    ``skip`` (foreign forces' names) do not count. A large town's country counts too, unless
    the groups the article names (``groups``: where they operate) all operate elsewhere: with
    Katiba Macina named, "Mandoli" is a Malian village, not a suburb of Delhi."""
    counts: Counter[str] = Counter()
    names = _country_names(doc, gazetteer)
    inside = {i for start, (_, end) in names.items() for i in range(start + 1, end)}
    for tok in doc:
        if (skip and tok.i in skip) or tok.i in inside:
            continue  # "Congo" of "DR Congo", "Sudan" of "South Sudan": the longer name's
        if tok.i in names:
            code, end = names[tok.i]
            name = doc[tok.i : end]
            if (
                not _across_border(name[-1])
                and not _owner(name)
                and _counts_as_named(name, gazetteer)
            ):
                counts[code] += 1
            continue
        people = demonym.get(tok.text.strip("'’").lower())
        if people and not _across_border(tok):
            counts[people] += 1
    for ent in doc.ents:
        if ent.label_ != "GPE":
            continue
        iso = _big_town_country(ent.text, gazetteer, groups)
        if iso and not (skip and ent.start in skip):
            counts[iso] += 1
    for iso in _named_area_countries(doc.text, gazetteer):
        counts[iso] += 1
    return [iso for iso, _ in counts.most_common()]


def _country_names(doc: Doc, gazetteer: Gazetteer) -> dict[int, tuple[str, int]]:
    """Where each country's name starts in the text: its code and the token after the name.
    The longest name wins ("DR Congo" is not Congo, "South Sudan" not Sudan)."""
    found: dict[int, tuple[str, int]] = {}
    i = 0
    while i < len(doc):
        for n in (4, 3, 2, 1):
            span = doc[i : i + n]
            text = span.text.strip("'’")
            whole = len(span) == n and not any(t.is_punct for t in span[1:])  # not "Brazil."
            iso = gazetteer.country_of(text) if whole and text[:1].isupper() else None
            if iso and _not_the_country(doc, i, i + n):
                iso = None
            if iso:
                found[i] = (iso, i + n)
                i += n
                break
        else:
            i += 1
    return found


def _not_the_country(doc: Doc, start: int, end: int) -> bool:
    """ "Lake Chad", "the Norway-based group": a name that is not the country's."""
    before = doc[start - 1].lower_ if start > 0 else ""
    after = [t.lower_ for t in doc[end : end + 2]]
    return before == "lake" or after == ["-", "based"]


def _owner(name: Span) -> bool:
    """ "the Ivory Coast embassy", "a Chinese company": the country whose they are."""
    last = name[-1]
    head = last.head
    return (
        last.dep_ in {"compound", "amod", "nmod"}  # not "Burkina Faso's ambassador to France"
        and head.lemma_.lower() in ABROAD_NOUNS
        and name.end <= head.i <= name.end + 2
    )


def _counts_as_named(name: Span, gazetteer: Gazetteer) -> bool:
    """A name of one word counts; a longer one when the parser takes it for a place, or when a
    word of it is a country's name alone ("Burkina" of "Burkina Faso"): "Ivory Coast embassy"
    or "the Central African Republic's president" are not where an event was."""
    if len(name) == 1 or any(gazetteer.country_of(t.text) for t in name):
        return True
    return any(t.ent_type_ == "GPE" for t in name)


_BORDER = {"border", "borders", "frontier", "frontiers", "boundary"}


def _across_border(tok: Token) -> bool:
    """ "near the border with Ghana", "on the Algerian border": the country next door, not the
    one it happened in."""
    doc = tok.doc
    if tok.dep_ == "conj" and tok.head.i < tok.i and _across_border(tok.head):
        return True  # "along the borders with Niger and Benin"
    after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if after is not None and after.lower_ in _BORDER:
        return True
    before = [t.lower_ for t in doc[max(tok.i - 3, 0) : tok.i]]
    if before and before[-1] == "from" and tok.ent_type_ == "GPE":
        return True  # "militants from Mali", "crossed the border from Niger": where they came from
    return len(before) >= 2 and before[-1] in {"with", "of"} and before[-2] in _BORDER


BIG_TOWN = 50_000  # people: a town so large that its name alone says its country


CITY = 500_000  # people: a city named in a report is that city, whoever else it names


def _big_town_country(name: str, gazetteer: Gazetteer, groups: Sequence[str] = ()) -> str | None:
    """The country of a large town the text names ("near Mopti"), when every place of that
    name is in that one country: it tells where the villages around it are. A town of a
    country where none of the named groups operate must be a city to count."""
    if gazetteer.country_of(name):
        return None
    found = gazetteer.lookup(name)
    countries = {e.country for e in found}
    own = [e for e in found if e.kind == "town" and fold(e.name) == fold(name)]
    size = max((e.population for e in own), default=0)  # by its own name: not Tonk for "Tonka"
    if len(countries) != 1 or size < BIG_TOWN:
        return None
    country = next(iter(countries))
    return country if not groups or country in groups or size >= CITY else None


# "Soum province", "the Cercle of Niafunke", "Tombouctou Region", "department of Deou"
_AREA_WORD = r"(?:[Rr]egion|[Pp]rovince|[Cc]ercle|[Dd][eé]partement|[Dd]epartment|[Pp]refecture)"


_NAMED_AREA = re.compile(
    r"(?<!\bthe )\b(?P<a>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?) " + _AREA_WORD + r"\b"
    r"|\b" + _AREA_WORD + r" (?:of|de|du) (?P<b>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)"
)


def _area_mentions(text: str, gazetteer: Gazetteer) -> Iterator[tuple[str, str]]:
    """(name, its kind's word) for each area named with its kind; countries ("Mali region")
    left out."""
    for m in _NAMED_AREA.finditer(text):
        name = m["a"] or m["b"]
        if not gazetteer.country_of(name):
            yield name, text[m.start() : m.end()].lower()


def named_regions(text: str, gazetteer: Gazetteer, countries: list[str]) -> list[Entry]:
    """The first-level regions a sentence names with the word ("Tombouctou Region")."""
    regions = (
        gazetteer.region(name, countries)
        for name, word in _area_mentions(text, gazetteer)
        if "region" in word
    )
    return [r for r in regions if r is not None]


def outside(entry: Entry, regions: list[Entry]) -> bool:
    """A town of a country whose region the sentence names, in another of its regions."""
    same = [r for r in regions if r.country == entry.country]
    return (
        entry.kind == "town"
        and bool(same)
        and all(fold(r.admin1) != fold(entry.admin1) for r in same)
    )


def _named_area_countries(text: str, gazetteer: Gazetteer) -> list[str]:
    """The countries of the first- or second-level areas a text names with their kind ("Soum
    province", "Cercle of Niafunke"): a place in them is in that country, even when the
    country goes unnamed. A name borne by areas of several countries says nothing; nor does
    "the Sahel region", a name for the whole belt."""
    found: list[str] = []
    for name, word in _area_mentions(text, gazetteer):
        region = None if "cercle" in word else gazetteer.region(name, ())
        area = None if "region" in word else gazetteer.admin2(name, ())
        named = region or area
        if named is not None:
            found.append(named.country)
    return found


_ADMIN_PAREN = re.compile(r"\((?P<b>[A-Z][^(),]{3,40})\)")  # "Pama (Kompienga)"


_ADMIN_PARENS = re.compile(r"\((?P<a>[A-Z][^(),]{1,40}),\s*(?P<b>[A-Z][^(),]{1,40})\)")


@dataclass(frozen=True, slots=True)
class AdminHint:
    """ACLED notes' "(Bankass, Mopti)": admin2 and admin1 of the place named before it; or
    "(Pobe-Mengao, Soum)": its admin3 and admin2, whose admin1 the gazetteer knows."""

    start: int  # offsets of the parentheses within the sentence
    end: int
    admin2: str
    admin1: str
    admin3: str = ""
    area: Entry | None = None  # the admin2 area when the hint names one (its seat's position)
    written: str = ""  # the hint's last name as written
    country: str = ""
    seat: Entry | None = None  # the town the first name is, in the hint's region, if known


def admin_hints(text: str, gazetteer: Gazetteer, countries: list[str]) -> list[AdminHint]:
    hints = []
    for m in _ADMIN_PARENS.finditer(text):
        a, b = m["a"].strip(), m["b"].strip()
        if gazetteer.country_of(b):
            continue  # "(Bamako, Mali)": the country, not Guinea's prefecture of Mali
        if (
            gazetteer.region(b, countries) is None
            and gazetteer.region(a, countries) is not None
            and gazetteer.admin2(b, countries) is None
        ):
            a, b = b, a  # "(Mopti, Koro)": the region written first (not "(Sangha, Koulpelogo)")
        region = gazetteer.region(b, countries)
        area = None if region is not None else gazetteer.admin2(b, countries)
        area = area or (None if region is not None else _seat_town(b, gazetteer, countries))
        if region is None and area is None:  # a slip in the region's name, in the context's
            # countries or the country of the area named first ("(Sourou, Boucle de Mouhoun)")
            first = gazetteer.admin2(a, countries)
            region = gazetteer.region_spelling(b, countries or ([first.country] if first else []))
            if (
                region is None
                and first is not None
                and (not countries or first.country in countries)
            ):
                # "(Gourma-Rharous, Gossi)": the area, then a commune the gazetteer lacks
                hints.append(
                    AdminHint(m.start(), m.end(), a, first.admin1, b, first, b, first.country)
                )
                continue
        found = region or area
        if found is None:
            continue
        if found.country not in countries:
            countries.insert(0, found.country)
        if area is not None:
            # the province as the note writes it: ACLED's spelling in ACLED's notes
            hint = AdminHint(m.start(), m.end(), b, area.admin1, a, area, b, area.country)
        else:
            seat = _seat_town(a, gazetteer, countries)
            seat = seat if seat is not None and fold(seat.admin1) == fold(found.admin1) else None
            # "(Bouches-du-Rhone, Provence-Alpes-Cote d'Azur)": an area of the region, no town
            part = gazetteer.admin2(a, [found.country]) if seat is None else None
            part = part if part is not None and part.admin1 == found.admin1 else None
            hint = AdminHint(
                m.start(),
                m.end(),
                a,
                found.admin1,
                area=part,
                written=b,
                country=found.country,
                seat=seat,
            )
        hints.append(hint)
    for m in _ADMIN_PAREN.finditer(text):
        name = m["b"].strip()
        if gazetteer.country_of(name):
            continue
        area = gazetteer.admin2(name, countries)
        if area is not None and (not countries or area.country in countries):
            if area.country not in countries:
                countries.insert(0, area.country)
            hints.append(
                AdminHint(m.start(), m.end(), name, area.admin1, "", area, name, area.country)
            )
        elif area is None and (region := gazetteer.region(name, countries)) is not None:
            # "Bokkos (Plateau)": the first-level region the place is in
            if region.country not in countries:
                countries.insert(0, region.country)
            hints.append(
                AdminHint(m.start(), m.end(), "", region.admin1, "", None, name, region.country)
            )
        elif area is None and (seat := _seat_town(name, gazetteer, countries)) is not None:
            # "Tonka (Goundam)": the area named after its seat, a town the gazetteer knows
            named = gazetteer.areas_named_after_seats(seat.country)
            admin2 = seat.admin2 or (name if named else "")
            if seat.country not in countries:
                countries.insert(0, seat.country)
            hints.append(
                AdminHint(m.start(), m.end(), admin2, seat.admin1, "", None, name, seat.country)
            )
    return sorted(hints, key=lambda h: h.start)


def _seat_town(name: str, gazetteer: Gazetteer, countries: list[str]) -> Entry | None:
    """ "(Madougou, Koro)": an area the gazetteer does not list, named after its seat, a town of
    the context's countries (with none, the one town so named)."""
    if not countries:  # with no country in context, a town of 1,000 or more so named, three
        # times the size of any namesake: a seat, not a village ("Koro": Mali's, not Ivorian)
        towns = sorted(
            (e for e in gazetteer.lookup(name) if e.kind == "town" and fold(e.name) == fold(name)),
            key=lambda e: -e.population,
        )
        if not towns or towns[0].population < 1000 or not towns[0].admin1:
            return None
        return (
            towns[0] if len(towns) == 1 or towns[0].population >= 3 * towns[1].population else None
        )
    town = gazetteer.best(name, countries=countries)
    if town is None or town.kind != "town" or not town.admin1 or town.country not in countries:
        return None
    return town
