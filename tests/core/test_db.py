"""The database: pragmas, refusing foreign files, migrations from the first revision with a backup."""

from __future__ import annotations

import sqlite3

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, text

import models
from app.db import Database, alembic_config, current_revision, head_revision, make_engine, open_database
from app.errors import UserError
from app.search_index import include_name


def test_sqlite_runs_in_wal_with_foreign_keys(tmp_path) -> None:
    db = open_database(tmp_path / "a.sqlite")
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    db.dispose()


def test_schema_of_head_matches_the_models(tmp_path) -> None:
    db = open_database(tmp_path / "a.sqlite")
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True, "include_name": include_name}),
                                models.Base.metadata)
    assert diff == []
    assert current_revision(db.engine) == head_revision()
    db.dispose()


def test_migration_from_the_first_revision_keeps_data_and_backs_up(tmp_path) -> None:
    path = tmp_path / "old.sqlite"
    engine = create_engine(f"sqlite:///{path}")
    cfg = alembic_config(engine)
    command.upgrade(cfg, "0001")
    with engine.begin() as conn:
        conn.exec_driver_sql("PRAGMA application_id=1215255407")
        conn.execute(text("INSERT INTO units (id, code, name, name_fold, sort_order, version, updated_at) "
                          "VALUES ('0123456789abcdef0123456789abcdef', 'DN', 'Đà Nẵng', 'da nang', 0, 1, "
                          "'2026-01-01 00:00:00')"))
    engine.dispose()
    db = open_database(path)
    assert current_revision(db.engine) == head_revision() != "0001"
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT name FROM units")).scalar() == "Đà Nẵng"
        assert conn.execute(text("SELECT count(*) FROM settings")).scalar() == 0
    db.dispose()
    backups = list(tmp_path.glob("old.sqlite.rev-0001-*.bak"))
    assert len(backups) == 1
    con = sqlite3.connect(backups[0])
    assert con.execute("SELECT name FROM units").fetchone() == ("Đà Nẵng",)
    con.close()


def test_up_to_date_database_is_not_copied(tmp_path) -> None:
    open_database(tmp_path / "a.sqlite").dispose()
    open_database(tmp_path / "a.sqlite").dispose()
    assert not list(tmp_path.glob("*.bak"))


def test_a_text_file_is_refused(tmp_path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_text("danh sách cán bộ", encoding="utf-8")
    with pytest.raises(UserError, match="không phải là cơ sở dữ liệu HoSo"):
        open_database(path)
    assert path.read_text(encoding="utf-8") == "danh sách cán bộ"


def test_another_programs_sqlite_is_refused(tmp_path) -> None:
    path = tmp_path / "other.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE customers (id INTEGER)")
    con.commit()
    con.close()
    with pytest.raises(UserError, match="chương trình khác"):
        open_database(path)


def test_missing_folder_is_refused(tmp_path) -> None:
    with pytest.raises(UserError, match="không tồn tại"):
        open_database(tmp_path / "khong-co" / "a.sqlite")
    assert not (tmp_path / "khong-co").exists()


def test_bad_url_and_unreachable_server(tmp_path) -> None:
    with pytest.raises(UserError):
        open_database("postgresql+psycopg://nobody@127.0.0.1:1/none")


def test_a_failed_action_rolls_back_everything(tmp_path) -> None:
    from app import units

    db = open_database(tmp_path / "a.sqlite")
    with pytest.raises(RuntimeError):
        with db.session() as s:
            units.add_unit(s, "A", "Đơn vị A")
            raise RuntimeError("mất điện")
    with db.session() as s:
        assert units.list_units(s) == []
    db.dispose()


def test_a_database_from_a_newer_hoso_is_refused_untouched(tmp_path) -> None:
    import sqlite3

    import pytest

    from app.db import open_database
    from app.errors import UserError

    path = tmp_path / "newer.sqlite"
    open_database(path).dispose()
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.commit()
    con.close()
    before = path.read_bytes()
    with pytest.raises(UserError, match="phiên bản HoSo mới hơn"):
        open_database(path)
    assert path.read_bytes() == before and not list(tmp_path.glob("*.bak"))


