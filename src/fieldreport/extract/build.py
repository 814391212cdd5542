"""A group of sentences about one event -> a Mention with actors, place, date, claims, evidence."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass

from spacy.tokens import Doc

from fieldreport.extract.actors import ActorFinder, ActorHit
from fieldreport.extract.claims import RawClaim, claimant_kind, is_statement_reference, same_dead
from fieldreport.extract.events import ArticleContext, DateHit, EventGroup, SentenceInfo
from fieldreport.extract.numbers import UNITS, VAGUE
from fieldreport.extract.parties import Participants, hit_at, participants, sides_of, victims_of
from fieldreport.extract.roles import (
    DESCRIPTORS,
    coalitions,
    crowd_sides,
    distinct,
    identified,
    main_actors,
    parents,
    roles_of,
)
from fieldreport.extract.taxonomy import SUB_TO_TYPE, Sides, classify
from fieldreport.extract.where import (
    LOCAL_WORDS,
    NATIONAL_TYPES,
    capital_place,
    homeland_place,
    named_place,
)
from fieldreport.fatalities import claimant_key, fatalities, sides_of_roles
from fieldreport.model import (
    ActorRef,
    ActorRole,
    Article,
    Claim,
    DateInfo,
    Fatalities,
    Mention,
    Place,
    Span,
)
from fieldreport.resolve.actors import ActorDictionary
from fieldreport.resolve.places import Gazetteer

SIGNIFICANT_VAGUE = 10  # "several" killed in a significant attack (ACLED's "3 or 10")
_NUMBER_WORDS = {"three", "trois"}  # the words that give 3, the toll "several" also gives


@dataclass(slots=True)
class Resources:
    """What extraction needs besides the Doc: built once per pipeline."""

    actors: ActorDictionary
    gazetteer: Gazetteer
    finder: ActorFinder


@dataclass(slots=True)
class ArticleState:
    """What earlier events in the article tell later ones."""

    last_date: DateInfo | None = None
    statement_by: tuple[ActorRef | None, str] | None = None


def build_mention(
    doc: Doc,
    article: Article,
    ctx: ArticleContext,
    group: EventGroup,
    res: Resources,
    state: ArticleState,
) -> Mention | None:
    text = article.text
    lead = next(s for s in group.sentences if s.eventful)
    evidence: dict[str, Span] = {}
    notes: dict[str, str] = {}
    date = _date(group, ctx, state, evidence, notes, text)
    place = named_place(group, res.gazetteer, evidence, notes, text)
    country = place.country if place else (ctx.countries[0] if ctx.countries else None)
    if place is None and country and country not in ctx.named_countries:
        notes["country"] = "no place found: country of the named groups' area of operation"
    if place is None and country:
        place = homeland_place(doc, group, country, res.actors, res.gazetteer, evidence, notes)
    on = date.date if date else None
    who = participants(group, lead, res.actors, country, on)
    cues = {c for s in group.sentences for c in s.cues}
    sides = sides_of(who.refs, who.votes, group, who.unnamed_attackers, country)
    typed = classify(cues, sides)
    if typed is None:
        return None
    event_type, sub_type = typed
    if (
        place is None
        and country in ctx.named_countries
        and event_type in NATIONAL_TYPES
        and not any(LOCAL_WORDS.search(info.span.text) for info in group.sentences)
    ):
        place = capital_place(res.gazetteer, country, _sentence_span(lead, text), evidence, notes)
    scene = _Scene(typed, cues, sides, _sentence_span(lead, text), country, on)
    roles = _cast(who, scene, res.actors, text, notes)
    claims, causes = _claims(group, who.mentioned, res.actors, article, state, text)
    if _significant(event_type, roles):
        claims = [_as_significant(c) for c in claims]
    _evidence(lead, claims, text, evidence)
    if date:
        state.last_date = date
    return Mention(
        article_id=article.id,
        sentence=scene.lead,
        event_type=event_type,
        sub_event_type=sub_type,
        date=date,
        place=place,
        actors=tuple(roles),
        claims=tuple(claims),
        fatalities=_toll(
            sub_type,
            claims,
            causes,
            sides_of_roles(roles),
            " ".join(info.span.text for info in group.sentences),
        ),
        evidence=evidence,
        notes=notes,
        confidence=_confidence(date, place, roles, evidence),
        country=country or "",
        country_name=res.gazetteer.country_names.get(country, country) if country else "",
    )


@dataclass(frozen=True, slots=True)
class _Scene:
    """What is settled about an event before its actors take their roles."""

    typed: tuple[str, str]  # event type, sub-event type
    cues: set[str]
    sides: Sides
    lead: Span  # the sentence that reports it
    country: str | None
    on: dt.date | None


def _cast(
    who: Participants, scene: _Scene, actors: ActorDictionary, text: str, notes: dict[str, str]
) -> list[ActorRole]:
    """Actor 1 and 2 and their associates, as ACLED codes them for this event type."""
    (event_type, sub_type), country, on = scene.typed, scene.country, scene.on
    roles = roles_of(who.refs, who.votes, event_type, text, mutual="clash" in scene.cues)
    descriptors = {r.name for h, r in who.refs if h.kind in DESCRIPTORS}
    roles = main_actors(scene.lead, roles, event_type, descriptors, actors, country, on)
    roles = parents(identified(distinct(roles), text), text, actors, on)
    roles = distinct(coalitions(roles, actors, on))
    if sub_type != "Sexual violence":  # ACLED: men are a descriptor in sexual violence only
        men = {r.name for h, r in who.refs if h.kind == "men"}
        roles = [r for r in roles if r.role in ("actor1", "actor2") or r.actor.name not in men]
    # the forces that dispersed the crowd, or shot at it (excessive force), face it
    answered = (
        "intervention" in scene.cues or sub_type == "Excessive force against protesters"
    ) and "mutiny" not in scene.cues
    roles = crowd_sides(roles, sub_type, actors, country, on, answered=answered)
    unnamed = who.unnamed_forces and event_type not in ("Protests", "Riots")
    if not any(r.role == "actor1" for r in roles) and not unnamed:  # "soldiers killed": whose?
        kind = {"Protests": "protesters", "Riots": "rioters"}.get(event_type, "unidentified")
        fallback = actors.generic(kind, country, on=on)
        roles.insert(0, ActorRole(fallback, "actor1", scene.lead))
        notes["actor1"] = (
            f"no perpetrator named: {fallback.name} of the event's country"
            if country
            else f"no perpetrator named and no country known: {fallback.name}"
        )
    if not any(r.role == "actor2" for r in roles) and _civilians_hit(
        sub_type, scene.sides, scene.lead.text
    ):
        victims = actors.generic("civilians", country, on=on)
        roles.append(ActorRole(victims, "actor2", scene.lead))
        notes["actor2"] = "no victim named: the civilians whose property or lives were hit"
    return _abroad(_workers_hit(roles, who, event_type, actors, scene, text), country)


def _abroad(roles: list[ActorRole], country: str | None) -> list[ActorRole]:
    """A state's forces outside their own country are ACLED's External/Other forces (inter 8):
    they keep their home name ("Military Forces of Russia (2000-)" in Ukraine)."""
    if not country:
        return roles
    return [
        dataclasses.replace(r, actor=dataclasses.replace(r.actor, inter=8))
        if r.actor.inter == 1 and r.actor.country not in (None, country)
        else r
        for r in roles
    ]


# the civilians' cue words that name a trade: ACLED's Labor Group beside the Civilians they
# are (workers, aid workers, teachers are descriptors of their own)
_WORKERS = re.compile(r"\b(drivers?|merchants?|(gold )?miners)\b", re.I)


def _workers_hit(
    roles: list[ActorRole],
    who: Participants,
    event_type: str,
    actors: ActorDictionary,
    scene: _Scene,
    text: str,
) -> list[ActorRole]:
    """ "killed the driver", "abducted a merchant": the victims' trade is a descriptor (Labor
    Group) of the civilians of violence against civilians."""
    country, on = scene.country, scene.on
    if event_type != "Violence against civilians" or not country:
        return roles
    if not any(r.role == "actor2" and r.actor.inter == 7 for r in roles):
        return roles
    hit = next(
        (
            h
            for h, _ in who.refs
            if h.side == "target" and h.kind == "civilians" and _WORKERS.search(h.alias)
        ),
        None,
    )  # a civilian named by a trade; aid workers, teachers are descriptors of their own
    if hit is None:
        return roles
    labour = actors.generic("labor_group", country, on=on)
    if any(r.actor.name == labour.name for r in roles):
        return roles
    return [*roles, ActorRole(labour, "assoc2", Span.of(text, hit.start, hit.end))]


def _evidence(
    lead: SentenceInfo, claims: list[Claim], text: str, evidence: dict[str, Span]
) -> None:
    """The words that gave the event its type, and the lowest toll's claim."""
    cue_span = _cue_span(lead, text)
    if cue_span:
        evidence["event_type"] = cue_span
    if claims:
        chosen = min(
            (c for c in claims if c.killed_min is not None),
            key=lambda c: c.killed_min or 0,
            default=claims[0],
        )
        evidence["fatalities"] = chosen.evidence


