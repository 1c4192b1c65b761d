"""Issue 12: unit A, with its own login and nothing stolen, attacks unit B at the city database.

Every attempt is refused, the city's tables are identical before and after (compared row by row
through a digest of every table), and each attempt that reaches the function API is visible to
the Department (access log, list of identity conflicts). Attempts on tables are refused by
PostgreSQL before any row is touched (the unit's login holds no privilege on any table, view or
sequence), so they leave the data as it was; PostgreSQL's own server log records them.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from types import SimpleNamespace

import psycopg
import pytest
from sqlalchemy import create_engine, select, text
from sqlalchemy.exc import DBAPIError

from app import attachments, cli, people, units
from app.catalogs import load_catalogs
from app.city import api
from app.city.api_sql import ABANDONED, ANSWERS_KEPT, COLLISION, HAND_OVER_REFUSED, MAX_DOCS, NO_RESULTS
from app.city.conflicts import identity_conflicts
from app.city.init import PERSON_TABLES, city_init, hand_over
from app.city.roles import set_unit_role
from app.db import open_database
from app.errors import UserError
from app.person_json import person_json
from models import CityIdentityConflict, Person, Unit
from models.security import AccessLog
from tests.city.city_support import drop_roles, psycopg_url, role_url, unique
from tests.core.conftest import person_data

pytestmark = pytest.mark.city

B_CCCD, B2_CCCD, A_CCCD = "048085009001", "048085009002", "048085009101"
PHOTO = b"\x89PNG\r\n\x1a\n" + b"anh cua B" * 40
# every table the Department's data lives in; the access log (with its chain head) and the conflicts list record attempts
WATCHED_EXCLUDED = ("access_log", "log_heads", "city_identity_conflicts")


@pytest.fixture(scope="module")
def city(pg_url) -> Iterator[SimpleNamespace]:
    group, ra, rb = unique("hoso_unit_t"), unique("unit_a"), unique("unit_b")
    db = open_database(pg_url)
    with db.session("so_noi_vu") as s:
        load_catalogs(s)
        for code, name, parent in (("DN", "UBND thành phố", None), ("DN.A", "Đơn vị A", "DN"),
                                   ("DN.A.X", "Phòng X của A", "DN.A"), ("DN.B", "Đơn vị B", "DN"),
                                   ("DN.B.Y", "Phòng Y của B", "DN.B")):
            units.add_unit(s, code, name, parent)
    city_init(db, group=group)
    with db.session("so_noi_vu") as s:
        set_unit_role(s, ra, ["DN.A"], password="mat-khau-don-vi-a")
        set_unit_role(s, rb, ["DN.B"], password="mat-khau-don-vi-b")
        b_person = people.create_person(s, person_data(cccd=B_CCCD, full_name="Trần Thị Bích", sex="Nữ",
                                                       unit_code="DN.B.Y")).id
        b_other = people.create_person(s, person_data(cccd=B2_CCCD, full_name="Lê Văn Bảo", unit_code="DN.B")).id
        attachments.add_attachment(s, b_person, "anh.png", PHOTO, kind="photo")
        ids = {u.code: u.id for u in s.scalars(select(Unit))}
    with db.session() as s:
        b_doc = person_json(s, b_person)
    engine_a = create_engine(role_url(pg_url, ra))
    a_doc = _fresh_doc(b_doc, A_CCCD, "DN.A.X")  # A's own person, sent the legitimate way
    assert api.push_documents(engine_a, [a_doc]).inserted == 1
    yield SimpleNamespace(db=db, url=pg_url, ra=ra, rb=rb, group=group, a=engine_a, b_person=b_person,
                          b_other=b_other, b_doc=b_doc, a_doc=a_doc, ids=ids)
    engine_a.dispose()
    db.dispose()
    drop_roles(pg_url, [ra, rb, group])


def _fresh_doc(template: dict, cccd: str, unit_code: str) -> dict:
    """A new dossier made from ``template`` with new ids everywhere (person and rows)."""
    doc = json.loads(json.dumps(template))
    doc.update(id=str(uuid.uuid4()), cccd=cccd, unit_code=unit_code, version=1,
               updated_at="2026-11-01T08:00:00+00:00", attachments=[], placements=[])
    for _key, value in doc.items():
        if isinstance(value, list):
            for row in value:
                if isinstance(row, dict) and "id" in row:
                    row["id"] = str(uuid.uuid4())
    return doc


def _raw(city: SimpleNamespace) -> psycopg.Connection:
    return psycopg.connect(psycopg_url(role_url(city.url, city.ra)), autocommit=True)


def contents(city: SimpleNamespace) -> dict[str, tuple[int, str]]:
    """(rows, digest of every row) of every table of the city database but the attempt records."""
    with psycopg.connect(psycopg_url(city.url)) as conn:
        tables = [r[0] for r in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public' "
                                             "ORDER BY 1") if r[0] not in WATCHED_EXCLUDED]
        return {t: conn.execute(f'SELECT count(*), coalesce(md5(string_agg(x::text, \'|\' ORDER BY x::text)), \'\') '
                                f'FROM "{t}" x').fetchone() for t in tables}


def _seen(city: SimpleNamespace, action: str) -> int:
    with city.db.session() as s:
        return len(s.scalars(select(AccessLog.id).where(AccessLog.by == city.ra, AccessLog.action == action)).all())


def _conflicts(city: SimpleNamespace, kind: str) -> list[CityIdentityConflict]:
    with city.db.session() as s:
        return list(s.scalars(select(CityIdentityConflict).where(CityIdentityConflict.role_name == city.ra,
                                                                 CityIdentityConflict.kind == kind)))


@pytest.fixture
def unchanged(city) -> Iterator[None]:
    before = contents(city)
    yield
    assert contents(city) == before


# --- the tables: nothing at all ---------------------------------------------------------------------

def _all_relations(city: SimpleNamespace) -> list[tuple[str, str]]:
    with psycopg.connect(psycopg_url(city.url)) as conn:
        return conn.execute("SELECT relname, relkind FROM pg_class WHERE relnamespace = 'public'::regnamespace "
                            "AND relkind IN ('r', 'v', 'm', 'S', 'p') ORDER BY 1").fetchall()


def _denied(conn: psycopg.Connection, sql: str, params: tuple = ()) -> None:
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute(sql, params)


def test_a_unit_login_reads_no_table_view_or_sequence(city, unchanged) -> None:
    relations = _all_relations(city)
    assert {"persons", "change_log", "access_log", "units", "city_unit_access", "alembic_version"} <= \
        {r for r, _k in relations}
    with _raw(city) as conn:
        for name, kind in relations:
            if kind == "S":
                _denied(conn, f'SELECT nextval(\'public."{name}"\')')
                _denied(conn, f'SELECT last_value FROM public."{name}"')
            else:
                _denied(conn, f'SELECT * FROM public."{name}" LIMIT 1')


def test_a_unit_login_reads_no_statistics_of_the_tables(city, unchanged) -> None:
    """Row counts (pg_stat_*, pg_class.reltuples, sizes) and column statistics (pg_stats: the most
    common CCCDs and names) of the city's tables are not the units' to read."""
    with psycopg.connect(psycopg_url(city.url), autocommit=True) as dept:
        dept.execute("ANALYZE persons")
        # the Department sees them (pg_stats holds actual values: most common CCCDs, names)
        assert dept.execute("SELECT count(*) FROM pg_stats WHERE tablename = 'persons' AND attname = 'cccd'"
                            ).fetchone()[0] == 1
        assert dept.execute("SELECT n_live_tup FROM pg_stat_user_tables WHERE relname = 'persons'").fetchone()
    with _raw(city) as conn:
        for view in ("pg_stat_user_tables", "pg_stat_all_tables", "pg_stat_xact_user_tables", "pg_statio_user_tables",
                     "pg_stat_user_indexes", "pg_statio_all_indexes"):
            _denied(conn, f"SELECT * FROM pg_catalog.{view} LIMIT 1")
        for function in ("pg_stat_get_live_tuples", "pg_stat_get_tuples_inserted", "pg_stat_get_numscans",
                         "pg_relation_size", "pg_table_size", "pg_total_relation_size", "pg_indexes_size"):
            _denied(conn, f"SELECT {function}('public.persons'::regclass)")
        _denied(conn, "SELECT reltuples FROM pg_class WHERE relname = 'persons'")
        _denied(conn, "SELECT relpages FROM pg_class WHERE relname = 'persons'")
        _denied(conn, "SELECT * FROM pg_class LIMIT 1")
        assert conn.execute("SELECT count(*) FROM pg_stats WHERE schemaname = 'public'").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM pg_stats_ext").fetchone()[0] == 0
        # the catalog itself stays usable (names, kinds)
        assert conn.execute("SELECT relkind FROM pg_class WHERE relname = 'persons'").fetchone() == ("r",)


@pytest.mark.parametrize("table", PERSON_TABLES)
def test_a_unit_login_writes_no_person_table(city, unchanged, table) -> None:
    with _raw(city) as conn:
        _denied(conn, f'UPDATE public."{table}" SET version = version + 1')
        _denied(conn, f'DELETE FROM public."{table}"')
        _denied(conn, f'TRUNCATE public."{table}"')
        _denied(conn, f'INSERT INTO public."{table}" (id) VALUES (gen_random_uuid())')
        _denied(conn, f'INSERT INTO public."{table}" (id) VALUES (gen_random_uuid()) ON CONFLICT DO NOTHING')


def test_explain_and_on_conflict_probes_are_gone(city, unchanged) -> None:
    with _raw(city) as conn:
        _denied(conn, "EXPLAIN ANALYZE SELECT * FROM public.persons WHERE cccd > %s", ("048",))
        _denied(conn, "EXPLAIN SELECT * FROM public.persons WHERE sort_key < 'm' AND id = %s", (city.b_person,))
        _denied(conn, "INSERT INTO public.persons (id, cccd, full_name) VALUES (gen_random_uuid(), %s, 'x') "
                      "ON CONFLICT DO NOTHING", (B_CCCD,))
    # the planner's statistics (most common values, histograms of cccd, names) are not the unit's either
    with psycopg.connect(psycopg_url(city.url), autocommit=True) as department:
        department.execute("ANALYZE public.persons")
        assert department.execute("SELECT count(*) FROM pg_stats WHERE tablename = 'persons'").fetchone()[0] > 0
    with _raw(city) as conn:
        assert conn.execute("SELECT count(*) FROM pg_stats WHERE tablename = 'persons'").fetchone() == (0,)


def test_a_unit_login_forges_no_log(city, unchanged) -> None:
    with _raw(city) as conn:
        _denied(conn, "INSERT INTO public.change_log (at, by, action, entity, record_id, person_id, field) "
                      "VALUES (now(), 'x', 'update', 'person', %s, %s, 'position')", (city.b_person, city.b_person))
        _denied(conn, "INSERT INTO public.access_log (at, by, action) VALUES (now(), 'postgres', 'export')")
        _denied(conn, "SELECT nextval(pg_get_serial_sequence('public.change_log', 'id'))")
        _denied(conn, "SELECT nextval(pg_get_serial_sequence('public.access_log', 'id'))")


def test_the_internal_writer_is_not_callable(city, unchanged) -> None:
    doc = dict(city.b_doc, unit_code="DN.A", version=99)
    with _raw(city) as conn:
        _denied(conn, "SELECT hoso_api._write(%s::jsonb, ARRAY[%s]::uuid[], ARRAY[%s]::uuid[], '{}'::jsonb, "
                "'[]'::jsonb, ARRAY[%s]::uuid[], '{}'::jsonb, true)",
                (json.dumps([doc]), city.b_person, city.ids["DN.A"], city.b_person))


# --- the function API: only the caller's own rows ------------------------------------------------

def test_info_tokens_and_contents_answer_for_the_callers_own_records_only(city, unchanged) -> None:
    with city.a.begin() as conn:
        about = api.info(conn)
        assert about["units"] == ["DN.A", "DN.A.X"] and about["department"] is False and about["role"] == city.ra
        found = api.tokens(conn, [city.b_person, city.b_other, city.a_doc["id"], uuid.uuid4()])
        assert set(found) == {city.a_doc["id"]}
        b_hash = city.b_doc["attachments"][0]["sha256"]
        assert api.missing_contents(conn, [b_hash]) == {b_hash}  # B's photo: not A's, so "missing"
        assert api.missing_units(conn, ["DN.B", "DN.KHONG.CO"]) == ["DN.KHONG.CO"]


def _push(city: SimpleNamespace, doc: dict, **kw) -> dict:
    result = api.push_documents(city.a, [doc], **kw)
    assert result.inserted == result.updated == result.deleted == 0
    return result


def test_a_push_rewriting_and_moving_bs_person_is_refused_generically(city, unchanged) -> None:
    before = len(_conflicts(city, "person"))
    doc = dict(city.b_doc, full_name="Tên Bị Sửa", unit_code="DN.A", version=city.b_doc["version"] + 5)
    result = _push(city, doc)
    assert result.rejected == 1 and result.problems[0]["message"] == COLLISION
    assert len(_conflicts(city, "person")) == before + 1
    assert _conflicts(city, "person")[-1].holder_id == city.b_person


def test_a_tombstone_for_bs_person_deletes_nothing(city, unchanged) -> None:
    seen = _seen(city, "sync_refused")
    tomb = {"id": str(city.b_person), "cccd": B_CCCD, "unit_code": "DN.A", "version": 50,
            "deleted_at": "2026-11-02T00:00:00+00:00", "updated_at": "2026-11-02T00:00:00+00:00"}
    unknown = dict(tomb, id=str(uuid.uuid4()))
    foreign, absent = (api.push_documents(city.a, [d]) for d in (tomb, unknown))
    # the same answer as for an id the city does not have
    assert (foreign.unchanged, foreign.deleted, absent.unchanged, absent.deleted) == (1, 0, 1, 0)
    assert _seen(city, "sync_refused") == seen + 1


def test_bs_cccd_in_a_new_dossier_is_one_generic_refusal_and_listed(city, unchanged, capsys) -> None:
    doc = _fresh_doc(city.b_doc, B_CCCD, "DN.A")
    result = _push(city, doc)
    assert result.rejected == 1 and result.problems[0]["message"] == COLLISION
    listed = _conflicts(city, "cccd")[-1]
    assert (listed.cccd, listed.person_id, listed.holder_id) == (B_CCCD, uuid.UUID(doc["id"]), city.b_person)
    assert _seen(city, "identity_conflict") >= 1
    assert cli.run(["city", "conflicts", "--db", city.url, "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert any(r["cccd"] == B_CCCD and r["role"] == city.ra and r["holder_unit"] == "DN.B.Y"
               and r["holder_name"] == "Trần Thị Bích" for r in rows)


def test_a_new_dossier_into_bs_unit_is_refused(city, unchanged) -> None:
    result = _push(city, _fresh_doc(city.b_doc, "048085009201", "DN.B.Y"))
    assert result.rejected == 1 and "DN.B.Y" in result.problems[0]["message"]


@pytest.mark.parametrize("key", ["training", "family", "planning", "placements", "attachments"])
def test_a_row_id_of_bs_person_is_refused(city, unchanged, key) -> None:
    """A section row, placement or attachment follows its person: A may not take B's row over."""
    with city.db.session() as s:
        if key == "placements":
            from models import Placement

            row = {"id": str(s.scalars(select(Placement.id).where(Placement.person_id == city.b_person)).first()
                             or _placement(s, city)), "unit_code": "DN.A", "start_date": "2020-01-01"}
        else:
            row = dict(city.b_doc[key][0])
    doc = _fresh_doc(city.b_doc, "048085009301", "DN.A")
    doc[key] = [row]
    if key == "attachments":
        result = _push(city, doc, blobs=lambda sha: PHOTO)
    else:
        result = _push(city, doc)
    assert result.rejected == 1 and result.problems[0]["message"] == COLLISION
    assert _conflicts(city, "row")


