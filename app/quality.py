"""Data-quality checks over the dossiers: what is probably wrong in the data, person by person.

Each issue has a stable ``code`` (below), a Vietnamese message, the person it links to and the
field to open. Entry validation refuses most of these when a clerk types them; they still
arrive through imports, packages, older databases and direct edits, so they are checked here
over everyone in bulk (one query for the people's columns, one for work history, one for the people
whose latest salary-history row disagrees with their current salary — compared by the database —
one for early raises; grades resolved once per code and date; ids kept as the driver returns them).

Codes:

* ``cccd_mismatch`` — the CCCD's century/sex digit or year digits contradict the birth date or
  sex (``app.cccd.mismatches``);
* ``unknown_grade`` — the mã ngạch is not in the grade catalog;
* ``step_beyond_table`` — the bậc is above the last step of the grade's salary class;
* ``coefficient_mismatch`` — the hệ số is not the table's for the grade and step;
* ``work_gap`` — more than ``gap_months`` (1) uncovered between two work-history rows: from the
  day after one row ends to the day before the next begins; only gaps that end after the
  recruitment date count (2C's list starts with school and earlier jobs, and the months between
  graduation and the first post are not a defect of the service record);
* ``work_overlap`` — a row begins before an earlier row has ended (a shared boundary day, "to
  31/12" then "from 31/12", is not an overlap);
* ``work_open_row`` — a row without an end date that is not the latest (its end is unknown, so
  gaps and overlaps around it cannot be checked);
* ``past_retirement`` — status working although the retirement date is before ``as_of``;
* ``salary_since_future`` — the ngày hưởng of the current step is after ``as_of``;
* ``salary_history_mismatch`` — the latest salary-history row (latest start date) disagrees with
  the current grade, step, coefficient or ngày hưởng;
* ``early_raise_invalid`` — a salary-history row records an early raise longer than the rules
  allow (12 months), which no step date can be computed from;
* ``party_dates`` — the official Party membership date is before the joining date.
"""

from __future__ import annotations

import datetime as dt
import operator
import uuid
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, not_, or_, select
from sqlalchemy.orm import Session

from app import cccd as cccd_rules
from app.alerts import (
    RetirementDates,
    SalaryScales,
    as_uuid,
    bulk_rows,
    person_scope,
    raw_id,
    section_select,
    unit_names,
    vn_date,
    vn_number,
)
from app.bulk import paused_gc
from app.rules import add_months
from app.rules import salary as salary_rules
from models import Person, SalaryHistory, WorkHistory

__all__ = ["CHECKS", "QualityIssue", "quality_issues"]

CHECKS = {
    "cccd_mismatch": "Số CCCD mâu thuẫn với ngày sinh hoặc giới tính",
    "unknown_grade": "Mã ngạch không có trong danh mục",
    "step_beyond_table": "Bậc lương vượt quá bậc cao nhất của ngạch",
    "coefficient_mismatch": "Hệ số lương không khớp với bảng lương",
    "work_gap": "Quá trình công tác bị gián đoạn",
    "work_overlap": "Quá trình công tác trùng thời gian",
    "work_open_row": "Quá trình công tác thiếu ngày kết thúc",
    "past_retirement": "Quá tuổi nghỉ hưu nhưng vẫn đang công tác",
    "salary_since_future": "Ngày hưởng lương ở tương lai",
    "salary_history_mismatch": "Diễn biến lương không khớp với lương hiện tại",
    "early_raise_invalid": "Số tháng nâng bậc trước thời hạn không hợp lệ",
    "party_dates": "Ngày chính thức vào Đảng trước ngày vào Đảng",
}


@dataclass(frozen=True)
class QualityIssue:
    person_id: uuid.UUID
    cccd: str
    full_name: str
    unit_code: str | None
    code: str  # a key of CHECKS
    message: str  # Vietnamese, names the values
    field: str  # the Person field or section to open ("work_history", "salary_coefficient"…)

    def as_json(self) -> dict[str, Any]:
        return {"id": str(self.person_id), "cccd": self.cccd, "full_name": self.full_name,
                "unit_code": self.unit_code, "code": self.code, "field": self.field, "message": self.message}


_COLUMNS = (raw_id(Person.id), Person.cccd, Person.full_name, Person.sort_key, raw_id(Person.unit_id), Person.status,
            Person.birth_date, Person.birth_year_only, Person.sex, Person.grade_code, Person.salary_step,
            Person.salary_coefficient, Person.salary_since, Person.party_join_date, Person.party_official_date,
            Person.recruitment_date)

_Found = tuple[str, str, str]  # code, message, field
_BY_START = operator.itemgetter(2, 1)  # work-history rows (person, seq, start, end) by start date, then seq


