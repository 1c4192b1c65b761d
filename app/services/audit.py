"""The audit log (administrators): change log, access log and approvals merged."""

from __future__ import annotations

import dataclasses
import uuid
from pathlib import Path
from typing import Any

from app.security import access, chain
from app.security.permissions import require
from app.services.base import Area
from app.services.policy import PUBLIC, policy


class Audit(Area):
    @policy("view_audit")
    def verify(self) -> chain.Report:
        """``audit verify``: the whole hash chain of the change and access logs."""
        return chain.verify_database(self._db, self.principal)

    @policy(PUBLIC, write=True)
    def startup_warning(self) -> str | None:
        """The check at start (local file): the warning the administrator must see when the logs
        were changed outside HoSo (None for anyone else, or when all is well)."""
        return chain.startup_warning(self._db, self.principal)

    @policy("view_audit", mask="audit_page")
    def audit_log(self, flt: access.AuditFilter | None = None, offset: int = 0, limit: int | None = 200, *,
                  person_key: str | None = None) -> access.AuditPage:
        """Change log, access log and approvals merged, newest first (administrators only);
        ``person_key`` (a CCCD or id, deleted dossiers too) limits it to one dossier."""
        with self._session() as s:
            return access.browse(s, self._filter(s, flt, person_key), offset=offset, limit=limit)

    def _filter(self, s: Any, flt: access.AuditFilter | None, person_key: str | None) -> access.AuditFilter:
        flt = flt or access.AuditFilter()
        if person_key:
            flt = dataclasses.replace(flt, person_id=self._person(s, person_key, "view", include_deleted=True).id)
        return flt

    @policy("view_audit")
    def export_audit(self, flt: access.AuditFilter | None, path: str | Path, *, person_key: str | None = None) -> int:
        with self._session() as s:
            count = access.export_xlsx(s, self._filter(s, flt, person_key), path)
            access.log(s, self.principal.username, "export", detail=f"xuất nhật ký ({count} dòng) ra {Path(path).name}")
            return count

    @policy("view_audit", scope="person+deleted", mask="audit_entries")
    def person_audit(self, key: str | uuid.UUID) -> list[access.AuditEntry]:
        """Everything done to one dossier, oldest first: the person's audit tab (administrators)."""
        with self._session() as s:
            person = self._person(s, key, "view", include_deleted=True)
            require(self.principal, "view_audit")
            return access.browse(s, access.AuditFilter(person_id=person.id), limit=None, newest_first=False).entries

