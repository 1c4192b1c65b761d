"""Find the header row of a sheet and propose which column holds which field.

Vietnamese personnel lists put a title ("DANH SÁCH CÁN BỘ…", the unit, the date) and blank rows
above the table, merge header cells, split a header over two rows ("Họ và tên" over "Họ" |
"Tên"; "Ngày, tháng, năm sinh" over "Nam" | "Nữ": the birth date is written in the column of
the person's sex) and number the columns in the row below ("(1) (2) (3)…"). :func:`find_header`
scores the first rows by how many cells are known headers, takes the best, joins a second
header row when there is one and skips a numbering row.

The proposal is a plain :class:`Mapping` (column index → target or None) that the user may
correct; :func:`remember_mapping` keeps the corrected one in the ``settings`` table under
``import_mapping:<shape_key>`` so the next file of the same shape is mapped the same way.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping as MappingABC
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from openpyxl.utils import get_column_letter
from sqlalchemy.orm import Session

from app.errors import UserError
from app.exchange.reader import Cell, Sheet
from app.exchange.values import date_value, decode_column
from app.exchange.vocabulary import IGNORE, Vocabulary, header_key, sub_headers
from models import Setting

__all__ = ["Column", "HeaderInfo", "Mapping", "find_header", "recall_mapping", "remember_mapping",
           "shape_key"]

SCAN_ROWS = 20
SETTING_PREFIX = "import_mapping:"
_NAME_PARTS = ("name_family", "name_middle", "name_given")
_NUMBERING = re.compile(r"\(?\s*\d{1,3}\s*\)?")
_DATA_LIKE = re.compile(r"\d{9,}|\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}")


@dataclass
class Column:
    """A column as the wizard shows it: its letter, its header and what it was recognised as.
    ``status``: "mapped", "ignored" (STT…), "unknown", or "duplicate" (a second column for a
    field already taken by a column to its left)."""

    index: int
    letter: str
    header: str
    target: str | None
    status: str


@dataclass
class HeaderInfo:
    row: int  # 0-based index of the (first) header row
    height: int  # 1, or 2 for a two-row header
    data_start: int  # 0-based index of the first data row
    columns: list[Column]
    legacy: str | None = None  # "tcvn3"/"vni" when the headers themselves were legacy text

    @property
    def headers(self) -> list[str]:
        return [c.header for c in self.columns]


@dataclass
class Mapping:
    """Column index → target (a field of ``app.fields`` or a pseudo target of
    ``vocabulary.PSEUDO_TARGETS``; None = not imported). ``children`` holds the same for each
    child sheet, by sheet name."""

    columns: dict[int, str | None]
    children: dict[str, dict[int, str | None]] = field(default_factory=dict)

    def column_of(self, target: str) -> int | None:
        return next((c for c, t in self.columns.items() if t == target), None)

    def targets(self) -> set[str]:
        return {t for t in self.columns.values() if t}

    def problems(self) -> list[str]:
        """What makes this mapping unusable (Vietnamese): a target given to two columns."""
        from app.exchange.vocabulary import person_vocabulary

        labels = person_vocabulary().labels
        out = []
        for sheet, columns in [("", self.columns), *self.children.items()]:
            seen: dict[str, int] = {}
            for col, target in sorted(columns.items()):
                if target and target in seen:
                    where = f"Trang '{sheet}': c" if sheet else "C"
                    out.append(f"{where}ột {get_column_letter(seen[target] + 1)} và cột {get_column_letter(col + 1)} "
                               f"cùng được ghép vào '{labels.get(target, target) if not sheet else target}'; "
                               "mỗi nội dung chỉ một cột.")
                seen.setdefault(target or "", col)
        return out

    def to_json(self) -> dict[str, Any]:
        return {"columns": {str(c): t for c, t in self.columns.items()},
                "children": {s: {str(c): t for c, t in cols.items()} for s, cols in self.children.items()}}

    @classmethod
    def from_json(cls, data: MappingABC[str, Any]) -> Mapping:
        return cls({int(c): t for c, t in data.get("columns", {}).items()},
                   {s: {int(c): t for c, t in cols.items()} for s, cols in data.get("children", {}).items()})


# --- header detection --------------------------------------------------------------------------

def find_header(sheet: Sheet, vocabulary: Vocabulary, *, sub_roles: bool = True,
                scan: int = SCAN_ROWS) -> HeaderInfo:
    """The header row(s) of ``sheet`` and the proposed target of each column."""
    region = sheet.rows[:scan + 2]
    texts, encodings = _decoded_texts(region)
    _fill_horizontal_merges(texts, sheet.merged)
    scores = [_score(row, vocabulary) for row in texts[:scan]]
    if not scores or max(scores) < 2:
        raise UserError(f"Trang '{sheet.name}': không tìm thấy dòng tiêu đề cột trong {scan} dòng đầu "
                        "(cần ít nhất hai cột như 'Họ và tên', 'Số CCCD', 'Ngày sinh').")
    row = scores.index(max(scores))
    height = 2 if _is_sub_row(texts, row, sheet, vocabulary) else 1
    data_start = row + height
    if data_start < len(sheet.rows) and _is_numbering(sheet.rows[data_start]):
        data_start += 1
    width = max(len(texts[row]), len(texts[row + 1]) if height == 2 else 0)
    columns = []
    for col in range(width):
        parent = _at(texts, row, col)
        sub = _at(texts, row + 1, col) if height == 2 else ""
        if height == 2 and sub and not parent:
            parent = _group_parent(texts, row, col, sheet.merged)
        target = _target(parent, sub, vocabulary, sub_roles)
        header = f"{parent} / {sub}" if parent and sub and sub != parent else (parent or sub)
        columns.append(Column(col, get_column_letter(col + 1), header, target, ""))
    if sub_roles:
        _dates_under_sex(columns, sheet, data_start)
    _settle(columns)
    encoding = next((e for r in range(row, row + height) for e in encodings[r] if e), None)
    return HeaderInfo(row, height, data_start, columns, encoding)


def _decoded_texts(rows: list[list[Cell]]) -> tuple[list[list[str]], list[list[str | None]]]:
    """The region's texts with legacy headers repaired (judged together), and each cell's encoding."""
    flat = [cell for row in rows for cell in row]
    decoded = iter(decode_column(flat))
    texts, encodings = [], []
    for row in rows:
        line, used = [], []
        for cell in row:
            item = next(decoded)
            value = item.text if item.text is not None else (str(cell.value) if cell.value is not None else "")
            line.append(" ".join(value.split()))
            used.append(item.encoding)
        texts.append(line)
        encodings.append(used)
    return texts, encodings


def _fill_horizontal_merges(texts: list[list[str]], merged: Sequence[tuple[int, int, int, int]]) -> None:
    for r0, c0, r1, c1 in merged:
        if r0 >= len(texts) or c1 == c0:
            continue
        value = _at(texts, r0, c0)
        for r in range(r0, min(r1, len(texts) - 1) + 1):
            line = texts[r]
            line.extend([""] * (c1 + 1 - len(line)))
            for c in range(c0, c1 + 1):
                line[c] = line[c] or (value if r == r0 else "")


def _at(texts: list[list[str]], row: int, col: int) -> str:
    return texts[row][col] if row < len(texts) and col < len(texts[row]) else ""


def _score(row: list[str], vocabulary: Vocabulary) -> float:
    found = set()
    loose = 0.0
    for text in row:
        if not text:
            continue
        target = vocabulary.lookup(text)
        if target is not None:
            found.add(target or text)
        elif header_key(text) in sub_headers():
            loose += 0.5
    return len(found) + loose


def _is_sub_row(texts: list[list[str]], row: int, sheet: Sheet, vocabulary: Vocabulary) -> bool:
    """Whether the row below the header row is a second header row (sub-headers of merged or
    blank-continued parents), not the first data row."""
    if row + 1 >= len(texts):
        return False
    cells = sheet.rows[row + 1] if row + 1 < len(sheet.rows) else []
    present = [(c, cell) for c, cell in enumerate(cells) if cell.value is not None]
    if not present or any(not isinstance(cell.value, str) for _, cell in present):
        return False
    subs = [(c, _at(texts, row + 1, c)) for c, _ in present]
    if any(_DATA_LIKE.search(text) for _, text in subs) or _is_numbering(cells):
        return False
    spans = {c for r0, c0, r1, c1 in sheet.merged if r0 == row and c1 > c0 for c in range(c0, c1 + 1)}
    vertical = any(r0 == row and r1 >= row + 1 for r0, _, r1, _ in sheet.merged)
    known = sum(1 for _, t in subs if header_key(t) in sub_headers() or vocabulary.lookup(t) is not None)
    under_group = sum(1 for c, _ in subs if c in spans or not sheet.cell(row, c).value)
    return known > 0 and (under_group > 0 or vertical)


def _is_numbering(cells: Sequence[Cell]) -> bool:
    """A row of column numbers: 1 2 3 … or (1) (2) (3) …"""
    values = [c.value for c in cells if c.value is not None]
    if len(values) < 3:
        return False
    numbers = []
    for value in values:
        text = str(value).strip()
        if isinstance(value, bool) or not _NUMBERING.fullmatch(text):
            return False
        numbers.append(int(text.strip("() ")))
    return numbers == sorted(numbers) and numbers[0] <= 2


def _group_parent(texts: list[list[str]], row: int, col: int, merged: Sequence[tuple[int, int, int, int]]) -> str:
    """A blank header cell over a sub-header continues the group on its left ("Họ và tên" over
    "Họ" | "Tên" written without merging)."""
    for c in range(col - 1, -1, -1):
        if _at(texts, row, c):
            return _at(texts, row, c) if _at(texts, row + 1, c) else ""
    return ""


def _target(parent: str, sub: str, vocabulary: Vocabulary, sub_roles: bool) -> str | None:
    if parent and sub and sub != parent:
        role = sub_headers().get(header_key(sub)) if sub_roles else None
        over = vocabulary.lookup(parent)
        if role in _NAME_PARTS and over == "full_name":
            return role
        if role in ("male", "female"):
            if over == "birth_date":
                return f"birth_date_{role}"
            return f"sex_{role}_flag"
        for text in (f"{parent} {sub}", sub):
            found = vocabulary.lookup(text)
            if found is not None:
                return found
        if role in _NAME_PARTS:
            return role
        return None
    text = parent or sub
    found = vocabulary.lookup(text)
    if found is not None or not sub_roles:
        return found
    role = sub_headers().get(header_key(text))
    if role in ("male", "female"):
        return f"sex_{role}_flag"
    return role


def _dates_under_sex(columns: list[Column], sheet: Sheet, start: int) -> None:
    """A lone "Nam" / "Nữ" column holding dates is the split birth date, not a mark."""
    for column in columns:
        if column.target not in ("sex_male_flag", "sex_female_flag"):
            continue
        values = [sheet.cell(r, column.index).value for r in range(start, min(start + 40, len(sheet.rows)))]
        values = [v for v in values if v is not None]
        dated = 0
        for value in values:
            try:
                date_value(value)
                dated += 1
            except ValueError:
                pass
        if values and dated * 2 > len(values):
            column.target = "birth_date_male" if column.target == "sex_male_flag" else "birth_date_female"


def _settle(columns: list[Column]) -> None:
    taken: set[str] = set()
    for column in columns:
        if column.target is None:
            column.status = "unknown" if column.header else "empty"
        elif column.target == IGNORE:
            column.target, column.status = None, "ignored"
        elif column.target in taken:
            column.target, column.status = None, "duplicate"
        else:
            taken.add(column.target)
            column.status = "mapped"


# --- remembered mappings -----------------------------------------------------------------------

def shape_key(headers: Sequence[str], children: MappingABC[str, Sequence[str]] | None = None) -> str:
    """A short hash of the folded headers (and the child sheets' names and headers)."""
    parts = ["|".join(header_key(h) for h in headers)]
    for name in sorted(children or {}):
        parts.append(header_key(name) + ":" + "|".join(header_key(h) for h in (children or {})[name]))
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()[:24]


def remember_mapping(session: Session, key: str, mapping: Mapping) -> None:
    """Keep ``mapping`` for files of the shape ``key`` (see :func:`shape_key`)."""
    setting = session.get(Setting, SETTING_PREFIX + key)
    value = mapping.to_json()
    if setting is None:
        session.add(Setting(key=SETTING_PREFIX + key, value=value))
    elif setting.value != value:
        setting.value = value
    session.flush()


def recall_mapping(session: Session, key: str) -> Mapping | None:
    setting = session.get(Setting, SETTING_PREFIX + key)
    return Mapping.from_json(setting.value) if setting is not None and setting.value else None
