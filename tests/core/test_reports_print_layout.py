"""Issue 19, printing (items 13–17): what the profile forms say and where it lands on the page.

Each test fails on the printers as they were before the fix: a deceased relative said twice,
signatures alone on the last page, guidance lines at page tops, the print date pre-filled as the
signing date, a "Số hiệu" blank too short to write in, training columns by fixed proportions,
and HS02's blank "Đến", empty tables for "Không", the extra relatives-abroad line and a
three-level quê quán.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import pytest
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Table

from app.reports import forms, layout, profile_2c, profile_hs02
from app.reports import values as V
from app.reports.profile import profile_story, render_profile
from tests.core.test_reports_profile import make_doc, module_database, pdf_text


@pytest.fixture(scope="module")
def shared_db(tmp_path_factory):
    database = module_database(tmp_path_factory.mktemp("print_layout"))
    yield database
    database.dispose()


@pytest.fixture(scope="module")
def doc_2c(shared_db) -> dict:
    return make_doc(shared_db)


@pytest.fixture(scope="module")
def doc_hs02(shared_db) -> dict:
    return make_doc(shared_db, cccd="048085000099", staff_type="vien_chuc")


def pages(doc: dict[str, Any], **kw: Any) -> list[str]:
    buffer = io.BytesIO()
    render_profile(doc, buffer, **kw)
    return pdf_text(buffer.getvalue())


def work_rows(n: int) -> list[dict[str, Any]]:
    return [{"start_date": f"{2000 + i // 12:04d}-{i % 12 + 1:02d}-01", "end_date": f"{2000 + i // 12:04d}-{i % 12 + 1:02d}-28",
             "unit_name": "Sở Nội vụ", "position": "Chuyên viên"} for i in range(n)]


# --------------------------------------------------------------------------- item 13


@pytest.mark.parametrize(("details", "deceased", "shown"), [
    ("Làm ruộng; đã mất", True, "Đã mất; Làm ruộng"),
    ("Làm ruộng, đã mất", True, "Đã mất; Làm ruộng"),
    ("Đã mất; Làm ruộng; đã mất", False, "Đã mất; Làm ruộng"),
    ("Ở xã Điện Minh; đã mất; hưu trí", False, "Đã mất; Ở xã Điện Minh; hưu trí"),
    ("Làm ruộng", True, "Đã mất; Làm ruộng"),
    ("Làm ruộng", False, "Làm ruộng"),
    ("đã mất năm 2010", True, "đã mất năm 2010"),
    (None, True, "Đã mất"),
])
def test_family_details_say_deceased_once(details, deceased, shown) -> None:
    assert V.family_details({"details": details, "deceased": deceased}) == shown


@pytest.mark.parametrize("form", ["2c", "hs02"])
def test_deceased_relative_is_said_once_on_both_forms(form, doc_2c, doc_hs02) -> None:
    base = doc_2c if form == "2c" else doc_hs02
    family = [{"side": "self", "relation": "Cha", "full_name": "Nguyễn Văn An", "birth_year": 1940,
               "details": "Làm ruộng; đã mất", "deceased": True}]
    text = " ".join(pages(dict(base, family=family)))
    assert "Đã mất; Làm ruộng" in text
    assert text.lower().count("đã mất") == 1


# --------------------------------------------------------------------------- item 14


@pytest.mark.parametrize(("form", "rows"), [("2c", 0), ("2c", 4), ("2c", 7), ("hs02", 20), ("hs02", 24), ("hs02", 28)])
def test_signatures_share_their_page_with_the_last_item(form, rows, doc_2c, doc_hs02) -> None:
    """Work histories of these lengths left the signature blocks alone on the last page."""
    base = doc_2c if form == "2c" else doc_hs02
    last_item = "32) NHẬN XÉT, ĐÁNH GIÁ" if form == "2c" else "38) NHẬN XÉT, ĐÁNH GIÁ"
    printed = pages(dict(base, work_history=work_rows(rows)))
    signed = [p for p in printed if "Người khai" in p]
    assert len(signed) == 1 and signed[0] is printed[-1]
    assert last_item in signed[0]


def test_a_long_last_item_still_ends_on_the_signature_page(doc_2c) -> None:
    """A last item taller than a page flows on; its end stays with the signatures."""
    long = "\n".join(f"Dòng nhận xét số {i}: hoàn thành tốt nhiệm vụ được giao." for i in range(90))
    printed = pages(dict(doc_2c, assessment=long))
    signed = next(p for p in printed if "Người khai" in p)
    assert "Dòng nhận xét số 89" in signed


GUIDANCE_2C = ("(Số nhà, đường phố", "(Về chính quyền hoặc Đảng", "(Ngày tham gia tổ chức", "(Anh hùng lao động",
               "(Hình thức cao nhất", "(về đảng, chính quyền", "(Con thương binh")


@pytest.mark.parametrize("repeat", [0, 1, 2, 11, 12, 13, 14])
def test_guidance_never_starts_a_page(repeat, doc_2c) -> None:
    """Longer duties (item 13) push items 17–19 across the page end; the guidance goes with its line."""
    printed = pages(dict(doc_2c, main_duties=" ".join(["Quản lý hồ sơ cán bộ"] * repeat)))
    for number, page in enumerate(printed[1:], start=2):
        assert not page.startswith(GUIDANCE_2C), (number, page[:80])


def test_bind_keeps_a_run_of_marked_flowables_with_the_line_before() -> None:
    st = layout.styles()
    a, b, c = (layout.para(t, st.body) for t in "abc")
    bound = layout.bind([a, layout.keep_with_previous(b), layout.keep_with_previous(c)])
    assert len(bound) == 1 and isinstance(bound[0], layout.KeepTail) and bound[0].parts == [a, b, c]


# --------------------------------------------------------------------------- item 15


@pytest.mark.parametrize("form", ["2c", "hs02"])
def test_signing_date_is_left_for_the_signer(form, doc_2c, doc_hs02) -> None:
    base = doc_2c if form == "2c" else doc_hs02
    last = pages(base)[-1]
    today = dt.date.today()
    assert "……………, Ngày …… tháng …… năm ……" in last
    assert f"Ngày {today:%d} tháng {today:%m} năm {today:%Y}" not in last
    named = pages(base, place="Đà Nẵng", on=dt.date(2026, 7, 1))[-1]
    assert "Đà Nẵng, Ngày 01 tháng 07 năm 2026" in named


def dots_drawn(flowable: Any, width: float, monkeypatch) -> float:
    """The length of the dotted leaders a flowable draws at ``width``."""
    drawn: list[float] = []
    monkeypatch.setattr(layout, "draw_dots", lambda canv, x0, x1, y: drawn.append(max(0.0, x1 - x0)))
    flowable.wrapOn(Canvas(io.BytesIO()), width, 1000)
    canvas = Canvas(io.BytesIO())
    flowable.drawOn(canvas, 0, 0)
    return sum(d for d in drawn if d >= 6)


@pytest.mark.parametrize("form", ["2c", "hs02"])
def test_the_officer_number_blank_is_long_enough_to_write_in(form, doc_2c, doc_hs02, monkeypatch) -> None:
    base = dict(doc_2c if form == "2c" else doc_hs02, officer_number=None)
    module = profile_2c if form == "2c" else profile_hs02
    header = module.story(base)[0]
    right = header._cellvalues[0][1]
    number = next(f for f in right if "Số hiệu" in f.text)
    width = header._colWidths[1] - 10
    assert dots_drawn(number, width, monkeypatch) >= 3 * layout.cm
    filled = next(f for f in module.story(dict(base, officer_number="42"))[0]._cellvalues[0][1]
                  if "Số hiệu" in f.text)
    assert filled.wrap(width, 1000)[1] == layout.styles().body.leading  # no extra line when it is filled


# --------------------------------------------------------------------------- item 16


def training_table(story: list[Any], heading: str) -> Table:
    flat: list[Any] = []
    for f in story:
        flat.extend(getattr(f, "parts", [f]))
    start = next(i for i, f in enumerate(flat) if heading in getattr(f, "text", ""))
    return next(f for f in flat[start:] if isinstance(f, Table))


LONG_DEGREE = "Bằng tốt nghiệp đại học hệ chính quy, xếp loại giỏi, ngành Luật kinh tế, số hiệu A123456"


def test_training_columns_are_sized_by_content(doc_2c) -> None:
    training = [{"kind": "professional", "institution": "Trường Đại học Luật Huế", "start_date": "2003-09-01",
                 "end_date": "2007-06-30", "form_code": "Chính quy", "qualification": LONG_DEGREE},
                {"kind": "it", "institution": "Trung tâm Tin học", "start_date": "2010-01-01", "end_date": "2010-03-01",
                 "qualification": "Chứng chỉ tin học ứng dụng cơ bản"}]
    table = training_table(profile_story(dict(doc_2c, training=training)), "27) ĐÀO TẠO")
    school, major, period, _, degree = table._colWidths
    assert major < degree and major < school  # the empty "Chuyên ngành" gives its room away
    assert sum(table._colWidths) == pytest.approx(profile_2c.WIDTH)
    st = layout.styles()
    degree_lines = layout.para(LONG_DEGREE, st.cell).wrap(degree - 2 * layout.PAD, 1000)[1] / st.cell.leading
    assert degree_lines <= 3
    assert layout.stringWidth("09/2003 - 06/2007", st.cell.fontName, st.cell.fontSize) <= period - 2 * layout.PAD


def test_hs02_training_tables_are_sized_by_content_too(doc_hs02) -> None:
    training = [{"kind": "professional", "institution": "Trường Đại học Luật Huế", "start_date": "2003-09-01",
                 "end_date": "2007-06-30", "qualification": LONG_DEGREE}]
    table = training_table(profile_story(dict(doc_hs02, training=training)), "32.1- Chuyên môn")
    *_, major, form, degree = table._colWidths
    assert degree > major and degree > form


def test_fit_widths_keeps_the_form_proportions_for_an_empty_table() -> None:
    assert layout.fit_widths(("a", "b"), [], 300, (1, 2)) == [100, 200]


# --------------------------------------------------------------------------- item 17 (HS02)


def test_hs02_current_job_runs_until_nay(doc_hs02) -> None:
    text = " ".join(pages(doc_hs02))
    assert "01/2016 nay Sở Nội vụ thành phố Đà Nẵng" in text
    assert "09/2020 nay 01.003 5 3,66" in text  # the current salary too
    history = [{"start_date": "2008-09-01", "grade_code": "01.003", "salary_step": 1, "salary_coefficient": "2.34"},
               {"start_date": "2017-09-01", "grade_code": "01.003", "salary_step": 4, "salary_coefficient": "3.33"}]
    text = " ".join(pages(dict(doc_hs02, salary_history=history)))
    assert "09/2008 09/2017 01.003 1 2,34" in text and "09/2017 nay 01.003 4 3,33" in text  # until the next one


def test_hs02_history_answered_no_prints_khong_not_an_empty_table(doc_hs02) -> None:
    doc = dict(doc_hs02, personal_history=[], history_detention="Không", history_foreign_orgs="Không")
    text = " ".join(pages(doc))
    part = text[text.index("34.2-"):text.index("35) KHEN THƯỞNG")]
    assert "Chức danh, chức vụ, đơn vị, địa điểm đã làm việc" not in part
    assert "Tên tổ chức, địa chỉ trụ sở" not in part
    assert part.count("Không") == 2
    # nothing recorded: the empty tables stay for the clerk's hand
    blank = " ".join(pages(dict(doc_hs02, personal_history=[], history_detention=None, history_foreign_orgs=None)))
    assert "Tên tổ chức, địa chỉ trụ sở" in blank


def test_hs02_has_no_relatives_abroad_line(doc_hs02) -> None:
    text = " ".join(pages(dict(doc_hs02, history_relatives_abroad="Em trai ở Nhật Bản")))
    assert "Thân nhân ở nước ngoài" not in text


def test_hs02_hometown_has_two_levels(doc_hs02) -> None:
    text = " ".join(pages(doc_hs02))
    assert "5) Quê quán: Xã Hòa Phong, Thành phố Đà Nẵng" in text
    assert "Huyện Hòa Vang" not in text
    assert forms.two_level_address(None, "Phường Hải Châu", "Thành phố Đà Nẵng") == "Phường Hải Châu, Thành phố Đà Nẵng"
    assert forms.two_level_address("Xã A, Tỉnh B", None, None) == "Xã A, Tỉnh B"
