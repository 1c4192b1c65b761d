"""The approval flow: a clerk's change is submitted with a snapshot of the approved version."""

from __future__ import annotations

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from app.errors import UserError
from app.security.access import AuditFilter
from models import ChangeLog, Person
from models.security import AccessLog, ApprovedSnapshot, ReviewEvent
from tests.core import security_fixtures
from tests.core.conftest import person_data
from tests.core.security_fixtures import World

fast_hashing = security_fixtures.fast_hashing
world_template = security_fixtures.world_template
world = security_fixtures.world


def _state(w: World, pid: str) -> tuple[str, ApprovedSnapshot | None]:
    with w.db.session() as s:
        person = s.scalars(select(Person).where(Person.id == __import__("uuid").UUID(pid))).one()
        snap = s.get(ApprovedSnapshot, person.id)
        if snap is not None:
            s.expunge(snap)
        return person.review_state, snap


def test_a_clerks_edit_is_submitted_with_the_approved_version_kept(world: World):
    before = world.admin.people.person(world.a)
    assert before["review_state"] == "approved"
    world.clerk.people.update_person(world.a, {"position": "Chuyên viên chính"})
    state, snap = _state(world, world.a)
    assert state == "submitted"
    assert snap.document["position"] == "Phó Trưởng phòng" and snap.version == before["version"]
    world.clerk.people.update_person(world.a, {"phone": "0905000000"})  # a second edit keeps the first snapshot
    state, snap2 = _state(world, world.a)
    assert snap2.document["position"] == "Phó Trưởng phòng" and snap2.document["phone"] == before["phone"]
    pending = world.head.accounts.pending_reviews()
    assert [(str(p.person_id), p.submitted_by) for p in pending] == [(world.a, "nhaplieu")]
    assert world.head.people.person_rows([world.a])[0].review_state == "submitted"
    world.head.accounts.approve(world.a, "Đúng")
    state, snap = _state(world, world.a)
    assert state == "approved" and snap is None
    assert world.head.accounts.pending_reviews() == []
    steps = world.head.accounts.review_history(world.a)
    assert [s.action for s in steps] == ["submit", "submit", "approve"] and steps[-1].comment == "Đúng"


def test_returning_needs_a_comment_and_the_clerk_resubmits(world: World):
    world.clerk.people.update_person(world.a, {"position": "Chuyên viên chính"})
    with pytest.raises(UserError, match="phải ghi lý do"):
        world.head.accounts.return_for_changes(world.a, "  ")
    world.head.accounts.return_for_changes(world.a, "Sai chức vụ")
    assert _state(world, world.a)[0] == "returned"
    returned = world.clerk.accounts.pending_reviews(("returned",))
    assert returned[0].comment == "Sai chức vụ"
    with pytest.raises(UserError, match="không ở trạng thái chờ duyệt"):
        world.head.accounts.approve(world.a)
    world.clerk.people.update_person(world.a, {"position": "Chuyên viên"})
    state, snap = _state(world, world.a)
    assert state == "submitted" and snap.document["position"] == "Phó Trưởng phòng"


def test_a_new_dossier_by_a_clerk_is_submitted_without_snapshot(world: World):
    new = world.clerk.people.create_person(person_data(cccd="048090001111", unit_code="DN.SNV")).id
    state, snap = _state(world, str(new))
    assert state == "submitted" and snap is None
    assert world.head.accounts.pending_reviews()[0].person_id == new


def test_section_only_changes_and_deletions_are_submitted_too(world: World):
    rows = world.clerk.people.person(world.a)["rewards"]
    world.clerk.people.save_person(world.a, {"rewards": rows[:1]})
    assert _state(world, world.a)[0] == "submitted"
    world.head.accounts.approve(world.a)
    world.clerk.people.delete_person(world.a)
    state, snap = _state(world, world.a)
    assert state == "submitted" and snap.document["rewards"] == rows[:1]
    assert world.head.accounts.pending_reviews()[0].deleted


def test_administrators_and_heads_writes_are_not_reviewed(world: World):
    world.admin.people.update_person(world.a, {"position": "Chuyên viên chính"})
    assert _state(world, world.a) == ("approved", None)
    with pytest.raises(UserError, match="không được sửa"):
        world.head.people.update_person(world.a, {"position": "X"})


