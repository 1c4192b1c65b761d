#!/usr/bin/env python3
"""Translations: Vietnamese is the source language of the UI; English is a complete translation.

    python tools/i18n.py update    regenerate ui/widgets/field_texts.py from app.fields (and
                                   ui/widgets/catalog_texts.py from the catalog file), re-scan ui/
                                   into resources/translations/hoso_en.ts (keeps what is translated;
                                   new strings come in "unfinished", a field label with the English
                                   label of its declaration, ``FieldSpec.en``)
    python tools/i18n.py release   compile the .ts files into the .qm files the app loads

tests/ui/test_translations.py fails when a UI string has no English translation or the .qm is stale.
"""

from __future__ import annotations

import html
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "resources" / "translations"
BIN = Path(sys.executable).parent
if str(ROOT) not in sys.path:  # run as a script: this checkout's app/ and ui/, not an installed copy
    sys.path.insert(0, str(ROOT))


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py"))


def update(ts: Path | None = None, *, regenerate: bool | None = None) -> Path:
    """Re-scan ui/ into ``ts``. Regenerating ``ui/widgets/field_texts.py`` (the labels of
    ``app.fields`` as literals) is the default when updating the real file, not a copy."""
    target = ts or FOLDER / "hoso_en.ts"
    if regenerate if regenerate is not None else ts is None:
        from ui.widgets import catalog_texts, field_texts

        Path(field_texts.__file__).write_text(field_texts.render(), encoding="utf-8")
        Path(catalog_texts.__file__).write_text(catalog_texts.render(), encoding="utf-8")
    subprocess.run([str(BIN / "pyside6-lupdate"), "-no-obsolete", "-locations", "none", *sources(), "-ts", str(target)],
                   cwd=ROOT, check=True, capture_output=True)
    fill_field_translations(target)
    return target


def english_labels() -> dict[str, str]:
    """Vietnamese label → English label, from the declarations of ``app.fields`` that give one."""
    from app.fields import PERSON_FIELDS, SECTION_FIELDS

    specs = [*PERSON_FIELDS, *(s for specs in SECTION_FIELDS.values() for s in specs)]
    return {s.label: s.en for s in specs if s.en}


_UNFINISHED = re.compile(r'(<message>\s*<source>(?P<source>[^<]*)</source>\s*)<translation type="unfinished">\s*</translation>',
                         re.S)


def fill_field_translations(ts: Path) -> int:
    """Give the unfinished "Fields" messages of ``ts`` the English of their declaration; returns how many."""
    text = ts.read_text(encoding="utf-8")
    english = english_labels()
    filled = 0

    def context(body: str) -> str:
        nonlocal filled

        def one(m: re.Match[str]) -> str:
            nonlocal filled
            en = english.get(html.unescape(m["source"]))
            if not en:
                return m[0]
            filled += 1
            return f"{m[1]}<translation>{html.escape(en, quote=False)}</translation>"

        return _UNFINISHED.sub(one, body)

    text = re.sub(r"(<context>\s*<name>Fields</name>.*?</context>)", lambda m: context(m[1]), text, flags=re.S)
    ts.write_text(text, encoding="utf-8")
    return filled


def release() -> None:
    for ts in sorted(FOLDER.glob("*.ts")):
        subprocess.run([str(BIN / "pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True,
                       capture_output=True)


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "update":
        print(update())
    elif command == "release":
        release()
    else:
        print(__doc__)
        sys.exit(2)
