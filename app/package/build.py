"""``package export``: the signed package of a unit and its sub-units.

Members: ``persons/<id>.json`` (one Person JSON per person, the version that may leave the desk:
``app.publish.outgoing_documents`` gives the approved one, and a tombstone for a deleted person),
``attachments/<sha256>`` (photo and scanned documents the records name), ``manifest.json``
(format, unit, unit tree, schema version, counts and the SHA-256 and size of every member),
``manifest.sig`` (Ed25519 over the exact bytes of manifest.json) and ``signer.json``. The zip is
written to a temporary file beside the target and renamed at the end: never a partial package.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import Database, head_revision
from app.errors import UserError
from app.package import FORMAT, authorize
from app.package.keys import own_unit, public_key_info, signing_key, signing_unit
from app.security import access
from app.units import get_unit, subtree_ids
from app.version import version_text
from models import Attachment, Person, Unit

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class ExportResult:
    path: Path
    unit_code: str
    unit_name: str
    fingerprint: str
    persons: int
    deleted: int
    attachments: int
    sha256: str
    size: int
    skipped: list[dict[str, Any]] = field(default_factory=list)  # {"id","cccd","full_name","unit_code"}

    def as_json(self) -> dict[str, Any]:
        return {"package": self.sha256, "file": str(self.path), "unit": self.unit_code, "fingerprint": self.fingerprint,
                "persons": self.persons, "deleted": self.deleted, "attachments": self.attachments, "size": self.size, "skipped": self.skipped}


def is_tombstone(document: dict[str, Any]) -> bool:
    """A deleted person's record: ``{"id","cccd","deleted_at","version","updated_at"}``, no dossier
    (the same test as ``app.city.apply``)."""
    return "full_name" not in document


def canonical(document: Any) -> bytes:
    """The bytes a member is stored as (stable: same record, same bytes, same hash)."""
    return json.dumps(document, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def generator() -> str:
    """The manifest's ``generator``: ``HoSo X.Y.Z``, the one version number (app/version.py)."""
    return version_text()


def unit_tree(session: Session, root: Unit) -> list[dict[str, str | None]]:
    """The unit and its sub-units as ``{"code","name","parent"}``, parents before children."""
    ids = subtree_ids(session, root.id)
    rows = {u.id: u for u in session.scalars(select(Unit).where(Unit.id.in_(ids)))}
    return [{"code": rows[i].code, "name": rows[i].name,
             "parent": rows[rows[i].parent_id].code if i != root.id and rows[i].parent_id in rows else None}
            for i in ids if i in rows]


def person_ids(session: Session, root: Unit) -> list[Any]:
    """Everyone placed in the unit or below it, deleted persons included (they leave as tombstones)."""
    ids = subtree_ids(session, root.id)
    found: list[Any] = []
    for start in range(0, len(ids), 500):
        found += session.scalars(select(Person.id).where(Person.unit_id.in_(ids[start:start + 500]))).all()
    return sorted(found, key=str)


class _Writer:
    """Members into the zip, each with its SHA-256 and size for the manifest."""

    def __init__(self, archive: zipfile.ZipFile, stamp: tuple[int, int, int, int, int, int]):
        self.archive, self.stamp = archive, stamp
        self.members: dict[str, dict[str, Any]] = {}

    def add(self, name: str, data: bytes, *, compress: bool = True, listed: bool = True) -> None:
        info = zipfile.ZipInfo(name, date_time=self.stamp)
        info.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
        info.external_attr = 0o644 << 16
        self.archive.writestr(info, data)
        if listed:
            self.members[name] = {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}


CONTENT_BATCH = 50  # attachment contents read per query (a scan is at most 20 MB)


def _contents(session: Session, hashes: list[str]) -> Iterator[tuple[str, bytes]]:
    """The content of each hash this database holds, in the given order, a batch per query."""
    for start in range(0, len(hashes), CONTENT_BATCH):
        chunk = hashes[start:start + CONTENT_BATCH]
        found = dict(session.execute(select(Attachment.sha256, Attachment.content)
                                     .where(Attachment.sha256.in_(chunk))).all())
        yield from ((sha, found[sha]) for sha in chunk if found.get(sha) is not None)