def _placement(s, city) -> uuid.UUID:  # noqa: ANN001
    from models import Placement

    placement = Placement(person_id=city.b_person, unit_id=city.ids["DN.B.Y"])
    s.add(placement)
    s.flush()
    return placement.id


def test_hand_over_of_bs_person_or_an_unknown_id_gets_the_same_refusal(city, unchanged) -> None:
    answers = []
    for person in (city.b_person, uuid.uuid4()):
        with pytest.raises(UserError) as caught:
            hand_over(city.a, person, "DN.A")
        answers.append(str(caught.value))
    assert answers[0] == answers[1] == HAND_OVER_REFUSED
    listed = _conflicts(city, "hand_over")
    assert {c.person_id for c in listed[-2:]} >= {city.b_person}


def test_batches_and_inputs_are_bounded(city, unchanged) -> None:
    with city.a.begin() as conn, pytest.raises(DBAPIError, match="tối đa"):
        conn.execute(text("SELECT hoso_api.push(NULL, CAST(:d AS jsonb), '{}', '{}', '{}', '[]')"),
                     {"d": json.dumps([{"id": str(uuid.uuid4()), "version": 1, "updated_at": "2026-01-01"}]
                                      * (MAX_DOCS + 1))})
    with city.a.begin() as conn, pytest.raises(DBAPIError, match="tối đa"):
        conn.execute(text("SELECT hoso_api.tokens(CAST(:i AS uuid[]))"), {"i": [uuid.uuid4()] * 20001})
    with city.a.begin() as conn, pytest.raises(DBAPIError, match="mã băm"):
        conn.execute(text("SELECT hoso_api.push(NULL, '[]', '{}', '{}', CAST(:b AS jsonb), '[]')"),
                     {"b": json.dumps({"0" * 64: "aGVsbG8="})})


