"""The services the desktop app calls: each method is one user action in one transaction.

The UI never opens a session or builds a query; it holds a ``HoSoService`` and gets plain data
back (frozen dataclasses, dicts), so no lazy load can fire inside a paint.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select

from app import people, search, units
from app.db import Database
from app.person_json import person_json
from models import Person


@dataclass(frozen=True)
class Overview:
    database: str
    people: int
    units: int


class HoSoService:
    def __init__(self, db: Database, user: str | None = None):
        self.db = db
        self.user = user

    def overview(self) -> Overview:
        with self.db.session(self.user) as s:
            count = s.scalar(select(func.count()).select_from(Person).where(Person.deleted_at.is_(None))) or 0
            return Overview(self.db.url, count, len(units.list_units(s)))

    def list_units(self) -> list[units.UnitRow]:
        with self.db.session(self.user) as s:
            return units.list_units(s)

    def search(self, query: str, limit: int | None = 200, unit_code: str | None = None) -> list[search.SearchHit]:
        with self.db.session(self.user) as s:
            return search.search(s, query, limit=limit, unit_code=unit_code)

    def person(self, key: str) -> dict[str, Any]:
        with self.db.session(self.user) as s:
            return person_json(s, people.find_person(s, key).id)

    def create_person(self, data: dict[str, Any]) -> people.SaveResult:
        with self.db.session(self.user) as s:
            return people.create_person(s, data)

    def update_person(self, key: str, data: dict[str, Any], expected_version: int | None = None) -> people.SaveResult:
        with self.db.session(self.user) as s:
            return people.update_person(s, key, data, expected_version=expected_version)

    def load_demo(self, count: int, seed: int = 1) -> int:
        from app import demo

        return demo.generate(self.db, count, seed).people
