"""Numbers as Vietnamese users write them: a decimal comma (2,34) and dots between thousands."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QLineEdit, QWidget

from app.validation import parse_decimal
from ui.widgets.values import format_decimal


class NumberEdit(QLineEdit):
    """``kind`` is ``int``, ``decimal`` or ``money``; the value is an int / Decimal or None.

    Text that is not a number stays as typed (``field_value()`` returns it) so nothing is lost;
    a valid number is rewritten in the house format when editing finishes (2.34 → 2,34).
    """

    edited = Signal()

    def __init__(self, kind: str = "decimal", parent: QWidget | None = None):
        super().__init__(parent)
        self.kind = kind
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        pattern = r"[0-9]{0,6}" if kind == "int" else r"[0-9.,\s]{0,20}"
        self.setValidator(QRegularExpressionValidator(QRegularExpression(pattern), self))
        self.textEdited.connect(self.edited)
        self.editingFinished.connect(self._tidy)
        digits = {"int": "0000000", "decimal": "000,0000", "money": "000.000.000.000"}[kind]
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance(digits) + 16)
        self.setMaximumWidth(self.fontMetrics().horizontalAdvance(digits) * 2 + 16)

    def value(self) -> int | Decimal | None:
        number = self._parse()
        return number if not isinstance(number, str) else None

    def setValue(self, value: int | Decimal | None) -> None:  # noqa: N802 - Qt naming
        self.setText(self._format(value))

    def field_value(self) -> int | Decimal | str | None:
        return self._parse()

    def set_field_value(self, value: Any) -> None:
        if isinstance(value, int | Decimal) or value is None:
            self.setValue(value)
        else:
            self.setText(str(value))

    def problem(self) -> str | None:
        if not isinstance(self._parse(), str):
            return None
        if self.kind == "int":
            return self.tr("Phải là số nguyên")
        return self.tr("Không phải là số (dùng dấu phẩy cho phần thập phân, ví dụ 2,34)")

    def _parse(self) -> int | Decimal | str | None:
        text = self.text().strip()
        if not text:
            return None
        try:
            number = parse_decimal(text)
        except ValueError:
            return text
        if self.kind == "int":
            return int(number) if number == number.to_integral_value() else text
        return number

    def _format(self, value: int | Decimal | None) -> str:
        if value is None:
            return ""
        if self.kind == "int":
            return str(int(value))
        return format_decimal(Decimal(value), grouped=self.kind == "money")

    def _tidy(self) -> None:
        number = self.value()
        if number is not None and self.text() != self._format(number):
            self.setText(self._format(number))
