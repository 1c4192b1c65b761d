"""Dossier documents in bulk: what the sync and the export package read.

A live person is its Person JSON (``app.person_json.build_documents``, the same document as
``show --json``); a deleted person is a tombstone ``{"id","cccd","deleted_at","version",
"updated_at"}``. Persons are loaded ``BATCH`` at a time with their sections (a fixed number of
queries per batch), so 100,000 documents never sit in memory at once.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from typing import Any

from sqlalchemy import Row, Table, select
from sqlalchemy.orm import Session

from app.city.api_sql import ROW_COLUMNS
from app.person_json import build_documents, plain
from models import SECTION_CLASSES, Attachment, Person, Placement

BATCH = 500


def tombstone(person: Person) -> dict[str, Any]:
    return {"id": str(person.id), "cccd": person.cccd, "deleted_at": plain(person.deleted_at),
            "version": person.version, "updated_at": plain(person.updated_at)}


def is_tombstone(document: dict[str, Any]) -> bool:
    return "full_name" not in document


class Dossier:
    """A person read with SQLAlchemy Core (a ``Row``) plus its section rows: what
    ``app.person_json.build_documents`` reads, without the ORM's per-object cost."""

    __slots__ = ("_row", "_sections")

    def __init__(self, row: Row, sections: dict[str, list[Row]]):
        self._row, self._sections = row, sections

    def __getattr__(self, name: str) -> Any:
        sections = object.__getattribute__(self, "_sections")
        if name in sections:
            return sections[name]
        return getattr(object.__getattribute__(self, "_row"), name)


def _children() -> dict[str, Table]:
    tables = {name: cls.__table__ for name, cls in SECTION_CLASSES.items()}
    tables["attachments"] = Attachment.__table__
    tables["placements"] = Placement.__table__
    return tables  # type: ignore[return-value]


CHILDREN = _children()


def load_dossiers_core(session: Session, person_ids: Sequence[uuid.UUID]) -> list[Dossier]:
    """The dossiers of ``person_ids`` in one query per table (attachment contents left out)."""
    persons = session.execute(select(Person.__table__).where(Person.__table__.c.id.in_(person_ids))).all()
    grouped: dict[str, dict[uuid.UUID, list[Row]]] = {}
    for name, table in CHILDREN.items():
        columns = [c for c in table.columns if not (name == "attachments" and c.name == "content")]
        order = table.c.start_date if name == "placements" else table.c.seq
        rows = session.execute(select(*columns).where(table.c.person_id.in_(person_ids))
                               .order_by(table.c.person_id, order, table.c.id)).all()
        by_person: dict[uuid.UUID, list[Row]] = {}
        for row in rows:
            by_person.setdefault(row.person_id, []).append(row)
        grouped[name] = by_person
    return [Dossier(p, {name: grouped[name].get(p.id, []) for name in CHILDREN}) for p in persons]


def live_documents(session: Session, person_ids: Iterable[uuid.UUID], *, batch: int = BATCH) -> Iterator[dict]:
    """The document of each person (deleted ones as tombstones), in the order of ``person_ids``."""
    for chunk in chunks(person_ids, batch):
        persons = {p.id: p for p in load_dossiers_core(session, chunk)}
        alive = [persons[i] for i in chunk if i in persons and persons[i].deleted_at is None]
        built = dict(zip((p.id for p in alive), build_documents(session, alive), strict=True))  # type: ignore[arg-type]
        for person_id in chunk:
            person = persons.get(person_id)
            if person is not None:
                yield built[person_id] if person_id in built else tombstone(person)  # type: ignore[arg-type]


def chunks(ids: Iterable[uuid.UUID], size: int) -> Iterator[list[uuid.UUID]]:
    chunk: list[uuid.UUID] = []
    for value in ids:
        chunk.append(value if isinstance(value, uuid.UUID) else uuid.UUID(str(value)))
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


# --- the sync's wire form, read straight from SQLite -------------------------------------------------
#
# The sync sends the city only what the city stores of each document (app.city.api_sql: the
# person's columns, its section rows, placements and attachments); the Person JSON's derived
# values (completeness, retirement date, catalog names…) are never stored there. For the approved
# live persons of a SQLite desk, ``wire_documents`` reads those columns with the driver itself
# (no ORM objects, no type processing) and gives each value exactly as ``build_documents`` +
# ``app.city.api.prepare`` would — tests/city/test_sync.py compares the two at the city.

_PERSON_WIRE_SKIP = {"unit_id", "review_state", "deleted_at", "created_at"}


