"""Personal declarations (NĐ 27/2026 Art. 19) and data-subject requests (REFERENCE §7).

``Declaration``: one file issued to a person (``app.declaration``). The database keeps what it
issued (``issued`` holds the values written into the file, ``content_hash`` their SHA-256), so a
returned file is compared with the issued values, never trusted for them; the file carries only
the declaration's id and an HMAC over it (the secret is in ``settings``).

``DataRequest``: a person's request to see (or correct) their own data; ``due_on`` is computed
from ``resources/rules/data_requests.json`` when it is recorded.
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import JSON, Date, ForeignKey, Integer, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, utcnow


class Declaration(Base):
    __tablename__ = "declarations"

    id: Mapped[uuid.UUID] = mapped_column(Uuid(), primary_key=True, default=uuid.uuid4)
    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"), index=True)
    issued_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    issued_by: Mapped[str] = mapped_column(String(80))
    issued_version: Mapped[int] = mapped_column(Integer)
    issued: Mapped[dict] = mapped_column(JSON)  # {"person": {field: text}, "sections": {name: [{id, field: text}]}}
    content_hash: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(20), default="issued")  # issued | accepted
    returned_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    accepted_by: Mapped[str | None] = mapped_column(String(80))
    note: Mapped[str | None] = mapped_column(Text)
    accepted: Mapped[list | None] = mapped_column(JSON)  # the change keys accepted, by every run


class DataRequest(Base):
    __tablename__ = "data_requests"

    id: Mapped[uuid.UUID] = mapped_column(Uuid(), primary_key=True, default=uuid.uuid4)
    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20), default="access")  # access | correction
    received_on: Mapped[dt.date] = mapped_column(Date())
    due_on: Mapped[dt.date] = mapped_column(Date())
    answered_on: Mapped[dt.date | None] = mapped_column(Date(), default=None)
    recorded_by: Mapped[str] = mapped_column(String(80))
    recorded_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    answered_by: Mapped[str | None] = mapped_column(String(80))
    note: Mapped[str | None] = mapped_column(Text)
