"""``demo``: realistic synthetic dossiers over the merged Đà Nẵng unit tree.

``generate(db, count, seed)`` loads the catalogs, creates the unit tree (units whose codes exist are
reused) and writes ``count`` people with every section of their file. A career is drawn first —
schooling, recruitment, grade promotions, leadership posts, step raises by the salary tables — and
every section follows from it, so the salary history ends exactly on the current salary fields,
the training rows prove the recorded levels and the CCCD agrees with the birth year, sex and
province (the pre-2025 data and rules live in ``app.demo_data`` and ``resources/demo``).

Same seed, same day, same (empty) database → the same people: every choice and every id comes from
one ``random.Random``; "today" is fixed once. When the database already holds people the stream is
shifted by their number and CCCD numbers in use are never drawn again, so ``demo`` can run twice.
People are written with Core bulk inserts in batches; the ORM audit hook does not see those, so one
change-log row per person is written here. The whole run is one transaction.
"""

from __future__ import annotations

import bisect
import contextlib
import csv
import datetime as dt
import json
import operator
import random
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import Date, Uuid, select
from sqlalchemy.orm import Session

from app import catalogs
from app import demo_data as data
from app.db import Database
from app.demo_data import MERGER_DATE, Place, Role, Table, UnitSpec, lower_first
from app.resources import resource_path
from app.rules import add_months
from app.rules import salary as salary_rules
from app.rules.retirement import pension_start, retirement_date
from app.security import chain
from app.text import fold, name_sort_key
from models import Grade, Person, Unit
from models.base import utcnow

BATCH = 2000
DAY = dt.timedelta(days=1)
POSTGRAD = {"THS": ("THS",), "TS": ("THS", "TS"), "CKI": ("CKI",), "CKII": ("CKI", "CKII")}
ORDER = ("persons", "training", "work_history", "family_members", "salary_history", "allowances", "rewards",
         "discipline", "evaluations", "decisions", "plannings", "placements", "change_log")
LEVEL_YEARS = {1: 12, 2: 10, 3: 6, 4: 4, 5: 3}  # service before a post at that level
STUDY_ROW = {"DH": "Sinh viên", "CD": "Sinh viên", "TC": "Học sinh", "SC": "Học viên"}


@dataclass(frozen=True)
class DemoResult:
    units: int  # units created by this run (units whose codes exist are reused, not counted)
    people: int


def generate(db: Database, count: int, seed: int = 1, progress: Callable[[int], None] | None = None,
             *, today: dt.date | None = None) -> DemoResult:
    """Fill ``db`` with the catalogs, the unit tree and ``count`` synthetic people (one transaction)."""
    if count < 0:
        raise ValueError("count must not be negative")
    today = today or dt.date.today()
    with db.session("demo") as session:
        catalogs.load_catalogs(session)
        specs = data.unit_specs()
        unit_ids, created = _ensure_units(session, specs)
        if count:
            used = set(session.scalars(select(Person.cccd)))
            before = set(used)  # ``used`` grows with the new people
            rng = random.Random(f"hoso-demo:{seed}:{len(used)}")
            writer = _Writer(session, utcnow())
            people = _People(rng, today, _Salary(session), writer, unit_ids, used)
            plan = data.plan(rng, specs, count)
            with writer.big_cache():
                for start in range(0, count, BATCH):
                    for spec, role in plan[start:start + BATCH]:
                        writer.add(people.build(spec, role))
                    writer.flush()
                    if progress:
                        progress(min(start + BATCH, count))
            from app import demo_positions  # issue 15: positions, placements, scores of the new people

            new = {pid for pid, cccd in session.execute(select(Person.id, Person.cccd)) if cccd not in before} \
                if before else None
            demo_positions.generate(session, seed, today, new)
    return DemoResult(created, count)


def _ensure_units(session: Session, specs: list[UnitSpec]) -> tuple[dict[str, uuid.UUID], int]:
    """Create the units that are missing (ids stable per code), parents first."""
    existing = dict(session.execute(select(Unit.code, Unit.id)).all())
    created = 0
    for order, spec in enumerate(specs):
        if spec.code in existing:
            continue
        unit_id = uuid.UUID(int=random.Random(f"hoso-unit:{spec.code}").getrandbits(128), version=4)
        session.add(Unit(id=unit_id, code=spec.code, name=spec.name, name_fold=fold(spec.name),
                         parent_id=existing.get(spec.parent) if spec.parent else None, kind=spec.kind,
                         staff_quota=spec.quota, sort_order=order, active_from=MERGER_DATE if spec.commune else None))
        existing[spec.code] = unit_id
        created += 1
    session.flush()
    return existing, created


class _Writer:
    """Row dicts per table, written at each flush, parents first.

    On SQLite the rows go straight to ``executemany`` after each column type's own bind processor
    (what SQLAlchemy would store, at a third of the cost); elsewhere through a Core insert.
    """

    FAST = True  # tests switch it off to compare with the Core path

    def __init__(self, session: Session, now: dt.datetime) -> None:
        self.connection = session.connection()
        dialect = self.connection.dialect
        self.fast = self.FAST and dialect.name == "sqlite"
        self.tables: dict[str, tuple[Any, dict[str, Any], Any, list[tuple[int, Any]], str]] = {}
        for name in ORDER:
            table = Person.metadata.tables[name]
            # the change log's entries are numbered and chained by app.security.chain.reserve
            columns = [c.name for c in table.columns
                       if name == "change_log" or not (c.autoincrement is True and c.primary_key)]
            process = {c.name: self._processor(c.type, dialect) for c in table.columns}
            template = dict.fromkeys(columns)
            if name != "change_log":
                template.update(version=1, updated_at=now, created_at=now)
            if "review_state" in columns:  # NOT NULL with a server default: an explicit None would break it
                template["review_state"] = "approved"
            constant = {"updated_at", "created_at"} if self.fast else set()
            for column in constant & set(columns):  # the same value in every row: converted once
                template[column] = process[column](now) if process[column] else now
            template = {k: v for k, v in template.items() if k in columns}
            convert = [(i, process[c]) for i, c in enumerate(columns) if process[c] and c not in constant]
            sql = f'INSERT INTO {name} ({", ".join(columns)}) VALUES ({", ".join("?" * len(columns))})'
            self.tables[name] = (table, template, operator.itemgetter(*columns), convert, sql)
        self.now = now
        self.rows: dict[str, list[dict[str, Any]]] = defaultdict(list)

    def _processor(self, column_type: Any, dialect: Any) -> Callable[[Any], Any] | None:
        """The column type's bind processor; on the fast path ids arrive already as the 32 hex
        digits SQLAlchemy stores and dates use the C ``isoformat`` (the same text)."""
        if self.fast and isinstance(column_type, Uuid):
            return None
        if self.fast and type(column_type) is Date:
            return dt.date.isoformat
        return column_type.dialect_impl(dialect).bind_processor(dialect)

    def ident(self, bits: int) -> Any:
        """A version-4 UUID from 128 random bits: as stored on the fast path, else a ``uuid.UUID``."""
        if not self.fast:
            return uuid.UUID(int=bits, version=4)
        bits = (bits & ~(0xC000 << 48) | 0x8000 << 48) & ~(0xF000 << 64) | 4 << 76
        return f"{bits:032x}"

    def ref(self, value: uuid.UUID) -> Any:
        return value.hex if self.fast else value

    @contextlib.contextmanager
    def big_cache(self) -> Iterator[None]:
        """A larger SQLite page cache while writing: inserts at random places of the UUID indexes
        otherwise thrash the default 2 MB cache once the file outgrows it."""
        if not self.fast:
            yield
            return
        before = self.connection.exec_driver_sql("PRAGMA cache_size").scalar()
        self.connection.exec_driver_sql("PRAGMA cache_size=-262144")
        try:
            yield
        finally:
            self.connection.exec_driver_sql(f"PRAGMA cache_size={int(before)}")

    def add(self, record: dict[str, list[dict[str, Any]]]) -> None:
        for table, rows in record.items():
            self.rows[table].extend(rows)
        person = record["persons"][0]
        snapshot = json.dumps({"cccd": person["cccd"], "full_name": person["full_name"]}, ensure_ascii=False)
        self.rows["change_log"].append({"at": self.now, "by": "demo", "action": "create", "entity": "person",
                                        "record_id": person["id"], "person_id": person["id"], "field": "*",
                                        "new": snapshot})

    def flush(self) -> None:
        for name in ORDER:
            rows = self.rows.pop(name, None)
            if not rows:
                continue
            table, template, getter, convert, sql = self.tables[name]
            if name == "change_log":
                chain.reserve(self.connection, name, rows)
            if not self.fast:
                self.connection.execute(table.insert(), [{**template, **row} for row in rows])
                continue
            values = []
            for row in rows:
                value = list(getter({**template, **row}))
                for i, process in convert:
                    if value[i] is not None:
                        value[i] = process(value[i])
                values.append(tuple(value))
            self.connection.exec_driver_sql(sql, values)


