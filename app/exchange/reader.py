"""Read a spreadsheet into plain rows of ``Cell(value, font_name)``: .xlsx/.xlsm, .xls and .csv.

Why the font: an old list typed in a `.VnTime` (TCVN3) or `VNI-Times` (VNI) font only shows its
letters through that font; the importer needs the font name of each cell to repair the text
(``app.exchange.legacy``). Values come back as Python values: ``str``, ``int``, ``float``,
``bool``, ``datetime.datetime`` for real Excel dates, ``None`` for an empty cell.

The format is judged from the file's first bytes (a ``.xls`` renamed ``.xlsx`` is still read),
the extension only decides between CSV and a refusal.

CSV has no fonts, so its bytes decide (``decode_csv``): UTF-8 (with or without BOM) when the
bytes are valid UTF-8; otherwise the bytes are read as Windows-1252 — which is exactly how a
TCVN3 or VNI file looks today, so the importer's per-column legacy detection repairs it — unless
that reading shows no legacy text and the Vietnamese code page 1258 gives valid Vietnamese.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
import zipfile
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from app.errors import UserError
from app.exchange import legacy

__all__ = ["Cell", "Sheet", "decode_csv", "list_sheets", "read_sheet", "read_workbook"]

EXTENSIONS = (".xlsx", ".xlsm", ".xls", ".csv")
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]+[0-9]+):([A-Z]+[0-9]+)"')
_REF = re.compile(r"([A-Z]+)([0-9]+)")


class Cell(NamedTuple):
    """One cell. ``warning``: what the reader cleaned in it (control characters dropped); ``error``:
    why its value cannot be trusted (a formula without a stored result): the row is refused."""

    value: Any
    font_name: str | None = None
    warning: str | None = None
    error: str | None = None


@dataclass
class Sheet:
    """One sheet: ``rows[i][j]`` is spreadsheet row ``i + 1``, column ``j + 1`` (rows may be ragged).
    ``merged`` holds 0-based inclusive (first_row, first_col, last_row, last_col) ranges."""

    name: str
    rows: list[list[Cell]]
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # Vietnamese, about the whole file (its encoding)

    def cell(self, row: int, col: int) -> Cell:
        line = self.rows[row] if 0 <= row < len(self.rows) else []
        return line[col] if 0 <= col < len(line) else Cell(None)

    @property
    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)


# Characters that only hide or garble text: C0 controls (NUL, BEL, ESC…; tab and line breaks
# are spacing, kept for ``nfc`` to fold), DEL (not C1: a legacy text read byte for byte may hold it), and the bidirectional controls (the right-to-left
# override U+202E makes "Lê Văn A" display reversed). NUL used to cut the text where it stood.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_CONTROL_NAMES = {"\x00": "NUL", "\x07": "BEL", "\x08": "BS", "\x1b": "ESC", "\x7f": "DEL",
                  "\u202e": "U+202E đổi chiều chữ", "\u202d": "U+202D", "\u200f": "U+200F"}


def clean_text(text: str) -> tuple[str, str | None]:
    """``text`` without control characters, and what was dropped (Vietnamese), or None."""
    found = _CONTROLS.findall(text)
    if not found:
        return text, None
    names = ", ".join(dict.fromkeys(_CONTROL_NAMES.get(ch, f"U+{ord(ch):04X}") for ch in found))
    return _CONTROLS.sub("", text), f"đã bỏ {len(found)} ký tự điều khiển không in được ({names})"


def _cell(value: Any, font: str | None = None) -> Cell:
    """A cell with its text cleaned of control characters (said in ``warning``)."""
    if isinstance(value, str):
        value, warning = clean_text(value)
        if not value.strip():
            value = None
        return Cell(value, font, warning)
    return Cell(value, font)


def _kind(path: Path) -> str:
    if not path.exists():
        raise UserError(f"Không tìm thấy tệp '{path}'.")
    if path.is_dir():
        raise UserError(f"'{path}' là một thư mục, không phải tệp bảng tính.")
    with path.open("rb") as fh:
        head = fh.read(8)
    if head.startswith(_ZIP_MAGIC):
        return "xlsx"
    if head == _OLE_MAGIC:
        return "xls"
    if path.suffix.lower() == ".csv":
        return "csv"
    if path.suffix.lower() not in EXTENSIONS:
        raise UserError(f"Tệp '{path.name}' không phải là bảng tính (HoSo đọc .xlsx, .xls và .csv).")
    raise UserError(f"Không đọc được tệp '{path.name}': nội dung không phải bảng tính Excel "
                    "(tệp hỏng, hoặc được đặt nhầm đuôi tên).")


def list_sheets(path: str | Path) -> list[str]:
    """The sheet names, in the workbook's order (a CSV has one, named after the file)."""
    path = Path(path)
    kind = _kind(path)
    if kind == "csv":
        return [path.stem]
    if kind == "xls":
        return _open_xls(path).sheet_names()
    names = _xlsx_sheet_names(path)
    if names is not None:
        return names
    workbook = _open_xlsx(path)
    try:
        return list(workbook.sheetnames)
    finally:
        workbook.close()


