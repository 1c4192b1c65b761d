"""Job positions, holdings, the 2027 dashboard and the NĐ 335/2025 rating through the service and
the command line (CONTRACT.md `position …`, `rating …`), with every refusal by role and unit."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import select

from app import cli
from app.errors import UserError, ValidationError
from app.services import HoSoService
from models import Evaluation, Person, PositionHolding
from tests.core import security_fixtures
from tests.core.security_fixtures import CCCD_A, CCCD_B, World

world_template = security_fixtures.world_template
world = security_fixtures.world
fast_hashing = security_fixtures.fast_hashing

CV = {"code": "CV.TCBM", "name": "Chuyên viên về tổ chức bộ máy", "group": "Chuyên môn, nghiệp vụ",
      "grade_code": "01.003", "approved": 2, "decision_number": "12/QĐ-UBND", "decision_date": "15/03/2026"}
CVC = dict(CV, code="CVC.TCBM", name="Chuyên viên chính về tổ chức bộ máy", grade_code="01.002", approved=1)


def sheet(path: Path, header: list[str], rows: list[list[object]], title: str | None = None) -> Path:
    book = Workbook()
    ws = book.active
    if title:
        ws.append([title])
        ws.append([])
    ws.append(header)
    for row in rows:
        ws.append(row)
    book.save(path)
    return path


def scores(path: Path, rows: list[list[object]]) -> Path:
    return sheet(path, ["STT", "Số CCCD", "Năm", "Kỳ", "Điểm tiêu chí chung", "Điểm kết quả nhiệm vụ", "Nghỉ"],
                 [[i, *r] for i, r in enumerate(rows, 1)], title="BẢNG ĐIỂM ĐÁNH GIÁ HẰNG THÁNG")


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = cli.run(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def dbfile(world: World) -> str:
    return str(world.db.url).removeprefix("sqlite:///")


# --- positions -----------------------------------------------------------------------------------
def test_positions_add_edit_retire_and_list(world: World) -> None:
    world.admin.positions.save_position("DN.SNV", CV)
    world.admin.positions.save_position("DN.SNV", dict(CV, approved=3), code="CV.TCBM")
    rows = world.admin.positions.positions("DN.SNV")
    assert [r.as_json() for r in rows] == [{"code": "CV.TCBM", "name": CV["name"], "group": "chuyen_mon_nghiep_vu",
                                            "grade_code": "01.003", "unit_code": "DN.SNV", "approved": 3}]
    assert rows[0].decision_date == dt.date(2026, 3, 15)
    with pytest.raises(ValidationError) as refused:
        world.admin.positions.save_position("DN.SNV", dict(CV, group="Văn thư", approved=-1))
    assert {e.field for e in refused.value.errors} == {"group", "approved"}
    with pytest.raises(ValidationError, match="đã có"):
        world.admin.positions.save_position("DN.SNV", CV)
    world.admin.positions.assign_position(CCCD_A, "CV.TCBM", dt.date(2026, 4, 1))
    with pytest.raises(UserError, match="không xoá được"):
        world.admin.positions.delete_position("DN.SNV", "CV.TCBM")
    with pytest.raises(UserError, match="đang giữ"):
        world.admin.positions.retire_position("DN.SNV", "CV.TCBM", dt.date(2026, 5, 1))
    world.admin.positions.save_position("DN.SNV", CVC)
    world.admin.positions.delete_position("DN.SNV", "CVC.TCBM")  # never held: may go
    assert [r.code for r in world.admin.positions.positions("DN.SNV")] == ["CV.TCBM"]


def test_load_framework_list_all_or_nothing(world: World, tmp_path: Path) -> None:
    header = ["STT", "Mã vị trí", "Tên vị trí việc làm", "Nhóm", "Mã ngạch", "Đơn vị", "Số lượng được duyệt"]
    good = sheet(tmp_path / "vtvl.xlsx", header, [
        [1, "LD.GD", "Giám đốc", "Lãnh đạo, quản lý", "01.001", "DN.SNV", 1],
        [2, "CV.TCBM", "Chuyên viên về tổ chức bộ máy", "chuyên môn", "01.003", "DN.SNV", 4],
        [3, "HT.VT", "Văn thư", "Hỗ trợ, phục vụ", "02.007", "Sở Nội vụ", 1],
    ], title="DANH MỤC VỊ TRÍ VIỆC LÀM")
    result = world.clerk.positions.load_positions(good)
    assert (result.read, result.added, result.updated) == (3, 3, 0)
    assert world.clerk.positions.load_positions(good).updated == 3  # a second run updates, never duplicates
    bad = sheet(tmp_path / "bad.xlsx", header, [
        [1, "CV.MOI", "Chuyên viên mới", "chuyên môn", "01.003", "DN.SNV", 1],
        [2, "", "Không mã", "chuyên môn", "01.003", "DN.SNV", 1],
        [3, "X", "Sai nhóm", "Văn phòng", "01.003", "DN.SNV", "hai"],
    ])
    with pytest.raises(ValidationError) as refused:
        world.clerk.positions.load_positions(bad)
    messages = [str(e) for e in refused.value.errors]
    assert any(m.startswith("Dòng 3, Mã vị trí") for m in messages)
    assert any(m.startswith("Dòng 4, Nhóm") for m in messages) and any("Dòng 4, Số lượng" in m for m in messages)
    assert "CV.MOI" not in {r.code for r in world.admin.positions.positions("DN.SNV")}  # nothing of the file saved
    # a clerk of DN.SNV cannot load positions for another unit (the row names it) — nothing saved
    other = sheet(tmp_path / "other.xlsx", header, [[1, "CV.P", "Chuyên viên phường", "chuyên môn", "01.003",
                                                     "DN.P.HAICHAU", 2]])
    with pytest.raises(ValidationError, match="Dòng 2, Đơn vị"):
        world.clerk.positions.load_positions(other)
    with pytest.raises(UserError):
        world.clerk.positions.load_positions(tmp_path / "vtvl.xlsx", "DN.P.HAICHAU")
    assert world.admin.positions.positions("DN.P.HAICHAU") == []
    (tmp_path / "not.xlsx").write_text("không phải Excel")
    with pytest.raises(UserError, match="not.xlsx"):
        world.clerk.positions.load_positions(tmp_path / "not.xlsx", "DN.SNV")


@pytest.mark.parametrize("role", ["viewer", "head", "other_clerk"])
def test_wrong_role_or_unit_cannot_manage_positions(world: World, role: str) -> None:
    world.admin.positions.save_position("DN.SNV", CV)
    service = world.as_role(role)
    with pytest.raises(UserError, match="không được"):
        service.positions.save_position("DN.SNV", CVC)
    with pytest.raises(UserError, match="không được"):
        service.positions.retire_position("DN.SNV", "CV.TCBM", dt.date(2026, 5, 1))
    with pytest.raises(UserError, match="không được"):
        service.positions.assign_position(CCCD_A, "CV.TCBM", dt.date(2026, 4, 1))
    with pytest.raises(UserError, match="không được"):
        service.positions.assign_positions([(CCCD_A, "CV.TCBM")], dt.date(2026, 4, 1))


def test_clerk_cannot_place_another_units_person_or_see_its_positions(world: World) -> None:
    world.admin.positions.save_position("DN.P.HAICHAU", dict(CV, code="CV.P"))
    with pytest.raises(UserError, match="không được"):
        world.clerk.positions.assign_position(CCCD_B, "CV.P", dt.date(2026, 4, 1))
    with pytest.raises(UserError, match="không được"):
        world.clerk.positions.positions("DN.P.HAICHAU")
    with pytest.raises(UserError, match="không được"):
        world.clerk.positions.placement_dashboard("DN.P.HAICHAU")
    assert world.clerk.positions.positions() == []  # its own units only
    # a person is placed only in a position of their unit or an agency above it
    world.admin.positions.save_position("DN.SNV", CV)
    with pytest.raises(UserError, match="Không có vị trí"):
        world.admin.positions.assign_position(CCCD_B, "CV.TCBM", dt.date(2026, 4, 1))


def test_holding_history_and_person_json(world: World) -> None:
    world.admin.positions.save_position("DN.SNV", CV)
    world.admin.positions.save_position("DN.SNV", CVC)
    world.clerk.positions.assign_position(CCCD_A, "CV.TCBM", dt.date(2025, 9, 1), decision="5/QĐ-SNV")
    world.clerk.positions.assign_position(CCCD_A, "CVC.TCBM", dt.date(2026, 2, 1))
    history = world.viewer.positions.position_history(CCCD_A)
    assert [(h.code, h.start_date, h.end_date) for h in history] == [
        ("CV.TCBM", dt.date(2025, 9, 1), dt.date(2026, 1, 31)), ("CVC.TCBM", dt.date(2026, 2, 1), None)]
    doc = world.admin.people.person(CCCD_A)
    assert doc["position_code"] == "CVC.TCBM" and doc["job_position"] == CVC["name"]
    with pytest.raises(UserError, match="không trước"):
        world.admin.positions.assign_position(CCCD_A, "CV.TCBM", dt.date(2026, 1, 1))


def test_dashboard_and_bulk_placement(world: World) -> None:
    world.admin.positions.save_position("DN.SNV", CV)  # 01.003, 2 places
    dashboard = world.admin.positions.placement_dashboard("DN.SNV", dt.date(2026, 7, 1))
    assert dashboard.civil_servants == 1 and dashboard.placed == 0
    assert [p.cccd for p in dashboard.unplaced] == [CCCD_A] and dashboard.days_left == 365
    proposals = world.clerk.positions.placement_proposals("DN.SNV")
    assert [(p.person.cccd, p.position_code) for p in proposals] == [(CCCD_A, "CV.TCBM")]
    world.clerk.positions.assign_positions([(p.person.cccd, p.position_code) for p in proposals], dt.date(2026, 7, 1))
    board = world.admin.positions.placement_dashboard("DN.SNV", dt.date(2026, 7, 2))
    assert board.placed == 1 and board.unplaced == [] and board.mismatched == []
    assert [(p.code, p.approved, p.filled) for p in board.positions] == [("CV.TCBM", 2, 1)]
    # a ngạch that no longer matches the position shows
    world.admin.people.update_person(CCCD_A, {"grade_code": "01.002", "salary_step": 1, "salary_since": "01/08/2026"})
    board = world.admin.positions.placement_dashboard("DN.SNV", dt.date(2026, 8, 2))
    assert [p.cccd for p in board.mismatched] == [CCCD_A]
    with pytest.raises(UserError, match="không được"):
        world.viewer.positions.placement_proposals("DN.SNV")


# --- rating --------------------------------------------------------------------------------------
def test_rating_import_levels_and_check(world: World, tmp_path: Path) -> None:
    rows = [[CCCD_A, 2026, m, 28, 64, None] for m in range(1, 10)]  # 92 for 9 months
    rows += [[CCCD_A, 2026, "Q4", None, None, "thai sản"]]  # a quarter of leave: not counted
    rows += [[CCCD_A, 2026, 13, 28, 64, None], ["12345", 2026, 1, 28, 64, None], [CCCD_A, 2026, 2, 31, 64, None],
             [CCCD_A, 2026, "Q1", 28, 64, None]]
    result = world.clerk.positions.import_scores(scores(tmp_path / "diem.xlsx", rows))
    assert (result.read, result.imported, result.rejected) == (14, 10, 4)
    assert {(e["row"], e["field"]) for e in result.errors} == {
        (14, "Kỳ"), (15, "Số CCCD"), (16, "Điểm tiêu chí chung"), (17, "Kỳ")}
    years = world.viewer.positions.rating_years(CCCD_A)
    assert [(y.year, float(y.score), y.level, y.months_scored) for y in years] == [(2026, 92.0, "xuat_sac", 9)]
    check = world.head.positions.rating_check("DN.SNV", 2026)
    assert check.as_json() == {"xuat_sac": 1, "tot": 0, "hoan_thanh": 0, "khong_hoan_thanh": 0, "quota_ok": False}
    assert check.warnings()
    with pytest.raises(UserError, match="Chưa duyệt"):
        world.head.positions.approve_ratings("DN.SNV", 2026)
    assert world.head.positions.approve_ratings("DN.SNV", 2026, over_quota=True) == 1
    with world.db.session() as s:
        person = s.scalars(select(Person).where(Person.cccd == CCCD_A)).one()
        rows = {e.year: e.quality_rating for e in s.scalars(select(Evaluation).where(
            Evaluation.person_id == person.id, Evaluation.deleted_at.is_(None)))}
    assert rows[2026] == "Hoàn thành xuất sắc nhiệm vụ"  # the dossier's yearly table (2023 CV 35.1)
    assert world.head.positions.approve_ratings("DN.SNV", 2026, over_quota=True) == 0  # a second run changes nothing


def test_discipline_in_year_forces_failure(world: World, tmp_path: Path) -> None:
    world.clerk.positions.import_scores(scores(tmp_path / "d.xlsx", [[CCCD_A, 2014, m, 29, 66, None] for m in range(1, 13)]))
    # FULL_PERSON has a khiển trách from 01/03/2014
    (year,) = world.admin.positions.rating_years(CCCD_A)
    assert year.score == 95 and year.level == "khong_hoan_thanh" and "Khiển trách" in year.forced


def test_transfer_mid_year_scores_follow_the_person(world: World, tmp_path: Path) -> None:
    world.admin.positions.import_scores(scores(tmp_path / "a.xlsx", [[CCCD_B, 2026, m, 20, 40, None] for m in range(1, 7)]))
    world.admin.people.transfer_person(CCCD_B, "DN.SNV.CCVC", dt.date(2026, 7, 1))
    world.admin.positions.import_scores(scores(tmp_path / "b.xlsx", [[CCCD_B, 2026, m, 28, 62, None] for m in range(7, 13)]))
    (year,) = world.admin.positions.rating_years(CCCD_B)
    assert float(year.score) == 75.0 and year.level == "tot"  # (60·6 + 90·6) / 12
    assert world.admin.positions.rating_check("DN.SNV.CCVC", 2026).counts["tot"] == 2 - 1  # B only (A has no score)
    assert world.admin.positions.rating_check("DN.P.HAICHAU", 2026).counts == dict.fromkeys(
        ("xuat_sac", "tot", "hoan_thanh", "khong_hoan_thanh"), 0)


def test_wrong_role_or_unit_cannot_rate(world: World, tmp_path: Path) -> None:
    path = scores(tmp_path / "s.xlsx", [[CCCD_A, 2026, 1, 25, 50, None], [CCCD_B, 2026, 1, 25, 50, None]])
    for role in ("viewer", "head"):  # a head approves, does not enter scores: refused before the file is read
        with pytest.raises(UserError, match="không được chấm điểm"):
            world.as_role(role).positions.import_scores(path)
    result = world.clerk.positions.import_scores(path)  # B is in another unit: that row is refused
    assert result.imported == 1 and [e["row"] for e in result.errors] == [5]
    with pytest.raises(UserError, match="không được"):
        world.clerk.positions.approve_ratings("DN.SNV", 2026)
    with pytest.raises(UserError, match="không được"):
        world.other_clerk.positions.rating_years(CCCD_A)
    with pytest.raises(UserError, match="không được"):
        world.other_clerk.positions.rating_check("DN.SNV", 2026)
    with pytest.raises(UserError):
        world.clerk.positions.rating_check(None, 2026)  # a unit-bound account must name its unit


# --- the command line ----------------------------------------------------------------------------
def test_cli_contract_shapes(world: World, tmp_path: Path, capsys) -> None:
    db = dbfile(world)
    header = ["Mã vị trí", "Tên vị trí việc làm", "Nhóm", "Mã ngạch", "Số lượng được duyệt"]
    path = sheet(tmp_path / "vt.xlsx", header, [["CV.TCBM", CV["name"], "Chuyên môn, nghiệp vụ", "01.003", 2]])
    assert run(capsys, "position", "load", str(path), "--unit", "DN.SNV", "--db", db)[0] == 0
    code, out, _ = run(capsys, "position", "list", "--json", "--db", db)
    assert code == 0 and json.loads(out) == [{"code": "CV.TCBM", "name": CV["name"], "group": "chuyen_mon_nghiep_vu",
                                              "grade_code": "01.003", "unit_code": "DN.SNV", "approved": 2}]
    assert json.loads(run(capsys, "position", "list", "--unit", "DN.P.HAICHAU", "--json", "--db", db)[1]) == []
    assert run(capsys, "position", "assign", CCCD_A, "CV.TCBM", "--from", "2026-03-01", "--db", db)[0] == 0
    code, out, _ = run(capsys, "show", CCCD_A, "--json", "--db", db)
    assert json.loads(out)["position_code"] == "CV.TCBM"
    code, _, err = run(capsys, "position", "assign", CCCD_A, "KHONG.CO", "--from", "2026-03-01", "--db", db)
    assert code == 1 and "KHONG.CO" in err and "Traceback" not in err
    assert run(capsys, "position", "assign", CCCD_A, "CV.TCBM", "--from", "01/03/2026", "--db", db)[0] == 1
    assert run(capsys, "position", "assign", CCCD_A, "--db", db)[0] == 2
    bad = sheet(tmp_path / "bad.xlsx", header, [["", "Không mã", "x", "01.003", 1]])
    code, _, err = run(capsys, "position", "load", str(bad), "--unit", "DN.SNV", "--db", db)
    assert code == 1 and "Dòng 2" in err
    rows = [[CCCD_A, 2026, m, 21, 49, None] for m in range(1, 13)]  # 70.00 → tốt
    code, out, _ = run(capsys, "rating", "import", str(scores(tmp_path / "r.xlsx", rows)), "--json", "--db", db)
    assert code == 0 and json.loads(out)["imported"] == 12
    code, out, _ = run(capsys, "rating", "show", CCCD_A, "--json", "--db", db)
    assert json.loads(out) == [{"year": 2026, "score": 70.0, "level": "tot"}]
    code, out, _ = run(capsys, "rating", "check", "--unit", "DN.SNV", "--year", "2026", "--json", "--db", db)
    assert json.loads(out) == {"xuat_sac": 0, "tot": 1, "hoan_thanh": 0, "khong_hoan_thanh": 0, "quota_ok": True}
    code, out, _ = run(capsys, "position", "dashboard", "--unit", "DN.SNV", "--json", "--db", db)
    assert code == 0 and json.loads(out)["placed"] == 1
    assert run(capsys, "rating", "approve", "--unit", "DN.SNV", "--year", "2026", "--db", db)[0] == 0
    assert run(capsys, "rating", "check", "--unit", "KHONG", "--year", "2026", "--db", db)[0] == 1


def test_alerts_placement_countdown_term_end_and_failed_year(world: World) -> None:
    from app.alerts import compute_alerts

    def kinds(as_of: dt.date, months: int = 6) -> dict[str, tuple[dt.date, str]]:
        with world.db.session() as s:
            return {a.kind: (a.due, a.detail) for a in compute_alerts(s, as_of, months, "DN.SNV")
                    if a.kind in ("position_placement", "appointment_term_end")}

    assert "position_placement" not in kinds(dt.date(2027, 3, 1))  # no positions approved yet
    world.admin.positions.save_position("DN.SNV", CV)
    due, detail = kinds(dt.date(2027, 3, 1))["position_placement"]
    assert due == dt.date(2027, 7, 1) and "còn 122 ngày" in detail
    assert "position_placement" not in kinds(dt.date(2026, 3, 1))  # beyond the 6-month window
    world.admin.positions.assign_position(CCCD_A, "CV.TCBM", dt.date(2027, 3, 1))
    assert "position_placement" not in kinds(dt.date(2027, 3, 2))
    world.admin.people.update_person(CCCD_A, {"position_date": "01/01/2022"})  # term ends 31/12/2026
    assert kinds(dt.date(2026, 10, 2), 1)["appointment_term_end"][0] == dt.date(2026, 12, 31)
    assert "appointment_term_end" not in kinds(dt.date(2026, 9, 1), 1)  # more than 90 days before


def test_demo_positions_placements_and_scores(tmp_path: Path) -> None:
    from app import demo
    from app.db import open_database
    from models import JobPosition, RatingScore

    def build(name: str) -> tuple[int, int, int, list[str]]:
        db = open_database(tmp_path / name)
        try:
            demo.generate(db, 300, 7, today=dt.date(2026, 12, 1))
            service = HoSoService(db)
            board = service.positions.placement_dashboard("DN")
            with db.session() as s:
                counts = (s.query(JobPosition).count(), s.query(PositionHolding).count(), s.query(RatingScore).count())
            return (*counts, sorted(p.cccd for p in board.unplaced + board.mismatched))
        finally:
            db.dispose()

    first = build("a.sqlite")
    assert first == build("b.sqlite")  # same seed, same data
    positions, holdings, score_rows, flagged = first
    assert positions > 0 and holdings > 0 and score_rows > holdings and flagged
    db = open_database(tmp_path / "a.sqlite")  # the demo's quy hoạch: rows, and item 24 in their form
    try:
        planned = HoSoService(db).positions.planning_list("DN", as_of=dt.date(2026, 12, 1), include_ended=True)
        assert planned and all(r.period == "2025–2030" for r in planned)
        person = HoSoService(db).people.person(str(planned[0].person_id))
        assert person["planned_titles"] == f"{planned[0].title} (giai đoạn 2025–2030)"
    finally:
        db.dispose()


def test_rating_sheet_pdf_and_xlsx_and_terms(world: World, tmp_path: Path) -> None:
    from openpyxl import load_workbook
    from pypdf import PdfReader

    world.clerk.positions.import_scores(scores(tmp_path / "s.xlsx", [[CCCD_A, 2026, m, 27, 50, None] for m in range(1, 13)]))
    pdf = world.head.positions.render_rating_sheet("DN.SNV", 2026, tmp_path / "xl.pdf")
    text = " ".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "XẾP LOẠI CÔNG CHỨC NĂM 2026" in text and "Nguyễn Văn Bình" in text and "77,00" in text
    assert "Hoàn thành tốt nhiệm vụ" in text and CCCD_A not in text
    book = load_workbook(world.head.positions.render_rating_sheet("DN.SNV", 2026, tmp_path / "xl.xlsx"))
    rows = list(book.active.iter_rows(values_only=True))
    assert rows[4][:4] == (1, "Nguyễn Văn Bình", 77.0, "Hoàn thành tốt nhiệm vụ")
    with pytest.raises(UserError, match="không được"):
        world.viewer.positions.render_rating_sheet("DN.SNV", 2026, tmp_path / "v.pdf")  # a viewer does not print
    with pytest.raises(UserError, match="không được"):
        world.other_clerk.positions.render_rating_sheet("DN.SNV", 2026, tmp_path / "o.xlsx")
    with pytest.raises(UserError, match="đuôi"):
        world.head.positions.render_rating_sheet("DN.SNV", 2026, tmp_path / "x.csv")
    # terms ending in a window; the viewer sees the Số CCCD masked
    world.admin.people.update_person(CCCD_A, {"position_date": "15/02/2022"})
    (row,) = world.head.positions.terms_ending(dt.date(2027, 1, 1), dt.date(2027, 3, 31))
    assert row.term_end == dt.date(2027, 2, 14) and row.cccd == CCCD_A
    assert world.viewer.positions.terms_ending(dt.date(2027, 1, 1), dt.date(2027, 3, 31))[0].cccd != CCCD_A
    assert world.head.positions.terms_ending(dt.date(2027, 3, 1), dt.date(2027, 3, 31)) == []
    assert world.other_clerk.positions.terms_ending(dt.date(2027, 1, 1), dt.date(2027, 3, 31)) == []
    board = world.viewer.positions.placement_dashboard("DN.SNV")
    assert board.unplaced and all(p.cccd != CCCD_A for p in board.unplaced)


def test_cli_sheet_and_terms(world: World, tmp_path: Path, capsys) -> None:
    db = dbfile(world)
    world.admin.people.update_person(CCCD_A, {"position_date": "15/02/2022"})
    code, out, _ = run(capsys, "position", "terms", "--from", "2027-01-01", "--to", "2027-03-31", "--json", "--db", db)
    assert code == 0 and [r["term_end"] for r in json.loads(out)] == ["2027-02-14"]
    assert run(capsys, "position", "terms", "--from", "2027-03-01", "--to", "2027-01-01", "--db", db)[0] == 1
    code, _, err = run(capsys, "rating", "sheet", "--unit", "DN.SNV", "--year", "2026", "--out",
                       str(tmp_path / "s.pdf"), "--db", db)
    assert code == 0 and (tmp_path / "s.pdf").stat().st_size > 1000


def test_placements_by_import_and_documents(world: World, tmp_path: Path, capsys) -> None:
    world.admin.positions.save_position("DN.SNV", CV)
    world.admin.positions.save_position("DN.P.HAICHAU", dict(CV, code="CV.P"))
    path = sheet(tmp_path / "bt.xlsx", ["STT", "Số CCCD", "Mã vị trí", "Từ ngày", "Số quyết định"], [
        [1, CCCD_A, "CV.TCBM", "01/03/2026", "7/QĐ-SNV"],
        [2, CCCD_B, "CV.P", "01/03/2026", None],  # another unit's person: refused for the clerk
        [3, CCCD_A, "KHONG", "01/03/2026", None],
        [4, "048085009999", "CV.TCBM", "01/03/2026", None],
        [5, CCCD_A, "CV.TCBM", "32/13/2026", None],
    ])
    result = world.clerk.positions.import_placements(path)
    assert (result["read"], result["imported"], result["rejected"]) == (5, 1, 4)
    assert [(e["row"], e["field"]) for e in result["errors"]] == [(3, "Số CCCD"), (4, "Mã vị trí"), (5, "Số CCCD"),
                                                                  (6, "Từ ngày")]
    assert [h.decision for h in world.admin.positions.position_history(CCCD_A)] == ["7/QĐ-SNV"]
    with pytest.raises(UserError, match="không được sửa"):  # a viewer is refused before the file is read
        world.viewer.positions.import_placements(path)
    doc = tmp_path / "mo-ta.pdf"
    doc.write_bytes(b"%PDF-1.4 mo ta cong viec")
    db = dbfile(world)
    assert run(capsys, "position", "attach", "DN.SNV", "CV.TCBM", str(doc), "--kind", "description", "--db", db)[0] == 0
    with pytest.raises(UserError, match="không được"):
        world.other_clerk.positions.attach_position_document("DN.SNV", "CV.TCBM", "description", doc)
    code, out, _ = run(capsys, "position", "import", str(path), "--json", "--db", db)
    assert code == 0 and json.loads(out)["rejected"] == 4  # admin: B's row passes the unit, A's is not before


def test_cv2023_prints_the_position_and_the_approved_level(world: World, tmp_path: Path, capsys) -> None:
    from pypdf import PdfReader

    world.admin.positions.save_position("DN.SNV", CV)
    world.admin.positions.assign_position(CCCD_A, "CV.TCBM", dt.date(2026, 3, 1))
    world.clerk.positions.import_scores(scores(tmp_path / "s.xlsx", [[CCCD_A, 2026, m, 20, 35, None] for m in range(1, 13)]))
    world.head.positions.approve_ratings("DN.SNV", 2026)
    out = tmp_path / "cv.pdf"
    assert run(capsys, "report", "cv2023", CCCD_A, "--out", str(out), "--db", dbfile(world))[0] == 0
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(out).pages)
    assert "Chuyên viên về tổ chức bộ máy" in text and "CV.TCBM" in text
    assert "2026" in text and "Hoàn thành nhiệm vụ" in text  # 55 points, item 35.1


def test_vien_chuc_petition(world: World) -> None:
    with pytest.raises(UserError, match="không phải viên chức"):
        world.clerk.positions.record_petition(CCCD_A, 2026, dt.date(2027, 1, 5))
    world.admin.people.update_person(CCCD_A, {"staff_type": "vien_chuc"})
    world.clerk.positions.record_petition(CCCD_A, 2026, dt.date(2027, 1, 8))  # a Friday
    world.clerk.positions.record_petition(CCCD_A, 2026, dt.date(2027, 1, 8), answered_on=dt.date(2027, 1, 20),
                                outcome="Giữ nguyên kết quả")
    (row,) = world.viewer.positions.rating_petitions(CCCD_A)
    assert (row.answered_on, row.outcome, row.answer_due) == (dt.date(2027, 1, 20), "Giữ nguyên kết quả",
                                                               dt.date(2027, 1, 22))
    with pytest.raises(UserError, match="trước ngày kiến nghị"):
        world.clerk.positions.record_petition(CCCD_A, 2026, dt.date(2027, 1, 8), answered_on=dt.date(2027, 1, 7))
    for role in ("viewer", "head", "other_clerk"):
        with pytest.raises(UserError, match="không được"):
            world.as_role(role).positions.record_petition(CCCD_A, 2026, dt.date(2027, 1, 8))
