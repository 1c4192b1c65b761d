"""City mode end to end (issue 7 item 5): ``python main.py --db postgresql+psycopg://…`` opens the
desktop app on the city database — every unit, city-wide search, printing and statistics — and the
units' records are read-only there.

The window is built by the real start-up (``ui.application.run_app``: database, sign-in step,
main window), only ``QApplication.exec`` is stubbed, so what is checked is what the Department's
official gets. Offscreen (pytest-qt); the database is a scratch PostgreSQL one (tests/city/conftest.py).
"""

from __future__ import annotations

import datetime as dt
import sys

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QThreadPool
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
from sqlalchemy import select

from app import demo
from app.city.init import city_init
from app.city.roles import set_unit_role
from app.db import open_database
from app.errors import UserError
from app.listing import PersonFilter
from app.reports.stats import compute_stats
from app.service import HoSoService
from models import Person, Unit
from tests.city.city_support import drop_roles, role_url, unique

pytestmark = pytest.mark.city

DEMO_PEOPLE = 60
READ_ONLY = "cơ sở dữ liệu thành phố"  # the refusal names where the user is


@pytest.fixture(scope="module")
def city_url(pg_url):
    """A city database (``city init``) with the demo unit tree and 60 demo people."""
    group = unique("hoso_unit_t")
    db = open_database(pg_url)
    try:
        city_init(db, group=group)
        demo.generate(db, DEMO_PEOPLE, 1, None)
    finally:
        db.dispose()
    yield pg_url
    drop_roles(pg_url, [group])


@pytest.fixture
def start_app(qtbot, monkeypatch):
    """``start_app(url)``: the main window exactly as ``python main.py --db URL`` builds it (the
    event loop not run); closed, its workers finished and its database let go after the test."""
    from ui import application, login, main_window

    def refuse(*args, **_kwargs):
        raise AssertionError(f"the city start-up asked or warned instead of opening: {args[1:3]}")

    monkeypatch.setattr(QMessageBox, "critical", staticmethod(refuse))
    monkeypatch.setattr(QMessageBox, "question", staticmethod(refuse))  # offer_recovery
    monkeypatch.setattr(login, "ask_sign_in", refuse)  # on the city database nobody is asked to sign in
    built: list[main_window.MainWindow] = []

    class Captured(main_window.MainWindow):
        def __init__(self, service: HoSoService):
            super().__init__(service)
            built.append(self)

    monkeypatch.setattr(main_window, "MainWindow", Captured)
    monkeypatch.setattr(main_window, "ALERT_COUNT_DELAY_MS", 0)  # counted during the test, not after the drop
    monkeypatch.setattr(QApplication, "exec", lambda *_args: 0)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # run_app installs its crash handler

    def start(url: str) -> main_window.MainWindow:
        assert application.run_app(url) == 0
        assert built, "run_app did not open the main window (a dialog refused or quit?)"
        qtbot.addWidget(built[-1])
        return built[-1]

    yield start
    for win in built:
        win.close()
    qtbot.wait(20)  # let the zero-delay timers fire
    QThreadPool.globalInstance().waitForDone(5000)  # list reloads and the alert count run on workers
    QApplication.processEvents()
    for win in built:
        win.service.db.dispose()


@pytest.fixture
def window(start_app, city_url):
    return start_app(city_url)


def shown_rows(win) -> list:
    model = win.people.model
    return [model.person_row(r) for r in range(model.rowCount())]


def test_the_app_opens_in_city_mode_as_the_department(window) -> None:
    principal = window.service.principal
    assert principal.is_city_readonly, "the city database was not recognised: records would be writable"
    assert principal.unit_ids is None  # postgres (the Department) reads every unit
    assert window.isVisible()


def test_unit_tree_shows_every_unit(window, city_url) -> None:
    db = open_database(city_url)
    try:
        expected = {u.code for u in HoSoService(db).list_units()}
    finally:
        db.dispose()
    assert len(expected) > 5
    assert {u.code for u in window.units.units} == expected
    root = window.units.model.item(0)
    assert root.rowCount() >= 1  # the tree is built under "Tất cả đơn vị"
    assert window.units.current_code() is None  # all units selected at start


def test_list_shows_people_of_several_units(window) -> None:
    rows = shown_rows(window)
    expected = window.service.person_keys(window.people.current_filter())
    assert len(rows) == len(expected) and len(rows) > DEMO_PEOPLE // 2
    assert len({r.unit_code for r in rows}) >= 3
    assert f"{len(rows)} hồ sơ" in window.people.count_label.text()


def test_search_is_city_wide(qtbot, window) -> None:
    rows = shown_rows(window)
    by_unit: dict[str | None, object] = {}
    for row in rows:
        by_unit.setdefault(row.unit_code, row)
    first, second = list(by_unit.values())[:2]
    for person in (first, second):  # one CCCD in each of two units
        window.people.search_edit.setText(person.cccd)
        qtbot.waitUntil(lambda p=person: [r.id for r in shown_rows(window)] == [p.id], timeout=5000)
    surnames = [r.full_name.split()[0] for r in rows]
    surname = max(set(surnames), key=surnames.count)  # the commonest family name: found in several units
    holders = {r.id for r in rows if r.full_name.split()[0] == surname}
    window.people.search_edit.setText(surname)
    qtbot.waitUntil(lambda: holders <= {r.id for r in shown_rows(window)}, timeout=5000)
    found = shown_rows(window)
    assert len(found) < len(rows)
    assert len({r.unit_code for r in found}) >= 2


