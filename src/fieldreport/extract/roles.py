"""Who is actor 1, actor 2 and associated in one event: sides from the parse's votes, state
forces and rebels kept apart, clashes split, crowds' generic actors, coalitions and parents."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from typing import cast

from fieldreport.extract.actors import ActorHit
from fieldreport.extract.taxonomy import SUB_TO_TYPE
from fieldreport.model import ActorRef, ActorRole, Role, Span
from fieldreport.resolve.actors import ActorDictionary

# military cue words that name a weapon or a kind of unit rather than whose it is: beside a
# foreign force they are that force's ("French forces conducted a drone strike")
_WEAPON_WORDS = {
    "commandos",
    "special forces",
    "paratroopers",
    "drone strike",
    "air force",
    "military aircraft",
    "warplanes",
    "military helicopter",
    "fighter jets",
    "combat helicopters",
    "attack helicopters",
    "helicopter gunships",
    "gunships",
    "airstrike",
    "airstrikes",
    "air strike",
    "air strikes",
}
ARMED = {1, 2, 3, 4, 8}
NON_STATE_ARMED = {2, 3, 4}  # rebels, political and identity militias
STATE_SIDE, REBELS = {1, 8}, 2
DESCRIPTORS = {
    "aid_workers",
    "miners",
    "farmers",
    "pastoralists",
    "women",
    "men",
    "students",
    "teachers",
    "health_workers",
    "journalists",
    "lawyers",
    "prisoners",
    "refugees_idps",
    "labor_group",
    "muslim_group",
    "christian_group",
    "ethnic_group",
}


Item = tuple[ActorHit, ActorRef]


def roles_of(
    refs: list[tuple[ActorHit, ActorRef]],
    votes: dict[str, Counter[str]],
    event_type: str,
    text: str,
    *,
    mutual: bool = False,
) -> list[ActorRole]:
    """Actors by side and role. ``mutual``: the event is a clash, so two armed groups that the
    text makes both attack ("JNIM and ISGS militants clashed") fought each other."""
    side_a, side_b = _sides(_taking_part(refs, event_type, text), votes, event_type)
    if not side_a and event_type == "Battles":
        side_a, side_b = _opener_first(side_b, mutual)
    side_a.sort(key=lambda i: _score(votes, i, "attacker"), reverse=True)
    if side_a:  # "militants attacked an army post; the soldiers repelled them": both attack,
        # but state forces and rebels are never one side: the lead attacker's enemies are hit
        enemies = [i for i in side_a[1:] if _opposed_refs(side_a[0][1], i[1])]
        side_a = [i for i in side_a if i not in enemies]
        side_b += enemies
    if mutual and not side_b and event_type == "Battles":
        side_a, side_b = _fought_each_other(side_a)
    # "Katiba Macina (JNIM) militants", "militants of ISGS": the named group, not also an
    # unidentified one for the word "militants"
    named = [h for h, r in side_a + side_b if h.ref is not None and r.inter in NON_STATE_ARMED]
    for side in (side_a, side_b):
        side[:] = [(h, r) for h, r in side if not (_groupless(h) and names_group(named, h))]
    side_b.sort(key=lambda i: _score(votes, i, "target"), reverse=True)
    for side, name in ((side_a, "attacker"), (side_b, "target")):
        side.sort(key=lambda i: i[0].kind in DESCRIPTORS)
        _state_leads(side, votes, name)
    roles: list[ActorRole] = []
    for side, (main, assoc) in ((side_a, ("actor1", "assoc1")), (side_b, ("actor2", "assoc2"))):
        for n, (hit, ref) in enumerate(side):
            role: Role = main if n == 0 else assoc  # type: ignore[assignment]
            roles.append(ActorRole(ref, role, Span.of(text, hit.start, hit.end)))
    return roles


def _taking_part(refs: list[Item], event_type: str, text: str) -> list[Item]:
    """Each actor once, at its first phrase, less the phrases that are not a party of their own."""
    first: dict[str, Item] = {}
    foreign = any(r.inter == 8 for _, r in refs)
    for hit, ref in refs:
        if _refers_back(hit, refs, text):
            continue  # "Fulani militiamen attacked X; the villagers routed the assailants"
        if event_type == "Battles" and ref.inter == 7:
            continue  # civilians harmed in a battle are never actors
        if foreign and hit.country is None and hit.alias.lower() in _WEAPON_WORDS:
            continue  # "French forces conducted a drone strike": the drone is theirs
        first.setdefault(ref.name, (hit, ref))
    return list(first.values())


def _score(votes: dict[str, Counter[str]], item: Item, side: str) -> tuple[int, int, int]:
    """How surely an actor is on ``side``: its votes there less the other side's, then named
    groups before generic words, then the first named."""
    hit, ref = item
    other = "target" if side == "attacker" else "attacker"
    return (votes[ref.name][side] - votes[ref.name][other], int(hit.ref is not None), -hit.start)


def _sides(
    ordered: list[Item], votes: dict[str, Counter[str]], event_type: str
) -> tuple[list[Item], list[Item]]:
    """Attackers and targets by their votes; an actor of no told side joins the civilians'
    attackers, or the side of its allies."""
    side_a = [i for i in ordered if _side(votes, i[1].name) == "attacker"]
    side_b = [i for i in ordered if _side(votes, i[1].name) == "target"]
    rest = [i for i in ordered if i not in side_a and i not in side_b]
    if event_type == "Violence against civilians":
        side_b += [i for i in rest if i[1].inter == 7]
        side_a += [i for i in rest if i[1].inter != 7]
        return side_a, side_b
    for item in rest:
        allied = not side_a or (side_b and _allied(_inters(side_a), item[1].inter))
        (side_a if allied else side_b).append(item)
    return side_a, side_b


def _opener_first(side_b: list[Item], mutual: bool) -> tuple[list[Item], list[Item]]:
    """ "militants engaged French forces; the French repelled them", "clashes between Fulani
    herders and Mossi farmers": both read as hit; the one named first opened the fight when
    the other is its enemy."""
    opener = min(side_b, key=lambda i: i[0].start, default=None)
    if opener is not None and any(
        _opposed_refs(opener[1], i[1])
        or (mutual and i is not opener and {opener[1].inter, i[1].inter} <= NON_STATE_ARMED)
        for i in side_b
    ):
        return [opener], [i for i in side_b if i is not opener]
    return [], side_b


def _fought_each_other(side_a: list[Item]) -> tuple[list[Item], list[Item]]:
    """Two armed groups that both attack in a clash: the first named against the others."""
    armed = [
        i
        for i in side_a
        if i[1].inter in NON_STATE_ARMED
        and (i[0].ref is not None or i[0].kind not in {"unidentified", "coref"})
    ]
    if len(armed) < 2:
        return side_a, []
    opener = min(armed, key=lambda i: i[0].start)
    side_b = [i for i in armed if i is not opener and not names_group([opener[0]], i[0])]
    return [i for i in side_a if i not in side_b], side_b


def _state_leads(side: list[Item], votes: dict[str, Counter[str]], name: str) -> None:
    """Mercenaries and missions assist the state they fight for (the Malian army with Wagner);
    a foreign state's army leads its own operations (French and Malian forces), and state
    forces lead the militias that fight beside them ("joint army and VDP units") and their own
    units ("the army and PMF units")."""
    state_forces = [i for i in side if i[1].inter == 1]
    if not side or not state_forces:
        return
    lead = side[0][1]
    whole = next(
        (
            i
            for i in side[1:]
            if side[0][0].ref is not None  # a named unit (not the gendarmerie, a kind of police)
            and i[0].ref is None
            and lead.name.startswith(i[1].name + " ")
        ),
        None,
    )
    if whole is not None:  # "the Iraqi army and PMF units": the forces lead, their unit assists
        side.remove(whole)
        side.insert(0, whole)
        return
    if (lead.inter == 8 and not lead.name.startswith("Military Forces")) or (
        lead.inter in {3, 4}
        and _score(votes, state_forces[0], name)[0] > 0  # the state was in it, not called in
    ):
        side.remove(state_forces[0])
        side.insert(0, state_forces[0])


def distinct_armed(refs: list[tuple[ActorHit, ActorRef]]) -> int:
    """Armed actors the text names, each once: "VDP fighters ... the VDP" is one, and so is
    "Katiba Macina (JNIM) militants" (a group, its coalition, the word for its men)."""
    hits = sorted((h for h, r in refs if r.inter in ARMED), key=lambda h: h.start)
    names = {r.name for _, r in refs if r.inter in ARMED}
    clusters = sum(1 for k, h in enumerate(hits) if k == 0 or not names_group([hits[k - 1]], h))
    return min(len(names), clusters)


def names_group(named: list[ActorHit], word: ActorHit) -> bool:
    """A group's name right before "militants" ("JNIM) militants") or after ("militants of")."""
    return any(0 <= word.start - h.end <= 3 or 0 <= h.start - word.end <= 4 for h in named)