def _xlsx_sheet_names(path: Path) -> list[str] | None:
    """The worksheet names from xl/workbook.xml, without loading the workbook (openpyxl's
    read-only load scans each sheet for its size). None when the file needs openpyxl to tell."""
    from xml.etree import ElementTree

    try:
        with zipfile.ZipFile(path) as archive:
            root = ElementTree.fromstring(archive.read("xl/workbook.xml"))
            types = archive.read("[Content_Types].xml")
    except (KeyError, zipfile.BadZipFile, ElementTree.ParseError, OSError):
        return None
    except (zlib.error, EOFError, NotImplementedError, RuntimeError, ValueError) as exc:
        # a damaged compressed member, an unsupported compression method or an encrypted member
        raise UserError(f"Không đọc được tệp '{path.name}': tệp bị hỏng, có mật khẩu hoặc không phải "
                        "bảng tính Excel. Hãy mở tệp bằng Excel, lưu lại dạng .xlsx rồi chọn lại.") from exc
    if b"chartsheet" in types:
        return None  # chart sheets are skipped by the reader: let openpyxl sort them out
    return [el.get("name", "") for el in root.iter() if el.tag.endswith("}sheet")]


def read_workbook(path: str | Path, names: Iterable[str] | None = None) -> list[Sheet]:
    """Every sheet (or only ``names``) with its values, font names and merged ranges."""
    path = Path(path)
    kind = _kind(path)
    wanted = set(names) if names is not None else None
    if kind == "csv":
        return [_read_csv(path)]
    if kind == "xls":
        return _read_xls(path, wanted)
    return _read_xlsx(path, wanted)


def read_sheet(path: str | Path, name: str | None = None) -> Sheet:
    """One sheet by name (the first when ``name`` is None)."""
    names = list_sheets(path)
    chosen = name if name is not None else names[0] if names else None
    if chosen not in names:
        raise UserError(f"Tệp '{Path(path).name}' không có trang '{name}' (các trang: {', '.join(names)}).")
    return read_workbook(path, [chosen])[0]


# --- xlsx ------------------------------------------------------------------------------------

def _open_xlsx(path: Path) -> Any:
    import openpyxl

    try:
        return openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged or encrypted file
        raise UserError(f"Không đọc được tệp '{path.name}': tệp bị hỏng, có mật khẩu hoặc không phải "
                        "bảng tính Excel. Hãy mở tệp bằng Excel, lưu lại dạng .xlsx rồi chọn lại.") from exc


def _read_xlsx(path: Path, wanted: set[str] | None) -> list[Sheet]:
    """The sheets of an .xlsx: by ``_read_xlsx_fast`` (one pass over each sheet's XML), or, when that
    path meets anything it does not know, through openpyxl's read-only worksheets (the same rows)."""
    try:
        return _read_xlsx_fast(path, wanted)
    except Exception:  # noqa: BLE001 - anything unusual: the general path decides (and words any error)
        return _read_xlsx_openpyxl(path, wanted)


