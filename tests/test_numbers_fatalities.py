"""Quantities in words, ACLED's fatality rules, and low/best/high across claims."""

from __future__ import annotations

import dataclasses

import pytest
import spacy
from spacy.tokens import Doc

from fieldreport.extract.claims import find_claims
from fieldreport.extract.numbers import parse_quantity, word_number
from fieldreport.fatalities import fatalities
from fieldreport.model import ActorRef, Claim, Span

TEXT = "x" * 200


@pytest.mark.parametrize(
    "phrase, low, high",
    [
        ("50", 50, 50),
        ("five", 5, 5),
        ("twenty-five", 25, 25),
        ("a dozen", 12, 12),
        ("two dozen", 24, 24),
        ("1,200", 1200, 1200),
        ("one hundred and twenty", 120, 120),
        ("at least 20", 20, None),
        ("more than 40", 40, None),
        ("about 30", 30, 30),
        ("between 10 and 15", 10, 15),
        ("up to 30", 1, 30),
        ("dozens", 12, None),
        ("several", 3, None),
        ("many", 3, None),
        ("tens", 10, None),
        ("hundreds", 100, None),
        ("plusieurs", 3, None),
        ("au moins 7", 7, None),
        ("dix", 10, 10),
    ],
)
def test_parse_quantity(phrase: str, low: int, high: int | None) -> None:
    q = parse_quantity(phrase)
    assert q is not None and (q.low, q.high) == (low, high)


@pytest.mark.parametrize("phrase", ["heavy", "", "the", "1,000,000,000"])
def test_not_a_quantity(phrase: str) -> None:
    assert parse_quantity(phrase) is None


def test_word_number_rejects_words() -> None:
    assert word_number(["soldiers"]) is None


def claim(
    low: int | None,
    high: int | None,
    who: str = "",
    kind: str = "source",
    victims: str = "",
    relay: tuple[str, ...] = (),
) -> Claim:
    return Claim(
        evidence=Span(0, 4, "xxxx"),
        claimant=ActorRef(who, 2) if who else None,
        claimant_text=who,
        claimant_kind=kind,  # type: ignore[arg-type]
        reported_by=relay,
        killed_min=low,
        killed_max=high,
        victims=ActorRef(victims, 1) if victims else None,
        phrase=str(low),
    )


def test_no_claims_is_zero() -> None:
    toll = fatalities([])
    assert (toll.acled, toll.low, toll.best, toll.high) == (0, 0, 0, 0)


def test_vague_phrase_without_number_is_zero() -> None:
    assert fatalities([claim(None, None, "Wagner", "party")]).acled == 0


def test_one_statement_adds_its_victim_groups() -> None:
    toll = fatalities(
        [claim(50, 50, "JNIM", "party", "Wagner"), claim(10, 10, "JNIM", "party", "Army")]
    )
    assert toll.high == 60 and toll.acled == 60


def test_conflicting_claims_lowest_is_acled() -> None:
    claims = [
        claim(50, 50, "JNIM", "party", "Wagner"),
        claim(10, 10, "JNIM", "party", "Army"),
        claim(12, None, "CSP", "party"),
        claim(20, None, "bloggers", "analyst"),
    ]
    toll = fatalities(claims)
    assert toll.acled == 12 and toll.low == 12 and toll.high == 60
    assert toll.best == 20  # independent sources preferred over the parties
    assert "lowest" in toll.rule


def test_open_upper_bound_uses_lower() -> None:
    assert fatalities([claim(20, None, "x", "local")]).high == 20


