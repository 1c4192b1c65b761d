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
