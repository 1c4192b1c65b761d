"""The organisational tree (cơ quan, đơn vị) and each person's placement history."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Audited, Base, Versioned, name_str, uuid_pk


class Unit(Versioned, Audited, Base):
    __tablename__ = "units"
    __audit_entity__ = "unit"

    id: Mapped[uuid_pk]
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[name_str]
    name_fold: Mapped[str] = mapped_column(String(200), index=True)
    short_name: Mapped[str | None] = mapped_column(String(120))
    parent_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("units.id"), index=True)
    # co_quan_hanh_chinh, don_vi_su_nghiep, phong_ban, ubnd_xa, ... (free codes, see docs)
    kind: Mapped[str | None] = mapped_column(String(40))
    staff_quota: Mapped[int | None] = mapped_column(Integer)  # biên chế được giao (BM01)
    address: Mapped[str | None] = mapped_column(Text)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    active_from: Mapped[dt.date | None]
    active_to: Mapped[dt.date | None]

    parent: Mapped[Unit | None] = relationship(remote_side="Unit.id", back_populates="children")
    children: Mapped[list[Unit]] = relationship(back_populates="parent")


class Placement(Versioned, Audited, Base):
    """Quá trình bố trí: which unit the person belonged to, from when to when."""

    __tablename__ = "placements"
    __audit_entity__ = "placement"

    id: Mapped[uuid_pk]
    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"), index=True)
    unit_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("units.id"), index=True)
    start_date: Mapped[dt.date | None]
    end_date: Mapped[dt.date | None]
    decision: Mapped[str | None] = mapped_column(String(120))
    note: Mapped[str | None] = mapped_column(Text)
