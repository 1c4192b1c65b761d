"""UI fixtures: a service on a fresh temporary database (catalogs and a few units loaded), settings
kept in the test's folder, and helpers that type like a user (input-method commits included)."""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QThreadPool
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app import units
from app.catalogs import load_catalogs
from app.db import open_database
from app.services import HoSoService
from tests.core.conftest import person_data
from ui import collector
from ui.application import install_translators

# HOSO_SHOTS=<folder>: the look tests save what they checked there (to look at by eye); unset: nothing
SHOTS = Path(os.environ["HOSO_SHOTS"]) if os.environ.get("HOSO_SHOTS") else None

UNITS = (("DN", "UBND thành phố Đà Nẵng", None), ("DN.SNV", "Sở Nội vụ", "DN"),
         ("DN.SNV.CCVC", "Phòng Công chức, viên chức", "DN.SNV"),
         ("DN.P.HAICHAU", "UBND phường Hải Châu", "DN"))


def settle(timeout_ms: int = 120_000) -> None:
    """Wait for the windows' background work (list loads, alert counts, copies run on the global
    thread pool) to end and its results to be delivered — a condition, not a fixed delay: under load
    a worker can take seconds. Repeated while the delivered results start more work."""
    app = QApplication.instance()
    if app is None:
        return
    pool = QThreadPool.globalInstance()
    for _ in range(20):
        app.processEvents()  # zero-delay timers start their work; finished signals are handled
        if pool.activeThreadCount() == 0:
            app.processEvents()
            if pool.activeThreadCount() == 0:
                return
        assert pool.waitForDone(timeout_ms), "background work still running after the timeout"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):  # noqa: ANN001, ANN201
    """Before any fixture is torn down (the database disposed, the widgets deleted): the test's
    background work ends here. A worker outliving its test ran on into the next one — its results
    delivered to the next test's event loop, its files written into the next test's folders."""
    settle()
    yield


@pytest.fixture
def no_message_boxes(monkeypatch) -> None:
    """A modal box would wait forever offscreen: make any unexpected one fail the test at once."""
    def refuse(*args, **kwargs):
        raise AssertionError(f"unexpected message box: {args[1:3]}")

    for name in ("warning", "information", "question", "critical"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(refuse))
    monkeypatch.setattr(QMessageBox, "exec", lambda self: refuse(None, self.windowTitle(), self.text()))


@pytest.fixture
def english(qtbot) -> Iterator[None]:
    """The UI in English for the test (Qt's translators), Vietnamese again afterwards."""
    app = QApplication.instance()
    install_translators(app, "en")
    yield
    install_translators(app, "vi")


@pytest.fixture(params=["vi", "en"])
def language(request, qtbot) -> Iterator[str]:
    """The test runs once in Vietnamese and once in English."""
    app = QApplication.instance()
    install_translators(app, request.param)
    yield request.param
    install_translators(app, "vi")


@pytest.fixture(autouse=True)
def _collect_on_the_ui_thread(qapp) -> None:
    """As the app does (ui/collector.py): no worker's garbage collection destroys a test's widgets."""
    collector.install(qapp)


@pytest.fixture(autouse=True)
def _private_settings(tmp_path_factory) -> None:
    """QSettings (window geometry) go to the test's folder, never the user's config."""
    folder = str(tmp_path_factory.mktemp("qsettings"))
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, folder)


@pytest.fixture(scope="session")
def template_db(tmp_path_factory) -> Path:
    """Migrated once, with catalogs and units; each test works on its own copy (fast)."""
    path = tmp_path_factory.mktemp("template") / "hoso.sqlite"
    db = open_database(path)
    with db.session("tester") as s:
        load_catalogs(s)
        for code, name, parent in UNITS:
            units.add_unit(s, code, name, parent)
    db.dispose()
    return path


@pytest.fixture
def service(tmp_path, template_db: Path) -> Iterator[HoSoService]:
    path = tmp_path / "ui-editor.sqlite"
    shutil.copyfile(template_db, path)
    db = open_database(path)
    yield HoSoService(db, user="tester")
    db.dispose()


@pytest.fixture
def full_person(service: HoSoService) -> uuid.UUID:
    """The core tests' full dossier (every section filled), in Sở Nội vụ."""
    return service.people.create_person(person_data(unit_code="DN.SNV")).id


# --- typing like a user (Qt-free helpers would not need the app; these drive widgets) ------------

def commit_text(widget: QWidget, text: str) -> None:
    """What Unikey / ibus send: a preedit string while composing, then the commit string."""
    widget.setFocus()
    QApplication.sendEvent(widget, QInputMethodEvent(text[:-1], []))
    commit = QInputMethodEvent()
    commit.setCommitString(text)
    QApplication.sendEvent(widget, commit)


def type_ascii(widget: QWidget, text: str) -> None:
    """``qtbot.keyClicks`` aborts on non-ASCII characters: refuse them loudly instead."""
    assert text.isascii(), "type Vietnamese with commit_text()"
    QTest.keyClicks(widget, text)


def press(widget: QWidget, key: Qt.Key,
          modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(widget, key, modifier)
