"""Batch runs: sharded JSONL/Parquet/WARC in, the same mention rows from both engines out.

The inputs are written by the tests from the invented articles in examples/ and short notes
made up here; nothing is read from ../shared.
"""

from __future__ import annotations

import importlib.util
import io
import json
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from fieldreport.distributed import run_batch
from fieldreport.distributed.sources import read_shard
from fieldreport.distributed.stages import mention_from_dict
from fieldreport.errors import ConfigError
from fieldreport.model import Article, Failed, as_dict
from fieldreport.store import Store

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
NOTES = [
    (
        "2024-03-11",
        "On 9 March 2024, JNIM militants attacked a military post near Djibo "
        "(Soum, Burkina Faso), killing 6 soldiers, the army said.",
    ),
    (
        "2024-04-16",
        "On 14 April 2024, gunmen attacked the village of Tiguila-Dogon near "
        "Bankass (Mopti, Mali) and killed at least 11 civilians, a local official said.",
    ),
    (
        "2024-07-17",
        "Police fired tear gas at rioting tricycle operators in Maiduguri "
        "(Borno, Nigeria) on Monday 15 July 2024; 14 people were arrested.",
    ),
]
BAD_LINES = ['{"title": "no body"}', "{not json", '"a string, not an object"']
SHARDS = ("a.jsonl", "b.jsonl", "c.jsonl", "d.parquet", "crawl.warc.gz")
BAD_RECORDS = len(BAD_LINES) + 1 + 1  # JSONL lines, a Parquet row, a non-HTML WARC response


def _records() -> list[dict[str, str]]:
    records = [json.loads(line) for line in (EXAMPLES / "batch.jsonl").read_text().splitlines()]
    records += [{"text": p.read_text(encoding="utf-8")} for p in sorted(EXAMPLES.glob("0*.txt"))]
    records += [{"text": text, "published": day, "outlet": "Notes"} for day, text in NOTES]
    return records


