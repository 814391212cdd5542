"""Extraction on small realistic reports (invented incidents), through the real spaCy pipeline."""

from __future__ import annotations

import datetime as dt

import pytest

from fieldreport.model import Mention

pytestmark = pytest.mark.slow


def one(mentions: list[Mention]) -> Mention:
    assert len(mentions) == 1, [(m.event_type, m.sentence.text) for m in mentions]
    return mentions[0]


def names(mention: Mention, *roles: str) -> set[str]:
    return {a.actor.name for a in mention.actors if a.role in roles}


def test_no_event_article(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Millet prices climb in Mopti markets\n\nThe price of a 100 kg sack of millet rose to "
        "32,000 CFA francs in Mopti this week, traders said, blaming poor rains and the cost "
        "of transport. The regional chamber of commerce said it expected prices to ease after "
        "the harvest in October."
    )
    assert extract(text) == []


def test_attack_on_villagers(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Unidentified gunmen killed seven villagers in Koumbri on Sunday, local sources said. "
        "The assailants arrived on motorbikes and opened fire on residents."
    )
    m = one(extract(text, dt.date(2024, 5, 8)))
    assert (m.event_type, m.sub_event_type) == ("Violence against civilians", "Attack")
    assert (
        names(m, "actor2") == {"Civilians (Burkina Faso)"}
        or m.place is None
        or names(m, "actor2") == {f"Civilians ({m.place.country_name})"}
    )
    assert m.date is not None and m.date.date == dt.date(2024, 5, 5)
    assert m.fatalities.acled == 7


def test_weekday_and_french_spelling(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "TOMBOUCTOU: Malian soldiers clashed with JNIM fighters near Tombouctou on Tuesday, "
        "the army said, adding that 12 assailants were killed."
    )
    m = one(extract(text, dt.date(2024, 3, 14)))
    assert (m.event_type, m.sub_event_type) == ("Battles", "Armed clash")
    assert m.date is not None and m.date.date == dt.date(2024, 3, 12)
    assert m.place is not None and m.place.admin1 == "Tombouctou" and m.place.precision == 2
    assert "JNIM: Group for Support of Islam and Muslims" in names(m, "actor1", "actor2")
    assert any(n.startswith("Military Forces of Mali") for n in names(m, "actor1", "actor2"))
    assert m.fatalities.acled == 12


def test_date_range(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Fighting between the army and Islamic State militants raged from May 2-4 around "
        "Menaka, security sources said. At least 15 soldiers were killed."
    )
    m = one(extract(text, dt.date(2024, 5, 8)))
    assert m.event_type == "Battles"
    assert m.date is not None and (m.date.start, m.date.end) == (
        dt.date(2024, 5, 2),
        dt.date(2024, 5, 4),
    )
    assert m.fatalities.acled == 15 and m.fatalities.high == 15


def test_vague_toll(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Several civilians were killed when gunmen attacked a market in Djibo on Friday, "
        "residents said."
    )
    m = one(extract(text, dt.date(2024, 5, 8)))
    assert m.fatalities.acled == 3
    assert m.claims[0].phrase.lower() == "several"


def test_two_events_in_one_article(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "An improvised explosive device hit an army vehicle near Douentza on Monday, killing two "
        "soldiers, the army said.\n\nIn a separate incident on Wednesday, gunmen abducted "
        "five traders on the road between Gao and Ansongo, a local official said."
    )
    found = extract(text, dt.date(2024, 5, 10))
    kinds = sorted((m.event_type, m.sub_event_type, m.date.date if m.date else None) for m in found)
    assert kinds == [
        ("Explosions/Remote violence", "Remote explosive/landmine/IED", dt.date(2024, 5, 6)),
        ("Violence against civilians", "Abduction/forced disappearance", dt.date(2024, 5, 8)),
    ]


def test_peaceful_protest(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Hundreds of students marched peacefully through Ouagadougou on Thursday to demand "
        "the reopening of their university, organisers said."
    )
    m = one(extract(text, dt.date(2024, 2, 10)))
    assert (m.event_type, m.sub_event_type) == ("Protests", "Peaceful protest")
    assert names(m, "actor1") == {"Protesters (Burkina Faso)"}
    assert m.fatalities.acled == 0


def test_riot(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Protesters burned tyres and threw stones at police in Niamey on Saturday; police "
        "fired tear gas to disperse them."
    )
    m = one(extract(text, dt.date(2024, 2, 12)))
    assert (m.event_type, m.sub_event_type) == ("Riots", "Violent demonstration")


def test_dateline_is_not_the_place(extract) -> None:  # type: ignore[no-untyped-def]
    text = "BAMAKO: Jihadists attacked a military camp in Boulkessi on Sunday, the army said."
    m = one(extract(text, dt.date(2024, 6, 4)))
    assert m.place is None or m.place.name != "Bamako"


def test_a_dateline_with_the_agency_only_is_not_the_place(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "BEIRUT (Reuters) - Barrel bombs dropped on the town of Saraqib in Idlib province killed "
        "six people on Monday, rescuers said."
    )
    m = one(extract(text, dt.date(2019, 6, 5)))
    assert m.place is not None and (m.place.country, m.place.name) == ("SY", "Saraqib")


def test_every_evidence_span_points_into_the_text(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Soldiers repelled an attack by Ansaroul Islam fighters on a post in Arbinda on "
        "Sunday, killing 20 of the assailants, the army said in a statement."
    )
    m = one(extract(text, dt.date(2024, 6, 4)))
    for span in [
        *m.evidence.values(),
        *(a.evidence for a in m.actors),
        *(c.evidence for c in m.claims),
        m.sentence,
    ]:
        assert text[span.start : span.end] == span.text


def test_one_named_victim_counts_one(extract) -> None:  # type: ignore[no-untyped-def]
    text = "On 3 May 2024, gunmen shot dead a village chief in Djibo."
    m = one(extract(text, dt.date(2024, 5, 6)))
    assert m.fatalities.acled == 1
    assert "village chief" in m.claims[0].evidence.text


def test_wounded_are_not_counted_as_dead(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "On 3 May 2024, gunmen attacked a bus near Kaya, killing one passenger and wounding "
        "two others."
    )
    m = one(extract(text, dt.date(2024, 5, 6)))
    assert m.fatalities.acled == 1


def test_coalition_member_coded_as_the_coalition(extract) -> None:  # type: ignore[no-untyped-def]
    text = "On 3 May 2019, Katiba Macina militants killed three civilians in Djenne."
    m = one(extract(text, dt.date(2019, 5, 5)))
    assert names(m, "actor1") == {"JNIM: Group for Support of Islam and Muslims"}
    assert "Katiba Macina" in names(m, "assoc1")
    before = one(extract(text.replace("2019", "2016"), dt.date(2016, 5, 5)))
    assert names(before, "actor1") == {"Katiba Macina"}  # JNIM was founded in March 2017
    # from about April 2020 ACLED codes the brigade by its own name, JNIM associated
    later = one(extract(text.replace("2019", "2021"), dt.date(2021, 5, 5)))
    assert names(later, "actor1") == {"Katiba Macina"}
    assert "JNIM: Group for Support of Islam and Muslims" in names(later, "assoc1")


def test_coalition_member_keeping_its_name(extract) -> None:  # type: ignore[no-untyped-def]
    m = one(extract("On 3 May 2019, Ansar Dine fighters attacked FAMa soldiers in Kidal."))
    assert "Ansar Dine" in names(m, "actor1", "actor2")
    assert "JNIM: Group for Support of Islam and Muslims" in names(m, "assoc1", "assoc2")


def test_victims_descriptors(extract) -> None:  # type: ignore[no-untyped-def]
    m = one(extract("On 4 June 2020, gunmen killed two Fulani herders near Djenne."))
    assert names(m, "actor2") == {"Civilians (Mali)"}
    assert names(m, "assoc2") == {"Pastoralists (Mali)", "Fulani Ethnic Group (Mali)"}
    m = one(extract("On 4 June 2020, gunmen killed two farmers near Djenne."))
    assert names(m, "assoc2") == {"Farmers (Mali)"}


def test_ethnic_group_hints_the_country(extract) -> None:  # type: ignore[no-untyped-def]
    m = one(extract("On 2 May 2024, gunmen shot dead a Dogon farmer in Zobrakuni."))
    assert m.country == "ML"  # and, the Dogon living in one region, the region (test below)
    assert m.place is not None and m.place.precision == 3
    assert "Dogon Ethnic Group (Mali)" in names(m, "assoc2")