def _opposed(a: int, b: int) -> bool:
    """State or foreign forces (inter 1, 8) and rebels (2) never fight on one side."""
    return (a in STATE_SIDE and b == REBELS) or (b in STATE_SIDE and a == REBELS)


def _opposed_refs(a: ActorRef, b: ActorRef) -> bool:
    """As ``_opposed``; and unnamed gunmen or militants (ACLED's Unidentified Armed Group)
    are never the state's own: "militants and soldiers clashed" fought each other."""
    if _opposed(a.inter, b.inter):
        return True
    unnamed = [r for r in (a, b) if r.name.startswith("Unidentified Armed Group")]
    return len(unnamed) == 1 and bool({a.inter, b.inter} & STATE_SIDE)


MAIN_KIND = {
    ("Protests", "actor1"): "protesters",
    ("Riots", "actor1"): "rioters",
    ("Violence against civilians", "actor2"): "civilians",
    ("Explosions/Remote violence", "actor2"): "civilians",
    ("Strategic developments", "actor2"): "civilians",
}
# where the victims are civilians only when the text makes them so ("women" hit by a blast)
_CIVILIANS_IF_NAMED = {"Explosions/Remote violence", "Strategic developments"}


def _groupless(hit: ActorHit) -> bool:
    """'militants', 'militiamen' with no group of their own: the word for a named group's men
    when it stands beside the name ("Dan Na Ambassagou militiamen")."""
    return hit.kind == "unidentified" or (
        hit.kind in {"ethnic_militia", "communal_militia"} and hit.group is None
    )


