"""Data-subject requests (REFERENCE §7): a person asks for their own data; one action answers
with the complete dossier (PDF profile and spreadsheet) and the list of who viewed, printed,
exported or changed it and when (change log, access log, approvals: ``app.security.access``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font
from sqlalchemy import select
from sqlalchemy.orm import Session

from app import catalogs
from app.declaration import form
from app.declaration.followup import request_due
from app.fields import PERSON_FIELDS, SECTION_FIELDS
from app.paths import private_dir
from app.security import access
from models import DataRequest, Person, Unit

KIND_LABELS = {"access": "Cung cấp dữ liệu cá nhân", "correction": "Chỉnh sửa dữ liệu cá nhân"}


def as_json(r: DataRequest) -> dict[str, Any]:
    return {"id": str(r.id), "person_id": str(r.person_id), "kind": r.kind, "received_on": r.received_on.isoformat(),
            "due_on": r.due_on.isoformat(), "answered_on": r.answered_on.isoformat() if r.answered_on else None,
            "recorded_by": r.recorded_by, "answered_by": r.answered_by, "note": r.note}


@dataclass(frozen=True)
class RequestRow:
    """One data-subject request in a list (``declaration request list``), with its person."""

    id: str
    person_id: str
    cccd: str | None
    full_name: str
    unit_code: str | None
    kind: str
    received_on: dt.date
    due_on: dt.date
    answered_on: dt.date | None
    recorded_by: str
    answered_by: str | None
    note: str | None
    overdue: bool

    def as_json(self) -> dict[str, Any]:
        return {"id": self.id, "person_id": self.person_id, "cccd": self.cccd, "full_name": self.full_name,
                "unit_code": self.unit_code, "kind": self.kind, "received_on": self.received_on.isoformat(),
                "due_on": self.due_on.isoformat(),
                "answered_on": self.answered_on.isoformat() if self.answered_on else None,
                "recorded_by": self.recorded_by, "answered_by": self.answered_by, "note": self.note,
                "overdue": self.overdue}


def request_rows(session: Session, today: dt.date, unit_ids: Collection[Any] | None, *,
                 open_only: bool = False, overdue_only: bool = False) -> list[RequestRow]:
    """The requests of the live dossiers of ``unit_ids`` (every unit when None), oldest deadline
    first. Overdue: unanswered and due before ``today``."""
    stmt = (select(DataRequest, Person.cccd, Person.full_name, Unit.code)
            .join(Person, Person.id == DataRequest.person_id).outerjoin(Unit, Unit.id == Person.unit_id)
            .where(Person.deleted_at.is_(None)))
    if unit_ids is not None:
        stmt = stmt.where(Person.unit_id.in_(list(unit_ids)))
    if open_only or overdue_only:
        stmt = stmt.where(DataRequest.answered_on.is_(None))
    if overdue_only:
        stmt = stmt.where(DataRequest.due_on < today)
    stmt = stmt.order_by(DataRequest.due_on, DataRequest.received_on, Person.sort_key, DataRequest.id)
    return [RequestRow(str(r.id), str(r.person_id), cccd, name, code, r.kind, r.received_on, r.due_on,
                       r.answered_on, r.recorded_by, r.answered_by, r.note,
                       r.answered_on is None and r.due_on < today)
            for r, cccd, name, code in session.execute(stmt)]


def record(session: Session, person: Person, received_on: dt.date, kind: str, by: str, note: str | None) -> DataRequest:
    request = DataRequest(person_id=person.id, kind=kind, received_on=received_on, due_on=request_due(received_on),
                          recorded_by=by, note=(note or "").strip() or None)
    session.add(request)
    session.flush()
    return request


def write_dossier_xlsx(session: Session, person: Person, path: Path) -> None:
    """The complete dossier as a plain spreadsheet: every field, every section."""
    index = catalogs.index(session)
    wb = Workbook()
    ws = wb.active
    ws.title = form.PERSON_SHEET
    ws.append(["Thông tin", "Nội dung"])
    for spec in PERSON_FIELDS:
        ws.append([spec.label, form.shown(form.PERSON, spec, form.canon(spec, getattr(person, spec.name)), index)])
    ws.column_dimensions["A"].width, ws.column_dimensions["B"].width = 48, 60
    for c in ws[1]:
        c.font = Font(bold=True)
    for section, title in form.sheet_titles().items():
        specs = SECTION_FIELDS[section]
        sheet = wb.create_sheet(title)
        sheet.append([s.label for s in specs])
        for c in sheet[1]:
            c.font = Font(bold=True)
        for row in sorted((r for r in getattr(person, section) if r.deleted_at is None),
                          key=lambda r: (r.seq if r.seq is not None else 0, str(r.id))):
            sheet.append([form.shown(section, s, form.canon(s, getattr(row, s.name)), index) for s in specs])
    wb.save(path)


def answer_files(session: Session, person: Person, folder: Path) -> list[Path]:
    """Write the answer into ``folder``: the profile PDF, the dossier spreadsheet, the log."""
    from app.reports.profile import photo_of, profile_document, render_profile

    private_dir(folder, ours=False)  # a folder HoSo creates for personal data: its owner's only
    pdf = folder / f"ho-so-{person.cccd}.pdf"
    sheet = folder / f"ho-so-{person.cccd}.xlsx"
    log = folder / f"nhat-ky-xu-ly-{person.cccd}.xlsx"
    render_profile(profile_document(session, person.id), pdf, photo=photo_of(session, person.id))
    write_dossier_xlsx(session, person, sheet)
    access.export_xlsx(session, access.AuditFilter(person_id=person.id), log)
    return [pdf, sheet, log]
