"""The client side of the city database's function API (``hoso_api``, app.city.api_sql).

The sync speaks to the city only through these calls, for a unit's login role (which holds no
privilege on any table) and for the Department alike: it never reads a table there and never
runs a migration. ``info``, ``missing_units``, ``tokens`` and ``missing_contents`` are one
statement each in the caller's transaction. ``push`` and ``hand_over`` answer with a ticket whose
answer ``results`` gives only after the attempt is committed (its logs with it): ``attempt``
does both, so it commits, and takes an Engine or a Connection used commit-as-you-go. Each batch
is declared (``declare``: its identities, committed) before its ``push``.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, text
from sqlalchemy.orm import Session

from app.city.api_sql import MAX_DOCS, MAX_IDS, ROW_COLUMNS, ROW_HEAD, ROW_KEYS, SCHEMA
from app.city.apply import ApplyResult, Token, as_datetime, document_token
from app.text import fold, name_sort_key


def _conn(target: Session | Connection) -> Connection:
    return target.connection() if isinstance(target, Session) else target


def _json(value: Any) -> str:
    def plain(obj: Any) -> Any:
        if isinstance(obj, uuid.UUID):
            return str(obj)
        if isinstance(obj, dt.datetime) and obj.tzinfo is None:  # HoSo keeps times in UTC (SQLite: naive)
            return obj.replace(tzinfo=dt.UTC).isoformat()
        if hasattr(obj, "isoformat"):
            return obj.isoformat()
        return str(obj)

    return json.dumps(value, ensure_ascii=False, default=plain, separators=(",", ":"))


def info(target: Session | Connection) -> dict[str, Any]:
    """``{"api","schema_version","role","department","units"}`` (``units``: the caller's unit
    codes, None for the Department)."""
    return dict(_conn(target).scalar(text(f"SELECT {SCHEMA}.info()")))


def missing_units(target: Session | Connection, codes: Iterable[str]) -> list[str]:
    """The unit codes among ``codes`` that the city database lacks."""
    wanted = sorted({c for c in codes if c})
    missing: list[str] = []
    for start in range(0, len(wanted), MAX_IDS):
        missing += _conn(target).scalar(text(f"SELECT {SCHEMA}.missing_units(CAST(:c AS text[]))"),
                                        {"c": wanted[start:start + MAX_IDS]}) or []
    return missing


def tokens(target: Session | Connection, ids: Sequence[uuid.UUID | str]) -> dict[str, tuple[Token, bool]]:
    """The token (and whether deleted) of each of the caller's own persons among ``ids``."""
    out: dict[str, tuple[Token, bool]] = {}
    values = [uuid.UUID(str(i)) for i in ids]
    for start in range(0, len(values), MAX_IDS):
        rows = _conn(target).scalar(text(f"SELECT {SCHEMA}.tokens(CAST(:i AS uuid[]))"),
                                    {"i": values[start:start + MAX_IDS]}) or []
        for row in rows:
            when = as_datetime(row["updated_at"])
            out[row["id"]] = ((int(row["version"]), when.isoformat(timespec="microseconds") if when else ""),
                              bool(row["deleted"]))
    return out


def missing_contents(target: Session | Connection, hashes: Iterable[str]) -> set[str]:
    """The attachment contents the caller's own records at the city do not hold."""
    wanted = sorted({h for h in hashes if h})
    if not wanted:
        return set()
    return set(_conn(target).scalar(text(f"SELECT {SCHEMA}.missing_contents(CAST(:h AS text[]))"), {"h": wanted}) or [])


RESULTS_SQL = f"SELECT {SCHEMA}.results(CAST(:t AS uuid))"


def attempt(target: Engine | Connection, sql: str, params: Mapping[str, Any]) -> Any:
    """Run a call answering with a ticket (``push``, ``hand_over``), commit it, then read its
    answer (``hoso_api.results``, in the next transaction: the city refuses it in the attempt's).
    A Connection must be used commit-as-you-go (not inside ``begin()``); on an error its
    transaction is rolled back."""
    if isinstance(target, Engine):
        with target.connect() as conn:
            return attempt(conn, sql, params)
    try:
        ticket = target.scalar(text(sql), params)
        target.commit()
        answer = target.scalar(text(RESULTS_SQL), {"t": ticket})
        target.commit()
    except BaseException:
        target.rollback()
        raise
    return answer


def analyze(target: Session | Connection) -> None:
    _conn(target).execute(text(f"SELECT {SCHEMA}.analyze()"))