def test_heads_approve_only_their_units_and_clerks_never(world: World):
    world.other_clerk.people.update_person(world.b, {"position": "Chuyên viên"})
    with pytest.raises(UserError, match="không được duyệt hồ sơ của đơn vị UBND phường Hải Châu"):
        world.head.accounts.approve(world.b)
    with pytest.raises(UserError, match="không được duyệt"):
        world.other_clerk.accounts.approve(world.b)
    assert [str(p.person_id) for p in world.head.accounts.pending_reviews()] == []
    world.admin.accounts.approve(world.b)
    assert _state(world, world.b)[0] == "approved"


def test_a_clerks_import_is_checked_against_the_units(world: World, tmp_path):
    from openpyxl import Workbook

    def sheet(rows):
        wb = Workbook()
        ws = wb.active
        ws.append(["Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD", "Đơn vị", "Chức vụ"])
        for r in rows:
            ws.append(r)
        path = tmp_path / f"n{len(rows)}.xlsx"
        wb.save(path)
        return str(path)

    def run(service, path):
        source = service.exchange.open_import(path)
        return service.exchange.run_import(source, source.mapping)

    outside = sheet([["Lê Văn Tư", "01/01/1990", "Nam", "048090001111", "DN.P.HAICHAU", "Chuyên viên"]])
    with pytest.raises(UserError, match="không được nhập dữ liệu vào hồ sơ của đơn vị UBND phường Hải Châu"):
        run(world.clerk, outside)
    inside = sheet([["Lê Văn Tư", "01/01/1990", "Nam", "048090001111", "DN.SNV", "Chuyên viên"],
                    ["Nguyễn Văn Bình", "12/03/1985", "Nam", "048085001234", "DN.SNV.CCVC", "Chuyên viên chính"]])
    result = run(world.clerk, inside)
    assert result.imported == 1 and result.updated == 1
    assert _state(world, world.a)[0] == "submitted"
    assert _state(world, world.a)[1].document["position"] == "Phó Trưởng phòng"
    assert len(world.head.accounts.pending_reviews()) == 2
    with pytest.raises(UserError, match="không được nhập"):
        world.head.exchange.open_import(inside)


def test_a_clerks_dry_run_is_checked_against_the_units_and_writes_nothing(world: World, tmp_path):
    from openpyxl import Workbook

    def dry(rows, name):
        wb = Workbook()
        wb.active.append(["Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD", "Đơn vị", "Chức vụ"])
        for r in rows:
            wb.active.append(r)
        wb.save(tmp_path / name)
        source = world.clerk.exchange.open_import(str(tmp_path / name))
        return world.clerk.exchange.run_import(source, source.mapping, dry_run=True)

    def counts():
        with world.db.engine.connect() as conn:
            return [conn.execute(text(f"SELECT count(*) FROM {t}")).scalar()
                    for t in ("persons", "change_log", "review_events", "approved_snapshots")]

    before, state = counts(), _state(world, world.a)[0]
    with pytest.raises(UserError, match="không được nhập dữ liệu vào hồ sơ của đơn vị UBND phường Hải Châu"):
        dry([["Lê Văn Tư", "01/01/1990", "Nam", "048090001111", "DN.P.HAICHAU", "Chuyên viên"]], "out.xlsx")
    with pytest.raises(UserError, match="không được nhập dữ liệu vào hồ sơ"):  # moving someone out of the units
        dry([["Nguyễn Văn Bình", "12/03/1985", "Nam", "048085001234", "DN.P.HAICHAU", "Chuyên viên"]], "move.xlsx")
    result = dry([["Lê Văn Tư", "01/01/1990", "Nam", "048090001111", "DN.SNV", "Chuyên viên"],
                  ["Nguyễn Văn Bình", "12/03/1985", "Nam", "048085001234", "DN.SNV.CCVC", "Chuyên viên chính"]],
                 "in.xlsx")
    assert (result.imported, result.updated, result.dry_run) == (1, 1, True)
    assert counts() == before and _state(world, world.a)[0] == state


