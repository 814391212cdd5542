"""Place phrases in a sentence, resolved against the gazetteer in the article's context.

A place phrase is an entity the NER (with our ruler) calls GPE/LOC/FAC, or capitalised words
after a locative preposition ("near Djibo", "the village of Koumbri"). Each is looked up in the
gazetteer; the precision hint comes from its preposition: "in X" names the town (1), "near X",
"south of X", "the area of X" a place close to it (2). ACLED notes' "(Bankass, Mopti)" give the
admin2 and admin1 of the place before them, or its admin3 and admin2 ("(Pobe-Mengao, Soum)" in
Burkina Faso, where the first level is the region and the second the province): see
``extract.context``, which also reads the dateline and the countries an article names.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz
from spacy.tokens import Span, Token

from fieldreport.extract.context import AdminHint, admin_hints, named_regions, outside
from fieldreport.resolve.places import Entry, Gazetteer, fold, km

_NEAR = re.compile(
    r"(near|nearby|outside|outskirts of|around|close to|vicinity of|area of|areas? around|"
    r"environs of|(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)"
    r"(?:ern)? (?:of|part of)|km (?:from|of)|kilometres (?:from|of)|kilometers (?:from|of)|"
    r"miles (?:from|of)|direction of|road to|axis|between|border (?:town|area) of|region of|"
    r"commune of|way (?:to|from)|from|towards?|en route (?:to|for)|heading (?:to|for)|bound for|"
    r"after leaving|"
    r"près de|environs de|sur l'axe)\s+(?:the\s+)?(?:(?:village|town|city|commune|locality|"
    r"hamlet|market|localité|village de|commune de)\s+(?:of\s+)?)?$",
    re.IGNORECASE,
)
# "between Mentao (Pobe-Mengao, Soum) and Djibo": the second town is near the event too
_BETWEEN_AND = re.compile(
    r"\bbetween\s+(?:the\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?(?:\s*[(\[][^)\]]*[)\]])?\s+and\s+"
    r"(?:the\s+)?(?:(?:village|town|city|locality)\s+of\s+)?$"
)
_PREP_NAME = re.compile(
    r"\b(?:in|at|near|of|outside|around|from|to|towards|toward|between|and|on|axis|via|through|leaving|"
    r"en|à|de|dans|coded as)\s+"
    r"(?:the\s+)?(?:(?:village|town|city|commune|locality|hamlet|district|area|region|province|"
    r"department|circle|cercle)\s+of\s+)?"
    r"(?:(?:central|(?:north|south)?(?:north|south|east|west)(?:ern)?)\s+)?"  # "in central Gao"
    r"(?P<name>[A-Z][\w'’.-]+(?:[ -](?:[A-Z][\w'’-]+|de|du|la|el|al|ag)){0,3})"
)
_REGION_AFTER = re.compile(r"^\s+(region|province|state|governorate|district)\b", re.I)
# "Soum province", "the province of Soum", "Koro Cercle": a second-level area
_AREA_WORD = (
    r"(?:province|cercle|circle|department|d[ée]partement|prefecture|district|region|r[ée]gion)"
)
_AREA_AFTER = re.compile(rf"^\s+{_AREA_WORD}\b", re.I)
_CODED_AS = re.compile(r"\bcoded\s+(?:as|at)\s+(?:\w+\s+){0,2}$", re.I)
_GEO_PRECISION = re.compile(
    r"^(?:\s+\d+\s*km\s+[NSEW]{1,3})?\s*,?\s*at\s+geo[- ]?precision\s+(?P<n>[123])\b", re.I
)  # "(coded as Djibo at geoprecision 2)", "(coded as Djibo 15km N at geoprecision 2)"
_FROM = re.compile(
    r"(?<!km )(?<!kilometres )(?<!kilometers )(?<!miles )(?<!away )\bfrom\s+(?:the\s+)?"
    r"(?:(?:village|town|city|commune|locality|area)\s+of\s+)?$",
    re.I,
)
_AROUND_AFTER = re.compile(r"\s+(?:area|surroundings|outskirts|vicinity)\b", re.I)
# where the wounded were taken: not where it happened
_TAKEN_TO = re.compile(
    r"\b(?:(?:hospital|clinic|health cent(?:er|re))\s+(?:in|of|at)|(?:evacuated|transferred|"
    r"taken|rushed|airlifted)\s+to(?:\s+the\s+hospital\s+(?:in|of))?)\s+(?:the\s+)?$",
    re.I,
)
_IN_AT = re.compile(r"\b(?:in|at)\s+(?:the\s+)?(?:(?:village|town|city)\s+of\s+)?$", re.I)
# verbs whose object, named bare, is territory taken ("rebels seized Bunagana")
TAKING_VERBS = {"seize", "capture", "overrun", "occupy"}
# verbs whose object can be a town named bare: the place is what was taken or attacked
_TAKEN_VERBS = TAKING_VERBS | {
    "recapture",
    "retake",
    "liberate",
    "storm",
    "besiege",
    "encircle",
    "shell",
    "bomb",
    "raid",
    "attack",
    "strike",
    "hit",
    "target",
    "pound",
}
_COMMA_NAME = re.compile(r",\s+(?P<name>[A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+)?)")
_PEOPLE_AFTER = re.compile(r"^\s+(?:communit(?:y|ies)|ethnic|tribes?|clans?)\b", re.I)
_AREA_BEFORE = re.compile(rf"\b{_AREA_WORD}\s+(?:of|de|du)\s+(?:the\s+)?$", re.I)
_AREA_IN_NAME = re.compile(rf"\s+{_AREA_WORD}$", re.I)
_STOP = set(
    """The A An This That However But And On In At He She They It We Islamic State Army Police
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June
    July August September October November December North South East West Northern Southern
    Eastern Western Central Centre Capital University Ministry Government Parliament Assembly
    Court Hospital School Market Economy Grand Great National Republic Town City Village Region
    Province Commune Department Hall Palace Station Camp Base Road Route Street Avenue Bridge
    Prison Mosque Church President Prime Minister General Colonel Captain Mayor Chief Imam
    Forces Force Group Party Union Movement Front Council Committee Office Agency Airport Border
    Lake River Forest Park Sector Zone Area District Axis Highway Mine Site Gold Independence
    Justice Industry Liberty Unity Revolution Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov
    Dec""".split()
) | {"Red Cross", "Red Crescent"}  # organisations that are also towns somewhere


@dataclass(frozen=True, slots=True)
class PlaceHit:
    start: int
    end: int
    name: str
    entry: Entry
    precision: int  # 1 the town itself, 2 near it, 3 a region
    admin2: str = ""  # from an ACLED-style "(admin2, admin1)" hint, or inferred (below)
    proxy: bool = False  # stands for an unknown village: the seat of the area a hint names
    admin2_basis: str = ""  # how an admin2 no hint gave was inferred, for the mention's notes


def find_places(
    sent: Span,
    gazetteer: Gazetteer,
    countries: list[str],
    skip: tuple[int, int] | None,
    doc_ents: Sequence[Span] | None = None,
) -> list[PlaceHit]:
    """Places named in a sentence, in order, resolved against the gazetteer in context.

    ``doc_ents``: the document's ``doc.ents``, when the caller has them (faster than
    ``sent.ents``, which rebuilds all of them for every sentence).
    """
    text, base = sent.text, sent.start_char
    hints = admin_hints(text, gazetteer, countries)
    admin = (hints[0].admin2, hints[0].admin1) if hints else (None, None)
    regions = [] if hints else named_regions(text, gazetteer, countries)
    hits: list[PlaceHit] = []
    unknown = -100  # where the last hamlet the gazetteer does not know ends
    for start, (end, name) in sorted(_candidates(sent, doc_ents).items()):
        if (
            (skip and skip[0] <= base + start < skip[1])
            or any(h.start <= start < h.end for h in hints)
            or _PEOPLE_AFTER.match(text[end : end + 20])
        ):
            continue  # "the Arab community": a people, not the town of Arab, Alabama
        around = text[max(0, start - 30) : end + 30]
        hit = _resolve(name, base + start, gazetteer, countries, admin, around)
        if hit is None and _HAMLET_OF.search(text[max(0, start - 25) : start]):
            unknown = end
        if hit is not None and _REGION_AFTER.match(text[end : end + 20]):
            region = gazetteer.region(hit.name, countries)
            if region is not None:
                hit = PlaceHit(hit.start, hit.end, hit.name, region, 3)
        if hit is None or hit.entry.kind == "town":  # "Mopti region" is the region
            area = _named_area(text, start, end, name, gazetteer, countries, base)
            if area is not None and not _named_after(hit, area):
                hit = area
        if hit is not None and hints and hit.entry.country != hints[0].country:
            continue  # "Konna (Kombori, Kossi)": the hint's country rules out Mali's Konna
        if hit is not None and not hints and outside(hit.entry, regions):
            continue  # "Bourem-Inaly, Tombouctou Region": not Bourem of the Gao region
        if hit is not None and hints and _far_from_hint(hit.entry, hints[0]):
            continue  # "Doma (Madougou, Koro)": not the Doma of another region, far away
        if hit is not None and hints:
            hit = _as_hint_says(hit, hints, base)
        if hit is not None:
            precision = _precision(hit, text, start, base, unknown)
            admin2, basis = (admin[0], "") if admin[0] else _own_area(hit.entry, gazetteer)
            hits.append(
                PlaceHit(
                    hit.start, hit.end, hit.name, hit.entry, precision, admin2, admin2_basis=basis
                )
            )
    # "between Namssiguia (Bourzanga, Bam) and Djibo": the hinted village, unknown, is the
    # place the note codes; its area stands for it even when other towns are known
    hinted = hints and any(0 <= base + hints[0].start - h.end <= 2 for h in hits)
    if hints and (not any(h.entry.kind == "town" for h in hits) or not hinted):
        hits.extend(_fallback(hints[0], base, gazetteer, countries))
        hits.sort(key=lambda h: h.start)
    return _ranked(hits, text, base)


_HAMLET_OF = re.compile(r"\b(village|hamlet|locality|camp|site) of\s+$", re.I)


def _precision(hit: PlaceHit, text: str, start: int, base: int, unknown: int) -> int:
    """ACLED's geo-precision of a place phrase: 2 for "near X", "between X and Y", and a town
    named only as where an unknown hamlet lies ("the hamlet of B in Aribinda"); what the note
    says ("X at geoprecision 2") over all."""
    near = _NEAR.search(text[max(0, start - 40) : start]) or _BETWEEN_AND.search(
        text[max(0, start - 80) : start]
    )
    within = 0 <= start - unknown <= 5 and text[unknown:start].strip() == "in"
    around = _AROUND_AFTER.match(text[hit.end - base :])  # "in the Koro area"
    precision = 2 if near or within or around else hit.precision
    stated = _GEO_PRECISION.match(text[hit.end - base : hit.end - base + 40])
    return int(stated["n"]) if stated else precision  # "X at geoprecision 2"


def _candidates(sent: Span, doc_ents: Sequence[Span] | None) -> dict[int, tuple[int, str]]:
    """Start -> (end, text) of the sentence's possible place names (offsets in the sentence):
    the NER's places, capitalised words after a preposition, and a name after a place and a
    comma ("in Koffel, Youwarou": the village, then its commune)."""
    text, base = sent.text, sent.start_char
    candidates: dict[int, tuple[int, str]] = {}
    for ent in sent.ents if doc_ents is None else ents_within(sent, doc_ents):
        if ent.label_ in {"GPE", "LOC", "FAC"}:
            last = _whole_name(ent[-1], sent)
            end = last.idx + len(last) - base
            candidates[ent.start_char - base] = (end, text[ent.start_char - base : end])
        elif ent.label_ == "ORG" and (town := _town_in_facility(ent)) is not None:
            candidates.setdefault(town.start_char - base, (town.end_char - base, town.text))
    for m in _PREP_NAME.finditer(text):
        candidates.setdefault(m.start("name"), (m.end("name"), m["name"]))
    for tok in sent:  # "recaptured Lalibela", "rebels seized Bunagana": the place taken
        if (
            tok.dep_ in {"dobj", "obj"}
            and tok.tag_ == "NNP"
            and tok.head.lemma_.lower() in _TAKEN_VERBS
        ):
            first = tok.left_edge if tok.left_edge.tag_ == "NNP" else tok
            candidates.setdefault(
                first.idx - base,
                (tok.idx + len(tok) - base, text[first.idx - base : tok.idx + len(tok) - base]),
            )
    for _, (end, _) in sorted(candidates.items()):
        after = _COMMA_NAME.match(text, end)
        if after is not None:
            candidates.setdefault(after.start("name"), (after.end("name"), after["name"]))
    return candidates


def _town_in_facility(ent: Span) -> Span | None:
    """ "the Regional Hospital Center Dedougou": the name after a facility's kind, where the
    facility is; not a name before it ("Yalgado Ouedraogo Hospital" is named after a man)."""
    kinds = [t.i for t in ent if t.text in _FACILITY]
    if not kinds or kinds[-1] == ent.end - 1:
        return None
    rest = ent.doc[kinds[-1] + 1 : ent.end]
    return rest if all(t.text[:1].isupper() and t.is_alpha for t in rest) else None


def _whole_name(last: Token, sent: Span) -> Token:
    """The last word of the proper name a place entity begins: the NER can cut "Bangui
    Mallam" or "Kain-Ouro" in two, and Bangui alone is another country's capital. (A hyphen
    joins two names of a road as often as one name: ``_axis_end`` tells them apart.)"""
    doc = last.doc
    while True:
        if (
            last.dep_ == "compound"
            and last.head.i == last.i + 1 < sent.end
            and last.head.tag_ == "NNP"
            and last.whitespace_
        ):
            last = last.head
        elif (  # "Kain-Ouro", "Komin-Yanga": one name, however the NER cut it
            last.i + 2 < sent.end
            and not last.whitespace_
            and doc[last.i + 1].text == "-"
            and not doc[last.i + 1].whitespace_
            and doc[last.i + 2].text[:1].isupper()
        ):
            last = doc[last.i + 2]
        else:
            return last


def _ranked(hits: list[PlaceHit], text: str, base: int) -> list[PlaceHit]:
    """The hits in text order, but the place a note says it coded first, and the places people
    came from after those the event is put in or at."""
    # "on the axis Djibo-Aribinda (coded as Aribinda ...)": the place the note says it coded
    coded = [h for h in hits if _before(h, _CODED_AS, text, base)]
    # "Fulani from Koro signed an accord in Sevare": where people come from is not the place
    origin = [
        h
        for h in hits
        if h not in coded and (_before(h, _FROM, text, base) or _before(h, _TAKEN_TO, text, base))
    ]  # and where the wounded were taken ("died in the hospital in Sevare")
    rest = [h for h in hits if h not in coded and h not in origin]
    if not any(_before(h, _IN_AT, text, base) for h in rest):
        rest, origin = [h for h in hits if h not in coded], []  # "marched from A to B"
    # "on the shores of Lake Chad near Baga": the town is where, the lake or forest the area
    rest.sort(key=lambda h: bool(_NATURAL_AREA.search(h.entry.name)))
    return coded + rest + origin


_NATURAL_AREA = re.compile(
    r"^(lake|mount|mont|forest|for[eê]t)\b|\b(forest|national park|park|reserve|mountains?|"
    r"valley|desert|basin|river)$",
    re.I,
)


def _before(hit: PlaceHit, pattern: re.Pattern[str], text: str, base: int) -> bool:
    return pattern.search(text[max(0, hit.start - base - 30) : hit.start - base]) is not None


def _acronym(phrase: str) -> bool:
    """ "NGO", "FAMa", "CEB": a short word of capitals is an organisation, not a town."""
    return " " not in phrase and len(phrase) <= 5 and sum(c.isupper() for c in phrase) >= 2


def _far_from_hint(entry: Entry, hint: AdminHint) -> bool:
    """A town of another region than the hint's, far from the area it names: a namesake."""
    if entry.kind != "town" or not hint.admin1 or fold(entry.admin1) == fold(hint.admin1):
        return False
    where = hint.area or hint.seat  # a region is too large to tell (and ACLED renamed some)
    return where is not None and km(entry.lat, entry.lon, where.lat, where.lon) > 100.0


