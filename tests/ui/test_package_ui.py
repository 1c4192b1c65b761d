"""Công cụ → Xuất gói hồ sơ có ký số… / Nhập gói hồ sơ…: the dialogs driven with the file dialogs
and message boxes replaced, the work done on the background helper."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from app.db import open_database
from app.package.keys import public_key_info, trust_key
from app.services import HoSoService
from ui import package_ui
from ui.events import DataEvents


class FakeWindow(QWidget):
    """What the menu hands over: the service, the unit tree's selection and the data events."""

    def __init__(self, service: HoSoService, current: str | None):
        super().__init__()
        self.service = service
        self.units = SimpleNamespace(current_code=lambda: current)
        self.events = DataEvents(self)


@pytest.fixture
def city(tmp_path, template_db: Path, service) -> HoSoService:
    """The Department's database (a copy of the template) trusting the unit DN.SNV's key."""
    path = tmp_path / "city.sqlite"
    shutil.copyfile(template_db, path)
    db = open_database(path)
    with db.session("snv") as s:
        trust_key(s, public_key_info("DN.SNV"), "snv")
    yield HoSoService(db, user="snv")
    db.dispose()


@pytest.fixture
def boxes(monkeypatch) -> dict[str, list[str]]:
    seen: dict[str, list[str]] = {"information": [], "warning": []}
    for kind in seen:
        monkeypatch.setattr(QMessageBox, kind, staticmethod(lambda _p, _t, text, *a, k=kind: seen[k].append(text)))
    return seen


def _export(qtbot, monkeypatch, service, boxes, out: Path) -> None:
    window = FakeWindow(service, "DN.SNV")
    qtbot.addWidget(window)
    chosen: list[str] = []

    def accept(dialog: QDialog) -> QDialog.DialogCode:
        chosen.append(dialog.unit_combo.currentData())
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(package_ui.ExportDialog, "exec", accept)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out), "")))
    package_ui.export_package(window)
    qtbot.waitUntil(lambda: bool(boxes["information"] or boxes["warning"]), timeout=10000)
    assert chosen == ["DN.SNV"] and boxes["warning"] == []


def test_export_writes_the_package_of_the_selected_unit(qtbot, monkeypatch, service, full_person, boxes,
                                                        tmp_path) -> None:
    out = tmp_path / "goi.zip"
    _export(qtbot, monkeypatch, service, boxes, out)
    assert "1 hồ sơ" in boxes["information"][0]
    with zipfile.ZipFile(out) as z:
        assert json.loads(z.read("manifest.json"))["unit"]["code"] == "DN.SNV"


def test_import_shows_the_package_then_imports_it_and_a_second_time_says_so(
        qtbot, monkeypatch, service, full_person, city, boxes, tmp_path) -> None:
    out = tmp_path / "goi.zip"
    _export(qtbot, monkeypatch, service, boxes, out)
    window = FakeWindow(city, None)
    qtbot.addWidget(window)
    shown: dict[str, str] = {}

    def confirm(dialog: QDialog) -> QDialog.DialogCode:
        shown.update(unit=dialog.unit_label.text(), fingerprint=dialog.fingerprint_label.text(),
                     counts=dialog.counts_label.text())
        return QDialog.DialogCode.Accepted

    def result(dialog: QDialog) -> QDialog.DialogCode:
        shown["summary"] = dialog.summary_label.text()
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(package_ui.ConfirmImportDialog, "exec", confirm)
    monkeypatch.setattr(package_ui.ImportResultDialog, "exec", result)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(out), "")))
    with qtbot.waitSignal(window.events.people_changed, timeout=10000):
        package_ui.import_package(window)
    qtbot.waitUntil(lambda: "summary" in shown, timeout=5000)
    assert shown["unit"].startswith("DN.SNV")
    assert shown["fingerprint"].replace(" ", "") == public_key_info("DN.SNV").fingerprint
    assert shown["counts"].startswith("1 hồ sơ")
    assert "1 thêm mới" in shown["summary"]
    assert city.people.person("048085001234")["full_name"] == "Nguyễn Văn Bình"

    before = len(boxes["information"])
    package_ui.import_package(window)
    qtbot.waitUntil(lambda: len(boxes["information"]) > before, timeout=5000)
    assert "đã nhập trước đây" in boxes["information"][-1]


