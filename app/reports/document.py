"""The PDF document every report is built into: one page template, a frame filling the margins,
and "Trang x/y" footers.

Page numbers: a report may hold several *sections* (one per profile in a batch) numbered on
their own. Each page's footer draws "Trang n/" and a PDF form XObject that holds the section's
page count; the form is defined when the section's last flowable is drawn (:class:`SectionEnd`).
So the numbers need no second pass and no finished page is kept back; and the story is pulled
chunk by chunk (:class:`LazyStory`), so a batch never holds all its dossiers at once.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from reportlab import rl_config
from reportlab.lib.pagesizes import A4
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from app.reports import fonts
from app.reports.layout import MARGINS, nfc

# Streams are only deflated, not also ASCII85-encoded (reportlab's default, made for 7-bit mail): a
# fifth of the time of saving a profile went into pure-Python base-85 encoding, and the files are a
# quarter larger with it. Every PDF reader reads binary streams. (A process-wide reportlab setting.)
rl_config.useA85 = 0


class SectionStart(Flowable):
    """Starts a numbered section (a profile): its pages count from 1."""

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        doc: ReportDoc = self.canv._doctemplate
        doc.section += 1
        doc.section_first_page = self.canv.getPageNumber()


class SectionEnd(Flowable):
    """Ends a section: writes its page count into the form every footer of the section shows."""

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        canv = self.canv
        doc: ReportDoc = canv._doctemplate
        total = canv.getPageNumber() - doc.section_first_page + 1
        canv.beginForm(doc.form_name(doc.section))
        canv.setFont(fonts.REGULAR, doc.footer_size)
        canv.drawString(doc.pagesize[0] / 2, doc.footer_y, str(total))
        canv.endForm()


class ReportDoc(BaseDocTemplate):
    """One page template, a frame filling the margins, and the "Trang x/y" footer."""

    footer_size = 10

    def __init__(self, out: Any, *, pagesize: tuple[float, float] = A4,
                 margins: tuple[float, float, float, float] = MARGINS, title: str = "", subject: str = ""):
        top, right, bottom, left = margins
        super().__init__(out, pagesize=pagesize, topMargin=top, rightMargin=right, bottomMargin=bottom,
                         leftMargin=left, title=nfc(title), subject=nfc(subject), author="HoSo", creator="HoSo",
                         pageCompression=1, initialFontName=fonts.REGULAR)
        frame = Frame(left, bottom, self.width, self.height, id="body", leftPadding=0, rightPadding=0,
                      topPadding=0, bottomPadding=0)
        self.addPageTemplates([PageTemplate("page", [frame], onPageEnd=self._footer, pagesize=pagesize)])
        self.footer_y = bottom / 2 - 3
        self.section = 0
        self.section_first_page = 1
        self.pages = 0

    @staticmethod
    def form_name(section: int) -> str:
        return f"HoSoPages{section}"

    def _footer(self, canv: Any, _doc: Any) -> None:
        self.pages = canv.getPageNumber()
        if self.section == 0:
            return
        canv.saveState()
        canv.setFont(fonts.REGULAR, self.footer_size)
        number = canv.getPageNumber() - self.section_first_page + 1
        canv.drawRightString(self.pagesize[0] / 2, self.footer_y, nfc(f"Trang {number}/"))
        canv.doForm(self.form_name(self.section))
        canv.restoreState()


class LazyStory(list):
    """A story that pulls the next chunk of flowables only when reportlab has used up the last,
    so a batch of a thousand profiles is never held in memory at once."""

    def __init__(self, chunks: Iterable[list[Flowable]]):
        super().__init__()
        self._chunks: Iterator[list[Flowable]] | None = iter(chunks)

    def __len__(self) -> int:
        while super().__len__() == 0 and self._chunks is not None:
            chunk = next(self._chunks, None)
            if chunk is None:
                self._chunks = None
            else:
                self.extend(chunk)
        return super().__len__()


def section(flowables: list[Flowable]) -> list[Flowable]:
    """Wrap a numbered section's flowables."""
    return [SectionStart(), *flowables, SectionEnd()]


def build(out: Path | BinaryIO | str, chunks: Iterable[list[Flowable]], *, pagesize: tuple[float, float] = A4,
          margins: tuple[float, float, float, float] = MARGINS, title: str = "", subject: str = "") -> int:
    """Write the PDF; ``chunks`` are lists of flowables (each usually one :func:`section`).

    Returns the number of pages.
    """
    fonts.register_fonts()
    target = str(out) if isinstance(out, Path) else out
    doc = ReportDoc(target, pagesize=pagesize, margins=margins, title=title, subject=subject)
    doc.build(LazyStory(chunks))
    return doc.pages
