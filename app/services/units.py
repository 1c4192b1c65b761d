"""The unit tree and the catalogs (simple lists, grades)."""

from __future__ import annotations

import datetime as dt

from app import catalogs, units
from app.services.base import Area
from app.services.policy import PUBLIC, policy


class Units(Area):
    @policy(PUBLIC)
    def list_units(self) -> list[units.UnitRow]:
        """Every unit (the tree is not personal data; the people in it are scoped)."""
        with self._read() as s:
            return units.list_units(s)

    @policy("manage_units", write=True)
    def add_unit(self, code: str, name: str, parent_code: str | None = None, kind: str | None = None) -> tuple[str, str]:
        """Add a unit; returns its (code, name) as stored (normalised)."""
        with self._session(write=True) as s:
            unit = units.add_unit(s, code, name, parent_code, kind=kind)
            stored = (unit.code, unit.name)
        self._refresh()
        return stored

    @policy("manage_units", write=True)
    def rename_unit(self, code: str, name: str) -> None:
        with self._session(write=True) as s:
            units.rename_unit(s, code, name)

    @policy("manage_units", write=True)
    def move_unit(self, code: str, parent_code: str | None) -> None:
        with self._session(write=True) as s:
            units.move_unit(s, code, parent_code)
        self._refresh()

    @policy("manage_units", write=True)
    def deactivate_unit(self, code: str, on: dt.date) -> None:
        with self._session(write=True) as s:
            units.deactivate_unit(s, code, on)

    def _refresh(self) -> None:
        if self.principal.unit_roots is not None:
            with self._read() as s:
                self._fresh_scope(s)

    # --- catalogs -------------------------------------------------------------------------------
    @policy(PUBLIC)
    def catalog(self, name: str) -> list[catalogs.CatalogEntry]:
        with self._read() as s:
            return catalogs.entries(s, name)

    @policy(PUBLIC)
    def grades(self) -> list[catalogs.GradeInfo]:
        with self._read() as s:
            return catalogs.grades(s)
