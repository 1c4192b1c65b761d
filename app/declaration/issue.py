"""Writing a declaration file: one person's dossier, pre-filled, for them to check and complete.

Sheets: "Hướng dẫn" (instructions, the dossier's id and version), "Thông tin chung" (one row per
field of ``app.fields.PERSON_FIELDS``), one sheet per section of ``SECTION_FIELDS`` (a hidden first
column keeps each row's id; empty rows below for new ones), a hidden list sheet for the drop-downs
and a hidden sheet with the declaration's id and signature. Every sheet is protected: only the
input cells are unlocked; the workbook's structure is locked. Dates, numbers and text lengths are
checked in the cell (data validation); catalog and choice columns offer their lists.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from copy import copy
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.cell_range import MultiCellRange
from openpyxl.worksheet.datavalidation import DataValidation

from app.declaration import form
from app.fields import SECTION_FIELDS, FieldSpec
from app.security import sensitive

SHEET_PASSWORD = "hoso-ke-khai"  # protection against slips, not a secret: the HMAC guards the content
_OPEN = Protection(locked=False)
_INPUT = PatternFill("solid", fgColor="FFF9E5")
_BOLD = Font(bold=True)
_WRAP = Alignment(wrap_text=True, vertical="top")
_DATE_FORMAT = "DD/MM/YYYY"

INSTRUCTIONS = (
    "PHIẾU TỰ KÊ KHAI, CẬP NHẬT HỒ SƠ CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC",
    "(Nghị định 27/2026/NĐ-CP, Điều 19: cá nhân tự kê khai lần đầu trong 03 ngày làm việc kể từ khi hồ sơ "
    "điện tử được lập và cập nhật khi thông tin của mình thay đổi.)",
    "",
    "Cách kê khai:",
    "1. Phiếu đã ghi sẵn thông tin hiện có trong hồ sơ của Anh/Chị. Hãy kiểm tra từng dòng; sửa chỗ sai, "
    "ghi thêm chỗ còn thiếu vào các ô nền vàng. Các ô khác đã khoá.",
    "2. Ngày ghi theo dạng dd/mm/yyyy (ví dụ 05/09/1985). Số thập phân dùng dấu phẩy (ví dụ 2,34).",
    "3. Ô có mũi tên: chọn một giá trị trong danh sách (dân tộc, tôn giáo, tỉnh/thành phố, trình độ…).",
    "4. Mỗi trang (Quan hệ gia đình, Quá trình đào tạo, Quá trình công tác…) là một bảng: sửa dòng đã có; "
    "ghi dòng mới vào các dòng trống phía dưới; muốn bỏ một dòng thì xoá hết nội dung các ô của dòng đó.",
    "5. Ô hiện '***' là thông tin được bảo vệ, không kê khai qua phiếu này.",
    "6. Ghi ngày kê khai ở dòng đầu trang 'Thông tin chung', lưu tệp (giữ nguyên định dạng .xlsx) và gửi "
    "lại cho bộ phận tổ chức cán bộ. Không đổi tên trang, không thêm bớt cột.",
    "",
    "Bộ phận tổ chức cán bộ sẽ đối chiếu từng thông tin Anh/Chị kê khai trước khi cập nhật vào hồ sơ "
    "(kê khai sai sự thật là vi phạm kỷ luật).",
)


# --- what is issued ---------------------------------------------------------------------------------

def snapshot(person: Any, role: str) -> dict[str, Any]:
    """The values the file carries, as canonical text, masked as ``role`` sees them: masked fields
    and hidden sections are left out (the file shows them as protected)."""
    hidden = sensitive.hidden_fields(role)
    hidden_sections = sensitive.hidden_sections(role)
    hidden_columns = sensitive.hidden_section_fields(role)
    values = {spec.name: form.canon(spec, getattr(person, spec.name)) for spec in form.person_specs()
              if spec.name not in hidden}
    rows: dict[str, list[dict[str, Any]]] = {}
    for section, specs in SECTION_FIELDS.items():
        if section in hidden_sections:
            continue
        masked = hidden_columns.get(section, frozenset())
        live = sorted((r for r in getattr(person, section) if r.deleted_at is None),
                      key=lambda r: (r.seq if r.seq is not None else 0, str(r.id)))
        rows[section] = [{"id": str(r.id), **{s.name: form.canon(s, getattr(r, s.name)) for s in specs
                                              if s.name not in masked}} for r in live]
    return {"person": values, "sections": rows, "masked": sorted(hidden),
            "hidden_sections": sorted(hidden_sections),
            "masked_columns": {k: sorted(v) for k, v in hidden_columns.items()}}


def content_hash(issued: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(issued, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


# --- the workbook -----------------------------------------------------------------------------------

class _Lists:
    """The hidden sheet of drop-down lists: one column per list, a defined name for each."""

    def __init__(self, wb: Workbook) -> None:
        self.ws = wb.create_sheet(form.LISTS_SHEET)
        self.ws.sheet_state = "veryHidden"
        self.wb = wb
        self.names: dict[tuple[str, ...], str] = {}

    def ref(self, values: list[str]) -> str | None:
        values = [v for v in dict.fromkeys(values) if v]
        if not values:
            return None
        key = tuple(values)
        if key not in self.names:
            col = len(self.names) + 1
            for i, v in enumerate(values, start=1):
                self.ws.cell(row=i, column=col, value=v)
            name = f"ds_{col}"
            letter = get_column_letter(col)
            ref = f"{quote_sheetname(form.LISTS_SHEET)}!${letter}$1:${letter}${len(values)}"
            self.wb.defined_names[name] = DefinedName(name, attr_text=ref)
            self.names[key] = name
        return self.names[key]


def _validation(section: str, spec: FieldSpec, lists: _Lists, index: Any) -> DataValidation | None:
    """The in-cell check for one field (None: free text without a limit worth checking)."""
    kind = spec.kind
    label = {"date": "Ngày", "int": "Số nguyên", "decimal": "Số", "money": "Số tiền", "catalog": "Danh mục",
             "choice": "Chọn trong danh sách", "bool": "Có / Không"}.get(kind, "Chữ")
    if kind == "date":
        dv = DataValidation(type="date", operator="between", formula1="DATE(1900,1,1)",
                            formula2="DATE(2100,12,31)")
        dv.error, dv.prompt = "Hãy ghi một ngày có thật, dạng dd/mm/yyyy.", "Ngày dạng dd/mm/yyyy"
    elif kind in ("int", "decimal", "money"):
        low = spec.minimum if spec.minimum is not None else -1e15
        high = spec.maximum if spec.maximum is not None else 1e15
        fmt = (lambda v: str(int(v))) if kind == "int" or float(low).is_integer() and float(high).is_integer() \
            else str
        dv = DataValidation(type="whole" if kind == "int" else "decimal", operator="between",
                            formula1=fmt(low), formula2=fmt(high))
        dv.error = f"Hãy ghi một số{' nguyên' if kind == 'int' else ''} từ {fmt(low)} đến {fmt(high)}."
        dv.prompt = f"Số từ {fmt(low)} đến {fmt(high)}"
    elif kind == "catalog" or (kind == "text" and spec.catalog):
        name = lists.ref([e.name for e in index.entries(spec.catalog or "")])
        if name is None:
            return None
        dv = DataValidation(type="list", formula1=name, allow_blank=True)
        dv.error, dv.prompt = "Hãy chọn một giá trị trong danh sách.", "Chọn trong danh sách"
        if kind == "text":  # usual words, not codes: the list suggests, any text is accepted
            dv.showErrorMessage = False
            dv.errorStyle = "information"
    elif kind == "choice":
        name = lists.ref(form.choice_labels(section, spec))
        dv = DataValidation(type="list", formula1=name, allow_blank=True)
        dv.error, dv.prompt = "Hãy chọn một giá trị trong danh sách.", "Chọn trong danh sách"
    elif kind == "bool":
        name = lists.ref(["Có", "Không"])
        dv = DataValidation(type="list", formula1=name, allow_blank=True)
        dv.error, dv.prompt = "Hãy chọn Có hoặc Không.", "Có / Không"
    elif kind in ("text", "longtext", "name", "cccd"):
        dv = DataValidation(type="textLength", operator="lessThanOrEqual", formula1=str(spec.max_length))
        dv.error, dv.prompt = f"Tối đa {spec.max_length} ký tự.", f"Tối đa {spec.max_length} ký tự"
    else:
        return None
    dv.allow_blank = True
    dv.showErrorMessage = dv.showErrorMessage if kind == "text" and spec.catalog else True
    dv.errorTitle, dv.promptTitle = label, label
    dv.showInputMessage = True
    return dv


def _hint(spec: FieldSpec) -> str:
    return {"date": "dd/mm/yyyy", "int": "số nguyên", "decimal": "số, dấu phẩy thập phân", "money": "số tiền (đồng)",
            "catalog": "chọn trong danh sách", "choice": "chọn trong danh sách", "bool": "Có / Không",
            "longtext": "có thể ghi nhiều dòng"}.get(spec.kind, "chọn hoặc ghi" if spec.catalog else "")


def _fit_width(ws: Any, landscape: bool = True) -> None:
    """Printed on A4, all columns on one page width (a printed declaration is signed on paper)."""
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0


def _protect(ws: Any) -> None:
    ws.protection.sheet = True
    ws.protection.password = SHEET_PASSWORD
    ws.protection.formatColumns = False  # widths may be changed
    ws.protection.formatRows = False


def write_file(path: str | Path, *, declaration_id: str, person: Any, unit_name: str | None,
               issued: dict[str, Any], signature: str, issued_at: dt.datetime, index: Any) -> Path:
    """Write the declaration workbook of ``issued`` (``snapshot``) to ``path``."""
    wb = Workbook()
    info = wb.active
    info.title = form.INFO_SHEET
    lists = _Lists(wb)
    titles = form.sheet_titles()
    head = [*INSTRUCTIONS, "",
            f"Họ và tên: {person.full_name}", f"Đơn vị: {unit_name or ''}",
            f"Mã hồ sơ: {person.id}", f"Phiên bản hồ sơ khi lập phiếu: {person.version}",
            f"Mã phiếu: {declaration_id}", f"Ngày lập phiếu: {issued_at.astimezone():%d/%m/%Y}"]
    for i, line in enumerate(head, start=1):
        cell = info.cell(row=i, column=1, value=line)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if i == 1:
            cell.font = Font(bold=True, size=13)
        if len(line) > 95:  # LibreOffice does not grow a wrapped row by itself
            info.row_dimensions[i].height = 15 * (len(line) // 95 + 1)
    info.column_dimensions["A"].width = 100
    _fit_width(info)
    _protect(info)

    masked = set(issued["masked"])
    ws = wb.create_sheet(form.PERSON_SHEET)
    ws.append(["key", "Mục", "Thông tin", "Nội dung kê khai", "Cách ghi"])
    ws.append(["", "Mục", "Thông tin", "Nội dung kê khai", "Cách ghi"])
    ws.row_dimensions[1].hidden = True
    for c in ws[2]:
        c.font = _BOLD
    ws.append([form.DECLARED_ON, "", form.DECLARED_ON_LABEL, None, "dd/mm/yyyy — ngày Anh/Chị kê khai"])
    declared_on = ws.cell(row=3, column=4)
    declared_on.protection, declared_on.fill, declared_on.number_format = _OPEN, _INPUT, _DATE_FORMAT
    checks: dict[tuple[Any, ...], DataValidation] = {}
    refs: dict[int, tuple[DataValidation, list[str]]] = {}  # the cells of each rule, set once at the end
    choice_key = form.choice_path

    def check(section: str, spec: FieldSpec, ref: str) -> None:
        # one validation per distinct rule (not per field): a sheet carries a dozen, not a hundred
        key = (spec.kind, spec.catalog, spec.minimum, spec.maximum, spec.max_length,
               spec.choices and choice_key(section, spec))
        if key not in checks:
            dv = _validation(section, spec, lists, index)
            if dv is None:
                return
            checks[key] = dv
            refs[id(dv)] = (dv, [])
            ws_current[0].add_data_validation(dv)
        refs[id(checks[key])][1].append(ref)  # (DataValidation.add parses the whole range each time)

    ws_current = [ws]
    styled: dict[tuple[Any, ...], Any] = {}
    date_spec = next(s for s in form.person_specs() if s.kind == "date")
    check(form.PERSON, date_spec, "D3")
    for spec in form.person_specs():
        row = ws.max_row + 1
        item = ", ".join(f"{k} {v}".strip() for k, v in spec.forms.items())
        if spec.name in masked:
            ws.append([spec.name, item, spec.label, sensitive.MASK, "thông tin được bảo vệ"])
            continue
        text = issued["person"].get(spec.name)
        ws.append([spec.name, item, spec.label, form.cell_value(form.PERSON, spec, text, index), _hint(spec)])
        cell = ws.cell(row=row, column=4)
        agency = spec.name in form.AGENCY_FIELDS
        # the same style from the same start: copied, not rebuilt (each style attribute set is a lookup)
        key = (tuple(cell._style) if cell._style is not None else None, spec.kind, agency)
        if key in styled:
            cell._style = copy(styled[key])
        else:
            if spec.kind == "date":
                cell.number_format = _DATE_FORMAT
            if spec.kind == "longtext":
                cell.alignment = _WRAP
            if not agency:
                cell.protection, cell.fill = _OPEN, _INPUT
            styled[key] = copy(cell._style)
        if agency:
            ws.cell(row=row, column=5, value="do cơ quan quản lý ghi")
            continue
        check(form.PERSON, spec, f"D{row}")
    ws.column_dimensions["A"].hidden = True
    for letter, width in (("B", 20), ("C", 46), ("D", 48), ("E", 30)):
        ws.column_dimensions[letter].width = width
    _fit_width(ws)
    ws.freeze_panes = "D3"
    _protect(ws)

    for section, specs in SECTION_FIELDS.items():
        if section in issued["hidden_sections"]:
            continue
        ws = wb.create_sheet(titles[section])
        ws_current[0] = ws
        checks = {}
        hidden_cols = set(issued["masked_columns"].get(section, ()))
        ws.append(["id", *[s.name for s in specs]])
        ws.append(["Mã dòng", *[s.label for s in specs]])
        ws.row_dimensions[1].hidden = True
        for c in ws[2]:
            c.font, c.alignment = _BOLD, _WRAP
        rows = issued["sections"].get(section, [])
        for r in rows:
            ws.append([r["id"], *[sensitive.MASK if s.name in hidden_cols
                                  else form.cell_value(section, s, r.get(s.name), index) for s in specs]])
        last = 2 + len(rows) + form.EXTRA_ROWS
        for col, spec in enumerate(specs, start=2):
            letter = get_column_letter(col)
            ws.column_dimensions[letter].width = 40 if spec.kind == "longtext" else 18
            if spec.name in hidden_cols:
                continue
            first = ws.cell(row=3, column=col)
            first.protection, first.fill = _OPEN, _INPUT
            if spec.kind == "date":
                first.number_format = _DATE_FORMAT
            for row in range(4, last + 1):  # the same style: copied, not rebuilt (10× faster)
                ws.cell(row=row, column=col)._style = copy(first._style)
            check(section, spec, f"{letter}3:{letter}{last}")
        ws.column_dimensions["A"].hidden = True
        ws.freeze_panes = "B3"
        _fit_width(ws)
        _protect(ws)

    for dv, cells in refs.values():
        dv.sqref = MultiCellRange(" ".join(cells))

    meta = wb.create_sheet(form.META_SHEET)
    meta.sheet_state = "veryHidden"
    for key, value in (("format", form.FORMAT), ("declaration", declaration_id), ("person", str(person.id)),
                       ("cccd", person.cccd), ("version", person.version), ("issued_at", issued_at.isoformat()),
                       ("signature", signature), ("sheets", json.dumps(titles, ensure_ascii=False))):
        meta.append([key, value])
    _protect(meta)
    wb.move_sheet(form.LISTS_SHEET, offset=len(wb.sheetnames))
    wb.security = WorkbookProtection(workbookPassword=SHEET_PASSWORD, lockStructure=True)
    target = Path(path)
    wb.save(target)
    return target
