"""The demo generator: the unit tree, deterministic and realistic people whose files agree with the
salary tables, the CCCD rules and the retirement roadmap, and a second run that adds people safely."""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
import sqlite3
from collections import Counter
from decimal import Decimal

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.orm import selectinload

from app import catalogs, cccd, demo, demo_data, units
from app.db import Database, open_database
from app.person_json import person_json
from app.resources import resource_path
from app.rules.retirement import retirement_date
from app.security import chain
from models import ChangeLog, Decision, Discipline, Person, Placement, SalaryHistory, Unit

TODAY = dt.date.today()
COUNT = 400
CONTRACT_KEYS = ("id", "cccd", "full_name", "birth_date", "sex", "unit_code", "ethnicity", "religion", "grade_code",
                 "salary_step", "salary_coefficient", "salary_since", "retirement_date", "completeness", "training",
                 "work_history", "family", "salary_history", "rewards")


def _open(tmp_path_factory: pytest.TempPathFactory, name: str) -> Database:
    return open_database(tmp_path_factory.mktemp(name) / "t.sqlite")


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Database:
    db = _open(tmp_path_factory, "demo")
    seen: list[int] = []
    result = demo.generate(db, COUNT, seed=1, progress=seen.append, today=TODAY)
    assert result == demo.DemoResult(units=len(demo_data.unit_specs()), people=COUNT)
    assert seen == [COUNT]
    yield db
    db.dispose()


@pytest.fixture(scope="module")
def people(demo_db: Database) -> list[Person]:
    with demo_db.session() as s:
        query = select(Person).options(*(selectinload(getattr(Person, name)) for name in (
            "salary_history", "family", "training", "work_history", "discipline", "placements")))
        return list(s.scalars(query.order_by(Person.sort_key)))


def _identities(db: Database) -> list[tuple[str, str, dt.date, str]]:
    with db.session() as s:
        rows = s.execute(select(Person.cccd, Person.full_name, Person.birth_date, Person.id).order_by(Person.cccd))
        return [(a, b, c, str(d)) for a, b, c, d in rows]


# --------------------------------------------------------------------------- counts, determinism, reruns


def test_counts_and_one_change_log_row_per_person(demo_db: Database, people: list[Person]) -> None:
    assert len(people) == COUNT
    with demo_db.session() as s:
        assert s.scalar(select(func.count()).select_from(Unit)) == len(demo_data.unit_specs())
        assert s.scalar(select(func.count()).select_from(Placement)) == COUNT
        logs = list(s.scalars(select(ChangeLog).where(ChangeLog.entity == "person")))
    assert len(logs) == COUNT
    ids = {p.id for p in people}
    for log in logs:
        assert (log.action, log.field, log.by) == ("create", "*", "demo")
        assert log.record_id == log.person_id and log.record_id in ids
        assert set(json.loads(log.new)) == {"cccd", "full_name"}


def test_same_seed_same_people_other_seed_other_people(tmp_path_factory: pytest.TempPathFactory) -> None:
    first, second, other = (_open(tmp_path_factory, n) for n in ("a", "b", "c"))
    for db, seed in ((first, 3), (second, 3), (other, 4)):
        demo.generate(db, 60, seed=seed, today=TODAY)
    assert _identities(first) == _identities(second)
    assert {r[0] for r in _identities(first)}.isdisjoint({r[0] for r in _identities(other)})
    assert [r[1] for r in _identities(first)] != [r[1] for r in _identities(other)]


def test_count_zero_gives_the_unit_tree_only(tmp_path_factory: pytest.TempPathFactory) -> None:
    db = _open(tmp_path_factory, "zero")
    result = demo.generate(db, 0, today=TODAY)
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Person)) == 0
        assert s.scalar(select(func.count()).select_from(Unit)) == result.units > 300
        assert catalogs.grade(s, "01.003", TODAY).salary_class == "A1"  # the catalogs were loaded


