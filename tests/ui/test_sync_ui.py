"""The sync dialog and the status-bar line, as the app runs them (Công cụ → Đồng bộ…, then the
button; the run on its worker): success, partial, every dossier refused and a refused connection,
in Vietnamese and English, against real PostgreSQL city databases (an unreachable city needs none).

HOSO_SHOTS=<folder> saves each state as sync-<case>-<language>.png to look at by eye."""

from __future__ import annotations

import datetime as dt
import json
import stat
import uuid
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QMainWindow

from app import people, units
from app.catalogs import load_catalogs
from app.city.credentials import credentials_file
from app.city.sync import sync
from app.db import open_database
from tests.city.conftest import _admin, pg_url  # noqa: F401 - the PostgreSQL fixture
from tests.core.conftest import make_database, person_data
from tests.ui.conftest import SHOTS, UNITS
from tests.ui.test_english_screens import untranslated
from ui import sync_ui
from ui.application import install_translators
from ui.events import DataEvents

BASIS = "Điều 19 Nghị định 27/2026/NĐ-CP"
NAMES = {f"Nguyễn Văn Số {i}" for i in range(50)}  # the test's dossiers: data, not interface text


class Window(QMainWindow):
    def __init__(self, service):
        super().__init__()
        self.service = service
        self.events = DataEvents()


def _shot(dialog, name: str, language: str) -> None:
    if SHOTS is not None:
        SHOTS.mkdir(parents=True, exist_ok=True)
        dialog.grab().save(str(SHOTS / f"sync-{name}-{language}.png"))


def _dialog(qtbot, service, window=None):
    if window is None:
        window = Window(service)
        qtbot.addWidget(window)
    dialog = sync_ui.show_sync(window)  # Công cụ → Đồng bộ… shows it (not modal) as the main window does
    qtbot.addWidget(dialog)
    return window, dialog


def _run(qtbot, dialog, url: str) -> None:
    dialog.set_url(url)
    dialog.sync_button.click()
    qtbot.waitUntil(lambda: dialog.sync_button.isEnabled() and (dialog.summary or dialog.failure) is not None,
                    timeout=60000)


def _people(service, count: int, unit: str, start: int = 0) -> list[uuid.UUID]:
    return [service.people.create_person(person_data(cccd=f"0480850{start + i:05d}", full_name=f"Nguyễn Văn Số {i}",
                                                     unit_code=unit)).id for i in range(count)]


def _city(url: str, unit_codes: set[str]) -> str:
    """A city database at ``url`` prepared by ``city init`` with only ``unit_codes``."""
    from app.city.init import city_init

    city = open_database(url)
    with city.session("admin") as s:
        load_catalogs(s)
        for code, name, parent in UNITS:
            if code in unit_codes:
                units.add_unit(s, code, name, parent if parent in unit_codes else None)
    city_init(city)  # the sync speaks to the city only through the function API city init installs
    city.dispose()
    return url


@pytest.fixture
def fresh_city(pg_url) -> Iterator:  # noqa: F811
    """Makes scratch city databases on the test server (dropped at the end)."""
    made = []

    def make(unit_codes: set[str]) -> str:
        name = f"hoso_desk_{uuid.uuid4().hex[:10]}"
        with _admin() as admin:
            admin.execute(f'CREATE DATABASE "{name}" ENCODING \'UTF8\' TEMPLATE template0')
        made.append(name)
        return _city(pg_url.rsplit("/", 1)[0] + "/" + name, unit_codes)

    yield make
    with _admin() as admin:
        for name in made:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


# --- the status bar ----------------------------------------------------------------------------------

def test_status_bar_counts_unsent_dossiers_with_the_deadline_and_its_basis(qtbot, service, full_person) -> None:
    window = Window(service)
    qtbot.addWidget(window)
    indicator = sync_ui.install(window)
    qtbot.waitUntil(lambda: indicator.text().startswith("Chưa đồng bộ: 1 hồ sơ"), timeout=5000)
    assert "hạn gần nhất" in indicator.text() and BASIS in indicator.text()
    assert "Kê khai lần đầu của hồ sơ mới lập" in indicator.toolTip() and indicator.styleSheet() == ""


def test_status_bar_in_english_names_the_basis_in_english(qtbot, service, full_person) -> None:
    app = QApplication.instance()
    install_translators(app, "en")
    try:
        window = Window(service)
        qtbot.addWidget(window)
        indicator = sync_ui.install(window)
        qtbot.waitUntil(lambda: "1" in indicator.text(), timeout=5000)
        assert "Article 19" in indicator.text() and "27/2026/ND-CP" in indicator.text(), indicator.text()
        assert not untranslated(window) and "First declaration" in indicator.toolTip()
    finally:
        install_translators(app, "vi")