# a vehicle of the kind civilians travel in ("a transport truck struck an IED", "a cart")
_CIVIL_VEHICLE = re.compile(
    r"\b(a|an|the|two|three|\d+) (civilian |transport |passenger |public transport |commercial )?"
    r"(trucks?|bus|buses|minibus(es)?|carts?|donkey carts?|motorbikes?|motorcycles?|tricycles?|"
    r"cars?|taxis?|pirogues?|boats?)\b",
    re.I,
)


# sub-event types that kill no one by ACLED's definitions: a death makes the event another
# type (excessive force, attack), so the deaths a report of one of these names are another
# event's (the killing a protest was about, the attack before an arrest)
NON_LETHAL = {
    "Peaceful protest",
    "Protest with intervention",
    "Looting/property destruction",
    "Abduction/forced disappearance",
    "Arrests",
    "Agreement",
    "Change to group/activity",
    "Headquarters or base established",
    "Non-violent transfer of territory",
}


def _toll(
    sub_type: str, claims: list[Claim], causes: list[Claim], sides: dict[str, int], text: str
) -> Fatalities:
    """ACLED's toll from the claims; a crowd's toll leaves out the killings it reacted to
    (``causes``: "riots broke out after police killed a student"), another event's dead; a
    suicide bombing's counts its bombers (``text``: the event's sentences)."""
    if sub_type in NON_LETHAL:
        return Fatalities(0, 0, 0, 0, f"0: a {sub_type.lower()} kills no one (ACLED)")
    if SUB_TO_TYPE.get(sub_type) in ("Protests", "Riots") and causes:
        own = [c for c in claims if c not in causes]
        if not own:
            return Fatalities(0, 0, 0, 0, "0: the deaths the crowd reacted to are another event")
        return fatalities(own, sides)
    if sub_type == "Suicide bomb":
        return _with_bombers(fatalities(claims, sides), text)
    return fatalities(claims, sides)


