"""The canonical example: the Tinzaouaten ambush article, read from ../shared (never copied)."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import SEED, requires
from fieldreport.ingest import read_paths
from fieldreport.model import Article, Mention, Span
from fieldreport.pipeline import Pipeline
from fieldreport.resolve.places import km

pytestmark = requires(SEED)


@pytest.fixture(scope="module")
def seed(pipeline: Pipeline) -> tuple[Article, list[Mention]]:
    article = next(iter(read_paths([SEED], published=dt.date(2024, 7, 30))))
    assert isinstance(article, Article)
    return article, pipeline.extract(article)


@pytest.fixture(scope="module")
def ambush(seed: tuple[Article, list[Mention]]) -> Mention:
    found = [
        m
        for m in seed[1]
        if m.sub_event_type == "Armed clash" and m.date and m.date.date == dt.date(2024, 7, 27)
    ]
    assert found, [(m.event_type, m.date) for m in seed[1]]
    return found[0]


def _at(article: Article, span: Span) -> str:
    assert article.text[span.start : span.end] == span.text
    return span.text


def test_battle_on_saturday(ambush: Mention, seed: tuple[Article, list[Mention]]) -> None:
    assert ambush.event_type == "Battles"
    assert ambush.date is not None and ambush.date.precision == 1
    assert "Saturday" in _at(seed[0], ambush.evidence["date"])


def test_place_is_tinzaouaten_not_the_dateline(
    ambush: Mention, seed: tuple[Article, list[Mention]]
) -> None:
    place = ambush.place
    assert place is not None and place.country == "ML" and place.admin1 == "Kidal"
    assert km(place.lat, place.lon, 19.96, 2.96) <= 60
    assert place.name != "Bamako"
    assert "Tinzaouaten" in _at(seed[0], ambush.evidence["place"])


def test_actors_on_each_side(ambush: Mention, seed: tuple[Article, list[Mention]]) -> None:
    side1 = {a.actor.name for a in ambush.actors if a.role in {"actor1", "assoc1"}}
    side2 = {a.actor.name for a in ambush.actors if a.role in {"actor2", "assoc2"}}
    assert "JNIM: Group for Support of Islam and Muslims" in side1
    assert any(name.startswith("CSP-PSD") for name in side1)
    assert any(name.startswith("Military Forces of Mali") for name in side2)
    assert "Wagner Group" in side2
    assert not any("Nusra" in a.actor.name for a in ambush.actors)  # the photo caption's group
    for role in ambush.actors:
        _at(seed[0], role.evidence)


def _claims_by(ambush: Mention, prefix: str) -> list[object]:
    return [c for c in ambush.claims if c.claimant and c.claimant.name.startswith(prefix)]


def test_every_party_keeps_its_own_claim(
    ambush: Mention, seed: tuple[Article, list[Mention]]
) -> None:
    article = seed[0]
    jnim = [c for c in ambush.claims if c.claimant and c.claimant.name.startswith("JNIM")]
    assert sorted(c.killed_min for c in jnim) == [10, 50]
    assert all(any("SITE" in r for r in c.reported_by) for c in jnim)
    assert {c.victims.name.split(" (")[0] for c in jnim if c.victims} == {
        "Wagner Group",
        "Military Forces of Mali",
    }
    csp = [c for c in ambush.claims if c.claimant and c.claimant.name.startswith("CSP-PSD")]
    assert csp and csp[0].phrase == "dozens" and "dozens" in _at(article, csp[0].evidence)
    wagner = [c for c in ambush.claims if c.claimant and c.claimant.name == "Wagner Group"]
    assert wagner and wagner[0].phrase == "heavy losses" and wagner[0].killed_min is None
    bloggers = [c for c in ambush.claims if "bloggers" in c.claimant_text]
    assert bloggers and bloggers[0].killed_min == 20 and bloggers[0].killed_max is None
    assert "at least 20" in _at(article, bloggers[0].evidence)
    army = [
        c
        for c in ambush.claims
        if c.claimant
        and c.claimant.name.startswith("Military Forces of Mali")
        and "losses" in c.phrase
    ]
    assert army and "heavy human and material losses" in _at(article, army[0].evidence)


def test_conservative_toll_and_range(ambush: Mention) -> None:
    assert 0 < ambush.fatalities.acled <= 20
    assert ambush.fatalities.high >= 60
    assert ambush.fatalities.low <= ambush.fatalities.best <= ambush.fatalities.high


def test_headline_and_history_are_not_events(seed: tuple[Article, list[Mention]]) -> None:
    article, mentions = seed
    for mention in mentions:
        assert mention.sentence.start > article.text.index("BAMAKO")
        assert mention.date is None or mention.date.date.year == 2024