def main_actors(
    lead: Span,
    roles: list[ActorRole],
    event_type: str,
    descriptors: set[str],
    actors: ActorDictionary,
    country: str | None,
    on: dt.date | None,
) -> list[ActorRole]:
    """Descriptors (students, farmers) are associated actors of Protesters/Civilians (X), and
    so are the forces an off-duty soldier or police officer belongs to."""
    out = list(roles)
    for (etype, role), kind in MAIN_KIND.items():
        if etype != event_type:
            continue
        mains = [r for r in out if r.role == role]
        if etype in _CIVILIANS_IF_NAMED and not (
            mains and (mains[0].actor.inter == 7 or mains[0].actor.name in descriptors)
        ):  # "port workers" killed by a drone: civilians, and a Labor Group beside them
            continue
        whose = country
        if kind == "civilians" and mains and mains[0].actor.country not in (None, "", country):
            whose = mains[0].actor.country or country  # "Nigerien miners": Civilians (Niger)
        generic = actors.generic(kind, whose, on=on)
        crowds = {
            actors.generic(k, country, on=on).name for k in ("civilians", *MAIN_KIND.values())
        }
        if mains and mains[0].actor.name == generic.name:
            continue
        if mains and mains[0].actor.inter in NON_STATE_ARMED | {8} and kind != "civilians":
            continue  # an armed group's riot keeps its name; mutinous soldiers are rioters
            # (the forces associated); the victims of violence against civilians are civilians,
            # an off-duty soldier among them (ACLED: inter 7)
        if mains and mains[0].actor.name in crowds:
            out = [r for r in out if r is not mains[0]]  # "residents" who protest are protesters
        if kind != "civilians":  # a crowd's other side is the state or an armed group, or no one
            out = [
                ActorRole(r.actor, "assoc1", r.evidence)
                if r.role == "actor2" and r.actor.inter not in ARMED
                else r
                for r in out
            ]
        # anything else in the main role (a union, a party, students) is associated
        assoc: Role = "assoc1" if role == "actor1" else "assoc2"
        evidence = mains[0].evidence if mains else (lead if kind == "civilians" else None)
        out = [ActorRole(r.actor, assoc, r.evidence) if r.role == role else r for r in out]
        if kind != "civilians":  # the "youths" and "residents" beside them are the crowd too
            out = [r for r in out if r.role != assoc or r.actor.name not in crowds]
        if evidence is not None:
            out.insert(0, ActorRole(generic, role, evidence))  # type: ignore[arg-type]
    return out


