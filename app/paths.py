"""Where the user's data lives: ``HOSO_DATA_DIR`` if set, else the folder chosen in the app's
settings (``config.json`` in the platform's config folder), else the platform's data folder.
The command line and the desktop read the same place, so both open the same database.

Every folder HoSo makes for itself (data, logs, recovery, backups, keys) is private: 0700 on POSIX,
whatever the umask (docs/personal-data.md); ``main.py`` also sets the process umask to 0o077, so the
files written inside them are 0600. On Windows the per-user profile folder's ACL applies.
"""

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


PRIVATE_DIR = 0o700


def private_dir(folder: Path, *, ours: bool = True) -> Path:
    """Create ``folder`` (and missing parents) readable by its owner only. ``ours``: a folder that
    belongs to HoSo alone (its platform folders, ``recovery``, ``logs``, ``backups``) is tightened to
    0700 even when it already existed (an older HoSo made it 0755); a folder the user chose is only
    made private when HoSo creates it."""
    existed = folder.is_dir()
    folder.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR)
    if os.name == "posix" and (ours or not existed):
        try:
            if folder.stat().st_mode & 0o777 != PRIVATE_DIR:
                os.chmod(folder, PRIVATE_DIR)
        except OSError:  # a folder of another owner (a shared data folder): left as it is
            pass
    return folder


def data_dir() -> Path:
    chosen = os.environ.get("HOSO_DATA_DIR") or _config().get("data_dir")
    folder = Path(chosen) if chosen else Path(user_data_dir(APP_NAME, appauthor=False))
    return private_dir(folder, ours=not chosen)


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
    return private_dir(folder)


def recovery_dir() -> Path:
    """Unsaved editor text kept by the crash handler, offered back at the next start."""
    return private_dir(data_dir() / "recovery")


def default_database() -> Path:
    return data_dir() / "hoso.sqlite"
