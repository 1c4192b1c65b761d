"""The SQL of the city database's function API (schema ``hoso_api``), made by ``city init``.

A unit's login role holds no privilege on any table, view or sequence of the city database: it
may only EXECUTE the public functions below (``SECURITY DEFINER``: they run as the role that ran
``city init``, with ``search_path`` fixed and every table named with its schema). Each one knows
the caller by ``session_user`` (the login role), maps it to its units through
``city_unit_access``, returns only the caller's own rows and writes the change log and the
access log itself. The Department (superuser, BYPASSRLS, owner of the tables) may call them for
every unit. docs/city.md describes the API to the administrator.

Public (EXECUTE granted to the units' group role):

- ``info() → jsonb``: ``{"api", "schema_version", "role", "department", "units": [codes]}``;
- ``missing_units(codes text[]) → text[]``: which of these unit codes the city lacks;
- ``tokens(ids uuid[]) → jsonb``: ``[{"id","version","updated_at","deleted"}]`` of the caller's
  own persons among ``ids`` (the others are simply absent);
- ``missing_contents(hashes text[]) → text[]``: attachment contents the caller's own records at
  the city do not hold (the client then sends them);
- ``declare(ids uuid[], cccds text[], row_ids uuid[]) → uuid``: the identities a batch will name,
  kept under a ticket; ``push`` takes only a declaration committed in an earlier transaction, so
  whatever a unit reads from its own transaction during ``push`` (its command counter, its locks)
  and then rolls back, the identities it asked about stay for the Department (``_settle``);
- ``push(declared uuid, docs jsonb, rows jsonb, bases jsonb, blobs jsonb, log jsonb) → uuid``:
  refused in a transaction that has written anything and for identities ``declared`` does not
  list; write a batch of dossier documents (``docs``: each person's own fields; ``rows``: their section rows, placements
  and attachments by document key, each naming its ``person_id``); its answer, one result per
  document ``{"id","outcome","message","handed_over"}``, is kept under the ticket returned;
- ``hand_over(person uuid, to_unit text) → uuid``: a transfer (docs/city.md, section 4); its
  answer ``{"left": unit code, or null when refused}`` is kept under the ticket returned;
- ``results(ticket uuid) → jsonb``: the answer kept under ``ticket``, once, for the role that
  made it, within ANSWERS_KEPT, and only in a transaction that has written nothing — so never
  in the transaction of the attempt: a unit learns whether another unit's CCCD or dossier id
  exists only after its attempt, logs and list of identity conflicts included, is committed;
- ``analyze() → void``: refresh the planner statistics of the person tables.

``tokens`` and ``missing_contents`` answer directly: their answers come from the caller's own
rows only (another unit's id or content is answered as one the city does not have) and they
write nothing, so there is no attempt to hide and nothing to learn by rolling back.

Internal (no EXECUTE for anybody but the owner): ``_write`` (the set-based writer ``push`` calls
for the whole batch, then record by record in subtransactions if the batch fails), ``_log`` (the
chained log writer), ``_settle`` (the Department, app.city.conflicts: the declarations of pushes
that never committed become identity conflicts).

The bodies are generated from the SQLAlchemy tables (``models``), so a column added by a
migration reaches the API the next time ``city init`` runs.
"""

from __future__ import annotations

from dataclasses import dataclass

from models import SECTION_CLASSES
from models.person import Person  # noqa: F401 - the table metadata below

SCHEMA = "hoso_api"
API_VERSION = 2  # 2: push and hand_over answer with a ticket (results)
MAX_DOCS = 1000
MAX_IDS = 20000
MAX_LOG = 200_000
MAX_BLOBS = 1000
MAX_BLOB_BYTES = 64 * 1024 * 1024
MAX_BATCH_BYTES = 512 * 1024 * 1024
COLLISION = "Số định danh này đã có trong CSDL thành phố; đề nghị liên hệ Sở Nội vụ"
# the answers of push and hand_over wait in hoso_api.answers until read (results), at most this long
ANSWERS = "answers"
ANSWERS_KEPT = "15 minutes"
DECLARATIONS = "declarations"
PUSH_NOT_FIRST = ("hoso_api.push: phải là lệnh ghi đầu tiên của giao dịch, sau khi khai báo lô (hoso_api.declare) "
                  "đã COMMIT")
NOT_DECLARED = "hoso_api.push: lô này có số định danh chưa khai báo (hoso_api.declare) hoặc khai báo không còn"
ABANDONED = "khai báo trong một lần gửi không hoàn tất (huỷ, rollback hoặc lỗi)"
RESULTS_TOO_EARLY = ("hoso_api.results: kết quả chỉ đọc được sau khi giao dịch gửi đã COMMIT, trong một giao dịch "
                     "chưa ghi gì")
NO_RESULTS = "hoso_api.results: không có kết quả cho phiếu này"
HAND_OVER_REFUSED = ("Không chuyển giao được hồ sơ này: không có trong CSDL thành phố hoặc không thuộc đơn vị "
                     "của vai trò; đề nghị liên hệ Sở Nội vụ")

# doc key → table, for the rows that belong to a person (sections, then placements, attachments)
SECTION_KEYS: dict[str, str] = {name: cls.__tablename__ for name, cls in SECTION_CLASSES.items()}

# A section's rows travel as JSON arrays (the city reads them by position: no key repeated on every
# row, and a parse several times cheaper than ``jsonb_populate_recordset`` over objects): first
# the document's own keys, then the section's columns as the city stores them (``ROW_COLUMNS``,
# generated from the same tables on both sides; the sync refuses a city of another schema
# version). Placements and attachments stay objects (few rows; ``push`` checks them by name).
ROW_HEAD = ("id", "person_id", "seq", "version", "updated_at")


# Every function runs with these settings. client_min_messages: a unit that sets it to LOG would
# otherwise receive the RAISE LOG lines meant for the server log (an identity conflict, while its
# transaction is still open and could be rolled back).
SETTINGS = (("search_path", f"pg_catalog, {SCHEMA}, pg_temp"), ("client_min_messages", "warning"))


@dataclass(frozen=True)
class Function:
    name: str
    args: str  # the argument list with names and types
    signature: str  # the argument types only (for GRANT / REVOKE / regprocedure)
    returns: str
    body: str
    public: bool  # EXECUTE for the units' group

    @property
    def qualified(self) -> str:
        return f"{SCHEMA}.{self.name}({self.signature})"

    def create(self) -> str:
        settings = " ".join(f"SET {name} = {value}" for name, value in SETTINGS)
        return (f"CREATE OR REPLACE FUNCTION {SCHEMA}.{self.name}({self.args}) RETURNS {self.returns} "
                f"LANGUAGE plpgsql SECURITY DEFINER {settings} AS $hoso${self.body}$hoso$")


def _columns(table_name: str) -> list[str]:
    from models.base import Base

    return [c.name for c in Base.metadata.tables[table_name].columns]


def _q(schema: str, table: str) -> str:
    return f'"{schema}"."{table}"'


def _free(schema: str) -> str:
    """SQL: is the session's login role the Department (above the units' restrictions)?"""
    return (f"coalesce((SELECT r.rolsuper OR r.rolbypassrls OR pg_has_role(r.oid, c.relowner, 'USAGE') "
            f"FROM pg_catalog.pg_roles r, pg_catalog.pg_class c WHERE r.rolname = session_user "
            f"AND c.oid = '{_q(schema, 'persons')}'::regclass), false)")


def _mine(schema: str, caller: str = "v_caller") -> str:
    return f"(SELECT a.unit_id FROM {_q(schema, 'city_unit_access')} a WHERE a.role_name = {caller})"


