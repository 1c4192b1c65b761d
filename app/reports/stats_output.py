"""The statistics table (``app.reports.stats.StatsTable``) on paper and in Excel.

Both have the multi-level header of the official table (groups over sub-groups over the columns,
merged cells, the column labels written upwards as on the printed forms) and a numbering row.
PDF: A4 landscape, small type, the header rows repeated on every page. xlsx: real numbers; the
"Tổng số hiện có" of each row and the whole total row are formulas (``=SUM(…)``), so a clerk who
corrects a figure sees the totals follow; frozen panes under the header and right of the names.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, BinaryIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from app.reports import document, files, fonts
from app.reports import layout as L
from app.reports.stats import AGE_KEYS, StatsColumn, StatsRow, StatsTable

MARGINS = (15 * mm, 10 * mm, 15 * mm, 15 * mm)
HEADER_HEIGHTS = (22.0, 24.0, 22.0, 92.0)  # points, top level first (PDF)


def header_cells(columns: Sequence[StatsColumn]) -> tuple[int, list[tuple[int, int, int, int, str, bool]]]:
    """The merged header: depth and cells ``(row, col, last row, last col, text, is_leaf)``, columns
    counted from 0 over the data columns only."""
    depth = max(len(c.path) for c in columns)
    cells = []
    for level in range(depth):
        j = 0
        while j < len(columns):
            path = columns[j].path
            if level >= len(path):
                j += 1
                continue
            if level == len(path) - 1:  # the column's own label, down to the last header row
                cells.append((level, j, depth - 1, j, path[level], True))
                j += 1
                continue
            end = j
            while end + 1 < len(columns) and columns[end + 1].path[:level + 1] == path[:level + 1] \
                    and len(columns[end + 1].path) > level + 1:
                end += 1
            cells.append((level, j, level, end, path[level], False))
            j = end + 1
    return depth, cells


def heading_lines(table: StatsTable) -> tuple[list[str], list[str]]:
    """The report's heading: the reporting and the receiving body (left), the form code and the
    circular it comes with (right)."""
    left = [f"Đơn vị báo cáo: {table.unit_name}", f"Đơn vị nhận báo cáo: {table.receiver or '……'}"]
    right = [f"Biểu số: {table.form_code}" if table.form_code else "", f"Ban hành kèm theo {table.basis}" if table.basis else ""]
    return left, [t for t in right if t]


def _values(table: StatsTable, row: StatsRow) -> list[int | None]:
    return [row[c.key] for c in table.columns]


# --------------------------------------------------------------------------- PDF


class Upright(Flowable):
    """A header label written upwards, wrapped along the cell's height, centred."""

    def __init__(self, text: str, style: ParagraphStyle, width: float, height: float):
        super().__init__()
        self.para = Paragraph(L.nfc(L.esc(text)), style)
        self.box = (width, height)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.box

    def draw(self) -> None:
        width, height = self.box
        _, h = self.para.wrap(height, width * 3)
        self.canv.saveState()
        self.canv.rotate(90)
        self.para.drawOn(self.canv, 0, -(width + h) / 2)
        self.canv.restoreState()


