"""The monitor: poll feeds, turn new items into stored articles, fuse them, send alerts.

    report = poll_once(["https://example.org/rss"], settings, httpx.Client())
    watch(Path("feeds.txt"), settings, every_seconds=600, once=False, client=httpx.Client())

One poll, for each feed: a conditional GET; the items parsed; the ones seen before (same key
in this feed, or same URL or same title+summary in any feed) skipped; each new item's page
fetched and cleaned (or, when page fetching is off or fails, its feed summary used, and the
page failure recorded); the articles extracted and stored. Then every stored mention no
incident holds yet is fused, and the alert rules run. A feed that fails is recorded (``feeds``
and ``failures``) and tried again next poll while the others go on; everything the monitor
knows lives in the database, so a restart picks up where the last run stopped.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import urlsplit

import httpx

from fieldreport.config import Settings
from fieldreport.errors import ConfigError, FieldreportError, InputError
from fieldreport.fuse import Report
from fieldreport.ingest import read_bytes
from fieldreport.model import Article
from fieldreport.pipeline import Pipeline
from fieldreport.service import fuse_into_store
from fieldreport.store import Store
from fieldreport.watch.alerts import AlertReport, deliver, queue_alerts
from fieldreport.watch.feeds import FeedItem, parse_feed
from fieldreport.watch.fetch import USER_AGENT, Fetcher, FetchError
from fieldreport.watch.state import WatchState

Clock = Callable[[], dt.datetime]


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@functools.lru_cache(maxsize=2)
def load_pipeline(settings: Settings) -> Pipeline:
    """One pipeline per process and settings (loading spaCy and the gazetteer takes seconds)."""
    return Pipeline(settings)


@dataclass(frozen=True, slots=True)
class FeedOutcome:
    """One feed in one poll: ``ok``, ``not_modified`` or ``failed`` (with the reason)."""

    url: str
    status: str
    items: int = 0
    new: int = 0
    articles: int = 0
    error: str | None = None


@dataclass(frozen=True, slots=True)
class PollReport:
    feeds: tuple[FeedOutcome, ...]
    articles_added: int = 0
    mentions: int = 0
    page_failures: int = 0
    incidents_new: int = 0
    incidents_updated: int = 0
    alerts: AlertReport = field(default_factory=AlertReport)
    seconds: float = 0.0

    @property
    def failed(self) -> list[FeedOutcome]:
        return [f for f in self.feeds if f.status == "failed"]

    @property
    def new_items(self) -> int:
        return sum(f.new for f in self.feeds)

    def summary(self) -> str:
        a = self.alerts
        return (
            f"feeds: {len(self.feeds)} ({len(self.failed)} failed, "
            f"{sum(f.status == 'not_modified' for f in self.feeds)} unchanged); "
            f"items: {self.new_items} new; articles: {self.articles_added} added, "
            f"{self.page_failures} from summaries after a page failure; events: {self.mentions}; "
            f"incidents: {self.incidents_new} new, {self.incidents_updated} updated; "
            f"alerts: {a.queued} fired, {a.sent} sent, {a.failed} failed; {self.seconds:.1f} s"
        )


class _Poll:
    """One poll's collaborators and tallies."""

    def __init__(
        self,
        store: Store,
        state: WatchState,
        fetcher: Fetcher,
        pipeline: Callable[[], Pipeline],
        now: Clock,
        fetch_pages: bool,
    ) -> None:
        self.store, self.state, self.fetcher = store, state, fetcher
        self.pipeline, self.now, self.fetch_pages = pipeline, now, fetch_pages
        self.added = self.mentions = self.page_failures = 0

    def feed(self, url: str) -> FeedOutcome:
        known = self.state.feed(url)
        try:
            page = self.fetcher.get(url, etag=known.etag, last_modified=known.last_modified)
            if page.not_modified:
                self.state.feed_ok(
                    url,
                    self.now(),
                    etag=known.etag,
                    last_modified=known.last_modified,
                    title=known.title or "",
                )
                return FeedOutcome(url, "not_modified")
            feed = parse_feed(page.content, url=url)
        except (FetchError, InputError) as exc:
            self.state.feed_failed(url, self.now(), f"{exc.code}: {exc.message}")
            self.store.record_failure(url, exc.code, exc.message)
            return FeedOutcome(url, "failed", error=f"{exc.code}: {exc.message}")
        fresh = self.state.unseen(url, feed.items)
        before = self.added
        handled = self.handle(fresh, feed.title or urlsplit(url).netloc)
        self.state.mark_seen(url, handled, self.now())
        self.state.feed_ok(
            url, self.now(), etag=page.etag, last_modified=page.last_modified, title=feed.title
        )
        return FeedOutcome(url, "ok", len(feed.items), len(fresh), self.added - before)

    def handle(self, items: Sequence[FeedItem], outlet: str) -> list[tuple[FeedItem, str | None]]:
        """Items -> stored articles with their events; (item, article id or None) each."""
        found = [(item, self.article(item, outlet)) for item in items]
        todo = {
            a.id: a for _, a in found if a is not None and not self.store.has_article(a.id)
        }.values()
        if todo:
            for article, mentions in self.pipeline().extract_many(todo):
                if self.store.add(article, mentions):
                    self.added += 1
                    self.mentions += len(mentions)
        return [(item, a.id if a else None) for item, a in found]

    def article(self, item: FeedItem, outlet: str) -> Article | None:
        """The item's page, cleaned; else its feed summary; None (recorded) when neither reads."""
        meta = {"url": item.link, "outlet": outlet, "published": item.published}
        if self.fetch_pages and item.link:
            try:
                page = self.fetcher.get(item.link)
                article = read_bytes(page.content, source=item.link, suffix=".html", **meta)
                return replace(article, fetched_at=self.now())
            except (FetchError, InputError) as exc:
                self.store.record_failure(item.link, exc.code, exc.message)
                self.page_failures += 1
        text = "\n".join(part for part in (item.title, item.summary) if part)
        source = item.link or item.key
        try:
            return read_bytes(
                text.encode(), source=source, suffix=".txt", title=item.title or None, **meta
            )
        except InputError as exc:
            self.store.record_failure(source, exc.code, exc.message)
            return None


