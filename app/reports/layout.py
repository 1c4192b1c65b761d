"""Building blocks every printed report shares: page set-up, styles, dotted leaders, label/value
lines, tables whose header rows repeat on each page, signature blocks and the photo box. The
document itself (pages, "Trang x/y") is ``app.reports.document``.

Page set-up follows Nghị định 30/2020/NĐ-CP for administrative documents (A4, margins top and
bottom 20 mm, left 30 mm, right 15 mm; Times-metric font). Every piece of text goes through
:func:`para`, :func:`field` or :func:`cell`, which normalise it to NFC before reportlab sees it.
"""

from __future__ import annotations

import io
import logging
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm, mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    Table,
    TableStyle,
)

from app.reports import fonts

logger = logging.getLogger(__name__)

MARGINS = (20 * mm, 15 * mm, 20 * mm, 30 * mm)  # top, right, bottom, left (NĐ 30/2020)
PORTRAIT_WIDTH = A4[0] - MARGINS[1] - MARGINS[3]
GRID = colors.black


def nfc(text: Any) -> str:
    return unicodedata.normalize("NFC", "" if text is None else str(text))


def esc(value: Any) -> str:
    """A value as paragraph markup: NFC, XML-escaped, line breaks kept."""
    lines = [escape(" ".join(line.split())) for line in nfc(value).splitlines()]
    return "<br/>".join(line for line in lines if line)


def val(value: Any, blank: str = "") -> str:
    """A filled-in value in a label line (bold); ``blank`` when empty ("……" inside a line,
    nothing at its end where the dotted leader takes over)."""
    shown = esc(value)
    return f"<b>{shown}</b>" if shown else blank


# --------------------------------------------------------------------------- styles


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    guidance: ParagraphStyle  # the form's printed hints in brackets under a line
    heading: ParagraphStyle  # "27) ĐÀO TẠO, BỒI DƯỠNG …"
    subheading: ParagraphStyle
    title: ParagraphStyle
    right: ParagraphStyle
    center: ParagraphStyle
    center_bold: ParagraphStyle
    center_italic: ParagraphStyle
    cell: ParagraphStyle
    cell_center: ParagraphStyle
    cell_head: ParagraphStyle
    cell_label: ParagraphStyle
    note: ParagraphStyle


@lru_cache(maxsize=8)
def styles(size: float = 13, cell_size: float = 11) -> Styles:
    fonts.register_fonts()
    lead = size * 1.3

    def s(name: str, **kw: Any) -> ParagraphStyle:
        base: dict[str, Any] = {"fontName": fonts.REGULAR, "fontSize": size, "leading": lead}
        return ParagraphStyle(name, **(base | kw))

    cell = {"fontSize": cell_size, "leading": cell_size * 1.2}
    return Styles(
        body=s("body", spaceBefore=2.5),
        guidance=s("guidance", fontName=fonts.ITALIC, fontSize=size - 1.5, leading=(size - 1.5) * 1.25),
        heading=s("heading", fontName=fonts.BOLD, alignment=TA_CENTER, spaceBefore=10, spaceAfter=4),
        subheading=s("subheading", spaceBefore=4, spaceAfter=3),
        title=s("title", fontName=fonts.BOLD, fontSize=size + 3, leading=(size + 3) * 1.3, alignment=TA_CENTER,
                spaceAfter=6),
        right=s("right", alignment=TA_RIGHT),
        center=s("center", alignment=TA_CENTER),
        center_bold=s("center_bold", fontName=fonts.BOLD, alignment=TA_CENTER),
        center_italic=s("center_italic", fontName=fonts.ITALIC, alignment=TA_CENTER),
        cell=s("cell", alignment=TA_LEFT, **cell),
        cell_center=s("cell_center", alignment=TA_CENTER, **cell),
        cell_head=s("cell_head", fontName=fonts.BOLD, alignment=TA_CENTER, **cell),
        cell_label=s("cell_label", fontName=fonts.BOLD, alignment=TA_LEFT, **cell),
        note=s("note", fontName=fonts.ITALIC, fontSize=cell_size, leading=cell_size * 1.25, alignment=TA_JUSTIFY,
               spaceBefore=3),
    )


