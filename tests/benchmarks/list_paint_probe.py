"""Keystroke → the new list painted, in a subprocess, for A/B runs of two source trees
(before/after a change) on the same database, interleaved by the caller:

    python tests/benchmarks/list_paint_probe.py TREE DB_PATH [ROUNDS] [--early]

TREE is the root of the HoSo source tree to import (``app``, ``ui``), so an exported older commit
can be measured by the same probe. The window is built as ui/application.py builds it after the
sign-in and shown (offscreen). By default the start-up alert count is not started (both trees
alike) and typing begins once the start-up's background work (the sync state…) is over, as in
test_desktop_speed.py; ``--early``: the alert count runs and typing begins 1 s after the window is
shown, while the start-up's background work still runs. For each text of TEXTS: the search box gets the text and the
list's ``reload`` runs (what the debounce timer fires; the debounce delay is excluded); "shown" is
the END of the first paint of the table's viewport after the model holds the new rows
(``page_shown``): the moment the new rows are on screen, measured inside the paint, not by polling.
The clock runs in a real event loop (QEventLoop.exec), as in the application, never a sleeping
poll. The next text starts when the count of the previous one is shown.

First one cold round (each text new to the process, as in test_desktop_speed.py's window test):
``cold_ms``. Then every text is read once synchronously (warm, as
test_keystroke_to_list_data_in_process does) and ROUNDS warm rounds follow, where after each
text the same process reads the same page and rows synchronously ("bare": the data alone, under
the same load at the same moment). Prints one JSON line: {"cold_ms", "shown_ms", "count_ms",
"data_ms", "bare_ms"} (data: until the worker's answer is handed to the list).
"""

from __future__ import annotations

import json
import os
import sys
import time

TEXTS = ["n", "ng", "ngu", "nguy", "nguye", "nguyen", "nguyen t", "nguyen thi", "nguyen thi h", "hoa",
         "binh", "048", "0481", "tran van", "le thi mai", "dang", "pham", "vo", "huynh", "son tra"]


def main() -> None:
    early = "--early" in sys.argv
    args = [a for a in sys.argv[1:] if a != "--early"]
    tree, db_path = args[0], args[1]
    rounds = int(args[2]) if len(args) > 2 else 2
    sys.path.insert(0, os.path.abspath(tree))
    os.chdir(tree)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QThreadPool, QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    from app.db import open_database
    from app.services import HoSoService
    from ui.main_window import MainWindow

    if not early:
        MainWindow.show_alert_count_at_start = lambda self: None
    db = open_database(db_path)
    window = MainWindow(HoSoService(db))
    window.show()
    people, table = window.people, window.people.table
    state: dict[str, float | None] = {"shown": None, "painted": None, "counted": None, "data": None}
    loop = QEventLoop()

    paint = table.paintEvent

    def painted(event) -> None:  # noqa: ANN001 - QPaintEvent
        paint(event)
        if state["shown"] is not None and state["painted"] is None and people.model.rowCount() > 0:
            state["painted"] = time.perf_counter()
            loop.quit()

    table.paintEvent = painted  # the view's own paint of its viewport (instance override)
    apply = people._apply

    def applied(*args: object) -> None:
        state["data"] = state["data"] or time.perf_counter()
        apply(*args)

    people._apply = applied
    people.page_shown.connect(lambda _n: state.update(shown=state["shown"] or time.perf_counter()))

    def counted(_n: int) -> None:
        state["counted"] = time.perf_counter()
        loop.quit()

    people.list_loaded.connect(counted)

    def run_until(key: str, timeout_s: float = 60) -> None:
        timer = QTimer()
        timer.setSingleShot(True)
        timer.timeout.connect(loop.quit)
        timer.start(int(timeout_s * 1000))
        while state[key] is None and timer.isActive():
            loop.exec()
        if state[key] is None:
            raise TimeoutError(key)

    settle = QTimer()
    settle.timeout.connect(loop.quit)
    settle.start(1000)  # the first paint, the first preview, the status bar's counts start
    loop.exec()
    waited = 0
    while not early and QThreadPool.globalInstance().activeThreadCount() and waited < 300:
        loop.exec()  # the start-up's background work ends (the sync state: seconds at 100,000)
        waited += 1
    settle.stop()
    from app.listing import SCREEN_PAGE, PersonFilter

    def bare(text: str) -> float:
        started = time.perf_counter()
        page = people.service.people.person_page(PersonFilter(query=text), count=False, size=SCREEN_PAGE)
        people.service.people.person_rows(page.keys[:40])
        return (time.perf_counter() - started) * 1000

    def keystroke(text: str) -> float:
        state.update(shown=None, painted=None, counted=None, data=None)
        started = time.perf_counter()
        people.search_edit.setText(text)
        people.reload()
        run_until("painted")
        run_until("counted")
        return started

    cold_ms = []
    for text in TEXTS:
        started = keystroke(text)
        cold_ms.append((state["painted"] - started) * 1000)
    for text in TEXTS:
        bare(text)
    shown_ms, count_ms, data_ms, bare_ms = [], [], [], []
    for _ in range(rounds):
        for text in TEXTS:
            started = keystroke(text)
            shown_ms.append((state["painted"] - started) * 1000)
            count_ms.append((state["counted"] - started) * 1000)
            data_ms.append((state["data"] - started) * 1000)
            bare_ms.append(bare(text))
    print(json.dumps({"cold_ms": cold_ms, "shown_ms": shown_ms, "count_ms": count_ms, "data_ms": data_ms, "bare_ms": bare_ms}))
    window.close()
    app.processEvents()
    from ui.background import wait_for_workers

    wait_for_workers()
    db.dispose()


if __name__ == "__main__":
    main()
