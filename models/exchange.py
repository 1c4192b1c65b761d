"""Delivery to the Department of Home Affairs: sync bookkeeping and package trust.

Local side: ``SyncTarget`` (a city database this desk pushes to, never with its password),
``SyncRecord`` (the version of each record last confirmed at that target: what makes a sync
incremental, idempotent and able to see a change made at the city meanwhile) and ``SyncRun``
(the sync log). City side: ``CityUnitAccess`` (which database role may write which units: read
by the row-level security policies), ``TrustedKey`` (units' Ed25519 public keys) and
``PackageReceipt`` (packages already imported, by hash).
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import JSON, ForeignKey, Integer, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, utcnow


class SyncTarget(Base):
    __tablename__ = "sync_targets"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    url_key: Mapped[str] = mapped_column(String(300), unique=True)  # URL without password
    last_change_id: Mapped[int] = mapped_column(Integer, default=0)
    last_sync_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    last_status: Mapped[str | None] = mapped_column(String(20))


class SyncRecord(Base):
    __tablename__ = "sync_records"

    target_id: Mapped[int] = mapped_column(ForeignKey("sync_targets.id", ondelete="CASCADE"), primary_key=True)
    record_id: Mapped[uuid.UUID] = mapped_column(Uuid(), primary_key=True)
    entity: Mapped[str] = mapped_column(String(40))
    version: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[dt.datetime] = mapped_column()


class SyncDirty(Base):
    """Persons whose pending state may have moved since the last sync settled them (``app.city.dirty``):
    kept by database triggers on every write path; what the pending detection reads instead of every person."""

    __tablename__ = "sync_dirty"

    person_id: Mapped[uuid.UUID] = mapped_column(Uuid(), primary_key=True)


class SyncRun(Base):
    __tablename__ = "sync_runs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    target_id: Mapped[int] = mapped_column(ForeignKey("sync_targets.id", ondelete="CASCADE"), index=True)
    started_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    status: Mapped[str] = mapped_column(String(20), default="running")  # running | done | failed
    by: Mapped[str] = mapped_column(String(80), default="")
    summary: Mapped[dict] = mapped_column(JSON, default=dict)  # the contract's counts
    problems: Mapped[list] = mapped_column(JSON, default=list)  # conflicts and rejections
    message: Mapped[str | None] = mapped_column(Text)


class CityUnitAccess(Base):
    __tablename__ = "city_unit_access"

    role_name: Mapped[str] = mapped_column(String(63), primary_key=True)
    unit_id: Mapped[uuid.UUID] = mapped_column(Uuid(), primary_key=True)


class TrustedKey(Base):
    __tablename__ = "trusted_keys"

    fingerprint: Mapped[str] = mapped_column(String(64), primary_key=True)
    unit_code: Mapped[str] = mapped_column(String(40), index=True)
    public_key: Mapped[str] = mapped_column(String(200))
    added_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    added_by: Mapped[str] = mapped_column(String(80), default="")


class PackageReceipt(Base):
    __tablename__ = "package_receipts"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    unit_code: Mapped[str] = mapped_column(String(40))
    fingerprint: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[dt.datetime | None] = mapped_column(default=None)
    imported_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    imported_by: Mapped[str] = mapped_column(String(80), default="")
    summary: Mapped[dict] = mapped_column(JSON, default=dict)


class CityIdentityConflict(Base):
    """City side: a unit's record refused because its identity (CCCD, dossier id, a row id) is held
    at the city by a record the unit does not own, or a hand-over it may not make. The unit gets one
    generic refusal; the Department resolves these (``city conflicts``, the window in city mode)."""

    __tablename__ = "city_identity_conflicts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[dt.datetime] = mapped_column(default=utcnow, index=True)
    role_name: Mapped[str] = mapped_column(String(63))  # the unit's login role that sent it
    kind: Mapped[str] = mapped_column(String(20))  # cccd | person | row | hand_over
    person_id: Mapped[uuid.UUID | None] = mapped_column(Uuid())  # the dossier id the unit sent
    cccd: Mapped[str | None] = mapped_column(String(12))  # the CCCD the unit sent
    unit_code: Mapped[str | None] = mapped_column(String(40))  # the unit the unit's record names
    holder_id: Mapped[uuid.UUID | None] = mapped_column(Uuid())  # the city's record holding it
    detail: Mapped[str | None] = mapped_column(Text)
