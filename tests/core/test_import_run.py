"""Importing people: row numbers in errors, upsert by CCCD, one transaction, nothing half-saved."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import func, select

from app import audit, people, units
from app.errors import UserError
from app.exchange.importer import open_import, preview, run_import
from app.exchange.report import write_result_report
from app.fields import PERSON_FIELD_MAP
from app.history import person_history
from app.person_json import person_json
from models import ChangeLog, Person
from tests.core.conftest import person_data
from tests.core.test_import_support import HEADER, SAMPLE_XLS, cccd_of, person_row, to_tcvn3, xlsx

ROOT = Path(__file__).resolve().parents[2]
TITLE = [["SỞ NỘI VỤ THÀNH PHỐ ĐÀ NẴNG"], ["DANH SÁCH CÁN BỘ, CÔNG CHỨC"], []]


def _count(db, model=Person) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(model))


def _doc(db, cccd: str) -> dict:
    with db.session() as s:
        return person_json(s, people.find_person(s, cccd).id)


def _import(db, path, **kw):
    source = open_import(path)
    return run_import(db, source, source.mapping, **kw)


def test_messy_list_imports_good_rows_and_names_each_bad_row(db, tmp_path) -> None:
    rows = [*TITLE, HEADER,
            person_row(1, to_tcvn3("nguyễn văn bình"), cccd_of(1)),                                  # row 5
            person_row(2, "Trần Thị Hoa", cccd_of(2, 90, True), dt.datetime(1990, 5, 1), "nu", "Sở Nội vụ",
                       coef=2.67, step="2/9", since="1.9.2021", party="3/2/2015"),                  # row 6
            person_row(3, "Lê Văn Sai", cccd_of(3), "31/02/1985"),                                   # row 7
            person_row(4, "Phạm Văn Dân", cccd_of(4), ethnicity="Người sao Hỏa"),                    # row 8
            person_row(5, "Võ Văn Bậc", cccd_of(5), step=12),                                        # row 9
            [],                                                                                       # row 10
            person_row(6, "Hồ Thị Năm", cccd_of(6, 70, True), "1970", "Nữ", level="Cử nhân Luật"),  # row 11
            person_row(7, "Đỗ Hai Lỗi", cccd_of(7), unit="Phòng Ma", step=12),                       # row 12
            ["II. Phòng khác"], [None, None, None, None, None, None, "Đà Nẵng, ngày 15 tháng 3 năm 2025"],
            [None, "NGƯỜI LẬP BIỂU", None, None, None, None, "GIÁM ĐỐC"], [None, "Nguyễn Thị Mai"]]   # rows 13-16
    path = xlsx(tmp_path / "ds.xlsx", rows, fonts={"B5": ".VnTimeH"}, merges=["A1:F1", "A2:F2", "A13:P13"])
    result = _import(db, path)
    assert (result.read, result.imported, result.updated, result.rejected, result.skipped) == (7, 3, 0, 4, 3)
    assert [(e.row, e.field) for e in result.errors] == [(7, "birth_date"), (8, "ethnicity_code"), (9, "salary_step"),
                                                         (12, "unit_code"), (12, "salary_step")]
    assert [r.row for r in result.rows if r.action == "skip"] == [14, 15, 16]
    assert result.errors[0].message.startswith("Dòng 7, Ngày sinh (cột C): ")
    assert "Người sao Hỏa" in result.errors[1].message and "Dân tộc" in result.errors[1].message
    assert "Dòng 9" in result.errors[2].message and "vượt quá bậc cao nhất" in result.errors[2].message
    binh = _doc(db, cccd_of(1))
    assert binh["full_name"] == "Nguyễn Văn Bình" and binh["unit_code"] == "DN.SNV"
    assert (binh["salary_coefficient"], binh["salary_since"], binh["ethnicity"]) == (3, "2020-09-01", "Kinh")
    hoa = _doc(db, cccd_of(2, 90, True))
    assert (hoa["sex"], hoa["birth_date"], hoa["salary_step"], hoa["salary_coefficient"]) == ("Nữ", "1990-05-01", 2, 2.67)
    assert (hoa["salary_since"], hoa["party_join_date"], hoa["hometown_text"]) == ("2021-09-01", "2015-02-03", "Hòa Vang, Đà Nẵng")
    nam = _doc(db, cccd_of(6, 70, True))
    assert (nam["birth_date"], nam["birth_year_only"]) == ("1970-01-01", True)
    assert (nam["professional_level_code"], nam["professional_major"]) == ("DH", "Luật")
    assert _count(db) == 3


def test_preview_shows_records_actions_and_conversions_without_writing(db, tmp_path) -> None:
    _create(db, cccd_of(2), "Trần Văn Cũ", position="Chuyên viên")
    rows = [HEADER, person_row(1, to_tcvn3("Nguyễn Văn Bình"), cccd_of(1)),
            person_row(2, "Trần Văn Cũ", cccd_of(2), position="Trưởng phòng"), person_row(3, "Sai", "123")]
    path = xlsx(tmp_path / "p.xlsx", rows, fonts={"B2": ".VnTime"})
    source = open_import(path)
    before = _count(db, ChangeLog)
    with db.session() as s:
        shown = preview(s, source, source.mapping)
    assert [(p.row, p.action) for p in shown] == [(2, "create"), (3, "update"), (4, "reject")]
    assert shown[0].record["full_name"] == "Nguyễn Văn Bình" and shown[0].record["unit_code"] == "DN.SNV"
    assert [(c.column, c.original, c.converted, c.encoding) for c in shown[0].conversions] == [
        ("B", to_tcvn3("Nguyễn Văn Bình"), "Nguyễn Văn Bình", "tcvn3")]
    assert shown[1].changes == {"position": "Trưởng phòng"} and shown[1].data == shown[1].changes
    assert shown[2].errors[0].field == "cccd" and "12 chữ số" in shown[2].errors[0].message
    assert _count(db) == 1 and _count(db, ChangeLog) == before
    with db.session() as s:
        assert [p.row for p in preview(s, source, source.mapping, limit=1)] == [2]


def test_duplicate_cccd_refuses_both_rows_naming_both(db, tmp_path) -> None:
    rows = [HEADER, person_row(1, "Nguyễn Văn A", cccd_of(1)), person_row(2, "Lê Văn B", cccd_of(2)),
            person_row(3, "Nguyễn Văn A (lần 2)", cccd_of(1))]
    result = _import(db, xlsx(tmp_path / "d.xlsx", rows))
    assert (result.imported, result.rejected) == (1, 2)
    assert [(e.row, e.field) for e in result.errors] == [(2, "cccd"), (4, "cccd")]
    assert all("các dòng 2 và 4" in e.message for e in result.errors)
    assert _count(db) == 1


def _create(db, cccd: str, name: str, **more) -> None:
    data = {"cccd": cccd, "full_name": name, "birth_date": "12/03/1985", "sex": "Nam", "unit_code": "DN.SNV",
            "grade_code": "01.003", "salary_step": 3, "salary_coefficient": "3,00", "salary_since": "01/09/2020",
            "ethnicity_code": "Kinh", "religion_code": "Không", "hometown_text": "Hòa Vang, Đà Nẵng",
            "professional_level_code": "Đại học", "position": "Chuyên viên"} | more
    with db.session("clerk") as s:
        people.create_person(s, data)


def test_existing_person_gets_only_the_changed_fields(db, tmp_path) -> None:
    _create(db, cccd_of(1), "Nguyễn Văn Bình")
    _create(db, cccd_of(2), "Lê Thị Lan")
    rows = [HEADER, person_row(1, "NGUYỄN VĂN BÌNH", cccd_of(1), position="Phó Trưởng phòng", step=4, coef="3,33"),
            person_row(2, "Lê Thị Lan", cccd_of(2)), person_row(3, "Mới Toanh", cccd_of(3))]
    result = _import(db, xlsx(tmp_path / "u.xlsx", rows), user="truong_phong")
    assert (result.read, result.imported, result.updated, result.unchanged, result.rejected) == (3, 1, 1, 1, 0)
    with db.session() as s:
        changes = [c for c in person_history(s, cccd_of(1)) if c.action == "update" and c.field in PERSON_FIELD_MAP]
        lan = [c for c in person_history(s, cccd_of(2)) if c.action != "create"]
    assert {c.by for c in changes} == {"truong_phong"}
    assert {(c.field, c.old, c.new) for c in changes} == {
        ("position", "Chuyên viên", "Phó Trưởng phòng"), ("salary_step", "3", "4"),
        ("salary_coefficient", "3", "3.33")}
    assert lan == []
    assert _count(db) == 3


def test_unchanged_import_writes_nothing(db, tmp_path) -> None:
    rows = [HEADER] + [person_row(i, f"Người Số {i}", cccd_of(i)) for i in range(1, 6)]
    path = xlsx(tmp_path / "same.xlsx", rows)
    assert _import(db, path).imported == 5
    logged = _count(db, ChangeLog)
    with db.session() as s:
        versions = sorted(s.scalars(select(Person.version)))
    again = _import(db, path)
    assert (again.read, again.imported, again.updated, again.unchanged, again.rejected) == (5, 0, 0, 5, 0)
    assert _count(db, ChangeLog) == logged
    with db.session() as s:
        assert sorted(s.scalars(select(Person.version))) == versions


def test_empty_cells_never_erase_stored_values(db, tmp_path) -> None:
    _create(db, cccd_of(1), "Nguyễn Văn Bình", party_join_date="03/02/2012")
    row = person_row(1, "Nguyễn Văn Bình", cccd_of(1), position=None, ethnicity=None, party=None)
    result = _import(db, xlsx(tmp_path / "e.xlsx", [HEADER, row]))
    assert result.unchanged == 1
    doc = _doc(db, cccd_of(1))
    assert (doc["position"], doc["ethnicity"], doc["party_join_date"]) == ("Chuyên viên", "Kinh", "2012-02-03")


def test_a_row_refused_by_the_service_after_it_started_writing_leaves_nothing(db, tmp_path, monkeypatch) -> None:
    real = people._sync_salary

    def failing(person, **kw):  # runs after the person and its placement were added to the session
        if person.cccd == cccd_of(2):
            raise UserError("hỏng giữa chừng")
        return real(person, **kw)

    monkeypatch.setattr(people, "_sync_salary", failing)
    real_log = audit.log_created

    def failing_log(session, rows, at=None):  # the batch's INSERTs ran already: its savepoint must undo them
        if any(values.get("cccd") == cccd_of(2) for _, values, _ in rows):
            raise UserError("hỏng giữa chừng")
        return real_log(session, rows, at)

    monkeypatch.setattr(audit, "log_created", failing_log)  # the batch fails, then the rows one by one
    rows = [HEADER, person_row(1, "A Một", cccd_of(1)), person_row(2, "B Hai", cccd_of(2)), person_row(3, "C Ba", cccd_of(3))]
    result = _import(db, xlsx(tmp_path / "f.xlsx", rows))
    assert (result.imported, result.rejected) == (2, 1)
    assert result.errors[0].row == 3 and "hỏng giữa chừng" in result.errors[0].message
    with db.session() as s:
        assert sorted(s.scalars(select(Person.cccd))) == [cccd_of(1), cccd_of(3)]
        assert s.scalar(select(func.count()).select_from(ChangeLog).where(ChangeLog.new.contains(cccd_of(2)))) == 0


def test_dry_run_writes_nothing_but_reports_the_same(db, tmp_path) -> None:
    rows = [HEADER, person_row(1, "A Một", cccd_of(1)), person_row(2, "B", "sai")]
    path = xlsx(tmp_path / "dry.xlsx", rows)
    logged = _count(db, ChangeLog)
    dry = _import(db, path, dry_run=True)
    assert (dry.read, dry.imported, dry.rejected, dry.dry_run) == (2, 1, 1, True)
    assert _count(db) == 0 and _count(db, ChangeLog) == logged
    real = _import(db, path)
    assert real.as_json() == dry.as_json() and _count(db) == 1


def test_cancel_keeps_nothing(db, tmp_path) -> None:
    rows = [HEADER] + [person_row(i, f"Người {i}", cccd_of(i)) for i in range(1, 6)]
    source = open_import(xlsx(tmp_path / "c.xlsx", rows))
    seen = []
    result = run_import(db, source, source.mapping, progress=lambda done, total: seen.append((done, total)),
                        cancelled=lambda: len(seen) >= 3)
    assert result.cancelled and seen[:3] == [(1, 5), (2, 5), (3, 5)]
    assert _count(db) == 0


def test_units_by_code_name_default_and_ambiguity(db, tmp_path) -> None:
    with db.session() as s:
        units.add_unit(s, "DN.SNV.VP", "Văn phòng", "DN.SNV")
        units.add_unit(s, "DN.STC.VP", "Văn phòng", "DN")
    rows = [HEADER, person_row(1, "A", cccd_of(1), unit="phong cong chuc, vien chuc"),
            person_row(2, "B", cccd_of(2), unit="dn.p.haichau"), person_row(3, "C", cccd_of(3), unit=None),
            person_row(4, "D", cccd_of(4), unit="Văn phòng"), person_row(5, "E", cccd_of(5), unit="Sở Tài chính")]
    result = _import(db, xlsx(tmp_path / "u.xlsx", rows), default_unit_code="DN")
    assert [(e.row, e.field) for e in result.errors] == [(5, "unit_code"), (6, "unit_code")]
    assert "DN.SNV.VP, DN.STC.VP" in result.errors[0].message and "hãy ghi mã" in result.errors[0].message
    assert [_doc(db, cccd_of(i))["unit_code"] for i in (1, 2, 3)] == ["DN.SNV.CCVC", "DN.P.HAICHAU", "DN"]
    with pytest.raises(UserError, match="Không có đơn vị mã 'KHONG'"):
        _import(db, xlsx(tmp_path / "v.xlsx", [HEADER]), default_unit_code="KHONG")


def test_sex_marks_split_birth_dates_and_split_names(db, tmp_path) -> None:
    rows = [["Họ và tên", None, "Ngày, tháng, năm sinh", None, "Số CCCD"],
            ["Họ", "Tên", "Nam", "Nữ"],
            ["Nguyễn Văn", "Bình", "12/03/1985", None, cccd_of(1)],
            ["Trần Thị", "Hoa", None, dt.datetime(1990, 5, 1), cccd_of(2, 90, True)],
            ["Lê Văn", "Hai", "01/01/1980", "01/01/1980", cccd_of(3, 80)]]
    path = xlsx(tmp_path / "s.xlsx", rows, merges=["A1:B1", "C1:D1", "E1:E2"])
    result = _import(db, path)
    assert (result.imported, [(e.row, e.field) for e in result.errors]) == (2, [(5, "birth_date")])
    assert (_doc(db, cccd_of(1))["sex"], _doc(db, cccd_of(2, 90, True))["sex"]) == ("Nam", "Nữ")
    assert _doc(db, cccd_of(2, 90, True))["full_name"] == "Trần Thị Hoa"
    marks = [["Họ tên", "Ngày sinh", "Nữ", "CCCD"], ["Lê Thị Thu", "1/1/1991", "x", cccd_of(4, 91, True)],
             ["Lê Văn Đông", "1/1/1991", None, cccd_of(5, 91)]]
    _import(db, xlsx(tmp_path / "m.xlsx", marks))
    assert (_doc(db, cccd_of(4, 91, True))["sex"], _doc(db, cccd_of(5, 91))["sex"]) == ("Nữ", "Nam")


def test_csv_in_tcvn3_and_an_old_xls(db, tmp_path) -> None:
    text = to_tcvn3("Họ và tên,Ngày sinh,Giới tính,Số CCCD\n") + "\n".join(
        f"{to_tcvn3(name)},{born},{to_tcvn3(sex)},{number}" for name, born, sex, number in [
            ("Nguyễn Văn Bình", "12/03/1985", "Nam", cccd_of(1)), ("Trần Thị Hoa", "01/05/1990", "Nữ", cccd_of(2, 90, True)),
            ("Phạm Thị Tú", "1992", "Nữ", cccd_of(3, 92, True))])
    path = tmp_path / "cu [2019].csv"
    path.write_bytes(text.encode("cp1252"))
    source = open_import(path)
    result = run_import(db, source, source.mapping)
    assert result.imported == 3
    write_result_report(source, result, tmp_path / "kq.xlsx")
    ws = openpyxl.load_workbook(tmp_path / "kq.xlsx").worksheets[0]
    assert (ws.title, ws["A2"].value, ws["E2"].value) == ("cu -2019-", "Nguyễn Văn Bình", "Đã thêm")
    assert [_doc(db, n)["full_name"] for n in (cccd_of(1), cccd_of(2, 90, True), cccd_of(3, 92, True))] == [
        "Nguyễn Văn Bình", "Trần Thị Hoa", "Phạm Thị Tú"]
    xls = tmp_path / "cu.xls"
    xls.write_bytes(SAMPLE_XLS)
    result = _import(db, xls)
    assert (result.imported, result.updated, result.rejected) == (2, 0, 0)
    hoa = _doc(db, "048190001235")
    assert (hoa["full_name"], hoa["sex"], hoa["unit_code"]) == ("Trần Thị Hoa", "Nữ", "DN")


# --- one transaction: a killed import leaves nothing ------------------------------------------

_CRASH = """
import os, sys
from app.db import open_database
from app.exchange.importer import open_import, run_import
db = open_database(sys.argv[1])
source = open_import(sys.argv[2])
def progress(done, total):
    if done == 30:
        os._exit(9)  # as if the machine lost power: no rollback, no cleanup
