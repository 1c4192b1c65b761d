"""Issue 14: lương cơ sở from 01/07/2026 (Nghị định 161/2026/NĐ-CP, 2,530,000 đồng) is confirmed
(REFERENCE §3.3 [C]); the dated table says so, and a database loaded earlier is corrected."""

from __future__ import annotations

import csv
import datetime as dt
from decimal import Decimal

from sqlalchemy import select, update

from app import catalogs
from app.catalogs import load_catalogs
from app.resources import resource_path
from models.catalog import BaseSalary


def test_the_2026_base_salary_row_is_confirmed_in_the_data() -> None:
    with resource_path("catalogs", "base_salaries.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = {r["effective_from"]: r for r in csv.DictReader(fh)}
    row = rows["2026-07-01"]
    assert row["amount"] == "2530000"
    assert row["instrument"] == "Nghị định 161/2026/NĐ-CP"
    assert row["confidence"] == "C"
    sources = resource_path("catalogs", "SOURCES.md").read_text(encoding="utf-8")
    line = next(x for x in sources.splitlines() if x.startswith("| 2026-07-01"))
    assert line.rstrip().endswith("| C |") and "161/2026" in line


def test_a_database_loaded_before_is_marked_confirmed_on_reload(db) -> None:
    with db.session() as s:
        s.execute(update(BaseSalary).where(BaseSalary.effective_from == dt.date(2026, 7, 1))
                  .values(instrument="Nghị định 161/2026/NĐ-CP (chưa xác nhận)", confidence="U"))
    with db.session() as s:
        load_catalogs(s)
    with db.session() as s:
        row = s.scalar(select(BaseSalary).where(BaseSalary.effective_from == dt.date(2026, 7, 1)))
        assert (row.amount, row.instrument, row.confidence) == (Decimal(2530000), "Nghị định 161/2026/NĐ-CP", "C")
        assert catalogs.base_salary_on(s, dt.date(2026, 7, 1)) == Decimal(2530000)
        assert catalogs.base_salary_on(s, dt.date(2026, 6, 30)) == Decimal(2340000)
