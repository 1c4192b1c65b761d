"""The delivery deadlines of NĐ 27/2026 (Art. 19), each with its legal basis.

Three kinds of change, their periods and article are data (``resources/rules/sync_deadlines.json``):

* ``process`` — data produced by a process run inside HoSo (a decision recorded: salary step,
  transfer, appointment, discipline, award, evaluation…): at the city no later than 1 (calendar) day
  after it is completed;
* ``agency`` — any other change the agency makes: within 3 working days;
* ``new_dossier`` — a dossier created and never confirmed at the target: its first complete
  declaration within 3 working days of its creation (changes recorded on the day of creation are part
  of that declaration; a decision recorded on a later day is a ``process`` change).

Working days skip Saturdays, Sundays and the public holidays of ``resources/rules/holidays.json``
(a dated table, corrected as data when a year's holidays are announced; a Saturday worked in
exchange counts as a working day). The day of the change does not count: a change on Friday
4 September 2026 must reach the city by Wednesday 9 September.

``pending_changes`` lists the dossiers not yet confirmed at the city (``app.city.sync``) with the
time of their first unsent change, the binding (earliest) deadline of their unsent changes, its kind
and basis, and whether it has passed; ``Pending.changes`` keeps every kind's own deadline.
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

WORKING_DAYS = 3  # the agency's period; the table's value is what counts
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


def deadline(changed_on: dt.date, kind: str = "agency") -> dt.date:
    """The last day on which a change of ``kind`` made on ``changed_on`` may reach the city."""
    rule = rules()[kind]
    if rule.unit == "day":
        return changed_on + dt.timedelta(days=rule.period)
    return add_working_days(changed_on, rule.period)


@dataclass(frozen=True)
class Rule:
    kind: str
    label: str
    period: int
    unit: str  # "day" | "working_day"
    basis: str
    text: str
    confidence: str
    entities: frozenset[str]

    def period_text(self) -> str:
        return f"{self.period:02d} {'ngày làm việc' if self.unit == 'working_day' else 'ngày'}"


@lru_cache(maxsize=1)
def rules() -> dict[str, Rule]:
    table = load_table("sync_deadlines.json")
    out = {}
    for kind, raw in table["kinds"].items():
        if raw["unit"] not in ("day", "working_day") or int(raw["period"]) < 0:
            raise ValueError(f"resources/rules/sync_deadlines.json: {kind}: period/unit")
        out[kind] = Rule(kind, raw["label"], int(raw["period"]), raw["unit"], raw["basis"], raw["text"],
                         raw.get("confidence", "U"), frozenset(raw.get("entities", ())))
    if set(out) != {"process", "agency", "new_dossier"}:
        raise ValueError("resources/rules/sync_deadlines.json: kinds must be process, agency, new_dossier")
    return out


def kind_of(entity: str, action: str) -> str:
    """The kind of one change-log entry (``new_dossier`` is decided per dossier, not per entry)."""
    return "process" if entity in rules()["process"].entities and action != "delete" else "agency"


def local_day(moment: dt.datetime) -> dt.date:
    """The Vietnamese calendar day of a stored (UTC) time."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(VIETNAM).date()


@dataclass(frozen=True)
class Due:
    """One kind of unsent change of a dossier: its first time and its deadline."""

    kind: str
    changed_at: dt.datetime
    deadline: dt.date

    @property
    def rule(self) -> Rule:
        return rules()[self.kind]

    def as_json(self) -> dict[str, Any]:
        rule = self.rule
        return {"kind": self.kind, "changed_at": self.changed_at.isoformat(), "deadline": self.deadline.isoformat(),
                "period": rule.period, "unit": rule.unit, "basis": rule.basis}


@dataclass(frozen=True)
class Pending:
    person_id: uuid.UUID
    cccd: str
    full_name: str
    changed_at: dt.datetime
    deadline: dt.date
    overdue: bool
    kind: str = "agency"
    changes: tuple[Due, ...] = ()

    @property
    def rule(self) -> Rule:
        return rules()[self.kind]

    def basis_text(self) -> str:
        """"01 ngày sau khi hoàn thành quy trình (Điều 19 Nghị định 27/2026/NĐ-CP)"-style words."""
        rule = self.rule
        return f"{rule.label}: {rule.period_text()} ({rule.basis})"

    def as_json(self) -> dict[str, Any]:
        rule = self.rule
        return {"id": str(self.person_id), "cccd": self.cccd, "full_name": self.full_name,
                "changed_at": self.changed_at.isoformat(), "deadline": self.deadline.isoformat(),
                "overdue": self.overdue, "kind": self.kind, "period": rule.period, "unit": rule.unit,
                "basis": rule.basis, "basis_text": rule.text, "confidence": rule.confidence,
                "changes": [d.as_json() for d in self.changes]}


