"""The dossier editors open on screen (the crash handler keeps their unsaved text; a restore waits
until they are closed)."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QWidget


def editor_widgets() -> list[QWidget]:
    """Open person editors (none while the editor's module was never imported: start-up, issue 17)."""
    if "ui.editor" not in sys.modules:
        return []
    from ui.editor import PersonEditor

    return [w for w in QApplication.topLevelWidgets() if isinstance(w, PersonEditor) and w.isVisible()]
