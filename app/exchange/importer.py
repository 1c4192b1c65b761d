"""Import a personnel spreadsheet, in stages the import wizard can call one by one.

1. :func:`open_import` reads the file and proposes: which sheet, where the header is, which
   column is which field (a remembered mapping when the database has one for this shape), the
   child sheets ("Đào tạo", "Quá trình công tác"…) and what is ignored or unknown.
2. :func:`preview` shows, row by row, the record that would be saved, whether it creates or
   updates (by CCCD), the changed fields, the errors, the legacy text repaired — saving nothing.
3. :func:`run_import` saves: every accepted row in ONE transaction; new people in batches (checked
   together by ``app.people.check_new_people``, then written by ``insert_new_people``: one INSERT
   per table and the change log in bulk, in one SAVEPOINT), a row the service refuses refused
   whole before anything of it is written, and a batch whose write fails saved again row by row,
   each row in its own SAVEPOINT, so no row is ever partly saved. A process killed half way leaves
   nothing of the import; ``dry_run`` runs the same checks (``check_new_people``,
   ``check_update``) and writes nothing at all — not even a rolled-back write.

The importer never writes rows itself: it builds the same plain records the editor saves and
hands them to the people service (``create_person``'s checks and rows in bulk, ``update_person``),
so validation and the change log are the editor's. An existing person (same CCCD) gets only the fields whose value differs
from the stored one (an unchanged file writes nothing and logs nothing); an empty cell never
erases a stored value. Two rows with the same CCCD in one file are both refused.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from app.bulk import paused_gc
from app.db import Database
from app.errors import UserError
from app.exchange.mapping import (
    Column,
    HeaderInfo,
    Mapping,
    find_header,
    recall_mapping,
    remember_mapping,
    shape_key,
)
from app.exchange.reader import Sheet, list_sheets, read_workbook
from app.exchange.records import Conversion, RowError
from app.exchange.vocabulary import person_vocabulary, section_of_sheet, section_vocabulary
from app.fields import SECTION_LABELS

__all__ = ["ChildSheet", "ImportResult", "ImportSource", "RowError", "RowPreview", "open_import", "preview",
           "run_import"]

Progress = Callable[[int, int], None]


@dataclass
class ChildSheet:
    """A sheet of section rows keyed by CCCD ("Đào tạo" → ``training``)."""

    name: str
    section: str
    sheet: Sheet
    header: HeaderInfo


@dataclass
class ImportSource:
    path: Path
    sheet_names: list[str]
    sheet: Sheet  # the people sheet
    header: HeaderInfo
    mapping: Mapping  # the proposal (or the remembered mapping, see ``recalled``)
    children: list[ChildSheet] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # Vietnamese, for the wizard and the CLI
    recalled: bool = False

    @property
    def header_row(self) -> int:
        """The spreadsheet's row number of the (first) header row."""
        return self.header.row + 1

    @property
    def columns(self) -> list[Column]:
        return self.header.columns

    @property
    def unknown_columns(self) -> list[Column]:
        return [c for c in self.header.columns if c.status == "unknown"]

    @property
    def ignored_columns(self) -> list[Column]:
        return [c for c in self.header.columns if c.status in ("ignored", "duplicate")]

    @property
    def shape(self) -> str:
        return shape_key(self.header.headers, {c.name: c.header.headers for c in self.children})