def test_migration_0007_recomputes_every_name_sort_key(tmp_path) -> None:
    """Issue 19 item 4: keys stored by the old layout (' ' between words, '|' at the end) are
    recomputed, so the list's order (by ``sort_key``) is the Vietnamese one after the upgrade."""
    from sqlalchemy import select

    from app import people, units
    from app.catalogs import load_catalogs
    from app.text import _letters, name_sort_key
    from models import Person
    from tests.core.conftest import person_data

    path = tmp_path / "a.sqlite"
    db = open_database(path)
    names = ["Lê Thị Phương Anh", "Lê Thị Anh", "Trần Thị Ánh Anh", "Trần Thị Anh", "Nguyễn Văn Bình"]
    with db.session() as s:
        load_catalogs(s)
        units.add_unit(s, "DN", "Đà Nẵng")
        for i, name in enumerate(names):
            people.create_person(s, person_data(cccd=f"04808500{i:04d}", full_name=name, unit_code="DN"))
    db.dispose()
    con = sqlite3.connect(path)
    for (pid, name) in con.execute("SELECT id, full_name FROM persons").fetchall():  # the old layout
        words = name.split(" ")
        given, rest = words[-1], words[:-1]
        old = "".join(_letters(given)) + "!" + " ".join(_letters(w)[0] for w in rest) + "|" + "".join(
            _letters(w)[1] for w in rest)
        con.execute("UPDATE persons SET sort_key = ? WHERE id = ?", (old, pid))
    before = ScriptDirectory.from_config(alembic_config(None)).get_revision("0007").down_revision
    con.execute("UPDATE alembic_version SET version_num = ?", (before,))
    con.commit()
    assert [r[0] for r in con.execute("SELECT full_name FROM persons ORDER BY sort_key")][:2] == [
        "Lê Thị Phương Anh", "Lê Thị Anh"]  # the wrong order the old keys gave
    con.close()
    engine = make_engine(f"sqlite:///{path}")  # run 0007 alone (later migrations are already applied)
    with engine.begin() as conn:
        cfg = alembic_config(engine)
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0007")
        conn.exec_driver_sql(f"UPDATE alembic_version SET version_num = '{head_revision()}'")
    engine.dispose()
    db = open_database(path)
    with db.session() as s:
        rows = s.execute(select(Person.full_name, Person.sort_key).order_by(Person.sort_key)).all()
    db.dispose()
    assert all(key == name_sort_key(name) for name, key in rows)
    assert [name for name, _ in rows] == ["Lê Thị Anh", "Lê Thị Phương Anh", "Trần Thị Anh", "Trần Thị Ánh Anh",
                                          "Nguyễn Văn Bình"]


def test_a_result_left_open_never_keeps_an_old_snapshot_for_the_next_session(tmp_path) -> None:
    """Issue 19 item 24. WAL + ``isolation_level=None``: a SELECT stepped but not finished keeps its
    connection's read snapshot through the pool's ``rollback()``; the next session on that pooled
    connection then read the database as it was before another connection's commit (a sync that
    sent nothing after a local change). Every cursor is closed when its session hands the
    connection back: the next session reads the current data, and the forgotten result fails
    loudly instead of holding the snapshot."""
    from sqlalchemy.exc import ResourceClosedError, SQLAlchemyError

    from app import units

    path = tmp_path / "a.sqlite"
    db = open_database(path)
    with db.session() as s:
        for i in range(3):
            units.add_unit(s, f"U{i}", f"Đơn vị {i}")
    with db.session() as s:
        forgotten = s.execute(text("SELECT code FROM units ORDER BY code"))
        assert forgotten.fetchone() == ("U0",)  # stepped, not finished, still referenced
    other = sqlite3.connect(path)  # another connection (another window, the CLI) commits
    other.execute("INSERT INTO units (id, code, name, name_fold, sort_order, version, updated_at) VALUES "
                  "('0123456789abcdef0123456789abcdef', 'U9', 'Mới', 'moi', 0, 1, '2026-01-01 00:00:00')")
    other.commit()
    other.close()
    assert db.engine.pool.checkedin() == 1  # the next session takes the very same connection
    with db.session() as s:
        assert s.scalar(text("SELECT count(*) FROM units")) == 4
    with pytest.raises((ResourceClosedError, SQLAlchemyError, sqlite3.ProgrammingError)):
        forgotten.fetchall()
    db.dispose()
    # the suite's guard (tests/sqlite_guard.py) saw the forgotten result when its session ended
    from tests import sqlite_guard

    if sqlite_guard.LIBRARY is not None:
        leaks = sqlite_guard.take()
        assert [leak.statements for leak in leaks] == [["SELECT code FROM units ORDER BY code"]]


