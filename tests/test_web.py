"""The web page in a real browser: Debian's Chromium driven by Playwright, over the real API.

The app (``fieldreport.api.create_app``) runs under uvicorn on 127.0.0.1 over a store built
from ``examples/`` plus one article whose text holds a ``<script>`` tag. The page must show
the incidents on the map and in the table, filter them, open one with its claims and the
evidence highlighted in each report, show untrusted text as text, and ask nothing of any
host but the local server. Needs ``/usr/bin/chromium`` and the vendored libraries
(``make web``); skipped, with the reason, without them.
"""

from __future__ import annotations

import json
import os
import socket
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
STATIC = ROOT / "src" / "fieldreport" / "api" / "static"
VENDOR = STATIC / "vendor"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
VENDORED = (
    "leaflet/leaflet.js",
    "leaflet/leaflet.css",
    "markercluster/leaflet.markercluster.js",
    "topojson-client/topojson-client.min.js",
    "world-atlas/countries-110m.json",
)
SCRIPT = "<script>window.__pwned = 1</script>"
HOSTILE = f"""Title: Gunmen attack village near Dori {SCRIPT}
Published: 2024-04-20
Outlet: Injection Test Wire
URL: https://injection.example/dori

Gunmen attack village near Dori

DORI, April 20 (Injection Test Wire) - Suspected jihadist gunmen killed seven civilians in \
an attack on the village of Seytenga near Dori on Thursday, local officials said. {SCRIPT} \
A resident said the attackers arrived on motorbikes and set fire to the market <b>before</b> \
fleeing.
"""
TIMEOUT_MS = 15_000

if not (CHROMIUM.exists() and os.access(CHROMIUM, os.X_OK)):
    pytest.skip(
        f"{CHROMIUM} is not installed (Debian: apt-get install chromium)", allow_module_level=True
    )
_missing = [name for name in VENDORED if not (VENDOR / name).is_file()]
if _missing:
    pytest.skip(
        f"the page's vendored libraries are missing ({', '.join(_missing)}): run `make web`",
        allow_module_level=True,
    )
sync_api = pytest.importorskip(
    "playwright.sync_api", reason="the playwright package is not installed"
)
uvicorn = pytest.importorskip("uvicorn", reason="uvicorn is not installed")

pytestmark = pytest.mark.slow


# ---------------------------------------------------------------------------------------
# The server


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _make_app(settings: Any) -> Any:
    from fieldreport.api import create_app

    return create_app(settings)