def test_selecting_a_unit_filters_the_city_list(qtbot, window) -> None:
    rows = shown_rows(window)
    code = rows[0].unit_code
    window.units.select_code(code)
    qtbot.waitUntil(lambda: 0 < len(shown_rows(window)) < len(rows), timeout=5000)
    assert all(r.unit_code == code or str(r.unit_code).startswith(code + ".") for r in shown_rows(window))


def test_printing_a_2c_profile(window, tmp_path) -> None:
    person = shown_rows(window)[0]
    out = tmp_path / "2c.pdf"
    pages = window.service.render_profile_pdf(person.id, out)
    assert pages >= 1 and out.read_bytes().startswith(b"%PDF")


def test_exporting_the_city_list(window, tmp_path) -> None:
    out = tmp_path / "danh-sach.xlsx"
    flt = window.people.current_filter()
    count = window.service.export_people(str(out), flt, [c.key for c in window.people.model.columns])
    assert count == window.people.model.rowCount()
    assert load_workbook(out).active.max_row >= count


def test_statistics_count_the_whole_city(window, tmp_path) -> None:
    xlsx = tmp_path / "stats.xlsx"
    window.service.render_stats(None, None, xlsx)
    with window.service.db.session() as s:
        total = compute_stats(s).total.values["tong_so"]  # BM01: công chức only
        civil = len(s.scalars(select(Person.id).where(Person.staff_type == "cong_chuc", Person.status == "working",
                                                      Person.deleted_at.is_(None))).all())
    assert civil // 2 < total <= civil  # the whole city's working công chức, not one unit's
    cells = [c for row in load_workbook(xlsx).active.iter_rows(values_only=True) for c in row]
    assert total in cells
    pdf = tmp_path / "stats.pdf"
    assert window.service.render_stats(None, None, pdf) >= 1
    assert pdf.read_bytes().startswith(b"%PDF")
    overview = window.service.overview()
    assert overview.people == DEMO_PEOPLE and overview.units > 5


def test_the_units_records_are_read_only(window) -> None:
    service = window.service
    person = shown_rows(window)[0]
    before = service.person(person.id)
    with pytest.raises(UserError) as saving:
        service.save_person(person.id, {"position": "Giám đốc"}, expected_version=before["version"])
    assert READ_ONLY in str(saving.value)
    with pytest.raises(UserError) as deleting:
        service.delete_person(person.id)
    assert READ_ONLY in str(deleting.value)
    with pytest.raises(UserError) as creating:
        service.create_person({"cccd": "048099001111", "full_name": "Hồ Sơ Mới", "birth_date": "1990-01-01",
                               "sex": "Nam", "unit_code": person.unit_code})
    assert READ_ONLY in str(creating.value)
    with pytest.raises(UserError):
        service.transfer_person(person.id, person.unit_code, dt.date(2026, 1, 1))
    after = service.person(person.id)
    assert after["version"] == before["version"] and after["position"] == before["position"]
    assert service.person_keys(PersonFilter(query="048099001111")) == []


def test_the_window_offers_no_writing(window) -> None:
    """The entries that write a unit's records are not offered (the service refuses them anyway);
    the window says it is the city database."""
    for name in ("new_action", "delete_action", "transfer_action", "restore_action", "import_spreadsheet_action",
                 "demo_action", "show_sync_action", "backup_now_action", "restore_backup_action"):
        action = window.findChild(QAction, name)
        assert action is None or not (action.isVisible() and action.isEnabled()), name
    banner = window.findChild(QLabel, "city_banner_label")
    assert banner is not None and "thành phố" in banner.text()
    assert window.findChild(QLabel, "sync_status_label") is None  # nothing to push from the city database


def test_a_dossier_opens_read_only(qtbot, window) -> None:
    from ui.editor import PersonEditor

    person = window.people.current_id()
    editor = PersonEditor(window.service, person, parent=window)
    qtbot.addWidget(editor)
    assert not editor.save_button.isEnabled()
    assert "chỉ xem" in editor.windowTitle()


@pytest.fixture
def unit_role(city_url):
    """A unit's login role for the top unit (``DN.X``) of a demo person's unit: (role, unit code)."""
    role = unique("c_unit")
    db = open_database(city_url)
    try:
        with db.session() as s:
            unit_code = s.scalar(select(Unit.code).join(Person, Person.unit_id == Unit.id)
                                 .where(Unit.code.like("%.%"))
                                 .order_by(Person.cccd).limit(1))
            code = ".".join(unit_code.split(".")[:2])
            set_unit_role(s, role, [code], password="mat-khau-don-vi-1")
    finally:
        db.dispose()
    yield role, code
    drop_roles(city_url, [role])


def test_a_unit_role_sees_only_its_units(qtbot, city_url, unit_role, start_app) -> None:
    """The app opened with a unit's login (docs/city.md: units need not, but it works): its units
    only, still read-only, and a dossier shows (the view is logged in the city's access log)."""
    role, code = unit_role
    win = start_app(role_url(city_url, role))
    assert win.service.principal.is_city_readonly and win.service.principal.unit_ids is not None
    rows = shown_rows(win)
    assert rows and all(r.unit_code == code or str(r.unit_code).startswith(code + ".") for r in rows)
    assert win.service.overview().people < DEMO_PEOPLE
    doc = win.service.person(rows[0].id)  # needs INSERT on access_log (city init grants it)
    assert doc["cccd"] == rows[0].cccd
    qtbot.waitUntil(lambda: win.preview.name_label.text() == rows[0].full_name, timeout=5000)
    with pytest.raises(UserError, match=READ_ONLY):
        win.service.delete_person(rows[0].id)
