"""schemathesis against the API's own OpenAPI schema: no request may cause a server error.

The app runs read-only (no token) over a small real SQLite store, so writes answer 403 and
every GET is fuzzed with generated filters, ids and formats.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error

from fieldreport.api import create_app
from fieldreport.config import Settings
from fieldreport.fuse import Report, fuse
from fieldreport.model import ActorRef, ActorRole, Claim, DateInfo, Mention, Place, Span
from fieldreport.store import Store

RUNS: dict[str, int] = {"cases": 0}


def _store(path: Path) -> None:
    span = Span(0, 4, "xxxx")
    reports = []
    for n, (town, lat, lon) in enumerate(
        [("Djibo", 14.1, -1.63), ("Gao", 16.27, -0.04), ("Mopti", 14.49, -4.18)]
    ):
        mention = Mention(
            article_id=f"a{n}",
            sentence=span,
            event_type="Battles",
            sub_event_type="Armed clash",
            date=DateInfo(dt.date(2024, 5, 1 + n)),
            place=Place(town, "ML", lat, lon, 1, "Mali"),
            actors=(
                ActorRole(
                    ActorRef("JNIM: Group for Support of Islam and Muslims", 2), "actor1", span
                ),
            ),
            claims=(Claim(evidence=span, killed_min=n, killed_max=n, phrase=str(n)),),
        )
        reports.append(Report(mention, "Outlet"))
    with Store(path) as store:
        store.save_incidents(fuse(reports))


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory: pytest.TempPathFactory) -> Iterator[schemathesis.BaseSchema]:
    db = tmp_path_factory.mktemp("fuzz") / "api.db"
    _store(db)
    app = create_app(Settings(db=str(db)), token=None)
    yield schemathesis.openapi.from_asgi("/openapi.json", app)
    app.state.fieldreport.close()  # no lifespan runs in process


def test_no_server_errors(api_schema: schemathesis.BaseSchema) -> None:
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 5
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=100, deadline=None, suppress_health_check=list(HealthCheck))
        def run(case: schemathesis.Case) -> None:
            RUNS["cases"] += 1
            response = case.call()
            case.validate_response(response, checks=[not_a_server_error])

        run()
    print(f"schemathesis ran {RUNS['cases']} generated requests on {len(operations)} operations")
    assert RUNS["cases"] >= 100
