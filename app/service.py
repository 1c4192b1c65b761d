"""The services the desktop app calls: each method is one user action in one transaction.

The UI never opens a session or builds a query; it holds a ``HoSoService`` and gets plain data
back (frozen dataclasses, dicts), so no lazy load can fire inside a paint. Methods are safe to
call from a worker thread (each opens its own session).

Permissions are enforced HERE (app.security), not by hiding buttons: every method checks the
``principal``'s role and units (``app.security.permissions.require``), lists and searches are
limited to the principal's units, sensitive fields are masked for roles not allowed to see them
(person dict, list rows, history, list reports, profiles, exports) and refused on save for roles
not allowed to change them, views/prints/exports of sensitive data are written to the access
log, and a clerk's writes are submitted for approval (app.security.review).

Without a ``principal`` the service acts as the LOCAL ADMINISTRATOR of the file (the command
line's rule, ``app.security.principal.local_admin``); the desktop app signs in first
(``sign_in``/``create_first_admin``), which replaces the principal.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, inspect, select
from sqlalchemy.orm import Session

from app import attachments, catalogs, entry, listing, people, units
from app.db import Database
from app.errors import UserError
from app.history import Change, person_history
from app.person_json import person_json
from app.security import access, review, sensitive
from app.security import users as accounts
from app.security.permissions import allowed, require
from app.security.principal import Principal, local_admin
from app.security.principal import refresh as principal_refresh
from models import Attachment, Person, Unit


@dataclass(frozen=True)
class Overview:
    database: str
    people: int
    units: int


class HoSoService:
    def __init__(self, db: Database, user: str | None = None, principal: Principal | None = None):
        self.db = db
        self.principal = principal or local_admin(user)  # no principal: the file's administrator
        self.user = self.principal.username if principal is not None else user
        self._tree_stamp: tuple[Any, ...] | None = None  # the unit tree the principal's units were expanded on

    # --- signing in, accounts (app.security.users) -----------------------------------------
    def needs_first_admin(self) -> bool:
        """The first run: no administrator account yet (the desktop asks to create one)."""
        with self.db.session(self.user) as s:
            return accounts.needs_first_admin(s)

    def create_first_admin(self, username: str, full_name: str, password: str) -> Principal:
        """Create the first administrator and sign in as them."""
        with self.db.session(username) as s:
            accounts.create_first_admin(s, username, full_name, password)
        return self.sign_in(username, password)

    def sign_in(self, username: str, password: str, *, clock: Callable[[], dt.datetime] | None = None) -> Principal:
        """Check the password (lock-out after 5 failures); on success the service acts as this user."""
        principal = accounts.sign_in(self.db, username, password, **({"clock": clock} if clock else {}))
        self.principal, self.user, self._tree_stamp = principal, principal.username, None
        return principal

    def change_password(self, old_password: str, new_password: str) -> None:
        with self._session() as s:
            accounts.change_password(s, self.principal.username, old_password, new_password)
        if self.principal.must_change_password:
            self.principal = dataclasses.replace(self.principal, must_change_password=False)

    def can(self, action: str, unit_code: str | None = None) -> bool:
        """For enabling menus and buttons (the methods check again): ``action`` of
        ``app.security.permissions.ACTIONS`` on ``unit_code`` (None: on some unit)."""
        if unit_code is None:
            return allowed(self.principal, action, any_unit=True)
        with self.db.session(self.user) as s:
            unit = s.scalar(select(Unit.id).where(Unit.code == unit_code))
        return allowed(self.principal, action, unit)

    def users(self) -> list[accounts.UserInfo]:
        with self._session() as s:
            require(self.principal, "manage_users")
            return accounts.list_users(s)

    def add_user(self, username: str, full_name: str, role: str, unit_codes: Sequence[str], password: str, *,
                 must_change_password: bool = True) -> accounts.UserInfo:
        """A new account; by default the user must change the password at the first sign-in."""
        with self._session() as s:
            require(self.principal, "manage_users")
            created = accounts.create_user(s, username, full_name, role, unit_codes, password,
                                           must_change_password=must_change_password)
            access.log(s, self.principal.username, "user", detail=f"tạo tài khoản {created.username} ({role})")
            return created

    def set_user_role(self, username: str, role: str) -> None:
        with self._session() as s:
            require(self.principal, "manage_users")
            accounts.set_role(s, self.principal.username, username, role)

    def set_user_units(self, username: str, unit_codes: Sequence[str]) -> None:
        with self._session() as s:
            require(self.principal, "manage_users")
            accounts.set_units(s, self.principal.username, username, unit_codes)

    def reset_password(self, username: str, new_password: str, *, must_change: bool = True) -> None:
        """An administrator sets a new password and unlocks the account."""
        with self._session() as s:
            require(self.principal, "manage_users")
            accounts.reset_password(s, self.principal.username, username, new_password, must_change=must_change)

    def set_user_active(self, username: str, active: bool) -> None:
        with self._session() as s:
            require(self.principal, "manage_users")
            accounts.set_active(s, self.principal.username, username, active)

    # --- approval (app.security.review) ---------------------------------------------------------
    def approve(self, key: str | uuid.UUID, comment: str | None = None) -> None:
        with self._session() as s:
            review.approve(s, self.principal, key, comment)

    def return_for_changes(self, key: str | uuid.UUID, comment: str) -> None:
        """Return a submitted dossier to the clerk with a comment (required)."""
        with self._session() as s:
            review.return_(s, self.principal, key, comment)

    def pending_reviews(self, states: tuple[str, ...] = ("submitted",)) -> list[review.PendingReview]:
        """Submitted dossiers of the principal's units (``("returned",)``: those returned to clerks)."""
        with self._session() as s:
            require(self.principal, "view", any_unit=True)
            self._fresh_scope(s)
            return review.pending_reviews(s, self.principal, states)

    def review_history(self, key: str | uuid.UUID) -> list[review.ReviewStep]:
        with self._session() as s:
            person = self._person(s, key, "view", include_deleted=True)
            return review.review_history(s, person.id)

    # --- the audit log (administrators) --------------------------------------------------------
    def audit_log(self, flt: access.AuditFilter | None = None, offset: int = 0, limit: int | None = 200
                  ) -> access.AuditPage:
        """Change log, access log and approvals merged, newest first (administrators only)."""
        with self._session() as s:
            require(self.principal, "view_audit")
            return access.browse(s, flt or access.AuditFilter(), offset=offset, limit=limit)

    def export_audit(self, flt: access.AuditFilter | None, path: str | Path) -> int:
        with self._session() as s:
            require(self.principal, "view_audit")
            count = access.export_xlsx(s, flt or access.AuditFilter(), path)
            access.log(s, self.principal.username, "export", detail=f"xuất nhật ký ({count} dòng) ra {Path(path).name}")
            return count

    def person_audit(self, key: str | uuid.UUID) -> list[access.AuditEntry]:
        """Everything done to one dossier, oldest first: the person's audit tab (administrators)."""
        with self._session() as s:
            person = self._person(s, key, "view", include_deleted=True)
            require(self.principal, "view_audit")
            return access.browse(s, access.AuditFilter(person_id=person.id), limit=None, newest_first=False).entries

    # --- personal declarations (issue 16; app.declaration) ------------------------------------------
    def declarations(self) -> Any:
        """Issue, review and accept personal declaration files (``app.declaration.service``)."""
        from app.declaration.service import DeclarationService

        return DeclarationService(self.db, self.principal)

    # --- enforcement helpers -----------------------------------------------------------------------
    @contextlib.contextmanager
    def _session(self, write: bool = False) -> Iterator[Session]:
        """One transaction as the principal; a clerk's writes go to approval."""
        with self.db.session(self.user or self.principal.username, write=write) as s:
            if write:
                review.track(s, self.principal)
            yield s
            if write:
                review.finish(s)

    def _person(self, s: Session, key: str | uuid.UUID, action: str, *, include_deleted: bool = False) -> Person:
        person = people.find_person(s, str(key), include_deleted=include_deleted)
        require(self.principal, action, person.unit_id, s)
        return person

    def _unit(self, s: Session, code: str | None, action: str) -> uuid.UUID | None:
        """The unit's id after checking ``action`` on it; None (every unit) only for the unscoped."""
        if code is None:
            if self.principal.unit_ids is not None:
                raise UserError(f"Tài khoản {self.principal.username} chỉ làm việc với đơn vị của mình: "
                                "hãy chọn đơn vị.")
            require(self.principal, action, any_unit=True)
            return None
        unit = units.get_unit(s, code)
        require(self.principal, action, unit.id, s)
        return unit.id

    def _scoped(self, flt: listing.PersonFilter) -> listing.PersonFilter:
        if self.principal.unit_ids is None:
            return flt
        return dataclasses.replace(flt, unit_scope=self.principal.unit_ids)

    def _scope_codes(self, s: Session) -> set[str | None] | None:
        if self.principal.unit_ids is None:
            return None
        return {code for uid, code in s.execute(select(Unit.id, Unit.code)) if uid in self.principal.unit_ids}

    def _log(self, action: str, person_ids: Sequence[uuid.UUID], detail: str) -> None:
        """Access-log entries in their own short transaction that starts by writing (so SQLite waits
        for a busy writer instead of failing); when the log cannot be written the action fails."""
        from sqlalchemy.exc import DBAPIError, OperationalError

        try:
            with self.db.session(self.user or self.principal.username, write=True) as s:
                access.log_many(s, self.principal.username, action, list(person_ids), detail)
        except OperationalError as exc:
            raise UserError("Không ghi được nhật ký truy cập (cơ sở dữ liệu đang bận); hãy thử lại.") from exc
        except DBAPIError as exc:  # e.g. a PostgreSQL role without INSERT on access_log
            raise UserError(f"Không ghi được nhật ký truy cập ({str(exc.orig).splitlines()[0]}); thông tin nhạy cảm "
                            "chỉ được xem, in, xuất khi nhật ký ghi được.") from exc

    def _mask(self, doc: dict[str, Any]) -> dict[str, Any]:
        return sensitive.mask_person(doc, self.principal.role)

    def _sees_sensitive(self) -> bool:
        return bool(set(sensitive.hidden_fields("")) - set(sensitive.hidden_fields(self.principal.role)))

    def _check_sensitive_edit(self, s: Session, person_id: uuid.UUID | None, data: dict[str, Any]) -> dict[str, Any]:
        if sensitive.edits_all(self.principal.role):
            return data
        current = person_json(s, person_id) if person_id is not None else {}
        return sensitive.refuse_hidden_edits(data, self.principal.role, current)

    # --- reading -------------------------------------------------------------------------
    def overview(self) -> Overview:
        with self.db.session(self.user) as s:
            self._fresh_scope(s)
            stmt = select(func.count()).select_from(Person).where(Person.deleted_at.is_(None))
            if self.principal.unit_ids is not None:
                stmt = stmt.where(Person.unit_id.in_(self.principal.unit_ids))
            count = s.scalar(stmt) or 0
            return Overview(self.db.url, count, len(units.list_units(s)))

    def list_units(self) -> list[units.UnitRow]:
        with self.db.session(self.user) as s:
            return units.list_units(s)

    def person_ids(self, flt: listing.PersonFilter, sort: str | None = None, descending: bool = False
                   ) -> list[uuid.UUID]:
        require(self.principal, "view", any_unit=True)
        with self.db.session(self.user) as s:
            self._fresh_scope(s)
            return listing.list_ids(s, self._scoped(flt), sort, descending)

    def person_keys(self, flt: listing.PersonFilter, sort: str | None = None, descending: bool = False) -> list[str]:
        """The list as hex keys (cheap for 100,000 people); see ``listing.list_keys``."""
        require(self.principal, "view", any_unit=True)
        with self.db.session(self.user) as s:
            self._fresh_scope(s)
            return listing.list_keys(s, self._scoped(flt), sort, descending)

    def person_rows(self, ids: Sequence[uuid.UUID | str]) -> list[listing.PersonRow]:
        """Display rows (out-of-scope ids left out; sensitive columns masked for the role)."""
        with self.db.session(self.user) as s:
            rows = listing.fetch_rows(s, ids)
            if self.principal.unit_ids is not None:
                allowed_ids = set(s.scalars(select(Person.id).where(Person.id.in_([r.id for r in rows]),
                                                                    Person.unit_id.in_(self.principal.unit_ids))))
                rows = [r for r in rows if r.id in allowed_ids]
        return [sensitive.mask_row(r, self.principal.role) for r in rows]

    def person(self, key: str | uuid.UUID) -> dict[str, Any]:
        """The whole dossier as the Person JSON (ids on every section row), plus ``review_state``
        and ``masked_fields`` (the keys masked for this role: show them read-only). Showing
        sensitive data is written to the access log."""
        with self._session() as s:
            person = self._person(s, key, "view")
            doc = person_json(s, person.id)
            doc["review_state"] = person.review_state
        if self._sees_sensitive() and sensitive.has_sensitive(doc):
            self._log("view", [person.id], "xem hồ sơ")
        return self._mask(doc)

    def history(self, key: str | uuid.UUID) -> list[Change]:
        """The person's change history (the contract's ``history``); values of fields this role may
        not see are masked; showing sensitive values is logged."""
        with self._session() as s:
            person = self._person(s, key, "view", include_deleted=True)
            changes = person_history(s, str(person.id))
            role = self.principal.role
            out = []
            shown_sensitive = False
            for c in changes:
                section = c.field if c.field in sensitive.hidden_section_fields("") else None
                if c.field == "*" or section is not None:
                    if sensitive.change_is_hidden(c.field, role):
                        c = dataclasses.replace(c, old=sensitive.mask_value(c.old), new=sensitive.mask_value(c.new))
                    else:
                        c = dataclasses.replace(c, old=sensitive.mask_snapshot(c.old, section, role),
                                                new=sensitive.mask_snapshot(c.new, section, role))
                    shown_sensitive = shown_sensitive or c.field == "*"
                    out.append(c)
                    continue
                mode = sensitive.change_is_hidden(c.field, role)
                if mode:
                    c = dataclasses.replace(c, old=sensitive.mask_value(c.old, mode), new=sensitive.mask_value(c.new, mode))
                elif sensitive.change_is_hidden(c.field, ""):
                    shown_sensitive = True
                out.append(c)
        if shown_sensitive and self._sees_sensitive():
            self._log("view", [person.id], "xem lịch sử thay đổi")
        return out

    def catalog(self, name: str) -> list[catalogs.CatalogEntry]:
        with self.db.session(self.user) as s:
            return catalogs.entries(s, name)

    def grades(self) -> list[catalogs.GradeInfo]:
        with self.db.session(self.user) as s:
            return catalogs.grades(s)

    def cccd_owner(self, number: str, exclude: uuid.UUID | None = None) -> entry.CccdOwner | None:
        """Who already has this CCCD (any unit: duplicates are refused everywhere); for those who enter data."""
        require(self.principal, "edit", any_unit=True)
        with self.db.session(self.user) as s:
            return entry.cccd_owner(s, number, exclude)

    def common_values(self, unit_code: str) -> dict[str, Any]:
        with self.db.session(self.user) as s:
            self._unit(s, unit_code, "edit")
            return entry.common_values(s, unit_code)

    def photo(self, person_id: uuid.UUID) -> bytes | None:
        with self.db.session(self.user) as s:
            return attachments.photo(s, self._person(s, person_id, "view", include_deleted=True).id)

    def attachment_content(self, attachment_id: uuid.UUID) -> bytes:
        with self.db.session(self.user) as s:
            owner = s.scalar(select(Attachment.person_id).where(Attachment.id == attachment_id))
            if owner is not None:
                self._person(s, owner, "view", include_deleted=True)
            return attachments.content(s, attachment_id)

    # --- writing (each one transaction) -----------------------------------------------------
    def _check_create(self, s: Session, data: dict[str, Any]) -> dict[str, Any]:
        code, unit_id = data.get("unit_code"), data.get("unit_id")
        target = None
        if code:
            target = s.scalar(select(Unit.id).where(Unit.code == str(code).strip()))
        elif unit_id:
            target = unit_id if isinstance(unit_id, uuid.UUID) else uuid.UUID(str(unit_id))
        require(self.principal, "edit", target, s)
        return self._check_sensitive_edit(s, None, data)

    def _check_update(self, s: Session, key: str | uuid.UUID, data: dict[str, Any]) -> dict[str, Any]:
        person = self._person(s, key, "edit")
        if data.get("unit_code") or data.get("unit_id"):
            self._check_create(s, {k: data[k] for k in ("unit_code", "unit_id") if k in data})
        return self._check_sensitive_edit(s, person.id, data)

    def create_person(self, data: dict[str, Any]) -> people.SaveResult:
        with self._session(write=True) as s:
            return people.create_person(s, self._check_create(s, data))

    def update_person(self, key: str | uuid.UUID, data: dict[str, Any], expected_version: int | None = None
                      ) -> people.SaveResult:
        with self._session(write=True) as s:
            data = self._check_update(s, key, data)
            return people.update_person(s, str(key), data, expected_version=expected_version)

    def save_person(self, key: str | uuid.UUID | None, data: dict[str, Any], *, expected_version: int | None = None,
                    photo: tuple[str, bytes] | None = None, remove_photo: bool = False,
                    new_documents: Sequence[tuple[str, bytes, str | None]] = (),
                    removed_documents: Sequence[uuid.UUID] = ()) -> people.SaveResult:
        """The editor's Save: fields, sections, photo and attachments in ONE transaction. A clerk's
        save leaves the dossier submitted for approval."""
        with self._session(write=True) as s:
            if key is None:
                result = people.create_person(s, self._check_create(s, data))
            else:
                data = self._check_update(s, key, data)
                result = people.update_person(s, str(key), data, expected_version=expected_version)
            current = attachments.photo_id(s, result.id)
            if remove_photo and current is not None:
                attachments.remove_attachment(s, current)
            if photo is not None:
                attachments.add_attachment(s, result.id, photo[0], photo[1], kind="photo")
            for attachment_id in removed_documents:
                if s.scalar(select(Attachment.person_id).where(Attachment.id == attachment_id)) != result.id:
                    raise UserError("Tệp đính kèm không thuộc hồ sơ này.")
                attachments.remove_attachment(s, attachment_id)
            for file_name, content, description in new_documents:
                attachments.add_attachment(s, result.id, file_name, content, description=description)
            return result

    def delete_person(self, key: str | uuid.UUID) -> None:
        with self._session(write=True) as s:
            self._person(s, key, "delete")
            people.delete_person(s, str(key))

    def restore_person(self, key: str | uuid.UUID) -> None:
        with self._session(write=True) as s:
            self._person(s, key, "delete", include_deleted=True)
            people.restore_person(s, str(key))

    def transfer_person(self, key: str | uuid.UUID, unit_code: str, on: dt.date, *, decision_number: str | None = None,
                        position: str | None = None, kind: str = "transfer") -> None:
        with self._session(write=True) as s:
            self._person(s, key, "edit")
            self._unit(s, unit_code, "edit")
            entry.transfer_person(s, str(key), unit_code, on, decision_number=decision_number, position=position,
                                  kind=kind)

    def refresh_units(self) -> None:
        """Expand the principal's units again (their sub-units) when the unit tree changed since:
        done by this service's ``add_unit``/``move_unit`` and by every list load (``person_ids``,
        ``person_keys``, ``overview``, ``pending_reviews``), so a unit added or moved by an
        administrator elsewhere counts from the user's next list refresh."""
        if self.principal.unit_roots is not None:
            with self.db.session(self.user) as s:
                self._fresh_scope(s)

    def _fresh_scope(self, s: Session) -> None:
        """Re-expand the scoped principal's units when the unit tree's stamp (count, versions,
        last change) differs from the one they were expanded on: one small aggregate query."""
        if self.principal.unit_roots is None:
            return
        stamp = tuple(s.execute(select(func.count(), func.sum(Unit.version), func.max(Unit.updated_at))).one())
        if stamp != self._tree_stamp:
            self.principal = principal_refresh(s, self.principal)
            self._tree_stamp = stamp

    def add_unit(self, code: str, name: str, parent_code: str | None = None, kind: str | None = None) -> None:
        require(self.principal, "manage_units")
        with self.db.session(self.user) as s:
            units.add_unit(s, code, name, parent_code, kind=kind)
        self.refresh_units()

    def rename_unit(self, code: str, name: str) -> None:
        require(self.principal, "manage_units")
        with self.db.session(self.user) as s:
            units.rename_unit(s, code, name)

    def move_unit(self, code: str, parent_code: str | None) -> None:
        require(self.principal, "manage_units")
        with self.db.session(self.user) as s:
            units.move_unit(s, code, parent_code)
        self.refresh_units()

    def deactivate_unit(self, code: str, on: dt.date) -> None:
        require(self.principal, "manage_units")
        with self.db.session(self.user) as s:
            units.deactivate_unit(s, code, on)

    # --- spreadsheets ------------------------------------------------------------------------------
    def open_import(self, path: str, sheet: str | None = None) -> Any:
        from app.exchange import importer

        require(self.principal, "import", any_unit=True)
        return importer.open_import(path, sheet, db=self.db)

    def preview_import(self, source: Any, mapping: Any, unit_code: str | None = None, limit: int | None = 200
                       ) -> list[Any]:
        """What an import would do, row by row; nothing is written."""
        from app.exchange import importer

        with self.db.session(self.user) as s:
            if unit_code is not None:
                self._unit(s, unit_code, "import")
            require(self.principal, "import", any_unit=True)
            return importer.preview(s, source, mapping, unit_code, limit)

    def run_import(self, source: Any, mapping: Any, *, unit_code: str | None = None, dry_run: bool = False,
                   progress: Callable[[int, int], None] | None = None,
                   cancelled: Callable[[], bool] | None = None) -> Any:
        """Import in one transaction. For a user limited to units (a clerk) the rows must all land in
        those units (else nothing is saved) and the touched dossiers are submitted for approval."""
        from app.exchange import importer

        require(self.principal, "import", any_unit=True)
        if unit_code is not None:
            with self.db.session(self.user) as s:
                self._unit(s, unit_code, "import")
        if self.principal.unit_ids is None and not review.needs_review(self.principal):
            return importer.run_import(self.db, source, mapping, default_unit_code=unit_code, dry_run=dry_run,
                                       progress=progress, cancelled=cancelled, user=self.user)
        return self._run_scoped_import(source, mapping, unit_code, dry_run, progress, cancelled)

    def _run_scoped_import(self, source: Any, mapping: Any, unit_code: str | None, dry_run: bool,
                           progress: Callable[[int, int], None] | None, cancelled: Callable[[], bool] | None) -> Any:
        from app.exchange.importer import ImportResult, remember_mapping
        from app.exchange.run import ImportRun, summarise

        class _Undo(Exception):
            pass

        result = ImportResult()
        try:
            with self._session(write=True) as s:
                origins: dict[uuid.UUID, uuid.UUID | None] = {}
                from sqlalchemy import event

                @event.listens_for(s, "before_flush")
                def _origin(session: Session, _c: object, _i: object) -> None:  # the unit before the import
                    for obj in session.dirty:
                        if isinstance(obj, Person) and obj.id not in origins:
                            hist = inspect(obj).attrs.unit_id.history
                            origins[obj.id] = hist.deleted[0] if hist.deleted else obj.unit_id

                run = ImportRun(s, source, mapping, unit_code, progress, cancelled)
                rows = run.execute()
                result = summarise(rows, run.outcomes, dry_run=dry_run, cancelled=run.cancelled)
                s.flush()
                touched = list(s.info.get("review_touched") or {}) + list(origins)
                if touched:
                    placed = dict(s.execute(select(Person.id, Person.unit_id).where(Person.id.in_(touched))).all())
                    for pid in touched:
                        for unit_id in (placed.get(pid), origins.get(pid, placed.get(pid))):
                            require(self.principal, "import", unit_id, s)
                if dry_run or run.cancelled:
                    raise _Undo
                remember_mapping(s, source.shape, mapping)
        except _Undo:
            pass
        return result

    def load_demo(self, count: int, seed: int = 1, progress: Callable[[int], None] | None = None) -> int:
        from app import demo

        require(self.principal, "manage_units")
        require(self.principal, "import", any_unit=True)
        return demo.generate(self.db, count, seed, progress).people

    # --- spreadsheets in the desktop app (the import wizard, the list's export) -------------------
    def import_samples(self, source: Any, rows: int = 50) -> dict[str, dict[int, tuple[Any, str | None, str | None]]]:
        """For the wizard's column table: per sheet to import (the people sheet and each child
        sheet), per column, the first value under the header (legacy text repaired), the legacy
        encoding it was written in ("tcvn3"/"vni") and the text as written, when it was
        converted. Reads the file already open."""
        from app.exchange.values import decode_column

        require(self.principal, "import", any_unit=True)
        out: dict[str, dict[int, tuple[Any, str | None, str | None]]] = {}
        for sheet, header in [(source.sheet, source.header), *[(c.sheet, c.header) for c in source.children]]:
            below = sheet.rows[header.data_start:header.data_start + rows]
            samples: dict[int, tuple[Any, str | None, str | None]] = {}
            for column in header.columns:
                cells = [r[column.index] for r in below if column.index < len(r)
                         and r[column.index].value is not None and str(r[column.index].value).strip()]
                if cells:
                    first = decode_column(cells)[0]
                    value = first.text if first.text is not None else cells[0].value
                    samples[column.index] = (value, first.encoding, first.original)
            out[sheet.name] = samples
        return out

    def write_import_report(self, source: Any, result: Any, path: str) -> None:
        """The result report (.xlsx): the file's rows as read, plus Kết quả / Lỗi / Ghi chú columns."""
        from app.exchange.report import write_result_report

        write_result_report(source, result, path)

    def write_import_template(self, path: str) -> None:
        """The blank import template (.xlsx) with every importable column and the child sheets."""
        from app.exchange.report import write_template

        require(self.principal, "import", any_unit=True)
        write_template(path)

    def export_people(self, path: str, flt: listing.PersonFilter, columns: Sequence[str],
                      progress: Callable[[int, int], None] | None = None, sort: str | None = None,
                      descending: bool = False) -> int:
        """Write exactly the list ``flt`` selects (the people the user sees, in the list's order:
        ``sort``/``descending`` as ``person_ids``) to ``path`` with ``columns`` (export column
        names). Returns how many people."""
        from app.exchange.export import export_people

        require(self.principal, "export", any_unit=True)
        ids = self.person_ids(flt, sort, descending)
        role = self.principal.role
        mask = None if sensitive.sees_all(role) else (lambda values: sensitive.mask_fields(values, role))
        count = export_people(self.db, path, columns=list(columns), person_ids=ids, progress=progress, mask=mask)
        if self._sees_sensitive():  # the key column (CCCD) is always written
            self._log("export", ids, f"xuất danh sách ra {Path(path).name}")
        return count

    # --- printing (the desktop runs these on a worker thread; each opens its own session) -------------
    def render_profile_pdf(self, person_id: uuid.UUID, path: str | Path, place: str | None = None,
                           on: dt.date | None = None, *, form: str | None = None) -> int:
        """The person's Mẫu 2C-BNV/2008 (HS02-VC/BNV for a viên chức; the 2023 CV form of TT 06/2023
        with ``form="cv2023"``) as a PDF; returns its pages."""
        from app.reports.profile import photo_of, profile_document, render_profile

        if form == "cv2023":
            from app.reports.cv2023 import render_cv as render_profile

        with self.db.session(self.user) as s:
            person = self._person(s, person_id, "print")
            doc, photo = profile_document(s, person.id), photo_of(s, person.id)
        pages = render_profile(self._mask(doc), Path(path), photo=photo, place=place, on=on)
        if self._sees_sensitive():
            self._log("print", [person.id], f"in sơ yếu lý lịch ra {Path(path).name}")
        return pages

    def render_unit_profiles(self, unit_code: str, path: str | Path, progress: Callable[[int, int], None] | None = None,
                             cancelled: Callable[[], bool] | None = None, *, include_subunits: bool = True,
                             include_inactive: bool = False, form: str | None = None) -> int:
        """Every profile of the unit in one PDF (pages); ``Cancelled`` (no file left) when stopped."""
        from app.reports.profile import render_profiles, unit_people

        if form == "cv2023":
            from app.reports.cv2023 import render_cvs as render_profiles

        with self.db.session(self.user) as s:
            self._unit(s, unit_code, "print")
            ids = unit_people(s, unit_code, include_subunits=include_subunits, include_inactive=include_inactive)
            if self.principal.unit_ids is not None:
                inside = set(s.scalars(select(Person.id).where(Person.unit_id.in_(self.principal.unit_ids))))
                ids = [i for i in ids if i in inside]
        if not ids:
            raise UserError(f"Đơn vị '{unit_code}' không có hồ sơ nào để in.")
        pages = render_profiles(self.db, ids, Path(path), progress=progress, cancelled=cancelled,
                                title=f"Sơ yếu lý lịch — {unit_code}", transform=self._mask)
        if self._sees_sensitive():
            self._log("print", ids, f"in sơ yếu lý lịch đơn vị {unit_code}")
        return pages

    def render_list(self, flt: listing.PersonFilter | None, person_ids: Sequence[uuid.UUID] | None,
                    columns: Sequence[str] | None, path: str | Path) -> int | None:
        """The person list as PDF or xlsx (by the extension): exactly ``person_ids`` in that order
        (the ids ``flt`` selects when None), with ``columns`` — the person list's keys or the
        report's — after STT; the filter is named under the title. Pages for a PDF, else None."""
        from app.reports.lists import describe_filter, list_report, listing_columns, render_list

        require(self.principal, "print", any_unit=True)
        flt = flt or listing.PersonFilter()
        with self.db.session(self.user) as s:
            ids = list(person_ids) if person_ids is not None else listing.list_ids(s, self._scoped(flt))
            if self.principal.unit_ids is not None:
                ids = [uuid.UUID(str(i)) if not isinstance(i, uuid.UUID) else i for i in ids]
                inside = set(s.scalars(select(Person.id).where(Person.id.in_(ids),
                                                               Person.unit_id.in_(self.principal.unit_ids))))
                ids = [i for i in ids if i in inside]
            unit = s.get(Unit, flt.unit_id) if flt.unit_id is not None else None
            report = list_report(s, query=flt.query, unit_code=unit.code if unit else None,
                                 columns=listing_columns(columns or ()), person_ids=ids, note=describe_filter(flt))
        keys = [c.key for c in report.columns]
        hidden = sensitive.masked_report_columns(keys, self.principal.role)
        if hidden:
            cols = tuple(dataclasses.replace(c, kind="text") if c.key in hidden else c for c in report.columns)
            rows = tuple(tuple(sensitive.mask_value(v, hidden[k], "text") if k in hidden else v
                               for k, v in zip(keys, row, strict=True)) for row in report.rows)
            report = dataclasses.replace(report, columns=cols, rows=rows)
        pages = render_list(report, Path(path))
        if self._sees_sensitive() and any(k in sensitive.REPORT_COLUMNS and k not in hidden for k in keys):
            self._log("print", list(ids), f"in danh sách ra {Path(path).name}")
        return pages

    def render_stats(self, unit_code: str | None, as_of: dt.date | None, path: str | Path) -> int | None:
        """The quantity-and-quality report (BM01 columns) as PDF or xlsx by the extension."""
        from app.reports.stats import compute_stats
        from app.reports.stats_output import render_stats

        with self.db.session(self.user) as s:
            self._unit(s, unit_code, "print")
            table = compute_stats(s, unit_code, as_of)
        return render_stats(table, Path(path))

    # --- alerts, completeness, data quality (ui/alerts_ui.py, ui/dashboard_ui.py; run off the UI thread) ----
    def alerts(self, as_of: dt.date, within_months: int = 6, unit_code: str | None = None,
               kinds: set[str] | None = None, *, overdue_months: int = 12) -> list[Any]:
        """The due events (``app.alerts.Alert``) of ``unit_code``'s subtree (everyone when None)."""
        from app.alerts import compute_alerts

        with self.db.session(self.user) as s:
            if unit_code is not None:
                self._unit(s, unit_code, "view")
            found = compute_alerts(s, as_of, within_months, unit_code, kinds, overdue_months=overdue_months)
            codes = self._scope_codes(s)
        return found if codes is None else [a for a in found if a.unit_code in codes]

    def export_alerts(self, alerts: Sequence[Any], path: str) -> None:
        """``alerts`` (``app.alerts.Alert``, in this order) as an .xlsx file."""
        from app.alerts import export_alerts_xlsx

        require(self.principal, "export", any_unit=True)
        export_alerts_xlsx(alerts, path)
        if self._sees_sensitive():  # the file names each person's Số CCCD
            self._log("export", [a.person_id for a in alerts], f"xuất cảnh báo ra {Path(path).name}")

    def unit_completeness(self, unit_code: str | None = None, *, worst_count: int = 5) -> list[Any]:
        """Per unit of the scope, worst first (``app.dashboard.UnitCompleteness``)."""
        from app.dashboard import unit_completeness

        with self.db.session(self.user) as s:
            if unit_code is not None:
                self._unit(s, unit_code, "view")
            found = unit_completeness(s, unit_code, worst_count=worst_count)
            codes = self._scope_codes(s)
        return found if codes is None else [u for u in found if u.unit_code in codes]

    def person_missing(self, person_id: uuid.UUID) -> Any:
        """One dossier's ratio and missing items (``app.rules.completeness.Completeness``)."""
        from app.dashboard import person_missing

        with self.db.session(self.user) as s:
            return person_missing(s, self._person(s, person_id, "view").id)

    def quality_issues(self, unit_code: str | None = None, as_of: dt.date | None = None) -> list[Any]:
        """The data-quality issues (``app.quality.QualityIssue``) of the scope's dossiers."""
        from app.quality import quality_issues

        with self.db.session(self.user) as s:
            if unit_code is not None:
                self._unit(s, unit_code, "view")
            found = quality_issues(s, unit_code, as_of)
            codes = self._scope_codes(s)
        return found if codes is None else [q for q in found if q.unit_code in codes]
