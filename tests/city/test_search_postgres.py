"""The search on PostgreSQL (issue 17): trigram GIN indexes (``pg_trgm``, migration 0015,
``app.search_pg``) under the same ``LIKE`` statement, giving exactly the SQLite search's results
and ranks — and the old search's (tests/benchmarks/queries.py) — on the benchmark's 200 realistic
queries over a generated database copied to the real server; the indexes are used, kept in step
by PostgreSQL on every write, and made again harmlessly."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select, text

from app import demo, people, search_pg
from app.catalogs import load_catalogs
from app.db import open_database
from app.search import search
from app.units import subtree_ids
from models import Person, Unit
from tests.benchmarks.queries import realistic_queries, reference_search
from tests.city.search_support import copy_people
from tests.core.conftest import person_data

pytestmark = pytest.mark.city

DEMO_COUNT = 3000


@pytest.fixture(scope="module")
def both(tmp_path_factory, pg_url):
    lite = open_database(tmp_path_factory.mktemp("search-pg") / "demo.sqlite")
    demo.generate(lite, DEMO_COUNT, seed=3, today=dt.date(2026, 6, 1))
    with lite.session() as s:  # some soft-deleted people must stay out of every result
        for pid in s.scalars(select(Person.id).order_by(Person.cccd).limit(40)):
            people.delete_person(s, pid)
    pg = open_database(pg_url)  # migrated: 0015 made the trigram indexes
    with pg.session() as s:
        load_catalogs(s)
    assert copy_people(lite.url.split("///", 1)[1], pg_url) == DEMO_COUNT
    with lite.session() as s:
        queries = realistic_queries(s)
    assert len(queries) == 200 and len(set(queries)) > 150
    yield lite, pg, queries
    pg.dispose()
    lite.dispose()


def _hits(db, query, **kw) -> list[tuple[str, int]]:
    with db.session() as s:
        return [(h.id.hex, h.rank) for h in search(s, query, **kw)]


@pytest.mark.parametrize("exact_cccd_only", [False, True])
def test_same_results_and_ranks_as_sqlite(both, exact_cccd_only) -> None:
    lite, pg, queries = both
    found = 0
    for query in queries:
        expected = _hits(lite, query, exact_cccd_only=exact_cccd_only)
        assert _hits(pg, query, exact_cccd_only=exact_cccd_only) == expected, query
        with lite.session() as s:
            assert reference_search(s, query, exact_cccd_only=exact_cccd_only) == expected, query
        found += bool(expected)
    assert found > 150  # the queries find people (and a few find nobody)


def test_same_with_filters_other_limits_and_shown_columns(both) -> None:
    lite, pg, queries = both
    with lite.session() as s:
        unit = s.scalars(select(Unit).where(Unit.parent_id.is_not(None)).order_by(Unit.code)).first()
        code = unit.code
        assert subtree_ids(s, unit.id)
    for query in queries[::5]:
        for kw in ({"include_inactive": False}, {"unit_code": code}, {"unit_code": code, "include_subunits": False},
                   {"limit": 7}, {"limit": 400}):
            assert _hits(pg, query, **kw) == _hits(lite, query, **kw), (query, kw)
    with lite.session() as a, pg.session() as b:
        assert search(b, queries[2]) == search(a, queries[2])  # every shown column (name, unit, birth date…)
    assert _hits(pg, "nguyen", unit_code="KHONG.CO") == []


def test_the_trigram_indexes_answer_the_like_patterns(both) -> None:
    _lite, pg, _queries = both
    with pg.session() as s:
        conn = s.connection()
        assert search_pg.has_indexes(conn)
        kinds = dict(conn.execute(text("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'persons'")).all())
        assert "gin_trgm_ops" in kinds["ix_persons_name_trgm"] and "gin_trgm_ops" in kinds["ix_persons_cccd_trgm"]
        for way in ("seqscan", "indexscan", "indexonlyscan"):  # 3,000 rows: walking would win; show it can
            conn.execute(text(f"SET LOCAL enable_{way} = off"))
        for column, pattern, index in (("name_fold", "%uyen th%", "ix_persons_name_trgm"),
                                       ("cccd", "%8512%", "ix_persons_cccd_trgm")):
            plan = "\n".join(r[0] for r in conn.execute(
                text(f"EXPLAIN SELECT id FROM persons WHERE {column} LIKE :p"), {"p": pattern}))
            assert index in plan, plan
        assert search_pg.create_indexes(conn) is True  # again: nothing to do, no error
        assert search_pg.has_indexes(conn)


def test_kept_in_step_by_the_database_on_every_write(both) -> None:
    _lite, pg, _queries = both
    with pg.session("test") as s:
        code = s.scalars(select(Unit.code).order_by(Unit.code)).first()
        pid = people.create_person(s, person_data(cccd="048099777001", full_name="Ông Ích Khiêm Xyzt",
                                                  unit_code=code)).id
    assert [h[0] for h in _hits(pg, "khiem xyz")] == [pid.hex]
    assert [h[0] for h in _hits(pg, "99777")] == [pid.hex]
    with pg.session("test") as s:  # written by raw SQL, past every hook: still found
        s.execute(text("UPDATE persons SET name_fold = 'ong ich khiem qwvz' WHERE id = :i"), {"i": pid})
    assert _hits(pg, "khiem xyz") == [] and [h[0] for h in _hits(pg, "qwvz")] == [pid.hex]
    with pg.session("test") as s:
        people.delete_person(s, pid)
    assert _hits(pg, "qwvz") == []