def test_a_unit_login_cannot_open_the_city_in_the_app_or_the_cli(city, capsys) -> None:
    with pytest.raises(UserError, match="tài khoản đồng bộ của một đơn vị"):
        open_database(role_url(city.url, city.ra))
    assert cli.run(["search", "", "--db", role_url(city.url, city.ra)]) == 1
    err = capsys.readouterr().err
    assert "tài khoản đồng bộ của một đơn vị" in err and "Traceback" not in err


def test_the_department_sees_and_lists_everything(city) -> None:
    from app.security.principal import for_cli

    rows = identity_conflicts(city.db, principal=for_cli(city.db))
    assert rows and all(r.role for r in rows)
    with city.db.session() as s:
        assert s.get(Person, city.b_person).deleted_at is None
        assert s.get(Person, city.b_person).full_name == "Trần Thị Bích"


def test_rows_naming_another_person_are_not_written(city) -> None:
    """The wire form names each row's person: a row that names B's person (or a person not in the
    batch) is never written, and B's rows stay as they were."""
    def b_rows() -> list:
        with psycopg.connect(psycopg_url(city.url)) as department:
            return department.execute("SELECT t::text FROM training t WHERE person_id = %s ORDER BY id",
                                      (city.b_person,)).fetchall()

    before = b_rows()
    doc = _fresh_doc(city.b_doc, "048085009401", "DN.A")
    persons, rows = api._split([api.prepare(doc)])
    columns = api.ROW_COLUMNS["training"]  # a section's row travels as an array in this order
    stolen = dict(zip(columns, rows["training"][0], strict=True), id=str(uuid.uuid4()),
                  person_id=str(city.b_person), institution="Giả mạo")
    rows["training"].append([stolen[c] for c in columns])
    with _raw(city) as raw:  # every row id declared, the stolen one too
        declared = raw.execute(api.DECLARE_SQL, ([doc["id"]], [doc["cccd"]],
                                                 [r[0] if isinstance(r, list) else r["id"]
                                                  for found in rows.values() for r in found])).fetchone()[0]
    with city.a.connect() as conn:
        answers = api.attempt(conn, "SELECT hoso_api.push(CAST(:t AS uuid), CAST(:d AS jsonb), CAST(:r AS jsonb), "
                                    "'{}', '{}', '[]')", {"t": declared, "d": json.dumps(persons), "r": json.dumps(rows)})
    assert [a["outcome"] for a in answers] == ["inserted"]
    assert b_rows() == before
    with psycopg.connect(psycopg_url(city.url)) as department:
        assert department.execute("SELECT count(*) FROM training WHERE institution = 'Giả mạo'").fetchone() == (0,)
        assert department.execute("SELECT count(*) FROM training WHERE person_id = %s",
                                  (doc["id"],)).fetchone() == (len(doc["training"]),)


