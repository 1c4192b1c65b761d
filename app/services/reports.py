"""Printing: profiles (2C / HS02), lists, the quantity-and-quality report. The desktop runs these
on a worker thread; each opens its own session."""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from app import listing
from app.errors import UserError
from app.reports import cv2023, default_form, profile
from app.reports.lists import describe_filter, list_report, listing_columns, render_list
from app.reports.stats import DEFAULT_STAFF_TYPE, compute_stats
from app.reports.stats_output import render_stats
from app.search import search_statement
from app.security import sensitive
from app.services.base import Area
from app.services.policy import note_access, policy
from models import Unit


class Reports(Area):
    def _mask(self, doc: dict) -> dict:
        return sensitive.mask_person(doc, self.principal.role)

    def _render_masked_list(self, report: Any, ids: Sequence[uuid.UUID], path: str | Path) -> int | None:
        keys = [c.key for c in report.columns]
        hidden = sensitive.masked_report_columns(keys, self.principal.role)
        if hidden:
            cols = tuple(dataclasses.replace(c, kind="text") if c.key in hidden else c for c in report.columns)
            rows = tuple(tuple(sensitive.mask_value(v, hidden[k], "text") if k in hidden else v
                               for k, v in zip(keys, row, strict=True)) for row in report.rows)
            report = dataclasses.replace(report, columns=cols, rows=rows)
        pages = render_list(report, Path(path))
        if any(k in sensitive.REPORT_COLUMNS and k not in hidden for k in keys):
            note_access(ids, f"in danh sách ra {Path(path).name}", written=path)
        return pages

    @policy("print", scope="person", log="print")
    def render_profile_pdf(self, person_id: uuid.UUID | str, path: str | Path, place: str | None = None,
                           on: dt.date | None = None, *, form: str | None = None) -> int:
        """The person's Mẫu 2C-BNV/2008 (HS02-VC/BNV for a viên chức; the 2023 CV form of TT 06/2023
        with ``form="cv2023"``; the form the database's setting chooses for the person's staff type
        with ``form="default"``) as a PDF; returns its pages."""
        with self._read() as s:
            person = self._person(s, person_id, "print")
            doc, photo = profile.profile_document(s, person.id), profile.photo_of(s, person.id)
            forms = default_form.default_forms(s) if form == "default" else None
        if form == "cv2023":
            pages = cv2023.render_cv(self._mask(doc), Path(path), photo=photo, place=place, on=on)
        else:
            pages = profile.render_profile(self._mask(doc), Path(path), photo=photo, place=place, on=on,
                                           story=default_form.story_for(forms),
                                           subject=default_form.subject_for(doc, forms))
        note_access([person.id], f"in sơ yếu lý lịch ra {Path(path).name}", written=path)
        return pages

    @policy("print", scope="unit", log="print")
    def render_unit_profiles(self, unit_code: str, path: str | Path, progress: Callable[[int, int], None] | None = None,
                             cancelled: Callable[[], bool] | None = None, *, include_subunits: bool = True,
                             include_inactive: bool = False, place: str | None = None, on: dt.date | None = None,
                             form: str | None = None) -> int:
        """Every profile of the unit in one PDF (pages; ``form`` as ``render_profile_pdf``);
        ``Cancelled`` (no file left) when stopped."""
        render = cv2023.render_cvs if form == "cv2023" else profile.render_profiles
        extra: dict[str, Any] = {}
        with self._read() as s:
            self._unit(s, unit_code, "print")
            if form == "default":
                extra["story"] = default_form.story_for(default_form.default_forms(s))
            ids = profile.unit_people(s, unit_code, include_subunits=include_subunits, include_inactive=include_inactive)
            ids = self._inside(s, ids)
        if not ids:
            raise UserError(f"Đơn vị '{unit_code}' không có hồ sơ nào để in.")
        pages = render(self._db, ids, Path(path), progress=progress, cancelled=cancelled,
                        title=f"Sơ yếu lý lịch — {unit_code}", transform=self._mask, place=place, on=on, **extra)
        note_access(ids, f"in sơ yếu lý lịch đơn vị {unit_code} ra {Path(path).name}", written=path)
        return pages

    @policy("print")
    def default_forms(self) -> dict[str, str]:
        """The database's default printed form per staff type (``app.reports.default_form``)."""
        with self._read() as s:
            return default_form.default_forms(s)

    @policy("manage_units", write=True)
    def set_default_form(self, staff_type: str, form: str) -> dict[str, str]:
        """Choose a staff type's default form (the administrator's, like the unit tree)."""
        with self._session(write=True) as s:
            return default_form.set_default_form(s, staff_type, form)

    @policy("manage_units", write=True)
    def set_default_forms(self, forms: dict[str, str]) -> dict[str, str]:
        """Several staff types' default forms in one transaction (the settings dialog's Lưu)."""
        with self._session(write=True) as s:
            return default_form.set_default_forms(s, dict(forms))

    @policy("print", scope="query", log="print")
    def render_list(self, flt: listing.PersonFilter | None, person_ids: Sequence[uuid.UUID] | None,
                    columns: Sequence[str] | None, path: str | Path) -> int | None:
        """The person list as PDF or xlsx (by the extension): exactly ``person_ids`` in that order
        (the ids ``flt`` selects when None), with ``columns`` — the person list's keys or the
        report's — after STT; the filter is named under the title. Pages for a PDF, else None."""
        flt = flt or listing.PersonFilter()
        with self._read() as s:
            self._fresh_scope(s)
            ids = list(person_ids) if person_ids is not None else listing.list_ids(s, self._scoped(flt))
            ids = self._inside(s, ids)
            unit = s.get(Unit, flt.unit_id) if flt.unit_id is not None else None
            report = list_report(s, query=flt.query, unit_code=unit.code if unit else None,
                                 columns=listing_columns(columns or ()), person_ids=ids, note=describe_filter(flt))
        pages = self._render_masked_list(report, ids, path)
        return pages

    @policy("print", scope="unit")
    def render_stats(self, unit_code: str | None, as_of: dt.date | None, path: str | Path, *,
                     staff_type: str | None = DEFAULT_STAFF_TYPE) -> int | None:
        """The quantity-and-quality report (BM01 columns) as PDF or xlsx by the extension (counts
        only; a user limited to units must name one of them)."""
        with self._read() as s:
            self._unit(s, unit_code, "print")
            table = compute_stats(s, unit_code, as_of, staff_type)
        return render_stats(table, Path(path))

    @policy("print", scope="unit", log="print")
    def render_list_report(self, path: str | Path, *, query: str = "", unit_code: str | None = None,
                           include_inactive: bool = False, columns: str | Sequence[str] | None = None) -> tuple[int | None, int]:
        """The command line's ``report list``: the people ``query`` finds in ``unit_code`` (and its
        sub-units) within the principal's units, with the report's ``columns``. Returns (pages or
        None for xlsx, rows)."""
        with self._read() as s:
            self._fresh_scope(s)
            stmt = search_statement(s, query, limit=None, unit_code=unit_code, include_inactive=include_inactive)
            ids = [] if stmt is None else self._inside(s, [row[0] for row in s.execute(stmt)])
            report = list_report(s, query=query, unit_code=unit_code, include_inactive=include_inactive,
                                 columns=columns, person_ids=ids)
        pages = self._render_masked_list(report, ids, path)
        return pages, len(report.rows)
