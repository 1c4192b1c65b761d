"""The term an appointment implies: a leader is appointed (or re-appointed) for a fixed number of
years, so the 2023 CV form's item 23 dates ("Ngày bổ nhiệm/ngày phê chuẩn", "Ngày bổ nhiệm
lại/phê chuẩn nhiệm kỳ tiếp theo") imply when the current term ends.

The length of a term is data (``resources/rules/appointment_term.json``, unconfirmed [U]).
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from app.rules import load_table

TABLE = "appointment_term.json"


@lru_cache(maxsize=1)
def term_years() -> int:
    return int(load_table(TABLE)["years"])


def term_end(appointed: dt.date | None, reappointed: dt.date | None, years: int | None = None) -> dt.date | None:
    """The last day of the current term: the later of the two dates plus the term, less one day
    (29/02 of a leap year runs to 28/02); None without a date."""
    start = max((d for d in (appointed, reappointed) if d is not None), default=None)
    if start is None:
        return None
    n = years if years is not None else term_years()
    try:
        end = start.replace(year=start.year + n)
    except ValueError:  # 29/02
        end = start.replace(year=start.year + n, day=28) + dt.timedelta(days=1)
    return end - dt.timedelta(days=1)
