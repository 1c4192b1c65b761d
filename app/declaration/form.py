"""What a declaration file holds, derived from ``app.fields``, and the value conversions.

Every value travels as *canonical text* (``canon``): the stored value written the same way
whatever its origin (ISO dates, plain decimals, catalog and choice codes, "1" for a true box,
None for empty), so issued, current and declared values compare exactly.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from app.exchange import vocabulary
from app.fields import PERSON_FIELDS, SECTION_FIELDS, SECTION_LABELS, FieldSpec

FORMAT = "hoso-declaration/1"
PERSON = "person"
PERSON_SHEET = "Thông tin chung"
INFO_SHEET = "Hướng dẫn"
META_SHEET = "_hoso"
LISTS_SHEET = "_danh_muc"
DECLARED_ON = "_declared_on"  # the row of the person sheet where the official writes the date
DECLARED_ON_LABEL = "Ngày kê khai"
# kept by the agency (NĐ 27/2026 Art. 19: "data arising from personnel work"): shown, not editable
AGENCY_FIELDS = frozenset({"cccd", "staff_type", "status", "grade_list_version", "assessment"})
EXTRA_ROWS = 15  # empty rows offered under a section's rows
_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def person_specs() -> tuple[FieldSpec, ...]:
    return PERSON_FIELDS


def sections() -> tuple[str, ...]:
    return tuple(SECTION_FIELDS)


def section_label(section: str) -> str:
    return "Thông tin chung" if section == PERSON else SECTION_LABELS.get(section, section)


def sheet_titles() -> dict[str, str]:
    """Section → its sheet's title (≤ 31 characters, unique, no characters Excel refuses)."""
    out: dict[str, str] = {}
    used = {PERSON_SHEET.casefold(), INFO_SHEET.casefold(), META_SHEET, LISTS_SHEET}
    for section in SECTION_FIELDS:
        base = _FORBIDDEN.sub(" ", vocabulary.section_sheet_name(section)).strip()[:31].strip()
        title, n = base, 2
        while title.casefold() in used:
            title = f"{base[:28]} {n}"
            n += 1
        used.add(title.casefold())
        out[section] = title
    return out


def choice_path(section: str, spec: FieldSpec) -> str:
    return spec.name if section == PERSON else f"{section}.{spec.name}"


def choice_labels(section: str, spec: FieldSpec) -> list[str]:
    if spec.name == "sex":
        return list(spec.choices)
    path = choice_path(section, spec)
    return [vocabulary.choice_label(path, c) or c for c in spec.choices]


def canon(spec: FieldSpec, value: Any) -> str | None:
    """A stored value as canonical text (None when empty)."""
    if value is None or value == "":
        return None
    if spec.kind == "bool":
        return "1" if value else None
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "1" if value else None
    if isinstance(value, Decimal | float | int):
        number = Decimal(str(value)).normalize()
        if number == number.to_integral_value():
            number = number.quantize(Decimal(1))
        return format(number, "f")
    text = str(value)
    return text if text.strip() else None


def stored(spec: FieldSpec, text: str | None) -> Any:
    """Canonical text back to a value the dossier services accept."""
    if text is None:
        return False if spec.kind == "bool" else None
    if spec.kind == "bool":
        return text == "1"
    if spec.kind == "date":
        return dt.date.fromisoformat(text)
    if spec.kind == "int":
        return int(text)
    if spec.kind in ("decimal", "money"):
        return Decimal(text)
    return text


def shown(section: str, spec: FieldSpec, text: str | None, names: Mapping[tuple[str, str], str] | Any = None
          ) -> str:
    """Canonical text as people read it (dd/mm/yyyy, decimal comma, catalog and choice names)."""
    if text is None:
        return ""
    if spec.kind == "date":
        try:
            return dt.date.fromisoformat(text).strftime("%d/%m/%Y")
        except ValueError:
            return text
    if spec.kind == "bool":
        return "Có" if text == "1" else ""
    if spec.kind in ("decimal", "money"):
        return text.replace(".", ",")
    if spec.kind == "catalog" and names is not None:
        return names.name(spec.catalog or "", text) or text
    if spec.kind == "choice" and spec.name != "sex":
        return vocabulary.choice_label(choice_path(section, spec), text) or text
    return text


def cell_value(section: str, spec: FieldSpec, text: str | None, index: Any) -> Any:
    """What the issued file's cell holds for a value."""
    if text is None:
        return None
    if spec.kind == "date":
        return dt.date.fromisoformat(text)
    if spec.kind == "int":
        return int(text)
    if spec.kind in ("decimal", "money"):
        number = Decimal(text)
        return int(number) if number == number.to_integral_value() else float(number)
    if spec.kind == "bool":
        return "Có"
    return shown(section, spec, text, index)


def raw_for_clean(section: str, spec: FieldSpec, value: Any) -> Any:
    """A cell's value made ready for ``app.validation.clean_value`` (choice words → codes)."""
    if isinstance(value, str):
        value = value.strip()
    if spec.kind == "choice" and spec.name != "sex" and isinstance(value, str) and value:
        code = vocabulary.choice_code(choice_path(section, spec), spec, value)
        return code if code is not None else value
    if spec.kind in ("text", "longtext", "name") and isinstance(value, int | float) and not isinstance(value, bool):
        return format(Decimal(str(value)).normalize(), "f")
    if spec.kind == "date" and isinstance(value, int | float) and not isinstance(value, bool):
        raise ValueError(f"'{value}' không phải là ngày hợp lệ (dạng dd/mm/yyyy)")
    return value
