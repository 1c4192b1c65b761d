"""Subcommands ``demo``, ``unit``, ``search``, ``show`` and ``history``."""

from __future__ import annotations

import argparse
from typing import Any

from app import output
from app.cli_args import non_negative_int
from app.commands.common import Handler, services
from app.db import Database


def register(sub: Any, common: argparse.ArgumentParser) -> dict[str, Handler]:
    demo = sub.add_parser("demo", parents=[common], help="tạo dữ liệu mẫu")
    demo.add_argument("--count", type=non_negative_int, default=2000)
    demo.add_argument("--seed", type=int, default=1)
    demo.add_argument("--if-empty", action="store_true", help="chỉ khi cơ sở dữ liệu chưa có hồ sơ nào")
    unit = sub.add_parser("unit", parents=[common], help="đơn vị")
    unit_sub = unit.add_subparsers(dest="unit_command", required=True)
    add = unit_sub.add_parser("add", parents=[common], help="thêm đơn vị")
    add.add_argument("code")
    add.add_argument("name")
    add.add_argument("--parent")
    listing = unit_sub.add_parser("list", parents=[common], help="danh sách đơn vị")
    listing.add_argument("--json", action="store_true")
    search = sub.add_parser("search", parents=[common], help="tìm kiếm")
    search.add_argument("query", nargs="?", default="")
    search.add_argument("--limit", type=non_negative_int, default=50)
    search.add_argument("--unit")
    search.add_argument("--json", action="store_true")
    show = sub.add_parser("show", parents=[common], help="xem một hồ sơ")
    show.add_argument("key")
    show.add_argument("--json", action="store_true")
    history = sub.add_parser("history", parents=[common], help="lịch sử thay đổi của một hồ sơ")
    history.add_argument("key")
    history.add_argument("--json", action="store_true")
    return {"demo": _demo, "unit": _unit, "search": _search, "show": _show, "history": _history}


def _demo(db: Database, args: argparse.Namespace) -> int:
    hoso = services(db)
    if args.if_empty and hoso.people.overview().people:
        output.message("Cơ sở dữ liệu đã có hồ sơ; không tạo thêm dữ liệu mẫu.")
        return 0
    bar = output.Progress("Đang tạo hồ sơ mẫu", args.count) if args.count else None
    result = hoso.exchange.load_demo(args.count, args.seed, bar)
    output.message(f"Đã tạo {result.units} đơn vị và {result.people} hồ sơ mẫu.")
    return 0


def _unit(db: Database, args: argparse.Namespace) -> int:
    hoso = services(db)
    if args.unit_command == "add":
        code, name = hoso.units.add_unit(args.code, args.name, args.parent)
        output.message(f"Đã thêm đơn vị {code} — {name}.")
        return 0
    rows = hoso.units.list_units()
    if args.json:
        output.emit_json([{"code": r.code, "name": r.name, "parent": r.parent_code} for r in rows])
    else:
        output.table(["Mã", "Tên đơn vị", "Cấp trên"], [[r.code, r.name, r.parent_code or ""] for r in rows])
    return 0


def _search(db: Database, args: argparse.Namespace) -> int:
    hits = services(db).people.search(args.query, limit=args.limit, unit_code=args.unit)
    if args.json:
        output.emit_json([{"id": str(h.id), "cccd": h.cccd, "full_name": h.full_name,
                           "birth_date": h.birth_date.isoformat(), "unit_code": h.unit_code} for h in hits])
        return 0
    output.table(["Số CCCD", "Họ và tên", "Ngày sinh", "Đơn vị"],
                 [[h.cccd, h.full_name, f"{h.birth_date:%d/%m/%Y}", h.unit_name or ""] for h in hits])
    output.message(f"{len(hits)} kết quả.")
    return 0


def _show(db: Database, args: argparse.Namespace) -> int:
    document = services(db).people.person(args.key)  # masked for the role; a view of sensitive data is logged
    document.pop("review_state", None)
    if not document.get("masked_fields"):  # the contract's Person JSON; a masked one names what was masked
        document.pop("masked_fields", None)
    if args.json:
        output.emit_json(document)
        return 0
    _print_person(document)
    return 0


def _print_person(doc: dict) -> None:
    def day(value: str | None) -> str:
        return f"{value[8:10]}/{value[5:7]}/{value[0:4]}" if value else ""

    lines = [("Họ và tên", doc["full_name"]), ("Số CCCD", doc["cccd"]), ("Ngày sinh", day(doc["birth_date"])),
             ("Giới tính", doc["sex"]), ("Đơn vị", doc.get("unit_name") or ""),
             ("Chức vụ", doc.get("position") or ""), ("Dân tộc", doc.get("ethnicity") or ""),
             ("Tôn giáo", doc.get("religion") or ""),
             ("Mã ngạch / bậc / hệ số", f"{doc.get('grade_code') or ''} / {doc.get('salary_step') or ''} / "
                                        f"{str(doc.get('salary_coefficient') or '').replace('.', ',')}"),
             ("Ngày nghỉ hưu", day(doc.get("retirement_date"))),
             ("Nâng bậc lương tiếp theo", day(doc.get("next_salary_step_date"))),
             ("Mức đầy đủ của hồ sơ", f"{round(doc['completeness'] * 100)} %")]
    for label, value in lines:
        output.out(f"{label:<28}{value}")


def _history(db: Database, args: argparse.Namespace) -> int:
    changes = services(db).people.history(args.key)
    if args.json:
        output.emit_json([c.as_json() for c in changes])
        return 0
    for c in changes:
        output.out(f"{c.at[:19].replace('T', ' ')}  {c.by}  {c.label}: {c.old or '—'} → {c.new or '—'}")
    return 0