_PERSON_SKIP = {"id", "unit_id", "review_state", "version", "updated_at", "deleted_at", "created_at"}
_ROW_SKIP = {"id", "person_id", "seq", "version", "updated_at", "deleted_at"}


def _row_columns(table: str) -> tuple[str, ...]:
    return ROW_HEAD + tuple(c for c in _columns(table) if c not in _ROW_SKIP)


#: section key → the positions of its rows' values on the wire (``ROW_HEAD`` then its columns)
ROW_COLUMNS: dict[str, tuple[str, ...]] = {key: _row_columns(table) for key, table in SECTION_KEYS.items()}


def _base_type(table: str, column: str) -> str:
    """The column's PostgreSQL type without its length or precision: a value too long for a
    ``varchar(n)`` is then refused by the INSERT (an explicit cast would cut it silently)."""
    import re

    from sqlalchemy.dialects import postgresql

    from models.base import Base

    kind = Base.metadata.tables[table].c[column].type.compile(dialect=postgresql.dialect())
    return re.sub(r"\(.*?\)", "", kind).strip()


def _positional(key: str, table: str, src: str) -> str:
    """SQL (a FROM item ``r``): the section rows of ``src`` (JSON arrays in ``ROW_COLUMNS`` order)
    as typed columns named as the table's."""
    values = ", ".join(f"(e->>{i})::{_base_type(table, c)} AS {c}" for i, c in enumerate(ROW_COLUMNS[key])
                       if c in _columns(table))
    return f"(SELECT {values} FROM jsonb_array_elements({src}) e) r"


def _shape_check(key: str, src: str) -> str:
    """SQL: refuse a section whose rows are not all arrays of ``ROW_COLUMNS`` values (a row the
    city cannot read by position is never skipped silently)."""
    if key not in ROW_COLUMNS:
        return ""
    n = len(ROW_COLUMNS[key])
    return f"""
    IF EXISTS (SELECT 1 FROM jsonb_array_elements({src}) e
               WHERE jsonb_typeof(e) <> 'array' OR jsonb_array_length(e) <> {n}) THEN
      RAISE EXCEPTION 'hoso_api.push: mỗi dòng của mục {key} phải là một danh sách {n} giá trị' USING ERRCODE = '22023';
    END IF;"""


def _row_ids(key: str, src: str) -> str:
    """SQL (a FROM item ``x``): the id and person of each row of ``src``."""
    if key in ROW_COLUMNS:
        return f"(SELECT (e->>0)::uuid AS id, (e->>1)::uuid AS person_id FROM jsonb_array_elements({src}) e) x"
    return f"jsonb_to_recordset({src}) x(id uuid, person_id uuid)"


def _person_upsert(s: str) -> str:
    cols = [c for c in _columns("persons") if c not in _PERSON_SKIP]
    target = ", ".join(["id", *cols, "unit_id", "review_state", "version", "updated_at", "deleted_at", "created_at"])
    values = ", ".join(["r.id", *(f"r.{c}" for c in cols), "w.unit", "'approved'", "r.version",
                        "r.updated_at", "NULL", "now()"])
    sets = ", ".join(f"{c} = EXCLUDED.{c}" for c in [*cols, "unit_id", "review_state", "version", "updated_at",
                                                     "deleted_at"])
    return f"""
  IF cardinality(p_ids) > 0 THEN
    INSERT INTO {_q(s, 'persons')} AS t ({target})
    SELECT {values} FROM jsonb_populate_recordset(NULL::{_q(s, 'persons')}, p_docs) r
      JOIN unnest(p_ids, p_units) w(id, unit) ON w.id = r.id
    ON CONFLICT (id) DO UPDATE SET {sets}
      WHERE p_free OR t.unit_id IN (SELECT a.unit_id FROM {_q(s, 'city_unit_access')} a WHERE a.role_name = p_caller);
    GET DIAGNOSTICS v_n = ROW_COUNT;
    IF v_n <> cardinality(p_ids) THEN
      RAISE EXCEPTION 'hoso: person not writable' USING ERRCODE = 'unique_violation';
    END IF;
  END IF;"""


def _rows_upsert(s: str, key: str, table: str) -> str:
    """Replace the rows of one person-owned table for the live documents of the batch. ``p_rows``
    holds every row of the batch by document key, each with its ``person_id``, ``seq``, ``version``
    and ``updated_at`` set by the client from its document (app.city.api._split); only the rows of
    the persons being written (``p_ids``) are taken. Set-based: one DELETE (persons the city had
    before only), one INSERT … SELECT … ON CONFLICT whose count is checked (a row id held by
    another person is never taken over)."""
    own = {"attachments": ("content", "added_at"), "placements": ("unit_id",)}.get(table, ())
    cols = [c for c in _columns(table) if c not in _ROW_SKIP and c not in own]
    extra_target, extra_value, extra_set = [], [], []
    join = ""
    if table == "placements":
        extra_target, extra_value, extra_set = ["unit_id"], ["u.id"], ["unit_id = EXCLUDED.unit_id"]
        join = f" JOIN {_q(s, 'units')} u ON u.code = x.unit_code"
    elif table == "attachments":
        extra_target = ["added_at", "content"]
        content = (f"coalesce(decode(p_blobs->>r.sha256, 'base64'), "
                   f"(SELECT a.content FROM {_q(s, 'attachments')} a WHERE a.id = r.id "
                   f"AND a.person_id = r.person_id AND a.sha256 = r.sha256), "
                   f"(SELECT a.content FROM {_q(s, 'attachments')} a JOIN {_q(s, 'persons')} p ON p.id = a.person_id "
                   f"WHERE a.sha256 = r.sha256 AND (p_free OR p.unit_id IN (SELECT c.unit_id FROM "
                   f"{_q(s, 'city_unit_access')} c WHERE c.role_name = p_caller)) LIMIT 1))")
        extra_value = ["now()", content]
        extra_set = ["content = CASE WHEN t.sha256 = EXCLUDED.sha256 THEN t.content ELSE EXCLUDED.content END"]
    seq = ["seq"] if "seq" in _columns(table) else []
    target = ", ".join(["id", "person_id", *seq, "version", "updated_at", "deleted_at", *cols, *extra_target])
    values = ", ".join(["r.id", "r.person_id", *(["r.seq"] if seq else []), "r.version", "r.updated_at",
                        "NULL::timestamptz",
                        *(f"r.{c}" for c in cols), *extra_value])
    sets = ", ".join([*(f"{c} = EXCLUDED.{c}" for c in [*seq, *cols, "version", "updated_at", "deleted_at"]),
                      *extra_set])
    src = f"coalesce(p_rows->'{key}', '[]'::jsonb)"
    if key in ROW_COLUMNS:  # a section: arrays, read by position
        rows = _positional(key, table, src)
    elif table == "placements":  # the unit travels as its code
        rows = (f"jsonb_populate_recordset(NULL::{_q(s, table)}, {src}) r "
                f"JOIN jsonb_to_recordset({src}) x(id uuid, unit_code text) ON x.id = r.id")
    else:
        rows = f"jsonb_populate_recordset(NULL::{_q(s, table)}, {src}) r"
    return f"""
  -- {table}: rows the documents no longer have go, then the documents' rows are upserted
  IF cardinality(p_known) > 0 THEN
    v_keep := ARRAY(SELECT x.id FROM {_row_ids(key, src)}
                    WHERE x.person_id IN (SELECT unnest(p_known)));
    DELETE FROM {_q(s, table)} t WHERE t.person_id = ANY(p_known) AND t.id NOT IN (SELECT unnest(v_keep));
  END IF;
  IF p_rows ? '{key}' THEN{_shape_check(key, src)}
    IF p_all THEN  -- every document of the batch is written: every row must be taken (a row of
      -- another person is filtered out, the count differs and the batch goes record by record)
      v_want := jsonb_array_length(p_rows->'{key}');
      INSERT INTO {_q(s, table)} AS t ({target})
      SELECT {values} FROM {rows}{join} WHERE r.person_id IN (SELECT unnest(p_ids))
      ON CONFLICT (id) DO UPDATE SET {sets} WHERE t.person_id = EXCLUDED.person_id;
    ELSE
      v_want := (SELECT count(*) FROM {_row_ids(key, src)}
                  WHERE x.person_id IN (SELECT unnest(p_ids)));
      INSERT INTO {_q(s, table)} AS t ({target})
      SELECT {values} FROM {rows}{join} WHERE r.person_id IN (SELECT unnest(p_ids))
      ON CONFLICT (id) DO UPDATE SET {sets} WHERE t.person_id = EXCLUDED.person_id;
    END IF;
    GET DIAGNOSTICS v_n = ROW_COUNT;
    IF v_n <> v_want THEN
      RAISE EXCEPTION 'hoso: a row of {table} belongs to another record' USING ERRCODE = 'unique_violation';
    END IF;
  END IF;"""


