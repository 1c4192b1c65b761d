"""Argument types shared by every subcommand module (a leaf: it imports nothing of HoSo, so the
city's commands and app.commands can use it without an import cycle through app.cli)."""

from __future__ import annotations

import argparse


def non_negative_int(text: str) -> int:
    """An argparse type for counts."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' không phải số nguyên") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"'{text}' phải là số không âm")
    return value


# The longest search text taken: a name, a CCCD number or a unit, with room to spare. A longer text
# is a mistake (a pasted file) and would reach the database as a huge pattern.
MAX_QUERY_CHARS = 200


def query_text(text: str) -> str:
    """An argparse type for a search text (``search QUERY`` and every ``--query``)."""
    if len(text) > MAX_QUERY_CHARS:
        raise argparse.ArgumentTypeError(f"nội dung tìm kiếm dài {len(text):,} ký tự".replace(",", ".")
                                         + f", tối đa {MAX_QUERY_CHARS} ký tự")
    return text
