"""The photo and scanned documents of a dossier, stored with SHA-256, type and date.

A photo is one attachment of kind ``photo`` (adding a new one replaces the old); documents are
any number of ``document`` attachments. Content is loaded only when asked for (deferred column).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import mimetypes
import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import UserError
from app.people import find_person
from models import Attachment

MAX_SIZE = 20 * 1024 * 1024
PHOTO_TYPES = ("image/jpeg", "image/png")


@dataclass(frozen=True)
class AttachmentInfo:
    id: uuid.UUID
    person_id: uuid.UUID
    kind: str
    file_name: str
    mime_type: str
    sha256: str
    size: int
    doc_date: dt.date | None
    description: str | None


def _info(a: Attachment) -> AttachmentInfo:
    return AttachmentInfo(a.id, a.person_id, a.kind, a.file_name, a.mime_type, a.sha256, a.size, a.doc_date,
                          a.description)


def add_attachment(session: Session, person_key: str | uuid.UUID, file_name: str, content: bytes, *,
                   kind: str = "document", mime_type: str | None = None, doc_date: dt.date | None = None,
                   description: str | None = None) -> AttachmentInfo:
    person = find_person(session, person_key)
    if not content:
        raise UserError(f"Tệp {file_name} rỗng.")
    if len(content) > MAX_SIZE:
        raise UserError(f"Tệp {file_name} lớn quá {MAX_SIZE // (1024 * 1024)} MB.")
    mime = mime_type or mimetypes.guess_type(file_name)[0] or "application/octet-stream"
    if kind == "photo":
        if mime not in PHOTO_TYPES:
            raise UserError("Ảnh phải là tệp JPEG hoặc PNG.")
        for old in session.scalars(select(Attachment).where(Attachment.person_id == person.id,
                                                            Attachment.kind == "photo")):
            session.delete(old)
    row = Attachment(person_id=person.id, kind=kind, file_name=file_name, mime_type=mime,
                     sha256=hashlib.sha256(content).hexdigest(), size=len(content), doc_date=doc_date,
                     description=description, content=content)
    session.add(row)
    session.flush()
    return _info(row)


def list_attachments(session: Session, person_key: str | uuid.UUID) -> list[AttachmentInfo]:
    person = find_person(session, person_key)
    rows = session.scalars(select(Attachment).where(Attachment.person_id == person.id)
                           .order_by(Attachment.kind.desc(), Attachment.added_at))
    return [_info(a) for a in rows]


def content(session: Session, attachment_id: uuid.UUID) -> bytes:
    """The stored bytes, verified against their SHA-256 (a mismatch means tampering or damage)."""
    row = session.get(Attachment, attachment_id)
    if row is None:
        raise UserError("Không tìm thấy tệp đính kèm.")
    data = row.content
    if hashlib.sha256(data).hexdigest() != row.sha256:
        raise UserError(f"Tệp {row.file_name} đã bị thay đổi hoặc hỏng (mã SHA-256 không khớp).")
    return data


def photo_id(session: Session, person_id: uuid.UUID) -> uuid.UUID | None:
    return session.scalars(select(Attachment.id).where(Attachment.person_id == person_id,
                                                       Attachment.kind == "photo")).first()


def photo(session: Session, person_id: uuid.UUID) -> bytes | None:
    row = photo_id(session, person_id)
    return content(session, row) if row else None


def remove_attachment(session: Session, attachment_id: uuid.UUID) -> None:
    row = session.get(Attachment, attachment_id)
    if row is None:
        raise UserError("Không tìm thấy tệp đính kèm.")
    session.delete(row)
    session.flush()
