"""``city init``: make a PostgreSQL database the city database of the Department of Home Affairs.

What it sets up (docs/city.md explains it to the administrator):

- the catalogs, when the database has none yet;
- the setting ``database_role`` = ``{"role": "city", "group": GROUP, "schema": ...}`` read by
  :func:`app.city.mode.is_city_database` (the app then keeps unit records read-only);
- ``GROUP`` (default ``hoso_unit``), a NOLOGIN role every unit's login role is a member of. It
  holds NO privilege on any table, view or sequence: ``city init`` takes away whatever the group,
  its members or PUBLIC hold there (a database made by an older HoSo granted the person tables);
- the function API, schema ``hoso_api`` (app.city.api_sql): SECURITY DEFINER functions through
  which a unit's sync writes its own persons only, checked on the server by ``session_user``;
  EXECUTE for the group. The older ``hoso_hand_over(uuid, uuid)`` is dropped;
- row-level security on persons and every person-owned table, kept as a second wall should
  someone grant a table by hand (a role sees the persons of its units in ``city_unit_access``).

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

from sqlalchemy import Connection, Engine, func, select, text
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

# Tables the city database must have (a unit role holds no privilege on any of them: it reaches
# the data only through the function API of app.city.api_sql).
REQUIRED_TABLES = ("alembic_version", "catalog_items", "units", "settings", "city_unit_access", "change_log",
                   "access_log", "city_identity_conflicts")
CHILD_TABLES = tuple(cls.__tablename__ for cls in models.SECTION_CLASSES.values()) + ("attachments", "placements")
PERSON_TABLES = ("persons", *CHILD_TABLES)


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
    revoked: list[str] = field(default_factory=list)  # privileges taken from the units (an older design)
    functions_created: list[str] = field(default_factory=list)
    functions_updated: list[str] = field(default_factory=list)
    statistics_hidden: list[str] = field(default_factory=list)  # statistics taken from PUBLIC (row counts, sizes)
    statistics_note: str | None = None  # why they could not be (not a superuser)
    access_refreshed: dict[str, list[int]] = field(default_factory=dict)  # role → [added, removed] units

    @property
    def already(self) -> bool:
        return not (self.created_roles or self.catalogs_loaded or self.marked or self.grants or self.rls_enabled
                    or self.policies_created or self.policies_updated
                    or self.revoked or self.functions_created or self.functions_updated or self.access_refreshed
                    or self.statistics_hidden)

    @property
    def function(self) -> str:
        """The function API as a whole: created | updated | unchanged."""
        return "created" if self.functions_created else "updated" if self.functions_updated else "unchanged"

    def as_json(self) -> dict[str, Any]:
        return {**asdict(self), "function": self.function, "already": self.already}


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
        missing = [t for t in (*REQUIRED_TABLES, *PERSON_TABLES) if t not in self.tables]
        if missing:
            raise UserError(f"Cơ sở dữ liệu thiếu bảng {', '.join(missing)}; hãy nâng cấp HoSo rồi chạy lại.")
        self._group_role()
        self._revoke_privileges()
        for table in ("city_unit_access", *PERSON_TABLES):
            self._row_security(table)
        self._legacy_hand_over()
        self._api()
        self._hide_statistics()
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

    def _legacy_hand_over(self) -> None:
        """An older HoSo made ``<schema>.hoso_hand_over(uuid, uuid)``; the API's ``hand_over`` replaces it."""
        old = self.conn.scalar(text("SELECT to_regprocedure(:f)"), {"f": f'"{self.schema}".{HAND_OVER}(uuid, uuid)'})
        if old is not None:
            self.conn.exec_driver_sql(f'DROP FUNCTION "{self.schema}".{HAND_OVER}(uuid, uuid)')
            self.result.revoked.append(f"DROP FUNCTION {HAND_OVER}")

    def _revoke_privileges(self) -> None:
        """No privilege on any table, view or sequence of the schema (nor of ``hoso_api``: its
        table of answers) for the units' group, its members (the unit roles) or PUBLIC: they reach
        the data only through the function API."""
        from app.city.api_sql import SCHEMA as API_SCHEMA

        rows = self.conn.execute(text(
            "WITH acl AS ("
            " SELECT c.oid, c.relkind, c.relowner, a.grantee FROM pg_class c CROSS JOIN LATERAL aclexplode(c.relacl) a"
            " WHERE c.relnamespace IN (CAST(:s AS regnamespace), to_regnamespace(:api))"
            " AND c.relkind IN ('r', 'v', 'm', 'S', 'f', 'p')"
            " UNION"
            " SELECT c.oid, c.relkind, c.relowner, a.grantee FROM pg_attribute t JOIN pg_class c ON c.oid = t.attrelid"
            " CROSS JOIN LATERAL aclexplode(t.attacl) a"
            " WHERE c.relnamespace IN (CAST(:s AS regnamespace), to_regnamespace(:api))"
            " AND c.relkind IN ('r', 'v', 'm', 'f', 'p'))"
            " SELECT DISTINCT quote_ident(n.nspname) || '.' || quote_ident(c.relname) AS rel, acl.relkind,"
            " CASE WHEN acl.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(r.rolname) END AS who"
            " FROM acl JOIN pg_class c ON c.oid = acl.oid JOIN pg_namespace n ON n.oid = c.relnamespace"
            " LEFT JOIN pg_roles r ON r.oid = acl.grantee"
            " WHERE acl.grantee <> acl.relowner AND (acl.grantee = 0 OR pg_has_role(acl.grantee, :g, 'MEMBER'))"
            " ORDER BY 1, 3"), {"s": self.schema, "g": self.group, "api": API_SCHEMA}).all()
        for rel, kind, who in rows:
            what = "SEQUENCE" if kind == "S" else "TABLE"
            self.conn.exec_driver_sql(f"REVOKE ALL ON {what} {rel} FROM {who}")
            self.result.revoked.append(f"{who} {rel}")
        if self.conn.scalar(text("SELECT has_schema_privilege(:g, :s, 'USAGE') AND EXISTS (SELECT 1 FROM pg_namespace n "
                                 "CROSS JOIN LATERAL aclexplode(n.nspacl) a JOIN pg_roles r ON r.oid = a.grantee "
                                 "WHERE n.nspname = :s AND r.rolname = :g)"), {"g": self.group, "s": self.schema}):
            self.conn.exec_driver_sql(f'REVOKE ALL ON SCHEMA "{self.schema}" FROM "{self.group}"')
            self.result.revoked.append(f"USAGE {self.schema}")

    def _api(self) -> None:
        """The schema ``hoso_api`` and its SECURITY DEFINER functions (app.city.api_sql)."""
        from app.city.api_sql import (
            ANSWERS,
            DECLARATIONS,
            SCHEMA,
            SETTINGS,
            answers_table,
            declarations_table,
            functions,
        )

        if self.conn.scalar(text("SELECT to_regnamespace(:n)"), {"n": SCHEMA}) is None:
            self.conn.exec_driver_sql(f"CREATE SCHEMA {SCHEMA}")
            self.result.functions_created.append(SCHEMA)
        public = self.conn.scalar(text("SELECT EXISTS (SELECT 1 FROM pg_namespace n CROSS JOIN LATERAL "
                                       "aclexplode(n.nspacl) a WHERE n.nspname = :n AND a.grantee = 0)"), {"n": SCHEMA})
        if public:
            self.conn.exec_driver_sql(f"REVOKE ALL ON SCHEMA {SCHEMA} FROM PUBLIC")
            self.result.grants.append(f"REVOKE {SCHEMA} FROM PUBLIC")
        self._grant("SELECT has_schema_privilege(:g, :s, 'USAGE')", {"s": SCHEMA},
                    f'GRANT USAGE ON SCHEMA {SCHEMA} TO "{self.group}"', f"USAGE {SCHEMA}")
        for table, statements in ((ANSWERS, answers_table()), (DECLARATIONS, declarations_table())):
            if self.conn.scalar(text("SELECT to_regclass(:t)"), {"t": f"{SCHEMA}.{table}"}) is None:
                for statement in statements:  # a database made before the tickets (API 1) has none
                    self.conn.exec_driver_sql(statement)
                self.result.functions_created.append(table)
        config = [f"{name}={value}" for name, value in SETTINGS]
        wanted = {self.conn.scalar(text("SELECT to_regprocedure(:f)::oid"), {"f": fn.qualified})
                  for fn in functions(self.schema)}
        for oid, signature in self.conn.execute(text(
                "SELECT p.oid, p.oid::regprocedure::text FROM pg_proc p WHERE p.pronamespace = to_regnamespace(:n) "
                "ORDER BY 2"), {"n": SCHEMA}).all():
            if oid not in wanted:  # another signature of an older HoSo (API 1's push): nobody calls it any more
                self.conn.exec_driver_sql(f"DROP FUNCTION {signature}")
                self.result.revoked.append(f"DROP FUNCTION {signature}")
        for fn in functions(self.schema):
            current = self.conn.execute(text(
                "SELECT p.prosrc, p.prosecdef, p.proconfig, pg_get_function_result(p.oid) AS result, "
                "pg_get_function_arguments(p.oid) AS args FROM pg_proc p "
                "WHERE p.oid = to_regprocedure(:f)"), {"f": fn.qualified}).first()
            if current is None or current.prosrc != fn.body or not current.prosecdef \
                    or current.proconfig != config or current.result != fn.returns or current.args != fn.args:
                if current is not None and (current.result != fn.returns or current.args != fn.args):
                    self.conn.exec_driver_sql(f"DROP FUNCTION {fn.qualified}")
                self.conn.exec_driver_sql(fn.create().replace("%", "%%"))
                (self.result.functions_updated if current is not None else self.result.functions_created).append(
                    fn.name)
            anyone = self.conn.scalar(text(
                "SELECT p.proacl IS NULL OR EXISTS (SELECT 1 FROM aclexplode(p.proacl) a WHERE a.grantee = 0) "
                "FROM pg_proc p WHERE p.oid = to_regprocedure(:f)"), {"f": fn.qualified})
            if anyone:
                self.conn.exec_driver_sql(f"REVOKE ALL ON FUNCTION {fn.qualified} FROM PUBLIC")
                self.result.grants.append(f"REVOKE EXECUTE {fn.name} FROM PUBLIC")
            allowed = self.conn.scalar(text("SELECT has_function_privilege(:g, :f, 'EXECUTE')"),
                                       {"g": self.group, "f": fn.qualified})
            if fn.public and not allowed:
                self.conn.exec_driver_sql(f'GRANT EXECUTE ON FUNCTION {fn.qualified} TO "{self.group}"')
                self.result.grants.append(f"EXECUTE {fn.name}")
            elif not fn.public and allowed:
                self.conn.exec_driver_sql(f'REVOKE ALL ON FUNCTION {fn.qualified} FROM "{self.group}"')
                self.result.revoked.append(f"EXECUTE {fn.name}")


    # --- statistics: row counts and values are not for the units ---------------------------------

    def _hide_statistics(self) -> None:
        """PostgreSQL shows every login the statistics of every table: row counts and sizes
        (``pg_stat_*`` views and ``pg_stat_get_*`` functions, ``pg_class.reltuples``/``relpages``,
        ``pg_relation_size``…), whatever its privileges on the table. In this database they are
        taken from PUBLIC (the views and functions of ``pg_catalog`` are per database); the role
        running ``city init`` keeps them (the API's ``analyze`` reads ``pg_stat_user_tables``). The
        column statistics (``pg_stats``, ``pg_stats_ext``) already show only tables the role may
        read: none for a unit. Only a superuser may change ``pg_catalog``: otherwise this is noted."""
        stat_views = list(self.conn.scalars(text(
            "SELECT c.oid::regclass::text FROM pg_class c WHERE c.relnamespace = 'pg_catalog'::regnamespace "
            "AND c.relkind = 'v' AND c.relname ~ '^pg_stat(io)?_(all|sys|user|xact_all|xact_sys|xact_user)_' "
            "ORDER BY 1")))
        stat_functions = list(self.conn.scalars(text(
            "SELECT p.oid::regprocedure::text FROM pg_proc p WHERE p.pronamespace = 'pg_catalog'::regnamespace "
            "AND ((p.proname LIKE 'pg\\_stat\\_get\\_%' AND p.pronargs = 1 AND p.proargtypes[0] = 'oid'::regtype) "
            "  OR p.proname IN ('pg_relation_size', 'pg_table_size', 'pg_indexes_size', 'pg_total_relation_size')) "
            "ORDER BY 1")))
        hidden_columns = ("reltuples", "relpages", "relallvisible")
        open_views = [v for v in stat_views
                      if self.conn.scalar(text("SELECT has_table_privilege('public', :v, 'SELECT')"), {"v": v})]
        open_functions = [f for f in stat_functions
                          if self.conn.scalar(text("SELECT has_function_privilege('public', :f, 'EXECUTE')"),
                                              {"f": f})]
        open_columns = [c for c in hidden_columns if self.conn.scalar(
            text("SELECT has_column_privilege('public', 'pg_catalog.pg_class', :c, 'SELECT')"), {"c": c})]
        if not (open_views or open_functions or open_columns):
            return
        if not self.conn.scalar(text("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")):
            self.result.statistics_note = ("Thống kê bảng (số dòng, kích thước) vẫn đọc được bằng vai trò đơn vị: "
                                           "chỉ vai trò superuser (postgres) chạy 'city init' mới ẩn được.")
            return
        me = self.conn.scalar(text("SELECT quote_ident(current_user)"))
        for view in open_views:
            self.conn.exec_driver_sql(f"REVOKE ALL ON TABLE {view} FROM PUBLIC")
            self.conn.exec_driver_sql(f"GRANT SELECT ON TABLE {view} TO {me}")
            self.result.statistics_hidden.append(view)
        for function in open_functions:
            self.conn.exec_driver_sql(f"REVOKE ALL ON FUNCTION {function} FROM PUBLIC")
            self.conn.exec_driver_sql(f"GRANT EXECUTE ON FUNCTION {function} TO {me}")
            self.result.statistics_hidden.append(function)
        if open_columns:
            others = [c for c in self.conn.scalars(text(
                "SELECT quote_ident(attname) FROM pg_attribute WHERE attrelid = 'pg_catalog.pg_class'::regclass "
                "AND attnum > 0 AND NOT attisdropped ORDER BY attnum")) if c not in hidden_columns]
            self.conn.exec_driver_sql("REVOKE SELECT ON TABLE pg_catalog.pg_class FROM PUBLIC")
            self.conn.exec_driver_sql(f"GRANT SELECT ({', '.join(others)}) ON TABLE pg_catalog.pg_class TO PUBLIC")
            self.conn.exec_driver_sql(f"GRANT SELECT ON TABLE pg_catalog.pg_class TO {me}")
            self.result.statistics_hidden.extend(f"pg_class.{c}" for c in open_columns)


