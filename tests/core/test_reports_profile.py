"""Printed profiles: Mẫu 2C-BNV/2008 and HS02-VC/BNV, read back from the PDF text and structure."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from app import people
from app.db import Database
from app.reports.profile import profile_document, render_profile
from tests.core.conftest import make_database, person_data

ITEMS_2C = (
    "Cơ quan, đơn vị có thẩm quyền quản lý CBCC", "Cơ quan, đơn vị sử dụng CBCC", "Số hiệu cán bộ, công chức",
    "Mẫu 2C-BNV/2008", "SƠ YẾU LÝ LỊCH CÁN BỘ, CÔNG CHỨC", "Ảnh màu (4 x 6 cm)",
    "1) Họ và tên khai sinh (viết chữ in hoa):", "2) Tên gọi khác:", "3) Sinh ngày", "Giới tính (nam, nữ):",
    "4) Nơi sinh:", "5) Quê quán:", "6) Dân tộc:", "7) Tôn giáo:", "8) Nơi đăng ký hộ khẩu thường trú:",
    "(Số nhà, đường phố, thành phố, xóm, thôn, xã, huyện, tỉnh)", "9) Nơi ở hiện nay:",
    "10) Nghề nghiệp khi được tuyển dụng:", "11) Ngày tuyển dụng:", "Cơ quan tuyển dụng:",
    "12) Chức vụ (chức danh) hiện tại:", "(Về chính quyền hoặc Đảng, đoàn thể, kể cả chức vụ kiêm nhiệm)",
    "13) Công việc chính được giao:", "14) Ngạch công chức (viên chức):", "Mã ngạch:", "Bậc lương:", "Hệ số:",
    "Ngày hưởng:", "Phụ cấp chức vụ:", "Phụ cấp khác:",
    "15.1- Trình độ giáo dục phổ thông (đã tốt nghiệp lớp mấy/thuộc hệ nào):",
    "15.2- Trình độ chuyên môn cao nhất (TSKH, TS, Ths, cử nhân, kỹ sư, cao đẳng, trung cấp, sơ cấp, chuyên ngành):",
    "15.3- Lý luận chính trị (Cao cấp, trung cấp, sơ cấp và tương đương):",
    "15.4- Quản lý nhà nước (chuyên viên cao cấp, chuyên viên chính, chuyên viên, cán sự, …):",
    "15.5- Ngoại ngữ (Tên ngoại ngữ + Trình độ A, B, C, D…):", "15.6- Tin học (Trình độ A, B, C, …):",
    "16) Ngày vào Đảng Cộng sản Việt Nam:", "Ngày chính thức:", "17) Ngày tham gia tổ chức chính trị - xã hội:",
    "(Ngày tham gia tổ chức: Đoàn, Hội, … và làm việc gì trong tổ chức đó)", "18) Ngày nhập ngũ:",
    "Ngày xuất ngũ:", "Quân hàm cao nhất:", "19) Danh hiệu được phong tặng cao nhất:",
    "(Anh hùng lao động, anh hùng lực lượng vũ trang; nhà giáo, thầy thuốc, nghệ sĩ nhân dân và ưu tú, …)",
    "20) Sở trường công tác:", "21) Khen thưởng:", "(Hình thức cao nhất, năm nào)", "22) Kỷ luật:",
    "(về đảng, chính quyền, đoàn thể hình thức cao nhất, năm nào)", "23) Tình trạng sức khoẻ:", "Chiều cao:",
    "Cân nặng:", "Nhóm máu:", "24) Là thương binh hạng:", "Là con gia đình chính sách:",
    "(Con thương binh, con liệt sĩ, người nhiễm chất độc da cam Dioxin)", "25) Số chứng minh nhân dân:",
    "Ngày cấp:", "26) Số sổ BHXH:",
    "27) ĐÀO TẠO, BỒI DƯỠNG VỀ CHUYÊN MÔN, NGHIỆP VỤ, LÝ LUẬN CHÍNH TRỊ, NGOẠI NGỮ, TIN HỌC", "Tên trường",
    "Chuyên ngành đào tạo, bồi dưỡng", "Từ tháng, năm - đến tháng, năm", "Hình thức đào tạo",
    "Văn bằng, chứng chỉ, trình độ gì", "Ghi chú: Hình thức đào tạo: Chính quy, tại chức, chuyên tu, bồi dưỡng",
    "28) TÓM TẮT QUÁ TRÌNH CÔNG TÁC", "Từ tháng, năm đến tháng, năm",
    "Chức danh, chức vụ, đơn vị công tác (đảng, chính quyền, đoàn thể, tổ chức xã hội), kể cả thời gian",
    "29) ĐẶC ĐIỂM LỊCH SỬ BẢN THÂN", "Khai rõ: bị bắt, bị tù", "Bản thân có làm việc trong chế độ cũ",
    "Tham gia hoặc có quan hệ với các tổ chức chính trị, kinh tế, xã hội nào ở nước ngoài",
    "Có thân nhân (Cha, Mẹ, Vợ, Chồng, con, anh chị em ruột) ở nước ngoài", "30) QUAN HỆ GIA ĐÌNH",
    "a) Về bản thân: Cha, Mẹ, Vợ (hoặc chồng), các con, anh chị em ruột",
    "b) Về bên vợ (hoặc chồng): Cha, Mẹ, anh chị em ruột", "Mối quan hệ", "Họ và tên", "Năm sinh",
    "31) DIỄN BIẾN QUÁ TRÌNH LƯƠNG CỦA CÁN BỘ, CÔNG CHỨC", "Tháng/năm", "Mã ngạch/bậc", "Hệ số lương",
    "32) NHẬN XÉT, ĐÁNH GIÁ CỦA CƠ QUAN, ĐƠN VỊ QUẢN LÝ VÀ SỬ DỤNG CÁN BỘ, CÔNG CHỨC", "Người khai",
    "Tôi xin cam đoan những lời khai trên đây là đúng sự thật", "(Ký tên, ghi rõ họ tên)",
    "Thủ trưởng cơ quan, đơn vị quản lý và sử dụng CBCC", "(Ký tên, đóng dấu)",
)


def pdf_text(source: Path | bytes) -> list[str]:
    """Each page's text with whitespace runs (line ends included) collapsed to one space."""
    reader = PdfReader(io.BytesIO(source) if isinstance(source, bytes) else source)
    return [" ".join(page.extract_text().split()) for page in reader.pages]


