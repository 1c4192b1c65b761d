"""The command line of CONTRACT.md. Qt is never imported here: ``gui`` is handed a launcher.

Exit codes: 0 done; 1 input refused (Vietnamese reason on stderr); 2 wrong usage.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import logging
import sys
from collections.abc import Callable, Sequence
from typing import NoReturn

from app import output
from app.db import Database, open_database
from app.errors import UserError, ValidationError
from app.paths import default_database

logger = logging.getLogger(__name__)
GuiLauncher = Callable[[str], int]
Handler = Callable[["Database", argparse.Namespace], int]

# Feature areas add their subcommands here: each module has
# ``register(subparsers, common) -> dict[command name, handler]``.
EXTENSIONS = ("app.reports.cli", "app.exchange.cli", "app.alerts_cli", "app.city.cli", "app.city.sync_cli",
              "app.package.cli", "app.security.cli", "app.backup_cli", "app.declaration.cli")


class UsageError(Exception):
    """Wrong usage: exit code 2."""


class Parser(argparse.ArgumentParser):
    """argparse that reports usage errors in Vietnamese and never exits on its own."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: cách dùng không đúng: {_translate(message)}")


_MESSAGES = {
    "the following arguments are required": "thiếu tham số",
    "unrecognized arguments": "tham số không nhận ra",
    "invalid choice": "lựa chọn không hợp lệ",
    "invalid int value": "không phải số nguyên",
    "expected one argument": "cần một giá trị",
}


def _translate(message: str) -> str:
    for english, vietnamese in _MESSAGES.items():
        message = message.replace(english, vietnamese)
    return message


def non_negative_int(text: str) -> int:
    """An argparse type for counts (feature modules use it too)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' không phải số nguyên") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"'{text}' phải là số không âm")
    return value


def build_parser() -> Parser:
    db_help = "tệp SQLite hoặc địa chỉ SQLAlchemy (mặc định: dữ liệu của bạn)"
    # --db may stand before or after the subcommand: the subcommand's copy must not overwrite the
    # top-level value with its default, hence SUPPRESS there.
    common = Parser(add_help=False)
    common.add_argument("--db", metavar="TARGET", default=argparse.SUPPRESS, help=db_help)
    parser = Parser(prog="hoso", description="HoSo — quản lý hồ sơ cán bộ, công chức, viên chức")
    parser.add_argument("--db", metavar="TARGET", default=None, help=db_help)
    sub = parser.add_subparsers(dest="command", parser_class=Parser)
    sub.add_parser("gui", parents=[common], help="mở ứng dụng")
    demo = sub.add_parser("demo", parents=[common], help="tạo dữ liệu mẫu")
    demo.add_argument("--count", type=non_negative_int, default=2000)
    demo.add_argument("--seed", type=int, default=1)
    demo.add_argument("--if-empty", action="store_true", help="chỉ khi cơ sở dữ liệu chưa có hồ sơ nào")
    unit = sub.add_parser("unit", parents=[common], help="đơn vị")
    unit_sub = unit.add_subparsers(dest="unit_command", parser_class=Parser, required=True)
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
    for name in EXTENSIONS:
        if _available(name):
            COMMANDS.update(importlib.import_module(name).register(sub, common))
    return parser


def _available(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:
        return False


def run(argv: Sequence[str] | None = None, gui: GuiLauncher | None = None) -> int:
    try:
        args = build_parser().parse_args(list(sys.argv[1:] if argv is None else argv))
    except UsageError as exc:
        output.message(str(exc))
        return 2
    target = args.db or str(default_database())
    try:
        if args.command in (None, "gui"):
            if gui is None:
                output.message("Không mở được giao diện trong chế độ này.")
                return 2
            return gui(target)
        if not getattr(args, "open_db", True):  # backup/restore work on the file itself, even a broken one
            return COMMANDS[args.command](target, args)
        db = open_database(target)
        try:
            return COMMANDS[args.command](db, args)
        finally:
            db.dispose()
    except ValidationError as exc:
        for error in exc.errors:
            output.message(f"Lỗi: {error}")
        return 1
    except UserError as exc:
        output.message(f"Lỗi: {exc}")
        return 1
    except KeyboardInterrupt:
        output.message("Đã dừng theo yêu cầu; không có gì được ghi dở dang.")
        return 1


def _demo(db: Database, args: argparse.Namespace) -> int:
    from app import demo  # the generator's data is only read when asked for
    from app.service import HoSoService

    if args.if_empty and HoSoService(db).overview().people:
        output.message("Cơ sở dữ liệu đã có hồ sơ; không tạo thêm dữ liệu mẫu.")
        return 0
    progress = output.Progress("Đang tạo hồ sơ mẫu", args.count) if args.count else None
    result = demo.generate(db, args.count, args.seed, progress)
    output.message(f"Đã tạo {result.units} đơn vị và {result.people} hồ sơ mẫu.")
    return 0


def _unit(db: Database, args: argparse.Namespace) -> int:
    from app import units

    with db.session() as session:
        if args.unit_command == "add":
            unit = units.add_unit(session, args.code, args.name, args.parent)
            output.message(f"Đã thêm đơn vị {unit.code} — {unit.name}.")
            return 0
        rows = units.list_units(session)
    if args.json:
        output.emit_json([{"code": r.code, "name": r.name, "parent": r.parent_code} for r in rows])
    else:
        output.table(["Mã", "Tên đơn vị", "Cấp trên"], [[r.code, r.name, r.parent_code or ""] for r in rows])
    return 0


def _search(db: Database, args: argparse.Namespace) -> int:
    from app.search import search

    with db.session() as session:
        hits = search(session, args.query, limit=args.limit, unit_code=args.unit)
    if args.json:
        output.emit_json([{"id": str(h.id), "cccd": h.cccd, "full_name": h.full_name,
                           "birth_date": h.birth_date.isoformat(), "unit_code": h.unit_code} for h in hits])
        return 0
    output.table(["Số CCCD", "Họ và tên", "Ngày sinh", "Đơn vị"],
                 [[h.cccd, h.full_name, f"{h.birth_date:%d/%m/%Y}", h.unit_name or ""] for h in hits])
    output.message(f"{len(hits)} kết quả.")
    return 0


def _show(db: Database, args: argparse.Namespace) -> int:
    from app.people import find_person
    from app.person_json import person_json
    from app.security import access, sensitive

    with db.session() as session:
        document = person_json(session, find_person(session, args.key).id)
    if sensitive.has_sensitive(document):  # logged before anything is shown
        access.log_cli(db, "view", [document["id"]], "xem hồ sơ")
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
    from app.history import person_history
    from app.people import find_person
    from app.security import access, sensitive

    with db.session() as session:
        person_id = find_person(session, args.key, include_deleted=True).id
        changes = person_history(session, args.key)
    if sensitive.history_has_sensitive(c.field for c in changes):
        access.log_cli(db, "view", [person_id], "xem lịch sử thay đổi")
    if args.json:
        output.emit_json([c.as_json() for c in changes])
        return 0
    for c in changes:
        output.out(f"{c.at[:19].replace('T', ' ')}  {c.by}  {c.label}: {c.old or '—'} → {c.new or '—'}")
    return 0


COMMANDS: dict[str, Handler] = {
    "demo": _demo, "unit": _unit, "search": _search, "show": _show, "history": _history,
}