def _own_area(entry: Entry, gazetteer: Gazetteer) -> tuple[str, str]:
    """A town whose second-level area the gazetteer does not know: (area, basis). In a
    country whose areas are named after their seats, the area named after the town ("Koro" in
    Koro cercle: right for the seats, a guess for other towns, 66 % right on the dev set, and
    said so in the notes); elsewhere the area of its region whose seat is within 40 km (Gaoua:
    Poni)."""
    if entry.kind != "town" or entry.admin2:
        return "", ""
    if gazetteer.areas_named_after_seats(entry.country):
        own = gazetteer.admin2(entry.name, [entry.country])
        if own is not None and own.country == entry.country and own.admin1 == entry.admin1:
            return own.admin2, ""
        # the region's capital, named as its region is ("Timbuktu" in Tombouctou region: the
        # cercle of Tombouctou)
        capital = any(
            e.kind == "town" and e.geonames_id == entry.geonames_id
            for e in gazetteer.lookup(entry.admin1)
        )
        name = entry.admin1 if capital and entry.geonames_id is not None else entry.name
        return name, "admin2 inferred: the area named after the town, as if it were its seat"
    area = gazetteer.nearest_area(entry, 40.0)
    if area is None:
        return "", ""
    return area.admin2, "admin2 inferred: the area of the region whose seat is nearest (40 km)"