run_import(db, source, source.mapping, progress=progress)
"""


def _big_file(tmp_path, n: int) -> Path:
    return xlsx(tmp_path / "big.xlsx", [HEADER] + [person_row(i, f"Người Số {i}", cccd_of(i)) for i in range(1, n + 1)])


def test_process_dying_mid_import_leaves_nothing(db, tmp_path) -> None:
    dbfile = db.url.removeprefix("sqlite:///")
    db.dispose()
    done = subprocess.run([sys.executable, "-c", _CRASH, dbfile, str(_big_file(tmp_path, 60))], cwd=ROOT,
                          capture_output=True, text=True, timeout=120, env=os.environ | {"PYTHONPATH": str(ROOT)})
    assert done.returncode == 9, done.stderr
    assert _count(db) == 0
    assert _count(db, ChangeLog) == _count(db, ChangeLog) and _person_log(db) == 0


def _person_log(db) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(ChangeLog).where(ChangeLog.entity == "person"))


def test_killed_cli_import_leaves_nothing(db, tmp_path) -> None:
    dbfile = db.url.removeprefix("sqlite:///")
    db.dispose()
    path = _big_file(tmp_path, 400)
    process = subprocess.Popen([sys.executable, "main.py", "import", str(path), "--db", dbfile], cwd=ROOT,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    started = time.monotonic()
    seen = ""
    # until the progress says a first hundred rows were saved (inside the import's one transaction,
    # which ends only at 400/400): a condition, not a fixed delay that a fast or a busy machine beats
    while "Đang nhập: 100/400" not in seen and time.monotonic() - started < 600:
        char = process.stderr.read(1)
        if not char:
            break  # the process ended
        seen += char
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL, "the import finished before it could be killed"
    assert _count(db) == 0 and _person_log(db) == 0


def test_existing_data_survives_a_failed_transaction(db, tmp_path) -> None:
    """SQLite SAVEPOINTs opened before any write would commit on RELEASE (pysqlite): the import
    opens a real transaction first, so an error after many released savepoints rolls back all."""
    _create(db, cccd_of(99), "Người Có Sẵn")
    rows = [HEADER] + [person_row(i, f"Người {i}", cccd_of(i)) for i in range(1, 4)]
    source = open_import(xlsx(tmp_path / "x.xlsx", rows))

    def progress(done: int, total: int) -> None:
        if done == 3:
            raise RuntimeError("mất điện")

    with pytest.raises(RuntimeError):
        run_import(db, source, source.mapping, progress=progress)
    with db.session() as s:
        assert list(s.scalars(select(Person.cccd))) == [cccd_of(99)]


def test_person_data_fixture_still_imports_from_its_own_export(db, tmp_path) -> None:
    with db.session() as s:
        people.create_person(s, person_data(unit_code="DN.SNV.CCVC"))
    from app.exchange.export import export_people

    export_people(db, tmp_path / "e.xlsx", sections=("training", "family", "work_history", "salary_history"))
    result = _import(db, tmp_path / "e.xlsx")
    assert (result.updated, result.imported, result.rejected, result.unchanged) == (0, 0, 0, 1)


def test_a_cccd_typed_as_text_is_never_padded_and_a_contradicting_one_is_refused(db, tmp_path) -> None:
    """Issue 19 item 19: 11 characters in a *text* cell lost a digit (refused); 11 digits in a
    *numeric* cell lost Excel's leading zero (restored, with a warning). A CCCD whose 4th digit
    (century and sex) or 5th–6th (year) contradicts the row's birth year or sex refuses the row,
    naming both values."""
    path = xlsx(tmp_path / "cccd.xlsx", [HEADER,
                                         person_row(1, "Lê Văn Chữ", "04808501234"),  # text: refused
                                         person_row(2, "Lê Văn Số", 48085001235),  # number: padded
                                         person_row(3, "Lê Văn Giới", "048185001236"),  # 1 = female
                                         person_row(4, "Lê Văn Năm", "048090001237"),  # born 1990
                                         person_row(5, "Trần Thị Đúng", "048185001238", sex="Nữ")])
    result = _import(db, path)
    assert (result.imported, result.rejected) == (2, 3)
    errors = {e.row: e.message for e in result.errors}
    assert "phải gồm đúng 12 chữ số" in errors[2] and "004808501234" not in errors[2]
    assert "048185001236" in errors[4] and "giới tính nữ, hồ sơ ghi nam" in errors[4] and "Số CCCD" in errors[4]
    assert "048090001237" in errors[5] and "năm sinh 1990, hồ sơ ghi 1985" in errors[5]
    assert _doc(db, "048085001235")["full_name"] == "Lê Văn Số"
    assert any("mất số 0" in w for r in result.rows if r.row == 3 for w in r.warnings)
    with db.session() as s:
        assert s.scalar(select(func.count()).where(Person.cccd.in_(
            ["004808501234", "048185001236", "048090001237"]))) == 0


def test_formula_cells_without_a_result_and_control_characters_are_said_per_cell(db, tmp_path) -> None:
    """Issue 19 item 20: a formula with no stored result (a file from a program that does not
    calculate) refuses its row naming the cell, instead of a position silently becoming empty;
    NUL (which cut the text), BEL, ESC and the right-to-left override are dropped from names with
    a warning naming row and column."""
    path = tmp_path / "congthuc.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(HEADER)
    ws.append(person_row(1, "Lê Văn Một", cccd_of(1)))
    ws.append(person_row(2, "Lê\u202e Văn Hai", cccd_of(2)))
    ws["G2"] = '="Chuyên viên"'  # openpyxl stores the formula without a result
    wb.save(path)
    result = _import(db, path)
    assert (result.imported, result.rejected) == (1, 1)
    (error,) = result.errors
    assert error.row == 2 and "cột G" in error.message and "công thức chưa có kết quả" in error.message
    assert _doc(db, cccd_of(2))["full_name"] == "Lê Văn Hai"
    (warning,) = [w for r in result.rows if r.row == 3 for w in r.warnings if "điều khiển" in w]
    assert warning.startswith("Dòng 3: cột B:") and "U+202E" in warning

    csv_path = tmp_path / "dieukhien.csv"
    csv_path.write_text(",".join(HEADER[:6]) + "\n"
                        + ",".join(["1", "Trần\x00 Văn\x07 Ba\x1b", "12/03/1985", "Nam", cccd_of(3), "DN.SNV"]) + "\n",
                        encoding="utf-8")
    source = open_import(csv_path)
    assert any("UTF-8" in note for note in source.notes)
    with db.session() as s:
        rows = preview(s, source, source.mapping, None, None)
    assert [w for w in rows[0].warnings if "cột B" in w and "NUL" in w and "BEL" in w and "ESC" in w]
    result = run_import(db, source, source.mapping)
    assert result.imported == 1 and _doc(db, cccd_of(3))["full_name"] == "Trần Văn Ba"


def test_a_windows_vietnamese_csv_is_read_and_its_encoding_named(db, tmp_path) -> None:
    """Issue 19 item 21: cp1258 (shaped letters precomposed, tones as combining marks after the
    letter, as Vietnamese Windows writes it) is detected, stored in NFC, and the note says so."""
    import io
    import unicodedata

    tones = "\u0300\u0301\u0303\u0309\u0323"

    def cp1258(text: str) -> bytes:
        out = []
        for ch in unicodedata.normalize("NFC", text):
            try:
                out.append(ch.encode("cp1258"))
            except UnicodeEncodeError:
                parts = unicodedata.normalize("NFD", ch)
                base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
                out.append((base + "".join(c for c in parts if c in tones)).encode("cp1258"))
        return b"".join(out)

    import csv
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=";")
    writer.writerow(HEADER)
    writer.writerow(person_row(1, "Nguyễn Thị Hồng Đào", cccd_of(1, female=True), sex="Nữ"))
    writer.writerow(person_row(2, "Đặng Ngọc Ưng", cccd_of(2)))
    path = tmp_path / "windows.csv"
    path.write_bytes(cp1258(buf.getvalue()))
    source = open_import(path)
    assert any("Windows-1258" in note for note in source.notes)
    result = run_import(db, source, source.mapping)
    assert result.imported == 2 and not result.errors
    name = _doc(db, cccd_of(1, female=True))["full_name"]
    assert name == "Nguyễn Thị Hồng Đào" and unicodedata.is_normalized("NFC", name)
