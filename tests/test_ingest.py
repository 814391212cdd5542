"""Ingest: text, HTML and JSONL inputs -> Articles, or a Failed record with a reason."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from fieldreport.errors import BadRecord, DecodeError, EmptyInput, UnsupportedFormat
from fieldreport.ingest import article_from_record, read_bytes, read_paths
from fieldreport.ingest.clean import clean_text, is_debris
from fieldreport.ingest.text import article_from_text, decode, split_header
from fieldreport.model import Article, Failed, article_id

REPORT = (
    "Gunmen kill four traders near Dori\n\n"
    "DORI: Unidentified gunmen killed four traders on the road to Dori on Tuesday, "
    "residents said.\n\nSoldiers on patrol near a market. PHOTO: AFP\n\nLoad Next Story\n"
)

PAGE = """<html lang="en"><head><title>Gunmen kill four traders - Sahel Ledger</title>
<meta property="og:site_name" content="Sahel Ledger">
<meta property="article:published_time" content="2024-03-06T08:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Gunmen kill four traders near Dori</h1>
<p>Unidentified gunmen killed four traders on the road to Dori on Tuesday, residents said,
in the latest attack on commerce in the region.</p>
<figure><img src="a.jpg"><figcaption>A convoy in another country. PHOTO: AFP</figcaption></figure>
<p>The traders were returning from a weekly market when their vehicle was stopped, a relative
told the newspaper by telephone.</p></article>
<script>document.write("tracking")</script></body></html>"""


def test_header_block_sets_metadata() -> None:
    text = "Title: A\nPublished: 2024-03-06\nOutlet: Sahel Ledger\n\n" + REPORT
    article = article_from_text(text)
    assert article.published == dt.date(2024, 3, 6)
    assert article.outlet == "Sahel Ledger"
    assert article.title == "A"
    assert not article.text.startswith("Title:")


def test_plain_text_without_header_keeps_first_line_as_title() -> None:
    article = article_from_text(REPORT, published=dt.date(2024, 3, 6))
    assert article.title == "Gunmen kill four traders near Dori"
    assert article.published == dt.date(2024, 3, 6)


def test_dateline_is_not_a_header() -> None:
    header, body = split_header("BAMAKO:\n\nSomething happened.")
    assert header == {} and body.startswith("BAMAKO:")


def test_captions_and_debris_are_dropped() -> None:
    article = article_from_text(REPORT)
    assert "PHOTO" not in article.text
    assert "Load Next Story" not in article.text
    assert "killed four traders" in article.text


@pytest.mark.parametrize(
    "line",
    [
        "Load Next Story",
        "Read more",
        "Advertisement",
        "Members of a group in a convoy. PHOTO: REUTERS",
        "A man walks (Photo: AFP)",
        "© 2024 Sahel Ledger",
    ],
)
def test_debris_lines(line: str) -> None:
    assert is_debris(line)


@pytest.mark.parametrize(
    "line", ["The army said the photo was fake.", "Gunmen killed four traders.", ""]
)
def test_not_debris(line: str) -> None:
    assert not is_debris(line)


def test_clean_text_folds_blank_lines() -> None:
    assert clean_text("a\n\n\n\nb\r\nc") == "a\n\nb\nc"


def test_clean_text_drops_hashtag_signs() -> None:
    assert clean_text("20 #Taliban fighters were killed in #Laghman.") == (
        "20 Taliban fighters were killed in Laghman."
    )
    assert clean_text("Route #3 and C# stay") == "Route #3 and C# stay"


def test_article_id_is_hash_of_normalized_text() -> None:
    assert article_id("a  b\n") == article_id("a b")
    assert article_id("a b") != article_id("a c")


def test_html_body_title_date_outlet() -> None:
    article = read_bytes(PAGE.encode(), source="page.html", suffix=".html")
    assert article.title == "Gunmen kill four traders near Dori"
    assert article.published == dt.date(2024, 3, 6)
    assert article.outlet == "Sahel Ledger"
    assert "killed four traders" in article.text
    assert "tracking" not in article.text and "Home" not in article.text
    assert "another country" not in article.text


def test_html_detected_without_suffix() -> None:
    assert read_bytes(PAGE.encode(), source="x").outlet == "Sahel Ledger"


def test_html_with_only_scripts_is_empty() -> None:
    with pytest.raises(EmptyInput):
        read_bytes(
            b"<html><head><script>x()</script><style>p{}</style></head></html>",
            source="s.html",
            suffix=".html",
        )


@pytest.mark.parametrize("data", [b"", b"   \n\t  "])
def test_empty_input(data: bytes) -> None:
    with pytest.raises(EmptyInput):
        read_bytes(data, source="e.txt", suffix=".txt")


def test_pdf_is_refused() -> None:
    with pytest.raises(UnsupportedFormat, match="PDF"):
        decode(b"%PDF-1.7 ...")


def test_binary_is_refused() -> None:
    with pytest.raises(DecodeError):
        decode(b"\x00\x01\x02abc")


def test_windows_1252_text_is_read() -> None:
    assert decode("Ségou – l’armée".encode("cp1252")) == "Ségou – l’armée"


def test_utf8_bom_is_dropped() -> None:
    assert decode("\ufeffhello".encode()) == "hello"


def test_record_with_text_and_metadata() -> None:
    article = article_from_record(
        {
            "text": "Soldiers clashed with militants in Gao.",
            "published": "2024-05-02",
            "outlet": "X",
        },
        source="b:1",
    )
    assert article.published == dt.date(2024, 5, 2) and article.outlet == "X"


@pytest.mark.parametrize(
    "record, message",
    [
        ([1, 2], "JSON object"),
        ({"title": "x"}, "neither"),
        ({"text": 5}, "string"),
        ({"text": "x", "published": "yesterday"}, "ISO date"),
        ({"text": "x", "url": 3}, "url"),
    ],
)
def test_bad_records(record: object, message: str) -> None:
    with pytest.raises(BadRecord, match=message):
        article_from_record(record, source="b:1")


def test_read_paths_goes_past_bad_items(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "b.txt").write_text("  ", encoding="utf-8")
    (tmp_path / "c.html").write_text(PAGE, encoding="utf-8")
    lines = [
        json.dumps({"text": "Protesters marched in Bamako.", "published": "2024-01-02"}),
        "{not json",
        json.dumps({"html": PAGE}),
        json.dumps({"nothing": 1}),
    ]
    (tmp_path / "d.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "ignored.pdf").write_bytes(b"%PDF-1.4")
    items = list(read_paths([tmp_path]))
    articles = [i for i in items if isinstance(i, Article)]
    failed = [i for i in items if isinstance(i, Failed)]
    assert len(articles) == 4
    assert sorted(f.code for f in failed) == ["bad_record", "bad_record", "empty_input"]
    assert any(f.source.endswith("d.jsonl:2") and "invalid JSON" in f.message for f in failed)


def test_missing_and_unsupported_files(tmp_path: Path) -> None:
    pdf = tmp_path / "x.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    items = list(read_paths([tmp_path / "nope.txt", pdf]))
    assert [i.code for i in items if isinstance(i, Failed)] == ["input_error", "unsupported_format"]


def test_a_hashtagged_group_keeps_its_count(pipeline) -> None:  # type: ignore[no-untyped-def]
    article = read_bytes(
        b"On 3 May 2021, 20 #Taliban fighters were killed in a clash with #ANDSF troops in "
        b"Laghman, Afghanistan.",
        source="x.txt",
        suffix=".txt",
        published=dt.date(2021, 5, 5),
    )
    (m,) = pipeline.extract(article)
    assert m.fatalities.acled == 20
