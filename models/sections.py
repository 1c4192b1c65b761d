"""The repeating sections of the dossier (2C items 27–31, HS02 items 32–37, NĐ 27/2026 groups).

Every row has its own UUID, version and ``seq`` (the order the clerk gave it on the form), and is
audited field by field like the person.
"""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated

from sqlalchemy import ForeignKey, Index, Integer, LargeBinary, Numeric, String, Text
from sqlalchemy.orm import Mapped, declared_attr, deferred, mapped_column, relationship

from models.base import Audited, Base, Versioned, utcnow, uuid_pk

if TYPE_CHECKING:
    from models.person import Person

opt_str = Annotated[str | None, mapped_column(String(200))]
opt_code = Annotated[str | None, mapped_column(String(40))]
opt_text = Annotated[str | None, mapped_column(Text())]
opt_coef = Annotated[Decimal | None, mapped_column(Numeric(6, 3))]

TRAINING_KINDS = ("professional", "political_theory", "state_management", "defence_security",
                  "it", "language", "other")
FAMILY_SIDES = ("self", "spouse")
PERSONAL_HISTORY_KINDS = ("old_regime", "foreign_org")
DECISION_KINDS = ("recruitment", "election", "appointment", "reappointment", "planning", "transfer",
                  "rotation", "secondment", "resignation", "retirement", "other")
REWARD_KINDS = ("reward", "emulation_title")
DISCIPLINE_KINDS = ("party", "administrative", "mass_org")


class Section(Versioned, Audited):
    """Columns every section row shares."""

    __person_attr__: str = ""  # the Person relationship that holds these rows

    id: Mapped[uuid_pk]
    seq: Mapped[int] = mapped_column(Integer, default=0)

    @declared_attr
    def person_id(cls) -> Mapped[uuid.UUID]:  # noqa: N805 - SQLAlchemy declared_attr
        return mapped_column(ForeignKey("persons.id", ondelete="CASCADE"))

    @declared_attr.directive
    def __table_args__(cls) -> tuple:  # noqa: N805
        # one index serves both "rows of this person" and the bulk "live rows per person" scans
        # of the dashboard and the quality checks
        return (Index(f"ix_{cls.__tablename__}_person_live", "person_id", "deleted_at"),)

    @declared_attr
    def person(cls) -> Mapped[Person]:  # noqa: N805
        return relationship(back_populates=cls.__person_attr__)


class Training(Section, Base):
    """2C item 27 / HS02 item 32.1–32.6, typed by ``kind``."""

    __tablename__ = "training"
    __audit_entity__ = "training"
    __person_attr__ = "training"

    kind: Mapped[str] = mapped_column(String(20), default="professional")
    institution: Mapped[opt_str]  # tên trường / cơ sở đào tạo
    major: Mapped[opt_str]  # chuyên ngành
    start_date: Mapped[dt.date | None]
    end_date: Mapped[dt.date | None]
    form_code: Mapped[opt_code]  # catalog "training_form"
    qualification: Mapped[opt_str]  # văn bằng, chứng chỉ, trình độ
    level_code: Mapped[opt_code]  # the catalog level it proves (e.g. professional_level "DH")
    language: Mapped[opt_str]  # 32.6 tên ngoại ngữ / tiếng dân tộc
    score: Mapped[opt_code]  # 32.6 điểm số


class WorkHistory(Section, Base):
    """2C item 28 / HS02 item 33."""

    __tablename__ = "work_history"
    __audit_entity__ = "work_history"
    __person_attr__ = "work_history"

    start_date: Mapped[dt.date | None]
    end_date: Mapped[dt.date | None]
    unit_name: Mapped[opt_str]
    position: Mapped[opt_str]
    description: Mapped[opt_text]  # 2C's single free column when unit/position are not split


class PersonalHistory(Section, Base):
    """HS02 item 34.2 (worked for the old regime) and 34.3 (foreign organisations)."""

    __tablename__ = "personal_history"
    __audit_entity__ = "personal_history"
    __person_attr__ = "personal_history"

    kind: Mapped[str] = mapped_column(String(20), default="old_regime")
    start_date: Mapped[dt.date | None]
    end_date: Mapped[dt.date | None]
    content: Mapped[opt_text]


class FamilyMember(Section, Base):
    """2C item 30 a/b, HS02 item 36: own side and the spouse's side."""

    __tablename__ = "family_members"
    __audit_entity__ = "family"
    __person_attr__ = "family"

    side: Mapped[str] = mapped_column(String(10), default="self")
    relation: Mapped[str] = mapped_column(String(40))
    full_name: Mapped[str] = mapped_column(String(120))
    birth_year: Mapped[int | None] = mapped_column(Integer)
    details: Mapped[opt_text]  # quê quán, nghề nghiệp, chức vụ, nơi ở, tổ chức CT-XH…
    deceased: Mapped[bool] = mapped_column(default=False)


class SalaryHistory(Section, Base):
    """2C item 31 / HS02 item 37.1."""

    __tablename__ = "salary_history"
    __audit_entity__ = "salary_history"
    __person_attr__ = "salary_history"

    start_date: Mapped[dt.date]
    end_date: Mapped[dt.date | None]
    grade_code: Mapped[opt_code]
    salary_step: Mapped[int | None] = mapped_column(Integer)
    salary_coefficient: Mapped[opt_coef]
    salary_percent: Mapped[int | None] = mapped_column(Integer)
    salary_amount: Mapped[Decimal | None] = mapped_column(Numeric(14, 0))  # lương theo VTVL
    early_months: Mapped[int | None] = mapped_column(Integer)  # nâng bậc trước thời hạn
    decision: Mapped[opt_str]
    note: Mapped[opt_text]


