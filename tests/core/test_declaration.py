"""The personal declaration (issue 16): issue → fill (openpyxl, as the official would) → review →
accept → approve; stale, foreign, tampered and damaged files; refusals by role and unit."""

from __future__ import annotations

import datetime as dt
import json
import uuid
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app.declaration import form
from app.errors import UserError
from app.services import HoSoService
from tests.core import security_fixtures
from tests.core.conftest import person_data
from tests.core.security_fixtures import CCCD_A, CCCD_B

fast_hashing = security_fixtures.fast_hashing
world_template = security_fixtures.world_template
world = security_fixtures.world

def open_file(path: Path):
    return load_workbook(path)


def person_row(ws, name: str) -> int:
    return next(r for r in range(3, ws.max_row + 1) if ws.cell(row=r, column=1).value == name)


def section_sheet(wb, section: str):
    return wb[form.sheet_titles()[section]]


def set_person(path: Path, **values) -> None:
    wb = open_file(path)
    ws = wb[form.PERSON_SHEET]
    for name, value in values.items():
        ws.cell(row=person_row(ws, name), column=4).value = value  # (cell(value=None) would not clear)
    wb.save(path)


def section_rows(ws) -> list[int]:
    return [r for r in range(3, ws.max_row + 1) if ws.cell(row=r, column=1).value]


def column(ws, name: str) -> int:
    return next(c for c in range(1, ws.max_column + 1) if ws.cell(row=1, column=c).value == name)


@pytest.fixture
def desk(db):
    admin = HoSoService(db)
    pid = admin.people.create_person(person_data(unit_code="DN.SNV")).id
    return admin, str(pid)


def keys(review) -> set[str]:
    return {c.key for c in review.changes}


# --- the file -------------------------------------------------------------------------------------

def test_the_file_has_every_section_locked_with_lists_and_checks(desk, tmp_path):
    admin, pid = desk
    path = tmp_path / "ke-khai.xlsx"
    admin.declarations.issue(pid, path)
    wb = open_file(path)
    titles = form.sheet_titles()
    assert set(titles.values()) <= set(wb.sheetnames)
    assert wb[form.META_SHEET].sheet_state == "veryHidden" and wb[form.LISTS_SHEET].sheet_state == "veryHidden"
    assert wb.security.lockStructure
    ws = wb[form.PERSON_SHEET]
    assert ws.protection.sheet
    # pre-filled, NFC Vietnamese, catalog names (not codes), dates as dates
    assert ws.cell(row=person_row(ws, "full_name"), column=4).value == "Nguyễn Văn Bình"
    assert ws.cell(row=person_row(ws, "ethnicity_code"), column=4).value == "Kinh"
    assert ws.cell(row=person_row(ws, "birth_date"), column=4).value.date() == dt.date(1985, 3, 12)
    # input cells open, labels and the agency's fields locked
    assert not ws.cell(row=person_row(ws, "phone"), column=4).protection.locked
    assert ws.cell(row=person_row(ws, "phone"), column=3).protection.locked
    assert ws.cell(row=person_row(ws, "status"), column=4).protection.locked
    # a drop-down for the catalog, a date check for a date, a length check for a text
    rules = {str(r.sqref): r for r in ws.data_validations.dataValidation}
    eth = next(r for ref, r in rules.items() if f"D{person_row(ws, 'ethnicity_code')}" in ref.split())
    assert eth.type == "list" and eth.formula1.startswith("ds_")
    assert next(r for ref, r in rules.items() if f"D{person_row(ws, 'birth_date')}" in ref.split()).type == "date"
    listed = wb.defined_names[eth.formula1].attr_text
    lists = wb[form.LISTS_SHEET]
    col = listed.split("!$")[1].split("$")[0]
    names = [c.value for c in lists[col] if c.value]
    assert "Kinh" in names and "Tày" in names
    # every section sheet: the six training kinds offered, the rows pre-filled with their ids
    training = section_sheet(wb, "training")
    assert training.protection.sheet and training.column_dimensions["A"].hidden
    assert len(section_rows(training)) == 2
    from openpyxl.utils import get_column_letter

    kind_at = f"{get_column_letter(column(training, 'kind'))}3"
    kind_rule = next(r for r in training.data_validations.dataValidation if str(r.sqref).startswith(kind_at))
    kcol = wb.defined_names[kind_rule.formula1].attr_text.split("!$")[1].split("$")[0]
    kinds = [c.value for c in lists[kcol] if c.value]
    assert {"Chuyên môn", "Lý luận chính trị", "Quản lý nhà nước", "Quốc phòng, an ninh", "Tin học",
            "Ngoại ngữ"} <= set(kinds)
    family = section_sheet(wb, "family")
    assert [family.cell(row=r, column=column(family, "full_name")).value for r in section_rows(family)] == \
        ["Nguyễn Văn An", "Trần Thị Hoa", "Lê Thị Cúc"]
    assert not family.cell(row=20, column=3).protection.locked  # empty rows for new entries
    # only this person's data: the other dossier's number is nowhere
    with zipfile.ZipFile(path) as z:
        text = "".join(z.read(n).decode("utf-8", "replace") for n in z.namelist())
    assert "048085001234" in text and "048085005678" not in text


