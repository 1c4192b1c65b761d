"""Remembered city-database credentials: a JSON file readable only by the user (mode 0600) in the
config folder, never in the database. Keyed by the URL without its password (``url_key``)."""

from __future__ import annotations

import json
import os
from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from app.errors import UserError
from app.paths import config_file

FILE_NAME = "sync-credentials.json"


def credentials_file() -> Path:
    return config_file().parent / FILE_NAME


def _read() -> dict[str, dict[str, str]]:
    try:
        data = json.loads(credentials_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _write(data: dict[str, dict[str, str]]) -> None:
    path = credentials_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(data, handle, ensure_ascii=False, indent=2)
    os.chmod(path, 0o600)  # also when the file existed with wider rights


def base_url(url: str) -> str:
    """The URL without user and password (what the credentials are remembered under)."""
    return make_url(url)._replace(username=None, password=None).render_as_string(hide_password=False)


def remember(url: str, user: str, password: str) -> None:
    data = _read()
    data.pop(base_url(url), None)  # re-inserted last: the most recent
    data[base_url(url)] = {"user": user, "password": password}
    _write(data)


def forget(url: str) -> None:
    data = _read()
    if data.pop(base_url(url), None) is not None:
        _write(data)


def recall(url: str) -> tuple[str, str] | None:
    entry = _read().get(base_url(url))
    if not entry:
        return None
    return entry.get("user", ""), entry.get("password", "")


def with_credentials(url: str, user: str | None = None, password: str | None = None) -> str:
    """``url`` with the given user/password, else the remembered ones when the URL has no password."""
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):  # ValueError: e.g. a port that is not a number
        raise UserError(f"Địa chỉ cơ sở dữ liệu thành phố không hợp lệ: {url} "
                        "(dạng postgresql+psycopg://người_dùng@máy_chủ:5432/tên_csdl)") from None
    if user is None and password is None and parsed.password is None:
        stored = recall(url)
        if stored is not None and (parsed.username in (None, stored[0])):
            user, password = stored
    if user:
        parsed = parsed.set(username=user)
    if password:
        parsed = parsed.set(password=password)
    return parsed.render_as_string(hide_password=False)


def remembered_urls() -> list[str]:
    """The addresses with remembered credentials, the most recently remembered last."""
    return list(_read())
