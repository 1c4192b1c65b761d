"""The one way HoSo asks for a file or a folder: Qt's own dialog (translated with the app, not the
desktop's native one in the system's language), opening in the folder last used — the user's
Documents folder the first time, never the program's folder — and remembering where the user went.

``open_file``, ``open_files``, ``save_file`` and ``folder`` return the chosen path(s) as text, or
None / [] when the user cancelled."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from ui import settings

LAST_FOLDER = settings.Setting("files/last_folder", "", str)
OPTIONS = QFileDialog.Option.DontUseNativeDialog


def documents_folder() -> Path:
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found else Path.home()


def start_folder(preferred: str | Path | None = None) -> Path:
    """``preferred`` when it exists, else the last folder used, else Documents."""
    for candidate in (preferred, settings.get(LAST_FOLDER)):
        if candidate and Path(candidate).is_dir():
            return Path(candidate)
    return documents_folder()


def remember(path: str | Path) -> None:
    chosen = Path(path)
    settings.put(LAST_FOLDER, str(chosen if chosen.is_dir() else chosen.parent))


def open_file(parent: QWidget | None, title: str, file_filter: str = "", folder: str | Path | None = None) -> str | None:
    path, _ = QFileDialog.getOpenFileName(parent, title, str(start_folder(folder)), file_filter, "", OPTIONS)
    if path:
        remember(path)
    return path or None


def open_files(parent: QWidget | None, title: str, file_filter: str = "", folder: str | Path | None = None) -> list[str]:
    paths, _ = QFileDialog.getOpenFileNames(parent, title, str(start_folder(folder)), file_filter, "", OPTIONS)
    if paths:
        remember(paths[0])
    return list(paths)


def save_file(parent: QWidget | None, title: str, suggested_name: str, file_filter: str = "",
              folder: str | Path | None = None) -> str | None:
    path, _ = QFileDialog.getSaveFileName(parent, title, str(start_folder(folder) / suggested_name), file_filter, "",
                                          OPTIONS)
    if path:
        remember(path)
    return path or None


def folder(parent: QWidget | None, title: str, start: str | Path | None = None) -> str | None:
    chosen = QFileDialog.getExistingDirectory(parent, title, str(start_folder(start)),
                                              QFileDialog.Option.ShowDirsOnly | OPTIONS)
    if chosen:
        remember(chosen)
    return chosen or None
