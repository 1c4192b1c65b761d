"""HS02-VC/BNV "Sơ yếu lý lịch" of a viên chức (Thông tư 07/2019/TT-BNV) as flowables.

Items 1–38 as REFERENCE.md §1.2 lists them (the circular itself was not available; the layout is
the one two independent reproductions agree on): the header with "Mã số định danh", items 1–31 as
form lines, item 32's six typed training tables, 33 the work history with unit and position split,
34 the personal history, 35 rewards and discipline, 36 the family, 37 salary, allowances and the
family's economic situation, 38 the assessment, then the signatures.
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
    header,
    identity_block,
    signatures,
    two_level_address,
)
from app.reports.layout import Styles, esc, field, para, val
from app.text import fold

FORM_NUMBER = "Mẫu HS02-VC/BNV"
TITLE = "SƠ YẾU LÝ LỊCH"
B = V.BLANK
WIDTH = L.PORTRAIT_WIDTH
HS02_FAMILY_HEADERS = (*FAMILY_HEADERS[:3],
                       "Quê quán, nghề nghiệp, chức danh, chức vụ, đơn vị công tác, học tập, nơi ở (trong, ngoài nước); "
                       "thành viên các tổ chức chính trị - xã hội (trong, ngoài nước); làm việc cho chế độ cũ, tiền án, "
                       "tiền sự (nếu có)")


def story(doc: Mapping[str, Any], *, photo: bytes | None = None, place: str | None = None,
          on: dt.date | None = None, st: Styles | None = None) -> list[Flowable]:
    st = st or L.styles()
    return [header(doc, FORM_NUMBER, "Cơ quan quản lý viên chức", "Đơn vị sử dụng viên chức", "Số hiệu", st,
                   extra=((f"Mã số định danh: {val(doc.get('cccd'))}", doc.get("cccd")),)),
            identity_block(TITLE, photo, _items_1_5(doc, st), st),
            *_items_6_31(doc, st), *_training(doc, st), *_work(doc, st), *_history(doc, st),
            *_rewards(doc, st), *_family(doc, st), *_economy(doc, st),
            *L.closing(_assessment(doc, st),
                       signatures(doc, "Thủ trưởng cơ quan, tổ chức, đơn vị sử dụng viên chức", place, on, st))]


def _f(markup: str, st: Styles) -> L.LeaderParagraph:
    return field(markup, st.body)


def _items_1_5(doc: Mapping[str, Any], st: Styles) -> list[Flowable]:
    home = two_level_address(doc.get("hometown_text"), doc.get("hometown_commune"), doc.get("hometown_province_name"))
    born = address(doc.get("birthplace_text"), doc.get("birthplace_commune"), doc.get("birthplace_province_name"))
    return [_f(f"1) Họ và tên khai sinh (viết chữ in hoa): {val(V.text(doc.get('full_name')).upper(), B)}, "
               f"Giới tính: {val(doc.get('sex'))}", st),
            _f(f"2) Các tên gọi khác: {val(doc.get('other_names'))}", st),
            _f(f"3) {birth_day(doc)}", st),
            _f(f"4) Nơi sinh: {val(born)}", st),
            _f(f"5) Quê quán: {val(home, '(xã, phường) ……, (tỉnh, TP) ……')}", st)]


def _items_6_31(doc: Mapping[str, Any], st: Styles) -> list[Flowable]:
    d = doc
    grade = V.grade_name(d.get("grade_code"), d.get("grade_list_version"))
    percent = f"{val(d.get('salary_percent'), B)} %"
    seniority = f"{val(d.get('seniority_allowance_percent'), B)} %"
    current = address(d.get("current_text"), d.get("current_commune"), d.get("current_province_name"),
                      d.get("current_detail"))
    return [
        _f(f"6) Dân tộc: {val(d.get('ethnicity'), B)}, 7) Tôn giáo: {val(d.get('religion'))}", st),
        _f(f"8) Số CCCD: {val(d.get('cccd'), B)}, Ngày cấp: {date_or_blank(d.get('cccd_issue_date'))}, "
           f"SĐT liên hệ: {val(d.get('phone'))}", st),
        _f(f"9) Số BHXH: {val(d.get('social_insurance_number'), B)}, "
           f"Số thẻ BHYT: {val(d.get('health_insurance_number'))}", st),
        _f(f"10) Nơi ở hiện nay: {val(current)}", st),
        _f(f"11) Thành phần gia đình xuất thân: {val(d.get('family_background'))}", st),
        _f(f"12) Nghề nghiệp trước khi được tuyển dụng: {val(d.get('occupation_before'))}", st),
        _f(f"13) Ngày được tuyển dụng lần đầu: {date_or_blank(d.get('recruitment_date'))}, "
           f"Cơ quan, tổ chức, đơn vị tuyển dụng: {val(d.get('recruiting_agency'))}", st),
        _f(f"14) Ngày vào cơ quan hiện đang công tác: {val(V.day(d.get('agency_join_date')))}", st),
        _f(f"15) Ngày vào Đảng Cộng sản Việt Nam: {date_or_blank(d.get('party_join_date'))}, "
           f"Ngày chính thức: {date_or_blank(d.get('party_official_date'))}", st),
        _f("16) Ngày tham gia tổ chức chính trị-xã hội đầu tiên (ngày vào Đoàn TNCSHCM, Công đoàn, Hội): "
           + val(V.joined((V.day(d.get("mass_org_join_date")), d.get("mass_org_text")), ", ")), st),
        _f(f"17) Ngày nhập ngũ: {date_or_blank(d.get('enlistment_date'))}, "
           f"Ngày xuất ngũ: {date_or_blank(d.get('discharge_date'))}, Quân hàm cao nhất: {val(d.get('military_rank'))}",
           st),
        _f(f"18) Đối tượng chính sách: {val(d.get('policy_subject') or d.get('policy_family'))}", st),
        _f("19) Trình độ giáo dục phổ thông (đã tốt nghiệp lớp mấy/thuộc hệ nào): "
           + val(d.get("general_education")), st),
        _f(f"20) Trình độ chuyên môn cao nhất: {val(V.professional_summary(d))}", st),
        _f(f"21) Học hàm: {val(V.joined((d.get('academic_title'), d.get('academic_title_year')), ', năm '))}", st),
        _f(f"22) Danh hiệu nhà nước phong tặng: {val(d.get('honorary_title'))}", st),
        _f(f"23) Chức vụ hiện tại: {val(d.get('position'), B)}, Ngày bổ nhiệm/ngày phê chuẩn: "
           f"{date_or_blank(d.get('position_date'))}, Ngày bổ nhiệm lại/phê chuẩn nhiệm kỳ tiếp theo: "
           f"{val(V.day(d.get('position_reappointed_date')))}", st),
        _f(f"24) Được quy hoạch chức danh: {val(d.get('planned_titles'))}", st),
        _f(f"25) Chức vụ kiêm nhiệm: {val(d.get('concurrent_positions'))}", st),
        _f(f"26) Chức vụ Đảng hiện tại: {val(d.get('party_position'))}", st),
        _f(f"27) Chức vụ Đảng kiêm nhiệm: {val(d.get('party_concurrent_position'))}", st),
        _f(f"28) Công việc chính được giao: {val(d.get('main_duties'))}", st),
        _f(f"29) Sở trường công tác: {val(d.get('strengths'), B)}, Công việc làm lâu nhất: {val(d.get('longest_job'))}",
           st),
        para("30) Tiền lương", st.body),
        _f(f"30.1- Ngạch/chức danh nghề nghiệp: {val(grade, B)}, Mã số: {val(d.get('grade_code'), B)}, "
           f"Ngày bổ nhiệm ngạch/CDNN: {date_or_blank(d.get('grade_date'))}, Bậc lương: {val(d.get('salary_step'), B)}, "
           f"Hệ số: {val(V.number(d.get('salary_coefficient')), B)}, Ngày hưởng: {date_or_blank(d.get('salary_since'))}, "
           f"Phần trăm hưởng: {percent}, Phụ cấp thâm niên vượt khung: {seniority}, "
           f"Ngày hưởng PCTNVK: {val(V.day(d.get('seniority_allowance_since')))}", st),
        _f(f"30.2- Phụ cấp chức vụ: {val(V.position_allowance(d), B)}, "
           f"Phụ cấp kiêm nhiệm: {val(V.number(d.get('concurrent_allowance')), B)}, "
           f"Phụ cấp khác: {val(V.other_allowance(d))}", st),
        _f(f"30.3- Vị trí việc làm: {val(d.get('job_position'), B)}, Mã số: {val(d.get('job_position_code'), B)}, "
           f"Bậc lương: {B}, Lương theo mức tiền: {val(V.money(d.get('salary_amount')), B)} vnđ, "
           f"Ngày hưởng: {date_or_blank(d.get('salary_amount_since'))}, Phần trăm hưởng: {B}, PCTNVK: {B}, "
           f"Ngày hưởng PCTNVK: {V.BLANK_DATE}", st),
        _f(f"31) Tình trạng sức khoẻ: {val(d.get('health_status'), B)}, Chiều cao: {val(d.get('height_cm'), B)} cm, "
           f"Cân nặng: {val(d.get('weight_kg'), B)} kg, Nhóm máu: {val(d.get('blood_type'))}", st),
    ]


def _from_to(row: Mapping[str, Any], open_end: str = "nay") -> tuple[str, str]:
    """Từ/Đến of a row; a row still running ends "nay" as on 2C (the current job, salary…)."""
    return V.from_to(row.get("start_date"), row.get("end_date"), open_end=open_end)


# kind → (sub-item title, headers, row → cells, relative widths)
_FROM_TO = ("Từ (tháng/năm)", "Đến (tháng/năm)")
_TRAINING = (
    ("professional", "32.1- Chuyên môn (từ trung cấp trở lên cả trong nước và nước ngoài)",
     (*_FROM_TO, "Tên cơ sở đào tạo", "Chuyên ngành đào tạo", "Hình thức đào tạo", "Văn bằng, trình độ"),
     lambda r: (r.get("institution"), r.get("major"), V.catalog_name("training_form", r.get("form_code")),
                r.get("qualification")), (14, 14, 24, 18, 13, 17)),
    ("political_theory", "32.2- Lý luận chính trị",
     (*_FROM_TO, "Tên cơ sở đào tạo", "Hình thức đào tạo", "Văn bằng được cấp"),
     lambda r: (r.get("institution"), V.catalog_name("training_form", r.get("form_code")), r.get("qualification")),
     (14, 14, 32, 17, 23)),
    ("state_management", "32.3- Bồi dưỡng quản lý nhà nước/chức danh nghề nghiệp/nghiệp vụ chuyên ngành",
     (*_FROM_TO, "Tên cơ sở đào tạo", "Chứng chỉ được cấp"),
     lambda r: (r.get("institution"), V.joined((r.get("qualification"), r.get("major")), " — ")), (14, 14, 36, 36)),
    ("defence_security", "32.4- Bồi dưỡng kiến thức an ninh, quốc phòng",
     (*_FROM_TO, "Tên cơ sở đào tạo", "Chứng chỉ được cấp"),
     lambda r: (r.get("institution"), r.get("qualification")), (14, 14, 36, 36)),
    ("it", "32.5- Tin học", (*_FROM_TO, "Tên cơ sở đào tạo", "Chứng chỉ được cấp"),
     lambda r: (r.get("institution"), r.get("qualification")), (14, 14, 36, 36)),
    ("language", "32.6- Ngoại ngữ/tiếng dân tộc",
     (*_FROM_TO, "Tên cơ sở đào tạo", "Tên ngoại ngữ/tiếng dân tộc", "Chứng chỉ được cấp", "Điểm số"),
     lambda r: (r.get("institution"), r.get("language"), r.get("qualification"), r.get("score")),
     (14, 14, 25, 17, 18, 12)),
)


def _table(title: str, headers: Sequence[str], rows: Sequence[Sequence[Any]], parts: Sequence[float], st: Styles,
           centered: Sequence[int] = (0, 1), fit: bool = False) -> list[Flowable]:
    """A sub-item's title and table; ``fit`` sizes the columns by content (the training tables,
    whose free-text columns vary most), else the form's proportions."""
    nowrap = (0, 1) if tuple(headers[:2]) == _FROM_TO else ()
    widths = (L.fit_widths(headers, rows, WIDTH, parts, st=st, nowrap=nowrap) if fit
              else L.fractions(WIDTH, parts))
    return [*L.heading(title, st.subheading, 110), L.grid(headers, rows, widths, st=st, centered=centered, blank_rows=2)]


