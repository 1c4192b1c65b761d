"""Reusable field widgets built from ``app.fields`` (dates, numbers, catalogs, choices, rows)."""

from ui.widgets.combos import CatalogCombo, ChoiceCombo, FoldCompleter
from ui.widgets.date_edit import DateEdit
from ui.widgets.factory import make_field_widget
from ui.widgets.field_row import FieldRow
from ui.widgets.number_edit import NumberEdit
from ui.widgets.text_edits import BoolCheck, CccdEdit, LongTextEdit, TextEdit
from ui.widgets.values import Option

__all__ = ["BoolCheck", "CatalogCombo", "CccdEdit", "ChoiceCombo", "DateEdit", "FieldRow", "FoldCompleter",
           "LongTextEdit", "NumberEdit", "Option", "TextEdit", "make_field_widget"]
