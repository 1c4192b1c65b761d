"""Công cụ → Đồng bộ lên cơ sở dữ liệu thành phố, and the status-bar line of dossiers not yet sent.

The dialog asks for the city database's server, port, database, user and password (it builds the
address itself; a saved address fills the fields; "Ghi nhớ" keeps the credentials in a file only
the user can read, never in the database), shows the last sync and every dossier waiting to be
sent with its deadline and legal basis (NĐ 27/2026; overdue in red), runs the sync on a worker with
progress and cancel, then says plainly how it went: success, partial or failed (app.sync_outcome),
with the problems grouped by cause and what to do, and a refused connection as a failure in words,
the driver's text only as the detail. Everything goes through the services' delivery area
(``service.delivery``: the ``sync`` permission).
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTimer
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app import sync_outcome as so
from app.errors import UserError
from ui.background import run_in_background

if TYPE_CHECKING:  # the delivery area loads when the sync is first used (start-up, issue 17)
    from app.services.delivery import DialogState, Pending, SyncSummary

ERROR_COLOR, WARNING_COLOR, OK_COLOR = "#b3261e", "#8a5300", "#1e6b2e"
OVERDUE_STYLE = f"color: {ERROR_COLOR}; font-weight: bold;"
ERROR_STYLE = f"color: {ERROR_COLOR}; font-weight: bold;"
STYLES = {so.FAILED: ERROR_STYLE, so.PARTIAL: f"color: {WARNING_COLOR}; font-weight: bold;",
          so.CANCELLED: f"color: {WARNING_COLOR}; font-weight: bold;",
          so.SUCCESS: f"color: {OK_COLOR}; font-weight: bold;", so.NOTHING: f"color: {OK_COLOR}; font-weight: bold;"}
ICONS = {so.FAILED: QStyle.StandardPixmap.SP_MessageBoxCritical, so.PARTIAL: QStyle.StandardPixmap.SP_MessageBoxWarning,
         so.CANCELLED: QStyle.StandardPixmap.SP_MessageBoxWarning, so.SUCCESS: QStyle.StandardPixmap.SP_DialogApplyButton,
         so.NOTHING: QStyle.StandardPixmap.SP_DialogApplyButton}
PENDING_SHOWN = 500  # rows of the pending table; the rest are counted
VALUES_SHOWN = 20  # unit codes or file names named per cause


def tr(text: str) -> str:
    # module-level tr(): pyside6-lupdate files these strings under the empty context
    return QCoreApplication.translate("", text)


def _day(value: Any) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def _n(value: int) -> str:
    """A count in the interface language's digit grouping (1.998 / 1,998)."""
    return QLocale().toString(int(value))


# --- deadlines and their legal basis (NĐ 27/2026) ----------------------------------------------------

def _vietnamese_ui() -> bool:
    """Whether the interface speaks Vietnamese (its source language: no translation installed)."""
    return tr("Đồng bộ") == "Đồng bộ"


def kind_text(kind: str | None) -> str:
    """The kind of change a deadline is for, in the interface language."""
    return {"process": tr("Thay đổi từ quy trình nghiệp vụ trong HoSo"),
            "agency": tr("Thay đổi khác của cơ quan"),
            "new_dossier": tr("Kê khai lần đầu của hồ sơ mới lập")}.get(kind or "", kind or "")


def period_text(period: int, unit: str) -> str:
    return (tr("{n} ngày làm việc") if unit == "working_day" else tr("{n} ngày")).format(n=f"{period:02d}")


_BASIS = re.compile(r"^Điều (?P<article>\d+) Nghị định (?P<number>\S+)$")


def basis_text(basis: str | None) -> str:
    """"Điều 19 Nghị định 27/2026/NĐ-CP" in the interface language (the decree's number in ASCII
    letters in a translation, as English texts write it: 27/2026/ND-CP)."""
    if not basis:
        return ""
    m = _BASIS.match(basis)
    if m is None:
        return basis
    translated = tr("Điều {article} Nghị định {number}")
    english = not translated.startswith("Điều")
    number = m["number"].replace("Đ", "D").replace("đ", "d") if english else m["number"]
    return translated.format(article=m["article"], number=number)


def rule_text(kind: str | None, period: int | None, unit: str | None, basis: str | None) -> str:
    """"Thay đổi khác của cơ quan: 03 ngày làm việc (Điều 19 Nghị định 27/2026/NĐ-CP)"."""
    text = kind_text(kind)
    if period is not None and unit:
        text += ": " + period_text(period, unit)
    if basis:
        text += f" ({basis_text(basis)})"
    return text


