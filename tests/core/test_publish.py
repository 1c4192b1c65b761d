"""What leaves the desk (approved versions only) and applying documents into a SQLite database
(the package import path: no bases, a higher version at the target is a conflict)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select, update

from app import attachments, people
from app.city.apply import apply_documents
from app.person_json import person_json
from app.publish import outgoing_documents
from models import ApprovedSnapshot, Attachment, ChangeLog, Person, Placement, Training
from tests.core.conftest import make_database, person_data

PHOTO = b"\x89PNG\r\n\x1a\n" + b"x" * 100


def _make(db, cccd: str = "048085000001"):
    with db.session("clerk") as s:
        return people.create_person(s, person_data(cccd=cccd, unit_code="DN.SNV")).id


def test_only_the_approved_version_leaves(db) -> None:
    approved, waiting, never = _make(db, "048085000001"), _make(db, "048085000002"), _make(db, "048085000003")
    with db.session() as s:
        snapshot = person_json(s, waiting)
        s.add(ApprovedSnapshot(person_id=waiting, version=snapshot["version"], document=snapshot, approved_by="head"))
        people.update_person(s, waiting, {"phone": "0900000000"})
        s.execute(update(Person).where(Person.id.in_([waiting, never])).values(review_state="submitted"))
    with db.session() as s:
        docs = {d["id"]: d for d in outgoing_documents(s, [approved, waiting, never])}
    assert set(docs) == {str(approved), str(waiting)}
    assert docs[str(waiting)]["phone"] == snapshot["phone"] != "0900000000"


def test_deleted_person_leaves_as_a_tombstone(db) -> None:
    person_id = _make(db)
    with db.session() as s:
        people.delete_person(s, person_id)
    with db.session() as s:
        [doc] = list(outgoing_documents(s, [person_id]))
    assert set(doc) == {"id", "cccd", "deleted_at", "version", "updated_at"}


def test_a_deletion_awaiting_approval_does_not_leave(db) -> None:
    """A clerk's deletion is a change like any other: until the head approves it the approved,
    living version is what leaves; never approved and deleted → nothing."""
    kept, never = _make(db, "048085000001"), _make(db, "048085000002")
    with db.session() as s:
        snapshot = person_json(s, kept)
        s.add(ApprovedSnapshot(person_id=kept, version=snapshot["version"], document=snapshot, approved_by="head"))
        people.delete_person(s, kept)
        people.delete_person(s, never)
        s.execute(update(Person).where(Person.id.in_([kept, never])).values(review_state="submitted"))
    with db.session() as s:
        docs = {d["id"]: d for d in outgoing_documents(s, [kept, never])}
    assert set(docs) == {str(kept)}
    assert docs[str(kept)].get("deleted_at") is None and docs[str(kept)]["full_name"] == snapshot["full_name"]


def test_section_change_moves_the_person_version(db) -> None:
    person_id = _make(db)
    with db.session() as s:
        before = person_json(s, person_id)
        people.update_person(s, person_id, {"training": before["training"][:1]})
    with db.session() as s:
        assert person_json(s, person_id)["version"] == before["version"] + 1


def test_show_json_has_placement_ids(db) -> None:
    person_id = _make(db)
    with db.session() as s:
        doc = person_json(s, person_id)
    assert doc["placements"][0]["id"] and doc["placements"][0]["unit_code"] == "DN.SNV"


def test_apply_into_sqlite_then_unchanged_then_conflict(db, tmp_path: Path) -> None:
    person_id = _make(db)
    with db.session("clerk") as s:
        attachments.add_attachment(s, person_id, "anh.png", PHOTO, kind="photo")
    (tmp_path / "target").mkdir()
    target = make_database(tmp_path / "target")
    with db.session() as s:
        docs = list(outgoing_documents(s, [person_id]))
    with target.session() as s:
        result = apply_documents(s, docs, blobs=lambda sha: PHOTO)
    assert (result.inserted, result.rejected) == (1, 0), result.problems
    with target.session() as s, db.session() as mine:
        assert person_json(s, person_id)["training"] == person_json(mine, person_id)["training"]
        assert s.scalar(select(Attachment.content)) == PHOTO
        assert s.scalar(select(func.count()).select_from(Placement)) == 1
    with target.session() as s:
        assert apply_documents(s, docs).unchanged == 1
        s.execute(update(Person).values(version=Person.version + 5))
    with db.session("clerk") as s:
        people.update_person(s, person_id, {"training": []})
        newer = list(outgoing_documents(s, [person_id]))
    with target.session() as s:
        clash = apply_documents(s, newer)
    assert clash.conflicts == 1 and clash.updated == 0
    with target.session() as s:
        assert s.scalar(select(func.count()).select_from(Training)) == 2
        s.execute(update(Person).values(version=1))
    with target.session() as s:
        assert apply_documents(s, newer).updated == 1
        assert s.scalar(select(func.count()).select_from(Training)) == 0
    target.dispose()


def test_missing_attachment_content_rejects_the_person(db, tmp_path: Path) -> None:
    person_id = _make(db)
    with db.session("clerk") as s:
        attachments.add_attachment(s, person_id, "anh.png", PHOTO, kind="photo")
        docs = list(outgoing_documents(s, [person_id]))
    (tmp_path / "target").mkdir()
    target = make_database(tmp_path / "target")
    with target.session() as s:
        result = apply_documents(s, docs, blobs=lambda sha: None)
        assert result.rejected == 1 and "anh.png" in result.problems[0]["message"]
        assert s.scalar(select(func.count()).select_from(Person)) == 0
        assert s.scalar(select(func.count()).select_from(ChangeLog).where(ChangeLog.person_id == person_id)) == 0
    target.dispose()
