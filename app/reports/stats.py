"""The quantity-and-quality report (báo cáo số lượng, chất lượng; BM01/BNV columns of Thông tư
11/2012/TT-BNV, REFERENCE.md §6), computed apart from its rendering so the figures can be checked.

One report counts ONE staff type (``staff_type``): ``cong_chuc`` (the BM01 report, the default)
or ``vien_chuc`` (its viên chức counterpart of the Thông tư 07/2019/TT-BNV era). Cán bộ and
contract workers (``hop_dong``) are in neither. Each report's form code, legal basis, receiving
body, quota and grade columns are data (``resources/reports/stats_forms.json``, with their
confidence labels).

Who counts, on ``as_of``: a person of that staff type, not deleted, with status "working", born and (when the date is
known) recruited by then, whose retirement date (NĐ 135/2020) is not before ``as_of``. Ages are
whole years on ``as_of``. Rows: each direct child unit of the chosen unit with its whole subtree,
plus a row for the people attached to the chosen unit itself; the total row is the whole tree.

Columns (keys from :func:`columns`): Nữ; Đảng viên (joined the Party by ``as_of``); Dân tộc thiểu
số (ethnicity known and not Kinh); Tôn giáo (religion known and not "Không"); ngạch, trình độ
chuyên môn, chính trị, QLNN, tin học and ngoại ngữ as ``resources/reports/stats_mapping.json``
documents (the viên chức report has the hạng of the chức danh nghề nghiệp instead of the
ngạch: Hạng I–IV); age bands ≤30, 31–40, 41–50, 51 to the retirement age, and "Trên tuổi nghỉ hưu" —
people who have reached their retirement age (Phụ lục I NĐ 135/2020, by birth month) but whose
retirement takes effect only at the end of that month. The header of the fourth band names the
ages that apply in ``as_of``'s year.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import catalogs
from app.errors import UserError
from app.reports import values as V
from app.resources import resource_path
from app.rules import retirement
from app.text import fold
from app.units import get_unit, list_units
from models import Person, Training, Unit

STAFF_TYPES = ("cong_chuc", "vien_chuc")  # CONTRACT.md: report stats --staff-type T
DEFAULT_STAFF_TYPE = "cong_chuc"


@lru_cache(maxsize=1)
def forms() -> dict[str, Any]:
    """Each staff type's report: form code, basis, title, receiver, quota and grade columns."""
    with resource_path("reports", "stats_forms.json").open(encoding="utf-8") as fh:
        data = json.load(fh)
    return {k: v for k, v in data.items() if not k.startswith("_")}


def check_staff_type(staff_type: str | None) -> str:
    """The staff type of a report; a clear Vietnamese refusal for anything else."""
    chosen = (staff_type or DEFAULT_STAFF_TYPE).strip()
    if chosen not in forms():
        raise UserError(f"Loại cán bộ '{staff_type}' (--staff-type) không có báo cáo thống kê; hãy chọn "
                        "cong_chuc (công chức, biểu BM01) hoặc vien_chuc (viên chức). Cán bộ và người lao động "
                        "hợp đồng không được tính vào hai báo cáo này.")
    return chosen


@dataclass(frozen=True)
class StatsColumn:
    key: str
    path: tuple[str, ...]  # header levels, top first; the last is the column's own label

    @property
    def label(self) -> str:
        return self.path[-1]


@dataclass(frozen=True)
class StatsRow:
    label: str
    unit_code: str | None
    values: dict[str, int | None] = field(default_factory=dict)

    def __getitem__(self, key: str) -> int | None:
        return self.values.get(key)


@dataclass(frozen=True)
class StatsTable:
    title: str
    unit_name: str
    as_of: dt.date
    columns: tuple[StatsColumn, ...]
    rows: tuple[StatsRow, ...]
    total: StatsRow
    staff_type: str = DEFAULT_STAFF_TYPE
    form_code: str = ""
    basis: str = ""
    receiver: str = ""

    def row(self, unit_code: str | None) -> StatsRow:
        return next(r for r in self.rows if r.unit_code == unit_code)


_IN = "Trong đó"
_LEVEL = "Trình độ"
_AGE = "Chia theo độ tuổi"
AGE_KEYS = ("tuoi_30", "tuoi_40", "tuoi_50", "tuoi_51_nghi_huu", "tuoi_tren_nghi_huu")


