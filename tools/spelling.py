#!/usr/bin/env python3
"""HoSo's one spelling convention for Vietnamese: the tone mark on the second vowel of "oa", "oe" and
"uy" at the end of a syllable (hoá, khoẻ, xoá, huỷ, thuỷ, uỷ ban), the style the forms and most of
the code already use. ``old_style(text)`` finds the other style; ``python tools/spelling.py FILE…``
rewrites files to the convention (tests/ui/test_spelling.py keeps the UI and its resources to it)."""

from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path

# a tone on the first vowel of a final oa/oe/uy ("qu" is a consonant: quý, quá are right as they are)
OLD_STYLE = re.compile(r"(?<![qQ])([òóỏõọÒÓỎÕỌ][aeAE]|[ùúủũụÙÚỦŨỤ][yY])(?!\w)")


def _move_tone(match: re.Match[str]) -> str:
    first, second = match.group(1)[0], match.group(1)[1]
    base, *marks = unicodedata.normalize("NFD", first)
    return base + unicodedata.normalize("NFC", second + "".join(marks))


def old_style(text: str) -> list[str]:
    return [m.group(0) for m in OLD_STYLE.finditer(unicodedata.normalize("NFC", text))]


def to_convention(text: str) -> str:
    return OLD_STYLE.sub(_move_tone, unicodedata.normalize("NFC", text))


if __name__ == "__main__":
    for name in sys.argv[1:]:
        path = Path(name)
        text = path.read_text(encoding="utf-8")
        fixed = to_convention(text)
        if fixed != text:
            path.write_text(fixed, encoding="utf-8")
            print(f"{name}: {len(old_style(text))}")
