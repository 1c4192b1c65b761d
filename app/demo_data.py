"""The data side of the demo generator: the JSON tables in ``resources/demo``, weighted choices,
Vietnamese names, birthplaces and addresses, and the Đà Nẵng unit tree as plain specs.

Kept apart from ``app.demo`` (which builds the careers and writes the rows) so that what a Sở Nội
vụ reviewer may want to correct — a name share, a commune, a school, a quota — is data, not code.
Every random choice takes the caller's ``random.Random``; nothing here touches the global one.
"""

from __future__ import annotations

import bisect
import datetime as dt
import json
import random
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate
from typing import Any

from app.resources import resource_path

MERGER_DATE = dt.date(2025, 7, 1)  # Quảng Nam + Đà Nẵng, two-level local government
DEPARTMENT_MERGER_DATE = dt.date(2025, 3, 1)  # sở mergers (Tài chính + KH&ĐT, NN&MT …)
CITY = "thành phố Đà Nẵng"


@lru_cache(maxsize=8)
def load(name: str) -> dict[str, Any]:
    with resource_path("demo", f"{name}.json").open(encoding="utf-8") as fh:
        return json.load(fh)


class Table:
    """A weighted choice, prepared once: ``pick`` is one ``random()`` and a bisection."""

    __slots__ = ("items", "cum", "total")

    def __init__(self, pairs: Any) -> None:
        pairs = list(pairs.items()) if isinstance(pairs, dict) else [tuple(p) for p in pairs]
        self.items = tuple(p[0] for p in pairs)
        self.cum = tuple(accumulate(float(p[1]) for p in pairs))
        self.total = self.cum[-1]

    def pick(self, rng: random.Random) -> Any:
        return self.items[bisect.bisect_right(self.cum, rng.random() * self.total)]


def lower_first(text: str) -> str:
    """'Quận Hải Châu' → 'quận Hải Châu' (a level word inside a sentence)."""
    return text[:1].lower() + text[1:]


# --------------------------------------------------------------------------- names


class Names:
    def __init__(self) -> None:
        data = load("names")
        fam = data["family"]
        self.family = {"central": Table(fam["central"]), "national": Table(fam["national"])}
        self.minority = {code: Table(t) for code, t in fam["minority"].items()}
        mid, given = data["middle"], data["given"]
        self.male_middle = Table(mid["male"])
        self.female_middle = Table(mid["female_without_thi"])
        self.after_thi = Table(mid["female_after_thi"])
        self.given = {"Nam": Table(given["male"]), "Nữ": Table(given["female"])}
        self.minority_given = {"Nam": tuple(given["minority_male"]), "Nữ": tuple(given["minority_female"])}
        self.shares = data["middle_shares"]

    def family_name(self, rng: random.Random, region: str = "central", ethnicity: str = "01") -> str:
        table = self.minority.get(ethnicity) or self.family[region]
        return table.pick(rng)

    def full(self, rng: random.Random, sex: str, birth_year: int, family: str | None = None,
             region: str = "central", ethnicity: str = "01") -> str:
        family = family or self.family_name(rng, region, ethnicity)
        if ethnicity not in ("01", "04") and ethnicity in self.minority:
            given = rng.choice(self.minority_given[sex])
            middle = ("Thị" if rng.random() < 0.7 else "") if sex == "Nữ" else ("Văn" if rng.random() < 0.4 else "")
            return " ".join(p for p in (family, middle, given) if p)
        return " ".join(p for p in (family, *self._middle(rng, sex, birth_year, family, region), self._given(rng, sex))
                        if p)

    def _middle(self, rng: random.Random, sex: str, year: int, family: str, region: str) -> list[str]:
        s = self.shares
        extra = []
        if year >= s["mother_family_since"] and rng.random() < s["mother_family"]:
            other = self.family[region].pick(rng)
            if other != family:
                extra.append(other)
        if sex == "Nam":
            if rng.random() < s["male_none"] and not extra:
                return []
            words = [self.male_middle.pick(rng)]
            if rng.random() < s["male_second"] and words[0] != "Văn":
                second = self.male_middle.pick(rng)
                if second not in words and second != "Văn":
                    words.append(second)
            return extra + words
        thi = next(share for upto, share in s["thi_by_cohort"] if year <= upto)
        if rng.random() < thi and not extra:
            return ["Thị", self.after_thi.pick(rng)] if rng.random() < s["thi_second"] else ["Thị"]
        words = [self.female_middle.pick(rng)]
        if rng.random() < s["female_two_without_thi"]:
            second = self.female_middle.pick(rng)
            if second != words[0]:
                words.append(second)
        return extra + words

    def _given(self, rng: random.Random, sex: str) -> str:
        return self.given[sex].pick(rng)


