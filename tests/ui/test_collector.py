"""Qt objects caught in reference cycles are destroyed on the UI thread, never by a collection that
happens to run on a worker (ui/collector.py): that destroyed widgets' timers off their thread
("QBasicTimer::stop: Failed…") and crashed the UI tests under load."""

from __future__ import annotations

import gc
import threading

from PySide6.QtCore import QObject, QThread, QTimer

from ui import collector


class _Cyclic(QObject):
    destroyed_on: list[bool] = []

    def __init__(self) -> None:
        super().__init__()
        self.me = self  # a reference cycle: only the cyclic collector frees it
        self.timer = QTimer(self)
        self.timer.start(60_000)

    def __del__(self) -> None:
        _Cyclic.destroyed_on.append(QThread.currentThread() is self.thread())


def _churn() -> None:
    """A worker's allocations: cyclic garbage enough to cross every threshold of the collector."""
    for _ in range(100_000):
        cycle: list = []
        cycle.append(cycle)


def test_automatic_collection_is_off_and_the_ui_thread_collects(qtbot, qapp) -> None:
    installed = collector.install(qapp)
    assert collector.install(qapp) is installed  # once per application
    assert not gc.isenabled()
    _Cyclic.destroyed_on.clear()
    _Cyclic()
    worker = threading.Thread(target=_churn)
    worker.start()
    worker.join()
    assert _Cyclic.destroyed_on == []  # the worker's allocations collected nothing
    qtbot.waitUntil(lambda: bool(_Cyclic.destroyed_on), timeout=5_000)
    assert _Cyclic.destroyed_on == [True]  # collected by the UI thread's timer, on the object's thread


def test_a_paused_import_leaves_collection_to_the_ui_thread(qapp) -> None:
    from app.bulk import paused_gc

    collector.install(qapp)
    with paused_gc():
        assert not gc.isenabled()
    assert not gc.isenabled()
