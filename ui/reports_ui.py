"""Printing from the desktop: a profile (by default in the form Cài đặt gives its staff type — Mẫu
2C, HS02-VC or the 2023 CV form; another one chosen in the preview), every profile of a unit (the
form chosen in its dialog), the list on screen, the quantity-and-quality statistics.

``app.reports`` draws each report through ``HoSoService`` on a worker thread into a temporary PDF,
which the print preview then shows (print it, save a copy); lists and statistics can also be
written as Excel workbooks. Entry points (the main window's Báo cáo menu, the editor's Ctrl+P):

    print_profile(parent, service, person_id, form="default")
    print_unit_profiles(parent, service, unit_code)
    print_list(parent, service, flt, columns, sort=(None, False))
    export_list_xlsx(parent, service, flt, columns, sort=(None, False), person_ids=None)
    print_stats(parent, service, unit_code)

Each returns the running ``BackgroundOp`` (tests wait on it), or None when nothing was started.
"""

from __future__ import annotations

import datetime as dt
import re
import tempfile
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from app.listing import PersonFilter
from app.reports import default_form
from app.services import HoSoService
from ui import settings
from ui.background import BackgroundOp, Work, run_in_background
from ui.dialogs import show_error
from ui.print_preview import Choice, Extra, PrintPreviewDialog, ask_save_path
from ui.widgets.date_edit import DateEdit

translate = QCoreApplication.translate
TEMP_PREFIX = "hoso-in-"
STALE_SECONDS = 24 * 3600  # previews a crash left behind are swept after a day
Sort = tuple[str | None, bool]


# --- helpers ----------------------------------------------------------------------------------------
def temp_folder() -> Path:
    return Path(tempfile.gettempdir())


def temp_pdf() -> Path:
    """A new path for a preview (not created: a report that fails or is cancelled leaves nothing)."""
    folder = temp_folder()
    cutoff = time.time() - STALE_SECONDS
    for old in folder.glob(f"{TEMP_PREFIX}*.pdf"):
        try:
            if old.stat().st_mtime < cutoff:
                old.unlink()
        except OSError:
            pass
    return folder / f"{TEMP_PREFIX}{uuid.uuid4().hex}.pdf"


def file_name(*parts: str) -> str:
    """A file name from words (Vietnamese kept), without the characters Windows refuses."""
    return re.sub(r'[\\/:*?"<>|]+', "_", " - ".join(p for p in parts if p)).strip()


def inform(parent: QWidget | None, text: str) -> None:
    QMessageBox.information(parent, "HoSo", text)


def unit_name(service: HoSoService, unit_code: str | None) -> str | None:
    if not unit_code:
        return None
    return next((u.name for u in service.units.list_units() if u.code == unit_code), unit_code)


class _Job:
    """One report being drawn: what runs on the worker, what follows when it is ready. A job the
    user cancelled ends silently and leaves no file; a refusal is shown in Vietnamese."""

    def __init__(self, parent: QWidget | None, label: str, work: Work, ready: Callable[[Any], None], *,
                 cancellable: bool = False, path: Path | None = None):
        self.parent, self.ready, self.path = parent, ready, path
        self.op: BackgroundOp = run_in_background(parent, label, work, lambda result: self.finished(result),
                                                  lambda exc: self.failed(exc), cancellable=cancellable)

    def finished(self, result: Any) -> None:
        if self.op.cancelled:  # finished just as the user pressed Huỷ
            self.discard()
            return
        self.ready(result)

    def failed(self, exc: BaseException) -> None:
        self.discard()
        if self.op.cancelled:
            return
        if isinstance(exc, UserError):
            show_error(self.parent, str(exc))
        else:
            show_error(self.parent, translate("Reports", "Không tạo được báo cáo: {error}").format(error=exc))

    def discard(self) -> None:
        if self.path is not None:
            self.path.unlink(missing_ok=True)


def _preview(parent: QWidget | None, path: Path, title: str, suggested_name: str, extra: Sequence[Extra] = (),
             choice: Choice | None = None) -> None:
    PrintPreviewDialog.show_pdf(parent, path, title=title, suggested_name=suggested_name, temporary=True,
                                extra_actions=extra, choice=choice)


# --- profiles ---------------------------------------------------------------------------------------
DEFAULT_FORM = "default"  # the form the database's setting gives the person's staff type


