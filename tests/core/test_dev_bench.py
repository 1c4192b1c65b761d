"""``python3 dev.py bench``: which pytest runs it makes (the default stays within 15 minutes: the
sync benchmark at 10,000, the declaration unit of 250; --full adds the sync at 100,000 and the
unit of 1,000; arguments reach every run), and the one table it prints afterwards."""

from __future__ import annotations

import importlib.util
import json
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SYNC = "tests/benchmarks/test_sync_speed.py"


@pytest.fixture
def dev(monkeypatch, tmp_path):
    spec = importlib.util.spec_from_file_location("hoso_dev_script", ROOT / "dev.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    calls: list[tuple[list[str], dict[str, str]]] = []

    def fake_run(args: list[str]) -> int:
        import os

        calls.append((args, dict(os.environ)))
        return 0

    def fake_subprocess_run(args, cwd=None, env=None, **_kw):  # noqa: ANN001
        calls.append((list(args[1:]), dict(env or {})))
        return subprocess.CompletedProcess(args, 0)

    monkeypatch.setattr(module, "run", fake_run)
    monkeypatch.setattr(module.subprocess, "run", fake_subprocess_run)
    for name in ("HOSO_BENCH", "HOSO_BENCH_RUNS", "HOSO_DECL_COUNT", "HOSO_BENCH_COUNT", "HOSO_BUILT_APP"):
        monkeypatch.setenv(name, "")  # recorded, so what bench() sets is undone after the test
        monkeypatch.delenv(name)
    monkeypatch.setenv("HOSO_BENCH_DIR", str(tmp_path))
    module.calls = calls
    return module


def _pytest_runs(calls):
    return [(args, env) for args, env in calls if args[:2] == ["-m", "pytest"]]


def test_the_default_run_syncs_10000_and_issues_a_unit_of_250(dev) -> None:
    assert dev.bench(["-k", "search"]) == 0
    runs = _pytest_runs(dev.calls)
    assert len(runs) == 2
    args, env = runs[0]
    assert "tests/benchmarks" in args and f"--ignore={SYNC}" in args
    assert args[-2:] == ["-k", "search"]  # the arguments reach pytest
    assert env["HOSO_BENCH"] == "1" and env["HOSO_DECL_COUNT"] == "250" and env["HOSO_BENCH_RUNS"] == "3"
    assert "HOSO_BENCH_COUNT" not in env  # the others at 100,000
    args, env = runs[1]  # the sync in a run of its own, at 10,000 (100,000 takes 20 minutes and more)
    assert SYNC in args and args[-2:] == ["-k", "search"] and env["HOSO_BENCH_COUNT"] == "10000"
    assert [a for a, _ in dev.calls if "tests.benchmarks.table" in a] == [
        ["-m", "tests.benchmarks.table", "--reset"], ["-m", "tests.benchmarks.table"]]


def test_full_adds_the_sync_at_10000_and_100000_and_the_unit_of_1000(dev) -> None:
    dev.bench(["--full", "-x"])
    runs = _pytest_runs(dev.calls)
    assert len(runs) == 3
    assert f"--ignore={SYNC}" in runs[0][0] and runs[0][1]["HOSO_DECL_COUNT"] == "1000"
    assert [(SYNC in a, "--full" in a, a[-1], e["HOSO_BENCH_COUNT"]) for a, e in runs[1:]] == [
        (True, False, "-x", "10000"), (True, False, "-x", "100000")]


def test_a_named_module_runs_alone(dev) -> None:
    dev.bench(["tests/benchmarks/test_search_speed.py"])
    (args, _env), = _pytest_runs(dev.calls)
    assert "tests/benchmarks" not in args and "tests/benchmarks/test_search_speed.py" in args
    dev.calls.clear()
    dev.bench([SYNC])  # the sync module named: its own run alone, at 10,000
    (args, env), = _pytest_runs(dev.calls)
    assert SYNC in args and not any(a.startswith("--ignore") for a in args) and env["HOSO_BENCH_COUNT"] == "10000"


def test_hoso_bench_count_sets_the_size_of_every_run(dev, monkeypatch) -> None:
    monkeypatch.setenv("HOSO_BENCH_COUNT", "2000")
    dev.bench([])
    assert [e["HOSO_BENCH_COUNT"] for _a, e in _pytest_runs(dev.calls)] == ["2000", "2000"]


def test_the_table_prints_verdicts_spreads_skips_and_time_per_module(monkeypatch, tmp_path, capsys) -> None:
    from tests.benchmarks import table

    monkeypatch.setenv("HOSO_BENCH_DIR", str(tmp_path))
    rows = [
        {"what": "search, median", "hoso": 3.0, "baseline": 2.0, "unit": "ms", "baseline_name": "FTS5 raw",
         "ratio": 1.5, "goal": 2, "limit": None, "spread": "per-query ratio p25 1.1"},
        {"what": "import", "hoso": 40.0, "baseline": 10.0, "unit": "s", "baseline_name": "openpyxl",
         "ratio": 4.0, "goal": 3, "limit": None, "spread": ""},
        {"what": "list shown", "hoso": 80.0, "baseline": None, "unit": "ms", "baseline_name": "", "ratio": None,
         "goal": None, "limit": 50, "spread": ""},
    ]
    (tmp_path / "table.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    times = [{"module": "test_search_speed.py", "when": "call", "seconds": 90.0, "outcome": "passed"},
             {"module": "test_search_speed.py", "when": "setup", "seconds": 30.0, "outcome": "passed"},
             {"module": "test_frozen_start.py", "when": "setup", "seconds": 1.0, "outcome": "skipped",
              "test": "test_start", "reason": "no built app"},
             {"generated": "demo-100000-s1-abc.sqlite", "seconds": 25.0}]
    (tmp_path / "times.jsonl").write_text("\n".join(json.dumps(t) for t in times) + "\n", encoding="utf-8")
    assert table.main([]) == 0
    out = capsys.readouterr().out
    head, _rule, search, imported, shown = out.splitlines()[:5]
    assert head.split(" | ")[-1].strip() == "verdict"
    assert search.rstrip().endswith("met") and "1.50×" in search and "≤ 2×" in search
    assert imported.rstrip().endswith("MISSED")
    assert shown.rstrip().endswith("MISSED") and "≤ 50 ms" in shown
    assert "search, median: per-query ratio p25 1.1" in out
    assert "test_search_speed.py: 120 s" in out and "all modules: 2.0 min" in out
    assert "building demo-100000-s1-abc.sqlite: 25 s" in out
    assert "skipped: test_frozen_start.py::test_start: no built app" in out
    assert table.main(["--reset"]) == 0
    assert not (tmp_path / "table.jsonl").exists() and not (tmp_path / "times.jsonl").exists()
