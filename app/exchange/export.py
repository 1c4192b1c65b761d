"""Write the (filtered) list of people to Excel, in the columns the import reads back.

The command line's filter is the search's (``app.search.search_statement``: accent-insensitive
query, unit subtree), the order the search's (rank, Vietnamese name order). The desktop app
passes ``person_ids`` instead: exactly the list the user sees, in its order (read in chunks, so
100,000 ids never hit SQLite's limit on bound parameters). The chosen fields are read in one
streamed query (per chunk) and written with openpyxl's write-only mode, so 100,000 people take
seconds and little memory. Headers in Vietnamese, dates as real Excel dates shown dd/mm/yyyy, an
autofilter and a frozen header row.

Besides the importable columns (``app.exchange.columns``) the export knows computed ones that
the list shows: ``retirement_date`` ("Ngày nghỉ hưu", NĐ 135/2020). The import reports such a
column as unknown and ignores it, so an export still re-imports without a change.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from app.catalogs import CatalogIndex
from app.db import Database
from app.errors import UserError
from app.exchange.columns import DATE_FORMAT, export_value, header, resolve_columns, spec_of
from app.exchange.vocabulary import header_key, section_header, section_sheet_name
from app.fields import SECTION_FIELDS
from app.rules.retirement import retirement_date
from app.search import search_statement
from models import SECTION_CLASSES, Person, Unit

__all__ = ["COMPUTED_COLUMNS", "export_columns", "export_people"]

_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_WRAP = Alignment(wrap_text=True, vertical="center", horizontal="center")
_BATCH = 2000
_WIDTHS = {"full_name": 26, "cccd": 15, "unit_name": 34, "position": 24, "hometown_text": 34}
COMPUTED_COLUMNS = {"retirement_date": "Ngày nghỉ hưu"}  # written, not read back
Progress = Callable[[int, int], None]


def export_people(db: Database, path: str | Path, *, unit_code: str | None = None, query: str | None = None,
                  columns: str | Sequence[str] | None = None, sections: Sequence[str] = (),
                  person_ids: Sequence[uuid.UUID] | None = None, progress: Progress | None = None,
                  mask: Callable[[dict[str, Any]], dict[str, Any]] | None = None) -> int:
    """Write the people matching ``query`` in ``unit_code`` (and its sub-units) to ``path``;
    ``sections`` adds one sheet per section ("training", "family"…). ``person_ids`` replaces the
    query and unit: exactly those people, in that order (ids no longer present are left out).
    ``progress(done, total)`` follows the people sheet; ``mask`` rewrites each person's values
    (keyed by field name) before they are written (app.services masks sensitive fields). Returns
    how many people."""
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise UserError(f"Tệp xuất '{path.name}' phải có đuôi .xlsx.")
    if not path.parent.exists():
        raise UserError(f"Thư mục '{path.parent}' không tồn tại.")
    chosen = export_columns(columns)
    unknown = [s for s in sections if s not in SECTION_FIELDS]
    if unknown:
        raise UserError(f"Không có mục hồ sơ: {', '.join(unknown)}.")
    workbook = Workbook(write_only=True)
    with db.session() as session:
        if person_ids is None:
            stmt = search_statement(session, query or "", limit=None, unit_code=unit_code)
            if stmt is None:
                raise UserError(f"Không có đơn vị mã '{unit_code}'.")
            chosen_people: _Selection = _Matches(session, stmt.order_by(None).subquery())
        else:
            chosen_people = _Listed(session, list(dict.fromkeys(person_ids)))
        index = CatalogIndex.load(session)
        count = _people_sheet(workbook, chosen_people, chosen, index, progress, mask)
        for section in sections:
            _section_sheet(workbook, chosen_people, section, index)
    try:
        workbook.save(path)
    except OSError as exc:
        raise UserError(f"Không ghi được tệp '{path}': {exc.strerror or exc}.") from exc
    return count


def export_columns(columns: str | Sequence[str] | None) -> tuple[str, ...]:
    """``resolve_columns`` plus the computed columns (by key or header), kept where they were asked."""
    if columns is None or columns == "all":
        return resolve_columns(columns)
    items = [c.strip() for c in columns.split(",")] if isinstance(columns, str) else [str(c).strip() for c in columns]
    computed = {header_key(k): k for k in COMPUTED_COLUMNS} | {header_key(v): k for k, v in COMPUTED_COLUMNS.items()}
    plain = [i for i in items if header_key(i) not in computed]
    resolve_columns(plain)  # refuses unknown columns, all named at once
    chosen = [computed[header_key(i)] if header_key(i) in computed else resolve_columns([i])[-1] for i in items if i]
    if "cccd" not in chosen:
        chosen.insert(0, "cccd")  # as resolve_columns: the key the file is imported back by
    return tuple(dict.fromkeys(chosen))


def _header(column: str) -> str:
    return COMPUTED_COLUMNS.get(column) or header(column)


class _Selection:
    """Which people are written, in which order. ``rows(stmt)`` runs a SELECT whose first column
    is ``Person.id`` and yields its rows in the export's order."""

    total: int | None = None

    def rows(self, stmt: Select, *then: Any) -> Iterator[Any]:
        raise NotImplementedError


