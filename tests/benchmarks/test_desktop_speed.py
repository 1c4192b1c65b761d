"""The desktop at 100,000 profiles.

* Start to first painted list: HoSo's window against an empty QMainWindow process, started the
  same way and alternately (``desktop_probe.py``), from the moment the process is started (the
  interpreter's own start included) to the list's first paint; medians of ``RUNS`` each, and each
  process's CPU time to that paint (steadier than the wall clock on a shared machine). Both run
  from compiled bytecode, as an installed HoSo does (PYTHONDONTWRITEBYTECODE is not passed on).
* Not the issue's metric, reported apart: a user's start with the sign-in (dialog painted; click →
  list painted after typing), each against the empty QMainWindow process.
* Keystroke to list data, in process, 20 texts as typed: what the list's worker reads after a
  keystroke (a screenful of keys, the rows on screen; the count follows separately) against the very
  SQL it sent, replayed through bare sqlite3. Absolute goal: p95 ≤ 50 ms after the debounce.
* Keystroke to the list shown in the window (the worker thread, the model, the view's own paint,
  timed at its end), and to its count shown. A/B runs of two trees: ``list_paint_probe.py``.
* Resident memory at 1,000 vs 100,000 profiles.
"""

from __future__ import annotations

import json
import os
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

from app import demo
from app.db import open_database
from tests.benchmarks.conftest import (
    BENCH_COUNT,
    SqlCapture,
    bench_dir,
    percentile,
    ratio_spread,
    record,
    report,
)

ROOT = Path(__file__).resolve().parents[2]
RUNS = 5
TEXTS = ["n", "ng", "ngu", "nguy", "nguye", "nguyen", "nguyen t", "nguyen thi", "nguyen thi h", "hoa",
         "binh", "048", "0481", "tran van", "le thi mai", "dang", "pham", "vo", "huynh", "son tra"]


def _probe(*args: str) -> dict:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    started = time.time()
    out = subprocess.run([sys.executable, "-m", "tests.benchmarks.desktop_probe", *args], cwd=ROOT, env=env,
                         capture_output=True, text=True, check=True, timeout=300).stdout
    result = json.loads(out.strip().splitlines()[-1])
    result["from_start_s"] = result["paint_at"] - started
    return result


def _small_db() -> Path:
    path = bench_dir() / "demo-1000.sqlite"
    if not path.exists():
        db = open_database(path)
        demo.generate(db, 1000, seed=1)
        db.dispose()
    return path


def test_start_to_first_painted_list_and_memory(big_db_path) -> None:
    _probe("hoso", str(big_db_path))  # a first start migrates, compiles and warms the page cache
    _probe("empty")
    empty, big = [], []
    for _ in range(RUNS):  # interleaved
        empty.append(_probe("empty"))
        big.append(_probe("hoso", str(big_db_path)))
    small = _probe("hoso", str(_small_db()))

    def median(runs: list[dict], key: str) -> float:
        return statistics.median(r[key] for r in runs)

    e, h = median(empty, "from_start_s"), median(big, "from_start_s")
    e_cpu, h_cpu = median(empty, "cpu_s"), median(big, "cpu_s")
    pairs = [(b["from_start_s"], m["from_start_s"]) for b, m in zip(big, empty, strict=True)]
    record("start → first painted list", h * 1000, e * 1000, "ms", "empty QMainWindow process", 2,
           f"{ratio_spread(pairs)}; CPU time to the paint: HoSo {h_cpu * 1000:.0f} ms, empty {e_cpu * 1000:.0f} ms "
           f"(ratio {h_cpu / e_cpu:.2f})")
    rss_big = median(big, "rss_mb")
    report(f"resident memory after first paint: 1,000 profiles {small['rss_mb']:.0f} MB, {BENCH_COUNT} profiles "
           f"{rss_big:.0f} MB (ratio {rss_big / small['rss_mb']:.2f})")


SIGN_IN = ("quantri", "mat-khau-thu-123")
TYPING_MS = 2000  # a person typing the name and password