def _as_hint_says(hit: PlaceHit, hints: list[AdminHint], base: int) -> PlaceHit:
    """ "Bama (Bama, Houet)": the town right before the hint is in the areas it names, whatever
    admin names the gazetteer gives it (the hint is the coder's own)."""
    after = [h for h in hints if 0 <= base + h.start - hit.end <= 2]
    if not after or hit.entry.kind != "town" or not after[0].admin1:
        return hit
    hint = after[0]
    if fold(hit.entry.admin1) == fold(hint.admin1):
        return hit
    entry = dataclasses.replace(hit.entry, admin1=hint.admin1, admin2=hint.admin2)
    return dataclasses.replace(hit, entry=entry)


def _named_area(
    text: str,
    start: int,
    end: int,
    name: str,
    gazetteer: Gazetteer,
    countries: list[str],
    base: int,
) -> PlaceHit | None:
    """A province or cercle the sentence names as such ("in Soum province", "the province of
    Yagha"): the area, at its seat (precision 3), rather than a town of the same name."""
    core = _AREA_IN_NAME.sub("", name)
    if core == name and not (
        _AREA_AFTER.match(text[end : end + 20])
        or _AREA_BEFORE.search(text[max(0, start - 30) : start])
    ):
        return None
    core = re.sub(r"^the\s+", "", core, flags=re.IGNORECASE)
    if not core[:1].isupper():
        return None
    area = gazetteer.admin2(core, countries)
    if area is None:
        return None
    at = base + start + name.find(core)
    return PlaceHit(at, at + len(core), core, area, 3, area.admin2)


