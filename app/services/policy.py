"""The one place where who may do what is applied: ``@policy`` on every public service method.

calibre marks each public method of its database cache ``@read_api``/``@write_api`` and the
decorator takes the lock, so no method can forget it. Here each public method of an area declares
its action once::

    @policy("view", scope="person", mask="person", log="view")
    def person(self, key): ...

and the decorator applies, in this order:

1. **permission** — ``action`` (an ``app.security.permissions`` action, or ``PUBLIC`` for what
   needs no permission: signing in, the catalogs) is required of the principal on some unit
   before the method runs; the unit-bound check (``scope``) follows;
2. **scope** — ``"person"``: the method's ``key``/``person_id`` argument must name a dossier of the
   principal's units (checked before the body runs — for a ``write=True`` action at the start of
   the action's own transaction, ``notes.PendingScope``; ``"person+deleted"`` also finds deleted
   dossiers); ``"unit"``: the ``unit_code`` argument (when given) must be one of the principal's
   units; ``"result"``: the returned list is cut to the principal's units (items with a
   ``unit_code``); ``"query"``: the method limits its query itself through ``self._scoped`` (the
   list queries, where filtering afterwards would cost); ``None``: not unit-bound;
3. **masking** — ``mask`` names a masker of ``app.services.masks`` applied to the returned value
   for the principal's role (``None``: the result holds no personal field);
4. **access log** — ``log`` (``"view"``, ``"print"``, ``"export"``) writes the access-log entries
   the masker or the body noted (``note_access(ids, detail)``) when the role saw sensitive data, in
   a short transaction of its own; when the entry cannot be written the action fails.

``declared(cls)`` lists the declarations; tests/core/test_service_policy.py fails for a public
method of an area without one.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from app.security import sensitive
from app.security.permissions import require
from app.services.masks import MASKERS
from app.services.notes import Notes, PendingScope, current_notes, note_access, pending_scope

PUBLIC = "public"
SCOPES = (None, "person", "person+deleted", "unit", "result", "query")
LOGS = (None, "view", "print", "export")

F = TypeVar("F", bound=Callable[..., Any])


@dataclass(frozen=True)
class Policy:
    action: str
    scope: str | None = None
    mask: str | None = None
    log: str | None = None
    write: bool = False


def policy(action: str, *, scope: str | None = None, mask: str | None = None, log: str | None = None,
           write: bool = False) -> Callable[[F], F]:
    """Declare a public service method's action (see the module doc)."""
    if scope not in SCOPES:
        raise ValueError(f"scope {scope!r}")
    if log not in LOGS:
        raise ValueError(f"log {log!r}")
    declared_policy = Policy(action, scope, mask, log, write)

    def wrap(fn: F) -> F:
        signature = inspect.signature(fn)
        masker = MASKERS[mask] if mask is not None else None

        @functools.wraps(fn)
        def run(self: Any, *args: Any, **kwargs: Any) -> Any:
            principal = self.principal
            if action != PUBLIC:
                require(principal, action, any_unit=True)
            pending = None
            if scope in ("person", "person+deleted", "unit"):
                bound = signature.bind(self, *args, **kwargs)
                bound.apply_defaults()
                if write and scope != "unit":  # checked at the start of the action's own transaction
                    pending = PendingScope(scope, action, dict(bound.arguments))
                else:
                    self._check_scope(scope, action, bound.arguments)
            token = current_notes.set(Notes([])) if log is not None else None
            scope_token = pending_scope.set(pending) if pending is not None else None
            try:
                result = fn(self, *args, **kwargs)
                if pending is not None and not pending.done:
                    raise RuntimeError(f"{fn.__qualname__}: @policy(write=True, scope={scope!r}) needs the body to "
                                       "open self._session()")
                if scope == "result":
                    result = self._in_scope(result)
                if masker is not None:
                    result = masker(result, principal)
                if log is not None:
                    notes = current_notes.get()
                    assert notes is not None
                    notes.entries[:] = [e for e in notes.entries if e[0]]
                    if notes.entries and _sees_sensitive(principal.role):
                        self._write_log(log, notes.entries)
            finally:
                if token is not None:
                    current_notes.reset(token)
                if scope_token is not None:
                    pending_scope.reset(scope_token)
            return result

        run.__policy__ = declared_policy  # type: ignore[attr-defined]
        return run  # type: ignore[return-value]

    return wrap


def _sees_sensitive(role: str) -> bool:
    """Whether the role sees some sensitive group (then what it saw is logged)."""
    return bool(set(sensitive.hidden_fields("")) - set(sensitive.hidden_fields(role)))


def declared(cls: type) -> dict[str, Policy | None]:
    """Every public method of ``cls`` → its declared policy (None when it declares none)."""
    out: dict[str, Policy | None] = {}
    for name, member in inspect.getmembers(cls):
        if name.startswith("_") or not callable(member) or isinstance(inspect.getattr_static(cls, name), property):
            continue
        out[name] = getattr(member, "__policy__", None)
    return out


__all__ = ["LOGS", "PUBLIC", "SCOPES", "Policy", "declared", "note_access", "policy"]
