"""Job positions (vị trí việc làm, NĐ 170/2025, NĐ 361/2025), who holds which from when, and the
monthly/quarterly scores of the rating under NĐ 335/2025 (REFERENCE §4.3–4.4).

A position belongs to one agency (a unit): its code is unique within the unit. A position that a
person ever held is never deleted, only retired (``retired_on``). A holding is the person's
position from a date to a date (history kept, like placements). A score row is one period (a
month ``"1"``…``"12"`` or a quarter ``"Q1"``…``"Q4"``) of one person; it belongs to the person, not
to the unit, so a transferred person's results follow them.
"""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

from sqlalchemy import ForeignKey, Index, Integer, LargeBinary, Numeric, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, deferred, mapped_column

from models.base import Audited, Base, Versioned, uuid_pk

POSITION_GROUPS = ("lanh_dao_quan_ly", "chuyen_mon_nghiep_vu", "ho_tro_phuc_vu")
POSITION_DOCUMENT_KINDS = ("description", "competency")
LEAVE_KINDS = ("sick", "maternity", "other")


class JobPosition(Versioned, Audited, Base):
    __tablename__ = "job_positions"
    __audit_entity__ = "job_position"
    __table_args__ = (UniqueConstraint("unit_id", "code", name="uq_job_positions_unit_code"),)

    id: Mapped[uuid_pk]
    unit_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("units.id"), index=True)
    code: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(200))
    group_code: Mapped[str] = mapped_column(String(30))  # POSITION_GROUPS
    grade_code: Mapped[str | None] = mapped_column(String(20))  # mã ngạch / mã chức danh nghề nghiệp
    approved: Mapped[int] = mapped_column(Integer, default=0)  # số lượng được duyệt
    decision_number: Mapped[str | None] = mapped_column(String(60))
    decision_date: Mapped[dt.date | None]
    note: Mapped[str | None] = mapped_column(Text)
    retired_on: Mapped[dt.date | None]


class PositionDocument(Versioned, Base):
    """The job description (bản mô tả công việc) or competency framework (khung năng lực) of a
    position, with its SHA-256 so a changed file shows."""

    __tablename__ = "position_documents"

    id: Mapped[uuid_pk]
    position_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("job_positions.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # POSITION_DOCUMENT_KINDS
    filename: Mapped[str] = mapped_column(String(200))
    sha256: Mapped[str] = mapped_column(String(64))
    content: Mapped[bytes] = deferred(mapped_column(LargeBinary))


class PositionHolding(Versioned, Audited, Base):
    __tablename__ = "position_holdings"
    __audit_entity__ = "position_holding"

    id: Mapped[uuid_pk]
    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"), index=True)
    position_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("job_positions.id"), index=True)
    start_date: Mapped[dt.date]
    end_date: Mapped[dt.date | None]
    decision: Mapped[str | None] = mapped_column(String(120))
    note: Mapped[str | None] = mapped_column(Text)


class RatingScore(Versioned, Audited, Base):
    __tablename__ = "rating_scores"
    __audit_entity__ = "rating_score"
    __table_args__ = (UniqueConstraint("person_id", "year", "period", name="uq_rating_scores_person_period"),
                      Index("ix_rating_scores_year", "year", "person_id"))

    id: Mapped[uuid_pk]
    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"))
    year: Mapped[int] = mapped_column(Integer)
    period: Mapped[str] = mapped_column(String(3))  # "1".."12" or "Q1".."Q4"
    unit_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("units.id"))  # the unit that scored it
    general_score: Mapped[Decimal | None] = mapped_column(Numeric(5, 2))  # /30
    task_score: Mapped[Decimal | None] = mapped_column(Numeric(5, 2))  # /70
    quantity_percent: Mapped[Decimal | None] = mapped_column(Numeric(5, 2))
    quality_percent: Mapped[Decimal | None] = mapped_column(Numeric(5, 2))
    progress_percent: Mapped[Decimal | None] = mapped_column(Numeric(5, 2))
    major_errors: Mapped[int] = mapped_column(Integer, default=0)
    delays: Mapped[int] = mapped_column(Integer, default=0)
    leave: Mapped[str | None] = mapped_column(String(20))  # LEAVE_KINDS: a period not worked, not scored
    note: Mapped[str | None] = mapped_column(Text)


class RatingPetition(Versioned, Audited, Base):
    """A viên chức's petition (kiến nghị) against the year's rating (Luật Viên chức 2025, [S]):
    when it was lodged, when and how it was answered."""

    __tablename__ = "rating_petitions"
    __audit_entity__ = "rating_petition"

    id: Mapped[uuid_pk]
    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("persons.id", ondelete="CASCADE"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    petition_date: Mapped[dt.date]
    answered_on: Mapped[dt.date | None]
    outcome: Mapped[str | None] = mapped_column(Text)
