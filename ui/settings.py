"""The desktop's settings, declared once with their types and defaults (QSettings, never pickled).

Where the local database lives is not a desk setting but the app's (``app.paths`` keeps it in its
config file, so the command line finds the same database); window geometry, splitter states,
the visible columns and the language are kept here.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

LANGUAGES = {"vi": "Tiếng Việt", "en": "English"}


@dataclass(frozen=True)
class Setting:
    key: str
    default: Any
    kind: type


LANGUAGE = Setting("ui/language", "vi", str)
COLUMNS = Setting("list/columns", "", str)  # comma-separated column keys; "" = the defaults
INCLUDE_SUBUNITS = Setting("list/include_subunits", True, bool)


def settings() -> QSettings:
    folder = os.environ.get("HOSO_SETTINGS_DIR")  # tests keep their settings apart
    if folder:
        return QSettings(os.path.join(folder, "HoSo.ini"), QSettings.Format.IniFormat)
    return QSettings("HoSo", "HoSo")


def get(setting: Setting) -> Any:
    value = settings().value(setting.key, setting.default)
    if setting.kind is bool:
        return value in (True, "true", "1", 1)
    return setting.kind(value) if value is not None else setting.default


def put(setting: Setting, value: Any) -> None:
    settings().setValue(setting.key, value)


def save_state(key: str, state: QByteArray) -> None:
    settings().setValue(f"state/{key}", state)


def load_state(key: str) -> QByteArray | None:
    value = settings().value(f"state/{key}")
    return value if isinstance(value, QByteArray) else None
