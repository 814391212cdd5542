"""The gazetteer (GeoNames data from PyPI packages + our additions) and place phrases in text."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from fieldreport.extract.places import ents_within
from fieldreport.pipeline import Pipeline
from fieldreport.resolve.places import Entry, Gazetteer, clean_admin, fold, km

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def gazetteer(pipeline: Pipeline) -> Gazetteer:
    return pipeline.resources.gazetteer


def test_fold_and_admin_names() -> None:
    assert fold("Ségou") == fold("SEGOU") == "segou"
    assert fold("N'Djamena") == "n djamena"
    assert clean_admin("Province du Soum") == "Soum"
    assert clean_admin("Tillabéri") == "Tillaberi"


def test_town_with_admin_names(gazetteer: Gazetteer) -> None:
    djibo = gazetteer.best("Djibo", countries=["BF"])
    assert djibo is not None and djibo.country == "BF" and djibo.admin1 == "Sahel"
    assert km(djibo.lat, djibo.lon, 14.10, -1.63) < 10


def test_french_and_english_spellings(gazetteer: Gazetteer) -> None:
    a = gazetteer.best("Tombouctou", countries=["ML"])
    b = gazetteer.best("Timbuktu", countries=["ML"])
    assert a is not None and a == b and a.admin1 == "Tombouctou"


def test_acled_admin1_spellings(gazetteer: Gazetteer) -> None:
    bobo = gazetteer.best("Bobo-Dioulasso", countries=["BF"])
    assert bobo is not None and bobo.admin1 == "Hauts-Bassins"


def test_packaged_additions(gazetteer: Gazetteer) -> None:
    tin = gazetteer.best("Tin Zaouatene", countries=["ML"])
    assert tin is not None and tin.name == "Tinzaouaten" and tin.admin1 == "Kidal"


def test_context_country_decides(gazetteer: Gazetteer) -> None:
    assert gazetteer.best("Boni", countries=["DE"]) is not None
    found = gazetteer.best("Kaya", countries=["BF"])
    assert found is not None and found.country == "BF"


def test_regions_and_countries(gazetteer: Gazetteer) -> None:
    mopti = gazetteer.region("Mopti region", ["ML"])
    assert mopti is not None and mopti.kind == "region" and mopti.admin1 == "Mopti"
    assert gazetteer.country_of("Ivory Coast") == "CI"
    assert gazetteer.country_of("Burkina") == "BF"
    assert gazetteer.country_of("Bamako") is None


def test_region_without_a_country_in_context(gazetteer: Gazetteer) -> None:
    """Without the country, a region name counts when one country has a region so named, or
    when one region so named is ten times as populous as any other."""
    regions: dict[tuple[str, str], Entry] = {}  # the last region entry per country and name
    for entry in gazetteer.entries:
        if entry.kind == "region":
            regions[(entry.country, fold(entry.admin1))] = entry
    names = Counter(key for _, key in regions)
    assert any(n > 1 for n in names.values())  # some names are shared: most of those give None
    for (_, key), entry in regions.items():
        if re.search(r"\s(region|province|state)$", key):
            continue  # region() strips these words
        # namesakes include regions called so in English ("Sud-Est": "south east")
        same = [gazetteer.entries[i] for i in gazetteer._regions_by_name.get(key, [])]
        others = [e.population for e in same if e is not entry]
        dwarfs = all(entry.population >= 10 * p for p in others)
        found = gazetteer.region(key, [])
        assert found == entry if dwarfs else found != entry, key
    mopti = gazetteer.region("Mopti Region", [])
    assert mopti is not None and mopti.country == "ML"
    assert gazetteer.region("Nowhere-in-particular", []) is None


def test_ruler_fixes_the_models_errors(pipeline: Pipeline) -> None:
    doc = pipeline.nlp("Mali said fighters attacked Kidal on Saturday.")
    labels = {e.text: e.label_ for e in doc.ents}
    assert labels.get("Mali") == "GPE" and labels.get("Kidal") == "GPE"


def test_paragraphs_end_sentences(pipeline: Pipeline) -> None:
    doc = pipeline.nlp("Headline without a stop\n\nBAMAKO:\n\nGunmen attacked a village.")
    assert [s.text.strip() for s in doc.sents][:3] == [
        "Headline without a stop",
        "BAMAKO:",
        "Gunmen attacked a village.",
    ]
    # a headline's parts: "Title | Section"
    doc = pipeline.nlp("Soldier killed in ambush | Clashes go on near Gao.")
    assert [s.text.strip() for s in doc.sents] == [
        "Soldier killed in ambush |",
        "Clashes go on near Gao.",
    ]


def test_second_level_areas(gazetteer: Gazetteer) -> None:
    soum = gazetteer.admin2("Soum", ["BF"])
    assert soum is not None and soum.kind == "admin2"
    assert (soum.country, soum.admin1, soum.admin2) == ("BF", "Sahel", "Soum")
    assert gazetteer.admin2("Province du Soum", []) == soum  # unique: no context needed
    assert gazetteer.admin2("Nowhere-Province", ["BF"]) is None
    assert gazetteer.best("Soum", countries=["BF"]) != soum  # areas are hints, not places


def test_admin3_admin2_hint_places_an_unknown_village(extract) -> None:  # type: ignore[no-untyped-def]
    # a made-up village: only the "(commune, province)" hint says where it is
    (m,) = extract("On 4 May 2024, gunmen killed two civilians in Zobrakuni (Djibo, Soum).")
    assert m.place is not None
    assert (m.place.country, m.place.admin1, m.place.admin2) == ("BF", "Sahel", "Soum")
    assert m.place.name == "Djibo" and m.place.precision == 2
    assert m.evidence["place"].text == "Djibo"


def test_province_seat_when_the_commune_is_unknown(extract) -> None:  # type: ignore[no-untyped-def]
    (m,) = extract("On 4 May 2024, gunmen killed two civilians in Zobrakuni (Qwertyville, Soum).")
    assert m.place is not None and m.place.precision == 3
    assert (m.place.admin1, m.place.admin2) == ("Sahel", "Soum")
    assert m.evidence["place"].text == "Soum"


def test_country_without_a_place(extract) -> None:  # type: ignore[no-untyped-def]
    # (a protest would be placed at the capital: an attack is not)
    (m,) = extract("Gunmen killed two civilians in Burkina Faso on Thursday.")
    assert m.place is None and "place" in m.notes
    assert (m.country, m.country_name) == ("BF", "Burkina Faso")


def test_towns_moved_to_newer_regions(gazetteer: Gazetteer) -> None:
    menaka = gazetteer.best("Menaka", countries=["ML"])
    assert menaka is not None and menaka.admin1 == "Menaka"  # its own region since 2016
    assert gazetteer.region("Menaka", ["ML"]) is not None


def test_region_written_first_and_short_prefixes(extract) -> None:  # type: ignore[no-untyped-def]
    (m,) = extract("On 4 May 2024, gunmen abducted a village chief in Zobrakuni (Mopti, Koro).")
    assert m.place is not None and (m.place.country, m.place.admin1) == ("ML", "Mopti")
    (m,) = extract("On 4 May 2024, gunmen killed a herder in Tin Qwxyz near Gao.")
    assert m.place is not None and m.place.name == "Gao"  # not a town called "Tin"


def test_ents_within_is_span_ents(pipeline: Pipeline) -> None:
    """find_places takes a sentence's entities from doc.ents found once: the same as sent.ents."""
    doc = pipeline.nlp(
        "GAO, Mali (Reuters) - Gunmen attacked a Malian army post near Gao on Sunday, the "
        "Ministry of Defence in Bamako said. Fighting spread to Menaka and the Niger border. "
        "In Borno State, Nigeria, ISWAP fighters raided Konduga. Des hommes armés ont attaqué "
        "Djibo, au Burkina Faso, selon l'AFP. No entity here."
    )
    ents, seen = doc.ents, 0
    for sent in doc.sents:
        expected = [(e.start, e.end, e.label_) for e in sent.ents]
        assert [(e.start, e.end, e.label_) for e in ents_within(sent, ents)] == expected
        seen += len(expected)
    assert seen >= 8