@pytest.mark.parametrize(
    ("text", "typed"),
    [
        (
            "On 2 May 2024, gunmen attacked and burned the polling booths in Djenne.",
            ("Strategic developments", "Looting/property destruction"),
        ),
        (
            "On 2 May 2024, militants attacked the police station in Djenne while it was "
            "unmanned and burned it.",
            ("Strategic developments", "Looting/property destruction"),
        ),
        (
            "On 2 May 2024, militants attacked the village of Kera near Djenne, burned huts "
            "and wounded two villagers.",
            ("Violence against civilians", "Attack"),
        ),
        (
            "On 2 May 2024, students protested in Djenne and burned the police station.",
            ("Riots", "Violent demonstration"),
        ),
        (
            "On 2 May 2024, Fulani and Dozo militiamen exchanged gunfire near Djenne.",
            ("Battles", "Armed clash"),
        ),
        (
            "On 2 May 2024, the army conducted airstrikes and ground operations against JNIM "
            "militants near Djenne.",
            ("Battles", "Armed clash"),
        ),
        (
            "On 2 May 2024, the army conducted airstrikes against JNIM militants near Djenne.",
            ("Explosions/Remote violence", "Air/drone strike"),
        ),
        (  # people hurt beside property destroyed: violence against them comes first
            "On 2 May 2024, armed youths from Kera burned granaries in a quarrel over fields "
            "with a nearby hamlet; two farmers were wounded.",
            ("Violence against civilians", "Attack"),
        ),
        (
            "On 2 May 2024, soldiers detained six herders near Djenne and stripped them of their "
            "phones; the men were tied up and beaten.",
            ("Violence against civilians", "Attack"),
        ),
        (
            "On 2 May 2024, French aircraft carried out a strike on a militant hideout near "
            "Djenne.",
            ("Explosions/Remote violence", "Air/drone strike"),
        ),
        (
            "On 2 May 2024, a MINUSMA truck was hit by a twin-IED north of Djenne.",
            ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
        ),
        (  # the shots, then who they hurt, in the next sentence
            "On 2 May 2024, JNIM militants fired shots near Djenne. Two herders were wounded.",
            ("Violence against civilians", "Attack"),
        ),
        (
            "On 2 May 2024, JNIM militants seized a large number of goats in Djenne.",
            ("Strategic developments", "Looting/property destruction"),
        ),
        (  # the subject of the first verb hurt whom the second names
            "On 2 May 2024, gunmen forced their way into a shop in Djenne and wounded the owner.",
            ("Violence against civilians", "Attack"),
        ),
        (
            "On 2 May 2024, loud detonations were heard near the army camp in Djenne.",
            ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
        ),
        (
            "On 2 May 2024, three rockets fired by militants landed near Djenne airport.",
            ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
        ),
        (  # a town seized after a fight: the group holds it now
            "On 5 May 2023, M23 rebels seized the town of Kitshanga in North Kivu after fighting "
            "with the army.",
            ("Battles", "Non-state actor overtakes territory"),
        ),
        (  # a crowd burning tyres that police tear-gas demonstrates violently
            "On 13 June 2023, police in Thies, Senegal, fired tear gas at young supporters of "
            "an opposition party who were burning tyres.",
            ("Riots", "Violent demonstration"),
        ),
        (  # where the bus was is no part of whom it carried
            "On 2 May 2024, soldiers fired on a bus driving past the spot of an earlier "
            "militant ambush near Djenne, wounding two passengers.",
            ("Violence against civilians", "Attack"),
        ),
        (  # a company's convoy carries no troops; a military one does
            "On 2 May 2024, JNIM militants ambushed a gold mining company convoy near Djenne, "
            "killing three drivers.",
            ("Violence against civilians", "Attack"),
        ),
        (
            "On 2 May 2024, gunmen opened fire on the convoy of a deputy and two local officials "
            "near Djenne, wounding one.",
            ("Violence against civilians", "Attack"),
        ),
        (
            "On 2 May 2024, JNIM fighters ambushed a military convoy near Djenne, killing three.",
            ("Battles", "Armed clash"),
        ),
        (  # but who the victims are described as is
            "On 2 May 2024, militants killed four men described as Dozo hunters near Djenne.",
            ("Battles", "Armed clash"),
        ),
        (  # troops combing the area afterwards exchanged no fire
            "On 2 May 2024, the air force struck a JNIM camp near Djenne and troops then carried "
            "out combing operations in the area.",
            ("Explosions/Remote violence", "Air/drone strike"),
        ),
        (
            "On 2 May 2024, JNIM militants killed two off-duty soldiers on their farmland "
            "near Djenne.",
            ("Violence against civilians", "Attack"),
        ),
        (
            "On 2 May 2024, JNIM militants assassinated a police officer in Djenne.",
            ("Battles", "Armed clash"),  # on duty: armed, and able to fight back
        ),
        (
            "On 2 May 2024, JNIM militants captured a gendarme near Djenne and executed him.",
            ("Violence against civilians", "Attack"),  # a captive cannot
        ),
        (
            "On 2 May 2024, JNIM militants shot dead a retired police officer in Djenne.",
            ("Violence against civilians", "Attack"),
        ),
        (
            "On 2 May 2024, Katiba Macina (JNIM) militants killed three marketgoers near Djenne.",
            ("Violence against civilians", "Attack"),  # one group, named three ways
        ),
        (
            "On 2 May 2024, volunteer fighters (VDP) shot and wounded a displaced man near Djenne.",
            ("Violence against civilians", "Attack"),
        ),
        (
            "On 2 May 2024, unknown gunmen attacked a Tuareg camp near Djenne, killing six.",
            ("Violence against civilians", "Attack"),  # a camp people live in, not a base
        ),
        (
            "On 2 May 2024, soldiers raided a Fulani hamlet near Djenne and killed ten people.",
            ("Violence against civilians", "Attack"),
        ),
        (
            "On 2 May 2024, JNIM militants ambushed a Dozo militiaman (assumed off-duty) "
            "returning from his farmland near Djenne.",
            ("Violence against civilians", "Attack"),
        ),
        (
            "On 2 May 2024, JNIM militants shot dead a policeman at the market in Djenne and "
            "seized his rifle.",
            ("Battles", "Armed clash"),  # one armed man is an armed target too
        ),
        (
            "On 2 May 2024, JNIM militants attacked a military camp near Djenne.",
            ("Battles", "Armed clash"),
        ),
        (
            "On 2 May 2024, unknown men shot and wounded a blogger in Djenne.",
            ("Violence against civilians", "Attack"),  # not a crowd of "men": gunmen
        ),
        (
            "On 2 May 2024, ISGS militants executed a JNIM member near Djenne.",
            ("Battles", "Armed clash"),  # a militant is never a civilian to ACLED
        ),
        (
            "On 2 May 2024, JNIM militants abducted three Dozo militiamen near Djenne.",
            ("Battles", "Armed clash"),
        ),
        (
            "On 2 May 2024, JNIM militants killed a Dozo militiaman on his farmland (assumed "
            "off-duty) near Djenne.",
            ("Violence against civilians", "Attack"),
        ),
        (
            "On 2 May 2024, JNIM militants attacked a police post in Djenne, killing an officer.",
            ("Battles", "Armed clash"),
        ),
        (
            "On 2 May 2024, JNIM militants attacked the village of Kera near Djenne. Village "
            "self-defense responded to the attack.",
            ("Battles", "Armed clash"),
        ),
        (
            "On 2 May 2024, gunmen ransacked the voting office in Djenne.",
            ("Strategic developments", "Looting/property destruction"),
        ),
        (
            "On 2 May 2024, angry youths ransacked the town hall in Djenne.",
            ("Riots", "Mob violence"),
        ),
        (
            "On 2 May 2024, JNIM militants attacked the ranger station in Djenne and burned two "
            "motorbikes.",
            ("Battles", "Armed clash"),  # rangers are armed
        ),
        (
            "On 2 May 2024, gunmen opened fire against a customs post near Djenne. No casualties "
            "were reported.",
            ("Battles", "Armed clash"),
        ),
        (
            "On 2 May 2024, gunmen fired at a police patrol near Djenne.",
            ("Battles", "Armed clash"),
        ),
        (
            "On 2 May 2024, the army killed a militant near Djenne and seized his weapon.",
            ("Battles", "Armed clash"),
        ),
        (
            "On 2 May 2024, soldiers or gendarmes opened fire on two students on a motorbike in "
            "Djenne.",
            ("Violence against civilians", "Attack"),  # soldiers and gendarmes: one side
        ),
        (
            "On 2 May 2024, soldiers shot dead a herder suspected of being a militant near Djenne.",
            ("Violence against civilians", "Attack"),
        ),
        (
            "On 2 May 2024, gunmen opened fire against an NGO convoy near Djenne, wounding a "
            "driver.",
            ("Violence against civilians", "Attack"),
        ),
        (
            "On 2 May 2024, gunmen shot dead a retired soldier at his shop in Djenne.",
            ("Violence against civilians", "Attack"),
        ),
        (
            "On 2 May 2024, hundreds of residents marched in Djenne to protest the killing of a "
            "trader by gunmen.",
            ("Protests", "Peaceful protest"),  # the killing is what they protest, not force
        ),
        (
            "On 2 May 2024, teachers staged a sit-in in Djenne demanding justice for a colleague "
            "murdered in April.",
            ("Protests", "Peaceful protest"),
        ),
        (
            "On 2 May 2024, hundreds of residents marched in Djenne to demand the release of two "
            "men arrested last week.",
            ("Protests", "Peaceful protest"),  # the arrest is the grievance, not an intervention
        ),
        (
            "On 2 May 2024, police arrested ten students who marched in Djenne against the "
            "detention of their teacher.",
            ("Protests", "Protest with intervention"),
        ),
        (
            "On 2 May 2024, police shot dead two students who were marching in Djenne against "
            "the killing of a classmate.",
            ("Protests", "Excessive force against protesters"),
        ),
        (
            "On 2 May 2024, students protested in Djenne, setting tires on fire and smashing "
            "shop windows.",
            ("Riots", "Violent demonstration"),
        ),
        (
            "On 2 May 2024, demonstrators in Djenne committed arson at the town hall.",
            ("Riots", "Violent demonstration"),
        ),
        (
            "On 2 May 2024, students clashed with police in Djenne, leaving two wounded.",
            ("Riots", "Mob violence"),  # no armed organisation fights: a riot
        ),
        (
            "On 2 May 2024, residents of two quarters of Djenne clashed over a land dispute and "
            "three people were injured.",
            ("Riots", "Mob violence"),
        ),
        (
            "On 2 May 2024, youths armed with machetes from two villages clashed near Djenne, "
            "killing one.",
            ("Battles", "Armed clash"),  # armed communities fight as militias
        ),
        (
            "On 2 May 2024, teachers demonstrated in Djenne and fighting broke out between the "
            "marchers and the police.",
            ("Riots", "Violent demonstration"),
        ),
        (
            "On 2 May 2024, hundreds marched in Djenne; police were deployed but no clashes were "
            "reported.",
            ("Protests", "Peaceful protest"),
        ),
        (
            "On 2 May 2024, students marched in Djenne against the fighting in the north.",
            ("Protests", "Peaceful protest"),
        ),
        (
            "On 2 May 2024, gunmen shot dead a Protestant pastor in Djenne.",
            ("Violence against civilians", "Attack"),  # "Protestant" is no protest
        ),
        (
            "On 2 May 2024, two JNIM militants were killed near Djenne while planting an IED on "
            "the road.",
            ("Strategic developments", "Disrupted weapons use"),  # it killed only its planters
        ),
        (
            "On 2 May 2024, soldiers discovered and destroyed an IED on the road to Djenne.",
            ("Strategic developments", "Disrupted weapons use"),
        ),
        (
            "On 2 May 2024, an army truck was destroyed by an IED near Djenne, wounding two "
            "soldiers.",
            ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
        ),
        (
            "On 2 May 2024, JNIM militants attacked the army camp in Djenne and overran it, "
            "seizing weapons.",
            ("Battles", "Armed clash"),  # a camp overrun is not territory held
        ),
        (
            "On 2 May 2024, JNIM militants attacked the army barracks in Djenne and took control "
            "of the barracks.",
            ("Battles", "Armed clash"),
        ),
        (
            "On 2 May 2024, JNIM militants clashed with Dozo militiamen near Djenne and captured "
            "two of them.",
            ("Battles", "Armed clash"),  # fighters captured, not a place
        ),
        (
            "On 2 May 2024, French forces captured two ISGS militants near Djenne.",
            ("Battles", "Armed clash"),
        ),
        (
            "On 2 May 2024, JNIM militants attacked and captured the town of Djenne after "
            "fighting the army.",
            ("Battles", "Non-state actor overtakes territory"),
        ),
        (
            "On 2 May 2024, the army killed three JNIM militants near Djenne and seized two "
            "rifles and IEDs.",
            ("Battles", "Armed clash"),  # the IEDs were seized, not set off
        ),
        (
            "On 2 May 2024, the police killed a militant equipped with an IED in Djenne.",
            ("Battles", "Armed clash"),
        ),
        (
            "On 2 May 2024, an IED hit a bus near Djenne, killing three passengers.",
            ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
        ),
        (
            "On 2 May 2024, a gunman shot dead a military guard in front of a bank in Djenne.",
            ("Battles", "Armed clash"),  # guards are armed
        ),
        (
            "On 2 May 2024, gunmen opened fire against the guard corps of the governor in "
            "Djenne. No casualties were reported.",
            ("Battles", "Armed clash"),
        ),
        (
            "On 2 May 2024, gunmen shot dead two traders in Djenne.",
            ("Violence against civilians", "Attack"),
        ),
        (
            "On 2 May 2024, gunmen intercepted a truck near Djenne and robbed the passengers.",
            ("Strategic developments", "Looting/property destruction"),  # no weapons seized
        ),
        (
            "On 2 May 2024, customs officers intercepted a shipment of weapons near Djenne.",
            ("Strategic developments", "Disrupted weapons use"),
        ),
        (
            "On 2 May 2024, gunmen burned two fuel tankers near Djenne.",
            ("Strategic developments", "Looting/property destruction"),
        ),
        (
            "On 2 May 2024, the governor imposed a nightly curfew in the region of Mopti.",
            ("Strategic developments", "Change to group/activity"),
        ),
        (
            "On 2 May 2024, militants closed down the schools of three villages near Djenne.",
            ("Strategic developments", "Other"),
        ),
        (
            "On 2 May 2024, Fulani militiamen attacked the village of Zobrakuni. The villagers "
            "fended off the attack.",
            ("Battles", "Armed clash"),  # the attacked fought back
        ),
        (
            "On 2 May 2024, residents demonstrated in Djenne to demand the release of a teacher "
            "who was abducted by gunmen last month.",
            ("Protests", "Peaceful protest"),  # the abduction is what they protest
        ),
        (
            "On 2 May 2024, militants attacked a Dozo camp near Djenne and wounded two Dozos.",
            ("Battles", "Armed clash"),  # a militia's camp, not a home
        ),
        (
            "On 2 May 2024, gunmen burned four trucks near Boni. There were no reports of clashes.",
            ("Strategic developments", "Looting/property destruction"),  # a fight denied
        ),
        (
            "On 2 May 2024, mutinying soldiers fired in the air and looted shops in Kaya.",
            ("Riots", "Violent demonstration"),
        ),
        (
            "On 2 May 2024, soldiers in Kaya began firing their weapons in protest against the "
            "extension of their mission.",
            ("Riots", "Violent demonstration"),
        ),
        (
            "On 2 May 2024, demonstrators angry over the death of a student attacked two police "
            "stations in Koudougou.",
            ("Riots", "Violent demonstration"),
        ),
        (
            "On 2 May 2024, former mutinous policemen demonstrated in Ouagadougou, asking to be "
            "reinstated.",
            ("Protests", "Peaceful protest"),
        ),
        (
            "On 2 May 2024, gunmen fired gunshots against an ambulance near Djenne. No "
            "casualties were reported.",
            ("Violence against civilians", "Attack"),
        ),
        (
            "On 2 May 2024, gunmen intercepted a bus near Djenne and took the passengers to an "
            "unknown destination.",
            ("Violence against civilians", "Abduction/forced disappearance"),
        ),
        (
            "On 2 May 2024, residents protested in Kaya, demanding the resignation of the mayor; "
            "security forces intervened and arrested ten of them.",
            ("Protests", "Protest with intervention"),
        ),
    ],
)
def test_type_rules(extract, text: str, typed: tuple[str, str]) -> None:  # type: ignore[no-untyped-def]
    m = one(extract(text))
    assert (m.event_type, m.sub_event_type) == typed


