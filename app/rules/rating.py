"""The rating of civil servants under NĐ 335/2025/NĐ-CP (REFERENCE §4.4), as pure functions.

A period (a month ``"1"``…``"12"`` or a quarter ``"Q1"``…``"Q4"``) is scored out of 100: the general
criteria (/30) and the task results (/70), the latter given whole or from its quantity, quality and
progress parts, each major error taking 25 % of the quality points and each delay 25 % of the
progress points. The year's score is the average of the periods worked (a period on sick or
maternity leave has no score and does not count), weighted by the months a period covers; the
level follows the thresholds, and a discipline of khiển trách or heavier in the year forces "không
hoàn thành" whatever the score. The quota: xuất sắc ≤ 20 % of tốt, per agency and per task group.

Every number and list is data (``resources/rules/rating.json``, each entry with its source and
confidence); the part weights, the rounding and the month weighting are unconfirmed [U].
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from typing import Any

from app.rules import load_table

TABLE = "rating.json"
LEVELS = ("xuat_sac", "tot", "hoan_thanh", "khong_hoan_thanh")
MONTHS = tuple(str(m) for m in range(1, 13))
QUARTERS = ("Q1", "Q2", "Q3", "Q4")


@lru_cache(maxsize=1)
def table() -> dict[str, Any]:
    return load_table(TABLE)


def label(level: str) -> str:
    return str(table()["labels"][level])


def level_of_label(text: str | None) -> str | None:
    """The level code a stored Vietnamese label (or a code, or HTXSNV/HTTNV/HTNV/KHTNV) names."""
    if not text:
        return None
    key = _fold(text)
    for code, name in table()["labels"].items():
        if key in (_fold(name), code.replace("_", " ")):
            return code
    return {"htxsnv": "xuat_sac", "httnv": "tot", "htnv": "hoan_thanh", "khtnv": "khong_hoan_thanh"}.get(key)


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFD", text).replace("đ", "d").replace("Đ", "D")
    return " ".join("".join(c for c in text if unicodedata.category(c) != "Mn").lower().replace("_", " ").split())


def normalize_period(value: object) -> str:
    """``"3"``, ``3``, ``"03"``, ``"q2"``, ``"Quý 2"`` → ``"3"``/``"Q2"``; ValueError otherwise."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = _fold(str(value if value is not None else "")).replace(" ", "")
    for prefix in ("quy", "q"):
        if text.startswith(prefix) and text[len(prefix):] in ("1", "2", "3", "4"):
            return "Q" + text[len(prefix):]
    if text.isdigit() and 1 <= int(text) <= 12:
        return str(int(text))
    raise ValueError("kỳ phải là tháng 1–12 hoặc quý Q1–Q4")


def period_months(period: str) -> tuple[int, ...]:
    if period.startswith("Q"):
        q = int(period[1:])
        return (3 * q - 2, 3 * q - 1, 3 * q)
    return (int(period),)


def task_from_parts(quantity_percent: Decimal, quality_percent: Decimal, progress_percent: Decimal,
                    major_errors: int = 0, delays: int = 0) -> Decimal:
    """The task score (/70) from its three parts in %, with the −25 % deductions (floored at 0)."""
    parts = table()["task_parts"]
    cut = Decimal(table()["deduction_percent"]["value"]) / 100
    for name, pct in (("quantity", quantity_percent), ("quality", quality_percent), ("progress", progress_percent)):
        if not Decimal(0) <= pct <= Decimal(100):
            raise ValueError(f"{name}: phải từ 0 đến 100 %")
    quality_factor = max(Decimal(0), 1 - cut * major_errors)
    progress_factor = max(Decimal(0), 1 - cut * delays)
    score = (Decimal(parts["quantity"]) * quantity_percent / 100
             + Decimal(parts["quality"]) * quality_percent / 100 * quality_factor
             + Decimal(parts["progress"]) * progress_percent / 100 * progress_factor)
    return score.quantize(Decimal("0.01"), ROUND_HALF_UP)


def check_scores(general: Decimal | None, task: Decimal | None) -> list[tuple[str, str]]:
    """(field, message) for scores out of range."""
    problems = []
    for field, value, top in (("general", general, table()["general_max"]["value"]),
                              ("task", task, table()["task_max"]["value"])):
        if value is not None and not Decimal(0) <= value <= Decimal(top):
            problems.append((field, f"phải từ 0 đến {top}"))
    return problems


