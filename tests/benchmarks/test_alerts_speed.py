"""Alerts, the completeness dashboard and the quality checks over the whole benchmark database.

Each is timed against a baseline measured in the same run on the same database: the bare SQL
its person query sends, run directly through sqlite3 (no SQLAlchemy, no rules). The ratio is the
cost of everything HoSo adds — the other bulk queries, the rules, building the results. Best of
``ROUNDS`` runs (a shared machine's noise only ever adds time); CPU time is reported too.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import time
from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy import select

from app import alerts, dashboard, quality
from app.db import open_database
from app.rules import completeness as completeness_rules
from models import Person
from tests.benchmarks.conftest import BENCH_COUNT, report

ROUNDS = 3
AS_OF = dt.date.today()  # the demo's dates are relative to the day it was generated


def _best(run: Callable[[], Any]) -> tuple[float, float, Any]:
    """(best wall seconds, CPU seconds of that run, the last result)."""
    best = (float("inf"), 0.0)
    result = None
    for _ in range(ROUNDS):
        wall, cpu = time.perf_counter(), time.process_time()
        result = run()
        best = min(best, (time.perf_counter() - wall, time.process_time() - cpu))
    return best[0], best[1], result


def _direct(path: str, db, stmt) -> Callable[[], list]:
    compiled = stmt.compile(dialect=db.engine.dialect)
    params = compiled.construct_params()
    sql, ordered = str(compiled), [params[k] for k in compiled.positiontup or ()]

    def run() -> list:
        con = sqlite3.connect(path)
        try:
            return con.execute(sql, ordered).fetchall()
        finally:
            con.close()
    return run


@pytest.fixture(scope="module")
def bench_db(big_db_path):
    db = open_database(big_db_path)
    yield str(big_db_path), db
    db.dispose()


def _compare(label: str, path: str, db, baseline_stmt, work: Callable[[Any], list], extra: str = "") -> list:
    def hoso() -> list:
        with db.session() as s:
            return work(s)

    hoso()  # warm the caches (catalogs, the page cache) once for both
    base_wall, base_cpu, rows = _best(_direct(path, db, baseline_stmt))
    wall, cpu, result = _best(hoso)
    report(f"{label} over {BENCH_COUNT} profiles: {wall * 1000:.0f} ms (CPU {cpu * 1000:.0f} ms), "
           f"{len(result)} results{extra}; baseline SELECT of the same columns directly "
           f"({len(rows)} rows) {base_wall * 1000:.0f} ms (CPU {base_cpu * 1000:.0f} ms); "
           f"ratio {wall / base_wall:.2f}")
    return result


def test_alerts_speed(bench_db) -> None:
    path, db = bench_db
    stmt = select(*alerts._COLUMNS).where(Person.deleted_at.is_(None), Person.status == "working")
    with db.session() as s:
        by_kind: dict[str, int] = {}
        for alert in alerts.compute_alerts(s, AS_OF, 6):
            by_kind[alert.kind] = by_kind.get(alert.kind, 0) + 1
    assert _compare("alerts (6 months)", path, db, stmt, lambda s: alerts.compute_alerts(s, AS_OF, 6),
                    f" {dict(sorted(by_kind.items()))}")


def test_completeness_dashboard_speed(bench_db) -> None:
    path, db = bench_db
    plain = [Person.__table__.c[name] for name, kind in completeness_rules.checked_names().items()
             if kind == "field"]
    stmt = select(Person.id, Person.full_name, Person.sort_key, Person.staff_type, *plain).where(
        Person.deleted_at.is_(None), Person.status == "working")
    assert _compare("completeness dashboard", path, db, stmt, lambda s: dashboard.unit_completeness(s),
                    " units (baseline without the section counts)")


def test_quality_speed(bench_db) -> None:
    path, db = bench_db
    stmt = select(*quality._COLUMNS).where(Person.deleted_at.is_(None))
    with db.session() as s:
        by_code: dict[str, int] = {}
        for issue in quality.quality_issues(s, as_of=AS_OF):
            by_code[issue.code] = by_code.get(issue.code, 0) + 1
    _compare("quality checks", path, db, stmt, lambda s: quality.quality_issues(s, as_of=AS_OF),
             f" {dict(sorted(by_code.items()))}")  # a clean demo may have none
