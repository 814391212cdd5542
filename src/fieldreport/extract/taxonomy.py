"""ACLED's event taxonomy: cue words in text (their patterns are ``extract.cues``), and the
choice of one type by precedence.

Cues are found per sentence; an event gathers the cues of all its sentences and ``classify``
picks one (event_type, sub_event_type) with ACLED's precedence (Battles > Protests > Riots >
Explosions/Remote violence > Violence against civilians > Strategic developments) and the rules
for telling neighbouring types apart (ACLED-CODING.md §1).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from fieldreport.extract.cues import CUES

EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": (
        "Government regains territory",
        "Non-state actor overtakes territory",
        "Armed clash",
    ),
    "Protests": (
        "Excessive force against protesters",
        "Protest with intervention",
        "Peaceful protest",
    ),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Explosions/Remote violence": (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    "Violence against civilians": ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}
SUB_TO_TYPE = {sub: etype for etype, subs in EVENT_TYPES.items() for sub in subs}

_W = r"(?<![\w-])"  # word start
COMPILED = {
    name: re.compile(_W + r"(?:" + rx + r")(?![\w])", re.IGNORECASE) for name, rx in CUES.items()
}
# For speed only, the same patterns for ASCII text: CUES are all lower case, and on an ASCII text
# matching while ignoring case is matching its lower-cased copy (same length, same offsets), which
# is faster. _ANY_LOWER is all of them in one alternation: no category matches before the first
# match of _ANY_LOWER, nor anywhere when it finds none.
_LOWER = {name: re.compile(_W + r"(?:" + rx + r")(?![\w])") for name, rx in CUES.items()}
_ANY_LOWER = re.compile(_W + r"(?:" + "|".join(f"(?:{rx})" for rx in CUES.values()) + r")(?![\w])")


def cues_in(text: str) -> dict[str, list[tuple[int, int]]]:
    """Every cue category found in a piece of text, with the offsets of its words."""
    found: dict[str, list[tuple[int, int]]] = {}
    compiled, start = COMPILED, 0
    if text.isascii():
        text = text.lower()
        first = _ANY_LOWER.search(text)
        if first is None:
            return found
        compiled, start = _LOWER, first.start()
    for name, rx in compiled.items():
        hits = [(m.start(), m.end()) for m in rx.finditer(text, start)]
        if hits:
            found[name] = hits
    return found


# what a protest is about: "marched against the killing of a student", "demanding justice for
# two activists assassinated in May". The violence named there is not the protest's own.
GRIEVANCE = re.compile(
    r"\b(against|over|denounc\w*|condemn\w*|in (response|reaction|protest|solidarity) (to|with)|"
    r"justice for|to protest|commemorat\w+|anniversary of|(tribute|homage) to|investigation (of|"
    r"into)|in memory of|in the wake of|after|following|demand\w*|release of|support (for|of)|"
    r"(to )?mark(ing)? (\w+ ){0,3}(years?|months?|anniversary)|"
    r"discontent with|corpses? of|bod(y|ies) of|mourn\w*|call(s|ed|ing)? for|"
    r"to (free|end|stop|halt)(?! (the |their |a )?(march|protest|demonstration|rally|crowd|"
    r"protesters|demonstrators|marchers|gathering|sit-in))|"
    r"(relatives|families|parents|mothers|wives) of)"
    # up to the violence named, not across the forces that answered the protest ("demanding the
    # mayor's resignation, security forces intervened and arrested ninety")
    r"\b(?:(?!(police|security forces|gendarm\w*|soldiers|troops|army) (\w+ ){0,2}(intervened|"
    r"dispersed|fired|arrested|used|broke|blocked|prevented|shot|beat))[^.;:]){0,90}?"
    r"\b(murder\w*|killings?|killed|deaths?|massacres?|assassinat\w+|"
    r"execut(ed|ions?)|attacks?|abduct(ed|ions?)|kidnapp\w+|assault(s|ed)?|raped?|violence|"
    r"fighting|clashes|insecurity|arrests?|arrested|detain(ed|ees?)|detention|shootings?|shot|"
    r"disappear\w*|missing|"
    r"seiz(ed|ure)|confiscat\w+|razed|demolish\w+|hostages?|destroy\w*|bombings?|"
    r"(air ?)?strikes)\b",
    re.I,
)


# protests named as the reason for arrests, not as the event: "arrested a lawyer over his role
# in financing the June demonstrations", "amid a crackdown following rare protests"
PROTEST_PRETEXT = re.compile(
    r"\b((alleged |suspected )?(role|part|involvement|participation) in|financ\w+|fund(ed|ing)|"
    r"organi[sz](ed|ing)|incit\w+|plann(ed|ing)|in connection with|linked to|accused of|"
    r"crackdown (on|following|after|that followed)|(to )?(prepare|plan)s?)\b[^.;:]{0,60}?"
    r"\b(protests?|demonstrations?|marches|rall(y|ies)|riots?|unrest|unlawful (assembly|"
    r"gathering))\b",
    re.I,
)


# violence a deal promises to stop: "pledged to suspend kidnappings", "to halt attacks"
FORSWORN = re.compile(
    r"\b(pledg|promis|agree|vow|commit|undert[oa]k)\w* (\w+ ){0,2}to (suspend|halt|stop|end|"
    r"renounce|cease|refrain from|abandon) (\w+ ){0,3}"
    r"(kidnapp\w+|attacks?|hostilities|abductions?|killings?|violence|fighting|offensives?|"
    r"military operations|arrests|raids?|rustling)\b|"
    # and the captives a deal returns: "return abducted women", "handed over 27 captured soldiers"
    r"\b(return(ed|ing|s)?|releas(ed|es|ing|e)|fre(ed|es|eing|e)|hand(ed|s|ing)? over|"
    r"exchang(ed|es|ing|e)|swap(ped|s|ping)?)(?! of\b) (\w+ ){0,3}"
    r"(abducted|kidnapped|captured|detained|abductees|hostages|captives)\b",
    re.I,
)


# violence named as the reason for arrests: "arrested a former minister in a case filed over the
# killing of a student", "detained over the murder of a trader"
ARREST_PRETEXT = re.compile(
    r"\b(over|for|in connection with|accused of|charged with|suspected of|on charges of|"
    r"linked to|in (a|the) case (filed )?(over|for|into|of))"
    r"( (the|a|an|his|her|their|its|last|this|recent|alleged|suspected|[\w'’]+['’]s)){0,3} "
    r"(killings?|murders?|deaths?|attacks?|assassinations?|kidnappings?|abductions?|rapes?|"
    r"lynching|bombings?|shootings?|massacres?)\b",
    re.I,
)


# the violence a measure answers: "deployed 590 soldiers amid the fighting", "imposed a curfew
# after clashes the previous night"; it was coded as its own event when it happened
MEASURE_CONTEXT = re.compile(
    r"\b(amid|amidst|after|following|in the wake of|in response to|in reaction to|to (curb|stem|"
    r"quell|stop|contain|prevent|end))\b[^.;:]{0,60}?\b(fighting|clashes|violence|attacks?|"
    r"killings?|unrest|insecurity|riots?|hostilities)\b",
    re.I,
)


# a device named as a thing seized, carried or made, not set off: "seized IEDs", "IED planters"
DEVICE_HELD = re.compile(
    r"\b((seiz|recover|confiscat|manufactur|surrender)\w*|found|discovered|equipped with|"
    r"expertise in|arrested|caches? of|handed over|turned over|weapons)\b[^.;:]{0,50}?"
    r"\b(ieds?|explosive devices?|explosives?|grenades?)\b|"
    r"\b(ieds?|explosives?|bombs?) (planters?|makers?|experts?|factor(y|ies)|workshops?)\b",
    re.I,
)


# a backdrop, not the news: "amid a spate of explosive attacks", "amid a wave of killings"
AMID = re.compile(
    r"\bamid(st)? (an? |the )?(recent |growing |deadly )?(spate|wave|series|surge|rise|string|"
    r"upsurge|escalation|number) of\b[^.;:]{0,50}?\b(attacks?|violence|fighting|clashes|"
    r"killings?|bombings?|kidnappings?|abductions?|raids?)\b",
    re.I,
)


# munitions found or seized, not fired: "seized a cache of 40 mortar rounds and rockets"
MUNITIONS_HELD = re.compile(
    r"\b((seiz|recover|confiscat|discover)\w*|found|caches? of)\b[^.;:]{0,80}?"
    r"\b(mortars?( rounds| shells)?|rockets?|missiles?|shells|rpgs?|artillery rounds)\b",
    re.I,
)


# a fight the text says did not happen: "no reports of clashes", "without any combat"
NO_FIGHT = re.compile(
    r"\b(no|without|nor|not|never)\b( \w+){0,3} (clash\w*|fight\w*|combat|confrontations?|"
    r"exchange of fire|resistance|shoot-?outs?|gun ?fights?|fire ?fights?|gun ?battles?|"
    r"shooting|shots?|gunfire)\b",
    re.I,
)


# an answer the text says the crowd did not meet: "there were no arrests", "did not intervene"
NO_INTERVENTION = re.compile(
    r"\b(no|without|not|never|nor|did not|didn't|made no)\b( \w+){0,3} (interven\w*|arrests?|"
    r"arrested|detentions?|detained|dispers\w*)\b",
    re.I,
)


# harm the text says did not happen: "nobody was hurt", "no one was injured", "unharmed"
NO_HARM = re.compile(
    r"\b(no ?(one|body)|none)\b( \w+){0,3} (hurt|injured|wounded|harmed)\b|"
    r"\bwithout (hurting|injuring|wounding|harming)\b|\b(no|without)\b( \w+){0,2} "
    r"(injur(y|ies)|wounded)\b",
    re.I,
)


# a cue word that is part of a place's name: "Hostages Square", "Martyrs' Bridge"
_IN_NAME = re.compile(
    r"[\w'’]*\s+(Square|Street|Avenue|Road|Bridge|Park|Roundabout|Circle|Boulevard|Stadium|"
    r"Memorial|Monument|Plaza)\b"
)


def without_grievances(
    text: str, found: dict[str, list[tuple[int, int]]]
) -> dict[str, list[tuple[int, int]]]:
    """A sentence's cues less the words of a place's name ("Hostages Square"), the violence a
    protest protests against (GRIEVANCE), the protests and the violence named as the reason for
    arrests (PROTEST_PRETEXT, ARREST_PRETEXT), the violence a measure answers (MEASURE_CONTEXT),
    the violence a deal forswears and the captives it returns (FORSWORN), the devices and
    munitions that were only seized or carried (DEVICE_HELD, MUNITIONS_HELD) and the fights,
    harm and arrests that did not happen (NO_FIGHT, NO_HARM, NO_INTERVENTION)."""
    drop: list[tuple[set[str], list[tuple[int, int]]]] = []
    in_names = [
        (a, b)
        for hits in found.values()
        for a, b in hits
        if text[a : a + 1].isupper() and _IN_NAME.match(text, b)
    ]
    drop.append((set(found), in_names))
    if "protest" in found:
        grievances = list(GRIEVANCE.finditer(text))
        drop.append((_GRIEVABLE, [m.span() for m in grievances]))
        # "in solidarity with two teachers assaulted": not the crowd's violence; but what
        # comes "after" may be the crowd's own ("after students set police stations on fire")
        drop.append(({"riot_violence"}, [m.span() for m in grievances if not _AFTER.match(m[0])]))
    drop.append((_GRIEVABLE, [m.span() for m in FORSWORN.finditer(text)]))
    if "arrest" in found and "protest" in found:
        drop.append(({"protest"}, [m.span() for m in PROTEST_PRETEXT.finditer(text)]))
    if "arrest" in found:
        pretexts = [m.span() for m in ARREST_PRETEXT.finditer(text)]
        drop.append((_GRIEVABLE - {"arrest", "intervention"}, pretexts))
    measures = [a for name in ("change", "restrict") for a, _ in found.get(name, [])]
    if measures:  # the context after the measure, not before it ("after clashes, ... deployed")
        context = [m.span() for m in MEASURE_CONTEXT.finditer(text) if m.start() > min(measures)]
        drop.append((_GRIEVABLE | {"riot_violence", "police_fight"}, context))
    if found.keys() & {"ied", "grenade"}:
        drop.append(({"ied", "grenade"}, [m.span() for m in DEVICE_HELD.finditer(text)]))
    if "disrupted" in found and "shelling" in found:  # "seized a cache of mortar rounds"
        drop.append(({"shelling"}, [m.span() for m in MUNITIONS_HELD.finditer(text)]))
    # the violence a sentence sets its news against: "The discovery came amid a spate of attacks"
    drop.append((_GRIEVABLE, [m.span() for m in AMID.finditer(text)]))
    if found.keys() & _FIGHTS:  # "No clashes with security forces were reported"
        drop.append((_FIGHTS, [m.span() for m in NO_FIGHT.finditer(text)]))
    if "harm" in found:
        drop.append(({"harm"}, [m.span() for m in NO_HARM.finditer(text)]))
    if found.keys() & {"arrest", "intervention"}:
        drop.append(
            ({"arrest", "intervention"}, [m.span() for m in NO_INTERVENTION.finditer(text)])
        )
    for names, spans in drop:
        if spans:
            found = _drop_within(found, names, spans)
    return found


def without_past(
    found: dict[str, list[tuple[int, int]]], spans: list[tuple[int, int]]
) -> dict[str, list[tuple[int, int]]]:
    """A sentence's cues less the violence of a past the sentence only mentions ("the grave
    of Zongo, who was killed in 1998": ``spans``)."""
    return _drop_within(found, _GRIEVABLE, spans) if spans else found