def test_new_fields_come_from_app_fields(desk, tmp_path):
    from app.fields import PERSON_FIELDS, SECTION_FIELDS

    admin, pid = desk
    path = tmp_path / "f.xlsx"
    admin.declarations.issue(pid, path)
    wb = open_file(path)
    ws = wb[form.PERSON_SHEET]
    assert {ws.cell(row=r, column=1).value for r in range(3, ws.max_row + 1)} == \
        {f.name for f in PERSON_FIELDS} | {form.DECLARED_ON}
    for section, specs in SECTION_FIELDS.items():
        sheet = section_sheet(wb, section)
        assert [c.value for c in sheet[1]][1:] == [s.name for s in specs]


def test_untouched_file_changes_nothing(desk, tmp_path):
    admin, pid = desk
    path = tmp_path / "f.xlsx"
    decl = admin.declarations
    decl.issue(pid, path)
    wb = open_file(path)
    wb.save(path)  # opened and saved again, as an official who changes nothing
    found = decl.review(path)
    assert found.changes == [] and found.problems == [] and not found.stale
    before = admin.people.person(pid)["version"]
    done = decl.accept(path)
    assert done.accepted == () and admin.people.person(pid)["version"] == before


def test_scalar_change_accept_approve_end_to_end(world, tmp_path):
    path = tmp_path / "a.xlsx"
    world.clerk.declarations.issue(CCCD_A, path)
    set_person(path, phone="0912 345 678", ethnicity_code="Tày", _declared_on=dt.datetime(2026, 3, 2))
    wb = open_file(path)
    family = section_sheet(wb, "family")
    first = section_rows(family)[0]
    family.cell(row=first, column=column(family, "birth_year"), value=1956)
    new = 3 + len(section_rows(family)) + 1
    family.cell(row=new, column=column(family, "side"), value="Bản thân")
    family.cell(row=new, column=column(family, "relation"), value="Con")
    family.cell(row=new, column=column(family, "full_name"), value="nguyễn minh khang")
    family.cell(row=new, column=column(family, "birth_year"), value=2015)
    wb.save(path)
    found = world.clerk.declarations.review(path)
    assert found.problems == []
    by_key = {c.key: c for c in found.changes}
    assert by_key["phone"].current == "0905123456" and by_key["phone"].declared == "0912 345 678"
    assert by_key["ethnicity_code"].declared == "Tày"
    assert by_key[f"family[{first}].birth_year"].current == "1955"
    assert by_key[f"family[{new}]"].action == "add" and "Nguyễn Minh Khang" in by_key[f"family[{new}]"].declared
    assert found.declared_on == dt.date(2026, 3, 2)
    done = world.clerk.declarations.accept(path, note="Đã đối chiếu giấy khai sinh của con")
    assert len(done.accepted) == 4 and done.review_state == "submitted"
    doc = world.admin.people.person(CCCD_A)
    assert doc["phone"] == "0912 345 678" and doc["ethnicity"] == "Tày"
    assert any(f["full_name"] == "Nguyễn Minh Khang" and f["birth_year"] == 2015 for f in doc["family"])
    history = world.admin.people.history(CCCD_A)
    phone = [c for c in history if c.field == "phone"][-1]
    assert phone.by == "nhaplieu (do cá nhân kê khai 02/03/2026)"
    steps = world.admin.accounts.review_history(CCCD_A)
    assert steps[-1].action == "submit" and "kê khai" in steps[-1].by
    world.head.accounts.approve(CCCD_A)
    assert doc["review_state"] == "submitted"
    assert world.admin.people.person(CCCD_A)["review_state"] == "approved"
    # a second return of the same file changes nothing
    version = world.admin.people.person(CCCD_A)["version"]
    again = world.clerk.declarations.review(path)
    assert again.changes == []
    assert world.clerk.declarations.accept(path).accepted == ()
    assert world.admin.people.person(CCCD_A)["version"] == version
    log = world.clerk.declarations.declarations(CCCD_A)
    assert log[0]["status"] == "accepted" and "giấy khai sinh" in log[0]["note"]


