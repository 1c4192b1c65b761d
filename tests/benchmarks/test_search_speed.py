"""Search at 100,000 profiles over 200 realistic queries (tests/benchmarks/queries.py).

HoSo: ``app.search.search`` (session, unit matching, tiers over the FTS5 trigram index, the rows
shown). Baseline, the best raw approach: the very SQL that search sent for that query — FTS5
candidates, rowid lookups, name-ordered walks, the rows shown — replayed through bare sqlite3 with
every decision already taken, so the ratio is all that HoSo adds around the database. The two are
interleaved query by query. The search of the previous release (LIKE over a covering index, kept
as the regression test's reference) is timed too, for the record.
"""

from __future__ import annotations

import sqlite3
import statistics
import time

from app.db import open_database
from app.search import search
from tests.benchmarks.conftest import BENCH_COUNT, SqlCapture, per_query_spread, percentile, record, report
from tests.benchmarks.queries import realistic_queries, reference_search


def test_search_latency(big_db_path) -> None:
    db = open_database(big_db_path)
    with db.session() as s:
        queries = realistic_queries(s)
    raw = sqlite3.connect(str(big_db_path))
    for query in queries:  # warm both paths once (page cache, the trigram counts, the unit list)
        with db.session() as s:
            search(s, query, limit=50)
    hoso_ms, raw_ms, old_ms = [], [], []
    with SqlCapture(db.engine) as sent:
        for query in queries:
            sent.take()
            started = time.perf_counter()
            with db.session() as s:
                hits = search(s, query, limit=50)
            hoso_ms.append((time.perf_counter() - started) * 1000)
            replay = sent.take()
            started = time.perf_counter()
            rows = [raw.execute(sql).fetchall() for sql in replay]
            raw_ms.append((time.perf_counter() - started) * 1000)
            assert len(rows[-1]) == len(hits) or not hits
    for query in queries[::4]:
        with db.session() as s:
            started = time.perf_counter()
            reference_search(s, query, limit=50)
            old_ms.append((time.perf_counter() - started) * 1000)
    raw.close()
    db.dispose()
    h_med, r_med = statistics.median(hoso_ms), statistics.median(raw_ms)
    h_p95, r_p95 = percentile(hoso_ms, 0.95), percentile(raw_ms, 0.95)
    spread = per_query_spread(hoso_ms, raw_ms)
    record(f"search, {len(queries)} queries, median", h_med, r_med, "ms", "FTS5 SQL replayed raw", 2, spread)
    record(f"search, {len(queries)} queries, p95", h_p95, r_p95, "ms", "FTS5 SQL replayed raw", 1.5)
    report(f"search over {BENCH_COUNT} profiles: previous release (LIKE over the covering index), every 4th query: "
           f"median {statistics.median(old_ms):.1f} ms, p95 {percentile(old_ms, 0.95):.1f} ms")
