"""A person's change history, oldest first, as the contract's ``history --json`` prints it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.fields import PERSON_FIELD_MAP, SECTION_FIELDS, SECTION_LABELS
from app.people import find_person
from models import ChangeLog

_ENTITY_SECTION = {"training": "training", "work_history": "work_history", "personal_history": "personal_history",
                   "family": "family", "salary_history": "salary_history", "allowance": "allowances",
                   "reward": "rewards", "discipline": "discipline", "evaluation": "evaluations",
                   "decision": "decisions", "asset_declaration": "asset_declarations",
                   "planning": "planning",
                   "attachment": "attachments", "placement": "placements"}


@dataclass(frozen=True)
class Change:
    at: str
    by: str
    action: str
    field: str  # "full_name", "training.institution", "training" (a row added or removed), "*"
    label: str  # Vietnamese, for people
    old: str | None
    new: str | None

    def as_json(self) -> dict[str, str | None]:
        return {"at": self.at, "by": self.by, "field": self.field, "old": self.old, "new": self.new,
                "action": self.action, "label": self.label}


def _field_and_label(entity: str, field: str) -> tuple[str, str]:
    if entity == "person":
        if field == "*":
            return "*", "Hồ sơ"
        if field == "package":  # written by app.package.importer
            return field, "Nhập gói hồ sơ"
        spec = PERSON_FIELD_MAP.get(field)
        return field, spec.label if spec else field
    section = _ENTITY_SECTION.get(entity, entity)
    section_label = SECTION_LABELS.get(section, "Bố trí đơn vị" if section == "placements" else section)
    if field == "*":
        return section, section_label
    spec = next((f for f in SECTION_FIELDS.get(section, ()) if f.name == field), None)
    return f"{section}.{field}", f"{section_label}: {spec.label if spec else field}"


def person_history(session: Session, key: str) -> list[Change]:
    person = find_person(session, key, include_deleted=True)
    rows = session.scalars(select(ChangeLog).where(ChangeLog.person_id == person.id)
                           .order_by(ChangeLog.at, ChangeLog.id))
    changes = []
    for row in rows:
        field, label = _field_and_label(row.entity, row.field)
        at = row.at if row.at.tzinfo else row.at.replace(tzinfo=dt.UTC)
        changes.append(Change(at.isoformat(), row.by, row.action, field, label, row.old, row.new))
    return changes
