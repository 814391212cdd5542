"""fieldreport eval: gold reading, scoring and the floors gate, on a small invented gold file."""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from fieldreport.cli import app
from fieldreport.errors import BadRecord
from fieldreport.evaluate import (
    actor_key,
    check_floors,
    file_sha256,
    publication_date,
    read_gold,
)

COLUMNS = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
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
    "timestamp",
]
ROWS = [
    {
        "event_id_cnty": "XML1",
        "event_date": "2021-03-14",
        "time_precision": "1",
        "event_type": "Battles",
        "sub_event_type": "Armed clash",
        "actor1": "Military Forces of Mali (2021-)",
        "actor2": "JNIM: Group for Support of Islam and Muslims",
        "inter1": "1",
        "inter2": "2",
        "country": "Mali",
        "admin1": "Mopti",
        "location": "Douentza",
        "latitude": "15.0019",
        "longitude": "-2.9498",
        "geo_precision": "1",
        "notes": "On 14 March 2021, Malian soldiers clashed with JNIM militants in Douentza "
        "(Douentza, Mopti). Four militants were killed.",
        "fatalities": "4",
    },
    {
        "event_id_cnty": "XBF2",
        "event_date": "2020-02-03",
        "time_precision": "1",
        "event_type": "Protests",
        "sub_event_type": "Peaceful protest",
        "actor1": "Protesters (Burkina Faso)",
        "inter1": "6",
        "country": "Burkina Faso",
        "admin1": "Centre",
        "location": "Ouagadougou",
        "latitude": "12.3642",
        "longitude": "-1.5383",
        "geo_precision": "1",
        "notes": "On 3 February 2020, students demonstrated peacefully in Ouagadougou "
        "(Kadiogo, Centre) to demand scholarships.",
        "fatalities": "0",
    },
    {
        "event_id_cnty": "XML3",
        "event_date": "2019-07-02",
        "time_precision": "1",
        "event_type": "Violence against civilians",
        "sub_event_type": "Attack",
        "actor1": "Unidentified Armed Group (Mali)",
        "actor2": "Civilians (Mali)",
        "inter1": "3",
        "inter2": "7",
        "country": "Mali",
        "admin1": "Gao",
        "location": "Gao",
        "latitude": "16.2717",
        "longitude": "-0.0447",
        "geo_precision": "1",
        "notes": "On 2 July 2019, unknown gunmen shot dead two traders in Gao (Gao, Gao).",
        "fatalities": "2",
    },
]


@pytest.fixture()
def gold(tmp_path: Path) -> Path:
    path = tmp_path / "gold.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, COLUMNS)
        writer.writeheader()
        for row in ROWS:
            writer.writerow({c: row.get(c, "") for c in COLUMNS})
    return path


def test_publication_date_is_seeded_by_event_id() -> None:
    day = dt.date(2020, 1, 1)
    drawn = {publication_date(f"ID{i}", day) for i in range(200)}
    assert drawn == {day + dt.timedelta(days=n) for n in range(8)}
    assert publication_date("MLI1", day) == publication_date("MLI1", day)


def test_read_gold(gold: Path) -> None:
    rows = read_gold(gold, "acled")
    assert [r.key for r in rows] == ["XML1", "XBF2", "XML3"]
    assert rows[0].published is not None and rows[0].published >= dt.date(2021, 3, 14)
    assert len(read_gold(gold, "acled", limit=2)) == 2


