"""The main window: unit tree | person list | preview, with the menus. It wires the per-area
controllers together and delegates; it does no data work of its own."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QInputDialog, QMainWindow, QSplitter, QVBoxLayout, QWidget

from app.errors import UserError
from app.paths import data_dir, set_data_dir
from app.services import HoSoService
from app.version import version
from ui import backup_ui, security_ui, settings, sync_ui
from ui.background import run_in_background
from ui.deferred import (  # the menus' ui modules load when first used (start-up, issue 17)
    AfterFirstPaint,
    alerts_ui,
    city_conflicts_ui,
    dashboard_ui,
    declaration_ui,
    import_wizard,
    package_ui,
    positions_ui,
    reports_ui,
)
from ui.dialogs import SettingsDialog, TransferDialog, about, confirm, show_error
from ui.events import DataEvents
from ui.history_dialog import HistoryDialog
from ui.open_editors import editor_widgets  # noqa: F401 - the window's open editors (tests, crash handler)
from ui.person_list import PersonList
from ui.preview import PreviewPane
from ui.unit_tree import UnitTree

VERSION = version()  # [project] version of pyproject.toml (app/version.py)
DEMO_COUNT = 2000
ALERT_COUNT_DELAY_MS = 1500  # after the first paint


def tr(text: str) -> str:
    # module-level tr(): pyside6-lupdate files these strings under the empty context
    return QCoreApplication.translate("", text)


class MainWindow(QMainWindow):
    def __init__(self, service: HoSoService):
        super().__init__()
        self.service = service
        self.events = DataEvents(self)
        self.setWindowTitle(tr("HoSo — Quản lý hồ sơ cán bộ, công chức, viên chức"))
        self.units = UnitTree(service, self.events, self)
        self.people = PersonList(service, self.events, self)
        self.preview = PreviewPane(service, self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("main_splitter")
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.units.view, 1)
        left_layout.addWidget(self.people.subunits_check)  # the checkbox is about the tree
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.people.widget)
        self.splitter.addWidget(self.preview)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([260, 800, 300])
        self.setCentralWidget(self.splitter)
        self.units.unit_selected.connect(self.people.set_unit)
        self.after_first_paint = AfterFirstPaint(self.people.table.viewport(), self)
        self.people.current_changed.connect(
            lambda person_id: self.after_first_paint.later("preview", lambda: self.preview.show_person(person_id)))
        self.people.loading.connect(self.preview.hold)
        self.people.activated.connect(self.open_person)
        self._build_menus()
        self._install_features()
        self.resize(1360, 820)
        self._restore_geometry()
        self.people.reload_now()
        # after the list has painted and settled: the count runs on a worker and would compete with it
        self.after_first_paint.later(
            "alerts", lambda: QTimer.singleShot(ALERT_COUNT_DELAY_MS, self.show_alert_count_at_start))
        self.after_first_paint.arm()

    def show_alert_count_at_start(self) -> None:
        """The alerts due within 6 months (as of today) counted off the UI thread and shown in the
        status bar as a link to Công cụ → Cảnh báo đến hạn (ui.dashboard_ui.show_alert_count)."""
        dashboard_ui.show_alert_count(self, self.service, self.units.current_code)

    # --- menus -----------------------------------------------------------------------------------
    def _action(self, menu, text: str, slot, shortcut: QKeySequence | str | None = None,  # noqa: ANN001
                name: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        action.setObjectName(name)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(tr("&Tệp"))
        self._action(file_menu, tr("Nạp dữ liệu mẫu…"), self.load_demo, name="demo_action")
        self._action(file_menu, tr("Cài đặt…"), self.open_settings, name="settings_action")
        file_menu.addSeparator()
        self._action(file_menu, tr("Thoát"), self.close, QKeySequence.StandardKey.Quit, "quit_action")
        person_menu = bar.addMenu(tr("&Hồ sơ"))
        self._action(person_menu, tr("Thêm hồ sơ mới…"), self.new_person, QKeySequence.StandardKey.New, "new_action")
        self._action(person_menu, tr("Mở hồ sơ"), self.open_current, "Return", "open_action")
        self._action(person_menu, tr("Chuyển đơn vị…"), self.transfer_current, name="transfer_action")
        self._action(person_menu, tr("Lịch sử thay đổi…"), self.show_history, name="history_action")
        self._action(person_menu, tr("Xoá hồ sơ…"), self.delete_current, QKeySequence.StandardKey.Delete,
                     "delete_action")
        self._action(person_menu, tr("Khôi phục hồ sơ đã xoá…"), self.restore_person, name="restore_action")
        person_menu.addSeparator()
        self._action(person_menu, tr("Tìm kiếm"), self.focus_search, QKeySequence.StandardKey.Find, "find_action")
        unit_menu = bar.addMenu(tr("Đơn &vị"))
        self._action(unit_menu, tr("Thêm đơn vị…"), self.units.add_unit, name="add_unit_action")
        self._action(unit_menu, tr("Đổi tên đơn vị…"), self.units.rename_unit, name="rename_unit_action")
        self._action(unit_menu, tr("Chuyển đơn vị sang cấp trên khác…"), self.units.move_unit, name="move_unit_action")
        self._action(unit_menu, tr("Giải thể đơn vị…"), self.units.deactivate_unit, name="deactivate_unit_action")
        self._feature_menus(bar, person_menu)
        help_menu = bar.addMenu(tr("Trợ &giúp"))
        self._action(help_menu, tr("Giới thiệu"), lambda: about(self, VERSION, self.service.database_url), name="about_action")

    def add_action_after(self, anchor_name: str, text: str, slot, name: str) -> QAction | None:  # noqa: ANN001
        """A feature module's extra menu entry, right below the entry named ``anchor_name``."""
        anchor = self.findChild(QAction, anchor_name)
        menus = [w for w in (anchor.associatedObjects() if anchor else []) if hasattr(w, "insertAction")]
        if not menus:
            return None
        action = QAction(text, self)
        action.setObjectName(name)
        action.triggered.connect(lambda _checked=False: slot())
        actions = menus[0].actions()
        after = actions.index(anchor) + 1
        if after < len(actions):
            menus[0].insertAction(actions[after], action)
        else:
            menus[0].addAction(action)
        return action

    def _install_features(self) -> None:
        """Feature areas that add more than a menu entry: status-bar indicators, the login state,
        work on exit."""
        security_ui.install(self)
        sync_ui.install(self)
        backup_ui.install(self)

    def _feature_menus(self, bar, person_menu) -> None:  # noqa: ANN001 - QMenuBar, QMenu
        """Printing, alerts, spreadsheets, delivery, backups and accounts: each entry calls its ui
        module's function (looked up when chosen)."""
        report_menu = bar.addMenu(tr("&Báo cáo"))
        tools_menu = bar.addMenu(tr("&Công cụ"))
        service, people, units = self.service, self.people, self.units

        def columns() -> list[str]:
            return [c.key for c in people.model.columns]

        entries = [
            (report_menu, "print_profile", tr("In sơ yếu lý lịch…"), "Ctrl+P",
             lambda: reports_ui.print_profile(self, service, people.current_id())),
            (report_menu, "print_unit_profiles", tr("In hồ sơ cả đơn vị…"), None,
             lambda: reports_ui.print_unit_profiles(self, service, units.current_code())),
            (report_menu, "print_list", tr("In danh sách đang xem…"), None,
             lambda: reports_ui.print_list(self, service, people.current_filter(), columns(), sort=people.sort)),
            (report_menu, "print_stats", tr("Báo cáo số lượng, chất lượng…"), None,
             lambda: reports_ui.print_stats(self, service, units.current_code())),
            (tools_menu, "show_alerts", tr("Cảnh báo đến hạn…"), None,
             lambda: alerts_ui.show_alerts(self, service, units.current_code())),
            (tools_menu, "show_completeness", tr("Mức đầy đủ của hồ sơ…"), None,
             lambda: dashboard_ui.show_completeness(self, service, units.current_code())),
            (tools_menu, "show_quality", tr("Kiểm tra chất lượng dữ liệu…"), None,
             lambda: dashboard_ui.show_quality(self, service, units.current_code())),
            (tools_menu, "show_positions", tr("Vị trí việc làm…"), None,
             lambda: positions_ui.show_positions(self, service, units.current_code())),
            (tools_menu, "show_rating", tr("Đánh giá, xếp loại…"), None,
             lambda: positions_ui.show_rating(self, service, units.current_code())),
            (tools_menu, "import_spreadsheet", tr("Nhập từ tệp Excel…"), None,
             lambda: import_wizard.import_spreadsheet(self, service, units.current_code(), self.events)),
            (tools_menu, "export_list", tr("Xuất danh sách đang xem ra Excel…"), None,
             lambda: import_wizard.export_list(self, service, people.current_filter(), columns(), sort=people.sort)),
            (person_menu, "issue_for_person", tr("Lập phiếu tự kê khai…"), None,
             lambda: declaration_ui.issue_for_person(self, service, people.current_id())),
            (person_menu, "issue_for_unit", tr("Lập phiếu tự kê khai cho cả đơn vị…"), None,
             lambda: declaration_ui.issue_for_unit(self, service, units.current_code())),
            (person_menu, "review_returned", tr("Đối chiếu phiếu kê khai trả về…"), None,
             lambda: declaration_ui.review_returned(self, service)),
            (person_menu, "data_requests", tr("Yêu cầu cung cấp dữ liệu cá nhân…"), None,
             lambda: declaration_ui.data_requests(self, service, people.current_id())),
            # delivery to the Department of Home Affairs, trust and safety: each takes the window
            (person_menu, "review_current", tr("Duyệt hoặc trả lại hồ sơ…"), None, lambda: security_ui.review_current(self)),
            (tools_menu, "show_sync", tr("Đồng bộ lên cơ sở dữ liệu thành phố…"), None, lambda: sync_ui.show_sync(self)),
            (tools_menu, "export_package", tr("Xuất gói hồ sơ có ký số…"), None, lambda: package_ui.export_package(self)),
            (tools_menu, "import_package", tr("Nhập gói hồ sơ…"), None, lambda: package_ui.import_package(self)),
            (tools_menu, "manage_keys", tr("Khoá ký số của các đơn vị…"), None, lambda: package_ui.manage_keys(self)),
            (tools_menu, "backup_now", tr("Sao lưu dữ liệu…"), None, lambda: backup_ui.backup_now(self)),
            (tools_menu, "restore_backup", tr("Khôi phục từ bản sao lưu…"), None, lambda: backup_ui.restore_backup(self)),
            (tools_menu, "manage_users", tr("Người dùng và phân quyền…"), None, lambda: security_ui.manage_users(self)),
            (tools_menu, "show_audit_log", tr("Nhật ký xử lý dữ liệu…"), None, lambda: security_ui.show_audit_log(self)),
            (tools_menu, "change_password", tr("Đổi mật khẩu…"), None, lambda: security_ui.change_password(self)),
        ]
        if self.service.principal.is_city_readonly:  # the Department at the city database
            entries.append((tools_menu, "show_identity_conflicts", tr("Xung đột số định danh ở CSDL thành phố…"),
                            None, lambda: city_conflicts_ui.show_identity_conflicts(self)))
        for menu, function, text, shortcut, call in entries:
            self._action(menu, text, call, shortcut, f"{function}_action")

    # --- person actions ------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.people.search_edit.setFocus()
        self.people.search_edit.selectAll()

    def open_current(self) -> None:
        person_id = self.people.current_id()
        if person_id is not None:
            self.open_person(person_id)

    def open_person(self, person_id: uuid.UUID | None, initial: dict | None = None) -> None:
        from ui.editor import PersonEditor

        saved = PersonEditor.ask(self, self.service, person_id=person_id, initial=initial)
        if saved is not None:
            self.events.people_changed.emit([saved])
            self.preview.show_person(saved)

    def new_person(self) -> None:
        from ui.editor import QuickEntryDialog

        created = QuickEntryDialog.ask(self, self.service, self.units.current_code())
        if created is not None:
            self.events.people_changed.emit([])
            self.people.select_person(created)
            self.open_person(created)

    def transfer_current(self) -> None:
        person_id = self.people.current_id()
        row = self.people.model.person_row(self.people.table.currentIndex().row()) if person_id else None
        if row is None:
            return
        answer = TransferDialog.ask(self, row.full_name, self.units.units, row.position or "")
        if answer is None:
            return
        try:
            self.service.people.transfer_person(person_id, answer.unit_code, answer.on, decision_number=answer.decision_number,
                                         position=answer.position, kind=answer.kind)
        except UserError as exc:
            show_error(self, str(exc))
            return
        self.events.people_changed.emit([person_id])

    def delete_current(self) -> None:
        person_id = self.people.current_id()
        if person_id is None:
            return
        if confirm(self, tr("Xoá hồ sơ đang chọn? Hồ sơ đã xoá vẫn có thể khôi phục."), tr("Xoá")):
            self.service.people.delete_person(person_id)
            self.events.people_changed.emit([person_id])

    def show_history(self) -> None:
        person_id = self.people.current_id()
        row = self.people.model.person_row(self.people.table.currentIndex().row()) if person_id else None
        if row is not None:
            HistoryDialog.ask(self, row.full_name, self.service.people.history(person_id))

    def restore_person(self) -> None:
        """Bring back a deleted dossier by its CCCD (deletion only hides it)."""
        number, ok = QInputDialog.getText(self, tr("Khôi phục hồ sơ đã xoá"), tr("Số CCCD của hồ sơ đã xoá"))
        if not ok or not number.strip():
            return
        try:
            self.service.people.restore_person(number)
        except UserError as exc:
            show_error(self, str(exc))
            return
        self.events.people_changed.emit([])

    # --- app actions ---------------------------------------------------------------------------------
    def load_demo(self) -> None:
        if not confirm(self, tr("Thêm {count} hồ sơ mẫu vào cơ sở dữ liệu này?").format(count=DEMO_COUNT),
                       tr("Nạp dữ liệu mẫu")):
            return
        run_in_background(self, tr("Đang tạo hồ sơ mẫu…"),
                          lambda report, _cancelled: self.service.exchange.load_demo(
                              DEMO_COUNT, progress=lambda done: report(done, DEMO_COUNT)),
                          lambda _count: (self.events.units_changed.emit(), self.events.people_changed.emit([])),
                          lambda exc: show_error(self, str(exc)), cancellable=False)

    def open_settings(self) -> None:
        answer = SettingsDialog.ask(self, data_dir(), settings.get(settings.LANGUAGE),
                                    [settings.DefaultFormsBox(self.service)])  # stored on Lưu
        if answer is None:
            return
        if answer.data_dir != data_dir():
            try:
                answer.data_dir.mkdir(parents=True, exist_ok=True)
                set_data_dir(answer.data_dir)
            except OSError as exc:
                show_error(self, tr("Không dùng được thư mục {folder}: {error}").format(folder=answer.data_dir,
                                                                                       error=exc))
                return
        settings.put(settings.LANGUAGE, answer.language)

    # --- geometry ----------------------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        if geometry := settings.load_state("main/geometry"):
            self.restoreGeometry(geometry)
        if state := settings.load_state("main/splitter"):
            self.splitter.restoreState(state)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        settings.save_state("main/geometry", self.saveGeometry())
        settings.save_state("main/splitter", self.splitter.saveState())
        super().closeEvent(event)
