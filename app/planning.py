"""Quy hoạch: who is in the planning for which leadership title (issue 15; HS02 item 24, 2023 CV
item 24), from the dossier's ``planning`` section (``models.Planning``, migration 0014).

A row is one title for one period (giai đoạn 2026–2031) by a decision; it is *current* on a day
when the person was not taken out of it (``removed_on``) and the period has not ended (its last
year not before the day's year; a row without a period counts until removed). The text of item 24
(``persons.planned_titles``) follows the rows when they are saved (``app.people`` calls
``follow_planning``), as the current salary follows the salary history — unless the text was typed
to say something else (it is then neither empty nor the rows' previous text), which stays.
Migration 0014 wrote every mapped text in the rows' form, so mapped dossiers follow too.

The list per title, and the successors a term ending can name: the people of the holder's unit
(and its sub-units) currently in the planning for a title that is the holder's chức vụ, or starts
with it ("Trưởng phòng" → "Trưởng phòng Tổ chức cán bộ"), accents and case ignored.

Session-level functions without permission checks (``app.services.positions`` checks first).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.text import fold
from models import Person, Planning, Unit


def period_text(period_from: int | None, period_to: int | None) -> str:
    if period_from and period_to:
        return f"{period_from}–{period_to}"
    return str(period_from or period_to or "")


def titles_text(rows: Iterable[Any]) -> str:
    """Item 24 as printed: the current titles, each with its period ("Giám đốc Sở (giai đoạn 2026–2031)")."""
    parts = []
    for r in rows:
        if getattr(r, "removed_on", None) is not None or getattr(r, "deleted_at", None) is not None:
            continue
        period = period_text(r.period_from, r.period_to)
        parts.append(f"{r.title} (giai đoạn {period})" if period else r.title)
    return "; ".join(parts)


def follow_planning(person: Person, before: str) -> None:
    """After the planning rows were saved: item 24's text follows them when it was empty or was
    the text of the rows before the save (``before``); a text typed otherwise stays. No rows left:
    the text stays as it is."""
    if person.planning and (person.planned_titles or "") in ("", before):
        person.planned_titles = titles_text(sorted(person.planning, key=lambda r: r.seq)) or None


def is_current(removed_on: dt.date | None, period_to: int | None, as_of: dt.date) -> bool:
    return (removed_on is None or removed_on > as_of) and (period_to is None or period_to >= as_of.year)


def title_matches(planned: str, position: str | None) -> bool:
    """A planned title is for a chức vụ when it is the same or one names the other and more."""
    a, b = fold(planned or ""), fold(position or "")
    if not a or not b:
        return False
    return a == b or a.startswith(b + " ") or b.startswith(a + " ")


@dataclass(frozen=True)
class PlanningRow:
    title: str
    period_from: int | None
    period_to: int | None
    person_id: uuid.UUID
    cccd: str
    full_name: str
    birth_date: dt.date | None
    unit_code: str | None
    position: str | None  # the chức vụ held now
    decision_number: str | None
    decision_date: dt.date | None
    removed_on: dt.date | None
    current: bool

    @property
    def period(self) -> str:
        return period_text(self.period_from, self.period_to)

    def as_json(self) -> dict[str, Any]:
        return {"title": self.title, "period_from": self.period_from, "period_to": self.period_to,
                "cccd": self.cccd, "full_name": self.full_name,
                "birth_date": self.birth_date.isoformat() if self.birth_date else None, "unit_code": self.unit_code,
                "position": self.position, "decision_number": self.decision_number,
                "decision_date": self.decision_date.isoformat() if self.decision_date else None,
                "removed_on": self.removed_on.isoformat() if self.removed_on else None, "current": self.current}


def planning_list(session: Session, unit_ids: Iterable[uuid.UUID] | None, as_of: dt.date, *,
                  title: str | None = None, include_ended: bool = False) -> list[PlanningRow]:
    """The planning rows of the working people of ``unit_ids`` (None: every unit), by title (accents
    and case ignored), then period, then name; ``title``: the rows whose title contains it;
    ``include_ended``: also the rows removed or whose period has ended."""
    q = (select(Planning.title, Planning.period_from, Planning.period_to, Person.id, Person.cccd, Person.full_name,
                Person.birth_date, Unit.code, Person.position, Planning.decision_number, Planning.decision_date,
                Planning.removed_on, Person.sort_key)
         .join(Person, Person.id == Planning.person_id)
         .outerjoin(Unit, Unit.id == Person.unit_id)
         .where(Planning.deleted_at.is_(None), Person.deleted_at.is_(None), Person.status == "working"))
    if unit_ids is not None:
        q = q.where(Person.unit_id.in_(list(unit_ids)))
    wanted = fold(title) if title else None
    rows = []
    for (name, pfrom, pto, pid, cccd, full_name, birth, ucode, position, number, date, removed,
         key) in session.execute(q):
        current = is_current(removed, pto, as_of)
        if not (current or include_ended) or (wanted and wanted not in fold(name)):
            continue
        rows.append(((fold(name), -(pfrom or 0), key or ""),
                     PlanningRow(name, pfrom, pto, pid, cccd, full_name, birth, ucode, position, number, date,
                                 removed, current)))
    rows.sort(key=lambda r: r[0])
    return [r[1] for r in rows]


def titles(rows: Iterable[PlanningRow]) -> dict[str, list[PlanningRow]]:
    """The rows grouped by title (the first spelling met stands for the title)."""
    out: dict[str, list[PlanningRow]] = {}
    names: dict[str, str] = {}
    for r in rows:
        key = fold(r.title)
        out.setdefault(names.setdefault(key, r.title), []).append(r)
    return out


class Successors:
    """Who is currently in the planning for a chức vụ in a unit's subtree (terms and their alerts):
    the current rows are read once; ``for_holder`` filters them."""

    def __init__(self, session: Session, as_of: dt.date):
        self.session, self.as_of = session, as_of
        self.rows: list[tuple[str, uuid.UUID | None, str, Any]] = []
        q = (select(Planning.title, Person.unit_id, Person.full_name, Person.id, Planning.removed_on,
                    Planning.period_to)
             .join(Person, Person.id == Planning.person_id)
             .where(Planning.deleted_at.is_(None), Person.deleted_at.is_(None), Person.status == "working"))
        for title, unit_id, name, pid, removed, pto in session.execute(q):
            if is_current(removed, pto, as_of):
                self.rows.append((title, unit_id, name, pid))
        self._subtrees: dict[Any, set[Any]] = {}
        self._children: dict[Any, list[Any]] | None = None
        self._by_unit: dict[Any, list[tuple[str, str, Any]]] = defaultdict(list)
        for title, unit_id, name, pid in self.rows:
            self._by_unit[unit_id].append((title, name, pid))

    def _subtree(self, unit_id: Any) -> set[Any]:
        if unit_id not in self._subtrees:
            if self._children is None:  # the unit tree, read once
                self._children = defaultdict(list)
                for uid, parent in self.session.execute(select(Unit.id, Unit.parent_id)):
                    self._children[parent].append(uid)
            seen, todo = set(), [unit_id]
            while todo:
                uid = todo.pop()
                if uid not in seen:
                    seen.add(uid)
                    todo += self._children.get(uid, [])
            self._subtrees[unit_id] = seen
        return self._subtrees[unit_id]

    def for_holder(self, position: str | None, unit_id: Any, holder: Any = None) -> list[str]:
        """Names of the people (other than ``holder``, a person id) in the planning for ``position``
        in the holder's unit and below."""
        if not self.rows or not position or unit_id is None:
            return []
        found = {pid: name for uid in self._subtree(unit_id) for title, name, pid in self._by_unit.get(uid, ())
                 if pid != holder and title_matches(title, position)}
        return sorted(found.values(), key=fold)


