"""Spreadsheets in and out (the import wizard, ``import``/``export``), and the demo data."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import event, inspect, select
from sqlalchemy.orm import Session

from app import demo, listing
from app.exchange import importer
from app.exchange.columns import TEMPLATE_SECTIONS
from app.exchange.export import export_people
from app.exchange.importer import ImportResult, remember_mapping
from app.exchange.report import write_result_report, write_template
from app.exchange.run import ImportRun, summarise
from app.exchange.values import decode_column
from app.search import search_statement
from app.security import review, sensitive
from app.security.permissions import require
from app.services.base import Area
from app.services.policy import note_access, policy
from models import Person


class _Undo(Exception):
    """Rolls a dry run (or a cancelled import) back."""


class Exchange(Area):
    # --- import ----------------------------------------------------------------------------------
    @policy("import")
    def open_import(self, path: str | Path, sheet: str | None = None) -> Any:
        return importer.open_import(path, sheet, db=self._db)

    @policy("import", scope="unit")
    def preview_import(self, source: Any, mapping: Any, unit_code: str | None = None, limit: int | None = 200
                       ) -> list[Any]:
        """What an import would do, row by row; nothing is written."""
        with self._read() as s:
            return importer.preview(s, source, mapping, unit_code, limit)

    @policy("import", scope="unit", write=True)
    def run_import(self, source: Any, mapping: Any, *, unit_code: str | None = None, dry_run: bool = False,
                   progress: Callable[[int, int], None] | None = None,
                   cancelled: Callable[[], bool] | None = None) -> Any:
        """Import in one transaction. For a user limited to units (a clerk) the rows must all land in
        those units (else nothing is saved) and the touched dossiers are submitted for approval."""
        if self.principal.unit_ids is None and not review.needs_review(self.principal):
            return importer.run_import(self._db, source, mapping, default_unit_code=unit_code, dry_run=dry_run,
                                       progress=progress, cancelled=cancelled, user=self._ctx.user)
        return self._run_scoped_import(source, mapping, unit_code, dry_run, progress, cancelled)

    def _run_scoped_import(self, source: Any, mapping: Any, unit_code: str | None, dry_run: bool,
                           progress: Callable[[int, int], None] | None, cancelled: Callable[[], bool] | None) -> Any:
        result = ImportResult()
        try:
            with self._session(write=not dry_run) as s:  # a dry run writes nothing: no write lock either
                origins: dict[uuid.UUID, uuid.UUID | None] = {}

                @event.listens_for(s, "before_flush")
                def _origin(session: Session, _c: object, _i: object) -> None:  # the unit before the import
                    for obj in session.dirty:
                        if isinstance(obj, Person) and obj.id not in origins:
                            hist = inspect(obj).attrs.unit_id.history
                            origins[obj.id] = hist.deleted[0] if hist.deleted else obj.unit_id

                run = ImportRun(s, source, mapping, unit_code, progress, cancelled, validate_only=dry_run)
                rows = run.execute()
                result = summarise(rows, run.outcomes, dry_run=dry_run, cancelled=run.cancelled)
                if dry_run:
                    self._check_planned_units(s, run, rows)
                    raise _Undo
                s.flush()
                touched = list(s.info.get("review_touched") or {}) + list(origins) + list(run.created)
                if touched:
                    placed = dict(s.execute(select(Person.id, Person.unit_id).where(Person.id.in_(touched))).all())
                    for pid in touched:
                        for unit_id in (placed.get(pid), origins.get(pid, placed.get(pid))):
                            require(self.principal, "import", unit_id, s)
                if run.cancelled:
                    raise _Undo
                remember_mapping(s, source.shape, mapping)
        except _Undo:
            pass
        return result

    def _check_planned_units(self, s: Session, run: ImportRun, rows: list[Any]) -> None:
        """A dry run's scope check, nothing written: the unit of each person it would create, and
        of each person it would change, before and after (as the real run checks after its writes)."""
        for unit_id in run.created.values():
            require(self.principal, "import", unit_id, s)
        for v in rows:
            person = run.existing.get(v.cccd or "") if v.action == "update" else None
            if person is None:
                continue
            require(self.principal, "import", person.unit_id, s)
            if "unit_code" in v.changes:
                require(self.principal, "import", run.units.by_code[str(v.changes["unit_code"]).casefold()][0], s)

    @policy("import")
    def import_samples(self, source: Any, rows: int = 50) -> dict[str, dict[int, tuple[Any, str | None, str | None]]]:
        """For the wizard's column table: per sheet to import (the people sheet and each child
        sheet), per column, the first value under the header (legacy text repaired), the legacy
        encoding it was written in ("tcvn3"/"vni") and the text as written, when it was
        converted. Reads the file already open."""
        out: dict[str, dict[int, tuple[Any, str | None, str | None]]] = {}
        for sheet, header in [(source.sheet, source.header), *[(c.sheet, c.header) for c in source.children]]:
            below = sheet.rows[header.data_start:header.data_start + rows]
            samples: dict[int, tuple[Any, str | None, str | None]] = {}
            for column in header.columns:
                cells = [r[column.index] for r in below if column.index < len(r)
                         and r[column.index].value is not None and str(r[column.index].value).strip()]
                if cells:
                    first = decode_column(cells)[0]
                    value = first.text if first.text is not None else cells[0].value
                    samples[column.index] = (value, first.encoding, first.original)
            out[sheet.name] = samples
        return out

    @policy("import")
    def write_import_report(self, source: Any, result: Any, path: str | Path) -> None:
        """The result report (.xlsx): the file's rows as read, plus Kết quả / Lỗi / Ghi chú columns."""
        write_result_report(source, result, path)

    @policy("import")
    def write_import_template(self, path: str | Path) -> None:
        """The blank import template (.xlsx) with every importable column and the child sheets (no data)."""
        write_template(path)

    # --- export --------------------------------------------------------------------------------------
    def _export_mask(self) -> Callable[[dict[str, Any]], dict[str, Any]] | None:
        role = self.principal.role
        return None if sensitive.sees_all(role) else (lambda values: sensitive.mask_fields(values, role))

    @policy("export", scope="query", log="export")
    def export_people(self, path: str | Path, flt: listing.PersonFilter, columns: Sequence[str],
                      progress: Callable[[int, int], None] | None = None, sort: str | None = None,
                      descending: bool = False) -> int:
        """Write exactly the list ``flt`` selects (the people the user sees, in the list's order:
        ``sort``/``descending`` as the list) to ``path`` with ``columns`` (export column names).
        Returns how many people."""
        with self._read() as s:
            self._fresh_scope(s)
            ids = listing.list_ids(s, self._scoped(flt), sort, descending)
        count = export_people(self._db, path, columns=list(columns), person_ids=ids, progress=progress,
                              mask=self._export_mask())
        note_access(ids, f"xuất danh sách ra {Path(path).name}", written=path)  # the key column (CCCD)
        return count

    @policy("export", scope="unit", log="export")
    def export_selection(self, path: str | Path, *, query: str = "", unit_code: str | None = None,
                         columns: str | None = None, with_sections: bool = False) -> int:
        """The command line's ``export``: the people ``query`` finds in ``unit_code`` (and its
        sub-units) within the principal's units; ``with_sections`` adds the section sheets."""
        with self._read() as s:
            self._fresh_scope(s)
            stmt = search_statement(s, query or "", limit=None, unit_code=unit_code)
            ids = [] if stmt is None else self._inside(s, [row[0] for row in s.execute(stmt)])
        if self.principal.unit_ids is None and not self._export_mask():
            count = export_people(self._db, path, unit_code=unit_code, query=query, columns=columns,
                                  sections=TEMPLATE_SECTIONS if with_sections else ())
        else:
            count = export_people(self._db, path, columns=columns, person_ids=ids, mask=self._export_mask(),
                                  sections=TEMPLATE_SECTIONS if with_sections else ())
        note_access(ids, f"xuất danh sách ra {Path(path).name}", written=path)
        return count

    # --- demo data ----------------------------------------------------------------------------------
    @policy("manage_units", write=True)
    def load_demo(self, count: int, seed: int = 1, progress: Callable[[int], None] | None = None) -> demo.DemoResult:
        """Realistic synthetic data (administrators): the catalogs, the unit tree and ``count`` people."""
        require(self.principal, "import", any_unit=True)
        return demo.generate(self._db, count, seed, progress)


def write_blank_template(path: str | Path) -> None:
    """The blank import template without any database (``import-template`` opens none): it holds
    column headers and catalog lists only, no personal data, so no principal is involved."""
    write_template(path)

