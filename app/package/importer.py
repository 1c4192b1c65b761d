"""``package import`` at the Department: verify the whole package, then apply it in one transaction.

Nothing is written unless every check of ``app.package.verify`` passes. The records go through
``app.city.apply.apply_documents`` (the same applier as sync: idempotent per record, conflicts
and rejections reported, never a partial record), and a ``PackageReceipt`` keyed by the SHA-256
of the whole file makes a second import of the same package a no-op that says so. (A package
whose first import left records out — a unit unknown here, a conflict — may be imported again
once that is settled: the records already taken are ``unchanged``.)

The applier writes with Core statements (no ORM flush hook), so each record it inserted, updated
or deleted gets one change-log entry here, through its ``log`` argument: action ``create`` /
``update`` / ``delete``, field ``package``, new value "nhập từ gói <sha256[:12]> của đơn vị X",
by the importing user — what ``history KEY`` shows at the Department. (The unit's own field-by-field
history is not in the package.)
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import units
from app.db import Database
from app.package import authorize
from app.package.build import is_tombstone
from app.package.verify import VerifiedPackage, allowed_units, open_verified
from models import CityIdentityConflict, PackageReceipt, Person, Unit
from models.base import utcnow

COUNTS = ("inserted", "updated", "unchanged", "deleted", "rejected")
LOG_FIELD = "package"  # the change-log field of an import entry (app.history labels it)
BATCH = 500


@dataclass(frozen=True)
class PackageInfo:
    """What the import dialog shows before anything is written."""

    path: Path
    sha256: str
    unit_code: str
    unit_name: str
    fingerprint: str
    created_at: dt.datetime | None
    schema_version: str
    generator: str
    persons: int
    deleted: int
    attachments: int
    imported_at: dt.datetime | None  # when this very package was imported before (every record taken)


@dataclass(frozen=True)
class ImportSummary:
    package: str
    unit: str
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    deleted: int = 0
    rejected: int = 0
    problems: list[dict[str, Any]] = field(default_factory=list)
    already_imported: bool = False
    units_added: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {"package": self.package, "unit": self.unit, **{k: getattr(self, k) for k in COUNTS},
                "problems": self.problems, "already_imported": self.already_imported,
                "units_added": self.units_added}


def _info(package: VerifiedPackage, receipt: PackageReceipt | None) -> PackageInfo:
    counts = package.counts
    return PackageInfo(package.path, package.sha256, package.unit_code, package.unit_name, package.fingerprint,
                       package.created_at, package.schema_version, package.generator, counts.get("persons", 0),
                       counts.get("deleted", 0), counts.get("attachments", 0),
                       receipt.imported_at if _complete(receipt) else None)


def add_missing_units(session: Session, package: VerifiedPackage) -> list[str]:
    """Sub-units the package declares below the signer's unit that this database lacks (a unit
    may open a new office before the Department hears of it). The signer's own unit is never
    created here: it must be known to the Department already; nor is a unit outside the signer's
    subtree (``allowed_units``), and an existing unit is never moved."""
    by_code = set(session.scalars(select(Unit.code)))
    if package.unit_code not in by_code:
        return []
    allowed = allowed_units(session, package.unit_code, package.units)
    added: list[str] = []
    pending = [u for u in package.units if u.get("code") not in by_code and u.get("code") != package.unit_code
               and u.get("code") in allowed]
    while pending:  # parents first, whatever the order of the list
        ready = [u for u in pending if u.get("parent") in by_code]
        if not ready:
            break
        for u in ready:
            units.add_unit(session, str(u["code"]), str(u.get("name") or u["code"]), str(u["parent"]))
            by_code.add(str(u["code"]))
            added.append(str(u["code"]))
        pending = [u for u in pending if u not in ready]
    session.flush()
    return added


def inspect_package(db: Database, path: Path, *, user: str | None = None, principal: Any = None) -> PackageInfo:
    """Verify ``path`` completely (raises ``UserError`` when refused) and describe it; writes nothing."""
    authorize(principal)
    with db.session(user) as session, open_verified(session, Path(path)) as package:
        return _info(package, session.get(PackageReceipt, package.sha256))


class _History:
    """The change-log entries of an import: one per record the applier wrote. ``documents()`` notes
    each record (tombstone or not) as the applier reads it; the entries are made when the applier
    asks for them, after the last record (it keeps those of the persons it wrote)."""

    def __init__(self, session: Session, package: VerifiedPackage):
        self.package, self.user = package, str(session.info["user"])
        self.known = _existing(session, package)
        self.dead: dict[str, bool] = {}

    def documents(self) -> Iterator[dict[str, Any]]:
        for document in self.package.documents():
            self.dead[str(document["id"])] = is_tombstone(document)
            yield document

    def __iter__(self) -> Iterator[dict[str, Any]]:
        now = utcnow()
        note = f"nhập từ gói {self.package.sha256[:12]} của đơn vị {self.package.unit_code}"
        for key, dead in self.dead.items():
            action = "delete" if dead else "update" if key in self.known else "create"
            yield {"at": now, "by": self.user, "action": action, "entity": "person", "record_id": key,
                   "person_id": key, "field": LOG_FIELD, "old": None, "new": note}


def _existing(session: Session, package: VerifiedPackage) -> set[str]:
    """The package's persons this database has already (by the member names: nothing is read)."""
    ids = [uuid.UUID(name[len("persons/"):-len(".json")]) for name in package.person_members]
    found: set[str] = set()
    for start in range(0, len(ids), BATCH):
        found |= {str(i) for i in session.scalars(select(Person.id).where(Person.id.in_(ids[start:start + BATCH])))}
    return found