def test_a_refused_package_shows_why_and_asks_nothing(qtbot, monkeypatch, service, full_person, city, boxes,
                                                      tmp_path) -> None:
    out = tmp_path / "goi.zip"
    _export(qtbot, monkeypatch, service, boxes, out)
    bad = tmp_path / "bad.zip"
    with zipfile.ZipFile(out) as src, zipfile.ZipFile(bad, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            dst.writestr(item, data.replace(b"1985", b"1986") if item.filename.startswith("persons/") else data)
    window = FakeWindow(city, None)
    qtbot.addWidget(window)
    monkeypatch.setattr(package_ui.ConfirmImportDialog, "exec", lambda d: pytest.fail("asked to import"))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(bad), "")))
    package_ui.import_package(window)
    qtbot.waitUntil(lambda: bool(boxes["warning"]), timeout=5000)
    assert "bị từ chối" in boxes["warning"][0] and "persons/" in boxes["warning"][0]


def test_cancelling_the_unit_choice_writes_nothing(qtbot, monkeypatch, service, boxes, tmp_path) -> None:
    window = FakeWindow(service, None)
    qtbot.addWidget(window)
    monkeypatch.setattr(package_ui.ExportDialog, "exec", lambda d: QDialog.DialogCode.Rejected)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: pytest.fail("asked a file")))
    package_ui.export_package(window)
    assert list(tmp_path.glob("*.zip")) == [] and boxes == {"information": [], "warning": []}


def test_the_main_window_menu_runs_the_export(qtbot, monkeypatch, service, boxes, tmp_path) -> None:
    """No person here: the preview's own read-then-log transaction would race the export's log
    write on SQLite (reported to the lead); the menu wiring is what this test is about."""
    from ui import main_window

    window = main_window.MainWindow(service)
    qtbot.addWidget(window)
    actions = {a.objectName(): a for a in window.findChildren(type(window.menuBar().actions()[0]))}
    out = tmp_path / "menu.zip"
    monkeypatch.setattr(package_ui.ExportDialog, "exec", lambda d: (d.unit_combo.setCurrentIndex(
        d.unit_combo.findData("DN.SNV")), QDialog.DialogCode.Accepted)[1])
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out), "")))
    actions["export_package_action"].trigger()
    qtbot.waitUntil(lambda: bool(boxes["information"] or boxes["warning"]), timeout=10000)
    assert boxes["warning"] == [] and out.exists()
    assert "import_package_action" in actions


def test_the_export_dialog_saves_the_public_key(qtbot, monkeypatch, service, boxes, tmp_path) -> None:
    from app.package.keys import read_public_key, spaced

    dialog = package_ui.ExportDialog(None, service.units.list_units(), "DN.SNV", service)
    qtbot.addWidget(dialog)
    target = tmp_path / "snv.pub"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    dialog.key_button.click()
    info = read_public_key(target)
    assert info.unit_code == "DN.SNV" and spaced(info.fingerprint) in boxes["information"][0]


# --- Công cụ → Khoá ký số của các đơn vị… -----------------------------------------------------------

def _table(dialog: package_ui.KeysDialog) -> list[list[str]]:
    return [[dialog.table.item(r, c).text() for c in range(dialog.table.columnCount())]
            for r in range(dialog.table.rowCount())]


