"""What the API answers: public models, apart from the store's rows and the library's records.

Lists come in a ``{data, count}`` envelope (``Page``), single records in ``{data}`` (``Item``)
where they are not the whole answer.
"""

from __future__ import annotations

import datetime as dt
from typing import Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from fieldreport import model

T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    """A page of a list: ``count`` is the number of matches, not the length of ``data``."""

    data: list[T]
    count: int


class Item(BaseModel, Generic[T]):
    data: T


class Span(BaseModel):
    """Character offsets into the article text, and the text between them."""

    start: int
    end: int
    text: str


class ActorRef(BaseModel):
    name: str
    inter: int
    inter_name: str
    country: str | None
    alias: str


class ActorRole(BaseModel):
    actor: ActorRef
    role: str
    evidence: Span


class Place(BaseModel):
    name: str
    country: str
    lat: float
    lon: float
    precision: int
    country_name: str
    admin1: str
    admin2: str
    admin3: str
    geonames_id: int | None


class DateInfo(BaseModel):
    date: dt.date
    precision: int
    start: dt.date | None
    end: dt.date | None
    basis: str


class Claim(BaseModel):
    evidence: Span
    claimant: ActorRef | None
    claimant_text: str
    claimant_kind: str
    reported_by: list[str]
    killed_min: int | None
    killed_max: int | None
    injured: int | None
    victims: ActorRef | None
    phrase: str


class Fatalities(BaseModel):
    acled: int
    low: int
    best: int
    high: int
    rule: str


class Revision(BaseModel):
    at: dt.datetime
    article_id: str
    changes: dict[str, tuple[str, str]] = Field(description="field -> [before, after]")


class IncidentSummary(BaseModel):
    """One flat row per incident (``export.incidents.flat``)."""

    id: str
    event_type: str
    sub_event_type: str
    date: dt.date | None
    date_end: dt.date | None
    time_precision: int | None
    country: str | None
    admin1: str | None
    location: str | None
    latitude: float | None
    longitude: float | None
    geo_precision: int | None
    actor1: str
    actor2: str
    fatalities: int
    fatalities_low: int
    fatalities_best: int
    fatalities_high: int
    reports: int
    claims: int
    outlets: str
    revisions: int


class ArticleRef(BaseModel):
    id: str
    title: str | None
    outlet: str | None
    url: str | None
    published: dt.date | None


class MentionDetail(BaseModel):
    """One report of an event; spans are offsets into the article's text."""

    mention_id: str
    article: ArticleRef
    event_type: str
    sub_event_type: str
    sentence: Span
    evidence: dict[str, Span]
    actors: list[ActorRole]
    claims: list[Claim]

    @classmethod
    def of(cls, article: model.Article, mention: model.Mention) -> MentionDetail:
        return cls.model_validate(
            {
                "mention_id": mention.index,
                "article": ArticleRef.model_validate(article, from_attributes=True),
                "event_type": mention.event_type,
                "sub_event_type": mention.sub_event_type,
                "sentence": model.as_dict(mention.sentence),
                "evidence": model.as_dict(mention.evidence),
                "actors": model.as_dict(mention.actors),
                "claims": model.as_dict(mention.claims),
            }
        )


class IncidentDetail(BaseModel):
    """An incident in full (``model.as_dict``) with every report of it."""

    id: str
    event_type: str
    sub_event_type: str
    date: DateInfo | None
    place: Place | None
    actors: list[ActorRole]
    mention_ids: list[str]
    article_ids: list[str]
    claims: list[Claim]
    fatalities: Fatalities
    outlets: list[str]
    revisions: list[Revision]
    mentions: list[MentionDetail]


class ArticleDetail(BaseModel):
    id: str
    title: str | None
    outlet: str | None
    url: str | None
    published: dt.date | None
    text: str
    mentions: list[MentionDetail]


class WeekCount(BaseModel):
    week: dt.date = Field(description="the Monday of the week")
    incidents: int
    fatalities: int


class TypeCount(BaseModel):
    event_type: str
    incidents: int
    fatalities: int


class CountryCount(BaseModel):
    country: str = Field(description='ISO2 code, "" for incidents with no place')
    country_name: str
    incidents: int
    fatalities: int


class Stats(BaseModel):
    per_week: list[WeekCount]
    per_type: list[TypeCount]
    per_country: list[CountryCount]


class Failure(BaseModel):
    source: str
    code: str
    message: str


class IngestResult(BaseModel):
    added: int
    skipped: int
    failed: int
    mentions: int
    incidents_new: int
    incidents_updated: int
    failures: list[Failure]


class ArticleIn(BaseModel):
    """One article to ingest: ``text`` or ``html``, with optional metadata."""

    model_config = ConfigDict(extra="allow")

    text: str | None = None
    html: str | None = None
    published: str | None = Field(None, description="YYYY-MM-DD")
    outlet: str | None = None
    url: str | None = None
    title: str | None = None


class ErrorBody(BaseModel):
    code: str
    message: str
    status: int


class ErrorResponse(BaseModel):
    """The one shape of every error."""

    error: ErrorBody
