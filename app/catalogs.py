"""Catalogs, ngạch codes, salary tables and lương cơ sở: CSV data in ``resources/catalogs`` → database.

Why data, not code: many values are only secondary or unconfirmed in REFERENCE.md (province mergers,
grade classes, the 2026 base salary); they must be correctable by editing a CSV, without a release,
and every row keeps its confidence label. ``SOURCES.md`` next to the CSV files says where each list
comes from.

Why codes: a person stores catalog *codes*, so a dossier moves between the local and the city
database unchanged. What a user types ("hmong", "Quảng Nam", "TP.HCM", "phat giao") becomes a code
through :func:`resolve`; importers build one :class:`CatalogIndex` and resolve any number of values
without a query.

The reference tables change only through :func:`load_catalogs`, so :func:`resolve`, :func:`name`,
:func:`grade`, :func:`scale_steps` and :func:`base_salary_on` read an in-memory copy cached per
engine. Code that writes these tables any other way must call :func:`clear_cache`.
"""

from __future__ import annotations

import bisect
import csv
import datetime as dt
import json
import re
import weakref
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from app.resources import resource_path
from app.text import fold, nfc
from models.catalog import BaseSalary, CatalogItem, Grade, SalaryScaleStep

CURRENT_GRADE_LIST = "TT02-2021"  # Thông tư 02/2021/TT-BNV and the sector lists in force
OLD_GRADE_LIST = "QD78-2004"  # Quyết định 78/2004/QĐ-BNV and other superseded meanings

_CENT = Decimal("0.01")
# Ignored when names are compared: spaces, hyphens and dashes, apostrophes, dots ("TP.HCM").
_IGNORED = re.compile(r"[\s\-\u2010-\u2015'`\u00b4\u2018\u2019\u02bc.]+")


@dataclass(frozen=True)
class CatalogEntry:
    code: str
    name: str
    attrs: dict[str, Any] = field(default_factory=dict, hash=False)

    @property
    def aliases(self) -> tuple[str, ...]:
        return tuple(self.attrs.get("aliases") or ())


@dataclass(frozen=True)
class GradeInfo:
    code: str
    list_version: str
    name: str
    salary_scale: str
    salary_class: str
    staff_type: str | None


@dataclass(frozen=True)
class ScaleStep:
    step: int
    coefficient: Decimal
    interval_months: int


def match_key(text: str | None) -> str:
    """The form two names are compared in: folded, without spaces, hyphens, apostrophes or dots
    ("Ba-na" = "ba na", "H'Mông" = "hmong", "TP. HCM" = "tphcm")."""
    return _IGNORED.sub("", fold(text))


def _read_csv(path: Path) -> tuple[dict[str, str], ...]:
    stat = path.stat()  # the cache key includes the file's state: an edited file is read again
    return _read_csv_cached(path, stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=16)
def _read_csv_cached(path: Path, _mtime_ns: int, _size: int) -> tuple[dict[str, str], ...]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return tuple({key: nfc(value) for key, value in row.items() if key} for row in csv.DictReader(fh))


def _date(text: str) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _item_values(row: Mapping[str, str]) -> dict[str, Any]:
    attrs = json.loads(row["attrs"]) if row["attrs"] else {}
    if not isinstance(attrs, dict):
        raise ValueError(f"catalog {row['catalog']} {row['code']}: attrs must be a JSON object")
    attrs["aliases"] = [alias.strip() for alias in row["aliases"].split("|") if alias.strip()]
    return {"catalog": row["catalog"], "code": row["code"], "name": row["name"], "name_fold": fold(row["name"]),
            "sort_order": int(row["sort_order"] or 0), "attrs": attrs, "source": row["source"] or None,
            "confidence": row["confidence"] or None}


def _grade_values(row: Mapping[str, str]) -> dict[str, Any]:
    return {"code": row["code"], "list_version": row["list_version"], "name": row["name"],
            "salary_scale": row["salary_scale"], "salary_class": row["salary_class"],
            "staff_type": row["staff_type"] or None, "valid_from": _date(row["valid_from"]),
            "valid_to": _date(row["valid_to"]), "confidence": row["confidence"] or None}


