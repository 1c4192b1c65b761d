"""The maskers ``@policy(mask=...)`` names: each takes a method's result and the principal and
returns what that role may see (resources/rules/sensitive_fields.json through
``app.security.sensitive``), noting for the access log which people's sensitive data was shown.

A masker never changes its input; for a role that sees everything it returns the result as is
(after noting what was shown).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from app.security import sensitive
from app.security.principal import Principal
from app.services.notes import note_access


def _cccd_mode(role: str) -> str | None:
    return sensitive.hidden_fields(role).get("cccd")


def mask_cccd(value: str | None, role: str) -> str | None:
    mode = _cccd_mode(role)
    return sensitive.mask_value(value, mode, "cccd") if mode else value


def person(doc: dict[str, Any], principal: Principal) -> dict[str, Any]:
    """The Person JSON: every hidden group masked, ``masked_fields`` naming them."""
    if sensitive.has_sensitive(doc):
        note_access([doc["id"]], "xem hồ sơ")
    return sensitive.mask_person(doc, principal.role)


def person_plain(doc: dict[str, Any], principal: Principal) -> dict[str, Any]:
    """The Person JSON for printing (profile): masked, nothing noted (the body notes the print)."""
    return sensitive.mask_person(doc, principal.role)


def rows(found: list[Any], principal: Principal) -> list[Any]:
    """List rows (``listing.PersonRow``): the sensitive columns masked."""
    if sensitive.sees_all(principal.role):
        return found
    return [sensitive.mask_row(r, principal.role) for r in found]


def with_cccd(found: list[Any], principal: Principal) -> list[Any]:
    """Any list of frozen dataclasses with a ``cccd`` (alerts, quality issues, search hits, audit
    entries, pending reviews): the number masked as the role sees it."""
    mode = _cccd_mode(principal.role)
    if not mode:
        return found
    return [dataclasses.replace(x, cccd=sensitive.mask_value(x.cccd, mode, "cccd"))
            if getattr(x, "cccd", None) else x for x in found]


def history(changes: list[Any], principal: Principal) -> list[Any]:
    """A change history: values of fields the role may not see masked; showing sensitive values noted."""
    role = principal.role
    out = []
    shown_sensitive = False
    for c in changes:
        section = c.field if c.field in sensitive.hidden_section_fields("") else None
        if c.field == "*" or section is not None:
            if sensitive.change_is_hidden(c.field, role):
                c = dataclasses.replace(c, old=sensitive.mask_value(c.old), new=sensitive.mask_value(c.new))
            else:
                c = dataclasses.replace(c, old=sensitive.mask_snapshot(c.old, section, role),
                                        new=sensitive.mask_snapshot(c.new, section, role))
            shown_sensitive = shown_sensitive or c.field == "*"
            out.append(c)
            continue
        mode = sensitive.change_is_hidden(c.field, role)
        if mode:
            c = dataclasses.replace(c, old=sensitive.mask_value(c.old, mode), new=sensitive.mask_value(c.new, mode))
        elif sensitive.change_is_hidden(c.field, ""):
            shown_sensitive = True
        out.append(c)
    return out, shown_sensitive  # type: ignore[return-value]


def audit_page(page: Any, principal: Principal) -> Any:
    """An audit page (``access.AuditPage``): entries masked like a history and by CCCD."""
    entries = audit_entries(list(page.entries), principal)
    return dataclasses.replace(page, entries=entries)


def audit_entries(entries: list[Any], principal: Principal) -> list[Any]:
    role = principal.role
    if sensitive.sees_all(role):
        return entries
    out = []
    for e in with_cccd(entries, principal):
        field = (e.field or "").partition(".")[2] or (e.field or "")
        mode = sensitive.change_is_hidden(field, role) if e.field else None
        if mode:
            e = dataclasses.replace(e, old=sensitive.mask_value(e.old, mode), new=sensitive.mask_value(e.new, mode))
        out.append(e)
    return out


MASKERS: dict[str, Callable[[Any, Principal], Any]] = {
    "person": person, "person_plain": person_plain, "rows": rows, "cccd": with_cccd,
    "audit_page": audit_page, "audit_entries": audit_entries,
}
