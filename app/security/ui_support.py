"""Thin, Qt-free helpers for the desktop's sign-in and trust screens (ui/login.py, ui/security_ui.py).

The UI never opens a session: what it needs beyond ``HoSoService`` is here.
"""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import select
from sqlalchemy.engine import make_url

from app.db import Database
from app.security.principal import Principal, for_cli

#: the actions the main window's entries need (``HoSoService.can``); an entry whose action is
#: refused is hidden — only a convenience: the service refuses anyway.
ACTION_PERMISSIONS: dict[str, tuple[str, ...]] = {
    "demo_action": ("manage_units", "import"),
    "new_action": ("edit",),
    "transfer_action": ("edit",),
    "delete_action": ("delete",),
    "restore_action": ("delete",),
    "add_unit_action": ("manage_units",),
    "rename_unit_action": ("manage_units",),
    "move_unit_action": ("manage_units",),
    "deactivate_unit_action": ("manage_units",),
    "print_profile_action": ("print",),
    "print_unit_profiles_action": ("print",),
    "print_list_action": ("print",),
    "print_stats_action": ("print",),
    "import_spreadsheet_action": ("import",),
    "export_list_action": ("export",),
    "review_current_action": ("approve",),
    "show_pending_action": ("approve",),
    "show_sync_action": ("sync",),
    "export_package_action": ("package",),
    "import_package_action": ("package",),
    "backup_now_action": ("backup",),
    "restore_backup_action": ("backup",),
    "backup_folder_action": ("backup",),
    "manage_users_action": ("manage_users",),
    "show_audit_log_action": ("view_audit",),
    "issue_for_person_action": ("edit",),
    "issue_for_unit_action": ("edit",),
    "review_returned_action": ("edit",),
    "data_requests_action": ("edit", "export"),
}


def is_local_file(db: Database) -> bool:
    return make_url(db.url).get_backend_name() == "sqlite"


def desktop_principal(db: Database) -> Principal | None:
    """Who the desktop app runs as without a sign-in dialog: on PostgreSQL (the city database) the
    account of the URL (``for_cli``); None on a local file, where the user signs in."""
    if is_local_file(db):
        return None
    return for_cli(db)


def approved_at(db: Database, person_id: uuid.UUID | str) -> dt.datetime | None:
    """When the dossier's last approved version was made (the approved snapshot kept while a
    clerk's change waits), None when there is no snapshot. The review dialog lists the changes
    after it; the caller has already been allowed to view the dossier."""
    from models.security import ApprovedSnapshot

    with db.session() as session:
        value = session.scalar(select(ApprovedSnapshot.approved_at).where(ApprovedSnapshot.person_id == uuid.UUID(str(person_id))))
    if value is None:
        return None
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)
