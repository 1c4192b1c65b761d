"""Quy hoạch per title (issue 15): the ``planning`` section (migration 0014 maps the old text
field), item 24's text written from the rows, the list per title through the service and the
command line (JSON, PDF, xlsx), the successors named by the term list and the term alert, and the
refusals by role and unit."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from app.errors import UserError
from tests.core import security_fixtures
from tests.core.conftest import person_data
from tests.core.security_fixtures import CCCD_A, CCCD_B, World
from tests.core.test_positions import dbfile, run

world_template = security_fixtures.world_template
world = security_fixtures.world
fast_hashing = security_fixtures.fast_hashing
DAY = dt.date(2026, 9, 1)


def _plan(world: World, key: str, *rows: dict[str, object]) -> None:
    world.admin.people.update_person(key, {"planning": list(rows)})


def test_section_rows_write_item_24_and_the_list_per_title(world: World) -> None:
    _plan(world, CCCD_A, {"title": "Trưởng phòng Công chức, viên chức", "period_from": 2026, "period_to": 2031,
                          "decision_number": "15-QĐ/TU", "decision_date": "10/03/2026"},
          {"title": "Phó Giám đốc Sở Nội vụ", "period_from": 2026, "period_to": 2031},
          {"title": "Chánh Văn phòng", "period_from": 2020, "period_to": 2025})  # ended
    person = world.admin.people.person(CCCD_A)
    assert person["planned_titles"] == ("Trưởng phòng Công chức, viên chức (giai đoạn 2026–2031); Phó Giám đốc Sở "
                                        "Nội vụ (giai đoạn 2026–2031); Chánh Văn phòng (giai đoạn 2020–2025)")
    assert [r["title"] for r in person["planning"]][0] == "Trưởng phòng Công chức, viên chức"
    rows = world.viewer.positions.planning_list("DN.SNV", as_of=DAY)
    assert [(r.title, r.period, r.current) for r in rows] == [
        ("Phó Giám đốc Sở Nội vụ", "2026–2031", True), ("Trưởng phòng Công chức, viên chức", "2026–2031", True)]
    assert rows[1].decision_date == dt.date(2026, 3, 10) and "*" in rows[0].cccd  # masked for a viewer
    assert world.admin.positions.planning_list("DN.SNV", as_of=DAY)[0].cccd == CCCD_A
    every = world.admin.positions.planning_list("DN.SNV", as_of=DAY, include_ended=True)
    assert [(r.title, r.current) for r in every][0] == ("Chánh Văn phòng", False)
    assert [r.title for r in world.admin.positions.planning_list(None, title="giam doc", as_of=DAY)] == [
        "Phó Giám đốc Sở Nội vụ"]
    # taken out of the planning for one title: not current from that day, and item 24 follows
    rows = world.admin.people.person(CCCD_A)["planning"]
    rows[1]["removed_on"] = "01/08/2026"
    _plan(world, CCCD_A, *rows)
    assert [r.title for r in world.admin.positions.planning_list("DN.SNV", as_of=DAY)] == [
        "Trưởng phòng Công chức, viên chức"]
    assert "Phó Giám đốc" not in world.admin.people.person(CCCD_A)["planned_titles"]
    # a text typed to say something else stays (in the same save or later); a dossier without rows
    # keeps its text as typed
    world.admin.people.update_person(CCCD_A, {"planning": rows, "planned_titles": "Trưởng phòng (đã họp xét)"})
    assert world.admin.people.person(CCCD_A)["planned_titles"] == "Trưởng phòng (đã họp xét)"
    rows[0]["removed_on"] = "01/08/2026"
    _plan(world, CCCD_A, *rows)
    assert world.admin.people.person(CCCD_A)["planned_titles"] == "Trưởng phòng (đã họp xét)"
    world.admin.people.update_person(CCCD_B, {"planning": [], "planned_titles": "Chủ tịch UBND phường"})
    assert world.admin.people.person(CCCD_B)["planned_titles"] == "Chủ tịch UBND phường"


def test_bad_rows_are_refused_by_field(world: World) -> None:
    from app.errors import ValidationError

    with pytest.raises(ValidationError) as refused:
        _plan(world, CCCD_A, {"title": "", "period_from": 1800})
    fields = {e.field for e in refused.value.errors}
    assert any(f.startswith("planning") and f.endswith("title") for f in fields)
    assert any(f.endswith("period_from") for f in fields)
    assert [r["title"] for r in world.admin.people.person(CCCD_A)["planning"]] == [
        "Trưởng phòng Công chức, viên chức"]  # the stored row (the test dossier's) untouched


def test_wrong_role_or_unit(world: World, tmp_path: Path) -> None:
    _plan(world, CCCD_A, {"title": "Trưởng phòng", "period_from": 2026, "period_to": 2031})
    _plan(world, CCCD_B, {"title": "Chủ tịch UBND phường", "period_from": 2026, "period_to": 2031})
    with pytest.raises(UserError, match="không được"):
        world.other_clerk.positions.planning_list("DN.SNV", as_of=DAY)
    with pytest.raises(UserError, match="không được"):
        world.other_clerk.positions.render_planning_list(tmp_path / "q.pdf", "DN.SNV", as_of=DAY)
    with pytest.raises(UserError, match="không được"):
        world.viewer.positions.render_planning_list(tmp_path / "q.pdf", "DN.SNV", as_of=DAY)
    assert not (tmp_path / "q.pdf").exists()
    # without a unit, a unit-bound account sees its own units only
    assert [r.full_name for r in world.clerk.positions.planning_list(as_of=DAY)] == ["Nguyễn Văn Bình"]
    assert [r.full_name for r in world.other_clerk.positions.planning_list(as_of=DAY)] == ["Trần Thị Lan"]
    assert len(world.admin.positions.planning_list(as_of=DAY)) == 2
    with pytest.raises(UserError, match="không được"):
        world.other_clerk.people.update_person(CCCD_A, {"planning": []})


def test_list_printed_and_exported(world: World, tmp_path: Path) -> None:
    _plan(world, CCCD_A, {"title": "Trưởng phòng Công chức, viên chức", "period_from": 2026, "period_to": 2031,
                          "decision_number": "15-QĐ/TU", "decision_date": "10/03/2026"})
    xlsx = world.head.positions.render_planning_list(tmp_path / "quy-hoach.xlsx", "DN.SNV", as_of=DAY)
    ws = load_workbook(xlsx).active
    cells = [tuple(row) for row in ws.iter_rows(values_only=True)]
    assert cells[3][:3] == ("Chức danh quy hoạch", "STT", "Họ và tên")
    assert cells[4][:5] == ("Trưởng phòng Công chức, viên chức", 1, "Nguyễn Văn Bình", cells[4][3], "DN.SNV.CCVC")
    assert CCCD_A not in json.dumps([list(map(str, r)) for r in cells], ensure_ascii=False)
    pdf = world.head.positions.render_planning_list(tmp_path / "quy-hoach.pdf", "DN.SNV", as_of=DAY)
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(pdf).pages)
    assert "QUY HOẠCH CHỨC DANH" in text and "Trưởng phòng Công chức, viên chức (1 người)" in text
    assert "Nguyễn Văn Bình" in text and "2026–2031" in text and "15-QĐ/TU ngày 10/03/2026" in text
    assert CCCD_A not in text


def test_terms_and_alerts_name_the_successors(world: World) -> None:
    from app.alerts import compute_alerts

    # the holder: B's unit head post… use A (Phó Trưởng phòng in DN.SNV.CCVC) as the holder
    world.admin.people.update_person(CCCD_A, {"position": "Trưởng phòng", "position_date": "01/01/2022"})
    ends = dt.date(2026, 12, 31)
    (row,) = world.admin.positions.terms_ending(dt.date(2026, 10, 1), dt.date(2027, 1, 31), "DN.SNV")
    assert row.term_end == ends and row.planned == ()
    world.admin.people.create_person(person_data(cccd="048090009999", full_name="Phạm Thu Hà",
                                                 unit_code="DN.SNV.CCVC", discipline=[]))
    _plan(world, "048090009999", {"title": "Trưởng phòng Công chức, viên chức", "period_from": 2026, "period_to": 2031})
    _plan(world, CCCD_B, {"title": "Trưởng phòng", "period_from": 2026, "period_to": 2031})  # another unit: not named
    _plan(world, CCCD_A, {"title": "Trưởng phòng", "period_from": 2021, "period_to": 2026})  # the holder: not named
    (row,) = world.admin.positions.terms_ending(dt.date(2026, 10, 1), dt.date(2027, 1, 31), "DN.SNV")
    assert row.planned == ("Phạm Thu Hà",) and row.as_json()["planned"] == ["Phạm Thu Hà"]
    with world.db.session() as s:
        (alert,) = [a for a in compute_alerts(s, dt.date(2026, 10, 2), 1, "DN.SNV") if a.kind == "appointment_term_end"]
    assert alert.detail.endswith("trong quy hoạch: 1 người (Phạm Thu Hà)")
    _plan(world, "048090009999", {"title": "Trưởng phòng Công chức, viên chức", "period_from": 2026,
                                  "period_to": 2031, "removed_on": "01/09/2026"})
    with world.db.session() as s:
        (alert,) = [a for a in compute_alerts(s, dt.date(2026, 10, 2), 1, "DN.SNV") if a.kind == "appointment_term_end"]
    assert alert.detail.endswith("chưa có người trong quy hoạch chức danh này")


def test_cli_planning(world: World, tmp_path: Path, capsys) -> None:
    _plan(world, CCCD_A, {"title": "Trưởng phòng", "period_from": 2026, "period_to": 2031})
    db = dbfile(world)
    code, out, _ = run(capsys, "position", "planning", "--unit", "DN.SNV", "--as-of", "2026-09-01", "--json", "--db", db)
    assert code == 0 and json.loads(out) == [{
        "title": "Trưởng phòng", "period_from": 2026, "period_to": 2031, "cccd": CCCD_A, "full_name": "Nguyễn Văn Bình",
        "birth_date": json.loads(out)[0]["birth_date"], "unit_code": "DN.SNV.CCVC", "position": "Phó Trưởng phòng",
        "decision_number": None, "decision_date": None, "removed_on": None, "current": True}]
    code, out, _ = run(capsys, "position", "planning", "--as-of", "2032-01-01", "--json", "--db", db)
    assert json.loads(out) == []  # the period has ended
    code, _, err = run(capsys, "position", "planning", "--out", str(tmp_path / "q.xlsx"), "--db", db)
    assert code == 0 and (tmp_path / "q.xlsx").exists()
    code, _, err = run(capsys, "position", "planning", "--out", str(tmp_path / "q.txt"), "--db", db)
    assert code == 1 and "Traceback" not in err
    code, _, err = run(capsys, "position", "planning", "--unit", "KHONG", "--db", db)
    assert code == 1 and "KHONG" in err


def _migration():
    path = Path(__file__).resolve().parents[2] / "models/migrations/versions/0014_planning_per_title.py"
    spec = importlib.util.spec_from_file_location("m0014", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(("text", "rows"), [
    ("Giám đốc Sở Nội vụ giai đoạn 2025 - 2030", [("Giám đốc Sở Nội vụ", 2025, 2030)]),
    ("Phó Chủ tịch UBND phường (2026–2031); Trưởng phòng Tổ chức\nChánh Văn phòng",
     [("Phó Chủ tịch UBND phường", 2026, 2031), ("Trưởng phòng Tổ chức", None, None), ("Chánh Văn phòng", None, None)]),
    ("Bí thư, nhiệm kỳ 2025-2030.", [("Bí thư", 2025, 2030)]),
    ("2025 - 2030", [("2025 - 2030", None, None)]),
    ("  ", []),
])
def test_migration_reads_the_old_text(text: str, rows: list[tuple]) -> None:
    assert [(r["title"], r["period_from"], r["period_to"]) for r in _migration().parse_planned_titles(text)] == rows


def test_migration_maps_the_field_into_rows(tmp_path: Path) -> None:
    """A database at 0013 with planned_titles in a dossier: upgraded to 0014, the rows are there."""
    import sqlalchemy as sa

    from app.db import make_engine, migrate

    engine = make_engine(f"sqlite:///{tmp_path / 'old.sqlite'}")
    migrate(engine, revision="0013")
    with engine.begin() as c:
        columns = [r[1] for r in c.execute(sa.text("PRAGMA table_info(persons)")) if r[3] and r[4] is None]
        values = {name: {"id": "0" * 31 + "1", "cccd": "048085001234", "full_name": "Nguyễn Văn Bình",
                         "status": "working", "version": 1, "sex": "Nam", "staff_type": "cong_chuc",
                         "birth_year_only": 0}.get(name, "2026-01-01") for name in columns}
        values["planned_titles"] = "Giám đốc Sở Nội vụ giai đoạn 2025 - 2030; Chánh Văn phòng"
        c.execute(sa.text(f"INSERT INTO persons ({', '.join(values)}) VALUES ({', '.join(':' + k for k in values)})"),
                  values)
    migrate(engine)
    with engine.begin() as c:
        rows = c.execute(sa.text("SELECT title, period_from, period_to, seq, person_id FROM plannings ORDER BY seq")).all()
        text = c.execute(sa.text("SELECT planned_titles FROM persons")).scalar()
    engine.dispose()
    assert [tuple(r[:4]) for r in rows] == [("Giám đốc Sở Nội vụ", 2025, 2030, 1), ("Chánh Văn phòng", None, None, 2)]
    assert {r[4] for r in rows} == {"0" * 31 + "1"}
    assert text == "Giám đốc Sở Nội vụ (giai đoạn 2025–2030); Chánh Văn phòng"  # the rows' form: it follows them