def _named_after(town: PlaceHit | None, area: PlaceHit) -> bool:
    """The town the area is named after: "the Cercle of Niono" is coded at Niono."""
    return (
        town is not None
        and fold(town.name) == fold(area.name)
        and (town.entry.country, town.entry.admin1) == (area.entry.country, area.entry.admin1)
    )


def ents_within(sent: Span, doc_ents: Sequence[Span]) -> list[Span]:
    """``sent.ents``, taken from the document's entities (``doc.ents``, in order).

    spaCy's ``Span.ents`` builds every entity of the document on each call: once per sentence
    made long articles quadratic. The same selection: from the first entity that starts in the
    sentence, each one up to the first that ends after it.
    """
    out: list[Span] = []
    for k in range(bisect.bisect_left(doc_ents, sent.start, key=lambda e: e.start), len(doc_ents)):
        if doc_ents[k].end > sent.end:
            break
        out.append(doc_ents[k])
    return out


def _fallback(
    hint: AdminHint, base: int, gazetteer: Gazetteer, countries: list[str]
) -> list[PlaceHit]:
    """An unknown village "X (Bankass, Mopti)": the town the first admin name is named after
    stands for the area (precision 2); failing that, the province's seat (precision 3), then
    the admin1 region (precision 3)."""
    first = hint.admin3 or hint.admin2
    seat = gazetteer.best(first, countries=countries, admin1=hint.admin1)
    if seat is not None and seat.kind == "town" and fold(seat.admin1) == fold(hint.admin1):
        start = base + hint.start + 1
        return [PlaceHit(start, start + len(first), first, seat, 2, hint.admin2, proxy=True)]
    if hint.area is not None:
        offset = hint.end - 1 - len(hint.written)
        return [
            PlaceHit(
                base + offset,
                base + offset + len(hint.written),
                hint.written,
                hint.area,
                3,
                hint.admin2,
                proxy=True,
            )
        ]
    region = gazetteer.region(hint.admin1, countries)
    if region is None:
        return []
    offset = hint.end - 1 - len(hint.admin1)
    return [
        PlaceHit(
            base + offset,
            base + offset + len(hint.admin1),
            hint.admin1,
            region,
            3,
            hint.admin2,
            proxy=True,
        )
    ]