def _write_body(s: str) -> str:
    parts = [_person_upsert(s)]
    for key, table in SECTION_KEYS.items():
        parts.append(_rows_upsert(s, key, table))
    parts.append(_rows_upsert(s, "placements", "placements"))
    parts.append(_rows_upsert(s, "attachments", "attachments"))
    return f"""
DECLARE
  p_caller text := session_user::text;
  p_free boolean := {_free(s)};
  v_n bigint;
  v_want bigint;
  v_keep uuid[];
BEGIN
{''.join(parts)}
  UPDATE {_q(s, 'persons')} t SET deleted_at = coalesce((e->>'deleted_at')::timestamptz, now()),
         version = (e->>'version')::int, updated_at = (e->>'updated_at')::timestamptz
    FROM jsonb_array_elements(p_dead) e
   WHERE t.id = (e->>'id')::uuid
     AND (p_free OR t.unit_id IN (SELECT a.unit_id FROM {_q(s, 'city_unit_access')} a WHERE a.role_name = p_caller));
  GET DIAGNOSTICS v_n = ROW_COUNT;
  IF v_n <> jsonb_array_length(p_dead) THEN
    RAISE EXCEPTION 'hoso: person not writable' USING ERRCODE = 'unique_violation';
  END IF;
END
"""


ROW_KEYS: dict[str, str] = {**SECTION_KEYS, "placements": "placements", "attachments": "attachments"}


def _foreign_rows(s: str) -> str:
    """SQL: the documents with a row id (section row, placement, attachment) that the city holds
    for another person (index lookups by id, whatever the size of the tables)."""
    parts = []
    for key, table in ROW_KEYS.items():
        src = f"coalesce(v_rows->'{key}', '[]'::jsonb)"
        parts.append(f"SELECT x.person_id FROM {_row_ids(key, src)} JOIN {_q(s, table)} t ON t.id = x.id "
                     f"WHERE t.person_id <> x.person_id")
    return "\n  v_foreign := ARRAY(" + "\n    UNION ".join(parts) + ");"