def test_unions_and_parties_are_associated_actors(extract) -> None:  # type: ignore[no-untyped-def]
    m = one(extract("On 5 March 2020, CCVC members protested in Ouagadougou against prices."))
    assert names(m, "actor1") == {"Protesters (Burkina Faso)"}
    assert any(n.startswith("CCVC") for n in names(m, "assoc1"))
    assert names(m, "actor2") == set()
    m = one(extract("On 5 March 2020, gunmen abducted three aid workers near Djibo."))
    assert names(m, "actor2") == {"Civilians (Burkina Faso)"}
    assert names(m, "assoc2") == {"Aid Workers (Burkina Faso)"}


def test_perpetrator_named_after_the_event(extract) -> None:  # type: ignore[no-untyped-def]
    m = one(
        extract(
            "On 9 May 2024, a MINUSMA vehicle struck a landmine near Kidal. No casualties "
            "were reported. The device was likely planted by JNIM militants."
        )
    )
    assert names(m, "actor1") == {"JNIM: Group for Support of Islam and Muslims"}
    assert any(n.startswith("MINUSMA") for n in names(m, "actor2"))


def test_group_in_brackets_is_the_parent(extract) -> None:  # type: ignore[no-untyped-def]
    m = one(
        extract("On 9 May 2024, Ansaroul Islam (JNIM) militants killed two civilians in Djibo.")
    )
    assert names(m, "actor1") == {"JNIM: Group for Support of Islam and Muslims"}
    assert "Ansaroul Islam" in names(m, "assoc1")


def test_civilians_lose_the_property(extract) -> None:  # type: ignore[no-untyped-def]
    m = one(extract("On 2 May 2024, JNIM militants burned a transport truck near Djenne."))
    assert (m.event_type, m.sub_event_type) == (
        "Strategic developments",
        "Looting/property destruction",
    )
    assert names(m, "actor2") == {"Civilians (Mali)"} and "actor2" in m.notes


def test_either_group_in_a_later_sentence(extract) -> None:  # type: ignore[no-untyped-def]
    """'JNIM or ISGS militants': ACLED's composite "A and/or B", with the offsets of the whole
    phrase, also when the phrase is not in the article's first sentence."""
    text = (
        "Heavy rains flooded several quarters of Gao last week, officials said. Schools stayed "
        "closed. On Sunday, JNIM or ISGS militants attacked an army post in Menaka, killing four "
        "soldiers, a local official said."
    )
    m = one(extract(text))
    (actor1,) = [a for a in m.actors if a.role == "actor1"]
    assert actor1.actor.name == (
        "JNIM: Group for Support of Islam and Muslims and/or Islamic State (Sahel)"
    )
    assert actor1.actor.alias == actor1.evidence.text == "JNIM or ISGS"
    assert text[actor1.evidence.start : actor1.evidence.end] == "JNIM or ISGS"


def test_state_forces_that_fight_back_are_the_other_side(extract) -> None:  # type: ignore[no-untyped-def]
    m = one(
        extract(
            "On 8 October 2024, JNIM militants attacked a National Guard position in Djenne. "
            "The soldiers repelled the attack."
        )
    )
    assert names(m, "actor1") == {"JNIM: Group for Support of Islam and Muslims"}
    assert any(n.startswith("Military Forces of Mali") for n in names(m, "actor2"))
    assert not any(n.startswith("Military Forces") for n in names(m, "assoc1"))


def test_militants_of_a_named_group_are_that_group(extract) -> None:  # type: ignore[no-untyped-def]
    m = one(extract("On 9 May 2024, Ansaroul Islam (JNIM) militants ambushed soldiers near Djibo."))
    assert not any(n.startswith("Unidentified") for n in names(m, "assoc1"))
    # unknown gunmen routed by a named group stay apart from it
    m = one(extract("On 9 May 2024, unknown gunmen attacked Ber. MAA-CMA fighters routed them."))
    assert any(
        n.startswith("Unidentified Armed Group") for r in ("actor1", "actor2") for n in names(m, r)
    )


def test_two_groups_that_clash_fight_each_other(extract) -> None:  # type: ignore[no-untyped-def]
    m = one(extract("On 21 March 2024, JNIM and ISGS militants clashed near Djenne."))
    assert names(m, "actor1") == {"JNIM: Group for Support of Islam and Muslims"}
    assert names(m, "actor2") == {"Islamic State (Sahel)"}  # its name since 2022
    assert not names(m, "assoc1")  # "militants" is one of the two, not a third group
    # a group and the coalition in brackets after it are one side
    m = one(extract("On 2 May 2024, Katiba Macina (JNIM) militants clashed near Djenne."))
    assert not names(m, "actor2")


def test_bracketed_hedge_after_the_date_is_not_a_report_date(extract) -> None:  # type: ignore[no-untyped-def]
    """'(as reported)' qualifies the event's own date; a later date in the note (when the body
    was found) is not the event's."""
    text = (
        "Around 3 May 2024 (as reported), unknown gunmen abducted and executed the mayor of Boni "
        "in Boni. His corpse was found on May 6 near the village."
    )
    m = one(extract(text, dt.date(2024, 5, 8)))
    assert m.date is not None and m.date.date == dt.date(2024, 5, 3)


def test_dated_opening_sentence_with_figures_dates_the_event(extract) -> None:  # type: ignore[no-untyped-def]
    """An opening sentence that is no event by itself but has figures (so it is not merged into
    the event) still gives the event its date."""
    text = (
        "On 3 May 2024, six bodies were seen near Boni. The men are believed to have been "
        "executed by soldiers."
    )
    m = one(extract(text, dt.date(2024, 5, 8)))
    assert m.date is not None and m.date.date == dt.date(2024, 5, 3)


def test_the_attacker_of_the_lead_sentence_stays_the_attacker(extract) -> None:  # type: ignore[no-untyped-def]
    m = one(
        extract(
            "On 26 April 2024, presumed JNIM militants ambushed an army unit near Djibo. One "
            "soldier and eight militants were killed, and four soldiers wounded."
        )
    )
    assert names(m, "actor1") == {"JNIM: Group for Support of Islam and Muslims"}
    assert any(n.startswith("Military Forces of Burkina Faso") for n in names(m, "actor2"))


def test_those_who_repel_an_attack_were_attacked(extract) -> None:  # type: ignore[no-untyped-def]
    m = one(
        extract(
            "On 18 April 2024, suspected Fulani militiamen attacked the Dogon village of Zobrakuni "
            "(Koro, Mopti). Dan Na Ambassagou militiamen repulsed the attack."
        )
    )
    assert names(m, "actor1") == {"Fulani Ethnic Militia (Mali)"}
    assert names(m, "actor2") == {"Dan Na Ambassagou"}


def test_forces_named_in_the_scene_setting_sentence_take_part(extract) -> None:  # type: ignore[no-untyped-def]
    m = one(
        extract(
            "On 28 October 2024, French forces conducted a combined air-ground operation near "
            "Ansongo. The ministry announced that several tens of ISGS militants were killed."
        )
    )
    assert any(n.startswith("Military Forces of France") for n in names(m, "actor1"))


def test_village_self_defense_and_ethnic_gunmen(extract) -> None:  # type: ignore[no-untyped-def]
    m = one(
        extract(
            "On 13 November 2024, Fulani gunmen attacked the Dogon village of Zobrakuni "
            "(Bandiagara, Mopti). Village self-defense responded to the attack."
        )
    )
    assert names(m, "actor1") == {"Fulani Ethnic Militia (Mali)"}
    assert names(m, "actor2") == {"Dogon Ethnic Militia (Mali)"}
    m = one(
        extract(
            "On 18 October 2024, JNIM militants attacked the village of Zobrakuni (Niono, "
            "Segou). Dozo militiamen responded to the attack."
        )
    )
    assert names(m, "actor2") == {"Dozo Communal Militia (Mali)"}


def test_militias_of_two_groups_that_clash_are_two_sides(extract) -> None:  # type: ignore[no-untyped-def]
    m = one(extract("On 4 June 2024, Fulani and Dozo militiamen exchanged gunfire near Djenne."))
    assert names(m, "actor1", "actor2") == {
        "Fulani Ethnic Militia (Mali)",
        "Dozo Communal Militia (Mali)",
    }
    assert not names(m, "assoc1")
    m = one(extract("On 4 June 2024, JNIM militants and Dozo militiamen clashed near Djenne."))
    assert names(m, "actor2") == {"Dozo Communal Militia (Mali)"}


def test_forces_with_a_country_are_its_military(extract) -> None:  # type: ignore[no-untyped-def]
    m = one(extract("On 3 June 2024, Malian forces killed four ISGS militants near Menaka."))
    assert any(n.startswith("Military Forces of Mali") for n in names(m, "actor1"))
    # "French and Malian forces": two actors; a foreign army leads its own operation
    m = one(
        extract("On 3 March 2021, French and Malian forces killed nine ISGS militants near Menaka.")
    )
    assert any(n.startswith("Military Forces of France") for n in names(m, "actor1"))
    assert any(n.startswith("Military Forces of Mali") for n in names(m, "assoc1"))
    # "forces" without a country names no one
    m = one(
        extract("On 3 June 2024, supporters of the Rally of Patriotic Forces marched in Bamako.")
    )
    assert not any(n.startswith("Military") for a in m.actors for n in [a.actor.name])


def test_unnamed_peacekeepers_are_the_mission_of_the_country(extract) -> None:  # type: ignore[no-untyped-def]
    m = one(
        extract(
            "On 10 May 2020, three peacekeepers were killed by the explosion of an IED "
            "near Aguelhok. JNIM claimed responsibility."
        )
    )
    assert names(m, "actor1") == {"JNIM: Group for Support of Islam and Muslims"}
    assert any(n.startswith("MINUSMA") for n in names(m, "actor2"))


def test_group_a_report_attributes_the_attack_to(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "On 22 November 2020, a MINUSMA vehicle struck an IED near Kidal. Two peacekeepers were "
        "wounded. A news agency close to al Qaeda attributed the attack to JNIM."
    )
    m = one(extract(text))
    assert names(m, "actor1") == {"JNIM: Group for Support of Islam and Muslims"}


def test_a_protest_has_no_other_side_but_who_answered_it(extract) -> None:  # type: ignore[no-untyped-def]
    m = one(extract("On 20 May 2024, residents demonstrated peacefully against MINUSMA in Gao."))
    assert (m.event_type, m.sub_event_type) == ("Protests", "Peaceful protest")
    assert names(m, "actor1") == {"Protesters (Mali)"} and not names(m, "actor2")
    m = one(extract("On 2 May 2024, police fired tear gas to disperse protesters in Bamako."))
    assert names(m, "actor1") == {"Protesters (Mali)"}
    assert any(n.startswith("Police Forces of Mali") for n in names(m, "actor2"))
    # "security forces" that answer a crowd are the police
    m = one(
        extract(
            "On 12 August 2024, demonstrators burned tires in Bamako; security forces fired "
            "tear gas to disperse them."
        )
    )
    assert any(n.startswith("Police Forces of Mali") for n in names(m, "actor2"))


