"""People: create, update, delete, restore, find and list dossiers.

Each function takes the session of one user action (``with db.session() as s``); it validates
first and raises ``ValidationError`` with every field error before anything is written, so a
refused action leaves the database as it was. Warnings (a CCCD that contradicts the birth year,
a coefficient that does not match the step) come back in ``SaveResult.warnings``.
"""

from __future__ import annotations

import datetime as dt
import functools
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session, object_session, selectinload

from app import catalogs, cccd
from app.errors import FieldError, UserError, ValidationError
from app.fields import PERSON_FIELD_MAP, PERSON_FIELDS, SECTION_FIELDS, SECTION_LABELS
from app.planning import follow_planning, titles_text
from app.text import fold, name_sort_key
from app.validation import check_order, clean_fields
from models import SECTION_CLASSES, Person, Placement, SalaryHistory, Unit
from models.base import utcnow

SECTIONS = tuple(SECTION_FIELDS)
_PERSON_ORDER = (
    ("birth_date", "cccd_issue_date", "ngày cấp CCCD phải sau ngày sinh"),
    ("birth_date", "recruitment_date", "ngày tuyển dụng phải sau ngày sinh"),
    ("party_join_date", "party_official_date", "ngày chính thức phải sau ngày vào Đảng"),
    ("enlistment_date", "discharge_date", "ngày xuất ngũ phải sau ngày nhập ngũ"),
    ("recruitment_date", "agency_join_date", "ngày vào cơ quan không thể trước ngày tuyển dụng"),
)
_LABELS = {f.name: f.label for f in PERSON_FIELDS}
MIN_AGE_YEARS = 15


@dataclass(frozen=True)
class SaveResult:
    id: uuid.UUID
    warnings: tuple[str, ...] = field(default_factory=tuple)


def _today() -> dt.date:
    return dt.date.today()


def find_person(session: Session, key: str | uuid.UUID, *, include_deleted: bool = False) -> Person:
    """A person by CCCD number or id; UserError (Vietnamese) when there is none."""
    text = str(key).strip()
    stmt = select(Person)
    if cccd.clean(text).isdigit() and len(cccd.clean(text)) == 12:
        stmt = stmt.where(Person.cccd == cccd.clean(text))
    else:
        try:
            stmt = stmt.where(Person.id == uuid.UUID(text))
        except ValueError:
            raise UserError(f"'{text}' không phải là số CCCD (12 chữ số) hay mã hồ sơ hợp lệ.") from None
    person = session.scalars(stmt).one_or_none()
    if person is None or (person.deleted_at is not None and not include_deleted):
        raise UserError(f"Không tìm thấy hồ sơ có số CCCD hoặc mã '{text}'.")
    return person


def load_dossier(session: Session, person_id: uuid.UUID) -> Person:
    """The person with every section loaded (for JSON, printing, export)."""
    options = [selectinload(getattr(Person, name)) for name in (*SECTIONS, "placements")]
    stmt = select(Person).where(Person.id == person_id).options(*options)
    return session.scalars(stmt).one()


def create_person(session: Session, data: Mapping[str, Any], *, flush: bool = True) -> SaveResult:
    """Validate ``data`` and add the person (refused whole with a ValidationError before anything
    is added). ``flush=False``: leave the INSERTs to the next flush (an import writes its people in
    batches; the change log is written by that flush as by any other)."""
    index = catalogs.index(session)
    values, sections, errors, warnings = _clean(session, data, index, partial=False)
    number = values.get("cccd")
    if number and not errors:
        existing = session.scalars(select(Person).where(Person.cccd == number)).one_or_none()
        if existing is not None:
            hint = " (hồ sơ này đã bị xoá; hãy khôi phục thay vì tạo mới)" if existing.deleted_at else ""
            errors.append(FieldError("cccd", _LABELS["cccd"],
                                     f"số {number} đã có trong hồ sơ của {existing.full_name}{hint}"))
    unit = _resolve_unit(session, data, errors)
    if errors:
        raise ValidationError(errors)
    person = Person(**values)
    person.unit_id = unit.id if unit else None
    _derive(person)
    session.add(person)
    _apply_sections(person, sections)
    _sync_salary(person, salary_fields_given=any(k in data for k in _SALARY_FIELDS))
    if "planning" in data:
        follow_planning(person, "")  # item 24's text from the planning rows unless typed (app.planning)
    if unit is not None:
        start = person.agency_join_date or person.recruitment_date or _today()
        person.placements.append(Placement(unit_id=unit.id, start_date=start))
    if flush:
        session.flush()
    elif person.id is None:
        person.id = uuid.uuid4()
    return SaveResult(person.id, tuple(warnings))


