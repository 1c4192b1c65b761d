"""Backup and restore of the local SQLite database (CONTRACT.md: ``backup --out F`` / ``restore F``).

``backup(source, out)`` takes a consistent copy while the app runs (SQLite's online backup API:
one read snapshot, WAL content included), verifies the copy and only then gives it its final name
(temporary file → fsync → rename). ``restore(target, source)`` copies and verifies the backup
*before* touching anything, refuses a target another program has open, keeps the current file as
``<name>.before-restore-<stamp>`` and swaps the new one in with one rename. Automatic copies
(``auto_backup`` on exit, ``backup_if_due`` once a day) go to a folder with rotation; manual copies
are never rotated away. Decisions and figures: docs/backup.md and docs/durability.md.

PostgreSQL (the city database) is refused: it is the Department's server, backed up with pg_dump.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import re
import shutil
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from alembic.script import ScriptDirectory
from sqlalchemy.engine import make_url

from app.db import APPLICATION_ID, Database, alembic_config, check_sqlite_file, head_revision, to_url
from app.errors import UserError

logger = logging.getLogger(__name__)

SQLITE_HEADER = b"SQLite format 3\x00"
PREFIX = "hoso"
SUFFIX = ".sqlite"
KINDS = ("manual", "daily", "exit")
# automatic copies kept per kind (the oldest beyond these are deleted); manual copies are all kept
KEEP = {"daily": 7, "exit": 10}
_NAME = re.compile(r"^hoso-(?:(?P<kind>daily|exit)-)?(?P<stamp>\d{8}-\d{6})(?:-\d+)?\.sqlite$")
PG_REFUSAL = ("Sao lưu và khôi phục trong HoSo chỉ dành cho cơ sở dữ liệu SQLite trên máy này. "
              "Cơ sở dữ liệu {what} là PostgreSQL (máy chủ của Sở Nội vụ): hãy sao lưu bằng pg_dump "
              "và khôi phục bằng pg_restore trên máy chủ.")


@dataclass(frozen=True)
class BackupInfo:
    """What a verified backup file holds (read by the restore dialog and ``--json``)."""

    path: Path
    size: int
    created: dt.datetime  # the file's modification time (local time)
    revision: str  # the schema revision (alembic)
    people: int  # dossiers not deleted
    units: int
    schema_status: str  # "current" | "older" (migrated when next opened)

    def as_json(self) -> dict:
        return {"path": str(self.path), "size": self.size, "created": self.created.isoformat(timespec="seconds"),
                "revision": self.revision, "people": self.people, "units": self.units,
                "schema": self.schema_status}


@dataclass(frozen=True)
class RestoreResult:
    database: Path
    previous: Path | None  # the file that was replaced, kept under a new name
    info: BackupInfo

    def as_json(self) -> dict:
        return {"database": str(self.database), "previous": str(self.previous) if self.previous else None,
                "restored_from": str(self.info.path), "revision": self.info.revision, "people": self.info.people,
                "schema": self.info.schema_status}


# --- which file ----------------------------------------------------------------------------------

def sqlite_file(target: Database | str | Path, what: str = "nguồn") -> Path:
    """The SQLite file behind a Database, URL or path; PostgreSQL is refused with a pointer to pg_dump."""
    url = target.url if isinstance(target, Database) else to_url(target)
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        raise UserError(PG_REFUSAL.format(what=what))
    if not parsed.database or parsed.database == ":memory:":
        raise UserError("Cơ sở dữ liệu trong bộ nhớ không sao lưu hay khôi phục được.")
    return Path(parsed.database)


def default_folder() -> Path:
    """Where automatic copies go unless the user chose another folder: <data folder>/backups."""
    from app.paths import data_dir

    return data_dir() / "backups"


def backup_name(now: dt.datetime, kind: str = "manual") -> str:
    middle = "" if kind == "manual" else f"{kind}-"
    return f"{PREFIX}-{middle}{now:%Y%m%d-%H%M%S}{SUFFIX}"


def _free_name(folder: Path, name: str) -> Path:
    path = folder / name
    counter = 2
    while path.exists():
        path = folder / f"{name.removesuffix(SUFFIX)}-{counter}{SUFFIX}"
        counter += 1
    return path


def _resolve_out(out: str | Path, now: dt.datetime, kind: str) -> Path:
    out = Path(out).expanduser()
    if out.is_dir() or str(out).endswith(("/", os.sep)):
        if not out.is_dir():
            raise UserError(f"Thư mục sao lưu {out} không tồn tại.")
        return _free_name(out, backup_name(now, kind))
    if not out.parent.is_dir():
        raise UserError(f"Thư mục {out.parent} (nơi ghi bản sao lưu {out.name}) không tồn tại.")
    return out


# --- the copy ------------------------------------------------------------------------------------

def _fsync_dir(folder: Path) -> None:
    if os.name == "nt":  # directories cannot be opened for fsync on Windows; NTFS journals renames
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _private(path: Path) -> None:
    """Personal data: a copy — and the database a restore puts in place — is readable by its owner
    only (0600), whatever the mode of the file it replaces (docs/personal-data.md)."""
    if os.name == "nt":  # NTFS: the user's profile folder's ACL applies
        return
    os.chmod(path, 0o600)


def _fsync_file(path: Path) -> None:
    with path.open("rb+") as fh:
        os.fsync(fh.fileno())


@contextlib.contextmanager
def _connect(path: Path, *, readonly: bool = False) -> Iterator[sqlite3.Connection]:
    uri = f"file:{path.as_posix()}{'?mode=ro' if readonly else ''}"
    con = sqlite3.connect(uri, uri=True, timeout=10, isolation_level=None)
    try:
        yield con
    finally:
        con.close()


def _check_header(path: Path, role: str) -> None:
    if not path.is_file():
        raise UserError(f"Không tìm thấy {role} {path}.")
    with path.open("rb") as fh:
        header = fh.read(16)
    if header != SQLITE_HEADER:
        raise UserError(f"Tệp {path} không phải là {role} HoSo (không phải tệp SQLite).")


def _copy(source: Path, dest: Path) -> None:
    """One consistent snapshot of ``source`` (its WAL included) into a self-contained ``dest``."""
    try:
        with _connect(source) as src, _connect(dest) as dst:
            src.backup(dst)  # pages=-1: the whole database in one step, under one read snapshot
            dst.execute("PRAGMA journal_mode=DELETE")  # one file, no -wal beside it
    except sqlite3.DatabaseError as exc:
        with contextlib.suppress(OSError):
            dest.unlink()
        raise UserError(f"Không đọc được tệp {source}: tệp bị hỏng hoặc không phải cơ sở dữ liệu ({exc}).") from exc
    _fsync_file(dest)


def _known_revisions() -> set[str]:
    script = ScriptDirectory.from_config(alembic_config(None))  # type: ignore[arg-type]
    return {rev.revision for rev in script.walk_revisions()}


def inspect_file(path: str | Path, *, shown_as: Path | None = None, thorough: bool = True) -> BackupInfo:
    """Verify that ``path`` is a sound HoSo database this program can use, and describe it.

    Refused (UserError naming the file): not SQLite, another program's SQLite, a failed
    integrity check, no schema revision, or a revision newer than this program's. ``thorough``:
    ``integrity_check`` (also cross-checks every index; ~1 s per 65 MB) rather than ``quick_check``
    (~5 times faster; the automatic copies use it)."""
    path = Path(path)
    name = shown_as or path
    _check_header(path, "bản sao lưu")
    try:
        with _connect(path, readonly=True) as con:
            app_id = con.execute("PRAGMA application_id").fetchone()[0]
            if app_id != APPLICATION_ID:
                raise UserError(f"Tệp {name} là cơ sở dữ liệu của chương trình khác, không phải bản sao lưu HoSo.")
            check = "integrity_check" if thorough else "quick_check"
            problems = [r[0] for r in con.execute(f"PRAGMA {check}(20)")]
            if problems != ["ok"]:
                raise UserError(f"Tệp {name} bị hỏng (kiểm tra toàn vẹn: {'; '.join(problems[:3])}).")
            fk = con.execute("PRAGMA foreign_key_check").fetchmany(3)
            if fk:
                raise UserError(f"Tệp {name} bị hỏng: {len(fk)}+ dòng tham chiếu tới dữ liệu không còn (bảng {fk[0][0]}).")
            try:
                revision = con.execute("SELECT version_num FROM alembic_version").fetchone()
            except sqlite3.DatabaseError:
                revision = None
            if not revision:
                raise UserError(f"Tệp {name} không có phiên bản cấu trúc dữ liệu HoSo.")
            revision = revision[0]
            if revision not in _known_revisions():
                raise UserError(f"Tệp {name} được tạo bởi phiên bản HoSo mới hơn (cấu trúc {revision}); "
                                "hãy cập nhật HoSo trước khi khôi phục.")
            people = con.execute("SELECT count(*) FROM persons WHERE deleted_at IS NULL").fetchone()[0]
            units = con.execute("SELECT count(*) FROM units").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise UserError(f"Tệp {name} bị hỏng hoặc không phải bản sao lưu HoSo: {exc}") from exc
    facts = path.stat()
    status = "current" if revision == head_revision() else "older"
    return BackupInfo(Path(name), facts.st_size, dt.datetime.fromtimestamp(facts.st_mtime), revision, people, units,
                      status)


def record(path: Path, by: str, action: str, detail: str) -> None:
    """One access-log entry written straight into the file (a copy of every dossier is processing of
    personal data: docs/personal-data.md). A file whose schema predates the access log is left as is."""
    from app.security.chain import append_sqlite

    try:
        with _connect(path) as con:
            con.execute("PRAGMA busy_timeout=5000")
            append_sqlite(con, "access_log", {"at": dt.datetime.now(dt.UTC), "by": by[:80], "action": action,
                                              "detail": detail})
    except sqlite3.DatabaseError as exc:
        logger.warning("Không ghi được nhật ký vào %s: %s", path, exc)


def backup(source: Database | str | Path, out: str | Path, *, kind: str = "manual",
           now: dt.datetime | None = None, log_as: str | None = None, thorough: bool = True) -> BackupInfo:
    """A verified, consistent copy of ``source`` at ``out`` (a file, or a folder → timestamped name).

    Safe while the app runs; the copy is written under a temporary name and renamed only when it
    passed the checks of ``inspect_file``, so ``out`` is never a half-written file. With ``log_as``
    the copy is written to the source's access log under that user name."""
    now = now or dt.datetime.now()
    path = sqlite_file(source, "nguồn")
    _check_header(path, "cơ sở dữ liệu")
    check_sqlite_file(path)  # another program's SQLite file is not ours to copy
    final = _resolve_out(out, now, kind)
    if final.resolve() == path.resolve():
        raise UserError(f"Không thể sao lưu {path} đè lên chính nó.")
    tmp = final.with_name(f".{final.name}.{os.getpid()}.tmp")
    try:
        _copy(path, tmp)
        _private(tmp)
        info = inspect_file(tmp, shown_as=final, thorough=thorough)
        os.replace(tmp, final)
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()
    _fsync_dir(final.parent)
    logger.info("Đã sao lưu %s → %s", path, final)
    if log_as:
        record(path, log_as, "export", f"sao lưu toàn bộ cơ sở dữ liệu ra {final}")
    return info


