"""The alerts of issue 15, added to ``app.alerts.compute_alerts``:

* ``position_placement`` — a working civil servant recruited before 01/07/2025 (or with no
  recruitment date) who holds no job position, in a unit whose agency has positions approved, is
  due to be placed by 01/07/2027 (NĐ 361/2025; REFERENCE §4.3); the detail counts the days left;
* ``appointment_term_end`` — the current appointment's term (``app.rules.appointment``, from the
  dates of the 2023 CV item 23) ends; listed from 90 days before (``positions.json``, [U]); the
  detail names who is in the planning (quy hoạch) for that chức vụ in the unit (``app.planning``);
* a ``salary_step`` alert names the years in the step rated "không hoàn thành nhiệm vụ" in the
  dossier's yearly evaluations, with the consequence kept as data (``rating.json`` step_raise, [U]).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import ColumnElement, and_, select
from sqlalchemy.orm import Session

from app.bulk import as_uuid, vn_date
from app.planning import Successors, successors_text
from app.positions import agency_chain, deadline, rules
from app.rules import appointment
from app.rules import rating as rating_rules
from models import Evaluation, JobPosition, Person, PositionHolding


def add(session: Session, keyed: list[tuple[tuple[dt.date, str, int], Any]], window: Any, wanted: set[str],
        scope: Sequence[ColumnElement[bool]], units: dict[Any, tuple[str, str]], order: dict[str, int],
        Alert: Callable[..., Any]) -> list[Any]:  # noqa: N803 - app.alerts.Alert, handed over (no import cycle)
    out = list(keyed)

    def alert(pid: Any, cccd: str, name: str, sort_key: str, unit_id: Any, kind: str, due: dt.date, detail: str,
              overdue: bool) -> None:
        code, unit_name = units.get(unit_id, (None, None))
        out.append(((due, sort_key, order[kind]), Alert(as_uuid(pid), cccd, name, code, unit_name, kind, due, detail,
                                                        overdue)))

    base = select(Person.id, Person.cccd, Person.full_name, Person.sort_key, Person.unit_id).where(*scope)
    if "position_placement" in wanted:
        end = deadline()
        if window.ahead(end) or window.overdue(end):
            agencies = set(session.scalars(select(JobPosition.unit_id).where(
                JobPosition.deleted_at.is_(None), JobPosition.retired_on.is_(None)).distinct()))
            if agencies:
                before = dt.date.fromisoformat(rules()["recruited_before"]["value"])
                held = and_(PositionHolding.person_id == Person.id, PositionHolding.deleted_at.is_(None),
                            PositionHolding.start_date <= window.as_of,
                            (PositionHolding.end_date.is_(None)) | (PositionHolding.end_date >= window.as_of))
                q = base.where(Person.staff_type == "cong_chuc",
                               (Person.recruitment_date.is_(None)) | (Person.recruitment_date < before),
                               ~select(PositionHolding.id).where(held).exists())
                covered: dict[Any, bool] = {}
                for pid, cccd, name, key, unit_id in session.execute(q):
                    if unit_id not in covered:
                        covered[unit_id] = bool(agencies & set(agency_chain(session, unit_id)))
                    if covered[unit_id]:
                        days = (end - window.as_of).days
                        text = (f"Chưa bố trí vị trí việc làm; hạn {vn_date(end)} (còn {days} ngày)" if days >= 0
                                else f"Quá hạn: chưa bố trí vị trí việc làm (hạn {vn_date(end)})")
                        alert(pid, cccd, name, key, unit_id, "position_placement", end, text, days < 0)
    if "appointment_term_end" in wanted:
        notice_days = int(rules()["term_alert_days"]["value"])
        q = base.add_columns(Person.position, Person.position_date, Person.position_reappointed_date).where(
            Person.position_date.is_not(None) | Person.position_reappointed_date.is_not(None))
        successors: Successors | None = None
        for pid, cccd, name, key, unit_id, title, appointed, reappointed in session.execute(q):
            end = appointment.term_end(appointed, reappointed)
            if end is None or end < window.as_of or end - dt.timedelta(days=notice_days) > window.end:
                continue
            successors = successors or Successors(session, window.as_of)
            planned = successors.for_holder(title, unit_id, pid)
            text = f"Hết thời hạn giữ chức vụ {title or ''} ngày {vn_date(end)}".replace("  ", " ")
            if title:
                text += f"; {successors_text(planned)}"
            alert(pid, cccd, name, key, unit_id, "appointment_term_end", end, text, False)
    if "salary_step" in wanted:
        out = _flag_failed_years(session, out)
    return out


def _flag_failed_years(session: Session, keyed: list[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
    ids = {a.person_id for _, a in keyed if a.kind == "salary_step"}
    if not ids:
        return keyed
    failed: dict[uuid.UUID, list[int]] = defaultdict(list)
    q = select(Evaluation.person_id, Evaluation.year, Evaluation.quality_rating).where(Evaluation.deleted_at.is_(None))
    if len(ids) < 5000:
        q = q.where(Evaluation.person_id.in_(list(ids)))
    for pid, year, text in session.execute(q):
        if pid in ids and rating_rules.step_raise_blocking(rating_rules.level_of_label(text)):
            failed[pid].append(year)
    if not failed:
        return keyed
    rule = rating_rules.table()["step_raise"]
    out = []
    for k, a in keyed:
        years = sorted(y for y in failed.get(a.person_id, ()) if y <= a.due.year)
        if a.kind == "salary_step" and years:
            mark = " [chưa xác nhận]" if rule["confidence"] == "U" else ""
            a = dataclasses.replace(a, detail=f"{a.detail}; năm {', '.join(map(str, years))} xếp loại không hoàn "
                                              f"thành nhiệm vụ: {rule['consequence'].lower()}{mark}")
        out.append((k, a))
    return out