def _privileges(connection: Connection | Session) -> Any:
    """(free, guarded): is the connected role above row-level security; is persons guarded at all."""
    return connection.execute(text(
        "SELECT r.rolsuper OR r.rolbypassrls OR pg_has_role(current_user, c.relowner, 'USAGE') AS free, "
        "c.relrowsecurity AS guarded FROM pg_roles r, pg_class c "
        "WHERE r.rolname = current_user AND c.oid = to_regclass('persons')")).first()


def hand_over(target: Engine | Connection, person_id: uuid.UUID, to_unit_code: str) -> str:
    """Hand a person over to the unit ``to_unit_code`` at the city (``hoso_api.hand_over``);
    returns the code of the unit it left. Allowed to the role whose units hold the person's current
    unit (and to the Department); an unknown person and another unit's person get the same
    refusal (UserError), which the Department sees in its list of identity conflicts. The attempt
    is committed before its answer is read (app.city.api.attempt): ``target`` is an Engine or a
    Connection used commit-as-you-go."""
    from app.city.api import attempt
    from app.city.api_sql import HAND_OVER_REFUSED, SCHEMA

    try:
        answer = attempt(target, f"SELECT {SCHEMA}.hand_over(:p, :u)", {"p": person_id, "u": to_unit_code})
    except DBAPIError as exc:
        if getattr(exc.orig, "sqlstate", None) not in ("42501", "P0002", "22023"):
            raise
        diag = getattr(exc.orig, "diag", None)
        raise UserError(getattr(diag, "message_primary", None) or str(exc.orig)) from exc
    if answer.get("left") is None:
        raise UserError(HAND_OVER_REFUSED)
    return str(answer["left"])