VILLAGE = 5000  # people: a place this small abroad yields to a region of the same name


def _resolve(
    name: str,
    start: int,
    gazetteer: Gazetteer,
    countries: list[str],
    admin: tuple[str | None, str | None],
    around: str = "",
) -> PlaceHit | None:
    clean = re.sub(r"^the\s+", "", name.strip(), flags=re.IGNORECASE)
    clean = re.split(r"\s*[(\[]", clean)[0]  # the NER's "Pama (Kompienga": the name ends at "("
    if not clean[:1].isupper():
        return None  # "west", "town": the NER's lower-case guesses are not place names
    words = re.sub(r"(['’]s|['’.])$", "", clean).split()  # "Mali's" -> "Mali"
    whole = len(words)
    trimmed = False  # the last word dropped was "City": "Kyiv City" is Kyiv
    while words:  # "Tinzaouaten Monday" -> "Tinzaouaten"
        phrase = " ".join(words)
        if len(words) < whole and len(phrase) < 5 and not trimmed:
            return None  # "Tin Abaw" is not "Tin": a short first word is rarely the place
        if phrase in _STOP or gazetteer.country_of(phrase) or _acronym(phrase):
            return None
        region = gazetteer.region(phrase, countries) if len(words) <= 3 else None
        if region is not None and not _near_context(region, countries, gazetteer):
            region = None  # "Yoro" in a report on Mali is no region of Honduras
        entry = gazetteer.best(phrase, countries=countries, admin1=admin[1])
        if entry is None and region is None and len(words) <= 2:
            entry = gazetteer.misspelt_city(phrase)  # "Ouagadaougou"
        if region and entry and entry.population < VILLAGE and entry.country not in countries:
            entry = None  # "in Borno": Nigeria's state, not a village of that name in Italy
        if entry is not None and (
            _plausible(entry, countries, admin[1], phrase)
            or _only_one(phrase, entry, gazetteer, countries)
            or _city_abroad(phrase, entry, gazetteer, countries)
        ):
            offset = name.find(words[0])
            city = _city_of(words, entry, gazetteer) if entry.kind == "region" else None
            entry = city or entry  # "Maputo city": the city, not the province named after it
            precision = 3 if entry.kind == "region" else 1
            return PlaceHit(start + offset, start + offset + len(phrase), phrase, entry, precision)
        if region is not None:
            town = _city_of(words, region, gazetteer)
            if town is not None:
                return PlaceHit(start, start + len(phrase), phrase, town, 1)
            return PlaceHit(start, start + len(phrase), phrase, region, 3)
        if len(words) > 1 and words[-1][:1].isupper() and not _trimmable(words[-1]):
            break  # "Justin Zongo", "Kourou Kanda": a name of two words is not its first
        trimmed = words[-1] == "City"  # not "Soum Province": a province, not a town "Soum"
        words = words[:-1]
    return _axis_end(name, start, gazetteer, countries, admin, around)


