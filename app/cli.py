"""The command line of CONTRACT.md. Qt is never imported here: ``gui`` is handed a launcher.

Exit codes: 0 done; 1 input refused (Vietnamese reason on stderr); 2 wrong usage.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import logging
import os
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
              "app.package.cli", "app.security.cli", "app.backup_cli")


class UsageError(Exception):
    """Wrong usage: exit code 2."""


class HelpFormatter(argparse.HelpFormatter):
    """argparse's help in Vietnamese: the usage line's prefix (the section titles are set by ``Parser``)."""

    def add_usage(self, usage, actions, groups, prefix=None):  # noqa: ANN001 - argparse's signature
        super().add_usage(usage, actions, groups, "Cách dùng: " if prefix is None else prefix)


class Parser(argparse.ArgumentParser):
    """argparse that speaks Vietnamese (help and usage errors) and never exits on a usage error."""

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003 - argparse's signature
        add_help = kwargs.pop("add_help", True)
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, add_help=False, **kwargs)
        self._positionals.title = "tham số"
        self._optionals.title = "tùy chọn"
        if add_help:
            self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                              help="in hướng dẫn này rồi thoát")

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: cách dùng không đúng: {_translate(message)}")


_MESSAGES = {
    "the following arguments are required": "thiếu tham số",
    "unrecognized arguments": "tham số không nhận ra",
    "invalid choice": "lựa chọn không hợp lệ",
    "choose from": "chọn một trong",
    "invalid int value": "không phải số nguyên",
    "invalid float value": "không phải số",
    "expected one argument": "cần một giá trị",
    "expected at least one argument": "cần ít nhất một giá trị",
    "ambiguous option": "tùy chọn không rõ",
    "could match": "có thể là",
    "not allowed with argument": "không dùng cùng được với",
    "one of the arguments": "cần một trong các tham số",
    " is required": " là bắt buộc",
    "argument ": "tham số ",
}


def _translate(message: str) -> str:
    for english, vietnamese in _MESSAGES.items():
        message = message.replace(english, vietnamese)
    return message


# The longest search text taken: a name, a CCCD number or a unit, with room to spare. A longer text
# is a mistake (a pasted file) and would reach the database as a huge pattern.
MAX_QUERY_CHARS = 200


def query_text(text: str) -> str:
    """An argparse type for a search text (feature modules use it for ``--query`` too)."""
    if len(text) > MAX_QUERY_CHARS:
        raise argparse.ArgumentTypeError(f"nội dung tìm kiếm dài {len(text):,} ký tự".replace(",", ".")
                                         + f", tối đa {MAX_QUERY_CHARS} ký tự")
    return text


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
    common._optionals.title = "tùy chọn chung"  # noqa: SLF001 - shown as its own group in each command's help
    common.add_argument("--db", metavar="TARGET", default=argparse.SUPPRESS, help=db_help)
    parser = Parser(prog="hoso", description="HoSo — quản lý hồ sơ cán bộ, công chức, viên chức")
    parser.add_argument("--db", metavar="TARGET", default=None, help=db_help)
    parser.add_argument("--version", action="store_true", help="in số phiên bản (HoSo X.Y.Z) rồi thoát")
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
    search.add_argument("query", nargs="?", default="", type=query_text)
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
        return _run(argv, gui)
    except BrokenPipeError:  # the reader stopped early (``hoso search "" | head``): nothing to report
        _drop_stdout()
        return 0


def _drop_stdout() -> None:
    """After a broken pipe: whatever is still buffered goes nowhere, so the interpreter's last flush
    at exit does not fail again with "Exception ignored … BrokenPipeError"."""
    for stream in (sys.stdout, sys.stderr):
        try:
            fd = stream.fileno()
        except (AttributeError, OSError, ValueError):  # a replaced stream (tests capture it)
            continue
        devnull = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(devnull, fd)
        finally:
            os.close(devnull)


def _target(args: argparse.Namespace) -> str:
    """``--db`` as given (an empty one is refused, never read as "the default"), else the user's own."""
    if args.db is None:
        return str(default_database())
    if not args.db.strip():
        raise UserError("--db: đường dẫn hoặc địa chỉ cơ sở dữ liệu đang để trống; hãy ghi tệp SQLite hoặc "
                        "địa chỉ máy chủ (bỏ hẳn --db để dùng dữ liệu của bạn).")
    return args.db


def _run(argv: Sequence[str] | None, gui: GuiLauncher | None) -> int:
    try:
        args = build_parser().parse_args(list(sys.argv[1:] if argv is None else argv))
    except UsageError as exc:
        output.message(str(exc))
        return 2
    if args.version:
        from app.version import version_text

        output.out(version_text())
        return 0
    try:
        if getattr(args, "no_db", False):  # e.g. import-template: writes a file, opens no database
            return COMMANDS[args.command](None, args)
        target = _target(args)
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
        # one line, no traceback and not the text (it may name a person); the user has the text
        logger.info("Lệnh %s bị từ chối (%s)", getattr(args, "command", None), type(exc).__name__)
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
        total = _search_total(session, args) if len(hits) >= args.limit else len(hits)
    if args.json:
        output.emit_json([{"id": str(h.id), "cccd": h.cccd, "full_name": h.full_name,
                           "birth_date": h.birth_date.isoformat(), "unit_code": h.unit_code} for h in hits])
        return 0
    output.table(["Số CCCD", "Họ và tên", "Ngày sinh", "Đơn vị"],
                 [[h.cccd, h.full_name, f"{h.birth_date:%d/%m/%Y}", h.unit_name or ""] for h in hits])
    output.message(f"{len(hits)} trên {total:,} kết quả.".replace(",", ".") if total > len(hits)
                   else f"{len(hits)} kết quả.")
    return 0


def _search_total(session, args: argparse.Namespace) -> int:  # noqa: ANN001 - a Session
    """How many match in all, when ``--limit`` cut the list (the count of the same statement)."""
    from sqlalchemy import func, select

    from app.search import search_statement

    stmt = search_statement(session, args.query, limit=None, unit_code=args.unit)
    return 0 if stmt is None else session.scalar(select(func.count()).select_from(stmt.order_by(None).subquery()))


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