def test_a_group_living_in_one_region_places_an_event_without_a_place(extract) -> None:  # type: ignore[no-untyped-def]
    m = one(
        extract("On 22 February 2024, Dogon militiamen shot dead a Fulani shopkeeper in Zobrakuni.")
    )
    assert m.place is not None and (m.place.admin1, m.place.precision) == ("Mopti", 3)
    assert "Dogon" in m.evidence["place"].text
    # a place the gazetteer knows wins over the group's region
    m = one(extract("On 22 February 2024, Dogon militiamen shot dead a Fulani trader in Segou."))
    assert m.place is not None and m.place.admin1 == "Segou"


def test_communities_that_fight_are_their_militias(extract) -> None:  # type: ignore[no-untyped-def]
    m = one(
        extract("On 12 November 2024, Bambara and Fulani from two villages clashed near Niono.")
    )
    assert names(m, "actor1", "actor2") == {
        "Bambara Ethnic Militia (Mali)",
        "Fulani Ethnic Militia (Mali)",
    }
    # a community named as the victims' stays a descriptor
    m = one(extract("On 3 May 2024, gunmen killed two Fulani herders near Niono."))
    assert not any("Militia" in n for n in names(m, "actor2", "assoc2"))


def test_a_national_event_without_a_town_is_at_the_capital(extract) -> None:  # type: ignore[no-untyped-def]
    m = one(
        extract("On 22 October 2024, prison guards in Burkina Faso began a strike and protested.")
    )
    assert m.place is not None and (m.place.name, m.place.precision) == ("Ouagadougou", 3)
    assert "capital" in m.notes["place"]
    # an attack is not placed at the capital for want of a town
    m = one(extract("On 22 October 2024, gunmen killed two herders in Burkina Faso."))
    assert m.place is None


def test_herders_and_farmers_of_two_communities_who_clash(extract) -> None:  # type: ignore[no-untyped-def]
    m = one(
        extract("On 16 May 2024, Gourmantche farmers and Fulani herders clashed near Kantchari.")
    )
    assert names(m, "actor1", "actor2") == {
        "Gourmantche Ethnic Militia (Burkina Faso)",
        "Fulani Ethnic Militia (Burkina Faso)",
    }
    m = one(
        extract(
            "On 18 May 2024, clashes between Fulani herders and Mossi farmers near Kaya left "
            "one dead."
        )
    )
    assert names(m, "actor1", "actor2") == {
        "Fulani Ethnic Militia (Burkina Faso)",
        "Mossi Ethnic Militia (Burkina Faso)",
    }


def test_the_army_leads_the_militia_beside_it(extract) -> None:  # type: ignore[no-untyped-def]
    m = one(
        extract(
            "On 22 May 2024, JNIM militants ambushed a joint patrol of soldiers and Koglweogo "
            "militiamen near Fada N'Gourma, killing four soldiers."
        )
    )
    assert any(n.startswith("Military Forces of Burkina Faso") for n in names(m, "actor2"))


def test_soldiers_who_mutiny_are_rioters(extract) -> None:  # type: ignore[no-untyped-def]
    m = one(extract("On 2 May 2024, mutinying soldiers fired in the air and looted shops in Kaya."))
    assert names(m, "actor1") == {"Rioters (Burkina Faso)"}
    assert any(n.startswith("Mutiny of Military Forces") for n in names(m, "assoc1"))
    assert not names(m, "actor2")


def test_a_group_the_brackets_name_with_a_hedge(extract) -> None:  # type: ignore[no-untyped-def]
    m = one(
        extract(
            "On 23 March 2024, Dogon militiamen (believed to be Dan Na Ambassagou) attacked "
            "the Fulani village of Zobrakuni (Bankass, Mopti)."
        )
    )
    assert names(m, "actor1") == {"Dan Na Ambassagou"}
    assert names(m, "assoc1") == {"Dogon Ethnic Militia (Mali)"}


def test_a_named_group_or_a_community_militia_is_unidentified(extract) -> None:  # type: ignore[no-untyped-def]
    m = one(
        extract(
            "On 29 July 2024, Katiba Macina militants or Fulani militiamen killed two men "
            "near Koro."
        )
    )
    assert names(m, "actor1") == {"Unidentified Armed Group (Mali)"}
    m = one(extract("On 21 March 2024, JNIM or ISGS militants attacked soldiers near Djenne."))
    assert any(" and/or " in n for n in names(m, "actor1"))


def test_generic_actors_when_no_country_is_known(extract) -> None:  # type: ignore[no-untyped-def]
    # no country named and no place known: the actors are named without one, never dropped
    m = one(extract("On 3 May 2024, unknown gunmen shot dead two herders in Zobrakuni."))
    assert m.place is None
    assert names(m, "actor1") == {"Unidentified Armed Group"}
    assert names(m, "actor2") == {"Civilians"}
    m = one(extract("On 3 May 2024, two herders were shot dead in Zobrakuni."))
    assert names(m, "actor1") == {"Unidentified Armed Group"}
    assert "no country known" in m.notes["actor1"]
    m = one(extract("On 3 May 2024, students in Zobrakuni marched against the school fees."))
    assert names(m, "actor1") == {"Protesters"} and names(m, "assoc1") == {"Students"}
    # a state's forces cannot be named without their state
    m = one(extract("On 3 May 2024, soldiers clashed with unknown gunmen in Zobrakuni."))
    assert names(m, "actor1") | names(m, "actor2") == {"Unidentified Armed Group"}
    # and the soldiers who act are not replaced by an armed group the text does not name
    m = one(extract("On 3 May 2024, soldiers shot dead a herder in Zobrakuni."))
    assert "Unidentified Armed Group" not in names(m, "actor1")


def test_men_are_a_descriptor_of_sexual_violence_only(extract) -> None:  # type: ignore[no-untyped-def]
    m = one(extract("On 3 May 2024, gunmen abducted a man in the village of Kain near Djibo."))
    assert not any(n.startswith("Men") for n in names(m, "assoc2"))


def test_residents_beside_protesters_are_the_crowd(extract) -> None:  # type: ignore[no-untyped-def]
    m = one(extract("On 3 May 2024, women and children of Segou marched to ask for more security."))
    assert names(m, "actor1") == {"Protesters (Mali)"}
    assert names(m, "assoc1") == {"Women (Mali)"}


def test_a_forces_post_or_vehicle_attacked_in_a_headline(extract) -> None:  # type: ignore[no-untyped-def]
    # "FAMa checkpoint attacked", "MINUSMA vehicle struck by IED": the force was hit, and the
    # attacker the text does not name is an unidentified armed group
    m = one(extract("On 3 May 2024, FAMa checkpoint near Hombori attacked at dawn, 1 dead."))
    assert names(m, "actor1") == {"Unidentified Armed Group (Mali)"}
    assert any(n.startswith("Military Forces of Mali") for n in names(m, "actor2"))
    m = one(extract("On 3 May 2024, a MINUSMA truck was damaged by an IED near Aguelhok."))
    assert names(m, "actor1") == {"Unidentified Armed Group (Mali)"}
    assert any(n.startswith("MINUSMA") for n in names(m, "actor2"))
    # a force that attacks is still the attacker
    m = one(extract("On 3 May 2024, a FAMa patrol attacked a militant camp near Gossi."))
    assert any(n.startswith("Military Forces of Mali") for n in names(m, "actor1"))


def test_a_coalition_member_coded_as_itself_keeps_its_name(extract) -> None:  # type: ignore[no-untyped-def]
    # ACLED codes Ansar Dine's acts as Ansar Dine's, JNIM associated, even when the report
    # names the coalition in brackets; Katiba Macina's as JNIM's until 2020
    m = one(extract("On 3 May 2019, Ansar Dine (JNIM) fighters shelled an army camp near Kidal."))
    assert names(m, "actor1") == {"Ansar Dine"}
    assert "JNIM: Group for Support of Islam and Muslims" in names(m, "assoc1")


def test_unidentified_gunmen_the_text_then_identifies(extract) -> None:  # type: ignore[no-untyped-def]
    m = one(
        extract(
            "On 3 May 2024, unknown gunmen, presumably Fulani militiamen, abducted a Dogon "
            "farmer near Bankass."
        )
    )
    assert names(m, "actor1") == {"Fulani Ethnic Militia (Mali)"}
    assert not any(n.startswith("Unidentified") for n in names(m, "actor1", "assoc1"))
    m = one(
        extract("On 3 May 2024, gunmen, believed to be JNIM militants, attacked a post near Djibo.")
    )
    assert names(m, "actor1") == {"JNIM: Group for Support of Islam and Muslims"}


def test_perpetrators_alleged_to_be_a_group(extract) -> None:  # type: ignore[no-untyped-def]
    m = one(
        extract(
            "On 3 May 2024, twelve Fulani herders were killed near Menaka. The perpetrators are "
            "alleged to be GATIA militiamen."
        )
    )
    assert names(m, "actor1") == {"GATIA: Imghad Tuareg and Allies Self-Defense Group"}


def test_a_crowds_other_side_with_no_country_known(extract) -> None:  # type: ignore[no-untyped-def]
    # what a protest was about is no actor 2, country or not
    m = one(extract("On 3 May 2024, health workers staged a sit-in protest in Zobrakuni."))
    assert names(m, "actor1") == {"Protesters"} and not names(m, "actor2")
    m = one(extract("Students marched to demand an inquiry into the death of a teacher."))
    assert names(m, "actor1") == {"Protesters"} and not names(m, "actor2")
    # the protest rioters hold is their own, not a second crowd they face
    m = one(extract("On 3 May 2024, rioters protest the arrest of a trader, burning tyres."))
    assert "Protesters" not in names(m, "actor2", "assoc2")


def test_the_forces_that_answer_a_crowd_in_a_later_sentence(extract) -> None:  # type: ignore[no-untyped-def]
    m = one(extract("On 3 May 2024, miners in Kaya protested for better pay. Police intervene."))
    assert m.sub_event_type == "Protest with intervention"
    assert any(n.startswith("Police Forces of Burkina Faso") for n in names(m, "actor2"))
    m = one(
        extract(
            "On 3 May 2024, rioters blocked roads in Ouagadougou. Youths stoned a patrol and "
            "police answered with teargas fired at the rioters."
        )
    )
    assert any(n.startswith("Police Forces of Burkina Faso") for n in names(m, "actor2"))
    # a call on someone to intervene is no intervention
    m = one(extract("On 3 May 2024, residents of Kayes marched, calling for Russia to intervene."))
    assert m.sub_event_type == "Peaceful protest"


def test_forest_guards_are_a_police_service(extract) -> None:  # type: ignore[no-untyped-def]
    m = one(extract("On 3 May 2020, unknown gunmen killed two rangers near Diapaga, Burkina Faso."))
    assert names(m, "actor2") == {"Police Forces of Burkina Faso (2015-2022) Forest Guards"}


def test_a_sports_word_in_passing_is_no_match_report(extract) -> None:  # type: ignore[no-untyped-def]
    m = one(
        extract("On 3 May 2024, JNIM militants kidnapped two players of a football club near Boni.")
    )
    assert m.sub_event_type == "Abduction/forced disappearance"
    m = one(
        extract("On 3 May 2024, gunmen assassinated an official of the Consumers League in Djibo.")
    )
    assert m.event_type == "Violence against civilians"


def test_herds_seized_are_looting(extract) -> None:  # type: ignore[no-untyped-def]
    m = one(extract("On 3 May 2024, bandits seized two hundred heads of cattle near Menaka."))
    assert m.sub_event_type == "Looting/property destruction"


def test_explosives_set_off_and_shots_into_a_crowd(extract) -> None:  # type: ignore[no-untyped-def]
    m = one(extract("On 3 May 2024, JNIM fighters set off explosives under a culvert near Kaya."))
    assert m.sub_event_type == "Remote explosive/landmine/IED"
    m = one(
        extract(
            "On 3 May 2024, two traders were hurt in Kidal when gunmen fired into a market crowd."
        )
    )
    assert m.event_type == "Violence against civilians"