class Para(Paragraph):
    """A paragraph that breaks its lines once per width: a group kept together (:class:`KeepTail`)
    is measured as a whole and then laid out part by part, and a paragraph's line breaking is
    most of a profile's layout time."""

    _wrapped: tuple[float, tuple[float, float]] | None = None

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        if self._measured(avail_width):
            self.width, self.height = self._wrapped[1]
            return self._wrapped[1]
        size = super().wrap(avail_width, avail_height)
        self._wrapped, self._wrapped_by = (avail_width, size), self.__dict__.get("blPara")
        return size

    def _measured(self, avail_width: float) -> bool:
        """Lines already broken at this width (by this very paragraph, not a copy made by a split)."""
        lines = self.__dict__.get("blPara")
        return (lines is not None and self._wrapped is not None and self._wrapped[0] == avail_width
                and self.__dict__.get("_wrapped_by") is lines)


def para(markup: str, style: ParagraphStyle) -> Paragraph:
    markup = nfc(markup)
    return Para(markup, style, frags=list(_parsed(markup, style)))


@lru_cache(maxsize=4096)
def _parsed(markup: str, style: ParagraphStyle) -> tuple[Any, ...]:
    """The parsed fragments of a markup: the forms print the same labels, headers and hints on
    every profile, and parsing them again is a good part of a batch's time. (reportlab shares
    fragments between the parts of a split paragraph too, so they are not changed by layout.)"""
    return tuple(Paragraph(markup, style).frags)


def heading(markup: str, style: ParagraphStyle, need: float = 150) -> list[Flowable]:
    """A heading that never ends a page: a new page starts when less than ``need`` points remain.

    (reportlab's keepWithNext would move a heading *and its whole table* to the next page whenever
    the table does not fit, leaving half pages empty; here the table starts under its heading and
    continues on the next page with its header row repeated.)"""
    return [CondPageBreak(need), para(markup, style)]


# --------------------------------------------------------------------------- keeping parts together

FRAME_HEIGHT = A4[1] - MARGINS[0] - MARGINS[2]


def keep_with_previous(flowable: Flowable) -> Flowable:
    """Mark a flowable that must not start a page: :func:`bind` keeps it with the one before it
    (a form's guidance line under its label, a signature block after the last item)."""
    flowable.hoso_keep_with_previous = True  # type: ignore[attr-defined]
    return flowable


def bind(story: Sequence[Flowable]) -> list[Flowable]:
    """The story with every :func:`keep_with_previous` flowable joined to the flowable before it
    (recursively, so a run of them stays together) in a :class:`KeepTail`."""
    out: list[Flowable] = []
    for f in story:
        if getattr(f, "hoso_keep_with_previous", False) and out and not isinstance(out[-1], CondPageBreak):
            previous, tail = out.pop(), _unpacked(f)
            out.append(KeepTail([*_unpacked(previous), *tail], len(tail) + 1))
        else:
            out.append(f)
    return out


def _unpacked(f: Flowable) -> list[Flowable]:
    """The parts of a group (a KeepTogether's height is unknown until it splits, so groups are
    never nested)."""
    if isinstance(f, KeepTail):
        return list(f.parts)
    if isinstance(f, KeepTogether):
        return [g for part in f._content for g in _unpacked(part)]
    return [f]