def test_the_keys_dialog_lists_adds_after_confirming_and_untrusts(qtbot, monkeypatch, city, boxes, tmp_path) -> None:
    from app.package.keys import spaced, write_public_key

    dialog = package_ui.KeysDialog(None, city)
    qtbot.addWidget(dialog)
    snv = public_key_info("DN.SNV")
    assert _table(dialog)[0][:3] == ["DN.SNV", "Sở Nội vụ", spaced(snv.fingerprint)]
    assert _table(dialog)[0][4] == "snv" and not dialog.remove_button.isEnabled()

    path = tmp_path / "haichau.pub"
    haichau = public_key_info("DN.P.HAICHAU", "Phường Hải Châu")
    write_public_key(path, haichau)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))
    asked: list[str] = []
    answer = {"yes": False}
    monkeypatch.setattr(package_ui, "confirm", lambda _p, text, _yes: asked.append(text) or answer["yes"])
    dialog.add_button.click()  # shown, then declined: nothing trusted
    assert "DN.P.HAICHAU — UBND phường Hải Châu" in asked[0] and spaced(haichau.fingerprint) in asked[0]
    assert package_ui.COMPARE in asked[0]
    assert [row[0] for row in _table(dialog)] == ["DN.SNV"]
    answer["yes"] = True
    dialog.add_button.click()
    assert [row[0] for row in _table(dialog)] == ["DN.P.HAICHAU", "DN.SNV"]
    assert _table(dialog)[0][4] == "snv"
    dialog.add_button.click()  # the same file again: said so, not asked
    assert len(asked) == 2 and "đã được tin cậy từ trước" in boxes["information"][-1]

    dialog.table.selectRow(0)
    assert dialog.remove_button.isEnabled()
    answer["yes"] = False
    dialog.remove_button.click()
    assert "Thôi tin cậy khoá ký số của đơn vị DN.P.HAICHAU" in asked[-1]
    assert len(_table(dialog)) == 2
    answer["yes"] = True
    dialog.table.selectRow(0)
    dialog.remove_button.click()
    assert [row[0] for row in _table(dialog)] == ["DN.SNV"] and boxes["warning"] == []


def test_a_bad_key_file_shows_why_and_asks_nothing(qtbot, monkeypatch, city, boxes, tmp_path) -> None:
    dialog = package_ui.KeysDialog(None, city)
    qtbot.addWidget(dialog)
    path = tmp_path / "bad.pub"
    path.write_text("{}", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))
    monkeypatch.setattr(package_ui, "confirm", lambda *a: pytest.fail("asked to trust"))
    dialog.add_button.click()
    assert "không phải tệp khoá công khai" in boxes["warning"][0]


def test_manage_keys_is_for_administrators_only(qtbot, monkeypatch, city, boxes) -> None:
    from app.security.principal import Principal

    clerk = HoSoService(city.database, principal=Principal("nv", "clerk", frozenset()))
    window = FakeWindow(clerk, None)
    qtbot.addWidget(window)
    monkeypatch.setattr(package_ui.KeysDialog, "exec", lambda d: pytest.fail("opened"))
    package_ui.manage_keys(window)
    assert "quản trị viên" in boxes["warning"][0]
    opened: list[int] = []
    monkeypatch.setattr(package_ui.KeysDialog, "exec", lambda d: opened.append(d.table.rowCount()))
    admin_window = FakeWindow(city, None)
    qtbot.addWidget(admin_window)
    package_ui.manage_keys(admin_window)
    assert opened == [1]


def test_the_main_window_menu_opens_the_keys_dialog(qtbot, monkeypatch, service) -> None:
    from ui import main_window

    window = main_window.MainWindow(service)
    qtbot.addWidget(window)
    actions = {a.objectName(): a for a in window.findChildren(type(window.menuBar().actions()[0]))}
    opened: list[str] = []
    monkeypatch.setattr(package_ui.KeysDialog, "exec", lambda d: opened.append(d.windowTitle()))
    actions["manage_keys_action"].trigger()
    assert opened == ["Khoá ký số của các đơn vị"]
