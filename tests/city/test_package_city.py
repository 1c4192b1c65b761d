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


# --- crafted packages re-signed with the unit's own trusted key (issue 12) -------------------------

def _members(path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist()}


def _crafted(src, dst, change) -> object:
    """``src`` changed by ``change(members, manifest)`` and re-signed with DN.SNV's own (trusted) key."""
    import base64
    import hashlib
    import json

    from app.package.build import canonical
    from app.package.keys import fingerprint_of, raw_public, signing_key

    members = _members(src)
    manifest = json.loads(members["manifest.json"])
    change(members, manifest)
    manifest["members"] = {n: {"sha256": hashlib.sha256(d).hexdigest(), "size": len(d)}
                           for n, d in members.items() if n not in ("manifest.json", "manifest.sig", "signer.json")}
    manifest["counts"]["persons"] = sum(1 for n, d in members.items() if n.startswith("persons/")
                                        and "full_name" in json.loads(d))
    manifest["counts"]["deleted"] = sum(1 for n, d in members.items() if n.startswith("persons/")
                                        and "full_name" not in json.loads(d))
    key = signing_key("DN.SNV")
    data = canonical(manifest)
    raw = raw_public(key.public_key())
    members["manifest.json"], members["manifest.sig"] = data, key.sign(data)
    members["signer.json"] = canonical({"unit_code": "DN.SNV", "fingerprint": fingerprint_of(raw),
                                        "public_key": base64.b64encode(raw).decode()})
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return dst


def _city_contents(db: Database) -> dict:
    with db.session() as s:
        tables = s.scalars(text("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")).all()
        return {t: s.execute(text(f'SELECT count(*), coalesce(md5(string_agg(x::text, \'|\' ORDER BY x::text)), \'\') '
                                  f'FROM "{t}" x')).one() for t in tables}


@pytest.fixture
def other_unit(city) -> Iterator[dict]:
    """Unit B (DN.B, not DN.SNV's) with one person at the city, as the Department knows it."""
    with city.session("snv") as s:
        if s.scalar(select(func.count()).select_from(text("units")).where(text("code = 'DN.B'"))) == 0:
            units.add_unit(s, "DN.B", "Đơn vị B", "DN")
        existing = s.scalar(select(Person.id).where(Person.cccd == "048190009999"))
        person = existing or people.create_person(s, person_data(cccd="048190009999", full_name="Phạm Thị Bé",
                                                                 sex="Nữ", unit_code="DN.B")).id
    with city.session() as s:
        document = person_json(s, person)
    yield document  # no session held open meanwhile (city init in a test needs the tables' locks)


def _refused(city, package, pattern: str) -> None:
    before = _city_contents(city)
    with pytest.raises(UserError, match=pattern):
        import_package(city, package, user="snv")
    assert _city_contents(city) == before


def test_a_package_rewriting_and_moving_another_units_person_is_refused(city, desk, other_unit, tmp_path) -> None:
    import json

    from app.package.build import canonical

    good = export_package(desk, tmp_path / "goi.zip", "DN.SNV").path

    def rewrite(members, manifest) -> None:
        doc = dict(other_unit, full_name="Tên Bị Sửa", unit_code="DN.SNV", version=other_unit["version"] + 3)
        members[f"persons/{doc['id']}.json"] = canonical(doc)

    _refused(city, _crafted(good, tmp_path / "rewrite.zip", rewrite),
             rf"persons/{other_unit['id']}\.json' ghi đè hồ sơ của đơn vị DN\.B")

    def delete(members, manifest) -> None:
        members[f"persons/{other_unit['id']}.json"] = canonical(
            {"id": other_unit["id"], "cccd": other_unit["cccd"], "unit_code": "DN.SNV", "version": 99,
             "deleted_at": "2026-11-01T00:00:00+00:00", "updated_at": "2026-11-01T00:00:00+00:00"})

    _refused(city, _crafted(good, tmp_path / "delete.zip", delete),
             rf"persons/{other_unit['id']}\.json' xoá hồ sơ của đơn vị DN\.B")
    assert json.loads(json.dumps(other_unit))  # B's person as it was (compared above, table by table)


