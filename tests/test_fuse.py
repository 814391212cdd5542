"""Fusion on hand-built mentions: scores, hard rules, stable ids, merged claims, revisions."""

from __future__ import annotations

import dataclasses
import datetime as dt

from fieldreport.fuse import Fuser, FusionConfig, Report, fuse, place_score, type_score
from fieldreport.model import ActorRef, ActorRole, Claim, DateInfo, Mention, Place, Span

TEXT = "x" * 400
JNIM = ActorRef("JNIM: Group for Support of Islam and Muslims", 2, "ML")
ARMY = ActorRef("Military Forces of Mali (2021-)", 1, "ML")


def place(name: str, lat: float, lon: float, precision: int = 1) -> Place:
    return Place(name, "ML", lat, lon, precision, "Mali", "Mopti")


DOUENTZA = place("Douentza", 15.0019, -2.9498)
BONI = place("Boni", 15.04, -2.27)  # ~70 km east


def mention(
    article: str,
    day: int,
    where: Place | None,
    etype: str = "Battles",
    killed: int | None = None,
    claimant: ActorRef | None = None,
    offset: int = 0,
    actors: tuple[ActorRef, ...] = (JNIM, ARMY),
) -> Mention:
    claims = ()
    if killed is not None:
        claims = (
            Claim(
                evidence=Span(offset, offset + 4, "xxxx"),
                claimant=claimant,
                claimant_text=claimant.name if claimant else "",
                killed_min=killed,
                killed_max=killed,
                phrase=str(killed),
                claimant_kind="party" if claimant else "source",
            ),
        )
    roles = tuple(
        ActorRole(a, "actor1" if n == 0 else "actor2", Span(0, 1, "x"))
        for n, a in enumerate(actors)
    )
    return Mention(
        article_id=article,
        sentence=Span(offset, offset + 10, "x" * 10),
        event_type=etype,
        sub_event_type="Armed clash",
        date=DateInfo(dt.date(2024, 5, day)),
        place=where,
        actors=roles,
        claims=claims,
    )


def test_type_and_place_scores() -> None:
    assert type_score("Battles", "Battles") == 1.0
    assert type_score("Battles", "Violence against civilians") == 0.5
    assert type_score("Protests", "Explosions/Remote violence") == 0.0
    assert place_score(DOUENTZA, place("Douentza", 15.0, -2.95), 40) == 1.0
    assert (
        place_score(place("Tinzaouaten", 19.96, 2.96), place("Tin Zaouatene", 19.95, 2.98), 40)
        == 1.0
    )
    assert place_score(DOUENTZA, BONI, 40) is None


def test_reports_of_one_event_fuse_and_keep_every_claim() -> None:
    reports = [
        Report(mention("a1", 5, DOUENTZA, killed=7, claimant=ARMY), "Outlet A"),
        Report(mention("a2", 6, DOUENTZA, killed=30, claimant=JNIM), "Outlet B"),
        Report(mention("a3", 5, None, killed=12), "Outlet C"),
    ]
    incidents = fuse(reports)
    assert len(incidents) == 1
    only = incidents[0]
    assert len(only.claims) == 3 and set(only.outlets) == {"Outlet A", "Outlet B", "Outlet C"}
    assert only.fatalities.acled == 7 and only.fatalities.high == 30
    assert only.fatalities.best == 12  # the report's own figure, not a party's


def test_one_articles_two_events_stay_apart() -> None:
    first = mention("a1", 5, DOUENTZA)
    second = mention("a1", 5, DOUENTZA, offset=100)
    assert len(fuse([Report(first), Report(second)])) == 2


def test_same_day_events_far_apart_or_unrelated_stay_apart() -> None:
    near = fuse([Report(mention("a1", 5, DOUENTZA)), Report(mention("a2", 5, BONI))])
    assert len(near) == 2
    protest = mention("a3", 5, DOUENTZA, etype="Protests", actors=())
    bomb = mention("a4", 5, DOUENTZA, etype="Explosions/Remote violence", actors=())
    assert len(fuse([Report(protest), Report(bomb)])) == 2


def test_dates_too_far_apart_stay_apart() -> None:
    assert len(fuse([Report(mention("a1", 1, DOUENTZA)), Report(mention("a2", 9, DOUENTZA))])) == 2


def test_ids_are_stable_and_revisions_recorded() -> None:
    fuser = Fuser(FusionConfig())
    first = fuser.add(Report(mention("a1", 5, DOUENTZA, killed=12), "A"))
    at = dt.datetime(2024, 5, 7, 12, tzinfo=dt.UTC)
    second = fuser.add(Report(mention("a2", 6, DOUENTZA, killed=50, claimant=JNIM), "B"), now=at)
    assert first == second
    incident = fuser.incidents()[0]
    assert incident.revisions and incident.revisions[-1].article_id == "a2"
    assert incident.revisions[-1].changes["fatalities_high"] == ("12", "50")
    again = Fuser(FusionConfig(), fuser.incidents())  # reloaded from a store
    assert again.add(Report(mention("a3", 5, DOUENTZA), "C")) == first


def test_blocking_is_by_country() -> None:
    other = Place("Douentza", "BF", 15.0019, -2.9498, 1)
    assert len(fuse([Report(mention("a1", 5, DOUENTZA)), Report(mention("a2", 5, other))])) == 2


def test_each_sides_dead_add_up_in_the_incident_too() -> None:
    # one outlet counts the army's dead, another reports JNIM's losses as the army tells them:
    # the incident's toll is both sides', as each mention's would be
    def dead_of(victims: ActorRef, killed: int, claimant: ActorRef | None, article: str) -> Mention:
        base = mention(article, 5, DOUENTZA)
        claim = Claim(
            evidence=Span(0, 4, "xxxx"),
            claimant=claimant,
            claimant_text=claimant.name if claimant else "",
            killed_min=killed,
            killed_max=killed,
            victims=victims,
            phrase=str(killed),
            claimant_kind="party" if claimant else "source",
        )
        return dataclasses.replace(base, claims=(claim,))

    (only,) = fuse([Report(dead_of(ARMY, 2, None, "a1")), Report(dead_of(JNIM, 7, ARMY, "a2"))])
    assert only.fatalities.acled == 9 and "each side" in only.fatalities.rule
    (only,) = fuse([Report(dead_of(ARMY, 2, None, "a1")), Report(dead_of(ARMY, 4, JNIM, "a2"))])
    assert only.fatalities.acled == 2
