"""Data-subject requests (REFERENCE §7): a person asks for their own data; one action answers
with the complete dossier (PDF profile and spreadsheet) and the list of who viewed, printed,
exported or changed it and when (change log, access log, approvals: ``app.security.access``)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font
from sqlalchemy.orm import Session

from app import catalogs
from app.declaration import form
from app.declaration.followup import request_due
from app.fields import PERSON_FIELDS, SECTION_FIELDS
from app.security import access
from models import DataRequest, Person

KIND_LABELS = {"access": "Cung cấp dữ liệu cá nhân", "correction": "Chỉnh sửa dữ liệu cá nhân"}


def as_json(r: DataRequest) -> dict[str, Any]:
    return {"id": str(r.id), "person_id": str(r.person_id), "kind": r.kind, "received_on": r.received_on.isoformat(),
            "due_on": r.due_on.isoformat(), "answered_on": r.answered_on.isoformat() if r.answered_on else None,
            "recorded_by": r.recorded_by, "answered_by": r.answered_by, "note": r.note}


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

    folder.mkdir(parents=True, exist_ok=True)
    pdf = folder / f"ho-so-{person.cccd}.pdf"
    sheet = folder / f"ho-so-{person.cccd}.xlsx"
    log = folder / f"nhat-ky-xu-ly-{person.cccd}.xlsx"
    render_profile(profile_document(session, person.id), pdf, photo=photo_of(session, person.id))
    write_dossier_xlsx(session, person, sheet)
    access.export_xlsx(session, access.AuditFilter(person_id=person.id), log)
    return [pdf, sheet, log]
