"""Shared fixtures: one real spaCy pipeline per test session; paths to ../shared."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from fieldreport.model import Article, Mention
from fieldreport.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "tinzaouaten-ambush.txt"
ACLED_DEV = SHARED / "eval" / "acled_sahel_dev.csv"


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return Pipeline()


@pytest.fixture(scope="session")
def extract(pipeline: Pipeline):  # type: ignore[no-untyped-def]
    def run(
        text: str, published: dt.date | None = dt.date(2024, 5, 8), **meta: object
    ) -> list[Mention]:
        return pipeline.extract(Article.from_text(text, published=published, **meta))

    return run


def requires(path: Path) -> pytest.MarkDecorator:
    return pytest.mark.skipif(not path.exists(), reason=f"{path} is not here (../shared absent)")
