"""A signed package imported into the city PostgreSQL database: the records arrive equal, a second
import changes nothing, a tampered package writes nothing."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator

import pytest
from sqlalchemy import func, select, text

from app import people, units
from app.attachments import add_attachment
from app.catalogs import load_catalogs
from app.city.apply import as_datetime
from app.db import Database, open_database
from app.errors import UserError
from app.history import person_history
from app.package.build import export_package
from app.package.importer import import_package
from app.package.keys import public_key_info, trust_key
from app.person_json import person_json
from models import PackageReceipt, Person
from tests.core.conftest import make_database, person_data

pytestmark = pytest.mark.city
DERIVED = ("completeness", "missing", "retirement_date", "next_salary_step_date")
PHOTO = b"\xff\xd8\xff\xe0" + bytes(range(256)) * 8


@pytest.fixture(scope="module")
def city(pg_url) -> Iterator[Database]:
    db = open_database(pg_url)
    with db.session("snv") as s:
        load_catalogs(s)
        units.add_unit(s, "DN", "UBND thành phố Đà Nẵng")
        units.add_unit(s, "DN.SNV", "Sở Nội vụ", "DN")
    yield db
    db.dispose()


@pytest.fixture
def desk(tmp_path, city) -> Iterator[Database]:
    """DN.SNV's desk (its key trusted by the city); its sub-unit DN.SNV.CCVC is not known at the city yet."""
    with city.session("snv") as s:  # the key lives in this test's data folder
        trust_key(s, public_key_info("DN.SNV"), "snv")
    (tmp_path / "desk").mkdir()
    db = make_database(tmp_path / "desk")
    with db.session("clerk") as s:
        first = people.create_person(s, person_data(unit_code="DN.SNV")).id
        people.create_person(s, person_data(cccd="048190000111", full_name="Trần Thị Mai", sex="Nữ",
                                            unit_code="DN.SNV.CCVC"))
        add_attachment(s, first, "anh.jpg", PHOTO, kind="photo")
    yield db
    db.dispose()


def _comparable(document: dict) -> dict:
    """Derived keys left out; ``updated_at`` as an instant (SQLite gives it without the offset)."""
    return {k: as_datetime(v) if k == "updated_at" else v for k, v in document.items() if k not in DERIVED}


def _count(db: Database) -> tuple[int, int]:
    with db.session() as s:
        return (s.scalar(select(func.count()).select_from(Person)),
                s.scalar(select(func.count()).select_from(PackageReceipt)))


def test_a_tampered_package_writes_nothing_in_postgresql(city, desk, tmp_path) -> None:
    good = export_package(desk, tmp_path / "goi.zip", "DN.SNV").path
    bad = tmp_path / "bad.zip"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bad, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            dst.writestr(item, data.replace(b"Mai", "Mại".encode()) if item.filename.startswith("persons/") else data)
    before = _count(city)
    with pytest.raises(UserError, match="đã bị sửa"):
        import_package(city, bad)
    assert _count(city) == before


def test_round_trip_into_postgresql_equal_records_then_idempotent(city, desk, tmp_path) -> None:
    package = export_package(desk, tmp_path / "goi.zip", "DN.SNV").path
    summary = import_package(city, package, user="snv")
    assert (summary.inserted, summary.rejected, summary.problems) == (2, 0, [])
    assert summary.units_added == ["DN.SNV.CCVC"]
    with desk.session() as s:
        ids = list(s.scalars(select(Person.id)))
        sent = {i: _comparable(person_json(s, i)) for i in ids}
    with city.session() as s:
        for person_id, document in sent.items():
            assert _comparable(person_json(s, person_id)) == document
        content = s.execute(text("SELECT content FROM attachments WHERE kind = 'photo'")).scalar_one()
        assert bytes(content) == PHOTO
        for person_id in ids:  # one history entry per record, by the importing user
            history = [(c.action, c.field, c.by, c.new) for c in person_history(s, str(person_id))]
            assert history == [("create", "package", "snv", f"nhập từ gói {summary.package[:12]} của đơn vị DN.SNV")]
    assert import_package(city, package).already_imported
    assert _count(city) == (2, 1)