def render_stats_pdf(table: StatsTable, out: Path | BinaryIO) -> int:
    size = 6.5
    st = L.styles(11, size)
    head = ParagraphStyle("stats_head", fontName=fonts.BOLD, fontSize=size, leading=size * 1.15, alignment=TA_CENTER)
    pagesize = landscape(A4)
    usable = pagesize[0] - MARGINS[1] - MARGINS[3]
    fixed = [6 * mm, 38 * mm]
    col_w = (usable - sum(fixed)) / len(table.columns)
    depth, cells = header_cells(table.columns)
    heights = list(HEADER_HEIGHTS[-depth:])
    grid: list[list[Any]] = [["" for _ in range(len(table.columns) + 2)] for _ in range(depth)]
    commands: list[tuple[Any, ...]] = [("SPAN", (0, 0), (0, depth - 1)), ("SPAN", (1, 0), (1, depth - 1))]
    grid[0][0], grid[0][1] = L.para("STT", head), L.para("Tên đơn vị", head)
    for r0, c0, r1, c1, text, leaf in cells:
        span_height = sum(heights[r0:r1 + 1]) - 4
        grid[r0][c0 + 2] = Upright(text, head, col_w - 2, span_height) if leaf else L.para(L.esc(text), head)
        if (r0, c0) != (r1, c1):
            commands.append(("SPAN", (c0 + 2, r0), (c1 + 2, r1)))
    numbers = [L.para(t, st.cell_center) for t in ("A", "B", *map(str, range(1, len(table.columns) + 1)))]
    body = [[L.para(str(i), st.cell_center), L.para(L.esc(r.label), st.cell), *_pdf_numbers(_values(table, r), st)]
            for i, r in enumerate(table.rows, start=1)]
    total = [L.para("", st.cell), L.para("<b>Tổng cộng</b>", st.cell),
             *_pdf_numbers(_values(table, table.total), st, bold=True)]
    data = [*grid, numbers, *body, total]
    pdf_table = Table(data, colWidths=fixed + [col_w] * len(table.columns), repeatRows=depth + 1,
                      rowHeights=heights + [None] * (len(data) - depth))
    pdf_table.setStyle(TableStyle([
        *commands, ("GRID", (0, 0), (-1, -1), 0.4, L.GRID), ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (-1, -1), 1),
        ("RIGHTPADDING", (0, 0), (-1, -1), 1), ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5)]))
    left, right = heading_lines(table)
    top = L.columns([[L.para(L.esc(t), st.body) for t in left], [L.para(L.esc(t), st.right) for t in right]],
                    [usable * 0.6, usable * 0.4])
    story: list[Flowable] = [
        top, L.para(table.title, st.title), L.para(f"<b>{L.esc(table.unit_name)}</b>", st.center),
        L.para(f"<i>Tính đến ngày {table.as_of:%d/%m/%Y}</i>", st.center),
        L.para("Đơn vị tính: người", st.right), pdf_table,
        L.signature_block([("<b>NGƯỜI LẬP BIỂU</b>", st.center), ("(Ký, ghi rõ họ tên)", st.center_italic)],
                          [("<i>……………, ngày …… tháng …… năm ……</i>", st.center),
                           ("<b>THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ</b>", st.center),
                           ("(Ký tên, đóng dấu)", st.center_italic)], usable, space=40)]
    return document.build(out, [document.section(story)], pagesize=pagesize, margins=MARGINS, title=table.title)


def _pdf_numbers(values: Sequence[int | None], st: L.Styles, bold: bool = False) -> list[Flowable]:
    return [L.para(("<b>%s</b>" if bold else "%s") % ("" if v is None else v), st.cell_center) for v in values]


# --------------------------------------------------------------------------- xlsx

FIRST_HEADER_ROW = 8


