"""A small table model over the rows of one dossier section (training, family, salary…).

Rows are plain dicts: the row's ``id`` (kept so the service updates the row in place) and one
value per column as the field widgets hold them (``date``, ``Decimal``, codes, or text typed
that did not parse). Columns come from ``app.fields.SECTION_FIELDS``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from app.fields import SECTION_FIELDS, FieldSpec
from ui.widgets.choices import choice_labels
from ui.widgets.values import Options, display_text, from_json, same, to_json

Index = QModelIndex | QPersistentModelIndex
ERROR_BRUSH = QBrush(QColor("#fde2e2"))
_DEFAULTS = {  # a new row starts with the most common kind (the database's defaults)
    "training": {"kind": "professional"}, "personal_history": {"kind": "old_regime"},
    "family": {"side": "self"}, "rewards": {"kind": "reward"}, "discipline": {"kind": "administrative"},
    "decisions": {"kind": "appointment"}, "asset_declarations": {"kind": "annual"},
}


class SectionModel(QAbstractTableModel):
    def __init__(self, section: str, options: Options, parent: Any = None):
        super().__init__(parent)
        self.section = section
        self.specs: tuple[FieldSpec, ...] = SECTION_FIELDS[section]
        self.options = options
        self.labels = {s.name: choice_labels(f"{section}.{s.name}") for s in self.specs if s.kind == "choice"}
        self._rows: list[dict[str, Any]] = []
        self._errors: dict[tuple[int, str], str] = {}

    # --- Qt model -----------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self.specs)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 - Qt API
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1) if role == Qt.ItemDataRole.DisplayRole else None
        spec = self.specs[section]
        if role == Qt.ItemDataRole.DisplayRole:
            text = QCoreApplication.translate("Fields", spec.label)
            return text + " *" if spec.required else text
        if role == Qt.ItemDataRole.ToolTipRole:
            return QCoreApplication.translate("Fields", spec.label)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        spec, value = self.specs[index.column()], self._rows[index.row()].get(self.specs[index.column()].name)
        error = self._errors.get((index.row(), spec.name))
        if role == Qt.ItemDataRole.DisplayRole:
            return display_text(spec, value, self.options, self.labels.get(spec.name))
        if role == Qt.ItemDataRole.EditRole:
            return value
        if role == Qt.ItemDataRole.CheckStateRole and spec.kind == "bool":
            return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:  # the whole text of a cell too narrow for it
            return error or (str(value) if spec.kind in ("text", "name", "longtext") and value else None)
        if role == Qt.ItemDataRole.BackgroundRole and error:
            return ERROR_BRUSH
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid():
            return False
        spec = self.specs[index.column()]
        if role == Qt.ItemDataRole.CheckStateRole and spec.kind == "bool":
            value = Qt.CheckState(value) == Qt.CheckState.Checked
        elif role != Qt.ItemDataRole.EditRole:
            return False
        row = self._rows[index.row()]
        if same(spec, row.get(spec.name), value):
            return False
        row[spec.name] = value
        self._errors.pop((index.row(), spec.name), None)
        roles = [role, Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.BackgroundRole]
        self.dataChanged.emit(index, index, roles)
        return True

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.specs[index.column()].kind == "bool":
            return flags | Qt.ItemFlag.ItemIsUserCheckable
        return flags | Qt.ItemFlag.ItemIsEditable

    # --- rows -----------------------------------------------------------------------------------
    def column_of(self, field: str) -> int:
        return next((i for i, s in enumerate(self.specs) if s.name == field), -1)

    def rows(self) -> list[dict[str, Any]]:
        return [dict(row) for row in self._rows]

    def set_rows(self, rows: Sequence[Mapping[str, Any]]) -> None:
        """Load Person JSON rows (ISO dates, floats) — or rows this model gave out."""
        self.beginResetModel()
        self._rows = [self._from_json(row) for row in rows]
        self._errors.clear()
        self.endResetModel()

    def json_rows(self) -> list[dict[str, Any]]:
        return [{key: to_json(value) for key, value in row.items()} for row in self._rows]

    def insert_row(self, position: int) -> int:
        position = max(0, min(position, len(self._rows)))
        self.beginInsertRows(QModelIndex(), position, position)
        self._rows.insert(position, dict(_DEFAULTS.get(self.section, {})))
        self._errors = {(r + (r >= position), f): m for (r, f), m in self._errors.items()}
        self.endInsertRows()
        return position

    def remove_row(self, row: int) -> None:
        if not 0 <= row < len(self._rows):
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self._errors = {(r - (r > row), f): m for (r, f), m in self._errors.items() if r != row}
        self.endRemoveRows()

    def move_row(self, row: int, delta: int) -> int:
        """Move ``row`` one place up (-1) or down (+1); returns where it is now."""
        target = row + delta
        if delta not in (-1, 1) or not (0 <= row < len(self._rows) and 0 <= target < len(self._rows)):
            return row
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), target + (delta > 0))
        self._rows[row], self._rows[target] = self._rows[target], self._rows[row]
        swap = {row: target, target: row}
        self._errors = {(swap.get(r, r), f): m for (r, f), m in self._errors.items()}
        self.endMoveRows()
        return target

    # --- errors ---------------------------------------------------------------------------------
    def set_error(self, row: int, field: str, message: str) -> None:
        self._errors[(row, field)] = message
        column = self.column_of(field)
        if 0 <= row < len(self._rows) and column >= 0:
            self.dataChanged.emit(self.index(row, column), self.index(row, column))

    def clear_errors(self) -> None:
        if self._errors:
            self._errors.clear()
            if self._rows:
                self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self.specs) - 1))

    def _from_json(self, row: Mapping[str, Any]) -> dict[str, Any]:
        values: dict[str, Any] = {"id": row["id"]} if row.get("id") else {}
        for spec in self.specs:
            values[spec.name] = from_json(spec, row.get(spec.name))
        return values