def status_text(state: DialogState) -> str:
    """The status bar's words: "Chưa đồng bộ: N hồ sơ · hạn gần nhất dd/mm/yyyy (Điều 19 …)"."""
    if not state.pending:
        return tr("Đã đồng bộ đủ")
    text = tr("Chưa đồng bộ: {n} hồ sơ").format(n=_n(state.pending))
    if state.nearest_deadline:
        text += " · " + tr("hạn gần nhất {d}").format(d=_day(state.nearest_deadline))
        if state.nearest_basis:
            text += f" ({basis_text(state.nearest_basis)})"
    if state.overdue:
        text += " · " + tr("{n} hồ sơ quá hạn").format(n=_n(state.overdue))
    return text


def status_tooltip(state: DialogState) -> str:
    if not state.pending:
        return ""
    lines = []
    if state.nearest_deadline:
        lines.append(tr("Hạn gần nhất: {d} — {rule}").format(
            d=_day(state.nearest_deadline), rule=rule_text(state.nearest_kind, None, None, state.nearest_basis)))
    if state.overdue:
        lines.append(tr("{n} hồ sơ đã quá hạn gửi lên thành phố (NĐ 27/2026)").format(n=_n(state.overdue)))
    lines.append(tr("Công cụ → Đồng bộ lên cơ sở dữ liệu thành phố: xem từng hồ sơ và hạn gửi."))
    return "\n".join(lines)


# --- the words of a run ------------------------------------------------------------------------------

def summary_text(summary: SyncSummary | Mapping[str, Any]) -> str:
    counts = summary.as_json() if hasattr(summary, "as_json") else dict(summary)
    return tr("Đã gửi {sent} hồ sơ: thêm mới {inserted}, cập nhật {updated}, không đổi {unchanged}, xoá {deleted}, "
              "từ chối {rejected}, xung đột {conflicts}.").format(
        **{k: _n(counts.get(k) or 0) for k in ("sent", "inserted", "updated", "unchanged", "deleted", "rejected",
                                               "conflicts")})


def headline(summary: SyncSummary) -> tuple[str, str]:
    """(outcome, the one sentence that says it)."""
    counts = summary.as_json()
    outcome = so.outcome(counts, summary.status)
    ok, bad = so.accepted(counts), so.refused(counts)
    text = {
        so.SUCCESS: tr("Đồng bộ thành công: CSDL thành phố đã nhận {ok} hồ sơ."),
        so.NOTHING: tr("Không có hồ sơ nào cần gửi: CSDL thành phố đã có đủ."),
        so.PARTIAL: tr("Đồng bộ chưa trọn: {ok} hồ sơ đã được nhận, {bad} hồ sơ chưa gửi được (xem lý do bên dưới)."),
        so.FAILED: tr("Đồng bộ không thành công: không hồ sơ nào được nhận — {bad} hồ sơ bị từ chối hoặc xung đột "
                      "(xem lý do bên dưới)."),
        so.CANCELLED: tr("Đã huỷ đồng bộ: {ok} hồ sơ đã được nhận và giữ nguyên; đồng bộ lại để gửi tiếp."),
    }[outcome]
    return outcome, text.format(ok=_n(ok), bad=_n(bad))


def group_title(group: so.ProblemGroup) -> str:
    text = {
        so.UNIT_MISSING: tr("{n} hồ sơ bị từ chối: đơn vị chưa có trong CSDL thành phố"),
        so.IDENTITY: tr("{n} hồ sơ bị từ chối: số định danh (CCCD) đã thuộc một hồ sơ khác ở CSDL thành phố"),
        so.NOT_YOURS: tr("{n} hồ sơ bị từ chối: tài khoản đồng bộ không được ghi vào đơn vị của hồ sơ"),
        so.NO_UNIT: tr("{n} hồ sơ bị từ chối: hồ sơ chưa ghi đơn vị công tác"),
        so.FILE: tr("{n} hồ sơ bị từ chối: thiếu nội dung tệp đính kèm"),
        so.CONFLICT: tr("{n} hồ sơ xung đột: đã được sửa ở CSDL thành phố sau lần gửi trước, không ghi đè"),
        so.REFUSED_BY_DB: tr("{n} hồ sơ bị CSDL thành phố từ chối ghi"),
        so.OTHER: tr("{n} hồ sơ bị từ chối vì lý do khác"),
    }[group.cause]
    return text.format(n=_n(group.count))