def form_items(staff_type: str | None = None) -> list[tuple[str, str]]:
    """The forms a profile can be printed in: the default (Cài đặt), the classic one — Mẫu 2C, or
    HS02 for a viên chức (``staff_type`` None: a unit's batch, both) — and the 2023 CV form."""
    if staff_type is None:
        classic = translate("Reports", "Mẫu 2C-BNV/2008 (HS02-VC/BNV cho viên chức)")
    else:
        classic = settings.form_label(default_form.original_form(staff_type))
    return [(translate("Reports", "Mẫu mặc định theo loại cán bộ"), DEFAULT_FORM), (classic, "2c"),
            (settings.form_label("cv2023"), "cv2023")]


def print_profile(parent: QWidget | None, service: HoSoService, person_id: uuid.UUID | None,
                  form: str = DEFAULT_FORM) -> BackgroundOp | None:
    """The person's Sơ yếu lý lịch in the print preview: in ``form`` — by default the form Cài đặt
    gives the person's staff type (Mẫu 2C, HS02 for a viên chức, unless set to the 2023 form); the
    preview's "Mẫu" choice redraws it as 2C/HS02 or the 2023 form."""
    if person_id is None:
        inform(parent, translate("Reports", "Chưa có hồ sơ để in. Hãy chọn một người trong danh sách "
                                            "(hồ sơ mới cần được lưu trước)."))
        return None
    path = temp_pdf()

    def work(_report: Callable[[int, int], None], _cancelled: Callable[[], bool]) -> tuple[str, str | None]:
        service.reports.render_profile_pdf(person_id, path, form=form)
        rows = service.people.person_rows([person_id])
        return (rows[0].full_name, rows[0].staff_type) if rows else ("", None)

    def ready(found: tuple[str, str | None]) -> None:
        name, staff_type = found
        title = translate("Reports", "Sơ yếu lý lịch")
        suggested = file_name(title, name) + ".pdf"

        def chosen(dialog: PrintPreviewDialog, key: str) -> None:
            redraw_profile(dialog, service, person_id, key, f"{title}: {name}", suggested)

        choice = Choice(translate("Reports", "Mẫu:"), form_items(staff_type or ""), form, chosen)
        _preview(parent, path, f"{title}: {name}", suggested, choice=choice)

    return _Job(parent, translate("Reports", "Đang chuẩn bị sơ yếu lý lịch…"), work, ready, path=path).op


def redraw_profile(dialog: PrintPreviewDialog, service: HoSoService, person_id: uuid.UUID, form: str, title: str,
                   suggested_name: str) -> BackgroundOp:
    """The preview's "Mẫu" choice: the same profile drawn in ``form``, shown in the same preview."""
    path = temp_pdf()
    job = _Job(dialog, translate("Reports", "Đang chuẩn bị sơ yếu lý lịch…"),
               lambda _report, _cancelled: service.reports.render_profile_pdf(person_id, path, form=form),
               lambda _pages: dialog.replace_pdf(path, title=title, suggested_name=suggested_name), path=path)
    job.op.error.connect(lambda _exc: dialog.choice_done())  # refused: the shown form stays, choose again
    return job.op


@dataclass(frozen=True)
class UnitPrintChoice:
    include_subunits: bool
    include_inactive: bool
    form: str = DEFAULT_FORM  # DEFAULT_FORM, "2c" (2C, HS02 for a viên chức) or "cv2023"


