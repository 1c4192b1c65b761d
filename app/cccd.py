"""The 12-digit personal identification number (số định danh cá nhân, Thông tư 59/2021/TT-BCA).

Digits 1–3: the province (pre-2025 list) where the birth was registered; digit 4: century and
sex (0/1 = male/female born 1900–1999, 2/3 = 2000–2099, 4/5 = 2100–2199, …); digits 5–6: the last
two digits of the birth year; digits 7–12: a serial. A contradiction with the record is a
warning (the number may be right and the record wrong), an impossible number is an error.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from functools import lru_cache

from app.resources import resource_path

_DIGITS = re.compile(r"[0-9]{12}")


@lru_cache(maxsize=1)
def old_province_codes() -> dict[str, str]:
    """CCCD province prefix (e.g. "048") → province name before the 2025 merger."""
    with resource_path("catalogs", "old_provinces.csv").open(encoding="utf-8") as fh:
        return {row["code"]: row["name"] for row in csv.DictReader(fh)}


def clean(value: object) -> str:
    """Digits only: spaces, dots and dashes typed between groups are dropped."""
    return re.sub(r"[\s.\-]", "", str(value or ""))


def format_error(number: str) -> str | None:
    """Why the number cannot be a CCCD (Vietnamese), or None when its shape is valid."""
    if not _DIGITS.fullmatch(number):
        return "phải gồm đúng 12 chữ số"
    if number[:3] not in old_province_codes():
        return f"mã tỉnh nơi đăng ký khai sinh '{number[:3]}' không tồn tại"
    return None


def mismatches(number: str, birth_date: dt.date | None, sex: str | None) -> list[str]:
    """Warnings where the number contradicts the record's birth year or sex."""
    if format_error(number) or birth_date is None:
        return []
    digit = int(number[3])
    century = 1900 + 100 * (digit // 2)
    warnings = []
    if sex in ("Nam", "Nữ") and ("Nam" if digit % 2 == 0 else "Nữ") != sex:
        warnings.append(f"chữ số thứ 4 ({digit}) cho biết giới tính "
                        f"{'nam' if digit % 2 == 0 else 'nữ'}, hồ sơ ghi {sex.lower()}")
    year = century + int(number[4:6])
    if year != birth_date.year:
        warnings.append(f"các chữ số 4–6 cho biết năm sinh {year}, hồ sơ ghi {birth_date.year}")
    return warnings