def quality_issues(session: Session, unit_code: str | None = None, as_of: dt.date | None = None, *,
                   gap_months: int = 1, codes: Iterable[str] | None = None) -> list[QualityIssue]:
    """Every issue of the not-deleted dossiers of ``unit_code``'s subtree (everyone when None),
    in Vietnamese name order, then in the order of ``CHECKS``. ``as_of`` (default today) is the
    day ``past_retirement`` and ``salary_since_future`` compare with; ``codes`` limits the checks."""
    wanted = set(CHECKS) if codes is None else set(codes)
    if unknown := wanted - set(CHECKS):
        raise ValueError(f"unknown quality checks {sorted(unknown)}; expected some of {list(CHECKS)}")
    with paused_gc():  # 100,000 people's rows alive at once (app.bulk)
        return _quality_issues(session, unit_code, as_of, gap_months, wanted)


def _quality_issues(session: Session, unit_code: str | None, as_of: dt.date | None, gap_months: int,
                    wanted: set[str]) -> list[QualityIssue]:
    day = as_of or dt.date.today()
    scope = person_scope(session, unit_code)
    narrow = scope if unit_code else None
    work = _work_rows(session, narrow) if wanted & {"work_gap", "work_overlap", "work_open_row"} else {}
    suspected = _suspects(session, narrow) if "salary_history_mismatch" in wanted else set()
    early = _early_invalid(session, narrow) if "early_raise_invalid" in wanted else {}
    units = unit_names(session)
    checker = _Checker(SalaryScales(session), RetirementDates(), day, gap_months)
    order = {code: i for i, code in enumerate(CHECKS)}
    keyed: list[tuple[tuple[Any, ...], QualityIssue]] = []
    suspects: dict[Any, Any] = {}  # people whose latest salary row (one of them) disagrees

    def add(row: Any, found: list[_Found]) -> None:
        person_id, unit = as_uuid(row[0]), units.get(row.unit_id, (None, None))[0]
        for code, message, field in found:
            if code in wanted:
                keyed.append(((row.sort_key, row.cccd, order[code]),
                              QualityIssue(person_id, row.cccd, row.full_name, unit, code, message, field)))

    for row in bulk_rows(session, select(*_COLUMNS).where(*scope)).fetchall():
        pid = row[0]
        found = checker.person(row)
        rows = work.get(pid)
        if rows is not None and len(rows) > 1:
            found.extend(checker.work(rows, row.recruitment_date))
        if pid in suspected:
            suspects[pid] = row
        if pid in early:
            found.extend(early[pid])
        if found:
            add(row, found)
    for pid, rows in _latest_rows(session, suspects).items():
        if not any(_agrees(suspects[pid], r) for r in rows):
            add(suspects[pid], [_salary_issue(suspects[pid], rows[0])])
    keyed.sort(key=lambda pair: pair[0])
    return [issue for _, issue in keyed]


