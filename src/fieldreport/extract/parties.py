"""Who takes part in an event: the actor phrases of its sentences resolved to ACLED actors
("the separatists" to the one rebel group named, "gunmen" to the event's country's
Unidentified Armed Group), which of them take part, and which side the text puts each on."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass

from fieldreport.extract.actors import JIHADIST, ActorHit
from fieldreport.extract.claims import RawClaim
from fieldreport.extract.events import BLAME, EventGroup, SentenceInfo
from fieldreport.extract.roles import ARMED, DESCRIPTORS, NON_STATE_ARMED, distinct_armed
from fieldreport.extract.sides import VIOLENT_LEMMAS, reporter_of
from fieldreport.extract.taxonomy import Sides
from fieldreport.model import ActorRef
from fieldreport.resolve.actors import ActorDictionary

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
# unorganised people who, when they are the only ones acting, make a fight a riot
CROWD_KINDS = {"students", "labor_group", "rioters", "teachers"}


@dataclass(frozen=True, slots=True)
class Participants:
    """The actors an event's sentences name, and those of them that take part in it."""

    mentioned: list[tuple[ActorHit, ActorRef]]  # every phrase that resolved to an actor
    refs: list[tuple[ActorHit, ActorRef]]  # those that take part, or that the text blames
    votes: dict[str, Counter[str]]  # per actor name: how often attacker, target, neither
    unnamed_forces: bool  # forces of a state the text does not name act ("soldiers killed")
    unnamed_attackers: frozenset[int] = frozenset()  # their inter codes, when they attack


def participants(
    group: EventGroup,
    lead: SentenceInfo,
    actors: ActorDictionary,
    country: str | None,
    on: dt.date | None,
) -> Participants:
    taking: dict[ActorHit, bool] = {}  # whether each phrase takes part, found once

    def takes_part(hit: ActorHit) -> bool:
        if hit not in taking:
            taking[hit] = _party(hit, lead, group)
        return taking[hit]

    blamed = _blamed(group)
    parties = tuple(
        h.ref
        for s in group.sentences
        for h in s.actors
        if h.ref and (takes_part(h) or h.start in blamed)
    )
    village = _village_group(group, actors)
    theirs = _only_foreign_forces(group, actors, country)
    resolved = [
        (hit, _resolve(_of_village(_whose(hit, theirs), village), actors, country, on, parties))
        for s in group.sentences
        for hit in s.actors
    ]
    resolved += _ethnic_descriptors(resolved, actors, country, on)
    mentioned = [(h, r) for h, r in resolved if r is not None]
    refs = [(h, r) for h, r in mentioned if takes_part(h) or h.start in blamed]
    votes = _votes(group, refs)
    for h, r in refs:
        if h.side == "attacker" and lead.span.start_char <= h.start < lead.span.end_char:
            votes[r.name]["attacker"] += 1  # who acts in the lead sentence outweighs its dead
    for h, r in refs:
        if h.start in blamed and r.inter in ARMED:
            votes[r.name]["attacker"] += 2  # "the device was likely planted by JNIM"
    kinds = set(actors.kinds()) - {"coref"} if country is None else set()
    unnamed = [
        h
        for h, r in resolved
        if r is None and h.kind in kinds and h.side != "target" and takes_part(h)
    ]
    attacking = frozenset(actors.kind_inter(h.kind) for h in unnamed if h.side == "attacker")
    return Participants(mentioned, refs, votes, bool(unnamed), attacking)


def _only_foreign_forces(
    group: EventGroup, actors: ActorDictionary, country: str | None
) -> dict[str, str]:
    """Kind of state force -> the one foreign state whose forces of that kind the event names,
    when it names none of the event's own country ("Israeli troops fought Hezbollah in Khiam
    ... the army confirmed one soldier killed": Israel's soldier, not Lebanon's)."""
    kinds = set(actors.kinds())
    seen: dict[str, set[str]] = {}
    for info in group.sentences:
        for hit in info.actors:
            if hit.ref is not None and hit.ref.inter == 1 and hit.ref.country:  # "FARDC"
                kind = _FORCES_NAMED.get(hit.ref.name.split(" of ")[0], "")
                if kind:
                    seen.setdefault(kind, set()).add(hit.ref.country)
            elif hit.country and hit.kind in kinds and actors.kind_inter(hit.kind) == 1:
                seen.setdefault(hit.kind, set()).add(hit.country)
    return {
        kind: next(iter(found))
        for kind, found in seen.items()
        if len(found) == 1 and country not in found
    }


