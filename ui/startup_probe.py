"""A start-up probe for the build test and the start-up benchmark (tests/frozen, tests/benchmarks).

``HOSO_STARTUP_PROBE=FILE`` (read by main.py) makes the desktop app write one JSON document to FILE
when the people list is first painted with rows, then quit:

    {"first_paint_at": wall-clock s, "rows_paint_at": wall-clock s, "rows": n, "title": "…",
     "font": "family", "font_has_vietnamese": bool, "frozen": bool, "dialogs": [{"title", "text"}]}

Every message box shown is recorded and closed the way a click on OK would (a refused newer
database, the crash dialog). ``HOSO_STARTUP_PROBE_CRASH=1`` raises an unhandled error once the list
is painted, to see the crash handler's dialog.

Wall-clock times (``time.time()``) so the caller can measure from the moment it started the process,
the same way for a source run and for a frozen build. ``HOSO_STARTUP_PROBE_LOGIN=USER`` and
``HOSO_STARTUP_PROBE_PASSWORD=…`` type into the sign-in dialog exactly what a user would (the real
sign-in checks them); the probe never signs anybody in by itself. ``HOSO_STARTUP_PROBE_TYPING_MS``
waits that long after the dialog is shown before the click on Đăng nhập (a person typing);
``dialog_paint_at`` is the sign-in dialog's first paint and ``signed_in_at`` the click.
Nothing here runs unless the variable is set.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QThreadPool, QTimer
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QMessageBox, QPushButton, QWidget

VIETNAMESE_SAMPLE = "ẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸđĐơƠưƯ"
TIMEOUT_MS = 120_000


class _Probe(QObject):
    def __init__(self, app: QApplication, report: Path):
        super().__init__(app)
        self.app, self.report = app, report
        self.result: dict[str, object] = {"frozen": bool(getattr(sys, "frozen", False)), "dialogs": []}
        self.login = os.environ.get("HOSO_STARTUP_PROBE_LOGIN")
        self.password = os.environ.get("HOSO_STARTUP_PROBE_PASSWORD", "")
        self.crash = os.environ.get("HOSO_STARTUP_PROBE_CRASH") == "1"
        self.typing_ms = int(os.environ.get("HOSO_STARTUP_PROBE_TYPING_MS", "0"))
        self.done = False
        QTimer.singleShot(TIMEOUT_MS, self.finish)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        kind = event.type()
        if kind == QEvent.Type.Show and isinstance(obj, QMessageBox):
            self.result["dialogs"].append({"title": obj.windowTitle(), "text": obj.text()})
            self.save()
            QTimer.singleShot(0, lambda box=obj: box.done(0))  # what a click on OK does
            if self.crash and "rows" in self.result:
                QTimer.singleShot(0, self.finish)
        elif kind == QEvent.Type.Show and self.login and isinstance(obj, QDialog):
            QTimer.singleShot(self.typing_ms, lambda d=obj: self.sign_in(d))
        elif kind == QEvent.Type.Paint and isinstance(obj, QWidget) and not self.done and "rows" not in self.result:
            if "dialog_paint_at" not in self.result and isinstance(obj.window(), QDialog):
                self.result["dialog_paint_at"] = time.time()  # the first window a user sees: the sign-in
            table = obj.parent()
            if table is not None and table.objectName() == "people_table":
                self.painted(table)
        return False

    def painted(self, table: QWidget) -> None:
        now = time.time()
        self.result.setdefault("first_paint_at", now)
        rows = table.model().rowCount() if table.model() is not None else 0
        if not rows:
            return
        font = table.font()
        metrics = QFontMetrics(font)
        self.result.update(rows_paint_at=now, rows=rows, title=table.window().windowTitle(), font=font.family(),
                           font_has_vietnamese=all(metrics.inFontUcs4(ord(c)) for c in VIETNAMESE_SAMPLE))
        self.save()
        QTimer.singleShot(0, self.fail if self.crash else self.finish)

    def fail(self) -> None:
        """An unhandled error in a slot, to see the crash handler's dialog (HOSO_STARTUP_PROBE_CRASH=1)."""
        raise RuntimeError("lỗi thử của startup_probe")

    def sign_in(self, dialog: QDialog) -> None:
        user = dialog.findChild(QLineEdit, "username_edit")
        password = dialog.findChild(QLineEdit, "password_edit")
        ok = dialog.findChild(QPushButton, "ok_button")
        if dialog.findChild(QLineEdit, "confirm_edit") is not None or None in (user, password, ok):
            return  # not the sign-in dialog (first run, change password…): left to a person
        user.setText(self.login or "")
        password.setText(self.password)
        self.login = None  # one attempt; a wrong password leaves the dialog open until the timeout
        self.result["signed_in_at"] = time.time()
        ok.click()

    def save(self) -> None:
        self.report.write_text(json.dumps(self.result, ensure_ascii=False), encoding="utf-8")

    def finish(self) -> None:
        if self.done:
            return
        self.done = True
        self.save()
        self.quit_when_idle()

    def quit_when_idle(self) -> None:
        """Quit once the start-up's background work (the alert count…) is over, as a person closing
        the window a moment later would: quitting under a running worker is not what is measured."""
        if QThreadPool.globalInstance().activeThreadCount():
            QTimer.singleShot(50, self.quit_when_idle)
            return
        for widget in self.app.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible():
                widget.reject()
        self.app.quit()


def install(report: str) -> None:
    """Create the QApplication (run_app reuses it) and watch its events."""
    app = QApplication.instance() or QApplication(sys.argv)
    probe = _Probe(app, Path(report))
    app.installEventFilter(probe)
