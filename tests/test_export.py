"""Export: ACLED columns and coding rules, day splits, CSV, and the JSON record."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import pytest

from fieldreport.export import (
    ACLED_COLUMNS,
    acled_row,
    acled_rows,
    civilian_targeting,
    disorder_type,
    interaction,
    mention_record,
    split_by_day,
    write_acled_csv,
    write_jsonl,
)
from fieldreport.model import (
    ActorRef,
    ActorRole,
    Article,
    Claim,
    DateInfo,
    Fatalities,
    Mention,
    Place,
    Role,
    Span,
)
from fieldreport.store import Store

TEXT = (
    "KIDAL, March 4 (Desert Courier) - Suspected jihadists ambushed a Malian army patrol near "
    "Anefis on Saturday, killing 13 soldiers over two days of fighting, the army said."
)
ARMY = ActorRef("Military Forces of Mali (2021-)", 1, "ML", "Malian army patrol")
JNIM = ActorRef("JNIM: Group for Support of Islam and Muslims", 2, "ML", "jihadists")
CIVILIANS = ActorRef("Civilians (Mali)", 7, "ML", "villagers")
UN = ActorRef(
    "MINUSMA: United Nations Multidimensional Integrated Stabilization Mission in Mali",
    8,
    None,
    "peacekeepers",
)
ANEFIS = Place("Anefis", "ML", 18.05, 0.616667, 1, "Mali", "Kidal", "Tin-Essako", "")


def span(words: str) -> Span:
    start = TEXT.index(words)
    return Span.of(TEXT, start, start + len(words))


ARTICLE = Article.from_text(
    TEXT,
    outlet="Desert Courier",
    url="https://courier.example/anefis",
    published=dt.date(2024, 3, 4),
    fetched_at=dt.datetime(2024, 3, 4, 12, 0, tzinfo=dt.UTC),
)
SENTENCE = Span.of(TEXT, TEXT.index("Suspected"), len(TEXT))


def mention(
    event_type: str = "Battles",
    sub_event_type: str = "Armed clash",
    actors: tuple[tuple[ActorRef, Role], ...] = ((ARMY, "actor1"), (JNIM, "actor2")),
    **changes: Any,
) -> Mention:
    roles = tuple(ActorRole(a, role, span("Suspected jihadists")) for a, role in actors)
    base = Mention(
        article_id=ARTICLE.id,
        sentence=SENTENCE,
        event_type=event_type,
        sub_event_type=sub_event_type,
        date=DateInfo(dt.date(2024, 3, 2), 1),
        place=ANEFIS,
        actors=roles,
        fatalities=Fatalities(13, 13, 13, 13),
        claims=(
            Claim(
                evidence=span("killing 13 soldiers"),
                claimant=ARMY,
                claimant_text="the army",
                claimant_kind="government",
                killed_min=13,
                killed_max=13,
                victims=ARMY,
                phrase="13",
            ),
        ),
        evidence={"fatalities": span("killing 13 soldiers"), "place": span("Anefis")},
        notes={"admin3": "none"},
    )
    return dataclasses.replace(base, **changes)


def ranged(total: int, days: int, precision: int = 1) -> Mention:
    first = dt.date(2024, 3, 1)
    date = DateInfo(first, precision, first, first + dt.timedelta(days=days - 1))
    return mention(date=date, fatalities=Fatalities(total, total, total, total))


# ---------------------------------------------------------------- columns


def test_acled_columns_exactly_in_order() -> None:
    assert ACLED_COLUMNS == (
        "event_id_cnty",
        "event_date",
        "year",
        "time_precision",
        "disorder_type",
        "event_type",
        "sub_event_type",
        "actor1",
        "assoc_actor_1",
        "inter1",
        "actor2",
        "assoc_actor_2",
        "inter2",
        "interaction",
        "civilian_targeting",
        "iso",
        "region",
        "country",
        "admin1",
        "admin2",
        "admin3",
        "location",
        "latitude",
        "longitude",
        "geo_precision",
        "source",
        "source_scale",
        "notes",
        "fatalities",
        "tags",
        "timestamp",
    )


def test_row_has_the_columns_in_order() -> None:
    assert tuple(acled_row(ARTICLE, mention(), seq=1)) == ACLED_COLUMNS


def test_row_values() -> None:
    row = acled_row(ARTICLE, mention(), seq=42)
    assert row["event_id_cnty"] == "MLI42"
    assert (row["event_date"], row["year"], row["time_precision"]) == ("2024-03-02", "2024", "1")
    assert row["disorder_type"] == "Political violence"
    assert (row["actor1"], row["inter1"]) == (ARMY.name, "State forces")
    assert (row["actor2"], row["inter2"]) == (JNIM.name, "Rebel group")
    assert row["interaction"] == "State forces-Rebel group"
    assert (row["iso"], row["region"], row["country"]) == ("466", "Western Africa", "Mali")
    assert (row["admin1"], row["admin2"], row["admin3"]) == ("Kidal", "Tin-Essako", "")
    assert (row["location"], row["latitude"], row["longitude"]) == ("Anefis", "18.0500", "0.6167")
    assert row["geo_precision"] == "1"
    assert (row["source"], row["source_scale"], row["tags"]) == ("Desert Courier", "", "")
    assert row["notes"] == SENTENCE.text
    assert row["fatalities"] == "13"
    assert row["timestamp"] == str(int(dt.datetime(2024, 3, 4, 12, tzinfo=dt.UTC).timestamp()))


def test_missing_place_and_date_give_blank_cells() -> None:
    row = acled_row(ARTICLE, mention(place=None, date=None), seq=7)
    assert row["event_id_cnty"] == "7"
    for column in (
        "event_date",
        "year",
        "time_precision",
        "iso",
        "region",
        "country",
        "admin1",
        "location",
        "latitude",
        "longitude",
        "geo_precision",
    ):
        assert row[column] == "", column


def test_timestamp_blank_without_fetch_time_and_naive_read_as_utc() -> None:
    assert (
        acled_row(dataclasses.replace(ARTICLE, fetched_at=None), mention(), seq=1)["timestamp"]
        == ""
    )
    naive = dataclasses.replace(ARTICLE, fetched_at=dt.datetime(1970, 1, 2))
    assert acled_row(naive, mention(), seq=1)["timestamp"] == "86400"


def test_iso_numeric_without_leading_zeros_and_acled_country_names() -> None:
    algeria = dataclasses.replace(ANEFIS, country="DZ", country_name="Algeria")
    assert acled_row(ARTICLE, mention(place=algeria), seq=1)["iso"] == "12"
    drc = dataclasses.replace(
        ANEFIS, country="CD", country_name="Congo, The Democratic Republic of the"
    )
    row = acled_row(ARTICLE, mention(place=drc), seq=3)
    assert (row["country"], row["region"], row["event_id_cnty"]) == (
        "Democratic Republic of Congo",
        "Middle Africa",
        "COD3",
    )


def test_country_name_falls_back_to_iso_names() -> None:
    row = acled_row(
        ARTICLE, mention(place=dataclasses.replace(ANEFIS, country="BF", country_name="")), seq=1
    )
    assert (row["country"], row["region"]) == ("Burkina Faso", "Western Africa")


def test_unknown_region_is_blank_not_guessed() -> None:
    antarctica = dataclasses.replace(ANEFIS, country="AQ", country_name="Antarctica")
    assert acled_row(ARTICLE, mention(place=antarctica), seq=1)["region"] == ""


def test_assoc_actors_joined_and_extra_main_actors_become_assoc() -> None:
    farmers = ActorRef("Farmers (Mali)", 7, "ML")
    women = ActorRef("Women (Mali)", 7, "ML")
    m = mention(
        "Violence against civilians",
        "Attack",
        actors=(
            (JNIM, "actor1"),
            (ARMY, "actor1"),
            (CIVILIANS, "actor2"),
            (farmers, "assoc2"),
            (women, "assoc2"),
        ),
    )
    row = acled_row(ARTICLE, m, seq=1)
    assert (row["actor1"], row["assoc_actor_1"]) == (JNIM.name, ARMY.name)
    assert row["assoc_actor_2"] == "Farmers (Mali); Women (Mali)"


def test_inter2_blank_without_actor2() -> None:
    row = acled_row(
        ARTICLE, mention("Strategic developments", "Other", actors=((JNIM, "actor1"),)), seq=1
    )
    assert (row["actor2"], row["inter2"], row["interaction"]) == ("", "", "Rebel group only")


# ---------------------------------------------------------------- coding rules


@pytest.mark.parametrize(
    ("event_type", "sub_event_type", "expected"),
    [
        ("Battles", "Armed clash", "Political violence"),
        ("Battles", "Government regains territory", "Political violence"),
        ("Explosions/Remote violence", "Air/drone strike", "Political violence"),
        ("Violence against civilians", "Abduction/forced disappearance", "Political violence"),
        ("Riots", "Mob violence", "Political violence"),
        ("Riots", "Violent demonstration", "Demonstrations"),
        ("Protests", "Peaceful protest", "Demonstrations"),
        ("Protests", "Protest with intervention", "Demonstrations"),
        ("Protests", "Excessive force against protesters", "Political violence; Demonstrations"),
        ("Strategic developments", "Looting/property destruction", "Strategic developments"),
        ("Something else", "Unknown", ""),
    ],
)
def test_disorder_type(event_type: str, sub_event_type: str, expected: str) -> None:
    assert disorder_type(event_type, sub_event_type) == expected


@pytest.mark.parametrize(
    ("inter1", "inter2", "expected"),
    [
        (1, 3, "State forces-Political militia"),
        (3, 1, "State forces-Political militia"),
        (2, 2, "Rebel group-Rebel group"),
        (4, 7, "Identity militia-Civilians"),
        (7, 8, "External/Other forces-Civilians"),
        (8, 7, "External/Other forces-Civilians"),
        (1, 8, "State forces-External/Other forces"),
        (6, None, "Protesters only"),
        (None, 5, "Rioters only"),
        (None, None, ""),
    ],
)
def test_interaction(inter1: int | None, inter2: int | None, expected: str) -> None:
    assert interaction(inter1, inter2) == expected


def test_interaction_ignores_associated_actors() -> None:
    m = mention(
        "Violence against civilians",
        "Attack",
        actors=((UN, "actor1"), (ARMY, "assoc1"), (CIVILIANS, "actor2")),
    )
    assert acled_row(ARTICLE, m, seq=1)["interaction"] == "External/Other forces-Civilians"


@pytest.mark.parametrize(
    ("event_type", "sub_event_type", "actors", "flag"),
    [
        ("Violence against civilians", "Attack", ((JNIM, "actor1"), (CIVILIANS, "actor2")), True),
        ("Violence against civilians", "Sexual violence", ((ARMY, "actor1"),), True),
        (
            "Protests",
            "Excessive force against protesters",
            ((ARMY, "actor1"), (ActorRef("Protesters (Mali)", 6, "ML"), "actor2")),
            True,
        ),
        (
            "Explosions/Remote violence",
            "Remote explosive/landmine/IED",
            ((JNIM, "actor1"), (CIVILIANS, "actor2")),
            True,
        ),
        (
            "Riots",
            "Mob violence",
            ((ActorRef("Rioters (Mali)", 5, "ML"), "actor1"), (CIVILIANS, "actor2")),
            True,
        ),
        (
            "Explosions/Remote violence",
            "Air/drone strike",
            ((ARMY, "actor1"), (JNIM, "actor2"), (CIVILIANS, "assoc2")),
            False,
        ),
        (
            "Riots",
            "Violent demonstration",
            ((ActorRef("Rioters (Mali)", 5, "ML"), "actor1"), (ARMY, "actor2")),
            False,
        ),
        ("Battles", "Armed clash", ((ARMY, "actor1"), (JNIM, "actor2")), False),
        (
            "Protests",
            "Protest with intervention",
            ((ARMY, "actor1"), (ActorRef("Protesters (Mali)", 6, "ML"), "actor2")),
            False,
        ),
    ],
)
def test_civilian_targeting(
    event_type: str, sub_event_type: str, actors: tuple[tuple[ActorRef, Role], ...], flag: bool
) -> None:
    m = mention(event_type, sub_event_type, actors=actors)
    assert civilian_targeting(m) == ("Civilian targeting" if flag else "")
    assert acled_row(ARTICLE, m, seq=1)["civilian_targeting"] == civilian_targeting(m)


# ---------------------------------------------------------------- day split


@pytest.mark.parametrize(
    ("total", "days", "shares"),
    [
        (12, 3, [4, 4, 4]),
        (1, 2, [1, 0]),
        (13, 3, [5, 4, 4]),
        (0, 2, [0, 0]),
    ],
)
def test_split_by_day(total: int, days: int, shares: list[int]) -> None:
    split = split_by_day(ranged(total, days))
    assert [n for _, n in split] == shares
    assert [d.day for d, _ in split] == list(range(1, days + 1))


def test_split_single_day_undated_and_imprecise() -> None:
    assert split_by_day(mention()) == [(dt.date(2024, 3, 2), 13)]
    assert split_by_day(mention(date=None)) == []
    assert split_by_day(ranged(12, 7, precision=2)) == [(dt.date(2024, 3, 1), 12)]


def test_acled_rows_split_days() -> None:
    rows = list(acled_rows([(ARTICLE, ranged(13, 3)), (ARTICLE, mention())], split_days=True))
    assert [r["event_id_cnty"] for r in rows] == ["MLI1", "MLI2", "MLI3", "MLI4"]
    assert [r["event_date"] for r in rows[:3]] == ["2024-03-01", "2024-03-02", "2024-03-03"]
    assert [r["fatalities"] for r in rows] == ["5", "4", "4", "13"]
    assert rows[0]["notes"].endswith("[13 fatalities split over 3 days.]")
    assert rows[3]["notes"] == SENTENCE.text


def test_acled_rows_without_split_keep_one_row() -> None:
    rows = list(acled_rows([(ARTICLE, ranged(13, 3))], first_seq=10))
    assert [(r["event_id_cnty"], r["fatalities"]) for r in rows] == [("MLI10", "13")]


# ---------------------------------------------------------------- CSV and JSON


def test_write_acled_csv_reads_back() -> None:
    out = io.StringIO(newline="")
    pairs = [(ARTICLE, mention()), (ARTICLE, mention(place=None, date=None))]
    assert write_acled_csv(pairs, out) == 2
    out.seek(0)
    reader = csv.DictReader(out)
    assert tuple(reader.fieldnames or ()) == ACLED_COLUMNS
    back = list(reader)
    assert back == [
        acled_row(ARTICLE, mention(), seq=1),
        acled_row(ARTICLE, mention(place=None, date=None), seq=2),
    ]
    assert back[0]["notes"] == SENTENCE.text  # commas in the note survive quoting


def test_write_acled_csv_split_to_file(tmp_path: Path) -> None:
    path = tmp_path / "events.csv"
    with path.open("w", newline="", encoding="utf-8") as out:
        assert write_acled_csv([(ARTICLE, ranged(12, 3))], out, split_days=True) == 3
    with path.open(newline="", encoding="utf-8") as back:
        assert [r["fatalities"] for r in csv.DictReader(back)] == ["4", "4", "4"]


def test_mention_record_is_full_json() -> None:
    record = mention_record(ARTICLE, mention())
    assert record["id"] == f"{ARTICLE.id}-{SENTENCE.start}"
    assert record["article"] == {
        "id": ARTICLE.id,
        "url": "https://courier.example/anefis",
        "outlet": "Desert Courier",
        "title": None,
        "published": "2024-03-04",
        "language": "en",
        "fetched_at": "2024-03-04T12:00:00+00:00",
        "raw_ref": None,
    }
    assert record["claims"][0]["claimant"]["inter_name"] == "State forces"
    assert record["claims"][0]["killed_min"] == 13
    assert record["evidence"]["place"] == {
        "start": TEXT.index("Anefis"),
        "end": TEXT.index("Anefis") + 6,
        "text": "Anefis",
    }
    assert record["fatalities"] == {"acled": 13, "low": 13, "best": 13, "high": 13, "rule": ""}
    assert record["date"]["date"] == "2024-03-02"
    assert json.loads(json.dumps(record)) == record


def test_mention_record_refuses_a_foreign_article() -> None:
    other = Article.from_text("Another report entirely.")
    with pytest.raises(ValueError, match="not from article"):
        mention_record(other, mention())


def test_write_jsonl() -> None:
    out = io.StringIO()
    assert write_jsonl([(ARTICLE, mention()), (ARTICLE, ranged(1, 2))], out) == 2
    lines = out.getvalue().splitlines()
    assert [json.loads(line)["sub_event_type"] for line in lines] == ["Armed clash"] * 2


def test_store_to_csv_end_to_end(tmp_path: Path) -> None:
    with Store(tmp_path / "e.db") as store:
        store.add(ARTICLE, [mention()])
        out = io.StringIO(newline="")
        assert write_acled_csv(store.mentions(country="Mali"), out) == 1
    out.seek(0)
    assert next(csv.DictReader(out)) == acled_row(ARTICLE, mention(), seq=1)
