"""Rows of a sheet → the plain records the people service takes (no database needed).

A record holds the values as the service accepts them from the editor: dates as ``date``,
numbers as ``int``/``Decimal``, catalog values as the names written (the service resolves them),
choices as their codes. Empty cells are left out, so an import never erases a stored value.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from openpyxl.utils import get_column_letter

from app.exchange.reader import Cell, Sheet
from app.exchange.values import (
    Decoded,
    cccd_conflicts,
    cccd_value,
    date_value,
    decode_column,
    flag_value,
    number_value,
    phone_value,
    sex_value,
    text_value,
)
from app.exchange.vocabulary import PSEUDO_TARGETS, choice_code, person_vocabulary, section_vocabulary
from app.fields import PERSON_FIELD_MAP, SECTION_FIELDS, FieldSpec
from app.text import fold, nfc
from app.validation import parse_bool

_NAME_PARTS = ("name_family", "name_middle", "name_given")
_NOTHING = {"khong", "chua", "-", "--", "\u2013", "\u2014", "k", "ko", "khong co"}
# A people row names at least one of these; a row with none (a group heading "I. Văn phòng", the
# place and date, "NGƯỜI LẬP BIỂU" and the signers' names under the table) is skipped, not refused.
_IDENTITY = ("cccd", "birth_date", "birth_date_male", "birth_date_female", "sex", "sex_male_flag", "sex_female_flag")
ENCODING_NAMES = {"tcvn3": "TCVN3 (ABC)", "vni": "VNI-Windows"}


@dataclass(frozen=True)
class RowError:
    """A refusal: the spreadsheet's own row number, the field, a Vietnamese message naming both."""

    row: int
    field: str
    message: str
    sheet: str = ""

    def as_json(self) -> dict[str, Any]:
        return {"row": self.row, "field": self.field, "message": self.message}


@dataclass(frozen=True)
class Conversion:
    """Legacy text repaired in one cell, for the preview."""

    row: int
    column: str
    header: str
    original: str
    converted: str
    encoding: str


