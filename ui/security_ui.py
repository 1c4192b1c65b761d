"""Users, roles, approval and the audit log in the main window (the lead's menu entries call the
functions below; ``install`` runs after the menus are built).

- ``install(window)``: the user and role in the status bar and title, the city database's
  read-only banner, entries the role may not use hidden (only a convenience: HoSoService refuses
  anyway), the review state marked in the person list (tint + dot + tooltip), the count of
  dossiers waiting for a unit head.
- ``review_current``, ``manage_users``, ``show_audit_log``, ``change_password``: the menu entries.
The person editor's part (masked fields, read-only roles, "Lịch sử…") is ui/security_editor.py.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QBrush, QColor, QHelpEvent, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolBar,
    QToolTip,
)

from app.security.ui_support import ACTION_PERMISSIONS
from app.services import HoSoService
from ui.background import run_in_background
from ui.security_common import (
    STATE_COLOURS,
    STATE_TEXT_COLOURS,
    role_label,
    state_labels,
    tr,
)

PENDING_REFRESH_MS = 800


def user_text(service: HoSoService) -> str:
    principal = service.principal
    return tr("Người dùng: {name} ({role})").format(name=principal.full_name or principal.username,
                                                    role=role_label(principal.role))


# --- install ---------------------------------------------------------------------------------------
def install(window: Any) -> None:
    service: HoSoService = window.service
    label = QLabel(user_text(service))
    label.setObjectName("user_label")
    window.statusBar().addPermanentWidget(label)
    window.setWindowTitle(f"{window.windowTitle()} — {user_text(service)}")
    if service.principal.is_city_readonly:
        banner = QToolBar()
        banner.setObjectName("city_banner")
        banner.setMovable(False)
        text = QLabel(tr("CSDL thành phố — chỉ xem"))
        text.setObjectName("city_banner_label")
        text.setStyleSheet("background: #fff4ce; color: #8a5a00; font-weight: bold; padding: 4px 10px;")
        banner.addWidget(text)
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, banner)
    _add_pending_entry(window)
    apply_permissions(window)
    QTimer.singleShot(0, lambda: apply_permissions(window))  # entries other install()s add after this one
    if service.principal.unit_ids is not None:
        scope_unit_tree(window)
        window.events.units_changed.connect(lambda: scope_unit_tree(window))  # after the tree reloads
    table = window.people.table
    table.setItemDelegate(ReviewMarkDelegate(table))
    window.people.model.marks = review_marks()
    legend = QLabel(" ".join(f'<span style="color:{STATE_TEXT_COLOURS[s].name()}">●</span> {state_labels()[s]}'
                             for s in ("submitted", "returned")))
    legend.setObjectName("review_legend")
    legend.setToolTip(tr("Hồ sơ có thay đổi của cán bộ nhập liệu chưa được lãnh đạo đơn vị duyệt"))
    window.statusBar().addPermanentWidget(legend)
    if service.accounts.can("approve"):
        _install_pending_button(window, returned=False)
    elif service.principal.role == "clerk" and service.accounts.can("edit"):
        _install_pending_button(window, returned=True)


def _add_pending_entry(window: Any) -> None:
    """Hồ sơ → Hồ sơ chờ duyệt… under the lead's "Duyệt hoặc trả lại hồ sơ…" entry."""
    window.add_action_after("review_current_action", tr("Hồ sơ chờ duyệt…"), lambda: show_pending(window),
                            "show_pending_action")


def apply_permissions(window: Any) -> None:
    """Hide the entries the signed-in role may not use (menus left empty are hidden too)."""
    service: HoSoService = window.service
    answers: dict[str, bool] = {}
    for action in window.findChildren(QAction):
        needed = ACTION_PERMISSIONS.get(action.objectName())
        if needed is None:
            continue
        for what in needed:
            if what not in answers:
                answers[what] = service.accounts.can(what)
        action.setVisible(all(answers[w] for w in needed))
    indicator = getattr(window, "_sync_indicator", None)  # ui/sync_ui.py's "Chưa đồng bộ: …"
    if indicator is not None and not service.accounts.can("sync"):
        indicator.hide()
    password = window.findChild(QAction, "change_password_action")
    if password is not None:
        # the local file's own administrator has no account; on the city database the URL's credentials sign in
        password.setVisible(not service.principal.local and not service.principal.is_city_readonly)
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        if menu is not None and menu.actions():
            menu_action.setVisible(any(a.isVisible() and not a.isSeparator() for a in menu.actions()))


def scope_unit_tree(window: Any) -> None:
    """Show only the user's units (and the units above them, as the path) in the unit tree."""
    from ui.unit_tree import UnitIdRole

    scope = {str(u) for u in window.service.principal.unit_ids or ()}
    view = window.units.view
    model = view.model()

    def walk(parent: QModelIndex, parent_inside: bool) -> bool:
        """Hide rows outside the scope; open the path down to the user's units and those units."""
        any_inside = False
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            inside = index.data(UnitIdRole) in scope
            below = walk(index, inside)
            view.setRowHidden(row, parent, not (inside or below))
            if (below and not inside) or (inside and not parent_inside):
                view.expand(index)
            any_inside = any_inside or inside or below
        return any_inside

    root = model.index(0, 0)
    if root.isValid():
        walk(root, False)