class Server:
    def __init__(self, base: str) -> None:
        self.base = base
        self.host = urllib.parse.urlsplit(base).netloc

    def get(self, path: str, **params: Any) -> Any:
        query = urllib.parse.urlencode({k: v for k, v in params.items() if v is not None})
        url = f"{self.base}{path}" + (f"?{query}" if query else "")
        with urllib.request.urlopen(url, timeout=10) as response:
            return json.load(response)

    def incidents(self, **params: Any) -> list[dict[str, Any]]:
        rows: list[dict[str, Any]] = self.get("/api/incidents", limit=1000, **params)["data"]
        return rows


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    from fieldreport.config import Settings
    from fieldreport.service import ingest_paths

    root = tmp_path_factory.mktemp("web")
    extra = root / "extra"
    extra.mkdir()
    (extra / "99-hostile.txt").write_text(HOSTILE, encoding="utf-8")
    settings = Settings(db=str(root / "web.db"))
    report = ingest_paths([EXAMPLES, extra], settings)
    assert report.added > 1 and report.incidents_new > 1, report

    app = _make_app(settings)
    port = _free_port()
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on")
    uv = uvicorn.Server(config)
    thread = threading.Thread(target=uv.run, name="fieldreport-web-test", daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not uv.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield Server(f"http://127.0.0.1:{port}")
    finally:
        uv.should_exit = True
        thread.join(timeout=10)


# ---------------------------------------------------------------------------------------
# The browser


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


class Visit:
    """One page with everything it asked for and every error it raised."""

    def __init__(self, page: Any, server: Server) -> None:
        self.page = page
        self.server = server
        self.requests: list[str] = []
        self.errors: list[str] = []
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("pageerror", lambda error: self.errors.append(str(error)))

    def open(self, path: str = "/") -> Any:
        self.page.goto(self.server.base + path)
        self.page.wait_for_selector("body[data-ready=true]", timeout=TIMEOUT_MS)
        return self.page

    def foreign(self) -> list[str]:
        out = []
        for url in self.requests:
            parts = urllib.parse.urlsplit(url)
            if parts.scheme in {"data", "blob", "about"}:
                continue
            if parts.hostname != "127.0.0.1":
                out.append(url)
        return out

    def rows(self) -> Any:
        return self.page.locator("#incidents-table tbody tr[data-id]")

    def open_incident(self, incident_id: str) -> Any:
        self.page.locator(f'#incidents-table tbody tr[data-id="{incident_id}"]').click()
        self.page.wait_for_selector(
            f'#incident:not([hidden]) .incident-id code:text-is("{incident_id}")',
            timeout=TIMEOUT_MS,
        )
        self.page.wait_for_selector(".report-text", timeout=TIMEOUT_MS)
        return self.page.locator("#incident")


@pytest.fixture
def visit(browser: Any, server: Server) -> Iterator[Visit]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    seen = Visit(page, server)
    try:
        yield seen
        assert seen.errors == [], f"the page raised: {seen.errors}"
        assert seen.foreign() == [], f"requests to other hosts: {seen.foreign()}"
    finally:
        context.close()


def _wait_rows(visit: Visit, ids: set[str]) -> None:
    visit.page.wait_for_function(
        """ids => {
            const rows = [...document.querySelectorAll('#incidents-table tbody tr[data-id]')];
            const got = rows.map(r => r.dataset.id).sort();
            return JSON.stringify(got) === JSON.stringify(ids);
        }""",
        arg=sorted(ids),
        timeout=TIMEOUT_MS,
    )


# ---------------------------------------------------------------------------------------
# The tests


def test_map_and_table_show_every_incident(visit: Visit) -> None:
    incidents = visit.server.incidents()
    located = [i for i in incidents if i["latitude"] is not None]
    assert located, "the examples should give located incidents"
    page = visit.open()
    _wait_rows(visit, {i["id"] for i in incidents})
    assert page.get_attribute("#map", "data-markers") == str(len(located))
    # markers or clusters of them are drawn on the map; no tile layer, country outlines are
    page.wait_for_selector(".leaflet-marker-pane .marker-cluster, path.incident-marker")
    drawn = page.locator("path.incident-marker").count()
    clustered = page.locator(".leaflet-marker-pane .marker-cluster").count()
    assert drawn + clustered > 0
    assert page.locator(".leaflet-tile").count() == 0
    page.wait_for_function("document.querySelectorAll('.leaflet-countries-pane path').length > 0")
    # the timeline has a bar per bucket and counts every dated incident
    bars = page.locator("#timeline rect.bar")
    assert bars.count() > 0
    counted = page.evaluate(
        """() => [...document.querySelectorAll('#timeline rect.bar title')]
            .map(t => Number(t.textContent.split(': ')[1].split(' ')[0]))
            .reduce((a, b) => a + b, 0)"""
    )
    assert counted == sum(1 for i in incidents if i["date"])


def test_a_marker_opens_its_incident(visit: Visit) -> None:
    page = visit.open()
    page.wait_for_selector(".leaflet-marker-pane .marker-cluster, path.incident-marker")
    for _ in range(6):  # zoom in until a single marker is out of its cluster
        if page.locator("path.incident-marker").count():
            break
        page.locator(".leaflet-control-zoom-in").click()
        page.wait_for_timeout(400)
    marker = page.locator("path.incident-marker").first
    marker.dispatch_event("click")
    page.wait_for_selector("#incident:not([hidden]) table.claims, #incident:not([hidden]) .facts")
    title = page.locator("#incident-title").inner_text()
    assert title and title != "Loading incident…"


def test_event_type_filter_changes_rows_and_markers(visit: Visit) -> None:
    incidents = visit.server.incidents()
    counts: dict[str, int] = {}
    for i in incidents:
        counts[i["event_type"]] = counts.get(i["event_type"], 0) + 1
    event_type = max((t for t in counts if counts[t] < len(incidents)), key=lambda t: counts[t])
    wanted = visit.server.incidents(event_type=event_type)
    assert 0 < len(wanted) < len(incidents)

    page = visit.open()
    _wait_rows(visit, {i["id"] for i in incidents})
    before = page.get_attribute("#map", "data-markers")
    page.select_option("#f-type", event_type)
    _wait_rows(visit, {i["id"] for i in wanted})
    types = page.eval_on_selector_all(
        "#incidents-table tbody tr[data-id]", "rows => rows.map(r => r.dataset.type)"
    )
    assert set(types) == {event_type}
    located = sum(1 for i in wanted if i["latitude"] is not None)
    page.wait_for_function(
        "n => document.getElementById('map').dataset.markers === String(n)", arg=located
    )
    assert page.get_attribute("#map", "data-markers") != before
    assert any(f"event_type={urllib.parse.quote_plus(event_type)}" in u for u in visit.requests)

    page.select_option("#f-type", "")  # back to every type
    _wait_rows(visit, {i["id"] for i in incidents})


def test_brushing_the_timeline_filters_by_date(visit: Visit) -> None:
    incidents = visit.server.incidents()
    page = visit.open()
    _wait_rows(visit, {i["id"] for i in incidents})
    box = page.locator("#timeline").bounding_box()
    assert box
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + 30, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.45, y, steps=8)
    page.mouse.up()
    page.wait_for_function("document.getElementById('f-since').value !== ''")
    since = page.input_value("#f-since")
    until = page.input_value("#f-until")
    assert since <= until
    wanted = visit.server.incidents(since=since, until=until)
    assert len(wanted) < len(incidents)
    _wait_rows(visit, {i["id"] for i in wanted})
    dates = page.eval_on_selector_all(
        "#incidents-table tbody tr[data-id] td:first-child", "cells => cells.map(c => c.innerText)"
    )
    assert all(since <= d <= until for d in dates)
    assert page.locator("#timeline rect.brush").count() == 1
    page.click("#brush-reset")
    _wait_rows(visit, {i["id"] for i in incidents})
    assert page.input_value("#f-since") == ""