def group_advice(group: so.ProblemGroup) -> str:
    return {
        so.UNIT_MISSING: tr("Đề nghị Sở Nội vụ thêm các đơn vị này vào CSDL thành phố (đúng mã như trên), "
                            "rồi đồng bộ lại. Các hồ sơ khác không bị ảnh hưởng."),
        so.IDENTITY: tr("Có thể người này đã có hồ sơ ở đơn vị khác. Liên hệ Sở Nội vụ để đối chiếu; "
                        "không lập hồ sơ mới cho cùng một người."),
        so.NOT_YOURS: tr("Kiểm tra đơn vị ghi trong các hồ sơ này; nếu đúng, đề nghị Sở Nội vụ cấp quyền ghi "
                         "đơn vị đó cho tài khoản đồng bộ của đơn vị."),
        so.NO_UNIT: tr("Mở từng hồ sơ, chọn đơn vị công tác, lưu, rồi đồng bộ lại."),
        so.FILE: tr("Mở hồ sơ, đính kèm lại tệp còn thiếu, lưu, rồi đồng bộ lại."),
        so.CONFLICT: tr("HoSo không ghi đè dữ liệu đã sửa ở thành phố. Đối chiếu với Sở Nội vụ xem bản nào đúng "
                        "trước khi sửa tiếp."),
        so.REFUSED_BY_DB: tr("Gửi chi tiết kỹ thuật dưới đây cho quản trị viên."),
        so.OTHER: tr("Gửi chi tiết dưới đây cho quản trị viên."),
    }[group.cause]


def group_values(group: so.ProblemGroup) -> str:
    if not group.values:
        return ""
    shown = ", ".join(group.values[:VALUES_SHOWN])
    if len(group.values) > VALUES_SHOWN:
        shown += " " + tr("… và {n} giá trị khác").format(n=_n(len(group.values) - VALUES_SHOWN))
    label = {so.UNIT_MISSING: tr("Đơn vị còn thiếu (mã):"), so.NOT_YOURS: tr("Đơn vị (mã):"),
             so.FILE: tr("Tệp:"), so.IDENTITY: tr("Số CCCD:")}.get(group.cause, "")
    return f"{label} {shown}".strip()


def _person(example: Mapping[str, Any]) -> str:
    name, cccd = example.get("full_name") or "", example.get("cccd") or ""
    return f"{name} ({cccd})" if cccd else name


def problems_html(summary: SyncSummary) -> str:
    """The run's problems by cause: a heading with the count, the values named, a few examples and
    what to do — one block per cause however many dossiers share it."""
    parts = []
    for group in so.group_problems(summary.as_json()):
        color = WARNING_COLOR if group.conflict else ERROR_COLOR
        block = [f'<p style="margin-top:8px"><b style="color:{color}">{html.escape(group_title(group))}</b>']
        if values := group_values(group):
            block.append(f"<br>{html.escape(values)}")
        people = [_person(e) for e in group.examples if e.get("full_name") or e.get("cccd")]
        if people:
            more = group.count - len(people)
            text = tr("Ví dụ:") + " " + "; ".join(people)
            if more > 0:
                text += " " + tr("… và {n} hồ sơ khác").format(n=_n(more))
            block.append(f"<br>{html.escape(text)}")
        todo, technical = html.escape(tr("Cần làm:")), html.escape(tr("Chi tiết kỹ thuật:"))
        block.append(f"<br><i>{todo}</i> {html.escape(group_advice(group))}")
        for detail in group.details:
            block.append(f'<br><span style="color:#555">{technical} {html.escape(detail)}</span>')
        parts.append("".join(block) + "</p>")
    return "".join(parts)


