"""Unit roles at the city database: each unit's role, connected with its own credentials, writes
only its units' people — through the function API, holding no table privilege — and hands a
person over to another unit; the Department manages the roles. (tests/city/test_attacks.py is
unit A attacking unit B.)"""

from __future__ import annotations

import json
import uuid
from types import SimpleNamespace

import psycopg
import pytest
from sqlalchemy import create_engine, select, text
from sqlalchemy.exc import ProgrammingError
from sqlalchemy.orm import Session

from app import cli, people, units
from app.city import api
from app.city.init import city_init
from app.city.init import hand_over as city_hand_over
from app.city.roles import list_unit_roles, refresh_unit_access, set_unit_role
from app.db import open_database
from app.errors import UserError
from app.person_json import person_json
from models import ChangeLog, Person, Training, Unit
from models.security import AccessLog
from tests.city.city_support import drop_roles, psycopg_url, role_url, unique
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
    as_snv, as_hc = create_engine(role_url(pg_url, snv)), create_engine(role_url(pg_url, hc))
    yield SimpleNamespace(db=db, snv=as_snv, hc=as_hc, group=group, snv_role=snv, hc_role=hc, ids=ids,
                          hc_person=hc_person, given=given, generated=generated, url=pg_url)
    for database in (db, as_snv, as_hc):
        database.dispose()
    drop_roles(pg_url, [snv, hc, group])


def _department_person(city, cccd: str) -> Person | None:
    with city.db.session() as s:
        return s.scalars(select(Person).where(Person.cccd == cccd)).one_or_none()


def _doc(city, cccd: str, unit_code: str) -> dict:
    """A new dossier document (the Person JSON a unit's sync sends), made from HC's person."""
    with city.db.session() as s:
        doc = person_json(s, city.hc_person)
    doc = json.loads(json.dumps(doc))
    doc.update(id=str(uuid.uuid4()), cccd=cccd, unit_code=unit_code, version=1, attachments=[], placements=[],
               updated_at="2026-11-01T08:00:00+00:00")
    for value in doc.values():
        for row in value if isinstance(value, list) else ():
            if isinstance(row, dict) and "id" in row:
                row["id"] = str(uuid.uuid4())
    return doc


def _push(engine, docs: list[dict], **kw):
    return api.push_documents(engine, docs, **kw)


def test_unit_role_writes_its_unit_and_sub_units_through_the_api(city) -> None:
    doc = _doc(city, "048085001241", "DN.SNV.CCVC")
    assert _push(city.snv, [doc]).inserted == 1
    changed = dict(doc, position="Trưởng phòng", version=2, updated_at="2026-11-02T08:00:00+00:00")
    result = _push(city.snv, [changed], bases={doc["id"]: (1, "2026-11-01T08:00:00.000000+00:00")})
    assert result.updated == 1
    person = _department_person(city, "048085001241")
    assert person is not None and person.position == "Trưởng phòng" and person.version == 2
    with city.db.session() as s:
        trainings = s.scalar(select(text("count(*)")).select_from(Training).where(Training.person_id == person.id))
        logged = s.scalars(select(AccessLog.detail).where(AccessLog.by == city.snv_role,
                                                          AccessLog.action == "sync")).all()
    assert trainings == len(doc["training"]) and len(logged) == 2


def test_writing_a_person_into_another_unit_is_refused(city) -> None:
    result = _push(city.snv, [_doc(city, "048085001242", "DN.P.HAICHAU")])
    assert result.rejected == 1 and "DN.P.HAICHAU" in result.problems[0]["message"]
    assert _department_person(city, "048085001242") is None


