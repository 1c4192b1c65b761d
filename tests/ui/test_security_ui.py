"""Roles in the main window (ui/security_ui.py and friends): what each role sees, the review
dialog a unit head approves or returns with, masked fields in the editor, accounts, the audit log."""

from __future__ import annotations

import time

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QStyleOptionViewItem

from app.security.access import AuditFilter
from tests.core import security_fixtures
from tests.core.security_fixtures import World
from tests.ui.conftest import commit_text
from ui import main_window
from ui.editor import PersonEditor
from ui.security_audit import AuditDialog
from ui.security_editor import PersonLogDialog
from ui.security_review import APPROVED_MARGIN, PendingDialog, ReviewDialog
from ui.security_ui import ReviewMarkDelegate
from ui.security_users import UserDialog, UserInput, UsersDialog

fast_hashing = security_fixtures.fast_hashing  # the shared accounts of every role and two dossiers
world_template = security_fixtures.world_template
world = security_fixtures.world


def window_of(qtbot, service):
    win = main_window.MainWindow(service)
    qtbot.addWidget(win)
    return win


def visible(win, name: str) -> bool:
    action = win.findChild(QAction, name)
    assert action is not None, name
    return action.isVisible()


def submit_change(world: World, position: str = "Chuyên viên chính") -> None:
    """The clerk changes dossier A: it waits for the head."""
    world.clerk.people.update_person(world.a, {"position": position})


def test_clerk_and_head_windows_differ(qtbot, world: World) -> None:
    clerk, head = window_of(qtbot, world.clerk), window_of(qtbot, world.head)
    assert "Cán bộ nhập liệu" in clerk.findChild(QLabel, "user_label").text()
    assert "Lãnh đạo đơn vị" in head.findChild(QLabel, "user_label").text()
    assert clerk.windowTitle().endswith("Người dùng: Nhaplieu (Cán bộ nhập liệu)")
    for name in ("new_action", "delete_action", "import_spreadsheet_action", "transfer_action"):
        assert visible(clerk, name) and not visible(head, name), name
    for name in ("review_current_action", "show_pending_action"):
        assert visible(head, name) and not visible(clerk, name), name
    for win in (clerk, head):
        assert not visible(win, "manage_users_action") and not visible(win, "show_audit_log_action")
        assert visible(win, "change_password_action") and visible(win, "open_action")
    admin = window_of(qtbot, world.admin)
    assert visible(admin, "manage_users_action") and visible(admin, "show_audit_log_action")


def test_viewer_sees_no_writing_entries_and_masked_fields(qtbot, world: World) -> None:
    win = window_of(qtbot, world.viewer)
    for name in ("new_action", "delete_action", "import_spreadsheet_action", "review_current_action",
                 "print_profile_action"):
        assert not visible(win, name), name
    editor = PersonEditor(world.viewer, world.a)
    qtbot.addWidget(editor)
    religion, cccd, name = (editor.form.rows[f] for f in ("religion_code", "cccd", "full_name"))
    assert not religion.widget.isEnabled() and religion.widget.toolTip() == "Không có quyền xem trường này"
    assert not cccd.widget.isEnabled() and "*" in cccd.widget.text()  # partially masked: 0480******34
    assert name.widget.isEnabled()
    assert not editor.form.sections["personal_history"].isEnabled()
    assert not editor.save_button.isEnabled()  # a viewer only reads
    clerk_editor = PersonEditor(world.clerk, world.a)
    qtbot.addWidget(clerk_editor)
    assert clerk_editor.form.rows["religion_code"].widget.isEnabled() and clerk_editor.save_button.isEnabled()


def test_head_approves_a_submitted_record(qtbot, world: World) -> None:
    time.sleep(2 * APPROVED_MARGIN.total_seconds())  # the dossier's creation is older than the margin
    submit_change(world)
    assert world.head.people.person(world.a)["review_state"] == "submitted"
    dialog = ReviewDialog(world.head, world.a)
    qtbot.addWidget(dialog)
    assert dialog.findChild(QLabel, "state_label").text() == "Chờ duyệt"
    labels = [dialog.changes_table.item(r, 3).text() for r in range(dialog.changes_table.rowCount())]
    assert labels == ["Chức vụ (chức danh) hiện tại"]  # the clerk's change, not the approved creation before it
    assert dialog.approve_button.isEnabled()
    dialog.approve_button.click()
    assert dialog.changed
    assert world.head.people.person(world.a)["review_state"] == "approved"
    after = ReviewDialog(world.head, world.a)
    qtbot.addWidget(after)
    assert not after.approve_button.isEnabled() and after.changes_table.rowCount() == 0
    assert [after.steps_table.item(r, 2).text() for r in range(after.steps_table.rowCount())][0] == "Duyệt"


