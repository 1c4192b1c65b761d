"""Where a report is written: the target is checked before any work starts, and the file appears
only when complete (written next to it under a temporary name, then renamed), so a failed or
cancelled report never leaves half a file behind."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from app.errors import UserError

T = TypeVar("T")


def check_target(out: Path, suffixes: tuple[str, ...]) -> Path:
    """Refuse (in Vietnamese) a wrong extension or a folder that is missing or not writable."""
    if out.suffix.lower() not in suffixes:
        wanted = " hoặc ".join(suffixes)
        raise UserError(f"Tệp kết quả '{out.name}' phải có đuôi {wanted}.")
    folder = out.resolve().parent
    if not folder.is_dir():
        raise UserError(f"Thư mục '{folder}' không tồn tại; không ghi được tệp {out.name}.")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise UserError(f"Không có quyền ghi vào thư mục '{folder}'.")
    if out.is_dir():
        raise UserError(f"'{out}' là một thư mục, không phải tệp.")
    return out


def atomic(out: Path, write: Callable[[str], T]) -> T:
    """Run ``write(temporary path)`` and move the result onto ``out``; nothing is left on failure."""
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    try:
        result = write(str(tmp))
        os.replace(tmp, out)
        return result
    except OSError as exc:
        raise UserError(f"Không ghi được tệp '{out}': {exc.strerror or exc}.") from exc
    finally:
        if tmp.exists():
            tmp.unlink()