def render_stats_xlsx(table: StatsTable, out: Path | BinaryIO) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "Số lượng, chất lượng"
    n = len(table.columns)
    last_col = get_column_letter(n + 2)
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    center = Alignment(horizontal="center", vertical="center", wrap_text=True)
    bold = Font(name="Times New Roman", bold=True)
    left, right = heading_lines(table)
    split = get_column_letter(max(3, n - 8))
    for row, text in enumerate(left, start=1):
        ws.cell(row, 1, L.nfc(text)).font = Font(name="Times New Roman")
        ws.merge_cells(f"A{row}:{split}{row}")
    for row, text in enumerate(right, start=1):
        cell = ws.cell(row, n + 2, L.nfc(text))
        cell.font, cell.alignment = Font(name="Times New Roman", bold=row == 1), Alignment(horizontal="right")
    for row, text, font in ((3, table.title, Font(name="Times New Roman", bold=True, size=13)),
                            (4, table.unit_name, bold),
                            (5, f"Tính đến ngày {table.as_of:%d/%m/%Y}", Font(name="Times New Roman", italic=True))):
        ws.cell(row, 1, L.nfc(text)).font = font
        ws.cell(row, 1).alignment = center
        ws.merge_cells(f"A{row}:{last_col}{row}")
    ws.cell(6, n + 2, "Đơn vị tính: người").alignment = Alignment(horizontal="right")
    depth, cells = header_cells(table.columns)
    top, bottom = FIRST_HEADER_ROW, FIRST_HEADER_ROW + depth - 1
    _header(ws, 1, top, bottom, "STT", center, bold, border)
    _header(ws, 2, top, bottom, "Tên đơn vị", center, bold, border)
    for r0, c0, r1, c1, text, leaf in cells:
        _header(ws, c0 + 3, top + r0, top + r1, text, Alignment(horizontal="center", vertical="center", wrap_text=True,
                                                                 text_rotation=90 if leaf else 0), bold, border,
                last_col=c1 + 3)
    numbering = bottom + 1
    for j, text in enumerate(("A", "B", *range(1, n + 1)), start=1):
        cell = ws.cell(numbering, j, text)
        cell.alignment, cell.border, cell.font = center, border, Font(name="Times New Roman", italic=True)
    first = numbering + 1
    keys = [c.key for c in table.columns]
    ages = [get_column_letter(keys.index(k) + 3) for k in AGE_KEYS]
    for i, row in enumerate(table.rows):
        r = first + i
        _data_row(ws, r, [i + 1, L.nfc(row.label), *_values(table, row)], border)
        ws.cell(r, keys.index("tong_so") + 3, f"=SUM({ages[0]}{r}:{ages[-1]}{r})")
    last = first + len(table.rows) - 1
    total = last + 1
    _data_row(ws, total, [None, "Tổng cộng", *(f"=SUM({get_column_letter(j + 3)}{first}:{get_column_letter(j + 3)}{last})"
                                               for j in range(n))], border, font=bold)
    ws.column_dimensions["A"].width = 5
    ws.column_dimensions["B"].width = 34
    for j in range(n):
        ws.column_dimensions[get_column_letter(j + 3)].width = 6.5
    for r, height in zip(range(top, bottom + 1), (30, 30, 30, 110)[-depth:], strict=True):
        ws.row_dimensions[r].height = height
    ws.freeze_panes = f"C{first}"
    ws.print_title_rows = f"{top}:{numbering}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    wb.properties.title, wb.properties.creator = table.title, "HoSo"
    wb.save(out if not isinstance(out, Path) else str(out))


def _header(ws: Any, col: int, row0: int, row1: int, text: str, alignment: Alignment, font: Font, border: Border,
            last_col: int | None = None) -> None:
    last_col = last_col or col
    for r in range(row0, row1 + 1):
        for c in range(col, last_col + 1):
            ws.cell(r, c).border = border
    cell = ws.cell(row0, col, L.nfc(text))
    cell.alignment, cell.font = alignment, font
    if (row0, col) != (row1, last_col):
        ws.merge_cells(start_row=row0, start_column=col, end_row=row1, end_column=last_col)


def _data_row(ws: Any, r: int, values: Sequence[Any], border: Border, font: Font | None = None) -> None:
    for j, value in enumerate(values, start=1):
        cell = ws.cell(r, j, value)
        cell.border = border
        cell.alignment = Alignment(horizontal="left" if j == 2 else "center", vertical="center", wrap_text=j == 2)
        if font is not None:
            cell.font = font


def render_stats(table: StatsTable, out: Path) -> int | None:
    """PDF or xlsx by the file's extension, written atomically (pages for a PDF, None for xlsx)."""
    files.check_target(out, (".pdf", ".xlsx"))
    data = table
    if out.suffix.lower() == ".pdf":
        return files.atomic(out, lambda target: render_stats_pdf(data, target))
    return files.atomic(out, lambda target: render_stats_xlsx(data, target))
