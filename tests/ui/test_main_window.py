"""The desktop window (placeholder until the desktop issue): real widgets, offscreen."""

from __future__ import annotations

import pytest

from app import units
from app.db import open_database
from app.service import HoSoService
from ui.application import MainWindow


@pytest.fixture
def service(tmp_path):
    db = open_database(tmp_path / "ui.sqlite")
    with db.session() as s:
        units.add_unit(s, "DN", "UBND thành phố Đà Nẵng")
        units.add_unit(s, "DN.SNV", "Sở Nội vụ", "DN")
    yield HoSoService(db)
    db.dispose()


def test_window_shows_the_database_and_the_unit_tree(qtbot, service) -> None:
    window = MainWindow(service)
    qtbot.addWidget(window)
    assert "0 hồ sơ, 2 đơn vị" in window.summary_label.text()
    root = window.units_tree.topLevelItem(0)
    assert root.text(0) == "UBND thành phố Đà Nẵng" and root.child(0).text(1) == "DN.SNV"


def test_demo_button_loads_profiles(qtbot, service, monkeypatch) -> None:
    monkeypatch.setattr(service, "load_demo", lambda count, seed=1: _fake_demo(service, count))
    window = MainWindow(service)
    qtbot.addWidget(window)
    window.demo_button.click()
    assert "1 hồ sơ" in window.summary_label.text()


def _fake_demo(service: HoSoService, count: int) -> int:
    service.create_person({"cccd": "048085001234", "full_name": "Nguyễn Văn Bình", "birth_date": "1985-03-12",
                           "sex": "Nam", "unit_code": "DN.SNV"})
    return 1
