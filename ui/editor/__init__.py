"""The dossier editor and the quick entry of a new person."""

from ui.editor.person_editor import PersonEditor
from ui.editor.quick_entry import QuickEntryDialog

__all__ = ["PersonEditor", "QuickEntryDialog"]
