"""How complete the dossiers of each unit are: the completeness dashboard.

The ratio of a person is ``app.rules.completeness`` over the same values the Person JSON gives it
(``app.person_json.completeness_of``): every name a form's items read (``checked_names``), the
section rows that are not deleted, the photo attachment. For 100,000 profiles nothing is loaded
per person: one query returns, for each person, whether each Person column is filled (a SQL
expression per column), one DISTINCT scan per section gives the people with a live row, and the
rule runs once per distinct (form, filled-pattern) on representative values — a handful of
calls where a person-by-person run would make 100,000.

"Filled" in SQL is the rule's own test: not NULL, and for text not blank once trimmed (HoSo
stores text through ``app.text.nfc``, which collapses every kind of whitespace, so SQL's trim of
spaces agrees with Python's ``strip``); a section needs one row; the photo is an attachment of
kind ``photo``.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, String, Text, and_, case, func, literal, select
from sqlalchemy.orm import Session

from app.alerts import as_uuid, bulk_rows, person_scope, raw_id, section_select, unit_names
from app.errors import UserError
from app.rules import completeness as rules
from app.units import get_unit
from models import SECTION_CLASSES, Attachment, Person, Unit

__all__ = ["UnitCompleteness", "WorstPerson", "person_missing", "unit_completeness"]

NO_UNIT = "(Chưa xếp đơn vị)"


@dataclass(frozen=True)
class WorstPerson:
    person_id: uuid.UUID
    full_name: str
    ratio: float


@dataclass(frozen=True)
class UnitCompleteness:
    """One unit's own people (``subtree`` False) or the unit with every unit below it (True)."""

    unit_code: str | None  # None: people placed in no unit
    unit_name: str
    people: int
    average: float  # mean ratio, three decimals
    complete_count: int
    worst: tuple[WorstPerson, ...]  # lowest ratios first, then Vietnamese name order
    subtree: bool = False

    def as_json(self) -> dict[str, Any]:
        return {"unit_code": self.unit_code, "unit_name": self.unit_name, "subtree": self.subtree,
                "people": self.people, "average": self.average, "complete": self.complete_count,
                "worst": [{"id": str(w.person_id), "full_name": w.full_name, "completeness": w.ratio}
                          for w in self.worst]}


def _filled_sql(name: str) -> ColumnElement[Any]:
    """1 when the Person column ``name`` is filled, else 0 (text: not blank once trimmed)."""
    column = Person.__table__.c[name]
    test: ColumnElement[bool] = column.is_not(None)
    if isinstance(column.type, String | Text):
        test = and_(test, func.trim(column) != literal(""))
    return case((test, 1), else_=0)


def _people_with_statement(name: str, kind: str, scope: Sequence[ColumnElement[bool]] | None) -> Select[Any]:
    if kind == "rows":
        return section_select(SECTION_CLASSES[name], scope=scope).distinct()
    if name == "photo":
        return section_select(Attachment, scope=scope, where=[Attachment.kind == "photo"]).distinct()
    raise ValueError(f"completeness {kind} {name!r} has no database source")


def _people_with(session: Session, name: str, kind: str, scope: Sequence[ColumnElement[bool]] | None) -> set[Any]:
    """The ids (as app.alerts.raw_id) of the people with a live row of section ``name`` (kind
    ``rows``) or a photo (the ``photo`` flag): one DISTINCT scan, faster than a correlated EXISTS
    per person once sections hold several rows each."""
    return {pid for (pid,) in bulk_rows(session, _people_with_statement(name, kind, scope))}


def _person_statement(conditions: Sequence[ColumnElement[bool]]) -> tuple[list[str], Select[Any]]:
    fields = sorted(name for name, kind in rules.checked_names().items() if kind == "field")
    return fields, select(raw_id(Person.id), Person.full_name, Person.sort_key, raw_id(Person.unit_id),
                          Person.staff_type, *(_filled_sql(name) for name in fields)).where(*conditions)


def _representative(names: Sequence[tuple[str, str]], flags: Sequence[int]) -> dict[str, object]:
    """Values that fill exactly the flagged names (the rule only asks whether a value is filled)."""
    values: dict[str, object] = {}
    for (name, kind), flag in zip(names, flags, strict=True):
        values[name] = (1 if kind == "rows" else True) if flag else None
    return values


@dataclass(frozen=True)
class _Rated:
    person_id: Any  # as app.alerts.raw_id
    full_name: str
    sort_key: str
    unit_id: Any
    result: rules.Completeness