# --------------------------------------------------------------------------- places


@dataclass(frozen=True)
class Place:
    old_code: str  # CCCD province prefix (pre-2025)
    province: str  # 'Tỉnh Quảng Nam'
    district: str  # 'Huyện Điện Bàn' ('' for other provinces' entries that carry it in commune)
    commune: str  # 'Xã Điện Minh'

    @property
    def text(self) -> str:
        return ", ".join(p for p in (self.commune, self.district, self.province) if p)

    @property
    def sentence(self) -> str:
        """'xã Điện Minh, huyện Điện Bàn, tỉnh Quảng Nam' (inside a family row's details)."""
        return ", ".join(lower_first(p) for p in self.text.split(", "))


class Places:
    def __init__(self) -> None:
        data = load("places")
        self.data = data
        self.mix = {key: Table(mix) for key, mix in data["birth_mix"].items()}
        self.provinces = data["provinces"]
        self.districts = {code: Table({d: v["weight"] for d, v in p["districts"].items()})
                          for code, p in self.provinces.items() if "districts" in p}
        self.others = Table({code: p["weight"] for code, p in self.provinces.items() if "weight" in p})
        self.north = frozenset(data["north_ten_year_school"])
        self.streets = data["streets"]
        self.phones = tuple(data["phone_prefixes"])
        self.old_id_prefix = data["old_id_prefix"]

    def district_place(self, rng: random.Random, code: str, district: str) -> Place:
        province = self.provinces[code]
        return Place(code, province["name"], district, rng.choice(province["districts"][district]["communes"]))

    def birthplace(self, rng: random.Random, mix: str, local: tuple[str, str] | None = None) -> Place:
        """A pre-2025 birthplace; ``local`` = (old province code, district) of the unit's area,
        favoured for commune staff (most are born where they work)."""
        if local and local[1] in self.provinces[local[0]].get("districts", {}) and rng.random() < 0.6:
            return self.district_place(rng, *local)
        code = self.mix[mix].pick(rng)
        if code == "other":
            code = self.others.pick(rng)
            province = self.provinces[code]
            return Place(code, province["name"], "", rng.choice(province["places"]))
        return self.district_place(rng, code, self.districts[code].pick(rng))

    def near(self, rng: random.Random, place: Place) -> Place:
        """Another commune of the same district (a parent's or spouse's home nearby)."""
        if place.district and place.old_code in self.districts:
            return self.district_place(rng, place.old_code, place.district)
        return place

    def address(self, rng: random.Random, commune_code: str, commune_type: str) -> str:
        """House number and street (wards with known streets), else tổ/khối phố or thôn."""
        streets = self.streets.get(commune_code)
        if streets:
            street = rng.choice(streets)
            if rng.random() < 0.35:
                return f"K{rng.randint(1, 450)}/{rng.randint(1, 60)} {street}"
            return f"{rng.randint(1, 400)} {street}"
        if commune_type == "P":
            return f"Tổ {rng.randint(1, 60)}, khối phố {rng.randint(1, 12)}"
        return f"Thôn {rng.randint(1, 12)}"

    def phone(self, rng: random.Random) -> str:
        return rng.choice(self.phones) + f"{rng.randrange(10**7):07d}"


# --------------------------------------------------------------------------- the unit tree


@dataclass(frozen=True)
class Agency:
    """A cơ quan as work histories and decisions name it: today and before the 2025 mergers."""

    long: str  # 'Sở Nội vụ thành phố Đà Nẵng'
    abbr: str  # decision number suffix: 'SNV', 'UBND'
    head: str  # 'Giám đốc' / 'Chủ tịch UBND'
    before: dict[str, tuple[str, ...]] = field(default_factory=dict)  # side → predecessor names
    district: str = ""  # communes: the pre-2025 district ('Quận Hải Châu')