def _push_body(s: str) -> str:
    persons, units, log = _q(s, "persons"), _q(s, "units"), _q(s, "change_log")
    conflicts = _q(s, "city_identity_conflicts")
    return f"""
DECLARE
  v_caller text := session_user::text;
  v_free boolean := {_free(s)};
  v_plan jsonb;
  v_w_ids uuid[];
  v_w_units uuid[];
  v_dead jsonb;
  v_known uuid[];
  v_results jsonb := '[]'::jsonb;
  v_item jsonb;
  v_outcome text;
  v_failed boolean := false;
  v_written uuid[] := '{{}}';
  v_counts jsonb;
  v_sha text;
  v_ids uuid[];
  v_rows jsonb;
  v_foreign uuid[];
  v_missing_unit jsonb;
  v_missing_file jsonb;
  v_ticket uuid;
  v_declared record;
BEGIN
  -- the batch's identities were declared and committed before (declare): nothing of this
  -- transaction can have been written yet, or the declaration could be of it
  IF pg_current_xact_id_if_assigned() IS NOT NULL THEN
    RAISE EXCEPTION '{PUSH_NOT_FIRST}' USING ERRCODE = '25001';
  END IF;
  IF jsonb_typeof(p_docs) IS DISTINCT FROM 'array' OR jsonb_array_length(p_docs) > {MAX_DOCS} THEN
    RAISE EXCEPTION 'hoso_api.push: docs phải là một danh sách tối đa {MAX_DOCS} hồ sơ' USING ERRCODE = '22023';
  END IF;
  IF jsonb_typeof(coalesce(p_bases, '{{}}')) <> 'object' OR jsonb_typeof(coalesce(p_blobs, '{{}}')) <> 'object'
     OR jsonb_typeof(coalesce(p_log, '[]')) <> 'array' THEN
    RAISE EXCEPTION 'hoso_api.push: bases, blobs phải là đối tượng, log phải là danh sách' USING ERRCODE = '22023';
  END IF;
  IF jsonb_array_length(coalesce(p_log, '[]')) > {MAX_LOG}
     OR (SELECT count(*) FROM jsonb_object_keys(coalesce(p_blobs, '{{}}'))) > {MAX_BLOBS}
     OR pg_column_size(p_docs) + coalesce(pg_column_size(p_rows), 0) + coalesce(pg_column_size(p_blobs), 0) + coalesce(pg_column_size(p_log), 0) > {MAX_BATCH_BYTES} THEN
    RAISE EXCEPTION 'hoso_api.push: lô dữ liệu quá lớn' USING ERRCODE = '22023';
  END IF;
  IF EXISTS (SELECT 1 FROM jsonb_array_elements(p_docs) e WHERE jsonb_typeof(e) <> 'object'
             OR NOT (e ? 'id') OR NOT (e ? 'version') OR NOT (e ? 'updated_at')) THEN
    RAISE EXCEPTION 'hoso_api.push: mỗi hồ sơ cần id, version, updated_at' USING ERRCODE = '22023';
  END IF;
  -- contents: each must be the base64 of the bytes its SHA-256 names
  FOR v_sha IN SELECT k FROM jsonb_object_keys(coalesce(p_blobs, '{{}}')) k LOOP
    IF v_sha !~ '^[0-9a-f]{{64}}$' OR jsonb_typeof(p_blobs->v_sha) <> 'string'
       OR length(p_blobs->>v_sha) > {MAX_BLOB_BYTES * 4 // 3 + 4}
       OR encode(sha256(decode(p_blobs->>v_sha, 'base64')), 'hex') <> v_sha THEN
      RAISE EXCEPTION 'hoso_api.push: nội dung tệp đính kèm không khớp mã băm %', left(v_sha, 64) USING ERRCODE = '22023';
    END IF;
  END LOOP;
{_declared(s)}
  -- lock the caller's own persons of the batch (never another unit's: a unit holding a lock on
  -- one of them could tell from a second session, blocked or not, that the id exists)
  v_ids := ARRAY(SELECT (e->>'id')::uuid FROM jsonb_array_elements(p_docs) e);
  PERFORM 1 FROM {persons} p WHERE p.id = ANY(v_ids) AND (v_free OR p.unit_id IN {_mine(s)}) FOR UPDATE;
  IF jsonb_typeof(coalesce(p_rows, '{{}}')) <> 'object'
     OR EXISTS (SELECT 1 FROM jsonb_each(coalesce(p_rows, '{{}}')) k
                WHERE k.key <> ALL(ARRAY[{", ".join(f"'{k}'" for k in ROW_KEYS)}]) OR jsonb_typeof(k.value) <> 'array')
     OR (SELECT coalesce(sum(jsonb_array_length(k.value)), 0) FROM jsonb_each(coalesce(p_rows, '{{}}')) k) > {MAX_LOG} THEN
    RAISE EXCEPTION 'hoso_api.push: rows phải là đối tượng {{mục: [dòng]}} với các mục của hồ sơ, tối đa {MAX_LOG} dòng'
      USING ERRCODE = '22023';
  END IF;
  v_rows := coalesce(p_rows, '{{}}');
  v_missing_unit := coalesce((SELECT jsonb_object_agg(m.pid, m.code) FROM (
      SELECT DISTINCT ON (1) (x->>'person_id')::uuid::text AS pid, x->>'unit_code' AS code
        FROM jsonb_array_elements(coalesce(v_rows->'placements', '[]'::jsonb)) x
       WHERE NOT EXISTS (SELECT 1 FROM {units} u2 WHERE u2.code = x->>'unit_code') ORDER BY 1, 2) m), '{{}}');
  v_missing_file := coalesce((SELECT jsonb_object_agg(m.pid, m.name) FROM (
      SELECT DISTINCT ON (1) (a->>'person_id')::uuid::text AS pid, coalesce(a->>'file_name', a->>'sha256') AS name
        FROM jsonb_array_elements(coalesce(v_rows->'attachments', '[]'::jsonb)) a
       WHERE NOT (coalesce(p_blobs, '{{}}') ? (a->>'sha256'))
         AND NOT EXISTS (SELECT 1 FROM {_q(s, 'attachments')} t WHERE t.id = (a->>'id')::uuid
                         AND t.person_id = (a->>'person_id')::uuid AND t.sha256 = a->>'sha256')
         AND NOT EXISTS (SELECT 1 FROM {_q(s, 'attachments')} t JOIN {persons} p2 ON p2.id = t.person_id
                         WHERE t.sha256 = a->>'sha256' AND (v_free OR p2.unit_id IN {_mine(s)}))
       ORDER BY 1, 2) m), '{{}}');

  WITH d AS (
    SELECT e AS doc, (e->>'id')::uuid AS id, NOT (e ? 'full_name') AS dead, (e->>'version')::int AS version,
           (e->>'updated_at')::timestamptz AS updated_at, nullif(e->>'cccd', '') AS cccd,
           e->>'unit_code' AS unit_code, p_bases->(e->>'id') AS base, x.o
      FROM jsonb_array_elements(p_docs) WITH ORDINALITY x(e, o)
  ), q AS (
    SELECT d.*, p.id IS NOT NULL AS known, p.unit_id AS cur_unit,
           p.id IS NOT NULL AND (v_free OR p.unit_id IN {_mine(s)}) AS own,
           p.version = d.version AND p.updated_at = d.updated_at AS same,
           CASE WHEN jsonb_typeof(d.base) = 'object'
                THEN NOT (p.version = (d.base->>'version')::int AND p.updated_at = (d.base->>'updated_at')::timestamptz)
                ELSE p.version > d.version END AS conflict,
           u.id AS want_unit, u.id IS NOT NULL AND (v_free OR u.id IN {_mine(s)}) AS want_own,
           v_missing_unit->>(d.id::text) AS missing_unit,
           h.id AS cccd_holder,
           v_missing_file->>(d.id::text) AS missing_file
      FROM d LEFT JOIN {persons} p ON p.id = d.id AND p.id = ANY(v_ids) LEFT JOIN {units} u ON u.code = d.unit_code
             -- the CCCD's holder, looked up once a document; the order asks for the CCCD's own
             -- btree (uq_persons_cccd), never the trigram index nor a wide index scanned whole
             LEFT JOIN LATERAL (SELECT c.id FROM {persons} c WHERE c.cccd = d.cccd AND c.id <> d.id
                                 ORDER BY c.cccd LIMIT 1) h ON true
  )
  SELECT coalesce(jsonb_agg(jsonb_build_object(
           'id', q.id, 'o', q.o, 'doc', q.doc, 'cccd', q.cccd, 'unit_code', q.unit_code, 'known', q.known,
           'holder', CASE WHEN q.known AND NOT q.own THEN q.id ELSE q.cccd_holder END,
           'unit', CASE WHEN q.want_own THEN q.want_unit ELSE q.cur_unit END,
           'hand_to', CASE WHEN q.known AND q.own AND NOT q.want_own AND NOT q.dead THEN q.want_unit END,
           'foreign_dead', q.dead AND q.known AND NOT q.own,
           'action', CASE
              WHEN q.dead AND NOT coalesce(q.own, false) THEN 'unchanged'
              WHEN q.known AND NOT q.own THEN 'collision:person'
              WHEN q.known AND q.same THEN 'unchanged'
              WHEN q.known AND q.conflict THEN 'conflict'
              WHEN q.dead THEN 'delete'
              WHEN q.cccd_holder IS NOT NULL THEN 'collision:cccd'
              WHEN q.unit_code IS NULL THEN 'rejected:no_unit'
              WHEN q.want_unit IS NULL THEN 'rejected:unit'
              WHEN q.missing_unit IS NOT NULL THEN 'rejected:placement_unit'
              WHEN NOT q.known AND NOT q.want_own THEN 'rejected:not_yours'
              WHEN q.missing_file IS NOT NULL THEN 'rejected:file'
              ELSE 'write' END,
           'missing_unit', q.missing_unit, 'missing_file', q.missing_file) ORDER BY q.o), '[]'::jsonb)
    INTO v_plan FROM q;

  v_w_ids := ARRAY(SELECT (x->>'id')::uuid FROM jsonb_array_elements(v_plan) x WHERE x->>'action' = 'write'
                   ORDER BY (x->>'o')::int);
  v_w_units := ARRAY(SELECT (x->>'unit')::uuid FROM jsonb_array_elements(v_plan) x WHERE x->>'action' = 'write'
                     ORDER BY (x->>'o')::int);
  v_dead := coalesce((SELECT jsonb_agg(x->'doc' ORDER BY (x->>'o')::int)
                        FROM jsonb_array_elements(v_plan) x WHERE x->>'action' = 'delete'), '[]'::jsonb);
  v_known := ARRAY(SELECT (x->>'id')::uuid FROM jsonb_array_elements(v_plan) x
                    WHERE x->>'action' = 'write' AND (x->>'known')::boolean);
  BEGIN
    PERFORM {SCHEMA}._write(p_docs, v_w_ids, v_w_units, v_rows, v_dead, v_known, p_blobs,
                           cardinality(v_w_ids) = jsonb_array_length(p_docs));
  EXCEPTION WHEN OTHERS THEN
    v_failed := true;
  END;
  IF v_failed THEN  -- the batch refused: record by record, each in its own subtransaction
    -- first the documents naming a row id (section row, placement, attachment) the city holds
    -- for another person: never written, told as an identity conflict
{_foreign_rows(s)}
    v_plan := coalesce((SELECT jsonb_agg(CASE WHEN x->>'action' = 'write' AND (x->>'id')::uuid = ANY(v_foreign)
                                              THEN jsonb_set(x, '{{action}}', '"collision:row"') ELSE x END
                                         ORDER BY (x->>'o')::int)
                          FROM jsonb_array_elements(v_plan) x), '[]'::jsonb);
    FOR v_item IN SELECT x FROM jsonb_array_elements(v_plan) x WHERE x->>'action' IN ('write', 'delete') LOOP
      BEGIN
        IF v_item->>'action' = 'write' THEN
          PERFORM {SCHEMA}._write(jsonb_build_array(v_item->'doc'), ARRAY[(v_item->>'id')::uuid],
                                 ARRAY[(v_item->>'unit')::uuid], v_rows, '[]'::jsonb,
                                 CASE WHEN (v_item->>'known')::boolean THEN ARRAY[(v_item->>'id')::uuid]
                                 ELSE '{{}}'::uuid[] END, p_blobs, false);
        ELSE
          PERFORM {SCHEMA}._write('[]'::jsonb, '{{}}'::uuid[], '{{}}'::uuid[], '{{}}'::jsonb,
                                 jsonb_build_array(v_item->'doc'), '{{}}'::uuid[], p_blobs, false);
        END IF;
      EXCEPTION
        WHEN unique_violation THEN
          v_plan := jsonb_set(v_plan, ARRAY[((v_item->>'o')::int - 1)::text, 'action'], '"collision:write"');
        WHEN OTHERS THEN
          v_plan := jsonb_set(v_plan, ARRAY[((v_item->>'o')::int - 1)::text, 'action'], '"rejected:db"');
          v_plan := jsonb_set(v_plan, ARRAY[((v_item->>'o')::int - 1)::text, 'error'], to_jsonb(SQLERRM));
      END;
    END LOOP;
  END IF;

  -- hand-overs: the final state was written under the unit that owns it; now it moves
  FOR v_item IN SELECT x FROM jsonb_array_elements(v_plan) x
                 WHERE x->>'action' = 'write' AND x->>'hand_to' IS NOT NULL LOOP
    UPDATE {persons} SET unit_id = (v_item->>'hand_to')::uuid WHERE id = (v_item->>'id')::uuid;
    PERFORM {SCHEMA}._log('change_log', jsonb_build_array(jsonb_build_object(
      'at', now(), 'by', v_caller, 'action', 'update', 'entity', 'person', 'record_id', v_item->>'id',
      'person_id', v_item->>'id', 'field', 'unit_id', 'old', v_item->>'unit', 'new', v_item->>'hand_to')));
  END LOOP;

  v_written := ARRAY(SELECT (x->>'id')::uuid FROM jsonb_array_elements(v_plan) x
                      WHERE x->>'action' IN ('write', 'delete'));
  -- the sender's change history of the records written (never of another record)
  PERFORM {SCHEMA}._log('change_log', coalesce((SELECT jsonb_agg(jsonb_build_object(
           'at', r.at, 'by', CASE WHEN v_free THEN r.by ELSE left(v_caller || ': ' || coalesce(r.by, ''), 80) END,
           'action', r.action, 'entity', r.entity, 'record_id', r.record_id, 'person_id', r.person_id,
           'field', r.field, 'old', r.old, 'new', r.new) ORDER BY r.o)
    FROM (SELECT q.*, o FROM jsonb_array_elements(coalesce(p_log, '[]')) WITH ORDINALITY e(v, o)
          CROSS JOIN LATERAL jsonb_populate_record(NULL::{log}, e.v) q) r
   WHERE r.person_id IN (SELECT unnest(v_written))), '[]'::jsonb));

  -- identity conflicts: one generic answer to the unit, the details for the Department (the
  -- server log keeps them even if the caller rolls its transaction back)
  FOR v_item IN SELECT x FROM jsonb_array_elements(v_plan) x WHERE x->>'action' LIKE 'collision:%' LOOP
    RAISE LOG 'HoSo: identity conflict (%) by role % for record %', substr(v_item->>'action', 11), v_caller,
      v_item->>'id';
  END LOOP;
  INSERT INTO {conflicts} (at, role_name, kind, person_id, cccd, unit_code, holder_id, detail)
  SELECT now(), v_caller, substr(x->>'action', 11), (x->>'id')::uuid, left(x->>'cccd', 12), left(x->>'unit_code', 40),
         CASE WHEN x->>'action' IN ('collision:person', 'collision:cccd') THEN (x->>'holder')::uuid END,
         CASE substr(x->>'action', 11)
           WHEN 'person' THEN 'mã hồ sơ đã có ở CSDL thành phố, thuộc đơn vị khác'
           WHEN 'cccd' THEN 'số CCCD đã thuộc một hồ sơ khác ở CSDL thành phố'
           WHEN 'row' THEN 'mã một dòng dữ liệu (quá trình, tệp đính kèm…) đã thuộc hồ sơ khác'
           ELSE 'CSDL thành phố từ chối ghi (trùng khoá)' END
    FROM jsonb_array_elements(v_plan) x WHERE x->>'action' LIKE 'collision:%';
  PERFORM {SCHEMA}._log('access_log', coalesce((SELECT jsonb_agg(jsonb_build_object(
           'at', now(), 'by', v_caller, 'action', 'identity_conflict',
           'person_id', CASE WHEN x->>'action' IN ('collision:person', 'collision:cccd') THEN x->>'holder' END,
           'detail', 'đồng bộ: hồ sơ ' || (x->>'id') || ' bị từ chối (' || substr(x->>'action', 11) || ')'))
    FROM jsonb_array_elements(v_plan) x WHERE x->>'action' LIKE 'collision:%'), '[]'::jsonb));
  PERFORM {SCHEMA}._log('access_log', coalesce((SELECT jsonb_agg(jsonb_build_object(
           'at', now(), 'by', v_caller, 'action', 'sync_refused', 'person_id', x->>'id',
           'detail', 'đồng bộ: xoá hồ sơ không thuộc đơn vị của vai trò'))
    FROM jsonb_array_elements(v_plan) x WHERE (x->>'foreign_dead')::boolean), '[]'::jsonb));

  SELECT jsonb_object_agg(k, n) INTO v_counts FROM (
    SELECT CASE WHEN x->>'action' = 'write' THEN CASE WHEN (x->>'known')::boolean THEN 'updated' ELSE 'inserted' END
                WHEN x->>'action' = 'delete' THEN 'deleted'
                WHEN x->>'action' LIKE 'collision:%' OR x->>'action' LIKE 'rejected:%' THEN 'rejected'
                ELSE x->>'action' END AS k, count(*) AS n
      FROM jsonb_array_elements(v_plan) x GROUP BY 1) c;
  PERFORM {SCHEMA}._log('access_log', jsonb_build_array(jsonb_build_object(
    'at', now(), 'by', v_caller, 'action', 'sync', 'person_id', NULL,
    'detail', 'đồng bộ ' || jsonb_array_length(p_docs) || ' hồ sơ: ' || coalesce(v_counts, '{{}}')::text)));

  SELECT coalesce(jsonb_agg(jsonb_build_object(
           'id', x->>'id',
           'outcome', CASE WHEN x->>'action' = 'write' THEN CASE WHEN (x->>'known')::boolean THEN 'updated' ELSE 'inserted' END
                           WHEN x->>'action' = 'delete' THEN 'deleted'
                           WHEN x->>'action' LIKE 'collision:%' OR x->>'action' LIKE 'rejected:%' THEN 'rejected'
                           ELSE x->>'action' END,
           'handed_over', x->>'action' = 'write' AND x->>'hand_to' IS NOT NULL,
           'message', CASE
              WHEN x->>'action' LIKE 'collision:%' THEN '{COLLISION}'
              WHEN x->>'action' = 'conflict' THEN 'Hồ sơ đã được sửa ở CSDL thành phố sau lần gửi trước; không ghi đè, cần đối chiếu'
              WHEN x->>'action' = 'rejected:no_unit' THEN 'Hồ sơ không ghi đơn vị (unit_code)'
              WHEN x->>'action' = 'rejected:unit' THEN 'Đơn vị mã ''' || (x->>'unit_code') || ''' chưa có ở CSDL thành phố; quản trị viên cần thêm đơn vị này trước khi gửi hồ sơ'
              WHEN x->>'action' = 'rejected:placement_unit' THEN 'Đơn vị mã ''' || (x->>'missing_unit') || ''' (quá trình công tác tại đơn vị) chưa có ở CSDL thành phố; quản trị viên cần thêm đơn vị này trước khi gửi hồ sơ'
              WHEN x->>'action' = 'rejected:not_yours' THEN 'Không có quyền ghi hồ sơ vào đơn vị ''' || (x->>'unit_code') || ''' ở CSDL thành phố'
              WHEN x->>'action' = 'rejected:file' THEN 'Thiếu nội dung tệp đính kèm ''' || (x->>'missing_file') || ''''
              WHEN x->>'action' = 'rejected:db' THEN 'CSDL thành phố từ chối ghi hồ sơ: ' || (x->>'error')
              END) ORDER BY (x->>'o')::int), '[]'::jsonb)
    INTO v_results FROM jsonb_array_elements(v_plan) x;
{_keep_answer(s, 'v_results')}
END
"""


