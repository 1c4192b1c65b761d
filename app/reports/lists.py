"""List reports: the people a search finds (query + unit filter, ``app.search.search_statement``,
so the list is what the search shows, best match first, then in Vietnamese name order), with the
columns the user picks from :data:`COLUMNS`, as PDF or xlsx. The desktop app prints the list it
shows instead: ``person_ids`` gives the rows exactly, :data:`LISTING_KEYS` maps the person list's
columns to these, and :func:`describe_filter` says on the page which filters made the list.

PDF and xlsx alike: A4, landscape when the chosen columns do not fit upright; title, unit,
"Tính đến ngày …", search and filters; the header row repeated on every page; the total. The
PDF adds "Trang x/y"; the xlsx has its header row frozen with an autofilter, real dates shown
dd/mm/yyyy, numbers as numbers, column widths set, and prints fitted to the page's width. The
"Đơn vị" column names each unit by the shortest part of its path that no other listed unit
shares (``values.unit_labels``).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any, BinaryIO

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, LongTable, TableStyle
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import UserError
from app.fields import STAFF_TYPE_LABELS, STATUS_LABELS
from app.listing import AGE_BANDS, PersonFilter
from app.reports import document, files
from app.reports import layout as L
from app.reports import values as V
from app.rules import retirement
from app.search import search_statement
from app.text import fold
from app.units import get_unit
from models import Person, Unit

Row = Mapping[str, Any]


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    width_mm: float  # on paper; the xlsx width follows from it
    kind: str  # text | date | int | number
    value: Callable[[Row], Any]


def _name(catalog: str, field: str) -> Callable[[Row], Any]:
    return lambda r: V.catalog_name(catalog, r.get(field)) or None


def _retirement(r: Row) -> dt.date:
    return retirement.retirement_date(r["birth_date"], r["sex"], bool(r.get("birth_year_only")))


def _professional(r: Row) -> str | None:
    level = V.catalog_name("professional_level", r.get("professional_level_code"))
    major = r.get("professional_major")
    return (f"{level}, {major}" if level and major else level or major) or None


REVIEW_STATE_LABELS = {"approved": "Đã duyệt", "submitted": "Chờ duyệt", "returned": "Bị trả lại"}
_LIST: tuple[Column, ...] = (
    Column("stt", "STT", 10, "int", lambda r: r["_n"]),
    Column("ho_ten", "Họ và tên", 42, "text", lambda r: r["full_name"]),
    Column("ngay_sinh", "Ngày sinh", 22, "date", lambda r: r["birth_date"]),
    Column("gioi_tinh", "Giới tính", 14, "text", lambda r: r["sex"]),
    Column("cccd", "Số CCCD", 26, "text", lambda r: r["cccd"]),
    Column("don_vi", "Đơn vị", 50, "text", lambda r: r.get("unit_name")),
    Column("chuc_vu", "Chức vụ", 36, "text", lambda r: r.get("position")),
    Column("ngach", "Ngạch", 32, "text", lambda r: V.grade_name(r.get("grade_code"), r.get("grade_list_version")) or None),
    Column("ma_ngach", "Mã ngạch", 18, "text", lambda r: r.get("grade_code")),
    Column("bac", "Bậc", 10, "int", lambda r: r.get("salary_step")),
    Column("he_so", "Hệ số", 13, "number", lambda r: r.get("salary_coefficient")),
    Column("ngay_huong", "Ngày hưởng", 22, "date", lambda r: r.get("salary_since")),
    Column("dan_toc", "Dân tộc", 18, "text", _name("ethnicity", "ethnicity_code")),
    Column("ton_giao", "Tôn giáo", 20, "text", _name("religion", "religion_code")),
    Column("trinh_do_chuyen_mon", "Trình độ chuyên môn", 36, "text", _professional),
    Column("ly_luan_chinh_tri", "Lý luận chính trị", 22, "text", _name("political_theory", "political_theory_code")),
    Column("quan_ly_nha_nuoc", "Quản lý nhà nước", 30, "text", _name("state_management", "state_management_code")),
    Column("ngay_vao_dang", "Ngày vào Đảng", 22, "date", lambda r: r.get("party_join_date")),
    Column("ngay_nghi_huu", "Ngày nghỉ hưu", 22, "date", _retirement),
    Column("dien_thoai", "Điện thoại", 24, "text", lambda r: r.get("phone")),
    Column("loai", "Loại", 26, "text", lambda r: STAFF_TYPE_LABELS.get(r.get("staff_type") or "") or None),
    Column("tinh_trang", "Tình trạng", 28, "text", lambda r: STATUS_LABELS.get(r.get("status") or "") or None),
    Column("ma_don_vi", "Mã đơn vị", 28, "text", lambda r: r.get("unit_code")),
    Column("trang_thai_duyet", "Trạng thái duyệt", 24, "text",
           lambda r: REVIEW_STATE_LABELS.get(r.get("review_state") or "") or None),
)
COLUMNS: dict[str, Column] = {c.key: c for c in _LIST}
DEFAULT_COLUMNS = ("stt", "ho_ten", "ngay_sinh", "gioi_tinh", "don_vi", "chuc_vu", "ma_ngach", "bac", "he_so",
                   "ngay_huong")
_FIELDS = (Person.id, Person.cccd, Person.full_name, Person.birth_date, Person.sex, Person.unit_id, Person.position,
           Person.grade_code, Person.grade_list_version, Person.salary_step, Person.salary_coefficient,
           Person.salary_since, Person.ethnicity_code, Person.religion_code, Person.professional_level_code,
           Person.professional_major, Person.political_theory_code, Person.state_management_code,
           Person.party_join_date, Person.birth_year_only, Person.phone, Person.staff_type, Person.status,
           Person.review_state)
# the person list's columns (``app.listing.PersonRow`` attributes) → the report's
LISTING_KEYS = {"full_name": "ho_ten", "birth_date": "ngay_sinh", "sex": "gioi_tinh", "cccd": "cccd",
                "unit_name": "don_vi", "position": "chuc_vu", "grade_code": "ma_ngach", "salary_step": "bac",
                "salary_coefficient": "he_so", "retirement_date": "ngay_nghi_huu", "staff_type": "loai",
                "status": "tinh_trang", "party_join_date": "ngay_vao_dang", "phone": "dien_thoai",
                "unit_code": "ma_don_vi", "review_state": "trang_thai_duyet"}


def parse_columns(text: str | Sequence[str] | None) -> list[Column]:
    """Columns by key (``ho_ten``) or header (``Họ và tên``, any case and accents); default set when empty."""
    names = [p.strip() for p in (text.split(",") if isinstance(text, str) else text or ()) if p.strip()]
    if not names:
        return [COLUMNS[k] for k in DEFAULT_COLUMNS]
    by_header = {fold(c.header): c for c in _LIST}
    chosen, unknown = [], []
    for name in names:
        column = COLUMNS.get(fold(name).replace(" ", "_")) or by_header.get(fold(name))
        (chosen if column else unknown).append(column or name)
    if unknown:
        raise UserError(f"Không có cột {', '.join(map(str, unknown))}. Các cột có thể chọn: {', '.join(COLUMNS)}.")
    return chosen


def listing_columns(keys: Sequence[str]) -> list[str]:
    """The person list's column keys (report keys pass through) as report keys, STT first."""
    mapped = [LISTING_KEYS.get(k, k) for k in keys]
    return ["stt", *(k for k in mapped if k != "stt")]


