"""Công cụ → Đồng bộ lên cơ sở dữ liệu thành phố, and the status-bar line of dossiers not yet sent.

The dialog asks for the city database's address, user and password ("Ghi nhớ" keeps them in a file
only the user can read, never in the database), shows the last sync and what is pending, runs
the sync on a worker with progress and cancel, then shows the counts and the conflicts.
Everything goes through the services' delivery area (``service.delivery``: the ``sync`` permission).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.background import run_in_background

if TYPE_CHECKING:  # the delivery area loads when the sync is first used (start-up, issue 17)
    from app.services.delivery import DialogState, SyncSummary

OVERDUE_STYLE = "color: #b3261e; font-weight: bold;"


def tr(text: str) -> str:
    # module-level tr(): pyside6-lupdate files these strings under the empty context
    return QCoreApplication.translate("", text)


def _day(value: Any) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def status_text(state: DialogState) -> str:
    """The status bar's words: "Chưa đồng bộ: N hồ sơ · hạn gần nhất dd/mm/yyyy"."""
    if not state.pending:
        return tr("Đã đồng bộ đủ")
    text = tr("Chưa đồng bộ: {n} hồ sơ").format(n=state.pending)
    if state.nearest_deadline:
        text += " · " + tr("hạn gần nhất {d}").format(d=_day(state.nearest_deadline))
    return text


class SyncDialog(QDialog):
    def __init__(self, window: Any, parent: QWidget | None = None):
        super().__init__(parent or window)
        self.window_ = window
        self.delivery = window.service.delivery
        self.setWindowTitle(tr("Đồng bộ lên cơ sở dữ liệu thành phố"))
        self.url_edit = QLineEdit(objectName="url_edit")
        self.url_edit.setPlaceholderText("postgresql+psycopg://may-chu:5432/hoso_thanhpho")
        self.user_edit = QLineEdit(objectName="user_edit")
        self.password_edit = QLineEdit(objectName="password_edit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember_check = QCheckBox(tr("Ghi nhớ tên đăng nhập và mật khẩu trên máy này"), objectName="remember_check")
        self.state_label = QLabel(objectName="state_label")
        self.state_label.setWordWrap(True)
        self.result_label = QLabel(objectName="result_label")
        self.result_label.setWordWrap(True)
        self.problems_list = QListWidget(objectName="problems_list")
        self.sync_button = QPushButton(tr("Đồng bộ"), objectName="sync_button")
        close_button = QPushButton(tr("Đóng"), objectName="close_button")
        self.sync_button.clicked.connect(self.start)
        close_button.clicked.connect(self.reject)
        form = QFormLayout()
        form.addRow(tr("Địa chỉ cơ sở dữ liệu thành phố"), self.url_edit)
        form.addRow(tr("Tên đăng nhập"), self.user_edit)
        form.addRow(tr("Mật khẩu"), self.password_edit)
        form.addRow("", self.remember_check)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.sync_button)
        buttons.addWidget(close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.state_label)
        layout.addWidget(self.result_label)
        layout.addWidget(QLabel(tr("Xung đột và hồ sơ bị từ chối:")))
        layout.addWidget(self.problems_list)
        layout.addLayout(buttons)
        self.resize(640, 480)
        self.op = None
        self.summary: SyncSummary | None = None
        self.refresh_state(fill=True)

    def refresh_state(self, fill: bool = False) -> None:
        try:
            state = self.delivery.sync_state()
        except Exception as exc:  # noqa: BLE001 - shown, not raised, in a dialog
            self.state_label.setText(str(exc))
            return
        if fill and state.url:
            self.url_edit.setText(state.url)
            self.user_edit.setText(state.user or "")
            self.remember_check.setChecked(state.remembered)
        last = tr("Chưa đồng bộ lần nào.") if state.last_sync_at is None else \
            tr("Lần đồng bộ gần nhất: {t} ({s}).").format(t=state.last_sync_at.strftime("%d/%m/%Y %H:%M"),
                                                           s=_status_word(state.last_status))
        pending = status_text(state)
        if state.overdue:
            pending += " — " + tr("{n} hồ sơ đã quá hạn 3 ngày làm việc").format(n=state.overdue)
        self.state_label.setText(last + "\n" + pending)

    def start(self) -> None:
        url = self.url_edit.text().strip()
        if not url:
            self.result_label.setText(tr("Hãy nhập địa chỉ cơ sở dữ liệu thành phố."))
            return
        user, password, remember = self.user_edit.text(), self.password_edit.text(), self.remember_check.isChecked()
        self.sync_button.setEnabled(False)
        self.result_label.setText(tr("Đang đồng bộ…"))

        def work(report, cancelled):  # noqa: ANN001, ANN202 - background.Work
            return self.delivery.sync(url, user, password, remember=remember, progress=report, cancel=cancelled)

        self.op = run_in_background(self, tr("Đang gửi hồ sơ lên thành phố…"), work, self.on_done, self.on_failed)

    def on_done(self, summary: SyncSummary) -> None:
        self.summary = summary
        self.sync_button.setEnabled(True)
        self.result_label.setText(summary_text(summary))
        self.problems_list.clear()
        for problem in summary.problems:
            if problem["kind"] == "missing_units":  # said once, up front, for every dossier of those units
                self.problems_list.addItem(problem["message"])
                continue
            kind = tr("Xung đột") if problem["kind"] == "conflict" else tr("Từ chối")
            self.problems_list.addItem(f"{kind}: {problem.get('full_name') or ''} ({problem.get('cccd')}) — "
                                       f"{problem['message']}")
        self.refresh_state()
        _refresh_indicator(self.window_)

    def on_failed(self, exc: BaseException) -> None:
        self.sync_button.setEnabled(True)
        self.result_label.setText(str(exc))
        self.refresh_state()