# --- automatic copies ----------------------------------------------------------------------------

@dataclass(frozen=True)
class BackupFile:
    path: Path
    kind: str
    stamp: dt.datetime


def list_backups(folder: str | Path) -> list[BackupFile]:
    """HoSo's backup files in ``folder`` (by their names), newest first."""
    folder = Path(folder)
    found = []
    if folder.is_dir():
        for path in folder.iterdir():
            match = _NAME.match(path.name)
            if match and path.is_file():
                stamp = dt.datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S")
                found.append(BackupFile(path, match["kind"] or "manual", stamp))
    return sorted(found, key=lambda b: (b.stamp, b.path.name), reverse=True)


def rotate(folder: str | Path, kind: str, keep: int | None = None) -> list[Path]:
    """Delete the oldest automatic copies of ``kind`` beyond ``keep``; manual copies are never deleted."""
    if kind not in KEEP:
        return []
    keep = KEEP[kind] if keep is None else keep
    removed = []
    for old in [b for b in list_backups(folder) if b.kind == kind][keep:]:
        with contextlib.suppress(OSError):
            old.path.unlink()
            removed.append(old.path)
    return removed


def auto_backup(source: Database | str | Path, folder: str | Path | None = None, kind: str = "exit",
                now: dt.datetime | None = None) -> BackupInfo:
    """An automatic copy of ``kind`` ("daily" or "exit") into ``folder`` (created), then rotation."""
    from app.paths import private_dir

    folder = Path(folder) if folder else default_folder()
    try:
        private_dir(folder, ours=folder == default_folder())
    except OSError as exc:
        raise UserError(f"Không tạo được thư mục sao lưu {folder}: {exc}") from exc
    info = backup(source, folder, kind=kind, now=now, thorough=False)
    rotate(folder, kind)
    return info


