"""NĐ 335/2025 rating rules on worked cases (app.rules.rating; REFERENCE §4.4)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal as D

import pytest

from app.rules import rating
from app.rules.rating import Period


def months(*totals: str, general: str = "25") -> list[Period]:
    """Periods 1..n whose total is each given value (general fixed, task = rest)."""
    return [Period(str(i), D(general), D(t) - D(general)) for i, t in enumerate(totals, start=1)]


@pytest.mark.parametrize(("score", "level"), [
    ("49.99", "khong_hoan_thanh"), ("50", "hoan_thanh"), ("69.99", "hoan_thanh"), ("70", "tot"),
    ("89.99", "tot"), ("90", "xuat_sac"), ("100", "xuat_sac"), ("0", "khong_hoan_thanh"),
])
def test_thresholds(score: str, level: str) -> None:
    assert rating.level_for(D(score)) == level
    result = rating.year_result(2026, months(*[score] * 12, general="0"))
    assert result.score == D(score) and result.level == level


def test_average_of_months_and_rounding() -> None:
    # 11 months at 90 and one at 89.89: 89.9908… → 89.99 (two decimals) → tốt, not xuất sắc
    result = rating.year_result(2026, months(*(["90"] * 11 + ["89.89"])))
    assert result.score == D("89.99") and result.level == "tot"


def test_quarters_weigh_three_months() -> None:
    periods = [Period("Q1", D(30), D(60)), Period("4", D(20), D(30)), Period("5", D(20), D(30)),
               Period("6", D(20), D(30))]
    result = rating.year_result(2026, periods)
    # (90·3 + 50·3) / 6 = 70
    assert result.score == D(70) and result.level == "tot" and result.months_scored == 6


def test_sick_leave_months_do_not_count() -> None:
    periods = months(*["92"] * 8) + [Period(str(m), None, None, "sick") for m in (9, 10, 11, 12)]
    result = rating.year_result(2026, periods)
    assert result.score == D(92) and result.level == "xuat_sac" and result.months_scored == 8
    nothing = rating.year_result(2026, [Period("1", None, None, "maternity")])
    assert nothing.score is None and nothing.level is None


def test_discipline_forces_khong_hoan_thanh() -> None:
    discipline = [{"kind": "administrative", "form": "Khiển trách", "start_date": dt.date(2026, 5, 4)}]
    result = rating.year_result(2026, months(*["95"] * 12), discipline)
    assert result.score == D(95) and result.level == "khong_hoan_thanh" and "Khiển trách" in result.forced
    # the previous year's discipline does not count, nor a form lighter than khiển trách
    assert rating.year_result(2027, months(*["95"] * 12), discipline).level == "xuat_sac"
    light = [{"kind": "administrative", "form": "Nhắc nhở", "start_date": dt.date(2026, 5, 4)}]
    assert rating.year_result(2026, months(*["95"] * 12), light).level == "xuat_sac"
    heavy = [{"kind": "party", "form": "Cảnh cáo", "start_date": dt.date(2026, 1, 2)}]
    assert rating.year_result(2026, months(*["95"] * 12), heavy).level == "khong_hoan_thanh"


@pytest.mark.parametrize(("xs", "tot", "ok"), [(1, 5, True), (2, 5, False), (2, 10, True), (3, 10, False),
                                                (0, 0, True), (1, 0, False), (4, 20, True), (5, 24, False)])
def test_quota_boundary(xs: int, tot: int, ok: bool) -> None:
    assert rating.quota_ok({"xuat_sac": xs, "tot": tot}) is ok


def test_task_from_parts_with_deductions() -> None:
    full = rating.task_from_parts(D(100), D(100), D(100))
    assert full == D(70)
    # one major error: −25 % of the quality points (30 → 22.5); two delays: −50 % of progress (20 → 10)
    assert rating.task_from_parts(D(100), D(100), D(100), 1, 2) == D("52.50")  # 20 + 22.5 + 10
    assert rating.task_from_parts(D(100), D(100), D(100), 5, 0) == D(40)  # floored at 0
    with pytest.raises(ValueError):
        rating.task_from_parts(D(101), D(0), D(0))


def test_periods() -> None:
    assert rating.normalize_period(3) == "3" and rating.normalize_period("03") == "3"
    assert rating.normalize_period("q2") == "Q2" and rating.normalize_period("Quý 4") == "Q4"
    for bad in ("13", "0", "Q5", "", None):
        with pytest.raises(ValueError):
            rating.normalize_period(bad)
    assert rating.overlapping(["1", "2", "Q1"]) == ["Q1"] and rating.overlapping(["Q1", "4"]) == []


def test_uncertain_rules_are_marked_in_data() -> None:
    data = rating.table()
    assert data["task_parts"]["confidence"] == "U" and data["step_raise"]["confidence"] == "U"
    assert data["levels"]["confidence"] == "C" and data["quota"]["xuat_sac_percent_of_tot"] == 20
    assert rating.step_raise_blocking("khong_hoan_thanh") and not rating.step_raise_blocking("hoan_thanh")
    assert rating.level_of_label("Hoàn thành tốt nhiệm vụ") == "tot" and rating.level_of_label("HTXSNV") == "xuat_sac"
