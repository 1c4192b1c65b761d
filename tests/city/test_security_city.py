"""Who the app and the command line act as on the city database, and what they may do there.

A unit's PostgreSQL role (``city unit-role``) holds no privilege on any table of the city: it only
syncs, through the function API. Opening the city database with it in the app or on the command
line is refused with a clear Vietnamese message. On the city database the units' records are
read-only in the app for the Department (owner/superuser) too: units deliver records by sync or
package.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from sqlalchemy import select

from app import cli, listing, people, units
from app.city.init import city_init
from app.city.roles import set_unit_role
from app.db import open_database
from app.errors import UserError
from app.security.principal import for_cli
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
    yield SimpleNamespace(db=db, group=group, role=snv, ids=ids, url=pg_url)
    db.dispose()
    drop_roles(pg_url, [snv, group])


def test_a_unit_role_is_refused_by_the_app_and_the_command_line(city, capsys) -> None:
    with pytest.raises(UserError, match=f"Tài khoản PostgreSQL '{city.role}' là tài khoản đồng bộ"):
        open_as(city.url, city.role)
    for argv in (["search", ""], ["show", SNV_CCCD], ["report", "stats", "--out", "x.pdf"]):
        assert cli.run([*argv, "--db", role_url(city.url, city.role)]) == 1
        captured = capsys.readouterr()
        assert captured.out == "" and "chỉ dùng để gửi hồ sơ lên" in captured.err and "Traceback" not in captured.err
    department = for_cli(city.db)
    assert department.role == "admin" and department.unit_ids is None and department.is_city_readonly


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