def update_person(session: Session, key: str | uuid.UUID, data: Mapping[str, Any], *,
                  expected_version: int | None = None) -> SaveResult:
    """Change the fields present in ``data``; a section present replaces that section's rows
    (rows carrying their ``id`` are updated in place, others added, missing ones removed)."""
    person = find_person(session, key)
    if expected_version is not None and person.version != expected_version:
        raise UserError(f"Hồ sơ của {person.full_name} vừa được người khác sửa; hãy mở lại để xem bản mới.")
    person = load_dossier(session, person.id)
    values, sections, unit, warnings = _check_update(session, person.cccd, _fields_of(person), data)
    planned_before = titles_text(person.planning)
    for name in data:
        if name in PERSON_FIELD_MAP:
            setattr(person, name, values[name])
    _derive(person)
    _apply_sections(person, {k: v for k, v in sections.items() if k in data})
    _sync_salary(person, salary_fields_given=any(k in data for k in _SALARY_FIELDS))
    if "planning" in data:
        follow_planning(person, planned_before)  # item 24's text from the rows unless typed (app.planning)
    if unit is not None and unit.id != person.unit_id:
        move_to_unit(person, unit, _today())
    session.flush()
    return SaveResult(person.id, tuple(warnings))


def check_update(session: Session, key: str | uuid.UUID, data: Mapping[str, Any], *,
                 current: Mapping[str, Any] | None = None) -> SaveResult:
    """What ``update_person`` would answer — its ValidationError or its warnings — without changing
    anything (an import's dry run). ``current``: the person's fields as they will be by then (an
    earlier change of the same import not written), or a new person's cleaned fields when the
    person is not in the database yet (``NewPerson.values``); the CCCD is ``key`` then."""
    if current is not None and "cccd" in current and not _stored(session, current["cccd"]):
        fields, number, person_id = dict(current), current["cccd"], current.get("id")
    else:
        person = find_person(session, key)
        fields, number, person_id = _fields_of(person) | dict(current or {}), person.cccd, person.id
    _, _, _, warnings = _check_update(session, number, fields, data)
    return SaveResult(person_id, tuple(warnings))


def _stored(session: Session, number: str) -> bool:
    return session.scalar(select(Person.id).where(Person.cccd == number)) is not None


def _fields_of(person: Person) -> dict[str, Any]:
    return {spec.name: getattr(person, spec.name) for spec in PERSON_FIELDS}


def _check_update(session: Session, number_now: str, fields: Mapping[str, Any], data: Mapping[str, Any]
                  ) -> tuple[dict[str, Any], dict[str, list[dict[str, Any]]], Unit | None, list[str]]:
    """update_person's validation (no writes): raises ValidationError with every error."""
    index = catalogs.index(session)
    merged = dict(fields) | dict(data)
    values, sections, errors, warnings = _clean(session, merged, index, partial=False, changed=data)
    number = values.get("cccd")
    if number and number != number_now:
        other = session.scalars(select(Person).where(Person.cccd == number)).one_or_none()
        if other is not None:
            errors.append(FieldError("cccd", _LABELS["cccd"], f"số {number} đã có trong hồ sơ của {other.full_name}"))
    unit = _resolve_unit(session, data, errors) if ("unit_code" in data or "unit_id" in data) else None
    if errors:
        raise ValidationError(errors)
    return values, sections, unit, warnings


# --- many new people at once (an import) ------------------------------------------------------

