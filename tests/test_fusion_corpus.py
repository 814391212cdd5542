"""Fusion end to end on our own corpus: many outlets' reports of the same invented events.

Pairwise precision and recall over extracted mentions: a pair is "same" in the gold when both
reports carry the same incident label, and predicted "same" when fusion files them together.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
from pathlib import Path

import pytest

from conftest import SEED, requires
from fieldreport.fuse import Report, fuse
from fieldreport.ingest import read_paths
from fieldreport.model import Article, Incident
from fieldreport.pipeline import Pipeline

pytestmark = pytest.mark.slow
DATA = Path(__file__).parent / "data" / "fusion"


def load(name: str) -> list[tuple[Article, str | None]]:
    out = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        article = Article.from_text(
            row["text"],
            published=dt.date.fromisoformat(row["published"]),
            outlet=row["outlet"],
            url=row["url"],
        )
        out.append((article, row["incident"]))
    return out


def pairwise(gold: dict[str, str], predicted: dict[str, str]) -> tuple[float, float, float]:
    tp = fp = fn = 0
    for a, b in itertools.combinations(sorted(gold), 2):
        same_gold, same_pred = gold[a] == gold[b], predicted[a] == predicted[b]
        tp += same_gold and same_pred
        fp += same_pred and not same_gold
        fn += same_gold and not same_pred
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


@pytest.fixture(scope="module")
def corpus(pipeline: Pipeline) -> tuple[list[Incident], dict[str, str], list[Report]]:
    gold: dict[str, str] = {}
    reports: list[Report] = []
    for article, label in load("reports.jsonl"):
        for n, mention in enumerate(pipeline.extract(article)):
            gold[mention.index] = label or f"none-{mention.index}-{n}"
            reports.append(Report(mention, article.outlet or "", article.published))
    return fuse(reports), gold, reports


def test_pairwise_f1(corpus: tuple[list[Incident], dict[str, str], list[Report]]) -> None:
    incidents, gold, _ = corpus
    predicted = {m: i.id for i in incidents for m in i.mention_ids}
    precision, recall, f1 = pairwise(gold, predicted)
    print(
        f"fusion pairwise precision={precision:.3f} recall={recall:.3f} f1={f1:.3f} "
        f"mentions={len(gold)} incidents={len(incidents)}"
    )
    assert precision >= 0.9
    assert f1 >= 0.8


def test_no_event_articles_make_no_incident(pipeline: Pipeline) -> None:
    quiet = [a for a, label in load("reports.jsonl") if label is None]
    assert quiet
    found = sum(len(pipeline.extract(a)) for a in quiet)
    assert found <= 1, "articles without an event should give (almost) no events"


@requires(SEED)
def test_seed_and_rewrites_fuse_into_one_incident(pipeline: Pipeline) -> None:
    seed = next(iter(read_paths([SEED], published=dt.date(2024, 7, 30))))
    assert isinstance(seed, Article)
    reports = [Report(m, "seed", seed.published) for m in pipeline.extract(seed)]
    for article, _ in load("tinzaouaten-rewrites.jsonl"):
        reports += [
            Report(m, article.outlet or "", article.published) for m in pipeline.extract(article)
        ]
    incidents = fuse(reports)
    main = max(incidents, key=lambda i: len(i.mention_ids))
    # one rewrite dates the fighting by the start of the operation (July 19), eight days off
    assert len(main.article_ids) >= 4, [(i.place, i.date, i.event_type) for i in incidents]
    claimants = {
        c.claimant.name.split(":")[0] if c.claimant else c.claimant_text for c in main.claims
    }
    assert {"JNIM", "CSP-PSD", "Wagner Group"} <= claimants
    assert any(n.startswith("Military Forces of Mali") for n in claimants)
    assert any("blogger" in n.lower() for n in claimants)
    assert main.fatalities.acled <= 20 and main.fatalities.high >= 60