def import_package(db: Database, path: Path, *, user: str | None = None, principal: Any = None) -> ImportSummary:
    """Verify and import ``path`` in one transaction; a package imported before changes nothing.
    ``principal`` (when given) must hold the right ``package``."""
    from app.city.apply import apply_documents

    authorize(principal)
    with db.session(user, write=True) as session, open_verified(session, Path(path)) as package:
        receipt = session.get(PackageReceipt, package.sha256)
        if _complete(receipt):
            total = package.counts.get("persons", 0) + package.counts.get("deleted", 0)
            return ImportSummary(package.sha256, package.unit_code, unchanged=total, already_imported=True)
        added = add_missing_units(session, package)
        history = _History(session, package)
        result = apply_documents(session, history.documents(), blobs=package.blob, log=history)
        summary = ImportSummary(package.sha256, package.unit_code, *(int(getattr(result, k)) for k in COUNTS),
                                problems=_identity_conflicts(session, package, result.problems), units_added=added)
        counts = {**{k: getattr(summary, k) for k in COUNTS}, "problems": len(summary.problems)}
        if receipt is None:
            session.add(PackageReceipt(sha256=package.sha256, unit_code=package.unit_code,
                                       fingerprint=package.fingerprint, created_at=package.created_at,
                                       imported_by=session.info["user"], summary=counts))
        else:  # an import that left records out (a unit missing here, a conflict): tried again
            receipt.imported_at, receipt.imported_by, receipt.summary = utcnow(), session.info["user"], counts
        return summary


def _identity_conflicts(session: Session, package: VerifiedPackage,
                        problems: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """At the city database, a record refused because its CCCD is held there by another dossier is
    told with the same generic message as the sync's, and goes on the Department's list of identity
    conflicts (``city conflicts``) like a sync's; elsewhere the message stays as it is."""
    from app.city.api_sql import COLLISION
    from app.city.init import city_settings

    city = session.get_bind().dialect.name == "postgresql" and city_settings(session) is not None
    out = []
    for problem in problems:
        clash = problem.pop("collision", None)
        if clash is not None and city:
            session.add(CityIdentityConflict(
                role_name=f"gói {package.unit_code}"[:63], kind=clash["kind"], person_id=uuid.UUID(problem["id"]),
                cccd=(problem.get("cccd") or None) and str(problem["cccd"])[:12],
                unit_code=(clash.get("unit_code") or None) and str(clash["unit_code"])[:40],
                holder_id=uuid.UUID(clash["holder"]),
                detail=f"nhập gói {package.sha256[:12]} của đơn vị {package.unit_code}: "
                       "số CCCD đã thuộc một hồ sơ khác ở CSDL thành phố"))
            problem = {**problem, "message": COLLISION}
        out.append(problem)
    return out


def _complete(receipt: PackageReceipt | None) -> bool:
    """Imported before with every record taken: importing it again would change nothing."""
    return receipt is not None and not (receipt.summary or {}).get("problems")
