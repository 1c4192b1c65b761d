"""A scratch PostgreSQL database per test module on the local server (127.0.0.1:5432, user postgres).

Outside CI the tests skip when no server answers; in CI (CI=true) an unreachable server fails them.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import psycopg
import pytest

SERVER = os.environ.get("HOSO_TEST_PG", "postgresql://postgres@127.0.0.1:5432/postgres")


def _admin() -> psycopg.Connection:
    return psycopg.connect(SERVER, autocommit=True, connect_timeout=5)


@pytest.fixture(scope="module")
def pg_url() -> Iterator[str]:
    try:
        admin = _admin()
    except psycopg.OperationalError as exc:
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL is required in CI: {exc}")
        pytest.skip(f"no PostgreSQL server reachable: {exc}")
    name = f"hoso_test_{uuid.uuid4().hex[:10]}"
    admin.execute(f'CREATE DATABASE "{name}" ENCODING \'UTF8\' TEMPLATE template0')
    base = SERVER.rsplit("/", 1)[0].replace("postgresql://", "postgresql+psycopg://")
    try:
        yield f"{base}/{name}"
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()
