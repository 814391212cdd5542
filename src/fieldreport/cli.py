"""Command line: thin over the library; each command parses its options and calls one function."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Annotated, TypedDict, cast

import typer
from rich.console import Console
from rich.table import Table

from fieldreport import service
from fieldreport.config import Settings
from fieldreport.errors import FieldreportError
from fieldreport.export.incidents import flat, write_incidents
from fieldreport.ingest.text import parse_date
from fieldreport.model import Article, Mention, as_dict

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Conflict news in; sourced, structured, geolocated event data out.",
)
err = Console(stderr=True)

Format = Annotated[str, typer.Option("--format", "-f", help="table, csv or json")]
Db = Annotated[
    str, typer.Option("--db", envvar="FIELDREPORT_DB", help="SQLite file path or SQLAlchemy URL")
]
Country = Annotated[str | None, typer.Option(help="country name or ISO2 code")]
Since = Annotated[str | None, typer.Option(help="first event date YYYY-MM-DD")]
Until = Annotated[str | None, typer.Option(help="last event date YYYY-MM-DD")]
EventType = Annotated[str | None, typer.Option("--type", help="ACLED event type")]
Model = Annotated[
    str | None, typer.Option("--model", envvar="FIELDREPORT_MODEL", help="spaCy pipeline to use")
]


def _date(value: str | None, option: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return parse_date(value, field=option)
    except FieldreportError as exc:
        raise typer.BadParameter(exc.message, param_hint=option) from exc


class Filters(TypedDict):
    country: str | None
    since: dt.date | None
    until: dt.date | None
    event_type: str | None


def _filters(
    country: str | None, since: str | None, until: str | None, event_type: str | None = None
) -> Filters:
    """The shared filter options as keyword arguments for the service functions."""
    return Filters(
        country=country,
        since=_date(since, "--since"),
        until=_date(until, "--until"),
        event_type=event_type,
    )


def _fail(exc: FieldreportError) -> typer.Exit:
    err.print(f"[red]error[/red] ({exc.code}): {exc}")
    return typer.Exit(2)


@app.command()
def extract(
    path: Annotated[Path, typer.Argument(help="a .txt or .html article ('-' for stdin)")],
    published: Annotated[str | None, typer.Option(help="publication date YYYY-MM-DD")] = None,
    url: Annotated[str | None, typer.Option(help="the article's URL")] = None,
    outlet: Annotated[str | None, typer.Option(help="who published it")] = None,
    fmt: Format = "json",
    model: Model = None,
) -> None:
    """Extract the events of one article and print them (JSON, CSV or a table)."""
    settings = Settings.from_env(model=model)
    try:
        data = sys.stdin.buffer.read() if str(path) == "-" else path.read_bytes()
    except OSError as exc:
        raise _fail(FieldreportError(exc.strerror or str(exc), source=str(path))) from exc
    try:
        article, mentions = service.extract_bytes(
            data,
            source=str(path),
            suffix=path.suffix.lower(),
            settings=settings,
            published=_date(published, "--published"),
            url=url,
            outlet=outlet,
        )
    except FieldreportError as exc:
        raise _fail(exc) from exc
    service.write_mentions([(article, m) for m in mentions], fmt, sys.stdout)


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="files or folders (.txt, .html, .jsonl)")],
    db: Db = "fieldreport.db",
    model: Model = None,
) -> None:
    """Read articles into the store; already-stored articles are skipped (idempotent)."""
    settings = Settings.from_env(db=db, model=model)
    try:
        report = service.ingest_paths(paths, settings, on_failure=_print_failure)
    except FieldreportError as exc:
        raise _fail(exc) from exc
    err.print(
        f"articles: {report.added} added, {report.skipped} already stored, "
        f"{report.failed} failed; events: {report.mentions}; incidents: "
        f"{report.incidents_new} new, {report.incidents_updated} updated"
    )
    if report.failed:
        raise typer.Exit(1)


def _print_failure(source: str, code: str, message: str) -> None:
    err.print(f"[yellow]skipped[/yellow] {source}: {code}: {message}")


@app.command()
def events(
    db: Db = "fieldreport.db",
    country: Country = None,
    since: Since = None,
    until: Until = None,
    event_type: EventType = None,
    fmt: Format = "table",
) -> None:
    """List the stored events, filtered."""
    try:
        rows = service.stored_events(
            Settings.from_env(db=db),
            **_filters(country, since, until, event_type),
        )
    except FieldreportError as exc:
        raise _fail(exc) from exc
    if fmt == "table":
        _print_table(rows)
    else:
        service.write_mentions(rows, fmt, sys.stdout)


def _print_table(rows: list[tuple[Article, Mention]]) -> None:
    table = Table(title=f"{len(rows)} events")
    for column in (
        "date",
        "type",
        "sub-type",
        "actor1",
        "actor2",
        "location",
        "country",
        "fatal.",
        "claims",
    ):
        table.add_column(column, overflow="fold")
    for record in service.table_rows(rows):
        table.add_row(*record)
    Console().print(table)


@app.command()
def incidents(
    db: Db = "fieldreport.db",
    country: Country = None,
    since: Since = None,
    until: Until = None,
    event_type: EventType = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or jsonl")] = "table",
) -> None:
    """List incidents: each is every report of one event, fused."""
    try:
        found = service.stored_incidents(
            Settings.from_env(db=db),
            **_filters(country, since, until, event_type),
        )
    except FieldreportError as exc:
        raise _fail(exc) from exc
    if fmt == "jsonl":
        write_incidents(found, "jsonl", sys.stdout)
        return
    table = Table(title=f"{len(found)} incidents")
    for column in (
        "id",
        "date",
        "type",
        "location",
        "country",
        "actor1",
        "actor2",
        "fatal. (low-best-high)",
        "reports",
    ):
        table.add_column(column, overflow="fold")
    for i in found:
        row = flat(i)
        f = i.fatalities
        table.add_row(
            i.id,
            row["date"] or "",
            i.event_type,
            row["location"] or "",
            row["country"] or "",
            row["actor1"],
            row["actor2"],
            f"{f.acled} ({f.low}-{f.best}-{f.high})",
            str(row["reports"]),
        )
    Console().print(table)


@app.command()
def incident(
    incident_id: Annotated[str, typer.Argument(help="an id from 'fieldreport incidents'")],
    db: Db = "fieldreport.db",
) -> None:
    """Show one incident: its claims (who says how many), outlets and revisions, as JSON."""
    try:
        found = service.stored_incidents(Settings.from_env(db=db), ids=[incident_id])
    except FieldreportError as exc:
        raise _fail(exc) from exc
    if not found:
        raise _fail(FieldreportError(f"no incident {incident_id!r}", source=db))
    typer.echo(json.dumps(as_dict(found[0]), indent=2, ensure_ascii=False))


@app.command()
def export(
    db: Db = "fieldreport.db",
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="acled, ucdp, geojson, jsonl or parquet")
    ] = "acled",
    out: Annotated[
        Path | None, typer.Option(help="write to this file (needed for parquet)")
    ] = None,
    country: Country = None,
    since: Since = None,
    until: Until = None,
) -> None:
    """Export incidents (ACLED rows are split one per day, the toll divided as ACLED does)."""
    try:
        found = service.stored_incidents(
            Settings.from_env(db=db), **_filters(country, since, until)
        )
        if out is not None and fmt != "parquet":
            with out.open("w", encoding="utf-8", newline="") as handle:
                count = write_incidents(found, fmt, handle)
        else:
            count = write_incidents(found, fmt, sys.stdout, out)
    except FieldreportError as exc:
        raise _fail(exc) from exc
    err.print(f"{count} rows written")


@app.command("eval")
def eval_cmd(
    gold: Annotated[Path, typer.Argument(help="gold CSV: ACLED export or UCDP GED")],
    fmt: Annotated[str, typer.Option("--format", help="acled or ucdp")] = "acled",
    limit: Annotated[int | None, typer.Option(help="score only the first N rows")] = None,
    report: Annotated[Path | None, typer.Option(help="write the JSON report here")] = None,
    errors: Annotated[Path | None, typer.Option(help="write each miss as JSONL here")] = None,
    baseline: Annotated[Path | None, typer.Option(help="fail below these floors")] = None,
    workers: Annotated[int, typer.Option(help="processes (default: every core)")] = 0,
    raise_floors: Annotated[
        bool, typer.Option("--raise-floors", help="move the baseline's floors up to today's")
    ] = False,
    model: Model = None,
) -> None:
    """Score the pipeline against human coders; with --baseline, fail below the floors."""
    from fieldreport import evaluate_cli

    try:
        code = evaluate_cli.run(
            gold,
            fmt=fmt,
            limit=limit,
            report=report,
            errors=errors,
            baseline=baseline,
            workers=workers,
            raise_floors=raise_floors,
            settings=Settings.from_env(model=model),
        )
    except FieldreportError as exc:
        raise _fail(exc) from exc
    raise typer.Exit(code)


@app.command()
def serve(
    db: Db = "fieldreport.db",
    host: Annotated[str, typer.Option(help="interface to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port")] = 8000,
    model: Model = None,
) -> None:
    """Serve the JSON API and the web page; writes need FIELDREPORT_TOKEN (else read-only)."""
    from fieldreport.api.server import serve as run_server

    try:
        run_server(Settings.from_env(db=db, model=model), host=host, port=port)
    except FieldreportError as exc:
        raise _fail(exc) from exc


@app.command("watch")
def watch_cmd(
    feeds: Annotated[Path, typer.Option("--feeds", help="feed URLs, one a line (# comments)")],
    db: Db = "fieldreport.db",
    every: Annotated[str, typer.Option(help="time between polls: 90s, 10m, 1h")] = "10m",
    once: Annotated[bool, typer.Option("--once", help="poll once and exit")] = False,
    model: Model = None,
) -> None:
    """Follow news feeds: store new reports, keep incidents current, send alerts."""
    from fieldreport.watch import run_watch
    from fieldreport.watch.watch import PollReport

    failed = False

    def show(report: PollReport) -> None:
        nonlocal failed
        for f in report.failed:
            err.print(f"[yellow]feed failed[/yellow] {f.url}: {f.error}")
        failed = bool(report.failed)
        err.print(report.summary())

    try:
        run_watch(
            feeds,
            Settings.from_env(db=db, model=model),
            every,
            once,
            on_report=show,
            on_error=lambda e: err.print(f"[red]poll failed[/red] ({e.code}): {e}"),
        )
    except FieldreportError as exc:
        raise _fail(exc) from exc
    if once and failed:
        raise typer.Exit(1)


alerts_app = typer.Typer(no_args_is_help=True, help="Saved alert rules over incidents.")
app.add_typer(alerts_app, name="alerts")


@alerts_app.command("add")
def alerts_add(
    to: Annotated[str, typer.Option("--to", help="webhook:https://... or file:path.jsonl")],
    country: Country = None,
    min_fatalities: Annotated[int | None, typer.Option("--min-fatalities", min=0)] = None,
    event_type: EventType = None,
    db: Db = "fieldreport.db",
) -> None:
    """Save a rule; prints its id."""
    from fieldreport.watch import add_alert

    try:
        rule_id = add_alert(Settings.from_env(db=db), country, min_fatalities, event_type, to)
    except FieldreportError as exc:
        raise _fail(exc) from exc
    typer.echo(rule_id)


@alerts_app.command("list")
def alerts_list(db: Db = "fieldreport.db") -> None:
    """Print the saved rules as JSON lines."""
    from fieldreport.watch import list_alerts

    try:
        rules = list_alerts(Settings.from_env(db=db))
    except FieldreportError as exc:
        raise _fail(exc) from exc
    for rule in rules:
        typer.echo(json.dumps(as_dict(rule)))


@app.command()
def batch(
    inputs: Annotated[
        list[Path], typer.Argument(help="shards or folders (.jsonl, .parquet, .warc, .warc.gz)")
    ],
    out: Annotated[Path, typer.Option(help="output folder: mentions/, errors.jsonl, incidents")],
    engine: Annotated[str, typer.Option(help="local (a process per worker) or ray")] = "local",
    workers: Annotated[int, typer.Option(help="worker processes or Ray actors")] = 2,
    load: Annotated[str | None, typer.Option(help="database to load the results into")] = None,
    model: Model = None,
) -> None:
    """Run the pipeline over sharded inputs; a rerun skips the shards already finished."""
    from fieldreport.distributed import run_batch
    from fieldreport.distributed.engine import Engine

    try:
        report = run_batch(
            inputs,
            out,
            engine=cast(Engine, engine),
            workers=workers,
            settings=Settings.from_env(model=model),
            load=load,
        )
    except FieldreportError as exc:
        raise _fail(exc) from exc
    err.print(
        f"shards: {report.shards_run} run, {report.shards - report.shards_run} already "
        f"done; articles: {report.articles}; events: {report.mentions}; incidents: "
        f"{report.incidents}; failed: {report.failed}; {report.seconds:.1f} s"
    )
    if report.failed:
        raise typer.Exit(1)


@app.command()
def version() -> None:
    """Print the version."""
    from fieldreport import __version__

    typer.echo(json.dumps({"fieldreport": __version__}))


if __name__ == "__main__":  # pragma: no cover
    app()