def _read_xlsx_openpyxl(path: Path, wanted: set[str] | None) -> list[Sheet]:
    workbook = _open_xlsx(path)
    try:
        fonts = [font.name for font in workbook._fonts]  # style index → font, read once per file
        sheets = []
        for ws in workbook.worksheets:
            if wanted is not None and ws.title not in wanted:
                continue
            if not hasattr(ws, "reset_dimensions"):  # a chart sheet
                continue
            ws.reset_dimensions()  # some writers store a wrong <dimension>; read every row
            by_style: dict[int, str | None] = {}
            rows = [[_xlsx_cell(c, workbook, fonts, by_style) for c in row] for row in ws.iter_rows()]
            xml = _sheet_xml(ws)
            _mark_unevaluated(xml, rows)
            sheets.append(Sheet(ws.title, _trim(rows), _xlsx_merges(xml)))
        return sheets
    except UserError:
        raise
    except Exception as exc:
        raise UserError(f"Không đọc được tệp '{path.name}': {type(exc).__name__}: {exc}") from exc
    finally:
        workbook.close()


def _xlsx_cell(cell: Any, workbook: Any, fonts: list[str | None], by_style: dict[int, str | None]) -> Cell:
    value = getattr(cell, "value", None)
    if value is None:
        return Cell(None)
    style_id = getattr(cell, "_style_id", 0)
    try:
        font = by_style[style_id]
    except KeyError:
        try:
            font = fonts[workbook._cell_styles[style_id].fontId]
        except (IndexError, AttributeError):
            font = None
        by_style[style_id] = font
    return _cell(value, font)


_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_ROW_TAG, _C_TAG, _V_TAG, _IS_TAG = _MAIN + "row", _MAIN + "c", _MAIN + "v", _MAIN + "is"
_T_TAG, _R_TAG = _MAIN + "t", _MAIN + "r"
_COLUMN_REF = re.compile(r"\$?([A-Za-z]{1,3})\$?([0-9]+)")


class _Unusual(Exception):
    """Something ``_read_xlsx_fast`` leaves to openpyxl."""


def _read_xlsx_fast(path: Path, wanted: set[str] | None) -> list[Sheet]:
    """``_read_xlsx_openpyxl``'s sheets, cell for cell, without building openpyxl's cell objects:
    the workbook's parts (shared strings, styles, date formats, epoch, sheet list) are read by
    openpyxl's own reader, each worksheet's XML once, by one ``iterparse`` — openpyxl's read-only
    worksheet parses it twice (its size, then its cells) and builds an object per cell and per
    inline string. The values follow openpyxl's ``WorkSheetParser.parse_cell`` (``data_only``) and
    the rows its ``ReadOnlyWorksheet._cells_by_row``; anything else raises ``_Unusual``."""
    from openpyxl.reader.excel import ExcelReader
    from openpyxl.styles.stylesheet import apply_stylesheet

    reader = ExcelReader(path, read_only=True, data_only=True)
    try:
        reader.read_manifest()
        reader.read_strings()
        reader.read_workbook()
        reader.read_properties()
        reader.read_custom()
        reader.read_theme()
        apply_stylesheet(reader.archive, reader.wb)
        workbook = reader.wb
        fonts = [font.name for font in workbook._fonts]
        sheets = []
        for sheet, rel in reader.parser.find_sheets():
            if rel.target not in reader.valid_files or "chartsheet" in rel.Type:
                continue
            if wanted is not None and sheet.name not in wanted:
                continue
            xml = reader.archive.read(rel.target)
            rows = _fast_rows(xml, reader.shared_strings, workbook, fonts)
            _mark_unevaluated(xml, rows)
            sheets.append(Sheet(sheet.name, _trim(rows), _xlsx_merges(xml)))
        return sheets
    finally:
        reader.archive.close()


