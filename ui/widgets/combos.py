"""Combo boxes over catalogs (type-ahead without accents) and over coded choices."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from app.text import fold, nfc
from ui.widgets.values import Entry, search_key

FOLD_ROLE = Qt.ItemDataRole.UserRole + 1


class FoldCompleter(QCompleter):
    """Matches what was typed without accents anywhere in the folded name or an alias:
    "phat giao" finds "Phật giáo", "da nang" finds "Thành phố Đà Nẵng"."""

    def __init__(self, model: QAbstractItemModel, parent: QWidget | None = None):
        super().__init__(model, parent)
        self.setCompletionRole(FOLD_ROLE)
        self.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setModelSorting(QCompleter.ModelSorting.UnsortedModel)
        self.setMaxVisibleItems(12)

    def splitPath(self, path: str) -> list[str]:  # noqa: N802 - Qt override
        return [fold(path)]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:  # noqa: N802 - Qt override
        return str(index.data(Qt.ItemDataRole.DisplayRole) or "")


class CatalogCombo(QComboBox):
    """An editable combo over catalog entries; ``code()`` is the chosen entry's code or None.

    Typed text that names an entry (its name or an alias, with or without accents, or the code)
    is settled on that entry when editing finishes; other text is kept as typed and
    ``field_value()`` returns it, so the service can say it is not in the catalog.
    """

    edited = Signal()

    def __init__(self, options: Sequence[Entry], parent: QWidget | None = None):
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(14)
        self.addItem("", None)
        for option in options:
            self.addItem(option.name, option.code)
            self.setItemData(self.count() - 1, search_key(option), FOLD_ROLE)
        self.completer_ = FoldCompleter(self.model(), self)
        self.setCompleter(self.completer_)
        self.lineEdit().textEdited.connect(self.edited)
        self.lineEdit().editingFinished.connect(self.settle)
        self.activated.connect(self.edited)
        self.setCurrentIndex(0)

    def code(self) -> str | None:
        index = self._index_of(self.currentText())
        return self.itemData(index) if index > 0 else None

    def setCode(self, code: str | None) -> None:  # noqa: N802 - Qt naming
        index = self.findData(code) if code else 0
        if index < 0:  # a code the catalog no longer lists: keep it visible rather than drop it
            self.addItem(str(code), code)
            index = self.count() - 1
        self.setCurrentIndex(index)

    def field_value(self) -> str | None:
        text = nfc(self.currentText())
        return self.code() or text or None

    def set_field_value(self, value: Any) -> None:
        if value is None or self.findData(value) >= 0:
            self.setCode(value)
        else:
            self.setCurrentIndex(0)
            self.setEditText(str(value))

    def settle(self) -> None:
        """Put the entry the typed text names in place (its canonical spelling)."""
        index = self._index_of(self.currentText())
        if index > 0 and (index != self.currentIndex() or self.itemText(index) != self.currentText()):
            self.setCurrentIndex(index)

    def _index_of(self, text: str) -> int:
        """The entry ``text`` names: exact text, code, folded name or alias, or the only match."""
        text = nfc(text)
        if not text:
            return 0
        current = self.currentIndex()
        if current > 0 and self.itemText(current) == text:
            return current
        key = fold(text)
        contains = []
        for i in range(1, self.count()):
            names = str(self.itemData(i, FOLD_ROLE) or fold(self.itemText(i))).split("\n")
            if key in names or self.itemData(i) == text:
                return i
            if any(key in name for name in names):
                contains.append(i)
        return contains[0] if len(contains) == 1 else -1


class ChoiceCombo(QComboBox):
    """A fixed list of codes shown by their Vietnamese labels; ``value()`` is the code or None."""

    edited = Signal()

    def __init__(self, choices: Sequence[str], labels: Mapping[str, str] | None = None, *,
                 allow_empty: bool = True, parent: QWidget | None = None):
        super().__init__(parent)
        labels = labels or {}
        if allow_empty:
            self.addItem("", None)
        for code in choices:
            self.addItem(labels.get(code, code), code)
        self.activated.connect(self.edited)

    def value(self) -> str | None:
        return self.currentData()

    def setValue(self, code: str | None) -> None:  # noqa: N802 - Qt naming
        index = self.findData(code)
        if index < 0 and code is not None:  # an unknown code is shown, not silently changed
            self.addItem(str(code), code)
            index = self.count() - 1
        self.setCurrentIndex(max(index, 0))

    def field_value(self) -> str | None:
        return self.value()

    def set_field_value(self, value: Any) -> None:
        self.setValue(value)
