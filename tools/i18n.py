#!/usr/bin/env python3
"""Translations: Vietnamese is the source language of the UI; English is a complete translation.

    python tools/i18n.py update    re-scan ui/ into resources/translations/hoso_en.ts (keeps what is
                                   translated; new strings come in "unfinished")
    python tools/i18n.py release   compile the .ts files into the .qm files the app loads

tests/ui/test_translations.py fails when a UI string has no English translation or the .qm is stale.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "resources" / "translations"
BIN = Path(sys.executable).parent


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py"))


def update(ts: Path | None = None) -> Path:
    target = ts or FOLDER / "hoso_en.ts"
    subprocess.run([str(BIN / "pyside6-lupdate"), "-no-obsolete", "-locations", "none", *sources(), "-ts", str(target)],
                   cwd=ROOT, check=True, capture_output=True)
    return target


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