@dataclass
class NewPerson:
    """A new dossier checked by :func:`check_new_people`, not written yet: the rows ``create_person``
    would add (the person, the salary-history row it derives, the placement), each as the
    attributes the ORM object would hold when the change log is written. ``rows`` is empty for a
    record carrying sections: that one is saved by ``create_person`` itself."""

    id: uuid.UUID
    data: Mapping[str, Any]
    values: dict[str, Any]  # the person's cleaned fields
    warnings: tuple[str, ...]
    rows: list[tuple[type, dict[str, Any]]] = field(default_factory=list)

    def section_rows(self, name: str) -> list[Any]:
        """The section rows the person will have once written (for comparing a child sheet)."""
        cls = SECTION_CLASSES[name]
        return [_Row(attrs) for kind, attrs in self.rows if kind is cls]


class _Row:
    def __init__(self, attrs: Mapping[str, Any]):
        self.__dict__.update(attrs)

    def __getattr__(self, name: str) -> Any:  # a column never set: None, as on a fresh ORM object
        return None


def check_new_people(session: Session, records: Iterable[Mapping[str, Any]]) -> list[NewPerson | ValidationError]:
    """``create_person``'s validation of many records at once, writing nothing: per record a
    :class:`NewPerson` (to hand to :func:`insert_new_people`) or the ValidationError
    ``create_person`` would raise. The CCCDs and units are looked up in one query each; a CCCD
    given twice among ``records`` is refused the second time, as ``create_person`` would."""
    records = list(records)
    index = Memo(catalogs.index(session))
    checked = [_clean(session, data, index, partial=False) for data in records]
    numbers = sorted({values["cccd"] for values, _, errors, _ in checked if values.get("cccd") and not errors})
    taken: dict[str, tuple[str, bool]] = {}
    for at in range(0, len(numbers), 500):
        stmt = select(Person.cccd, Person.full_name, Person.deleted_at).where(Person.cccd.in_(numbers[at:at + 500]))
        taken.update({number: (name, deleted is not None) for number, name, deleted in session.execute(stmt)})
    codes = sorted({str(d.get("unit_code")).strip() for d in records if d.get("unit_code")})
    units: dict[str, tuple[uuid.UUID, bool]] = {}
    for at in range(0, len(codes), 500):
        stmt = select(Unit.id, Unit.code, Unit.deleted_at).where(Unit.code.in_(codes[at:at + 500]))
        units.update({code: (uid, deleted is not None) for uid, code, deleted in session.execute(stmt)})
    today = _today()
    out: list[NewPerson | ValidationError] = []
    for data, (values, sections, errors, warnings) in zip(records, checked, strict=True):
        number = values.get("cccd")
        if number and not errors and number in taken:
            name, deleted = taken[number]
            hint = " (hồ sơ này đã bị xoá; hãy khôi phục thay vì tạo mới)" if deleted else ""
            errors.append(FieldError("cccd", _LABELS["cccd"], f"số {number} đã có trong hồ sơ của {name}{hint}"))
        unit_id: uuid.UUID | None = None
        code = data.get("unit_code")
        if code:
            found = units.get(str(code).strip())
            if found is None or found[1]:
                errors.append(FieldError("unit_code", "Đơn vị", f"không có đơn vị mã '{code}'"))
            else:
                unit_id = found[0]
        elif data.get("unit_id"):
            unit = _resolve_unit(session, data, errors)
            unit_id = unit.id if unit is not None else None
        if errors:
            out.append(ValidationError(errors))
            continue
        new = NewPerson(uuid.uuid4(), data, values, tuple(warnings))
        values["id"] = new.id
        if number:
            taken[number] = (values.get("full_name") or "", False)
        if not sections:
            new.rows = _new_rows(new.id, values, unit_id, today,
                                 salary_fields_given=any(k in data for k in _SALARY_FIELDS))
        out.append(new)
    return out


