"""The lean flowables of the 2023 form (``app.reports.drawn``) lay text out as reportlab's Paragraph and
Table did — the same line breaks, the header repeated when a table runs onto a new page, rows kept
whole — and hand anything else to reportlab; a batch loads its dossiers together and gets the very
documents one-by-one loading gives."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4
from reportlab.platypus import Paragraph, SimpleDocTemplate
from sqlalchemy import select

from app import demo
from app.errors import UserError
from app.reports import drawn
from app.reports import layout as L
from app.reports.drawn import FormLine, Head, RuledTable
from app.reports.profile import profile_document, profile_documents
from models import Person
from tests.core.conftest import make_database

WIDTHS = (120.0, 240.0, 300.0)


def st() -> L.Styles:
    return L.styles()


def text_of(flowables: list) -> list[str]:
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4, leftMargin=30, rightMargin=30, topMargin=40, bottomMargin=40).build(flowables)
    return [" ".join((p.extract_text() or "").split()) for p in PdfReader(io.BytesIO(out.getvalue())).pages]


@pytest.mark.parametrize("markup", [
    "1) Họ và tên khai sinh (viết chữ in hoa): <b>NGUYỄN VĂN BÌNH</b>, Giới tính: <b>Nam</b>",
    "13) Ngày được tuyển dụng lần đầu: <b>01/11/2022</b>, Cơ quan, tổ chức, đơn vị tuyển dụng: "
    "<b>Sở Y tế thành phố Đà Nẵng và các đơn vị trực thuộc Sở theo quyết định số 12/QĐ-SYT</b>",
    "34.1- Khai rõ: <b>dòng một</b><br/><b>dòng hai &amp; ba, rất dài " + "chữ " * 40 + "</b>",
    "Nơi ở: <b>" + "Tổ 5, " * 30 + "</b>",
])
@pytest.mark.parametrize("avail", [300.0, 451.0, 120.0])
def test_a_form_line_breaks_where_reportlab_does(markup, avail) -> None:
    line = FormLine(markup, st().body)
    reference = Paragraph(markup, st().body)
    _, height = line.wrap(avail, 10_000)
    _, expected = reference.wrap(avail, 10_000)
    assert line._delegate is None
    assert height == pytest.approx(expected)  # as many lines
    # and the same breaks: each line as wide as reportlab's
    assert [round(ln.width, 1) for ln in line._lines] == \
        [round(w, 1) for w in reference.getActualLineWidths0()]


def test_a_form_line_keeps_bold_values_and_its_text(tmp_path) -> None:
    markup = "8) Số CCCD: <b>048085001234</b>, Ngày cấp: <b>15/06/2021</b>, SĐT liên hệ: "
    line = FormLine(markup, st().body)
    line.wrap(451, 1000)
    assert [(font, text) for font, text in line._lines[0].runs] == [
        ("LiberationSerif", "8) Số CCCD:"), ("LiberationSerif-Bold", " 048085001234"),
        ("LiberationSerif", ", Ngày cấp:"), ("LiberationSerif-Bold", " 15/06/2021"),
        ("LiberationSerif", ", SĐT liên hệ:")]  # a space goes with the word after it
    assert text_of([line]) == ["8) Số CCCD: 048085001234, Ngày cấp: 15/06/2021, SĐT liên hệ:"]


def test_a_label_that_leaves_no_room_gets_a_dotted_line_under_it() -> None:
    roomy, tight = FormLine("Số hiệu:", st().body, 100), FormLine("Số hiệu cán bộ, công chức:", st().body, 100)
    assert roomy.wrap(300, 100)[1] == st().body.leading
    assert tight.wrap(170, 100)[1] == 2 * st().body.leading  # the extra line to write on
    assert tight.split(170, 100) == []  # kept whole


def test_other_markup_and_overlong_words_go_to_reportlab() -> None:
    link = FormLine('Xem <a href="https://x.vn">x</a>', st().body)
    assert isinstance(link._delegate, L.LeaderParagraph)
    word = FormLine("Thư điện tử: <b>" + "a" * 200 + "@example.vn</b>", st().body)
    word.wrap(300, 1000)
    assert isinstance(word._delegate, L.LeaderParagraph)
    assert "a" * 20 in " ".join(text_of([word]))


def test_a_long_form_line_splits_at_a_line_and_continues() -> None:
    markup = "38) <b>" + " ".join(f"câu{i}" for i in range(400)) + "</b>"
    line = FormLine(markup, st().body)
    _, height = line.wrap(451, 10_000)
    parts = line.split(451, height / 2)
    assert len(parts) == 2 and not parts[0].dots and parts[1].dots
    assert parts[0].wrap(451, 10_000)[1] + parts[1].wrap(451, 10_000)[1] == pytest.approx(height)
    text = " ".join(text_of([line]))
    assert "câu0 " in text and "câu399" in text


def _table(rows: int) -> RuledTable:
    heads = [Head("Tháng/năm", 0, 1), Head("Từ", 0, 0, 1, 1), Head("Đến", 1, 1, 1, 1), Head("Đơn vị công tác", 2, 2, 0, 1)]
    return RuledTable(heads, 2, [(f"0{i % 9 + 1}/20{i:02d}", "", f"Hàng số {i} của bảng, " + "dài " * (i % 7 * 5))
                                 for i in range(rows)], [60, 60, 331], st(), centered=(0, 1))


def test_a_ruled_table_repeats_both_header_rows_and_keeps_rows_whole() -> None:
    table = _table(90)
    pages = text_of([table])
    assert len(pages) >= 3
    for page in pages:  # every page begins with both header rows
        assert page.startswith("Tháng/năm Từ Đến Đơn vị công tác") or page.startswith("Tháng/năm Đơn vị công tác Từ Đến")
    joined = " ".join(pages)
    assert all(f"Hàng số {i} của bảng" in joined for i in range(90))
    first, rest = table.split(451, 300)
    body = sum(h for h, _ in first._body)
    assert body + sum(first._head[0]) <= 300 and len(first._body) + len(rest._body) == 90


def test_an_empty_table_has_rows_for_the_hand_and_a_cell_wider_than_its_column_is_cut() -> None:
    empty = RuledTable([Head("Năm", 0, 0), Head("Hình thức", 1, 1)], 1, [], [50, 200], st(), blank=3)
    _, height = empty.wrap(451, 1000)
    assert len(empty._body) == 3 and height == pytest.approx(sum(empty._head[0]) + 3 * (st().cell.leading + 8))
    wide = RuledTable([Head("Mã", 0, 0)], 1, [["X" * 80]], [40], st())
    lines = wide._body[0][1][0]
    assert len(lines) > 3 and all(ln.width <= 40 - 2 * L.PAD + 1e-6 for ln in lines)
    assert "".join(text for ln in lines for _f, text in ln.runs) == "X" * 80


def test_word_widths_are_cached_per_process() -> None:
    drawn.width.cache_clear()
    FormLine("Số hiệu: <b>12</b>", st().body).wrap(451, 100)
    FormLine("Số hiệu: <b>34</b>", st().body).wrap(451, 100)
    assert drawn.width.cache_info().hits >= 2  # "Số", "hiệu:" measured once


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    db = make_database(tmp_path_factory.mktemp("drawn"))
    demo.generate(db, 12, seed=3)
    yield db
    db.dispose()


def test_a_batch_loads_the_same_documents_as_one_by_one(demo_db) -> None:
    with demo_db.session() as s:
        ids = list(s.scalars(select(Person.id).order_by(Person.sort_key)))
        together = profile_documents(s, list(reversed(ids)))
        alone = [profile_document(s, pid) for pid in reversed(ids)]
        assert together == alone and [d["id"] for d in together] == [str(i) for i in reversed(ids)]
        assert any(d["managing_unit_name"] for d in together)
        with pytest.raises(UserError, match="Không tìm thấy hồ sơ"):
            profile_documents(s, [ids[0], "00000000-0000-0000-0000-000000000000"])
