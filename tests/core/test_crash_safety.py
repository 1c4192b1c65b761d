"""Crash safety: a process killed with SIGKILL in the middle of a save, an import or a backup leaves
a sound database (integrity_check ok, no dangling reference) holding all of the transaction's
changes or none of them. The child stops at a known point *inside* the transaction — after its
rows were flushed and, thanks to a tiny page cache, partly written to the WAL — writes a marker
file and sleeps; the parent kills it there. (The killed CLI import and the os._exit import live in
test_import_run.py; the kill during a sync is tests/city/test_crash_sync.py when app.city.sync exists.)
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app import people
from tests.core.conftest import person_data
from tests.core.test_import_support import HEADER, cccd_of, person_row, xlsx

ROOT = Path(__file__).resolve().parents[2]
N = 20
pytestmark = pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX")

_PRELUDE = """
import os, sys, time
from pathlib import Path
from sqlalchemy import event
from app.db import open_database
db = open_database(sys.argv[1])
# a tiny page cache: the transaction's pages spill into the WAL before the commit, as a big one would
event.listen(db.engine, "connect", lambda con, _rec: con.execute("PRAGMA cache_size=8"))
db.engine.dispose()
marker = Path(sys.argv[2])
def stop_here(label):
    # written whole under a temporary name, then renamed: the parent, polling for the marker, must
    # never find it created but still empty (it would kill us before the label is written)
    part = marker.with_name(marker.name + ".part")
    part.write_text(label)
    os.replace(part, marker)
    time.sleep(600)  # the parent kills us here
"""

_SAVE = _PRELUDE + """
from app import people
from tests.core.conftest import person_data
with db.session("crash") as s:
    for i in range(1, int(sys.argv[3]) + 1):
        people.update_person(s, f"048085{i:06d}", {
            "full_name": f"Đã Sửa {i}", "position": "Trưởng phòng",
            "work_history": [{"start_date": "01/01/2000", "unit_name": f"Đơn vị {i}-{k}", "position": "x" * 200}
                             for k in range(20)]})
        s.flush()
        if i == int(sys.argv[4]):
            stop_here("mid-save")  # flushed, not committed
stop_here("committed")  # committed, the process dies before a checkpoint or a clean close
"""

_IMPORT = _PRELUDE + """
from app.exchange.importer import open_import, run_import
source = open_import(sys.argv[3])
def progress(done, total):
    if done == 40:  # forty rows flushed inside the import's one transaction
        stop_here("mid-import")
run_import(db, source, source.mapping, progress=progress)
"""

_BACKUP = _PRELUDE + """
from app import backup
real_copy = backup._copy
def slow_copy(source, dest, **options):
    real_copy(source, dest, **options)
    stop_here("copied, not yet verified and renamed")
