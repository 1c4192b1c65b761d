"""The ``city`` subcommands (registered by ``app.cli``); docs/city.md.

- ``city init [--group NAME] [--json]``: prepares ``--db`` (PostgreSQL) as the city database;
  running it again changes nothing. JSON: ``{"database","group","created_roles","catalogs_loaded",
  "marked","grants","rls_enabled","policies_created","policies_updated","policies","function",
  "access_refreshed","statistics_hidden","statistics_note","already"}``.
- ``city unit-role CODE [CODE…] --role NAME [--password-stdin | --new-password] [--json]``: the
  login role of a unit (its sub-units included).
- ``city roles [--refresh] [--json]``: the unit roles and their units; ``--refresh`` recomputes
  the units after the unit tree changed.
- ``city drop-role NAME``: takes a unit role's access away and drops it.
- ``city conflicts [--json]``: the Department's list of identity conflicts (app.city.conflicts).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from app import output
from app.db import Database
from app.errors import UserError

Handler = Callable[[Database, argparse.Namespace], int]


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> dict[str, Handler]:
    city = subparsers.add_parser("city", parents=[common], help="cơ sở dữ liệu thành phố (Sở Nội vụ, PostgreSQL)")
    sub = city.add_subparsers(dest="city_command", parser_class=type(city), required=True,
                              metavar="{init,unit-role,roles,drop-role,conflicts}")
    init = sub.add_parser("init", parents=[common], help="khởi tạo --db làm cơ sở dữ liệu thành phố (chạy lại không "
                                                         "thay đổi gì)")
    init.add_argument("--group", metavar="NAME",
                      help="tên nhóm vai trò chung của các đơn vị (mặc định hoso_unit)")
    init.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    role = sub.add_parser("unit-role", parents=[common],
                          help="tạo hoặc cập nhật vai trò đăng nhập của một đơn vị (gồm các đơn vị trực thuộc)")
    role.add_argument("units", nargs="+", metavar="CODE", help="mã đơn vị (có thể nhiều mã)")
    role.add_argument("--role", required=True, metavar="NAME",
                      help="tên vai trò PostgreSQL (chữ thường không dấu, chữ số, '_')")
    secret = role.add_mutually_exclusive_group()
    secret.add_argument("--password-stdin", action="store_true", help="đọc mật khẩu từ dòng đầu của đầu vào chuẩn")
    secret.add_argument("--new-password", action="store_true", help="tạo mật khẩu mới và in ra một lần")
    role.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    roles = sub.add_parser("roles", parents=[common], help="danh sách vai trò đơn vị và đơn vị của chúng")
    roles.add_argument("--refresh", action="store_true", help="tính lại đơn vị trực thuộc sau khi cây đơn vị thay đổi")
    roles.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    drop = sub.add_parser("drop-role", parents=[common], help="thu hồi quyền và xoá vai trò của một đơn vị")
    drop.add_argument("role", metavar="NAME")
    conflicts = sub.add_parser("conflicts", parents=[common],
                               help="danh sách xung đột số định danh (CCCD, mã hồ sơ) do các đơn vị gửi lên")
    conflicts.add_argument("--json", action="store_true", help="in kết quả dạng JSON")
    city.set_defaults(open_db=False)  # _city checks --db is PostgreSQL first: opening a SQLite path creates it
    return {"city": _city}


def _city(target: str, args: argparse.Namespace) -> int:
    from app.city.init import require_postgresql, require_postgresql_target
    from app.db import open_database

    require_postgresql_target(target)
    db = open_database(target)
    try:
        require_postgresql(db)
        handlers: dict[str, Handler] = {"init": _init, "unit-role": _unit_role, "roles": _roles, "drop-role": _drop,
                                      "conflicts": _conflicts}
        return handlers[args.city_command](db, args)
    finally:
        db.dispose()


def _init(db: Database, args: argparse.Namespace) -> int:
    from app.city.init import city_init

    result = city_init(db, group=args.group)
    if args.json:
        output.emit_json(result.as_json())
    elif result.already:
        output.message(f"Cơ sở dữ liệu {result.database} đã là cơ sở dữ liệu thành phố; không có gì thay đổi.")
    else:
        done = [f"nhóm vai trò {result.group}" + (" (mới tạo)" if result.created_roles else ""),
                f"{len(result.grants)} quyền được cấp",
                f"{len(result.policies_created)} chính sách mới, {len(result.policies_updated)} được đặt lại "
                f"({result.policies} chính sách bảo vệ dòng)"]
        if result.catalogs_loaded:
            done.append("đã nạp danh mục")
        if result.access_refreshed:
            done.append(f"đã tính lại đơn vị của {len(result.access_refreshed)} vai trò")
        if result.statistics_hidden:
            done.append(f"đã ẩn {len(result.statistics_hidden)} bảng/hàm thống kê khỏi các vai trò đơn vị")
        output.message(f"Đã khởi tạo cơ sở dữ liệu thành phố {result.database}: {'; '.join(done)}.")
    if result.statistics_note and not args.json:
        output.message(result.statistics_note)
    return 0


def _read_password() -> str:
    line = sys.stdin.readline().rstrip("\r\n")
    if not line:
        raise UserError("--password-stdin: không đọc được mật khẩu từ đầu vào chuẩn.")
    return line


def _unit_role(db: Database, args: argparse.Namespace) -> int:
    from app.city.roles import set_unit_role

    password = _read_password() if args.password_stdin else None
    with db.session() as session:
        result = set_unit_role(session, args.role, args.units, password=password, generate_password=args.new_password)
    if args.json:
        output.emit_json(result.as_json())
        return 0
    verb = "Đã tạo" if result.created else "Đã cập nhật"
    output.message(f"{verb} vai trò {result.role}: ghi được hồ sơ của {result.unit_count} đơn vị "
                   f"({', '.join(result.units)} và các đơn vị trực thuộc).")
    if result.password:
        output.message("Mật khẩu (chỉ hiện một lần; hãy giao cho đơn vị qua kênh an toàn):")
        output.out(result.password)
    return 0


def _roles(db: Database, args: argparse.Namespace) -> int:
    from app.city.roles import list_unit_roles, refresh_unit_access

    with db.session() as session:
        changes = refresh_unit_access(session) if args.refresh else {}
        rows = list_unit_roles(session)
    if args.json:
        output.emit_json([r.as_json() for r in rows])
        return 0
    output.table(["Vai trò", "Đơn vị", "Số đơn vị ghi được", "Đăng nhập"],
                 [[r.role, ", ".join(r.units), str(r.unit_count),
                   "có" if r.can_login else ("không" if r.exists else "vai trò không còn")] for r in rows])
    for role, (added, removed) in changes.items():
        output.message(f"{role}: thêm {added}, bớt {removed} đơn vị.")
    return 0


def _drop(db: Database, args: argparse.Namespace) -> int:
    from app.city.roles import remove_unit_role

    with db.session() as session:
        known = remove_unit_role(session, args.role)
    if not known:
        raise UserError(f"Không có vai trò đơn vị '{args.role}'.")
    output.message(f"Đã thu hồi quyền và xoá vai trò {args.role}.")
    return 0


def _conflicts(db: Database, args: argparse.Namespace) -> int:
    from app.city.conflicts import identity_conflicts
    from app.security.principal import for_cli

    rows = identity_conflicts(db, principal=for_cli(db), limit=None)
    if args.json:
        output.emit_json([r.as_json() for r in rows])
        return 0
    if not rows:
        output.message("Không có xung đột số định danh nào.")
        return 0
    output.table(["Lúc", "Vai trò gửi", "Loại", "CCCD gửi", "Đơn vị gửi", "Hồ sơ đang giữ", "Đơn vị đang giữ"],
                 [[f"{r.at:%d/%m/%Y %H:%M}", r.role, r.kind_label, r.cccd or "", r.unit_code or "",
                   r.holder_name or (str(r.holder_id) if r.holder_id else ""), r.holder_unit or ""] for r in rows])
    return 0
