"""Benchmarks run on demand only (``python3 dev.py bench``), never as part of the test suite.

A 100,000-profile demo database is built once and kept in ``HOSO_BENCH_DIR`` (default
``/tmp/hoso-bench``) so repeated runs measure the queries, not the generator: its file name carries
the generator's version (a hash of the demo generator, its data, the catalogs and the schema), so a
change to any of them builds a fresh one and an unchanged one is reused by every module and every
run. Each module that changes the data works on a copy.

Each benchmark measures HoSo against the best raw approach to the same result, interleaving the
two (the machine may be shared, so one side must not get the quiet minute), and ``record``s one
row of the table ``python3 dev.py bench`` prints at the end (``tests/benchmarks/table.py``).
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import statistics
import time
from pathlib import Path

import pytest

from app.db import open_database

BENCH_COUNT = int(os.environ.get("HOSO_BENCH_COUNT", "100000"))
ROOT = Path(__file__).resolve().parents[2]
#: what shapes the generated database: the generator, its data and the catalogs, and the schema
GENERATOR_SOURCES = ("app/demo.py", "app/demo_data.py", "app/demo_positions.py", "app/catalogs.py",
                     "app/search_index.py", "resources/demo", "resources/catalogs", "models")


def generator_version() -> str:
    """A short hash of GENERATOR_SOURCES (file names and contents): the cache key of the demo
    database, so a database built by an older generator or schema is never measured."""
    digest = hashlib.sha256()
    for source in GENERATOR_SOURCES:
        path = ROOT / source
        files = sorted(f for f in path.rglob("*") if f.is_file() and "__pycache__" not in f.parts) \
            if path.is_dir() else [path]
        for f in files:
            if f.suffix in (".pyc",):
                continue
            digest.update(str(f.relative_to(ROOT)).encode() + b"\0" + f.read_bytes() + b"\0")
    return digest.hexdigest()[:12]


def pytest_collection_modifyitems(config, items) -> None:
    if os.environ.get("HOSO_BENCH") == "1":
        return
    skip = pytest.mark.skip(reason="benchmark: run with python3 dev.py bench")
    for item in items:
        if "benchmarks" in str(item.fspath):
            item.add_marker(skip)


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    """Each test's wall time (set-up, call and tear-down, so the module's fixtures too) into
    ``times.jsonl``: ``python3 dev.py bench`` prints the time per module under its table, which is
    what keeps the whole run within its 15 minutes."""
    if os.environ.get("HOSO_BENCH") != "1" or "benchmarks" not in report.nodeid:
        return
    row = {"module": report.nodeid.split("::")[0].rsplit("/", 1)[-1], "when": report.when,
           "seconds": round(report.duration, 2), "outcome": report.outcome}
    if report.skipped and isinstance(report.longrepr, tuple):  # (file, line, "Skipped: why"): shown under the table
        row["test"], row["reason"] = report.nodeid.split("::")[-1], str(report.longrepr[2]).removeprefix("Skipped: ")
    with (bench_dir() / "times.jsonl").open("a", encoding="utf-8") as fh:
        fh.write(json.dumps(row) + "\n")


def bench_dir() -> Path:
    folder = Path(os.environ.get("HOSO_BENCH_DIR", "/tmp/hoso-bench"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def report(line: str) -> None:
    with (bench_dir() / "results.txt").open("a", encoding="utf-8") as fh:
        fh.write(line + "\n")
    print(line)


def record(what: str, hoso: float, baseline: float | None, unit: str, baseline_name: str, goal: float | None,
           spread: str = "", *, limit: float | None = None) -> None:
    """One row of the final table: HoSo's figure, the baseline's, their ratio against the goal
    (the most HoSo may cost, as a multiple of the baseline) or, with ``limit``, HoSo's figure
    against an absolute goal in ``unit`` (then the baseline may be None: a figure with no raw
    counterpart, such as the list shown in the window)."""
    ratio = None if baseline is None else hoso / baseline if baseline else float("inf")
    row = {"what": what, "hoso": hoso, "baseline": baseline, "unit": unit, "baseline_name": baseline_name,
           "ratio": ratio, "goal": goal, "limit": limit, "spread": spread}
    with (bench_dir() / "table.jsonl").open("a", encoding="utf-8") as fh:
        fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    report(f"{what}: HoSo {hoso:.2f} {unit}"
           + (f", {baseline_name} {baseline:.2f} {unit}, ratio {ratio:.2f}" if ratio is not None else "")
           + (f" (goal ≤ {goal:g})" if goal else "") + (f" (goal ≤ {limit:g} {unit})" if limit else "")
           + (f"; {spread}" if spread else ""))


SKIP_SQL = ("BEGIN", "COMMIT", "ROLLBACK", "CREATE VIRTUAL", "SAVEPOINT", "RELEASE", "PRAGMA")


class SqlCapture:
    """Every statement SQLite runs on the engine's connections, as run (parameters expanded by
    SQLite itself), whether sent through SQLAlchemy or the driver directly: what a benchmark
    replays through bare sqlite3 as its baseline."""

    def __init__(self, engine) -> None:  # noqa: ANN001
        self.engine, self.statements = engine, []

    def _trace(self, sql: str) -> None:
        if not sql.lstrip().upper().startswith(SKIP_SQL):
            self.statements.append(sql)

    def _checkout(self, dbapi_conn, _record, _proxy) -> None:  # noqa: ANN001
        dbapi_conn.set_trace_callback(self._trace)

    def _checkin(self, dbapi_conn, _record) -> None:  # noqa: ANN001
        if dbapi_conn is not None:
            dbapi_conn.set_trace_callback(None)

    def __enter__(self) -> SqlCapture:
        from sqlalchemy import event

        event.listen(self.engine, "checkout", self._checkout)
        event.listen(self.engine, "checkin", self._checkin)
        return self

    def __exit__(self, *_exc: object) -> None:
        from sqlalchemy import event

        event.remove(self.engine, "checkout", self._checkout)
        event.remove(self.engine, "checkin", self._checkin)

    def take(self) -> list[str]:
        taken, self.statements = self.statements, []
        return taken


def percentile(samples: list[float], p: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, max(0, round(p * len(ordered)) - 1))]


def per_query_spread(hoso_ms: list[float], raw_ms: list[float]) -> str:
    """The spread of per-query ratios (HoSo ÷ raw, same query) for a search benchmark's table row."""
    ratios = sorted(h / r for h, r in zip(hoso_ms, raw_ms, strict=True))
    return (f"per-query ratio p25 {ratios[len(ratios) // 4]:.2f}, median {statistics.median(ratios):.2f}, "
            f"p75 {ratios[3 * len(ratios) // 4]:.2f}; HoSo max {max(hoso_ms):.1f} ms")