def _training(doc: Mapping[str, Any], st: Styles) -> list[Flowable]:
    out: list[Flowable] = [*L.heading("32) QUÁ TRÌNH ĐÀO TẠO, BỒI DƯỠNG", st.heading)]
    for kind, title, headers, cells, parts in _TRAINING:
        kinds = (kind, "other") if kind == "state_management" else (kind,)
        rows = [(*_from_to(r), *cells(r)) for r in V.chronological(doc, "training") if r.get("kind") in kinds]
        out += _table(title, headers, rows, parts, st, fit=True)
    return out


def _work(doc: Mapping[str, Any], st: Styles) -> list[Flowable]:
    rows = [(*_from_to(r), r.get("unit_name") or r.get("description"), r.get("position"))
            for r in V.chronological(doc, "work_history")]
    headers = (*_FROM_TO, "Đơn vị công tác (đảng, chính quyền, đoàn thể, tổ chức xã hội)", "Chức danh/chức vụ")
    return [*L.heading("33) TÓM TẮT QUÁ TRÌNH CÔNG TÁC", st.heading),
            L.grid(headers, rows, L.fractions(WIDTH, (14, 14, 42, 30)), st=st, centered=(0, 1), blank_rows=4)]


def _history(doc: Mapping[str, Any], st: Styles) -> list[Flowable]:
    def dated(kind: str) -> list[tuple[str, ...]]:
        return [(*_from_to(r, ""), V.text(r.get("content"))) for r in V.rows(doc, "personal_history", kind=kind)]

    return [*L.heading("34) ĐẶC ĐIỂM LỊCH SỬ BẢN THÂN", st.heading),
            *L.heading("34.1- Khai rõ: bị bắt, bị tù (từ ngày tháng năm nào đến ngày tháng năm nào, ở đâu), đã khai báo "
                 "cho ai, những vấn đề gì?", st.subheading, 110),
            *free_text(doc.get("history_detention") or "", st),
            *_answered("34.2- Bản thân có làm việc cho chế độ cũ (cơ quan, đơn vị nào, địa điểm, chức danh, chức vụ, "
                       "thời gian làm việc …)", (*_FROM_TO, "Chức danh, chức vụ, đơn vị, địa điểm đã làm việc"),
                       dated("old_regime"), _negative(doc.get("history_detention")), st),
            *_answered("34.3- Tham gia hoặc có quan hệ với các tổ chức chính trị, kinh tế, xã hội nào ở nước ngoài "
                       "(làm gì, tổ chức nào, đặt trụ sở ở đâu …?)",
                       (*_FROM_TO, "Tên tổ chức, địa chỉ trụ sở, công việc đã làm"), dated("foreign_org"),
                       V.text(doc.get("history_foreign_orgs")), st)]