def _commit_elsewhere(path, code: str) -> None:
    """Another connection (another window, the CLI) adds a unit and commits."""
    other = sqlite3.connect(path)
    other.execute("INSERT INTO units (id, code, name, name_fold, sort_order, version, updated_at) VALUES "
                  "(lower(hex(randomblob(16))), ?, 'Mới', 'moi', 0, 1, '2026-01-01 00:00:00')", (code,))
    other.commit()
    other.close()


def _units_db(tmp_path) -> tuple[Database, object]:
    from app import units

    path = tmp_path / "a.sqlite"
    db = open_database(path)
    with db.session() as s:
        for i in range(3):
            units.add_unit(s, f"U{i}", f"Đơn vị {i}")
    return db, path


def test_a_cursor_from_the_drivers_own_execute_never_keeps_an_old_snapshot(tmp_path) -> None:
    """sqlite3's ``Connection.execute()`` makes its cursor in C, without the connection's ``cursor()``:
    such a cursor (the driver's connection used directly, as the search tiers do) was not closed
    when the connection went back to the pool, and the next session read the database as it was."""
    db, path = _units_db(tmp_path)
    with db.engine.connect() as conn:
        cursor = conn.connection.dbapi_connection.execute("SELECT code FROM units ORDER BY code")
        assert cursor.fetchone() == ("U0",)  # stepped, not finished
    from tests import sqlite_guard

    if sqlite_guard.LIBRARY is not None:  # the suite's guard saw it (here it is left open on purpose)
        assert [leak.statements for leak in sqlite_guard.take()] == [["SELECT code FROM units ORDER BY code"]]
    _commit_elsewhere(path, "X1")
    assert db.engine.pool.checkedin() == 1  # the next session takes the very same connection
    with db.session() as s:
        assert s.scalar(text("SELECT count(*) FROM units")) == 4
    db.dispose()


def test_a_result_of_an_earlier_transaction_on_the_same_connection_never_keeps_its_snapshot(tmp_path) -> None:
    """A Connection used for several transactions (commit as you go) is not handed back to the
    pool in between: a result left open in the first one made the second read the first's snapshot."""
    db, path = _units_db(tmp_path)
    with db.engine.connect() as conn:
        first = conn.execute(text("SELECT code FROM units ORDER BY code"))
        assert first.fetchone() == ("U0",)
        conn.commit()
        _commit_elsewhere(path, "X2")
        assert conn.execute(text("SELECT count(*) FROM units")).scalar() == 4
        conn.commit()
    db.dispose()


def _io_error() -> sqlite3.OperationalError:
    exc = sqlite3.OperationalError("disk I/O error")
    exc.sqlite_errorcode, exc.sqlite_errorname = 10, "SQLITE_IOERR"  # what SQLite sets on a real one
    return exc


