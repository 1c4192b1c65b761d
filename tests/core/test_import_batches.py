"""Import writes new people in batches: the change log still has every field of every person, a
row that fails only when written is refused alone (its batch saved again row by row), and a dry
run validates every row without writing anything."""

from __future__ import annotations

import json

from sqlalchemy import event, func, select, text

from app.exchange import run as run_module
from app.exchange.importer import open_import, run_import
from models import ChangeLog, Person
from tests.core.conftest import make_database
from tests.core.test_import_support import HEADER, cccd_of, person_row, xlsx


def _source(tmp_path, n: int):
    return open_import(xlsx(tmp_path / "b.xlsx", [HEADER] + [person_row(i, f"Người Số {i}", cccd_of(i))
                                                              for i in range(1, n + 1)]))


def _snapshots(db) -> dict[str, dict]:
    with db.session() as s:
        rows = s.execute(select(Person.cccd, ChangeLog.new).join(ChangeLog, ChangeLog.record_id == Person.id)
                         .where(ChangeLog.action == "create", ChangeLog.entity == "person")).all()
    return {cccd: json.loads(new) for cccd, new in rows}


def _logged_entities(db) -> dict[str, int]:
    with db.session() as s:
        return dict(s.execute(select(ChangeLog.entity, func.count()).group_by(ChangeLog.entity)).all())


def test_batches_log_every_field_like_one_by_one(db, tmp_path, monkeypatch) -> None:
    source = _source(tmp_path, 7)
    monkeypatch.setattr(run_module, "BATCH", 3)  # 3 + 3 + 1
    result = run_import(db, source, source.mapping)
    assert (result.imported, result.rejected) == (7, 0)
    batched = _snapshots(db)
    assert set(batched) == {cccd_of(i) for i in range(1, 8)}
    (tmp_path / "other").mkdir()
    other = make_database(tmp_path / "other")  # the same file, one by one (a batch of 1)
    monkeypatch.setattr(run_module, "BATCH", 1)
    assert run_import(other, source, source.mapping).imported == 7
    single = _snapshots(other)
    assert _logged_entities(other) == _logged_entities(db)  # placements, salary rows… logged alike
    other.dispose()
    for cccd, snapshot in single.items():
        keep = {k: v for k, v in snapshot.items() if k not in ("id", "updated_at", "unit_id")}
        assert {k: v for k, v in batched[cccd].items() if k not in ("id", "updated_at", "unit_id")} == keep
        assert len(keep) > 15  # a snapshot of the whole record, not a stub


def test_a_row_that_fails_when_written_is_refused_alone(db, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(run_module, "BATCH", 4)
    with db.session() as s:  # something only the database refuses (raw SQL, as an attacker or a bug could)
        s.execute(text("CREATE TRIGGER refuse_three BEFORE INSERT ON persons WHEN new.full_name = 'Người Số 3' "
                       "BEGIN SELECT RAISE(ABORT, 'refused'); END"))
    result = run_import(db, _source(tmp_path, 6), _source(tmp_path, 6).mapping)
    assert (result.imported, result.rejected) == (5, 1)
    assert [e.row for e in result.errors] == [r.row for r in result.rows if r.cccd == cccd_of(3)]
    assert set(_snapshots(db)) == {cccd_of(i) for i in (1, 2, 4, 5, 6)}
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Person)) == 5
        assert s.scalar(select(func.count()).select_from(ChangeLog).where(ChangeLog.action == "create",
                                                                         ChangeLog.entity == "person")) == 5


def test_a_dry_run_validates_and_writes_nothing(db, tmp_path) -> None:
    source = _source(tmp_path, 5)
    bad = open_import(xlsx(tmp_path / "bad.xlsx", [HEADER] + [person_row(i, f"Người Số {i}", cccd_of(i))
                                                              for i in range(1, 4)]
                           + [person_row(4, "Người Số 4", cccd_of(4), step=15)]))
    writes: list[str] = []

    def watch(_conn, _cursor, statement, *_args) -> None:  # noqa: ANN001
        if statement.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE")):
            writes.append(statement)

    event.listen(db.engine, "before_cursor_execute", watch)
    try:
        dry = run_import(db, source, source.mapping, dry_run=True)
        dry_bad = run_import(db, bad, bad.mapping, dry_run=True)
    finally:
        event.remove(db.engine, "before_cursor_execute", watch)
    assert dry.dry_run and dry.imported == 5 and dry.rejected == 0
    assert dry_bad.imported == 3 and dry_bad.rejected == 1 and dry_bad.errors[0].row > 0
    assert writes == []
