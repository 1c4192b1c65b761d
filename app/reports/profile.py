"""Print profiles: one dossier (``render_profile``) or every dossier of a unit (``render_unit_profiles``).

The form follows the staff type: HS02-VC/BNV for a viên chức, Mẫu 2C-BNV/2008 for everyone else.
The printers read the Person JSON (``app.person_json``) plus two names the form's header needs
(:func:`profile_document`), so what is printed is exactly what ``show --json`` says.

A batch runs on a worker thread in the desktop app: it takes the ``Database`` and opens its own
short sessions, loads dossiers a few dozen at a time while reportlab lays out the pages, reports
``progress(done, total)``, stops when ``cancelled()`` says so, and writes a temporary file that
replaces the target only when the whole PDF is complete.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.platypus import Flowable, PageBreak
from sqlalchemy import select
from sqlalchemy.orm import Session

from app import attachments, units
from app.db import Database
from app.errors import UserError
from app.person_json import build_documents, load_dossiers
from app.reports import document, files, profile_2c, profile_hs02
from app.reports import layout as L
from models import Person, Unit

logger = logging.getLogger(__name__)
BATCH = 40  # dossiers loaded per session in a batch
Progress = Callable[[int, int], None]


class Cancelled(UserError):
    """The user stopped a batch; nothing was written."""

    def __init__(self) -> None:
        super().__init__("Đã dừng in theo yêu cầu; không có tệp nào được ghi.")


Transform = Callable[[dict[str, Any]], dict[str, Any]]


def form_of(doc: Mapping[str, Any]) -> str:
    return "HS02-VC/BNV" if doc.get("staff_type") == "vien_chuc" else "2C-BNV/2008"


StoryOf = Callable[..., list[Flowable]]  # (doc, *, photo, place, on) → the form's bound story


def profile_story(doc: Mapping[str, Any], *, photo: bytes | None = None, place: str | None = None,
                  on: dt.date | None = None) -> list[Flowable]:
    module = profile_hs02 if doc.get("staff_type") == "vien_chuc" else profile_2c
    return L.bind(module.story(doc, photo=photo, place=place, on=on))


def render_profile(doc: Mapping[str, Any], out: Path | BinaryIO, *, photo: bytes | None = None,
                   place: str | None = None, on: dt.date | None = None, story: StoryOf | None = None,
                   subject: str | None = None) -> int:
    """Write one profile as PDF; returns the number of pages (``story``/``subject``: another form's,
    see ``app.reports.default_form``)."""
    title = f"Sơ yếu lý lịch — {doc.get('full_name') or ''}"
    chunks = [document.section((story or profile_story)(doc, photo=photo, place=place, on=on))]
    subject = subject or form_of(doc)
    if isinstance(out, Path):
        files.check_target(out, (".pdf",))
        return files.atomic(out, lambda target: document.build(target, chunks, title=title, subject=subject))
    return document.build(out, chunks, title=title, subject=subject)


def profile_document(session: Session, person_id: uuid.UUID, *, unit_names: Mapping[uuid.UUID, Any] | None = None
                     ) -> dict[str, Any]:
    """The Person JSON plus ``managing_unit_name``: the unit above the person's own (the header's
    "cơ quan, đơn vị có thẩm quyền quản lý"; the person's unit is the "đơn vị sử dụng")."""
    return profile_documents(session, [person_id], unit_names=unit_names)[0]


def profile_documents(session: Session, person_ids: Sequence[uuid.UUID], *,
                      unit_names: Mapping[uuid.UUID, Any] | None = None) -> list[dict[str, Any]]:
    """:func:`profile_document` of several dossiers (in ``person_ids``' order), loaded together: a
    fixed number of queries for the lot (``person_json.load_dossiers``), the units read once — a
    batch no longer queries every section and the unit list again for each person."""
    ids = [pid if isinstance(pid, uuid.UUID) else uuid.UUID(str(pid)) for pid in person_ids]
    loaded = {p.id: p for p in load_dossiers(session, ids)}
    missing = [pid for pid in ids if pid not in loaded]
    if missing:
        raise UserError(f"Không tìm thấy hồ sơ có mã '{missing[0]}'.")
    persons = [loaded[pid] for pid in ids]
    tree = unit_names if unit_names is not None else _unit_tree(session)
    docs = build_documents(session, persons)
    for person, doc in zip(persons, docs, strict=True):
        parent = tree.get(person.unit_id, (None, None))[1] if person.unit_id else None
        doc["managing_unit_name"] = tree[parent][0] if parent in tree else None
    return docs


