"""The actor dictionary: packaged data, regimes, aliases, generic kinds, demonyms, groups."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml
from spacy.tokens import Doc
from spacy.vocab import Vocab

from fieldreport.errors import DataError
from fieldreport.extract.sides import side_of
from fieldreport.resolve.actors import ActorDictionary, default_dictionary, expand_forms, fold

# Common English words that must never be an alias: a PhraseMatcher would fire on ordinary prose.
_STOP_TEXT = """
    a about above after again against all am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further
    had has have having he her here hers him his how i if in into is it its itself just me more
    most my no nor not now of off on once only or other our out over own same she should so some
    such than that the their them then there these they this those through to too under until up
    very was we were what when where which while who whom why will with would you your us
    army police military government forces force troops soldiers group groups state movement
    front party union council people men women children fighters rebels militants militia
    platform fact far fan fat ant let kia bozo moose fours coalition alliance brigade brigades
    national liberation resistance islamic islam jihad defence defense security guard guards
    mission task joint unit units service services team cartel gang gangs family allies base
    camp attack attacks war peace new old red white black green blue order law justice
"""
STOP_WORDS = set(_STOP_TEXT.split())


@pytest.fixture(scope="module")
def actors() -> ActorDictionary:
    return default_dictionary()


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "actors.yaml"
    path.write_text(text, encoding="utf-8")
    return path


MINIMAL = """
version: 1
kinds:
  military: {template: "Military Forces of {state}{regime}", inter: 1, cues: {en: [soldiers]}}
ethnic_groups: {}
countries:
  ML:
    name: Mali
    regimes: [{start: 2021-05-24, label: "2021-"}]
actors:
  jnim: {name: "JNIM: Group for Support of Islam and Muslims", inter: 2, country: ML}
