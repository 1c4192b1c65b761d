#!/usr/bin/env python3
"""HoSo's two commands, on a fresh machine with only Python 3.11+.

    python3 dev.py app [--demo]     start the desktop app on your local database
                                    (--demo first fills an empty database with 2,000 demo profiles)
    python3 dev.py test [ARGS]      run every test (ARGS go to pytest)
    python3 dev.py bench [--full] [ARGS]
                                    run the benchmarks (tests/benchmarks, on demand) at 100,000 profiles
                                    (the sync to PostgreSQL at 10,000) and print one table of HoSo /
                                    baseline / ratio / goal / verdict; under 15 minutes once the
                                    100,000-profile database is built (once per generator version, kept
                                    in HOSO_BENCH_DIR). --full adds the long runs: the sync at 100,000
                                    too and the declaration benchmark on a unit of 1,000 (250 by
                                    default), about 40 minutes more; -k sync runs the sync alone
    python3 dev.py fuzz [ARGS]      the long fuzzing run (tests/fuzz, 10,000 examples each)
    python3 dev.py hoso ARGS        run the command line (same as `hoso ARGS` once installed)
    python3 dev.py build            the one-folder program for this platform, into dist/HoSo/
                                    (PyInstaller, packaging/hoso.spec; no Python needed to run it)

Each command first makes sure ``.venv`` exists and holds the project with its dependencies
(re-installed only when pyproject.toml changes), then runs inside it.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import time
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


def ensure_build_tools(python: Path | str = PYTHON) -> None:
    """PyInstaller (the optional extra ``build``), installed on first use only: people who never
    build never download it."""
    if subprocess.run([str(python), "-c", "import PyInstaller"], capture_output=True).returncode == 0:
        return
    print("Đang cài công cụ đóng gói (PyInstaller)…", file=sys.stderr)
    subprocess.run([str(python), "-m", "pip", "--disable-pip-version-check", "-q", "install", "-e",
                    f"{ROOT}[build]"], check=True)


def build_app(python: Path | str = PYTHON, dist: Path = ROOT / "dist", work: Path = ROOT / "build") -> Path:
    """Run PyInstaller on packaging/hoso.spec; the program folder is ``dist/HoSo``. Checks that the
    program starts and reports its version; returns the folder."""
    started = time.monotonic()
    subprocess.run([str(python), "-m", "PyInstaller", str(ROOT / "packaging" / "hoso.spec"), "--noconfirm",
                    "--log-level", "WARN", "--distpath", str(dist), "--workpath", str(work / "pyinstaller")],
                   cwd=ROOT, check=True)
    folder = dist / "HoSo"
    program = folder / ("hoso-cli.exe" if os.name == "nt" else "HoSo")
    shown = subprocess.run([str(program), "--version"], capture_output=True, text=True, check=True).stdout.strip()
    size = sum(f.stat().st_size for f in folder.rglob("*") if f.is_file() and not f.is_symlink())
    print(f"{shown}: {folder} ({size / 1e6:.0f} MB, đóng gói trong {time.monotonic() - started:.0f} giây)",
          file=sys.stderr)
    return folder


def run(args: list[str]) -> int:
    return subprocess.run([str(PYTHON), *args], cwd=ROOT).returncode


BENCH = "tests/benchmarks"
SYNC_BENCH = f"{BENCH}/test_sync_speed.py"
SYNC_SIZES = ("10000", "100000")  # the sizes of issue 12's figures: the first by default, both with --full


def bench(rest: list[str]) -> int:
    """The benchmarks, then their one table. The default run stays within 15 minutes on the
    development machine: the sync benchmark runs at 10,000 profiles (a full sync of 100,000 to
    PostgreSQL takes 20 minutes and more: with --full), and the declaration benchmark issues a unit
    of 250 (its ratios are per file: a unit of 1,000 repeats the same work four times) unless --full
    or HOSO_DECL_COUNT says otherwise. The sync runs in a pytest process of its own (its size is
    read at import). ARGS go to every pytest run (-k, -x, a module's path)."""
    started = time.monotonic()
    full = "--full" in rest
    rest = [a for a in rest if a != "--full"]
    os.environ["HOSO_BENCH"] = "1"
    os.environ.setdefault("HOSO_BENCH_RUNS", "3")  # repeated runs of a module that asks (a spread, not a wait)
    os.environ.setdefault("HOSO_DECL_COUNT", "1000" if full else "250")
    built = ROOT / "dist" / "HoSo"  # the start-up of the built app is compared when it was built
    if "HOSO_BUILT_APP" not in os.environ and built.is_dir():
        os.environ["HOSO_BUILT_APP"] = str(built)
    pytest = ["-m", "pytest", "-s", "-p", "no:cacheprovider"]
    paths = [a for a in rest if a.split("::")[0].startswith(BENCH)]  # modules named: only those run
    options = [a for a in rest if a not in paths]
    sync_paths = [p for p in paths if p.startswith(SYNC_BENCH)]
    other_paths = [p for p in paths if p not in sync_paths]
    run(["-m", "tests.benchmarks.table", "--reset"])
    codes = []
    if other_paths or not paths:
        codes.append(run([*pytest, *(other_paths or [BENCH]), f"--ignore={SYNC_BENCH}", *options]))
    if sync_paths or not paths:  # at 10,000; HOSO_BENCH_COUNT's size when given; both sizes with --full
        sizes = SYNC_SIZES if full else (os.environ.get("HOSO_BENCH_COUNT", SYNC_SIZES[0]),)
        for size in sizes:
            env = {**os.environ, "HOSO_BENCH_COUNT": size}
            codes.append(subprocess.run([str(PYTHON), *pytest, *(sync_paths or [SYNC_BENCH]), *options],
                                        cwd=ROOT, env=env).returncode)
    print("\n" + "=" * 30 + " HoSo / baseline " + "=" * 30)
    run(["-m", "tests.benchmarks.table"])
    load = ("; load average (1, 5, 15 min) " + ", ".join(f"{x:.1f}" for x in os.getloadavg())
            if hasattr(os, "getloadavg") else "")  # a shared machine stretches the wall clock
    print(f"\n(dev.py bench: {(time.monotonic() - started) / 60:.1f} phút{load})")
    failed = [c for c in codes if c not in (0, 5)]  # 5: -k selected nothing in that run
    return failed[0] if failed else (0 if 0 in codes else (codes[0] if codes else 0))


def main(argv: list[str]) -> int:
    command, rest = (argv[0], argv[1:]) if argv else ("app", [])
    if command not in ("app", "test", "bench", "fuzz", "hoso", "build"):
        print(__doc__, file=sys.stderr)
        return 2
    ensure_environment()
    if command == "test":
        return run(["-m", "pytest", *rest])
    if command == "bench":
        return bench(rest)
    if command == "fuzz":
        os.environ["HOSO_FUZZ"] = "1"
        return run(["-m", "pytest", "tests/fuzz", "-p", "no:cacheprovider", *rest])
    if command == "hoso":
        return run(["main.py", *rest])
    if command == "build":
        if rest:
            print(__doc__, file=sys.stderr)
            return 2
        ensure_build_tools()
        try:
            build_app()
        except subprocess.CalledProcessError as exc:
            print(f"Đóng gói không thành công (lệnh trả về mã {exc.returncode}).", file=sys.stderr)
            return 1
        return 0
    if "--demo" in rest:
        rest.remove("--demo")
        code = run(["main.py", "demo", "--count", "2000", "--if-empty", *rest])
        if code:
            return code
    return run(["main.py", "gui", *rest])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