class Memo:
    """A catalog index that remembers its answers (a list repeats "Kinh", "Đại học"… on every row),
    and the grades ``_check_salary`` looked up, for one check of many records."""

    def __init__(self, index: catalogs.CatalogIndex):
        self.index = index
        self._resolved: dict[tuple[Any, ...], str | None] = {}
        self.grades: dict[tuple[Any, ...], Any] = {}  # (code, day) → (grade, its steps): _check_salary

    def resolve(self, catalog: str, value: object) -> str | None:
        key = (catalog, type(value), value)
        try:
            return self._resolved[key]
        except KeyError:
            found = self._resolved[key] = self.index.resolve(catalog, value)
            return found
        except TypeError:  # not hashable
            return self.index.resolve(catalog, value)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.index, name)


def _new_rows(person_id: uuid.UUID, values: dict[str, Any], unit_id: uuid.UUID | None, today: dt.date, *,
              salary_fields_given: bool) -> list[tuple[type, dict[str, Any]]]:
    """What create_person adds for a record without sections: the person (``_derive``), the
    salary-history row ``_sync_salary`` makes of the current salary, the first placement."""
    person = dict(values) | {"unit_id": unit_id}
    person["name_fold"] = fold(person["full_name"])
    person["sort_key"] = name_sort_key(person["full_name"])
    rows: list[tuple[type, dict[str, Any]]] = [(Person, person)]
    since = person.get("salary_since")
    if since is not None:  # _sync_salary with no salary-history rows
        rows.append((SalaryHistory, {"id": uuid.uuid4(), "start_date": since, "seq": 1,
                                     "grade_code": person.get("grade_code"), "salary_step": person.get("salary_step"),
                                     "salary_coefficient": person.get("salary_coefficient"),
                                     "salary_percent": person.get("salary_percent")}))
    if unit_id is not None:
        start = person.get("agency_join_date") or person.get("recruitment_date") or today
        rows.append((Placement, {"id": uuid.uuid4(), "unit_id": unit_id, "start_date": start}))
    return rows


def insert_new_people(session: Session, people: Iterable[NewPerson]) -> None:
    """Write checked new people: one multi-row INSERT per table and the change log's ``create``
    entries in bulk, with the same content the flush hook writes for ``create_person`` (search
    index by the database's triggers). A record with sections goes through ``create_person``."""
    from app import audit

    session.flush()  # whatever the session holds goes first, as a flush would order it
    by_table: dict[type, list[dict[str, Any]]] = {}
    entries: list[tuple[type, dict[str, Any], uuid.UUID]] = []
    now = utcnow()
    for new in people:
        if not new.rows:
            create_person(session, new.data)
            continue
        for cls, attrs in new.rows:
            attrs = dict(attrs)
            if cls is not Person:
                attrs["person_id"] = new.id
            by_table.setdefault(cls, []).append(_insert_values(cls, attrs, now))
            entries.append((cls, {k: v for k, v in attrs.items() if k != "person_id"} if cls is not Person else attrs,
                            new.id))
    conn = session.connection()
    for cls in (Person, SalaryHistory, Placement):
        audit.bulk_insert(conn, cls.__table__, by_table.get(cls, ()))
    audit.log_created(session, entries, now)


def _insert_values(cls: type, attrs: Mapping[str, Any], now: dt.datetime) -> dict[str, Any]:
    """The row as the ORM would insert it, by column: the values given (a None is no value), each
    column with a default and no value taking its default; ``version`` 1 and ``updated_at`` as
    the flush hook sets them. A column missing from the dict is NULL (``audit.bulk_insert``)."""
    out = {k: v for k, v in attrs.items() if v is not None}
    for key, default in _defaults(cls):
        if key not in out:
            out[key] = default.arg if default.is_scalar else default.arg(None)
    out["version"], out["updated_at"] = 1, now
    return out


@functools.cache
def _defaults(cls: type) -> tuple[tuple[str, Any], ...]:
    props = inspect(cls).column_attrs
    if any(p.key != p.columns[0].key for p in props):  # the dicts are keyed by attribute = column key
        raise TypeError(f"{cls.__name__}: an attribute named unlike its column")
    return tuple((p.key, p.columns[0].default) for p in props if p.columns[0].default is not None)


def move_to_unit(person: Person, unit: Unit, on: dt.date, decision: str | None = None) -> None:
    """Close the open placement the day before ``on`` and open one in ``unit``."""
    for placement in person.placements:
        if placement.end_date is None:
            placement.end_date = max(on - dt.timedelta(days=1), placement.start_date or on)
    person.placements.append(Placement(unit_id=unit.id, start_date=on, decision=decision))
    person.unit_id = unit.id


