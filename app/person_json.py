"""The Person JSON of the contract (``show --json``, export packages, sync), made in one place.

Stable keys are those of CONTRACT.md; every other scalar field of the dossier follows under its
model name (documented in docs/person-json.md). Catalog fields give the name under the key without
``_code`` and keep the code under ``…_code``; derived values (retirement date, next step raise,
completeness) come from the pure rules in ``app.rules``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app import catalogs
from app.fields import PERSON_FIELDS, SECTION_FIELDS, json_keys
from app.people import load_dossier
from app.rules import appointment, retirement, salary
from app.rules import completeness as completeness_rules
from models import Person, Unit


def plain(value: Any) -> Any:
    """A JSON-ready value: ISO dates, numbers as numbers, UUIDs as strings."""
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() and value.as_tuple().exponent >= 0 else float(value)
    if value is not None and not isinstance(value, str | int | float | bool | list | dict):
        return str(value)
    return value


def next_step_date(session: Session, person: Person) -> dt.date | None:
    """The next regular step raise, from the grade's class, the step and the discipline
    recorded while in the current step (None at the last step or when salary data is missing)."""
    if not (person.grade_code and person.salary_step and person.salary_since):
        return None
    grade = catalogs.grade(session, person.grade_code, person.salary_since)
    if grade is None:
        return None
    steps = catalogs.scale_steps(session, grade.salary_scale, grade.salary_class)
    if not steps:
        return None
    delay = salary.delay_in_step(((d.form, d.start_date) for d in person.discipline if d.deleted_at is None),
                                 person.salary_since)
    early = next((r.early_months for r in person.salary_history
                  if r.deleted_at is None and r.start_date == person.salary_since and r.early_months), 0)
    try:
        return salary.next_step_date(grade.salary_class, person.salary_step, len(steps), person.salary_since,
                                     delay_months=delay, early_months=early)
    except ValueError:  # a class without a rule, or an impossible early raise: the quality check says so
        return None


def completeness_of(person: Person) -> completeness_rules.Completeness:
    values: dict[str, Any] = {spec.name: getattr(person, spec.name) for spec in PERSON_FIELDS}
    values["unit_id"] = person.unit_id
    for name in SECTION_FIELDS:
        values[name] = [r for r in getattr(person, name) if r.deleted_at is None]
    values["photo"] = any(a.kind == "photo" and a.deleted_at is None for a in person.attachments)
    return completeness_rules.completeness(values, completeness_rules.form_for(person.staff_type))


def _scalar_fields(person: Person, index: catalogs.CatalogIndex) -> dict[str, Any]:
    """Every declared field under the keys ``app.fields.json_keys`` gives it (aliases included)."""
    out: dict[str, Any] = {}
    for spec in PERSON_FIELDS:
        value = getattr(person, spec.name)
        keys = json_keys(spec)
        if spec.kind == "catalog":
            name = index.name(spec.catalog or "", value) if value else None
            pairs = ((keys[0], name), (keys[1], value)) if spec.name.endswith("_code") else \
                ((keys[0], value), (keys[1], name))
            out.update(pairs)
            aliases = keys[2:]
        else:
            out[spec.name] = plain(value)
            aliases = keys[1:]
        for alias in aliases:
            out[alias] = out[spec.name]
    return out


def _rows(rows: list[Any], name: str) -> list[dict[str, Any]]:
    names = [spec.name for spec in SECTION_FIELDS[name]]
    return [{"id": str(r.id), **{n: plain(getattr(r, n)) for n in names}} for r in rows if r.deleted_at is None]


def person_json(session: Session, person_id: Any) -> dict[str, Any]:
    """One person's document (``show --json``)."""
    return build_documents(session, [load_dossier(session, person_id)])[0]


def load_dossiers(session: Session, person_ids: Sequence[Any]) -> list[Person]:
    """Many dossiers with every section loaded, in a fixed number of queries (batch readers)."""
    options = [selectinload(getattr(Person, name)) for name in (*SECTION_FIELDS, "attachments", "placements")]
    return list(session.scalars(select(Person).where(Person.id.in_(list(person_ids))).options(*options)))


def build_documents(session: Session, persons: Sequence[Person]) -> list[dict[str, Any]]:
    """The documents of loaded dossiers (``load_dossiers``); the catalogs and units are read once."""
    index = catalogs.index(session)
    units = {row.id: (row.code, row.name) for row in session.execute(select(Unit.id, Unit.code, Unit.name))}
    return [_document(session, person, index, units) for person in persons]


def _document(session: Session, person: Person, index: catalogs.CatalogIndex,
              units: Mapping[Any, tuple[str, str]]) -> dict[str, Any]:
    unit_code, unit_name = units.get(person.unit_id, (None, None))
    complete = completeness_of(person)
    result: dict[str, Any] = {
        "id": str(person.id),
        "cccd": person.cccd,
        "full_name": person.full_name,
        "birth_date": person.birth_date.isoformat(),
        "sex": person.sex,
        "unit_code": unit_code,
        "unit_name": unit_name,
        **_scalar_fields(person, index),
        "retirement_date": retirement.retirement_date(person.birth_date, person.sex,
                                                      person.birth_year_only).isoformat(),
        "next_salary_step_date": plain(next_step_date(session, person)),
        "position_term_end": plain(appointment.term_end(person.position_date, person.position_reappointed_date)
                                   if person.position else None),
        "completeness": complete.ratio,
        "missing": [m.label for m in complete.missing],
        "version": person.version,
        "updated_at": plain(person.updated_at),
    }
    for name in SECTION_FIELDS:
        result[name] = _rows(getattr(person, name), name)
    result["attachments"] = [
        {"id": str(a.id), "kind": a.kind, "file_name": a.file_name, "mime_type": a.mime_type,
         "sha256": a.sha256, "size": a.size, "doc_date": plain(a.doc_date), "description": a.description}
        for a in person.attachments if a.deleted_at is None]
    result["placements"] = [
        {"id": str(p.id), "unit_code": units.get(p.unit_id, (None, None))[0], "start_date": plain(p.start_date),
         "end_date": plain(p.end_date), "decision": p.decision, "note": p.note}
        for p in person.placements if p.deleted_at is None]
    return result
