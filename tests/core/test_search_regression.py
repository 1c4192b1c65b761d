"""The search over the full-text index finds exactly what the old search found, in the same
order with the same ranks, on 200 realistic queries over a generated database; the index is kept
in step by the database whatever writes; a masked-CCCD role finds only by the complete number."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import select, text

from app import demo, people
from app import search as search_module
from app.db import SEARCH_INDEX_REVISION, alembic_config, open_database
from app.search import search
from app.units import subtree_ids
from models import Person, Unit
from tests.benchmarks.queries import realistic_queries, reference_search

DEMO_COUNT = 3000


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    database = open_database(tmp_path_factory.mktemp("search") / "demo.sqlite")
    demo.generate(database, DEMO_COUNT, seed=3, today=dt.date(2026, 6, 1))
    with database.session() as s:  # some soft-deleted people must stay out of every result
        for pid in s.scalars(select(Person.id).order_by(Person.cccd).limit(40)):
            people.delete_person(s, pid)
    yield database
    database.dispose()


@pytest.fixture(scope="module")
def queries(demo_db) -> list[str]:
    with demo_db.session() as s:
        found = realistic_queries(s)
    assert len(found) == 200 and len(set(found)) > 150
    return found


def _new(db, query, **kw) -> list[tuple[str, int]]:
    with db.session() as s:
        return [(h.id.hex, h.rank) for h in search(s, query, **kw)]


def _old(db, query, **kw) -> list[tuple[str, int]]:
    with db.session() as s:
        return reference_search(s, query, **kw)


@pytest.mark.parametrize("exact_cccd_only", [False, True])
def test_same_results_and_ranks_as_the_old_search(demo_db, queries, exact_cccd_only) -> None:
    found_any = 0
    for query in queries:
        old = _old(demo_db, query, exact_cccd_only=exact_cccd_only)
        assert _new(demo_db, query, exact_cccd_only=exact_cccd_only) == old, query
        found_any += bool(old)
    assert found_any > 150  # the queries do find people (and a few find nobody)


def test_same_when_every_tier_walks_the_name_order(demo_db, queries, monkeypatch) -> None:
    # at 3,000 people nearly every tier looks its few candidates up; force the other way too
    monkeypatch.setattr(search_module, "SPARSE", 3)
    monkeypatch.setattr(search_module, "LOOSE", 10)
    monkeypatch.setattr(search_module, "WIDE", 30)
    for query in queries:
        assert _new(demo_db, query) == _old(demo_db, query), query


def test_same_with_filters_and_other_limits(demo_db, queries) -> None:
    with demo_db.session() as s:
        unit = s.scalars(select(Unit).where(Unit.parent_id.is_not(None)).order_by(Unit.code)).first()
        code, ids = unit.code, subtree_ids(s, unit.id)
    for query in queries[::5]:
        assert _new(demo_db, query, include_inactive=False) == _old(demo_db, query, include_inactive=False), query
        assert _new(demo_db, query, unit_code=code) == _old(demo_db, query, unit_ids=ids), query
        assert _new(demo_db, query, limit=7) == _old(demo_db, query, limit=7), query
        assert _new(demo_db, query, limit=400) == _old(demo_db, query, limit=400), query


def test_masked_cccd_role_finds_only_by_the_complete_number(demo_db) -> None:
    with demo_db.session() as s:
        person = s.scalars(select(Person).where(Person.deleted_at.is_(None)).order_by(Person.cccd)).first()
        cccd, pid = person.cccd, person.id
    assert [h.id for h in _hits(demo_db, cccd, exact_cccd_only=True)][:1] == [pid]
    for part in (cccd[:9], cccd[3:], cccd[:11], cccd[2:8]):
        assert pid in [h.id for h in _hits(demo_db, part)]
        assert pid not in [h.id for h in _hits(demo_db, part, exact_cccd_only=True)], part


def _hits(db, query, **kw):
    with db.session() as s:
        return search(s, query, limit=None if kw.pop("all", False) else 50, **kw)


def _fts_rowids(db, phrase: str) -> set[int]:
    with db.session() as s:
        return set(s.execute(text("SELECT rowid FROM persons_fts WHERE persons_fts MATCH :m"),
                             {"m": f'name : "{phrase}"'}).scalars())


def test_the_database_keeps_the_index_in_step_whatever_writes(db) -> None:
    with db.session() as s:
        pid = people.create_person(s, {"cccd": "048085009999", "full_name": "Ông Ích Khiêm",
                                       "birth_date": "1985-03-12", "sex": "Nam", "unit_code": "DN.SNV"}).id
    assert [h.id for h in _hits(db, "ich khi")] == [pid]
    with db.session() as s:  # the ORM path
        people.update_person(s, pid, {"full_name": "Ông Ích Đường"})
    assert _hits(db, "ich khi") == [] and [h.id for h in _hits(db, "ich duong")] == [pid]
    with db.session() as s:  # raw SQL, as a sync or a package could write
        s.execute(text("UPDATE persons SET name_fold = 'ong ich quang', cccd = '048085008888' WHERE id = :id"),
                  {"id": pid.hex})
    assert _hits(db, "ich duong") == [] and [h.id for h in _hits(db, "ich qua")] == [pid]
    assert [h.id for h in _hits(db, "5008888")] == [pid] and _hits(db, "5009999") == []
    with db.session() as s:
        rowid = s.execute(text("SELECT rowid FROM persons WHERE id = :id"), {"id": pid.hex}).scalar()
    assert _fts_rowids(db, "ich qua") == {rowid}
    with db.session() as s:  # a hard delete (e.g. a rolled-back import) leaves nothing behind
        s.execute(text("DELETE FROM persons WHERE id = :id"), {"id": pid.hex})
    assert _fts_rowids(db, "ich qua") == set() and _hits(db, "ich qua") == []


def test_a_migration_builds_the_index_for_existing_people(tmp_path) -> None:
    path = tmp_path / "old.sqlite"
    db = open_database(path)
    with db.session() as s:
        from app import units
        from app.catalogs import load_catalogs

        load_catalogs(s)
        units.add_unit(s, "DN", "UBND thành phố Đà Nẵng")
        pid = people.create_person(s, {"cccd": "048085001111", "full_name": "Trần Quốc Toản",
                                       "birth_date": "1985-03-12", "sex": "Nam", "unit_code": "DN"}).id
    with db.engine.begin() as conn:  # back to the schema before the index: it is gone
        cfg = alembic_config(db.engine)
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, ScriptDirectory.from_config(cfg).get_revision(SEARCH_INDEX_REVISION).down_revision)
        assert conn.exec_driver_sql("SELECT count(*) FROM sqlite_master WHERE name LIKE 'persons_fts%'").scalar() == 0
    db.dispose()
    db = open_database(path)  # migrates again: the index is built from the rows already there
    try:
        assert [h.id for h in _hits(db, "quoc toa")] == [pid]
        assert [h.id for h in _hits(db, "toan")] == [pid]
    finally:
        db.dispose()


def test_a_list_page_is_the_start_of_the_full_list(demo_db, queries) -> None:
    from app.listing import PersonFilter, count_people, list_keys, list_page

    with demo_db.session() as s:
        unit_id = s.scalars(select(Unit.id).where(Unit.parent_id.is_not(None)).order_by(Unit.code)).first()
    filters = [PersonFilter(today=dt.date(2026, 6, 1)), PersonFilter(statuses=(), sex="Nữ"),
               PersonFilter(unit_id=unit_id), PersonFilter(age_band="41-50", party_member=True, today=dt.date(2026, 6, 1))]
    for n, query in enumerate(queries[::3]):
        flt = replace(filters[n % len(filters)], query=query)
        for sort, descending in ((None, False), ("full_name", True), ("birth_date", False), ("unit_name", False)):
            with demo_db.session() as s:
                full = list_keys(s, flt, sort, descending)
                page = list_page(s, flt, sort, descending, size=30)
                assert page.total == len(full) == count_people(s, flt)
            assert page.keys == full[:30], (query, sort, descending)
