"""The ``report`` subcommands of CONTRACT.md.

``report 2c KEY --out F.pdf`` · ``report 2c --unit CODE --out F.pdf`` · ``report cv2023`` (same options) ·
``report list [--unit CODE] [--query Q] [--columns a,b] --out F.pdf|F.xlsx`` ·
``report stats [--unit CODE] [--as-of DATE] [--staff-type cong_chuc|vien_chuc] --out F.pdf|F.xlsx``.

Refused input (unknown person or unit, wrong extension, a folder that cannot be written, a bad
date, an unknown column) raises ``UserError``: ``app.cli`` prints it in Vietnamese, exit code 1.
Everything is printed through ``hoso.reports`` as the command line's principal.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from app import output
from app.commands.common import Handler, progress_bar, services
from app.db import Database
from app.errors import UserError
from app.reports import files


def register(subparsers: Any, common: argparse.ArgumentParser) -> dict[str, Handler]:
    report = subparsers.add_parser("report", parents=[common], help="in sơ yếu lý lịch, danh sách, thống kê")
    sub = report.add_subparsers(dest="report_command", required=True)
    for name, text in (("2c", "sơ yếu lý lịch (Mẫu 2C-BNV/2008; HS02-VC/BNV cho viên chức)"),
                       ("cv2023", "sơ yếu lý lịch theo mẫu của Thông tư 06/2023/TT-BNV (CSDL quốc gia)")):
        profile = sub.add_parser(name, parents=[common], help=text)
        profile.add_argument("key", nargs="?", help="số CCCD hoặc mã hồ sơ")
        profile.add_argument("--unit", help="in mọi hồ sơ của đơn vị (kể cả đơn vị con)")
        profile.add_argument("--no-subunits", action="store_true", help="không gồm đơn vị con")
        profile.add_argument("--all", action="store_true", help="gồm cả người đã nghỉ hưu, chuyển đi, thôi việc")
        profile.add_argument("--place", help="địa danh ghi ở chỗ ký (mặc định để trống)")
        profile.add_argument("--date", help="ngày ghi ở chỗ ký, YYYY-MM-DD (mặc định để trống cho người ký)")
        profile.add_argument("--out", required=True, help="tệp PDF")
    listing = sub.add_parser("list", parents=[common], help="danh sách (PDF hoặc Excel)")
    listing.add_argument("--unit")
    listing.add_argument("--query", default="")
    listing.add_argument("--columns", help="các cột, cách nhau bởi dấu phẩy (ví dụ stt,ho_ten,ngay_sinh)")
    listing.add_argument("--all", action="store_true", help="gồm cả người không còn công tác")
    listing.add_argument("--out", required=True, help="tệp .pdf hoặc .xlsx")
    stats = sub.add_parser("stats", parents=[common], help="báo cáo số lượng, chất lượng (PDF hoặc Excel)")
    stats.add_argument("--unit")
    stats.add_argument("--as-of", help="tính đến ngày, YYYY-MM-DD (mặc định hôm nay)")
    stats.add_argument("--staff-type", default="cong_chuc",
                       help="cong_chuc (công chức, biểu BM01; mặc định) hoặc vien_chuc (viên chức)")
    stats.add_argument("--out", required=True, help="tệp .pdf hoặc .xlsx")
    return {"report": run}


def run(db: Database, args: argparse.Namespace) -> int:
    return {"2c": _profiles, "cv2023": _profiles, "list": _list, "stats": _stats}[args.report_command](db, args)


def parse_date(text: str | None, what: str) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise UserError(f"{what} '{text}' không hợp lệ; hãy viết theo dạng YYYY-MM-DD (ví dụ 2026-06-30).") from None


def _done(out: Path, pages: int | None) -> None:
    output.message(f"Đã ghi {pages} trang vào {out}." if pages else f"Đã ghi {out}.")


def _profiles(db: Database, args: argparse.Namespace) -> int:
    if bool(args.key) == bool(args.unit):
        output.message(f"hoso report {args.report_command}: cách dùng không đúng: cần đúng một trong hai: KEY "
                       "(một hồ sơ) hoặc --unit MÃ")
        return 2
    out = files.check_target(Path(args.out), (".pdf",))
    on = parse_date(args.date, "Ngày ký")
    hoso = services(db)
    if args.unit:
        pages = hoso.reports.render_unit_profiles(args.unit, out, progress_bar("Đang in sơ yếu lý lịch"),
                                                  include_subunits=not args.no_subunits, include_inactive=args.all,
                                                  place=args.place, on=on, form=args.report_command)
    else:
        pages = hoso.reports.render_profile_pdf(args.key, out, place=args.place, on=on, form=args.report_command)
    _done(out, pages)
    return 0


def _list(db: Database, args: argparse.Namespace) -> int:
    out = files.check_target(Path(args.out), (".pdf", ".xlsx"))
    pages, rows = services(db).reports.render_list_report(out, query=args.query, unit_code=args.unit,
                                                         include_inactive=args.all, columns=args.columns)
    _done(out, pages)
    output.message(f"{rows} người trong danh sách.")
    return 0


def _stats(db: Database, args: argparse.Namespace) -> int:
    out = files.check_target(Path(args.out), (".pdf", ".xlsx"))
    as_of = parse_date(args.as_of, "Ngày báo cáo")
    _done(out, services(db).reports.render_stats(args.unit, as_of, out, staff_type=args.staff_type))
    return 0