# words after a town's name that make it the name of a facility or an area of that town
_FACILITY = set(
    """School Schools High Secondary Primary College University Polytechnic Institute Lycee
    Academy Hospital Clinic Exchange Labour Labor County Provincial Regional Municipal Communal
    Departmental Urban Rural Stadium Hotel Centre Center Square Neighbourhood Neighborhood Quarter
    Cercle Circle Prefecture Department Departement Region Province Commune City""".split()
)


def _city_of(words: list[str], region: Entry, gazetteer: Gazetteer) -> Entry | None:
    """ "Maputo city", "Kyiv City": where a city is its own first-level area, the city."""
    if len(words) < 2 or words[-1].lower() != "city":
        return None
    town = gazetteer.best(" ".join(words[:-1]), countries=[region.country])
    if town is None or town.kind != "town" or town.country != region.country:
        return None
    return town


def _trimmable(word: str) -> bool:
    """A word dropped from the end of a name to find the town: "Kidal Saturday", "Gaoua High
    School"; not a second name ("Justin Zongo", "Kourou Kanda")."""
    word = word.strip(".,;:")
    return word in _STOP or word in _FACILITY or not word.isalpha()


_ROAD = re.compile(r"\b(axis|axe|road|route|highway|corridor|stretch|section|track)\b", re.I)


