"""Python's cyclic garbage collector runs on the UI thread only.

Left automatic, a collection runs in whichever thread happens to allocate when a threshold is
crossed: a worker (a list page, the preview's read, an import) would then destroy the Qt objects of
the cycles it finds — widgets and timers made on the UI thread — off their thread. Qt says
"QBasicTimer::stop: Failed. Possibly trying to stop from a different thread", and the next event
may crash the process (a segmentation fault seen in the UI tests under load). So automatic
collection is switched off and the UI thread collects, generation by generation as Python would,
every ``INTERVAL_MS`` (the pattern of pyqtgraph's GarbageCollector). ``app.bulk.paused_gc`` sees
collection switched off and leaves it so."""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500


class UiThreadCollector(QObject):
    def __init__(self, parent: QObject):
        super().__init__(parent)
        self.threshold = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.timer.start(INTERVAL_MS)
        self.destroyed.connect(lambda *_: gc.enable())

    def check(self) -> None:
        """Collect the generations whose counts passed their thresholds (what Python would do)."""
        counts = gc.get_count()
        if counts[0] > self.threshold[0]:
            generation = 0
            if counts[1] > self.threshold[1]:
                generation = 2 if counts[2] > self.threshold[2] else 1
            gc.collect(generation)


def install(app: QObject) -> UiThreadCollector:
    """Collect on the UI thread for as long as ``app`` lives (once per application)."""
    found = app.findChild(UiThreadCollector)
    return found if found is not None else UiThreadCollector(app)
