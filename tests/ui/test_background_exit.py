"""Quitting while background work runs (issue 17's deferred start-up work made it common): a result
that arrives after its window is gone is dropped, and nothing builds a widget on a worker thread —
before this, the window's first quit aborted the process ("QWidget: Must construct a QApplication
before a QWidget", exit -6, seen in the built app's start-up test)."""

from __future__ import annotations

import logging
import sys
import threading

from PySide6.QtCore import QThreadPool
from shiboken6 import Shiboken

from ui import application
from ui.background import run_in_background, wait_for_workers


def test_a_result_for_a_deleted_operation_is_dropped_not_raised(qtbot, monkeypatch) -> None:
    reached: list[object] = []
    monkeypatch.setattr(sys, "excepthook", lambda *args: reached.append(args))
    release = threading.Event()

    def work(_report, _cancelled):  # noqa: ANN001
        release.wait(10)
        return 42

    op = run_in_background(None, "", work, lambda _r: None, show_progress=False)
    Shiboken.delete(op._signals)  # what closing the window does to the operation's signals
    release.set()
    assert QThreadPool.globalInstance().waitForDone(10_000)
    assert reached == []


def test_wait_for_workers_cancels_and_waits(qtbot) -> None:
    started, seen_cancel = threading.Event(), []

    def work(_report, cancelled):  # noqa: ANN001
        started.set()
        while not cancelled():
            threading.Event().wait(0.01)
        seen_cancel.append(True)

    run_in_background(None, "", work, lambda _r: None, show_progress=False)
    assert started.wait(10)
    assert wait_for_workers(10_000)
    assert seen_cancel == [True]
    qtbot.waitUntil(lambda: True)


def test_the_crash_handler_builds_no_box_off_the_ui_thread(qtbot, monkeypatch, caplog) -> None:
    boxes: list[object] = []
    monkeypatch.setattr(application, "QMessageBox", lambda *a, **k: boxes.append(a))
    monkeypatch.setattr(application, "keep_unsaved_work", lambda: [])
    caplog.set_level(logging.CRITICAL, logger="ui.application")

    def crash() -> None:
        try:
            raise RuntimeError("hỏng trên luồng phụ")
        except RuntimeError:
            application.crash_handler(*sys.exc_info())

    failures: list[BaseException] = []
    monkeypatch.setattr(threading, "excepthook", lambda args: failures.append(args.exc_value))
    worker = threading.Thread(target=crash)
    worker.start()
    worker.join(10)
    assert boxes == [] and failures == []
    assert "hỏng trên luồng phụ" in caplog.text  # logged all the same
