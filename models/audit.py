"""The change log: who changed which field of which record, when, from what to what.

Written by ``app.audit`` for every flush (so no write path can forget it); read by ``history``,
by the sync (what changed since the last push) and by the trust features (approval).
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import Integer, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, utcnow


class ChangeLog(Base):
    __tablename__ = "change_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[dt.datetime] = mapped_column(default=utcnow, index=True)
    by: Mapped[str] = mapped_column(String(80))
    action: Mapped[str] = mapped_column(String(10))  # create | update | delete | restore
    entity: Mapped[str] = mapped_column(String(40))  # person, training, unit…
    record_id: Mapped[uuid.UUID] = mapped_column(Uuid(), index=True)
    person_id: Mapped[uuid.UUID | None] = mapped_column(Uuid(), index=True)
    field: Mapped[str] = mapped_column(String(80))
    old: Mapped[str | None] = mapped_column(Text)
    new: Mapped[str | None] = mapped_column(Text)
