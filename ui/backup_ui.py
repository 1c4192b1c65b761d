"""Công cụ → Sao lưu dữ liệu… / Khôi phục từ bản sao lưu…, and the automatic copies.

``install(window)`` (called by the main window) adds Công cụ → Thư mục sao lưu tự động…, makes the
daily copy a little after the start (on a worker, once a day) and a copy when the window closes if
anything was changed during the session; both rotate (``KEEP``). The work is the services' backup
area (``service.backup``: backups by hand and restores need the ``backup`` permission); this module
only asks and shows.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QMessageBox, QWidget

from app.errors import UserError
from app.services.backup import KEEP, BackupInfo, default_folder
from ui import file_dialogs, open_editors, settings
from ui.background import run_in_background
from ui.dialogs import confirm, show_error

logger = logging.getLogger(__name__)

FOLDER = settings.Setting("backup/folder", "", str)  # "" = <data folder>/backups
AUTOMATIC = settings.Setting("backup/automatic", True, bool)
DAILY_DELAY_MS = 20_000  # after the list and the alert count have settled
FILE_FILTER = "HoSo (*.sqlite *.bak);;*"


def tr(text: str) -> str:
    # module-level tr(): pyside6-lupdate files these strings under the empty context
    return QCoreApplication.translate("", text)


def backup_folder() -> Path:
    chosen = settings.get(FOLDER)
    return Path(chosen) if chosen else default_folder()


def _database_file(window) -> Path | None:  # noqa: ANN001 - MainWindow
    """The local file to back up or restore, once the user may (administrators)."""
    try:
        return window.service.backup.database_file()
    except UserError as exc:
        show_error(window, str(exc))
        return None


# --- Sao lưu dữ liệu… -----------------------------------------------------------------------------

def backup_now(window) -> None:  # noqa: ANN001 - MainWindow
    if _database_file(window) is None:
        return
    folder = backup_folder()
    folder.mkdir(parents=True, exist_ok=True)
    suggested = folder / window.service.backup.backup_name(dt.datetime.now())
    path = file_dialogs.save_file(window, tr("Sao lưu dữ liệu"), suggested.name, FILE_FILTER, folder)
    if not path:
        return
    backups = window.service.backup
    run_in_background(window, tr("Đang sao lưu dữ liệu…"), lambda _report, _cancelled: backups.backup_now(path),
                      lambda info: _backed_up(window, info), lambda exc: show_error(window, str(exc)),
                      cancellable=False)


def _backed_up(window: QWidget, info: BackupInfo) -> None:
    QMessageBox.information(window, "HoSo", tr("Đã sao lưu {people} hồ sơ vào {path}.").format(
        people=info.people, path=info.path))


# --- Khôi phục từ bản sao lưu… --------------------------------------------------------------------

def restore_backup(window) -> None:  # noqa: ANN001 - MainWindow
    target = _database_file(window)
    if target is None:
        return
    if open_editors.editor_widgets():
        show_error(window, tr("Hãy lưu và đóng các cửa sổ hồ sơ đang mở trước khi khôi phục."))
        return
    path = file_dialogs.open_file(window, tr("Khôi phục từ bản sao lưu"), FILE_FILTER, backup_folder())
    if not path:
        return
    backups = window.service.backup
    run_in_background(window, tr("Đang kiểm tra bản sao lưu…"), lambda _r, _c: backups.inspect(path),
                      lambda info: _confirm_restore(window, target, info), lambda exc: show_error(window, str(exc)),
                      cancellable=False)


def describe(info: BackupInfo) -> str:
    schema = (tr("như phiên bản đang dùng") if info.schema_status == "current"
              else tr("cũ hơn, sẽ được nâng cấp khi mở"))
    return tr("Bản sao lưu: {path}\nLưu lúc: {created}\nSố hồ sơ: {people}\nSố đơn vị: {units}\n"
              "Cấu trúc dữ liệu: {revision} ({schema})").format(
        path=info.path, created=f"{info.created:%d/%m/%Y %H:%M}", people=info.people, units=info.units,
        revision=info.revision, schema=schema)


def _confirm_restore(window, target: Path, info: BackupInfo) -> None:  # noqa: ANN001 - MainWindow
    question = describe(info) + "\n\n" + tr(
        "Thay toàn bộ dữ liệu đang dùng ({target}) bằng bản sao lưu này? Dữ liệu hiện tại không bị xoá: "
        "tệp được giữ lại bên cạnh với tên …before-restore-….").format(target=target)
    if not confirm(window, question, tr("Khôi phục")):
        return
    backups = window.service.backup

    def work(_report, _cancelled):  # noqa: ANN001, ANN202
        try:  # the services close their connections, restore, and open the file again
            return backups.restore(info.path)
        except UserError as exc:  # refused: nothing changed, the same file is opened again
            return exc

    def done(outcome) -> None:  # noqa: ANN001
        _switched(window)
        if isinstance(outcome, UserError):
            show_error(window, str(outcome))
            return
        kept = tr("Tệp cũ được giữ ở {path}.").format(path=outcome.previous) if outcome.previous else ""
        QMessageBox.information(window, "HoSo", tr("Đã khôi phục {people} hồ sơ từ {path}. {kept}").format(
            people=info.people, path=info.path, kept=kept).strip())

    run_in_background(window, tr("Đang khôi phục dữ liệu…"), work, done, lambda exc: show_error(window, str(exc)),
                      cancellable=False)


def _switched(window) -> None:  # noqa: ANN001 - MainWindow
    """After a restore (or a refused one): the data shown is read again."""
    state = _state(window)
    if state is not None:
        state.marker = window.service.backup.change_marker()
    window.events.units_changed.emit()
    window.events.people_changed.emit([])


# --- automatic copies -----------------------------------------------------------------------------

class _AutoBackup(QObject):
    """On the window: the exit copy (event filter on Close) and the daily copy (timer)."""

    def __init__(self, window: QWidget):
        super().__init__(window)
        self.setObjectName("auto_backup")
        self.window = window
        self.marker = window.service.backup.change_marker()
        self.done_at_exit = False
        self.exit_job: threading.Thread | None = None
        self.exit_result: BackupInfo | None = None
        self.exit_error: str | None = None
        window.installEventFilter(self)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.daily)
        self.timer.start(DAILY_DELAY_MS)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.window and event.type() == QEvent.Type.Close:
            self.at_exit()
        return False

    def enabled(self) -> bool:
        return bool(settings.get(AUTOMATIC)) and self.window.service.backup.is_local()

    def at_exit(self) -> threading.Thread | None:
        """Start the exit copy (when something changed) on a worker thread: the window closes at once;
        ``finish_exit_copy`` waits for it before the database is closed and tells about a failure."""
        if self.done_at_exit or not self.enabled():
            return None
        backups = self.window.service.backup
        if backups.change_marker() == self.marker:
            return None
        self.done_at_exit = True
        folder = backup_folder()

        def work() -> None:
            try:
                self.exit_result = backups.auto_backup(folder, "exit")
            except UserError as exc:
                self.exit_error = str(exc)
            except Exception as exc:  # noqa: BLE001 - a fault: logged with its traceback, and told
                logger.exception("Sao lưu khi thoát bị lỗi")
                self.exit_error = str(exc)

        self.exit_job = threading.Thread(target=work, name="hoso-exit-backup")
        self.exit_job.start()
        return self.exit_job

    def finish_exit_copy(self, parent: QWidget | None = None) -> BackupInfo | None:
        """Wait for the exit copy; a failure is logged and shown to the user (never silent)."""
        if self.exit_job is None:
            return None
        self.exit_job.join()
        self.exit_job = None
        if self.exit_error is not None:
            logger.warning("Không sao lưu được khi thoát: %s", self.exit_error)
            QMessageBox.warning(parent, "HoSo", tr("Bản sao lưu tự động khi thoát KHÔNG được tạo: {error}\n\n"
                                                   "Dữ liệu của bạn vẫn nguyên vẹn. Lần sau hãy dùng Công cụ → "
                                                   "Sao lưu dữ liệu… để sao lưu.").format(error=self.exit_error))
            return None
        return self.exit_result

    def daily(self) -> None:
        if not self.enabled():
            return
        backups, folder = self.window.service.backup, backup_folder()
        run_in_background(self.window, "", lambda _r, _c: backups.backup_if_due(folder),
                          lambda info: info and logger.info("Bản sao lưu hằng ngày: %s", info.path),
                          lambda exc: logger.warning("Không sao lưu hằng ngày được: %s", exc), show_progress=False)


def _state(window) -> _AutoBackup | None:  # noqa: ANN001 - MainWindow
    return window.findChild(_AutoBackup, "auto_backup")


def finish_exit_copy(window) -> BackupInfo | None:  # noqa: ANN001 - MainWindow
    """Called after the event loop, before the database is closed (ui/application.py)."""
    state = _state(window)
    return state.finish_exit_copy(None) if state is not None else None


def choose_folder(window) -> None:  # noqa: ANN001 - MainWindow
    """Công cụ → Thư mục sao lưu tự động…: where the daily and exit copies go."""
    folder = file_dialogs.folder(window, tr("Thư mục sao lưu tự động"), backup_folder())
    if not folder:
        return
    try:
        Path(folder).mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        show_error(window, tr("Không dùng được thư mục {folder}: {error}").format(folder=folder, error=exc))
        return
    settings.put(FOLDER, str(Path(folder)))
    QMessageBox.information(window, "HoSo", tr(
        "Bản sao lưu tự động (mỗi ngày và khi thoát) sẽ được ghi vào {folder}. Giữ {daily} bản hằng ngày và "
        "{exit} bản khi thoát gần nhất.").format(folder=folder, daily=KEEP["daily"],
                                                 exit=KEEP["exit"]))


def install(window) -> None:  # noqa: ANN001 - MainWindow
    _AutoBackup(window)
    window.add_action_after("restore_backup_action", tr("Thư mục sao lưu tự động…"), lambda: choose_folder(window),
                            "backup_folder_action")
