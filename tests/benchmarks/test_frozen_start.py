"""Start-up of the one-folder build against the source run (issue 18): the same database, the same
sign-in, the same clean home folder; wall-clock time from starting the process to the people list
first painted with rows (ui/startup_probe.py), median of RUNS alternating runs.

Uses HOSO_BUILT_APP=dist/HoSo when given (``python3 dev.py build`` first), else the build kept in the
bench folder; with neither it builds there only when HOSO_BENCH_BUILD=1 (a build takes minutes, more
than ``python3 dev.py bench`` may spend), and is skipped otherwise."""

from __future__ import annotations

import os
import shutil
import statistics
import sys

import pytest

from tests.benchmarks.conftest import BENCH_COUNT, bench_dir, ratio_spread, record, report
from tests.frozen import support as frozen

RUNS = 5


def test_start_of_the_built_app_against_the_source_run(big_db_path, tmp_path) -> None:
    folder = frozen.prebuilt()
    kept = bench_dir() / "build" / "dist" / "HoSo"
    if folder is None and (kept / frozen.EXE).exists():
        folder = kept
    if folder is None:
        if os.environ.get("HOSO_BENCH_BUILD") != "1":
            pytest.skip("no built app: python3 dev.py build and HOSO_BUILT_APP=dist/HoSo, or HOSO_BENCH_BUILD=1")
        folder, seconds = frozen.build(bench_dir() / "build")
        report(f"build: {seconds:.0f} s, {frozen.folder_size(folder) / 1e6:.0f} MB")
    database = tmp_path / "hoso.sqlite"
    shutil.copyfile(big_db_path, database)  # the sign-in account is added to a copy
    env = frozen.clean_env(tmp_path / "home")
    added = frozen.run(folder, "user", "add", frozen.ADMIN, "--role", "admin", "--password-stdin",
                       "--no-forced-change", "--db", str(database), env=env, stdin=frozen.PASSWORD + "\n")
    assert added.returncode == 0, added.stderr
    commands = {"source": [sys.executable, str(frozen.ROOT / "main.py"), "gui", "--db", str(database)],
                "built": [str(folder / frozen.EXE), "gui", "--db", str(database)]}
    times: dict[str, list[float]] = {name: [] for name in commands}
    first: dict[str, list[float]] = {name: [] for name in commands}
    cpu: dict[str, list[float]] = {name: [] for name in commands}
    with frozen.display() as screen:
        for _ in range(RUNS):
            for name, command in commands.items():
                done, probe, started = frozen.start_window(command, {**env, **screen}, tmp_path / "probe.json",
                                                           cwd=frozen.ROOT)
                assert done.returncode == 0 and probe.get("rows"), done.stderr
                times[name].append(probe["rows_paint_at"] - started)
                first[name].append(probe["first_paint_at"] - started)
                cpu[name].append(probe.get("cpu_s", 0.0))
    source, built = statistics.median(times["source"]), statistics.median(times["built"])
    report(f"start to first painted list with rows, {BENCH_COUNT} profiles (incl. sign-in): built app "
           f"{built:.2f} s vs source run {source:.2f} s (ratio {built / source:.2f}); first paint of the list "
           f"{statistics.median(first['built']):.2f} s vs {statistics.median(first['source']):.2f} s; CPU time of the "
           f"whole run (start, sign-in, list, background start-up work, exit): {statistics.median(cpu['built']):.2f} s "
           f"vs {statistics.median(cpu['source']):.2f} s (ratio "
           f"{statistics.median(cpu['built']) / max(statistics.median(cpu['source']), 1e-9):.2f})")
    record(f"built app: start → list painted with rows, median of {RUNS}", built * 1000, source * 1000, "ms",
           "the source run (python main.py)", None, ratio_spread(list(zip(times["built"], times["source"], strict=True))))
