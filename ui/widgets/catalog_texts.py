"""The names of the catalogs whose codes a dossier stores (religion, ethnic group, qualification
levels…), as literals, so ``pyside6-lupdate`` offers them for translation (context "Catalogs").

The combo boxes and section tables show ``catalog_name(name)``: the English name in English mode,
the catalog's own (Vietnamese) name otherwise; the stored value is the code either way, and the
Vietnamese name stays an alias for type-ahead. Generated from ``resources/catalogs/catalog_items.csv``
(a test checks it is current; ``python tools/i18n.py update`` regenerates it). Catalogs whose
entries are free text with suggestions (the typed text is stored) are not listed: their words are
data and are never translated.

The ngạch / chức danh nghề nghiệp titles (``resources/catalogs/grades.csv``) are listed the same way
in ``GRADE_TEXTS`` (context "Grades", apart from the catalogs so "Cán sự" the grade and "Cán sự" the
state-management level can read differently); the editor's combo, the section tables and the list's
filter show ``grade_label(code, name)``: "01.003 — Specialist", the code as it is.
"""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "Catalogs"
GRADE_CONTEXT = "Grades"

TEXTS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("Catalogs", "Kinh"),
    QT_TRANSLATE_NOOP("Catalogs", "Tày"),
    QT_TRANSLATE_NOOP("Catalogs", "Thái"),
    QT_TRANSLATE_NOOP("Catalogs", "Hoa"),
    QT_TRANSLATE_NOOP("Catalogs", "Khơ-me"),
    QT_TRANSLATE_NOOP("Catalogs", "Mường"),
    QT_TRANSLATE_NOOP("Catalogs", "Nùng"),
    QT_TRANSLATE_NOOP("Catalogs", "H'Mông"),
    QT_TRANSLATE_NOOP("Catalogs", "Dao"),
    QT_TRANSLATE_NOOP("Catalogs", "Gia-rai"),
    QT_TRANSLATE_NOOP("Catalogs", "Ngái"),
    QT_TRANSLATE_NOOP("Catalogs", "Ê-đê"),
    QT_TRANSLATE_NOOP("Catalogs", "Ba-na"),
    QT_TRANSLATE_NOOP("Catalogs", "Xơ-đăng"),
    QT_TRANSLATE_NOOP("Catalogs", "Sán Chay"),
    QT_TRANSLATE_NOOP("Catalogs", "Cơ-ho"),
    QT_TRANSLATE_NOOP("Catalogs", "Chăm"),
    QT_TRANSLATE_NOOP("Catalogs", "Sán Dìu"),
    QT_TRANSLATE_NOOP("Catalogs", "Hrê"),
    QT_TRANSLATE_NOOP("Catalogs", "Mnông"),
    QT_TRANSLATE_NOOP("Catalogs", "Ra-glai"),
    QT_TRANSLATE_NOOP("Catalogs", "Xtiêng"),
    QT_TRANSLATE_NOOP("Catalogs", "Bru-Vân Kiều"),
    QT_TRANSLATE_NOOP("Catalogs", "Thổ"),
    QT_TRANSLATE_NOOP("Catalogs", "Giáy"),
    QT_TRANSLATE_NOOP("Catalogs", "Cơ-tu"),
    QT_TRANSLATE_NOOP("Catalogs", "Gié-Triêng"),
    QT_TRANSLATE_NOOP("Catalogs", "Mạ"),
    QT_TRANSLATE_NOOP("Catalogs", "Khơ-mú"),
    QT_TRANSLATE_NOOP("Catalogs", "Co"),
    QT_TRANSLATE_NOOP("Catalogs", "Tà-ôi"),
    QT_TRANSLATE_NOOP("Catalogs", "Chơ-ro"),
    QT_TRANSLATE_NOOP("Catalogs", "Kháng"),
    QT_TRANSLATE_NOOP("Catalogs", "Xinh-mun"),
    QT_TRANSLATE_NOOP("Catalogs", "Hà Nhì"),
    QT_TRANSLATE_NOOP("Catalogs", "Chu-ru"),
    QT_TRANSLATE_NOOP("Catalogs", "Lào"),
    QT_TRANSLATE_NOOP("Catalogs", "La Chí"),
    QT_TRANSLATE_NOOP("Catalogs", "La Ha"),
    QT_TRANSLATE_NOOP("Catalogs", "Phù Lá"),
    QT_TRANSLATE_NOOP("Catalogs", "La Hủ"),
    QT_TRANSLATE_NOOP("Catalogs", "Lự"),
    QT_TRANSLATE_NOOP("Catalogs", "Lô Lô"),
    QT_TRANSLATE_NOOP("Catalogs", "Chứt"),
    QT_TRANSLATE_NOOP("Catalogs", "Mảng"),
    QT_TRANSLATE_NOOP("Catalogs", "Pà Thẻn"),
    QT_TRANSLATE_NOOP("Catalogs", "Co Lao"),
    QT_TRANSLATE_NOOP("Catalogs", "Cống"),
    QT_TRANSLATE_NOOP("Catalogs", "Bố Y"),
    QT_TRANSLATE_NOOP("Catalogs", "Si La"),
    QT_TRANSLATE_NOOP("Catalogs", "Pu Péo"),
    QT_TRANSLATE_NOOP("Catalogs", "Brâu"),
    QT_TRANSLATE_NOOP("Catalogs", "Ơ Đu"),
    QT_TRANSLATE_NOOP("Catalogs", "Rơ-măm"),
    QT_TRANSLATE_NOOP("Catalogs", "Người nước ngoài"),
    QT_TRANSLATE_NOOP("Catalogs", "Không rõ"),
    QT_TRANSLATE_NOOP("Catalogs", "Không"),
    QT_TRANSLATE_NOOP("Catalogs", "Phật giáo"),
    QT_TRANSLATE_NOOP("Catalogs", "Công giáo"),
    QT_TRANSLATE_NOOP("Catalogs", "Tin lành"),
    QT_TRANSLATE_NOOP("Catalogs", "Cao Đài"),
    QT_TRANSLATE_NOOP("Catalogs", "Phật giáo Hòa Hảo"),
    QT_TRANSLATE_NOOP("Catalogs", "Tôn giáo Baha'i"),
    QT_TRANSLATE_NOOP("Catalogs", "Tịnh độ Cư sỹ Phật hội Việt Nam"),
    QT_TRANSLATE_NOOP("Catalogs", "Đạo Tứ Ân Hiếu nghĩa"),
    QT_TRANSLATE_NOOP("Catalogs", "Giáo hội Phật đường Nam Tông Minh Sư đạo"),
    QT_TRANSLATE_NOOP("Catalogs", "Hội thánh Minh lý đạo - Tam Tông Miếu"),
    QT_TRANSLATE_NOOP("Catalogs", "Chăm Bà la môn"),
    QT_TRANSLATE_NOOP("Catalogs", "Giáo hội Các thánh hữu Ngày sau của Chúa Giê su Ky tô (Mormon)"),
    QT_TRANSLATE_NOOP("Catalogs", "Phật giáo Hiếu Nghĩa Tà Lơn"),
    QT_TRANSLATE_NOOP("Catalogs", "Giáo hội Cơ đốc Phục lâm Việt Nam"),
    QT_TRANSLATE_NOOP("Catalogs", "Hồi giáo"),
    QT_TRANSLATE_NOOP("Catalogs", "Bửu Sơn Kỳ Hương"),
    QT_TRANSLATE_NOOP("Catalogs", "Thành phố Hà Nội"),
    QT_TRANSLATE_NOOP("Catalogs", "Tỉnh Cao Bằng"),
    QT_TRANSLATE_NOOP("Catalogs", "Tỉnh Tuyên Quang"),
    QT_TRANSLATE_NOOP("Catalogs", "Tỉnh Điện Biên"),
    QT_TRANSLATE_NOOP("Catalogs", "Tỉnh Lai Châu"),
    QT_TRANSLATE_NOOP("Catalogs", "Tỉnh Sơn La"),
    QT_TRANSLATE_NOOP("Catalogs", "Tỉnh Lào Cai"),
    QT_TRANSLATE_NOOP("Catalogs", "Tỉnh Thái Nguyên"),
    QT_TRANSLATE_NOOP("Catalogs", "Tỉnh Lạng Sơn"),
    QT_TRANSLATE_NOOP("Catalogs", "Tỉnh Quảng Ninh"),
    QT_TRANSLATE_NOOP("Catalogs", "Tỉnh Bắc Ninh"),
    QT_TRANSLATE_NOOP("Catalogs", "Tỉnh Phú Thọ"),
    QT_TRANSLATE_NOOP("Catalogs", "Thành phố Hải Phòng"),
    QT_TRANSLATE_NOOP("Catalogs", "Tỉnh Hưng Yên"),
    QT_TRANSLATE_NOOP("Catalogs", "Tỉnh Ninh Bình"),
    QT_TRANSLATE_NOOP("Catalogs", "Tỉnh Thanh Hóa"),
    QT_TRANSLATE_NOOP("Catalogs", "Tỉnh Nghệ An"),
    QT_TRANSLATE_NOOP("Catalogs", "Tỉnh Hà Tĩnh"),
    QT_TRANSLATE_NOOP("Catalogs", "Tỉnh Quảng Trị"),
    QT_TRANSLATE_NOOP("Catalogs", "Thành phố Huế"),
    QT_TRANSLATE_NOOP("Catalogs", "Thành phố Đà Nẵng"),
    QT_TRANSLATE_NOOP("Catalogs", "Tỉnh Quảng Ngãi"),
    QT_TRANSLATE_NOOP("Catalogs", "Tỉnh Gia Lai"),
    QT_TRANSLATE_NOOP("Catalogs", "Tỉnh Khánh Hòa"),
    QT_TRANSLATE_NOOP("Catalogs", "Tỉnh Đắk Lắk"),
    QT_TRANSLATE_NOOP("Catalogs", "Tỉnh Lâm Đồng"),
    QT_TRANSLATE_NOOP("Catalogs", "Tỉnh Đồng Nai"),
    QT_TRANSLATE_NOOP("Catalogs", "Thành phố Hồ Chí Minh"),
    QT_TRANSLATE_NOOP("Catalogs", "Tỉnh Tây Ninh"),
    QT_TRANSLATE_NOOP("Catalogs", "Tỉnh Đồng Tháp"),
    QT_TRANSLATE_NOOP("Catalogs", "Tỉnh Vĩnh Long"),
    QT_TRANSLATE_NOOP("Catalogs", "Tỉnh An Giang"),
    QT_TRANSLATE_NOOP("Catalogs", "Thành phố Cần Thơ"),
    QT_TRANSLATE_NOOP("Catalogs", "Tỉnh Cà Mau"),
    QT_TRANSLATE_NOOP("Catalogs", "Tiến sĩ khoa học"),
    QT_TRANSLATE_NOOP("Catalogs", "Tiến sĩ"),
    QT_TRANSLATE_NOOP("Catalogs", "Chuyên khoa II"),
    QT_TRANSLATE_NOOP("Catalogs", "Thạc sĩ"),
    QT_TRANSLATE_NOOP("Catalogs", "Chuyên khoa I"),
    QT_TRANSLATE_NOOP("Catalogs", "Đại học"),
    QT_TRANSLATE_NOOP("Catalogs", "Cao đẳng"),
    QT_TRANSLATE_NOOP("Catalogs", "Trung cấp"),
    QT_TRANSLATE_NOOP("Catalogs", "Sơ cấp"),
    QT_TRANSLATE_NOOP("Catalogs", "Chưa qua đào tạo"),
    QT_TRANSLATE_NOOP("Catalogs", "Cử nhân"),
    QT_TRANSLATE_NOOP("Catalogs", "Cao cấp"),
    QT_TRANSLATE_NOOP("Catalogs", "Chuyên viên cao cấp và tương đương"),
    QT_TRANSLATE_NOOP("Catalogs", "Chuyên viên chính và tương đương"),
    QT_TRANSLATE_NOOP("Catalogs", "Chuyên viên và tương đương"),
    QT_TRANSLATE_NOOP("Catalogs", "Cán sự"),
    QT_TRANSLATE_NOOP("Catalogs", "Chính quy"),
    QT_TRANSLATE_NOOP("Catalogs", "Tại chức"),
    QT_TRANSLATE_NOOP("Catalogs", "Chuyên tu"),
    QT_TRANSLATE_NOOP("Catalogs", "Bồi dưỡng"),
    QT_TRANSLATE_NOOP("Catalogs", "Vừa làm vừa học"),
    QT_TRANSLATE_NOOP("Catalogs", "Từ xa"),
    QT_TRANSLATE_NOOP("Catalogs", "Liên thông"),
    QT_TRANSLATE_NOOP("Catalogs", "Giáo sư"),
    QT_TRANSLATE_NOOP("Catalogs", "Phó giáo sư"),
)