class _Matches(_Selection):
    """The search's matches: ranked, then in Vietnamese name order."""

    def __init__(self, session: Session, matches: Any):
        self.session, self.matches = session, matches

    def rows(self, stmt: Select, *then: Any) -> Iterator[Any]:
        m = self.matches
        ordered = stmt.join(m, m.c.id == Person.id).order_by(m.c.rank, Person.sort_key, Person.birth_date, *then)
        yield from self.session.execute(ordered).yield_per(_BATCH)


class _Listed(_Selection):
    """Exactly these ids, in this order, read a chunk at a time."""

    def __init__(self, session: Session, ids: list[uuid.UUID]):
        self.session, self.ids, self.total = session, ids, len(ids)

    def rows(self, stmt: Select, *then: Any) -> Iterator[Any]:
        for start in range(0, len(self.ids), _BATCH):
            chunk = self.ids[start:start + _BATCH]
            position = {pid: i for i, pid in enumerate(chunk)}
            found = self.session.execute(stmt.where(Person.id.in_(chunk), Person.deleted_at.is_(None))
                                         .order_by(*then)).all()
            yield from sorted(found, key=lambda row: position[row[0]])  # stable: `then` kept per person


def _start_sheet(workbook: Workbook, title: str, headers: list[str], widths: list[int]) -> Any:
    ws = workbook.create_sheet(title)
    for i, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "A2"
    cells = []
    for text in headers:
        cell = WriteOnlyCell(ws, value=text)
        cell.font, cell.fill, cell.alignment = _HEADER_FONT, _HEADER_FILL, _WRAP
        cells.append(cell)
    ws.append(cells)
    return ws


def _people_sheet(workbook: Workbook, people: _Selection, chosen: Sequence[str], index: CatalogIndex,
                  progress: Progress | None, mask: Callable[[dict[str, Any]], dict[str, Any]] | None = None) -> int:
    fields = [c for c in chosen if spec_of(c) is not None]
    stmt = (select(Person.id, *[getattr(Person, f) for f in fields], Person.birth_date, Person.sex,
                   Person.birth_year_only, Unit.code, Unit.name)
            .outerjoin(Unit, Person.unit_id == Unit.id))
    ws = _start_sheet(workbook, "Danh sách", [_header(c) for c in chosen], [_WIDTHS.get(c, 14) for c in chosen])
    specs = {c: spec_of(c) for c in chosen}
    dates = {c for c, s in specs.items() if s is not None and s.kind == "date"}
    count = 0
    for row in people.rows(stmt):
        values = dict(zip(fields, row[1:len(fields) + 1], strict=True))
        born, sex, year_only, unit_code, unit_name = row[len(fields) + 1:]
        values["retirement_date"] = retirement_date(born, sex, year_only) if born and sex else None
        if mask is not None:
            values = mask(values)
        out: list[Any] = []
        for column in chosen:
            if column == "unit":
                out.append(unit_code)
            elif column == "unit_name":
                out.append(unit_name)
            elif column == "birth_date" and year_only:
                out.append(str(values["birth_date"].year))
            elif (column in dates or column in COMPUTED_COLUMNS) and values[column] is not None:
                cell = WriteOnlyCell(ws, value=values[column])
                cell.number_format = DATE_FORMAT
                out.append(cell)
            else:
                out.append(export_value(specs[column], values[column], index))
        ws.append(out)
        count += 1
        if progress is not None and count % 200 == 0:
            progress(count, max(people.total or 0, count))
    if progress is not None:
        progress(count, count)
    ws.auto_filter.ref = f"A1:{get_column_letter(len(chosen))}{count + 1}"
    return count


def _section_sheet(workbook: Workbook, people: _Selection, section: str, index: CatalogIndex) -> None:
    cls = SECTION_CLASSES[section]
    specs = SECTION_FIELDS[section]
    headers = ["Số CCCD", "Họ và tên cán bộ", *[section_header(section, s.name) for s in specs]]
    ws = _start_sheet(workbook, section_sheet_name(section), headers, [15, 26, *[18] * len(specs)])
    stmt = (select(Person.id, Person.cccd, Person.full_name, *[getattr(cls, s.name) for s in specs])
            .join(cls, cls.person_id == Person.id)
            .where(cls.deleted_at.is_(None)))
    count = 0
    for row in people.rows(stmt, Person.id, cls.seq):
        out: list[Any] = [row[1], row[2]]
        for spec, value in zip(specs, row[3:], strict=True):
            if spec.kind == "date" and value is not None:
                cell = WriteOnlyCell(ws, value=value)
                cell.number_format = DATE_FORMAT
                out.append(cell)
            else:
                out.append(export_value(spec, value, index, f"{section}.{spec.name}"))
        ws.append(out)
        count += 1
    ws.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{count + 1}"