def test_section_rows_added_removed_edited(desk, tmp_path):
    admin, pid = desk
    path = tmp_path / "f.xlsx"
    decl = admin.declarations
    decl.issue(pid, path)
    wb = open_file(path)
    ws = section_sheet(wb, "work_history")
    rows = section_rows(ws)
    # edit the second row, remove the first (clear every cell), add one
    ws.cell(row=rows[1], column=column(ws, "position"), value="Trưởng phòng Công chức, viên chức")
    for c in range(2, ws.max_column + 1):
        ws.cell(row=rows[0], column=c).value = None
    ws.cell(row=10, column=column(ws, "start_date"), value=dt.datetime(2005, 1, 1))
    ws.cell(row=10, column=column(ws, "end_date"), value="31/08/2008")
    ws.cell(row=10, column=column(ws, "unit_name"), value="UBND xã Điện Minh")
    wb.save(path)
    found = decl.review(path)
    actions = {c.key: c.action for c in found.changes}
    assert actions == {f"work_history[{rows[1]}].position": "edit", f"work_history[{rows[0]}]": "remove",
                       "work_history[10]": "add"}
    decl.accept(path)
    doc = admin.people.person(pid)
    assert [w["unit_name"] for w in doc["work_history"]] == ["Sở Nội vụ thành phố Đà Nẵng", "UBND xã Điện Minh"]
    assert doc["work_history"][0]["position"] == "Trưởng phòng Công chức, viên chức"
    assert decl.review(path).changes == []  # the second return proposes nothing


def test_accept_named_fields_only(desk, tmp_path):
    admin, pid = desk
    path = tmp_path / "f.xlsx"
    decl = admin.declarations
    decl.issue(pid, path)
    set_person(path, phone="0911111111", email="binh@danang.gov.vn")
    done = decl.accept(path, ["email"])
    assert [c.key for c in done.accepted] == ["email"]
    doc = admin.people.person(pid)
    assert doc["email"] == "binh@danang.gov.vn" and doc["phone"] == "0905123456"
    assert keys(decl.review(path)) == {"phone"}  # the rejected one is still there to take later
    with pytest.raises(UserError, match="Không có thay đổi kê khai nào mang tên 'nothing'"):
        decl.accept(path, ["nothing"])


def test_stale_file_shows_three_way_and_never_overwrites_silently(desk, tmp_path):
    admin, pid = desk
    path = tmp_path / "f.xlsx"
    decl = admin.declarations
    decl.issue(pid, path)
    admin.people.update_person(pid, {"phone": "0900000000", "other_names": "Bình"})  # the clerk, meanwhile
    set_person(path, phone="0912345678", email="binh@danang.gov.vn")
    found = decl.review(path)
    assert found.stale
    by_key = {c.key: c for c in found.changes}
    assert set(by_key) == {"phone", "email"}  # other_names: the official left it → the clerk's value stands
    assert by_key["phone"].conflict and by_key["phone"].issued == "0905123456" and by_key["phone"].current == "0900000000"
    assert not by_key["email"].conflict
    done = decl.accept(path)  # all: conflicts are left out
    assert [c.key for c in done.accepted] == ["email"]
    assert admin.people.person(pid)["phone"] == "0900000000" and admin.people.person(pid)["other_names"] == "Bình"
    decl.accept(path, ["phone"])  # named: taken
    assert admin.people.person(pid)["phone"] == "0912345678"
    # a row edited by the official and removed by the clerk meanwhile: a problem, never recreated silently
    path2 = tmp_path / "g.xlsx"
    decl.issue(pid, path2)
    doc = admin.people.person(pid)
    admin.people.update_person(pid, {"rewards": [doc["rewards"][1]]})
    wb = open_file(path2)
    ws = section_sheet(wb, "rewards")
    ws.cell(row=section_rows(ws)[0], column=column(ws, "authority"), value="Thủ tướng Chính phủ")
    wb.save(path2)
    found = decl.review(path2)
    assert found.changes == [] and any("đã bị xoá khỏi hồ sơ" in p.message for p in found.problems)