def make_doc(db, **overrides) -> dict:
    with db.session() as s:
        pid = people.create_person(s, person_data(unit_code="DN.SNV.CCVC", **overrides)).id
    with db.session() as s:
        return profile_document(s, pid)


def module_database(folder: Path) -> Database:
    """Set up like conftest's ``db``, once per module for tests that only read it (the per-test
    fixture would spend most of these modules' time migrating)."""
    return make_database(folder)


@pytest.fixture(scope="module")
def shared_db(tmp_path_factory):
    database = module_database(tmp_path_factory.mktemp("profiles"))
    yield database
    database.dispose()


@pytest.fixture(scope="module")
def full_doc(shared_db) -> dict:
    return make_doc(shared_db, assessment="Hoàn thành tốt nhiệm vụ; có tinh thần trách nhiệm.")


def test_2c_has_every_item_label_and_the_values(full_doc, tmp_path) -> None:
    out = tmp_path / "2c.pdf"
    pages = render_profile(full_doc, out, place="Đà Nẵng", on=dt.date(2026, 3, 5))
    text = " ".join(pdf_text(out))
    assert pages == len(PdfReader(out).pages) >= 2
    missing = [label for label in ITEMS_2C if label not in text]
    assert not missing
    for value in ("NGUYỄN VĂN BÌNH", "Sinh ngày 12 tháng 03 năm 1985", "Nam", "01/09/2008", "03/02/2012",
                  "03/02/2013", "15/06/2021", "3,66", "2,34", "0,20", "Chuyên viên", "01.003",
                  "Trường Đại học Luật Huế", "09/2003 - 06/2007", "Chính quy", "Nguyễn Văn An", "Trần Thị Hoa",
                  "Lê Thị Cúc", "Đã mất", "Phó Trưởng phòng Công chức, viên chức, Sở Nội vụ thành phố Đà Nẵng",
                  "01/2016 - nay", "Đại học, chuyên ngành Luật", "Trung cấp", "Bằng khen của Chủ tịch UBND thành phố, "
                  "năm 2019", "Khiển trách, năm 2014", "Tình nguyện viên của tổ chức phi chính phủ ở Nhật Bản",
                  "Phòng Công chức, viên chức", "Sở Nội vụ", "Hoàn thành tốt nhiệm vụ; có tinh thần trách nhiệm.",
                  "Đà Nẵng, Ngày 05 tháng 03 năm 2026", "Trang 1/"):
        assert value in text, value


def test_2c_is_a4_with_liberation_serif_embedded(full_doc, tmp_path) -> None:
    out = tmp_path / "2c.pdf"
    render_profile(full_doc, out)
    reader = PdfReader(out)
    assert float(reader.pages[0].mediabox.width) == pytest.approx(595.28, abs=0.01)
    assert float(reader.pages[0].mediabox.height) == pytest.approx(841.89, abs=0.01)
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            fonts[str(font["/BaseFont"])] = "/FontFile2" in descendant["/FontDescriptor"]
    assert fonts and all("LiberationSerif" in name for name in fonts)
    assert all(fonts.values())  # every font embedded as TrueType: no reader substitutes another face
    assert any(name.endswith("LiberationSerif-Bold") for name in fonts)