def test_returning_needs_a_comment(qtbot, world: World) -> None:
    submit_change(world)
    dialog = ReviewDialog(world.head, world.a)
    qtbot.addWidget(dialog)
    dialog.return_button.click()
    assert "lý do" in dialog.error_label.text() and not dialog.changed
    dialog.comment_edit.setPlainText("Thiếu quyết định bổ nhiệm")
    dialog.return_button.click()
    assert dialog.changed
    assert world.clerk.people.person(world.a)["review_state"] == "returned"
    clerk_view = ReviewDialog(world.clerk, world.a)  # the clerk reads why, and cannot decide
    qtbot.addWidget(clerk_view)
    assert "Thiếu quyết định bổ nhiệm" in clerk_view.findChild(QLabel, "return_note").text()
    assert not clerk_view.approve_button.isEnabled()
    win = window_of(qtbot, world.clerk)  # the clerk's status bar links to the returned dossiers
    qtbot.waitUntil(lambda: win._pending_button.text() == "1 hồ sơ bị trả lại")
    editor = PersonEditor(world.clerk, world.a)  # the clerk reopens the dossier to fix it
    qtbot.addWidget(editor)
    assert "Thiếu quyết định bổ nhiệm" in editor.findChild(QLabel, "review_note").text()
    returned = PendingDialog(world.clerk, returned=True)
    qtbot.addWidget(returned)
    assert returned.table.rowCount() == 1 and returned.table.item(0, 5).text() == "Thiếu quyết định bổ nhiệm"


def test_pending_list_and_status_bar_count(qtbot, world: World, monkeypatch) -> None:
    submit_change(world)
    dialog = PendingDialog(world.head)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 3).text() == "nhaplieu"
    monkeypatch.setattr(ReviewDialog, "ask", classmethod(lambda cls, parent, service, pid: (service.accounts.approve(pid), True)[1]))
    dialog.review_selected()
    assert dialog.table.rowCount() == 0 and "Không có" in dialog.summary.text()
    submit_change(world, "Chuyên viên cao cấp")
    win = window_of(qtbot, world.head)
    qtbot.waitUntil(lambda: win._pending_button.text().startswith("1 "))


def test_list_marks_records_waiting(qtbot, world: World) -> None:
    submit_change(world)
    win = window_of(qtbot, world.clerk)
    model = win.people.model
    rows = {model.person_row(r).cccd: r for r in range(model.rowCount())}
    delegate = win.people.table.itemDelegate()
    assert isinstance(delegate, ReviewMarkDelegate)
    option = QStyleOptionViewItem()
    delegate.initStyleOption(option, model.index(rows["048085001234"], 0))
    assert option.backgroundBrush.color().name() == "#fff4ce"
    assert not option.icon.isNull()
    # the marks are the model's data: no Python code runs per painted cell (issue 17)
    assert "initStyleOption" not in vars(ReviewMarkDelegate)
    index = model.index(rows["048085001234"], 1)
    assert model.data(index, Qt.ItemDataRole.BackgroundRole).color().name() == "#fff4ce"
    assert model.data(index, Qt.ItemDataRole.DecorationRole) is None  # the dot is before the name only


