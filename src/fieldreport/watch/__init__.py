"""Monitor stage: follow news feeds, keep incidents current, alert on what matters.

``fetch`` (polite HTTP) -> ``feeds`` (RSS/Atom items) -> ``watch`` (new items -> articles ->
store -> fusion) -> ``alerts`` (saved rules, an outbox of alerts); ``state`` holds what the
monitor remembers, in the store's database.
"""

from fieldreport.watch.alerts import add_alert, list_alerts
from fieldreport.watch.fetch import USER_AGENT, Fetcher, FetchError, Page, RobotsDisallowed
from fieldreport.watch.state import AlertRule, WatchState
from fieldreport.watch.watch import PollReport, poll_once, read_feeds, run_watch, watch

__all__ = [
    "USER_AGENT",
    "AlertRule",
    "FetchError",
    "Fetcher",
    "Page",
    "PollReport",
    "RobotsDisallowed",
    "WatchState",
    "add_alert",
    "list_alerts",
    "poll_once",
    "read_feeds",
    "run_watch",
    "watch",
]
