"""Database access: engine and session factory, SQLite pragmas, migrations, backup-before-migrate.

``open_database(target)`` is the one entry point (called by ``main.py`` and the tests): it
accepts a SQLite path or an SQLAlchemy URL, refuses a file that is not a HoSo database, copies an
older database before migrating it, migrates to the newest schema and returns a ``Database`` whose
``session()`` is one transaction per user action::

    with db.session() as s:      # commits on success, rolls back on any exception
        people.create_person(s, data)
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import getpass
import logging
import re
import select
import sqlite3
import threading
import time
import weakref
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, DisconnectionError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import ConnectionPoolEntry

from app import audit
from app.errors import UserError

if TYPE_CHECKING:
    from alembic.config import Config

logger = logging.getLogger(__name__)

# PRAGMA application_id marks a SQLite file as ours ("HoSo" in ASCII).
APPLICATION_ID = 0x486F536F
MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "models" / "migrations"


@dataclass
class Database:
    engine: Engine
    factory: sessionmaker[Session]
    url: str

    # Sessions in progress (any thread), and whether ``closed_for`` is waiting for them to end.
    _gate: threading.Condition = field(default_factory=threading.Condition, init=False, repr=False, compare=False)
    _active: int = field(default=0, init=False, repr=False, compare=False)
    _closing: bool = field(default=False, init=False, repr=False, compare=False)

    @contextlib.contextmanager
    def session(self, user: str | None = None, *, write: bool = False) -> Iterator[Session]:
        """One transaction: commit when the block ends, roll back everything if it raises.

        ``write=True`` for an action that reads and then writes: on SQLite its transaction takes the
        write lock at BEGIN (``BEGIN IMMEDIATE``), so another connection's commit between the read
        and the write makes it wait (busy timeout) instead of failing with "database is locked".
        A session asked for while ``closed_for`` holds the file waits until it is given back."""
        with self._gate:
            while self._closing:
                self._gate.wait()
            self._active += 1
        try:
            with self.factory.begin() as session:
                session.info["user"] = user or current_user()
                if write and self.is_sqlite:
                    session.connection(execution_options={IMMEDIATE: True})
                yield session
        finally:
            with self._gate:
                self._active -= 1
                self._gate.notify_all()

    @contextlib.contextmanager
    def closed_for(self, wait_s: float = 30.0) -> Iterator[None]:
        """Every connection of this process closed while the block runs (a restore replaces the
        file): new sessions wait, the ones in progress (another thread's list load, the daily copy)
        are waited for up to ``wait_s`` seconds, the pool is emptied. A session still running after
        that keeps its connection, and the restore then refuses the file as in use elsewhere."""
        deadline = time.monotonic() + wait_s
        with self._gate:
            self._closing = True
            while self._active and (left := deadline - time.monotonic()) > 0:
                self._gate.wait(left)
        try:
            self.engine.dispose()
            yield
        finally:
            with self._gate:
                self._closing = False
                self._gate.notify_all()

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    def dispose(self) -> None:
        self.engine.dispose()


@functools.cache  # the operating-system user does not change while HoSo runs; every session asks
def current_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "hoso"


_PASSWORD_IN_URL = re.compile(r"(://[^:/?#@]*:)[^@/?#]*@")


def hide_password(text: str) -> str:
    """A database address as it may be shown or logged: any password replaced by ***, even in an
    address SQLAlchemy cannot parse (``make_url(...).render_as_string()`` needs a parsed one)."""
    try:
        return make_url(text).render_as_string(hide_password=True)
    except (ArgumentError, ValueError):
        return _PASSWORD_IN_URL.sub(r"\1***@", text)


def to_url(target: str | Path) -> str:
    """A SQLite path or an SQLAlchemy URL → URL. Refuses an empty target, a path in a missing folder,
    an existing directory, and a server address without a server or a database name (the driver
    would quietly use the local socket and a database named after the OS user)."""
    text = str(target)
    if not text.strip():
        raise UserError("Chưa ghi đường dẫn hoặc địa chỉ cơ sở dữ liệu (đang để trống).")
    if "://" in text:
        try:
            parsed = make_url(text)
        except (ArgumentError, ValueError) as exc:  # ValueError: e.g. a port that is not a number
            raise UserError(f"Địa chỉ cơ sở dữ liệu không hợp lệ: {hide_password(text)} (dạng đúng: "
                            "postgresql+psycopg://người-dùng@máy-chủ:5432/tên-cơ-sở-dữ-liệu).") from exc
        if parsed.get_backend_name() != "sqlite":
            missing = [name for name, value in (("máy chủ", parsed.host), ("tên cơ sở dữ liệu", parsed.database))
                       if not (value or "").strip()]
            if missing:
                raise UserError(f"Địa chỉ cơ sở dữ liệu {parsed.render_as_string(hide_password=True)} thiếu "
                                f"{' và '.join(missing)} (dạng đúng: postgresql+psycopg://người-dùng@máy-chủ:5432/"
                                "tên-cơ-sở-dữ-liệu).")
        return text
    path = Path(text).expanduser()
    if not path.parent.exists():
        raise UserError(f"Thư mục chứa cơ sở dữ liệu không tồn tại: {path.parent}")
    if path.is_dir():
        raise UserError(f"Đường dẫn cơ sở dữ liệu là một thư mục, không phải tệp: {path}")
    return f"sqlite:///{path.resolve()}"


def _sqlite_path(url: str) -> Path | None:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def _set_sqlite_pragmas(dbapi_conn: sqlite3.Connection, _record: object) -> None:
    # The driver must not open transactions on its own (it would start one only at the first write,
    # so a SAVEPOINT before it starts SQLite's own transaction and its RELEASE commits): SQLAlchemy
    # emits BEGIN itself (``_begin`` below) — the pysqlite recipe of the SQLAlchemy docs.
    dbapi_conn.isolation_level = None
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")  # every commit synced: a power cut loses no saved record (docs/durability.md)
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


class _SQLiteConnection(sqlite3.Connection):
    """The driver's connection, remembering (weakly) the cursors SQLAlchemy opens on it.

    Why: with WAL, a SELECT that was stepped but neither finished nor closed keeps its
    connection's read transaction — its snapshot of the database — open. The driver's
    ``rollback()`` (the pool's reset when a session ends) does not end it: on a connection in
    autocommit mode (``isolation_level = None``) there is no transaction to roll back, and Python
    3.11 no longer resets pending statements. The next session that takes this connection from the
    pool then reads the database as it was before other connections' commits — without any error
    (a sync that sends nothing after a local change). ``_close_cursors`` runs at every pool reset."""

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003 - sqlite3's signature
        super().__init__(*args, **kwargs)
        self.hoso_cursors: weakref.WeakSet[sqlite3.Cursor] = weakref.WeakSet()

    def cursor(self, *args, **kwargs) -> sqlite3.Cursor:  # noqa: ANN002, ANN003
        cursor = super().cursor(*args, **kwargs)
        self.hoso_cursors.add(cursor)
        return cursor

    # sqlite3's own shortcuts make their cursor in C, without calling ``cursor()`` above: such a
    # cursor was never closed at the reset and kept its snapshot for the next session. They go
    # through ``cursor()`` here (what the shortcuts do, remembered).
    def execute(self, sql: str, parameters=(), /) -> sqlite3.Cursor:  # noqa: ANN001
        return self.cursor().execute(sql, parameters)

    def executemany(self, sql: str, parameters, /) -> sqlite3.Cursor:  # noqa: ANN001
        return self.cursor().executemany(sql, parameters)

    def executescript(self, script: str, /) -> sqlite3.Cursor:
        return self.cursor().executescript(script)


def _close_cursors(dbapi_conn: sqlite3.Connection, _record: object, _state: object) -> None:
    """Pool reset (a session or connection handed back): close every cursor still open on the
    connection, so no result outlives its session and no statement keeps an old read snapshot
    for the next user of the connection. A result read after its session then fails loudly
    ("Cannot operate on a closed cursor") instead of silently holding the snapshot."""
    cursors = getattr(dbapi_conn, "hoso_cursors", None)
    if not cursors:
        return
    for cursor in list(cursors):
        try:
            cursor.close()
        except sqlite3.Error:  # a connection already closed: nothing is held
            pass
    cursors.clear()


IMMEDIATE = "hoso_begin_immediate"


def _begin(conn) -> None:  # noqa: ANN001 - SQLAlchemy Connection
    """Every transaction starts from the current database: a result of an earlier transaction on
    the same connection (a Connection used for several transactions is not handed back to the pool
    in between) is closed first — left open, its statement would make this BEGIN continue that
    transaction's old snapshot."""
    cursors = getattr(conn.connection.dbapi_connection, "hoso_cursors", None)
    for cursor in list(cursors or ()):
        # only cursors that ran a query: the one SQLAlchemy may already have made for the statement
        # this transaction starts with has run nothing yet
        if cursor.description is not None:
            with contextlib.suppress(sqlite3.Error):
                cursor.close()
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(IMMEDIATE) else "BEGIN")


# SQLite result codes that say the file itself is damaged or is not a database; anything else (an I/O
# error of the moment, busy, a read-only WAL index…) is no verdict on the file (app.backup: the same).
DAMAGED_CODES = frozenset({11, 26})  # SQLITE_CORRUPT, SQLITE_NOTADB
IDENTITY_ATTEMPTS = 3
IDENTITY_PAUSE = 0.2  # seconds, times the attempt: another connection finishing its checkpoint


def is_damage(exc: sqlite3.Error) -> bool:
    """Whether ``exc`` means the file is damaged (rather than unreadable at this moment)."""
    return ((getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF) in DAMAGED_CODES


def _read_identity(uri: str) -> tuple[int, set[str]]:
    con = sqlite3.connect(uri, uri=True, timeout=5)
    try:
        app_id = con.execute("PRAGMA application_id").fetchone()[0]
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    finally:
        con.close()
    return app_id, tables


def _identity(path: Path) -> tuple[int, set[str]]:
    """The file's application_id and table names. Read first through a read-only connection (the file
    of another program is not touched); a ``mode=ro`` connection to a WAL file that other connections
    use can fail with "disk I/O error" on a healthy file (it cannot take part in the WAL's
    shared-memory index), so a failure that is not damage is retried read-write, as HoSo opens the
    file anyway (``mode=rw``: never creates one). Raises the last error."""
    base = path.resolve().as_uri()
    for attempt in range(IDENTITY_ATTEMPTS):
        try:
            return _read_identity(f"{base}?mode={'ro' if attempt == 0 else 'rw'}")
        except sqlite3.DatabaseError as exc:
            if is_damage(exc) or attempt == IDENTITY_ATTEMPTS - 1:
                raise
            logger.warning("%s: lần đọc %d không được (%s), thử lại", path, attempt + 1, exc)
            time.sleep(IDENTITY_PAUSE * attempt)
    raise AssertionError("unreachable")  # pragma: no cover


def check_sqlite_file(path: Path) -> None:
    """Refuse a file that is not a HoSo database (not SQLite, or SQLite of another program, or an
    empty file: a new database is made only where there is no file at all)."""
    if not path.exists():
        return
    if path.stat().st_size == 0:
        raise UserError(f"Tệp {path} rỗng (0 byte), không phải cơ sở dữ liệu HoSo; tệp không bị thay đổi. "
                        "Để tạo cơ sở dữ liệu mới, hãy chọn một tên tệp chưa có.")
    with path.open("rb") as fh:
        header = fh.read(16)
    if header != b"SQLite format 3\x00":
        raise UserError(f"Tệp {path} không phải là cơ sở dữ liệu HoSo (không phải tệp SQLite).")
    try:
        app_id, tables = _identity(path)
    except sqlite3.DatabaseError as exc:
        if is_damage(exc):
            raise UserError(f"Tệp {path} bị hỏng hoặc không phải cơ sở dữ liệu HoSo: {exc}") from exc
        raise UserError(f"Không đọc được tệp {path} lúc này ({exc}); tệp không bị coi là hỏng và không bị thay "
                        "đổi. Hãy đóng các chương trình khác đang dùng tệp rồi mở lại.") from exc
    if app_id != APPLICATION_ID and tables:
        raise UserError(f"Tệp {path} là cơ sở dữ liệu của chương trình khác, không phải của HoSo.")


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30, "factory": _SQLiteConnection},
                               hide_parameters=True)  # no personal data in logged errors
        event.listen(engine, "connect", _set_sqlite_pragmas)
        event.listen(engine, "reset", _close_cursors)
        event.listen(engine, "begin", _begin)
        return engine
    engine = create_engine(url, hide_parameters=True)
    event.listen(engine, "connect", _mark_used)
    event.listen(engine, "checkin", _mark_used)
    event.listen(engine, "checkout", functools.partial(_check_before_use, engine.dialect))
    return engine


