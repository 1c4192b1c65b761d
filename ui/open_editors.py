"""The dossier editors open on screen (the crash handler keeps their unsaved text; a restore waits
until they are closed)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QWidget

from ui.editor import PersonEditor


def editor_widgets() -> list[QWidget]:
    """Open person editors."""
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, PersonEditor) and w.isVisible()]
