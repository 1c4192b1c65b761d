"""A debug check for the whole suite: no SQLite statement may still be running when a pooled
connection is handed back (issue 19 item 24).

Why: with WAL, a SELECT that was stepped but neither finished nor closed keeps its connection's
read transaction — a snapshot of the database — open, and the driver's ``rollback()`` does not
end it (``isolation_level = None``). ``app.db`` closes every cursor at the pool's reset so the next
session cannot read an old snapshot; this guard makes the leak itself fail the test that caused
it, naming the statement (and, with ``HOSO_CURSOR_STACKS=1``, where its cursor was executed), so a
result that outlives its session is found instead of being silently cleaned up.

``sqlite3`` has no Python API for "statements still running", so the guard asks the SQLite library
itself (``sqlite3_next_stmt`` / ``sqlite3_stmt_busy`` / ``sqlite3_txn_state`` through ctypes) with
the ``sqlite3 *`` handle read from the connection object (the first field after the object
header, checked against ``sqlite3_db_filename`` before it is trusted). Where that cannot be done
(another build of Python or SQLite) the guard turns itself off and says so once.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import os
import sqlite3
import tempfile
import traceback
import weakref
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, event
from sqlalchemy.pool import Pool

STACKS = os.environ.get("HOSO_CURSOR_STACKS") == "1"
# HOSO_GUARD_NO_GC=1: no cyclic garbage collection while the tests run, so a result that only an
# unreachable reference cycle keeps alive (freed whenever the collector happens to run: the
# intermittent kind of leak) is still there when its session ends, every time
NO_GC = os.environ.get("HOSO_GUARD_NO_GC") == "1"
ROOT = str(Path(__file__).resolve().parents[1])


@dataclass
class Leak:
    database: str
    statements: list[str]
    opened_at: list[str]  # where the cursors holding them ran their query (HOSO_CURSOR_STACKS=1)
    in_transaction: bool

    def __str__(self) -> str:
        where = "".join(f"\n  the cursor ran its query at:\n{s}" for s in self.opened_at)
        return (f"a pooled SQLite connection to {self.database} was handed back with "
                f"{len(self.statements)} statement(s) still running (an unfinished result keeps an old "
                f"read snapshot): {self.statements}{where}")


class _Library:
    def __init__(self) -> None:
        import _sqlite3

        name = None
        for line in open("/proc/self/maps", encoding="utf-8", errors="replace"):  # the copy _sqlite3 loaded
            if "libsqlite3" in line:
                name = line.split()[-1]
                break
        lib = ctypes.CDLL(name or ctypes.util.find_library("sqlite3") or _sqlite3.__file__)
        lib.sqlite3_next_stmt.restype = ctypes.c_void_p
        lib.sqlite3_next_stmt.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
        lib.sqlite3_stmt_busy.argtypes = [ctypes.c_void_p]
        lib.sqlite3_sql.restype = ctypes.c_char_p
        lib.sqlite3_sql.argtypes = [ctypes.c_void_p]
        lib.sqlite3_txn_state.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
        lib.sqlite3_get_autocommit.argtypes = [ctypes.c_void_p]
        lib.sqlite3_db_filename.restype = ctypes.c_char_p
        lib.sqlite3_db_filename.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
        self.lib = lib

    @staticmethod
    def handle(conn: sqlite3.Connection) -> int | None:
        return ctypes.c_void_p.from_address(id(conn) + object.__basicsize__).value

    def filename(self, conn: sqlite3.Connection) -> str | None:
        handle = self.handle(conn)
        name = self.lib.sqlite3_db_filename(handle, b"main") if handle else None
        return name.decode(errors="replace") if name is not None else None

    def busy(self, conn: sqlite3.Connection) -> list[str]:
        handle, found = self.handle(conn), []
        stmt = self.lib.sqlite3_next_stmt(handle, None)
        while stmt:
            if self.lib.sqlite3_stmt_busy(stmt):
                found.append((self.lib.sqlite3_sql(stmt) or b"?").decode(errors="replace"))
            stmt = self.lib.sqlite3_next_stmt(handle, stmt)
        return found

    def reading(self, conn: sqlite3.Connection) -> bool:
        """Whether the connection holds a read (or write) transaction."""
        return self.lib.sqlite3_txn_state(self.handle(conn), None) != 0


def _load() -> _Library | None:
    """The library, after checking on a scratch file that the handle it reads is the right one."""
    try:
        lib = _Library()
        folder = tempfile.mkdtemp(prefix="hoso-guard-")
        path = os.path.join(folder, "probe.sqlite")
        con = sqlite3.connect(path, isolation_level=None)
        try:
            con.execute("CREATE TABLE t (x)")
            con.execute("INSERT INTO t VALUES (1), (2)")
            cur = con.execute("SELECT x FROM t")
            cur.fetchone()
            ok = (os.path.realpath(lib.filename(con) or "") == os.path.realpath(path)
                  and lib.busy(con) == ["SELECT x FROM t"] and lib.reading(con))
            cur.close()
            ok = ok and lib.busy(con) == [] and not lib.reading(con)
        finally:
            con.close()
            for suffix in ("", "-wal", "-shm", "-journal"):
                if os.path.exists(path + suffix):
                    os.remove(path + suffix)
            os.rmdir(folder)
        return lib if ok else None
    except (OSError, AttributeError, sqlite3.Error, ValueError):
        return None


LIBRARY = _load()
LEAKS: list[Leak] = []
_OPENED: weakref.WeakKeyDictionary[sqlite3.Cursor, str] = weakref.WeakKeyDictionary()


def _check(dbapi_conn: object, _record: object, _state: object) -> None:
    """Pool reset, before ``app.db._close_cursors``: record any statement still running."""
    if LIBRARY is None or not isinstance(dbapi_conn, sqlite3.Connection):
        return
    try:
        statements = LIBRARY.busy(dbapi_conn)
    except sqlite3.ProgrammingError:  # a closed connection holds nothing
        return
    if not statements:
        return
    opened = []
    for cursor, where in list(_OPENED.items()):  # close them one by one to see which one held a statement
        if getattr(cursor, "connection", None) is not dbapi_conn:
            continue
        before = len(LIBRARY.busy(dbapi_conn))
        cursor.close()
        if len(LIBRARY.busy(dbapi_conn)) < before:
            opened.append(where)
    LEAKS.append(Leak(LIBRARY.filename(dbapi_conn) or "?", statements, opened,
                      not LIBRARY.lib.sqlite3_get_autocommit(LIBRARY.handle(dbapi_conn))))


def _check_checkin(dbapi_conn: object, _record: object) -> None:
    """Pool check-in, after every reset: the connection must hold no transaction — no snapshot —
    at all, whatever kept it (a statement, a blob, a backup: anything the reset did not end)."""
    if LIBRARY is None or not isinstance(dbapi_conn, sqlite3.Connection):
        return
    try:
        reading = LIBRARY.reading(dbapi_conn)
    except sqlite3.ProgrammingError:
        return
    if reading:
        LEAKS.append(Leak(LIBRARY.filename(dbapi_conn) or "?", LIBRARY.busy(dbapi_conn) or
                          ["(no statement: a transaction still open after the reset)"], [], True))


def _remember(conn: object, cursor: object, *_args: object) -> None:
    """``before_cursor_execute`` (HOSO_CURSOR_STACKS=1): where each cursor was used, in this project's code."""
    frames = [f for f in traceback.extract_stack()[:-1]
              if f.filename.startswith(ROOT) and "site-packages" not in f.filename and f.filename != __file__]
    try:
        _OPENED[cursor] = "".join(traceback.format_list(frames[-12:]))  # type: ignore[index]
    except TypeError:  # a cursor that cannot be weakly referenced: nothing to remember
        pass


def install() -> None:
    """Check every pool's reset (inserted first, so it runs before the engine's own clean-up).
    Not while benchmarks run (HOSO_BENCH=1): they time the program as it ships."""
    if os.environ.get("HOSO_BENCH") == "1":
        return
    if LIBRARY is None:
        import warnings

        warnings.warn("tests/sqlite_guard.py: the SQLite library could not be asked about running statements "
                      "here; the check that no result outlives its session is off", stacklevel=2)
        return
    if not event.contains(Pool, "reset", _check):
        event.listen(Pool, "reset", _check, insert=True)
        event.listen(Pool, "checkin", _check_checkin)
    if NO_GC:
        gc.disable()
    if STACKS and not event.contains(Engine, "before_cursor_execute", _remember):
        event.listen(Engine, "before_cursor_execute", _remember)


def take() -> list[Leak]:
    found = list(LEAKS)
    LEAKS.clear()
    return found
