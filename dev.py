#!/usr/bin/env python3
"""HoSo's two commands, on a fresh machine with only Python 3.11+.

    python3 dev.py app [--demo]     start the desktop app on your local database
                                    (--demo first fills an empty database with 2,000 demo profiles)
    python3 dev.py test [ARGS]      run every test (ARGS go to pytest)
    python3 dev.py bench [ARGS]     run the benchmarks (tests/benchmarks, on demand)
    python3 dev.py fuzz [ARGS]      the long fuzzing run (tests/fuzz, 10,000 examples each)
    python3 dev.py hoso ARGS        run the command line (same as `hoso ARGS` once installed)

Each command first makes sure ``.venv`` exists and holds the project with its dependencies
(re-installed only when pyproject.toml changes), then runs inside it.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".hoso-installed"


def ensure_environment() -> None:
    if sys.version_info < (3, 11):  # noqa: UP036 - dev.py may run on an older system Python
        sys.exit("HoSo cần Python 3.11 trở lên.")
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text() == wanted and PYTHON.exists():
        return
    if not PYTHON.exists():
        print("Đang tạo môi trường Python (.venv)…", file=sys.stderr)
        try:
            venv.create(VENV, with_pip=True)
        except (subprocess.CalledProcessError, OSError) as exc:
            sys.exit(f"Không tạo được .venv ({exc}). Trên Debian/Ubuntu: sudo apt install python3-venv")
    print("Đang cài HoSo và các gói cần thiết…", file=sys.stderr)
    pip = [str(PYTHON), "-m", "pip", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "install", "--upgrade", "pip"], check=True)
    subprocess.run([*pip, "install", "-e", f"{ROOT}[test,bench]"], check=True)
    STAMP.write_text(wanted)


def run(args: list[str]) -> int:
    return subprocess.run([str(PYTHON), *args], cwd=ROOT).returncode


def main(argv: list[str]) -> int:
    command, rest = (argv[0], argv[1:]) if argv else ("app", [])
    if command not in ("app", "test", "bench", "fuzz", "hoso"):
        print(__doc__, file=sys.stderr)
        return 2
    ensure_environment()
    if command == "test":
        return run(["-m", "pytest", *rest])
    if command == "bench":
        os.environ["HOSO_BENCH"] = "1"
        run(["-m", "tests.benchmarks.table", "--reset"])
        code = run(["-m", "pytest", "tests/benchmarks", "-s", "-p", "no:cacheprovider", *rest])
        print("\n" + "=" * 30 + " HoSo / baseline " + "=" * 30)
        run(["-m", "tests.benchmarks.table"])
        return code
    if command == "fuzz":
        os.environ["HOSO_FUZZ"] = "1"
        return run(["-m", "pytest", "tests/fuzz", "-p", "no:cacheprovider", *rest])
    if command == "hoso":
        return run(["main.py", *rest])
    if "--demo" in rest:
        rest.remove("--demo")
        code = run(["main.py", "demo", "--count", "2000", "--if-empty", *rest])
        if code:
            return code
    return run(["main.py", "gui", *rest])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
