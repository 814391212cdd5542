"""Alerts: saved filters over incidents, fired once when an incident comes to match one.

A rule (``country``, ``min_fatalities``, ``event_type``; unset fields match anything) fires on
a new incident that matches it, or on a revision that makes an incident match it (a toll
revised from 12 to 50 crosses ``min_fatalities 20``; a revision of an incident that already
matched does not fire again). ``min_fatalities`` is compared with the rule's ``toll``: ``high``
(the largest figure any claimant gives, the default), ``best`` or ``acled``.

Alerts go through an outbox (``alerts_sent``, unique per rule, incident and trigger): queued
once, delivered to ``webhook:https://...`` (a JSON POST through the injected client) or
``file:path.jsonl`` (one JSON line appended), retried next poll when delivery fails.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pycountry

from fieldreport.config import Settings
from fieldreport.errors import ConfigError
from fieldreport.model import Incident, Revision, as_dict
from fieldreport.store import Store
from fieldreport.watch.fetch import Fetcher, FetchError
from fieldreport.watch.state import AlertRule, QueuedAlert, WatchState

TOLLS = {"acled": "fatalities", "best": "fatalities_best", "high": "fatalities_high"}
MAX_ATTEMPTS = 10  # deliveries tried before an alert is left in the outbox for good


@dataclass(frozen=True, slots=True)
class AlertReport:
    queued: int = 0
    sent: int = 0
    failed: int = 0


@dataclass(frozen=True, slots=True)
class _Facts:
    """What a rule looks at, at one moment of an incident's life."""

    country: str
    event_type: str
    toll: int


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


# ---------------------------------------------------------------- rules


def check_target(to: str) -> str:
    """``webhook:http(s)://...`` or ``file:PATH``; ``ConfigError`` otherwise."""
    kind, _, where = to.partition(":")
    if kind == "webhook" and where.startswith(("https://", "http://")):
        return to
    if kind == "file" and where.strip():
        return to
    raise ConfigError(f"alert target {to!r}: use webhook:https://... or file:path.jsonl")


def country_code(country: str) -> str:
    """ISO2 of a country name or code; ``ConfigError`` when unknown."""
    with suppress(LookupError):
        return str(pycountry.countries.lookup(country.strip()).alpha_2)
    raise ConfigError(f"unknown country {country!r}")


def add_alert(
    settings: Settings,
    country: str | None,
    min_fatalities: int | None,
    event_type: str | None,
    to: str,
    *,
    toll: str = "high",
) -> int:
    """Save a rule; returns its id."""
    if toll not in TOLLS:
        raise ConfigError(f"toll {toll!r}: use one of {', '.join(TOLLS)}")
    if min_fatalities is not None and min_fatalities < 0:
        raise ConfigError("min_fatalities must be 0 or more")
    rule = AlertRule(
        id=0,
        target=check_target(to),
        country=country_code(country) if country else None,
        min_fatalities=min_fatalities,
        event_type=event_type or None,
        toll=toll,
    )
    with WatchState(settings.db) as state:
        return state.add_rule(rule, _utcnow())


def list_alerts(settings: Settings) -> list[AlertRule]:
    with WatchState(settings.db) as state:
        return state.rules()


def matches(rule: AlertRule, facts: _Facts) -> bool:
    if rule.country and facts.country != rule.country:
        return False
    if rule.event_type and facts.event_type.lower() != rule.event_type.lower():
        return False
    return rule.min_fatalities is None or facts.toll >= rule.min_fatalities


def _toll(incident: Incident, toll: str) -> int:
    f = incident.fatalities
    return {"acled": f.acled, "best": f.best, "high": f.high}[toll]


def _before(incident: Incident, revisions: list[Revision], toll: str) -> _Facts:
    """The incident as it stood before ``revisions`` (the fusion never changes the country)."""
    values = {"event_type": incident.event_type, TOLLS[toll]: str(_toll(incident, toll))}
    for revision in reversed(revisions):  # the earliest revision's "before" wins
        for field, (before, _) in revision.changes.items():
            if field in values:
                values[field] = before
    toll_before = values[TOLLS[toll]]
    return _Facts(
        incident.country, values["event_type"], int(toll_before) if toll_before.isdigit() else 0
    )


def _changes(revisions: Iterable[Revision]) -> dict[str, dict[str, str]]:
    """Each field's value before the first and after the last of these revisions."""
    out: dict[str, dict[str, str]] = {}
    for revision in revisions:
        for field, (before, after) in revision.changes.items():
            out.setdefault(field, {"before": before})["after"] = after
    return out


