"""Issue 12: the pending dossiers are found from the ``sync_dirty`` marks (app.city.dirty), reading
the marked persons only — and the answer is the one of reading every person, through edits,
deletions, never-sent dossiers, review states, snapshots, records lost and a second target."""

from __future__ import annotations

import datetime as dt
import random

from sqlalchemy import delete, select, text

from app import people
from app.city import dirty
from app.city.sync import pending_query, settle
from app.compliance import pending_changes
from models import ApprovedSnapshot, Person, SyncDirty, SyncRecord, SyncTarget
from tests.core.conftest import person_data

URL = "postgresql+psycopg://u@city/hoso"
OTHER = "postgresql+psycopg://u@city2/hoso"


def _confirm(s, target_id: int, ids) -> None:
    """What a sync run's confirmations write: the version that went out, for each person."""
    for pid in ids:
        person = s.get(Person, pid)
        snap = s.get(ApprovedSnapshot, pid)
        version = person.version if person.review_state == "approved" or snap is None else snap.version
        record = s.get(SyncRecord, (target_id, pid))
        if record is None:
            s.add(SyncRecord(target_id=target_id, record_id=pid, entity="person", version=version,
                             updated_at=dt.datetime.now(dt.UTC)))
        else:
            record.version = version
    s.flush()


def _same(s) -> int:
    marked_total = 0
    for target_id in s.scalars(select(SyncTarget.id)):
        marked = sorted(s.scalars(pending_query(target_id)))
        full = sorted(s.scalars(pending_query(target_id, marked_only=False)))
        assert marked == full
        marked_total += len(marked)
    return marked_total


def test_marks_give_the_same_pending_dossiers_as_reading_everyone(db) -> None:
    rng = random.Random(12)
    with db.session("clerk") as s:
        ids = [people.create_person(s, person_data(cccd=f"0480850{n:05d}", unit_code="DN.SNV")).id for n in range(40)]
    with db.session() as s:
        target = SyncTarget(url_key=URL, last_change_id=0)
        s.add(target)
        s.flush()
        tid = target.id
        assert s.scalar(select(text("count(*)")).select_from(SyncDirty)) == 40  # a new target marks everyone
        _confirm(s, tid, ids[:30])  # ids[30:] never sent
    with db.session() as s:
        _same(s)
        settle(s)
        assert set(s.scalars(select(SyncDirty.person_id))) == set(ids[30:])
        assert _same(s) == 10
    other = None
    for step in range(6):
        with db.session("clerk") as s:
            live = [pid for pid in ids if s.get(Person, pid).deleted_at is None]
            for pid in rng.sample(live, 5):
                people.update_person(s, pid, {"phone": f"09059{step}{rng.randrange(10000):04d}"})
            for pid in rng.sample(ids, 2):
                person = s.get(Person, pid)
                if person.deleted_at is None:
                    people.delete_person(s, pid)
                else:
                    people.restore_person(s, pid)
        with db.session() as s:  # review states and snapshots, as app.security.review writes them
            for pid in rng.sample(ids, 3):
                person = s.get(Person, pid)
                if person.review_state == "approved":
                    s.merge(ApprovedSnapshot(person_id=pid, version=person.version, document={"version": person.version},
                                             approved_at=dt.datetime.now(dt.UTC), approved_by="x"))
                    person.review_state = rng.choice(["submitted", "returned"])
                else:
                    person.review_state = "approved"
                    s.execute(delete(ApprovedSnapshot).where(ApprovedSnapshot.person_id == pid))
            s.flush()
        with db.session() as s:
            _same(s)
            if step == 2:  # a record lost, raw SQL: still marked
                s.execute(delete(SyncRecord).where(SyncRecord.record_id == ids[0]))
                s.execute(text("UPDATE sync_records SET version = version + 7 WHERE record_id = :r"),
                          {"r": ids[1].hex})
            if step == 3:
                other = SyncTarget(url_key=OTHER, last_change_id=0)
                s.add(other)
                s.flush()
                _confirm(s, other.id, rng.sample(ids, 20))
            _same(s)
            pend = list(s.scalars(pending_query(tid, marked_only=False)))
            _confirm(s, tid, rng.sample(pend, len(pend) // 2))  # a partial sync
            _same(s)
            settle(s)
            _same(s)
            if other is not None:
                settle(s)
                _same(s)
        with db.session() as s:
            assert sorted(p.person_id for p in pending_changes(s, URL)) == \
                sorted(s.scalars(pending_query(tid, marked_only=False)))
    with db.session() as s:
        # a raw write of the version (no ORM, no audit hook) is marked by the trigger too
        s.execute(delete(SyncDirty))
        for target_id in s.scalars(select(SyncTarget.id)):
            _confirm(s, target_id, ids)
        settle(s)
        assert _same(s) == 0
        s.execute(text("UPDATE persons SET version = version + 1 WHERE id = :p"), {"p": ids[5].hex})
        assert sorted(s.scalars(pending_query(tid))) == [ids[5]]
        _same(s)


def _plan(s, tid: int) -> list[str]:
    compiled = pending_query(tid).compile(dialect=s.get_bind().dialect)
    params = tuple(compiled.construct_params()[k] for k in compiled.positiontup)
    return [row[3] for row in s.connection().exec_driver_sql("EXPLAIN QUERY PLAN " + str(compiled), params)]


def test_the_pending_detection_reads_no_whole_table_of_persons(db) -> None:
    with db.session("clerk") as s:
        ids = [people.create_person(s, person_data(cccd=f"0480851{n:05d}", unit_code="DN.SNV")).id for n in range(60)]
    with db.session() as s:
        s.add(SyncTarget(url_key=URL, last_change_id=0))
    with db.session() as s:
        tid = s.scalar(select(SyncTarget.id))
        s.connection().exec_driver_sql("ANALYZE")  # statistics taken while everyone is marked
        _confirm(s, tid, ids[2:])
        assert settle(s) == 58
        plan = _plan(s, tid)
        assert not any(step.startswith("SCAN persons") for step in plan), plan
        assert sorted(s.scalars(pending_query(tid))) == sorted(ids[:2])
        compiled = pending_query(tid).compile(dialect=s.get_bind().dialect)
        params = tuple(compiled.construct_params()[k] for k in compiled.positiontup)
        plan = [row[3] for row in s.connection().exec_driver_sql("EXPLAIN QUERY PLAN " + str(compiled), params)]
        assert not any(step.startswith("SCAN persons") for step in plan), plan
        assert any(step.startswith("SEARCH persons") for step in plan), plan


def test_a_migration_that_recreates_persons_gets_the_triggers_back(tmp_path) -> None:
    from app.db import open_database

    db = open_database(tmp_path / "a.sqlite")
    with db.engine.begin() as conn:
        assert not dirty.ensure(conn)  # all there
        conn.exec_driver_sql("DROP TRIGGER hoso_dirty_person_update")  # what a batch-mode rebuild does
        assert dirty.ensure(conn)
        names = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
        assert "hoso_dirty_person_update" in names
    db.dispose()
