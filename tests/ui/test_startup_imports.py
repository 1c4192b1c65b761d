"""Start-up (issue 17): the sign-in dialog is the first window; the main window's modules are not
imported before it, they load on a background thread while it waits for the user (ui/application.py,
``WindowPreparation``), and the window is built on the UI thread after the sign-in.

Run in a fresh interpreter: the test process has imported every ui module long before."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = r"""
import json, sys, threading, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLabel

imported_by = {}

class Watch:  # which thread imports the main window's module
    def find_spec(self, name, path=None, target=None):
        if name == "ui.main_window":
            imported_by.setdefault(name, threading.current_thread().name)
        return None

sys.meta_path.insert(0, Watch())
app = QApplication(sys.argv[:1])
from ui import application, login

seen = {"at_import": "ui.main_window" in sys.modules}

def sign_in(service, parent=None):  # stands for the sign-in dialog: waits like a person typing
    seen["before_dialog"] = "ui.main_window" in sys.modules
    dialog = QDialog()
    QLabel("Đăng nhập", dialog)
    started = time.monotonic()

    def check():
        if imported_by or time.monotonic() - started > 120:
            dialog.accept()

    timer = QTimer(dialog)
    timer.timeout.connect(check)
    timer.start(20)
    dialog.show()
    dialog.exec()
    seen["thread_during_dialog"] = imported_by.get("ui.main_window")
    return QUIT

QUIT = None
login.start_session = sign_in
seen["code"] = application.run_app(sys.argv[1])
seen["imported_after_run"] = "ui.main_window" in sys.modules
print(json.dumps(seen))
"""


def test_main_window_modules_load_on_a_thread_while_the_sign_in_dialog_waits(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOSO_DATA_DIR": str(tmp_path / "data"),
           "HOSO_SETTINGS_DIR": str(tmp_path / "settings")}
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(tmp_path / "hoso.sqlite")], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["at_import"] is False  # ui.application does not import the main window
    assert seen["before_dialog"] is False  # nor does opening the database: the dialog comes first
    assert seen["thread_during_dialog"] == "hoso-prepare-window"  # loaded while the dialog waited, off the UI thread
    assert seen["code"] == 0 and seen["imported_after_run"] is True


FIRST_WINDOW = r"""
import json, sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

app = QApplication(sys.argv[:1])
from app.db import open_database
from app.services import HoSoService
from ui.main_window import MainWindow

window = MainWindow(HoSoService(open_database(sys.argv[1])))
loaded = {}

class Watch(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and not loaded:
            loaded["modules"] = sorted(sys.modules)
            QTimer.singleShot(0, app.quit)
        return False

watch = Watch()
window.people.table.viewport().installEventFilter(watch)
window.show()
app.exec()
print(json.dumps(loaded["modules"]))
"""

#: what the first painted list does without: printing, spreadsheets, the city, packages, migrations, images
NOT_BEFORE_FIRST_PAINT = ("reportlab", "openpyxl", "psycopg", "alembic", "cryptography", "PIL", "xml.sax",
                          "urllib.request", "app.city", "app.package", "app.exchange", "app.reports.default_form",
                          "app.reports.profile", "app.services.reports", "app.services.delivery", "ui.reports_ui",
                          "ui.editor")


def test_the_first_painted_list_imports_no_printing_spreadsheets_or_city_code(tmp_path: Path) -> None:
    from app.db import open_database

    database = tmp_path / "hoso.sqlite"
    open_database(database).dispose()  # created and migrated here: the window opens an up-to-date file
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOSO_DATA_DIR": str(tmp_path / "data"),
           "HOSO_SETTINGS_DIR": str(tmp_path / "settings")}
    done = subprocess.run([sys.executable, "-c", FIRST_WINDOW, str(database)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    modules = json.loads(done.stdout.strip().splitlines()[-1])
    loaded = [m for m in modules if any(m == name or m.startswith(name + ".") for name in NOT_BEFORE_FIRST_PAINT)]
    assert loaded == []