def describe_filter(flt: PersonFilter) -> str:
    """The filters of the person list in words ("Giới tính: Nữ; Đảng viên"), "" when none; the
    search words and the unit are printed on their own lines."""
    parts = []
    if flt.unit_id is not None and not flt.include_subunits:
        parts.append("không gồm đơn vị trực thuộc")
    if flt.sex:
        parts.append(f"Giới tính: {flt.sex}")
    if flt.staff_type:
        parts.append(f"Loại: {STAFF_TYPE_LABELS.get(flt.staff_type, flt.staff_type)}")
    if flt.grade_code:
        parts.append(f"Mã ngạch: {flt.grade_code}")
    if flt.age_band in AGE_BANDS:
        low, high = AGE_BANDS[flt.age_band]
        ages = f"từ {low} đến {high}" if low and high else f"đến {high}" if high else f"từ {low}"
        parts.append(f"Độ tuổi: {ages} tuổi (ngày {flt.today:%d/%m/%Y})")
    if flt.party_member is not None:
        parts.append("Đảng viên" if flt.party_member else "Không là đảng viên")
    if tuple(flt.statuses) != ("working",):
        labels = [STATUS_LABELS.get(s, s) for s in flt.statuses]
        parts.append(f"Tình trạng: {', '.join(labels) if labels else 'mọi tình trạng'}")
    return "; ".join(parts)


