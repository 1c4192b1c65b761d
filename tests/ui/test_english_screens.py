"""Under the English translator, no visible text of the main windows and dialogs is Vietnamese.

Every visible widget's text, title, tooltip, placeholder, header, tab, menu and action is walked;
a Vietnamese-only letter (a letter with a diacritic, or đ) fails the test unless the text is a data
value (a person's name, a unit's name — the tester's own data, listed in DATA)."""

from __future__ import annotations

import re
import unicodedata

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTabBar,
    QTextEdit,
    QWidget,
)

from tests.ui.conftest import UNITS, settle
from ui import login, main_window
from ui.application import install_translators

VIETNAMESE = re.compile(r"[đĐ]|[^\x00-\x7f]")  # checked after NFD: combining marks / đ are Vietnamese here

DATA = {name for _code, name, _parent in UNITS} | {"Nguyễn Văn Bình"}
# the preview's values typed by the clerk or taken from Vietnamese catalogs (data, not UI text)
DATA_LABELS = {"position_value", "professional_level_value", "unit_name_value", "name_label"}


def _vietnamese(text: str, data: set[str] = frozenset()) -> bool:
    if not text:
        return False
    for value in sorted(DATA | set(data), key=len, reverse=True):
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
    if isinstance(widget, QComboBox):  # a catalog's or a choice's value as shown (codes are stored)
        found.append(("value", widget.currentText()))
    if isinstance(widget, QTextEdit):  # a read-only report (the sync's problems)
        found.append(("document", widget.toPlainText() if widget.isReadOnly() else ""))
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


def untranslated(top: QWidget, data: set[str] = frozenset()) -> list[str]:
    problems = []
    widgets = [top, *top.findChildren(QWidget)]
    for widget in widgets:
        if (widget is not top and not widget.isVisibleTo(top)) or widget.objectName() in DATA_LABELS:
            continue
        for kind, text in _texts(widget):
            if _vietnamese(text, data):
                problems.append(f"{type(widget).__name__}#{widget.objectName()} {kind}: {text!r}")
    for menu in top.findChildren(QMenu):
        for action in menu.actions():
            if _vietnamese(action.text()) or _vietnamese(action.toolTip()):
                problems.append(f"menu {menu.title()!r}: {action.text()!r}")
    return problems


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


def _coded_cells(view: QAbstractItemView) -> list[str]:
    """The cells of a section table's coded columns (catalog, choice, yes/no): shown, not stored, words."""
    model = view.model()
    specs = getattr(model, "specs", None)
    if specs is None or not view.isVisible():
        return []
    found = []
    for column, spec in enumerate(specs):
        if spec.kind in ("catalog", "choice", "bool") or spec.name == "grade_code":
            for row in range(model.rowCount()):
                text = str(model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole) or "")
                if _vietnamese(text):
                    found.append(f"{view.objectName()} {spec.name}: {text!r}")
    return found


def test_the_editor_in_english(qtbot, english, service, full_person) -> None:
    """Every page of the editor: labels, titles, the values of catalogs and choices (religion
    "None", sex "Male", the province "Da Nang City") and the section tables' titles and coded cells."""
    from PySide6.QtWidgets import QTabWidget

    from ui.editor.person_editor import PersonEditor

    editor = PersonEditor(service, full_person)
    qtbot.addWidget(editor)
    editor.show()
    problems = []
    for tabs in [t for t in editor.findChildren(QTabWidget) if t.isVisibleTo(editor)]:
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            qtbot.wait(5)
            problems += untranslated(editor)
            for view in tabs.currentWidget().findChildren(QAbstractItemView):
                problems += _coded_cells(view)
    combos = {c.objectName(): c.currentText() for c in editor.findChildren(QComboBox)}
    assert "religion_code_combo" in combos and combos["religion_code_combo"] == "None", combos.get("religion_code_combo")
    assert combos.get("grade_code_combo") == "01.003 — Specialist", combos.get("grade_code_combo")
    assert not problems, "\n".join(sorted(set(problems)))


