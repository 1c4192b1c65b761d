"""Turning what a user typed (editor, import, command line) into clean values or field errors.

Every parser raises ``ValueError`` with a Vietnamese reason; ``clean_fields`` collects them as
``FieldError``s naming the field, so the editor can mark the field and the importer the cell.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any, Protocol

from app import cccd as cccd_rules
from app.errors import FieldError
from app.fields import FieldSpec
from app.text import fold, nfc, normalize_name

EARLIEST = dt.date(1900, 1, 1)
_DATE_FORMS = (
    re.compile(r"(?P<y>[0-9]{4})-(?P<m>[0-9]{1,2})-(?P<d>[0-9]{1,2})"),
    re.compile(r"(?P<d>[0-9]{1,2})[/.\-](?P<m>[0-9]{1,2})[/.\-](?P<y>[0-9]{4})"),
)
_MONTH_YEAR = re.compile(r"(?P<m>[0-9]{1,2})[/.\-](?P<y>[0-9]{4})")
_YEAR = re.compile(r"[0-9]{4}")
# no field holds a number anywhere near this; a larger exponent ("1e5048085001234") would make
# int() build a number with billions of digits
_MAX_ADJUSTED = 30
_SEX = {"nam": "Nam", "nu": "Nữ", "m": "Nam", "f": "Nữ", "male": "Nam", "female": "Nữ",
        "trai": "Nam", "gai": "Nữ", "x": "Nam"}
_TRUE = {"1", "true", "co", "x", "yes", "dung"}
_FALSE = {"0", "false", "khong", "no", "", "sai"}


class CatalogLookup(Protocol):
    def resolve(self, catalog: str, value: str) -> str | None: ...


def parse_date(value: Any, *, allow_partial: bool = False) -> dt.date:
    """ISO, dd/mm/yyyy, d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy (and mm/yyyy, yyyy when partial)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = nfc(value)
    for form in _DATE_FORMS:
        match = form.fullmatch(text)
        if match:
            try:
                return dt.date(int(match["y"]), int(match["m"]), int(match["d"]))
            except ValueError:
                raise ValueError(f"ngày '{text}' không có thật") from None
    if allow_partial:
        if match := _MONTH_YEAR.fullmatch(text):
            if 1 <= int(match["m"]) <= 12 and int(match["y"]) >= 1:
                return dt.date(int(match["y"]), int(match["m"]), 1)
        if _YEAR.fullmatch(text) and int(text) >= 1:
            return dt.date(int(text), 1, 1)
    raise ValueError(f"'{text}' không phải là ngày hợp lệ (dạng dd/mm/yyyy)")


def parse_decimal(value: Any) -> Decimal:
    """Accepts a decimal comma ("2,34") and thousands dots ("5.475.600"); refuses NaN, infinity and
    absurd magnitudes (more than 30 digits before the point)."""
    if isinstance(value, Decimal):
        number = value
    elif isinstance(value, int | float) and not isinstance(value, bool):
        if isinstance(value, int) and abs(value) >= 10 ** (_MAX_ADJUSTED + 1):
            raise ValueError("số quá lớn")
        number = Decimal(str(value))
    else:
        text = nfc(value).replace(" ", "")
        if re.fullmatch(r"[0-9]{1,3}(\.[0-9]{3})+", text):  # 5.475.600
            text = text.replace(".", "")
        elif "," in text:
            text = text.replace(".", "").replace(",", ".")
        if not re.fullmatch(r"[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?", text):
            raise ValueError(f"'{nfc(value)}' không phải là số")
        try:
            number = Decimal(text)
        except InvalidOperation:
            raise ValueError(f"'{nfc(value)}' không phải là số") from None
    if not number.is_finite():
        raise ValueError(f"'{_shown(value)}' không phải là số")
    if not number:
        return number if abs(number.as_tuple().exponent) <= _MAX_ADJUSTED else Decimal(0)
    if number.adjusted() > _MAX_ADJUSTED:
        raise ValueError(f"số '{_shown(value)}' quá lớn")
    if number.adjusted() < -_MAX_ADJUSTED:
        raise ValueError(f"số '{_shown(value)}' quá nhỏ")
    return number


def _shown(value: Any) -> str:
    text = nfc(value)
    return text if len(text) <= 40 else text[:37] + "…"


def parse_int(value: Any) -> int:
    number = parse_decimal(value)
    if number != number.to_integral_value():
        raise ValueError(f"'{_shown(value)}' phải là số nguyên")
    return int(number)