def test_section_rows_are_typed_and_bounded(city, unchanged) -> None:
    """A section's rows travel as arrays read by position (api_sql.ROW_COLUMNS): a value too long
    for its column (never cut short), a value of the wrong type, or a row that is not an array
    refuses the dossier, and nothing of it is written."""
    doc = _fresh_doc(city.b_doc, "048085009601", "DN.A")
    assert doc["training"]
    too_long = dict(doc, training=[dict(doc["training"][0], institution="x" * 201)])
    not_a_date = dict(doc, training=[dict(doc["training"][0], start_date="không phải ngày")])
    for bad in (too_long, not_a_date):
        result = api.push_documents(city.a, [bad])
        assert (result.inserted, result.rejected) == (0, 1), result.problems
    persons, rows = api._split([api.prepare(doc)])
    rows["training"] = [dict(zip(api.ROW_COLUMNS["training"], rows["training"][0], strict=True))]  # an object
    with _raw(city) as raw:
        declared = _declare(raw, doc)
    with city.a.connect() as conn:
        answers = api.attempt(conn, "SELECT hoso_api.push(CAST(:t AS uuid), CAST(:d AS jsonb), CAST(:r AS jsonb), "
                                    "'{}', '{}', '[]')", {"t": declared, "d": json.dumps(persons), "r": json.dumps(rows)})
    assert [a["outcome"] for a in answers] == ["rejected"] and "danh sách" in answers[0]["message"]


