"""Polite HTTP: timeouts, bounded retries with backoff, a per-host interval, conditional GET,
robots.txt, one User-Agent. The ``httpx.Client`` is injected (tests pass a ``MockTransport``).

    fetcher = Fetcher(httpx.Client())
    page = fetcher.get(url, etag=known_etag)      # Page; page.not_modified on 304
    fetcher.post_json(webhook, payload)           # same retries, same politeness

Errors (all ``FieldreportError``): ``FetchError`` (network trouble after the retries),
``HttpStatusError`` (a 4xx, or a 5xx/429 that outlasted the retries), ``RobotsDisallowed``.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from fieldreport import __version__
from fieldreport.errors import FieldreportError

USER_AGENT = f"fieldreport/{__version__} (+https://example.invalid/fieldreport)"
ROBOTS_AGENT = "fieldreport"  # the token robots.txt rules name
ROBOTS_TTL = 24 * 3600.0  # seconds a host's robots.txt is trusted
RETRY_STATUS = frozenset({429, 500, 502, 503, 504})


class FetchError(FieldreportError):
    """A URL could not be fetched (connection, timeout, bad URL), even after retries."""


class HttpStatusError(FetchError):
    """The server answered with an error status."""

    def __init__(self, message: str, *, source: str | None = None, status: int = 0) -> None:
        super().__init__(message, source=source)
        self.status = status


class RobotsDisallowed(FetchError):
    """The site's robots.txt forbids this URL to our user agent; it was not fetched."""


@dataclass(frozen=True, slots=True)
class Page:
    """One fetched document (``content`` is empty on 304 Not Modified)."""

    url: str
    status: int
    content: bytes
    etag: str | None = None
    last_modified: str | None = None
    content_type: str = ""

    @property
    def not_modified(self) -> bool:
        return self.status == 304


@dataclass(frozen=True, slots=True)
class _Robots:
    parser: RobotFileParser
    loaded_at: float


class Fetcher:
    """GETs and POSTs through one client, politely; keep one per process (it caches robots)."""

    def __init__(
        self,
        client: httpx.Client,
        *,
        timeout: float = 20.0,
        retries: int = 3,
        backoff: float = 1.0,
        max_backoff: float = 60.0,
        min_interval: float = 1.0,
        respect_robots: bool = True,
        user_agent: str = USER_AGENT,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.client = client
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
        self.max_backoff = max_backoff
        self.min_interval = min_interval
        self.respect_robots = respect_robots
        self.user_agent = user_agent
        self.sleep = sleep
        self.clock = clock
        self._last_request: dict[str, float] = {}
        self._robots: dict[str, _Robots] = {}

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> Page:
        """Fetch ``url`` (conditionally when ``etag``/``last_modified`` are known)."""
        if not self.allowed(url):
            raise RobotsDisallowed("robots.txt disallows this URL", source=url)
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        response = self._request("GET", url, headers=headers)
        if response.status_code == 304:
            return Page(url, 304, b"", etag, last_modified)
        _raise_for_status(response, url)
        return Page(
            url=str(response.url),
            status=response.status_code,
            content=response.content,
            etag=response.headers.get("etag"),
            last_modified=response.headers.get("last-modified"),
            content_type=response.headers.get("content-type", ""),
        )

    def post_json(self, url: str, payload: Any) -> int:
        """POST a JSON body (webhooks); returns the status, raises on an error status."""
        response = self._request("POST", url, json=payload)
        _raise_for_status(response, url)
        return response.status_code

    def allowed(self, url: str) -> bool:
        """Whether robots.txt lets us fetch ``url`` (robots.txt itself is always allowed)."""
        parts = urlsplit(url)
        if not self.respect_robots or parts.path == "/robots.txt" or not parts.netloc:
            return True
        root = f"{parts.scheme}://{parts.netloc}"
        cached = self._robots.get(root)
        if cached is None or self.clock() - cached.loaded_at > ROBOTS_TTL:
            cached = _Robots(self._load_robots(root), self.clock())
            self._robots[root] = cached
        return cached.parser.can_fetch(ROBOTS_AGENT, url)

    def _load_robots(self, root: str) -> RobotFileParser:
        """RFC 9309: 401/403 disallow all, other 4xx allow all; 5xx or no answer raise."""
        parser = RobotFileParser(f"{root}/robots.txt")
        response = self._request("GET", f"{root}/robots.txt")
        if response.status_code in (401, 403):
            parser.parse(["User-agent: *", "Disallow: /"])
        elif 400 <= response.status_code < 500:
            parser.parse([])
        else:
            _raise_for_status(response, f"{root}/robots.txt")
            parser.parse(response.text.splitlines())
        return parser

    def _request(
        self, method: str, url: str, *, headers: Mapping[str, str] | None = None, json: Any = None
    ) -> httpx.Response:
        """One request with bounded retries on connection errors, 5xx and 429."""
        for attempt in range(self.retries + 1):
            self._wait_turn(url)
            try:
                response = self.client.request(
                    method,
                    url,
                    headers={"User-Agent": self.user_agent, **(headers or {})},
                    json=json,
                    timeout=self.timeout,
                    follow_redirects=True,
                )
            except (httpx.UnsupportedProtocol, httpx.InvalidURL, httpx.TooManyRedirects) as exc:
                raise FetchError(f"{type(exc).__name__}: {exc}", source=url) from exc
            except httpx.TransportError as exc:  # connect errors, timeouts, broken reads
                if attempt == self.retries:
                    raise FetchError(f"{type(exc).__name__}: {exc}", source=url) from exc
                self.sleep(self._delay(attempt, None))
                continue
            if response.status_code not in RETRY_STATUS or attempt == self.retries:
                return response
            self.sleep(self._delay(attempt, response.headers.get("retry-after")))
        raise AssertionError("unreachable")  # the loop returns or raises

    def _delay(self, attempt: int, retry_after: str | None) -> float:
        """Exponential backoff (1, 2, 4... s), or the server's Retry-After seconds, capped."""
        wanted = float(self.backoff * 2**attempt)
        if retry_after and retry_after.strip().isdigit():
            wanted = max(wanted, float(retry_after))
        return min(wanted, self.max_backoff)

    def _wait_turn(self, url: str) -> None:
        """Keep ``min_interval`` seconds between two requests to one host."""
        host = urlsplit(url).netloc
        last = self._last_request.get(host, -math.inf)
        wait = last + self.min_interval - self.clock()
        if wait > 0:
            self.sleep(wait)
        self._last_request[host] = self.clock()


def _raise_for_status(response: httpx.Response, url: str) -> None:
    if response.status_code >= 400:
        raise HttpStatusError(
            f"HTTP {response.status_code} {response.reason_phrase}".strip(),
            source=url,
            status=response.status_code,
        )
