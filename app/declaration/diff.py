"""What a returned declaration would change: issued vs current vs declared, field by field and row
by row, with the problems marked as the import preview marks them.

The rule that keeps a returned file from overwriting anything silently: a value the official did
not change (declared == issued) is never proposed, whatever happened to the dossier since; a
value they changed is proposed when it differs from the dossier's current value, and marked a
*conflict* when the dossier changed that value (or row) since the file was issued (three-way:
issued, current, declared). "Accept all" leaves conflicts out; the clerk names them to take them.
A second return of the same file proposes nothing: what was accepted is now current.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from app import cccd as cccd_rules
from app.declaration import form
from app.declaration.read import Returned, ReturnedRow
from app.fields import PERSON_FIELD_MAP, SECTION_FIELDS, FieldSpec
from app.validation import check_order, clean_value, parse_date

_PERSON_ORDER = (
    ("birth_date", "cccd_issue_date", "ngày cấp CCCD phải sau ngày sinh"),
    ("birth_date", "recruitment_date", "ngày tuyển dụng phải sau ngày sinh"),
    ("party_join_date", "party_official_date", "ngày chính thức phải sau ngày vào Đảng"),
    ("enlistment_date", "discharge_date", "ngày xuất ngũ phải sau ngày nhập ngũ"),
    ("recruitment_date", "agency_join_date", "ngày vào cơ quan không thể trước ngày tuyển dụng"),
)


@dataclass(frozen=True)
class Change:
    key: str  # "phone", "family[5].full_name" (an edited cell), "family[9]" (a row added or removed)
    section: str  # "person" or a section of app.fields.SECTION_FIELDS
    field: str  # the field name ("" for a whole row)
    label: str  # Vietnamese
    action: str  # edit | add | remove
    current: str  # as people read it
    declared: str
    issued: str | None  # shown when the dossier changed since the file was issued
    conflict: bool
    row: int | None = None  # the spreadsheet's row number
    row_id: str | None = None
    value: Any = None  # canonical text (edit) or {field: canonical text} (add)

    @property
    def section_label(self) -> str:
        return form.section_label(self.section)

    def as_json(self) -> dict[str, Any]:
        return {"section": self.section, "field": self.key, "current": self.current, "declared": self.declared,
                "issued": self.issued, "label": self.label, "section_label": self.section_label,
                "action": self.action, "conflict": self.conflict, "row": self.row}


@dataclass(frozen=True)
class Problem:
    section: str
    field: str
    label: str
    message: str
    row: int | None = None

    def as_json(self) -> dict[str, Any]:
        return {"section": self.section, "field": self.field, "message": self.message, "label": self.label,
                "row": self.row}


@dataclass
class Review:
    declaration_id: str
    person_id: str
    cccd: str
    full_name: str
    issued_version: int
    current_version: int
    issued_at: dt.datetime
    declared_on: dt.date | None
    status: str
    changes: list[Change] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def stale(self) -> bool:
        return self.current_version != self.issued_version

    def as_json(self) -> dict[str, Any]:
        return {"cccd": self.cccd, "stale": self.stale, "changes": [c.as_json() for c in self.changes],
                "problems": [p.as_json() for p in self.problems], "declaration": self.declaration_id,
                "person_id": self.person_id, "full_name": self.full_name, "issued_version": self.issued_version,
                "current_version": self.current_version, "status": self.status,
                "declared_on": self.declared_on.isoformat() if self.declared_on else None}


def _clean(section: str, spec: FieldSpec, raw: Any, index: Any, today: dt.date) -> tuple[str | None, Any]:
    value = clean_value(spec, form.raw_for_clean(section, spec, raw), index, today)
    return form.canon(spec, value), value


def current_rows(person: Any, section: str, masked: set[str]) -> dict[str, dict[str, str | None]]:
    return {str(r.id): {s.name: form.canon(s, getattr(r, s.name)) for s in SECTION_FIELDS[section]
                        if s.name not in masked}
            for r in getattr(person, section) if r.deleted_at is None}


def review(declaration: Any, person: Any, returned: Returned, index: Any, today: dt.date) -> Review:
    issued = declaration.issued
    result = Review(str(declaration.id), str(person.id), person.cccd, person.full_name, declaration.issued_version,
                    person.version, declaration.issued_at, None, declaration.status)
    if returned.declared_on not in (None, ""):
        try:
            day = parse_date(returned.declared_on)
            if day > today:
                raise ValueError(f"ngày {day:%d/%m/%Y} nằm trong tương lai")
            result.declared_on = day
        except ValueError as exc:
            result.problems.append(Problem(form.PERSON, form.DECLARED_ON, form.DECLARED_ON_LABEL, str(exc), 3))
    if returned.cccd and returned.cccd != person.cccd:
        result.problems.append(Problem(form.PERSON, "cccd", PERSON_FIELD_MAP["cccd"].label,
                                       f"số CCCD trên phiếu ({returned.cccd}) khác số trong hồ sơ ({person.cccd}): "
                                       "hồ sơ đã được sửa số CCCD sau khi lập phiếu", None))
    _person(result, issued, person, returned, index, today)
    for section in SECTION_FIELDS:
        if section in returned.sections and section not in issued["hidden_sections"]:
            _section(result, section, issued, person, returned.sections[section], index, today, returned.columns)
    return result


def _person(result: Review, issued: dict[str, Any], person: Any, returned: Returned, index: Any,
            today: dt.date) -> None:
    masked = set(issued["masked"])
    merged: dict[str, Any] = {}
    touched: set[str] = set()
    for spec in form.person_specs():
        name = spec.name
        if name in masked or name in form.AGENCY_FIELDS or name not in returned.person:
            continue
        row = returned.person_rows.get(name)
        try:
            declared, value = _clean(form.PERSON, spec, returned.person[name], index, today)
        except ValueError as exc:
            result.problems.append(Problem(form.PERSON, name, spec.label, str(exc), row))
            continue
        was = issued["person"].get(name)
        if declared == was:
            continue
        current = form.canon(spec, getattr(person, name))
        touched.add(name)
        merged[name] = value
        if declared == current:
            continue
        conflict = current != was
        result.changes.append(Change(name, form.PERSON, name, spec.label, "edit",
                                     form.shown(form.PERSON, spec, current, index),
                                     form.shown(form.PERSON, spec, declared, index),
                                     form.shown(form.PERSON, spec, was, index) if conflict else None,
                                     conflict, row, None, declared))
    values = {spec.name: getattr(person, spec.name) for spec in form.person_specs()} | merged
    labels = {s.name: s.label for s in form.person_specs()}
    for error in check_order(values, _PERSON_ORDER, labels):
        if error.field in touched or any(a in touched for a, b, _ in _PERSON_ORDER if b == error.field):
            result.problems.append(Problem(form.PERSON, error.field, error.label, error.message,
                                           returned.person_rows.get(error.field)))
    if touched & {"birth_date", "sex"}:
        for message in cccd_rules.mismatches(person.cccd, values.get("birth_date"), values.get("sex")):
            name = "sex" if "giới tính" in message else "birth_date"
            result.problems.append(Problem(form.PERSON, name, PERSON_FIELD_MAP[name].label,
                                           f"mâu thuẫn với số CCCD {person.cccd}: {message}",
                                           returned.person_rows.get(name)))


def _summary(section: str, values: dict[str, str | None], index: Any) -> str:
    specs = {s.name: s for s in SECTION_FIELDS[section]}
    parts = [form.shown(section, specs[k], v, index) for k, v in values.items() if v is not None and k in specs]
    text = "; ".join(p for p in parts if p)
    return text if len(text) <= 160 else text[:157] + "…"


def _section(result: Review, section: str, issued: dict[str, Any], person: Any, rows: list[ReturnedRow],
             index: Any, today: dt.date, returned_columns: dict[str, frozenset[str]]) -> None:
    masked = set(issued["masked_columns"].get(section, ()))
    present = returned_columns.get(section)
    # a column missing from the sheet (a crafted file) is not declared, never "cleared"
    specs = [s for s in SECTION_FIELDS[section] if s.name not in masked and (present is None or s.name in present)]
    was_rows = {r["id"]: {k: v for k, v in r.items() if k != "id"} for r in issued["sections"].get(section, [])}
    now_rows = current_rows(person, section, masked)
    kept: set[str] = set()
    removed_at: dict[str, int] = {}
    label = form.section_label(section)
    for rr in rows:
        declared: dict[str, str | None] = {}
        cleaned: dict[str, Any] = {}
        bad = False
        for spec in specs:
            try:
                declared[spec.name], cleaned[spec.name] = _clean(section, spec, rr.values.get(spec.name), index, today)
            except ValueError as exc:
                blank = all(rr.values.get(s.name) in (None, "") for s in specs)
                if blank and rr.id:  # a row the official cleared: removed, not a missing value
                    declared = {}
                    bad = False
                    break
                bad = True
                result.problems.append(Problem(section, f"{section}[{rr.row}].{spec.name}",
                                               f"{label}, dòng {rr.row}: {spec.label}", str(exc), rr.row))
        if bad:
            if rr.id:
                kept.add(rr.id)  # a row with a problem is neither changed nor removed
            continue
        labels = {s.name: f"{label}, dòng {rr.row}: {s.label}" for s in specs}
        order = check_order(cleaned, (("start_date", "end_date", "ngày kết thúc phải sau ngày bắt đầu"),), labels)
        if order:
            result.problems.extend(Problem(section, f"{section}[{rr.row}].{e.field}", e.label, e.message, rr.row)
                                   for e in order)
            if rr.id:
                kept.add(rr.id)
            continue
        empty = all(v is None for v in declared.values())
        if rr.id:
            if rr.id not in was_rows:
                result.problems.append(Problem(section, f"{section}[{rr.row}]", f"{label}, dòng {rr.row}",
                                               "dòng có mã không thuộc phiếu đã lập (tệp đã bị sửa)", rr.row))
                continue
            if empty:
                removed_at[rr.id] = rr.row
                continue
            kept.add(rr.id)
            _edited(result, section, rr, declared, was_rows[rr.id], now_rows.get(rr.id), index)
        elif not empty:
            if any(all(row.get(k) == v for k, v in declared.items()) for row in now_rows.values()):
                continue  # the same row is already in the dossier (accepted from this file before)
            text = _summary(section, declared, index)
            result.changes.append(Change(f"{section}[{rr.row}]", section, "", f"{label}, dòng {rr.row} (thêm mới)",
                                         "add", "", text, None, False, rr.row, None, declared))
    for row_id, was in was_rows.items():
        if row_id in kept:
            continue
        now = now_rows.get(row_id)
        if now is None:
            continue  # already gone from the dossier
        row = removed_at.get(row_id)
        key = f"{section}[{row}]" if row else f"{section}[{row_id}]"
        conflict = now != was
        result.changes.append(Change(key, section, "", f"{label}, dòng {row or '?'} (bỏ)", "remove",
                                     _summary(section, now, index), "", _summary(section, was, index) if conflict
                                     else None, conflict, row, row_id, None))


def _edited(result: Review, section: str, rr: ReturnedRow, declared: dict[str, str | None],
            was: dict[str, str | None], now: dict[str, str | None] | None, index: Any) -> None:
    label = form.section_label(section)
    specs = {s.name: s for s in SECTION_FIELDS[section]}
    changed = [k for k, v in declared.items() if v != was.get(k)]
    if not changed:
        return
    if now is None:
        result.problems.append(Problem(section, f"{section}[{rr.row}]", f"{label}, dòng {rr.row}",
                                       "dòng này đã bị xoá khỏi hồ sơ sau khi lập phiếu; nội dung kê khai "
                                       "không được cập nhật (nếu cần, hãy thêm lại dòng)", rr.row))
        return
    for name in changed:
        if declared[name] == now.get(name):
            continue
        spec = specs[name]
        conflict = now.get(name) != was.get(name)
        result.changes.append(Change(f"{section}[{rr.row}].{name}", section, name,
                                     f"{label}, dòng {rr.row}: {spec.label}", "edit",
                                     form.shown(section, spec, now.get(name), index),
                                     form.shown(section, spec, declared[name], index),
                                     form.shown(section, spec, was.get(name), index) if conflict else None,
                                     conflict, rr.row, rr.id, declared[name]))
