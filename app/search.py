"""Find anyone among 100,000 dossiers as you type.

Accent- and case-insensitive (both sides folded with ``app.text.fold``, đ→d) over the name, the
CCCD and the unit (name or code). Ranking: exact name or CCCD > the given name itself > a prefix
(of the name, of any word of it, of the CCCD) > contained anywhere > found only through the unit
(a word of its name, or its code, begins with the query); ties in Vietnamese name order. Several
words must all be found, in any order ("hoa nguyen" finds "Nguyễn Thị Hoa").

Speed: the persons table is wide, so every column the search filters, ranks and orders on is in
one covering index (``ix_persons_listing``); units are matched first in Python (a few hundred rows)
and enter the query as ``unit_id IN (…)``, so the query never joins while it scans. When the
result is narrowed, ordering uses an expression so the database sorts the few matching rows
instead of walking the name index and visiting every row.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Select, and_, case, false, func, literal, or_, select
from sqlalchemy.orm import Session

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


def _units_matching(session: Session, words: Iterable[str]) -> dict[str, list[uuid.UUID]]:
    """For each folded word: the units one of whose name words, or whose code, begins with it."""
    units = [(uid, f" {name} {code.lower()}".replace(".", " ")) for uid, name, code in
             session.execute(select(Unit.id, Unit.name_fold, Unit.code).where(Unit.deleted_at.is_(None)))]
    return {w: [uid for uid, text in units if f" {w}" in text] for w in words}


def search_condition(session: Session, query: str, *, exact_cccd_only: bool = False
                     ) -> tuple[ColumnElement[bool] | None, ColumnElement[int]]:
    """The WHERE condition and the rank expression for ``query`` (None = everyone).
    ``exact_cccd_only`` (a role that sees a masked CCCD): digits match a CCCD only when they are
    the whole 12-digit number — never a prefix or a part, which would let the masked digits be
    recovered one search at a time."""
    q = fold(query)
    if not q:
        return None, literal(0)
    e = _escape(q)
    digits = q.replace(" ", "")
    words = q.split(" ")
    unit_ids = _units_matching(session, words)

    def word_found(word: str) -> ColumnElement[bool]:
        in_name = _like(Person.name_fold, f"%{_escape(word)}%")
        return or_(in_name, Person.unit_id.in_(unit_ids[word])) if unit_ids[word] else in_name

    name_all_words = and_(*[_like(Person.name_fold, f"%{_escape(w)}%") for w in words])
    if exact_cccd_only:
        cccd_contains = Person.cccd == digits if digits.isdigit() and len(digits) == 12 else false()
        cccd_prefix = false()
    else:
        cccd_contains = _like(Person.cccd, f"%{_escape(digits)}%") if digits.isdigit() else false()
        cccd_prefix = _like(Person.cccd, f"{_escape(digits)}%")
    rank = case(
        (or_(Person.name_fold == q, Person.cccd == digits), 0),
        (_like(Person.name_fold, f"% {e}"), 1),  # the given name itself
        (or_(_like(Person.name_fold, f"{e}%"), _like(Person.name_fold, f"% {e}%"), cccd_prefix), 2),
        (or_(name_all_words, cccd_contains), 3),
        else_=4,
    )
    condition = and_(*[word_found(w) for w in words])
    return (or_(condition, cccd_contains) if digits.isdigit() else condition), rank


def name_order(narrowed: bool) -> list[ColumnElement]:
    """Vietnamese name order. ``narrowed``: sort the matching rows (an expression, so the planner
    does not walk the name index over every row); else walk the index."""
    if narrowed:
        return [func.coalesce(Person.sort_key, ""), Person.birth_date]
    return [Person.sort_key, Person.birth_date]


def search_statement(session: Session, query: str, *, limit: int | None = 50, unit_code: str | None = None,
                     include_subunits: bool = True, include_inactive: bool = True,
                     exact_cccd_only: bool = False) -> Select | None:
    """The SELECT of the ranked ids behind ``search`` (None when ``unit_code`` names no unit).

    It selects only columns of the covering index (id, rank), so the database scans the narrow
    index, never the wide rows; ``search`` then reads the few rows it shows."""
    condition, rank = search_condition(session, query, exact_cccd_only=exact_cccd_only)
    stmt = select(Person.id, rank.label("rank")).where(Person.deleted_at.is_(None))
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
    stmt = stmt.order_by(rank, *name_order(condition is not None or bool(unit_code)))
    return stmt.limit(limit) if limit is not None else stmt


def search(session: Session, query: str, *, limit: int | None = 50, unit_code: str | None = None,
           include_subunits: bool = True, include_inactive: bool = True, exact_cccd_only: bool = False
           ) -> list[SearchHit]:
    """``exact_cccd_only``: see ``search_condition``."""
    stmt = search_statement(session, query, limit=limit, unit_code=unit_code, include_subunits=include_subunits,
                            include_inactive=include_inactive, exact_cccd_only=exact_cccd_only)
    if stmt is None:
        return []
    ranked = session.execute(stmt).all()
    details = {}
    for chunk in range(0, len(ranked), 500):
        ids = [r.id for r in ranked[chunk:chunk + 500]]
        details.update({row.id: row for row in session.execute(
            select(Person.id, Person.cccd, Person.full_name, Person.birth_date, Person.sex, Unit.code, Unit.name)
            .outerjoin(Unit, Person.unit_id == Unit.id).where(Person.id.in_(ids)))})
    return [SearchHit(*details[r.id], rank=r.rank) for r in ranked]
