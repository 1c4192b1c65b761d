"""HoSo's composition root: arguments → data folders → logging → database → CLI or the desktop app.

``python main.py`` (or the ``hoso`` console script) with no subcommand opens the desktop app on the
user's local database; any subcommand runs the command line of CONTRACT.md without importing Qt.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys
from collections.abc import Sequence

from app import cli, output
from app.paths import log_dir

logger = logging.getLogger("hoso")

PRIVATE_UMASK = 0o077


def private_files() -> None:
    """Everything HoSo writes (the database and its -wal/-shm, exports, PDFs, logs, recovery files)
    holds personal data: created 0600 in 0700 folders whatever the user's umask. Set first, before
    anything is written. Windows has no umask: the per-user data folder's ACL protects it."""
    if os.name == "posix":
        os.umask(PRIVATE_UMASK)


def configure_logging() -> str:
    path = log_dir() / "hoso.log"
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=2_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return str(path)


def launch_gui(target: str) -> int:
    from ui.application import run_app

    return run_app(target)


def main(argv: Sequence[str] | None = None) -> int:
    private_files()
    log_path = configure_logging()
    try:
        return cli.run(argv, gui=launch_gui)
    except Exception as exc:  # the last guard: a user never sees a traceback
        logger.exception("Lỗi không mong đợi")
        output.message(f"Lỗi không mong đợi: {exc}. Chi tiết đã ghi vào {log_path}.")
        return 1


if __name__ == "__main__":
    sys.exit(main())