_FORCES_NAMED = {"Military Forces": "military", "Police Forces": "police"}


def _whose(hit: ActorHit, theirs: dict[str, str]) -> ActorHit:
    if hit.ref is None and hit.country is None and hit.kind in theirs:
        return dataclasses.replace(hit, country=theirs[hit.kind])
    return hit


_VILLAGE_OF = re.compile(r"\b([A-Z][\w'’-]+) (?:village|hamlet|community|villages|hamlets)\b")


_LOCAL_DEFENCE = re.compile(r"village|self-defen[cs]e", re.I)


def _village_group(group: EventGroup, actors: ActorDictionary) -> str | None:
    """The ethnic group of the village the event names ("the Dogon village of X")."""
    for info in group.sentences:
        for m in _VILLAGE_OF.finditer(info.span.text):
            found = actors.ethnic_group(m[1])
            if found:
                return found
    return None


def _of_village(hit: ActorHit, village: str | None) -> ActorHit:
    """ "village self-defense", "the self-defence group" in a Dogon village is the Dogon
    militia (ACLED's coding)."""
    if (
        village
        and hit.kind in ("ethnic_militia", "communal_militia")
        and not hit.group
        and _LOCAL_DEFENCE.search(hit.alias)
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
    kind = hit.kind
    if kind == "men" and hit.side == "attacker" and hit.group is None:
        kind = "unidentified"  # "two men on a motorbike shot dead a trader": gunmen unnamed
    if kind == "coref":
        if any(r.inter in NON_STATE_ARMED for r in parties):
            return None  # "the rebels" of a text that names several groups: one of them
        kind = "unidentified"  # "rebels overrun a post", no group named: ACLED's unidentified
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
    makes it a victim; a group named in passing later ("X operates in the area") does not, nor
    what a crowd protests against, unless it answers the crowd."""
    if hit.side == "cause":
        return hit.kind in _ANSWERING and _answered_in_its_sentence(hit, group)
    if lead.span.start_char <= hit.start < lead.span.end_char:
        return hit.side != "claimant" or not _reports_others(hit, lead)
    if hit.side not in ("none", "claimant"):
        return True  # who only reports a toll ("the state government said") takes no part
    if (
        hit.ref is not None
        and hit.ref.inter in ARMED
        and group.sentences[0].span.start_char <= hit.start < lead.span.start_char
    ):
        return True  # "French forces conducted an operation near X. 30 militants were killed."
    if hit.kind in _ANSWERING and _answered_in_its_sentence(hit, group):
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


def _reports_others(hit: ActorHit, lead: SentenceInfo) -> bool:
    """ "villagers beat a man to death, police said": the speaker reports what others did (a
    verb of violence with a subject of its own), not "JNIM claimed to have detonated an IED"
    nor "the army said it killed five"."""
    speaker = lead.span.doc[hit.token]
    verb = speaker.head
    if any(c.dep_ == "xcomp" for c in verb.children):
        return False
    claimed = {t.i for c in verb.children if c.dep_ in {"dobj", "obj"} for t in c.subtree}
    return any(
        t.lemma_.lower() in VIOLENT_LEMMAS | {"exchange", "wound", "injure", "lynch"}
        and t.i not in claimed  # "JNIM claimed an attack that targeted a post": its own
        and any(
            c.dep_ == "nsubj" and c.i != speaker.i and c.lower_ not in _OWN_PRONOUNS
            for c in t.children
        )
        for t in lead.span
    )


_SELF_PRONOUNS = {"it", "they", "we"}  # the speaker's own: "the army said it killed five"
_OWN_PRONOUNS = _SELF_PRONOUNS | {"that", "which", "who"}  # and "claimed an attack that..."


def _answered_in_its_sentence(hit: ActorHit, group: EventGroup) -> bool:
    return any(
        "intervention" in s.cues and s.span.start_char <= hit.start < s.span.end_char
        for s in group.sentences
    )


def _votes(group: EventGroup, refs: list[tuple[ActorHit, ActorRef]]) -> dict[str, Counter[str]]:
    """Per actor name: how often the text puts it on the attacking or the receiving side."""
    votes: dict[str, Counter[str]] = {}
    for hit, ref in refs:
        votes.setdefault(ref.name, Counter())[hit.side] += 1
    for info in group.sentences:
        for claim in info.claims:
            _claim_votes(info, claim, refs, votes)
        for hit in info.actors:
            speaker = hit_at(refs, hit.token)
            if hit.side == "claimant" and speaker is not None and _did_itself(info, hit):
                votes[speaker.name]["attacker"] += 1  # "the Arakan Army said it had seized X"
    return votes


# what a speaker may say it did itself: violence, or taking a place
_DEEDS = VIOLENT_LEMMAS | {"seize", "capture", "take", "overrun", "retake", "recapture"}


def _did_itself(info: SentenceInfo, hit: ActorHit) -> bool:
    """ "X said it had seized the town", "X said they shot down a drone": the speaker tells
    of its own deed (the subject of the reported violence is "it", "they" or "we")."""
    said = reporter_of(info.span.doc[hit.token])
    reported = [c for c in said.children if c.dep_ == "ccomp"] if said is not None else []
    return any(
        t.lemma_.lower() in _DEEDS
        and any(c.dep_ == "nsubj" and c.lower_ in _SELF_PRONOUNS for c in t.children)
        for clause in reported
        for t in clause.subtree
    )


def _claim_votes(
    info: SentenceInfo,
    claim: RawClaim,
    refs: list[tuple[ActorHit, ActorRef]],
    votes: dict[str, Counter[str]],
) -> None:
    victim = victims_of(refs, claim.victim_token)
    if victim is not None:
        votes[victim.name]["target"] += 1
    speaker = hit_at(refs, claim.claimant_token)
    if (
        speaker is not None
        and victim is not None
        and speaker.name != victim.name
        and (speaker.inter in ARMED)
        and not _killed_by_others(info, claim)
    ):
        votes[speaker.name]["attacker"] += 1  # "X said it killed 50 soldiers"


def _killed_by_others(info: SentenceInfo, claim: RawClaim) -> bool:
    """ "villagers beat a man to death, police said": the killing has a subject of its own
    that is not the speaker (nor "it", "they", "we" for the speaker)."""
    if claim.victim_token is None:
        return False
    doc = info.span.doc
    verb = doc[claim.victim_token].head
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return bool(subjects) and not any(
        c.lower_ in _SELF_PRONOUNS or c.i == claim.claimant_token for c in subjects
    )


def hit_at(refs: list[tuple[ActorHit, ActorRef]], token: int | None) -> ActorRef | None:
    if token is None:
        return None
    for hit, ref in refs:
        if hit.token == token:
            return ref
    return None


def sides_of(
    refs: list[tuple[ActorHit, ActorRef]],
    votes: dict[str, Counter[str]],
    group: EventGroup,
    unnamed: frozenset[int] = frozenset(),
    country: str | None = None,
) -> Sides:
    """Who attacks and who is hit; ``unnamed`` are the inter codes of attacking forces whose
    state the text does not name ("soldiers shot dead a man": still the state's forces).
    ``country``: where it happened, so that another state's forces there are foreign."""
    actual = [(h, r) for h, r in refs if h.kind not in DESCRIPTORS]
    attackers = [
        r
        for _, r in actual
        if votes[r.name]["attacker"] >= votes[r.name]["target"] and votes[r.name]["attacker"] > 0
    ]
    targets = [r for h, r in refs if votes[r.name]["target"] > votes[r.name]["attacker"]]
    hit = {t for s in group.sentences for t in s.targets}
    return Sides(
        attacker_state=any(r.inter == 1 for r in attackers) or 1 in unnamed,
        attacker_foreign=country is not None
        and any(r.inter in {1, 8} and r.country not in (None, country) for r in attackers),
        attacker_armed=any(r.inter in ARMED for r in attackers) or bool(unnamed & ARMED),
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
        people_attack=bool(attackers) and all(r.inter in {5, 6, 7} for r in attackers),
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


def victims_of(refs: list[tuple[ActorHit, ActorRef]], token: int | None) -> ActorRef | None:
    """The actor of the victims' noun phrase: its head, or a group named inside it."""
    found = hit_at(refs, token)
    if found is None and token is not None:
        near = [r for h, r in refs if h.ref is not None and 0 < token - h.token <= 3]
        found = near[-1] if near else None
    return found
