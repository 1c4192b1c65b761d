"""Salary rules: regular step raises, their delays, the seniority allowance, the monthly amount.

Legal basis: Nghị định 204/2004/NĐ-CP (salary tables, classes A0–A3, B, C, Bảng 4); Thông tư
08/2013/TT-BNV as amended by Thông tư 03/2021/TT-BNV (nâng bậc lương thường xuyên: đủ 36 tháng for
classes requiring cao đẳng or higher, đủ 24 tháng for B, C and nhân viên thừa hành, phục vụ;
delays for discipline and unpaid leave; nâng bậc trước thời hạn up to 12 months); Thông tư
04/2005/TT-BNV as amended (phụ cấp thâm niên vượt khung 5 % then +1 % a year); the lương cơ sở
decrees (latest confirmed: NĐ 73/2024/NĐ-CP, 2,340,000 đồng from 01/07/2024).

Every number lives in ``resources/rules/salary_rules.json`` with its confidence label, because
several of them are only secondary sources (REFERENCE.md §3.2). Month arithmetic is calendar
months from the effective date ("đủ 36 tháng"), days clamped to the month's length.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from app.rules import add_months, load_table, months_between
from app.text import fold

__all__ = [
    "delay_in_step",
    "discipline_delay_months",
    "leave_delay_months",
    "max_early_months",
    "next_seniority_change",
    "next_step_date",
    "salary_amount",
    "seniority_allowance_percent",
    "seniority_allowance_start",
    "step_interval_months",
]

TABLE = "salary_rules.json"


@dataclass(frozen=True)
class _Rules:
    intervals: dict[str, int]  # by normalised class name
    discipline: dict[str, int]  # by folded form name
    days_per_month: int
    extra_month_from_days: int
    max_early_months: int
    seniority_start: int
    seniority_increase: int
    seniority_every: int


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    data = load_table(TABLE)
    leave, senior = data["leave_conversion"], data["seniority_allowance"]
    if senior.get("wait") != "class_interval":
        raise ValueError(f"{TABLE}: seniority_allowance.wait must be 'class_interval'")
    return _Rules(
        intervals={_class_key(name): int(months)
                   for name, months in data["step_interval_months"]["classes"].items()},
        discipline={fold(row["form"]): int(row["months"]) for row in data["discipline_delays"]["forms"]},
        days_per_month=int(leave["days_per_month"]),
        extra_month_from_days=int(leave["remainder_days_for_extra_month"]),
        max_early_months=int(data["early_raise"]["max_months"]),
        seniority_start=int(senior["start_percent"]),
        seniority_increase=int(senior["increase_percent"]),
        seniority_every=int(senior["increase_every_months"]),
    )


def _class_key(salary_class: str) -> str:
    return "".join(salary_class.split()).upper()


def step_interval_months(salary_class: str) -> int:
    """Months a person must hold a step before the next regular raise (TT 03/2021).

    ``salary_class`` is the loại of the salary table: "A3.1", "A3.2", "A2.1", "A2.2", "A1", "A0",
    "B", "C1", "C2", "C3", "CG" (chuyên gia cao cấp) or the Bảng 4 classes "LX", "NV". Case and
    spaces are ignored; an unknown class is an error, not a guess.
    """
    try:
        return _rules().intervals[_class_key(salary_class)]
    except KeyError:
        raise ValueError(f"unknown salary class {salary_class!r}") from None


def leave_delay_months(days: int) -> int:
    """Months by which unpaid leave (or sick leave beyond the limit) delays the raise.

    30 days make a month and a remainder of 11 days or more counts as one more month
    (TT 08/2013 as amended by TT 03/2021, per REFERENCE §3.2): 40 days → 1, 41 days → 2.
    """
    if days < 0:
        raise ValueError("days of leave cannot be negative")
    rules = _rules()
    months, rest = divmod(days, rules.days_per_month)
    return months + (1 if rest >= rules.extra_month_from_days else 0)


def discipline_delay_months(form: str) -> int:
    """Months a discipline received while holding the step delays the raise (TT 03/2021).

    The form is matched without accents or case ("Cảnh cáo", "canh cao"); a form the table does
    not know (or no discipline) delays nothing.
    """
    return _rules().discipline.get(fold(form), 0)


def delay_in_step(discipline: Iterable[tuple[str, dt.date | None]], since: dt.date) -> int:
    """Months by which the discipline received while holding the current step delays the next
    raise (or the seniority allowance): the sum of :func:`discipline_delay_months` over the
    ``(form, start_date)`` pairs whose start is on or after ``since``, the date the step took
    effect. Discipline of an earlier step, or without a date, delays nothing.

    The Person JSON, the alerts and every other reader of a dossier call this one function, so
    they agree on which discipline counts.
    """
    return sum(discipline_delay_months(form) for form, start in discipline
               if start is not None and start >= since)


def max_early_months() -> int:
    """The longest early raise (nâng bậc trước thời hạn) the rules allow, in months."""
    return _rules().max_early_months


def _check_step(step: int, max_step: int) -> bool:
    """True at (or, for bad data, beyond) the last step of the class."""
    if step < 1 or max_step < 1:
        raise ValueError(f"salary step {step}/{max_step} must be at least 1")
    return step >= max_step


def _check_months(delay_months: int, early_months: int = 0) -> None:
    if delay_months < 0 or early_months < 0:
        raise ValueError("delay and early-raise months cannot be negative")
    if early_months > _rules().max_early_months:
        raise ValueError(f"an early raise is at most {_rules().max_early_months} months")


def next_step_date(salary_class: str, step: int, max_step: int, since: dt.date, *,
                   delay_months: int = 0, early_months: int = 0) -> dt.date | None:
    """When the next regular step raise is due, or None at the last step (then the seniority
    allowance takes over, see :func:`seniority_allowance_start`).

    ``since`` is the date the current step took effect (ngày hưởng); the raise is due after the
    class interval, later by ``delay_months`` (discipline, leave) and earlier by ``early_months``
    (nâng bậc trước thời hạn, at most 12 months).
    """
    _check_months(delay_months, early_months)
    if _check_step(step, max_step):
        return None
    return add_months(since, step_interval_months(salary_class) + delay_months - early_months)


def seniority_allowance_start(salary_class: str, step: int, max_step: int, since: dt.date, *,
                              delay_months: int = 0) -> dt.date | None:
    """The day the 5 % seniority allowance (phụ cấp thâm niên vượt khung) starts.

    It is due once the last step has been held for the class interval (36 months A0–A3,
    24 months B/C; TT 04/2005 as amended by TT 03/2021); discipline delays it like a raise.
    None unless the person is at the last step; ``since`` is when the last step took effect.
    """
    _check_months(delay_months)
    if not _check_step(step, max_step):
        return None
    return add_months(since, step_interval_months(salary_class) + delay_months)


def seniority_allowance_percent(salary_class: str, step: int, max_step: int, since: dt.date,
                                on: dt.date, *, delay_months: int = 0) -> int:
    """The seniority allowance percentage on day ``on``: 0 before it starts, 5 from the start,
    then one point more for every further full 12 months."""
    start = seniority_allowance_start(salary_class, step, max_step, since, delay_months=delay_months)
    if start is None or on < start:
        return 0
    rules = _rules()
    return rules.seniority_start + rules.seniority_increase * (
        months_between(start, on) // rules.seniority_every)


def next_seniority_change(salary_class: str, step: int, max_step: int, since: dt.date, on: dt.date, *,
                          delay_months: int = 0) -> tuple[dt.date, int] | None:
    """The first day on or after ``on`` when the seniority allowance starts or rises, with the
    percentage from that day: ``(start, 5)``, then ``(start + 12 months, 6)``… None below the
    last step. Discipline delays only the start (as in :func:`seniority_allowance_start`)."""
    start = seniority_allowance_start(salary_class, step, max_step, since, delay_months=delay_months)
    if start is None:
        return None
    rules = _rules()
    rises = 0
    if on > start:
        rises = -(-months_between(start, on) // rules.seniority_every)  # ceiling
        if add_months(start, rises * rules.seniority_every) < on:
            rises += 1
    return (add_months(start, rises * rules.seniority_every),
            rules.seniority_start + rules.seniority_increase * rises)


def salary_amount(coefficient: Decimal, allowance_coefficients: Iterable[Decimal],
                  base_salary: Decimal, seniority_percent: int = 0) -> Decimal:
    """Monthly salary in whole đồng: (hệ số + phụ cấp hệ số + hệ số × %TNVK / 100) × lương cơ sở.

    NĐ 204/2004 pays by coefficient times the base salary; the seniority allowance is a
    percentage of the (last-step) coefficient. Rounded half up to the đồng. Whether the
    percentage also applies to the chức vụ allowance is unconfirmed [U] and not done here.
    """
    coef = Decimal(coefficient)
    total = coef + sum((Decimal(a) for a in allowance_coefficients), Decimal(0))
    total += coef * Decimal(seniority_percent) / Decimal(100)
    return (total * Decimal(base_salary)).quantize(Decimal(1), rounding=ROUND_HALF_UP)
