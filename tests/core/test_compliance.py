"""The 3-working-day delivery deadline (NĐ 27/2026) and the list of dossiers still to send."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import update

from app import compliance, people
from app.compliance import deadline, pending_changes
from models import ChangeLog, Person, SyncRecord, SyncTarget
from tests.core.conftest import person_data


def test_plain_week() -> None:
    assert deadline(dt.date(2026, 11, 23)) == dt.date(2026, 11, 26)  # Monday → Thursday
    assert deadline(dt.date(2026, 11, 27)) == dt.date(2026, 12, 2)  # Friday → Wednesday


def test_friday_before_national_day_skips_the_holidays() -> None:
    # 2025: 1 and 2 September (Monday, Tuesday) are holidays
    assert deadline(dt.date(2025, 8, 29)) == dt.date(2025, 9, 5)
    # 2026: Tuesday 1 and Wednesday 2 September
    assert deadline(dt.date(2026, 8, 28)) == dt.date(2026, 9, 4)


def test_tet_and_hung_kings_and_may_day() -> None:
    assert deadline(dt.date(2025, 1, 24)) == dt.date(2025, 2, 5)  # Tết Ất Tỵ: 27–31 January off
    assert deadline(dt.date(2026, 4, 24)) == dt.date(2026, 5, 4)  # 27/4 nghỉ bù Giỗ Tổ, 30/4, 1/5
    assert deadline(dt.date(2026, 4, 29)) == dt.date(2026, 5, 6)  # 30/4 and 1/5 off


def test_a_saturday_worked_in_exchange_counts() -> None:
    cal = compliance.calendar()
    assert cal.is_working_day(dt.date(2025, 4, 26))  # làm bù for Friday 2 May 2025
    assert not cal.is_working_day(dt.date(2025, 5, 2))


def test_table_is_data_with_sources() -> None:
    from app.rules import load_table

    table = load_table("holidays.json")
    years = {h["date"][:4] for h in table["holidays"]}
    assert years == {"2025", "2026", "2027"}
    assert all(h.get("source") for h in table["holidays"])
    assert all(dt.date.fromisoformat(h["date"]).weekday() < 5 for h in table["holidays"])


def test_vietnam_day_of_a_late_utc_change() -> None:
    assert compliance.local_day(dt.datetime(2026, 9, 3, 18, 0, tzinfo=dt.UTC)) == dt.date(2026, 9, 4)


def test_pending_lists_unsent_changes_with_deadline(db) -> None:
    with db.session("clerk") as s:
        first = people.create_person(s, person_data(cccd="048085000001", unit_code="DN.SNV")).id
        second = people.create_person(s, person_data(cccd="048085000002", unit_code="DN.SNV")).id
        friday = dt.datetime(2026, 8, 28, 3, 0, tzinfo=dt.UTC)
        # the log is append-only: move the person's clock instead, through a fresh entry
        s.execute(update(Person).where(Person.id == first).values(updated_at=friday))
    with db.session() as s:
        found = {p.person_id: p for p in pending_changes(s, today=dt.date(2026, 9, 10))}
        assert set(found) == {first, second}
        target = SyncTarget(url_key="postgresql+psycopg://u@city/hoso", last_change_id=0)
        s.add(target)
        s.flush()
        person = s.get(Person, second)
        s.add(SyncRecord(target_id=target.id, record_id=second, entity="person", version=person.version,
                         updated_at=person.updated_at))
    with db.session() as s:
        pending = pending_changes(s, "postgresql+psycopg://u:secret@city/hoso", today=dt.date(2026, 9, 10))
        assert [p.person_id for p in pending] == [first]
        first_change = s.query(ChangeLog.at).filter(ChangeLog.person_id == first).order_by(ChangeLog.at).first()[0]
        assert pending[0].deadline == deadline(compliance.local_day(first_change))
        status = compliance.status(s, "postgresql+psycopg://u@city/hoso")
        assert status.pending == 1 and status.nearest == pending[0].deadline


def test_sync_status_cli(db, capsys) -> None:
    import json

    from app.cli import run

    with db.session("clerk") as s:
        people.create_person(s, person_data(cccd="048085000001", unit_code="DN.SNV"))
    assert run(["--db", db.url.removeprefix("sqlite:///"), "sync", "status", "--json"]) == 0
    status = json.loads(capsys.readouterr().out)
    assert status["pending"] == 1 and status["last_run"] is None
    assert dt.date.fromisoformat(status["nearest_deadline"]) > dt.date(2026, 1, 1)
    assert run(["--db", db.url.removeprefix("sqlite:///"), "sync"]) == 2  # --to is required to send
