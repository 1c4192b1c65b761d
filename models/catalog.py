"""Catalogs loaded from ``resources/catalogs`` (data, not code: uncertain values change by data).

A person stores catalog *codes* (stable across the local and the city database), never a local
surrogate id, so records move between databases without re-keying.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import JSON, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base, coefficient, name_str


class CatalogItem(Base):
    """One value of a simple catalog: ethnic groups, religions, provinces, levels, forms…

    ``catalog`` names the list (``ethnicity``, ``religion``, ``province``, ``professional_level``…);
    ``attrs`` keeps list-specific facts (e.g. an ethnic group's code in the 2008 GSO list).
    """

    __tablename__ = "catalog_items"

    catalog: Mapped[str] = mapped_column(String(40), primary_key=True)
    code: Mapped[str] = mapped_column(String(40), primary_key=True)
    name: Mapped[name_str]
    name_fold: Mapped[str] = mapped_column(String(200), index=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    attrs: Mapped[dict] = mapped_column(JSON, default=dict)
    source: Mapped[str | None] = mapped_column(Text)
    confidence: Mapped[str | None] = mapped_column(String(1))  # C / S / U as in REFERENCE.md


class Grade(Base):
    """Mã ngạch / mã chức danh nghề nghiệp. The same code changed meaning (QĐ 78/2004 →
    TT 02/2021), so the key is (code, list_version)."""

    __tablename__ = "grades"

    code: Mapped[str] = mapped_column(String(20), primary_key=True)
    list_version: Mapped[str] = mapped_column(String(20), primary_key=True)
    name: Mapped[name_str]
    salary_scale: Mapped[str] = mapped_column(String(10))  # "B2", "B3", "B4" (NĐ 204/2004 Bảng)
    salary_class: Mapped[str] = mapped_column(String(10))  # "A1", "A2.1", "B", "CG"…
    staff_type: Mapped[str | None] = mapped_column(String(20))
    valid_from: Mapped[dt.date | None]
    valid_to: Mapped[dt.date | None]
    confidence: Mapped[str | None] = mapped_column(String(1))


class SalaryScaleStep(Base):
    """One step of a salary class: hệ số and the regular step interval in months."""

    __tablename__ = "salary_scale_steps"

    salary_scale: Mapped[str] = mapped_column(String(10), primary_key=True)
    salary_class: Mapped[str] = mapped_column(String(10), primary_key=True)
    step: Mapped[int] = mapped_column(Integer, primary_key=True)
    coefficient: Mapped[coefficient]
    interval_months: Mapped[int] = mapped_column(Integer)


class BaseSalary(Base):
    """Lương cơ sở as a dated table: the amount in force from ``effective_from``."""

    __tablename__ = "base_salaries"

    effective_from: Mapped[dt.date] = mapped_column(primary_key=True)
    amount: Mapped[Decimal] = mapped_column()
    instrument: Mapped[str | None] = mapped_column(String(120))
    confidence: Mapped[str | None] = mapped_column(String(1))
