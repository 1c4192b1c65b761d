"""Search on PostgreSQL at 100,000 profiles (issue 17) over the 200 realistic queries
(tests/benchmarks/queries.py), on the server of tests/city.

HoSo: ``app.search.search`` on PostgreSQL (session, unit matching, the one statement answered by
the ``pg_trgm`` GIN indexes of migration 0015, the rows shown). Baseline, the best raw approach:
the very statements search sent for that query (captured with their parameters), replayed through
bare psycopg on an open connection with every decision already taken — so the ratio is all that
HoSo adds around the database. The two are interleaved query by query. The same statements with
bitmap scans forbidden (how the search ran before the trigram indexes: a scan of every row) are
timed too, for the record. Every result equals the SQLite search's on the same generated database.

The people of the ``big_db_path`` SQLite demo are copied once into the database
``hoso_bench_search_<N>`` (kept between runs, like the SQLite file; dropped and made again when its
count differs).
"""

from __future__ import annotations

import statistics
import time

import psycopg
import pytest
from sqlalchemy import event

from app.db import open_database
from app.search import search
from tests.benchmarks.conftest import BENCH_COUNT, per_query_spread, percentile, record, report
from tests.benchmarks.queries import realistic_queries
from tests.city.conftest import SERVER
from tests.city.search_support import copy_people

NAME = f"hoso_bench_search_{BENCH_COUNT}"


def _url() -> str:
    return SERVER.rsplit("/", 1)[0].replace("postgresql://", "postgresql+psycopg://") + f"/{NAME}"


@pytest.fixture(scope="module")
def pg_search_db(big_db_path):
    try:
        admin = psycopg.connect(SERVER, autocommit=True, connect_timeout=5)
    except psycopg.OperationalError as exc:
        pytest.skip(f"no PostgreSQL server reachable: {exc}")
    with admin:
        exists = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", (NAME,)).fetchone()
        count = None
        if exists:
            with psycopg.connect(_url().replace("+psycopg", ""), autocommit=True) as conn:
                try:
                    count = conn.execute("SELECT count(*) FROM persons").fetchone()[0]
                except psycopg.Error:
                    count = None
        if count != BENCH_COUNT:
            admin.execute(f'DROP DATABASE IF EXISTS "{NAME}" WITH (FORCE)')
            admin.execute(f"CREATE DATABASE \"{NAME}\" ENCODING 'UTF8' TEMPLATE template0")
            open_database(_url()).dispose()  # migrated (0015: the trigram indexes)
            started = time.perf_counter()
            copied = copy_people(big_db_path, _url())
            report(f"search on PostgreSQL: {copied} profiles copied in {time.perf_counter() - started:.1f} s")
    return _url()


class _Sent:
    """The statements (with their parameters) SQLAlchemy sends on the engine's connections."""

    def __init__(self, engine) -> None:  # noqa: ANN001
        self.engine, self.statements = engine, []

    def _before(self, _conn, _cursor, statement, parameters, _context, executemany) -> None:  # noqa: ANN001
        if not executemany:
            self.statements.append((statement, parameters))

    def __enter__(self) -> _Sent:
        event.listen(self.engine, "before_cursor_execute", self._before)
        return self

    def __exit__(self, *_exc: object) -> None:
        event.remove(self.engine, "before_cursor_execute", self._before)

    def take(self) -> list:
        taken, self.statements = self.statements, []
        return taken


def test_search_latency_postgresql(pg_search_db, big_db_path) -> None:
    db = open_database(pg_search_db)
    lite = open_database(big_db_path)
    with lite.session() as s:
        queries = realistic_queries(s)
    # the same results and ranks as the SQLite search, query by query (and a warm-up of both paths)
    for query in queries:
        with db.session() as s:
            got = [(h.id.hex, h.rank) for h in search(s, query, limit=50)]
        with lite.session() as s:
            assert got == [(h.id.hex, h.rank) for h in search(s, query, limit=50)], query
    lite.dispose()
    raw = psycopg.connect(pg_search_db.replace("+psycopg", ""), autocommit=True)
    hoso_ms, raw_ms, scan_ms = [], [], []
    with _Sent(db.engine) as sent:
        for i, query in enumerate(queries):
            sent.take()
            started = time.perf_counter()
            with db.session() as s:
                hits = search(s, query, limit=50)
            hoso_ms.append((time.perf_counter() - started) * 1000)
            replay = sent.take()
            started = time.perf_counter()
            rows = [raw.execute(sql, params).fetchall() for sql, params in replay]
            raw_ms.append((time.perf_counter() - started) * 1000)
            assert len(rows[-1]) == len(hits)
            if i % 4 == 0:  # before the indexes: the same statements, every row scanned
                with raw.transaction():
                    raw.execute("SET LOCAL enable_bitmapscan = off")
                    started = time.perf_counter()
                    for sql, params in replay:
                        raw.execute(sql, params).fetchall()
                    scan_ms.append((time.perf_counter() - started) * 1000)
    raw.close()
    db.dispose()
    h_med, r_med = statistics.median(hoso_ms), statistics.median(raw_ms)
    h_p95, r_p95 = percentile(hoso_ms, 0.95), percentile(raw_ms, 0.95)
    spread = per_query_spread(hoso_ms, raw_ms)
    record(f"search on PostgreSQL, {len(queries)} queries, median", h_med, r_med, "ms", "the same SQL raw (psycopg)",
           2, spread)
    record(f"search on PostgreSQL, {len(queries)} queries, p95", h_p95, r_p95, "ms", "the same SQL raw (psycopg)", 1.5)
    report(f"search on PostgreSQL over {BENCH_COUNT} profiles without the trigram indexes (bitmap scans off, "
           f"every 4th query, raw): median {statistics.median(scan_ms):.1f} ms, p95 {percentile(scan_ms, 0.95):.1f} ms")
