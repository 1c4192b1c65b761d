"""Retirement age and dates (Nghị định 135/2020/NĐ-CP, Phụ lục I; REFERENCE.md §2)."""

from __future__ import annotations

import datetime as dt

import pytest

from app.rules import month_end
from app.rules.retirement import (
    age_label,
    pension_start,
    retirement_age_months,
    retirement_date,
    retirement_decision_date,
    retirement_notice_date,
    roadmap_age_months,
)

# The Annex-I groups as printed in REFERENCE.md §2:
# (sex, age in months, first birth (y, m), last birth (y, m), year the age is reached).
# The first birth month of a group reaches the age in April (men) / May (women), the last in December.
GROUPS = [
    ("Nam", 723, (1961, 1), (1961, 9), 2021),
    ("Nam", 726, (1961, 10), (1962, 6), 2022),
    ("Nam", 729, (1962, 7), (1963, 3), 2023),
    ("Nam", 732, (1963, 4), (1963, 12), 2024),
    ("Nam", 735, (1964, 1), (1964, 9), 2025),
    ("Nam", 738, (1964, 10), (1965, 6), 2026),
    ("Nam", 741, (1965, 7), (1966, 3), 2027),
    ("Nữ", 664, (1966, 1), (1966, 8), 2021),
    ("Nữ", 668, (1966, 9), (1967, 4), 2022),
    ("Nữ", 672, (1967, 5), (1967, 12), 2023),
    ("Nữ", 676, (1968, 1), (1968, 8), 2024),
    ("Nữ", 680, (1968, 9), (1969, 4), 2025),
    ("Nữ", 684, (1969, 5), (1969, 12), 2026),
    ("Nữ", 688, (1970, 1), (1970, 8), 2027),
    ("Nữ", 692, (1970, 9), (1971, 4), 2028),
    ("Nữ", 696, (1971, 5), (1971, 12), 2029),
    ("Nữ", 700, (1972, 1), (1972, 8), 2030),
    ("Nữ", 704, (1972, 9), (1973, 4), 2031),
    ("Nữ", 708, (1973, 5), (1973, 12), 2032),
    ("Nữ", 712, (1974, 1), (1974, 8), 2033),
    ("Nữ", 716, (1974, 9), (1975, 4), 2034),
]
FIRST_MONTH = {"Nam": 4, "Nữ": 5}


def _group_id(group: tuple) -> str:
    sex, age, first, last, _ = group
    return f"{sex}-{age_label(age)}-{first[1]:02d}/{first[0]}..{last[1]:02d}/{last[0]}"


@pytest.mark.parametrize("group", GROUPS, ids=_group_id)
def test_first_birth_month_of_each_group(group: tuple) -> None:
    sex, age, (year, month), _, reached = group
    born = dt.date(year, month, 15)
    assert retirement_age_months(born, sex) == age
    assert retirement_date(born, sex) == month_end(reached, FIRST_MONTH[sex])


@pytest.mark.parametrize("group", GROUPS, ids=_group_id)
def test_last_birth_month_of_each_group(group: tuple) -> None:
    sex, age, _, (year, month), reached = group
    born = month_end(year, month)  # the day inside the month does not matter
    assert retirement_age_months(born, sex) == age
    assert retirement_date(born, sex) == dt.date(reached, 12, 31)
    assert pension_start(born, sex) == dt.date(reached + 1, 1, 1)