def _drop_within(
    found: dict[str, list[tuple[int, int]]], names: set[str], spans: list[tuple[int, int]]
) -> dict[str, list[tuple[int, int]]]:
    out: dict[str, list[tuple[int, int]]] = {}
    for name, hits in found.items():
        if name in names:
            # a cue that begins inside the span is the span's ("seized their tricycles")
            hits = [h for h in hits if not any(a <= h[0] < b for a, b in spans)]
        if hits:
            out[name] = hits
    return out


ARMED_TARGET = re.compile(
    r"\b(posts?|positions?|camps?|bases?|checkpoints?|barracks|convoys?|patrols?|brigades?|"
    r"detachments?|units?|garrisons?|outposts?|escorts?|soldiers?|troops|gendarmes?|policem[ae]n|"
    r"police officers?|militiam[ae]n|fighters?|militants?|combatants?|volunteers?|vdp|"
    r"self-defen[cs]e|dozos?|koglweogo|police station|gendarmerie|military|army|customs|"
    r"guards?|eco-?guards?|bodyguards?|guard corps|rangers?|ranger stations?|guard posts?|"
    r"commanders?|"
    r"peacekeepers?)\b",
    re.I,
)
# words that make an armed-sounding target unarmed: "a teacher suspected of being a militant",
# "an ICRC convoy", "a mining company convoy", "the convoy of a deputy", "a retired soldier"
NOT_ARMED = re.compile(
    r"\b((suspected|accused|alleged) of\b.*|(icrc|ngo|humanitarian|aid|relief|medical|civilian|"
    r"commercial|merchants?|traders?|fuel|trucks?|wedding|company|companies|mining|construction|"
    r"electoral|election) (\w+ )?convoys?|"
    r"convoys? of (an? |the |several |some )?(\w+ )?(deputy|deputies|mps?|members? of parliament|"
    r"mayors?|ministers?|officials?|governors?|prefects?|sub-prefects?|traders|merchants|"
    r"civilians|pilgrims|passengers|trucks|vehicles|buses|(\w+ )?compan(y|ies))\b|"
    r"(retired|former) \w+|(hunting|fishing|mining|gold|tourist|nomad) camps?)",
    re.I,
)
CIVILIAN_TARGET = re.compile(
    r"\b(villages?|hamlets?|settlements?|villagers|civilians?|markets?|schools?|churches|church|"
    r"mosques?|houses|homes|residences?|residential|neighbou?rhoods?|apartments?|hotels?|"
    r"restaurants?|"
    r"bus|buses|passengers|travell?ers|traders|merchants|farmers|herders|women|children|"
    r"residents|inhabitants|worshippers|teachers|students|pupils|off-duty|family|families|"
    r"chief|imam|pastor|councill?or|mayor|health workers|aid workers|displaced)\b",
    re.I,
)