def prepare(doc: Mapping[str, Any]) -> dict[str, Any]:
    """What the function needs besides the Person JSON: the search keys (computed as the app does)
    and an id for every placement (derived from the person, unit and start date when missing)."""
    out = dict(doc)
    if "full_name" in out:
        out["name_fold"] = fold(out.get("full_name"))
        out["sort_key"] = name_sort_key(out.get("full_name"))
        placements = []
        for p in out.get("placements") or ():
            p = dict(p)
            p.setdefault("id", None)
            if not p["id"]:
                p["id"] = str(uuid.uuid5(uuid.UUID(str(out["id"])), f"{p.get('unit_code')}|{p.get('start_date')}"))
            placements.append(p)
        out["placements"] = placements
    return out


def _split(docs: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], dict[str, list[Any]]]:
    """Each person's own fields, and every row of the batch by document key, each naming its
    person, its position and its document's version and time (the wire form of ``push``: a
    section's row as an array in ``ROW_COLUMNS`` order, a placement or attachment as an object)."""
    persons: list[dict[str, Any]] = []
    rows: dict[str, list[Any]] = {}
    for doc in docs:
        persons.append({k: v for k, v in doc.items() if k not in ROW_KEYS})
        for key in ROW_KEYS:
            columns = ROW_COLUMNS.get(key)
            for seq, row in enumerate(doc.get(key) or ()):
                head = {"person_id": doc["id"], "seq": seq, "version": doc["version"], "updated_at": doc["updated_at"]}
                rows.setdefault(key, []).append({**row, **head} if columns is None else
                                                [head[c] if c in head else row.get(c) for c in columns])
    return persons, rows


def _problem(doc: Mapping[str, Any], kind: str, message: str) -> dict[str, Any]:
    return {"id": str(doc.get("id")), "cccd": doc.get("cccd"), "full_name": doc.get("full_name"),
            "kind": kind, "message": message}


def push_documents(target: Engine | Connection, documents: Iterable[Mapping[str, Any]], *,
                   bases: Mapping[str, Token] | None = None, blobs: Callable[[str], bytes | None] | None = None,
                   log: Iterable[Mapping[str, Any]] | None = None, prepared: bool = False) -> ApplyResult:
    """Write ``documents`` at the city through ``hoso_api.push`` (at most MAX_DOCS a call, each
    committed: see ``attempt``): the same result as ``app.city.apply.apply_documents`` — counts,
    problems, confirmed tokens. ``prepared``: the documents went through ``prepare`` already."""
    docs = [d if prepared else prepare(d) for d in documents]
    result = ApplyResult()
    entries = [dict(e) for e in log or ()]
    for start in range(0, len(docs), MAX_DOCS):
        chunk = docs[start:start + MAX_DOCS]
        ids = {str(d["id"]) for d in chunk}
        result.add(_push(target, chunk, bases or {}, blobs,
                         [e for e in entries if str(e.get("person_id")) in ids]))
    return result


PUSH_SQL = f"SELECT {SCHEMA}.push($1::uuid, $2::jsonb, $3::jsonb, $4::jsonb, $5::jsonb, $6::jsonb)"
DECLARE_SQL = f"SELECT {SCHEMA}.declare(%s::uuid[], %s::text[], %s::uuid[])"


Identities = tuple[list[str], list[str], list[str]]


def identities(docs: list[dict[str, Any]], rows: Mapping[str, str] | None = None,
               row_ids: Iterable[str] | None = None) -> Identities:
    """What ``hoso_api.declare`` takes for a batch: its dossier ids, CCCDs and row ids (section
    rows, placements, attachments): every identity ``push`` may look up at the city. ``rows``:
    the rows travelling outside the documents (``encode``), whose ids are ``row_ids`` when given
    (app.city.documents.WireRows.row_ids: SQLite's, no parse) or else read from their JSON (an
    array's first value, ``ROW_HEAD``; an object's ``id``)."""
    ids = [str(d["id"]) for d in docs]
    cccds = sorted({str(d["cccd"]) for d in docs if d.get("cccd")})
    found = [str(r["id"]) for d in docs for key in ROW_KEYS for r in d.get(key) or () if r.get("id")]
    if row_ids is not None:
        found += [str(i) for i in row_ids]
    elif rows:
        at = ROW_HEAD.index("id")
        for encoded in rows.values():
            for r in json.loads(encoded):
                found_id = r[at] if isinstance(r, list) else r.get("id") if isinstance(r, dict) else None
                if found_id is not None:
                    found.append(str(found_id))
    return ids, cccds, found


