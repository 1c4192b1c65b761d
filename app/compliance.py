"""The delivery deadline of NĐ 27/2026: a change reaches the city database within 3 working days.

Working days skip Saturdays, Sundays and the public holidays of ``resources/rules/holidays.json``
(a dated table, corrected as data when a year's holidays are announced; a Saturday worked in
exchange counts as a working day). The day of the change does not count: a change on Friday
4 September 2026 must reach the city by Wednesday 9 September.

``pending_changes`` lists the dossiers not yet confirmed at the city (``app.city.sync``) with the
time of their first unsent change, its deadline and whether it has passed.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from app.rules import load_table
from models import ChangeLog, Person, SyncRecord

WORKING_DAYS = 3
VIETNAM = dt.timezone(dt.timedelta(hours=7), "ICT")  # no daylight saving


@dataclass(frozen=True)
class Calendar:
    holidays: frozenset[dt.date]
    working_weekends: frozenset[dt.date]
    weekend: frozenset[int]

    def is_working_day(self, day: dt.date) -> bool:
        if day in self.working_weekends:
            return True
        return day.weekday() not in self.weekend and day not in self.holidays


@lru_cache(maxsize=1)
def calendar() -> Calendar:
    table = load_table("holidays.json")
    return Calendar(holidays=frozenset(dt.date.fromisoformat(h["date"]) for h in table["holidays"]),
                    working_weekends=frozenset(dt.date.fromisoformat(h["date"]) for h in table["working_weekends"]),
                    weekend=frozenset(table.get("weekend", (5, 6))))


def add_working_days(start: dt.date, days: int, cal: Calendar | None = None) -> dt.date:
    cal = cal or calendar()
    day = start
    while days > 0:
        day += dt.timedelta(days=1)
        if cal.is_working_day(day):
            days -= 1
    return day


def deadline(changed_on: dt.date) -> dt.date:
    """The last day on which a change made on ``changed_on`` may reach the city."""
    return add_working_days(changed_on, WORKING_DAYS)


def local_day(moment: dt.datetime) -> dt.date:
    """The Vietnamese calendar day of a stored (UTC) time."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(VIETNAM).date()


@dataclass(frozen=True)
class Pending:
    person_id: uuid.UUID
    cccd: str
    full_name: str
    changed_at: dt.datetime
    deadline: dt.date
    overdue: bool

    def as_json(self) -> dict[str, Any]:
        return {"id": str(self.person_id), "cccd": self.cccd, "full_name": self.full_name,
                "changed_at": self.changed_at.isoformat(), "deadline": self.deadline.isoformat(),
                "overdue": self.overdue}


def pending_changes(session: Session, target_url: str | None = None, *, today: dt.date | None = None) -> list[Pending]:
    """Dossiers whose approved version is not yet confirmed at the target (``target_url``; None: the
    target synced last, or every dossier when none was ever synced), earliest deadline first."""
    from app.city.sync import pending_query, target_for

    target = target_for(session, target_url)
    target_id = target.id if target is not None else None
    ids = list(session.scalars(pending_query(target_id)))
    today = today or dt.datetime.now(VIETNAM).date()
    out: list[Pending] = []
    for chunk in _chunks(ids, 500):
        out.extend(_pending_chunk(session, chunk, target_id, today))
    out.sort(key=lambda p: (p.deadline, p.full_name))
    return out


def _pending_chunk(session: Session, chunk: list[uuid.UUID], target_id: int | None, today: dt.date) -> list[Pending]:
    record = and_(SyncRecord.target_id == (target_id if target_id is not None else -1),
                  SyncRecord.record_id == ChangeLog.person_id)
    first = dict(session.execute(
        select(ChangeLog.person_id, func.min(ChangeLog.at)).outerjoin(SyncRecord, record)
        .where(ChangeLog.person_id.in_(chunk),
               (SyncRecord.updated_at.is_(None)) | (ChangeLog.at > SyncRecord.updated_at))
        .group_by(ChangeLog.person_id)).all())
    rows = session.execute(select(Person.id, Person.cccd, Person.full_name, Person.updated_at)
                           .where(Person.id.in_(chunk))).all()
    result = []
    for row in rows:
        changed = first.get(row.id) or row.updated_at
        due = deadline(local_day(changed))
        result.append(Pending(row.id, row.cccd, row.full_name, changed, due, today > due))
    return result


def _chunks(ids: list[uuid.UUID], size: int) -> Iterable[list[uuid.UUID]]:
    for start in range(0, len(ids), size):
        yield ids[start:start + size]


def overdue_json(pending: Iterable[Pending]) -> list[dict[str, Any]]:
    return [p.as_json() for p in pending if p.overdue]


@dataclass(frozen=True)
class Status:
    """The status-bar line: how many dossiers wait and the nearest deadline."""

    pending: int
    nearest: dt.date | None
    overdue: int


def status(session: Session, target_url: str | None = None) -> Status:
    pending = pending_changes(session, target_url)
    return Status(len(pending), pending[0].deadline if pending else None, sum(p.overdue for p in pending))
