"""The JSON API on a real SQLite store built by ingesting examples/ with the real pipeline."""

from __future__ import annotations

import asyncio
import csv
import datetime as dt
import io
import json
import os
import sqlite3
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from conftest import BACKENDS, fresh_database
from fieldreport import service
from fieldreport.api import create_app
from fieldreport.api import server as api_server
from fieldreport.config import Settings
from fieldreport.export.acled import ACLED_COLUMNS
from fieldreport.export.incidents import write_incidents
from fieldreport.pipeline import Pipeline
from fieldreport.store import Store

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
GOLDEN = Path(__file__).parent / "openapi.json"
TOKEN = "s3cret-token"

NEW_ARTICLE = {
    "title": "Gunmen kill eight villagers near Koro",
    "published": "2024-08-14",
    "outlet": "Mopti Courier",
    "url": "https://mopticourier.example/2024/08/14/koro-attack",
    "text": (
        "MOPTI, Aug 14 (Mopti Courier) - Unidentified gunmen killed eight villagers in an "
        "attack on a village near Koro on Monday, the mayor said.\n\n"
        "The attackers arrived on motorbikes at dawn, set granaries on fire and shot "
        "residents who tried to flee, according to the mayor and two residents."
    ),
}


class Client:
    """A synchronous face on ``httpx.AsyncClient`` over the app, in process (no sockets).

    httpx's ASGITransport runs no lifespan, so leaving ``with Client(app)`` closes the app's
    store, as a server's shutdown does; otherwise its pooled connections outlive the test.
    """

    def __init__(self, app: FastAPI) -> None:
        self.app = app

    def __enter__(self) -> Client:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.app.state.fieldreport.close()

    def request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        async def run() -> httpx.Response:
            transport = httpx.ASGITransport(app=self.app)
            async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
                return await client.request(method, url, **kwargs)

        return asyncio.run(run())

    def get(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("GET", url, **kwargs)

    def post(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("POST", url, **kwargs)


def assert_error(response: httpx.Response, status: int, code: str) -> dict[str, Any]:
    """The one error shape: {"error": {"code", "message", "status"}}."""
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message", "status"}
    assert body["error"]["status"] == status
    assert body["error"]["code"] == code
    assert body["error"]["message"]
    error: dict[str, Any] = body["error"]
    return error


@pytest.fixture(scope="module", params=BACKENDS)
def settings(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> Settings:
    db = fresh_database(request.param, tmp_path_factory.mktemp("api"))
    settings = Settings(db=db)
    report = service.ingest_paths([EXAMPLES], settings)
    assert report.failed == 0 and report.added >= 10
    return settings


@pytest.fixture(scope="module")
def client(settings: Settings) -> Iterator[Client]:
    with Client(create_app(settings)) as client:
        yield client


@pytest.fixture(scope="module")
def everything(client: Client) -> list[dict[str, Any]]:
    body = client.get("/api/incidents", params={"limit": 1000}).json()
    assert body["count"] == len(body["data"]) >= 10
    data: list[dict[str, Any]] = body["data"]
    return data


def listing(client: Client, **params: Any) -> dict[str, Any]:
    response = client.get("/api/incidents", params={"limit": 1000, **params})
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    assert set(body) == {"data", "count"}
    assert body["count"] == len(body["data"])
    return body


def find(rows: list[dict[str, Any]], location: str) -> dict[str, Any]:
    return next(r for r in rows if r["location"] == location)


# ---------------------------------------------------------------- GET /api/incidents


def test_list_has_every_incident_newest_first(
    client: Client, settings: Settings, everything: list[dict[str, Any]]
) -> None:
    with Store(settings.db) as store:
        stored = store.incidents()
    assert {r["id"] for r in everything} == {i.id for i in stored}
    dates = [r["date"] for r in everything if r["date"]]
    assert dates == sorted(dates, reverse=True)
    djibo = find(everything, "Djibo")
    assert djibo["event_type"] == "Battles" and djibo["country"] == "BF"
    assert djibo["admin1"] == "Sahel" and djibo["date"] == "2024-03-09"
    assert "fatalities_best" in djibo and djibo["reports"] >= 1


@pytest.mark.parametrize("country", ["ML", "ml", "Mali", "mali"])
def test_country_by_code_or_name(client: Client, country: str) -> None:
    body = listing(client, country=country)
    assert body["count"] >= 3
    assert {r["country"] for r in body["data"]} == {"ML"}


def test_unknown_country_matches_nothing(client: Client) -> None:
    assert listing(client, country="Atlantis")["count"] == 0


def test_admin1(client: Client) -> None:
    body = listing(client, admin1="Sahel")
    assert {r["location"] for r in body["data"]} >= {"Djibo"}
    assert {r["admin1"] for r in body["data"]} == {"Sahel"}


def test_date_range(client: Client, everything: list[dict[str, Any]]) -> None:
    body = listing(client, since="2024-05-01", until="2024-06-30")
    expected = {
        r["id"]
        for r in everything
        if r["date"] and r["date_end"] >= "2024-05-01" and r["date"] <= "2024-06-30"
    }
    assert {r["id"] for r in body["data"]} == expected
    assert {"Tessit", "Ménaka", "Timbuktu", "Ayorou"} <= {r["location"] for r in body["data"]}


def test_event_type_and_sub_type(client: Client) -> None:
    battles = listing(client, event_type="Battles")
    assert battles["count"] >= 3
    assert {r["event_type"] for r in battles["data"]} == {"Battles"}
    assert listing(client, event_type="battles")["count"] == battles["count"]
    drone = listing(client, sub_event_type="Air/drone strike")
    assert [r["location"] for r in drone["data"]] == ["Ayorou"]


def test_actor_substring(client: Client) -> None:
    body = listing(client, actor="jnim")
    assert [r["location"] for r in body["data"]] == ["Djibo"]
    assert listing(client, actor="Military Forces of Niger")["count"] >= 3


def test_bbox(client: Client) -> None:
    body = listing(client, bbox="-6,9,3,15.5")  # Burkina Faso
    assert body["count"] >= 3
    for row in body["data"]:
        assert -6 <= row["longitude"] <= 3 and 9 <= row["latitude"] <= 15.5
    assert listing(client, bbox="170,-10,-170,10")["count"] == 0  # across the antimeridian


@pytest.mark.parametrize("bbox", ["1,2,3", "a,b,c,d", "0,50,10,40", "0,0,200,10"])
def test_bad_bbox_is_invalid_request(client: Client, bbox: str) -> None:
    assert_error(client.get("/api/incidents", params={"bbox": bbox}), 422, "invalid_request")


def test_min_fatalities(client: Client, everything: list[dict[str, Any]]) -> None:
    body = listing(client, min_fatalities=20)
    assert body["count"] == sum(1 for r in everything if r["fatalities"] >= 20) >= 1
    assert all(r["fatalities"] >= 20 for r in body["data"])


def test_text_search(client: Client) -> None:
    assert [r["location"] for r in listing(client, q="Djibo")["data"]] == ["Djibo"]
    assert [r["location"] for r in listing(client, q="djibo JNIM")["data"]] == ["Djibo"]
    assert listing(client, q="djibo protest")["count"] == 0
    assert listing(client, q="Sahel Daily Monitor")["count"] >= 1  # outlets are searched


def test_filters_combine(client: Client) -> None:
    body = listing(client, country="Burkina Faso", event_type="Battles", since="2024-03-01")
    assert [r["location"] for r in body["data"]] == ["Djibo"]


@pytest.mark.parametrize("sort", ["date", "-date", "fatalities", "-fatalities"])
def test_sort(client: Client, sort: str) -> None:
    rows = listing(client, sort=sort)["data"]
    key = sort.lstrip("-")
    values = [r[key] for r in rows if r[key] is not None]
    assert values == sorted(values, reverse=sort.startswith("-"))


def test_bad_sort_and_limit(client: Client) -> None:
    assert_error(client.get("/api/incidents?sort=id"), 422, "invalid_request")
    assert_error(client.get("/api/incidents?limit=0"), 422, "invalid_request")
    assert_error(client.get("/api/incidents?limit=1001"), 422, "invalid_request")
    assert_error(client.get("/api/incidents?offset=-1"), 422, "invalid_request")
    assert_error(client.get("/api/incidents?min_fatalities=many"), 422, "invalid_request")


def test_pagination_and_count(client: Client, everything: list[dict[str, Any]]) -> None:
    pages = []
    for offset in range(0, len(everything) + 5, 5):
        body = client.get("/api/incidents", params={"limit": 5, "offset": offset}).json()
        assert body["count"] == len(everything)
        assert len(body["data"]) <= 5
        pages.extend(body["data"])
    assert [r["id"] for r in pages] == [r["id"] for r in everything]
    default = client.get("/api/incidents").json()
    assert default["count"] == len(everything) and len(default["data"]) == len(everything)


@pytest.mark.parametrize(
    "bad_date", ["2024-13-01", "yesterday", "2024-02-30", "'; DROP TABLE incidents; --"]
)
def test_bad_date_is_invalid_request(client: Client, bad_date: str) -> None:
    error = assert_error(
        client.get("/api/incidents", params={"since": bad_date}), 422, "invalid_request"
    )
    assert "since" in error["message"]


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("country", "ML' OR '1'='1"),
        ("admin1", "Sahel' OR 1=1 --"),
        ("event_type", "Battles'; DROP TABLE incidents; --"),
        ("actor", "%' OR 1=1 --"),
        ("actor", "%"),
        ("q", "_"),
        ("q", "'; DELETE FROM incidents; --"),
        ("q", '" OR ""="'),
    ],
)
def test_sql_injection_is_just_text(
    client: Client, everything: list[dict[str, Any]], name: str, value: str
) -> None:
    assert listing(client, **{name: value})["count"] == 0
    assert listing(client)["count"] == len(everything)  # nothing dropped or deleted


# ---------------------------------------------------------------- one incident, one article


def test_incident_detail_with_mentions(client: Client, everything: list[dict[str, Any]]) -> None:
    djibo = find(everything, "Djibo")
    detail = client.get(f"/api/incidents/{djibo['id']}").json()
    assert detail["id"] == djibo["id"]
    assert detail["place"]["name"] == "Djibo" and detail["date"]["date"] == "2024-03-09"
    assert len(detail["claims"]) >= 2
    assert [m["mention_id"] for m in detail["mentions"]] == detail["mention_ids"]
    mention = detail["mentions"][0]
    assert set(mention) >= {"mention_id", "article", "sentence", "evidence", "actors", "claims"}
    assert mention["article"]["outlet"] == "Sahel Daily Monitor"
    assert mention["article"]["published"] == "2024-03-12"
    assert "date" in mention["evidence"] and mention["actors"]


def test_spans_are_offsets_into_the_article_text(
    client: Client, everything: list[dict[str, Any]]
) -> None:
    checked = 0
    for row in everything:
        detail = client.get(f"/api/incidents/{row['id']}").json()
        for mention in detail["mentions"]:
            article = client.get(f"/api/articles/{mention['article']['id']}").json()
            text = article["text"]
            spans = [mention["sentence"], *mention["evidence"].values()]
            spans += [a["evidence"] for a in mention["actors"]]
            spans += [c["evidence"] for c in mention["claims"]]
            for span in spans:
                assert text[span["start"] : span["end"]] == span["text"]
                checked += 1
            assert mention["mention_id"] in {m["mention_id"] for m in article["mentions"]}
    assert checked > 50


def test_article_detail(client: Client, everything: list[dict[str, Any]]) -> None:
    detail = client.get(f"/api/incidents/{find(everything, 'Tessit')['id']}").json()
    article_id = detail["article_ids"][0]
    article = client.get(f"/api/articles/{article_id}").json()
    assert set(article) == {"id", "title", "outlet", "url", "published", "text", "mentions"}
    assert len(article["mentions"]) == 2  # the Ménaka IED and the Tessit herders
    starts = [m["sentence"]["start"] for m in article["mentions"]]
    assert starts == sorted(starts)


def test_missing_incident_and_article_are_404(client: Client) -> None:
    error = assert_error(client.get("/api/incidents/inc-nope"), 404, "not_found")
    assert "inc-nope" in error["message"]
    assert_error(client.get("/api/articles/0000000000000000"), 404, "not_found")
    assert_error(client.get("/api/incidents/x' OR '1'='1"), 404, "not_found")


def test_unknown_route_is_404_with_the_shape(client: Client) -> None:
    assert_error(client.get("/api/nothing-here"), 404, "not_found")
    assert_error(client.request("DELETE", "/api/incidents"), 405, "method_not_allowed")


# ---------------------------------------------------------------- stats


def test_stats(client: Client, everything: list[dict[str, Any]]) -> None:
    stats = client.get("/api/stats").json()
    assert set(stats) == {"per_week", "per_type", "per_country"}
    total = len(everything)
    dead = sum(r["fatalities"] for r in everything)
    assert sum(t["incidents"] for t in stats["per_type"]) == total
    assert sum(t["fatalities"] for t in stats["per_type"]) == dead
    assert sum(c["incidents"] for c in stats["per_country"]) == total
    assert sum(w["incidents"] for w in stats["per_week"]) == sum(1 for r in everything if r["date"])
    weeks = [w["week"] for w in stats["per_week"]]
    assert weeks == sorted(weeks)
    assert "2024-03-04" in weeks  # the Monday of the Djibo clash (Saturday 2024-03-09)
    burkina = next(c for c in stats["per_country"] if c["country"] == "BF")
    assert burkina["country_name"] == "Burkina Faso"
    battles = next(t for t in stats["per_type"] if t["event_type"] == "Battles")
    assert battles["incidents"] == listing(client, event_type="Battles")["count"]


def test_stats_take_the_filters(client: Client) -> None:
    stats = client.get("/api/stats", params={"country": "Mali"}).json()
    assert [c["country"] for c in stats["per_country"]] == ["ML"]


# ---------------------------------------------------------------- export


def test_export_acled_matches_the_cli(client: Client, settings: Settings) -> None:
    response = client.get("/api/export", params={"format": "acled", "since": "2000-01-01"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert 'filename="fieldreport-incidents.csv"' in response.headers["content-disposition"]
    with Store(settings.db) as store:
        incidents = store.incidents(since=dt.date(2000, 1, 1))
    expected = io.StringIO()
    write_incidents(incidents, "acled", expected)
    assert response.text == expected.getvalue()
    assert next(csv.reader(io.StringIO(response.text))) == list(ACLED_COLUMNS)


def test_export_csv_is_acled_and_filtered(client: Client) -> None:
    response = client.get("/api/export", params={"format": "csv", "country": "NE"})
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert rows and {r["country"] for r in rows} == {"Niger"}
    assert {r["event_date"] for r in rows} >= {"2024-06-18", "2024-06-19", "2024-06-20"}


def test_export_geojson(client: Client, everything: list[dict[str, Any]]) -> None:
    response = client.get("/api/export", params={"format": "geojson"})
    assert response.headers["content-type"] == "application/geo+json"
    assert "fieldreport-incidents.geojson" in response.headers["content-disposition"]
    collection = json.loads(response.text)
    assert collection["type"] == "FeatureCollection"
    assert {f["id"] for f in collection["features"]} == {r["id"] for r in everything}
    djibo = next(f for f in collection["features"] if f["properties"]["location"] == "Djibo")
    assert djibo["geometry"]["type"] == "Point"


def test_export_ucdp_and_jsonl(client: Client, everything: list[dict[str, Any]]) -> None:
    ucdp = client.get("/api/export", params={"format": "ucdp", "event_type": "Battles"})
    rows = list(csv.DictReader(io.StringIO(ucdp.text)))
    assert {r["type_of_violence"] for r in rows} <= {"1", "2"} and rows
    jsonl = client.get("/api/export", params={"format": "jsonl"})
    assert jsonl.headers["content-type"] == "application/x-ndjson"
    assert len(jsonl.text.splitlines()) == len(everything)


def test_export_empty_and_bad_format(client: Client) -> None:
    empty = client.get("/api/export", params={"format": "geojson", "country": "Atlantis"})
    assert json.loads(empty.text)["features"] == []
    assert_error(client.get("/api/export?format=xlsx"), 422, "invalid_request")


# ---------------------------------------------------------------- writes


@pytest.fixture(scope="module")
def writer(settings: Settings, pipeline: Pipeline) -> Iterator[Client]:
    with Client(create_app(settings, token=TOKEN, pipeline=pipeline)) as writer:
        yield writer


def auth(token: str = TOKEN) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_read_only_without_a_token(client: Client) -> None:
    error = assert_error(client.post("/api/articles", json=NEW_ARTICLE), 403, "read_only")
    assert "read-only" in error["message"]
    assert_error(client.post("/api/articles", json=NEW_ARTICLE, headers=auth()), 403, "read_only")


@pytest.mark.parametrize("headers", [{}, auth("wrong"), {"Authorization": TOKEN}])
def test_missing_or_wrong_token_is_401(writer: Client, headers: dict[str, str]) -> None:
    response = writer.post("/api/articles", json=NEW_ARTICLE, headers=headers)
    assert_error(response, 401, "unauthorized")
    assert response.headers["www-authenticate"] == "Bearer"


def test_post_article_adds_an_incident(writer: Client) -> None:
    before = listing(writer)["count"]
    response = writer.post("/api/articles", json=NEW_ARTICLE, headers=auth())
    assert response.status_code == 201, response.text
    result = response.json()["data"]
    assert result["added"] == 1 and result["failed"] == 0 and result["failures"] == []
    assert result["mentions"] >= 1 and result["incidents_new"] >= 1
    after = listing(writer, q="Mopti Courier")
    assert listing(writer)["count"] == before + result["incidents_new"]
    koro = after["data"][0]
    assert koro["event_type"] == "Violence against civilians" and koro["country"] == "ML"
    assert koro["date"] == "2024-08-12"  # "on Monday" before 2024-08-14
    again = writer.post("/api/articles", json=NEW_ARTICLE, headers=auth()).json()["data"]
    assert again["added"] == 0 and again["skipped"] == 1


def test_post_batch_reports_every_bad_record(writer: Client, settings: Settings) -> None:
    good = {**NEW_ARTICLE, "text": NEW_ARTICLE["text"].replace("eight", "nine"), "url": None}
    lines = [json.dumps(good), "{not json", json.dumps({"title": "no body"}), "", "[1, 2]"]
    response = writer.post(
        "/api/articles",
        content="\n".join(lines).encode(),
        headers={**auth(), "Content-Type": "application/x-ndjson"},
    )
    assert response.status_code == 201, response.text
    result = response.json()["data"]
    assert result["added"] == 1 and result["failed"] == 3
    assert [(f["source"], f["code"]) for f in result["failures"]] == [
        ("request line 2", "bad_record"),
        ("request line 3", "bad_record"),
        ("request line 5", "bad_record"),
    ]
    with Store(settings.db) as store:
        recorded = {(source, code) for source, code, _ in store.failures()}
    assert ("request line 2", "bad_record") in recorded


@pytest.mark.parametrize(
    ("body", "content_type", "code"),
    [
        (b'{"title": "no text"}', "application/json", "bad_record"),
        (b"{oops", "application/json", "bad_record"),
        (b'{"text": 5}', "application/json", "bad_record"),
        (b'{"text": "Some text.", "published": "someday"}', "application/json", "bad_record"),
        (b'{"text": "   "}', "application/json", "empty_input"),
        (b"", "application/json", "empty_input"),
        (b"\xff\xfe{", "application/json", "bad_record"),
    ],
)
def test_bad_single_record_is_400(
    writer: Client, body: bytes, content_type: str, code: str
) -> None:
    response = writer.post(
        "/api/articles", content=body, headers={**auth(), "Content-Type": content_type}
    )
    assert_error(response, 400, code)


def test_oversize_body_is_413(settings: Settings, pipeline: Pipeline) -> None:
    big = {**NEW_ARTICLE, "text": "word " * 1000}

    async def chunks() -> AsyncIterator[bytes]:  # no Content-Length: counted while reading
        for _ in range(5):
            yield b"x" * 400

    with Client(create_app(settings, token=TOKEN, max_body=1000, pipeline=pipeline)) as small:
        assert_error(small.post("/api/articles", json=big, headers=auth()), 413, "too_large")
        response = small.post("/api/articles", content=chunks(), headers=auth())
        assert_error(response, 413, "too_large")
        assert_error(small.post("/api/articles", json=big), 401, "unauthorized")  # token first


def test_unusable_model_is_a_config_error(settings: Settings) -> None:
    app = create_app(Settings(db=settings.db, model="no_such_model_xyz"), token=TOKEN)
    article = {**NEW_ARTICLE, "text": NEW_ARTICLE["text"] + " A new paragraph."}
    with Client(app) as client:
        response = client.post("/api/articles", json=article, headers=auth())
        assert_error(response, 400, "config_error")


def test_broken_database_is_503(tmp_path: Path) -> None:
    db = tmp_path / "broken.db"
    with Client(create_app(Settings(db=str(db)))) as client:
        db.write_bytes(b"this is not a database" * 100)
        error = assert_error(client.get("/api/incidents"), 503, "store_error")
    assert str(tmp_path) not in error["message"]  # details go to the log only


# ---------------------------------------------------------------- app, server, schema


def test_cors_closed_by_default(client: Client, settings: Settings) -> None:
    preflight = {"Origin": "https://elsewhere.example", "Access-Control-Request-Method": "GET"}
    response = client.get("/api/stats", headers={"Origin": "https://elsewhere.example"})
    assert "access-control-allow-origin" not in response.headers
    assert (
        "access-control-allow-origin"
        not in client.request("OPTIONS", "/api/stats", headers=preflight).headers
    )


def test_cors_opens_for_listed_origins(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FIELDREPORT_CORS_ORIGINS", "https://maps.example, https://b.example")
    with Client(create_app(settings)) as open_client:
        allowed = open_client.get("/api/stats", headers={"Origin": "https://maps.example"})
        other = open_client.get("/api/stats", headers={"Origin": "https://evil.example"})
    assert allowed.headers["access-control-allow-origin"] == "https://maps.example"
    assert "access-control-allow-origin" not in other.headers


def test_web_page_is_served_at_the_root(client: Client) -> None:
    static = ROOT / "src" / "fieldreport" / "api" / "static" / "index.html"
    if not static.exists():
        pytest.skip("no web page built")
    response = client.get("/")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")


def test_serve_reads_the_token_from_the_environment(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: dict[str, Any] = {}

    def run(app: FastAPI, **options: Any) -> None:
        seen["app"], seen["options"] = app, options

    monkeypatch.setattr(api_server.uvicorn, "run", run)
    monkeypatch.setenv("FIELDREPORT_TOKEN", "from-env")
    api_server.serve(settings, host="127.0.0.1", port=8123)
    assert seen["options"]["port"] == 8123 and seen["options"]["host"] == "127.0.0.1"
    assert seen["app"].state.fieldreport.token == "from-env"
    monkeypatch.delenv("FIELDREPORT_TOKEN")
    api_server.serve(settings)
    assert seen["app"].state.fieldreport.token is None


def test_old_store_gets_the_filter_columns(settings: Settings, tmp_path: Path) -> None:
    if not Path(settings.db).exists():
        pytest.skip("upgrading an old SQLite file; PostgreSQL stores are made by this version")
    old = tmp_path / "old.db"
    old.write_bytes(Path(settings.db).read_bytes())
    with sqlite3.connect(old) as db:
        new = ("country_admin1", "date_end", "date_id", "fatalities", "type_date", "actors")
        for index in (*new, "search"):
            db.execute(f"DROP INDEX ix_incidents_{index}")
        for column in ("admin1", "actors", "search"):
            db.execute(f"ALTER TABLE incidents DROP COLUMN {column}")
        db.execute("DROP TABLE alembic_version")  # stores that old predate the migrations
    with Client(create_app(Settings(db=str(old)))) as client:
        body = listing(client, actor="jnim", admin1="Sahel")
    assert [r["location"] for r in body["data"]] == ["Djibo"]


def test_openapi_golden(client: Client) -> None:
    schema = client.get("/openapi.json").json()
    text = json.dumps(schema, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    if os.environ.get("FIELDREPORT_UPDATE_GOLDEN") == "1":
        GOLDEN.write_text(text, encoding="utf-8")
    assert GOLDEN.exists(), "no golden file: FIELDREPORT_UPDATE_GOLDEN=1 pytest tests/test_api.py"
    assert text == GOLDEN.read_text(encoding="utf-8"), (
        "the API's OpenAPI schema changed; if on purpose, regenerate the golden file with "
        "FIELDREPORT_UPDATE_GOLDEN=1 pytest tests/test_api.py and review the diff"
    )