def test_repeated_statement_counts_once() -> None:
    a = claim(7, 7, "army", "party")
    b = Claim(
        evidence=Span(100, 104, "yyyy"),
        claimant=ActorRef("army", 1),
        claimant_text="the army spokesman",
        claimant_kind="party",
        killed_min=9,
        killed_max=9,
    )
    assert fatalities([a, b]).acled == 9


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("On 12 May 2024, JNIM militants ambushed an army convoy near Gao, one soldier killed.", 1),
        ("On 17 May 2024, French commandos killed eight ISGS militants near Gao.", 8),
        ("On 2 May 2024, gunmen shot dead two Tuareg men west of Timbuktu.", 2),
        ("On 2 May 2024, militiamen tortured a young herder to death in Djenne.", 1),
        ("On 2 May 2024, JNIM and ISGS militants clashed near Gao. Four ISGS militants killed.", 4),
        ("On 2 May 2024, two militants killed a trader and abducted three others near Gao.", 1),
        (
            "On 2 May 2024, militants attacked a church in Silgadji, two church leaders and "
            "four worshippers were killed.",
            6,
        ),
        ("On 2 May 2024, near Gao, 15 presumed Katiba Macina (JNIM) militants killed.", 15),
        ("On 2 May 2024, gunmen killed an unknown number of civilians near Gao.", 3),
        ("On 2 May 2024, French forces killed an unspecified number of militants near Gao.", 10),
        # the word after a count says what befell it, when the parse hangs it on another verb
        ("On 2 May 2024, gunmen attacked a checkpoint near Gao, 1 dead and at least 2 wounded.", 1),
        (
            "Attack on an army checkpoint near Gao last night: 2 soldiers killed and 1 wounded, "
            "3 suspects arrested.",
            2,
        ),
        (
            "On 2 May 2024, herders and farmers clashed in Kona, which left two farmers dead and "
            "five injured.",
            2,
        ),
        (
            "On 3 March 2023, hunters clashed with militants near Kona, six militants and two "
            "hunters were killed and one hunter wounded in the fighting.",
            8,
        ),
        (
            "On 3 March 2023, gunmen raided a camp for displaced people in Kona while retreating "
            "after a failed assault on the army base in the town, 25 civilians including 19 women "
            "were reportedly killed.",
            25,
        ),
        # victims named one by one, with those coordinated with them
        ("On 2 May 2024, gunmen killed a trader and his brother in Kona.", 2),
        ("On 2 May 2024, militants assassinated a militia officer and one of his guards.", 2),
        ("On 2 May 2024, militants killed a chief, his son and a guard in Kona.", 3),
        ("On 2 May 2024, soldiers killed two militants and a civilian near Kona.", 3),
        (
            "On 2 May 2024, militants raided Kona, killed one man and abducted a herder who was "
            "later executed.",
            2,
        ),
        (
            "On 2 May 2024, militants assassinated three civilians, including the village chief of "
            "Sela, the former mayor of Kona, and a merchant in Sela.",
            3,
        ),
        (
            "On 2 May 2024, militants fired a mortar that killed a civilian [a child] and wounded "
            "three others in Kona.",
            1,
        ),
        # an attempt kills no one
        ("On 2 May 2024, gunmen attempted to assassinate a militia officer in Kona.", 0),
        ("On 2 May 2024, a mob tried to lynch a young man in Kona before police intervened.", 0),
        ("On 2 May 2024, an angry mob attacked and nearly lynched a trader in Kona.", 0),
        ("On 2 May 2024, militants tried to stop a convoy near Kona and killed two drivers.", 2),
        # dead of their wounds
        (
            "On 3 May 2024, gunmen shot and wounded two youths in Kona. One succumbed to his "
            "wounds at the hospital.",
            1,
        ),
        (
            "On 3 May 2024, gunmen attacked a bus in Kona, wounding three civilians, including a "
            "child who succumbed to his wounds.",
            1,
        ),
        (
            "On 3 May 2024, gunmen shot the mayor of Kona. He later succumbed to his wounds at "
            "the hospital.",
            1,
        ),
        (
            "On 3 May 2024, a soldier was wounded by an IED near Kona and later succumbed to his "
            "injuries.",
            1,
        ),
        # a count followed by a verb of its own is what that verb says
        ("On 3 May 2024, militants killed three soldiers and two civilians escaped in Kona.", 3),
        (
            "On 3 May 2024, militants attacked a post in Kona, two soldiers were killed and three "
            "others went missing.",
            2,
        ),
        ("On 3 May 2024, the army killed 12 suspected militants near Kona and seized weapons.", 12),
        # a coordination the parser hangs on the place before it still counts every victim
        (
            "On 3 May 2024, jihadists stormed an army camp near Kona, four soldiers and a "
            "gendarme were killed and others hurt.",
            5,
        ),
        # "them" stands for the number the coordinated verb counted
        ("On 3 May 2024, soldiers detained eleven traders near Kaya and executed them.", 11),
        # a victim the text names by a pronoun, or found dead
        ("On 3 May 2024, gunmen kidnapped a teacher near Kaya and executed him in the forest.", 1),
        ("On 3 May 2024, a shepherd disappeared and was found murdered near Kaya.", 1),
        ("On 3 May 2024, a bomb maker killed himself when his device went off near Kaya.", 1),
        ("On 3 May 2024, bandits exchanged fire with a gendarme near Kaya. The gendarme died.", 1),
        # but not a natural death, nor one an attempt spared
        ("On 3 May 2024, gunmen attacked a hotel in Gao, a guest died of a heart attack.", 0),
        ("On 3 May 2024, gunmen shot at a mayor in Kaya in an attempt to assassinate him.", 0),
        # a headline's passive: "a farmer killed" is one dead
        ("On 3 May 2024, a shepherd killed and a trader kidnapped by bandits near Gao.", 1),
        # a number in words is that number, even in a significant strike
        (
            "On 3 May 2024, a French drone struck a convoy near Gao. At least three ISGS "
            "fighters killed.",
            3,
        ),
        # one victim however the parser hangs it: a headline's participle, the first of two
        # passive verbs, a pronoun found dead, a day written with a slash, and a body that is
        # the same man's
        ("Army captain killed by gunmen near Gao", 1),
        ("On 3 May 2020, a teacher was tortured and killed by militants near Djibo.", 1),
        (
            "On 3 May 2020, a herder's wife disappeared near Djibo; she was found beheaded two "
            "days later.",
            1,
        ),
        ("A village chief was killed near Djibo on 3/5.", 1),
        (
            "On 3 May 2020, gunmen abducted a trader near Djibo, he was later executed and his "
            "body dumped by the road.",
            1,
        ),
        # a companion the parser hangs on the group's name is one more
        ("On 2 May 2020, militants near Djibo killed a chief of the Koglweogo, his nephew.", 2),
        # the body of someone already counted, in a later sentence
        (
            "On 2 May 2020, gunmen abducted and executed the imam of Zobra near Djibo. His "
            "corpse was found two days later by the road.",
            1,
        ),
        # "they" stands for the people last counted
        (
            "On 2 May 2020, militiamen seized five herders near Zobra; they were executed "
            "that night.",
            5,
        ),
        # but not a victim of the grievance behind a clash
        (
            "On 3 May 2024, at least 10 people were killed in clashes near Kona. The clashes "
            "were due to a herder being killed.",
            10,
        ),
        # one who later died of the wounds, told in a clause about him
        (
            "On 3 May 2024, gunmen fired on a bus near Kona, wounding a driver who later died "
            "of his wounds.",
            1,
        ),
        # one found dead, however the sentence says it
        (
            "On 3 May 2024, gunmen kidnapped a trader near Kona; he was found dead two days later.",
            1,
        ),
        ("On 3 May 2024, two gendarmes in Kona beat to death a suspected thief.", 1),
        ("Herder killed and a boy abducted by gunmen near Kona on 3 May 2024", 1),
    ],
)
def test_tolls_in_note_style(extract, text: str, killed: int) -> None:  # type: ignore[no-untyped-def]
    (m,) = extract(text)
    assert m.fatalities.acled == killed, m.claims


