"""A pooled connection to the server is checked before use without a round trip while it is
surely alive (used moments ago, nothing unread on its socket), and pinged otherwise: a connection
the server ended is replaced before the session sees it (``app.db._check_before_use``)."""

from __future__ import annotations

import psycopg
import pytest
from sqlalchemy import text

from app import db as db_module
from app.db import make_engine
from tests.city.conftest import SERVER


@pytest.fixture
def engine(pg_url, monkeypatch):
    engine = make_engine(pg_url)
    pings: list[int] = []
    real = engine.dialect.do_ping
    monkeypatch.setattr(engine.dialect, "do_ping", lambda conn: pings.append(1) or real(conn))
    engine.pings = pings
    yield engine
    engine.dispose()


def _backend(engine) -> int:
    with engine.connect() as conn:
        return conn.execute(text("SELECT pg_backend_pid()")).scalar_one()


def test_a_connection_used_moments_ago_is_not_pinged(engine) -> None:
    first = _backend(engine)
    assert [_backend(engine) for _ in range(3)] == [first] * 3
    assert engine.pings == []  # pool_pre_ping would have sent SELECT 1 three times


def test_a_connection_the_server_ended_is_replaced_before_use(engine) -> None:
    first = _backend(engine)
    with psycopg.connect(SERVER, autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", (first,))
    for _ in range(50):  # the goodbye reaches the socket
        with psycopg.connect(SERVER, autocommit=True) as admin:
            if not admin.execute("SELECT 1 FROM pg_stat_activity WHERE pid = %s", (first,)).fetchone():
                break
    second = _backend(engine)  # no error: the pool found it dead and connected again
    assert second != first and len(engine.pings) == 1


def test_a_connection_idle_for_long_is_pinged(engine, monkeypatch) -> None:
    first = _backend(engine)
    monkeypatch.setattr(db_module, "PING_AFTER_S", 0.0)
    assert _backend(engine) == first and engine.pings == [1]
