"""Batch runs at scale: sharded inputs (JSONL, Parquet, WARC) -> mention Parquet -> incidents.

``sources`` reads shards into articles, ``stages`` turns batches of articles into mention rows
(the same functions on both engines), ``engine`` runs them on local processes or Ray Data and
``outputs`` writes the shard files, markers, errors and incidents; ``load`` fills a store.
"""

from __future__ import annotations

from fieldreport.distributed.engine import ENGINES, BatchReport, run_batch

__all__ = ["ENGINES", "BatchReport", "run_batch"]
