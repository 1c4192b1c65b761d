"""Lean flowables that draw straight on the canvas: the 2023 CV form's lines and ruled tables.

Profiling the 2023 form (``tests/benchmarks/test_cv2023_speed.py``) showed most of its time in two
general reportlab machines doing simple work: ``Paragraph`` (markup parsing, fragment-by-fragment line
breaking, one text object and font switch per fragment) for ~45 "label: **value** ……" lines, and
``Table`` (a cell style per cell, a saved graphics state and a text object per cell, each grid line
drawn on its own, every split re-measuring the rows) for its fifteen ruled tables. These two
flowables do the same layout for the subset the form uses:

* :class:`FormLine` — runs of regular and **bold** text (``<b>``, ``<br/>`` and the XML entities of
  :func:`app.reports.layout.esc`), broken greedily at spaces like reportlab's left-aligned
  paragraphs (first baseline ``fontSize`` below the top, then one ``leading`` per line), the
  dotted leader after the last line and the extra dotted line of ``min_blank`` as
  :class:`app.reports.layout.LeaderParagraph`. Any other markup, or a word wider than the line,
  is handed to a ``LeaderParagraph`` unchanged.
* :class:`RuledTable` — a grid with fixed column widths, header rows (cells may span columns and
  rows: "Tháng/năm" over "Từ | Đến") repeated on every page the table runs onto, rows that never
  split, text wrapped at spaces, left or centred per column, top-aligned (headers bold, centred in
  both directions), padding and rules as :func:`app.reports.layout.grid`; all its text in one text
  object, all its rules in one path.

Word widths are cached per process (the labels and headers are the same on every form).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from xml.sax.saxutils import unescape

from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from app.reports import fonts
from app.reports import layout as L

_TAG = re.compile(r"(<[^>]*>)")
_SPACE = re.compile(r"(\s+)")
_FACE = {(False, False): fonts.REGULAR, (True, False): fonts.BOLD, (False, True): fonts.ITALIC,
         (True, True): fonts.BOLD_ITALIC}

Word = tuple[tuple[str, str], ...]  # ((text, font), …): a word may change font ("BÌNH" bold, "," not)


@lru_cache(maxsize=65536)
def width(text: str, font: str, size: float) -> float:
    return stringWidth(text, font, size)


def _word_width(word: Word, size: float) -> float:
    return sum(width(text, font, size) for text, font in word)


@lru_cache(maxsize=4096)
def _parse(markup: str, bold: bool = False) -> tuple[tuple[Word, ...], ...] | None:
    """The hard lines of a markup as words (``bold``: the style's face), or None for markup this
    module does not draw."""
    base, italic = bold, False
    lines: list[list[Word]] = [[]]
    word: list[tuple[str, str]] = []
    for part in _TAG.split(markup):
        if not part:
            continue
        if part[0] == "<":
            tag = part.replace(" ", "").lower()
            if tag in ("<b>", "</b>"):
                bold = tag == "<b>" or base
            elif tag in ("<i>", "</i>"):
                italic = tag == "<i>"
            elif tag in ("<br/>", "<br>"):
                if word:
                    lines[-1].append(tuple(word))
                    word = []
                lines.append([])
            else:
                return None
            continue
        font = _FACE[(bold, italic)]
        for piece in _SPACE.split(unescape(part)):
            if not piece:
                continue
            if piece.isspace():
                if word:
                    lines[-1].append(tuple(word))
                    word = []
            elif word and word[-1][1] == font:
                word[-1] = (word[-1][0] + piece, font)
            else:
                word.append((piece, font))
    if word:
        lines[-1].append(tuple(word))
    return tuple(tuple(line) for line in lines)


@dataclass(frozen=True)
class _Line:
    runs: tuple[tuple[str, str], ...]  # (font, text) with the spaces, one run per font change
    width: float
    word_space: float = 0.0  # < 0: the spaces squeezed so that the line fits (reportlab's shrinkage)


SHRINK = 0.05  # reportlab's ``spaceShrinkage``: a line may take 5 % of its spaces' width more


def break_words(hard_lines: Sequence[Sequence[Word]], avail: float, size: float) -> list[_Line] | None:
    """Greedy line breaking at spaces; None when a word is wider than ``avail``."""
    space = width(" ", fonts.REGULAR, size)
    out: list[_Line] = []
    for words in hard_lines:
        current: list[Word] = []
        used = 0.0
        for word in words:
            w = _word_width(word, size)
            if w > avail:
                return None
            if current and used + space + w > avail + SHRINK * space * len(current) + 1e-6:
                out.append(_joined(current, used, avail))
                current, used = [], 0.0
            used += (space if current else 0.0) + w
            current.append(word)
        out.append(_joined(current, used, avail))
    return out


def _joined(words: Sequence[Word], used: float, avail: float = float("inf")) -> _Line:
    runs: list[list[str]] = []
    for i, word in enumerate(words):
        for j, (text, font) in enumerate(word):
            piece = (" " if i and j == 0 else "") + text
            if runs and runs[-1][0] == font:
                runs[-1][1] += piece
            else:
                runs.append([font, piece])
    squeeze = (avail - used) / (len(words) - 1) if used > avail and len(words) > 1 else 0.0
    return _Line(tuple((f, t) for f, t in runs), used, squeeze)


def _draw_lines(text: Any, lines: Sequence[_Line], x: float | Sequence[float], top: float, size: float,
                leading: float) -> None:
    """Lines into a text object; ``x`` one start for all or one per line; first baseline ``size``
    below ``top``. The font is set only when it changes (a TrueType font's ``setFont`` makes the next
    ``textOut`` select it again)."""
    y = top - size
    current = getattr(text, "hoso_font", None)
    for i, line in enumerate(lines):
        text.setTextOrigin(x if isinstance(x, (int, float)) else x[i], y)
        if line.word_space:
            text.setWordSpace(line.word_space)
        for font, piece in line.runs:
            if (font, size) != current:
                text.setFont(font, size)
                current = (font, size)
            text.textOut(piece)
        if line.word_space:
            text.setWordSpace(0)
        y -= leading
    text.hoso_font = current


class FormLine(Flowable):
    """A form line: label and **values**, wrapped, with the dotted leader after its last line."""

    def __init__(self, markup: str, style: ParagraphStyle, min_blank: float = 0, *,
                 lines: list[_Line] | None = None, dots: bool = True, space_before: float | None = None):
        super().__init__()
        self.markup, self.style, self.min_blank, self.dots = markup, style, min_blank, dots
        self.spaceBefore = style.spaceBefore if space_before is None else space_before
        self.spaceAfter = style.spaceAfter
        self._lines, self._at = lines, None if lines is None else -1.0
        self._extra_line = False
        self._delegate: Flowable | None = None
        plain = style.fontName in (fonts.REGULAR, fonts.BOLD) and style.alignment in (TA_LEFT, TA_CENTER) \
            and not style.leftIndent and not style.rightIndent and not style.firstLineIndent
        self._words = _parse(markup, style.fontName == fonts.BOLD) if lines is None and plain else None
        if lines is None and self._words is None:
            self._delegate = L.LeaderParagraph(markup, style, min_blank)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        if self._delegate is not None:
            return self._delegate.wrap(avail_width, avail_height)
        st = self.style
        if self._at != avail_width and self._at != -1.0:
            lines = break_words(self._words or (), avail_width, st.fontSize)
            if lines is None:  # a word wider than the line: reportlab splits it
                self._delegate = L.LeaderParagraph(self.markup, st, self.min_blank)
                return self._delegate.wrap(avail_width, avail_height)
            self._lines, self._at = lines, avail_width
        last = self._lines[-1].width if self._lines else 0
        self._extra_line = bool(self.min_blank) and avail_width - last - 3 < self.min_blank
        self.width = avail_width
        self.height = (len(self._lines or ()) + self._extra_line) * st.leading
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        if self._delegate is not None:
            return self._delegate.split(avail_width, avail_height)
        self.wrap(avail_width, avail_height)
        lines = self._lines or []
        fits = int((avail_height + 1e-6) // self.style.leading)
        if self._extra_line or fits <= 0 or fits >= len(lines):
            return []
        return [FormLine(self.markup, self.style, lines=lines[:fits], dots=False),
                FormLine(self.markup, self.style, self.min_blank, lines=lines[fits:], dots=self.dots, space_before=0)]

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802 - reportlab
        if self._delegate is not None:
            self._delegate.drawOn(canvas, x, y, _sW)
            return
        st = self.style
        lines = self._lines or []
        if lines:
            text = canvas.beginText()
            starts: float | list[float] = x
            if st.alignment == TA_CENTER:
                starts = [x + (self.width - ln.width) / 2 for ln in lines]
            _draw_lines(text, lines, starts, y + self.height, st.fontSize, st.leading)
            canvas.drawText(text)
        if self.dots and lines:
            baseline = y + self.height - st.fontSize - (len(lines) - 1) * st.leading
            L.draw_dots(canvas, x + lines[-1].width + 3, x + self.width, baseline)
            if self._extra_line:
                L.draw_dots(canvas, x, x + self.width, baseline - st.leading)

    def draw(self) -> None:  # only through drawOn
        self.drawOn(self.canv, 0, 0)


# --------------------------------------------------------------------------- ruled tables


@dataclass(frozen=True)
class Head:
    """A header cell: its text and the columns/rows it covers (inclusive)."""

    text: str
    col0: int
    col1: int
    row0: int = 0
    row1: int = 0


def _plain_words(text: str, font: str) -> tuple[tuple[Word, ...], ...]:
    return tuple(tuple(((w, font),) for w in line.split()) for line in L.nfc(text).strip().splitlines() or [""])


@lru_cache(maxsize=2048)
def _header_lines(text: str, font: str, size: float, avail: float) -> tuple[_Line, ...]:
    return tuple(_force_lines(_plain_words(text, font), avail, size, font))


def _force_lines(words: tuple[tuple[Word, ...], ...], avail: float, size: float, font: str) -> list[_Line]:
    """Lines of plain text; a word wider than the cell is cut by characters (as reportlab does)."""
    lines = break_words(words, avail, size)
    if lines is not None:
        return lines
    cut: list[list[Word]] = []
    for line in words:
        cut.append([])
        for (word,) in line:
            text = word[0]
            while width(text, font, size) > avail and len(text) > 1:
                n = len(text)
                while n > 1 and width(text[:n], font, size) > avail:
                    n -= 1
                cut[-1].append(((text[:n], font),))
                text = text[n:]
            cut[-1].append(((text, font),))
    return break_words(cut, max(avail, 1.0), size) or []


class RuledTable(Flowable):
    """A ruled table (see the module's notes): ``heads`` over ``len(widths)`` columns and
    ``head_rows`` rows, then ``rows`` of plain text (``centered`` columns centred); no rows: ``blank``
    empty rows of ``blank_height`` for the hand."""

    def __init__(self, heads: Sequence[Head], head_rows: int, rows: Sequence[Sequence[Any]], widths: Sequence[float],
                 st: L.Styles, *, centered: Sequence[int] = (), blank: int = 2, blank_height: float | None = None,
                 _measured: tuple[Any, ...] | None = None):
        super().__init__()
        self.heads, self.head_rows, self.widths, self.st = tuple(heads), head_rows, list(widths), st
        self.centered = frozenset(centered)
        self.size, self.leading = st.cell.fontSize, st.cell.leading
        self.rows = [["" if c is None else str(c) for c in row] for row in rows]
        self.blank, self.blank_height = (0 if rows else blank), blank_height or st.cell.leading + 8
        self.x = [0.0]
        for w in self.widths:
            self.x.append(self.x[-1] + w)
        self.width = self.x[-1]
        if _measured is not None:
            self._head, self._body = _measured
        else:
            self._head = self._measure_head()
            self._body = [self._measure_row(r) for r in self.rows] + [(self.blank_height, [])] * self.blank
        self.height = sum(self._head[0]) + sum(h for h, _ in self._body)

    # rows of the head: heights, and each head cell's lines
    def _measure_head(self) -> tuple[list[float], list[tuple[Head, tuple[_Line, ...]]]]:
        font = self.st.cell_head.fontName
        cells = [(h, _header_lines(h.text, font, self.size, self.x[h.col1 + 1] - self.x[h.col0] - 2 * L.PAD))
                 for h in self.heads]
        heights = [0.0] * self.head_rows
        for h, lines in cells:
            if h.row0 == h.row1:
                heights[h.row0] = max(heights[h.row0], len(lines) * self.leading + 5)
        for h, lines in cells:  # a cell over several rows: the last of them grows when it needs to
            need = len(lines) * self.leading + 5
            have = sum(heights[h.row0:h.row1 + 1])
            if need > have:
                heights[h.row1] += need - have
        return heights, cells

    def _measure_row(self, row: Sequence[str]) -> tuple[float, list[tuple[_Line, ...]]]:
        cells = []
        for i, value in enumerate(row):
            avail = self.widths[i] - 2 * L.PAD
            if not value:
                cells.append(())
                continue
            if "\n" not in value and (w := width(value, fonts.REGULAR, self.size)) <= avail - 0.5:
                cells.append((_Line(((fonts.REGULAR, value),), w),))
            else:
                cells.append(tuple(_force_lines(_plain_words(value, fonts.REGULAR), avail, self.size,
                                                fonts.REGULAR)))
        return max([len(c) for c in cells] + [1]) * self.leading + 5, cells

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        used = sum(self._head[0])
        fits = 0
        for height, _ in self._body:
            if used + height > avail_height + 1e-6:
                break
            used += height
            fits += 1
        if fits == 0 or fits >= len(self._body):
            return []
        return [self._part(self._body[:fits]), self._part(self._body[fits:])]

    def _part(self, body: list[tuple[float, list[tuple[_Line, ...]]]]) -> RuledTable:
        part = RuledTable(self.heads, self.head_rows, [], self.widths, self.st, centered=self.centered, blank=0,
                          _measured=(self._head, body))
        return part

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802 - reportlab
        heights, head_cells = self._head
        top = y + self.height
        xs = [x + v for v in self.x]
        row_top = [top]
        for h in heights:
            row_top.append(row_top[-1] - h)
        text = canvas.beginText()
        path = canvas.beginPath()
        for h, lines in head_cells:  # bold, centred both ways; each head cell ruled on its own
            left, right = xs[h.col0], xs[h.col1 + 1]
            upper, lower = row_top[h.row0], row_top[h.row1 + 1]
            block = len(lines) * self.leading
            inner = upper - lower - 5
            start = upper - 2 - (inner - block) / 2
            _draw_lines(text, lines, [left + (right - left - ln.width) / 2 for ln in lines], start, self.size,
                        self.leading)
            path.rect(left, lower, right - left, upper - lower)
        upper = row_top[-1]
        for height, cells in self._body:
            for i, lines in enumerate(cells):
                if not lines:
                    continue
                left, right = xs[i], xs[i + 1]
                if i in self.centered:
                    starts: float | list[float] = [left + (right - left - ln.width) / 2 for ln in lines]
                else:
                    starts = left + L.PAD
                _draw_lines(text, lines, starts, upper - 2, self.size, self.leading)
            upper -= height
        bottom = upper
        body_top = row_top[-1]
        if bottom < body_top:
            for v in xs:
                path.moveTo(v, body_top)
                path.lineTo(v, bottom)
            level = body_top
            for height, _ in self._body:
                level -= height
                path.moveTo(xs[0], level)
                path.lineTo(xs[-1], level)
        canvas.saveState()
        canvas.setLineWidth(0.5)
        canvas.setStrokeColor(L.GRID)
        canvas.drawPath(path, stroke=1, fill=0)
        canvas.restoreState()
        canvas.drawText(text)

    def draw(self) -> None:
        self.drawOn(self.canv, 0, 0)
