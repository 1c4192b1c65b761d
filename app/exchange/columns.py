"""The columns HoSo writes (template, export) — the same ones it reads back, so an export
re-imports without a change.

A column is a target of the import vocabulary: a person field, ``unit`` (written as the unit
code, "Mã đơn vị") or ``unit_name`` ("Tên đơn vị", read only when no code is given). Values
leave as the import reads them: catalog names, choice words ("Công chức"), real Excel dates,
a birth date known only by its year as the year, numbers as numbers, the CCCD as text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from app.catalogs import CatalogIndex
from app.errors import UserError
from app.exchange.vocabulary import NOT_IMPORTED, choice_label, person_header, person_vocabulary
from app.fields import PERSON_FIELD_MAP, PERSON_FIELDS, SECTION_FIELDS, FieldSpec

DEFAULT_COLUMNS: tuple[str, ...] = (
    "cccd", "full_name", "birth_date", "sex", "unit", "unit_name", "position", "grade_code", "salary_step",
    "salary_coefficient", "salary_since", "ethnicity_code", "religion_code", "hometown_text",
    "professional_level_code", "professional_major", "political_theory_code", "party_join_date", "staff_type",
    "phone",
)
TEMPLATE_SECTIONS: tuple[str, ...] = ("training", "work_history", "family", "salary_history")
DATE_FORMAT = "DD/MM/YYYY"
_NOT_WRITTEN = NOT_IMPORTED | {"birth_year_only"}  # the year-only birth date is written as the year


def all_columns() -> tuple[str, ...]:
    """Every importable column: the usual ones first, then the rest of the dossier in form order."""
    rest = [f.name for f in PERSON_FIELDS if f.name not in DEFAULT_COLUMNS and f.name not in _NOT_WRITTEN]
    return (*DEFAULT_COLUMNS, *rest)


def resolve_columns(spec: str | Sequence[str] | None) -> tuple[str, ...]:
    """``None`` → the default set; "all"; or names/headers separated by commas ("cccd,Họ và tên")."""
    if spec is None:
        return DEFAULT_COLUMNS
    items = [s.strip() for s in spec.split(",")] if isinstance(spec, str) else [str(s).strip() for s in spec]
    if items == ["all"]:
        return all_columns()
    chosen, unknown = [], []
    for item in items:
        target = item if item in all_columns() else person_vocabulary().lookup(item)
        if target and target in all_columns():
            chosen.append(target)
        elif item:
            unknown.append(item)
    if unknown:
        raise UserError(f"Không có cột: {', '.join(unknown)}. Dùng tên trường (cccd, full_name…) "
                        "hoặc tiêu đề tiếng Việt (Họ và tên, Ngày sinh…), hoặc 'all'.")
    if "cccd" not in chosen:
        chosen.insert(0, "cccd")  # the key: without it the file cannot be imported back
    return tuple(dict.fromkeys(chosen))


def header(target: str) -> str:
    return person_header(target)


def spec_of(target: str) -> FieldSpec | None:
    return PERSON_FIELD_MAP.get(target)


def export_value(spec: FieldSpec | None, value: Any, index: CatalogIndex, path: str | None = None) -> Any:
    """A stored value as the import reads it back."""
    if value is None or spec is None:
        return value
    kind = spec.kind
    if kind == "catalog":
        return index.name(spec.catalog or "", value) or value
    if kind == "choice" and spec.name != "sex":
        return choice_label(path or spec.name, value)
    if kind == "bool":
        return "x" if value else None
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, dt.datetime):
        return value.date()
    return value


def note(target: str) -> str:
    """How to fill a column (the template's header comments and its Hướng dẫn sheet)."""
    notes = {
        "cccd": "Bắt buộc. Số định danh cá nhân 12 chữ số. Định dạng ô là Text (hoặc gõ dấu ' ở đầu) "
                "để Excel không bỏ số 0 đầu. Dòng có số CCCD đã có sẽ cập nhật hồ sơ đó.",
        "full_name": "Bắt buộc. Chữ in hoa hay thường đều được: lưu thành 'Nguyễn Văn Bình'.",
        "birth_date": "Bắt buộc. dd/mm/yyyy (12/03/1985) hoặc ô ngày của Excel; chỉ ghi năm (1985) nếu chỉ biết năm sinh.",
        "sex": "Bắt buộc. Nam hoặc Nữ.",
        "unit": "Mã đơn vị (ví dụ DN.SNV) hoặc tên đơn vị đúng như trong HoSo. Để trống: đơn vị chọn khi nhập.",
        "unit_name": "Chỉ dùng khi cột Mã đơn vị để trống.",
        "grade_code": "Mã ngạch hoặc mã chức danh nghề nghiệp, ví dụ 01.003.",
        "salary_step": "Số bậc, ví dụ 3 (ghi '3/9' cũng được).",
        "salary_coefficient": "Ví dụ 3,00 hoặc 2,67 (dấu phẩy hay dấu chấm thập phân đều được).",
        "staff_type": "Cán bộ, Công chức, Viên chức hoặc Hợp đồng lao động.",
        "status": "Đang công tác, Đã nghỉ hưu, Đã chuyển công tác hoặc Đã thôi việc.",
    }
    if target in notes:
        return notes[target]
    spec = spec_of(target)
    if spec is None:
        return ""
    by_kind = {
        "date": "Ngày dạng dd/mm/yyyy hoặc ô ngày của Excel.",
        "int": "Số nguyên.",
        "decimal": "Số, dấu phẩy hay dấu chấm thập phân đều được.",
        "money": "Số tiền (đồng), ví dụ 5.475.600.",
        "catalog": "Ghi tên trong danh mục (có dấu hay không dấu đều được), xem trang Danh mục.",
        "bool": "Ghi x nếu đúng, để trống nếu không.",
        "choice": "Một trong: " + ", ".join(choice_label(spec.name, c) or c for c in spec.choices) + ".",
    }
    return by_kind.get(spec.kind, "")


def section_specs(section: str) -> tuple[FieldSpec, ...]:
    return SECTION_FIELDS[section]