def test_a_foreign_forces_demonym_is_not_the_events_country(extract) -> None:  # type: ignore[no-untyped-def]
    # "a French soldier" says who was hit, not where: France is not the event's country
    m = one(extract("On 3 May 2024, a French soldier was wounded by an IED near Zobrakuni."))
    assert m.country != "FR"
    m = one(extract("On 3 May 2024, a French helicopter carried out an airstrike near Zobrakuni."))
    assert names(m, "actor1") == {"Military Forces of France (2017-)"}


def test_unorganised_people_who_fight_riot(extract) -> None:  # type: ignore[no-untyped-def]
    m = one(extract("On 3 May 2024, two rival families clashed over a well in Dori, Burkina Faso."))
    assert (m.event_type, names(m, "actor1")) == ("Riots", {"Rioters (Burkina Faso)"})


def test_counted_dead_in_a_headline_and_a_places_country(extract) -> None:  # type: ignore[no-untyped-def]
    # "3 peacekeepers killed": they were killed; the place says whose mission they serve
    m = one(extract("On 3 May 2024, 3 peacekeepers killed in an IED attack near Douentza."))
    assert names(m, "actor1") == {"Unidentified Armed Group (Mali)"}
    assert any(n.startswith("MINUSMA") for n in names(m, "actor2"))


def test_a_child_hit_by_a_blast_is_a_civilian(extract) -> None:  # type: ignore[no-untyped-def]
    m = one(extract("On 3 May 2024, a child was killed by an explosive device near Koro."))
    assert names(m, "actor2") == {"Civilians (Mali)"}


def test_soldiers_of_an_unnamed_state_still_attack(extract) -> None:  # type: ignore[no-untyped-def]
    # no country known, so the soldiers go unnamed; they still make it an attack on a
    # civilian, not a riot
    m = one(
        extract(
            "On 3 May 2024, gendarmes or soldiers killed a herder and assaulted his brothers in "
            "Zobra."
        )
    )
    assert (m.event_type, names(m, "actor2")) == ("Violence against civilians", {"Civilians"})


def test_an_army_that_ransacks_homes_is_who_destroys(extract) -> None:  # type: ignore[no-untyped-def]
    m = one(extract("On 3 May 2024, the Malian army ransacked shops and burned carts in Zobra."))
    assert m.sub_event_type == "Looting/property destruction"
    assert names(m, "actor1") == {"Military Forces of Mali (2021-)"}
    assert names(m, "actor2") == {"Civilians (Mali)"}


def test_a_target_of_an_earlier_attack_avenged(extract) -> None:  # type: ignore[no-untyped-def]
    # "in reprisal for an attack on the gendarmerie": the gendarmerie was hit before, not now
    m = one(
        extract(
            "On 3 May 2024, Malian soldiers killed three civilians in Zobra (Niono, Segou), in "
            "reprisal for an attack on the gendarmerie post of the town the day before."
        )
    )
    assert m.event_type == "Violence against civilians"
    assert names(m, "actor2") == {"Civilians (Mali)"}


def test_one_trader_or_youth_killed_by_a_mine_is_a_civilian(extract) -> None:  # type: ignore[no-untyped-def]
    m = one(extract("On 3 May 2024, a mine near Koro killed a Bambara trader and hurt his son."))
    assert names(m, "actor2") == {"Civilians (Mali)"}
    m = one(extract("On 3 May 2024, an explosive device killed a young shopkeeper near Koro."))
    assert names(m, "actor2") == {"Civilians (Mali)"}


def test_a_hunting_camp_is_no_military_camp(extract) -> None:  # type: ignore[no-untyped-def]
    m = one(
        extract(
            "On 3 May 2024, JNIM militants attacked a hunting camp near Fada NGourma and burned "
            "two tents."
        )
    )
    assert m.sub_event_type == "Looting/property destruction"
    assert names(m, "actor2") == {"Civilians (Burkina Faso)"}


def test_an_acronym_two_countries_groups_share(extract) -> None:  # type: ignore[no-untyped-def]
    # "UPC" is a party in Burkina Faso and a rebel group in the Central African Republic
    m = one(extract("On 3 May 2024, rioters burned the UPC office in Ouagadougou."))
    assert "UPC: Union for Progress and Change" in names(m, "actor1", "actor2", "assoc1", "assoc2")
    m = one(extract("On 3 May 2024, UPC rebels attacked a village near Bambari."))
    assert names(m, "actor1") == {"UPC: Union for Peace in the Central African Republic"}


def test_a_communitys_self_defence_is_its_ethnic_militia(extract) -> None:  # type: ignore[no-untyped-def]
    # ACLED names a militia after a place (communal) or a people (ethnic): a Bambara
    # self-defence group is the Bambara Ethnic Militia, and so is a Bambara village's
    m = one(
        extract("On 3 May 2020, JNIM militants fought a Bambara self-defense group near Segou.")
    )
    assert names(m, "actor2") == {"Bambara Ethnic Militia (Mali)"}
    m = one(
        extract(
            "On 3 May 2020, Fulani militiamen raided the Bambara village of Zobra near Segou, "
            "where the self-defence group repulsed them, killing three assailants."
        )
    )
    # the assailants killed are the attackers' men, not a group of their own
    assert names(m, "actor1", "actor2", "assoc1", "assoc2") == {
        "Fulani Ethnic Militia (Mali)",
        "Bambara Ethnic Militia (Mali)",
    }
    m = one(
        extract("On 3 May 2020, JNIM fighters exchanged fire with Dogon villagers close to Koro.")
    )
    assert names(m, "actor2") == {"Dogon Ethnic Militia (Mali)"}


def test_a_large_town_where_the_named_groups_do_not_operate(extract) -> None:  # type: ignore[no-untyped-def]
    # Katiba Macina operates in Mali: "Mandoli" is no suburb of Delhi; a capital city is
    # still itself whoever signs there
    m = one(extract("On 3 May 2020, Katiba Macina fighters burned a school in Mandoli."))
    assert m.country == "ML"
    m = one(extract("On 3 May 2020, armed groups of northern Mali signed a truce in Ouagadougou."))
    assert m.place is not None and m.place.name == "Ouagadougou"


def test_people_hurt_by_someone_is_an_event(extract) -> None:  # type: ignore[no-untyped-def]
    # no word of killing or attack: "wounded" with its perpetrator is still an attack, and
    # armed men wounded by armed men fought
    m = one(extract("On 3 May 2021, unknown gunmen wounded two cattle herders near Kaya."))
    assert (m.event_type, names(m, "actor1")) == (
        "Violence against civilians",
        {"Unidentified Armed Group (Burkina Faso)"},
    )
    m = one(extract("On 3 May 2021, unknown gunmen wounded two soldiers near Kaya."))
    assert m.event_type == "Battles"
    assert names(m, "actor2") == {"Military Forces of Burkina Faso (2015-2022)"}


def test_guards_and_armed_groups_named_so(extract) -> None:  # type: ignore[no-untyped-def]
    # hired guards are Private Security Forces (ACLED inter 8); "an unnamed armed group" is
    # the Unidentified Armed Group
    m = one(extract("On 3 May 2021, gunmen shot dead a trader and his bodyguard in Gao."))
    assert "Private Security Forces (Mali)" in names(m, "actor2", "assoc2")
    m = one(
        extract(
            "On 3 May 2020, the Malian army killed a fighter of an unnamed armed group near Mopti."
        )
    )
    assert names(m, "actor2") == {"Unidentified Armed Group (Mali)"}


def test_an_attack_that_only_takes_or_burns_property(extract) -> None:  # type: ignore[no-untyped-def]
    # no one hurt, killed or taken: ACLED's Looting/property destruction, whoever owned it
    m = one(
        extract(
            "On 3 May 2020, gunmen raided the hamlet of Zobra near Koro and stole its goats; "
            "nobody was hurt."
        )
    )
    assert m.sub_event_type == "Looting/property destruction"
    # whipping, beating or mistreating people is violence against them
    m = one(extract("On 3 May 2020, militants took goats and whipped two women near Koro."))
    assert m.sub_event_type == "Attack"


def test_a_protest_about_a_killing_years_ago_is_news(extract) -> None:  # type: ignore[no-untyped-def]
    # the year dates the killing the crowd remembers, not the march: a peaceful protest today
    m = one(
        extract("Students marched silently to the tomb of a teacher who was shot dead in 2009.")
    )
    assert (m.sub_event_type, m.fatalities.acled) == ("Peaceful protest", 0)
    m = one(extract("Thousands rallied in Koudougou over the unsolved 2011 murder of a pupil."))
    assert m.event_type == "Protests"
    # a year that dates the sentence's own report is still history
    assert extract("In 2009, rebels seized the town of Kidal after heavy fighting.") == []


def test_an_armed_groups_rule_over_people_and_a_strike(extract) -> None:  # type: ignore[no-untyped-def]
    # bans, dress codes, roadblocks are ACLED's "Other" strategic developments; a strike is a
    # peaceful protest
    for text in (
        "On 3 May 2022, JNIM militants prohibited villagers from farming near Fada NGourma.",
        "On 3 May 2022, militants imposed the veil on the women of Zobra near Djibo.",
        "On 3 May 2022, gunmen manned a makeshift checkpoint outside Seytenga and checked IDs.",
    ):
        m = one(extract(text))
        assert m.sub_event_type == "Other", text
    m = one(extract("On 3 May 2022, nurses in Kaya went on a 48-hour strike over unpaid wages."))
    assert m.sub_event_type == "Peaceful protest"


def test_goods_taken_and_people_hurt_by_named_men(extract) -> None:  # type: ignore[no-untyped-def]
    # what was taken makes it looting (grain, tricycles, a vehicle "seized by" gunmen, people
    # "stripped of" their phones, extortion); who hurt whom makes it an attack
    for text in (
        "On 3 May 2020, militants emptied the school store in Zobra near Djibo, seizing rice.",
        "On 3 May 2020, gunmen stripped two drivers of their phones near Djibo.",
        "On 3 May 2020, an NGO truck was seized by gunmen near Djibo.",
        "On 3 May 2020, militiamen extorted herders near Djibo.",
    ):
        m = one(extract(text))
        assert m.sub_event_type == "Looting/property destruction", text
    m = one(extract("On 3 May 2020, two nurses were wounded by unknown gunmen near Djibo."))
    assert names(m, "actor1") == {"Unidentified Armed Group (Burkina Faso)"}
    m = one(extract("On 3 May 2020, soldiers beat three herders near Djibo."))
    assert m.sub_event_type == "Attack"


def test_what_a_crowd_protests_is_not_its_own_doing(extract) -> None:  # type: ignore[no-untyped-def]
    m = one(
        extract(
            "On 3 May 2020, moto-taxi drivers demonstrated in Kaya after police seized their "
            "motorbikes in a road check."
        )
    )
    assert m.sub_event_type == "Peaceful protest"


def test_the_group_a_later_sentence_or_a_bracket_names(extract) -> None:  # type: ignore[no-untyped-def]
    m = one(
        extract(
            "On 3 May 2020, an army convoy was ambushed near Boni, two soldiers killed. Claimed "
            "by JNIM two days later."
        )
    )
    assert names(m, "actor1") == {"JNIM: Group for Support of Islam and Muslims"}
    m = one(
        extract(
            "On 3 May 2020, unknown gunmen [believed to be ISGS fighters] burned a school near Gao."
        )
    )
    assert names(m, "actor1") == {"Islamic State (Greater Sahara)"}


def test_rival_camps_and_political_opponents_who_clash_riot(extract) -> None:  # type: ignore[no-untyped-def]
    for text in (
        "On 3 May 2020, rival political factions clashed in Kaya after the mayoral vote.",
        "On 3 May 2020, opponents and partisans of the new chief fought in the streets of Kaya.",
    ):
        m = one(extract(text))
        assert (m.event_type, names(m, "actor1")) == ("Riots", {"Rioters (Burkina Faso)"}), text


