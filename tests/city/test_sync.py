"""``sync --to URL``: a unit's SQLite pushed to a real PostgreSQL city database."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import func, select, text

from app import attachments, people, units
from app.catalogs import load_catalogs
from app.city import sync as sync_module
from app.city.sync import sync
from app.db import Database, open_database
from app.errors import UserError
from app.person_json import person_json
from models import Attachment, ChangeLog, Person, SyncRecord, SyncRun, Training
from tests.city.conftest import SERVER
from tests.core.conftest import make_database, person_data

ROOT = Path(__file__).resolve().parents[2]
UNITS = (("DN", "UBND thành phố Đà Nẵng", None), ("DN.SNV", "Sở Nội vụ", "DN"),
         ("DN.SNV.CCVC", "Phòng Công chức, viên chức", "DN.SNV"), ("DN.P.HAICHAU", "UBND phường Hải Châu", "DN"))
PHOTO = b"\x89PNG\r\n\x1a\n" + b"anh the" * 50


def _admin() -> psycopg.Connection:
    return psycopg.connect(SERVER, autocommit=True, connect_timeout=5)


@pytest.fixture(scope="module")
def city_template(pg_url: str) -> str:
    """The module's database prepared as a city database; each test copies it."""
    city = open_database(pg_url)
    with city.session("admin") as s:
        load_catalogs(s)
        for code, name, parent in UNITS:
            units.add_unit(s, code, name, parent)
    try:
        from app.city.init import city_init
        city_init(city)
    except ImportError:  # pragma: no cover - before city init exists
        pass
    city.dispose()
    return pg_url


@pytest.fixture
def city_url(city_template: str) -> Iterator[str]:
    template = city_template.rsplit("/", 1)[1]
    name = f"hoso_sync_{uuid.uuid4().hex[:10]}"
    with _admin() as admin:
        admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    url = city_template.rsplit("/", 1)[0] + "/" + name
    try:
        yield url
    finally:
        with _admin() as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def city(city_url: str) -> Iterator[Database]:
    database = open_database(city_url, migrate_schema=False)
    yield database
    database.dispose()


@pytest.fixture
def local(tmp_path: Path) -> Iterator[Database]:
    database = make_database(tmp_path)
    yield database
    database.dispose()


def _cccd(i: int) -> str:
    return f"0480850{i:05d}"


def _add(db: Database, count: int, unit: str = "DN.SNV") -> list[uuid.UUID]:
    ids = []
    with db.session("clerk") as s:
        for i in range(count):
            ids.append(people.create_person(s, person_data(cccd=_cccd(i), full_name=f"Nguyễn Văn Số {i}",
                                                           unit_code=unit)).id)
    return ids


def _comparable(doc: dict) -> dict:
    from app.city.apply import token

    doc = dict(doc)
    doc["updated_at"] = token(doc["version"], doc["updated_at"])[1]
    return doc


def _same(local: Database, city: Database, person_id: uuid.UUID) -> None:
    with local.session() as a, city.session() as b:
        assert _comparable(person_json(b, person_id)) == _comparable(person_json(a, person_id))


def test_first_sync_then_nothing_to_send(local: Database, city: Database, city_url: str) -> None:
    ids = _add(local, 3)
    first = sync(local, city_url, batch_size=2)
    assert (first.sent, first.inserted, first.updated, first.unchanged, first.rejected) == (3, 3, 0, 0, 0)
    assert first.pending == 0
    for person_id in ids:
        _same(local, city, person_id)
    second = sync(local, city_url)
    assert second.sent == 0 and second.inserted == 0
    with local.session() as s:
        runs = s.scalars(select(SyncRun).order_by(SyncRun.id)).all()
        assert [r.status for r in runs] == ["done", "done"]
        assert runs[0].summary["inserted"] == 3
        assert s.scalar(select(func.count()).select_from(SyncRecord)) == 3


def test_a_long_sync_keeps_the_citys_statistics_current(local: Database, city: Database, city_url: str) -> None:
    """From the 4th batch on (4, 8, 16, …) the city's person tables are analysed: a first sync that
    grows them from nothing must not leave the planner with empty-table statistics."""
    _add(local, 5)
    with city.session() as s:
        before = s.scalar(text("SELECT last_analyze FROM pg_stat_user_tables WHERE relname = 'persons'"))
    assert before is None  # a fresh city database (autovacuum may be off on the server)
    result = sync(local, city_url, batch_size=1)
    assert result.inserted == 5
    with city.session() as s:
        analysed = dict(s.execute(text("SELECT relname, last_analyze FROM pg_stat_user_tables "
                                       "WHERE relname IN ('persons', 'training', 'change_log')")).all())
    assert all(analysed[t] is not None for t in ("persons", "training", "change_log")), analysed