def _hyphens(value: str | None) -> str | None:
    """A UUID as SQLite keeps it (32 hex digits) in its usual text form."""
    if value is None or len(value) != 32:
        return value
    return f"{value[:8]}-{value[8:12]}-{value[12:16]}-{value[16:20]}-{value[20:]}"


def _when(value: str | None) -> str | None:
    """A DateTime as SQLite keeps it ("YYYY-MM-DD HH:MM:SS.ffffff", naive UTC) as ``plain`` gives it."""
    if value is None:
        return None
    text = value.replace(" ", "T", 1)
    return text[:-7] if text.endswith(".000000") else text


def _column_readers(table: Table, names: Sequence[str]) -> list[Callable[[Any], Any] | None]:
    from sqlalchemy import Boolean, DateTime, Uuid

    readers: list[Callable[[Any], Any] | None] = []
    for name in names:
        kind = table.c[name].type
        if isinstance(kind, Uuid):
            readers.append(_hyphens)
        elif isinstance(kind, DateTime):
            readers.append(_when)
        elif isinstance(kind, Boolean):
            readers.append(lambda v: None if v is None else bool(v))
        else:  # text, integers, dates (ISO text), numbers (SQLite REAL): as they are
            readers.append(None)
    return readers


class _WireShape:
    """Which columns of each table travel, and how each raw SQLite value becomes its JSON value."""

    def __init__(self) -> None:
        from app.fields import SECTION_FIELDS

        persons: Table = Person.__table__  # type: ignore[assignment]
        self.person_cols = [c.name for c in persons.columns if c.name not in _PERSON_WIRE_SKIP]
        self.person_read = _column_readers(persons, self.person_cols)
        self.sections: dict[str, tuple[Table, list[str], list[Callable[[Any], Any] | None], str]] = {}
        for name, cls in SECTION_CLASSES.items():
            table: Table = cls.__table__  # type: ignore[assignment]
            cols = ["id", *(spec.name for spec in SECTION_FIELDS[name])]
            self.sections[name] = (table, cols, _column_readers(table, cols), "seq, id")
        att: Table = Attachment.__table__  # type: ignore[assignment]
        att_cols = ["id", "kind", "file_name", "mime_type", "sha256", "size", "doc_date", "description"]
        self.sections["attachments"] = (att, att_cols, _column_readers(att, att_cols), "seq, id")
        pl: Table = Placement.__table__  # type: ignore[assignment]
        pl_cols = ["id", "unit_id", "start_date", "end_date", "decision", "note"]
        self.sections["placements"] = (pl, pl_cols, _column_readers(pl, pl_cols), "start_date, id")
        self.row_sql = {key: self._rows_sql(key) for key in ROW_COLUMNS}

    def _rows_sql(self, key: str) -> str:
        """SQLite builds a section's wire rows itself (``ROW_COLUMNS`` order, each value as
        ``_column_readers`` gives it, the position as the document's list gives it) for the live
        persons among a JSON list of ids: one JSON array, in the persons' order; and the rows' ids
        (the first value of each array) joined by commas, for the batch's declaration."""
        table, cols, _readers, order = self.sections[key]
        by = ", ".join(f"t.{c.strip()}" for c in order.split(","))
        head = {"id": _sql_value(table, "id", "t"), "person_id": _sql_value(table, "person_id", "t"),
                "seq": f"row_number() OVER (PARTITION BY t.person_id ORDER BY {by}) - 1",
                "version": "p.version", "updated_at": _sql_value(Person.__table__, "updated_at", "p")}  # type: ignore[arg-type]
        values = [head[c] if c in head else _sql_value(table, c, "t") if c in cols else "NULL"
                  for c in ROW_COLUMNS[key]]
        return (f"SELECT '[' || group_concat(j, ',') || ']', group_concat(rid, ',') "
                f"FROM (SELECT json_array({', '.join(values)}) AS j, {head['id']} AS rid "
                f"FROM json_each(?) b JOIN persons p ON p.id = b.value AND p.deleted_at IS NULL "
                f"JOIN {table.name} t ON t.person_id = p.id AND t.deleted_at IS NULL ORDER BY b.key, {by})")


def _sql_value(table: Table, name: str, alias: str) -> str:
    """SQLite: the JSON value of a column as ``_column_readers`` gives it in Python."""
    from sqlalchemy import Boolean, DateTime, Uuid

    kind, x = table.c[name].type, f'{alias}."{name}"'
    if isinstance(kind, Uuid):
        return (f"CASE WHEN length({x}) = 32 THEN substr({x}, 1, 8) || '-' || substr({x}, 9, 4) || '-' || "
                f"substr({x}, 13, 4) || '-' || substr({x}, 17, 4) || '-' || substr({x}, 21) ELSE {x} END")
    if isinstance(kind, DateTime):
        return (f"CASE WHEN {x} LIKE '%.000000' THEN replace(substr({x}, 1, length({x}) - 7), ' ', 'T') "
                f"ELSE replace({x}, ' ', 'T') END")
    if isinstance(kind, Boolean):
        return f"CASE WHEN {x} IS NULL THEN NULL WHEN {x} THEN json('true') ELSE json('false') END"
    return x