def trigger(
    rule: AlertRule, incident: Incident, new_mentions: set[str], new_articles: set[str]
) -> tuple[str, dict[str, dict[str, str]]] | None:
    """("new" or "revision:<article>", what changed) when ``rule`` fires for ``incident``."""
    now = _Facts(incident.country, incident.event_type, _toll(incident, rule.toll))
    if not matches(rule, now):
        return None
    revisions = [r for r in incident.revisions if r.article_id in new_articles]
    if set(incident.mention_ids) <= new_mentions:
        return "new", _changes(revisions)
    if not revisions or matches(rule, _before(incident, revisions, rule.toll)):
        return None
    return f"revision:{revisions[-1].article_id}", _changes(revisions)


# ---------------------------------------------------------------- payloads


def _evidence(incident: Incident) -> list[dict[str, Any]]:
    return [
        {
            "claimant": c.claimant.name if c.claimant else (c.claimant_text or "the report"),
            "claimant_kind": c.claimant_kind,
            "reported_by": list(c.reported_by),
            "killed_min": c.killed_min,
            "killed_max": c.killed_max,
            "victims": c.victims.name if c.victims else None,
            "phrase": c.phrase,
            "quote": c.evidence.text,
        }
        for c in incident.claims
    ]


def _sources(store: Store, incident: Incident) -> list[dict[str, Any]]:
    out = []
    for article_id in incident.article_ids:
        article = store.article(article_id)
        if article is not None:
            out.append(
                {
                    "article_id": article.id,
                    "url": article.url,
                    "outlet": article.outlet,
                    "title": article.title,
                    "published": article.published.isoformat() if article.published else None,
                }
            )
    return out


def payload(
    rule: AlertRule,
    incident: Incident,
    fired: tuple[str, dict[str, dict[str, str]]],
    store: Store,
    at: dt.datetime,
) -> dict[str, Any]:
    """The alert: the incident, what changed, and the evidence (every claim with its quote)."""
    place, date, f = incident.place, incident.date, incident.fatalities
    return {
        "alerted_at": at.isoformat(),
        "trigger": fired[0].partition(":")[0],
        "rule": as_dict(rule),
        "incident": {
            "id": incident.id,
            "event_type": incident.event_type,
            "sub_event_type": incident.sub_event_type,
            "date": date.date.isoformat() if date else None,
            "date_end": date.last.isoformat() if date else None,
            "place": as_dict(place),
            "fatalities": {"acled": f.acled, "low": f.low, "best": f.best, "high": f.high},
            "outlets": list(incident.outlets),
            "reports": len(incident.mention_ids),
        },
        "changes": fired[1],
        "evidence": _evidence(incident),
        "sources": _sources(store, incident),
    }


# ---------------------------------------------------------------- evaluate and deliver


def queue_alerts(
    store: Store,
    state: WatchState,
    new_mentions: set[str],
    new_articles: set[str],
    at: dt.datetime,
) -> int:
    """Queue every alert the incidents touched by these mentions fire; returns how many."""
    rules = state.rules()
    if not rules or not new_mentions:
        return 0
    ids = sorted(state.incidents_of(new_mentions))
    queued = 0
    for incident in store.incidents(ids=ids) if ids else []:
        for rule in rules:
            fired = trigger(rule, incident, new_mentions, new_articles)
            if fired is None:
                continue
            body = payload(rule, incident, fired, store, at)
            queued += state.queue(rule.id, incident.id, fired[0], body, at)
    return queued


def _send(alert: QueuedAlert, target: str, fetcher: Fetcher) -> None:
    kind, _, where = target.partition(":")
    if kind == "webhook":
        fetcher.post_json(where, alert.payload)
        return
    with Path(where).expanduser().open("a", encoding="utf-8") as out:
        out.write(json.dumps(alert.payload, ensure_ascii=False, sort_keys=True) + "\n")


def deliver(
    state: WatchState, fetcher: Fetcher, now: Callable[[], dt.datetime] = _utcnow
) -> AlertReport:
    """Send every alert of the outbox not sent yet (at most ``MAX_ATTEMPTS`` tries each)."""
    targets = {r.id: r.target for r in state.rules()}
    sent = failed = 0
    for alert in state.pending(MAX_ATTEMPTS):
        try:
            _send(alert, targets[alert.rule_id], fetcher)
        except (FetchError, OSError) as exc:
            state.delivered(alert.id, now(), error=f"{type(exc).__name__}: {exc}")
            failed += 1
        else:
            state.delivered(alert.id, now())
            sent += 1
    return AlertReport(sent=sent, failed=failed)
