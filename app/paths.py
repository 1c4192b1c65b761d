"""Where the user's data lives: ``HOSO_DATA_DIR`` if set, else the platform's data folder."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir, user_log_dir

APP_NAME = "HoSo"


def data_dir() -> Path:
    folder = Path(os.environ.get("HOSO_DATA_DIR") or user_data_dir(APP_NAME, appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def log_dir() -> Path:
    base = os.environ.get("HOSO_DATA_DIR")
    folder = Path(base) / "logs" if base else Path(user_log_dir(APP_NAME, appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def default_database() -> Path:
    return data_dir() / "hoso.sqlite"