def backup_if_due(source: Database | str | Path, folder: str | Path | None = None,
                  now: dt.datetime | None = None) -> BackupInfo | None:
    """The daily copy: made when ``folder`` has no daily copy dated today (None otherwise)."""
    now = now or dt.datetime.now()
    folder = Path(folder) if folder else default_folder()
    if any(b.kind == "daily" and b.stamp.date() == now.date() for b in list_backups(folder)):
        return None
    return auto_backup(source, folder, "daily", now)


# --- restore -------------------------------------------------------------------------------------

def _take_over(target: Path) -> dict[str, Path]:
    """Fold the target's WAL into the file and make sure nobody else has it open.

    Leaving WAL mode needs the only connection to the file, so a HoSo (or another program) still
    using the database makes this fail, and the restore is refused before anything changed. A file
    too broken to open keeps its WAL and journal as they were: copies of them are returned (side →
    copy) for the caller to put next to the kept file, since SQLite may delete them on closing."""
    kept: dict[str, Path] = {}
    for side in ("-wal", "-journal"):
        leftover = target.with_name(target.name + side)
        if leftover.exists():
            kept[side] = leftover.with_name(f".{leftover.name}.{os.getpid()}.keep")
            shutil.copy2(leftover, kept[side])
    try:
        with _connect(target) as con:
            con.execute("PRAGMA busy_timeout=2000")
            con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            mode = con.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
    except sqlite3.OperationalError as exc:
        mode = str(exc)
    except sqlite3.DatabaseError:
        return kept  # a broken current file: kept as it is (with its WAL) under its new name
    for copy in kept.values():
        copy.unlink()
    if mode != "delete":
        raise UserError(f"Cơ sở dữ liệu {target} đang được mở ở nơi khác (một cửa sổ HoSo hay một lệnh khác); "
                        "hãy đóng nó rồi khôi phục lại.")
    return {}