def _step_values(row: Mapping[str, str]) -> dict[str, Any]:
    # The file's confidence column documents the row; the table has no place for it.
    return {"salary_scale": row["salary_scale"], "salary_class": row["salary_class"], "step": int(row["step"]),
            "coefficient": Decimal(row["coefficient"]), "interval_months": int(row["interval_months"])}


def _base_values(row: Mapping[str, str]) -> dict[str, Any]:
    return {"effective_from": dt.date.fromisoformat(row["effective_from"]), "amount": Decimal(row["amount"]),
            "instrument": row["instrument"] or None, "confidence": row["confidence"] or None}


@dataclass(frozen=True)
class _Table:
    name: str
    model: type[Any]
    key: tuple[str, ...]
    file: str
    values: Callable[[Mapping[str, str]], dict[str, Any]]


_TABLES = (
    _Table("catalog_items", CatalogItem, ("catalog", "code"), "catalog_items.csv", _item_values),
    _Table("grades", Grade, ("code", "list_version"), "grades.csv", _grade_values),
    _Table("salary_scale_steps", SalaryScaleStep, ("salary_scale", "salary_class", "step"),
           "salary_scales.csv", _step_values),
    _Table("base_salaries", BaseSalary, ("effective_from",), "base_salaries.csv", _base_values),
)


def _rows(table: _Table, directory: Path) -> list[dict[str, Any]]:
    rows = [table.values(row) for row in _read_csv(directory / table.file)]
    keys = [tuple(row[k] for k in table.key) for row in rows]
    if len(set(keys)) != len(keys):
        duplicates = sorted({str(k) for k in keys if keys.count(k) > 1})
        raise ValueError(f"{table.file}: duplicate keys {', '.join(duplicates)}")
    return rows


# --------------------------------------------------------------------------- loading


def load_catalogs(session: Session, directory: Path | None = None) -> dict[str, int]:
    """Insert the missing rows of the four CSV files and update the changed ones; nothing is deleted
    (a person may still hold a code that left a list). Idempotent; flushes, the caller commits.

    Returns the number of rows in each table afterwards (``catalog_items``, ``grades``,
    ``salary_scale_steps``, ``base_salaries``).
    """
    folder = directory if directory is not None else resource_path("catalogs")
    for table in _TABLES:
        _upsert(session, table, _rows(table, folder))
    session.flush()
    clear_cache(session)
    return {t.name: session.scalar(select(func.count()).select_from(t.model)) or 0 for t in _TABLES}


def _upsert(session: Session, table: _Table, rows: Iterable[dict[str, Any]]) -> None:
    existing = {tuple(getattr(obj, k) for k in table.key): obj for obj in session.scalars(select(table.model))}
    for values in rows:
        obj = existing.get(tuple(values[k] for k in table.key))
        if obj is None:
            session.add(table.model(**values))
            continue
        for name, value in values.items():
            if getattr(obj, name) != value:
                setattr(obj, name, value)


# --------------------------------------------------------------------------- resolving names


class CatalogIndex:
    """Every catalog in memory: user text → code and code → name, with no query per value."""

    def __init__(self, entries: Mapping[str, Sequence[CatalogEntry]]) -> None:
        self._entries = {catalog: tuple(items) for catalog, items in entries.items()}
        self._by_code = {c: {e.code.upper(): e for e in items} for c, items in self._entries.items()}
        self._numbers = {c: _numeric_codes(items) for c, items in self._entries.items()}
        self._keys: dict[str, dict[str, str]] = {}
        self._clashes: dict[str, set[str]] = {}
        for catalog, items in self._entries.items():
            self._keys[catalog], self._clashes[catalog] = _match_keys(items)

    @classmethod
    def load(cls, session: Session) -> CatalogIndex:
        """All catalogs in one query."""
        grouped: dict[str, list[CatalogEntry]] = {}
        query = select(CatalogItem).order_by(CatalogItem.catalog, CatalogItem.sort_order, CatalogItem.code)
        for item in session.scalars(query):
            grouped.setdefault(item.catalog, []).append(_entry(item))
        return cls(grouped)

    def catalogs(self) -> list[str]:
        return sorted(self._entries)

    def entries(self, catalog: str) -> list[CatalogEntry]:
        return list(self._entries.get(catalog, ()))

    def entry(self, catalog: str, code: str | None) -> CatalogEntry | None:
        return self._by_code.get(catalog, {}).get(nfc(code).upper()) if code else None

    def name(self, catalog: str, code: str | None) -> str | None:
        entry = self.entry(catalog, code)
        return entry.name if entry else None

    def resolve(self, catalog: str, value: object) -> str | None:
        """The code for a typed value: the code itself (any case; "1" for "01"), else the name or
        an alias compared by :func:`match_key`. None when unknown or ambiguous."""
        text = nfc(value) if value is not None else ""
        if not text or catalog not in self._entries:
            return None
        entry = self._by_code[catalog].get(text.upper())
        if entry is not None:
            return entry.code
        if text.isascii() and text.isdecimal():  # "1" for "01"; not "¹" or "١" (int() refuses those or reads them)
            return self._numbers[catalog].get(int(text))
        return self._keys[catalog].get(match_key(text))

    def ambiguous_keys(self, catalog: str) -> set[str]:
        """Alias keys shared by two codes of a catalog (dropped from matching; a data error)."""
        return set(self._clashes.get(catalog, set()))


