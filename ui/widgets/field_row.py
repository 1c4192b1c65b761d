"""A field widget with its label and an inline message (error or warning) under it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from app.fields import FieldSpec
from app.validation import clean_value, is_empty

INVALID_STYLE = """
*[invalid="true"] { border: 1px solid #c62828; border-radius: 3px; background: #fff5f5; }
QLabel#field_message[severity="error"] { color: #b00020; }
QLabel#field_message[severity="warning"] { color: #8a5300; }
"""


def item_text(item: str) -> str:
    """ "2C:14" → "Mẫu 2C-BNV/2008, mục 14" (the paper form and item a field comes from)."""
    form, _, number = item.partition(":")
    if form == "2C":
        text = QCoreApplication.translate("FieldRow", "Mẫu 2C-BNV/2008, mục {item}")
    elif form == "HS02":
        text = QCoreApplication.translate("FieldRow", "Mẫu HS02-VC/BNV, mục {item}")
    else:
        return ""
    return text.format(item=number) if number else text.split(",")[0]


def field_label(spec: FieldSpec) -> str:
    """The field's Vietnamese label (translated through the "Fields" context), * when required."""
    text = QCoreApplication.translate("Fields", spec.label)
    return text + " *" if spec.required else text


class _AnyCatalog:
    """Catalog values are chosen from lists (their combo checks them); here only their form counts."""

    def resolve(self, catalog: str, value: str) -> str:  # noqa: ARG002 - the lookup's interface
        return value


def rule_problem(spec: FieldSpec, value: Any) -> str | None:
    """What the app's rule for ``spec`` says about ``value`` (a sentence), or None. An empty field
    is not flagged while typing (the save names the required ones)."""
    if is_empty(value) or spec.kind == "catalog":
        return None
    try:
        clean_value(spec, value, _AnyCatalog(), dt.date.today())
    except ValueError as exc:
        text = str(exc)
        return text[:1].upper() + text[1:]
    return None


def repolish(widget: QWidget) -> None:
    widget.style().unpolish(widget)
    widget.style().polish(widget)
    widget.update()


class WrapLabel(QLabel):
    """A word-wrapped label that asks its layout for the height its lines need at its width
    (layouts inside a scroll area do not ask labels for height-for-width, so a long message
    would otherwise squeeze the field above it)."""

    def __init__(self, text: str = "", parent: QWidget | None = None):
        super().__init__(text, parent)
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._fit()

    def setText(self, text: str) -> None:  # noqa: N802 - Qt override
        super().setText(text)
        self._fit()

    def _fit(self) -> None:
        height = self.heightForWidth(max(self.width(), 60)) if self.text() else 0
        if height != self.minimumHeight():
            self.setMinimumHeight(height)


class FieldRow(QWidget):
    """Pairs ``widget`` with ``label`` (kept for the form's label column) and a message line.

    ``set_error`` draws the widget's border red (the ``invalid`` dynamic property, drawn by
    ``INVALID_STYLE``) and shows the message; ``set_warning`` only shows the message;
    ``clear_message`` undoes both.
    """

    def __init__(self, spec: FieldSpec, widget: QWidget, parent: QWidget | None = None, *,
                 styled: bool = True):
        super().__init__(parent)
        self.spec = spec
        self.widget = widget
        self.setObjectName(f"{spec.name}_row")
        self.label = QLabel(field_label(spec))
        self.label.setObjectName(f"{spec.name}_label")
        self.label.setBuddy(widget)
        self.label.setWordWrap(True)
        tip = item_text(spec.item)
        self.label.setToolTip(tip)
        if not widget.toolTip():
            widget.setToolTip(tip)
        self.message_label = WrapLabel()
        self.message_label.setObjectName("field_message")
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message_label.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget)
        layout.addWidget(self.message_label)
        layout.addStretch(1)  # a taller neighbour in the same grid line must not pull these apart
        if styled:  # a form of many rows sets INVALID_STYLE once on itself instead (much faster)
            self.setStyleSheet(INVALID_STYLE)
        self._connect_problem_check()

    def value(self) -> Any:
        """The widget's value (``field_value()``: Python value, or the text that did not parse)."""
        return self.widget.field_value()  # type: ignore[attr-defined]

    def set_value(self, value: Any) -> None:
        self.widget.set_field_value(value)  # type: ignore[attr-defined]

    def connect_edited(self, slot: Callable[[], Any]) -> None:
        """Call ``slot`` whenever the user changes the value."""
        self.widget.edited.connect(slot)  # type: ignore[attr-defined]

    def set_error(self, message: str) -> None:
        self._show(message, "error")
        self.widget.setProperty("invalid", True)
        repolish(self.widget)

    def set_warning(self, message: str) -> None:
        self._show("⚠ " + message, "warning")

    def clear_message(self) -> None:
        self.message_label.clear()
        self.message_label.hide()
        if self.widget.property("invalid"):
            self.widget.setProperty("invalid", False)
            repolish(self.widget)

    def is_invalid(self) -> bool:
        return bool(self.widget.property("invalid"))

    def message(self) -> str:
        return self.message_label.text() if not self.message_label.isHidden() else ""

    def _show(self, message: str, severity: str) -> None:
        self.message_label.setProperty("severity", severity)
        repolish(self.message_label)
        self.message_label.setText(message)
        self.message_label.show()

    def _connect_problem_check(self) -> None:
        """Each typed field is checked as it is left: the widget's own reading of its text (dates,
        numbers), then the app's rule for the field (app.validation.clean_value: a future date, an
        11-digit CCCD, a number out of range, a text too long) — the same rule the save applies."""
        if hasattr(self.widget, "editingFinished"):
            self.widget.editingFinished.connect(self.check_problem)

    def check_problem(self) -> None:
        problem = self.widget.problem() if hasattr(self.widget, "problem") else None  # type: ignore[attr-defined]
        if not problem:
            problem = rule_problem(self.spec, self.value())
        if problem:
            self.set_error(problem)
        elif self.is_invalid():
            self.clear_message()
