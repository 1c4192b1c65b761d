"""``city init`` on PostgreSQL: what it creates, that a second run changes nothing, SQLite refused."""

from __future__ import annotations

import json

import psycopg
import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from app import cli, people, units
from app.city.init import CHILD_TABLES, HAND_OVER, POLICY, city_init, hand_over, writable_unit_ids
from app.city.mode import is_city_database
from app.city.roles import set_unit_role
from app.db import open_database
from app.errors import UserError
from tests.city.city_support import drop_roles, psycopg_url, unique
from tests.core.conftest import person_data

pytestmark = pytest.mark.city


@pytest.fixture(scope="module")
def group(pg_url):
    name = unique("hoso_unit_t")
    yield name
    drop_roles(pg_url, [name])


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = cli.run(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def snapshot(pg_url: str, group: str) -> dict:
    """Everything city init touches, with each catalog row's xmin: a rewrite shows even if equal."""
    queries = {
        "policies": "SELECT p.xmin::text, c.relname, p.polname, pg_get_expr(p.polqual, p.polrelid), "
                    "pg_get_expr(p.polwithcheck, p.polrelid), p.polroles::text FROM pg_policy p "
                    "JOIN pg_class c ON c.oid = p.polrelid ORDER BY 2, 3",
        "tables": "SELECT xmin::text, relname, relacl::text, relrowsecurity, relforcerowsecurity FROM pg_class "
                  "WHERE relnamespace = 'public'::regnamespace ORDER BY relname",
        "columns": "SELECT attrelid::regclass::text, attname, attacl::text FROM pg_attribute "
                   "WHERE attacl IS NOT NULL AND attrelid::regclass::text NOT LIKE 'pg_%%' ORDER BY 1, 2",
        "roles": "SELECT xmin::text, rolname, rolcanlogin, rolsuper FROM pg_authid WHERE rolname = %(g)s",
        "functions": "SELECT xmin::text, proname, prosrc, proacl::text, proconfig::text, prosecdef FROM pg_proc "
                     "WHERE proname LIKE 'hoso%%' ORDER BY proname",
        "schema": "SELECT xmin::text, nspacl::text FROM pg_namespace WHERE nspname = 'public'",
        "settings": "SELECT xmin::text, key, value::text FROM settings ORDER BY key",
        "catalogs": "SELECT count(*), max(xmin::text) FROM catalog_items",
    }
    with psycopg.connect(psycopg_url(pg_url)) as conn:
        return {name: conn.execute(sql, {"g": group}).fetchall() for name, sql in queries.items()}


def test_city_init_creates_the_group_grants_policies_and_function(pg_url, group, capsys) -> None:
    db = open_database(pg_url)
    with db.session() as s:
        assert not is_city_database(s)
    db.dispose()
    code, out, _err = _run(capsys, "city", "init", "--db", pg_url, "--group", group, "--json")
    assert code == 0
    result = json.loads(out)
    assert result["created_roles"] == [group] and result["already"] is False
    assert result["catalogs_loaded"] is True and result["marked"] is True and result["function"] == "created"
    guarded = {"city_unit_access", "persons", *CHILD_TABLES}
    assert result["policies"] == len(guarded) == 15
    with psycopg.connect(psycopg_url(pg_url)) as conn:
        policies = {r[0] for r in conn.execute("SELECT tablename FROM pg_policies WHERE policyname = %s", (POLICY,))}
        secured = {r[0] for r in conn.execute("SELECT relname FROM pg_class WHERE relrowsecurity")}
        login, = conn.execute("SELECT rolcanlogin FROM pg_roles WHERE rolname = %s", (group,)).fetchone()
        privileges = conn.execute(
            "SELECT has_table_privilege(%(g)s, 'persons', 'UPDATE'), has_table_privilege(%(g)s, 'units', 'UPDATE'), "
            "has_table_privilege(%(g)s, 'units', 'SELECT'), has_table_privilege(%(g)s, 'change_log', 'INSERT'), "
            "has_column_privilege(%(g)s, 'change_log', 'new', 'SELECT'), "
            "has_table_privilege(%(g)s, 'users', 'SELECT'), "
            "has_function_privilege('public', 'hoso_hand_over(uuid, uuid)', 'EXECUTE')", {"g": group}).fetchone()
        secdef, = conn.execute("SELECT prosecdef FROM pg_proc WHERE proname = %s", (HAND_OVER,)).fetchone()
    assert policies == guarded and guarded <= secured
    assert login is False and secdef is True
    # persons writable; the unit tree read-only; the change log write-only; accounts invisible;
    # the hand-over function not callable by everybody
    assert privileges == (True, False, True, True, False, False, False)
    db = open_database(pg_url)
    with db.session() as s:
        assert is_city_database(s)
    db.dispose()


def test_second_run_changes_nothing(pg_url, group, capsys) -> None:
    before = snapshot(pg_url, group)
    assert before["policies"] and before["functions"] and before["roles"]
    code, out, _err = _run(capsys, "city", "init", "--db", pg_url, "--json")  # the stored group is reused
    assert code == 0
    result = json.loads(out)
    assert result["already"] is True and result["created_roles"] == [] and result["grants"] == []
    assert result["policies_created"] == [] and result["function"] == "unchanged" and result["group"] == group
    assert snapshot(pg_url, group) == before
    code, _out, err = _run(capsys, "city", "init", "--db", pg_url)
    assert code == 0 and "không có gì thay đổi" in err


def test_a_run_after_tampering_puts_the_rules_back(pg_url, group) -> None:
    with psycopg.connect(psycopg_url(pg_url), autocommit=True) as conn:
        conn.execute(f"ALTER POLICY {POLICY} ON persons USING (true) WITH CHECK (true)")
        conn.execute(f'REVOKE DELETE ON training FROM "{group}"')
        conn.execute("CREATE OR REPLACE FUNCTION hoso_hand_over(p_person uuid, p_to_unit uuid) RETURNS uuid "
                     "LANGUAGE sql AS 'SELECT NULL::uuid'")
    db = open_database(pg_url)
    try:
        repaired = city_init(db)
        again = city_init(db)
    finally:
        db.dispose()
    assert repaired.policies_updated == ["persons"] and repaired.grants == ["DELETE training"]
    assert repaired.function == "updated" and not repaired.already
    assert again.already
    with psycopg.connect(psycopg_url(pg_url)) as conn:
        qual, = conn.execute("SELECT qual FROM pg_policies WHERE tablename = 'persons'").fetchone()
        secdef, = conn.execute("SELECT prosecdef FROM pg_proc WHERE proname = %s", (HAND_OVER,)).fetchone()
    assert "city_unit_access" in qual and secdef is True


def test_another_group_on_an_initialised_database_is_refused(pg_url, group) -> None:
    db = open_database(pg_url)
    try:
        with pytest.raises(UserError, match="đã được khởi tạo với nhóm vai trò"):
            city_init(db, group="hoso_other_group")
    finally:
        db.dispose()


def test_city_init_refuses_sqlite(tmp_path, capsys) -> None:
    code, out, err = _run(capsys, "city", "init", "--db", str(tmp_path / "hoso.sqlite"), "--json")
    assert code == 1 and out == ""
    assert "phải là PostgreSQL" in err and "Traceback" not in err
    assert not (tmp_path / "hoso.sqlite").exists()  # refused before opening: no empty file left behind


def test_city_commands_on_an_uninitialised_database_are_refused(tmp_path, capsys) -> None:
    code, _out, err = _run(capsys, "city", "roles", "--db", str(tmp_path / "hoso.sqlite"))
    assert code == 1 and "PostgreSQL" in err


def test_a_database_owner_with_createrole_can_run_it(pg_url) -> None:
    """The Department need not be a superuser: the owner of the database with CREATEROLE will do."""
    owner, group, unit_role = unique("so_noi_vu"), unique("hoso_unit_t"), unique("unit")
    name = unique("hoso_test_owner")
    admin_url = psycopg_url(pg_url)
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'CREATE ROLE "{owner}" LOGIN CREATEROLE')
        admin.execute(f'CREATE DATABASE "{name}" OWNER "{owner}" ENCODING \'UTF8\' TEMPLATE template0')
    url = make_url(pg_url).set(username=owner, database=name).render_as_string(hide_password=False)
    try:
        db = open_database(url)
        assert city_init(db, group=group).created_roles == [group]
        with db.session() as s:
            unit = units.add_unit(s, "DN", "UBND thành phố Đà Nẵng")
            set_unit_role(s, unit_role, ["DN"], password="mat-khau-don-vi")
            person = people.create_person(s, person_data(unit_code="DN")).id
            other = units.add_unit(s, "DN.B", "Đơn vị B").id
        with db.session() as s:
            assert writable_unit_ids(s) is None
            assert hand_over(s, person, other) == unit.id  # the owner may hand over any person
        db.dispose()
        as_unit = open_database(make_url(url).set(username=unit_role).render_as_string(hide_password=False))
        with as_unit.session() as s:
            assert writable_unit_ids(s) == {unit.id}
            assert s.scalar(text("SELECT count(*) FROM persons")) == 0
        as_unit.dispose()
    finally:
        with psycopg.connect(admin_url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            for role in (unit_role, group, owner):
                admin.execute(f'DROP ROLE IF EXISTS "{role}"')