def test_brackets_stay_in_the_sentence_of_their_place(pipeline: Pipeline) -> None:
    """The parser split before "[" and the place hint left the event's sentence."""
    for text in (
        "On 9 August 2020, a vehicle struck an IED near the village of Tonou [Tondo Erkokoni] "
        "(Koro, Mopti), leaving five soldiers injured.",
        "ISGS claimed to have killed one JNIM member in the area of 'Pete Boura' [Peto Mbola], "
        "west of Boulikessi (Douentza, Mopti).",
    ):
        assert len(list(pipeline.nlp(text).sents)) == 1
    two = pipeline.nlp("Gunmen attacked Djibo. (Reuters) The army said nothing.")
    assert len(list(two.sents)) >= 2  # after a full stop a bracket may still start one


def test_a_province_named_as_such(extract) -> None:  # type: ignore[no-untyped-def]
    (m,) = extract("On 4 July 2024, gunmen killed a civilian near Zobrakuni, Yagha Province.")
    assert m.place is not None and m.place.precision == 3
    assert (m.place.country, m.place.admin1, m.place.admin2) == ("BF", "Sahel", "Yagha")
    (m,) = extract("On 3 May 2024, gunmen killed two civilians in the province of Soum.")
    assert m.place is not None and (m.place.admin1, m.place.admin2) == ("Sahel", "Soum")
    # the cercle named after its seat is coded at the seat, the town itself
    (m,) = extract("On 3 May 2024, soldiers killed five civilians in the Cercle of Niono (Segou).")
    assert m.place is not None and (m.place.name, m.place.admin1) == ("Niono", "Segou")


