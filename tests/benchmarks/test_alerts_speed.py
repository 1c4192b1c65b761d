"""Alerts, the completeness dashboard and the quality checks over the whole benchmark database.

Each is timed against baselines measured in the same run on the same database, through sqlite3
directly (no SQLAlchemy, no rules):

* ``plain`` — a SELECT of the person columns the run reads (what merely reading costs);
* ``same SQL`` — every large query the run sends (people, section scans), so the ratio to it is
  the cost of everything HoSo adds in Python: the rules, the grouping, building the results.

Best of ``ROUNDS`` runs (a shared machine's noise only ever adds time); CPU time is reported too.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import time
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

import pytest
from sqlalchemy import select

from app import alerts, dashboard, quality
from app.db import open_database
from app.rules import completeness as completeness_rules
from models import Person
from tests.benchmarks.conftest import BENCH_COUNT, record, report

ROUNDS = 3
AS_OF = dt.date.today()  # the demo's dates are relative to the day it was generated
LIVE = Person.deleted_at.is_(None)
WORKING = (LIVE, Person.status == "working")


def _best(run: Callable[[], Any]) -> tuple[float, float, Any]:
    """(best wall seconds, CPU seconds of that run, the last result)."""
    best = (float("inf"), 0.0)
    result = None
    for _ in range(ROUNDS):
        wall, cpu = time.perf_counter(), time.process_time()
        result = run()
        best = min(best, (time.perf_counter() - wall, time.process_time() - cpu))
    return best[0], best[1], result


def _direct(path: str, db, statements: Sequence[Any]) -> Callable[[], int]:
    """Run the statements' SQL through sqlite3, fetching every row; returns the row count."""
    compiled = []
    for stmt in statements:
        c = stmt.compile(dialect=db.engine.dialect)
        params = c.construct_params()
        compiled.append((str(c), [params[k] for k in c.positiontup or ()]))

    def run() -> int:
        con = sqlite3.connect(path)
        try:
            return sum(len(con.execute(sql, params).fetchall()) for sql, params in compiled)
        finally:
            con.close()
    return run


@pytest.fixture(scope="module")
def bench_db(big_db_path):
    db = open_database(big_db_path)
    yield str(big_db_path), db
    db.dispose()


def _compare(label: str, bench: tuple[str, Any], work: Callable[[Any], list], plain: Any,
             same_sql: Sequence[Any], describe: Callable[[list], str], goal: float | None = None) -> list:
    path, db = bench

    def hoso() -> list:
        with db.session() as s:
            return work(s)

    hoso()  # warm the caches (catalogs, the page cache) once for all
    plain_wall, plain_cpu, plain_rows = _best(_direct(path, db, [plain]))
    sql_wall, sql_cpu, sql_rows = _best(_direct(path, db, same_sql))
    wall, cpu, result = _best(hoso)
    report(f"{label} over {BENCH_COUNT} profiles: {wall * 1000:.0f} ms (CPU {cpu * 1000:.0f} ms), "
           f"{len(result)} results {describe(result)}; plain SELECT of the person columns ({plain_rows} rows) "
           f"{plain_wall * 1000:.0f} ms (CPU {plain_cpu * 1000:.0f} ms), ratio {wall / plain_wall:.2f}; "
           f"the same SQL directly ({sql_rows} rows) {sql_wall * 1000:.0f} ms (CPU {sql_cpu * 1000:.0f} ms), "
           f"ratio {wall / sql_wall:.2f}")
    record(label, wall * 1000, sql_wall * 1000, "ms", "the same SQL through sqlite3", goal,  # goal None: for the record
           f"CPU: HoSo {cpu * 1000:.0f} ms, the same SQL {sql_cpu * 1000:.0f} ms (ratio {cpu / sql_cpu:.2f})")
    return result


def test_alerts_speed(bench_db) -> None:
    people = select(*alerts._COLUMNS).where(*WORKING)
    early = alerts.section_select(alerts.SalaryHistory, alerts.SalaryHistory.start_date,
                                  alerts.SalaryHistory.early_months, scope=None,
                                  where=[alerts.SalaryHistory.early_months > 0])
    found = _compare("alerts (6 months)", bench_db, lambda s: alerts.compute_alerts(s, AS_OF, 6), people,
                     [people, early], lambda r: str(dict(sorted(Counter(a.kind for a in r).items()))))
    assert found


def test_completeness_dashboard_speed(bench_db) -> None:
    plain = select(Person.id, Person.full_name, Person.sort_key, Person.unit_id, Person.staff_type,
                   *(Person.__table__.c[name] for name, kind in completeness_rules.checked_names().items()
                     if kind == "field")).where(*WORKING)
    sections = [dashboard._people_with_statement(name, kind, None)
                for name, kind in completeness_rules.checked_names().items() if kind != "field"]
    found = _compare("completeness dashboard", bench_db, lambda s: dashboard.unit_completeness(s), plain,
                     [dashboard._person_statement(WORKING)[1], *sections],
                     lambda r: f"units, average {sum(u.average * u.people for u in r) / sum(u.people for u in r):.3f}")
    assert found


def test_quality_speed(bench_db) -> None:
    people = select(*quality._COLUMNS).where(LIVE)
    same = [people, quality._work_statement(None), quality._suspects_statement("sqlite", None)]
    _compare("quality checks", bench_db, lambda s: quality.quality_issues(s, as_of=AS_OF), people, same,
             lambda r: str(dict(sorted(Counter(i.code for i in r).items()))), goal=1.5)  # a clean demo may have none
