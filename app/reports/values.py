"""How dossier values read on paper, shared by the profile forms, the list and the statistics.

The profile printers take the Person JSON (``app.person_json``), a plain dict with ISO dates;
this module turns its values into what the forms show: ``dd/mm/yyyy`` dates, ``mm/yyyy`` where
the form asks for "tháng, năm", coefficients with a decimal comma, money with dot thousands, and
catalog / grade names read from ``resources/catalogs`` (the same files the database is loaded
from, so a printer needs no session).

It also chooses what a *summary* item of a form prints when the dossier keeps a list instead:
the summary field wins; without it the best row of the list is used (see the ``*_summary``
functions and their ranking rules).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
from collections.abc import Iterable, Mapping
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any

from app.catalogs import CURRENT_GRADE_LIST
from app.resources import resource_path
from app.text import fold, nfc

Row = Mapping[str, Any]
BLANK = "……"  # an empty blank inside a line of the form
BLANK_DATE = "…/…/……"


def as_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and len(value) >= 10:
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def day(value: Any) -> str:
    """``2020-09-01`` → ``01/09/2020`` (empty when unknown)."""
    d = as_date(value)
    return f"{d:%d/%m/%Y}" if d else ""


def month_year(value: Any) -> str:
    """``2020-09-01`` → ``09/2020``: the form says "tháng, năm"."""
    d = as_date(value)
    return f"{d:%m/%Y}" if d else ""


def period(start: Any, end: Any, *, open_end: str = "nay") -> str:
    """``09/2003 - 06/2007``; a row without an end runs until ``nay`` (now)."""
    first, last = month_year(start), month_year(end)
    if not first and not last:
        return ""
    return f"{first or '…/……'} - {last or open_end}"


def number(value: Any, places: int = 2) -> str:
    """THE number format of HoSo's coefficients (forms, lists, and the desktop preview, which
    should call this too): a decimal comma and at least two decimals, as the salary tables of
    NĐ 204/2004 print them: 3 → ``3,00``, 3.66 → ``3,66``, 0.2 → ``0,20``, 2.345 → ``2,345``;
    a text with a decimal comma ("3,0") is read too. ``places=0`` for percentages (``85``)."""
    if value is None or value == "":
        return ""
    try:
        d = Decimal(str(value).strip().replace(",", ".") if isinstance(value, str) else str(value))
    except InvalidOperation:
        return nfc(value)
    if not d.is_finite():
        return nfc(value)
    exponent = d.normalize().as_tuple().exponent
    digits = max(places, -exponent if isinstance(exponent, int) else places)
    return f"{d:.{digits}f}".replace(".", ",")


def from_to(start: Any, end: Any, *, open_end: str = "nay") -> tuple[str, str]:
    """The "Từ" and "Đến" cells of a dated row (``mm/yyyy``): a row that has begun and not ended
    runs until ``nay``, as :func:`period` prints it on 2C."""
    first, last = month_year(start), month_year(end)
    return first, last or (open_end if first else "")


def money(value: Any) -> str:
    """250000000 → ``250.000.000`` (đồng have no fraction)."""
    if value is None or value == "":
        return ""
    try:
        return f"{int(Decimal(str(value))):,}".replace(",", ".")
    except (InvalidOperation, ValueError):
        return nfc(value)


def text(value: Any) -> str:
    return "" if value is None else nfc(value)


def joined(values: Iterable[Any], sep: str = "; ") -> str:
    return sep.join(t for t in (text(v) for v in values) if t)


DECEASED = "Đã mất"


def family_details(row: Row) -> str:
    """The last column of a family row: "Đã mất" said once, first, then the details.

    A relative can be marked deceased twice over — the ``deceased`` flag and "đã mất" typed in
    the details (the demo data and many imported files do both). A bare "đã mất" between
    separators is dropped in favour of the one mark; a detail that says more ("đã mất năm
    2010") is kept as typed, and then no second mark is added."""
    details = text(row.get("details"))
    if _DIED_MORE.search(details):
        return details
    bare = _DIED.search(details) is not None
    rest = _DIED.sub("", details)
    rest = rest.strip(" ,;.\n")
    if row.get("deceased") or bare:
        return joined((DECEASED, rest))
    return details


# "đã mất" as a whole part of the details (between the start, ",", ";", "." or a line end)
_DIED = re.compile(r"(^|[,;.\n])\s*đã\s+mất\s*(?=([,;.\n]|$))", re.IGNORECASE)
_DIED_MORE = re.compile(r"đã\s+mất\s+[^\s,;.]", re.IGNORECASE)
def unit_labels(tree: Mapping[Any, tuple[str, Any]], unit_ids: Iterable[Any]) -> dict[Any, str]:
    """How a list names each of ``unit_ids`` so no two of them read alike: the shortest suffix of
    the unit's path (its own name, then its parent's, …) that no other listed unit shares.

    "Văn phòng HĐND và UBND" is in every commune: listed together they read "Văn phòng HĐND và
    UBND (UBND xã Điện Minh)", "Văn phòng HĐND và UBND (UBND phường Hải Châu)"; a unit whose name
    is unique in the list keeps its bare name. ``tree`` maps a unit id to (name, parent id)."""
    def path(uid: Any) -> list[str]:
        names, seen = [], set()
        while uid in tree and uid not in seen:
            seen.add(uid)
            name, uid = tree[uid]
            names.append(text(name))
        return names  # lowest first

    paths = {uid: path(uid) for uid in dict.fromkeys(unit_ids) if uid in tree}
    depth = dict.fromkeys(paths, 1)
    while True:
        by_label: dict[tuple[str, ...], list[Any]] = {}
        for uid, names in paths.items():
            by_label.setdefault(tuple(names[:depth[uid]]), []).append(uid)
        grow = [uid for same in by_label.values() if len(same) > 1 for uid in same if depth[uid] < len(paths[uid])]
        if not grow:
            break
        for uid in grow:
            depth[uid] += 1

    def label(names: list[str]) -> str:
        return names[0] if len(names) == 1 else f"{names[0]} ({' – '.join(names[1:])})"

    return {uid: label(names[:depth[uid]]) for uid, names in paths.items()}


# --------------------------------------------------------------------------- catalogs


@lru_cache(maxsize=1)
def _catalog_rows() -> dict[str, dict[str, tuple[str, dict[str, Any]]]]:
    result: dict[str, dict[str, tuple[str, dict[str, Any]]]] = {}
    with resource_path("catalogs", "catalog_items.csv").open(encoding="utf-8-sig", newline="") as fh:
        for row in csv.DictReader(fh):
            attrs = json.loads(row["attrs"]) if row.get("attrs") else {}
            result.setdefault(row["catalog"], {})[row["code"].upper()] = (nfc(row["name"]), attrs)
    return result


def catalog_name(catalog: str, code: Any) -> str:
    """The name of a catalog code (the code itself when the catalog does not know it)."""
    if not code:
        return ""
    found = _catalog_rows().get(catalog, {}).get(str(code).upper())
    return found[0] if found else text(code)


def catalog_attrs(catalog: str, code: Any) -> dict[str, Any]:
    """The attributes of a catalog code (``rank``, ``bm01``…); empty when unknown."""
    found = _catalog_rows().get(catalog, {}).get(str(code).upper()) if code else None
    return found[1] if found else {}


def catalog_rank(catalog: str, code: Any) -> int:
    """The ``rank`` attribute of a level (higher = more advanced); 0 when unknown."""
    found = _catalog_rows().get(catalog, {}).get(str(code).upper()) if code else None
    return int(found[1].get("rank") or 0) if found else 0


@lru_cache(maxsize=1)
def _grades() -> dict[tuple[str, str], str]:
    with resource_path("catalogs", "grades.csv").open(encoding="utf-8-sig", newline="") as fh:
        return {(row["code"], row["list_version"]): nfc(row["name"]) for row in csv.DictReader(fh)}


def grade_name(code: Any, list_version: Any = None) -> str:
    """Ngạch / chức danh nghề nghiệp name of a code in its list version (the current list by default)."""
    if not code:
        return ""
    names = _grades()
    return (names.get((str(code), str(list_version or CURRENT_GRADE_LIST)))
            or names.get((str(code), CURRENT_GRADE_LIST))
            or next((n for (c, _), n in names.items() if c == code), ""))


# --------------------------------------------------------------------------- summaries


def rows(doc: Row, section: str, **match: Any) -> list[Row]:
    """The rows of a section whose fields equal ``match`` (e.g. ``kind="it"``)."""
    return [r for r in doc.get(section) or () if all(r.get(k) == v for k, v in match.items())]


def chronological(doc: Row, section: str) -> list[Row]:
    """A section's rows by start date (rows without one keep their place at the end): the forms
    list careers and training in time order whatever order they were typed in."""
    return sorted(doc.get(section) or (), key=lambda r: (r.get("start_date") is None, r.get("start_date") or ""))


def _latest(items: Iterable[Row]) -> Row | None:
    ordered = sorted(items, key=lambda r: (r.get("end_date") or r.get("start_date") or "", r.get("seq", 0)))
    return ordered[-1] if ordered else None


def _best(items: list[Row], catalog: str) -> Row | None:
    """The row with the highest catalog level; ties (and rows without a level) by recency."""
    ranked = sorted(items, key=lambda r: (catalog_rank(catalog, r.get("level_code")),
                                          r.get("end_date") or r.get("start_date") or ""))
    return ranked[-1] if ranked else None


def professional_summary(doc: Row) -> str:
    """2C 15.2 / HS02 20: the level and major; else the highest professional training row."""
    level = doc.get("professional_level") or catalog_name("professional_level", doc.get("professional_level_code"))
    major = text(doc.get("professional_major"))
    if level:
        return f"{level}, chuyên ngành {major}" if major else text(level)
    best = _best(rows(doc, "training", kind="professional"), "professional_level")
    if best is None:
        return ""
    return joined((best.get("qualification") or catalog_name("professional_level", best.get("level_code")),
                   best.get("major")), ", ")


def _level_or_row(doc: Row, field: str, catalog: str, kind: str) -> str:
    name = doc.get(field.removesuffix("_code")) or catalog_name(catalog, doc.get(field))
    if name:
        return text(name)
    best = _best(rows(doc, "training", kind=kind), catalog)
    return text(best.get("qualification") or catalog_name(catalog, best.get("level_code"))) if best else ""


def political_summary(doc: Row) -> str:
    return _level_or_row(doc, "political_theory_code", "political_theory", "political_theory")


def state_management_summary(doc: Row) -> str:
    return _level_or_row(doc, "state_management_code", "state_management", "state_management")


def language_summary(doc: Row) -> str:
    """2C 15.5 "Tên ngoại ngữ + Trình độ": the field; else the latest certificate of each language."""
    if doc.get("foreign_language"):
        return text(doc["foreign_language"])
    latest: dict[str, Row] = {}
    for row in sorted(rows(doc, "training", kind="language"), key=lambda r: r.get("end_date") or ""):
        latest[fold(row.get("language") or row.get("major") or "")] = row
    return joined(joined((r.get("language") or r.get("major"), r.get("qualification")), " ") for r in latest.values())


def it_summary(doc: Row) -> str:
    if doc.get("it_level"):
        return text(doc["it_level"])
    row = _latest(rows(doc, "training", kind="it"))
    return text(row.get("qualification")) if row else ""


# Reward forms from the highest down, by words of the folded title (HoSo's reading of Luật Thi
# đua, khen thưởng: orders > medals > the Prime Minister's certificate > emulation titles > …).
_REWARD_RANKS = (("huan chuong", 9), ("danh hieu vinh du", 9), ("chien si thi dua toan quoc", 8),
                 ("huy chuong", 7), ("bang khen cua thu tuong", 7), ("co thi dua", 6),
                 ("chien si thi dua", 5), ("bang khen", 4), ("giay khen", 2), ("lao dong tien tien", 1))
_DISCIPLINE_RANKS = (("khai tru", 8), ("buoc thoi viec", 7), ("cach chuc", 6), ("bai nhiem", 6),
                     ("giang chuc", 5), ("ha bac luong", 4), ("canh cao", 3), ("khien trach", 2))


def _rank(title: Any, table: tuple[tuple[str, int], ...]) -> int:
    folded = fold(title)
    if "chien si thi dua co so" in folded:
        return 3
    return next((rank for words, rank in table if words in folded), 0)


def reward_summary(doc: Row) -> str:
    """2C 21 "hình thức cao nhất, năm nào": the field, else the highest reward (the latest on ties)."""
    if doc.get("reward_summary"):
        return text(doc["reward_summary"])
    items = doc.get("rewards") or []
    if not items:
        return ""
    best = max(items, key=lambda r: (_rank(r.get("title"), _REWARD_RANKS), r.get("year") or 0))
    return joined((best.get("title"), f"năm {best['year']}" if best.get("year") else ""), ", ")


def discipline_summary(doc: Row) -> str:
    """2C 22: the field, else the heaviest discipline (the latest on ties)."""
    if doc.get("discipline_summary"):
        return text(doc["discipline_summary"])
    items = doc.get("discipline") or []
    if not items:
        return ""
    best = max(items, key=lambda r: (_rank(r.get("form"), _DISCIPLINE_RANKS), r.get("start_date") or ""))
    year = (as_date(best.get("start_date")) or dt.date.min).year if best.get("start_date") else None
    return joined((best.get("form"), f"năm {year}" if year else ""), ", ")


def position_allowance(doc: Row) -> str:
    """Phụ cấp chức vụ: the field, else the open allowance row whose kind says "chức vụ"."""
    if doc.get("position_allowance") not in (None, ""):
        return number(doc["position_allowance"])
    open_rows = [r for r in doc.get("allowances") or () if "chuc vu" in fold(r.get("kind")) and not r.get("end_date")]
    row = _latest(open_rows)
    return number(row.get("coefficient")) if row and row.get("coefficient") is not None else ""


def other_allowance(doc: Row) -> str:
    if doc.get("other_allowance"):
        return text(doc["other_allowance"])
    others = [r for r in doc.get("allowances") or ()
              if "chuc vu" not in fold(r.get("kind")) and not r.get("end_date")]
    return joined(joined((r.get("kind"), number(r.get("coefficient")) or
                          (f"{number(r.get('percent'), 0)} %" if r.get("percent") else "")), " ") for r in others)
