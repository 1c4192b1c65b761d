"""The yearly rating of civil servants under NĐ 335/2025 over the database (rules: app.rules.rating).

Session-level functions without permission checks (the service checks first). Scores belong to
the person, not to the unit: a person transferred mid-year brings the months scored elsewhere and
the new unit rates the whole year. The unit's counts and the quota are taken over the people of
the unit (and its sub-units) on the day of the check who have a score in the year; the quota also
holds per task group — by default the group of the position each person holds, "chưa xếp vị trí"
for those without one; the reading of "nhóm nhiệm vụ tương đồng" is data (``rating.json``
``task_group``, [U]). Approving writes each level into the dossier's yearly evaluations (2023 CV item 35.1).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from app.errors import FieldError, UserError, ValidationError
from app.rules import rating as rules
from app.text import fold, nfc
from models import Discipline, Evaluation, JobPosition, Person, PositionHolding, RatingScore, Unit
from models.base import utcnow

COLUMNS = {
    "cccd": ("so cccd", "cccd", "so dinh danh", "so dinh danh ca nhan"),
    "year": ("nam",),
    "period": ("ky", "thang", "quy", "ky danh gia"),
    "general": ("diem tieu chi chung",),
    "task": ("diem ket qua nhiem vu", "diem ket qua thuc hien nhiem vu"),
    "quantity": ("so luong (%)", "so luong"),
    "quality": ("chat luong (%)", "chat luong"),
    "progress": ("tien do (%)", "tien do"),
    "major_errors": ("so sai sot", "so sai sot lon"),
    "delays": ("so lan cham", "so lan cham tien do"),
    "leave": ("nghi", "nghi om, thai san", "ly do khong cham diem"),
    "note": ("ghi chu",),
}
LABELS = {"cccd": "Số CCCD", "year": "Năm", "period": "Kỳ", "general": "Điểm tiêu chí chung",
          "task": "Điểm kết quả nhiệm vụ", "quantity": "Số lượng (%)", "quality": "Chất lượng (%)",
          "progress": "Tiến độ (%)", "major_errors": "Số sai sót", "delays": "Số lần chậm", "leave": "Nghỉ",
          "note": "Ghi chú"}
LEAVE_WORDS = {"om": "sick", "nghi om": "sick", "thai san": "maternity", "nghi thai san": "maternity",
               "khac": "other", "sick": "sick", "maternity": "maternity", "other": "other"}


@dataclass
class ImportResult:
    read: int = 0
    imported: int = 0
    updated: int = 0
    rejected: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {"read": self.read, "imported": self.imported, "updated": self.updated, "rejected": self.rejected,
                "errors": self.errors}


def _read(path: Path) -> list[tuple[int, dict[str, Any]]]:
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception:  # noqa: BLE001 - openpyxl raises many kinds for a bad file
        raise UserError(f"Không đọc được tệp '{Path(path).name}': không phải tệp Excel .xlsx hợp lệ.") \
            from None
    try:
        rows = list(book.worksheets[0].iter_rows(values_only=True))
    finally:
        book.close()
    lookup = {h: name for name, heads in COLUMNS.items() for h in heads}
    for index, row in enumerate(rows[:20]):
        keys = [" ".join(fold(str(c or "")).split()) for c in row]
        columns = {i: lookup[k] for i, k in enumerate(keys) if k in lookup}
        if {"cccd", "year", "period"} <= set(columns.values()):
            return [(n, {name: vals[i] if i < len(vals) else None for i, name in columns.items()})
                    for n, vals in enumerate(rows[index + 1:], start=index + 2)
                    if not all(v in (None, "") for v in vals)]
    raise UserError(f"Tệp '{Path(path).name}': không tìm thấy dòng tiêu đề có các cột 'Số CCCD', 'Năm', 'Kỳ'.")


def _number(value: Any) -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        number = Decimal(str(value) if isinstance(value, (int, float)) else str(value).strip().replace(",", "."))
    except InvalidOperation:
        raise ValueError(f"'{value}' không phải là số") from None
    if not number.is_finite():
        raise ValueError(f"'{value}' không phải là số")
    return number


PERIOD_VALUES = ("general", "task", "quantity", "quality", "progress", "major_errors", "delays")


@dataclass(frozen=True)
class PeriodValues:
    """One period's values once checked (``app.rating.check_period``)."""

    general: Decimal | None
    task: Decimal | None
    parts: tuple[Decimal | None, Decimal | None, Decimal | None]  # quantity, quality, progress (%)
    major_errors: int
    delays: int
    leave: str | None
    note: str | None