def test_a_positional_row_not_declared_is_refused(city, unchanged) -> None:
    """A section's rows travel as arrays (their id first, api_sql.ROW_HEAD), outside the documents:
    ``push`` reads their ids there too, so a row id the declaration does not name — here one
    more row, or a row swapped for another id — refuses the batch before any lookup. The sync's
    own declaration names them (api.encode from app.city.documents.wire_rows' ids)."""
    doc = _fresh_doc(city.b_doc, "048085009701", "DN.A")
    assert doc["training"]
    with _raw(city) as raw:
        for swap in (False, True):
            persons, rows = api._split([api.prepare(doc)])
            assert all(isinstance(r, list) for r in rows["training"])
            extra = list(rows["training"][0])
            extra[api.ROW_HEAD.index("id")] = str(uuid.uuid4())  # the id of a row somewhere at the city
            rows["training"] = [extra] if swap else [*rows["training"], extra]
            declared = _declare(raw, doc)  # the document's own rows only
            with pytest.raises(psycopg.errors.NoDataFound, match="chưa khai báo"):
                raw.execute("SELECT hoso_api.push(%s, %s::jsonb, %s::jsonb, '{}', '{}', '[]')",
                            (declared, json.dumps(persons), json.dumps(rows)))
        # the same rows as the sync encodes them (JSON text, their ids not in the documents)
        persons, rows = api._split([api.prepare(doc)])
        bare = {k: v for k, v in api.prepare(doc).items() if k not in api.ROW_COLUMNS}
        encoded = api.encode([bare], {}, [], {k: json.dumps(v) for k, v in rows.items() if k in api.ROW_COLUMNS})
        assert set(encoded.identities[2]) == {r[0] if isinstance(r, list) else r["id"]
                                              for found in rows.values() for r in found}


def test_the_citys_logs_stay_one_unbroken_chain(city) -> None:
    """Every entry the API writes (the sync's history, hand-overs, refusals, the sync's own access
    entries) is chained like the app's own writers do (app.security.chain): the check walks clean."""
    from app.security.chain import verify

    doc = _fresh_doc(city.b_doc, "048085009501", "DN.A")  # one more of each kind of entry
    log = [{"at": "2026-11-01T07:00:00+00:00", "by": "can_bo", "action": "create", "entity": "person",
            "record_id": doc["id"], "person_id": doc["id"], "field": "*", "old": None, "new": "tạo\n\"mới\""}]
    assert api.push_documents(city.a, [doc], log=log).inserted == 1
    api.push_documents(city.a, [_fresh_doc(city.b_doc, B_CCCD, "DN.A")])
    with city.db.session() as s:
        report = verify(s)
        assert report.breaks == [] and report.entries > 10
        assert s.scalar(select(text("count(*)")).select_from(text("change_log")).where(
            text("by = :b")), {"b": f"{city.ra}: can_bo"}) == 1


