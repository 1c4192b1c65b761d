"""Demo job positions, placements and NĐ 335/2025 scores (issue 15), deterministic per seed.

Each unit with civil servants gets a position per ngạch its people hold (approved: the number
holding it, sometimes one more); about 85 % of them are placed in the position of their ngạch, a
few in a position of another ngạch (the dashboard's "mismatched"), the rest are left unplaced.
The placed people have monthly scores for 2026, a few months on sick leave.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from collections import defaultdict
from decimal import Decimal

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from models import Grade, JobPosition, Person, PositionHolding, RatingScore
from models.base import utcnow

SCORE_YEAR = 2026


def generate(session: Session, seed: int, today: dt.date, person_ids: set[uuid.UUID] | None = None) -> int:
    known = {(u, c): (i, c, n) for i, u, c, n in session.execute(
        select(JobPosition.id, JobPosition.unit_id, JobPosition.code, JobPosition.name))}
    rng = random.Random(f"hoso-demo-positions:{seed}:{len(known)}")
    names = {code: name for code, name in session.execute(select(Grade.code, Grade.name))}
    q = select(Person.id, Person.unit_id, Person.grade_code).where(
        Person.staff_type == "cong_chuc", Person.status == "working", Person.deleted_at.is_(None),
        Person.unit_id.is_not(None)).order_by(Person.cccd)
    people = [r for r in session.execute(q) if person_ids is None or r[0] in person_ids]
    by_unit: dict[uuid.UUID, list[tuple[uuid.UUID, str | None]]] = defaultdict(list)
    for pid, unit_id, grade in people:
        by_unit[unit_id].append((pid, grade))
    now = utcnow()
    positions, holdings, scores, named = [], [], [], []
    months = range(1, min(12, max(1, (today.month - 1) if today.year == SCORE_YEAR else 12)) + 1)
    for unit_id in sorted(by_unit, key=str):
        members = by_unit[unit_id]
        grades = sorted({g for _, g in members if g})
        ids: dict[str, tuple[uuid.UUID, str, str]] = {}
        for grade in grades:
            code = f"VT.{grade}"
            pid = uuid.UUID(int=rng.getrandbits(128), version=4)
            name = names.get(grade, grade)
            group = "ho_tro_phuc_vu" if grade in ("01.005", "01.009", "01.010", "01.011", "02.008") \
                else "chuyen_mon_nghiep_vu"
            if (unit_id, code) in known:
                ids[grade] = known[(unit_id, code)]
            else:
                positions.append({"id": pid, "unit_id": unit_id, "code": code, "name": f"Vị trí {name.lower()}",
                                  "group_code": group, "grade_code": grade,
                                  "approved": sum(1 for _, g in members if g == grade) + (rng.random() < 0.3),
                                  "decision_number": f"{rng.randint(10, 300)}/QĐ-UBND",
                                  "decision_date": dt.date(2026, rng.randint(1, 6), rng.randint(1, 28)),
                                  "version": 1, "updated_at": now})
                ids[grade] = (pid, code, f"Vị trí {name.lower()}")
        for person_id, grade in members:
            draw = rng.random()
            if not grade or grade not in ids or draw >= 0.90:
                continue  # unplaced
            target = ids[grade]
            if draw >= 0.85 and len(ids) > 1:  # mismatched
                target = ids[rng.choice([g for g in ids if g != grade])]
            start = dt.date(2026, rng.randint(1, 6), 1)
            holdings.append({"id": uuid.UUID(int=rng.getrandbits(128), version=4), "person_id": person_id,
                             "position_id": target[0], "start_date": start, "version": 1, "updated_at": now})
            if start <= today:
                named.append((person_id, target[2], target[1]))
            level = rng.random()
            base = 92 if level < 0.1 else 78 if level < 0.75 else 60 if level < 0.97 else 40
            sick = rng.random() < 0.05
            for m in months:
                if sick and m in (5, 6):
                    scores.append(_score(rng, person_id, unit_id, m, None, now))
                    continue
                total = max(0.0, min(100.0, base + rng.uniform(-6, 6)))
                general = Decimal(str(round(min(30.0, total * 0.3 + rng.uniform(-1, 1)), 1)))
                task = Decimal(str(round(min(70.0, max(0.0, total - float(general))), 1)))
                scores.append(_score(rng, person_id, unit_id, m, (general, task), now))
    for table, rows in ((JobPosition, positions), (PositionHolding, holdings), (RatingScore, scores)):
        for start in range(0, len(rows), 5000):
            session.execute(insert(table), rows[start:start + 5000])
    for person_id, name, code in named:
        session.execute(update(Person).where(Person.id == person_id).values(job_position=name,
                                                                             job_position_code=code))
    return len(positions)


def _score(rng: random.Random, person_id: uuid.UUID, unit_id: uuid.UUID, month: int,
           values: tuple[Decimal, Decimal] | None, now: dt.datetime) -> dict:
    return {"id": uuid.UUID(int=rng.getrandbits(128), version=4), "person_id": person_id, "year": SCORE_YEAR,
            "period": str(month), "unit_id": unit_id, "general_score": values[0] if values else None,
            "task_score": values[1] if values else None, "major_errors": 0, "delays": 0,
            "leave": None if values else "sick", "version": 1, "updated_at": now}
