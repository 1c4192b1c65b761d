"""The command line of CONTRACT.md: outputs, JSON shapes, exit codes and error messages."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from app import cli, people
from tests.core.conftest import person_data

ROOT = Path(__file__).resolve().parents[2]


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = cli.run(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def dbfile(db) -> str:
    with db.session() as s:
        people.create_person(s, person_data(unit_code="DN.SNV.CCVC"))
    return str(Path(db.url.removeprefix("sqlite:///")))


def test_unit_add_and_list(capsys, tmp_path) -> None:
    target = str(tmp_path / "u.sqlite")
    assert run(capsys, "unit", "add", "DN", "UBND thành phố Đà Nẵng", "--db", target)[0] == 0
    code, _, err = run(capsys, "unit", "add", "DN.SNV", "Sở Nội vụ", "--parent", "DN", "--db", target)
    assert code == 0 and "Đã thêm" in err
    code, out, _ = run(capsys, "unit", "list", "--json", "--db", target)
    assert code == 0
    assert json.loads(out) == [{"code": "DN", "name": "UBND thành phố Đà Nẵng", "parent": None},
                               {"code": "DN.SNV", "name": "Sở Nội vụ", "parent": "DN"}]
    code, out, _ = run(capsys, "unit", "list", "--db", target)
    assert "Sở Nội vụ" in out and "Cấp trên" in out


def test_unit_errors(capsys, tmp_path) -> None:
    target = str(tmp_path / "u.sqlite")
    run(capsys, "unit", "add", "DN", "Đà Nẵng", "--db", target)
    code, out, err = run(capsys, "unit", "add", "DN", "Lần hai", "--db", target)
    assert code == 1 and "đã được dùng" in err and out == ""
    code, _, err = run(capsys, "unit", "add", "X", "Y", "--parent", "KHONG", "--db", target)
    assert code == 1 and "Đơn vị cấp trên" in err
    assert run(capsys, "unit", "add", "CHI_MA", "--db", target)[0] == 2


def test_search_json_shape_and_order(capsys, dbfile) -> None:
    code, out, _ = run(capsys, "search", "binh", "--json", "--db", dbfile)
    assert code == 0
    hits = json.loads(out)
    assert hits[0]["cccd"] == "048085001234"
    assert set(hits[0]) == {"id", "cccd", "full_name", "birth_date", "unit_code"}
    assert hits[0]["birth_date"] == "1985-03-12" and hits[0]["unit_code"] == "DN.SNV.CCVC"
    code, out, err = run(capsys, "search", "", "--db", dbfile)
    assert "12/03/1985" in out and "1 kết quả" in err
    assert json.loads(run(capsys, "search", "binh", "--unit", "DN.P.HAICHAU", "--json", "--db", dbfile)[1]) == []


def test_show_json_has_every_contract_key(capsys, dbfile) -> None:
    code, out, _ = run(capsys, "show", "048085001234", "--json", "--db", dbfile)
    assert code == 0
    doc = json.loads(out)
    for key in ("id", "cccd", "full_name", "birth_date", "sex", "unit_code", "ethnicity", "religion", "grade_code",
                "salary_step", "salary_coefficient", "salary_since", "retirement_date", "next_salary_step_date",
                "completeness", "training", "work_history", "family", "salary_history", "rewards", "discipline"):
        assert doc[key] not in (None, "", []), key
    by_id = json.loads(run(capsys, "show", doc["id"], "--json", "--db", dbfile)[1])
    assert by_id["cccd"] == "048085001234"
    code, out, _ = run(capsys, "show", "048085001234", "--db", dbfile)
    assert "Nguyễn Văn Bình" in out and "12/03/1985" in out and "Ngày nghỉ hưu" in out


def test_history_json(capsys, dbfile) -> None:
    code, out, _ = run(capsys, "history", "048085001234", "--json", "--db", dbfile)
    assert code == 0
    entries = json.loads(out)
    assert {"at", "by", "field", "old", "new"} <= set(entries[0])
    assert entries[0]["by"] == "tester" or entries[0]["field"] == "*"
    assert entries == sorted(entries, key=lambda e: e["at"])


@pytest.mark.parametrize("argv", [
    ("show", "000000000000", "--json"),
    ("show", "khong-phai-ma", "--json"),
    ("history", "049999999999", "--json"),
])
def test_unknown_person_exit_1(capsys, dbfile, argv) -> None:
    code, out, err = run(capsys, *argv, "--db", dbfile)
    assert code == 1 and out == "" and err.startswith("Lỗi:")


@pytest.mark.parametrize("argv", [
    ("khong-co-lenh",), ("search", "--limit", "-1"), ("search", "--limit", "abc"), ("show",), ("unit",),
])
def test_wrong_usage_exit_2(capsys, tmp_path, argv) -> None:
    code, out, err = run(capsys, *argv, "--db", str(tmp_path / "x.sqlite"))
    assert code == 2 and out == "" and "cách dùng" in err


def test_bad_database_targets(capsys, tmp_path) -> None:
    code, _, err = run(capsys, "unit", "list", "--db", str(tmp_path / "khong" / "a.sqlite"))
    assert code == 1 and "không tồn tại" in err
    text = tmp_path / "a.txt"
    text.write_text("xin chào")
    code, _, err = run(capsys, "unit", "list", "--db", str(text))
    assert code == 1 and "không phải là cơ sở dữ liệu HoSo" in err


def test_default_database_is_created_in_the_data_folder(capsys, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("HOSO_DATA_DIR", str(tmp_path / "data"))
    assert run(capsys, "unit", "list", "--json")[0] == 0
    assert (tmp_path / "data" / "hoso.sqlite").exists()


def test_process_never_prints_a_traceback(tmp_path) -> None:
    env = {"HOSO_DATA_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"}
    result = subprocess.run([sys.executable, "main.py", "show", "048085001234", "--json", "--db",
                             str(tmp_path / "n.sqlite")], cwd=ROOT, capture_output=True, text=True, env=env)
    assert result.returncode == 1 and "Traceback" not in result.stderr and result.stdout == ""
    assert "Không tìm thấy" in result.stderr


def test_db_before_or_after_the_subcommand(capsys, tmp_path) -> None:
    target = str(tmp_path / "order.sqlite")
    assert run(capsys, "--db", target, "unit", "add", "DN", "Đà Nẵng")[0] == 0
    code, out, _ = run(capsys, "unit", "list", "--json", "--db", target)
    assert json.loads(out) == [{"code": "DN", "name": "Đà Nẵng", "parent": None}]
    code, out, _ = run(capsys, "--db", target, "unit", "list", "--json")
    assert json.loads(out)[0]["code"] == "DN"