# --- the pending list: each dossier's deadline and basis, overdue in red ---------------------------

def test_the_dialog_lists_each_pending_dossier_with_deadline_and_basis_overdue_in_red(qtbot, service,
                                                                                       monkeypatch) -> None:
    from app import audit

    weeks_ago = dt.datetime.now(dt.UTC) - dt.timedelta(days=35)
    with monkeypatch.context() as m:  # the late dossier was created five weeks ago
        m.setattr(audit, "utcnow", lambda: weeks_ago)
        _people(service, 1, "DN.SNV")
    _people(service, 1, "DN.SNV", start=1)
    window, dialog = _dialog(qtbot, service)
    table = dialog.pending_table
    assert table.isVisibleTo(dialog) and table.rowCount() == 2
    rows = {table.item(r, 1).text(): [table.item(r, c) for c in range(5)] for r in range(table.rowCount())}
    overdue, ontime = rows["048085000000"], rows["048085000001"]
    assert "QUÁ HẠN" in overdue[2].text() and "QUÁ HẠN" not in ontime[2].text()
    assert overdue[2].foreground().color().name() == sync_ui.ERROR_COLOR
    assert ontime[2].foreground().color().name() != sync_ui.ERROR_COLOR
    assert table.item(0, 1).text() == "048085000000"  # earliest deadline first
    for cells in (overdue, ontime):
        assert cells[3].text() == "Kê khai lần đầu của hồ sơ mới lập: 03 ngày làm việc"
        assert cells[4].text() == BASIS and "03 ngày làm việc" in cells[3].toolTip()
    assert dt.datetime.strptime(ontime[2].text(), "%d/%m/%Y").date() >= dt.date.today()
    dialog.resize(640, 560)  # narrower than it opens: the kind of change wraps, nothing is cut
    qtbot.wait(20)
    dialog.show_pending(2, dialog.delivery.pending_changes()[1])
    metrics = table.fontMetrics()
    assert table.wordWrap()  # the kind of change (column 3) wraps; its rows grow to fit (below)
    for row in range(table.rowCount()):
        assert table.rowHeight(row) >= table.sizeHintForRow(row)
        for column in (0, 1, 2, 4):  # one-line columns are as wide as their text
            text = table.item(row, column).text()
            assert table.columnWidth(column) >= metrics.horizontalAdvance(text), (column, text)
    assert "1 hồ sơ quá hạn" in dialog.state_label.text() and sync_ui.ERROR_COLOR in dialog.state_label.text()


# --- the address: parts, not a URL -------------------------------------------------------------------

def test_the_address_is_asked_for_in_parts_and_a_saved_one_fills_them(qtbot, service, full_person,
                                                                     no_message_boxes) -> None:
    window, dialog = _dialog(qtbot, service)
    assert not hasattr(dialog, "url_edit")
    assert "postgresql" not in " ".join(w.placeholderText() for w in (dialog.server_edit, dialog.database_edit))
    dialog.server_edit.setText("csdl.sonoivu.vn")
    dialog.port_edit.setValue(5433)
    dialog.database_edit.setText("hoso_thanhpho")
    assert dialog.url() == "postgresql+psycopg://csdl.sonoivu.vn:5433/hoso_thanhpho"
    # a full address pasted into the server field is split into the fields
    dialog.server_edit.setText("postgresql+psycopg://donvi@10.1.2.3:6543/hoso_tp?sslmode=require")
    dialog.server_edit.editingFinished.emit()
    assert (dialog.server_edit.text(), dialog.port_edit.value(), dialog.database_edit.text(),
            dialog.user_edit.text()) == ("10.1.2.3", 6543, "hoso_tp", "donvi")
    assert dialog.url() == "postgresql+psycopg://10.1.2.3:6543/hoso_tp?sslmode=require"
    # an empty or malformed part is refused, in the error style, naming the field; nothing runs
    for server, database, field in (("", "hoso", "Máy chủ"), ("may chu", "hoso", "Máy chủ"),
                                    ("10.1.2.3", "", "Cơ sở dữ liệu"), ("10.1.2.3", "a/b", "Cơ sở dữ liệu")):
        dialog.server_edit.setText(server)
        dialog.database_edit.setText(database)
        dialog.sync_button.click()
        assert dialog.result_label.text().startswith(field + ":"), dialog.result_label.text()
        assert sync_ui.ERROR_COLOR in dialog.result_label.styleSheet() and dialog.sync_button.isEnabled()
        assert dialog.op is None