def check_period(values: dict[str, Any]) -> tuple[PeriodValues | None, list[tuple[str, str]]]:
    """Check one period's values as typed or read from a spreadsheet cell — the general score
    (/30), the task score (/70) or its quantity/quality/progress parts in % with the numbers of
    major errors and delays (the −25 % deductions), the leave — and return them checked, or the
    (field, message) problems (fields as in ``LABELS``). Shared by the import and the hand entry."""
    problems: list[tuple[str, str]] = []
    leave_text = " ".join(fold(str(values.get("leave") or "")).split())
    leave = LEAVE_WORDS.get(leave_text) if leave_text else None
    if leave_text and leave is None:
        problems.append(("leave", "ghi 'ốm', 'thai sản' hoặc 'khác' (để trống nếu có làm việc)"))
    numbers: dict[str, Decimal | None] = {}
    for name in PERIOD_VALUES:
        try:
            numbers[name] = _number(values.get(name))
        except ValueError as exc:
            problems.append((name, str(exc)))
    for name in ("quantity", "quality", "progress"):
        value = numbers.get(name)
        if value is not None and not Decimal(0) <= value <= Decimal(100):
            problems.append((name, "phải từ 0 đến 100"))
    for name in ("major_errors", "delays"):
        value = numbers.get(name)
        if value is not None and (value < 0 or value != value.to_integral_value() or value > 1000):
            problems.append((name, "phải là số nguyên không âm"))
    general, task = numbers.get("general"), numbers.get("task")
    parts = (numbers.get("quantity"), numbers.get("quality"), numbers.get("progress"))
    if task is None and all(p is not None for p in parts) and not problems:
        task = rules.task_from_parts(*parts, int(numbers.get("major_errors") or 0),  # type: ignore[arg-type]
                                     int(numbers.get("delays") or 0))
    if leave is None and not problems:
        if general is None:
            problems.append(("general", "không được để trống (kỳ nghỉ ốm, thai sản: ghi ở cột 'Nghỉ')"))
        if task is None:
            missing = [LABELS[n] for n, p in zip(("quantity", "quality", "progress"), parts, strict=True) if p is None]
            problems.append(("task", "không được để trống" + (f" (hoặc ghi đủ {', '.join(missing)})"
                                                                  if len(missing) < 3 else
                                                                  " (hoặc ghi đủ số lượng, chất lượng, tiến độ)")))
    out_of_range = rules.check_scores(general, task)
    problems += out_of_range
    for name, value in (("general", general), ("task", task)):
        if value is not None and name not in dict(out_of_range) and value != value.quantize(Decimal("0.01")):
            problems.append((name, "chỉ được có tối đa 2 chữ số thập phân"))
    if problems:
        return None, problems
    note = nfc(str(values["note"])).strip() or None if values.get("note") not in (None, "") else None
    return PeriodValues(None if leave else general, None if leave else task, parts,
                        int(numbers.get("major_errors") or 0), int(numbers.get("delays") or 0), leave, note), []