def _install_pending_button(window: Any, *, returned: bool) -> None:
    """Heads: "N hồ sơ chờ duyệt"; clerks: "N hồ sơ bị trả lại" (each opens its list)."""
    button = QPushButton()
    button.setObjectName("pending_button")
    button.setFlat(True)
    colour = STATE_TEXT_COLOURS["returned" if returned else "submitted"].name()
    button.setStyleSheet(f"color: {colour}; text-decoration: underline;")
    button.setProperty("returned", returned)
    button.hide()  # until the count says there is something
    button.clicked.connect(lambda: show_pending(window, returned=returned))
    window.statusBar().addPermanentWidget(button)
    window._pending_button = button
    timer = QTimer(window)
    timer.setSingleShot(True)
    timer.setInterval(PENDING_REFRESH_MS)
    timer.timeout.connect(lambda: refresh_pending(window))
    window.events.people_changed.connect(lambda _ids: timer.start())
    QTimer.singleShot(0, lambda: refresh_pending(window))


def refresh_pending(window: Any) -> None:
    """Count off the UI thread (a clerk's import can leave thousands waiting)."""
    button = getattr(window, "_pending_button", None)
    if button is None:
        return
    returned = bool(button.property("returned"))
    service: HoSoService = window.service
    states = ("returned",) if returned else ("submitted",)

    def show(count: int) -> None:
        text = tr("{count} hồ sơ bị trả lại") if returned else tr("{count} hồ sơ chờ duyệt")
        button.setText(text.format(count=count))
        button.setVisible(count > 0)

    button._op = run_in_background(button, "", lambda _report, _cancelled: len(service.accounts.pending_reviews(states)), show,
                                   lambda _exc: show(0), show_progress=False, cancellable=False)


def review_marks() -> dict[str, tuple[QBrush, QIcon]]:
    """Rows not yet approved: tinted, a dot before the name — given to the people model as its
    background and decoration data (a Python ``initStyleOption`` for every painted cell cost more
    than the rest of the paint, issue 17)."""
    return {state: (QBrush(colour), _dot(STATE_TEXT_COLOURS[state])) for state, colour in STATE_COLOURS.items()}


class ReviewMarkDelegate(QStyledItemDelegate):
    """Rows not yet approved (tinted, a dot before the name: ``review_marks``): the state (and the
    comment) as tooltip."""

    @staticmethod
    def _state(index: QModelIndex | QPersistentModelIndex) -> str:
        model = index.model()
        row = model.person_row(index.row()) if hasattr(model, "person_row") else None
        return getattr(row, "review_state", "approved") if row is not None else "approved"

    def helpEvent(self, event: QHelpEvent, view: QAbstractItemView, option: QStyleOptionViewItem,  # noqa: N802
                  index: QModelIndex | QPersistentModelIndex) -> bool:
        state = self._state(index)
        if event.type() == QEvent.Type.ToolTip and state in STATE_COLOURS:
            text = index.data(Qt.ItemDataRole.ToolTipRole) or ""
            QToolTip.showText(event.globalPos(), f"{text}\n{state_labels()[state]}".strip(), view)
            return True
        return super().helpEvent(event, view, option, index)


_dots: dict[str, QIcon] = {}


def _dot(colour: QColor) -> QIcon:
    if colour.name() not in _dots:
        pixmap = QPixmap(12, 12)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(colour)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawEllipse(QPoint(6, 6), 5, 5)
        painter.end()
        _dots[colour.name()] = QIcon(pixmap)
    return _dots[colour.name()]


# --- menu entries ----------------------------------------------------------------------------------
def review_current(window: Any) -> None:
    """The selected dossier's review; with nothing selected, the list of dossiers waiting."""
    from ui.security_review import ReviewDialog

    person_id = window.people.current_id()
    if person_id is None:
        show_pending(window)
        return
    if ReviewDialog.ask(window, window.service, person_id):
        window.events.people_changed.emit([person_id])


def show_pending(window: Any, *, returned: bool = False) -> None:
    from ui.security_review import PendingDialog

    changed = PendingDialog.ask(window, window.service, returned)
    if changed:
        window.events.people_changed.emit(changed)


def manage_users(window: Any) -> None:
    from ui.security_users import UsersDialog

    UsersDialog.ask(window, window.service)


def show_audit_log(window: Any) -> None:
    from ui.security_audit import AuditDialog

    person_id = window.people.current_id()  # offered as the "Chỉ hồ sơ: …" filter, not ticked
    row = window.people.model.person_row(window.people.table.currentIndex().row()) if person_id else None
    AuditDialog.ask(window, window.service, person_id if row else None, row.full_name if row else "",
                    only_person=False)


def change_password(window: Any) -> None:
    from ui.login import ChangePasswordDialog

    if ChangePasswordDialog(window.service, window).exec() == QDialog.DialogCode.Accepted:
        window.statusBar().showMessage(tr("Đã đổi mật khẩu."), 5000)