# words that may open a bracket naming the group: "Dogon militiamen (believed to be Dan Na
# Ambassagou)"
_HEDGE = re.compile(
    r"((believed|thought|suspected|said|reported) to be|presumably|presumed|probably|likely|"
    r"reportedly|possibly|allegedly|i\.e\.|members of|of) ?|",
    re.I,
)


# "unknown gunmen, presumably Fulani militiamen": who the unidentified are believed to be
_IDENTIFIED = re.compile(
    r",?\s*[(\[]?\s*(?:(?:believed|thought|suspected|said|reported|alleged) to (?:be|have been)|"
    r"presumably|presumed|probably|likely|reportedly|possibly|allegedly|identified as|i\.e\.)"
    r"\s+(?:to be\s+)?(?:the\s+)?(?:[A-Z][\w'-]+\s+)?['\"‘“]?$",  # "presumably Guinean Dozos",
    # "(presumably 'jihadists')"
    re.I,
)


def identified(roles: list[ActorRole], text: str) -> list[ActorRole]:
    """Unidentified gunmen the text then identifies, hedged ("unknown gunmen, presumably
    Fulani militiamen", "gunmen, believed to be JNIM militants"): ACLED codes the group named,
    and the unidentified armed group is not coded beside it."""
    out = list(roles)
    for role in roles:
        if role.role not in ("actor1", "actor2") or role.actor.inter != 3:
            continue
        if not role.actor.name.startswith("Unidentified Armed Group"):
            continue
        named = next(
            (
                r
                for r in out
                if r.evidence.start > role.evidence.end
                and r.actor.inter in ARMED
                and r.actor.name != role.actor.name
                and _IDENTIFIED.fullmatch(text[role.evidence.end : r.evidence.start])
            ),
            None,
        )
        if named is not None:
            out = [
                ActorRole(named.actor, r.role, r.evidence) if r is role else r
                for r in out
                if r is not named
            ]
    return out


