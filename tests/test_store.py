"""Store: every record round-trips through SQLite; filters, idempotence, failures, bad URLs."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from conftest import BACKENDS, fresh_database
from fieldreport.errors import StoreError
from fieldreport.model import (
    ActorRef,
    ActorRole,
    Article,
    Claim,
    DateInfo,
    Fatalities,
    Mention,
    Place,
    Span,
)
from fieldreport.store import Store
from fieldreport.store.schema import MentionActorRow

MALI_TEXT = (
    "GAO, May 6 (Sahel Wire) - Soldiers fought unidentified gunmen near Kadji in the Gao "
    "region on 3 and 4 May, the army said. Seven people were killed, including two herders "
    "hit by stray bullets, according to a local official. The gunmen later abducted three "
    "traders on the road to Ansongo."
)
KENYA_TEXT = (
    "NAKURU, June 13 (Rift Valley Times) - About 300 union teachers marched in Nakuru on "
    "Wednesday. Police fired tear gas and later shot two marchers dead, witnesses said."
)
NIGERIA_TEXT = (
    "MAIDUGURI, June 10 (Lake Chad Post) - Last week an IED hit a minibus in the Sambisa "
    "Forest, killing several passengers, residents said."
)


def span(text: str, words: str, after: int = 0) -> Span:
    start = text.index(words, after)
    return Span.of(text, start, start + len(words))


def sentence(text: str, first_words: str) -> Span:
    start = text.index(first_words)
    end = text.index(".", start) + 1
    return Span.of(text, start, end)


def mali() -> tuple[Article, list[Mention]]:
    t = MALI_TEXT
    article = Article.from_text(
        t,
        title="Clashes near Gao",
        url="https://sahelwire.example/gao-clash",
        outlet="Sahel Wire",
        published=dt.date(2024, 5, 6),
        language="en",
        raw_ref="warc://crawl-7/00012#3",
        fetched_at=dt.datetime(2024, 5, 6, 9, 30, 15, tzinfo=dt.timezone(dt.timedelta(hours=1))),
    )
    army = ActorRef("Military Forces of Mali (2021-)", 1, "ML", "Soldiers")
    gunmen = ActorRef("Unidentified Armed Group (Mali)", 3, "ML", "unidentified gunmen")
    kadji = Place("Kadji", "ML", 16.2714, -0.0447, 2, "Mali", "Gao", "Gao", "", 2456001)
    claim = Claim(
        evidence=span(t, "Seven people were killed"),
        claimant_text="a local official",
        claimant_kind="local",
        reported_by=("Sahel Wire",),
        killed_min=7,
        killed_max=7,
        victims=ActorRef("Civilians (Mali)", 7, "ML", "herders"),
        phrase="Seven",
    )
    army_claim = Claim(
        evidence=span(t, "the army said"),
        claimant=army,
        claimant_text="the army",
        claimant_kind="government",
    )
    battle = Mention(
        article_id=article.id,
        sentence=sentence(t, "Soldiers fought"),
        event_type="Battles",
        sub_event_type="Armed clash",
        date=DateInfo(
            dt.date(2024, 5, 3),
            1,
            dt.date(2024, 5, 3),
            dt.date(2024, 5, 4),
            "explicit days 3 and 4 May",
        ),
        place=kadji,
        actors=(
            ActorRole(army, "actor1", span(t, "Soldiers")),
            ActorRole(gunmen, "actor2", span(t, "unidentified gunmen")),
        ),
        claims=(claim, army_claim),
        fatalities=Fatalities(7, 7, 7, 7, "lowest reported figure"),
        evidence={
            "place": span(t, "Kadji"),
            "date": span(t, "3 and 4 May"),
            "fatalities": span(t, "Seven people were killed"),
        },
        notes={"admin3": "no third-level unit known"},
        confidence=0.8,
    )
    abduction = Mention(
        article_id=article.id,
        sentence=sentence(t, "The gunmen later"),
        event_type="Violence against civilians",
        sub_event_type="Abduction/forced disappearance",
        date=DateInfo(dt.date(2024, 5, 4), 1, basis="after the clash"),
        actors=(
            ActorRole(gunmen, "actor1", span(t, "The gunmen")),
            ActorRole(
                ActorRef("Civilians (Mali)", 7, "ML", "traders"), "actor2", span(t, "three traders")
            ),
        ),
        notes={"place": "road to Ansongo not resolved"},
    )
    return article, [battle, abduction]


def kenya() -> tuple[Article, list[Mention]]:
    t = KENYA_TEXT
    article = Article.from_text(t, outlet="Rift Valley Times", published=dt.date(2024, 6, 13))
    protest = Mention(
        article_id=article.id,
        sentence=sentence(t, "Police fired"),
        event_type="Protests",
        sub_event_type="Excessive force against protesters",
        date=DateInfo(dt.date(2024, 6, 12), 1, basis="Wednesday before published"),
        place=Place("Nakuru", "KE", -0.3031, 36.08, 1, "Kenya", "Nakuru"),
        actors=(
            ActorRole(
                ActorRef("Police Forces of Kenya (2022-)", 1, "KE", "Police"),
                "actor1",
                span(t, "Police"),
            ),
            ActorRole(
                ActorRef("Protesters (Kenya)", 6, "KE", "marchers"), "actor2", span(t, "marchers")
            ),
            ActorRole(
                ActorRef("Teachers (Kenya)", 6, "KE", "union teachers"),
                "assoc2",
                span(t, "union teachers"),
            ),
        ),
        fatalities=Fatalities(2, 2, 2, 2),
    )
    return article, [protest]


def nigeria() -> tuple[Article, list[Mention]]:
    t = NIGERIA_TEXT
    article = Article.from_text(t, outlet="Lake Chad Post")
    blast = Mention(
        article_id=article.id,
        sentence=sentence(t, "Last week"),
        event_type="Explosions/Remote violence",
        sub_event_type="Remote explosive/landmine/IED",
        place=Place("Sambisa Forest", "NG", 11.2, 13.55, 3),  # no country_name
        fatalities=Fatalities(3, 3, 3, 10, "several = 3"),
    )
    return article, [blast]


@pytest.fixture(params=BACKENDS)
def store(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Store]:
    with Store(fresh_database(request.param, tmp_path)) as opened:
        yield opened


@pytest.fixture
def filled(store: Store) -> Store:
    for article, mentions in (mali(), kenya(), nigeria()):
        assert store.add(article, mentions)
    return store


def actor_rows(store: Store) -> int:
    with store._session() as session:
        return session.scalar(select(func.count()).select_from(MentionActorRow)) or 0


# ---------------------------------------------------------------- round trip


def test_article_round_trips_every_field(filled: Store) -> None:
    article, _ = mali()
    assert filled.article(article.id) == article
    back = filled.article(article.id)
    assert back is not None and back.fetched_at is not None
    assert back.fetched_at.utcoffset() == dt.timedelta(hours=1)


def test_mentions_round_trip_every_field(filled: Store) -> None:
    article, mentions = mali()
    stored = [m for a, m in filled.mentions() if a.id == article.id]
    assert stored == mentions
    battle = stored[0]
    assert battle.claims[1].claimant == mentions[0].claims[1].claimant
    assert battle.evidence["date"].text == "3 and 4 May"
    assert battle.fatalities.rule == "lowest reported figure"
    assert list(battle.evidence) == ["place", "date", "fatalities"]


def test_mention_without_date_or_place_round_trips(store: Store) -> None:
    article, _ = nigeria()
    bare = Mention(
        article_id=article.id,
        sentence=Span.of(NIGERIA_TEXT, 0, 9),
        event_type="Strategic developments",
        sub_event_type="Other",
    )
    assert store.add(article, [bare])
    assert store.mentions() == [(article, bare)]


def test_unknown_article(store: Store) -> None:
    assert store.article("0000000000000000") is None
    assert not store.has_article("0000000000000000")


def test_has_article(filled: Store) -> None:
    assert filled.has_article(kenya()[0].id)


def test_data_persists_after_reopening(tmp_path: Path) -> None:
    article, mentions = kenya()
    with Store(tmp_path / "a.db") as first:
        first.add(article, mentions)
    with Store(str(tmp_path / "a.db")) as second:
        assert second.mentions() == [(article, mentions[0])]


# ---------------------------------------------------------------- idempotence, transactions


def test_readding_an_article_changes_nothing(filled: Store) -> None:
    before, actors = filled.counts(), actor_rows(filled)
    article, mentions = mali()
    assert filled.add(article, mentions) is False
    assert filled.counts() == before
    assert actor_rows(filled) == actors


def test_counts(filled: Store) -> None:
    assert filled.counts() == {"articles": 3, "mentions": 4, "claims": 2, "evidence": 3}


def test_mention_of_another_article_is_refused(store: Store) -> None:
    article, _ = kenya()
    _, mali_mentions = mali()
    with pytest.raises(StoreError, match="belongs to article"):
        store.add(article, mali_mentions)
    assert store.counts()["articles"] == 0


def test_duplicate_mention_ids_store_nothing(store: Store) -> None:
    article, mentions = kenya()
    with pytest.raises(StoreError, match="share the id"):
        store.add(article, [mentions[0], mentions[0]])
    assert store.counts() == {"articles": 0, "mentions": 0, "claims": 0, "evidence": 0}


def test_sqlite_foreign_keys_are_on(store: Store) -> None:
    if store.url.get_backend_name() != "sqlite":
        pytest.skip("PRAGMA is SQLite's; PostgreSQL always enforces foreign keys")
    with store._session() as session:
        assert session.execute(text("PRAGMA foreign_keys")).scalar() == 1


# ---------------------------------------------------------------- filters


@pytest.mark.parametrize("country", ["ML", "ml", "Mali", "MALI", "mali"])
def test_filter_by_country_code_or_name(filled: Store, country: str) -> None:
    found = filled.mentions(country=country)
    assert [m.place.name for _, m in found if m.place] == ["Kadji"]
    assert len(found) == 1  # the undated-place abduction has no country


def test_filter_by_name_without_stored_country_name(filled: Store) -> None:
    assert [m.event_type for _, m in filled.mentions(country="nigeria")] == [
        "Explosions/Remote violence"
    ]


def test_filter_unknown_country_finds_nothing(filled: Store) -> None:
    assert filled.mentions(country="Atlantis") == []


def test_filter_by_dates_inclusive(filled: Store) -> None:
    found = filled.mentions(since=dt.date(2024, 5, 4), until=dt.date(2024, 6, 12))
    assert [m.date.date for _, m in found if m.date] == [dt.date(2024, 5, 4), dt.date(2024, 6, 12)]
    assert filled.mentions(until=dt.date(2024, 5, 2)) == []


def test_filter_by_event_type(filled: Store) -> None:
    found = filled.mentions(event_type="protests")
    assert [a.outlet for a, _ in found] == ["Rift Valley Times"]


def test_filters_combine(filled: Store) -> None:
    assert filled.mentions(country="KE", event_type="Battles") == []
    assert len(filled.mentions(country="Kenya", since=dt.date(2024, 6, 1))) == 1


def test_order_by_date_then_id_undated_last(filled: Store) -> None:
    order = [(m.date.date if m.date else None) for _, m in filled.mentions()]
    assert order == [dt.date(2024, 5, 3), dt.date(2024, 5, 4), dt.date(2024, 6, 12), None]


def test_same_day_ordered_by_id(store: Store) -> None:
    article, mentions = mali()
    same_day = [mentions[0], dataclasses.replace(mentions[1], date=mentions[0].date)]
    store.add(article, list(reversed(same_day)))
    ids = [m.index for _, m in store.mentions()]
    assert ids == sorted(ids)


# ---------------------------------------------------------------- failures


def test_failures_start_empty(store: Store) -> None:
    assert store.failures() == []


def test_failures_are_kept_once_per_source_and_code(store: Store) -> None:
    store.record_failure("feed.jsonl:12", "bad_record", "missing field 'text'")
    store.record_failure("page.pdf", "unsupported_format", "PDF is not read")
    store.record_failure("feed.jsonl:12", "bad_record", "missing field 'text'")
    store.record_failure("feed.jsonl:12", "empty_input", "text is blank")
    assert store.failures() == [
        ("feed.jsonl:12", "bad_record", "missing field 'text'"),
        ("page.pdf", "unsupported_format", "PDF is not read"),
        ("feed.jsonl:12", "empty_input", "text is blank"),
    ]


# ---------------------------------------------------------------- opening


def test_sqlalchemy_url_is_used_as_is(tmp_path: Path) -> None:
    with Store(f"sqlite:///{tmp_path / 'u.db'}") as s:
        assert s.url.database == str(tmp_path / "u.db")
    assert (tmp_path / "u.db").exists()


def test_in_memory_url() -> None:
    article, mentions = kenya()
    with Store("sqlite://") as s:
        assert s.add(article, mentions)
        assert s.counts()["mentions"] == 1


@pytest.mark.parametrize("url", ["nosuchdb://user@host/db", "sqlite+nodriver:///x.db"])
def test_unusable_url_raises_store_error(url: str) -> None:
    with pytest.raises(StoreError, match="unusable database URL"):
        Store(url)


def test_missing_folder_raises_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        Store(tmp_path / "no" / "such" / "events.db")


def test_directory_raises_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="directory"):
        Store(tmp_path)


def test_empty_path_raises_store_error() -> None:
    with pytest.raises(StoreError, match="empty"):
        Store("  ")


def test_unopenable_sqlite_url_raises_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="cannot open database"):
        Store(f"sqlite:///{tmp_path}/missing/dir/x.db")
