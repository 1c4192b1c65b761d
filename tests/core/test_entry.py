"""Transfers, the duplicate-CCCD check, unit common values, attachments and the list behind the window."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest
from sqlalchemy import select

from app import attachments, entry, listing, people
from app.errors import UserError, ValidationError
from app.person_json import person_json
from app.services import HoSoService
from models import Unit
from tests.core.conftest import person_data


@pytest.fixture
def binh(db):
    with db.session() as s:
        return people.create_person(s, person_data(unit_code="DN.SNV.CCVC")).id


def test_transfer_writes_work_history_placement_and_decision(db, binh) -> None:
    with db.session("clerk") as s:
        entry.transfer_person(s, str(binh), "DN.P.HAICHAU", dt.date(2026, 10, 1), decision_number="45/QĐ-UBND",
                              position="Chủ tịch UBND phường")
    with db.session() as s:
        doc = person_json(s, binh)
    assert doc["unit_code"] == "DN.P.HAICHAU" and doc["position"] == "Chủ tịch UBND phường"
    last_two = sorted(doc["work_history"], key=lambda r: r["start_date"])[-2:]
    assert last_two[0]["end_date"] == "2026-09-30"
    assert last_two[1] == {**last_two[1], "start_date": "2026-10-01", "unit_name": "UBND phường Hải Châu",
                           "position": "Chủ tịch UBND phường", "end_date": None}
    assert [p["unit_code"] for p in doc["placements"]] == ["DN.SNV.CCVC", "DN.P.HAICHAU"]
    assert doc["placements"][0]["end_date"] == "2026-09-30"
    assert any(d["kind"] == "transfer" and d["decision_number"] == "45/QĐ-UBND" for d in doc["decisions"])


def test_transfer_to_the_same_unit_is_refused(db, binh) -> None:
    with pytest.raises(ValidationError, match="đã ở đơn vị đó"):
        with db.session() as s:
            entry.transfer_person(s, str(binh), "DN.SNV.CCVC", dt.date(2026, 10, 1))


def test_cccd_owner(db, binh) -> None:
    with db.session() as s:
        owner = entry.cccd_owner(s, "0480 8500 1234")
        assert owner.full_name == "Nguyễn Văn Bình" and owner.unit_name == "Phòng Công chức, viên chức"
        assert entry.cccd_owner(s, "048085001234", exclude=binh) is None
        assert entry.cccd_owner(s, "0480850") is None


def test_common_values_of_a_unit(db, binh) -> None:
    with db.session() as s:
        values = entry.common_values(s, "DN.SNV.CCVC")
        empty = entry.common_values(s, "DN.P.HAICHAU")
    assert values["recruiting_agency"] == "Sở Nội vụ thành phố Đà Nẵng" and values["ethnicity_code"] == "01"
    assert empty == {"unit_code": "DN.P.HAICHAU", "recruiting_agency": "UBND phường Hải Châu"}


def test_photo_and_documents_with_sha256(db, binh) -> None:
    service = HoSoService(db)
    png = b"\x89PNG\r\n\x1a\n" + b"0" * 100
    service.people.save_person(binh, {}, photo=("anh.png", png), new_documents=[("qd.pdf", b"%PDF-1.4 x", "Quyết định")])
    assert service.people.photo(binh) == png
    doc = service.people.person(binh)
    kinds = {a["kind"]: a for a in doc["attachments"]}
    assert kinds["photo"]["sha256"] == hashlib.sha256(png).hexdigest()
    assert kinds["document"]["mime_type"] == "application/pdf"
    service.people.save_person(binh, {}, photo=("anh2.png", png + b"1"))
    assert [a["file_name"] for a in service.people.person(binh)["attachments"] if a["kind"] == "photo"] == ["anh2.png"]
    with pytest.raises(UserError, match="JPEG hoặc PNG"):
        service.people.save_person(binh, {"phone": "0"}, photo=("anh.gif", b"GIF89a"))
    assert service.people.person(binh)["phone"] == "0905123456"  # the whole save was refused


def test_tampered_attachment_is_detected(db, binh) -> None:
    with db.session() as s:
        info = attachments.add_attachment(s, binh, "qd.pdf", b"%PDF-1.4 original")
    with db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE attachments SET content = X'00'")
    with pytest.raises(UserError, match="SHA-256"):
        with db.session() as s:
            attachments.content(s, info.id)


def test_listing_filters_and_rows(db) -> None:
    with db.session() as s:
        people.create_person(s, person_data(unit_code="DN.SNV.CCVC"))
        people.create_person(s, {"cccd": "048190000002", "full_name": "Trần Thị An", "birth_date": "1990-01-01",
                                 "sex": "Nữ", "unit_code": "DN.P.HAICHAU", "staff_type": "vien_chuc"})
        people.create_person(s, {"cccd": "048160000003", "full_name": "Lê Văn Cũ", "birth_date": "1960-01-01",
                                 "sex": "Nam", "unit_code": "DN.SNV", "status": "retired"})
        unit_id = s.scalar(select(Unit.id).where(Unit.code == "DN.SNV"))
        today = dt.date(2026, 11, 26)
        names = lambda **kw: [r.full_name for r in listing.fetch_rows(  # noqa: E731
            s, listing.list_ids(s, listing.PersonFilter(today=today, **kw)))]
        assert names() == ["Trần Thị An", "Nguyễn Văn Bình"]
        assert names(statuses=()) == ["Trần Thị An", "Nguyễn Văn Bình", "Lê Văn Cũ"]
        assert names(unit_id=unit_id) == ["Nguyễn Văn Bình"]
        assert names(unit_id=unit_id, include_subunits=False) == []
        assert names(sex="Nữ") == ["Trần Thị An"] and names(staff_type="vien_chuc") == ["Trần Thị An"]
        assert names(party_member=True) == ["Nguyễn Văn Bình"]
        assert names(age_band="31-40") == ["Trần Thị An"] and names(age_band="41-50") == ["Nguyễn Văn Bình"]
        assert names(query="binh") == ["Nguyễn Văn Bình"]
        ids = listing.list_ids(s, listing.PersonFilter(today=today), sort="birth_date", descending=True)
        rows = listing.fetch_rows(s, ids)
        assert [r.full_name for r in rows] == ["Trần Thị An", "Nguyễn Văn Bình"]
        assert rows[1].retirement_date == dt.date(2047, 3, 31) and rows[1].unit_code == "DN.SNV.CCVC"
