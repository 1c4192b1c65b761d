"""Spreadsheet import and export speed (run with HOSO_BENCH=1), each against a baseline in the same run.

* Import 10,000 rows: HoSo's import (read, map, repair, compare, validate, save in one transaction:
  new people checked together and written with one INSERT per table and the change log in bulk)
  against (a) openpyxl's read-only parse of every cell of the same file (``values_only``: the
  fastest way to merely read it) — the table's baseline, timed before, between and after HoSo's
  runs (median) — and (b) the first 2,000 records handed to ``create_person`` one by one in one
  transaction (the per-row ORM path the import used before), as a rate.
  A dry run first (validates, writes nothing), then the import, then the same file again (every
  row unchanged).
* Export 100,000 people (``big_db_path``): ``export_people`` against openpyxl's write-only mode
  writing the same number of rows and columns of plain values.
"""

from __future__ import annotations

import datetime as dt
import random
import time
from pathlib import Path

import openpyxl
from openpyxl import Workbook

from app import people, units
from app.catalogs import load_catalogs
from app.db import open_database
from app.exchange.columns import DEFAULT_COLUMNS
from app.exchange.export import export_people
from app.exchange.importer import open_import, run_import
from tests.benchmarks.conftest import BENCH_COUNT, bench_dir, record, report

IMPORT_ROWS = 10000
DIRECT_ROWS = 500  # the per-row path, for its rate (2,000 took 40 s of dev.py bench's 15 minutes under load)
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô"]
MIDDLE = ["Văn", "Thị", "Hữu", "Minh", "Ngọc", "Thanh", "Đức", "Thu", "Quốc", "Xuân"]
GIVEN = ["Bình", "Hoa", "Lan", "Hùng", "Dũng", "Hương", "Tuấn", "Trang", "Phương", "Nam", "Hải", "Đào", "Thảo"]
HEADER = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD", "Đơn vị", "Chức vụ", "Mã ngạch", "Bậc lương",
          "Hệ số lương", "Ngày hưởng", "Dân tộc", "Tôn giáo", "Quê quán", "Trình độ chuyên môn", "Ngày vào Đảng"]
COEFFICIENTS = [2.34, 2.67, 3.0, 3.33, 3.66, 3.99, 4.32, 4.65, 4.98]


def _rows(n: int, seed: int = 5) -> list[list[object]]:
    rng = random.Random(seed)
    rows = []
    for i in range(1, n + 1):
        female = rng.random() < 0.5
        year = rng.randint(1966, 2000)
        name = f"{rng.choice(FAMILY)} {'Thị' if female else rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
        step = rng.randint(1, 9)
        rows.append([i, name, dt.datetime(year, rng.randint(1, 12), rng.randint(1, 28)), "Nữ" if female else "Nam",
                     f"048{(1 if female else 0) + 2 * (year >= 2000)}{year % 100:02d}{i:06d}",
                     rng.choice(["DN.SNV", "DN.SNV.CCVC", "DN.P.HAICHAU"]), "Chuyên viên", "01.003", step,
                     str(COEFFICIENTS[step - 1]).replace(".", ","), f"01/{rng.randint(1, 12):02d}/2021",
                     "Kinh", "Không", "Hòa Vang, Đà Nẵng", "Đại học",
                     f"{rng.randint(1, 28):02d}/03/2015" if rng.random() < 0.4 else None])
    return rows


def _write(path: Path, rows: list[list[object]]) -> None:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Danh sách")
    ws.append(["DANH SÁCH CÁN BỘ, CÔNG CHỨC"])
    ws.append([])
    ws.append(HEADER)
    for row in rows:
        ws.append(row)
    wb.save(path)


def _fresh_db(path: Path):
    for leftover in path.parent.glob(path.name + "*"):
        leftover.unlink()
    db = open_database(path)
    with db.session() as s:
        load_catalogs(s)
        units.add_unit(s, "DN", "UBND thành phố Đà Nẵng")
        units.add_unit(s, "DN.SNV", "Sở Nội vụ", "DN")
        units.add_unit(s, "DN.SNV.CCVC", "Phòng Công chức, viên chức", "DN.SNV")
        units.add_unit(s, "DN.P.HAICHAU", "UBND phường Hải Châu", "DN")
    return db


