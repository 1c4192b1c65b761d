"""Subcommands ``position`` and ``rating`` (CONTRACT.md; issue 15), through ``hoso.positions``.

``position list --json`` prints ``[{"code","name","group","grade_code","unit_code","approved"}]``;
``rating show KEY --json`` ``[{"year","score","level"}]``; ``rating check --unit CODE --year Y --json``
``{"xuat_sac","tot","hoan_thanh","khong_hoan_thanh","quota_ok"}``; ``position planning --json``
``[{"title","period_from","period_to","cccd","full_name","birth_date","unit_code","position",
"decision_number","decision_date","removed_on","current"}]``; ``rating score KEY --year Y --period P
… --json`` ``{"year","score","level","warnings"}``. The command line acts as
``app.security.principal.for_cli``: the file's administrator locally, the URL's account on PostgreSQL.
"""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any

from app import output
from app.commands.common import Handler, services
from app.db import Database
from app.errors import UserError


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> dict[str, Handler]:
    parser_class = subparsers._parser_class  # noqa: SLF001 - the Vietnamese-speaking parser of app.cli
    position = subparsers.add_parser("position", parents=[common], help="vị trí việc làm")
    sub = position.add_subparsers(dest="position_command", parser_class=parser_class, required=True)
    load = sub.add_parser("load", parents=[common], help="nạp danh mục vị trí việc làm từ tệp Excel")
    load.add_argument("file")
    load.add_argument("--unit", metavar="CODE", help="đơn vị cho các dòng không ghi đơn vị")
    load.add_argument("--json", action="store_true")
    listing = sub.add_parser("list", parents=[common], help="danh sách vị trí việc làm")
    listing.add_argument("--unit", metavar="CODE")
    listing.add_argument("--json", action="store_true")
    add = sub.add_parser("add", parents=[common], help="thêm hoặc sửa một vị trí việc làm")
    add.add_argument("unit")
    add.add_argument("code")
    add.add_argument("name")
    add.add_argument("--group", required=True, help="lãnh đạo, quản lý / chuyên môn, nghiệp vụ / hỗ trợ, phục vụ")
    add.add_argument("--grade", help="mã ngạch hoặc mã chức danh nghề nghiệp tương ứng")
    add.add_argument("--approved", default="0", help="số lượng được duyệt")
    add.add_argument("--decision", help="số quyết định phê duyệt")
    add.add_argument("--decision-date", help="ngày quyết định (YYYY-MM-DD)")
    retire = sub.add_parser("retire", parents=[common], help="thôi áp dụng một vị trí việc làm")
    retire.add_argument("unit")
    retire.add_argument("code")
    retire.add_argument("--on", metavar="DATE")
    assign = sub.add_parser("assign", parents=[common], help="bố trí một người vào vị trí việc làm")
    assign.add_argument("key")
    assign.add_argument("code")
    assign.add_argument("--from", dest="start", metavar="DATE", required=True)
    assign.add_argument("--decision", help="số quyết định")
    pimport = sub.add_parser("import", parents=[common], help="bố trí vị trí việc làm theo tệp Excel")
    pimport.add_argument("file")
    pimport.add_argument("--json", action="store_true")
    attach = sub.add_parser("attach", parents=[common], help="đính kèm bản mô tả công việc hoặc khung năng lực")
    attach.add_argument("unit")
    attach.add_argument("code")
    attach.add_argument("file")
    attach.add_argument("--kind", choices=("description", "competency"), required=True)
    board = sub.add_parser("dashboard", parents=[common], help="bố trí vị trí việc làm trước 01/07/2027")
    board.add_argument("--unit", metavar="CODE", required=True)
    board.add_argument("--as-of", metavar="DATE")
    board.add_argument("--json", action="store_true")
    propose = sub.add_parser("propose", parents=[common], help="đề xuất vị trí theo ngạch cho người chưa bố trí")
    propose.add_argument("--unit", metavar="CODE", required=True)
    propose.add_argument("--apply", action="store_true", help="bố trí theo đề xuất (cả lô, sau khi đã xem)")
    propose.add_argument("--from", dest="start", metavar="DATE", help="ngày bố trí khi --apply")
    propose.add_argument("--json", action="store_true")
    terms = sub.add_parser("terms", parents=[common], help="người hết thời hạn giữ chức vụ trong một khoảng")
    terms.add_argument("--from", dest="start", metavar="DATE", help="từ ngày (mặc định hôm nay)")
    terms.add_argument("--to", dest="end", metavar="DATE", required=True, help="đến ngày")
    terms.add_argument("--unit", metavar="CODE")
    terms.add_argument("--json", action="store_true")
    plan = sub.add_parser("planning", parents=[common], help="danh sách quy hoạch theo chức danh")
    plan.add_argument("--unit", metavar="CODE", help="đơn vị (cả đơn vị trực thuộc)")
    plan.add_argument("--title", help="chỉ các chức danh có chứa chữ này (không phân biệt dấu)")
    plan.add_argument("--as-of", metavar="DATE", help="tính đến ngày (mặc định hôm nay)")
    plan.add_argument("--all", action="store_true", help="gồm cả người đã đưa ra khỏi quy hoạch, hết giai đoạn")
    plan.add_argument("--out", metavar="F.pdf|F.xlsx", help="in (PDF) hoặc xuất (Excel) danh sách")
    plan.add_argument("--json", action="store_true")

    rating = subparsers.add_parser("rating", parents=[common], help="đánh giá, xếp loại (NĐ 335/2025)")
    rsub = rating.add_subparsers(dest="rating_command", parser_class=parser_class, required=True)
    rimport = rsub.add_parser("import", parents=[common], help="nhập điểm tháng/quý từ tệp Excel")
    rimport.add_argument("file")
    rimport.add_argument("--json", action="store_true")
    score = rsub.add_parser("score", parents=[common], help="nhập điểm một tháng hoặc quý của một người")
    score.add_argument("key")
    score.add_argument("--year", type=int, required=True)
    score.add_argument("--period", required=True, help="tháng 1–12 hoặc quý Q1–Q4")
    for flag, text in (("--general", "điểm tiêu chí chung (tối đa 30)"), ("--task", "điểm kết quả nhiệm vụ (tối đa 70)"),
                       ("--quantity", "số lượng (%%)"), ("--quality", "chất lượng (%%)"),
                       ("--progress", "tiến độ (%%)"),
                       ("--errors", "số sai sót lớn (mỗi lần trừ 25%% điểm chất lượng)"),
                       ("--delays", "số lần chậm tiến độ (mỗi lần trừ 25%% điểm tiến độ)"),
                       ("--leave", "kỳ nghỉ không chấm điểm: ốm, thai sản, khác"), ("--note", "ghi chú")):
        score.add_argument(flag, help=text)
    score.add_argument("--json", action="store_true")
    show = rsub.add_parser("show", parents=[common], help="kết quả xếp loại từng năm của một người")
    show.add_argument("key")
    show.add_argument("--json", action="store_true")
    check = rsub.add_parser("check", parents=[common], help="số lượng theo mức và tỷ lệ xuất sắc của đơn vị")
    check.add_argument("--unit", metavar="CODE")
    check.add_argument("--year", type=int, required=True)
    check.add_argument("--json", action="store_true")
    approve = rsub.add_parser("approve", parents=[common], help="duyệt kết quả xếp loại năm vào hồ sơ")
    approve.add_argument("--unit", metavar="CODE", required=True)
    approve.add_argument("--year", type=int, required=True)
    approve.add_argument("--over-quota", action="store_true", help="duyệt dù vượt tỷ lệ xuất sắc")
    petition = rsub.add_parser("petition", parents=[common], help="kiến nghị của viên chức về kết quả xếp loại")
    petition.add_argument("key")
    petition.add_argument("--year", type=int, required=True)
    petition.add_argument("--date", required=True, help="ngày kiến nghị (YYYY-MM-DD)")
    petition.add_argument("--answered", help="ngày trả lời (YYYY-MM-DD)")
    petition.add_argument("--outcome", help="kết quả giải quyết")
    sheet = rsub.add_parser("sheet", parents=[common], help="bảng tổng hợp xếp loại năm của đơn vị (PDF hoặc Excel)")
    sheet.add_argument("--unit", metavar="CODE", required=True)
    sheet.add_argument("--year", type=int, required=True)
    sheet.add_argument("--out", metavar="F.pdf|F.xlsx", required=True)
    return {"position": _position, "rating": _rating}


