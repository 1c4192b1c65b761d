"""The person list: a QAbstractTableModel over ordered ids with a lazy row cache.

The model holds the ids of the whole filtered list (one query) and fetches display rows in
batches around the rows the view paints, so 100,000 dossiers open and scroll smoothly. Sorting
asks the service for the ids in the new order (the database sorts, including the Vietnamese name
order); columns are declared once in ``COLUMNS``.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from app.fields import STAFF_TYPE_LABELS, STATUS_LABELS
from app.listing import PersonRow
from app.reports.values import number

IdRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 2
BATCH = 200


def _tr(text: str) -> str:
    return QCoreApplication.translate("PeopleModel", text)


def _field_text(text: str) -> str:
    """Labels defined in app.fields (translated in the "Fields" context, see ui/widgets/field_texts.py)."""
    return QCoreApplication.translate("Fields", text)


def _date(value: dt.date | None) -> str:
    return f"{value:%d/%m/%Y}" if value else ""


@dataclass(frozen=True)
class Column:
    key: str  # a PersonRow attribute and the service's sort key
    header: str  # Vietnamese source text (translated when shown)
    show: Callable[[PersonRow], str]
    default: bool = True
    right: bool = False
    width: int = 100  # initial width in pixels


COLUMNS: tuple[Column, ...] = (
    Column("full_name", QT_TRANSLATE_NOOP("PeopleModel", "Họ và tên"), lambda r: r.full_name, width=190),
    Column("birth_date", QT_TRANSLATE_NOOP("PeopleModel", "Ngày sinh"), lambda r: _date(r.birth_date), width=90),
    Column("sex", QT_TRANSLATE_NOOP("PeopleModel", "Giới tính"), lambda r: r.sex, width=70),
    Column("cccd", QT_TRANSLATE_NOOP("PeopleModel", "Số CCCD"), lambda r: r.cccd, width=115),
    Column("unit_name", QT_TRANSLATE_NOOP("PeopleModel", "Đơn vị"), lambda r: r.unit_name or "", width=230),
    Column("position", QT_TRANSLATE_NOOP("PeopleModel", "Chức vụ"), lambda r: r.position or "", width=170),
    Column("grade_code", QT_TRANSLATE_NOOP("PeopleModel", "Mã ngạch"), lambda r: r.grade_code or "", width=90),
    Column("salary_step", QT_TRANSLATE_NOOP("PeopleModel", "Bậc"), lambda r: str(r.salary_step or ""), right=True, width=50),
    Column("salary_coefficient", QT_TRANSLATE_NOOP("PeopleModel", "Hệ số"), lambda r: number(r.salary_coefficient), right=True, width=60),
    Column("retirement_date", QT_TRANSLATE_NOOP("PeopleModel", "Ngày nghỉ hưu"), lambda r: _date(r.retirement_date), default=False, width=100),
    Column("staff_type", QT_TRANSLATE_NOOP("PeopleModel", "Loại"), lambda r: _field_text(STAFF_TYPE_LABELS.get(r.staff_type, r.staff_type)), default=False, width=90),
    Column("status", QT_TRANSLATE_NOOP("PeopleModel", "Tình trạng"), lambda r: _field_text(STATUS_LABELS.get(r.status, r.status)), default=False, width=110),
    Column("party_join_date", QT_TRANSLATE_NOOP("PeopleModel", "Ngày vào Đảng"), lambda r: _date(r.party_join_date), default=False, width=100),
    Column("phone", QT_TRANSLATE_NOOP("PeopleModel", "Điện thoại"), lambda r: r.phone or "", default=False, width=100),
    Column("unit_code", QT_TRANSLATE_NOOP("PeopleModel", "Mã đơn vị"), lambda r: r.unit_code or "", default=False, width=120),
)

_Index = QModelIndex | QPersistentModelIndex


class PeopleTableModel(QAbstractTableModel):
    def __init__(self, fetch_rows: Callable[[Sequence[uuid.UUID]], list[PersonRow]], parent: Any = None):
        super().__init__(parent)
        self._fetch_rows = fetch_rows
        self._ids: list[str] = []  # hex keys (app.listing.list_keys): cheap for 100,000 rows
        self._cache: dict[str, PersonRow] = {}
        self._positions: dict[str, int] | None = None
        self.columns: list[Column] = [c for c in COLUMNS if c.default]

    # --- content -----------------------------------------------------------------------------
    def set_ids(self, ids: Sequence[str | uuid.UUID]) -> None:
        self.beginResetModel()
        self._ids = [i.hex if isinstance(i, uuid.UUID) else i for i in ids]
        self._positions = None
        self._cache.clear()
        self.endResetModel()

    def set_columns(self, keys: Sequence[str]) -> None:
        chosen = [c for c in COLUMNS if c.key in keys] or [COLUMNS[0]]
        self.beginResetModel()
        self.columns = chosen
        self.endResetModel()

    def invalidate(self, person_ids: Sequence[uuid.UUID] | None = None) -> None:
        """Forget cached rows (all, or those of ``person_ids``) so they are read again."""
        if person_ids is None:
            self._cache.clear()
        else:
            for pid in person_ids:
                self._cache.pop(pid.hex if isinstance(pid, uuid.UUID) else str(pid), None)
        if self._ids:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._ids) - 1, len(self.columns) - 1))

    def id_at(self, row: int) -> uuid.UUID | None:
        return uuid.UUID(self._ids[row]) if 0 <= row < len(self._ids) else None

    def row_of(self, person_id: uuid.UUID) -> int:
        if self._positions is None:  # built when first asked (rarely), not at every reload
            self._positions = {key: i for i, key in enumerate(self._ids)}
        return self._positions.get(person_id.hex, -1)

    def person_row(self, row: int) -> PersonRow | None:
        if not 0 <= row < len(self._ids):
            return None
        key = self._ids[row]
        if key not in self._cache:
            self._load_around(row)
        return self._cache.get(key)

    def _load_around(self, row: int) -> None:
        start = max(0, row - BATCH // 4)
        wanted = [i for i in self._ids[start:start + BATCH] if i not in self._cache]
        for person in self._fetch_rows(wanted):
            self._cache[person.id.hex] = person
        if len(self._cache) > 20 * BATCH:  # keep memory flat while scrolling far
            keep = set(self._ids[start:start + BATCH])
            self._cache = {k: v for k, v in self._cache.items() if k in keep}

    # --- Qt model API ------------------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt override
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        column = self.columns[index.column()]
        if role == IdRole:
            return str(uuid.UUID(self._ids[index.row()]))
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, SortRole):
            person = self.person_row(index.row())
            return column.show(person) if person else ""
        if role == Qt.ItemDataRole.TextAlignmentRole and column.right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            return _tr(self.columns[section].header)
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None