def _server_log(city: SimpleNamespace):  # noqa: ANN202
    """PostgreSQL's server log file on this machine (pg_current_logfile, or Debian's default)."""
    from pathlib import Path

    with psycopg.connect(psycopg_url(city.url)) as conn:
        current, data, major = conn.execute("SELECT pg_current_logfile(), current_setting('data_directory'), "
                                            "current_setting('server_version_num')::int / 10000").fetchone()
    candidates = [Path(data) / current] if current else []
    candidates.append(Path(f"/var/log/postgresql/postgresql-{major}-main.log"))
    for path in candidates:
        try:
            with path.open("rb"):
                return path
        except OSError:
            continue
    pytest.skip("the server's log is not readable on this machine")


def _declare(conn: psycopg.Connection, doc: dict) -> uuid.UUID:
    """``hoso_api.declare`` of one document's identities (committed when ``conn`` is not in a transaction)."""
    return conn.execute(api.DECLARE_SQL, api.identities([api.prepare(doc)])).fetchone()[0]


def _probe(conn: psycopg.Connection, doc: dict, declared: uuid.UUID | None = None) -> object:
    """``hoso_api.push`` of one document as a unit would craft it by hand (declared first, in a
    transaction of its own, unless ``declared`` is given): the ticket it returns."""
    declared = declared or _declare(conn, doc)
    persons, rows = api._split([api.prepare(doc)])
    return conn.execute("SELECT hoso_api.push(%s, %s::jsonb, %s::jsonb, '{}', '{}', '[]')",
                        (declared, json.dumps(persons), json.dumps(rows))).fetchone()[0]


def _declared_doc(conn: psycopg.Connection, doc: dict) -> tuple[dict, uuid.UUID]:
    return doc, _declare(conn, doc)


def _results(conn: psycopg.Connection, ticket: object) -> object:
    return conn.execute("SELECT hoso_api.results(%s)", (ticket,)).fetchone()[0]


def _traces(city: SimpleNamespace) -> tuple[int, int, int]:
    """What the Department sees of A's attempts: conflicts listed, identity_conflict and sync entries."""
    return len(_conflicts(city, "cccd")), _seen(city, "identity_conflict"), _seen(city, "sync")


def test_a_rolled_back_probe_learns_nothing_and_a_read_one_stays_in_the_logs(city, unchanged) -> None:
    """The probe of issue 12 (push B's CCCD in a transaction, read the answer, roll back): the
    answer is a ticket, its result is refused in the attempt's transaction (after a savepoint rolled
    back too), and a rolled-back ticket is unknown. The only way to learn the answer is to commit
    the attempt first, and then its access-log entries and its conflict row are the Department's."""
    before = _traces(city)
    with _raw(city) as conn:
        doc, declared = _declared_doc(conn, _fresh_doc(city.b_doc, B_CCCD, "DN.A"))
        conn.execute("BEGIN")
        ticket = _probe(conn, doc, declared)
        assert isinstance(ticket, uuid.UUID) and ticket.version == 4  # no answer in it: a random ticket
        with pytest.raises(psycopg.errors.ActiveSqlTransaction, match="sau khi giao dịch gửi đã COMMIT"):
            _results(conn, ticket)
        conn.execute("ROLLBACK")
        with pytest.raises(psycopg.errors.NoDataFound, match=NO_RESULTS):
            _results(conn, ticket)  # gone with the rollback
        doc, declared = _declared_doc(conn, _fresh_doc(city.b_doc, B_CCCD, "DN.A"))
        conn.execute("BEGIN")
        conn.execute("SAVEPOINT probe")
        ticket = _probe(conn, doc, declared)
        conn.execute("ROLLBACK TO SAVEPOINT probe")
        with pytest.raises(psycopg.errors.ActiveSqlTransaction):
            _results(conn, ticket)
        conn.execute("ROLLBACK")
        assert _traces(city) == before  # nothing learnt, nothing kept (the server log has both)
        doc, declared = _declared_doc(conn, _fresh_doc(city.b_doc, B_CCCD, "DN.A"))
        conn.execute("BEGIN")
        ticket = _probe(conn, doc, declared)
        conn.execute("COMMIT")
        answer = _results(conn, ticket)
    assert [(a["id"], a["outcome"], a["message"]) for a in answer] == [(doc["id"], "rejected", COLLISION)]
    listed, conflicts, syncs = _traces(city)
    assert (listed, conflicts, syncs) == (before[0] + 1, before[1] + 1, before[2] + 1)
    assert _conflicts(city, "cccd")[-1].person_id == uuid.UUID(doc["id"])


