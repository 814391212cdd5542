"""Mentions from many articles -> incidents: one act of violence, every report, every claim.

Blocking keeps the work linear: an incident is indexed under its country, each day of its
date range and a 0.5-degree grid cell, so a new mention is compared only with incidents of the
same country within ``window_days`` of its date in its own or a neighbouring cell (and with
incidents that have no place). A mention with no place is compared with every incident of
those days. A mention joins the best-scoring incident above ``threshold``;
else it opens a new incident, whose id (a hash of that first mention) never changes.

The score (0-1) weighs place (distance, or the same name in another spelling), date (days
apart), event type (same, related, or unrelated) and actors (shared names). Hard rules: two
mentions of one article never fuse (an article's two events stay two); places further apart
than ``max_km`` never fuse; unrelated event types (a protest and a bombing) never fuse.

Fatalities of an incident follow ``fatalities.fatalities`` over all its claims: ACLED's
lowest credible figure, low/best/high across claimants (best prefers independent sources).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from rapidfuzz import fuzz

from fieldreport.extract.taxonomy import EVENT_TYPES
from fieldreport.fatalities import fatalities, sides_of_roles
from fieldreport.model import (
    ActorRole,
    Claim,
    DateInfo,
    Incident,
    Mention,
    Place,
    Revision,
)
from fieldreport.resolve.places import fold, km

_RANK = {etype: n for n, etype in enumerate(EVENT_TYPES)}  # ACLED precedence, Battles first
_RELATED = {
    frozenset({"Battles", "Explosions/Remote violence"}),
    frozenset({"Battles", "Violence against civilians"}),
    frozenset({"Explosions/Remote violence", "Violence against civilians"}),
    frozenset({"Protests", "Riots"}),
    frozenset({"Riots", "Violence against civilians"}),
    frozenset({"Violence against civilians", "Strategic developments"}),
    frozenset({"Battles", "Strategic developments"}),
}
GENERIC_PREFIXES = ("Civilians (", "Unidentified Armed Group (", "Protesters (", "Rioters (")


@dataclass(frozen=True, slots=True)
class FusionConfig:
    window_days: int = 3
    max_km: float = 40.0
    threshold: float = 0.6


@dataclass(frozen=True, slots=True)
class Report:
    """A mention with what fusion needs of its article."""

    mention: Mention
    outlet: str = ""
    published: dt.date | None = None


@dataclass(slots=True)
class _State:
    """An incident while it grows: its summary, which every new report updates."""

    id: str
    incident: Incident | None = None


CELL_DEGREES = 0.5  # blocking grid: about 55 km; neighbours are searched too


def _cell(place: Place | None) -> tuple[int, int] | None:
    if place is None:
        return None
    return int(place.lat // CELL_DEGREES), int(place.lon // CELL_DEGREES)


def incident_id(mention: Mention) -> str:
    return "inc-" + hashlib.sha256(mention.index.encode()).hexdigest()[:12]


def type_score(a: str, b: str) -> float:
    if a == b:
        return 1.0
    return 0.5 if frozenset({a, b}) in _RELATED else 0.0


def place_score(a: Place | None, b: Place | None, max_km: float) -> float | None:
    """1 for the same place, falling to 0 at ``max_km``; None when it rules a match out."""
    if a is None or b is None:
        return 0.5
    if fold(a.name) == fold(b.name) or fuzz.ratio(fold(a.name), fold(b.name)) >= 85:
        return 1.0
    distance = km(a.lat, a.lon, b.lat, b.lon)
    if distance > max_km:
        coarse = max(a.precision, b.precision) == 3 and a.admin1 == b.admin1
        return 0.4 if coarse else None
    return max(0.0, 1.0 - distance / max_km)


def date_score(a: DateInfo | None, b: DateInfo | None, window: int) -> float | None:
    if a is None or b is None:
        return 0.5
    gap = max(0, (max(a.first, b.first) - min(a.last, b.last)).days)
    return None if gap > window else 1.0 - gap / (window + 1)


def actor_score(a: Iterable[ActorRole], b: Iterable[ActorRole]) -> float:
    names_a = {r.actor.name for r in a if not r.actor.name.startswith(GENERIC_PREFIXES)}
    names_b = {r.actor.name for r in b if not r.actor.name.startswith(GENERIC_PREFIXES)}
    if not names_a or not names_b:
        return 0.5
    return len(names_a & names_b) / len(names_a | names_b)


def score(mention: Mention, incident: Incident, config: FusionConfig) -> float:
    """How likely a mention reports this incident (0 when a hard rule forbids it)."""
    if mention.article_id in incident.article_ids:
        return 0.0
    types = type_score(mention.event_type, incident.event_type)
    places = place_score(mention.place, incident.place, config.max_km)
    dates = date_score(mention.date, incident.date, config.window_days)
    if types == 0.0 or places is None or dates is None:
        return 0.0
    actors = actor_score(mention.actors, incident.actors)
    return 0.35 * places + 0.2 * dates + 0.25 * types + 0.2 * actors


class Fuser:
    """Incremental fusion: ``add`` reports in any order; incidents keep their ids."""

    def __init__(
        self, config: FusionConfig | None = None, existing: Iterable[Incident] = ()
    ) -> None:
        self.config = config or FusionConfig()
        self._states: dict[str, _State] = {}
        self._blocks: dict[tuple[str, dt.date | None, tuple[int, int] | None], set[str]] = (
            defaultdict(set)
        )
        for incident in existing:
            state = _State(incident.id, incident=incident)
            self._states[incident.id] = state
            self._index(state)

    def _days(self, date: DateInfo | None, pad: int) -> list[dt.date | None]:
        if date is None:
            return [None]
        days = min((date.last - date.first).days + 2 * pad, 60)
        start = date.first - dt.timedelta(days=pad)
        return [start + dt.timedelta(days=n) for n in range(days + 1)]

    def _index(self, state: _State) -> None:
        incident = state.incident
        assert incident is not None
        cell = _cell(incident.place)
        for day in self._days(incident.date, 0):
            self._blocks[(incident.country, day, cell)].add(state.id)
            self._blocks[("*", day, None)].add(state.id)  # for reports with no place

    def candidates(self, mention: Mention) -> list[Incident]:
        """Incidents of the same country, near in time and space (or with no place)."""
        keys: list[tuple[str, dt.date | None, tuple[int, int] | None]] = []
        days = self._days(mention.date, self.config.window_days)
        if mention.place is None:
            keys = [("*", day, None) for day in days]
        else:
            row, col = _cell(mention.place) or (0, 0)
            cells = [(row + dr, col + dc) for dr in (-1, 0, 1) for dc in (-1, 0, 1)]
            country = mention.place.country
            keys = [(country, day, cell) for day in days for cell in [*cells, None]]
        seen: dict[str, Incident] = {}
        for key in keys:
            for sid in self._blocks.get(key, ()):
                incident = self._states[sid].incident
                if incident is not None:
                    seen.setdefault(sid, incident)
        return list(seen.values())

    def add(self, report: Report, now: dt.datetime | None = None) -> str:
        """File one report under its incident (new or existing); return the incident id."""
        mention = report.mention
        best, best_score = None, self.config.threshold
        for incident in self.candidates(mention):
            value = score(mention, incident, self.config)
            if value >= best_score:
                best, best_score = incident, value
        if best is None:
            state = _State(incident_id(mention))
            state.incident = summarize(state.id, [report], ())
            self._states[state.id] = state
            self._index(state)
            return state.id
        state = self._states[best.id]
        before = state.incident
        assert before is not None
        after = summarize(state.id, [report], before)  # the summary carries earlier reports
        change = _changes(before, after)
        if change:
            revision = Revision(now or dt.datetime.now(dt.UTC), mention.article_id, change)
            after = replace(after, revisions=(*before.revisions, revision))
        state.incident = after
        self._index(state)
        return state.id

    def incidents(self) -> list[Incident]:
        return [s.incident for s in self._states.values() if s.incident is not None]


def summarize(iid: str, reports: Sequence[Report], previous: Incident | tuple[()]) -> Incident:
    """An incident from its reports (plus what a stored incident already held)."""
    base = previous if isinstance(previous, Incident) else None
    mentions = [r.mention for r in reports]
    claims = _unique_claims(
        [*(base.claims if base else ()), *(c for m in mentions for c in m.claims)]
    )
    lead = _representative(mentions, base)
    types = Counter(m.event_type for m in mentions)
    if base:
        types[base.event_type] += len(base.mention_ids)
    event_type = min(types, key=lambda t: (-types[t], _RANK.get(t, 9)))
    sub = next(
        (m.sub_event_type for m in mentions if m.event_type == event_type),
        base.sub_event_type if base else lead.sub_event_type,
    )
    outlets = [*(base.outlets if base else ()), *(r.outlet for r in reports if r.outlet)]
    actors = (
        lead.actors
        if len(lead.actors) >= len(base.actors if base else ()) or not base
        else base.actors
    )
    return Incident(
        id=iid,
        event_type=event_type,
        sub_event_type=sub,
        date=_date([m.date for m in mentions] + [base.date if base else None]),
        place=_place([m.place for m in mentions] + [base.place if base else None]),
        actors=actors,
        mention_ids=tuple(
            dict.fromkeys([*(base.mention_ids if base else ()), *(m.index for m in mentions)])
        ),
        article_ids=tuple(
            dict.fromkeys([*(base.article_ids if base else ()), *(m.article_id for m in mentions)])
        ),
        claims=tuple(claims),
        fatalities=fatalities(claims, sides_of_roles(actors)),
        outlets=tuple(dict.fromkeys(outlets)),
        revisions=base.revisions if base else (),
    )


def _representative(mentions: Sequence[Mention], base: Incident | None) -> Mention:
    return max(mentions, key=lambda m: (len(m.actors), m.confidence))


def _date(dates: Sequence[DateInfo | None]) -> DateInfo | None:
    """The most precise date; among equals the one most reports give, then the earliest."""
    known = [d for d in dates if d is not None and "inferred" not in d.basis]
    known = known or [d for d in dates if d is not None]
    if not known:
        return None
    counts = Counter(d.date for d in known)
    return min(known, key=lambda d: (d.precision, -counts[d.date], d.date))


def _place(places: Sequence[Place | None]) -> Place | None:
    known = [p for p in places if p is not None]
    if not known:
        return None
    counts = Counter(fold(p.name) for p in known)
    return min(known, key=lambda p: (p.precision, -counts[fold(p.name)]))


def _unique_claims(claims: Iterable[Claim]) -> list[Claim]:
    """The same statement relayed by several outlets is one claim with all the relays."""
    merged: dict[tuple[object, ...], Claim] = {}
    for claim in claims:
        key = (
            claim.claimant.name if claim.claimant else claim.claimant_text.lower(),
            claim.killed_min,
            claim.killed_max,
            claim.victims.name if claim.victims else "",
            claim.phrase.lower(),
        )
        if key in merged:
            old = merged[key]
            relays = tuple(dict.fromkeys([*old.reported_by, *claim.reported_by]))
            merged[key] = replace(old, reported_by=relays)
        else:
            merged[key] = claim
    return list(merged.values())


def _text(value: object) -> str:
    if isinstance(value, Place):
        return value.name
    if isinstance(value, DateInfo):
        return value.date.isoformat()
    return str(value)


def _changes(before: Incident, after: Incident) -> dict[str, tuple[str, str]]:
    """Fields a new report changed: toll, place, date, type, main actors."""
    pairs = {
        "fatalities": (before.fatalities.acled, after.fatalities.acled),
        "fatalities_best": (before.fatalities.best, after.fatalities.best),
        "fatalities_high": (before.fatalities.high, after.fatalities.high),
        "place": (before.place, after.place),
        "date": (before.date, after.date),
        "event_type": (before.event_type, after.event_type),
        "actors": (
            "; ".join(r.actor.name for r in before.actors),
            "; ".join(r.actor.name for r in after.actors),
        ),
    }
    return {k: (_text(a), _text(b)) for k, (a, b) in pairs.items() if _text(a) != _text(b)}


def fuse(reports: Iterable[Report], config: FusionConfig | None = None) -> list[Incident]:
    """Fuse a batch of reports (oldest publication first) into incidents."""
    fuser = Fuser(config)
    ordered = sorted(reports, key=lambda r: (r.published or dt.date.min, r.mention.index))
    for report in ordered:
        fuser.add(report)
    return fuser.incidents()
