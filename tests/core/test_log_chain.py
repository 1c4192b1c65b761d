"""Issue 13, "Tamper-evident history" (STYLE 24): the append-only triggers come back at every open,
the change and access logs are hash chains, ``audit verify`` names the first broken link and its time,
and the window warns the administrator. The attacks are made with ``sqlite3`` on the file, as an
attacker with the file would make them."""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import subprocess
import sys
import threading
import uuid
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from app import backup, demo
from app.db import make_engine, open_database
from app.security import access, chain
from app.service import HoSoService
from models import ChangeLog, LogHead, Person
from models.security import AccessLog

ROOT = Path(__file__).resolve().parents[2]
TRIGGERS = {f"{t}_no_{v}" for t in ("change_log", "access_log", "review_events") for v in ("update", "delete")}


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    path = tmp_path / "hoso.sqlite"
    db = open_database(path)
    try:
        demo.generate(db, 8, seed=3)
        rename(db, "Trần Thị Bình")
        rename(db, "Trần Thị Bình An")
        with db.session() as s:
            person = s.scalars(select(Person).limit(1)).one()
        with db.session("an") as s:
            access.log(s, "an", "view", person.id, "xem hồ sơ")
            access.log_many(s, "an", "print", [person.id, uuid.uuid4()], "in danh sách")
        backup.record(path, "an", "backup", "sao lưu thử")
    finally:
        db.dispose()
    return path


def rename(db, name: str) -> None:  # noqa: ANN001
    """A write through the flush hook (one ``update`` entry in the change log)."""
    with db.session("an") as s:
        s.scalars(select(Person).order_by(Person.id).limit(1)).one().full_name = name


def raw(path: Path, *sql: str) -> None:
    con = sqlite3.connect(path)
    try:
        for statement in sql:
            con.execute(statement)
        con.commit()
    finally:
        con.close()


def rows(path: Path, sql: str) -> list:
    con = sqlite3.connect(path)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def verify(path: Path) -> chain.Report:
    """The whole chain as the file has it (a plain engine: not HoSo's open, which restores triggers)."""
    engine = make_engine(f"sqlite:///{path}")
    try:
        with engine.connect() as conn:
            return chain.verify(conn)
    finally:
        engine.dispose()


def cli(path: Path, *argv: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "HOSO_FAST_HASH": "1"}
    return subprocess.run([sys.executable, "main.py", *argv, "--db", str(path)], cwd=ROOT, capture_output=True,
                          text=True, env=env)


