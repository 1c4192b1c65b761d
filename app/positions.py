"""Job positions per agency (NĐ 170/2025, NĐ 361/2025; REFERENCE §4.3) and who holds them.

Session-level functions without permission checks: the service checks the principal's role and
units first (``app.services.positions``). Positions are data per agency: a code
unique within the unit, a name, a group, the matching ngạch or CDNN, the approved number and the
approving decision. A position once held is never deleted, only retired. A holding runs from a
date; placing a person in another position closes the current holding the day before, and the
person's ``job_position``/``job_position_code`` (the 2023 CV form's item 30.3, ``position_code``
of the person JSON) mirror the current holding.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from app.errors import FieldError, UserError, ValidationError
from app.rules import load_table
from app.text import fold, nfc
from models import JobPosition, Person, PositionDocument, PositionHolding, Unit
from models.position import POSITION_DOCUMENT_KINDS

FIELD_LABELS = {
    "code": "Mã vị trí", "name": "Tên vị trí việc làm", "group": "Nhóm", "grade_code": "Mã ngạch",
    "unit": "Đơn vị", "approved": "Số lượng được duyệt", "decision_number": "Số quyết định",
    "decision_date": "Ngày quyết định", "start": "Từ ngày", "person": "Số CCCD",
}


@lru_cache(maxsize=1)
def rules() -> dict[str, Any]:
    return load_table("positions.json")


def group_label(code: str) -> str:
    return str(rules()["groups"].get(code, code))


def parse_group(text: Any) -> str:
    """A group code from its code or its Vietnamese name (accents and case ignored)."""
    key = fold(str(text or "")).replace(",", " ").replace("_", " ")
    key = " ".join(key.split())
    for code, name in rules()["groups"].items():
        if key in (" ".join(fold(name).replace(",", " ").split()), code.replace("_", " ")):
            return code
    for code, name in rules()["groups"].items():  # "lãnh đạo", "chuyên môn", "hỗ trợ"
        if key and " ".join(fold(name).replace(",", " ").split()).startswith(key):
            return code
    raise ValueError("phải là một trong: " + "; ".join(rules()["groups"].values()))


@dataclass(frozen=True)
class PositionRow:
    id: uuid.UUID
    code: str
    name: str
    group: str
    grade_code: str | None
    unit_code: str
    unit_name: str
    approved: int
    decision_number: str | None
    decision_date: dt.date | None
    retired_on: dt.date | None
    filled: int = 0

    def as_json(self) -> dict[str, Any]:
        return {"code": self.code, "name": self.name, "group": self.group, "grade_code": self.grade_code,
                "unit_code": self.unit_code, "approved": self.approved}


def _filled_counts(session: Session, as_of: dt.date) -> dict[uuid.UUID, int]:
    rows = session.execute(
        select(PositionHolding.position_id, func.count())
        .join(Person, Person.id == PositionHolding.person_id)
        .where(_current(as_of), Person.deleted_at.is_(None))
        .group_by(PositionHolding.position_id))
    return {pid: n for pid, n in rows}


def _current(as_of: dt.date) -> Any:
    return and_(PositionHolding.deleted_at.is_(None), PositionHolding.start_date <= as_of,
                (PositionHolding.end_date.is_(None)) | (PositionHolding.end_date >= as_of))


def list_positions(session: Session, unit_ids: Iterable[uuid.UUID] | None = None, *,
                   include_retired: bool = False, as_of: dt.date | None = None) -> list[PositionRow]:
    """Positions (of ``unit_ids`` when given), by unit code then position code, with the number of
    current holders."""
    q = (select(JobPosition, Unit.code, Unit.name).join(Unit, Unit.id == JobPosition.unit_id)
         .where(JobPosition.deleted_at.is_(None)).order_by(Unit.code, JobPosition.code))
    if unit_ids is not None:
        q = q.where(JobPosition.unit_id.in_(list(unit_ids)))
    if not include_retired:
        q = q.where(JobPosition.retired_on.is_(None))
    filled = _filled_counts(session, as_of or dt.date.today())
    return [PositionRow(p.id, p.code, p.name, p.group_code, p.grade_code, code, name, p.approved, p.decision_number,
                        p.decision_date, p.retired_on, filled.get(p.id, 0))
            for p, code, name in session.execute(q)]


def get_position(session: Session, unit: Unit, code: str) -> JobPosition:
    position = session.scalars(select(JobPosition).where(
        JobPosition.unit_id == unit.id, JobPosition.code == nfc(code).strip(),
        JobPosition.deleted_at.is_(None))).one_or_none()
    if position is None:
        raise UserError(f"Đơn vị {unit.code} không có vị trí việc làm mã '{nfc(code).strip()}'.")
    return position


def clean_position(values: dict[str, Any]) -> tuple[dict[str, Any], list[FieldError]]:
    """Checked values of a position (``code``, ``name``, ``group``, ``grade_code``, ``approved``,
    ``decision_number``, ``decision_date``); errors name the field."""
    out: dict[str, Any] = {}
    errors: list[FieldError] = []

    def err(name: str, message: str) -> None:
        errors.append(FieldError(name, FIELD_LABELS[name], message))

    code = nfc(str(values.get("code") or "")).strip()
    if not code:
        err("code", "không được để trống")
    elif len(code) > 40:
        err("code", "dài quá 40 ký tự")
    out["code"] = code
    name = " ".join(nfc(str(values.get("name") or "")).split())
    if not name:
        err("name", "không được để trống")
    elif len(name) > 200:
        err("name", "dài quá 200 ký tự")
    out["name"] = name
    try:
        out["group_code"] = parse_group(values.get("group"))
    except ValueError as exc:
        err("group", str(exc))
    grade = nfc(str(values.get("grade_code") or "")).strip() or None
    if grade is not None and len(grade) > 20:
        err("grade_code", "dài quá 20 ký tự")
    out["grade_code"] = grade
    approved = values.get("approved")
    try:
        number = int(approved) if approved not in (None, "") else 0
        if isinstance(approved, float) and not approved.is_integer() or number < 0:
            raise ValueError
        out["approved"] = number
    except (TypeError, ValueError):
        err("approved", f"'{approved}' phải là số nguyên không âm")
    decision = nfc(str(values.get("decision_number") or "")).strip() or None
    if decision is not None and len(decision) > 60:
        err("decision_number", "dài quá 60 ký tự")
    out["decision_number"] = decision
    try:
        out["decision_date"] = parse_date(values.get("decision_date"))
    except ValueError:
        err("decision_date", f"'{values.get('decision_date')}' không phải ngày (dd/mm/yyyy)")
    return out, errors


def parse_date(value: Any) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    for sep in ("/", "-", "."):
        parts = text.split(sep)
        if len(parts) == 3 and all(p.isdigit() for p in parts):
            if len(parts[0]) == 4:
                return dt.date(int(parts[0]), int(parts[1]), int(parts[2]))
            return dt.date(int(parts[2]), int(parts[1]), int(parts[0]))
    raise ValueError(text)


def save_position(session: Session, unit: Unit, values: dict[str, Any], *, code: str | None = None) -> JobPosition:
    """Add a position to ``unit`` or (``code`` given) edit that position. One code once per unit."""
    clean, errors = clean_position(values)
    if errors:
        raise ValidationError(errors)
    position = get_position(session, unit, code) if code is not None else None
    clash = session.scalars(select(JobPosition).where(JobPosition.unit_id == unit.id,
                                                      JobPosition.code == clean["code"])).one_or_none()
    if clash is not None and clash is not position:
        raise ValidationError([FieldError("code", FIELD_LABELS["code"],
                                          f"'{clean['code']}' đã có ở đơn vị {unit.code}")])
    if position is None:
        position = JobPosition(unit_id=unit.id)
        session.add(position)
    for key, value in clean.items():
        setattr(position, key, value)
    session.flush()
    return position


def retire_position(session: Session, unit: Unit, code: str, on: dt.date) -> None:
    """Retire a position (it stays in the history); one that nobody ever held may be deleted instead."""
    position = get_position(session, unit, code)
    holders = session.scalar(select(func.count()).select_from(PositionHolding).where(
        PositionHolding.position_id == position.id, _current(on)))
    if holders:
        raise UserError(f"Vị trí {position.code} còn {holders} người đang giữ ngày {on:%d/%m/%Y}: "
                        "hãy bố trí họ vào vị trí khác trước.")
    position.retired_on = on


def delete_position(session: Session, unit: Unit, code: str) -> None:
    position = get_position(session, unit, code)
    used = session.scalar(select(func.count()).select_from(PositionHolding).where(
        PositionHolding.position_id == position.id))
    if used:
        raise UserError(f"Vị trí {position.code} đã có người giữ nên không xoá được; hãy cho thôi áp dụng.")
    session.delete(position)


def attach_document(session: Session, unit: Unit, code: str, kind: str, path: Path) -> str:
    """Store the job description or competency framework file of a position; returns its SHA-256."""
    if kind not in POSITION_DOCUMENT_KINDS:
        raise UserError(f"Loại tài liệu '{kind}' không hợp lệ (mô tả công việc: description; khung năng lực: "
                        "competency).")
    position = get_position(session, unit, code)
    try:
        content = Path(path).read_bytes()
    except OSError as exc:
        raise UserError(f"Không đọc được tệp '{path}': {exc.strerror}.") from None
    digest = hashlib.sha256(content).hexdigest()
    for old in session.scalars(select(PositionDocument).where(PositionDocument.position_id == position.id,
                                                               PositionDocument.kind == kind)):
        session.delete(old)
    session.add(PositionDocument(position_id=position.id, kind=kind, filename=Path(path).name[:200],
                                 sha256=digest, content=content))
    return digest


# --- loading a framework list from a spreadsheet ------------------------------------------------
HEADERS = {
    "code": ("ma vi tri", "ma vi tri viec lam", "ma so", "ma"),
    "name": ("ten vi tri viec lam", "ten vi tri", "vi tri viec lam"),
    "group": ("nhom", "nhom vi tri", "nhom vi tri viec lam"),
    "grade_code": ("ma ngach", "ngach tuong ung", "ma ngach tuong ung", "ma chuc danh nghe nghiep",
                   "ngach hoac chuc danh nghe nghiep", "ma ngach hoac chuc danh nghe nghiep"),
    "unit": ("don vi", "ma don vi", "co quan"),
    "approved": ("so luong", "so luong duoc duyet", "bien che", "so luong bien che"),
    "decision_number": ("so quyet dinh", "quyet dinh phe duyet", "so quyet dinh phe duyet"),
    "decision_date": ("ngay quyet dinh", "ngay phe duyet"),
}


@dataclass
class LoadResult:
    read: int = 0
    added: int = 0
    updated: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)


def read_position_sheet(path: Path) -> tuple[list[tuple[int, dict[str, Any]]], list[str]]:
    """Rows of a framework list: (spreadsheet row number, {field: value}); unknown columns named."""
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception:  # noqa: BLE001 - openpyxl raises many kinds for a bad file
        raise UserError(f"Không đọc được tệp '{Path(path).name}': không phải tệp Excel .xlsx hợp lệ.") \
            from None
    try:
        sheet = book.worksheets[0]
        rows = list(sheet.iter_rows(values_only=True))
    finally:
        book.close()
    lookup = {h: name for name, heads in HEADERS.items() for h in heads}
    for index, row in enumerate(rows[:20]):
        keys = [" ".join(fold(str(c or "")).split()) for c in row]
        columns = {i: lookup[k] for i, k in enumerate(keys) if k in lookup}
        if "name" in columns.values() and "code" in columns.values():
            unknown = [str(row[i]) for i, k in enumerate(keys) if k and i not in columns and k != "stt"]
            out = []
            for number, values in enumerate(rows[index + 1:], start=index + 2):
                if all(v in (None, "") for v in values):
                    continue
                out.append((number, {name: values[i] if i < len(values) else None for i, name in columns.items()}))
            return out, unknown
    raise UserError(f"Tệp '{Path(path).name}': không tìm thấy dòng tiêu đề có cột 'Mã vị trí' và "
                    "'Tên vị trí việc làm'.")


def load_positions(session: Session, path: Path, default_unit: Unit | None,
                   check_unit: Callable[[Unit], None]) -> LoadResult:
    """Add or update the positions of a spreadsheet, all or nothing: any bad row refuses the file
    (``ValidationError`` naming each row and field). ``check_unit`` refuses a unit the user may not
    manage (raises ``UserError``)."""
    rows, _unknown = read_position_sheet(path)
    result = LoadResult(read=len(rows))
    units_by_code = {u.code: u for u in session.scalars(select(Unit).where(Unit.deleted_at.is_(None)))}
    units_by_name = {fold(u.name): u for u in units_by_code.values()}
    plans: list[tuple[int, Unit, dict[str, Any]]] = []
    seen: set[tuple[uuid.UUID, str]] = set()
    errors: list[FieldError] = []
    for number, values in rows:
        def bad(name: str, message: str, row: int = number) -> None:
            errors.append(FieldError(name, f"Dòng {row}, {FIELD_LABELS[name]}", message))

        unit = default_unit
        if values.get("unit") not in (None, ""):
            text = nfc(str(values["unit"])).strip()
            unit = units_by_code.get(text) or units_by_name.get(fold(text))
            if unit is None:
                bad("unit", f"không có đơn vị '{text}'")
                continue
        if unit is None:
            bad("unit", "không ghi đơn vị (thêm cột 'Đơn vị' hoặc chọn đơn vị)")
            continue
        try:
            check_unit(unit)
        except UserError as exc:
            bad("unit", str(exc))
            continue
        clean, problems = clean_position(values)
        for p in problems:
            bad(p.field, p.message)
        if problems:
            continue
        if (unit.id, clean["code"]) in seen:
            bad("code", f"'{clean['code']}' lặp lại trong tệp")
            continue
        seen.add((unit.id, clean["code"]))
        plans.append((number, unit, values))
    if errors:
        raise ValidationError(errors)
    for _number, unit, values in plans:
        code = nfc(str(values.get("code") or "")).strip()
        exists = session.scalars(select(JobPosition.id).where(JobPosition.unit_id == unit.id,
                                                              JobPosition.code == code)).first()
        save_position(session, unit, values, code=code if exists else None)
        if exists:
            result.updated += 1
        else:
            result.added += 1
    return result


# --- holding a position --------------------------------------------------------------------------
def agency_chain(session: Session, unit_id: uuid.UUID | None) -> list[uuid.UUID]:
    """The unit and its ancestors (a person of a phòng holds a position of the phòng or its agency)."""
    parents = dict(session.execute(select(Unit.id, Unit.parent_id)).all())
    chain = []
    while unit_id is not None and unit_id not in chain:
        chain.append(unit_id)
        unit_id = parents.get(unit_id)
    return chain


def find_position_for(session: Session, person: Person, code: str) -> JobPosition:
    """The position ``code`` of the person's unit or the nearest agency above it."""
    chain = agency_chain(session, person.unit_id)
    found = {p.unit_id: p for p in session.scalars(select(JobPosition).where(
        JobPosition.code == nfc(code).strip(), JobPosition.unit_id.in_(chain), JobPosition.deleted_at.is_(None)))}
    for uid in chain:
        if uid in found:
            return found[uid]
    raise UserError(f"Không có vị trí việc làm mã '{nfc(code).strip()}' ở đơn vị của {person.full_name} "
                    "hoặc cơ quan cấp trên.")