@dataclass(frozen=True)
class ListReport:
    title: str
    unit_name: str | None
    query: str
    as_of: dt.date
    columns: tuple[Column, ...]
    rows: tuple[tuple[Any, ...], ...]  # one value per column, typed (dates, numbers)
    note: str = ""  # the filters, printed under the title


def list_report(session: Session, *, query: str = "", unit_code: str | None = None, include_subunits: bool = True,
                include_inactive: bool = False, columns: str | Sequence[str] | None = None,
                as_of: dt.date | None = None, title: str = "DANH SÁCH CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC",
                person_ids: Sequence[uuid.UUID] | None = None, note: str = "") -> ListReport:
    """The rows of the list (people still working unless ``include_inactive``). With
    ``person_ids`` the rows are exactly those people in that order (the list the desktop shows);
    ``query`` and ``unit_code`` then only label the report."""
    chosen = tuple(parse_columns(columns))
    unit_name = get_unit(session, unit_code).name if unit_code else None
    if person_ids is None:
        stmt = search_statement(session, query, limit=None, unit_code=unit_code, include_subunits=include_subunits,
                                include_inactive=include_inactive)
        assert stmt is not None  # the unit exists (checked above)
        person_ids = [row[0] for row in session.execute(stmt)]
    tree = {uid: (name, parent) for uid, name, parent in session.execute(select(Unit.id, Unit.name, Unit.parent_id))}
    codes = {uid: code for uid, code in session.execute(select(Unit.id, Unit.code))}
    records = list(_records(session, list(person_ids)))
    labels = V.unit_labels(tree, (r["unit_id"] for r in records if r["unit_id"] is not None))
    rows = []
    for n, record in enumerate(records, start=1):
        record["unit_code"], record["unit_name"] = codes.get(record["unit_id"]), labels.get(record["unit_id"])
        record["_n"] = n
        rows.append(tuple(c.value(record) for c in chosen))
    return ListReport(title, unit_name, query, as_of or dt.date.today(), chosen, tuple(rows), note)


def _records(session: Session, ids: list[Any], chunk: int = 500) -> Iterator[dict[str, Any]]:
    """The listed people's fields, in the search's order (``search_statement`` gives the ranked
    ids; the fields are read a few hundred at a time)."""
    for start in range(0, len(ids), chunk):
        part = ids[start:start + chunk]
        found = {row.id: dict(row._mapping) for row in session.execute(select(*_FIELDS).where(Person.id.in_(part)))}
        yield from (found[pid] for pid in part if pid in found)  # an id purged meanwhile is left out


# --------------------------------------------------------------------------- PDF


def _cell(value: Any, kind: str) -> str:
    if value is None:
        return ""
    if kind == "date":
        return V.day(value)
    if kind == "number":
        return V.number(value)
    return str(value)


def render_list_pdf(report: ListReport, out: Path | BinaryIO) -> int:
    widths = [c.width_mm * mm for c in report.columns]
    portrait = sum(widths) <= L.PORTRAIT_WIDTH
    pagesize = A4 if portrait else landscape(A4)
    usable = pagesize[0] - L.MARGINS[1] - L.MARGINS[3]
    widths = [w * usable / sum(widths) for w in widths]  # fill the line, keep the proportions
    st = L.styles(12, 9.5)
    centered = {i for i, c in enumerate(report.columns) if c.kind != "text" or c.key in ("gioi_tinh", "cccd")}
    header = [L.para(L.esc(c.header), st.cell_head) for c in report.columns]
    body = [[L.cell(_cell(v, c.kind), st.cell_center if i in centered else st.cell, widths[i])
             for i, (v, c) in enumerate(zip(row, report.columns, strict=True))] for row in report.rows]
    table = LongTable([header, *body], colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.5, L.GRID), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("FONTNAME", (0, 0), (-1, -1), st.cell.fontName), ("FONTSIZE", (0, 0), (-1, -1), st.cell.fontSize),
        ("LEADING", (0, 0), (-1, -1), st.cell.leading), ("LEFTPADDING", (0, 0), (-1, -1), L.PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), L.PAD), *(("ALIGN", (i, 1), (i, -1), "CENTER") for i in sorted(centered))]))
    story: list[Flowable] = [L.para(report.title, st.title)]
    if report.unit_name:
        story.append(L.para(f"<b>{L.esc(report.unit_name)}</b>", st.center))
    story += [L.para(f"<i>{L.esc(line)}</i>", st.center) for line in heading_lines(report)[1 if report.unit_name else 0:]]
    story += [L.para(f"Tổng số: {len(report.rows)} người", st.right), table]
    return document.build(out, [document.section(story)], pagesize=pagesize, title=report.title)