def _signed_in_flow(database: Path, report_path: Path, home: Path) -> dict:
    """``main.py gui`` as a user starts it: the sign-in dialog, TYPING_MS of typing, Đăng nhập, the
    list painted with rows (ui/startup_probe.py); wall-clock times from starting the process."""
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"), "HOME": str(home),
           "HOSO_STARTUP_PROBE": str(report_path), "HOSO_STARTUP_PROBE_LOGIN": SIGN_IN[0],
           "HOSO_STARTUP_PROBE_PASSWORD": SIGN_IN[1], "HOSO_STARTUP_PROBE_TYPING_MS": str(TYPING_MS),
           "HOSO_SETTINGS_DIR": str(home / "settings"), "HOSO_DATA_DIR": str(home / "data")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    report_path.unlink(missing_ok=True)
    started = time.time()
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "gui", "--db", str(database)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)
    probe = json.loads(report_path.read_text(encoding="utf-8"))
    assert done.returncode == 0 and probe.get("rows"), done.stderr
    return {"dialog": probe["dialog_paint_at"] - started, "after_click": probe["rows_paint_at"] - probe["signed_in_at"]}


def test_signed_in_start_as_a_user_sees_it(big_db_path, tmp_path) -> None:
    """Not the issue's metric (that one has no sign-in): what a user waits for at a real start —
    the sign-in dialog painted, then, after typing, from the click on Đăng nhập to the list painted
    with rows (the password check included; the main window's modules load while the user types,
    ui/application.py). Each against the empty QMainWindow process, interleaved."""
    import shutil

    database = tmp_path / "hoso.sqlite"
    shutil.copyfile(big_db_path, database)
    added = subprocess.run([sys.executable, str(ROOT / "main.py"), "user", "add", SIGN_IN[0], "--role", "admin",
                            "--password-stdin", "--no-forced-change", "--db", str(database)], cwd=ROOT,
                           input=SIGN_IN[1] + "\n", capture_output=True, text=True, timeout=300)
    assert added.returncode == 0, added.stderr
    _signed_in_flow(database, tmp_path / "probe.json", tmp_path)  # warm
    empty, flows = [], []
    for _ in range(RUNS):
        empty.append(_probe("empty")["from_start_s"])
        flows.append(_signed_in_flow(database, tmp_path / "probe.json", tmp_path))
    e = statistics.median(empty)
    for key, what in (("dialog", "start → sign-in dialog painted"),
                      ("after_click", "sign-in click → list painted (after typing)")):
        values = [f[key] for f in flows]
        record(what, statistics.median(values) * 1000, e * 1000, "ms", "empty QMainWindow process", None,
               ratio_spread(list(zip(values, empty, strict=True))))


def test_keystroke_to_list_data_in_process(big_db_path) -> None:
    from app.listing import SCREEN_PAGE, PersonFilter
    from app.services import HoSoService

    db = open_database(big_db_path)
    service = HoSoService(db)

    def list_data(text: str) -> None:  # what the list's worker does after a keystroke (ui/person_list.py)
        page = service.people.person_page(PersonFilter(query=text), count=False, size=SCREEN_PAGE)
        service.people.person_rows(page.keys[:40])  # the rows on screen

    for text in TEXTS:  # warm
        list_data(text)
    raw = sqlite3.connect(str(big_db_path))
    hoso_ms, raw_ms, count_ms = [], [], []
    with SqlCapture(db.engine) as sent:
        for _round in range(3):
            for text in TEXTS:
                sent.take()
                started = time.perf_counter()
                list_data(text)
                hoso_ms.append((time.perf_counter() - started) * 1000)
                replay = sent.take()
                started = time.perf_counter()
                for sql in replay:
                    raw.execute(sql).fetchall()
                raw_ms.append((time.perf_counter() - started) * 1000)
                started = time.perf_counter()
                service.people.person_count(PersonFilter(query=text))
                count_ms.append((time.perf_counter() - started) * 1000)
    raw.close()
    db.dispose()
    spread = (f"median HoSo {statistics.median(hoso_ms):.1f} ms vs SQL {statistics.median(raw_ms):.1f} ms; "
              f"the count that follows: median {statistics.median(count_ms):.0f} ms, p95 {percentile(count_ms, 0.95):.0f} ms")
    record(f"keystroke → list data, p95 ({len(TEXTS)} texts × 3)", percentile(hoso_ms, 0.95), percentile(raw_ms, 0.95),
           "ms", "the same SQL raw", None, spread, limit=50)


