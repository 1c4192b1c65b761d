"""Parts both profile forms print the same way (2C-BNV/2008 and HS02-VC/BNV): the header with the
form number, the photo box with the title and the first items, dotted form lines with guidance,
addresses, dates, family rows and the signature blocks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from reportlab.lib.units import cm
from reportlab.platypus import Flowable

from app.reports import layout as L
from app.reports import values as V
from app.reports.layout import Styles, esc, field, para, val

B = V.BLANK
WIDTH = L.PORTRAIT_WIDTH


def header(doc: Mapping[str, Any], form_number: str, managing: str, using: str, number_label: str,
           st: Styles, extra: Sequence[str] = ()) -> L.Table:
    """The form number top right, the two agency lines left, the officer number right."""
    left = [field(f"{managing}: {val(doc.get('managing_unit_name'))}", st.body),
            field(f"{using}: {val(doc.get('unit_name'))}", st.body)]
    right = [para(f"<b>{form_number}</b>", st.right),
             field(f"{number_label}: {val(doc.get('officer_number'))}", st.body), *(field(x, st.body) for x in extra)]
    return L.columns([left, right], [WIDTH * 0.64, WIDTH * 0.36], gap=10)


def identity_block(title: str, photo: bytes | None, items: list[Flowable], st: Styles) -> L.Table:
    """The photo box, and right of it the title and the first items (as on the paper form)."""
    right = [L.Spacer(6), para(title, st.title), *items]
    box = L.PhotoBox(photo, st)
    table = L.columns([[L.Spacer(10), box], right], [box.width + 0.5 * cm, WIDTH - box.width - 0.5 * cm])
    return table


def signatures(doc: Mapping[str, Any], head_title: str, place: str | None, on: dt.date | None,
               st: Styles) -> Flowable:
    on = on or dt.date.today()
    where = esc(place) if place else "……………"
    left = [("<b>Người khai</b>", st.center), ("Tôi xin cam đoan những lời khai trên đây là đúng sự thật", st.center),
            ("(Ký tên, ghi rõ họ tên)", st.center_italic), ("", st.center),
            (f"<b>{esc(doc.get('full_name'))}</b>", st.center)]
    right = [(f"<i>{where}, Ngày {on:%d} tháng {on:%m} năm {on:%Y}</i>", st.center),
             (f"<b>{head_title}</b>", st.center), ("(Ký tên, đóng dấu)", st.center_italic)]
    return L.signature_block(left, right, WIDTH)


def two_fields(left: str, right: str, st: Styles, split: float = 0.5) -> L.Table:
    return L.columns([[field(left, st.body)], [field(right, st.body)]], [WIDTH * split, WIDTH * (1 - split)], gap=6)


def guidance(text: str, st: Styles) -> Flowable:
    return para(f"({text})", st.guidance)


def date_or_blank(value: Any) -> str:
    return val(V.day(value), V.BLANK_DATE)


def free_text(value: Any, st: Styles, lines: int = 2) -> list[Flowable]:
    """A free-text answer: the text when there is one, else dotted lines to write on."""
    return [para(val(value), st.body)] if V.text(value) else [L.DottedLines(lines, st.body.leading + 6)]


def address(text: Any, commune: Any, province: Any, detail: Any = None) -> str:
    """An address as recorded: the old 3-level text verbatim, else the 2025 two-level address."""
    return V.text(text) or V.joined((detail, commune, province), ", ")


def birth_day(doc: Mapping[str, Any]) -> str:
    birth = V.as_date(doc.get("birth_date"))
    if birth is None:
        return f"Sinh ngày {B} tháng {B} năm {B}"
    if doc.get("birth_year_only"):
        return f"Sinh ngày {B} tháng {B} năm {val(birth.year)}"
    return f"Sinh ngày {val(f'{birth:%d}')} tháng {val(f'{birth:%m}')} năm {val(birth.year)}"


FAMILY_HEADERS = ("Mối quan hệ", "Họ và tên", "Năm sinh",
                  "Quê quán, nghề nghiệp, chức danh, chức vụ, đơn vị công tác, học tập, nơi ở (trong, ngoài nước); "
                  "thành viên các tổ chức chính trị - xã hội …)")


def family_rows(doc: Mapping[str, Any], side: str) -> list[tuple[str, ...]]:
    return [(V.text(r.get("relation")), V.text(r.get("full_name")), V.text(r.get("birth_year")),
             V.joined(("Đã mất" if r.get("deceased") else "", r.get("details")), "; "))
            for r in V.rows(doc, "family", side=side)]