def test_every_writer_chains_its_entries(db_path: Path) -> None:
    report = verify(db_path)
    count = rows(db_path, "SELECT (SELECT count(*) FROM change_log) + (SELECT count(*) FROM access_log)")[0][0]
    assert report.as_json() == {"ok": True, "entries": count, "first_break": None}
    # the flush hook, log_many, backup.record and the demo's fast path all wrote entries
    assert rows(db_path, "SELECT count(*) FROM change_log WHERE by = 'demo'")[0][0] >= 8
    assert {r[0] for r in rows(db_path, "SELECT action FROM access_log")} >= {"view", "print", "backup"}
    assert rows(db_path, "SELECT count(*) FROM change_log WHERE hash IS NULL")[0][0] == 0
    for table in ("change_log", "access_log"):  # the head is the newest entry
        (last_id, last_hash, n), = rows(db_path, f"SELECT id, hash, (SELECT count(*) FROM {table}) FROM {table} "
                                                 "ORDER BY id DESC LIMIT 1")
        assert rows(db_path, f"SELECT last_id, hash, count FROM log_heads WHERE name = '{table}'") == [
            (last_id, last_hash, n)]
    result = cli(db_path, "audit", "verify", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {"ok": True, "entries": count, "first_break": None}


def test_the_attack_of_the_issue(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """drop trigger …; delete from change_log …; update persons … with sqlite3 on the file."""
    victim, deleted_at = rows(db_path, "SELECT record_id, at FROM change_log WHERE action = 'update' LIMIT 1")[0]
    (deleted,), = rows(db_path, "SELECT id FROM change_log WHERE action = 'update' LIMIT 1")
    raw(db_path, "DROP TRIGGER change_log_no_delete", "DROP TRIGGER change_log_no_update",
        f"DELETE FROM change_log WHERE id = {deleted}",
        f"UPDATE persons SET full_name = 'Kẻ Giả Mạo' WHERE id = '{victim}'")
    assert not TRIGGERS <= {r[0] for r in rows(db_path, "SELECT name FROM sqlite_master WHERE type = 'trigger'")}

    db = open_database(db_path)  # the next open: the triggers are back, and that is logged
    try:
        assert TRIGGERS <= {r[0] for r in rows(db_path, "SELECT name FROM sqlite_master WHERE type = 'trigger'")}
        with pytest.raises(sqlite3.IntegrityError, match="chỉ được ghi thêm"):
            raw(db_path, "DELETE FROM change_log WHERE id = 1")
        (detail,), = rows(db_path, "SELECT detail FROM access_log WHERE action = 'integrity'")
        assert "change_log_no_delete" in detail
        warning = chain.startup_warning(db)
        assert warning and "audit verify" in warning and "đã bị thay đổi ngoài HoSo" in warning
        assert "change_log_no_delete" in warning  # and the triggers had been removed
    finally:
        db.dispose()

    result = cli(db_path, "audit", "verify", "--json")
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["ok"] is False
    assert report["first_break"]["table"] == "change_log"
    assert report["first_break"]["id"] == deleted + 1  # the entry after the gap no longer links
    (after_at,), = rows(db_path, f"SELECT at FROM change_log WHERE id = {deleted + 1}")
    assert dt.datetime.fromisoformat(report["first_break"]["at"]).replace(tzinfo=None) == \
        dt.datetime.fromisoformat(after_at)
    human = cli(db_path, "audit", "verify")
    assert human.returncode == 1 and f"mục số {deleted + 1}" in human.stderr


def test_the_window_warns_the_administrator(db_path: Path, qtbot, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QApplication, QMessageBox

    from ui import application, login, main_window

    raw(db_path, "DROP TRIGGER access_log_no_update", "UPDATE access_log SET detail = 'không có gì' WHERE id = 1")
    shown: list[str] = []
    built: list = []

    class Captured(main_window.MainWindow):
        def __init__(self, service: HoSoService):
            super().__init__(service)
            built.append(self)

    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda _parent, _title, message, *a: shown.append(message)))
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a: QMessageBox.StandardButton.No))
    monkeypatch.setattr(login, "start_session", lambda db, parent=None: HoSoService(db))  # the file's administrator
    monkeypatch.setattr(main_window, "MainWindow", Captured)
    monkeypatch.setattr(QApplication, "exec", lambda *_args: 0)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    try:
        assert application.run_app(str(db_path)) == 0
    finally:
        for win in built:
            qtbot.addWidget(win)
            win.close()
            win.service.db.dispose()
    assert len(shown) == 1
    assert "nhật ký truy cập, mục số 1" in shown[0] and "access_log_no_update" in shown[0]


def test_an_edited_entry_is_named(db_path: Path) -> None:
    (target,), = rows(db_path, "SELECT id FROM change_log WHERE action = 'update' LIMIT 1")
    raw(db_path, "DROP TRIGGER change_log_no_update",
        f"UPDATE change_log SET new = 'Người Khác' WHERE id = {target}")
    report = verify(db_path)
    assert not report.ok and report.first_break.table == "change_log" and report.first_break.id == target
    assert "bị sửa" in report.first_break.reason


def test_a_removed_tail_is_seen(db_path: Path) -> None:
    (last,), = rows(db_path, "SELECT max(id) FROM access_log")
    raw(db_path, "DROP TRIGGER access_log_no_delete", f"DELETE FROM access_log WHERE id > {last - 2}")
    report = verify(db_path)
    assert report.first_break.as_json()["table"] == "access_log"
    assert report.first_break.id == last - 1  # the first entry missing
    assert "các mục cuối" in report.first_break.reason
    assert report.first_break.at is not None  # the time of the last entry still there


