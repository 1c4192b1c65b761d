"""Benchmarks run on demand only (``python3 dev.py bench``), never as part of the test suite.

A 100,000-profile demo database is built once and kept in ``HOSO_BENCH_DIR`` (default
``/tmp/hoso-bench``) so repeated runs measure the queries, not the generator.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from app.db import open_database

BENCH_COUNT = int(os.environ.get("HOSO_BENCH_COUNT", "100000"))


def pytest_collection_modifyitems(config, items) -> None:
    if os.environ.get("HOSO_BENCH") == "1":
        return
    skip = pytest.mark.skip(reason="benchmark: run with python3 dev.py bench")
    for item in items:
        if "benchmarks" in str(item.fspath):
            item.add_marker(skip)


def bench_dir() -> Path:
    folder = Path(os.environ.get("HOSO_BENCH_DIR", "/tmp/hoso-bench"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def report(line: str) -> None:
    with (bench_dir() / "results.txt").open("a", encoding="utf-8") as fh:
        fh.write(line + "\n")
    print(line)


@pytest.fixture(scope="session")
def big_db_path() -> Path:
    """The demo database with BENCH_COUNT profiles (built once, timed)."""
    from app import demo

    path = bench_dir() / f"demo-{BENCH_COUNT}.sqlite"
    if not path.exists():
        tmp = path.with_suffix(".building")
        for leftover in tmp.parent.glob(tmp.name + "*"):
            leftover.unlink()
        db = open_database(tmp)
        started = time.perf_counter()
        demo.generate(db, BENCH_COUNT, seed=1)
        elapsed = time.perf_counter() - started
        db.dispose()
        tmp.rename(path)
        report(f"demo --count {BENCH_COUNT}: {elapsed:.1f} s ({BENCH_COUNT / elapsed:.0f} profiles/s)")
    return path
