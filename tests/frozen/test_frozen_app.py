"""The one-folder program (issue 18): built once per session with `dev.py build`'s own code, then
started from the built folder only — no Python on PATH, no PYTHONPATH, a fresh home folder — the way
a clerk's machine runs it: --version, demo, search, reports, the data and log folders, a newer
database refused, the window to its first painted list, the crash dialog.

About a minute of CI time (the build ~35 s of CPU, the runs ~20 s). Skipped only when PyInstaller
cannot be installed (no network and no copy in the environment)."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from app.version import pyproject_version
from tests.frozen import support as frozen

pytestmark = pytest.mark.build
SOURCE_VERSION = pyproject_version(frozen.ROOT / "pyproject.toml")


@pytest.fixture(scope="module")
def app_folder(tmp_path_factory) -> Path:
    if folder := frozen.prebuilt():
        return folder
    out = tmp_path_factory.mktemp("hoso-build")
    try:
        folder, seconds = frozen.build(out)
    except subprocess.CalledProcessError as exc:
        if subprocess.run([sys.executable, "-c", "import PyInstaller"], capture_output=True).returncode:
            pytest.skip(f"PyInstaller cannot be installed here (pip exit code {exc.returncode}); "
                        "the build test needs it (python3 dev.py build installs it)")
        raise
    print(f"\nbuild: {seconds:.0f} s, {frozen.folder_size(folder) / 1e6:.0f} MB")
    return folder


@pytest.fixture(scope="module")
def home(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("clerk-home")


@pytest.fixture(scope="module")
def env(home) -> dict[str, str]:
    return frozen.clean_env(home)


@pytest.fixture(scope="module")
def with_demo(app_folder, env, home) -> Path:
    """`demo --count 50` and an administrator account (the window asks for a sign-in)."""
    done = frozen.run(app_folder, "demo", "--count", "50", env=env)
    assert done.returncode == 0, done.stderr
    assert "50 hồ sơ mẫu" in done.stderr
    added = frozen.run(app_folder, "user", "add", frozen.ADMIN, "--role", "admin", "--password-stdin",
                       "--no-forced-change", env=env, stdin=frozen.PASSWORD + "\n")
    assert added.returncode == 0, added.stderr
    database = home / ".local" / "share" / "HoSo" / "hoso.sqlite"  # the platform's data folder (XDG)
    assert database.exists()
    return database


def test_no_python_is_reachable_from_the_clerk_environment(env) -> None:
    assert shutil.which("python3", path=env["PATH"]) is None and shutil.which("python", path=env["PATH"]) is None
    assert "PYTHONPATH" not in env and "PYTHONHOME" not in env and "VIRTUAL_ENV" not in env


def test_version_is_the_one_in_pyproject(app_folder, env) -> None:
    done = frozen.run(app_folder, "--version", env=env)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"HoSo {SOURCE_VERSION}"


def test_the_folder_holds_only_what_hoso_uses(app_folder) -> None:
    internal = app_folder / "_internal"
    names = {p.name for p in internal.rglob("*")}
    for unwanted in ("QtWebEngineCore", "Qt3DCore", "QtQuick", "QtQml", "QtMultimedia", "libQt6WebEngineCore",
                     "libQt6Quick", "libQt6Qml", "libQt6Multimedia", "tkinter"):
        assert not [n for n in names if n.startswith(unwanted)], unwanted
    assert (internal / "resources" / "fonts" / "LiberationSerif-Regular.ttf").exists()
    assert (internal / "resources" / "translations" / "hoso_en.qm").exists()
    assert (internal / "resources" / "translations" / "qtbase_vi.qm").exists()
    assert (internal / "models" / "migrations" / "script.py.mako").exists()
    source = {p.name for p in (frozen.ROOT / "models" / "migrations" / "versions").glob("*.py")}
    assert {p.name for p in (internal / "models" / "migrations" / "versions").glob("*.py")} == source
    for folder in ("catalogs", "rules", "demo", "reports", "import"):
        expected = {p.name for p in (frozen.ROOT / "resources" / folder).iterdir() if p.suffix != ".py"}
        assert {p.name for p in (internal / "resources" / folder).iterdir()} >= expected, folder
    assert frozen.folder_size(app_folder) < 300e6  # ~230 MB today; PySide6 alone is 650 MB installed


def test_the_command_line_works_from_the_built_folder(app_folder, env, home, with_demo, tmp_path) -> None:
    found = frozen.run(app_folder, "search", "nguyen", "--json", env=env)
    assert found.returncode == 0, found.stderr
    people = json.loads(found.stdout)
    assert people and all(unicodedata.is_normalized("NFC", p["full_name"]) for p in people)
    assert any(p["full_name"].startswith("Nguyễn") for p in people)
    cccd = people[0]["cccd"]

    pdf = tmp_path / "2c.pdf"
    done = frozen.run(app_folder, "report", "2c", cccd, "--out", str(pdf), env=env)
    assert done.returncode == 0, done.stderr
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert people[0]["full_name"].upper() in text.upper() and "SƠ YẾU LÝ LỊCH" in text.upper()

    xlsx = tmp_path / "list.xlsx"  # openpyxl without lxml (left out of the build)
    done = frozen.run(app_folder, "report", "list", "--query", "nguyen", "--out", str(xlsx), env=env)
    assert done.returncode == 0, done.stderr
    from openpyxl import load_workbook

    cells = [c.value for row in load_workbook(xlsx).active.iter_rows() for c in row]
    assert people[0]["full_name"] in cells

    log = home / ".local" / "state" / "HoSo" / "log" / "hoso.log"  # the platform's log folder
    lines = log.read_text(encoding="utf-8").splitlines()
    assert f"HoSo {SOURCE_VERSION} (Python" in lines[0] and "bản đóng gói" in lines[0]
    assert cccd not in log.read_text(encoding="utf-8")  # personal data never lands in the log


def test_usage_errors_are_vietnamese(app_folder, env) -> None:
    done = frozen.run(app_folder, "search", "--limit", "nhiều", "x", env=env)
    assert done.returncode == 2 and "cách dùng không đúng" in done.stderr and "không phải số nguyên" in done.stderr


def test_the_window_reaches_its_first_painted_list(app_folder, env, with_demo, tmp_path) -> None:
    with frozen.display() as screen:
        done, probe, _ = frozen.start_window([str(app_folder / frozen.EXE)], {**env, **screen},
                                             tmp_path / "probe.json")
    assert done.returncode == 0, done.stderr
    assert probe["frozen"] is True and probe["rows"] > 0 and probe["dialogs"] == []
    assert probe["title"].startswith("HoSo — Quản lý hồ sơ cán bộ, công chức, viên chức")  # Vietnamese
    assert probe["font_has_vietnamese"], probe["font"]  # ệ, ữ, đ… render in the list's font


def test_an_unhandled_error_shows_the_crash_dialog(app_folder, env, home, with_demo, tmp_path) -> None:
    with frozen.display() as screen:
        done, probe, _ = frozen.start_window([str(app_folder / frozen.EXE)], {**env, **screen},
                                             tmp_path / "probe.json", crash=True)
    assert probe.get("rows"), done.stderr
    assert [d["text"] for d in probe["dialogs"]] == ["HoSo gặp lỗi không mong đợi: lỗi thử của startup_probe"]
    log = (home / ".local" / "state" / "HoSo" / "log" / "hoso.log").read_text(encoding="utf-8")
    assert "CRITICAL ui.application: Unexpected error" in log and "RuntimeError: lỗi thử của startup_probe" in log


def test_a_newer_database_is_refused_untouched(app_folder, env, with_demo, tmp_path) -> None:
    newer = tmp_path / "newer.sqlite"
    shutil.copyfile(with_demo, newer)
    con = sqlite3.connect(newer)
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.commit()
    con.close()
    before = hashlib.sha256(newer.read_bytes()).hexdigest()
    done = frozen.run(app_folder, "search", "nguyen", "--db", str(newer), env=env)
    assert done.returncode == 1 and "phiên bản HoSo mới hơn" in done.stderr
    with frozen.display() as screen:
        done, probe, _ = frozen.start_window([str(app_folder / frozen.EXE), "gui", "--db", str(newer)],
                                             {**env, **screen}, tmp_path / "probe.json")
    assert done.returncode == 1
    assert len(probe["dialogs"]) == 1 and "phiên bản HoSo mới hơn" in probe["dialogs"][0]["text"]
    assert hashlib.sha256(newer.read_bytes()).hexdigest() == before
