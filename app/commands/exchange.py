"""Subcommands ``import``, ``export`` and ``import-template`` (CONTRACT.md). Results on stdout only
with ``--json``; every message on stderr. Everything goes through ``hoso.exchange``."""

from __future__ import annotations

import argparse
from typing import Any

from app import output
from app.cli_args import query_text
from app.commands.common import Handler, services
from app.db import Database
from app.errors import UserError


def register(subparsers: Any, common: argparse.ArgumentParser) -> dict[str, Handler]:
    imp = subparsers.add_parser("import", parents=[common], help="nhập danh sách cán bộ từ bảng tính")
    imp.add_argument("file", metavar="FILE", help="tệp .xlsx, .xls hoặc .csv")
    imp.add_argument("--unit", metavar="CODE", help="đơn vị cho các dòng không ghi đơn vị")
    imp.add_argument("--sheet", metavar="NAME", help="trang chứa danh sách (mặc định: trang đầu tiên)")
    imp.add_argument("--dry-run", action="store_true", help="chỉ kiểm tra, không ghi gì")
    imp.add_argument("--json", action="store_true")
    imp.add_argument("--report", metavar="OUT.xlsx", help="ghi bảng kết quả từng dòng")
    exp = subparsers.add_parser("export", parents=[common], help="xuất danh sách ra Excel")
    exp.add_argument("file", metavar="FILE.xlsx")
    exp.add_argument("--unit", metavar="CODE")
    exp.add_argument("--query", metavar="Q", default="", type=query_text)
    exp.add_argument("--columns", metavar="COLS", help="các cột, cách nhau bởi dấu phẩy, hoặc 'all'")
    exp.add_argument("--sections", action="store_true",
                     help="thêm các trang Đào tạo, Quá trình công tác, Quan hệ gia đình, Quá trình lương")
    tpl = subparsers.add_parser("import-template", parents=[common], help="tạo tệp mẫu để nhập")
    tpl.add_argument("file", metavar="FILE.xlsx")
    tpl.set_defaults(no_db=True)  # writes a file only: no database is opened (nor created)
    return {"import": _import, "export": _export, "import-template": _template}


def _import(db: Database, args: argparse.Namespace) -> int:
    exchange = services(db).exchange
    source = exchange.open_import(args.file, args.sheet)
    for note in source.notes:
        output.message(note)
    shown: dict[str, output.Progress] = {}

    def progress(done: int, total: int) -> None:
        if "bar" not in shown:
            shown["bar"] = output.Progress("Đang nhập", total, step=100)
            output.message(f"Đang nhập: 0/{total}")
        shown["bar"](done)

    result = exchange.run_import(source, source.mapping, unit_code=args.unit, dry_run=args.dry_run, progress=progress)
    if args.report:
        exchange.write_import_report(source, result, args.report)
    for error in result.errors:
        output.message(error.message)
    skipped = [str(r.row) for r in result.rows if r.action == "skip" and r.sheet == source.sheet.name]
    if skipped:
        output.message(f"Bỏ qua {len(skipped)} dòng không có Số CCCD, Ngày sinh hay Giới tính: dòng {', '.join(skipped)}.")
    verb = "Nhập thử (không ghi gì)" if args.dry_run else "Đã nhập"
    output.message(f"{verb}: đọc {result.read} dòng; thêm {result.imported}, cập nhật {result.updated}, "
                   f"không thay đổi {result.unchanged}, từ chối {result.rejected} dòng.")
    if args.report:
        output.message(f"Bảng kết quả: {args.report}")
    if args.json:
        output.emit_json(result.as_json())
    return 0


def _export(db: Database, args: argparse.Namespace) -> int:
    count = services(db).exchange.export_selection(args.file, query=args.query, unit_code=args.unit,
                                                  columns=args.columns, with_sections=args.sections)
    output.message(f"Đã xuất {count} hồ sơ vào {args.file}.")
    return 0


def _template(db: Database, args: argparse.Namespace) -> int:
    if not str(args.file).lower().endswith(".xlsx"):
        raise UserError(f"Tệp mẫu '{args.file}' phải có đuôi .xlsx.")
    from app.services.exchange import write_blank_template  # spreadsheets load when used, not at start-up

    write_blank_template(args.file)  # no database: the template holds no personal data
    output.message(f"Đã tạo tệp mẫu {args.file}.")
    return 0