ROAD_KM = 800  # two towns farther apart than this are not the ends of one road a note names


def _axis_end(
    name: str,
    start: int,
    gazetteer: Gazetteer,
    countries: list[str],
    admin: tuple[str | None, str | None],
    around: str,
) -> PlaceHit | None:
    """ "the Dori-Djibo axis", "Ouaga-Kaya": a road between two towns, coded at the first
    the gazetteer knows (precision 2), when the compound itself is no place. A compound with
    one known part and no road word is a village's own name ("Pobe-Mengao", "Kain-Ouro"),
    not a road from the town that shares its first part."""
    first = name.split()[0] if name.split() else ""
    parts = first.split("-")
    if len(parts) < 2:
        return None
    known: list[tuple[str, Entry]] = []
    for part in parts:
        if len(part) < 3 or not part[:1].isupper() or part in _STOP:
            continue
        entry = gazetteer.best(part, countries=countries, admin1=admin[1])
        if entry is not None and entry.kind == "town" and _plausible(entry, countries, admin[1]):
            known.append((part, entry))
    if not known:
        return None
    if not _ROAD.search(around) and known[0][1].country not in countries:
        if len(known) < 2:
            return None  # with no country in context, "Pobe-Mengao" is not Pobè of Benin
        (_, a), (_, b) = known[:2]
        if km(a.lat, a.lon, b.lat, b.lon) > ROAD_KM:
            return None  # "Sare-Male": no road from Sare in France to Malé in the Maldives
    part, entry = known[0]
    at = start + name.find(part)
    return PlaceHit(at, at + len(part), part, entry, 2)


