"""Articles: one stored article with its text and events; posting new articles (token needed)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request, status

from fieldreport.api.deps import SessionDep, StateDep, WriterDep
from fieldreport.api.errors import ApiError
from fieldreport.api.ingest import ingest_records, parse_body
from fieldreport.api.schemas import (
    ArticleDetail,
    ArticleIn,
    ErrorResponse,
    IngestResult,
    Item,
    MentionDetail,
)
from fieldreport.errors import InputError
from fieldreport.model import as_dict
from fieldreport.store import queries

router = APIRouter(prefix="/articles", tags=["articles"])


@router.get(
    "/{article_id}",
    response_model=ArticleDetail,
    responses={404: {"model": ErrorResponse, "description": "no such article"}},
)
def get_article(article_id: str, state: StateDep, session: SessionDep) -> dict[str, Any]:
    """An article's text and its events; every span is a character offset into ``text``."""
    article = state.store.article(article_id)
    if article is None:
        raise ApiError(404, "not_found", f"no article {article_id!r}")
    mentions = queries.mentions_of_article(session, article_id)
    return {
        "id": article.id,
        "title": article.title,
        "outlet": article.outlet,
        "url": article.url,
        "published": article.published,
        "text": article.text,
        "mentions": [MentionDetail.of(article, m) for m in mentions],
    }


async def read_body(request: Request, state: StateDep) -> bytes:
    """The request body, refused with 413 as soon as it passes ``max_body`` bytes."""
    too_large = ApiError(413, "too_large", f"the body is over {state.max_body:,} bytes")
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > state.max_body:
        raise too_large
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > state.max_body:
            raise too_large
        chunks.append(chunk)
    return b"".join(chunks)


_BODY_DOC: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "description": "one article (JSON), a JSON array, or JSON lines for a batch",
        "content": {
            "application/json": {"schema": ArticleIn.model_json_schema()},
            "application/x-ndjson": {"schema": {"type": "string"}},
        },
    }
}


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    response_model=Item[IngestResult],
    dependencies=[WriterDep],
    openapi_extra=_BODY_DOC,
    responses={
        code: {"model": ErrorResponse, "description": text}
        for code, text in (
            (400, "a single record that is no article"),
            (401, "missing or wrong token"),
            (403, "the server is read-only"),
            (413, "body too large"),
        )
    },
)
def post_articles(
    request: Request, state: StateDep, body: Annotated[bytes, Depends(read_body)]
) -> dict[str, Any]:
    """Extract, store and fuse new articles; bad records are listed in ``failures``."""
    try:
        items = parse_body(body, request.headers.get("content-type", ""))
    except InputError as exc:
        state.store.record_failure(exc.source or "request", exc.code, exc.message)
        raise
    with state.write_lock:
        outcome = ingest_records(items, state.store, state.pipeline())
    result = {
        "added": outcome.added,
        "skipped": outcome.skipped,
        "failed": outcome.failed,
        "mentions": outcome.mentions,
        "incidents_new": outcome.incidents_new,
        "incidents_updated": outcome.incidents_updated,
        "failures": [as_dict(f) for f in outcome.failures],
    }
    return {"data": result}