def _entry(item: CatalogItem) -> CatalogEntry:
    return CatalogEntry(item.code, item.name, dict(item.attrs or {}))


def _numeric_codes(items: Sequence[CatalogEntry]) -> dict[int, str]:
    numbers: dict[int, str] = {}
    for entry in items:
        if entry.code.isdigit():
            numbers.setdefault(int(entry.code), entry.code)
    return numbers


def _match_keys(items: Sequence[CatalogEntry]) -> tuple[dict[str, str], set[str]]:
    """Names win over aliases; an alias shared by two codes matches neither."""
    keys: dict[str, str] = {}
    clashes: set[str] = set()
    for entry in items:
        for alias in entry.aliases:
            key = match_key(alias)
            if keys.setdefault(key, entry.code) != entry.code:
                clashes.add(key)
    for key in clashes:
        keys.pop(key, None)
    for entry in items:
        keys[match_key(entry.name)] = entry.code
    for entry in items:
        if not entry.code.isdigit():
            keys.setdefault(match_key(entry.code), entry.code)
    return keys, clashes


def entries(session: Session, catalog: str) -> list[CatalogEntry]:
    """The values of one catalog in display order (read from the database, not the cache)."""
    query = (select(CatalogItem).where(CatalogItem.catalog == catalog)
             .order_by(CatalogItem.sort_order, CatalogItem.code))
    return [_entry(item) for item in session.scalars(query)]


def resolve(session: Session, catalog: str, value: object) -> str | None:
    """The code for a user-typed value of ``catalog`` (see :meth:`CatalogIndex.resolve`)."""
    return index(session).resolve(catalog, value)


def name(session: Session, catalog: str, code: str | None) -> str | None:
    return index(session).name(catalog, code)


# --------------------------------------------------------------------------- grades and salary


def grade(session: Session, code: str | None, on: dt.date | None = None) -> GradeInfo | None:
    """The meaning of a ngạch / chức danh code: the version valid on ``on`` (a date before
    01/8/2021 gives the QĐ 78/2004 meaning of a code that changed), by default the current list.
    A code known only outside its validity still resolves to that version."""
    versions = _cache(session).grades.get(nfc(code)) if code else None
    if not versions:
        return None
    if on is not None:
        valid = [g for g in versions if _valid_on(g, on)]
        versions = valid or versions
    return min(versions, key=_preference)[0]


def grades(session: Session, on: dt.date | None = None) -> list[GradeInfo]:
    """One entry per code (the version :func:`grade` would choose), ordered by code."""
    found = (grade(session, code, on) for code in sorted(_cache(session).grades))
    return [g for g in found if g is not None]


def scale_steps(session: Session, salary_scale: str, salary_class: str) -> list[ScaleStep]:
    """The steps of a salary class (Bảng ``B2``/``B3``/``B4`` of NĐ 204/2004), ordered by step."""
    return list(_cache(session).steps.get((salary_scale, salary_class), ()))