def _store(session: Session, person: Person, year: int, period: str, checked: PeriodValues,
           unit_id: uuid.UUID | None) -> bool:
    """Write one period (a new row, or the stored one updated); True if it was new."""
    row = session.scalars(select(RatingScore).where(RatingScore.person_id == person.id, RatingScore.year == year,
                                                    RatingScore.period == period)).one_or_none()
    new = row is None or row.deleted_at is not None
    if row is None:
        row = RatingScore(person_id=person.id, year=year, period=period)
        session.add(row)
    row.unit_id = unit_id
    row.general_score, row.task_score = checked.general, checked.task
    row.quantity_percent, row.quality_percent, row.progress_percent = checked.parts
    row.major_errors, row.delays = checked.major_errors, checked.delays
    row.leave, row.note = checked.leave, checked.note
    row.deleted_at = None
    session.flush()
    return new


def import_scores(session: Session, path: Path, check_person: Callable[[Person], None], *,
                  scoring_unit: Callable[[Person], uuid.UUID | None] | None = None) -> ImportResult:
    """Save a spreadsheet of monthly/quarterly scores: a bad row is rejected whole (its row number and
    field reported), the good rows are saved. A row for a person and period already scored updates it.
    ``check_person`` raises ``UserError`` for a person the user may not score."""
    rows = _read(path)
    result = ImportResult(read=len(rows))
    by_cccd: dict[str, Person] = {}
    seen: dict[tuple[uuid.UUID, int], set[str]] = defaultdict(set)
    for number, values in rows:
        problems: list[tuple[str, str]] = []
        cccd = "".join(ch for ch in str(values.get("cccd") or "") if ch.isdigit())
        if isinstance(values.get("cccd"), (int, float)):
            cccd = str(int(values["cccd"])).zfill(12)
        person = by_cccd.get(cccd)
        if person is None and len(cccd) == 12:
            person = session.scalars(select(Person).where(Person.cccd == cccd, Person.deleted_at.is_(None))).first()
        if len(cccd) != 12:
            problems.append(("cccd", "phải gồm đúng 12 chữ số"))
        elif person is None:
            problems.append(("cccd", f"không có hồ sơ số CCCD {cccd}"))
        else:
            try:
                check_person(person)
                by_cccd[cccd] = person
            except UserError as exc:
                problems.append(("cccd", str(exc)))
        year = values.get("year")
        try:
            year = int(str(year).strip().split(".")[0]) if not isinstance(year, (int, float)) else int(year)
            if not 2000 <= year <= 2100:
                raise ValueError
        except (TypeError, ValueError):
            problems.append(("year", f"'{values.get('year')}' không phải năm"))
            year = None
        try:
            period = rules.normalize_period(values.get("period"))
        except ValueError as exc:
            problems.append(("period", str(exc)))
            period = None
        checked, found = check_period(values)
        problems += found
        if person is not None and year is not None and period is not None and not problems:
            taken = seen[(person.id, year)]
            stored = set(session.scalars(select(RatingScore.period).where(
                RatingScore.person_id == person.id, RatingScore.year == year, RatingScore.period != period,
                RatingScore.deleted_at.is_(None))))
            if rules.overlapping([*sorted(taken | stored - {period}), period]) or period in taken:
                problems.append(("period", f"trùng tháng với kỳ khác đã có của năm {year} (tháng và quý không được "
                                           "chồng nhau)"))
        if problems:
            result.rejected += 1
            result.errors += [{"row": number, "field": LABELS[f], "message": m} for f, m in problems]
            continue
        assert person is not None and year is not None and period is not None and checked is not None
        seen[(person.id, year)].add(period)
        if _store(session, person, year, period, checked, scoring_unit(person) if scoring_unit else person.unit_id):
            result.imported += 1
        else:
            result.updated += 1
    return result


@dataclass(frozen=True)
class EntryResult:
    """What the hand entry answers: the person's year recomputed and the unit's quota warnings."""

    full_name: str
    result: rules.YearResult
    warnings: list[str]

    def as_json(self) -> dict[str, Any]:
        return {**year_json(self.result), "warnings": self.warnings}


@dataclass(frozen=True)
class RateablePerson:
    id: uuid.UUID
    cccd: str
    full_name: str
    unit_code: str | None
    staff_type: str | None


