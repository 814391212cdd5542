"""ACLED's event taxonomy: cue words in text, and the choice of one type by precedence.

Cues are found per sentence; an event gathers the cues of all its sentences and ``classify``
picks one (event_type, sub_event_type) with ACLED's precedence (Battles > Protests > Riots >
Explosions/Remote violence > Violence against civilians > Strategic developments) and the rules
for telling neighbouring types apart (ACLED-CODING.md §1).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

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
CUES: dict[str, str] = {
    "clash": r"(?<!no )(?<!without )clash\w*|fighting|fought|battl\w+|firefights?|gun ?fights?|"
    r"skirmish\w*|exchanges? of (gun)?fire|(exchang|trad)(ed|ing) (gun ?)?fire|shoot-?outs?|"
    r"gun ?battles?|"
    r"engaged (in )?(combat|fighting)|repel+\w*|repuls\w+|"
    r"counter-?attack\w*|combats?|affrontements?|accrochages?|heurts|routed|fought back|"
    r"returned fire|retaliated|riposte\w*|respond(ed|ing) to the (attack|assault|incursion)|"
    r"defend(ed|ing) (the|their) (village|town|locality|hamlet)",
    "ambush": r"ambush\w*|embuscade\w*|ensnare\w*",
    "attack": r"beat(en|ing)?( up)?|whipp\w+|flogg\w+|harass\w+|"
    r"attack\w*|raid\w*|assault\w*|storm(ed|ing)|opened fire|shot|shoot\w*|gunned down|"
    r"fired ((gun)?shots )?(at|on|upon|against)|(gun ?shot|stab)[- ]?wounded|strangled|"
    r"(targeted|hit|struck) (\w+ ){0,3}(with|by) (gun)?fire|found (dead|murdered|killed|executed|"
    r"beheaded|slaughtered)|decapitat\w+|captured(?! (the )?(towns?|city|cities|villages?|"
    r"localit(y|ies)|communes?|districts?|hamlets?|capital))|"
    r"killed|killing|kills|massacr\w+|execut\w+|murder\w*|slaughter\w*|behead\w*|"
    r"stabb\w+|hacked|burned alive|burn(ed|t) (\w+ ){1,3}alive|torture\w*|beat(en)? to death|"
    r"assassinat\w+|"
    r"attaqu\w+|tu[ée]s?|abattu\w*",
    "abduct": r"forced disappearances?|disappeared|kidnap\w*|abduct\w*|hostages?|taken captive|"
    r"(took|taken) (\w+ ){0,3}to an unknown (destination|location)|"
    r"seized \w+ (people|civilians|villagers|passengers|traders)|enlev\w+|otages?",
    "sexual": r"rap(ed|e|es|ing)|sexual(ly)? (violence|assault\w*|abus\w+)",
    "suicide": r"suicide (bomb\w*|attack\w*|car|vehicle|vest|blast)|svbied|kamikaze",
    "air": r"air ?strikes?|air ?raids?|drone (strikes?|attacks?)|drones? (struck|hit|targeted|"
    r"bombed)|aerial (bombardment|strikes?|attacks?)|bombed from the air|(helicopter|aircraft|"
    r"jets?|warplanes?) (struck|bombed|fired|targeted|strafed)|frappes? a[ée]riennes?|"
    r"(aircraft|aircrafts|jets?|drones?|helicopters?|air force) (\w+ ){0,4}(carried out|conducted) "
    r"(\w+ ){0,2}strikes",
    "shelling": r"shell(ed|ing|s)|mortars?|artillery|rockets? (fire|attack\w*|struck|hit|landed)|"
    r"missiles?|obus|fired (\w+ ){0,2}rockets?|rocket (barrages?|fire|attacks?)|rpgs?|"
    r"rocket-propelled grenades?",
    "ied": r"ieds?|improvised explosive|land ?mines?|mines? (exploded|blast|explosion)|"
    r"(hit|struck|ran over|triggered) (a|an) (land ?)?mine|roadside bomb|explosive devices?|"
    r"car bomb|bomb (exploded|blast|went off)|engins? explosifs?|roadside explosives?|"
    r"blew up|(detonated|exploded|blown up) (a|the) bridge|bomb(ing| attacks?)|"
    r"(the|an|a|twin) ([\w-]+ ){0,3}(explosions?|blasts?)|(device|bomb|mine) (went off|exploded)|"
    r"mine detonations?|set off (\w+ ){0,2}explosives",
    "grenade": r"grenades?",
    "protest": r"protest(?!ant)\w*|demonstrat\w+|marche[ds]?|"
    r"the march (of|to|towards|through|on)|"
    r"(started|began|observ\w+|went on|launched|staged) (an? |their )?(\w+[- ]){0,3}"
    r"(strike|work stoppage)|"
    r"march(ed|ing) (through|in|to|on|against)|rall(y|ies|ied)|sit[- ]?ins?|manifest\w+|"
    r"took to the streets|rassembl\w+|"
    r"gathered (to|in front)|strike action|(staged|held|organi[sz]ed|led) an? (\w+ )?(march|"
    r"rally|sit-in|protest|demonstration)|marches? (was|were) held|an? march (to|through|in|"
    r"against|from)|picket\w*",
    "riot_violence": r"riot\w*|burn(ed|ing|t) (\w+ )?(tyres|tires)|barricad\w+|vandali[sz]\w+|"
    r"arson|smash(ed|ing)|set(ting)? (\w+ ){1,3}on fire|setting fire|(threw|throwing|"
    r"hurled) (stones|rocks|projectiles)|ransack\w+|pelted|clashed with (police|"
    r"security forces|gendarmes)|set fire|torch\w+|looted|pneus|road ?blocks?|block(ed|ing) "
    r"([\w'’]+ ){0,3}(road|roads|street|streets|traffic|highway|route|rn\d+)|violent (protests?|"
    r"demonstrations?)|clash\w* (\w+ ){0,3}(police|security forces|gendarmes|soldiers)|"
    r"assaulted|machetes|stoned|turned (violent|deadly|into (a )?(riots?|clash\w*))|"
    r"plunder\w*|went on (the|a) rampage|(fired|firing) ((gun)?shots )?(in|into) the air|"
    r"threw stones|"
    r"stones (were )?thrown|blockades?|fir(ed|ing) (their )?(guns|weapons)|"
    r"prevent\w* (an? |the )?(\w+ ){0,2}(patrol|convoy|troops|soldiers|peacekeepers) from",
    "harm": r"wound\w*|injur\w*|hurt|maim\w*|hospitali[sz]\w+|bless[ée]s?|assaulted|"
    r"beat(en)? (up|him|her|them)|(were|was) beaten|beat (\w+ ){0,3}(m[ae]n|wom[ae]n|people|"
    r"villagers|residents|civilians|herders|pastoralists|farmers|children|boys?|girls?)\b|"
    r"tortur\w+|whipp\w+|flogg\w+|(mal|mis|ill-)treat\w*",
    # shots at people or their vehicle: more than property taken, even when no one was hit
    "shooting": r"opened fire (on|at|against|upon|into)|fired (\w+ ){0,2}(at|on|upon|against|into)|"
    r"shot at",
    "ground": r"small[- ]arms?( fire)?|gunfire|gunshots|assault\w*|storm(ed|ing)|commandos?|"
    r"ground (operations?|troops|forces|assault|offensive|attack)|air-?ground|air-supported|"
    r"combined air|fired back|returned fire|responded with (\w+ ){0,2}fire|combing operations?|"
    r"sweep(ing)? operations?|complex (\w+ )?attacks?",
    # the attacked fought back: whoever they are, the attack became a fight
    "defense": r"repel\w*|repuls\w*|responded to the (attack|assault|assailants|incursion|raid)s?|"
    r"fought back|fend(ed)? off|returned fire|retaliated|riposted",
    "targeted_killing": r"assassinat\w+|execut\w+|murder\w*|summar(il)?y|extra-?judicial\w*",
    "execution": r"execut\w+|summar(il)?y|extra-?judicial\w*",  # of a captive: no fight
    "unarmed": r"off-duty|off duty|unarmed|not on duty|on leave|retired|"
    r"on (his|their) farm(land)?s?|at (his|their) homes?|in (his|their) homes?|in civilian clothes",
    "unmanned": r"unmanned|deserted|abandoned|(was|were) empty",
    "intervention": r"tear ?gas|dispers\w+|arrested|detained|rubber bullets|water cannons?|"
    r"baton\w*|lacrymog\w+|intervened|intervening|(police|gendarmes|soldiers|troops|army|"
    r"forces) interven(e|es)\b|broke up|blocked them|deterred|interrupt\w* (the|their) "
    r"(protest|demonstration|march|sit-in|gathering|rally)|"
    r"(was|were) prevented|prevented (them|the (protesters|demonstrators|marchers))",
    # unorganised people, and the weapons that make a fight between communities a battle
    "people": r"youths?|students|pupils|residents|locals|traders|vendors|shopkeepers|supporters|"
    r"crowds?|rioters|fans|worshippers|passers-?by|merchants|miners|villagers|families|"
    r"activists|inhabitants|neighbou?rs|relatives|brotherhoods|(two|rival|opposing) groups|"
    r"youngsters|opponents|partisans|(two|rival|opposing) (camps|factions|clans)|"
    r"(opposing|rival) (\w+ )?(groups|factions|camps|supporters)",
    "weapons": r"firearms|guns|rifles?|machetes|blade(d)? weapons|knives|armed (\w+ )?(youths?|"
    r"men|residents|villagers|people|groups?)",
    # soldiers in mutiny now ("mutinying soldiers", "mutineers"), not "after the 2011 mutiny"
    "mutiny": r"(?<!former )mutin(ied|ying|ous|eers?)|(ongoing|their|its) mutiny|mutiny (by|of)",
    "mob": r"\bmob\b|mobs|lynch\w*|angry (crowd|youths|residents)|mob justice|"
    r"jungle justice",
    "looting": r"loot\w*|pillag\w+|burn(ed|t|ing) (down )?(\w+ ){0,2}(houses|homes|huts|granar\w+|"
    r"shops|market|village|school|vehicles?|church|mosque|materials?|motorbikes?|trucks?|"
    r"equipment|offices?|town hall|antennas?|crops|fields|machines|machinery|tractors?)|"
    r"set fire to|torch\w+|seiz\w+ (\w+ ){0,3}(heads of )?(vehicles?|trucks?|livestock|cattle|"
    r"animals|motorbikes?|goods|supplies|property|belongings|food|cars?|phones|money|herds?|"
    r"flocks?|tricycles?|ruminants|sheep|goats|camels|millet|rice|grain|"
    r"foodstuffs?|medicines?|medical supplies|fuel|cash|ballots?|urns|(voting|election|"
    r"electoral) (material|equipment|kits))|"
    r"stripp\w+ (\w+ ){0,3}of (their |his |her |its )?(\w+ ){0,2}(belongings|money|cash|"
    r"valuables|phones|motorbikes?|possessions|goods|effects|furnishings)|extort\w*|"
    r"(vehicles?|trucks?|cars?|ambulances?|motorbikes?|goods) (was |were )?seized by|"
    r"(church|churches|school|schools|houses|homes|huts|trucks?|vehicles?|shops|town hall|"
    r"granar\w+) (was |were )?(reportedly )?(burned|burnt|torched|set ablaze|set on fire)|"
    r"destroy\w*|stole|steal\w*|rustl\w+|carried off|sabotag\w+|vandali[sz]\w+|"
    r"incendi\w+|razed|ransack\w+|rob(bed|bing|bery|beries)|carjack\w*|set ablaze|"
    r"(burn(ed|t)|set fire to|torched) (it|them)(?! alive)( down)?|"
    r"burn(ed|t|ing) (down )?(\w+ ){0,3}(ballot boxes|poll(ing)? booths|cars|hamlets?|villages?|"
    r"tents|documents|carts|boats|sheds|supplies|stalls|buildings?|property|police stations?|"
    r"stations?|tyres|tires|stores?)|"
    r"seiz\w+ (\w+ ){0,3}(carts|documents|boats|motorcycles|bicycles|herds?|sheep|goats|camels)|"
    r"stripped (\w+ ){0,3}of (their|his|her) (belongings|goods|property)|"
    # burning any thing named with an article or a number ("burned two fuel tankers", "burned a
    # field"), not people ("burned alive", "burned to death") nor a protest's flag or effigy
    r"burn(ed|t)(?! (alive|to death))( down)? (the|a|an|his|her|their|its|several|many|some|all|"
    r"\d+|two|three|four|five|six|seven|eight|nine|ten|dozens of|hundreds of) "
    r"(?!([\w-]+ )?(flags?|effig\w+|berets?|portraits?)\b)[\w-]+|"
    r"seiz\w+ (\w+ ){0,3}(donkeys|horses|oxen|voter cards|ballots?|ballot boxes|electoral "
    r"material|harvests?|grain|crops|fuel|gold|cash)",
    "arrest": r"arrest\w*|detain\w*|apprehend\w*|taken into custody|interpell\w+",
    "disrupted": r"defus\w+|neutrali[sz]\w+ (an?|the|two|several|\d+) (ied|explosive|device|bomb)|"
    r"dismantl\w+ (an?|the) (ied|explosive)|seiz\w+ (\w+ ){0,2}(weapons|arms|"
    r"ammunition|explosives)|arms cache|weapons cache|intercept\w+ (\w+ ){0,3}(weapons|arms|"
    r"ammunition|explosives?|ieds?|explosive devices?|drones?|missiles?|rockets?|bombs?)|"
    r"shot down (a|an|"
    r"the) drone|(ieds?|explosive devices?|bombs?|mines?) (was|were) (found|discovered|detected|"
    r"uncovered|destroyed)|(discover|uncover|detect|recover|destroy|dismantl)\w* (?!by )"
    r"(\w+ ){0,3}(ieds?|improvised explosive devices?|explosive devices?|land ?mines?|bombs?)|"
    r"(ied|bomb)-making",
    # a device that goes off in its planter's hands (Disrupted weapons use)
    "mishap": r"(while|when|in the process of) (\w+ ){0,3}(planting|laying|placing|handling|"
    r"manipulating|making|assembling|transporting|installing) (\w+ ){0,3}(ieds?|mines?|bombs?|"
    r"explosives?|explosive devices?)|premature(ly)? (explosion|detonation|blast|explod\w+|"
    r"detonat\w+)",
    "agreement": r"agreements?|cease-?fire|truce|peace (deal|accord|talks)|signed an?|"
    r"(released|freed|handed over) (\w+ ){0,3}(hostages?|prisoners?|detainees|captives"
    r"|abductees|soldiers)|prisoner exchange|surrender\w*|negotiat\w+ (the|a) "
    r"(release|withdrawal|truce)",
    "base": r"(established|set up|setting up|installed) (a |their |its )?(base|camp|headquarters)",
    "transfer": r"without (a fight|resistance|fighting)|withdr(ew|awn) from|handed over|"
    r"took control of the (town|city|village|locality) after (the army|troops|"
    r"soldiers) (left|withdrew)",
    "change": r"join(s|ed|ing)? |assumed (the )?leadership|closure|suspend\w+|banned|"
    r"prohibit\w+|imposed|"
    r"deploy\w+|reinforcements?|curfew|recruit\w*|defect\w*|state of emergency|"
    r"announced the (creation|formation)|patrol\w*|joined (the|forces)|relocat\w+",
    "other": r"coup( d'[ée]tat)?|mass graves?|bodies (were|had been) (found|discovered|exhumed)|"
    r"displac\w+|fled (their|the) (homes|village)|"
    r"(closed|shut) down (\w+ ){0,3}(schools?|mosques?|churches|markets?|health cent(er|re)s?|"
    r"town halls?|courts?)|threaten\w* (\w+ ){0,3}(villagers|residents|population|voters|"
    r"teachers|locals|inhabitants|election (workers|officials|agents))|ultimatum|"
    # an armed group's rule over people: bans, dress codes, roadblocks, summons, expulsions
    r"(prohibit\w*|banned|forbade|forbidden) (\w+ ){0,3}(from|farming|alcohol|music|"
    r"weddings?|markets?|smoking|trade|travel)|imposed (on )?(\w+ ){0,4}(veils?|dress codes?|"
    r"sharia|islamic law|zakat|taxes)|(ran|running|held|holding|set up|setting up|erected|"
    r"manned|manning) (an? )?(fake |illegal |makeshift |mobile )?checkpoints?|identity checks|"
    r"summoned (the )?(villagers|residents|population|inhabitants|people)|ordered (\w+ ){0,3}"
    r"(to leave|the closure|to close|to pray)",
    # measures that restrict a population: ACLED's change to group/activity
    "restrict": r"curfews?|state of emergency|(imposed|lifted|maintained) (an? |the )?(\w+ )?"
    r"blockades?|under (a )?blockade|encircled (the )?(village|town|locality|mosque)",
    # territory, not a camp overrun for a night nor fighters taken prisoner
    "take_territory": r"(seized|took|taken|seizing|taking|gained|gaining) control of(?! (the |an? |"
    r"their |its )?(\w+ )?(barracks|camps?|bases?|posts?|checkpoints?|positions?|detachments?))|"
    r"(captured|overran|overrun) (the )?(towns?|city|cities|villages?|localit(y|ies)|communes?|"
    r"districts?|hamlets?|capital)|fell to|occupied",
    "retake": r"recaptur\w+|retook|retaken|regain\w* control|reclaim\w+|liberat\w+",
    "death": r"killed|dead|deaths?|died|dying|killing|bod(y|ies)|corpses?|fatalit\w+|slain|"
    r"decapitat\w+|"
    r"lost (their|his|her) lives?|death toll|losses|massacr\w+|execut\w+|assassinat\w+|"
    r"behead\w*|murder\w*|lynch\w*|tu[ée]s?|morts?",
}
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
    r"discontent with|corpses? of|bod(y|ies) of|mourn\w*)"
    # up to the violence named, not across the forces that answered the protest ("demanding the
    # mayor's resignation, security forces intervened and arrested ninety")
    r"\b(?:(?!(police|security forces|gendarm\w*|soldiers|troops|army) (\w+ ){0,2}(intervened|"
    r"dispersed|fired|arrested|used|broke|blocked|prevented|shot|beat))[^.;:]){0,90}?"
    r"\b(murder\w*|killings?|killed|deaths?|massacres?|assassinat\w+|"
    r"execut(ed|ions?)|attacks?|abduct(ed|ions?)|kidnapp\w+|assault(s|ed)?|raped?|violence|"
    r"fighting|clashes|insecurity|arrests?|arrested|detain(ed|ees?)|detention|shootings?|shot|"
    r"seiz(ed|ure)|confiscat\w+|razed|demolish\w+)\b",
    re.I,
)


# a device named as a thing seized, carried or made, not set off: "seized IEDs", "IED planters"
DEVICE_HELD = re.compile(
    r"\b((seiz|recover|confiscat|manufactur)\w*|found|discovered|equipped with|expertise in|"
    r"arrested|caches? of)\b[^.;:]{0,50}?\b(ieds?|explosive devices?|explosives?|grenades?)\b|"
    r"\b(ieds?|explosives?|bombs?) (planters?|makers?|experts?|factor(y|ies)|workshops?)\b",
    re.I,
)


# a fight the text says did not happen: "no reports of clashes", "without any combat"
NO_FIGHT = re.compile(
    r"\b(no|without|nor|not|never)\b( \w+){0,3} (clash\w*|fight\w*|combat|confrontations?|"
    r"exchange of fire|resistance)\b",
    re.I,
)


# harm the text says did not happen: "nobody was hurt", "no one was injured", "unharmed"
NO_HARM = re.compile(
    r"\b(no ?(one|body)|none)\b( \w+){0,3} (hurt|injured|wounded|harmed)\b|"
    r"\bwithout (hurting|injuring|wounding|harming)\b|\b(no|without)\b( \w+){0,2} "
    r"(injur(y|ies)|wounded)\b",
    re.I,
)


def without_grievances(
    text: str, found: dict[str, list[tuple[int, int]]]
) -> dict[str, list[tuple[int, int]]]:
    """A sentence's cues less the violence a protest protests against (GRIEVANCE), the
    devices that were only seized or carried (DEVICE_HELD) and the fights and harm that did not
    happen (NO_FIGHT, NO_HARM)."""
    drop: list[tuple[set[str], list[tuple[int, int]]]] = []
    if "protest" in found:
        grievances = list(GRIEVANCE.finditer(text))
        drop.append((_GRIEVABLE, [m.span() for m in grievances]))
        # "in solidarity with two teachers assaulted": not the crowd's violence; but what
        # comes "after" may be the crowd's own ("after students set police stations on fire")
        drop.append(({"riot_violence"}, [m.span() for m in grievances if not _AFTER.match(m[0])]))
    if found.keys() & {"ied", "grenade"}:
        drop.append(({"ied", "grenade"}, [m.span() for m in DEVICE_HELD.finditer(text)]))
    if "clash" in found:
        drop.append(({"clash"}, [m.span() for m in NO_FIGHT.finditer(text)]))
    if "harm" in found:
        drop.append(({"harm"}, [m.span() for m in NO_HARM.finditer(text)]))
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
# "an ICRC convoy", "a retired soldier"
NOT_ARMED = re.compile(
    r"\b((suspected|accused|alleged) of\b.*|(icrc|ngo|humanitarian|aid|civilian|commercial|"
    r"merchants?|traders?|fuel|trucks?|wedding) (\w+ )?convoys?|(retired|former) \w+|"
    r"(hunting|fishing|mining|gold|tourist|nomad) camps?)",
    re.I,
)
CIVILIAN_TARGET = re.compile(
    r"\b(villages?|hamlets?|settlements?|villagers|civilians?|markets?|schools?|churches|church|"
    r"mosques?|houses|homes|residences?|hotels?|restaurants?|"
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
    "ied",
    "grenade",
    "mob",
    "take_territory",
    "retake",
}
_GRIEVABLE = VIOLENT | {"death", "harm", "targeted_killing", "arrest", "intervention", "looting"}
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
    if "retake" in found and sides.attacker_state:
        return "Battles", "Government regains territory"
    if (
        "take_territory" in found
        and sides.attacker_armed
        and not sides.attacker_state
        and (found & {"clash", "attack", "ambush"})
    ):
        return "Battles", "Non-state actor overtakes territory"
    return None


def _protests(found: set[str], sides: Sides) -> tuple[str, str] | None:
    if "protest" not in found and not sides.protesters:
        return None
    if "mutiny" in found and "clash" not in found:
        return "Riots", "Violent demonstration"  # soldiers' protests with shots are riots
    if sides.crowd_attacks and found & {"attack", "harm"}:
        return "Riots", "Violent demonstration"  # "demonstrators attacked police stations"
    if "death" in found and found & {"attack"} and not found & {"riot_violence"}:
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
    if "mutiny" in found and found & {"riot_violence", "looting"} and "clash" not in found:
        return "Riots", "Violent demonstration"  # mutinous soldiers fire in the air and loot
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
        return "Riots", "Mob violence" if sides.crowd else "Violent demonstration"
    if sides.rioters and found & (VIOLENT | {"riot_violence", "looting"}):
        return "Riots", "Violent demonstration" if "protest" in found else "Mob violence"
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
    if "ground" in found and (sides.target_armed or sides.attacker_state):
        return None  # a strike or a blast with gunfire or troops on the ground: Battles
    if "ambush" in found and found & {"clash", "attack"}:
        return None  # a complex ambush opened by a mine is still a battle
    for cue, sub in (
        ("air", "Air/drone strike"),
        ("suicide", "Suicide bomb"),
        ("shelling", "Shelling/artillery/missile attack"),
        ("ied", "Remote explosive/landmine/IED"),
        ("grenade", "Grenade"),
    ):
        if cue in found:
            return "Explosions/Remote violence", sub
    return None


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
    if (
        "ground" in found
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
        if found & {"death", "harm", "attack"}:  # killed, hurt or attacked while kidnapped
            return "Violence against civilians", "Attack"
        return "Violence against civilians", "Abduction/forced disappearance"
    if _property_only(found) and "ambush" not in found:
        return None  # polling booths burned, a vehicle taken, no one hurt: property destruction
    if (
        found & {"attack", "ambush", "take_territory"}
        or ("death" in found and found & (VIOLENT | {"looting"}))  # killed, and robbed
        or ("harm" in found and sides.attacker_armed)  # "militiamen wounded a herdsman"
    ):
        return "Violence against civilians", "Attack"
    if "arrest" in found and sides.attacker_armed and not sides.attacker_state:
        return "Violence against civilians", "Abduction/forced disappearance"
    return None


def _strategic(found: set[str], sides: Sides) -> tuple[str, str] | None:
    order = (
        ("disrupted", "Disrupted weapons use"),
        ("looting", "Looting/property destruction"),
        ("arrest", "Arrests"),
        ("agreement", "Agreement"),
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
