"""Subcommands ``alerts``, ``completeness`` and ``quality`` (through ``hoso.alerts``).

``alerts --json`` prints the contract's ``[{"cccd","full_name","kind","due"}]`` with the added
keys ``unit_code``, ``detail`` and ``overdue``; ``kind`` is one of the contract's four kinds or
HoSo's ``retirement_decision`` and ``probation_end``. A bad date or unit is refused with exit 1.
The Số CCCD is masked for a role that may not see it; only the principal's units are listed.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from app import output
from app.alerts import KINDS, vn_date
from app.cli_args import non_negative_int
from app.commands.common import Handler, services
from app.db import Database
from app.errors import UserError


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> dict[str, Handler]:
    alerts = subparsers.add_parser("alerts", parents=[common], help="các việc đến hạn (nghỉ hưu, nâng lương…)")
    alerts.add_argument("--as-of", metavar="DATE", help="tính đến ngày (YYYY-MM-DD; mặc định hôm nay)")
    alerts.add_argument("--within-months", metavar="N", type=non_negative_int, default=6, help="trong N tháng tới (mặc định 6)")
    alerts.add_argument("--overdue-months", metavar="N", type=non_negative_int, default=12,
                        help="liệt kê cả việc quá hạn trong N tháng trước (mặc định 12; 0: không)")
    alerts.add_argument("--unit", metavar="CODE", help="chỉ đơn vị này và các đơn vị trực thuộc")
    alerts.add_argument("--kind", action="append", choices=KINDS, help="chỉ loại này (có thể lặp lại)")
    alerts.add_argument("--json", action="store_true")
    alerts.add_argument("--out", metavar="F.xlsx", help="ghi ra tệp Excel")
    complete = subparsers.add_parser("completeness", parents=[common], help="mức đầy đủ hồ sơ theo đơn vị")
    complete.add_argument("--unit", metavar="CODE")
    complete.add_argument("--subtrees", action="store_true", help="thêm dòng tổng hợp cho đơn vị có đơn vị con")
    complete.add_argument("--json", action="store_true")
    quality = subparsers.add_parser("quality", parents=[common], help="kiểm tra chất lượng dữ liệu")
    quality.add_argument("--unit", metavar="CODE")
    quality.add_argument("--as-of", metavar="DATE")
    quality.add_argument("--gap-months", metavar="N", type=non_negative_int, default=1,
                         help="khoảng trống quá N tháng trong quá trình công tác là gián đoạn (mặc định 1)")
    quality.add_argument("--json", action="store_true")
    return {"alerts": _alerts, "completeness": _completeness, "quality": _quality}


def _day(text: str | None, option: str) -> dt.date:
    if not text:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise UserError(f"{option}: '{text}' không phải là ngày hợp lệ (dạng YYYY-MM-DD, ví dụ 2026-07-01).") from None


def _alerts(db: Database, args: argparse.Namespace) -> int:
    as_of = _day(args.as_of, "--as-of")
    out = Path(args.out) if args.out else None
    if out is not None and out.suffix.lower() != ".xlsx":
        raise UserError(f"--out: '{out}' phải là tệp .xlsx.")
    if out is not None and not out.parent.exists():
        raise UserError(f"--out: thư mục '{out.parent}' không tồn tại.")
    alerts = services(db).alerts
    found = alerts.alerts(as_of, args.within_months, args.unit, set(args.kind) if args.kind else None,
                          overdue_months=args.overdue_months)
    if out is not None:
        alerts.export_alerts(found, out)
        output.message(f"Đã ghi {len(found)} cảnh báo vào {out}.")
    if args.json:
        output.emit_json([a.as_json() for a in found])
    elif out is None:
        output.table(["Đến hạn", "Loại", "Họ và tên", "Số CCCD", "Đơn vị", "Ghi chú"],
                     [[vn_date(a.due), a.kind_label, a.full_name, a.cccd, a.unit_name or "", a.detail] for a in found])
        output.message(f"{len(found)} cảnh báo từ {vn_date(as_of)} trong {args.within_months} tháng tới.")
    return 0


def _completeness(db: Database, args: argparse.Namespace) -> int:
    rows = services(db).alerts.unit_completeness(args.unit, with_subtrees=args.subtrees)
    if args.json:
        output.emit_json([r.as_json() for r in rows])
        return 0
    output.table(["Mã đơn vị", "Đơn vị", "Số người", "Trung bình", "Đầy đủ", "Thiếu nhiều nhất"],
                 [[r.unit_code or "", r.unit_name + (" (cả đơn vị trực thuộc)" if r.subtree else ""), str(r.people),
                   f"{round(r.average * 100)} %", str(r.complete_count),
                   "; ".join(f"{w.full_name} {round(w.ratio * 100)} %" for w in r.worst[:3])] for r in rows])
    return 0


def _quality(db: Database, args: argparse.Namespace) -> int:
    as_of = _day(args.as_of, "--as-of")
    issues = services(db).alerts.quality_issues(args.unit, as_of, gap_months=args.gap_months)
    if args.json:
        output.emit_json([i.as_json() for i in issues])
        return 0
    output.table(["Họ và tên", "Số CCCD", "Đơn vị", "Vấn đề"],
                 [[i.full_name, i.cccd, i.unit_code or "", i.message] for i in issues])
    output.message(f"{len(issues)} vấn đề.")
    return 0
