"""Every public method of every service area declares its policy (app/services/policy.py), and
the declarations mean what they say."""

from __future__ import annotations

import pytest

import app.services as services
from app.db import open_database
from app.security.permissions import ACTIONS
from app.services import HoSo
from app.services.base import Area
from app.services.policy import LOGS, PUBLIC, SCOPES, declared, policy


def _area_class(name: str) -> type:
    """The class of the area the facade hands out as ``name`` (most are made on first use)."""
    class _Null:
        url = "sqlite://"

    probe = HoSo.__new__(HoSo)
    HoSo.__init__(probe, _Null())  # type: ignore[arg-type]
    cls = type(getattr(probe, name))
    assert issubclass(cls, Area) and cls.__module__.startswith("app.services."), name
    return cls


def test_every_area_is_handed_out_by_the_facade(tmp_path):
    db = open_database(tmp_path / "h.sqlite")
    try:
        hoso = HoSo(db)
        for name in services.AREAS:
            assert isinstance(getattr(hoso, name), Area), name
        areas = {cls for cls in Area.__subclasses__() if cls.__module__.startswith("app.services.")}
        assert {type(getattr(hoso, n)) for n in services.AREAS} == areas
    finally:
        db.dispose()


@pytest.mark.parametrize("area", services.AREAS)
def test_every_public_method_declares_its_policy(area: str):
    cls = _area_class(area)
    methods = declared(cls)
    assert methods, area
    missing = [name for name, p in methods.items() if p is None]
    assert not missing, f"{cls.__name__}: public methods without @policy: {missing}"
    for name, p in methods.items():
        assert p.action in (*ACTIONS, PUBLIC), (name, p.action)
        assert p.scope in SCOPES and p.log in LOGS, name


def test_a_new_method_without_a_policy_is_found():
    class Extra(Area):
        @policy("view")
        def declared_one(self) -> None: ...

        def forgot(self) -> None: ...

    assert declared(Extra)["forgot"] is None and declared(Extra)["declared_one"].action == "view"


def test_the_facade_has_no_methods_of_its_own_besides_the_entry_points():
    own = {n for n, v in vars(HoSo).items() if callable(v) and not n.startswith("_")}
    assert own <= {"for_cli", "open", "close"}, own
    assert services.HoSoService is HoSo


def test_a_write_action_checks_its_dossier_in_its_own_transaction(tmp_path):
    """``@policy(write=True, scope="person")`` checks the dossier when the body opens its
    transaction; a body that never opens one is a programming error, not a silent pass."""
    from app.errors import UserError
    from app.security.principal import Principal
    from tests.core.conftest import make_database, person_data

    class Extra(Area):
        @policy("edit", scope="person", write=True)
        def touch(self, key: str) -> str:
            with self._session(write=True):
                return "done"

        @policy("edit", scope="person", write=True)
        def forgets(self, key: str) -> str:
            return "done"

    db = make_database(tmp_path)
    try:
        key = str(HoSo(db).people.create_person(person_data(unit_code="DN.SNV")).id)
        admin = HoSo(db)
        assert Extra(admin._ctx).touch(key) == "done"
        with pytest.raises(RuntimeError, match="_session"):
            Extra(admin._ctx).forgets(key)
        stranger = HoSo(db, principal=Principal("x", "clerk", frozenset()))
        with pytest.raises(UserError, match="không được sửa"):
            Extra(stranger._ctx).touch(key)
    finally:
        db.dispose()