class KeepTail(KeepTogether):
    """Flowables kept on one page when they fit on one; when the group is taller than a page,
    its start flows on and only the last ``tail`` parts stay together (the kept flowable and the
    one before it: a long item still ends on the page its signature block is on)."""

    def __init__(self, parts: Sequence[Flowable], tail: int = 2):
        self.parts, self.tail = list(parts), tail
        super().__init__(self.parts)

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        self.wrap(avail_width, avail_height)
        if self._H <= FRAME_HEIGHT or len(self.parts) <= self.tail:
            return super().split(avail_width, avail_height)
        return [*self.parts[:-self.tail], KeepTail(self.parts[-self.tail:], self.tail)]


def closing(item: Sequence[Flowable], signature: Flowable) -> list[Flowable]:
    """The last item of a form and the signature block: never a signature page on its own; the
    whole last item moves with the signatures when it fits on a page (its heading included)."""
    parts = [g for f in item if not isinstance(f, CondPageBreak) for g in _unpacked(f)]
    tail = _unpacked(signature)
    return [KeepTail([*parts, *tail], len(tail) + 1)]


# --------------------------------------------------------------------------- dotted leaders


def draw_dots(canv: Any, x0: float, x1: float, y: float) -> None:
    """A row of dots like the typed leaders of the paper form (drawn, so extracted text stays clean)."""
    if x1 - x0 < 6:
        return
    canv.saveState()
    canv.setLineWidth(0.75)
    canv.setLineCap(1)
    canv.setDash([0.01, 2.9])
    canv.line(x0, y + 0.9, x1, y + 0.9)
    canv.restoreState()


class LeaderParagraph(Para):
    """A paragraph whose last line is continued with dots to the right edge (a form line).

    ``min_blank`` (points): when the dots left on the last line are shorter than that — a label
    that nearly fills its column, like "Số hiệu cán bộ, công chức:" — a whole dotted line is
    added under it, so the blank is long enough to write in."""

    def __init__(self, text: str, style: ParagraphStyle, min_blank: float = 0):
        super().__init__(text, style)
        self.min_blank = min_blank
        self._extra_line = False

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        if self._measured(avail_width):
            return super().wrap(avail_width, avail_height)  # measured at this width already
        width, height = super().wrap(avail_width, avail_height)
        self._extra_line = False
        if self.min_blank:
            widths = self.getActualLineWidths0()
            style = self.style
            start = style.leftIndent + (style.firstLineIndent if len(widths) == 1 else 0)
            room = width - style.rightIndent - start - (widths[-1] if widths else 0) - 3
            self._extra_line = room < self.min_blank
        if self._extra_line:
            height += self.style.leading
            self.height = height
            self._wrapped = (avail_width, (width, height))  # (its blPara is the one just made)
        return width, height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        return [] if self._extra_line else super().split(avail_width, avail_height)

    def draw(self) -> None:
        super().draw()  # the lines are drawn from the top down; an extra line is at the bottom
        widths = self.getActualLineWidths0()
        if not widths:
            return
        style = self.style
        n = len(widths)
        x = style.leftIndent + (style.firstLineIndent if n == 1 else 0) + widths[-1] + 3
        baseline = self.height - style.fontSize - (n - 1) * style.leading
        draw_dots(self.canv, x, self.width - style.rightIndent, baseline)
        if self._extra_line:
            draw_dots(self.canv, style.leftIndent, self.width - style.rightIndent, baseline - style.leading)


def field(markup: str, style: ParagraphStyle, *, min_blank: float = 0) -> LeaderParagraph:
    """One line of the form: label and values, then the dotted leader (see ``min_blank``)."""
    return LeaderParagraph(nfc(markup), style, min_blank)


