"""Sensitive fields (REFERENCE §7; the table is resources/rules/sensitive_fields.json) and how
they are masked for the roles not allowed to see them.

Masking: a group with ``"mask": "partial"`` (CCCD, BHXH, BHYT numbers) keeps the first four and the
last two characters (``0480******34``); any other group is hidden: text becomes ``***`` and a
date or number becomes empty. A masked person dict lists the masked keys under ``masked_fields``
so that the editor shows them read-only.
"""

from __future__ import annotations

import dataclasses
import functools
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from app.errors import UserError
from app.fields import PERSON_FIELD_MAP, SECTION_FIELDS, SECTION_LABELS
from app.resources import resource_path

MASK = "***"
TEXT_KINDS = frozenset({"text", "longtext", "name", "catalog", "choice", "cccd"})


@dataclass(frozen=True)
class Group:
    name: str
    label: str
    mask: str  # partial | hide
    view: frozenset[str]
    edit: frozenset[str]
    fields: tuple[str, ...] = ()
    sections: tuple[str, ...] = ()
    section_fields: Mapping[str, tuple[str, ...]] = dataclasses.field(default_factory=dict)


@functools.cache
def groups() -> tuple[Group, ...]:
    data = json.loads(resource_path("rules", "sensitive_fields.json").read_text(encoding="utf-8"))
    out = []
    for name, g in data["groups"].items():
        out.append(Group(name, g["label"], g.get("mask", "hide"), frozenset(g["view"]), frozenset(g["edit"]),
                         tuple(g.get("fields", ())), tuple(g.get("sections", ())),
                         {k: tuple(v) for k, v in g.get("section_fields", {}).items()}))
    return tuple(out)


def _hidden(role: str, edit: bool = False) -> list[Group]:
    return [g for g in groups() if role not in (g.edit if edit else g.view)]


def sensitive_fields() -> frozenset[str]:
    return frozenset(f for g in groups() for f in g.fields)


def hidden_fields(role: str) -> dict[str, str]:
    """Person fields ``role`` may not see → their mask mode."""
    return {f: g.mask for g in _hidden(role) for f in g.fields}


def hidden_sections(role: str) -> frozenset[str]:
    return frozenset(s for g in _hidden(role) for s in g.sections)


def hidden_section_fields(role: str) -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for g in _hidden(role):
        for section, names in g.section_fields.items():
            out.setdefault(section, set()).update(names)
    return {k: frozenset(v) for k, v in out.items()}


def sees_all(role: str) -> bool:
    return not _hidden(role)


def edits_all(role: str) -> bool:
    return not _hidden(role, edit=True)


def mask_value(value: Any, mode: str = "hide", kind: str = "text") -> Any:
    """One value as a role without access sees it."""
    if value is None or value == "":
        return value
    if mode == "partial":
        text = str(value)
        return text[:4] + "*" * (len(text) - 6) + text[-2:] if len(text) >= 8 else MASK
    return MASK if kind in TEXT_KINDS else None


def _kind(field: str) -> str:
    spec = PERSON_FIELD_MAP.get(field)
    return spec.kind if spec else "text"


def _json_keys(field: str) -> list[str]:
    """The Person JSON keys that carry ``field`` (catalog fields have a name key too)."""
    spec = PERSON_FIELD_MAP.get(field)
    if spec is not None and spec.kind == "catalog":
        return [field.removesuffix("_code"), field] if field.endswith("_code") else [field, field + "_name"]
    return [field]


def mask_person(doc: dict[str, Any], role: str) -> dict[str, Any]:
    """The Person JSON as ``role`` may see it (a copy; ``masked_fields`` names what was masked)."""
    out = dict(doc)
    masked: list[str] = []
    for field, mode in hidden_fields(role).items():
        for key in _json_keys(field):
            if key in out:
                out[key] = mask_value(out[key], mode, _kind(field))
        masked.append(field)
    for section in hidden_sections(role):
        if section in out:
            out[section] = []
            masked.append(section)
    for section, names in hidden_section_fields(role).items():
        if section in out:
            out[section] = [{k: (mask_value(v) if k in names else v) for k, v in row.items()} for row in out[section]]
            masked.extend(f"{section}.{n}" for n in sorted(names))
    out["masked_fields"] = masked
    return out


def has_sensitive(doc: Mapping[str, Any]) -> bool:
    """Whether the Person JSON holds any sensitive value (then showing it is logged)."""
    for g in groups():
        if any(doc.get(k) not in (None, "", []) for f in g.fields for k in _json_keys(f)):
            return True
        if any(doc.get(s) for s in g.sections):
            return True
        for section, names in g.section_fields.items():
            if any(row.get(n) for row in doc.get(section) or () for n in names):
                return True
    return False