@dataclass(frozen=True)
class UnitSpec:
    code: str
    name: str
    parent: str | None
    kind: str
    quota: int
    agency: Agency
    leaders: tuple[tuple[str, int, int, str | None], ...]  # title, count, level, track
    mix: tuple[tuple[str, float], ...]
    majors: str
    area: str  # 'DN', 'QN' (the pre-merger side) or 'CITY' (either)
    was: int = 0  # which predecessor of the agency a city phòng came from
    old_names: tuple[str, ...] = ()  # communes' sub-units: pre-2025 offices (formatted)
    school: str | None = None
    allowance: bool = False  # city administrative agency: phụ cấp chức vụ table applies
    commune: dict[str, Any] | None = None
    minority: float = 0.0

    @property
    def label(self) -> str:
        """The unit as a work-history row names it today."""
        if self.parent in (None, "DN"):
            return self.agency.long
        if self.commune and self.kind in ("TRUONG", "TRAM_YTE"):  # a school of the phường, not of its UBND
            return f"{self.name}, {self.agency.long.removeprefix('UBND ')}"
        return f"{self.name}, {self.agency.long}"


def _leaders(rows: list[list[Any]], quota: int) -> tuple[tuple[str, int, int, str | None], ...]:
    fixed = sum(r[1] for r in rows if r[1] > 0)
    return tuple((r[0], r[1] if r[1] > 0 else max(quota - fixed, 0), r[2], r[3] if len(r) > 3 else None)
                 for r in rows)


def _mix(careers: dict[str, Any], name: str | None, kind: str, school: str | None) -> tuple[tuple[str, float], ...]:
    rows = careers["mixes"].get(name or kind, [])
    return tuple((school if track == "{school}" else track, share) for track, share in rows)


def unit_specs() -> list[UnitSpec]:
    """The whole tree, parents before children."""
    data, careers = load("units"), load("careers")
    kinds = careers["leaders"]
    root = data["root"]
    city = Agency(root["long"], root["abbr"], "Chủ tịch", {"DN": (root["long"],), "QN": ("UBND tỉnh Quảng Nam",)})
    specs = [UnitSpec(root["code"], root["name"], None, root["kind"], root["quota"], city,
                      _leaders(root["leaders"], root["quota"]), (), root["majors"], "CITY")]
    for d in data["departments"]:
        specs.extend(_department(d, careers, kinds))
    for index, c in enumerate(data["communes"]):
        specs.extend(_commune(index, c, data["commune"], careers))
    return specs


def _department(d: dict[str, Any], careers: dict[str, Any], kinds: dict[str, Any]) -> list[UnitSpec]:
    code = f"DN.{d['code']}"
    head = (d.get("leaders") or kinds[d["kind"]])[0][0].replace(" Sở", "")
    agency = Agency(d["long"], d["abbr"], head, {side: tuple(v) for side, v in d["before"].items()})
    out = [UnitSpec(code, d["name"], "DN", d["kind"], d["quota"], agency,
                    _leaders(d.get("leaders") or kinds["SO"], d["quota"]), (), d["majors"], "CITY",
                    allowance=True, minority=d.get("minority", 0.0))]
    for c in d["children"]:
        kind = c.get("kind", "PHONG")
        out.append(UnitSpec(
            f"{code}.{c['code']}", c["name"], code, kind, c["quota"], agency,
            _leaders(c.get("leaders") or kinds.get(kind, kinds["PHONG"]), c["quota"]),
            _mix(careers, c.get("mix") or d.get("mix"), kind, c.get("school")), c.get("majors", d["majors"]),
            c.get("area", "CITY"), was=c.get("was", 0), school=c.get("school"),
            allowance=kind in ("PHONG", "VAN_PHONG", "CHI_CUC"), minority=d.get("minority", 0.0)))
    return out


