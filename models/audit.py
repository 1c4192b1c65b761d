"""The change log: who changed which field of which record, when, from what to what.

Written by ``app.audit`` for every flush (so no write path can forget it); read by ``history``,
by the sync (what changed since the last push) and by the trust features (approval).

Tamper evidence (app/security/chain.py): each entry's ``hash`` is sha256 over the previous entry's
hash and this entry's fields, so an edit or a deletion made without HoSo breaks the chain.
``LogHead`` remembers, per log, the newest entry (id, hash) and the number of entries — a removed
tail shows as a head that no entry matches — and the point up to which the chain was last verified.
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
    hash: Mapped[str | None] = mapped_column(String(64))  # app.security.chain


class LogHead(Base):
    """The head of one log's hash chain (``change_log``, ``access_log``), moved by every writer in the
    same transaction as its entries; ``verified_*``: the entry up to which the check at start verified."""

    __tablename__ = "log_heads"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    last_id: Mapped[int] = mapped_column(Integer, default=0)
    hash: Mapped[str] = mapped_column(String(64), default="")
    count: Mapped[int] = mapped_column(Integer, default=0)
    verified_id: Mapped[int] = mapped_column(Integer, default=0)
    verified_hash: Mapped[str] = mapped_column(String(64), default="")