def _write(session: Session, writer: _Writer, root: Unit, progress: Progress | None,
           cancelled: Callable[[], bool] | None) -> tuple[dict[str, int], list[dict[str, Any]]]:
    """The records and their attachments; a record whose approved version names a unit outside
    the package's tree (approved before a transfer in) is left out and reported: the Department
    would refuse the whole package for it. It leaves with the next package once approved."""
    from app.publish import outgoing_documents

    ids = person_ids(session, root)
    inside = {u["code"] for u in unit_tree(session, root)}
    counts = {"persons": 0, "deleted": 0, "attachments": 0}
    skipped: list[dict[str, Any]] = []
    wanted: list[str] = []
    for done, document in enumerate(outgoing_documents(session, ids), start=1):
        if cancelled is not None and cancelled():
            raise UserError("Đã dừng xuất gói theo yêu cầu; không có tệp nào được ghi.")
        if progress is not None:
            progress(done, len(ids))
        if not is_tombstone(document) and document.get("unit_code") not in inside:
            skipped.append({key: document.get(key) for key in ("id", "cccd", "full_name", "unit_code")})
            continue
        writer.add(f"persons/{document['id']}.json", canonical(document))
        counts["deleted" if is_tombstone(document) else "persons"] += 1
        wanted += [a["sha256"] for a in document.get("attachments") or () if a.get("sha256")]
    for sha, content in _contents(session, list(dict.fromkeys(wanted))):
        writer.add(f"attachments/{sha}", content, compress=False)
        counts["attachments"] += 1
    return counts, skipped


def default_signer(db: Database) -> str | None:
    """The unit an export signs for when none is chosen (the database's own unit), for dialogs."""
    with db.session() as session:
        return own_unit(session)


def export_package(db: Database, out: Path, unit_code: str | None = None, *, user: str | None = None,
                   progress: Progress | None = None, cancelled: Callable[[], bool] | None = None,
                   principal: Any = None) -> ExportResult:
    """Write the signed package of ``unit_code`` (default: the database's own unit) to ``out``;
    ``principal`` (when given) must hold the right ``package``."""
    authorize(principal)
    out = Path(out)
    if not out.parent.exists():
        raise UserError(f"--out: thư mục '{out.parent}' không tồn tại.")
    created = dt.datetime.now(dt.UTC).replace(microsecond=0)
    fd, temp_name = tempfile.mkstemp(prefix=".hoso-package-", suffix=".part", dir=out.parent)
    os.close(fd)
    temp = Path(temp_name)
    try:
        with db.session(user) as session:
            root = get_unit(session, signing_unit(session, unit_code))
            key, info = signing_key(root.code), public_key_info(root.code, root.name)
            with zipfile.ZipFile(temp, "w", allowZip64=True) as archive:
                writer = _Writer(archive, created.timetuple()[:6])
                counts, skipped = _write(session, writer, root, progress, cancelled)
                manifest = canonical({
                    "format": FORMAT, "unit": {"code": root.code, "name": root.name},
                    "units": unit_tree(session, root), "schema_version": head_revision(),
                    "created_at": created.isoformat(), "generator": generator(), "counts": counts,
                    "members": writer.members})
                writer.add("manifest.json", manifest, listed=False)
                writer.add("manifest.sig", key.sign(manifest), listed=False)
                writer.add("signer.json", canonical({"unit_code": root.code, "fingerprint": info.fingerprint,
                                                     "public_key": info.public_key}), listed=False)
        digest = file_sha256(temp)
        result = ExportResult(out, root.code, root.name, info.fingerprint, counts["persons"], counts["deleted"],
                              counts["attachments"], digest, temp.stat().st_size, skipped)
        # A short write of its own: the long read above never turns into a write (on SQLite a
        # reader that writes after someone else committed fails with "database is locked").
        with db.session(user) as session:
            access.log(session, session.info["user"], "export",
                       detail=f"gói hồ sơ {out.name}, đơn vị {result.unit_code}: {result.persons} hồ sơ, "
                              f"{result.deleted} đã xoá, sha256 {digest}")
        os.replace(temp, out)
    finally:
        temp.unlink(missing_ok=True)
    return result
