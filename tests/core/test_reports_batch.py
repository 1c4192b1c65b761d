"""Every profile of a unit in one PDF: order, page breaks, own page numbers, progress, cancelling."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from app import people
from app.errors import UserError
from app.reports.profile import Cancelled, render_unit_profiles
from tests.core.conftest import person_data
from tests.core.test_reports_profile import module_database

PEOPLE = (  # typed out of name order; printed as An, Bình, Cường (given name first)
    ("048090000103", "Nguyễn Văn Cường", "DN.SNV", "cong_chuc"),
    ("048190000101", "Trần Thị An", "DN.SNV.CCVC", "vien_chuc"),
    ("048090000102", "Lê Văn Bình", "DN.SNV", "cong_chuc"),
)


@pytest.fixture(scope="module")
def unit_db(tmp_path_factory):
    db = module_database(tmp_path_factory.mktemp("batch"))
    with db.session() as s:
        for cccd, name, unit, staff_type in PEOPLE:
            people.create_person(s, person_data(cccd=cccd, full_name=name, birth_date="01/02/1990",
                                                sex="Nữ" if "Thị" in name else "Nam", unit_code=unit,
                                                staff_type=staff_type))
        people.create_person(s, person_data(cccd="048090000104", full_name="Phạm Văn Dũng", birth_date="01/02/1990",
                                            unit_code="DN.P.HAICHAU"))  # another unit: not printed
        people.create_person(s, person_data(cccd="048090000105", full_name="Hồ Văn Em", birth_date="01/02/1990",
                                            unit_code="DN.SNV", status="retired"))  # no longer working
    yield db
    db.dispose()


@pytest.fixture
def folder(tmp_path):
    path = tmp_path / "out"  # apart from the database files
    path.mkdir()
    return path


def page_texts(path) -> list[str]:
    return [" ".join(p.extract_text().split()) for p in PdfReader(path).pages]


def test_unit_batch_prints_each_profile_from_a_new_page_in_name_order(unit_db, folder) -> None:
    out = folder / "snv.pdf"
    calls: list[tuple[int, int]] = []
    pages = render_unit_profiles(unit_db, "DN.SNV", out, progress=lambda done, total: calls.append((done, total)))
    texts = page_texts(out)
    assert pages == len(texts) >= 3
    starts = [i for i, t in enumerate(texts) if "1) Họ và tên khai sinh (viết chữ in hoa):" in t]
    assert len(starts) == 3
    names = [next(n.upper() for _, n, _, _ in PEOPLE if n.upper() in texts[i]) for i in starts]
    assert names == ["TRẦN THỊ AN", "LÊ VĂN BÌNH", "NGUYỄN VĂN CƯỜNG"]
    assert "Mẫu HS02-VC/BNV" in texts[starts[0]] and "Mẫu 2C-BNV/2008" in texts[starts[1]]
    assert all(texts[i].count("Trang 1/") == 1 for i in starts)  # each profile numbered on its own
    assert not any("PHẠM VĂN DŨNG" in t or "HỒ VĂN EM" in t for t in texts)
    assert calls[0] == (0, 3) and calls[-1] == (3, 3)


def test_without_subunits_and_with_the_inactive(unit_db, folder) -> None:
    out = folder / "snv.pdf"
    render_unit_profiles(unit_db, "DN.SNV", out, include_subunits=False, include_inactive=True)
    text = " ".join(page_texts(out))
    assert "HỒ VĂN EM" in text and "LÊ VĂN BÌNH" in text and "TRẦN THỊ AN" not in text


def test_cancelling_leaves_no_file(unit_db, folder) -> None:
    out = folder / "snv.pdf"
    asked: list[int] = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) > 1  # stop after the first profile

    with pytest.raises(Cancelled):
        render_unit_profiles(unit_db, "DN.SNV", out, cancelled=cancelled)
    assert list(folder.iterdir()) == []


def test_cancelling_keeps_an_older_file(unit_db, folder) -> None:
    out = folder / "snv.pdf"
    out.write_bytes(b"the previous printout")
    with pytest.raises(Cancelled):
        render_unit_profiles(unit_db, "DN.SNV", out, cancelled=lambda: True)
    assert out.read_bytes() == b"the previous printout" and len(list(folder.iterdir())) == 1


def test_unknown_or_empty_unit_is_refused(unit_db, folder) -> None:
    with pytest.raises(UserError, match="Không có đơn vị mã 'KHONG'"):
        render_unit_profiles(unit_db, "KHONG", folder / "x.pdf")
    with pytest.raises(UserError, match="không có hồ sơ nào"):
        render_unit_profiles(unit_db, "DN", folder / "x.pdf", include_subunits=False)
    assert list(folder.iterdir()) == []
