"""Alerts (due events), completeness and data quality of the principal's units."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from app.alerts import Alert, compute_alerts, export_alerts_xlsx
from app.dashboard import person_missing, unit_completeness
from app.quality import QualityIssue, quality_issues
from app.services.base import Area
from app.services.masks import with_cccd
from app.services.policy import note_access, policy


class Alerts(Area):
    @policy("view", scope="result", mask="cccd")
    def alerts(self, as_of: dt.date, within_months: int = 6, unit_code: str | None = None,
               kinds: set[str] | None = None, *, overdue_months: int = 12) -> list[Alert]:
        """The due events (``app.alerts.Alert``) of ``unit_code``'s subtree (everyone when None);
        the Số CCCD masked for a role that may not see it."""
        with self._read() as s:
            if unit_code is not None:
                self._unit(s, unit_code, "view")
            return compute_alerts(s, as_of, within_months, unit_code, kinds, overdue_months=overdue_months)

    @policy("export", log="export")
    def export_alerts(self, alerts: Sequence[Alert], path: str | Path) -> None:
        """``alerts`` (in this order, those of the principal's units) as an .xlsx file; the file
        names each person's Số CCCD, masked as the role sees it."""
        alerts = with_cccd(self._in_scope(list(alerts)), self.principal)
        export_alerts_xlsx(alerts, path)
        note_access([a.person_id for a in alerts], f"xuất cảnh báo ra {Path(path).name}", written=path)

    @policy("view", scope="result")
    def unit_completeness(self, unit_code: str | None = None, *, worst_count: int = 5,
                          with_subtrees: bool = False) -> list[Any]:
        """Per unit of the scope, worst first (``app.dashboard.UnitCompleteness``)."""
        with self._read() as s:
            if unit_code is not None:
                self._unit(s, unit_code, "view")
            return unit_completeness(s, unit_code, worst_count=worst_count, with_subtrees=with_subtrees)

    @policy("view", scope="person")
    def person_missing(self, person_id: uuid.UUID) -> Any:
        """One dossier's ratio and missing items (``app.rules.completeness.Completeness``)."""
        with self._read() as s:
            return person_missing(s, self._person(s, person_id, "view").id)

    @policy("view", scope="result", mask="cccd")
    def quality_issues(self, unit_code: str | None = None, as_of: dt.date | None = None, *,
                       gap_months: int = 1) -> list[QualityIssue]:
        """The data-quality issues (``app.quality.QualityIssue``) of the scope's dossiers."""
        with self._read() as s:
            if unit_code is not None:
                self._unit(s, unit_code, "view")
            return quality_issues(s, unit_code, as_of, gap_months=gap_months)