def assign(session: Session, person: Person, position: JobPosition, start: dt.date, *,
           decision: str | None = None, note: str | None = None) -> PositionHolding:
    """Place ``person`` in ``position`` from ``start``: the holding current then ends the day before."""
    if position.retired_on is not None and position.retired_on <= start:
        raise UserError(f"Vị trí {position.code} đã thôi áp dụng từ {position.retired_on:%d/%m/%Y}.")
    if position.unit_id not in agency_chain(session, person.unit_id):
        raise UserError(f"Vị trí {position.code} không thuộc đơn vị của {person.full_name} hay cơ quan cấp trên.")
    holdings = list(session.scalars(select(PositionHolding).where(
        PositionHolding.person_id == person.id, PositionHolding.deleted_at.is_(None))
        .order_by(PositionHolding.start_date)))
    for h in holdings:  # checked before anything changes
        if h.start_date >= start:
            raise UserError(f"{person.full_name} đã có vị trí việc làm từ {h.start_date:%d/%m/%Y}, không trước "
                            f"ngày {start:%d/%m/%Y}: sửa quá trình giữ vị trí thay vì thêm.")
    for h in holdings:
        if h.end_date is None or h.end_date >= start:
            h.end_date = start - dt.timedelta(days=1)
    holding = PositionHolding(person_id=person.id, position_id=position.id, start_date=start,
                              decision=(nfc(decision).strip()[:120] or None) if decision else None, note=note)
    session.add(holding)
    if start <= dt.date.today():
        person.job_position = position.name
        person.job_position_code = position.code
    return holding