def test_a_removed_tail_is_seen_even_after_hoso_wrote_again(db_path: Path) -> None:
    (last,), = rows(db_path, "SELECT max(id) FROM access_log")
    raw(db_path, "DROP TRIGGER access_log_no_delete", f"DELETE FROM access_log WHERE id = {last}")
    db = open_database(db_path)  # writes an entry (the triggers were restored): chained onto the head
    db.dispose()
    report = verify(db_path)
    assert not report.ok and report.first_break.table == "access_log" and report.first_break.id == last + 1


def test_an_entry_added_outside_hoso_is_seen(db_path: Path) -> None:
    raw(db_path, "INSERT INTO access_log (at, by, action, detail) VALUES ('2026-01-01 00:00:00.000000', 'x', "
                 "'view', 'thêm tay')")
    report = verify(db_path)
    assert not report.ok and report.first_break.table == "access_log"


def test_the_check_at_start_is_incremental_and_remembers(db_path: Path) -> None:
    db = open_database(db_path)
    try:
        assert chain.startup_warning(db) is None
        with db.session() as s:
            heads = {h.name: h for h in s.scalars(select(LogHead))}
            assert heads["change_log"].verified_id == heads["change_log"].last_id
            report = chain.quick_check(s)  # nothing new since: the head, the count, the last link, a sample
            assert report.ok and report.entries == 2  # one link per log
        rename(db, "Lê Văn Cường")
        rename(db, "Lê Văn Cường Em")
        with db.session() as s:
            assert chain.quick_check(s, remember=False).entries >= 3
    finally:
        db.dispose()
    # an entry written after the verified point, edited outside HoSo: the check at start sees it
    (newest,), = rows(db_path, "SELECT max(id) FROM change_log")
    raw(db_path, "DROP TRIGGER change_log_no_update", f"UPDATE change_log SET new = 'x' WHERE id = {newest}")
    db = open_database(db_path)
    try:
        with db.session() as s:
            report = chain.quick_check(s)
        assert report.first_break.id == newest
        # an entry deleted before the verified point: the count tells, the whole walk names it
        raw(db_path, "DROP TRIGGER change_log_no_delete", "DELETE FROM change_log WHERE id = 3")
        with db.session() as s:
            report = chain.quick_check(s)
        assert report.first_break.table == "change_log" and report.first_break.id == 4
    finally:
        db.dispose()


def test_a_viewer_may_not_verify(db_path: Path) -> None:
    from app.errors import UserError
    from app.security.principal import Principal

    db = open_database(db_path)
    try:
        viewer = Principal("xem", "viewer", frozenset(), False)
        with pytest.raises(UserError, match="xem"):
            chain.verify_database(db, viewer)
        assert chain.startup_warning(db, viewer) is None  # the warning is the administrator's
    finally:
        db.dispose()


def test_two_writers_do_not_fork_the_chain(db_path: Path) -> None:
    db = open_database(db_path)
    errors: list[BaseException] = []

    def write(name: str) -> None:
        try:
            for i in range(25):
                access.log_cli(db, "view", [uuid.uuid4()], f"{name} {i}")
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    try:
        threads = [threading.Thread(target=write, args=(n,)) for n in ("a", "b", "c")]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert not errors
        with db.session() as s:
            assert chain.verify(s).ok
            assert s.scalar(select(func.count()).select_from(AccessLog)) >= 75
    finally:
        db.dispose()


