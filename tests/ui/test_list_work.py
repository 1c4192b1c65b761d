"""The list after a keystroke (issue 17): the worker brings the page and the rows on screen, so the
view paints without a query on the UI thread; a newer keystroke cancels the older work and its late
answer never replaces the newer list; the first window defers what its first paint does not need."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QThreadPool

from app import units
from app.catalogs import load_catalogs
from app.db import open_database
from app.services import HoSoService
from ui import main_window

PEOPLE = [("048085001234", "Nguyễn Văn Bình", "DN.SNV"), ("048190001235", "Trần Thị Hoa", "DN.P.HAICHAU"),
          ("049088001236", "Đặng Văn Đức", "DN.P.HAICHAU"), ("049192001237", "Lê Thị An", "DN.SNV")]


@pytest.fixture
def window(qtbot, tmp_path):
    db = open_database(tmp_path / "ui.sqlite")
    with db.session() as s:
        load_catalogs(s)
        units.add_unit(s, "DN", "UBND thành phố Đà Nẵng")
        units.add_unit(s, "DN.SNV", "Sở Nội vụ", "DN")
        units.add_unit(s, "DN.P.HAICHAU", "UBND phường Hải Châu", "DN")
    service = HoSoService(db)
    for cccd, name, unit in PEOPLE:
        service.people.create_person({"cccd": cccd, "full_name": name, "birth_date": "1985-03-12", "sex": "Nam",
                                      "unit_code": unit})
    win = main_window.MainWindow(service)
    qtbot.addWidget(win)
    yield win
    win.close()
    QThreadPool.globalInstance().waitForDone(5000)
    db.dispose()


def names(win) -> list[str]:
    model = win.people.model
    return [model.person_row(r).full_name for r in range(model.rowCount())]


def test_the_rows_on_screen_come_with_the_page(qtbot, window) -> None:
    asked: list[list] = []
    fetch = window.people.model._fetch_rows
    window.people.model._fetch_rows = lambda ids: asked.append(list(ids)) or fetch(ids)
    shown: list[int] = []
    window.people.page_shown.connect(shown.append)
    window.people.search_edit.setText("van")
    window.people.reload()
    qtbot.waitUntil(lambda: bool(shown), timeout=5000)
    assert names(window) == ["Nguyễn Văn Bình", "Đặng Văn Đức"]
    assert asked == []  # painted from the rows the worker read, no query on the UI thread


def test_a_newer_keystroke_cancels_the_older_work(qtbot, window) -> None:
    people = window.people
    people.search_edit.setText("hoa")
    people.reload()
    older = list(people._ops)
    assert older
    people.search_edit.setText("Đức")
    people.reload()
    assert all(op.cancelled for op in older)
    qtbot.waitUntil(lambda: names(window) == ["Đặng Văn Đức"], timeout=5000)
    QThreadPool.globalInstance().waitForDone(5000)
    qtbot.wait(50)  # any late answer of the older request has been delivered by now
    assert names(window) == ["Đặng Văn Đức"]
    assert "1 hồ sơ" in people.count_label.text()


def test_the_preview_waits_for_the_first_paint(qtbot, window, monkeypatch) -> None:
    """Shown: the preview of the first row is filled only after the list's first paint."""
    painted: list[bool] = []
    gate = window.after_first_paint
    run = gate.run
    monkeypatch.setattr(gate, "run", lambda: painted.append(True) or run())
    assert not gate.done and "preview" in gate.pending and "alerts" in gate.pending
    window.show()
    qtbot.waitUntil(lambda: gate.done, timeout=5000)
    qtbot.waitUntil(lambda: window.preview.name_label.text() == "Lê Thị An", timeout=5000)
    assert painted
    # after the first paint the preview follows the selection at once
    window.people.table.selectRow(1)
    qtbot.waitUntil(lambda: window.preview.name_label.text() == "Nguyễn Văn Bình", timeout=3000)


