"""Find anyone among 100,000 dossiers as you type.

Accent- and case-insensitive (both sides folded with ``app.text.fold``, đ→d) over the name, the
CCCD and the unit (name or code). Ranking: exact name or CCCD > the given name itself > a prefix
(of the name, of any word of it, of the CCCD) > contained anywhere > found only through the unit
(a word of its name, or its code, begins with the query); ties in Vietnamese name order. Several words must all be found, in any order ("hoa nguyen" finds "Nguyễn Thị Hoa").
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import Select, and_, case, func, literal, or_, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from app.text import fold
from app.units import subtree_ids
from models import Person, Unit


@dataclass(frozen=True)
class SearchHit:
    id: uuid.UUID
    cccd: str
    full_name: str
    birth_date: dt.date
    sex: str
    unit_code: str | None
    unit_name: str | None
    rank: int


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _like(column: ColumnElement[str], pattern: str) -> ColumnElement[bool]:
    return column.like(pattern, escape="\\")


def search_condition(query: str) -> tuple[ColumnElement[bool] | None, ColumnElement[int]]:
    """The WHERE condition and the rank expression for ``query`` (None = everyone)."""
    q = fold(query)
    if not q:
        return None, literal(0)
    e = _escape(q)
    digits = q.replace(" ", "")
    unit_text = " " + Unit.name_fold + " " + func.lower(Unit.code)
    words = [_escape(w) for w in q.split(" ")]
    name_all_words = and_(*[_like(Person.name_fold, f"%{w}%") for w in words])
    # a word is found in the name anywhere, or begins a word of the unit's name or code
    any_all_words = and_(*[or_(_like(Person.name_fold, f"%{w}%"), _like(unit_text, f"% {w}%")) for w in words])
    rank = case(
        (or_(Person.name_fold == q, Person.cccd == digits), 0),
        (_like(Person.name_fold, f"% {e}"), 1),  # the given name itself
        (or_(_like(Person.name_fold, f"{e}%"), _like(Person.name_fold, f"% {e}%"),
             _like(Person.cccd, f"{_escape(digits)}%")), 2),
        (or_(name_all_words, _like(Person.cccd, f"%{_escape(digits)}%")), 3),
        else_=4,
    )
    condition = or_(any_all_words, _like(Person.cccd, f"%{_escape(digits)}%")) if digits.isdigit() else any_all_words
    return condition, rank


def search_statement(session: Session, query: str, *, limit: int | None = 50, unit_code: str | None = None,
                     include_subunits: bool = True, include_inactive: bool = True) -> Select | None:
    """The SELECT behind ``search`` (None when ``unit_code`` names no unit)."""
    condition, rank = search_condition(query)
    stmt = (select(Person.id, Person.cccd, Person.full_name, Person.birth_date, Person.sex, Unit.code,
                   Unit.name, rank.label("rank"))
            .outerjoin(Unit, Person.unit_id == Unit.id)
            .where(Person.deleted_at.is_(None)))
    if condition is not None:
        stmt = stmt.where(condition)
    if not include_inactive:
        stmt = stmt.where(Person.status == "working")
    if unit_code:
        unit = session.scalars(select(Unit).where(Unit.code == unit_code.strip())).one_or_none()
        if unit is None:
            return None
        ids = subtree_ids(session, unit.id) if include_subunits else [unit.id]
        stmt = stmt.where(Person.unit_id.in_(ids))
    stmt = stmt.order_by(rank, Person.sort_key, Person.birth_date)
    return stmt.limit(limit) if limit is not None else stmt


def search(session: Session, query: str, *, limit: int | None = 50, unit_code: str | None = None,
           include_subunits: bool = True, include_inactive: bool = True) -> list[SearchHit]:
    stmt = search_statement(session, query, limit=limit, unit_code=unit_code, include_subunits=include_subunits,
                            include_inactive=include_inactive)
    return [] if stmt is None else [SearchHit(*row) for row in session.execute(stmt)]
