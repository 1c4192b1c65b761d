"""The one table ``python3 dev.py bench`` prints: each benchmark's HoSo / baseline / ratio / goal /
verdict, the spread over its interleaved rounds, and the time each module took.

    python -m tests.benchmarks.table --reset   (before a run)
    python -m tests.benchmarks.table           (after it)
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict

from tests.benchmarks.conftest import bench_dir


def _goal(r: dict) -> str:
    if r.get("limit"):
        return f"≤ {r['limit']:g} {r['unit']}"
    return f"≤ {r['goal']:g}×" if r["goal"] else "-"


def _baseline(r: dict) -> str:
    if r["baseline"] is None:
        return "-"
    return f"{r['baseline_name']}: {r['baseline']:.2f} {r['unit']}"


def _verdict(r: dict) -> str:
    if r.get("limit"):
        return "met" if r["hoso"] <= r["limit"] else "MISSED"
    if r["goal"]:
        return "met" if r["ratio"] <= r["goal"] else "MISSED"
    return "-"


def main(argv: list[str]) -> int:
    path, times = bench_dir() / "table.jsonl", bench_dir() / "times.jsonl"
    if "--reset" in argv:
        path.unlink(missing_ok=True)
        times.unlink(missing_ok=True)
        return 0
    if not path.exists():
        print("Chưa có kết quả đo (no benchmark recorded a result).")
        return 1
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    head = ("what", "HoSo", "baseline (best raw approach)", "ratio", "goal", "verdict")
    table = [head] + [(r["what"], f"{r['hoso']:.2f} {r['unit']}", _baseline(r),
                       "-" if r["ratio"] is None else f"{r['ratio']:.2f}×", _goal(r), _verdict(r)) for r in rows]
    widths = [max(len(row[i]) for row in table) for i in range(len(head))]
    for n, row in enumerate(table):
        print(" | ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())
        if n == 0:
            print("-+-".join("-" * w for w in widths))
    spreads = [f"  {r['what']}: {r['spread']}" for r in rows if r.get("spread")]
    if spreads:
        print("\nspread over the rounds, and details:")
        print("\n".join(spreads))
    if times.exists():
        _print_times([json.loads(line) for line in times.read_text(encoding="utf-8").splitlines() if line.strip()])
    return 0


def _print_times(rows: list[dict]) -> None:
    """Wall time per module (its fixtures included), a database built on the way counted apart."""
    per_module: dict[str, float] = defaultdict(float)
    skipped: set[str] = set()
    for r in rows:
        if "module" in r:
            per_module[r["module"]] += r["seconds"]
            if r["outcome"] == "skipped":
                skipped.add(r["module"])
    built = [r for r in rows if "generated" in r]
    if not per_module:
        return
    print("\ntime per module (wall clock):")
    for module, seconds in sorted(per_module.items(), key=lambda kv: -kv[1]):
        print(f"  {module}: {seconds:.0f} s" + (" (some tests skipped)" if module in skipped else ""))
    print(f"  all modules: {sum(per_module.values()) / 60:.1f} min")
    for r in built:
        print(f"  of which building {r['generated']}: {r['seconds']:.0f} s (once per generator version)")
    for r in rows:
        if r.get("reason"):
            print(f"  skipped: {r['module']}::{r['test']}: {r['reason']}")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
