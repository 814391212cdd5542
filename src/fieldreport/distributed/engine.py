"""Batch runs: sharded inputs -> mention Parquet per shard -> incidents, locally or on Ray.

``run_batch`` skips shards an earlier run finished (``_done/<shard>``), runs the rest on one
engine, then fuses all mentions per (country, ISO week) block. Both engines call the same
``stages.Stage.process_batch`` and write the same rows:

- ``local``: a ``ProcessPoolExecutor`` with one process per worker, each loading the pipeline
  once in its initializer; one shard is one task.
- ``ray``: Ray Data; the records of all pending shards go through ``map_batches(StageActor)``
  with ``concurrency=workers`` actors, each loading the pipeline once; rows are then written
  per shard. ``ray`` is imported only here, and only when this engine is chosen.
"""

from __future__ import annotations

import multiprocessing
import time
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from fieldreport.config import Settings
from fieldreport.distributed.outputs import (
    ShardResult,
    finish_shard,
    fuse_blocks,
    marker,
    read_marker,
    read_mentions,
    write_errors,
    write_incidents,
)
from fieldreport.distributed.sources import Shard, read_shard, shards
from fieldreport.distributed.stages import Stage, StageActor, article_to_json
from fieldreport.errors import ConfigError
from fieldreport.model import Article, Failed

Engine = Literal["local", "ray"]
ENGINES = ("local", "ray")
RAY_BATCH = 32  # articles per block and per map_batches call
OnShard = Callable[[ShardResult], None]


@dataclass(frozen=True, slots=True)
class BatchReport:
    """What a batch run did; counts cover every shard of the output, earlier runs' too."""

    shards: int
    shards_run: int  # by this run (the others were finished by an earlier one)
    articles: int
    mentions: int
    failed: int  # bad records and crashed shards: see errors.jsonl
    incidents: int
    seconds: float
    peak_worker_mb: float  # the largest peak RSS of a worker of this run (local engine)
    out: Path


class _Progress:
    """Shards done / total and articles per second, on stderr with rich."""

    def __init__(self, total: int, done: int, show: bool) -> None:
        columns = (
            TextColumn("shards"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]} articles/s"),
            TimeElapsedColumn(),
        )
        self.bar = Progress(*columns, console=Console(stderr=True), disable=not show)
        self.task = self.bar.add_task("batch", total=total, completed=done, rate="-")
        self.articles = 0
        self.started = time.perf_counter()

    def shard_done(self, result: ShardResult) -> None:
        self.articles += result.articles
        rate = self.articles / max(time.perf_counter() - self.started, 1e-9)
        self.bar.update(self.task, advance=1, rate=f"{rate:,.1f}")


@contextmanager
def _progress(total: int, done: int, show: bool) -> Iterator[_Progress]:
    progress = _Progress(total, done, show)
    with progress.bar:
        yield progress


def run_batch(
    inputs: Sequence[Path],
    out: Path,
    *,
    engine: Engine = "local",
    workers: int = 1,
    settings: Settings | None = None,
    load: str | None = None,
    show_progress: bool = True,
    on_shard: OnShard | None = None,
) -> BatchReport:
    """Run the pipeline over sharded inputs into ``out``; finished shards are not redone.

    ``on_shard`` is called in this process after each shard this run finishes (tests use it
    to interrupt a run). ``load`` is a database (path or URL) to store articles and mentions in.
    """
    if engine not in ENGINES:
        raise ConfigError(f"unknown engine {engine!r}; use one of {', '.join(ENGINES)}")
    if workers < 1:
        raise ConfigError(f"workers must be at least 1, not {workers}")
    settings = settings or Settings()
    started = time.perf_counter()
    plan = shards(inputs)
    earlier = [read_marker(out, s.name) for s in plan if marker(out, s.name).exists()]
    finished = {r.name for r in earlier}
    todo = [s for s in plan if s.name not in finished]
    run = _run_ray if engine == "ray" else _run_local
    results: list[ShardResult] = []
    with _progress(len(plan), len(earlier), show_progress) as progress:

        def done(result: ShardResult) -> None:
            results.append(result)
            progress.shard_done(result)
            if on_shard is not None:
                on_shard(result)

        if todo:
            run(todo, out, workers, settings, done)
    return _conclude(plan, out, [*earlier, *results], started, load, settings)


def _conclude(
    plan: Sequence[Shard],
    out: Path,
    results: Sequence[ShardResult],
    started: float,
    load: str | None,
    settings: Settings,
) -> BatchReport:
    """errors.jsonl, the incidents of all finished shards, and the optional load."""
    order = {s.name: n for n, s in enumerate(plan)}
    results = sorted(results, key=lambda r: order.get(r.name, len(order)))
    failed = write_errors(out, results)
    complete = [s for s in plan if marker(out, s.name).exists()]
    incidents = fuse_blocks(read_mentions(out, complete))
    write_incidents(out, incidents)
    if load is not None:
        from fieldreport.distributed.load import load_store

        load_store(out, complete, load)
    run = [r for r in results if not r.skipped]
    return BatchReport(
        shards=len(plan),
        shards_run=len([r for r in run if r.name in {s.name for s in complete}]),
        articles=sum(r.articles for r in results),
        mentions=sum(r.mentions for r in results),
        failed=failed,
        incidents=len(incidents),
        seconds=time.perf_counter() - started,
        peak_worker_mb=max((r.peak_mb for r in run), default=0.0),
        out=out,
    )