def test_problems_are_marked_like_the_import_preview(desk, tmp_path):
    admin, pid = desk
    path = tmp_path / "f.xlsx"
    decl = admin.declarations
    decl.issue(pid, path)
    set_person(path, birth_date="31/02/1985", cccd_issue_date="01/01/2099", height_cm="cao")
    found = decl.review(path)
    problems = {p.field: p.message for p in found.problems}
    assert "không có thật" in problems["birth_date"]
    assert "tương lai" in problems["cccd_issue_date"]
    assert "không phải là số" in problems["height_cm"]
    assert found.changes == []
    # a birth year that contradicts the CCCD (digits 4–6: 1985) and a sex against digit 4
    set_person(path, birth_date="12/03/1986", sex="Nữ", height_cm=170, cccd_issue_date=None, email=None)
    set_person(path, cccd_issue_date=dt.datetime(2021, 6, 15))
    found = decl.review(path)
    cccd_problems = [p for p in found.problems if "mâu thuẫn với số CCCD" in p.message]
    assert {p.field for p in cccd_problems} == {"birth_date", "sex"}


def test_every_cell_of_a_catalog_column_outside_the_list(desk, tmp_path):
    admin, pid = desk
    path = tmp_path / "f.xlsx"
    decl = admin.declarations
    decl.issue(pid, path)
    wb = open_file(path)
    ws = section_sheet(wb, "training")
    col = column(ws, "form_code")
    rows = section_rows(ws)
    for r in rows:
        ws.cell(row=r, column=col, value="Hàm thụ quốc tế")
    wb.save(path)
    found = decl.review(path)
    assert {p.field for p in found.problems} == {f"training[{r}].form_code" for r in rows}
    assert all("không có trong danh mục" in p.message for p in found.problems)
    assert found.changes == []  # a row with a problem is neither changed nor removed
    assert decl.accept(path).accepted == ()
    assert len(admin.people.person(pid)["training"]) == 2