def _buttons(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    box = QDialogButtonBox()
    box.addButton(ok_text, QDialogButtonBox.ButtonRole.AcceptRole).setObjectName("ok_button")
    box.addButton(translate("Reports", "Huỷ"), QDialogButtonBox.ButtonRole.RejectRole).setObjectName("cancel_button")
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


class UnitPrintDialog(QDialog):
    """Which people of the unit: with its sub-units or not, the ones no longer working or not."""

    def __init__(self, parent: QWidget | None, unit: str):
        super().__init__(parent)
        self.setWindowTitle(self.tr("In hồ sơ cả đơn vị"))
        text = QLabel(self.tr("In sơ yếu lý lịch của mọi người thuộc {unit} vào một tệp PDF.").format(unit=unit))
        text.setWordWrap(True)
        self.form_combo = QComboBox()
        self.form_combo.setObjectName("form_combo")
        for label, key in form_items():
            self.form_combo.addItem(label, key)
        form_row = QFormLayout()
        form_row.addRow(self.tr("Mẫu"), self.form_combo)
        self.subunits_check = QCheckBox(self.tr("Gồm các đơn vị trực thuộc"))
        self.subunits_check.setObjectName("subunits_check")
        self.subunits_check.setChecked(settings.get(settings.INCLUDE_SUBUNITS))
        self.inactive_check = QCheckBox(self.tr("Gồm cả người đã nghỉ hưu, chuyển công tác, thôi việc"))
        self.inactive_check.setObjectName("inactive_check")
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(form_row)
        for widget in (self.subunits_check, self.inactive_check, _buttons(self, self.tr("In"))):
            layout.addWidget(widget)

    @classmethod
    def ask(cls, parent: QWidget | None, unit: str) -> UnitPrintChoice | None:
        dialog = cls(parent, unit)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return UnitPrintChoice(dialog.subunits_check.isChecked(), dialog.inactive_check.isChecked(),
                               dialog.form_combo.currentData())


def print_unit_profiles(parent: QWidget | None, service: HoSoService, unit_code: str | None) -> BackgroundOp | None:
    """Every profile of the chosen unit in one PDF, with progress and Huỷ, then the preview."""
    name = unit_name(service, unit_code)
    if unit_code is None or name is None:
        inform(parent, translate("Reports", "Hãy chọn một đơn vị trong cây đơn vị trước khi in hồ sơ cả đơn vị."))
        return None
    choice = UnitPrintDialog.ask(parent, name)
    if choice is None:
        return None
    path = temp_pdf()

    def work(report: Callable[[int, int], None], cancelled: Callable[[], bool]) -> int:
        return service.reports.render_unit_profiles(unit_code, path, report, cancelled,
                                            include_subunits=choice.include_subunits,
                                            include_inactive=choice.include_inactive, form=choice.form)

    def ready(_pages: int) -> None:
        title = translate("Reports", "Sơ yếu lý lịch")
        _preview(parent, path, f"{title}: {name}", file_name(title, name) + ".pdf")

    label = translate("Reports", "Đang in hồ sơ của {unit}…").format(unit=name)
    return _Job(parent, label, work, ready, cancellable=True, path=path).op


# --- the list on screen -------------------------------------------------------------------------------
def print_list(parent: QWidget | None, service: HoSoService, flt: PersonFilter, columns: Sequence[str],
               sort: Sort = (None, False)) -> BackgroundOp | None:
    """The people of the list as it is filtered (and sorted), with its visible ``columns`` (the
    list's keys), STT first; sideways when wide. The preview also offers "Xuất Excel…"."""
    path = temp_pdf()
    keys = list(columns)

    def work(_report: Callable[[int, int], None], _cancelled: Callable[[], bool]) -> list[uuid.UUID]:
        ids = service.people.person_ids(flt, *sort)
        if ids:
            service.reports.render_list(flt, ids, keys, path)
        return ids

    def ready(ids: list[uuid.UUID]) -> None:
        if not ids:
            inform(parent, translate("Reports", "Danh sách đang xem không có ai để in."))
            return
        title = translate("Reports", "Danh sách {count} người").format(count=len(ids))
        excel = (translate("Reports", "Xuất Excel…"),
                 lambda dialog: export_list_xlsx(dialog, service, flt, keys, person_ids=ids))
        _preview(parent, path, title, file_name(translate("Reports", "Danh sách")) + ".pdf", [excel])

    return _Job(parent, translate("Reports", "Đang chuẩn bị danh sách…"), work, ready, path=path).op


def export_list_xlsx(parent: QWidget | None, service: HoSoService, flt: PersonFilter, columns: Sequence[str],
                     sort: Sort = (None, False), person_ids: Sequence[uuid.UUID] | None = None
                     ) -> BackgroundOp | None:
    """The same list as an Excel workbook (real dates and numbers, a filter on the header row)."""
    target = ask_save_path(parent, translate("Reports", "Xuất danh sách ra Excel"),
                           file_name(translate("Reports", "Danh sách")) + ".xlsx",
                           translate("Reports", "Bảng tính Excel (*.xlsx)"), ".xlsx")
    if target is None:
        return None
    keys = list(columns)

    def work(_report: Callable[[int, int], None], _cancelled: Callable[[], bool]) -> int:
        ids = list(person_ids) if person_ids is not None else service.people.person_ids(flt, *sort)
        service.reports.render_list(flt, ids, keys, target)
        return len(ids)

    def ready(count: int) -> None:
        inform(parent, translate("Reports", "Đã ghi danh sách {count} người vào {path}.").format(count=count,
                                                                                                 path=target))

    return _Job(parent, translate("Reports", "Đang xuất danh sách…"), work, ready).op


# --- statistics ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class StatsChoice:
    as_of: dt.date
    excel: bool
    staff_type: str = "cong_chuc"  # one report per staff type: công chức (BM01) or viên chức


class StatsDialog(QDialog):
    """The report's date (dd/mm/yyyy, today by default) and whether to preview it or save a workbook."""

    def __init__(self, parent: QWidget | None, unit: str):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Báo cáo số lượng, chất lượng"))
        self.date_edit = DateEdit()
        self.date_edit.setObjectName("date_edit")
        self.date_edit.setValue(dt.date.today())
        self.staff_combo = QComboBox()
        self.staff_combo.setObjectName("staff_combo")
        self.staff_combo.addItem(self.tr("Công chức (mẫu BM01)"), "cong_chuc")
        self.staff_combo.addItem(self.tr("Viên chức"), "vien_chuc")
        self.pdf_radio = QRadioButton(self.tr("Xem trước và in (PDF)"))
        self.pdf_radio.setObjectName("pdf_radio")
        self.pdf_radio.setChecked(True)
        self.excel_radio = QRadioButton(self.tr("Lưu bảng tính Excel (.xlsx)"))
        self.excel_radio.setObjectName("excel_radio")
        self.error_label = QLabel()
        self.error_label.setObjectName("error_label")
        self.error_label.setStyleSheet("color: #b00020")
        form = QFormLayout(self)
        form.addRow(self.tr("Đơn vị"), QLabel(unit))
        form.addRow(self.tr("Tính đến ngày"), self.date_edit)
        form.addRow(self.tr("Thống kê"), self.staff_combo)
        form.addRow(self.tr("Kết quả"), self.pdf_radio)
        form.addRow("", self.excel_radio)
        form.addRow(self.error_label)
        form.addRow(_buttons(self, self.tr("Lập báo cáo")))

    def accept(self) -> None:
        if self.date_edit.value() is None:
            self.error_label.setText(self.tr("Ngày báo cáo không hợp lệ; hãy gõ theo dạng dd/mm/yyyy."))
            return
        super().accept()

    @classmethod
    def ask(cls, parent: QWidget | None, unit: str) -> StatsChoice | None:
        dialog = cls(parent, unit)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return StatsChoice(dialog.date_edit.value() or dt.date.today(), dialog.excel_radio.isChecked(),
                           dialog.staff_combo.currentData())


def print_stats(parent: QWidget | None, service: HoSoService, unit_code: str | None) -> BackgroundOp | None:
    """BM01 figures of the unit (every unit when None) on a chosen day: preview, or a workbook."""
    name = unit_name(service, unit_code) or translate("Reports", "Toàn bộ các đơn vị")
    choice = StatsDialog.ask(parent, name)
    if choice is None:
        return None
    if choice.excel:
        return export_stats_xlsx(parent, service, unit_code, choice.as_of, name, choice.staff_type)
    path = temp_pdf()

    def ready(_pages: int) -> None:
        excel = (translate("Reports", "Xuất Excel…"),
                 lambda dialog: export_stats_xlsx(dialog, service, unit_code, choice.as_of, name, choice.staff_type))
        title = translate("Reports", "Báo cáo số lượng, chất lượng")
        _preview(parent, path, f"{title}: {name}", _stats_name(title, name, choice.as_of) + ".pdf", [excel])

    return _Job(parent, translate("Reports", "Đang lập báo cáo số lượng, chất lượng…"),
                lambda _report, _cancelled: service.reports.render_stats(unit_code, choice.as_of, path,
                                                                         staff_type=choice.staff_type),
                ready, path=path).op


def _stats_name(title: str, unit: str, as_of: dt.date) -> str:
    return file_name(title, unit, f"{as_of:%d-%m-%Y}")


def export_stats_xlsx(parent: QWidget | None, service: HoSoService, unit_code: str | None, as_of: dt.date,
                      name: str, staff_type: str = "cong_chuc") -> BackgroundOp | None:
    title = translate("Reports", "Báo cáo số lượng, chất lượng")
    target = ask_save_path(parent, translate("Reports", "Lưu báo cáo ra Excel"), _stats_name(title, name, as_of)
                           + ".xlsx", translate("Reports", "Bảng tính Excel (*.xlsx)"), ".xlsx")
    if target is None:
        return None

    def ready(_result: object) -> None:
        inform(parent, translate("Reports", "Đã ghi báo cáo vào {path}.").format(path=target))

    return _Job(parent, translate("Reports", "Đang lập báo cáo số lượng, chất lượng…"),
                lambda _report, _cancelled: service.reports.render_stats(unit_code, as_of, target,
                                                                         staff_type=staff_type), ready).op