def test_a_window_never_shown_still_gets_its_preview(qtbot, window) -> None:
    qtbot.waitUntil(lambda: window.after_first_paint.done, timeout=5000)
    qtbot.waitUntil(lambda: window.preview.name_label.text() == "Lê Thị An", timeout=3000)


def test_a_keystroke_is_not_queued_behind_long_background_work(qtbot, window) -> None:
    """Every thread of the pool busy with long work (the alert count and the sync state run for
    seconds at 100,000 dossiers): the list's page and count still start at once."""
    from ui.background import run_in_background

    release = threading.Event()
    pool = QThreadPool.globalInstance()
    blockers = [run_in_background(None, "", lambda _r, _c: release.wait(30), lambda _x: None, show_progress=False)
                for _ in range(pool.maxThreadCount())]
    try:
        qtbot.waitUntil(lambda: pool.activeThreadCount() >= len(blockers), timeout=5000)
        window.people.search_edit.setText("hoa")
        window.people.reload()
        qtbot.waitUntil(lambda: names(window) == ["Trần Thị Hoa"], timeout=5000)
        qtbot.waitUntil(lambda: "1 hồ sơ" in window.people.count_label.text(), timeout=5000)
        assert not release.is_set() and all(not b.cancelled for b in blockers)
    finally:
        release.set()


def test_the_preview_reads_off_the_ui_thread_and_waits_while_typing(qtbot, window) -> None:
    from ui import preview

    threads: list[threading.Thread] = []
    person = window.service.people.person
    window.service.people.person = lambda key: threads.append(threading.current_thread()) or person(key)
    qtbot.waitUntil(lambda: window.after_first_paint.done, timeout=5000)
    qtbot.waitUntil(lambda: window.preview.name_label.text() == "Lê Thị An", timeout=5000)
    assert threads and all(t is not threading.main_thread() for t in threads)
    window.people.search_edit.setText("Đức")
    window.people.reload()  # the list changes with typing: the pane waits for a pause
    qtbot.waitUntil(lambda: names(window) == ["Đặng Văn Đức"], timeout=5000)
    assert window.preview._timer.interval() == preview.TYPING_PAUSE_MS
    qtbot.waitUntil(lambda: window.preview.name_label.text() == "Đặng Văn Đức", timeout=5000)
    window.people.table.selectRow(0)  # a selection the user moves: read as it rests
    window.preview.show_person(window.people.current_id())
    qtbot.wait(preview.TYPING_PAUSE_MS + 50)
    window.preview.show_person(window.people.current_id())
    assert window.preview._timer.interval() == preview.SETTLE_MS


def test_the_count_starts_after_the_new_rows_are_painted(qtbot, window, monkeypatch) -> None:
    """The count's worker would compete with the paint of the new rows: it is started after it."""
    from ui import person_list

    window.show()
    qtbot.waitUntil(lambda: window.after_first_paint.done, timeout=5000)
    order: list[str] = []
    start = person_list.run_in_background

    def started(parent, label, work, *args, **kwargs):  # noqa: ANN001, ANN202
        order.append(work.__name__)
        return start(parent, label, work, *args, **kwargs)

    monkeypatch.setattr(person_list, "run_in_background", started)
    table, model = window.people.table, window.people.model
    paint = table.paintEvent
    table.paintEvent = lambda event: (paint(event), order.append(f"paint {model.rowCount()} rows"))
    monkeypatch.setattr(window.people, "_page_size", lambda: 1)  # a page shorter than the list: its count follows
    monkeypatch.setattr(window.people, "_first_rows", lambda: 1)
    window.people.search_edit.setText("van")
    window.people.reload()
    qtbot.waitUntil(lambda: "count" in order, timeout=5000)
    qtbot.waitUntil(lambda: "2 hồ sơ" in window.people.count_label.text(), timeout=5000)
    assert order.index("work") < order.index("paint 1 rows") < order.index("count")
