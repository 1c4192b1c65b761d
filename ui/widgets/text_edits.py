"""Plain text, long text and yes/no fields with the same small value interface as the others.

Every field widget offers ``field_value()`` / ``set_field_value()`` and an ``edited`` signal, so
forms and table delegates treat them alike. Input-method commits (Unikey, ibus) go through
Qt's own handling: nothing here filters key or input-method events.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRegularExpression, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QCheckBox, QLineEdit, QPlainTextEdit, QWidget


class TextEdit(QLineEdit):
    edited = Signal()

    def __init__(self, max_length: int = 200, parent: QWidget | None = None):
        super().__init__(parent)
        self.setMaxLength(max_length)
        self.textEdited.connect(self.edited)

    def field_value(self) -> str | None:
        return self.text().strip() or None

    def set_field_value(self, value: Any) -> None:
        self.setText("" if value is None else str(value))


class CccdEdit(TextEdit):
    """The 12-digit personal ID; spaces and dots between groups may be typed or pasted."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(20, parent)
        self.setValidator(QRegularExpressionValidator(QRegularExpression(r"[0-9 .\-]{0,20}"), self))
        self.setPlaceholderText(self.tr("12 chữ số"))
        self.setMaximumWidth(self.fontMetrics().horizontalAdvance("0000 0000 0000 00") + 16)

    def digits(self) -> str:
        return "".join(ch for ch in self.text() if ch.isdigit())


class LongTextEdit(QPlainTextEdit):
    """A few lines of text; Tab moves on (the paper order), Enter starts a new line."""

    edited = Signal()

    def __init__(self, max_length: int = 2000, parent: QWidget | None = None):
        super().__init__(parent)
        self.max_length = max_length
        self.setTabChangesFocus(True)
        lines = 4 if max_length >= 2000 else 3 if max_length >= 1000 else 2
        self.setFixedHeight(self.fontMetrics().lineSpacing() * lines + 14)
        self.textChanged.connect(self.edited)

    def field_value(self) -> str | None:
        return self.toPlainText().strip() or None

    def set_field_value(self, value: Any) -> None:
        self.setPlainText("" if value is None else str(value))


class BoolCheck(QCheckBox):
    edited = Signal()

    def __init__(self, text: str = "", parent: QWidget | None = None):
        super().__init__(text, parent)
        self.clicked.connect(self.edited)

    def field_value(self) -> bool:
        return self.isChecked()

    def set_field_value(self, value: Any) -> None:
        self.setChecked(bool(value))
