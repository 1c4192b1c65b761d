"""Signed export packages: keys, manifest and signature, the round trip into a second database,
idempotence, and refusal (whole, nothing written) of tampered, foreign-signed and odd packages."""

from __future__ import annotations

import base64
import hashlib
import json
import shutil
import stat
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from sqlalchemy import func, select

from app import people, units
from app.attachments import add_attachment
from app.db import Database, head_revision, open_database
from app.errors import UserError
from app.package import FORMAT
from app.package.build import canonical, export_package
from app.package.importer import import_package, inspect_package
from app.package.keys import (
    PublicKeyInfo,
    fingerprint_of,
    key_path,
    public_key_info,
    raw_public,
    read_public_key,
    set_own_unit,
    signing_key,
    signing_unit,
    trust_key,
    trusted_keys,
    write_public_key,
)
from app.person_json import person_json
from models import ApprovedSnapshot, PackageReceipt, Person, Unit
from tests.core.conftest import make_database, person_data

DERIVED = ("completeness", "missing", "retirement_date", "next_salary_step_date")
PHOTO = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    """A migrated database with catalogs and the unit tree, made once; tests work on copies."""
    folder = tmp_path_factory.mktemp("package-template")
    make_database(folder).dispose()
    return folder / "hoso.sqlite"


def copy_of(template: Path, folder: Path) -> Database:
    folder.mkdir()
    shutil.copyfile(template, folder / "hoso.sqlite")
    return open_database(folder / "hoso.sqlite")


@pytest.fixture
def unit_db(template, tmp_path) -> Database:
    """The unit's desk: two people in DN.SNV and below, one deleted, one elsewhere (DN.P.HAICHAU)."""
    database = copy_of(template, tmp_path / "unit")
    with database.session("clerk") as s:
        first = people.create_person(s, person_data(unit_code="DN.SNV")).id
        people.create_person(s, person_data(cccd="048190000111", full_name="Trần Thị Mai", sex="Nữ",
                                            unit_code="DN.SNV.CCVC"))
        gone = people.create_person(s, person_data(cccd="048190000222", full_name="Lê Văn Tư",
                                                   unit_code="DN.SNV")).id
        people.create_person(s, person_data(cccd="048190000333", full_name="Phan Văn Ba", unit_code="DN.P.HAICHAU"))
        add_attachment(s, first, "anh.png", PHOTO, kind="photo")
    with database.session("clerk") as s:
        people.delete_person(s, str(gone))
    yield database
    database.dispose()


@pytest.fixture
def city_db(template, tmp_path) -> Database:
    """The Department's database, which trusts DN.SNV's key."""
    database = copy_of(template, tmp_path / "city")
    with database.session("snv") as s:
        trust_key(s, public_key_info("DN.SNV"), "snv")
    yield database
    database.dispose()


@pytest.fixture
def package(unit_db, tmp_path) -> Path:
    out = tmp_path / "goi.zip"
    export_package(unit_db, out, "DN.SNV", user="clerk")
    return out


def _members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist()}


def _rezip(src: Path, dst: Path, change: Callable[[dict[str, bytes]], None]) -> Path:
    members = _members(src)
    change(members)
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return dst


def _resign(members: dict[str, bytes], key: Ed25519PrivateKey, unit_code: str) -> None:
    """Re-make manifest, signature and signer.json for the members as they are now (a signer
    who changed the content and signed it with ``key``)."""
    manifest = json.loads(members["manifest.json"])
    manifest["members"] = {n: {"sha256": hashlib.sha256(d).hexdigest(), "size": len(d)}
                           for n, d in members.items() if n not in ("manifest.json", "manifest.sig", "signer.json")}
    data = canonical(manifest)
    raw = raw_public(key.public_key())
    members["manifest.json"], members["manifest.sig"] = data, key.sign(data)
    members["signer.json"] = canonical({"unit_code": unit_code, "fingerprint": fingerprint_of(raw),
                                        "public_key": base64.b64encode(raw).decode()})


def _person_member(members: dict[str, bytes], cccd: str) -> str:
    return next(n for n, d in members.items() if n.startswith("persons/") and json.loads(d).get("cccd") == cccd)


def _nothing_written(db: Database) -> None:
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Person)) == 0
        assert s.scalar(select(func.count()).select_from(PackageReceipt)) == 0


def _comparable(document: dict) -> dict:
    return {k: v for k, v in document.items() if k not in DERIVED}


