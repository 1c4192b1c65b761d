"""Subcommands ``user``, ``audit`` and ``review`` (registered through ``app.cli.EXTENSIONS``).

The command line on a LOCAL database file acts as that file's administrator (the file's own
permissions protect it); on the city database (PostgreSQL) it acts as the user named in the URL
(``app.security.principal.for_cli``). Everything goes through ``HoSoService``, so the same
permission checks apply as in the desktop app.
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import sys
from collections.abc import Callable

from app import output
from app.cli import non_negative_int
from app.db import Database
from app.errors import UserError
from models.security import ROLES

Handler = Callable[[Database, argparse.Namespace], int]
AS_ADMIN = ("Trên tệp dữ liệu cục bộ, dòng lệnh hoạt động với quyền quản trị viên của tệp đó (tệp được bảo vệ "
            "bằng quyền truy cập tệp của hệ điều hành); trên cơ sở dữ liệu thành phố, với tài khoản ghi trong địa chỉ --db.")


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> dict[str, Handler]:
    from app.cli import Parser

    user = subparsers.add_parser("user", parents=[common], help="tài khoản người dùng", description=AS_ADMIN)
    user_sub = user.add_subparsers(dest="user_command", parser_class=Parser, required=True)
    add = user_sub.add_parser("add", parents=[common], help="thêm tài khoản", description=AS_ADMIN)
    add.add_argument("username")
    add.add_argument("--role", required=True, choices=ROLES)
    add.add_argument("--unit", action="append", default=[], metavar="CODE", help="đơn vị được giao (có thể lặp lại)")
    add.add_argument("--full-name", default="", metavar="N")
    add.add_argument("--password-stdin", action="store_true", help="đọc mật khẩu từ dòng đầu của stdin")
    add.add_argument("--no-forced-change", action="store_true",
                     help="không bắt đổi mật khẩu ở lần đăng nhập đầu")
    listing = user_sub.add_parser("list", parents=[common], help="danh sách tài khoản")
    listing.add_argument("--json", action="store_true")
    passwd = user_sub.add_parser("passwd", parents=[common], help="đặt lại mật khẩu (và mở khoá)")
    passwd.add_argument("username")
    passwd.add_argument("--password-stdin", action="store_true")
    passwd.add_argument("--no-forced-change", action="store_true")
    for name, text in (("disable", "ngừng sử dụng tài khoản (không xoá)"), ("enable", "dùng lại tài khoản")):
        p = user_sub.add_parser(name, parents=[common], help=text)
        p.add_argument("username")
    role = user_sub.add_parser("role", parents=[common], help="đổi vai trò")
    role.add_argument("username")
    role.add_argument("role", choices=ROLES)
    units = user_sub.add_parser("units", parents=[common], help="giao đơn vị (thay các đơn vị cũ)")
    units.add_argument("username")
    units.add_argument("codes", nargs="*", metavar="CODE")

    audit = subparsers.add_parser("audit", parents=[common], help="nhật ký thay đổi và truy cập", description=AS_ADMIN)
    audit.add_argument("verify", nargs="?", choices=("verify",), metavar="verify",
                       help="kiểm tra chuỗi băm của nhật ký thay đổi và nhật ký truy cập (app/security/chain.py)")
    audit.add_argument("--user", metavar="U")
    audit.add_argument("--action", metavar="A", help="một thao tác (view, print, export, login, update…) "
                                                     "hoặc change / access / review")
    audit.add_argument("--person", metavar="KEY", help="số CCCD hoặc mã hồ sơ")
    audit.add_argument("--since", metavar="DATE")
    audit.add_argument("--until", metavar="DATE")
    audit.add_argument("--limit", type=non_negative_int, default=200, metavar="N", help="số dòng (0: tất cả)")
    audit.add_argument("--json", action="store_true")
    audit.add_argument("--out", metavar="F.xlsx", help="ghi toàn bộ nhật ký được chọn ra tệp Excel")

    rv = subparsers.add_parser("review", parents=[common], help="duyệt hồ sơ", description=AS_ADMIN)
    rv_sub = rv.add_subparsers(dest="review_command", parser_class=Parser, required=True)
    for name, text in (("approve", "duyệt hồ sơ"), ("return", "trả lại hồ sơ kèm nhận xét")):
        p = rv_sub.add_parser(name, parents=[common], help=text)
        p.add_argument("key")
        p.add_argument("--comment", metavar="C")
    pending = rv_sub.add_parser("pending", parents=[common], help="hồ sơ chờ duyệt")
    pending.add_argument("--returned", action="store_true", help="hồ sơ bị trả lại thay vì chờ duyệt")
    pending.add_argument("--json", action="store_true")
    hist = rv_sub.add_parser("history", parents=[common], help="các lần gửi, duyệt, trả lại của một hồ sơ")
    hist.add_argument("key")
    hist.add_argument("--json", action="store_true")
    return {"user": _user, "audit": _audit, "review": _review}


def _service(db: Database):  # noqa: ANN202
    from app.security.principal import for_cli
    from app.service import HoSoService

    return HoSoService(db, principal=for_cli(db))


def _password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        line = sys.stdin.readline()
        return line.rstrip("\r\n")
    if not sys.stdin.isatty():
        raise UserError("Hãy đưa mật khẩu qua --password-stdin (không có bàn phím để hỏi).")
    first = getpass.getpass("Mật khẩu: ")
    if getpass.getpass("Nhập lại mật khẩu: ") != first:
        raise UserError("Hai lần nhập mật khẩu không khớp.")
    return first


def _user(db: Database, args: argparse.Namespace) -> int:
    service = _service(db)
    command = args.user_command
    if command == "add":
        info = service.add_user(args.username, args.full_name, args.role, args.unit, _password(args),
                                must_change_password=not args.no_forced_change)
        output.message(f"Đã thêm tài khoản {info.username} ({info.role_label}"
                       f"{', đơn vị ' + ', '.join(info.unit_codes) if info.unit_codes else ''}).")
    elif command == "list":
        rows = service.users()
        if args.json:
            output.emit_json([u.as_json() for u in rows])
        else:
            output.table(["Tên đăng nhập", "Họ và tên", "Vai trò", "Đơn vị", "Trạng thái"],
                         [[u.username, u.full_name, u.role_label, ", ".join(u.unit_codes),
                           "đang dùng" if u.active else "ngừng"] for u in rows])
    elif command == "passwd":
        service.reset_password(args.username, _password(args), must_change=not args.no_forced_change)
        output.message(f"Đã đặt mật khẩu mới cho {args.username}.")
    elif command in ("disable", "enable"):
        service.set_user_active(args.username, command == "enable")
        output.message(f"Đã {'dùng lại' if command == 'enable' else 'ngừng'} tài khoản {args.username}.")
    elif command == "role":
        service.set_user_role(args.username, args.role)
        output.message(f"Đã đổi vai trò của {args.username}.")
    elif command == "units":
        service.set_user_units(args.username, args.codes)
        output.message(f"Đã giao đơn vị cho {args.username}.")
    return 0


def _day(text: str | None, option: str) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise UserError(f"{option}: '{text}' không phải là ngày hợp lệ (dạng YYYY-MM-DD).") from None


def _audit(db: Database, args: argparse.Namespace) -> int:
    from app.people import find_person
    from app.security.access import AuditFilter

    if args.verify:
        return _audit_verify(db, args)
    service = _service(db)
    person_id = None
    if args.person:
        with db.session() as s:
            person_id = find_person(s, args.person, include_deleted=True).id
    flt = AuditFilter(user=args.user, action=args.action, person_id=person_id, since=_day(args.since, "--since"),
                      until=_day(args.until, "--until"))
    if args.out:
        count = service.export_audit(flt, args.out)
        output.message(f"Đã ghi {count} dòng nhật ký ra {args.out}.")
        return 0
    page = service.audit_log(flt, limit=args.limit or None)
    if args.json:
        output.emit_json([e.as_json() for e in page.entries])
        return 0
    output.table(["Thời điểm", "Người", "Thao tác", "Hồ sơ", "Trường", "Cũ → mới / ghi chú"],
                 [[e.at.astimezone().strftime("%d/%m/%Y %H:%M:%S"), e.by, e.action_label, e.person_name or "",
                   e.field or "", f"{e.old or ''} → {e.new or ''}" if e.source == "change" else (e.detail or "")]
                  for e in page.entries])
    output.message(f"{len(page.entries)} / {page.total} dòng.")
    return 0


def _audit_verify(db: Database, args: argparse.Namespace) -> int:
    """``audit verify [--json]`` (CONTRACT): exit 1 when a link of the chain is broken."""
    from app.security.chain import verify_database
    from app.security.principal import for_cli

    report = verify_database(db, for_cli(db))
    if args.json:
        output.emit_json(report.as_json())
    elif report.ok:
        output.message(f"Chuỗi băm nguyên vẹn: {report.entries} mục nhật ký đã kiểm tra.")
    else:
        output.message(f"Chuỗi băm bị đứt ở {report.first_break.describe()} ({report.entries} mục đã kiểm tra).")
    return 0 if report.ok else 1


def _review(db: Database, args: argparse.Namespace) -> int:
    service = _service(db)
    command = args.review_command
    if command == "approve":
        service.approve(args.key, args.comment)
        output.message("Đã duyệt hồ sơ.")
    elif command == "return":
        service.return_for_changes(args.key, args.comment or "")
        output.message("Đã trả lại hồ sơ.")
    elif command == "pending":
        rows = service.pending_reviews(("returned",) if args.returned else ("submitted",))
        if args.json:
            output.emit_json([r.as_json() for r in rows])
        else:
            output.table(["Số CCCD", "Họ và tên", "Đơn vị", "Trạng thái", "Người gửi", "Nhận xét"],
                         [[r.cccd, r.full_name, r.unit_code or "", r.state_label, r.submitted_by or "",
                           r.comment or ""] for r in rows])
            output.message(f"{len(rows)} hồ sơ.")
    else:
        steps = service.review_history(args.key)
        if args.json:
            output.emit_json([st.as_json() for st in steps])
        else:
            output.table(["Thời điểm", "Người", "Thao tác", "Phiên bản", "Nhận xét"],
                         [[st.at.astimezone().strftime("%d/%m/%Y %H:%M"), st.by, st.action, str(st.version),
                           st.comment or ""] for st in steps])
    return 0
