"""The result report of an import and the blank import template (.xlsx).

The report is the file the clerk sent, row for row (same row numbers, so "dòng 7" in a message
is row 7 here), with legacy text shown in Unicode and three columns added on the right:
"Kết quả" (Đã thêm / Đã cập nhật / Không thay đổi / Bị từ chối / Bỏ qua), "Lỗi" and "Ghi chú
nhập". Refused rows are shaded. The importer ignores those three columns, so the clerk can
fix the refused rows in the report and import it again: the rows already saved are unchanged.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from app.errors import UserError
from app.exchange import legacy
from app.exchange.columns import DATE_FORMAT, TEMPLATE_SECTIONS, all_columns, header, note, spec_of
from app.exchange.importer import ImportResult, ImportSource, RowPreview
from app.exchange.reader import Sheet
from app.exchange.records import ENCODING_NAMES
from app.exchange.vocabulary import choice_label, section_header, section_sheet_name
from app.fields import SECTION_FIELDS

__all__ = ["write_result_report", "write_template"]

STATUS = {"create": "Đã thêm", "update": "Đã cập nhật", "unchanged": "Không thay đổi", "reject": "Bị từ chối",
          "skip": "Bỏ qua"}
DRY_STATUS = {"create": "Sẽ thêm", "update": "Sẽ cập nhật"}
_BAD = PatternFill("solid", fgColor="F8CBAD")
_GOOD = PatternFill("solid", fgColor="E2EFDA")
_HEAD = PatternFill("solid", fgColor="DDEBF7")
_BOLD = Font(bold=True)
_WRAP = Alignment(wrap_text=True, vertical="top")
_CENTER = Alignment(wrap_text=True, vertical="center", horizontal="center")
TEMPLATE_ROWS = 1000  # rows the template's validations and formats cover


def _save(workbook: Workbook, path: str | Path) -> None:
    path = Path(path)
    if not path.parent.exists():
        raise UserError(f"Thư mục '{path.parent}' không tồn tại.")
    try:
        workbook.save(path)
    except OSError as exc:
        raise UserError(f"Không ghi được tệp '{path}': {exc.strerror or exc}.") from exc


# --- result report -----------------------------------------------------------------------------

def write_result_report(source: ImportSource, result: ImportResult, path: str | Path) -> None:
    workbook = Workbook()
    workbook.remove(workbook.active)
    by_sheet: dict[str, dict[int, RowPreview]] = {}
    for row in result.rows:
        by_sheet.setdefault(row.sheet, {})[row.row] = row
    sheets = [(source.sheet, source.header.row, source.header.height)]
    sheets += [(c.sheet, c.header.row, c.header.height) for c in source.children]
    for sheet, header_row, height in sheets:
        _report_sheet(workbook, sheet, header_row, height, by_sheet.get(sheet.name, {}), result.dry_run)
    _summary_sheet(workbook, source, result)
    _save(workbook, path)


def _report_sheet(workbook: Workbook, sheet: Sheet, header_row: int, height: int,
                  outcomes: dict[int, RowPreview], dry_run: bool) -> None:
    ws = workbook.create_sheet(re.sub(r"[\[\]:*?/\\]", "-", sheet.name)[:31] or "Danh sách")
    converted = {(c.row, c.column): c.converted for v in outcomes.values() for c in v.conversions}
    width = sheet.width
    for r, row in enumerate(sheet.rows, start=1):
        for c, cell in enumerate(row, start=1):
            if cell.value is None:
                continue
            value = converted.get((r, get_column_letter(c)), cell.value)
            if isinstance(value, str) and (r, get_column_letter(c)) not in converted:
                value = legacy.convert(value, cell.font_name)[0] if legacy.font_encoding(cell.font_name)[0] else value
            target = ws.cell(r, c, value)
            if isinstance(value, dt.date | dt.datetime):
                target.number_format = DATE_FORMAT
    for r0, c0, r1, c1 in sheet.merged:
        ws.merge_cells(start_row=r0 + 1, start_column=c0 + 1, end_row=r1 + 1, end_column=c1 + 1)
    extra = {"Kết quả": width + 1, "Lỗi": width + 2, "Ghi chú nhập": width + 3}
    for title, col in extra.items():
        cell = ws.cell(header_row + 1, col, title)
        cell.font, cell.fill, cell.alignment = _BOLD, _HEAD, _CENTER
        if height == 2:
            ws.merge_cells(start_row=header_row + 1, start_column=col, end_row=header_row + 2, end_column=col)
    for number, outcome in outcomes.items():
        status = (DRY_STATUS.get(outcome.action) if dry_run else None) or STATUS[outcome.action]
        ws.cell(number, extra["Kết quả"], status).fill = _BAD if outcome.action == "reject" else _GOOD
        if outcome.errors:
            ws.cell(number, extra["Lỗi"], "\n".join(e.message for e in outcome.errors)).alignment = _WRAP
        notes = list(outcome.warnings)
        encodings = sorted({c.encoding for c in outcome.conversions})
        if encodings:
            letters = ", ".join(sorted({c.column for c in outcome.conversions}))
            notes.append(f"Đã chuyển từ mã {', '.join(ENCODING_NAMES.get(e, e) for e in encodings)} "
                         f"sang Unicode: cột {letters}")
        if notes:
            ws.cell(number, extra["Ghi chú nhập"], "\n".join(notes)).alignment = _WRAP
    ws.column_dimensions[get_column_letter(extra["Kết quả"])].width = 16
    ws.column_dimensions[get_column_letter(extra["Lỗi"])].width = 60
    ws.column_dimensions[get_column_letter(extra["Ghi chú nhập"])].width = 50
    ws.freeze_panes = ws.cell(header_row + height + 1, 1)


def _summary_sheet(workbook: Workbook, source: ImportSource, result: ImportResult) -> None:
    ws = workbook.create_sheet("Kết quả nhập")
    ws.column_dimensions["A"].width = 30
    ws.column_dimensions["B"].width = 90
    title = "KẾT QUẢ NHẬP THỬ (không có gì được ghi)" if result.dry_run else "KẾT QUẢ NHẬP"
    ws.append([title])
    ws["A1"].font = Font(bold=True, size=13)
    lines = [("Tệp", str(source.path.name)), ("Số dòng đã đọc", result.read), ("Thêm mới", result.imported),
             ("Cập nhật", result.updated), ("Không thay đổi", result.unchanged),
             ("Bị từ chối", result.rejected), ("Bỏ qua", result.skipped)]
    for label, value in lines:
        ws.append([label, value])
    ws.append([])
    for text in source.notes:
        ws.append(["Ghi chú", text])
    for row in ws.iter_rows(min_row=2):
        row[0].font = _BOLD


# --- template ----------------------------------------------------------------------------------

def write_template(path: str | Path) -> None:
    """A blank list with every importable column, comments on how to fill each, choice lists,
    the child sheets, a "Hướng dẫn" sheet and a "Danh mục" sheet of catalog values."""
    workbook = Workbook()
    ws = workbook.active
    ws.title = "Danh sách"
    columns = all_columns()
    ws.append(["DANH SÁCH CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC"])
    ws.append(["Mỗi dòng một người, bắt đầu từ dòng 5. Bắt buộc: Số CCCD, Họ và tên, Ngày sinh, Giới tính. "
               "Rê chuột lên tiêu đề cột để xem cách ghi; xem thêm trang Hướng dẫn. Cột không dùng có thể xoá."])
    ws.append([])
    ws.append([header(c) for c in columns])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=8)
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=12)
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"].alignment = _WRAP
    ws.row_dimensions[2].height = 45
    lists = _catalog_sheet(workbook)
    for i, column in enumerate(columns, start=1):
        _template_column(ws, i, column, lists)
    ws.freeze_panes = "C5"
    for section in TEMPLATE_SECTIONS:
        _template_section(workbook, section)
    _guide_sheet(workbook, columns)
    workbook.move_sheet("Danh mục", offset=len(workbook.sheetnames))
    _save(workbook, path)


def _template_column(ws: Any, i: int, column: str, lists: dict[str, str]) -> None:
    letter = get_column_letter(i)
    cell = ws.cell(4, i)
    cell.font, cell.fill, cell.alignment = _BOLD, _HEAD, _CENTER
    text = note(column)
    if text:
        cell.comment = Comment(text, "HoSo", width=320, height=120)
    ws.column_dimensions[letter].width = 26 if column in ("full_name", "unit", "hometown_text") else 15
    spec = spec_of(column)
    area = f"{letter}5:{letter}{TEMPLATE_ROWS + 4}"
    if column in ("cccd", "phone") or (spec is not None and spec.kind == "text" and "number" in spec.name):
        ws.column_dimensions[letter].number_format = "@"  # text: Excel keeps the leading zero
    elif spec is not None and spec.kind == "date":
        ws.column_dimensions[letter].number_format = DATE_FORMAT
    if column == "sex":
        _validation(ws, '"Nam,Nữ"', area, "Giới tính", "Chọn Nam hoặc Nữ.")
    elif spec is not None and spec.kind == "choice":
        words = ",".join(choice_label(spec.name, c) or c for c in spec.choices)
        _validation(ws, f'"{words}"', area, spec.label, "Chọn trong danh sách.")
    elif spec is not None and spec.kind == "catalog" and spec.catalog in lists:
        _validation(ws, lists[spec.catalog], area, spec.label, "Chọn trong danh mục.", strict=False)


def _validation(ws: Any, formula: str, area: str, title: str, prompt: str, strict: bool = True) -> None:
    dv = DataValidation(type="list", formula1=formula, allow_blank=True, showDropDown=False,
                        showErrorMessage=strict, errorStyle="stop" if strict else "warning")
    dv.promptTitle, dv.prompt, dv.showInputMessage = title[:32], prompt, True
    dv.errorTitle, dv.error = title[:32], prompt
    dv.add(area)
    ws.add_data_validation(dv)


def _template_section(workbook: Workbook, section: str) -> None:
    ws = workbook.create_sheet(section_sheet_name(section))
    specs = SECTION_FIELDS[section]
    ws.append(["Số CCCD", "Họ và tên cán bộ", *[section_header(section, s.name) for s in specs]])
    for i in range(1, len(specs) + 3):
        cell = ws.cell(1, i)
        cell.font, cell.fill, cell.alignment = _BOLD, _HEAD, _CENTER
        ws.column_dimensions[get_column_letter(i)].width = 18
    ws["A1"].comment = Comment("Số CCCD của cán bộ (có trong trang Danh sách hoặc đã có trong HoSo). "
                               "Các dòng ở trang này thay toàn bộ mục này của người đó.", "HoSo", width=320, height=100)
    ws["B1"].comment = Comment("Chỉ để dễ đọc; không được nhập.", "HoSo")
    ws.column_dimensions["A"].number_format = "@"
    for i, spec in enumerate(specs, start=3):
        letter = get_column_letter(i)
        if spec.kind == "choice":
            words = ",".join(choice_label(f"{section}.{spec.name}", c) or c for c in spec.choices)
            _validation(ws, f'"{words}"', f"{letter}2:{letter}{TEMPLATE_ROWS + 1}", spec.label, "Chọn trong danh sách.")
        elif spec.kind == "date":
            ws.column_dimensions[letter].number_format = DATE_FORMAT
    ws.freeze_panes = "A2"


def _guide_sheet(workbook: Workbook, columns: tuple[str, ...]) -> None:
    ws = workbook.create_sheet("Hướng dẫn")
    ws.append(["Cột", "Cách ghi"])
    for cell in ws[1]:
        cell.font, cell.fill = _BOLD, _HEAD
    for column in columns:
        ws.append([header(column), note(column)])
    ws.append([])
    ws.append(["Chung", "Tiêu đề cột có thể viết hoa, không dấu, xuống dòng; có thể có dòng tiêu đề bảng và "
               "dòng trống phía trên. Chữ gõ bằng phông .VnTime (TCVN3) hoặc VNI-Times được tự chuyển sang Unicode."])
    ws.append(["Cập nhật", "Dòng có số CCCD đã có trong HoSo cập nhật hồ sơ đó: chỉ các ô khác giá trị đang lưu "
               "được ghi; ô để trống không xoá giá trị đang có."])
    ws.append(["Trang phụ", "Các trang Đào tạo, Quá trình công tác, Quan hệ gia đình, Quá trình lương: mỗi dòng "
               "ghi Số CCCD của cán bộ; các dòng thay toàn bộ mục đó của người có trong trang."])
    ws.column_dimensions["A"].width = 34
    ws.column_dimensions["B"].width = 110
    for row in ws.iter_rows(min_row=2):
        row[1].alignment = _WRAP


_LISTED = {"ethnicity": "Dân tộc", "religion": "Tôn giáo", "professional_level": "Trình độ chuyên môn",
           "political_theory": "Lý luận chính trị", "state_management": "Quản lý nhà nước",
           "province": "Tỉnh, thành phố (2025)", "academic_title": "Học hàm"}


def _catalog_sheet(workbook: Workbook) -> dict[str, str]:
    """A "Danh mục" sheet, one column per catalog (names from resources/catalogs), and the range
    of each for the choice lists."""
    import csv

    from app.resources import resource_path

    names: dict[str, list[tuple[int, str]]] = {}
    with resource_path("catalogs", "catalog_items.csv").open(encoding="utf-8-sig", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["catalog"] in _LISTED:
                names.setdefault(row["catalog"], []).append((int(row["sort_order"] or 0), row["name"]))
    ws = workbook.create_sheet("Danh mục")
    ranges = {}
    for i, (catalog, title) in enumerate(_LISTED.items(), start=1):
        values = [n for _, n in sorted(names.get(catalog, []))]
        letter = get_column_letter(i)
        ws.cell(1, i, title).font = _BOLD
        for r, value in enumerate(values, start=2):
            ws.cell(r, i, value)
        ws.column_dimensions[letter].width = 28
        if values:
            ranges[catalog] = f"'Danh mục'!${letter}$2:${letter}${len(values) + 1}"
    return ranges