def _fast_rows(xml: bytes, shared: Any, workbook: Any, fonts: list[str | None]) -> list[list[Cell]]:
    from xml.etree.ElementTree import iterparse

    from openpyxl.utils.datetime import from_excel, from_ISO8601

    dates, durations, epoch = workbook._date_formats, workbook._timedelta_formats, workbook.epoch
    styles = workbook._cell_styles
    by_style: dict[int, str | None] = {}
    empty = Cell(None)
    rows: list[list[Cell]] = []
    row_number = 0
    letter_columns: dict[str, int] = {}  # "A" → 1, "AB" → 28: learnt from the first cells
    for _event, element in iterparse(io.BytesIO(xml)):
        if element.tag != _ROW_TAG:
            continue
        number = element.get("r")
        if number is None:
            row_number += 1
        else:
            try:
                row_number = int(number)
            except ValueError:
                raise _Unusual(number) from None
        while len(rows) < row_number - 1:  # rows missing from the file: empty
            rows.append([])
        cells: list[tuple[int, Cell]] = []
        column = 0
        digits = str(row_number)
        for c in element:
            if c.tag != _C_TAG:
                raise _Unusual(c.tag)
            ref = c.get("r")
            if ref is None:
                column += 1
            else:
                letters = ref.rstrip("0123456789")
                column = letter_columns.get(letters, 0)
                if not column or ref[len(letters):] != digits:
                    found = _COLUMN_REF.fullmatch(ref)
                    if found is None or int(found.group(2)) != row_number:
                        raise _Unusual(ref)
                    column = 0
                    for ch in found.group(1).upper():
                        column = column * 26 + ord(ch) - 64
                    if letters.isalpha() and letters.isupper():
                        letter_columns[letters] = column
            kind = c.get("t", "n")
            style = c.get("s")
            style_id = int(style) if style else 0
            if kind == "inlineStr":
                value: Any = None
                inline = c.find(_IS_TAG)
                if inline is not None:
                    if len(inline) == 1 and inline[0].tag == _T_TAG and not inline.attrib:
                        value = inline[0].text or ""  # one plain <t>: the usual inline string
                    else:
                        value = _inline_text(inline)
            else:
                value = c.findtext(_V_TAG) or None
                if value is not None:
                    if kind == "n":
                        value = float(value) if "." in value or "E" in value or "e" in value else int(value)
                        if style_id in dates:
                            try:
                                value = from_excel(value, epoch, timedelta=style_id in durations)
                            except (OverflowError, ValueError):
                                value = "#VALUE!"
                    elif kind == "s":
                        value = shared[int(value)]
                    elif kind == "b":
                        value = bool(int(value))
                    elif kind == "d":
                        value = from_ISO8601(value)
                    elif kind not in ("str", "e"):
                        raise _Unusual(kind)
            if value is None:
                cells.append((column, empty))
                continue
            try:
                font = by_style[style_id]
            except KeyError:
                try:
                    font = fonts[styles[style_id].fontId]
                except (IndexError, AttributeError):
                    font = None
                by_style[style_id] = font
            if type(value) is str and _CONTROLS.search(value) is None and not value.isspace() and value:
                cells.append((column, Cell(value, font)))  # _cell's answer for a clean text
            else:
                cells.append((column, _cell(value, font)))
        element.clear()
        if len(rows) >= row_number:  # a row number going back: openpyxl skips the row
            continue
        if not cells:
            rows.append([])
            continue
        width = cells[-1][0]
        line = [empty] * width
        for col, cell in cells:
            if 1 <= col <= width:
                line[col - 1] = cell
        rows.append(line)
    return rows


def _inline_text(inline: Any) -> str:
    """openpyxl's ``Text.from_tree(<is>).content``: the last plain ``<t>``, then each run's last ``<t>``."""
    if inline.attrib:
        raise _Unusual("is")
    plain = None
    runs = []
    for child in inline:
        if child.tag == _T_TAG:
            plain = child.text
        elif child.tag == _R_TAG:
            text = None
            for part in child:
                if part.tag == _T_TAG:
                    text = part.text
                elif part.tag != _MAIN + "rPr":
                    raise _Unusual(part.tag)
            runs.append(text)
        elif child.tag not in (_MAIN + "rPh", _MAIN + "phoneticPr"):
            raise _Unusual(child.tag)
    return "".join(([plain] if plain is not None else []) + [t for t in runs if t is not None])


