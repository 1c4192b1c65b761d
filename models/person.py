"""The person: every scalar item of Mẫu 2C-BNV/2008 (items 1–26), what HS02-VC/BNV adds, and the
scalar facts of NĐ 27/2026's ten groups. Repeating sections live in ``models.sections``.

Field names follow the paper form; the item number is in the comment so the editor, the 2C
printer and the completeness rules can all be checked against the form. Catalog values are
stored as codes (``ethnicity_code``…) — see ``models.catalog``.
"""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Index, Integer, Numeric, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.base import Audited, Base, Versioned, utcnow, uuid_pk

if TYPE_CHECKING:
    from models.sections import (
        Allowance,
        AssetDeclaration,
        Attachment,
        Decision,
        Discipline,
        Evaluation,
        FamilyMember,
        PersonalHistory,
        Planning,
        Reward,
        SalaryHistory,
        Training,
        WorkHistory,
    )
    from models.unit import Placement, Unit

opt_str = Annotated[str | None, mapped_column(String(200))]
opt_code = Annotated[str | None, mapped_column(String(40))]
opt_text = Annotated[str | None, mapped_column(Text())]
opt_coef = Annotated[Decimal | None, mapped_column(Numeric(6, 3))]

SEXES = ("Nam", "Nữ")
STAFF_TYPES = ("can_bo", "cong_chuc", "vien_chuc", "hop_dong")
STATUSES = ("working", "retired", "transferred", "left")