def _contents(missing: Callable[[set[str]], set[str]], docs: list[dict[str, Any]],
              blobs: Callable[[str], bytes | None] | None) -> dict[str, str]:
    """The attachment contents the city lacks, base64 by hash (``missing``: asks the city)."""
    hashes = {a.get("sha256") for d in docs for a in d.get("attachments") or () if a.get("sha256")}
    contents: dict[str, str] = {}
    if hashes and blobs is not None:
        for sha in sorted(missing(hashes)):
            data = blobs(sha)
            if data is not None:
                contents[sha] = base64.b64encode(data).decode("ascii")
    return contents


@dataclass(frozen=True)
class Encoded:
    """A batch's arguments of ``hoso_api.push`` but the attachment contents (which need the
    city's answer first), encoded as UTF-8 JSON, and the identities its declaration names
    (``identities``, the rows outside the documents included): the sync makes them while the
    city writes the previous batch."""

    docs: bytes
    rows: bytes
    bases: bytes
    log: bytes
    identities: Identities

    def params(self, contents: dict[str, str]) -> list[bytes]:
        return [self.docs, self.rows, self.bases, _json(contents).encode("utf-8"), self.log]


def encode(docs: list[dict[str, Any]], bases: Mapping[str, Token], log: list[dict[str, Any]],
           rows: Mapping[str, str] | None = None, row_ids: Iterable[str] | None = None) -> Encoded:
    """``rows``: more rows of the documents, already in the wire form as JSON text by key
    (app.city.documents.wire_rows: the sections of documents that do not carry them); ``row_ids``:
    their ids (read from ``rows`` when not given)."""
    ids = {str(d["id"]) for d in docs}
    base_json = {key: {"version": version, "updated_at": when} for key, (version, when) in bases.items() if key in ids}
    persons, split = _split(docs)
    parts = {key: _json(values) for key, values in split.items()}
    for key, encoded in (rows or {}).items():
        if key not in ROW_KEYS:
            raise ValueError(f"no rows of {key!r} on the wire")
        parts[key] = encoded if key not in parts else f"{parts[key][:-1]},{encoded[1:]}"
    rows_json = "{" + ",".join(f"{json.dumps(key)}:{value}" for key, value in parts.items()) + "}"
    return Encoded(_json(persons).encode("utf-8"), rows_json.encode("utf-8"), _json(base_json).encode("utf-8"),
                   _json(log).encode("utf-8"), identities(docs, rows, row_ids))


def _push(target: Engine | Connection, docs: list[dict[str, Any]], bases: Mapping[str, Token],
          blobs: Callable[[str], bytes | None] | None, log: list[dict[str, Any]]) -> ApplyResult:
    if isinstance(target, Engine):
        with target.connect() as conn:
            return _push(conn, docs, bases, blobs, log)
    encoded = encode(docs, bases, log)
    ids, cccds, rows = encoded.identities
    declared = target.scalar(text(f"SELECT {SCHEMA}.declare(CAST(:i AS uuid[]), CAST(:c AS text[]), "
                                  "CAST(:r AS uuid[]))"), {"i": ids, "c": cccds, "r": rows})
    target.commit()  # push refuses a declaration of its own transaction
    contents = _contents(lambda hashes: missing_contents(target, hashes), docs, blobs)
    d, r, b, c, lg = (p.decode("utf-8") for p in encoded.params(contents))
    answers = attempt(target, f"SELECT {SCHEMA}.push(CAST(:t AS uuid), CAST(:d AS jsonb), CAST(:r AS jsonb), "
                              "CAST(:b AS jsonb), CAST(:c AS jsonb), CAST(:l AS jsonb))",
                      {"t": declared, "d": d, "r": r, "b": b, "c": c, "l": lg})
    return _answers(docs, answers)


def _answers(docs: list[dict[str, Any]], answers: list[dict[str, Any]]) -> ApplyResult:
    result = ApplyResult()
    by_id = {str(d["id"]): d for d in docs}
    for answer in answers:
        doc = by_id[answer["id"]]
        outcome = answer["outcome"]
        if outcome in ("inserted", "updated", "unchanged", "deleted"):
            setattr(result, outcome, getattr(result, outcome) + 1)
            result.confirmed[answer["id"]] = document_token(doc)
            if outcome != "unchanged":
                result.written.add(answer["id"])
            if answer.get("handed_over"):
                result.handed_over.append(answer["id"])
        elif outcome == "conflict":
            result.problems.append(_problem(doc, "conflict", answer["message"]))
        else:
            result.rejected += 1
            result.problems.append(_problem(doc, "rejected", answer["message"]))
    return result


