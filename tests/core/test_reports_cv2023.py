"""The 2023 CV form (Thông tư 06/2023/TT-BNV, REFERENCE.md §1.4): every item label as printed and
its value in the PDF's text, for a full demo dossier; a near-empty dossier; the batch; the CLI."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from app import cli, demo, people
from app.errors import UserError
from app.reports.cv2023 import render_cv, render_cvs, render_unit_cvs, signer_date
from app.reports.profile import profile_document, unit_people
from models import Person, Training, WorkHistory
from tests.core import security_fixtures
from tests.core.conftest import make_database, person_data
from tests.core.test_reports_profile import pdf_text

fast_hashing = security_fixtures.fast_hashing
world_template = security_fixtures.world_template
world = security_fixtures.world

TODAY = dt.date(2026, 11, 20)

# REFERENCE.md §1.4, item by item, as printed (written out here from the reference, not from the code).
HEADER_LABELS = ("Cơ quan quản lý cán bộ, công chức, viên chức:",
                 "Cơ quan, đơn vị sử dụng cán bộ, công chức, viên chức:", "Số hiệu:", "Mã số định danh:",
                 "Ảnh màu (4 x 6 cm)", "SƠ YẾU LÝ LỊCH")
ITEM_LABELS = (
    "1) Họ và tên khai sinh (viết chữ in hoa):", "Giới tính:", "2) Các tên gọi khác:", "3) Sinh ngày", "tháng",
    "năm", "4) Nơi sinh:", "5) Quê quán:", "6) Dân tộc:", "7) Tôn giáo:", "8) Số CCCD:", "Ngày cấp:",
    "SĐT liên hệ:", "9) Số BHXH:", "Số thẻ BHYT:", "10) Nơi ở hiện nay:", "11) Thành phần gia đình xuất thân:",
    "12) Nghề nghiệp trước khi được tuyển dụng:", "13) Ngày được tuyển dụng lần đầu:",
    "Cơ quan, tổ chức, đơn vị tuyển dụng:", "14) Ngày vào cơ quan hiện đang công tác:",
    "15) Ngày vào Đảng Cộng sản Việt Nam:", "Ngày chính thức:",
    "16) Ngày tham gia tổ chức chính trị - xã hội đầu tiên (ngày vào Đoàn TNCSHCM, Công đoàn, Hội):",
    "17) Ngày nhập ngũ:", "Ngày xuất ngũ:", "Quân hàm cao nhất:", "18) Đối tượng chính sách:",
    "19) Trình độ giáo dục phổ thông (đã tốt nghiệp lớp mấy/thuộc hệ nào):", "20) Trình độ chuyên môn cao nhất:",
    "21) Học hàm:", "22) Danh hiệu nhà nước phong tặng:", "23) Chức vụ hiện tại:", "Ngày bổ nhiệm/ngày phê chuẩn:",
    "Ngày bổ nhiệm lại/phê chuẩn nhiệm kỳ tiếp theo:", "24) Được quy hoạch chức danh:", "25) Chức vụ kiêm nhiệm:",
    "26) Chức vụ Đảng hiện tại:", "27) Chức vụ Đảng kiêm nhiệm:", "28) Công việc chính được giao:",
    "29) Sở trường công tác:", "Công việc làm lâu nhất:", "30) Tiền lương", "30.1- Ngạch/chức danh nghề nghiệp:",
    "Mã số:", "Ngày bổ nhiệm ngạch/CDNN:", "Bậc lương:", "Hệ số:", "Ngày hưởng:", "Phần trăm hưởng (%):",
    "Phụ cấp thâm niên vượt khung (%):", "Ngày hưởng PCTNVK:", "30.2- Phụ cấp chức vụ:", "Phụ cấp kiêm nhiệm:",
    "Phụ cấp khác:", "30.3- Vị trí việc làm:", "Lương theo mức tiền (vnđ):", "Phần trăm hưởng:", "PCTNVK:",
    "31) Tình trạng sức khoẻ:", "Chiều cao (cm):", "Cân nặng (kg):", "Nhóm máu:",
    "32) QUÁ TRÌNH ĐÀO TẠO, BỒI DƯỠNG", "32.1- Chuyên môn (từ trung cấp trở lên, trong và ngoài nước)",
    "Tháng/năm", "Từ", "Đến", "Tên cơ sở đào tạo", "Chuyên ngành đào tạo", "Hình thức đào tạo", "Văn bằng, trình độ",
    "32.2- Lý luận chính trị", "Văn bằng được cấp",
    "32.3- Bồi dưỡng quản lý nhà nước/chức danh nghề nghiệp/nghiệp vụ chuyên ngành", "Chứng chỉ được cấp",
    "32.4- Bồi dưỡng kiến thức an ninh, quốc phòng", "32.5- Tin học", "32.6- Ngoại ngữ/tiếng dân tộc",
    "Tên ngoại ngữ/tiếng dân tộc", "Điểm số", "33) TÓM TẮT QUÁ TRÌNH CÔNG TÁC",
    "Đơn vị công tác (đảng, chính quyền, đoàn thể, tổ chức xã hội)", "Chức danh/chức vụ",
    "34) ĐẶC ĐIỂM LỊCH SỬ BẢN THÂN", "34.1- Khai rõ: bị bắt, bị tù", "34.2- Bản thân có làm việc cho chế độ cũ",
    "Chức danh, chức vụ, đơn vị, địa điểm đã làm việc", "34.3- Tham gia hoặc có quan hệ với các tổ chức",
    "ở nước ngoài", "Tên tổ chức, địa chỉ trụ sở, công việc đã làm", "35) KHEN THƯỞNG, KỶ LUẬT",
    "35.1- Thành tích thi đua, khen thưởng", "Năm", "Xếp loại chuyên môn", "Xếp loại thi đua", "Hình thức khen thưởng",
    "35.2- Kỷ luật", "Hình thức", "Hành vi vi phạm chính", "Cơ quan quyết định", "36) QUAN HỆ GIA ĐÌNH",
    "36.1- Về bản thân: Cha, Mẹ, Vợ (hoặc chồng), các con, anh chị em ruột",
    "36.2- Cha, Mẹ, anh chị em ruột (bên vợ hoặc chồng)", "Mối quan hệ", "Họ và tên", "Năm sinh",
    "Quê quán, nghề nghiệp, chức danh, chức vụ, đơn vị công tác, học tập, nơi ở (trong, ngoài nước); thành viên "
    "các tổ chức chính trị - xã hội (trong, ngoài nước); làm việc cho chế độ cũ, tiền án, tiền sự (nếu có)",
    "37) HOÀN CẢNH KINH TẾ GIA ĐÌNH", "37.1- Quá trình lương của bản thân", "Hệ số lương",
    "Tiền lương theo vị trí việc làm", "37.2- Các loại phụ cấp khác", "Loại phụ cấp", "Hình thức hưởng",
    "Giá trị (đồng)", "37.3- Nguồn thu nhập chính của gia đình hằng năm", "Tiền lương:", "Các nguồn khác:", "Nhà ở:",
    "Đất ở:", "Đất sản xuất, kinh doanh:", "38) NHẬN XÉT, ĐÁNH GIÁ CỦA CƠ QUAN, TỔ CHỨC, ĐƠN VỊ SỬ DỤNG",
)
SIGNATURE_LABELS = ("Người khai", "Tôi xin cam đoan những lời khai trên đây là đúng sự thật", "(Ký tên, ghi rõ họ tên)",
                    "……, Ngày … tháng … năm 20……",
                    "Xác nhận của cơ quan, đơn vị quản lý cán bộ, công chức, viên chức", "(Ký tên, đóng dấu)")

# What the demo leaves empty for most people, filled so that every item of the form has a value.
EXTRA = {
    "other_names": "Ba Thành", "officer_number": "SH-0042", "policy_subject": "Con thương binh",
    "academic_title_code": "PGS", "academic_title_year": 2019, "honorary_title": "Nhà giáo ưu tú",
    "planned_titles": "Giám đốc Sở giai đoạn 2026 - 2031", "concurrent_positions": "Chủ tịch Công đoàn cơ sở",
    "party_position": "Bí thư Chi bộ", "party_concurrent_position": "Ủy viên Ban Thường vụ Đảng ủy",
    "concurrent_allowance": "0,3", "other_allowance": "Phụ cấp công vụ 25%",
    "job_position": "Chuyên viên cao cấp về tổ chức cán bộ", "job_position_code": "VTVL.123",
    "job_position_step": 3, "salary_amount": "12.500.000", "salary_amount_since": "01/07/2026",
    "job_position_percent": 100, "job_position_seniority_percent": 7, "job_position_seniority_since": "01/08/2026",
    "enlistment_date": "01/03/2004", "discharge_date": "01/03/2006", "military_rank": "Trung sĩ",
    "history_detention": "Không bị bắt, bị tù", "assessment": "Hoàn thành xuất sắc nhiệm vụ được giao",
}


def _words(text: str) -> list[str]:
    return text.split()


def follows(text: str, label: str, value: str, within: int = 40) -> bool:
    """``value``'s words appear, in order, among the ``within`` words after an occurrence of ``label``
    (table cells and side-by-side columns interleave their lines in the extracted text)."""
    words = _words(text)
    lab, want = _words(label), _words(value)
    for i in range(len(words) - len(lab) + 1):
        if words[i:i + len(lab)] != lab:
            continue
        rest, k = words[i + len(lab):i + len(lab) + within + len(want)], 0
        for w in rest:
            if k < len(want) and w.rstrip(",") == want[k].rstrip(","):
                k += 1
        if k == len(want):
            return True
    return False


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    db = make_database(tmp_path_factory.mktemp("cv"))
    demo.generate(db, 40, seed=5, today=TODAY)
    yield db
    db.dispose()


def _fullest(db) -> Person:
    """The demo person with the most section rows who holds a post and served in the army or not."""
    with db.session() as s:
        training = (select(func.count()).where(Training.person_id == Person.id).scalar_subquery())
        work = (select(func.count()).where(WorkHistory.person_id == Person.id).scalar_subquery())
        return s.scalars(select(Person).where(Person.position.is_not(None), Person.status == "working")
                         .order_by((training + work).desc(), Person.cccd)).first()


@pytest.fixture(scope="module")
def full(demo_db, tmp_path_factory) -> tuple[dict, list[str]]:
    person = _fullest(demo_db)
    with demo_db.session("tester") as s:
        people.update_person(s, person.id, EXTRA)
    with demo_db.session() as s:
        doc = profile_document(s, person.id)
    out = tmp_path_factory.mktemp("pdf") / "cv.pdf"
    pages = render_cv(doc, out)
    assert pages >= 4
    return doc, pdf_text(out)


def _day(iso: str | None) -> str:
    return dt.date.fromisoformat(iso).strftime("%d/%m/%Y")


def _month(iso: str | None) -> str:
    return dt.date.fromisoformat(iso).strftime("%m/%Y") if iso else ""


def test_every_item_label_of_the_form_is_printed(full) -> None:
    text = " ".join(full[1])
    missing = [label for label in (*HEADER_LABELS, *ITEM_LABELS, *SIGNATURE_LABELS) if label not in text]
    assert missing == []
    assert "2C-BNV" not in text and "HS02" not in text  # the 2023 form carries no form code


def test_every_item_of_a_full_dossier_prints_its_value_after_its_label(full) -> None:
    doc, pages = full
    text = " ".join(pages)
    born = dt.date.fromisoformat(doc["birth_date"])
    expected = [
        ("Mã số định danh:", doc["cccd"]), ("Số hiệu:", "SH-0042"),
        ("1) Họ và tên khai sinh (viết chữ in hoa):", doc["full_name"].upper()), ("Giới tính:", doc["sex"]),
        ("2) Các tên gọi khác:", "Ba Thành"), ("3) Sinh ngày", f"{born:%d} tháng {born:%m} năm {born.year}"),
        ("4) Nơi sinh:", doc["birthplace_text"]), ("5) Quê quán:", doc["hometown_text"]),
        ("6) Dân tộc:", doc["ethnicity"]), ("7) Tôn giáo:", doc["religion"]), ("8) Số CCCD:", doc["cccd"]),
        ("Ngày cấp:", _day(doc["cccd_issue_date"])), ("SĐT liên hệ:", doc["phone"]),
        ("9) Số BHXH:", doc["social_insurance_number"]), ("Số thẻ BHYT:", doc["health_insurance_number"]),
        ("10) Nơi ở hiện nay:", doc["current_text"] or doc["current_detail"]),
        ("11) Thành phần gia đình xuất thân:", doc["family_background"]),
        ("12) Nghề nghiệp trước khi được tuyển dụng:", doc["occupation_before"]),
        ("13) Ngày được tuyển dụng lần đầu:", _day(doc["recruitment_date"])),
        ("Cơ quan, tổ chức, đơn vị tuyển dụng:", doc["recruiting_agency"]),
        ("14) Ngày vào cơ quan hiện đang công tác:", _day(doc["agency_join_date"])),
        ("Đoàn TNCSHCM, Công đoàn, Hội):", _day(doc["mass_org_join_date"])),
        ("17) Ngày nhập ngũ:", "01/03/2004"), ("Ngày xuất ngũ:", "01/03/2006"), ("Quân hàm cao nhất:", "Trung sĩ"),
        ("18) Đối tượng chính sách:", "Con thương binh"),
        ("(đã tốt nghiệp lớp mấy/thuộc hệ nào):", doc["general_education"]),
        ("21) Học hàm:", "Phó giáo sư, năm 2019"), ("22) Danh hiệu nhà nước phong tặng:", "Nhà giáo ưu tú"),
        ("23) Chức vụ hiện tại:", doc["position"]), ("Ngày bổ nhiệm/ngày phê chuẩn:", _day(doc["position_date"])),
        ("24) Được quy hoạch chức danh:", "Giám đốc Sở giai đoạn 2026 - 2031"),
        ("25) Chức vụ kiêm nhiệm:", "Chủ tịch Công đoàn cơ sở"), ("26) Chức vụ Đảng hiện tại:", "Bí thư Chi bộ"),
        ("27) Chức vụ Đảng kiêm nhiệm:", "Ủy viên Ban Thường vụ Đảng ủy"),
        ("28) Công việc chính được giao:", doc["main_duties"]), ("29) Sở trường công tác:", doc["strengths"]),
        ("Công việc làm lâu nhất:", doc["longest_job"]), ("Mã số:", doc["grade_code"]),
        ("Ngày bổ nhiệm ngạch/CDNN:", _day(doc["grade_date"])), ("Bậc lương:", str(doc["salary_step"])),
        ("Hệ số:", f"{doc['salary_coefficient']:.2f}".replace(".", ",")),
        ("Ngày hưởng:", _day(doc["salary_since"])), ("Phần trăm hưởng (%):", str(doc["salary_percent"])),
        ("Phụ cấp kiêm nhiệm:", "0,30"), ("Phụ cấp khác:", "Phụ cấp công vụ 25%"),
        ("30.3- Vị trí việc làm:", "Chuyên viên cao cấp về tổ chức cán bộ"), ("Mã số:", "VTVL.123"),
        ("Bậc lương:", "3"), ("Lương theo mức tiền (vnđ):", "12.500.000"), ("Ngày hưởng:", "01/07/2026"),
        ("Phần trăm hưởng:", "100"), ("PCTNVK:", "7"), ("Ngày hưởng PCTNVK:", "01/08/2026"),
        ("31) Tình trạng sức khoẻ:", doc["health_status"]), ("Chiều cao (cm):", str(doc["height_cm"])),
        ("Cân nặng (kg):", str(doc["weight_kg"])), ("Nhóm máu:", doc["blood_type"]),
        ("34.1- Khai rõ:", "Không bị bắt, bị tù"), ("Tiền lương:", doc["income_salary"]),
        ("Các nguồn khác:", doc["income_other"]), ("Nhà ở:", doc["housing"]), ("Đất ở:", doc["land"]),
        ("38) NHẬN XÉT, ĐÁNH GIÁ CỦA CƠ QUAN, TỔ CHỨC, ĐƠN VỊ SỬ DỤNG", "Hoàn thành xuất sắc nhiệm vụ được giao"),
        ("Người khai", doc["full_name"]),
    ]
    if doc.get("party_join_date"):
        expected.append(("15) Ngày vào Đảng Cộng sản Việt Nam:", _day(doc["party_join_date"])))
    if doc.get("seniority_allowance_percent"):
        expected.append(("Phụ cấp thâm niên vượt khung (%):", str(doc["seniority_allowance_percent"])))
    if doc.get("position_allowance"):
        expected.append(("30.2- Phụ cấp chức vụ:", f"{doc['position_allowance']:.2f}".replace(".", ",")))
    wrong = [(label, value) for label, value in expected if not follows(text, label, value)]
    assert wrong == []


def test_the_tables_print_every_row(full) -> None:
    doc, pages = full
    text = " ".join(pages)
    for kind, title in (("professional", "32.1-"), ("political_theory", "32.2-"), ("it", "32.5-"),
                        ("language", "32.6-"), ("defence_security", "32.4-")):
        for row in (r for r in doc["training"] if r["kind"] == kind):
            assert follows(text, title, _month(row["start_date"]), within=400), (kind, row)
            assert follows(text, title, row["institution"], within=400), (kind, row)
    for row in doc["work_history"]:
        assert follows(text, "33) TÓM TẮT QUÁ TRÌNH CÔNG TÁC", f"{_month(row['start_date'])} {row['position']}",
                       within=2000), row
    for row in doc["family"]:
        assert follows(text, "36) QUAN HỆ GIA ĐÌNH", f"{row['relation']} {row['full_name']} {row['birth_year']}",
                       within=2000), row
    for row in doc["salary_history"]:
        assert follows(text, "37.1-", f"{_month(row['start_date'])}", within=800)
    for row in doc["evaluations"]:
        assert follows(text, "35.1-", f"{row['year']} {row['professional_rating']}", within=1500), row
    for row in doc["rewards"]:
        assert follows(text, "35.1-", f"{row['year']}", within=1500) and row["title"].split()[0] in text
    for row in doc["discipline"]:
        assert follows(text, "35.2-", f"{row['form']} {row['violation']}", within=200)


def test_a_near_empty_dossier_prints_the_whole_form_with_blanks(tmp_path) -> None:
    out = tmp_path / "empty.pdf"
    pages = render_cv({"full_name": "Trần Văn A", "cccd": "048085001234", "sex": "Nam"}, out)
    text = " ".join(pdf_text(out))
    assert pages >= 3
    assert [label for label in (*HEADER_LABELS, *ITEM_LABELS, *SIGNATURE_LABELS) if label not in text] == []
    assert "TRẦN VĂN A" in text and "None" not in text
    assert "Sinh ngày …… tháng …… năm ……" in text
    assert "(xã, phường) ……, (huyện, quận) ……, (tỉnh, TP) ……" in text


def test_the_signer_date_stays_blank_unless_given() -> None:
    assert signer_date(None, None) == "……, Ngày … tháng … năm 20……"
    assert signer_date("Đà Nẵng", dt.date(2026, 7, 1)) == "Đà Nẵng, Ngày 01 tháng 07 năm 2026"


def test_a_units_batch_prints_each_person_from_a_new_page(demo_db, tmp_path) -> None:
    with demo_db.session() as s:
        code = s.scalar(select(Person.unit_id).where(Person.status == "working").limit(1))
        from models import Unit

        unit = s.get(Unit, code).code
        ids = unit_people(s, unit, include_subunits=False)
    seen: list[tuple[int, int]] = []
    out = tmp_path / "unit.pdf"
    pages = render_unit_cvs(demo_db, unit, out, include_subunits=False, progress=lambda d, t: seen.append((d, t)))
    texts = pdf_text(out)
    assert len(texts) == pages and seen[-1] == (len(ids), len(ids))
    assert sum("SƠ YẾU LÝ LỊCH" in t for t in texts) == len(ids)
    with pytest.raises(UserError, match="Chưa chọn hồ sơ"):
        render_cvs(demo_db, [], tmp_path / "none.pdf")
    assert not (tmp_path / "none.pdf").exists()


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = cli.run(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def dbfile(tmp_path) -> str:
    db = make_database(tmp_path)
    with db.session() as s:
        people.create_person(s, person_data(unit_code="DN.SNV.CCVC", job_position="Chuyên viên về tổ chức",
                                            job_position_code="VTVL.7"))
    db.dispose()
    return str(tmp_path / "hoso.sqlite")


def test_report_cv2023_on_the_command_line(capsys, dbfile, tmp_path) -> None:
    out = tmp_path / "a.pdf"
    code, _, err = run(capsys, "report", "cv2023", "048085001234", "--out", str(out), "--db", dbfile)
    assert code == 0, err
    text = " ".join(pdf_text(out))
    assert "NGUYỄN VĂN BÌNH" in text and "VTVL.7" in text and "……, Ngày … tháng … năm 20……" in text
    code, _, err = run(capsys, "report", "cv2023", "--unit", "DN.SNV", "--out", str(tmp_path / "u.pdf"),
                       "--place", "Đà Nẵng", "--date", "2026-07-01", "--db", dbfile)
    assert code == 0, err
    assert "Đà Nẵng, Ngày 01 tháng 07 năm 2026" in " ".join(pdf_text(tmp_path / "u.pdf"))
    for argv, message in ((("048099999999",), "Không tìm thấy hồ sơ"), (("--unit", "KHONG"), "Không có đơn vị mã"),
                          (("048085001234", "--date", "05/03/2026"), "YYYY-MM-DD")):
        code, _, err = run(capsys, "report", "cv2023", *argv, "--out", str(tmp_path / "r.pdf"), "--db", dbfile)
        assert code == 1 and message in err
    assert not (tmp_path / "r.pdf").exists()
    assert run(capsys, "report", "cv2023", "--out", str(tmp_path / "n.pdf"), "--db", dbfile)[0] == 2
    code, _, err = run(capsys, "report", "cv2023", "048085001234", "--out", str(tmp_path / "x.docx"), "--db", dbfile)
    assert code == 1 and ".pdf" in err


@pytest.mark.parametrize("role", ["admin", "clerk", "head", "viewer", "other_clerk"])
def test_the_service_prints_the_2023_form_only_for_the_roles_and_units_that_may(world, role, tmp_path) -> None:
    """The desktop's path (``render_profile_pdf(form="cv2023")``) keeps the policy of the 2C print:
    a viewer may not print, a clerk of another unit cannot reach the person, nothing is written."""
    service = world.as_role(role)
    out = tmp_path / "cv.pdf"
    if role in ("admin", "clerk", "head"):
        assert service.reports.render_profile_pdf(world.a, out, form="cv2023") >= 1
        assert "Mã số định danh:" in " ".join(pdf_text(out))
    else:
        with pytest.raises(UserError):
            service.reports.render_profile_pdf(world.a, out, form="cv2023")
        assert not out.exists()
    unit = tmp_path / "unit.pdf"
    if role == "other_clerk":
        with pytest.raises(UserError):
            service.reports.render_unit_profiles("DN.SNV", unit, form="cv2023")
        assert not unit.exists()


def test_the_service_masks_the_2023_form_for_a_role_that_may_not_see(world, tmp_path, monkeypatch) -> None:
    from app.security import sensitive

    groups = tuple(sensitive.Group(g.name, g.label, g.mask, g.view - {"head"}, g.edit, g.fields, g.sections,
                                   g.section_fields) for g in sensitive.groups())
    monkeypatch.setattr(sensitive, "groups", lambda: groups)
    out = tmp_path / "masked.pdf"
    assert world.head.reports.render_profile_pdf(world.a, out, form="cv2023") >= 1
    text = " ".join(pdf_text(out))
    assert "0480******34" in text and "048085001234" not in text and "Phật giáo" not in text
    assert world.head.reports.render_unit_profiles("DN.SNV", tmp_path / "unit.pdf", form="cv2023") >= 1
    assert "048085001234" not in " ".join(pdf_text(tmp_path / "unit.pdf"))
