"""Export stage: stored mentions -> ACLED CSV rows and JSON records."""

from fieldreport.export.acled import (
    ACLED_COLUMNS,
    acled_row,
    acled_rows,
    civilian_targeting,
    disorder_type,
    interaction,
    split_by_day,
    write_acled_csv,
)
from fieldreport.export.records import mention_record, write_jsonl

__all__ = [
    "ACLED_COLUMNS",
    "acled_row",
    "acled_rows",
    "civilian_targeting",
    "disorder_type",
    "interaction",
    "mention_record",
    "split_by_day",
    "write_acled_csv",
    "write_jsonl",
]
