"""Monitor benchmark: one poll of F mock feeds with N items each, page fetching on.

    python bench/watch_poll.py --feeds 20 --items 50

Feeds and pages are served by ``httpx.MockTransport`` (no network), one host per feed; the
database is a fresh SQLite file. Prints the pipeline's load time, then the first poll (every
item new: fetch, clean, extract, store, fuse, alerts) and a second poll (every item seen).
The fetcher's politeness waits are counted on a fake clock instead of slept; the script
prints what they would add to a real run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import tempfile
import time
from email.utils import format_datetime
from pathlib import Path

import httpx

from fieldreport.config import Settings
from fieldreport.pipeline import Pipeline
from fieldreport.watch.alerts import add_alert
from fieldreport.watch.fetch import Fetcher
from fieldreport.watch.watch import PollReport, poll_once

PLACES = ["Djibo", "Gao", "Mopti", "Kaya", "Dori", "Fada N'gourma", "Menaka", "Timbuktu"]
TEMPLATES = [
    "Gunmen killed {n} villagers in {place} on {weekday}, residents said.",
    "Soldiers killed {n} JNIM militants near {place} on {weekday}, the army said.",
    "An explosive device killed {n} soldiers on the road to {place} on {weekday}.",
    "Hundreds of people protested in {place} on {weekday} against rising prices.",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


class FakeClock:
    def __init__(self) -> None:
        self.t = 0.0
        self.waited = 0.0

    def __call__(self) -> float:
        return self.t

    def sleep(self, seconds: float) -> None:
        self.waited += seconds
        self.t += seconds


def build_site(feeds: int, items: int, seed: int = 7) -> dict[str, bytes]:
    """URL -> body of every feed and page."""
    rng = random.Random(seed)
    routes: dict[str, bytes] = {}
    published = dt.datetime(2024, 5, 6, 8, tzinfo=dt.UTC)
    for f in range(feeds):
        host = f"https://outlet{f}.example"
        entries = []
        for i in range(items):
            text = rng.choice(TEMPLATES).format(
                n=rng.randint(2, 60), place=rng.choice(PLACES), weekday=rng.choice(WEEKDAYS)
            )
            link = f"{host}/news/{i}"
            title = f"Report {f}-{i}"
            entries.append(
                f"<item><guid>{link}</guid><link>{link}</link><title>{title}</title>"
                f"<pubDate>{format_datetime(published)}</pubDate>"
                f"<description>{text}</description></item>"
            )
            routes[link] = (
                f"<html><head><title>{title}</title></head><body><nav>Home | Sahel</nav>"
                f"<article><h1>{title}</h1><p>{text}</p><p>Item {f}-{i}: the report was "
                f"filed by our correspondent, who spoke to witnesses.</p></article>"
                f"<footer>(c) Outlet {f}</footer></body></html>"
            ).encode()
        routes[f"{host}/rss"] = (
            f'<?xml version="1.0"?><rss version="2.0"><channel><title>Outlet {f}</title>'
            f"{''.join(entries)}</channel></rss>"
        ).encode()
    return routes


def run(feeds: int, items: int) -> None:
    routes = build_site(feeds, items)

    def serve(request: httpx.Request) -> httpx.Response:
        body = routes.get(str(request.url))
        return httpx.Response(404) if body is None else httpx.Response(200, content=body)

    started = time.perf_counter()
    pipeline = Pipeline()
    print(f"pipeline load: {time.perf_counter() - started:.1f} s")
    with tempfile.TemporaryDirectory() as folder:
        settings = Settings(db=str(Path(folder) / "watch.db"))
        add_alert(settings, None, 20, None, f"file:{Path(folder) / 'alerts.jsonl'}")
        clock = FakeClock()
        client = httpx.Client(transport=httpx.MockTransport(serve))
        fetcher = Fetcher(client, sleep=clock.sleep, clock=clock)
        urls = [f"https://outlet{f}.example/rss" for f in range(feeds)]
        for label in ("first poll (all new)", "second poll (all seen)"):
            clock.waited = 0.0
            report: PollReport = poll_once(
                urls, settings, client, fetcher=fetcher, pipeline=pipeline
            )
            print(f"{label}: {report.seconds:.1f} s; {report.summary()}")
            print(
                f"  politeness waits a real run would add (1 s per host, hosts in turn): "
                f"{clock.waited:.0f} s"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--feeds", type=int, default=20)
    parser.add_argument("--items", type=int, default=50)
    args = parser.parse_args()
    run(args.feeds, args.items)


if __name__ == "__main__":
    main()
