"""Entry helpers: transfers between units, the duplicate-CCCD check while typing, and the
values most people of a unit share (to pre-fill a new dossier of that unit)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections import Counter
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import cccd as cccd_rules
from app.errors import FieldError, ValidationError
from app.people import find_person, load_dossier, move_to_unit
from app.text import nfc
from app.units import get_unit
from models import Decision, Person, Unit, WorkHistory

# Fields a unit's people usually share; a new dossier of the unit starts with their most common value.
COMMON_FIELDS = ("recruiting_agency", "staff_type", "ethnicity_code", "religion_code", "current_province",
                 "permanent_province", "general_education", "grade_code")


@dataclass(frozen=True)
class CccdOwner:
    id: uuid.UUID
    full_name: str
    birth_date: dt.date
    unit_name: str | None
    deleted: bool


def cccd_owner(session: Session, number: str, exclude: uuid.UUID | None = None) -> CccdOwner | None:
    """Who already holds this CCCD (for a warning as soon as the 12 digits are typed)."""
    digits = cccd_rules.clean(number)
    if len(digits) != 12 or not digits.isdigit():
        return None
    row = session.execute(select(Person.id, Person.full_name, Person.birth_date, Unit.name, Person.deleted_at)
                          .outerjoin(Unit, Person.unit_id == Unit.id).where(Person.cccd == digits)).first()
    if row is None or row[0] == exclude:
        return None
    return CccdOwner(row[0], row[1], row[2], row[3], row[4] is not None)


def common_values(session: Session, unit_code: str) -> dict[str, Any]:
    """The most common value of each COMMON_FIELDS among the unit's people (ties: any)."""
    unit = get_unit(session, unit_code)
    columns = [getattr(Person, f) for f in COMMON_FIELDS]
    rows = session.execute(select(*columns).where(Person.unit_id == unit.id, Person.deleted_at.is_(None))).all()
    values: dict[str, Any] = {"unit_code": unit.code}
    for i, name in enumerate(COMMON_FIELDS):
        counts = Counter(r[i] for r in rows if r[i] not in (None, ""))
        if counts:
            values[name] = counts.most_common(1)[0][0]
    values.setdefault("recruiting_agency", unit.name)
    return values


def transfer_person(session: Session, key: str | uuid.UUID, unit_code: str, on: dt.date, *,
                    decision_number: str | None = None, position: str | None = None,
                    kind: str = "transfer") -> None:
    """Move a person to another unit from ``on``: placement history, work history and a decision
    row (điều động / luân chuyển / biệt phái), all in the caller's one transaction."""
    if kind not in ("transfer", "rotation", "secondment"):
        raise ValueError(kind)
    person = load_dossier(session, find_person(session, key).id)
    unit = get_unit(session, unit_code)
    errors = []
    if unit.id == person.unit_id:
        errors.append(FieldError("unit_code", "Đơn vị chuyển đến", "người này đã ở đơn vị đó"))
    if unit.active_to is not None and unit.active_to <= on:
        errors.append(FieldError("unit_code", "Đơn vị chuyển đến", f"đơn vị {unit.name} đã giải thể"))
    if on > dt.date.today() + dt.timedelta(days=366) or on < person.birth_date:
        errors.append(FieldError("on", "Ngày chuyển", f"ngày {on:%d/%m/%Y} không hợp lệ"))
    if errors:
        raise ValidationError(errors)
    position = nfc(position) or person.position
    for row in person.work_history:
        if row.end_date is None and (row.start_date is None or row.start_date < on):
            row.end_date = on - dt.timedelta(days=1)
    person.work_history.append(WorkHistory(start_date=on, unit_name=unit.name, position=position,
                                           seq=len(person.work_history) + 1))
    person.decisions.append(Decision(kind=kind, decision_number=nfc(decision_number) or None, effective_date=on,
                                     unit_name=unit.name, position=position, seq=len(person.decisions) + 1))
    if position != person.position:
        person.position = position
    move_to_unit(person, unit, on, nfc(decision_number) or None)
    session.flush()