def test_admin_adds_a_user_through_the_dialog(qtbot, world: World, monkeypatch) -> None:
    dialog = UsersDialog(world.admin)
    qtbot.addWidget(dialog)
    form = UserDialog(dialog, world.admin.units.list_units())
    qtbot.addWidget(form)
    form.username_edit.setText("lanhdao2")
    form.full_name_edit.setText("Lanh Dao")
    form.role_combo.setCurrentIndex(form.role_combo.findData("head"))
    commit_text(form.unit_filter, "hai chau")  # accent-free filtering of the units
    shown = [form.units_list.item(i).text().strip() for i in range(form.units_list.count())
             if not form.units_list.item(i).isHidden()]
    assert shown == ["UBND phường Hải Châu (DN.P.HAICHAU)"]
    form.set_units({"DN.P.HAICHAU"})
    form.password_edit.setText("mat-khau-lanh-dao")
    answer = form.answer()
    assert answer == UserInput("lanhdao2", "Lanh Dao", "head", ("DN.P.HAICHAU",), "mat-khau-lanh-dao")
    monkeypatch.setattr(UserDialog, "ask", classmethod(lambda cls, parent, units, user=None: answer))
    dialog.buttons["add"].click()
    names = [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]
    assert "lanhdao2" in names
    row = names.index("lanhdao2")
    assert dialog.table.item(row, 2).text() == "Lãnh đạo đơn vị" and dialog.table.item(row, 3).text() == "DN.P.HAICHAU"
    assert dialog.table.item(row, 4).text() == "Phải đổi mật khẩu"
    dialog.buttons["active"].click()  # stop the selected account
    assert dialog.table.item(row, 4).text() == "Ngừng sử dụng"
    assert not next(u for u in world.admin.accounts.users() if u.username == "lanhdao2").active


def test_audit_log_lists_filters_and_exports(qtbot, world: World, tmp_path, monkeypatch) -> None:
    submit_change(world)
    dialog = AuditDialog(world.admin)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() > 0 and "/ " in dialog.page_label.text()
    dialog.action_combo.setCurrentIndex(dialog.action_combo.findData("login"))
    dialog.first_page()
    assert dialog.table.rowCount() >= 4  # the four accounts signed in
    assert {dialog.table.item(r, 2).text() for r in range(dialog.table.rowCount())} == {"Đăng nhập"}
    dialog.user_edit.setText("nhaplieu")
    dialog.action_combo.setCurrentIndex(dialog.action_combo.findData("change"))
    dialog.first_page()
    assert dialog.table.rowCount() >= 1 and dialog.table.item(0, 1).text() == "nhaplieu"
    target = tmp_path / "nhat-ky.xlsx"
    notes: list[str] = []
    monkeypatch.setattr(dialog, "ask_export_path", lambda: str(target))
    monkeypatch.setattr(dialog, "notify", notes.append)
    count = dialog.export()
    assert count == world.admin.audit.audit_log(AuditFilter(user="nhaplieu", action="change")).total
    sheet = openpyxl.load_workbook(target).active
    assert sheet.max_row == count + 1 and sheet.cell(2, 2).value == "nhaplieu"
    assert notes and str(target) in notes[0]


def test_audit_log_pages(qtbot, world: World, monkeypatch) -> None:
    import ui.security_audit as audit

    monkeypatch.setattr(audit, "PAGE_SIZE", 3)
    dialog = AuditDialog(world.admin)
    qtbot.addWidget(dialog)
    total = dialog.page.total
    assert total > 3 and dialog.table.rowCount() == 3 and dialog.next_button.isEnabled()
    first = dialog.table.item(0, 0).text(), dialog.table.item(0, 2).text(), dialog.table.item(0, 8).text()
    dialog.next_button.click()
    assert dialog.offset == 3 and dialog.previous_button.isEnabled()
    assert dialog.page_label.text().startswith("4–")
    dialog.previous_button.click()
    assert (dialog.table.item(0, 0).text(), dialog.table.item(0, 2).text(), dialog.table.item(0, 8).text()) == first


def test_editor_history_button_opens_the_dossier_log(qtbot, world: World, monkeypatch) -> None:
    submit_change(world)
    editor = PersonEditor(world.admin, world.a)
    qtbot.addWidget(editor)
    shown = []
    monkeypatch.setattr(PersonLogDialog, "exec", lambda self: shown.append(
        [self.tabs.tabText(i) for i in range(self.tabs.count())]) or 0)
    button = editor.findChild(type(editor.save_button), "history_button")
    assert button is not None
    button.click()
    assert shown == [["Thay đổi", "Quá trình duyệt", "Nhật ký truy cập"]]


@pytest.mark.parametrize("role", ["clerk", "viewer"])
def test_review_and_account_dialogs_are_refused_to_other_roles(qtbot, world: World, role: str) -> None:
    submit_change(world)
    dialog = ReviewDialog(getattr(world, role), world.a)
    qtbot.addWidget(dialog)
    assert not dialog.approve_button.isEnabled() and not dialog.return_button.isEnabled()
    from app.errors import UserError

    with pytest.raises(UserError):
        UsersDialog(getattr(world, role))