def parents(
    roles: list[ActorRole], text: str, actors: ActorDictionary, on: dt.date | None
) -> list[ActorRole]:
    """'Ansaroul Islam (JNIM) militants', 'Dogon militiamen (believed to be Dan Na
    Ambassagou)': the group in brackets is the one the first belongs to or is; ACLED names it
    as the actor and the first as associated, unless it codes the member's acts as the
    member's ("Ansar Dine (JNIM)": Ansar Dine, JNIM associated; see ``coalitions``)."""
    out = list(roles)
    for i, role in enumerate(out):
        if role.role not in ("actor1", "actor2") or role.actor.inter not in ARMED:
            continue
        after = text[role.evidence.end : role.evidence.end + 3]
        if not after.startswith(" ("):
            continue
        parent = next(
            (
                r
                for r in out
                if r.evidence.start > role.evidence.end
                and _HEDGE.fullmatch(text[role.evidence.end + 2 : r.evidence.start])
                and r.actor.inter == role.actor.inter
                and text[r.evidence.end : r.evidence.end + 1] == ")"
            ),
            None,
        )
        member = actors.coalition(role.actor, on)
        if parent is not None and member is not None and member[0].name == parent.actor.name:
            continue  # the coalition's member, coded as itself when it is named
        if parent is not None:
            side = role.role[-1]
            out[i] = ActorRole(parent.actor, role.role, role.evidence)
            out.append(ActorRole(role.actor, cast(Role, f"assoc{side}"), role.evidence))
    return out


def coalitions(
    roles: list[ActorRole], actors: ActorDictionary, on: dt.date | None
) -> list[ActorRole]:
    """A member of a coalition is coded as ACLED codes it after it joined: the coalition as
    main actor with the member associated ("Katiba Macina" -> JNIM + Katiba Macina), or the
    member with the coalition associated."""
    out: list[ActorRole] = []
    for role in roles:
        found = actors.coalition(role.actor, on)
        if found is None:
            out.append(role)
            continue
        coalition, coalition_first = found
        side = "1" if role.role in ("actor1", "assoc1") else "2"
        if coalition_first and role.role.startswith("actor"):
            out.append(ActorRole(coalition, role.role, role.evidence))
            out.append(ActorRole(role.actor, cast(Role, f"assoc{side}"), role.evidence))
        else:
            out.append(role)
            out.append(ActorRole(coalition, cast(Role, f"assoc{side}"), role.evidence))
    return out


def distinct(roles: list[ActorRole]) -> list[ActorRole]:
    """An actor holds one role: the first it was given (actor1 before the others)."""
    order = {"actor1": 0, "actor2": 1, "assoc1": 2, "assoc2": 3}
    seen: set[str] = set()
    out: list[ActorRole] = []
    for role in sorted(roles, key=lambda r: order[r.role]):
        if role.actor.name not in seen:
            seen.add(role.actor.name)
            out.append(role)
    return out


def _side(votes: dict[str, Counter[str]], name: str) -> str:
    v = votes[name]
    if v["attacker"] > v["target"]:
        return "attacker"
    if v["target"] > v["attacker"]:
        return "target"
    return "none"


def _inters(items: list[tuple[ActorHit, ActorRef]]) -> set[int]:
    return {r.inter for _, r in items}


# what reports call the forces that police a crowd: ACLED codes them as the police
_SECURITY_FORCES = re.compile(
    r"\b(security forces|defen[cs]e and security forces|fds|forces de l'ordre|"
    r"forces de d[ée]fense et de s[ée]curit[ée])\b",
    re.I,
)