def test_report_in_brackets_does_not_attribute_the_main_clause() -> None:
    """'Soldiers killed 20 villagers (sources reported 50 dead)', parsed with the bracketed verb
    as the root: the 20 are the report's own figure, not the sources' (who conflict with it)."""
    rows = [  # word, head, dependency, part of speech, lemma
        ("Soldiers", 1, "nsubj", "NOUN", "soldier"),
        ("killed", 6, "ccomp", "VERB", "kill"),
        ("20", 3, "nummod", "NUM", "20"),
        ("villagers", 1, "dobj", "NOUN", "villager"),
        ("(", 6, "punct", "PUNCT", "("),
        ("sources", 6, "nsubj", "NOUN", "source"),
        ("reported", 6, "ROOT", "VERB", "report"),
        ("50", 8, "nummod", "NUM", "50"),
        ("dead", 6, "dobj", "ADJ", "dead"),
        (")", 6, "punct", "PUNCT", ")"),
    ]
    words, heads, deps, pos, lemmas = (list(column) for column in zip(*rows, strict=True))
    doc = Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)
    found = {c.killed_min: c.claimant_start for c in find_claims(doc, next(iter(doc.sents)))}
    assert found == {20: None, 50: doc[5].idx}


def test_the_victim_of_two_coordinated_verbs_counts_once(extract) -> None:  # type: ignore[no-untyped-def]
    (m,) = extract("On 11 January 2024, militiamen killed and decapitated a herder near Somo.")
    assert m.fatalities is not None and m.fatalities.acled == 1
    (m,) = extract("On 11 January 2024, gunmen decapitated a traditional healer in Fana.")
    assert m.fatalities is not None and m.fatalities.acled == 1