@dataclass(frozen=True)
class HoldingRow:
    code: str
    name: str
    unit_code: str
    grade_code: str | None
    start_date: dt.date
    end_date: dt.date | None
    decision: str | None


def holdings(session: Session, person_id: uuid.UUID) -> list[HoldingRow]:
    q = (select(PositionHolding, JobPosition, Unit.code)
         .join(JobPosition, JobPosition.id == PositionHolding.position_id)
         .join(Unit, Unit.id == JobPosition.unit_id)
         .where(PositionHolding.person_id == person_id, PositionHolding.deleted_at.is_(None))
         .order_by(PositionHolding.start_date))
    return [HoldingRow(p.code, p.name, code, p.grade_code, h.start_date, h.end_date, h.decision)
            for h, p, code in session.execute(q)]


# --- the 2027 placement ---------------------------------------------------------------------------
@dataclass(frozen=True)
class PersonBrief:
    id: uuid.UUID
    cccd: str
    full_name: str
    unit_code: str | None
    grade_code: str | None
    position_code: str | None = None
    position_grade: str | None = None


@dataclass(frozen=True)
class Dashboard:
    as_of: dt.date
    deadline: dt.date
    days_left: int
    positions: list[PositionRow]
    civil_servants: int
    placed: int
    unplaced: list[PersonBrief]
    mismatched: list[PersonBrief]
    senior: int
    senior_share: float | None
    senior_cap: int | None  # % for the unit's kind, None when no cap applies

    @property
    def senior_over_cap(self) -> bool:
        return self.senior_cap is not None and self.senior_share is not None and \
            self.senior_share * 100 > self.senior_cap

    def as_json(self) -> dict[str, Any]:
        return {"as_of": self.as_of.isoformat(), "deadline": self.deadline.isoformat(), "days_left": self.days_left,
                "positions": [dict(p.as_json(), filled=p.filled) for p in self.positions],
                "civil_servants": self.civil_servants, "placed": self.placed,
                "unplaced": [{"cccd": p.cccd, "full_name": p.full_name, "unit_code": p.unit_code,
                              "grade_code": p.grade_code} for p in self.unplaced],
                "mismatched": [{"cccd": p.cccd, "full_name": p.full_name, "grade_code": p.grade_code,
                                "position_code": p.position_code, "position_grade": p.position_grade}
                               for p in self.mismatched],
                "senior": self.senior, "senior_share": self.senior_share, "senior_cap": self.senior_cap,
                "senior_over_cap": self.senior_over_cap}


