"""The ``fieldreport eval`` job: read gold, predict on every core, score, print, write, gate."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from fieldreport import evaluate
from fieldreport.config import Settings
from fieldreport.errors import ConfigError

console = Console(stderr=True)


def run(
    gold: Path,
    *,
    fmt: str,
    limit: int | None,
    report: Path | None,
    errors: Path | None,
    baseline: Path | None,
    workers: int,
    settings: Settings,
    raise_floors: bool = False,
) -> int:
    """0 when every floor holds (or no baseline), 1 when a metric fell below its floor."""
    if fmt not in {"acled", "ucdp"}:
        raise ConfigError(f"unknown gold format {fmt!r}; use acled or ucdp")
    if not gold.exists():
        raise ConfigError(f"no gold file at {gold}")
    started = time.perf_counter()
    rows = evaluate.read_gold(gold, fmt, limit)
    workers = workers or min(os.cpu_count() or 1, 8)
    with Progress(console=console, transient=True) as progress:
        task = progress.add_task(
            f"scoring {len(rows)} rows on {workers} process(es)", total=len(rows)
        )
        predictions = evaluate.predict(rows, settings, workers, lambda n: progress.advance(task, n))
    result, misses = evaluate.score(rows, predictions, fmt, evaluate.file_sha256(gold))
    result.seconds = round(time.perf_counter() - started, 1)
    _print(result)
    if report:
        report.write_text(json.dumps(result.as_dict(), indent=2) + "\n", encoding="utf-8")
    if errors:
        with errors.open("w", encoding="utf-8") as handle:
            for miss in misses:
                handle.write(json.dumps(miss, ensure_ascii=False, default=str) + "\n")
    code = _gate(result, baseline, limit)
    if raise_floors and baseline is not None and code == 0:
        pinned = json.loads(baseline.read_text(encoding="utf-8"))
        pinned["floors"] = evaluate.raised_floors(result.overall, pinned)
        baseline.write_text(json.dumps(pinned, indent=2) + "\n", encoding="utf-8")
        console.print(f"floors raised in {baseline}")
    return code


def _print(result: evaluate.Report) -> None:
    table = Table(title=f"{result.rows} rows in {result.seconds} s")
    table.add_column("metric")
    table.add_column("overall", justify="right")
    groups: dict[str, dict[str, float]] = dict(list(result.by_country.items())[:6])
    for name in groups:
        table.add_column(name, justify="right")
    for metric, value in result.overall.items():
        table.add_row(metric, f"{value}", *(f"{groups[g].get(metric, '')}" for g in groups))
    Console().print(table)
    if not any(result.by_event_type):
        return  # UCDP gold has no ACLED event types
    types = Table(title="by gold event type")
    types.add_column("event type")
    for metric in (
        "event_type",
        "sub_event_type",
        "fatalities_exact",
        "actor1",
        "actor2",
        "within_25km",
    ):
        types.add_column(metric, justify="right")
    for name, scores in result.by_event_type.items():
        types.add_row(
            name,
            *(
                f"{scores.get(m, '')}"
                for m in (
                    "event_type",
                    "sub_event_type",
                    "fatalities_exact",
                    "actor1",
                    "actor2",
                    "within_25km",
                )
            ),
        )
    Console().print(types)


def _gate(result: evaluate.Report, baseline: Path | None, limit: int | None) -> int:
    if baseline is None:
        return 0
    pinned: dict[str, Any] = json.loads(baseline.read_text(encoding="utf-8"))
    if pinned.get("sha256") and pinned["sha256"] != result.sha256:
        raise ConfigError(
            f"gold file differs from the one the floors were set on "
            f"(sha256 {result.sha256[:12]}… != {pinned['sha256'][:12]}…)"
        )
    if limit is not None:
        raise ConfigError("--baseline gates the whole gold file; drop --limit")
    failures = evaluate.check_floors(result.overall, pinned)
    for failure in failures:
        console.print(f"[red]below floor[/red] {failure}")
    if not failures:
        console.print(f"all {len(pinned.get('floors', {}))} floors hold")
    return 1 if failures else 0