_BOMBERS = re.compile(
    r"\b(?P<n>two|2|three|3|twin|double|a pair of) (?:female |male |teenage )?suicide "
    r"(?:bombers|car bombs|attackers|vests|bombs|SVBIEDs)\b",
    re.IGNORECASE,
)
_BOMBER_COUNTED = re.compile(
    r"\bincluding (?:the |a |two |both )?(?:suicide )?(?:bombers?|attackers?)\b|"
    r"\b(?:bombers?|attackers?) (?:was|were) (?:among|included)\b|"
    r"\b(?:the )?(?:suicide )?(?:bombers?|attackers?),? (?:included|among them)\b|"
    r"\b(?:suicide )?bombers? (?:was|were)? ?(?:also )?(?:killed|died|dead)\b|"
    r"\b(?:killing|killed) (?:him|her|them)sel(?:f|ves)\b",
    re.IGNORECASE,
)


def _with_bombers(toll: Fatalities, text: str) -> Fatalities:
    """ACLED counts a suicide bomber among the dead (ACLED-CODING.md §7): one per bomber,
    unless the text's toll already counts them ("55 killed, including the bomber")."""
    if _BOMBER_COUNTED.search(text):
        return toll
    m = _BOMBERS.search(text)
    word = m["n"].lower() if m else "one"
    n = int(word) if word.isdigit() else UNITS.get(word, 2)  # "twin", "a pair of": 2
    return dataclasses.replace(
        toll,
        acled=toll.acled + n,
        low=toll.low + n,
        best=toll.best + n,
        high=toll.high + n,
        rule=f"{toll.rule}; + {n} suicide bomber{'s' if n > 1 else ''} (ACLED counts the bomber)",
    )


