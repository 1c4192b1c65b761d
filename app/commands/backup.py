"""Subcommands ``backup --out F`` and ``restore F`` (CONTRACT.md).

Both act on the file named by ``--db`` (default: the user's local database) *without* opening it
through the app first (``open_db=False``): a backup copies the file as it is, and a restore must
work even when the current file no longer opens. Exit 0 done; 1 refused (Vietnamese reason naming
the file); 2 usage. The command line on a local file acts as its administrator (the rule of
app.security.principal); both commands are written to the file's access log.

``backup --json`` prints ``{"path","size","created","revision","people","units","schema"}``;
``restore --json`` prints ``{"database","previous","restored_from","revision","people","schema"}``.
"""

from __future__ import annotations

import argparse
import sys

from app import output
from app.commands.common import Handler
from app.db import current_user
from app.errors import UserError
from app.services import backup as backups


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> dict[str, Handler]:
    make = subparsers.add_parser("backup", parents=[common], help="sao lưu cơ sở dữ liệu (bản sao nhất quán)")
    make.add_argument("--out", metavar="F", required=True,
                      help="tệp sao lưu, hoặc một thư mục (tên tệp theo ngày giờ: hoso-YYYYMMDD-HHMMSS.sqlite)")
    make.add_argument("--json", action="store_true")
    make.set_defaults(open_db=False)
    back = subparsers.add_parser("restore", parents=[common], help="khôi phục cơ sở dữ liệu từ một bản sao lưu")
    back.add_argument("file", metavar="F", help="bản sao lưu (.sqlite)")
    back.add_argument("--yes", action="store_true", help="không hỏi xác nhận")
    back.add_argument("--json", action="store_true")
    back.set_defaults(open_db=False)
    return {"backup": _backup, "restore": _restore}


def _backup(target: str, args: argparse.Namespace) -> int:
    if not args.out.strip():
        raise UserError("--out: hãy cho biết tệp hoặc thư mục ghi bản sao lưu.")
    info = backups.backup_file(target, args.out, log_as=current_user())
    output.message(f"Đã sao lưu {info.people} hồ sơ vào {info.path} ({_size(info.size)}).")
    if args.json:
        output.emit_json(info.as_json())
    return 0


def _restore(target: str, args: argparse.Namespace) -> int:
    current = backups.local_file(target)
    if not args.yes and sys.stdin.isatty():
        info = backups.inspect_file(args.file)  # refuse junk before asking anything
        output.message(f"Bản sao lưu {info.path}: {info.people} hồ sơ, {info.units} đơn vị, lưu lúc "
                       f"{info.created:%d/%m/%Y %H:%M}.")
        sys.stderr.write(f"Thay cơ sở dữ liệu {current} bằng bản này? (tệp hiện tại được giữ lại) [c/K] ")
        sys.stderr.flush()
        if sys.stdin.readline().strip().lower() not in ("c", "có", "co", "y", "yes"):
            raise UserError("Đã huỷ khôi phục; không có gì thay đổi.")
    result = backups.restore_file(target, args.file, log_as=current_user())
    info = result.info
    kept = f" Tệp cũ được giữ ở {result.previous}." if result.previous else ""
    later = " Cấu trúc dữ liệu sẽ được nâng cấp ở lần mở tới." if info.schema_status == "older" else ""
    output.message(f"Đã khôi phục {current} từ {info.path} ({info.people} hồ sơ).{kept}{later}")
    if args.json:
        output.emit_json(result.as_json())
    return 0


def _size(n: int) -> str:
    return f"{n / 1_048_576:.1f} MB".replace(".", ",") if n >= 1_048_576 else f"{max(n // 1024, 1)} KB"
