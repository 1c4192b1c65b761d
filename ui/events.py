"""One "data changed" signal hub: after a write, the screen that wrote says what changed and every
screen that shows it refreshes itself; screens never refresh each other directly."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class DataEvents(QObject):
    people_changed = Signal(list)  # person ids (empty list: many or unknown → reload everything)
    units_changed = Signal()
