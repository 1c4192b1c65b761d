"""The person list: a QAbstractTableModel over ordered ids with a lazy row cache.

After a keystroke the model gets a page (``set_page``): the count of the whole list and the keys
of its first rows (app.listing.list_page), so the list is shown without reading 100,000 keys;
the full key list is asked for (``rest``) only when a row past the page is wanted. Display rows
are fetched in batches around the rows the view paints, so 100,000 dossiers open and scroll
smoothly. Sorting asks the service for the ids in the new order (the database sorts, including
the Vietnamese name order); columns are declared once in ``COLUMNS``.
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
    QTimer,
)
from PySide6.QtGui import QBrush, QIcon

from app.fields import STAFF_TYPE_LABELS, STATUS_LABELS
from app.listing import PersonRow
from app.reports.values import number
from ui.app_texts import app_text

IdRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 2
BATCH = 200
_TEXT_ROLES = frozenset(int(r) for r in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, SortRole))
_ALIGN, _BACKGROUND, _DECORATION = (int(Qt.ItemDataRole.TextAlignmentRole), int(Qt.ItemDataRole.BackgroundRole),
                                    int(Qt.ItemDataRole.DecorationRole))
_SERVED = _TEXT_ROLES | {_ALIGN, _BACKGROUND, _DECORATION, int(IdRole)}
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


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
    Column("sex", QT_TRANSLATE_NOOP("PeopleModel", "Giới tính"), lambda r: app_text(r.sex) if r.sex else "", width=70),
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
        self._total = 0  # rows shown: len(self._ids), or the whole list's count while only a page is read
        self._rest: Callable[[], Sequence[str]] | None = None  # reads the full key list (set_page)
        self._cache: dict[str, PersonRow] = {}
        self._positions: dict[str, int] | None = None
        self.columns: list[Column] = [c for c in COLUMNS if c.default]
        #: review state → (row background, dot before the name): rows not yet approved are marked
        #: (set by ui.security_ui; as model data, so no Python delegate runs for every painted cell)
        self.marks: dict[str, tuple[QBrush, QIcon]] = {}

    # --- content -----------------------------------------------------------------------------
    def set_ids(self, ids: Sequence[str | uuid.UUID], *, rows: Sequence[PersonRow] = ()) -> None:
        self.beginResetModel()
        self._ids = [i.hex if isinstance(i, uuid.UUID) else i for i in ids]
        self._total, self._rest = len(self._ids), None
        self._positions = None
        self._cache.clear()
        self._cache.update((r.id.hex, r) for r in rows)
        self.endResetModel()

    def set_page(self, keys: Sequence[str], total: int | None, rest: Callable[[], Sequence[str]] | None, *,
                 rows: Sequence[PersonRow] = ()) -> None:
        """Show a list of ``total`` rows of which only the first ``keys`` are known; ``rest()``
        returns the whole list's keys (in the same order) when a row past them is wanted.
        ``total`` None: not counted yet — the page's rows are shown until ``set_total``.
        ``rows``: display rows already read (on a worker) for the first keys, painted without a query."""
        if rest is None or (total is not None and len(keys) >= total):
            self.set_ids(keys, rows=rows)
            return
        self.beginResetModel()
        self._ids = list(keys)
        self._total, self._rest = (len(self._ids) if total is None else total), rest
        self._positions = None
        self._cache.clear()
        self._cache.update((r.id.hex, r) for r in rows)
        self.endResetModel()

    def set_total(self, total: int) -> None:
        """The count of the list whose page is shown (``set_page`` with total None) has come."""
        if self._rest is None or total == self._total:
            return
        if total < self._total:  # the list shrank since its page was read
            self._complete()
            return
        self.beginInsertRows(QModelIndex(), self._total, total - 1)
        self._total = total
        self.endInsertRows()

    @property
    def complete(self) -> bool:
        return self._rest is None

    def _complete(self) -> None:
        """Read the full key list (once). If the list changed since its page was read, the view
        is reset to the new list."""
        if self._rest is None:
            return
        rest, self._rest = self._rest, None
        keys = list(rest())
        consistent = keys[:len(self._ids)] == self._ids and len(keys) == self._total
        self._ids, self._positions = keys, None
        if not consistent:  # not from inside data(): reset once the view is done painting
            QTimer.singleShot(0, lambda: self.set_ids(keys) if self._ids is keys else None)

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
        if self._total:
            self.dataChanged.emit(self.index(0, 0), self.index(self._total - 1, len(self.columns) - 1))

    def _key(self, row: int) -> str | None:
        if len(self._ids) <= row < self._total:
            self._complete()
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def id_at(self, row: int) -> uuid.UUID | None:
        key = self._key(row)
        return uuid.UUID(key) if key else None

    def row_of(self, person_id: uuid.UUID, *, read_all: bool = True) -> int:
        """The row showing ``person_id`` (-1: none). ``read_all=False``: look only in the rows
        already read (a page), never reading the full list for it."""
        if read_all and self._rest is not None and person_id.hex not in self._ids:
            self._complete()
        if self._positions is None:  # built when first asked (rarely), not at every reload
            self._positions = {key: i for i, key in enumerate(self._ids)}
        return self._positions.get(person_id.hex, -1)

    def person_row(self, row: int) -> PersonRow | None:
        if self._key(row) is None:
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
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # called for every role of every painted cell: the roles not served return first
        if role not in _SERVED or not index.isValid() or not 0 <= index.row() < self._total:
            return None
        if role in _TEXT_ROLES:
            person = self.person_row(index.row())
            return self.columns[index.column()].show(person) if person else ""
        if role == _ALIGN:
            return _RIGHT if self.columns[index.column()].right else None
        if role == IdRole:
            key = self._key(index.row())
            return str(uuid.UUID(key)) if key else None
        if not self.marks or (role == _DECORATION and index.column() != 0):
            return None
        person = self.person_row(index.row())
        mark = self.marks.get(getattr(person, "review_state", "approved")) if person else None
        return None if mark is None else mark[0] if role == _BACKGROUND else mark[1]

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            return _tr(self.columns[section].header)
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None
