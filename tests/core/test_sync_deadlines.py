"""NĐ 27/2026 Art. 19: each pending change's deadline and its legal basis, on dated cases (weekends,
Tết 2027 from holidays.json), the 1-day process kind against the 3-working-day kinds, a new dossier."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from app import compliance, people
from app.compliance import deadline, dossier_deadlines, local_day, pending_changes
from app.entry import transfer_person
from app.rules import load_table
from models import ChangeLog, Person, SyncRecord, SyncTarget
from tests.core.conftest import person_data

URL = "postgresql+psycopg://u@city/hoso"


def at(day: dt.date, hour: int = 9) -> dt.datetime:
    """A time on a Vietnamese calendar day, stored as UTC like the change log."""
    return dt.datetime(day.year, day.month, day.day, hour, tzinfo=compliance.VIETNAM).astimezone(dt.UTC)


def test_the_table_is_data_with_article_and_confidence() -> None:
    table = load_table("sync_deadlines.json")
    assert set(table["kinds"]) == {"process", "agency", "new_dossier"}
    for raw in table["kinds"].values():
        assert "Điều 19" in raw["basis"] and "27/2026" in raw["basis"] and raw["text"] and raw["confidence"]
    rules = compliance.rules()
    assert (rules["process"].period, rules["process"].unit) == (1, "day")
    assert (rules["agency"].period, rules["agency"].unit) == (3, "working_day")
    assert (rules["new_dossier"].period, rules["new_dossier"].unit) == (3, "working_day")
    assert {"decision", "salary_history", "discipline", "reward", "placement"} <= rules["process"].entities
    assert "person" not in rules["process"].entities


def test_the_one_day_kind_counts_calendar_days_the_others_working_days() -> None:
    friday = dt.date(2026, 11, 27)
    assert deadline(friday, "process") == dt.date(2026, 11, 28)  # 01 ngày: Saturday
    assert deadline(friday, "agency") == dt.date(2026, 12, 2)  # 03 ngày làm việc: Wednesday
    assert deadline(friday, "new_dossier") == dt.date(2026, 12, 2)
    assert deadline(friday) == deadline(friday, "agency")


def test_tet_2027_from_the_holiday_table() -> None:
    # Wednesday 3 February 2027: 4, 5, 8, 9, 10 February are Tết (holidays.json), 6–7 a weekend
    wednesday = dt.date(2027, 2, 3)
    assert deadline(wednesday, "agency") == dt.date(2027, 2, 15)  # Thu 11, Fri 12, Mon 15
    assert deadline(wednesday, "process") == dt.date(2027, 2, 4)  # a holiday: the 1-day period is calendar days
    # New Year 2027: Thursday 31/12/2026 → Friday 1/1 off, weekend, then 4, 5, 6 January
    assert deadline(dt.date(2026, 12, 31), "new_dossier") == dt.date(2027, 1, 6)


def test_a_new_dossier_and_a_later_decision() -> None:
    created = at(dt.date(2026, 12, 31))
    # the dossier's own rows and a decision recorded the same day belong to its first declaration
    dues = dossier_deadlines([("decision", "create", created + dt.timedelta(minutes=5)),
                              ("person", "update", created + dt.timedelta(hours=2))], created)
    assert [(d.kind, d.deadline) for d in dues] == [("new_dossier", dt.date(2027, 1, 6))]
    # a decision recorded on Monday 4 January is due on Tuesday 5, before the first declaration
    dues = dossier_deadlines([("decision", "create", at(dt.date(2027, 1, 4)))], created)
    assert [(d.kind, d.deadline) for d in dues] == [("process", dt.date(2027, 1, 5)),
                                                  ("new_dossier", dt.date(2027, 1, 6))]


def test_a_dossier_already_at_the_city() -> None:
    friday = at(dt.date(2026, 11, 27))
    dues = dossier_deadlines([("person", "update", friday), ("salary_history", "create", friday + dt.timedelta(hours=1)),
                              ("training", "create", friday)], None)
    assert [(d.kind, d.deadline) for d in dues] == [("process", dt.date(2026, 11, 28)),
                                                  ("agency", dt.date(2026, 12, 2))]
    # removing a decision row by mistake is the agency's correction, not a process's result
    assert [d.kind for d in dossier_deadlines([("decision", "delete", friday)], None)] == ["agency"]


def test_a_late_utc_evening_is_the_next_vietnamese_day() -> None:
    late = dt.datetime(2026, 11, 27, 18, 30, tzinfo=dt.UTC)  # 01:30 Saturday in Hà Nội
    assert [d.deadline for d in dossier_deadlines([("decision", "create", late)], None)] == [dt.date(2026, 11, 29)]


def _mark_synced(s, person_id) -> None:
    target = s.query(SyncTarget).filter_by(url_key=URL).one_or_none()
    if target is None:
        target = SyncTarget(url_key=URL, last_change_id=0)
        s.add(target)
        s.flush()
    person = s.get(Person, person_id)
    s.add(SyncRecord(target_id=target.id, record_id=person_id, entity="person", version=person.version,
                     updated_at=dt.datetime.now(dt.UTC)))


def test_pending_changes_kinds_from_real_operations(db) -> None:
    with db.session("clerk") as s:
        new = people.create_person(s, person_data(cccd="048085000001", unit_code="DN.SNV")).id
        moved = people.create_person(s, person_data(cccd="048085000002", unit_code="DN.SNV")).id
        edited = people.create_person(s, person_data(cccd="048085000003", unit_code="DN.SNV")).id
    with db.session() as s:
        _mark_synced(s, moved)
        _mark_synced(s, edited)
    with db.session() as s:
        transfer_person(s, moved, "DN.P.HAICHAU", dt.date(2026, 1, 1), decision_number="12/QĐ-UBND")
        people.update_person(s, edited, {"phone": "0905999888"})
    with db.session() as s:
        found = {p.person_id: p for p in pending_changes(s, URL)}
        assert set(found) == {new, moved, edited}
        created = s.query(ChangeLog.at).filter_by(person_id=new, entity="person", action="create").one()[0]
        assert found[new].kind == "new_dossier"
        assert found[new].deadline == compliance.add_working_days(local_day(created), 3)
        decided = s.query(ChangeLog.at).filter_by(person_id=moved, entity="decision", action="create") \
            .order_by(ChangeLog.at.desc()).first()[0]  # the transfer's decision
        assert found[moved].kind == "process"
        assert found[moved].deadline == local_day(decided) + dt.timedelta(days=1)
        assert found[edited].kind == "agency"
        assert [d.kind for d in found[edited].changes] == ["agency"]
        item = found[moved].as_json()
        assert item["basis"] == "Điều 19 Nghị định 27/2026/NĐ-CP" and item["period"] == 1 and item["unit"] == "day"
        assert "01 ngày" in item["basis_text"] and item["changes"][0]["kind"] == "process"
        assert "01 ngày" in compliance.pending_line(found[moved])
        # a week later the 1-day change is overdue and listed so, the agency's is not yet
        later = local_day(decided) + dt.timedelta(days=2)
        again = {p.person_id: p for p in pending_changes(s, URL, today=later)}
        assert again[moved].overdue and "QUÁ HẠN" in compliance.pending_line(again[moved])
        status = compliance.status(s, URL, today=later)
        assert status.nearest == again[moved].deadline and status.nearest_basis == "Điều 19 Nghị định 27/2026/NĐ-CP"
        assert "Điều 19" in status.text() and "quá hạn" in status.text()


def test_sync_status_json_lists_each_pending_change_with_basis(db, capsys) -> None:
    from app.cli import run

    with db.session("clerk") as s:
        people.create_person(s, person_data(cccd="048085000001", unit_code="DN.SNV"))
    assert run(["--db", db.url.removeprefix("sqlite:///"), "sync", "status", "--json"]) == 0
    status = json.loads(capsys.readouterr().out)
    assert {"pending", "nearest_deadline", "overdue", "last_run"} <= set(status)  # the contract's keys stay
    [item] = status["pending_changes"]
    assert item["kind"] == "new_dossier" and item["deadline"] == status["nearest_deadline"]
    assert item["basis"].startswith("Điều 19") and item["unit"] == "working_day"


def test_a_broken_table_is_refused(monkeypatch) -> None:
    monkeypatch.setattr(compliance, "load_table", lambda name: {"kinds": {"process": {
        "label": "x", "period": 1, "unit": "week", "basis": "b", "text": "t"}}})
    compliance.rules.cache_clear()
    try:
        with pytest.raises(ValueError, match="sync_deadlines"):
            compliance.rules()
    finally:
        compliance.rules.cache_clear()