def test_a_failure_of_the_moment_never_calls_a_healthy_file_damaged(tmp_path, monkeypatch) -> None:
    """Issue 19 item 3: "bị hỏng hoặc không phải cơ sở dữ liệu HoSo: disk I/O error" for a file whose
    integrity_check was fine. The check at open read the live WAL file through a ``mode=ro``
    connection, which can fail with an I/O error while other connections use the file, and called
    any error damage. A failure that is not SQLITE_CORRUPT/NOTADB is retried read-write; if it
    persists, the message says the file could not be read now — never that it is damaged."""
    from app import db as db_module

    path = tmp_path / "a.sqlite"
    open_database(path).dispose()
    real, seen = db_module._read_identity, []

    def failing_once(uri: str):  # noqa: ANN202
        seen.append(uri)
        if len(seen) == 1:
            raise _io_error()
        return real(uri)

    monkeypatch.setattr(db_module, "IDENTITY_PAUSE", 0)
    monkeypatch.setattr(db_module, "_read_identity", failing_once)
    open_database(path).dispose()  # opened: the second reading (read-write) succeeded
    assert seen[0].endswith("?mode=ro") and seen[1].endswith("?mode=rw")

    def always_failing(uri: str):  # noqa: ANN202
        raise _io_error()

    monkeypatch.setattr(db_module, "_read_identity", always_failing)
    with pytest.raises(UserError) as caught:
        open_database(path)
    message = str(caught.value)
    assert "disk I/O error" in message and "lúc này" in message and "bị hỏng hoặc" not in message


def test_a_really_damaged_file_is_still_called_damaged(tmp_path, monkeypatch) -> None:
    from app import db as db_module

    path = tmp_path / "broken.sqlite"
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)  # SQLite's header, then garbage
    monkeypatch.setattr(db_module, "IDENTITY_PAUSE", 0)
    with pytest.raises(UserError, match="bị hỏng hoặc không phải cơ sở dữ liệu HoSo"):
        open_database(path)
    assert path.read_bytes() == b"SQLite format 3\x00" + b"\xff" * 4000


def test_every_database_writes_its_change_log_even_where_an_old_one_lived(tmp_path) -> None:
    """Issue 19 item 24 and the suite's intermittent failures (a history with no entry, a second
    sync that sends nothing after a delete, an access entry without a hash, an import counted
    unchanged): the change-log hook was not installed at all on some databases. ``audit.install``
    asked ``event.contains(factory, …)``, which SQLAlchemy answers from a registry keyed by the
    factory's ``id()``; a closed database's factory is freed at once while its Session class — a
    reference cycle — stays registered until the garbage collector runs, so a new factory made at
    the same address was taken as already hooked: no change log, no version bump, no hash chain.
    Here the address is reused on purpose (CPython reuses a freed block for the next object of
    its size), with the collector held off as it was between two tests."""
    import gc

    from sqlalchemy import func, select
    from sqlalchemy.orm import sessionmaker

    from app import audit, units
    from models import ChangeLog, Unit

    db = open_database(tmp_path / "a.sqlite")
    enabled = gc.isenabled()
    gc.disable()
    try:
        lingering = []
        for _ in range(20):
            old = sessionmaker(db.engine, expire_on_commit=False)
            audit.install(old)
            lingering.append(old.class_)  # what the collector has not freed yet
            address = id(old)
            del old  # a database closed: its factory freed at once
            new = sessionmaker(db.engine, expire_on_commit=False)
            if id(new) == address:
                break
        assert id(new) == address, "CPython did not reuse the freed address: the case is not exercised"
        audit.install(new)
        with new.begin() as s:
            s.info["user"] = "tester"
            units.add_unit(s, "DN", "UBND thành phố Đà Nẵng")
        with new.begin() as s:
            unit = s.scalars(select(Unit)).one()
            assert unit.version == 1
            assert s.scalar(select(func.count()).select_from(ChangeLog).where(ChangeLog.record_id == unit.id)) == 1
            assert s.scalar(select(ChangeLog.hash).where(ChangeLog.record_id == unit.id))
            unit.name = "Thành phố Đà Nẵng"
        with new.begin() as s:  # the bump the sync's pending query compares (a delete sent nothing)
            assert s.get(Unit, unit.id).version == 2
    finally:
        if enabled:
            gc.enable()
        db.dispose()
