"""The unit tree beside the person list, and the unit actions (add, rename, move, deactivate)."""

from __future__ import annotations

import datetime as dt
import uuid

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QObject, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QHeaderView, QInputDialog, QTreeView, QWidget

from app.errors import UserError
from app.services import HoSoService
from app.units import UnitRow
from ui.dialogs import UnitDialog, confirm, show_error, unit_combo
from ui.events import DataEvents

UnitIdRole = Qt.ItemDataRole.UserRole + 1
UnitCodeRole = Qt.ItemDataRole.UserRole + 2


def tr(text: str) -> str:
    # module-level tr(): pyside6-lupdate files these strings under the empty context
    return QCoreApplication.translate("", text)


class UnitTree(QObject):
    """Owns the tree view; emits ``unit_selected(unit id or None)``."""

    unit_selected = Signal(object)

    def __init__(self, service: HoSoService, events: DataEvents, parent: QWidget):
        super().__init__(parent)
        self.service, self.events, self.window = service, events, parent
        self.units: list[UnitRow] = []
        self.model = QStandardItemModel()
        self.view = QTreeView()
        self.view.setObjectName("unit_tree")
        self.view.setModel(self.model)
        self.view.setHeaderHidden(True)
        self.view.setUniformRowHeights(True)
        # long unit names scroll sideways instead of being cut ("Phòng Công chức, viên ch…")
        self.view.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.header().setStretchLastSection(False)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        events.units_changed.connect(self.reload)
        self.reload()

    def reload(self) -> None:
        selected = self.current_code()
        self.units = self.service.units.list_units()
        self.model.clear()
        root = QStandardItem(tr("Tất cả đơn vị"))
        root.setEditable(False)
        self.model.appendRow(root)
        items: dict[uuid.UUID, QStandardItem] = {}
        for unit in self.units:
            item = QStandardItem(unit.name if unit.active else tr("{name} (đã giải thể)").format(name=unit.name))
            item.setEditable(False)
            item.setToolTip(f"{unit.name} ({unit.code})")  # the whole name, also when the panel cuts it
            item.setData(str(unit.id), UnitIdRole)
            item.setData(unit.code, UnitCodeRole)
            (items.get(unit.parent_id) or root).appendRow(item)
            items[unit.id] = item
        self.view.expand(root.index())
        for item in (root.child(i) for i in range(root.rowCount())):
            self.view.expand(item.index())
        self.select_code(selected)

    def select_code(self, code: str | None) -> None:
        matches = self.model.match(self.model.index(0, 0), UnitCodeRole, code, 1,
                                   Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive) if code else []
        index = matches[0] if matches else self.model.index(0, 0)
        self.view.selectionModel().setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def current_code(self) -> str | None:
        index = self.view.currentIndex()
        return index.data(UnitCodeRole) if index.isValid() else None

    def _current_changed(self, current, _previous) -> None:  # noqa: ANN001 - Qt indexes
        value = current.data(UnitIdRole) if current.isValid() else None
        self.unit_selected.emit(uuid.UUID(value) if value else None)

    # --- actions ---------------------------------------------------------------------------------
    def _run(self, action) -> bool:  # noqa: ANN001 - a callable
        try:
            action()
        except UserError as exc:
            show_error(self.window, str(exc))
            return False
        self.events.units_changed.emit()
        return True

    def add_unit(self) -> None:
        answer = UnitDialog.ask(self.window, self.units, self.current_code())
        if answer is not None and self._run(lambda: self.service.units.add_unit(answer.code, answer.name,
                                                                           answer.parent_code)):
            self.select_code(answer.code.strip())

    def rename_unit(self) -> None:
        code = self.current_code()
        if not code:
            return
        unit = next(u for u in self.units if u.code == code)
        name, ok = QInputDialog.getText(self.window, tr("Đổi tên đơn vị"), tr("Tên mới"), text=unit.name)
        if ok:
            self._run(lambda: self.service.units.rename_unit(code, name))

    def move_unit(self) -> None:
        code = self.current_code()
        if not code:
            return
        combo = unit_combo([u for u in self.units if u.code != code], empty=tr("(Cấp cao nhất)"))
        labels = [combo.itemText(i).strip() for i in range(combo.count())]
        choice, ok = QInputDialog.getItem(self.window, tr("Chuyển đơn vị"), tr("Đơn vị cấp trên mới"), labels, 0, False)
        if ok:
            parent_code = combo.itemData(labels.index(choice))
            self._run(lambda: self.service.units.move_unit(code, parent_code))

    def deactivate_unit(self) -> None:
        code = self.current_code()
        if code and confirm(self.window, tr("Giải thể đơn vị này từ hôm nay?"), tr("Giải thể")):
            self._run(lambda: self.service.units.deactivate_unit(code, dt.date.today()))