def deadline() -> dt.date:
    return dt.date.fromisoformat(rules()["placement_deadline"]["value"])


def dashboard(session: Session, unit: Unit, unit_ids: list[uuid.UUID], as_of: dt.date) -> Dashboard:
    """The 2027 placement of ``unit`` (``unit_ids``: it and its sub-units)."""
    from app.bulk import as_uuid, bulk_rows, raw_id

    every = session.scalar(select(func.count()).select_from(Unit)) <= len(set(unit_ids))
    chain = agency_chain(session, unit.id)
    positions = list_positions(session, None if every else set(unit_ids) | set(chain[:1]), as_of=as_of)
    in_units = Person.unit_id.is_not(None) if every else Person.unit_id.in_(unit_ids)
    q = (select(raw_id(Person.id), Person.cccd, Person.full_name, Unit.code, Person.grade_code, JobPosition.code,
                JobPosition.grade_code)
         .outerjoin(Unit, Unit.id == Person.unit_id)
         .outerjoin(PositionHolding, and_(PositionHolding.person_id == Person.id, _current(as_of)))
         .outerjoin(JobPosition, JobPosition.id == PositionHolding.position_id)
         .where(Person.deleted_at.is_(None), Person.staff_type == "cong_chuc", Person.status == "working", in_units)
         .order_by(Person.sort_key, Person.id))
    unplaced, mismatched = [], []
    people = 0
    seen: set[Any] = set()
    senior_codes = set(rules()["senior_grade_codes"]["value"])
    senior = 0
    for pid, cccd, name, ucode, grade, pcode, pgrade in bulk_rows(session, q).all():
        if pid in seen:
            continue
        seen.add(pid)
        people += 1
        senior += grade in senior_codes
        if pcode is None:
            unplaced.append(PersonBrief(as_uuid(pid), cccd, name, ucode, grade))
        elif pgrade and grade != pgrade:
            mismatched.append(PersonBrief(as_uuid(pid), cccd, name, ucode, grade, pcode, pgrade))
    caps = rules()["senior_caps"]["by_unit_kind"]
    cap = caps.get(unit.kind or "")
    end = deadline()
    return Dashboard(as_of, end, (end - as_of).days, positions, people, people - len(unplaced), unplaced, mismatched,
                     senior, (senior / people) if people else None, int(cap) if cap is not None else None)


