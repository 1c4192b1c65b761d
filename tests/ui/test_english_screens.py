"""Under the English translator, no visible text of the main windows and dialogs is Vietnamese.

Every visible widget's text, title, tooltip, placeholder, header, tab, menu and action is walked;
a Vietnamese-only letter (a letter with a diacritic, or đ) fails the test unless the text is a data
value (a person's name, a unit's name — the tester's own data, listed in DATA)."""

from __future__ import annotations

import re
import unicodedata

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTabBar,
    QWidget,
)

from tests.ui.conftest import UNITS, settle
from ui import login, main_window
from ui.application import install_translators

VIETNAMESE = re.compile(r"[đĐ]|[^\x00-\x7f]")  # checked after NFD: combining marks / đ are Vietnamese here

DATA = {name for _code, name, _parent in UNITS} | {"Nguyễn Văn Bình"}
# the preview's values typed by the clerk or taken from Vietnamese catalogs (data, not UI text)
DATA_LABELS = {"position_value", "professional_level_value", "unit_name_value", "name_label"}


def _vietnamese(text: str) -> bool:
    if not text:
        return False
    for value in DATA:
        text = text.replace(value, "")
    decomposed = unicodedata.normalize("NFD", text)
    return any(unicodedata.combining(ch) or ch in "đĐ" for ch in decomposed)


def _texts(widget: QWidget) -> list[tuple[str, str]]:
    found = [("title", widget.windowTitle()), ("tooltip", widget.toolTip())] if widget.isWindow() else [
        ("tooltip", widget.toolTip())]
    if isinstance(widget, (QLabel, QAbstractButton)):
        found.append(("text", widget.text()))
    if isinstance(widget, QLineEdit):
        found.append(("placeholder", widget.placeholderText()))
    if isinstance(widget, QGroupBox):
        found.append(("group", widget.title()))
    if isinstance(widget, QTabBar):
        found += [("tab", widget.tabText(i)) for i in range(widget.count())]
    header = getattr(widget, "horizontalHeader", None) or getattr(widget, "header", None)
    if isinstance(widget, QAbstractItemView) and header is not None and widget.model() is not None:
        model, view_header = widget.model(), header()
        found += [("header", str(model.headerData(c, Qt.Orientation.Horizontal) or ""))
                  for c in range(view_header.count()) if not view_header.isSectionHidden(c)]
    return found


def untranslated(top: QWidget) -> list[str]:
    problems = []
    widgets = [top, *top.findChildren(QWidget)]
    for widget in widgets:
        if (widget is not top and not widget.isVisibleTo(top)) or widget.objectName() in DATA_LABELS:
            continue
        for kind, text in _texts(widget):
            if _vietnamese(text):
                problems.append(f"{type(widget).__name__}#{widget.objectName()} {kind}: {text!r}")
    for menu in top.findChildren(QMenu):
        for action in menu.actions():
            if _vietnamese(action.text()) or _vietnamese(action.toolTip()):
                problems.append(f"menu {menu.title()!r}: {action.text()!r}")
    return problems


@pytest.fixture
def english(qtbot):
    app = QApplication.instance()
    install_translators(app, "en")
    yield
    install_translators(app, "vi")


def test_the_main_window_in_english(qtbot, english, service, full_person, monkeypatch) -> None:
    monkeypatch.setattr(main_window.MainWindow, "show_alert_count_at_start", lambda self: None)
    window = main_window.MainWindow(service)
    qtbot.addWidget(window)
    window.show()
    settle()  # the list and the status bar filled by their background loads
    problems = untranslated(window)
    assert not problems, "\n".join(problems)


def test_the_sign_in_dialog_in_english(qtbot, english, service) -> None:
    dialog = login.LoginDialog(service)
    qtbot.addWidget(dialog)
    dialog.show()
    problems = untranslated(dialog)
    assert not problems, "\n".join(problems)


def test_a_wrong_password_in_english(qtbot, english, service) -> None:
    from app.security.users import WRONG
    from ui.app_texts import TEXTS

    assert WRONG in TEXTS  # the literal lupdate sees is still the app's text
    admin = type(service)(service.database)
    admin.accounts.create_first_admin("quantri", "Quan Tri", "mat-khau-8")
    dialog = login.LoginDialog(type(service)(service.database))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.username_edit.setText("quantri")
    dialog.password_edit.setText("sai-mat-khau")
    dialog.ok_button.click()
    assert dialog.error_label.isVisible()
    problems = untranslated(dialog)
    assert not problems, "\n".join(problems)


def test_the_sync_dialog_in_english(qtbot, english, service, full_person, monkeypatch) -> None:
    from ui import sync_ui

    monkeypatch.setattr(main_window.MainWindow, "show_alert_count_at_start", lambda self: None)
    window = main_window.MainWindow(service)
    qtbot.addWidget(window)
    dialog = sync_ui.show_sync(window)
    settle()
    problems = untranslated(dialog)
    assert not problems, "\n".join(problems)


def test_the_list_filters_are_not_cut_in_english(qtbot, english, service, full_person, monkeypatch) -> None:
    from PySide6.QtWidgets import QComboBox

    monkeypatch.setattr(main_window.MainWindow, "show_alert_count_at_start", lambda self: None)
    window = main_window.MainWindow(service)
    qtbot.addWidget(window)
    window.resize(1100, 650)
    window.show()
    settle()
    cut = []
    for combo in window.findChildren(QComboBox):
        if combo.isVisible() and combo.width() < combo.fontMetrics().horizontalAdvance(combo.currentText()) + 24:
            cut.append(combo.currentText())
    assert not cut, cut
