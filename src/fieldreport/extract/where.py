"""Where an event happened: the place its sentences name; failing that, the region where the
group it names lives or acts, or, for a national event, the country's capital."""

from __future__ import annotations

import dataclasses
import re

from spacy.tokens import Doc

from fieldreport.extract.events import EventGroup
from fieldreport.extract.places import PlaceHit
from fieldreport.model import Place, Span
from fieldreport.resolve.actors import ActorDictionary
from fieldreport.resolve.places import Gazetteer


def named_place(
    group: EventGroup,
    gazetteer: Gazetteer,
    evidence: dict[str, Span],
    notes: dict[str, str],
    text: str,
) -> Place | None:
    """The first town the event's sentences name (else the first area), at the precision the
    text allows; a stand-in seat town says so in the notes."""
    hits: list[PlaceHit] = [p for s in group.sentences for p in s.places]
    towns = [p for p in hits if p.entry.kind == "town"]
    chosen = towns[0] if towns else (hits[0] if hits else None)
    if chosen is None:
        notes["place"] = "no place below country level named"
        return None
    evidence["place"] = Span.of(text, chosen.start, chosen.end)
    precision = chosen.precision if chosen.entry.kind == "town" else 3
    name = gazetteer.country_names.get(chosen.entry.country, chosen.entry.country)
    place = chosen.entry.place(precision, name)
    if chosen.admin2 and not place.admin2:
        place = dataclasses.replace(place, admin2=chosen.admin2)
        if chosen.admin2_basis:
            notes["admin2"] = chosen.admin2_basis
    if chosen.proxy:
        notes["place"] = (
            f"the place itself is not in the gazetteer: {place.name}, the seat of the area "
            "the report names, stands for it"
        )
    return place


# events that, with no place named, happen where the country's institutions are (ACLED codes a
# strike or a protest of a named country with no town at its capital)
NATIONAL_TYPES = {"Protests", "Riots", "Strategic developments"}
# words that say the event happened in some place the gazetteer does not know
LOCAL_WORDS = re.compile(
    r"\b(villages?|hamlets?|localit(y|ies)|communes?|towns? of|area of|axis|district of|"
    r"camps?|sites?|mines?|forests?)\b",
    re.I,
)


def capital_place(
    gazetteer: Gazetteer,
    country: str,
    lead: Span,
    evidence: dict[str, Span],
    notes: dict[str, str],
) -> Place | None:
    """The capital of a country, at region precision, for a national event with no town."""
    entry = gazetteer.capital(country)
    if entry is None:
        return None
    evidence["place"] = lead
    notes["place"] = f"no place named: a national event of {country} is placed at its capital"
    return entry.place(3, gazetteer.country_names.get(country, country))


def homeland_place(
    doc: Doc,
    group: EventGroup,
    country: str,
    actors: ActorDictionary,
    gazetteer: Gazetteer,
    evidence: dict[str, Span],
    notes: dict[str, str],
) -> Place | None:
    """No place named, but an ethnic group that lives in one region of the country: the event
    is placed in that region at region precision ("a Dogon village" in Mali: Mopti)."""
    found: list[tuple[int, int, str, str]] = []  # start, end, who, region
    for info in group.sentences:
        for hit in info.actors:
            region = actors.actor_homeland(hit.ref.name, country) if hit.ref else None
            if hit.ref and region:
                found.append((hit.start, hit.end, hit.ref.name, region))
        for tok in doc[info.span.start : info.span.end]:
            name = actors.ethnic_group(tok.text) if tok.text[:1].isupper() else None
            region = actors.homeland(name, country) if name else None
            if name and region:
                found.append((tok.idx, tok.idx + len(tok), f"the {name}", region))
    for start, end, who, region in sorted(found):
        entry = gazetteer.region(region, [country])
        if entry is not None:
            evidence["place"] = Span.of(doc.text, start, end)
            notes["place"] = f"no place named: {who} live(s) and act(s) in the {region} region"
            return entry.place(3, gazetteer.country_names.get(country, country))
    return None