def restore(target: Database | str | Path, source: str | Path, *, now: dt.datetime | None = None,
            log_as: str | None = None) -> RestoreResult:
    """Put the backup ``source`` in place of the database ``target``, after verifying it.

    Order: copy the backup next to the target and verify the copy (nothing touched yet) → make sure
    no one has the target open and fold its WAL in → keep the current file as
    ``<name>.before-restore-<stamp>`` → rename the verified copy onto the target (one atomic step)
    → check the result. A Database passed as ``target`` must have been disposed by the caller.
    With ``log_as`` the restore is written to the restored file's access log under that name."""
    now = now or dt.datetime.now()
    path = sqlite_file(target, "đích")
    source = Path(source).expanduser()
    _check_header(source, "bản sao lưu")
    if path.exists() and source.resolve() == path.resolve():
        raise UserError(f"Tệp {source} chính là cơ sở dữ liệu đang dùng; hãy chọn một bản sao lưu.")
    if not path.parent.is_dir():
        raise UserError(f"Thư mục {path.parent} (nơi đặt cơ sở dữ liệu) không tồn tại.")
    staged = path.with_name(f".{path.name}.restore-{os.getpid()}.tmp")
    previous: Path | None = None
    kept: dict[str, Path] = {}
    try:
        _copy(source, staged)
        _private(staged)
        info = inspect_file(staged, shown_as=source)
        if path.exists():
            kept = _take_over(path)
            previous = _free_name(path.parent, f"{path.name}.before-restore-{now:%Y%m%d-%H%M%S}")
            try:
                os.link(path, previous)  # the old file keeps existing under its new name...
            except OSError:
                shutil.copy2(path, previous)
            _private(previous)  # the file it replaces holds the same personal data
            for side, copy in kept.items():  # ...with the WAL of a file too broken to fold it in
                os.replace(copy, previous.with_name(previous.name + side))
        for side in ("-wal", "-shm", "-journal"):  # no leftover of the old file may meet the new one
            with contextlib.suppress(FileNotFoundError):
                path.with_name(path.name + side).unlink()
        os.replace(staged, path)  # ...while the name points at the verified copy in one step
        _fsync_dir(path.parent)
    finally:
        for leftover in (staged, *kept.values()):
            with contextlib.suppress(OSError):
                leftover.unlink()
    with _connect(path) as con:
        if con.execute("PRAGMA quick_check").fetchone()[0] != "ok":  # pragma: no cover - disk failure
            raise UserError(f"Khôi phục xong nhưng tệp {path} không đọc lại được; tệp cũ vẫn còn ở {previous}.")
    logger.info("Đã khôi phục %s từ %s (tệp cũ giữ ở %s)", path, source, previous)
    if log_as:
        record(path, log_as, "restore", f"khôi phục cơ sở dữ liệu từ bản sao lưu {source}"
                                        + (f"; tệp trước đó giữ ở {previous}" if previous else ""))
    return RestoreResult(path, previous, info)


def change_marker(source: Database | str | Path) -> int | None:
    """The newest change-log entry of a SQLite database (None for PostgreSQL or an empty log): the
    desktop compares it at exit with the value at start to skip the exit copy when nothing changed."""
    try:
        path = sqlite_file(source)
        with _connect(path, readonly=True) as con:
            return con.execute("SELECT max(id) FROM change_log").fetchone()[0]
    except (UserError, sqlite3.DatabaseError):
        return None