#: a pooled server connection idle longer than this is pinged before use (``_check_before_use``)
PING_AFTER_S = 30.0


def _mark_used(_dbapi_conn: object, record: ConnectionPoolEntry, *_args: object) -> None:
    record.info["used_at"] = time.monotonic()


def _check_before_use(dialect: Any, dbapi_conn: Any, record: ConnectionPoolEntry, _proxy: object) -> None:
    """``pool_pre_ping``'s check, without its round trip to the server while the connection is
    surely alive: one used less than ``PING_AFTER_S`` ago whose socket holds nothing unread (a
    server that closed it, restarted or ended the session has sent its goodbye, which makes the
    socket readable) is handed out as it is; any other is pinged as ``pool_pre_ping`` does, and a
    failed ping makes the pool replace the connection (``DisconnectionError``). Every new session
    on the city server used to pay that round trip (a search: 5 round trips instead of 4)."""
    used = record.info.get("used_at")
    if used is not None and time.monotonic() - used < PING_AFTER_S and not _has_unread(dbapi_conn):
        return
    try:
        dialect.do_ping(dbapi_conn)
    except Exception as exc:  # noqa: BLE001 - whatever the driver raises: the connection is not usable
        raise DisconnectionError(f"connection lost: {type(exc).__name__}") from exc


