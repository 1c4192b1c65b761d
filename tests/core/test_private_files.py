"""Issue 13, "Files are private": everything HoSo writes that holds personal data is 0600 inside 0700
folders whatever the user's umask (POSIX). The command line is run for real, as a subprocess started
with the usual umask 022; the editor's recovery files in-process under the composition root's umask."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from app.db import open_database

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX (Windows: the profile's ACL)")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def hoso(data: Path, *argv: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "HOSO_DATA_DIR": str(data), "HOSO_FAST_HASH": "1"}
    result = subprocess.run([sys.executable, "main.py", *argv], cwd=ROOT, capture_output=True, text=True, env=env,
                            preexec_fn=lambda: os.umask(0o022))  # the usual umask: files 0644, folders 0755
    assert result.returncode == 0, (argv, result.stderr)
    return result


def test_the_command_line_writes_every_file_0600_in_0700_folders(tmp_path: Path) -> None:
    data = tmp_path / "data"  # HoSo makes its data folder (and logs/, backups/ in it)
    work = tmp_path / "work"  # the user's own folder: its mode is the user's business, not HoSo's
    work.mkdir(mode=0o755)
    os.chmod(work, 0o755)
    db = work / "hoso.sqlite"
    hoso(data, "demo", "--count", "6", "--db", str(db))
    cccd = json.loads(hoso(data, "search", "", "--limit", "1", "--json", "--db", str(db)).stdout)[0]["cccd"]
    hoso(data, "export", str(work / "list.xlsx"), "--db", str(db))
    hoso(data, "report", "2c", cccd, "--out", str(work / "profile.pdf"), "--db", str(db))
    hoso(data, "audit", "--out", str(work / "audit.xlsx"), "--db", str(db))
    hoso(data, "backup", "--out", str(work / "copy.sqlite"), "--db", str(db))
    os.chmod(db, 0o644)  # the database as an older HoSo left it: the restored file must not inherit it
    hoso(data, "restore", str(work / "copy.sqlite"), "--db", str(db))

    written = sorted(p for p in work.iterdir())
    names = {p.name for p in written}
    assert {"hoso.sqlite", "list.xlsx", "profile.pdf", "audit.xlsx", "copy.sqlite"} <= names
    assert any(n.startswith("hoso.sqlite.before-restore") for n in names)
    assert {p.name: oct(mode(p)) for p in written} == {p.name: oct(0o600) for p in written}
    assert (data / "logs" / "hoso.log").is_file()
    for path in [data, *data.rglob("*")]:
        assert mode(path) == (0o700 if path.is_dir() else 0o600), path
    assert mode(work) == 0o755  # a folder the user chose is left as it was


def test_an_existing_database_and_its_wal_are_tightened_at_open(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    open_database(path).dispose()
    os.chmod(path, 0o644)
    for side in ("-wal", "-shm"):  # left behind 0644 by an older HoSo
        (tmp_path / f"old.sqlite{side}").touch(mode=0o644)
        os.chmod(tmp_path / f"old.sqlite{side}", 0o644)
    (tmp_path / "old.sqlite-wal").unlink()  # an empty -wal is not a valid one; SQLite makes its own
    old = os.umask(0o022)
    try:
        db = open_database(path)
        with db.session() as s:  # a connection is open: SQLite has its -wal and -shm now
            s.connection().exec_driver_sql("CREATE TEMP TABLE t (x)")
            s.connection().exec_driver_sql("SELECT count(*) FROM persons").scalar()
            sides = [tmp_path / f"old.sqlite{side}" for side in ("", "-wal", "-shm")]
            assert {p.name: oct(mode(p)) for p in sides if p.exists()} == {p.name: oct(0o600) for p in sides
                                                                         if p.exists()}
            assert (tmp_path / "old.sqlite-shm").exists()
        db.dispose()
    finally:
        os.umask(old)


def test_recovery_files_are_private(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import main
    from ui import application, main_window

    class Editor:
        def form_state(self) -> dict:
            return {"person_id": None, "full_name": "Nguyễn Văn An", "cccd": "048085001234"}

    data = tmp_path / "data"
    (data / "recovery").mkdir(parents=True, mode=0o755)  # made by an older HoSo
    os.chmod(data / "recovery", 0o755)
    monkeypatch.setenv("HOSO_DATA_DIR", str(data))
    monkeypatch.setattr(main_window, "editor_widgets", lambda: [Editor()])
    old = os.umask(0o022)
    try:
        main.private_files()  # what main.main() does first, before the window exists
        kept = application.keep_unsaved_work()
    finally:
        os.umask(old)
    assert len(kept) == 1 and "Nguyễn Văn An" in kept[0].read_text(encoding="utf-8")
    assert mode(kept[0]) == 0o600
    assert mode(kept[0].parent) == 0o700


def test_errors_in_the_log_carry_no_values(tmp_path: Path) -> None:
    """A database error's text (what ``main`` logs) names the statement, never the personal values."""
    from sqlalchemy.exc import IntegrityError

    from app.security import access

    db = open_database(tmp_path / "h.sqlite")
    try:
        with pytest.raises(IntegrityError) as caught, db.session() as s:
            access.log(s, "an", "view", detail="Nguyễn Văn An 048085001234")
            s.flush()
            s.connection().exec_driver_sql("INSERT INTO units (id, code, name) VALUES (?, ?, ?)",
                                           ("x", "048085001234", None))
        assert "048085001234" not in str(caught.value)
    finally:
        db.dispose()


def test_the_backup_default_folder_is_private(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from app import backup

    monkeypatch.setenv("HOSO_DATA_DIR", str(tmp_path / "fresh"))
    db = open_database(tmp_path / "b.sqlite")
    try:
        info = backup.auto_backup(db, kind="daily")
    finally:
        db.dispose()
    assert mode(info.path.parent) == 0o700 and info.path.parent == backup.default_folder()
    assert mode(info.path) == 0o600
    assert mode(tmp_path / "fresh") == 0o700
    sqlite3.connect(info.path).close()
