"""The dossier's fields, declared once: name, Vietnamese label, kind, form item.

Validation, the Person JSON, the editor, the completeness rules and the importer all read this
table, so a field added here is validated, exported and shown the same way everywhere.
Kinds: ``text`` (one line), ``longtext``, ``name``, ``date``, ``int``, ``decimal``, ``money``,
``bool``, ``catalog`` (``catalog`` names the list), ``choice`` (``choices``), ``cccd``.
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


def _f(name: str, label: str, kind: str = "text", item: str = "", **kw: object) -> FieldSpec:
    return FieldSpec(name, label, kind, item, **kw)  # type: ignore[arg-type]


STAFF_TYPE_LABELS = {"can_bo": "Cán bộ", "cong_chuc": "Công chức", "vien_chuc": "Viên chức",
                     "hop_dong": "Hợp đồng lao động"}
STATUS_LABELS = {"working": "Đang công tác", "retired": "Đã nghỉ hưu", "transferred": "Đã chuyển công tác",
                 "left": "Đã thôi việc"}

PERSON_FIELDS: tuple[FieldSpec, ...] = (
    _f("cccd", "Số CCCD (số định danh cá nhân)", "cccd", "2C:25", required=True, max_length=12),
    _f("cccd_issue_date", "Ngày cấp CCCD", "date", "2C:25"),
    _f("cccd_issue_place", "Nơi cấp CCCD", "text", "2C:25"),
    _f("old_id_number", "Số CMND cũ", "text", "2C:25", max_length=40),
    _f("officer_number", "Số hiệu cán bộ, công chức", "text", "2C", max_length=40),
    _f("staff_type", "Loại cán bộ", "choice", choices=tuple(STAFF_TYPE_LABELS)),
    _f("status", "Tình trạng", "choice", choices=tuple(STATUS_LABELS)),
    _f("full_name", "Họ và tên khai sinh", "name", "2C:1", required=True, max_length=120),
    _f("other_names", "Tên gọi khác", "text", "2C:2"),
    _f("birth_date", "Ngày sinh", "date", "2C:3", required=True),
    _f("birth_year_only", "Chỉ biết năm sinh", "bool", "2C:3"),
    _f("sex", "Giới tính", "choice", "2C:3", choices=("Nam", "Nữ"), required=True),
    _f("birthplace_text", "Nơi sinh (ghi theo địa danh cũ)", "longtext", "2C:4", max_length=500),
    _f("birthplace_province", "Nơi sinh — tỉnh, thành phố (2025)", "catalog", "2C:4", catalog="province"),
    _f("birthplace_commune", "Nơi sinh — xã, phường (2025)", "text", "2C:4"),
    _f("hometown_text", "Quê quán (ghi theo địa danh cũ)", "longtext", "2C:5", max_length=500),
    _f("hometown_province", "Quê quán — tỉnh, thành phố (2025)", "catalog", "2C:5", catalog="province"),
    _f("hometown_commune", "Quê quán — xã, phường (2025)", "text", "2C:5"),
    _f("ethnicity_code", "Dân tộc", "catalog", "2C:6", catalog="ethnicity"),
    _f("religion_code", "Tôn giáo", "catalog", "2C:7", catalog="religion"),
    _f("permanent_text", "Nơi đăng ký hộ khẩu thường trú (địa danh cũ)", "longtext", "2C:8", max_length=500),
    _f("permanent_province", "Thường trú — tỉnh, thành phố (2025)", "catalog", "2C:8", catalog="province"),
    _f("permanent_commune", "Thường trú — xã, phường (2025)", "text", "2C:8"),
    _f("permanent_detail", "Thường trú — số nhà, đường, thôn", "text", "2C:8"),
    _f("current_text", "Nơi ở hiện nay (địa danh cũ)", "longtext", "2C:9", max_length=500),
    _f("current_province", "Nơi ở — tỉnh, thành phố (2025)", "catalog", "2C:9", catalog="province"),
    _f("current_commune", "Nơi ở — xã, phường (2025)", "text", "2C:9"),
    _f("current_detail", "Nơi ở — số nhà, đường, thôn", "text", "2C:9"),
    _f("phone", "Số điện thoại liên hệ", "text", "HS02:8", max_length=40),
    _f("email", "Thư điện tử", "text"),
    _f("family_background", "Thành phần gia đình xuất thân", "text", "HS02:11"),
    _f("occupation_before", "Nghề nghiệp khi được tuyển dụng", "text", "2C:10"),
    _f("recruitment_date", "Ngày tuyển dụng", "date", "2C:11"),
    _f("recruiting_agency", "Cơ quan tuyển dụng", "text", "2C:11"),
    _f("agency_join_date", "Ngày vào cơ quan hiện đang công tác", "date", "HS02:14"),
    _f("probation_end_date", "Ngày hết tập sự", "date", future_ok=True),
    _f("position", "Chức vụ (chức danh) hiện tại", "text", "2C:12"),
    _f("position_date", "Ngày bổ nhiệm chức vụ", "date", "HS02:23"),
    _f("position_reappointed_date", "Ngày bổ nhiệm lại", "date", "HS02:23"),
    _f("concurrent_positions", "Chức vụ kiêm nhiệm", "longtext", "HS02:25"),
    _f("party_position", "Chức vụ Đảng hiện tại", "text", "HS02:26"),
    _f("party_concurrent_position", "Chức vụ Đảng kiêm nhiệm", "text", "HS02:27"),
    _f("planned_titles", "Được quy hoạch chức danh", "longtext", "HS02:24"),
    _f("main_duties", "Công việc chính được giao", "longtext", "2C:13"),
    _f("strengths", "Sở trường công tác", "longtext", "2C:20"),
    _f("longest_job", "Công việc làm lâu nhất", "text", "HS02:29"),
    _f("grade_code", "Mã ngạch / chức danh nghề nghiệp", "text", "2C:14", max_length=40),
    _f("grade_list_version", "Danh mục mã ngạch", "text", max_length=40),
    _f("grade_date", "Ngày bổ nhiệm ngạch", "date", "HS02:30"),
    _f("salary_step", "Bậc lương", "int", "2C:14", minimum=1, maximum=20),
    _f("salary_coefficient", "Hệ số lương", "decimal", "2C:14", minimum=0.5, maximum=15),
    _f("salary_since", "Ngày hưởng bậc lương", "date", "2C:14"),
    _f("salary_percent", "Phần trăm hưởng", "int", "HS02:30", minimum=1, maximum=100),
    _f("seniority_allowance_percent", "Phụ cấp thâm niên vượt khung (%)", "int", "HS02:30", minimum=0, maximum=100),
    _f("seniority_allowance_since", "Ngày hưởng phụ cấp thâm niên vượt khung", "date", "HS02:30"),
    _f("position_allowance", "Phụ cấp chức vụ (hệ số)", "decimal", "2C:14", minimum=0, maximum=3),
    _f("concurrent_allowance", "Phụ cấp kiêm nhiệm (hệ số)", "decimal", "HS02:30", minimum=0, maximum=3),
    _f("other_allowance", "Phụ cấp khác", "text", "2C:14"),
    _f("job_position", "Vị trí việc làm", "text", "HS02:30"),
    _f("job_position_code", "Mã vị trí việc làm", "text", "HS02:30", max_length=40),
    _f("salary_amount", "Lương theo mức tiền (đồng)", "money", "HS02:30", minimum=0, maximum=1e10),
    _f("salary_amount_since", "Ngày hưởng lương theo mức tiền", "date", "HS02:30"),
    _f("general_education", "Trình độ giáo dục phổ thông", "text", "2C:15.1", max_length=40),
    _f("professional_level_code", "Trình độ chuyên môn cao nhất", "catalog", "2C:15.2", catalog="professional_level"),
    _f("professional_major", "Chuyên ngành", "text", "2C:15.2"),
    _f("political_theory_code", "Lý luận chính trị", "catalog", "2C:15.3", catalog="political_theory"),
    _f("state_management_code", "Quản lý nhà nước", "catalog", "2C:15.4", catalog="state_management"),
    _f("foreign_language", "Ngoại ngữ", "text", "2C:15.5"),
    _f("it_level", "Tin học", "text", "2C:15.6"),
    _f("academic_title_code", "Học hàm", "catalog", "HS02:21", catalog="academic_title"),
    _f("academic_title_year", "Năm phong học hàm", "int", "HS02:21", minimum=1950, maximum=2100),
    _f("party_join_date", "Ngày vào Đảng Cộng sản Việt Nam", "date", "2C:16"),
    _f("party_official_date", "Ngày chính thức vào Đảng", "date", "2C:16"),
    _f("mass_org_join_date", "Ngày tham gia tổ chức chính trị - xã hội", "date", "2C:17"),
    _f("mass_org_text", "Tổ chức chính trị - xã hội và công việc trong tổ chức", "longtext", "2C:17"),
    _f("enlistment_date", "Ngày nhập ngũ", "date", "2C:18"),
    _f("discharge_date", "Ngày xuất ngũ", "date", "2C:18"),
    _f("military_rank", "Quân hàm cao nhất", "text", "2C:18"),
    _f("honorary_title", "Danh hiệu được phong tặng cao nhất", "text", "2C:19"),
    _f("reward_summary", "Khen thưởng (hình thức cao nhất, năm)", "text", "2C:21"),
    _f("discipline_summary", "Kỷ luật (hình thức cao nhất, năm)", "text", "2C:22"),
    _f("health_status", "Tình trạng sức khoẻ", "text", "2C:23"),
    _f("height_cm", "Chiều cao (cm)", "int", "2C:23", minimum=50, maximum=250),
    _f("weight_kg", "Cân nặng (kg)", "int", "2C:23", minimum=20, maximum=250),
    _f("blood_type", "Nhóm máu", "text", "2C:23", max_length=40),
    _f("war_invalid_rank", "Thương binh hạng", "text", "2C:24", max_length=40),
    _f("policy_family", "Con gia đình chính sách", "text", "2C:24"),
    _f("policy_subject", "Đối tượng chính sách", "text", "HS02:18"),
    _f("social_insurance_number", "Số sổ BHXH", "text", "2C:26", max_length=40),
    _f("health_insurance_number", "Số thẻ BHYT", "text", "HS02:9", max_length=40),
    _f("history_detention", "Bị bắt, bị tù; làm việc trong chế độ cũ", "longtext", "2C:29", max_length=4000),
    _f("history_foreign_orgs", "Quan hệ với tổ chức ở nước ngoài", "longtext", "2C:29", max_length=4000),
    _f("history_relatives_abroad", "Thân nhân ở nước ngoài", "longtext", "2C:29", max_length=4000),
    _f("income_salary", "Thu nhập từ tiền lương", "text", "HS02:37.3"),
    _f("income_other", "Các nguồn thu nhập khác", "text", "HS02:37.3"),
    _f("housing", "Nhà ở", "longtext", "HS02:37.3", max_length=1000),
    _f("land", "Đất ở", "longtext", "HS02:37.3", max_length=1000),
    _f("business_land", "Đất sản xuất, kinh doanh", "longtext", "HS02:37.3", max_length=1000),
    _f("assessment", "Nhận xét, đánh giá của cơ quan, đơn vị", "longtext", "2C:32", max_length=4000),
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
}

PERSON_FIELD_MAP: dict[str, FieldSpec] = {f.name: f for f in PERSON_FIELDS}


def label(field: str) -> str:
    spec = PERSON_FIELD_MAP.get(field)
    return spec.label if spec else SECTION_LABELS.get(field, field)