def rateable_people(session: Session, unit_ids: list[uuid.UUID]) -> list[RateablePerson]:
    """The working cán bộ, công chức and viên chức of ``unit_ids``, by name."""
    q = (select(Person.id, Person.cccd, Person.full_name, Unit.code, Person.staff_type)
         .outerjoin(Unit, Unit.id == Person.unit_id)
         .where(Person.deleted_at.is_(None), Person.status == "working", Person.unit_id.in_(unit_ids),
                Person.staff_type.in_(("can_bo", "cong_chuc", "vien_chuc")))
         .order_by(Person.sort_key, Person.id))
    return [RateablePerson(*row) for row in session.execute(q)]


# --- entering a person's year by hand ---------------------------------------------------------------
@dataclass(frozen=True)
class ScoreRow:
    """A stored period of a person, as the hand-entry form shows it."""

    period: str
    general: Decimal | None
    task: Decimal | None
    quantity: Decimal | None
    quality: Decimal | None
    progress: Decimal | None
    major_errors: int
    delays: int
    leave: str | None
    note: str | None

    def as_json(self) -> dict[str, Any]:
        def f(v: Decimal | None) -> float | None:
            return float(v) if v is not None else None

        return {"period": self.period, "general": f(self.general), "task": f(self.task),
                "quantity": f(self.quantity), "quality": f(self.quality), "progress": f(self.progress),
                "major_errors": self.major_errors, "delays": self.delays, "leave": self.leave, "note": self.note}


def period_label(period: str) -> str:
    return f"Quý {period[1:]}" if period.startswith("Q") else f"Tháng {period}"


def scores_of(session: Session, person_id: uuid.UUID, year: int) -> list[ScoreRow]:
    """The person's stored periods of ``year`` (months then quarters, in order)."""
    rows = session.scalars(select(RatingScore).where(RatingScore.person_id == person_id, RatingScore.year == year,
                                                     RatingScore.deleted_at.is_(None)))
    out = [ScoreRow(r.period, r.general_score, r.task_score, r.quantity_percent, r.quality_percent, r.progress_percent,
                    r.major_errors or 0, r.delays or 0, r.leave, r.note) for r in rows]
    return sorted(out, key=lambda r: (r.period.startswith("Q"), int(r.period.lstrip("Q"))))


def enter_scores(session: Session, person: Person, year: int, entries: dict[Any, dict[str, Any]],
                 unit_id: uuid.UUID | None, *, replace: bool = True) -> rules.YearResult:
    """A person's year entered by hand: ``entries`` maps each period (``3``, ``"Q2"``…) to its values
    (``general``, ``task``, ``quantity``, ``quality``, ``progress``, ``major_errors``, ``delays``,
    ``leave``, ``note``; blank = not given). ``replace``: the year's periods become exactly these (a
    stored period not among them is removed); else the others stay (and must not overlap). Every problem of every period is reported together (``ValidationError``
    naming the period and the field) and nothing is written; else the year is recomputed and returned."""
    errors: list[FieldError] = []
    if not 2000 <= int(year) <= 2100:
        errors.append(FieldError("year", "Năm", f"'{year}' không phải năm"))
    checked: dict[str, PeriodValues] = {}
    given: set[str] = set()
    for key, values in entries.items():
        try:
            period = rules.normalize_period(key)
        except ValueError as exc:
            errors.append(FieldError("period", "Kỳ", f"'{key}': {exc}"))
            continue
        where = period_label(period)
        if period in given:
            errors.append(FieldError(f"{period}.period", where, "nhập hai lần"))
            continue
        given.add(period)
        value, problems = check_period(values)
        errors += [FieldError(f"{period}.{f}", f"{where}, {LABELS[f]}", m) for f, m in problems]
        if value is not None:
            checked[period] = value
    kept = [] if replace else [p for p in session.scalars(select(RatingScore.period).where(
        RatingScore.person_id == person.id, RatingScore.year == year, RatingScore.deleted_at.is_(None)))
        if p not in given]
    clash = [p for p in rules.overlapping([*kept, *sorted(given, key=lambda p: (p.startswith("Q"),
                                                                                 int(p.lstrip("Q"))))])
             if p in given]
    errors += [FieldError(f"{p}.period", period_label(p), "trùng tháng với kỳ khác (tháng và quý không được chồng "
                                                          "nhau)") for p in clash]
    if errors:
        raise ValidationError(errors)
    for row in session.scalars(select(RatingScore).where(RatingScore.person_id == person.id, RatingScore.year == year,
                                                         RatingScore.deleted_at.is_(None))):
        if replace and row.period not in checked:
            row.deleted_at = utcnow()
    session.flush()
    for period, value in checked.items():
        _store(session, person, year, period, value, unit_id)
    by_year = {r.year: r for r in person_years(session, person.id)}
    return by_year.get(year) or rules.year_result(year, [])


