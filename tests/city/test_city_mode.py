"""City mode: the Department opens the city database and searches, prints and counts city-wide."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from openpyxl import load_workbook

from app import cli, people, units
from app.city.init import city_init
from app.city.mode import is_city_database
from app.db import open_database
from app.reports.stats import compute_stats
from tests.city.city_support import drop_roles, unique
from tests.core.conftest import person_data

pytestmark = pytest.mark.city


@pytest.fixture(scope="module")
def city_url(pg_url):
    group = unique("hoso_unit_t")
    db = open_database(pg_url)
    try:
        city_init(db, group=group)
        with db.session("so_noi_vu") as s:
            units.add_unit(s, "DN", "UBND thành phố Đà Nẵng")
            units.add_unit(s, "DN.SNV", "Sở Nội vụ", "DN")
            units.add_unit(s, "DN.P.HAICHAU", "UBND phường Hải Châu", "DN")
            people.create_person(s, person_data(unit_code="DN.SNV"))
            people.create_person(s, person_data(cccd="048185001236", full_name="Trần Thị Lan", sex="Nữ",
                                                unit_code="DN.P.HAICHAU"))
    finally:
        db.dispose()
    yield pg_url
    drop_roles(pg_url, [group])


def test_city_database_is_recognised(city_url, tmp_path) -> None:
    db = open_database(city_url)
    with db.session() as s:
        assert is_city_database(s)
    db.dispose()
    local = open_database(tmp_path / "hoso.sqlite")
    with local.session() as s:
        assert not is_city_database(s)
    local.dispose()


def test_city_wide_search(city_url, capsys) -> None:
    assert cli.run(["search", "", "--db", city_url, "--json"]) == 0
    found = {h["cccd"]: h["unit_code"] for h in json.loads(capsys.readouterr().out)}
    assert found == {"048085001234": "DN.SNV", "048185001236": "DN.P.HAICHAU"}
    assert cli.run(["search", "lan", "--db", city_url, "--json"]) == 0
    assert [h["cccd"] for h in json.loads(capsys.readouterr().out)] == ["048185001236"]


def test_2c_profile_prints(city_url, tmp_path) -> None:
    out = tmp_path / "2c.pdf"
    assert cli.run(["report", "2c", "048085001234", "--out", str(out), "--db", city_url]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        words = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
        assert "NGUYỄN VĂN BÌNH" in words.upper()


def test_statistics_count_the_whole_city(city_url, tmp_path) -> None:
    db = open_database(city_url)
    with db.session() as s:
        table = compute_stats(s)
    db.dispose()
    assert table.total.values["tong_so"] == 2 and table.total.values["nu"] == 1
    out = tmp_path / "stats.xlsx"
    assert cli.run(["report", "stats", "--out", str(out), "--db", city_url]) == 0
    assert load_workbook(out).active.max_row > 5
    pdf = tmp_path / "stats.pdf"
    assert cli.run(["report", "stats", "--unit", "DN", "--out", str(pdf), "--db", city_url]) == 0
    assert pdf.read_bytes().startswith(b"%PDF")