def test_incident_view_shows_claims_and_evidence(visit: Visit) -> None:
    listed = visit.server.incidents()
    chosen = max(listed, key=lambda i: (i["claims"], i["fatalities"]))
    assert chosen["claims"] > 0
    full = visit.server.get(f"/api/incidents/{chosen['id']}")
    article_id = full["article_ids"][0]
    article = visit.server.get(f"/api/articles/{article_id}")

    page = visit.open()
    view = visit.open_incident(chosen["id"])
    assert full["event_type"] in view.locator("#incident-title").inner_text()
    claims = view.locator("table.claims tbody tr")
    assert claims.count() == len(full["claims"])
    header = view.locator("table.claims thead").inner_text().lower()
    for column in ("claimant", "kind", "relayed by", "killed min", "killed max", "phrase"):
        assert column in header
    first = full["claims"][0]
    assert str(first["killed_min"]) in claims.first.inner_text()

    report = view.locator(f'.report-text[data-article="{article_id}"]')
    report.locator("mark[data-field]").first.wait_for()
    # the report text is whole: the marks only wrap it
    assert report.evaluate("n => n.textContent") == article["text"]
    fields = set(
        report.locator("mark[data-field]").evaluate_all("ms => ms.map(m => m.dataset.field)")
    )
    mention = next(m for m in full["mentions"] if m["article"]["id"] == article_id)
    assert set(mention["evidence"]) - {"sentence"} <= fields
    assert "claim" in fields
    if "place" in mention["evidence"]:
        place = report.locator('mark[data-field="place"]').first
        assert place.evaluate("n => n.textContent") == mention["evidence"]["place"]["text"]
        # hovering the Place fact lights up its words in the report
        view.locator('.fact[data-field="place"]').hover()
        page.wait_for_selector('.report-text mark[data-field="place"].active')
        assert "place" in (place.get_attribute("title") or "")


def test_untrusted_article_text_stays_text(visit: Visit) -> None:
    listed = visit.server.incidents()
    hostile = [i for i in listed if "Injection Test Wire" in (i["outlets"] or "")]
    assert hostile, "the hostile article should make an incident"
    page = visit.open()
    view = visit.open_incident(hostile[0]["id"])
    text = view.locator(".report-text")
    text.locator("mark").first.wait_for()
    assert SCRIPT in text.first.inner_text()
    assert "<b>before</b>" in text.first.inner_text()
    assert SCRIPT in view.locator(".report h4").first.inner_text()
    assert view.locator("script, b").count() == 0
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.eval_on_selector_all("script", "s => s.filter(x => !x.src).length") == 0


def test_the_page_asks_only_the_local_server(visit: Visit) -> None:
    page = visit.open()
    first = visit.server.incidents()[0]
    visit.open_incident(first["id"])
    page.wait_for_load_state("networkidle")
    assert visit.requests, "the page made no request at all?"
    hosts = {urllib.parse.urlsplit(u).netloc for u in visit.requests if u.startswith("http")}
    assert hosts == {visit.server.host}
    assert any("/vendor/world-atlas/countries-110m.json" in u for u in visit.requests)


@pytest.mark.skipif(
    not os.environ.get("FIELDREPORT_SCREENSHOT"), reason="set FIELDREPORT_SCREENSHOT=path"
)
def test_screenshot(visit: Visit) -> None:
    """Not a check: FIELDREPORT_SCREENSHOT=/tmp/page.png saves the page with an incident open."""
    listed = visit.server.incidents()
    chosen = max(listed, key=lambda i: (i["claims"], i["fatalities"]))
    page = visit.open()
    visit.open_incident(chosen["id"])
    page.locator(".report-text mark").first.wait_for()
    page.set_viewport_size({"width": 1400, "height": 1100})
    page.wait_for_timeout(600)
    page.evaluate("document.getElementById('incident').scrollTop = 330")
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=os.environ["FIELDREPORT_SCREENSHOT"])
    assert Path(os.environ["FIELDREPORT_SCREENSHOT"]).stat().st_size > 0
