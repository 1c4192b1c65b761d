"""Print preview: a finished PDF shown page by page (QtPdf), printed, or saved as a copy.

    PrintPreviewDialog.show_pdf(parent, path, title=..., suggested_name=..., temporary=True)

The reports are drawn once, by reportlab (``app.reports``); the preview shows that very file, so
what is printed or saved is exactly what was previewed. Printing renders each page with pdfium
at the printer's resolution (at most ``MAX_PRINT_DPI``) on a worker thread, A4 upright or
sideways as each page is. A ``temporary`` file is deleted when the dialog closes.
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QMargins,
    QObject,
    QPointF,
    QRectF,
    QSize,
    QStandardPaths,
    Qt,
)
from PySide6.QtGui import QAction, QImage, QKeySequence, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QSizePolicy,
    QSpinBox,
    QStyle,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserError
from ui import file_dialogs, settings
from ui.background import BackgroundOp, run_in_background
from ui.dialogs import show_error

logger = logging.getLogger(__name__)
GEOMETRY_KEY = "print_preview/geometry"
SAVE_FOLDER = settings.Setting("reports/save_folder", "", str)  # where the last report was saved
MAX_PRINT_DPI = 600  # an A4 page at 600 dpi is ~140 MB of pixels; more buys nothing on paper
ZOOM_STEP, ZOOM_MIN, ZOOM_MAX = 1.25, 0.25, 5.0
Extra = tuple[str, Callable[[QWidget], object]]  # (button text, action(preview dialog))


@dataclass(frozen=True)
class Choice:
    """A choice in the toolbar that redraws the report (the profile's form): ``chosen(dialog, key)``
    is called when the user picks another item and calls :meth:`PrintPreviewDialog.replace_pdf`
    with the new file when it is ready."""

    label: str
    items: Sequence[tuple[str, str]]  # (text, key)
    current: str
    chosen: Callable[[QWidget, str], object]


def ask_save_path(parent: QWidget | None, caption: str, suggested_name: str, file_filter: str, suffix: str
                  ) -> Path | None:
    """The save-file dialog (tests replace it); remembers the folder; adds ``suffix`` if missing."""
    folder = settings.get(SAVE_FOLDER) or QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation)
    chosen = file_dialogs.save_file(parent, caption, suggested_name, file_filter, folder)
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() != suffix:
        path = path.with_name(path.name + suffix)
    settings.put(SAVE_FOLDER, str(path.parent))
    return path


class PrintPreviewDialog(QDialog):
    """The pages one under the other, fitted to the width; toolbar: first / previous / "Trang x / y" /
    next / last, zoom (Ctrl+= / Ctrl+-), fit width, whole page, In… (Ctrl+P), Lưu PDF… (Ctrl+S),
    the caller's extra buttons (``extra_actions``), Đóng (Esc)."""

    def __init__(self, path: str | Path, *, title: str = "", suggested_name: str = "", temporary: bool = False,
                 extra_actions: Sequence[Extra] = (), choice: Choice | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("print_preview")
        self.path, self.temporary = Path(path), temporary
        self.suggested_name = suggested_name or self.path.name
        self.setWindowTitle(self.tr("Xem trước khi in") + (f" — {title}" if title else ""))
        self.document = QPdfDocument(self)
        error = self.document.load(str(self.path))
        if error != QPdfDocument.Error.None_:
            self._remove_temporary()
            raise UserError(self.tr("Không mở được tệp PDF để xem trước ({error}).").format(error=error.name))
        self.view = QPdfView(self)
        self.view.setObjectName("pdf_view")
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)
        self.view.setStyleSheet("QPdfView { background: #8a8f96; }")  # white pages stand out on grey
        self.view.setDocumentMargins(QMargins(16, 16, 16, 16))
        self.view.setPageSpacing(16)
        self.view.viewport().installEventFilter(self)  # the zoom shown follows the window's size
        self.navigator = self.view.pageNavigator()
        self.print_job: BackgroundOp | None = None
        self.choice, self.choice_combo = choice, None
        self.toolbar = self._build_toolbar(extra_actions)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.view, 1)
        self.navigator.currentPageChanged.connect(self._show_page)
        self.view.zoomFactorChanged.connect(self._show_zoom)
        self.view.zoomModeChanged.connect(self._show_zoom)
        self._show_page(self.navigator.currentPage())
        self._restore_geometry()

    @classmethod
    def show_pdf(cls, parent: QWidget | None, path: str | Path, **options: object) -> None:
        """Show ``path`` modally (the narrow entry point); a file that is not a PDF is reported."""
        try:
            dialog = cls(path, parent=parent, **options)  # type: ignore[arg-type]
        except UserError as exc:
            show_error(parent, str(exc))
            return
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.exec()

    # --- building ---------------------------------------------------------------------------------
    def _action(self, bar: QToolBar, text: str, slot: Callable[[], object], name: str,
                shortcuts: Sequence[QKeySequence | QKeySequence.StandardKey | str] = (),
                icon: QStyle.StandardPixmap | None = None, tip: str = "") -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if icon is not None:
            action.setIcon(self.style().standardIcon(icon))
        keys: list[QKeySequence] = []
        for key in map(QKeySequence, shortcuts):
            if key.toString() not in [k.toString() for k in keys]:  # a standard key may equal a spelled one
                keys.append(key)
        action.setShortcuts(keys)
        shown = " (" + keys[0].toString(QKeySequence.SequenceFormat.NativeText) + ")" if keys else ""
        action.setToolTip((tip or text) + shown)
        action.triggered.connect(lambda _checked=False: slot())
        bar.addAction(action)
        return action

    def _build_toolbar(self, extra_actions: Sequence[Extra]) -> QToolBar:
        bar = QToolBar(self)
        bar.setObjectName("preview_toolbar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        sp = QStyle.StandardPixmap
        if self.choice is not None:  # first: it decides what the pages are
            bar.addWidget(QLabel(" " + self.choice.label + " "))
            self.choice_combo = QComboBox()
            self.choice_combo.setObjectName("choice_combo")
            for text, key in self.choice.items:
                self.choice_combo.addItem(text, key)
                self.choice_combo.setItemData(self.choice_combo.count() - 1, text, Qt.ItemDataRole.ToolTipRole)
            self.choice_combo.setCurrentIndex(max(0, self.choice_combo.findData(self.choice.current)))
            # narrow in the toolbar (the page tools stay visible), the whole names in the list
            self.choice_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            self.choice_combo.setMinimumContentsLength(22)
            self.choice_combo.view().setMinimumWidth(self.choice_combo.view().sizeHintForColumn(0) + 24)
            self.choice_combo.setToolTip(self.choice.label)
            self.choice_combo.activated.connect(self._choose)
            bar.addWidget(self.choice_combo)
            bar.addSeparator()
        self.first_action = self._action(bar, "", self.first_page, "first_action", ["Ctrl+Home"],
                                         sp.SP_MediaSkipBackward, self.tr("Trang đầu"))
        self.previous_action = self._action(bar, "", self.previous_page, "previous_action", ["Ctrl+PgUp"],
                                            sp.SP_MediaSeekBackward, self.tr("Trang trước"))
        bar.addWidget(QLabel(" " + self.tr("Trang") + " "))
        self.page_spin = QSpinBox()
        self.page_spin.setObjectName("page_spin")
        self.page_spin.setRange(1, max(1, self.document.pageCount()))
        self.page_spin.setButtonSymbols(QSpinBox.ButtonSymbols.NoButtons)
        self.page_spin.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.page_spin.setKeyboardTracking(False)  # jump when the number is complete
        digits = len(str(self.document.pageCount())) + 1
        self.page_spin.setMinimumWidth(self.fontMetrics().horizontalAdvance("0" * digits) + 12)
        self.page_spin.valueChanged.connect(lambda value: self.go_to_page(value - 1))
        bar.addWidget(self.page_spin)
        self.page_count_label = QLabel(f" / {self.document.pageCount()} ")
        self.page_count_label.setObjectName("page_count_label")
        bar.addWidget(self.page_count_label)
        self.next_action = self._action(bar, "", self.next_page, "next_action", ["Ctrl+PgDown"],
                                        sp.SP_MediaSeekForward, self.tr("Trang sau"))
        self.last_action = self._action(bar, "", self.last_page, "last_action", ["Ctrl+End"],
                                        sp.SP_MediaSkipForward, self.tr("Trang cuối"))
        bar.addSeparator()
        self._action(bar, "−", self.zoom_out, "zoom_out_action", [QKeySequence.StandardKey.ZoomOut, "Ctrl+-"],
                     tip=self.tr("Thu nhỏ"))
        self.zoom_label = QLabel()
        self.zoom_label.setObjectName("zoom_label")
        self.zoom_label.setMinimumWidth(self.fontMetrics().horizontalAdvance("000 %") + 8)
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        bar.addWidget(self.zoom_label)
        self._action(bar, "+", self.zoom_in, "zoom_in_action", ["Ctrl+=", QKeySequence.StandardKey.ZoomIn],
                     tip=self.tr("Phóng to"))
        self._action(bar, self.tr("Vừa chiều rộng"), self.fit_width, "fit_width_action", ["Ctrl+0"])
        self._action(bar, self.tr("Cả trang"), self.fit_page, "fit_page_action", ["Ctrl+9"],
                     tip=self.tr("Xem trọn một trang"))
        bar.addSeparator()
        self.print_action = self._action(bar, self.tr("In…"), self.print_document, "print_action",
                                         [QKeySequence.StandardKey.Print])
        self._action(bar, self.tr("Lưu PDF…"), self.save_copy, "save_action", [QKeySequence.StandardKey.Save],
                     tip=self.tr("Lưu một bản PDF"))
        for text, callback in extra_actions:
            self._action(bar, text, lambda c=callback: c(self), "extra_action")
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(spacer)
        self._action(bar, self.tr("Đóng"), self.reject, "close_action", tip=self.tr("Đóng cửa sổ xem trước (Esc)"))
        return bar

    def _choose(self, index: int) -> None:
        if self.choice is not None and self.choice_combo is not None:
            self.choice_combo.setEnabled(False)  # until the new file is shown (or drawing it failed)
            self.choice.chosen(self, self.choice_combo.itemData(index))

    def choice_done(self) -> None:
        """The redraw a choice asked for ended (shown or failed): the choice can be changed again."""
        if self.choice_combo is not None:
            self.choice_combo.setEnabled(True)

    def replace_pdf(self, path: str | Path, *, title: str = "", suggested_name: str = "") -> None:
        """Show another file (the same report redrawn, e.g. in another form) in place of this one;
        a temporary file shown before is deleted."""
        document = QPdfDocument(self)
        error = document.load(str(path))
        if error != QPdfDocument.Error.None_:
            document.deleteLater()
            self.choice_done()
            show_error(self, self.tr("Không mở được tệp PDF để xem trước ({error}).").format(error=error.name))
            return
        old = self.document
        self.view.setDocument(document)
        self.document = document
        old.close()
        old.deleteLater()
        self._remove_temporary()
        self.path = Path(path)
        if suggested_name:
            self.suggested_name = suggested_name
        if title:
            self.setWindowTitle(self.tr("Xem trước khi in") + f" — {title}")
        self.navigator = self.view.pageNavigator()
        self.page_spin.setRange(1, max(1, self.page_count))
        self.page_count_label.setText(f" / {self.page_count} ")
        self.go_to_page(0)
        self._show_page(0)
        self.choice_done()

    # --- pages --------------------------------------------------------------------------------------
    @property
    def page_count(self) -> int:
        return self.document.pageCount()

    def current_page(self) -> int:
        return self.navigator.currentPage()

    def go_to_page(self, page: int) -> None:
        page = max(0, min(page, self.page_count - 1))
        if page != self.current_page():
            self.navigator.jump(page, QPointF(), self.navigator.currentZoom())
        self._show_page(page)

    def first_page(self) -> None:
        self.go_to_page(0)

    def previous_page(self) -> None:
        self.go_to_page(self.current_page() - 1)

    def next_page(self) -> None:
        self.go_to_page(self.current_page() + 1)

    def last_page(self) -> None:
        self.go_to_page(self.page_count - 1)

    def _show_page(self, page: int) -> None:
        self.page_spin.blockSignals(True)
        self.page_spin.setValue(page + 1)
        self.page_spin.blockSignals(False)
        self.first_action.setEnabled(page > 0)
        self.previous_action.setEnabled(page > 0)
        self.next_action.setEnabled(page < self.page_count - 1)
        self.last_action.setEnabled(page < self.page_count - 1)

    # --- zoom ---------------------------------------------------------------------------------------
    def effective_zoom(self) -> float:
        """The scale shown (1.0 = the paper's size on screen), also when fitted to the window."""
        mode = self.view.zoomMode()
        if mode == QPdfView.ZoomMode.Custom or not self.page_count:
            return self.view.zoomFactor()
        page = self.document.pagePointSize(self.current_page()) * (self.logicalDpiX() / 72)
        margins = self.view.documentMargins()
        viewport = self.view.viewport().size()
        width = (viewport.width() - margins.left() - margins.right()) / max(page.width(), 1)
        if mode == QPdfView.ZoomMode.FitToWidth:
            return width
        return min(width, (viewport.height() - margins.top() - margins.bottom()) / max(page.height(), 1))

    def set_zoom(self, factor: float) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(ZOOM_MIN, min(ZOOM_MAX, factor)))

    def zoom_in(self) -> None:
        self.set_zoom(self.effective_zoom() * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self.effective_zoom() / ZOOM_STEP)

    def fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)

    def fit_page(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)

    def _show_zoom(self, *_args: object) -> None:
        self.zoom_label.setText(f"{round(self.effective_zoom() * 100)} %")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Resize and watched is self.view.viewport():
            self._show_zoom()
        return super().eventFilter(watched, event)

    # --- printing and saving --------------------------------------------------------------------------
    def ask_printer(self, printer: QPrinter) -> bool:
        """The system's print dialog (tests replace it); True when the user chose to print."""
        dialog = QPrintDialog(printer, self)
        dialog.setMinMax(1, self.page_count)
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintCurrentPage, True)
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
        return dialog.exec() == QDialog.DialogCode.Accepted

    def print_document(self, printer: QPrinter | None = None) -> None:
        printer = printer or QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.suggested_name)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        if not self.ask_printer(printer):
            return
        self.print_action.setEnabled(False)
        pages, path = self._pages_to_print(printer), self.path
        self.print_job = run_in_background(
            self, self.tr("Đang gửi tới máy in…"),
            lambda report, cancelled: print_pdf(path, printer, pages, report, cancelled),
            lambda _done: self.print_action.setEnabled(True), self._print_failed)

    def _pages_to_print(self, printer: QPrinter) -> list[int]:
        if printer.printRange() == QPrinter.PrintRange.CurrentPage:
            return [self.current_page()]
        if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
            return list(range(printer.fromPage() - 1, min(printer.toPage(), self.page_count)))
        return list(range(self.page_count))

    def _print_failed(self, exc: BaseException) -> None:
        self.print_action.setEnabled(True)
        show_error(self, self.tr("Không in được: {error}").format(error=exc))

    def save_path_dialog(self) -> Path | None:
        return ask_save_path(self, self.tr("Lưu bản PDF"), self.suggested_name, self.tr("Tệp PDF (*.pdf)"), ".pdf")

    def save_copy(self) -> Path | None:
        """"Lưu PDF…": a copy of the previewed file where the user says."""
        target = self.save_path_dialog()
        if target is None:
            return None
        try:
            shutil.copyfile(self.path, target)
        except OSError as exc:
            show_error(self, self.tr("Không lưu được tệp {path}: {error}").format(path=target,
                                                                                   error=exc.strerror or exc))
            return None
        return target

    # --- closing ----------------------------------------------------------------------------------------
    def done(self, result: int) -> None:
        settings.save_state(GEOMETRY_KEY, self.saveGeometry())
        self.document.close()
        self._remove_temporary()
        super().done(result)

    def _remove_temporary(self) -> None:
        if self.temporary:
            try:
                self.path.unlink(missing_ok=True)
            except OSError as exc:  # still open elsewhere (a print job on Windows); swept next time
                logger.warning("preview file %s not removed: %s", self.path, exc)

    def _restore_geometry(self) -> None:
        geometry = settings.load_state(GEOMETRY_KEY)
        if geometry is not None and self.restoreGeometry(geometry):
            return
        screen = (self.screen() or QApplication.primaryScreen()).availableGeometry()
        self.resize(min(1000, screen.width() - 40), max(480, screen.height() - 80))


