"""The 2027 placement dashboard and a city-wide rating quota check at BENCH_COUNT profiles, each
against plain SQL of the same counts through sqlite3 (issue 15; goal ≤ 2×).

The shared demo database (``big_db_path``: rebuilt whenever the generator changes, so it has the
positions, placements and scores). Best of ``ROUNDS`` runs of each side, the sides interleaved
round by round; the spread is the ratio of each round.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import time
from collections.abc import Callable
from typing import Any

import pytest

from app import positions, rating, units
from app.db import open_database
from tests.benchmarks.conftest import BENCH_COUNT, ratio_spread, record, report

ROUNDS = 3
YEAR = 2026


def _rounds(hoso: Callable[[], Any], plain: Callable[[], Any]) -> tuple[float, Any, float, Any, str]:
    """Both sides ``ROUNDS`` times, interleaved: (HoSo's best, its result, the plain SQL's best,
    its result, the per-round ratios' spread)."""
    pairs: list[tuple[float, float]] = []
    results: list[Any] = [None, None]
    for _ in range(ROUNDS):
        times = []
        for i, run in enumerate((hoso, plain)):
            started = time.perf_counter()
            results[i] = run()
            times.append(time.perf_counter() - started)
        pairs.append((times[0], times[1]))
    return (min(h for h, _ in pairs), results[0], min(p for _, p in pairs), results[1], ratio_spread(pairs))


@pytest.fixture(scope="module")
def bench_db(big_db_path):
    db = open_database(big_db_path)
    yield str(big_db_path), db
    db.dispose()


def _sql(path: str, statements: list[str], params: dict[str, Any]) -> Callable[[], list[list[tuple]]]:
    def run() -> list[list[tuple]]:
        con = sqlite3.connect(path)
        try:
            return [con.execute(sql, params).fetchall() for sql in statements]
        finally:
            con.close()
    return run


PLAIN_DASHBOARD = [
    # approved vs filled per position
    """SELECT p.id, p.approved, COUNT(h.id) FROM job_positions p
       LEFT JOIN position_holdings h ON h.position_id = p.id AND h.deleted_at IS NULL AND h.start_date <= :d
            AND (h.end_date IS NULL OR h.end_date >= :d)
       WHERE p.deleted_at IS NULL AND p.retired_on IS NULL GROUP BY p.id""",
    # civil servants, placed, unplaced, mismatched, senior
    """SELECT COUNT(*), COUNT(h.id), SUM(h.id IS NULL),
              SUM(h.id IS NOT NULL AND jp.grade_code IS NOT NULL AND jp.grade_code <> COALESCE(pe.grade_code, '')),
              SUM(pe.grade_code = '01.001')
       FROM persons pe
       LEFT JOIN position_holdings h ON h.person_id = pe.id AND h.deleted_at IS NULL AND h.start_date <= :d
            AND (h.end_date IS NULL OR h.end_date >= :d)
       LEFT JOIN job_positions jp ON jp.id = h.position_id
       WHERE pe.deleted_at IS NULL AND pe.staff_type = 'cong_chuc' AND pe.status = 'working'""",
]

PLAIN_QUOTA = ["""
    WITH avg AS (
      SELECT s.person_id, ROUND(SUM((s.general_score + s.task_score) * CASE WHEN s.period LIKE 'Q%' THEN 3 ELSE 1 END)
                                / SUM(CASE WHEN s.period LIKE 'Q%' THEN 3 ELSE 1 END), 2) AS score
      FROM rating_scores s JOIN persons pe ON pe.id = s.person_id
      WHERE s.year = :y AND s.deleted_at IS NULL AND s.leave IS NULL AND pe.deleted_at IS NULL
      GROUP BY s.person_id),
    forced AS (
      SELECT DISTINCT person_id FROM discipline WHERE deleted_at IS NULL AND strftime('%Y', start_date) = :ys
        AND kind IN ('administrative', 'party'))
    SELECT CASE WHEN f.person_id IS NOT NULL THEN 'khong_hoan_thanh' WHEN score >= 90 THEN 'xuat_sac'
                WHEN score >= 70 THEN 'tot' WHEN score >= 50 THEN 'hoan_thanh' ELSE 'khong_hoan_thanh' END AS level,
           COUNT(*)
    FROM avg LEFT JOIN forced f ON f.person_id = avg.person_id GROUP BY level"""]


def test_placement_dashboard_speed(bench_db) -> None:
    path, db = bench_db
    day = dt.date(2026, 12, 20)
    with db.session() as s:
        root = units.get_unit(s, "DN")
        ids = units.subtree_ids(s, root.id)

    def hoso() -> Any:
        with db.session() as s:
            return positions.dashboard(s, units.get_unit(s, "DN"), ids, day)

    hoso()
    wall, board, plain_wall, plain, spread = _rounds(hoso, _sql(path, PLAIN_DASHBOARD, {"d": day.isoformat()}))
    total, placed, unplaced, mismatched, senior = plain[1][0]
    assert (board.civil_servants, board.placed, len(board.unplaced), len(board.mismatched), board.senior) == \
        (total, placed, unplaced, mismatched, senior)
    assert sum(p.filled for p in board.positions) == sum(r[2] for r in plain[0])
    report(f"2027 placement dashboard (city, {BENCH_COUNT} profiles, {total} civil servants, "
           f"{len(board.positions)} positions): {wall * 1000:.0f} ms; plain SQL of the same counts "
           f"{plain_wall * 1000:.0f} ms; ratio {wall / plain_wall:.2f}")
    record(f"2027 placement dashboard (city), best of {ROUNDS}", wall * 1000, plain_wall * 1000, "ms",
           "plain SQL of the same counts", 2, spread)


def test_city_quota_check_speed(bench_db) -> None:
    path, db = bench_db
    with db.session() as s:
        ids = units.subtree_ids(s, units.get_unit(s, "DN").id)

    def hoso() -> Any:
        with db.session() as s:
            return rating.unit_check(s, ids, YEAR, as_of=dt.date(2026, 12, 20))

    hoso()
    wall, check, plain_wall, plain, spread = _rounds(hoso, _sql(path, PLAIN_QUOTA, {"y": YEAR, "ys": str(YEAR)}))
    counts = dict(plain[0])
    report(f"city-wide rating quota check ({BENCH_COUNT} profiles, {sum(check.counts.values())} rated): "
           f"{wall * 1000:.0f} ms; plain SQL of the same counts {plain_wall * 1000:.0f} ms; "
           f"ratio {wall / plain_wall:.2f}; counts {check.counts}, quota_ok {check.quota_ok}")
    record(f"city-wide rating quota check, best of {ROUNDS}", wall * 1000, plain_wall * 1000, "ms",
           "plain SQL of the same counts", 2, spread)
    # the plain SQL forces every discipline of the year (any form); HoSo only khiển trách or heavier
    assert sum(check.counts.values()) == sum(counts.values())
    assert check.counts["xuat_sac"] + check.counts["tot"] >= counts.get("xuat_sac", 0) + counts.get("tot", 0) - \
        counts.get("khong_hoan_thanh", 0)