def columns(as_of: dt.date, staff_type: str = DEFAULT_STAFF_TYPE) -> tuple[StatsColumn, ...]:
    men = retirement.age_label(retirement.roadmap_age_months(as_of.year, "Nam"))
    women = retirement.age_label(retirement.roadmap_age_months(as_of.year, "Nữ"))
    form = forms()[check_staff_type(staff_type)]
    c = StatsColumn
    return (
        c("bien_che", (form["quota_label"],)), c("tong_so", (form["total_label"],)),
        c("nu", (_IN, "Nữ")), c("dang_vien", (_IN, "Đảng viên")), c("dan_toc", (_IN, "Dân tộc thiểu số")),
        c("ton_giao", (_IN, "Tôn giáo")),
        *(c(key, (form["grade_group"], label)) for key, label in form["grade_columns"]),
        *(c(k, (_LEVEL, "Chuyên môn", label)) for k, label in (
            ("cm_ts", "Tiến sĩ"), ("cm_ths", "Thạc sĩ"), ("cm_dh", "Đại học"), ("cm_cd", "Cao đẳng"),
            ("cm_tc", "Trung cấp"), ("cm_sc", "Sơ cấp"))),
        *(c(k, (_LEVEL, "Chính trị", label)) for k, label in (
            ("ct_cn", "Cử nhân"), ("ct_cc", "Cao cấp"), ("ct_tc", "Trung cấp"), ("ct_sc", "Sơ cấp"))),
        *(c(k, (_LEVEL, "Quản lý nhà nước", label)) for k, label in (
            ("ql_cvcc", "Chuyên viên cao cấp & TĐ"), ("ql_cvc", "Chuyên viên chính & TĐ"), ("ql_cv", "Chuyên viên & TĐ"))),
        c("th_tc", (_LEVEL, "Tin học", "Trung cấp trở lên")), c("th_cc", (_LEVEL, "Tin học", "Chứng chỉ")),
        c("nn_anh_dh", (_LEVEL, "Ngoại ngữ", "Anh văn", "Đại học trở lên")),
        c("nn_anh_cc", (_LEVEL, "Ngoại ngữ", "Anh văn", "Chứng chỉ")),
        c("nn_khac_dh", (_LEVEL, "Ngoại ngữ", "Ngoại ngữ khác", "Đại học trở lên")),
        c("nn_khac_cc", (_LEVEL, "Ngoại ngữ", "Ngoại ngữ khác", "Chứng chỉ")),
        c("nn_dan_toc", (_LEVEL, "Ngoại ngữ", "Chứng chỉ tiếng dân tộc")),
        c("tuoi_30", (_AGE, "Từ 30 trở xuống")), c("tuoi_40", (_AGE, "Từ 31 đến 40")),
        c("tuoi_50", (_AGE, "Từ 41 đến 50")),
        c("tuoi_51_nghi_huu", (_AGE, f"Từ 51 đến tuổi nghỉ hưu (nam {men}, nữ {women})")),
        c("tuoi_tren_nghi_huu", (_AGE, "Trên tuổi nghỉ hưu")),
    )


@lru_cache(maxsize=1)
def mapping() -> dict[str, Any]:
    with resource_path("reports", "stats_mapping.json").open(encoding="utf-8") as fh:
        return json.load(fh)


# --------------------------------------------------------------------------- classification

_PERSON_COLUMNS = (Person.id, Person.unit_id, Person.birth_date, Person.birth_year_only, Person.sex,
                   Person.party_join_date, Person.ethnicity_code, Person.religion_code, Person.grade_code,
                   Person.salary_since, Person.professional_level_code, Person.professional_major,
                   Person.political_theory_code, Person.state_management_code, Person.it_level,
                   Person.foreign_language, Person.recruitment_date)
_TRAINING_KINDS = ("professional", "political_theory", "state_management", "it", "language")


def _has(text: Any, words: Iterable[str]) -> bool:
    folded = f" {fold(text)} "
    return any(w in folded for w in words)


def _best_level(rows: Iterable[Mapping[str, Any]], catalog: str) -> str | None:
    ranked = [(V.catalog_rank(catalog, r["level_code"]), r["level_code"]) for r in rows if r["level_code"]]
    return max(ranked)[1] if ranked else None


