"""Root test configuration: Qt runs offscreen, every test gets its own temporary database."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path_factory, monkeypatch) -> None:
    """No test touches the real user's data folder."""
    monkeypatch.setenv("HOSO_DATA_DIR", str(tmp_path_factory.mktemp("hoso-data")))


@pytest.fixture(autouse=True)
def _private_qt_settings(tmp_path, monkeypatch) -> None:
    """Qt settings (window geometry, columns, language) go to a fresh folder for every test."""
    monkeypatch.setenv("HOSO_SETTINGS_DIR", str(tmp_path / "qt-settings"))
