"""What may leave the desk: the approved version of each dossier (sync and export packages).

A person whose ``review_state`` is ``approved`` leaves as its live document; one that is
``submitted`` or ``returned`` (a clerk's change awaiting the unit head) leaves as the last approved
snapshot (``ApprovedSnapshot.document``), or not at all when it was never approved. A deleted
person leaves as a tombstone. See docs/sync.md.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.city.documents import BATCH, chunks, live_documents
from models import ApprovedSnapshot, Person

APPROVED = "approved"


def outgoing_documents(session: Session, person_ids: Iterable[uuid.UUID], *, batch: int = BATCH) -> Iterator[dict]:
    """The documents that may be sent for ``person_ids`` (unknown ids and never-approved persons
    yield nothing)."""
    for chunk in chunks(person_ids, batch):
        rows = session.execute(select(Person.id, Person.review_state, Person.deleted_at)
                               .where(Person.id.in_(chunk))).all()
        # a deletion waits for approval like any other change: until then the approved version goes
        live = [r.id for r in rows if r.review_state == APPROVED]
        waiting = [r.id for r in rows if r.review_state != APPROVED]
        yield from live_documents(session, live, batch=batch)
        if waiting:
            for snapshot in session.scalars(select(ApprovedSnapshot).where(ApprovedSnapshot.person_id.in_(waiting))):
                yield dict(snapshot.document)
