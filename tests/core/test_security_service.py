"""HoSoService enforces the roles: each method, each role, allowed and refused; masking; access log."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from app import listing
from app.errors import UserError
from app.security import sensitive
from app.security.permissions import require
from app.services import HoSoService
from models.security import AccessLog
from tests.core import security_fixtures
from tests.core.security_fixtures import CCCD_A, World

fast_hashing = security_fixtures.fast_hashing
world_template = security_fixtures.world_template
world = security_fixtures.world

ROLES = ("admin", "clerk", "head", "viewer")


def _access(db, action: str | None = None) -> list[AccessLog]:
    with db.session() as s:
        stmt = select(AccessLog).order_by(AccessLog.id)
        if action:
            stmt = stmt.where(AccessLog.action == action)
        rows = list(s.scalars(stmt))
        s.expunge_all()
        return rows


def _attempt(call) -> bool:
    try:
        call()
    except UserError:
        return False
    return True


# (name, call, roles allowed on person A of DN.SNV.CCVC)
CASES = {
    "person": (lambda w, s: s.people.person(w.a), {"admin", "clerk", "head", "viewer"}),
    "history": (lambda w, s: s.people.history(w.a), {"admin", "clerk", "head", "viewer"}),
    "photo": (lambda w, s: s.people.photo(w.a), {"admin", "clerk", "head", "viewer"}),
    "person_missing": (lambda w, s: s.alerts.person_missing(w.a), {"admin", "clerk", "head", "viewer"}),
    "update_person": (lambda w, s: s.people.update_person(w.a, {"position": "Chuyên viên chính"}), {"admin", "clerk"}),
    "save_person": (lambda w, s: s.people.save_person(w.a, {"phone": "0905999999"}), {"admin", "clerk"}),
    "create_person": (lambda w, s: s.people.create_person({"cccd": "048090001111", "full_name": "Lê Văn Tư",
                                                     "birth_date": "01/01/1990", "sex": "Nam",
                                                     "unit_code": "DN.SNV.CCVC"}), {"admin", "clerk"}),
    "delete_person": (lambda w, s: s.people.delete_person(w.a), {"admin", "clerk"}),
    "transfer_inside": (lambda w, s: s.people.transfer_person(w.a, "DN.SNV", dt.date(2026, 1, 1)), {"admin", "clerk"}),
    "common_values": (lambda w, s: s.people.common_values("DN.SNV.CCVC"), {"admin", "clerk"}),
    "cccd_owner": (lambda w, s: s.people.cccd_owner(CCCD_A), {"admin", "clerk"}),
    "add_unit": (lambda w, s: s.units.add_unit("DN.SNV.X", "Phòng X", "DN.SNV"), {"admin"}),
    "rename_unit": (lambda w, s: s.units.rename_unit("DN.SNV", "Sở Nội vụ thành phố"), {"admin"}),
    "users": (lambda w, s: s.accounts.users(), {"admin"}),
    "audit_log": (lambda w, s: s.audit.audit_log(), {"admin"}),
    "render_profile_pdf": (lambda w, s: s.reports.render_profile_pdf(w.a, w.tmp / "p.pdf"), {"admin", "clerk", "head"}),
    "render_stats": (lambda w, s: s.reports.render_stats("DN.SNV", dt.date(2026, 1, 1), w.tmp / "s.xlsx"),
                     {"admin", "clerk", "head"}),
    "export_people": (lambda w, s: s.exchange.export_people(str(w.tmp / "e.xlsx"), listing.PersonFilter(), ["full_name"]),
                      {"admin", "clerk", "head"}),
    "write_import_template": (lambda w, s: s.exchange.write_import_template(str(w.tmp / "t.xlsx")), {"admin", "clerk"}),
    "approve": (lambda w, s: s.accounts.approve(w.a), {"admin", "head"}),  # refused by state, not role, for those two
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("case", sorted(CASES))
def test_each_method_allows_exactly_its_roles(world: World, tmp_path, role, case):
    world.tmp = tmp_path
    call, roles = CASES[case]
    if case == "approve":
        world.clerk.people.update_person(world.a, {"position": "Chuyên viên chính"})  # now submitted
    service = world.as_role(role)
    assert _attempt(lambda: call(world, service)) == (role in roles), f"{role} {case}"


@pytest.mark.parametrize("role", ["clerk", "head", "viewer"])
def test_other_units_are_out_of_reach(world: World, role):
    service = world.as_role(role)
    with pytest.raises(UserError, match=r"không được xem hồ sơ của đơn vị UBND phường Hải Châu \(DN.P.HAICHAU\)"):
        service.people.person(world.b)
    with pytest.raises(UserError):
        service.people.history(world.b)
    ids = service.people.person_ids(listing.PersonFilter())
    assert [str(i) for i in ids] == [world.a]
    assert service.people.person_keys(listing.PersonFilter()) == [world.a.replace("-", "")]
    assert [str(r.id) for r in service.people.person_rows([world.a, world.b])] == [world.a]
    assert service.people.overview().people == 1


def test_a_clerk_cannot_write_into_another_unit(world: World):
    with pytest.raises(UserError, match="không được sửa hồ sơ của đơn vị UBND phường Hải Châu"):
        world.clerk.people.update_person(world.b, {"position": "X"})
    with pytest.raises(UserError, match="không được sửa"):
        world.clerk.people.create_person({"cccd": "048090001111", "full_name": "Lê Văn Tư", "birth_date": "01/01/1990",
                                   "sex": "Nam", "unit_code": "DN.P.HAICHAU"})
    with pytest.raises(UserError, match="hồ sơ chưa xếp đơn vị"):
        world.clerk.people.create_person({"cccd": "048090001111", "full_name": "Lê Văn Tư", "birth_date": "01/01/1990",
                                   "sex": "Nam"})
    with pytest.raises(UserError):  # moving a person out of one's units
        world.clerk.people.transfer_person(world.a, "DN.P.HAICHAU", dt.date(2026, 1, 1))
    with pytest.raises(UserError):
        world.clerk.people.update_person(world.a, {"unit_code": "DN.P.HAICHAU"})
    with pytest.raises(UserError):
        world.other_clerk.people.delete_person(world.a)
    assert world.admin.people.person(world.a)["unit_code"] == "DN.SNV.CCVC"


def test_the_viewer_sees_sensitive_fields_masked(world: World):
    doc = world.viewer.people.person(world.a)
    assert doc["cccd"] == "0480******34"
    assert doc["ethnicity"] == doc["religion"] == "***"
    assert doc["party_join_date"] is None and doc["health_status"] == "***" and doc["height_cm"] is None
    assert doc["history_detention"] == "***" and doc["social_insurance_number"] == "4808****56"
    assert doc["health_insurance_number"].startswith("DN47") and "*" in doc["health_insurance_number"]
    assert doc["personal_history"] == [] and doc["asset_declarations"] == []
    assert all(r["details"] in (None, "***") for r in doc["family"]) and doc["family"][0]["full_name"]
    assert {"ethnicity_code", "party_join_date", "family.details"} <= set(doc["masked_fields"])
    assert doc["full_name"] == "Nguyễn Văn Bình" and doc["grade_code"] == "01.003"  # not sensitive
    row = world.viewer.people.person_rows([world.a])[0]
    assert row.cccd == "0480******34" and row.party_join_date is None
    full = world.head.people.person(world.a)
    assert full["cccd"] == CCCD_A and full["religion"] == "Phật giáo" and full["masked_fields"] == []


def test_viewing_sensitive_data_is_logged_and_masked_views_are_not(world: World):
    world.viewer.people.person(world.a)
    assert _access(world.db, "view") == []
    world.head.people.person(world.a)
    world.head.people.history(world.a)
    views = _access(world.db, "view")
    assert [(v.by, str(v.person_id)) for v in views] == [("truongphong", world.a)] * 2


def test_history_masks_sensitive_values_for_the_viewer(world: World):
    world.admin.people.update_person(world.a, {"religion_code": "Không", "position": "Chuyên viên chính"})
    viewer = {c.field: c for c in world.viewer.people.history(world.a)}
    assert viewer["religion_code"].old == "***" and viewer["religion_code"].new == "***"
    assert viewer["position"].new == "Chuyên viên chính"
    assert "Phật giáo" not in (viewer["*"].new or "") and "048085001234" not in (viewer["*"].new or "")
    head = {c.field: c for c in world.head.people.history(world.a)}
    assert head["religion_code"].old not in (None, "***")


def test_saving_sensitive_fields_needs_the_right(world: World, monkeypatch):
    # a configuration where clerks may see but not change ethnicity and religion
    groups = tuple(g if g.name != "ethnicity_religion" else sensitive.Group(
        g.name, g.label, g.mask, g.view, frozenset({"admin"}), g.fields) for g in sensitive.groups())
    monkeypatch.setattr(sensitive, "groups", lambda: groups)
    with pytest.raises(UserError, match="không được sửa thông tin nhạy cảm: Tôn giáo"):
        world.clerk.people.save_person(world.a, {"religion_code": "Không"})
    world.clerk.people.save_person(world.a, {"religion_code": "Phật giáo", "position": "Chuyên viên"})  # unchanged: fine
    assert world.admin.people.person(world.a)["religion"] == "Phật giáo"
    world.admin.people.save_person(world.a, {"religion_code": "Không"})
    assert world.admin.people.person(world.a)["religion"] == "Không"


def test_family_details_kept_when_a_masked_row_comes_back(world: World, monkeypatch):
    groups = tuple(g if g.name != "family_notes" else sensitive.Group(
        g.name, g.label, g.mask, frozenset({"admin"}), frozenset({"admin"}), section_fields=g.section_fields)
        for g in sensitive.groups())
    monkeypatch.setattr(sensitive, "groups", lambda: groups)
    rows = world.clerk.people.person(world.a)["family"]
    assert rows[0]["details"] == "***"
    rows[0]["birth_year"] = 1956
    world.clerk.people.save_person(world.a, {"family": rows})
    saved = world.admin.people.person(world.a)["family"]
    assert saved[0]["birth_year"] == 1956 and saved[0]["details"] == "Làm ruộng, ở xã Điện Minh"
    rows[0]["details"] = "Có tiền án"
    with pytest.raises(UserError, match="Quan hệ gia đình"):
        world.clerk.people.save_person(world.a, {"family": rows})


def test_reports_and_exports_are_masked_for_roles_without_access(world: World, tmp_path, monkeypatch):
    # heads may not see identity numbers and religion in this configuration
    groups = tuple(g if g.name not in ("identity_numbers", "ethnicity_religion") else sensitive.Group(
        g.name, g.label, g.mask, frozenset({"admin", "clerk"}), g.edit, g.fields) for g in sensitive.groups())
    monkeypatch.setattr(sensitive, "groups", lambda: groups)
    out = tmp_path / "list.xlsx"
    world.head.reports.render_list(None, None, ["full_name", "cccd", "ton_giao"], out)
    values = [c for row in load_workbook(out).active.iter_rows(values_only=True) for c in row]
    assert "0480******34" in values and CCCD_A not in values and "Phật giáo" not in values and "***" in values
    exported = tmp_path / "export.xlsx"
    world.head.exchange.export_people(str(exported), listing.PersonFilter(), ["full_name", "cccd", "religion_code"])
    values = [c for row in load_workbook(exported).active.iter_rows(values_only=True) for c in row]
    assert "0480******34" in values and CCCD_A not in values and "Phật giáo" not in values
    world.admin.exchange.export_people(str(exported), listing.PersonFilter(), ["full_name", "religion_code"])
    values = [c for row in load_workbook(exported).active.iter_rows(values_only=True) for c in row]
    assert CCCD_A in values and "Phật giáo" in values


def test_profiles_are_masked_and_prints_logged(world: World, tmp_path, monkeypatch):
    import app.reports.profile as profile

    seen = []
    real = profile.render_profile
    monkeypatch.setattr(profile, "render_profile", lambda doc, out, **kw: seen.append(doc) or real(doc, out, **kw))
    world.viewer.principal = world.viewer.principal.__class__(**{**world.viewer.principal.__dict__, "role": "viewer"})
    groups = tuple(sensitive.Group(g.name, g.label, g.mask, g.view - {"head"}, g.edit, g.fields, g.sections,
                                   g.section_fields) for g in sensitive.groups())
    monkeypatch.setattr(sensitive, "groups", lambda: groups)
    assert world.head.reports.render_profile_pdf(world.a, tmp_path / "a.pdf") >= 1
    assert seen[0]["religion"] == "***" and seen[0]["cccd"] == "0480******34" and seen[0]["personal_history"] == []
    assert _access(world.db, "print") == []  # nothing sensitive was shown
    monkeypatch.undo()
    world.head.reports.render_unit_profiles("DN.SNV", tmp_path / "unit.pdf")
    prints = _access(world.db, "print")
    assert [(p.by, str(p.person_id)) for p in prints] == [("truongphong", world.a)]
    world.head.exchange.export_people(str(tmp_path / "e.xlsx"), listing.PersonFilter(), ["full_name"])
    assert [str(e.person_id) for e in _access(world.db, "export")] == [world.a]


def test_writes_leave_change_log_entries_named_by_the_user(world: World):
    world.clerk.people.update_person(world.a, {"position": "Chuyên viên chính"})
    change = [c for c in world.admin.people.history(world.a) if c.field == "position"][-1]
    assert (change.by, change.old, change.new) == ("nhaplieu", "Phó Trưởng phòng", "Chuyên viên chính")


def test_alerts_and_quality_stay_inside_the_units(world: World):
    as_of = dt.date(2026, 1, 1)
    assert {a.unit_code for a in world.admin.alerts.alerts(as_of, 600)} >= {"DN.SNV.CCVC", "DN.P.HAICHAU"}
    assert {a.unit_code for a in world.head.alerts.alerts(as_of, 600)} == {"DN.SNV.CCVC"}
    assert {q.unit_code for q in world.head.alerts.quality_issues()} <= {"DN.SNV.CCVC", "DN.SNV"}
    assert {u.unit_code for u in world.head.alerts.unit_completeness()} <= {"DN.SNV.CCVC", "DN.SNV"}
    with pytest.raises(UserError, match="hãy chọn đơn vị"):
        world.head.reports.render_stats(None, as_of, "x.xlsx")
    with pytest.raises(UserError):
        world.head.alerts.alerts(as_of, 6, "DN.P.HAICHAU")


def test_can_tells_the_ui_what_to_enable(world: World):
    assert world.clerk.accounts.can("edit", "DN.SNV.CCVC") and not world.clerk.accounts.can("edit", "DN.P.HAICHAU")
    assert not world.viewer.accounts.can("print") and world.head.accounts.can("approve", "DN.SNV")
    assert world.admin.accounts.can("manage_users") and not world.head.accounts.can("manage_users")


def test_the_city_database_is_read_only_for_everyone(world: World):
    from dataclasses import replace

    city_admin = HoSoService(world.db, principal=replace(world.admin.principal, is_city_readonly=True))
    assert city_admin.people.person(world.a)["cccd"] == CCCD_A
    with pytest.raises(UserError, match="cơ sở dữ liệu thành phố"):
        city_admin.people.update_person(world.a, {"position": "X"})
    with pytest.raises(UserError, match="cơ sở dữ liệu thành phố"):
        city_admin.people.delete_person(world.a)
    # sync and backups belong to a unit's own desk, not to the city database
    assert not city_admin.accounts.can("sync") and not city_admin.accounts.can("backup") and city_admin.accounts.can("package")
    with pytest.raises(UserError, match="máy của đơn vị"):
        require(city_admin.principal, "sync")
    assert world.admin.accounts.can("sync") and world.admin.accounts.can("backup")


def test_no_principal_means_the_local_administrator(db):
    service = HoSoService(db, user="tester")
    assert service.principal.role == "admin" and service.principal.local and service.user == "tester"


def test_a_unit_added_or_moved_below_the_users_units_counts_from_the_next_list(world: World):
    """Units are expanded at sign-in; the service expands them again when the tree changes."""
    world.clerk.people.person_keys(listing.PersonFilter())  # expanded on the tree as it is
    world.admin.units.add_unit("DN.SNV.MOI", "Phòng mới", "DN.SNV")
    world.admin.people.transfer_person(world.b, "DN.SNV.MOI", dt.date(2026, 1, 1))
    keys = world.clerk.people.person_keys(listing.PersonFilter())
    assert world.b.replace("-", "") in keys and world.clerk.people.person(world.b)["unit_code"] == "DN.SNV.MOI"
    with pytest.raises(UserError, match="không được xem"):
        world.other_clerk.people.person(world.b)
    world.admin.units.add_unit("DN.P.KHAC", "Phòng khác", None)
    world.admin.units.move_unit("DN.SNV.MOI", "DN.P.KHAC")  # moved away: out of the clerk's units again
    assert world.b.replace("-", "") not in world.clerk.people.person_keys(listing.PersonFilter())
    with pytest.raises(UserError, match="không được xem"):
        world.clerk.people.person(world.b)
