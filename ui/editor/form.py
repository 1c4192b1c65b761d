"""Every field, table, photo and file of one dossier as tabs; what changed; where errors go.

The form knows nothing of the service: it is loaded from the Person JSON, answers with the
changed values and rows, and shows ``FieldError``s on the widgets they name.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QScrollArea, QStackedWidget, QTabWidget, QWidget

from app.errors import FieldError
from app.fields import PERSON_FIELD_MAP
from ui.editor.files_page import FilesPage
from ui.editor.layout import CONTEXT, PAGES, READ_ONLY, Group
from ui.editor.pages import build_page
from ui.editor.section_table import SectionTable
from ui.widgets.combos import CatalogCombo
from ui.widgets.factory import make_field_widget
from ui.widgets.field_row import INVALID_STYLE, FieldRow
from ui.widgets.side_tabs import use_side_tabs
from ui.widgets.values import Options, from_json, same, to_json

_SECTION_FIELD = re.compile(r"(?P<section>\w+)\[(?P<row>\d+)\](?:\.(?P<field>\w+))?")


def tr(text: str) -> str:
    # module-level tr(): pyside6-lupdate files these strings under the empty context
    return QCoreApplication.translate("", text)


def tr_layout(text: str) -> str:
    """Titles declared in ui/editor/layout.py (marked there with QT_TRANSLATE_NOOP)."""
    return QCoreApplication.translate(CONTEXT, text)


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


class DossierForm(QTabWidget):
    def __init__(self, options: Options, load_content: Callable[[uuid.UUID], bytes],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("dossier_tabs")
        use_side_tabs(self)
        self.options = options
        self.rows: dict[str, FieldRow] = {}
        self.sections: dict[str, SectionTable] = {}
        self.files = FilesPage(load_content)
        self.unit_label = QLabel()
        self.unit_label.setObjectName("unit_label")
        self.unit_label.setWordWrap(True)
        self._baseline: dict[str, Any] = {}
        self._baseline_rows: dict[str, list[dict[str, Any]]] = {}
        self._focus_order: list[QWidget] = []
        for page in PAGES:
            widget = self.files if page.files else build_page(
                page, self._make_rows, self._make_table, self.unit_label if page.key == "work" else None)
            widget.setObjectName(f"{page.key}_page")
            index = self.addTab(widget, tr_layout(page.title))
            self.setTabToolTip(index, tr_layout(page.tip))
        self._chain_tab_order()
        for name in ("grade_code", "salary_step"):
            self.rows[name].connect_edited(self._salary_changed)
        self.setStyleSheet(INVALID_STYLE)  # once, after the pages exist: restyling is per reparenting

    def _make_rows(self, group: Group) -> list[FieldRow]:
        rows = []
        for name in group.fields:
            spec = PERSON_FIELD_MAP[name]
            row = FieldRow(spec, make_field_widget(spec, self.options), styled=False)
            if name in READ_ONLY:
                row.widget.setEnabled(False)  # computed: not typed, not in the Tab order
                row.widget.setToolTip(self.tr("Điền tự động theo mã ngạch khi lưu"))
            row.connect_edited(lambda r=row: r.is_invalid() and r.clear_message())
            self.rows[name] = row
            self._focus_order.append(row.widget)
            rows.append(row)
        return rows

    def _salary_changed(self) -> None:
        """A new grade or step has another coefficient: unless the user typed one, leave it
        empty so the service fills it from the salary table when saving."""
        row = self.rows["salary_coefficient"]
        graded = self.rows["grade_code"].value() is not None
        if graded and same(row.spec, row.value(), self._baseline.get("salary_coefficient")):
            row.set_value(None)
            hint = self.tr("Tự tính theo ngạch, bậc khi lưu")
            row.widget.setPlaceholderText(hint)  # type: ignore[attr-defined]

    def _chain_tab_order(self) -> None:
        """Tab moves through the fields in the order of the paper form (rows were made in it)."""
        widgets = self._focus_order
        for first, second in zip(widgets, widgets[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def _make_table(self, name: str) -> SectionTable:
        table = SectionTable(name, self.options)
        self.sections[name] = table
        self._focus_order.append(table.view)
        return table

    # --- values ---------------------------------------------------------------------------------
    def load(self, person: Mapping[str, Any], attachments: list[dict[str, Any]] | None = None,
             photo: bytes | None = None) -> None:
        """Show a dossier (Person JSON, or a partial dict for a new one) and take it as unchanged."""
        for name, row in self.rows.items():
            row.set_value(from_json(row.spec, person.get(name)))
        for name, table in self.sections.items():
            table.model.set_rows(person.get(name) or [])
        self.files.load(attachments or [], photo)
        self.mark_unchanged()

    def mark_unchanged(self) -> None:
        self._baseline = self.values()
        self._baseline_rows = {name: table.model.json_rows() for name, table in self.sections.items()}

    def finish_editing(self) -> None:
        """Commit open cell editors and settle typed catalog names before values are read."""
        for table in self.sections.values():
            table.finish_editing()
        for row in self.rows.values():
            if isinstance(row.widget, CatalogCombo):
                row.widget.settle()

    def values(self) -> dict[str, Any]:
        return {name: row.value() for name, row in self.rows.items()}

    def changed_values(self) -> dict[str, Any]:
        values = self.values()
        return {name: value for name, value in values.items()
                if not same(self.rows[name].spec, value, self._baseline.get(name))}

    def changed_sections(self) -> list[str]:
        return [name for name, table in self.sections.items()
                if table.model.json_rows() != self._baseline_rows.get(name, [])]

    def section_rows(self, name: str) -> list[dict[str, Any]]:
        """Rows as the service takes them: ids kept (rows updated in place), values as held."""
        return self.sections[name].model.rows()

    def has_changes(self) -> bool:
        return bool(self.changed_values() or self.changed_sections() or self.files.has_changes())

    # --- errors ---------------------------------------------------------------------------------
    def clear_errors(self) -> None:
        for row in self.rows.values():
            if row.is_invalid():
                row.clear_message()
        for table in self.sections.values():
            table.clear_errors()

    def show_errors(self, errors: list[FieldError]) -> list[FieldError]:
        """Mark each error's field or cell, bring the first into view; returns those not placed."""
        unplaced: list[FieldError] = []
        by_table: dict[str, list[tuple[int, str, str]]] = {}
        first: QWidget | None = None
        for error in errors:
            match = _SECTION_FIELD.fullmatch(error.field)
            if error.field in self.rows:
                row = self.rows[error.field]
                row.set_error(_sentence(error.message))
                first = first or row.widget
            elif match and match["section"] in self.sections:
                by_table.setdefault(match["section"], []).append(
                    (int(match["row"]) - 1, match["field"] or "", str(error)))
            else:
                unplaced.append(error)
        for name, table_errors in by_table.items():
            self.sections[name].show_errors(table_errors)
            first = first or self.sections[name].view
        if first is not None:
            self.reveal(first)
            first.setFocus()
        return unplaced

    def reveal(self, widget: QWidget) -> None:
        """Make every tab that holds ``widget`` current (outer and inner tabs)."""
        child: QWidget | None = widget
        while child is not None:
            parent = child.parentWidget()
            if isinstance(parent, QStackedWidget) and isinstance(parent.parentWidget(), QTabWidget):
                parent.parentWidget().setCurrentWidget(child)
            if isinstance(child, QScrollArea):
                child.ensureWidgetVisible(widget)
            child = parent

    # --- crash recovery -------------------------------------------------------------------------
    def state(self) -> dict[str, Any]:
        return {"fields": {name: to_json(value) for name, value in self.values().items()},
                "sections": {name: table.model.json_rows() for name, table in self.sections.items()},
                "files": self.files.state()}

    def restore(self, state: Mapping[str, Any]) -> None:
        """Put saved text back without taking it as unchanged (it still needs saving)."""
        for name, value in (state.get("fields") or {}).items():
            if name in self.rows:
                self.rows[name].set_value(from_json(self.rows[name].spec, value))
        for name, rows in (state.get("sections") or {}).items():
            if name in self.sections:
                self.sections[name].model.set_rows(rows)
        self.files.restore(state.get("files") or {})
