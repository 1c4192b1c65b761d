"""Child sheets ("Đào tạo", "Quá trình công tác", "Quan hệ gia đình", "Quá trình lương"…).

Each row names its person by CCCD. Decision: the rows of a sheet REPLACE that section of every
person present in the sheet (people absent from it keep theirs) — a re-import of the same file
is then a no-op and a corrected file gives exactly its rows, where appending would duplicate
every row on each import. Rows equal to a stored row keep that row (and its id and history);
an unchanged section is not written at all. A person's rows are taken together: one bad row
refuses that person's whole section (never half a list), the other people's rows still go in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from app import cccd
from app.audit import to_text
from app.errors import FieldError
from app.exchange.importer import ChildSheet, RowPreview
from app.exchange.records import PreparedRow, RowError, prepare_section
from app.fields import SECTION_FIELDS, SECTION_LABELS
from app.people import NewPerson
from app.validation import clean_fields
from models import SECTION_CLASSES, Person

if TYPE_CHECKING:
    from app.exchange.run import ImportRun

Group = list[tuple[PreparedRow, RowPreview]]


def prepare_children(run: ImportRun, only: set[str | None] | None) -> list[tuple[ChildSheet, dict[str, Group]]]:
    """Each child sheet's rows grouped by CCCD (rows without one are refused at once)."""
    out = []
    for child in run.source.children:
        columns = run.mapping.children.get(child.name) or {}
        if "cccd" not in columns.values():
            continue
        groups: dict[str, Group] = {}
        for p in prepare_section(child.sheet, child.section, child.header.data_start, columns, child.header.headers):
            number = _clean(p.record.pop("cccd", None))
            v = RowPreview(p.sheet, p.row, p.record, "skip" if p.skipped else "update", number or None,
                           errors=list(p.errors), warnings=list(p.warnings), conversions=list(p.conversions))
            if not number and not p.skipped:
                v.errors.append(RowError(p.row, "cccd", f"Trang '{p.sheet}', dòng {p.row}: thiếu Số CCCD của cán bộ",
                                         p.sheet))
            if only is None or number in only or v.action == "skip":
                groups.setdefault(number, []).append((p, v))
        out.append((child, groups))
    return out


def _clean(number: Any) -> str:
    return cccd.clean(number) if number else ""


def import_sections(run: ImportRun, children: list[tuple[ChildSheet, dict[str, Group]]]) -> list[RowPreview]:
    rows: list[RowPreview] = []
    for child, groups in children:
        for number, group in groups.items():
            active = [(p, v) for p, v in group if v.action != "skip"]
            rows += [v for _, v in group]
            if not active:
                continue
            if run.cancelled or (run.should_stop is not None and run.should_stop()):
                run.cancelled = True
                return rows
            _import_group(run, child, number, active)
            run.tick()
    return rows


def _import_group(run: ImportRun, child: ChildSheet, number: str, group: Group) -> None:
    where = f"Trang '{child.name}'"
    if not number or any(v.errors for _, v in group):
        _refuse_rest(group, where)
        return
    outcome = run.outcomes.get(number)
    if outcome == "reject":
        _refuse_all(group, where, f"hồ sơ số CCCD {number} ở trang chính bị từ chối nên không nhập")
        return
    person = run.person(number)
    if person is None:
        _refuse_all(group, where, f"không có hồ sơ nào có số CCCD {number} (trong tệp hay trong cơ sở dữ liệu)")
        return
    mapped = {t for t in (run.mapping.children.get(child.name) or {}).values() if t and t != "cccd"}
    data = _matched_rows(run, child.section, person, [v.record for _, v in group], mapped)
    if data is None:
        for _, v in group:
            v.action = "unchanged"
        run.outcomes.setdefault(number, "unchanged")
        return
    result = run.call_service(number, {child.section: data}, create=False)
    if isinstance(result, list):
        _service_errors(group, where, child.section, result)
        return
    for _, v in group:
        v.warnings += [f"{where}, dòng {v.row}: {w}" for w in result]
    if run.outcomes.get(number) in (None, "unchanged"):
        run.outcomes[number] = "update"


def _matched_rows(run: ImportRun, section: str, person: Person | NewPerson, records: list[dict[str, Any]],
                  mapped: set[str]) -> list[dict[str, Any]] | None:
    """The rows to hand the service, each carrying the id of an identical stored row when there
    is one (compared on the sheet's columns; the row keeps its other fields); None when the
    stored section already equals the file's rows, in order."""
    specs = [s for s in SECTION_FIELDS[section] if s.name in mapped]
    cls = SECTION_CLASSES[section]
    stored = person.section_rows(section) if isinstance(person, NewPerson) else list(
        run.session.scalars(select(cls).where(cls.person_id == person.id, cls.deleted_at.is_(None)).order_by(cls.seq)))
    stored_keys = [tuple(to_text(getattr(row, s.name)) for s in specs) for row in stored]
    free = dict(enumerate(stored_keys))
    data, same = [], len(records) == len(stored)
    defaults = {s.name: _default(cls, s.name) for s in specs}
    for position, record in enumerate(records):
        values, errors = clean_fields(specs, record, run.index, run.today)
        # an empty cell is written as the column's default ("professional" training)
        key = None if errors else tuple(to_text(_or(values.get(s.name), defaults[s.name])) for s in specs)
        match = next((i for i, k in free.items() if k == key), None)
        row = dict(record)
        if match is not None:
            del free[match]
            kept = stored[match]
            row = {s.name: getattr(kept, s.name) for s in SECTION_FIELDS[section]} | row | {"id": kept.id}
        same = same and match == position
        data.append(row)
    return None if same else data


def _default(cls: type, name: str) -> Any:
    column = cls.__table__.c.get(name)
    default = column.default if column is not None else None
    return default.arg if default is not None and default.is_scalar else None


def _or(value: Any, default: Any) -> Any:
    return default if value is None else value


def _refuse_rest(group: Group, where: str) -> None:
    bad = [str(v.row) for _, v in group if v.errors]
    for _, v in group:
        if not v.errors:
            rows = ", ".join(bad)
            v.errors.append(RowError(v.row, "", f"{where}, dòng {v.row}: không nhập vì dòng {rows} của cùng "
                                                "người bị lỗi (các dòng của một người được nhập cùng nhau)", v.sheet))
        v.action = "reject"


def _refuse_all(group: Group, where: str, reason: str) -> None:
    for _, v in group:
        v.errors.append(RowError(v.row, "cccd", f"{where}, dòng {v.row}: {reason}", v.sheet))
        v.action = "reject"


def _service_errors(group: Group, where: str, section: str, errors: list[FieldError]) -> None:
    for error in errors:
        position = _position(error.field, section)
        p, v = group[position - 1] if position and position <= len(group) else group[0]
        column = p.columns.get(error.field.rsplit(".", 1)[-1])
        label = error.label or SECTION_LABELS[section]
        at = f" (cột {column})" if column else ""
        v.errors.append(RowError(v.row, error.field, f"{where}, dòng {v.row}, {label}{at}: {error.message}", v.sheet))
    _refuse_rest(group, where)


def _position(field_name: str, section: str) -> int | None:
    """"training[3].start_date" → 3."""
    if not field_name.startswith(section + "["):
        return None
    try:
        return int(field_name[len(section) + 1:].split("]", 1)[0])
    except ValueError:
        return None
