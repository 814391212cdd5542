"""The gazetteer (GeoNames data from PyPI packages + our additions) and place phrases in text."""

from __future__ import annotations

import re
from collections import Counter

import pytest

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
    """Without the country, a region name counts only when one country has a region so named."""
    regions: dict[tuple[str, str], Entry] = {}  # the last region entry per country and name
    for entry in gazetteer.entries:
        if entry.kind == "region":
            regions[(entry.country, fold(entry.admin1))] = entry
    names = Counter(key for _, key in regions)
    assert any(n > 1 for n in names.values())  # some names are shared: those give None
    for (_, key), entry in regions.items():
        if not re.search(r"\s(region|province|state)$", key):  # region() strips these words
            assert gazetteer.region(key, []) == (entry if names[key] == 1 else None), key
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
