"""House rule 1: ``ui → app → models``. The core never imports Qt; the UI never queries."""

from __future__ import annotations

import pkgutil
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _modules(package: str) -> list[str]:
    path = ROOT / package
    return [f"{package}.{m.name}" for m in pkgutil.walk_packages([str(path)]) if "migrations" not in m.name]


def test_core_imports_no_qt() -> None:
    modules = ["main", "models", *_modules("models"), "app", *_modules("app")]
    code = ("import importlib, sys\n"
            f"for name in {modules!r}:\n    importlib.import_module(name)\n"
            "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'ui'))\n"
            "print(','.join(bad))")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "", f"Qt or ui imported by the core: {result.stdout}"
    assert len(modules) > 15


def test_ui_never_opens_a_session_or_builds_a_query() -> None:
    forbidden = re.compile(r"^\s*(from|import)\s+(sqlalchemy|models)\b|\.session\(|(?<![.\w])select\(", re.M)
    offenders = [str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py") if forbidden.search(p.read_text())]
    assert offenders == []