def failure_text(failure: so.Failure) -> str:
    """What a failed run means, in words a clerk can act on."""
    server = failure.server or tr("(chưa rõ)")
    return {
        so.UNREACHABLE: tr("Không kết nối được máy chủ {server}: không có máy chủ CSDL nào trả lời ở địa chỉ và cổng "
                           "này. Kiểm tra tên máy chủ, cổng và mạng của cơ quan, hoặc hỏi quản trị viên xem máy chủ "
                           "có đang chạy không."),
        so.UNKNOWN_HOST: tr("Không tìm thấy máy chủ có tên này ({server}). Kiểm tra lại ô Máy chủ (hoặc dùng địa chỉ "
                            "IP) và mạng của cơ quan."),
        so.TIMEOUT: tr("Máy chủ {server} không trả lời kịp. Kiểm tra mạng rồi thử lại."),
        so.AUTH: tr("Sai tên đăng nhập hoặc mật khẩu của CSDL thành phố. Nhập lại đúng tài khoản Sở Nội vụ đã cấp "
                    "cho đơn vị."),
        so.NO_DATABASE: tr("Máy chủ {server} không có cơ sở dữ liệu tên này. Kiểm tra lại ô Cơ sở dữ liệu (tên do "
                           "Sở Nội vụ cung cấp)."),
        so.NOT_PREPARED: tr("Cơ sở dữ liệu {server} chưa được chuẩn bị làm CSDL thành phố cho phiên bản HoSo này. "
                            "Đề nghị quản trị viên ở Sở Nội vụ chạy lệnh 'city init'."),
        so.VERSION: tr("CSDL thành phố ({server}) dùng phiên bản HoSo khác với máy này. Cần nâng cấp cùng một "
                       "phiên bản trước khi đồng bộ."),
        so.LOST: tr("Mất kết nối tới CSDL thành phố ({server}) giữa chừng. Phần đã gửi được giữ nguyên; kiểm tra "
                    "mạng rồi đồng bộ lại để gửi tiếp."),
        so.BAD_ADDRESS: tr("Địa chỉ CSDL thành phố không hợp lệ. Kiểm tra lại máy chủ, cổng và cơ sở dữ liệu."),
        so.PERMISSION: tr("Tài khoản đang đăng nhập không được đồng bộ; chỉ quản trị viên của đơn vị được đồng bộ."),
        so.FAILURE_OTHER: tr("Đồng bộ gặp lỗi. Gửi chi tiết kỹ thuật dưới đây cho quản trị viên."),
    }[failure.cause].format(server=server)


def address_error_text(error: so.AddressError) -> str:
    return {
        ("server", "empty"): tr("Máy chủ: hãy nhập tên hoặc địa chỉ IP của máy chủ CSDL thành phố."),
        ("server", "invalid"): tr("Máy chủ: chỉ ghi tên hoặc địa chỉ IP của máy chủ (cổng ghi ở ô Cổng)."),
        ("port", "invalid"): tr("Cổng: phải là một số từ 1 đến 65535."),
        ("database", "empty"): tr("Cơ sở dữ liệu: hãy nhập tên cơ sở dữ liệu thành phố."),
        ("database", "invalid"): tr("Cơ sở dữ liệu: tên không được có khoảng trắng hay các ký tự / ? # @."),
    }.get((error.field, error.problem), str(error))


def last_sync_text(state: DialogState) -> str:
    """The state line's first sentence, as HTML (a failed last run in red)."""
    if state.last_sync_at is None:
        return html.escape(tr("Chưa đồng bộ lần nào."))
    outcome = so.outcome(state.last_summary or {}, state.last_status)
    if state.last_status == "running":
        word = tr("bị ngắt giữa chừng")
    else:
        word = {so.SUCCESS: tr("thành công"), so.NOTHING: tr("không có hồ sơ nào cần gửi"),
                so.PARTIAL: tr("chưa trọn, có hồ sơ bị từ chối"),
                so.FAILED: tr("không thành công") if state.last_status == "failed" else
                tr("không hồ sơ nào được nhận"),
                so.CANCELLED: tr("đã huỷ")}[outcome]
    color = {so.FAILED: ERROR_COLOR, so.PARTIAL: WARNING_COLOR, so.CANCELLED: WARNING_COLOR}.get(outcome)
    word_html = f'<span style="color:{color}; font-weight:bold">{html.escape(word)}</span>' if color else \
        html.escape(word)
    return html.escape(tr("Lần đồng bộ gần nhất: {t}").format(t=state.last_sync_at.strftime("%d/%m/%Y %H:%M"))) + \
        " — " + word_html + "."


# --- the dialog ----------------------------------------------------------------------------------------