def _has_unread(dbapi_conn: Any) -> bool:
    try:
        if getattr(dbapi_conn, "closed", False) or getattr(dbapi_conn, "broken", False):
            return True
        readable, _, _ = select.select([dbapi_conn.fileno()], [], [], 0)
        return bool(readable)
    except (OSError, ValueError, AttributeError, NotImplementedError):
        return True  # cannot tell: ping



def alembic_config(engine: Engine) -> Config:
    from alembic.config import Config  # Alembic (with Mako, Pygments) loads only when needed

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["engine"] = engine
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config(None)).get_current_head()  # type: ignore[arg-type]


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


_REVISION = re.compile(r"^(down_revision|revision)\b[^=]*=\s*['\"]([^'\"]+)['\"]", re.MULTILINE)


def _head_without_alembic() -> str | None:
    """The newest revision, read from the migration files' ``revision``/``down_revision`` lines
    (no Alembic import: a start with nothing to migrate must not pay for Alembic, Mako and
    Pygments). None when the files do not name exactly one head (then Alembic decides)."""
    revisions, parents = set(), set()
    for path in (MIGRATIONS_DIR / "versions").glob("*.py"):
        for kind, value in _REVISION.findall(path.read_text(encoding="utf-8")):
            (revisions if kind == "revision" else parents).add(value)
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def _stored_revision(engine: Engine) -> str | None:
    """The database's schema version by plain SQL (None: no version table, or not exactly one row)."""
    try:
        with engine.connect() as conn:
            rows = conn.exec_driver_sql("SELECT version_num FROM alembic_version").all()
    except DBAPIError:
        return None
    return rows[0][0] if len(rows) == 1 else None


