"""Due events: retirement (notice, decision, the day), step raises, seniority allowance, probation;
the window and the overdue rules; agreement with the Person JSON; the CLI and the Excel file."""

from __future__ import annotations

import datetime as dt
import itertools
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from app import cli, people
from app.alerts import KINDS, Alert, compute_alerts, export_alerts_xlsx
from app.errors import UserError
from app.person_json import person_json
from tests.core.conftest import person_data

D = dt.date
_SERIAL = itertools.count(1)
RETIREMENT_KINDS = {"retirement_notice", "retirement_decision", "retirement"}


def cccd_for(birth: str, sex: str) -> str:
    """A CCCD whose century/sex and year digits agree with the record (no warnings)."""
    year = int(birth[-4:])
    digit = 2 * ((year - 1900) // 100) + (0 if sex == "Nam" else 1)
    return f"048{digit}{year % 100:02d}{next(_SERIAL):06d}"


def add(db, full_name: str = "Nguyễn Văn Bình", birth: str = "12/03/1985", sex: str = "Nam",
        unit: str = "DN.SNV.CCVC", **overrides):
    data = person_data(cccd=cccd_for(birth, sex), full_name=full_name, birth_date=birth, sex=sex,
                       unit_code=unit, **overrides)
    with db.session() as s:
        return people.create_person(s, data).id


def alerts(db, as_of: dt.date, within: int = 6, **kw) -> list[Alert]:
    with db.session() as s:
        return compute_alerts(s, as_of, within, **kw)


def kinds_of(found: list[Alert]) -> dict[str, tuple[dt.date, bool]]:
    return {a.kind: (a.due, a.overdue) for a in found}


# --------------------------------------------------------------------------- retirement

# A man born 15/07/1965: 61 years 9 months (Annex I) → retires 30/04/2027; the notice is due by
# 31/10/2026 (6 months before), the decision by 31/01/2027 (3 months before).
NOTICE, DECISION, RETIRES = D(2026, 10, 31), D(2027, 1, 31), D(2027, 4, 30)


@pytest.mark.parametrize(("as_of", "within", "overdue_months", "expected"), [
    (D(2026, 1, 1), 6, 12, {}),  # everything after the window
    (D(2026, 4, 30), 6, 12, {}),  # the window ends 30/10/2026, one day before the notice
    (D(2026, 5, 1), 6, 12, {"retirement_notice": (NOTICE, False)}),  # … ends 01/11/2026
    (D(2026, 10, 31), 6, 12, {"retirement_notice": (NOTICE, False), "retirement_decision": (DECISION, False),
                              "retirement": (RETIRES, False)}),  # due today counts; 30/04/2027 is the last day
    (D(2026, 11, 1), 3, 12, {"retirement_notice": (NOTICE, True), "retirement_decision": (DECISION, False)}),
    (D(2026, 11, 1), 3, 0, {"retirement_decision": (DECISION, False)}),  # overdue not wanted
    (D(2027, 4, 1), 1, 12, {"retirement_notice": (NOTICE, True), "retirement_decision": (DECISION, True),
                            "retirement": (RETIRES, False)}),
    (D(2027, 5, 1), 6, 12, {}),  # retired: past events are not alerts (app.quality flags the status)
])
def test_retirement_window(db, as_of, within, overdue_months, expected) -> None:
    person = add(db, "Trần Văn Hùng", "15/07/1965")
    found = alerts(db, as_of, within, kinds=RETIREMENT_KINDS, overdue_months=overdue_months)
    assert kinds_of(found) == expected
    assert all(a.person_id == person and a.unit_code == "DN.SNV.CCVC" for a in found)


def test_retirement_details_match_the_person_json(db) -> None:
    person = add(db, "Trần Văn Hùng", "15/07/1965")
    found = {a.kind: a for a in alerts(db, D(2026, 10, 1), 7, kinds=RETIREMENT_KINDS)}
    with db.session() as s:
        doc = person_json(s, person)
    assert found["retirement"].due.isoformat() == doc["retirement_date"] == "2027-04-30"
    assert found["retirement"].detail == "Nghỉ hưu ngày 30/04/2027 (61 tuổi 9 tháng); hưởng lương hưu từ 01/05/2027"
    assert found["retirement_notice"].detail == (
        "Thông báo nghỉ hưu chậm nhất ngày 31/10/2026 (nghỉ hưu ngày 30/04/2027, 61 tuổi 9 tháng)")
    assert found["retirement_decision"].detail.startswith("Ra quyết định nghỉ hưu chậm nhất ngày 31/01/2027")


def test_women_and_birth_year_only(db) -> None:
    # A woman born 1970 with only the year known counts as born 01/01/1970: 57y4m → 31/05/2027.
    add(db, "Lê Thị Mai", "20/06/1970", "Nữ", birth_year_only=True)
    found = alerts(db, D(2027, 1, 1), 6, kinds={"retirement"})
    assert [(a.due, a.detail) for a in found] == [
        (D(2027, 5, 31), "Nghỉ hưu ngày 31/05/2027 (57 tuổi 4 tháng); hưởng lương hưu từ 01/06/2027")]


def test_a_recorded_retirement_decision_silences_notice_and_decision(db) -> None:
    add(db, "Trần Văn Hùng", "15/07/1965", decisions=[
        {"kind": "retirement", "decision_number": "45/QĐ-SNV", "decision_date": "15/10/2026",
         "effective_date": "01/05/2027"}])
    assert kinds_of(alerts(db, D(2026, 11, 1), 6, kinds=RETIREMENT_KINDS)) == {"retirement": (RETIRES, False)}


# --------------------------------------------------------------------------- salary


@pytest.mark.parametrize(("grade", "step", "since", "as_of", "within", "due"), [
    ("01.003", 5, "01/09/2024", D(2027, 3, 1), 6, D(2027, 9, 1)),  # A1: 36 months, due on the window's last day
    ("01.003", 5, "01/09/2024", D(2027, 2, 28), 6, None),  # … one day too early
    ("01.003", 5, "01/09/2024", D(2027, 9, 2), 6, D(2027, 9, 1)),  # overdue by a day: still listed (flagged)
    ("01.005", 3, "01/03/2025", D(2026, 12, 1), 6, D(2027, 3, 1)),  # B: 24 months
    ("01.005", 3, "01/03/2025", D(2026, 1, 1), 6, None),
])
def test_salary_step(db, grade, step, since, as_of, within, due) -> None:
    person = add(db, grade_code=grade, salary_step=step, salary_since=since, salary_history=[])
    found = [a for a in alerts(db, as_of, within) if a.kind == "salary_step"]
    assert [a.due for a in found] == ([due] if due else [])
    if due:
        assert found[0].overdue == (due < as_of)
        with db.session() as s:
            assert person_json(s, person)["next_salary_step_date"] == due.isoformat()


def test_salary_step_detail_for_an_a1_person(db) -> None:
    add(db, grade_code="01.003", salary_step=5, salary_since="01/09/2024", salary_history=[])
    (alert,) = alerts(db, D(2027, 6, 1), 6, kinds={"salary_step"})
    assert alert.detail == "Nâng từ bậc 5 (hệ số 3,66) lên bậc 6 (hệ số 3,99), ngạch 01.003, loại A1"
    assert not alert.overdue


def test_overdue_step_raise_is_listed_only_within_the_lookback(db) -> None:
    add(db, grade_code="01.003", salary_step=5, salary_since="01/09/2022", salary_history=[])  # due 01/09/2025
    late = alerts(db, D(2026, 6, 1), 6, kinds={"salary_step"})
    assert [(a.due, a.overdue) for a in late] == [(D(2025, 9, 1), True)]
    assert late[0].detail.startswith("Quá hạn: Nâng từ bậc 5")
    assert alerts(db, D(2026, 6, 1), 6, kinds={"salary_step"}, overdue_months=6) == []  # due 9 months ago


@pytest.mark.parametrize(("discipline", "early", "due"), [
    ([], 0, D(2027, 9, 1)),
    ([{"kind": "administrative", "start_date": "01/03/2025", "form": "Cảnh cáo"}], 0, D(2028, 3, 1)),  # +6
    ([{"kind": "administrative", "start_date": "01/03/2025", "form": "Khiển trách"},
      {"kind": "party", "start_date": "01/06/2025", "form": "Cảnh cáo"}], 0, D(2028, 6, 1)),  # +3 +6
    ([{"kind": "administrative", "start_date": "01/03/2023", "form": "Cảnh cáo"}], 0, D(2027, 9, 1)),  # earlier step
    ([], 6, D(2027, 3, 1)),  # nâng bậc trước thời hạn 6 months
])
def test_discipline_delays_and_early_raises_shift_the_due_date(db, discipline, early, due) -> None:
    history = [{"start_date": "01/09/2024", "grade_code": "01.003", "salary_step": 5, "salary_coefficient": "3,66",
                "early_months": early}]
    person = add(db, grade_code="01.003", salary_step=5, salary_since="01/09/2024", salary_history=history,
                 discipline=discipline)
    (alert,) = alerts(db, D(2026, 12, 1), 24, kinds={"salary_step"})
    assert alert.due == due
    with db.session() as s:
        assert person_json(s, person)["next_salary_step_date"] == due.isoformat()
    if discipline and due == D(2028, 3, 1):
        assert alert.detail.endswith("; kéo dài 6 tháng do kỷ luật")
    if early:
        assert alert.detail.endswith("; nâng trước thời hạn 6 tháng")


@pytest.mark.parametrize(("grade", "step", "since", "recorded", "as_of", "within", "expected"), [
    # A1 at its last step (9) since 01/06/2024: 5 % from 01/06/2027 (36 months), 6 % from 01/06/2028.
    ("01.003", 9, "01/06/2024", None, D(2027, 1, 1), 6, (D(2027, 6, 1), 5, False)),
    ("01.003", 9, "01/06/2024", None, D(2026, 1, 1), 6, None),
    ("01.003", 9, "01/06/2024", 5, D(2028, 1, 1), 6, (D(2028, 6, 1), 6, False)),
    ("01.003", 9, "01/06/2024", None, D(2027, 8, 1), 6, (D(2027, 6, 1), 5, True)),  # started, not recorded
    ("01.003", 9, "01/06/2024", 5, D(2027, 8, 1), 6, None),  # recorded: the next rise is 01/06/2028
    # B at its last step (12): 24 months.
    ("01.005", 12, "01/06/2024", None, D(2026, 3, 1), 6, (D(2026, 6, 1), 5, False)),
])
def test_seniority_allowance_at_the_last_step(db, grade, step, since, recorded, as_of, within, expected) -> None:
    add(db, grade_code=grade, salary_step=step, salary_since=since, salary_history=[],
        seniority_allowance_percent=recorded)
    found = alerts(db, as_of, within, kinds={"salary_step", "seniority_allowance"})
    if expected is None:
        assert found == []
        return
    due, percent, overdue = expected
    (alert,) = found
    assert (alert.kind, alert.due, alert.overdue) == ("seniority_allowance", due, overdue)
    assert f"phụ cấp thâm niên vượt khung {percent} %" in alert.detail


def test_discipline_delays_the_seniority_allowance(db) -> None:
    add(db, grade_code="01.003", salary_step=9, salary_since="01/06/2024", salary_history=[],
        discipline=[{"kind": "administrative", "start_date": "01/01/2025", "form": "Cảnh cáo"}])
    (alert,) = alerts(db, D(2027, 6, 1), 12, kinds={"seniority_allowance"})
    assert alert.due == D(2027, 12, 1)
    assert alert.detail.endswith("kéo dài 6 tháng do kỷ luật")


# --------------------------------------------------------------------------- probation, scope, order


@pytest.mark.parametrize(("as_of", "within", "listed"), [
    (D(2027, 1, 1), 1, True), (D(2027, 1, 16), 6, False), (D(2026, 6, 1), 6, False)])
def test_probation_end(db, as_of, within, listed) -> None:
    add(db, probation_end_date="15/01/2027")
    found = alerts(db, as_of, within, kinds={"probation_end"})
    assert [(a.due, a.detail) for a in found] == (
        [(D(2027, 1, 15), "Hết thời gian tập sự ngày 15/01/2027")] if listed else [])


def test_only_working_not_deleted_people(db) -> None:
    add(db, "Trần Văn Hùng", "15/07/1965")
    add(db, "Phạm Văn Cường", "20/07/1965", status="retired")
    add(db, "Võ Văn Dũng", "25/07/1965", status="transferred")
    gone = add(db, "Đỗ Văn Em", "28/07/1965")
    with db.session() as s:
        people.delete_person(s, str(gone))
    found = alerts(db, D(2026, 10, 1), 12, kinds=RETIREMENT_KINDS)
    assert {a.full_name for a in found} == {"Trần Văn Hùng"}


def test_sorted_by_due_date_then_vietnamese_name(db) -> None:
    add(db, "Nguyễn Văn Bình", "15/07/1965")
    add(db, "Trần Văn An", "03/07/1965")  # same month: same dates; "An" sorts before "Bình"
    add(db, "Lê Văn Đức", "15/12/1965")  # 61y9m too: retires 30/09/2027
    found = alerts(db, D(2026, 10, 1), 12, kinds={"retirement_notice", "retirement"})
    assert [(a.due, a.full_name, a.kind) for a in found] == [
        (D(2026, 10, 31), "Trần Văn An", "retirement_notice"),
        (D(2026, 10, 31), "Nguyễn Văn Bình", "retirement_notice"),
        (D(2027, 3, 31), "Lê Văn Đức", "retirement_notice"),
        (D(2027, 4, 30), "Trần Văn An", "retirement"),
        (D(2027, 4, 30), "Nguyễn Văn Bình", "retirement"),
        (D(2027, 9, 30), "Lê Văn Đức", "retirement"),
    ]


def test_unit_scope_includes_the_units_below(db) -> None:
    add(db, "Trần Văn Hùng", "15/07/1965", unit="DN.SNV.CCVC")
    add(db, "Lê Văn Đức", "15/07/1965", unit="DN.P.HAICHAU")
    names = lambda code: {a.full_name for a in alerts(db, D(2026, 10, 1), 12, unit_code=code)}  # noqa: E731
    assert names("DN.SNV") == {"Trần Văn Hùng"}
    assert names("DN") == {"Trần Văn Hùng", "Lê Văn Đức"}
    assert names("DN.P.HAICHAU") == {"Lê Văn Đức"}
    with pytest.raises(UserError, match="Không có đơn vị mã 'KHONG'"):
        alerts(db, D(2026, 10, 1), 12, unit_code="KHONG")


def test_unknown_kind_is_refused(db) -> None:
    with pytest.raises(ValueError, match="unknown alert kinds"):
        alerts(db, D(2026, 1, 1), kinds={"birthday"})
    assert set(KINDS) >= {"retirement_notice", "retirement", "salary_step", "seniority_allowance"}


# --------------------------------------------------------------------------- CLI and Excel


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = cli.run(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def dbfile(db) -> str:
    add(db, "Trần Văn Hùng", "15/07/1965", grade_code="01.003", salary_step=5, salary_since="01/09/2024",
        salary_history=[])
    add(db, "Lê Thị Mai", "20/06/1985", "Nữ", unit="DN.P.HAICHAU", probation_end_date="15/01/2027")
    return str(Path(db.url.removeprefix("sqlite:///")))


def test_cli_json_follows_the_contract(capsys, dbfile) -> None:
    code, out, _ = run(capsys, "alerts", "--as-of", "2026-10-01", "--within-months", "12", "--json", "--db", dbfile)
    assert code == 0
    rows = json.loads(out)
    assert [(r["due"], r["kind"], r["full_name"]) for r in rows] == [
        ("2026-10-31", "retirement_notice", "Trần Văn Hùng"),
        ("2027-01-15", "probation_end", "Lê Thị Mai"),
        ("2027-01-31", "retirement_decision", "Trần Văn Hùng"),
        ("2027-04-30", "retirement", "Trần Văn Hùng"),
        ("2027-09-01", "salary_step", "Trần Văn Hùng"),
    ]
    for row in rows:
        assert {"cccd", "full_name", "kind", "due"} <= set(row) <= {
            "cccd", "full_name", "kind", "due", "unit_code", "detail", "overdue"}
        assert len(row["cccd"]) == 12 and row["kind"] in KINDS
    code, out, _ = run(capsys, "alerts", "--as-of", "2026-10-01", "--within-months", "12", "--unit", "DN.P.HAICHAU",
                       "--json", "--db", dbfile)
    assert [r["kind"] for r in json.loads(out)] == ["probation_end"]
    code, out, _ = run(capsys, "alerts", "--as-of", "2026-10-01", "--kind", "retirement", "--json", "--db", dbfile)
    assert json.loads(out) == []  # 30/04/2027 is outside the default 6 months


def test_cli_text_output_and_errors(capsys, dbfile) -> None:
    code, out, err = run(capsys, "alerts", "--as-of", "2026-10-01", "--db", dbfile)
    assert code == 0 and "Thông báo nghỉ hưu" in out and "31/10/2026" in out and "cảnh báo" in err
    code, out, err = run(capsys, "alerts", "--as-of", "01/10/2026", "--db", dbfile)
    assert code == 1 and "--as-of" in err and "không phải là ngày hợp lệ" in err and out == ""
    code, out, err = run(capsys, "alerts", "--unit", "KHONG", "--db", dbfile)
    assert code == 1 and "Không có đơn vị mã 'KHONG'" in err and "Traceback" not in err
    assert run(capsys, "alerts", "--within-months", "sáu", "--db", dbfile)[0] == 2
    assert run(capsys, "alerts", "--kind", "birthday", "--db", dbfile)[0] == 2
    assert run(capsys, "alerts", "--out", "x.pdf", "--db", dbfile)[0] == 1


def test_excel_export(tmp_path, capsys, dbfile) -> None:
    target = tmp_path / "canh-bao.xlsx"
    code, _, err = run(capsys, "alerts", "--as-of", "2026-10-01", "--within-months", "12", "--out", str(target),
                       "--db", dbfile)
    assert code == 0 and "Đã ghi 5 cảnh báo" in err
    sheet = load_workbook(target).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("STT", "Họ và tên", "Số CCCD", "Đơn vị", "Loại", "Đến hạn", "Ghi chú")
    assert rows[1][:2] == (1, "Trần Văn Hùng") and rows[1][3] == "Phòng Công chức, viên chức"
    assert rows[1][4] == "Thông báo nghỉ hưu" and rows[1][5] == dt.datetime(2026, 10, 31)
    assert rows[1][6].startswith("Thông báo nghỉ hưu chậm nhất ngày 31/10/2026")
    assert isinstance(rows[1][2], str) and len(rows[1][2]) == 12
    assert sheet["F2"].number_format == "DD/MM/YYYY" and sheet["F2"].is_date
    assert [r[0] for r in rows[1:]] == [1, 2, 3, 4, 5]
    assert sheet.auto_filter.ref == "A1:G6"
    assert sheet.freeze_panes == "A2"


def test_excel_export_of_nothing(tmp_path) -> None:
    target = export_alerts_xlsx([], tmp_path / "rong.xlsx")
    sheet = load_workbook(target).active
    assert sheet.max_row == 1 and sheet.auto_filter.ref == "A1:G1"
