"""Crash safety of a sync (SQLite → PostgreSQL): the process is killed with SIGKILL while a batch's
transaction is open at the city (rows written and flushed, not committed). The city keeps exactly
the batches committed before, the local file stays sound, and the next run converges.
(test_sync.py covers the other window: killed after the city's commit, before the local record.)"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import func, select

from app.catalogs import load_catalogs
from app.city.sync import sync
from app.db import Database, open_database
from models import Person, SyncRecord
from tests.city.conftest import SERVER
from tests.city.test_sync import UNITS, _add, _same
from tests.core.conftest import make_database

ROOT = Path(__file__).resolve().parents[2]
pytestmark = [pytest.mark.city, pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX")]

_CHILD = """
import sys, time
from pathlib import Path
from app.city import sync as sync_module
from app.db import open_database
real = sync_module.send_push
calls = []
class Stopping:
    def __init__(self, push):
        self.push, self.pg = push, push.pg
    def wait(self):
        ticket = self.push.wait()  # the second batch: written at the city, not committed
        Path(sys.argv[3]).write_text("mid-batch")
        time.sleep(600)  # the parent kills us here
        return ticket
    def commit(self):
        return self.push.commit()
def send_then_stop(pg, docs, **kw):
    push = real(pg, docs, **kw)
    calls.append(1)
    return Stopping(push) if len(calls) == 2 else push
sync_module.send_push = send_then_stop
sync_module.sync(open_database(sys.argv[1]), sys.argv[2], batch_size=5)
"""


def _admin() -> psycopg.Connection:
    return psycopg.connect(SERVER, autocommit=True, connect_timeout=5)


@pytest.fixture(scope="module")
def city_template(pg_url: str) -> str:
    from app import units
    from app.city.init import city_init

    city = open_database(pg_url)
    with city.session("admin") as s:
        load_catalogs(s)
        for code, name, parent in UNITS:
            units.add_unit(s, code, name, parent)
    city_init(city)
    city.dispose()
    return pg_url


@pytest.fixture
def city_url(city_template: str) -> Iterator[str]:
    name = f"hoso_crash_{uuid.uuid4().hex[:10]}"
    with _admin() as admin:
        admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{city_template.rsplit("/", 1)[1]}"')
    url = city_template.rsplit("/", 1)[0] + "/" + name
    try:
        yield url
    finally:
        with _admin() as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _count(db: Database, model) -> int:  # noqa: ANN001
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(model))


def test_kill_during_a_sync_batch_keeps_the_city_whole(tmp_path, city_url) -> None:
    local = make_database(tmp_path)
    ids = _add(local, 12)
    local.dispose()
    marker = tmp_path / "marker"
    child = subprocess.Popen([sys.executable, "-c", _CHILD, str(tmp_path / "hoso.sqlite"), city_url, str(marker)],
                             cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                             env=os.environ | {"PYTHONPATH": str(ROOT)})
    started = time.monotonic()
    while not marker.exists():
        assert child.poll() is None, child.stderr.read()
        assert time.monotonic() - started < 600, "the child never reached the second batch"  # a ceiling, not a delay
        time.sleep(0.05)
    os.kill(child.pid, signal.SIGKILL)
    assert child.wait(timeout=30) == -signal.SIGKILL
    child.stderr.close()

    city = open_database(city_url, migrate_schema=False)
    local = open_database(tmp_path / "hoso.sqlite")
    try:
        assert _count(city, Person) == 5  # batch 1 committed; batch 2 not there at all
        con = sqlite3.connect(tmp_path / "hoso.sqlite")
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        con.close()
        assert _count(local, SyncRecord) == 5  # batch 1 was confirmed locally after its commit
        summary = sync(local, city_url, batch_size=5)
        assert (summary.sent, summary.inserted) == (7, 7)
        assert _count(city, Person) == 12
        for person_id in ids:
            _same(local, city, person_id)
    finally:
        city.dispose()
        local.dispose()