def _periods(rows: Iterable[RatingScore]) -> list[rules.Period]:
    return [rules.Period(r.period, r.general_score, r.task_score, r.leave) for r in rows]


def _disciplines(session: Session, person_ids: list[uuid.UUID]) -> dict[uuid.UUID, list[dict[str, Any]]]:
    out: dict[uuid.UUID, list[dict[str, Any]]] = defaultdict(list)
    q = select(Discipline.person_id, Discipline.kind, Discipline.form, Discipline.start_date).where(
        Discipline.deleted_at.is_(None))
    if len(person_ids) < 5000:
        q = q.where(Discipline.person_id.in_(person_ids))
    wanted = set(person_ids)
    for pid, kind, form, start in session.execute(q):
        if pid in wanted:
            out[pid].append({"kind": kind, "form": form, "start_date": start})
    return out


def person_years(session: Session, person_id: uuid.UUID) -> list[rules.YearResult]:
    """Every year with a score, oldest first."""
    rows = list(session.scalars(select(RatingScore).where(RatingScore.person_id == person_id,
                                                          RatingScore.deleted_at.is_(None))))
    by_year: dict[int, list[RatingScore]] = defaultdict(list)
    for r in rows:
        by_year[r.year].append(r)
    disciplines = _disciplines(session, [person_id]).get(person_id, [])
    return [rules.year_result(y, _periods(by_year[y]), disciplines) for y in sorted(by_year)]


def year_json(result: rules.YearResult) -> dict[str, Any]:
    return {"year": result.year, "score": float(result.score) if result.score is not None else None,
            "level": result.level}


@dataclass(frozen=True)
class PersonRating:
    person_id: uuid.UUID
    cccd: str
    full_name: str
    group: str
    result: rules.YearResult


@dataclass(frozen=True)
class UnitCheck:
    year: int
    counts: dict[str, int]
    quota_ok: bool
    groups: dict[str, dict[str, int]]  # task group → counts (rules.task_group keys)
    failing_groups: list[str]
    people: list[PersonRating]
    group_names: dict[str, str] = field(default_factory=dict)  # task group → its name

    def as_json(self) -> dict[str, Any]:
        return {**{level: self.counts.get(level, 0) for level in rules.LEVELS}, "quota_ok": self.quota_ok}

    def warnings(self) -> list[str]:
        pct = rules.table()["quota"]["xuat_sac_percent_of_tot"]
        out = []
        if not rules.quota_ok(self.counts):
            out.append(f"Số xếp loại xuất sắc ({self.counts.get('xuat_sac', 0)}) vượt {pct}% số xếp loại tốt "
                       f"({self.counts.get('tot', 0)}) của đơn vị.")
        for g in self.failing_groups:
            c = self.groups[g]
            name = self.group_names.get(g, g) if g != "-" else "chưa xếp vị trí việc làm"
            out.append(f"Nhóm {name}: xuất sắc {c.get('xuat_sac', 0)} vượt {pct}% của tốt {c.get('tot', 0)}.")
        return out


