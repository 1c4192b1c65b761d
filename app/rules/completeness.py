"""How complete a dossier is against the form it must print on.

A civil servant's file must fill the items of Mẫu 2C-BNV/2008 (Quyết định 02/2008/QĐ-BNV, kept by
Thông tư 11/2012/TT-BNV); a viên chức's those of HS02-VC/BNV (Thông tư 07/2019/TT-BNV); and from
01/7/2026 every CBCCVC must be in the national database of Nghị định 27/2026/NĐ-CP, whose identity,
family, training, unit and salary groups HoSo treats as the minimum for everyone. Which items
count as "required" is a judgement about what every person can and should answer (not everyone
has a Party date or a chức vụ), so the lists, their labels and item numbers live in
``resources/rules/completeness.json``.

The check is a pure function over a mapping of Person attribute values, so the list column, the
editor's progress bar, the reports and the JSON export all give the same answer.
"""

from __future__ import annotations

from collections.abc import Mapping, Sized
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from app.rules import load_table

__all__ = ["Completeness", "MissingItem", "RequiredItem", "checked_names", "completeness", "form_for",
           "is_filled", "required_items"]

TABLE = "completeness.json"
KINDS = ("field", "rows", "flag")


@dataclass(frozen=True)
class RequiredItem:
    """One item a form requires.

    ``fields`` are alternatives: any one filled satisfies the item (Nơi sinh as written text or
    as a coded province). ``field`` is the first one — the item's identity when forms are merged
    and the widget the editor should focus.
    """

    field: str
    fields: tuple[str, ...]
    label: str  # as the user sees it: "Nơi sinh", "Quá trình đào tạo, bồi dưỡng"
    item: str  # the number on the form: "4", "15.1", "Nhóm 6", "Ảnh"
    kind: str  # "field" (Person attribute), "rows" (a section), "flag" (e.g. the photo)
    form: str  # the form whose list the item comes from


@dataclass(frozen=True)
class MissingItem:
    """An unfilled required item, ready to list for the clerk."""

    field: str
    label: str
    item: str


@dataclass(frozen=True)
class Completeness:
    """Share of required items filled (0.0–1.0, three decimals) and what is still missing."""

    ratio: float
    missing: tuple[MissingItem, ...]

    @property
    def complete(self) -> bool:
        return not self.missing


@dataclass(frozen=True)
class _Table:
    forms: dict[str, tuple[RequiredItem, ...]]  # each form's own list, by upper-case name
    baseline: str  # the form every person must satisfy too (NĐ 27/2026)
    by_staff_type: dict[str, str]
    default_form: str


@lru_cache(maxsize=1)
def _table() -> _Table:
    data = load_table(TABLE)
    forms = {name.upper(): tuple(_item(name.upper(), row) for row in spec["items"])
             for name, spec in data["forms"].items()}
    by_type = {k: v.upper() for k, v in data["forms_by_staff_type"].items() if not k.startswith("_")}
    table = _Table(forms, data["baseline"].upper(), by_type,
                   data["forms_by_staff_type"]["_default"].upper())
    for form in (table.baseline, table.default_form, *by_type.values()):
        if form not in forms:
            raise ValueError(f"{TABLE}: form {form!r} is referenced but not defined")
    return table


def _item(form: str, row: dict[str, Any]) -> RequiredItem:
    fields = tuple(row["fields"])
    kind = row.get("kind", "field")
    if not fields or kind not in KINDS:
        raise ValueError(f"{TABLE}: bad item {row!r} in form {form}")
    return RequiredItem(fields[0], fields, row["label"], str(row["item"]), kind, form)


def _form_key(form: str) -> str:
    key = form.strip().upper()
    if key not in _table().forms:
        raise ValueError(f"unknown form {form!r}: expected one of {sorted(_table().forms)}")
    return key


def form_for(staff_type: str) -> str:
    """The profile form a person's file follows: HS02 for viên chức, 2C for everyone else
    (cán bộ, công chức, and contract staff filed like them)."""
    table = _table()
    return table.by_staff_type.get(staff_type, table.default_form)


@lru_cache(maxsize=16)
def required_items(form: str) -> tuple[RequiredItem, ...]:
    """Everything a person filed on ``form`` must fill, in form order.

    That is the form's own items followed by the NĐ 27/2026 baseline items it does not already
    have (an item is the same when its first field is). For the baseline form itself, just its
    own list.
    """
    table = _table()
    key = _form_key(form)
    items = list(table.forms[key])
    seen = {item.field for item in items}
    for item in table.forms[table.baseline]:
        if item.field not in seen:
            items.append(item)
            seen.add(item.field)
    return tuple(items)


def checked_names() -> dict[str, str]:
    """Every name some form's required items read, with its kind (``field``, ``rows``, ``flag``).

    A bulk reader (the completeness dashboard) fetches exactly these: the Person columns, a
    row count for each section, the photo flag.
    """
    names: dict[str, str] = {}
    for items in _table().forms.values():
        for item in items:
            for name in item.fields:
                if names.setdefault(name, item.kind) != item.kind:
                    raise ValueError(f"{TABLE}: {name!r} is both {names[name]!r} and {item.kind!r}")
    return names


def is_filled(value: object, kind: str) -> bool:
    """Whether ``value`` answers an item of ``kind`` (see :func:`completeness`)."""
    return _filled(value, kind)


def _filled(value: object, kind: str) -> bool:
    """Whether one value answers an item: blanks are empty text; a section needs a row."""
    if value is None:
        return False
    if kind == "flag":
        return bool(value)
    if kind == "rows":
        if isinstance(value, int) and not isinstance(value, bool):
            return value > 0
        return len(value) > 0 if isinstance(value, Sized) else bool(value)
    if isinstance(value, str):
        return bool(value.strip())
    return True


def _satisfied(values: Mapping[str, object], item: RequiredItem) -> bool:
    return any(_filled(values.get(name), item.kind) for name in item.fields)


def completeness(values: Mapping[str, object], form: str) -> Completeness:
    """Check a dossier against ``form`` (see :func:`required_items`).

    ``values`` maps Person attribute names to their values (None, "" or blanks count as empty),
    each section name (``training``, ``work_history``, ``family``…) to its rows or their count,
    and ``photo`` to anything truthy when a photo is attached.
    """
    required = required_items(form)
    missing = tuple(MissingItem(item.field, item.label, item.item)
                    for item in required if not _satisfied(values, item))
    if not required:
        return Completeness(1.0, ())
    return Completeness(round((len(required) - len(missing)) / len(required), 3), missing)
