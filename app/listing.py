"""The person list behind the main window: filtered, sorted ids first, display rows on demand.

A keystroke asks for ``list_page``: how many people match (a count, no key materialised) and the
keys of the first page only — for a search, found tier by tier over the full-text index
(``app.search.first_page``), else the list's statement with a LIMIT, which walks the name index.
The full ordered key list (``list_keys``, one query, ~100,000 hex keys) is read only when the
user scrolls past the first page. The view asks for the rows it is about to paint in batches
(``fetch_rows``), so opening, typing in and scrolling 100,000 dossiers stays smooth.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal

from sqlalchemy import Select, String, bindparam, func, select, type_coerce
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from app.rules import retirement
from app.search import first_page, name_order, search_condition
from app.units import subtree_ids
from models import Person, Unit

AGE_BANDS: dict[str, tuple[int | None, int | None]] = {
    "<=30": (None, 30), "31-40": (31, 40), "41-50": (41, 50), "51-55": (51, 55), "56-60": (56, 60), ">60": (61, None),
}


@dataclass(frozen=True)
class PersonFilter:
    query: str = ""
    unit_id: uuid.UUID | None = None
    include_subunits: bool = True
    sex: str | None = None  # "Nam" | "Nữ"
    grade_code: str | None = None
    age_band: str | None = None  # a key of AGE_BANDS
    party_member: bool | None = None
    statuses: tuple[str, ...] = ("working",)  # empty = every status
    staff_type: str | None = None
    today: dt.date = field(default_factory=dt.date.today)
    review_state: str | None = None  # "approved" | "submitted" | "returned"
    unit_scope: frozenset[uuid.UUID] | None = None  # the signed-in user's units (set by app.services)
    exact_cccd_only: bool = False  # digits find only a whole CCCD (set by app.services for masked roles)


@dataclass(frozen=True)
class PersonRow:
    id: uuid.UUID
    full_name: str
    birth_date: dt.date
    sex: str
    cccd: str
    unit_code: str | None
    unit_name: str | None
    position: str | None
    grade_code: str | None
    salary_step: int | None
    salary_coefficient: Decimal | None
    staff_type: str
    status: str
    party_join_date: dt.date | None
    phone: str | None
    retirement_date: dt.date
    review_state: str = "approved"


SORTABLE = {
    "full_name": Person.sort_key, "birth_date": Person.birth_date, "sex": Person.sex, "cccd": Person.cccd,
    "unit_name": Unit.name_fold, "position": Person.position, "grade_code": Person.grade_code,
    "salary_step": Person.salary_step, "salary_coefficient": Person.salary_coefficient,
    "staff_type": Person.staff_type, "status": Person.status, "party_join_date": Person.party_join_date,
    "phone": Person.phone, "unit_code": Unit.code,
}


def _years_ago(today: dt.date, years: int) -> dt.date:
    try:
        return today.replace(year=today.year - years)
    except ValueError:  # 29 February
        return today.replace(year=today.year - years, day=28)


PAGE_SIZE = 200
#: what a keystroke asks for: a screenful of keys and a margin (ui.person_list asks for more on a
#: taller window). Fewer keys, less work: a rare search ("le thi mai": ~100 people) walks the name
#: order only until this many are found, not through all 100,000 for 200 (issue 17).
SCREEN_PAGE = 60


@dataclass(frozen=True)
class ListPage:
    keys: list[str]  # hex keys of the first rows, in display order
    total: int | None  # how many people the whole list holds (None: not counted, ask count_people)


def _filtered(session: Session, flt: PersonFilter, columns: Sequence, exact_cccd_only: bool = False
              ) -> tuple[Select, object]:
    condition, rank = search_condition(session, flt.query,
                                       exact_cccd_only=exact_cccd_only or flt.exact_cccd_only)
    stmt = select(*columns).where(Person.deleted_at.is_(None))
    if condition is not None:
        stmt = stmt.where(condition)
    if flt.unit_id is not None:
        ids = subtree_ids(session, flt.unit_id) if flt.include_subunits else [flt.unit_id]
        stmt = stmt.where(Person.unit_id.in_(ids))
    if flt.sex:
        stmt = stmt.where(Person.sex == flt.sex)
    if flt.grade_code:
        stmt = stmt.where(Person.grade_code == flt.grade_code)
    if flt.party_member is not None:
        stmt = stmt.where(Person.party_join_date.is_not(None) if flt.party_member else Person.party_join_date.is_(None))
    if flt.statuses:
        stmt = stmt.where(Person.status.in_(flt.statuses))
    if flt.staff_type:
        stmt = stmt.where(Person.staff_type == flt.staff_type)
    if flt.review_state:
        stmt = stmt.where(Person.review_state == flt.review_state)
    if flt.unit_scope is not None:
        stmt = stmt.where(Person.unit_id.in_(list(flt.unit_scope)))
    if flt.age_band in AGE_BANDS:
        low, high = AGE_BANDS[flt.age_band]
        if low is not None:  # at least `low` years old today
            stmt = stmt.where(Person.birth_date <= _years_ago(flt.today, low))
        if high is not None:  # not yet high + 1
            stmt = stmt.where(Person.birth_date > _years_ago(flt.today, high + 1))
    return stmt, rank


def _narrowed(flt: PersonFilter) -> bool:
    return bool(flt.query or flt.unit_id or flt.sex or flt.grade_code or flt.age_band or flt.staff_type
                or flt.party_member is not None or flt.review_state)


def list_ids(session: Session, flt: PersonFilter, sort: str | None = None, descending: bool = False, *,
             exact_cccd_only: bool = False) -> list[uuid.UUID]:
    """Ids in display order: by relevance when searching (then name), else by ``sort``."""
    return [uuid.UUID(key) for key in list_keys(session, flt, sort, descending, exact_cccd_only=exact_cccd_only)]


def list_keys(session: Session, flt: PersonFilter, sort: str | None = None, descending: bool = False, *,
              exact_cccd_only: bool = False) -> list[str]:
    """Like ``list_ids`` but as 32-digit hex strings: the list of 100,000 people must not pay for
    100,000 UUID objects (half a second); the view turns only the rows it shows into ids."""
    if sort == "retirement_date":
        return [i.hex for i in _by_retirement(session, flt, descending, exact_cccd_only)]
    return _keys(session, _keys_statement(session, flt, sort, descending, exact_cccd_only))


def count_people(session: Session, flt: PersonFilter, *, exact_cccd_only: bool = False) -> int:
    """How many people the list for ``flt`` holds (counted by the database, no key fetched)."""
    stmt, _ = _filtered(session, flt, [func.count()], exact_cccd_only)
    return session.connection().execute(stmt).scalar_one()


class Superseded(Exception):  # noqa: N818 - not an error: the answer is no longer wanted
    """The list's query was stopped because a newer one replaced it (``stoppable``)."""