def unit_check(session: Session, unit_ids: list[uuid.UUID], year: int, *, as_of: dt.date | None = None) -> UnitCheck:
    """The counts per level of the people now in ``unit_ids`` who have a score in ``year``.

    One query sums each person's periods in SQL — exactly, in hundredths of a point (scores have
    two decimals), weighted by the months a period covers — joined to the person and the position
    held; the levels are then ``app.rules.rating.year_from_sums``. Bulk reads keyed by the driver's
    raw ids (``app.alerts.raw_id``); only the rated become UUIDs."""
    from sqlalchemy import Integer, case, cast

    from app.bulk import as_uuid, bulk_rows, raw_id

    day = as_of or dt.date.today()
    every = session.scalar(select(func.count()).select_from(Unit)) <= len(set(unit_ids))
    in_units = Person.unit_id.is_not(None) if every else Person.unit_id.in_(unit_ids)  # the whole tree: no list
    month_w, quarter_w = rules.weights()
    worked = and_(RatingScore.leave.is_(None), RatingScore.general_score.is_not(None),
                  RatingScore.task_score.is_not(None))
    weight = case((RatingScore.period.like("Q%"), quarter_w), else_=month_w)
    cents = cast(func.round((RatingScore.general_score + RatingScore.task_score) * 100), Integer)
    sums = (select(RatingScore.person_id.label("pid"),
                   func.sum(case((worked, cents * weight), else_=0)).label("cents"),
                   func.sum(case((worked, weight), else_=0)).label("months"))
            .where(RatingScore.year == year, RatingScore.deleted_at.is_(None))
            .group_by(RatingScore.person_id).subquery())
    q = (select(raw_id(Person.id), Person.cccd, Person.full_name, JobPosition.group_code, sums.c.cents, sums.c.months,
                JobPosition.code, JobPosition.name, JobPosition.unit_id)
         .join(sums, sums.c.pid == Person.id)
         .outerjoin(PositionHolding, and_(PositionHolding.person_id == Person.id, PositionHolding.deleted_at.is_(None),
                                          PositionHolding.start_date <= day,
                                          (PositionHolding.end_date.is_(None)) | (PositionHolding.end_date >= day)))
         .outerjoin(JobPosition, JobPosition.id == PositionHolding.position_id)
         .where(Person.deleted_at.is_(None), in_units)
         .order_by(Person.sort_key, Person.id))
    rows = bulk_rows(session, q).all()
    disciplines: dict[Any, list[dict[str, Any]]] = defaultdict(list)
    dq = (select(raw_id(Discipline.person_id), Discipline.kind, Discipline.form, Discipline.start_date)
          .join(Person, Person.id == Discipline.person_id)
          .where(Discipline.deleted_at.is_(None), Person.deleted_at.is_(None), in_units,
                 Discipline.start_date >= dt.date(year, 1, 1), Discipline.start_date <= dt.date(year, 12, 31)))
    for pid, kind, form, start in bulk_rows(session, dq).all():
        disciplines[pid].append({"kind": kind, "form": form, "start_date": start})
    counts: dict[str, int] = dict.fromkeys(rules.LEVELS, 0)
    groups: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(rules.LEVELS, 0))
    rated = []
    seen: set[Any] = set()
    hundred = Decimal(100)
    from app.positions import group_label

    names: dict[str, str] = {}
    for pid, cccd, name, group_code, total, months, position_code, position_name, position_unit in rows:
        if pid in seen:
            continue
        seen.add(pid)
        result = rules.year_from_sums(year, Decimal(int(total or 0)) / hundred, int(months or 0),
                                      disciplines.get(pid, ()))
        if result.level is None:
            continue
        group = rules.task_group(group_code, position_code, str(position_unit) if position_unit else None)
        if group not in names:
            names[group] = (f"vị trí {position_code} — {position_name}" if rules.task_grouping() == "position"
                            else group_label(group))
        counts[result.level] += 1
        groups[group][result.level] += 1
        rated.append(PersonRating(as_uuid(pid), cccd, name, group, result))
    failing = sorted(g for g, c in groups.items() if g != "*" and not rules.quota_ok(c))
    return UnitCheck(year, counts, rules.quota_ok(counts) and not failing, dict(groups), failing, rated, names)


