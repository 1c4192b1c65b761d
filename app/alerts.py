"""Due events of the working staff: retirement (notice, decision, the day itself), regular step
raises, the seniority allowance and the end of probation.

Every date comes from the pure rules in ``app.rules`` through the same calls the Person JSON
makes (``catalogs.grade`` at ``salary_since`` for the class and the number of steps,
``salary.delay_in_step`` for the discipline received in the current step, the ``early_months``
of the salary-history row that starts on ``salary_since``), so an alert and ``show --json``
never disagree. The work is done in bulk for 100,000 profiles: one query for the people's
columns, one for the discipline rows, one for early raises, one for recorded retirement
decisions; ids stay as the driver returns them (see ``raw_id``), and the rules run once per
distinct input (birth month and sex; grade, step, ngày hưởng, delay, early raise).

Window: an event is listed when ``as_of <= due <= as_of + within_months``. Overdue events that
still need action are listed too, flagged ``overdue``, when due at most ``overdue_months``
before ``as_of`` (0 lists none):

* ``retirement_notice`` / ``retirement_decision`` — while the retirement date has not passed and
  no retirement decision (``decisions.kind = "retirement"``) is recorded; a recorded decision
  silences both, in or out of the window;
* ``salary_step`` — the raise is past due and ``salary_since`` has not moved: it was not recorded;
* ``seniority_allowance`` — the allowance should have started but the dossier records none.

``retirement`` and ``probation_end`` are never overdue: a person past retirement who still
works is a data-quality issue (``app.quality``), a past probation end needs no reminder.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, Select, select
from sqlalchemy.orm import Session

from app import catalogs
from app.bulk import as_uuid, bulk_rows, raw_id, vn_date
from app.rules import add_months
from app.rules import retirement as retirement_rules
from app.rules import salary as salary_rules
from app.units import get_unit, subtree_ids
from models import Decision, Discipline, Person, SalaryHistory, Unit

__all__ = [
    "DEFAULT_KINDS", "FOLLOW_UP_KINDS", "KINDS", "KIND_LABELS", "Alert", "RetirementDates", "SalaryScales", "compute_alerts", "export_alerts_xlsx",
    "as_uuid", "bulk_rows", "person_scope", "raw_id", "section_select", "unit_names", "vn_date", "vn_number",
]

KINDS = ("retirement_notice", "retirement_decision", "retirement", "salary_step", "seniority_allowance",
         "probation_end", "position_placement", "appointment_term_end", "declaration_unreturned", "data_request",
         "declaration_first")
# follow-up of the personal declaration and of data-subject requests (app.declaration.followup);
# "declaration_first" (every dossier without a first declaration) is listed only when asked for
FOLLOW_UP_KINDS = frozenset({"declaration_unreturned", "data_request", "declaration_first"})
DEFAULT_KINDS = tuple(k for k in KINDS if k != "declaration_first")
KIND_LABELS = {
    "retirement_notice": "Thông báo nghỉ hưu",
    "retirement_decision": "Quyết định nghỉ hưu",
    "retirement": "Nghỉ hưu",
    "salary_step": "Nâng bậc lương thường xuyên",
    "seniority_allowance": "Phụ cấp thâm niên vượt khung",
    "probation_end": "Hết tập sự",
    "position_placement": "Bố trí vị trí việc làm",
    "appointment_term_end": "Hết thời hạn giữ chức vụ",
    "declaration_unreturned": "Phiếu kê khai chưa nộp lại",
    "data_request": "Yêu cầu dữ liệu cá nhân",
    "declaration_first": "Chưa kê khai lần đầu",
}
_ORDER = {kind: i for i, kind in enumerate(KINDS)}
_RETIREMENT_KINDS = {"retirement_notice", "retirement_decision", "retirement"}
_SALARY_KINDS = {"salary_step", "seniority_allowance"}


@dataclass(frozen=True)
class Alert:
    person_id: uuid.UUID
    cccd: str
    full_name: str
    unit_code: str | None
    unit_name: str | None
    kind: str
    due: dt.date
    detail: str  # Vietnamese, e.g. "Nghỉ hưu ngày 30/04/2027 (61 tuổi 9 tháng)…"
    overdue: bool = False

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.kind]

    def as_json(self) -> dict[str, Any]:
        """The contract's keys (cccd, full_name, kind, due) and HoSo's additions."""
        return {"cccd": self.cccd, "full_name": self.full_name, "kind": self.kind, "due": self.due.isoformat(),
                "unit_code": self.unit_code, "detail": self.detail, "overdue": self.overdue}


# --------------------------------------------------------------------------- shared helpers


def vn_number(value: Decimal | float | None) -> str:
    """3.66 → "3,66" (the decimal comma of Vietnamese documents)."""
    return "" if value is None else f"{Decimal(value):.2f}".replace(".", ",")


def person_scope(session: Session, unit_code: str | None) -> list[ColumnElement[bool]]:
    """WHERE conditions for the dossiers in scope: not deleted, and in ``unit_code``'s subtree.

    An unknown unit raises ``UserError`` (Vietnamese) — a typo must not read as "no alerts".
    """
    conditions: list[ColumnElement[bool]] = [Person.deleted_at.is_(None)]
    if unit_code:
        conditions.append(Person.unit_id.in_(subtree_ids(session, get_unit(session, unit_code).id)))
    return conditions


def section_select(section: Any, *columns: Any, scope: Sequence[ColumnElement[bool]] | None,
                   where: Sequence[ColumnElement[bool]] = ()) -> Select[Any]:
    """The live rows of a section: the person's id (as :func:`raw_id`) and ``columns``.

    With ``scope`` (a unit's subtree) only the rows of the people in it, through a join; without
    (the whole database) the section table is scanned alone — twice as fast — and the caller,
    which looks rows up by the ids of the people it reads, never sees those of anyone else.
    """
    stmt = select(raw_id(section.person_id), *columns).where(section.deleted_at.is_(None), *where)
    if scope is not None:
        stmt = stmt.join(Person, Person.id == section.person_id).where(*scope)
    return stmt


def unit_names(session: Session) -> dict[Any, tuple[str, str]]:
    """Unit id (as :func:`raw_id`) → (code, name), one query."""
    stmt = select(raw_id(Unit.id), Unit.code, Unit.name)
    return {uid: (code, name) for uid, code, name in bulk_rows(session, stmt)}


class SalaryScales:
    """Grade code + date → (grade, its steps) through ``catalogs.grade`` and ``catalogs.scale_steps``
    — the lookups the Person JSON makes — remembered per (code, date) for a bulk run."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._memo: dict[tuple[str, dt.date | None], tuple[catalogs.GradeInfo, tuple[catalogs.ScaleStep, ...]] | None] = {}

    def get(self, code: str | None, on: dt.date | None) -> tuple[catalogs.GradeInfo, tuple[catalogs.ScaleStep, ...]] | None:
        """None for an unknown code or a class without a salary table."""
        if not code:
            return None
        key = (code, on)
        if key not in self._memo:
            grade = catalogs.grade(self._session, code, on)
            steps = tuple(catalogs.scale_steps(self._session, grade.salary_scale, grade.salary_class)) if grade else ()
            self._memo[key] = (grade, steps) if grade is not None and steps else None
        return self._memo[key]

    def known(self, code: str) -> bool:
        """Whether the grade catalog has ``code`` at all (in any list version)."""
        return catalogs.grade(self._session, code) is not None


@dataclass(frozen=True)
class _Retirement:
    date: dt.date
    age: str
    notice: dt.date
    decision: dt.date


class RetirementDates:
    """The retirement rules per (birth month, sex), remembered: 100,000 people share a few
    hundred keys. ``get`` is None for a sex the rules do not know."""

    def __init__(self) -> None:
        self._memo: dict[tuple[int, int, str, bool], _Retirement | None] = {}

    def get(self, birth: dt.date, sex: str, year_only: bool) -> _Retirement | None:
        key = (birth.year, birth.month, sex, bool(year_only))
        if key not in self._memo:
            try:
                born = dt.date(birth.year, birth.month, 1)
                age = retirement_rules.retirement_age_months(dt.date(birth.year, 1, 1) if year_only else born, sex)
                self._memo[key] = _Retirement(
                    retirement_rules.retirement_date(born, sex, year_only), retirement_rules.age_label(age),
                    retirement_rules.retirement_notice_date(born, sex, year_only),
                    retirement_rules.retirement_decision_date(born, sex, year_only))
            except ValueError:  # an unknown sex: the record is refused at entry, skip it here
                self._memo[key] = None
        return self._memo[key]


@dataclass(frozen=True)
class _Window:
    as_of: dt.date
    end: dt.date
    overdue_from: dt.date  # as_of when overdue items are not wanted

    def ahead(self, due: dt.date) -> bool:
        return self.as_of <= due <= self.end

    def overdue(self, due: dt.date) -> bool:
        return self.overdue_from <= due < self.as_of


# --------------------------------------------------------------------------- the alerts


_COLUMNS = (raw_id(Person.id), Person.cccd, Person.full_name, Person.sort_key, raw_id(Person.unit_id),
            Person.birth_date, Person.birth_year_only, Person.sex, Person.grade_code, Person.salary_step,
            Person.salary_since, Person.seniority_allowance_percent, Person.probation_end_date)


def compute_alerts(session: Session, as_of: dt.date, within_months: int = 6, unit_code: str | None = None,
                   kinds: set[str] | None = None, *, overdue_months: int = 12) -> list[Alert]:
    """The due events of the working, not deleted staff of ``unit_code``'s subtree (everyone when
    None), sorted by due date, then Vietnamese name order, then kind (see the module doc for the
    window and the overdue rules). ``kinds`` limits the kinds (ValueError for an unknown one)."""
    wanted = set(DEFAULT_KINDS) if kinds is None else set(kinds)
    if unknown := wanted - set(KINDS):
        raise ValueError(f"unknown alert kinds {sorted(unknown)}; expected some of {list(KINDS)}")
    if within_months < 0 or overdue_months < 0:
        raise ValueError("within_months and overdue_months cannot be negative")
    window = _Window(as_of, add_months(as_of, within_months), add_months(as_of, -overdue_months))
    scope = [*person_scope(session, unit_code), Person.status == "working"]
    builder = _Builder(session, window, wanted, scope if unit_code else None)
    keyed: list[tuple[tuple[dt.date, str, int], Alert]] = []
    for row in bulk_rows(session, select(*_COLUMNS).where(*scope)):
        events = builder.events(row)
        if events:
            pid, cccd, full_name, sort_key, unit_id = row[:5]
            code, name = builder.units.get(unit_id, (None, None))
            person_id = as_uuid(pid)
            for kind, due, detail, overdue in events:
                alert = Alert(person_id, cccd, full_name, code, name, kind, due, detail, overdue)
                keyed.append(((due, sort_key, _ORDER[kind]), alert))
    if wanted & {"position_placement", "appointment_term_end", "salary_step"}:  # issue 15: app.position_alerts
        from app import position_alerts

        keyed = position_alerts.add(session, keyed, window, wanted, scope, builder.units, _ORDER, Alert)
    if wanted & FOLLOW_UP_KINDS and not _city_database(session):  # declarations are kept at the desk
        _follow_up(session, window, wanted, scope, builder.units, keyed)
    keyed.sort(key=lambda pair: pair[0])
    return [alert for _, alert in keyed]


def _city_database(session: Session) -> bool:
    from app.security.principal import city_mode

    return city_mode(session)


def _follow_up(session: Session, window: _Window, wanted: set[str], scope: Sequence[ColumnElement[bool]],
               units: dict[Any, tuple[str, str]], keyed: list[tuple[tuple[dt.date, str, int], Alert]]) -> None:
    from app.declaration.followup import follow_up_events

    def listed(due: dt.date) -> tuple[bool, bool]:
        late = window.overdue(due)
        return window.ahead(due) or late, late

    events = list(follow_up_events(session, wanted, scope, listed))
    if not events:
        return
    people = {row[0]: row[1:] for row in bulk_rows(session, select(
        raw_id(Person.id), Person.cccd, Person.full_name, Person.sort_key, raw_id(Person.unit_id))
        .where(Person.id.in_({as_uuid(e[0]) for e in events})))}
    for pid, kind, due, detail, overdue in events:
        cccd, full_name, sort_key, unit_id = people[pid]
        code, name = units.get(unit_id, (None, None))
        alert = Alert(as_uuid(pid), cccd, full_name, code, name, kind, due, detail, overdue)
        keyed.append(((due, sort_key, _ORDER[kind]), alert))


_Event = tuple[str, dt.date, str, bool]
_NONE: tuple[_Event, ...] = ()


class _Builder:
    """What a bulk run loads once (units, discipline, early raises, decisions) and the event
    rules, remembered per distinct input: people born in the same month, or holding the same
    grade and step since the same day, share their events."""

    def __init__(self, session: Session, window: _Window, wanted: set[str],
                 scope: Sequence[ColumnElement[bool]] | None) -> None:
        self.window, self.wanted = window, wanted
        self.units = unit_names(session)
        self.retirements = RetirementDates()
        self.scales = SalaryScales(session)
        self.discipline: dict[Any, list[tuple[str, dt.date | None]]] = {}
        self.early: dict[Any, list[tuple[dt.date, int]]] = {}
        self.decided: set[Any] = set()
        if wanted & _SALARY_KINDS:
            self.discipline = _discipline_in_step(session, scope)
            self.early = _early_months(session, scope)
        if wanted & {"retirement_notice", "retirement_decision"}:
            self.decided = {pid for (pid,) in bulk_rows(session,
                section_select(Decision, scope=scope, where=[Decision.kind == "retirement"]))}
        self._retirement_memo: dict[tuple[Any, ...], tuple[_Event, ...]] = {}
        self._salary_memo: dict[tuple[Any, ...], tuple[_Event, ...]] = {}
        self._any_retirement = bool(wanted & _RETIREMENT_KINDS)
        self._any_salary = bool(wanted & _SALARY_KINDS)
        self._probation = "probation_end" in wanted

    def events(self, row: tuple[Any, ...]) -> Sequence[_Event]:
        """One person's events (the hot loop of a 100,000-profile run: two dict look-ups)."""
        (pid, _, _, _, _, birth, year_only, sex, grade_code, step, since, seniority, probation) = row
        retirement = salary = _NONE
        if self._any_retirement:
            key = (birth.year, birth.month, sex, year_only, pid in self.decided)
            retirement = self._retirement_memo.get(key)  # type: ignore[assignment]
            if retirement is None:
                retirement = self._retirement_memo[key] = tuple(self._retirement(birth, sex, year_only, key[-1]))
        if self._any_salary and step and since:
            delay = salary_rules.delay_in_step(self.discipline[pid], since) if pid in self.discipline else 0
            early = _early_in_step(self.early[pid], since) if pid in self.early else 0
            key = (grade_code, step, since, delay, early, bool(seniority))
            salary = self._salary_memo.get(key)  # type: ignore[assignment]
            if salary is None:
                salary = self._salary_memo[key] = tuple(self._salary(*key))
        if self._probation and probation and self.window.ahead(probation):
            return (*retirement, *salary,
                    ("probation_end", probation, f"Hết thời gian tập sự ngày {vn_date(probation)}", False))
        return retirement + salary if salary else retirement

    def _retirement(self, birth: dt.date, sex: str, year_only: bool, decided: bool) -> Iterator[_Event]:
        dates = self.retirements.get(birth, sex, year_only)
        if dates is None:
            return
        w = self.window
        about = f"nghỉ hưu ngày {vn_date(dates.date)}, {dates.age}"
        pending = dates.date >= w.as_of and not decided
        for kind, due, text in (("retirement_notice", dates.notice, "Thông báo nghỉ hưu chậm nhất ngày"),
                                ("retirement_decision", dates.decision, "Ra quyết định nghỉ hưu chậm nhất ngày")):
            if kind in self.wanted and pending and (w.ahead(due) or w.overdue(due)):
                late = due < w.as_of
                yield kind, due, f"{'Quá hạn: ' if late else ''}{text} {vn_date(due)} ({about})", late
        if "retirement" in self.wanted and w.ahead(dates.date):
            yield ("retirement", dates.date, f"Nghỉ hưu ngày {vn_date(dates.date)} ({dates.age}); "
                   f"hưởng lương hưu từ {vn_date(dates.date + dt.timedelta(days=1))}", False)

    def _salary(self, grade_code: str | None, step: int, since: dt.date, delay: int, early: int,
                recorded: bool) -> Iterator[_Event]:
        scale = self.scales.get(grade_code, since)
        if scale is None or step > len(scale[1]):
            return  # unknown grade or a step beyond the table: app.quality reports it
        grade, steps = scale
        try:
            due = salary_rules.next_step_date(grade.salary_class, step, len(steps), since,
                                              delay_months=delay, early_months=early)
        except ValueError:  # an early raise longer than the rules allow: app.quality reports it
            return
        w = self.window
        if due is not None:
            if "salary_step" in self.wanted and (w.ahead(due) or w.overdue(due)):
                late = due < w.as_of
                yield "salary_step", due, _step_detail(grade_code, grade, steps, step, late, delay, early), late
        elif "seniority_allowance" in self.wanted:
            yield from self._seniority(grade_code, grade, steps, step, since, delay, recorded)

    def _seniority(self, grade_code: str | None, grade: catalogs.GradeInfo, steps: Sequence[catalogs.ScaleStep],
                   step: int, since: dt.date, delay: int, recorded: bool) -> Iterator[_Event]:
        w = self.window
        args = (grade.salary_class, step, len(steps), since)
        start = salary_rules.seniority_allowance_start(*args, delay_months=delay)
        if start is None:
            return
        where = f"bậc {step}/{len(steps)} ngạch {grade_code}, hệ số {vn_number(steps[-1].coefficient)}"
        late = not recorded and w.overdue(start)
        change = salary_rules.next_seniority_change(*args, start if late else w.as_of, delay_months=delay)
        if change is None or not (late or w.ahead(change[0])):
            return
        due, percent = change
        text = "Bắt đầu hưởng" if due == start else "Nâng"
        suffix = f"; kéo dài {delay} tháng do kỷ luật" if delay and due == start else ""
        suffix += "; hồ sơ chưa ghi phụ cấp" if late else ""
        yield ("seniority_allowance", due, f"{'Quá hạn: ' if late else ''}{text} phụ cấp thâm niên vượt khung "
               f"{percent} % từ ngày {vn_date(due)} ({where}){suffix}", late)


def _step_detail(grade_code: str | None, grade: catalogs.GradeInfo, steps: Sequence[catalogs.ScaleStep], step: int,
                 late: bool, delay: int, early: int) -> str:
    current, following = steps[step - 1], steps[step]
    text = (f"{'Quá hạn: ' if late else ''}Nâng từ bậc {step} (hệ số {vn_number(current.coefficient)}) "
            f"lên bậc {following.step} (hệ số {vn_number(following.coefficient)}), ngạch {grade_code}, "
            f"loại {grade.salary_class}")
    if delay:
        text += f"; kéo dài {delay} tháng do kỷ luật"
    if early:
        text += f"; nâng trước thời hạn {early} tháng"
    return text


def _discipline_in_step(session: Session, scope: Sequence[ColumnElement[bool]] | None
                        ) -> dict[Any, list[tuple[str, dt.date | None]]]:
    """(form, start) of every live discipline row, one query (a small table);
    ``salary.delay_in_step`` picks those received in the current step."""
    found: dict[Any, list[tuple[str, dt.date | None]]] = {}
    stmt = section_select(Discipline, Discipline.form, Discipline.start_date, scope=scope)
    for person_id, form, start in bulk_rows(session, stmt):
        found.setdefault(person_id, []).append((form, start))
    return found


def _early_months(session: Session, scope: Sequence[ColumnElement[bool]] | None
                  ) -> dict[Any, list[tuple[dt.date, int]]]:
    """(start date, months) of the salary-history rows recording an early raise (nâng bậc trước
    thời hạn), in row order, one query; the row that starts on ``salary_since`` counts."""
    stmt = section_select(SalaryHistory, SalaryHistory.start_date, SalaryHistory.early_months, scope=scope,
                          where=[SalaryHistory.early_months > 0]).order_by(SalaryHistory.seq)
    found: dict[Any, list[tuple[dt.date, int]]] = {}
    for person_id, start, months in bulk_rows(session, stmt):
        found.setdefault(person_id, []).append((start, months))
    return found


def _early_in_step(rows: Sequence[tuple[dt.date, int]], since: dt.date) -> int:
    return next((months for start, months in rows if start == since), 0)


# --------------------------------------------------------------------------- Excel


HEADERS = ("STT", "Họ và tên", "Số CCCD", "Đơn vị", "Loại", "Đến hạn", "Ghi chú")
_WIDTHS = (6, 28, 15, 36, 28, 12, 90)


def export_alerts_xlsx(alerts: Iterable[Alert], path: str | Path) -> Path:
    """The alerts as a spreadsheet: Vietnamese headers, real dates shown dd/mm/yyyy, an
    autofilter over the table and the header row frozen."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    target = Path(path)
    book = Workbook()
    sheet = book.active
    sheet.title = "Cảnh báo"
    sheet.append(list(HEADERS))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    count = 0
    for count, alert in enumerate(alerts, start=1):
        sheet.append([count, alert.full_name, alert.cccd, alert.unit_name or "", alert.kind_label, alert.due,
                      alert.detail])
        sheet.cell(row=count + 1, column=3).number_format = "@"
        sheet.cell(row=count + 1, column=6).number_format = "DD/MM/YYYY"
    for i, width in enumerate(_WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = width
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(HEADERS))}{count + 1}"
    sheet.freeze_panes = "A2"
    book.save(target)
    return target