def test_a_ticket_is_read_once_by_its_role_only(city, unchanged) -> None:
    """Another role's ticket (unit B's, the Department's), a ticket read already, an expired one
    and an unknown one all get the same refusal."""
    def refusal(url: str, ticket: object) -> tuple[str, str]:
        with psycopg.connect(psycopg_url(url), autocommit=True) as conn, \
                pytest.raises(psycopg.errors.NoDataFound) as caught:
            _results(conn, ticket)
        return caught.value.sqlstate, caught.value.diag.message_primary

    with _raw(city) as conn:
        ticket = _probe(conn, _fresh_doc(city.b_doc, B_CCCD, "DN.A"))  # autocommit: committed
        stale = _probe(conn, _fresh_doc(city.b_doc, B_CCCD, "DN.A"))
    unknown = refusal(role_url(city.url, city.ra), uuid.uuid4())
    assert unknown == ("P0002", NO_RESULTS)
    assert refusal(role_url(city.url, city.rb), ticket) == unknown
    assert refusal(city.url, ticket) == unknown  # the Department's role did not make it either
    with _raw(city) as conn:
        assert _results(conn, ticket)[0]["message"] == COLLISION  # still there for A
    assert refusal(role_url(city.url, city.ra), ticket) == unknown  # once
    with psycopg.connect(psycopg_url(city.url), autocommit=True) as department:
        department.execute(f"UPDATE hoso_api.answers SET made_at = made_at - interval '{ANSWERS_KEPT}' "
                           "WHERE ticket = %s", (stale,))
    assert refusal(role_url(city.url, city.ra), stale) == unknown
    with _raw(city) as conn:  # the next answer read purges the expired ones nobody read
        assert _results(conn, _probe(conn, _fresh_doc(city.b_doc, B_CCCD, "DN.A")))[0]["message"] == COLLISION
    with psycopg.connect(psycopg_url(city.url)) as department:
        assert department.execute("SELECT count(*) FROM hoso_api.answers WHERE ticket = ANY(%s)",
                                  ([ticket, stale],)).fetchone() == (0,)  # the expired one purged too


def test_a_hand_over_answers_only_after_its_attempt_is_committed(city, unchanged) -> None:
    with _raw(city) as conn:
        conn.execute("BEGIN")
        ticket = conn.execute("SELECT hoso_api.hand_over(%s, 'DN.A')", (city.b_person,)).fetchone()[0]
        with pytest.raises(psycopg.errors.ActiveSqlTransaction):
            _results(conn, ticket)
        conn.execute("ROLLBACK")
        listed = len(_conflicts(city, "hand_over"))
        ticket = conn.execute("SELECT hoso_api.hand_over(%s, 'DN.A')", (city.b_person,)).fetchone()[0]
        assert _results(conn, ticket) == {"left": None}
    assert len(_conflicts(city, "hand_over")) == listed + 1


def test_the_server_log_lines_are_not_sent_to_the_unit(city, unchanged) -> None:
    """A unit asking for LOG messages (client_min_messages) would get the API's RAISE LOG lines —
    "identity conflict … for record …" — while its transaction is open: the API runs with
    client_min_messages = warning."""
    heard: list[str] = []
    with _raw(city) as conn:
        conn.add_notice_handler(lambda diag: heard.append(diag.message_primary or ""))
        conn.execute("SET client_min_messages = debug5")
        doc, declared = _declared_doc(conn, _fresh_doc(city.b_doc, B_CCCD, "DN.A"))
        conn.execute("BEGIN")
        _probe(conn, doc, declared)
        conn.execute("SELECT hoso_api.hand_over(%s, 'DN.A')", (city.b_person,))
        conn.execute("ROLLBACK")
    assert not [m for m in heard if "HoSo" in m or str(city.b_person) in m], heard


def test_a_probe_holds_no_lock_on_bs_person(city, unchanged) -> None:
    """A lock on B's person would tell a second session of A (blocked or not) that the id exists."""
    doc = dict(city.b_doc, unit_code="DN.A", version=city.b_doc["version"] + 1)
    with _raw(city) as conn:
        declared = _declare(conn, doc)
        conn.execute("BEGIN")
        _probe(conn, doc, declared)
        with psycopg.connect(psycopg_url(city.url), autocommit=True) as department:
            department.execute("SET lock_timeout = '2s'")
            assert department.execute("SELECT 1 FROM persons WHERE id = %s FOR UPDATE NOWAIT",
                                      (city.b_person,)).fetchone() == (1,)
        conn.execute("ROLLBACK")


def test_a_rolled_back_probe_still_reaches_the_server_log(city, unchanged) -> None:
    """A probe rolled back before its answer could be read learns nothing and leaves no row, but
    PostgreSQL's server log has it (RAISE LOG, which no transaction undoes)."""
    log = _server_log(city)
    start = log.stat().st_size
    doc = _fresh_doc(city.b_doc, B_CCCD, "DN.A")
    with _raw(city) as conn:
        declared = _declare(conn, doc)
        conn.execute("BEGIN")
        _probe(conn, doc, declared)
        conn.execute("ROLLBACK")
    with log.open("rb") as fh:
        fh.seek(start)
        written = fh.read().decode("utf-8", "replace")
    assert f"HoSo: identity conflict (cccd) by role {city.ra} for record {doc['id']}" in written


