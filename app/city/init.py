"""``city init``: make a PostgreSQL database the city database of the Department of Home Affairs.

What it sets up (docs/city.md explains it to the administrator):

- the catalogs, when the database has none yet;
- the setting ``database_role`` = ``{"role": "city", "group": GROUP, "schema": ...}`` read by
  :func:`app.city.mode.is_city_database` (the app then keeps unit records read-only);
- ``GROUP`` (default ``hoso_unit``), a NOLOGIN role every unit's login role is a member of, with
  the grants a unit's sync needs: read the catalogs, the unit tree, the settings; read and write
  persons, every section table, placements and attachments; add to the change log and the
  access log (reading neither);
- row-level security on persons and every person-owned table. A role may see and write only the
  persons whose ``unit_id`` is one of its units (``city_unit_access``: the unit given to
  ``city unit-role`` and all its sub-units); a section row, placement or attachment follows its
  person (``EXISTS`` on ``persons``, whose own policy then applies). The database owner and
  superusers (the Department) are not subject to the policies and see everything;
- ``hoso_hand_over(person uuid, to_unit uuid)``: a SECURITY DEFINER function with which the role
  owning a person's current unit hands the person over to another unit (a transfer), which its
  own policy would refuse (the new row is outside its units).

Every step looks before it acts (``pg_roles``, ``pg_policies``, privileges, ``pg_proc``), so a
second run changes nothing; nothing is dropped and re-created.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import re
import uuid
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import Connection, func, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

import models
from app.catalogs import load_catalogs
from app.db import Database
from app.errors import UserError
from models import CatalogItem, Setting

SETTING_KEY = "database_role"
DEFAULT_GROUP = "hoso_unit"
POLICY = "hoso_unit_rows"
HAND_OVER = "hoso_hand_over"
ROLE_NAME = re.compile(r"[a-z_][a-z0-9_]{0,62}")

# What a unit's role may do, table by table (anything not named here it cannot touch).
READ_TABLES = ("alembic_version", "catalog_items", "grades", "salary_scale_steps", "base_salaries", "units",
               "settings", "city_unit_access")
CHILD_TABLES = tuple(cls.__tablename__ for cls in models.SECTION_CLASSES.values()) + ("attachments", "placements")
PERSON_TABLES = ("persons", *CHILD_TABLES)
WRITE_PRIVILEGES = ("SELECT", "INSERT", "UPDATE", "DELETE")
# The change log: a unit adds rows (the flush hook writes them) but reads none: the log names the
# values of every person in the city. ``id`` is readable so that INSERT … RETURNING id works.
LOG_TABLE = "change_log"
# The same for the access log (app.security.access): a unit's view, print or export of sensitive
# data is refused unless it can be logged, and the log of the whole city is not the unit's to read.
APPEND_ONLY_TABLES = (LOG_TABLE, "access_log")


@dataclass
class InitResult:
    database: str
    group: str
    created_roles: list[str] = field(default_factory=list)
    catalogs_loaded: bool = False
    marked: bool = False
    grants: list[str] = field(default_factory=list)
    rls_enabled: list[str] = field(default_factory=list)
    policies_created: list[str] = field(default_factory=list)
    policies_updated: list[str] = field(default_factory=list)
    policies: int = 0
    function: str = "unchanged"  # created | updated | unchanged
    access_refreshed: dict[str, list[int]] = field(default_factory=dict)  # role → [added, removed] units

    @property
    def already(self) -> bool:
        return not (self.created_roles or self.catalogs_loaded or self.marked or self.grants or self.rls_enabled
                    or self.policies_created or self.policies_updated
                    or self.function != "unchanged" or self.access_refreshed)

    def as_json(self) -> dict[str, Any]:
        return {**asdict(self), "already": self.already}


def _digest(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()[:16]


def check_role_name(name: str, what: str = "Tên vai trò") -> str:
    """A PostgreSQL role name HoSo creates: lower-case ASCII letters, digits and '_' (no quoting games)."""
    if not ROLE_NAME.fullmatch(name or "") or name.startswith("pg_"):
        raise UserError(f"{what} '{name}' không hợp lệ: chỉ gồm chữ thường không dấu, chữ số và '_', "
                        "bắt đầu bằng chữ cái, tối đa 63 ký tự, không bắt đầu bằng 'pg_'.")
    return name


def require_postgresql(db: Database) -> None:
    if db.engine.dialect.name != "postgresql":
        raise _not_postgresql(db.engine.url.render_as_string())


def require_postgresql_target(target: str) -> None:
    """Refuse a ``--db`` that is not PostgreSQL BEFORE opening it (opening a SQLite path creates the file)."""
    from sqlalchemy.engine import make_url

    from app.db import to_url

    url = make_url(to_url(target))
    if url.get_backend_name() != "postgresql":
        raise _not_postgresql(url.render_as_string())


def _not_postgresql(shown: str) -> UserError:
    return UserError(f"Cơ sở dữ liệu thành phố phải là PostgreSQL; '{shown}' không phải PostgreSQL. "
                     "Hãy dùng --db postgresql+psycopg://người_dùng@máy_chủ:5432/tên_csdl.")


def city_settings(session: Session) -> dict[str, Any] | None:
    """The ``database_role`` setting of a city database, or None."""
    row = session.get(Setting, SETTING_KEY)
    return dict(row.value) if row is not None and row.value.get("role") == "city" else None


def city_init(db: Database, *, group: str | None = None, user: str | None = None) -> InitResult:
    """Prepare ``db`` as the city database (one transaction; idempotent). See the module docstring."""
    require_postgresql(db)
    with db.session(user) as session:
        session.execute(text("SELECT pg_advisory_xact_lock(hashtext('hoso city init'))"))
        _require_department(session)
        stored = city_settings(session)
        chosen = _group_name(group, stored)
        result = InitResult(database=db.engine.url.database or "", group=chosen)
        if not session.scalar(select(func.count()).select_from(CatalogItem)):
            load_catalogs(session)
            result.catalogs_loaded = True
        with refused_privileges("khởi tạo cơ sở dữ liệu thành phố"):
            _Setup(session.connection(), chosen, result).run()
        if stored is None:
            schema = session.scalar(text("SELECT current_schema()"))
            session.merge(Setting(key=SETTING_KEY, value={"role": "city", "group": chosen, "schema": schema,
                                                          "since": dt.date.today().isoformat()}))
            result.marked = True
        else:
            from app.city.roles import refresh_unit_access  # roles builds on this module

            result.access_refreshed = {role: list(pair) for role, pair in refresh_unit_access(session).items()}
    return result


def _require_department(session: Session) -> None:
    privileges = _privileges(session)
    if privileges is None or not privileges.free:
        name = session.scalar(text("SELECT current_user"))
        raise UserError(f"Vai trò PostgreSQL '{name}' không đủ quyền khởi tạo cơ sở dữ liệu thành phố: hãy chạy "
                        "bằng vai trò sở hữu cơ sở dữ liệu (có quyền CREATEROLE) hoặc postgres.")


def _group_name(given: str | None, stored: dict[str, Any] | None) -> str:
    chosen = check_role_name(given or (stored or {}).get("group") or DEFAULT_GROUP, "Tên nhóm vai trò")
    if stored and stored.get("group") != chosen:
        raise UserError(f"Cơ sở dữ liệu này đã được khởi tạo với nhóm vai trò '{stored.get('group')}', "
                        f"không phải '{chosen}'.")
    return chosen


@contextlib.contextmanager
def refused_privileges(action: str) -> Iterator[None]:
    """A statement the connected role may not run becomes a UserError naming what it lacks."""
    try:
        yield
    except DBAPIError as exc:
        if getattr(exc.orig, "sqlstate", None) != "42501":  # insufficient_privilege
            raise
        raise UserError(f"Vai trò PostgreSQL đang kết nối không đủ quyền để {action}: "
                        f"{str(exc.orig).splitlines()[0]}. Hãy chạy bằng vai trò sở hữu cơ sở dữ liệu "
                        "(có quyền CREATEROLE) hoặc postgres.") from exc


class _Setup:
    """The PostgreSQL side of ``city init``: each step checks the catalog before it acts."""

    def __init__(self, conn: Connection, group: str, result: InitResult):
        self.conn, self.group, self.result = conn, group, result
        self.schema: str = conn.scalar(text("SELECT current_schema()"))
        self.tables = set(conn.scalars(text("SELECT tablename FROM pg_tables WHERE schemaname = :s"),
                                       {"s": self.schema}))

    def run(self) -> None:
        missing = [t for t in (*READ_TABLES, *PERSON_TABLES, *APPEND_ONLY_TABLES) if t not in self.tables]
        if missing:
            raise UserError(f"Cơ sở dữ liệu thiếu bảng {', '.join(missing)}; hãy nâng cấp HoSo rồi chạy lại.")
        self._group_role()
        self._grants()
        for table in ("city_unit_access", *PERSON_TABLES):
            self._row_security(table)
        self._hand_over_function()
        self.result.policies = self.conn.scalar(
            text("SELECT count(*) FROM pg_policies WHERE schemaname = :s AND policyname = :p"),
            {"s": self.schema, "p": POLICY})

    def q(self, table: str) -> str:
        return f'"{self.schema}"."{table}"'

    def _group_role(self) -> None:
        if self.conn.scalar(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": self.group}) is None:
            self.conn.exec_driver_sql(f'CREATE ROLE "{self.group}" NOLOGIN')
            self.result.created_roles.append(self.group)

    def _grant(self, check: str, params: dict[str, str], statement: str, label: str) -> None:
        if not self.conn.scalar(text(check), {"g": self.group, **params}):
            self.conn.exec_driver_sql(statement)
            self.result.grants.append(label)

    def _grants(self) -> None:
        g = f'"{self.group}"'
        self._grant("SELECT has_schema_privilege(:g, :s, 'USAGE')", {"s": self.schema},
                    f'GRANT USAGE ON SCHEMA "{self.schema}" TO {g}', f"USAGE {self.schema}")
        plan = [(t, ("SELECT",)) for t in READ_TABLES] + [(t, WRITE_PRIVILEGES) for t in PERSON_TABLES]
        plan += [(t, ("INSERT",)) for t in APPEND_ONLY_TABLES]
        plan += [("log_heads", ("SELECT", "UPDATE"))]  # the logs' hash-chain heads (app/security/chain.py)
        for table, privileges in plan:
            for privilege in privileges:
                self._grant("SELECT has_table_privilege(:g, :t, :p)", {"t": self.q(table), "p": privilege},
                            f"GRANT {privilege} ON {self.q(table)} TO {g}", f"{privilege} {table}")
        for table in APPEND_ONLY_TABLES:
            self._grant("SELECT has_column_privilege(:g, :t, 'id', 'SELECT')", {"t": self.q(table)},
                        f"GRANT SELECT (id) ON {self.q(table)} TO {g}", f"SELECT (id) {table}")
            sequence = self.conn.scalar(text("SELECT pg_get_serial_sequence(:t, 'id')"), {"t": self.q(table)})
            if sequence:
                self._grant("SELECT has_sequence_privilege(:g, :q, 'USAGE')", {"q": sequence},
                            f"GRANT USAGE ON SEQUENCE {sequence} TO {g}", f"USAGE {sequence}")

    def _row_security(self, table: str) -> None:
        enabled = self.conn.scalar(text("SELECT relrowsecurity FROM pg_class WHERE oid = CAST(:t AS regclass)"),
                                   {"t": self.q(table)})
        if not enabled:
            self.conn.exec_driver_sql(f"ALTER TABLE {self.q(table)} ENABLE ROW LEVEL SECURITY")
            self.result.rls_enabled.append(table)
        rule = self.policy_rule(table)
        found = self._policy_state(table)
        if found is None:
            self.conn.exec_driver_sql(f'CREATE POLICY "{POLICY}" ON {self.q(table)} AS PERMISSIVE FOR ALL '
                                      f"TO PUBLIC USING ({rule}) WITH CHECK ({rule})")
            self.result.policies_created.append(table)
        elif found[1] != f"HoSo {_digest(rule)} {_digest(found[0])}":
            # written by another HoSo version, or changed by hand: put HoSo's rule back
            self.conn.exec_driver_sql(f'ALTER POLICY "{POLICY}" ON {self.q(table)} TO PUBLIC '
                                      f"USING ({rule}) WITH CHECK ({rule})")
            self.result.policies_updated.append(table)
        else:
            return
        state, _comment = self._policy_state(table) or ("", None)
        self.conn.exec_driver_sql(f'COMMENT ON POLICY "{POLICY}" ON {self.q(table)} IS '
                                  f"'HoSo {_digest(rule)} {_digest(state)}'")

    def _policy_state(self, table: str) -> tuple[str, str | None] | None:
        """The policy as PostgreSQL holds it (deparsed rules and roles) and its comment, or None.

        The comment records a digest of HoSo's rule and of that state, so a later run sees both a
        new rule (another HoSo version) and a policy edited by hand."""
        row = self.conn.execute(text(
            "SELECT concat_ws('|', pg_get_expr(p.polqual, p.polrelid), pg_get_expr(p.polwithcheck, p.polrelid), "
            "p.polroles::text, p.polcmd, p.polpermissive::text), obj_description(p.oid, 'pg_policy') "
            "FROM pg_policy p WHERE p.polrelid = CAST(:t AS regclass) AND p.polname = :p"),
            {"t": self.q(table), "p": POLICY}).first()
        return None if row is None else (row[0], row[1])

    def policy_rule(self, table: str) -> str:
        """The row rule of each table: own units' persons; the rest follows its person."""
        if table == "city_unit_access":
            return "role_name = current_user::text"
        if table == "persons":
            return (f"unit_id IN (SELECT a.unit_id FROM {self.q('city_unit_access')} a "
                    "WHERE a.role_name = current_user::text)")
        return f"EXISTS (SELECT 1 FROM {self.q('persons')} p WHERE p.id = person_id)"

    def _hand_over_function(self) -> None:
        body = _HAND_OVER_BODY.format(persons=self.q("persons"), units=self.q("units"),
                                      access=self.q("city_unit_access"), log=self.q(LOG_TABLE))
        signature = f'"{self.schema}".{HAND_OVER}(uuid, uuid)'
        current = self.conn.execute(
            text("SELECT p.prosrc, p.prosecdef, p.proconfig FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
                 "WHERE n.nspname = :s AND p.proname = :f"), {"s": self.schema, "f": HAND_OVER}).first()
        if current is None or current.prosrc != body or not current.prosecdef \
                or current.proconfig != ["search_path=pg_catalog, pg_temp"]:
            self.conn.exec_driver_sql(
                f'CREATE OR REPLACE FUNCTION "{self.schema}".{HAND_OVER}(p_person uuid, p_to_unit uuid) '
                "RETURNS uuid LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp "
                f"AS $hoso${body}$hoso$".replace("%", "%%"))
            self.conn.exec_driver_sql(f"COMMENT ON FUNCTION {signature} IS "
                                      "'HoSo: chuyển giao hồ sơ sang đơn vị khác (docs/city.md)'")
            self.result.function = "created" if current is None else "updated"
        public = self.conn.scalar(text(
            "SELECT p.proacl IS NULL OR EXISTS (SELECT 1 FROM aclexplode(p.proacl) a WHERE a.grantee = 0) "
            "FROM pg_proc p WHERE p.oid = CAST(:f AS regprocedure)"), {"f": signature})
        if public:
            self.conn.exec_driver_sql(f"REVOKE ALL ON FUNCTION {signature} FROM PUBLIC")
            self.result.grants.append(f"REVOKE EXECUTE {HAND_OVER} FROM PUBLIC")
        self._grant("SELECT has_function_privilege(:g, :f, 'EXECUTE')", {"f": signature},
                    f'GRANT EXECUTE ON FUNCTION {signature} TO "{self.group}"', f"EXECUTE {HAND_OVER}")