VIOLENT = {
    "clash",
    "ambush",
    "attack",
    "abduct",
    "sexual",
    "suicide",
    "air",
    "shelling",
    "chemical",
    "ied",
    "grenade",
    "mob",
    "take_territory",
    "retake",
}
_GRIEVABLE = VIOLENT | {"death", "harm", "targeted_killing", "arrest", "intervention", "looting"}
_FIGHTS = {"clash", "police_fight", "riot_violence", "attack", "shooting", "ground"}
_AFTER = re.compile(r"(after|following|in the wake of)\b", re.I)
EVENTFUL = VIOLENT | {
    "protest",
    "riot_violence",
    "looting",
    "arrest",
    "disrupted",
    "agreement",
    "base",
    "transfer",
    "other",
    "restrict",
    "shooting",  # "opened fire on", "fired into a crowd"
}


@dataclass(frozen=True, slots=True)
class Sides:
    """What the actors tell the classifier: who attacks, who is hit."""

    attacker_state: bool = False
    attacker_armed: bool = False
    target_armed: bool = False
    target_militia: bool = False  # a rebel or militia member is hit (never a civilian to ACLED)
    target_civilian: bool = False
    protesters: bool = False
    crowd: bool = False  # only unorganised people (students, traders, youths, rioters) involved
    rioters: bool = False
    armed_present: bool = False  # gunmen, militants, soldiers named anywhere in the event
    crowd_attacks: bool = False  # protesters or rioters are the ones who attack
    people_attack: bool = False  # those who attack are people, no armed organisation
    attacker_foreign: bool = False  # another state's forces, where it happened