def test_a_peaceful_protest_kills_no_one(extract) -> None:  # type: ignore[no-untyped-def]
    # the deaths a protest is about belong to another event; the claim is kept, the toll is 0
    (m,) = extract(
        "On 3 May 2024, hundreds of people marched peacefully in Gao to protest the killing of "
        "three herders in Intahaka."
    )
    assert m.sub_event_type == "Peaceful protest"
    assert m.fatalities.acled == 0 and "kills no one" in m.fatalities.rule


def test_a_killing_someone_is_accused_of_is_no_claim(pipeline) -> None:  # type: ignore[no-untyped-def]
    doc = pipeline.nlp("Three soldiers accused of killing a teacher were arrested in Koudougou.")
    assert find_claims(doc, next(iter(doc.sents))) == []


def test_the_killing_a_crowd_reacts_to_is_another_events_toll(extract) -> None:  # type: ignore[no-untyped-def]
    # the claim stays in the record; the riot's own toll leaves it out
    (m,) = extract(
        "On 3 May 2020, rioters clashed with police in Koudougou after police killed a student "
        "during a march."
    )
    assert m.event_type == "Riots"
    assert m.fatalities.acled == 0 and "reacted to" in m.fatalities.rule
    assert any(c.killed_min == 1 for c in m.claims)