def test_the_list_values_in_english(qtbot, english, service, full_person, monkeypatch) -> None:
    """The list's coded columns (sex, staff type, status) show English values."""
    from PySide6.QtCore import Qt as _Qt

    monkeypatch.setattr(main_window.MainWindow, "show_alert_count_at_start", lambda self: None)
    window = main_window.MainWindow(service)
    qtbot.addWidget(window)
    window.show()
    people = window.people
    for key in ("staff_type", "status"):
        people.toggle_column(key, True)
    qtbot.waitUntil(lambda: people.model.rowCount() == 1, timeout=5000)
    keys = [c.key for c in people.model.columns]
    cells = {k: people.model.data(people.model.index(0, i), _Qt.ItemDataRole.DisplayRole) for i, k in enumerate(keys)}
    assert cells["sex"] == "Male" and not _vietnamese(cells["staff_type"]) and not _vietnamese(cells["status"]), cells


def test_the_not_a_hoso_database_box_in_english(qtbot, tmp_path, monkeypatch) -> None:
    """Opening a file that is not a HoSo database: the box at start speaks the chosen language."""
    import sqlite3

    from PySide6.QtWidgets import QMessageBox

    from ui import application, settings

    settings.put(settings.LANGUAGE, "en")
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda parent, title, text, *a: shown.append(text)))
    other = tmp_path / "other-program.sqlite"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE t (x)")
    con.close()
    empty = tmp_path / "empty.sqlite"
    empty.write_bytes(b"")
    text_file = tmp_path / "notes.sqlite"
    text_file.write_text("không phải cơ sở dữ liệu", encoding="utf-8")
    try:
        for path in (other, empty, text_file, tmp_path / "missing-folder" / "hoso.sqlite"):
            assert application.run_app(str(path)) == 1
    finally:
        settings.put(settings.LANGUAGE, "vi")
        install_translators(QApplication.instance(), "vi")
    assert len(shown) == 4
    for text in shown:
        assert not _vietnamese(text), text
    assert "not a HoSo database" in shown[1] and "another program" in shown[0]


def test_the_grade_list_in_english(qtbot, english, service) -> None:
    """The ngạch combo offers the English titles, the code as it is; typing the Vietnamese title (or
    its English one) still finds the entry, and the stored value is the code."""
    from app.fields import FieldSpec
    from ui.editor.options import load_options
    from ui.widgets.catalog_texts import GRADE_TEXTS
    from ui.widgets.factory import make_field_widget

    options = load_options(service)
    shown = {o.code: o.name for o in options["grade"]}
    assert shown["01.002"] == "01.002 — Principal Specialist" and shown["01.005"] == "01.005 — Staff"
    assert shown["V.07.04.31"] == "V.07.04.31 — Lower secondary school teacher, grade II"
    assert len(shown) > 60 and [name for name in shown.values() if _vietnamese(name)] == []
    assert {o.aliases[0] for o in options["grade"]} <= set(GRADE_TEXTS)
    grade = make_field_widget(FieldSpec("grade_code", "Mã ngạch"), options)
    qtbot.addWidget(grade)
    grade.setCode("01.003")
    assert grade.currentText() == "01.003 — Specialist"
    grade.setEditText("chuyen vien chinh")
    assert grade.code() == "01.002"
    grade.setEditText("Điều dưỡng hạng III")
    assert grade.code() == "V.08.05.12"
    grade.setEditText("senior inspector")
    assert grade.code() == "04.023"


def test_the_list_grade_filter_in_english(qtbot, english, service, monkeypatch) -> None:
    monkeypatch.setattr(main_window.MainWindow, "show_alert_count_at_start", lambda self: None)
    window = main_window.MainWindow(service)
    qtbot.addWidget(window)
    combo = window.people.grade_combo
    items = [combo.itemText(i) for i in range(1, combo.count())]
    assert "01.003 — Specialist" in items and len(items) > 60
    assert [text for text in items if _vietnamese(text)] == []
