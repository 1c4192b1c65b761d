"""Texts the app makes with values (the alerts' notes, the refusals of a file that is not a HoSo
database) are shown in English in English mode: produced here by the app's own code, then put
through ``ui.app_texts.app_text`` (templates recognised, values taken out, translated, put back)."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
from PySide6.QtWidgets import QApplication

from app import demo
from app.db import open_database
from app.rules.retirement import age_label
from tests.ui.test_english_screens import _vietnamese
from ui.app_texts import TEMPLATES, TEXTS, app_text
from ui.application import install_translators


def test_every_alert_note_of_a_demo_office_in_english(english, tmp_path) -> None:
    from app.alerts import compute_alerts

    db = open_database(tmp_path / "demo.sqlite")
    try:
        demo.generate(db, 400, seed=7)
        with db.session() as s:
            alerts = compute_alerts(s, dt.date(2026, 12, 1), 36, None, None, overdue_months=600)
            titles = {p for (p,) in s.execute(__import__("sqlalchemy").text("SELECT position FROM persons"))
                      if p}
    finally:
        db.dispose()
    kinds = Counter(a.kind for a in alerts)
    assert len(kinds) >= 5, kinds  # retirements, salary steps, seniority, probation, positions…
    untranslated = []
    for alert in alerts:
        text = app_text(alert.detail)
        for title in sorted(titles, key=len, reverse=True):  # a position's title is the clerk's data
            text = text.replace(f" {title} ", " ")
        if _vietnamese(text):
            untranslated.append(f"{alert.kind}: {alert.detail!r} → {text!r}")
    assert not untranslated, "\n".join(sorted(set(untranslated))[:20])
    overdue = next(a for a in alerts if a.detail.startswith("Quá hạn: "))
    assert app_text(overdue.detail).startswith("Overdue: ")


def test_values_are_translated_in_their_place(english) -> None:
    assert app_text(age_label(723)) == "aged 60 years 3 months" and app_text(age_label(744)) == "aged 62"
    note = "Quá hạn: Nâng từ bậc 3 (hệ số 3,00) lên bậc 4 (hệ số 3,33), ngạch 01.003, loại A1; kéo dài 6 tháng do kỷ luật"
    assert app_text(note) == ("Overdue: Raise from step 3 (coefficient 3,00) to step 4 (coefficient 3,33), grade 01.003, "
                              "class A1; delayed 6 month(s) by a disciplinary measure")
    assert app_text("một câu chưa biết") == "một câu chưa biết"  # unknown: shown as it is, never garbled


def test_in_vietnamese_the_texts_are_unchanged(qtbot) -> None:
    install_translators(QApplication.instance(), "vi")
    note = "Nghỉ hưu ngày 30/04/2027 (61 tuổi 9 tháng); hưởng lương hưu từ 01/05/2027"
    assert app_text(note) == note
    assert all(app_text(t) == t for t in TEXTS)


def test_the_database_refusals_are_templates(tmp_path) -> None:
    """Each refusal of app.db.check_sqlite_file / to_url matches one template (a reworded message
    there fails here instead of showing Vietnamese in English mode)."""
    import sqlite3

    from app.db import check_sqlite_file, to_url
    from app.errors import UserError
    from ui.app_texts import _patterns

    other = tmp_path / "other.sqlite"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE t (x)")
    con.close()
    (tmp_path / "empty.sqlite").write_bytes(b"")
    (tmp_path / "text.sqlite").write_text("abc", encoding="utf-8")
    messages = []
    for path in (other, tmp_path / "empty.sqlite", tmp_path / "text.sqlite"):
        with pytest.raises(UserError) as caught:
            check_sqlite_file(path)
        messages.append(str(caught.value))
    with pytest.raises(UserError) as caught:
        to_url(str(tmp_path / "missing" / "hoso.sqlite"))
    messages.append(str(caught.value))
    import app.db

    def unreadable(uri: str) -> None:  # a failure of the moment (issue 19 item 3), not damage
        raise sqlite3.OperationalError("disk I/O error")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(app.db, "_read_identity", unreadable)
        patch.setattr(app.db, "IDENTITY_PAUSE", 0)
        with pytest.raises(UserError) as caught:
            check_sqlite_file(other)
    messages.append(str(caught.value))
    for message in messages:
        assert sum(bool(p.match(message)) for _t, p in _patterns()) == 1, message
    assert len(TEMPLATES) == len(set(TEMPLATES))


def test_the_succession_planning_part_of_a_note_in_english(english) -> None:
    from app.planning import successors_text

    assert app_text("Hết thời hạn giữ chức vụ ngày 31/03/2027; " + successors_text([])) == (
        "Term in the position ends on 31/03/2027; no one is in the succession planning for this position")
    names = ["Lê Văn An", "Ngô Thị Bình", "Trần Cường", "Phạm Dũng", "Vũ Em"]
    assert app_text(successors_text(names[:2])) == "in the succession planning: 2 person(s) (Lê Văn An, Ngô Thị Bình)"
    assert app_text(successors_text(names)) == (
        "in the succession planning: 5 person(s) (Lê Văn An, Ngô Thị Bình, Trần Cường and 2 more)")