class _Checker:
    def __init__(self, scales: SalaryScales, retirements: RetirementDates, as_of: dt.date, gap_months: int):
        self.scales, self.retirements, self.as_of, self.gap_months = scales, retirements, as_of, gap_months
        self._grades: dict[tuple[Any, ...], tuple[_Found, ...]] = {}

    def person(self, row: Any) -> list[_Found]:
        """The checks on the person's own columns (the hot loop: mostly returns an empty list)."""
        (_, number, _, _, _, status, birth, year_only, sex, grade_code, step, coefficient, since,
         party_join, party_official, _) = row
        found = []
        if birth is not None and number:  # cccd.mismatches' two comparisons inline: most numbers agree
            digits = number[3:6]
            if len(number) != 12 or not digits.isdecimal() or not digits.isascii() or (
                    (sex == "Nam") == (ord(digits[0]) % 2 == 1) and sex in ("Nam", "Nữ")) or (
                    1900 + 100 * ((ord(digits[0]) - 48) // 2) + int(digits[1:]) != birth.year):
                found = [("cccd_mismatch", f"Số CCCD {number}: {warning}", "cccd")
                         for warning in cccd_rules.mismatches(number, birth, sex)]
        if grade_code:
            key = (grade_code, since, step, coefficient)
            grade = self._grades.get(key)
            if grade is None:
                grade = self._grades[key] = tuple(self._grade(*key))
            found.extend(grade)
        if status == "working" and birth is not None:
            dates = self.retirements.get(birth, sex, year_only)
            if dates is not None and dates.date < self.as_of:
                found.append(("past_retirement", f"Đã đến tuổi nghỉ hưu từ ngày {vn_date(dates.date)} ({dates.age}) "
                              "nhưng vẫn ở tình trạng đang công tác", "status"))
        if since is not None and since > self.as_of:
            found.append(("salary_since_future", f"Ngày hưởng bậc lương {vn_date(since)} ở sau ngày "
                          f"{vn_date(self.as_of)}", "salary_since"))
        if party_join and party_official and party_official < party_join:
            found.append(("party_dates", f"Ngày chính thức vào Đảng {vn_date(party_official)} trước ngày vào "
                          f"Đảng {vn_date(party_join)}", "party_official_date"))
        return found

    def _grade(self, code: str, since: dt.date | None, step: int | None, coefficient: Any) -> Iterator[_Found]:
        """The grade, step and coefficient against the catalog, resolved at ``since`` like the
        editor's check (``app.people``) and the Person JSON."""
        scale = self.scales.get(code, since or self.as_of)
        if scale is None:
            if not self.scales.known(code):
                yield "unknown_grade", f"Mã ngạch '{code}' không có trong danh mục", "grade_code"
            return
        grade, steps = scale
        if step is None:
            return
        if step > len(steps):
            yield ("step_beyond_table", f"Bậc {step} vượt quá bậc cao nhất ({len(steps)}) của ngạch "
                   f"{code} (loại {grade.salary_class})", "salary_step")
        elif coefficient is not None and Decimal(coefficient) != steps[step - 1].coefficient:
            yield ("coefficient_mismatch", f"Hệ số lương {vn_number(coefficient)} không khớp với bậc "
                   f"{step} của ngạch {code} (loại {grade.salary_class}: "
                   f"{vn_number(steps[step - 1].coefficient)})", "salary_coefficient")

    def work(self, rows: Sequence[tuple[Any, int, dt.date, dt.date | None]], recruited: dt.date | None = None
             ) -> Iterator[_Found]:
        """Rows as (person, seq, start, end) in any order; compared by start date, then seq. Gaps
        that end by the recruitment date (school to the first job) are the person's own affair."""
        if len(rows) < 2:
            return
        ordered = sorted(rows, key=_BY_START)
        # add_months(x, n) is never less than 28·n days after x: below that, no gap to look at.
        sure_days = 28 * self.gap_months + 1
        covered: tuple[int, dt.date] | None = None  # the row reaching furthest so far, and its end
        for index, (_, seq, start, end) in enumerate(ordered):
            if covered is not None:
                last_seq, last_end = covered
                if start < last_end:
                    yield ("work_overlap", f"Quá trình công tác: dòng {seq} (từ {vn_date(start)}) trùng thời gian "
                           f"với dòng {last_seq} (đến {vn_date(last_end)})", "work_history")
                elif (start - last_end).days > sure_days and (recruited is None or start > recruited) and \
                        start > add_months(last_end + dt.timedelta(days=1), self.gap_months):
                    yield ("work_gap", f"Quá trình công tác bị gián đoạn từ {vn_date(last_end + dt.timedelta(days=1))} "
                           f"đến {vn_date(start - dt.timedelta(days=1))} (giữa dòng {last_seq} và dòng {seq})",
                           "work_history")
            if end is None:
                if index < len(ordered) - 1:
                    yield ("work_open_row", f"Quá trình công tác: dòng {seq} (từ {vn_date(start)}) chưa có ngày "
                           "kết thúc nhưng không phải giai đoạn mới nhất", "work_history")
                covered = None
            elif covered is None or end > covered[1]:
                covered = (seq, end)


def _work_statement(scope: Sequence[ColumnElement[bool]] | None) -> Select[Any]:
    return section_select(WorkHistory, WorkHistory.seq, WorkHistory.start_date, WorkHistory.end_date, scope=scope,
                          where=[WorkHistory.start_date.is_not(None)])


def _work_rows(session: Session, scope: Sequence[ColumnElement[bool]] | None) -> dict[Any, list[Any]]:
    """Each person's work-history rows as (person, seq, start, end), one query."""
    found: dict[Any, list[Any]] = {}
    for row in bulk_rows(session, _work_statement(scope)).fetchall():  # (person, seq, start, end)
        rows = found.get(row[0])
        if rows is None:
            found[row[0]] = [row]
        else:
            rows.append(row)
    return found


def _agrees(row: Any, latest: tuple[Any, ...]) -> bool:
    """Whether a salary-history row (start, grade, step, coefficient) is the current salary."""
    start, grade_code, step, coefficient = latest
    return row.salary_since is None or (start == row.salary_since and step == row.salary_step
                                        and coefficient == row.salary_coefficient
                                        and (grade_code is None or grade_code == row.grade_code))


def _salary_issue(row: Any, latest: tuple[Any, ...]) -> _Found:
    start, grade_code, step, coefficient = latest
    differs = [label for label, same in (
        ("ngày hưởng", start == row.salary_since),
        ("mã ngạch", grade_code is None or grade_code == row.grade_code),
        ("bậc", step == row.salary_step),
        ("hệ số", coefficient == row.salary_coefficient)) if not same]
    return ("salary_history_mismatch",
            f"Diễn biến lương mới nhất (từ {vn_date(start)}: ngạch {grade_code or '—'}, bậc {step or '—'}, "
            f"hệ số {vn_number(coefficient) or '—'}) khác lương hiện tại (từ {vn_date(row.salary_since)}: "
            f"ngạch {row.grade_code or '—'}, bậc {row.salary_step or '—'}, hệ số "
            f"{vn_number(row.salary_coefficient) or '—'}) ở {', '.join(differs)}", "salary_history")


_SALARY = (SalaryHistory.grade_code, SalaryHistory.salary_step, SalaryHistory.salary_coefficient)


def _suspects(session: Session, scope: Sequence[ColumnElement[bool]] | None) -> set[Any]:
    """The people whose salary-history row with the latest start date (one of them) disagrees with
    their current salary (``_agrees``), compared by the database: one query, returning only those.
    SQLite fills the bare columns of a ``max()`` aggregate from a row holding the maximum
    (documented; fastest by far over 700,000 rows); PostgreSQL uses ``DISTINCT ON``. When several
    rows share the latest date any of them may come back, so a disagreeing one is only a suspect:
    :func:`_latest_rows` settles it."""
    stmt = _suspects_statement(session.get_bind().dialect.name, scope)
    return {pid for (pid,) in bulk_rows(session, stmt).fetchall()}


def _suspects_statement(dialect: str, scope: Sequence[ColumnElement[bool]] | None) -> Select[Any]:
    latest = _latest_statement(dialect, scope).subquery()
    pid, start, grade_code, step, coefficient = latest.c
    same = and_(start.is_not_distinct_from(Person.salary_since), step.is_not_distinct_from(Person.salary_step),
                coefficient.is_not_distinct_from(Person.salary_coefficient),
                or_(grade_code.is_(None), grade_code.is_not_distinct_from(Person.grade_code)))
    return (select(pid).join(Person, raw_id(Person.id) == pid)
            .where(Person.deleted_at.is_(None), Person.salary_since.is_not(None), not_(same)))


def _latest_statement(dialect: str, scope: Sequence[ColumnElement[bool]] | None) -> Select[Any]:
    if dialect == "sqlite":
        return section_select(SalaryHistory, func.max(SalaryHistory.start_date), *_SALARY, scope=scope
                              ).group_by(SalaryHistory.person_id)
    return (section_select(SalaryHistory, SalaryHistory.start_date, *_SALARY, scope=scope)
            .distinct(SalaryHistory.person_id)
            .order_by(SalaryHistory.person_id, SalaryHistory.start_date.desc(), SalaryHistory.seq))


def _latest_rows(session: Session, people: Iterable[Any]) -> dict[Any, list[tuple[Any, ...]]]:
    """Every live salary-history row with the latest start date, in row order, for a few people."""
    ids = [as_uuid(pid) for pid in people]
    rows: dict[Any, list[tuple[Any, ...]]] = {}
    for at in range(0, len(ids), 500):
        stmt = section_select(SalaryHistory, SalaryHistory.start_date, SalaryHistory.seq, *_SALARY, scope=None,
                              where=[SalaryHistory.person_id.in_(ids[at:at + 500])])
        for pid, start, seq, *values in bulk_rows(session, stmt):
            rows.setdefault(pid, []).append((start, seq, *values))
    latest = {}
    for pid, found in rows.items():
        last = max(r[0] for r in found)
        latest[pid] = [(r[0], *r[2:]) for r in sorted(found, key=lambda r: r[1]) if r[0] == last]
    return latest


def _early_invalid(session: Session, scope: Sequence[ColumnElement[bool]] | None) -> dict[Any, list[_Found]]:
    limit = salary_rules.max_early_months()
    stmt = section_select(SalaryHistory, SalaryHistory.start_date, SalaryHistory.early_months, scope=scope,
                          where=[SalaryHistory.early_months > limit])
    found: dict[Any, list[_Found]] = {}
    for person_id, start, months in bulk_rows(session, stmt):
        found.setdefault(person_id, []).append(
            ("early_raise_invalid", f"Diễn biến lương từ {vn_date(start)}: nâng bậc trước thời hạn {months} tháng, "
             f"tối đa {limit} tháng", "salary_history"))
    return found
