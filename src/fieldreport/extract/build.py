"""A group of sentences about one event -> a Mention with actors, place, date, claims, evidence."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc

from fieldreport.extract.actors import JIHADIST, ActorFinder, ActorHit
from fieldreport.extract.claims import RawClaim, claimant_kind, is_statement_reference
from fieldreport.extract.events import BLAME, ArticleContext, DateHit, EventGroup, SentenceInfo
from fieldreport.extract.numbers import VAGUE
from fieldreport.extract.roles import (
    ARMED,
    DESCRIPTORS,
    NON_STATE_ARMED,
    coalitions,
    crowd_sides,
    distinct,
    distinct_armed,
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
from fieldreport.fatalities import fatalities
from fieldreport.model import (
    ActorRef,
    ActorRole,
    Article,
    Claim,
    DateInfo,
    Mention,
    Place,
    Span,
)
from fieldreport.resolve.actors import ActorDictionary
from fieldreport.resolve.places import Gazetteer

SIGNIFICANT_VAGUE = 10  # "several" killed in a significant attack (ACLED's "3 or 10")
# words that usually mean a group the article names elsewhere ("the separatists" = the rebels
# named earlier); the inter codes such a named group may have, and whether it is jihadist
COREFERENT: dict[str, tuple[tuple[int, ...], bool | None]] = {
    "rebels": ((2,), None),
    "separatists": ((2,), False),
    "rebel": ((2,), None),
    "insurgents": ((2, 3), None),
    "militants": ((2, 3), True),
    "jihadists": ((2, 3), True),
    "jihadist": ((2, 3), True),
    "islamists": ((2, 3), True),
    "islamist militants": ((2, 3), True),
    "terrorists": ((2, 3), True),
    "assailants": ((2, 3), None),
    "gunmen": ((2, 3), None),
    "armed men": ((2, 3), None),
    "suspected militants": ((2, 3), True),
    "fighters": ((2, 3), None),
    "attackers": ((2, 3), None),
    "militiamen": ((3, 4), None),
    "militiaman": ((3, 4), None),
    "militia members": ((3, 4), None),
}
# unorganised people who, when they are the only ones acting, make a fight a riot
# generic kinds of non-state armed men, known whether or not the event's country is (the
# police who answer a riot do not make it something else; gunmen who ransack a town do)
GUNMEN_KINDS = {
    "unidentified",
    "islamist_militia",
    "ethnic_militia",
    "communal_militia",
    "clan_militia",
    "coref",
}
CROWD_KINDS = {"students", "labor_group", "rioters", "teachers"}


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
    parties = tuple(
        h.ref for s in group.sentences for h in s.actors if h.ref and _party(h, lead, group)
    )
    village = _village_group(group, res.actors)
    resolved = [
        (hit, _resolve(_of_village(hit, village), res.actors, country, on, parties))
        for s in group.sentences
        for hit in s.actors
    ]
    resolved += _ethnic_descriptors(resolved, res.actors, country, on)
    mentioned = [(h, r) for h, r in resolved if r is not None]
    blamed = _blamed(group)
    refs = [(h, r) for h, r in mentioned if _party(h, lead, group) or h.start in blamed]
    votes = _votes(group, refs)
    for h, r in refs:
        if h.side == "attacker" and lead.span.start_char <= h.start < lead.span.end_char:
            votes[r.name]["attacker"] += 1  # who acts in the lead sentence outweighs its dead
    for h, r in refs:
        if h.start in blamed and r.inter in ARMED:
            votes[r.name]["attacker"] += 2  # "the device was likely planted by JNIM"
    cues = {c for s in group.sentences for c in s.cues}
    sides = _sides(refs, votes, group)
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
    roles = roles_of(refs, votes, event_type, text, mutual="clash" in cues)
    descriptors = {r.name for h, r in refs if h.kind in DESCRIPTORS}
    roles = main_actors(
        _sentence_span(lead, text), roles, event_type, descriptors, res.actors, country, on
    )
    roles = parents(identified(distinct(roles), text), text, res.actors, on)
    roles = distinct(coalitions(roles, res.actors, on))
    if sub_type != "Sexual violence":  # ACLED: men are a descriptor in sexual violence only
        men = {r.name for h, r in refs if h.kind == "men"}
        roles = [r for r in roles if r.role in ("actor1", "actor2") or r.actor.name not in men]
    answered = "intervention" in cues and "mutiny" not in cues
    roles = crowd_sides(roles, sub_type, res.actors, country, on, answered=answered)
    unnamed = (
        country is None
        and event_type not in ("Protests", "Riots")
        and any(
            r is None and h.side != "target" and h.kind != "coref" and _party(h, lead, group)
            for h, r in resolved
        )
    )
    if not any(r.role == "actor1" for r in roles) and not unnamed:  # "soldiers killed": whose?
        kind = {"Protests": "protesters", "Riots": "rioters"}.get(event_type, "unidentified")
        fallback = res.actors.generic(kind, country, on=on)
        roles.insert(0, ActorRole(fallback, "actor1", _sentence_span(lead, text)))
        notes["actor1"] = (
            f"no perpetrator named: {fallback.name} of the event's country"
            if country
            else f"no perpetrator named and no country known: {fallback.name}"
        )
    if not any(r.role == "actor2" for r in roles) and _civilians_hit(
        sub_type, sides, lead.span.text
    ):
        victims = res.actors.generic("civilians", country, on=on)
        roles.append(ActorRole(victims, "actor2", _sentence_span(lead, text)))
        notes["actor2"] = "no victim named: the civilians whose property or lives were hit"
    claims = _claims(group, mentioned, res.actors, article, state, text)
    if _significant(event_type, roles):
        claims = [_as_significant(c) for c in claims]
    toll = fatalities(claims)
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
    if date:
        state.last_date = date
    return Mention(
        article_id=article.id,
        sentence=_sentence_span(lead, text),
        event_type=event_type,
        sub_event_type=sub_type,
        date=date,
        place=place,
        actors=tuple(roles),
        claims=tuple(claims),
        fatalities=toll,
        evidence=evidence,
        notes=notes,
        confidence=_confidence(date, place, roles, evidence),
        country=country or "",
        country_name=res.gazetteer.country_names.get(country, country) if country else "",
    )


# a vehicle of the kind civilians travel in ("a transport truck struck an IED", "a cart")
_CIVIL_VEHICLE = re.compile(
    r"\b(a|an|the|two|three|\d+) (civilian |transport |passenger |public transport |commercial )?"
    r"(trucks?|bus|buses|minibus(es)?|carts?|donkey carts?|motorbikes?|motorcycles?|tricycles?|"
    r"cars?|taxis?|pirogues?|boats?)\b",
    re.I,
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
    if (
        claim.killed_min == VAGUE["several"][0]
        and claim.killed_max is None
        and not any(ch.isdigit() for ch in claim.phrase)
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
    hits += sorted(group.lead_dates, key=_date_rank)
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


_VILLAGE_OF = re.compile(r"\b([A-Z][\w'’-]+) (?:village|hamlet|community|villages|hamlets)\b")


def _village_group(group: EventGroup, actors: ActorDictionary) -> str | None:
    """The ethnic group of the village the event names ("the Dogon village of X")."""
    for info in group.sentences:
        for m in _VILLAGE_OF.finditer(info.span.text):
            found = actors.ethnic_group(m[1])
            if found:
                return found
    return None


def _of_village(hit: ActorHit, village: str | None) -> ActorHit:
    """ "village self-defense" in a Dogon village is the Dogon militia (ACLED's coding)."""
    if (
        village
        and hit.kind == "ethnic_militia"
        and not hit.group
        and "village" in hit.alias.lower()
    ):
        return dataclasses.replace(hit, group=village)
    return hit


def _resolve(
    hit: ActorHit,
    actors: ActorDictionary,
    country: str | None,
    on: dt.date | None,
    parties: tuple[ActorRef, ...],
) -> ActorRef | None:
    """A named group as named; 'the separatists' as the one rebel group taking part; generic
    words as ACLED's generic actors of the event's country."""
    if hit.ref is not None:
        return hit.ref
    word = hit.alias.lower().removeprefix("the ").removeprefix("suspected ")
    if word in COREFERENT and hit.group is None and hit.country is None:
        inters, jihadist = COREFERENT[word]
        named = {
            r.name: r
            for r in parties
            if r.inter in inters and (jihadist is None or bool(JIHADIST.search(r.name)) == jihadist)
        }
        if len(named) == 1:
            return next(iter(named.values()))
    where = hit.country or country
    if hit.kind == "coref":
        return None
    kind = hit.kind
    if kind == "unidentified" and hit.group:
        kind = "ethnic_militia"  # "Fulani gunmen": the group's militia, as ACLED codes them
    try:
        return actors.generic(kind, where, on=on, group=hit.group)
    except (KeyError, ValueError):
        return None


def _ethnic_descriptors(
    resolved: list[tuple[ActorHit, ActorRef | None]],
    actors: ActorDictionary,
    country: str | None,
    on: dt.date | None,
) -> list[tuple[ActorHit, ActorRef | None]]:
    """ "a Dogon farmer", "Fulani herders": the victims' ethnic group is a descriptor too
    (Dogon Ethnic Group), beside Farmers / Pastoralists. Militias keep their own names."""
    out: list[tuple[ActorHit, ActorRef | None]] = []
    for hit, ref in resolved:
        where = hit.country or country
        if ref is None or hit.group is None or ref.inter != 7:
            continue
        if hit.kind == "ethnic_group":
            continue
        group = actors.generic("ethnic_group", where, on=on, group=hit.group)
        out.append((dataclasses.replace(hit, kind="ethnic_group"), group))
    return out


def _blamed(group: EventGroup) -> set[int]:
    """Starts of the named groups a sentence of the event blames or that claim it ("JNIM
    claimed responsibility", "the device was planted by ISGS militants")."""
    return {
        hit.start
        for info in group.sentences
        if BLAME.search(info.span.text)
        for hit in info.actors
        if hit.ref is not None
    }


_ANSWERING = {"police", "gendarmerie", "military"}


def _party(hit: ActorHit, lead: SentenceInfo, group: EventGroup) -> bool:
    """An actor takes part if the lead sentence names it, the parse gives it a side, or a claim
    makes it a victim; a group named in passing later ("X operates in the area") does not."""
    if lead.span.start_char <= hit.start < lead.span.end_char or hit.side != "none":
        return True
    if (
        hit.ref is not None
        and hit.ref.inter in ARMED
        and group.sentences[0].span.start_char <= hit.start < lead.span.start_char
    ):
        return True  # "French forces conducted an operation near X. 30 militants were killed."
    if hit.kind in _ANSWERING and any(
        "intervention" in s.cues and s.span.start_char <= hit.start < s.span.end_char
        for s in group.sentences
    ):
        return True  # "police responded with teargas": the forces that answered a crowd
    for claim in (c for s in group.sentences for c in s.claims):
        if claim.victim_token == hit.token:
            return True
        if (
            hit.ref is not None
            and hit.ref.inter in ARMED
            and claim.killed_min is not None
            and claim.claimant_start is not None
            and claim.claimant_end is not None
            and claim.claimant_start <= hit.start < claim.claimant_end
        ):
            return True  # an armed group claiming the killing takes part in it
    return False


def _votes(group: EventGroup, refs: list[tuple[ActorHit, ActorRef]]) -> dict[str, Counter[str]]:
    """Per actor name: how often the text puts it on the attacking or the receiving side."""
    votes: dict[str, Counter[str]] = {}
    for hit, ref in refs:
        votes.setdefault(ref.name, Counter())[hit.side] += 1
    for info in group.sentences:
        for claim in info.claims:
            _claim_votes(info, claim, refs, votes)
    return votes


def _claim_votes(
    info: SentenceInfo,
    claim: RawClaim,
    refs: list[tuple[ActorHit, ActorRef]],
    votes: dict[str, Counter[str]],
) -> None:
    victim = _victims(refs, claim.victim_token)
    if victim is not None:
        votes[victim.name]["target"] += 1
    speaker = _hit_at(refs, claim.claimant_token)
    if (
        speaker is not None
        and victim is not None
        and speaker.name != victim.name
        and (speaker.inter in ARMED)
    ):
        votes[speaker.name]["attacker"] += 1  # "X said it killed 50 soldiers"


def _hit_at(refs: list[tuple[ActorHit, ActorRef]], token: int | None) -> ActorRef | None:
    if token is None:
        return None
    for hit, ref in refs:
        if hit.token == token:
            return ref
    return None


def _sides(
    refs: list[tuple[ActorHit, ActorRef]], votes: dict[str, Counter[str]], group: EventGroup
) -> Sides:
    actual = [(h, r) for h, r in refs if h.kind not in DESCRIPTORS]
    attackers = [
        r
        for _, r in actual
        if votes[r.name]["attacker"] >= votes[r.name]["target"] and votes[r.name]["attacker"] > 0
    ]
    targets = [r for h, r in refs if votes[r.name]["target"] > votes[r.name]["attacker"]]
    hit = {t for s in group.sentences for t in s.targets}
    return Sides(
        attacker_state=any(r.inter == 1 for r in attackers),
        attacker_armed=any(r.inter in ARMED for r in attackers),
        target_militia=any(r.inter in NON_STATE_ARMED for r in targets),
        target_armed="armed" in hit
        or any(r.inter in ARMED for r in targets)
        or (not targets and _two_armed_sides(actual) and distinct_armed(actual) >= 2),
        target_civilian=("civilian" in hit and "armed" not in hit)
        or (any(r.inter == 7 for r in targets) and "armed" not in hit)
        or (not targets and not hit and any(r.inter == 7 for _, r in actual)),
        protesters=any(r.inter == 6 for _, r in actual),
        crowd=bool(refs)
        and all(r.inter in {5, 6, 7} for _, r in refs)
        and any(h.kind in CROWD_KINDS and r not in targets for h, r in refs),
        rioters=any(r.inter == 5 for _, r in actual),
        crowd_attacks=any(r.inter in {5, 6} for r in attackers),
        armed_present=any(
            h.kind in GUNMEN_KINDS or (h.ref is not None and h.ref.inter in {2, 3, 4})
            for s in group.sentences
            for h in s.actors
            if h.side != "target"
        ),
    )


def _two_armed_sides(actual: list[tuple[ActorHit, ActorRef]]) -> bool:
    """Armed actors of two kinds and no side told: they likely fought each other. "The gunmen"
    after "unknown gunmen", "soldiers or gendarmes", a brigade and its group are one side."""
    return len({r.inter for _, r in actual if r.inter in ARMED}) >= 2


def _claims(
    group: EventGroup,
    refs: list[tuple[ActorHit, ActorRef]],
    actors: ActorDictionary,
    article: Article,
    state: ArticleState,
    text: str,
) -> list[Claim]:
    out: list[Claim] = []
    seen: set[tuple[object, ...]] = set()
    for info in group.sentences:
        if (
            info.speaker is not None
            and "statement" in info.span.text.lower()
            and not (is_statement_reference(text[info.speaker[0] : info.speaker[1]]))
        ):
            start, end, token = info.speaker
            state.statement_by = (
                _hit_at(refs, token) or _covering(refs, start, end),
                text[start:end],
            )
        for raw in info.claims:
            claim = _claim(raw, info, refs, actors, article, state, text)
            key = (
                claim.claimant.name if claim.claimant else claim.claimant_text,
                claim.killed_min,
                claim.victims.name if claim.victims else "",
                claim.phrase,
            )
            if key not in seen:
                seen.add(key)
                out.append(claim)
    return out


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
    claimant = _hit_at(refs, raw.claimant_token) or _covering(
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
        victims=_victims(refs, raw.victim_token),
        phrase=raw.phrase,
    )


def _victims(refs: list[tuple[ActorHit, ActorRef]], token: int | None) -> ActorRef | None:
    """The actor of the victims' noun phrase: its head, or a group named inside it."""
    found = _hit_at(refs, token)
    if found is None and token is not None:
        near = [r for h, r in refs if h.ref is not None and 0 < token - h.token <= 3]
        found = near[-1] if near else None
    return found


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
