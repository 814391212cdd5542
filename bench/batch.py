"""Batch benchmark: our pipeline against spaCy alone, short notes, Ray scaling, worker memory.

    python bench/batch.py --articles 2000 --out docs/batch-benchmarks.md [--profile prof.txt]
    python bench/batch.py --articles 500 --skip-ray --slices 20 --repeat 3 --cpu-time  # (1)-(2)

1. full pipeline (text -> mentions) ÷ spaCy alone: the same model's ``nlp.pipe`` (loaded with
   ``spacy.load``, without our rulers) on the same articles in the same process; articles/s.
2. ACLED-style short notes per second on one core (notes generated here).
3. ``run_batch(engine="ray")`` with 2 workers ÷ 1 worker on the same articles (wall clock,
   and without the start-up, measured by a run over a handful of articles).
4. peak RSS of a worker of the local engine (pipeline loaded, all shards done).

Articles are generated: the invented example articles in examples/, each with a varied last
paragraph (a town, a group, a toll), so that every article is new text.

On a shared machine: ``--slices N`` times (1) slice by slice, the three measures of each slice
one after the other in rotating order, and adds up each measure over the slices, so that a busy
spell of the machine falls on the three alike; ``--repeat N`` keeps the fastest of N timings of
(2); ``--cpu-time`` times (1) and (2) in this process's CPU time instead of wall-clock time.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import random
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import spacy

from fieldreport.distributed import run_batch
from fieldreport.model import Article
from fieldreport.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[1]
TOWNS = [
    ("Djibo", "Soum", "Burkina Faso"),
    ("Bankass", "Mopti", "Mali"),
    ("Menaka", "Menaka", "Mali"),
    ("Ayorou", "Tillaberi", "Niger"),
    ("Dori", "Seno", "Burkina Faso"),
    ("Konduga", "Borno", "Nigeria"),
    ("Gao", "Gao", "Mali"),
    ("Kaya", "Sanmatenga", "Burkina Faso"),
]
GROUPS = ["JNIM militants", "Islamic State Sahel fighters", "gunmen", "suspected jihadists"]
VICTIMS = ["soldiers", "civilians", "villagers", "traders", "herders"]
VERBS = ["attacked", "ambushed", "raided", "fired on"]
MONTHS = ["January", "March", "May", "July", "September", "November"]


def note(rng: random.Random) -> str:
    """One ACLED-style short note."""
    town, admin, country = rng.choice(TOWNS)
    day, month = rng.randint(1, 28), rng.choice(MONTHS)
    toll = rng.randint(1, 40)
    return (
        f"On {day} {month} 2024, {rng.choice(GROUPS)} {rng.choice(VERBS)} "
        f"{rng.choice(VICTIMS)} near {town} ({admin}, {country}). "
        f"{toll} {rng.choice(VICTIMS)} were killed, according to a local source."
    )


def articles(n: int, seed: int = 11) -> list[Article]:
    """``n`` article-length texts: an example article plus a varied paragraph."""
    rng = random.Random(seed)
    bases = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("0*.txt"))]
    lines = (ROOT / "examples" / "batch.jsonl").read_text(encoding="utf-8").splitlines()
    bases += [json.loads(line)["text"] for line in lines if '"text"' in line]
    out = []
    for k in range(n):
        text = f"{rng.choice(bases).rstrip()}\n\n{note(rng)} (ref {k})\n"
        out.append(Article.from_text(text, published=None))
    return out


def timed(fn: Callable[[], Any], clock: Callable[[], float] = time.perf_counter) -> float:
    started = clock()
    fn()
    return clock() - started


def versus_spacy(
    pipeline: Pipeline,
    docs: Sequence[Article],
    slices: int = 1,
    clock: Callable[[], float] = time.perf_counter,
) -> dict[str, float]:
    """(1) full pipeline vs spaCy alone, and where the difference goes."""
    plain = spacy.load(pipeline.settings.model)
    texts = [a.text for a in docs]
    size = pipeline.settings.batch_size
    list(plain.pipe(texts[:50], batch_size=size))  # warm both up
    list(pipeline.extract_many(docs[:50]))
    measures: dict[str, Callable[[slice], object]] = {
        "plain": lambda part: list(plain.pipe(texts[part], batch_size=size)),
        "ours_nlp": lambda part: list(pipeline.nlp.pipe(texts[part], batch_size=size)),
        "full": lambda part: list(pipeline.extract_many(docs[part])),
    }
    seconds = dict.fromkeys(measures, 0.0)
    step = -(-len(docs) // slices)
    for k, start in enumerate(range(0, len(docs), step)):
        part = slice(start, start + step)
        names = list(measures)
        for name in names[k % 3 :] + names[: k % 3]:  # rotating: none always runs first
            started = clock()
            measures[name](part)
            seconds[name] += clock() - started
    t_plain, t_ours_nlp, t_full = seconds["plain"], seconds["ours_nlp"], seconds["full"]
    return {
        "articles": len(docs),
        "spacy_alone_per_s": len(docs) / t_plain,
        "our_nlp_pipe_per_s": len(docs) / t_ours_nlp,
        "full_pipeline_per_s": len(docs) / t_full,
        "ratio_full_to_spacy": t_plain / t_full,
        "share_extra_components": (t_ours_nlp - t_plain) / t_full,
        "share_mentions_stage": (t_full - t_ours_nlp) / t_full,
    }


def short_notes(
    pipeline: Pipeline, n: int, repeat: int = 1, clock: Callable[[], float] = time.perf_counter
) -> dict[str, float]:
    """(2) ACLED-style short notes per second on one core."""
    rng = random.Random(5)
    docs = [Article.from_text(note(rng)) for _ in range(n)]
    seconds = min(timed(lambda: list(pipeline.extract_many(docs)), clock) for _ in range(repeat))
    return {"notes": n, "notes_per_s_per_core": n / seconds}


def write_shards(docs: Sequence[Article], folder: Path, shards: int = 8) -> list[Path]:
    paths = []
    folder.mkdir(parents=True, exist_ok=True)
    for k in range(shards):
        path = folder / f"part-{k:02d}.jsonl"
        rows = [{"text": a.text} for a in docs[k::shards]]
        path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        paths.append(path)
    return paths


def _burn(_: int) -> float:
    started = time.perf_counter()
    total = 0
    for i in range(20_000_000):
        total += i
    return time.perf_counter() - started


def cpu_ceiling() -> float:
    """What 2 processes of pure Python get over 1 on this machine now (2.0 on 2 idle cores).

    The machines are shared: the Ray ratio means little without this figure beside it.
    """
    one = timed(lambda: _burn(0))
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        pool.map(_burn, [0, 0])  # start-up
        two = timed(lambda: pool.map(_burn, [0, 1]))
    return 2 * one / two


def engines(docs: Sequence[Article]) -> dict[str, float]:
    """(3) Ray 2 workers vs 1 worker, and (4) a local worker's peak memory."""
    found: dict[str, float] = {"cpu_ceiling_2_over_1_before": cpu_ceiling()}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        big = write_shards(docs, folder / "big")
        small = write_shards(docs[:16], folder / "small", shards=2)
        for workers in (1, 2):
            start = run_batch(small, folder / f"s{workers}", engine="ray", workers=workers)
            full = run_batch(big, folder / f"r{workers}", engine="ray", workers=workers)
            found[f"ray_{workers}w_seconds"] = full.seconds
            found[f"ray_{workers}w_startup_seconds"] = start.seconds
        found["ray_2w_over_1w"] = found["ray_1w_seconds"] / found["ray_2w_seconds"]
        steady = [found[f"ray_{w}w_seconds"] - found[f"ray_{w}w_startup_seconds"] for w in (1, 2)]
        found["ray_2w_over_1w_without_startup"] = steady[0] / steady[1]
        for workers in (1, 2):
            local = run_batch(big, folder / f"local{workers}", engine="local", workers=workers)
            found[f"local_{workers}w_seconds"] = local.seconds
        # the same work on our own process pool: the machine's ceiling for this workload
        found["local_2w_over_1w"] = found["local_1w_seconds"] / found["local_2w_seconds"]
        found["peak_worker_mb"] = local.peak_worker_mb
    found["cpu_ceiling_2_over_1_after"] = cpu_ceiling()
    return found