def classify(cues: Iterable[str], sides: Sides) -> tuple[str, str] | None:
    """One (event_type, sub_event_type) for a set of cue names, or None for no event."""
    found = set(cues)
    for rule in (
        _battles_territory,
        _protests,
        _riots,
        _mishap,
        _explosions,
        _battles,
        _civilians,
        _strategic,
    ):
        result = rule(found, sides)
        if result:
            return result
    return None


def _battles_territory(found: set[str], sides: Sides) -> tuple[str, str] | None:
    if {"take_territory", "transfer"} <= found and not found & {
        "clash",
        "attack",
        "ambush",
        "death",
        "harm",
        "shooting",
    }:
        return "Strategic developments", "Non-violent transfer of territory"  # "without a fight"
    if "retake" in found and sides.attacker_state:
        return "Battles", "Government regains territory"
    if (
        "take_territory" in found
        and sides.attacker_armed
        and (not sides.attacker_state or sides.attacker_foreign)  # ACLED: "or foreign forces"
        and (found & {"clash", "attack", "ambush"} or "transfer" not in found)
    ):  # a town "seized" by an armed group was taken by force unless said otherwise
        return "Battles", "Non-state actor overtakes territory"
    return None


def _protests(found: set[str], sides: Sides) -> tuple[str, str] | None:
    if "protest" not in found and (not sides.protesters or found & {"abduct", "sexual"}):
        return None  # "gunmen snatched a protest organiser": violence against a protester
    if "mutiny" in found and "clash" not in found:
        return "Riots", "Violent demonstration"  # soldiers' protests with shots are riots
    if sides.crowd_attacks and found & {"attack", "harm"}:
        return "Riots", "Violent demonstration"  # "demonstrators attacked police stations"
    if "death" in found and found & {"attack", "shooting"} and not found & {"riot_violence"}:
        return "Protests", "Excessive force against protesters"
    if found & {"riot_violence", "looting"}:
        return "Riots", "Violent demonstration"  # protesters who burn or loot riot
    if "clash" in found and not sides.armed_present:
        return "Riots", "Violent demonstration"  # a protest that turns into clashes
    if "intervention" in found or "arrest" in found:
        return "Protests", "Protest with intervention"
    if found & (VIOLENT - {"mob"}) and not sides.protesters:
        return None  # "protest" said of something else in a violent report
    return "Protests", "Peaceful protest"