def test_the_citys_statistics_are_not_refreshed_while_current(local: Database, city: Database,
                                                              city_url: str) -> None:
    """``hoso_api.analyze`` skips person tables that have not grown by a tenth since their
    statistics were gathered (a small sync to a large city never waits for an ANALYZE); more than
    10 seconds apart, so the throttle is not what skips it."""
    import time

    def last() -> object:
        with city.session() as s:
            return s.scalar(text("SELECT last_analyze FROM pg_stat_user_tables WHERE relname = 'persons'"))

    ids = _add(local, 40)
    assert sync(local, city_url).inserted == 40  # a first batch to an empty city: analysed
    analysed = last()
    assert analysed is not None
    time.sleep(10.5)
    with local.session("clerk") as s:
        people.update_person(s, ids[0], {"phone": "0911222333"})
    assert sync(local, city_url).updated == 1  # asks for an ANALYZE after its batch: nothing grew
    assert last() == analysed
    with local.session("clerk") as s:
        for i in range(200):
            people.create_person(s, person_data(cccd=f"0480860{i:05d}", full_name=f"Trần Văn Số {i}", unit_code="DN.SNV"))
    assert sync(local, city_url).inserted == 200  # the city grew far more than a tenth: analysed
    assert last() != analysed


def test_incremental_field_and_sections(local: Database, city: Database, city_url: str) -> None:
    ids = _add(local, 3)
    sync(local, city_url)
    with local.session("clerk") as s:
        people.update_person(s, ids[0], {"phone": "0911222333"})
        doc = person_json(s, ids[1])
        people.update_person(s, ids[1], {"training": doc["training"][:1] + [
            {"kind": "it", "institution": "Trung tâm Tin học", "qualification": "Chứng chỉ ứng dụng CNTT cơ bản"}]})
    result = sync(local, city_url)
    assert (result.sent, result.updated, result.inserted) == (2, 2, 0)
    with city.session() as s:
        assert s.scalar(select(Person.phone).where(Person.id == ids[0])) == "0911222333"
        names = s.scalars(select(Training.institution).where(Training.person_id == ids[1])
                          .order_by(Training.seq)).all()
        assert names == [doc["training"][0]["institution"], "Trung tâm Tin học"]
    for person_id in ids:
        _same(local, city, person_id)


def test_deletion_travels_as_a_tombstone(local: Database, city: Database, city_url: str) -> None:
    ids = _add(local, 2)
    sync(local, city_url)
    with local.session("clerk") as s:
        people.delete_person(s, ids[0])
    result = sync(local, city_url)
    assert (result.sent, result.deleted) == (1, 1)
    with city.session() as s:
        assert s.get(Person, ids[0]).deleted_at is not None
        assert s.get(Person, ids[1]).deleted_at is None
    assert sync(local, city_url).sent == 0


def test_change_at_the_city_is_a_conflict_not_overwritten(local: Database, city: Database, city_url: str) -> None:
    ids = _add(local, 2)
    sync(local, city_url)
    with city.session() as s:
        s.execute(text("UPDATE persons SET phone = '0999000111', version = version + 1, updated_at = now() "
                       "WHERE id = :i"), {"i": ids[0]})
    with local.session("clerk") as s:
        people.update_person(s, ids[0], {"phone": "0911222333"})
        people.update_person(s, ids[1], {"phone": "0911444555"})
    result = sync(local, city_url)
    assert (result.sent, result.updated, result.conflicts) == (2, 1, 1)
    assert result.problems[0]["cccd"] == _cccd(0) and result.problems[0]["kind"] == "conflict"
    with city.session() as s:
        assert s.scalar(select(Person.phone).where(Person.id == ids[0])) == "0999000111"
        assert s.scalar(select(Person.phone).where(Person.id == ids[1])) == "0911444555"
    assert sync(local, city_url).conflicts == 1  # still pending until someone reconciles it


