"""The command line, end to end through the real pipeline and a real SQLite file."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import SEED, requires
from fieldreport.cli import app
from fieldreport.export import ACLED_COLUMNS

pytestmark = pytest.mark.slow
runner = CliRunner()

CLASH = (
    "Published: 2024-05-08\nOutlet: Sahel Ledger\n\n"
    "Soldiers clashed with JNIM militants near Douentza on Monday, killing 9 of them, "
    "the army said.\n"
)
PROTEST = (
    "Published: 2024-02-10\n\nHundreds of students marched through Ouagadougou on "
    "Thursday to demand the reopening of their university, organisers said.\n"
)


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(CLASH, encoding="utf-8")
    (tmp_path / "in" / "b.txt").write_text(PROTEST, encoding="utf-8")
    return tmp_path


def test_extract_json(folder: Path) -> None:
    result = runner.invoke(app, ["extract", str(folder / "in" / "a.txt"), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data[0]["event_type"] == "Battles"
    assert data[0]["article"]["outlet"] == "Sahel Ledger"


@requires(SEED)
def test_extract_seed_with_published() -> None:
    result = runner.invoke(app, ["extract", str(SEED), "--published", "2024-07-30"])
    assert result.exit_code == 0, result.output
    events = json.loads(result.stdout)
    assert any(e["date"]["date"] == "2024-07-27" for e in events)


def test_extract_bad_date_is_a_clear_error(folder: Path) -> None:
    result = runner.invoke(app, ["extract", str(folder / "in" / "a.txt"), "--published", "soon"])
    assert result.exit_code == 2
    assert "ISO date" in result.output


def test_extract_missing_file(tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", str(tmp_path / "nope.txt")])
    assert result.exit_code == 2


def test_ingest_is_idempotent_and_events_filter(folder: Path) -> None:
    db = str(folder / "fr.db")
    first = runner.invoke(app, ["ingest", str(folder / "in"), "--db", db])
    assert first.exit_code == 0, first.output
    assert "2 added" in first.output
    again = runner.invoke(app, ["ingest", str(folder / "in"), "--db", db])
    assert "0 added, 2 already stored" in again.output
    out = runner.invoke(app, ["events", "--db", db, "--country", "Mali", "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    assert [r["event_type"] for r in rows] == ["Battles"]
    assert list(rows[0]) == list(ACLED_COLUMNS)
    since = runner.invoke(app, ["events", "--db", db, "--since", "2024-05-01", "--format", "json"])
    assert len(json.loads(since.stdout)) == 1
    table = runner.invoke(app, ["events", "--db", db], env={"COLUMNS": "200"})
    assert table.exit_code == 0 and "Protests" in table.stdout


def test_ingest_reports_failures_and_goes_on(folder: Path) -> None:
    (folder / "in" / "c.txt").write_text("   ", encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(folder / "in"), "--db", str(folder / "x.db")])
    assert result.exit_code == 1
    assert "empty_input" in result.output and "2 added" in result.output
