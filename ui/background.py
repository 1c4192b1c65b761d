"""One helper for everything slower than ~100 ms: run it on a worker thread, show progress with a
Cancel button, and deliver the result (or the error) back on the UI thread by signal.

    run_in_background(parent, label, work, on_done, on_error=None)

``work(report, cancelled)`` runs on the worker: ``report(done, total)`` updates the progress and
``cancelled()`` tells it to stop early. The worker never touches widgets; services open their
own sessions there.

``urgent=True`` (what the user waits for: the person list's page and count, the preview) starts at once even
when every thread of the pool is busy with long work (the alert count or the sync state at 100,000
dossiers run for seconds): the pool grows by a thread instead of queueing it behind them.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

logger = logging.getLogger(__name__)
Work = Callable[[Callable[[int, int], None], Callable[[], bool]], Any]

_running: set[BackgroundOp] = set()  # keep ops alive until they finish


class _Signals(QObject):
    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)


class _Runnable(QRunnable):
    def __init__(self, work: Work, signals: _Signals, cancel: threading.Event):
        super().__init__()
        self.work, self.signals, self.cancel = work, signals, cancel
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.work(lambda done, total: self._deliver(self.signals.progress, done, total),
                               self.cancel.is_set)
        except Exception as exc:  # delivered to the UI thread, which shows it
            logger.exception("Background operation failed")
            self._deliver(self.signals.failed, exc)
        else:
            self._deliver(self.signals.finished, result)

    @staticmethod
    def _deliver(signal: Any, *values: object) -> None:
        """Emit on the UI thread's behalf; when the window that asked is already gone (the app is
        closing) nobody waits for the answer: drop it. An exception here would otherwise reach the
        crash handler on a worker thread, after the QApplication is gone."""
        try:
            signal.emit(*values)
        except RuntimeError:  # "Signal source has been deleted"
            logger.debug("A background result arrived after its window was closed; dropped")


class BackgroundOp(QObject):
    """A running operation; ``cancel()`` asks the work to stop."""

    done = Signal(object)
    error = Signal(object)

    def __init__(self, parent: QWidget | None, label: str, work: Work, *, show_progress: bool = True,
                 cancellable: bool = True):
        super().__init__(parent)
        self._cancel = threading.Event()
        self._signals = _Signals()
        self._dialog: QProgressDialog | None = None
        if show_progress:
            self._dialog = QProgressDialog(label, self.tr("Huỷ") if cancellable else "", 0, 0, parent)
            self._dialog.setWindowTitle("HoSo")
            self._dialog.setWindowModality(Qt.WindowModality.WindowModal)
            self._dialog.setMinimumDuration(300)
            if not cancellable:
                self._dialog.setCancelButton(None)
            self._dialog.canceled.connect(self.cancel)
        self._signals.progress.connect(self._on_progress)
        self._signals.finished.connect(self._on_finished)
        self._signals.failed.connect(self._on_failed)
        self._runnable = _Runnable(work, self._signals, self._cancel)

    def start(self, *, urgent: bool = False) -> BackgroundOp:
        _running.add(self)
        pool = QThreadPool.globalInstance()
        if urgent and pool.activeThreadCount() >= pool.maxThreadCount():
            pool.setMaxThreadCount(pool.activeThreadCount() + 1)
        pool.start(self._runnable, 1 if urgent else 0)
        return self

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def _on_progress(self, done: int, total: int) -> None:
        if self._dialog is not None:
            self._dialog.setMaximum(max(total, 1))
            self._dialog.setValue(min(done, total))

    def _close(self) -> None:
        if self._dialog is not None:
            self._dialog.reset()
            self._dialog.deleteLater()
            self._dialog = None
        QTimer.singleShot(0, lambda: _running.discard(self))

    def _on_finished(self, result: object) -> None:
        self._close()
        self.done.emit(result)

    def _on_failed(self, exc: object) -> None:
        self._close()
        self.error.emit(exc)


def wait_for_workers(timeout_ms: int = 30_000) -> bool:
    """At exit: ask every running operation to stop and wait for the workers, so none outlives the
    window (or the database it reads). True when all finished in time."""
    for op in list(_running):
        op.cancel()
    return QThreadPool.globalInstance().waitForDone(timeout_ms)


def run_in_background(parent: QWidget | None, label: str, work: Work, on_done: Callable[[Any], None],
                      on_error: Callable[[BaseException], None] | None = None, *, show_progress: bool = True,
                      cancellable: bool = True, urgent: bool = False) -> BackgroundOp:
    op = BackgroundOp(parent, label, work, show_progress=show_progress, cancellable=cancellable)
    op.done.connect(on_done)
    if on_error is not None:
        op.error.connect(on_error)
    return op.start(urgent=urgent)
