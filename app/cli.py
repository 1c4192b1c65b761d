"""The command line of CONTRACT.md. Qt is never imported here: ``gui`` is handed a launcher.

Exit codes: 0 done; 1 input refused (Vietnamese reason on stderr); 2 wrong usage.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Sequence
from typing import NoReturn

from app import output
from app.city import cli as city_commands
from app.city import sync_cli as sync_commands
from app.cli_args import non_negative_int
from app.commands import alerts as alert_commands
from app.commands import backup as backup_commands
from app.commands import declaration as declaration_commands
from app.commands import exchange as exchange_commands
from app.commands import package as package_commands
from app.commands import people as people_commands
from app.commands import positions as position_commands
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
               package_commands, security_commands, backup_commands, position_commands,
               declaration_commands)
COMMANDS: dict[str, Handler] = {}  # filled by build_parser from SUBCOMMANDS


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
        self._optionals.title = "tuỳ chọn"
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
    "ambiguous option": "tuỳ chọn không rõ",
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


def build_parser() -> Parser:
    db_help = "tệp SQLite hoặc địa chỉ SQLAlchemy (mặc định: dữ liệu của bạn)"
    # --db may stand before or after the subcommand: the subcommand's copy must not overwrite the
    # top-level value with its default, hence SUPPRESS there.
    common = Parser(add_help=False)
    common._optionals.title = "tuỳ chọn chung"  # noqa: SLF001 - shown as its own group in each command's help
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


__all__ = ["GuiLauncher", "Parser", "UsageError", "build_parser", "non_negative_int", "run"]
