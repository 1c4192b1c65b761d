"""Entering a person's monthly/quarterly scores by hand (issue 15): every field checked and named,
one transaction, the year recomputed with the unit's quota warning; refused for the wrong role and
unit; the command ``rating score``."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from app.errors import UserError, ValidationError
from models import RatingScore
from tests.core import security_fixtures
from tests.core.security_fixtures import CCCD_A, CCCD_B, World
from tests.core.test_positions import dbfile, run

world_template = security_fixtures.world_template
world = security_fixtures.world
fast_hashing = security_fixtures.fast_hashing


def _month(general: object, task: object = None, **parts: object) -> dict[str, object]:
    return {"general": general, "task": task, **parts}


def _stored(world: World) -> int:
    with world.db.session() as s:
        return s.scalar(select(func.count()).select_from(RatingScore).where(RatingScore.deleted_at.is_(None)))


def test_enter_a_year_by_hand_levels_and_quota_warning(world: World) -> None:
    entries = {m: _month("28", "64") for m in range(1, 13)}  # 92: xuất sắc
    entered = world.clerk.positions.enter_scores(CCCD_A, 2026, entries, unit_code="DN.SNV")
    assert (float(entered.result.score), entered.result.level) == (92.0, "xuat_sac")
    assert entered.warnings and "vượt 20%" in entered.warnings[0]  # 1 xuất sắc, 0 tốt
    assert entered.as_json()["level"] == "xuat_sac"
    rows = world.viewer.positions.period_scores(CCCD_A, 2026)
    assert [r.period for r in rows] == [str(m) for m in range(1, 13)] and rows[0].general == Decimal("28.00")
    # the year becomes exactly what is entered: quarters instead of the months
    entries = {"Q1": _month("21", "49"), "Q2": _month("21", "49"), "Q3": _month(None, None, leave="ốm"),
               "Q4": _month("21", "48.99")}
    entered = world.clerk.positions.enter_scores(CCCD_A, 2026, entries)
    # (70·3 + 70·3 + 69.99·3) / 9 = 69.9966… → 70.00 at two decimals: tốt, and the quota holds
    assert (str(entered.result.score), entered.result.level, entered.result.months_scored) == ("70.00", "tot", 9)
    assert entered.warnings == []
    assert [r.period for r in world.clerk.positions.period_scores(CCCD_A, 2026)] == ["Q1", "Q2", "Q3", "Q4"]
    assert _stored(world) == 4
    assert [(y.year, y.level) for y in world.head.positions.rating_years(CCCD_A)] == [(2026, "tot")]


def test_task_from_parts_with_deductions(world: World) -> None:
    # 20·100% + 30·100%·(1 − 2·25%) + 20·80%·(1 − 25%) = 20 + 15 + 12 = 47 → with 30: 77
    entries = {3: _month("30", None, quantity="100", quality="100", progress="80", major_errors="2", delays="1")}
    entered = world.clerk.positions.enter_scores(CCCD_A, 2026, entries)
    (row,) = world.clerk.positions.period_scores(CCCD_A, 2026)
    assert row.task == Decimal("47.00") and (row.major_errors, row.delays) == (2, 1)
    assert (float(entered.result.score), entered.result.level) == (77.0, "tot")


def test_every_bad_field_is_named_and_nothing_is_written(world: World) -> None:
    world.clerk.positions.enter_scores(CCCD_A, 2026, {1: _month("25", "50")})
    bad = {1: _month("31", "50"),  # above 30
           2: _month("abc", "71"),  # not a number; above 70
           3: _month("20", None, quantity="100", quality="120", progress="50"),  # a part above 100 %
           4: _month("20", None, quantity="100"),  # parts missing
           5: _month("20", "50", delays="-1"),
           6: _month("20", "50.555"),  # three decimals
           7: _month("20", "50", leave="đi chơi"),
           "Q1": _month("20", "50"),  # overlaps the months 1–3
           13: _month("20", "50")}
    with pytest.raises(ValidationError) as refused:
        world.clerk.positions.enter_scores(CCCD_A, 2026, bad)
    labels = {e.label for e in refused.value.errors}
    assert {"Tháng 1, Điểm tiêu chí chung", "Tháng 2, Điểm tiêu chí chung", "Tháng 2, Điểm kết quả nhiệm vụ",
            "Tháng 3, Chất lượng (%)", "Tháng 4, Điểm kết quả nhiệm vụ", "Tháng 5, Số lần chậm",
            "Tháng 6, Điểm kết quả nhiệm vụ", "Tháng 7, Nghỉ", "Kỳ"} <= labels
    assert any(e.label == "Quý 1" and "trùng" in e.message for e in refused.value.errors)
    messages = {e.label: e.message for e in refused.value.errors}
    assert messages["Tháng 1, Điểm tiêu chí chung"] == "phải từ 0 đến 30"
    assert messages["Tháng 2, Điểm kết quả nhiệm vụ"] == "phải từ 0 đến 70"
    assert messages["Tháng 4, Điểm kết quả nhiệm vụ"].endswith("(hoặc ghi đủ Chất lượng (%), Tiến độ (%))")
    (row,) = world.clerk.positions.period_scores(CCCD_A, 2026)  # the stored month untouched
    assert (row.period, row.general) == ("1", Decimal("25.00"))
    with pytest.raises(ValidationError, match="Năm"):
        world.clerk.positions.enter_scores(CCCD_A, 1800, {1: _month("25", "50")})
    with pytest.raises(ValidationError, match="Tháng 1, Điểm tiêu chí chung: 'NaN' không phải là số"):
        world.clerk.positions.enter_scores(CCCD_A, 2026, {1: _month("NaN", "50")})


@pytest.mark.parametrize("role", ["viewer", "head", "other_clerk"])
def test_wrong_role_or_unit_cannot_enter_scores(world: World, role: str) -> None:
    with pytest.raises(UserError, match="không được"):
        world.as_role(role).positions.enter_scores(CCCD_A, 2026, {1: _month("25", "50")})
    assert _stored(world) == 0


def test_clerk_cannot_score_another_unit_or_see_its_scores(world: World) -> None:
    world.admin.positions.enter_scores(CCCD_B, 2026, {1: _month("25", "50")})
    with pytest.raises(UserError, match="không được"):
        world.clerk.positions.enter_scores(CCCD_B, 2026, {1: _month("30", "70")})
    with pytest.raises(UserError, match="không được"):
        world.clerk.positions.period_scores(CCCD_B, 2026)
    with pytest.raises(UserError, match="không được"):  # nor ask for another unit's quota with own person's scores
        world.clerk.positions.enter_scores(CCCD_A, 2026, {1: _month("30", "70")}, unit_code="DN.P.HAICHAU")
    with pytest.raises(UserError, match="không được"):
        world.clerk.positions.rating_people("DN.P.HAICHAU")
    assert _stored(world) == 1
    (row,) = world.admin.positions.period_scores(CCCD_B, 2026)
    assert row.general == Decimal("25.00")
    names = [p.full_name for p in world.clerk.positions.rating_people("DN.SNV")]
    assert names and "Trần Thị Lan" not in names
    assert all("*" in p.cccd for p in world.viewer.positions.rating_people("DN.SNV"))


def test_cli_rating_score(world: World, capsys) -> None:
    db = dbfile(world)
    code, out, err = run(capsys, "rating", "score", CCCD_A, "--year", "2026", "--period", "3", "--general", "21",
                         "--task", "49", "--json", "--db", db)
    assert code == 0 and json.loads(out) == {"year": 2026, "score": 70.0, "level": "tot", "warnings": []}
    code, out, err = run(capsys, "rating", "score", CCCD_A, "--year", "2026", "--period", "4", "--general", "20",
                         "--quantity", "100", "--quality", "100", "--progress", "100", "--errors", "4", "--db", db)
    assert code == 0 and "Đã ghi điểm kỳ tháng 4" in err  # 20 + 20 + 0 + 20 = 60, the year (70 + 60) / 2 = 65
    assert json.loads(run(capsys, "rating", "show", CCCD_A, "--json", "--db", db)[1]) == [
        {"year": 2026, "score": 65.0, "level": "hoan_thanh"}]
    code, _, err = run(capsys, "rating", "score", CCCD_A, "--year", "2026", "--period", "Q1", "--general", "21",
                       "--task", "49", "--db", db)
    assert code == 1 and "Quý 1" in err and "trùng" in err  # month 3 is already scored
    code, _, err = run(capsys, "rating", "score", CCCD_A, "--year", "2026", "--period", "5", "--general", "35",
                       "--task", "49", "--db", db)
    assert code == 1 and "Tháng 5, Điểm tiêu chí chung: phải từ 0 đến 30" in err and "Traceback" not in err


@pytest.mark.parametrize(("by", "quota_ok", "failing"), [
    ("position_group", False, ["lanh_dao_quan_ly"]),  # the leader is the only one of the leaders' group
    ("position", False, None),  # each position its own group: the leader's position fails too
    ("agency", True, []),  # 1 xuất sắc ≤ 20 % of 5 tốt in the agency
])
def test_quota_per_task_group_as_data(world: World, monkeypatch, by: str, quota_ok: bool, failing) -> None:
    import datetime as dt

    from app.rules import rating as rules
    from tests.core.conftest import person_data

    table = dict(rules.table(), task_group=dict(rules.table()["task_group"], by=by))
    monkeypatch.setattr(rules, "table", lambda: table)
    admin = world.admin
    admin.positions.save_position("DN.SNV", {"code": "LD.PGD", "name": "Phó Giám đốc", "group": "Lãnh đạo, quản lý",
                                             "grade_code": "01.002", "approved": 1})
    admin.positions.save_position("DN.SNV", {"code": "CV", "name": "Chuyên viên", "group": "Chuyên môn, nghiệp vụ",
                                             "grade_code": "01.003", "approved": 9})
    keys = []
    for i in range(5):
        cccd = f"04809000{i:04d}"
        admin.people.create_person(person_data(cccd=cccd, full_name=f"Người Thứ {i}", unit_code="DN.SNV",
                                               discipline=[]))
        admin.positions.assign_position(cccd, "CV", dt.date(2026, 1, 1))
        admin.positions.enter_scores(cccd, 2026, {m: _month("20", "55") for m in range(1, 13)})  # 75: tốt
        keys.append(cccd)
    admin.positions.assign_position(CCCD_A, "LD.PGD", dt.date(2026, 1, 1))
    entered = admin.positions.enter_scores(CCCD_A, 2026, {m: _month("29", "65") for m in range(1, 13)},
                                           unit_code="DN.SNV")  # 94: xuất sắc
    check = admin.positions.rating_check("DN.SNV", 2026)
    assert (check.counts["xuat_sac"], check.counts["tot"]) == (1, 5)
    assert check.quota_ok is quota_ok and bool(entered.warnings) is not quota_ok
    if failing is not None:
        assert check.failing_groups == failing
    else:
        assert len(check.failing_groups) == 1 and check.failing_groups[0].endswith("/LD.PGD")
        assert "vị trí LD.PGD — Phó Giám đốc" in " ".join(check.warnings())
    if by == "position_group":
        assert "Nhóm Lãnh đạo, quản lý: xuất sắc 1 vượt 20% của tốt 0." in check.warnings()