def backup_sqlite(path: Path, label: str) -> Path:
    """A consistent copy (SQLite online backup) next to the file, before a migration."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.{label}-{stamp}.bak")
    src = sqlite3.connect(str(path))
    dst = sqlite3.connect(str(target))
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    logger.info("Đã sao lưu %s → %s trước khi nâng cấp", path, target)
    return target


SEARCH_INDEX_REVISION = "0010"


def _ran_after_search_index(conn, before: str | None) -> bool:  # noqa: ANN001 - a Connection
    """Whether the upgrade just run (from ``before``) applied a migration later than the search
    index's (app.search_index), which may have recreated the ``persons`` table."""
    from alembic.script import ScriptDirectory

    rows = conn.exec_driver_sql("SELECT version_num FROM alembic_version").all()
    if len(rows) != 1:
        return False
    script = ScriptDirectory.from_config(alembic_config(None))  # type: ignore[arg-type]
    applied = [r.revision for r in script.iterate_revisions(rows[0][0], before or "base")
               if r.revision != before]
    if SEARCH_INDEX_REVISION not in [r.revision for r in script.iterate_revisions(rows[0][0], "base")]:
        return False
    later = applied[:applied.index(SEARCH_INDEX_REVISION)] if SEARCH_INDEX_REVISION in applied else applied
    return bool(later)