def delete_person(session: Session, key: str | uuid.UUID) -> None:
    """Soft deletion: the dossier disappears from lists and search but can be restored."""
    find_person(session, key).deleted_at = utcnow()
    session.flush()


def restore_person(session: Session, key: str | uuid.UUID) -> None:
    person = find_person(session, key, include_deleted=True)
    person.deleted_at = None
    session.flush()


# --- internals -------------------------------------------------------------------------------

_SALARY_FIELDS = ("grade_code", "salary_step", "salary_coefficient", "salary_since", "salary_percent")


def _clean(session: Session, data: Mapping[str, Any], index: catalogs.CatalogIndex, *, partial: bool,
           changed: Mapping[str, Any] | None = None
           ) -> tuple[dict[str, Any], dict[str, list[dict[str, Any]]], list[FieldError], list[str]]:
    today = _today()
    values, errors = clean_fields(PERSON_FIELDS, data, index, today, partial=partial)
    errors += check_order(values, _PERSON_ORDER, _LABELS)
    birth = values.get("birth_date")
    if isinstance(birth, dt.date) and _age(birth, today) < MIN_AGE_YEARS:
        errors.append(FieldError("birth_date", _LABELS["birth_date"],
                                 f"người sinh ngày {birth:%d/%m/%Y} chưa đủ {MIN_AGE_YEARS} tuổi"))
    if values.get("birth_year_only") and isinstance(birth, dt.date):
        values["birth_date"] = birth.replace(month=1, day=1)
    values.setdefault("staff_type", None)
    values["staff_type"] = values["staff_type"] or "cong_chuc"
    values["status"] = values.get("status") or "working"
    warnings = [f"Số CCCD: {w}" for w in cccd.mismatches(values.get("cccd") or "", birth, values.get("sex"))]
    salary_errors, salary_warnings = _check_salary(session, values, today, getattr(index, "grades", None))
    errors += salary_errors
    warnings += salary_warnings
    sections: dict[str, list[dict[str, Any]]] = {}
    for name in SECTIONS:
        if name in data and (changed is None or name in changed):
            sections[name] = _clean_rows(name, data[name], index, today, errors)
    if changed is not None:  # report only on what the user touched, or what is now wrong
        errors = [e for e in errors if _touched(e.field, changed)]
    return values, sections, errors, warnings


def _touched(field_name: str, changed: Mapping[str, Any]) -> bool:
    root = field_name.split("[", 1)[0].split(".", 1)[0]
    return root in changed or root in ("birth_date", "cccd", "salary_step", "grade_code")


def _age(birth: dt.date, on: dt.date) -> int:
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def _check_salary(session: Session, values: dict[str, Any], today: dt.date,
                  memo: dict[tuple[Any, ...], Any] | None = None) -> tuple[list[FieldError], list[str]]:
    code, step = values.get("grade_code"), values.get("salary_step")
    if not code:
        return [], []
    on = values.get("salary_since") or today
    if memo is None or (code, on) not in memo:
        grade = catalogs.grade(session, code, on)
        steps = catalogs.scale_steps(session, grade.salary_scale, grade.salary_class) if grade is not None else []
        if memo is not None:
            memo[code, on] = grade, steps
    else:
        grade, steps = memo[code, on]
    if grade is None:
        return [FieldError("grade_code", _LABELS["grade_code"], f"mã ngạch '{code}' không có trong danh mục")], []
    values["grade_list_version"] = grade.list_version
    if step is None or not steps:
        return [], []
    if step > len(steps):
        return [FieldError("salary_step", _LABELS["salary_step"],
                           f"bậc {step} vượt quá bậc cao nhất ({len(steps)}) của ngạch {code} "
                           f"(loại {grade.salary_class})")], []
    expected = steps[step - 1].coefficient
    coefficient = values.get("salary_coefficient")
    if coefficient is None:
        values["salary_coefficient"] = expected
    elif coefficient != expected:
        return [], [f"Hệ số lương {coefficient} không khớp với bậc {step} của ngạch {code} ({expected})"]
    return [], []


