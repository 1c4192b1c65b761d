"""The import's set-based path: new people checked together and written with one INSERT per table and
the change log in bulk must leave exactly what the per-row path (``create_person``, one ORM flush per
person) leaves — persons, section rows, placements, change-log entries (field, old → new), the search
index — with the hash chain intact; and a dry run checks without writing at all, reporting what the
real run then does."""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections import Counter
from pathlib import Path

from sqlalchemy import select

from app import people
from app.db import open_database
from app.exchange import run as run_module
from app.exchange.importer import open_import, run_import
from app.security import chain
from models import ChangeLog, Person, Placement, SalaryHistory
from tests.core.conftest import make_database
from tests.core.test_import_support import HEADER, cccd_of, person_row, xlsx

TIMES = {"id", "created_at", "updated_at", "person_id"}
TRAINING = [["STT", "Số CCCD", "Họ và tên", "Tên trường", "Chuyên ngành", "Từ ngày", "Đến ngày", "Loại đào tạo",
             "Hình thức đào tạo", "Văn bằng"],
            [1, cccd_of(1), "A", "Trường Đại học Luật Huế", "Luật", "01/09/2003", "30/06/2007", "Chuyên môn",
             "Chính quy", "Cử nhân"],
            [2, cccd_of(1), "A", "Trường Chính trị Đà Nẵng", None, "03/2015", "12/2015", "Lý luận chính trị",
             "tai chuc", "Trung cấp"],
            [3, cccd_of(20), "T", "Đại học Đà Nẵng", "Kế toán", "2008", "2012", None, None, "Cử nhân"],
            [4, cccd_of(3), "C", "Đại học Huế", "Sử", "2009", "2005", None, None, "Cử nhân"]]


def _rows() -> list[list]:
    """New people of every shape: with and without unit, salary date, party date; female; one coefficient
    off the table (a warning); a unit by name, a level with its major; two refused rows."""
    return [HEADER,
            person_row(1, "Nguyễn Văn Bình", cccd_of(1), party="03/02/2012"),
            person_row(2, "Trần Thị Hoa", cccd_of(2, 90, True), born="01/05/1990", sex="Nữ", unit=None),
            person_row(3, "Lê Văn Cường", cccd_of(3), since=None, coef=None, step=None, grade=None),
            person_row(4, "Phạm Thị Dung", cccd_of(4, 85, True), sex="Nữ", coef="3,33"),
            person_row(5, "Hoàng Văn Em", cccd_of(5), unit="Sở Nội vụ", level="Thạc sĩ Quản lý công"),
            person_row(6, "Sai Bậc", cccd_of(6), step=15),
            person_row(7, "Sai Ngày", cccd_of(7), born="31/02/1985"),
            person_row(8, "Đỗ Thị Giang", cccd_of(8, 85, True), sex="Nữ", unit="DN.P.HAICHAU", party="01/01/2010")]


def _copy(base: Path, target: Path) -> Path:
    target.mkdir()
    for f in base.parent.glob(base.name + "*"):
        shutil.copy(f, target / f.name)
    return target / base.name


def _tables(path: Path) -> dict:
    con = sqlite3.connect(path)
    con.row_factory = sqlite3.Row
    try:
        cccd = {r["id"]: r["cccd"] for r in con.execute("SELECT id, cccd FROM persons")}
        persons = {r["cccd"]: {k: r[k] for k in r.keys() if k not in TIMES} for r in con.execute("SELECT * FROM persons")}
        sections = {}
        for table in ("salary_history", "placements", "training"):
            sections[table] = sorted((cccd[r["person_id"]], json.dumps({k: r[k] for k in r.keys() if k not in TIMES},
                                                                       sort_keys=True, default=str))
                                     for r in con.execute(f"SELECT * FROM {table}"))
        owner = {r["id"]: cccd[r["person_id"]] for t in ("salary_history", "placements", "training")
                 for r in con.execute(f"SELECT id, person_id FROM {t}")} | cccd
        log = Counter((r["by"], r["action"], r["entity"], owner.get(r["record_id"]), cccd.get(r["person_id"]),
                       r["field"], r["old"], r["new"]) for r in con.execute("SELECT * FROM change_log"))
        rowids = {r["cccd"]: r["rowid"] for r in con.execute("SELECT rowid, cccd FROM persons")}
        found = {}
        for number, rowid in rowids.items():
            by_number = [r[0] for r in con.execute("SELECT rowid FROM persons_fts WHERE cccd MATCH ?", (f'"^{number}"',))]
            name = con.execute("SELECT name_fold FROM persons WHERE cccd = ?", (number,)).fetchone()[0]
            by_name = [r[0] for r in con.execute("SELECT rowid FROM persons_fts WHERE name MATCH ?", (f'"^{name}$"',))]
            found[number] = (by_number == [rowid], rowid in by_name)
        return {"persons": persons, "sections": sections, "log": log, "search": found}
    finally:
        con.close()