def _joined(*parts: Any) -> str:  # "chức vụ, đơn vị" as the form writes it
    return ", ".join(str(p) for p in parts if p)


class _Salary:
    """What a grade code means on a date (the code list changed in 2021) and each class's
    coefficients, read once from the catalogs."""

    def __init__(self, session: Session) -> None:
        bounds: dict[str, set[dt.date]] = defaultdict(lambda: {dt.date(1900, 1, 1)})
        for code, start, end in session.execute(select(Grade.code, Grade.valid_from, Grade.valid_to)):
            bounds[code].update(d for d in (start, end and end + DAY) if d)
        self.versions: dict[str, tuple[list[dt.date], list[catalogs.GradeInfo]]] = {}
        for code, points in bounds.items():
            kept: tuple[list[dt.date], list[catalogs.GradeInfo]] = ([], [])
            for day in sorted(points):  # keep only the days on which the salary class changes
                info = catalogs.grade(session, code, day)
                if not kept[1] or (info.salary_scale, info.salary_class) != (kept[1][-1].salary_scale,
                                                                              kept[1][-1].salary_class):
                    kept[0].append(day)
                    kept[1].append(info)
            self.versions[code] = kept
        self.coefs: dict[tuple[str, str], tuple[Decimal, ...]] = {}
        for _points, infos in self.versions.values():
            for g in infos:
                key = (g.salary_scale, g.salary_class)
                if key not in self.coefs:
                    self.coefs[key] = tuple(s.coefficient for s in catalogs.scale_steps(session, *key))

    def grade(self, code: str, on: dt.date) -> catalogs.GradeInfo:
        points, infos = self.versions[code]
        return infos[bisect.bisect_right(points, on) - 1]

    def steps(self, info: catalogs.GradeInfo) -> tuple[Decimal, ...]:
        return self.coefs[(info.salary_scale, info.salary_class)]


def _years(day: dt.date, years: float) -> dt.date:
    return add_months(day, round(years * 12))


def _between(rng: random.Random, lo: dt.date, hi: dt.date, first: bool = True) -> dt.date:
    day = lo + dt.timedelta(days=rng.randint(0, max((hi - lo).days, 0)))
    return max(day.replace(day=1), lo) if first and day.replace(day=1) >= lo else day


@dataclass
class _Career:
    """One person's drawn life: the facts every section is written from."""

    spec: UnitSpec
    role: Role
    track: dict[str, Any]
    status: str
    sex: str
    ethnicity: str
    side: str
    birth: dt.date
    birthplace: Place
    asof: dt.date  # today, or the day the person retired or left
    degrees: list[tuple[str, dict[str, Any], dt.date, dt.date]]  # level, major, start, end
    recruit: dt.date
    military: tuple[dt.date, dt.date, str] | None = None
    ladder: tuple[str, ...] = ()
    grades: tuple[tuple[dt.date, str], ...] = ()
    position_date: dt.date | None = None
    deputy: tuple[dt.date, str] | None = None
    discipline: tuple[dt.date, str] | None = None
    jobs: str = "admin"