def _negative(answer: Any) -> str:
    """A recorded "Không" (no such history): 2C's item 29 answers both 34.1 and 34.2 with it."""
    text = V.text(answer).strip(" .")
    return text if fold(text) in ("khong", "khong co") else ""


def _answered(title: str, headers: Sequence[str], rows: Sequence[Sequence[Any]], answer: str,
              st: Styles) -> list[Flowable]:
    """A history sub-item: its table when there are dated rows (and the recorded answer under it
    unless that is only "Không"); the recorded answer alone ("Không", as 2C prints it) when there
    are none; an empty table to fill in by hand when nothing is recorded."""
    if not rows and answer:
        return [*L.heading(title, st.subheading, 110), para(val(answer), st.body)]
    out = _table(title, headers, rows, (14, 14, 72), st)
    if answer and not _negative(answer):
        out.append(para(val(answer), st.body))
    return out


def _rewards(doc: Mapping[str, Any], st: Styles) -> list[Flowable]:
    years: dict[Any, list[Any]] = {}
    for e in doc.get("evaluations") or ():
        years.setdefault(e.get("year"), [e.get("professional_rating") or e.get("quality_rating"),
                                         e.get("emulation_rating"), []])
    for r in doc.get("rewards") or ():
        years.setdefault(r.get("year"), ["", "", []])[2].append(r.get("title"))
    rows = [(year or "", ratings[0], ratings[1], V.joined(ratings[2]))
            for year, ratings in sorted(years.items(), key=lambda kv: kv[0] or 0)]
    discipline = [(*_from_to(r, ""), r.get("form"), r.get("violation"), r.get("authority"))
                  for r in doc.get("discipline") or ()]
    return [*L.heading("35) KHEN THƯỞNG, KỶ LUẬT", st.heading),
            *_table("35.1- Thành tích thi đua, khen thưởng",
                    ("Năm", "Xếp loại chuyên môn", "Xếp loại thi đua", "Hình thức khen thưởng"), rows,
                    (10, 25, 22, 43), st, centered=(0,)),
            *_table("35.2- Kỷ luật", (*_FROM_TO, "Hình thức", "Hành vi vi phạm chính", "Cơ quan quyết định"),
                    discipline, (14, 14, 18, 30, 24), st)]


