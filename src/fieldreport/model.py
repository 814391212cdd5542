"""Typed, frozen records that move between the stages.

Article -> (nlp, extract, resolve) -> Mention with Claims, each field backed by a Span of the
article text. Nothing here imports from another fieldreport module except ``errors``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Literal

Role = Literal["actor1", "assoc1", "actor2", "assoc2"]
ROLES: tuple[Role, ...] = ("actor1", "assoc1", "actor2", "assoc2")

INTER_NAMES: dict[int, str] = {
    1: "State forces",
    2: "Rebel group",
    3: "Political militia",
    4: "Identity militia",
    5: "Rioters",
    6: "Protesters",
    7: "Civilians",
    8: "External/Other forces",
}


def normalize_text(text: str) -> str:
    """The form an article is identified by: NFC, whitespace folded, trimmed."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def article_id(text: str) -> str:
    """Content hash of the normalized text (16 hex digits of sha256)."""
    return hashlib.sha256(normalize_text(text).encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Span:
    """Evidence: the slice ``text == article.text[start:end]``."""

    start: int
    end: int
    text: str

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"bad span offsets {self.start}..{self.end}")
        if len(self.text) != self.end - self.start:
            raise ValueError(f"span text length {len(self.text)} != {self.end - self.start}")

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        return cls(start, end, text[start:end])


@dataclass(frozen=True, slots=True)
class Article:
    """One news report, cleaned to plain text."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    language: str = "en"
    fetched_at: dt.datetime | None = None
    raw_ref: str | None = None

    @classmethod
    def from_text(cls, text: str, **meta: Any) -> Article:
        return cls(id=article_id(text), text=text, **meta)


@dataclass(frozen=True, slots=True)
class ActorRef:
    """An actor in ACLED's naming, with its inter code (1-8)."""

    name: str
    inter: int
    country: str | None = None  # ISO 3166-1 alpha-2, None for international actors
    alias: str = ""  # the words of the text that matched

    @property
    def inter_name(self) -> str:
        return INTER_NAMES[self.inter]


@dataclass(frozen=True, slots=True)
class Place:
    """A resolved location with ACLED geo precision (1 town, 2 near/small area, 3 region)."""

    name: str
    country: str  # ISO2
    lat: float
    lon: float
    precision: int
    country_name: str = ""
    admin1: str = ""
    admin2: str = ""
    admin3: str = ""
    geonames_id: int | None = None


@dataclass(frozen=True, slots=True)
class DateInfo:
    """A calendar date (range) with ACLED time precision (1 day, 2 week, 3 month)."""

    date: dt.date
    precision: int = 1
    start: dt.date | None = None
    end: dt.date | None = None
    basis: str = ""  # how it was resolved, e.g. "weekday before published 2024-07-30"

    @property
    def first(self) -> dt.date:
        return self.start or self.date

    @property
    def last(self) -> dt.date:
        return self.end or self.date


ClaimantKind = Literal["party", "government", "un_ngo", "local", "analyst", "media", "source"]


@dataclass(frozen=True, slots=True)
class Claim:
    """One party's statement of a toll: who says, relayed by whom, how many, in which words."""

    evidence: Span
    claimant: ActorRef | None = None  # None: the report itself states it
    claimant_text: str = ""  # "Several Russian military bloggers", "the statement"
    claimant_kind: ClaimantKind = "source"
    reported_by: tuple[str, ...] = ()  # relays: "SITE Intelligence Group", the outlet
    killed_min: int | None = None  # ACLED's conservative reading of the phrase
    killed_max: int | None = None  # upper bound, None when open ("at least 20")
    injured: int | None = None
    victims: ActorRef | None = None
    phrase: str = ""  # "dozens", "at least 20", "heavy losses"


@dataclass(frozen=True, slots=True)
class ActorRole:
    actor: ActorRef
    role: Role
    evidence: Span


@dataclass(frozen=True, slots=True)
class Fatalities:
    """Toll of one mention or incident: ACLED's conservative figure and low/best/high."""

    acled: int = 0
    low: int = 0
    best: int = 0
    high: int = 0
    rule: str = ""


@dataclass(frozen=True, slots=True)
class Mention:
    """One event as one article reports it."""

    article_id: str
    sentence: Span
    event_type: str
    sub_event_type: str
    date: DateInfo | None = None
    place: Place | None = None
    actors: tuple[ActorRole, ...] = ()
    claims: tuple[Claim, ...] = ()
    fatalities: Fatalities = field(default_factory=Fatalities)
    evidence: dict[str, Span] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)  # field -> why no evidence
    confidence: float = 0.5
    # where it happened, also when no place below the country is named ("protests in Mali")
    country: str = ""  # ISO2
    country_name: str = ""

    def __post_init__(self) -> None:
        if self.place is not None and not self.country:  # the place's country is the country
            object.__setattr__(self, "country", self.place.country)
            object.__setattr__(self, "country_name", self.place.country_name)

    def actors_in(self, role: Role) -> list[ActorRef]:
        return [a.actor for a in self.actors if a.role == role]

    @property
    def index(self) -> str:
        """Stable id within the store: article id + sentence offset."""
        return f"{self.article_id}-{self.sentence.start}"


def as_dict(record: Any) -> Any:
    """JSON-ready form of any record (dates as ISO strings)."""
    if dataclasses.is_dataclass(record) and not isinstance(record, type):
        out = {f.name: as_dict(getattr(record, f.name)) for f in dataclasses.fields(record)}
        if isinstance(record, ActorRef):
            out["inter_name"] = record.inter_name
        return out
    if isinstance(record, dict):
        return {k: as_dict(v) for k, v in record.items()}
    if isinstance(record, (list, tuple)):
        return [as_dict(v) for v in record]
    if isinstance(record, (dt.date, dt.datetime)):
        return record.isoformat()
    return record


@dataclass(frozen=True, slots=True)
class Failed:
    """An input item that could not be processed, and why (never silently dropped)."""

    source: str
    code: str  # e.g. "empty_input", "decode_error", "bad_record"
    message: str


@dataclass(frozen=True, slots=True)
class Revision:
    """What a later report changed in an incident: field -> (before, after)."""

    at: dt.datetime
    article_id: str
    changes: dict[str, tuple[str, str]]


@dataclass(frozen=True, slots=True)
class Incident:
    """One act of violence as all reports of it tell it; its id never changes."""

    id: str
    event_type: str
    sub_event_type: str
    date: DateInfo | None
    place: Place | None
    actors: tuple[ActorRole, ...]
    mention_ids: tuple[str, ...]
    article_ids: tuple[str, ...]
    claims: tuple[Claim, ...]
    fatalities: Fatalities
    outlets: tuple[str, ...] = ()
    revisions: tuple[Revision, ...] = ()

    @property
    def country(self) -> str:
        return self.place.country if self.place else ""