class DottedLines(Flowable):
    """``count`` empty lines of dots, for the clerk's hand (2C item 32, empty free-text items)."""

    def __init__(self, count: int, leading: float = 20):
        super().__init__()
        self.count, self.leading = count, leading

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return avail_width, self.count * self.leading

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        fits = int(avail_height // self.leading)
        if fits <= 0 or fits >= self.count:
            return []
        return [DottedLines(fits, self.leading), DottedLines(self.count - fits, self.leading)]

    def draw(self) -> None:
        for i in range(self.count):
            draw_dots(self.canv, 0, self.width, (self.count - i - 1) * self.leading + 4)


# --------------------------------------------------------------------------- tables


PAD = 3  # left and right cell padding of ruled tables


def cell(value: Any, style: ParagraphStyle, width: float) -> str | Paragraph:
    """A table cell: a plain string when it fits on one line (reportlab draws those much faster
    than paragraphs, which matters for a thousand profiles), else a wrapping paragraph."""
    text = nfc("" if value is None else value).strip()
    if not text:
        return ""
    if "\n" not in text and stringWidth(text, style.fontName, style.fontSize) <= width - 2 * PAD - 0.5:
        return text
    return para(esc(text), style)


def grid(headers: Sequence[str] | None, rows: Sequence[Sequence[Any]], widths: Sequence[float], *,
         st: Styles | None = None, centered: Sequence[int] = (), blank_rows: int = 3,
         label_column: bool = False) -> Table:
    """A ruled table; its header row repeats on every page it runs onto. ``widths`` are points.

    Long cells wrap (never clipped); an empty table gets ``blank_rows`` empty rows for the clerk
    to fill in by hand. ``label_column`` sets the first column in bold (item 31's row labels).
    """
    st = st or styles()

    def style(i: int) -> ParagraphStyle:
        if label_column and i == 0:
            return st.cell_label
        return st.cell_center if i in centered else st.cell

    body = [[cell(c, style(i), widths[i]) for i, c in enumerate(row)] for row in rows]
    if not body:
        body = [["" for _ in widths] for _ in range(blank_rows)]
    first = 1 if headers else 0
    data = ([[para(esc(h), st.cell_head) for h in headers]] if headers else []) + body
    table = Table(data, colWidths=list(widths), repeatRows=first,
                  rowHeights=None if rows else [None] * first + [st.cell.leading + 8] * blank_rows)
    commands: list[tuple[Any, ...]] = [
        ("GRID", (0, 0), (-1, -1), 0.5, GRID), ("FONTNAME", (0, 0), (-1, -1), st.cell.fontName),
        ("FONTSIZE", (0, 0), (-1, -1), st.cell.fontSize), ("LEADING", (0, 0), (-1, -1), st.cell.leading),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), PAD), ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        *(("ALIGN", (i, first), (i, -1), "CENTER") for i in centered),
    ]
    if headers:
        commands.append(("VALIGN", (0, 0), (-1, 0), "MIDDLE"))
    if label_column:
        commands += [("VALIGN", (0, 0), (0, -1), "MIDDLE"), ("FONTNAME", (0, 0), (0, -1), st.cell_label.fontName)]
    table.setStyle(TableStyle(commands))
    return table


def fit_widths(headers: Sequence[str], rows: Sequence[Sequence[Any]], total: float, parts: Sequence[float], *,
               st: Styles | None = None, nowrap: Sequence[int] = (), least: float = 0.08) -> list[float]:
    """Column widths sized by content (what a browser's automatic table layout does).

    Each column needs at least its longest word (header or cell; a ``nowrap`` column its longest
    cell, e.g. "09/2003 - 06/2007") and at most its longest cell on one line. When every column
    fits on one line, the spare width goes by the form's ``parts``; otherwise each column gets
    its least plus a share of the rest in proportion to how much more it would take. No column
    is narrower than ``least`` of the table (so an empty column still has room for a word or a
    hand). A table without rows keeps the form's ``parts``."""
    st = st or styles()
    if not rows:
        return fractions(total, parts)
    body, head = st.cell, st.cell_head
    n = len(parts)

    def width(text: str, style: ParagraphStyle) -> float:
        return stringWidth(text, style.fontName, style.fontSize)

    floor = total * least
    low, high = [0.0] * n, [0.0] * n
    for i in range(n):
        header = " ".join(nfc(headers[i] if headers else "").split())
        # a header wraps on at most about three lines
        low[i] = max([width(w, head) for w in header.split()] + [floor - 2 * PAD, min(width(header, head) / 3, total * 0.3)])
        for row in rows:
            text = " ".join(nfc("" if row[i] is None else row[i]).split())
            if not text:
                continue
            whole = width(text, body)
            longest = whole if i in nowrap else max(width(w, body) for w in text.split())
            low[i], high[i] = max(low[i], longest), max(high[i], whole)
        low[i] += 2 * PAD + 1
        high[i] = max(high[i] + 2 * PAD + 1, low[i])
    if sum(low) >= total:
        return fractions(total, low)
    if sum(high) <= total:
        spare = total - sum(high)
        return [h + spare * p / sum(parts) for h, p in zip(high, parts, strict=True)]
    extra = [h - lo for h, lo in zip(high, low, strict=True)]
    spare = total - sum(low)
    return [lo + spare * e / sum(extra) for lo, e in zip(low, extra, strict=True)]