def _status_word(status: str | None) -> str:
    return {"done": tr("xong"), "failed": tr("lỗi"), "cancelled": tr("đã huỷ"),
            "running": tr("bị ngắt giữa chừng")}.get(status or "", status or "")


def summary_text(summary: SyncSummary) -> str:
    return tr("Đã gửi {sent} hồ sơ: thêm mới {inserted}, cập nhật {updated}, không đổi {unchanged}, xoá {deleted}, "
              "từ chối {rejected}, xung đột {conflicts}.").format(**summary.as_json())


def show_sync(window: Any) -> SyncDialog:
    dialog = SyncDialog(window)
    dialog.show()
    return dialog


# --- the status-bar indicator -----------------------------------------------------------------------

class SyncIndicator(QLabel):
    def __init__(self, window: Any):
        super().__init__(objectName="sync_status_label")
        self.window_ = window
        self.op = None
        self.timer = QTimer(self, singleShot=True, interval=800)
        self.timer.timeout.connect(self.refresh)

    def refresh(self) -> None:
        delivery = self.window_.service.delivery
        self.op = run_in_background(self, "", lambda report, cancelled: delivery.sync_state(), self.show_state,
                                    lambda exc: self.setText(""), show_progress=False, cancellable=False)

    def show_state(self, state: DialogState) -> None:
        self.setText(status_text(state))
        self.setStyleSheet(OVERDUE_STYLE if state.overdue else "")
        self.setToolTip(tr("{n} hồ sơ đã quá hạn gửi (3 ngày làm việc, NĐ 27/2026)").format(n=state.overdue)
                        if state.overdue else "")


def install(window: Any) -> SyncIndicator | None:
    if not window.service.accounts.can("sync"):  # e.g. on the city database, or a role that does not sync
        return None
    indicator = SyncIndicator(window)
    window.statusBar().addPermanentWidget(indicator)
    window._sync_indicator = indicator
    events = getattr(window, "events", None)
    if events is not None:
        events.people_changed.connect(lambda _ids: indicator.timer.start())
    first_paint = getattr(window, "after_first_paint", None)  # the state is read once the list is shown
    if first_paint is not None:
        first_paint.later("sync_state", indicator.refresh)
    else:
        QTimer.singleShot(0, indicator.refresh)
    return indicator


def _refresh_indicator(window: Any) -> None:
    indicator = getattr(window, "_sync_indicator", None)
    if indicator is not None:
        indicator.refresh()