def _known_revision(revision: str) -> bool:
    from alembic.script import ScriptDirectory

    try:
        return ScriptDirectory.from_config(alembic_config(None)).get_revision(revision) is not None  # type: ignore[arg-type]
    except Exception:  # noqa: BLE001 - alembic raises several kinds for an unknown id
        return False


def migrate(engine: Engine, sqlite_path: Path | None = None, revision: str = "head") -> None:
    if revision == "head" and (stored := _stored_revision(engine)) is not None and stored == _head_without_alembic():
        return  # nothing is due: Alembic is not even imported
    from alembic import command

    current = current_revision(engine)
    if current == head_revision() and revision == "head":
        return
    if current is not None and not _known_revision(current):
        raise UserError(f"Cơ sở dữ liệu {make_url(engine.url).render_as_string()} được tạo bởi một phiên bản HoSo "
                        f"mới hơn (lược đồ {current}); hãy cập nhật HoSo rồi mở lại. Tệp không bị thay đổi.")
    if sqlite_path is not None and current is not None:
        backup_sqlite(sqlite_path, f"rev-{current}")
    elif current is None and inspect(engine).get_table_names():
        raise UserError("Cơ sở dữ liệu đã có bảng nhưng không có phiên bản HoSo; không thể nâng cấp.")
    with engine.begin() as conn:
        cfg = alembic_config(engine)
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
        if engine.dialect.name == "sqlite" and _ran_after_search_index(conn, current):
            # a migration after the search index's may have recreated ``persons`` (SQLite's batch
            # mode), dropping its triggers and renumbering its rowids: make the index again
            from app import search_index

            search_index.rebuild(conn)
        if engine.dialect.name == "sqlite":  # the same for the sync's marking triggers (app.city.dirty)
            from app.city import dirty

            dirty.ensure(conn)
    if sqlite_path is not None:
        with engine.begin() as conn:
            conn.exec_driver_sql(f"PRAGMA application_id={APPLICATION_ID}")


def open_database(target: str | Path, *, migrate_schema: bool = True) -> Database:
    """Open (creating and migrating as needed) the database at ``target``."""
    url = to_url(target)
    sqlite_path = _sqlite_path(url)
    if sqlite_path is not None:
        check_sqlite_file(sqlite_path)
    engine = make_engine(url)
    try:
        if migrate_schema:
            migrate(engine, sqlite_path)
    except OperationalError as exc:
        engine.dispose()
        raise UserError(f"Không mở được cơ sở dữ liệu {make_url(url).render_as_string()}: {exc.orig}") from exc
    except DBAPIError as exc:  # e.g. a unit's role may not upgrade the city database's schema
        if getattr(exc.orig, "sqlstate", None) == "42501":
            from app.city.login import unit_login_refusal  # a unit's sync login at the city: no tables at all

            refusal = unit_login_refusal(engine)
            if refusal is not None:
                engine.dispose()
                raise UserError(refusal) from None
        engine.dispose()
        if getattr(exc.orig, "sqlstate", None) == "42501":
            raise UserError(f"Cơ sở dữ liệu {make_url(url).render_as_string()} cần nâng cấp lên phiên bản HoSo "
                            "mới, nhưng tài khoản này không có quyền: hãy nhờ Sở Nội vụ nâng cấp "
                            "(chạy lại `city init`).") from exc
        raise UserError(f"Không mở được cơ sở dữ liệu {make_url(url).render_as_string()}: {exc.orig}") from exc
    except UserError:
        engine.dispose()
        raise
    if sqlite_path is not None and migrate_schema:
        _protect_local(engine, sqlite_path)
    factory = sessionmaker(engine, expire_on_commit=False)
    audit.install(factory)
    return Database(engine=engine, factory=factory, url=url)


def _protect_local(engine: Engine, path: Path) -> None:
    """A local file holds personal data and its own history: its mode (and its -wal/-shm) is
    tightened to 0600, and the logs' append-only triggers are put back if someone removed them
    (app.security.chain; the restore is itself written to the access log)."""
    from app.security import chain

    chain.private_database(path)
    try:
        with engine.begin() as conn:
            chain.protect(conn)
    except DBAPIError as exc:  # a read-only file (or medium): opened as it is
        logger.warning("append-only triggers not checked: %s", exc.orig)