class _Classifier:
    """Puts one person into the report's columns (see the module docstring and the JSON)."""

    def __init__(self, session: Session, as_of: dt.date, staff_type: str = DEFAULT_STAFF_TYPE):
        self.session, self.as_of, self.map = session, as_of, mapping()
        self.staff_type = staff_type
        index = catalogs.CatalogIndex.load(session)
        self.kinh = index.resolve("ethnicity", "Kinh")
        self.no_religion = index.resolve("religion", "Không")
        not_ethnic = set(self.map["language"]["not_ethnic"])
        self.ethnic_names = [n for n in (fold(e.name).replace("-", " ") for e in index.entries("ethnicity")
                                         if e.code != self.kinh) if n not in not_ethnic]
        self._grades: dict[tuple[str, dt.date | None], str | None] = {}

    def keys(self, p: Mapping[str, Any], training: list[Mapping[str, Any]]) -> list[str]:
        keys = ["tong_so"]
        if p["sex"] == "Nữ":
            keys.append("nu")
        if p["party_join_date"] and p["party_join_date"] <= self.as_of:
            keys.append("dang_vien")
        if p["ethnicity_code"] and p["ethnicity_code"] != self.kinh:
            keys.append("dan_toc")
        if p["religion_code"] and p["religion_code"] != self.no_religion:
            keys.append("ton_giao")
        by_kind: dict[str, list[Mapping[str, Any]]] = {}
        for row in training:
            by_kind.setdefault(row["kind"], []).append(row)
        for key in (self._grade(p), self._professional(p, by_kind), self._coded(p, by_kind, "political_theory"),
                    self._coded(p, by_kind, "state_management"), self._it(p, by_kind), self._age(p)):
            if key:
                keys.append(key)
        return keys + self._languages(p, by_kind)

    def _grade(self, p: Mapping[str, Any]) -> str | None:
        cache_key = (p["grade_code"], p["salary_since"])
        if cache_key not in self._grades:
            self._grades[cache_key] = self._grade_column(*cache_key)
        return self._grades[cache_key]

    def _grade_column(self, code: str | None, since: dt.date | None) -> str | None:
        grade = catalogs.grade(self.session, code, since or self.as_of) if code else None
        if grade is None:
            return None
        if self.staff_type == "vien_chuc":
            return self._rank_column(grade)
        rules = self.map["grade"]
        if grade.code in rules.get("codes", {}):
            return rules["codes"][grade.code]
        if grade.salary_scale in rules["scales"]:
            return rules["scales"][grade.salary_scale]
        cls = grade.salary_class
        for candidate in (cls, cls.split(".")[0], cls[:1]):
            if candidate in rules["classes"]:
                return rules["classes"][candidate]
        return None

    def _rank_column(self, grade: Any) -> str | None:
        """The hạng of a chức danh nghề nghiệp: from its name, else from its salary class."""
        rules = self.map["cdnn"]
        found = _RANK.search(V.text(grade.name))
        if found:
            return rules["ranks"].get(found.group(1).upper())
        cls = grade.salary_class or ""
        for candidate in (cls, cls.split(".")[0], cls[:1]):
            if candidate in rules["classes"]:
                return rules["classes"][candidate]
        return None

    def _professional(self, p: Mapping[str, Any], by_kind: Mapping[str, list]) -> str | None:
        code = p["professional_level_code"] or _best_level(by_kind.get("professional", ()), "professional_level")
        return self.map["professional"]["bm01"].get(V.catalog_attrs("professional_level", code).get("bm01"))

    def _coded(self, p: Mapping[str, Any], by_kind: Mapping[str, list], catalog: str) -> str | None:
        code = p[f"{catalog}_code"] or _best_level(by_kind.get(catalog, ()), catalog)
        return self.map[catalog]["codes"].get(str(code).upper()) if code else None

    def _it(self, p: Mapping[str, Any], by_kind: Mapping[str, list]) -> str | None:
        rules = self.map["it"]
        rank = rules["min_rank"]
        majors = [(r["major"], V.catalog_rank("professional_level", r["level_code"]))
                  for r in by_kind.get("professional", ())]
        majors.append((p["professional_major"], V.catalog_rank("professional_level", p["professional_level_code"])))
        degree = (any(_has(m, rules["major_words"]) and lvl >= rank for m, lvl in majors)
                  or any(V.catalog_rank("professional_level", r["level_code"]) >= rank
                         or _has(r["qualification"], rules["degree_words"]) for r in by_kind.get("it", ()))
                  or _has(p["it_level"], rules["degree_words"]))
        if degree:
            return "th_tc"
        return "th_cc" if by_kind.get("it") or V.text(p["it_level"]) else None

    def _languages(self, p: Mapping[str, Any], by_kind: Mapping[str, list]) -> list[str]:
        rules = self.map["language"]
        sources: list[tuple[str, bool]] = []  # (language, university level or above)
        for r in by_kind.get("language", ()):
            level = V.catalog_rank("professional_level", r["level_code"]) >= rules["min_rank"]
            sources.append((r["language"] or r["major"] or r["qualification"] or "",
                            level or _has(r["qualification"], rules["degree_words"])))
        for r in by_kind.get("professional", ()):
            if _has(r["major"], rules["major_words"]) and not _has(r["major"], self.map["it"]["major_words"]):
                sources.append((r["major"], V.catalog_rank("professional_level", r["level_code"]) >= rules["min_rank"]))
        if V.text(p["foreign_language"]):
            sources.append((p["foreign_language"], _has(p["foreign_language"], rules["degree_words"])))
        found: dict[str, bool] = {}
        for language, degree in sources:
            group = self._language_group(language)
            found[group] = found.get(group, False) or degree
        keys = [f"nn_{group}_{'dh' if degree else 'cc'}" for group, degree in found.items() if group != "dan_toc"]
        return keys + (["nn_dan_toc"] if "dan_toc" in found else [])

    def _language_group(self, language: str) -> str:
        rules = self.map["language"]
        folded = fold(language).replace("-", " ")
        if set(re.split(r"[^a-z0-9]+", folded)) & set(rules["english_words"]):
            return "anh"
        name = folded.split("tieng ", 1)[1] if "tieng " in folded else folded
        name = re.split(r"[^a-z ]", name, maxsplit=1)[0].strip() + " "
        if _has(language, rules["ethnic_words"]) or any(name.startswith(f"{n} ") for n in self.ethnic_names):
            return "dan_toc"
        return "khac"

    def _age(self, p: Mapping[str, Any]) -> str:
        born = dt.date(p["birth_date"].year, 1, 1) if p["birth_year_only"] else p["birth_date"]
        years = self.as_of.year - born.year - ((self.as_of.month, self.as_of.day) < (born.month, born.day))
        if years <= 30:
            return "tuoi_30"
        if years <= 40:
            return "tuoi_40"
        if years <= 50:
            return "tuoi_50"
        months = (self.as_of.year - born.year) * 12 + self.as_of.month - born.month
        reached = months >= retirement.retirement_age_months(born, p["sex"])
        return "tuoi_tren_nghi_huu" if reached else "tuoi_51_nghi_huu"