def test_units_the_city_lacks_are_said_once_up_front(local: Database, city_url: str, tmp_path) -> None:
    """A first sync to a city database that lacks some of the unit's units: one message naming the
    missing codes (not one refusal per dossier); those dossiers wait, the others go."""
    with local.session() as s:
        units.add_unit(s, "DN.X.MOI", "Đơn vị mới thành lập", "DN")
        units.add_unit(s, "DN.Y.MOI", "Đơn vị mới khác", "DN")
    with local.session("clerk") as s:
        for i, unit in enumerate(("DN.X.MOI", "DN.X.MOI", "DN.Y.MOI", "DN.SNV")):
            people.create_person(s, person_data(cccd=_cccd(60 + i), unit_code=unit))
    result = sync(local, city_url)
    assert (result.sent, result.inserted, result.rejected) == (1, 1, 3)
    assert result.missing_units == ["DN.X.MOI", "DN.Y.MOI"]
    assert [p["kind"] for p in result.problems] == ["missing_units"]
    assert "DN.X.MOI, DN.Y.MOI" in result.problems[0]["message"] and "3 hồ sơ" in result.problems[0]["message"]
    assert result.pending == 3
    printed = _cli(tmp_path / "hoso.sqlite", "sync", "--to", city_url)
    assert printed.returncode == 0 and printed.stdout.count("DN.X.MOI") == 1, printed.stdout


def test_attachment_content_sent_once_by_hash(local: Database, city: Database, city_url: str, monkeypatch) -> None:
    ids = _add(local, 2)
    with local.session("clerk") as s:
        for person_id in ids:
            attachments.add_attachment(s, person_id, "anh.png", PHOTO, kind="photo")
    asked: list[str] = []
    original = sync_module._Run._blob

    def counting(self, sha256: str) -> bytes | None:
        asked.append(sha256)
        return original(self, sha256)

    monkeypatch.setattr(sync_module._Run, "_blob", counting)
    result = sync(local, city_url)
    assert result.inserted == 2
    digest = hashlib.sha256(PHOTO).hexdigest()
    assert asked == [digest]  # once for both persons
    with city.session() as s:
        contents = s.scalars(select(Attachment.content).where(Attachment.person_id.in_(ids))).all()
        assert contents == [PHOTO, PHOTO]
    asked.clear()
    with local.session("clerk") as s:
        people.update_person(s, ids[0], {"phone": "0911222333"})
    sync(local, city_url)
    assert asked == []  # the city has it already


def test_history_reaches_the_city(local: Database, city: Database, city_url: str) -> None:
    ids = _add(local, 1)
    sync(local, city_url)
    with local.session("clerk") as s:
        people.update_person(s, ids[0], {"phone": "0911222333"})
    sync(local, city_url)
    with city.session() as s:
        fields = s.scalars(select(ChangeLog.field).where(ChangeLog.person_id == ids[0])).all()
        assert "phone" in fields and "*" in fields
        assert fields.count("phone") == 1


def test_unreachable_city_is_a_user_error_naming_the_host(local: Database) -> None:
    with pytest.raises(UserError, match="127.0.0.1:1/"):
        sync(local, "postgresql+psycopg://postgres@127.0.0.1:1/hoso")


@pytest.mark.parametrize("target", ["garbage", "sqlite:///x.sqlite", "postgresql+psycopg://u@h:notaport/x"])
def test_a_malformed_target_is_refused_in_vietnamese(local: Database, tmp_path, target: str) -> None:
    result = _cli(tmp_path / "hoso.sqlite", "sync", "--to", target)
    assert result.returncode == 1 and "Traceback" not in result.stderr and "không mong đợi" not in result.stderr
    assert "Lỗi:" in result.stderr and target.split(":")[0] in result.stderr


def _cli(local_path: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(ROOT / "main.py"), "--db", str(local_path), *args],
                          capture_output=True, text=True, cwd=ROOT, env={**os.environ, **(env or {})}, timeout=120)


# The child dies right after the first batch commits at the city, before the local record (the
# crash is injected by replacing ``_Run._record`` in the child process: no test hook in the app).
_KILLED_AFTER_CITY_COMMIT = """
import os, sys
from app.city import sync as sync_module
from app.db import open_database
sync_module._Run._record = lambda self, confirmed: os._exit(137)
sync_module.sync(open_database(sys.argv[1]), sys.argv[2], batch_size=5)
"""