def test_a_push_needs_its_batch_declared_and_committed_before(city, unchanged) -> None:
    """``push`` looks at nothing before it has taken a declaration of the caller, made and
    committed in an earlier transaction, listing every identity of the batch."""
    doc = _fresh_doc(city.b_doc, B_CCCD, "DN.A")
    with _raw(city) as conn:
        for declared in (uuid.uuid4(), _declare(conn, _fresh_doc(city.b_doc, B2_CCCD, "DN.A"))):
            with pytest.raises(psycopg.errors.NoDataFound, match="chưa khai báo"):
                _probe(conn, doc, declared)  # none, or one naming other identities
        with psycopg.connect(psycopg_url(role_url(city.url, city.rb)), autocommit=True) as as_b:
            bs = _declare(as_b, doc)
        with pytest.raises(psycopg.errors.NoDataFound, match="chưa khai báo"):
            _probe(conn, doc, bs)  # another role's
        conn.execute("BEGIN")
        declared = _declare(conn, doc)
        with pytest.raises(psycopg.errors.ActiveSqlTransaction, match="lệnh ghi đầu tiên"):
            _probe(conn, doc, declared)  # in the declaration's own transaction
        conn.execute("ROLLBACK")
        declared = _declare(conn, doc)
        assert _results(conn, _probe(conn, doc, declared))[0]["message"] == COLLISION
        with pytest.raises(psycopg.errors.NoDataFound, match="chưa khai báo"):
            _probe(conn, doc, declared)  # used


def test_a_declaration_is_bounded(city) -> None:
    """``declare`` keeps what it is given until the push or the Department's settling: its lists
    are bounded in number and a CCCD in length (as ``persons.cccd``), so a unit cannot fill the
    city's disk through it."""
    def kept() -> int:
        with psycopg.connect(psycopg_url(city.url)) as department:
            return department.execute("SELECT count(*) FROM hoso_api.declarations").fetchone()[0]

    count = kept()
    with _raw(city) as conn:
        for ids, cccds in (([], ["0" * 13]), ([], ["048085001234", "x" * 100_000]),
                           ([str(uuid.uuid4()) for _ in range(MAX_DOCS + 1)], [])):
            with pytest.raises(psycopg.errors.InvalidParameterValue):
                conn.execute(api.DECLARE_SQL, (ids, cccds, []))
        assert conn.execute(api.DECLARE_SQL, ([], ["048085001234"], [])).fetchone()[0]  # a sound one goes
    assert kept() == count + 1


def test_a_rolled_back_push_is_listed_from_its_declaration(city, unchanged) -> None:
    """Whatever a unit can read from inside its own transaction (its command counter, its locks,
    timing), the identities it asked about were committed before ``push`` looked at them: once the
    push is rolled back and 15 minutes have passed, the Department's list shows every one held
    outside the unit's units (B's person id, B's other CCCD, a row id of B's person), as a
    committed push would have; A's own identities are not listed."""
    doc = _fresh_doc(city.b_doc, "048085009701", "DN.A")
    b_row = city.b_doc["training"][0]["id"]
    with _raw(city) as conn:
        ids, cccds, rows = api.identities([api.prepare(doc)])
        declared = conn.execute(api.DECLARE_SQL, ([*ids, str(city.b_person), city.a_doc["id"]],
                                                  [*cccds, B2_CCCD, A_CCCD], [*rows, b_row])).fetchone()[0]
        conn.execute("BEGIN")
        _probe(conn, doc, declared)
        conn.execute("ROLLBACK")
        honest = _declare(conn, city.a_doc)  # a sync stopped before its push: nothing to list
    kinds = ("person", "cccd", "row")
    before = {k: len(_conflicts(city, k)) for k in kinds}
    seen = _seen(city, "identity_conflict")
    identity_conflicts(city.db)
    assert {k: len(_conflicts(city, k)) for k in kinds} == before  # the push may still come
    with psycopg.connect(psycopg_url(city.url), autocommit=True) as department:
        department.execute(f"UPDATE hoso_api.declarations SET made_at = made_at - interval '{ANSWERS_KEPT}' "
                           "WHERE ticket = ANY(%s)", ([declared, honest],))
    listed = identity_conflicts(city.db)
    added = {k: _conflicts(city, k)[before[k]:] for k in kinds}
    assert [(c.person_id, c.holder_id, c.detail) for c in added["person"]] == [(city.b_person, city.b_person, ABANDONED)]
    assert [(c.cccd, c.holder_id) for c in added["cccd"]] == [(B2_CCCD, city.b_other)]
    assert [c.holder_id for c in added["row"]] == [city.b_person]
    assert _seen(city, "identity_conflict") == seen + 3
    assert {r.kind for r in listed[:3]} == set(kinds) and all(r.role == city.ra for r in listed[:3])
    with psycopg.connect(psycopg_url(city.url)) as department:
        assert department.execute("SELECT count(*) FROM hoso_api.declarations WHERE ticket = ANY(%s)",
                                  ([declared, honest],)).fetchone() == (0,)
