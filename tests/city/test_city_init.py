"""``city init`` on PostgreSQL: what it creates (no table privilege for the units, the function API),
that a second run changes nothing, that it upgrades a city database of the older design (grants
and row-level security), SQLite refused."""

from __future__ import annotations

import json
import uuid

import psycopg
import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ProgrammingError

from app import cli, people, units
from app.city import api
from app.city.api_sql import ANSWERS, DECLARATIONS, SCHEMA, functions
from app.city.init import CHILD_TABLES, HAND_OVER, POLICY, city_init, hand_over
from app.city.mode import is_city_database
from app.city.roles import set_unit_role
from app.city.sync import connect_city
from app.db import open_database
from app.errors import UserError
from app.person_json import person_json
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
        "functions": "SELECT p.xmin::text, n.nspname, p.proname, p.prosrc, p.proacl::text, p.proconfig::text, "
                     "p.prosecdef FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
                     "WHERE p.proname LIKE 'hoso%%' OR n.nspname = 'hoso_api' ORDER BY 2, 3",
        "schema": "SELECT xmin::text, nspname, nspacl::text FROM pg_namespace WHERE nspname IN ('public', 'hoso_api') "
                  "ORDER BY 2",
        "settings": "SELECT xmin::text, key, value::text FROM settings ORDER BY key",
        "catalogs": "SELECT count(*), max(xmin::text) FROM catalog_items",
    }
    with psycopg.connect(psycopg_url(pg_url)) as conn:
        return {name: conn.execute(sql, {"g": group}).fetchall() for name, sql in queries.items()}


def _unit_privileges(conn: psycopg.Connection, group: str) -> list[tuple[str, str]]:
    """Every privilege the group holds on a relation of the schema (table, view, sequence; columns too)."""
    return conn.execute(
        "SELECT c.relname, p.priv FROM pg_class c CROSS JOIN unnest(ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE', "
        "'TRUNCATE', 'REFERENCES', 'TRIGGER']) p(priv) WHERE c.relnamespace = 'public'::regnamespace "
        "AND c.relkind IN ('r', 'v', 'm', 'p') AND (has_table_privilege(%(g)s, c.oid, p.priv) "
        "OR has_any_column_privilege(%(g)s, c.oid, CASE WHEN p.priv IN ('SELECT', 'INSERT', 'UPDATE', 'REFERENCES') "
        "THEN p.priv ELSE 'SELECT' END) AND p.priv IN ('SELECT', 'INSERT', 'UPDATE', 'REFERENCES')) "
        "UNION ALL SELECT c.relname, p.priv FROM pg_class c CROSS JOIN unnest(ARRAY['USAGE', 'SELECT', 'UPDATE']) p(priv) "
        "WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'S' "
        "AND has_sequence_privilege(%(g)s, c.oid, p.priv)", {"g": group}).fetchall()