def _civilians_hit(sub_type: str, sides: Sides, lead: str) -> bool:
    """ACLED names Civilians as the other side of property destroyed or looted by an armed
    group, and of a blast or shell that hit civilians or the vehicles they travel in."""
    if sub_type == "Looting/property destruction":
        return not sides.target_armed
    if SUB_TO_TYPE.get(sub_type) != "Explosions/Remote violence":
        return False
    return sides.target_civilian or (
        not sides.target_armed and _CIVIL_VEHICLE.search(lead) is not None
    )


def _significant(event_type: str, roles: list[ActorRole]) -> bool:
    """ACLED codes a vague toll ("several", "an unknown number") 10 for a significant attack
    and 3 otherwise (ACLED-CODING.md §7). We take a military operation or strike by state or
    foreign forces to be significant."""
    first = next((r.actor for r in roles if r.role == "actor1"), None)
    return (
        event_type in ("Battles", "Explosions/Remote violence")
        and first is not None
        and first.inter in (1, 8)
    )


def _as_significant(claim: Claim) -> Claim:
    """A vague toll ("several", "an unknown number") of a significant attack is 10; a number
    written in words ("at least three") is that number."""
    words = set(re.findall(r"[a-z]+", claim.phrase.lower()))
    if (
        claim.killed_min == VAGUE["several"][0]
        and claim.killed_max is None
        and not any(ch.isdigit() for ch in claim.phrase)
        and not words & _NUMBER_WORDS
    ):
        return dataclasses.replace(claim, killed_min=SIGNIFICANT_VAGUE)
    return claim


def _sentence_span(info: SentenceInfo, text: str) -> Span:
    start, end = info.span.start_char, info.span.end_char
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span.of(text, start, end)


def _date(
    group: EventGroup,
    ctx: ArticleContext,
    state: ArticleState,
    evidence: dict[str, Span],
    notes: dict[str, str],
    text: str,
) -> DateInfo | None:
    # in a sentence, a calendar date beats a relative word ("Overnight between 22 and 23 March")
    hits = [h for info in group.sentences for h in sorted(info.dates, key=_date_rank)]
    for hit in [h for h in hits if not h.report] + [h for h in hits if h.report]:
        if hit.info is not None:
            evidence["date"] = Span.of(text, hit.start, hit.end)
            if hit.report:
                notes["date"] = "only the date of the report is given"
            return hit.info
        if hit.same_day and state.last_date is not None:
            evidence["date"] = Span.of(text, hit.start, hit.end)
            return state.last_date
    if ctx.published is not None:
        notes["date"] = "no date in the text: inferred from published date"
        return DateInfo(ctx.published, 1, basis=notes["date"])
    notes["date"] = "no date in the text and no publication date"
    return None


def _date_rank(hit: DateHit) -> bool:
    return not (hit.info and "explicit" in hit.info.basis)


def _claims(
    group: EventGroup,
    refs: list[tuple[ActorHit, ActorRef]],
    actors: ActorDictionary,
    article: Article,
    state: ArticleState,
    text: str,
) -> tuple[list[Claim], list[Claim]]:
    """The group's claims, once each, and those of them that are the event's cause."""
    out: list[Claim] = []
    causes: list[Claim] = []  # killings given as the reason for the event
    seen: set[tuple[object, ...]] = set()
    kept = same_dead([c for s in group.sentences for c in s.claims])
    for info in group.sentences:
        told_before = list(out)
        if (
            info.speaker is not None
            and "statement" in info.span.text.lower()
            and not (is_statement_reference(text[info.speaker[0] : info.speaker[1]]))
        ):
            start, end, token = info.speaker
            state.statement_by = (
                hit_at(refs, token) or _covering(refs, start, end),
                text[start:end],
            )
        for raw in info.claims:
            if raw not in kept:
                continue  # a body found of someone the group already counted
            claim = _claim(raw, info, refs, actors, article, state, text)
            if any(_retold(claim, earlier) for earlier in told_before):
                continue
            key = (
                claim.claimant.name if claim.claimant else claim.claimant_text,
                claim.killed_min,
                claim.victims.name if claim.victims else "",
                claim.phrase,
            )
            if key not in seen:
                seen.add(key)
                out.append(claim)
                if raw.cause:
                    causes.append(claim)
    return out, causes