#: how many SQLite virtual-machine steps run between two looks at ``cancelled`` (~1 ms of work)
_STEPS_BETWEEN_LOOKS = 20_000


@contextlib.contextmanager
def stoppable(session: Session, cancelled: Callable[[], bool] | None) -> Iterator[None]:
    """Run the block's queries so that ``cancelled()`` turning true stops the one running (SQLite:
    a progress handler; the query ends with ``Superseded``). The list after a keystroke uses it:
    a count or a walk still running for "n" must not compete with the query for "ng" (issue 17).
    Elsewhere (PostgreSQL, no ``cancelled``) the block just runs."""
    raw = None
    if cancelled is not None and session.get_bind().dialect.name == "sqlite":
        raw = session.connection().connection.dbapi_connection
    if raw is None:
        yield
        return
    raw.set_progress_handler(lambda: 1 if cancelled() else 0, _STEPS_BETWEEN_LOOKS)
    try:
        yield
    except OperationalError as exc:
        if cancelled() and "interrupt" in str(exc.orig):
            raise Superseded from exc
        raise
    finally:
        raw.set_progress_handler(None, 0)


def list_page(session: Session, flt: PersonFilter, sort: str | None = None, descending: bool = False, *,
              size: int = PAGE_SIZE, count: bool = True, exact_cccd_only: bool = False) -> ListPage:
    """The first ``size`` keys of ``list_keys(session, flt, sort, descending)`` — the same keys in
    the same order — without reading the rest, and the count of the whole list. ``count=False``:
    the count is left for later (None) unless the page holds the whole list; counting a common
    search ("n": 94,000 of 100,000) costs more than finding its first page."""
    exact_cccd_only = exact_cccd_only or flt.exact_cccd_only
    keys = None
    if flt.query and sort is None:
        rest, _ = _filtered(session, replace(flt, query=""), [Person.id])
        keys = first_page(session, flt.query, size, where=rest.whereclause, exact_cccd_only=exact_cccd_only)
    if keys is None and sort != "retirement_date":
        keys = _keys(session, _keys_statement(session, flt, sort, descending, exact_cccd_only).limit(size))
    if keys is None:
        keys = list_keys(session, flt, sort, descending, exact_cccd_only=exact_cccd_only)[:size]
    if len(keys) < size:
        return ListPage(keys, len(keys))
    return ListPage(keys, count_people(session, flt, exact_cccd_only=exact_cccd_only) if count else None)


