"""HoSo's one version number: ``[project] version`` in pyproject.toml.

Where it is read from, first match wins:

1. pyproject.toml next to the ``app`` package: in a source checkout (the checkout is what runs, so
   its file wins over an editable install's metadata, which only a re-install refreshes) and in a
   frozen build, where ``packaging/hoso.spec`` bundles pyproject.toml at the bundle's root (a
   PyInstaller bundle has no dist-info);
2. an installed wheel: the package metadata (``importlib.metadata``).
"""

from __future__ import annotations

import sys
import tomllib
from functools import cache
from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as installed_version
from pathlib import Path

DIST_NAME = "hoso"
UNKNOWN = "0+unknown"
_PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"


def is_frozen() -> bool:
    """True inside a PyInstaller build."""
    return bool(getattr(sys, "frozen", False))


def pyproject_version(path: Path) -> str | None:
    """``[project] version`` of a pyproject.toml, None when the file or the key is missing."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError):
        return None
    project = data.get("project", {})
    if project.get("name") != DIST_NAME:  # some other project's file (e.g. a wheel installed beside one)
        return None
    value = project.get("version")
    return str(value) if value else None


@cache
def version() -> str:
    """The version string, e.g. ``0.1.0`` (``0+unknown`` only when every source is missing)."""
    found = pyproject_version(_PYPROJECT)
    if found:
        return found
    try:
        return installed_version(DIST_NAME)
    except PackageNotFoundError:
        return UNKNOWN


def version_text() -> str:
    """What ``hoso --version`` prints (CONTRACT): ``HoSo X.Y.Z``."""
    return f"HoSo {version()}"