# app.security.chain: every log entry carries hash = sha256(previous hash ‖ "\n" ‖ the canonical
# JSON of [table, id, fields…]) and ``log_heads`` holds each log's last id, hash and count; every
# writer takes the same transaction-scoped advisory lock first. ``_log`` is that writer in SQL.
CHAIN_LOCK = 0x486F536F
LOG_FIELDS = {
    "change_log": ("at", "by", "action", "entity", "record_id", "person_id", "field", "old", "new"),
    "access_log": ("at", "by", "action", "person_id", "detail"),
}


def _log_body(s: str) -> str:
    def j(expr: str) -> str:  # a JSON value as Python's json.dumps(ensure_ascii=False) writes it
        return f"coalesce(to_json({expr})::text, 'null')"

    branches = []
    for table, names in LOG_FIELDS.items():
        typed = {"at": "v_at", "record_id": "(v_row->>'record_id')::uuid", "person_id": "(v_row->>'person_id')::uuid"}
        values = [typed.get(n, f"v_row->>'{n}'") for n in names]
        parts = []
        for n in names:
            if n == "at":
                parts.append(j("to_char(v_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US')"))
            elif n in ("record_id", "person_id"):
                parts.append(j(f"(v_row->>'{n}')::uuid::text"))
            else:
                parts.append(j(f"v_row->>'{n}'"))
        canonical = " || ',' || ".join([f"'\"{table}\"'", "v_id::text", *parts])
        branches.append(f"""
    {'IF' if not branches else 'ELSIF'} p_table = '{table}' THEN
      v_prev := encode(sha256(convert_to(v_prev || E'\\n' || '[' || {canonical} || ']', 'UTF8')), 'hex');
      INSERT INTO {_q(s, table)} (id, {', '.join(names)}, hash) VALUES (v_id, {', '.join(values)}, v_prev);""")
    return f"""
DECLARE
  v_last bigint;
  v_prev text;
  v_row jsonb;
  v_id bigint;
  v_at timestamptz;
  v_n integer := 0;
BEGIN
  IF p_table NOT IN ('change_log', 'access_log') THEN
    RAISE EXCEPTION 'hoso_api._log: %', p_table USING ERRCODE = '22023';
  END IF;
  IF coalesce(jsonb_array_length(p_rows), 0) = 0 THEN
    RETURN;
  END IF;
  PERFORM pg_advisory_xact_lock({CHAIN_LOCK});
  UPDATE {_q(s, 'log_heads')} SET count = count WHERE name = p_table;
  IF NOT FOUND THEN  -- no head yet: from the table's newest entry
    IF p_table = 'change_log' THEN
      SELECT t.id, t.hash INTO v_last, v_prev FROM {_q(s, 'change_log')} t ORDER BY t.id DESC LIMIT 1;
      SELECT count(*) INTO v_n FROM {_q(s, 'change_log')};
    ELSE
      SELECT t.id, t.hash INTO v_last, v_prev FROM {_q(s, 'access_log')} t ORDER BY t.id DESC LIMIT 1;
      SELECT count(*) INTO v_n FROM {_q(s, 'access_log')};
    END IF;
    INSERT INTO {_q(s, 'log_heads')} (name, last_id, hash, count, verified_id, verified_hash)
      VALUES (p_table, coalesce(v_last, 0), coalesce(v_prev, ''), v_n, 0, '');
    v_n := 0;
  END IF;
  SELECT h.last_id, h.hash INTO v_last, v_prev FROM {_q(s, 'log_heads')} h WHERE h.name = p_table;
  FOR v_row IN SELECT x FROM jsonb_array_elements(p_rows) x LOOP
    v_id := nextval(pg_get_serial_sequence('{_q(s, "")[:-3]}.' || p_table, 'id'));
    v_at := coalesce((v_row->>'at')::timestamptz, now());{''.join(branches)}
    END IF;
    v_n := v_n + 1;
  END LOOP;
  UPDATE {_q(s, 'log_heads')} SET last_id = v_id, hash = v_prev, count = count + v_n WHERE name = p_table;
END
"""


