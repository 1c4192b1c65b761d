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
HAND = 3.5 * cm  # the least room a blank of the header leaves for a handwritten number or name


def header(doc: Mapping[str, Any], form_number: str, managing: str, using: str, number_label: str,
           st: Styles, extra: Sequence[str | tuple[str, Any]] = ()) -> L.Table:
    """The form number top right, the two agency lines left, the officer number right. ``extra``
    lines go under the number: markup, or (markup, value) to keep a hand-sized blank when the
    value is empty."""
    def blank(value: Any) -> float:
        return 0 if V.text(value) else HAND

    left = [field(f"{managing}: {val(doc.get('managing_unit_name'))}", st.body,
                  min_blank=blank(doc.get("managing_unit_name"))),
            field(f"{using}: {val(doc.get('unit_name'))}", st.body, min_blank=blank(doc.get("unit_name")))]
    right = [para(f"<b>{form_number}</b>", st.right),
             field(f"{number_label}: {val(doc.get('officer_number'))}", st.body,
                   min_blank=blank(doc.get("officer_number"))),
             *(field(x, st.body) if isinstance(x, str) else field(x[0], st.body, min_blank=blank(x[1])) for x in extra)]
    return L.columns([left, right], [WIDTH * 0.64, WIDTH * 0.36], gap=10)


def identity_block(title: str, photo: bytes | None, items: list[Flowable], st: Styles) -> L.Table:
    """The photo box, and right of it the title and the first items (as on the paper form)."""
    right = [L.Spacer(6), para(title, st.title), *items]
    box = L.PhotoBox(photo, st)
    table = L.columns([[L.Spacer(10), box], right], [box.width + 0.5 * cm, WIDTH - box.width - 0.5 * cm])
    return table


def signatures(doc: Mapping[str, Any], head_title: str, place: str | None, on: dt.date | None,
               st: Styles) -> Flowable:
    """Both signature blocks. The place and date are the signer's to write ("……, Ngày … tháng …
    năm …" as on the form) unless the caller names them (``report 2c --place/--date``): the day
    a profile is printed is not the day it is signed."""
    left = [("<b>Người khai</b>", st.center), ("Tôi xin cam đoan những lời khai trên đây là đúng sự thật", st.center),
            ("(Ký tên, ghi rõ họ tên)", st.center_italic), ("", st.center),
            (f"<b>{esc(doc.get('full_name'))}</b>", st.center)]
    right = [(f"<i>{signing_line(place, on)}</i>", st.center),
             (f"<b>{head_title}</b>", st.center), ("(Ký tên, đóng dấu)", st.center_italic)]
    return L.signature_block(left, right, WIDTH)


def signing_line(place: str | None, on: dt.date | None) -> str:
    """"……………, Ngày …… tháng …… năm ……" with the place and the date when they are given."""
    where = esc(place) if place else "……………"
    if on is None:
        return f"{where}, Ngày …… tháng …… năm ……"
    return f"{where}, Ngày {on:%d} tháng {on:%m} năm {on:%Y}"


def two_fields(left: str, right: str, st: Styles, split: float = 0.5) -> L.Table:
    return L.columns([[field(left, st.body)], [field(right, st.body)]], [WIDTH * split, WIDTH * (1 - split)], gap=6)


def guidance(text: str, st: Styles) -> Flowable:
    """The form's printed hint under a line; it never starts a page (it stays with its line,
    see :func:`app.reports.layout.bind`)."""
    return L.keep_with_previous(para(f"({text})", st.guidance))


def date_or_blank(value: Any) -> str:
    return val(V.day(value), V.BLANK_DATE)


def free_text(value: Any, st: Styles, lines: int = 2) -> list[Flowable]:
    """A free-text answer: the text when there is one, else dotted lines to write on."""
    return [para(val(value), st.body)] if V.text(value) else [L.DottedLines(lines, st.body.leading + 6)]


def address(text: Any, commune: Any, province: Any, detail: Any = None) -> str:
    """An address as recorded: the old 3-level text verbatim, else the 2025 two-level address."""
    return V.text(text) or V.joined((detail, commune, province), ", ")


def two_level_address(text: Any, commune: Any, province: Any) -> str:
    """An address where the form has two levels, "(xã, phường) … (tỉnh, TP) …" (HS02 item 5):
    the 2025 commune and province when recorded; else the recorded text without its middle
    level(s) (the district: "Xã Điện Minh, Huyện Điện Bàn, Tỉnh Quảng Nam" → "Xã Điện Minh,
    Tỉnh Quảng Nam")."""
    parts = [p.strip() for p in V.text(text).split(",") if p.strip()]
    if (V.text(commune) and V.text(province)) or not parts:
        return V.joined((commune, province), ", ")
    return ", ".join(parts[:1] + parts[-1:]) if len(parts) > 2 else ", ".join(parts)


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
             V.family_details(r))
            for r in V.rows(doc, "family", side=side)]
