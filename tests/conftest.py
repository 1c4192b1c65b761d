"""Root test configuration: Qt runs offscreen, every test gets its own temporary database."""

from __future__ import annotations

import functools
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from argon2 import PasswordHasher, Type

from app.security import passwords
from tests import sqlite_guard

sqlite_guard.install()

# argon2id with the cheapest parameters: accounts are made in hundreds of tests; the real ones
# (app.security.passwords.HASHER) cost a quarter of a second each.
CHEAP_HASHER = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1, type=Type.ID)


@pytest.fixture(autouse=True)
def _no_statement_outlives_its_session():
    """A test whose code hands a pooled SQLite connection back with a statement still running
    (an unfinished result: the next session on that connection would read an old snapshot) fails,
    naming the statement (tests/sqlite_guard.py; HOSO_CURSOR_STACKS=1 adds where it was opened)."""
    sqlite_guard.take()
    yield
    leaks = sqlite_guard.take()
    if leaks:
        pytest.fail("\n".join(str(leak) for leak in leaks), pytrace=False)


@pytest.fixture(autouse=True)
def _cheap_password_hashes(monkeypatch) -> None:
    monkeypatch.setattr(passwords, "HASHER", CHEAP_HASHER)


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path_factory, monkeypatch) -> None:
    """No test touches the real user's data folder."""
    monkeypatch.setenv("HOSO_DATA_DIR", str(tmp_path_factory.mktemp("hoso-data")))


@pytest.fixture(autouse=True)
def _private_qt_settings(tmp_path, monkeypatch) -> None:
    """Qt settings (window geometry, columns, language) go to a fresh folder for every test."""
    monkeypatch.setenv("HOSO_SETTINGS_DIR", str(tmp_path / "qt-settings"))


# Every qtbot wait (waitUntil, waitSignal…) is a condition with a safety limit, never a measure of
# speed: it returns as soon as the condition holds. The limits the tests name (3–10 s) were passed
# under load (the machine shared, load average 11–15: a list search, a wizard page read off the UI
# thread took longer), failing sound tests. Each limit is raised to at least HOSO_UI_WAIT_MS
# (default 60 s); a wait that was going to fail still fails, later.
UI_WAIT_FLOOR_MS = int(os.environ.get("HOSO_UI_WAIT_MS", "60000"))
_QTBOT_WAITS = ("waitUntil", "waitSignal", "waitSignals", "waitCallback", "waitExposed", "waitActive")


def _patient(wait):  # noqa: ANN001, ANN202 - a QtBot method
    @functools.wraps(wait)
    def patient(self, *args, timeout=5000, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        if timeout:  # 0 / None: "no limit" in pytest-qt, kept
            timeout = max(timeout, UI_WAIT_FLOOR_MS)
        return wait(self, *args, timeout=timeout, **kwargs)

    patient.hoso_patient = True
    return patient


@pytest.fixture(autouse=True, scope="session")
def _patient_qt_waits():
    try:
        from pytestqt.qtbot import QtBot
    except ImportError:  # pragma: no cover - pytest-qt is part of the test requirements
        yield
        return
    patch = pytest.MonkeyPatch()
    for name in _QTBOT_WAITS:
        if not getattr(getattr(QtBot, name), "hoso_patient", False):
            patch.setattr(QtBot, name, _patient(getattr(QtBot, name)))
    yield
    patch.undo()
