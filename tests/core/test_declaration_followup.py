"""Deadlines and follow-up of the personal declaration; data-subject requests (issue 16)."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from app import compliance
from app.alerts import compute_alerts
from app.declaration import followup
from app.errors import UserError
from app.services import HoSo
from app.services.declarations import Declarations
from tests.core import security_fixtures
from tests.core.security_fixtures import CCCD_A
from tests.core.test_declaration import set_person

fast_hashing = security_fixtures.fast_hashing
world_template = security_fixtures.world_template
world = security_fixtures.world

def service(world, role: str, today: dt.date) -> Declarations:
    area = HoSo(world.db, principal=world.as_role(role).principal).declarations
    area._today = lambda: today  # the day the deadlines are counted from
    return area


def created_on() -> dt.date:
    return compliance.local_day(dt.datetime.now(dt.UTC))


def test_first_declaration_deadline_is_three_working_days_from_creation(world, tmp_path):
    start = created_on()
    due = followup.first_due(start)
    assert due == compliance.add_working_days(start, 3)
    status = service(world, "viewer", start).first_declaration(CCCD_A)
    assert not status.declared and status.state == f"chưa kê khai lần đầu (hạn {due:%d/%m/%Y})"
    assert status.created_on == start and status.due == due and not status.overdue
    later = due + dt.timedelta(days=1)
    assert service(world, "viewer", later).first_declaration(CCCD_A).overdue
    # the alert is listed when asked for, overdue after the deadline
    with world.db.session() as s:
        found = [a for a in compute_alerts(s, later, 1, kinds={"declaration_first"}) if a.cccd == CCCD_A]
        assert [(a.kind, a.due, a.overdue) for a in found] == [("declaration_first", due, True)]
        assert not [a for a in compute_alerts(s, later, 1) if a.kind == "declaration_first"]  # not by default
    # declared: the state says when, the alert is gone
    path = tmp_path / "a.xlsx"
    clerk = service(world, "clerk", later)
    clerk.issue(CCCD_A, path)
    clerk.accept(path)
    status = service(world, "viewer", later).first_declaration(CCCD_A)
    assert status.declared and status.state.startswith("đã kê khai ngày")
    with world.db.session() as s:
        assert not [a for a in compute_alerts(s, later, 1, kinds={"declaration_first"}) if a.cccd == CCCD_A]


def test_issued_not_returned_is_alerted_overdue(world, tmp_path):
    today = created_on()
    path = tmp_path / "a.xlsx"
    clerk = service(world, "clerk", today)
    clerk.issue(CCCD_A, path)
    due = followup.return_due(today)
    with world.db.session() as s:
        soon = [a for a in compute_alerts(s, today, 1) if a.kind == "declaration_unreturned"]
        late = [a for a in compute_alerts(s, due + dt.timedelta(days=2), 1) if a.kind == "declaration_unreturned"]
    assert [(a.cccd, a.due, a.overdue) for a in soon] == [(CCCD_A, due, False)]
    assert [(a.cccd, a.overdue) for a in late] == [(CCCD_A, True)]
    assert "chưa nộp lại" in late[0].detail
    # the other unit's clerk does not see it (the service scopes the alerts)
    assert not [a for a in world.other_clerk.alerts.alerts(due + dt.timedelta(days=2), 1) if a.kind == "declaration_unreturned"]
    set_person(path, phone="0912345678")
    clerk.accept(path)
    with world.db.session() as s:
        assert not [a for a in compute_alerts(s, due + dt.timedelta(days=2), 1) if a.kind == "declaration_unreturned"]


def test_data_subject_request_answered_in_one_action(world, tmp_path):
    today = created_on()
    received = today - dt.timedelta(days=10)
    clerk = service(world, "clerk", today)
    world.head.people.person(CCCD_A)  # a view by the head: it must appear in the answer's log
    request = clerk.record_request(CCCD_A, received, note="Đơn ngày hôm đó")
    assert request["due_on"] == followup.request_due(received).isoformat() and request["answered_on"] is None
    with world.db.session() as s:
        overdue = [a for a in compute_alerts(s, today, 1) if a.kind == "data_request"]
    assert [(a.cccd, a.overdue) for a in overdue] == [(CCCD_A, True)]
    for role in ("viewer", "head", "other_clerk"):
        with pytest.raises(UserError):
            service(world, role, today).answer_request(request["id"], tmp_path / role)
        with pytest.raises(UserError):
            service(world, role, today).record_request(CCCD_A, today)
    files = clerk.answer_request(request["id"], tmp_path / "answer")
    assert [f.suffix for f in files] == [".pdf", ".xlsx", ".xlsx"]
    text = "\n".join(page.extract_text() for page in PdfReader(files[0]).pages)
    assert "NGUYỄN VĂN BÌNH" in text.upper()
    dossier = load_workbook(files[1])
    from app.declaration import form

    assert set(form.sheet_titles().values()) <= set(dossier.sheetnames)
    assert any(row[1] == "Phật giáo" for row in dossier.active.iter_rows(values_only=True))  # complete, unmasked
    log = [row for row in load_workbook(files[2]).active.iter_rows(values_only=True)]
    assert any(row[1] == "truongphong" for row in log)  # who viewed it
    assert clerk.requests(CCCD_A)[0]["answered_on"] == today.isoformat()
    with world.db.session() as s:
        assert not [a for a in compute_alerts(s, today, 1) if a.kind == "data_request"]
    with pytest.raises(UserError, match="tương lai"):
        clerk.record_request(CCCD_A, today + dt.timedelta(days=1))
