"""A date typed as digits: "12031985" becomes 12/03/1985; empty is allowed."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QLineEdit, QWidget

from app.validation import EARLIEST
from ui.widgets.values import format_date

MASK = "00/00/0000; "  # "0": a digit that may be left blank, so an empty date is acceptable


class DateEdit(QLineEdit):
    """dd/mm/yyyy with an input mask; ``value()`` is the date or None (empty or not a real day).

    ``field_value()`` keeps text that is not a date as typed, so the editor can send it and show
    the service's message instead of losing it; ``problem()`` says in Vietnamese what is wrong.
    """

    edited = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setInputMask(MASK)
        self.setToolTip(self.tr("Gõ ngày, tháng, năm liền nhau: 12031985 → 12/03/1985"))
        self.textEdited.connect(self.edited)
        width = self.fontMetrics().horizontalAdvance("00/00/00000") + 16
        self.setMinimumWidth(width)
        self.setMaximumWidth(width + 40)

    # --- values -------------------------------------------------------------------------------
    def typed(self) -> str:
        """What was typed, without the mask's blanks ("" when nothing was)."""
        text = self.text()
        return "" if not text.replace("/", "").strip() else text.strip()

    def value(self) -> dt.date | None:
        try:
            return dt.datetime.strptime(self.typed(), "%d/%m/%Y").date()
        except ValueError:
            return None

    def setValue(self, value: dt.date | None) -> None:  # noqa: N802 - Qt naming
        self.setText(format_date(value) if value else "")
        if not value:
            self.setCursorPosition(0)  # typing starts at the day

    def field_value(self) -> dt.date | str | None:
        return self.value() or self.typed() or None

    def set_field_value(self, value: Any) -> None:
        if isinstance(value, dt.date) or value is None:
            self.setValue(value)
        else:
            self.setText(str(value))

    def problem(self) -> str | None:
        """Why the typed text is not a date (Vietnamese), or None."""
        typed = self.typed()
        if not typed:
            return None
        day, month, year = (part.strip() for part in (typed.split("/") + ["", ""])[:3])
        if len(day) < 1 or len(month) < 1 or len(year) < 4:
            return self.tr("Ngày chưa nhập đủ (dạng dd/mm/yyyy)")
        value = self.value()
        if value is None:
            return self.tr("Ngày {date} không có thật").format(date=typed)
        if value < EARLIEST:
            return self.tr("Ngày {date} quá xa trong quá khứ").format(date=typed)
        return None

    # --- behaviour ------------------------------------------------------------------------------
    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        super().focusInEvent(event)
        if not self.typed():  # start typing at the day, wherever the click landed
            QTimer.singleShot(0, lambda: self.setCursorPosition(0))
