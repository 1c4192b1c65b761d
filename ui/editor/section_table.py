"""One section of the dossier as an editable table with row buttons and an error line under it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ui.editor.section_model import SectionModel
from ui.widgets.combos import ChoiceCombo
from ui.widgets.factory import make_field_widget
from ui.widgets.headers import fit_sections
from ui.widgets.text_edits import LongTextEdit
from ui.widgets.values import Options

Index = QModelIndex | QPersistentModelIndex
_WIDTHS = {"date": 96, "int": 64, "decimal": 78, "money": 118, "bool": 64, "choice": 170, "catalog": 150,
           "name": 170, "text": 190, "longtext": 280}


class FieldDelegate(QStyledItemDelegate):
    """Edits a cell with the same widget the form uses for that kind of field."""

    def __init__(self, model: SectionModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.section_model = model
        self.open_editor: QWidget | None = None
        self.closeEditor.connect(self._forget)

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,  # noqa: N802 - Qt API
                     index: Index) -> QWidget | None:
        spec = self.section_model.specs[index.column()]
        if spec.kind == "bool":
            return None
        editor = make_field_widget(spec, self.section_model.options,
                                   choice_key=f"{self.section_model.section}.{spec.name}", parent=parent)
        if isinstance(editor, ChoiceCombo):
            editor.activated.connect(lambda _i, e=editor: self.commitData.emit(e))
        self.open_editor = editor
        editor.destroyed.connect(self._forget)
        return editor

    def _forget(self, *_args: object) -> None:
        self.open_editor = None

    def finish_editing(self) -> None:
        """Write the open cell editor's value to the model and close it (before a save)."""
        editor = self.open_editor
        if editor is not None:
            self.commitData.emit(editor)
            self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
            self.open_editor = None

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802 - Qt API
        editor.set_field_value(index.data(Qt.ItemDataRole.EditRole))  # type: ignore[attr-defined]

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:  # noqa: N802
        model.setData(index, editor.field_value(), Qt.ItemDataRole.EditRole)  # type: ignore[attr-defined]

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem,  # noqa: N802 - Qt API
                             index: Index) -> None:
        rect = option.rect
        if isinstance(editor, LongTextEdit):  # a few lines to type in, over the rows below
            rect.setHeight(max(rect.height(), editor.height()))
            rect.setWidth(max(rect.width(), 280))
        editor.setGeometry(rect)


class SectionTable(QWidget):
    """Rows of one section: add (Ctrl+Insert), remove (Ctrl+Delete), move (Alt+Up / Alt+Down)."""

    def __init__(self, section: str, options: Options, parent: QWidget | None = None):
        super().__init__(parent)
        self.section = section
        self.setObjectName(f"{section}_section")
        self.model = SectionModel(section, options, self)
        self.view = QTableView()
        self.view.setObjectName(f"{section}_table")
        self.view.setModel(self.model)
        self.delegate = FieldDelegate(self.model, self.view)
        self.view.setItemDelegate(self.delegate)
        self._set_up_view()
        self.error_label = QLabel()
        self.error_label.setObjectName(f"{section}_error_label")
        self.error_label.setStyleSheet("color: #b00020")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._buttons())
        layout.addWidget(self.view, 1)
        layout.addWidget(self.error_label)

    def _set_up_view(self) -> None:
        view = self.view
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        trigger = QAbstractItemView.EditTrigger
        view.setEditTriggers(trigger.DoubleClicked | trigger.EditKeyPressed | trigger.AnyKeyPressed
                             | trigger.SelectedClicked)
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        view.setTabKeyNavigation(True)
        header = view.horizontalHeader()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # the kind's width, wider for a long title (up to 220: longer titles wrap in the tooltip),
        # never narrower than the translated title needs (ui.widgets.headers)
        fit_sections(header, (max(_WIDTHS.get(spec.kind, 150),
                                  min(header.fontMetrics().horizontalAdvance(QCoreApplication.translate(
                                      "Fields", spec.label)) + 24, 220)) for spec in self.model.specs))
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 12)
        view.setMinimumHeight(160)

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        specs = ((self.tr("Thêm dòng"), "add", "Ctrl+Insert", self.add_row),
                 (self.tr("Xoá dòng"), "remove", "Ctrl+Delete", self.remove_row),
                 (self.tr("Lên"), "up", "Alt+Up", lambda: self.move_row(-1)),
                 (self.tr("Xuống"), "down", "Alt+Down", lambda: self.move_row(1)))
        for text, key, shortcut, slot in specs:
            button = QPushButton(text)
            button.setObjectName(f"{self.section}_{key}_button")
            keys = QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)
            button.setToolTip(f"{text} ({keys})")
            button.setAutoDefault(False)
            button.clicked.connect(slot)
            action = QAction(text, self)
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
            row.addWidget(button)
        row.addStretch(1)
        return row

    # --- actions --------------------------------------------------------------------------------
    def add_row(self) -> int:
        current = self.view.currentIndex()
        row = self.model.insert_row(current.row() + 1 if current.isValid() else self.model.rowCount())
        first = next((i for i, s in enumerate(self.model.specs) if s.kind != "choice"), 0)
        index = self.model.index(row, first)
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)
        self.view.setFocus()
        return row

    def remove_row(self) -> None:
        current = self.view.currentIndex()
        if not current.isValid():
            return
        self.model.remove_row(current.row())
        if self.model.rowCount():
            row = min(current.row(), self.model.rowCount() - 1)
            self.view.setCurrentIndex(self.model.index(row, current.column()))

    def move_row(self, delta: int) -> None:
        current = self.view.currentIndex()
        if not current.isValid():
            return
        row = self.model.move_row(current.row(), delta)
        self.view.setCurrentIndex(self.model.index(row, current.column()))

    # --- errors ---------------------------------------------------------------------------------
    def show_errors(self, errors: list[tuple[int, str, str]]) -> None:
        """``(row, field, message)`` with 0-based rows: cells turn red, messages listed below,
        the first cell is selected."""
        for row, field, _message in errors:
            self.model.set_error(row, field, _message)
        self.error_label.setText("\n".join(message for _row, _field, message in errors))
        self.error_label.setVisible(bool(errors))
        if errors:
            row, field, _message = errors[0]
            index = self.model.index(row, max(self.model.column_of(field), 0))
            self.view.setCurrentIndex(index)
            self.view.scrollTo(index)

    def clear_errors(self) -> None:
        self.model.clear_errors()
        self.error_label.clear()
        self.error_label.hide()

    def finish_editing(self) -> None:
        self.delegate.finish_editing()

    def rows(self) -> list[dict[str, Any]]:
        return self.model.rows()
