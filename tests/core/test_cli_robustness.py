"""Issue 19 items 22 and 23: the command line in Vietnamese, quiet on a closed pipe, honest about
counts, and refusing bad targets without touching anything; the log keeps tracebacks for faults."""

from __future__ import annotations

import argparse
import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app import cli, people
from tests.core.conftest import person_data

ROOT = Path(__file__).resolve().parents[2]
ENGLISH = ("usage:", "positional arguments", "options:", "optional arguments", "show this help message")


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = cli.run(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _parsers(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()):
    yield path, parser
    for action in parser._actions:  # noqa: SLF001 - walking argparse's own tree
        if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
            for name, sub in action.choices.items():
                yield from _parsers(sub, (*path, name))


def test_every_help_text_is_vietnamese() -> None:
    seen = 0
    for path, parser in _parsers(cli.build_parser()):
        text = parser.format_help()
        assert not [e for e in ENGLISH if e in text], (path, text)
        assert "Cách dùng: " in text, path
        seen += 1
    assert seen > 20


def test_help_exits_0_in_vietnamese(capsys) -> None:
    with pytest.raises(SystemExit) as stop:
        cli.run(["search", "--help"])
    assert stop.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("Cách dùng: hoso search") and "tuỳ chọn:" in out and "in hướng dẫn này rồi thoát" in out


def test_a_closed_pipe_ends_quietly(tmp_path) -> None:
    """``hoso search "" --json | head``: the reader is gone before HoSo writes; no "Broken pipe"
    message, no traceback, exit 0."""
    env = {**os.environ, "HOSO_DATA_DIR": str(tmp_path)}
    target = tmp_path / "p.sqlite"
    proc = subprocess.Popen([sys.executable, "-c", "import sys, time, main; time.sleep(1.5); sys.exit(main.main())",
                             "search", "", "--json", "--db", str(target)],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    proc.stdout.close()  # the reader is gone
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 0
    assert err == "" or ("Broken pipe" not in err and "Traceback" not in err and "Lỗi" not in err), err


def test_search_says_how_many_exist_when_the_limit_cuts(capsys, db) -> None:
    with db.session() as s:
        for i in range(3):
            people.create_person(s, person_data(cccd=f"04808500{i:04d}", full_name=f"Lê Văn Số {i}",
                                                unit_code="DN.SNV"))
    target = db.url.removeprefix("sqlite:///")
    code, _, err = run(capsys, "search", "", "--limit", "2", "--db", target)
    assert code == 0 and "2 trên 3 kết quả." in err
    code, _, err = run(capsys, "search", "", "--db", target)
    assert code == 0 and "3 kết quả." in err and "trên" not in err
    code, _, err = run(capsys, "search", "Lê Văn", "--limit", "1", "--db", target)
    assert "1 trên 3 kết quả." in err


def test_search_count_uses_vietnamese_thousands() -> None:
    from app.commands.people import results_line

    assert results_line(1, 2003) == "1 trên 2.003 kết quả."
    assert results_line(50, 1_000_000) == "50 trên 1.000.000 kết quả."
    assert results_line(3, 3) == "3 kết quả."


def test_a_huge_search_text_is_refused_in_vietnamese(capsys, tmp_path) -> None:
    target = tmp_path / "q.sqlite"
    code, out, err = run(capsys, "search", "a" * 100_000, "--db", str(target))
    assert code == 2 and out == ""
    assert "nội dung tìm kiếm dài 100.000 ký tự, tối đa 200 ký tự" in err and "SELECT" not in err
    assert not target.exists()
    code, _, err = run(capsys, "export", str(tmp_path / "x.xlsx"), "--query", "b" * 5000, "--db", str(target))
    assert code == 2 and "5.000 ký tự" in err and not target.exists()


def test_an_empty_db_is_refused_not_read_as_the_default(capsys, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("HOSO_DATA_DIR", str(tmp_path / "data"))
    for empty in ("", "  "):
        code, out, err = run(capsys, "unit", "list", "--json", "--db", empty)
        assert code == 1 and out == "" and "--db" in err and "để trống" in err
    assert not (tmp_path / "data" / "hoso.sqlite").exists()


@pytest.mark.parametrize("url, missing", [
    ("postgresql+psycopg://", "thiếu máy chủ và tên cơ sở dữ liệu"),
    ("postgresql+psycopg://hoso@/hoso", "thiếu máy chủ"),
    ("postgresql+psycopg://hoso@127.0.0.1:5432", "thiếu tên cơ sở dữ liệu"),
])
def test_a_server_address_without_host_or_database_is_refused(capsys, url, missing) -> None:
    code, out, err = run(capsys, "unit", "list", "--db", url)
    assert code == 1 and out == "" and missing in err


def test_a_bad_address_never_echoes_its_password(capsys) -> None:
    code, _, err = run(capsys, "unit", "list", "--db", "postgresql+psycopg://hoso:MatKhau-Bi-Mat@may-chu:abc/hoso")
    assert code == 1 and "không hợp lệ" in err and "MatKhau-Bi-Mat" not in err and "hoso:***@may-chu" in err
    code, _, err = run(capsys, "unit", "list", "--db", "postgresql+psycopg://hoso:MatKhau-Bi-Mat@may-chu:5432")
    assert code == 1 and "MatKhau-Bi-Mat" not in err


def test_a_zero_byte_file_is_refused_untouched(capsys, tmp_path) -> None:
    empty = tmp_path / "rong.sqlite"
    empty.write_bytes(b"")
    code, out, err = run(capsys, "unit", "list", "--db", str(empty))
    assert code == 1 and out == "" and "rỗng (0 byte)" in err
    assert empty.stat().st_size == 0 and sorted(p.name for p in tmp_path.iterdir()) == ["rong.sqlite"]
    code, _, _ = run(capsys, "unit", "list", "--db", str(tmp_path / "moi.sqlite"))  # a missing file: a new one
    assert code == 0 and (tmp_path / "moi.sqlite").stat().st_size > 0


def test_import_template_opens_no_database(capsys, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("HOSO_DATA_DIR", str(tmp_path / "data"))
    code, _, err = run(capsys, "import-template", str(tmp_path / "mau.xlsx"))
    assert code == 0 and (tmp_path / "mau.xlsx").exists()
    assert not (tmp_path / "data" / "hoso.sqlite").exists()


def test_import_json_counts_unchanged_rows(capsys, db, tmp_path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD", "Đơn vị"])
    ws.append(["Lê Văn Tư", "01/01/1990", "Nam", "048090001111", "DN.SNV"])
    ws.append(["Lê Văn Năm", "01/01/1990", "Nam", "12345", "DN.SNV"])  # refused: exit 0 all the same
    wb.save(tmp_path / "n.xlsx")
    target = db.url.removeprefix("sqlite:///")
    code, out, _ = run(capsys, "import", str(tmp_path / "n.xlsx"), "--json", "--db", target)
    assert code == 0 and json.loads(out)["imported"] == 1 and json.loads(out)["rejected"] == 1
    code, out, _ = run(capsys, "import", str(tmp_path / "n.xlsx"), "--json", "--db", target)
    summary = json.loads(out)
    assert code == 0 and (summary["imported"], summary["unchanged"], summary["rejected"]) == (0, 1, 1)


# --- item 23: the log ----------------------------------------------------------------------------

@pytest.fixture
def log_file(tmp_path, monkeypatch):
    import main

    monkeypatch.setenv("HOSO_DATA_DIR", str(tmp_path))
    root = logging.getLogger()
    before = list(root.handlers)
    path = Path(main.configure_logging())
    yield path
    for handler in root.handlers[:]:
        if handler not in before:
            root.removeHandler(handler)
            handler.close()


def test_a_user_error_is_one_warning_line_a_fault_keeps_its_traceback(log_file) -> None:
    from app.errors import UserError

    log = logging.getLogger("hoso.test")
    try:
        raise UserError("Tệp ds.xlsx bị hỏng, không đọc được")
    except UserError:
        log.exception("Background operation failed")
    try:
        raise RuntimeError("lỗi thật")
    except RuntimeError:
        log.exception("Background operation failed")
    for handler in logging.getLogger().handlers:
        handler.flush()
    lines = log_file.read_text(encoding="utf-8").splitlines()
    warning = [line for line in lines if "bị hỏng" in line]
    assert warning == []  # the text may name a file or a person: the user has it, the log does not
    warning = [line for line in lines if "Background operation failed (" in line]
    assert len(warning) == 1 and " WARNING " in warning[0] and "UserError" in warning[0]
    text = "\n".join(lines)
    assert text.count("Traceback") == 1 and "RuntimeError: lỗi thật" in text and " ERROR " in text


def test_the_cli_logs_a_damaged_file_without_a_traceback(log_file, tmp_path, capsys) -> None:
    import main

    damaged = tmp_path / "hong.xlsx"
    damaged.write_bytes(b"PK\x03\x04 not really a zip")
    assert main.main(["import", str(damaged), "--db", str(tmp_path / "a.sqlite")]) == 1
    for handler in logging.getLogger().handlers:
        handler.flush()
    text = log_file.read_text(encoding="utf-8")
    assert "Traceback" not in text and " ERROR " not in text and "hong.xlsx" not in text
    assert [line for line in text.splitlines() if "Lệnh import bị từ chối (UserError)" in line and " INFO " in line]
    assert "hong.xlsx" in capsys.readouterr().err
