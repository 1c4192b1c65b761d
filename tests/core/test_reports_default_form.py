"""A per-database setting chooses each staff type's default printed form (2C or the 2023 CV form for
cán bộ/công chức, HS02 or the 2023 form for viên chức); unset, everything prints as before;
``report 2c`` keeps printing 2C/HS02 whatever the setting says."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app import cli
from app.errors import UserError, ValidationError
from app.reports import default_form
from app.reports.default_form import default_forms, form_for, set_default_form
from models import Setting
from tests.core import security_fixtures
from tests.core.conftest import make_database, person_data
from tests.core.test_reports_profile import pdf_text

fast_hashing = security_fixtures.fast_hashing
world_template = security_fixtures.world_template
world = security_fixtures.world

CV2023 = "Mã số định danh:"  # printed on the 2023 form's header only


def test_unset_prints_as_before(db) -> None:
    with db.session() as s:
        assert default_forms(s) == {"can_bo": "2c", "cong_chuc": "2c", "vien_chuc": "hs02"}
    assert form_for("vien_chuc", None) == "hs02" and form_for("cong_chuc", None) == "2c"
    assert form_for("hop_dong", {"hop_dong": "cv2023"}) == "2c"  # contract workers are not configurable


def test_a_choice_is_stored_per_database_and_validated(db) -> None:
    with db.session() as s:
        assert set_default_form(s, "vien_chuc", "cv2023")["vien_chuc"] == "cv2023"
    with db.session() as s:
        assert default_forms(s) == {"can_bo": "2c", "cong_chuc": "2c", "vien_chuc": "cv2023"}
        with pytest.raises(ValidationError, match="Mẫu in mặc định") as bad:
            set_default_form(s, "vien_chuc", "2c")  # a viên chức never prints 2C
        assert bad.value.for_field("form")
        with pytest.raises(ValidationError, match="Loại cán bộ"):
            set_default_form(s, "hop_dong", "cv2023")
    with db.session() as s:  # a crafted value written around the app is ignored, not printed
        s.get(Setting, default_form.SETTING_KEY).value = {"cong_chuc": "hs02", "vien_chuc": "<script>"}
    with db.session() as s:
        assert default_forms(s) == {"can_bo": "2c", "cong_chuc": "2c", "vien_chuc": "hs02"}


@pytest.mark.parametrize("role", ["clerk", "head", "viewer", "other_clerk"])
def test_only_the_administrator_changes_the_setting(world, role) -> None:
    with pytest.raises(UserError):
        world.as_role(role).reports.set_default_form("cong_chuc", "cv2023")
    with world.db.session() as s:
        assert s.scalar(select(Setting).where(Setting.key == default_form.SETTING_KEY)) is None


def test_the_desktop_default_follows_the_setting_and_the_explicit_forms_do_not(world, tmp_path) -> None:
    assert world.admin.reports.render_profile_pdf(world.a, tmp_path / "before.pdf", form="default") >= 1
    assert CV2023 not in " ".join(pdf_text(tmp_path / "before.pdf"))
    assert world.admin.reports.set_default_form("cong_chuc", "cv2023")["cong_chuc"] == "cv2023"
    assert world.clerk.reports.default_forms()["cong_chuc"] == "cv2023"
    world.clerk.reports.render_profile_pdf(world.a, tmp_path / "default.pdf", form="default")
    assert CV2023 in " ".join(pdf_text(tmp_path / "default.pdf"))
    world.clerk.reports.render_profile_pdf(world.a, tmp_path / "plain.pdf")  # no form: 2C/HS02 as documented
    assert CV2023 not in " ".join(pdf_text(tmp_path / "plain.pdf"))
    world.head.reports.render_unit_profiles("DN.SNV", tmp_path / "unit.pdf", form="default")
    assert CV2023 in " ".join(pdf_text(tmp_path / "unit.pdf"))
    with pytest.raises(UserError):  # the setting opens no way around the print policy
        world.viewer.reports.render_profile_pdf(world.a, tmp_path / "none.pdf", form="default")
    assert not (tmp_path / "none.pdf").exists()


def test_report_2c_keeps_printing_2c(tmp_path, capsys) -> None:
    from app import people

    database = make_database(tmp_path)
    with database.session() as s:
        people.create_person(s, person_data(unit_code="DN.SNV.CCVC"))
        set_default_form(s, "cong_chuc", "cv2023")
    database.dispose()
    out = tmp_path / "a.pdf"
    assert cli.run(["report", "2c", "048085001234", "--out", str(out), "--db", str(tmp_path / "hoso.sqlite")]) == 0
    text = " ".join(pdf_text(out))
    assert CV2023 not in text and "SƠ YẾU LÝ LỊCH" in text


def test_several_forms_are_stored_together_or_not_at_all(world) -> None:
    """The settings dialog's Lưu: one transaction — a bad value anywhere stores nothing; only the
    administrator may; a viewer and another unit's clerk are refused."""
    with pytest.raises(ValidationError) as bad:
        world.admin.reports.set_default_forms({"cong_chuc": "cv2023", "vien_chuc": "2c"})
    assert bad.value.for_field("form")
    assert world.admin.reports.default_forms() == {"can_bo": "2c", "cong_chuc": "2c", "vien_chuc": "hs02"}
    for role in ("viewer", "other_clerk", "clerk"):
        with pytest.raises(UserError):
            world.as_role(role).reports.set_default_forms({"cong_chuc": "cv2023"})
    assert world.admin.reports.set_default_forms({"cong_chuc": "cv2023", "vien_chuc": "cv2023"}) == \
        {"can_bo": "2c", "cong_chuc": "cv2023", "vien_chuc": "cv2023"}
    assert world.head.reports.default_forms()["vien_chuc"] == "cv2023"  # everyone who prints reads it