def test_keystroke_to_updated_list_in_the_window(qtbot, big_db_path, tmp_path) -> None:
    """"Shown" is the END of the view's first paint after the model holds the new rows: the table's
    own paintEvent, timed inside it (not a repaint forced by the test, nor a poll that sleeps between
    its looks); the waits run a real event loop (waitSignal), as the application does."""
    import shutil

    from PySide6.QtCore import QObject, QThreadPool, Signal
    from PySide6.QtWidgets import QLabel

    from app.services import HoSoService
    from ui.main_window import MainWindow

    class PaintWatch(QObject):
        painted = Signal()

        def __init__(self, table) -> None:  # noqa: ANN001 - QTableView
            super().__init__()
            self.armed, self.at = False, 0.0
            paint = table.paintEvent

            def timed(event) -> None:  # noqa: ANN001 - QPaintEvent
                paint(event)
                if self.armed:
                    self.armed, self.at = False, time.perf_counter()
                    self.painted.emit()

            table.paintEvent = timed  # the view's own paint of its viewport

    path = tmp_path / "window.sqlite"
    shutil.copyfile(big_db_path, path)  # the window writes (the preview's access log): a copy
    db = open_database(path)
    window = MainWindow(HoSoService(db))
    qtbot.addWidget(window)
    window.show()

    def settled() -> bool:  # the start-up alert count runs on a worker; measure typing after it
        label = window.findChild(QLabel, "alert_count_label")
        return label is not None and label.property("count") is not None

    qtbot.waitUntil(settled, timeout=300_000)  # the 100,000-profile alert count: a minute on a loaded machine
    pool = QThreadPool.globalInstance()  # and the rest of the start-up's work (the sync state: seconds)
    qtbot.waitUntil(lambda: pool.activeThreadCount() == 0, timeout=300_000)
    people = window.people
    watch = PaintWatch(people.table)
    people.page_shown.connect(lambda _n: setattr(watch, "armed", True))
    counted: list[float] = []
    people.list_loaded.connect(lambda _n: counted.append(time.perf_counter()))
    to_rows, to_count = [], []
    for text in TEXTS:
        counted.clear()
        with qtbot.waitSignal(watch.painted, timeout=30000):
            started = time.perf_counter()
            people.search_edit.setText(text)
            people.reload()  # what the debounce timer fires; the debounce delay itself is excluded
        to_rows.append((watch.at - started) * 1000)
        if not counted:  # list_loaded is emitted only from the event loop: no race with this check
            with qtbot.waitSignal(people.list_loaded, timeout=30000):
                pass
        to_count.append((counted[0] - started) * 1000)
    report(f"keystroke to the list painted in the window ({BENCH_COUNT} profiles, {len(TEXTS)} texts, after the "
           f"debounce, to the end of the view's paint): median {statistics.median(to_rows):.0f} ms, "
           f"p95 {percentile(to_rows, 0.95):.0f} ms; to its count shown: median {statistics.median(to_count):.0f} ms, "
           f"p95 {percentile(to_count, 0.95):.0f} ms")
    record(f"keystroke → list shown in the window, p95 ({len(TEXTS)} texts)", percentile(to_rows, 0.95), None, "ms", "",
           None, f"median {statistics.median(to_rows):.0f} ms; to its count shown: median "
           f"{statistics.median(to_count):.0f} ms, p95 {percentile(to_count, 0.95):.0f} ms", limit=50)
    window.close()
    from ui.background import wait_for_workers

    wait_for_workers()
    db.dispose()
