"""``declaration request new|list|answer`` (issue 16, REFERENCE §7) on a local file: recorded with
its deadline, listed (overdue ones marked), answered in one action with the dossier PDF, the
dossier spreadsheet and the access history, as the window does. Refusals by role and unit on the
command line are in tests/city/test_declaration_cli.py (PostgreSQL logins bound to accounts)."""

from __future__ import annotations

import datetime as dt
import json
import os
import stat

from openpyxl import load_workbook
from pypdf import PdfReader

from app.cli import run
from app.declaration import followup
from app.services import HoSoService
from tests.core.conftest import make_database, person_data
from tests.core.security_fixtures import CCCD_A, CCCD_B


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = run(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_request_new_list_answer(tmp_path, capsys):
    db = make_database(tmp_path)
    admin = HoSoService(db)
    admin.people.create_person(person_data(unit_code="DN.SNV", religion_code="Phật giáo"))
    admin.people.create_person(person_data(cccd=CCCD_B, full_name="Trần Thị Lan", sex="Nữ", unit_code="DN.P.HAICHAU"))
    admin.people.person(CCCD_A)  # a view: it must be in the answer's history
    db.dispose()
    database = str(tmp_path / "hoso.sqlite")
    today = dt.date.today()
    old = today - dt.timedelta(days=30)
    code, out, err = _run(capsys, "--db", database, "declaration", "request", "new", CCCD_A, "--date",
                          old.isoformat(), "--note", "Đơn viết tay", "--json")
    assert code == 0, err
    late = json.loads(out)
    assert late["received_on"] == old.isoformat() and late["due_on"] == followup.request_due(old).isoformat()
    assert late["answered_on"] is None and late["note"] == "Đơn viết tay"
    code, out, err = _run(capsys, "--db", database, "declaration", "request", "new", CCCD_B, "--kind", "correction")
    assert code == 0 and out == "" and "Đã ghi nhận yêu cầu" in err and f"{followup.request_due(today):%d/%m/%Y}" in err
    # the list: oldest deadline first; --overdue only the late unanswered one; --unit cuts the tree
    code, out, err = _run(capsys, "--db", database, "declaration", "request", "list", "--json")
    rows = json.loads(out)
    assert [(r["cccd"], r["kind"], r["overdue"]) for r in rows] == \
        [(CCCD_A, "access", True), (CCCD_B, "correction", False)]
    assert rows[0]["full_name"] == "Nguyễn Văn Bình" and rows[0]["unit_code"] == "DN.SNV"
    code, out, _ = _run(capsys, "--db", database, "declaration", "request", "list", "--overdue", "--json")
    assert [r["id"] for r in json.loads(out)] == [late["id"]]
    code, out, _ = _run(capsys, "--db", database, "declaration", "request", "list", "--unit", "DN.P.HAICHAU", "--json")
    assert [r["cccd"] for r in json.loads(out)] == [CCCD_B]
    code, out, err = _run(capsys, "--db", database, "declaration", "request", "list")
    assert code == 0 and "(quá hạn)" in out and "Trần Thị Lan" in out and "2 yêu cầu, 1 quá hạn." in err
    # the answer: three files, the request answered, no longer overdue
    folder = tmp_path / "tra-loi"
    code, out, err = _run(capsys, "--db", database, "declaration", "request", "answer", late["id"],
                          "--out", str(folder), "--json")
    assert code == 0, err
    files = [p for p in map(os.path.basename, json.loads(out)["files"])]
    assert files == [f"ho-so-{CCCD_A}.pdf", f"ho-so-{CCCD_A}.xlsx", f"nhat-ky-xu-ly-{CCCD_A}.xlsx"]
    text = "\n".join(page.extract_text() for page in PdfReader(folder / files[0]).pages)
    assert "NGUYỄN VĂN BÌNH" in text.upper() and "TRẦN THỊ LAN" not in text.upper()
    dossier = load_workbook(folder / files[1])
    assert any(row[1] == "Phật giáo" for row in dossier.active.iter_rows(values_only=True))  # complete
    history = [row for row in load_workbook(folder / files[2]).active.iter_rows(values_only=True)]
    assert len(history) > 1
    for name in files:  # only the person's own data
        assert CCCD_B not in "".join(str(c) for ws in ([] if name.endswith(".pdf") else
                                                       load_workbook(folder / name).worksheets)
                                     for row in ws.iter_rows(values_only=True) for c in row)
    code, out, _ = _run(capsys, "--db", database, "declaration", "request", "list", "--overdue", "--json")
    assert json.loads(out) == []
    code, out, _ = _run(capsys, "--db", database, "declaration", "request", "list", "--open", "--json")
    assert [r["cccd"] for r in json.loads(out)] == [CCCD_B]
    code, out, _ = _run(capsys, "--db", database, "declaration", "request", "list", "--json")
    assert json.loads(out)[0]["answered_on"] == today.isoformat()
    if os.name == "posix":  # the answer's folder, made by HoSo, is its owner's only (whatever the umask)
        assert stat.S_IMODE(os.stat(folder).st_mode) == 0o700


def test_request_refusals_name_the_field(tmp_path, capsys):
    db = make_database(tmp_path)
    HoSoService(db).people.create_person(person_data(unit_code="DN.SNV"))
    db.dispose()
    database = str(tmp_path / "hoso.sqlite")
    tomorrow = (dt.date.today() + dt.timedelta(days=1)).isoformat()
    cases = [
        (("request", "new", CCCD_A, "--date", "31/12/2026"), 1, "--date: '31/12/2026' không phải là ngày hợp lệ"),
        (("request", "new", CCCD_A, "--date", tomorrow), 1, "tương lai"),
        (("request", "new", "048085009999"), 1, "048085009999"),
        (("request", "new", CCCD_A, "--kind", "xoá"), 2, "--kind"),
        (("request", "new"), 2, "KEY"),
        (("request", "answer", "không-phải-mã", "--out", str(tmp_path / "x")), 1, "không-phải-mã"),
        (("request", "answer", "1b4e28ba-2fa1-11d2-883f-0016d3cca427", "--out", str(tmp_path / "x")), 1,
         "Không có yêu cầu"),
        (("request", "list", "--unit", "KHONGCO"), 1, "KHONGCO"),
        (("request",), 2, "new|list|answer"),
    ]
    for argv, expected, words in cases:
        code, out, err = _run(capsys, "--db", database, "declaration", *argv)
        assert (code, out) == (expected, ""), (argv, code, err)
        assert words in err and "Traceback" not in err, (argv, err)
    assert not (tmp_path / "x").exists()
    code, out, _ = _run(capsys, "--db", database, "declaration", "request", "list", "--json")
    assert json.loads(out) == []