def photo_of(session: Session, person_id: uuid.UUID) -> bytes | None:
    try:
        return attachments.photo(session, person_id)
    except UserError as exc:  # a tampered photo is left out, the profile still prints
        logger.warning("photo of %s not printed: %s", person_id, exc)
        return None


def _unit_tree(session: Session) -> dict[uuid.UUID, tuple[str, uuid.UUID | None]]:
    return {uid: (name, parent) for uid, name, parent in session.execute(select(Unit.id, Unit.name, Unit.parent_id))}


def unit_people(session: Session, unit_code: str, *, include_subunits: bool = True,
                include_inactive: bool = False) -> list[uuid.UUID]:
    """Ids of the unit's people in Vietnamese name order (given name first)."""
    unit = units.get_unit(session, unit_code)
    unit_ids = units.subtree_ids(session, unit.id) if include_subunits else [unit.id]
    stmt = (select(Person.id).where(Person.unit_id.in_(unit_ids), Person.deleted_at.is_(None))
            .order_by(Person.sort_key, Person.birth_date, Person.cccd))
    if not include_inactive:
        stmt = stmt.where(Person.status == "working")
    return list(session.scalars(stmt))


def render_unit_profiles(db: Database, unit_code: str, out: Path, *, include_subunits: bool = True,
                         include_inactive: bool = False, progress: Progress | None = None,
                         cancelled: Callable[[], bool] | None = None, place: str | None = None,
                         on: dt.date | None = None, transform: Transform | None = None) -> int:
    """Every profile of a unit (and its sub-units; people still working unless ``include_inactive``)
    in one PDF, in Vietnamese name order. See :func:`render_profiles`."""
    files.check_target(out, (".pdf",))
    with db.session() as session:
        ids = unit_people(session, unit_code, include_subunits=include_subunits, include_inactive=include_inactive)
    if not ids:
        raise UserError(f"Đơn vị '{unit_code}' không có hồ sơ nào để in.")
    return render_profiles(db, ids, out, progress=progress, cancelled=cancelled, place=place, on=on,
                           title=f"Sơ yếu lý lịch — {unit_code}", transform=transform)


def render_profiles(db: Database, person_ids: Sequence[uuid.UUID], out: Path, *, progress: Progress | None = None,
                    cancelled: Callable[[], bool] | None = None, place: str | None = None,
                    on: dt.date | None = None, title: str = "Sơ yếu lý lịch",
                    transform: Transform | None = None, story: StoryOf | None = None,
                    subject: str | None = None) -> int:
    """The profiles of ``person_ids`` (in that order) in one PDF, each from a new page and numbered
    on its own; the desktop app prints a selection with it. Returns the number of pages; raises
    :class:`Cancelled` (and leaves no file) when ``cancelled()`` turns true. ``transform`` is
    applied to each profile document before printing (app.services masks sensitive fields);
    ``story``/``subject``: another form's (the 2023 CV form's ``render_cvs``)."""
    files.check_target(out, (".pdf",))
    ids = list(person_ids)
    if not ids:
        raise UserError("Chưa chọn hồ sơ nào để in.")
    with db.session() as session:
        tree = _unit_tree(session)
    total = len(ids)

    def chunks() -> Iterator[list[Flowable]]:
        done = 0
        for start in range(0, total, BATCH):
            with db.session() as session:
                part = ids[start:start + BATCH]
                loaded = list(zip(profile_documents(session, part, unit_names=tree),
                                  [photo_of(session, pid) for pid in part], strict=True))
            for doc, photo in loaded:
                doc = transform(doc) if transform is not None else doc
                if cancelled is not None and cancelled():
                    raise Cancelled()
                if progress is not None:
                    progress(done, total)
                built = (story or profile_story)(doc, photo=photo, place=place, on=on)
                yield ([PageBreak()] if done else []) + document.section(built)
                done += 1

    pages = files.atomic(out, lambda target: document.build(target, chunks(), title=title, subject=subject or ""))
    if progress is not None:
        progress(total, total)
    return pages