def _fuse(store: Store) -> tuple[set[str], set[str], int, int]:
    """``service.fuse_pending``, keeping which mentions and articles it fused."""
    pending = store.unfused()
    reports = [Report(m, a.outlet or "", a.published) for a, m in pending]
    new, updated = fuse_into_store(store, reports)
    return {m.index for _, m in pending}, {a.id for a, _ in pending}, new, updated


def poll_once(
    feeds: Sequence[str],
    store_url_or_settings: Settings | str,
    client: httpx.Client | None,
    *,
    fetch_pages: bool = True,
    now: Clock = _utcnow,
    fetcher: Fetcher | None = None,
    pipeline: Pipeline | None = None,
) -> PollReport:
    """Poll every feed once, store and fuse what is new, fire and send alerts."""
    settings = _settings(store_url_or_settings)
    if fetcher is None:
        if client is None:
            raise ConfigError("poll_once needs an httpx.Client or a Fetcher")
        fetcher = Fetcher(client)
    started = time.perf_counter()
    with Store(settings.db) as store, WatchState(settings.db) as state:
        poll = _Poll(
            store, state, fetcher, lambda: pipeline or load_pipeline(settings), now, fetch_pages
        )
        outcomes = tuple(poll.feed(url) for url in dict.fromkeys(feeds))
        mentions, articles, new, updated = _fuse(store)  # also what a killed run left unfused
        queued = queue_alerts(store, state, mentions, articles, now())
        sent = deliver(state, fetcher, now)
    return PollReport(
        feeds=outcomes,
        articles_added=poll.added,
        mentions=poll.mentions,
        page_failures=poll.page_failures,
        incidents_new=new,
        incidents_updated=updated,
        alerts=replace(sent, queued=queued),
        seconds=time.perf_counter() - started,
    )


def _settings(value: Settings | str) -> Settings:
    return value if isinstance(value, Settings) else Settings.from_env(db=value)


def read_feeds(path: Path) -> list[str]:
    """Feed URLs, one a line; blank lines and ``#`` comments ignored."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ConfigError(f"cannot read the feeds file: {exc.strerror}", source=str(path)) from exc
    urls: list[str] = []
    for number, line in enumerate(lines, start=1):
        url = line.split("#", 1)[0].strip() if line.lstrip().startswith("#") else line.strip()
        if not url:
            continue
        if urlsplit(url).scheme not in ("http", "https"):
            raise ConfigError(f"line {number}: {url!r} is not an http(s) URL", source=str(path))
        urls.append(url)
    return urls


_UNITS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_every(every: str) -> float:
    """``"10m"`` -> 600.0 seconds (units s, m, h, d; a bare number is seconds)."""
    found = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*", every.lower())
    if not found or float(found[1]) <= 0:
        raise ConfigError(f"--every {every!r}: use a duration such as 90s, 10m, 1h")
    return float(found[1]) * _UNITS[found[2]]


def watch(
    feeds_file: Path,
    settings: Settings,
    every_seconds: float,
    once: bool,
    client: httpx.Client,
    *,
    fetcher: Fetcher | None = None,
    sleep: Callable[[float], None] = time.sleep,
    on_report: Callable[[PollReport], None] | None = None,
    on_error: Callable[[FieldreportError], None] | None = None,
) -> int:
    """Poll every ``every_seconds`` until interrupted (or once); returns the polls made.

    The feeds file is read again before each poll, so edits apply without a restart. With
    ``on_error`` a poll that fails as a whole (say, the database is locked) is reported and
    the loop goes on; without it the error propagates.
    """
    fetcher = fetcher or Fetcher(client)  # one per run: robots.txt and host timings persist
    polls = 0
    try:
        while True:
            try:
                report = poll_once(read_feeds(feeds_file), settings, client, fetcher=fetcher)
            except FieldreportError as exc:
                if on_error is None or once:
                    raise
                on_error(exc)
            else:
                if on_report:
                    on_report(report)
            polls += 1
            if once:
                return polls
            sleep(every_seconds)
    except KeyboardInterrupt:
        return polls


def run_watch(
    feeds_file: Path,
    settings: Settings,
    every: str,
    once: bool,
    *,
    on_report: Callable[[PollReport], None] | None = None,
    on_error: Callable[[FieldreportError], None] | None = None,
) -> int:
    """The CLI's entry point: a real HTTP client, ``every`` as a duration such as ``10m``."""
    seconds = parse_every(every)
    read_feeds(feeds_file)  # a bad feeds file is a usage error before anything runs
    headers = {"User-Agent": USER_AGENT}
    with httpx.Client(headers=headers, timeout=20.0, follow_redirects=True) as client:
        return watch(
            feeds_file, settings, seconds, once, client, on_report=on_report, on_error=on_error
        )
