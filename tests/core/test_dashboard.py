"""The completeness dashboard: exact ratios per unit, worst first, the same answer as the Person JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app import cli, people
from app.dashboard import person_missing, unit_completeness
from app.errors import UserError
from app.person_json import person_json
from models import Attachment, Person
from tests.core.conftest import person_data

# A 2C dossier has 27 required items (26 of the form + the unit of NĐ 27/2026); HS02 has 31.
# The conftest's full record lacks only the photo → 26/27; as a viên chức it also lacks the
# health-insurance number, family background, agency join date and job position → 26/31.


def add(db, cccd: str, full_name: str, unit: str, photo: bool = False, **overrides):
    with db.session() as s:
        person_id = people.create_person(s, person_data(cccd=cccd, full_name=full_name, unit_code=unit,
                                                        **overrides)).id
        if photo:
            s.get(Person, person_id).attachments.append(Attachment(
                kind="photo", file_name="anh.jpg", mime_type="image/jpeg", sha256="0" * 64, size=1, content=b"x"))
    return person_id


@pytest.fixture
def three(db) -> dict[str, object]:
    """A complete dossier and one missing ethnicity + training + photo in DN.SNV.CCVC; a viên
    chức missing five HS02 items in DN.P.HAICHAU."""
    return {
        "An": add(db, "048085000001", "Trần Văn An", "DN.SNV.CCVC", photo=True),
        "Bình": add(db, "048085000002", "Nguyễn Văn Bình", "DN.SNV.CCVC", ethnicity_code=None, training=[]),
        "Cúc": add(db, "048185000003", "Lê Thị Cúc", "DN.P.HAICHAU", sex="Nữ", staff_type="vien_chuc"),
    }


def test_exact_ratios_and_worst_unit_first(db, three) -> None:
    with db.session() as s:
        rows = unit_completeness(s)
    assert [(r.unit_code, r.people, r.average, r.complete_count, r.subtree) for r in rows] == [
        ("DN.P.HAICHAU", 1, round(26 / 31, 3), 0, False),
        ("DN.SNV.CCVC", 2, round((1.0 + round(24 / 27, 3)) / 2, 3), 1, False),
    ]
    assert [(w.full_name, w.ratio) for w in rows[1].worst] == [("Nguyễn Văn Bình", round(24 / 27, 3)),
                                                             ("Trần Văn An", 1.0)]
    assert rows[1].worst[0].person_id == three["Bình"]
    assert rows[0].unit_name == "UBND phường Hải Châu"


def test_missing_items_of_one_person(db, three) -> None:
    with db.session() as s:
        bình = person_missing(s, three["Bình"])
        cúc = person_missing(s, three["Cúc"])
        an = person_missing(s, three["An"])
    assert [m.label for m in bình.missing] == ["Dân tộc", "Quá trình đào tạo, bồi dưỡng", "Ảnh 4 x 6"]
    assert {m.field for m in cúc.missing} == {"health_insurance_number", "family_background", "agency_join_date",
                                             "job_position", "photo"}
    assert an.complete and an.ratio == 1.0


def test_subtree_rows_and_scope(db, three) -> None:
    with db.session() as s:
        rows = unit_completeness(s, with_subtrees=True)
        scoped = unit_completeness(s, "DN.SNV", with_subtrees=True)
        with pytest.raises(UserError, match="Không có đơn vị"):
            unit_completeness(s, "KHONG")
    summary = {(r.unit_code, r.subtree): (r.people, r.complete_count) for r in rows}
    assert summary == {("DN.P.HAICHAU", False): (1, 0), ("DN.SNV.CCVC", False): (2, 1),
                       ("DN.SNV", True): (2, 1), ("DN", True): (3, 1)}
    dn = next(r for r in rows if r.unit_code == "DN")
    assert dn.worst[0].full_name == "Lê Thị Cúc"
    assert {(r.unit_code, r.subtree) for r in scoped} == {("DN.SNV.CCVC", False), ("DN.SNV", True)}


def test_same_ratio_as_the_person_json(db, three) -> None:
    # Blank-but-not-empty text and a deleted section row must count as the JSON counts them.
    with db.session() as s:
        person = s.get(Person, three["An"])
        person.health_status = "   "
        person.work_history[0].deleted_at = person.updated_at
        person.work_history[1].deleted_at = person.updated_at
    with db.session() as s:
        for person_id in three.values():
            doc = person_json(s, person_id)
            mine = person_missing(s, person_id)
            assert (mine.ratio, [m.label for m in mine.missing]) == (doc["completeness"], doc["missing"])
    assert doc["completeness"] < 1


def test_only_working_people_count_by_default(db, three) -> None:
    add(db, "048085000004", "Phạm Văn Dũng", "DN.SNV.CCVC", status="retired", ethnicity_code=None)
    with db.session() as s:
        people.delete_person(s, str(three["Bình"]))
        working = {r.unit_code: r.people for r in unit_completeness(s)}
        everyone = {r.unit_code: r.people for r in unit_completeness(s, statuses=None)}
    assert working == {"DN.SNV.CCVC": 1, "DN.P.HAICHAU": 1}
    assert everyone == {"DN.SNV.CCVC": 2, "DN.P.HAICHAU": 1}


def test_people_without_a_unit(db) -> None:
    with db.session() as s:
        people.create_person(s, person_data())
        (row,) = unit_completeness(s)
    assert (row.unit_code, row.unit_name) == (None, "(Chưa xếp đơn vị)")
    assert row.average == round(25 / 27, 3)  # no photo, no unit


def test_cli(capsys, db, three) -> None:
    target = str(Path(db.url.removeprefix("sqlite:///")))
    assert cli.run(["completeness", "--json", "--db", target]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows[0]["unit_code"] == "DN.P.HAICHAU" and rows[0]["average"] == round(26 / 31, 3)
    assert rows[1]["worst"][0] == {"id": str(three["Bình"]), "full_name": "Nguyễn Văn Bình",
                                   "completeness": round(24 / 27, 3)}
    assert cli.run(["completeness", "--unit", "DN.SNV", "--db", target]) == 0
    out = capsys.readouterr().out
    assert "Phòng Công chức, viên chức" in out and "Nguyễn Văn Bình 89 %" in out
    assert cli.run(["completeness", "--unit", "KHONG", "--db", target]) == 1
    assert "Không có đơn vị" in capsys.readouterr().err