def ratio_spread(pairs: list[tuple[float, float]]) -> str:
    """The spread of per-round ratios (HoSo / baseline, rounds interleaved)."""
    ratios = sorted(h / b for h, b in pairs if b)
    if len(ratios) < 2:
        return ""
    return f"per-round ratio min {ratios[0]:.2f}, median {statistics.median(ratios):.2f}, max {ratios[-1]:.2f}"


def demo_database(count: int = BENCH_COUNT, seed: int = 1) -> Path:
    """The demo database with ``count`` profiles for the current generator version: built once
    (timed, reported), then reused by every module and every later run; older versions' files are
    removed when a new one is built. Read-only use: a module that writes works on a copy."""
    version = generator_version()
    path = bench_dir() / f"demo-{count}-s{seed}-{version}.sqlite"
    if path.exists():
        return path
    from app import demo

    for stale in bench_dir().glob(f"demo-{count}-s{seed}-*.sqlite*"):
        stale.unlink()
    tmp = path.with_suffix(".building")
    for leftover in tmp.parent.glob(tmp.name + "*"):
        leftover.unlink()
    db = open_database(tmp)
    started = time.perf_counter()
    demo.generate(db, count, seed=seed)
    elapsed = time.perf_counter() - started
    db.dispose()
    con = sqlite3.connect(str(tmp))  # one self-contained file, no -wal beside it: modules may copy it
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    tmp.rename(path)
    report(f"demo --count {count} (generator {version}): {elapsed:.1f} s ({count / max(elapsed, 1e-9):.0f} profiles/s); "
           f"kept as {path.name} for later runs")
    with (bench_dir() / "times.jsonl").open("a", encoding="utf-8") as fh:  # counted apart from the module's time
        fh.write(json.dumps({"generated": path.name, "seconds": round(elapsed, 1)}) + "\n")
    return path


@pytest.fixture(scope="session")
def big_db_path() -> Path:
    """The demo database with BENCH_COUNT profiles (built once per generator version)."""
    return demo_database()