def approve(session: Session, check: UnitCheck) -> int:
    """Write each rated person's level into the dossier's evaluation of the year (HS02/2023 CV 35.1)."""
    if not check.people:
        return 0
    existing = {e.person_id: e for e in session.scalars(select(Evaluation).where(
        Evaluation.year == check.year, Evaluation.deleted_at.is_(None),
        Evaluation.person_id.in_([p.person_id for p in check.people])))}
    written = 0
    for p in check.people:
        assert p.result.level is not None
        text = rules.label(p.result.level)
        row = existing.get(p.person_id)
        note = f"NĐ 335/2025: {p.result.score} điểm" if p.result.score is not None else "NĐ 335/2025"
        if p.result.forced:
            note += f"; {p.result.forced}"
        if row is None:
            seq = len(list(session.scalars(select(Evaluation.id).where(Evaluation.person_id == p.person_id))))
            session.add(Evaluation(person_id=p.person_id, year=check.year, quality_rating=text, note=note, seq=seq))
            written += 1
        elif row.quality_rating != text or row.note != note:
            row.quality_rating, row.note = text, note
            written += 1
    session.flush()
    return written


# --- a viên chức's petition against the year's rating ------------------------------------------------
@dataclass(frozen=True)
class PetitionRow:
    year: int
    petition_date: dt.date
    answered_on: dt.date | None
    outcome: str | None
    answer_due: dt.date  # 10 working days after the petition (rating.json "petition", [S])

    def as_json(self) -> dict[str, Any]:
        return {"year": self.year, "petition_date": self.petition_date.isoformat(),
                "answered_on": self.answered_on.isoformat() if self.answered_on else None, "outcome": self.outcome,
                "answer_due": self.answer_due.isoformat()}


def _working_days_after(day: dt.date, n: int) -> dt.date:
    while n:
        day += dt.timedelta(days=1)
        if day.weekday() < 5:
            n -= 1
    return day


def record_petition(session: Session, person: Person, year: int, petition_date: dt.date, *,
                    answered_on: dt.date | None = None, outcome: str | None = None) -> None:
    """Record (or update, one per person and year) a viên chức's petition and its answer."""
    from models import RatingPetition

    if person.staff_type != "vien_chuc":
        raise UserError(f"{person.full_name} không phải viên chức: kiến nghị về kết quả xếp loại ở đây là của viên chức.")
    if answered_on is not None and answered_on < petition_date:
        raise UserError("Ngày trả lời: không được trước ngày kiến nghị.")
    if petition_date.year < year:
        raise UserError(f"Ngày kiến nghị: phải sau khi có kết quả xếp loại năm {year}.")
    row = session.scalars(select(RatingPetition).where(RatingPetition.person_id == person.id,
                                                       RatingPetition.year == year,
                                                       RatingPetition.deleted_at.is_(None))).one_or_none()
    if row is None:
        row = RatingPetition(person_id=person.id, year=year, petition_date=petition_date)
        session.add(row)
    row.petition_date, row.answered_on = petition_date, answered_on
    row.outcome = nfc(outcome).strip() or None if outcome else None


def petitions(session: Session, person_id: uuid.UUID) -> list[PetitionRow]:
    from models import RatingPetition

    days = int(rules.table()["petition"]["answer_working_days"])
    return [PetitionRow(r.year, r.petition_date, r.answered_on, r.outcome, _working_days_after(r.petition_date, days))
            for r in session.scalars(select(RatingPetition).where(RatingPetition.person_id == person_id,
                                                                  RatingPetition.deleted_at.is_(None))
                                     .order_by(RatingPetition.year))]
