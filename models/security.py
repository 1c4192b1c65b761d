"""Trust: the people who may use a database, what they may touch, and what they did.

- ``User`` and ``UserUnit``: accounts, their role (``admin``, ``clerk``, ``head``, ``viewer``) and
  the units (with their sub-units) a clerk, head or viewer works on.
- ``AccessLog``: append-only record of logins and of every view, print and export of sensitive
  data (writes are in ``change_log``).
- ``ReviewEvent`` and ``ApprovedSnapshot``: the approval flow. A clerk's change leaves the dossier
  ``submitted``; a unit head approves it or returns it with a comment. Until then what leaves the
  desk (sync, package) is the last approved version, kept as a snapshot document.
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import JSON, Boolean, ForeignKey, Integer, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, utcnow, uuid_pk

ROLES = ("admin", "clerk", "head", "viewer")
REVIEW_STATES = ("approved", "submitted", "returned")


class User(Base):
    __tablename__ = "users"

    id: Mapped[uuid_pk]
    username: Mapped[str] = mapped_column(String(80), unique=True)
    full_name: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str] = mapped_column(String(255))
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[dt.datetime | None] = mapped_column(default=None)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    last_login_at: Mapped[dt.datetime | None] = mapped_column(default=None)


class UserUnit(Base):
    __tablename__ = "user_units"

    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), primary_key=True)
    unit_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("units.id", ondelete="CASCADE"), primary_key=True)


class AccessLog(Base):
    __tablename__ = "access_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[dt.datetime] = mapped_column(default=utcnow, index=True)
    by: Mapped[str] = mapped_column(String(80))
    action: Mapped[str] = mapped_column(String(20))  # login, login_failed, view, print, export, ...
    person_id: Mapped[uuid.UUID | None] = mapped_column(Uuid(), index=True)
    detail: Mapped[str | None] = mapped_column(Text)
    hash: Mapped[str | None] = mapped_column(String(64))  # chained to the previous entry: app.security.chain


class ReviewEvent(Base):
    __tablename__ = "review_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    person_id: Mapped[uuid.UUID] = mapped_column(Uuid(), index=True)
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    by: Mapped[str] = mapped_column(String(80))
    action: Mapped[str] = mapped_column(String(20))  # submit | approve | return
    version: Mapped[int] = mapped_column(Integer)
    comment: Mapped[str | None] = mapped_column(Text)


class ApprovedSnapshot(Base):
    __tablename__ = "approved_snapshots"

    person_id: Mapped[uuid.UUID] = mapped_column(Uuid(), primary_key=True)
    version: Mapped[int] = mapped_column(Integer)
    document: Mapped[dict] = mapped_column(JSON)
    approved_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    approved_by: Mapped[str] = mapped_column(String(80))