_SHAPE: _WireShape | None = None


def _shape() -> _WireShape:
    global _SHAPE
    if _SHAPE is None:
        _SHAPE = _WireShape()
    return _SHAPE


class WireRows(dict[str, str]):
    """JSON text by section key (``wire_rows``), and ``row_ids``: the ids of all those rows (what
    the batch's declaration must name, app.city.api.identities, without parsing the JSON)."""

    def __init__(self) -> None:
        super().__init__()
        self.row_ids: list[str] = []


def wire_rows(session: Session, person_ids: Sequence[uuid.UUID]) -> WireRows:
    """The section rows (``ROW_COLUMNS``: every section, not placements or attachments) of the
    approved persons ``person_ids`` in the wire form, as JSON text by key, built by SQLite
    itself: what ``app.city.api._split`` makes of ``wire_documents``, without a Python object
    per row (tests/city/test_wire.py compares the two). Keys without rows are left out. Their
    ids come in the same query (``WireRows.row_ids``)."""
    shape = _shape()
    conn = session.connection()
    keys = json.dumps([i.hex for i in person_ids])
    out = WireRows()
    for key, sql in shape.row_sql.items():
        encoded, ids = conn.exec_driver_sql(sql, (keys,)).one()
        if encoded is not None and encoded != "[]":
            out[key] = encoded
            out.row_ids += ids.split(",")
    return out


def wire_documents(session: Session, person_ids: Sequence[uuid.UUID], *,
                   sections: Collection[str] | None = None) -> list[dict[str, Any]]:
    """The documents of the approved persons ``person_ids`` in the form ``app.city.api.push_documents``
    sends (the stored columns only; deleted persons as tombstones), read from a SQLite desk with
    the driver. Each person must be ``approved`` (app.publish decides who leaves as what).
    ``sections``: only these lists of rows (the sync reads the others with ``wire_rows``)."""
    from app.text import fold, name_sort_key

    shape = _shape()
    wanted = {k: v for k, v in shape.sections.items() if sections is None or k in sections}
    conn = session.connection()
    keys = [i.hex for i in person_ids]
    marks = ", ".join("?" * len(keys))
    units = {_hyphens(r[0]): r[1] for r in conn.exec_driver_sql("SELECT id, code FROM units")}
    person_sql = (f"SELECT {', '.join(shape.person_cols)}, unit_id, deleted_at FROM persons "
                  f"WHERE id IN ({marks})")
    read = list(zip(shape.person_cols, shape.person_read, strict=True))
    by_id: dict[str, dict[str, Any]] = {}
    dead: set[str] = set()
    n = len(shape.person_cols)
    for row in conn.exec_driver_sql(person_sql, tuple(keys)):
        doc = {name: (f(v) if f is not None and v is not None else v) for (name, f), v in zip(read, row[:n], strict=True)}
        if row[n + 1] is not None:
            by_id[doc["id"]] = {"id": doc["id"], "cccd": doc["cccd"], "deleted_at": _when(row[n + 1]),
                                "version": doc["version"], "updated_at": doc["updated_at"]}
            dead.add(doc["id"])
            continue
        doc["unit_code"] = units.get(_hyphens(row[n]))
        doc["name_fold"] = fold(doc.get("full_name"))
        doc["sort_key"] = name_sort_key(doc.get("full_name"))
        for key in wanted:
            doc[key] = []
        by_id[doc["id"]] = doc
    for key, (table, cols, readers, order) in wanted.items():
        pairs = list(zip(cols, readers, strict=True))
        sql = (f"SELECT person_id, {', '.join(cols)} FROM {table.name} "
               f"WHERE person_id IN ({marks}) AND deleted_at IS NULL ORDER BY person_id, {order}")
        for row in conn.exec_driver_sql(sql, tuple(keys)):
            doc = by_id.get(_hyphens(row[0]))  # type: ignore[arg-type]
            if doc is None or doc["id"] in dead:
                continue
            item = {name: (f(v) if f is not None and v is not None else v)
                    for (name, f), v in zip(pairs, row[1:], strict=True)}
            if key == "placements":
                item["unit_code"] = units.get(item.pop("unit_id"))
            doc[key].append(item)
    return [by_id[k] for k in (str(i) for i in person_ids) if k in by_id]