def _commune(index: int, c: dict[str, Any], tpl: dict[str, Any], careers: dict[str, Any]) -> list[UnitSpec]:
    kinds = careers["leaders"]
    typ, size = c["type"], c["size"]
    word = tpl["types"][typ]
    code = f"DN.{typ}.{c['code']}"
    district = lower_first(c["district"])
    long = f"UBND {word} {c['name']}, {CITY}"
    old_communes = tuple(f"UBND {lower_first(o)}, {district}" for o in c["old"])
    agency = Agency(long, "UBND", "Chủ tịch", {c["area"]: (f"UBND {district}",)}, c["district"])
    common = {"agency": agency, "area": c["area"], "commune": c}
    out = [UnitSpec(code, f"UBND {word} {c['name']}", "DN", tpl["kind"], tpl["quota"],
                    leaders=_leaders(tpl["leaders"], tpl["quota"]), mix=(), majors="commune_office",
                    old_names=old_communes, **common)]
    for u in tpl["units"] if typ != "DK" else tpl["units"][:1]:
        name = u["name"][typ] if isinstance(u["name"], dict) else u["name"]
        was = u["was"] if isinstance(u["was"], list) else [u["was"]]
        out.append(UnitSpec(f"{code}.{u['code']}", name, code, u["kind"], max(3, round(u["quota"] * size)),
                            leaders=_leaders(kinds[u["kind"]], u["quota"]),
                            mix=_mix(careers, u.get("mix"), u["kind"], None), majors=u["majors"],
                            old_names=old_communes + tuple(w.format(district=district) for w in was), **common))
    counts = c.get("schools", tpl["school_counts"]["big" if size >= 1.2 else "normal"])
    for level, n in counts.items():
        school = tpl["schools"][level]
        for i in range(n):
            sname = f"{school['prefix']} {school['names'][(index * 3 + i * 5) % len(school['names'])]}"
            out.append(UnitSpec(f"{code}.{level}{i + 1}", sname, code, "TRUONG", round(school["quota"] * size),
                                leaders=_leaders(kinds["TRUONG"], school["quota"]),
                                mix=_mix(careers, None, "TRUONG", school["track"]), majors="commune_social",
                                school=school["track"], old_names=(f"{sname}, {district}",), **common))
    if c.get("health", True):
        h = tpl["health"]
        out.append(UnitSpec(f"{code}.{h['code']}", h["name"].format(type=word, name=c["name"]), code, h["kind"],
                            max(5, round(h["quota"] * size)), leaders=_leaders(kinds[h["kind"]], h["quota"]),
                            mix=_mix(careers, h["mix"], h["kind"], None), majors="health",
                            old_names=(f"Trung tâm Y tế {district}",), **common))
    return out



# --------------------------------------------------------------------------- who works where


@dataclass(frozen=True)
class Role:
    title: str | None  # None: staff
    level: int  # 1 head of an agency … 5 minor lead; 0 staff
    track: str


def roles(spec: UnitSpec) -> list[Role]:
    """The unit's posts: its leaders, then staff by the unit's mix (largest remainder)."""
    main = spec.mix[0][0] if spec.mix else "chuyen_vien"
    posts = [Role(title, level, track or main) for title, n, level, track in spec.leaders for _ in range(n)]
    free = max(spec.quota - len(posts), 0)
    if spec.mix and free:
        shares = [(track, share * free) for track, share in spec.mix]
        counts = {track: int(x) for track, x in shares}
        for track, _ in sorted(shares, key=lambda s: s[1] - int(s[1]), reverse=True)[:free - sum(counts.values())]:
            counts[track] += 1
        posts += [Role(None, 0, track) for track, n in counts.items() for _ in range(n)]
    return posts


def plan(rng: random.Random, specs: list[UnitSpec], count: int) -> list[tuple[UnitSpec, Role]]:
    """``count`` (unit, role) pairs spread over the units in proportion to their quotas. A unit
    never gets more leaders than it has posts; beyond its posts it gets staff of its usual mix
    (units without staff — a sở's board, a UBND — send the surplus to the others)."""
    total = sum(s.quota for s in specs)
    exact = [count * s.quota / total for s in specs]
    counts = [int(x) for x in exact]
    fractions = Table([(i, x - int(x) + 1e-9) for i, x in enumerate(exact)])
    while sum(counts) < count:
        counts[fractions.pick(rng)] += 1
    out: list[tuple[UnitSpec, Role]] = []
    overflow = 0
    for spec, n in zip(specs, counts, strict=True):
        posts = roles(spec)
        if n > len(posts) and not spec.mix:
            overflow, n = overflow + n - len(posts), len(posts)
        picked = rng.sample(posts, min(n, len(posts)))
        if n > len(picked):
            mix = Table(spec.mix)
            picked += [Role(None, 0, mix.pick(rng)) for _ in range(n - len(picked))]
        out += [(spec, role) for role in picked]
    staffed = Table([(s, s.quota) for s in specs if s.mix])
    for _ in range(overflow):
        spec = staffed.pick(rng)
        out.append((spec, Role(None, 0, Table(spec.mix).pick(rng))))
    return out
