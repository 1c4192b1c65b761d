"""Reading a returned declaration file: the raw cells, keyed by field and row; nothing is trusted
yet (``app.declaration.diff`` checks the signature against the database and cleans every value)."""

from __future__ import annotations

import json
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.declaration import form
from app.errors import UserError
from app.fields import SECTION_FIELDS

MAX_ROWS = 2000  # rows of one section sheet: far more than one person's career; a crafted file stops here


@dataclass
class ReturnedRow:
    row: int  # the spreadsheet's own row number
    id: str | None
    values: dict[str, Any]


@dataclass
class Returned:
    path: Path
    declaration_id: str
    person_id: str
    cccd: str
    version: str
    signature: str
    declared_on: Any
    person: dict[str, Any] = field(default_factory=dict)
    person_rows: dict[str, int] = field(default_factory=dict)  # field → row number on the person sheet
    sections: dict[str, list[ReturnedRow]] = field(default_factory=dict)
    columns: dict[str, frozenset[str]] = field(default_factory=dict)  # section → the field columns present


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def read_file(path: str | Path) -> Returned:
    """Parse a declaration file; UserError (Vietnamese) when it is not one or cannot be read."""
    from openpyxl import load_workbook

    target = Path(path)
    name = target.name
    if not target.is_file():
        raise UserError(f"Không tìm thấy tệp {name}.")
    try:
        wb = load_workbook(target, read_only=True, data_only=True)
    except (zipfile.BadZipFile, OSError, KeyError, ValueError, TypeError, IndexError):
        raise UserError(f"Tệp {name} bị hỏng hoặc không phải tệp Excel (.xlsx): không đọc được.") \
            from None
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds on a damaged archive
        raise UserError(f"Tệp {name} bị hỏng, không đọc được ({type(exc).__name__}).") from None
    try:
        return _parse(wb, target)
    except UserError:
        raise
    except Exception as exc:  # noqa: BLE001 - a damaged sheet inside a readable archive
        raise UserError(f"Tệp {name} bị hỏng, không đọc được ({type(exc).__name__}).") from None
    finally:
        wb.close()


def _parse(wb: Any, target: Path) -> Returned:
    name = target.name
    if form.META_SHEET not in wb.sheetnames or form.PERSON_SHEET not in wb.sheetnames:
        raise UserError(f"Tệp {name} không phải là phiếu kê khai do HoSo lập (thiếu trang thông tin phiếu).")
    meta = {_text(r[0]): _text(r[1]) for r in wb[form.META_SHEET].iter_rows(max_col=2, values_only=True)
            if r and r[0] is not None}
    if meta.get("format") != form.FORMAT:
        raise UserError(f"Tệp {name} không phải là phiếu kê khai do HoSo lập (dạng phiếu '{meta.get('format')}').")
    for key in ("declaration", "person", "version", "signature"):
        if not meta.get(key):
            raise UserError(f"Tệp {name}: phiếu kê khai thiếu '{key}' (tệp đã bị sửa hoặc hỏng).")
    result = Returned(target, meta["declaration"], meta["person"], meta.get("cccd", ""), meta["version"],
                      meta["signature"], None)
    for number, row in enumerate(wb[form.PERSON_SHEET].iter_rows(min_row=3, max_col=4, values_only=True), start=3):
        if not row or row[0] is None:
            continue
        key = _text(row[0])
        value = row[3] if len(row) > 3 else None
        if key == form.DECLARED_ON:
            result.declared_on = value
        else:
            result.person[key] = value
            result.person_rows[key] = number
    try:
        titles = json.loads(meta.get("sheets") or "{}")
    except ValueError:
        raise UserError(f"Tệp {name}: thông tin phiếu bị hỏng.") from None
    for section in SECTION_FIELDS:
        title = titles.get(section)
        if not title or title not in wb.sheetnames:
            continue  # a hidden section, or a sheet the file never had
        ws = wb[title]
        rows = ws.iter_rows(values_only=True)
        keys = [_text(k) for k in (next(rows, None) or ())]
        next(rows, None)  # the Vietnamese headers
        if not keys or keys[0] != "id":
            raise UserError(f"Tệp {name}, trang '{title}': cấu trúc trang đã bị thay đổi.")
        result.columns[section] = frozenset(k for k in keys if k and k != "id")
        out = []
        for number, row in enumerate(rows, start=3):
            if number > MAX_ROWS:
                raise UserError(f"Tệp {name}, trang '{title}': quá {MAX_ROWS} dòng — không phải phiếu kê khai "
                                "của một người.")
            values = {k: row[i] for i, k in enumerate(keys) if i < len(row) and k and k != "id"}
            row_id = _text(row[0]) if row else ""
            if not row_id and all(v is None or _text(v) == "" for v in values.values()):
                continue
            out.append(ReturnedRow(number, row_id or None, values))
        result.sections[section] = out
    return result