def test_running_twice_adds_people_without_cccd_collisions(tmp_path_factory: pytest.TempPathFactory) -> None:
    db = _open(tmp_path_factory, "twice")
    with db.session() as s:  # units whose codes exist are reused, not duplicated
        catalogs.load_catalogs(s)
        units.add_unit(s, "DN", "UBND thành phố Đà Nẵng")
        units.add_unit(s, "DN.SNV", "Sở Nội vụ", "DN")
    first = demo.generate(db, 60, seed=1, today=TODAY)
    second = demo.generate(db, 60, seed=1, today=TODAY)
    assert first.units == len(demo_data.unit_specs()) - 2 and second.units == 0
    numbers = [r[0] for r in _identities(db)]
    assert len(numbers) == 120 == len(set(numbers))
    with db.session() as s:
        parent = s.scalar(select(Unit.parent_id).where(Unit.code == "DN.SNV.CCVC"))
        assert parent == s.scalar(select(Unit.id).where(Unit.code == "DN.SNV"))


def test_progress_after_each_batch(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(demo, "BATCH", 40)
    seen: list[int] = []
    demo.generate(_open(tmp_path_factory, "batches"), 90, progress=seen.append, today=TODAY)
    assert seen == [40, 80, 90]


def test_sqlite_fast_path_stores_what_the_core_insert_stores(tmp_path_factory: pytest.TempPathFactory,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    fast = _open(tmp_path_factory, "fast")
    demo.generate(fast, 40, seed=9, today=TODAY)
    monkeypatch.setattr(demo._Writer, "FAST", False)
    core = _open(tmp_path_factory, "core")
    demo.generate(core, 40, seed=9, today=TODAY)
    a, b = (sqlite3.connect(db.engine.url.database) for db in (fast, core))
    try:
        for table in demo.ORDER:
            columns = [r[1] for r in a.execute(f"PRAGMA table_info({table})")
                       if r[1] not in ("updated_at", "created_at", "at", "hash")]  # hash: over ``at`` (below)
            query = f"SELECT {', '.join(columns)}, {', '.join(f'typeof({c})' for c in columns)} FROM {table}"
            assert sorted(a.execute(query).fetchall(), key=repr) == sorted(b.execute(query).fetchall(), key=repr), table
        for db in (fast, core):  # both paths chain the change log the same way (app/security/chain.py)
            with db.session() as s:
                assert chain.verify(s).as_json() == {"ok": True, "entries": s.scalar(text(
                    "SELECT (SELECT count(*) FROM change_log) + (SELECT count(*) FROM access_log)")),
                    "first_break": None}
    finally:
        a.close()
        b.close()


# --------------------------------------------------------------------------- the unit tree


def test_unit_tree_root_departments_and_communes(demo_db: Database) -> None:
    with demo_db.session() as s:
        rows = units.list_units(s)
    by_code = {r.code: r for r in rows}
    roots = [r for r in rows if r.parent_code is None]
    assert [(r.code, r.name) for r in roots] == [("DN", "UBND thành phố Đà Nẵng")]
    communes = [r for r in rows if r.kind == "UBND_XA" and r.parent_code == "DN"]
    assert len(communes) >= 30
    assert {"DN.P.HAICHAU", "DN.X.HOAVANG", "DN.DK.HOANGSA", "DN.P.TAMKY", "DN.P.HOIAN"} <= by_code.keys()
    assert by_code["DN.SNV.CCVC"].parent_code == "DN.SNV" and by_code["DN.SNV"].parent_code == "DN"
    assert by_code["DN.P.HAICHAU.VP"].name == "Văn phòng HĐND và UBND"
    assert all(r.code.isascii() and len(r.code) <= 40 for r in rows)
    with demo_db.session() as s:
        kinds = {e.code for e in catalogs.entries(s, "unit_kind")}
        quotas = dict(s.execute(select(Unit.code, Unit.staff_quota)).all())
    assert {r.kind for r in rows} <= kinds
    assert all(q and q > 0 for q in quotas.values())


def test_people_spread_over_units_by_size(people: list[Person], demo_db: Database) -> None:
    with demo_db.session() as s:
        kind = dict(s.execute(select(Unit.id, Unit.kind)).all())
    by_kind = Counter(kind[p.unit_id] for p in people)
    assert by_kind["TRUONG"] > by_kind["PHONG"] > by_kind["SO"]  # schools are the biggest employers
    schools = [p for p in people if kind[p.unit_id] == "TRUONG"]
    assert sum(p.sex == "Nữ" for p in schools) > 0.6 * len(schools)  # teachers are mostly women
    assert {p.staff_type for p in schools} <= {"vien_chuc", "hop_dong"}
    assert {p.staff_type for p in people if kind[p.unit_id] == "PHONG"} <= {"cong_chuc"}


# --------------------------------------------------------------------------- each file agrees with the rules


def test_coefficient_follows_the_table_and_latest_salary_row_is_current(demo_db: Database,
                                                                         people: list[Person]) -> None:
    with demo_db.session() as s:
        for p in people:
            grade = catalogs.grade(s, p.grade_code, p.salary_since)
            steps = catalogs.scale_steps(s, grade.salary_scale, grade.salary_class)
            assert Decimal(p.salary_coefficient) == steps[p.salary_step - 1].coefficient, p.full_name
            rows = sorted(p.salary_history, key=lambda r: r.start_date)
            latest = rows[-1]
            assert (latest.grade_code, latest.salary_step, Decimal(latest.salary_coefficient), latest.start_date) == (
                p.grade_code, p.salary_step, Decimal(p.salary_coefficient), p.salary_since)
            assert rows[0].start_date == p.recruitment_date
            for row in rows:  # every historical row is a step of the table in force that day
                g = catalogs.grade(s, row.grade_code, row.start_date)
                assert Decimal(row.salary_coefficient) == catalogs.scale_steps(
                    s, g.salary_scale, g.salary_class)[row.salary_step - 1].coefficient
            for earlier, later in zip(rows, rows[1:], strict=False):
                assert earlier.end_date == later.start_date - dt.timedelta(days=1)


def test_cccd_numbers_agree_with_birth_sex_and_province(people: list[Person]) -> None:
    with resource_path("catalogs", "old_provinces.csv").open(encoding="utf-8") as fh:
        new_code = {row["code"]: row["new_code"] for row in csv.DictReader(fh)}
    numbers = [p.cccd for p in people]
    assert len(set(numbers)) == len(numbers)
    for p in people:
        assert cccd.format_error(p.cccd) is None
        assert cccd.mismatches(p.cccd, p.birth_date, p.sex) == []
        assert new_code[p.cccd[:3]] == p.birthplace_province
        assert p.cccd_issue_date >= p.birth_date.replace(year=p.birth_date.year + 14)
        assert p.cccd_issue_date <= TODAY
        assert len(p.social_insurance_number) == 10 and p.social_insurance_number.isdigit()


def test_nobody_working_is_past_retirement_and_exits_are_dated(people: list[Person]) -> None:
    statuses = Counter(p.status for p in people)
    assert statuses["working"] > 0.9 * COUNT and statuses["retired"] + statuses["left"] > 0
    for p in people:
        retires = retirement_date(p.birth_date, p.sex)
        if p.status == "working":
            assert retires > TODAY, p.full_name
            assert 1966 <= p.birth_date.year <= 2002
        else:
            end = max(pl.end_date for pl in p.placements)
            assert end <= TODAY and (p.status != "retired" or end == retires)


def test_spouse_side_only_for_married_people(people: list[Person]) -> None:
    married = 0
    for p in people:
        relations = {f.relation for f in p.family}
        is_married = bool(relations & {"Vợ", "Chồng"})
        married += is_married
        if not is_married:
            assert all(f.side == "self" for f in p.family)
        assert {"Cha", "Mẹ"} <= relations
        for f in p.family:
            if f.relation in ("Cha", "Mẹ"):
                assert p.birth_date.year - 36 <= f.birth_year <= p.birth_date.year - 20
            if f.relation == "Con":
                assert f.birth_year > p.birth_date.year + 15
        assert len({f.full_name for f in p.family} | {p.full_name}) == len(p.family) + 1
    assert 0.4 * COUNT < married < 0.95 * COUNT


def test_training_rows_prove_the_recorded_levels(people: list[Person]) -> None:
    for p in people:
        by_kind: dict[str, set[str | None]] = {}
        for t in p.training:
            by_kind.setdefault(t.kind, set()).add(t.level_code)
        assert p.professional_level_code in by_kind["professional"]
        if p.political_theory_code:
            assert p.political_theory_code in by_kind["political_theory"]
        if p.state_management_code:
            assert p.state_management_code in by_kind["state_management"]
        assert p.general_education in ("12/12", "10/10")


def test_dates_follow_each_other(people: list[Person]) -> None:
    for p in people:
        assert p.birth_date.replace(year=p.birth_date.year + 18) < p.recruitment_date <= p.agency_join_date <= TODAY
        if p.party_join_date:
            assert p.party_join_date >= p.birth_date.replace(year=p.birth_date.year + 18)
            assert p.party_official_date is None or p.party_official_date > p.party_join_date
        rows = sorted(p.work_history, key=lambda r: r.start_date)
        for earlier, later in zip(rows, rows[1:], strict=False):
            assert earlier.end_date is not None and earlier.end_date < later.start_date
        assert (rows[-1].end_date is None) == (p.status == "working")


def test_person_json_of_a_sample_has_every_contract_key(demo_db: Database, people: list[Person]) -> None:
    with demo_db.session() as s:
        disciplined = set(s.scalars(select(Discipline.person_id)))
        last_steps = {}
        sample = [p for p in people[::9] if p.recruitment_date.year <= TODAY.year - 2]
        sample += [p for p in people if p.id in disciplined and p not in sample]
        found_discipline = False
        for p in sample:
            data = person_json(s, p.id)
            for key in CONTRACT_KEYS:
                assert data[key] not in (None, "", [], 0), (p.full_name, key)
            grade = catalogs.grade(s, p.grade_code, p.salary_since)
            last = last_steps.setdefault(grade, len(catalogs.scale_steps(s, grade.salary_scale, grade.salary_class)))
            if p.status == "working":
                assert (data["next_salary_step_date"] is None) == (p.salary_step == last), p.full_name
            found_discipline = found_discipline or bool(data["discipline"])
    assert len(sample) > 30 and found_discipline


# --------------------------------------------------------------------------- realism


def test_names_and_origins_look_like_central_vietnam(people: list[Person]) -> None:
    families = Counter(p.full_name.split()[0] for p in people)
    assert 0.28 < families["Nguyễn"] / COUNT < 0.45
    assert families["Huỳnh"] + families["Võ"] > families["Hoàng"] + families["Vũ"]
    assert {p.full_name for p in people} and all(p.full_name == " ".join(p.full_name.split()) for p in people)
    assert sum(p.ethnicity_code == "01" for p in people) > 0.85 * COUNT
    assert sum(p.religion_code == "00" for p in people) > 0.7 * COUNT
    assert sum(p.cccd[:3] in ("048", "049") for p in people) > 0.75 * COUNT
    assert all(p.birthplace_text.count(", ") == 2 for p in people)  # Xã …, Huyện …, Tỉnh …
    party = sum(bool(p.party_join_date) for p in people) / COUNT
    assert 0.3 < party < 0.6


def test_salary_since_is_a_realistic_mix(demo_db: Database, people: list[Person]) -> None:
    working = [p for p in people if p.status == "working"]
    within_a_year = sum(TODAY - p.salary_since < dt.timedelta(days=365) for p in working)
    assert 0.15 * len(working) < within_a_year < 0.6 * len(working)
    with demo_db.session() as s:
        rows = s.scalar(select(func.count()).select_from(SalaryHistory))
    assert rows > 3 * COUNT


def test_history_uses_the_names_of_its_time(people: list[Person]) -> None:
    """New communes exist from 01/07/2025; Quảng Nam's agencies are named as such before it."""
    new_commune = re.compile(r"(phường|xã|đặc khu) [^,]+, thành phố Đà Nẵng$")
    for p in people:
        for row in p.work_history:
            if new_commune.search(row.unit_name):
                assert row.start_date >= demo_data.MERGER_DATE, (p.full_name, row.unit_name)
            if "tỉnh Quảng Nam" in row.unit_name:
                assert row.end_date is not None and row.end_date < demo_data.MERGER_DATE
    assert any("tỉnh Quảng Nam" in r.unit_name for p in people for r in p.work_history)


def test_decisions_are_made_by_the_right_authority(demo_db: Database) -> None:
    with demo_db.session() as s:
        rows = s.execute(select(Person.position, Unit.kind, Unit.code, Decision.kind, Decision.authority,
                                Decision.decision_number)
                         .join(Decision, Decision.person_id == Person.id).join(Unit, Unit.id == Person.unit_id)).all()
    assert rows
    for position, unit_kind, code, kind, authority, number in rows:
        suffix = number.split("/QĐ-")[1]
        assert suffix == ("TTg" if authority.startswith("Thủ tướng") else "UBND" if authority.startswith("Chủ tịch")
                          else suffix)
        if kind == "appointment" and position in ("Giám đốc Sở", "Phó Giám đốc Sở"):
            assert authority.startswith("Chủ tịch UBND"), (code, authority)
        if kind == "appointment" and unit_kind == "UBND_XA":
            assert authority == "Chủ tịch UBND thành phố Đà Nẵng"
