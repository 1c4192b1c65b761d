"""The one version number (issue 18): pyproject.toml's ``[project] version``, read by app/version.py,
printed by ``--version``, written on the log's first line, shown in About and carried by every export
package's manifest. (The built program's ``--version`` is checked in test_frozen_app.py.)"""

from __future__ import annotations

import json
import logging
import os
import tomllib
import zipfile
from importlib.metadata import version as installed_version
from pathlib import Path

import pytest

from app import cli, version
from tests.frozen.support import ROOT

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


@pytest.fixture
def fresh_version(monkeypatch):
    version.version.cache_clear()
    yield version
    version.version.cache_clear()


def test_the_version_is_pyprojects(fresh_version) -> None:
    assert fresh_version.version() == PYPROJECT
    assert fresh_version.version_text() == f"HoSo {PYPROJECT}"


def test_without_a_pyproject_the_installed_metadata_answers(fresh_version, monkeypatch, tmp_path) -> None:
    assert installed_version("hoso") == PYPROJECT  # the environment's install is this checkout
    monkeypatch.setattr(version, "installed_version", lambda name: "7.7.7" if name == "hoso" else None)
    assert version.version() == PYPROJECT  # the checkout's file wins over (possibly stale) metadata
    version.version.cache_clear()
    monkeypatch.setattr(version, "_PYPROJECT", tmp_path / "pyproject.toml")
    assert version.version() == "7.7.7"


def test_another_projects_pyproject_is_not_read(tmp_path) -> None:
    other = tmp_path / "pyproject.toml"
    other.write_text('[project]\nname = "other"\nversion = "9.9.9"\n', encoding="utf-8")
    assert version.pyproject_version(other) is None
    other.write_text("[project\nname = ", encoding="utf-8")  # broken TOML
    assert version.pyproject_version(other) is None
    assert version.pyproject_version(tmp_path / "missing.toml") is None


def test_nothing_found_says_unknown(fresh_version, monkeypatch, tmp_path) -> None:
    from importlib.metadata import PackageNotFoundError

    def missing(name: str) -> str:
        raise PackageNotFoundError(name)

    monkeypatch.setattr(version, "_PYPROJECT", tmp_path / "pyproject.toml")
    monkeypatch.setattr(version, "installed_version", missing)
    assert version.version() == "0+unknown"


def test_dash_dash_version_prints_it_and_opens_no_database(capsys, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("HOSO_DATA_DIR", str(tmp_path))
    assert cli.run(["--version"]) == 0
    captured = capsys.readouterr()
    assert captured.out == f"HoSo {PYPROJECT}\n" and captured.err == ""
    assert not (tmp_path / "hoso.sqlite").exists()


def test_the_logs_first_line_names_the_version(tmp_path, monkeypatch, capsys) -> None:
    import main

    monkeypatch.setenv("HOSO_DATA_DIR", str(tmp_path))
    root = logging.getLogger()
    before = list(root.handlers)
    umask = os.umask(0o022)  # main() sets the private umask for the process: give the suite its own back
    os.umask(umask)
    try:
        assert main.main(["--version"]) == 0
    finally:
        os.umask(umask)
        for handler in set(root.handlers) - set(before):
            handler.close()
            root.removeHandler(handler)
    first = (tmp_path / "logs" / "hoso.log").read_text(encoding="utf-8").splitlines()[0]
    assert f"INFO hoso: HoSo {PYPROJECT} (Python " in first and "bản đóng gói" not in first


def test_about_shows_it() -> None:
    pytest.importorskip("PySide6")
    from ui import main_window

    assert main_window.VERSION == PYPROJECT


def test_every_export_packages_manifest_carries_it(tmp_path) -> None:
    from app import people
    from app.package.build import export_package
    from tests.core.conftest import make_database, person_data

    database = make_database(tmp_path)
    try:
        with database.session("clerk") as s:
            people.create_person(s, person_data(unit_code="DN.SNV"))
        out = tmp_path / "goi.zip"
        export_package(database, out, "DN.SNV", user="clerk")
    finally:
        database.dispose()
    with zipfile.ZipFile(out) as archive:
        manifest = json.loads(archive.read("manifest.json"))
    assert manifest["generator"] == f"HoSo {PYPROJECT}"


def test_the_spec_bundles_pyproject_for_the_frozen_version() -> None:
    """A frozen build has no dist-info: app/version.py finds pyproject.toml at the bundle's root,
    where the spec puts it (the built program's --version is checked in test_frozen_app.py)."""
    spec = (ROOT / "packaging" / "hoso.spec").read_text(encoding="utf-8")
    assert 'datas = [(str(ROOT / "pyproject.toml"), ".")]' in spec
    assert Path(version.__file__).resolve().parent.parent == ROOT


def test_a_windowed_program_without_stdout_still_runs_the_command_line(monkeypatch, capsys) -> None:
    """HoSo.exe (windowed, Windows) starts with sys.stdout/sys.stderr None: main.py gives it the
    parent console or a null device, so the command line's output never raises."""
    import sys

    import main
    from app import output

    kept = sys.stdout
    main._console_for_windowed_exe()
    assert sys.stdout is kept  # a console program (or a source run): nothing changes
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    main._console_for_windowed_exe()
    assert sys.stdout is not None and sys.stderr is not None
    output.out("HoSo")
    output.message("Lỗi: thử")
    sys.stdout.close()