def test_bulk_path_writes_what_the_per_row_path_writes(tmp_path, monkeypatch) -> None:
    (tmp_path / "base").mkdir()
    make_database(tmp_path / "base").dispose()
    base_file = tmp_path / "base" / "hoso.sqlite"
    fast_file, slow_file = _copy(base_file, tmp_path / "fast"), _copy(base_file, tmp_path / "slow")
    source = open_import(xlsx(tmp_path / "new.xlsx", _rows(), extra={"Đào tạo": TRAINING}))
    monkeypatch.setattr(run_module, "BATCH", 3)  # several batches, a refused row inside one
    fast = open_database(fast_file)
    result = run_import(fast, source, source.mapping, user="tester")
    assert (result.imported, result.rejected) == (6, 4)  # 2 people rows, 2 training rows
    warned = {v.cccd: v.warnings for v in result.rows if v.action == "create"}
    assert any("Hệ số lương" in w for w in warned[cccd_of(4, 85, True)])
    with fast.session() as s:
        assert chain.verify(s).ok  # the chain holds the bulk entries, in order
        assert s.scalar(select(Person.unit_id).where(Person.cccd == cccd_of(5))) is not None  # unit by name
    fast.dispose()

    slow = open_database(slow_file)  # the same records through create_person, one flush per person
    with slow.session("tester") as s:
        for v in result.rows:
            if v.sheet == "Danh sách" and v.action == "create":
                people.create_person(s, v.data)
    with slow.session("tester") as s:
        for v in result.rows:  # the child sheet as the import hands it to the service
            if v.sheet == "Đào tạo" and v.action == "update":
                group = [r.record for r in result.rows if r.sheet == "Đào tạo" and r.cccd == v.cccd]
                people.update_person(s, v.cccd, {"training": group})
                break
    with slow.session() as s:
        assert chain.verify(s).ok
    slow.dispose()

    got, expected = _tables(fast_file), _tables(slow_file)
    assert set(got["persons"]) == {cccd_of(1), cccd_of(2, 90, True), cccd_of(3), cccd_of(4, 85, True), cccd_of(5),
                                   cccd_of(8, 85, True)}
    assert got["persons"] == expected["persons"]
    assert got["sections"] == expected["sections"]
    assert len(got["sections"]["salary_history"]) == 5 and len(got["sections"]["placements"]) == 5
    assert got["log"] == expected["log"]
    imported = Counter(entry[2] for entry in got["log"].elements() if entry[2] != "unit")
    assert imported == {"person": 6, "salary_history": 5, "placement": 5, "training": 2}
    assert got["search"] == expected["search"] and all(all(v) for v in got["search"].values())


def _report(result) -> list:
    return [(v.sheet, v.row, v.action, v.cccd, sorted(v.changes), [e.message for e in v.errors], v.warnings)
            for v in result.rows]


def test_dry_run_writes_nothing_and_reports_what_the_import_does(db, tmp_path) -> None:
    with db.session() as s:  # one person to update (a new step) and give a training
        people.create_person(s, {"full_name": "Cũ Một", "cccd": cccd_of(30), "birth_date": "12/03/1985",
                                 "sex": "Nam", "unit_code": "DN.SNV", "grade_code": "01.003", "salary_step": 2,
                                 "salary_since": "01/09/2018"})
    rows = _rows() + [person_row(9, "Cũ Một", cccd_of(30))]
    training = TRAINING + [[5, cccd_of(30), "Cũ Một", "Học viện Hành chính", "Luật", "2010", "2012", None, None,
                            "Cử nhân"]]
    source = open_import(xlsx(tmp_path / "d.xlsx", rows, extra={"Đào tạo": training}))
    path = Path(db.url.removeprefix("sqlite:///"))
    watcher = sqlite3.connect(path, isolation_level=None)
    watcher.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    files = {f: f.read_bytes() for f in (path, path.with_name(path.name + "-wal")) if f.exists()}
    times = {f: f.stat().st_mtime_ns for f in files}
    version = watcher.execute("PRAGMA data_version").fetchone()[0]
    with db.session() as s:
        logged = s.scalar(select(ChangeLog.id).order_by(ChangeLog.id.desc()).limit(1))

    dry = run_import(db, source, source.mapping, dry_run=True)

    assert watcher.execute("PRAGMA data_version").fetchone()[0] == version  # no other connection committed
    watcher.close()
    assert {f: f.read_bytes() for f in files} == files and {f: f.stat().st_mtime_ns for f in files} == times
    with db.session() as s:
        assert s.scalar(select(ChangeLog.id).order_by(ChangeLog.id.desc()).limit(1)) == logged
    assert dry.dry_run and (dry.imported, dry.updated, dry.rejected) == (6, 1, 4)

    real = run_import(db, source, source.mapping)
    assert real.as_json() == dry.as_json()
    assert _report(real) == _report(dry)
    assert any(v.action == "update" and v.sheet == "Đào tạo" for v in real.rows)  # child rows of new people too
    with db.session() as s:
        assert s.scalar(select(Person.salary_step).where(Person.cccd == cccd_of(30))) == 3
        assert chain.verify(s).ok
    again = run_import(db, source, source.mapping, dry_run=True)
    assert (again.imported, again.updated, again.unchanged) == (0, 0, 7)


def test_bulk_insert_of_salary_and_placement_rows_matches_the_model_defaults(db) -> None:
    """A person without unit or salary date gets neither row; version 1, review state approved."""
    with db.session("tester") as s:
        checked = people.check_new_people(s, [{"full_name": "Không Đơn Vị", "cccd": cccd_of(40),
                                               "birth_date": "12/03/1985", "sex": "Nam"}])
        people.insert_new_people(s, checked)
    with db.session() as s:
        person = s.scalars(select(Person).where(Person.cccd == cccd_of(40))).one()
        assert (person.version, person.review_state, person.staff_type, person.status) == (1, "approved", "cong_chuc",
                                                                                            "working")
        assert s.scalars(select(SalaryHistory).where(SalaryHistory.person_id == person.id)).all() == []
        assert s.scalars(select(Placement).where(Placement.person_id == person.id)).all() == []
        assert [(e.action, e.field) for e in s.scalars(select(ChangeLog).where(ChangeLog.record_id == person.id))] == [
            ("create", "*")]