@pytest.mark.parametrize(
    ("text", "event_type", "sub_event_type", "killed"),
    [  # headlines and wire copy in the present tense, worded as news desks write them
        ("Gunmen kill 14 farmers in central Nigeria", "Violence against civilians", "Attack", 14),
        ("Police kill suspected gunman in Dagestan, Russia", "Battles", "Armed clash", 1),
        # ACLED counts the bomber too
        (
            "Suicide bomber kills 9 at Kabul market",
            "Explosions/Remote violence",
            "Suicide bomb",
            10,
        ),
        (
            "Roadside blasts kill two soldiers in Waziristan, Pakistan",
            "Explosions/Remote violence",
            "Remote explosive/landmine/IED",
            2,
        ),
        (
            "Warplanes bomb rebel positions near Idlib, Syria",
            "Explosions/Remote violence",
            "Air/drone strike",
            0,
        ),
        ("Six die as bandits attack a bus in Kenya", "Violence against civilians", "Attack", 6),
        (
            "Militiamen burn three traders alive in Ituri, DR Congo",
            "Violence against civilians",
            "Attack",
            3,
        ),
        (
            "Seven dead as gunmen storm a hamlet in Sokoto, Nigeria",
            "Violence against civilians",
            "Attack",
            7,
        ),
        ("Rebels overrun army outpost in North Kivu, DR Congo", "Battles", "Armed clash", 0),
        (
            "Insurgents seize town of Palma in Mozambique",
            "Battles",
            "Non-state actor overtakes territory",
            0,
        ),
        ("Angry youths torch police station in Kisumu, Kenya", "Riots", "Mob violence", 0),
    ],
)
def test_headlines_in_the_present_tense(  # type: ignore[no-untyped-def]
    extract, text: str, event_type: str, sub_event_type: str, killed: int
) -> None:
    (m,) = extract(text)
    assert (m.event_type, m.sub_event_type) == (event_type, sub_event_type)
    assert m.fatalities.acled == killed, m.claims


def test_a_threat_to_open_fire_is_no_attack(extract) -> None:  # type: ignore[no-untyped-def]
    found = extract(
        "On 3 May 2024, militiamen at a checkpoint near Bankass threatened to open fire on "
        "a UN convoy, which turned back."
    )
    assert not [m for m in found if m.event_type in {"Battles", "Violence against civilians"}]


@pytest.mark.parametrize(
    ("text", "killed"),
    [  # a headline's list of the dead, each kind beside the other
        ("Two soldiers, a policeman killed in attack on checkpoint in Borno", 3),
        ("Teacher, two pupils killed as gunmen raid school in Zamfara, Nigeria", 3),
        ("Soldier, village chief killed in Boko Haram attacks in Borno", 2),
        # but an apposition that says who the counted were adds no one
        ("Two people, a trader and his son, killed in attack in Borno", 2),
    ],
)
def test_a_headlines_list_of_the_dead(extract, text: str, killed: int) -> None:  # type: ignore[no-untyped-def]
    (m,) = extract(text)
    assert m.fatalities.acled == killed, m.claims


def test_each_sides_dead_told_by_its_own_claimant_add_up(extract) -> None:  # type: ignore[no-untyped-def]
    # the note's two soldiers and the army's own claim of seven assailants are not conflicting
    # reports of one toll: ACLED's one total for the event counts both sides
    (m,) = extract(
        "On 3 May 2021, JNIM militants attacked an army post near Djibo and killed two soldiers. "
        "The army said it killed seven of the assailants in its response."
    )
    assert m.fatalities.acled == 9, m.claims
    assert "each side" in m.fatalities.rule
    # two reports of the same side's dead still conflict: the lowest
    (m,) = extract(
        "On 3 May 2021, JNIM militants attacked an army post near Djibo and killed four soldiers. "
        "Local sources said two soldiers were killed."
    )
    assert m.fatalities.acled == 2, m.claims


@pytest.mark.parametrize(
    ("text", "killed"),
    [  # ACLED counts a suicide bomber among the dead, once
        ("On 3 May 2024, a suicide bomber blew himself up at a market in Maroua, killing 3.", 4),
        ("On 3 May 2024, a suicide bomber attacked a patrol near Gao; two soldiers were hurt.", 1),
        ("On 3 May 2024, two suicide bombers struck a mosque in Konduga, killing 7 people.", 9),
        (
            "On 3 May 2024, a suicide blast at a camp in Gao killed 12 people, including the "
            "bomber.",
            12,
        ),
    ],
)
def test_the_suicide_bomber_is_among_the_dead(extract, text: str, killed: int) -> None:  # type: ignore[no-untyped-def]
    (m,) = extract(text)
    assert m.sub_event_type == "Suicide bomb"
    assert m.fatalities.acled == killed, m.fatalities.rule


