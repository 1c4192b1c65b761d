"""Subcommands ``declaration issue|review|accept`` (CONTRACT.md; registered in
``app.cli.SUBCOMMANDS``). They act as the command line's principal through ``hoso.declarations``
(permission, scope, masking, access log)."""

from __future__ import annotations

import argparse

from app import output
from app.commands.common import Handler, services
from app.db import Database
from app.errors import UserError


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> dict[str, Handler]:
    parser = subparsers.add_parser("declaration", parents=[common],
                                   help="phiếu tự kê khai hồ sơ của cá nhân (lập, đối chiếu, nhận)")
    actions = parser.add_subparsers(dest="declaration_action", metavar="issue|review|accept")
    actions.required = True
    issue = actions.add_parser("issue", parents=[common], help="lập phiếu kê khai (một người hoặc cả đơn vị)")
    issue.add_argument("key", nargs="?", metavar="KEY", help="số CCCD hoặc mã hồ sơ")
    issue.add_argument("--unit", metavar="CODE", help="lập phiếu cho mọi người của đơn vị (mỗi người một tệp)")
    issue.add_argument("--out", required=True, metavar="F.xlsx|DIR", help="tệp (một người) hoặc thư mục (đơn vị)")
    issue.add_argument("--json", action="store_true")
    review = actions.add_parser("review", parents=[common], help="đối chiếu phiếu kê khai trả về")
    review.add_argument("file", metavar="F.xlsx")
    review.add_argument("--json", action="store_true")
    accept = actions.add_parser("accept", parents=[common], help="nhận các thay đổi kê khai (chờ duyệt)")
    accept.add_argument("file", metavar="F.xlsx")
    accept.add_argument("--field", action="append", metavar="NAME", default=None,
                        help="chỉ nhận thay đổi này (trường, bảng, dòng 'family[5]' hoặc ô 'family[5].full_name'; "
                             "lặp lại được)")
    accept.add_argument("--note", metavar="TEXT", help="ghi chú của người nhận")
    accept.add_argument("--json", action="store_true")
    return {"declaration": _declaration}


def _service(db: Database):  # noqa: ANN202
    return services(db).declarations


def _declaration(db: Database, args: argparse.Namespace) -> int:
    return {"issue": _issue, "review": _review, "accept": _accept}[args.declaration_action](db, args)


def _issue(db: Database, args: argparse.Namespace) -> int:
    service = _service(db)
    if bool(args.key) == bool(args.unit):
        raise UserError("Hãy cho một số CCCD (một người) hoặc --unit CODE (cả đơn vị), không cả hai.")
    if args.unit:
        issued = service.issue_unit(args.unit, args.out)
        output.message(f"Đã lập {len(issued)} phiếu kê khai vào {args.out}.")
    else:
        issued = [service.issue(args.key, args.out)]
        output.message(f"Đã lập phiếu kê khai của {issued[0].full_name} vào {args.out}.")
    if args.json:
        output.emit_json([i.as_json() for i in issued])
    return 0


def _review(db: Database, args: argparse.Namespace) -> int:
    found = _service(db).review(args.file)
    if args.json:
        output.emit_json(found.as_json())
        return 0
    output.message(f"Phiếu kê khai của {found.full_name} ({found.cccd})"
                   + (f" — hồ sơ đã thay đổi từ khi lập phiếu (phiên bản {found.issued_version} → "
                      f"{found.current_version})" if found.stale else ""))
    output.table(["Mục", "Thông tin", "Hiện tại", "Kê khai", "Khi lập phiếu", "Mã"],
                 [[c.section_label, c.label, c.current, c.declared, c.issued or "", c.key
                   + (" (xung đột)" if c.conflict else "")] for c in found.changes])
    for p in found.problems:
        output.message(f"Lỗi — {p.label}: {p.message}")
    output.message(f"{len(found.changes)} thay đổi, {len(found.problems)} lỗi.")
    return 0


def _accept(db: Database, args: argparse.Namespace) -> int:
    done = _service(db).accept(args.file, args.field, args.note)
    if args.json:
        output.emit_json(done.as_json())
        return 0
    skipped = [c.key for c in done.review.changes if c.conflict and c not in done.accepted]
    if done.unchanged:
        output.message(f"Phiếu kê khai của {done.review.full_name} đã được nhận trước đây và không còn thay đổi "
                       "nào: không ghi gì thêm" + (" (kể cả ghi chú)." if args.note else "."))
        return 0
    output.message(f"Đã nhận {len(done.accepted)} thay đổi kê khai của {done.review.full_name}"
                   + (" (chờ duyệt)." if done.accepted else "; hồ sơ không thay đổi."))
    if skipped:
        output.message("Chưa nhận các thay đổi xung đột (hồ sơ đã đổi từ khi lập phiếu): " + ", ".join(skipped)
                       + " — nêu tên bằng --field để nhận.")
    return 0
