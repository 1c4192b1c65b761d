"""Liberation Serif for every report, registered with reportlab once per process.

Why this font: reportlab's built-in Type 1 fonts lack most Vietnamese letters, and Nghị định
30/2020/NĐ-CP sets Times New Roman for administrative documents; Liberation Serif (SIL OFL 1.1,
``resources/fonts/LICENSE-LiberationFonts.txt``) is metric-compatible with it and covers Vietnamese.
The TTFs ship in ``resources/fonts`` so a PDF looks the same on every machine; reportlab embeds a
subset of each (``FontFile2``) in the PDF.
"""

from __future__ import annotations

import threading

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from app.resources import resource_path

REGULAR = "LiberationSerif"
BOLD = "LiberationSerif-Bold"
ITALIC = "LiberationSerif-Italic"
BOLD_ITALIC = "LiberationSerif-BoldItalic"

_FILES = {REGULAR: "LiberationSerif-Regular.ttf", BOLD: "LiberationSerif-Bold.ttf",
          ITALIC: "LiberationSerif-Italic.ttf", BOLD_ITALIC: "LiberationSerif-BoldItalic.ttf"}
_lock = threading.Lock()
_registered = False


def register_fonts() -> None:
    """Register the four faces and the family (so ``<b>``/``<i>`` in paragraphs pick them).

    Safe to call from any thread and any number of times; only the first call reads the files.
    """
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        for name, file_name in _FILES.items():
            pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", file_name))))
        for bold, italic, name in ((0, 0, REGULAR), (1, 0, BOLD), (0, 1, ITALIC), (1, 1, BOLD_ITALIC)):
            addMapping(REGULAR, bold, italic, name)
        _registered = True