def test_city_init_creates_the_group_no_grants_policies_and_the_api(pg_url, group, capsys) -> None:
    db = open_database(pg_url)
    with db.session() as s:
        assert not is_city_database(s)
    db.dispose()
    code, out, _err = _run(capsys, "city", "init", "--db", pg_url, "--group", group, "--json")
    assert code == 0
    result = json.loads(out)
    assert result["created_roles"] == [group] and result["already"] is False
    assert result["catalogs_loaded"] is True and result["marked"] is True and result["function"] == "created"
    assert set(result["functions_created"]) == {SCHEMA, ANSWERS, DECLARATIONS, *(f.name for f in functions("public"))}
    guarded = {"city_unit_access", "persons", *CHILD_TABLES}
    assert result["policies"] == len(guarded) == 16  # persons, city_unit_access, 12 sections (quy hoạch from 0014), attachments, placements
    with psycopg.connect(psycopg_url(pg_url)) as conn:
        policies = {r[0] for r in conn.execute("SELECT tablename FROM pg_policies WHERE policyname = %s", (POLICY,))}
        secured = {r[0] for r in conn.execute("SELECT relname FROM pg_class WHERE relrowsecurity")}
        login, = conn.execute("SELECT rolcanlogin FROM pg_roles WHERE rolname = %s", (group,)).fetchone()
        api_functions = conn.execute(
            "SELECT p.proname, p.prosecdef, p.proconfig::text, has_function_privilege(%(g)s, p.oid, 'EXECUTE'), "
            "has_function_privilege('public', p.oid, 'EXECUTE') FROM pg_proc p "
            "WHERE p.pronamespace = 'hoso_api'::regnamespace ORDER BY 1", {"g": group}).fetchall()
        old_function = conn.execute("SELECT count(*) FROM pg_proc WHERE proname = %s", (HAND_OVER,)).fetchone()[0]
        privileges = _unit_privileges(conn, group)
    assert policies == guarded and guarded <= secured
    assert login is False and old_function == 0
    # no table, view or sequence for the units: only the API, and its internal writer for nobody
    assert privileges == []
    assert {f[0] for f in api_functions} == {f.name for f in functions("public")}
    for name, secdef, config, unit_may, anybody_may in api_functions:
        assert secdef and config == "{\"search_path=pg_catalog, hoso_api, pg_temp\",client_min_messages=warning}", name
        assert unit_may == (not name.startswith("_")) and not anybody_may, name
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
    assert result["revoked"] == [] and result["functions_created"] == [] and result["functions_updated"] == []
    assert result["policies_created"] == [] and result["function"] == "unchanged" and result["group"] == group
    assert snapshot(pg_url, group) == before
    code, _out, err = _run(capsys, "city", "init", "--db", pg_url)
    assert code == 0 and "không có gì thay đổi" in err


def test_a_run_after_tampering_puts_the_rules_back(pg_url, group) -> None:
    with psycopg.connect(psycopg_url(pg_url), autocommit=True) as conn:
        conn.execute(f"ALTER POLICY {POLICY} ON persons USING (true) WITH CHECK (true)")
        conn.execute(f'GRANT SELECT ON persons TO "{group}"')
        conn.execute(f'GRANT SELECT (username) ON users TO "{group}"')
        conn.execute("GRANT SELECT ON change_log TO PUBLIC")
        conn.execute("CREATE OR REPLACE FUNCTION hoso_api.tokens(p_ids uuid[]) RETURNS jsonb "
                     "LANGUAGE sql AS 'SELECT NULL::jsonb'")
        conn.execute(f'GRANT EXECUTE ON FUNCTION hoso_api._write(jsonb, uuid[], uuid[], jsonb, jsonb, uuid[], jsonb, boolean) TO "{group}"')
    db = open_database(pg_url)
    try:
        repaired = city_init(db)
        again = city_init(db)
    finally:
        db.dispose()
    assert repaired.policies_updated == ["persons"]
    assert sorted(repaired.revoked) == sorted([f"{group} public.persons", f"{group} public.users",
                                               "PUBLIC public.change_log", "EXECUTE _write"])
    assert repaired.functions_updated == ["tokens"] and repaired.function == "updated" and not repaired.already
    assert again.already
    with psycopg.connect(psycopg_url(pg_url)) as conn:
        qual, = conn.execute("SELECT qual FROM pg_policies WHERE tablename = 'persons'").fetchone()
        secdef, = conn.execute("SELECT prosecdef FROM pg_proc WHERE proname = 'tokens'").fetchone()
        assert _unit_privileges(conn, group) == []
        assert conn.execute("SELECT has_table_privilege('public', 'change_log', 'SELECT')").fetchone() == (False,)
    assert "city_unit_access" in qual and secdef is True


