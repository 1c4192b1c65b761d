"""Dossier documents in bulk: what the sync and the export package read.

A live person is its Person JSON (``app.person_json.build_documents``, the same document as
``show --json``); a deleted person is a tombstone ``{"id","cccd","deleted_at","version",
"updated_at"}``. Persons are loaded ``BATCH`` at a time with their sections (a fixed number of
queries per batch), so 100,000 documents never sit in memory at once.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator
from typing import Any

from sqlalchemy.orm import Session

from app.person_json import build_documents, load_dossiers, plain
from models import Person

BATCH = 500


def tombstone(person: Person) -> dict[str, Any]:
    return {"id": str(person.id), "cccd": person.cccd, "deleted_at": plain(person.deleted_at),
            "version": person.version, "updated_at": plain(person.updated_at)}


def is_tombstone(document: dict[str, Any]) -> bool:
    return "full_name" not in document


def live_documents(session: Session, person_ids: Iterable[uuid.UUID], *, batch: int = BATCH) -> Iterator[dict]:
    """The document of each person (deleted ones as tombstones), in the order of ``person_ids``."""
    for chunk in chunks(person_ids, batch):
        persons = {p.id: p for p in load_dossiers(session, chunk)}
        alive = [persons[i] for i in chunk if i in persons and persons[i].deleted_at is None]
        built = dict(zip((p.id for p in alive), build_documents(session, alive), strict=True))
        for person_id in chunk:
            person = persons.get(person_id)
            if person is not None:
                yield built[person_id] if person_id in built else tombstone(person)
        session.expunge_all()  # keep memory flat over 100,000 persons


def chunks(ids: Iterable[uuid.UUID], size: int) -> Iterator[list[uuid.UUID]]:
    chunk: list[uuid.UUID] = []
    for value in ids:
        chunk.append(value if isinstance(value, uuid.UUID) else uuid.UUID(str(value)))
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
