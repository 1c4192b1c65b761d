"""Subcommand ``sync``: ``sync --to URL [--json] [--batch N]`` and ``sync status [--to URL] [--json]``.

``sync --json`` prints the contract's ``{"sent","inserted","updated","unchanged","deleted",
"rejected"}`` plus ``conflicts``, ``pending``, ``overdue`` (dossiers past the 3-working-day
deadline), ``problems``, ``missing_units`` (unit codes the city lacks: said once, their dossiers
held back), ``status`` and ``run_id``. A URL without a password uses the credentials
remembered by the sync dialog (docs/sync.md). Exit 1 when the city cannot be reached.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from app import output
from app.db import Database

Handler = Callable[[Database, argparse.Namespace], int]


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> dict[str, Handler]:
    from app.cli_args import non_negative_int

    sync = subparsers.add_parser("sync", parents=[common], help="gửi thay đổi lên cơ sở dữ liệu thành phố")
    sync.add_argument("action", nargs="?", choices=["status"], help="status: số hồ sơ chưa gửi và hạn gần nhất")
    sync.add_argument("--to", metavar="URL", help="postgresql+psycopg://vai_tro@máy_chủ:5432/tên_csdl")
    sync.add_argument("--batch", metavar="N", type=non_negative_int, default=200, help="số hồ sơ mỗi lần ghi (200)")
    sync.add_argument("--json", action="store_true")
    return {"sync": _sync}


def _sync(db: Database, args: argparse.Namespace) -> int:
    if args.action == "status":
        return _status(db, args)
    if not args.to:
        output.message("Lỗi: cần --to URL (địa chỉ cơ sở dữ liệu thành phố).")
        return 2
    from app.city.credentials import with_credentials
    from app.city.sync import sync, url_key

    progress = None if args.json else output.Progress("Đang gửi hồ sơ", 0, step=1)
    def report(done: int, total: int) -> None:
        if progress is not None:
            progress.total = total
            progress(done)

    summary = sync(db, with_credentials(args.to), batch_size=args.batch or 200, progress=report)
    if args.json:
        output.emit_json(summary.as_json())
        return 0
    output.out(f"Đồng bộ tới {url_key(args.to)}: gửi {summary.sent} hồ sơ — thêm mới {summary.inserted}, "
               f"cập nhật {summary.updated}, không đổi {summary.unchanged}, xoá {summary.deleted}, "
               f"bị từ chối {summary.rejected}, xung đột {summary.conflicts}.")
    for problem in summary.problems:
        if problem["kind"] == "missing_units":  # once, up front (app.city.sync)
            output.out(f"  {problem['message']}")
            continue
        kind = "Xung đột" if problem["kind"] == "conflict" else "Từ chối"
        output.out(f"  {kind}: {problem.get('full_name') or ''} ({problem.get('cccd')}): {problem['message']}")
    _print_pending(summary.pending, summary.overdue)
    return 0


def _print_pending(pending: int, overdue: list[dict]) -> None:
    output.out(f"Còn {pending} hồ sơ chưa gửi; {len(overdue)} hồ sơ quá hạn (Điều 19 NĐ 27/2026).")
    for item in overdue[:20]:
        output.out(f"  Quá hạn: {item['full_name']} ({item['cccd']}), hạn {item['deadline']}"
                   + (f" ({item['basis']})" if item.get("basis") else ""))


def _status(db: Database, args: argparse.Namespace) -> int:
    from app.city.sync import last_runs
    from app.compliance import overdue_json, pending_changes

    with db.session() as s:
        pending = pending_changes(s, args.to)
        runs = last_runs(s, args.to, limit=1)
    nearest = pending[0].deadline.isoformat() if pending else None
    if args.json:
        output.emit_json({"pending": len(pending), "nearest_deadline": nearest, "overdue": overdue_json(pending),
                          "last_run": runs[0] if runs else None,
                          "pending_changes": [p.as_json() for p in pending]})
        return 0
    if runs:
        output.out(f"Lần đồng bộ gần nhất: {runs[0]['started_at'][:19]} — {runs[0]['status']}")
    else:
        output.out("Chưa đồng bộ lần nào.")
    _print_pending(len(pending), overdue_json(pending))
    if nearest:
        output.out(f"Hạn gần nhất: {pending[0].deadline:%d/%m/%Y}")
    return 0
