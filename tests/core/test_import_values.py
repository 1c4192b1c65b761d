"""Cell values the way Vietnamese lists write them → the values the people service takes."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from app.exchange.reader import Cell
from app.exchange.values import (
    cccd_value,
    date_value,
    decode_column,
    flag_value,
    number_value,
    phone_value,
    sex_value,
)
from app.text import normalize_name
from tests.core.test_import_support import to_tcvn3, to_vni


@pytest.mark.parametrize("value", [
    "12/03/1985", "12/3/1985", "12-03-1985", "12.03.1985", "1985-03-12", " 12/03/1985 ",
    "12/03/1985 00:00:00", "ngày 12 tháng 3 năm 1985", dt.datetime(1985, 3, 12), dt.date(1985, 3, 12),
    31118,  # the day number Excel keeps when the cell is formatted as a number
    31118.0,
])
def test_every_date_form(value) -> None:
    parsed = date_value(value)
    assert parsed.date == dt.date(1985, 3, 12) and parsed.precision == "day"


@pytest.mark.parametrize("value, expected, precision", [
    ("1985", dt.date(1985, 1, 1), "year"), (1985, dt.date(1985, 1, 1), "year"),
    ("3/1985", dt.date(1985, 3, 1), "month"), ("03/1985", dt.date(1985, 3, 1), "month"),
    ("d/m/yyyy", None, None),
])
def test_partial_dates(value, expected, precision) -> None:
    if expected is None:
        with pytest.raises(ValueError, match="không phải là ngày"):
            date_value(value)
        return
    parsed = date_value(value)
    assert (parsed.date, parsed.precision) == (expected, precision)


@pytest.mark.parametrize("value, needle", [
    ("31/02/1985", "không có thật"), ("12/03/85", "4 chữ số"), ("13/1985", "tháng 13"),
    ("hôm qua", "không phải là ngày"), (True, "không phải là ngày"), (999999, "không phải là ngày"),
])
def test_bad_dates_say_why(value, needle) -> None:
    with pytest.raises(ValueError, match=needle):
        date_value(value)


@pytest.mark.parametrize("value, kind, expected", [
    ("2,34", "decimal", Decimal("2.34")), ("2.34", "decimal", Decimal("2.34")), (2.34, "decimal", Decimal("2.34")),
    (2.3399999999999999, "decimal", Decimal("2.34")), ("5.475.600", "money", Decimal("5475600")),
    (3, "int", 3), ("3", "int", 3), ("3,0", "int", 3), ("Bậc 5", "int", 5), ("5/8", "int", 5), (4.0, "int", 4),
])
def test_numbers(value, kind, expected) -> None:
    assert number_value(value, kind) == expected


def test_a_number_excel_turned_into_a_date_is_refused() -> None:
    with pytest.raises(ValueError, match="Excel đã đổi ô này thành ngày 02/10"):
        number_value(dt.datetime(2024, 10, 2), "decimal")
    with pytest.raises(ValueError, match="số nguyên"):
        number_value("2,5", "int")


@pytest.mark.parametrize("value, sex, warned", [
    ("Nam", "Nam", False), ("Nữ", "Nữ", False), ("nu", "Nữ", False), ("NỮ", "Nữ", False), (" nữ ", "Nữ", False),
    ("M", "Nam", False), ("F", "Nữ", False), (1, "Nam", True), ("0", "Nữ", True), (2, "Nữ", True),
])
def test_sex_variants(value, sex, warned) -> None:
    result, warning = sex_value(value)
    assert result == sex and bool(warning) is warned


def test_sex_refusal_and_marks() -> None:
    with pytest.raises(ValueError, match="không phải là giới tính"):
        sex_value("khác")
    assert [flag_value(v) for v in ("x", "X", 1, "1", "✓", None, "", 0, "0")] == [True] * 5 + [False] * 4
    with pytest.raises(ValueError, match="dấu đánh"):
        flag_value("có lẽ")


def test_cccd_stored_as_a_number_gets_its_zero_back() -> None:
    number, warning = cccd_value(48085001234)
    assert number == "048085001234" and "11 chữ số" in warning and "048085001234" in warning
    assert cccd_value(48085001234.0)[0] == "048085001234"
    assert cccd_value("048085001234") == ("048085001234", None)
    assert cccd_value("048 085 001 234") == ("048 085 001 234", None)  # the service drops the spaces
    assert cccd_value(12345)[0] == "12345"  # left for the service to refuse
    assert phone_value(905123456) == ("0905123456", phone_value(905123456)[1])
    assert phone_value("0905123456") == ("0905123456", None)


# --- legacy text, per column -------------------------------------------------------------------

def test_tcvn3_cells_in_vntime_font() -> None:
    names = ["Nguyễn Văn Bình", "Trần Thị Hoa", "Lê Đức Thọ"]
    decoded = decode_column([Cell(to_tcvn3(n), ".VnTime") for n in names])
    assert [d.text for d in decoded] == names
    assert all(d.encoding == "tcvn3" and d.original for d in decoded)


def test_uppercase_vntimeh_name_becomes_a_normal_case_name() -> None:
    (cell,) = decode_column([Cell(to_tcvn3("nguyễn văn bình"), ".VnTimeH")])
    assert cell.text == "NGUYỄN VĂN BÌNH"
    assert normalize_name(cell.text) == "Nguyễn Văn Bình"


def test_vni_cells_in_vni_times_font() -> None:
    decoded = decode_column([Cell(to_vni("Nguyễn Văn Bình"), "VNI-Times"), Cell(to_vni("Đà Nẵng"), "VNI-Times")])
    assert [d.text for d in decoded] == ["Nguyễn Văn Bình", "Đà Nẵng"]
    assert {d.encoding for d in decoded} == {"vni"}


def test_tcvn3_without_font_is_detected_over_the_column() -> None:
    names = ["Nguyễn Văn Bình", "Trần Thị Hoa", "Phạm Thị Tú", "Lê Văn Tám"]
    cells = [Cell(to_tcvn3(n), "Times New Roman") for n in names] + [Cell("Hoàng Thị Lý", "Arial"), Cell(None)]
    decoded = decode_column(cells)
    assert [d.text for d in decoded] == [*names, "Hoàng Thị Lý", None]
    # "Phạm Thị Tú" alone is ambiguous ("Tó" is a word too); the column decides
    assert decoded[2].encoding == "tcvn3" and decoded[4].encoding is None


def test_unicode_column_is_left_alone() -> None:
    cells = [Cell(t) for t in ("Nguyễn Văn Bình", "Café Tám", "Müller", "José", 1234)]
    assert [d.text for d in decode_column(cells)] == ["Nguyễn Văn Bình", "Café Tám", "Müller", "José", None]
    assert not any(d.encoding for d in decode_column(cells))


def test_unicode_retyped_in_a_legacy_font_is_kept() -> None:
    (cell,) = decode_column([Cell("Nguyễn Văn Bình", ".VnTime")])
    assert cell.text == "Nguyễn Văn Bình" and cell.encoding is None
