"""Shared set-up for tests/core/test_security_*.py: accounts of every role and two dossiers."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from app.security import passwords
from app.services import HoSoService
from tests.conftest import CHEAP_HASHER
from tests.core.conftest import person_data

PASSWORD = "mat-khau-8"
CCCD_A = "048085001234"  # in DN.SNV.CCVC (below DN.SNV)
CCCD_B = "048085005678"  # in DN.P.HAICHAU


@dataclass
class World:
    db: object
    admin: HoSoService
    clerk: HoSoService  # DN.SNV (and DN.SNV.CCVC below it)
    head: HoSoService  # DN.SNV
    viewer: HoSoService  # DN.SNV
    other_clerk: HoSoService  # DN.P.HAICHAU
    a: str  # person ids (str)
    b: str

    def as_role(self, role: str) -> HoSoService:
        return getattr(self, role)


@pytest.fixture(autouse=True)
def fast_hashing(monkeypatch):
    monkeypatch.setattr(passwords, "HASHER", CHEAP_HASHER)


def build_world(db) -> World:
    local = HoSoService(db)  # no principal: the file's administrator
    admin = HoSoService(db)
    admin.accounts.create_first_admin("quantri", "Quản trị viên", PASSWORD)
    for name, role, units in (("nhaplieu", "clerk", ["DN.SNV"]), ("truongphong", "head", ["DN.SNV"]),
                              ("xem", "viewer", ["DN.SNV"]), ("phuong", "clerk", ["DN.P.HAICHAU"])):
        admin.accounts.add_user(name, name.title(), role, units, PASSWORD, must_change_password=False)
    a = local.people.create_person(person_data(unit_code="DN.SNV.CCVC", religion_code="Phật giáo",
                                        history_detention="Không", health_insurance_number="DN4790123456789")).id
    b = local.people.create_person(person_data(cccd=CCCD_B, full_name="Trần Thị Lan", sex="Nữ",
                                        unit_code="DN.P.HAICHAU")).id

    def signed(name: str) -> HoSoService:
        service = HoSoService(db)
        service.accounts.sign_in(name, PASSWORD)
        return service

    return World(db, admin, signed("nhaplieu"), signed("truongphong"), signed("xem"), signed("phuong"), str(a), str(b))


@pytest.fixture(scope="session")
def world_template(tmp_path_factory):
    """Built once (migrations, catalogs, accounts, dossiers); each test gets a copy of the file."""
    from tests.core.conftest import make_database

    folder = tmp_path_factory.mktemp("security-world")
    passwords.HASHER, before = CHEAP_HASHER, passwords.HASHER
    try:
        database = make_database(folder)
        built = build_world(database)
    finally:
        passwords.HASHER = before
    principals = {r: getattr(built, r).principal for r in ("admin", "clerk", "head", "viewer", "other_clerk")}
    database.dispose()
    return folder / "hoso.sqlite", principals, built.a, built.b


@pytest.fixture
def world(world_template, tmp_path) -> World:
    import shutil

    from app.db import open_database

    source, principals, a, b = world_template
    shutil.copyfile(source, tmp_path / "hoso.sqlite")
    database = open_database(tmp_path / "hoso.sqlite")
    services = {r: HoSoService(database, principal=p) for r, p in principals.items()}
    yield World(database, a=a, b=b, **services)
    database.dispose()
