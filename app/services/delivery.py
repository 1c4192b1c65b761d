"""Delivery: the sync to the city database, signed packages and trusted keys (app.city.sync,
app.package). Every action needs the ``sync`` or ``package`` permission of the principal — the
windows and the command line reach these modules only through here."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from app import compliance
from app.city import conflicts as city_conflicts
from app.city import sync as city_sync
from app.package import build, importer, keys, trust
from app.services.base import Area
from app.services.policy import policy
from app.units import get_unit

# what the windows show (plain data and a formatter), named here so they need not import app.package
DialogState = city_sync.DialogState
SyncSummary = city_sync.SyncSummary
Pending = compliance.Pending
ExportResult = build.ExportResult
ImportSummary = importer.ImportSummary
PackageInfo = importer.PackageInfo
KeyCandidate = trust.KeyCandidate
IdentityConflict = city_conflicts.IdentityConflict
spaced = keys.spaced


class Delivery(Area):
    # --- the sync (a unit's desk → the city database) ---------------------------------------------
    @policy("sync")
    def sync_state(self, url: str | None = None) -> city_sync.DialogState:
        """The sync dialog's and status bar's state: the last sync, what is pending, the deadline."""
        return city_sync.dialog_state(self._db, url)

    @policy("sync")
    def pending_changes(self, url: str | None = None, limit: int | None = 500) -> tuple[int, list[Pending]]:
        """The dossiers not yet at the city, earliest deadline first, each with its deadline, the kind
        of change and its legal basis (NĐ 27/2026): how many in all, and the first ``limit``."""
        with self._read() as s:
            pending = compliance.pending_changes(s, url)
        return len(pending), pending[:limit] if limit is not None else pending

    @policy("sync", write=True)
    def sync(self, url: str, user: str, password: str, *, remember: bool,
             progress: Callable[[int, int], None] | None = None, cancel: Callable[[], bool] | None = None
             ) -> city_sync.SyncSummary:
        """Send the approved dossiers not yet at the city (credentials remembered or forgotten as asked)."""
        return city_sync.run_from_dialog(self._db, url, user, password, remember=remember, progress=progress,
                                         cancel=cancel, by=self._user, principal=self.principal)

    # --- packages -----------------------------------------------------------------------------
    # --- the Department at the city database ---------------------------------------------------------
    @policy("view_audit")
    def identity_conflicts(self, limit: int | None = 1000) -> list[city_conflicts.IdentityConflict]:
        """The city's list of identity conflicts (CCCDs or ids a unit tried to take that another unit
        holds), newest first: the Department's work list (city database only)."""
        return city_conflicts.identity_conflicts(self._db, limit=limit)

    @policy("package")
    def default_signer(self) -> str | None:
        """The unit that signs this database's packages by default (its own unit, when set)."""
        return build.default_signer(self._db)

    @policy("package")
    def public_key(self, unit_code: str | None = None) -> keys.PublicKeyInfo:
        """The signing unit's public key (made on first use); ``unit_code`` None: the own unit."""
        with self._read() as s:
            code = keys.signing_unit(s, unit_code)
            unit = get_unit(s, code)
            return keys.public_key_info(unit.code, unit.name)

    @policy("package")
    def key_file(self, unit_code: str) -> Path:
        """Where the unit's private signing key is kept (0600)."""
        return keys.key_path(unit_code)

    @policy("package")
    def write_public_key(self, path: str | Path, info: keys.PublicKeyInfo) -> None:
        keys.write_public_key(Path(path), info)

    @policy("package")
    def save_public_key(self, unit_code: str, path: str | Path) -> keys.PublicKeyInfo:
        """The unit's public key written to ``path`` (to send to the Department)."""
        return keys.save_public_key(self._db, unit_code, Path(path))

    @policy("package")
    def own_unit(self) -> str | None:
        with self._read() as s:
            return keys.own_unit(s)

    @policy("package", write=True)
    def set_own_unit(self, code: str) -> str | None:
        with self._session(write=True) as s:
            keys.set_own_unit(s, code)
            return keys.own_unit(s)

    @policy("package")
    def export_package(self, path: str | Path, unit_code: str | None = None, *,
                       progress: Callable[[int, int], None] | None = None,
                       cancelled: Callable[[], bool] | None = None) -> build.ExportResult:
        """The signed package of the unit's approved dossiers."""
        return build.export_package(self._db, Path(path), unit_code, user=self._ctx.user, progress=progress,
                                    cancelled=cancelled, principal=self.principal)

    @policy("package")
    def inspect_package(self, path: str | Path) -> importer.PackageInfo:
        """Verify a package (signature, trusted key) and say what it holds; nothing is written."""
        return importer.inspect_package(self._db, Path(path), user=self._ctx.user, principal=self.principal)

    @policy("package", write=True)
    def import_package(self, path: str | Path) -> importer.ImportSummary:
        """(Department) verify and import a package in one transaction."""
        return importer.import_package(self._db, Path(path), user=self._ctx.user, principal=self.principal)

    # --- trusted keys (the Department) ------------------------------------------------------------
    @policy("package")
    def trusted_keys(self) -> list[Any]:
        return trust.list_keys(self._db, user=self._ctx.user, principal=self.principal)

    @policy("package")
    def read_key_candidate(self, path: str | Path) -> trust.KeyCandidate:
        return trust.read_candidate(self._db, Path(path), user=self._ctx.user, principal=self.principal)

    @policy("package")
    def read_public_key(self, path: str | Path) -> keys.PublicKeyInfo:
        return keys.read_public_key(Path(path))

    @policy("package", write=True)
    def trust_key(self, info: keys.PublicKeyInfo) -> bool:
        return trust.trust(self._db, info, user=self._ctx.user, principal=self.principal)

    @policy("package", write=True)
    def untrust_key(self, fingerprint: str) -> str:
        return trust.untrust(self._db, fingerprint, user=self._ctx.user, principal=self.principal)