def print_pdf(path: Path, printer: QPrinter, pages: Sequence[int], report: Callable[[int, int], None],
              cancelled: Callable[[], bool]) -> int:
    """Paint ``pages`` of the PDF onto ``printer`` (a worker thread may do it: QPainter on a
    QPrinter is thread-safe, and this opens its own QPdfDocument). Returns the pages printed."""
    document = QPdfDocument()
    document.load(str(path))
    printer.setFullPage(True)  # the PDF carries its own margins
    painter = QPainter()
    try:
        for n, page in enumerate(pages):
            if cancelled():
                printer.abort()
                return n
            report(n, len(pages))
            size = document.pagePointSize(page)
            orientation = (QPageLayout.Orientation.Landscape if size.width() > size.height()
                           else QPageLayout.Orientation.Portrait)
            printer.setPageOrientation(orientation)  # applies to the next page begun
            if n == 0:
                if not painter.begin(printer):
                    raise UserError(QCoreApplication.translate("PrintPreviewDialog", "Không mở được máy in."))
            elif not printer.newPage():
                raise UserError(QCoreApplication.translate("PrintPreviewDialog",
                                                      "Máy in không nhận trang tiếp theo."))
            _paint_page(painter, printer, document, page)
        report(len(pages), len(pages))
        return len(pages)
    finally:
        if painter.isActive():
            painter.end()
        document.close()


def _paint_page(painter: QPainter, printer: QPrinter, document: QPdfDocument, page: int) -> None:
    dpi = min(printer.resolution(), MAX_PRINT_DPI)
    points = document.pagePointSize(page)
    rendered = document.render(page, QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72)))
    paper = printer.paperRect(QPrinter.Unit.DevicePixel)
    image = QImage(rendered.size(), QImage.Format.Format_RGB32)  # pdfium leaves the paper transparent
    image.fill(Qt.GlobalColor.white)
    with_paper = QPainter(image)
    with_paper.drawImage(0, 0, rendered)
    with_paper.end()
    scale = min(paper.width() / image.width(), paper.height() / image.height())
    target = QSize(round(image.width() * scale), round(image.height() * scale))
    x = paper.x() + (paper.width() - target.width()) / 2
    y = paper.y() + (paper.height() - target.height()) / 2
    painter.drawImage(QRectF(x, y, target.width(), target.height()), image)