def _info_body(s: str) -> str:
    return f"""
DECLARE
  v_caller text := session_user::text;
  v_free boolean := {_free(s)};
BEGIN
  RETURN jsonb_build_object(
    'api', {API_VERSION},
    'schema_version', (SELECT v.version_num FROM {_q(s, 'alembic_version')} v LIMIT 1),
    'role', v_caller,
    'department', v_free,
    'units', CASE WHEN v_free THEN NULL ELSE coalesce((SELECT jsonb_agg(u.code ORDER BY u.code) FROM {_q(s, 'units')} u
                                                       WHERE u.id IN {_mine(s)}), '[]'::jsonb) END);
END
"""


def _bounded(arg: str, limit: int, what: str) -> str:
    return (f"  IF cardinality({arg}) > {limit} THEN\n"
            f"    RAISE EXCEPTION 'hoso_api: tối đa {limit} {what} mỗi lần gọi' USING ERRCODE = '22023';\n  END IF;\n")


def _missing_units_body(s: str) -> str:
    return f"""
BEGIN
{_bounded('p_codes', MAX_IDS, 'mã đơn vị')}  RETURN ARRAY(SELECT DISTINCT c FROM unnest(p_codes) c
               WHERE c IS NOT NULL AND NOT EXISTS (SELECT 1 FROM {_q(s, 'units')} u WHERE u.code = left(c, 40))
               ORDER BY c);
END
"""


def _tokens_body(s: str) -> str:
    return f"""
DECLARE
  v_caller text := session_user::text;
  v_free boolean := {_free(s)};
BEGIN
{_bounded('p_ids', MAX_IDS, 'mã hồ sơ')}  RETURN coalesce((SELECT jsonb_agg(jsonb_build_object('id', p.id, 'version', p.version,
                    'updated_at', p.updated_at, 'deleted', p.deleted_at IS NOT NULL) ORDER BY p.id)
                   FROM {_q(s, 'persons')} p
                  WHERE p.id = ANY(p_ids) AND (v_free OR p.unit_id IN {_mine(s)})), '[]'::jsonb);
END
"""


def _missing_contents_body(s: str) -> str:
    return f"""
DECLARE
  v_caller text := session_user::text;
  v_free boolean := {_free(s)};
BEGIN
{_bounded('p_hashes', MAX_IDS, 'mã băm')}  RETURN ARRAY(SELECT DISTINCT h FROM unnest(p_hashes) h WHERE h IS NOT NULL AND NOT EXISTS (
                 SELECT 1 FROM {_q(s, 'attachments')} a JOIN {_q(s, 'persons')} p ON p.id = a.person_id
                  WHERE a.sha256 = left(h, 64) AND (v_free OR p.unit_id IN {_mine(s)})) ORDER BY h);
END
"""