def successors_text(names: list[str]) -> str:
    if not names:
        return "chưa có người trong quy hoạch chức danh này"
    shown = ", ".join(names[:3]) + (f" và {len(names) - 3} người khác" if len(names) > 3 else "")
    return f"trong quy hoạch: {len(names)} người ({shown})"


# --- the list printed or exported ------------------------------------------------------------------
HEADERS = ["STT", "Họ và tên", "Ngày sinh", "Đơn vị", "Chức vụ hiện nay", "Giai đoạn", "Quyết định", "Ghi chú"]


def _cells(r: PlanningRow) -> list[str]:
    decision = " ".join(x for x in (r.decision_number or "", f"ngày {r.decision_date:%d/%m/%Y}"
                                    if r.decision_date else "") if x)
    note = f"Đưa ra khỏi quy hoạch {r.removed_on:%d/%m/%Y}" if r.removed_on else ("" if r.current else "Hết giai đoạn")
    return [r.full_name, f"{r.birth_date:%d/%m/%Y}" if r.birth_date else "", r.unit_code or "", r.position or "",
            r.period, decision, note]


def write(rows: list[PlanningRow], scope_name: str, out: Path, as_of: dt.date) -> Path:
    """The list per title as PDF or .xlsx (no Số CCCD on it)."""
    from app.reports.files import atomic, check_target

    out = check_target(Path(out), (".pdf", ".xlsx"))
    if out.suffix.lower() == ".xlsx":
        atomic(out, lambda tmp: _xlsx(rows, scope_name, tmp, as_of))
    else:
        atomic(out, lambda tmp: _pdf(rows, scope_name, tmp, as_of))
    return out


