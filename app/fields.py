"""The dossier's fields, declared once — the one place a field is described.

A declaration (:class:`FieldSpec`) says everything the rest of HoSo derives:

* ``name`` — the column of ``models.Person`` (or of a section model); a test checks that every
  column has a declaration and every declaration a column;
* ``label`` (Vietnamese) and ``en`` (its English translation, written into the Qt translation file
  by ``tools/i18n.py update``; ``ui/widgets/field_texts.py`` is generated from the labels);
* ``kind`` and its checks (``catalog``, ``choices``, ``required``, ``max_length``, ``minimum``,
  ``maximum``, ``future_ok``) — ``app.validation`` and the editor's widgets;
* ``place`` — the editor group it sits in (``ui/editor/layout.py`` names the groups, in page order;
  the fields of a group are the declarations that name it, in declaration order);
* ``item`` (Mẫu 2C "2C:14" or HS02 "HS02:30") and ``cv`` (item and label as printed on the 2023 CV
  form of Thông tư 06/2023/TT-BNV, which ``app/reports/cv2023.py`` prints from these declarations);
* ``headers`` — other wordings the importer recognises as this field's column (with the label and
  the wordings of ``resources/import/synonyms.json``); the template and the export write the first
  header of the synonyms file, else the label;
* ``json`` — extra keys the Person JSON repeats the value under (contract aliases); the document
  always carries the field under its own name (catalog fields: name and code), see
  ``docs/person-json.md``, generated from here (a test checks it);
* ``sensitive`` — the group of ``resources/rules/sensitive_fields.json`` that masks it (a test
  checks both agree).

So a new scalar field is its declaration plus a migration (and ``python tools/i18n.py update`` and
``release`` to regenerate the label list and the translation, ``python -m app.fields`` for the
docs). Kinds: ``text`` (one line), ``longtext``, ``name``, ``date``, ``int``, ``decimal``,
``money``, ``bool``, ``catalog`` (``catalog`` names the list; the code is stored), ``choice``
(``choices``), ``cccd``. A ``text`` field with a ``catalog`` stores the words as typed and the
editor suggests the list's names (a form item whose answers are usual words, not codes: "Thành
phần gia đình xuất thân", "Đối tượng chính sách").
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FieldSpec:
    name: str
    label: str
    kind: str = "text"
    item: str = ""  # item on Mẫu 2C ("2C:14") or HS02 ("HS02:30")
    catalog: str | None = None
    choices: tuple[str, ...] = ()
    required: bool = False
    max_length: int = 200
    minimum: float | None = None
    maximum: float | None = None
    future_ok: bool = False  # a date that may lie ahead (probation end, planned end…)
    place: str = ""  # editor group key (ui/editor/layout.py)
    cv: tuple[str, str] | None = None  # (item, printed label) on the 2023 CV form (TT 06/2023)
    headers: tuple[str, ...] = ()  # import column wordings besides the label
    json: tuple[str, ...] = ()  # extra Person JSON keys carrying the same value (contract aliases)
    sensitive: str = ""  # group of resources/rules/sensitive_fields.json
    en: str = ""  # English label (tools/i18n.py fills the translation file from it)

    @property
    def forms(self) -> dict[str, str]:
        """Printed forms that show this field → item: {"2C": "14", "CV2023": "30.1"}."""
        out = {}
        if self.item:
            form, _, number = self.item.partition(":")
            out[form] = number
        if self.cv:
            out["CV2023"] = self.cv[0]
        return out


def _f(name: str, label: str, kind: str = "text", item: str = "", **kw: object) -> FieldSpec:
    return FieldSpec(name, label, kind, item, **kw)  # type: ignore[arg-type]


STAFF_TYPE_LABELS = {"can_bo": "Cán bộ", "cong_chuc": "Công chức", "vien_chuc": "Viên chức",
                     "hop_dong": "Hợp đồng lao động"}
STATUS_LABELS = {"working": "Đang công tác", "retired": "Đã nghỉ hưu", "transferred": "Đã chuyển công tác",
                 "left": "Đã thôi việc"}

PERSON_FIELDS: tuple[FieldSpec, ...] = (
    _f("cccd", "Số CCCD (số định danh cá nhân)", "cccd", "2C:25", required=True, max_length=12,
       place="identity.1", cv=("8", "Số CCCD"), sensitive="identity_numbers"),
    _f("cccd_issue_date", "Ngày cấp CCCD", "date", "2C:25", place="identity.1", cv=("8", "Ngày cấp")),
    _f("cccd_issue_place", "Nơi cấp CCCD", "text", "2C:25", place="identity.1"),
    _f("old_id_number", "Số CMND cũ", "text", "2C:25", max_length=40, place="identity.1",
       sensitive="identity_numbers"),
    _f("officer_number", "Số hiệu cán bộ, công chức", "text", "2C", max_length=40, place="identity.1"),
    _f("staff_type", "Loại cán bộ", "choice", choices=tuple(STAFF_TYPE_LABELS), place="identity.1"),
    _f("status", "Tình trạng", "choice", choices=tuple(STATUS_LABELS), place="identity.1"),
    _f("full_name", "Họ và tên khai sinh", "name", "2C:1", required=True, max_length=120, place="identity.2",
       cv=("1", "Họ và tên khai sinh (viết chữ in hoa)")),
    _f("other_names", "Tên gọi khác", "text", "2C:2", place="identity.2", cv=("2", "Các tên gọi khác")),
    _f("birth_date", "Ngày sinh", "date", "2C:3", required=True, place="identity.2", cv=("3", "Sinh ngày")),
    _f("birth_year_only", "Chỉ biết năm sinh", "bool", "2C:3", place="identity.2"),
    _f("sex", "Giới tính", "choice", "2C:3", choices=("Nam", "Nữ"), required=True, place="identity.2",
       cv=("1", "Giới tính")),
    _f("birthplace_text", "Nơi sinh (ghi theo địa danh cũ)", "longtext", "2C:4", max_length=500,
       place="identity.3", cv=("4", "Nơi sinh")),
    _f("birthplace_province", "Nơi sinh — tỉnh, thành phố (2025)", "catalog", "2C:4", catalog="province",
       place="identity.3"),
    _f("birthplace_commune", "Nơi sinh — xã, phường (2025)", "text", "2C:4", place="identity.3"),
    _f("hometown_text", "Quê quán (ghi theo địa danh cũ)", "longtext", "2C:5", max_length=500,
       place="identity.3", cv=("5", "Quê quán")),
    _f("hometown_province", "Quê quán — tỉnh, thành phố (2025)", "catalog", "2C:5", catalog="province",
       place="identity.3"),
    _f("hometown_commune", "Quê quán — xã, phường (2025)", "text", "2C:5", place="identity.3"),
    _f("ethnicity_code", "Dân tộc", "catalog", "2C:6", catalog="ethnicity", place="identity.4",
       cv=("6", "Dân tộc"), sensitive="ethnicity_religion"),
    _f("religion_code", "Tôn giáo", "catalog", "2C:7", catalog="religion", place="identity.4",
       cv=("7", "Tôn giáo"), sensitive="ethnicity_religion"),
    _f("permanent_text", "Nơi đăng ký hộ khẩu thường trú (địa danh cũ)", "longtext", "2C:8", max_length=500,
       place="identity.5"),
    _f("permanent_province", "Thường trú — tỉnh, thành phố (2025)", "catalog", "2C:8", catalog="province",
       place="identity.5"),
    _f("permanent_commune", "Thường trú — xã, phường (2025)", "text", "2C:8", place="identity.5"),
    _f("permanent_detail", "Thường trú — số nhà, đường, thôn", "text", "2C:8", place="identity.5"),
    _f("current_text", "Nơi ở hiện nay (địa danh cũ)", "longtext", "2C:9", max_length=500,
       place="identity.5", cv=("10", "Nơi ở hiện nay")),
    _f("current_province", "Nơi ở — tỉnh, thành phố (2025)", "catalog", "2C:9", catalog="province",
       place="identity.5"),
    _f("current_commune", "Nơi ở — xã, phường (2025)", "text", "2C:9", place="identity.5"),
    _f("current_detail", "Nơi ở — số nhà, đường, thôn", "text", "2C:9", place="identity.5"),
    _f("phone", "Số điện thoại liên hệ", "text", "HS02:8", max_length=40, place="hs02.1",
       cv=("8", "SĐT liên hệ")),
    _f("email", "Thư điện tử", "text", place="hs02.1"),
    _f("family_background", "Thành phần gia đình xuất thân", "text", "HS02:11", catalog="family_background",
       place="hs02.2", cv=("11", "Thành phần gia đình xuất thân")),
    _f("occupation_before", "Nghề nghiệp khi được tuyển dụng", "text", "2C:10", place="work.1",
       cv=("12", "Nghề nghiệp trước khi được tuyển dụng")),
    _f("recruitment_date", "Ngày tuyển dụng", "date", "2C:11", place="work.1",
       cv=("13", "Ngày được tuyển dụng lần đầu")),
    _f("recruiting_agency", "Cơ quan tuyển dụng", "text", "2C:11", place="work.1",
       cv=("13", "Cơ quan, tổ chức, đơn vị tuyển dụng")),
    _f("agency_join_date", "Ngày vào cơ quan hiện đang công tác", "date", "HS02:14", place="hs02.2",
       cv=("14", "Ngày vào cơ quan hiện đang công tác")),
    _f("probation_end_date", "Ngày hết tập sự", "date", future_ok=True, place="work.1"),
    _f("position", "Chức vụ (chức danh) hiện tại", "text", "2C:12", place="work.2",
       cv=("23", "Chức vụ hiện tại")),
    _f("position_date", "Ngày bổ nhiệm chức vụ", "date", "HS02:23", place="work.2",
       cv=("23", "Ngày bổ nhiệm/ngày phê chuẩn")),
    _f("position_reappointed_date", "Ngày bổ nhiệm lại", "date", "HS02:23", place="work.2",
       cv=("23", "Ngày bổ nhiệm lại/phê chuẩn nhiệm kỳ tiếp theo")),
    _f("concurrent_positions", "Chức vụ kiêm nhiệm", "longtext", "HS02:25", place="work.2",
       cv=("25", "Chức vụ kiêm nhiệm")),
    _f("party_position", "Chức vụ Đảng hiện tại", "text", "HS02:26", place="hs02.4",
       cv=("26", "Chức vụ Đảng hiện tại"), sensitive="political"),
    _f("party_concurrent_position", "Chức vụ Đảng kiêm nhiệm", "text", "HS02:27", place="hs02.4",
       cv=("27", "Chức vụ Đảng kiêm nhiệm"), sensitive="political"),
    _f("planned_titles", "Được quy hoạch chức danh", "longtext", "HS02:24", place="hs02.4",
       cv=("24", "Được quy hoạch chức danh")),
    _f("main_duties", "Công việc chính được giao", "longtext", "2C:13", place="work.2",
       cv=("28", "Công việc chính được giao")),
    _f("strengths", "Sở trường công tác", "longtext", "2C:20", place="education.4",
       cv=("29", "Sở trường công tác")),
    _f("longest_job", "Công việc làm lâu nhất", "text", "HS02:29", place="hs02.4",
       cv=("29", "Công việc làm lâu nhất")),
    _f("grade_code", "Mã ngạch / chức danh nghề nghiệp", "text", "2C:14", max_length=40, place="work.3",
       cv=("30.1", "Mã số")),
    _f("grade_list_version", "Danh mục mã ngạch", "text", max_length=40, place="work.3"),
    _f("grade_date", "Ngày bổ nhiệm ngạch", "date", "HS02:30", place="work.3",
       cv=("30.1", "Ngày bổ nhiệm ngạch/CDNN")),
    _f("salary_step", "Bậc lương", "int", "2C:14", minimum=1, maximum=20, place="work.3",
       cv=("30.1", "Bậc lương")),
    _f("salary_coefficient", "Hệ số lương", "decimal", "2C:14", minimum=0.5, maximum=15, place="work.3",
       cv=("30.1", "Hệ số")),
    _f("salary_since", "Ngày hưởng bậc lương", "date", "2C:14", place="work.3", cv=("30.1", "Ngày hưởng")),
    _f("salary_percent", "Phần trăm hưởng", "int", "HS02:30", minimum=1, maximum=100, place="work.3",
       cv=("30.1", "Phần trăm hưởng (%)")),
    _f("seniority_allowance_percent", "Phụ cấp thâm niên vượt khung (%)", "int", "HS02:30", minimum=0,
       maximum=100, place="work.3", cv=("30.1", "Phụ cấp thâm niên vượt khung (%)")),
    _f("seniority_allowance_since", "Ngày hưởng phụ cấp thâm niên vượt khung", "date", "HS02:30",
       place="work.3", cv=("30.1", "Ngày hưởng PCTNVK")),
    _f("position_allowance", "Phụ cấp chức vụ (hệ số)", "decimal", "2C:14", minimum=0, maximum=3,
       place="work.4", cv=("30.2", "Phụ cấp chức vụ")),
    _f("concurrent_allowance", "Phụ cấp kiêm nhiệm (hệ số)", "decimal", "HS02:30", minimum=0, maximum=3,
       place="work.4", cv=("30.2", "Phụ cấp kiêm nhiệm")),
    _f("other_allowance", "Phụ cấp khác", "text", "2C:14", place="work.4", cv=("30.2", "Phụ cấp khác")),
    _f("job_position", "Vị trí việc làm", "text", "HS02:30", place="work.5", cv=("30.3", "Vị trí việc làm")),
    _f("job_position_code", "Mã vị trí việc làm", "text", "HS02:30", max_length=40, place="work.5",
       cv=("30.3", "Mã số"),
       json=("position_code",)),
    _f("job_position_step", "Bậc lương theo vị trí việc làm", "int", "HS02:30", minimum=1, maximum=20,
       place="work.5", cv=("30.3", "Bậc lương"), headers=("Bậc lương VTVL", "Bậc lương theo VTVL"),
       en="Salary step of the job position"),
    _f("salary_amount", "Lương theo mức tiền (đồng)", "money", "HS02:30", minimum=0, maximum=1e10,
       place="work.5", cv=("30.3", "Lương theo mức tiền (vnđ)")),
    _f("salary_amount_since", "Ngày hưởng lương theo mức tiền", "date", "HS02:30", place="work.5",
       cv=("30.3", "Ngày hưởng")),
    _f("job_position_percent", "Phần trăm hưởng lương theo vị trí việc làm", "int", "HS02:30", minimum=1,
       maximum=100, place="work.5", cv=("30.3", "Phần trăm hưởng"), headers=("Phần trăm hưởng VTVL",
       "% hưởng VTVL"),
       en="Percentage paid of the job-position salary"),
    _f("job_position_seniority_percent", "Phụ cấp thâm niên vượt khung theo vị trí việc làm (%)", "int",
       "HS02:30",
       minimum=0, maximum=100, place="work.5", cv=("30.3", "PCTNVK"), headers=("PCTNVK VTVL",
       "PCTNVK theo VTVL"),
       en="Beyond-scale seniority allowance of the job position (%)"),
    _f("job_position_seniority_since", "Ngày hưởng PCTNVK theo vị trí việc làm", "date", "HS02:30",
       place="work.5", cv=("30.3", "Ngày hưởng PCTNVK"), headers=("Ngày hưởng PCTNVK VTVL",),
       en="Beyond-scale seniority allowance of the job position since"),
    _f("general_education", "Trình độ giáo dục phổ thông", "text", "2C:15.1", max_length=40,
       place="education.1", cv=("19", "Trình độ giáo dục phổ thông (đã tốt nghiệp lớp mấy/thuộc hệ nào)")),
    _f("professional_level_code", "Trình độ chuyên môn cao nhất", "catalog", "2C:15.2",
       catalog="professional_level", place="education.1", cv=("20", "Trình độ chuyên môn cao nhất")),
    _f("professional_major", "Chuyên ngành", "text", "2C:15.2", place="education.1"),
    _f("political_theory_code", "Lý luận chính trị", "catalog", "2C:15.3", catalog="political_theory",
       place="education.1"),
    _f("state_management_code", "Quản lý nhà nước", "catalog", "2C:15.4", catalog="state_management",
       place="education.1"),
    _f("foreign_language", "Ngoại ngữ", "text", "2C:15.5", place="education.1"),
    _f("it_level", "Tin học", "text", "2C:15.6", place="education.1"),
    _f("academic_title_code", "Học hàm", "catalog", "HS02:21", catalog="academic_title", place="hs02.3",
       cv=("21", "Học hàm")),
    _f("academic_title_year", "Năm phong học hàm", "int", "HS02:21", minimum=1950, maximum=2100,
       place="hs02.3"),
    _f("party_join_date", "Ngày vào Đảng Cộng sản Việt Nam", "date", "2C:16", place="education.2",
       cv=("15", "Ngày vào Đảng Cộng sản Việt Nam"), sensitive="political"),
    _f("party_official_date", "Ngày chính thức vào Đảng", "date", "2C:16", place="education.2",
       cv=("15", "Ngày chính thức"), sensitive="political"),
    _f("mass_org_join_date", "Ngày tham gia tổ chức chính trị - xã hội", "date", "2C:17",
       place="education.2", sensitive="political",
       cv=("16", "Ngày tham gia tổ chức chính trị - xã hội đầu tiên (ngày vào Đoàn TNCSHCM, Công đoàn, Hội)")),
    _f("mass_org_text", "Tổ chức chính trị - xã hội và công việc trong tổ chức", "longtext", "2C:17",
       place="education.2", sensitive="political"),
    _f("enlistment_date", "Ngày nhập ngũ", "date", "2C:18", place="education.3", cv=("17", "Ngày nhập ngũ")),
    _f("discharge_date", "Ngày xuất ngũ", "date", "2C:18", place="education.3", cv=("17", "Ngày xuất ngũ")),
    _f("military_rank", "Quân hàm cao nhất", "text", "2C:18", place="education.3",
       cv=("17", "Quân hàm cao nhất")),
    _f("honorary_title", "Danh hiệu được phong tặng cao nhất", "text", "2C:19", place="education.4",
       cv=("22", "Danh hiệu nhà nước phong tặng")),
    _f("reward_summary", "Khen thưởng (hình thức cao nhất, năm)", "text", "2C:21", place="health.1"),
    _f("discipline_summary", "Kỷ luật (hình thức cao nhất, năm)", "text", "2C:22", place="health.1"),
    _f("health_status", "Tình trạng sức khoẻ", "text", "2C:23", place="health.2",
       cv=("31", "Tình trạng sức khoẻ"), sensitive="health"),
    _f("height_cm", "Chiều cao (cm)", "int", "2C:23", minimum=50, maximum=250, place="health.2",
       cv=("31", "Chiều cao (cm)"), sensitive="health"),
    _f("weight_kg", "Cân nặng (kg)", "int", "2C:23", minimum=20, maximum=250, place="health.2",
       cv=("31", "Cân nặng (kg)"), sensitive="health"),
    _f("blood_type", "Nhóm máu", "text", "2C:23", max_length=40, place="health.2", cv=("31", "Nhóm máu")),
    _f("war_invalid_rank", "Thương binh hạng", "text", "2C:24", max_length=40, place="health.3",
       sensitive="health"),
    _f("policy_family", "Con gia đình chính sách", "text", "2C:24", place="health.3"),
    _f("policy_subject", "Đối tượng chính sách", "text", "HS02:18", catalog="policy_subject", place="hs02.2",
       cv=("18", "Đối tượng chính sách"), sensitive="health"),
    _f("social_insurance_number", "Số sổ BHXH", "text", "2C:26", max_length=40, place="health.4",
       cv=("9", "Số BHXH"), sensitive="identity_numbers"),
    _f("health_insurance_number", "Số thẻ BHYT", "text", "HS02:9", max_length=40, place="hs02.1",
       cv=("9", "Số thẻ BHYT"), sensitive="identity_numbers"),
    _f("history_detention", "Bị bắt, bị tù; làm việc trong chế độ cũ", "longtext", "2C:29", max_length=4000,
       place="history.1", sensitive="personal_history",
       cv=("34.1", "Khai rõ: bị bắt, bị tù (từ ngày tháng năm nào đến ngày tháng năm nào, ở đâu), đã khai báo "
                   "cho ai, những vấn đề gì?")),
    _f("history_foreign_orgs", "Quan hệ với tổ chức ở nước ngoài", "longtext", "2C:29", max_length=4000,
       place="history.1", sensitive="personal_history"),
    _f("history_relatives_abroad", "Thân nhân ở nước ngoài", "longtext", "2C:29", max_length=4000,
       place="history.1", sensitive="personal_history"),
    _f("income_salary", "Thu nhập từ tiền lương", "text", "HS02:37.3", place="nd27.1",
       cv=("37.3", "Tiền lương"), sensitive="assets_income"),
    _f("income_other", "Các nguồn thu nhập khác", "text", "HS02:37.3", place="nd27.1",
       cv=("37.3", "Các nguồn khác"), sensitive="assets_income"),
    _f("housing", "Nhà ở", "longtext", "HS02:37.3", max_length=1000, place="nd27.1", cv=("37.3", "Nhà ở"),
       sensitive="assets_income"),
    _f("land", "Đất ở", "longtext", "HS02:37.3", max_length=1000, place="nd27.1", cv=("37.3", "Đất ở"),
       sensitive="assets_income"),
    _f("business_land", "Đất sản xuất, kinh doanh", "longtext", "HS02:37.3", max_length=1000, place="nd27.1",
       cv=("37.3", "Đất sản xuất, kinh doanh"), sensitive="assets_income"),
    _f("assessment", "Nhận xét, đánh giá của cơ quan, đơn vị", "longtext", "2C:32", max_length=4000,
       place="assessment.1", cv=("38", "Nhận xét, đánh giá của cơ quan, tổ chức, đơn vị sử dụng")),
)

_D = "date"
SECTION_FIELDS: dict[str, tuple[FieldSpec, ...]] = {
    "training": (
        _f("kind", "Loại đào tạo", "choice", choices=("professional", "political_theory", "state_management",
                                                      "defence_security", "it", "language", "other")),
        _f("institution", "Tên trường, cơ sở đào tạo"), _f("major", "Chuyên ngành"),
        _f("start_date", "Từ ngày", _D), _f("end_date", "Đến ngày", _D, future_ok=True),
        _f("form_code", "Hình thức đào tạo", "catalog", catalog="training_form"),
        _f("qualification", "Văn bằng, chứng chỉ, trình độ"),
        _f("level_code", "Trình độ (mã)", "text", max_length=40),
        _f("language", "Tên ngoại ngữ / tiếng dân tộc"), _f("score", "Điểm số", max_length=40),
    ),
    "work_history": (
        _f("start_date", "Từ ngày", _D, required=True), _f("end_date", "Đến ngày", _D),
        _f("unit_name", "Đơn vị công tác"), _f("position", "Chức danh, chức vụ"),
        _f("description", "Diễn giải", "longtext", max_length=2000),
    ),
    "personal_history": (
        _f("kind", "Loại", "choice", choices=("old_regime", "foreign_org")),
        _f("start_date", "Từ ngày", _D), _f("end_date", "Đến ngày", _D),
        _f("content", "Nội dung", "longtext", max_length=2000),
    ),
    "family": (
        _f("side", "Bên", "choice", choices=("self", "spouse")),
        _f("relation", "Mối quan hệ", required=True, max_length=40),
        _f("full_name", "Họ và tên", "name", required=True, max_length=120),
        _f("birth_year", "Năm sinh", "int", minimum=1880, maximum=2100),
        _f("details", "Quê quán, nghề nghiệp, chức vụ, nơi ở…", "longtext", max_length=2000),
        _f("deceased", "Đã mất", "bool"),
    ),
    "salary_history": (
        _f("start_date", "Tháng/năm hưởng", _D, required=True), _f("end_date", "Đến ngày", _D),
        _f("grade_code", "Mã ngạch", max_length=40), _f("salary_step", "Bậc", "int", minimum=1, maximum=20),
        _f("salary_coefficient", "Hệ số lương", "decimal", minimum=0.5, maximum=15),
        _f("salary_percent", "Phần trăm hưởng", "int", minimum=1, maximum=100),
        _f("salary_amount", "Tiền lương theo vị trí việc làm", "money", minimum=0, maximum=1e10),
        _f("early_months", "Số tháng nâng bậc trước thời hạn", "int", minimum=0, maximum=12),
        _f("decision", "Quyết định"), _f("note", "Ghi chú", "longtext", max_length=1000),
    ),
    "allowances": (
        _f("kind", "Loại phụ cấp", required=True, max_length=80),
        _f("start_date", "Từ ngày", _D), _f("end_date", "Đến ngày", _D, future_ok=True),
        _f("percent", "Phần trăm hưởng", "decimal", minimum=0, maximum=200),
        _f("coefficient", "Hệ số", "decimal", minimum=0, maximum=15),
        _f("method", "Hình thức hưởng"), _f("amount", "Giá trị (đồng)", "money", minimum=0, maximum=1e10),
    ),
    "rewards": (
        _f("kind", "Loại", "choice", choices=("reward", "emulation_title")),
        _f("year", "Năm", "int", minimum=1945, maximum=2100),
        _f("decision_date", "Ngày quyết định", _D), _f("decision_number", "Số quyết định", max_length=40),
        _f("title", "Hình thức / danh hiệu", required=True), _f("authority", "Cấp quyết định"),
        _f("reason", "Lý do", "longtext", max_length=1000),
    ),
    "discipline": (
        _f("kind", "Loại kỷ luật", "choice", choices=("party", "administrative", "mass_org")),
        _f("start_date", "Từ ngày", _D), _f("end_date", "Đến ngày", _D, future_ok=True),
        _f("form", "Hình thức kỷ luật", required=True, max_length=120),
        _f("violation", "Hành vi vi phạm chính", "longtext", max_length=1000),
        _f("authority", "Cơ quan quyết định"), _f("decision_number", "Số quyết định", max_length=40),
    ),
    "evaluations": (
        _f("year", "Năm", "int", required=True, minimum=1945, maximum=2100),
        _f("quality_rating", "Xếp loại chất lượng"), _f("professional_rating", "Xếp loại chuyên môn"),
        _f("emulation_rating", "Xếp loại thi đua"), _f("note", "Ghi chú", "longtext", max_length=1000),
    ),
    "decisions": (
        _f("kind", "Loại quyết định", "choice", required=True,
           choices=("recruitment", "election", "appointment", "reappointment", "planning", "transfer",
                    "rotation", "secondment", "resignation", "retirement", "other")),
        _f("decision_number", "Số quyết định", max_length=40), _f("decision_date", "Ngày quyết định", _D),
        _f("effective_date", "Ngày hiệu lực", _D, future_ok=True),
        _f("end_date", "Ngày kết thúc", _D, future_ok=True),
        _f("position", "Chức vụ, chức danh"), _f("unit_name", "Đơn vị"), _f("authority", "Cấp quyết định"),
        _f("note", "Ghi chú", "longtext", max_length=1000),
    ),
    "planning": (
        _f("title", "Chức danh quy hoạch", required=True, en="Planned title"),
        _f("period_from", "Giai đoạn từ năm", "int", minimum=1990, maximum=2100, en="Period from (year)"),
        _f("period_to", "Đến năm", "int", minimum=1990, maximum=2100, en="To (year)"),
        _f("decision_number", "Số quyết định", max_length=40), _f("decision_date", "Ngày quyết định", _D),
        _f("removed_on", "Ngày đưa ra khỏi quy hoạch", _D, en="Removed from the planning on"),
        _f("note", "Ghi chú", "longtext", max_length=1000),
    ),
    "asset_declarations": (
        _f("year", "Năm kê khai", "int", required=True, minimum=2000, maximum=2100),
        _f("kind", "Loại kê khai", max_length=20), _f("declared_on", "Ngày kê khai", _D),
        _f("total_income", "Tổng thu nhập (đồng)", "money", minimum=0, maximum=1e13),
        _f("summary", "Tóm tắt tài sản, thu nhập", "longtext", max_length=4000),
    ),
}

SECTION_LABELS: dict[str, str] = {
    "training": "Quá trình đào tạo, bồi dưỡng",
    "work_history": "Quá trình công tác",
    "personal_history": "Lịch sử bản thân",
    "family": "Quan hệ gia đình",
    "salary_history": "Quá trình lương",
    "allowances": "Phụ cấp",
    "rewards": "Khen thưởng, danh hiệu thi đua",
    "discipline": "Kỷ luật",
    "evaluations": "Đánh giá, xếp loại hằng năm",
    "decisions": "Tuyển dụng, bổ nhiệm, điều động, luân chuyển, biệt phái",
    "asset_declarations": "Kê khai tài sản, thu nhập",
    "planning": "Quy hoạch chức danh lãnh đạo, quản lý",
}

PERSON_FIELD_MAP: dict[str, FieldSpec] = {f.name: f for f in PERSON_FIELDS}


def label(field: str) -> str:
    spec = PERSON_FIELD_MAP.get(field)
    return spec.label if spec else SECTION_LABELS.get(field, field)


def fields_at(place: str) -> tuple[str, ...]:
    """The person fields of one editor group, in declaration order."""
    return tuple(f.name for f in PERSON_FIELDS if f.place == place)


def cv_items() -> dict[str, tuple[FieldSpec, ...]]:
    """Item of the 2023 CV form → the person fields it prints, in declaration order."""
    out: dict[str, list[FieldSpec]] = {}
    for spec in PERSON_FIELDS:
        if spec.cv:
            out.setdefault(spec.cv[0], []).append(spec)
    return {item: tuple(specs) for item, specs in out.items()}


def json_keys(spec: FieldSpec) -> tuple[str, ...]:
    """The keys the Person JSON gives this field: a catalog field ``x_code`` as ``x`` (name) and
    ``x_code``; another catalog field as ``x`` and ``x_name``; then the declared aliases."""
    if spec.kind == "catalog" and spec.name.endswith("_code"):
        keys: tuple[str, ...] = (spec.name.removesuffix("_code"), spec.name)
    elif spec.kind == "catalog":
        keys = (spec.name, spec.name + "_name")
    else:
        keys = (spec.name,)
    return (*keys, *spec.json)


def person_json_doc() -> str:
    """The field tables of docs/person-json.md (between its generated markers)."""
    lines = ["| key | label | form item |", "|---|---|---|"]
    for spec in PERSON_FIELDS:
        keys = ", ".join(f"`{k}`" for k in json_keys(spec))
        items = "; ".join(f"{form} {number}".strip() for form, number in spec.forms.items())
        lines.append(f"| {keys} | {spec.label} | {items} |")
    lines += ["", "`staff_type` is one of `can_bo`, `cong_chuc`, `vien_chuc`, `hop_dong`; `status` one of "
              "`working`,", "`retired`, `transferred`, `left`.", "", "## Sections", "",
              "Each row has its `id` (UUID) and the fields below.", ""]
    for section, specs in SECTION_FIELDS.items():
        names = ", ".join(f"`{s.name}`" for s in specs)
        lines.append(f"- `{section}` — {SECTION_LABELS[section]}: {names}")
    return "\n".join(lines) + "\n"


DOC_BEGIN = "<!-- generated from app/fields.py: python -m app.fields -->"
DOC_END = "<!-- end of generated part -->"


def render_person_json_doc(text: str) -> str:
    """``text`` (docs/person-json.md) with its generated part replaced by the current tables."""
    head, _, rest = text.partition(DOC_BEGIN)
    _, _, tail = rest.partition(DOC_END)
    return f"{head}{DOC_BEGIN}\n{person_json_doc()}{DOC_END}{tail}"


if __name__ == "__main__":
    from pathlib import Path

    target = Path(__file__).resolve().parent.parent / "docs" / "person-json.md"
    target.write_text(render_person_json_doc(target.read_text(encoding="utf-8")), encoding="utf-8")
