"""Putting the chosen declared changes into the dossier — through the approval flow, marked as the
official's own declaration ("do cá nhân kê khai") with its date, in the caller's transaction."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from typing import Any

from sqlalchemy.orm import Session

from app import people
from app.declaration import form
from app.declaration.diff import Change, Review
from app.errors import UserError
from app.fields import PERSON_FIELD_MAP, SECTION_FIELDS
from app.security import review as approval
from app.security.principal import Principal
from models.base import utcnow

SOURCE = "do cá nhân kê khai"


def select_changes(found: Review, names: Sequence[str] | None) -> list[Change]:
    """All changes without a conflict, or those named: a field ("phone"), a section ("family"), a
    row ("family[5]") or one cell ("family[5].full_name"). An unknown name is refused."""
    if not names:
        return [c for c in found.changes if not c.conflict]
    chosen: list[Change] = []
    for name in names:
        hits = [c for c in found.changes if c.key == name or c.section == name
                or c.key.startswith(name + ".") or (c.section == form.PERSON and c.field == name)]
        if not hits:
            known = ", ".join(c.key for c in found.changes) or "không có thay đổi nào"
            raise UserError(f"Không có thay đổi kê khai nào mang tên '{name}' (các thay đổi: {known}).")
        chosen.extend(c for c in hits if c not in chosen)
    return chosen


def by_text(username: str, declared_on: dt.date) -> str:
    """Who the change log names: the clerk who accepted, and that the official declared it."""
    return f"{username} ({SOURCE} {declared_on:%d/%m/%Y})"[:80]


def apply(session: Session, principal: Principal, person: Any, found: Review, chosen: Sequence[Change],
          declaration: Any, note: str | None, today: dt.date) -> int:
    """Write ``chosen`` into the dossier (validated again by ``app.people``); the dossier goes to
    approval whatever the accepting role. Returns the number of changes written.

    Idempotent: a declaration already accepted that brings nothing more (a second return of the
    same file, or an accept run twice) writes nothing at all — no change-log entry, no approval
    event, no bookkeeping on the declaration row (its note included)."""
    if not chosen and declaration.status == "accepted":
        return 0
    declared_on = found.declared_on or today
    if chosen:
        data: dict[str, Any] = {}
        for change in chosen:
            if change.section == form.PERSON:
                data[change.field] = form.stored(PERSON_FIELD_MAP[change.field], change.value)
        for section in dict.fromkeys(c.section for c in chosen if c.section != form.PERSON):
            data[section] = _rows(person, section, [c for c in chosen if c.section == section])
        reviewer = principal if approval.needs_review(principal) else dataclasses.replace(principal, role="clerk")
        before = session.info.get("user")
        session.info["user"] = by_text(principal.username, declared_on)
        try:
            approval.track(session, reviewer)
            people.update_person(session, person.id, data)
            approval.finish(session)
        finally:
            session.info["user"] = before
    declaration.status = "accepted"
    declaration.returned_at = declaration.returned_at or utcnow()
    declaration.accepted_by = principal.username
    if note and note.strip():
        line = f"{today:%d/%m/%Y} {principal.username}: {note.strip()}"
        declaration.note = f"{declaration.note}\n{line}" if declaration.note else line
    declaration.accepted = [*(declaration.accepted or []),
                            {"at": utcnow().isoformat(), "by": principal.username,
                             "declared_on": declared_on.isoformat(), "changes": [c.key for c in chosen]}]
    session.flush()
    return len(chosen)


def _rows(person: Any, section: str, changes: list[Change]) -> list[dict[str, Any]]:
    specs = SECTION_FIELDS[section]
    live = sorted((r for r in getattr(person, section) if r.deleted_at is None),
                  key=lambda r: (r.seq if r.seq is not None else 0, str(r.id)))
    rows = {str(r.id): {"id": r.id, **{s.name: getattr(r, s.name) for s in specs}} for r in live}
    for change in changes:
        if change.action == "edit" and change.row_id in rows:
            spec = next(s for s in specs if s.name == change.field)
            rows[change.row_id][change.field] = form.stored(spec, change.value)
        elif change.action == "remove" and change.row_id in rows:
            del rows[change.row_id]
    added = [{s.name: form.stored(s, c.value.get(s.name)) for s in specs}
             for c in changes if c.action == "add"]
    return [*rows.values(), *added]