def _riots(found: set[str], sides: Sides) -> tuple[str, str] | None:
    if "mob" in found:
        return "Riots", "Mob violence"
    if (
        "suspect" in found  # the armed men named may be the suspects the crowd caught
        and found & {"attack", "harm", "death"}
        and not sides.attacker_armed
    ):
        return "Riots", "Mob violence"  # "villagers beat to death a man suspected of theft"
    if (
        sides.people_attack
        and "people" in found  # residents, villagers, a crowd: not "two individuals shot"
        and found & {"attack", "harm", "death"}
        and not found & {"weapons", "protest"}
        and not (sides.attacker_armed or sides.armed_present or sides.target_armed)
    ):
        return "Riots", "Mob violence"  # "residents went door to door, beating a man to death"
    if "mutiny" in found and found & {"riot_violence", "looting"} and "clash" not in found:
        return "Riots", "Violent demonstration"  # mutinous soldiers fire in the air and loot
    if {"police_fight", "street_violence", "people"} <= found and not sides.armed_present:
        return "Riots", "Violent demonstration"  # stones and tyres against the police: a riot
    if (
        "clash" in found
        and "people" in found
        and "weapons" not in found
        and not (sides.attacker_armed or sides.armed_present or sides.target_militia)
    ):
        return "Riots", "Mob violence"  # residents, students, rival camps fight: no armed group
    if sides.crowd and found & {"clash", "attack", "abduct", "riot_violence", "looting"}:
        return "Riots", "Mob violence"  # violence by people who are not an armed organisation
    if (
        "riot_violence" in found
        and not sides.attacker_armed
        and not (sides.armed_present and "protest" not in found)  # gunmen who ransack: no riot
        and not found & {"clash", "ambush", "air", "shelling", "ied", "suicide"}
    ):
        # a crowd that burns a home with no demonstration of its own: mob violence
        mob = (
            {"people", "looting"} <= found
            and not found & {"protest", "police_fight", "grievance"}
            and not sides.protesters
        )
        return "Riots", "Mob violence" if sides.crowd or mob else "Violent demonstration"
    if sides.rioters and found & (VIOLENT | {"riot_violence", "looting"}):
        return "Riots", "Violent demonstration" if "protest" in found else "Mob violence"
    if (
        {"riot_violence", "intervention", "people"} <= found
        and not found & {"clash", "attack", "harm", "weapons", "arrest"}
        and not sides.armed_present
    ):
        return "Riots", "Violent demonstration"  # police tear-gas supporters burning tyres
    return None


