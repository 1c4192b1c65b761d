"""``package key | own-unit | export | trust | keys | import`` on the command line: exit codes and JSON."""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import pytest

from app import cli, people
from app.db import open_database
from tests.core.conftest import make_database, person_data


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = cli.run(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("package-cli")
    make_database(folder).dispose()
    return folder / "hoso.sqlite"


@pytest.fixture
def desks(template, tmp_path) -> tuple[str, str]:
    """(unit database, city database) as files, the unit with one person in DN.SNV.CCVC."""
    unit, city = tmp_path / "unit.sqlite", tmp_path / "city.sqlite"
    shutil.copyfile(template, unit)
    shutil.copyfile(template, city)
    database = open_database(unit)
    with database.session() as s:
        people.create_person(s, person_data(unit_code="DN.SNV.CCVC"))
    database.dispose()
    return str(unit), str(city)


def test_export_trust_import_and_import_again(capsys, desks, tmp_path) -> None:
    unit, city = desks
    assert run(capsys, "package", "own-unit", "DN.SNV", "--db", unit)[0] == 0
    code, out, _ = run(capsys, "package", "key", "--out", str(tmp_path / "snv.pub"), "--json", "--db", unit)
    assert code == 0 and json.loads(out)["unit_code"] == "DN.SNV"
    code, out, err = run(capsys, "package", "export", "--out", str(tmp_path / "goi.zip"), "--db", unit)
    assert code == 0 and "1 hồ sơ" in err and zipfile.is_zipfile(tmp_path / "goi.zip")

    code, _, err = run(capsys, "package", "import", str(tmp_path / "goi.zip"), "--json", "--db", city)
    assert code == 1 and "khoá chưa được Sở Nội vụ tin cậy" in err and "Traceback" not in err

    code, out, _ = run(capsys, "package", "trust", str(tmp_path / "snv.pub"), "--json", "--db", city)
    assert code == 0 and json.loads(out)["added"] is True
    code, out, _ = run(capsys, "package", "keys", "--json", "--db", city)
    assert [(k["unit_code"], k["unit_name"]) for k in json.loads(out)] == [("DN.SNV", "Sở Nội vụ")]

    code, out, _ = run(capsys, "package", "import", str(tmp_path / "goi.zip"), "--json", "--db", city)
    result = json.loads(out)
    assert code == 0
    assert {k: result[k] for k in ("unit", "inserted", "updated", "unchanged", "deleted", "rejected", "problems")} \
        == {"unit": "DN.SNV", "inserted": 1, "updated": 0, "unchanged": 0, "deleted": 0, "rejected": 0, "problems": []}
    assert len(result["package"]) == 64
    code, out, _ = run(capsys, "show", "048085001234", "--json", "--db", city)
    assert code == 0 and json.loads(out)["unit_code"] == "DN.SNV.CCVC"
    code, out, _ = run(capsys, "history", "048085001234", "--json", "--db", city)
    entries = json.loads(out)
    assert code == 0 and [(e["action"], e["field"]) for e in entries] == [("create", "package")]
    assert f"nhập từ gói {result['package'][:12]} của đơn vị DN.SNV" == entries[0]["new"]

    code, out, err = run(capsys, "package", "import", str(tmp_path / "goi.zip"), "--db", city)
    assert code == 0 and "đã nhập trước đây" in err


def test_export_without_a_unit_is_refused_with_exit_1(capsys, desks, tmp_path) -> None:
    code, _, err = run(capsys, "package", "export", "--out", str(tmp_path / "goi.zip"), "--db", desks[0])
    assert code == 1 and "--unit" in err
    assert not (tmp_path / "goi.zip").exists()


def test_usage_errors_exit_2(capsys, desks) -> None:
    assert run(capsys, "package", "export", "--db", desks[0])[0] == 2  # --out is required
    assert run(capsys, "package", "--db", desks[0])[0] == 2


def test_a_missing_package_file_is_refused(capsys, desks, tmp_path) -> None:
    code, _, err = run(capsys, "package", "import", str(tmp_path / "none.zip"), "--db", desks[1])
    assert code == 1 and "none.zip" in err


def test_key_shows_the_fingerprint(capsys, desks) -> None:
    code, out, _ = run(capsys, "package", "key", "--unit", "DN.SNV", "--db", desks[0])
    assert code == 0 and "Dấu vân tay" in out