def test_an_area_named_after_its_seat_town(extract) -> None:  # type: ignore[no-untyped-def]
    # "(commune, cercle)" where the gazetteer has no such cercle, only its seat, Koro
    (m,) = extract(
        "On 20 May 2024, suspected Fulani militiamen abducted two Dogon men in the village "
        "of Zobrakuni (Qwertyville, Koro)."
    )
    assert m.place is not None and (m.place.country, m.place.admin1) == ("ML", "Mopti")
    assert m.place.name == "Koro" and "place" in m.notes


def test_the_place_a_note_was_coded_as(extract) -> None:  # type: ignore[no-untyped-def]
    (m,) = extract(
        "On 13 September 2024, gunmen attacked the mining site Zobrakuni (coded as Djibo at "
        "geoprecision 2), and killed three people."
    )
    assert m.place is not None and (m.place.name, m.place.country) == ("Djibo", "BF")


def test_a_one_country_militia_outweighs_a_regional_group(extract) -> None:  # type: ignore[no-untyped-def]
    (m,) = extract("On 2 May 2024, JNIM militants attacked Koglweogo members in Zobrakuni.")
    assert m.country == "BF"
    (m,) = extract("On 2 May 2024, JNIM militants attacked a convoy in Zobrakuni.")
    assert m.country == "ML"  # JNIM alone: its home


def test_a_lone_province_in_brackets(extract) -> None:  # type: ignore[no-untyped-def]
    # "Pama (Kompienga)": the province says which Pama (Austria has one too)
    (m,) = extract("On 1 June 2024, residents demonstrated in Pama (Kompienga).")
    assert m.place is not None and (m.place.name, m.place.country) == ("Pama", "BF")
    (m,) = extract("On 1 June 2024, gunmen killed two civilians in Zobrakuni (Kompienga).")
    assert m.place is not None and (m.place.country, m.place.admin2) == ("BF", "Kompienga")


def test_an_axis_is_coded_at_its_first_known_town(extract) -> None:  # type: ignore[no-untyped-def]
    (m,) = extract("On 8 May 2024, unknown gunmen killed two traders on the Dori-Zobrakuni road.")
    assert m.place is not None and (m.place.name, m.place.country) == ("Dori", "BF")
    assert m.place.precision == 2
    (m,) = extract("On 8 May 2024, unknown gunmen killed two traders between Dori-Djibo.")
    assert m.place is not None and (m.place.name, m.place.precision) == ("Dori", 2)


def test_a_name_that_begins_with_a_foreign_towns(extract) -> None:  # type: ignore[no-untyped-def]
    # with no country in context, "Pobe-Zobrakuni" is a village's own name (not a road from
    # Benin's Pobe) and "Bangui Zobrakuni" is not the capital of the Central African Republic
    (m,) = extract("On 8 May 2024, unknown gunmen burned huts in the village of Pobe-Zobrakuni.")
    assert m.place is None or m.place.country != "BJ"
    (m,) = extract("On 8 May 2024, unknown gunmen abducted a herder near Bangui Zobrakuni.")
    assert m.place is None or m.place.country != "CF"
    (m,) = extract("On 8 May 2024, unknown gunmen killed two men in Kain-Zobrakuni.")
    assert m.place is None or m.place.country != "BE"
    # a road between two towns the gazetteer knows, however short the first name
    (m,) = extract("On 8 May 2024, an IED struck a truck on the Gao-Gossi road.")
    assert m.place is not None and (m.place.name, m.place.precision) == ("Gao", 2)


