"""The command line of CONTRACT.md. Qt is never imported here: ``gui`` is handed a launcher.

Exit codes: 0 done; 1 input refused (Vietnamese reason on stderr); 2 wrong usage.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence
from typing import NoReturn

from app import output
from app.city import cli as city_commands
from app.city import sync_cli as sync_commands
from app.cli_args import non_negative_int
from app.commands import alerts as alert_commands
from app.commands import backup as backup_commands
from app.commands import exchange as exchange_commands
from app.commands import package as package_commands
from app.commands import people as people_commands
from app.commands import reports as report_commands
from app.commands import security as security_commands
from app.db import Database, open_database
from app.errors import UserError, ValidationError
from app.paths import default_database

logger = logging.getLogger(__name__)
GuiLauncher = Callable[[str], int]
Handler = Callable[["Database", argparse.Namespace], int]

# Every subcommand module, in the order of ``hoso --help``: ``register(subparsers, common)``
# returns its {command name: handler}. The handlers act through app.services (app/commands/) —
# the city's database commands (city, sync) work with the database login itself.
SUBCOMMANDS = (people_commands, report_commands, exchange_commands, alert_commands, city_commands, sync_commands,
               package_commands, security_commands, backup_commands)
COMMANDS: dict[str, Handler] = {}  # filled by build_parser from SUBCOMMANDS


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


def build_parser() -> Parser:
    db_help = "tệp SQLite hoặc địa chỉ SQLAlchemy (mặc định: dữ liệu của bạn)"
    # --db may stand before or after the subcommand: the subcommand's copy must not overwrite the
    # top-level value with its default, hence SUPPRESS there.
    common = Parser(add_help=False)
    common.add_argument("--db", metavar="TARGET", default=argparse.SUPPRESS, help=db_help)
    parser = Parser(prog="hoso", description="HoSo — quản lý hồ sơ cán bộ, công chức, viên chức")
    parser.add_argument("--db", metavar="TARGET", default=None, help=db_help)
    parser.add_argument("--version", action="store_true", help="in số phiên bản (HoSo X.Y.Z) rồi thoát")
    sub = parser.add_subparsers(dest="command", parser_class=Parser)
    sub.add_parser("gui", parents=[common], help="mở ứng dụng")
    for module in SUBCOMMANDS:
        COMMANDS.update(module.register(sub, common))
    return parser


def run(argv: Sequence[str] | None = None, gui: GuiLauncher | None = None) -> int:
    try:
        args = build_parser().parse_args(list(sys.argv[1:] if argv is None else argv))
    except UsageError as exc:
        output.message(str(exc))
        return 2
    if args.version:
        from app.version import version_text

        output.out(version_text())
        return 0
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


__all__ = ["GuiLauncher", "Parser", "UsageError", "build_parser", "non_negative_int", "run"]
