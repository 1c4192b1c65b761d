"""What every area shares: the database, the signed-in principal (one ``Context`` per facade, so a
sign-in is seen by every area) and the helpers ``@policy`` calls (scope checks, the access log)."""

from __future__ import annotations

import contextlib
import dataclasses
import uuid
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session

from app import listing, people, units
from app.db import Database
from app.errors import UserError
from app.security import access, review
from app.security.permissions import require
from app.security.principal import Principal
from app.security.principal import refresh as principal_refresh
from app.services.notes import pending_scope
from models import Person, Unit


@dataclass
class Context:
    """The facade's state, shared by its areas."""

    db: Database
    principal: Principal
    user: str | None
    tree_stamp: tuple[Any, ...] | None = None  # the unit tree the principal's units were expanded on
    cli: bool = False  # the command line: its access-log entries say so ("dòng lệnh: …")


class Area:
    """One area of the services (people, units, reports…): constructed with the facade's context."""

    def __init__(self, ctx: Context):
        self._ctx = ctx

    @property
    def principal(self) -> Principal:
        return self._ctx.principal

    @property
    def _db(self) -> Database:
        return self._ctx.db

    @property
    def _user(self) -> str:
        return self._ctx.user or self._ctx.principal.username

    # --- sessions ------------------------------------------------------------------------------
    def _read(self) -> contextlib.AbstractContextManager[Session]:
        return self._db.session(self._ctx.user)

    @contextlib.contextmanager
    def _session(self, write: bool = False) -> Iterator[Session]:
        """One transaction as the principal; a clerk's writes go to approval."""
        with self._db.session(self._user, write=write) as s:
            pending = pending_scope.get()
            if pending is not None and not pending.done:
                self._scope_in(s, pending.scope, pending.action, pending.arguments)
                pending.done = True
            if write:
                review.track(s, self.principal)
            yield s
            if write:
                review.finish(s)

    # --- scope ----------------------------------------------------------------------------------
    def _person(self, s: Session, key: str | uuid.UUID, action: str, *, include_deleted: bool = False) -> Person:
        person = people.find_person(s, str(key), include_deleted=include_deleted)
        require(self.principal, action, person.unit_id, s)
        return person

    def _unit(self, s: Session, code: str | None, action: str) -> uuid.UUID | None:
        """The unit's id after checking ``action`` on it; None (every unit) only for the unscoped."""
        if code is None:
            if self.principal.unit_ids is not None:
                raise UserError(f"Tài khoản {self.principal.username} chỉ làm việc với đơn vị của mình: "
                                "hãy chọn đơn vị.")
            require(self.principal, action, any_unit=True)
            return None
        unit = units.get_unit(s, code)
        require(self.principal, action, unit.id, s)
        return unit.id

    def _check_scope(self, scope: str, action: str, arguments: dict[str, Any]) -> None:
        """``@policy``'s unit-bound check before the body runs."""
        with self._read() as s:
            self._scope_in(s, scope, action, arguments)

    def _scope_in(self, s: Session, scope: str, action: str, arguments: dict[str, Any]) -> None:
        self._fresh_scope(s)
        if scope in ("person", "person+deleted"):
            key = arguments.get("key", arguments.get("person_id"))
            self._person(s, key, action, include_deleted=scope == "person+deleted")
        code = arguments.get("unit_code")
        if code is not None:
            self._unit(s, code, action)

    def _scoped(self, flt: listing.PersonFilter) -> listing.PersonFilter:
        """The list filter limited to the principal's units."""
        if self.principal.unit_ids is None:
            return flt
        return dataclasses.replace(flt, unit_scope=self.principal.unit_ids)

    def _scope_codes(self) -> set[str | None] | None:
        if self.principal.unit_ids is None:
            return None
        with self._read() as s:
            return {code for uid, code in s.execute(select(Unit.id, Unit.code)) if uid in self.principal.unit_ids}

    def _in_scope(self, result: Any) -> Any:
        """``scope="result"``: the items (with ``unit_code``) of the principal's units."""
        codes = self._scope_codes()
        if codes is None:
            return result
        return [x for x in result if x.unit_code in codes]

    def _fresh_scope(self, s: Session) -> None:
        """Re-expand the scoped principal's units when the unit tree's stamp (count, versions, last
        change) differs from the one they were expanded on: one small aggregate query."""
        if self.principal.unit_roots is None:
            return
        stamp = tuple(s.execute(select(func.count(), func.sum(Unit.version), func.max(Unit.updated_at))).one())
        if stamp != self._ctx.tree_stamp:
            self._ctx.principal = principal_refresh(s, self.principal)
            self._ctx.tree_stamp = stamp

    def _inside(self, s: Session, ids: Sequence[uuid.UUID]) -> list[uuid.UUID]:
        """``ids`` (in order) that are dossiers of the principal's units."""
        if self.principal.unit_ids is None:
            return list(ids)
        ids = [i if isinstance(i, uuid.UUID) else uuid.UUID(str(i)) for i in ids]
        inside: set[uuid.UUID] = set()
        for chunk in range(0, len(ids), 900):
            inside.update(s.scalars(select(Person.id).where(Person.id.in_(ids[chunk:chunk + 900]),
                                                            Person.unit_id.in_(self.principal.unit_ids))))
        return [i for i in ids if i in inside]

    # --- the access log ---------------------------------------------------------------------------
    def _write_log(self, action: str, entries: list[tuple[list[uuid.UUID], str, Path | None]]) -> None:
        """Access-log entries in their own short transaction that starts by writing (so SQLite waits
        for a busy writer instead of failing); when the log cannot be written the action fails and
        the file it wrote is removed."""
        prefix = access.CLI_PREFIX if self._ctx.cli else ""
        try:
            self._append_log(action, entries, prefix)
        except UserError:
            for _ids, _detail, written in entries:
                if written is not None:
                    written.unlink(missing_ok=True)
            raise

    def _append_log(self, action: str, entries: list[tuple[list[uuid.UUID], str, Path | None]], prefix: str) -> None:
        try:
            with self._db.session(self._user, write=True) as s:
                for ids, detail, _written in entries:
                    access.log_many(s, self.principal.username, action, ids, prefix + detail)
        except OperationalError as exc:
            raise UserError("Không ghi được nhật ký truy cập (cơ sở dữ liệu đang bận); hãy thử lại.") from exc
        except DBAPIError as exc:  # e.g. a PostgreSQL role without INSERT on access_log
            raise UserError(f"Không ghi được nhật ký truy cập ({str(exc.orig).splitlines()[0]}); thông tin nhạy cảm "
                            "chỉ được xem, in, xuất khi nhật ký ghi được.") from exc
