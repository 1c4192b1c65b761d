"""A read-then-write action is not refused because another connection committed in between."""

from __future__ import annotations

import threading

from sqlalchemy import select, text

from models import Unit


def _write_between(db) -> None:  # noqa: ANN001
    with db.session() as other:
        other.execute(text("UPDATE units SET sort_order = sort_order + 1"))


def test_write_session_waits_instead_of_failing(db) -> None:
    with db.session(write=True) as s:
        s.scalars(select(Unit)).first()  # a read first
        other = threading.Thread(target=_write_between, args=(db,))
        other.start()
        other.join(0.3)
        assert other.is_alive()  # the other writer waits for our write lock
        s.execute(text("UPDATE units SET name = name"))
    other.join(5)
    assert not other.is_alive()


def test_plain_session_read_then_write_after_other_commit_is_refused(db) -> None:
    """What ``write=True`` prevents (documents SQLite's behaviour in WAL mode)."""
    import pytest
    from sqlalchemy.exc import OperationalError

    with pytest.raises(OperationalError, match="locked"):
        with db.session() as s:
            s.scalars(select(Unit)).first()
            _write_between(db)
            s.execute(text("UPDATE units SET name = name"))