@pytest.mark.parametrize("table", ["change_log", "access_log", "review_events"])
@pytest.mark.parametrize("verb", ["UPDATE {t} SET by = 'x'", "DELETE FROM {t}"])
def test_the_logs_are_append_only(world: World, table, verb):
    world.head.people.person(world.a)  # an access-log row
    world.clerk.people.update_person(world.a, {"position": "X"})  # a review event
    with world.db.engine.connect() as conn:
        assert conn.execute(text(f"SELECT count(*) FROM {table}")).scalar()
        with pytest.raises(DBAPIError, match="chỉ được ghi thêm"):
            conn.execute(text(verb.format(t=table)))


def test_the_audit_browser_merges_the_logs(world: World, tmp_path):
    from openpyxl import load_workbook

    world.head.people.person(world.a)
    world.clerk.people.update_person(world.a, {"position": "Chuyên viên chính"})
    world.head.accounts.approve(world.a)
    page = world.admin.audit.audit_log()
    kinds = [(e.source, e.action, e.by) for e in page.entries[:4]]
    assert kinds[0] == ("review", "approve", "truongphong")
    assert ("change", "update", "nhaplieu") in kinds and ("review", "submit", "nhaplieu") in kinds
    assert page.total > 4 and page.entries[0].person_name == "Nguyễn Văn Bình"
    only = world.admin.audit.audit_log(AuditFilter(user="truongphong", action="access"))
    assert {(e.action, e.by) for e in only.entries} == {("view", "truongphong"), ("login", "truongphong")}
    changes = world.admin.audit.audit_log(AuditFilter(action="update")).entries
    assert changes[0].field == "person.position" and changes[0].new == "Chuyên viên chính"
    second = world.admin.audit.audit_log(offset=1, limit=1)
    assert second.entries[0] == page.entries[1]
    tab = world.admin.audit.person_audit(world.a)
    assert tab[0].action == "create" and tab[-1].action == "approve"
    count = world.admin.audit.export_audit(AuditFilter(person_id=page.entries[0].person_id), tmp_path / "nk.xlsx")
    sheet = load_workbook(tmp_path / "nk.xlsx").active
    assert sheet.max_row == count + 1 and sheet["A1"].value == "Thời điểm"
    with pytest.raises(UserError, match="không được xem nhật ký"):
        world.head.audit.audit_log()
    with world.db.session() as s:
        assert s.scalars(select(AccessLog).where(AccessLog.action == "export")).first().by == "quantri"
        assert s.scalar(select(ChangeLog.by).where(ChangeLog.field == "position")) == "nhaplieu"
        assert s.scalar(select(ReviewEvent.by).where(ReviewEvent.action == "approve")) == "truongphong"


def test_a_clerks_deletion_of_an_approved_dossier_waits_with_the_approved_version(world: World):
    """What app/publish.py needs: deleted + not approved + snapshot → the snapshot leaves (the
    person as approved, not deleted); deleted + not approved + no snapshot → nothing leaves."""
    import uuid

    before = world.admin.people.person(world.a)
    world.clerk.people.delete_person(world.a)
    with world.db.session() as s:
        person = s.get(Person, uuid.UUID(world.a))
        snap = s.get(ApprovedSnapshot, person.id)
        assert person.deleted_at is not None and person.review_state == "submitted"
        assert snap.document["id"] == world.a and snap.document["position"] == before["position"]
        assert "deleted_at" not in snap.document and snap.version == before["version"]
    assert world.head.accounts.pending_reviews()[0].deleted
    world.head.accounts.return_for_changes(world.a, "Không được xoá")
    assert _state(world, world.a)[0] == "returned" and _state(world, world.a)[1] is not None
    world.clerk.people.restore_person(world.a)  # the clerk undoes it: submitted again, the same snapshot
    state, snap = _state(world, world.a)
    assert state == "submitted" and snap.document["position"] == before["position"]
    world.clerk.people.delete_person(world.a)
    world.head.accounts.approve(world.a)  # the deletion approved: the tombstone may leave now
    assert _state(world, world.a) == ("approved", None)
    new = world.clerk.people.create_person(person_data(cccd="048090001111", unit_code="DN.SNV")).id
    world.clerk.people.delete_person(new)  # never approved: nothing to send
    assert _state(world, str(new)) == ("submitted", None)