def test_city_init_upgrades_a_database_of_the_older_design(pg_url) -> None:
    """A city database made by an older HoSo: the units' group held SELECT/INSERT/UPDATE/DELETE on
    the person tables, SELECT on the catalogs, INSERT on both logs with their sequences, and
    ``hoso_hand_over(uuid, uuid)``. ``city init`` takes every privilege away, drops the old
    function, installs the API — and a second run changes nothing."""
    name, group = unique("hoso_test_old"), unique("hoso_unit_t")
    admin_url = psycopg_url(pg_url)
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}" ENCODING \'UTF8\' TEMPLATE template0')
    url = make_url(pg_url).set(database=name).render_as_string(hide_password=False)
    try:
        open_database(url).dispose()
        with psycopg.connect(psycopg_url(url), autocommit=True) as conn:
            conn.execute(f'CREATE ROLE "{group}" NOLOGIN')
            for table in ("persons", *CHILD_TABLES):
                conn.execute(f'GRANT SELECT, INSERT, UPDATE, DELETE ON {table} TO "{group}"')
            for table in ("alembic_version", "catalog_items", "units", "settings", "city_unit_access"):
                conn.execute(f'GRANT SELECT ON {table} TO "{group}"')
            for table in ("change_log", "access_log"):
                conn.execute(f'GRANT INSERT, SELECT (id) ON {table} TO "{group}"')
                conn.execute(f'GRANT USAGE ON SEQUENCE {table}_id_seq TO "{group}"')
            conn.execute("CREATE FUNCTION hoso_hand_over(p_person uuid, p_to_unit uuid) RETURNS uuid "
                         "LANGUAGE sql SECURITY DEFINER AS 'SELECT NULL::uuid'")
            conn.execute(f'GRANT EXECUTE ON FUNCTION hoso_hand_over(uuid, uuid) TO "{group}"')
            assert len(_unit_privileges(conn, group)) > 60
        db = open_database(url)
        try:
            upgraded = city_init(db, group=group)
            assert "DROP FUNCTION hoso_hand_over" in upgraded.revoked and len(upgraded.revoked) > 20
            assert upgraded.function == "created"
            before = snapshot(url, group)
            assert city_init(db).already
            assert snapshot(url, group) == before
        finally:
            db.dispose()
        with psycopg.connect(psycopg_url(url)) as conn:
            assert _unit_privileges(conn, group) == []
            assert conn.execute("SELECT count(*) FROM pg_proc WHERE proname = 'hoso_hand_over'").fetchone() == (0,)
    finally:
        with psycopg.connect(admin_url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            admin.execute(f'DROP ROLE IF EXISTS "{group}"')


def test_city_init_upgrades_the_api_of_the_previous_version(pg_url, group) -> None:
    """A city database made by the HoSo before the tickets (API 1): ``push(docs, rows, bases,
    blobs, log)`` answered directly (``jsonb``), ``hand_over`` with a ``text``, no ``declare``, no
    ``results``, no tables of declarations and answers, functions without
    ``client_min_messages``. ``city init`` brings API 2 (and drops API 1's ``push``), a unit
    pushes through it, and a second run changes nothing."""
    settings = "SET search_path = pg_catalog, hoso_api, pg_temp"
    with psycopg.connect(psycopg_url(pg_url), autocommit=True) as conn:
        conn.execute("DROP FUNCTION hoso_api.results(uuid)")
        conn.execute("DROP FUNCTION hoso_api.declare(uuid[], text[], uuid[])")
        conn.execute("DROP FUNCTION hoso_api._settle()")
        conn.execute("DROP TABLE hoso_api.answers, hoso_api.declarations")
        conn.execute("DROP FUNCTION hoso_api.push(uuid, jsonb, jsonb, jsonb, jsonb, jsonb)")
        conn.execute("CREATE FUNCTION hoso_api.push(p_docs jsonb, p_rows jsonb, p_bases jsonb, p_blobs jsonb, "
                     f"p_log jsonb) RETURNS jsonb LANGUAGE plpgsql SECURITY DEFINER {settings} "
                     "AS 'BEGIN RETURN ''[]''::jsonb; END'")
        conn.execute("DROP FUNCTION hoso_api.hand_over(uuid, text)")
        conn.execute("CREATE FUNCTION hoso_api.hand_over(p_person uuid, p_to_unit text) RETURNS text "
                     f"LANGUAGE plpgsql SECURITY DEFINER {settings} AS 'BEGIN RETURN NULL; END'")
        for signature in ("push(jsonb, jsonb, jsonb, jsonb, jsonb)", "hand_over(uuid, text)"):
            conn.execute(f"REVOKE ALL ON FUNCTION hoso_api.{signature} FROM PUBLIC")
            conn.execute(f'GRANT EXECUTE ON FUNCTION hoso_api.{signature} TO "{group}"')
        conn.execute("ALTER FUNCTION hoso_api.tokens(uuid[]) RESET client_min_messages")
        conn.execute("CREATE OR REPLACE FUNCTION hoso_api.info() RETURNS jsonb LANGUAGE plpgsql SECURITY DEFINER "
                     f"{settings} AS 'BEGIN RETURN jsonb_build_object(''api'', 1); END'")
    with pytest.raises(UserError, match="giao diện hàm 1, cần 2"):  # the sync of this HoSo waits for city init
        connect_city(pg_url)
    db = open_database(pg_url)
    try:
        upgraded = city_init(db)
        assert sorted(upgraded.functions_created) == sorted([ANSWERS, DECLARATIONS, "_settle", "declare", "push",
                                                             "results"])
        assert sorted(upgraded.functions_updated) == ["hand_over", "info", "tokens"]
        assert upgraded.revoked == ["DROP FUNCTION hoso_api.push(jsonb,jsonb,jsonb,jsonb,jsonb)"]
        before = snapshot(pg_url, group)
        assert city_init(db).already
        assert snapshot(pg_url, group) == before
        unit_role = unique("unit")
        with db.session() as s:
            units.add_unit(s, "DN.TK", "Đơn vị thử vé")
            set_unit_role(s, unit_role, ["DN.TK"], password="mat-khau-don-vi")
            made = person_json(s, people.create_person(s, person_data(cccd="048085004000", unit_code="DN.TK")).id)
    finally:
        db.dispose()
    as_unit = create_engine(make_url(pg_url).set(username=unit_role).render_as_string(hide_password=False))
    try:
        with as_unit.connect() as conn:
            assert api.info(conn)["api"] == 2
        doc = {**{k: v for k, v in made.items() if not isinstance(v, list)}, "id": str(uuid.uuid4()),
               "cccd": "048085004001", "version": 1, "updated_at": "2026-11-01T08:00:00+00:00"}
        assert api.push_documents(as_unit, [doc]).inserted == 1
        with psycopg.connect(psycopg_url(pg_url)) as conn:
            assert conn.execute("SELECT has_table_privilege(%s, 'hoso_api.answers', 'SELECT')",
                                (unit_role,)).fetchone() == (False,)
    finally:
        as_unit.dispose()
        drop_roles(pg_url, [unit_role])


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
            units.add_unit(s, "DN", "UBND thành phố Đà Nẵng")
            set_unit_role(s, unit_role, ["DN"], password="mat-khau-don-vi")
            person = people.create_person(s, person_data(unit_code="DN")).id
            units.add_unit(s, "DN.B", "Đơn vị B")
        with db.session() as s:
            assert api.info(s)["department"] is True
        assert hand_over(db.engine, person, "DN.B") == "DN"  # the owner may hand over any person
        db.dispose()
        as_unit = create_engine(make_url(url).set(username=unit_role).render_as_string(hide_password=False))
        with as_unit.connect() as conn:
            assert api.info(conn)["units"] == ["DN"] and api.info(conn)["department"] is False
        with pytest.raises(ProgrammingError, match="permission denied"), as_unit.connect() as conn:
            conn.execute(text("SELECT count(*) FROM persons"))
        as_unit.dispose()
    finally:
        with psycopg.connect(admin_url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            for role in (unit_role, group, owner):
                admin.execute(f'DROP ROLE IF EXISTS "{role}"')
