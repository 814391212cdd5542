"""Incidents through the store and the CLI: incremental ingest, revisions, every export format."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from fieldreport.cli import app
from fieldreport.store import Store

pytestmark = pytest.mark.slow
runner = CliRunner()

FIRST = (
    "Published: 2024-05-06\nOutlet: Sahel Ledger\n\nGunmen killed 7 villagers in Djibo on "
    "Sunday, residents said.\n"
)
LATER = (
    "Published: 2024-05-08\nOutlet: Radio Liptako\n\nThe toll of Sunday's attack on "
    "villagers in Djibo rose to 15, a local official said on Tuesday. The gunmen had "
    "killed 15 civilians.\n"
)
RANGE = (
    "Published: 2024-06-10\nOutlet: Sahel Ledger\n\nSoldiers fought JNIM militants from "
    "June 2-4 near Gao, killing 12 of them, the army said.\n"
)


def ingest(db: Path, folder: Path, name: str, text: str) -> str:
    (folder / name).write_text(text, encoding="utf-8")
    result = runner.invoke(
        app, ["ingest", str(folder / name), "--db", str(db)], env={"COLUMNS": "200"}
    )
    assert result.exit_code == 0, result.output
    return result.output


def test_a_later_report_revises_the_same_incident(tmp_path: Path) -> None:
    db = tmp_path / "fr.db"
    assert "1 new, 0 updated" in ingest(db, tmp_path, "a.txt", FIRST)
    with Store(db) as store:
        (first,) = store.incidents()
    assert first.fatalities.acled == 7
    assert "0 new, 1 updated" in ingest(db, tmp_path, "b.txt", LATER)
    with Store(db) as store:
        (after,) = store.incidents()
    assert after.id == first.id
    assert set(after.outlets) == {"Sahel Ledger", "Radio Liptako"}
    assert after.fatalities.high == 15 and after.fatalities.low == 7
    assert after.revisions and "fatalities_high" in after.revisions[-1].changes
    shown = runner.invoke(app, ["incident", after.id, "--db", str(db)])
    record = json.loads(shown.stdout)
    assert record["id"] == after.id and len(record["claims"]) >= 2
    listed = runner.invoke(app, ["incidents", "--db", str(db)], env={"COLUMNS": "200"})
    assert after.id in listed.stdout
    missing = runner.invoke(app, ["incident", "inc-nope", "--db", str(db)])
    assert missing.exit_code == 2


def test_exports(tmp_path: Path) -> None:
    db = tmp_path / "fr.db"
    ingest(db, tmp_path, "r.txt", RANGE)
    acled = runner.invoke(app, ["export", "--db", str(db), "--format", "acled"])
    rows = list(csv.DictReader(io.StringIO(acled.stdout)))
    assert [r["event_date"] for r in rows] == ["2024-06-02", "2024-06-03", "2024-06-04"]
    assert [r["fatalities"] for r in rows] == ["4", "4", "4"]
    ucdp = runner.invoke(app, ["export", "--db", str(db), "--format", "ucdp"])
    (row,) = list(csv.DictReader(io.StringIO(ucdp.stdout)))
    assert row["type_of_violence"] == "1" and row["date_start"] == "2024-06-02"
    assert row["best"] == "12"
    geo = json.loads(runner.invoke(app, ["export", "--db", str(db), "--format", "geojson"]).stdout)
    assert geo["type"] == "FeatureCollection" and geo["features"][0]["geometry"]["type"] == "Point"
    lines = runner.invoke(app, ["export", "--db", str(db), "--format", "jsonl"]).stdout
    assert json.loads(lines.splitlines()[0])["event_type"] == "Battles"
    out = tmp_path / "x.parquet"
    runner.invoke(app, ["export", "--db", str(db), "--format", "parquet", "--out", str(out)])
    import pyarrow.parquet as pq

    table = pq.read_table(out)
    assert table.num_rows == 1 and "fatalities_best" in table.column_names
    bad = runner.invoke(app, ["export", "--db", str(db), "--format", "parquet"])
    assert bad.exit_code == 2 and "--out" in bad.output
    unknown = runner.invoke(app, ["export", "--db", str(db), "--format", "xml"])
    assert unknown.exit_code == 2