@dataclass(frozen=True)
class Proposal:
    person: PersonBrief
    position_code: str | None
    position_name: str | None
    position_unit: str | None
    reason: str


def propose(session: Session, unit: Unit, unit_ids: list[uuid.UUID], as_of: dt.date) -> list[Proposal]:
    """For each unplaced civil servant, the position of the same ngạch in their unit or agency above
    with a free place (CVCC → a CVCC position, CVC → CVC, …); None with the reason when none fits."""
    board = dashboard(session, unit, unit_ids, as_of)
    filled = Counter({p.id: p.filled for p in list_positions(session, as_of=as_of)})
    by_unit: dict[uuid.UUID, list[JobPosition]] = {}
    for p in session.scalars(select(JobPosition).where(JobPosition.deleted_at.is_(None),
                                                       JobPosition.retired_on.is_(None))
                             .order_by(JobPosition.code)):
        by_unit.setdefault(p.unit_id, []).append(p)
    unit_of = {p.id: uid for p, uid in session.execute(select(Person, Person.unit_id).where(
        Person.id.in_([b.id for b in board.unplaced])))}
    codes = dict(session.execute(select(Unit.id, Unit.code)).all())
    chains: dict[uuid.UUID | None, list[uuid.UUID]] = {}
    out = []
    for brief in board.unplaced:
        uid = unit_of.get(brief.id)
        chain = chains.setdefault(uid, agency_chain(session, uid))
        choice = None
        full = False
        for u in chain:
            for p in by_unit.get(u, []):
                if brief.grade_code and p.grade_code == brief.grade_code:
                    if filled[p.id] < p.approved:
                        choice = p
                        break
                    full = True
            if choice:
                break
        if choice is None:
            reason = ("các vị trí cùng ngạch đã đủ số lượng được duyệt" if full
                      else f"không có vị trí nào ứng với ngạch {brief.grade_code or '(chưa có ngạch)'}")
            out.append(Proposal(brief, None, None, None, reason))
            continue
        filled[choice.id] += 1
        out.append(Proposal(brief, choice.code, choice.name, codes.get(choice.unit_id), f"cùng ngạch {brief.grade_code}"))
    return out