def _keys(session: Session, stmt: Select) -> list[str]:
    # Core execution: the ORM's row machinery costs more than the query for 100,000 keys
    keys = session.connection().execute(stmt).scalars().all()
    return keys if not keys or isinstance(keys[0], str) else [k.hex for k in keys]  # PostgreSQL: uuid


def _keys_statement(session: Session, flt: PersonFilter, sort: str | None, descending: bool,
                    exact_cccd_only: bool) -> Select:
    stmt, rank = _filtered(session, flt, [type_coerce(Person.id, String)], exact_cccd_only)
    order = []
    if sort in ("unit_name", "unit_code"):
        stmt = stmt.outerjoin(Unit, Person.unit_id == Unit.id)
    if sort in SORTABLE and sort != "full_name":
        column = SORTABLE[sort]
        order.append(column.desc() if descending else column.asc())
    elif flt.query and sort is None:
        order.append(rank)
    names = name_order(_narrowed(flt) or descending)
    if descending and sort == "full_name":
        names = [c.desc() for c in names]
    return stmt.order_by(*order, *names, Person.id)  # the id: ties in one order, whichever way asked


def _by_retirement(session: Session, flt: PersonFilter, descending: bool, exact_cccd_only: bool = False
                   ) -> list[uuid.UUID]:
    stmt, _ = _filtered(session, flt, [Person.id, Person.birth_date, Person.sex, Person.birth_year_only],
                        exact_cccd_only)
    rows = session.execute(stmt).all()
    keyed = sorted(rows, key=lambda r: retirement.retirement_date(r[1], r[2], r[3]), reverse=descending)
    return [r[0] for r in keyed]


_ROWS = (select(Person.id, Person.full_name, Person.birth_date, Person.sex, Person.cccd, Unit.code, Unit.name,
                Person.position, Person.grade_code, Person.salary_step, Person.salary_coefficient,
                Person.staff_type, Person.status, Person.party_join_date, Person.phone, Person.birth_year_only,
                Person.review_state)
         .outerjoin(Unit, Person.unit_id == Unit.id).where(Person.id.in_(bindparam("ids", expanding=True))))


def fetch_rows(session: Session, ids: Sequence[uuid.UUID | str]) -> list[PersonRow]:
    """Display rows for ``ids`` (UUIDs or hex keys; same order; ids no longer present skipped)."""
    if not ids:
        return []
    ids = [i if isinstance(i, uuid.UUID) else uuid.UUID(i) for i in ids]
    found = {}
    for row in session.connection().execute(_ROWS, {"ids": ids}):  # Core, one statement built once
        *values, year_only, state = row
        found[row[0]] = PersonRow(*values, retirement_date=retirement.retirement_date(row[2], row[3], year_only),
                                  review_state=state)
    return [found[i] for i in ids if i in found]