"""


# --- loading ------------------------------------------------------------------------------------


def test_packaged_dictionary_loads_with_enough_data(actors: ActorDictionary) -> None:
    assert len(actors.actor_keys()) >= 120
    assert len(actors.named_aliases()) >= 500
    assert actors.country_name("ML") == "Mali"


def test_default_dictionary_is_shared() -> None:
    assert default_dictionary() is default_dictionary()


def test_load_from_explicit_path(tmp_path: Path) -> None:
    loaded = ActorDictionary.load(write(tmp_path, MINIMAL))
    assert loaded.named("jnim").name == "JNIM: Group for Support of Islam and Muslims"
    assert loaded.lookup("JNIM") is not None  # acronym derived from "ACRONYM: Name"


def test_missing_file_is_a_data_error(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="cannot read"):
        ActorDictionary.load(tmp_path / "nope.yaml")


def test_malformed_yaml_is_a_data_error(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="malformed YAML") as caught:
        ActorDictionary.load(write(tmp_path, "version: 1\nactors: [unclosed\n"))
    assert caught.value.source is not None and caught.value.source.endswith("actors.yaml")


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("inter: 2", "inter: 9", "inter code must be an integer 1-8"),
        ("version: 1", "version: 7", "unsupported version"),
        ("start: 2021-05-24", "start: someday", "YYYY-MM-DD"),
        ('label: "2021-"', 'label: "2021-", unit: ""', "regimes.unit: expected a non-empty"),
        ("country: ML}", "country: XX}", "unknown country"),
        ("actors:\n", "players:\n", "missing top-level section 'actors'"),
    ],
)
def test_bad_values_are_named_in_the_error(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    with pytest.raises(DataError, match=message):
        ActorDictionary.load(write(tmp_path, MINIMAL.replace(old, new)))


def test_an_alias_claimed_by_two_actors_is_rejected(tmp_path: Path) -> None:
    text = MINIMAL + '  other: {name: "Other Group", inter: 3, country: ML, aliases: [jnim]}\n'
    with pytest.raises(DataError, match="claimed by"):
        ActorDictionary.load(write(tmp_path, text))


# --- regimes ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("iso2", "on", "expected"),
    [
        ("ML", date(2019, 6, 1), "Military Forces of Mali (2013-2020)"),
        ("ML", date(2024, 3, 1), "Military Forces of Mali (2021-)"),
        ("ML", date(2020, 12, 1), "Military Forces of Mali (2020-2021)"),
        ("ML", date(2021, 5, 24), "Military Forces of Mali (2021-)"),
        ("BF", date(2022, 5, 1), "Military Forces of Burkina Faso (2022)"),
        ("BF", date(2023, 5, 1), "Military Forces of Burkina Faso (2022-)"),
        ("NE", date(2022, 5, 1), "Military Forces of Niger (2021-2023)"),
        ("NG", date(2024, 1, 1), "Military Forces of Nigeria (2023-)"),
        ("CD", date(2024, 1, 1), "Military Forces of the Democratic Republic of Congo (2019-)"),
        # a government named after the period
        ("YE", date(2019, 3, 1), "Military Forces of Yemen (2012-2022) Hadi"),
        (
            "YE",
            date(2023, 3, 1),
            "Military Forces of Yemen (2022-) Presidential Leadership Council",
        ),
        ("LB", date(2023, 3, 1), "Military Forces of Lebanon (2021-)"),
    ],
)
def test_regime_suffix_follows_the_event_date(
    actors: ActorDictionary, iso2: str, on: date, expected: str
) -> None:
    ref = actors.generic("military", iso2, on=on)
    assert (ref.name, ref.inter, ref.country) == (expected, 1, iso2)


def test_no_date_means_the_current_regime(actors: ActorDictionary) -> None:
    assert actors.generic("military", "ML").name == "Military Forces of Mali (2021-)"


def test_before_the_first_known_regime_there_is_no_suffix(actors: ActorDictionary) -> None:
    assert actors.generic("military", "ML", on=date(1995, 1, 1)).name == "Military Forces of Mali"


def test_unknown_regimes_give_no_suffix(actors: ActorDictionary) -> None:
    assert actors.generic("police", "CV").name == "Police Forces of Cape Verde"


def test_a_regimes_government_name_follows_state_forces_only(actors: ActorDictionary) -> None:
    on = date(2023, 3, 1)
    assert actors.generic("police", "YE", on=on).name == (
        "Police Forces of Yemen (2022-) Presidential Leadership Council"
    )
    assert actors.generic("civilians", "YE", on=on).name == "Civilians (Yemen)"


def test_regimes_are_in_order_and_only_the_last_is_open(actors: ActorDictionary) -> None:
    for iso2 in ("ML", "BF", "NE", "NG", "SO", "IQ", "US"):
        regimes = actors.regimes(iso2)
        assert [r.start for r in regimes] == sorted(r.start for r in regimes)
        assert regimes[-1].label.endswith("-")
        assert not any(r.label.endswith("-") for r in regimes[:-1])


# --- named actors and aliases -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("JNIM", "JNIM: Group for Support of Islam and Muslims"),
        ("GSIM", "JNIM: Group for Support of Islam and Muslims"),
        (
            "Groupe de soutien à l'islam et aux musulmans",
            "JNIM: Group for Support of Islam and Muslims",
        ),
        (
            "groupe de soutien a l’Islam et aux Musulmans",
            "JNIM: Group for Support of Islam and Muslims",
        ),
        ("al-Qaeda's Sahel branch", "JNIM: Group for Support of Islam and Muslims"),
        ("ISWAP", "Islamic State (West Africa)"),
        ("Boko Haram", "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad"),
        ("Ansarul Islam", "Ansaroul Islam"),
        ("Front de libération du Macina", "Katiba Macina"),
        ("AQMI", "AQIM: Al Qaeda in the Islamic Maghreb"),
        ("Coordination des mouvements de l'Azawad", "CMA: Coordination of Movements of the Azawad"),
        ("CSP-DPA", "CSP-PSD: Permanent Strategic Framework for Peace, Security and Development"),
        (
            "Volontaires pour la défense de la patrie",
            "VDP: Volunteers for the Defense of the Homeland",
        ),
        ("Koglwéogo", "Koglweogo Militia"),
        ("Hizbullah", "Hezbollah"),
        ("al-Shabab", "Al Shabaab"),
    ],
)
def test_exact_aliases_in_english_french_and_transliteration(
    actors: ActorDictionary, text: str, expected: str
) -> None:
    ref = actors.lookup(text, on=date(2023, 6, 1))
    assert ref is not None and ref.name == expected and ref.alias == text


@pytest.mark.parametrize(
    "text",
    [
        "Jamaat Nusrat al-Islam wal-Muslimeen",
        "Jama'at Nusrat al Islam wal Muslimin",
        "Jamaat Nusrat al-Islam wa al-Muslimin",
    ],
)
def test_fuzzy_match_catches_transliteration_variants(actors: ActorDictionary, text: str) -> None:
    ref = actors.lookup(text)
    assert ref is not None and ref.name.startswith("JNIM")


@pytest.mark.parametrize("text", ["JNIMX", "ISIS", "Islamic State (Yemen)", "village chief", ""])
def test_lookup_refuses_to_guess(actors: ActorDictionary, text: str) -> None:
    assert actors.lookup(text) is None


def test_islamic_state_sahel_renamed_in_2022(actors: ActorDictionary) -> None:
    assert actors.named("is_sahel", on=date(2019, 1, 1)).name == "Islamic State (Greater Sahara)"
    assert actors.named("is_sahel", on=date(2023, 1, 1)).name == "Islamic State (Sahel)"
    ref = actors.lookup("EIGS", on=date(2024, 1, 1))
    assert ref is not None and ref.name == "Islamic State (Sahel)"


def test_external_forces_are_inter_8(actors: ActorDictionary) -> None:
    wagner = actors.lookup("Russian mercenaries")
    assert wagner is not None and (wagner.name, wagner.inter) == ("Wagner Group", 8)
    minusma = actors.named("minusma", on=date(2019, 6, 1))
    assert minusma.inter == 8 and minusma.country is None and minusma.name.endswith("(2013-2020)")
    assert actors.named("minusma", on=date(2020, 12, 1)).name.endswith("(2020-2021)")


def test_isgs_name_follows_acled_recoding(actors: ActorDictionary) -> None:
    assert actors.named("is_sahel", on=date(2020, 6, 1)).name == "Islamic State (Greater Sahara)"
    assert actors.named("is_sahel", on=date(2023, 6, 1)).name == "Islamic State (Sahel)"


def test_french_forces_take_the_french_regime(actors: ActorDictionary) -> None:
    ref = actors.lookup("Barkhane", on=date(2019, 1, 1))
    assert ref is not None
    assert (ref.name, ref.inter, ref.country) == ("Military Forces of France (2017-)", 8, "FR")
    assert actors.named("france_military", on=date(2013, 2, 1)).name.endswith("(2012-2017)")


def test_actors_that_became_state_forces(actors: ActorDictionary) -> None:
    assert actors.named("taliban", on=date(2020, 1, 1)).name == "Taliban"
    later = actors.named("taliban", on=date(2022, 1, 1))
    assert (later.name, later.inter) == ("Taliban", 1)  # ACLED: state forces by inter code
    before = actors.named("rsf", on=date(2021, 1, 1))
    assert before.name == "Military Forces of Sudan (2019-) Rapid Support Forces"
    assert actors.named("rsf", on=date(2024, 1, 1)).inter == 2


def test_country_forces_terms_resolve_to_the_state(actors: ActorDictionary) -> None:
    ref = actors.lookup("FAMa", on=date(2019, 1, 1))
    assert ref is not None and ref.name == "Military Forces of Mali (2013-2020)"
    assert actors.cue_country("FARDC") == "CD"
    assert "fama" in actors.cue_words()["military"]


def test_unknown_keys_raise(actors: ActorDictionary) -> None:
    with pytest.raises(KeyError):
        actors.named("no_such_group")
    with pytest.raises(KeyError):
        actors.generic("dragons", "ML")
    with pytest.raises(KeyError):
        actors.generic("civilians", "ZZ")


# --- generic kinds ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "iso2", "expected", "inter"),
    [
        ("civilians", "BF", "Civilians (Burkina Faso)", 7),
        ("protesters", "SN", "Protesters (Senegal)", 6),
        ("rioters", "NG", "Rioters (Nigeria)", 5),
        ("unidentified", "ML", "Unidentified Armed Group (Mali)", 3),
        ("islamist_militia", "NE", "Islamist Militia (Niger)", 3),
        ("government", "ML", "Government of Mali (2021-)", 1),
        ("labor_group", "FR", "Labor Group (France)", 6),
        ("civilians", "US", "Civilians (United States)", 7),
        ("military", "US", "Military Forces of the United States (2025-)", 1),
        ("civilians", "NO", "Civilians (Norway)", 7),
    ],
)
def test_generic_kinds(
    actors: ActorDictionary, kind: str, iso2: str, expected: str, inter: int
) -> None:
    ref = actors.generic(kind, iso2, alias="they")
    assert (ref.name, ref.inter, ref.country, ref.alias) == (expected, inter, iso2, "they")


def test_gendarmes_are_a_police_unit(actors: ActorDictionary) -> None:
    ref = actors.generic("gendarmerie", "BF", on=date(2018, 1, 1))
    assert ref.name == "Police Forces of Burkina Faso (2015-2022) Gendarmerie"
    assert "gendarmes" in actors.cue_words()["gendarmerie"]


def test_militias_take_the_acled_group_name(actors: ActorDictionary) -> None:
    assert actors.generic("ethnic_militia", "NG", group="Peulh").name == (
        "Fulani Ethnic Militia (Nigeria)"
    )
    assert actors.generic("ethnic_group", "ML", group="peuls").name == "Fulani Ethnic Group (Mali)"
    assert actors.generic("ethnic_militia", "SO", group="Habar Gidir").name == (
        "Habar Gidir Clan Militia (Somalia)"
    )
    assert actors.generic("communal_militia", "SD", group="Darfur").name == (
        "Darfur Communal Militia (Sudan)"
    )


def test_dozo_hunters_are_a_communal_militia(actors: ActorDictionary) -> None:
    ref = actors.generic("ethnic_militia", "ML", group="Dozo hunters")
    assert (ref.name, ref.inter) == ("Dozo Communal Militia (Mali)", 4)


def test_militia_without_group_is_unidentified(actors: ActorDictionary) -> None:
    assert actors.generic("communal_militia", "BF").name == (
        "Unidentified Communal Militia (Burkina Faso)"
    )
    with pytest.raises(ValueError, match="needs a group"):
        actors.generic("ethnic_group", "ML")


def test_cue_words_are_lower_case_and_cover_the_kinds(actors: ActorDictionary) -> None:
    cues = actors.cue_words()
    for kind in ("military", "police", "civilians", "unidentified", "islamist_militia"):
        assert cues[kind], kind
    assert all(word == word.lower() for words in cues.values() for word in words)
    assert {"hommes armés", "gunmen", "bandits"} <= set(cues["unidentified"])
    assert {"villagers", "villageois"} <= set(cues["civilians"])


# --- countries, demonyms and ethnic groups ------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "iso2"),
    [
        ("Malian", "ML"),
        ("malienne", "ML"),
        ("MALIENS", "ML"),
        ("Burkinabe", "BF"),
        ("burkinabè", "BF"),
        ("Nigerien", "NE"),
        ("nigérienne", "NE"),
        ("Nigerian", "NG"),
        ("nigérians", "NG"),
        ("Ivorian", "CI"),
        ("tchadiens", "TD"),
    ],
)
def test_demonyms(actors: ActorDictionary, word: str, iso2: str) -> None:
    assert actors.country_of_demonym(word) == iso2


def test_demonym_lists_for_patterns(actors: ActorDictionary) -> None:
    assert "maliennes" in actors.demonyms()
    mapping = actors.demonym_map()
    assert mapping["burkinabè"] == mapping["burkinabe"] == "BF"
    assert actors.country_of_demonym("Martian") is None


@pytest.mark.parametrize(
    ("name", "iso2"),
    [
        ("Mali", "ML"),
        ("Burkina Faso", "BF"),
        ("Côte d'Ivoire", "CI"),
        ("Ivory Coast", "CI"),
        ("cote d’ivoire", "CI"),
        ("DRC", "CD"),
        ("Norway", "NO"),
    ],
)
def test_country_of_name(actors: ActorDictionary, name: str, iso2: str) -> None:
    assert actors.country_of_name(name) == iso2


def test_short_words_are_not_country_codes(actors: ActorDictionary) -> None:
    assert actors.country_of_name("in") is None
    assert actors.country_of_name("Atlantis") is None


@pytest.mark.parametrize(
    ("word", "group"),
    [("Peulh", "Fulani"), ("Fulbe", "Fulani"), ("touaregs", "Tuareg"), ("Sonraï", "Songhai")],
)
def test_ethnic_groups(actors: ActorDictionary, word: str, group: str) -> None:
    assert actors.ethnic_group(word) == group


def test_expand_forms_and_fold() -> None:
    assert expand_forms("malien(ne)(s)") == ["malien", "maliens", "malienne", "maliennes"]
    assert fold("Jama’at  Nusrat al-Islam") == fold("jamaat nusrat al islam")


# --- data hygiene -------------------------------------------------------------------------------


def test_no_alias_is_a_common_english_word(actors: ActorDictionary) -> None:
    texts = [alias for alias, _ in actors.named_aliases()]
    texts += [t for words in actors.cue_words().values() for t in words if t.isupper()]
    raw = yaml.safe_load(
        (Path(__file__).parents[1] / "src/fieldreport/data/actors.yaml").read_text("utf-8")
    )
    for country in raw["countries"].values():
        texts += [t for terms in (country.get("forces") or {}).values() for t in terms]
    for group in raw["ethnic_groups"].values():
        texts += group["aliases"]
    bad = sorted({t for t in texts if fold(t) in STOP_WORDS or len(fold(t)) < 3})
    assert bad == []


def test_every_inter_code_is_between_1_and_8(actors: ActorDictionary) -> None:
    codes = {actors.named(key, on=on).inter for key in actors.actor_keys()
             for on in (None, date(2010, 1, 1), date(2020, 1, 1))}  # fmt: skip
    codes |= {actors.generic(kind, "ML", group="Fulani").inter for kind in actors.kinds()}
    assert codes <= set(range(1, 9))
    assert {2, 3, 4, 8} <= codes


def test_every_named_actor_has_a_country_or_is_international(actors: ActorDictionary) -> None:
    for key in actors.actor_keys():
        ref = actors.named(key)
        assert ref.country is None or len(ref.country) == 2, key
        if ref.country is None:  # external forces, or international aid organisations
            assert ref.inter in (7, 8), key


def test_national_guard_is_malis_military_only_in_mali(extract) -> None:  # type: ignore[no-untyped-def]
    (m,) = extract("On 8 May 2024, JNIM militants shot dead two National guards in Gossi.")
    assert any(r.actor.name.startswith("Military Forces of Mali") for r in m.actors)
    (m,) = extract("On 8 May 2024, a National Guard post was attacked in Austin, Texas.")
    assert not any("Mali" in r.actor.name for r in m.actors)


def test_short_acronyms_only_in_capitals(extract) -> None:  # type: ignore[no-untyped-def]
    (m,) = extract("On 8 May 2024, unknown gunmen attacked trucks on the axis Segou-Bla.")
    assert not any("Balochistan" in r.actor.name for r in m.actors)  # "Bla" is a town
    (m,) = extract("On 8 May 2024, suspected ISGs militants killed two herders near Djibo.")
    assert any(r.actor.name.startswith("Islamic State") for r in m.actors)  # any case


def test_a_victim_the_parser_makes_the_next_verbs_subject() -> None:
    # "Militants shot dead fifteen people, pillaged shops": parsers often hang "people" on
    # "pillaged" as its subject; they were shot, they did not pillage
    words = ["Militants", "shot", "dead", "fifteen", "people", ",", "pillaged", "shops", "."]
    doc = Doc(
        Vocab(),
        words=words,
        spaces=[True, True, True, True, False, True, True, False, False],
        heads=[1, 1, 1, 4, 6, 4, 1, 6, 1],
        deps=["nsubj", "ROOT", "acomp", "nummod", "nsubj", "punct", "conj", "dobj", "punct"],
        lemmas=["militant", "shoot", "dead", "fifteen", "people", ",", "pillage", "shop", "."],
        tags=["NNS", "VBD", "JJ", "CD", "NNS", ",", "VBD", "NNS", "."],
    )
    assert (side_of(doc[4]), side_of(doc[0])) == ("target", "attacker")


def test_a_group_operates_where_its_area_says_first(extract) -> None:  # type: ignore[no-untyped-def]
    # the ADF, a Ugandan group, fights in eastern Congo: Beni is Congo's town, not a guess
    # lost to the group's home; AQIM's men in the Sahel are in Mali, not Algeria
    (m,) = extract("On 9 May 2021, ADF rebels killed nine farmers in a village near Beni.")
    assert m.country == "CD"
    assert m.place is not None and m.place.name == "Beni"
    (m,) = extract("On 9 May 2021, AQIM militants abducted two traders in Zobrakuni.")
    assert m.country == "ML"


def test_maoists_in_india_and_a_police_informer_is_no_policeman(extract) -> None:  # type: ignore[no-untyped-def]
    (m,) = extract(
        "On 2 July 2023, Maoists shot dead a police informer in Sukma district, Chhattisgarh, "
        "India."
    )
    names = {r.role: r.actor.name for r in m.actors}
    assert names["actor1"] == "CPI (Maoist): Communist Party of India (Maoist)"
    assert not any(r.actor.name.startswith("Police Forces") for r in m.actors)


def test_a_countrys_drones_are_its_military(extract) -> None:  # type: ignore[no-untyped-def]
    (m,) = extract("On 11 February 2024, Ukrainian drones struck an oil depot in Bryansk, Russia.")
    assert m.sub_event_type == "Air/drone strike"
    assert {r.role: r.actor.name for r in m.actors}["actor1"].startswith(
        "Military Forces of Ukraine"
    )


def test_forces_that_shoot_a_crowd_face_it(extract) -> None:  # type: ignore[no-untyped-def]
    # excessive force: the soldiers are the protest's other side (actor 2), not its ally
    (m,) = extract(
        "On 3 May 2023, soldiers opened fire on marchers in Conakry, Guinea, killing two."
    )
    assert m.sub_event_type == "Excessive force against protesters"
    roles = {r.role: r.actor.name for r in m.actors}
    assert roles["actor1"] == "Protesters (Guinea)"
    assert roles["actor2"].startswith("Military Forces of Guinea")


def test_aqm_is_aqim(pipeline) -> None:  # type: ignore[no-untyped-def]
    # "AQM", a common shorthand for al-Qaeda in the Islamic Maghreb, in capitals only
    ref = pipeline.resources.actors.lookup("AQM")
    assert ref is not None and ref.name == "AQIM: Al Qaeda in the Islamic Maghreb"


@pytest.mark.parametrize(
    "text",
    [
        "On 9 May 2021, a motorcyclist was killed when an IED exploded near Djibo.",
        "On 9 May 2021, three traders assassinated near Djibo by gunmen on motorbikes.",
    ],
)
def test_the_victims_are_civilians(extract, text: str) -> None:  # type: ignore[no-untyped-def]
    (m,) = extract(text)
    roles = {r.role: r.actor.name for r in m.actors}
    assert roles.get("actor2") == "Civilians (Burkina Faso)", roles


def test_armed_villagers_are_a_communal_militia(extract) -> None:  # type: ignore[no-untyped-def]
    (m,) = extract("On 7 May 2021, armed villagers from Kera killed a herder near Djibo.")
    roles = {r.role: r.actor.name for r in m.actors}
    assert roles["actor1"] == "Unidentified Communal Militia (Burkina Faso)"
    assert roles["actor2"] == "Civilians (Burkina Faso)"


def test_the_people_whose_village_was_hit(extract) -> None:  # type: ignore[no-untyped-def]
    # "attacked the Dogon village of X": the Dogon are the victims' ethnic descriptor
    (m,) = extract(
        "On 19 April 2021, armed men raided Zobrakuni, a Dogon hamlet close to Bankass, and "
        "shot four people."
    )
    assoc = {r.actor.name for r in m.actors if r.role == "assoc2"}
    assert "Dogon Ethnic Group (Mali)" in assoc


@pytest.mark.parametrize(
    "text",
    [
        "On 21 April 2021, Dozos shot four Fulani near Zobrakuni, Mopti.",
        "On 21 April 2021, gunmen abducted the Fulani chief of a hamlet near Djenne.",
    ],
)
def test_victims_named_by_their_people(extract, text: str) -> None:  # type: ignore[no-untyped-def]
    (m,) = extract(text)
    assoc = {r.actor.name for r in m.actors if r.role == "assoc2"}
    assert "Fulani Ethnic Group (Mali)" in assoc, m.actors


def test_people_hit_at_their_work_are_a_labour_group(extract) -> None:  # type: ignore[no-untyped-def]
    (m,) = extract("On 9 May 2021, gunmen shot dead a lorry driver and his apprentice near Djibo.")
    roles = {(r.role, r.actor.name) for r in m.actors}
    assert ("actor2", "Civilians (Burkina Faso)") in roles
    assert ("assoc2", "Labor Group (Burkina Faso)") in roles


def test_membership_periods_must_be_in_date_order_and_name_their_place(tmp_path: Path) -> None:
    brigade = (
        '  brigade: {name: "Some Brigade", inter: 2, country: ML, member_of: '
        "[{actor: jnim, from: 2020-04-01, coded_as: member}, "
        "{actor: jnim, from: 2017-03-02, coded_as: coalition}]}\n"
    )
    with pytest.raises(DataError, match="member_of: periods must be in date order"):
        ActorDictionary.load(write(tmp_path, MINIMAL + brigade))
    bad = brigade.replace("coded_as: member", "coded_as: both").replace("2017", "2021")
    with pytest.raises(DataError, match=r"member_of\[0\]\.coded_as: want"):
        ActorDictionary.load(write(tmp_path, MINIMAL + bad))


@pytest.mark.parametrize(
    ("kind", "iso2", "on", "expected"),
    [  # periods as ACLED's own exports print them
        ("military", "IR", date(2023, 1, 1), "Military Forces of Iran (1989-)"),
        ("military", "NG", date(2012, 1, 1), "Military Forces of Nigeria (1999-2015)"),
        ("military", "TR", date(2019, 1, 1), "Military Forces of Turkey (2016-)"),
        ("military", "TR", date(2015, 1, 1), "Military Forces of Turkey (2002-2016)"),
        ("military", "CI", date(2019, 1, 1), "Military Forces of the Ivory Coast (2011-)"),
        ("police", "MZ", date(2021, 1, 1), "Police Forces of Mozambique (1990-)"),
        ("military", "GB", date(2023, 1, 1), "Military Forces of the United Kingdom (2010-2024)"),
        ("military", "PS", date(2023, 1, 1), "Military Forces of Palestine (1994-)"),
    ],
)
def test_periods_as_acled_prints_them(
    actors: ActorDictionary, kind: str, iso2: str, on: date, expected: str
) -> None:
    assert actors.generic(kind, iso2, on=on).name == expected


def test_renamed_groups_take_acled_s_current_names(actors: ActorDictionary) -> None:
    assert actors.named("rsf", on=date(2024, 1, 1)).name == "Rapid Support Forces"
    assert actors.named("rsf", on=date(2022, 1, 1)).name == (
        "Military Forces of Sudan (2019-) Rapid Support Forces"
    )
    assert actors.named("iskp").name == "Islamic State Khorasan Province (ISKP)"
    assert actors.named("sdf").name == "QSD: Syrian Democratic Forces"
    pmf = actors.named("pmf", on=date(2024, 1, 1))
    assert (pmf.name, pmf.inter) == (
        "Military Forces of Iraq (2022-) Popular Mobilization Forces",
        1,
    )