def parse_sex(value: Any) -> str:
    sex = _SEX.get(fold(value))
    if sex is None:
        raise ValueError(f"'{nfc(value)}' không phải là giới tính (Nam hoặc Nữ)")
    return sex


def parse_bool(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    key = fold(value)
    if key in _TRUE:
        return True
    if key in _FALSE:
        return False
    raise ValueError(f"'{nfc(value)}' không phải là có/không")


def is_empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not nfc(value))


def clean_value(spec: FieldSpec, value: Any, catalogs: CatalogLookup, today: dt.date) -> Any:
    """One field's stored value (None when empty); ValueError with the reason otherwise."""
    if is_empty(value):
        if spec.required:
            raise ValueError("không được để trống")
        return False if spec.kind == "bool" else None
    kind = spec.kind
    if kind == "date":
        day = parse_date(value)
        if day < EARLIEST:
            raise ValueError(f"ngày {day:%d/%m/%Y} quá xa trong quá khứ")
        if day > today and not spec.future_ok:
            raise ValueError(f"ngày {day:%d/%m/%Y} nằm trong tương lai")
        return day
    if kind in ("int", "decimal", "money"):
        number = parse_int(value) if kind == "int" else parse_decimal(value)
        if (spec.minimum is not None and number < spec.minimum) or (
                spec.maximum is not None and number > spec.maximum):
            raise ValueError(f"giá trị {number} nằm ngoài khoảng cho phép "
                             f"({_num(spec.minimum)}–{_num(spec.maximum)})")
        return number.quantize(Decimal(1)) if kind == "money" else number
    if kind == "bool":
        return parse_bool(value)
    if kind == "cccd":
        number = cccd_rules.clean(value)
        problem = cccd_rules.format_error(number)
        if problem:
            raise ValueError(problem)
        return number
    if kind == "catalog":
        code = catalogs.resolve(spec.catalog or "", nfc(value))
        if code is None:
            raise ValueError(f"'{nfc(value)}' không có trong danh mục")
        return code
    if kind == "choice":
        return _choice(spec, value)
    text = normalize_name(value) if kind == "name" else nfc(value)
    if kind == "longtext":
        text = str(value).strip().replace("\r\n", "\n")
        text = "\n".join(nfc(line) for line in text.split("\n"))
    if len(text) > spec.max_length:
        raise ValueError(f"dài quá {spec.max_length} ký tự")
    return text


def _choice(spec: FieldSpec, value: Any) -> str:
    if spec.name == "sex":
        return parse_sex(value)
    text = nfc(value)
    if text in spec.choices:
        return text
    folded = {fold(c): c for c in spec.choices}
    if fold(text) in folded:
        return folded[fold(text)]
    raise ValueError(f"'{text}' không phải là một trong các giá trị: {', '.join(spec.choices)}")


def _num(value: float | None) -> str:
    if value is None:
        return "…"
    return str(int(value)) if float(value).is_integer() else str(value)


def clean_fields(specs: tuple[FieldSpec, ...], data: Mapping[str, Any], catalogs: CatalogLookup,
                 today: dt.date, *, prefix: str = "", partial: bool = False
                 ) -> tuple[dict[str, Any], list[FieldError]]:
    """Clean every field present in ``data`` (all fields unless ``partial``)."""
    cleaned: dict[str, Any] = {}
    errors: list[FieldError] = []
    for spec in specs:
        value = data.get(spec.name)
        if value is None and not spec.required:  # clean_value's answer for an empty field, without the call
            if not partial or spec.name in data:
                cleaned[spec.name] = False if spec.kind == "bool" else None
            continue
        if partial and spec.name not in data:
            continue
        try:
            cleaned[spec.name] = clean_value(spec, value, catalogs, today)
        except ValueError as exc:
            errors.append(FieldError(prefix + spec.name, spec.label, str(exc)))
    return cleaned, errors


def check_order(values: Mapping[str, Any], pairs: tuple[tuple[str, str, str], ...], labels: Mapping[str, str],
                prefix: str = "") -> list[FieldError]:
    """Dates that must not run backwards: (earlier, later, message)."""
    errors = []
    for first, second, message in pairs:
        a, b = values.get(first), values.get(second)
        if isinstance(a, dt.date) and isinstance(b, dt.date) and b < a:
            errors.append(FieldError(prefix + second, labels.get(second, second), message))
    return errors