def test_a_refused_connection_is_a_failure_in_words_and_remembers_privately(qtbot, service, full_person, language,
                                                                            no_message_boxes) -> None:
    window, dialog = _dialog(qtbot, service)
    assert ("Chưa đồng bộ lần nào" if language == "vi" else "Never synced") in dialog.state_label.text()
    dialog.server_edit.setText("127.0.0.1")
    dialog.port_edit.setValue(1)
    dialog.database_edit.setText("hoso_thanhpho")
    dialog.user_edit.setText("donvi_snv")
    dialog.password_edit.setText("mat-khau-bi-mat")
    dialog.remember_check.setChecked(True)
    dialog.sync_button.click()
    qtbot.waitUntil(lambda: dialog.sync_button.isEnabled() and dialog.failure is not None, timeout=10000)
    _shot(dialog, "refused", language)
    assert dialog.failure.cause == "unreachable" and dialog.outcome == "failed"
    text = dialog.result_label.text()
    assert "127.0.0.1:1" in text and "Connection refused" not in text  # words, not the driver's
    assert ("Không kết nối được máy chủ" if language == "vi" else "Could not connect to the server") in text
    assert sync_ui.ERROR_COLOR in dialog.result_label.styleSheet() and dialog.result_icon.isVisible()
    assert "Connection refused" in dialog.details_view.toPlainText()  # the driver's text only as the detail
    assert "xong" not in dialog.state_label.text()
    if language == "en":
        assert not untranslated(dialog, NAMES), untranslated(dialog, NAMES)
    path = credentials_file()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    stored = json.loads(path.read_text(encoding="utf-8"))
    assert stored == {"postgresql+psycopg://127.0.0.1:1/hoso_thanhpho": {"user": "donvi_snv",
                                                                         "password": "mat-khau-bi-mat"}}
    again = sync_ui.show_sync(window)
    qtbot.addWidget(again)
    assert (again.server_edit.text(), again.port_edit.value(), again.database_edit.text()) == \
        ("127.0.0.1", 1, "hoso_thanhpho")
    assert again.user_edit.text() == "donvi_snv" and again.remember_check.isChecked()
    assert again.password_edit.text() == ""
    assert ("Chưa đồng bộ lần nào" if language == "vi" else "Never synced") in again.state_label.text()


def test_wrong_password_and_missing_database_are_said_plainly(qtbot, service, full_person, pg_url,  # noqa: F811
                                                             no_message_boxes) -> None:
    window, dialog = _dialog(qtbot, service)
    host = pg_url.split("@", 1)[1].rsplit("/", 1)[0]
    _run(qtbot, dialog, f"postgresql+psycopg://{host}/khong_co_csdl_{uuid.uuid4().hex[:6]}")
    assert dialog.failure.cause == "no_database" and "không có cơ sở dữ liệu tên này" in dialog.result_label.text()
    dialog.failure = None
    dialog.user_edit.setText("khong_co_vai_tro")
    _run(qtbot, dialog, f"postgresql+psycopg://{host}/postgres")
    assert dialog.failure.cause == "auth" and "Sai tên đăng nhập hoặc mật khẩu" in dialog.result_label.text()
    dialog.failure = None
    dialog.user_edit.setText("postgres")
    _run(qtbot, dialog, f"postgresql+psycopg://{host}/postgres")  # reachable, but no city database there
    assert dialog.failure.cause == "not_prepared" and "city init" in dialog.result_label.text()


# --- runs against real city databases ---------------------------------------------------------------

def test_success_then_nothing_pending(qtbot, service, full_person, fresh_city, language, monkeypatch,
                                      no_message_boxes) -> None:
    """Opened as the app opens it: Công cụ → Đồng bộ… in the main window."""
    from PySide6.QtGui import QAction

    from ui import main_window

    url = fresh_city({code for code, _n, _p in UNITS})
    monkeypatch.setattr(main_window.MainWindow, "show_alert_count_at_start", lambda self: None)
    window = main_window.MainWindow(service)
    qtbot.addWidget(window)
    window.show()
    indicator = window.findChild(sync_ui.SyncIndicator, "sync_status_label")
    window.findChild(QAction, "show_sync_action").trigger()
    dialog = window.findChild(sync_ui.SyncDialog)
    assert dialog is not None and dialog.isVisible()
    _run(qtbot, dialog, url)
    _shot(dialog, "success", language)
    assert dialog.outcome == "success" and dialog.summary.inserted == 1
    assert sync_ui.OK_COLOR in dialog.result_label.styleSheet()
    assert ("Đồng bộ thành công" if language == "vi" else "Sync succeeded") in dialog.result_label.text()
    assert ("thêm mới 1" if language == "vi" else "1 added") in dialog.details_view.toPlainText()
    assert not dialog.pending_table.isVisibleTo(dialog) and dialog.pending_table.rowCount() == 0
    assert ("thành công" if language == "vi" else "succeeded") in dialog.state_label.text()
    qtbot.waitUntil(lambda: indicator.text() == sync_ui.tr("Đã đồng bộ đủ"), timeout=5000)
    if language == "en":
        assert not untranslated(dialog, NAMES), untranslated(dialog, NAMES)
    _run(qtbot, dialog, url)
    assert dialog.outcome == "nothing" and dialog.summary.sent == 0