def _family(doc: Mapping[str, Any], st: Styles) -> list[Flowable]:
    parts = (14, 22, 10, 54)
    out = [*L.heading("36) QUAN HỆ GIA ĐÌNH", st.heading),
           *_table("36.1- Về bản thân: Cha, Mẹ, Vợ (hoặc chồng), các con, anh chị em ruột", HS02_FAMILY_HEADERS,
                   family_rows(doc, "self"), parts, st, centered=(2,)),
           *_table("36.2- Cha, Mẹ, anh chị em ruột (bên vợ hoặc chồng)", HS02_FAMILY_HEADERS,
                   family_rows(doc, "spouse"), parts, st, centered=(2,))]
    return out


def _economy(doc: Mapping[str, Any], st: Styles) -> list[Flowable]:
    history = sorted(doc.get("salary_history") or (), key=lambda r: r.get("start_date") or "")
    # a salary holds until the next one takes effect; the last one until "nay"
    ends = [r.get("end_date") or (nxt.get("start_date") if nxt else None)
            for r, nxt in zip(history, [*history[1:], None], strict=True)]
    salary = [(*V.from_to(r.get("start_date"), end), r.get("grade_code"), r.get("salary_step"),
               V.number(r.get("salary_coefficient")), V.money(r.get("salary_amount"))) for r, end in zip(history, ends, strict=True)]
    allowances = [(*_from_to(r), r.get("kind"), V.number(r.get("percent"), 0), V.number(r.get("coefficient")),
                   r.get("method"), V.money(r.get("amount"))) for r in doc.get("allowances") or ()]
    income = (("Tiền lương", doc.get("income_salary")), ("Các nguồn khác", doc.get("income_other")),
              ("Nhà ở (được cấp, được thuê hoặc tự mua, tự xây: loại nhà, diện tích m², giấy chứng nhận quyền sở hữu)",
               doc.get("housing")),
              ("Đất ở (được cấp hoặc tự mua: diện tích m², giấy chứng nhận quyền sử dụng)", doc.get("land")),
              ("Đất sản xuất, kinh doanh", doc.get("business_land")))
    return [para("37) HOÀN CẢNH KINH TẾ GIA ĐÌNH", st.heading),
            *_table("37.1- Quá trình lương của bản thân",
                    (*_FROM_TO, "Mã số", "Bậc lương", "Hệ số lương", "Tiền lương theo vị trí việc làm"), salary,
                    (14, 14, 18, 12, 14, 28), st, centered=(0, 1, 2, 3, 4, 5)),
            *_table("37.2- Các loại phụ cấp khác",
                    (*_FROM_TO, "Loại phụ cấp", "Phần trăm hưởng", "Hệ số", "Hình thức hưởng", "Giá trị (đồng)"),
                    allowances, (14, 14, 20, 11, 9, 16, 16), st, centered=(0, 1, 3, 4, 6)),
            *L.heading("37.3- Nguồn thu nhập chính của gia đình hằng năm", st.subheading, 110),
            *(field(f"- {label}: {val(value)}", st.body) for label, value in income)]


def _assessment(doc: Mapping[str, Any], st: Styles) -> list[Flowable]:
    body: list[Flowable] = ([para(esc(doc.get("assessment")), st.body)] if V.text(doc.get("assessment"))
                            else [L.DottedLines(6)])
    return [*L.heading("38) NHẬN XÉT, ĐÁNH GIÁ CỦA CƠ QUAN, TỔ CHỨC, ĐƠN VỊ SỬ DỤNG VIÊN CHỨC", st.heading), *body]
