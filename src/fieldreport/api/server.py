"""Run the app with uvicorn: ``fieldreport serve``."""

from __future__ import annotations

import os

import uvicorn

from fieldreport.api.app import create_app
from fieldreport.config import Settings

TOKEN_ENV = "FIELDREPORT_TOKEN"


def serve(
    settings: Settings, host: str = "127.0.0.1", port: int = 8000, token: str | None = None
) -> None:
    """Serve until interrupted; the write token is ``token`` or ``$FIELDREPORT_TOKEN``."""
    token = token or os.environ.get(TOKEN_ENV) or None
    app = create_app(settings, token=token)
    try:
        uvicorn.run(app, host=host, port=port, log_level="info", proxy_headers=False)
    finally:  # the lifespan closed it, unless the server stopped before running the app
        app.state.fieldreport.close()
