"""The CV form of the national CBCCVC database ("Mẫu sơ yếu lý lịch", Thông tư 06/2023/TT-BNV).

One form for cán bộ, công chức and viên chức, 38 items, as REFERENCE.md §1.4 gives them: the header
(managing and employing bodies, Số hiệu, Mã số định danh — the số định danh cá nhân), the 4 × 6
photo box beside the title and items 1–5, items 6–31 as form lines, then the tables — 32 the six
training tables, 33 the work history, 34 the personal history, 35 ratings, awards and discipline,
36 the family, 37 the family's economic situation — 38 the assessment and both signature blocks.
The form carries no form code (unlike "2C"), so none is printed. The signer's place and date stay
blank ("……, Ngày … tháng … năm 20……") unless given.

Items 1–31 are read from the field declarations (``app.fields.FieldSpec.cv``: item and label as
printed), so a field declared for the form is printed without touching this module; values that
combine several fields (addresses, the grade's name, the highest qualification) are the few
``_VALUES`` below. Tables repeat their two header rows ("Tháng/năm" over "Từ | Đến") on every
page they run onto. Printing reads the Person JSON (``app.person_json``), like the 2C and HS02
printers, through the same batch machinery (``app.reports.profile``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.platypus import CondPageBreak, Flowable, Table

from app.db import Database
from app.errors import UserError
from app.fields import FieldSpec, json_keys
from app.fields import cv_items as _declared_items
from app.reports import document, files
from app.reports import layout as L
from app.reports import values as V
from app.reports.drawn import FormLine, Head, RuledTable
from app.reports.forms import address, birth_day, family_rows
from app.reports.layout import Styles, esc, para, val
from app.reports.profile import (
    Progress,
    Transform,
    render_profiles,
    unit_people,
)

FORM = "Mẫu sơ yếu lý lịch (Thông tư 06/2023/TT-BNV)"
TITLE = "SƠ YẾU LÝ LỊCH"
MANAGING = "Cơ quan quản lý cán bộ, công chức, viên chức"
USING = "Cơ quan, đơn vị sử dụng cán bộ, công chức, viên chức"
HEAD_TITLE = "Xác nhận của cơ quan, đơn vị quản lý cán bộ, công chức, viên chức"
B = V.BLANK
WIDTH = L.PORTRAIT_WIDTH
FAMILY_HEADERS = ("Mối quan hệ", "Họ và tên", "Năm sinh",
                  "Quê quán, nghề nghiệp, chức danh, chức vụ, đơn vị công tác, học tập, nơi ở (trong, ngoài nước); "
                  "thành viên các tổ chức chính trị - xã hội (trong, ngoài nước); làm việc cho chế độ cũ, tiền án, "
                  "tiền sự (nếu có)")
_SUB_ITEMS = {"30.1", "30.2", "30.3"}
cv_items = lru_cache(maxsize=1)(_declared_items)  # the declarations do not change while the app runs
_ITEM_ORDER = (*(str(n) for n in range(1, 30)), "30.1", "30.2", "30.3", "31")


# --------------------------------------------------------------------------- items 1–31


def field(markup: str, style: Any, *, min_blank: float = 0) -> FormLine:
    """A form line (``layout.field``'s look, drawn by ``app.reports.drawn.FormLine``)."""
    return FormLine(L.nfc(markup), style, min_blank)


def _address(prefix: str) -> Callable[[Mapping[str, Any]], str]:
    return lambda d: address(d.get(f"{prefix}_text"), d.get(f"{prefix}_commune"), d.get(f"{prefix}_province_name"),
                             d.get(f"{prefix}_detail"))


# Values that are more than the field's own: field name → value from the whole document.
_VALUES: dict[str, Callable[[Mapping[str, Any]], Any]] = {
    "full_name": lambda d: V.text(d.get("full_name")).upper(),
    "birthplace_text": _address("birthplace"),
    "hometown_text": _address("hometown"),
    "current_text": _address("current"),
    "professional_level_code": V.professional_summary,
    "academic_title_code": lambda d: V.joined((d.get("academic_title"), d.get("academic_title_year")), ", năm "),
    "mass_org_join_date": lambda d: V.joined((V.day(d.get("mass_org_join_date")), d.get("mass_org_text")), ", "),
    "policy_subject": lambda d: d.get("policy_subject") or d.get("policy_family"),
    "position_allowance": V.position_allowance,
    "other_allowance": V.other_allowance,
}


def value_of(spec: FieldSpec, doc: Mapping[str, Any]) -> str:
    """A declared field's value as the form prints it ("" when empty)."""
    if spec.name in _VALUES:
        return V.text(_VALUES[spec.name](doc))
    raw = doc.get(json_keys(spec)[0])  # a catalog field: its name
    if raw is None or raw == "":
        return ""
    if spec.kind == "date":
        return V.day(raw)
    if spec.kind == "decimal":
        return V.number(raw)
    if spec.kind == "money":
        return V.money(raw)
    return V.text(raw)


def _segment(spec: FieldSpec, doc: Mapping[str, Any], last: bool) -> str:
    label = spec.cv[1] if spec.cv else spec.label
    if spec.name == "birth_date":
        return birth_day(doc)
    shown = value_of(spec, doc)
    if spec.name == "grade_code":  # "Ngạch/chức danh nghề nghiệp: <name>, Mã số: <code>"
        name = V.grade_name(doc.get("grade_code"), doc.get("grade_list_version"))
        return f"Ngạch/chức danh nghề nghiệp: {val(name, B)}, {label}: {val(shown, B)}"
    if spec.name == "hometown_text" and not shown:  # the form's own hint of the three levels
        return f"{label}: (xã, phường) {B}, (huyện, quận) {B}, (tỉnh, TP) {B}"
    blank = V.BLANK_DATE if spec.kind == "date" and not last else ("" if last else B)
    return f"{label}: {val(shown, blank)}"


def item_line(item: str, doc: Mapping[str, Any], st: Styles) -> Flowable:
    specs = cv_items().get(item, ())
    parts = [_segment(s, doc, i == len(specs) - 1) for i, s in enumerate(specs)]
    number = f"{item}- " if item in _SUB_ITEMS else f"{item}) "
    return field(number + ", ".join(parts), st.body)


def _lines(items: Sequence[str], doc: Mapping[str, Any], st: Styles) -> list[Flowable]:
    out: list[Flowable] = []
    for item in items:
        if item == "30.1":
            out.append(FormLine("30) Tiền lương", st.body, dots=False))
        out.append(item_line(item, doc, st))
    return out


# --------------------------------------------------------------------------- header, signatures


def _header(doc: Mapping[str, Any], st: Styles) -> Table:
    left = [field(f"{MANAGING}: {val(doc.get('managing_unit_name'))}", st.body),
            field(f"{USING}: {val(doc.get('unit_name'))}", st.body)]
    right = [field(f"Số hiệu: {val(doc.get('officer_number'))}", st.body),
             field(f"Mã số định danh: {val(doc.get('cccd'))}", st.body)]
    return L.columns([left, right], [WIDTH * 0.62, WIDTH * 0.38], gap=10)


def _identity(doc: Mapping[str, Any], photo: bytes | None, st: Styles) -> Table:
    right = [L.Spacer(6), para(TITLE, st.title), *_lines(_ITEM_ORDER[:5], doc, st)]
    box = L.PhotoBox(photo, st)
    return L.columns([[L.Spacer(10), box], right], [box.width + 14, WIDTH - box.width - 14])


def signer_date(place: str | None, on: dt.date | None) -> str:
    """"……, Ngày … tháng … năm 20……" for the signer's hand, or what was given."""
    where = esc(place) if place else "……"
    if on is None:
        return f"{where}, Ngày … tháng … năm 20……"
    return f"{where}, Ngày {on:%d} tháng {on:%m} năm {on:%Y}"


def _signatures(doc: Mapping[str, Any], place: str | None, on: dt.date | None, st: Styles) -> Flowable:
    left = [("<b>Người khai</b>", st.center), ("Tôi xin cam đoan những lời khai trên đây là đúng sự thật", st.center),
            ("(Ký tên, ghi rõ họ tên)", st.center_italic), ("", st.center),
            (f"<b>{esc(doc.get('full_name'))}</b>", st.center)]
    right = [(f"<i>{signer_date(place, on)}</i>", st.center), (f"<b>{HEAD_TITLE}</b>", st.center),
             ("(Ký tên, đóng dấu)", st.center_italic)]
    return L.signature_block(left, right, WIDTH)


# --------------------------------------------------------------------------- tables 32–37


def _from_to(row: Mapping[str, Any]) -> tuple[str, str]:
    return V.month_year(row.get("start_date")), V.month_year(row.get("end_date"))


def dated_grid(headers: Sequence[str], rows: Sequence[Sequence[Any]], parts: Sequence[float], st: Styles, *,
               centered: Sequence[int] = (0, 1), blank_rows: int = 2) -> RuledTable:
    """A ruled table whose first two columns sit under "Tháng/năm" split into "Từ" and "Đến"; both
    header rows repeat on every page."""
    if len(parts) != len(headers) + 1:
        raise ValueError("one width for Từ and Đến each, then one per header")
    widths = L.fractions(WIDTH, (parts[0], parts[0], *parts[1:]))
    heads = [Head("Tháng/năm", 0, 1), Head("Từ", 0, 0, 1, 1), Head("Đến", 1, 1, 1, 1),
             *(Head(h, i + 2, i + 2, 0, 1) for i, h in enumerate(headers))]
    return RuledTable(heads, 2, [[V.text(c) for c in row] for row in rows], widths, st, centered=centered,
                      blank=blank_rows)


def grid(headers: Sequence[str], rows: Sequence[Sequence[Any]], widths: Sequence[float], st: Styles, *,
         centered: Sequence[int] = (), blank_rows: int = 3) -> RuledTable:
    """A ruled table with one header row (``layout.grid``'s look)."""
    return RuledTable([Head(h, i, i) for i, h in enumerate(headers)], 1, [[V.text(c) for c in row] for row in rows],
                      widths, st, centered=centered, blank=blank_rows)


def _sub(title: str, st: Styles) -> list[Flowable]:
    return _heading(title, st.subheading, 110)


def _heading(title: str, style: Any, need: float = 150) -> list[Flowable]:
    """``layout.heading`` (a new page when less than ``need`` points remain) drawn as a line."""
    return [CondPageBreak(need), FormLine(L.nfc(title), style, dots=False)]


# kind → (sub-item title, headers after Từ/Đến, row → cells, relative widths (Từ/Đến width first))
_TRAINING: tuple[tuple[tuple[str, ...], str, tuple[str, ...], Callable[[Mapping[str, Any]], tuple[Any, ...]],
                       tuple[float, ...]], ...] = (
    (("professional",), "32.1- Chuyên môn (từ trung cấp trở lên, trong và ngoài nước)",
     ("Tên cơ sở đào tạo", "Chuyên ngành đào tạo", "Hình thức đào tạo", "Văn bằng, trình độ"),
     lambda r: (r.get("institution"), r.get("major"), V.catalog_name("training_form", r.get("form_code")),
                r.get("qualification")), (14, 24, 18, 13, 17)),
    (("political_theory",), "32.2- Lý luận chính trị", ("Tên cơ sở đào tạo", "Hình thức đào tạo", "Văn bằng được cấp"),
     lambda r: (r.get("institution"), V.catalog_name("training_form", r.get("form_code")), r.get("qualification")),
     (14, 32, 17, 23)),
    (("state_management", "other"),
     "32.3- Bồi dưỡng quản lý nhà nước/chức danh nghề nghiệp/nghiệp vụ chuyên ngành",
     ("Tên cơ sở đào tạo", "Chứng chỉ được cấp"),
     lambda r: (r.get("institution"), V.joined((r.get("qualification"), r.get("major")), " — ")), (14, 36, 36)),
    (("defence_security",), "32.4- Bồi dưỡng kiến thức an ninh, quốc phòng", ("Tên cơ sở đào tạo", "Chứng chỉ được cấp"),
     lambda r: (r.get("institution"), r.get("qualification")), (14, 36, 36)),
    (("it",), "32.5- Tin học", ("Tên cơ sở đào tạo", "Chứng chỉ được cấp"),
     lambda r: (r.get("institution"), r.get("qualification")), (14, 36, 36)),
    (("language",), "32.6- Ngoại ngữ/tiếng dân tộc",
     ("Tên cơ sở đào tạo", "Tên ngoại ngữ/tiếng dân tộc", "Chứng chỉ được cấp", "Điểm số"),
     lambda r: (r.get("institution"), r.get("language"), r.get("qualification"), r.get("score")),
     (14, 25, 17, 18, 12)),
)


def _training(doc: Mapping[str, Any], st: Styles) -> list[Flowable]:
    out: list[Flowable] = [*_heading("32) QUÁ TRÌNH ĐÀO TẠO, BỒI DƯỠNG", st.heading)]
    rows = V.chronological(doc, "training")
    for kinds, title, headers, cells, parts in _TRAINING:
        chosen = [(*_from_to(r), *cells(r)) for r in rows if r.get("kind") in kinds]
        out += [*_sub(title, st), dated_grid(headers, chosen, parts, st)]
    return out


def _work(doc: Mapping[str, Any], st: Styles) -> list[Flowable]:
    rows = [(*_from_to(r), r.get("unit_name") or r.get("description"), r.get("position"))
            for r in V.chronological(doc, "work_history")]
    return [*_heading("33) TÓM TẮT QUÁ TRÌNH CÔNG TÁC", st.heading),
            dated_grid(("Đơn vị công tác (đảng, chính quyền, đoàn thể, tổ chức xã hội)", "Chức danh/chức vụ"), rows,
                       (14, 42, 30), st, blank_rows=4)]


def _history(doc: Mapping[str, Any], st: Styles) -> list[Flowable]:
    def dated(kind: str) -> list[tuple[str, ...]]:
        return [(*_from_to(r), V.text(r.get("content"))) for r in V.rows(doc, "personal_history", kind=kind)]

    detention = cv_items()["34.1"][0]
    answer = doc.get(detention.name)
    return [*_heading("34) ĐẶC ĐIỂM LỊCH SỬ BẢN THÂN", st.heading),
            *_sub(f"34.1- {detention.cv[1] if detention.cv else detention.label}", st),
            para(esc(answer), st.body) if V.text(answer) else L.DottedLines(2, st.body.leading + 6),
            *_sub("34.2- Bản thân có làm việc cho chế độ cũ (cơ quan, đơn vị nào, địa điểm, chức danh, chức vụ, "
                  "thời gian làm việc …)", st),
            dated_grid(("Chức danh, chức vụ, đơn vị, địa điểm đã làm việc",), dated("old_regime"), (14, 72), st),
            *_sub("34.3- Tham gia hoặc có quan hệ với các tổ chức chính trị, kinh tế, xã hội nào ở nước ngoài "
                  "(làm gì, tổ chức nào, đặt trụ sở ở đâu …?)", st),
            dated_grid(("Tên tổ chức, địa chỉ trụ sở, công việc đã làm",), dated("foreign_org"), (14, 72), st)]


def yearly_rows(doc: Mapping[str, Any]) -> list[tuple[Any, str, str, str]]:
    """35.1: one row a year — the professional rating (else the quality rating), the emulation
    rating and the awards of that year."""
    years: dict[Any, list[Any]] = {}
    for e in doc.get("evaluations") or ():
        years.setdefault(e.get("year"), ["", "", []])
        years[e.get("year")][:2] = [e.get("professional_rating") or e.get("quality_rating") or "",
                                    e.get("emulation_rating") or ""]
    for r in doc.get("rewards") or ():
        years.setdefault(r.get("year"), ["", "", []])[2].append(r.get("title"))
    return [(year or "", ratings[0], ratings[1], V.joined(ratings[2]))
            for year, ratings in sorted(years.items(), key=lambda kv: kv[0] or 0)]


def _rewards(doc: Mapping[str, Any], st: Styles) -> list[Flowable]:
    discipline = [(*_from_to(r), r.get("form"), r.get("violation"), r.get("authority"))
                  for r in doc.get("discipline") or ()]
    return [*_heading("35) KHEN THƯỞNG, KỶ LUẬT", st.heading),
            *_sub("35.1- Thành tích thi đua, khen thưởng", st),
            grid(("Năm", "Xếp loại chuyên môn", "Xếp loại thi đua", "Hình thức khen thưởng"), yearly_rows(doc),
                 L.fractions(WIDTH, (10, 25, 22, 43)), st, centered=(0,), blank_rows=2),
            *_sub("35.2- Kỷ luật", st),
            dated_grid(("Hình thức", "Hành vi vi phạm chính", "Cơ quan quyết định"), discipline, (14, 18, 30, 24), st)]


def _family(doc: Mapping[str, Any], st: Styles) -> list[Flowable]:
    widths = L.fractions(WIDTH, (14, 22, 10, 54))
    return [*_heading("36) QUAN HỆ GIA ĐÌNH", st.heading),
            *_sub("36.1- Về bản thân: Cha, Mẹ, Vợ (hoặc chồng), các con, anh chị em ruột", st),
            grid(FAMILY_HEADERS, family_rows(doc, "self"), widths, st, centered=(2,), blank_rows=3),
            *_sub("36.2- Cha, Mẹ, anh chị em ruột (bên vợ hoặc chồng)", st),
            grid(FAMILY_HEADERS, family_rows(doc, "spouse"), widths, st, centered=(2,), blank_rows=3)]


def _economy(doc: Mapping[str, Any], st: Styles) -> list[Flowable]:
    salary = [(*_from_to(r), r.get("grade_code"), r.get("salary_step"), V.number(r.get("salary_coefficient")),
               V.money(r.get("salary_amount")))
              for r in sorted(doc.get("salary_history") or (), key=lambda r: r.get("start_date") or "")]
    allowances = [(*_from_to(r), r.get("kind"), V.number(r.get("percent"), 0), V.number(r.get("coefficient")),
                   r.get("method"), V.money(r.get("amount")))
                  for r in sorted(doc.get("allowances") or (), key=lambda r: r.get("start_date") or "")]
    income = [field(f"- {s.cv[1] if s.cv else s.label}: {val(value_of(s, doc))}", st.body)
              for s in cv_items().get("37.3", ())]
    return [*_heading("37) HOÀN CẢNH KINH TẾ GIA ĐÌNH", st.heading),
            *_sub("37.1- Quá trình lương của bản thân", st),
            dated_grid(("Mã số", "Bậc lương", "Hệ số lương", "Tiền lương theo vị trí việc làm"), salary,
                       (14, 18, 12, 14, 28), st, centered=(0, 1, 2, 3, 4, 5)),
            *_sub("37.2- Các loại phụ cấp khác", st),
            dated_grid(("Loại phụ cấp", "Phần trăm hưởng", "Hệ số", "Hình thức hưởng", "Giá trị (đồng)"), allowances,
                       (14, 20, 11, 9, 16, 16), st, centered=(0, 1, 3, 4, 6)),
            *_sub("37.3- Nguồn thu nhập chính của gia đình hằng năm", st), *income]


def _assessment(doc: Mapping[str, Any], st: Styles) -> list[Flowable]:
    spec = cv_items()["38"][0]
    answer = doc.get(spec.name)
    body: list[Flowable] = [para(esc(answer), st.body)] if V.text(answer) else [L.DottedLines(6)]
    return [*_heading("38) NHẬN XÉT, ĐÁNH GIÁ CỦA CƠ QUAN, TỔ CHỨC, ĐƠN VỊ SỬ DỤNG", st.heading), *body]


# --------------------------------------------------------------------------- the form


def story(doc: Mapping[str, Any], *, photo: bytes | None = None, place: str | None = None,
          on: dt.date | None = None, st: Styles | None = None) -> list[Flowable]:
    """The whole form for one Person JSON document (``profile_document``)."""
    st = st or L.styles()
    # the 2C/HS02 page-break rules: marked flowables stay with the one before (``L.bind``), and
    # item 38 closes with the signatures so they never stand alone on the last page
    return L.bind([_header(doc, st), _identity(doc, photo, st), *_lines(_ITEM_ORDER[5:], doc, st),
                   *_training(doc, st), *_work(doc, st), *_history(doc, st), *_rewards(doc, st),
                   *_family(doc, st), *_economy(doc, st),
                   *L.closing(_assessment(doc, st), _signatures(doc, place, on, st))])


def render_cv(doc: Mapping[str, Any], out: Path | BinaryIO, *, photo: bytes | None = None,
              place: str | None = None, on: dt.date | None = None) -> int:
    """Write one person's form as PDF; returns the number of pages."""
    title = f"Sơ yếu lý lịch — {doc.get('full_name') or ''}"
    chunks = [document.section(story(doc, photo=photo, place=place, on=on))]
    if isinstance(out, Path):
        files.check_target(out, (".pdf",))
        return files.atomic(out, lambda target: document.build(target, chunks, title=title, subject=FORM))
    return document.build(out, chunks, title=title, subject=FORM)


def render_unit_cvs(db: Database, unit_code: str, out: Path, *, include_subunits: bool = True,
                    include_inactive: bool = False, progress: Progress | None = None,
                    cancelled: Callable[[], bool] | None = None, place: str | None = None,
                    on: dt.date | None = None, transform: Transform | None = None) -> int:
    """Every form of a unit (and its sub-units; people still working unless ``include_inactive``)
    in one PDF, in Vietnamese name order."""
    files.check_target(out, (".pdf",))
    with db.session() as session:
        ids = unit_people(session, unit_code, include_subunits=include_subunits, include_inactive=include_inactive)
    if not ids:
        raise UserError(f"Đơn vị '{unit_code}' không có hồ sơ nào để in.")
    return render_cvs(db, ids, out, progress=progress, cancelled=cancelled, place=place, on=on,
                      title=f"Sơ yếu lý lịch — {unit_code}", transform=transform)


def render_cvs(db: Database, person_ids: Sequence[Any], out: Path, *, progress: Progress | None = None,
               cancelled: Callable[[], bool] | None = None, place: str | None = None, on: dt.date | None = None,
               title: str = "Sơ yếu lý lịch", transform: Transform | None = None) -> int:
    """The forms of ``person_ids`` (in that order) in one PDF, each from a new page and numbered on
    its own: ``profile.render_profiles`` (batches, cancelling, masking) with this form's story."""
    return render_profiles(db, list(person_ids), out, progress=progress, cancelled=cancelled, place=place, on=on,
                           title=title, transform=transform, story=story, subject=FORM)