def _mishap(found: set[str], sides: Sides) -> tuple[str, str] | None:
    if "mishap" in found and not found & {"clash", "ambush", "suicide"}:
        return "Strategic developments", "Disrupted weapons use"  # killed its planter only
    return None


def _explosions(found: set[str], sides: Sides) -> tuple[str, str] | None:
    if "disrupted" in found and not found & {"death", "clash"}:
        return None  # a defused device is a strategic development
    if found & {"clash"} and not found & {"suicide", "ied"}:
        return None  # an air strike or shelling during a ground battle is a battle
    if _on_the_ground(found) and (sides.target_armed or sides.attacker_state):
        return None  # a strike or a blast with gunfire or troops on the ground: Battles
    if "ambush" in found and found & {"clash", "attack"}:
        return None  # a complex ambush opened by a mine is still a battle
    for cue, sub in (
        ("chemical", "Chemical weapon"),
        ("air", "Air/drone strike"),
        ("suicide", "Suicide bomb"),
        ("shelling", "Shelling/artillery/missile attack"),
        ("ied", "Remote explosive/landmine/IED"),
        ("grenade", "Grenade"),
    ):
        if cue in found:
            return "Explosions/Remote violence", sub
    return None


def _on_the_ground(found: set[str]) -> bool:
    """Gunfire on the ground, or troops on it beside anything but an air strike: an air strike
    with a combing operation and no exchange of fire is still an air strike."""
    return "ground" in found or ("operation" in found and "air" not in found)


