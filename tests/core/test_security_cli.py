"""``user``, ``audit`` and ``review`` on the command line (a local file: its administrator)."""

from __future__ import annotations

import io
import json

import pytest

from app import cli
from app.services import HoSoService
from tests.core.conftest import person_data
from tests.core.security_fixtures import PASSWORD, fast_hashing  # noqa: F401 - autouse fixture


def run(capsys, monkeypatch, *argv: str, stdin: str | None = None) -> tuple[int, str, str]:
    if stdin is not None:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = cli.run(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def target(db) -> str:
    HoSoService(db).people.create_person(person_data(unit_code="DN.SNV.CCVC"))
    return str(db.url).removeprefix("sqlite:///")


def test_user_commands(capsys, monkeypatch, target):
    code, _, err = run(capsys, monkeypatch, "user", "add", "nhaplieu", "--role", "clerk", "--unit", "DN.SNV",
                       "--full-name", "Người Nhập", "--password-stdin", "--db", target, stdin=PASSWORD + "\n")
    assert code == 0 and "Đã thêm tài khoản nhaplieu" in err
    code, out, _ = run(capsys, monkeypatch, "user", "list", "--json", "--db", target)
    users = json.loads(out)
    assert users[0]["username"] == "nhaplieu" and users[0]["units"] == ["DN.SNV"] and users[0]["must_change_password"]
    code, _, err = run(capsys, monkeypatch, "user", "add", "x", "--role", "viewer", "--unit", "DN",
                       "--password-stdin", "--db", target, stdin="ngan\n")
    assert code == 1 and "ít nhất 8 ký tự" in err
    code, _, err = run(capsys, monkeypatch, "user", "add", "x", "--role", "boss", "--db", target)
    assert code == 2
    assert run(capsys, monkeypatch, "user", "passwd", "nhaplieu", "--password-stdin", "--no-forced-change",
               "--db", target, stdin="mat-khau-moi-9\n")[0] == 0
    assert run(capsys, monkeypatch, "user", "disable", "nhaplieu", "--db", target)[0] == 0
    code, out, _ = run(capsys, monkeypatch, "user", "list", "--json", "--db", target)
    assert json.loads(out)[0]["active"] is False
    with pytest.raises(SystemExit):
        cli.run(["user", "--help"])
    assert "quyền quản trị viên của tệp" in " ".join(capsys.readouterr().out.split())


def test_review_and_audit_commands(capsys, monkeypatch, target, db):
    run(capsys, monkeypatch, "user", "add", "nhaplieu", "--role", "clerk", "--unit", "DN.SNV", "--password-stdin",
        "--db", target, stdin=PASSWORD + "\n")
    clerk = HoSoService(db)
    clerk.accounts.sign_in("nhaplieu", PASSWORD)
    clerk.people.update_person("048085001234", {"position": "Chuyên viên chính"})
    code, out, _ = run(capsys, monkeypatch, "review", "pending", "--json", "--db", target)
    assert code == 0 and [p["cccd"] for p in json.loads(out)] == ["048085001234"]
    code, _, err = run(capsys, monkeypatch, "review", "return", "048085001234", "--db", target)
    assert code == 1 and "phải ghi lý do" in err
    assert run(capsys, monkeypatch, "review", "return", "048085001234", "--comment", "Sai", "--db", target)[0] == 0
    code, out, _ = run(capsys, monkeypatch, "review", "pending", "--returned", "--json", "--db", target)
    assert json.loads(out)[0]["comment"] == "Sai"
    clerk.people.update_person("048085001234", {"position": "Chuyên viên"})
    assert run(capsys, monkeypatch, "review", "approve", "048085001234", "--db", target)[0] == 0
    code, out, _ = run(capsys, monkeypatch, "review", "history", "048085001234", "--json", "--db", target)
    assert [s["action"] for s in json.loads(out)] == ["submit", "return", "submit", "approve"]
    code, out, _ = run(capsys, monkeypatch, "audit", "--user", "nhaplieu", "--json", "--db", target)
    entries = json.loads(out)
    assert code == 0 and {e["action"] for e in entries} >= {"login", "update", "submit"}
    assert all(e["by"] == "nhaplieu" for e in entries)
    code, _, err = run(capsys, monkeypatch, "audit", "--since", "hôm qua", "--db", target)
    assert code == 1 and "--since" in err
    out_file = str(db.url).removeprefix("sqlite:///").replace("hoso.sqlite", "nk.xlsx")
    code, _, err = run(capsys, monkeypatch, "audit", "--out", out_file, "--db", target)
    assert code == 0 and "dòng nhật ký" in err


def _access(db) -> list[tuple[str, str, str | None, str | None]]:
    from sqlalchemy import select

    from models import Person
    from models.security import AccessLog

    with db.session() as s:
        rows = s.execute(select(AccessLog.action, AccessLog.by, Person.cccd, AccessLog.detail)
                         .outerjoin(Person, Person.id == AccessLog.person_id).order_by(AccessLog.id)).all()
    return [tuple(r) for r in rows]


def test_the_command_lines_views_prints_and_exports_are_in_the_access_log(capsys, monkeypatch, target, db, tmp_path):
    from app.db import current_user

    HoSoService(db).people.create_person(person_data(cccd="048085005678", full_name="Trần Thị Lan", unit_code="DN.P.HAICHAU"))
    me = current_user()
    a = "048085001234"

    assert run(capsys, monkeypatch, "show", a, "--db", target)[0] == 0
    assert _access(db) == [("view", me, a, "dòng lệnh: xem hồ sơ")]
    assert run(capsys, monkeypatch, "show", a, "--json", "--db", target)[0] == 0
    assert run(capsys, monkeypatch, "history", a, "--json", "--db", target)[0] == 0
    assert [e[:3] for e in _access(db)[1:]] == [("view", me, a), ("view", me, a)]
    assert _access(db)[-1][3] == "dòng lệnh: xem lịch sử thay đổi"

    code, _, err = run(capsys, monkeypatch, "report", "2c", a, "--out", str(tmp_path / "a.pdf"), "--db", target)
    assert code == 0, err
    assert _access(db)[-1] == ("print", me, a, "dòng lệnh: in sơ yếu lý lịch ra a.pdf")
    before = len(_access(db))
    assert run(capsys, monkeypatch, "report", "2c", "--unit", "DN.SNV", "--out", str(tmp_path / "u.pdf"),
               "--db", target)[0] == 0
    assert [e[:3] for e in _access(db)[before:]] == [("print", me, a)]  # only the unit's people
    before = len(_access(db))
    assert run(capsys, monkeypatch, "report", "list", "--columns", "stt,ho_ten", "--out", str(tmp_path / "l.xlsx"),
               "--db", target)[0] == 0
    assert len(_access(db)) == before  # no sensitive column: nothing to log
    assert run(capsys, monkeypatch, "report", "list", "--columns", "stt,ho_ten,cccd", "--out",
               str(tmp_path / "l.pdf"), "--db", target)[0] == 0
    assert sorted(e[2] for e in _access(db)[before:]) == [a, "048085005678"]
    before = len(_access(db))
    assert run(capsys, monkeypatch, "export", str(tmp_path / "x.xlsx"), "--unit", "DN.P.HAICHAU", "--db", target)[0] == 0
    assert _access(db)[before:] == [("export", me, "048085005678", "dòng lệnh: xuất danh sách ra x.xlsx")]
    before = len(_access(db))
    assert run(capsys, monkeypatch, "alerts", "--within-months", "600", "--out", str(tmp_path / "c.xlsx"),
               "--db", target)[0] == 0
    assert {e[0] for e in _access(db)[before:]} == {"export"} and len(_access(db)) > before

    # When the entry cannot be written the command fails and leaves no file behind.
    from sqlalchemy.exc import OperationalError

    def locked(*_args, **_kwargs):
        raise OperationalError("INSERT INTO access_log", {}, Exception("database is locked"))

    monkeypatch.setattr("app.security.access.log_many", locked)
    code, _, err = run(capsys, monkeypatch, "export", str(tmp_path / "y.xlsx"), "--db", target)
    assert code == 1 and "Không ghi được nhật ký truy cập" in err and not (tmp_path / "y.xlsx").exists()
    code, out, err = run(capsys, monkeypatch, "show", a, "--db", target)
    assert code == 1 and out == "" and "nhật ký truy cập" in err
