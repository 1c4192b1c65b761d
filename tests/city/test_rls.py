"""Row-level security on the city database: each unit's role, connected with its own credentials,
writes and sees only its units' people; the hand-over function moves a person between units."""

from __future__ import annotations

import json
from types import SimpleNamespace

import psycopg
import pytest
from sqlalchemy import inspect, select, text
from sqlalchemy.exc import ProgrammingError

from app import cli, people, units
from app.city.init import city_init, writable_unit_ids
from app.city.init import hand_over as city_hand_over
from app.city.roles import list_unit_roles, refresh_unit_access, set_unit_role
from app.db import open_database
from app.errors import UserError
from app.search import search
from models import ChangeLog, Person, Training, Unit
from models.security import AccessLog
from tests.city.city_support import drop_roles, open_as, psycopg_url, unique
from tests.core.conftest import person_data

pytestmark = pytest.mark.city


@pytest.fixture(scope="module")
def city(pg_url):
    group, snv, hc = unique("hoso_unit_t"), unique("snv"), unique("hc")
    db = open_database(pg_url)
    city_init(db, group=group)
    with db.session("so_noi_vu") as s:
        units.add_unit(s, "DN", "UBND thành phố Đà Nẵng")
        units.add_unit(s, "DN.SNV", "Sở Nội vụ", "DN")
        units.add_unit(s, "DN.SNV.CCVC", "Phòng Công chức, viên chức", "DN.SNV")
        units.add_unit(s, "DN.P.HAICHAU", "UBND phường Hải Châu", "DN")
        given = set_unit_role(s, snv, ["DN.SNV"], password="mat-khau-so-noi-vu")
        generated = set_unit_role(s, hc, ["DN.P.HAICHAU"])
        hc_person = people.create_person(s, person_data(cccd="048085001240", unit_code="DN.P.HAICHAU")).id
        ids = {u.code: u.id for u in s.scalars(select(Unit))}
    as_snv, as_hc = open_as(pg_url, snv), open_as(pg_url, hc)
    yield SimpleNamespace(db=db, snv=as_snv, hc=as_hc, group=group, snv_role=snv, hc_role=hc, ids=ids,
                          hc_person=hc_person, given=given, generated=generated, url=pg_url)
    for database in (db, as_snv, as_hc):
        database.dispose()
    drop_roles(pg_url, [snv, hc, group])


def _department_person(city, cccd: str) -> Person | None:
    with city.db.session() as s:
        return s.scalars(select(Person).where(Person.cccd == cccd)).one_or_none()


def test_unit_role_writes_its_unit_and_sub_units(city) -> None:
    with city.snv.session("clerk") as s:
        created = people.create_person(s, person_data(cccd="048085001241", unit_code="DN.SNV.CCVC"))
    with city.snv.session("clerk") as s:
        people.update_person(s, str(created.id), {"position": "Trưởng phòng"})
    person = _department_person(city, "048085001241")
    assert person is not None and person.position == "Trưởng phòng" and person.version == 2
    with city.db.session() as s:
        logged = s.scalars(select(ChangeLog.field).where(ChangeLog.person_id == created.id)).all()
        trainings = s.scalar(select(text("count(*)")).select_from(Training).where(Training.person_id == created.id))
    assert "position" in logged and trainings == 2


def test_writing_a_person_of_another_unit_is_refused(city) -> None:
    with pytest.raises(ProgrammingError, match="row-level security"):
        with city.snv.session("clerk") as s:
            people.create_person(s, person_data(cccd="048085001242", unit_code="DN.P.HAICHAU"))
    assert _department_person(city, "048085001242") is None


def test_moving_a_person_out_of_the_units_is_refused(city) -> None:
    with city.snv.session("clerk") as s:
        pid = people.create_person(s, person_data(cccd="048085001243", unit_code="DN.SNV")).id
    with pytest.raises(ProgrammingError, match="row-level security"):
        with city.snv.session("clerk") as s:
            people.update_person(s, str(pid), {"unit_code": "DN.P.HAICHAU"})
    assert _department_person(city, "048085001243").unit_id == city.ids["DN.SNV"]


def test_other_units_people_are_invisible_and_untouchable(city) -> None:
    pid = city.hc_person
    with city.snv.session("clerk") as s:
        assert "048085001240" not in {h.cccd for h in search(s, "", limit=None)}
        with pytest.raises(UserError):
            people.find_person(s, "048085001240")
        assert s.scalar(text("SELECT count(*) FROM training WHERE person_id = :p"), {"p": pid}) == 0
        # a row the role cannot see is a row its UPDATE and DELETE do not reach
        assert s.execute(text("UPDATE persons SET position = 'x' WHERE id = :p"), {"p": pid}).rowcount == 0
        assert s.execute(text("DELETE FROM training WHERE person_id = :p"), {"p": pid}).rowcount == 0
    with pytest.raises(ProgrammingError, match="row-level security"):
        with city.snv.session("clerk") as s:
            s.add(Training(person_id=pid, kind="other", institution="x"))
    with city.hc.session("clerk") as s:
        assert [h.cccd for h in search(s, "", limit=None)] == ["048085001240"]
        assert s.scalar(text("SELECT count(*) FROM training WHERE person_id = :p"), {"p": pid}) == 2
    assert _department_person(city, "048085001240").position == "Phó Trưởng phòng"


def test_change_log_is_write_only_for_units(city) -> None:
    with pytest.raises(ProgrammingError, match="permission denied"):
        with city.snv.session() as s:
            s.execute(text("SELECT new FROM change_log"))


