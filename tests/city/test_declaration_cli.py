"""``declaration issue|review|accept`` and ``declaration request new|list|answer`` refused on the
command line to the wrong role and the wrong unit (issue 16): on PostgreSQL the command line acts as
the HoSo account bound to the login (``principal.for_cli``), so a clerk of DN.SNV, a viewer of
DN.SNV and the Department (the database's superuser) each get their own answer. A refusal is exit
code 1 with the reason in Vietnamese on stderr, nothing on stdout, no traceback, no file and no
row written (CONTRACT.md)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from types import SimpleNamespace

import psycopg
import pytest
from sqlalchemy import text

from app import cli, people, units
from app.catalogs import load_catalogs
from app.db import open_database
from app.services import HoSoService
from tests.city.city_support import drop_roles, psycopg_url, role_url, unique
from tests.core.conftest import person_data

pytestmark = pytest.mark.city

SNV_CCCD, HC_CCCD = "048085001270", "048085001271"
PASSWORD = "mat-khau-ke-khai-1"
COUNTED = ("declarations", "data_requests", "change_log", "review_events", "persons")


@pytest.fixture(scope="module")
def office(pg_url):
    """A shared office database on PostgreSQL (not the city's): a clerk and a viewer of DN.SNV,
    each a login bound to its HoSo account; one dossier in DN.SNV, one in DN.P.HAICHAU."""
    clerk, viewer = unique("nhaplieu"), unique("xem")
    db = open_database(pg_url)
    with db.session("quantri") as s:
        load_catalogs(s)
        units.add_unit(s, "DN", "UBND thành phố Đà Nẵng")
        units.add_unit(s, "DN.SNV", "Sở Nội vụ", "DN")
        units.add_unit(s, "DN.P.HAICHAU", "UBND phường Hải Châu", "DN")
        people.create_person(s, person_data(cccd=SNV_CCCD, unit_code="DN.SNV"))
        people.create_person(s, person_data(cccd=HC_CCCD, full_name="Trần Thị Lan", sex="Nữ",
                                            unit_code="DN.P.HAICHAU"))
    with psycopg.connect(psycopg_url(pg_url), autocommit=True) as conn:
        for login in (clerk, viewer):
            conn.execute(f'CREATE ROLE "{login}" LOGIN')
            conn.execute(f'GRANT ALL ON ALL TABLES IN SCHEMA public TO "{login}"')
            conn.execute(f'GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO "{login}"')
    accounts = HoSoService(db).accounts
    accounts.add_user(clerk, "Người nhập liệu", "clerk", ["DN.SNV"], PASSWORD, must_change_password=False)
    accounts.add_user(viewer, "Người xem", "viewer", ["DN.SNV"], PASSWORD, must_change_password=False)
    yield SimpleNamespace(db=db, admin=pg_url, clerk=role_url(pg_url, clerk), viewer=role_url(pg_url, viewer))
    db.dispose()
    drop_roles(pg_url, [clerk, viewer])


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    code = cli.run(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def _counts(office) -> dict[str, int]:
    with office.db.session() as s:
        return {t: s.scalar(text(f"SELECT count(*) FROM {t}")) for t in COUNTED}


def _refused(capsys, office, argv: tuple[str, ...], words: str) -> None:
    before = _counts(office)
    code, out, err = _run(capsys, *argv)
    assert (code, out) == (1, ""), (argv, code, out, err)
    assert words in err and "Traceback" not in err, (argv, err)
    assert _counts(office) == before, argv


def _set_phone(path: Path, phone: str) -> None:
    from openpyxl import load_workbook

    from app.declaration import form

    wb = load_workbook(path)
    ws = wb[form.PERSON_SHEET]
    row = next(r for r in range(3, ws.max_row + 1) if ws.cell(row=r, column=1).value == "phone")
    ws.cell(row=row, column=4).value = phone
    wb.save(path)


def test_issue_review_accept_refused_to_the_wrong_role_and_unit(office, capsys, tmp_path):
    # the clerk of DN.SNV issues for its own person; the Department for the other unit's
    mine, theirs = tmp_path / "mine.xlsx", tmp_path / "theirs.xlsx"
    code, _out, err = _run(capsys, "--db", office.clerk, "declaration", "issue", SNV_CCCD, "--out", str(mine))
    assert code == 0, err
    code, _out, err = _run(capsys, "--db", office.admin, "declaration", "issue", HC_CCCD, "--out", str(theirs))
    assert code == 0, err
    _set_phone(mine, "0912345678")
    _set_phone(theirs, "0987654321")
    # issue: the viewer (its own unit) and the clerk (another unit, one person or the whole unit)
    for login, argv in ((office.viewer, ("issue", SNV_CCCD, "--out", str(tmp_path / "v.xlsx"))),
                        (office.viewer, ("issue", "--unit", "DN.SNV", "--out", str(tmp_path / "vdir"))),
                        (office.clerk, ("issue", HC_CCCD, "--out", str(tmp_path / "c.xlsx"))),
                        (office.clerk, ("issue", "--unit", "DN.P.HAICHAU", "--out", str(tmp_path / "cdir")))):
        _refused(capsys, office, ("--db", login, "declaration", *argv), "không được sửa")
    for name in ("v.xlsx", "vdir", "c.xlsx", "cdir"):
        assert not (tmp_path / name).exists(), name
    # review and accept: the viewer on its own unit's file, the clerk on the other unit's file
    for login, path in ((office.viewer, mine), (office.clerk, theirs)):
        for action in (("review", str(path), "--json"), ("accept", str(path)), ("accept", str(path), "--field", "phone")):
            _refused(capsys, office, ("--db", login, "declaration", *action), "không được sửa")
    with office.db.session() as s:
        phones = dict(s.execute(text("SELECT cccd, phone FROM persons")).all())
    assert phones[SNV_CCCD] != "0912345678" and phones[HC_CCCD] != "0987654321"
    # what the refusals did not stop: the clerk accepts its own person's file, exactly once
    code, out, err = _run(capsys, "--db", office.clerk, "declaration", "accept", str(mine), "--json")
    assert code == 0, err
    assert [c["field"] for c in json.loads(out)["accepted"]] == ["phone"]
    before = _counts(office)
    code, out, err = _run(capsys, "--db", office.clerk, "declaration", "accept", str(mine), "--json")
    assert code == 0 and json.loads(out)["unchanged"] is True and _counts(office) == before
    # wrong usage: exit 2
    code, out, err = _run(capsys, "--db", office.clerk, "declaration", "accept")
    assert code == 2 and out == "" and "Traceback" not in err


def test_requests_refused_to_the_wrong_role_and_unit(office, capsys, tmp_path):
    code, out, err = _run(capsys, "--db", office.admin, "declaration", "request", "new", HC_CCCD,
                          "--date", "2026-01-05", "--json")
    assert code == 0, err
    theirs = json.loads(out)["id"]
    code, out, err = _run(capsys, "--db", office.clerk, "declaration", "request", "new", SNV_CCCD,
                          "--date", "2026-01-06", "--json")
    assert code == 0, err
    mine = json.loads(out)["id"]
    # new: the viewer, and the clerk for the other unit's person
    _refused(capsys, office, ("--db", office.viewer, "declaration", "request", "new", SNV_CCCD), "không được sửa")
    _refused(capsys, office, ("--db", office.clerk, "declaration", "request", "new", HC_CCCD), "không được sửa")
    # list: the viewer not at all; the clerk only its units (and not the other unit named)
    _refused(capsys, office, ("--db", office.viewer, "declaration", "request", "list", "--json"), "không được sửa")
    _refused(capsys, office, ("--db", office.clerk, "declaration", "request", "list", "--unit", "DN.P.HAICHAU"),
             "không được sửa")
    code, out, err = _run(capsys, "--db", office.clerk, "declaration", "request", "list", "--json")
    assert code == 0, err
    assert [r["id"] for r in json.loads(out)] == [mine] and "Lan" not in out
    code, out, err = _run(capsys, "--db", office.admin, "declaration", "request", "list", "--overdue", "--json")
    assert code == 0 and {r["id"] for r in json.loads(out)} == {mine, theirs}
    # answer: the viewer on its own unit's request, the clerk on the other unit's: no file, not answered
    for login, request in ((office.viewer, mine), (office.clerk, theirs)):
        folder = tmp_path / f"answer-{request}"
        _refused(capsys, office, ("--db", login, "declaration", "request", "answer", request, "--out", str(folder)),
                 "không được")
        assert not folder.exists()
    with office.db.session() as s:
        assert s.scalar(text("SELECT count(*) FROM data_requests WHERE answered_on IS NOT NULL")) == 0
    code, out, err = _run(capsys, "--db", office.clerk, "declaration", "request", "answer", mine,
                          "--out", str(tmp_path / "ok"), "--json")
    assert code == 0, err
    assert len(json.loads(out)["files"]) == 3
    with office.db.session() as s:
        assert s.scalar(text("SELECT answered_on FROM data_requests WHERE id = :i"), {"i": mine}) == dt.date.today()