def test_long_work_history_repeats_the_item_28_header_on_every_page(shared_db, tmp_path) -> None:
    rows = [{"start_date": f"01/{m:02d}/{1986 + i // 6}", "end_date": f"28/{m:02d}/{1986 + i // 6}",
             "unit_name": f"Phòng nghiệp vụ số {i}, Sở Nội vụ tỉnh Quảng Nam - Đà Nẵng", "position": f"Nhiệm vụ {i}"}
            for i, m in ((i, 1 + (i % 6) * 2) for i in range(60))]
    doc = make_doc(shared_db, cccd="048065000077", birth_date="12/03/1965", work_history=rows)
    out = tmp_path / "long.pdf"
    pages = render_profile(doc, out)
    texts = pdf_text(out)
    assert pages >= 4
    with_rows = [t for t in texts if "Nhiệm vụ" in t]
    assert len(with_rows) >= 2
    for page_text in with_rows:
        assert "Từ tháng, năm đến tháng, năm" in page_text
        assert "Chức danh, chức vụ, đơn vị công tác" in page_text
    assert all(f"Nhiệm vụ {i}," in " ".join(texts) for i in range(60))  # no row lost at a page break
    first, last = " ".join(texts).index("Nhiệm vụ 0,"), " ".join(texts).index("Nhiệm vụ 59,")
    assert first < last  # printed in time order


def test_almost_empty_profile_prints_the_labels_and_blanks(db) -> None:
    with db.session() as s:
        pid = people.create_person(s, {"cccd": "048190000011", "full_name": "lê thị á", "birth_date": "01/01/1990",
                                       "sex": "Nữ"}).id
    with db.session() as s:
        doc = profile_document(s, pid)
    out = io.BytesIO()
    render_profile(doc, out)
    text = " ".join(pdf_text(out.getvalue()))
    assert [label for label in ITEMS_2C if label not in text] == []
    assert "LÊ THỊ Á" in text and "…/…/……" in text and "Xã ……, Huyện ……, Tỉnh ……" in text


def test_viên_chức_gets_hs02(shared_db, tmp_path) -> None:
    doc = make_doc(shared_db, cccd="048085000088", staff_type="vien_chuc", job_position="Chuyên viên quản lý hồ sơ", salary_percent=100)
    out = tmp_path / "hs02.pdf"
    render_profile(doc, out)
    text = " ".join(pdf_text(out))
    assert "Mẫu HS02-VC/BNV" in text and "SƠ YẾU LÝ LỊCH" in text and "CÁN BỘ, CÔNG CHỨC" not in text
    for label in ("Cơ quan quản lý viên chức", "Đơn vị sử dụng viên chức", "Mã số định danh: 048085000088",
                  "8) Số CCCD:", "SĐT liên hệ: 0905123456", "14) Ngày vào cơ quan hiện đang công tác",
                  "21) Học hàm", "30.1- Ngạch/chức danh nghề nghiệp: Chuyên viên", "30.3- Vị trí việc làm: "
                  "Chuyên viên quản lý hồ sơ", "32) QUÁ TRÌNH ĐÀO TẠO, BỒI DƯỠNG", "32.1- Chuyên môn",
                  "32.2- Lý luận chính trị", "32.6- Ngoại ngữ/tiếng dân tộc", "33) TÓM TẮT QUÁ TRÌNH CÔNG TÁC",
                  "34.3- Tham gia hoặc có quan hệ", "35.1- Thành tích thi đua, khen thưởng", "35.2- Kỷ luật",
                  "Hoàn thành xuất sắc nhiệm vụ", "36) QUAN HỆ GIA ĐÌNH", "37.1- Quá trình lương của bản thân",
                  "37.2- Các loại phụ cấp khác", "Phụ cấp chức vụ", "37.3- Nguồn thu nhập chính",
                  "38) NHẬN XÉT, ĐÁNH GIÁ CỦA CƠ QUAN, TỔ CHỨC, ĐƠN VỊ SỬ DỤNG VIÊN CHỨC",
                  "Thủ trưởng cơ quan, tổ chức, đơn vị sử dụng viên chức", "Trường Đại học Luật Huế",
                  "Trường Chính trị thành phố Đà Nẵng", "Tình nguyện viên của tổ chức phi chính phủ ở Nhật Bản"):
        assert label in text, label
    for item in range(1, 39):
        assert f"{item}) " in text, item


def test_photo_is_drawn_in_the_box(full_doc, tmp_path) -> None:
    buffer = io.BytesIO()
    Image.new("RGB", (120, 180), (30, 90, 160)).save(buffer, "JPEG")
    out = tmp_path / "photo.pdf"
    render_profile(full_doc, out, photo=buffer.getvalue())
    first = PdfReader(out).pages[0]
    assert len(first.images) == 1
    assert "Ảnh màu" not in pdf_text(out)[0]
    render_profile(full_doc, out, photo=b"not an image")  # a damaged photo leaves the empty box
    assert "Ảnh màu (4 x 6 cm)" in pdf_text(out)[0]


def test_decomposed_input_is_printed_composed(full_doc, tmp_path) -> None:
    import unicodedata

    doc = dict(full_doc, main_duties=unicodedata.normalize("NFD", "Quản lý hồ sơ điện tử"))
    out = tmp_path / "nfc.pdf"
    render_profile(doc, out)
    assert "Quản lý hồ sơ điện tử" in " ".join(pdf_text(out))
