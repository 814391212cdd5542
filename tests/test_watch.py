"""The monitor: polite fetching, feeds, seen items, restarts, revisions and alerts.

Feeds and pages are written here and served by ``httpx.MockTransport``; the database is a
real SQLite file; tests that extract events use the session's real pipeline (marked slow).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from email.utils import format_datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import create_engine, inspect

from fieldreport.config import Settings
from fieldreport.errors import ConfigError
from fieldreport.model import (
    Claim,
    DateInfo,
    Fatalities,
    Incident,
    Place,
    Revision,
    Span,
)
from fieldreport.pipeline import Pipeline
from fieldreport.store import Store
from fieldreport.watch import USER_AGENT, Fetcher, FetchError, RobotsDisallowed, WatchState
from fieldreport.watch.alerts import add_alert, list_alerts, trigger
from fieldreport.watch.feeds import BadFeed, parse_feed
from fieldreport.watch.fetch import HttpStatusError
from fieldreport.watch.state import AlertRule
from fieldreport.watch.watch import parse_every, poll_once, read_feeds, watch

Handler = Callable[[httpx.Request], httpx.Response]


class Site:
    """Routes URL -> response (or handler); every request kept; robots.txt 404 unless set."""

    def __init__(self) -> None:
        self.routes: dict[str, httpx.Response | Handler] = {}
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        route = self.routes.get(str(request.url))
        if route is None:
            return httpx.Response(404)
        return route(request) if callable(route) else route

    def hits(self, url: str) -> int:
        return sum(str(r.url) == url for r in self.requests)

    def client(self) -> httpx.Client:
        return httpx.Client(transport=httpx.MockTransport(self))


class Clock:
    """A fake monotonic clock whose ``sleep`` moves time on."""

    def __init__(self) -> None:
        self.t = 1000.0
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.t

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.t += seconds


def fetcher(site: Site, **options: Any) -> Fetcher:
    clock = Clock()
    return Fetcher(site.client(), sleep=clock.sleep, clock=clock, **options)


def rss(title: str, items: list[dict[str, str]]) -> bytes:
    entries = "".join(
        f"<item><guid>{i['guid']}</guid><link>{i['link']}</link><title>{i['title']}</title>"
        f"<pubDate>{i['date']}</pubDate><description>{i['summary']}</description></item>"
        for i in items
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>'
        f"<link>https://news.example/</link>{entries}</channel></rss>"
    ).encode()


def page(title: str, *paragraphs: str) -> httpx.Response:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    html = (
        f"<html><head><title>{title}</title></head><body><nav>Home | World</nav>"
        f"<article><h1>{title}</h1>{body}</article><footer>(c) News</footer></body></html>"
    )
    return httpx.Response(200, text=html, headers={"content-type": "text/html"})


def day(d: dt.date) -> str:
    return format_datetime(dt.datetime(d.year, d.month, d.day, 8, tzinfo=dt.UTC))


def item(
    n: int, text: str, d: dt.date = dt.date(2024, 5, 6), host: str = "news.example"
) -> dict[str, str]:
    return {
        "guid": f"https://{host}/a{n}",
        "link": f"https://{host}/a{n}",
        "title": f"Report {n}",
        "date": day(d),
        "summary": text,
    }


FEED = "https://news.example/rss"
ATTACK = "Gunmen killed 12 villagers in Djibo on Sunday, residents said."
FOLLOW_UP = (
    "The toll of Sunday's attack on villagers in Djibo rose to 50, a local official said on "
    "Tuesday. The gunmen had killed 50 civilians."
)
CLASH = "Soldiers killed 9 JNIM militants near Gao on Saturday, the army said."


# ---------------------------------------------------------------- fetcher (fast)


def test_retries_5xx_and_429_with_backoff_then_succeeds() -> None:
    site, answers = Site(), iter([503, 429, 200])
    site.routes["https://a.example/x"] = lambda r: httpx.Response(next(answers), text="ok")
    clock = Clock()
    f = Fetcher(site.client(), min_interval=0, sleep=clock.sleep, clock=clock)
    assert f.get("https://a.example/x").content == b"ok"
    assert clock.slept == [1.0, 2.0]
    assert {r.headers["user-agent"] for r in site.requests} == {USER_AGENT}
    assert USER_AGENT.startswith("fieldreport/0.1.0 (+https://example.invalid/fieldreport)")


def test_retries_are_bounded() -> None:
    site = Site()
    site.routes["https://a.example/x"] = httpx.Response(500)
    with pytest.raises(HttpStatusError) as failed:
        fetcher(site, retries=2, min_interval=0).get("https://a.example/x")
    assert failed.value.status == 500 and site.hits("https://a.example/x") == 3


def test_connect_errors_retry_then_fail() -> None:
    site = Site()

    def down(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    site.routes["https://a.example/robots.txt"] = httpx.Response(404)
    site.routes["https://a.example/x"] = down
    with pytest.raises(FetchError, match="ConnectError") as failed:
        fetcher(site, retries=1, min_interval=0).get("https://a.example/x")
    assert failed.value.code == "fetch_error"


def test_conditional_get_sends_validators_and_reads_304() -> None:
    site = Site()

    def feed(request: httpx.Request) -> httpx.Response:
        if request.headers.get("if-none-match") == '"v1"':
            return httpx.Response(304)
        return httpx.Response(200, text="x", headers={"etag": '"v1"', "last-modified": "Mon"})

    site.routes[FEED] = feed
    f = fetcher(site, min_interval=0)
    first = f.get(FEED)
    assert (first.etag, first.last_modified, first.not_modified) == ('"v1"', "Mon", False)
    again = f.get(FEED, etag=first.etag, last_modified=first.last_modified)
    assert again.not_modified and again.content == b""
    assert site.requests[-1].headers["if-modified-since"] == "Mon"


def test_robots_disallow_is_respected_and_cached() -> None:
    site = Site()
    robots = "https://news.example/robots.txt"
    site.routes[robots] = httpx.Response(200, text="User-agent: *\nDisallow: /private/\n")
    site.routes["https://news.example/ok"] = httpx.Response(200, text="fine")
    f = fetcher(site, min_interval=0)
    with pytest.raises(RobotsDisallowed) as refused:
        f.get("https://news.example/private/a")
    assert refused.value.code == "robots_disallowed"
    assert f.get("https://news.example/ok").content == b"fine"
    assert site.hits("https://news.example/private/a") == 0 and site.hits(robots) == 1


def test_one_host_is_fetched_at_a_polite_pace() -> None:
    site = Site()
    for path in ("a", "b"):
        site.routes[f"https://a.example/{path}"] = httpx.Response(200)
        site.routes[f"https://b.example/{path}"] = httpx.Response(200)
    clock = Clock()
    f = Fetcher(site.client(), min_interval=5.0, sleep=clock.sleep, clock=clock)
    f.get("https://a.example/a")  # robots.txt (404) at t=0, then the page: waits 5 s
    f.get("https://b.example/a")  # another host: robots.txt at once, the page 5 s later
    assert clock.slept == [5.0, 5.0]
    f.get("https://a.example/b")  # a.example was last asked 5 s ago: no wait
    f.get("https://a.example/b")  # asked just now: a full wait
    assert clock.slept == [5.0, 5.0, 5.0]


# ---------------------------------------------------------------- feeds and settings (fast)


def test_parse_rss_and_atom() -> None:
    feed = parse_feed(rss("Sahel Ledger", [item(1, "<b>Gunmen</b> struck &amp; left.")]), url=FEED)
    (one,) = feed.items
    assert feed.title == "Sahel Ledger" and one.key == "https://news.example/a1"
    assert one.summary == "Gunmen struck & left." and one.published == dt.date(2024, 5, 6)
    atom = (
        b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>W</title>'
        b'<entry><id>tag:w,1</id><link href="/n/1"/><title>T</title>'
        b"<updated>2024-05-07T10:00:00Z</updated><summary>S</summary></entry></feed>"
    )
    (entry,) = parse_feed(atom, url="https://w.example/atom").items
    assert (entry.key, entry.link) == ("tag:w,1", "https://w.example/n/1")
    with pytest.raises(BadFeed):
        parse_feed(b"<html><body>not a feed</body></html>", url=FEED)


def test_every_and_feeds_file(tmp_path: Path) -> None:
    assert parse_every("10m") == 600 and parse_every("90s") == 90 and parse_every("2") == 2
    with pytest.raises(ConfigError):
        parse_every("soon")
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(f"# Sahel\n{FEED}\n\nhttps://other.example/atom\n")
    assert read_feeds(feeds) == [FEED, "https://other.example/atom"]
    feeds.write_text("ftp://x/feed\n")
    with pytest.raises(ConfigError, match="line 1"):
        read_feeds(feeds)


def test_watch_tables_live_in_the_store_database(tmp_path: Path) -> None:
    db = tmp_path / "fr.db"
    Store(db).close()  # the store alone makes every table, ours included
    tables = set(inspect(create_engine(f"sqlite:///{db}")).get_table_names())
    assert {"feeds", "seen_items", "alert_rules", "alerts_sent", "incidents"} <= tables


def test_alert_rules_are_validated_and_listed(tmp_path: Path) -> None:
    settings = Settings(db=str(tmp_path / "fr.db"))
    rule_id = add_alert(settings, "Burkina Faso", 20, None, "file:alerts.jsonl")
    assert list_alerts(settings) == [
        AlertRule(rule_id, "file:alerts.jsonl", "BF", 20, None, "high")
    ]
    with pytest.raises(ConfigError):
        add_alert(settings, None, None, None, "mailto:x@example.org")
    with pytest.raises(ConfigError):
        add_alert(settings, "Atlantis", None, None, "file:a.jsonl")


def incident(high: int, revisions: tuple[Revision, ...] = ()) -> Incident:
    span = Span(0, 5, "12 ki")
    return Incident(
        id="inc-1",
        event_type="Violence against civilians",
        sub_event_type="Attack",
        date=DateInfo(dt.date(2024, 5, 5)),
        place=Place("Djibo", "BF", 14.1, -1.6, 1),
        actors=(),
        mention_ids=("a1-0", "a2-0") if revisions else ("a1-0",),
        article_ids=("a1", "a2") if revisions else ("a1",),
        claims=(Claim(span, killed_min=12),),
        fatalities=Fatalities(12, 12, 12, high),
        revisions=revisions,
    )


def test_rules_fire_on_new_matches_and_on_crossings_only() -> None:
    rule = AlertRule(1, "file:x", country="BF", min_fatalities=20)
    at = dt.datetime(2024, 5, 8, tzinfo=dt.UTC)
    assert trigger(rule, incident(12), {"a1-0"}, {"a1"}) is None  # new, under the bar
    assert trigger(rule, incident(30), {"a1-0"}, {"a1"}) == ("new", {})
    crossed = incident(50, (Revision(at, "a2", {"fatalities_high": ("12", "50")}),))
    assert trigger(rule, crossed, {"a2-0"}, {"a2"}) == (
        "revision:a2",
        {"fatalities_high": {"before": "12", "after": "50"}},
    )
    higher = incident(60, (Revision(at, "a2", {"fatalities_high": ("30", "60")}),))
    assert trigger(rule, higher, {"a2-0"}, {"a2"}) is None  # matched already
    assert trigger(AlertRule(2, "file:x", country="ML"), incident(30), {"a1-0"}, {"a1"}) is None


# ---------------------------------------------------------------- polling (real pipeline)


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "watch.db")


def serve_feed(site: Site, items: list[dict[str, str]], *, etag: str | None = None) -> None:
    def feed(request: httpx.Request) -> httpx.Response:
        if etag and request.headers.get("if-none-match") == etag:
            return httpx.Response(304)
        return httpx.Response(
            200, content=rss("Sahel Ledger", items), headers={"etag": etag} if etag else {}
        )

    site.routes[FEED] = feed


def serve_pages(site: Site, items: list[dict[str, str]]) -> None:
    for i in items:
        site.routes[i["link"]] = page(i["title"], i["summary"], "Our correspondent reports.")


@pytest.mark.slow
def test_new_items_are_stored_and_repeats_skipped(db: str, pipeline: Pipeline) -> None:
    site = Site()
    items = [item(1, ATTACK), item(2, CLASH, dt.date(2024, 5, 5))]
    serve_feed(site, items)  # no ETag: the feed comes back whole each time
    serve_pages(site, items)
    f = fetcher(site, min_interval=0)
    first = poll_once([FEED], db, None, fetcher=f, pipeline=pipeline)
    assert first.new_items == 2 and first.articles_added == 2 and first.mentions >= 2
    assert first.incidents_new == 2 and not first.failed
    with Store(db) as store:
        (stored,) = [a for a in store.mentions() if "Djibo" in a[1].sentence.text]
        assert stored[0].url == "https://news.example/a1" and stored[0].outlet == "Sahel Ledger"
        assert stored[0].fetched_at is not None
    second = poll_once([FEED], db, None, fetcher=f, pipeline=pipeline)
    assert (second.new_items, second.articles_added, second.incidents_new) == (0, 0, 0)
    assert site.hits("https://news.example/a1") == 1  # pages of seen items are not refetched


@pytest.mark.slow
def test_etag_gives_304_and_nothing_is_parsed(db: str, pipeline: Pipeline) -> None:
    site = Site()
    items = [item(1, ATTACK)]
    serve_feed(site, items, etag='"v1"')
    serve_pages(site, items)
    f = fetcher(site, min_interval=0)
    poll_once([FEED], db, None, fetcher=f, pipeline=pipeline)
    again = poll_once([FEED], db, None, fetcher=f, pipeline=pipeline)
    assert [o.status for o in again.feeds] == ["not_modified"]
    assert site.requests[-1].headers["if-none-match"] == '"v1"'
    with WatchState(db) as state:
        (known,) = state.feeds()
    assert known.etag == '"v1"' and known.last_ok_at is not None and known.error_count == 0


@pytest.mark.slow
def test_a_failing_feed_is_reported_and_retried_while_others_go_on(
    db: str, pipeline: Pipeline
) -> None:
    site = Site()
    items = [item(1, ATTACK)]
    serve_feed(site, items)
    serve_pages(site, items)
    broken = "https://down.example/rss"
    answers = iter([500] * 4 + [200])  # four tries in the first poll, fine in the second
    site.routes[broken] = lambda r: httpx.Response(
        next(answers), content=rss("Down", [item(7, CLASH, host="down.example")])
    )
    f = fetcher(site, min_interval=0)
    first = poll_once([broken, FEED], db, None, fetcher=f, pipeline=pipeline, fetch_pages=False)
    (failed,) = first.failed
    assert failed.url == broken and "500" in (failed.error or "")
    assert first.articles_added == 1  # the healthy feed went on
    with WatchState(db) as state:
        assert state.feed(broken).error_count == 1
    with Store(db) as store:
        assert (broken, "http_status_error") in [(s, c) for s, c, _ in store.failures()]
    second = poll_once([broken, FEED], db, None, fetcher=f, pipeline=pipeline, fetch_pages=False)
    assert not second.failed and second.articles_added == 1
    with WatchState(db) as state:
        recovered = state.feed(broken)
    assert recovered.error_count == 0 and recovered.last_error is None


@pytest.mark.slow
def test_a_page_that_fails_is_read_from_the_summary(db: str, pipeline: Pipeline) -> None:
    site = Site()
    items = [item(1, ATTACK)]
    serve_feed(site, items)
    site.routes[items[0]["link"]] = httpx.Response(404)
    report = poll_once([FEED], db, None, fetcher=fetcher(site, min_interval=0), pipeline=pipeline)
    assert report.page_failures == 1 and report.articles_added == 1 and report.mentions == 1
    with Store(db) as store:
        ((article, mention),) = store.mentions()
        assert article.text == f"Report 1\n{ATTACK}" and mention.place is not None
        assert ("https://news.example/a1", "http_status_error") in [
            (s, c) for s, c, _ in store.failures()
        ]


@pytest.mark.slow
def test_robots_disallowed_pages_are_not_fetched(db: str, pipeline: Pipeline) -> None:
    site = Site()
    items = [item(1, ATTACK)]
    serve_feed(site, items)
    serve_pages(site, items)
    site.routes["https://news.example/robots.txt"] = httpx.Response(
        200, text="User-agent: fieldreport\nDisallow: /a\n"
    )
    report = poll_once([FEED], db, None, fetcher=fetcher(site, min_interval=0), pipeline=pipeline)
    assert report.page_failures == 1 and report.articles_added == 1
    assert site.hits(items[0]["link"]) == 0
    with Store(db) as store:
        assert [c for s, c, _ in store.failures() if s == items[0]["link"]] == ["robots_disallowed"]


@pytest.mark.slow
def test_a_restart_does_not_process_items_again(db: str, pipeline: Pipeline) -> None:
    site = Site()
    items = [item(1, ATTACK), item(2, CLASH, dt.date(2024, 5, 5))]
    serve_feed(site, items)
    serve_pages(site, items)
    poll_once([FEED], db, None, fetcher=fetcher(site, min_interval=0), pipeline=pipeline)
    pages_before = site.hits(items[0]["link"]) + site.hits(items[1]["link"])
    # a new process: new fetcher, store and state objects on the same database file
    again = poll_once([FEED], Settings(db=db), site.client(), pipeline=pipeline)
    assert (again.new_items, again.articles_added) == (0, 0)
    assert site.hits(items[0]["link"]) + site.hits(items[1]["link"]) == pages_before
    with WatchState(db) as state:
        assert state.seen_count() == 2


@pytest.mark.slow
def test_a_follow_up_revises_the_incident_and_fires_one_alert(
    db: str, pipeline: Pipeline, tmp_path: Path
) -> None:
    settings = Settings(db=db)
    out = tmp_path / "alerts.jsonl"
    rule_id = add_alert(settings, "Burkina Faso", 20, None, f"file:{out}")
    site = Site()
    first = [item(1, ATTACK)]
    follow = [*first, item(2, FOLLOW_UP, dt.date(2024, 5, 8))]
    serve_feed(site, first)
    serve_pages(site, follow)
    f = fetcher(site, min_interval=0)
    report = poll_once([FEED], settings, None, fetcher=f, pipeline=pipeline)
    assert report.incidents_new == 1 and report.alerts.queued == 0 and not out.exists()
    with Store(db) as store:
        (before,) = store.incidents()
    assert before.fatalities.high == 12

    serve_feed(site, follow)
    report = poll_once([FEED], settings, None, fetcher=f, pipeline=pipeline)
    assert (report.incidents_new, report.incidents_updated) == (0, 1)
    assert (report.alerts.queued, report.alerts.sent) == (1, 1)
    with Store(db) as store:
        (after,) = store.incidents()
    assert after.id == before.id and after.fatalities.high == 50
    assert after.revisions[-1].changes["fatalities_high"] == ("12", "50")

    (line,) = out.read_text().splitlines()
    alert = json.loads(line)
    assert alert["trigger"] == "revision" and alert["rule"]["id"] == rule_id
    assert alert["incident"]["id"] == after.id and alert["incident"]["place"]["name"] == "Djibo"
    assert alert["incident"]["fatalities"] == {"acled": 12, "low": 12, "best": 12, "high": 50}
    assert alert["changes"]["fatalities_high"] == {"before": "12", "after": "50"}
    quotes = [e["quote"] for e in alert["evidence"]]
    assert any("12 villagers" in q for q in quotes) and any("50" in q for q in quotes)
    assert {s["url"] for s in alert["sources"]} == {i["link"] for i in follow}

    quiet = poll_once([FEED], settings, None, fetcher=f, pipeline=pipeline)
    assert quiet.alerts.queued == 0 and len(out.read_text().splitlines()) == 1


@pytest.mark.slow
def test_webhook_alerts_go_through_the_client_and_retry(
    db: str, pipeline: Pipeline, tmp_path: Path
) -> None:
    settings = Settings(db=db)
    hook = "https://hooks.example/alert"
    add_alert(settings, None, 5, "Violence against civilians", f"webhook:{hook}")
    site = Site()
    items = [item(1, ATTACK)]
    serve_feed(site, items)
    serve_pages(site, items)
    answers = iter([502] * 4 + [200])
    site.routes[hook] = lambda r: httpx.Response(next(answers))
    f = fetcher(site, min_interval=0)
    first = poll_once([FEED], settings, None, fetcher=f, pipeline=pipeline)
    assert (first.alerts.queued, first.alerts.sent, first.alerts.failed) == (1, 0, 1)
    second = poll_once([FEED], settings, None, fetcher=f, pipeline=pipeline)
    assert (second.alerts.queued, second.alerts.sent) == (0, 1)
    (posted,) = [r for r in site.requests if str(r.url) == hook][-1:]
    body = json.loads(posted.content)
    assert body["trigger"] == "new" and body["incident"]["fatalities"]["high"] == 12
    assert posted.headers["user-agent"] == USER_AGENT


@pytest.mark.slow
def test_watch_once_reads_the_feeds_file(db: str, pipeline: Pipeline, tmp_path: Path) -> None:
    site = Site()
    items = [item(1, ATTACK)]
    serve_feed(site, items)
    serve_pages(site, items)
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(FEED + "\n")
    reports: list[Any] = []
    f = fetcher(site, min_interval=0)
    polls = watch(
        feeds, Settings(db=db), 600, True, site.client(), fetcher=f, on_report=reports.append
    )
    assert polls == 1 and reports[0].articles_added == 1
