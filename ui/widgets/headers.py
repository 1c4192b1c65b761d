"""Header sections as wide as their titles need.

A column's declared width is a guess in pixels; its title's width depends on the language and the
font (Vietnamese diacritics, "Date of birth" in English, a larger system font). ``fit_sections``
gives each section at least the width the style computes from its title with the header's font
metrics (text, margins and the sort indicator), so no title is ever elided to "Chú…".
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QHeaderView


def title_width(header: QHeaderView, section: int) -> int:
    """The width the header's style needs to show section ``section``'s title whole."""
    return header.sectionSizeFromContents(section).width()


def fit_sections(header: QHeaderView, widths: Iterable[int | None]) -> None:
    """Size each section to its declared width (None: its title's), never below its title's width."""
    for section, width in enumerate(widths):
        if section >= header.count():
            break
        header.resizeSection(section, max(width or 0, title_width(header, section)))
