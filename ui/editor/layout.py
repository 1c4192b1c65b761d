"""Where each field of the dossier sits in the editor, in the order of the paper forms.

Mẫu 2C-BNV/2008 items 1–32 lead; HS02-VC/BNV additions and the NĐ 27/2026 data follow. The pages
and their groups are here; which fields a group holds is declared with the fields
(``app.fields.FieldSpec.place``), so every person field appears exactly once (a test checks that
every ``place`` names a group here), and every section table once. Titles are marked for
``pyside6-lupdate`` and translated where they are shown.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP

from app.fields import fields_at

CONTEXT = "PersonEditor"


@dataclass(frozen=True)
class Group:
    key: str  # what a declaration of app.fields names as its ``place``
    title: str

    @property
    def fields(self) -> tuple[str, ...]:
        return fields_at(self.key)


@dataclass(frozen=True)
class Page:
    key: str
    title: str
    tip: str = ""
    groups: tuple[Group, ...] = ()
    sections: tuple[str, ...] = ()
    nested: bool = False  # sections (and groups) as inner tabs instead of one scrolling page
    files: bool = False


def _g(key: str, title: str) -> Group:
    return Group(key, title)


PAGES: tuple[Page, ...] = (
    Page(
        "identity",
        QT_TRANSLATE_NOOP("PersonEditor", "Sơ yếu lý lịch"),
        QT_TRANSLATE_NOOP("PersonEditor", "Mẫu 2C, mục 1–9"),
        groups=(
            _g("identity.1", QT_TRANSLATE_NOOP("PersonEditor", "Định danh (mục 25)")),
            _g("identity.2", QT_TRANSLATE_NOOP("PersonEditor", "1–3. Họ tên, ngày sinh, giới tính")),
            _g("identity.3", QT_TRANSLATE_NOOP("PersonEditor", "4–5. Nơi sinh, quê quán")),
            _g("identity.4", QT_TRANSLATE_NOOP("PersonEditor", "6–7. Dân tộc, tôn giáo")),
            _g("identity.5", QT_TRANSLATE_NOOP("PersonEditor", "8–9. Thường trú, nơi ở hiện nay")),
        ),
    ),
    Page(
        "work",
        QT_TRANSLATE_NOOP("PersonEditor", "Tuyển dụng, công tác"),
        QT_TRANSLATE_NOOP("PersonEditor", "Mẫu 2C, mục 10–14"),
        groups=(
            _g("work.1", QT_TRANSLATE_NOOP("PersonEditor", "10–11. Tuyển dụng")),
            _g("work.2", QT_TRANSLATE_NOOP("PersonEditor", "12–13. Chức vụ, công việc")),
            _g("work.3", QT_TRANSLATE_NOOP("PersonEditor", "14. Ngạch, bậc lương (HS02 mục 30.1)")),
            _g("work.4", QT_TRANSLATE_NOOP("PersonEditor", "14. Phụ cấp (HS02 mục 30.2)")),
            _g("work.5", QT_TRANSLATE_NOOP("PersonEditor", "Vị trí việc làm, lương theo mức tiền (HS02 mục 30.3)")),
        ),
    ),
    Page(
        "education",
        QT_TRANSLATE_NOOP("PersonEditor", "Trình độ, Đảng, quân ngũ"),
        QT_TRANSLATE_NOOP("PersonEditor", "Mẫu 2C, mục 15–20"),
        groups=(
            _g("education.1", QT_TRANSLATE_NOOP("PersonEditor", "15. Trình độ")),
            _g("education.2", QT_TRANSLATE_NOOP("PersonEditor", "16–17. Đảng, tổ chức chính trị - xã hội")),
            _g("education.3", QT_TRANSLATE_NOOP("PersonEditor", "18. Quân ngũ")),
            _g("education.4", QT_TRANSLATE_NOOP("PersonEditor", "19–20. Danh hiệu, sở trường")),
        ),
    ),
    Page(
        "health",
        QT_TRANSLATE_NOOP("PersonEditor", "Khen thưởng, sức khoẻ, bảo hiểm"),
        QT_TRANSLATE_NOOP("PersonEditor", "Mẫu 2C, mục 21–26 (mục 25, số CCCD: trang Sơ yếu lý lịch)"),
        groups=(
            _g("health.1", QT_TRANSLATE_NOOP("PersonEditor", "21–22. Khen thưởng, kỷ luật")),
            _g("health.2", QT_TRANSLATE_NOOP("PersonEditor", "23. Sức khoẻ")),
            _g("health.3", QT_TRANSLATE_NOOP("PersonEditor", "24. Chính sách")),
            _g("health.4", QT_TRANSLATE_NOOP("PersonEditor", "26. Bảo hiểm xã hội")),
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
            _g("history.1", QT_TRANSLATE_NOOP("PersonEditor", "29. Đặc điểm lịch sử bản thân")),
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
            _g("hs02.1", QT_TRANSLATE_NOOP("PersonEditor", "Liên hệ, bảo hiểm y tế (HS02 mục 8–9)")),
            _g("hs02.2", QT_TRANSLATE_NOOP("PersonEditor", "Xuất thân, chính sách (HS02 mục 11, 14, 18)")),
            _g("hs02.3", QT_TRANSLATE_NOOP("PersonEditor", "Học hàm (HS02 mục 21)")),
            _g("hs02.4", QT_TRANSLATE_NOOP("PersonEditor", "Quy hoạch, chức vụ Đảng (HS02 mục 24–29)")),
        ),
    ),
    Page(
        "nd27",
        QT_TRANSLATE_NOOP("PersonEditor", "NĐ 27/2026"),
        QT_TRANSLATE_NOOP("PersonEditor", "Dữ liệu theo Nghị định 27/2026/NĐ-CP (cơ sở dữ liệu CBCCVC)"),
        groups=(
            _g("nd27.1", QT_TRANSLATE_NOOP("PersonEditor", "Hoàn cảnh kinh tế")),
        ),
        sections=("allowances", "rewards", "discipline", "evaluations", "decisions", "planning", "asset_declarations"),
        nested=True,
    ),
    Page(
        "assessment",
        QT_TRANSLATE_NOOP("PersonEditor", "32. Nhận xét"),
        QT_TRANSLATE_NOOP("PersonEditor", "Mẫu 2C, mục 32"),
        groups=(
            _g("assessment.1", QT_TRANSLATE_NOOP("PersonEditor", "32. Nhận xét, đánh giá")),
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
    "planning": QT_TRANSLATE_NOOP("PersonEditor", "Quy hoạch"),
    "asset_declarations": QT_TRANSLATE_NOOP("PersonEditor", "Kê khai tài sản"),
}
