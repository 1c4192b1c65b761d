from __future__ import annotations

import datetime as dt

import pytest

from app import people, units
from app.errors import UserError, ValidationError
from tests.core.conftest import person_data


def test_tree_order_and_parents(db) -> None:
    with db.session() as s:
        rows = units.list_units(s)
    codes = [r.code for r in rows]
    assert codes.index("DN") < codes.index("DN.SNV") < codes.index("DN.SNV.CCVC")
    assert {r.code: r.parent_code for r in rows}["DN.SNV.CCVC"] == "DN.SNV"


def test_siblings_in_folded_name_order(db) -> None:
    """Siblings come in the order of their folded names (read from ``name_fold``, not folded again):
    'an ninh' < 'Ấp Bắc' < 'Ban Đ' < 'Dịch vụ' < 'Đội quản lý' < 'Ê-đê', as a person reads them."""
    names = {"Z1": "Đội quản lý", "Z2": "Dịch vụ", "Z3": "Ấp Bắc", "Z4": "an ninh", "Z5": "Ban Đ", "Z6": "Ê-đê"}
    with db.session() as s:
        for code, name in names.items():
            units.add_unit(s, code, name, "DN.SNV.CCVC")
    with db.session() as s:
        rows = units.list_units(s)
    assert [r.code for r in rows if r.code in names] == ["Z4", "Z3", "Z5", "Z2", "Z1", "Z6"]
    assert rows == units._tree_order(list(rows))  # the same order as folding every name again


@pytest.mark.parametrize(("code", "name", "parent", "field"), [
    ("", "Tên", None, "code"),
    ("có dấu", "Tên", None, "code"),
    ("DN", "Trùng mã", None, "code"),
    ("X1", "  ", None, "name"),
    ("X2", "Tên", "KHONGCO", "parent"),
])
def test_bad_units_are_refused(db, code, name, parent, field) -> None:
    with pytest.raises(ValidationError) as info:
        with db.session() as s:
            units.add_unit(s, code, name, parent)
    assert info.value.for_field(field)


def test_rename_move_and_cycle(db) -> None:
    with db.session() as s:
        units.rename_unit(s, "DN.SNV", "Sở Nội vụ thành phố Đà Nẵng")
        units.move_unit(s, "DN.SNV.CCVC", "DN.P.HAICHAU")
    with db.session() as s:
        rows = {r.code: r for r in units.list_units(s)}
    assert rows["DN.SNV"].name == "Sở Nội vụ thành phố Đà Nẵng"
    assert rows["DN.SNV.CCVC"].parent_code == "DN.P.HAICHAU"
    with pytest.raises(ValidationError, match="đơn vị con"):
        with db.session() as s:
            units.move_unit(s, "DN", "DN.P.HAICHAU")


def test_deactivate_refused_while_people_work_there(db) -> None:
    with db.session() as s:
        people.create_person(s, person_data(unit_code="DN.SNV.CCVC"))
    with pytest.raises(UserError, match="còn 1 người"):
        with db.session() as s:
            units.deactivate_unit(s, "DN.SNV", dt.date(2026, 1, 1))
    with db.session() as s:
        units.deactivate_unit(s, "DN.P.HAICHAU", dt.date(2026, 1, 1))
        assert not {r.code: r for r in units.list_units(s)}["DN.P.HAICHAU"].active