# ---------------------------------------------------------------- local engine

_WORKER: dict[str, Stage] = {}  # the stage of this worker process, set by its initializer


def _init_worker(settings: Settings) -> None:
    _WORKER["stage"] = Stage(settings)


def _read(shard: Shard) -> tuple[list[tuple[int, Article]], list[Failed]]:
    articles: list[tuple[int, Article]] = []
    failures: list[Failed] = []
    for seq, item in enumerate(read_shard(shard.path)):
        if isinstance(item, Failed):
            failures.append(item)
        else:
            articles.append((seq, item))
    return articles, failures


def _run_shard(shard: Shard, out: Path) -> ShardResult:
    """One shard in a worker process: read, extract, write."""
    started = time.perf_counter()
    articles, failures = _read(shard)
    rows = _WORKER["stage"].process_batch((shard.name, seq, a) for seq, a in articles)
    return finish_shard(out, shard.name, articles, rows, failures, time.perf_counter() - started)


def _crashed(shard: Shard, exc: BaseException) -> ShardResult:
    """A shard whose worker raised: reported, left without a marker, redone by the next run."""
    failure = Failed(str(shard.path), "shard_error", f"{type(exc).__name__}: {exc}")
    return ShardResult(shard.name, 0, 0, (failure,))


def _run_local(
    todo: Sequence[Shard], out: Path, workers: int, settings: Settings, done: OnShard
) -> None:
    """At most ``workers`` shards in flight, so an interrupted run leaves little half-done."""
    size = min(workers, len(todo))
    pool = ProcessPoolExecutor(
        max_workers=size,
        mp_context=multiprocessing.get_context("spawn"),  # no fork of a process with threads
        initializer=_init_worker,
        initargs=(settings,),
    )
    queue = list(reversed(todo))
    running: dict[Future[ShardResult], Shard] = {}
    try:
        while queue or running:
            while queue and len(running) < size:
                shard = queue.pop()
                running[pool.submit(_run_shard, shard, out)] = shard
            finished, _ = wait(running, return_when=FIRST_COMPLETED)
            for future in finished:
                shard = running.pop(future)
                try:
                    result = future.result()
                except Exception as exc:  # one shard's crash must not lose the others
                    result = _crashed(shard, exc)
                done(result)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


# ---------------------------------------------------------------- ray engine


def _import_ray() -> Any:
    try:
        import ray
    except ImportError as exc:
        raise ConfigError("the ray engine needs: pip install 'fieldreport[ray]'") from exc
    return ray


def _run_ray(
    todo: Sequence[Shard], out: Path, workers: int, settings: Settings, done: OnShard
) -> None:
    ray = _import_ray()
    started_here = not ray.is_initialized()
    if started_here:
        ray.init(num_cpus=workers, include_dashboard=False, log_to_driver=False)
    try:
        started = time.perf_counter()
        read = {s.name: _read(s) for s in todo}
        items = [
            {"shard": name, "seq": seq, "article": article_to_json(a)}
            for name, (articles, _) in read.items()
            for seq, a in articles
        ]
        rows = _ray_rows(ray, items, workers, settings)
        seconds = time.perf_counter() - started
        for shard in todo:
            articles, failures = read[shard.name]
            done(finish_shard(out, shard.name, articles, rows[shard.name], failures, seconds))
    finally:
        if started_here:
            ray.shutdown()


def _ray_rows(
    ray: Any, items: list[dict[str, Any]], workers: int, settings: Settings
) -> dict[str, list[dict[str, Any]]]:
    """Mention rows by shard, from Ray Data actors that each load the pipeline once."""
    rows: dict[str, list[dict[str, Any]]] = defaultdict(list)
    if not items:
        return rows
    ray.data.DataContext.get_current().enable_progress_bars = False
    # one batch per block and at most two blocks queued per actor: small units of work keep
    # both workers busy to the end (15 large blocks left one worker idle for the last one)
    blocks = max(min(workers, len(items)), -(-len(items) // RAY_BATCH))  # one per worker at least
    dataset = ray.data.from_items(items, override_num_blocks=blocks)
    mapped = dataset.map_batches(
        StageActor,
        fn_constructor_kwargs={"settings": settings},
        compute=ray.data.ActorPoolStrategy(size=workers, max_tasks_in_flight_per_actor=2),
        batch_size=RAY_BATCH,
        batch_format="pyarrow",
    )
    for batch in mapped.iter_batches(batch_format="pyarrow", batch_size=None):
        for row in batch.to_pylist():
            rows[row["shard"]].append(row)
    return rows
