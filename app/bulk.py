"""Small helpers of the bulk readers (alerts, dashboards, positions, rating): ids as the driver
returns them, rows without the ORM's result machinery, and the dd/mm/yyyy date of the texts. A leaf
module (no app import), so the readers share them without importing one another."""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import threading
import uuid
from collections.abc import Iterator
from typing import Any

from sqlalchemy import ColumnElement, Select, String, type_coerce
from sqlalchemy.orm import Session


def vn_date(day: dt.date) -> str:
    return f"{day.day:02d}/{day.month:02d}/{day.year}"


def raw_id(column: Any) -> ColumnElement[Any]:
    """A UUID column as the driver returns it (hex text on SQLite, a UUID on PostgreSQL).

    Bulk readers key their maps by this and turn into ``uuid.UUID`` only what they return:
    converting 100,000 ids costs more than the rest of an alert run.
    """
    return type_coerce(column, String())


def as_uuid(value: Any) -> uuid.UUID:
    """A value of :func:`raw_id` as a ``uuid.UUID``."""
    return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))


def bulk_rows(session: Session, stmt: Select[Any]) -> Any:
    """Rows of a column SELECT through the session's connection: the same transaction, without
    the ORM's result machinery (a third cheaper over 100,000 rows)."""
    return session.connection().execute(stmt)


_GC_LOCK = threading.Lock()
_gc_pauses = 0  # how many paused_gc blocks are running (in any thread)
_gc_was_enabled = False


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """No cyclic garbage collection inside the block (reference counting still frees everything
    else). A bulk run keeps a few hundred thousand objects alive at once (a sheet's cells, the
    rows read): each full collection walks all of them, and the collector runs again and again
    while they are made — a quarter of an import's time, a fifth of the quality checks'. The
    collector is switched back on when the last running block ends, if it was on before the first."""
    global _gc_pauses, _gc_was_enabled
    with _GC_LOCK:
        if _gc_pauses == 0:
            _gc_was_enabled = gc.isenabled()
            gc.disable()
        _gc_pauses += 1
    try:
        yield
    finally:
        with _GC_LOCK:
            _gc_pauses -= 1
            if _gc_pauses == 0 and _gc_was_enabled:
                gc.enable()