backup._copy = slow_copy
backup.backup(db, sys.argv[3])
"""


def run_until_marker(script: str, *args: str, timeout: float = 600) -> tuple[str, int]:
    """Start ``script`` in a child, wait for its marker, SIGKILL it; return (marker text, WAL size then)."""
    marker = Path(args[1])
    child = subprocess.Popen([sys.executable, "-c", script, *args], cwd=ROOT, stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE, text=True, env=os.environ | {"PYTHONPATH": str(ROOT)})
    started = time.monotonic()
    try:
        while not marker.exists():
            if child.poll() is not None:
                raise AssertionError(f"the child ended before the marker: {child.stderr.read()}")
            if time.monotonic() - started > timeout:
                raise AssertionError("the child never reached the marker")
            time.sleep(0.05)
        wal = Path(args[0] + "-wal")
        wal_size = wal.stat().st_size if wal.exists() else 0
        os.kill(child.pid, signal.SIGKILL)
        assert child.wait(timeout=30) == -signal.SIGKILL
    finally:
        if child.poll() is None:
            child.kill()
        child.stderr.close()
    return marker.read_text(), wal_size


def assert_sound(path: Path) -> sqlite3.Connection:
    """Open the file as the next HoSo start would (WAL recovery) and check it; return the connection."""
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    return con


@pytest.fixture
def seeded(db, tmp_path) -> Path:
    with db.session("tester") as s:
        for i in range(1, N + 1):
            people.create_person(s, person_data(cccd=f"048085{i:06d}", full_name=f"Người Thứ {i}"))
    path = Path(db.url.removeprefix("sqlite:///"))
    db.dispose()
    return path


def _names(con: sqlite3.Connection) -> set[str]:
    return {r[0] for r in con.execute("SELECT full_name FROM persons")}


def _log_count(con: sqlite3.Connection) -> int:
    return con.execute("SELECT count(*) FROM change_log").fetchone()[0]


@pytest.mark.parametrize("stop_at", [1, 13, N])
def test_kill_during_a_save_keeps_none_of_it(seeded, tmp_path, stop_at) -> None:
    before = assert_sound(seeded)
    log_before, names_before = _log_count(before), _names(before)
    before.close()
    label, wal_size = run_until_marker(_SAVE, str(seeded), str(tmp_path / "marker"), str(N), str(stop_at))
    assert label == "mid-save"
    if stop_at == N:
        assert wal_size > 100_000  # the uncommitted transaction really was on disk when it died
    con = assert_sound(seeded)
    assert _names(con) == names_before and _log_count(con) == log_before
    assert con.execute("SELECT count(*) FROM work_history WHERE unit_name LIKE 'Đơn vị %'").fetchone()[0] == 0
    con.close()


def test_kill_after_the_commit_keeps_all_of_it(seeded, tmp_path) -> None:
    label, _ = run_until_marker(_SAVE, str(seeded), str(tmp_path / "marker"), str(N), "0")
    assert label == "committed"  # the process died before any checkpoint or clean close
    con = assert_sound(seeded)
    assert _names(con) == {f"Đã Sửa {i}" for i in range(1, N + 1)}
    assert con.execute("SELECT count(*) FROM work_history WHERE unit_name LIKE 'Đơn vị %'").fetchone()[0] == 20 * N
    con.close()


def test_kill_during_an_import_keeps_none_of_it(seeded, tmp_path) -> None:
    rows = [person_row(i, f"Người Nhập {i}", cccd_of(i)) for i in range(1, 81)]
    sheet = xlsx(tmp_path / "big.xlsx", [HEADER, *rows])
    before = assert_sound(seeded)
    count_before, log_before = before.execute("SELECT count(*) FROM persons").fetchone()[0], _log_count(before)
    before.close()
    label, wal_size = run_until_marker(_IMPORT, str(seeded), str(tmp_path / "marker"), str(sheet))
    assert label == "mid-import" and wal_size > 0
    con = assert_sound(seeded)
    assert con.execute("SELECT count(*) FROM persons").fetchone()[0] == count_before == N
    assert _log_count(con) == log_before
    con.close()


def test_kill_during_a_backup_leaves_no_half_file_and_the_database_untouched(seeded, tmp_path) -> None:
    out = tmp_path / "copy.sqlite"
    label, _ = run_until_marker(_BACKUP, str(seeded), str(tmp_path / "marker"), str(out))
    assert label.startswith("copied")
    assert not out.exists()  # only the temporary name existed; the final name is all or nothing
    assert_sound(seeded).close()


def test_the_durability_settings_of_every_connection(db) -> None:
    with db.engine.connect() as con:
        mode = con.exec_driver_sql("PRAGMA journal_mode").scalar()
        sync = con.exec_driver_sql("PRAGMA synchronous").scalar()
        fks = con.exec_driver_sql("PRAGMA foreign_keys").scalar()
    assert (mode, sync, fks) == ("wal", 2, 1)  # WAL, synchronous=FULL, foreign keys enforced
