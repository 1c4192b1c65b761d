"""Subcommand ``package`` (through ``hoso.delivery``).

    package key [--unit CODE] [--out F.pub] [--json]   the unit's public key (made on first use)
    package own-unit [CODE] [--json]                   show / set the unit this database belongs to
    package export --out F.zip [--unit CODE] [--json]  the signed export package
    package trust F.pub [--json]                       (Department) trust a unit's public key
    package keys [--json]                              (Department) the trusted keys
    package untrust FINGERPRINT                        (Department) stop trusting a key
    package import F.zip [--json]                      (Department) verify and import a package

``package import --json`` prints ``{"package", "unit", "inserted", "updated", "unchanged",
"deleted", "rejected", "problems", "already_imported"}``. A refused package exits 1 with the
reason on stderr and nothing written.

Every subcommand acts as the command line's principal (``HoSo.for_cli``: on a local SQLite file its
administrator; on PostgreSQL the HoSo account of the login or the Department), which needs the
right ``package``.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from app import output
from app.commands.common import Handler, services
from app.db import Database
from app.errors import UserError


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> dict[str, Handler]:
    package = subparsers.add_parser("package", parents=[common], help="gói hồ sơ có ký số (gửi Sở Nội vụ)")
    sub = package.add_subparsers(dest="package_command", required=True)
    key = sub.add_parser("key", parents=[common], help="khoá công khai của đơn vị (tạo khi dùng lần đầu)")
    key.add_argument("--unit", metavar="CODE")
    key.add_argument("--out", metavar="F.pub", help="ghi khoá công khai ra tệp để gửi Sở Nội vụ")
    key.add_argument("--json", action="store_true")
    own = sub.add_parser("own-unit", parents=[common], help="đơn vị của cơ sở dữ liệu này (đơn vị ký gói)")
    own.add_argument("code", nargs="?")
    own.add_argument("--json", action="store_true")
    export = sub.add_parser("export", parents=[common], help="xuất gói hồ sơ có ký số")
    export.add_argument("--out", metavar="F.zip", required=True)
    export.add_argument("--unit", metavar="CODE")
    export.add_argument("--json", action="store_true")
    trust = sub.add_parser("trust", parents=[common], help="(Sở Nội vụ) tin cậy khoá công khai của một đơn vị")
    trust.add_argument("file", metavar="F.pub")
    trust.add_argument("--json", action="store_true")
    keys = sub.add_parser("keys", parents=[common], help="(Sở Nội vụ) các khoá đã tin cậy")
    keys.add_argument("--json", action="store_true")
    imp = sub.add_parser("import", parents=[common], help="(Sở Nội vụ) kiểm tra và nhập một gói hồ sơ")
    imp.add_argument("file", metavar="F.zip")
    imp.add_argument("--json", action="store_true")
    untrust = sub.add_parser("untrust", parents=[common], help="(Sở Nội vụ) thôi tin cậy một khoá")
    untrust.add_argument("fingerprint", metavar="FINGERPRINT")
    return {"package": _package}


def _package(db: Database, args: argparse.Namespace) -> int:
    handlers: dict[str, Handler] = {"key": _key, "own-unit": _own_unit, "export": _export, "trust": _trust,
                                    "keys": _keys, "import": _import, "untrust": _untrust}
    return handlers[args.package_command](db, args)


def _key(db: Database, args: argparse.Namespace) -> int:
    delivery = services(db).delivery
    info = delivery.public_key(args.unit)
    if args.out:
        out = Path(args.out)
        if not out.parent.exists():
            raise UserError(f"--out: thư mục '{out.parent}' không tồn tại.")
        delivery.write_public_key(out, info)
        output.message(f"Đã ghi khoá công khai của đơn vị {info.unit_code} vào {out}; hãy gửi tệp này cho Sở Nội vụ.")
    if args.json:
        output.emit_json({**info.as_json(), "key_file": str(delivery.key_file(info.unit_code))})
    elif not args.out:
        output.out(f"Đơn vị: {info.unit_code} — {info.unit_name}")
        output.out(f"Dấu vân tay: {info.fingerprint}")
        output.out(f"Khoá công khai: {info.public_key}")
    return 0


def _own_unit(db: Database, args: argparse.Namespace) -> int:
    delivery = services(db).delivery
    code = delivery.set_own_unit(args.code) if args.code else delivery.own_unit()
    if args.json:
        output.emit_json({"own_unit": code})
    elif args.code:
        output.message(f"Đã đặt đơn vị của cơ sở dữ liệu này là {code}.")
    else:
        output.out(code or "(chưa đặt)")
    return 0


def _export(db: Database, args: argparse.Namespace) -> int:
    bar: list[output.Progress] = []

    def progress(done: int, total: int) -> None:
        if not bar:
            bar.append(output.Progress("Đang xuất hồ sơ", total, step=500))
        bar[0](done)

    result = services(db).delivery.export_package(Path(args.out), args.unit, progress=progress)
    if args.json:
        output.emit_json(result.as_json())
    output.message(f"Đã ghi gói {result.path}: đơn vị {result.unit_code}, {result.persons} hồ sơ, "
                   f"{result.deleted} hồ sơ đã xoá, {result.attachments} tệp đính kèm. "
                   f"Khoá ký: {result.fingerprint[:16]}…")
    for left in result.skipped:
        output.message(f"  Chưa đưa vào gói: {left['cccd']} {left['full_name']}: bản đã duyệt ghi đơn vị "
                       f"{left['unit_code']}, ngoài đơn vị {result.unit_code}; sẽ gửi ở gói sau khi được duyệt.")
    return 0


def _trust(db: Database, args: argparse.Namespace) -> int:
    delivery = services(db).delivery
    info = delivery.read_public_key(Path(args.file))
    added = delivery.trust_key(info)
    if args.json:
        output.emit_json({"unit_code": info.unit_code, "fingerprint": info.fingerprint, "added": added})
    output.message(f"{'Đã tin cậy' if added else 'Đã tin cậy từ trước'} khoá của đơn vị {info.unit_code} "
                   f"(dấu vân tay {info.fingerprint}).")
    return 0


def _keys(db: Database, args: argparse.Namespace) -> int:
    rows = services(db).delivery.trusted_keys()
    if args.json:
        output.emit_json([{"unit_code": k.unit_code, "unit_name": k.unit_name, "fingerprint": k.fingerprint,
                           "public_key": k.public_key, "added_at": k.added_at.isoformat(), "added_by": k.added_by}
                          for k in rows])
        return 0
    output.table(["Đơn vị", "Tên đơn vị", "Dấu vân tay", "Ngày tin cậy", "Người thêm"],
                 [[k.unit_code, k.unit_name or "", k.fingerprint, f"{k.added_at:%d/%m/%Y}", k.added_by]
                  for k in rows])
    return 0


def _untrust(db: Database, args: argparse.Namespace) -> int:
    unit = services(db).delivery.untrust_key(args.fingerprint)
    output.message(f"Đã thôi tin cậy khoá {args.fingerprint} của đơn vị {unit}: gói ký bằng khoá này sẽ bị từ chối.")
    return 0


def _import(db: Database, args: argparse.Namespace) -> int:
    summary = services(db).delivery.import_package(Path(args.file))
    if args.json:
        output.emit_json(summary.as_json())
    if summary.already_imported:
        output.message(f"Gói {args.file} đã nhập trước đây; không có gì thay đổi.")
        return 0
    output.message(f"Đã nhập gói của đơn vị {summary.unit}: {summary.inserted} thêm mới, {summary.updated} cập nhật, "
                   f"{summary.unchanged} không đổi, {summary.deleted} xoá, {summary.rejected} bị từ chối.")
    for problem in summary.problems:
        output.message(f"  {problem.get('cccd') or ''} {problem.get('full_name') or ''}: {problem.get('message')}")
    return 0