def _write_warc(path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    pages = [(p, "text/html; charset=utf-8", p.read_bytes()) for p in EXAMPLES.glob("*.html")]
    pages.append((Path("logo.png"), "image/png", b"\x89PNG\r\n"))
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        for page, kind, body in sorted(pages):
            headers = StatusAndHeaders("200 OK", [("Content-Type", kind)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                f"https://pages.example/{page.name}",
                "response",
                payload=io.BytesIO(body),
                length=len(body),  # no temporary buffer left unclosed by warcio
                http_headers=headers,
                warc_headers_dict={"WARC-Date": "2024-10-07T08:00:00Z"},
            )
            writer.write_record(record)


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    folder = tmp_path_factory.mktemp("shards")
    records = _records()
    thirds = [records[0:5], records[5:9], records[9:11]]
    for name, part, bad in zip(SHARDS[:3], thirds, [BAD_LINES[:1], BAD_LINES[1:], []], strict=True):
        lines = [json.dumps(r) for r in part] + bad
        (folder / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    rows = [{"text": None, "published": None, "outlet": "Empty", "url": None, "title": None}]
    rows += [
        {
            "text": r["text"],
            "published": r.get("published"),
            "outlet": r.get("outlet"),
            "url": r.get("url"),
            "title": r.get("title"),
        }
        for r in records[11:]
    ]
    pq.write_table(pa.Table.from_pylist(rows), folder / SHARDS[3])
    _write_warc(folder / SHARDS[4])
    return [folder / name for name in SHARDS]


def _rows(out: Path) -> dict[str, list[dict[str, object]]]:
    return {n: pq.read_table(out / "mentions" / f"{n}.parquet").to_pylist() for n in SHARDS}


def _incidents(out: Path) -> list[dict[str, object]]:
    """incidents.jsonl without the revision times (fusion stamps them with the clock)."""
    found = [json.loads(line) for line in (out / "incidents.jsonl").read_text().splitlines()]
    for incident in found:
        for revision in incident["revisions"]:
            revision.pop("at")
    return found


@pytest.fixture(scope="module")
def local_run(inputs: list[Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("local")
    report = run_batch(inputs, out, engine="local", workers=2, show_progress=False)
    assert report.failed == BAD_RECORDS
    assert report.shards == report.shards_run == len(SHARDS)
    assert report.mentions > 0 and report.incidents > 0
    return out


def test_sources_yield_failures_not_exceptions(inputs: list[Path]) -> None:
    items = [item for path in inputs for item in read_shard(path)]
    failed = [i for i in items if isinstance(i, Failed)]
    assert len(failed) == BAD_RECORDS
    warc = [i for i in read_shard(inputs[4]) if isinstance(i, Article)]
    assert len(warc) == 2
    assert all(a.url and a.fetched_at and a.fetched_at.year == 2024 for a in warc)


@pytest.mark.slow
def test_local_run_writes_every_output(local_run: Path) -> None:
    assert sorted(p.name for p in (local_run / "_done").iterdir()) == sorted(SHARDS)
    errors = [json.loads(line) for line in (local_run / "errors.jsonl").read_text().splitlines()]
    assert len(errors) == BAD_RECORDS
    assert {e["code"] for e in errors} >= {"bad_record", "unsupported_format"}
    assert all(e["source"] and e["message"] for e in errors)
    incidents = (local_run / "incidents.jsonl").read_text().splitlines()
    assert len(incidents) == pq.read_table(local_run / "incidents.parquet").num_rows > 0
    assert not list(local_run.rglob("*.tmp"))


@pytest.mark.slow
def test_mention_rows_rebuild_the_mentions_exactly(local_run: Path) -> None:
    rows = [r for shard in _rows(local_run).values() for r in shard]
    assert any(r["country"] for r in rows) and any(r["fatalities"] for r in rows)
    for row in rows:
        record = json.loads(str(row["record"]))
        mention = mention_from_dict(record)
        assert mention.index == row["mention_id"]
        assert as_dict(mention) == record
    keys = [(r["seq"], r["mention"]) for r in _rows(local_run)["a.jsonl"]]
    assert keys == sorted(keys)


@pytest.mark.slow
@pytest.mark.skipif(importlib.util.find_spec("ray") is None, reason="ray is not installed")
@pytest.mark.filterwarnings("ignore::DeprecationWarning", "ignore::FutureWarning")
def test_ray_engine_gives_the_same_rows(
    inputs: list[Path], local_run: Path, tmp_path: Path
) -> None:
    report = run_batch(inputs, tmp_path, engine="ray", workers=2, show_progress=False)
    assert report.failed == BAD_RECORDS
    assert _rows(tmp_path) == _rows(local_run)
    assert (tmp_path / "errors.jsonl").read_text() == (local_run / "errors.jsonl").read_text()
    assert _incidents(tmp_path) == _incidents(local_run)


class Interrupted(Exception):
    pass


def _stop(_: object) -> None:
    raise Interrupted


@pytest.mark.slow
def test_an_interrupted_run_resumes_without_redoing_shards(
    inputs: list[Path], local_run: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    with pytest.raises(Interrupted):
        run_batch(inputs, out, engine="local", workers=2, show_progress=False, on_shard=_stop)
    finished = sorted(p.name for p in (out / "_done").iterdir())
    assert 1 <= len(finished) < len(SHARDS)
    files = [out / "mentions" / f"{n}.parquet" for n in finished]
    files += [out / "_done" / n for n in finished]
    before = {f: f.stat().st_mtime_ns for f in files}
    db = tmp_path / "load.db"
    report = run_batch(inputs, out, engine="local", workers=2, show_progress=False, load=str(db))
    assert report.shards_run == len(SHARDS) - len(finished)
    assert report.failed == BAD_RECORDS  # the finished shards' failures are kept
    assert {f: f.stat().st_mtime_ns for f in files} == before
    assert _rows(out) == _rows(local_run)
    with Store(db) as store:
        assert len(store.mentions()) == report.mentions
        assert store.incidents()


def test_ray_engine_without_ray_is_a_config_error(
    inputs: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)
    with pytest.raises(ConfigError, match=r"pip install 'fieldreport\[ray\]'"):
        run_batch(inputs[:1], tmp_path, engine="ray", workers=1, show_progress=False)
