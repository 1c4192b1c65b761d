"""Declarative base, shared column types and the mixins every synced record carries.

Why a mixin per concern: the sync and the trust features read ``version``/``updated_at``
and the change log, so every table that leaves the desk must have them, spelled the same way.
"""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Annotated

from sqlalchemy import JSON, Date, DateTime, Integer, MetaData, Numeric, String, Text, Uuid
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {
        dt.datetime: DateTime(timezone=True),
        dt.date: Date(),
        uuid.UUID: Uuid(),
        Decimal: Numeric(12, 3),
        dict: JSON(),
    }


# Shared column shapes (one place to change a length or a type).
uuid_pk = Annotated[uuid.UUID, mapped_column(Uuid(), primary_key=True, default=uuid.uuid4)]
code_str = Annotated[str, mapped_column(String(40))]
name_str = Annotated[str, mapped_column(String(200))]
short_str = Annotated[str, mapped_column(String(80))]
long_text = Annotated[str, mapped_column(Text())]
coefficient = Annotated[Decimal, mapped_column(Numeric(6, 3))]


class Versioned:
    """Identity and change tracking for sync: a UUID that never changes, a version counter
    bumped on every write (by the change-log hook), the time of the last write and a
    soft-deletion mark (deleted rows stay so a deletion can be synced and undone)."""

    version: Mapped[int] = mapped_column(Integer, default=1, nullable=False)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, nullable=False)
    deleted_at: Mapped[dt.datetime | None] = mapped_column(default=None)


class Audited:
    """Marker: every insert, update and delete of this class is written to the change log."""

    __audit_entity__: str = ""
