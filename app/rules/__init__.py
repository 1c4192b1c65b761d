"""Legal rules of the dossier: retirement, salary steps, seniority allowance, completeness.

Every rule is a pure function over plain data (dates, ints, ``Decimal``, mappings): no database,
no Qt, no I/O beyond reading its table once. The tables live as JSON under ``resources/rules/``
so that a new decree or circular is a data change, not a release of code (REFERENCE.md: keep
anything not confirmed in data, never in code).

This package module holds only the small helpers the rule modules share; it imports none of
them, so ``from app.rules import retirement`` stays cheap and free of cycles.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
from typing import Any

from app.resources import resource_path

__all__ = ["add_months", "load_table", "month_end", "months_between"]


def load_table(name: str) -> dict[str, Any]:
    """The parsed JSON table ``resources/rules/<name>``.

    Callers wrap their own parsing in ``functools.lru_cache`` so each file is read once per
    process; this helper stays uncached so a test can point it at another resources folder.
    """
    with resource_path("rules", name).open(encoding="utf-8") as handle:
        data = json.load(handle)
    if not isinstance(data, dict):
        raise ValueError(f"resources/rules/{name}: the top level must be a JSON object")
    return data


def month_end(year: int, month: int) -> dt.date:
    """The last day of a calendar month (28/29/30/31)."""
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by whole calendar months, the day clamped to the month's length.

    Step raises and allowances count in months from the decision's effective date
    ("đủ 36 tháng"), so 31/01 + 1 month is 28/02 (or 29/02), never 03/03.
    """
    index = day.year * 12 + (day.month - 1) + months
    year, month0 = divmod(index, 12)
    last = calendar.monthrange(year, month0 + 1)[1]
    return dt.date(year, month0 + 1, min(day.day, last))


def months_between(start: dt.date, end: dt.date) -> int:
    """Whole months elapsed from ``start`` to ``end`` (0 if ``end`` is before ``start``).

    A month counts once ``add_months(start, n)`` has been reached, which keeps this the exact
    inverse of :func:`add_months`.
    """
    if end < start:
        return 0
    months = (end.year - start.year) * 12 + (end.month - start.month)
    while months > 0 and add_months(start, months) > end:
        months -= 1
    return months
