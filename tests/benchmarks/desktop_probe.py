"""Run as a subprocess by test_desktop_speed.py: open a window, report when its list is first
painted (seconds since the process started, wall clock and this process's CPU time) and the
resident memory then, as one JSON line. ``hoso`` builds the window the way ui/application.py does
after the sign-in (the services on the database, MainWindow), ``empty`` an empty QMainWindow.

    python -m tests.benchmarks.desktop_probe empty
    python -m tests.benchmarks.desktop_probe hoso DB_PATH
"""

from __future__ import annotations

import json
import os
import sys
import time

START = time.perf_counter()


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def main() -> None:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication(sys.argv[:1])
    painted: dict[str, float] = {}

    class Watcher(QObject):
        def eventFilter(self, obj, event):  # noqa: N802, ANN001
            if event.type() == QEvent.Type.Paint and "t" not in painted:
                painted["t"] = time.perf_counter() - START
                painted["at"] = time.time()  # the caller measures from the moment it started the process
                painted["cpu"] = time.process_time()  # the whole process, interpreter start included
                QTimer.singleShot(0, app.quit)
            return False

    watcher = Watcher()
    if sys.argv[1] == "empty":
        window = QMainWindow()
        window.setCentralWidget(QLabel("HoSo"))
        target = window
    else:
        from app.db import open_database
        from app.services import HoSoService
        from ui.main_window import MainWindow

        window = MainWindow(HoSoService(open_database(sys.argv[2])))
        target = window.people.table.viewport()
    target.installEventFilter(watcher)
    window.show()
    app.exec()
    print(json.dumps({"first_paint_s": painted.get("t"), "cpu_s": painted.get("cpu"),
                      "paint_at": painted.get("at"), "rss_mb": rss_mb(),
                      "pid": os.getpid()}))


if __name__ == "__main__":
    main()