def _service(db: Database) -> Any:
    """The positions area of the services as the command line's principal."""
    return services(db).positions


def _day(text: str | None, option: str, default: dt.date | None = None) -> dt.date:
    if not text:
        if default is None:
            raise UserError(f"{option}: thiếu ngày (dạng YYYY-MM-DD).")
        return default
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise UserError(f"{option}: '{text}' không phải là ngày hợp lệ (dạng YYYY-MM-DD, ví dụ 2026-07-01).") from None


def _vn(day: dt.date | None) -> str:
    return f"{day:%d/%m/%Y}" if day else ""


def _position(db: Database, args: argparse.Namespace) -> int:
    from app.positions import group_label

    service = _service(db)
    command = args.position_command
    if command == "load":
        result = service.load_positions(args.file, args.unit)
        if args.json:
            output.emit_json({"read": result.read, "added": result.added, "updated": result.updated})
        output.message(f"Đã nạp {result.read} vị trí việc làm: thêm {result.added}, cập nhật {result.updated}.")
        return 0
    if command == "list":
        rows = service.positions(args.unit)
        if args.json:
            output.emit_json([r.as_json() for r in rows])
            return 0
        output.table(["Đơn vị", "Mã", "Vị trí việc làm", "Nhóm", "Mã ngạch", "Được duyệt", "Đang giữ"],
                     [[r.unit_code, r.code, r.name, group_label(r.group), r.grade_code or "", str(r.approved), str(r.filled)]
                      for r in rows])
        return 0
    if command == "add":
        values = {"code": args.code, "name": args.name, "group": args.group, "grade_code": args.grade,
                  "approved": args.approved, "decision_number": args.decision,
                  "decision_date": _day(args.decision_date, "--decision-date") if args.decision_date else None}
        existing = {r.code for r in service.positions(args.unit, include_retired=True)}
        service.save_position(args.unit, values, code=args.code if args.code in existing else None)
        output.message(f"Đã lưu vị trí {args.code} — {args.name} của đơn vị {args.unit}.")
        return 0
    if command == "retire":
        on = _day(args.on, "--on", dt.date.today())
        service.retire_position(args.unit, args.code, on)
        output.message(f"Vị trí {args.code} thôi áp dụng từ {_vn(on)}.")
        return 0
    if command == "assign":
        start = _day(args.start, "--from")
        service.assign_position(args.key, args.code, start, decision=args.decision)
        output.message(f"Đã bố trí vào vị trí {args.code} từ {_vn(start)}.")
        return 0
    if command == "import":
        result = service.import_placements(args.file)
        if args.json:
            output.emit_json(result)
        for e in result["errors"][:50]:
            output.message(f"Dòng {e['row']}, {e['field']}: {e['message']}")
        output.message(f"Đọc {result['read']} dòng: bố trí {result['imported']}, bị từ chối {result['rejected']}.")
        return 0
    if command == "attach":
        digest = service.attach_position_document(args.unit, args.code, args.kind, args.file)
        output.message(f"Đã đính kèm {args.file} vào vị trí {args.code} (SHA-256 {digest[:16]}…).")
        return 0
    if command == "dashboard":
        board = service.placement_dashboard(args.unit, _day(args.as_of, "--as-of", dt.date.today()))
        if args.json:
            output.emit_json(board.as_json())
            return 0
        output.table(["Mã", "Vị trí việc làm", "Mã ngạch", "Được duyệt", "Đang giữ"],
                     [[p.code, p.name, p.grade_code or "", str(p.approved), str(p.filled)] for p in board.positions])
        output.out(f"Công chức: {board.civil_servants}; đã bố trí: {board.placed}; chưa bố trí: {len(board.unplaced)}; "
                   f"ngạch không khớp vị trí: {len(board.mismatched)}; còn {board.days_left} ngày đến "
                   f"{_vn(board.deadline)}.")
        if board.senior_share is not None:
            cap = f" (tối đa {board.senior_cap}%)" if board.senior_cap is not None else ""
            share = f"{board.senior_share * 100:.1f}".replace(".", ",")
            output.out(f"Chuyên viên cao cấp: {board.senior} = {share}%{cap}.")
        return 0
    if command == "terms":
        start = _day(args.start, "--from", dt.date.today())
        end = _day(args.end, "--to")
        if end < start:
            raise UserError("--to: ngày cuối phải sau ngày đầu.")
        rows = service.terms_ending(start, end, args.unit)
        if args.json:
            output.emit_json([r.as_json() for r in rows])
            return 0
        output.table(["Hết nhiệm kỳ", "Họ và tên", "Chức vụ", "Đơn vị", "Bổ nhiệm", "Bổ nhiệm lại", "Trong quy hoạch"],
                     [[_vn(r.term_end), r.full_name, r.position or "", r.unit_code or "", _vn(r.appointed),
                       _vn(r.reappointed), ", ".join(r.planned)] for r in rows])
        output.message(f"{len(rows)} người hết thời hạn giữ chức vụ từ {_vn(start)} đến {_vn(end)}.")
        return 0
    if command == "planning":
        day = _day(args.as_of, "--as-of", dt.date.today())
        if args.out:
            out = service.render_planning_list(args.out, args.unit, title=args.title, as_of=day,
                                               include_ended=args.all)
            output.message(f"Đã ghi danh sách quy hoạch vào {out}.")
            return 0
        rows = service.planning_list(args.unit, title=args.title, as_of=day, include_ended=args.all)
        if args.json:
            output.emit_json([r.as_json() for r in rows])
            return 0
        output.table(["Chức danh quy hoạch", "Giai đoạn", "Họ và tên", "Đơn vị", "Chức vụ hiện nay", "Quyết định"],
                     [[r.title, r.period, r.full_name, r.unit_code or "", r.position or "",
                       r.decision_number or ""] for r in rows])
        output.message(f"{len(rows)} lượt quy hoạch của {len({r.person_id for r in rows})} người.")
        return 0
    # propose
    proposals = service.placement_proposals(args.unit)
    if args.apply:
        pairs = [(p.person.cccd, p.position_code) for p in proposals if p.position_code]
        count = service.assign_positions(pairs, _day(args.start, "--from")) if pairs else 0
        output.message(f"Đã bố trí {count} người theo đề xuất.")
    if args.json:
        output.emit_json([{"cccd": p.person.cccd, "full_name": p.person.full_name, "grade_code": p.person.grade_code,
                           "position_code": p.position_code, "position_unit": p.position_unit, "reason": p.reason}
                          for p in proposals])
    elif not args.apply:
        output.table(["Số CCCD", "Họ và tên", "Mã ngạch", "Vị trí đề xuất", "Lý do"],
                     [[p.person.cccd, p.person.full_name, p.person.grade_code or "",
                       f"{p.position_code} — {p.position_name}" if p.position_code else "", p.reason]
                      for p in proposals])
    return 0


