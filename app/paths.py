"""Where the user's data lives: ``HOSO_DATA_DIR`` if set, else the folder chosen in the app's
settings (``config.json`` in the platform's config folder), else the platform's data folder.
The command line and the desktop read the same place, so both open the same database."""

from __future__ import annotations

import json
import os
from pathlib import Path

from platformdirs import user_config_dir, user_data_dir, user_log_dir

APP_NAME = "HoSo"


def config_file() -> Path:
    base = os.environ.get("HOSO_DATA_DIR")
    return Path(base) / "config.json" if base else Path(user_config_dir(APP_NAME, appauthor=False)) / "config.json"


def _config() -> dict:
    try:
        return json.loads(config_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def data_dir() -> Path:
    chosen = os.environ.get("HOSO_DATA_DIR") or _config().get("data_dir")
    folder = Path(chosen) if chosen else Path(user_data_dir(APP_NAME, appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def set_data_dir(folder: Path | None) -> None:
    """Remember another data folder (None: back to the platform's default)."""
    config = _config()
    if folder is None:
        config.pop("data_dir", None)
    else:
        config["data_dir"] = str(Path(folder).expanduser().resolve())
    path = config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(config, ensure_ascii=False, indent=2), encoding="utf-8")


def log_dir() -> Path:
    base = os.environ.get("HOSO_DATA_DIR")
    folder = Path(base) / "logs" if base else Path(user_log_dir(APP_NAME, appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def recovery_dir() -> Path:
    """Unsaved editor text kept by the crash handler, offered back at the next start."""
    folder = data_dir() / "recovery"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def default_database() -> Path:
    return data_dir() / "hoso.sqlite"