TITLE = "DANH SÁCH CÁN BỘ TRONG QUY HOẠCH CHỨC DANH LÃNH ĐẠO, QUẢN LÝ"


def _xlsx(rows: list[PlanningRow], scope_name: str, path: str, as_of: dt.date) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    ws = book.active
    ws.title = "Quy hoạch"
    ws.append([TITLE])
    ws["A1"].font = Font(bold=True)
    ws.append([f"{scope_name} — tính đến ngày {as_of:%d/%m/%Y}"])
    ws.append([])
    ws.append(["Chức danh quy hoạch", *HEADERS])
    for cell in ws[4]:
        cell.font = Font(bold=True)
    for title, group in titles(rows).items():
        for i, r in enumerate(group, 1):
            ws.append([title, i, *_cells(r)])
    for col, width in zip("ABCDEFGHI", (34, 6, 28, 12, 16, 24, 12, 26, 26), strict=True):
        ws.column_dimensions[col].width = width
    book.save(path)


def _pdf(rows: list[PlanningRow], scope_name: str, path: str, as_of: dt.date) -> None:
    # with the PDF only: xml.sax.saxutils brings urllib, http and email (start-up, issue 17)
    from xml.sax.saxutils import escape

    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    from app.reports.fonts import BOLD, REGULAR, register_fonts

    register_fonts()
    normal = ParagraphStyle("n", fontName=REGULAR, fontSize=11, leading=14)
    title_style = ParagraphStyle("t", parent=normal, fontName=BOLD, fontSize=13, alignment=1, leading=17)
    center = ParagraphStyle("c", parent=normal, alignment=1)
    head = ParagraphStyle("h", parent=normal, fontName=BOLD, fontSize=11, spaceBefore=8, spaceAfter=4,
                          keepWithNext=1)
    cell = ParagraphStyle("cell", parent=normal, fontSize=9.5, leading=11.5)
    doc = SimpleDocTemplate(path, pagesize=landscape(A4), leftMargin=15 * mm, rightMargin=15 * mm,
                            topMargin=15 * mm, bottomMargin=15 * mm, title=TITLE, author="HoSo")
    story: list[Any] = [Paragraph(escape(scope_name.upper()), center), Spacer(1, 3 * mm), Paragraph(TITLE, title_style),
                        Paragraph(f"(tính đến ngày {as_of:%d/%m/%Y})", center), Spacer(1, 4 * mm)]
    groups = titles(rows)
    if not groups:
        story.append(Paragraph("Không có người trong quy hoạch.", normal))
    widths = [12 * mm, 45 * mm, 22 * mm, 36 * mm, 45 * mm, 22 * mm, 45 * mm, 40 * mm]
    for title, group in groups.items():
        story.append(Paragraph(f"Chức danh: {escape(title)} ({len(group)} người)", head))
        data = [[Paragraph(f"<b>{h}</b>", cell) for h in HEADERS]]
        data += [[Paragraph(escape(v), cell) for v in (str(i), *_cells(r))] for i, r in enumerate(group, 1)]
        table = Table(data, colWidths=widths, repeatRows=1)
        table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                                   ("VALIGN", (0, 0), (-1, -1), "TOP")]))
        story.append(table)
    doc.build(story)