GRADE_TEXTS: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("Grades", "Chuyên viên cao cấp"),
    QT_TRANSLATE_NOOP("Grades", "Chuyên viên chính"),
    QT_TRANSLATE_NOOP("Grades", "Chuyên viên"),
    QT_TRANSLATE_NOOP("Grades", "Cán sự"),
    QT_TRANSLATE_NOOP("Grades", "Nhân viên"),
    QT_TRANSLATE_NOOP("Grades", "Kỹ thuật viên đánh máy"),
    QT_TRANSLATE_NOOP("Grades", "Nhân viên đánh máy"),
    QT_TRANSLATE_NOOP("Grades", "Nhân viên kỹ thuật"),
    QT_TRANSLATE_NOOP("Grades", "Nhân viên văn thư"),
    QT_TRANSLATE_NOOP("Grades", "Nhân viên phục vụ"),
    QT_TRANSLATE_NOOP("Grades", "Lái xe cơ quan"),
    QT_TRANSLATE_NOOP("Grades", "Nhân viên bảo vệ"),
    QT_TRANSLATE_NOOP("Grades", "Văn thư viên chính"),
    QT_TRANSLATE_NOOP("Grades", "Kỹ thuật viên lưu trữ"),
    QT_TRANSLATE_NOOP("Grades", "Văn thư viên"),
    QT_TRANSLATE_NOOP("Grades", "Văn thư viên trung cấp"),
    QT_TRANSLATE_NOOP("Grades", "Thanh tra viên cao cấp"),
    QT_TRANSLATE_NOOP("Grades", "Thanh tra viên chính"),
    QT_TRANSLATE_NOOP("Grades", "Thanh tra viên"),
    QT_TRANSLATE_NOOP("Grades", "Kế toán viên cao cấp"),
    QT_TRANSLATE_NOOP("Grades", "Kế toán viên chính"),
    QT_TRANSLATE_NOOP("Grades", "Kế toán viên"),
    QT_TRANSLATE_NOOP("Grades", "Kế toán viên trung cấp"),
    QT_TRANSLATE_NOOP("Grades", "Kế toán viên sơ cấp"),
    QT_TRANSLATE_NOOP("Grades", "Thủ quỹ cơ quan, đơn vị"),
    QT_TRANSLATE_NOOP("Grades", "Kiểm soát viên cao cấp thị trường"),
    QT_TRANSLATE_NOOP("Grades", "Kiểm soát viên chính thị trường"),
    QT_TRANSLATE_NOOP("Grades", "Kiểm soát viên thị trường"),
    QT_TRANSLATE_NOOP("Grades", "Giáo viên mầm non hạng I"),
    QT_TRANSLATE_NOOP("Grades", "Giáo viên mầm non hạng II"),
    QT_TRANSLATE_NOOP("Grades", "Giáo viên mầm non hạng III"),
    QT_TRANSLATE_NOOP("Grades", "Giáo viên tiểu học hạng I"),
    QT_TRANSLATE_NOOP("Grades", "Giáo viên tiểu học hạng II"),
    QT_TRANSLATE_NOOP("Grades", "Giáo viên tiểu học hạng III"),
    QT_TRANSLATE_NOOP("Grades", "Giáo viên trung học cơ sở hạng I"),
    QT_TRANSLATE_NOOP("Grades", "Giáo viên trung học cơ sở hạng II"),
    QT_TRANSLATE_NOOP("Grades", "Giáo viên trung học cơ sở hạng III"),
    QT_TRANSLATE_NOOP("Grades", "Giáo viên trung học phổ thông hạng I"),
    QT_TRANSLATE_NOOP("Grades", "Giáo viên trung học phổ thông hạng II"),
    QT_TRANSLATE_NOOP("Grades", "Giáo viên trung học phổ thông hạng III"),
    QT_TRANSLATE_NOOP("Grades", "Giáo viên mầm non hạng IV"),
    QT_TRANSLATE_NOOP("Grades", "Giáo viên tiểu học hạng IV"),
    QT_TRANSLATE_NOOP("Grades", "Bác sĩ cao cấp (hạng I)"),
    QT_TRANSLATE_NOOP("Grades", "Bác sĩ chính (hạng II)"),
    QT_TRANSLATE_NOOP("Grades", "Bác sĩ (hạng III)"),
    QT_TRANSLATE_NOOP("Grades", "Bác sĩ y học dự phòng cao cấp (hạng I)"),
    QT_TRANSLATE_NOOP("Grades", "Bác sĩ y học dự phòng chính (hạng II)"),
    QT_TRANSLATE_NOOP("Grades", "Bác sĩ y học dự phòng (hạng III)"),
    QT_TRANSLATE_NOOP("Grades", "Y sĩ hạng IV"),
    QT_TRANSLATE_NOOP("Grades", "Điều dưỡng hạng II"),
    QT_TRANSLATE_NOOP("Grades", "Điều dưỡng hạng III"),
    QT_TRANSLATE_NOOP("Grades", "Điều dưỡng hạng IV"),
    QT_TRANSLATE_NOOP("Grades", "Hộ sinh hạng II"),
    QT_TRANSLATE_NOOP("Grades", "Hộ sinh hạng III"),
    QT_TRANSLATE_NOOP("Grades", "Hộ sinh hạng IV"),
    QT_TRANSLATE_NOOP("Grades", "Kỹ thuật y hạng II"),
    QT_TRANSLATE_NOOP("Grades", "Kỹ thuật y hạng III"),
    QT_TRANSLATE_NOOP("Grades", "Kỹ thuật y hạng IV"),
    QT_TRANSLATE_NOOP("Grades", "Dược sĩ cao cấp (hạng I)"),
    QT_TRANSLATE_NOOP("Grades", "Dược sĩ chính (hạng II)"),
    QT_TRANSLATE_NOOP("Grades", "Dược sĩ (hạng III)"),
    QT_TRANSLATE_NOOP("Grades", "Dược hạng IV"),
    QT_TRANSLATE_NOOP("Grades", "Kỹ sư (hạng III)"),
    QT_TRANSLATE_NOOP("Grades", "Kỹ thuật viên (hạng IV)"),
)


