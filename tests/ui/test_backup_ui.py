"""Công cụ → Sao lưu dữ liệu… / Khôi phục từ bản sao lưu… and the automatic copies, on the real main
window (offscreen; file dialogs and message boxes replaced)."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox

from app import backup
from tests.core.conftest import person_data
from tests.ui.conftest import settle
from ui import backup_ui, main_window, open_editors, settings


@pytest.fixture
def window(qtbot, service, no_message_boxes, monkeypatch, tmp_path):
    monkeypatch.setattr(main_window.MainWindow, "show_alert_count_at_start", lambda self: None)
    settings.put(backup_ui.FOLDER, str(tmp_path / "bk"))
    w = main_window.MainWindow(service)
    qtbot.addWidget(w)
    return w


@pytest.fixture
def told(monkeypatch) -> dict[str, list[str]]:
    said: dict[str, list[str]] = {"info": [], "error": []}
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda _p, _t, text: said["info"].append(text)))
    monkeypatch.setattr(backup_ui, "show_error", lambda _p, text: said["error"].append(text))
    return said


def _people(window) -> int:
    return window.service.people.overview().people


def test_backup_now_writes_a_verified_copy(qtbot, window, told, monkeypatch, tmp_path) -> None:
    window.service.people.create_person(person_data(unit_code="DN.SNV"))
    out = tmp_path / "ban-sao.sqlite"
    seen = {}

    def save_dialog(_parent, _title, suggested, _filter, *_options):
        seen["suggested"] = suggested
        return str(out), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_dialog))
    backup_ui.backup_now(window)
    qtbot.waitUntil(lambda: bool(told["info"]), timeout=10_000)
    assert out.exists() and backup.inspect_file(out).people == 1
    assert "1 hồ sơ" in told["info"][0] and str(out) in told["info"][0]
    assert Path(seen["suggested"]).parent == tmp_path / "bk" and Path(seen["suggested"]).name.startswith("hoso-")


def test_restore_replaces_the_data_and_reopens_the_database(qtbot, window, told, monkeypatch, tmp_path) -> None:
    window.service.people.create_person(person_data(unit_code="DN.SNV"))
    copy = backup.backup(window.service.database, tmp_path / "copy.sqlite").path
    window.service.people.create_person(person_data(cccd="048190000111", full_name="Trần Thị Mai", sex="Nữ",
                                             unit_code="DN.SNV"))
    before = window.service.database
    asked = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a: (str(copy), "")))
    monkeypatch.setattr(backup_ui, "confirm", lambda _p, question, _yes: asked.append(question) or True)
    reloaded = []
    window.events.people_changed.connect(reloaded.append)
    backup_ui.restore_backup(window)
    qtbot.waitUntil(lambda: bool(told["info"] or told["error"]), timeout=15_000)
    assert not told["error"], told["error"]
    assert "Số hồ sơ: 1" in asked[0] and str(copy) in asked[0] and "before-restore" in asked[0]
    assert window.service.database is not before and _people(window) == 1 and reloaded == [[]]
    target = backup.sqlite_file(window.service.database)
    kept = list(target.parent.glob(f"{target.name}.before-restore-*"))
    assert len(kept) == 1 and str(kept[0]) in told["info"][0]
    window.service.database.dispose()  # the reopened database (the fixture disposes the first one)


def test_junk_is_refused_and_the_window_keeps_working(qtbot, window, told, monkeypatch, tmp_path) -> None:
    window.service.people.create_person(person_data(unit_code="DN.SNV"))
    junk = tmp_path / "junk.sqlite"
    junk.write_text("không phải", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a: (str(junk), "")))
    monkeypatch.setattr(backup_ui, "confirm", lambda *a: pytest.fail("must not ask about junk"))
    backup_ui.restore_backup(window)
    qtbot.waitUntil(lambda: bool(told["error"]), timeout=10_000)
    assert str(junk) in told["error"][0] and _people(window) == 1


def test_restore_waits_for_open_editors(window, told, monkeypatch) -> None:
    monkeypatch.setattr(open_editors, "editor_widgets", lambda: [object()])
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a: pytest.fail("no dialog")))
    backup_ui.restore_backup(window)
    assert "đóng các cửa sổ hồ sơ" in told["error"][0]


def test_the_folder_entry_sits_after_restore_in_the_tools_menu(window, told, monkeypatch, tmp_path) -> None:
    restore = window.findChild(QAction, "restore_backup_action")
    menu = next(m for m in restore.associatedObjects() if hasattr(m, "insertAction"))
    names = [a.objectName() for a in menu.actions()]
    assert names.index("backup_folder_action") == names.index("restore_backup_action") + 1
    chosen = tmp_path / "usb" / "hoso"
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a: str(chosen)))
    window.findChild(QAction, "backup_folder_action").trigger()
    assert backup_ui.backup_folder() == chosen and chosen.is_dir() and str(chosen) in told["info"][0]


def test_exit_copy_only_when_something_changed(qtbot, service, no_message_boxes, monkeypatch, tmp_path) -> None:
    monkeypatch.setattr(main_window.MainWindow, "show_alert_count_at_start", lambda self: None)
    folder = tmp_path / "auto"
    settings.put(backup_ui.FOLDER, str(folder))
    quiet = main_window.MainWindow(service)
    quiet.close()
    assert not backup.list_backups(folder)
    busy = main_window.MainWindow(service)
    busy.service.people.create_person(person_data(unit_code="DN.SNV"))
    threads: list[str] = []
    real = backup.auto_backup
    monkeypatch.setattr(backup, "auto_backup",
                        lambda *a, **k: threads.append(threading.current_thread().name) or real(*a, **k))
    busy.close()
    assert backup_ui.finish_exit_copy(busy) is not None
    assert threads == ["hoso-exit-backup"]  # not on the UI thread: the window closes at once
    made = backup.list_backups(folder)
    assert [b.kind for b in made] == ["exit"] and backup.inspect_file(made[0].path).people == 1
    settings.put(backup_ui.AUTOMATIC, False)
    off = main_window.MainWindow(service)
    off.service.people.create_person(person_data(cccd="048190000111", full_name="Trần Thị Mai", sex="Nữ",
                                          unit_code="DN.SNV"))
    off.close()
    assert backup_ui.finish_exit_copy(off) is None
    assert len(backup.list_backups(folder)) == 1


def test_a_failed_exit_copy_is_told_and_never_calls_the_file_corrupt(qtbot, service, monkeypatch,
                                                                     tmp_path) -> None:
    monkeypatch.setattr(main_window.MainWindow, "show_alert_count_at_start", lambda self: None)
    settings.put(backup_ui.FOLDER, str(tmp_path / "auto"))
    monkeypatch.setattr(backup, "RETRY_PAUSE", 0.01)

    def io_error(*_a, **_k):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(backup, "_copy_once", io_error)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda _p, _t, text: shown.append(text)))
    w = main_window.MainWindow(service)
    w.service.people.create_person(person_data(unit_code="DN.SNV"))
    w.close()
    assert backup_ui.finish_exit_copy(w) is None
    assert len(shown) == 1 and "KHÔNG được tạo" in shown[0] and "disk I/O error" in shown[0]
    assert "hỏng" not in shown[0]  # a moment's I/O failure is not a verdict on a healthy file
    assert not backup.list_backups(tmp_path / "auto")


def test_daily_copy_once_a_day(qtbot, window) -> None:
    state = window.findChild(backup_ui._AutoBackup, "auto_backup")
    assert state.timer.isActive() and state.timer.interval() == backup_ui.DAILY_DELAY_MS
    state.daily()
    qtbot.waitUntil(lambda: bool(backup.list_backups(backup_ui.backup_folder())), timeout=120_000)
    settle()  # the first copy's work has ended
    state.daily()
    settle()  # and the second call's, had it started a copy (a fixed wait could end before it)
    assert [b.kind for b in backup.list_backups(backup_ui.backup_folder())] == ["daily"]


def test_only_administrators_back_up_or_restore(window, told, monkeypatch) -> None:
    import dataclasses

    window.service.principal = dataclasses.replace(window.service.principal, role="clerk", local=False)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a: pytest.fail("no dialog")))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a: pytest.fail("no dialog")))
    backup_ui.backup_now(window)
    backup_ui.restore_backup(window)
    assert len(told["error"]) == 2 and all("sao lưu" in e for e in told["error"])