class _People:
    """Draws careers and writes each person's rows (plain dicts keyed by table name)."""

    def __init__(self, rng: random.Random, today: dt.date, salary: _Salary, writer: _Writer,
                 unit_ids: dict[str, uuid.UUID], used: set[str]) -> None:
        self.rng, self.today, self.salary, self.used = rng, today, salary, used
        self.ident = writer.ident
        self.unit_ids = {code: writer.ref(value) for code, value in unit_ids.items()}
        self.careers, self.places_data, self.units_data = data.load("careers"), data.load("places"), data.load("units")
        self.names, self.places = data.Names(), data.Places()
        self.tracks = self.careers["tracks"]
        self.edu = {key: Table(t["edu"]) for key, t in self.tracks.items()}
        self.majors = {key: {lvl: Table([(e, e["w"]) for e in rows]) for lvl, rows in levels.items()}
                       for key, levels in self.careers["majors"].items()}
        self.levels = self.careers["levels"]
        people = self.places_data["people"]
        self.tables = {key: Table(people[key]) for key in ("religion", "religion_minority", "religion_hoa", "background",
                                                           "blood", "health", "policy_family", "military_rank",
                                                           "minority_any")}
        self.birth_years = Table([(y, 0.6 if y < 1973 else 0.8 if y > 1992 else 1.0) for y in range(1966, 2003)])
        with resource_path("catalogs", "old_provinces.csv").open(encoding="utf-8") as fh:
            self.new_code = {row["code"]: row["new_code"] for row in csv.DictReader(fh)}
        communes = [c for c in self.units_data["communes"] if c["type"] != "DK"]
        self.communes = {side: Table([(c, c["size"]) for c in communes if c["area"] == side]) for side in ("DN", "QN")}
        self.wards = {side: Table([(c, c["size"]) for c in communes if c["area"] == side and c["type"] == "P"])
                      for side in ("DN", "QN")}
        self.bhxh: set[str] = set()
        self.siblings, self.children = Table({0: 5, 1: 25, 2: 30, 3: 25, 4: 15}), Table({0: 8, 1: 30, 2: 50, 3: 12})
        self.ratings = {kind: Table(shares) for kind, shares in self.careers["ratings"].items()}
        self.languages = Table(self.careers["languages"])
        self.theory = {level: Table({None if k == "_none" else k: v for k, v in shares.items()})
                       for level, shares in self.levels["political"].items()}
        self.theory["0"] = Table({**self.careers["political_staff"], None: 0.74})

    def uid(self) -> Any:
        return self.ident(self.rng.getrandbits(128))

    # ------------------------------------------------------------------ drawing the career

    def build(self, spec: UnitSpec, role: Role) -> dict[str, list[dict[str, Any]]]:
        career = self._career(spec, role)
        return _Sections(self, career).rows()

    def _career(self, spec: UnitSpec, role: Role) -> _Career:
        rng, track = self.rng, self.tracks[role.track]
        status = "working"
        if not role.level:
            r = rng.random()
            status = "retired" if r < 0.02 else "left" if r < 0.03 else "working"
        female = track["female"] * (self.levels["female_factor"][str(role.level)] if role.level else 1.0)
        sex = "Nữ" if rng.random() < female else "Nam"
        ethnicity = self._ethnicity(spec)
        side = spec.area if spec.area != "CITY" else ("DN" if rng.random() < 0.6 else "QN")
        edu = self.edu[role.track].pick(rng)
        if role.level and role.level <= 3 and edu == "DH" and "THS" in track["edu"] and rng.random() < 0.5:
            edu = "THS"
        base = "DH" if edu in POSTGRAD else edu
        majors = self.majors[track.get("majors") or spec.majors]
        military = sex == "Nam" and track["staff_type"] != "hop_dong" and rng.random() < 0.04
        for attempt in range(60):
            career = self._attempt(spec, role, track, status, sex, ethnicity, side, majors, base, military)
            if career:
                break
            if attempt > 30:
                status, military = "working", False
        else:  # pragma: no cover - the tables make this unreachable in practice
            raise RuntimeError(f"no feasible career for {role} in {spec.code}")
        self._postgrad(career, majors, edu)
        self._grades(career)
        self._leadership(career)
        if not role.level and rng.random() < 0.012 and career.asof.year - career.recruit.year >= 4:
            day = _between(rng, max(_years(career.recruit, 1), _years(career.asof, -8)), career.asof - 31 * DAY, False)
            career.discipline = (day, "Khiển trách" if rng.random() < 0.75 else "Cảnh cáo")
        return career

    def _attempt(self, spec: UnitSpec, role: Role, track: dict[str, Any], status: str, sex: str, ethnicity: str,
                 side: str, majors: dict[str, Table], base: str, military: bool) -> _Career | None:
        rng, today = self.rng, self.today
        if status == "retired":
            birth = dt.date(rng.randint(1958, 1970), rng.randint(1, 12), rng.randint(1, 28))
            asof = retirement_date(birth, sex)
            if not (_years(today, -6) <= asof < today - 31 * DAY):
                return None
        else:
            birth = dt.date(self.birth_years.pick(rng), rng.randint(1, 12), rng.randint(1, 28))
            asof = today
            if retirement_date(birth, sex) <= today:
                return None
            if role.level and _years(birth, self.levels["min_age"][str(role.level)]) > today:
                return None
        entry = majors[base].pick(rng)
        gap = 2 if military else (0 if rng.random() < 0.7 else rng.randint(1, 2))
        if base == "SC":  # a short vocational course, taken when the job came
            gap = rng.randint(2, 14)
        start = dt.date(birth.year + 18 + gap, 9, 5)
        end = dt.date(start.year + int(entry["years"] + 0.5), 6, 30) if entry["years"] >= 1 else \
            add_months(start, round(entry["years"] * 12))
        if end.year < entry.get("min_end", 0) or end.year > entry.get("max_end", 9999):
            return None
        limit = asof - 62 * DAY if status != "retired" else _years(asof, -3)
        recruit = self._recruit_date(end, role.track.startswith("gv"))
        if recruit > limit:
            if end + 31 * DAY > limit:
                return None
            recruit = _between(rng, end + 31 * DAY, limit)
        if status == "left":
            if _years(recruit, 2) > today - 62 * DAY:
                status = "working"
            else:
                asof = _between(rng, _years(recruit, 2), today - 62 * DAY, False)
        local = None
        if spec.commune:
            district = self.places_data["district_alias"].get(spec.commune["district"], spec.commune["district"])
            local = ("048" if spec.area == "DN" else "049", district)
        if ethnicity != "01":
            local = ("049", rng.choice(self.places_data["ethnic_districts"].get(ethnicity, ["Huyện Tây Giang"])))
        birthplace = self.places.birthplace(rng, side, local)
        career = _Career(spec, role, track, status, sex, ethnicity, side, birth, birthplace, asof,
                         [(base, entry, start, end)], recruit, jobs=track.get("jobs") or spec.majors)
        if military:
            enlist = dt.date(birth.year + 18, 2, rng.randint(10, 28))
            career.military = (enlist, _years(enlist, 2), self.tables["military_rank"].pick(rng))
        return career

    def _recruit_date(self, end: dt.date, teacher: bool) -> dt.date:
        rng = self.rng
        if teacher and rng.random() < 0.75:  # teachers start with the school year
            return dt.date(end.year + (0 if rng.random() < 0.35 else rng.randint(1, 5)), 9, 1)
        r = rng.random()  # many work on contract for a few years before the recruitment exam
        months = rng.randint(1, 6) if r < 0.25 else rng.randint(7, 24) if r < 0.6 else rng.randint(25, 72)
        return add_months((end + DAY).replace(day=1), months)

    def _ethnicity(self, spec: UnitSpec) -> str:
        rng, commune = self.rng, spec.commune or {}
        r = rng.random()
        for code, share in commune.get("ethnic", {}).items():
            if r < share:
                return code
            r -= share
        if rng.random() < commune.get("hoa", 0.0):
            return "04"
        if rng.random() < spec.minority + 0.004:
            return self.tables["minority_any"].pick(rng)
        return "01"

    def _postgrad(self, c: _Career, majors: dict[str, Table], edu: str) -> None:
        """Master's, specialist and doctoral degrees, each after the previous one and (mostly)
        after recruitment; a degree that does not fit before ``asof`` is not drawn."""
        prev_end = c.degrees[0][3]
        for level in POSTGRAD.get(edu, ()):
            if level not in majors:
                return
            entry = majors[level].pick(self.rng)
            same = [e for e in majors[level].items if e["major"] == c.degrees[-1][1]["major"]]
            if same and c.degrees[-1][0] != "DH":  # CKII after CKI, TS after ThS: the same specialty
                entry = same[0]
            wait = {"THS": 1, "CKI": 2, "CKII": 3, "TS": 2}[level]
            first = max(prev_end.year + wait, c.recruit.year + (1 if level != "TS" else 3))
            last = c.asof.year - int(entry["years"]) - (0 if c.asof.month > 6 else 1)
            if first > last:
                return
            start = dt.date(self.rng.randint(first, min(last, first + 8)), 9, 5)
            prev_end = dt.date(start.year + int(entry["years"]), 6, 30)
            c.degrees.append((level, entry, start, prev_end))

    def _grades(self, c: _Career) -> None:
        """The grade ladder from recruitment: entry by education, promotions after years of service
        (leaders higher, by level), each promotion at the first of a month."""
        rng, track = self.rng, c.track
        ladder = track["ladder"]
        if c.role.track == "van_thu" and c.recruit < dt.date(2021, 8, 1):  # 02.007 exists from TT 02/2021
            ladder = self.tracks["chuyen_vien"]["ladder"]
        entry = min(track.get("entry", {}).get(c.degrees[0][0], 0), len(ladder) - 1)
        if c.role.level:
            p1, p2 = self.levels["rung"][str(c.role.level)]
            r = rng.random()
            rise = 2 if r < p2 else 1 if r < p1 + p2 else 0
        else:
            promo = self.careers["staff_promotion"]
            rise = 1 if c.asof.year - c.recruit.year >= promo["years"] and rng.random() < promo["share"] else 0
        rise = min(rise, len(ladder) - 1 - entry)
        grades = [(c.recruit, ladder[entry])]
        lo = max(_years(c.recruit, 6 if c.role.level else 9), _years(c.birth, 32))
        for step in range(1, rise + 1):
            hi = c.asof - 62 * DAY
            if lo > hi:
                break
            day = _between(rng, lo, hi)
            grades.append((day, ladder[entry + step]))
            lo = _years(day, 5)
        c.ladder, c.grades = tuple(ladder), tuple(grades)

    def _leadership(self, c: _Career) -> None:
        level = c.role.level
        if not level:
            return
        rng, hi = self.rng, c.asof - 31 * DAY
        lo = max(_years(c.recruit, LEVEL_YEARS[level]), _years(c.birth, self.levels["min_age"][str(level)] - 3))
        if lo > hi:
            lo = min(max(_years(c.recruit, 1), c.recruit), hi)
        c.position_date = _between(rng, max(lo, c.recruit), max(hi, c.recruit))
        if c.spec.commune and c.spec.kind in ("UBND_XA", "PHONG", "VAN_PHONG") and c.recruit < MERGER_DATE <= hi:
            c.position_date = MERGER_DATE  # the new commune's leaders were appointed when it was formed
            return
        deputies = [title for title, _n, lvl, _t in c.spec.leaders if lvl == level + 1]
        if level in (1, 3) and deputies and rng.random() < 0.6:
            d_lo, d_hi = _years(c.recruit, 3), _years(c.position_date, -2)
            if d_lo <= d_hi:
                c.deputy = (_between(rng, d_lo, d_hi), deputies[0])