def catalog_name(name: str) -> str:
    return QCoreApplication.translate(CONTEXT, name)


def grade_name(name: str) -> str:
    """A ngạch's title in the interface language ("Chuyên viên" → "Specialist" in English)."""
    return QCoreApplication.translate(GRADE_CONTEXT, name)


def grade_label(code: str, name: str) -> str:
    """How a ngạch is offered: "01.003 — Chuyên viên", in English "01.003 — Specialist"."""
    return f"{code} — {grade_name(name)}"


def coded_catalogs() -> list[str]:
    """The catalogs a field stores a code of (``kind == "catalog"`` in app.fields)."""
    from app.fields import PERSON_FIELDS, SECTION_FIELDS

    specs = [*PERSON_FIELDS, *(s for specs in SECTION_FIELDS.values() for s in specs)]
    return sorted({s.catalog for s in specs if s.kind == "catalog" and s.catalog})


def names() -> list[str]:
    """The names of those catalogs' entries in the catalog file, each once, in file order."""
    from app.catalogs import _read_csv
    from app.resources import resource_path

    wanted = set(coded_catalogs())
    rows = _read_csv(Path(resource_path("catalogs", "catalog_items.csv")))
    return list(dict.fromkeys(r["name"] for r in rows if r["catalog"] in wanted))


def grade_names() -> list[str]:
    """The titles of the ngạch list (every version of every code), each once, in file order."""
    from app.catalogs import _read_csv
    from app.resources import resource_path

    rows = _read_csv(Path(resource_path("catalogs", "grades.csv")))
    return list(dict.fromkeys(r["name"] for r in rows))


def _tuple(variable: str, context: str, texts: list[str]) -> str:
    lines = "".join(f"    QT_TRANSLATE_NOOP(\"{context}\", {json.dumps(text, ensure_ascii=False)}),\n" for text in texts)
    return f"{variable}: tuple[str, ...] = (\n{lines})\n"


def render() -> str:
    """This file's text for the current catalog files."""
    source = Path(__file__).read_text(encoding="utf-8")
    head, _, rest = source.partition("TEXTS: tuple[str, ...] = (\n")
    tail = rest[rest.index(")\n\n\n", rest.index("GRADE_TEXTS: tuple[str, ...] = (\n")) + 2 :]
    return (head + _tuple("TEXTS", CONTEXT, names()) + "\n"
            + _tuple("GRADE_TEXTS", GRADE_CONTEXT, grade_names()) + tail)


if __name__ == "__main__":
    Path(__file__).write_text(render(), encoding="utf-8")