# --- appointment terms -------------------------------------------------------------------------
@dataclass(frozen=True)
class TermRow:
    cccd: str
    full_name: str
    unit_code: str | None
    position: str | None
    appointed: dt.date | None
    reappointed: dt.date | None
    term_end: dt.date
    planned: tuple[str, ...] = ()  # the people in the planning for this chức vụ (app.planning)

    def as_json(self) -> dict[str, Any]:
        return {"cccd": self.cccd, "full_name": self.full_name, "unit_code": self.unit_code, "position": self.position,
                "appointed": self.appointed.isoformat() if self.appointed else None,
                "reappointed": self.reappointed.isoformat() if self.reappointed else None,
                "term_end": self.term_end.isoformat(), "planned": list(self.planned)}


def terms_ending(session: Session, start: dt.date, end: dt.date,
                 unit_ids: Iterable[uuid.UUID] | None = None) -> list[TermRow]:
    """Working people whose current appointment term (2023 CV item 23 dates + the term of
    ``resources/rules/appointment_term.json``) ends between ``start`` and ``end``, soonest first,
    each with the people in the planning for that chức vụ in the holder's unit and below."""
    from app.planning import Successors
    from app.rules import appointment

    q = (select(Person.cccd, Person.full_name, Unit.code, Person.position, Person.position_date,
                Person.position_reappointed_date, Person.sort_key, Person.unit_id, Person.id)
         .outerjoin(Unit, Unit.id == Person.unit_id)
         .where(Person.deleted_at.is_(None), Person.status == "working",
                Person.position_date.is_not(None) | Person.position_reappointed_date.is_not(None)))
    if unit_ids is not None:
        q = q.where(Person.unit_id.in_(list(unit_ids)))
    rows = []
    successors: Successors | None = None
    for cccd, name, ucode, title, appointed, reappointed, key, unit_id, pid in session.execute(q):
        ends = appointment.term_end(appointed, reappointed)
        if ends is not None and start <= ends <= end:
            successors = successors or Successors(session, start)
            planned = tuple(successors.for_holder(title, unit_id, pid))
            rows.append((ends, key, TermRow(cccd, name, ucode, title, appointed, reappointed, ends, planned)))
    rows.sort(key=lambda r: (r[0], r[1]))
    return [r[2] for r in rows]


