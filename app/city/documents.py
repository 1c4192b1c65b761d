"""Dossier documents in bulk: what the sync and the export package read.

A live person is its Person JSON (``app.person_json.build_documents``, the same document as
``show --json``); a deleted person is a tombstone ``{"id","cccd","deleted_at","version",
"updated_at"}``. Persons are loaded ``BATCH`` at a time with their sections (a fixed number of
queries per batch), so 100,000 documents never sit in memory at once.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from sqlalchemy import Row, Table, select
from sqlalchemy.orm import Session

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