def base_salary_on(session: Session, day: dt.date) -> Decimal | None:
    """Lương cơ sở in force on ``day`` (None before the first dated amount)."""
    dates, amounts = _cache(session).base
    position = bisect.bisect_right(dates, day)
    return amounts[position - 1] if position else None


_GradeVersion = tuple[GradeInfo, tuple[dt.date | None, dt.date | None]]


def _valid_on(version: _GradeVersion, day: dt.date) -> bool:
    start, end = version[1]
    return (start is None or start <= day) and (end is None or day <= end)


def _preference(version: _GradeVersion) -> tuple[bool, int]:
    """The current list first, then the most recent start."""
    start = version[1][0]
    return version[0].list_version != CURRENT_GRADE_LIST, -(start.toordinal() if start else 0)


def _coefficient(value: Decimal) -> Decimal:
    """2.340 (a NUMERIC(6,3) read back) → 2.34, as the tables print it."""
    rounded = value.quantize(_CENT)
    return rounded if rounded == value else value


def _amount(value: Decimal) -> Decimal:
    """2340000.000 → 2340000 (đồng have no fraction)."""
    whole = value.to_integral_value()
    return whole if whole == value else value


# --------------------------------------------------------------------------- per-engine cache


@dataclass
class _Cache:
    grades: dict[str, list[_GradeVersion]]
    steps: dict[tuple[str, str], tuple[ScaleStep, ...]]
    base: tuple[list[dt.date], list[Decimal]]
    index: CatalogIndex | None = None  # read on first use: the first window needs the grades only (issue 17)


_CACHES: weakref.WeakKeyDictionary[Engine, _Cache] = weakref.WeakKeyDictionary()


def _engine(session: Session) -> Engine | None:
    bind = session.get_bind()
    engine = getattr(bind, "engine", bind)
    return engine if isinstance(engine, Engine) else None


def index(session: Session) -> CatalogIndex:
    """The catalog index of this database, cached per engine (cleared by ``load_catalogs``); read
    on first use, not with the grades the first window's filter needs (start-up, issue 17)."""
    cached = _cache(session)
    if cached.index is None:
        cached.index = CatalogIndex.load(session)
    return cached.index


def clear_cache(session: Session | None = None) -> None:
    """Forget the cached tables of the session's engine (of every engine when None)."""
    if session is None:
        _CACHES.clear()
        return
    engine = _engine(session)
    if engine is not None:
        _CACHES.pop(engine, None)


def _cache(session: Session) -> _Cache:
    engine = _engine(session)
    cached = _CACHES.get(engine) if engine is not None else None
    if cached is None:
        cached = _build_cache(session)
        if engine is not None:
            _CACHES[engine] = cached
    return cached


def _build_cache(session: Session) -> _Cache:
    versions: dict[str, list[_GradeVersion]] = {}
    # Core rows (column names as the attributes): no ORM objects for the ~400 rows the first window's
    # grade filter waits for (start-up, issue 17)
    grade, step, base_salary = Grade.__table__.c, SalaryScaleStep.__table__.c, BaseSalary.__table__.c
    for g in session.execute(select(grade.code, grade.list_version, grade.name, grade.salary_scale, grade.salary_class,
                                    grade.staff_type, grade.valid_from, grade.valid_to)
                             .order_by(grade.code, grade.list_version)):
        info = GradeInfo(g.code, g.list_version, g.name, g.salary_scale, g.salary_class, g.staff_type)
        versions.setdefault(g.code, []).append((info, (g.valid_from, g.valid_to)))
    steps: dict[tuple[str, str], list[ScaleStep]] = {}
    query = select(step.salary_scale, step.salary_class, step.step, step.coefficient, step.interval_months).order_by(
        step.salary_scale, step.salary_class, step.step)
    for s in session.execute(query):
        steps.setdefault((s.salary_scale, s.salary_class), []).append(
            ScaleStep(s.step, _coefficient(Decimal(s.coefficient)), s.interval_months))
    base = list(session.execute(select(base_salary.effective_from, base_salary.amount)
                                .order_by(base_salary.effective_from)))
    return _Cache(grades=versions,
                  steps={key: tuple(value) for key, value in steps.items()},
                  base=([b.effective_from for b in base], [_amount(Decimal(b.amount)) for b in base]))
