"""Qt-free conversions between the Person JSON, the values the widgets hold and the text they show.

Widgets hold *Python* values: ``date``, ``Decimal``, ``int``, ``bool``, ``str`` (codes and text) or
``None`` for empty. A value the user typed that does not parse (``"31/02/1985"``, ``"2,3x"``) is
kept as its raw ``str`` so the service, not the widget, decides the message and nothing is lost.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cached_property
from typing import Any, Protocol

from app.fields import FieldSpec
from app.text import fold

NUMBER_KINDS = ("int", "decimal", "money")


@dataclass(frozen=True)
class Option:
    """One entry of a catalog (or a grade) as a combo box offers it."""

    code: str
    name: str
    aliases: tuple[str, ...] = ()

    @cached_property
    def search_key(self) -> str:
        return search_key(self)


class Entry(Protocol):
    """What a combo needs of an entry: ``Option`` or the service's ``CatalogEntry``."""

    @property
    def code(self) -> str: ...

    @property
    def name(self) -> str: ...


def search_key(entry: Entry) -> str:
    """The folded text type-ahead matches against (name, then aliases, one per line)."""
    return "\n".join(fold(text) for text in (entry.name, *getattr(entry, "aliases", ())))


Options = Mapping[str, Sequence[Entry]]  # catalog name ("religion", "grade") → entries


def options_for(spec: FieldSpec, options: Options) -> Sequence[Entry] | None:
    """The entries a field picks from: its catalog, or the grade list for ``grade_code``."""
    if spec.kind == "catalog":
        return options.get(spec.catalog or "", ())
    if spec.name == "grade_code":
        return options.get("grade")
    return None


def from_json(spec: FieldSpec, value: Any) -> Any:
    """A Person JSON value (ISO dates, floats) as the Python value a widget holds."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return False if spec.kind == "bool" else None
    if spec.kind == "date" and isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return value
    if spec.kind in ("decimal", "money") and not isinstance(value, Decimal):
        try:
            return Decimal(str(value))
        except InvalidOperation:
            return str(value)
    if spec.kind == "int" and isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def to_json(value: Any) -> Any:
    """A widget value as JSON (the inverse of :func:`from_json` for the same spec)."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def same(spec: FieldSpec, a: Any, b: Any) -> bool:
    """Equal as stored: ``Decimal('3.60') == 3.6``, ``None == ''``, ``None == False`` for a bool."""
    return from_json(spec, to_json(a)) == from_json(spec, to_json(b))


def format_decimal(value: Decimal, *, grouped: bool = False) -> str:
    """2.34 → "2,34"; with ``grouped`` 5475600 → "5.475.600" (the Vietnamese way)."""
    if grouped and value == value.to_integral_value():
        return f"{int(value):,}".replace(",", ".")
    text = f"{value.normalize():f}" if value != 0 else "0"
    return text.replace(".", ",")


def format_date(value: dt.date) -> str:
    return value.strftime("%d/%m/%Y")


def display_text(spec: FieldSpec, value: Any, options: Options,
                 labels: Mapping[str, str] | None = None) -> str:
    """The text a table cell shows for a value (names for codes, labels for choices)."""
    if value is None or value == "":
        return ""
    if isinstance(value, str) and spec.kind in ("date", *NUMBER_KINDS):
        return value  # typed but not understood: shown as typed
    if spec.kind == "date":
        return format_date(value)
    if spec.kind in ("decimal", "money"):
        return format_decimal(value, grouped=spec.kind == "money")
    if spec.kind == "bool":
        return ""
    entries = options_for(spec, options)
    if entries is not None:
        return next((o.name for o in entries if o.code == value), str(value))
    if labels:
        return labels.get(str(value), str(value))
    return str(value)

