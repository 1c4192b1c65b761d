"""Finding the header row and proposing the column mapping (CONTRACT: personnel spreadsheet)."""

from __future__ import annotations

import pytest

from app.errors import UserError
from app.exchange.importer import open_import, run_import
from app.exchange.mapping import Mapping, recall_mapping, shape_key
from app.exchange.reader import Cell, Sheet
from app.exchange.vocabulary import person_vocabulary
from tests.core.test_import_support import HEADER, cccd_of, person_row, to_tcvn3, xlsx

CONTRACT_HEADERS = [
    ("Họ và tên", "full_name"), ("Họ tên", "full_name"), ("Ngày sinh", "birth_date"), ("Giới tính", "sex"),
    ("Số CCCD", "cccd"), ("CCCD", "cccd"), ("Số định danh", "cccd"), ("Số định danh cá nhân", "cccd"),
    ("Đơn vị", "unit"), ("Chức vụ", "position"), ("Mã ngạch", "grade_code"), ("Bậc lương", "salary_step"),
    ("Bậc", "salary_step"), ("Hệ số lương", "salary_coefficient"), ("Hệ số", "salary_coefficient"),
    ("Ngày hưởng", "salary_since"), ("Dân tộc", "ethnicity_code"), ("Tôn giáo", "religion_code"),
    ("Quê quán", "hometown_text"), ("Trình độ chuyên môn", "professional_level_code"),
    ("Ngày vào Đảng", "party_join_date"),
]


@pytest.mark.parametrize("text, target", CONTRACT_HEADERS)
def test_contract_headers_in_every_spelling(text, target) -> None:
    vocabulary = person_vocabulary()
    spellings = [text, text.upper(), text.lower(), f"  {text}  ", text.replace(" ", "\n", 1), f"{text}:",
                 f"{text} *", f"{text}.", "1. " + text, "(3) " + text, _strip_accents(text)]
    for spelling in spellings:
        assert vocabulary.lookup(spelling) == target, spelling


def _strip_accents(text: str) -> str:
    from app.text import fold

    return fold(text).upper()


def test_every_field_label_is_a_header() -> None:
    from app.fields import PERSON_FIELDS

    vocabulary = person_vocabulary()
    for spec in PERSON_FIELDS:
        if spec.name != "grade_list_version":
            assert vocabulary.lookup(spec.label) is not None, spec.label
    assert vocabulary.lookup("Ngày, tháng, năm sinh") == "birth_date"
    assert vocabulary.lookup("Số CCCD (số định danh cá nhân)") == "cccd"
    assert vocabulary.lookup("Ghi chú") is None


def test_header_below_title_and_blank_rows_with_stt_and_unknown_columns(tmp_path) -> None:
    rows = [["UBND THÀNH PHỐ ĐÀ NẴNG", None, None, "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
            ["SỞ NỘI VỤ"], [], ["DANH SÁCH CÁN BỘ, CÔNG CHỨC NĂM 2025"], ["(Kèm theo Công văn số 12/SNV)"], [],
            ["STT", "HỌ VÀ TÊN", "Ngày\nsinh", "giới tính", "Số định danh cá nhân:", "Ghi chú", "Đơn vị"],
            [1, "Nguyễn Văn Bình", "12/03/1985", "Nam", cccd_of(1), "", "DN.SNV"]]
    source = open_import(xlsx(tmp_path / "a.xlsx", rows))
    assert source.header_row == 7 and source.header.data_start == 7
    assert source.mapping.columns == {0: None, 1: "full_name", 2: "birth_date", 3: "sex", 4: "cccd", 5: None,
                                      6: "unit"}
    assert [c.header for c in source.ignored_columns] == ["STT"]
    assert [(c.letter, c.header) for c in source.unknown_columns] == [("F", "Ghi chú")]
    assert any("Cột A 'STT'" in n and "không nhập" in n for n in source.notes)
    assert any("Cột F 'Ghi chú'" in n and "không nhận ra" in n for n in source.notes)


def test_two_row_header_split_name_and_birth_date_by_sex(tmp_path) -> None:
    rows = [["DANH SÁCH TRÍCH NGANG"], [],
            ["TT", "Họ và tên", None, "Ngày, tháng, năm sinh", None, "Số CCCD", "Chức vụ"],
            [None, "Họ", "Tên", "Nam", "Nữ"],
            ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)"],
            [1, "Nguyễn Văn", "Bình", "12/03/1985", None, cccd_of(1), "Chuyên viên"]]
    path = xlsx(tmp_path / "a.xlsx", rows, merges=["A3:A4", "B3:C3", "D3:E3", "F3:F4", "G3:G4"])
    source = open_import(path)
    assert (source.header.row, source.header.height, source.header.data_start) == (2, 2, 5)  # numbering skipped
    assert source.mapping.columns == {0: None, 1: "name_family", 2: "name_given", 3: "birth_date_male",
                                      4: "birth_date_female", 5: "cccd", 6: "position"}
    assert source.columns[3].header == "Ngày, tháng, năm sinh / Nam"


def test_two_row_header_without_merged_cells() -> None:
    sheet = Sheet("ds", [[Cell(v) for v in row] for row in [
        ["STT", "Họ và tên", None, "Năm sinh", None, "CCCD"],
        [None, "Họ và tên đệm", "Tên", "Nam", "Nữ"],
        [1, "Trần Thị", "Hoa", None, "1990", cccd_of(2, 90, True)]]])
    from app.exchange.mapping import find_header

    header = find_header(sheet, person_vocabulary())
    assert header.height == 2
    assert [c.target for c in header.columns] == [None, "name_family", "name_given", "birth_date_male",
                                                  "birth_date_female", "cccd"]


