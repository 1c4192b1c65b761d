"""Mẫu 2C-BNV/2008 "Sơ yếu lý lịch cán bộ, công chức" (Quyết định 02/2008/QĐ-BNV) as flowables.

Laid out like the official Word form (REFERENCE.md §1.1): the header lines and the form number,
the photo box left of the title and items 1–5, items 6–26 as dotted form lines with the printed
guidance, the tables of items 27, 28 and 30, item 29's three topics, item 31's transposed salary
grid, item 32's assessment and the two signature blocks. Labels and guidance are the form's own
words; values come from the Person JSON (``app.person_json``) via ``app.reports.values``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from reportlab.platypus import Flowable

from app.reports import layout as L
from app.reports import values as V
from app.reports.forms import (
    FAMILY_HEADERS,
    address,
    birth_day,
    date_or_blank,
    family_rows,
    free_text,
    guidance,
    header,
    identity_block,
    signatures,
    two_fields,
)
from app.reports.layout import Styles, esc, field, para, val

FORM_NUMBER = "Mẫu 2C-BNV/2008"
TITLE = "SƠ YẾU LÝ LỊCH CÁN BỘ, CÔNG CHỨC"
B = V.BLANK
WIDTH = L.PORTRAIT_WIDTH
SALARY_COLUMNS = 9  # the paper grid has nine columns; longer histories continue in further grids


def story(doc: Mapping[str, Any], *, photo: bytes | None = None, place: str | None = None,
          on: dt.date | None = None, st: Styles | None = None) -> list[Flowable]:
    st = st or L.styles()
    return [header(doc, FORM_NUMBER, "Cơ quan, đơn vị có thẩm quyền quản lý CBCC", "Cơ quan, đơn vị sử dụng CBCC",
                    "Số hiệu cán bộ, công chức", st),
            identity_block(TITLE, photo, _items_1_5(doc, st), st),
            *_items_6_26(doc, st), *_training(doc, st), *_work(doc, st), *_history(doc, st),
            *_family(doc, st), *_salary(doc, st),
            *L.closing(_assessment(doc, st),
                       signatures(doc, "Thủ trưởng cơ quan, đơn vị quản lý và sử dụng CBCC", place, on, st))]


# --------------------------------------------------------------------------- items 1–26


def _items_1_5(doc: Mapping[str, Any], st: Styles) -> list[Flowable]:
    old = "Xã ……, Huyện ……, Tỉnh ……"
    born = address(doc.get("birthplace_text"), doc.get("birthplace_commune"), doc.get("birthplace_province_name"))
    home = address(doc.get("hometown_text"), doc.get("hometown_commune"), doc.get("hometown_province_name"))
    return [field(f"1) Họ và tên khai sinh (viết chữ in hoa): {val(V.text(doc.get('full_name')).upper())}", st.body),
            field(f"2) Tên gọi khác: {val(doc.get('other_names'))}", st.body),
            field(f"3) {birth_day(doc)}, Giới tính (nam, nữ): {val(doc.get('sex'))}", st.body),
            field(f"4) Nơi sinh: {val(born, old)}", st.body),
            field(f"5) Quê quán: {val(home, old)}", st.body)]


def _items_6_26(doc: Mapping[str, Any], st: Styles) -> list[Flowable]:
    d = doc
    where_hint = "Số nhà, đường phố, thành phố, xóm, thôn, xã, huyện, tỉnh"
    position = V.joined((d.get("position"), d.get("concurrent_positions"), d.get("party_position")))
    grade = V.grade_name(d.get("grade_code"), d.get("grade_list_version"))
    mass_org = V.joined((V.day(d.get("mass_org_join_date")), d.get("mass_org_text")), ", ")
    height = f"{val(d.get('height_cm'), B)} cm" if d.get("height_cm") else f"{B} cm"
    weight = f"{val(d.get('weight_kg'), B)} kg" if d.get("weight_kg") else f"{B} kg"
    return [
        two_fields(f"6) Dân tộc: {val(d.get('ethnicity'))}", f"7) Tôn giáo: {val(d.get('religion'))}", st),
        field("8) Nơi đăng ký hộ khẩu thường trú: "
              + val(address(d.get("permanent_text"), d.get("permanent_commune"), d.get("permanent_province_name"),
                            d.get("permanent_detail"))), st.body),
        guidance(where_hint, st),
        field("9) Nơi ở hiện nay: " + val(address(d.get("current_text"), d.get("current_commune"),
                                                 d.get("current_province_name"), d.get("current_detail"))), st.body),
        guidance(where_hint, st),
        field(f"10) Nghề nghiệp khi được tuyển dụng: {val(d.get('occupation_before'))}", st.body),
        field(f"11) Ngày tuyển dụng: {date_or_blank(d.get('recruitment_date'))}, "
              f"Cơ quan tuyển dụng: {val(d.get('recruiting_agency'))}", st.body),
        field(f"12) Chức vụ (chức danh) hiện tại: {val(position)}", st.body),
        guidance("Về chính quyền hoặc Đảng, đoàn thể, kể cả chức vụ kiêm nhiệm", st),
        field(f"13) Công việc chính được giao: {val(d.get('main_duties'))}", st.body),
        field(f"14) Ngạch công chức (viên chức): {val(grade, B)}, Mã ngạch: {val(d.get('grade_code'), B)}, "
              f"Bậc lương: {val(d.get('salary_step'), B)}, Hệ số: {val(V.number(d.get('salary_coefficient')), B)}, "
              f"Ngày hưởng: {date_or_blank(d.get('salary_since'))}; "
              f"Phụ cấp chức vụ: {val(V.position_allowance(d), B)}, Phụ cấp khác: {val(V.other_allowance(d))}",
              st.body),
        field("15.1- Trình độ giáo dục phổ thông (đã tốt nghiệp lớp mấy/thuộc hệ nào): "
              + val(d.get("general_education")), st.body),
        field("15.2- Trình độ chuyên môn cao nhất (TSKH, TS, Ths, cử nhân, kỹ sư, cao đẳng, trung cấp, sơ cấp, "
              f"chuyên ngành): {val(V.professional_summary(d))}", st.body),
        field(f"15.3- Lý luận chính trị (Cao cấp, trung cấp, sơ cấp và tương đương): {val(V.political_summary(d))}",
              st.body),
        field("15.4- Quản lý nhà nước (chuyên viên cao cấp, chuyên viên chính, chuyên viên, cán sự, …): "
              + val(V.state_management_summary(d)), st.body),
        field(f"15.5- Ngoại ngữ (Tên ngoại ngữ + Trình độ A, B, C, D…): {val(V.language_summary(d))}", st.body),
        field(f"15.6- Tin học (Trình độ A, B, C, …): {val(V.it_summary(d))}", st.body),
        field(f"16) Ngày vào Đảng Cộng sản Việt Nam: {date_or_blank(d.get('party_join_date'))}, "
              f"Ngày chính thức: {date_or_blank(d.get('party_official_date'))}", st.body),
        field(f"17) Ngày tham gia tổ chức chính trị - xã hội: {val(mass_org)}", st.body),
        guidance("Ngày tham gia tổ chức: Đoàn, Hội, … và làm việc gì trong tổ chức đó", st),
        field(f"18) Ngày nhập ngũ: {date_or_blank(d.get('enlistment_date'))}, "
              f"Ngày xuất ngũ: {date_or_blank(d.get('discharge_date'))}, "
              f"Quân hàm cao nhất: {val(d.get('military_rank'))}", st.body),
        field(f"19) Danh hiệu được phong tặng cao nhất: {val(d.get('honorary_title'))}", st.body),
        guidance("Anh hùng lao động, anh hùng lực lượng vũ trang; nhà giáo, thầy thuốc, nghệ sĩ nhân dân và ưu tú, …",
                 st),
        field(f"20) Sở trường công tác: {val(d.get('strengths'))}", st.body),
        L.columns([[field(f"21) Khen thưởng: {val(V.reward_summary(d))}", st.body),
                    guidance("Hình thức cao nhất, năm nào", st)],
                   [field(f"22) Kỷ luật: {val(V.discipline_summary(d))}", st.body),
                    guidance("về đảng, chính quyền, đoàn thể hình thức cao nhất, năm nào", st)]],
                  [WIDTH * 0.5, WIDTH * 0.5], gap=6),
        field(f"23) Tình trạng sức khoẻ: {val(d.get('health_status'), B)}, Chiều cao: {height}, "
              f"Cân nặng: {weight}, Nhóm máu: {val(d.get('blood_type'))}", st.body),
        field(f"24) Là thương binh hạng: {val(d.get('war_invalid_rank'), '…/…')}, "
              f"Là con gia đình chính sách: {val(d.get('policy_family'))}", st.body),
        guidance("Con thương binh, con liệt sĩ, người nhiễm chất độc da cam Dioxin", st),
        two_fields(f"25) Số chứng minh nhân dân: {val(d.get('cccd'))}",
                   f"Ngày cấp: {val(V.day(d.get('cccd_issue_date')))}", st, split=0.6),
        field(f"26) Số sổ BHXH: {val(d.get('social_insurance_number'))}", st.body),
    ]


# --------------------------------------------------------------------------- items 27–32


def _training(doc: Mapping[str, Any], st: Styles) -> list[Flowable]:
    rows = [(r.get("institution"), r.get("major"), V.period(r.get("start_date"), r.get("end_date")),
             V.catalog_name("training_form", r.get("form_code")), r.get("qualification"))
            for r in V.chronological(doc, "training")]
    headers = ("Tên trường", "Chuyên ngành đào tạo, bồi dưỡng", "Từ tháng, năm - đến tháng, năm",
               "Hình thức đào tạo", "Văn bằng, chứng chỉ, trình độ gì")
    return [*L.heading("27) ĐÀO TẠO, BỒI DƯỠNG VỀ CHUYÊN MÔN, NGHIỆP VỤ, LÝ LUẬN CHÍNH TRỊ, NGOẠI NGỮ, TIN HỌC", st.heading),
            L.grid(headers, rows, L.fit_widths(headers, rows, WIDTH, (27, 24, 19, 13, 17), st=st, nowrap=(2,)), st=st,
                   centered=(2, 3)),
            para("<i>Ghi chú:</i> Hình thức đào tạo: Chính quy, tại chức, chuyên tu, bồi dưỡng …/ "
                 "Văn bằng: TSKH, TS, Ths, Cử nhân, Kỹ sư …", st.note)]


def work_text(row: Mapping[str, Any]) -> str:
    return V.text(row.get("description")) or V.joined((row.get("position"), row.get("unit_name")), ", ")


def _work(doc: Mapping[str, Any], st: Styles) -> list[Flowable]:
    rows = [(V.period(r.get("start_date"), r.get("end_date")), work_text(r)) for r in V.chronological(doc, "work_history")]
    headers = ("Từ tháng, năm đến tháng, năm",
               "Chức danh, chức vụ, đơn vị công tác (đảng, chính quyền, đoàn thể, tổ chức xã hội), kể cả thời gian "
               "được đào tạo, bồi dưỡng về chuyên môn, nghiệp vụ, ……")
    return [*L.heading("28) TÓM TẮT QUÁ TRÌNH CÔNG TÁC", st.heading),
            L.grid(headers, rows, L.fractions(WIDTH, (24, 76)), st=st, centered=(0,), blank_rows=5)]


def _dated(rows: Sequence[Mapping[str, Any]]) -> str:
    return "\n".join(V.joined((V.period(r.get("start_date"), r.get("end_date"), open_end=""), r.get("content")), ": ")
                     for r in rows)


def _history(doc: Mapping[str, Any], st: Styles) -> list[Flowable]:
    old_regime = _dated(V.rows(doc, "personal_history", kind="old_regime"))
    foreign = _dated(V.rows(doc, "personal_history", kind="foreign_org"))
    topics = (
        ("Khai rõ: bị bắt, bị tù (từ ngày tháng năm nào đến ngày tháng năm nào, ở đâu), đã khai báo cho ai, những "
         "vấn đề gì? Bản thân có làm việc trong chế độ cũ (cơ quan, đơn vị nào, địa điểm, chức danh, chức vụ, thời "
         "gian làm việc …)", "\n".join(t for t in (doc.get("history_detention"), old_regime) if t)),
        ("Tham gia hoặc có quan hệ với các tổ chức chính trị, kinh tế, xã hội nào ở nước ngoài (làm gì, tổ chức "
         "nào, đặt trụ sở ở đâu …?)", "\n".join(t for t in (doc.get("history_foreign_orgs"), foreign) if t)),
        ("Có thân nhân (Cha, Mẹ, Vợ, Chồng, con, anh chị em ruột) ở nước ngoài (làm gì, địa chỉ …)?",
         doc.get("history_relatives_abroad") or ""),
    )
    out: list[Flowable] = [*L.heading("29) ĐẶC ĐIỂM LỊCH SỬ BẢN THÂN", st.heading)]
    for prompt, answer in topics:
        out += [*L.heading(f"- {prompt}", st.subheading, 110), *free_text(answer, st)]
    return out


def _family(doc: Mapping[str, Any], st: Styles, headers: Sequence[str] = FAMILY_HEADERS) -> list[Flowable]:
    widths = L.fractions(WIDTH, (14, 22, 10, 54))
    return [*L.heading("30) QUAN HỆ GIA ĐÌNH", st.heading),
            *L.heading("a) Về bản thân: Cha, Mẹ, Vợ (hoặc chồng), các con, anh chị em ruột", st.subheading, 110),
            L.grid(headers, family_rows(doc, "self"), widths, st=st, centered=(2,)),
            *L.heading("b) Về bên vợ (hoặc chồng): Cha, Mẹ, anh chị em ruột", st.subheading, 110),
            L.grid(headers, family_rows(doc, "spouse"), widths, st=st, centered=(2,))]


def _salary(doc: Mapping[str, Any], st: Styles) -> list[Flowable]:
    history = sorted(doc.get("salary_history") or (), key=lambda r: r.get("start_date") or "")
    cells = [(V.month_year(r.get("start_date")),
              V.joined((r.get("grade_code"), r.get("salary_step")), "/"),
              V.number(r.get("salary_coefficient"))) for r in history]
    out: list[Flowable] = [para("31) DIỄN BIẾN QUÁ TRÌNH LƯƠNG CỦA CÁN BỘ, CÔNG CHỨC", st.heading)]
    label_width = WIDTH * 0.19
    widths = [label_width] + [(WIDTH - label_width) / SALARY_COLUMNS] * SALARY_COLUMNS
    chunks = [cells[i:i + SALARY_COLUMNS] for i in range(0, len(cells), SALARY_COLUMNS)] or [[]]
    for chunk in chunks:
        padded = list(chunk) + [("", "", "")] * (SALARY_COLUMNS - len(chunk))
        grid_rows = [[label, *(c[i] for c in padded)] for i, label in
                     enumerate(("Tháng/năm", "Mã ngạch/bậc", "Hệ số lương"))]
        table = L.grid(None, grid_rows, widths, st=L.styles(st.body.fontSize, 10), centered=range(1, SALARY_COLUMNS + 1),
                       label_column=True)
        out += [table, L.Spacer(6)]
    return out


def _assessment(doc: Mapping[str, Any], st: Styles) -> list[Flowable]:
    title = "32) NHẬN XÉT, ĐÁNH GIÁ CỦA CƠ QUAN, ĐƠN VỊ QUẢN LÝ VÀ SỬ DỤNG CÁN BỘ, CÔNG CHỨC"
    text = V.text(doc.get("assessment"))
    body: list[Flowable] = [para(esc(doc.get("assessment")), st.body)] if text else [L.DottedLines(6)]
    return [*L.heading(title, st.heading), *body]
