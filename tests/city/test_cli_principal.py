"""The command line on the city database acts as the HoSo account bound to the login, or as the
Department, or not at all (issue 13's leak: a viewer of one unit ran ``show --json``, ``export``,
``report 2c`` and ``alerts --json`` as a PostgreSQL login and got every unit's dossiers unmasked)."""

from __future__ import annotations

import json
from types import SimpleNamespace

import psycopg
import pytest

from app import cli, people, units
from app.city.init import city_init
from app.city.roles import set_unit_role
from app.db import open_database
from app.services import HoSoService
from tests.city.city_support import drop_roles, psycopg_url, role_url, unique
from tests.core.conftest import person_data

pytestmark = pytest.mark.city

SNV_CCCD, HC_CCCD = "048085001260", "048085001261"
PASSWORD = "mat-khau-xem-1"


@pytest.fixture(scope="module")
def city(pg_url):
    group, unit_login, viewer = unique("hoso_unit_t"), unique("snv"), unique("xem")
    db = open_database(pg_url)
    city_init(db, group=group)
    with db.session("so_noi_vu") as s:
        units.add_unit(s, "DN", "UBND thành phố Đà Nẵng")
        units.add_unit(s, "DN.SNV", "Sở Nội vụ", "DN")
        units.add_unit(s, "DN.P.HAICHAU", "UBND phường Hải Châu", "DN")
        set_unit_role(s, unit_login, ["DN.SNV"], password="mat-khau-so-noi-vu")
        people.create_person(s, person_data(cccd=SNV_CCCD, unit_code="DN.SNV", religion_code="Phật giáo"))
        people.create_person(s, person_data(cccd=HC_CCCD, full_name="Trần Thị Lan", sex="Nữ",
                                            unit_code="DN.P.HAICHAU", religion_code="Phật giáo"))
    # a member of the Department's staff: a login that may read every table (row-level security
    # does not bind it), bound to a HoSo account that is a viewer of DN.SNV
    with psycopg.connect(psycopg_url(pg_url), autocommit=True) as conn:
        conn.execute(f'CREATE ROLE "{viewer}" LOGIN BYPASSRLS')
        conn.execute(f'GRANT SELECT ON ALL TABLES IN SCHEMA public TO "{viewer}"')
        conn.execute(f'GRANT INSERT ON access_log TO "{viewer}"')
        conn.execute(f'GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO "{viewer}"')
    HoSoService(db).accounts.add_user(viewer, "Người xem", "viewer", ["DN.SNV"], PASSWORD,
                                      must_change_password=False)
    yield SimpleNamespace(db=db, url=pg_url, viewer=role_url(pg_url, viewer), unit=role_url(pg_url, unit_login))
    db.dispose()
    drop_roles(pg_url, [viewer, unit_login, group])


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = cli.run(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_show_as_a_viewer_login_is_masked_and_limited_to_its_units(city, capsys) -> None:
    code, out, err = _run(capsys, "show", SNV_CCCD, "--json", "--db", city.viewer)
    assert code == 0, err
    doc = json.loads(out)
    assert doc["cccd"] == "0480******60" and doc["religion"] == "***" and doc["ethnicity"] == "***"
    assert doc["health_status"] == "***" and doc["party_join_date"] is None
    code, out, err = _run(capsys, "show", HC_CCCD, "--json", "--db", city.viewer)
    assert code == 1 and out == "" and "Lan" not in err


def test_export_and_print_are_refused_to_a_viewer_login(city, capsys, tmp_path) -> None:
    code, _out, err = _run(capsys, "export", str(tmp_path / "all.xlsx"), "--db", city.viewer)
    assert code == 1 and "không được xuất" in err and not (tmp_path / "all.xlsx").exists()
    code, _out, err = _run(capsys, "report", "2c", SNV_CCCD, "--out", str(tmp_path / "p.pdf"), "--db", city.viewer)
    assert code == 1 and "không được in" in err and not (tmp_path / "p.pdf").exists()


def test_alerts_as_a_viewer_login_list_its_units_with_masked_numbers(city, capsys) -> None:
    code, out, err = _run(capsys, "alerts", "--json", "--within-months", "600", "--overdue-months", "600",
                          "--db", city.viewer)
    assert code == 0, err
    found = json.loads(out)
    assert found and {a["cccd"] for a in found} == {"0480******60"}
    assert HC_CCCD not in out and SNV_CCCD not in out


def test_a_unit_login_may_only_sync(city, capsys) -> None:
    for argv in (("show", SNV_CCCD), ("search", "Bình"), ("alerts", "--json")):
        code, out, err = _run(capsys, *argv, "--db", city.unit)
        assert code == 1 and out == "" and "là tài khoản đồng bộ của một đơn vị" in err, argv


def test_the_department_still_reads_everything(city, capsys) -> None:
    code, out, err = _run(capsys, "show", HC_CCCD, "--json", "--db", city.url)
    assert code == 0, err
    assert json.loads(out)["religion"] == "Phật giáo"


def test_who_acts_knows_the_city_database_as_the_city_package_does(city) -> None:
    from app.city.init import SETTING_KEY
    from app.city.mode import is_city_database
    from app.security.principal import CITY_SETTING, city_mode

    assert CITY_SETTING == SETTING_KEY
    with city.db.session() as s:
        assert city_mode(s) is True and is_city_database(s) is True
