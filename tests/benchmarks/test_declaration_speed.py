"""Declaration speed (issue 16): issuing the files of a unit of 1,000 people and reviewing a
returned batch of 1,000, each against openpyxl writing / reading the same cells (the best raw
approach: no database, no checks, no styles), timed in the same run. Goal: ≤ 2×.

Run: ``HOSO_BENCH=1 pytest -s tests/benchmarks/test_declaration_speed.py`` (HOSO_DECL_COUNT for
another unit size; default 1,000).
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import select

from app import demo
from app.db import open_database
from app.declaration import form
from app.security.principal import local_admin
from app.services import HoSo
from models import Unit
from tests.benchmarks.conftest import bench_dir, report

COUNT = int(os.environ.get("HOSO_DECL_COUNT", "1000"))


@pytest.fixture(scope="module")
def unit_db(tmp_path_factory):
    path = bench_dir() / f"declaration-{COUNT}.sqlite"
    if not path.exists():
        db = open_database(path)
        demo.generate(db, COUNT, seed=3)
        db.dispose()
    db = open_database(path)
    yield db
    db.dispose()


def _grids(folder: Path) -> list[dict[str, list[list[object]]]]:
    """Every cell value of every issued file (sheet → rows), for the raw writer to write again."""
    out = []
    for path in sorted(folder.glob("*.xlsx")):
        wb = load_workbook(path)
        out.append({ws.title: [list(r) for r in ws.iter_rows(values_only=True)] for ws in wb.worksheets})
        wb.close()
    return out


def test_issue_and_review_a_unit_of_1000(unit_db, tmp_path):
    with unit_db.session() as s:
        root = s.scalars(select(Unit.code).where(Unit.parent_id.is_(None)).order_by(Unit.code)).first()
    service = HoSo(unit_db, principal=local_admin("bench")).declarations
    out = tmp_path / "issued"
    started = time.perf_counter()
    issued = service.issue_unit(root, out)
    hoso_issue = time.perf_counter() - started
    n = len(issued)
    assert n >= COUNT * 0.8, n  # the working people of the tree

    grids = _grids(out)
    raw_dir = tmp_path / "raw"
    raw_dir.mkdir()
    started = time.perf_counter()
    for i, grid in enumerate(grids):
        wb = Workbook()
        wb.remove(wb.active)
        for title, rows in grid.items():
            ws = wb.create_sheet(title)
            for row in rows:
                ws.append(row)
        wb.save(raw_dir / f"{i}.xlsx")
    raw_issue = time.perf_counter() - started

    # the returned batch: every official changed their phone number
    for item in issued:
        wb = load_workbook(item.path)
        ws = wb[form.PERSON_SHEET]
        row = next(r for r in range(3, ws.max_row + 1) if ws.cell(row=r, column=1).value == "phone")
        ws.cell(row=row, column=4).value = "0912345678"
        wb.save(item.path)
    started = time.perf_counter()
    changes = sum(len(service.review(item.path).changes) for item in issued)
    hoso_review = time.perf_counter() - started
    assert changes >= n * 0.9

    started = time.perf_counter()
    cells = 0
    for item in issued:
        wb = load_workbook(item.path, read_only=True, data_only=True)
        for ws in wb.worksheets:
            for row in ws.iter_rows(values_only=True):
                cells += len(row)
        wb.close()
    raw_review = time.perf_counter() - started

    report(f"declaration issue {n} files: HoSo {hoso_issue:.1f} s ({hoso_issue / n * 1000:.0f} ms/file), "
           f"openpyxl same cells {raw_issue:.1f} s — {hoso_issue / raw_issue:.2f}×")
    report(f"declaration review {n} files: HoSo {hoso_review:.1f} s ({hoso_review / n * 1000:.0f} ms/file), "
           f"openpyxl reading every cell {raw_review:.1f} s ({cells} cells) — {hoso_review / raw_review:.2f}×")
