"""The README documents every command and every setting (fails when one is added silently)."""

from __future__ import annotations

import re
from pathlib import Path

import typer

from fieldreport.cli import app

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
SOURCES = Path(__file__).resolve().parents[1] / "src" / "fieldreport"


def test_every_command_is_documented() -> None:
    names = [c.name or (c.callback.__name__ if c.callback else "") for c in app.registered_commands]
    missing = [
        n
        for n in names
        if n != "version" and f"`{n}" not in README and f"fieldreport {n}" not in README
    ]
    assert not missing, f"commands missing from README.md: {missing}"


def test_every_environment_setting_is_documented() -> None:
    found = set()
    for path in SOURCES.rglob("*.py"):
        found |= set(re.findall(r"FIELDREPORT_[A-Z_]+", path.read_text(encoding="utf-8")))
    missing = sorted(v for v in found if v not in README and not v.startswith("FIELDREPORT_UPDATE"))
    assert not missing, f"settings missing from README.md: {missing}"


def test_typer_app_builds() -> None:
    assert isinstance(typer.main.get_command(app).name, str | None)
