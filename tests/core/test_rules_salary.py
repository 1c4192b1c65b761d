"""Step raises, delays, seniority allowance and salary amount (NĐ 204/2004, TT 03/2021; REFERENCE §3)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from app.rules.salary import (
    delay_in_step,
    discipline_delay_months,
    leave_delay_months,
    max_early_months,
    next_seniority_change,
    next_step_date,
    salary_amount,
    seniority_allowance_percent,
    seniority_allowance_start,
    step_interval_months,
)

SINCE = dt.date(2021, 1, 1)


@pytest.mark.parametrize(
    ("salary_class", "max_step", "due"),
    [
        ("A1", 9, dt.date(2024, 1, 1)),  # 36 months
        ("A0", 10, dt.date(2024, 1, 1)),
        ("A3.1", 6, dt.date(2024, 1, 1)),
        ("A2.2", 8, dt.date(2024, 1, 1)),
        ("B", 12, dt.date(2023, 1, 1)),  # 24 months
        ("C1", 12, dt.date(2023, 1, 1)),
        ("C3", 12, dt.date(2023, 1, 1)),
        ("CG", 3, dt.date(2026, 1, 1)),  # chuyên gia cao cấp: 5 years
        ("LX", 12, dt.date(2023, 1, 1)),  # Bảng 4 lái xe
        ("NV", 12, dt.date(2023, 1, 1)),
    ],
)
def test_next_step_by_class(salary_class: str, max_step: int, due: dt.date) -> None:
    assert next_step_date(salary_class, 1, max_step, SINCE) == due


def test_step_intervals_and_class_spelling() -> None:
    assert [step_interval_months(c) for c in ("A1", "B", "C1", "CG", "LX")] == [36, 24, 24, 60, 24]
    assert step_interval_months(" a3.1 ") == 36
    with pytest.raises(ValueError, match="unknown salary class"):
        step_interval_months("A9")


def test_discipline_delays_the_raise() -> None:
    delay = discipline_delay_months("Cảnh cáo")
    assert delay == 6
    assert next_step_date("A1", 3, 9, SINCE, delay_months=delay) == dt.date(2024, 7, 1)
    assert next_step_date("B", 3, 12, SINCE, delay_months=delay) == dt.date(2023, 7, 1)


def test_early_raise_brings_the_raise_forward() -> None:
    assert next_step_date("A1", 3, 9, SINCE, early_months=12) == dt.date(2023, 1, 1)
    with pytest.raises(ValueError, match="at most 12"):
        next_step_date("A1", 3, 9, SINCE, early_months=13)
    with pytest.raises(ValueError):
        next_step_date("A1", 3, 9, SINCE, delay_months=-1)


def test_no_next_step_at_the_last_step() -> None:
    assert next_step_date("A1", 9, 9, SINCE) is None
    assert next_step_date("B", 12, 12, SINCE) is None
    assert next_step_date("A1", 8, 9, SINCE) == dt.date(2024, 1, 1)


def test_month_end_is_clamped() -> None:
    # 30/11/2020 + 36 months + 3 (khiển trách) → February 2024 has 29 days.
    delay = discipline_delay_months("Khiển trách")
    assert next_step_date("A1", 1, 9, dt.date(2020, 11, 30), delay_months=delay) == dt.date(2024, 2, 29)


@pytest.mark.parametrize(
    ("form", "months"),
    [
        ("Khiển trách", 3),
        ("khien trach", 3),
        ("KHIỂN TRÁCH", 3),
        ("Cảnh cáo", 6),
        ("canh cao", 6),
        ("Giáng chức", 12),
        ("cách chức", 12),
        ("Buộc thôi việc", 0),  # not a delay of a raise: unknown → 0
        ("", 0),
    ],
)
def test_discipline_forms(form: str, months: int) -> None:
    assert discipline_delay_months(form) == months


@pytest.mark.parametrize(("days", "months"), [(0, 0), (10, 0), (11, 1), (29, 1), (30, 1), (40, 1),
                                              (41, 2), (60, 2), (71, 3)])
def test_leave_conversion(days: int, months: int) -> None:
    assert leave_delay_months(days) == months


def test_negative_leave_is_refused() -> None:
    with pytest.raises(ValueError):
        leave_delay_months(-1)


def test_seniority_allowance_over_several_years() -> None:
    last_since = dt.date(2020, 1, 1)  # reached bậc 9/9 of A1
    start = seniority_allowance_start("A1", 9, 9, last_since)
    assert start == dt.date(2023, 1, 1)  # after 36 months at the last step

    def pct(on: dt.date) -> int:
        return seniority_allowance_percent("A1", 9, 9, last_since, on)

    assert pct(dt.date(2022, 12, 31)) == 0
    assert pct(dt.date(2023, 1, 1)) == 5
    assert pct(dt.date(2023, 12, 31)) == 5
    assert pct(dt.date(2024, 1, 1)) == 6
    assert pct(dt.date(2026, 12, 31)) == 8
    assert pct(dt.date(2027, 1, 1)) == 9  # four further years
    assert pct(dt.date(2031, 6, 15)) == 13


def test_seniority_allowance_for_class_b_waits_24_months() -> None:
    assert seniority_allowance_start("B", 12, 12, dt.date(2021, 3, 15)) == dt.date(2023, 3, 15)
    assert seniority_allowance_percent("B", 12, 12, dt.date(2021, 3, 15), dt.date(2024, 3, 15)) == 6


def test_seniority_allowance_delayed_by_discipline() -> None:
    since = dt.date(2020, 1, 1)
    delay = discipline_delay_months("Cảnh cáo")
    assert seniority_allowance_start("A1", 9, 9, since, delay_months=delay) == dt.date(2023, 7, 1)
    assert seniority_allowance_percent("A1", 9, 9, since, dt.date(2023, 6, 30), delay_months=delay) == 0
    assert seniority_allowance_percent("A1", 9, 9, since, dt.date(2024, 7, 1), delay_months=delay) == 6


def test_no_seniority_allowance_below_the_last_step() -> None:
    assert seniority_allowance_start("A1", 8, 9, dt.date(2010, 1, 1)) is None
    assert seniority_allowance_percent("A1", 8, 9, dt.date(2010, 1, 1), dt.date(2030, 1, 1)) == 0


def test_salary_amount() -> None:
    base = Decimal("2340000")
    assert salary_amount(Decimal("2.34"), [], base) == Decimal("5475600")
    assert salary_amount(Decimal("2.34"), [Decimal("0.2")], base) == Decimal("5943600")
    assert salary_amount(Decimal("2.34"), [Decimal("0.2"), Decimal("0.15")], base) == Decimal("6294600")
    # Last step of A1 with 5 % seniority: (4.98 + 0.249) × 2,340,000.
    assert salary_amount(Decimal("4.98"), [], base, seniority_percent=5) == Decimal("12235860")


def test_salary_amount_rounds_to_whole_dong() -> None:
    amount = salary_amount(Decimal("0.5"), iter([]), Decimal("3"))
    assert amount == Decimal("2") and amount.as_tuple().exponent == 0


def test_delay_counts_only_discipline_received_in_the_current_step() -> None:
    since = dt.date(2022, 5, 1)
    rows = [("Khiển trách", dt.date(2022, 5, 1)),  # the day the step took effect counts: +3
            ("Cảnh cáo", dt.date(2023, 1, 10)),  # +6
            ("Cách chức", dt.date(2022, 4, 30)),  # the step before: nothing
            ("Giáng chức", None),  # no date: nothing
            ("Phê bình", dt.date(2023, 2, 1))]  # a form the table does not know: nothing
    assert delay_in_step(rows, since) == 9
    assert delay_in_step([], since) == 0
    assert next_step_date("A1", 3, 9, since, delay_months=delay_in_step(rows, since)) == dt.date(2026, 2, 1)


def test_max_early_months_comes_from_the_data() -> None:
    assert max_early_months() == 12


@pytest.mark.parametrize(("on", "expected"), [
    (dt.date(2020, 6, 1), (dt.date(2023, 1, 31), 5)),  # before the start: the start
    (dt.date(2023, 1, 31), (dt.date(2023, 1, 31), 5)),  # on the start day
    (dt.date(2023, 2, 1), (dt.date(2024, 1, 31), 6)),
    (dt.date(2024, 1, 31), (dt.date(2024, 1, 31), 6)),
    (dt.date(2026, 12, 31), (dt.date(2027, 1, 31), 9)),
])
def test_next_seniority_change(on: dt.date, expected: tuple) -> None:
    since = dt.date(2020, 1, 31)  # A1 bậc 9/9
    assert next_seniority_change("A1", 9, 9, since, on) == expected
    day, percent = expected
    assert seniority_allowance_percent("A1", 9, 9, since, day) == percent
    assert seniority_allowance_percent("A1", 9, 9, since, day - dt.timedelta(days=1)) == percent - (
        5 if percent == 5 else 1)


def test_next_seniority_change_below_the_last_step_and_with_delay() -> None:
    assert next_seniority_change("A1", 8, 9, dt.date(2020, 1, 1), dt.date(2030, 1, 1)) is None
    assert next_seniority_change("B", 12, 12, dt.date(2020, 1, 1), dt.date(2021, 1, 1), delay_months=6) == (
        dt.date(2022, 7, 1), 5)
