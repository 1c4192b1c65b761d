"""The command line's only way to write: results on stdout, messages and progress on stderr."""

from __future__ import annotations

import json
import sys
from typing import Any


def out(text: str = "") -> None:
    sys.stdout.write(text + "\n")


def message(text: str) -> None:
    sys.stderr.write(text + "\n")
    sys.stderr.flush()


def emit_json(document: Any) -> None:
    """Exactly one JSON document on stdout, UTF-8 text (not \\u escapes)."""
    sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")


def table(headers: list[str], rows: list[list[str]]) -> None:
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(headers)]
    out("  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip())
    out("  ".join("-" * w for w in widths))
    for row in rows:
        out("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())


class Progress:
    """Progress on stderr, one line rewritten, at most every ``step`` items."""

    def __init__(self, label: str, total: int, step: int = 1000):
        self.label, self.total, self.step = label, total, step

    def __call__(self, done: int) -> None:
        if done == self.total or done % self.step == 0:
            sys.stderr.write(f"\r{self.label}: {done}/{self.total}")
            if done == self.total:
                sys.stderr.write("\n")
            sys.stderr.flush()
