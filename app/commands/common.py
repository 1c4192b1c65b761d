"""What every subcommand module shares: the services as the command line's principal, and a
progress bar. (The Vietnamese argparse is app.cli's ``Parser``: a subcommand's own subparsers
inherit it; argument types are in app.cli_args.)"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from app import output
from app.db import Database
from app.services import HoSo

Handler = Callable[[Any, argparse.Namespace], int]


def services(db: Database) -> HoSo:
    """The services as the command line's principal (see ``HoSo.for_cli``)."""
    return HoSo.for_cli(db)


def progress_bar(label: str, step: int | None = None) -> Callable[[int, int], None]:
    """A (done, total) progress callback drawing ``output.Progress`` once the total is known."""
    state: dict[str, output.Progress] = {}

    def report(done: int, total: int) -> None:
        if "bar" not in state:
            state["bar"] = output.Progress(label, total, step=step or max(1, min(50, total // 20 or 1)))
        state["bar"](done)

    return report
