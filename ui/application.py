"""Start the desktop app: QApplication, translators, the crash handler, the database, the main
window — and give back any unsaved editor text a crash left behind."""

from __future__ import annotations

import json
import logging
import sys
import threading
import traceback
import uuid
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QObject, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from app.errors import UserError
from app.paths import recovery_dir
from app.resources import resource_path
from app.services import HoSo, prepare_models
from ui import collector, login, open_editors, settings
from ui.app_texts import app_text
from ui.background import wait_for_workers

logger = logging.getLogger(__name__)
_translators: list[QTranslator] = []


def tr(text: str) -> str:
    # module-level tr(): pyside6-lupdate files these strings under the empty context
    return QCoreApplication.translate("", text)


def install_translators(app: QApplication, language: str) -> None:
    """Vietnamese is the source language; English comes from hoso_en.qm. Qt's own words (standard
    buttons, file dialogs) come from qtbase_<lang>.qm — Qt ships English, we ship Vietnamese."""
    for old in _translators:
        app.removeTranslator(old)
    _translators.clear()
    QLocale.setDefault(QLocale(QLocale.Language.Vietnamese if language == "vi" else QLocale.Language.English))
    candidates = [(resource_path("translations"), f"hoso_{language}")]
    if language == "vi":
        candidates.append((resource_path("translations"), "qtbase_vi"))
    else:
        candidates.append((Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)), f"qtbase_{language}"))
    for folder, name in candidates:
        translator = QTranslator(app)
        if translator.load(name, str(folder)):
            app.installTranslator(translator)
            _translators.append(translator)


def keep_unsaved_work() -> list[Path]:
    """Write the text of every open editor to the recovery folder (called when HoSo crashes)."""

    saved = []
    for editor in open_editors.editor_widgets():
        try:
            state = editor.form_state()
        except Exception:  # a crash inside the crash handler must not hide the first one
            logger.exception("Could not keep an editor's text")
            continue
        path = recovery_dir() / f"{uuid.uuid4().hex}.json"
        path.write_text(json.dumps(state, ensure_ascii=False, default=str), encoding="utf-8")
        saved.append(path)
    return saved


def crash_handler(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
    logger.critical("Unexpected error", exc_info=(kind, value, tb))
    if threading.current_thread() is not threading.main_thread() or QApplication.instance() is None:
        return  # widgets only on the UI thread while the app runs: logged, never a box built here
    kept = keep_unsaved_work()
    message = tr("HoSo gặp lỗi không mong đợi: {error}").format(error=value)
    if kept:
        message += "\n\n" + tr("Nội dung bạn đang nhập chưa lưu đã được giữ lại và sẽ được mở lại lần sau.")
    box = QMessageBox(QMessageBox.Icon.Critical, "HoSo", message)
    box.setDetailedText("".join(traceback.format_exception(kind, value, tb)))
    box.exec()


def offer_recovery(window) -> None:  # noqa: ANN001 - MainWindow
    files = sorted(recovery_dir().glob("*.json"))
    if not files:
        return
    answer = QMessageBox.question(window, "HoSo", tr("Có {count} hồ sơ đang nhập dở từ lần trước chưa được lưu. "
                                                     "Mở lại để tiếp tục?").format(count=len(files)))
    for path in files:
        state = json.loads(path.read_text(encoding="utf-8"))
        path.unlink()
        if answer == QMessageBox.StandardButton.Yes:
            person_id = state.get("person_id")
            window.open_person(uuid.UUID(person_id) if person_id else None, initial=state)


def _import_main_window() -> None:
    """The main window's modules (its areas, the list, the services behind them) and SQLAlchemy's
    mapper configuration, made ready while the sign-in dialog waits for the user (start-up, issue 17).
    Imports and ``prepare_models`` only: Python's import locks and SQLAlchemy's configure lock make
    them safe on another thread; no Qt object is created here (widgets live on the UI thread)."""
    try:
        from ui import main_window  # noqa: F401 - imported for the window that follows the sign-in

        prepare_models()
    except Exception:  # the UI thread imports the same modules again and reports what fails
        logger.exception("Could not prepare the main window's modules")


class WindowPreparation(QObject):
    """``_import_main_window`` on a thread from the first paint of the sign-in dialog on (so the
    dialog appears as soon as it can), joined before the main window is built; when no dialog was
    painted (the city database signs in by itself) nothing is started and the UI thread imports."""

    def __init__(self, app: QApplication):
        super().__init__(app)
        self.app = app
        self.thread: threading.Thread | None = None
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if self.thread is None and event.type() == QEvent.Type.Paint:
            self.app.removeEventFilter(self)
            self.thread = threading.Thread(target=_import_main_window, name="hoso-prepare-window", daemon=True)
            self.thread.start()
        return False

    def finish(self) -> None:
        """Stop watching; wait for the imports when they were started."""
        self.app.removeEventFilter(self)
        if self.thread is not None:
            self.thread.join()
        self.deleteLater()


def run_app(target: str) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("HoSo")
    app.setOrganizationName("HoSo")
    install_translators(app, settings.get(settings.LANGUAGE))
    sys.excepthook = crash_handler
    collector.install(app)  # Qt objects are destroyed on the UI thread, never by a worker's collection
    try:
        opened = HoSo.open(target)
    except UserError as exc:
        QMessageBox.critical(None, "HoSo", app_text(str(exc)))  # "not a HoSo database…" in the UI's language
        return 1
    preparing = WindowPreparation(app)  # the main window's modules load while the user types the password
    service = login.start_session(opened)  # sign in (first run: create the administrator); None = the user quit
    preparing.finish()
    if service is None:
        opened.close()
        return 0
    from ui import backup_ui, main_window

    window = main_window.MainWindow(service)
    window.show()
    warning = service.audit.startup_warning()  # history altered outside HoSo (app/security/chain.py)
    if warning:
        QMessageBox.warning(window, "HoSo", warning)
    offer_recovery(window)
    code = app.exec()
    backup_ui.finish_exit_copy(window)  # the exit copy ran on a worker while the window closed
    if not wait_for_workers():  # the rest (a list page, a count…) stops before the database closes
        logger.warning("Background work still running at exit")
    service.close()
    return code
