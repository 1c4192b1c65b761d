"""Helpers shared by the build test and the start-up benchmark: build the one-folder program once,
run it the way a clerk's machine would (no Python on PATH, no PYTHONPATH, a fresh home folder), and
start its window under Xvfb (offscreen when Xvfb is missing)."""

from __future__ import annotations

import contextlib
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EXE = "HoSo.exe" if os.name == "nt" else "HoSo"
CLI_EXE = "hoso-cli.exe" if os.name == "nt" else "HoSo"  # on Windows HoSo.exe is a windowed program
ADMIN, PASSWORD = "quantri", "mat-khau-thu-123"


def load_dev():
    """dev.py as a module: the test builds through the very code `python3 dev.py build` runs."""
    spec = importlib.util.spec_from_file_location("hoso_dev", ROOT / "dev.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def build(out: Path) -> tuple[Path, float]:
    """Build into ``out`` (PyInstaller installed into this environment first if missing: the
    ``build`` extra). Returns the folder and the build's wall-clock seconds."""
    dev = load_dev()
    dev.ensure_build_tools(sys.executable)
    started = time.perf_counter()
    folder = dev.build_app(sys.executable, dist=out / "dist", work=out / "work")
    return folder, time.perf_counter() - started


def prebuilt() -> Path | None:
    """``HOSO_BUILT_APP=dist/HoSo`` reuses a folder built earlier (local runs only; CI builds)."""
    chosen = os.environ.get("HOSO_BUILT_APP")
    return Path(chosen).resolve() if chosen and (Path(chosen) / EXE).exists() else None


def path_without_python() -> str:
    """PATH with every folder that holds a Python interpreter left out."""
    kept = []
    for folder in os.environ.get("PATH", "").split(os.pathsep):
        entries = Path(folder)
        if folder and entries.is_dir() and not any(entries.glob("python*")):
            kept.append(folder)
    return os.pathsep.join(kept) or str(Path("/nonexistent"))


def clean_env(home: Path, **extra: str) -> dict[str, str]:
    """A clerk's environment: a home folder, a UTF-8 locale, no Python anywhere."""
    env = {"PATH": path_without_python(), "HOME": str(home), "LANG": "C.UTF-8", "USER": "clerk"}
    if os.name == "nt":
        env.update(SYSTEMROOT=os.environ.get("SYSTEMROOT", ""), LOCALAPPDATA=str(home / "AppData" / "Local"),
                   APPDATA=str(home / "AppData" / "Roaming"), USERPROFILE=str(home))
    env.update(extra)
    return env


def run(folder: Path, *args: str, env: dict[str, str], stdin: str | None = None,
        timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(folder / CLI_EXE), *args], env=env, input=stdin, capture_output=True, text=True,
                          encoding="utf-8", timeout=timeout, cwd=folder.parent)


@contextlib.contextmanager
def display() -> Iterator[dict[str, str]]:
    """Xvfb when installed (CI installs it), else Qt's offscreen platform."""
    xvfb = shutil.which("Xvfb")
    if xvfb is None or os.name == "nt":
        yield {"QT_QPA_PLATFORM": "offscreen"}
        return
    read, write = os.pipe()
    server = subprocess.Popen([xvfb, "-displayfd", str(write), "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
                              pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    try:
        with os.fdopen(read) as fh:
            number = fh.readline().strip()
        if not number:
            raise RuntimeError("Xvfb did not start")
        yield {"DISPLAY": f":{number}", "QT_QPA_PLATFORM": "xcb"}
    finally:
        server.terminate()
        server.wait(timeout=30)


def start_window(command: list[str], env: dict[str, str], report: Path, *, crash: bool = False,
                 cwd: Path | None = None, timeout: float = 300) -> tuple[subprocess.CompletedProcess[str], dict, float]:
    """Start the desktop app with the start-up probe (ui/startup_probe.py), signing in as ADMIN.
    Returns the process, the probe's report and the wall-clock time the process was started at."""
    report.unlink(missing_ok=True)
    probe = {"HOSO_STARTUP_PROBE": str(report), "HOSO_STARTUP_PROBE_LOGIN": ADMIN,
             "HOSO_STARTUP_PROBE_PASSWORD": PASSWORD}
    if crash:
        probe["HOSO_STARTUP_PROBE_CRASH"] = "1"
    before = _children_cpu()
    started = time.time()
    done = subprocess.run(command, env={**env, **probe}, capture_output=True, text=True, encoding="utf-8",
                          timeout=timeout, cwd=cwd)
    result = json.loads(report.read_text(encoding="utf-8")) if report.exists() else {}
    if before is not None:
        result["cpu_s"] = _children_cpu() - before  # the whole run, start to exit, user + system
    return done, result, started


def _children_cpu() -> float | None:
    try:
        import resource
    except ImportError:  # Windows
        return None
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def folder_size(folder: Path) -> int:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file() and not f.is_symlink())
