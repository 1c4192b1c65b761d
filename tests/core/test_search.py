from __future__ import annotations

import pytest

from app import people
from app.search import search

PEOPLE = [
    ("048085001234", "Nguyễn Văn Bình", "1985-03-12", "Nam", "DN.SNV.CCVC"),
    ("048190001235", "Trần Thị Bình", "1990-01-02", "Nữ", "DN.P.HAICHAU"),
    ("049088001236", "Đặng Văn Đức", "1988-07-07", "Nam", "DN.P.HAICHAU"),
    ("049192001237", "Lê Thị Bình An", "1992-02-02", "Nữ", "DN.SNV"),
    ("048080001238", "Bình Minh Hoàng", "1980-10-10", "Nam", "DN.SNV"),
    ("048183001239", "Nguyễn Thị Hoa", "1983-11-11", "Nữ", "DN.SNV.CCVC"),
    ("048087001240", "Phạm Văn Tổng", "1987-04-04", "Nam", "DN.SNV.CCVC"),
]


@pytest.fixture
def filled(db):
    with db.session() as s:
        for cccd, name, birth, sex, unit in PEOPLE:
            people.create_person(s, {"cccd": cccd, "full_name": name, "birth_date": birth, "sex": sex,
                                     "unit_code": unit})
    return db


def _names(db, query, **kw):
    with db.session() as s:
        return [h.full_name for h in search(s, query, **kw)]


def test_accent_and_case_insensitive(filled) -> None:
    assert "Đặng Văn Đức" in _names(filled, "dang van duc")
    assert "Đặng Văn Đức" in _names(filled, "ĐẶNG")
    assert _names(filled, "duc") == ["Đặng Văn Đức"]


def test_ranking_exact_prefix_contains(filled) -> None:
    # given name "Bình" first, then "Bình" as another word; ties in Vietnamese name order
    assert _names(filled, "binh") == ["Nguyễn Văn Bình", "Trần Thị Bình", "Lê Thị Bình An", "Bình Minh Hoàng"]
    assert _names(filled, "nguyen van binh")[0] == "Nguyễn Văn Bình"
    assert _names(filled, "tran thi binh") == ["Trần Thị Bình"]
    assert _names(filled, "ong") == ["Phạm Văn Tổng"]  # not everyone in "Phòng …" or "phường …"
    # a prefix only: all rank alike, so Vietnamese name order (given name An < Bình < Hoàng)
    assert _names(filled, "bin") == ["Lê Thị Bình An", "Nguyễn Văn Bình", "Trần Thị Bình", "Bình Minh Hoàng"]


def test_exact_before_prefix(filled) -> None:
    with filled.session() as s:
        hits = search(s, "Bình Minh Hoàng")
    assert hits[0].full_name == "Bình Minh Hoàng" and hits[0].rank == 0


def test_words_in_any_order(filled) -> None:
    assert _names(filled, "hoa nguyen") == ["Nguyễn Thị Hoa"]


def test_cccd_exact_and_prefix(filled) -> None:
    assert _names(filled, "049088001236") == ["Đặng Văn Đức"]
    assert _names(filled, "0491") == ["Lê Thị Bình An"]
    assert _names(filled, "001238") == ["Bình Minh Hoàng"]  # digits inside the number


def test_unit_name_and_filter(filled) -> None:
    assert set(_names(filled, "hai chau")) == {"Trần Thị Bình", "Đặng Văn Đức"}
    assert set(_names(filled, "", unit_code="DN.SNV")) == {
        "Nguyễn Văn Bình", "Lê Thị Bình An", "Bình Minh Hoàng", "Nguyễn Thị Hoa", "Phạm Văn Tổng"}
    assert set(_names(filled, "", unit_code="DN.SNV", include_subunits=False)) == {"Lê Thị Bình An",
                                                                                  "Bình Minh Hoàng"}


def test_empty_query_lists_everyone_in_vietnamese_order(filled) -> None:
    names = _names(filled, "", limit=None)
    assert names[0] == "Lê Thị Bình An"  # given name An first
    assert names.index("Trần Thị Bình") > names.index("Nguyễn Văn Bình")
    assert _names(filled, "", limit=3) == names[:3]


def test_wildcards_are_literal(filled) -> None:
    assert _names(filled, "%") == []
    assert _names(filled, "_") == []


def test_deleted_people_are_not_found(filled) -> None:
    with filled.session() as s:
        people.delete_person(s, "048087001240")
    assert _names(filled, "tong") == []
