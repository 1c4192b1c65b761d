"""Start the desktop app: QApplication, the database, the main window.

The full browser and editor arrive with the desktop issue; until then this window shows what the
database holds, lists the units and lets a new user load demo data.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.db import open_database
from app.errors import UserError
from app.service import HoSoService


def tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


class MainWindow(QMainWindow):
    def __init__(self, service: HoSoService):
        super().__init__()
        self.service = service
        self.setWindowTitle("HoSo — " + tr("Quản lý hồ sơ cán bộ, công chức, viên chức"))
        self.summary_label = QLabel()
        self.summary_label.setObjectName("summary_label")
        self.units_tree = QTreeWidget()
        self.units_tree.setObjectName("units_tree")
        self.units_tree.setHeaderLabels([tr("Đơn vị"), tr("Mã")])
        self.demo_button = QPushButton(tr("Nạp dữ liệu mẫu (2.000 hồ sơ)"))
        self.demo_button.setObjectName("demo_button")
        self.demo_button.clicked.connect(self.load_demo)
        top = QHBoxLayout()
        top.addWidget(self.summary_label, 1)
        top.addWidget(self.demo_button)
        layout = QVBoxLayout()
        layout.addLayout(top)
        layout.addWidget(self.units_tree)
        central = QWidget()
        central.setLayout(layout)
        self.setCentralWidget(central)
        self.resize(900, 640)
        self.refresh()

    def refresh(self) -> None:
        overview = self.service.overview()
        self.summary_label.setText(tr("Cơ sở dữ liệu: {db}\n{people} hồ sơ, {units} đơn vị").format(
            db=overview.database, people=f"{overview.people:,}".replace(",", "."), units=overview.units))
        self.units_tree.clear()
        items: dict[object, QTreeWidgetItem] = {}
        for unit in self.service.list_units():
            parent = items.get(unit.parent_id)
            item = QTreeWidgetItem([unit.name, unit.code])
            if parent is None:
                self.units_tree.addTopLevelItem(item)
            else:
                parent.addChild(item)
            items[unit.id] = item
        self.units_tree.expandToDepth(0)
        self.units_tree.resizeColumnToContents(0)

    def load_demo(self) -> None:
        self.demo_button.setEnabled(False)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.service.load_demo(2000)
        finally:
            QApplication.restoreOverrideCursor()
            self.demo_button.setEnabled(True)
        self.refresh()


def run_app(target: str) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("HoSo")
    try:
        db = open_database(target)
    except UserError as exc:
        QMessageBox.critical(None, "HoSo", str(exc))
        return 1
    window = MainWindow(HoSoService(db))
    window.show()
    code = app.exec()
    db.dispose()
    return code