def crowd_sides(
    roles: list[ActorRole],
    sub_type: str,
    actors: ActorDictionary,
    country: str | None,
    on: dt.date | None,
    *,
    answered: bool = True,
) -> list[ActorRole]:
    """The other side of a protest or riot is who answered or was attacked, never what the
    crowd was for or against: "demonstrated against MINUSMA", "in support of the armed
    forces", "anti-government protest" name no actor 2, and a peaceful protest has none.
    "Security forces" that disperse a crowd are the police. ``answered``: the text says the
    crowd was dispersed, arrested or otherwise answered; without that, soldiers who protest or
    mutiny are the crowd itself (its associated actor)."""
    event_type = SUB_TO_TYPE.get(sub_type, "")
    if event_type not in ("Protests", "Riots"):
        return roles
    roles = _crowd_first(roles)
    if sub_type == "Peaceful protest":
        return [r for r in roles if r.role not in ("actor2", "assoc2")]
    # with no country known, no state's forces were named either
    government = actors.generic("government", country, on=on).name if country else None
    police = actors.generic("police", country, on=on) if country else None
    out: list[ActorRole] = []
    crowd = next((r for r in roles if r.role == "actor1" and r.actor.inter in _CROWDS), None)
    for role in roles:
        if (
            crowd is not None
            and role.role in ("actor2", "assoc2")
            and role.actor.inter in _CROWDS
            and _GATHERING.fullmatch(role.evidence.text.strip().lower())
        ):
            continue  # "rioters protest the shooting": the protest is the crowd's own
        if (
            role.role == "assoc1"
            and role.actor.inter == 1
            and role.actor.name != government
            and answered  # forces that dispersed or arrested; else they are the crowd
        ):
            role = ActorRole(role.actor, "assoc2", role.evidence)  # the state faces the crowd
        if role.role in ("actor2", "assoc2"):
            if role.actor.name == government:
                continue
            if event_type == "Protests" and role.actor.inter not in STATE_SIDE - {8}:
                continue
            if (
                police is not None
                and role.actor.inter == 1
                and _SECURITY_FORCES.search(role.evidence.text)
            ):
                role = ActorRole(police, role.role, role.evidence)
        out.append(role)
    if not any(r.role == "actor2" for r in out):
        second = next((r for r in out if r.role == "assoc2"), None)
        if second is not None:
            out = [ActorRole(r.actor, "actor2", r.evidence) if r is second else r for r in out]
    return distinct(out)


_CROWDS = {5, 6}  # rioters, protesters
# words for the gathering, not for the people in it
_GATHERING = re.compile(
    r"(a |the )?(sit-in |street )?(protests?|demonstrations?|sit-ins?|marche?s?|rall(y|ies)|"
    r"riots?|strikes?)"
)
_SWAP: dict[str, Role] = {
    "actor1": "actor2",
    "actor2": "actor1",
    "assoc1": "assoc2",
    "assoc2": "assoc1",
}


def _crowd_first(roles: list[ActorRole]) -> list[ActorRole]:
    """A protest's or riot's crowd is its actor 1 ("police dispersed the protesters"): named as
    actor 2, the two sides change places; named as an associate, the crowd takes actor 1 and
    the former actor 1 faces it."""
    first = next((r for r in roles if r.role == "actor1"), None)
    crowd = next((r for r in roles if r.role != "actor1" and r.actor.inter in _CROWDS), None)
    if crowd is None or (first is not None and first.actor.inter in _CROWDS):
        return roles
    if crowd.role == "actor2":
        return [ActorRole(r.actor, _SWAP[r.role], r.evidence) for r in roles]
    out: list[ActorRole] = []
    for r in roles:
        if r is crowd:
            out.append(ActorRole(r.actor, "actor1", r.evidence))
        elif r is first:
            out.append(ActorRole(r.actor, "actor2", r.evidence))
        elif r.role == "actor2":
            out.append(ActorRole(r.actor, "assoc2", r.evidence))
        else:
            out.append(r)
    return out


def _allied(inters: set[int], inter: int) -> bool:
    """An actor of no told side fights beside actors of its kind, and state or foreign forces
    beside each other ("French and Nigerien forces conducted a mission")."""
    return inter in inters or (inter in STATE_SIDE and bool(inters & STATE_SIDE))


# words for the attacking side itself: "killed two assailants" are the attackers' men
_RELATIONAL = {"assailant", "assailants", "attacker", "attackers", "aggressors", "raiders"}


def _refers_back(hit: ActorHit, refs: list[tuple[ActorHit, ActorRef]], text: str) -> bool:
    """'the assailants', 'the gunmen' after an armed group the text named: that group again;
    so are assailants and attackers by any determiner ("two assailants were killed")."""
    if hit.kind != "unidentified":
        return False
    if (
        text[max(0, hit.start - 4) : hit.start].lower() != "the "
        and hit.alias.lower() not in _RELATIONAL
    ):
        return False
    return any(
        h.start < hit.start and r.inter in NON_STATE_ARMED and h.kind != "unidentified"
        for h, r in refs
    )