def _property_only(found: set[str]) -> bool:
    """An attack that only destroyed or took things: ACLED's Looting/property destruction."""
    return "looting" in found and not found & {
        "death",
        "harm",
        "abduct",
        "sexual",
        "clash",
        "shooting",
    }


def _battles(found: set[str], sides: Sides) -> tuple[str, str] | None:
    if "clash" in found:
        return "Battles", "Armed clash"
    if "disrupted" in found and not found & {"death", "harm", "attack", "ambush", "shooting"}:
        return None  # rockets found in a truck at a checkpoint: no fight
    if (
        _on_the_ground(found)
        and found & {"air", "shelling", "suicide", "ied", "grenade"}
        and (sides.target_armed or sides.attacker_state)
    ):
        return "Battles", "Armed clash"  # combined air-ground operations, complex attacks
    if "defense" in found and found & {"attack", "ambush"} and not sides.crowd:
        return "Battles", "Armed clash"  # "village self-defense repelled the attack"
    if "unmanned" in found and _property_only(found) and "ambush" not in found:
        return None  # "attacked the police station while it was unmanned and burned it"
    if (
        (found & {"attack", "ambush"} or ("harm" in found and sides.attacker_armed))
        and sides.target_armed
        and not sides.target_civilian
        and "unarmed" not in found  # an off-duty soldier at home cannot fight back
        and ("execution" not in found or "ambush" in found)  # nor an executed officer
    ):
        return "Battles", "Armed clash"
    if "ambush" in found and not sides.target_civilian and "unarmed" not in found:
        return "Battles", "Armed clash"
    if (
        sides.target_militia
        and not sides.target_civilian
        and "unarmed" not in found  # "a volunteer fighter on his farmland (assumed off-duty)"
        and found & {"attack", "targeted_killing", "abduct", "death", "harm"}
    ):
        return "Battles", "Armed clash"  # militants "executed a JNIM member", "abducted Dozos"
    return None


def _civilians(found: set[str], sides: Sides) -> tuple[str, str] | None:
    if "sexual" in found:
        return "Violence against civilians", "Sexual violence"
    if "abduct" in found:
        if found & {"death", "harm", "shooting"}:  # killed, hurt or shot at while kidnapped
            return "Violence against civilians", "Attack"
        return "Violence against civilians", "Abduction/forced disappearance"
    if _property_only(found) and "ambush" not in found:
        return None  # polling booths burned, a vehicle taken, no one hurt: property destruction
    if (
        "arrest" in found
        and sides.attacker_state
        and not found & {"death", "harm", "shooting", "abduct", "sexual", "looting"}
    ):
        return None  # "troops detained 15 people in a raid": the state's arrests
    if (
        found & {"attack", "ambush", "take_territory"}
        or ("death" in found and found & (VIOLENT | {"looting"}))  # killed, and robbed
        or ("harm" in found and sides.attacker_armed)  # "militiamen wounded a herdsman"
        or ("harm" in found and "weapons" in found)  # "armed youths" who hurt people
    ):
        return "Violence against civilians", "Attack"
    if "arrest" in found and sides.attacker_armed and not sides.attacker_state:
        return "Violence against civilians", "Abduction/forced disappearance"
    return None


def _strategic(found: set[str], sides: Sides) -> tuple[str, str] | None:
    order = (
        ("disrupted", "Disrupted weapons use"),
        ("looting", "Looting/property destruction"),
        ("agreement", "Agreement"),  # prisoners freed under a deal: the deal, not arrests
        ("arrest", "Arrests"),
        ("base", "Headquarters or base established"),
        ("transfer", "Non-violent transfer of territory"),
        ("restrict", "Change to group/activity"),
        ("other", "Other"),
        ("change", "Change to group/activity"),
    )
    for cue, sub in order:
        if cue in found:
            return "Strategic developments", sub
    return None
