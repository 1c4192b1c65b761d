"""Search at 100,000 profiles: HoSo's search (service + ORM + ranking) against the same SQL
run directly through sqlite3, over 200 realistic queries. Reports median and p95 of both and
their ratio (the cost of HoSo's layers over the bare query)."""

from __future__ import annotations

import random
import sqlite3
import statistics
import time

from sqlalchemy import select

from app.db import open_database
from app.search import search, search_statement
from app.text import fold
from models import Person, Unit
from tests.benchmarks.conftest import BENCH_COUNT, report


def realistic_queries(db, n: int = 200, seed: int = 7) -> list[str]:
    """What clerks type: given names, full names with accents, family + given without accents,
    a few first letters, a CCCD or its start, a unit's name."""
    rng = random.Random(seed)
    with db.session() as s:
        sample = s.execute(select(Person.full_name, Person.cccd).order_by(Person.id).limit(5000)).all()
        unit_names = [n for (n,) in s.execute(select(Unit.name))]
    queries = []
    for i in range(n):
        name, cccd = rng.choice(sample)
        words = name.split()
        kind = i % 8
        if kind in (0, 1):
            queries.append(fold(words[-1]))  # "hoa"
        elif kind == 2:
            queries.append(name)  # "Nguyễn Thị Hoa"
        elif kind == 3:
            queries.append(fold(f"{words[0]} {words[-1]}"))  # "nguyen hoa"
        elif kind == 4:
            queries.append(fold(words[-1])[:3])  # "ngu"
        elif kind == 5:
            queries.append(cccd if rng.random() < 0.5 else cccd[: rng.randint(6, 9)])
        elif kind == 6:
            queries.append(fold(" ".join(rng.choice(unit_names).split()[-2:])))  # "hai chau"
        else:
            queries.append(fold(" ".join(words[1:])))  # "thi hoa"
    return queries


def _percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[int(len(ordered) * 0.95) - 1]


def test_search_latency(big_db_path) -> None:
    db = open_database(big_db_path)
    queries = realistic_queries(db)
    raw = sqlite3.connect(str(big_db_path))
    hoso_ms, direct_ms = [], []
    for query in queries:  # warm both paths once
        with db.session() as s:
            search(s, query, limit=50)
    for query in queries:
        started = time.perf_counter()
        with db.session() as s:
            hits = search(s, query, limit=50)
        hoso_ms.append((time.perf_counter() - started) * 1000)
        with db.session() as s:
            stmt = search_statement(s, query, limit=50)
            sql = str(stmt.compile(dialect=db.engine.dialect, compile_kwargs={"literal_binds": True}))
        started = time.perf_counter()
        rows = raw.execute(sql).fetchall()
        direct_ms.append((time.perf_counter() - started) * 1000)
        assert len(rows) == len(hits)
    raw.close()
    db.dispose()
    h_med, h_p95 = _percentiles(hoso_ms)
    d_med, d_p95 = _percentiles(direct_ms)
    report(f"search over {BENCH_COUNT} profiles, {len(queries)} queries: HoSo median {h_med:.1f} ms, "
           f"p95 {h_p95:.1f} ms; same SQL direct median {d_med:.1f} ms, p95 {d_p95:.1f} ms; "
           f"ratio median {h_med / d_med:.2f}, p95 {h_p95 / d_p95:.2f}")