def _hand_over_body(s: str) -> str:
    persons, units = _q(s, "persons"), _q(s, "units")
    return f"""
DECLARE
  v_caller text := session_user::text;
  v_free boolean := {_free(s)};
  v_from uuid;
  v_from_code text;
  v_to uuid;
  v_ticket uuid;
BEGIN
  SELECT u.id INTO v_to FROM {units} u WHERE u.code = left(p_to_unit, 40);
  IF v_to IS NULL THEN
    RAISE EXCEPTION 'Không có đơn vị mã % trong CSDL thành phố', left(p_to_unit, 40) USING ERRCODE = 'no_data_found';
  END IF;
  SELECT p.unit_id INTO v_from FROM {persons} p
   WHERE p.id = p_person AND p.deleted_at IS NULL AND (v_free OR p.unit_id IN {_mine(s)}) FOR UPDATE;
  IF NOT FOUND THEN  -- unknown and another unit's person: the same answer; the Department sees it
    RAISE LOG 'HoSo: hand-over refused for role % of record % to unit %', v_caller, p_person, left(p_to_unit, 40);
    INSERT INTO {_q(s, 'city_identity_conflicts')} (at, role_name, kind, person_id, unit_code, holder_id, detail)
      VALUES (now(), v_caller, 'hand_over', p_person, left(p_to_unit, 40),
              (SELECT p.id FROM {persons} p WHERE p.id = p_person),
              'chuyển giao hồ sơ không có hoặc không thuộc đơn vị của vai trò');
    PERFORM {SCHEMA}._log('access_log', jsonb_build_array(jsonb_build_object(
      'at', now(), 'by', v_caller, 'action', 'identity_conflict', 'person_id', p_person,
      'detail', 'chuyển giao bị từ chối tới đơn vị ' || left(p_to_unit, 40))));
{_keep_answer(s, "jsonb_build_object('left', NULL)")}
  END IF;
  SELECT u.code INTO v_from_code FROM {units} u WHERE u.id = v_from;
  IF v_from IS DISTINCT FROM v_to THEN
    UPDATE {persons} SET unit_id = v_to WHERE id = p_person;
    PERFORM {SCHEMA}._log('change_log', jsonb_build_array(jsonb_build_object(
      'at', now(), 'by', v_caller, 'action', 'update', 'entity', 'person', 'record_id', p_person,
      'person_id', p_person, 'field', 'unit_id', 'old', v_from::text, 'new', v_to::text)));
    PERFORM {SCHEMA}._log('access_log', jsonb_build_array(jsonb_build_object(
      'at', now(), 'by', v_caller, 'action', 'hand_over', 'person_id', p_person,
      'detail', 'chuyển giao hồ sơ từ đơn vị ' || coalesce(v_from_code, '?') || ' sang ' || left(p_to_unit, 40))));
  END IF;
{_keep_answer(s, "jsonb_build_object('left', coalesce(v_from_code, ''))")}
END
"""


def _keep_answer(s: str, answer: str) -> str:
    """SQL: keep ``answer`` for the caller under a new random ticket and return the ticket (the
    function's last statement; it declares ``v_caller`` and ``v_ticket``)."""
    return f"""  INSERT INTO {SCHEMA}.{ANSWERS} (ticket, role_name, made_at, answer)
    VALUES (gen_random_uuid(), v_caller, clock_timestamp(), {answer}) RETURNING ticket INTO v_ticket;
  RETURN v_ticket;"""


def _results_body(s: str) -> str:
    answers = f"{SCHEMA}.{ANSWERS}"
    return f"""
DECLARE
  v_answer jsonb;
BEGIN
  -- the attempt wrote its logs and its ticket: in the same transaction this one has written
  IF pg_current_xact_id_if_assigned() IS NOT NULL THEN
    RAISE EXCEPTION '{RESULTS_TOO_EARLY}' USING ERRCODE = '25001';
  END IF;
  DELETE FROM {answers} a WHERE a.ticket = p_ticket AND a.role_name = session_user::text
     AND a.made_at > clock_timestamp() - interval '{ANSWERS_KEPT}'
  RETURNING a.answer INTO v_answer;
  IF NOT FOUND THEN  -- unknown, read already, expired or another role's: one answer
    RAISE EXCEPTION '{NO_RESULTS}' USING ERRCODE = 'no_data_found';
  END IF;
  DELETE FROM {answers} a WHERE a.made_at < clock_timestamp() - interval '{ANSWERS_KEPT}';  -- never read
  RETURN v_answer;
END
"""


def _declared(s: str) -> str:
    """SQL (push): take the caller's declaration ``p_declared`` (deleted with this transaction's
    commit: rolled back, it stays for the Department, see ``_settle``) and refuse a batch naming
    an identity — dossier id, CCCD, row id — it does not list. Before any lock or write. A row's
    id is its ``id`` (an object: placements, attachments) or its first value (an array: a section's
    row by position, ``ROW_HEAD``), whatever its key: what ``_row_ids`` and the upserts read."""
    rows = "coalesce(CASE WHEN jsonb_typeof(p_rows) = 'object' THEN p_rows END, '{}'::jsonb)"
    return f"""  DELETE FROM {SCHEMA}.{DECLARATIONS} d WHERE d.ticket = p_declared AND d.role_name = v_caller
     AND d.made_at > clock_timestamp() - interval '{ANSWERS_KEPT}'
  RETURNING d.ids, d.cccds, d.row_ids INTO v_declared;
  IF NOT FOUND OR EXISTS (SELECT (e->>'id')::uuid FROM jsonb_array_elements(p_docs) e
                         EXCEPT SELECT unnest(v_declared.ids))
     OR EXISTS (SELECT nullif(e->>'cccd', '') FROM jsonb_array_elements(p_docs) e WHERE nullif(e->>'cccd', '') IS NOT NULL
                EXCEPT SELECT unnest(v_declared.cccds))
     OR EXISTS (SELECT y.id::uuid FROM jsonb_each({rows}) k
                CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(k.value) = 'array' THEN k.value
                                                             ELSE '[]'::jsonb END) x
                CROSS JOIN LATERAL (SELECT CASE jsonb_typeof(x) WHEN 'array' THEN x->>{ROW_HEAD.index('id')}
                                                                WHEN 'object' THEN x->>'id' END AS id) y
                WHERE y.id IS NOT NULL EXCEPT SELECT unnest(v_declared.row_ids)) THEN
    RAISE EXCEPTION '{NOT_DECLARED}' USING ERRCODE = 'no_data_found';
  END IF;"""


def _declare_body(s: str) -> str:
    return f"""
DECLARE
  v_caller text := session_user::text;
  v_ticket uuid;
BEGIN
{_bounded('p_ids', MAX_DOCS, 'mã hồ sơ')}{_bounded('p_cccds', MAX_DOCS, 'số CCCD')}{_bounded('p_row_ids', MAX_LOG, 'mã dòng')}  IF EXISTS (SELECT 1 FROM unnest(p_cccds) c WHERE length(c) > 12) THEN  -- kept: bounded as persons.cccd
    RAISE EXCEPTION 'hoso_api: số CCCD dài quá 12 ký tự' USING ERRCODE = '22023';
  END IF;
  INSERT INTO {SCHEMA}.{DECLARATIONS} (ticket, role_name, made_at, ids, cccds, row_ids)
    VALUES (gen_random_uuid(), v_caller, clock_timestamp(), coalesce(p_ids, '{{}}'), coalesce(p_cccds, '{{}}'),
            coalesce(p_row_ids, '{{}}'))
  RETURNING ticket INTO v_ticket;
  RETURN v_ticket;
END
"""


