"""A tab bar for tabs on the left with their titles written horizontally (a long form has more
pages than fit across the top, and sideways text is hard to read)."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPaintEvent
from PySide6.QtWidgets import QStyle, QStyleOptionTab, QStylePainter, QTabBar, QTabWidget

PADDING = 12


class SideTabBar(QTabBar):
    def _font(self, bold: bool) -> QFont:
        font = QFont(self.font())
        font.setBold(bold)
        return font

    def tabSizeHint(self, index: int) -> QSize:  # noqa: N802 - Qt override
        bold = QFontMetrics(self._font(True))  # wide enough for the current tab, drawn bold
        width = bold.horizontalAdvance(self.tabText(index))
        return QSize(width + 2 * PADDING + 6, self.fontMetrics().height() + 14)

    def minimumTabSizeHint(self, index: int) -> QSize:  # noqa: N802 - Qt override
        return self.tabSizeHint(index)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QStylePainter(self)
        for index in range(self.count()):
            option = QStyleOptionTab()
            self.initStyleOption(option, index)
            painter.drawControl(QStyle.ControlElement.CE_TabBarTabShape, option)
            painter.setFont(self._font(bool(option.state & QStyle.StateFlag.State_Selected)))
            painter.setPen(option.palette.color(option.palette.ColorRole.WindowText))
            text_rect = QRect(option.rect).adjusted(PADDING, 0, -PADDING // 2, 0)
            painter.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                             self.tabText(index))


def use_side_tabs(tabs: QTabWidget) -> None:
    """Put ``tabs``' titles down its left side, written horizontally."""
    tabs.setTabBar(SideTabBar(tabs))
    tabs.setTabPosition(QTabWidget.TabPosition.West)