def test_foreign_tampered_and_damaged_files_are_refused(db, tmp_path):
    admin = HoSoService(db)
    a = str(admin.people.create_person(person_data(unit_code="DN.SNV")).id)
    b = str(admin.people.create_person(person_data(cccd=CCCD_B, full_name="Trần Thị Lan", sex="Nữ",
                                            unit_code="DN.SNV")).id)
    decl = admin.declarations
    fa, fb = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    decl.issue(a, fa)
    decl.issue(b, fb)
    # the person id changed to another dossier's
    wb = open_file(fa)
    meta = wb[form.META_SHEET]
    meta["B3"] = b
    wb.save(tmp_path / "other.xlsx")
    with pytest.raises(UserError, match="không khớp"):
        decl.review(tmp_path / "other.xlsx")
    # the declaration id of B's file in A's file (A's content, B's id)
    wb = open_file(fa)
    wb[form.META_SHEET]["B2"] = open_file(fb)[form.META_SHEET]["B2"].value
    wb.save(tmp_path / "swap.xlsx")
    with pytest.raises(UserError, match="không khớp"):
        decl.review(tmp_path / "swap.xlsx")
    # the version raised to look fresh
    wb = open_file(fa)
    wb[form.META_SHEET]["B5"] = 99
    wb.save(tmp_path / "version.xlsx")
    with pytest.raises(UserError, match="không khớp"):
        decl.review(tmp_path / "version.xlsx")
    # a file issued by another database
    wb = open_file(fa)
    wb[form.META_SHEET]["B2"] = str(uuid.uuid4())
    wb.save(tmp_path / "foreign.xlsx")
    with pytest.raises(UserError, match="không do cơ sở dữ liệu này lập"):
        decl.review(tmp_path / "foreign.xlsx")
    # a row id of another dossier slipped into a section sheet
    wb = open_file(fa)
    ws = section_sheet(wb, "family")
    ws.cell(row=25, column=1, value=str(uuid.uuid4()))
    ws.cell(row=25, column=column(ws, "relation"), value="Em")
    ws.cell(row=25, column=column(ws, "full_name"), value="Người Lạ")
    wb.save(tmp_path / "row.xlsx")
    found = decl.review(tmp_path / "row.xlsx")
    assert found.changes == [] and "không thuộc phiếu" in found.problems[0].message
    # damaged: truncated archive, not a spreadsheet, a spreadsheet that is not a declaration
    data = fa.read_bytes()
    (tmp_path / "cut.xlsx").write_bytes(data[: len(data) // 2])
    (tmp_path / "text.xlsx").write_text("không phải bảng tính", encoding="utf-8")
    from openpyxl import Workbook

    Workbook().save(tmp_path / "plain.xlsx")
    for name, words in (("cut.xlsx", "bị hỏng"), ("text.xlsx", "bị hỏng"), ("plain.xlsx", "không phải là phiếu")):
        with pytest.raises(UserError, match=words):
            decl.review(tmp_path / name)
        with pytest.raises(UserError):
            decl.accept(tmp_path / name)
    assert admin.people.person(a)["version"] == 1 and admin.people.person(b)["version"] == 1


def test_roles_and_units_are_refused(world, tmp_path):
    path = tmp_path / "a.xlsx"
    for role in ("viewer", "head", "other_clerk"):
        with pytest.raises(UserError, match="không được sửa"):
            world.as_role(role).declarations.issue(CCCD_A, tmp_path / f"{role}.xlsx")
        assert not (tmp_path / f"{role}.xlsx").exists()
    with pytest.raises(UserError, match="không được sửa"):
        world.other_clerk.declarations.issue_unit("DN.SNV", tmp_path / "batch")
    world.clerk.declarations.issue(CCCD_A, path)
    set_person(path, phone="0912345678")
    for role in ("viewer", "head", "other_clerk"):
        service = world.as_role(role).declarations
        with pytest.raises(UserError, match="không được sửa"):
            service.review(path)
        with pytest.raises(UserError, match="không được sửa"):
            service.accept(path)
    assert world.admin.people.person(CCCD_A)["phone"] == "0905123456"
    # and the clerk of the other unit cannot issue for the person of DN.SNV through its own unit
    with pytest.raises(UserError):
        world.other_clerk.declarations.issue_unit("DN.SNV.CCVC", tmp_path / "x")


def test_unit_batch_one_file_per_person(world, tmp_path):
    out = tmp_path / "batch"
    issued = world.clerk.declarations.issue_unit("DN.SNV", out)
    assert [i.cccd for i in issued] == [CCCD_A]
    assert sorted(p.name for p in out.iterdir()) == [f"ke-khai-{CCCD_A}.xlsx"]
    assert world.admin.declarations.issue_unit("DN", tmp_path / "all")  # both units for the administrator
    assert len(list((tmp_path / "all").iterdir())) == 2


def test_masking_follows_the_role(world, tmp_path, monkeypatch):
    """A role that may not see a group gets it as *** (locked) and cannot change it by the file."""
    from app.security import sensitive

    groups = sensitive.groups()
    patched = tuple(g if g.name != "ethnicity_religion" else type(g)(**{**g.__dict__, "view": frozenset({"admin"}),
                                                                          "edit": frozenset({"admin"})})
                    for g in groups)
    monkeypatch.setattr(sensitive, "groups", lambda: patched)
    path = tmp_path / "a.xlsx"
    world.clerk.declarations.issue(CCCD_A, path)
    wb = open_file(path)
    ws = wb[form.PERSON_SHEET]
    cell = ws.cell(row=person_row(ws, "religion_code"), column=4)
    assert cell.value == "***" and cell.protection.locked
    with zipfile.ZipFile(path) as z:
        assert all("Phật giáo" not in z.read(n).decode("utf-8", "replace") for n in z.namelist())
    cell.value = "Không"
    wb.save(path)
    assert world.clerk.declarations.review(path).changes == []


def test_cli_issue_review_accept(tmp_path, capsys):
    from app.cli import run

    database = tmp_path / "hoso.sqlite"
    from tests.core.conftest import make_database

    db = make_database(tmp_path)
    HoSoService(db).people.create_person(person_data(unit_code="DN.SNV"))
    db.dispose()
    path = tmp_path / "f.xlsx"
    assert run(["--db", str(database), "declaration", "issue", CCCD_A, "--out", str(path)]) == 0
    set_person(path, phone="0912345678", email="a@b.vn")
    capsys.readouterr()
    assert run(["--db", str(database), "declaration", "review", str(path), "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["cccd"] == CCCD_A and doc["stale"] is False and doc["problems"] == []
    assert {(c["section"], c["field"], c["current"], c["declared"]) for c in doc["changes"]} == \
        {("person", "phone", "0905123456", "0912345678"), ("person", "email", "", "a@b.vn")}
    assert run(["--db", str(database), "declaration", "accept", str(path), "--field", "phone",
                "--note", "đúng"]) == 0
    assert run(["--db", str(database), "declaration", "accept", str(path), "--field", "phone"]) == 1
    capsys.readouterr()
    assert run(["--db", str(database), "declaration", "review", str(path), "--json"]) == 0
    assert [c["field"] for c in json.loads(capsys.readouterr().out)["changes"]] == ["email"]
    assert run(["--db", str(database), "declaration", "accept", str(path)]) == 0
    assert run(["--db", str(database), "declaration", "accept", str(path)]) == 0  # nothing left: changes nothing
    out = tmp_path / "unit"
    assert run(["--db", str(database), "declaration", "issue", "--unit", "DN", "--out", str(out)]) == 0
    assert len(list(out.iterdir())) == 1
    assert run(["--db", str(database), "declaration", "issue", "--out", str(out)]) == 1


def test_a_crafted_sheet_without_a_column_clears_nothing(desk, tmp_path):
    admin, pid = desk
    path = tmp_path / "f.xlsx"
    decl = admin.declarations
    decl.issue(pid, path)
    wb = open_file(path)
    ws = section_sheet(wb, "family")
    ws.protection.sheet = False
    ws.delete_cols(column(ws, "birth_year"))
    wb.save(path)
    assert decl.review(path).changes == []
    # a sheet made enormous is refused, not read for minutes
    wb = open_file(path)
    ws = section_sheet(wb, "training")
    ws.cell(row=2500, column=3).value = "x"
    wb.save(path)
    with pytest.raises(UserError, match="quá 2000 dòng"):
        decl.review(path)


def test_a_changed_cccd_since_issue_is_a_problem(desk, tmp_path):
    admin, pid = desk
    path = tmp_path / "f.xlsx"
    decl = admin.declarations
    decl.issue(pid, path)
    admin.people.update_person(pid, {"cccd": "048085001299"})
    found = decl.review(path)
    assert found.stale and [p.field for p in found.problems] == ["cccd"]
    assert "048085001234" in found.problems[0].message and "048085001299" in found.problems[0].message


def _database_rows(db) -> dict[str, list[tuple]]:
    """Every row of every table of the SQLite file (the whole database, read raw)."""
    import sqlite3

    path = db.url.split("///", 1)[1]
    with sqlite3.connect(path) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        return {t: sorted(conn.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr) for t in tables}


def test_a_second_accept_of_the_same_file_changes_nothing_at_all(world, tmp_path, capsys):
    """Issue 16: a second return of the same file changes nothing — not the dossier, and not the
    change log, the approval events, the declaration row or its note either."""
    path = tmp_path / "a.xlsx"
    world.clerk.declarations.issue(CCCD_A, path)
    set_person(path, phone="0912345678", email="a@b.vn")
    first = world.clerk.declarations.accept(path, note="lần đầu")
    assert len(first.accepted) == 2 and not first.unchanged
    before = _database_rows(world.db)
    assert any("kê khai" in repr(r) for r in before["change_log"])
    assert any(r for r in before["review_events"])
    again = world.clerk.declarations.accept(path, note="lần hai")
    assert again.accepted == () and again.unchanged and again.as_json()["unchanged"] is True
    after = _database_rows(world.db)
    assert after == before  # change_log, review_events, declarations, access_log, log_heads… all equal
    # the same for the untouched file: the first accept records the return, the second nothing
    untouched = tmp_path / "b.xlsx"
    world.clerk.declarations.issue(CCCD_A, untouched)
    assert world.clerk.declarations.accept(untouched).unchanged is False
    assert world.clerk.declarations.declarations(CCCD_A)[0]["status"] == "accepted"
    before = _database_rows(world.db)
    assert world.clerk.declarations.accept(untouched, note="x").unchanged is True
    assert _database_rows(world.db) == before
    # and through the command line (the file's administrator): nothing written, and it says so
    from app.cli import run

    assert run(["--db", world.db.url.split("///", 1)[1], "declaration", "accept", str(untouched),
                "--note", "ghi chú"]) == 0
    assert "không ghi gì thêm (kể cả ghi chú)" in capsys.readouterr().err
    assert _database_rows(world.db) == before
