"""Errors the user can act on. Their text is Vietnamese and names the field (and row)."""

from __future__ import annotations

from dataclasses import dataclass


class UserError(Exception):
    """Refused input or an unusable target: shown as-is, never as a traceback (exit code 1)."""


@dataclass(frozen=True)
class FieldError:
    field: str  # "cccd", "training[2].start_date"
    label: str  # the field as the user sees it: "Số CCCD"
    message: str  # "phải gồm đúng 12 chữ số"

    def __str__(self) -> str:
        return f"{self.label}: {self.message}"


class ValidationError(UserError):
    def __init__(self, errors: list[FieldError]):
        self.errors = list(errors)
        super().__init__("; ".join(str(e) for e in self.errors))

    def for_field(self, field: str) -> list[FieldError]:
        return [e for e in self.errors if e.field == field]