def fractions(total: float, parts: Sequence[float]) -> list[float]:
    whole = sum(parts)
    return [total * p / whole for p in parts]


def columns(cells: Sequence[Sequence[Flowable]], widths: Sequence[float], *, gap: float = 0) -> Table:
    """Flowables side by side with no rules (two fields on one line, signature blocks)."""
    table = Table([list(cells)], colWidths=list(widths))
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),
                               ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("RIGHTPADDING", (0, 0), (-1, -1), gap), ("TOPPADDING", (0, 0), (-1, -1), 0),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
    return table


def signature_block(left: Sequence[tuple[str, ParagraphStyle]], right: Sequence[tuple[str, ParagraphStyle]],
                    width: float, *, space: float = 56) -> KeepTogether:
    """Two signature columns, never split across pages; ``space`` is left for the signatures."""
    def column(lines: Sequence[tuple[str, ParagraphStyle]]) -> list[Flowable]:
        out: list[Flowable] = []
        for markup, style in lines:
            if markup == "":
                out.append(Spacer(space))
            else:
                out.append(para(markup, style))
        return out

    return KeepTogether([Spacer(12), columns([column(left), column(right)], [width * 0.47, width * 0.53], gap=6)])


class Spacer(Flowable):
    def __init__(self, height: float):
        super().__init__()
        self.height = height

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return avail_width, self.height

    def draw(self) -> None:
        pass


class PhotoBox(Flowable):
    """The bordered 4 × 6 cm photo cell: the photo when there is one, else "Ảnh màu (4 x 6 cm)"."""

    def __init__(self, photo: bytes | None, st: Styles, width: float = 4 * cm, height: float = 6 * cm):
        super().__init__()
        self.width, self.height, self.st = width, height, st
        self.image = _image(photo)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        canv = self.canv
        if self.image is not None:
            iw, ih = self.image.getSize()
            scale = max(self.width / iw, self.height / ih)  # fill the box, centred, cropped by a clip
            w, h = iw * scale, ih * scale
            canv.saveState()
            path = canv.beginPath()
            path.rect(0, 0, self.width, self.height)
            canv.clipPath(path, stroke=0, fill=0)
            canv.drawImage(self.image, (self.width - w) / 2, (self.height - h) / 2, w, h)
            canv.restoreState()
        else:
            caption = para("Ảnh màu<br/>(4 x 6 cm)", self.st.center)
            _, h = caption.wrap(self.width - 6, self.height)
            caption.drawOn(canv, 3, (self.height - h) / 2)
        canv.setLineWidth(0.75)
        canv.rect(0, 0, self.width, self.height)


def _image(photo: bytes | None) -> ImageReader | None:
    if not photo:
        return None
    try:
        reader = ImageReader(io.BytesIO(photo))
        reader.getSize()
        return reader
    except Exception:  # a damaged attachment must not stop the printout
        logger.warning("photo attachment could not be read; printing the empty photo box")
        return None