def render(results: dict[str, dict[str, float]], command: str) -> str:
    lines = ["# Batch benchmarks", "", "```", command, "```", ""]
    for section, values in results.items():
        lines += [f"## {section}", "", "| measure | value |", "|---|---:|"]
        lines += [
            f"| {k} | {v:,.2f} |" if isinstance(v, float) else f"| {k} | {v} |"
            for k, v in values.items()
        ]
        lines.append("")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--notes", type=int, default=2000)
    parser.add_argument("--out", type=Path, help="write the Markdown table here")
    parser.add_argument("--profile", type=Path, help="pyinstrument report of (1) here")
    parser.add_argument("--skip-ray", action="store_true")
    parser.add_argument("--engines-only", action="store_true", help="only (3)-(4)")
    parser.add_argument("--slices", type=int, default=1, help="(1): interleaved, by N slices")
    parser.add_argument("--repeat", type=int, default=1, help="(2): the fastest of N timings")
    parser.add_argument("--cpu-time", action="store_true", help="(1)-(2): CPU time, not wall")
    args = parser.parse_args()
    clock = time.process_time if args.cpu_time else time.perf_counter
    docs = articles(args.articles)
    results: dict[str, dict[str, float]] = {}
    pipeline = None if args.engines_only else Pipeline()
    if pipeline is not None:
        results["1. full pipeline vs spaCy alone (1 core)"] = versus_spacy(
            pipeline, docs[:500], args.slices, clock
        )
        results["2. ACLED-style short notes (1 core)"] = short_notes(
            pipeline, args.notes, args.repeat, clock
        )
    if args.profile and pipeline is not None:
        from pyinstrument import Profiler

        with Profiler() as profiler:
            list(pipeline.extract_many(docs[:300]))
        args.profile.write_text(profiler.output_text(show_all=False), encoding="utf-8")
    if not args.skip_ray:
        results["3-4. engines on the same articles"] = engines(docs)
    command = f"python bench/batch.py --articles {args.articles} --notes {args.notes}"
    command += " --skip-ray" if args.skip_ray else ""
    command += " --engines-only" if args.engines_only else ""
    command += f" --slices {args.slices}" if args.slices != 1 else ""
    command += f" --repeat {args.repeat}" if args.repeat != 1 else ""
    command += " --cpu-time" if args.cpu_time else ""
    text = render(results, command)
    print(text)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
