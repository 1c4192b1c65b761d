"""Backups of the local file (app.backup): by hand and restore (the ``backup`` permission —
administrators), and the automatic copies (daily, at exit) made for whoever is signed in, as a
safety net of the desk rather than an action of the user."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from app import backup
from app.db import open_database
from app.errors import UserError
from app.services.base import Area
from app.services.policy import PUBLIC, policy

BackupInfo = backup.BackupInfo
KEEP = backup.KEEP
default_folder = backup.default_folder  # <data folder>/backups unless the user chose another


class Backup(Area):
    @policy("backup")
    def database_file(self) -> Path:
        """The local file backed up and restored (refused for a database that is not a local file)."""
        return backup.sqlite_file(self._db)

    @policy(PUBLIC)
    def backup_name(self, now: dt.datetime, kind: str = "manual") -> str:
        return backup.backup_name(now, kind)

    @policy("backup")
    def backup_now(self, out: str | Path) -> backup.BackupInfo:
        """A verified copy at ``out`` (a file or a folder), written to the access log."""
        return backup.backup(self._db, out, log_as=self._user)

    @policy("backup")
    def inspect(self, path: str | Path) -> backup.BackupInfo:
        """What a backup file holds (refused when it is not a sound HoSo backup)."""
        return backup.inspect_file(path)

    @policy("backup", write=True)
    def restore(self, path: str | Path) -> backup.RestoreResult:
        """Put the backup in place of the open database, then work on the restored file: the
        services' connections are closed first and the file is opened again afterwards (also when
        the restore is refused, then unchanged)."""
        target = backup.sqlite_file(self._db, "đích")
        try:  # our own connections must go (other threads' work first), or the file is "in use"
            with self._db.closed_for():
                return backup.restore(target, path, log_as=self._user)
        finally:
            self._ctx.db = open_database(target)

    @policy(PUBLIC)
    def is_local(self) -> bool:
        """Whether the database is a local file (automatic copies apply)."""
        return self._db.is_sqlite

    @policy(PUBLIC)
    def change_marker(self) -> int | None:
        """A number that changes whenever the data changed (is a copy at exit needed?)."""
        return backup.change_marker(self._db)

    @policy(PUBLIC, write=True)
    def auto_backup(self, folder: str | Path, kind: str = "exit") -> backup.BackupInfo | None:
        """The automatic copy (rotated, ``KEEP``) for the signed-in user."""
        if not self._db.is_sqlite:
            raise UserError("Sao lưu tự động chỉ dùng cho tệp dữ liệu trên máy.")
        return backup.auto_backup(self._db, folder, kind)

    @policy(PUBLIC, write=True)
    def backup_if_due(self, folder: str | Path) -> backup.BackupInfo | None:
        """The daily automatic copy when today's is not there yet."""
        if not self._db.is_sqlite:
            return None
        return backup.backup_if_due(self._db, folder)


def backup_file(target: str | Path, out: str | Path, *, log_as: str) -> backup.BackupInfo:
    """The command line's ``backup`` on a file it does not open (a broken one too): the file's
    administrator (the local-file rule of app.security.principal) copies it."""
    return backup.backup(target, out, log_as=log_as)


def restore_file(target: str | Path, source: str | Path, *, log_as: str) -> backup.RestoreResult:
    """The command line's ``restore`` of a file it does not open (see ``backup_file``)."""
    return backup.restore(target, source, log_as=log_as)


def inspect_file(path: str | Path) -> backup.BackupInfo:
    return backup.inspect_file(path)


def local_file(target: str | Path) -> Path:
    return backup.sqlite_file(target, "đích")