def test_migration_0009_chains_the_existing_entries(tmp_path: Path) -> None:
    from alembic.script import ScriptDirectory

    from app.db import alembic_config, make_engine, migrate

    path = tmp_path / "old.sqlite"
    engine = make_engine(f"sqlite:///{path}")
    before = ScriptDirectory.from_config(alembic_config(engine)).get_revision("0009").down_revision
    migrate(engine, path, before)  # the schema just before the chain
    with engine.begin() as conn:
        for i in range(7):
            conn.execute(text("INSERT INTO access_log (at, by, action, detail) VALUES (:at, 'an', 'view', :d)"),
                         {"at": f"2026-0{i + 1}-01 08:00:00.000000", "d": f"mục {i}"})
            conn.execute(text("INSERT INTO change_log (at, by, action, entity, record_id, field, new) VALUES "
                              "(:at, 'an', 'create', 'unit', :r, '*', '{}')"),
                         {"at": f"2026-0{i + 1}-02 08:00:00", "r": uuid.uuid4().hex})
    engine.dispose()
    db = open_database(path)  # migrates to the head: 0009 computes the chain in id order
    try:
        with db.session() as s:
            report = chain.verify(s)
            assert report.as_json() == {"ok": True, "entries": 14, "first_break": None}
            assert s.scalar(select(LogHead.count).where(LogHead.name == "access_log")) == 7
            assert s.scalar(select(func.count()).select_from(ChangeLog).where(ChangeLog.hash.is_(None))) == 0
        with db.session() as s:  # the next entry links onto the migrated chain
            access.log(s, "an", "view", None, "sau khi nâng cấp")
        with db.session() as s:
            assert chain.verify(s).ok
    finally:
        db.dispose()
    assert TRIGGERS <= {r[0] for r in rows(path, "SELECT name FROM sqlite_master WHERE type = 'trigger'")}


def test_the_head_the_sync_can_send(db_path: Path) -> None:
    db = open_database(db_path)
    try:
        with db.session() as s:
            heads = chain.head(s)
            assert set(heads) == {"change_log", "access_log"}
            for table, h in heads.items():
                assert chain.hash_at(s, table, h["id"]) == h["hash"]
                assert h["count"] == s.scalar(select(func.count()).select_from(chain.MODELS[table]))
    finally:
        db.dispose()


def test_the_chain_on_postgresql_with_concurrent_writers(tmp_path: Path) -> None:
    psycopg = pytest.importorskip("psycopg")
    server = os.environ.get("HOSO_TEST_PG", "postgresql://postgres@127.0.0.1:5432/postgres")
    try:
        admin = psycopg.connect(server, autocommit=True, connect_timeout=5)
    except psycopg.OperationalError as exc:
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL is required in CI: {exc}")
        pytest.skip(f"no PostgreSQL server reachable: {exc}")
    name = f"hoso_chain_{uuid.uuid4().hex[:10]}"
    admin.execute(f'CREATE DATABASE "{name}" ENCODING \'UTF8\' TEMPLATE template0')
    url = f"{server.rsplit('/', 1)[0].replace('postgresql://', 'postgresql+psycopg://')}/{name}"
    try:
        db = open_database(url)
        errors: list[BaseException] = []

        def write(tag: str) -> None:
            try:
                for i in range(20):
                    with db.session(tag) as s:  # no write lock asked for: the chain's own lock serialises
                        access.log(s, tag, "view", uuid.uuid4(), f"{tag} {i}")
                        access.log_many(s, tag, "print", [uuid.uuid4(), uuid.uuid4()], tag)
            except BaseException as exc:  # noqa: BLE001
                errors.append(exc)

        threads = [threading.Thread(target=write, args=(t,)) for t in ("a", "b", "c", "d")]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert not errors
        with db.session() as s:
            report = chain.verify(s)
            assert report.ok and report.entries == s.scalar(
                select(func.count()).select_from(AccessLog)) + s.scalar(select(func.count()).select_from(ChangeLog))
            assert report.entries >= 240
        with db.engine.begin() as conn:  # an edit as the owner, triggers aside, is named
            conn.exec_driver_sql("ALTER TABLE access_log DISABLE TRIGGER USER")
            conn.exec_driver_sql("UPDATE access_log SET detail = 'sửa' WHERE id = 5")
            conn.exec_driver_sql("ALTER TABLE access_log ENABLE TRIGGER USER")
        with db.session() as s:
            assert chain.verify(s).first_break.id == 5
        db.dispose()
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()