_RANK = re.compile(r"\bhạng\s+(IV|III|II|I)\b", re.IGNORECASE)


# --------------------------------------------------------------------------- the table


def _working(p: Mapping[str, Any], as_of: dt.date) -> bool:
    if p["birth_date"] > as_of or (p["recruitment_date"] and p["recruitment_date"] > as_of):
        return False
    return retirement.retirement_date(p["birth_date"], p["sex"], bool(p["birth_year_only"])) >= as_of


@dataclass(frozen=True)
class _Group:
    label: str
    unit_code: str | None
    unit_ids: frozenset
    root: uuid.UUID | None = None  # the unit whose subtree the row covers (None: no quota of its own)
    optional: bool = False  # left out when nobody is in it and it has no quota


def _row_groups(session: Session, unit_code: str | None) -> tuple[str, list[_Group]]:
    """(report unit name, row groups): one row per child subtree, see the module docstring."""
    children: dict[uuid.UUID | None, list] = {}
    for u in list_units(session):
        children.setdefault(u.parent_id, []).append(u)

    def subtree(uid: uuid.UUID) -> frozenset:
        ids, stack = set(), [uid]
        while stack:
            current = stack.pop()
            ids.add(current)
            stack.extend(u.id for u in children.get(current, ()))
        return frozenset(ids)

    whole = unit_code is None
    roots = children.get(None, [])
    if whole and len(roots) == 1:
        unit_code = roots[0].code  # one tree (the usual city set-up): its root's children are the rows
    if unit_code:
        unit = get_unit(session, unit_code)
        kids = children.get(unit.id, [])
        groups = [_Group(u.name, u.code, subtree(u.id), u.id) for u in kids]
        if kids:
            groups.insert(0, _Group(f"{unit.name} (cơ quan)", unit.code, frozenset({unit.id}), optional=True))
        else:
            groups = [_Group(unit.name, unit.code, frozenset({unit.id}), unit.id)]
        name = unit.name
    else:
        groups, name = [_Group(u.name, u.code, subtree(u.id), u.id) for u in roots], "Toàn bộ các đơn vị"
    if whole:
        groups.append(_Group("Chưa xếp đơn vị", None, frozenset({None}), optional=True))
    return name, groups