@dataclass
class RowPreview:
    """What happens to one row. ``action``: "create", "update", "unchanged", "reject", "skip"
    (a blank-ish line such as a group heading). ``record`` is the cleaned record; ``changes``
    the fields an update would change (what ``update_person`` gets)."""

    sheet: str
    row: int
    record: dict[str, Any]
    action: str
    cccd: str | None = None
    changes: dict[str, Any] = field(default_factory=dict)
    errors: list[RowError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    conversions: list[Conversion] = field(default_factory=list)

    @property
    def data(self) -> dict[str, Any]:
        """Exactly what the people service is handed for this row."""
        return self.changes if self.action == "update" else self.record


@dataclass
class ImportResult:
    """Counts per the contract (``as_json``). ``read`` counts data rows of every imported sheet;
    ``imported``/``updated``/``unchanged`` count people; ``rejected`` counts rows."""

    read: int = 0
    imported: int = 0
    updated: int = 0
    rejected: int = 0
    errors: list[RowError] = field(default_factory=list)
    unchanged: int = 0
    skipped: int = 0
    dry_run: bool = False
    cancelled: bool = False
    rows: list[RowPreview] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        return {"read": self.read, "imported": self.imported, "updated": self.updated,
                "unchanged": self.unchanged, "rejected": self.rejected,
                "errors": [e.as_json() for e in self.errors]}


# --- stage 1: open -----------------------------------------------------------------------------

def open_import(path: str | Path, sheet: str | None = None, *, db: Database | None = None) -> ImportSource:
    """Read the file and propose the mapping. ``sheet`` picks the people sheet (default: the
    first sheet that is not a child sheet and has a header). With ``db``, a mapping remembered
    for files of the same shape replaces the proposal."""
    with paused_gc():
        return _open_import(Path(path), sheet, db)


def _open_import(path: Path, sheet: str | None, db: Database | None) -> ImportSource:
    names = list_sheets(path)
    if sheet is not None and sheet not in names:
        raise UserError(f"Tệp '{path.name}' không có trang '{sheet}' (các trang: {', '.join(names)}).")
    sections = {n: section_of_sheet(n) for n in names} if len(names) > 1 else {}
    candidates = [sheet] if sheet else [n for n in names if not sections.get(n)] or names[:1]
    wanted = set(candidates) | {n for n, s in sections.items() if s}
    sheets = {s.name: s for s in read_workbook(path, wanted)}
    main, header, failure = _people_sheet(candidates, sheets)
    if main is None or header is None:
        raise UserError(f"Tệp '{path.name}': {failure or 'không có trang nào để nhập.'}")
    notes: list[str] = []
    children = _child_sheets(sections, sheets, main.name, notes)
    mapping = Mapping({c.index: c.target for c in header.columns},
                      {ch.name: {c.index: c.target for c in ch.header.columns} for ch in children})
    source = ImportSource(path, names, main, header, mapping, children, notes)
    source.notes[:0] = main.notes + _column_notes(source)  # main.notes: e.g. a CSV's encoding
    if db is not None:
        with db.session() as session:
            remembered = recall_mapping(session, source.shape)
        if remembered is not None:
            source.mapping, source.recalled = remembered, True
            source.notes.append("Dùng cách ghép cột đã lưu từ lần nhập trước với tệp cùng mẫu.")
    return source


def _people_sheet(candidates: list[str], sheets: dict[str, Sheet]
                  ) -> tuple[Sheet | None, HeaderInfo | None, str | None]:
    failure = None
    for name in candidates:
        try:
            return sheets[name], find_header(sheets[name], person_vocabulary()), None
        except UserError as exc:
            failure = failure or str(exc)
    return None, None, failure


def _child_sheets(sections: dict[str, str | None], sheets: dict[str, Sheet], main: str,
                  notes: list[str]) -> list[ChildSheet]:
    children = []
    for name, section in sections.items():
        if not section or name == main:
            continue
        try:
            header = find_header(sheets[name], section_vocabulary(section), sub_roles=False)
        except UserError:
            notes.append(f"Trang '{name}': không tìm thấy dòng tiêu đề cột; trang này không được nhập.")
            continue
        if not any(c.target == "cccd" for c in header.columns):
            notes.append(f"Trang '{name}': không có cột Số CCCD để biết dòng nào của ai; trang này không được nhập.")
            continue
        children.append(ChildSheet(name, section, sheets[name], header))
    return children


def _column_notes(source: ImportSource) -> list[str]:
    notes = [f"Trang '{source.sheet.name}', dòng tiêu đề {source.header_row}"
             + (f"–{source.header_row + 1}" if source.header.height == 2 else "") + "."]
    if source.header.legacy:
        notes.append(f"Tiêu đề cột viết bằng mã {source.header.legacy.upper()}, đã chuyển sang Unicode.")
    for c in source.header.columns:
        if c.status == "ignored":
            notes.append(f"Cột {c.letter} '{c.header}': không nhập (số thứ tự hoặc cột ghi chú kết quả).")
        elif c.status == "duplicate":
            notes.append(f"Cột {c.letter} '{c.header}': trùng nội dung với một cột bên trái; không nhập.")
        elif c.status == "unknown":
            notes.append(f"Cột {c.letter} '{c.header}': không nhận ra; không nhập.")
    targets = {c.target for c in source.header.columns}
    if "cccd" not in targets:
        notes.append("Không có cột Số CCCD: mọi dòng sẽ bị từ chối (số CCCD là bắt buộc).")
    for child in source.children:
        notes.append(f"Trang '{child.name}': nhập vào mục '{SECTION_LABELS[child.section]}' của từng người "
                     "(thay toàn bộ mục đó của những người có trong trang).")
    return notes


# --- stage 2: preview --------------------------------------------------------------------------

def preview(session: Session, source: ImportSource, mapping: Mapping, default_unit_code: str | None = None,
            limit: int | None = None) -> list[RowPreview]:
    """Every row's fate (the first ``limit`` people rows), checked by the service itself inside a
    savepoint that is rolled back: nothing is written."""
    from app.exchange.run import ImportRun

    outer = session.begin_nested()
    try:
        return ImportRun(session, source, mapping, default_unit_code, validate_only=True).execute(limit=limit)
    finally:
        outer.rollback()


# --- stage 3: import ---------------------------------------------------------------------------

class _Rollback(Exception):
    pass


def run_import(db: Database, source: ImportSource, mapping: Mapping, *, default_unit_code: str | None = None,
               dry_run: bool = False, progress: Progress | None = None,
               cancelled: Callable[[], bool] | None = None, user: str | None = None) -> ImportResult:
    """Save the accepted rows in one transaction (none when ``dry_run`` or ``cancelled()``
    turns true). ``progress(done, total)`` is called after each person (and each child-sheet
    person); ``user`` is who the change log names (default: the OS user)."""
    from app.exchange.run import ImportRun, summarise

    result = ImportResult()
    try:
        with paused_gc(), db.session(user) as session:
            run = ImportRun(session, source, mapping, default_unit_code, progress, cancelled, validate_only=dry_run)
            rows = run.execute()
            result = summarise(rows, run.outcomes, dry_run=dry_run, cancelled=run.cancelled)
            if dry_run or run.cancelled:
                raise _Rollback
            remember_mapping(session, source.shape, mapping)
    except _Rollback:
        pass
    return result
