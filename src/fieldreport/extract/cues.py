"""The cue words of ACLED's event categories, as regular expressions (lower case, matched
case-insensitively at word starts by ``extract.taxonomy``): what in a sentence says there was a
clash, an attack, a protest, looting, a death.
"""

from __future__ import annotations

# a killing, not a coup, a plan or an order carried out
EXECUTE = (
    r"execut\w+(?! (an? |the |their |its |his )?(\w+ )?(coup|plans?|operations?|orders?|missions?|"
    r"projects?|programm?e?s?|strategy|warrants?|contracts?|budget|duties|tasks?))"
)

# what gunmen storm: a place with people in it, not a weather front
_PREMISES = (
    r"(villages?|towns?|communit(y|ies)|hamlets?|camps?|bases?|barracks|prisons?|jails?|hotels?|"
    r"schools?|churches|church|mosques?|markets?|houses?|homes?|compounds?|offices?|buildings?|"
    r"checkpoints?|posts?|stations?|parliament|palace|hospitals?|embassy|mall)\b"
)
# what is overrun in a fight: a position held by armed men
_POSTS = (
    r"(bases?|camps?|posts?|outposts?|positions?|barracks|checkpoints?|garrisons?|detachments?)\b"
)

# what crowds in the street do: stones, tyres, barricades (a demonstration's violence); riots'
# violence includes it
_STREET_VIOLENCE = (
    r"burn(ed|ing|t) (\w+ )?(tyres|tires)|barricad\w+|road ?blocks?|vandali[sz]\w+|"
    r"smash(ed|ing)|(threw|throwing|hurled|hurling|pelted|pelting) ([\w-]+ (and )?){0,3}"
    r"(stones|rocks|brickbats|bricks|projectiles|bottles|firecrackers|petrol bombs|"
    r"molotov cocktails)|"
    r"stones (were )?thrown"
)
CUES: dict[str, str] = {
    "clash": r"(?<!no )(?<!without )clash\w*|fought|battl\w+|firefights?|gun ?fights?|"
    r"fightings?|fights? between|skirmish\w*|exchanges? of (gun)?fire|"
    r"(exchang|trad)(ed|ing) (([\w-]+,? ){0,3}(and|or) [\w-]+ |gun ?)?fire|shoot-?outs?|"
    r"gun ?battles?|"
    r"engaged (in )?(combat|fighting)|repel+\w*|repuls\w+|"
    r"counter-?attack\w*|combats?|affrontements?|accrochages?|heurts|routed|fought back|"
    r"returned fire|retaliated|riposte\w*|respond(ed|ing) to the (attack|assault|incursion)|"
    r"defend(ed|ing) (the|their) (village|town|locality|hamlet)",
    "ambush": r"ambush\w*|embuscade\w*|ensnare\w*",
    "attack": r"beat(en|ing)?( up)?|whipp\w+|flogg\w+|harass\w+|slit (\w+ ){0,2}throats?|"
    r"targeted (an? |the )(\w+ ){0,3}(convoy|patrol|camp|base|position|vehicle|post|checkpoint)s?|"
    r"attack\w*(?! (drones?|helicopters?|aircraft|jets?|boats?)\b)|raid\w*|assault\w*|"
    r"storm(ed|ing)|opened fire|opens fire|(?<!to )open fire|"
    # headlines: "gunmen storm village", "militants overrun army base"
    r"storms? (the |an? )?([\w-]+ ){0,2}" + _PREMISES + r"|"
    r"overr(an|un|uns) (the |an? |their |its )?([\w-]+ ){0,2}" + _POSTS + r"|"
    r"guns? down|shot(?! down)|shoot\w*(?! down)|gunned down|"
    r"fired (\w+ )?(gun ?)?shots(?! in(to)? the air)|"
    r"fired ((gun)?shots )?(at|on|upon|against)|(gun ?shot|stab)[- ]?wounded|strangled|"
    r"(targeted|hit|struck) (\w+ ){0,3}(with|by) (gun)?fire|found (dead|murdered|killed|executed|"
    r"beheaded|slaughtered)|decapitat\w+|captured(?! (the )?(towns?|city|cities|villages?|"
    r"localit(y|ies)|communes?|districts?|hamlets?|capital))|"
    r"killed|killing|kills?|massacr\w+|" + EXECUTE + r"|murder\w*|slaughter\w*|behead\w*|"
    r"stabb\w+|hacked|burned alive|burn(ed|t|s)? (\w+ ){1,3}alive|torture\w*|beat(en)? to death|"
    r"assassinat\w+|"
    r"attaqu\w+|tu[ée]s?|abattu\w*",
    "abduct": r"forced disappearances?|disappeared|kidnap\w*|abduct\w*|hostages?|taken captive|"
    r"not (been )?told where (he|she|they) (was|were|is|are) (being )?held|incommunicado|"
    r"whereabouts (remain |are |is )?unknown|"
    r"(carried|took|led) (away|off) (\d+ |[\w-]+ ){0,3}(residents|people|villagers|women|"
    r"children|girls|boys|students|pupils|passengers|persons|farmers|worshippers)|"
    r"(took|taken) (\w+ ){0,3}to an unknown (destination|location)|"
    r"seized \w+ (people|civilians|villagers|passengers|traders)|enlev\w+|otages?|"
    # people taken by force: "seized a young protest organiser", "campaigners seized in Kampala",
    # "bundled into a van"
    r"(seized|snatched) (an? |the |two |three |four |five |several )?([\w-]+ ){0,3}(organi[sz]ers?|"
    r"activists?|campaigners?|journalists?|opposition \w+|critics?)|(organi[sz]ers?|activists?|"
    r"campaigners?|journalists?|critics?) (were |was )?(seized|snatched)|bundled (\w+ ){0,2}into",
    "sexual": r"rap(ed|e|es|ing)|sexual(ly)? (violence|assault\w*|abus\w+)",
    "suicide": r"suicide (bomb\w*|attack\w*|car|vehicle|vest|blast)|svbied|kamikaze",
    "air": r"air ?strikes?|air ?raids?|drone (strikes?|attacks?)|drones? (struck|hit|targeted|"
    r"bombed)|(jets?|warplanes?|aircraft|drones?|helicopters?|planes) (strike|hit|hits|bomb|"
    r"bombs|pound|pounds|target|targets)|aerial (bombardment|strikes?|attacks?)|"
    r"bombed from the air|(helicopter|aircraft|jets?|warplanes?|air force) "
    r"(struck|bombed|fired|targeted|strafed|hit)|frappes? a[ée]riennes?|"
    r"drones? (fired|launched|dropped)|(struck|hit|attacked|targeted|bombed|pounded) "
    r"([^.;:]{1,80} )?with ([\w-]+ ){0,3}(drones|uavs)|"
    r"launch(ed|es)? ([\w-]+ ){0,3}drones? (at|on|against|toward)|"
    r"(aircraft|aircrafts|jets?|drones?|helicopters?|air force) (\w+ ){0,4}(carried out|conducted) "
    r"(\w+ ){0,2}strikes?|barrel bombs?|"
    r"(jets?|warplanes?|aircraft|planes?|helicopters?|drones?) dropp(ed|ing|s)? (\w+ ){0,3}"
    r"(bombs?|explosives?|munitions?|grenades?)|dropp(ed|ing) (\w+ ){0,3}(bombs?|explosives?|"
    r"munitions?|grenades?) (from|by) (\w+ ){0,2}(drones?|aircraft|helicopters?|planes?|jets?)",
    "shelling": r"shell(ed|ing|s)|mortars?|artillery|rockets? (fire|fired|attack\w*|struck|hit|"
    r"landed)|"
    r"missiles?|obus|fired (\w+ ){0,5}rockets?|rocket (barrages?|fire|attacks?)|rpgs?|"
    r"(rockets?|shells?|mortar rounds?) ([\w-]+ ){1,8}(landed|exploded|slammed)|"
    r"barrages? of (\w+ ){0,3}(rockets|shells|missiles)|"
    r"rocket-propelled grenades?",
    "chemical": r"chemical (weapons?|attacks?|agents?|munitions?|strikes?)|chlorine|sarin|"
    r"mustard (gas|agents?)|nerve (agents?|gas)|toxic gas",
    "ied": r"ieds?|(dual|twin|double|multiple)-ieds?|improvised explosive|land ?mines?|"
    r"mines? (exploded|blast|explosion)|"
    r"(hit|struck|ran over|triggered|stepped on) (a|an) ([\w-]+ )?(land ?)?mine|roadside bomb|"
    r"explosive devices?|anti-?(tank|personnel|vehicle) mines?|"
    r"car bomb|bomb (exploded|blast|went off)|engins? explosifs?|roadside explosives?|"
    r"(magnetic|sticky|homemade|home-made|improvised|parcel|nail) bombs?|"
    r"bombs? ([^.;:]{1,120}? )?(exploded|detonated|went off)|"
    r"blew up|(detonated|exploded|blown up) (a|the) (\w+ ){0,2}(bridge|tower|antenna|pylon)|"
    r"bomb(ing| attacks?)|"
    r"(passage|passing) of (an? |the |his |their )?(\w+ ){0,2}(on|over) (an? )?(land ?)?mine|"
    r"(the|an|a|twin) ([\w-]+ ){0,3}(explosions?|blasts?)|(device|bomb|mine) (went off|exploded)|"
    r"(?<!no )blasts?(?! of (wind|air|music|cold))|(?<!no )explosions?(?! of (violence|anger|joy|"
    r"protests?|cases|demand))|(?<!no )detonations?|set(ting)? off (\w+ ){0,2}explosives",
    "grenade": r"grenades?(?! launchers?)",
    # not "a protest organiser", "the protest camp": a person, a place
    "protest": r"protest(?!ant)\w*(?! (organi[sz]ers?|camps?|leaders?|sites?|tents?|"
    r"songs?|votes?|letters?)\b)|demonstrat\w+|marche([ds]|rs)?|"
    r"to (?-i:march) (on|to|through|in|against|towards|from)|"
    r"the march (of|to|towards|through|on)|"
    r"(started|began|observ\w+|went on|launched|staged) (an? |their )?(\w+[- ]){0,3}"
    r"(strike|work stoppage)|"
    r"march(ed|ing) (through|in|to|on|against)|rall(y|ies|ied)|sit[- ]?ins?|manifest\w+|"
    r"took to the streets|rassembl\w+|"
    r"gathered (to|in front)|gathered ([^\s.;]+ ){1,12}to (show|express|voice|demand|denounce|"
    r"protest|reject|support|condemn|call for|mark|mourn|oppose|dispute|defend)|human chains?|"
    r"gathered ([^\s.;]+ ){0,12}(demanding|calling for|chanting|against)|strike action|"
    r"chant(ed|ing) (\w+ ){0,3}slogans|bang(ed|ing)? (\w+ ){0,2}pots|cacerolazos?|"
    r"(held|holding|waved|waving|carried|carrying|brandish\w+) (\w+ ){0,3}(banners|placards|"
    r"posters|signs)|(workers|students|residents|traders|vendors|youths?|teachers|doctors|nurses|"
    r"farmers|drivers|employees|villagers|women|supporters|crowds?|hundreds|thousands) "
    r"(were )?demanding|the march (was|passed|ended)|"
    r"(staged|held|organi[sz]ed|led) an? (\w+ )?(march|"
    r"rally|sit-in|protest|demonstration)|marches? (was|were) held|an? march (of|to|through|in|"
    r"against|from)|picket\w*",
    "riot_violence": r"riot\w*(?![ -](police|squads?|gear|control|units?|officers?|shields?)\b)|"
    + _STREET_VIOLENCE
    + r"|arson|set(ting)? (\w+ ){1,3}on fire|setting fire|"
    r"set(ting)? (\w+ ){0,2}(tyres|tires) (alight|ablaze)|"
    r"ransack\w+|pelted|clashed with (police|"
    r"security forces|gendarmes)|set fire|torch(ed|es|ing)?\b|looted|pneus|"
    # a crowd that blocks the road, not the police who block its way
    r"(?<!police )(?<!units )(?<!officers )(?<!troops )(?<!soldiers )(?<!forces )block(ed|ing) "
    r"([\w'’]+ ){0,3}(road|roads|street|streets|traffic|highway|route|rn\d+)|violent (protests?|"
    r"demonstrations?)|clash\w* (\w+ ){0,3}(police|security forces|gendarmes|soldiers)|"
    r"assaulted|machetes|stoned|turned (violent|deadly|into (a )?(riots?|clash\w*))|"
    r"plunder\w*|went on (the|a) rampage|(fired|firing) ((gun ?)?shots )?(in|into) the air|"
    r"blockades?|fir(ed|ing) (their )?(guns|weapons)|"
    r"prevent\w* (an? |the )?(\w+ ){0,2}(patrol|convoy|troops|soldiers|peacekeepers) from",
    # a crowd that fights the forces of order: a violent demonstration, not mob violence
    "police_fight": r"clash\w* (\w+ ){0,3}(police|security forces|gendarmes|riot police|"
    r"anti-riot \w+)|fought (\w+ ){0,2}(police|security forces|gendarmes)|"
    r"(threw|throwing|hurled|hurling|fired|firing) (\w+ ){0,3}(stones|rocks|brickbats|bricks|"
    r"fireworks|firecrackers) at (the )?"
    r"(police|security "
    r"forces|gendarmes|officers)",
    "street_violence": _STREET_VIOLENCE,
    # what makes a crowd's violence a demonstration: roads blocked, a demand, a grievance
    "grievance": r"barricad\w+|road ?blocks?|blockades?|block(ed|ing) ([\w'’]+ ){0,3}(road|roads|"
    r"street|streets|traffic|highway|route|access|passage)|demand\w*|in (reaction|response) to|"
    r"discontent|in protest|to protest|oppos\w+|accus\w+|angry|anger|angered|outraged|"
    r"dissatisf\w+",
    "harm": r"wound\w*|injur\w*|hurt|maim\w*|hospitali[sz]\w+|bless[ée]s?|assaulted|"
    r"beat(en)? (up|him|her|them)|beaten(?! (back|off|path|track))|"
    r"beat (\w+ ){0,3}(m[ae]n|wom[ae]n|people|"
    r"villagers|residents|civilians|herders|pastoralists|farmers|children|boys?|girls?)\b|"
    r"tortur\w+|whipp\w+|flogg\w+|(mal|mis|ill-)treat\w*",
    # shots at people or their vehicle: more than property taken, even when no one was hit
    "shooting": r"opened fire (on|at|against|upon|into)|fired (\w+ ){0,2}(at|on|upon|against|into)|"
    r"live (rounds|ammunition|bullets)|(gunshot|bullet) wounds?|"
    r"shot at|(shooting|shot|shoots|shoot) (at )?(\w+ ){0,2}(residents|villagers|civilians|people|"
    r"passengers|worshippers|farmers|herders|women|children|inhabitants)\b",
    "ground": r"small[- ]arms?( fire)?|gunfire|gunshots|assault\w*|storm(ed|ing)|commandos?|"
    r"ground (operations?|troops|forces|assault|offensive|attack)|air-?ground|air-supported|"
    r"combined air|fired back|returned fire|responded with (\w+ ){0,2}fire|"
    r"complex (\w+ )?attacks?",
    # troops searching an area, not a fight: with an air strike, still the air strike (ACLED:
    # "no exchange of fire with the ground")
    "operation": r"combing operations?|sweep(ing)? operations?",
    # the attacked fought back: whoever they are, the attack became a fight
    "defense": r"repel\w*|repuls\w*|responded to the (attack|assault|assailants|incursion|raid)s?|"
    r"fought back|fend(ed)? off|returned fire|retaliated|riposted",
    "targeted_killing": r"assassinat\w+|" + EXECUTE + r"|murder\w*|summar(il)?y|extra-?judicial\w*",
    "execution": EXECUTE + r"|summar(il)?y|extra-?judicial\w*",  # of a captive: no fight
    "unarmed": r"off-duty|off duty|unarmed|not on duty|on leave|retired|"
    r"on (his|their) farm(land)?s?|at (his|their) homes?|in (his|their) homes?|in civilian clothes",
    "unmanned": r"unmanned|deserted|abandoned|(was|were) empty",
    # a crowd that broke up by itself ("dispersed peacefully after midnight") met no one
    "intervention": r"tear ?gas|(dispers\w+|broke up)(?! (peacefully|quietly|calmly|without "
    r"(incident|violence)|on (its|their) own|later|in the (evening|afternoon)|at (the end|night|"
    r"dusk|sunset)|after (midnight|dark|nightfall|sunset|the (speeches|prayers))))|"
    r"arrested|detained|rubber bullets|water cannons?|"
    r"baton\w*|lacrymog\w+|intervened|intervening|(police|gendarmes|soldiers|troops|army|"
    r"forces) interven(e|es)\b|blocked them|deterred|interrupt\w* (the|their) "
    r"(protest|demonstration|march|sit-in|gathering|rally)|"
    r"(was|were) prevented|prevented (them|the (protesters|demonstrators|marchers))",
    # unorganised people, and the weapons that make a fight between communities a battle
    "people": r"youths?|students|pupils|residents|locals|traders|vendors|shopkeepers|supporters|"
    r"crowds?|rioters|fans|worshippers|passers-?by|merchants|miners|villagers|families|"
    r"activists|inhabitants|neighbou?rs|relatives|brotherhoods|(two|rival|opposing) groups|"
    r"youngsters|opponents|partisans|communal groups|communities|"
    r"(two|rival|opposing) (camps|factions|clans)|"
    r"(opposing|rival) (?!armed )(\w+ )?(groups|factions|camps|supporters)",
    "weapons": r"firearms|guns|rifles?|machetes|blade(d)? weapons|knives|armed (\w+ )?(youths?|"
    r"men|residents|villagers|people|groups?)",
    # soldiers in mutiny now ("mutinying soldiers", "mutineers"), not "after the 2011 mutiny"
    "mutiny": r"(?<!former )mutin(ied|ying|ous|eers?)|(ongoing|their|its) mutiny|mutiny (by|of)",
    "mob": r"\bmob\b|mobs|lynch\w*|angry (crowd|youths|residents)|mob justice|"
    r"crowds? of (angry )?(youths?|young (men|people)|residents|villagers|locals)|"
    r"jungle justice",
    # an offence people punish themselves: with no armed group, mob justice
    "suspect": r"(suspect(ed)?|accus(ed|ing)) (\w+ ){0,2}of (stealing|theft|robb\w+|snatch\w+|"
    r"(trying|attempting) to (steal|snatch|rob|kidnap|abduct)|being (a |an )?"
    r"(thie|robber|kidnapper|witch|gang|sorcer)|belonging to (a )?gangs?)|"
    r"suspected (\w+ )?(gang members|thie(f|ves)|robbers|kidnappers|witch(es)?|sorcerers?)|"
    r"caught (\w+ ){0,4}(stealing|red-handed)",
    "looting": r"loot\w*|pillag\w+|burn(ed|t|ing) (down )?(\w+ ){0,2}(houses|homes|huts|granar\w+|"
    r"shops|market|village|school|vehicles?|church|mosque|materials?|motorbikes?|trucks?|"
    r"equipment|offices?|town hall|antennas?|crops|fields|machines|machinery|tractors?)|"
    r"set fire to|torch(ed|es|ing)?\b|set(ting)? (\w+ ){1,3}(alight|ablaze)|"
    r"seiz\w+ (\w+ ){0,4}(heads of )?(vehicles?|trucks?|livestock|cattle|"
    r"animals|motorbikes?|goods|supplies|property|belongings|food|cars?|phones|money|herds?|"
    r"flocks?|tricycles?|ruminants|sheep|goats|camels|millet|rice|grain|"
    r"foodstuffs?|medicines?|medical supplies|fuel|cash|ballots?|urns|(voting|elections?|"
    r"electoral) (material|equipment|kits))|"
    r"stripp\w+ (\w+ ){0,3}of (their |his |her |its )?(\w+ ){0,2}(belongings|money|cash|"
    r"valuables|phones|motorbikes?|possessions|goods|effects|furnishings)|extort\w*|"
    r"(vehicles?|trucks?|cars?|ambulances?|motorbikes?|goods) (was |were )?seized by|"
    r"(church|churches|school|schools|houses|homes|huts|trucks?|vehicles?|shops|town hall|"
    r"granar\w+) (was |were )?(reportedly )?(burned|burnt|torched|set ablaze|set on fire)|"
    r"destroy\w*|demolish\w*|bulldoz\w+|stole|steal\w*|rustl\w+|carried off|sabotag\w+|"
    r"vandali[sz]\w+|"
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
    r"dismantl\w+ (an?|the) ((anti-?(tank|personnel|vehicle)|land) )?(ied|explosive|mine)|"
    r"(mines?|ieds?|devices?|bombs?) (was|were) (disposed of|cleared|dismantled|defused)|"
    r"caches? of ([\w,-]+ ){0,6}(weapons|arms|rockets|mortar rounds|shells|grenades|"
    r"explosives|ammunition|munitions)|safely detonated|controlled (explosion|detonation)|"
    r"shot down (\w+ ){0,4}(drones?|uavs?|missiles?|rockets?)|loaded with (\w+ ){0,3}(weapons|"
    r"arms|rockets|ammunition|explosives|munitions)|seiz\w+ (\w+ ){0,2}(weapons|arms|"
    r"ammunition|explosives)|arms cache|weapons cache|intercept\w+ (\w+ ){0,4}(weapons|arms|"
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
    r"|abductees|soldiers|members|fighters|combatants)|prisoner exchange|surrender\w*|"
    r"agreed (to|on) (extend|a |an |the )|negotiat\w+ (the|a) "
    r"(release|withdrawal|truce)",
    "base": r"(established|set up|setting up|installed|opened|opens|inaugurated|built|building|"
    r"constructed) (an? |their |its )?"
    r"(?!(displaced|idp|refugee|transit|relief|medical)\b)([\w-]+ ){0,3}(base|camp|headquarters|"
    r"outpost|fortified position|military post|observation post)",
    "transfer": r"without (a fight|resistance|fighting)|withdr(ew|awn) from|handed over|"
    r"took control of the (town|city|village|locality) after (the army|troops|"
    r"soldiers) (left|withdrew)",
    "change": r"join(s|ed|ing)? |assumed (the )?leadership|closure|suspend\w+|banned|"
    r"prohibit\w+|imposed|"
    r"deploy\w+|reinforc\w+|curfew|recruit\w*|defect\w*|state of emergency|"
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
    "take_territory": r"(seized|took|taken|seizing|taking|gained|gaining) "
    r"((full|total|complete|effective|firm) )?control (of|over)(?! (the |an? |"
    r"their |its )?(\w+ )?(barracks|camps?|bases?|posts?|checkpoints?|positions?|detachments?))|"
    r"(captured|captures?|overran|overruns?|seized|seizes?|took|(?<!to )takes?) "
    r"(the )?((?!(in|at|from|near|of|to|and|on|with|for|their|his|her|its)\b)[\w'’-]+ ){0,2}"
    r"(towns?|city|cities|villages?|"
    r"localit(y|ies)|communes?|"
    r"districts?|hamlets?|capital)(?! (chiefs?|heads?|elders?|imams?|mayors?|councill?ors?|"
    r"leaders?|notables?|officials?|residents|teachers?|halls?|centres?|centers?|squares?|"
    r"schools?|markets?|health|clinics?|church(es)?|mosques?|wells?|granar\w+|shops?|stores?|"
    r"councils?|pharmac\w+))|"
    r"fell to|occupied",
    "retake": r"recaptur\w+|retook|retaken|regain\w* control|reclaim\w+|liberat(ed|ing|es?)",
    "death": r"killed|kills?|dead|deaths?|died|dies|die(?!-)|dying|killing|bod(y|ies)|corpses?|"
    r"fatalit\w+|slain|fatally (shot|shooting|stabb\w+)|"
    r"decapitat\w+|"
    r"burn(ed|t|s)? (\w+ ){1,3}alive|burn(ed|t|s)? to death|lost (their|his|her) lives?|"
    r"(lost|losing) (\d+|one|two|three|four|five|six|seven|eight|nine|ten|a dozen|dozens of|"
    r"several|scores of|[a-z]+ty( [a-z]+)?) (of (its|their) )?(\w+ )?(soldiers|troops|men|"
    r"fighters|members|officers|policemen|personnel|militants|combatants)|"
    r"death toll|losses|massacr\w+|" + EXECUTE + r"|assassinat\w+|martyred|"
    r"(embraced|attained|achieved) martyrdom|"
    r"behead\w*|murder\w*|lynch\w*|tu[ée]s?|morts?|slit (\w+ ){0,2}throats?|hanged",
}
