"""What the first window does not need before its first paint (start-up, issue 17).

* ``AfterFirstPaint``: start-up work that waits until the people list has been painted once.
* The ui modules behind the main window's menus, imported when one of their entries is first
  chosen: ``from ui.deferred import reports_ui`` gives a stand-in whose attributes are the module's.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

FIRST_PAINT_WAIT_MS = 500


def _feature_module(name: str) -> object:  # noqa: C901, PLR0911 - one explicit import per module
    """A ui module behind the menus, imported when one of its entries is first chosen: the first
    window does not need them (start-up, issue 17)."""
    if name == "alerts_ui":
        from ui import alerts_ui as module
    elif name == "city_conflicts_ui":
        from ui import city_conflicts_ui as module
    elif name == "dashboard_ui":
        from ui import dashboard_ui as module
    elif name == "declaration_ui":
        from ui import declaration_ui as module
    elif name == "import_wizard":
        from ui import import_wizard as module
    elif name == "package_ui":
        from ui import package_ui as module
    elif name == "positions_ui":
        from ui import positions_ui as module
    else:
        from ui import reports_ui as module
    return module


class _OnFirstUse:
    """Stands for a feature's ui module (``reports_ui.print_profile``…) until first used."""

    def __init__(self, name: str):
        self._name = name

    def __getattr__(self, attribute: str) -> object:
        return getattr(_feature_module(self._name), attribute)


class AfterFirstPaint(QObject):
    """Start-up work the first painted list does not need (the preview of the first row, the sync
    state, the alert count) waits until the people list has been painted once (issue 17). A window
    not shown (a test) runs it FIRST_PAINT_WAIT_MS after ``arm()``; a shown one that is not painted
    (minimised) waits a few times that."""

    def __init__(self, viewport: QWidget, parent: QObject):
        super().__init__(parent)
        self.viewport, self.done, self.waits = viewport, False, 0
        self.pending: dict[str, Callable[[], object]] = {}
        viewport.installEventFilter(self)

    def arm(self) -> None:
        QTimer.singleShot(FIRST_PAINT_WAIT_MS, self._waited)

    def _waited(self) -> None:
        self.waits += 1
        if self.viewport.isVisible() and self.waits < 4:
            self.arm()  # its paint is on its way
        else:
            self.run()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if not self.done and watched is self.viewport and event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, self.run)  # once this paint is on screen
        return False

    def later(self, key: str, work: Callable[[], object]) -> None:
        """Run ``work`` after the first paint (now if it is past); a later call with the same key
        replaces a waiting one."""
        if self.done:
            work()
        else:
            self.pending[key] = work

    def run(self) -> None:
        if self.done:
            return
        self.done = True
        self.viewport.removeEventFilter(self)
        pending, self.pending = self.pending, {}
        for work in pending.values():
            work()


alerts_ui, city_conflicts_ui, dashboard_ui, declaration_ui, import_wizard, package_ui, positions_ui, reports_ui = (
    _OnFirstUse(name) for name in ("alerts_ui", "city_conflicts_ui", "dashboard_ui", "declaration_ui",
                                   "import_wizard", "package_ui", "positions_ui", "reports_ui"))