def test_access_log_is_write_only_for_units(city) -> None:
    """A unit's view of sensitive data is logged at the city (app.security.access), unread by units."""
    with city.snv.session() as s:
        s.add(AccessLog(by="snv", action="view", detail="xem hồ sơ"))
    with pytest.raises(ProgrammingError, match="permission denied"):
        with city.snv.session() as s:
            s.execute(text("SELECT detail FROM access_log"))


def test_hand_over_only_from_the_owning_unit(city) -> None:
    with city.snv.session("clerk") as s:
        pid = people.create_person(s, person_data(cccd="048085001244", unit_code="DN.SNV.CCVC")).id
    to_unit = city.ids["DN.P.HAICHAU"]
    hand_over = text("SELECT hoso_hand_over(:p, :u)")
    with city.hc.session() as s:
        with pytest.raises(UserError, match="không quản lý đơn vị hiện tại"):
            city_hand_over(s, pid, to_unit)
        assert s.scalar(text("SELECT 1")) == 1  # the refusal left the transaction usable
    with city.snv.session() as s:
        person = s.get(Person, pid)
        assert city_hand_over(s, pid, to_unit) == city.ids["DN.SNV.CCVC"]
        assert person not in s or inspect_expired(person)
    with city.snv.session() as s:
        assert s.scalar(text("SELECT count(*) FROM persons WHERE id = :p"), {"p": pid}) == 0
    with pytest.raises(ProgrammingError, match="không quản lý đơn vị hiện tại"):
        with city.snv.session() as s:
            s.execute(hand_over, {"p": pid, "u": city.ids["DN.SNV"]})
    with city.hc.session("clerk") as s:  # now the receiving unit's
        people.update_person(s, str(pid), {"position": "Chuyên viên"})
    person = _department_person(city, "048085001244")
    assert person.unit_id == to_unit and person.position == "Chuyên viên"
    with city.db.session() as s:
        entry = s.scalars(select(ChangeLog).where(ChangeLog.person_id == pid, ChangeLog.field == "unit_id")).one()
    assert entry.by == city.snv_role and entry.new == str(to_unit)


def test_writable_unit_ids(city) -> None:
    with city.snv.session() as s:
        assert writable_unit_ids(s) == {city.ids["DN.SNV"], city.ids["DN.SNV.CCVC"]}
    with city.snv.engine.connect() as conn:
        assert writable_unit_ids(conn) == {city.ids["DN.SNV"], city.ids["DN.SNV.CCVC"]}
    with city.db.session() as s:
        assert writable_unit_ids(s) is None  # the Department: superuser


def test_a_new_sub_unit_is_writable_after_refresh(city) -> None:
    with city.db.session() as s:
        units.add_unit(s, "DN.SNV.TCBC", "Phòng Tổ chức, biên chế", "DN.SNV")
    with pytest.raises(ProgrammingError, match="row-level security"):
        with city.snv.session("clerk") as s:
            people.create_person(s, person_data(cccd="048085001245", unit_code="DN.SNV.TCBC"))
    with city.db.session() as s:
        assert refresh_unit_access(s) == {city.snv_role: (1, 0)}
        assert refresh_unit_access(s) == {}
    with city.snv.session("clerk") as s:
        people.create_person(s, person_data(cccd="048085001245", unit_code="DN.SNV.TCBC"))
    assert _department_person(city, "048085001245") is not None


def test_unit_roles_passwords_and_listing(city, capsys) -> None:
    assert city.given.password is None and city.given.password_set and city.given.unit_count == 2
    assert city.generated.password and len(city.generated.password) >= 20
    with psycopg.connect(psycopg_url(city.url)) as conn:
        stored = dict(conn.execute("SELECT rolname, rolpassword FROM pg_authid WHERE rolname IN (%s, %s)",
                                   (city.snv_role, city.hc_role)).fetchall())
    assert all(v.startswith("SCRAM-SHA-256$") for v in stored.values())
    assert "mat-khau-so-noi-vu" not in stored[city.snv_role]
    assert cli.run(["city", "roles", "--db", city.url, "--json"]) == 0
    listed = {r["role"]: r for r in json.loads(capsys.readouterr().out)}
    assert listed[city.hc_role] == {"role": city.hc_role, "units": ["DN.P.HAICHAU"], "unit_count": 1,
                                    "can_login": True, "exists": True}
    assert cli.run(["city", "unit-role", "DN", "--role", "postgres", "--db", city.url]) == 1
    assert "không phải vai trò đơn vị" in capsys.readouterr().err
    assert cli.run(["city", "unit-role", "KHONG.CO", "--role", unique("x"), "--db", city.url]) == 1
    assert "KHONG.CO" in capsys.readouterr().err


def test_drop_role_takes_access_away(city, capsys) -> None:
    role = unique("tam")
    try:
        assert cli.run(["city", "unit-role", "DN.SNV", "--role", role, "--new-password", "--db", city.url, "--json"]) == 0
        made = json.loads(capsys.readouterr().out)
        assert made["created"] and made["password"] and made["unit_count"] == 3
        assert cli.run(["city", "drop-role", role, "--db", city.url]) == 0
        with city.db.session() as s:
            assert role not in {r.role for r in list_unit_roles(s)}
            assert s.scalar(text("SELECT count(*) FROM pg_roles WHERE rolname = :r"), {"r": role}) == 0
    finally:
        drop_roles(city.url, [role])


def inspect_expired(obj: object) -> bool:
    return "unit_id" in inspect(obj).expired_attributes


def test_city_init_and_roles_need_the_department(city) -> None:
    with pytest.raises(UserError, match="không đủ quyền"):
        city_init(city.snv)
    with pytest.raises(UserError, match="không đủ quyền"):
        with city.snv.session() as s:
            set_unit_role(s, unique("x"), ["DN.SNV"])