class InFlight:
    """One batch sent to ``hoso_api.push`` on a psycopg connection, its answer not read yet: the
    sync prepares the next batch while the city writes this one (one thread; the connection is
    used by nobody else meanwhile). The batch is declared first (committed on its own), then the
    push runs in its own transaction, opened here: ``wait`` reads its ticket (the batch written,
    not committed), ``commit`` commits it and reads its answer in the same round trip (``close``
    without it rolls it back)."""

    def __init__(self, pg: Any, docs: list[dict[str, Any]], *, bases: Mapping[str, Token] | None = None,
                 blobs: Callable[[str], bytes | None] | None = None,
                 log: Iterable[Mapping[str, Any]] | None = None, rows: Mapping[str, str] | None = None,
                 encoded: Encoded | None = None):
        """``encoded``: the batch already encoded (``encode``; then ``bases``, ``log`` and
        ``rows`` are not read)."""
        if len(docs) > MAX_DOCS:
            raise ValueError(f"at most {MAX_DOCS} documents a push")
        self.pg, self.docs = pg, docs
        self.ticket: uuid.UUID | None = None
        if encoded is None:
            encoded = encode(docs, bases or {}, [dict(e) for e in log or ()], rows)
        pg.autocommit = True
        declared = _declare_then_begin(pg, encoded.identities)

        def missing(hashes: set[str]) -> set[str]:
            row = pg.execute(f"SELECT {SCHEMA}.missing_contents(%s::text[])", [sorted(hashes)]).fetchone()
            return set(row[0] or []) if row else set()

        contents = _contents(missing, docs, blobs)
        params = [str(declared).encode("ascii"), *encoded.params(contents)]
        pg.pgconn.send_query_params(PUSH_SQL.encode("utf-8"), params)

    def wait(self) -> uuid.UUID:
        """The ticket of the batch (raises the server's error as psycopg does); not committed yet."""
        self.ticket = uuid.UUID(_value(self.pg).decode("ascii"))
        return self.ticket

    def commit(self) -> ApplyResult:
        """Commit the batch, then read its answer: one simple query of two statements, so no round
        trip more than the COMMIT alone; ``results`` runs after the COMMIT, in a new transaction
        whose commit (the answer deleted) need not wait for the disk."""
        if self.ticket is None:
            self.wait()
        self.pg.pgconn.send_query(f"COMMIT; SELECT {SCHEMA}.results('{self.ticket}'::uuid) "
                                  "FROM (SELECT set_config('synchronous_commit', 'off', true)) s".encode("ascii"))
        return _answers(self.docs, json.loads(_value(self.pg).decode("utf-8")))


def _declare_then_begin(pg: Any, declared: Identities) -> uuid.UUID:
    """Declare the batch in a transaction of its own, then open the push's: one simple query, so
    no round trip more than the BEGIN alone. The declaration's commit does not wait for the disk
    (``synchronous_commit = off`` for it alone): it must be visible before ``push``, and a unit
    cannot make the server crash in the fraction of a second it could be lost in."""
    from psycopg import sql

    ids, cccds, rows = declared
    query = sql.SQL("BEGIN; SET LOCAL synchronous_commit = off; SELECT {}.declare({}::uuid[], {}::text[], "
                    "{}::uuid[]); COMMIT; BEGIN").format(sql.Identifier(SCHEMA), sql.Literal(ids), sql.Literal(cccds),
                                                          sql.Literal(rows))
    pg.pgconn.send_query(query.as_bytes(pg))
    return uuid.UUID(_value(pg).decode("ascii"))


def _value(pg: Any) -> bytes:
    """The value of the last row set of the query sent on ``pg`` (raises the server's error)."""
    import psycopg
    from psycopg import pq

    found = failed = None
    while (res := pg.pgconn.get_result()) is not None:
        if res.status == pq.ExecStatus.FATAL_ERROR:
            failed = failed or res
        elif res.status == pq.ExecStatus.TUPLES_OK:
            found = res
    if failed is not None:
        raise psycopg.errors.error_from_result(failed, encoding=pg.info.encoding)
    if found is None:
        raise psycopg.OperationalError("the city database sent no answer")
    return found.get_value(0, 0)
