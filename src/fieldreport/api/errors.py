"""One JSON error shape for every failure: ``{"error": {"code", "message", "status"}}``.

HTTP errors (unknown routes included), request validation errors and fieldreport's own
exception tree (``fieldreport.errors``) all pass through ``install``'s handlers.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from fieldreport.errors import ConfigError, FieldreportError, InputError, StoreError

log = logging.getLogger(__name__)

CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "too_large",
    422: "invalid_request",
    503: "unavailable",
}


class ApiError(HTTPException):
    """An HTTP error with a stable machine-readable ``code``."""

    def __init__(
        self, status: int, code: str, message: str, headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(status, message, headers)
        self.code = code


def error_response(
    status: int, code: str, message: str, headers: dict[str, str] | None = None
) -> JSONResponse:
    body = {"error": {"code": code, "message": message, "status": status}}
    return JSONResponse(body, status_code=status, headers=headers)


def status_of(exc: FieldreportError) -> int:
    if isinstance(exc, InputError | ConfigError):
        return 400
    if isinstance(exc, StoreError):
        return 503
    return 500


def _where(loc: tuple[Any, ...]) -> str:
    return ".".join(str(part) for part in loc)


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, HTTPException)
    code = getattr(exc, "code", None) or CODES.get(exc.status_code, "error")
    message = str(exc.detail)
    if not isinstance(exc, ApiError) and exc.status_code in {404, 405}:
        message = f"{message}: {request.method} {request.url.path}"
    return error_response(exc.status_code, code, message, dict(exc.headers or {}))


async def _validation_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    message = "; ".join(f"{_where(e['loc'])}: {e['msg']}" for e in exc.errors())
    return error_response(422, "invalid_request", message or "invalid request")


async def _fieldreport_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, FieldreportError)
    status = status_of(exc)
    if status >= 500:  # the details (paths, SQL) go to the log, not to the client
        log.error("request failed: %s", exc)
        return error_response(status, exc.code, "the store is unavailable")
    return error_response(status, exc.code, exc.message)


async def _unexpected(_: Request, exc: Exception) -> JSONResponse:
    log.exception("unexpected error", exc_info=exc)
    return error_response(500, "internal_error", "internal server error")


def install(app: FastAPI) -> None:
    """Route every error kind to the one shape."""
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(FieldreportError, _fieldreport_error)
    app.add_exception_handler(Exception, _unexpected)
