"""Declaration speed (issue 16): issuing the files of a unit of 1,000 people and reviewing a
returned batch of 1,000, each against openpyxl writing / reading the same cells (the best raw
approach: no database, no checks, no styles), timed in the same run. Goal: ≤ 2×.

Run: ``HOSO_BENCH=1 pytest -s tests/benchmarks/test_declaration_speed.py`` (HOSO_DECL_COUNT for
another unit size; default 1,000). ``python3 dev.py bench`` runs it with the others on a unit of
250 (the work and both ratios are per file, so a unit of 1,000 repeats the same measurement four
times over ten minutes and more on the shared machine); ``python3 dev.py bench --full`` on 1,000.
Both ratios come from one run, with their spread over ten chunks of the files; openpyxl's
write-only mode (no styles, no checks) is timed on the first chunk, for the record. The unit's
demo database is built once per generator version (``demo_database``) and issued from a copy, so
no run reviews against the declarations of an earlier one.
"""

from __future__ import annotations

import os
import shutil
import statistics
import time
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from app.db import open_database
from app.declaration import form
from app.security.principal import local_admin
from app.services import HoSo
from models import Person, Unit
from tests.benchmarks.conftest import demo_database, record, report

COUNT = int(os.environ.get("HOSO_DECL_COUNT", "1000"))
CHUNKS = 10  # the ratio is also taken per tenth of the files: the spread


@pytest.fixture(scope="module")
def unit_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("declaration") / "unit.sqlite"
    shutil.copyfile(demo_database(COUNT, seed=3), path)  # issuing writes declarations: a fresh copy each run
    db = open_database(path)
    yield db
    db.dispose()


def _grid_then_return(path: Path) -> dict[str, list[list[object]]]:
    """Every cell value of one issued file (sheet → rows), for the raw writer to write again; then
    the file comes back as the official returns it (a new phone number), for the review. One load
    for both (neither is timed)."""
    wb = load_workbook(path)
    grid = {ws.title: [list(r) for r in ws.iter_rows(values_only=True)] for ws in wb.worksheets}
    ws = wb[form.PERSON_SHEET]
    row = next(r for r in range(3, ws.max_row + 1) if ws.cell(row=r, column=1).value == "phone")
    ws.cell(row=row, column=4).value = "0912345678"
    wb.save(path)
    return grid


def _write_raw(grid: dict[str, list[list[object]]], target: Path, write_only: bool = False) -> None:
    wb = Workbook(write_only=write_only)
    if not write_only:
        wb.remove(wb.active)
    for title, rows in grid.items():
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
    wb.save(target)


def _read_raw(path: Path) -> int:
    cells = 0
    wb = load_workbook(path, read_only=True, data_only=True)
    for ws in wb.worksheets:
        for row in ws.iter_rows(values_only=True):
            cells += len(row)
    wb.close()
    return cells


def _chunks(n: int) -> list[range]:
    size = max(1, n // CHUNKS)
    return [range(i, min(n, i + size)) for i in range(0, n, size)]


def test_issue_and_review_a_unit(unit_db, tmp_path):
    """Issue, interleaved by chunks of ~1/10 of the unit inside one ``issue_unit`` run: at each
    chunk's end the progress callback stops HoSo's clock, reads the chunk's new files (untimed) and
    times openpyxl writing the same cells, then HoSo goes on. Review: file by file, HoSo's review
    then openpyxl reading every cell of the same file. The ratio of each chunk gives the spread."""
    with unit_db.session() as s:
        root = s.scalars(select(Unit.code).where(Unit.parent_id.is_(None)).order_by(Unit.code)).first()
        total = s.scalar(select(func.count()).select_from(Person).where(Person.deleted_at.is_(None),
                                                                        Person.status == "working"))
    service = HoSo(unit_db, principal=local_admin("bench")).declarations
    out = tmp_path / "issued"
    raw_dir = tmp_path / "raw"
    raw_dir.mkdir()
    size = max(1, total // CHUNKS)
    seen: set[Path] = set()
    hoso_chunks: list[float] = []
    raw_chunks: list[float] = []
    lean = [0.0]
    clock = {"resumed": time.perf_counter()}

    def at_file(done: int, count: int) -> None:
        if done % size and done != count:
            return
        hoso_chunks.append(time.perf_counter() - clock["resumed"])
        new = sorted(set(out.glob("*.xlsx")) - seen)
        seen.update(new)
        grids = [_grid_then_return(path) for path in new]  # untimed
        begun = time.perf_counter()
        for i, grid in enumerate(grids):
            _write_raw(grid, raw_dir / f"{done}-{i}.xlsx")
        raw_chunks.append(time.perf_counter() - begun)
        if len(raw_chunks) == 1:  # for the record: openpyxl's write-only mode on the first chunk
            begun = time.perf_counter()
            for i, grid in enumerate(grids):
                _write_raw(grid, raw_dir / f"lean-{i}.xlsx", write_only=True)
            lean[0] = time.perf_counter() - begun
        clock["resumed"] = time.perf_counter()

    issued = service.issue_unit(root, out, progress=at_file)
    n = len(issued)
    assert n >= COUNT * 0.8 and len(seen) == n, n  # the working people of the tree
    hoso_issue, raw_issue = sum(hoso_chunks), sum(raw_chunks)
    issue_pairs = list(zip(hoso_chunks, raw_chunks, strict=True))
    chunks = _chunks(n)
    raw_chunks_first, lean = raw_chunks[0], lean[0]

    # the returned batch (every official changed their phone number: done as each chunk was read)
    hoso_each, raw_each = [], []
    changes = cells = 0
    for item in issued:  # interleaved file by file
        begun = time.perf_counter()
        changes += len(service.review(item.path).changes)
        hoso_each.append(time.perf_counter() - begun)
        begun = time.perf_counter()
        cells += _read_raw(item.path)
        raw_each.append(time.perf_counter() - begun)
    assert changes >= n * 0.9
    hoso_review, raw_review = sum(hoso_each), sum(raw_each)
    review_pairs = [(sum(hoso_each[i] for i in c), sum(raw_each[i] for i in c)) for c in chunks]

    def spread(pairs: list[tuple[float, float]]) -> str:
        ratios = sorted(h / r for h, r in pairs)
        return (f"ratio per chunk of ~{size} files ({len(ratios)} chunks): min {ratios[0]:.2f}, "
                f"median {statistics.median(ratios):.2f}, max {ratios[-1]:.2f}")

    record(f"declaration issue, unit of {n}", hoso_issue, raw_issue, "s", "openpyxl writing the same cells", 2,
           spread(issue_pairs))
    record(f"declaration review, batch of {n}", hoso_review, raw_review, "s", "openpyxl read-only, every cell", 2,
           spread(review_pairs))
    report(f"declaration issue {n} files: HoSo {hoso_issue:.1f} s ({hoso_issue / n * 1000:.0f} ms/file), "
           f"openpyxl same cells {raw_issue:.1f} s — {hoso_issue / raw_issue:.2f}×; first chunk: openpyxl "
           f"{raw_chunks_first:.1f} s, its write-only mode {lean:.1f} s")
    report(f"declaration review {n} files: HoSo {hoso_review:.1f} s ({hoso_review / n * 1000:.0f} ms/file), "
           f"openpyxl reading every cell {raw_review:.1f} s ({cells} cells) — {hoso_review / raw_review:.2f}×")
