"""Write the (filtered) list of people to Excel, in the columns the import reads back.

The filter is the search's (``app.search.search_statement``: accent-insensitive query, unit
subtree), the order the search's (rank, Vietnamese name order). The chosen fields are read in
one streamed query and written with openpyxl's write-only mode, so 100,000 people take seconds
and little memory. Headers in Vietnamese, dates as real Excel dates shown dd/mm/yyyy, an
autofilter and a frozen header row.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.catalogs import CatalogIndex
from app.db import Database
from app.errors import UserError
from app.exchange.columns import DATE_FORMAT, export_value, header, resolve_columns, spec_of
from app.exchange.vocabulary import section_header, section_sheet_name
from app.fields import SECTION_FIELDS
from app.search import search_statement
from models import SECTION_CLASSES, Person, Unit

__all__ = ["export_people"]

_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_WRAP = Alignment(wrap_text=True, vertical="center", horizontal="center")
_BATCH = 2000
_WIDTHS = {"full_name": 26, "cccd": 15, "unit_name": 34, "position": 24, "hometown_text": 34}


def export_people(db: Database, path: str | Path, *, unit_code: str | None = None, query: str | None = None,
                  columns: str | Sequence[str] | None = None, sections: Sequence[str] = ()) -> int:
    """Write the people matching ``query`` in ``unit_code`` (and its sub-units) to ``path``;
    ``sections`` adds one sheet per section ("training", "family"…). Returns how many people."""
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise UserError(f"Tệp xuất '{path.name}' phải có đuôi .xlsx.")
    if not path.parent.exists():
        raise UserError(f"Thư mục '{path.parent}' không tồn tại.")
    chosen = resolve_columns(columns)
    unknown = [s for s in sections if s not in SECTION_FIELDS]
    if unknown:
        raise UserError(f"Không có mục hồ sơ: {', '.join(unknown)}.")
    workbook = Workbook(write_only=True)
    with db.session() as session:
        stmt = search_statement(session, query or "", limit=None, unit_code=unit_code)
        if stmt is None:
            raise UserError(f"Không có đơn vị mã '{unit_code}'.")
        matches = stmt.order_by(None).subquery()
        index = CatalogIndex.load(session)
        count = _people_sheet(workbook, session, matches, chosen, index)
        for section in sections:
            _section_sheet(workbook, session, matches, section, index)
    try:
        workbook.save(path)
    except OSError as exc:
        raise UserError(f"Không ghi được tệp '{path}': {exc.strerror or exc}.") from exc
    return count


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


def _people_sheet(workbook: Workbook, session: Session, matches: Any, chosen: Sequence[str],
                  index: CatalogIndex) -> int:
    fields = [c for c in chosen if spec_of(c) is not None]
    query = (select(*[getattr(Person, f) for f in fields], Person.birth_year_only, Unit.code, Unit.name)
             .join(matches, matches.c.id == Person.id)
             .outerjoin(Unit, Person.unit_id == Unit.id)
             .order_by(matches.c.rank, Person.sort_key, Person.birth_date))
    ws = _start_sheet(workbook, "Danh sách", [header(c) for c in chosen],
                      [_WIDTHS.get(c, 14) for c in chosen])
    specs = {c: spec_of(c) for c in chosen}
    dates = {c for c, s in specs.items() if s is not None and s.kind == "date"}
    count = 0
    for row in session.execute(query).yield_per(_BATCH):
        values = dict(zip(fields, row[:len(fields)], strict=True))
        year_only, unit_code, unit_name = row[len(fields):]
        out: list[Any] = []
        for column in chosen:
            if column == "unit":
                out.append(unit_code)
            elif column == "unit_name":
                out.append(unit_name)
            elif column == "birth_date" and year_only:
                out.append(str(values["birth_date"].year))
            elif column in dates and values[column] is not None:
                cell = WriteOnlyCell(ws, value=values[column])
                cell.number_format = DATE_FORMAT
                out.append(cell)
            else:
                out.append(export_value(specs[column], values[column], index))
        ws.append(out)
        count += 1
    ws.auto_filter.ref = f"A1:{get_column_letter(len(chosen))}{count + 1}"
    return count


def _section_sheet(workbook: Workbook, session: Session, matches: Any, section: str, index: CatalogIndex) -> None:
    cls = SECTION_CLASSES[section]
    specs = SECTION_FIELDS[section]
    headers = ["Số CCCD", "Họ và tên cán bộ", *[section_header(section, s.name) for s in specs]]
    ws = _start_sheet(workbook, section_sheet_name(section), headers, [15, 26, *[18] * len(specs)])
    query = (select(Person.cccd, Person.full_name, *[getattr(cls, s.name) for s in specs])
             .join(cls, cls.person_id == Person.id)
             .join(matches, matches.c.id == Person.id)
             .where(cls.deleted_at.is_(None))
             .order_by(matches.c.rank, Person.sort_key, Person.birth_date, Person.id, cls.seq))
    count = 0
    for row in session.execute(query).yield_per(_BATCH):
        out: list[Any] = [row[0], row[1]]
        for spec, value in zip(specs, row[2:], strict=True):
            if spec.kind == "date" and value is not None:
                cell = WriteOnlyCell(ws, value=value)
                cell.number_format = DATE_FORMAT
                out.append(cell)
            else:
                out.append(export_value(spec, value, index, f"{section}.{spec.name}"))
        ws.append(out)
        count += 1
    ws.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{count + 1}"