def test_moving_a_person_out_of_the_units_is_a_hand_over(city) -> None:
    """A person of its units written with another unit's code: the final state is written under
    the unit that owns it, then handed over (one change-log entry, by the role)."""
    doc = _doc(city, "048085001243", "DN.SNV")
    _push(city.snv, [doc])
    moved = dict(doc, unit_code="DN.P.HAICHAU", version=2, updated_at="2026-11-02T08:00:00+00:00")
    result = _push(city.snv, [moved])
    assert result.updated == 1 and result.handed_over == [doc["id"]]
    person = _department_person(city, "048085001243")
    assert person.unit_id == city.ids["DN.P.HAICHAU"]
    with city.db.session() as s:
        entry = s.scalars(select(ChangeLog).where(ChangeLog.person_id == person.id,
                                                  ChangeLog.field == "unit_id")).one()
    assert entry.by == city.snv_role and entry.new == str(city.ids["DN.P.HAICHAU"])
    # now HC's: SNV's role no longer writes it
    again = dict(moved, unit_code="DN.SNV", version=3, updated_at="2026-11-03T08:00:00+00:00")
    assert _push(city.snv, [again]).rejected == 1


def test_hand_over_only_from_the_owning_unit(city) -> None:
    doc = _doc(city, "048085001244", "DN.SNV.CCVC")
    _push(city.snv, [doc])
    pid = uuid.UUID(doc["id"])
    with city.hc.connect() as conn:
        with pytest.raises(UserError, match="Không chuyển giao được"):
            city_hand_over(conn, pid, "DN.P.HAICHAU")
        assert conn.scalar(text("SELECT 1")) == 1  # the refusal left the connection usable
    assert city_hand_over(city.snv, pid, "DN.P.HAICHAU") == "DN.SNV.CCVC"
    with pytest.raises(UserError, match="Không chuyển giao được"):
        city_hand_over(city.snv, pid, "DN.SNV")
    with pytest.raises(UserError, match="Không có đơn vị mã"):
        city_hand_over(city.hc, pid, "DN.KHONG.CO")
    changed = dict(doc, unit_code="DN.P.HAICHAU", position="Chuyên viên", version=2,
                   updated_at="2026-11-02T08:00:00+00:00")
    assert _push(city.hc, [changed]).updated == 1  # now the receiving unit's
    person = _department_person(city, "048085001244")
    assert person.unit_id == city.ids["DN.P.HAICHAU"] and person.position == "Chuyên viên"
    with city.db.session() as s:
        entry = s.scalars(select(ChangeLog).where(ChangeLog.person_id == pid, ChangeLog.field == "unit_id")).one()
    assert entry.by == city.snv_role and entry.new == str(city.ids["DN.P.HAICHAU"])


def test_info_names_the_roles_units(city) -> None:
    with city.snv.connect() as conn:
        assert api.info(conn)["units"] == ["DN.SNV", "DN.SNV.CCVC"]
    with city.db.session() as s:
        assert api.info(s)["department"] is True and api.info(s)["units"] is None


def test_a_new_sub_unit_is_writable_after_refresh(city) -> None:
    with city.db.session() as s:
        units.add_unit(s, "DN.SNV.TCBC", "Phòng Tổ chức, biên chế", "DN.SNV")
    doc = _doc(city, "048085001245", "DN.SNV.TCBC")
    assert _push(city.snv, [doc]).rejected == 1
    with city.db.session() as s:
        assert refresh_unit_access(s) == {city.snv_role: (1, 0)}
        assert refresh_unit_access(s) == {}
    assert _push(city.snv, [doc]).inserted == 1
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


def test_city_init_and_roles_need_the_department(city) -> None:
    from sqlalchemy.orm import sessionmaker

    from app.db import Database

    as_unit = Database(engine=city.snv, factory=sessionmaker(city.snv), url=role_url(city.url, city.snv_role))
    with pytest.raises((UserError, ProgrammingError), match="không đủ quyền|permission denied"):
        city_init(as_unit)
    with pytest.raises((UserError, ProgrammingError), match="không đủ quyền|permission denied"):
        with Session(city.snv) as s, s.begin():
            set_unit_role(s, unique("x"), ["DN.SNV"])