# --------------------------------------------------------------------------- xlsx

_FORMATS = {"date": "dd/mm/yyyy", "number": "0.00", "int": "0"}


def _xlsx_value(value: Any, kind: str) -> Any:
    if isinstance(value, Decimal):
        return float(value)
    if kind == "date" and isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return dt.datetime(value.year, value.month, value.day)
    return value


def heading_lines(report: ListReport) -> list[str]:
    """The lines under the title, the same on paper and in Excel: unit, date, search, filters."""
    lines = [report.unit_name or "", f"Tính đến ngày {report.as_of:%d/%m/%Y}",
             f"Điều kiện tìm: “{report.query}”" if report.query else "", report.note]
    return [L.nfc(x) for x in lines if x]


def render_list_xlsx(report: ListReport, out: Path | BinaryIO) -> None:
    """The list as a sheet to print: title, unit, date and filters above the header row, a
    "Tổng số" row under the list; A4 (landscape when the columns do not fit upright, as the
    PDF), the header row repeated on every printed page, fitted to the page's width."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Danh sách")
    wb.properties.title = f"{report.title} — tính đến ngày {report.as_of:%d/%m/%Y}"
    wb.properties.creator = "HoSo"
    n = len(report.columns)
    lines = heading_lines(report)
    header_row = len(lines) + 3  # title, the lines, one empty row, then the header
    ws.freeze_panes = f"A{header_row + 1}"
    for i, column in enumerate(report.columns, start=1):
        ws.column_dimensions[get_column_letter(i)].width = max(6.0, column.width_mm / 2.2)
    last = get_column_letter(n)
    ws.auto_filter.ref = f"A{header_row}:{last}{header_row + len(report.rows)}"
    ws.print_title_rows = f"{header_row}:{header_row}"
    portrait = sum(c.width_mm for c in report.columns) * mm <= L.PORTRAIT_WIDTH
    ws.page_setup.orientation = "portrait" if portrait else "landscape"
    ws.page_setup.paperSize = "9"  # A4 (Worksheet.PAPERSIZE_A4)
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True

    def across(text: str, font: Font) -> list[WriteOnlyCell]:
        """A line centred across the list's width (no merged cells in a streamed sheet)."""
        cells = [WriteOnlyCell(ws, value=text if i == 0 else None) for i in range(n)]
        for cell in cells:
            cell.alignment = Alignment(horizontal="centerContinuous")
        cells[0].font = font
        return cells

    ws.append(across(L.nfc(report.title), Font(bold=True, size=13)))
    for i, line in enumerate(lines):
        ws.append(across(line, Font(bold=i == 0 and bool(report.unit_name), italic=not (i == 0 and report.unit_name))))
    ws.append([])
    bold, wrap = Font(bold=True), Alignment(wrap_text=True, vertical="center", horizontal="center")
    ws.append([_header_cell(ws, c.header, bold, wrap) for c in report.columns])
    for row in _xlsx_rows(ws, report):
        ws.append(row)
    total = WriteOnlyCell(ws, value=f"Tổng số: {len(report.rows)} người")
    total.font = bold
    ws.append([total])
    wb.save(out if not isinstance(out, Path) else str(out))


def _header_cell(ws: Any, text: str, font: Font, alignment: Alignment) -> WriteOnlyCell:
    cell = WriteOnlyCell(ws, value=L.nfc(text))
    cell.font, cell.alignment = font, alignment
    return cell


def _xlsx_rows(ws: Any, report: ListReport) -> Iterator[list[Any]]:
    formats = [_FORMATS.get(c.kind) for c in report.columns]
    for row in report.rows:
        cells = []
        for value, column, fmt in zip(row, report.columns, formats, strict=True):
            value = _xlsx_value(value, column.kind)
            if isinstance(value, str):
                value = L.nfc(value)
            if fmt and value is not None:
                cell = WriteOnlyCell(ws, value=value)
                cell.number_format = fmt
                cells.append(cell)
            else:
                cells.append(value)
        yield cells


def render_list(report: ListReport, out: Path) -> int | None:
    """PDF or xlsx by the file's extension, written atomically (pages for a PDF, None for xlsx)."""
    files.check_target(out, (".pdf", ".xlsx"))
    data = report
    if out.suffix.lower() == ".pdf":
        return files.atomic(out, lambda target: render_list_pdf(data, target))
    return files.atomic(out, lambda target: render_list_xlsx(data, target))
