"""Where each field of the dossier sits in the editor, in the order of the paper forms.

Mẫu 2C-BNV/2008 items 1–32 lead; HS02-VC/BNV additions and the NĐ 27/2026 data follow. Every
name of ``app.fields.PERSON_FIELDS`` appears exactly once (a test checks it), and every section
table once. Titles are marked for ``pyside6-lupdate`` and translated where they are shown.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP

CONTEXT = "PersonEditor"


@dataclass(frozen=True)
class Group:
    title: str
    fields: tuple[str, ...]


@dataclass(frozen=True)
class Page:
    key: str
    title: str
    tip: str = ""
    groups: tuple[Group, ...] = ()
    sections: tuple[str, ...] = ()
    nested: bool = False  # sections (and groups) as inner tabs instead of one scrolling page
    files: bool = False


def _g(title: str, *fields: str) -> Group:
    return Group(title, fields)


PAGES: tuple[Page, ...] = (
    Page(
        "identity",
        QT_TRANSLATE_NOOP("PersonEditor", "Sơ yếu lý lịch"),
        QT_TRANSLATE_NOOP("PersonEditor", "Mẫu 2C, mục 1–9"),
        groups=(
            _g(QT_TRANSLATE_NOOP("PersonEditor", "Định danh (mục 25)"),
                "cccd", "cccd_issue_date", "cccd_issue_place", "old_id_number", "officer_number",
                "staff_type", "status"),
            _g(QT_TRANSLATE_NOOP("PersonEditor", "1–3. Họ tên, ngày sinh, giới tính"),
                "full_name", "other_names", "birth_date", "birth_year_only", "sex"),
            _g(QT_TRANSLATE_NOOP("PersonEditor", "4–5. Nơi sinh, quê quán"),
                "birthplace_text", "birthplace_province", "birthplace_commune", "hometown_text",
                "hometown_province", "hometown_commune"),
            _g(QT_TRANSLATE_NOOP("PersonEditor", "6–7. Dân tộc, tôn giáo"),
                "ethnicity_code", "religion_code"),
            _g(QT_TRANSLATE_NOOP("PersonEditor", "8–9. Thường trú, nơi ở hiện nay"),
                "permanent_text", "permanent_province", "permanent_commune", "permanent_detail",
                "current_text", "current_province", "current_commune", "current_detail"),
        ),
    ),
    Page(
        "work",
        QT_TRANSLATE_NOOP("PersonEditor", "Tuyển dụng, công tác"),
        QT_TRANSLATE_NOOP("PersonEditor", "Mẫu 2C, mục 10–14"),
        groups=(
            _g(QT_TRANSLATE_NOOP("PersonEditor", "10–11. Tuyển dụng"),
                "occupation_before", "recruitment_date", "recruiting_agency", "probation_end_date"),
            _g(QT_TRANSLATE_NOOP("PersonEditor", "12–13. Chức vụ, công việc"),
                "position", "position_date", "position_reappointed_date", "concurrent_positions",
                "main_duties"),
            _g(QT_TRANSLATE_NOOP("PersonEditor", "14. Ngạch, bậc lương (HS02 mục 30.1)"),
                "grade_code", "grade_list_version", "grade_date", "salary_step", "salary_coefficient",
                "salary_since", "salary_percent", "seniority_allowance_percent",
                "seniority_allowance_since"),
            _g(QT_TRANSLATE_NOOP("PersonEditor", "14. Phụ cấp (HS02 mục 30.2)"),
                "position_allowance", "concurrent_allowance", "other_allowance"),
            _g(QT_TRANSLATE_NOOP("PersonEditor", "Vị trí việc làm, lương theo mức tiền (HS02 mục 30.3)"),
                "job_position", "job_position_code", "salary_amount", "salary_amount_since"),
        ),
    ),
    Page(
        "education",
        QT_TRANSLATE_NOOP("PersonEditor", "Trình độ, Đảng, quân ngũ"),
        QT_TRANSLATE_NOOP("PersonEditor", "Mẫu 2C, mục 15–20"),
        groups=(
            _g(QT_TRANSLATE_NOOP("PersonEditor", "15. Trình độ"),
                "general_education", "professional_level_code", "professional_major",
                "political_theory_code", "state_management_code", "foreign_language", "it_level"),
            _g(QT_TRANSLATE_NOOP("PersonEditor", "16–17. Đảng, tổ chức chính trị - xã hội"),
                "party_join_date", "party_official_date", "mass_org_join_date", "mass_org_text"),
            _g(QT_TRANSLATE_NOOP("PersonEditor", "18. Quân ngũ"),
                "enlistment_date", "discharge_date", "military_rank"),
            _g(QT_TRANSLATE_NOOP("PersonEditor", "19–20. Danh hiệu, sở trường"),
                "honorary_title", "strengths"),
        ),
    ),
    Page(
        "health",
        QT_TRANSLATE_NOOP("PersonEditor", "Khen thưởng, sức khỏe, bảo hiểm"),
        QT_TRANSLATE_NOOP("PersonEditor", "Mẫu 2C, mục 21–26 (mục 25, số CCCD: trang Sơ yếu lý lịch)"),
        groups=(
            _g(QT_TRANSLATE_NOOP("PersonEditor", "21–22. Khen thưởng, kỷ luật"),
                "reward_summary", "discipline_summary"),
            _g(QT_TRANSLATE_NOOP("PersonEditor", "23. Sức khỏe"),
                "health_status", "blood_type", "height_cm", "weight_kg"),
            _g(QT_TRANSLATE_NOOP("PersonEditor", "24. Chính sách"),
                "war_invalid_rank", "policy_family"),
            _g(QT_TRANSLATE_NOOP("PersonEditor", "26. Bảo hiểm xã hội"),
                "social_insurance_number"),
        ),
    ),
    Page(
        "training",
        QT_TRANSLATE_NOOP("PersonEditor", "27. Đào tạo"),
        QT_TRANSLATE_NOOP("PersonEditor", "Mẫu 2C, mục 27"),
        sections=("training",),
    ),
    Page(
        "work_history",
        QT_TRANSLATE_NOOP("PersonEditor", "28. Công tác"),
        QT_TRANSLATE_NOOP("PersonEditor", "Mẫu 2C, mục 28"),
        sections=("work_history",),
    ),
    Page(
        "history",
        QT_TRANSLATE_NOOP("PersonEditor", "29. Lịch sử bản thân"),
        QT_TRANSLATE_NOOP("PersonEditor", "Mẫu 2C, mục 29"),
        groups=(
            _g(QT_TRANSLATE_NOOP("PersonEditor", "29. Đặc điểm lịch sử bản thân"),
                "history_detention", "history_foreign_orgs", "history_relatives_abroad"),
        ),
        sections=("personal_history",),
    ),
    Page(
        "family",
        QT_TRANSLATE_NOOP("PersonEditor", "30. Gia đình"),
        QT_TRANSLATE_NOOP("PersonEditor", "Mẫu 2C, mục 30"),
        sections=("family",),
    ),
    Page(
        "salary",
        QT_TRANSLATE_NOOP("PersonEditor", "31. Lương"),
        QT_TRANSLATE_NOOP("PersonEditor", "Mẫu 2C, mục 31"),
        sections=("salary_history",),
    ),
    Page(
        "hs02",
        QT_TRANSLATE_NOOP("PersonEditor", "Bổ sung HS02"),
        QT_TRANSLATE_NOOP("PersonEditor", "Mẫu HS02-VC/BNV"),
        groups=(
            _g(QT_TRANSLATE_NOOP("PersonEditor", "Liên hệ, bảo hiểm y tế (HS02 mục 8–9)"),
                "phone", "email", "health_insurance_number"),
            _g(QT_TRANSLATE_NOOP("PersonEditor", "Xuất thân, chính sách (HS02 mục 11, 14, 18)"),
                "family_background", "agency_join_date", "policy_subject"),
            _g(QT_TRANSLATE_NOOP("PersonEditor", "Học hàm (HS02 mục 21)"),
                "academic_title_code", "academic_title_year"),
            _g(QT_TRANSLATE_NOOP("PersonEditor", "Quy hoạch, chức vụ Đảng (HS02 mục 24–29)"),
                "planned_titles", "party_position", "party_concurrent_position", "longest_job"),
        ),
    ),
    Page(
        "nd27",
        QT_TRANSLATE_NOOP("PersonEditor", "NĐ 27/2026"),
        QT_TRANSLATE_NOOP("PersonEditor", "Dữ liệu theo Nghị định 27/2026/NĐ-CP (cơ sở dữ liệu CBCCVC)"),
        groups=(
            _g(QT_TRANSLATE_NOOP("PersonEditor", "Hoàn cảnh kinh tế"),
                "income_salary", "income_other", "housing", "land", "business_land"),
        ),
        sections=("allowances", "rewards", "discipline", "evaluations", "decisions", "asset_declarations"),
        nested=True,
    ),
    Page(
        "assessment",
        QT_TRANSLATE_NOOP("PersonEditor", "32. Nhận xét"),
        QT_TRANSLATE_NOOP("PersonEditor", "Mẫu 2C, mục 32"),
        groups=(
            _g(QT_TRANSLATE_NOOP("PersonEditor", "32. Nhận xét, đánh giá"),
                "assessment"),
        ),
    ),
    Page(
        "files",
        QT_TRANSLATE_NOOP("PersonEditor", "Ảnh và tệp"),
        QT_TRANSLATE_NOOP("PersonEditor", "Ảnh 4 x 6 và tệp đính kèm"),
        files=True,
    ),
)

READ_ONLY = frozenset({"grade_list_version"})  # set by the service from the grade code


def placed_fields() -> list[str]:
    return [name for page in PAGES for group in page.groups for name in group.fields]


def placed_sections() -> list[str]:
    return [name for page in PAGES for name in page.sections]


SECTION_TABS: dict[str, str] = {  # short titles of the inner tabs of a nested page
    "allowances": QT_TRANSLATE_NOOP("PersonEditor", "Phụ cấp"),
    "rewards": QT_TRANSLATE_NOOP("PersonEditor", "Khen thưởng"),
    "discipline": QT_TRANSLATE_NOOP("PersonEditor", "Kỷ luật"),
    "evaluations": QT_TRANSLATE_NOOP("PersonEditor", "Đánh giá hằng năm"),
    "decisions": QT_TRANSLATE_NOOP("PersonEditor", "Quyết định"),
    "asset_declarations": QT_TRANSLATE_NOOP("PersonEditor", "Kê khai tài sản"),
}