def test_every_dossier_refused_is_a_failure_grouped_by_cause(qtbot, service, fresh_city, language, tmp_path,
                                                             no_message_boxes) -> None:
    """The city lacks the unit of 40 dossiers and already holds the CCCD of 3 others under other ids:
    nothing is accepted — failure, not "xong" — and two causes are said once each, with examples."""
    url = fresh_city({"DN", "DN.P.HAICHAU"})
    _people(service, 40, "DN.SNV")
    _people(service, 3, "DN.P.HAICHAU", start=100)
    (tmp_path / "other-desk").mkdir()
    other = make_database(tmp_path / "other-desk")  # the same CCCDs under other ids, sent first from another desk
    try:
        with other.session("clerk") as s:
            for i in range(3):
                people.create_person(s, person_data(cccd=f"0480850{100 + i:05d}", unit_code="DN.P.HAICHAU"))
        assert sync(other, url).inserted == 3
    finally:
        other.dispose()
    _w, dialog = _dialog(qtbot, service)
    _run(qtbot, dialog, url)
    _shot(dialog, "all-rejected", language)
    summary = dialog.summary
    assert summary.status == "done" and summary.rejected == 43 and summary.inserted == 0
    assert dialog.outcome == "failed" and sync_ui.ERROR_COLOR in dialog.result_label.styleSheet()
    shown = dialog.result_label.text() + dialog.details_view.toPlainText()
    assert "xong" not in shown.lower() and "(done)" not in shown
    details = dialog.details_view.toPlainText()
    if language == "vi":
        assert "Đồng bộ không thành công" in dialog.result_label.text()
        assert "40 hồ sơ bị từ chối: đơn vị chưa có trong CSDL thành phố" in details
        assert "3 hồ sơ bị từ chối: số định danh (CCCD) đã thuộc một hồ sơ khác" in details
        assert "Đơn vị còn thiếu (mã): DN.SNV" in details and "Sở Nội vụ thêm các đơn vị này" in details
        assert details.count("Cần làm:") == 2
    else:
        assert "Sync failed" in dialog.result_label.text()
        assert not untranslated(dialog, NAMES), untranslated(dialog, NAMES)
    assert details.count("Nguyễn Văn Số") <= 2 * sync_ui.so.EXAMPLES  # examples, not one line per dossier
    assert "xong" not in dialog.state_label.text()
    assert sync_ui.ERROR_COLOR in dialog.state_label.text()


def test_partial_success_is_partial(qtbot, service, fresh_city, language, no_message_boxes) -> None:
    url = fresh_city({"DN", "DN.SNV"})
    _people(service, 3, "DN.SNV")
    _people(service, 2, "DN.P.HAICHAU", start=50)
    _w, dialog = _dialog(qtbot, service)
    _run(qtbot, dialog, url)
    _shot(dialog, "partial", language)
    assert dialog.outcome == "partial" and (dialog.summary.inserted, dialog.summary.rejected) == (3, 2)
    assert sync_ui.WARNING_COLOR in dialog.result_label.styleSheet()
    details = dialog.details_view.toPlainText()
    if language == "vi":
        assert "Đồng bộ chưa trọn: 3 hồ sơ đã được nhận, 2 hồ sơ chưa gửi được" in dialog.result_label.text()
        assert "2 hồ sơ bị từ chối: đơn vị chưa có trong CSDL thành phố" in details and "DN.P.HAICHAU" in details
    else:
        assert "partly" in dialog.result_label.text().lower()
        assert not untranslated(dialog, NAMES), untranslated(dialog, NAMES)
    assert dialog.pending_table.rowCount() == 2  # the two held back are still pending, with their deadlines