def test_violence_a_crowd_stands_in_solidarity_with(extract) -> None:  # type: ignore[no-untyped-def]
    m = one(
        extract(
            "On 3 May 2020, nurses in Kaya held a sit-in in solidarity with a colleague assaulted "
            "by a patient's family."
        )
    )
    assert m.sub_event_type == "Peaceful protest"
    # what comes "after" may be the crowd's own doing
    m = one(
        extract(
            "On 3 May 2020, prisoners escaped in Kaya after students set the police station on "
            "fire to protest the arrest of two classmates."
        )
    )
    assert m.event_type == "Riots"


def test_a_people_of_one_country_gives_the_events_country(extract) -> None:  # type: ignore[no-untyped-def]
    # the Foulse (Kurumba) live in Burkina Faso, the Minianka in Mali: with no place the
    # gazetteer knows, the community says the country
    m = one(extract("On 3 May 2020, Kurumba militiamen killed two herders near Zobrakuni."))
    assert m.country == "BF"
    m = one(extract("On 3 May 2020, gunmen killed two Minianka farmers near Zobrakuni."))
    assert m.country == "ML"


def test_a_people_living_in_one_country_outweighs_a_group_of_several(extract) -> None:  # type: ignore[no-untyped-def]
    # ISGS fights in three countries; the Foulse live in Burkina Faso, the Dogon in Mali
    m = one(extract("On 3 May 2020, ISGS fighters shot three Foulse farmers near Zobrakuni."))
    assert m.country == "BF"
    m = one(
        extract("On 3 May 2020, Ansaroul Islam fighters shot two Dogon hunters near Zobrakuni.")
    )
    assert m.country == "ML"


def test_throats_slit_towers_blown_and_trucks_on_mines(extract) -> None:  # type: ignore[no-untyped-def]
    m = one(extract("On 3 May 2020, militants slit the throats of two herders near Djibo."))
    assert m.sub_event_type == "Attack"
    m = one(extract("On 3 May 2020, militants detonated a telephone tower near Djibo."))
    assert m.sub_event_type == "Remote explosive/landmine/IED"
    m = one(
        extract("On 3 May 2020, a driver died after the passage of his truck over a mine near Gao.")
    )
    assert m.sub_event_type == "Remote explosive/landmine/IED"


def test_unknown_gunmen_presumed_to_be_a_group_in_quotes(extract) -> None:  # type: ignore[no-untyped-def]
    m = one(
        extract(
            "On 3 May 2020, unknown men (presumably 'jihadists') set fire to a chapel near Koro."
        )
    )
    assert names(m, "actor1") == {"Islamist Militia (Mali)"}


def test_what_a_crowd_rallies_against_takes_no_part(extract) -> None:  # type: ignore[no-untyped-def]
    # "against military rule", "to denounce the army": the crowd's cause, not its side
    m = one(extract("On 3 May 2021, hundreds rallied in Khartoum against military rule."))
    assert names(m, "actor1", "assoc1") == {"Protesters (Sudan)"}
    m = one(extract("On 3 May 2021, residents marched in Kidal to denounce the army's patrols."))
    assert names(m, "assoc1", "actor2", "assoc2") == set()
    # forces a crowd is against that answer it are its other side
    m = one(
        extract(
            "On 3 May 2021, students protested in Nairobi against the police; police fired tear "
            "gas."
        )
    )
    assert m.sub_event_type == "Protest with intervention"
    assert names(m, "actor2") == {"Police Forces of Kenya (2013-2022)"}


def test_unnamed_rebels_are_an_unidentified_group(extract) -> None:  # type: ignore[no-untyped-def]
    m = one(extract("On 3 May 2021, rebels attacked an army outpost near Rutshuru, DR Congo."))
    assert (m.event_type, m.sub_event_type) == ("Battles", "Armed clash")
    assert names(m, "actor1") == {"Unidentified Armed Group (Democratic Republic of Congo)"}
    # with a group named, "the rebels" are that group
    m = one(
        extract(
            "On 3 May 2021, M23 fighters attacked an army outpost near Rutshuru; the rebels "
            "seized weapons."
        )
    )
    assert "Unidentified Armed Group (Democratic Republic of Congo)" not in names(m, "actor1")


def test_people_taken_in_a_raid_that_hurt_no_one(extract) -> None:  # type: ignore[no-untyped-def]
    # ACLED: a raid in which people are abducted and no one is hurt is an abduction
    m = one(extract("On 3 May 2021, gunmen raided the village of Zobrakuni and abducted 12 women."))
    assert m.sub_event_type == "Abduction/forced disappearance"
    m = one(
        extract(
            "On 3 May 2021, gunmen raided the village of Zobrakuni, shot dead a man and abducted "
            "12 women."
        )
    )
    assert m.sub_event_type == "Attack"


def test_a_group_blamed_or_claiming_in_a_later_sentence(extract) -> None:  # type: ignore[no-untyped-def]
    m = one(
        extract(
            "On 3 May 2021, a roadside bomb hit a police truck near Garissa, killing two "
            "officers. Police blamed Al Shabaab."
        )
    )
    assert names(m, "actor1") == {"Al Shabaab"}
    # "Islamic State" unqualified is the branch of the country of the places named before
    m = one(
        extract(
            "On 3 May 2021, insurgents beheaded three woodcutters near Mocimboa da Praia. "
            "Islamic State later claimed the killings."
        )
    )
    assert names(m, "actor1") == {"Islamic State (Mozambique)"}


def test_who_only_reports_the_toll_later_takes_no_part(extract) -> None:  # type: ignore[no-untyped-def]
    m = one(
        extract(
            "On 3 May 2021, gunmen raided two hamlets near Bokkos, Nigeria. The state government "
            "said 12 people were killed."
        )
    )
    assert names(m, "actor1") == {"Unidentified Armed Group (Nigeria)"}
    assert m.fatalities.acled == 12


def test_hunters_by_trade_are_civilians(extract) -> None:  # type: ignore[no-untyped-def]
    m = one(extract("On 3 May 2021, militants shot dead five honey hunters near Palmyra, Syria."))
    assert (m.event_type, m.sub_event_type) == ("Violence against civilians", "Attack")
    assert names(m, "actor2") == {"Civilians (Syria)"}


@pytest.mark.parametrize(
    ("text", "event_type", "sub_event_type"),
    [  # wordings from other countries' wire copy, each a general form of its event
        (
            "On 3 May 2021, thousands gathered at the main square in Kano to show support for "
            "the governor.",
            "Protests",
            "Peaceful protest",
        ),
        (
            "On 3 May 2021, ISWAP fighters set up a new forward camp in the forest near Monguno.",
            "Strategic developments",
            "Headquarters or base established",
        ),
        (
            "On 3 May 2021, traders angry over a new levy set tyres alight in the market of "
            "Kisumu.",
            "Riots",
            "Violent demonstration",
        ),
        (
            "On 3 May 2021, troops found a cache of mortar rounds and explosives near Mosul.",
            "Strategic developments",
            "Disrupted weapons use",
        ),
        (
            "On 3 May 2021, air defences shot down four attack drones over Odesa.",
            "Strategic developments",
            "Disrupted weapons use",
        ),
        (
            "On 3 May 2021, army engineers safely detonated a roadside device found near Gao.",
            "Strategic developments",
            "Disrupted weapons use",
        ),
        (
            "On 3 May 2021, rebels dropped grenades from a drone onto an army post near Beni.",
            "Explosions/Remote violence",
            "Air/drone strike",
        ),
        (
            "On 3 May 2021, a helicopter dropped barrel bombs on the outskirts of Hama.",
            "Explosions/Remote violence",
            "Air/drone strike",
        ),
        (
            "On 3 May 2021, a magnetic bomb fixed under a taxi exploded in Kabul, killing the "
            "driver.",
            "Explosions/Remote violence",
            "Remote explosive/landmine/IED",
        ),
        (
            "On 3 May 2021, nurses marched in Basra; riot police pushed them back and detained "
            "four.",
            "Protests",
            "Protest with intervention",
        ),
        (
            "On 3 May 2021, a crowd of youths stormed a police post in Rumbek to free a detainee.",
            "Riots",
            "Mob violence",
        ),
        (
            "On 3 May 2021, bandits raided Gusau and carried away 40 villagers.",
            "Violence against civilians",
            "Abduction/forced disappearance",
        ),
        (
            "On 3 May 2021, M23 rebels seized Bunagana after a night of fighting with the army.",
            "Battles",
            "Non-state actor overtakes territory",
        ),
        (
            "On 3 May 2021, the army recaptured Bunagana from M23 rebels after heavy fighting.",
            "Battles",
            "Government regains territory",
        ),
        (
            "On 3 May 2024, Russian forces took control of Kurakhove after days of fighting.",
            "Battles",
            "Non-state actor overtakes territory",  # ACLED: a foreign state force too
        ),
        (
            "On 3 May 2024, troops detained 12 men during a night raid on the town of Jenin.",
            "Strategic developments",
            "Arrests",
        ),
        (
            "On 3 May 2024, soldiers found a truck loaded with rockets and ammunition at a "
            "checkpoint near Tyre, Lebanon.",
            "Strategic developments",
            "Disrupted weapons use",
        ),
        (
            "On 3 May 2024, an Israeli drone fired a missile at a car in Khan Younis, killing two.",
            "Explosions/Remote violence",
            "Air/drone strike",
        ),
        (
            "On 3 May 2024, residents beat to death a man they accused of stealing a goat in "
            "Sylhet, Bangladesh, police said.",
            "Riots",
            "Mob violence",
        ),
        (
            "On 3 May 2024, hundreds of families of hostages rallied in Tel Aviv, calling for a "
            "deal to free the hostages.",
            "Protests",
            "Peaceful protest",
        ),
        (
            "On 3 May 2024, about 40 teachers gathered outside the town hall of Herat demanding "
            "unpaid salaries.",
            "Protests",
            "Peaceful protest",
        ),
        (
            "On 3 May 2024, ADF rebels raided a camp for displaced people near Beni, killing 9.",
            "Violence against civilians",
            "Attack",
        ),
        (
            "On 3 May 2024, Russian forces launched Shahed-type drones at a port in Izmail, "
            "Ukraine.",
            "Explosions/Remote violence",
            "Air/drone strike",
        ),
        (
            "On 3 May 2024, soldiers demolished three houses in a village near Hebron.",
            "Strategic developments",
            "Looting/property destruction",
        ),
        (
            "On 3 May 2024, troops set up a fortified position on a hill west of Quneitra, Syria.",
            "Strategic developments",
            "Headquarters or base established",
        ),
    ],
)
def test_wire_copy_from_other_countries(  # type: ignore[no-untyped-def]
    extract, text: str, event_type: str, sub_event_type: str
) -> None:
    found = extract(text)
    assert found, text
    assert (found[0].event_type, found[0].sub_event_type) == (event_type, sub_event_type)


def test_unnamed_militants_fight_the_soldiers_named_with_them(extract) -> None:  # type: ignore[no-untyped-def]
    (m,) = extract("On 3 May 2021, militants and soldiers clashed near Djibo.")
    sides = {r.role: r.actor.name for r in m.actors}
    assert sides["actor1"] != sides.get("assoc1")
    assert {sides["actor1"], sides["actor2"]} == {
        "Unidentified Armed Group (Burkina Faso)",
        "Military Forces of Burkina Faso (2015-2022)",
    }


def test_herders_who_raid_are_their_peoples_militia(extract) -> None:  # type: ignore[no-untyped-def]
    m = one(
        extract(
            "On 3 May 2021, Fulani herdsmen raided two hamlets near Bokkos, Nigeria, shooting "
            "residents and setting huts ablaze."
        )
    )
    assert (m.event_type, m.sub_event_type) == ("Violence against civilians", "Attack")
    assert names(m, "actor1") == {"Fulani Ethnic Militia (Nigeria)"}


def test_men_who_attack_and_the_men_who_killed(extract) -> None:  # type: ignore[no-untyped-def]
    # "two men on a motorbike" who shoot are unidentified gunmen; "killed by two men": one dead
    m = one(extract("On 3 May 2021, two men on a motorbike shot dead a trader in Kano, Nigeria."))
    assert names(m, "actor1") == {"Unidentified Armed Group (Nigeria)"}
    m = one(extract("On 3 May 2021, a trader was shot dead by two men in Kano, Nigeria."))
    assert m.fatalities.acled == 1


