"""Deadlines and follow-up of the personal declaration and of data-subject requests.

- A dossier with no declaration accepted yet shows "chưa kê khai lần đầu" with its deadline: 3
  working days from its creation (NĐ 27/2026 Art. 19; ``app.compliance`` working days).
- A declaration issued but not returned is followed up ``return_working_days`` after issue.
- A data-subject request is due ``days`` after receipt (``resources/rules/data_requests.json``).

``follow_up_events`` feeds ``app.alerts.compute_alerts`` (kinds ``declaration_unreturned``,
``data_request`` and, when asked for, ``declaration_first``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from sqlalchemy import ColumnElement, String, func, select, type_coerce
from sqlalchemy.orm import Session

from app import compliance
from app.rules import load_table
from models import ChangeLog, DataRequest, Declaration, Person

FIRST = "chưa kê khai lần đầu"


@lru_cache(maxsize=1)
def rules() -> dict[str, Any]:
    return load_table("data_requests.json")


def first_due(created_on: dt.date) -> dt.date:
    return compliance.add_working_days(created_on, int(rules()["first_declaration_working_days"]))


def return_due(issued_on: dt.date) -> dt.date:
    return compliance.add_working_days(issued_on, int(rules()["return_working_days"]))


def request_due(received_on: dt.date) -> dt.date:
    days = int(rules()["days"])
    if rules().get("working_days"):
        return compliance.add_working_days(received_on, days)
    return received_on + dt.timedelta(days=days)


@dataclass(frozen=True)
class FirstDeclaration:
    declared: bool
    state: str  # "chưa kê khai lần đầu" or "đã kê khai ngày dd/mm/yyyy"
    created_on: dt.date | None
    due: dt.date | None
    overdue: bool
    declared_on: dt.date | None = None

    def as_json(self) -> dict[str, Any]:
        return {"declared": self.declared, "state": self.state,
                "created_on": self.created_on.isoformat() if self.created_on else None,
                "due": self.due.isoformat() if self.due else None, "overdue": self.overdue}


def _created_on(session: Session, person_id: Any) -> dt.date | None:
    at = session.scalar(select(func.min(ChangeLog.at)).where(ChangeLog.entity == "person",
                                                             ChangeLog.record_id == person_id,
                                                             ChangeLog.action == "create"))
    return compliance.local_day(at) if at else None


def first_declaration(session: Session, person_id: Any, today: dt.date) -> FirstDeclaration:
    """Whether the person made their first declaration, else its deadline (3 working days from the
    dossier's creation)."""
    created = _created_on(session, person_id)
    accepted = session.scalar(select(func.min(Declaration.returned_at)).where(Declaration.person_id == person_id,
                                                                          Declaration.status == "accepted"))
    if accepted is not None:
        day = compliance.local_day(accepted)
        return FirstDeclaration(True, f"đã kê khai ngày {day:%d/%m/%Y}", created, None, False, day)
    due = first_due(created) if created else None
    return FirstDeclaration(False, FIRST + (f" (hạn {due:%d/%m/%Y})" if due else ""), created, due,
                            bool(due and due < today))


_Event = tuple[Any, str, dt.date, str]


def follow_up_events(session: Session, wanted: set[str], scope: Sequence[ColumnElement[bool]],
                     listed: Callable[[dt.date], tuple[bool, bool]]) -> Iterator[tuple[Any, str, dt.date, str, bool]]:
    """(person id as the driver returns it, kind, due, detail, overdue) for the people of ``scope``;
    ``listed(due)`` → (in the window or overdue-listed, overdue)."""
    pid = type_coerce(Person.id, String())
    if "declaration_unreturned" in wanted:
        accepted = (select(Declaration.person_id, func.max(Declaration.issued_at).label("last"))
                    .where(Declaration.status == "accepted").group_by(Declaration.person_id).subquery())
        stmt = (select(pid, Declaration.issued_at).join(Declaration, Declaration.person_id == Person.id)
                .outerjoin(accepted, accepted.c.person_id == Person.id)
                .where(*scope, Declaration.status == "issued",
                       (accepted.c.last.is_(None)) | (accepted.c.last < Declaration.issued_at)))
        latest: dict[Any, dt.datetime] = {}
        for person, issued_at in session.execute(stmt):
            if person not in latest or issued_at > latest[person]:
                latest[person] = issued_at
        for person, issued_at in latest.items():
            issued_on = compliance.local_day(issued_at)
            due = return_due(issued_on)
            shown, late = listed(due)
            if shown:
                yield person, "declaration_unreturned", due, \
                    f"Phiếu kê khai lập ngày {issued_on:%d/%m/%Y} chưa nộp lại (hạn {due:%d/%m/%Y})", late
    if "data_request" in wanted:
        stmt = (select(pid, DataRequest.received_on, DataRequest.due_on).join(DataRequest,
                                                                              DataRequest.person_id == Person.id)
                .where(*scope, DataRequest.answered_on.is_(None)))
        for person, received, due in session.execute(stmt):
            shown, late = listed(due)
            if shown:
                yield person, "data_request", due, \
                    f"Yêu cầu cung cấp dữ liệu cá nhân nhận ngày {received:%d/%m/%Y}, phải trả lời trước " \
                    f"{due:%d/%m/%Y}", late
    if "declaration_first" in wanted:
        created = (select(ChangeLog.record_id.label("person_id"), func.min(ChangeLog.at).label("at"))
                   .where(ChangeLog.entity == "person", ChangeLog.action == "create")
                   .group_by(ChangeLog.record_id).subquery())
        declared = select(Declaration.person_id).where(Declaration.status == "accepted")
        stmt = (select(pid, created.c.at).join(created, created.c.person_id == Person.id)
                .where(*scope, Person.id.not_in(declared)))
        for person, at in session.execute(stmt):
            due = first_due(compliance.local_day(at))
            shown, late = listed(due)
            if shown:
                yield person, "declaration_first", due, f"Chưa kê khai lần đầu (hạn {due:%d/%m/%Y})", late
