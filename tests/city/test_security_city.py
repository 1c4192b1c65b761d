"""Who the app and the command line act as on the city database, and what they may do there.

A unit's PostgreSQL login (``city unit-role``) has no HoSo account: ``for_cli`` refuses it (it may
only sync). Services given a clerk's principal on that login's connection still see only the
unit's rows (row-level security). On the city database the units' records are read-only in the
app for EVERYONE — the unit roles and the Department (owner/superuser) alike: units deliver
records by sync or package.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from sqlalchemy import select, text

from app import cli, listing, people, units
from app.city.init import city_init
from app.city.roles import set_unit_role
from app.db import open_database
from app.errors import UserError
from app.security.principal import Principal, for_cli
from app.services import HoSoService
from models import Unit
from models.security import AccessLog
from tests.city.city_support import drop_roles, open_as, role_url, unique
from tests.core.conftest import person_data

pytestmark = pytest.mark.city

SNV_CCCD, HC_CCCD = "048085001250", "048085001251"
READ_ONLY = "cơ sở dữ liệu thành phố"


@pytest.fixture(scope="module")
def city(pg_url):
    group, snv = unique("hoso_unit_t"), unique("snv")
    db = open_database(pg_url)
    city_init(db, group=group)
    with db.session("so_noi_vu") as s:
        units.add_unit(s, "DN", "UBND thành phố Đà Nẵng")
        units.add_unit(s, "DN.SNV", "Sở Nội vụ", "DN")
        units.add_unit(s, "DN.SNV.CCVC", "Phòng Công chức, viên chức", "DN.SNV")
        units.add_unit(s, "DN.P.HAICHAU", "UBND phường Hải Châu", "DN")
        set_unit_role(s, snv, ["DN.SNV"], password="mat-khau-so-noi-vu")
        people.create_person(s, person_data(cccd=SNV_CCCD, unit_code="DN.SNV.CCVC"))
        people.create_person(s, person_data(cccd=HC_CCCD, full_name="Trần Thị Lan", sex="Nữ",
                                            unit_code="DN.P.HAICHAU"))
        ids = {u.code: u.id for u in s.scalars(select(Unit))}
    as_snv = open_as(pg_url, snv)
    yield SimpleNamespace(db=db, snv=as_snv, group=group, role=snv, ids=ids, url=pg_url)
    for database in (db, as_snv):
        database.dispose()
    drop_roles(pg_url, [snv, group])


def _unit_clerk(city) -> Principal:
    """A clerk of the unit login's units, as a caller could build one (for_cli never does)."""
    units_ = frozenset({city.ids["DN.SNV"], city.ids["DN.SNV.CCVC"]})
    return Principal(city.role, "clerk", units_, True, unit_roots=frozenset({city.ids["DN.SNV"]}))


def test_a_unit_login_gets_no_principal(city) -> None:
    with pytest.raises(Exception, match="permission denied"):  # it may not read the accounts
        with city.snv.session() as s:
            s.execute(text("SELECT count(*) FROM users")).scalar()
    with pytest.raises(UserError, match="chỉ dùng để đồng bộ"):
        for_cli(city.snv)
    department = for_cli(city.db)
    assert department.role == "admin" and department.unit_ids is None and department.is_city_readonly


def test_the_unit_roles_service_lists_only_its_units_and_writes_nothing(city) -> None:
    service = HoSoService(city.snv, principal=_unit_clerk(city))
    rows = service.people.person_rows(service.people.person_ids(listing.PersonFilter()))
    assert [r.cccd for r in rows] == [SNV_CCCD]
    with pytest.raises(UserError, match="Không tìm thấy hồ sơ"):  # row-level security hides it
        service.people.person(HC_CCCD)
    with pytest.raises(UserError, match=READ_ONLY):
        service.people.update_person(SNV_CCCD, {"position": "Trưởng phòng"})
    with pytest.raises(UserError, match=READ_ONLY):
        service.people.create_person(person_data(cccd="048085001252", unit_code="DN.SNV"))
    with pytest.raises(UserError, match=READ_ONLY):
        service.people.delete_person(SNV_CCCD)


def test_the_department_reads_every_unit_and_writes_no_units_record(city) -> None:
    service = HoSoService(city.db, principal=for_cli(city.db))
    assert {r.cccd for r in service.people.person_rows(service.people.person_ids(listing.PersonFilter()))} == {SNV_CCCD, HC_CCCD}
    with pytest.raises(UserError, match=READ_ONLY):
        service.people.update_person(HC_CCCD, {"position": "Trưởng phòng"})
    assert service.people.person(HC_CCCD)["cccd"] == HC_CCCD  # a view of sensitive data: logged
    with city.db.session() as s:
        assert s.scalars(select(AccessLog.by).where(AccessLog.action == "view")).all() == [make_user(city.url)]


def make_user(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).username


def test_a_unit_roles_views_need_the_access_log_grant(city, capsys) -> None:
    """Without INSERT on access_log (a city database initialised before ``city init`` granted it)
    a unit role's view of a dossier is refused with a clear message, never shown unlogged; with
    the grant the view works and is logged under the role's name."""
    service = HoSoService(city.snv, principal=_unit_clerk(city))
    with city.db.session() as s:
        seq = s.scalar(text("SELECT pg_get_serial_sequence('access_log', 'id')"))
        s.execute(text(f'REVOKE INSERT ON access_log FROM "{city.group}"'))
    with pytest.raises(UserError, match="Không ghi được nhật ký truy cập"):
        service.people.person(SNV_CCCD)
    assert cli.run(["show", SNV_CCCD, "--db", role_url(city.url, city.role)]) == 1  # the login may only sync
    captured = capsys.readouterr()
    assert captured.out == "" and "chỉ dùng để đồng bộ" in captured.err
    with city.db.session() as s:  # what ``city init`` grants
        s.execute(text(f'GRANT INSERT, SELECT (id) ON access_log TO "{city.group}"'))
        s.execute(text(f'GRANT USAGE ON SEQUENCE {seq} TO "{city.group}"'))
    assert service.people.person(SNV_CCCD)["cccd"] == SNV_CCCD
    assert cli.run(["show", SNV_CCCD, "--db", role_url(city.url, city.role)]) == 1
    with city.db.session() as s:
        by = s.execute(select(AccessLog.by, AccessLog.detail).where(AccessLog.by == city.role)
                       .order_by(AccessLog.id)).all()
    assert [tuple(r) for r in by] == [(city.role, "xem hồ sơ")]