def _near_context(region: Entry, countries: list[str], gazetteer: Gazetteer) -> bool:
    """A region of a country the text does not name is taken by its name alone when it lies on
    the continent of a country the text names, or when its main town bears its name ("Bamako"
    in a report that names only France; not "Yoro" of Honduras in a report on Mali)."""
    if not countries or region.country in countries:
        return True
    here = gazetteer.continent(region.country)
    if here and any(gazetteer.continent(c) == here for c in countries):
        return True
    seat = gazetteer.best(region.admin1, countries=[region.country], admin1=region.admin1)
    return (
        seat is not None
        and seat.kind == "town"
        and fold(seat.name) == fold(region.admin1)
        and 2 * seat.population >= region.population  # one of its largest towns
    )


CITY_ABROAD = 100_000  # people: a city named in full is itself, whatever country is in context


def _city_abroad(written: str, entry: Entry, gazetteer: Gazetteer, countries: list[str]) -> bool:
    """ "an Israeli drone struck Khan Younis": a city of 100,000 or more, the one place of its
    name (or one that dwarfs its namesakes), on the continent of a country the text names, is
    that city though the text names only the other country (not Tula in Russia for a Malian
    "Toula")."""
    here = gazetteer.continent(entry.country)
    return (
        entry.kind == "town"
        and entry.population >= CITY_ABROAD
        and len(written) >= (4 if entry.population >= 1_000_000 else 5)  # "Kyiv", not "Tula"
        and bool(here)
        and any(gazetteer.continent(c) == here for c in countries)
        and _dwarfs_namesakes(entry, gazetteer.lookup(written))
        and fuzz.ratio(fold(entry.name), fold(written)) >= 90
    )


def _dwarfs_namesakes(entry: Entry, namesakes: list[Entry]) -> bool:
    """The one place of its name, or ten times as populous as any namesake abroad ("Saint
    Petersburg", not the one in Florida)."""
    abroad = [e.population for e in namesakes if e.country != entry.country]
    return not abroad or entry.population >= 10 * max(abroad)


def _only_one(written: str, entry: Entry, gazetteer: Gazetteer, countries: list[str]) -> bool:
    """With no country in context, a small town the report names in full ("Oursi") when it
    is the one place of that name in the gazetteer."""
    return (
        not countries
        and entry.kind == "town"
        and len(written) >= 5
        and fold(entry.name) == fold(written)
        and len(gazetteer.lookup(written)) == 1
    )


def _plausible(entry: Entry, countries: list[str], admin1: str | None, written: str = "") -> bool:
    """Whether an entry is the place meant. With no country in context: a region, one of our
    own additions, or a town of 1,000 people or more called by its own name or a spelling of it
    ("Fada NGourma", "Nioro du Sahel" for Nioro); a town found by a name in another language
    ("Boni" for Bonn, "Tonka" for Tonk is a spelling) only if it is a city of a million."""
    if admin1 and entry.admin1 and entry.admin1.lower() == admin1.lower():
        return True
    if not countries:
        if entry.kind == "region" or entry.geonames_id is None:
            return True
        name, said = fold(entry.name), fold(written)
        own = (
            not written
            or fuzz.ratio(name, said) >= 85
            or said.startswith(name + " ")
            or name.removesuffix(" city") == said  # "Marawi" for GeoNames' "Marawi City"
        )
        return entry.population >= (1000 if own else 1_000_000)
    return entry.country in countries