def test_government_guns_are_the_military(extract) -> None:  # type: ignore[no-untyped-def]
    m = one(
        extract("On 3 May 2021, government artillery shelled a market in Ariha, Syria, killing 2.")
    )
    assert names(m, "actor1") == {"Military Forces of Syria (2000-2024)"}


def test_whom_stones_and_shells_hit(extract) -> None:  # type: ignore[no-untyped-def]
    # "threw stones at police": the police are the rioters' other side
    (m,) = extract(
        "On 3 May 2021, angry residents burned tyres on the main road in Basra. They threw stones "
        "at police, who fired in the air."
    )
    assert names(m, "actor2") == {"Police Forces of Iraq (2020-2022)"}
    # shells that landed in homes hit civilians; a bandit camp bombed is the bandits'
    m = one(
        extract(
            "On 3 May 2021, shells fired by the RSF landed in residential areas of Nyala, "
            "killing 4."
        )
    )
    assert names(m, "actor2") == {"Civilians (Sudan)"}
    m = one(extract("On 3 May 2021, air force jets bombed a bandit camp near Gusau, Nigeria."))
    assert names(m, "actor2") == {"Unidentified Armed Group (Nigeria)"}


def test_the_sna_of_syria_is_the_syrian_national_army(extract) -> None:  # type: ignore[no-untyped-def]
    m = one(extract("On 3 May 2021, SDF and SNA fighters clashed near Manbij, Syria."))
    assert names(m, "actor1", "actor2") == {
        "QSD: Syrian Democratic Forces",
        "SNA: Syrian National Army",
    }


def test_a_city_named_abroad_and_police_who_only_report(extract) -> None:  # type: ignore[no-untyped-def]
    m = one(extract("On 3 May 2024, an Israeli air strike hit a house in Khan Younis, killing 4."))
    assert m.place is not None and m.place.country == "PS"
    m = one(
        extract(
            "On 3 May 2024, residents beat to death a man they accused of theft in Sylhet, "
            "Bangladesh, police said."
        )
    )
    assert names(m, "actor1") == {"Rioters (Bangladesh)"}
    assert names(m, "actor2", "assoc1") == set()


def test_a_countrys_aircraft_and_missiles_are_its_military(extract) -> None:  # type: ignore[no-untyped-def]
    m = one(extract("On 3 May 2024, Turkish jets bombed PKK hideouts near Zakho, Iraq."))
    assert names(m, "actor1") == {"Military Forces of Turkey (2016-)"}
    # with no people named, missiles are nobody's forces
    m = one(extract("On 3 May 2024, missiles struck a market in Kharkiv, Ukraine, killing 3."))
    assert names(m, "actor1") == {"Unidentified Armed Group (Ukraine)"}


def test_police_who_report_a_clash_take_no_part(extract) -> None:  # type: ignore[no-untyped-def]
    m = one(
        extract(
            "On 3 May 2024, Pokot herders exchanged fire with Turkana herders near Kainuk, Kenya, "
            "leaving three dead, police said."
        )
    )
    assert not any(r.actor.name.startswith("Police") for r in m.actors)


def test_bodies_found_before_the_event_is_told_give_it_place_and_toll(extract) -> None:  # type: ignore[no-untyped-def]
    """A sentence with figures but no violence of its own, just before the one that tells who
    killed them: its place and its dead are the event's."""
    m = one(
        extract(
            "Fourteen bodies riddled with bullets were found around Kaya. The victims had been "
            "executed by policemen. Fatalities: 14 civilians.",
            dt.date(2024, 5, 6),
        )
    )
    assert m.place is not None and m.place.name == "Kaya"
    assert any(n.startswith("Police Forces of Burkina Faso") for n in names(m, "actor1"))
    assert m.fatalities.acled == 14  # the same fourteen told twice, not 28


def test_two_victims_named_one_by_one_are_two(extract) -> None:  # type: ignore[no-untyped-def]
    m = one(extract("On 3 May 2024, gunmen killed a trader and his son near Kaya."))
    assert m.fatalities.acled == 2


@pytest.mark.parametrize(
    ("text", "typed"),
    [
        (  # the demonstrations are the reason for the arrest, not the event
            "Police arrested an opposition activist at his home in Lome on 3 May 2024 over his "
            "alleged role in organising last week's demonstrations.",
            ("Strategic developments", "Arrests"),
        ),
        (
            "Police in Kampala detained 20 students who tried to march on the education ministry "
            "on 3 May 2024.",
            ("Protests", "Protest with intervention"),
        ),
        (  # a crowd that goes home by itself met no intervention
            "Hundreds of teachers rallied in Accra on 3 May 2024 over unpaid wages; the crowd "
            "dispersed peacefully in the afternoon.",
            ("Protests", "Peaceful protest"),
        ),
        (  # "to stop a march" is what the shooting was for, not a grievance
            "On 3 May 2024, soldiers fired live rounds to stop a march of students in Conakry, "
            "killing two.",
            ("Protests", "Excessive force against protesters"),
        ),
        (
            "On 3 May 2024, a crowd in Kumasi beat a man accused of snatching a handbag and set "
            "him on fire.",
            ("Riots", "Mob violence"),
        ),
        (  # residents who hurt people, no armed group and no protest: a mob
            "On 3 May 2024, residents of a township in Durban went from house to house, "
            "assaulting migrants and beating one man to death.",
            ("Riots", "Mob violence"),
        ),
        (  # a crowd that fights the police demonstrates violently
            "On 3 May 2024, opposition supporters clashed with police in Conakry, throwing "
            "stones and burning tyres.",
            ("Riots", "Violent demonstration"),
        ),
        (  # the blast the march remembers is not the march's violence
            "Thousands marched in Beirut on 4 August 2024 to mark four years since the port "
            "blast that killed more than 200 people.",
            ("Protests", "Peaceful protest"),
        ),
    ],
)
def test_crowds_and_the_forces_that_answer_them(extract, text: str, typed: tuple[str, str]) -> None:  # type: ignore[no-untyped-def]
    m = one(extract(text, dt.date(2024, 8, 6)))
    assert (m.event_type, m.sub_event_type) == typed


@pytest.mark.parametrize(
    ("text", "typed"),
    [
        (  # full control after an attack
            "On 3 May 2024, M23 rebels attacked army positions around Rubaya and took full "
            "control of the town after the soldiers fled.",
            ("Battles", "Non-state actor overtakes territory"),
        ),
        (  # retook ... from rebels
            "Congolese troops retook the eastern town of Kitshanga from M23 rebels on 3 May "
            "2024 after two days of fighting.",
            ("Battles", "Government regains territory"),
        ),
        (  # the speaker's own deed ("it had captured")
            "The Arakan Army said on 3 May 2024 it had captured Paletwa town after weeks of "
            "fighting.",
            ("Battles", "Non-state actor overtakes territory"),
        ),
        (  # the garrison left, no fight
            "On 3 May 2024, the army garrison in Sumprabum pulled out and KIA troops "
            "entered and took control of the town without a fight.",
            ("Strategic developments", "Non-violent transfer of territory"),
        ),
        (  # a bomb that went off
            "On 3 May 2024, a bomb hidden in a parked car outside a market in Narathiwat "
            "went off, wounding four people.",
            ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
        ),
        (  # a vehicle on a mine
            "A farmer was killed on 3 May 2024 when his tractor hit an anti-tank mine near "
            "Kupiansk.",
            ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
        ),
        (  # prisoners freed under a deal
            "On 3 May 2024, the government freed 30 rebel fighters from prison in N'Djamena "
            "under a deal agreed at the peace talks.",
            ("Strategic developments", "Agreement"),
        ),
        (  # a pledge to halt kidnappings is no kidnapping
            "The government and the ELN agreed on 3 May 2024 to extend their ceasefire. The "
            "rebels also pledged to halt kidnappings.",
            ("Strategic developments", "Agreement"),
        ),
        (  # chlorine
            "On 3 May 2024, a helicopter dropped a barrel of chlorine on a village near "
            "Idlib; 8 people were treated for breathing problems.",
            ("Explosions/Remote violence", "Chemical weapon"),
        ),
        (  # a barrage of rockets, no one hurt
            "On 3 May 2024, Hezbollah fired a barrage of some 20 rockets at Metula; nobody "
            "was hurt.",
            ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
        ),
        (  # a new base
            "On 3 May 2024, the army set up a new forward operating base in Jowhar.",
            ("Strategic developments", "Headquarters or base established"),
        ),
        (  # settlers who burn and shoot
            "On 3 May 2024, Israeli settlers stormed the village of Huwara, torching cars "
            "and firing at residents, wounding two.",
            ("Violence against civilians", "Attack"),
        ),
        (  # gang members
            "On 3 May 2024, gang members raided the neighbourhood of Solino in "
            "Port-au-Prince, killing four residents and burning homes.",
            ("Violence against civilians", "Attack"),
        ),
        (  # held where no one is told
            "On 3 May 2024, Houthi forces detained five teachers in Ibb; their families "
            "were not told where they were being held.",
            ("Violence against civilians", "Abduction/forced disappearance"),
        ),
    ],
)
def test_territory_devices_deals_and_the_actors_of_other_wars(
    extract, text: str, typed: tuple[str, str]
) -> None:  # type: ignore[no-untyped-def]
    m = one(extract(text, dt.date(2024, 5, 6)))
    assert (m.event_type, m.sub_event_type) == typed


def test_settlers_and_gang_members(extract) -> None:  # type: ignore[no-untyped-def]
    m = one(
        extract(
            "On 3 May 2024, Israeli settlers stormed the village of Huwara, torching cars and "
            "firing at residents, wounding two.",
            dt.date(2024, 5, 6),
        )
    )
    assert names(m, "actor1") == {"Settlers (Israel)"}
    # "gang members" are the named gang's men when the text names one, else unidentified
    m = one(
        extract(
            "Police fought Viv Ansanm gang members for hours in Port-au-Prince on 3 May 2024. "
            "Several gang members were reported killed.",
            dt.date(2024, 5, 6),
        )
    )
    assert not any(
        n.startswith("Unidentified") for n in names(m, "actor1", "actor2", "assoc1", "assoc2")
    )
    m = one(extract("On 3 May 2024, gang members shot dead two traders in Port-au-Prince."))
    assert names(m, "actor1") == {"Unidentified Armed Group (Haiti)"}


def test_weekdays_count_back_from_the_datelines_date(extract) -> None:  # type: ignore[no-untyped-def]
    """A page published or fetched a week after its wire story: "on Wednesday" is the
    Wednesday before the dateline's date, not before the page's."""
    text = (
        "NAIROBI, May 25, 2023 (Reuters) - Four police officers were killed when their truck "
        "struck a buried explosive device near Mandera on Wednesday, a police commander said."
    )
    m = one(extract(text, dt.date(2023, 6, 1)))
    assert m.date is not None and m.date.date == dt.date(2023, 5, 24)
    # a date in the dateline far from the publication date is not the filing's
    m = one(extract(text.replace("May 25, 2023", "May 25, 2021"), dt.date(2023, 6, 1)))
    assert m.date is not None and m.date.date == dt.date(2023, 5, 31)


def test_state_forces_abroad_are_external_forces(extract) -> None:  # type: ignore[no-untyped-def]
    m = one(extract("On 3 May 2024, Russian forces shelled Kupiansk in Ukraine, killing two."))
    russia = next(r.actor for r in m.actors if r.actor.name.startswith("Military Forces of Russia"))
    assert russia.inter == 8  # ACLED's External/Other forces: a state's forces abroad
    m = one(extract("On 3 May 2024, Malian soldiers killed two militants near Gossi."))
    mali = next(r.actor for r in m.actors if r.actor.name.startswith("Military Forces of Mali"))
    assert mali.inter == 1  # at home


