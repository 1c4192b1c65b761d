"""Job positions and rating (issue 15; app.positions, app.rating): the framework of positions per
agency, placing people in them, the monthly/quarterly scores and the head's yearly approval.

Every public method declares its action with ``@policy``; the unit-bound checks that depend on the
rows (each placement's person, each scored person, each framework row's unit) stay in the bodies.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import planning, positions, rating, rating_sheet, units
from app.errors import UserError
from app.security.permissions import require
from app.services.base import Area
from app.services.masks import mask_cccd
from app.services.policy import policy
from models import Person, Unit


class Positions(Area):
    # --- helpers --------------------------------------------------------------------------------
    def _unit_ids(self, s: Session, code: str | None, action: str) -> tuple[Unit | None, list[uuid.UUID]]:
        """The unit and its sub-units after checking ``action``; every unit (the unscoped) for None."""
        uid = self._unit(s, code, action)
        if uid is None:
            return None, list(s.scalars(select(Unit.id)))
        return s.get(Unit, uid), units.subtree_ids(s, uid)

    def _masked_cccd(self, items: list[Any], attr: str | None = None) -> list[Any]:
        """List rows with the Số CCCD masked for a role that may not see it (as the person list);
        ``attr``: the rows hold the person in that attribute."""
        role = self.principal.role
        if attr is None:
            return [dataclasses.replace(i, cccd=mask_cccd(i.cccd, role)) for i in items]
        return [dataclasses.replace(i, **{attr: dataclasses.replace(
            getattr(i, attr), cccd=mask_cccd(getattr(i, attr).cccd, role))}) for i in items]

    def _manage(self, s: Session, unit_code: str) -> Unit:
        unit = units.get_unit(s, unit_code)
        require(self.principal, "manage_positions", unit.id, s)
        return unit

    # --- the framework of positions -------------------------------------------------------------
    @policy("view", scope="unit")
    def positions(self, unit_code: str | None = None, *, include_retired: bool = False) -> list[Any]:
        """The positions of ``unit_code`` and its sub-units (None: of the principal's units)."""
        with self._read() as s:
            self._fresh_scope(s)
            if unit_code is None and self.principal.unit_ids is not None:
                ids = list(self.principal.unit_ids)
            else:
                ids = self._unit_ids(s, unit_code, "view")[1]
            return positions.list_positions(s, ids, include_retired=include_retired)

    @policy("manage_positions", scope="unit", write=True)
    def save_position(self, unit_code: str, values: dict[str, Any], *, code: str | None = None) -> None:
        """Add a position to the unit, or edit the position ``code``."""
        with self._session(write=True) as s:
            positions.save_position(s, self._manage(s, unit_code), values, code=code)

    @policy("manage_positions", scope="unit", write=True)
    def retire_position(self, unit_code: str, code: str, on: dt.date) -> None:
        with self._session(write=True) as s:
            positions.retire_position(s, self._manage(s, unit_code), code, on)

    @policy("manage_positions", scope="unit", write=True)
    def delete_position(self, unit_code: str, code: str) -> None:
        """Only a position nobody ever held; one that was held is retired instead."""
        with self._session(write=True) as s:
            positions.delete_position(s, self._manage(s, unit_code), code)

    @policy("manage_positions", scope="unit", write=True)
    def attach_position_document(self, unit_code: str, code: str, kind: str, path: str | Path) -> str:
        with self._session(write=True) as s:
            return positions.attach_document(s, self._manage(s, unit_code), code, kind, Path(path))

    @policy("manage_positions", scope="unit", write=True)
    def load_positions(self, path: str | Path, unit_code: str | None = None) -> Any:
        """A framework list from a spreadsheet, all or nothing; every row's unit must be the user's."""
        with self._session(write=True) as s:
            self._fresh_scope(s)
            default = self._manage(s, unit_code) if unit_code else None

            def check(unit: Unit) -> None:
                require(self.principal, "manage_positions", unit.id, s)

            return positions.load_positions(s, Path(path), default, check)

    # --- placing people -------------------------------------------------------------------------
    @policy("edit", scope="person", write=True)
    def assign_position(self, key: str | uuid.UUID, code: str, start: dt.date, *, decision: str | None = None) -> None:
        """Place a person in a position (of their unit or an agency above) from ``start``."""
        with self._session(write=True) as s:
            person = self._person(s, key, "edit")
            positions.assign(s, person, positions.find_position_for(s, person, code), start, decision=decision)

    @policy("edit", write=True)
    def assign_positions(self, pairs: Sequence[tuple[str, str]], start: dt.date, *, decision: str | None = None) -> int:
        """A reviewed batch of (person key, position code): all placed or none."""
        with self._session(write=True) as s:
            self._fresh_scope(s)
            for key, code in pairs:
                person = self._person(s, key, "edit")
                positions.assign(s, person, positions.find_position_for(s, person, code), start, decision=decision)
                s.flush()
            return len(pairs)

    @policy("edit", write=True)
    def import_placements(self, path: str | Path) -> dict[str, Any]:
        """Placements from a spreadsheet; a person outside the user's units is refused by row."""
        with self._session(write=True) as s:
            self._fresh_scope(s)

            def check(person: Person) -> None:
                require(self.principal, "edit", person.unit_id, s)

            return positions.import_placements(s, Path(path), check)

    @policy("view", scope="person")
    def position_history(self, key: str | uuid.UUID) -> list[Any]:
        with self._read() as s:
            return positions.holdings(s, self._person(s, key, "view").id)

    @policy("view", scope="unit")
    def placement_dashboard(self, unit_code: str, as_of: dt.date | None = None) -> Any:
        with self._read() as s:
            self._fresh_scope(s)
            unit, ids = self._unit_ids(s, unit_code, "view")
            assert unit is not None
            board = positions.dashboard(s, unit, ids, as_of or dt.date.today())
        return dataclasses.replace(board, unplaced=self._masked_cccd(board.unplaced),
                                   mismatched=self._masked_cccd(board.mismatched))

    @policy("edit", scope="unit")
    def placement_proposals(self, unit_code: str, as_of: dt.date | None = None) -> list[Any]:
        with self._read() as s:
            self._fresh_scope(s)
            unit, ids = self._unit_ids(s, unit_code, "edit")
            assert unit is not None
            return self._masked_cccd(positions.propose(s, unit, ids, as_of or dt.date.today()), "person")

    @policy("view", scope="unit")
    def terms_ending(self, start: dt.date, end: dt.date, unit_code: str | None = None) -> list[Any]:
        """The appointment terms ending between ``start`` and ``end`` (of the principal's units)."""
        with self._read() as s:
            self._fresh_scope(s)
            if unit_code is None and self.principal.unit_ids is not None:
                ids: list[uuid.UUID] | None = list(self.principal.unit_ids)
            else:
                ids = self._unit_ids(s, unit_code, "view")[1] if unit_code else None
            return self._masked_cccd(positions.terms_ending(s, start, end, ids))

    # --- quy hoạch (planning per title) -----------------------------------------------------------
    def _planning_scope(self, s: Session, unit_code: str | None, action: str) -> tuple[str, list[uuid.UUID] | None]:
        if unit_code is None and self.principal.unit_ids is not None:
            for uid in self.principal.unit_ids:
                require(self.principal, action, uid, s)
            return "Các đơn vị được giao", list(self.principal.unit_ids)
        if unit_code is None:
            require(self.principal, action, any_unit=True)
            return "Tất cả đơn vị", None
        unit, ids = self._unit_ids(s, unit_code, action)
        assert unit is not None
        return unit.name, ids

    @policy("view", scope="unit")
    def planning_list(self, unit_code: str | None = None, *, title: str | None = None, as_of: dt.date | None = None,
                      include_ended: bool = False) -> list[Any]:
        """Who is in the planning (quy hoạch) for which title, in the unit and its sub-units (None:
        the principal's units), by title (``app.planning``); the Số CCCD masked as in the person list."""
        with self._read() as s:
            self._fresh_scope(s)
            _name, ids = self._planning_scope(s, unit_code, "view")
            rows = planning.planning_list(s, ids, as_of or dt.date.today(), title=title, include_ended=include_ended)
        return self._masked_cccd(rows)

    @policy("print", scope="unit")
    def render_planning_list(self, path: str | Path, unit_code: str | None = None, *, title: str | None = None,
                             as_of: dt.date | None = None, include_ended: bool = False) -> Path:
        """The list per title as PDF ("print") or .xlsx ("export") by the extension (no Số CCCD on it)."""
        action = "export" if str(path).lower().endswith(".xlsx") else "print"
        day = as_of or dt.date.today()
        with self._read() as s:
            self._fresh_scope(s)
            name, ids = self._planning_scope(s, unit_code, action)
            rows = planning.planning_list(s, ids, day, title=title, include_ended=include_ended)
        return planning.write(rows, name, Path(path), day)

    # --- rating ---------------------------------------------------------------------------------
    @policy("rate", write=True)
    def import_scores(self, path: str | Path) -> Any:
        """Monthly/quarterly scores from a spreadsheet; a person outside the user's units is refused by row."""
        with self._session(write=True) as s:
            self._fresh_scope(s)

            def check(person: Person) -> None:
                require(self.principal, "rate", person.unit_id, s)

            return rating.import_scores(s, Path(path), check)

    @policy("view", scope="unit")
    def rating_people(self, unit_code: str | None) -> list[Any]:
        """The working cán bộ, công chức and viên chức of the unit and its sub-units: whom the hand
        entry of scores offers (the Số CCCD masked as in the person list)."""
        with self._read() as s:
            self._fresh_scope(s)
            _unit, ids = self._unit_ids(s, unit_code, "view")
            return self._masked_cccd(rating.rateable_people(s, ids))

    @policy("view", scope="person")
    def period_scores(self, key: str | uuid.UUID, year: int) -> list[Any]:
        """The person's stored monthly/quarterly scores of ``year`` (what the hand entry edits)."""
        with self._read() as s:
            return rating.scores_of(s, self._person(s, key, "view").id, year)

    @policy("rate", scope="person", write=True)
    def enter_scores(self, key: str | uuid.UUID, year: int, entries: dict[Any, dict[str, Any]], *,
                     unit_code: str | None = None, replace: bool = True) -> Any:
        """A person's monthly or quarterly scores of ``year`` entered by hand, in one transaction:
        the year's periods become ``entries`` (``replace=False``: the other stored periods stay;
        ``app.rating.enter_scores``; every bad field is named
        and nothing is written). Returns the person's year recomputed and the quota warnings of
        ``unit_code`` (default: the person's unit) with the new scores."""
        with self._session(write=True) as s:
            self._fresh_scope(s)
            person = self._person(s, key, "rate")
            scope = self._unit(s, unit_code, "view") if unit_code else person.unit_id
            result = rating.enter_scores(s, person, year, entries, person.unit_id, replace=replace)
            warnings = rating.unit_check(s, units.subtree_ids(s, scope), year).warnings() if scope else []
            return rating.EntryResult(person.full_name, result, warnings)

    @policy("view", scope="person")
    def rating_years(self, key: str | uuid.UUID) -> list[Any]:
        with self._read() as s:
            return rating.person_years(s, self._person(s, key, "view").id)

    @policy("edit", scope="person", write=True)
    def record_petition(self, key: str | uuid.UUID, year: int, petition_date: dt.date, *,
                        answered_on: dt.date | None = None, outcome: str | None = None) -> None:
        """A viên chức's petition against the year's rating and its answer (the clerk records them)."""
        with self._session(write=True) as s:
            person = self._person(s, key, "edit")
            rating.record_petition(s, person, year, petition_date, answered_on=answered_on, outcome=outcome)

    @policy("view", scope="person")
    def rating_petitions(self, key: str | uuid.UUID) -> list[Any]:
        with self._read() as s:
            return rating.petitions(s, self._person(s, key, "view").id)

    @policy("view", scope="unit")
    def rating_check(self, unit_code: str | None, year: int) -> Any:
        with self._read() as s:
            self._fresh_scope(s)
            _unit, ids = self._unit_ids(s, unit_code, "view")
            check = rating.unit_check(s, ids, year)
        return dataclasses.replace(check, people=self._masked_cccd(check.people))

    @policy("approve", scope="unit", write=True)
    def approve_ratings(self, unit_code: str, year: int, *, over_quota: bool = False) -> int:
        """The head approves the unit's yearly levels into the dossiers; refused while the quota is
        exceeded unless ``over_quota`` (the head has seen the warning)."""
        with self._session(write=True) as s:
            self._fresh_scope(s)
            _unit, ids = self._unit_ids(s, unit_code, "approve")
            check = rating.unit_check(s, ids, year)
            if not check.quota_ok and not over_quota:
                raise UserError("Chưa duyệt: " + " ".join(check.warnings()) +
                                " Xem lại, hoặc duyệt dù vượt tỷ lệ khi đã cân nhắc.")
            return rating.approve(s, check)

    @policy("print", scope="unit")
    def render_rating_sheet(self, unit_code: str, year: int, path: str | Path) -> Path:
        """The unit's yearly rating sheet as PDF ("print") or .xlsx ("export") by the extension."""
        action = "export" if str(path).lower().endswith(".xlsx") else "print"
        with self._read() as s:
            self._fresh_scope(s)
            unit, ids = self._unit_ids(s, unit_code, action)
            assert unit is not None
            check = rating.unit_check(s, ids, year)
            name = unit.name
        return rating_sheet.write(check, name, Path(path))