# --- placements from a spreadsheet -------------------------------------------------------------------
PLACEMENT_HEADERS = {
    "cccd": ("so cccd", "cccd", "so dinh danh", "so dinh danh ca nhan"),
    "code": ("ma vi tri", "ma vi tri viec lam"),
    "start": ("tu ngay", "ngay bo tri", "ngay"),
    "decision": ("so quyet dinh", "quyet dinh"),
}


def import_placements(session: Session, path: Path, check_person: Callable[[Person], None]) -> dict[str, Any]:
    """Place the people of a spreadsheet (`Số CCCD`, `Mã vị trí`, `Từ ngày`, `Số quyết định`): a bad
    row is rejected whole (row and field named), the good rows are saved together."""
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
    lookup = {h: name for name, heads in PLACEMENT_HEADERS.items() for h in heads}
    columns: dict[int, str] = {}
    first = 0
    for index, row in enumerate(rows[:20]):
        keys = [" ".join(fold(str(c or "")).split()) for c in row]
        found = {i: lookup[k] for i, k in enumerate(keys) if k in lookup}
        if {"cccd", "code", "start"} <= set(found.values()):
            columns, first = found, index + 1
            break
    if not columns:
        raise UserError(f"Tệp '{Path(path).name}': không tìm thấy dòng tiêu đề có các cột 'Số CCCD', 'Mã vị trí', "
                        "'Từ ngày'.")
    labels = {"cccd": "Số CCCD", "code": "Mã vị trí", "start": "Từ ngày", "decision": "Số quyết định"}
    result: dict[str, Any] = {"read": 0, "imported": 0, "updated": 0, "rejected": 0, "errors": []}
    for number, values in enumerate(rows[first:], start=first + 1):
        if all(v in (None, "") for v in values):
            continue
        result["read"] += 1
        row = {name: values[i] if i < len(values) else None for i, name in columns.items()}
        field_name, message = "", ""
        try:
            field_name = "cccd"
            raw = row.get("cccd")
            cccd = str(int(raw)).zfill(12) if isinstance(raw, (int, float)) else "".join(
                ch for ch in str(raw or "") if ch.isdigit())
            person = session.scalars(select(Person).where(Person.cccd == cccd, Person.deleted_at.is_(None))).first()
            if person is None:
                raise UserError(f"không có hồ sơ số CCCD '{cccd}'")
            check_person(person)
            field_name = "start"
            try:
                start = parse_date(row.get("start"))
            except ValueError:
                raise UserError(f"'{row.get('start')}' không phải ngày (dd/mm/yyyy)") from None
            if start is None:
                raise UserError("không được để trống")
            field_name = "code"
            position = find_position_for(session, person, str(row.get("code") or ""))
            with session.begin_nested():
                assign(session, person, position, start, decision=str(row["decision"]) if row.get("decision") else None)
            result["imported"] += 1
        except UserError as exc:
            message = str(exc)
            result["rejected"] += 1
            result["errors"].append({"row": number, "field": labels[field_name], "message": message})
    return result