@pytest.mark.parametrize(
    ("text", "toll"),
    [
        (  # "2 of them" is a share of the five, not two more
            "On 28 May 2023, military jets bombed a village in Sagaing region, killing 5 "
            "civilians, 2 of them children.",
            5,
        ),
        (
            "On 8 May 2021, police opened fire on a march in Moundou, killing two people, one of "
            "them a pupil.",
            2,
        ),
        (  # but "killed two of them" counts the two
            "On 4 April 2020, gunmen ambushed three policemen near Kantchari and killed two of "
            "them.",
            2,
        ),
        (  # the bomber already counted
            "On 26 November 2022, a suicide bomber blew himself up in a tea shop in Mogadishu. "
            "The blast killed 9 people, the bomber included.",
            9,
        ),
        (  # the army's own dead, "lost", beside those it killed
            "On 22 March 2022, Boko Haram fighters attacked an army post near Baga Sola. The "
            "army said it killed 20 assailants and lost 3 soldiers in the fighting.",
            23,
        ),
        (
            "On 14 September 2019, soldiers fought separatist fighters near Batibo. Four "
            "separatists and one soldier lost their lives.",
            5,
        ),
    ],
)
def test_shares_bombers_and_losses(extract, text: str, toll: int) -> None:  # type: ignore[no-untyped-def]
    (m,) = extract(text)
    assert m.fatalities.acled == toll


@pytest.mark.parametrize(
    ("text", "dead"),
    [  # invented sentences
        ("On 3 May 2024, fighting in Omdurman killed 23 people, among them 9 civilians.", 23),
        (
            "An air strike hit a house in Beit Lahia on 3 May 2024, killing seven people, among "
            "them three children.",
            7,
        ),
        (
            "Five insurgents were shot dead and two soldiers embraced martyrdom in a gunfight near "
            "Tank on 3 May 2024, the ISPR said.",
            7,
        ),
        (
            "Two policemen were martyred when gunmen attacked a checkpoint near Lakki Marwat on "
            "3 May 2024.",
            2,
        ),
    ],
)
def test_shares_after_among_them_and_martyrs(extract, text: str, dead: int) -> None:  # type: ignore[no-untyped-def]
    (m,) = extract(text)
    assert m.fatalities.acled == dead


def test_a_word_for_an_unknown_number_does_not_undercut_a_count() -> None:
    several = dataclasses.replace(claim(3, None, "residents", "local"), phrase="several")
    toll = fatalities([claim(9, 9, "the army", "party"), several])
    assert toll.acled == 9
    # with no count at all, the word is the toll
    assert fatalities([several]).acled == 3
    # within one statement it adds up: "10 soldiers and dozens of militants"
    dozens = dataclasses.replace(claim(12, None, "the government", "government"), phrase="dozens")
    assert fatalities([claim(10, 10, "the government", "government"), dozens]).acled == 22


@pytest.mark.parametrize(
    ("text", "dead"),
    [  # invented; the second sentence recalls another incident, or corrects a first report
        (
            "Gunmen shot dead eight people at a bus stop in Chilpancingo on 3 May 2024, "
            "prosecutors said. The shooting came two weeks after gunmen killed three people at "
            "a market in the same city.",
            8,
        ),
        (
            "Gunmen shot dead six people at a bar in Irapuato on 3 May 2024, prosecutors said. "
            "Local media first reported nine dead, but two of the people first reported killed "
            "were only wounded.",
            6,
        ),
    ],
)
def test_another_incident_or_a_correction_is_not_a_lower_toll(
    extract, text: str, dead: int
) -> None:  # type: ignore[no-untyped-def]
    m = extract(text)[0]
    assert m.fatalities.acled == dead