# A cell holding a formula: <c r="B5" …><f>…</f>[<v>result</v>]</c>. A workbook written by a program
# that does not calculate (a generator, a script) has formulas without a stored result: read with
# ``data_only`` they look empty, and a position would silently become empty.
_FORMULA_CELL = re.compile(rb'<(?:\w+:)?c\b([^>]*?)(?<!/)>(.*?)</(?:\w+:)?c>', re.S)
_CELL_REF = re.compile(rb'\br="([A-Z]+[0-9]+)"')
UNEVALUATED = ("công thức chưa có kết quả được lưu trong tệp (tệp do một chương trình không tính công thức "
               "tạo ra); hãy mở tệp bằng Excel, lưu lại rồi nhập lại")


def _sheet_xml(ws: Any) -> bytes:
    """The worksheet's XML (read-only worksheets parse neither merges nor formulas for us)."""
    try:
        with ws._get_source() as src:
            return src.read()
    except (AttributeError, KeyError, zipfile.BadZipFile):
        return b""


def _mark_unevaluated(data: bytes, rows: list[list[Cell]]) -> None:
    """Mark the cells whose formula has no stored result (``Cell.error``)."""
    if b"<f" not in data and b":f" not in data:
        return
    for match in _FORMULA_CELL.finditer(data):
        attributes, body = match.group(1), match.group(2)
        if not re.search(rb"<(?:\w+:)?f\b", body) or re.search(rb"<(?:\w+:)?is\b", body):
            continue
        # a stored result: a non-empty <v>, or an empty one in a text cell (a formula giving "")
        if re.search(rb"<(?:\w+:)?v>[^<]", body) or (b't="str"' in attributes and re.search(rb"<(?:\w+:)?v\b", body)):
            continue
        ref = _CELL_REF.search(attributes)
        if ref is None:
            continue
        r, c = _ref(ref.group(1))
        while len(rows) <= r:
            rows.append([])
        row = rows[r]
        while len(row) <= c:
            row.append(Cell(None))
        row[c] = Cell(None, row[c].font_name, None, UNEVALUATED)


def _xlsx_merges(data: bytes) -> list[tuple[int, int, int, int]]:
    """Merged ranges, read from the sheet's XML."""
    return [(*_ref(a), *_ref(b)) for a, b in _MERGE.findall(data)]


def _ref(ref: bytes) -> tuple[int, int]:
    match = _REF.fullmatch(ref.decode("ascii"))
    assert match is not None
    col = 0
    for ch in match.group(1):
        col = col * 26 + ord(ch) - 64
    return int(match.group(2)) - 1, col - 1


# --- xls -------------------------------------------------------------------------------------

def _open_xls(path: Path, formatting: bool = False) -> Any:
    import xlrd

    try:
        return xlrd.open_workbook(str(path), formatting_info=formatting, on_demand=True)
    except Exception as exc:
        raise UserError(f"Không đọc được tệp '{path.name}': tệp .xls bị hỏng hoặc không phải "
                        "bảng tính Excel. Hãy mở tệp bằng Excel, lưu lại dạng .xlsx rồi chọn lại.") from exc


def _read_xls(path: Path, wanted: set[str] | None) -> list[Sheet]:
    import xlrd

    try:
        book = _open_xls(path, formatting=True)
    except UserError:
        book = _open_xls(path)  # formatting_info is unsupported by some writers: values only
    sheets = []
    for name in book.sheet_names():
        if wanted is not None and name not in wanted:
            continue
        sh = book.sheet_by_name(name)
        rows = []
        for r in range(sh.nrows):
            row = []
            for c in range(sh.ncols):
                cell = sh.cell(r, c)
                row.append(_cell(_xls_value(cell, book, xlrd), _xls_font(book, cell)))
            rows.append(row)
        merged = [(r0, c0, r1 - 1, c1 - 1) for r0, r1, c0, c1 in getattr(sh, "merged_cells", [])]
        sheets.append(Sheet(name, _trim(rows), merged))
    book.release_resources()
    return sheets