@dataclass
class PreparedRow:
    sheet: str
    row: int  # the spreadsheet's row number (1-based)
    record: dict[str, Any] = field(default_factory=dict)
    extras: dict[str, str] = field(default_factory=dict)  # unit / unit_name / grade_name as written
    errors: list[RowError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    conversions: list[Conversion] = field(default_factory=list)
    skipped: bool = False
    columns: dict[str, str] = field(default_factory=dict)  # field → column letter, for messages


def data_columns(sheet: Sheet, start: int, columns: dict[int, str | None]) -> dict[int, list[Decoded]]:
    """Each mapped column's cells below the header, legacy text repaired per column."""
    rows = sheet.rows[start:]
    out = {}
    for col, target in columns.items():
        if target:
            out[col] = decode_column([row[col] if col < len(row) else Cell(None) for row in rows])
    return out


def _present(raw: Any, decoded: Decoded) -> Any:
    """The cell's value after legacy repair; text NFC and trimmed (line breaks kept for long text)."""
    value = decoded.text if decoded.text is not None else raw
    if isinstance(value, str):
        value = unicodedata.normalize("NFC", value).strip()
        return value or None
    return value


class _Builder:
    """One row's record, errors and warnings; ``fail`` names the row, the field and the column."""

    def __init__(self, prepared: PreparedRow, labels: dict[str, str]):
        self.p = prepared
        self.labels = labels

    def fail(self, target: str, column: str, reason: str, field_name: str | None = None) -> None:
        name = field_name or PSEUDO_TARGETS.get(target, ("", target))[1]
        label = self.labels.get(name) or self.labels.get(target, name)
        self.p.errors.append(RowError(self.p.row, name, f"Dòng {self.p.row}, {label} (cột {column}): {reason}",
                                      self.p.sheet))

    def warn(self, text: str) -> None:
        self.p.warnings.append(f"Dòng {self.p.row}: {text}")


def prepare_people(sheet: Sheet, start: int, columns: dict[int, str | None],
                   headers: Sequence[str]) -> list[PreparedRow]:
    """The main sheet's data rows as person records (cell errors collected per row)."""
    decoded = data_columns(sheet, start, columns)
    labels = person_vocabulary().labels
    flag_columns = {t for t in columns.values() if t in ("sex_male_flag", "sex_female_flag")}
    prepared = []
    for offset, row in enumerate(sheet.rows[start:]):
        cells = {}
        for col, target in columns.items():
            if not target:
                continue
            raw = row[col].value if col < len(row) else None
            value = _present(raw, decoded[col][offset])
            if value is not None:
                cells[col] = (target, value, decoded[col][offset])
        p = PreparedRow(sheet.name, start + offset + 1)
        if not cells:
            continue  # a blank row, or one with only a number in STT
        if not any(t in _IDENTITY for t, _, _ in cells.values()):
            p.skipped = True
            p.warnings.append(f"Dòng {p.row}: bỏ qua vì không có Số CCCD, Ngày sinh hay Giới tính "
                              "(dòng tiêu đề nhóm, ngày tháng hay chữ ký dưới bảng?)")
        else:
            b = _Builder(p, labels)
            _person_record(b, cells, headers, flag_columns)
            _cell_problems(b, row, columns)
        prepared.append(p)
    return prepared


def _cell_problems(b: _Builder, row: Sequence[Cell], columns: dict[int, str | None], section: str | None = None
                   ) -> bool:
    """Per cell, what the reader cleaned (a warning) or could not read (an error refusing the row)."""
    found = False
    for col, target in columns.items():
        cell = row[col] if target and col < len(row) else None
        if cell is not None and cell.error:
            b.fail(target, get_column_letter(col + 1), cell.error, f"{section}.{target}" if section else None)
            found = True
        elif cell is not None and cell.warning:
            b.warn(f"cột {get_column_letter(col + 1)}: {cell.warning}")
    return found


def _person_record(b: _Builder, cells: dict[int, tuple[str, Any, Decoded]], headers: Sequence[str],
                   flag_columns: set[str]) -> None:
    record = b.p.record
    parts: dict[str, str] = {}
    flags: dict[str, bool] = {}
    for col, (target, value, decoded) in cells.items():
        letter = get_column_letter(col + 1)
        b.p.columns.setdefault(PSEUDO_TARGETS.get(target, ("", target))[1], letter)
        if decoded.encoding and decoded.original is not None and decoded.text is not None:
            b.p.conversions.append(Conversion(b.p.row, letter, headers[col] if col < len(headers) else "",
                                              decoded.original, nfc(decoded.text), decoded.encoding))
        try:
            if target in _NAME_PARTS:
                parts[target] = text_value(value)
            elif target in ("unit", "unit_name", "grade_name"):
                b.p.extras[target] = text_value(value)
            elif target in ("sex_male_flag", "sex_female_flag"):
                _flag(b, target, value, flags)
            elif target in ("birth_date_male", "birth_date_female"):
                if any(t.startswith("sex_") for t in flags):
                    raise ValueError("ngày sinh ghi ở cả cột Nam và cột Nữ")
                flags[target.replace("birth_date_", "sex_") + "_flag"] = True  # even if the date is bad
                _birth(b, value, record)
            else:
                _field(b, PERSON_FIELD_MAP[target], value, record)
        except ValueError as exc:
            b.fail(target, letter, str(exc))
    if parts and "full_name" not in record:
        record["full_name"] = " ".join(parts[k] for k in _NAME_PARTS if parts.get(k))
    for target in flag_columns:
        flags.setdefault(target, False)  # an empty cell in a mark column: not marked
    _settle_sex(b, record, flags)
    for reason in cccd_conflicts(record):  # the CCCD's digits against the row's birth year and sex
        b.fail("cccd", b.p.columns.get("cccd", "?"), reason)


def _flag(b: _Builder, target: str, value: Any, flags: dict[str, bool]) -> None:
    if isinstance(value, str) and fold(value) in ("nam", "nu"):
        sex, _ = sex_value(value)
        flags["sex_male_flag" if sex == "Nam" else "sex_female_flag"] = True
        return
    flags[target] = flag_value(value)


def _settle_sex(b: _Builder, record: dict[str, Any], flags: dict[str, bool]) -> None:
    male, female = flags.get("sex_male_flag"), flags.get("sex_female_flag")
    column = b.p.columns.get("sex", "?")
    if male and female:
        b.fail("sex", column, "đánh dấu cả Nam và Nữ")
        return
    marked = "Nữ" if female else "Nam" if male else None
    if marked is not None:
        if record.get("sex", marked) != marked:
            b.fail("sex", column, f"cột Giới tính ghi {record['sex']} nhưng cột đánh dấu cho biết {marked}")
        record.setdefault("sex", marked)
    elif "sex" not in record:  # a lone Nữ (Nam) column left empty: the other sex
        if female is False and male is None:
            record["sex"] = "Nam"
        elif male is False and female is None:
            record["sex"] = "Nữ"


def _birth(b: _Builder, value: Any, record: dict[str, Any]) -> None:
    if _is_nothing(value):
        return
    parsed = date_value(value)
    record["birth_date"] = parsed.date
    record["birth_year_only"] = parsed.precision == "year"
    if parsed.precision == "month":
        b.warn(f"Ngày sinh chỉ có tháng/năm ({parsed.date:%m/%Y}); đã lấy ngày 01")


def _is_nothing(value: Any) -> bool:
    return isinstance(value, str) and fold(value) in _NOTHING


def _field(b: _Builder, spec: FieldSpec, value: Any, record: dict[str, Any], path: str | None = None) -> None:
    """One cell into ``record[spec.name]`` by the field's kind (ValueError with the reason)."""
    kind = spec.kind
    if spec.name == "birth_date" and path is None:
        _birth(b, value, record)
    elif kind == "date":
        if _is_nothing(value):
            return
        parsed = date_value(value)
        record[spec.name] = parsed.date
        if parsed.precision != "day":
            b.warn(f"{spec.label} chỉ có {'tháng/năm' if parsed.precision == 'month' else 'năm'}; "
                   f"đã lấy ngày {parsed.date:%d/%m/%Y}")
    elif kind in ("int", "decimal", "money"):
        if _is_nothing(value):
            return
        record[spec.name] = number_value(value, kind)
    elif kind == "bool":
        record[spec.name] = flag_value(value) if not isinstance(value, str) else _bool(value)
    elif kind == "cccd":
        number, warning = cccd_value(value)
        record[spec.name] = number
        if warning:
            b.warn(warning)
    elif kind == "choice" and spec.name == "sex":
        sex, warning = sex_value(value)
        record["sex"] = sex
        if warning:
            b.warn(warning)
    elif kind == "choice":
        code = choice_code(path or spec.name, spec, text_value(value))
        if code is None:
            raise ValueError(f"'{text_value(value)}' không phải là một giá trị hợp lệ")
        record[spec.name] = code
    elif spec.name == "phone":
        number, warning = phone_value(value)
        record[spec.name] = number
        if warning:
            b.warn(warning)
    else:
        record[spec.name] = text_value(value) if not isinstance(value, str) else value


def _bool(value: str) -> bool:
    try:
        return parse_bool(value)
    except ValueError:
        return flag_value(value)


# --- child sheets ------------------------------------------------------------------------------

def prepare_section(sheet: Sheet, section: str, start: int, columns: dict[int, str | None],
                    headers: Sequence[str]) -> list[PreparedRow]:
    """A child sheet's data rows: each record holds ``cccd`` and the section row's fields."""
    decoded = data_columns(sheet, start, columns)
    specs = {s.name: s for s in SECTION_FIELDS[section]}
    labels = section_vocabulary(section).labels
    prepared = []
    for offset, row in enumerate(sheet.rows[start:]):
        p = PreparedRow(sheet.name, start + offset + 1)
        b = _Builder(p, labels)
        found = False
        for col, target in columns.items():
            if not target:
                continue
            value = _present(row[col].value if col < len(row) else None, decoded[col][offset])
            if value is None:
                continue
            found = True
            letter = get_column_letter(col + 1)
            p.columns.setdefault(target, letter)
            item = decoded[col][offset]
            if item.encoding and item.original is not None and item.text is not None:
                p.conversions.append(Conversion(p.row, letter, headers[col] if col < len(headers) else "",
                                                item.original, nfc(item.text), item.encoding))
            try:
                if target == "cccd":
                    p.record["cccd"], warning = cccd_value(value)
                    if warning:
                        b.warn(warning)
                else:
                    _field(b, specs[target], value, p.record, f"{section}.{target}")
            except ValueError as exc:
                b.fail(target, letter, str(exc), f"{section}.{target}")
        found = _cell_problems(b, row, columns, section) or found
        if found:
            p.skipped = set(p.record) <= {"cccd"} and not p.errors
            prepared.append(p)
    return prepared

