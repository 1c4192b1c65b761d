"""The dossiers: the list, search, one dossier, its history, photo and files, and saving."""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import attachments, entry, listing, people, units
from app.errors import UserError
from app.history import Change, person_history
from app.person_json import person_json
from app.search import SearchHit, search
from app.security import sensitive
from app.security.permissions import require
from app.services.base import Area
from app.services.masks import history as mask_history
from app.services.policy import PUBLIC, note_access, policy
from models import Attachment, Person, Unit

# the list's filters and sorts that read a sensitive field (``listing.PersonFilter``/``SORTABLE``)
SENSITIVE_FILTERS = {"party_member": "party_join_date"}
SENSITIVE_SORTS = {"cccd": "cccd", "party_join_date": "party_join_date"}
OUTSIDE_NAME = "một người ở đơn vị khác"  # cccd_owner of a dossier outside the principal's units


@dataclass(frozen=True)
class Overview:
    database: str
    people: int
    units: int


class People(Area):
    # --- the list --------------------------------------------------------------------------------
    def _list_filter(self, flt: listing.PersonFilter, sort: str | None) -> listing.PersonFilter:
        """The filter as this role may use it: limited to its units; a filter or sort on a field the
        role may not see refused; a search by CCCD only by the whole number."""
        hidden = sensitive.hidden_fields(self.principal.role)
        for name, field in SENSITIVE_FILTERS.items():
            if field in hidden and getattr(flt, name) is not None:
                raise UserError("Tài khoản của bạn không được lọc theo thông tin nhạy cảm (đảng viên).")
        if sort in SENSITIVE_SORTS and SENSITIVE_SORTS[sort] in hidden:
            raise UserError("Tài khoản của bạn không được sắp xếp theo thông tin nhạy cảm.")
        if "cccd" in hidden and not flt.exact_cccd_only:
            flt = dataclasses.replace(flt, exact_cccd_only=True)
        return self._scoped(flt)

    @policy(PUBLIC)
    def filters_allowed(self) -> dict[str, bool]:
        """Which sensitive filters and sorts the list may offer this role (the rest are refused)."""
        hidden = sensitive.hidden_fields(self.principal.role)
        return {name: field not in hidden for name, field in {**SENSITIVE_FILTERS, **SENSITIVE_SORTS}.items()}

    @policy("view", scope="query")
    def overview(self) -> Overview:
        with self._read() as s:
            self._fresh_scope(s)
            stmt = select(func.count()).select_from(Person).where(Person.deleted_at.is_(None))
            if self.principal.unit_ids is not None:
                stmt = stmt.where(Person.unit_id.in_(self.principal.unit_ids))
            count = s.scalar(stmt) or 0
            return Overview(self._db.url, count, len(units.list_units(s)))

    @policy("view", scope="query")
    def person_ids(self, flt: listing.PersonFilter, sort: str | None = None, descending: bool = False
                   ) -> list[uuid.UUID]:
        with self._read() as s:
            self._fresh_scope(s)
            return listing.list_ids(s, self._list_filter(flt, sort), sort, descending)

    @policy("view", scope="query")
    def person_keys(self, flt: listing.PersonFilter, sort: str | None = None, descending: bool = False) -> list[str]:
        """The list as hex keys (cheap for 100,000 people); see ``listing.list_keys``."""
        with self._read() as s:
            self._fresh_scope(s)
            return listing.list_keys(s, self._list_filter(flt, sort), sort, descending)

    @policy("view", scope="query")
    def person_page(self, flt: listing.PersonFilter, sort: str | None = None, descending: bool = False, *,
                    count: bool = True, size: int = listing.PAGE_SIZE,
                    cancelled: Callable[[], bool] | None = None) -> listing.ListPage:
        """The list's first ``size`` keys (and its count), without reading the rest; see ``listing.list_page``.
        ``cancelled()`` true stops the query running (``listing.Superseded``: a newer keystroke)."""
        with self._read() as s:
            self._fresh_scope(s)
            with listing.stoppable(s, cancelled):
                return listing.list_page(s, self._list_filter(flt, sort), sort, descending, count=count, size=size)

    @policy("view", scope="query")
    def person_count(self, flt: listing.PersonFilter, *, cancelled: Callable[[], bool] | None = None) -> int:
        """How many people the list ``flt`` holds (the principal's units only); ``cancelled`` as above."""
        with self._read() as s:
            self._fresh_scope(s)
            with listing.stoppable(s, cancelled):
                return listing.count_people(s, self._list_filter(flt, None))

    @policy("view", scope="query", mask="rows")
    def person_rows(self, ids: Sequence[uuid.UUID | str]) -> list[listing.PersonRow]:
        """Display rows (out-of-scope ids left out; sensitive columns masked for the role)."""
        with self._read() as s:
            rows = listing.fetch_rows(s, ids)
            if self.principal.unit_ids is not None:
                inside = set(self._inside(s, [r.id for r in rows]))
                rows = [r for r in rows if r.id in inside]
        return rows

    @policy("view", scope="query", mask="cccd")
    def search(self, query: str, *, limit: int | None = 50, unit_code: str | None = None) -> list[SearchHit]:
        """Ranked search (the command line's ``search``): the principal's units only; a role that
        sees a masked CCCD finds a person by the whole number only."""
        exact = "cccd" in sensitive.hidden_fields(self.principal.role)
        with self._read() as s:
            self._fresh_scope(s)
            if unit_code is not None:
                self._unit(s, unit_code, "view")
            if self.principal.unit_ids is None:
                return search(s, query, limit=limit, unit_code=unit_code, exact_cccd_only=exact)
            hits = search(s, query, limit=None, unit_code=unit_code, exact_cccd_only=exact)
            inside = set(self._inside(s, [h.id for h in hits]))
            hits = [h for h in hits if h.id in inside]
            return hits if limit is None else hits[:limit]

    # --- one dossier ---------------------------------------------------------------------------------
    @policy("view", scope="person", mask="person", log="view")
    def person(self, key: str | uuid.UUID) -> dict[str, Any]:
        """The whole dossier as the Person JSON (ids on every section row), plus ``review_state``
        and ``masked_fields`` (the keys masked for this role: show them read-only). Showing
        sensitive data is written to the access log."""
        with self._read() as s:
            person = self._person(s, key, "view")
            doc = person_json(s, person.id)
            doc["review_state"] = person.review_state
        return doc

    @policy("view", scope="person+deleted", log="view")
    def history(self, key: str | uuid.UUID) -> list[Change]:
        """The person's change history (the contract's ``history``); values of fields this role may
        not see are masked; showing sensitive values is logged."""
        with self._read() as s:
            person = self._person(s, key, "view", include_deleted=True)
            changes = person_history(s, str(person.id))
        out, shown_sensitive = mask_history(changes, self.principal)
        if shown_sensitive:
            note_access([person.id], "xem lịch sử thay đổi")
        return out

    @policy("edit", scope="query")
    def cccd_owner(self, number: str, exclude: uuid.UUID | None = None) -> entry.CccdOwner | None:
        """Who already has this CCCD, for those who enter data: duplicates are refused in every unit,
        so a number held outside the principal's units is reported too — by its unit only (no name,
        no birth date: that dossier is not theirs to see)."""
        with self._read() as s:
            owner = entry.cccd_owner(s, number, exclude)
            if owner is None or self.principal.unit_ids is None or self._inside(s, [owner.id]):
                return owner
        return dataclasses.replace(owner, full_name=OUTSIDE_NAME, birth_date=dt.date.min)

    @policy("edit", scope="unit")
    def common_values(self, unit_code: str) -> dict[str, Any]:
        with self._read() as s:
            return entry.common_values(s, unit_code)

    @policy("view", scope="person+deleted")
    def photo(self, person_id: uuid.UUID) -> bytes | None:
        with self._read() as s:
            return attachments.photo(s, self._person(s, person_id, "view", include_deleted=True).id)

    @policy("view", scope="query")
    def attachment_content(self, attachment_id: uuid.UUID) -> bytes:
        with self._read() as s:
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

    def _check_sensitive_edit(self, s: Session, person_id: uuid.UUID | None, data: dict[str, Any]) -> dict[str, Any]:
        if sensitive.edits_all(self.principal.role):
            return data
        current = person_json(s, person_id) if person_id is not None else {}
        return sensitive.refuse_hidden_edits(data, self.principal.role, current)

    @policy("edit", write=True)
    def create_person(self, data: dict[str, Any]) -> people.SaveResult:
        with self._session(write=True) as s:
            return people.create_person(s, self._check_create(s, data))

    @policy("edit", scope="person", write=True)
    def update_person(self, key: str | uuid.UUID, data: dict[str, Any], expected_version: int | None = None
                      ) -> people.SaveResult:
        with self._session(write=True) as s:
            data = self._check_update(s, key, data)
            return people.update_person(s, str(key), data, expected_version=expected_version)

    @policy("edit", write=True)
    def save_person(self, key: str | uuid.UUID | None, data: dict[str, Any], *, expected_version: int | None = None,
                    photo: tuple[str, bytes] | None = None, remove_photo: bool = False,
                    new_documents: Sequence[tuple[str, bytes, str | None]] = (),
                    removed_documents: Sequence[uuid.UUID] = ()) -> people.SaveResult:
        """The editor's Save: fields, sections, photo and attachments in ONE transaction. A clerk's
        save leaves the dossier submitted for approval. (The dossier's unit is checked in the
        transaction: ``key`` is None for a new dossier.)"""
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

    @policy("delete", scope="person", write=True)
    def delete_person(self, key: str | uuid.UUID) -> None:
        with self._session(write=True) as s:
            self._person(s, key, "delete")
            people.delete_person(s, str(key))

    @policy("delete", scope="person+deleted", write=True)
    def restore_person(self, key: str | uuid.UUID) -> None:
        with self._session(write=True) as s:
            self._person(s, key, "delete", include_deleted=True)
            people.restore_person(s, str(key))

    @policy("edit", scope="person", write=True)
    def transfer_person(self, key: str | uuid.UUID, unit_code: str, on: dt.date, *, decision_number: str | None = None,
                        position: str | None = None, kind: str = "transfer") -> None:
        with self._session(write=True) as s:
            self._person(s, key, "edit")
            self._unit(s, unit_code, "edit")
            entry.transfer_person(s, str(key), unit_code, on, decision_number=decision_number, position=position,
                                  kind=kind)

    @policy(PUBLIC)
    def refresh_units(self) -> None:
        """Expand the principal's units again (their sub-units) when the unit tree changed since:
        done by ``units.add_unit``/``move_unit`` and by every list load (``person_ids``,
        ``person_keys``, ``overview``, ``pending_reviews``), so a unit added or moved by an
        administrator elsewhere counts from the user's next list refresh."""
        if self.principal.unit_roots is not None:
            with self._read() as s:
                self._fresh_scope(s)