def test_a_small_town_with_a_name_of_its_own(extract, gazetteer: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    # no country in the text: a town the gazetteer lists once is taken even without a
    # population figure; an organisation's name is never a town
    unique = next(
        e
        for e in gazetteer.entries
        if e.kind == "town"
        and e.country == "BF"
        and e.population == 0
        and len(e.name) >= 6
        and e.name.isalpha()
        and len(gazetteer.lookup(e.name)) == 1
        and not gazetteer.admin2(e.name, [])
    )
    (m,) = extract(f"On 8 May 2024, students protested in {unique.name}.")
    assert m.place is not None and m.place.country == "BF"
    (m,) = extract("On 8 May 2024, gunmen seized a vehicle of the Red Cross in Zobrakuni.")
    assert m.place is None or m.place.name != "Red Cross"


def test_a_region_far_from_the_reports_countries(extract) -> None:  # type: ignore[no-untyped-def]
    # "Yoro" is a region of Honduras and a village of Mali the gazetteer lacks: a report on
    # Mali is not placed in Central America; a region named after its main town still counts
    (m,) = extract("On 2 May 2024, Malian soldiers clashed with JNIM militants near Yoro.")
    assert m.place is None or m.place.country == "ML"
    (m,) = extract("On 2 May 2024, youths inspired by France's yellow vests protested in Bamako.")
    assert m.place is not None and m.place.country == "ML"


def test_a_two_word_name_is_not_its_first_word(extract) -> None:  # type: ignore[no-untyped-def]
    # "Justin Zongo" is a man, not Justin (Texas); "Gaoua High School" is in Gaoua
    (m,) = extract("On 2 May 2024, students protested over the death of Justin Qwerty in Tougan.")
    assert m.place is not None and m.place.name == "Tougan"
    (m,) = extract("On 2 May 2024, students of Gaoua High School staged a protest march.")
    assert m.place is not None and m.place.name == "Gaoua"


def test_peoples_acronyms_and_institutions_are_no_towns(extract) -> None:  # type: ignore[no-untyped-def]
    # Arab (Alabama), Ngo (Congo), Independence (Missouri) are towns, but not here
    (m,) = extract("On 2 May 2024, gunmen killed two members of the Arab community in Menaka.")
    assert m.place is not None and m.place.country == "ML"
    (m,) = extract("On 2 May 2024, gunmen abducted NGO staff in the village of Zobrakuni.")
    assert m.place is None or m.place.country != "CG"
    (m,) = extract("On 2 May 2024, hundreds protested at the Independence Square in Bamako.")
    assert m.place is not None and m.place.name == "Bamako"


def test_the_hint_names_the_areas_of_the_town_before_it(extract) -> None:  # type: ignore[no-untyped-def]
    # the gazetteer puts Bama in the wrong region: the note's "(commune, province)" decides
    (m,) = extract("On 2 May 2024, gunmen killed a farmer in Bama (Bama, Houet).")
    assert m.place is not None and (m.place.admin1, m.place.admin2) == ("Hauts-Bassins", "Houet")
    # a town of the same name far from the named province is a namesake, not the place
    (m,) = extract("On 2 May 2024, gunmen killed a farmer in Kaya (Qwertyville, Tapoa).")
    assert m.place is not None and (m.place.admin1, m.place.admin2) == ("Est", "Tapoa")
    # a commune named like a foreign region ("Sangha", Congo) before its province
    (m,) = extract("On 2 May 2024, gunmen killed a farmer in Zobrakuni (Sangha, Koulpelogo).")
    assert m.place is not None and (m.place.country, m.place.admin2) == ("BF", "Koulpelogo")
    # "(Bamako, Mali)": the country, not Guinea's prefecture of Mali
    (m,) = extract("On 2 May 2024, hundreds of activists marched in Bamako city (Bamako, Mali).")
    assert m.place is not None and m.place.country == "ML"


def test_roads_and_town_centres(extract) -> None:  # type: ignore[no-untyped-def]
    # "on the A-B road", "axis A-B" and "in central X" name towns the NER misses
    (m,) = extract("On 3 May 2024, a soldier was killed by an IED on the Hombori-Zobrakuni road.")
    assert m.place is not None and (m.place.name, m.place.precision) == ("Hombori", 2)
    (m,) = extract("On 3 May 2024, gunmen seized a truck belonging to an NGO in central Timbuktu.")
    assert m.place is not None and m.place.name == "Timbuktu"


def test_the_place_a_note_says_it_coded(extract) -> None:  # type: ignore[no-untyped-def]
    # the place after "coded as" comes first, at the precision the note states
    (m,) = extract(
        "On 3 May 2024, soldiers killed two herders on the axis Djibo-Zobrakuni "
        "(coded as Arbinda at geoprecision 2)."
    )
    assert m.place is not None and (m.place.name, m.place.precision) == ("Aribinda", 2)


def test_where_people_come_from_is_not_the_place(extract) -> None:  # type: ignore[no-untyped-def]
    (m,) = extract("On 3 May 2024, herders from Koro signed a peace agreement in Sevare.")
    assert m.place is not None and m.place.admin2 == "Mopti" and m.place.name != "Koro"
    # with no place introduced by "in" or "at", the order of the text stands
    (m,) = extract("On 3 May 2024, truck drivers blocked the road from Kaya to Djibo in protest.")
    assert m.place is not None and m.place.name == "Kaya"


def test_a_village_then_its_commune(extract) -> None:  # type: ignore[no-untyped-def]
    (m,) = extract("On 3 May 2024, gunmen abducted two traders in Zobrakuni, Youwarou.")
    assert m.place is not None and (m.place.name, m.place.country) == ("Youwarou", "ML")


def test_an_area_named_after_its_seat(extract, gazetteer: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    # Mali's cercles bear their seats' names; Burkina Faso's provinces do not
    assert gazetteer.areas_named_after_seats("ML") and not gazetteer.areas_named_after_seats("BF")
    (m,) = extract("On 3 May 2024, unknown gunmen attacked a checkpoint in the town of Koro.")
    assert m.place is not None and (m.place.admin1, m.place.admin2) == ("Mopti", "Koro")
    # there, a town with no known area is in the area whose seat is near it (Gaoua: Poni)
    (m,) = extract("On 3 May 2024, residents of Gaoua marched against the price of fuel.")
    assert m.place is not None and m.place.admin2 == "Poni"


def test_a_foreign_city_is_not_found_by_another_languages_name(extract) -> None:  # type: ignore[no-untyped-def]
    # with no country in context, "Boni" (a name of Bonn in GeoNames) is no German city; the
    # other town the report names stands for the place instead
    (m,) = extract("On 3 May 2024, unknown gunmen abducted a trader between Douentza and Boni.")
    assert m.place is not None and (m.place.name, m.place.country) == ("Douentza", "ML")
    (m,) = extract("On 3 May 2024, unknown gunmen shot dead a shopkeeper in Boni.")
    assert m.place is None or m.place.country != "DE"
    # a spelling of the town's own name still finds it
    (m,) = extract("On 3 May 2024, traders marched in Nioro du Sahel against new market taxes.")
    assert m.place is not None and (m.place.name, m.place.country) == ("Nioro", "ML")


def test_places_the_event_is_only_near(extract) -> None:  # type: ignore[no-untyped-def]
    # "between A and B" puts the event near both; "in the commune of", "on their way to" and
    # "from" are areas and directions, coded at precision 2 (ACLED)
    (m,) = extract(
        "On 3 May 2024, gunmen robbed a trader between Zobrakuni (Djibo, Soum) and Djibo."
    )
    assert m.place is not None and (m.place.name, m.place.precision) == ("Djibo", 2)
    (m,) = extract("On 3 May 2024, gunmen killed a farmer in the commune of Markoye.")
    assert m.place is not None and (m.place.name, m.place.precision) == ("Markoye", 2)
    (m,) = extract("On 3 May 2024, bandits robbed a bus on its way to Bamba (Bourem, Gao).")
    assert m.place is not None and (m.place.name, m.place.precision) == ("Bamba", 2)


def test_areas_named_with_their_kind_give_the_country(extract) -> None:  # type: ignore[no-untyped-def]
    # "Soum province", "Cercle of Niafunke": the country of the area, though unnamed, rules
    # out namesakes abroad (Angola's Damba, Nigeria's Lere)
    (m,) = extract("On 3 May 2024, bandits stole goats from the hamlet of Damba, Soum province.")
    assert m.place is not None and m.place.country == "BF"
    (m,) = extract("On 3 May 2024, armed men robbed a trader in Lere, Cercle of Niafunke.")
    assert m.place is not None and (m.place.country, m.place.admin1) == ("ML", "Tombouctou")
    # a town of another region than the one named is not the place
    (m,) = extract(
        "On 3 May 2024, militiamen ambushed a convoy near Bourem-Inaly, Tombouctou Region."
    )
    assert m.place is not None and m.place.admin1 == "Tombouctou"


def test_a_big_town_nearby_tells_the_country(extract) -> None:  # type: ignore[no-untyped-def]
    # "near Mopti": a large town known by its own name puts its country in context, so the
    # checkpoint of "Marina" is not California's
    (m,) = extract("On 3 May 2024, bandits robbed a bus in Marina, near Mopti.")
    assert m.place is not None and m.place.country == "ML"
    # "Tonka (Goundam)": an area in brackets named after its seat, a town the gazetteer knows
    (m,) = extract("On 3 May 2024, armed men stole cattle in Tonka (Goundam).")
    assert m.place is not None and (m.place.country, m.place.admin1) == ("ML", "Tombouctou")


def test_a_regional_capitals_area_is_named_as_its_region(extract) -> None:  # type: ignore[no-untyped-def]
    # GeoNames calls the town Timbuktu; its cercle, like its region, is Tombouctou
    (m,) = extract("On 3 May 2024, gunmen attacked a shop in Timbuktu.")
    assert m.place is not None and (m.place.admin1, m.place.admin2) == ("Tombouctou", "Tombouctou")


def test_a_namesake_far_from_the_hints_seat_gives_way(extract) -> None:  # type: ignore[no-untyped-def]
    # "Bamba Commune (Koro, Mopti)": not the Bamba of the Gao region, 350 km from Koro
    (m,) = extract(
        "On 2 March 2024, gunmen burned granaries in the hamlet of Zobrakuni, Bamba Commune "
        "(Koro, Mopti)."
    )
    assert m.place is not None and m.place.admin1 == "Mopti"


def test_the_hinted_village_stands_before_other_towns(extract) -> None:  # type: ignore[no-untyped-def]
    # the note codes the village its brackets describe, unknown to the gazetteer: its area
    (m,) = extract(
        "On 2 March 2024, bandits robbed a bus between Zobrakuni (Bourzanga, Bam) and Djibo."
    )
    assert m.place is not None and m.place.admin1 == "Centre-Nord"


def test_a_town_named_as_where_an_unknown_hamlet_lies(extract) -> None:  # type: ignore[no-untyped-def]
    # "the hamlet of Zobrakuni in Aribinda": coded at Aribinda, which it is near (2); "coming
    # from the market of X" is a direction too
    (m,) = extract(
        "On 3 May 2020, gunmen killed two herders in the hamlet of Zobrakuni in Aribinda."
    )
    assert m.place is not None and (m.place.name, m.place.precision) == ("Aribinda", 2)
    (m,) = extract("On 3 May 2020, gunmen robbed traders coming from the market of Djibo.")
    assert m.place is not None and (m.place.name, m.place.precision) == ("Djibo", 2)


def test_a_month_abbreviation_is_no_town(extract) -> None:  # type: ignore[no-untyped-def]
    (m,) = extract("Gunmen looted the Zobra gold mine on Nov. 1.")
    assert m.place is None or m.place.country != "TJ"  # not Nov, Tajikistan


def test_a_region_outweighs_a_village_abroad_of_the_same_name(extract) -> None:  # type: ignore[no-untyped-def]
    # "in Borno": Nigeria's state, not Borno in Lombardy (2,500 people); a town keeps its name
    (m,) = extract("On 3 May 2021, gunmen raided a school in Borno, abducting eleven pupils.")
    assert m.place is not None and (m.place.country, m.place.admin1) == ("NG", "Borno")
    assert m.place.precision == 3
    (m,) = extract("On 3 May 2021, gunmen raided a school in Nara, abducting eleven pupils.")
    assert m.place is not None and m.place.country == "ML"


def test_whose_people_or_company_is_not_where(extract) -> None:  # type: ignore[no-untyped-def]
    # a contingent's, a company's, nationals' country says whose they are, not where it was
    (m,) = extract(
        "On 3 May 2021, a MINUSMA vehicle struck a mine near the village of Zobrakuni; two "
        "soldiers of the Togolese contingent were wounded."
    )
    assert m.country == "ML"
    (m,) = extract(
        "On 3 May 2021, gunmen abducted three engineers of a Turkish company building the road "
        "between Zobrakuni and Djibo."
    )
    assert m.country == "BF"


def test_the_country_across_the_border_is_not_where(extract) -> None:  # type: ignore[no-untyped-def]
    # "near the Niger border", "on the border with Ghana": the neighbour, named as a landmark
    (m,) = extract(
        "On 3 May 2021, GATIA militiamen clashed with bandits near Zobrakuni, close to the "
        "Niger border."
    )
    assert m.country == "ML"
    (m,) = extract(
        "On 3 May 2021, Koglweogo members shot dead a cattle thief in Zobrakuni, on the border "
        "with Ghana."
    )
    assert m.country == "BF"
    (m,) = extract(
        "On 3 May 2021, gunmen who came from Niger attacked Zobrakuni; Koglweogo members "
        "repelled them."
    )
    assert m.country == "BF"


def test_a_hints_seat_is_the_town_that_dwarfs_its_namesakes(extract) -> None:  # type: ignore[no-untyped-def]
    # "(Zobrakuni, Koro)" with no country named: Koro of Mali (25,000 people), not an Ivorian
    # village of that name
    (m,) = extract(
        "On 3 May 2020, unknown gunmen burned granaries in Qwertyville (Zobrakuni, Koro)."
    )
    assert m.country == "ML"
    assert m.place is not None and m.place.admin1 == "Mopti"


def test_a_misspelt_city_is_still_the_city(extract) -> None:  # type: ignore[no-untyped-def]
    # a typo in a city of 100,000 or more ("Ouagadougu", "Bobo-Dioulaso") is that city; a
    # short or unknown name is never guessed
    (m,) = extract("On 3 May 2021, nurses in Ouagadougu staged a sit-in over unpaid bonuses.")
    assert m.place is not None and (m.place.name, m.place.country) == ("Ouagadougou", "BF")
    (m,) = extract("On 3 May 2021, nurses in Bobo-Dioulaso staged a sit-in over unpaid bonuses.")
    assert m.place is not None and m.place.name == "Bobo-Dioulasso"
    (m,) = extract("On 3 May 2021, nurses in Qwertyuiop staged a sit-in over unpaid bonuses.")
    assert m.place is None


def test_the_town_a_facility_is_named_for(extract) -> None:  # type: ignore[no-untyped-def]
    (m,) = extract(
        "On 3 May 2021, teachers of the Provincial High School Dedougou held a sit-in over "
        "unpaid bonuses."
    )
    assert m.place is not None and (m.place.name, m.place.country) == ("Dédougou", "BF")


@pytest.mark.parametrize(
    "text",
    [  # a town the event was on its way to, around, or beside: near it (2), not in it
        "On 3 May 2020, a truck hit a mine 12 km past Zobrakuni on the road towards Djibo.",
        "On 3 May 2020, gunmen robbed traders near Zobrakuni after leaving Djibo.",
        "On 3 May 2020, gunmen burned granaries in the hamlet of Zobrakuni in the Djibo area.",
        "On 3 May 2020, a bus hit a mine between Zobrakuni [Zobra] and Djibo.",
    ],
)
def test_a_town_the_event_was_only_near(extract, text: str) -> None:  # type: ignore[no-untyped-def]
    (m,) = extract(text)
    assert m.place is not None and (m.place.name, m.place.precision) == ("Djibo", 2)


def test_where_the_wounded_were_taken_is_not_where(extract) -> None:  # type: ignore[no-untyped-def]
    (m,) = extract(
        "On 3 May 2020, a herder evacuated to Djibo had been shot by gunmen in Aribinda."
    )
    assert m.place is not None and m.place.name == "Aribinda"


def test_two_far_towns_in_a_hyphen_are_no_road(extract) -> None:  # type: ignore[no-untyped-def]
    # "Sare-Male": one village's name, not a road from Sare (France) to Malé (Maldives)
    (m,) = extract("On 3 May 2020, bandits killed a cattle trader in the area of Sare-Male.")
    assert m.place is None or m.place.country not in {"FR", "MV"}


def test_an_areas_position_is_its_seat_named_like_it(extract) -> None:  # type: ignore[no-untyped-def]
    # the Ansongo cercle is coded at Ansongo, its seat, not at another town the area holds
    (m,) = extract("On 3 May 2020, gunmen burned granaries in Zobrakuni (Ouatagouna, Ansongo).")
    assert m.place is not None and (m.place.name, m.place.precision) == ("Ansongo", 3)


def test_a_countrys_longer_name_is_not_its_last_word(extract) -> None:  # type: ignore[no-untyped-def]
    # "DR Congo" is the Democratic Republic, not Congo-Brazzaville; "South Sudan" is not Sudan
    (m,) = extract("On 3 May 2021, gunmen killed four herders near a water point in DR Congo.")
    assert m.country == "CD"
    (m,) = extract("On 3 May 2021, gunmen killed four herders near a water point in South Sudan.")
    assert m.country == "SS"
    # a country's name before its embassy says whose the embassy is
    (m,) = extract(
        "On 3 May 2021, students marched to the Ghana embassy in Zobrakuni to denounce the "
        "Koglweogo."
    )
    assert m.country == "BF"


def test_a_region_that_dwarfs_its_namesakes_and_english_compass_names(extract) -> None:  # type: ignore[no-untyped-def]
    # "Plateau" with no country named: Nigeria's state, not Benin's department nor a town in
    # Alabama; "North Kivu" is GeoNames' "Nord Kivu"
    (m,) = extract("Gunmen killed six farmers in Plateau State on 3 May 2021.")
    assert m.place is not None and (m.place.country, m.place.admin1) == ("NG", "Plateau")
    (m,) = extract("On 3 May 2021, rebels killed six farmers in North Kivu.")
    assert m.place is not None and (m.place.country, m.place.admin1) == ("CD", "Nord Kivu")


def test_countries_go_by_acled_names(extract) -> None:  # type: ignore[no-untyped-def]
    # ISO writes "Congo, The Democratic Republic of the"; ACLED "Democratic Republic of Congo"
    (m,) = extract("On 3 May 2021, gunmen killed four herders near a water point in DR Congo.")
    assert m.country_name == "Democratic Republic of Congo"
    (m,) = extract("On 3 May 2021, gunmen killed four herders near Bouake, Ivory Coast.")
    assert m.country_name == "Ivory Coast"


def test_a_bracketed_region_and_a_city_called_without_city(extract) -> None:  # type: ignore[no-untyped-def]
    # "Bokkos (Plateau)": the region the village is in, which says its country
    (m,) = extract("On 3 May 2021, gunmen killed six farmers in Bokkos (Plateau).")
    assert m.place is not None and (m.place.country, m.place.admin1) == ("NG", "Plateau")
    assert m.place.name == "Bokkos"
    # "Marawi" for GeoNames' "Marawi City", with no country named
    (m,) = extract("On 3 May 2021, a bomb exploded near a school in Marawi, wounding two guards.")
    assert m.place is not None and m.place.country == "PH"


def test_acled_admin1_spellings_worldwide(extract, gazetteer: Gazetteer) -> None:  # type: ignore[no-untyped-def]
    # ACLED's names for regions GeoNames spells otherwise; the other spelling still finds them
    region = gazetteer.region("Southern Darfur", ["SD"])
    assert region is not None and region.admin1 == "South Darfur"
    (m,) = extract("On 3 May 2021, gunmen killed four traders near a market in Idlib, Syria.")
    assert m.place is not None and m.place.admin1 == "Idleb"
    # a transliteration's apostrophe may be left out: "Debre Markos" is "Debre Mark'os"
    town = gazetteer.best("Debre Markos", countries=["ET"])
    assert town is not None and town.country == "ET" and town.population > 50_000


@pytest.mark.parametrize(
    ("text", "where"),
    [
        (  # a city that is its own first-level area, written with "city"
            "On 3 May 2024, opposition supporters blocked avenues in Maputo city with burning "
            "tyres.",
            ("Maputo", 1, "Maputo City"),
        ),
        (
            "On 3 May 2024, protesters gathered in Kyiv City to demand the release of prisoners.",
            ("Kyiv", 1, "Kyiv City"),
        ),
        (  # the city struck, named bare after the verb, though only the attacker's country is
            "On 3 May 2024, Russian drones struck Kyiv, killing two.",
            ("Kyiv", 1, "Kyiv City"),
        ),
        (  # the oblast, which ACLED spells Kyiv (GeoNames: Kiev)
            "On 3 May 2024, a Russian missile hit a warehouse in the Kyiv region, wounding two.",
            ("Kyiv", 3, "Kyiv"),
        ),
        (  # a province of four letters is not a town of that name abroad
            "On 3 May 2024, a curfew was imposed in the Soum Province until further notice.",
            ("Djibo", 3, "Sahel"),
        ),
    ],
)
def test_cities_that_are_their_own_areas(extract, text: str, where: tuple[str, int, str]) -> None:  # type: ignore[no-untyped-def]
    (m,) = extract(text)
    assert m.place is not None
    assert (m.place.name, m.place.precision, m.place.admin1) == where


def test_state_forces_of_more_countries_carry_their_regime(extract) -> None:  # type: ignore[no-untyped-def]
    (m,) = extract("On 2 June 2023, police fired tear gas at protesters in Ziguinchor, Senegal.")
    assert "Police Forces of Senegal (2012-2024)" in {r.actor.name for r in m.actors}
    (m,) = extract("On 18 July 2024, police fired tear gas at students marching in Dhaka.")
    assert "Police Forces of Bangladesh (2009-2024)" in {r.actor.name for r in m.actors}
    (m,) = extract("On 10 August 2020, police fired rubber bullets at protesters in Minsk.")
    assert "Police Forces of Belarus (1994-)" in {r.actor.name for r in m.actors}


def test_a_hint_of_area_and_region_rules_out_a_namesake_before_it(extract) -> None:  # type: ignore[no-untyped-def]
    # "Vieux" of "Vieux-Port" is also a village in Normandy; the hint says Marseille's area
    (m,) = extract(
        "On 14 October 2023, people gathered at the Vieux-Port in Marseille (Bouches-du-Rhone, "
        "Provence-Alpes-Cote d'Azur) for a rally. Police dispersed them with tear gas."
    )
    assert m.place is not None and m.place.name == "Marseille"
    assert m.place.admin1 == "Provence-Alpes-Cote d'Azur"


def test_ndjamena_is_its_own_province(extract) -> None:  # type: ignore[no-untyped-def]
    (m,) = extract("On 3 May 2024, police fired tear gas at protesters in N'Djamena.")
    assert m.place is not None and m.place.admin1 == "N'Djamena"


def test_a_town_renamed_since_the_admin_file_keeps_its_province(gazetteer: Gazetteer) -> None:
    # the admin-name file lists Solenzo under an older name at the same point: joined by position
    banwa = gazetteer.admin2("Banwa", ["BF"])
    assert banwa is not None and (banwa.admin1, banwa.admin2) == ("Boucle du Mouhoun", "Banwa")
    solenzo = gazetteer.best("Solenzo", countries=["BF"])
    assert solenzo is not None and solenzo.admin2 == "Banwa"


def test_a_slip_in_the_hints_region_still_places_the_village(extract) -> None:  # type: ignore[no-untyped-def]
    (m,) = extract(
        "On 4 May 2024, gunmen shot dead a trader in Zobrakuni (Ganzourgou, Platea-Central)."
    )
    assert m.place is not None and m.place.country == "BF"
    assert (m.place.admin1, m.place.admin2) == ("Plateau-Central", "Ganzourgou")
    assert m.place.precision == 3


def test_a_hint_of_area_then_commune_places_the_village_in_the_area(extract) -> None:  # type: ignore[no-untyped-def]
    # "(cercle, commune)": the commune is not in the gazetteer, the cercle is
    (m,) = extract(
        "On 4 May 2024, gunmen shot dead a herder near Zobrakuni (Gourma-Rharous, Qwertyboro)."
    )
    assert m.place is not None and m.place.country == "ML"
    assert (m.place.admin1, m.place.admin2) == ("Tombouctou", "Gourma-Rharous")
