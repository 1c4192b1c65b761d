"""Units (cơ quan, đơn vị): add, rename, move, deactivate, list, and walk the tree."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.errors import FieldError, UserError, ValidationError
from app.text import fold, nfc
from models import Person, Unit

_CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._\-]{0,39}")


@dataclass(frozen=True)
class UnitRow:
    id: uuid.UUID
    code: str
    name: str
    parent_code: str | None
    parent_id: uuid.UUID | None
    kind: str | None
    active: bool
    sort_order: int


def get_unit(session: Session, code: str) -> Unit:
    unit = session.scalars(select(Unit).where(Unit.code == nfc(code))).one_or_none()
    if unit is None or unit.deleted_at is not None:
        raise UserError(f"Không có đơn vị mã '{nfc(code)}'.")
    return unit


def add_unit(session: Session, code: str, name: str, parent_code: str | None = None, *,
             kind: str | None = None, staff_quota: int | None = None, sort_order: int = 0,
             active_from: dt.date | None = None) -> Unit:
    code, name = nfc(code), nfc(name)
    errors = []
    if not _CODE.fullmatch(code):
        errors.append(FieldError("code", "Mã đơn vị", "chỉ gồm chữ cái không dấu, chữ số, '.', '-', '_' "
                                 "(tối đa 40 ký tự), không được để trống"))
    elif session.scalar(select(func.count()).where(Unit.code == code)):
        errors.append(FieldError("code", "Mã đơn vị", f"mã '{code}' đã được dùng"))
    if not name:
        errors.append(FieldError("name", "Tên đơn vị", "không được để trống"))
    elif len(name) > 200:
        errors.append(FieldError("name", "Tên đơn vị", "dài quá 200 ký tự"))
    parent = None
    if parent_code:
        parent = session.scalars(select(Unit).where(Unit.code == nfc(parent_code))).one_or_none()
        if parent is None:
            errors.append(FieldError("parent", "Đơn vị cấp trên", f"không có đơn vị mã '{nfc(parent_code)}'"))
    if errors:
        raise ValidationError(errors)
    unit = Unit(code=code, name=name, name_fold=fold(name), parent_id=parent.id if parent else None,
                kind=kind, staff_quota=staff_quota, sort_order=sort_order, active_from=active_from)
    session.add(unit)
    session.flush()
    return unit


def rename_unit(session: Session, code: str, new_name: str) -> Unit:
    unit = get_unit(session, code)
    name = nfc(new_name)
    if not name:
        raise ValidationError([FieldError("name", "Tên đơn vị", "không được để trống")])
    unit.name, unit.name_fold = name, fold(name)
    session.flush()
    return unit


def move_unit(session: Session, code: str, new_parent_code: str | None) -> Unit:
    unit = get_unit(session, code)
    parent = get_unit(session, new_parent_code) if new_parent_code else None
    if parent is not None and parent.id in subtree_ids(session, unit.id):
        raise ValidationError([FieldError("parent", "Đơn vị cấp trên",
                                          f"không thể chuyển '{unit.name}' vào đơn vị con của chính nó")])
    unit.parent_id = parent.id if parent else None
    session.flush()
    return unit


def deactivate_unit(session: Session, code: str, on: dt.date) -> Unit:
    """Mark a unit (and nothing else) as dissolved from ``on``; refused while people work there."""
    unit = get_unit(session, code)
    working = session.scalar(select(func.count()).select_from(Person).where(
        Person.unit_id.in_(subtree_ids(session, unit.id)), Person.status == "working",
        Person.deleted_at.is_(None)))
    if working:
        raise UserError(f"Đơn vị '{unit.name}' còn {working} người đang công tác; hãy chuyển họ trước.")
    unit.active_to = on
    session.flush()
    return unit


def list_units(session: Session, *, include_inactive: bool = True) -> list[UnitRow]:
    """All units, parents before children, siblings by their order then name."""
    table = Unit.__table__  # Core rows: the ORM's row machinery costs the first window more than the query
    parent_table = table.alias("parent")
    unit, parent = table.c, parent_table.c
    stmt = (select(unit.id, unit.code, unit.name, parent.code, unit.parent_id, unit.kind, unit.active_to,
                   unit.sort_order, unit.name_fold)
            .outerjoin(parent_table, unit.parent_id == parent.id).where(unit.deleted_at.is_(None)))
    rows, folds = [], {}
    for uid, code, name, pcode, pid, kind, active_to, order, name_fold in session.execute(stmt):
        rows.append(UnitRow(uid, code, name, pcode, pid, kind, active_to is None, order))
        folds[uid] = name_fold
    if not include_inactive:
        rows = [r for r in rows if r.active]
    return _tree_order(rows, folds)


def _tree_order(rows: list[UnitRow], folds: dict[uuid.UUID, str] | None = None) -> list[UnitRow]:
    """Parents before children, siblings by their order then folded name: the stored ``name_fold``
    (kept by every write of a unit's name) when given — folding 500 names again costs the first
    window more than reading them (start-up, issue 17)."""
    folds = folds or {}
    children: dict[uuid.UUID | None, list[UnitRow]] = {}
    ids = {r.id for r in rows}
    for row in rows:
        children.setdefault(row.parent_id if row.parent_id in ids else None, []).append(row)
    ordered: list[UnitRow] = []

    def walk(parent: uuid.UUID | None) -> None:
        for row in sorted(children.get(parent, []), key=lambda r: (r.sort_order, folds.get(r.id) or fold(r.name))):
            ordered.append(row)
            walk(row.id)

    walk(None)
    return ordered


def subtree_ids(session: Session, unit_id: uuid.UUID) -> list[uuid.UUID]:
    """The unit and every unit below it (one query for the whole tree)."""
    pairs = session.execute(select(Unit.id, Unit.parent_id)).all()
    children: dict[uuid.UUID, list[uuid.UUID]] = {}
    for uid, pid in pairs:
        if pid is not None:
            children.setdefault(pid, []).append(uid)
    result, stack = [], [unit_id]
    while stack:
        current = stack.pop()
        result.append(current)
        stack.extend(children.get(current, []))
    return result
