"""A scratch PostgreSQL database per test module on the local server (127.0.0.1:5432, user postgres).

Outside CI the tests skip when no server answers; in CI (CI=true) an unreachable server fails them.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import psycopg
import pytest

from app import units
from app.catalogs import load_catalogs
from app.city.init import city_init
from app.db import open_database

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


# A small city database for the sync and crash tests: catalogs, four units, ``city init``; each test
# gets a copy (CREATE DATABASE … TEMPLATE) so tests never see each other's rows.
UNITS = (("DN", "UBND thành phố Đà Nẵng", None), ("DN.SNV", "Sở Nội vụ", "DN"),
         ("DN.SNV.CCVC", "Phòng Công chức, viên chức", "DN.SNV"), ("DN.P.HAICHAU", "UBND phường Hải Châu", "DN"))


@pytest.fixture(scope="module")
def city_template(pg_url: str) -> str:
    """The module's database prepared as a city database; each test copies it."""
    city = open_database(pg_url)
    with city.session("admin") as s:
        load_catalogs(s)
        for code, name, parent in UNITS:
            units.add_unit(s, code, name, parent)
    city_init(city)
    city.dispose()
    return pg_url


@pytest.fixture
def city_url(city_template: str) -> Iterator[str]:
    template = city_template.rsplit("/", 1)[1]
    name = f"hoso_city_{uuid.uuid4().hex[:10]}"
    with _admin() as admin:
        admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    url = city_template.rsplit("/", 1)[0] + "/" + name
    try:
        yield url
    finally:
        with _admin() as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