def dossier_deadlines(entries: Iterable[tuple[str, str, dt.datetime]], created_at: dt.datetime | None,
                      memo: dict[tuple[dt.date, str], dt.date] | None = None) -> list[Due]:
    """The deadlines of one dossier's unsent changes, earliest first. ``entries``: (entity, action,
    first time) of its unsent change-log entries; ``created_at``: the time of its creation when it
    was never confirmed at the target (None otherwise)."""
    created_day = local_day(created_at) if created_at is not None else None
    first: dict[str, dt.datetime] = {}
    if created_at is not None:
        first["new_dossier"] = created_at
    for entity, action, at in entries:
        kind = kind_of(entity, action)
        if created_day is not None and local_day(at) <= created_day:
            kind = "new_dossier"  # recorded with the dossier: its first declaration
        if kind not in first or at < first[kind]:
            first[kind] = at
    if memo is None:
        dues = [Due(kind, at, deadline(local_day(at), kind)) for kind, at in first.items()]
    else:  # one call over many dossiers: each (day, kind) counted once
        dues = []
        for kind, at in first.items():
            key = (local_day(at), kind)
            due = memo.get(key)
            if due is None:
                due = memo[key] = deadline(*key)
            dues.append(Due(kind, at, due))
    dues.sort(key=lambda d: (d.deadline, d.changed_at))
    return dues


def pending_changes(session: Session, target_url: str | None = None, *, today: dt.date | None = None) -> list[Pending]:
    """Dossiers whose approved version is not yet confirmed at the target (``target_url``; None: the
    target synced last, or every dossier when none was ever synced), earliest deadline first."""
    from app.city.sync import pending_query, target_for

    target = target_for(session, target_url)
    target_id = target.id if target is not None else None
    ids = list(session.scalars(pending_query(target_id)))
    today = today or dt.datetime.now(VIETNAM).date()
    out: list[Pending] = []
    memo: dict[tuple[dt.date, str], dt.date] = {}
    for chunk in _chunks(ids, 500):
        out.extend(_pending_chunk(session, chunk, target_id, today, memo))
    out.sort(key=lambda p: (p.deadline, p.full_name))
    return out


def _pending_chunk(session: Session, chunk: list[uuid.UUID], target_id: int | None, today: dt.date,
                   memo: dict[tuple[dt.date, str], dt.date]) -> list[Pending]:
    record = and_(SyncRecord.target_id == (target_id if target_id is not None else -1),
                  SyncRecord.record_id == ChangeLog.person_id)
    entries: dict[uuid.UUID, list[tuple[str, str, dt.datetime]]] = {}
    created: dict[uuid.UUID, dt.datetime] = {}
    for person_id, entity, action, at, synced in session.execute(
            select(ChangeLog.person_id, ChangeLog.entity, ChangeLog.action, func.min(ChangeLog.at),
                   SyncRecord.record_id).outerjoin(SyncRecord, record)
            .where(ChangeLog.person_id.in_(chunk),
                   (SyncRecord.updated_at.is_(None)) | (ChangeLog.at > SyncRecord.updated_at))
            .group_by(ChangeLog.person_id, ChangeLog.entity, ChangeLog.action, SyncRecord.record_id)):
        if entity == Person.__audit_entity__ and action == "create" and synced is None:
            created[person_id] = at
        else:
            entries.setdefault(person_id, []).append((entity, action, at))
    rows = session.execute(select(Person.id, Person.cccd, Person.full_name, Person.updated_at)
                           .where(Person.id.in_(chunk))).all()
    result = []
    for row in rows:
        dues = dossier_deadlines(entries.get(row.id, ()), created.get(row.id), memo)
        if not dues:  # no log entry (a dossier written outside the log): its last change, agency kind
            dues = [Due("agency", row.updated_at, deadline(local_day(row.updated_at)))]
        changed = min(d.changed_at for d in dues)
        binding = dues[0]
        result.append(Pending(row.id, row.cccd, row.full_name, changed, binding.deadline, today > binding.deadline,
                              binding.kind, tuple(dues)))
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
    nearest_basis: str | None = None  # the legal basis of the nearest deadline
    nearest_kind: str | None = None  # the kind of change it is for (process, agency, new_dossier)

    def text(self) -> str:
        """The status bar's words: "Chưa đồng bộ: N hồ sơ · hạn gần nhất dd/mm/yyyy (Điều 19 NĐ 27/2026)"."""
        if not self.pending:
            return "Đã đồng bộ đủ"
        text = f"Chưa đồng bộ: {self.pending} hồ sơ"
        if self.nearest:
            text += f" · hạn gần nhất {self.nearest:%d/%m/%Y}"
            if self.nearest_basis:
                text += f" ({self.nearest_basis})"
        if self.overdue:
            text += f" · {self.overdue} hồ sơ quá hạn"
        return text


def status(session: Session, target_url: str | None = None, *, today: dt.date | None = None) -> Status:
    pending = pending_changes(session, target_url, today=today)
    return Status(len(pending), pending[0].deadline if pending else None, sum(p.overdue for p in pending),
                  pending[0].rule.basis if pending else None, pending[0].kind if pending else None)


def pending_line(item: Pending) -> str:
    """One line of the sync dialog's list: who, the deadline, its kind and basis, overdue or not."""
    line = f"{item.full_name} ({item.cccd}): hạn {item.deadline:%d/%m/%Y} — {item.basis_text()}"
    return line + (" — QUÁ HẠN" if item.overdue else "")
