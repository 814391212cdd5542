"""The web application: JSON API under ``/api``, the web page (``api/static/``) at ``/``."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import APIRouter, FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.staticfiles import StaticFiles

from fieldreport import __version__
from fieldreport.api import errors
from fieldreport.api.deps import ApiState
from fieldreport.api.routes import articles, export, incidents, stats
from fieldreport.config import Settings
from fieldreport.pipeline import Pipeline

STATIC = Path(__file__).parent / "static"


def cors_origins() -> list[str]:
    """Origins allowed by ``FIELDREPORT_CORS_ORIGINS`` (comma-separated); none by default."""
    raw = os.environ.get("FIELDREPORT_CORS_ORIGINS", "")
    return [origin.strip() for origin in raw.split(",") if origin.strip()]


def api_router() -> APIRouter:
    router = APIRouter(prefix="/api")
    for module in (incidents, articles, stats, export):
        router.include_router(module.router)
    return router


def create_app(
    settings: Settings,
    *,
    token: str | None = None,
    max_body: int = 5_000_000,
    pipeline: Pipeline | None = None,
) -> FastAPI:
    """The app over the store ``settings.db``; writes need ``token`` (none: read-only).

    ``pipeline`` is the loaded spaCy pipeline for writes; by default it loads on the first
    write. Bodies over ``max_body`` bytes are refused (413). The store is opened here, so a
    bad database fails before serving, and closed by the lifespan's shutdown; whoever runs the
    app without a lifespan (httpx's ASGITransport sends none) calls
    ``app.state.fieldreport.close()`` when done, or its pooled connections stay open.
    """
    state = ApiState.open(settings, token or None, max_body, pipeline)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        try:
            yield
        finally:  # also when the server ends the lifespan with an error or a cancellation
            state.close()

    app = FastAPI(
        title="fieldreport",
        version=__version__,
        summary="Conflict events fused into incidents, every claim and its evidence.",
        lifespan=lifespan,
    )
    app.state.fieldreport = state
    errors.install(app)
    app.include_router(api_router())
    origins = cors_origins()
    if origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=origins,
            allow_methods=["GET", "POST"],
            allow_headers=["Authorization", "Content-Type"],
        )
    if STATIC.is_dir():
        app.mount("/", StaticFiles(directory=STATIC, html=True), name="static")
    return app