def test_read_gold_refuses_other_files(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(BadRecord, match="missing columns"):
        read_gold(path, "acled")


def test_regime_labels_compare_by_start_year() -> None:
    assert actor_key("Military Forces of Burkina Faso (2015-2022)") == actor_key(
        "Military Forces of Burkina Faso (2015-)"
    )
    assert actor_key("Civilians (Mali)") == "Civilians (Mali)"
    assert actor_key("Labour Group (Mali)") == actor_key("Labor Group (Mali)")  # older exports


def test_floors_and_ceilings() -> None:
    baseline = {"floors": {"event_type": 80.0, "fatalities_mae": 3.0, "no_event": 10.0}}
    assert (
        check_floors({"event_type": 79.6, "fatalities_mae": 3.4, "no_event": 10.5}, baseline) == []
    )
    failures = check_floors({"event_type": 79.4, "fatalities_mae": 3.6, "no_event": 10.6}, baseline)
    assert len(failures) == 3
    assert check_floors({}, baseline)[0].endswith("missing from the report")
    # a baseline's own tolerance (a small gold file moves a row at a time)
    own = {"floors": {"event_type": 80.0}, "tolerance": 1.0}
    assert check_floors({"event_type": 79.2}, own) == []
    assert len(check_floors({"event_type": 78.9}, own)) == 1


@pytest.mark.slow
def test_eval_command_scores_and_gates(gold: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    report, errors = tmp_path / "r.json", tmp_path / "e.jsonl"
    result = runner.invoke(
        app,
        ["eval", str(gold), "--workers", "1", "--report", str(report), "--errors", str(errors)],
        env={"COLUMNS": "200"},
    )
    assert result.exit_code == 0, result.output
    data = json.loads(report.read_text())
    assert data["rows"] == 3 and data["sha256"] == file_sha256(gold)
    assert data["overall"]["event_type"] == 100.0
    assert set(data["by_country"]) == {"Mali", "Burkina Faso"}
    baseline = tmp_path / "b.json"
    baseline.write_text(json.dumps({"sha256": data["sha256"], "floors": {"event_type": 101.0}}))
    gated = runner.invoke(app, ["eval", str(gold), "--workers", "1", "--baseline", str(baseline)])
    assert gated.exit_code == 1
    assert "below its floor" in gated.output
    wrong = tmp_path / "w.json"
    wrong.write_text(json.dumps({"sha256": "0" * 64, "floors": {}}))
    refused = runner.invoke(app, ["eval", str(gold), "--workers", "1", "--baseline", str(wrong)])
    assert refused.exit_code == 2 and "differs" in refused.output


def test_raised_floors_only_move_up() -> None:
    from fieldreport.evaluate import raised_floors

    baseline = {"floors": {"event_type": 80.0, "fatalities_mae": 3.0}}
    assert raised_floors(
        {"event_type": 83.57, "fatalities_mae": 2.61, "actor1": 51.19}, baseline
    ) == {"event_type": 83.5, "fatalities_mae": 2.7, "actor1": 51.1}
    assert raised_floors({"event_type": 70.0, "fatalities_mae": 4.0}, baseline) == {
        "event_type": 80.0,
        "fatalities_mae": 3.0,
    }


def test_renamed_actors_and_composites_compare_as_one() -> None:
    assert actor_key("Islamic State (West Africa) - Greater Sahara Faction") == actor_key(
        "Islamic State (Greater Sahara)"
    )
    assert actor_key("B and/or A (2015-2022)") == actor_key("A (2015-) and/or B")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("corpus", "baseline", "rows", "countries"),
    [
        ("world-invented.csv", "eval_world_baseline.json", 120, 26),
        ("world-invented-2.csv", "eval_world2_baseline.json", 160, 36),
        ("world-invented-3.csv", "eval_world3_baseline.json", 150, 48),
        ("world-invented-4.csv", "eval_world4_baseline.json", 150, 48),
        ("articles-invented.csv", "eval_articles_baseline.json", 80, 52),
    ],
)
def test_reports_from_other_countries_hold_their_floors(
    corpus: str, baseline: str, rows: int, countries: int, tmp_path: Path
) -> None:
    # our own invented corpora (eval/README.md): notes from countries outside the Sahel, gated
    # like the ACLED dev set, with no need for ../shared
    root = Path(__file__).resolve().parents[1]
    report = tmp_path / "r.json"
    result = CliRunner().invoke(
        app,
        [
            "eval",
            str(root / "eval" / corpus),
            "--baseline",
            str(root / baseline),
            "--report",
            str(report),
        ],
        env={"COLUMNS": "200"},
    )
    assert result.exit_code == 0, result.output
    data = json.loads(report.read_text())
    assert data["rows"] == rows and len(data["by_country"]) == countries