class Person(Versioned, Audited, Base):
    __tablename__ = "persons"
    __audit_entity__ = "person"
    __table_args__ = (
        CheckConstraint("sex IN ('Nam', 'Nữ')", name="sex"),
        CheckConstraint("length(cccd) = 12", name="cccd_length"),
        Index("ix_persons_unit_sort", "unit_id", "sort_key"),
        # A covering index (app.search, app.listing): a search scans this narrow index instead of
        # the wide rows, and the list of working people is a range of it in name order.
        Index("ix_persons_listing", "status", "sort_key", "birth_date", "id", "deleted_at", "name_fold", "cccd",
              "unit_id"),
        # app.search (migration 0010): an exact full name by index lookup; a search that finds many
        # people walks them in name order and stops after the first page.
        Index("ix_persons_name_fold", "name_fold"),
        Index("ix_persons_name_walk", "sort_key", "birth_date", "id", "deleted_at", "status", "name_fold", "cccd",
              "unit_id"),
    )

    # --- identity (NĐ 27/2026 group 1) -------------------------------------------------
    id: Mapped[uuid_pk]
    cccd: Mapped[str] = mapped_column(String(12), unique=True)  # số định danh cá nhân
    cccd_issue_date: Mapped[dt.date | None]  # 2C item 25 "Ngày cấp"
    cccd_issue_place: Mapped[opt_str]
    old_id_number: Mapped[opt_code]  # số CMND cũ (2C item 25 as printed before 2021)
    officer_number: Mapped[opt_code]  # số hiệu cán bộ, công chức (2C header)
    staff_type: Mapped[str] = mapped_column(String(20), default="cong_chuc")
    status: Mapped[str] = mapped_column(String(20), default="working")  # ix_persons_listing
    # approval (app.security.review): approved | submitted | returned
    review_state: Mapped[str] = mapped_column(String(12), default="approved", server_default="approved")

    full_name: Mapped[str] = mapped_column(String(120))  # 1) normal case, NFC
    name_fold: Mapped[str] = mapped_column(String(120))  # search: folded, đ→d (ix_persons_listing)
    # Vietnamese name order (app.text.name_sort_key); byte order, so "C" collation on PostgreSQL.
    sort_key: Mapped[str] = mapped_column(
        String(400).with_variant(String(400, collation="C"), "postgresql"), index=True)
    other_names: Mapped[opt_str]  # 2)
    birth_date: Mapped[dt.date]  # 3)
    birth_year_only: Mapped[bool] = mapped_column(Boolean, default=False)
    sex: Mapped[str] = mapped_column(String(3))  # 3) "Nam" | "Nữ"

    # Addresses: the old 3-level text verbatim + the 2025 two-level coded address.
    birthplace_text: Mapped[opt_text]  # 4) Nơi sinh (xã, huyện, tỉnh as written)
    birthplace_province: Mapped[opt_code]
    birthplace_commune: Mapped[opt_str]
    hometown_text: Mapped[opt_text]  # 5) Quê quán
    hometown_province: Mapped[opt_code]
    hometown_commune: Mapped[opt_str]
    ethnicity_code: Mapped[opt_code]  # 6) catalog "ethnicity"
    religion_code: Mapped[opt_code]  # 7) catalog "religion"
    permanent_text: Mapped[opt_text]  # 8) Nơi đăng ký hộ khẩu thường trú
    permanent_province: Mapped[opt_code]
    permanent_commune: Mapped[opt_str]
    permanent_detail: Mapped[opt_str]
    current_text: Mapped[opt_text]  # 9) Nơi ở hiện nay
    current_province: Mapped[opt_code]
    current_commune: Mapped[opt_str]
    current_detail: Mapped[opt_str]
    phone: Mapped[opt_code]  # HS02 8)
    email: Mapped[opt_str]
    family_background: Mapped[opt_str]  # HS02 11) thành phần gia đình xuất thân

    # --- recruitment and position (group 4, 6) ---------------------------------------------
    occupation_before: Mapped[opt_str]  # 10) nghề nghiệp khi được tuyển dụng
    recruitment_date: Mapped[dt.date | None]  # 11)
    recruiting_agency: Mapped[opt_str]  # 11)
    agency_join_date: Mapped[dt.date | None]  # HS02 14) ngày vào cơ quan hiện đang công tác
    probation_end_date: Mapped[dt.date | None]  # hết tập sự
    unit_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("units.id"), index=True)
    position: Mapped[opt_str]  # 12) chức vụ (chức danh) hiện tại
    position_date: Mapped[dt.date | None]  # HS02 23) ngày bổ nhiệm
    position_reappointed_date: Mapped[dt.date | None]  # HS02 23) bổ nhiệm lại
    concurrent_positions: Mapped[opt_text]  # HS02 25) chức vụ kiêm nhiệm
    party_position: Mapped[opt_str]  # HS02 26)
    party_concurrent_position: Mapped[opt_str]  # HS02 27)
    planned_titles: Mapped[opt_text]  # HS02 24) được quy hoạch chức danh
    main_duties: Mapped[opt_text]  # 13) công việc chính được giao
    strengths: Mapped[opt_text]  # 20) sở trường công tác
    longest_job: Mapped[opt_str]  # HS02 29) công việc làm lâu nhất

    # --- salary (14; HS02 30) ---------------------------------------------------------------
    grade_code: Mapped[opt_code]  # mã ngạch / mã CDNN
    grade_list_version: Mapped[opt_code]
    grade_date: Mapped[dt.date | None]  # ngày bổ nhiệm ngạch/CDNN
    salary_step: Mapped[int | None] = mapped_column(Integer)
    salary_coefficient: Mapped[opt_coef]
    salary_since: Mapped[dt.date | None]
    salary_percent: Mapped[int | None] = mapped_column(Integer)  # phần trăm hưởng (85 in probation)
    seniority_allowance_percent: Mapped[int | None] = mapped_column(Integer)  # PC thâm niên vượt khung
    seniority_allowance_since: Mapped[dt.date | None]
    position_allowance: Mapped[opt_coef]  # phụ cấp chức vụ (hệ số)
    concurrent_allowance: Mapped[opt_coef]  # phụ cấp kiêm nhiệm
    other_allowance: Mapped[opt_str]  # phụ cấp khác (as written)
    job_position: Mapped[opt_str]  # HS02 30.3 vị trí việc làm
    job_position_code: Mapped[opt_code]
    salary_amount: Mapped[Decimal | None] = mapped_column(Numeric(14, 0))  # lương theo mức tiền
    salary_amount_since: Mapped[dt.date | None]
    job_position_step: Mapped[int | None] = mapped_column(Integer)  # 2023 CV 30.3 bậc lương
    job_position_percent: Mapped[int | None] = mapped_column(Integer)  # 30.3 phần trăm hưởng
    job_position_seniority_percent: Mapped[int | None] = mapped_column(Integer)  # 30.3 PCTNVK
    job_position_seniority_since: Mapped[dt.date | None]  # 30.3 ngày hưởng PCTNVK

    # --- education (15; HS02 19–21) ------------------------------------------------------
    general_education: Mapped[opt_code]  # 15.1 "12/12"
    professional_level_code: Mapped[opt_code]  # 15.2 catalog "professional_level"
    professional_major: Mapped[opt_str]
    political_theory_code: Mapped[opt_code]  # 15.3 catalog "political_theory"
    state_management_code: Mapped[opt_code]  # 15.4 catalog "state_management"
    foreign_language: Mapped[opt_str]  # 15.5 "Tiếng Anh B1"
    it_level: Mapped[opt_str]  # 15.6
    academic_title_code: Mapped[opt_code]  # HS02 21) GS / PGS
    academic_title_year: Mapped[int | None] = mapped_column(Integer)

    # --- political organisations (16, 17; group 7) -----------------------------------------
    party_join_date: Mapped[dt.date | None]  # 16)
    party_official_date: Mapped[dt.date | None]
    mass_org_join_date: Mapped[dt.date | None]  # 17) tổ chức chính trị - xã hội
    mass_org_text: Mapped[opt_text]  # 17) which organisation and what role

    # --- armed forces (18; group 8) ---------------------------------------------------------
    enlistment_date: Mapped[dt.date | None]
    discharge_date: Mapped[dt.date | None]
    military_rank: Mapped[opt_str]

    # --- honours, summary lines (19, 21, 22) ---------------------------------------------
    honorary_title: Mapped[opt_str]  # 19) danh hiệu được phong tặng cao nhất
    reward_summary: Mapped[opt_str]  # 21) hình thức cao nhất, năm nào
    discipline_summary: Mapped[opt_str]  # 22)

    # --- health and policy (23, 24; HS02 18, 31; group 10) ------------------------------
    health_status: Mapped[opt_str]
    height_cm: Mapped[int | None] = mapped_column(Integer)
    weight_kg: Mapped[int | None] = mapped_column(Integer)
    blood_type: Mapped[opt_code]
    war_invalid_rank: Mapped[opt_code]  # 24) thương binh hạng …/…
    policy_family: Mapped[opt_str]  # 24) con gia đình chính sách
    policy_subject: Mapped[opt_str]  # HS02 18) đối tượng chính sách

    # --- insurance (26; HS02 9) ------------------------------------------------------------
    social_insurance_number: Mapped[opt_code]
    health_insurance_number: Mapped[opt_code]

    # --- personal history (29; HS02 34.1) — free text; HS02 tables in PersonalHistory -----
    history_detention: Mapped[opt_text]  # 29 a) bị bắt, bị tù; làm việc trong chế độ cũ
    history_foreign_orgs: Mapped[opt_text]  # 29 b)
    history_relatives_abroad: Mapped[opt_text]  # 29 c)

    # --- economic situation (HS02 37.3; NĐ 27 group 9) --------------------------------------
    income_salary: Mapped[opt_str]
    income_other: Mapped[opt_str]
    housing: Mapped[opt_text]
    land: Mapped[opt_text]
    business_land: Mapped[opt_text]

    # --- assessment (32; HS02 38) ----------------------------------------------------------
    assessment: Mapped[opt_text]

    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    unit: Mapped[Unit | None] = relationship(foreign_keys=[unit_id], lazy="raise_on_sql")
    training: Mapped[list[Training]] = relationship(back_populates="person", cascade="all, delete-orphan", order_by="Training.seq")
    work_history: Mapped[list[WorkHistory]] = relationship(back_populates="person", cascade="all, delete-orphan", order_by="WorkHistory.seq")
    personal_history: Mapped[list[PersonalHistory]] = relationship(back_populates="person", cascade="all, delete-orphan", order_by="PersonalHistory.seq")
    family: Mapped[list[FamilyMember]] = relationship(back_populates="person", cascade="all, delete-orphan", order_by="FamilyMember.seq")
    salary_history: Mapped[list[SalaryHistory]] = relationship(back_populates="person", cascade="all, delete-orphan", order_by="SalaryHistory.seq")
    allowances: Mapped[list[Allowance]] = relationship(back_populates="person", cascade="all, delete-orphan", order_by="Allowance.seq")
    rewards: Mapped[list[Reward]] = relationship(back_populates="person", cascade="all, delete-orphan", order_by="Reward.seq")
    discipline: Mapped[list[Discipline]] = relationship(back_populates="person", cascade="all, delete-orphan", order_by="Discipline.seq")
    evaluations: Mapped[list[Evaluation]] = relationship(back_populates="person", cascade="all, delete-orphan", order_by="Evaluation.seq")
    decisions: Mapped[list[Decision]] = relationship(back_populates="person", cascade="all, delete-orphan", order_by="Decision.seq")
    asset_declarations: Mapped[list[AssetDeclaration]] = relationship(back_populates="person", cascade="all, delete-orphan", order_by="AssetDeclaration.seq")
    planning: Mapped[list[Planning]] = relationship(back_populates="person", cascade="all, delete-orphan", order_by="Planning.seq")
    attachments: Mapped[list[Attachment]] = relationship(back_populates="person", cascade="all, delete-orphan", order_by="Attachment.seq")
    placements: Mapped[list[Placement]] = relationship(cascade="all, delete-orphan", order_by="Placement.start_date")