def _clean_rows(name: str, rows: Any, index: catalogs.CatalogIndex, today: dt.date,
                errors: list[FieldError]) -> list[dict[str, Any]]:
    if not isinstance(rows, list | tuple):
        errors.append(FieldError(name, SECTION_LABELS[name], "phải là một danh sách"))
        return []
    cleaned = []
    for i, row in enumerate(rows, start=1):
        if not isinstance(row, Mapping):
            errors.append(FieldError(f"{name}[{i}]", f"{SECTION_LABELS[name]}, dòng {i}", "dữ liệu không hợp lệ"))
            continue
        prefix = f"{name}[{i}]."
        values, row_errors = clean_fields(SECTION_FIELDS[name], row, index, today, prefix=prefix)
        labels = {f.name: f"{SECTION_LABELS[name]}, dòng {i}: {f.label}" for f in SECTION_FIELDS[name]}
        row_errors = [FieldError(e.field, labels[e.field.removeprefix(prefix)], e.message) for e in row_errors]
        row_errors += check_order(values, (("start_date", "end_date", "ngày kết thúc phải sau ngày bắt đầu"),),
                                  labels, prefix)
        errors.extend(row_errors)
        if row.get("id"):
            values["id"] = _as_uuid(row["id"])
        cleaned.append(values)
    return cleaned


def _as_uuid(value: Any) -> uuid.UUID | None:
    try:
        return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))
    except ValueError:
        return None


def _resolve_unit(session: Session, data: Mapping[str, Any], errors: list[FieldError]) -> Unit | None:
    code = data.get("unit_code")
    unit_id = data.get("unit_id")
    if not code and not unit_id:
        return None
    stmt = select(Unit).where(Unit.code == str(code).strip()) if code else select(Unit).where(Unit.id == _as_uuid(unit_id))
    unit = session.scalars(stmt).one_or_none()
    if unit is None or unit.deleted_at is not None:
        errors.append(FieldError("unit_code", "Đơn vị", f"không có đơn vị mã '{code or unit_id}'"))
        return None
    return unit


def _derive(person: Person) -> None:
    person.name_fold = fold(person.full_name)
    person.sort_key = name_sort_key(person.full_name)


def _apply_sections(person: Person, sections: Mapping[str, Iterable[dict[str, Any]]]) -> None:
    for name, rows in sections.items():
        cls = SECTION_CLASSES[name]
        current = {row.id: row for row in getattr(person, name)}
        kept = []
        for seq, values in enumerate(rows, start=1):
            row_id = values.pop("id", None)
            row = current.get(row_id) if row_id else None
            if row is None:
                row = cls(**values)
            else:
                for key, value in values.items():
                    setattr(row, key, value)
            row.seq = seq
            kept.append(row)
        session = object_session(person)
        for row in current.values():
            if row not in kept and session is not None:
                session.delete(row)  # explicit, so the change log sees the removal
        setattr(person, name, kept)


def _sync_salary(person: Person, *, salary_fields_given: bool) -> None:
    """Keep the current salary fields and the latest salary-history row in agreement."""
    rows = person.salary_history
    latest = max(rows, key=lambda r: r.start_date) if rows else None
    if person.salary_since is None or (latest and not salary_fields_given and latest.start_date >= person.salary_since):
        if latest is not None:
            person.grade_code = latest.grade_code or person.grade_code
            person.salary_step = latest.salary_step
            person.salary_coefficient = latest.salary_coefficient
            person.salary_since = latest.start_date
        return
    same = next((r for r in rows if r.start_date == person.salary_since), None)
    if same is None:
        for row in rows:
            if row.end_date is None and row.start_date < person.salary_since:
                row.end_date = person.salary_since - dt.timedelta(days=1)
        same = SalaryHistory(start_date=person.salary_since, seq=len(rows) + 1)
        rows.append(same)
    same.grade_code = person.grade_code
    same.salary_step = person.salary_step
    same.salary_coefficient = person.salary_coefficient
    same.salary_percent = person.salary_percent