def _rate(session: Session, conditions: Sequence[ColumnElement[bool]],
          narrow: Sequence[ColumnElement[bool]] | None) -> list[_Rated]:
    """Everyone matching ``conditions``, rated; ``narrow`` limits the section scans to them (None:
    scan whole sections, cheaper when most people are wanted)."""
    fields, stmt = _person_statement(conditions)
    others = sorted((name, kind) for name, kind in rules.checked_names().items() if kind != "field")
    names = [*((name, "field") for name in fields), *others]
    present = [_people_with(session, name, kind, narrow) for name, kind in others]
    memo: dict[tuple[Any, ...], rules.Completeness] = {}
    rated = []
    for row in bulk_rows(session, stmt):
        pid = row[0]
        key = (*row[4:], *(pid in people for people in present))
        result = memo.get(key)
        if result is None:
            values = _representative(names, key[1:])
            result = memo[key] = rules.completeness(values, rules.form_for(key[0]))
        rated.append(_Rated(pid, row[1], row[2], row[3], result))
    return rated


def person_missing(session: Session, person_id: uuid.UUID) -> rules.Completeness:
    """One dossier's ratio and missing items, computed the way the dashboard computes everyone's."""
    conditions = [Person.id == as_uuid(person_id), Person.deleted_at.is_(None)]
    rated = _rate(session, conditions, conditions)
    if not rated:
        raise UserError(f"Không tìm thấy hồ sơ có mã '{person_id}'.")
    return rated[0].result


def unit_completeness(session: Session, unit_code: str | None = None, *, worst_count: int = 5,
                      with_subtrees: bool = False, statuses: Sequence[str] | None = ("working",)
                      ) -> list[UnitCompleteness]:
    """Per unit of ``unit_code``'s subtree (every unit when None): its own people's average
    completeness, how many are complete and the ``worst_count`` least complete. Worst unit first
    (lowest average, then name). ``with_subtrees`` adds a row per unit that has units below it,
    counting the whole subtree. Only working staff count unless ``statuses`` says otherwise
    (None: every status); deleted dossiers never do."""
    conditions = person_scope(session, unit_code)
    if statuses is not None:
        conditions.append(Person.status.in_(list(statuses)))
    by_unit: dict[Any, list[_Rated]] = {}
    for rated in _rate(session, conditions, conditions if unit_code else None):
        by_unit.setdefault(rated.unit_id, []).append(rated)
    names = unit_names(session)
    rows = [_row(names.get(uid) if uid is not None else None, people, worst_count) for uid, people in by_unit.items()]
    if with_subtrees:
        root = session.scalar(select(raw_id(Unit.id)).where(Unit.id == get_unit(session, unit_code).id)) \
            if unit_code else None
        rows += _subtree_rows(session, by_unit, names, worst_count, root)
    rows.sort(key=lambda r: (r.average, r.unit_name, r.subtree))
    return rows


def _row(unit: tuple[str, str] | None, people: list[_Rated], worst_count: int, subtree: bool = False
         ) -> UnitCompleteness:
    ratios = [p.result.ratio for p in people]
    worst = sorted(people, key=lambda p: (p.result.ratio, p.sort_key))[:worst_count]
    return UnitCompleteness(unit[0] if unit else None, unit[1] if unit else NO_UNIT, len(people),
                            round(sum(ratios) / len(ratios), 3), sum(1 for p in people if p.result.complete),
                            tuple(WorstPerson(as_uuid(p.person_id), p.full_name, p.result.ratio) for p in worst),
                            subtree)


def _subtree_rows(session: Session, by_unit: dict[Any, list[_Rated]], names: dict[Any, tuple[str, str]],
                  worst_count: int, root: Any) -> list[UnitCompleteness]:
    """Every unit above some people, with all of them (up to ``root``, the scope's top unit)."""
    parents = dict(bulk_rows(session, select(raw_id(Unit.id), raw_id(Unit.parent_id))).all())
    below: dict[Any, list[_Rated]] = {}
    for uid, people in by_unit.items():
        ancestor = parents.get(uid) if uid is not None and uid != root else None
        seen: set[Any] = set()
        while ancestor is not None and ancestor not in seen:
            seen.add(ancestor)
            below.setdefault(ancestor, []).extend(people)
            ancestor = parents.get(ancestor) if ancestor != root else None
    rows = []
    for uid, people in below.items():
        if uid in names:
            rows.append(_row(names[uid], [*by_unit.get(uid, []), *people], worst_count, subtree=True))
    return rows