def _timed(fn):
    started = time.perf_counter()
    value = fn()
    return time.perf_counter() - started, value


def test_import_10000_rows() -> None:
    folder = bench_dir()
    path = folder / f"import-{IMPORT_ROWS}.xlsx"
    rows = _rows(IMPORT_ROWS)
    _write(path, rows)

    def read_only() -> int:
        wb = openpyxl.load_workbook(path, read_only=True)
        count = sum(1 for row in wb.active.iter_rows(values_only=True) for _ in row)
        wb.close()
        return count

    reads = [_timed(read_only)[0]]
    db = _fresh_db(folder / "import-bench.sqlite")
    open_s, source = _timed(lambda: open_import(path))
    dry_s, dry = _timed(lambda: run_import(db, source, source.mapping, dry_run=True))
    assert dry.imported == IMPORT_ROWS
    import_s, result = _timed(lambda: run_import(db, source, source.mapping))
    assert (result.imported, result.rejected) == (IMPORT_ROWS, 0), result.errors[:3]
    reads.append(_timed(read_only)[0])
    again_s, again = _timed(lambda: run_import(db, open_import(path), source.mapping))
    reads.append(_timed(read_only)[0])
    read_s = sorted(reads)[1]
    assert again.unchanged == IMPORT_ROWS and again.updated == 0

    direct_db = _fresh_db(folder / "import-direct.sqlite")
    records = [r.record for r in result.rows][:DIRECT_ROWS]

    def direct() -> None:
        with direct_db.session() as s:  # the catalog index is cached per database
            for record in records:
                people.create_person(s, record)

    direct_s, _ = _timed(direct)
    total = open_s + import_s
    record(f"import of {IMPORT_ROWS:,} xlsx rows (open + save)".replace(",", "."), total, read_s, "s",
           "openpyxl read-only parse", 3, f"openpyxl runs {', '.join(f'{r:.2f}' for r in reads)} s")
    record(f"dry run of {IMPORT_ROWS:,} xlsx rows (open + check)".replace(",", "."), open_s + dry_s, read_s, "s",
           "openpyxl read-only parse", None)
    report(f"import {IMPORT_ROWS} rows: open {open_s:.1f} s + save {import_s:.1f} s = {total:.1f} s "
           f"({IMPORT_ROWS / total:.0f} rows/s); openpyxl read only {read_s:.2f} s (×{total / read_s:.2f}); "
           f"create_person one by one {DIRECT_ROWS / direct_s:.0f} rows/s (the import saves "
           f"{IMPORT_ROWS / import_s:.0f} rows/s); dry run {dry_s:.1f} s (×{(open_s + dry_s) / read_s:.2f} with the "
           f"open); the same file again (all unchanged, open included) {again_s:.1f} s")
    db.dispose()
    direct_db.dispose()


def test_export_100000(big_db_path) -> None:
    db = open_database(big_db_path)
    out = bench_dir() / "export-100000.xlsx"
    export_s, count = _timed(lambda: export_people(db, out))
    assert count >= BENCH_COUNT * 0.99
    sample = [["048085001234", "Nguyễn Văn Bình", dt.date(1985, 3, 12), "Nam", "DN.SNV", "Sở Nội vụ", "Chuyên viên",
               "01.003", 3, 3.0, dt.date(2021, 1, 1), "Kinh", "Không", "Hòa Vang, Đà Nẵng", "Đại học", "Luật",
               "Trung cấp", dt.date(2015, 3, 2), "Công chức", "0905123456"]] * count

    def baseline() -> None:
        wb = Workbook(write_only=True)
        ws = wb.create_sheet("Danh sách")
        for row in sample:
            ws.append(row)
        wb.save(bench_dir() / "export-baseline.xlsx")

    base_s, _ = _timed(baseline)
    assert len(sample[0]) == len(DEFAULT_COLUMNS)
    report(f"export {count} people × {len(DEFAULT_COLUMNS)} columns: {export_s:.1f} s ({count / export_s:.0f} rows/s); "
           f"openpyxl write-only of the same size {base_s:.1f} s (×{export_s / base_s:.2f})")
    record(f"export of {count:,} people × {len(DEFAULT_COLUMNS)} columns".replace(",", "."), export_s, base_s, "s",
           "openpyxl write-only, same size", None)
    assert export_s < 120
    db.dispose()
