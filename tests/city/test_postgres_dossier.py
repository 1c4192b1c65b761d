"""The same schema, services and search on PostgreSQL (the city database)."""

from __future__ import annotations

import json

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

import models
from app import cli, people, search_pg, units
from app.catalogs import load_catalogs
from app.db import current_revision, head_revision, open_database
from app.errors import ValidationError
from app.history import person_history
from app.person_json import person_json
from app.search import search
from app.search_index import include_name
from tests.core.conftest import person_data

pytestmark = pytest.mark.city


@pytest.fixture(scope="module")
def pg(pg_url):
    db = open_database(pg_url)
    with db.session("city") as s:
        load_catalogs(s)
        units.add_unit(s, "DN", "UBND thành phố Đà Nẵng")
        units.add_unit(s, "DN.SNV", "Sở Nội vụ", "DN")
    yield db
    db.dispose()


def test_migrated_schema_matches_models(pg) -> None:
    assert current_revision(pg.engine) == head_revision()
    with pg.engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True,
                                                                       "include_name": include_name}),
                                models.Base.metadata) == []
        assert search_pg.has_indexes(conn)  # migration 0015: the trigram indexes (not in the models)


def test_dossier_round_trip_history_and_search(pg) -> None:
    with pg.session("clerk") as s:
        result = people.create_person(s, person_data(unit_code="DN.SNV"))
    with pg.session("head") as s:
        people.update_person(s, str(result.id), {"position": "Trưởng phòng"})
    with pg.session() as s:
        doc = person_json(s, result.id)
        changes = person_history(s, "048085001234")
        hits = search(s, "binh")
        by_unit = search(s, "noi vu")
    assert doc["full_name"] == "Nguyễn Văn Bình" and doc["position"] == "Trưởng phòng"
    assert len(doc["training"]) == 2 and doc["salary_coefficient"] == 3.66
    assert [c.field for c in changes if c.action == "update"] == ["position"]
    assert hits[0].cccd == "048085001234" and by_unit[0].cccd == "048085001234"


def test_refused_input_writes_nothing(pg) -> None:
    with pytest.raises(ValidationError):
        with pg.session() as s:
            people.create_person(s, person_data(cccd="048085009999", salary_step=15))
    with pg.session() as s:
        assert not search(s, "048085009999")


def test_vietnamese_sort_order_is_byte_order(pg) -> None:
    with pg.session() as s:
        for i, name in enumerate(["Lê Ơn", "Lê Ân", "Lê Ăn", "Lê An", "Đỗ Đông", "Lê Dung"]):
            people.create_person(s, {"cccd": f"04808500{i:04d}", "full_name": name, "birth_date": "1985-01-01",
                                     "sex": "Nam"})
    with pg.session() as s:
        names = [h.full_name for h in search(s, "", limit=None, unit_code=None) if h.unit_code is None]
    assert names == ["Lê An", "Lê Ăn", "Lê Ân", "Lê Dung", "Đỗ Đông", "Lê Ơn"]


def test_command_line_against_postgres(pg, pg_url, capsys) -> None:
    assert cli.run(["search", "binh", "--json", "--db", pg_url]) == 0
    hits = json.loads(capsys.readouterr().out)
    assert hits[0]["unit_code"] == "DN.SNV"