# --- keys -----------------------------------------------------------------------------------------

def test_signing_key_is_made_once_private_and_outside_the_database(unit_db) -> None:
    first = raw_public(signing_key("DN.SNV").public_key())
    assert raw_public(signing_key("DN.SNV").public_key()) == first
    path = key_path("DN.SNV")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    info = public_key_info("DN.SNV")
    assert info.fingerprint == hashlib.sha256(first).hexdigest()
    assert base64.b64decode(info.public_key) == first
    assert raw_public(signing_key("DN.P.HAICHAU").public_key()) != first  # one key per unit


def test_public_key_file_is_read_back_and_trusted_once(city_db, tmp_path) -> None:
    path = tmp_path / "haichau.pub"
    write_public_key(path, public_key_info("DN.P.HAICHAU", "UBND phường Hải Châu"))
    info = read_public_key(path)
    assert info.unit_code == "DN.P.HAICHAU"
    with city_db.session() as s:
        assert trust_key(s, info, "snv") is True
        assert trust_key(s, info, "snv") is False
    with city_db.session() as s:
        assert {k.unit_code for k in trusted_keys(s)} == {"DN.SNV", "DN.P.HAICHAU"}


def test_a_public_key_file_whose_fingerprint_does_not_match_is_refused(tmp_path) -> None:
    path = tmp_path / "k.pub"
    document = public_key_info("DN.SNV").as_json()
    document["fingerprint"] = "0" * 64
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(UserError, match="dấu vân tay không khớp"):
        read_public_key(path)


def test_a_file_that_is_not_a_public_key_is_refused_in_vietnamese(tmp_path) -> None:
    path = tmp_path / "hostname"
    path.write_text("may-tinh-so-noi-vu\n", encoding="utf-8")
    with pytest.raises(UserError, match="không phải tệp khoá công khai HoSo"):
        read_public_key(path)


def test_the_signer_is_the_unit_asked_for_else_the_own_unit_else_refused(db) -> None:
    with db.session() as s:
        with pytest.raises(UserError, match="--unit"):
            signing_unit(s, None)
        assert signing_unit(s, "DN.SNV.CCVC") == "DN.SNV.CCVC"
        set_own_unit(s, "DN.SNV")
        assert signing_unit(s, None) == "DN.SNV"
        with pytest.raises(UserError, match="XX"):
            signing_unit(s, "XX")


# --- export ---------------------------------------------------------------------------------------

