"""One widget per field kind of ``app.fields`` (forms and table delegates both use it)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCompleter, QWidget

from app.fields import FieldSpec
from ui.widgets.choices import choice_labels
from ui.widgets.combos import CatalogCombo, ChoiceCombo
from ui.widgets.date_edit import DateEdit
from ui.widgets.number_edit import NumberEdit
from ui.widgets.text_edits import BoolCheck, CccdEdit, LongTextEdit, TextEdit
from ui.widgets.values import Options, options_for

_SUFFIX = {"longtext": "edit", "bool": "check", "catalog": "combo", "choice": "combo"}


def make_field_widget(spec: FieldSpec, catalogs: Options, *, choice_key: str | None = None,
                      parent: QWidget | None = None) -> QWidget:
    """The editing widget for ``spec`` (its object name is ``<field>_edit``/``_combo``/``_check``).

    ``catalogs`` maps a catalog name to its entries (``"grade"``: the ngạch list, used by every
    ``grade_code`` field); ``choice_key`` picks the choice labels (``"family.side"``), by default
    the field name.
    """
    widget = _build(spec, catalogs, choice_key or spec.name)
    suffix = "combo" if isinstance(widget, CatalogCombo) else _SUFFIX.get(spec.kind, "edit")
    widget.setObjectName(f"{spec.name}_{suffix}")
    if parent is not None:
        widget.setParent(parent)
    return widget


def _build(spec: FieldSpec, catalogs: Options, choice_key: str) -> QWidget:
    entries = options_for(spec, catalogs)
    if entries is not None:
        return CatalogCombo(entries)
    kind = spec.kind
    if kind == "date":
        return DateEdit()
    if kind in ("int", "decimal", "money"):
        return NumberEdit(kind)
    if kind == "bool":
        return BoolCheck()
    if kind == "choice":
        allow_empty = not spec.required or spec.name == "sex"  # a new person's sex is chosen, not assumed
        return ChoiceCombo(spec.choices, choice_labels(choice_key), allow_empty=allow_empty)
    if kind == "cccd":
        return CccdEdit()
    if kind == "longtext":
        return LongTextEdit(spec.max_length)
    edit = TextEdit(spec.max_length)
    if spec.catalog:  # usual words offered as the user types; any other wording is kept
        suggest(edit, [entry.name for entry in catalogs.get(spec.catalog, ())])
    return edit


def suggest(edit: TextEdit, words: list[str]) -> None:
    """Offer ``words`` in a pop-up list that matches anywhere, case-insensitively."""
    if not words:
        return
    completer = QCompleter(words, edit)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    edit.setCompleter(completer)