@dataclass(frozen=True)
class Period:
    period: str
    general: Decimal | None
    task: Decimal | None
    leave: str | None = None

    @property
    def total(self) -> Decimal | None:
        if self.leave or self.general is None or self.task is None:
            return None
        return self.general + self.task


@dataclass(frozen=True)
class YearResult:
    year: int
    score: Decimal | None  # None: no period scored (not rated)
    level: str | None
    forced: str | None  # why "không hoàn thành" was forced, or None
    months_scored: int


def overlapping(periods: Iterable[str]) -> list[str]:
    """Periods of one year that cover a month already covered (a month and its quarter)."""
    seen: set[int] = set()
    clash = []
    for p in periods:
        months = set(period_months(p))
        if months & seen:
            clash.append(p)
        seen |= months
    return clash


@lru_cache(maxsize=1)
def _thresholds() -> tuple[tuple[str, Decimal], ...]:
    return tuple((str(code), Decimal(str(value))) for code, value in table()["levels"]["thresholds"])


def level_for(score: Decimal) -> str:
    for code, threshold in _thresholds():
        if score >= threshold:
            return code
    return str(table()["levels"]["below"])


def weights() -> tuple[int, int]:
    """(months a month counts for, months a quarter counts for)."""
    w = table()["period_weight_months"]
    return int(w["month"]), int(w["quarter"])


def year_result(year: int, periods: Iterable[Period], disciplines: Iterable[Mapping[str, Any]] = ()) -> YearResult:
    """The year's average score and level. ``disciplines``: ``{"kind", "form", "start_date"}`` rows."""
    month_w, quarter_w = weights()
    total = Decimal(0)
    months = 0
    for p in periods:
        value = p.total
        if value is None:
            continue
        w = quarter_w if p.period.startswith("Q") else month_w
        total += value * w
        months += w
    return year_from_sums(year, total, months, disciplines)


def year_from_sums(year: int, total: Decimal, months: int, disciplines: Iterable[Mapping[str, Any]] = ()) -> YearResult:
    """The year from the month-weighted sum of the period totals and the months they cover (the
    bulk check sums in SQL, exactly, in hundredths of a point)."""
    forced = forced_reason(year, disciplines)
    minimum = table()["min_scored_months"]["value"]
    if months == 0 or (minimum is not None and months < int(minimum)):
        return YearResult(year, None, "khong_hoan_thanh" if forced else None, forced, months)
    digits = int(table()["score_decimals"]["value"])
    score = (total / months).quantize(Decimal(1).scaleb(-digits), ROUND_HALF_UP)
    return YearResult(year, score, "khong_hoan_thanh" if forced else level_for(score), forced, months)


@lru_cache(maxsize=1)
def _forced_forms() -> tuple[str, ...]:
    return tuple(_fold(f) for f in table()["forced_fail"]["discipline_forms"])


def forced_reason(year: int, disciplines: Iterable[Mapping[str, Any]]) -> str | None:
    rule = table()["forced_fail"]
    forms = _forced_forms()
    for d in disciplines:
        start = d.get("start_date")
        if start is None or start.year != year or d.get("kind") not in rule["discipline_kinds"]:
            continue
        form = _fold(d.get("form") or "")
        if any(f in form for f in forms):
            return f"kỷ luật {d.get('form')} ({start:%d/%m/%Y})"
    return None


def quota_ok(counts: Mapping[str, int]) -> bool:
    """xuất sắc ≤ 20 % of tốt (integer arithmetic: no rounding at the boundary)."""
    pct = int(table()["quota"]["xuat_sac_percent_of_tot"])
    return counts.get("xuat_sac", 0) * 100 <= pct * counts.get("tot", 0)


TASK_GROUPINGS = ("position_group", "position", "agency")


def task_grouping() -> str:
    """How people are put into the "nhóm nhiệm vụ tương đồng" of the quota (``rating.json``
    ``task_group``, [U]): by the group of their position, by their position, or not at all."""
    by = str(table()["task_group"]["by"])
    if by not in TASK_GROUPINGS:
        raise ValueError(f"rating.json task_group.by: '{by}' không phải một trong {', '.join(TASK_GROUPINGS)}")
    return by


def task_group(group_code: str | None, position_code: str | None, position_unit: str | None = None) -> str:
    """The key of a person's task group ("-": no position; "*": the whole agency)."""
    by = task_grouping()
    if by == "agency":
        return "*"
    if by == "position":
        return f"{position_unit or ''}/{position_code}" if position_code else "-"
    return group_code or "-"


def step_raise_blocking(level: str | None) -> bool:
    return level in table()["step_raise"]["blocking_levels"]
