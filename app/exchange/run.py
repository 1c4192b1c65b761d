"""One pass of an import over a session: resolve, compare, save row by row (``importer`` drives it).

Per people row: the record built from the cells (``records``), refused at once for cell errors
or a CCCD that appears twice in the file; then the unit (code, or exact name ignoring accents —
an ambiguous name is refused), ngạch by name, catalog names; then the stored person with that
CCCD, if any, decides between create and an update limited to the changed fields; finally the
service saves it. New people are saved in batches: the service checks them together, writing
nothing (a refused row is refused alone), then writes the batch — one INSERT per table and the
change log in bulk — inside one SAVEPOINT; only if that write fails is the batch saved again row by
row, each in its own SAVEPOINT, so the failing row is found and refused alone. A dry run
(``validate_only``) runs the same checks and writes nothing at all: the people it would create and
the fields it would change are remembered (``planned``, ``pending``) so that later rows and the
child sheets are checked against them as the import would. Child sheets follow (``sections``).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from app import catalogs
from app import cccd as cccd_rules
from app.audit import to_text
from app.errors import FieldError, UserError, ValidationError
from app.exchange.importer import ImportResult, ImportSource, RowPreview
from app.exchange.mapping import Mapping
from app.exchange.records import PreparedRow, RowError, prepare_people
from app.fields import PERSON_FIELD_MAP
from app.people import Memo, NewPerson
from app.security import review
from app.text import fold, nfc
from app.validation import clean_value
from models import Person, Unit

_CHUNK = 500
BATCH = 500  # new people written per flush


class UnitLookup:
    """Units by code (any case) and by exact name ignoring accents and case."""

    def __init__(self, session: Session):
        self.by_code: dict[str, tuple[uuid.UUID, str]] = {}
        self.by_name: dict[str, list[tuple[uuid.UUID, str]]] = {}
        for uid, code, name in session.execute(select(Unit.id, Unit.code, Unit.name).where(Unit.deleted_at.is_(None))):
            self.by_code[code.casefold()] = (uid, code)
            self.by_name.setdefault(fold(name), []).append((uid, code))

    def resolve(self, text: str) -> tuple[uuid.UUID, str]:
        value = nfc(text)
        if value.casefold() in self.by_code:
            return self.by_code[value.casefold()]
        found = self.by_name.get(fold(value), [])
        if len(found) == 1:
            return found[0]
        if found:
            codes = ", ".join(sorted(code for _, code in found))
            raise ValueError(f"có {len(found)} đơn vị cùng tên '{value}' (mã {codes}); hãy ghi mã đơn vị")
        raise ValueError(f"không có đơn vị nào có mã hoặc tên '{value}'")


class ImportRun:
    def __init__(self, session: Session, source: ImportSource, mapping: Mapping,
                 default_unit_code: str | None = None, progress: Callable[[int, int], None] | None = None,
                 cancelled: Callable[[], bool] | None = None, *, validate_only: bool = False):
        self.session, self.source, self.mapping = session, source, mapping
        self.validate_only = validate_only
        if mapping.problems():
            raise UserError(" ".join(mapping.problems()))
        self.progress, self.should_stop = progress, cancelled
        self.index = Memo(catalogs.CatalogIndex.load(session))
        self.today = dt.date.today()
        self.units = UnitLookup(session)
        self.default_unit: tuple[uuid.UUID, str] | None = None
        if default_unit_code:
            try:
                self.default_unit = self.units.by_code[nfc(default_unit_code).casefold()]
            except KeyError:
                raise UserError(f"Không có đơn vị mã '{nfc(default_unit_code)}' (tham số --unit).") from None
        self.outcomes: dict[str, str] = {}  # cccd → create / update / unchanged / reject
        self.cancelled = False
        self.done = 0
        self.total = 0
        self._grades: dict[str, set[str]] | None = None
        self.existing: dict[str, Person] = {}
        self.created: dict[uuid.UUID, uuid.UUID | None] = {}  # new people → their unit (scope checks)
        self.planned: dict[str, NewPerson] = {}  # dry run: the people it would have created, by CCCD
        self.pending: dict[str, dict[str, Any]] = {}  # dry run: fields it would have changed, by CCCD

    # --- driving -------------------------------------------------------------------------------

    def execute(self, limit: int | None = None) -> list[RowPreview]:
        from app.exchange.sections import import_sections, prepare_children

        header = self.source.header
        prepared = prepare_people(self.source.sheet, header.data_start, self.mapping.columns, header.headers)
        pairs = [(p, _preview(p)) for p in prepared]
        active = [(p, v) for p, v in pairs if v.action != "skip"]
        _mark_duplicates(active)
        if limit is not None:
            active = active[:limit]
            last = active[-1][1].row if active else 0
            pairs = [(p, v) for p, v in pairs if v.row <= last]
        children = prepare_children(self, {v.cccd for _, v in active} if limit is not None else None)
        self.total = len(active) + sum(len(groups) for _, groups in children)
        self.existing = self._existing({v.cccd for _, v in active if v.cccd})
        for p, v in active:
            self._resolve(p, v, self.existing.get(v.cccd or ""))
        batch: list[tuple[PreparedRow, RowPreview]] = []
        for p, v in active:
            if self._stop():
                break
            if v.action == "create":
                batch.append((p, v))
                if len(batch) >= BATCH:
                    self._save_batch(batch)
                    batch = []
                continue
            self._save_batch(batch)  # in file order: what came before is saved first
            batch = []
            self._save(p, v)
            self.tick()
        if not self.cancelled:
            self._save_batch(batch)
        rows = [v for _, v in pairs]
        if not self.cancelled:
            rows += import_sections(self, children)
        return rows

    def tick(self) -> None:
        self.done += 1
        if self.progress is not None:
            self.progress(self.done, self.total)

    def _stop(self) -> bool:
        if self.should_stop is not None and self.should_stop():
            self.cancelled = True
        return self.cancelled

    def _existing(self, numbers: set[str]) -> dict[str, Person]:
        found: dict[str, Person] = {}
        ordered = sorted(numbers)
        for start in range(0, len(ordered), _CHUNK):
            chunk = ordered[start:start + _CHUNK]
            for person in self.session.scalars(select(Person).where(Person.cccd.in_(chunk))):
                if person.deleted_at is None:
                    found[person.cccd] = person
        return found

    # --- resolving -----------------------------------------------------------------------------

    def _resolve(self, p: PreparedRow, v: RowPreview, person: Person | None) -> None:
        unit = self._unit(p, v)
        self._grade(p, v)
        self._catalogs(p, v)
        if v.errors:
            v.action = "reject"
            return
        if person is None:
            unit = unit or self.default_unit
            if unit is not None:
                v.record["unit_code"] = unit[1]
            v.action = "create"
            return
        v.changes = self._changes(person, v.record)
        if unit is not None and unit[0] != person.unit_id:
            v.changes["unit_code"] = unit[1]
        elif unit is None and self.default_unit and person.unit_id is None:
            v.changes["unit_code"] = self.default_unit[1]
        v.action = "update" if v.changes else "unchanged"

    def _unit(self, p: PreparedRow, v: RowPreview) -> tuple[uuid.UUID, str] | None:
        text = p.extras.get("unit") or p.extras.get("unit_name")
        if not text:
            return None
        try:
            return self.units.resolve(text)
        except ValueError as exc:
            _fail(v, p, "unit_code", "Đơn vị", str(exc))
            return None

    def _grade(self, p: PreparedRow, v: RowPreview) -> None:
        code = v.record.get("grade_code")
        name = p.extras.get("grade_name")
        if code and catalogs.grade(self.session, nfc(code)) is None:
            found = self._grade_by_name(code)
            if found:
                v.record["grade_code"] = found
                v.warnings.append(f"Dòng {v.row}: mã ngạch '{code}' là tên ngạch; đã dùng mã {found}")
        elif not code and name:
            found = self._grade_by_name(name)
            if found:
                v.record["grade_code"] = found
            else:
                _fail(v, p, "grade_code", "Ngạch", f"không có ngạch nào tên '{name}' (hoặc tên này trùng nhiều mã)")

    def _grade_by_name(self, name: str) -> str | None:
        if self._grades is None:
            self._grades = {}
            for info in catalogs.grades(self.session):
                self._grades.setdefault(catalogs.match_key(info.name), set()).add(info.code)
        codes = self._grades.get(catalogs.match_key(name), set())
        return next(iter(codes)) if len(codes) == 1 else None

    def _catalogs(self, p: PreparedRow, v: RowPreview) -> None:
        for name, value in list(v.record.items()):
            spec = PERSON_FIELD_MAP.get(name)
            if spec is None or spec.kind != "catalog" or self.index.resolve(spec.catalog or "", value):
                continue
            if name == "professional_level_code" and self._level_with_major(v, str(value)):
                continue
            _fail(v, p, name, spec.label, f"'{value}' không có trong danh mục")

    def _level_with_major(self, v: RowPreview, text: str) -> bool:
        """"Cử nhân Luật", "Thạc sĩ Quản lý công": the level, then the major."""
        words = nfc(text).split(" ")
        for cut in range(len(words) - 1, 0, -1):
            code = self.index.resolve("professional_level", " ".join(words[:cut]))
            if code:
                major = " ".join(words[cut:])
                v.record["professional_level_code"] = code
                v.record.setdefault("professional_major", major)
                level = self.index.name("professional_level", code)
                v.warnings.append(f"Dòng {v.row}: trình độ '{text}' đọc là {level}, chuyên ngành {major}")
                return True
        return False

    def _changes(self, person: Person, record: dict[str, Any]) -> dict[str, Any]:
        changes = {}
        for name, value in record.items():
            spec = PERSON_FIELD_MAP.get(name)
            if spec is None:
                continue
            try:
                cleaned = clean_value(spec, value, self.index, self.today)
            except ValueError:
                changes[name] = value  # the service names the problem
                continue
            if to_text(cleaned) != to_text(getattr(person, name)):
                changes[name] = value
        return changes

    # --- saving --------------------------------------------------------------------------------

    def _save(self, p: PreparedRow, v: RowPreview) -> None:
        if v.action == "reject":
            self._probe(p, v)
        if v.action in ("create", "update"):
            errors = self.call_service(v.cccd or "", v.data, create=v.action == "create")
            if isinstance(errors, list):
                v.errors += [_service_error(v, p, e) for e in errors]
                v.action = "reject"
            else:
                v.warnings += [f"Dòng {v.row}: {w}" for w in errors]
        if v.cccd and v.action != "skip":
            self.outcomes.setdefault(v.cccd, v.action)

    def _save_batch(self, batch: list[tuple[PreparedRow, RowPreview]]) -> None:
        """New people: checked together by the service (no writes), then written together — one
        INSERT per table and the change log in bulk — inside one SAVEPOINT. A row the service
        refuses is refused alone; if the write itself fails, the savepoint is undone and the batch
        saved again row by row (``_save``), each row in its own savepoint."""
        from app.people import check_new_people, create_person, insert_new_people

        if not batch:
            return
        try:
            checked = check_new_people(self.session, [v.data for _, v in batch])
        except (UserError, ValueError):  # not a refusal of one row: find the row, one by one
            for p, v in batch:
                self._save(p, v)
                self.tick()
            return
        ready: list[tuple[RowPreview, NewPerson]] = []
        for n, ((p, v), outcome) in enumerate(zip(batch, checked, strict=True)):
            if n and self._stop():  # cancelled: the whole import is rolled back anyway
                return
            if isinstance(outcome, ValidationError):
                v.errors += [_service_error(v, p, e) for e in outcome.errors]
                v.action = "reject"
            else:
                ready.append((v, outcome))
            self.tick()
        if ready and not self.validate_only:
            try:
                with self.session.begin_nested():
                    if review.tracked(self.session):  # a clerk's: through the ORM, so the approval hook sees them
                        with self.session.no_autoflush:
                            for _, new in ready:
                                new.id = create_person(self.session, new.data, flush=False).id
                        self.session.flush()
                    else:
                        insert_new_people(self.session, [new for _, new in ready])
            except (UserError, SQLAlchemyError, ValueError):
                for p, v in batch:
                    if v.action == "reject":
                        v.errors.clear()
                        v.errors += _preview(p).errors
                        v.action = "create"
                    self._save(p, v)  # (already counted by the progress)
                return
        for v, new in ready:
            v.warnings += [f"Dòng {v.row}: {w}" for w in new.warnings]
            self._created(v.cccd, new)
        for p, v in batch:
            if v.action == "reject":
                self._probe(p, v)
            if v.cccd:
                self.outcomes.setdefault(v.cccd, v.action)

    def _created(self, number: str | None, new: NewPerson) -> None:
        self.created[new.id] = new.rows[0][1].get("unit_id") if new.rows else None
        if number and self.validate_only:
            self.planned[number] = new

    def person(self, number: str) -> Person | NewPerson | None:
        """The live person with this CCCD, or (in a dry run) the one this import would have created."""
        found = self.session.scalars(select(Person).where(Person.cccd == number, Person.deleted_at.is_(None))).first()
        return found if found is not None else self.planned.get(number)

    def _probe(self, p: PreparedRow, v: RowPreview) -> None:
        """A refused row may have more problems only the service sees (a step above the scale):
        ask it with the bad cells left out (a check only: nothing written), so the clerk gets
        every error of the row at once."""
        from app.people import check_new_people, check_update

        bad = {_root(e.field) for e in v.errors}
        person = self.existing.get(v.cccd or "")
        data = self._changes(person, v.record) if person is not None else dict(v.record)
        data = {k: value for k, value in data.items() if _root(k) not in bad}
        if not data:
            return
        try:
            if person is None:
                found = check_new_people(self.session, [data])[0]
                if isinstance(found, ValidationError):
                    raise found
            else:
                check_update(self.session, person.cccd, data, current=self.pending.get(person.cccd))
        except ValidationError as exc:
            v.errors += [_service_error(v, p, e) for e in exc.errors if _root(e.field) not in bad]
        except (UserError, SQLAlchemyError):
            pass

    def call_service(self, key: str, data: dict[str, Any], *, create: bool) -> list[FieldError] | tuple[str, ...]:
        """Save inside a SAVEPOINT: the field errors (nothing kept), or the service's warnings. A dry
        run only checks (``check_new_people``/``check_update``: nothing written) and remembers
        what it would have saved, for the rows after it."""
        from app.people import check_new_people, check_update, create_person, update_person

        try:
            if self.validate_only:
                if create:
                    found = check_new_people(self.session, [data])[0]
                    if isinstance(found, ValidationError):
                        raise found
                    self._created(key, found)
                    return found.warnings
                planned = self.planned.get(key)
                current = planned.values if planned is not None else self.pending.get(key)
                result = check_update(self.session, key, data, current=current)
                changed = {k: value for k, value in data.items() if k in PERSON_FIELD_MAP}
                if planned is not None:
                    planned.values.update(changed)
                elif changed:
                    self.pending.setdefault(key, {}).update(changed)
                return result.warnings
            with self.session.begin_nested():
                result = create_person(self.session, data) if create else update_person(self.session, key, data)
        except ValidationError as exc:
            return exc.errors
        except UserError as exc:
            return [FieldError("", "", str(exc))]
        except SQLAlchemyError as exc:
            return [FieldError("", "", f"cơ sở dữ liệu không nhận dòng này ({type(exc).__name__})")]
        if create:
            self.created[result.id] = None
        return result.warnings


def _preview(p: PreparedRow) -> RowPreview:
    number = p.record.get("cccd")
    action = "skip" if p.skipped else "reject" if p.errors else "create"
    return RowPreview(p.sheet, p.row, p.record, action, cccd_rules.clean(number) if number else None,
                      errors=list(p.errors), warnings=list(p.warnings), conversions=list(p.conversions))


def _mark_duplicates(active: list[tuple[PreparedRow, RowPreview]]) -> None:
    rows: dict[str, list[tuple[PreparedRow, RowPreview]]] = {}
    for p, v in active:
        if v.cccd:
            rows.setdefault(v.cccd, []).append((p, v))
    for number, group in rows.items():
        if len(group) < 2:
            continue
        numbers = [str(v.row) for _, v in group]
        listed = ", ".join(numbers[:-1]) + " và " + numbers[-1]
        for p, v in group:
            _fail(v, p, "cccd", "Số CCCD", f"số {number} có ở các dòng {listed} của tệp; không dòng nào được nhập")


def _fail(v: RowPreview, p: PreparedRow, field_name: str, label: str, reason: str) -> None:
    column = p.columns.get(field_name)
    where = f" (cột {column})" if column else ""
    v.errors.append(RowError(v.row, field_name, f"Dòng {v.row}, {label}{where}: {reason}", v.sheet))
    v.action = "reject"


def _root(field_name: str) -> str:
    root = field_name.split("[", 1)[0].split(".", 1)[0]
    return "birth_date" if root == "birth_year_only" else root


def _service_error(v: RowPreview, p: PreparedRow, error: FieldError) -> RowError:
    if not error.field:
        return RowError(v.row, "", f"Dòng {v.row}: {error.message}", v.sheet)
    column = p.columns.get(error.field.split("[", 1)[0].split(".", 1)[0])
    where = f" (cột {column})" if column else ""
    return RowError(v.row, error.field, f"Dòng {v.row}, {error.label}{where}: {error.message}", v.sheet)


def summarise(rows: list[RowPreview], outcomes: dict[str, str], *, dry_run: bool, cancelled: bool) -> ImportResult:
    result = ImportResult(dry_run=dry_run, cancelled=cancelled, rows=rows)
    for v in rows:
        if v.action == "skip":
            result.skipped += 1
            continue
        result.read += 1
        if v.action == "reject":
            result.rejected += 1
            result.errors += v.errors
    people = [a for a in outcomes.values() if a != "reject"]
    result.imported = people.count("create")
    result.updated = people.count("update")
    result.unchanged = people.count("unchanged")
    return result