def test_city_database_shows_the_read_only_banner(qtbot, world: World) -> None:
    import dataclasses

    from app.services import HoSoService

    city_head = HoSoService(world.db, principal=dataclasses.replace(world.head.principal, is_city_readonly=True))
    win = window_of(qtbot, city_head)
    assert win.findChild(QLabel, "city_banner_label").text() == "CSDL thành phố — chỉ xem"
    assert not visible(win, "review_current_action")  # records of the units are read-only here
    assert not visible(win, "change_password_action")  # the URL's credentials sign in there
    assert window_of(qtbot, world.head).findChild(QLabel, "city_banner_label") is None


def test_start_session_on_the_city_database_asks_nobody(world: World, monkeypatch) -> None:
    from app.services import HoSoService
    from app.services import accounts as account_services
    from ui import login

    monkeypatch.setattr(account_services, "desktop_principal", lambda db: world.head.principal)
    monkeypatch.setattr(login.LoginDialog, "exec", lambda self: pytest.fail("no sign-in dialog on the city database"))
    service = login.start_session(HoSoService(world.db))
    assert service is not None and service.principal == world.head.principal


def test_audit_log_filters_on_the_selected_person(qtbot, world: World, monkeypatch) -> None:
    submit_change(world)
    world.admin.people.person(world.b)  # a view of sensitive data: logged for B
    win = window_of(qtbot, world.admin)
    model = win.people.model
    win.people.table.selectRow(next(r for r in range(model.rowCount()) if str(model.id_at(r)) == world.a))
    opened = []
    monkeypatch.setattr(AuditDialog, "exec", lambda self: opened.append(self) or 0)
    win.findChild(QAction, "show_audit_log_action").trigger()
    dialog = opened[0]
    qtbot.addWidget(dialog)
    assert not dialog.person_check.isHidden() and not dialog.person_check.isChecked()  # offered, not ticked
    everyone = dialog.page.total
    dialog.person_check.setChecked(True)
    dialog.first_page()
    names = {dialog.table.item(r, 3).text() for r in range(dialog.table.rowCount())}
    assert dialog.page.total < everyone and names == {"Nguyễn Văn Bình"}


def test_a_clerk_sees_only_own_units_in_the_tree(qtbot, world: World) -> None:
    win = window_of(qtbot, world.clerk)  # DN.SNV and DN.SNV.CCVC below it
    view, model = win.units.view, win.units.model
    shown = []

    def walk(parent, depth):
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            if not view.isRowHidden(row, parent):
                shown.append((depth, index.data()))
                walk(index, depth + 1)

    walk(model.index(0, 0), 0)
    assert shown == [(0, "UBND thành phố Đà Nẵng"), (1, "Sở Nội vụ"), (2, "Phòng Công chức, viên chức")]
    sync_label = win.findChild(QLabel, "sync_status_label")  # ui/sync_ui.py's indicator: administrators only
    qtbot.waitUntil(lambda: sync_label is None or sync_label.isHidden())
    admin = window_of(qtbot, world.admin)
    assert all(not admin.units.view.isRowHidden(r, model.index(0, 0)) for r in range(model.rowCount(model.index(0, 0))))


def test_the_viewers_list_offers_no_sensitive_filter_or_sort(qtbot, world: World) -> None:
    """The Party filter is not offered and a click on the CCCD or Party-date column sorts nothing
    for a role that sees them masked (the services would refuse both); the head keeps both."""
    from app.listing import PersonFilter

    viewer, head = window_of(qtbot, world.viewer), window_of(qtbot, world.head)
    assert viewer.people.party_combo.isHidden() and not head.people.party_combo.isHidden()
    assert viewer.people.current_filter().party_member is None
    keys = [c.key for c in viewer.people.model.columns]
    assert "cccd" in keys  # a default column
    viewer.people._header_clicked(keys.index("cccd"))
    assert viewer.people.sort == (None, False)
    head.people._header_clicked([c.key for c in head.people.model.columns].index("cccd"))
    assert head.people.sort == ("cccd", False)
    assert world.viewer.people.person_keys(PersonFilter(query="048085")) == []  # a CCCD prefix finds nobody