# The caller is ``session_user`` (inside a SECURITY DEFINER function ``current_user`` is the owner):
# the unit's login role. The Department (superuser, BYPASSRLS, owner of persons) may hand over any
# person. The version is not bumped: the function completes the sender's own write (docs/city.md).
_HAND_OVER_BODY = """
DECLARE
  v_from uuid;
  v_caller text := session_user::text;
  v_privileged boolean;
BEGIN
  SELECT p.unit_id INTO v_from FROM {persons} p WHERE p.id = p_person FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'Không có hồ sơ % trong cơ sở dữ liệu thành phố', p_person USING ERRCODE = 'no_data_found';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM {units} u WHERE u.id = p_to_unit) THEN
    RAISE EXCEPTION 'Không có đơn vị % trong cơ sở dữ liệu thành phố', p_to_unit USING ERRCODE = 'no_data_found';
  END IF;
  SELECT r.rolsuper OR r.rolbypassrls OR pg_has_role(r.oid, c.relowner, 'USAGE') INTO v_privileged
    FROM pg_roles r, pg_class c WHERE r.rolname = v_caller AND c.oid = '{persons}'::regclass;
  IF NOT coalesce(v_privileged, false) AND NOT EXISTS (
      SELECT 1 FROM {access} a WHERE a.role_name = v_caller AND a.unit_id = v_from) THEN
    RAISE EXCEPTION 'Vai trò % không quản lý đơn vị hiện tại của hồ sơ %; không được chuyển giao hồ sơ này',
      v_caller, p_person USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF v_from IS DISTINCT FROM p_to_unit THEN
    UPDATE {persons} SET unit_id = p_to_unit WHERE id = p_person;
    INSERT INTO {log} (at, by, action, entity, record_id, person_id, field, old, new)
      VALUES (now(), v_caller, 'update', 'person', p_person, p_person, 'unit_id', v_from::text, p_to_unit::text);
  END IF;
  RETURN v_from;
END
"""