def _xls_value(cell: Any, book: Any, xlrd: Any) -> Any:
    ctype, value = cell.ctype, cell.value
    if ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK, xlrd.XL_CELL_ERROR):
        return None
    if ctype == xlrd.XL_CELL_DATE:
        try:
            return xlrd.xldate.xldate_as_datetime(value, book.datemode)
        except (ValueError, OverflowError, xlrd.xldate.XLDateError):
            return value
    if ctype == xlrd.XL_CELL_BOOLEAN:
        return bool(value)
    if ctype == xlrd.XL_CELL_NUMBER:
        return int(value) if float(value).is_integer() else value
    return value


def _xls_font(book: Any, cell: Any) -> str | None:
    try:
        return book.font_list[book.xf_list[cell.xf_index].font_index].name
    except (AttributeError, IndexError, TypeError):
        return None


# --- csv -------------------------------------------------------------------------------------

def decode_csv(data: bytes) -> tuple[str, str]:
    """(text, encoding used): "utf-16" (Excel's "Unicode Text", with its BOM), "utf-8", "cp1258" or
    "cp1252" (see the module docstring)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), "utf-16"
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    western = data.decode("cp1252", errors="ignore") if _cp1252_ok(data) else data.decode("latin-1")
    if legacy.detect(western) in ("tcvn3", "vni"):
        return western, "cp1252"
    try:
        vietnamese = data.decode("cp1258")
    except UnicodeDecodeError:
        return western, "cp1252"
    # cp1258 writes tones as combining marks after the letter ("Nguyê" + U+0303 + "n"): judged in NFC
    if legacy.detect(unicodedata.normalize("NFC", vietnamese)) == "unicode" or _TONED.search(vietnamese):
        return vietnamese, "cp1258"
    return western, "cp1252"


# a Vietnamese vowel followed by one of cp1258's combining tone marks: a Western text never has it
_TONED = re.compile("[aăâeêioôơuưyAĂÂEÊIOÔƠUƯY][\u0300\u0301\u0303\u0309\u0323]")
ENCODING_NAMES = {"utf-8": "UTF-8", "utf-16": "UTF-16 (Unicode Text của Excel)",
                  "cp1258": "Windows-1258 (tiếng Việt của Windows)",
                  "cp1252": "Windows-1252 (chữ cũ TCVN3/VNI được chuyển theo từng cột)"}


def _cp1252_ok(data: bytes) -> bool:
    try:
        data.decode("cp1252")
        return True
    except UnicodeDecodeError:
        return False


def _read_csv(path: Path) -> Sheet:
    text, encoding = decode_csv(path.read_bytes())
    sample = text[:8192]
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    try:  # newline="": a lone CR (old Mac files) ends a line too, a CR inside quotes stays
        rows = [[_cell(_csv_value(v)) for v in record]
                for record in csv.reader(io.StringIO(text, newline=""), dialect)]
    except csv.Error as exc:
        raise UserError(f"Không đọc được tệp '{path.name}': nội dung không phải là bảng CSV hợp lệ "
                        f"({exc}).") from exc
    note = f"Tệp CSV được đọc theo bảng mã {ENCODING_NAMES.get(encoding, encoding)}."
    return Sheet(path.stem, _trim(rows), notes=[note])


def _csv_value(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _trim(rows: list[list[Cell]]) -> list[list[Cell]]:
    """Drop trailing empty cells of each row and trailing empty rows (formatting-only cells)."""
    out = []
    for row in rows:
        end = len(row)
        while end and row[end - 1].value is None and row[end - 1].error is None:
            end -= 1
        out.append(list(row[:end]))
    while out and not out[-1]:
        out.pop()
    return out

