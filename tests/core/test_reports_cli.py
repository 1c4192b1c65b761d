"""The ``report`` subcommands of CONTRACT.md: files written, exit codes, Vietnamese refusals."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader

from app import cli, people
from tests.core.conftest import person_data
from tests.core.test_reports_profile import module_database


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = cli.run(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture(scope="module")
def dbfile(tmp_path_factory) -> str:
    db = module_database(tmp_path_factory.mktemp("cli"))
    with db.session() as s:
        people.create_person(s, person_data(unit_code="DN.SNV.CCVC"))
        people.create_person(s, person_data(cccd="048190000222", full_name="Trần Thị Hoa", sex="Nữ",
                                            birth_date="02/02/1990", unit_code="DN.SNV"))
    db.dispose()
    return str(Path(db.url.removeprefix("sqlite:///")))


def test_report_2c_one_person_and_a_unit(capsys, dbfile, tmp_path) -> None:
    out = tmp_path / "x.pdf"
    code, stdout, err = run(capsys, "report", "2c", "048085001234", "--out", str(out), "--place", "Đà Nẵng",
                            "--date", "2026-03-05", "--db", dbfile)
    assert code == 0 and out.exists() and stdout == ""
    assert "Đã ghi" in err and "trang" in err
    assert "Đà Nẵng, Ngày 05 tháng 03 năm 2026" in " ".join(PdfReader(out).pages[-1].extract_text().split())
    batch = tmp_path / "unit.pdf"
    code, _, err = run(capsys, "report", "2c", "--unit", "DN.SNV", "--out", str(batch), "--db", dbfile)
    assert code == 0 and batch.exists() and "2/2" in err  # progress on stderr


def test_report_2c_refusals(capsys, dbfile, tmp_path) -> None:
    out = tmp_path / "x.pdf"
    for argv, message in ((("report", "2c", "048099999999"), "Không tìm thấy hồ sơ"),
                          (("report", "2c", "--unit", "KHONG"), "Không có đơn vị mã 'KHONG'"),
                          (("report", "2c", "048085001234", "--date", "05/03/2026"), "YYYY-MM-DD")):
        code, stdout, err = run(capsys, *argv, "--out", str(out), "--db", dbfile)
        assert code == 1 and message in err and stdout == "" and "Traceback" not in err
        assert not out.exists()
    code, _, err = run(capsys, "report", "2c", "048085001234", "--out", str(tmp_path / "x.docx"), "--db", dbfile)
    assert code == 1 and "x.docx" in err and "phải có đuôi .pdf" in err
    code, _, err = run(capsys, "report", "2c", "048085001234", "--out", str(tmp_path / "no" / "x.pdf"), "--db", dbfile)
    assert code == 1 and "không tồn tại" in err


def test_report_usage_errors(capsys, dbfile, tmp_path) -> None:
    out = str(tmp_path / "x.pdf")
    assert run(capsys, "report", "2c", "--out", out, "--db", dbfile)[0] == 2  # neither KEY nor --unit
    assert run(capsys, "report", "2c", "048085001234", "--unit", "DN", "--out", out, "--db", dbfile)[0] == 2
    assert run(capsys, "report", "2c", "048085001234", "--db", dbfile)[0] == 2  # --out is required
    assert run(capsys, "report", "--db", dbfile)[0] == 2


def test_report_list_and_stats(capsys, dbfile, tmp_path) -> None:
    xlsx = tmp_path / "ds.xlsx"
    code, _, err = run(capsys, "report", "list", "--unit", "DN.SNV", "--query", "hoa", "--columns", "stt,ho_ten,ngay_sinh",
                       "--out", str(xlsx), "--db", dbfile)
    assert code == 0 and "1 người" in err
    ws = openpyxl.load_workbook(xlsx).active
    header = next(r for r in range(1, 10) if ws.cell(r, 1).value == "STT")
    assert [c.value for c in ws[header + 1]][:2] == [1, "Trần Thị Hoa"]
    code, _, err = run(capsys, "report", "list", "--columns", "ho_ten,khong_co", "--out", str(tmp_path / "l.pdf"),
                       "--db", dbfile)
    assert code == 1 and "khong_co" in err
    pdf = tmp_path / "bc.pdf"
    assert run(capsys, "report", "stats", "--unit", "DN", "--as-of", "2025-06-30", "--out", str(pdf), "--db",
               dbfile)[0] == 0
    assert "Tính đến ngày 30/06/2025" in PdfReader(pdf).pages[0].extract_text()
    code, _, err = run(capsys, "report", "stats", "--as-of", "2025-02-30", "--out", str(pdf), "--db", dbfile)
    assert code == 1 and "2025-02-30" in err
    code, _, err = run(capsys, "report", "stats", "--out", str(tmp_path / "bc.csv"), "--db", dbfile)
    assert code == 1 and ".pdf hoặc .xlsx" in err