def _privileges(connection: Connection | Session) -> Any:
    """(free, guarded): is the connected role above row-level security; is persons guarded at all."""
    return connection.execute(text(
        "SELECT r.rolsuper OR r.rolbypassrls OR pg_has_role(current_user, c.relowner, 'USAGE') AS free, "
        "c.relrowsecurity AS guarded FROM pg_roles r, pg_class c "
        "WHERE r.rolname = current_user AND c.oid = to_regclass('persons')")).first()


def writable_unit_ids(connection: Connection | Session) -> set[uuid.UUID] | None:
    """The units whose persons the connected role may write, or None when it is not restricted
    (SQLite, a database without ``city init``, a superuser, a BYPASSRLS role, the owner of persons)."""
    dialect = connection.get_bind().dialect if isinstance(connection, Session) else connection.dialect
    if dialect.name != "postgresql":
        return None
    row = _privileges(connection)
    if row is None or row.free or not row.guarded:
        return None
    ids = connection.execute(text("SELECT unit_id FROM city_unit_access WHERE role_name = current_user::text"))
    return {uuid.UUID(str(value)) for (value,) in ids}


def hand_over(session: Session, person_id: uuid.UUID, to_unit_id: uuid.UUID) -> uuid.UUID | None:
    """Hand a person over to another unit at the city (``hoso_hand_over``); returns the unit it left.

    Allowed to the role whose units hold the person's current unit (and to the Department). Runs
    in a savepoint: a refusal raises UserError and leaves the caller's transaction usable.
    """
    try:
        with session.begin_nested():
            left = session.scalar(text(f"SELECT {HAND_OVER}(:p, :u)"), {"p": person_id, "u": to_unit_id})
    except DBAPIError as exc:
        if getattr(exc.orig, "sqlstate", None) not in ("42501", "P0002"):  # insufficient_privilege, no_data_found
            raise
        diag = getattr(exc.orig, "diag", None)
        raise UserError(getattr(diag, "message_primary", None) or str(exc.orig)) from exc
    stale = session.identity_map.get(session.identity_key(models.Person, person_id))
    if stale is not None:
        session.expire(stale)
    return None if left is None else uuid.UUID(str(left))