def compute_stats(session: Session, unit_code: str | None = None, as_of: dt.date | None = None,
                  staff_type: str | None = DEFAULT_STAFF_TYPE) -> StatsTable:
    """The report's figures for ``unit_code`` (every unit when None) on ``as_of`` (today), for the
    people of ``staff_type`` only (``cong_chuc``: BM01; ``vien_chuc``)."""
    staff_type = check_staff_type(staff_type)
    form = forms()[staff_type]
    as_of = as_of or dt.date.today()
    unit_name, groups = _row_groups(session, unit_code)
    all_ids = frozenset().union(*(g.unit_ids for g in groups))
    unit_rows = {uid: i for i, g in enumerate(groups) for uid in g.unit_ids}
    cols = columns(as_of, staff_type)
    counts = [dict.fromkeys((c.key for c in cols if c.key != "bien_che"), 0) for _ in groups]
    classifier = _Classifier(session, as_of, staff_type)
    people = _people(session, all_ids, as_of, staff_type)
    training = _training(session, all_ids, {p["id"] for p in people})
    for p in people:
        row = counts[unit_rows[p["unit_id"]]]
        for key in classifier.keys(p, training.get(p["id"], [])):
            row[key] += 1
    quotas = _quotas(session, groups) if form.get("quota", True) else [None] * len(groups)
    rows = tuple(StatsRow(g.label, g.unit_code, {"bien_che": quota, **values})
                 for g, values, quota in zip(groups, counts, quotas, strict=True)
                 if not g.optional or values["tong_so"] or quota is not None)
    known = [r["bien_che"] for r in rows if r["bien_che"] is not None]
    total = StatsRow("Tổng cộng", unit_code, {"bien_che": sum(known) if known else None,
                                               **{k: sum(r.values[k] or 0 for r in rows) for k in counts[0]}})
    return StatsTable(f"{form['title']} NĂM {as_of.year}", unit_name, as_of, cols, rows, total,
                      staff_type=staff_type, form_code=form["form_code"], basis=form["basis"], receiver=form["receiver"])


def _in_units(unit_ids: frozenset) -> Any:
    condition = Person.unit_id.in_([u for u in unit_ids if u is not None])
    return condition | Person.unit_id.is_(None) if None in unit_ids else condition


def _people(session: Session, unit_ids: frozenset, as_of: dt.date, staff_type: str) -> list[dict[str, Any]]:
    names = [c.key for c in _PERSON_COLUMNS]
    stmt = select(*_PERSON_COLUMNS).where(_in_units(unit_ids), Person.deleted_at.is_(None), Person.status == "working",
                                          Person.staff_type == staff_type)
    people = (dict(zip(names, row, strict=True)) for row in session.execute(stmt))
    return [p for p in people if _working(p, as_of)]


def _training(session: Session, unit_ids: frozenset, counted: set) -> dict[uuid.UUID, list[dict[str, Any]]]:
    stmt = (select(Training.person_id, Training.kind, Training.level_code, Training.qualification, Training.major,
                   Training.language).join(Person, Person.id == Training.person_id)
            .where(_in_units(unit_ids), Person.deleted_at.is_(None), Person.status == "working",
                   Training.deleted_at.is_(None), Training.kind.in_(_TRAINING_KINDS)))
    result: dict[uuid.UUID, list[dict[str, Any]]] = {}
    for pid, kind, level, qualification, major, language in session.execute(stmt):
        if pid in counted:
            result.setdefault(pid, []).append({"kind": kind, "level_code": level, "qualification": qualification,
                                               "major": major, "language": language})
    return result


def _quotas(session: Session, groups: list[_Group]) -> list[int | None]:
    """Biên chế được giao of each row: the unit's own quota, else the sum of its sub-units' (so a
    quota given to a department and to its agency is not counted twice). The chosen unit's own
    row has none: its quota covers the whole report, not the people attached to it directly."""
    rows = session.execute(select(Unit.id, Unit.parent_id, Unit.staff_quota).where(Unit.deleted_at.is_(None))).all()
    own = {uid: quota for uid, _, quota in rows}
    children: dict[uuid.UUID, list[uuid.UUID]] = {}
    for uid, parent, _ in rows:
        if parent is not None:
            children.setdefault(parent, []).append(uid)

    def effective(uid: uuid.UUID) -> int | None:
        if own.get(uid) is not None:
            return own[uid]
        known = [q for q in (effective(c) for c in children.get(uid, ())) if q is not None]
        return sum(known) if known else None

    return [effective(g.root) if g.root is not None else None for g in groups]