def test_a_package_taking_another_persons_row_is_refused(city, desk, other_unit, tmp_path) -> None:
    import json

    from app.package.build import canonical

    good = export_package(desk, tmp_path / "goi.zip", "DN.SNV").path

    def steal(members, manifest) -> None:
        name = next(n for n in members if n.startswith("persons/"))
        doc = json.loads(members[name])
        doc["training"] = [dict(other_unit["training"][0])]
        members[name] = canonical(doc)

    # the desk's records may or may not be at the city already (module-wide database): either way
    # B's training row is not theirs
    _refused(city, _crafted(good, tmp_path / "row.zip", steal), "đã thuộc một hồ sơ khác")


def test_a_package_creates_no_unit_outside_the_signers_subtree(city, desk, other_unit, tmp_path) -> None:
    import json

    from app.package.build import canonical

    good = export_package(desk, tmp_path / "goi.zip", "DN.SNV").path

    def rogue(members, manifest) -> None:
        manifest["units"] += [{"code": "DN.ROGUE", "name": "Giả", "parent": "DN"},
                              {"code": "DN.B.GIA", "name": "Giả dưới B", "parent": "DN.B"},
                              {"code": "DN.B", "name": "B dời về SNV", "parent": "DN.SNV"},
                              {"code": "DN.B.CON", "name": "Con của B", "parent": "DN.B"}]
        name = next(n for n in members if n.startswith("persons/") and "full_name" in json.loads(members[n]))
        doc = json.loads(members[name])
        doc["unit_code"] = "DN.B.CON"
        members[name] = canonical(doc)

    _refused(city, _crafted(good, tmp_path / "units.zip", rogue), "thuộc đơn vị DN.B.CON, không phải đơn vị DN.SNV")

    def declared_only(members, manifest) -> None:
        manifest["units"] += [{"code": "DN.ROGUE", "name": "Giả", "parent": "DN"},
                              {"code": "DN.B.GIA", "name": "Giả dưới B", "parent": "DN.B"}]

    import_package(city, _crafted(good, tmp_path / "declared.zip", declared_only), user="snv")
    with city.session() as s:
        codes = set(s.scalars(text("SELECT code FROM units")))
        parent_of_b = s.scalar(text("SELECT p.code FROM units u JOIN units p ON p.id = u.parent_id WHERE u.code = 'DN.B'"))
    assert "DN.ROGUE" not in codes and "DN.B.GIA" not in codes and parent_of_b == "DN"


def test_a_cccd_held_by_another_units_person_is_a_generic_refusal_on_the_conflicts_list(
        city, desk, other_unit, tmp_path) -> None:
    """Issue 12: a package's record whose CCCD the city holds for another unit's person is refused
    with the sync's generic message and goes on the Department's list of identity conflicts."""
    import uuid

    from app.city.api_sql import COLLISION
    from app.city.conflicts import identity_conflicts
    from app.city.init import city_init

    city_init(city)  # a city database (the conflicts list is the city's)
    with desk.session("clerk") as s:
        clash = people.create_person(s, person_data(cccd=other_unit["cccd"], full_name="Người Trùng Số",
                                                    unit_code="DN.SNV")).id
    package = export_package(desk, tmp_path / "trung.zip", "DN.SNV").path
    before = {c.id for c in identity_conflicts(city)}
    summary = import_package(city, package, user="snv")
    refused = [p for p in summary.problems if p["id"] == str(clash)]
    assert summary.rejected >= 1 and len(refused) == 1
    assert refused[0]["message"] == COLLISION and "collision" not in refused[0]
    assert other_unit["cccd"] not in refused[0]["message"]
    # (earlier tests of this module imported other desks whose records share the default CCCDs:
    # those clash too and are listed as well)
    new = [c for c in identity_conflicts(city) if c.id not in before and c.person_id == clash]
    assert len(new) == 1
    conflict = new[0]
    assert (conflict.kind, conflict.person_id, conflict.cccd, conflict.unit_code) == \
        ("cccd", clash, other_unit["cccd"], "DN.SNV")
    assert conflict.holder_id == uuid.UUID(other_unit["id"]) and conflict.holder_unit == "DN.B"
    assert conflict.role.startswith("gói DN.SNV")
    with city.session() as s:  # B's person untouched, the clashing dossier not written
        assert s.get(Person, clash) is None
        assert s.get(Person, uuid.UUID(other_unit["id"])).full_name == other_unit["full_name"]
