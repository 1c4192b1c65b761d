"""Cell values → the plain values the people service takes, the way Vietnamese lists write them.

Each parser returns the value (and, where something was guessed, a warning) or raises
``ValueError`` with a Vietnamese reason; the importer turns the reason into a row error naming
the field. Legacy text (TCVN3, VNI) is repaired per column (:func:`decode_column`): the cells'
font names decide where the file has them, otherwise one detection over the whole column's text
— a single cell ("Tó") is too short to judge, a column of names is not.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from app import cccd as cccd_rules
from app.exchange import legacy
from app.exchange.reader import Cell
from app.text import fold, nfc
from app.validation import parse_date, parse_decimal

__all__ = ["DateValue", "cccd_value", "date_value", "decode_column", "flag_value", "number_value",
           "phone_value", "sex_value", "text_value"]

_EXCEL_EPOCH = dt.datetime(1899, 12, 30)
_TIME_SUFFIX = re.compile(r"[ T][0-9]{1,2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?( ?[AaPp][Mm])?$")
_SHORT_YEAR = re.compile(r"[0-9]{1,2}[/.\-][0-9]{1,2}[/.\-][0-9]{2}")
_MONTH_YEAR = re.compile(r"(?P<m>[0-9]{1,2})[/.\-](?P<y>[0-9]{4})")
_WORDS_DATE = re.compile(r"ngay\s*(?P<d>[0-9]{1,2})\s*thang\s*(?P<m>[0-9]{1,2})\s*nam\s*(?P<y>[0-9]{4})")
_STEP = re.compile(r"(?:bac\s*)?(?P<n>[0-9]{1,2})(?:\s*/\s*[0-9]{1,2})?")
_SAMPLE = 200  # cells of a column judged together by the legacy detector
_MARKED = {"x", "1", "co", "v", "true", "\u2713", "\u2714", "\u2715", "\u2717", "+"}
_UNMARKED = {"", "0", "khong", "false", "-"}
_SEX = {"nam": "Nam", "nu": "Nữ", "m": "Nam", "f": "Nữ", "male": "Nam", "female": "Nữ", "trai": "Nam",
        "gai": "Nữ"}
_SEX_NUMBERS = {"1": "Nam", "0": "Nữ", "2": "Nữ"}


@dataclass(frozen=True)
class DateValue:
    """A date and how much of it the cell gave: "day", "month" (mm/yyyy) or "year" (yyyy)."""

    date: dt.date
    precision: str = "day"


@dataclass(frozen=True)
class Decoded:
    """A cell's text after legacy repair; ``encoding`` is "tcvn3"/"vni" when it was converted."""

    text: str | None
    encoding: str | None = None
    original: str | None = None


