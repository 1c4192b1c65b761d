"""Retirement age and dates under the roadmap of Nghị định 135/2020/NĐ-CP.

Legal basis: Điều 169 Bộ luật Lao động 2019 raises the normal retirement age from 01/01/2021 by
3 months a year for men (60 → 62 in 2028) and 4 months a year for women (55 → 60 in 2035);
Điều 4 and Phụ lục I of Nghị định 135/2020/NĐ-CP give the age by birth month; Điều 3 fixes the
moment: the retirement takes effect at the end of the last day of the month in which the age is
reached, the pension from the first day of the following month, and a person whose birth day
and month are unknown counts as born on 01/01.

The numbers (base age, first-year age, yearly step, cap) are in
``resources/rules/retirement_roadmap.json``. The age is computed with the calendar-year form of
REFERENCE.md §2: ``A(Y)`` is the age that applies in calendar year ``Y``, and a person retires in
the first year ``Y`` in which ``birth month + A(Y)`` falls within ``Y``. (For the last birth
months of an Annex-I group the next year would satisfy the condition too, because the roadmap
rises by less than 12 months a year; the person has already retired by then, so the first year
is the one Annex I lists.)
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from app.rules import load_table, month_end
from app.text import fold

__all__ = [
    "age_label",
    "pension_start",
    "retirement_age_months",
    "retirement_date",
    "retirement_decision_date",
    "retirement_notice_date",
    "roadmap_age_months",
]

TABLE = "retirement_roadmap.json"


@dataclass(frozen=True)
class Roadmap:
    """One sex's roadmap, all ages in months."""

    base_age_months: int  # before the start year
    start_year: int
    first_year_age_months: int
    step_months_per_year: int
    cap_months: int

    def age_in(self, year: int) -> int:
        """``A(Y)``: the retirement age that applies in calendar year ``year``."""
        if year < self.start_year:
            return self.base_age_months
        raised = self.first_year_age_months + self.step_months_per_year * (year - self.start_year)
        return min(raised, self.cap_months)


@dataclass(frozen=True)
class _Table:
    roadmaps: dict[str, Roadmap]  # keyed by the folded sex ("nam", "nu")
    notice_months_before: int
    decision_months_before: int


@lru_cache(maxsize=1)
def _table() -> _Table:
    data = load_table(TABLE)
    roadmaps = {fold(sex): _roadmap(sex, row) for sex, row in data["sexes"].items()}
    return _Table(roadmaps, int(data["notice"]["months_before"]), int(data["decision"]["months_before"]))


def _roadmap(sex: str, row: dict[str, int]) -> Roadmap:
    roadmap = Roadmap(
        base_age_months=int(row["base_age_months"]),
        start_year=int(row["start_year"]),
        first_year_age_months=int(row["first_year_age_months"]),
        step_months_per_year=int(row["step_months_per_year"]),
        cap_months=int(row["cap_months"]),
    )
    # The search in _retirement_month relies on ages that never fall and rise by less than a
    # year per year (otherwise someone could never catch up with the roadmap).
    if not (roadmap.base_age_months <= roadmap.first_year_age_months <= roadmap.cap_months
            and 0 <= roadmap.step_months_per_year < 12
            and roadmap.first_year_age_months - roadmap.base_age_months < 12):
        raise ValueError(f"{TABLE}: the roadmap for {sex!r} is not a slowly rising age")
    return roadmap


def _roadmap_for(sex: str) -> Roadmap:
    try:
        return _table().roadmaps[fold(sex)]
    except KeyError:
        raise ValueError(f"unknown sex {sex!r}: expected 'Nam' or 'Nữ'") from None


def _retirement_month(birth_date: dt.date, sex: str) -> tuple[int, int]:
    """(age in months, month index ``year*12 + month-1`` in which the age is reached)."""
    roadmap = _roadmap_for(sex)
    born = birth_date.year * 12 + birth_date.month - 1
    # No year before the one in which the base age is reached can qualify: A(Y) >= base age.
    year = (born + roadmap.base_age_months) // 12
    while True:
        age = roadmap.age_in(year)
        reached = born + age
        if reached < (year + 1) * 12:  # reached within this year (never before it, see module doc)
            return age, reached
        year += 1


def _birth(birth_date: dt.date, birth_year_only: bool) -> dt.date:
    """Điều 3 khoản 2 NĐ 135/2020: only the year known → born on 01/01 of that year."""
    return dt.date(birth_date.year, 1, 1) if birth_year_only else birth_date


def roadmap_age_months(year: int, sex: str) -> int:
    """The retirement age (months) that applies in calendar ``year`` — ``A(Y)`` of the roadmap."""
    return _roadmap_for(sex).age_in(year)


def retirement_age_months(birth_date: dt.date, sex: str) -> int:
    """Retirement age in months for someone born in ``birth_date``'s month (Phụ lục I NĐ 135/2020).

    Only the birth month and year matter; ``sex`` is "Nam" or "Nữ" (accents and case ignored).
    """
    return _retirement_month(birth_date, sex)[0]


def retirement_date(birth_date: dt.date, sex: str, birth_year_only: bool = False) -> dt.date:
    """The last day of the month in which the retirement age is reached (Điều 3 NĐ 135/2020).

    Example: a man born 15/01/1961 is 60 years 3 months in 04/2021 → 30/04/2021.
    """
    _, reached = _retirement_month(_birth(birth_date, birth_year_only), sex)
    return month_end(reached // 12, reached % 12 + 1)


def pension_start(birth_date: dt.date, sex: str, birth_year_only: bool = False) -> dt.date:
    """The first day of the month after :func:`retirement_date` — when the pension is paid from
    (Điều 3 NĐ 135/2020)."""
    return retirement_date(birth_date, sex, birth_year_only) + dt.timedelta(days=1)


def retirement_notice_date(birth_date: dt.date, sex: str, birth_year_only: bool = False) -> dt.date:
    """The last day by which the agency must notify the person in writing of the retirement.

    Điều 2 NĐ 46/2010/NĐ-CP: at the latest 6 months before the retirement date (months from the
    data file, marked unconfirmed there). Counted month-end to month-end: retiring 30/04/2021 →
    notice by 31/10/2020.
    """
    return _months_before(birth_date, sex, birth_year_only, _table().notice_months_before)


def retirement_decision_date(birth_date: dt.date, sex: str, birth_year_only: bool = False) -> dt.date:
    """The last day by which the agency must issue the retirement decision (quyết định nghỉ hưu).

    Điều 3 NĐ 46/2010/NĐ-CP: at the latest 3 months before the retirement date (months from the
    data file, marked unconfirmed there). Counted like the notice: retiring 30/04/2027 → decision
    by 31/01/2027.
    """
    return _months_before(birth_date, sex, birth_year_only, _table().decision_months_before)


def _months_before(birth_date: dt.date, sex: str, birth_year_only: bool, months: int) -> dt.date:
    """The end of the month ``months`` calendar months before the retirement month."""
    _, reached = _retirement_month(_birth(birth_date, birth_year_only), sex)
    target = reached - months
    return month_end(target // 12, target % 12 + 1)


def age_label(months: int) -> str:
    """An age as the Vietnamese documents write it: 723 → "60 tuổi 3 tháng", 744 → "62 tuổi"."""
    years, rest = divmod(months, 12)
    return f"{years} tuổi {rest} tháng" if rest else f"{years} tuổi"