@pytest.mark.parametrize(
    ("sex", "born", "age", "retires"),
    [
        ("Nam", dt.date(1960, 12, 31), 720, dt.date(2020, 12, 31)),  # last month before the roadmap
        ("Nam", dt.date(1955, 6, 1), 720, dt.date(2015, 6, 30)),
        ("Nữ", dt.date(1965, 12, 1), 660, dt.date(2020, 12, 31)),
        ("Nữ", dt.date(1960, 3, 10), 660, dt.date(2015, 3, 31)),
        ("Nam", dt.date(1966, 4, 1), 744, dt.date(2028, 4, 30)),  # first month at the cap
        ("Nữ", dt.date(1975, 5, 20), 720, dt.date(2035, 5, 31)),
        ("Nam", dt.date(1970, 6, 15), 744, dt.date(2032, 6, 30)),  # past the cap
        ("Nam", dt.date(1970, 2, 10), 744, dt.date(2032, 2, 29)),  # leap February
        ("Nữ", dt.date(1980, 1, 5), 720, dt.date(2040, 1, 31)),
        ("Nữ", dt.date(1980, 11, 30), 720, dt.date(2040, 11, 30)),
    ],
)
def test_before_the_roadmap_and_past_the_cap(sex: str, born: dt.date, age: int, retires: dt.date) -> None:
    assert retirement_age_months(born, sex) == age
    assert retirement_date(born, sex) == retires


def test_exact_dates_for_a_man_born_mid_january_1961() -> None:
    born = dt.date(1961, 1, 15)
    assert age_label(retirement_age_months(born, "Nam")) == "60 tuổi 3 tháng"
    assert retirement_date(born, "Nam") == dt.date(2021, 4, 30)
    assert pension_start(born, "Nam") == dt.date(2021, 5, 1)
    assert retirement_notice_date(born, "Nam") == dt.date(2020, 10, 31)


@pytest.mark.parametrize(
    ("sex", "year", "age", "retires"),
    [
        ("Nam", 1961, 723, dt.date(2021, 4, 30)),  # public code tests: "nam 1961 → T4/2021"
        ("Nam", 1964, 735, dt.date(2025, 4, 30)),  # "1964 → 61y3m T4/2025"
        ("Nam", 1965, 738, dt.date(2026, 7, 31)),  # "1965 → 61y6m T7/2026"
        ("Nam", 1968, 744, dt.date(2030, 1, 31)),  # "1968 → 62y T1/2030"
        ("Nữ", 1966, 664, dt.date(2021, 5, 31)),  # "nữ 1966 → 55y4m T5/2021"
        ("Nữ", 1969, 680, dt.date(2025, 9, 30)),  # "1969 → 56y8m T9/2025"
        ("Nữ", 1975, 716, dt.date(2034, 9, 30)),  # "1975 → 59y8m T9/2034"
    ],
)
def test_birth_year_only_counts_as_born_on_first_of_january(
        sex: str, year: int, age: int, retires: dt.date) -> None:
    # The stored day and month are placeholders; Điều 3 NĐ 135/2020 says use 01/01.
    stored = dt.date(year, 7, 20)
    assert retirement_date(stored, sex, birth_year_only=True) == retires
    assert pension_start(stored, sex, birth_year_only=True) == retires + dt.timedelta(days=1)
    assert retirement_age_months(dt.date(year, 1, 1), sex) == age
    assert retirement_date(stored, sex) != retires  # without the flag July counts


@pytest.mark.parametrize(
    ("sex", "born", "age", "pension"),
    [
        ("Nam", dt.date(1966, 4, 1), 744, dt.date(2028, 5, 1)),  # "nam sinh T4/1966 đủ 62 tuổi vào T4/2028"
        ("Nữ", dt.date(1975, 5, 1), 720, dt.date(2035, 6, 1)),  # "nữ sinh T5/1975 đủ 60 tuổi vào T5/2035"
        ("Nữ", dt.date(1970, 1, 1), 688, dt.date(2027, 6, 1)),  # "T1–T8/1970 → 57y4m, hưởng hưu 6/2027…"
        ("Nữ", dt.date(1970, 8, 1), 688, dt.date(2028, 1, 1)),  # "… – 1/2028"
        ("Nữ", dt.date(1970, 9, 1), 692, dt.date(2028, 6, 1)),  # "T9–T12/1970 → 57y8m, 6/2028…"
        ("Nữ", dt.date(1970, 12, 1), 692, dt.date(2028, 9, 1)),  # "… – 9/2028"
        ("Nam", dt.date(1961, 9, 1), 723, dt.date(2022, 1, 1)),  # "Nam: T1–T9/1961 = 60 tuổi 3 tháng"
        ("Nữ", dt.date(1967, 4, 1), 668, dt.date(2023, 1, 1)),  # "T9/1966–T4/1967 = 55 tuổi 8 tháng"
    ],
)
def test_corroborating_samples(sex: str, born: dt.date, age: int, pension: dt.date) -> None:
    assert retirement_age_months(born, sex) == age
    assert pension_start(born, sex) == pension