def _rating(db: Database, args: argparse.Namespace) -> int:
    from app import rating
    from app.rules.rating import label

    service = _service(db)
    command = args.rating_command
    if command == "import":
        result = service.import_scores(args.file)
        if args.json:
            output.emit_json(result.as_json())
        for e in result.errors[:50]:
            output.message(f"Dòng {e['row']}, {e['field']}: {e['message']}")
        output.message(f"Đọc {result.read} dòng: thêm {result.imported}, cập nhật {result.updated}, "
                       f"bị từ chối {result.rejected}.")
        return 0
    if command == "score":
        values = {"general": args.general, "task": args.task, "quantity": args.quantity, "quality": args.quality,
                  "progress": args.progress, "major_errors": args.errors, "delays": args.delays, "leave": args.leave,
                  "note": args.note}
        entered = service.enter_scores(args.key, args.year, {args.period: values}, replace=False)
        if args.json:
            output.emit_json(entered.as_json())
        else:
            y = entered.result
            level = label(y.level) if y.level else "chưa xếp loại"
            score = f"{y.score}".replace(".", ",") if y.score is not None else "—"
            output.message(f"Đã ghi điểm kỳ {rating.period_label(rating.rules.normalize_period(args.period)).lower()} "
                           f"năm {args.year} của {entered.full_name}: bình quân năm {score}, {level}.")
        for warning in entered.warnings:
            output.message(f"Cảnh báo: {warning}")
        return 0
    if command == "show":
        years = service.rating_years(args.key)
        if args.json:
            output.emit_json([rating.year_json(y) for y in years])
            return 0
        output.table(["Năm", "Điểm", "Xếp loại", "Ghi chú"],
                     [[str(y.year), str(y.score).replace(".", ",") if y.score is not None else "",
                       label(y.level) if y.level else "chưa xếp loại", y.forced or ""] for y in years])
        return 0
    if command == "check":
        check = service.rating_check(args.unit, args.year)
        if args.json:
            output.emit_json(check.as_json())
        else:
            output.table(["Xếp loại", "Số người"], [[label(level), str(check.counts[level])] for level in rating.rules.LEVELS])
        for warning in check.warnings():
            output.message(f"Cảnh báo: {warning}")
        return 0
    if command == "petition":
        service.record_petition(args.key, args.year, _day(args.date, "--date"),
                                answered_on=_day(args.answered, "--answered") if args.answered else None,
                                outcome=args.outcome)
        output.message(f"Đã ghi kiến nghị về kết quả xếp loại năm {args.year}.")
        return 0
    if command == "sheet":
        out = service.render_rating_sheet(args.unit, args.year, args.out)
        output.message(f"Đã ghi bảng xếp loại năm {args.year} vào {out}.")
        return 0
    written = service.approve_ratings(args.unit, args.year, over_quota=args.over_quota)
    output.message(f"Đã duyệt kết quả xếp loại năm {args.year}: {written} hồ sơ được ghi.")
    return 0
