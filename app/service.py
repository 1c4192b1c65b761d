"""The services the desktop app calls: each method is one user action in one transaction.

The UI never opens a session or builds a query; it holds a ``HoSoService`` and gets plain data
back (frozen dataclasses, dicts), so no lazy load can fire inside a paint. Methods are safe to
call from a worker thread (each opens its own session).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from app import attachments, catalogs, entry, listing, people, units
from app.db import Database
from app.history import Change, person_history
from app.person_json import person_json
from models import Person, Unit


@dataclass(frozen=True)
class Overview:
    database: str
    people: int
    units: int


class HoSoService:
    def __init__(self, db: Database, user: str | None = None):
        self.db = db
        self.user = user

    # --- reading -------------------------------------------------------------------------
    def overview(self) -> Overview:
        with self.db.session(self.user) as s:
            count = s.scalar(select(func.count()).select_from(Person).where(Person.deleted_at.is_(None))) or 0
            return Overview(self.db.url, count, len(units.list_units(s)))

    def list_units(self) -> list[units.UnitRow]:
        with self.db.session(self.user) as s:
            return units.list_units(s)

    def person_ids(self, flt: listing.PersonFilter, sort: str | None = None, descending: bool = False
                   ) -> list[uuid.UUID]:
        with self.db.session(self.user) as s:
            return listing.list_ids(s, flt, sort, descending)

    def person_keys(self, flt: listing.PersonFilter, sort: str | None = None, descending: bool = False) -> list[str]:
        """The list as hex keys (cheap for 100,000 people); see ``listing.list_keys``."""
        with self.db.session(self.user) as s:
            return listing.list_keys(s, flt, sort, descending)

    def person_rows(self, ids: Sequence[uuid.UUID | str]) -> list[listing.PersonRow]:
        with self.db.session(self.user) as s:
            return listing.fetch_rows(s, ids)

    def person(self, key: str | uuid.UUID) -> dict[str, Any]:
        """The whole dossier as the Person JSON (ids on every section row)."""
        with self.db.session(self.user) as s:
            return person_json(s, people.find_person(s, str(key)).id)

    def history(self, key: str | uuid.UUID) -> list[Change]:
        with self.db.session(self.user) as s:
            return person_history(s, str(key))

    def catalog(self, name: str) -> list[catalogs.CatalogEntry]:
        with self.db.session(self.user) as s:
            return catalogs.entries(s, name)

    def grades(self) -> list[catalogs.GradeInfo]:
        with self.db.session(self.user) as s:
            return catalogs.grades(s)

    def cccd_owner(self, number: str, exclude: uuid.UUID | None = None) -> entry.CccdOwner | None:
        with self.db.session(self.user) as s:
            return entry.cccd_owner(s, number, exclude)

    def common_values(self, unit_code: str) -> dict[str, Any]:
        with self.db.session(self.user) as s:
            return entry.common_values(s, unit_code)

    def photo(self, person_id: uuid.UUID) -> bytes | None:
        with self.db.session(self.user) as s:
            return attachments.photo(s, person_id)

    def attachment_content(self, attachment_id: uuid.UUID) -> bytes:
        with self.db.session(self.user) as s:
            return attachments.content(s, attachment_id)

    # --- writing (each one transaction) -----------------------------------------------------
    def create_person(self, data: dict[str, Any]) -> people.SaveResult:
        with self.db.session(self.user) as s:
            return people.create_person(s, data)

    def update_person(self, key: str | uuid.UUID, data: dict[str, Any], expected_version: int | None = None
                      ) -> people.SaveResult:
        with self.db.session(self.user) as s:
            return people.update_person(s, str(key), data, expected_version=expected_version)

    def save_person(self, key: str | uuid.UUID | None, data: dict[str, Any], *, expected_version: int | None = None,
                    photo: tuple[str, bytes] | None = None, remove_photo: bool = False,
                    new_documents: Sequence[tuple[str, bytes, str | None]] = (),
                    removed_documents: Sequence[uuid.UUID] = ()) -> people.SaveResult:
        """The editor's Save: fields, sections, photo and attachments in ONE transaction."""
        with self.db.session(self.user) as s:
            if key is None:
                result = people.create_person(s, data)
            else:
                result = people.update_person(s, str(key), data, expected_version=expected_version)
            current = attachments.photo_id(s, result.id)
            if remove_photo and current is not None:
                attachments.remove_attachment(s, current)
            if photo is not None:
                attachments.add_attachment(s, result.id, photo[0], photo[1], kind="photo")
            for attachment_id in removed_documents:
                attachments.remove_attachment(s, attachment_id)
            for file_name, content, description in new_documents:
                attachments.add_attachment(s, result.id, file_name, content, description=description)
            return result

    def delete_person(self, key: str | uuid.UUID) -> None:
        with self.db.session(self.user) as s:
            people.delete_person(s, str(key))

    def restore_person(self, key: str | uuid.UUID) -> None:
        with self.db.session(self.user) as s:
            people.restore_person(s, str(key))

    def transfer_person(self, key: str | uuid.UUID, unit_code: str, on: dt.date, *, decision_number: str | None = None,
                        position: str | None = None, kind: str = "transfer") -> None:
        with self.db.session(self.user) as s:
            entry.transfer_person(s, str(key), unit_code, on, decision_number=decision_number, position=position,
                                  kind=kind)

    def add_unit(self, code: str, name: str, parent_code: str | None = None, kind: str | None = None) -> None:
        with self.db.session(self.user) as s:
            units.add_unit(s, code, name, parent_code, kind=kind)

    def rename_unit(self, code: str, name: str) -> None:
        with self.db.session(self.user) as s:
            units.rename_unit(s, code, name)

    def move_unit(self, code: str, parent_code: str | None) -> None:
        with self.db.session(self.user) as s:
            units.move_unit(s, code, parent_code)

    def deactivate_unit(self, code: str, on: dt.date) -> None:
        with self.db.session(self.user) as s:
            units.deactivate_unit(s, code, on)

    # --- spreadsheets ------------------------------------------------------------------------------
    def open_import(self, path: str, sheet: str | None = None) -> Any:
        from app.exchange import importer

        return importer.open_import(path, sheet, db=self.db)

    def preview_import(self, source: Any, mapping: Any, unit_code: str | None = None, limit: int | None = 200
                       ) -> list[Any]:
        """What an import would do, row by row; nothing is written."""
        from app.exchange import importer

        with self.db.session(self.user) as s:
            return importer.preview(s, source, mapping, unit_code, limit)

    def run_import(self, source: Any, mapping: Any, *, unit_code: str | None = None, dry_run: bool = False,
                   progress: Callable[[int, int], None] | None = None,
                   cancelled: Callable[[], bool] | None = None) -> Any:
        from app.exchange import importer

        return importer.run_import(self.db, source, mapping, default_unit_code=unit_code, dry_run=dry_run,
                                   progress=progress, cancelled=cancelled, user=self.user)

    def load_demo(self, count: int, seed: int = 1, progress: Callable[[int], None] | None = None) -> int:
        from app import demo

        return demo.generate(self.db, count, seed, progress).people

    # --- spreadsheets in the desktop app (the import wizard, the list's export) -------------------
    def import_samples(self, source: Any, rows: int = 50) -> dict[str, dict[int, tuple[Any, str | None, str | None]]]:
        """For the wizard's column table: per sheet to import (the people sheet and each child
        sheet), per column, the first value under the header (legacy text repaired), the legacy
        encoding it was written in ("tcvn3"/"vni") and the text as written, when it was
        converted. Reads the file already open."""
        from app.exchange.values import decode_column

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

    def write_import_report(self, source: Any, result: Any, path: str) -> None:
        """The result report (.xlsx): the file's rows as read, plus Kết quả / Lỗi / Ghi chú columns."""
        from app.exchange.report import write_result_report

        write_result_report(source, result, path)

    def write_import_template(self, path: str) -> None:
        """The blank import template (.xlsx) with every importable column and the child sheets."""
        from app.exchange.report import write_template

        write_template(path)

    def export_people(self, path: str, flt: listing.PersonFilter, columns: Sequence[str],
                      progress: Callable[[int, int], None] | None = None, sort: str | None = None,
                      descending: bool = False) -> int:
        """Write exactly the list ``flt`` selects (the people the user sees, in the list's order:
        ``sort``/``descending`` as ``person_ids``) to ``path`` with ``columns`` (export column
        names). Returns how many people."""
        from app.exchange.export import export_people

        ids = self.person_ids(flt, sort, descending)
        return export_people(self.db, path, columns=list(columns), person_ids=ids, progress=progress)

    # --- printing (the desktop runs these on a worker thread; each opens its own session) -------------
    def render_profile_pdf(self, person_id: uuid.UUID, path: str | Path, place: str | None = None,
                           on: dt.date | None = None) -> int:
        """The person's Mẫu 2C-BNV/2008 (HS02-VC/BNV for a viên chức) as a PDF; returns its pages."""
        from app.reports.profile import photo_of, profile_document, render_profile

        with self.db.session(self.user) as s:
            person = people.find_person(s, str(person_id))
            doc, photo = profile_document(s, person.id), photo_of(s, person.id)
        return render_profile(doc, Path(path), photo=photo, place=place, on=on)

    def render_unit_profiles(self, unit_code: str, path: str | Path, progress: Callable[[int, int], None] | None = None,
                             cancelled: Callable[[], bool] | None = None, *, include_subunits: bool = True,
                             include_inactive: bool = False) -> int:
        """Every profile of the unit in one PDF (pages); ``Cancelled`` (no file left) when stopped."""
        from app.reports.profile import render_unit_profiles

        return render_unit_profiles(self.db, unit_code, Path(path), include_subunits=include_subunits,
                                    include_inactive=include_inactive, progress=progress, cancelled=cancelled)

    def render_list(self, flt: listing.PersonFilter | None, person_ids: Sequence[uuid.UUID] | None,
                    columns: Sequence[str] | None, path: str | Path) -> int | None:
        """The person list as PDF or xlsx (by the extension): exactly ``person_ids`` in that order
        (the ids ``flt`` selects when None), with ``columns`` — the person list's keys or the
        report's — after STT; the filter is named under the title. Pages for a PDF, else None."""
        from app.reports.lists import describe_filter, list_report, listing_columns, render_list

        flt = flt or listing.PersonFilter()
        with self.db.session(self.user) as s:
            ids = list(person_ids) if person_ids is not None else listing.list_ids(s, flt)
            unit = s.get(Unit, flt.unit_id) if flt.unit_id is not None else None
            report = list_report(s, query=flt.query, unit_code=unit.code if unit else None,
                                 columns=listing_columns(columns or ()), person_ids=ids, note=describe_filter(flt))
        return render_list(report, Path(path))

    def render_stats(self, unit_code: str | None, as_of: dt.date | None, path: str | Path) -> int | None:
        """The quantity-and-quality report (BM01 columns) as PDF or xlsx by the extension."""
        from app.reports.stats import compute_stats
        from app.reports.stats_output import render_stats

        with self.db.session(self.user) as s:
            table = compute_stats(s, unit_code, as_of)
        return render_stats(table, Path(path))

    # --- alerts, completeness, data quality (ui/alerts_ui.py, ui/dashboard_ui.py; run off the UI thread) ----
    def alerts(self, as_of: dt.date, within_months: int = 6, unit_code: str | None = None,
               kinds: set[str] | None = None, *, overdue_months: int = 12) -> list[Any]:
        """The due events (``app.alerts.Alert``) of ``unit_code``'s subtree (everyone when None)."""
        from app.alerts import compute_alerts

        with self.db.session(self.user) as s:
            return compute_alerts(s, as_of, within_months, unit_code, kinds, overdue_months=overdue_months)

    def export_alerts(self, alerts: Sequence[Any], path: str) -> None:
        """``alerts`` (``app.alerts.Alert``, in this order) as an .xlsx file."""
        from app.alerts import export_alerts_xlsx

        export_alerts_xlsx(alerts, path)

    def unit_completeness(self, unit_code: str | None = None, *, worst_count: int = 5) -> list[Any]:
        """Per unit of the scope, worst first (``app.dashboard.UnitCompleteness``)."""
        from app.dashboard import unit_completeness

        with self.db.session(self.user) as s:
            return unit_completeness(s, unit_code, worst_count=worst_count)

    def person_missing(self, person_id: uuid.UUID) -> Any:
        """One dossier's ratio and missing items (``app.rules.completeness.Completeness``)."""
        from app.dashboard import person_missing

        with self.db.session(self.user) as s:
            return person_missing(s, person_id)

    def quality_issues(self, unit_code: str | None = None, as_of: dt.date | None = None) -> list[Any]:
        """The data-quality issues (``app.quality.QualityIssue``) of the scope's dossiers."""
        from app.quality import quality_issues

        with self.db.session(self.user) as s:
            return quality_issues(s, unit_code, as_of)