@pytest.mark.parametrize("month", [5, 6, 7, 8])
def test_women_born_may_to_august_1966_are_55y4m_not_55y8m(month: int) -> None:
    # REFERENCE warns that one public unit test wrongly puts 05–08/1966 at 55y8m.
    assert retirement_age_months(dt.date(1966, month, 1), "Nữ") == 664


def _birth_group_age(sex: str, born: dt.date) -> int:
    """The independent birth-group form of REFERENCE §2, to cross-check the calendar-year form."""
    start, base, group, step, cap, before = (
        (dt.date(1961, 1, 1), 723, 9, 3, 744, 720) if sex == "Nam"
        else (dt.date(1966, 1, 1), 664, 8, 4, 720, 660))
    since = (born.year - start.year) * 12 + born.month - start.month
    return before if since < 0 else min(base + since // group * step, cap)


@pytest.mark.parametrize("sex", ["Nam", "Nữ"])
def test_calendar_year_form_matches_birth_group_form(sex: str) -> None:
    for year in range(1950, 1991):
        for month in range(1, 13):
            born = dt.date(year, month, 1)
            age = retirement_age_months(born, sex)
            assert age == _birth_group_age(sex, born), born
            index = year * 12 + month - 1 + age
            assert retirement_date(born, sex) == month_end(index // 12, index % 12 + 1)
            # Annex I: the age reached is the age the roadmap applies in that year.
            assert roadmap_age_months(index // 12, sex) == age, born


def test_roadmap_by_year() -> None:
    assert [roadmap_age_months(y, "Nam") for y in (2020, 2021, 2027, 2028, 2040)] == [720, 723, 741, 744, 744]
    assert [roadmap_age_months(y, "Nữ") for y in (2020, 2021, 2034, 2035, 2040)] == [660, 664, 716, 720, 720]


def test_sex_is_matched_without_accents_and_unknown_sex_is_refused() -> None:
    born = dt.date(1970, 3, 3)
    assert retirement_date(born, "nu") == retirement_date(born, "NỮ") == retirement_date(born, "Nữ")
    assert retirement_date(born, " nam ") == retirement_date(born, "Nam")
    with pytest.raises(ValueError, match="unknown sex"):
        retirement_date(born, "X")


def test_age_label() -> None:
    assert age_label(723) == "60 tuổi 3 tháng"
    assert age_label(744) == "62 tuổi"


@pytest.mark.parametrize(("sex", "born", "notice", "decision", "retires"), [
    ("Nam", dt.date(1965, 7, 15), dt.date(2026, 10, 31), dt.date(2027, 1, 31), dt.date(2027, 4, 30)),
    ("Nam", dt.date(1961, 1, 15), dt.date(2020, 10, 31), dt.date(2021, 1, 31), dt.date(2021, 4, 30)),
    ("Nữ", dt.date(1970, 3, 2), dt.date(2027, 1, 31), dt.date(2027, 4, 30), dt.date(2027, 7, 31)),
    ("Nam", dt.date(1966, 8, 31), dt.date(2028, 2, 29), dt.date(2028, 5, 31), dt.date(2028, 8, 31)),  # leap
])
def test_notice_six_and_decision_three_months_before(sex, born, notice, decision, retires) -> None:
    """Điều 2–3 NĐ 46/2010: notice at the latest 6 months, decision 3 months before (data file)."""
    assert retirement_date(born, sex) == retires
    assert retirement_notice_date(born, sex) == notice
    assert retirement_decision_date(born, sex) == decision
    assert retirement_decision_date(dt.date(1965, 9, 9), sex, birth_year_only=True) == \
        retirement_decision_date(dt.date(1965, 1, 1), sex)
