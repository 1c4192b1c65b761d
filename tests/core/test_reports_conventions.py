"""Issue 19 item 11, the printing part: one number format and one spelling convention.

Numbers: a coefficient prints with a decimal comma and at least two decimals ("3,00", as the salary
tables of NĐ 204/2004 print them) everywhere — forms, lists — through ONE function,
``app.reports.values.number`` (the desktop preview is to call it too).

Spelling: HoSo writes the tone mark of an open "oa", "oe", "uy" syllable on the second vowel
("khoẻ", "xoá", "hoà", "thuỷ"), the style most of the code already used when this was chosen
(about 98 to 49 occurrences in app/, ui/, resources/); the forms' texts follow it.
"""

from __future__ import annotations

import io
import re
from decimal import Decimal
from pathlib import Path

import pytest

from app.reports import values as V
from app.reports.lists import COLUMNS, ListReport, render_list_pdf
from app.reports.profile import render_profile
from tests.core.test_reports_profile import make_doc, module_database, pdf_text

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(("value", "shown"), [
    (3, "3,00"), ("3", "3,00"), ("3.0", "3,00"), ("3,0", "3,00"), (Decimal("3.0"), "3,00"), (3.66, "3,66"),
    ("0,2", "0,20"), (Decimal("2.345"), "2,345"), (None, ""), ("", ""), ("abc", "abc"),
])
def test_one_number_format(value, shown) -> None:
    assert V.number(value) == shown


def test_form_and_list_print_the_same_coefficient(tmp_path_factory) -> None:
    db = module_database(tmp_path_factory.mktemp("conventions"))
    try:
        doc = make_doc(db, salary_coefficient="3,0", salary_history=[])
    finally:
        db.dispose()
    buffer = io.BytesIO()
    render_profile(doc, buffer)
    form = " ".join(pdf_text(buffer.getvalue()))
    assert "Hệ số: 3,00" in form
    report = ListReport("DANH SÁCH", None, "", __import__("datetime").date(2026, 1, 1),
                        (COLUMNS["ho_ten"], COLUMNS["he_so"]), (("Nguyễn Văn Bình", Decimal("3.0")),))
    buffer = io.BytesIO()
    render_list_pdf(report, buffer)
    assert "3,00" in " ".join(pdf_text(buffer.getvalue()))


# A tone mark on the first vowel of an open oa/oe/uy syllable ("khỏe", "xóa", "hòa", "thủy").
NEW_STYLE = re.compile(r"(?<![qQ])[òóỏõọÒÓỎÕỌ][aeAE](?![\w])|(?<![qQ])[ùúủũụÙÚỦŨỤ][yY](?![\w])")


def test_new_style_is_recognised() -> None:
    assert NEW_STYLE.findall("sức khỏe, xóa, Hòa, thủy, Ủy") and not NEW_STYLE.findall("sức khoẻ, xoá, hoà, hoàn, quả")


def test_the_forms_texts_follow_one_spelling_convention() -> None:
    sources = [*sorted((ROOT / "app" / "reports").glob("*.py")), *sorted((ROOT / "resources" / "reports").glob("*"))]
    found = {}
    for path in sources:
        if path.is_file():
            hits = NEW_STYLE.findall(path.read_text(encoding="utf-8"))
            if hits:
                found[path.name] = hits
    assert found == {}