class _Sections:
    """Every row of one person's file, written from the drawn career."""

    def __init__(self, people: _People, career: _Career) -> None:
        self.p, self.c, self.rng = people, career, people.rng
        self.pid = people.uid()
        self.out: dict[str, list[dict[str, Any]]] = defaultdict(list)
        self.person: dict[str, Any] = {}
        spec, c = career.spec, career
        self.change, self.old_agency, self.old_label = self._predecessor()
        self.transfer: tuple[dt.date, str, str] | None = None  # (day, former unit, its agency)
        if (not spec.commune and not c.role.level and c.track["staff_type"] == "cong_chuc"
                and c.asof.year - c.recruit.year >= 6 and self.rng.random() < 0.12):
            hi = min(_years(c.asof, -1), self.change or c.asof)
            if _years(c.recruit, 2) < hi:
                district = lower_first(self.p.communes[c.side].pick(self.rng)["district"])
                office = self.rng.choice(("Phòng Nội vụ", "Phòng Tài chính - Kế hoạch", "Văn phòng HĐND và UBND"))
                day = _between(self.rng, _years(c.recruit, 2), hi)
                self.transfer = (day, f"{office} {district}", f"UBND {district}")

    def add(self, table: str, **row: Any) -> None:
        rows = self.out[table]
        row.update(id=self.p.uid(), person_id=self.pid, seq=len(rows) + 1)
        rows.append(row)

    def number(self, day: dt.date, authority: str | None = None) -> str:
        """A decision number whose suffix names the deciding body (QĐ-SNV, QĐ-UBND, QĐ-TTg…)."""
        authority = authority or self.head_at(day)
        abbr = "TTg" if authority.startswith("Thủ tướng") else "UBND" if authority.startswith("Chủ tịch") else \
            "SNV" if "Sở Nội vụ" in authority else self.c.spec.agency.abbr
        return f"{12 + int(self.rng.random() * 2888)}/QĐ-{abbr}"

    # ------------------------------------------------------------------ names over time

    def _predecessor(self) -> tuple[dt.date | None, str, str]:
        """(date the current names began, agency and unit as named before it)."""
        c, spec = self.c, self.c.spec
        if spec.commune:
            old_agency = spec.agency.before[spec.area][0]
            old = spec.old_names[0] if spec.kind in ("TRUONG", "TRAM_YTE") else (
                self.rng.choice(spec.old_names) if spec.old_names else old_agency)
            change: dt.date | None = MERGER_DATE
        else:
            before = spec.agency.before.get(c.side) or (spec.agency.long,)
            old_agency = before[min(spec.was, len(before) - 1)]
            change = None if old_agency == spec.agency.long else (
                data.DEPARTMENT_MERGER_DATE if c.side == "DN" else MERGER_DATE)
            old = old_agency if spec.parent in (None, "DN") else f"{spec.name}, {old_agency}"
        return change, old_agency, old

    def agency_at(self, day: dt.date) -> str:
        if self.transfer and day < self.transfer[0]:
            return self.transfer[2]
        return self.old_agency if self.change and day < self.change else self.c.spec.agency.long

    def province_at(self, day: dt.date) -> str:
        return "tỉnh Quảng Nam" if self.c.side == "QN" and day < MERGER_DATE else data.CITY

    def head_at(self, day: dt.date) -> str:
        head, agency = self.c.spec.agency.head, self.agency_at(day).split(", ")[0]
        if agency.startswith("UBND"):
            return f"Chủ tịch {agency}"
        return f"Chánh {agency}" if head.startswith("Chánh") else f"{head} {agency}"

    def label_at(self, day: dt.date) -> str:
        if self.transfer and day < self.transfer[0]:
            return self.transfer[1]
        return self.old_label if self.change and day < self.change else self.c.spec.label

    def grade_at(self, day: dt.date) -> str:
        code = [g for d, g in self.c.grades if d <= day][-1] if day >= self.c.recruit else self.c.grades[0][1]
        return self.p.salary.grade(code, day).name

    def title_at(self, day: dt.date) -> str:
        c = self.c
        if c.position_date and day >= c.position_date:
            return self._position()
        if c.deputy and day >= c.deputy[0]:
            return c.deputy[1]
        return self.grade_at(day) if c.track["staff_type"] in ("cong_chuc", "can_bo") else c.track["title"]

    def _position(self) -> str:
        c = self.c
        title = c.role.title or ""
        if title.endswith("khoa") and c.role.track == "bac_si":  # Trưởng khoa Nội tổng hợp
            khoa = self.p.careers["khoa"]
            return f"{title} {khoa.get(c.degrees[-1][1]['major']) or khoa['Y khoa']}"
        if c.spec.kind == "UBND_XA":
            word = self.p.units_data["commune"]["types"][c.spec.commune["type"]]
            return f"{title} {word} {c.spec.commune['name']}"
        return title

    # ------------------------------------------------------------------ the file

    def rows(self) -> dict[str, list[dict[str, Any]]]:
        c = self.c
        self._identity()
        self._salary()
        self._work()
        self._training()
        self._party()
        self._family()
        self._rewards()
        self._decisions()
        self._cv2023()
        end = c.asof if c.status != "working" else None
        self.out["placements"] = [{"id": self.p.uid(), "person_id": self.pid, "unit_id": self.p.unit_ids[c.spec.code],
                                   "start_date": self.person["agency_join_date"], "end_date": end}]
        self.out["persons"] = [self.person]
        return self.out

    def _identity(self) -> None:
        p, c, rng = self.p, self.c, self.rng
        region = "national" if c.birthplace.old_code in p.places.north else "central"
        name = p.names.full(rng, c.sex, c.birth.year, region=region, ethnicity=c.ethnicity)
        hometown = c.birthplace if rng.random() < 0.65 else p.places.near(rng, c.birthplace)
        self.region, self.hometown, self.name = region, hometown, name
        ten_year = c.birthplace.old_code in p.places.north and c.birth.year <= 1973
        religion = {"01": "religion", "04": "religion_hoa"}.get(c.ethnicity, "religion_minority")
        tall = (166, 62) if c.sex == "Nam" else (155, 50)
        self.person.update(
            id=self.pid, staff_type=c.track["staff_type"], status=c.status, full_name=name, name_fold=fold(name),
            sort_key=name_sort_key(name), birth_date=c.birth, birth_year_only=False, sex=c.sex,
            birthplace_text=c.birthplace.text, birthplace_province=p.new_code[c.birthplace.old_code],
            hometown_text=hometown.text, hometown_province=p.new_code[hometown.old_code],
            ethnicity_code=c.ethnicity, religion_code=p.tables[religion].pick(rng),
            phone=p.places.phone(rng), family_background=p.tables["background"].pick(rng),
            general_education="10/10" if ten_year else "12/12", health_status=p.tables["health"].pick(rng),
            height_cm=round(min(max(rng.gauss(tall[0], 5.5), tall[0] - 10), tall[0] + 16)),
            weight_kg=round(min(max(rng.gauss(tall[1], 7), tall[1] - 12), tall[1] + 30)),
            blood_type=p.tables["blood"].pick(rng), history_detention="Không", history_foreign_orgs="Không",
            history_relatives_abroad="Không", unit_id=p.unit_ids[c.spec.code],
            mass_org_join_date=dt.date(c.birth.year + rng.choice((15, 16)), 3, 26),
            mass_org_text="Đoàn viên Đoàn TNCS Hồ Chí Minh; đoàn viên Công đoàn Việt Nam"
                          + ("; Uỷ viên Ban Chấp hành Công đoàn cơ sở" if rng.random() < 0.08 else ""),
            policy_family=p.tables["policy_family"].pick(rng) if c.birth.year <= 1980 and rng.random() < 0.05 else None)
        if c.military:
            self.person.update(enlistment_date=c.military[0], discharge_date=c.military[1], military_rank=c.military[2])
        self._cccd()
        self._address()

    def _cccd(self) -> None:
        p, c, rng = self.p, self.c, self.rng
        prefix = f"{c.birthplace.old_code}{2 * (c.birth.year // 100 - 19) + (c.sex == 'Nữ')}{c.birth.year % 100:02d}"
        number = prefix + f"{rng.randrange(10**6):06d}"
        while number in p.used:
            number = prefix + f"{rng.randrange(10**6):06d}"
        p.used.add(number)
        r = rng.random()
        span = ((2021, 1, 1), (2024, 6, 30)) if r < 0.7 else ((2016, 1, 1), (2020, 12, 31)) if r < 0.85 else \
            ((2024, 7, 1), (p.today.year, p.today.month, max(p.today.day - 1, 1)))
        issued = max(_between(rng, dt.date(*span[0]), dt.date(*span[1]), False), _years(c.birth, 14) + 40 * DAY)
        for age in (25, 40, 60):  # a card must be renewed at 25, 40 and 60 (unless issued within 2 years before)
            due = _years(c.birth, age)
            if issued < _years(due, -2) and due + 200 * DAY < p.today:
                issued = due + rng.randint(0, 180) * DAY
        place = [name for since, name in p.places_data["cccd_places"] if dt.date.fromisoformat(since) <= issued][-1]
        old = p.places.old_id_prefix.get(c.birthplace.old_code)
        bhxh = f"{'48' if c.side == 'DN' else '49'}{rng.randrange(10**8):08d}"
        while bhxh in p.bhxh:
            bhxh = f"{'48' if c.side == 'DN' else '49'}{rng.randrange(10**8):08d}"
        p.bhxh.add(bhxh)
        self.person.update(cccd=number, cccd_issue_date=issued, cccd_issue_place=place,
                           old_id_number=f"{old}{rng.randrange(10**6):06d}" if old and c.birth.year <= 2000 else None,
                           social_insurance_number=bhxh, health_insurance_number=f"HC4{bhxh[:2]}{bhxh}")

    def _address(self) -> None:
        p, c, rng = self.p, self.c, self.rng
        if c.spec.commune and c.spec.commune["type"] != "DK" and rng.random() < 0.8:
            commune = c.spec.commune
        elif c.spec.commune:
            commune = p.communes[c.spec.area].pick(rng)
        else:  # city agencies: Đà Nẵng's wards, or a Quảng Nam ward for those who came from Tam Kỳ
            commune = p.wards["DN" if c.side == "DN" or rng.random() < 0.5 else "QN"].pick(rng)
        word = p.units_data["commune"]["types"][commune["type"]]
        detail = p.places.address(rng, commune["code"], commune["type"])
        old = None
        if commune["old"]:
            province = "Thành phố Đà Nẵng" if commune["area"] == "DN" else "Tỉnh Quảng Nam"
            old = f"{detail}, {rng.choice(commune['old'])}, {commune['district']}, {province}"
        current = {"text": old, "province": "48", "commune": f"{word.capitalize()} {commune['name']}", "detail": detail}
        self.home = f"{word} {commune['name']}, {data.CITY}"
        permanent = current
        if rng.random() < 0.15:
            village = f"Thôn {rng.randint(1, 12)}"
            permanent = {"text": f"{village}, {self.hometown.text}", "province": p.new_code[self.hometown.old_code],
                         "commune": None, "detail": village}
        for prefix, value in (("current", current), ("permanent", permanent)):
            for key, item in value.items():
                self.person[f"{prefix}_{key}"] = item
        if c.track["staff_type"] in ("cong_chuc", "can_bo") and rng.random() < 0.6:
            words = fold(self.name).split()
            self.person["email"] = f"{words[-1]}{''.join(w[0] for w in words[:-1])}@danang.gov.vn"

    def _salary(self) -> None:
        """Step raises by the class interval from the end of probation, grade changes placed at the
        step whose coefficient is equal or next higher, discipline delaying the raise it falls in."""
        c, sal = self.c, self.p.salary
        events: list[tuple[dt.date, str]] = []
        for i, (day, code) in enumerate(c.grades):
            until = c.grades[i + 1][0] if i + 1 < len(c.grades) else c.asof + DAY
            events.append((day, code))
            events += [(d, code) for d in sal.versions[code][0] if day < d < until and d <= c.asof]
        code = events[0][1]
        info = sal.grade(code, c.recruit)
        coefs = sal.steps(info)
        probation = 0 if c.track["staff_type"] == "hop_dong" else (
            12 if info.salary_class.startswith("A") else 6)
        percent = 85 if probation else 100
        probation_end = add_months(c.recruit, probation) if probation else None
        self.person["probation_end_date"] = probation_end
        rows = [(c.recruit, code, 1, coefs[0], percent)]
        step, since, k, disc = 1, c.recruit, 1, c.discipline
        while True:  # the earliest of: end of probation, a grade change, the next step raise
            delay = salary_rules.discipline_delay_months(disc[1]) if disc and disc[0] >= since else 0
            interval = salary_rules.step_interval_months(info.salary_class)
            due = add_months(since, interval) if step < len(coefs) and not probation_end else None
            if due and delay and disc[0] < due:
                due = add_months(since, interval + delay)
            days = [d for d in (probation_end, events[k][0] if k < len(events) else None, due) if d and d <= c.asof]
            if not days:
                break
            since = min(days)
            if probation_end == since:
                probation_end, percent = None, 100
            if k < len(events) and events[k][0] == since:
                code = events[k][1]
                info = sal.grade(code, since)
                new = sal.steps(info)
                step = next((i + 1 for i, x in enumerate(new) if x >= coefs[step - 1]), len(new))
                coefs, k = new, k + 1
            elif due == since:
                step += 1
            rows.append((since, code, step, coefs[step - 1], percent))
        for i, (start, row_code, row_step, coef, row_percent) in enumerate(rows):
            end = rows[i + 1][0] - DAY if i + 1 < len(rows) else (c.asof if c.status != "working" else None)
            self.add("salary_history", start_date=start, end_date=end, grade_code=row_code, salary_step=row_step,
                     salary_coefficient=coef, salary_percent=row_percent, decision=self.number(start))
        self.person.update(grade_code=code, grade_list_version=info.list_version, grade_date=c.grades[-1][0],
                           salary_step=step, salary_coefficient=coefs[step - 1], salary_since=since,
                           salary_percent=rows[-1][4])
        if step == len(coefs):
            delay = salary_rules.discipline_delay_months(disc[1]) if disc and disc[0] >= since else 0
            pct = salary_rules.seniority_allowance_percent(info.salary_class, step, step, since, c.asof,
                                                           delay_months=delay)
            if pct:
                start = salary_rules.seniority_allowance_start(info.salary_class, step, step, since, delay_months=delay)
                self.person.update(seniority_allowance_percent=pct, seniority_allowance_since=start)
                self.add("allowances", kind="Phụ cấp thâm niên vượt khung", start_date=start, percent=Decimal(pct),
                         method="Theo hệ số lương")

    def _work(self) -> None:
        c, rng = self.c, self.rng
        level, first = c.degrees[0][0], c.degrees[0]
        if c.military:
            self.add("work_history", start_date=c.military[0], end_date=c.military[1], position="Chiến sĩ",
                     unit_name="Quân đội nhân dân Việt Nam")
        self.add("work_history", start_date=first[2], end_date=first[3], unit_name=first[1]["inst"],
                 position=STUDY_ROW.get(level, "Sinh viên"))
        occupation = {"DH": "Sinh viên", "CD": "Sinh viên", "TC": "Học sinh"}.get(level, "Lao động tự do")
        if (c.recruit - first[3]).days > 400 and rng.random() < 0.5 and c.track["staff_type"] != "hop_dong":
            start = add_months((first[3] + DAY).replace(day=1), rng.randint(1, 3))
            if rng.random() < 0.5:
                position, unit = rng.choice(self.p.careers["private_jobs"]).split(", ")
                self.add("work_history", start_date=start, end_date=c.recruit - DAY, unit_name=unit, position=position)
            else:  # on contract in the same unit, named as it was named then
                position = self.p.careers["pre_jobs"][c.track["staff_type"]].format(title=c.track["title"])
                split = self.change if self.change and start < self.change < c.recruit else None
                for begin, end in ((start, split - DAY), (split, c.recruit - DAY)) if split else ((start, c.recruit - DAY),):
                    self.add("work_history", start_date=begin, end_date=end, unit_name=self.label_at(begin),
                             position=position)
            occupation = position
        points = {c.recruit, *(d for d, _ in c.grades)}
        join = c.recruit
        for day in (self.transfer and self.transfer[0], self.change, c.deputy and c.deputy[0], c.position_date):
            if day and c.recruit < day <= c.asof:
                points.add(day)
        if self.transfer:
            join = self.transfer[0]
        if self.change and self.change <= c.asof:
            join = max(join, self.change)
        spans: list[list[Any]] = []  # [start, unit, title]; consecutive equal rows are one row
        for day in sorted(points):
            unit, title = self.label_at(day), self.title_at(day)
            if not spans or spans[-1][1:] != [unit, title]:
                spans.append([day, unit, title])
        for i, (day, unit, title) in enumerate(spans):
            end = spans[i + 1][0] - DAY if i + 1 < len(spans) else (c.asof if c.status != "working" else None)
            self.add("work_history", start_date=day, end_date=end, unit_name=unit, position=title)
        jobs = self.p.careers["jobs"].get(c.jobs) or self.p.careers["jobs"]["admin"]
        job, duties = rng.choice(jobs)
        major = c.degrees[-1][1]["major"]
        subject = major.removeprefix("Sư phạm ").removeprefix("Giáo dục ")
        job, duties = job.replace("Giáo viên", f"Giáo viên {subject}") if job == "Giáo viên" else job, \
            duties.format(subject=subject)
        if c.role.level == 5:  # a minor lead keeps the job: Tổ trưởng chuyên môn, Phó Trưởng khoa…
            duties = f"{duties}; {lower_first(self._position())}"
        elif c.role.level:
            head = c.role.level in (1, 3)
            duties = ("Lãnh đạo, điều hành chung hoạt động của " + c.spec.name) if head else \
                "Giúp người đứng đầu phụ trách lĩnh vực công tác được phân công"
            job = c.role.title
        self.person.update(recruitment_date=c.recruit, recruiting_agency=self.agency_at(c.recruit),
                           agency_join_date=join, occupation_before=occupation, job_position=job,
                           main_duties=duties, position=self._position() if c.position_date else None,
                           position_date=c.position_date)
        if c.position_date:
            reappointed = [_years(c.position_date, y) for y in (5, 10, 15) if _years(c.position_date, y) <= c.asof]
            self.person["position_reappointed_date"] = reappointed[-1] if reappointed else None
            if c.role.level == 4 and rng.random() < 0.4:
                heads = [t for t, _n, lvl, _tr in c.spec.leaders if lvl == 3]
                if heads:
                    self.person["planned_titles"] = f"{heads[0]} (giai đoạn 2025–2030)"  # app.planning's form
                    self.add("plannings", title=heads[0], period_from=2025, period_to=2030)
            allowance = self.p.levels["position_allowance"].get(str(c.role.level))
            if c.spec.allowance and allowance:
                self.person["position_allowance"] = Decimal(str(allowance))
                self.add("allowances", kind="Phụ cấp chức vụ", start_date=c.position_date,
                         coefficient=Decimal(str(allowance)), method="Theo hệ số")

    def _cv2023(self) -> None:
        """The 2023 CV form's fields the career does not already give (Thông tư 06/2023/TT-BNV:
        job-position code, công việc làm lâu nhất, sở trường, ratings, kiêm nhiệm, income and
        housing). Drawn from a generator of this person's own, so the shared stream — and with it
        every other person of a seeded run — stays as it was before these fields existed."""
        c, person = self.c, self.person
        rng = random.Random(uuid.UUID(str(self.pid)).hex)
        job = person.get("job_position")
        if job:
            person["job_position_code"] = f"VTVL.{sum(map(ord, job)) % 900 + 100:03d}"
        spans = [(((r.get("end_date") or c.asof) - r["start_date"]).days, r) for r in self.out["work_history"]
                 if r.get("start_date")]
        if spans:
            longest = max(spans, key=operator.itemgetter(0))[1]
            person["longest_job"] = _joined(longest.get("position"), longest.get("unit_name"))
        person["strengths"] = rng.choice(("Tham mưu, tổng hợp", "Xây dựng văn bản quy phạm pháp luật",
                                          "Tổ chức thực hiện, kiểm tra", "Chuyên môn, nghiệp vụ được giao",
                                          "Công tác chuyên môn và phong trào đoàn thể"))
        for row in self.out["evaluations"]:  # NĐ 335/2025 ratings: the professional rating follows quality
            row["professional_rating"] = row.get("quality_rating")
        if person.get("position") and person.get("party_position") and rng.random() < 0.5:
            person["concurrent_positions"] = rng.choice(("Chủ tịch Hội đồng thi đua - khen thưởng",
                                                         "Trưởng Ban Thanh tra nhân dân", "Tổ trưởng Tổ công tác"))
        if c.birth.year <= 1975 and rng.random() < 0.06:
            person["policy_subject"] = rng.choice(("Con thương binh", "Con liệt sĩ", "Con bệnh binh"))
        coefficient = person.get("salary_coefficient")
        if coefficient:
            yearly = int(Decimal(coefficient) * 2_530_000 * 12 / 1_000_000)
            person["income_salary"] = f"Khoảng {yearly} triệu đồng/năm"
        person["income_other"] = rng.choice(("Không", "Không", "Thu nhập của vợ/chồng từ tiền lương",
                                             "Kinh doanh nhỏ của gia đình"))
        area = rng.choice((60, 72, 80, 96, 120))
        person["housing"] = rng.choice((f"Tự mua, tự xây: nhà cấp 4, diện tích {area} m², đã có giấy chứng nhận "
                                        "quyền sở hữu", f"Nhà ở riêng lẻ {area} m², đã có giấy chứng nhận",
                                        "Ở chung với bố mẹ"))
        person["land"] = rng.choice((f"Tự mua: {area + 20} m², đã có giấy chứng nhận quyền sử dụng", "Không"))
        person["business_land"] = "Không"

    def _school(self, day: dt.date) -> str:
        return "Trường Chính trị tỉnh Quảng Nam" if self.c.side == "QN" and day < MERGER_DATE else \
            "Trường Chính trị thành phố Đà Nẵng"

    def _training(self) -> None:
        c, rng = self.c, self.rng
        for level, e, start, end in c.degrees:
            self.add("training", kind="professional", institution=e["inst"], major=e["major"], start_date=start,
                     end_date=end, form_code=e.get("form", "CQ"), qualification=e["qual"], level_code=level)
        top = c.degrees[-1]
        self.person.update(professional_level_code=top[0], professional_major=top[1]["major"])
        staff = c.track["staff_type"]
        rung = max((c.ladder.index(g) for _, g in c.grades if g in c.ladder), default=0) - \
            (c.ladder.index(c.grades[0][1]) if c.grades[0][1] in c.ladder else 0)
        plan: list[tuple[str, dt.date]] = []
        if staff in ("cong_chuc", "can_bo") and c.asof.year - c.recruit.year >= 1 and rng.random() < 0.85:
            plan.append(("CV", _between(rng, _years(c.recruit, 1), min(_years(c.recruit, 5), c.asof - 92 * DAY))))
        posts = [d for d in (c.position_date,) if d] + [d for d, _ in c.grades[1:]]
        civil = staff in ("cong_chuc", "can_bo")
        if civil and (rung >= 1 or (c.role.level and c.role.level <= 3)):
            plan.append(("CVC", _years(min(posts), -1) if posts else c.asof - 200 * DAY))
        if civil and (rung >= 2 or (c.role.level and c.role.level <= 2 and rng.random() < 0.5)):
            plan.append(("CVCC", _years(max(posts), -1) if posts else c.asof - 200 * DAY))
        if staff == "vien_chuc" and c.role.level and not plan:
            plan.append(("CV", _years(c.position_date or c.asof, -1)))
        names = {"CV": "chuyên viên", "CVC": "chuyên viên chính", "CVCC": "chuyên viên cao cấp"}
        code = None
        for code, day in plan:
            day = min(max(day, c.recruit + 60 * DAY), c.asof - 92 * DAY)
            place = self._school(day) if code == "CV" else "Học viện Hành chính Quốc gia"
            self.add("training", kind="state_management", institution=place, start_date=day,
                     end_date=day + 75 * DAY, form_code="BD", level_code=code,
                     qualification=f"Chứng chỉ bồi dưỡng quản lý nhà nước chương trình {names[code]}")
        self.person["state_management_code"] = code
        if staff == "vien_chuc" and rng.random() < 0.6:
            day = min(_years(c.grades[-1][0], rng.random() * 2), c.asof - 92 * DAY)
            grade = self.p.salary.grade(c.grades[-1][1], c.grades[-1][0]).name
            self.add("training", kind="state_management", institution=c.degrees[0][1]["inst"], start_date=day,
                     end_date=day + 45 * DAY, form_code="BD",
                     qualification=f"Chứng chỉ bồi dưỡng theo tiêu chuẩn chức danh nghề nghiệp {grade}")
        self._skills()

    def _skills(self) -> None:
        c, rng, p = self.c, self.rng, self.p
        educated = c.degrees[0][0] in ("DH", "CD")
        lo, hi = max(c.degrees[0][3], _years(c.recruit, -1)), min(_years(c.recruit, 2), c.asof - 92 * DAY)
        if rng.random() < (0.75 if educated else 0.3) and lo < hi:
            day = _between(rng, lo, hi, False)
            new = day >= dt.date(2016, 1, 1)
            grade = rng.choice("AB")
            level = "Ứng dụng CNTT cơ bản" if new else f"Tin học {grade}"
            qual = "Chứng chỉ ứng dụng công nghệ thông tin cơ bản" if new else f"Chứng chỉ Tin học trình độ {grade}"
            place = "Trường Đại học Quảng Nam" if c.side == "QN" else "Trường Đại học Bách khoa, Đại học Đà Nẵng"
            self.add("training", kind="it", institution=place, start_date=day, end_date=day + 60 * DAY,
                     form_code="BD", qualification=qual)
            self.person["it_level"] = level
        major = c.degrees[0][1]["major"]
        if "Anh" in major and ("Ngôn ngữ" in major or "Sư phạm" in major):
            self.person["foreign_language"] = "Tiếng Anh (đại học)"
        elif rng.random() < (0.65 if educated else 0.2) and lo < hi:
            day = _between(rng, lo, hi, False)
            language = p.languages.pick(rng)
            level = "B1" if day >= dt.date(2016, 1, 1) else rng.choice("ABC")
            qual = f"Chứng chỉ {lower_first(language)} bậc 3 ({level}) theo Khung năng lực ngoại ngữ 6 bậc" \
                if level == "B1" else f"Chứng chỉ {lower_first(language)} trình độ {level}"
            self.add("training", kind="language", institution="Trường Đại học Ngoại ngữ, Đại học Đà Nẵng",
                     start_date=day, end_date=day + 90 * DAY, form_code="BD", qualification=qual, language=language)
            self.person["foreign_language"] = f"{language} {level}"
        if c.role.level and c.role.level <= 4 and c.position_date:
            day = min(c.position_date + 120 * DAY, c.asof - 60 * DAY)
            group = 3 if c.role.level <= 2 else 4
            command = "tỉnh Quảng Nam" if c.side == "QN" and day < MERGER_DATE else data.CITY
            self.add("training", kind="defence_security", institution=f"Bộ Chỉ huy Quân sự {command}", start_date=day,
                     end_date=day + 30 * DAY, form_code="BD",
                     qualification=f"Chứng chỉ bồi dưỡng kiến thức quốc phòng và an ninh đối tượng {group}")

    def _party(self) -> None:
        c, rng = self.c, self.rng
        if rng.random() >= (1.0 if c.role.level else c.track["party"]):
            return
        lo = max(_years(c.birth, 19), _years(c.recruit, -3))
        hi = min(c.asof - 31 * DAY, _years(c.recruit, 15), _years(c.position_date, -1) if c.position_date else c.asof)
        if lo > hi:
            lo, hi = _years(c.birth, 18), max(_years(c.birth, 18), c.position_date or c.asof)
        join = _between(rng, lo, min(hi, c.asof - 31 * DAY), False)
        official = add_months(join, 12)
        self.person.update(party_join_date=join, party_official_date=official if official <= c.asof else None)
        age = c.asof.year - c.birth.year
        theory = None
        if c.role.level:
            theory = self.p.theory[str(c.role.level)].pick(rng)
        elif age >= 35:
            theory = self.p.theory["0"].pick(rng)
        if c.role.level == 1 and c.spec.kind == "UBND_XA":
            word = self.p.units_data["commune"]["types"][c.spec.commune["type"]]
            self.person["party_position"] = f"Phó Bí thư Đảng uỷ {word} {c.spec.commune['name']}"
        elif c.role.level == 1 and c.spec.kind == "UBND_TP":
            self.person["party_position"] = "Phó Bí thư Thành uỷ Đà Nẵng"
        elif age >= 35 and rng.random() < (0.3 if c.role.level == 3 else 0.06):
            self.person["party_position"] = rng.choice(("Bí thư Chi bộ", "Phó Bí thư Chi bộ", "Chi uỷ viên"))
        if not theory:
            return
        months = {"TC": 12, "CC": 8, "CN": 24}[theory]
        latest = min(_years(c.position_date, -1) if c.position_date else c.asof, c.asof) - months * 31 * DAY
        start = _between(rng, min(max(join, _years(c.recruit, 3)), latest), latest) if latest > c.recruit else \
            c.recruit + 31 * DAY
        place = self._school(start) if theory == "TC" else "Học viện Chính trị khu vực III"
        qual = {"TC": "Trung cấp lý luận chính trị - hành chính", "CC": "Cao cấp lý luận chính trị",
                "CN": "Cử nhân chính trị"}[theory]
        self.add("training", kind="political_theory", institution=place, start_date=start,
                 end_date=add_months(start, months) - DAY, form_code="TCH" if theory != "CC" else "CQ",
                 qualification=qual, level_code=theory)
        self.person["political_theory_code"] = theory

    def _relative(self, side: str, relation: str, sex: str, year: int, occupations: str, place: str,
                  family: str | None = None) -> None:
        rng, today = self.rng, self.p.today
        age = today.year - year
        deceased = rng.random() < (0.0 if age < 60 else 0.1 if age < 70 else 0.3 if age < 80 else 0.65)
        name = self.p.names.full(rng, sex, year, family, self.region, self.c.ethnicity)
        for _ in range(5):  # nobody in a family shares a name (a child is never named after a grandparent)
            if name not in self.family_names:
                break
            name = self.p.names.full(rng, sex, year, family, self.region, self.c.ethnicity)
        self.family_names.add(name)
        if occupations == "child":
            work = "Còn nhỏ" if age < 3 else "Học mẫu giáo" if age < 6 else "Học sinh" if age < 18 else \
                "Sinh viên" if age < 23 else rng.choice(self.p.careers["occupations"]["child_adult"])
            details = work if age < 23 else f"{work}, ở {place}"
        else:
            work = rng.choice(self.p.careers["occupations"][f"{occupations}_{'m' if sex == 'Nam' else 'f'}"])
            details = f"{work}; đã mất" if deceased else f"{work}, ở {place}"
        self.add("family_members", side=side, relation=relation, full_name=name, birth_year=year, details=details,
                 deceased=deceased)

    def _family(self) -> None:
        """Own side in the form's order (Cha, Mẹ, Vợ/Chồng, các con, anh chị em), then the spouse's."""
        c, rng, p = self.c, self.rng, self.p
        family = self.name.split()[0]
        self.family_names = {self.name}
        father, mother = c.birth.year - rng.randint(24, 36), c.birth.year - rng.randint(20, 33)
        self._relative("self", "Cha", "Nam", father, "parent", self.hometown.sentence, family)
        self._relative("self", "Mẹ", "Nữ", mother, "parent", self.hometown.sentence)
        siblings = sorted((min(max(c.birth.year + rng.choice((-1, 1)) * rng.randint(2, 12), mother + 18),
                               p.today.year - 1), rng.choice(("Nam", "Nữ"))) for _ in range(p.siblings.pick(rng)))
        age = c.asof.year - c.birth.year
        married = rng.random() < (0.15 if age < 25 else 0.55 if age < 30 else 0.8 if age < 35 else 0.9)
        husband = c.sex == "Nam"
        spouse_year = c.birth.year + (rng.randint(-1, 5) if husband else -rng.randint(0, 6))
        spouse_family = p.names.family_name(rng, self.region, c.ethnicity)
        if married:
            self._relative("self", "Vợ" if husband else "Chồng", "Nữ" if husband else "Nam", spouse_year, "spouse",
                           self.home, spouse_family)
            mother_year = c.birth.year if not husband else spouse_year
            years = sorted(mother_year + rng.randint(23, 38) for _ in range(p.children.pick(rng)))
            for year in (y for y in years if y < p.today.year):
                self._relative("self", "Con", rng.choice(("Nam", "Nữ")), year, "child", self.home,
                               family if husband else spouse_family)
        for year, sex in siblings:
            relation = "Em" if year > c.birth.year else ("Anh" if sex == "Nam" else "Chị")
            self._relative("self", relation, sex, year, "sibling", p.places.near(rng, self.hometown).sentence, family)
        if not married:
            return
        suffix = "vợ" if husband else "chồng"
        in_laws = p.places.birthplace(rng, c.side).sentence
        self._relative("spouse", f"Cha {suffix}", "Nam", spouse_year - rng.randint(24, 36), "parent", in_laws,
                       spouse_family)
        self._relative("spouse", f"Mẹ {suffix}", "Nữ", spouse_year - rng.randint(20, 33), "parent", in_laws)
        for _ in range(rng.randint(0, 2)):
            sex, year = rng.choice(("Nam", "Nữ")), spouse_year + rng.choice((-1, 1)) * rng.randint(2, 10)
            relation = f"Em {suffix}" if year > spouse_year else (f"Anh {suffix}" if sex == "Nam" else f"Chị {suffix}")
            self._relative("spouse", relation, sex, min(year, p.today.year - 1), "sibling", in_laws, spouse_family)

    def _rewards(self) -> None:
        c, rng, texts = self.c, self.rng, self.p.careers["rewards"]
        first, last = c.recruit.year + (c.recruit.month > 3), c.asof.year - 1
        disc_year = c.discipline[0].year if c.discipline else None
        best: tuple[int, int, str] | None = None
        streak = 0
        kept = set(range(last - rng.randint(2, 4), last + 1))
        ratings = self.p.ratings["leader" if c.role.level and c.role.level <= 3 else "staff"]
        for year in range(first, last + 1):
            rating = ("HTNV" if c.discipline[1] == "Cảnh cáo" or rng.random() < 0.5 else "KHTNV") if year == disc_year \
                else ratings.pick(rng)
            good = rating in ("HTXSNV", "HTTNV") and rng.random() < 0.92
            elite = good and rating == "HTXSNV" and rng.random() < 0.7
            streak = streak + 1 if elite else 0
            day = min(dt.date(year + 1, 1, rng.randint(5, 25)), c.asof)
            province = self.province_at(day)
            awards: list[tuple[int, str, str, str]] = []  # rank, kind, title, authority
            if good and year >= last - 4:
                awards.append((0, "emulation_title", texts["ldtt"], self.head_at(day)))
            if elite:
                awards.append((2, "emulation_title", texts["cstdcs"], self.head_at(day)))
            if good and rng.random() < 0.08:
                awards.append((1, "reward", texts["giay_khen"].format(head=self.head_at(day)), self.head_at(day)))
            if streak >= 2 and rng.random() < 0.5:
                awards.append((3, "reward", texts["bang_khen"].format(province=province), f"Chủ tịch UBND {province}"))
            if streak >= 3 and rng.random() < 0.3:
                awards.append((4, "emulation_title", texts["cstd"].format(province=province), f"Chủ tịch UBND {province}"))
            for rank, kind, title, authority in awards:
                self.add("rewards", kind=kind, year=year, decision_date=day, decision_number=self.number(day, authority),
                         title=title, authority=authority)
                if best is None or (rank, year) >= best[:2]:
                    best = (rank, year, title)
            if year in kept:
                emulation = texts["cstdcs"] if elite else texts["ldtt"] if good else None
                self.add("evaluations", year=year, quality_rating=rating, emulation_rating=emulation)
        if best is None and first <= last:
            day = min(dt.date(last + 1, 1, 10), c.asof)
            self.add("rewards", kind="emulation_title", year=last, decision_date=day, decision_number=self.number(day),
                     title=texts["ldtt"], authority=self.head_at(day))
            best = (0, last, texts["ldtt"])
        self.person["reward_summary"] = f"{best[2]} ({best[1]})" if best else None
        if c.discipline:
            day, form = c.discipline
            self.add("discipline", kind="administrative", start_date=day, end_date=add_months(day, 12) - DAY,
                     form=form, violation=rng.choice(self.p.careers["violations"]), authority=self.head_at(day),
                     decision_number=self.number(day))
            self.person["discipline_summary"] = f"{form} ({day.year})"

    def _decisions(self) -> None:
        c, rng = self.c, self.rng

        def decide(kind: str, effective: dt.date, authority: str | None = None, **extra: Any) -> None:
            day = max(effective - rng.randint(5, 40) * DAY, c.recruit - 60 * DAY)
            authority = authority or self.head_at(day)
            self.add("decisions", kind=kind, decision_number=self.number(day, authority), decision_date=day,
                     effective_date=effective, unit_name=self.label_at(effective), authority=authority, **extra)

        decide("recruitment", c.recruit, position=self.title_at(c.recruit))
        civil = c.track["staff_type"] in ("cong_chuc", "can_bo")
        for day, _code in c.grades[1:]:  # a civil servant's grade is given by the Sở Nội vụ
            decide("other", day, f"Giám đốc Sở Nội vụ {self.province_at(day)}" if civil else None,
                   position=self.grade_at(day), note=f"Bổ nhiệm {self.grade_at(day)}")
        if self.transfer:
            decide("transfer", self.transfer[0], position=self.title_at(self.transfer[0]))
        if c.deputy:
            decide("appointment", c.deputy[0], position=c.deputy[1], end_date=_years(c.deputy[0], 5))
        if c.position_date:
            top = c.spec.parent in (None, "DN") and c.role.level <= 2  # the city (or Government) decides
            by = ("Thủ tướng Chính phủ" if c.spec.kind == "UBND_TP" else
                  f"Chủ tịch UBND {self.province_at(c.position_date)}") if top else None
            decide("appointment", c.position_date, by, position=self._position(), end_date=_years(c.position_date, 5))
            if self.person.get("position_reappointed_date"):
                again = self.person["position_reappointed_date"]
                decide("reappointment", again, by, position=self._position(), end_date=_years(again, 5))
        if c.status == "retired":
            decide("retirement", pension_start(c.birth, c.sex), note="Nghỉ hưu hưởng chế độ bảo hiểm xã hội")
        elif c.status == "left":
            decide("resignation", c.asof, note="Thôi việc theo nguyện vọng")
