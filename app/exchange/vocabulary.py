"""What the importer recognises: column headers, child-sheet names and choice values.

Built from ``app.fields`` (every field's Vietnamese label and declared ``headers``) plus ``resources/import/synonyms.json``
(the wordings real lists use), so a field added to ``app.fields`` is importable at once and a new
wording is a data change. Headers are compared by :func:`header_keys`: folded (no accents, đ=d,
lower case), spaces and line breaks collapsed, punctuation ignored, a leading "1." or "(1)"
dropped, and a trailing parenthesis tried with and without ("Ngày sinh (dd/mm/yyyy)").
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from app.fields import PERSON_FIELDS, SECTION_FIELDS, SECTION_LABELS, FieldSpec
from app.resources import resource_path
from app.text import fold

IGNORE = ""  # a known column that is not imported (STT, the report's own columns)

# Targets that are not fields: what they stand for and which field an error names.
PSEUDO_TARGETS: dict[str, tuple[str, str]] = {
    "unit": ("Đơn vị (mã hoặc tên)", "unit_code"),
    "unit_name": ("Tên đơn vị", "unit_code"),
    "grade_name": ("Ngạch (tên ngạch)", "grade_code"),
    "name_family": ("Họ (và tên đệm)", "full_name"),
    "name_middle": ("Tên đệm", "full_name"),
    "name_given": ("Tên", "full_name"),
    "sex_male_flag": ("Giới tính: cột Nam (đánh dấu x)", "sex"),
    "sex_female_flag": ("Giới tính: cột Nữ (đánh dấu x)", "sex"),
    "birth_date_male": ("Ngày sinh (cột Nam)", "birth_date"),
    "birth_date_female": ("Ngày sinh (cột Nữ)", "birth_date"),
}
NOT_IMPORTED = frozenset({"grade_list_version"})  # derived by the service

_NUMBERING = re.compile(r"^(?:\(\s*\d+\s*\)|\d+\s*[.)]|[ivx]+\s*[.)])\s*")
_PUNCT = re.compile(r"[\s,;:/\\.\-\u2010-\u2015*?!'\"\u201c\u201d\u2018\u2019\u2026_]+")
_PARENS = re.compile(r"\([^)]*\)")


def header_keys(text: Any) -> list[str]:
    """The forms a header is looked up by: as written, then without its parentheses."""
    folded = _NUMBERING.sub("", fold(str(text)) if text is not None else "")
    keys = [_clean(folded)]
    bare = _clean(_PARENS.sub(" ", folded))
    if bare and bare != keys[0]:
        keys.append(bare)
    return [k for k in keys if k]


def header_key(text: Any) -> str:
    keys = header_keys(text)
    return keys[0] if keys else ""


def _clean(text: str) -> str:
    return _PUNCT.sub(" ", text.replace("(", " ").replace(")", " ")).strip()


@dataclass(frozen=True)
class Vocabulary:
    """Header key → target for one kind of sheet."""

    headers: dict[str, str]
    labels: dict[str, str]  # target → Vietnamese label (for the wizard and for error messages)

    def lookup(self, text: Any) -> str | None:
        """The target of a header (IGNORE for a known column not imported), None when unknown."""
        for key in header_keys(text):
            if key in self.headers:
                return self.headers[key]
        return None


@lru_cache(maxsize=1)
def synonyms() -> dict[str, Any]:
    with resource_path("import", "synonyms.json").open(encoding="utf-8") as fh:
        return json.load(fh)


def _add(table: dict[str, str], words: list[str], target: str, *, override: bool = True) -> None:
    for word in words:
        for key in header_keys(word):
            if override:
                table[key] = target
            else:
                table.setdefault(key, target)


@lru_cache(maxsize=1)
def person_vocabulary() -> Vocabulary:
    data = synonyms()
    table: dict[str, str] = {}
    labels: dict[str, str] = {}
    for spec in PERSON_FIELDS:
        if spec.name in NOT_IMPORTED:
            continue
        labels[spec.name] = spec.label
        _add(table, [spec.label, spec.name, *spec.headers, *spec.json], spec.name, override=False)
    for target, (label, _field) in PSEUDO_TARGETS.items():
        labels[target] = label
    labels["unit_code"] = "Đơn vị"
    for target, words in data["headers"].items():
        _add(table, words, target)
    _add(table, data["ignored"], IGNORE)
    return Vocabulary(table, labels)


def person_targets() -> list[tuple[str, str]]:
    """(target, Vietnamese label) for the wizard's column choices: the contract's columns first,
    then the pseudo targets, then every other field in form order."""
    labels = person_vocabulary().labels
    first = ["full_name", "cccd", "birth_date", "sex", "unit", "position", "grade_code", "salary_step",
             "salary_coefficient", "salary_since", "ethnicity_code", "religion_code", "hometown_text",
             "professional_level_code", "party_join_date"]
    rest = [t for t in labels if t not in first and t not in PSEUDO_TARGETS and t != "unit_code"]
    pseudo = [t for t in PSEUDO_TARGETS if t != "unit"]
    return [(t, labels[t]) for t in (*first, *pseudo, *rest)]


def section_targets(section: str) -> list[tuple[str, str]]:
    """(target, label) for a child sheet's columns: the CCCD key, then the section's fields."""
    return list(section_vocabulary(section).labels.items())


@lru_cache(maxsize=1)
def sub_headers() -> dict[str, str]:
    """Second-row header key → role: name_family, name_middle, name_given, male, female."""
    table: dict[str, str] = {}
    for role, words in synonyms()["sub_headers"].items():
        _add(table, words, role)
    return table


@cache
def section_vocabulary(section: str) -> Vocabulary:
    data = synonyms()
    entry = data["sections"].get(section, {})
    table: dict[str, str] = {}
    labels: dict[str, str] = {"cccd": "Số CCCD"}
    for spec in SECTION_FIELDS[section]:
        labels[spec.name] = spec.label
        _add(table, [spec.label, spec.name, *spec.headers], spec.name, override=False)
    for target, words in entry.get("headers", {}).items():
        _add(table, words, target)
    _add(table, data["section_key_headers"], "cccd")
    ignored = list(data["section_ignored"])
    if section != "family":
        ignored += ["Họ và tên", "Họ tên"]
    _add(table, ignored, IGNORE, override=False)
    return Vocabulary(table, labels)


@lru_cache(maxsize=1)
def _sheet_names() -> dict[str, str]:
    table: dict[str, str] = {}
    for section, label in SECTION_LABELS.items():
        _add(table, [label], section)
    for section, entry in synonyms()["sections"].items():
        _add(table, entry.get("sheets", []), section)
    return table


def section_of_sheet(name: str) -> str | None:
    """The section a sheet named like "Đào tạo" or "QUÁ TRÌNH CÔNG TÁC" holds, if any."""
    for key in header_keys(name):
        if key in _sheet_names():
            return _sheet_names()[key]
    return None


def section_sheet_name(section: str) -> str:
    """The sheet name the template and the export write for a section."""
    sheets = synonyms()["sections"].get(section, {}).get("sheets")
    return sheets[0] if sheets else SECTION_LABELS[section][:31]


def section_header(section: str, field_name: str) -> str:
    words = synonyms()["sections"].get(section, {}).get("headers", {}).get(field_name)
    if words:
        return words[0]
    return next(f.label for f in SECTION_FIELDS[section] if f.name == field_name)


def person_header(target: str) -> str:
    """The header the template and the export write for a column."""
    words = synonyms()["headers"].get(target)
    if words:
        return words[0]
    return person_vocabulary().labels.get(target, target)


# --- choice values -----------------------------------------------------------------------------

@cache
def _choice_table(path: str) -> tuple[dict[str, str], dict[str, str]]:
    table: dict[str, str] = {}
    first: dict[str, str] = {}
    for code, words in synonyms()["choices"].get(path, {}).items():
        first[code] = words[0]
        _add(table, [*words, code], code)
    return table, first


def choice_code(path: str, spec: FieldSpec, value: str) -> str | None:
    """The stored code of a choice typed in Vietnamese ("Công chức" → "cong_chuc")."""
    if value in spec.choices:
        return value
    table, _ = _choice_table(path)
    for key in header_keys(value):
        if key in table:
            return table[key]
    folded = {fold(c): c for c in spec.choices}
    return folded.get(fold(value))


def choice_label(path: str, code: str | None) -> str | None:
    """The Vietnamese word the export writes for a stored choice code."""
    if code is None:
        return None
    return _choice_table(path)[1].get(code, code)
