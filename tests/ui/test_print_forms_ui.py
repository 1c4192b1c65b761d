"""Choosing the printed form on the desktop: the default form per staff type in Tệp → Cài đặt…
(stored in the database through the service, only by a user who may manage units), the preview's
"Mẫu" choice for one person, and the form of a unit's batch — each dialog run as the app runs it
(``exec()``, answered by a timer)."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import shiboken6
from pypdf import PdfReader
from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QPushButton

from app.paths import data_dir
from app.services import HoSoService
from tests.core import security_fixtures
from tests.core.security_fixtures import World
from tests.ui.conftest import SHOTS
from ui import dialogs, main_window, reports_ui, settings
from ui.print_preview import PrintPreviewDialog

fast_hashing = security_fixtures.fast_hashing  # accounts of every role and two dossiers
world_template = security_fixtures.world_template
world = security_fixtures.world

WAIT = 15000
CV2023 = "Mã số định danh:"  # the 2023 form's header only
FORM_2C = "Mẫu 2C-BNV/2008"
HS02 = "HS02-VC/BNV"


def pdf_text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text() or "" for page in PdfReader(path).pages).split())


def shot(widget, name: str) -> None:
    if SHOTS is not None:
        SHOTS.mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(SHOTS / f"{name}.png"))


def answer_modal(qtbot, act: Callable[[QDialog], None], timeout: int = WAIT) -> list[str]:
    """Answer the next modal dialog the app opens with ``act`` (the dialog is running ``exec()``);
    returns the list the handler fills with its failures (an assertion inside a timer would be lost)."""
    failures: list[str] = []

    def handle() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog):
            QTimer.singleShot(50, handle)
            return
        try:
            act(dialog)
        except Exception as exc:  # reported by the test, and the dialog closed so exec() returns
            failures.append(repr(exc))
            dialog.reject()

    QTimer.singleShot(0, handle)
    return failures


@pytest.fixture
def previews(monkeypatch, tmp_path) -> Iterator[list[PrintPreviewDialog]]:
    shown: list[PrintPreviewDialog] = []
    monkeypatch.setattr(PrintPreviewDialog, "exec", lambda self: shown.append(self) or 0)
    folder = tmp_path / "temp"
    folder.mkdir()
    monkeypatch.setattr(reports_ui, "temp_folder", lambda: folder)
    yield shown
    for dialog in shown:
        if shiboken6.isValid(dialog):
            dialog.close()
            dialog.deleteLater()


def window_of(qtbot, service: HoSoService) -> main_window.MainWindow:
    win = main_window.MainWindow(service)
    qtbot.addWidget(win)
    return win


# --- Cài đặt --------------------------------------------------------------------------------------------
def test_administrator_sets_the_2023_form_for_civil_servants_in_settings(qtbot, world: World, monkeypatch,
                                                                        tmp_path) -> None:
    monkeypatch.setattr(main_window, "set_data_dir", lambda folder: pytest.fail("the folder was not changed"))
    win = window_of(qtbot, world.admin)
    seen: dict[str, object] = {}

    def choose(dialog: QDialog) -> None:
        box = dialog.findChild(settings.DefaultFormsBox)
        assert box is not None and box.editable
        combos = {kind: dialog.findChild(QComboBox, f"form_{kind}_combo") for kind in box.combos}
        seen["before"] = {kind: c.currentData() for kind, c in combos.items()}
        seen["choices"] = {kind: [c.itemData(i) for i in range(c.count())] for kind, c in combos.items()}
        seen["enabled"] = {kind: c.isEnabled() for kind, c in combos.items()}
        combos["cong_chuc"].setCurrentIndex(combos["cong_chuc"].findData("cv2023"))
        dialog.resize(dialog.sizeHint())
        shot(dialog, "settings-default-forms")
        dialog.findChild(QPushButton, "ok_button").click()

    failures = answer_modal(qtbot, choose)
    win.findChild(QAction, "settings_action").trigger()  # runs the dialog with exec()
    assert failures == []
    assert seen["before"] == {"can_bo": "2c", "cong_chuc": "2c", "vien_chuc": "hs02", "hop_dong": "2c"}
    assert seen["choices"] == {"can_bo": ["2c", "cv2023"], "cong_chuc": ["2c", "cv2023"],
                               "vien_chuc": ["hs02", "cv2023"], "hop_dong": ["2c"]}
    assert seen["enabled"] == {"can_bo": True, "cong_chuc": True, "vien_chuc": True, "hop_dong": False}
    # stored in the database: every user of it prints the 2023 form for a công chức now
    assert world.clerk.reports.default_forms() == {"can_bo": "2c", "cong_chuc": "cv2023", "vien_chuc": "hs02"}
    assert settings.get(settings.LANGUAGE) == "vi" and data_dir()  # the desk's own settings as they were


def test_a_viewer_sees_the_setting_but_cannot_change_it(qtbot, world: World) -> None:
    box = settings.DefaultFormsBox(world.viewer)
    qtbot.addWidget(box)
    assert not box.editable
    assert all(not combo.isEnabled() for combo in box.combos.values())
    assert all(combo.currentIndex() == -1 for combo in box.combos.values())  # a viewer may not even read it
    assert "quản trị viên" in box.note_label.text()
    # around the disabled widgets (a crafted call): the service refuses, the box says so, nothing is stored
    box.combos["cong_chuc"].setCurrentIndex(box.combos["cong_chuc"].findData("cv2023"))
    assert box.changes() == {"cong_chuc": "cv2023"}
    assert box.apply() is False
    assert box.error_label.text() and not box.error_label.isHidden()
    assert world.admin.reports.default_forms()["cong_chuc"] == "2c"


def test_a_refused_save_keeps_the_settings_dialog_open(qtbot, world: World, monkeypatch) -> None:
    """A clerk's Lưu with a changed form (enabled by hand, as a crafted widget would be): the dialog
    stays open with the refusal shown; the language is not stored either."""
    box = settings.DefaultFormsBox(world.clerk)
    box.combos["vien_chuc"].setEnabled(True)
    box.combos["vien_chuc"].setCurrentIndex(box.combos["vien_chuc"].findData("cv2023"))
    dialog = dialogs.SettingsDialog(None, Path("/tmp"), "vi", [box])
    qtbot.addWidget(dialog)
    states: list[bool] = []

    def press_save() -> None:
        dialog.findChild(QPushButton, "ok_button").click()
        states.append(dialog.isVisible())
        dialog.reject()

    QTimer.singleShot(0, press_save)
    assert dialog.exec() == QDialog.DialogCode.Rejected
    assert states == [True] and box.error_label.text()
    assert world.admin.reports.default_forms()["vien_chuc"] == "hs02"


# --- one person: the default form, then another chosen in the preview --------------------------------------
def test_ctrl_p_prints_the_default_form_and_the_preview_offers_the_others(qtbot, world: World, previews,
                                                                         no_message_boxes) -> None:
    world.admin.reports.set_default_form("cong_chuc", "cv2023")
    win = window_of(qtbot, world.clerk)
    win.people.select_person(uuid.UUID(world.a))
    win.findChild(QAction, "print_profile_action").trigger()
    qtbot.waitUntil(lambda: len(previews) == 1, timeout=WAIT)
    dialog = previews[0]
    dialog.resize(1000, 700)
    dialog.show()
    first = dialog.path
    assert CV2023 in pdf_text(first)  # a công chức, set to the 2023 form
    combo = dialog.choice_combo
    assert [combo.itemData(i) for i in range(combo.count())] == ["default", "2c", "cv2023"]
    assert combo.itemText(1) == FORM_2C and combo.currentData() == "default"
    if SHOTS is not None:
        qtbot.wait(1500)  # pdfium paints the page after the dialog shows
    assert dialog.choice_combo.isVisible()  # not pushed into the toolbar's overflow
    shot(dialog, "preview-2023-form")

    combo.setCurrentIndex(1)
    combo.activated.emit(1)  # what a click on "Mẫu 2C-BNV/2008" does
    qtbot.waitUntil(lambda: dialog.path != first and combo.isEnabled(), timeout=WAIT)
    text = pdf_text(dialog.path)
    assert FORM_2C in text and CV2023 not in text
    if SHOTS is not None:
        qtbot.wait(1500)
        shot(dialog, "preview-2c-form")
    assert not first.exists()  # the preview's temporary file is replaced, not left behind
    assert dialog.page_count_label.text().strip() == f"/ {dialog.page_count}" and dialog.current_page() == 0
    second = dialog.path
    combo.setCurrentIndex(2)
    combo.activated.emit(2)
    qtbot.waitUntil(lambda: dialog.path != second and combo.isEnabled(), timeout=WAIT)
    assert CV2023 in pdf_text(dialog.path)
    dialog.reject()
    assert not dialog.path.exists() and list(reports_ui.temp_folder().iterdir()) == []


def test_a_public_employee_is_offered_hs02(qtbot, world: World, previews, no_message_boxes) -> None:
    world.admin.people.update_person(world.a, {"staff_type": "vien_chuc"})
    reports_ui.print_profile(None, world.clerk, uuid.UUID(world.a))
    qtbot.waitUntil(lambda: len(previews) == 1, timeout=WAIT)
    dialog = previews[0]
    assert HS02 in pdf_text(dialog.path)  # unset: as before, HS02 for a viên chức
    assert dialog.choice_combo.itemText(1) == "Mẫu HS02-VC/BNV"


def test_a_redraw_the_service_refuses_is_said_and_the_preview_stays(qtbot, world: World, previews,
                                                                     monkeypatch) -> None:
    said: list[str] = []
    monkeypatch.setattr(reports_ui, "show_error", lambda _parent, text: said.append(text))
    reports_ui.print_profile(None, world.clerk, uuid.UUID(world.a))
    qtbot.waitUntil(lambda: len(previews) == 1, timeout=WAIT)
    dialog = previews[0]
    first = dialog.path
    world.admin.people.delete_person(world.a)  # gone meanwhile: the redraw is refused
    dialog.choice_combo.activated.emit(2)
    qtbot.waitUntil(lambda: said != [] and dialog.choice_combo.isEnabled(), timeout=WAIT)
    assert said[0].startswith("Không tìm thấy hồ sơ") and dialog.path == first and first.exists()


def test_the_other_unit_cannot_print_through_the_preview(qtbot, world: World, previews, monkeypatch) -> None:
    said: list[str] = []
    monkeypatch.setattr(reports_ui, "show_error", lambda _parent, text: said.append(text))
    reports_ui.print_profile(None, world.other_clerk, uuid.UUID(world.a), form="cv2023")
    qtbot.waitUntil(lambda: said != [], timeout=WAIT)
    assert previews == [] and list(reports_ui.temp_folder().iterdir()) == []


# --- a unit's batch ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("form", "expected", "absent"), [("cv2023", CV2023, FORM_2C), ("2c", FORM_2C, CV2023),
                                                          ("default", CV2023, FORM_2C)])
def test_a_units_batch_in_the_chosen_form(qtbot, world: World, previews, no_message_boxes, form, expected,
                                          absent) -> None:
    world.admin.reports.set_default_form("cong_chuc", "cv2023")  # "default" follows it, "2c" does not
    chosen: dict[str, object] = {}

    def choose(dialog: QDialog) -> None:
        combo = dialog.findChild(QComboBox, "form_combo")
        chosen["items"] = [combo.itemData(i) for i in range(combo.count())]
        chosen["first"] = combo.currentData()
        combo.setCurrentIndex(combo.findData(form))
        shot(dialog, "unit-print-dialog")
        dialog.findChild(QPushButton, "ok_button").click()

    failures = answer_modal(qtbot, choose)
    op = reports_ui.print_unit_profiles(None, world.head, "DN.SNV")  # the dialog runs with exec()
    assert failures == [] and op is not None
    assert chosen == {"items": ["default", "2c", "cv2023"], "first": "default"}
    qtbot.waitUntil(lambda: len(previews) == 1, timeout=WAIT)
    text = pdf_text(previews[0].path)
    assert expected in text and absent not in text and "NGUYỄN VĂN BÌNH" in text.upper()