class SyncDialog(QDialog):
    def __init__(self, window: Any, parent: QWidget | None = None):
        super().__init__(parent or window)
        self.window_ = window
        self.delivery = window.service.delivery
        self.setWindowTitle(tr("Đồng bộ lên cơ sở dữ liệu thành phố"))
        self.server_edit = QLineEdit(objectName="server_edit")
        self.server_edit.setPlaceholderText(tr("tên hoặc địa chỉ IP, ví dụ csdl.sonoivu.gov.vn"))
        self.server_edit.editingFinished.connect(self._address_pasted)
        self.port_edit = QSpinBox(objectName="port_edit")
        self.port_edit.setRange(1, 65535)
        self.port_edit.setValue(so.DEFAULT_PORT)
        self.port_edit.setGroupSeparatorShown(False)
        self.database_edit = QLineEdit(objectName="database_edit")
        self.database_edit.setPlaceholderText(tr("tên do Sở Nội vụ cung cấp, ví dụ hoso_thanhpho"))
        self.user_edit = QLineEdit(objectName="user_edit")
        self.password_edit = QLineEdit(objectName="password_edit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember_check = QCheckBox(tr("Ghi nhớ tên đăng nhập và mật khẩu trên máy này"), objectName="remember_check")
        self._query: tuple[tuple[str, str], ...] = ()  # options of a saved address (sslmode…), kept
        self.state_label = QLabel(objectName="state_label")
        self.state_label.setWordWrap(True)
        self.state_label.setTextFormat(Qt.TextFormat.RichText)
        self.pending_table = QTableWidget(0, 5, objectName="pending_table")
        self.pending_table.setHorizontalHeaderLabels([tr("Họ và tên"), tr("Số CCCD"), tr("Hạn gửi"),
                                                      tr("Loại thay đổi, thời hạn"), tr("Căn cứ")])
        self.pending_table.setWordWrap(True)  # the kind of change wraps in its column, never cut
        self.pending_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.pending_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.pending_table.verticalHeader().setVisible(False)
        header = self.pending_table.horizontalHeader()
        for column in (0, 1, 2, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.pending_more = QLabel(objectName="pending_more")
        self.result_icon = QLabel(objectName="result_icon")
        self.result_label = QLabel(objectName="result_label")
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details_view = QTextBrowser(objectName="details_view")  # scrolls: a long list never runs off the edge
        self.details_view.setOpenLinks(False)
        self.details_view.setVisible(False)
        self.sync_button = QPushButton(tr("Đồng bộ"), objectName="sync_button")
        close_button = QPushButton(tr("Đóng"), objectName="close_button")
        self.sync_button.clicked.connect(self.start)
        close_button.clicked.connect(self.reject)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(tr("Máy chủ"), self.server_edit)
        form.addRow(tr("Cổng"), self.port_edit)
        form.addRow(tr("Cơ sở dữ liệu"), self.database_edit)
        form.addRow(tr("Tên đăng nhập"), self.user_edit)
        form.addRow(tr("Mật khẩu"), self.password_edit)
        form.addRow("", self.remember_check)
        result = QHBoxLayout()
        result.addWidget(self.result_icon, 0, Qt.AlignmentFlag.AlignTop)
        result.addWidget(self.result_label, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.sync_button)
        buttons.addWidget(close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.state_label)
        self.pending_heading = QLabel(tr("Hồ sơ chờ gửi, hạn gửi và căn cứ (Nghị định 27/2026):"),
                                      objectName="pending_heading")
        layout.addWidget(self.pending_heading)
        layout.addWidget(self.pending_table, 2)
        layout.addWidget(self.pending_more)
        layout.addLayout(result)
        layout.addWidget(self.details_view, 3)
        layout.addLayout(buttons)
        self.sync_button.setDefault(True)
        self.resize(820, 640)
        self.op = None
        self.summary: SyncSummary | None = None
        self.outcome: str | None = None
        self.failure: so.Failure | None = None
        self.refresh_state(fill=True)

    # --- the address ------------------------------------------------------------------------------
    def set_url(self, url: str | None) -> None:
        """Fill the fields from an address (a saved one, or one pasted into the server field)."""
        try:
            parts = so.url_parts(url)
        except UserError:
            return
        self.server_edit.setText(parts.server)
        self.port_edit.setValue(parts.port)
        self.database_edit.setText(parts.database_name)
        if parts.user:
            self.user_edit.setText(parts.user)
        self._query = parts.query

    def url(self) -> str:
        """The address the fields make (``so.AddressError`` names the field that is wrong)."""
        return so.city_url(self.server_edit.text(), self.port_edit.value(), self.database_edit.text(), self._query)

    def _address_pasted(self) -> None:
        if "://" in self.server_edit.text():
            self.set_url(self.server_edit.text().strip())

    # --- state --------------------------------------------------------------------------------------
    def refresh_state(self, fill: bool = False) -> None:
        try:
            state = self.delivery.sync_state()
            total, items = self.delivery.pending_changes(limit=PENDING_SHOWN)
        except Exception as exc:  # noqa: BLE001 - shown, not raised, in a dialog
            self.state_label.setText(html.escape(str(exc)))
            return
        if fill and state.url:
            self.set_url(state.url)
            self.user_edit.setText(state.user or self.user_edit.text())
            self.remember_check.setChecked(state.remembered)
        pending = html.escape(status_text(state))
        if state.overdue:
            pending = f'<span style="{OVERDUE_STYLE}">{pending}</span>'
        self.state_label.setText(last_sync_text(state) + "<br>" + pending)
        self.show_pending(total, items)

    def show_pending(self, total: int, items: Sequence[Pending]) -> None:
        table = self.pending_table
        table.setRowCount(len(items))
        red = QBrush(QColor(ERROR_COLOR))
        for row, item in enumerate(items):
            rule = item.rule
            deadline = _day(item.deadline) + (" — " + tr("QUÁ HẠN") if item.overdue else "")
            cells = [item.full_name, item.cccd, deadline, rule_text(item.kind, rule.period, rule.unit, None),
                     basis_text(rule.basis)]
            for column, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if item.overdue:
                    cell.setForeground(red)
                    font = cell.font()
                    font.setBold(column == 2)
                    cell.setFont(font)
                if column >= 3:  # the article's own words; in a translation, the rule in that language
                    cell.setToolTip(rule.text if _vietnamese_ui() else
                                    rule_text(item.kind, rule.period, rule.unit, rule.basis))
                table.setItem(row, column, cell)
        table.resizeRowsToContents()
        more = total - len(items)
        self.pending_more.setText(tr("… và {n} hồ sơ khác (hạn muộn hơn).").format(n=_n(more)) if more > 0 else "")
        self.pending_more.setVisible(more > 0)
        self.pending_heading.setVisible(bool(items))
        table.setVisible(bool(items))

    # --- a run ----------------------------------------------------------------------------------------
    def show_result(self, outcome: str, text: str, details_html: str = "") -> None:
        self.outcome = outcome
        icon = self.style().standardIcon(ICONS[outcome])
        self.result_icon.setPixmap(icon.pixmap(32, 32))
        self.result_icon.setVisible(True)
        self.result_label.setStyleSheet(STYLES[outcome])
        self.result_label.setText(text)
        self.details_view.setHtml(details_html)
        self.details_view.setVisible(bool(details_html))
        # a failed connection or a clean run has a line or two; a run's problems get the room (and scroll)
        problems = self.summary is not None and bool(self.summary.problems or self.summary.rejected)
        self.details_view.setMaximumHeight(16777215 if problems else 70)

    def show_message(self, text: str, error: bool = False) -> None:
        self.outcome = None
        self.result_icon.setVisible(False)
        self.result_label.setStyleSheet(ERROR_STYLE if error else "")
        self.result_label.setText(text)
        self.details_view.setVisible(False)

    def start(self) -> None:
        try:
            url = self.url()
        except so.AddressError as exc:
            self.show_message(address_error_text(exc), error=True)
            {"server": self.server_edit, "port": self.port_edit, "database": self.database_edit}[exc.field].setFocus()
            return
        user, password, remember = self.user_edit.text(), self.password_edit.text(), self.remember_check.isChecked()
        self.sync_button.setEnabled(False)
        self.summary, self.failure = None, None
        self.show_message(tr("Đang đồng bộ…"))

        def work(report, cancelled):  # noqa: ANN001, ANN202 - background.Work
            return self.delivery.sync(url, user, password, remember=remember, progress=report, cancel=cancelled)

        self.op = run_in_background(self, tr("Đang gửi hồ sơ lên thành phố…"), work, self.on_done, self.on_failed)

    def on_done(self, summary: SyncSummary) -> None:
        self.summary = summary
        self.sync_button.setEnabled(True)
        outcome, text = headline(summary)
        details = f"<p>{html.escape(summary_text(summary))}</p>" + problems_html(summary)
        self.show_result(outcome, text, details)
        self.refresh_state()
        _refresh_indicator(self.window_)

    def on_failed(self, exc: BaseException) -> None:
        self.sync_button.setEnabled(True)
        self.failure = failure = so.connection_failure(exc)
        technical = html.escape(tr("Chi tiết kỹ thuật:"))
        details = f'<p style="color:#555">{technical} {html.escape(failure.detail)}</p>'
        self.show_result(so.FAILED, tr("Đồng bộ không thành công.") + " " + failure_text(failure), details)
        self.refresh_state()


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
        self.setToolTip(status_tooltip(state))


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
