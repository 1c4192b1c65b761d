"""The sync dialog and the status-bar line (no PostgreSQL needed: an unreachable city is the case)."""

from __future__ import annotations

import json
import stat

from PySide6.QtWidgets import QMainWindow

from app import units
from app.catalogs import load_catalogs
from app.city.credentials import credentials_file
from app.db import open_database
from tests.city.conftest import pg_url  # noqa: F401 - the PostgreSQL fixture
from tests.ui.conftest import UNITS
from ui import sync_ui
from ui.events import DataEvents


class Window(QMainWindow):
    def __init__(self, service):
        super().__init__()
        self.service = service
        self.events = DataEvents()


def test_status_bar_counts_unsent_dossiers(qtbot, service, full_person) -> None:
    window = Window(service)
    qtbot.addWidget(window)
    indicator = sync_ui.install(window)
    qtbot.waitUntil(lambda: indicator.text().startswith("Chưa đồng bộ: 1 hồ sơ"), timeout=5000)
    assert "hạn gần nhất" in indicator.text()


def test_failed_sync_shows_the_host_and_remembers_privately(qtbot, service, full_person, no_message_boxes) -> None:
    window = Window(service)
    qtbot.addWidget(window)
    dialog = sync_ui.show_sync(window)
    qtbot.addWidget(dialog)
    assert "Chưa đồng bộ lần nào" in dialog.state_label.text()
    dialog.url_edit.setText("postgresql+psycopg://127.0.0.1:1/hoso_thanhpho")
    dialog.user_edit.setText("donvi_snv")
    dialog.password_edit.setText("mat-khau-bi-mat")
    dialog.remember_check.setChecked(True)
    dialog.sync_button.click()
    qtbot.waitUntil(lambda: dialog.sync_button.isEnabled(), timeout=10000)
    assert "127.0.0.1:1" in dialog.result_label.text()
    path = credentials_file()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    stored = json.loads(path.read_text(encoding="utf-8"))
    assert stored == {"postgresql+psycopg://127.0.0.1:1/hoso_thanhpho": {"user": "donvi_snv",
                                                                         "password": "mat-khau-bi-mat"}}
    again = sync_ui.show_sync(window)
    qtbot.addWidget(again)
    assert again.user_edit.text() == "donvi_snv" and again.remember_check.isChecked()


def test_sync_from_the_dialog_then_nothing_pending(qtbot, service, full_person, pg_url,  # noqa: F811
                                                   no_message_boxes) -> None:
    city = open_database(pg_url)
    with city.session("admin") as s:
        load_catalogs(s)
        for code, name, parent in UNITS:
            units.add_unit(s, code, name, parent)
    from app.city.init import city_init

    city_init(city)  # the sync speaks to the city only through the function API city init installs
    city.dispose()
    window = Window(service)
    qtbot.addWidget(window)
    indicator = sync_ui.install(window)
    dialog = sync_ui.show_sync(window)
    qtbot.addWidget(dialog)
    dialog.url_edit.setText(pg_url)
    dialog.sync_button.click()
    qtbot.waitUntil(lambda: dialog.sync_button.isEnabled() and dialog.summary is not None, timeout=20000)
    assert "thêm mới 1" in dialog.result_label.text()
    assert dialog.problems_list.count() == 0
    assert "Lần đồng bộ gần nhất" in dialog.state_label.text()
    qtbot.waitUntil(lambda: indicator.text() == "Đã đồng bộ đủ", timeout=5000)