def test_killed_midway_then_resumed_converges(local: Database, city: Database, city_url: str, tmp_path) -> None:
    ids = _add(local, 12)
    killed = subprocess.run([sys.executable, "-c", _KILLED_AFTER_CITY_COMMIT, str(tmp_path / "hoso.sqlite"), city_url],
                            capture_output=True, text=True, cwd=ROOT, timeout=120,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert killed.returncode == 137, killed.stderr
    with city.session() as s:
        assert s.scalar(select(func.count()).select_from(Person)) == 5
    with local.session() as s:
        assert s.scalar(select(func.count()).select_from(SyncRecord)) == 0
    done = _cli(tmp_path / "hoso.sqlite", "sync", "--to", city_url, "--batch", "5", "--json")
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    assert {"sent", "inserted", "updated", "unchanged", "deleted", "rejected"} <= set(summary)
    assert (summary["sent"], summary["inserted"], summary["unchanged"]) == (12, 7, 5)
    assert summary["pending"] == 0 and summary["overdue"] == []
    with city.session() as s:
        assert s.scalar(select(func.count()).select_from(Person)) == 12
        assert s.scalar(select(func.count(func.distinct(Training.id))).select_from(Training)) == \
            s.scalar(select(func.count()).select_from(Training)) == 24
    for person_id in ids:
        _same(local, city, person_id)
    again = _cli(tmp_path / "hoso.sqlite", "sync", "--to", city_url, "--json")
    assert json.loads(again.stdout)["sent"] == 0


def test_cli_unreachable_exit_1_without_traceback(tmp_path, local: Database) -> None:
    result = _cli(tmp_path / "hoso.sqlite", "sync", "--to", "postgresql+psycopg://postgres@127.0.0.1:1/hoso")
    assert result.returncode == 1
    assert "127.0.0.1:1" in result.stderr and "Traceback" not in result.stderr


@pytest.fixture
def unit_role(city: Database, city_url: str) -> Iterator[str]:
    """A unit login role for Sở Nội vụ (and its sub-units), as ``city unit-role`` makes it."""
    from app.city.roles import set_unit_role

    role = f"hoso_t_{uuid.uuid4().hex[:8]}"
    with city.session("admin") as s:
        set_unit_role(s, role, ["DN.SNV"], password="mat-khau-123")
    base, name = city_url.rsplit("/", 1)
    yield base.replace("postgres@", f"{role}:mat-khau-123@") + "/" + name
    with _admin() as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'DROP ROLE IF EXISTS "{role}"')


def test_unit_role_writes_its_units_and_hands_over_a_transfer(local: Database, city: Database,
                                                             unit_role: str) -> None:
    ids = _add(local, 2)
    with local.session("clerk") as s:
        outside = people.create_person(s, person_data(cccd=_cccd(50), unit_code="DN.P.HAICHAU")).id
    first = sync(local, unit_role)
    assert (first.inserted, first.rejected) == (2, 1)
    assert any(p["id"] == str(outside) and "DN.P.HAICHAU" in p["message"] for p in first.problems)
    with local.session("clerk") as s:
        people.update_person(s, ids[0], {"unit_code": "DN.P.HAICHAU"})
    moved = sync(local, unit_role)
    assert (moved.updated, moved.handed_over, moved.rejected) == (1, 1, 1)
    with city.session() as s:
        person = s.get(Person, ids[0])
        assert s.scalar(text("SELECT code FROM units WHERE id = :u"), {"u": person.unit_id}) == "DN.P.HAICHAU"
    _same(local, city, ids[0])
    assert sync(local, unit_role).sent == 1  # only the person outside its units, still refused


def test_connection_lost_midway_loses_nothing(local: Database, city: Database, city_url: str, monkeypatch) -> None:
    from sqlalchemy.exc import OperationalError

    ids = _add(local, 6)
    calls = {"n": 0}
    real = sync_module.send_push

    def flaky(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 2:
            raise OperationalError("INSERT", {}, Exception("server closed the connection unexpectedly"))
        return real(*args, **kwargs)

    monkeypatch.setattr(sync_module, "send_push", flaky)
    with pytest.raises(UserError, match="127.0.0.1:5432") as caught:
        sync(local, city_url, batch_size=2)
    assert "chạy lại" in str(caught.value)
    with local.session() as s:
        run = s.scalars(select(SyncRun)).one()
        assert run.status == "failed" and run.summary["inserted"] == 2
        assert s.scalar(select(func.count()).select_from(SyncRecord)) == 2
    monkeypatch.setattr(sync_module, "send_push", real)
    resumed = sync(local, city_url, batch_size=2)
    assert (resumed.sent, resumed.inserted) == (4, 4)
    for person_id in ids:
        _same(local, city, person_id)


def test_bookkeeping_never_keeps_the_password(local: Database, city_url: str) -> None:
    from models import SyncTarget

    _add(local, 1)
    with_password = city_url.replace("postgres@", "postgres:khong-luu@")
    sync(local, with_password)
    with local.session() as s:
        assert s.scalars(select(SyncTarget.url_key)).one() == city_url