def test_lone_sex_columns_are_marks_or_split_dates_by_their_content(tmp_path) -> None:
    marks = open_import(xlsx(tmp_path / "a.xlsx", [["Họ tên", "Nam", "Nữ", "CCCD"], ["A", None, "x", cccd_of(1)]]))
    assert [c.target for c in marks.columns] == ["full_name", "sex_male_flag", "sex_female_flag", "cccd"]
    dates = open_import(xlsx(tmp_path / "b.xlsx", [["Họ tên", "Nam", "Nữ", "CCCD"],
                                                   ["A", "12/03/1985", None, cccd_of(1)],
                                                   ["B", None, "01/05/1990", cccd_of(2)]]))
    assert [c.target for c in dates.columns] == ["full_name", "birth_date_male", "birth_date_female", "cccd"]


def test_headers_in_tcvn3(tmp_path) -> None:
    rows = [[to_tcvn3("DANH SÁCH CÁN BỘ")], [to_tcvn3(h) for h in ("Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD")],
            [to_tcvn3("Nguyễn Văn Bình"), "12/03/1985", "Nam", cccd_of(1)]]
    fonts = dict.fromkeys(["A1", "A2", "B2", "C2", "D2", "A3"], ".VnTime")
    for path in (xlsx(tmp_path / "a.xlsx", rows, fonts=fonts), xlsx(tmp_path / "no-fonts.xlsx", rows)):
        source = open_import(path)
        assert [c.target for c in source.columns] == ["full_name", "birth_date", "sex", "cccd"]
        assert source.columns[0].header == "Họ và tên" and source.header.legacy == "tcvn3"
        assert any("TCVN3" in n for n in source.notes)


def test_duplicate_columns_keep_the_first(tmp_path) -> None:
    source = open_import(xlsx(tmp_path / "a.xlsx", [["Họ tên", "Ngày sinh", "Năm sinh", "CCCD"]]))
    assert [c.status for c in source.columns] == ["mapped", "mapped", "duplicate", "mapped"]
    assert any("Cột C 'Năm sinh'" in n and "trùng" in n for n in source.notes)


def test_no_header_is_refused(tmp_path) -> None:
    with pytest.raises(UserError, match="không tìm thấy dòng tiêu đề"):
        open_import(xlsx(tmp_path / "a.xlsx", [["abc", "def"], [1, 2]]))


def test_missing_cccd_column_is_announced(tmp_path) -> None:
    source = open_import(xlsx(tmp_path / "a.xlsx", [["Họ và tên", "Ngày sinh"], ["A", "1/1/1980"]]))
    assert any("Không có cột Số CCCD" in n for n in source.notes)


def test_shape_key_ignores_case_accents_and_spacing() -> None:
    assert shape_key(["Họ và tên", "Số CCCD"]) == shape_key(["HO VA TEN ", "so cccd"])
    assert shape_key(["Họ và tên", "Số CCCD"]) != shape_key(["Số CCCD", "Họ và tên"])
    assert shape_key(["A"], {"Đào tạo": ["x"]}) != shape_key(["A"])


def test_a_corrected_mapping_is_remembered_for_the_same_shape(db, tmp_path) -> None:
    rows = [HEADER + ["Mã số nội bộ"], person_row(1, "Nguyễn Văn Bình", cccd_of(1)) + ["NV-01"]]
    path = xlsx(tmp_path / "a.xlsx", rows)
    source = open_import(path, db=db)
    assert not source.recalled and source.mapping.columns[16] is None
    corrected = Mapping(dict(source.mapping.columns))
    corrected.columns[16] = "officer_number"  # the clerk says: that column is the số hiệu
    corrected.columns[6] = None  # and do not touch Chức vụ
    run_import(db, source, corrected)
    again = open_import(xlsx(tmp_path / "b.xlsx", [HEADER + ["Mã số nội bộ"]]), db=db)
    assert again.recalled and again.mapping.columns[16] == "officer_number" and again.mapping.columns[6] is None
    assert any("đã lưu" in n for n in again.notes)
    with db.session() as s:
        assert recall_mapping(s, again.shape) == corrected
    other = open_import(xlsx(tmp_path / "c.xlsx", [HEADER]), db=db)
    assert not other.recalled


def test_a_mapping_giving_one_field_two_columns_is_refused(db, tmp_path) -> None:
    from app.exchange.vocabulary import person_targets

    source = open_import(xlsx(tmp_path / "a.xlsx", [HEADER, person_row(1, "A", cccd_of(1))]))
    wrong = Mapping(dict(source.mapping.columns))
    wrong.columns[6] = "birth_date"  # Chức vụ said to be the birth date too
    assert wrong.problems() == ["Cột C và cột G cùng được ghép vào 'Ngày sinh'; mỗi nội dung chỉ một cột."]
    with pytest.raises(UserError, match="Cột C và cột G"):
        run_import(db, source, wrong)
    targets = dict(person_targets())
    assert targets["unit"] == "Đơn vị (mã hoặc tên)" and "grade_list_version" not in targets
    assert list(targets)[:4] == ["full_name", "cccd", "birth_date", "sex"]