def test_bare_forces_are_the_one_foreign_state_named(extract) -> None:  # type: ignore[no-untyped-def]
    # no Lebanese force in the report: the soldier killed is one of the Israeli troops'
    m = one(
        extract(
            "On 16 October 2024, Israeli ground troops backed by artillery fought Hezbollah "
            "fighters near Khiam (Marjaayoun, Nabatieh). Hezbollah claimed to have killed 4 "
            "Israeli soldiers; the Israeli army confirmed 1 soldier killed.",
            dt.date(2024, 10, 18),
        )
    )
    assert names(m, "actor1", "actor2") == {"Hezbollah", "Military Forces of Israel (2022-)"}


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("On 6 June 2024, FARDC soldiers clashed with M23 rebels near Sake.", "CD"),
        ("On 20 May 2024, Ukrainian air defence units shot down 11 drones over Kyiv.", "UA"),
    ],
)
def test_a_force_term_or_a_demonym_before_the_phrase_names_its_country(
    pipeline, text: str, country: str
) -> None:  # type: ignore[no-untyped-def]
    doc = pipeline.nlp(text)
    (sent,) = doc.sents
    hits = pipeline.resources.finder.find(doc, sent, dt.date(2024, 6, 6), [])
    assert [h.country for h in hits if h.kind == "military"] == [country]


def test_the_day_a_group_said_it_is_not_the_day_it_did_it(extract) -> None:  # type: ignore[no-untyped-def]
    m = one(
        extract(
            "SITTWE, Jan 22, 2024 - The Arakan Army said on Monday it had seized Pauktaw town, "
            "overrunning the last army post there on Sunday.",
            dt.date(2024, 1, 25),
        )
    )
    assert m.date is not None and m.date.date == dt.date(2024, 1, 21)


# reports from beyond the Sahel, part three: each sentence below is invented
@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        # a fight the report says did not happen, however it is worded
        (
            "On 4 March 2023, thousands of students marched through central Harare, singing. "
            "No clashes with the police were reported.",
            "Peaceful protest",
        ),
        (
            "On 4 March 2023, a motorcycle taxi driver was shot dead by police officers in "
            "Kisumu; witnesses said there had been no shootout.",
            "Attack",
        ),
        (
            "Rival armed factions exchanged mortar and machine-gun fire in Sabha on 2 May 2023.",
            "Armed clash",
        ),
        # protests that say so in other words
        (
            "On 3 May 2023, nurses formed a human chain outside the main hospital in Accra.",
            "Peaceful protest",
        ),
        (
            "On 3 May 2023, about forty widows stood outside the parliament in Monrovia holding "
            "signs asking for their pensions.",
            "Peaceful protest",
        ),
        (
            "On 3 May 2023, hundreds of farmers gathered outside the governor's office in Kano "
            "(Kano Municipal, Kano) to defend their land titles.",
            "Peaceful protest",
        ),
        # the violence a crowd remembers is not the crowd's own
        (
            "On 3 May 2023, relatives of hostages held by bandits rallied at Unity Square in "
            "Abuja, calling for their release.",
            "Peaceful protest",
        ),
        (
            "On 3 May 2023, mothers of disappeared students marched in Guadalajara carrying their "
            "photographs.",
            "Peaceful protest",
        ),
        # the forces answer a gathering: tear gas, arrests, a fatal wound
        (
            "On 3 May 2023, police fired tear gas and arrested dozens of traders who had gathered "
            "outside the town hall in Kumasi (Kumasi, Ashanti) to demand lower market fees.",
            "Protest with intervention",
        ),
        (
            "On 3 May 2023, a teacher died of a gunshot wound after police broke up a sit-in "
            "of striking teachers in Lilongwe.",
            "Excessive force against protesters",
        ),
        # crowds: a demand with bricks at the police, a home burned with no demand
        (
            "On 3 May 2023, dock workers demanding unpaid wages threw brickbats at police in "
            "Chittagong and vandalised a shipping office.",
            "Violent demonstration",
        ),
        (
            "On 3 May 2023, a crowd set fire to the home of a former district chief in Gulu; his "
            "family escaped unhurt.",
            "Mob violence",
        ),
        (
            "On 3 May 2023, residents of a Cite Soleil street caught two suspected gang members, "
            "beat them and burned them.",
            "Mob violence",
        ),
        # remote weapons, whoever they hit
        (
            "On 3 May 2023, Russian forces struck a grain terminal in Izmail with attack drones, "
            "killing 2 dock workers.",
            "Air/drone strike",
        ),
        (
            "On 3 May 2023, a rocket carrying what looked like mustard agent landed near a "
            "Kurdish checkpoint outside Makhmour; several fighters had blisters.",
            "Chemical weapon",
        ),
        # civilians whose words sound armed
        (
            "On 3 May 2023, gunmen shot dead the president of a Junta de Accion Comunal in "
            "Tame (Tame, Arauca).",
            "Attack",
        ),
        (
            "On 3 May 2023, six truffle hunters were shot dead by Islamic State gunmen east of "
            "Palmyra.",
            "Attack",
        ),
        # what a deal returns, why people are arrested, what a measure answers
        (
            "On 3 May 2023, elders of two clans signed a peace agreement in Beledweyne, "
            "committing to end cattle raids and to return abducted herders.",
            "Agreement",
        ),
        (
            "On 3 May 2023, the rebels handed over 12 captured soldiers to the Red Cross in Bunia.",
            "Agreement",
        ),
        (
            "On 3 May 2023, police arrested a former governor in Lagos in a case filed over the "
            "killing of a journalist in 2019.",
            "Arrests",
        ),
        (
            "On 3 May 2023, the Kaduna state government imposed a 24-hour curfew on Zangon "
            "Kataf after clashes the night before.",
            "Change to group/activity",
        ),
        (
            "On 3 May 2023, soldiers found and seized a cache of 30 mortar rounds, 8 rockets and "
            "grenades near Baiji.",
            "Disrupted weapons use",
        ),
        (
            "On 3 May 2023, Turkish troops set up a new military post near Atarib.",
            "Headquarters or base established",
        ),
    ],
)
def test_sub_event_types_of_reports_from_other_countries(
    extract, text: str, sub_event_type: str
) -> None:  # type: ignore[no-untyped-def]
    m = one(extract(text, dt.date(2023, 5, 5)))
    assert m.sub_event_type == sub_event_type


def test_regime_forces_are_the_army(extract) -> None:  # type: ignore[no-untyped-def]
    m = one(extract("On 3 May 2019, regime forces clashed with HTS fighters near Kafr Nabl."))
    assert "Military Forces of Syria (2000-2024)" in names(m, "actor1", "actor2")


def test_workers_killed_by_a_drone_are_civilians_with_their_trade(extract) -> None:  # type: ignore[no-untyped-def]
    m = one(
        extract(
            "On 3 May 2023, Russian forces struck a grain terminal in Izmail with attack drones, "
            "killing 2 dock workers.",
            dt.date(2023, 5, 5),
        )
    )
    assert names(m, "actor2") == {"Civilians (Ukraine)"}
    assert names(m, "assoc2") == {"Labor Group (Ukraine)"}


def test_a_state_force_leads_its_own_unit(extract) -> None:  # type: ignore[no-untyped-def]
    m = one(
        extract(
            "On 3 May 2024, Iraqi army and PMF units clashed with Islamic State fighters near "
            "Baiji, killing 3 militants.",
            dt.date(2024, 5, 5),
        )
    )
    assert names(m, "actor1", "actor2") >= {"Military Forces of Iraq (2022-)"}
    assert "Military Forces of Iraq (2022-) Popular Mobilization Forces" in names(
        m, "assoc1", "assoc2"
    )


def test_russian_artillery_is_russia_s_army(extract) -> None:  # type: ignore[no-untyped-def]
    m = one(
        extract(
            "On 3 May 2023, Russian artillery shelled a market in Nikopol, killing two civilians.",
            dt.date(2023, 5, 5),
        )
    )
    assert names(m, "actor1") == {"Military Forces of Russia (2000-)"}


def test_separatists_in_cameroon_are_the_ambazonians(extract) -> None:  # type: ignore[no-untyped-def]
    m = one(
        extract(
            "On 3 May 2023, separatist fighters and Cameroonian soldiers fought for hours in "
            "Kumbo; two soldiers were killed.",
            dt.date(2023, 5, 5),
        )
    )
    assert "Ambazonian Separatists" in names(m, "actor1", "actor2")


@pytest.mark.parametrize(
    ("text", "country"),
    [  # a name that is not the country's; a great city though another country is named
        (
            "On 3 May 2023, ISWAP fighters shot dead 9 fishermen on the shores of Lake Chad near "
            "Baga, residents said.",
            "NG",
        ),
        (
            "On 3 May 2023, police fired on mourners in Zahedan, killing 4 people, a London-based "
            "rights group said.",
            "IR",
        ),
        (
            "On 3 May 2023, about 300 people rallied in Saint Petersburg against the war in "
            "Ukraine; police detained 40.",
            "RU",
        ),
    ],
)
def test_the_event_country_is_not_a_lake_a_base_or_a_cause(
    extract, text: str, country: str
) -> None:  # type: ignore[no-untyped-def]
    m = one(extract(text, dt.date(2023, 5, 5)))
    assert m.place is not None and m.place.country == country


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [  # invented articles' sentences: what did not happen, who blocked whom, why people were held
        (
            "Hundreds of nurses marched through Leeds on Saturday to demand better pay. Police "
            "said the march passed off peacefully and that there were no arrests.",
            "Peaceful protest",
        ),
        (
            "Thousands marched in Sfax on Friday against rising prices. Police watched from side "
            "streets but did not intervene. Authorities have detained dozens of activists in "
            "recent weeks.",
            "Peaceful protest",
        ),
        (
            "Students marched towards the governor's office in Bouake on Thursday, singing, when "
            "police units blocked the road and fired tear gas.",
            "Protest with intervention",
        ),
        (
            "Police on Tuesday arrested an opposition leader and six party members in Mwanza, "
            "accusing them of planning an unlawful gathering, the party said.",
            "Arrests",
        ),
        # invented: running totals, shots that were not fired, people seized
        (
            "Gunmen snatched a young protest organiser outside his home in Nasiriyah on Monday, "
            "his family said. More than 600 people have been killed in the unrest since October.",
            "Abduction/forced disappearance",
        ),
        (
            "Rebels took control of the district centre of Wama on Sunday without a fight after "
            "the garrison left. There was no shooting, a council member said.",
            "Non-violent transfer of territory",
        ),
        (
            "Families say four opposition campaigners were bundled into an unmarked van in Gulu "
            "on Tuesday and have not been seen since.",
            "Abduction/forced disappearance",
        ),
        # invented: a base opened, weapons handed over, a device made safe amid other attacks
        (
            "The army has opened a new forward operating base in Kidira, near the border, the "
            "defence ministry said on Wednesday. The region has suffered several attacks since "
            "last year.",
            "Headquarters or base established",
        ),
        (
            "Twelve rebels surrendered to troops in Talakag on Tuesday. Among the weapons handed "
            "over were six rifles and a grenade launcher.",
            "Agreement",
        ),
        (
            "Soldiers safely detonated a roadside bomb found near Elwak on Tuesday. The find came "
            "amid a spate of explosive attacks in the county.",
            "Disrupted weapons use",
        ),
    ],
)
def test_sub_event_types_of_articles(extract, text: str, sub_event_type: str) -> None:  # type: ignore[no-untyped-def]
    m = extract(text, dt.date(2024, 5, 10))[0]
    assert m.sub_event_type == sub_event_type
    assert m.fatalities.acled == 0


def test_a_record_of_violence_is_not_another_event(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Gunmen on motorbikes attacked a cattle market near Sebba on Saturday, killing seven "
        "herders, the governor's office said. Both JNIM and Islamic State Sahel are active in the "
        "area, where attacks on markets have driven thousands to Dori in recent years."
    )
    assert len(extract(text, dt.date(2024, 5, 13))) == 1


def test_a_month_named_in_passing_does_not_stretch_the_event(extract) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Thousands marched in Oran on Friday against the election planned for December. "
        "The protesters want the army chief, in charge since the president quit in April, to go. "
        "On Tuesday, police arrested four activists in Blida."
    )
    found = extract(text, dt.date(2019, 10, 7))
    assert found[0].sub_event_type == "Peaceful protest"
    assert any(m.sub_event_type == "Arrests" for m in found[1:])