class Allowance(Section, Base):
    """HS02 item 37.2: the other allowances."""

    __tablename__ = "allowances"
    __audit_entity__ = "allowance"
    __person_attr__ = "allowances"

    kind: Mapped[str] = mapped_column(String(80))  # loại phụ cấp
    start_date: Mapped[dt.date | None]
    end_date: Mapped[dt.date | None]
    percent: Mapped[opt_coef]
    coefficient: Mapped[opt_coef]
    method: Mapped[opt_str]  # hình thức hưởng
    amount: Mapped[Decimal | None] = mapped_column(Numeric(14, 0))


class Reward(Section, Base):
    """HS02 35.1; NĐ 27/2026 group 6: rewards and emulation titles."""

    __tablename__ = "rewards"
    __audit_entity__ = "reward"
    __person_attr__ = "rewards"

    kind: Mapped[str] = mapped_column(String(20), default="reward")
    year: Mapped[int | None] = mapped_column(Integer)
    decision_date: Mapped[dt.date | None]
    decision_number: Mapped[opt_code]
    title: Mapped[str] = mapped_column(String(200))  # hình thức / danh hiệu
    authority: Mapped[opt_str]
    reason: Mapped[opt_text]


class Discipline(Section, Base):
    """HS02 35.2: Party or administrative discipline."""

    __tablename__ = "discipline"
    __audit_entity__ = "discipline"
    __person_attr__ = "discipline"

    kind: Mapped[str] = mapped_column(String(20), default="administrative")
    start_date: Mapped[dt.date | None]
    end_date: Mapped[dt.date | None]
    form: Mapped[str] = mapped_column(String(120))  # khiển trách, cảnh cáo, giáng chức…
    violation: Mapped[opt_text]
    authority: Mapped[opt_str]
    decision_number: Mapped[opt_code]


class Evaluation(Section, Base):
    """Yearly evaluation (HS02 35.1 ratings; NĐ 27/2026 "đánh giá, xếp loại chất lượng")."""

    __tablename__ = "evaluations"
    __audit_entity__ = "evaluation"
    __person_attr__ = "evaluations"

    year: Mapped[int] = mapped_column(Integer)
    quality_rating: Mapped[opt_str]  # HTXSNV / HTTNV / HTNV / KHTNV
    professional_rating: Mapped[opt_str]
    emulation_rating: Mapped[opt_str]
    note: Mapped[opt_text]


class Decision(Section, Base):
    """Recruitment, election, appointment, planning, transfer, rotation, secondment, leaving
    (NĐ 27/2026 group 4)."""

    __tablename__ = "decisions"
    __audit_entity__ = "decision"
    __person_attr__ = "decisions"

    kind: Mapped[str] = mapped_column(String(20))
    decision_number: Mapped[opt_code]
    decision_date: Mapped[dt.date | None]
    effective_date: Mapped[dt.date | None]
    end_date: Mapped[dt.date | None]
    position: Mapped[opt_str]
    unit_name: Mapped[opt_str]
    authority: Mapped[opt_str]
    note: Mapped[opt_text]


class Planning(Section, Base):
    """Quy hoạch: a leadership title the person is in the planning for, for a period (giai đoạn
    2026–2031), by a decision; taken out of it on a date (HS02 item 24, 2023 CV item 24; issue 15)."""

    __tablename__ = "plannings"
    __audit_entity__ = "planning"
    __person_attr__ = "planning"

    title: Mapped[str] = mapped_column(String(200))
    period_from: Mapped[int | None] = mapped_column(Integer)  # first year of the period
    period_to: Mapped[int | None] = mapped_column(Integer)  # last year
    decision_number: Mapped[opt_code]
    decision_date: Mapped[dt.date | None]
    removed_on: Mapped[dt.date | None]  # đưa ra khỏi quy hoạch
    note: Mapped[opt_text]


class AssetDeclaration(Section, Base):
    """NĐ 27/2026 group 9: yearly asset and income declarations (kê khai tài sản, thu nhập)."""

    __tablename__ = "asset_declarations"
    __audit_entity__ = "asset_declaration"
    __person_attr__ = "asset_declarations"

    year: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20), default="annual")  # lần đầu/hằng năm/bổ sung/phục vụ công tác cán bộ
    declared_on: Mapped[dt.date | None]
    total_income: Mapped[Decimal | None] = mapped_column(Numeric(16, 0))
    summary: Mapped[opt_text]


class Attachment(Section, Base):
    """The photo and scanned documents, stored with their SHA-256 so tampering shows."""

    __tablename__ = "attachments"
    __audit_entity__ = "attachment"
    __person_attr__ = "attachments"

    kind: Mapped[str] = mapped_column(String(20), default="document")  # "photo" | "document"
    file_name: Mapped[str] = mapped_column(String(255))
    mime_type: Mapped[str] = mapped_column(String(80))
    sha256: Mapped[str] = mapped_column(String(64), index=True)  # packages and sync look contents up by hash
    size: Mapped[int] = mapped_column(Integer)
    doc_date: Mapped[dt.date | None]
    description: Mapped[opt_str]
    added_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    content: Mapped[bytes] = deferred(mapped_column(LargeBinary))