def test_the_package_holds_the_unit_tree_signed(package, unit_db) -> None:
    members = _members(package)
    manifest = json.loads(members["manifest.json"])
    assert manifest["format"] == FORMAT
    assert manifest["unit"] == {"code": "DN.SNV", "name": "Sở Nội vụ"}
    assert manifest["schema_version"] == head_revision()
    assert manifest["counts"] == {"persons": 2, "deleted": 1, "attachments": 1}
    assert {u["code"] for u in manifest["units"]} == {"DN.SNV", "DN.SNV.CCVC"}
    listed = set(manifest["members"])
    assert listed == set(members) - {"manifest.json", "manifest.sig", "signer.json"}
    assert f"attachments/{hashlib.sha256(PHOTO).hexdigest()}" in listed
    for name, data in members.items():
        if name in listed:
            assert manifest["members"][name] == {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
    cccds = {json.loads(members[n]).get("cccd") for n in listed if n.startswith("persons/")}
    assert cccds == {"048085001234", "048190000111", "048190000222"}  # not Hải Châu's
    signer = json.loads(members["signer.json"])
    public = Ed25519PublicKey.from_public_bytes(base64.b64decode(signer["public_key"]))
    public.verify(members["manifest.sig"], members["manifest.json"])  # raises if it does not verify
    assert signer["fingerprint"] == public_key_info("DN.SNV").fingerprint
    assert not list(package.parent.glob("*.part"))


def test_only_the_approved_version_leaves(unit_db, tmp_path) -> None:
    with unit_db.session() as s:
        mai = people.find_person(s, "048190000111")
        approved = person_json(s, mai.id)
        s.add(ApprovedSnapshot(person_id=mai.id, version=mai.version, document=approved, approved_by="head"))
        binh = people.find_person(s, "048085001234")
        mai.review_state = binh.review_state = "submitted"  # Bình was never approved
    with unit_db.session() as s:
        people.update_person(s, "048190000111", {"position": "Trưởng phòng"})
    out = export_package(unit_db, tmp_path / "p.zip", "DN.SNV").path
    documents = [json.loads(d) for n, d in _members(out).items() if n.startswith("persons/")]
    by_cccd = {d["cccd"]: d for d in documents}
    assert "048085001234" not in by_cccd
    assert by_cccd["048190000111"]["position"] == approved["position"] != "Trưởng phòng"


def test_an_export_without_a_unit_is_refused_and_leaves_no_file(unit_db, tmp_path) -> None:
    with pytest.raises(UserError, match="--unit"):
        export_package(unit_db, tmp_path / "x.zip")
    assert list(tmp_path.glob("*.zip")) == [] and list(tmp_path.glob(".hoso-package-*")) == []


# --- import ---------------------------------------------------------------------------------------

def test_round_trip_into_a_second_database_then_again_changes_nothing(package, unit_db, city_db) -> None:
    info = inspect_package(city_db, package)
    assert (info.unit_code, info.persons, info.deleted, info.imported_at) == ("DN.SNV", 2, 1, None)
    summary = import_package(city_db, package, user="snv")
    assert (summary.inserted, summary.rejected, summary.problems) == (2, 0, [])
    with unit_db.session() as s:
        ids = {p.cccd: p.id for p in s.scalars(select(Person).where(Person.deleted_at.is_(None)))}
        sent = {c: _comparable(person_json(s, ids[c])) for c in ("048085001234", "048190000111")}
    with city_db.session() as s:
        for cccd, document in sent.items():
            assert _comparable(person_json(s, ids[cccd])) == document
        photo = s.scalars(select(Person).where(Person.cccd == "048085001234")).one().attachments[0]
        assert photo.content == PHOTO
    again = import_package(city_db, package)
    assert again.already_imported and (again.inserted, again.updated) == (0, 0)
    assert inspect_package(city_db, package).imported_at is not None


def test_another_package_of_the_same_records_is_unchanged_record_by_record(package, city_db, tmp_path) -> None:
    first = import_package(city_db, package)
    assert (first.inserted, first.unchanged) == (2, 1)  # the tombstone of someone the city never had
    other = tmp_path / "other.zip"  # the same signed members, another file (another hash)
    with zipfile.ZipFile(package) as src, zipfile.ZipFile(other, "w") as dst:
        for item in src.infolist():
            dst.writestr(item, src.read(item))
        dst.comment = b"copy"
    summary = import_package(city_db, other)
    assert not summary.already_imported
    assert (summary.inserted, summary.updated, summary.deleted, summary.unchanged) == (0, 0, 0, 3)


def test_a_changed_byte_in_a_record_refuses_the_whole_package(package, city_db, tmp_path) -> None:
    def change(members: dict[str, bytes]) -> None:
        name = _person_member(members, "048190000111")
        members[name] = members[name].replace(b"Mai", "Mại".encode(), 1)

    bad = _rezip(package, tmp_path / "bad.zip", change)
    with pytest.raises(UserError, match=r"persons/.*đã bị sửa"):
        import_package(city_db, bad)
    _nothing_written(city_db)


def test_a_changed_manifest_is_refused(package, city_db, tmp_path) -> None:
    def change(members: dict[str, bytes]) -> None:
        members["manifest.json"] = members["manifest.json"].replace(b'"deleted":1', b'"deleted":0')

    with pytest.raises(UserError, match="chữ ký số không khớp"):
        import_package(city_db, _rezip(package, tmp_path / "bad.zip", change))
    _nothing_written(city_db)


def test_a_package_signed_by_an_untrusted_key_is_refused(package, city_db, tmp_path) -> None:
    stranger = Ed25519PrivateKey.generate()

    def change(members: dict[str, bytes]) -> None:
        _resign(members, stranger, "DN.SNV")

    with pytest.raises(UserError, match="khoá chưa được Sở Nội vụ tin cậy"):
        import_package(city_db, _rezip(package, tmp_path / "bad.zip", change))
    _nothing_written(city_db)


def test_a_unit_cannot_send_records_of_another_unit(package, city_db, tmp_path) -> None:
    def change(members: dict[str, bytes]) -> None:
        name = _person_member(members, "048190000111")
        document = json.loads(members[name])
        document["unit_code"] = "DN.P.HAICHAU"
        members[name] = canonical(document)
        _resign(members, signing_key("DN.SNV"), "DN.SNV")

    with pytest.raises(UserError, match="DN.P.HAICHAU"):
        import_package(city_db, _rezip(package, tmp_path / "bad.zip", change))
    _nothing_written(city_db)


def test_a_key_trusted_for_one_unit_cannot_sign_for_another(package, city_db, tmp_path) -> None:
    with city_db.session() as s:
        trust_key(s, public_key_info("DN.P.HAICHAU"), "snv")

    def change(members: dict[str, bytes]) -> None:
        _resign(members, signing_key("DN.P.HAICHAU"), "DN.P.HAICHAU")

    with pytest.raises(UserError, match="được ký bằng khoá của đơn vị DN.P.HAICHAU"):
        import_package(city_db, _rezip(package, tmp_path / "bad.zip", change))
    _nothing_written(city_db)


@pytest.mark.parametrize("name", ["persons/00000000-0000-0000-0000-000000000000.json", "ghi-chu.txt",
                                  "../../etc/evil.json", "/tmp/evil.json"])
def test_an_unlisted_or_unsafe_member_is_refused(package, city_db, tmp_path, name) -> None:
    def change(members: dict[str, bytes]) -> None:
        members[name] = b"{}"

    with pytest.raises(UserError, match="không có trong danh sách|không thuộc cấu trúc|không an toàn") as refused:
        import_package(city_db, _rezip(package, tmp_path / "bad.zip", change))
    assert name.lstrip("/").split("/")[-1] in str(refused.value)
    _nothing_written(city_db)


def test_a_missing_member_is_refused(package, city_db, tmp_path) -> None:
    def change(members: dict[str, bytes]) -> None:
        del members[_person_member(members, "048190000111")]

    with pytest.raises(UserError, match="thiếu tệp 'persons/"):
        import_package(city_db, _rezip(package, tmp_path / "bad.zip", change))
    _nothing_written(city_db)


def test_an_unknown_schema_version_is_refused(package, city_db, tmp_path) -> None:
    def change(members: dict[str, bytes]) -> None:
        manifest = json.loads(members["manifest.json"])
        manifest["schema_version"] = "9999"
        members["manifest.json"] = canonical(manifest)
        _resign(members, signing_key("DN.SNV"), "DN.SNV")

    with pytest.raises(UserError, match="9999"):
        import_package(city_db, _rezip(package, tmp_path / "bad.zip", change))


def test_a_compression_bomb_is_refused_before_it_is_read(package, city_db, tmp_path) -> None:
    def change(members: dict[str, bytes]) -> None:
        members[f"attachments/{'0' * 64}"] = b"\x00" * (8 * 1024 * 1024)

    with pytest.raises(UserError, match="bom nén"):
        import_package(city_db, _rezip(package, tmp_path / "bad.zip", change))


def test_a_file_that_is_not_a_zip_is_refused(city_db, tmp_path) -> None:
    path = tmp_path / "x.zip"
    path.write_bytes(b"not a zip")
    with pytest.raises(UserError, match="không phải gói zip"):
        import_package(city_db, path)


def test_the_export_is_in_the_access_log(package, unit_db) -> None:
    from models import AccessLog

    with unit_db.session() as s:
        rows = s.scalars(select(AccessLog).where(AccessLog.action == "export")).all()
    assert len(rows) == 1 and rows[0].by == "clerk" and "DN.SNV" in rows[0].detail


def test_an_approved_version_from_another_unit_is_left_out_and_reported(unit_db, city_db, tmp_path) -> None:
    with unit_db.session() as s:
        mai = people.find_person(s, "048190000111")
        before = person_json(s, mai.id) | {"unit_code": "DN.P.HAICHAU"}  # approved before the transfer in
        s.add(ApprovedSnapshot(person_id=mai.id, version=mai.version, document=before, approved_by="head"))
        mai.review_state = "submitted"
    result = export_package(unit_db, tmp_path / "p.zip", "DN.SNV")
    assert [(r["cccd"], r["unit_code"]) for r in result.skipped] == [("048190000111", "DN.P.HAICHAU")]
    assert result.persons == 1
    assert import_package(city_db, result.path).inserted == 1  # the rest is accepted


def test_an_untrusted_key_no_longer_opens_packages(package, city_db) -> None:
    from app.package.keys import untrust_key

    with city_db.session() as s:
        assert untrust_key(s, public_key_info("DN.SNV").fingerprint) == "DN.SNV"
    with pytest.raises(UserError, match="chưa được Sở Nội vụ tin cậy"):
        inspect_package(city_db, package)


def test_a_package_with_records_left_out_may_be_imported_again(package, template, tmp_path) -> None:
    """A Department that does not know DN.SNV yet: the records are refused (not the package);
    once the unit is added the same package is taken, and only then is it "imported before"."""
    bare = copy_of(template, tmp_path / "bare")
    with bare.session() as s:
        trust_key(s, public_key_info("DN.SNV"), "snv")
        for code in ("DN.SNV.CCVC", "DN.SNV"):
            s.delete(s.scalars(select(Unit).where(Unit.code == code)).one())
    first = import_package(bare, package)
    assert (first.inserted, first.rejected) == (0, 2)
    assert "DN.SNV" in first.problems[0]["message"]
    with bare.session() as s:
        units.add_unit(s, "DN.SNV", "Sở Nội vụ", "DN")
    second = import_package(bare, package)
    assert not second.already_imported
    assert (second.inserted, second.units_added) == (2, ["DN.SNV.CCVC"])
    assert import_package(bare, package).already_imported
    bare.dispose()


def test_a_crafted_signer_file_is_refused_without_a_traceback(package, city_db, tmp_path) -> None:
    def change(members: dict[str, bytes]) -> None:
        members["signer.json"] = b"[" * 30000 + b"]" * 30000

    with pytest.raises(UserError, match="signer.json"):
        import_package(city_db, _rezip(package, tmp_path / "bad.zip", change))


def test_a_tombstone_may_not_delete_a_person_of_another_unit(package, city_db, tmp_path) -> None:
    """The unit of a deleted person is the one the Department knows (checked in one query)."""
    with city_db.session("snv") as s:
        other = people.create_person(s, person_data(cccd="048190000444", full_name="Võ Văn Năm",
                                                    unit_code="DN.P.HAICHAU"))
        target = str(other.id)

    def change(members: dict[str, bytes]) -> None:
        members[f"persons/{target}.json"] = canonical({"id": target, "cccd": "048190000444", "version": 9,
                                                      "deleted_at": "2026-01-01T00:00:00+00:00",
                                                      "updated_at": "2026-01-01T00:00:00+00:00"})
        manifest = json.loads(members["manifest.json"])
        manifest["counts"]["deleted"] += 1
        members["manifest.json"] = canonical(manifest)
        _resign(members, signing_key("DN.SNV"), "DN.SNV")

    with pytest.raises(UserError, match=rf"persons/{target}\.json' xoá hồ sơ của đơn vị DN.P.HAICHAU"):
        import_package(city_db, _rezip(package, tmp_path / "bad.zip", change))
    with city_db.session() as s:
        assert s.get(Person, other.id).deleted_at is None
        assert s.scalar(select(func.count()).select_from(PackageReceipt)) == 0


# --- the Department's change history --------------------------------------------------------------

def _history(db: Database, cccd: str) -> list[tuple[str, str, str, str | None]]:
    from app.history import person_history

    with db.session() as s:
        return [(c.action, c.field, c.by, c.new) for c in person_history(s, cccd)]


def test_each_record_written_by_an_import_has_a_history_entry(package, unit_db, city_db, tmp_path) -> None:
    first = import_package(city_db, package, user="snv")
    note = f"nhập từ gói {first.package[:12]} của đơn vị DN.SNV"
    assert _history(city_db, "048085001234") == [("create", "package", "snv", note)]
    assert _history(city_db, "048190000111") == [("create", "package", "snv", note)]
    from app.security.principal import Principal
    from app.services import HoSoService

    shown = HoSoService(city_db, principal=Principal("xem", "viewer", None, True)).people.history("048085001234")
    assert [(c.label, c.new) for c in shown] == [("Nhập gói hồ sơ", note)]  # as the history dialog shows it
    with unit_db.session("clerk") as s:
        people.update_person(s, "048085001234", {"position": "Phó Giám đốc"})
        people.delete_person(s, "048190000111")
    second = import_package(city_db, export_package(unit_db, tmp_path / "p2.zip", "DN.SNV").path, user="lan")
    assert (second.updated, second.deleted, second.unchanged) == (1, 1, 1)
    note2 = f"nhập từ gói {second.package[:12]} của đơn vị DN.SNV"
    assert _history(city_db, "048085001234")[1:] == [("update", "package", "lan", note2)]
    assert _history(city_db, "048190000111")[1:] == [("delete", "package", "lan", note2)]
    with city_db.session() as s:  # nothing for the record left unchanged (the tombstone of Tư)
        from models import ChangeLog
        assert s.scalar(select(func.count()).select_from(ChangeLog).where(ChangeLog.field == "package")) == 4


# --- permissions ----------------------------------------------------------------------------------

@pytest.mark.parametrize("role", ["viewer", "clerk", "head"])
def test_only_an_administrator_may_export_or_import_a_package(package, unit_db, city_db, tmp_path, role) -> None:
    from app.package import trust
    from app.security.principal import Principal

    someone = Principal("nv", role, frozenset())
    with pytest.raises(UserError, match="không được lập gói dữ liệu"):
        export_package(unit_db, tmp_path / "x.zip", "DN.SNV", principal=someone)
    assert not (tmp_path / "x.zip").exists()
    with pytest.raises(UserError, match="không được lập gói dữ liệu"):
        import_package(city_db, package, principal=someone)
    with pytest.raises(UserError, match="không được lập gói dữ liệu"):
        inspect_package(city_db, package, principal=someone)
    with pytest.raises(UserError, match="không được lập gói dữ liệu"):
        trust.untrust(city_db, public_key_info("DN.SNV").fingerprint, principal=someone)
    _nothing_written(city_db)
    admin = Principal("qtv", "admin", None, is_city_readonly=True)  # the Department's administrator
    assert import_package(city_db, package, principal=admin).inserted == 2


# --- the trusted keys, as the dialog uses them ----------------------------------------------------

def test_a_key_file_is_described_before_it_is_trusted_and_trust_changes_are_logged(city_db, tmp_path) -> None:
    from app.package import trust
    from models import AccessLog

    path = tmp_path / "haichau.pub"
    write_public_key(path, public_key_info("DN.P.HAICHAU", "Phường Hải Châu"))
    candidate = trust.read_candidate(city_db, path)
    assert (candidate.info.unit_code, candidate.unit_name) == ("DN.P.HAICHAU", "UBND phường Hải Châu")
    assert (candidate.already_trusted, candidate.other_keys, candidate.trusted_for) == (False, (), None)
    assert trust.trust(city_db, candidate.info, user="snv") is True
    assert trust.read_candidate(city_db, path).already_trusted
    assert trust.trust(city_db, candidate.info, user="snv") is False
    rows = trust.list_keys(city_db)
    assert [(k.unit_code, k.unit_name, k.added_by) for k in rows] == [
        ("DN.P.HAICHAU", "UBND phường Hải Châu", "snv"), ("DN.SNV", "Sở Nội vụ", "snv")]
    assert trust.untrust(city_db, candidate.info.fingerprint.upper(), user="lan") == "DN.P.HAICHAU"
    assert [k.unit_code for k in trust.list_keys(city_db)] == ["DN.SNV"]
    with city_db.session() as s:
        logged = [(r.action, r.by) for r in s.scalars(select(AccessLog).order_by(AccessLog.id))
                  if r.action.endswith("trust_key") and candidate.info.fingerprint in (r.detail or "")]
    assert logged == [("trust_key", "snv"), ("untrust_key", "lan")]


def test_a_second_key_for_a_unit_and_a_key_of_an_unknown_unit_are_pointed_out(city_db, tmp_path) -> None:
    from app.package import trust

    new_key = Ed25519PrivateKey.generate()
    raw = raw_public(new_key.public_key())
    info = PublicKeyInfo("DN.SNV", fingerprint_of(raw), base64.b64encode(raw).decode(), "Sở Nội vụ")
    write_public_key(tmp_path / "new.pub", info)
    candidate = trust.read_candidate(city_db, tmp_path / "new.pub")
    assert candidate.other_keys == (public_key_info("DN.SNV").fingerprint,)
    stranger = PublicKeyInfo("XA.MOI", info.fingerprint, info.public_key, "Xã mới")
    write_public_key(tmp_path / "xa.pub", stranger)
    described = trust.read_candidate(city_db, tmp_path / "xa.pub")
    assert described.unit_name is None and described.trusted_for is None
    trust.trust(city_db, info)
    assert trust.read_candidate(city_db, tmp_path / "xa.pub").trusted_for == "DN.SNV"
    with pytest.raises(UserError, match="đã được tin cậy cho đơn vị DN.SNV"):
        trust.trust(city_db, stranger)
