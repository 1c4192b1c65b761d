"""HoSo's composition root: arguments → data folders → logging → database → CLI or the desktop app.

``python main.py`` (or the ``hoso`` console script) with no subcommand opens the desktop app on the
user's local database; any subcommand runs the command line of CONTRACT.md without importing Qt.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import platform
import sys
from collections.abc import Sequence

from app import cli, output
from app.paths import log_dir
from app.version import is_frozen, version_text

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
    logger.info("%s (Python %s, %s%s)", version_text(), platform.python_version(), platform.platform(),
                ", bản đóng gói" if is_frozen() else "")
    return str(path)


def launch_gui(target: str) -> int:
    from ui.application import run_app

    if probe := os.environ.get("HOSO_STARTUP_PROBE"):  # tests/frozen and the start-up benchmark only
        from ui.startup_probe import install

        install(probe)
    return run_app(target)


def _console_for_windowed_exe() -> None:
    """The built HoSo.exe is a windowed program on Windows (packaging/hoso.spec): it starts with no
    stdout/stderr. It attaches to the console it was started from, if any, so ``HoSo.exe search …``
    prints there (the prompt does not wait for it: scripts use the console program ``hoso-cli.exe``
    beside it); started from the Start menu it has none, and the command line's output goes nowhere
    instead of failing. Everywhere else (a console, a source run) this does nothing."""
    if sys.stdout is not None and sys.stderr is not None:
        return
    attached = False
    if sys.platform == "win32":
        import ctypes

        attached = bool(ctypes.windll.kernel32.AttachConsole(-1))  # ATTACH_PARENT_PROCESS
    out = open("CONOUT$" if attached else os.devnull, "w", encoding="utf-8", errors="replace")  # noqa: SIM115
    sys.stdout = sys.stdout or out
    sys.stderr = sys.stderr or out


def main(argv: Sequence[str] | None = None) -> int:
    private_files()
    log_path = configure_logging()
    _console_for_windowed_exe()
    try:
        return cli.run(argv, gui=launch_gui)
    except Exception as exc:  # the last guard: a user never sees a traceback
        logger.exception("Lỗi không mong đợi")
        output.message(f"Lỗi không mong đợi: {exc}. Chi tiết đã ghi vào {log_path}.")
        return 1


if __name__ == "__main__":
    sys.exit(main())