def _retold(claim: Claim, earlier: Claim) -> bool:
    """ "106 bodies were found ... Fatalities: 106 civilians": a figure an earlier sentence gave
    without saying whose dead they were, told again by the same claimant, is the same dead. (A
    figure of one is never a retelling: "a councillor and his son were killed" are two; nor is
    a figure first told of someone: "killed two soldiers ... acknowledging two dead in its
    ranks" are four.)"""
    return (
        claim.killed_min is not None
        and claim.killed_min >= 2
        and (claim.killed_min, claim.killed_max) == (earlier.killed_min, earlier.killed_max)
        and earlier.victims is None
        and claimant_key(claim) == claimant_key(earlier)
    )


def _claim(
    raw: RawClaim,
    info: SentenceInfo,
    refs: list[tuple[ActorHit, ActorRef]],
    actors: ActorDictionary,
    article: Article,
    state: ArticleState,
    text: str,
) -> Claim:
    claimant_text = text[raw.claimant_start : raw.claimant_end] if raw.claimant_start else ""
    claimant = hit_at(refs, raw.claimant_token) or _covering(
        refs, raw.claimant_start, raw.claimant_end
    )
    if claimant is None and claimant_text:
        claimant = actors.lookup(claimant_text)
    if is_statement_reference(claimant_text) and state.statement_by is not None:
        claimant, claimant_text = state.statement_by
    relays = [text[a:b] for a, b in raw.relays]
    if article.outlet:
        relays.append(article.outlet)
    hit = next((h for h, r in refs if claimant is not None and r.name == claimant.name), None)
    kind = claimant_kind(claimant_text, hit) if claimant_text else "source"
    return Claim(
        evidence=Span.of(text, raw.start, raw.end),
        claimant=claimant,
        claimant_text=claimant_text,
        claimant_kind=kind,
        reported_by=tuple(dict.fromkeys(relays)),
        killed_min=raw.killed_min,
        killed_max=raw.killed_max,
        victims=victims_of(refs, raw.victim_token),
        phrase=raw.phrase,
    )


def _covering(
    refs: list[tuple[ActorHit, ActorRef]], start: int | None, end: int | None
) -> ActorRef | None:
    if start is None or end is None:
        return None
    inside = [(h, r) for h, r in refs if h.start >= start and h.end <= end]
    named = [r for h, r in inside if h.ref is not None]
    return named[0] if named else None


def _cue_span(info: SentenceInfo, text: str) -> Span | None:
    for name in (
        "clash",
        "ambush",
        "attack",
        "abduct",
        "air",
        "shelling",
        "ied",
        "suicide",
        "grenade",
        "protest",
        "riot_violence",
        "mob",
        "looting",
        "arrest",
        "disrupted",
        "agreement",
        "other",
        "change",
        "base",
        "transfer",
        "sexual",
    ):
        if name in info.cues:
            a, b = info.cues[name][0]
            base = info.span.start_char
            return Span.of(text, base + a, base + b)
    return None


def _confidence(
    date: DateInfo | None, place: Place | None, roles: list[ActorRole], evidence: dict[str, Span]
) -> float:
    score = 0.2
    score += 0.2 if "date" in evidence else 0.0
    score += 0.2 if place is not None and place.precision <= 2 else 0.1 if place else 0.0
    score += 0.2 if any(r.role == "actor2" for r in roles) else 0.0
    score += 0.2 if "event_type" in evidence else 0.0
    return round(min(score, 1.0), 2)
