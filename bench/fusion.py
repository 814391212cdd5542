"""Fusion benchmark: synthetic mentions -> incidents; time, peak memory, growth with size.

    python bench/fusion.py --mentions 1000000

Each run also times a baseline on the same input (sorting the reports by date, which every
fusion run must do anyway) so the ratio is comparable across noisy machines. The mentions are
generated: ~N/3 events in 12 countries over two years, each reported 1-5 times with jittered
dates, places (a few km) and tolls, plus same-day events nearby that must stay apart.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import resource
import sys
import time

from fieldreport.fuse import Fuser, FusionConfig, Report
from fieldreport.model import ActorRef, ActorRole, Claim, DateInfo, Mention, Place, Span

COUNTRIES = ["ML", "BF", "NE", "NG", "TD", "CM", "SO", "SD", "CD", "ET", "MZ", "CF"]
TYPES = ["Battles", "Violence against civilians", "Explosions/Remote violence", "Protests"]
START = dt.date(2023, 1, 1)


def generate(n: int, seed: int = 7) -> list[Report]:
    """About ``n`` synthetic reports of about n/3 events."""
    rng = random.Random(seed)
    reports: list[Report] = []
    event = 0
    while len(reports) < n:
        event += 1
        country = rng.choice(COUNTRIES)
        lat, lon = rng.uniform(-10, 25), rng.uniform(-15, 45)
        day = START + dt.timedelta(days=rng.randrange(730))
        etype = rng.choice(TYPES)
        actor = ActorRef(f"Group {event % 500}", 2, country)
        for copy in range(rng.randint(1, 5)):
            if len(reports) >= n:
                break
            jitter = dt.timedelta(days=rng.choice((0, 0, 0, 1)))
            place = Place(
                f"Town {event}",
                country,
                lat + rng.uniform(-0.03, 0.03),
                lon + rng.uniform(-0.03, 0.03),
                1,
            )
            toll = rng.randint(0, 40)
            span = Span(0, 4, "xxxx")
            claim = Claim(
                evidence=span,
                killed_min=toll,
                killed_max=toll,
                phrase=str(toll),
                claimant_text=f"source {copy}",
            )
            mention = Mention(
                article_id=f"e{event}-c{copy}",
                sentence=span,
                event_type=etype,
                sub_event_type="",
                date=DateInfo(day + jitter),
                place=place,
                actors=(ActorRole(actor, "actor1", span),),
                claims=(claim,),
            )
            reports.append(Report(mention, f"outlet {copy}", day + jitter))
    return reports


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(n: int) -> dict[str, float]:
    reports = generate(n)
    started = time.perf_counter()
    ordered = sorted(reports, key=lambda r: (r.published or dt.date.min, r.mention.index))
    baseline = time.perf_counter() - started
    started = time.perf_counter()
    fuser = Fuser(FusionConfig())
    for report in ordered:
        fuser.add(report)
    seconds = time.perf_counter() - started
    return {
        "mentions": n,
        "incidents": len(fuser.incidents()),
        "seconds": seconds,
        "baseline_sort_seconds": baseline,
        "ratio_to_sort": seconds / max(baseline, 1e-9),
        "us_per_mention": 1e6 * seconds / n,
        "peak_rss_mb": peak_mb(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mentions", type=int, default=100_000)
    parser.add_argument("--scaling", action="store_true", help="also run at 1/10 and 1/3 size")
    args = parser.parse_args()
    sizes = (
        [args.mentions // 10, args.mentions // 3, args.mentions]
        if args.scaling
        else [args.mentions]
    )
    for size in sizes:
        result = run(size)
        print(
            " ".join(
                f"{k}={v:.2f}" if isinstance(v, float) else f"{k}={v}" for k, v in result.items()
            ),
            flush=True,
        )
    sys.exit(0)


if __name__ == "__main__":
    main()