def mask_fields(values: dict[str, Any], role: str) -> dict[str, Any]:
    """A dict keyed by Person field names (the export's rows), masked for ``role``."""
    hidden = hidden_fields(role)
    if not hidden:
        return values
    return {k: (mask_value(v, hidden[k], _kind(k)) if k in hidden else v) for k, v in values.items()}


# the person list's attributes (app.listing.PersonRow) that are sensitive fields
_ROW_FIELDS = ("cccd", "party_join_date")


def mask_row(row: Any, role: str) -> Any:
    hidden = hidden_fields(role)
    changes = {f: mask_value(getattr(row, f), hidden[f], _kind(f)) for f in _ROW_FIELDS if f in hidden}
    return dataclasses.replace(row, **changes) if changes else row


# the list report's columns (app.reports.lists) that show a sensitive field
REPORT_COLUMNS = {"cccd": "cccd", "dan_toc": "ethnicity_code", "ton_giao": "religion_code",
                  "ngay_vao_dang": "party_join_date"}


def masked_report_columns(keys: Iterable[str], role: str) -> dict[str, str]:
    hidden = hidden_fields(role)
    return {k: hidden[REPORT_COLUMNS[k]] for k in keys if REPORT_COLUMNS.get(k) in hidden}


def change_is_hidden(field: str, role: str) -> str | None:
    """For a history entry's ``field`` ("ethnicity_code", "family.details", "personal_history"),
    the mask mode when ``role`` may not see its values."""
    hidden = hidden_fields(role)
    if field in hidden:
        return hidden[field]
    root, _, sub = field.partition(".")
    if root in hidden_sections(role):
        return "hide"
    if sub and sub in hidden_section_fields(role).get(root, ()):
        return "hide"
    return None


def mask_snapshot(text: str | None, section: str | None, role: str) -> str | None:
    """A create/delete entry's JSON of values (a person, or a section row) masked for ``role``."""
    if not text:
        return text
    try:
        values = json.loads(text)
    except ValueError:
        return MASK
    if not isinstance(values, dict):
        return MASK
    if section is None:
        hidden = hidden_fields(role)
        values = {k: (mask_value(v, hidden[k]) if k in hidden else v) for k, v in values.items()}
    else:
        names = hidden_section_fields(role).get(section, frozenset())
        values = {k: (mask_value(v) if k in names else v) for k, v in values.items()}
    return json.dumps(values, ensure_ascii=False)


def refuse_hidden_edits(data: Mapping[str, Any], role: str, current: Mapping[str, Any]) -> dict[str, Any]:
    """``data`` (an editor's changes) checked for fields ``role`` may not change: a value equal to
    what the role was shown (the mask) is dropped, or put back for section rows; any other change
    is refused naming the fields. Returns the data to save."""
    locked = {f for g in _hidden(role, edit=True) for f in g.fields}
    locked_sections = {s for g in _hidden(role, edit=True) for s in g.sections}
    locked_cols: dict[str, set[str]] = {}
    for g in _hidden(role, edit=True):
        for section, names in g.section_fields.items():
            locked_cols.setdefault(section, set()).update(names)
    shown = mask_person(dict(current), role)
    out = dict(data)
    refused: list[str] = []
    for field in [k for k in out if k in locked]:
        value = out[field]
        same = [d.get(k) for d in (shown, current) for k in _json_keys(field)]
        if value in same or (value in (None, "") and not current.get(field)):
            del out[field]
        else:
            refused.append(PERSON_FIELD_MAP[field].label)
    for section in [k for k in out if k in locked_sections]:
        if not out[section] and not current.get(section) or out[section] == shown.get(section):
            del out[section]
        else:
            refused.append(SECTION_LABELS.get(section, section))
    for section, names in locked_cols.items():
        if section not in out or not isinstance(out[section], list | tuple):
            continue
        old = {str(r.get("id")): r for r in current.get(section) or ()}
        rows = []
        for row in out[section]:
            row = dict(row)
            before = old.get(str(row.get("id"))) if row.get("id") else None
            for name in names:
                value = row.get(name)
                real = before.get(name) if before else None
                if value in (MASK, real) or (value in (None, "") and not real):
                    if before is not None:
                        row[name] = real
                    continue
                spec = next((f for f in SECTION_FIELDS[section] if f.name == name), None)
                refused.append(f"{SECTION_LABELS.get(section, section)}: {spec.label if spec else name}")
            rows.append(row)
        out[section] = rows
    if refused:
        raise UserError("Tài khoản của bạn không được sửa thông tin nhạy cảm: " + ", ".join(dict.fromkeys(refused))
                        + ".")
    return out


def history_has_sensitive(fields: Iterable[str]) -> bool:
    """Whether a change history with these ``field`` values shows sensitive values (to anyone
    allowed to see them): a sensitive field, a sensitive section's row, or a row snapshot ("*")."""
    sections = hidden_section_fields("")
    return any(f == "*" or f in sections or change_is_hidden(f, "") for f in fields)