def _settle_body(s: str) -> str:
    """The Department's side (``app.city.conflicts``): each declaration older than ANSWERS_KEPT
    belongs to a push that never committed (rolled back, failed, the unit's program stopped). Its
    identities held by records outside the declaring role's units become identity conflicts and
    access-log entries, as a committed push would have written them; then it goes."""
    persons, conflicts, access = _q(s, "persons"), _q(s, "city_identity_conflicts"), _q(s, "city_unit_access")
    outside = f"p.unit_id NOT IN (SELECT a.unit_id FROM {access} a WHERE a.role_name = d.role_name)"
    rows = "\n      UNION ALL ".join(
        f"SELECT 'row', NULL::uuid, NULL::text, p.id FROM {_q(s, table)} t JOIN {persons} p ON p.id = t.person_id "
        f"WHERE t.id = ANY(d.row_ids) AND {outside}" for table in dict.fromkeys(ROW_KEYS.values()))
    return f"""
DECLARE
  d record;
  v_n integer := 0;
  v_found jsonb;
BEGIN
  FOR d IN SELECT * FROM {SCHEMA}.{DECLARATIONS} x WHERE x.made_at < clock_timestamp() - interval '{ANSWERS_KEPT}'
           ORDER BY x.made_at FOR UPDATE SKIP LOCKED LOOP
    SELECT coalesce(jsonb_agg(jsonb_build_object('kind', c.kind, 'person_id', c.person_id, 'cccd', c.cccd,
                                                 'holder', c.holder)), '[]'::jsonb) INTO v_found FROM (
      SELECT 'person' AS kind, p.id AS person_id, NULL::text AS cccd, p.id AS holder FROM {persons} p
       WHERE p.id = ANY(d.ids) AND {outside}
      UNION ALL SELECT 'cccd', NULL::uuid, p.cccd::text, p.id FROM {persons} p
       WHERE p.cccd = ANY(d.cccds) AND NOT (p.id = ANY(d.ids)) AND {outside}
      UNION ALL {rows}) c;
    INSERT INTO {conflicts} (at, role_name, kind, person_id, cccd, unit_code, holder_id, detail)
    SELECT d.made_at, d.role_name, x->>'kind', (x->>'person_id')::uuid, x->>'cccd', NULL, (x->>'holder')::uuid,
           '{ABANDONED}' FROM jsonb_array_elements(v_found) x;
    PERFORM {SCHEMA}._log('access_log', coalesce((SELECT jsonb_agg(jsonb_build_object(
             'at', now(), 'by', d.role_name, 'action', 'identity_conflict', 'person_id', x->>'holder',
             'detail', 'đồng bộ: ' || '{ABANDONED}' || ' (' || (x->>'kind') || ')'))
      FROM jsonb_array_elements(v_found) x), '[]'::jsonb));
    v_n := v_n + jsonb_array_length(v_found);
    DELETE FROM {SCHEMA}.{DECLARATIONS} x WHERE x.ticket = d.ticket;
  END LOOP;
  RETURN v_n;
END
"""


def answers_table() -> list[str]:
    """The statements making ``hoso_api.answers`` (``city init``, when it is missing): the
    answers of the probing calls until their caller reads them (``results``). Owned by the role
    that runs ``city init``; nobody else holds a privilege on it."""
    return [f"CREATE TABLE {SCHEMA}.{ANSWERS} (ticket uuid PRIMARY KEY, role_name text NOT NULL, "
            "made_at timestamptz NOT NULL, answer jsonb NOT NULL)",
            f"CREATE INDEX {ANSWERS}_made_at ON {SCHEMA}.{ANSWERS} (made_at)"]


def declarations_table() -> list[str]:
    """The statements making ``hoso_api.declarations``: the identities each batch will name,
    committed before ``push`` may look at them (``declare``)."""
    return [f"CREATE TABLE {SCHEMA}.{DECLARATIONS} (ticket uuid PRIMARY KEY, role_name text NOT NULL, "
            "made_at timestamptz NOT NULL, ids uuid[] NOT NULL, cccds text[] NOT NULL, row_ids uuid[] NOT NULL)",
            f"CREATE INDEX {DECLARATIONS}_made_at ON {SCHEMA}.{DECLARATIONS} (made_at)"]


def _analyze_body(s: str) -> str:
    tables = ", ".join(_q(s, t) for t in ("persons", *_child_tables(), "change_log"))
    return f"""
BEGIN
  -- at most once every 10 seconds, whoever asks (a unit cannot keep the server busy with it)
  IF coalesce((SELECT now() - greatest(last_analyze, last_autoanalyze) FROM pg_catalog.pg_stat_user_tables
               WHERE relid = '{_q(s, 'persons')}'::regclass), interval '1 day') < interval '10 seconds' THEN
    RETURN;
  END IF;
  -- nor when the statistics are still current: persons has not grown by a tenth (and 8 pages)
  -- since they were gathered — a small sync to a large city never pays for an ANALYZE
  IF coalesce((SELECT c.reltuples >= 0 AND pg_catalog.pg_relation_size(c.oid)
                        <= (c.relpages * 1.1 + 8) * pg_catalog.current_setting('block_size')::bigint
                 FROM pg_catalog.pg_class c WHERE c.oid = '{_q(s, 'persons')}'::regclass), false) THEN
    RETURN;
  END IF;
  ANALYZE {tables};
END
"""


def functions(schema: str) -> list[Function]:
    """Every function of the API, generated for the tables in ``schema``."""
    return [
        Function("info", "", "", "jsonb", _info_body(schema), True),
        Function("missing_units", "p_codes text[]", "text[]", "text[]", _missing_units_body(schema), True),
        Function("tokens", "p_ids uuid[]", "uuid[]", "jsonb", _tokens_body(schema), True),
        Function("missing_contents", "p_hashes text[]", "text[]", "text[]", _missing_contents_body(schema), True),
        Function("declare", "p_ids uuid[], p_cccds text[], p_row_ids uuid[]", "uuid[], text[], uuid[]", "uuid",
                 _declare_body(schema), True),
        Function("push", "p_declared uuid, p_docs jsonb, p_rows jsonb, p_bases jsonb, p_blobs jsonb, p_log jsonb",
                 "uuid, jsonb, jsonb, jsonb, jsonb, jsonb",
                 "uuid", _push_body(schema), True),
        Function("hand_over", "p_person uuid, p_to_unit text", "uuid, text", "uuid", _hand_over_body(schema), True),
        Function("results", "p_ticket uuid", "uuid", "jsonb", _results_body(schema), True),
        Function("analyze", "", "", "void", _analyze_body(schema), True),
        Function("_log", "p_table text, p_rows jsonb", "text, jsonb", "void", _log_body(schema), False),
        Function("_settle", "", "", "integer", _settle_body(schema), False),
        Function("_write", "p_docs jsonb, p_ids uuid[], p_units uuid[], p_rows jsonb, p_dead jsonb, "
                 "p_known uuid[], p_blobs jsonb, p_all boolean",
                 "jsonb, uuid[], uuid[], jsonb, jsonb, uuid[], jsonb, boolean", "void",
                 _write_body(schema), False),
    ]


def _child_tables() -> tuple[str, ...]:
    """The person-owned child tables (app.city.init's CHILD_TABLES, computed here so that this
    module never imports app.city.init: app.db reaches it through app.city.login)."""
    return tuple(cls.__tablename__ for cls in SECTION_CLASSES.values()) + ("attachments", "placements")