def decode_column(cells: Sequence[Cell]) -> list[Decoded]:
    """Repair TCVN3/VNI text in one column. A cell in a legacy font (`.Vn*`, `.Vn*H` → capitals,
    `VNI-*`) is converted by its font; the other cells by the encoding detected over the column,
    except cells holding letters only Unicode has (retyped later)."""
    texts = [c.value if isinstance(c.value, str) else None for c in cells]
    fontless = [t for t, c in zip(texts, cells, strict=True)
                if t and not t.isascii() and legacy.font_encoding(c.font_name)[0] is None]
    sample = fontless[::max(1, len(fontless) // _SAMPLE)]
    # letters no legacy byte can produce (ơ, ư, ạ…) in most cells: the column is Unicode
    retyped = sum(1 for t in sample if legacy.has_unicode_only(t))
    column = legacy.detect(" ".join(sample)) if sample and retyped * 5 < len(sample) * 4 else None
    out = []
    nothing = Decoded(None)
    done: dict[tuple[str, str | None], Decoded] = {}  # a column repeats its values: each decoded once
    for text, cell in zip(texts, cells, strict=True):
        if text is None:
            out.append(nothing)
            continue
        key = (text, cell.font_name)
        found = done.get(key)
        if found is not None:
            out.append(found)
            continue
        if legacy.font_encoding(cell.font_name)[0] is not None:
            converted, used = legacy.convert(text, cell.font_name)
        elif column in ("tcvn3", "vni") and not text.isascii() and not legacy.has_unicode_only(text):
            converted = legacy.tcvn3_to_unicode(text) if column == "tcvn3" else legacy.vni_to_unicode(text)
            used = column if converted != text else None
        else:
            converted, used = text, None
        out.append(found := Decoded(converted, used, text if used else None))
        done[key] = found
    return out


# --- dates -------------------------------------------------------------------------------------

def date_value(value: Any) -> DateValue:
    """Real Excel dates; day numbers Excel stores in a cell formatted as a number; text
    dd/mm/yyyy, d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy, yyyy-mm-dd, "ngày 12 tháng 3 năm 1985";
    mm/yyyy and a bare year (with their precision)."""
    if isinstance(value, dt.datetime):
        return DateValue(value.date())
    if isinstance(value, dt.date):
        return DateValue(value)
    if isinstance(value, bool):
        raise ValueError(f"'{value}' không phải là ngày")
    if isinstance(value, int | float):
        return _number_date(value)
    text = _TIME_SUFFIX.sub("", nfc(value)).strip()
    if text.isascii() and text.isdecimal() and len(text) == 4:
        if int(text) < 1:
            raise ValueError(f"'{text}': năm không có thật")
        return DateValue(dt.date(int(text), 1, 1), "year")
    if match := _MONTH_YEAR.fullmatch(text):
        if not 1 <= int(match["m"]) <= 12:
            raise ValueError(f"'{text}': tháng {match['m']} không có thật")
        if int(match["y"]) < 1:
            raise ValueError(f"'{text}': năm không có thật")
        return DateValue(dt.date(int(match["y"]), int(match["m"]), 1), "month")
    if match := _WORDS_DATE.fullmatch(fold(text)):
        text = f"{match['d']}/{match['m']}/{match['y']}"
    if _SHORT_YEAR.fullmatch(text):
        raise ValueError(f"'{text}': năm phải ghi đủ 4 chữ số (dạng dd/mm/yyyy)")
    return DateValue(parse_date(text))


def _number_date(value: float) -> DateValue:
    if float(value).is_integer() and 1900 <= value <= 2100:
        return DateValue(dt.date(int(value), 1, 1), "year")
    if not 1 <= value < 73051:  # Excel day numbers up to 31/12/2099
        raise ValueError(f"'{_plain_number(value)}' không phải là ngày (dạng dd/mm/yyyy)")
    return DateValue((_EXCEL_EPOCH + dt.timedelta(days=int(value))).date())


# --- numbers -----------------------------------------------------------------------------------

def number_value(value: Any, kind: str) -> Decimal | int:
    """"2,34" (decimal comma), 2.34, "5.475.600" (thousand dots); for a step also "Bậc 5", "5/8"."""
    if isinstance(value, dt.date | dt.datetime):
        raise ValueError(f"Excel đã đổi ô này thành ngày {value:%d/%m/%Y}; hãy nhập lại dạng số "
                         "(định dạng ô Text hoặc Number)")
    if isinstance(value, bool):
        raise ValueError(f"'{value}' không phải là số")
    if kind == "int" and isinstance(value, str):
        match = _STEP.fullmatch(fold(value))
        if match:
            return int(match["n"])
    if isinstance(value, float):
        rounded = round(value, 6) if math.isfinite(value) else value  # round(1.79e308, 6) is inf
        if not math.isfinite(rounded):
            raise ValueError(f"'{value}' không phải là số hợp lệ (quá lớn)")
        number = parse_decimal(Decimal(repr(rounded)))  # refuses absurd magnitudes too
    else:
        number = parse_decimal(value)
    if kind == "int":
        if number != number.to_integral_value():
            raise ValueError(f"'{_plain_number(value)}' phải là số nguyên")
        return int(number)
    return number.normalize() if number == number.to_integral_value() else number


def _plain_number(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


# --- identity ----------------------------------------------------------------------------------

def cccd_value(value: Any) -> tuple[str, str | None]:
    """The CCCD as text. Excel keeps a number typed without a leading apostrophe as a number and
    drops its leading zero: in a *numeric* cell, 11 digits that become a valid CCCD with one 0 in
    front get it back. A text cell keeps what was typed (11 characters typed as text lost nothing:
    a digit is missing, and the row is refused)."""
    text = _digits_text(value)
    digits = cccd_rules.clean(text)
    numeric = isinstance(value, int | float) and not isinstance(value, bool)
    if numeric and digits.isdigit() and len(digits) == 11 and not cccd_rules.format_error("0" + digits):
        return "0" + digits, (f"Số CCCD {digits} chỉ có 11 chữ số (Excel lưu thành số nên mất số 0 "
                              f"ở đầu); đã đọc là 0{digits}")
    return text, None


def cccd_conflicts(record: dict[str, Any]) -> list[str]:
    """Why the row's CCCD contradicts the row's own birth year or sex (its 4th digit tells the
    century and sex, the 5th–6th the year): on import that refuses the row, naming both values —
    one of them is mistyped, and a wrong CCCD would become the dossier's key."""
    number = cccd_rules.clean(record.get("cccd"))
    if cccd_rules.format_error(number):
        return []  # a malformed number has its own error
    birth = record.get("birth_date")
    if not isinstance(birth, dt.date):  # no birth date in the row: only the sex can be checked
        birth = dt.date(1900 + 100 * (int(number[3]) // 2) + int(number[4:6]), 1, 1)
    return [f"số {number} mâu thuẫn: {p} (sửa số CCCD hoặc {'năm sinh' if 'năm sinh' in p else 'giới tính'})"
            for p in cccd_rules.mismatches(number, birth, record.get("sex"))]


def phone_value(value: Any) -> tuple[str, str | None]:
    text = _digits_text(value)
    if not isinstance(value, str) and text.isdigit() and len(text) == 9:
        return "0" + text, f"Số điện thoại {text} mất số 0 ở đầu (Excel lưu thành số); đã đọc là 0{text}"
    return text, None


def _digits_text(value: Any) -> str:
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, int | float):
        return str(value)
    return nfc(value)


# --- sex ---------------------------------------------------------------------------------------

def sex_value(value: Any) -> tuple[str, str | None]:
    """ "Nam", "Nữ", "nu", "NỮ", "M"/"F"; numbers 1 = Nam, 0 (or 2) = Nữ (with a warning)."""
    text = _digits_text(value)
    key = fold(text)
    if key in _SEX:
        return _SEX[key], None
    if key in _SEX_NUMBERS:
        sex = _SEX_NUMBERS[key]
        return sex, f"Giới tính ghi '{text}', đã hiểu là {sex} (1 = Nam; 0 hoặc 2 = Nữ)"
    raise ValueError(f"'{text}' không phải là giới tính (Nam hoặc Nữ)")


def flag_value(value: Any) -> bool:
    """A mark in a Nam/Nữ column: "x", "X", "1", "✓" mark it; empty, "0" do not."""
    if value is None:
        return False
    if isinstance(value, bool):
        return value
    key = fold(_digits_text(value))
    if key in _MARKED:
        return True
    if key in _UNMARKED:
        return False
    raise ValueError(f"'{nfc(str(value))}' không phải là dấu đánh (x hoặc để trống)")


# --- text --------------------------------------------------------------------------------------

def text_value(value: Any) -> str:
    """Any cell as one line of text: whole numbers without ".0", dates as dd/mm/yyyy."""
    if isinstance(value, dt.datetime | dt.date):
        return f"{value:%d/%m/%Y}"
    return _digits_text(value)


def is_number(text: str) -> bool:
    try:
        parse_decimal(text)
        return True
    except (ValueError, InvalidOperation):
        return False
