"""Subcommands ``declaration issue|review|accept`` (CONTRACT.md) and ``declaration request
new|list|answer`` (data-subject requests, REFERENCE §7; docs/declaration.md), registered in
``app.cli.SUBCOMMANDS``. They act as the command line's principal through ``hoso.declarations``
(permission, scope, masking, access log)."""

from __future__ import annotations

import argparse
import datetime as dt

from app import output
from app.commands.common import Handler, services
from app.db import Database
from app.errors import UserError


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> dict[str, Handler]:
    parser = subparsers.add_parser("declaration", parents=[common],
                                   help="phiếu tự kê khai hồ sơ của cá nhân (lập, đối chiếu, nhận)")
    actions = parser.add_subparsers(dest="declaration_action", metavar="issue|review|accept|request")
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
    request = actions.add_parser("request", parents=[common],
                                 help="yêu cầu của cá nhân về dữ liệu cá nhân của mình (ghi nhận, danh sách, trả lời)")
    steps = request.add_subparsers(dest="request_action", metavar="new|list|answer")
    steps.required = True
    new = steps.add_parser("new", parents=[common], help="ghi nhận một yêu cầu (hạn trả lời tính từ ngày nhận)")
    new.add_argument("key", metavar="KEY", help="số CCCD hoặc mã hồ sơ của người yêu cầu")
    new.add_argument("--date", metavar="YYYY-MM-DD", help="ngày nhận yêu cầu (mặc định hôm nay)")
    new.add_argument("--kind", choices=("access", "correction"), default="access",
                     help="access: cung cấp dữ liệu (mặc định); correction: chỉnh sửa dữ liệu")
    new.add_argument("--note", metavar="TEXT", help="ghi chú")
    new.add_argument("--json", action="store_true")
    listing = steps.add_parser("list", parents=[common], help="danh sách yêu cầu (hạn sớm nhất trước)")
    listing.add_argument("--unit", metavar="CODE", help="chỉ đơn vị này (và các đơn vị trực thuộc)")
    listing.add_argument("--open", action="store_true", help="chỉ yêu cầu chưa trả lời")
    listing.add_argument("--overdue", action="store_true", help="chỉ yêu cầu chưa trả lời đã quá hạn")
    listing.add_argument("--json", action="store_true")
    answer = steps.add_parser("answer", parents=[common],
                              help="trả lời: hồ sơ đầy đủ (PDF và bảng tính) và nhật ký ai đã xem, in, xuất, sửa")
    answer.add_argument("request_id", metavar="ID", help="mã yêu cầu (xem 'declaration request list')")
    answer.add_argument("--out", required=True, metavar="DIR", help="thư mục ghi các tệp trả lời")
    answer.add_argument("--json", action="store_true")
    return {"declaration": _declaration}


def _service(db: Database):  # noqa: ANN202
    return services(db).declarations


def _declaration(db: Database, args: argparse.Namespace) -> int:
    return {"issue": _issue, "review": _review, "accept": _accept,
            "request": _request}[args.declaration_action](db, args)


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


# --- data-subject requests (REFERENCE §7) ---------------------------------------------------------

def _request(db: Database, args: argparse.Namespace) -> int:
    return {"new": _request_new, "list": _request_list, "answer": _request_answer}[args.request_action](db, args)


def _date(text: str | None, option: str) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise UserError(f"{option}: '{text}' không phải là ngày hợp lệ (dạng YYYY-MM-DD, ví dụ 2026-07-01).") from None


def _request_new(db: Database, args: argparse.Namespace) -> int:
    recorded = _service(db).record_request(args.key, _date(args.date, "--date"), args.kind, args.note)
    if args.json:
        output.emit_json(recorded)
    else:
        output.message(f"Đã ghi nhận yêu cầu {recorded['id']} nhận ngày "
                       f"{dt.date.fromisoformat(recorded['received_on']):%d/%m/%Y}, hạn trả lời "
                       f"{dt.date.fromisoformat(recorded['due_on']):%d/%m/%Y}.")
    return 0


def _request_list(db: Database, args: argparse.Namespace) -> int:
    found = _service(db).request_list(args.unit, open_only=args.open, overdue_only=args.overdue)
    if args.json:
        output.emit_json([r.as_json() for r in found])
        return 0
    from app.declaration.requests import KIND_LABELS

    output.table(["Mã yêu cầu", "Số CCCD", "Họ và tên", "Loại", "Ngày nhận", "Hạn trả lời", "Đã trả lời"],
                 [[r.id, r.cccd or "", r.full_name, KIND_LABELS.get(r.kind, r.kind), f"{r.received_on:%d/%m/%Y}",
                   f"{r.due_on:%d/%m/%Y}" + (" (quá hạn)" if r.overdue else ""),
                   f"{r.answered_on:%d/%m/%Y}" if r.answered_on else ""] for r in found])
    late = sum(r.overdue for r in found)
    output.message(f"{len(found)} yêu cầu" + (f", {late} quá hạn." if late else "."))
    return 0


def _request_answer(db: Database, args: argparse.Namespace) -> int:
    files = _service(db).answer_request(args.request_id, args.out)
    if args.json:
        output.emit_json({"request": args.request_id, "files": [str(f) for f in files]})
    else:
        output.message("Đã trả lời yêu cầu; các tệp: " + ", ".join(str(f) for f in files))
    return 0
