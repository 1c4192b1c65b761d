"""Catalog loading and look-ups: the CSV data in resources/catalogs against REFERENCE.md values."""

from __future__ import annotations

import csv
import datetime as dt
import shutil
import unicodedata
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.orm import Session

import models
from app import catalogs
from app.resources import resource_path
from models import CatalogItem

CATALOG_DIR = resource_path("catalogs")
FILES = ("catalog_items.csv", "grades.csv", "salary_scales.csv", "base_salaries.csv")


def _new_engine() -> sa.Engine:
    eng = sa.create_engine("sqlite://")
    models.Base.metadata.create_all(eng)
    return eng


@pytest.fixture
def engine() -> Iterator[sa.Engine]:
    """An empty database of its own, for tests that load or change the catalogs."""
    eng = _new_engine()
    yield eng
    eng.dispose()


@pytest.fixture(scope="module")
def loaded_engine() -> Iterator[sa.Engine]:
    eng = _new_engine()
    with Session(eng) as s:
        catalogs.load_catalogs(s)
        s.commit()
    yield eng
    eng.dispose()


@pytest.fixture
def session(loaded_engine: sa.Engine) -> Iterator[Session]:
    """Read-only look-ups share one loaded database (the tables are never changed through it)."""
    with Session(loaded_engine) as s:
        yield s


@pytest.fixture
def own_session(engine: sa.Engine) -> Iterator[Session]:
    with Session(engine) as s:
        catalogs.load_catalogs(s)
        s.commit()
        yield s


def _csv_rows(name: str, directory: Path = CATALOG_DIR) -> list[dict[str, str]]:
    with (directory / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


# --------------------------------------------------------------------------- loader


def test_loader_is_idempotent_and_counts_every_csv_row(engine: sa.Engine) -> None:
    with Session(engine) as s:
        first = catalogs.load_catalogs(s)
        s.commit()
        second = catalogs.load_catalogs(s)
        s.commit()
        distinct = s.execute(sa.select(sa.func.count()).select_from(
            sa.select(CatalogItem.catalog, CatalogItem.code).distinct().subquery())).scalar()
    assert first == second
    assert first == {
        "catalog_items": len(_csv_rows("catalog_items.csv")),
        "grades": len(_csv_rows("grades.csv")),
        "salary_scale_steps": len(_csv_rows("salary_scales.csv")),
        "base_salaries": len(_csv_rows("base_salaries.csv")),
    }
    assert distinct == first["catalog_items"]


def test_loader_is_set_based_and_a_second_load_writes_nothing(engine: sa.Engine) -> None:
    """What kept the loader fast, checked without a clock (a timed assertion fails under load):
    a fixed number of statements whatever the number of rows, and nothing written the second time."""
    statements: list[str] = []
    sa.event.listen(engine, "before_cursor_execute",
                    lambda _c, _cur, sql, _p, _ctx, _many: statements.append(sql.lstrip().split()[0].upper()))
    with Session(engine) as s:
        catalogs.load_catalogs(s)
        first = len(statements)
        statements.clear()
        catalogs.load_catalogs(s)
    assert first <= 20  # one read per table, one multi-row insert per table, the counts
    assert statements and set(statements) <= {"SELECT"} and len(statements) <= 8


def test_a_changed_row_in_the_database_is_restored(own_session: Session) -> None:
    kinh = own_session.get(CatalogItem, ("ethnicity", "01"))
    assert kinh is not None
    kinh.name, kinh.name_fold, kinh.attrs = "Sai", "sai", {}
    own_session.commit()
    catalogs.load_catalogs(own_session)
    own_session.commit()
    assert (kinh.name, kinh.name_fold, kinh.attrs["code_2008"]) == ("Kinh", "kinh", "01")


def test_an_edited_csv_updates_the_row_and_never_deletes(own_session: Session, tmp_path: Path) -> None:
    session = own_session
    for name in FILES:
        shutil.copy(CATALOG_DIR / name, tmp_path / name)
    rows = _csv_rows("catalog_items.csv", tmp_path)
    for row in rows:
        if (row["catalog"], row["code"]) == ("religion", "01"):
            row["name"] = "Đạo Phật giáo"
    rows = [r for r in rows if (r["catalog"], r["code"]) != ("unit_kind", "KHAC")]
    with (tmp_path / "catalog_items.csv").open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    assert catalogs.resolve(session, "religion", "dao phat giao") is None  # cached before the edit

    catalogs.load_catalogs(session, tmp_path)
    session.commit()

    item = session.get(CatalogItem, ("religion", "01"))
    assert item is not None and (item.name, item.name_fold) == ("Đạo Phật giáo", "dao phat giao")
    assert catalogs.resolve(session, "religion", "dao phat giao") == "01"
    assert catalogs.name(session, "unit_kind", "KHAC") == "Khác"  # gone from the file, kept in the table


def test_aliases_are_stored_in_attrs(session: Session) -> None:
    hmong = session.get(CatalogItem, ("ethnicity", "08"))
    assert hmong is not None
    assert hmong.name == "H'Mông"
    assert {"Mông", "Hmông"} <= set(hmong.attrs["aliases"])


# --------------------------------------------------------------------------- resolving


@pytest.mark.parametrize(("catalog", "typed", "code"), [
    ("ethnicity", "ba na", "13"), ("ethnicity", "Ba-na", "13"), ("ethnicity", "BANA", "13"),
    ("ethnicity", "hmong", "08"), ("ethnicity", "H\u2019Mông", "08"), ("ethnicity", "Mông", "08"),
    ("ethnicity", "kinh", "01"), ("ethnicity", "Việt", "01"), ("ethnicity", "Kinh (Việt)", "01"),
    ("ethnicity", "1", "01"), ("ethnicity", "01", "01"), ("ethnicity", "Ê đê", "12"),
    ("ethnicity", "khome", "05"), ("ethnicity", "Khmer", "05"), ("ethnicity", "bru van kieu", "23"),
    ("religion", "phat giao", "01"), ("religion", "Không", "00"), ("religion", "0", "00"),
    ("religion", "Thiên Chúa giáo", "02"), ("religion", "Hoà Hảo", "05"), ("religion", "hoi giao", "15"),
    ("province", "Quảng Nam", "48"), ("province", "tinh quang nam", "48"), ("province", "Đà Nẵng", "48"),
    ("province", "TP Đà Nẵng", "48"), ("province", "Thành phố Đà Nẵng", "48"), ("province", "Quảng Ngãi", "51"),
    ("province", "TP.HCM", "79"), ("province", "tp hcm", "79"), ("province", "Sài Gòn", "79"),
    ("province", "Bà Rịa-Vũng Tàu", "79"), ("province", "Thừa Thiên - Huế", "46"), ("province", "Hà Tây", "01"),
    ("province", "Đăk Lăk", "66"), ("province", "Bắc Cạn", "19"),
    ("professional_level", "Cử nhân", "DH"), ("professional_level", "ky su", "DH"),
    ("professional_level", "ThS", "THS"), ("professional_level", "Thạc sỹ", "THS"),
    ("professional_level", "tskh", "TSKH"), ("professional_level", "CK II", "CKII"),
    ("political_theory", "Trung cấp lý luận chính trị", "TC"), ("political_theory", "cử nhân", "CN"),
    ("state_management", "Chuyên viên chính", "CVC"), ("training_form", "chinh quy", "CQ"),
    ("training_form", "Vừa học vừa làm", "VLVH"), ("academic_title", "Phó giáo sư", "PGS"),
    ("relation", "Bố vợ", "CHA_VO"), ("relation", "me chong", "ME_CHONG"), ("relation", "cha_vo", "CHA_VO"),
    ("quality_rating", "Hoàn thành tốt nhiệm vụ", "HTTNV"), ("quality_rating", "htxsnv", "HTXSNV"),
    ("discipline_form", "khien trach", "KT"), ("unit_kind", "UBND phường", "UBND_XA"),
])
def test_resolve_typed_values(session: Session, catalog: str, typed: str, code: str) -> None:
    assert catalogs.resolve(session, catalog, typed) == code


@pytest.mark.parametrize(("catalog", "typed"), [
    ("ethnicity", "Người sao Hỏa"), ("ethnicity", "99"), ("ethnicity", ""), ("ethnicity", None),
    ("province", "Atlantis"), ("province", "Nghệ Tĩnh"), ("religion", "Phật"), ("no_such_catalog", "Kinh"),
    ("ethnicity", "Phật giáo"),
])
def test_resolve_unknown_values_gives_none(session: Session, catalog: str, typed: str | None) -> None:
    assert catalogs.resolve(session, catalog, typed) is None


def test_every_name_alias_and_code_resolves_to_its_own_row(session: Session) -> None:
    index = catalogs.CatalogIndex.load(session)
    assert len(index.catalogs()) == 14
    for catalog in index.catalogs():
        assert index.ambiguous_keys(catalog) == set(), catalog
        for entry in index.entries(catalog):
            for typed in (entry.code, entry.code.lower(), entry.name, *entry.aliases):
                assert index.resolve(catalog, typed) == entry.code, (catalog, typed)


def test_index_names_and_module_names_agree(session: Session) -> None:
    index = catalogs.CatalogIndex.load(session)
    assert index.name("ethnicity", "08") == catalogs.name(session, "ethnicity", "08") == "H'Mông"
    assert catalogs.name(session, "religion", "00") == "Không"
    assert catalogs.name(session, "province", "48") == "Thành phố Đà Nẵng"
    assert catalogs.name(session, "province", "49") is None
    assert index.name("ethnicity", None) is None


def test_entries_are_in_display_order(session: Session) -> None:
    levels = catalogs.entries(session, "professional_level")
    assert [e.code for e in levels][:3] == ["TSKH", "TS", "CKII"]
    assert levels[-1].code == "CQDT"
    ranks = [e.attrs["rank"] for e in levels]
    assert ranks == sorted(ranks, reverse=True)
    assert [e.attrs["bm01"] for e in levels if e.code in ("TS", "THS", "DH", "SC")] == [
        "tien_si", "thac_si", "dai_hoc", "so_cap"]
    assert catalogs.entries(session, "no_such_catalog") == []


# --------------------------------------------------------------------------- catalog contents


def test_34_provinces_with_their_merged_predecessors(session: Session) -> None:
    provinces = catalogs.entries(session, "province")
    assert len(provinces) == 34
    assert sorted(e.code for e in provinces if e.attrs["kind"] == "thanh_pho") == ["01", "31", "46", "48", "79", "92"]
    predecessors = [old for e in provinces for old in e.attrs["formed_from"]]
    assert len(predecessors) == len(set(predecessors)) == 63
    danang = next(e for e in provinces if e.code == "48")
    assert (danang.name, danang.attrs["formed_from"]) == ("Thành phố Đà Nẵng", ["Quảng Nam", "Đà Nẵng"])
    for entry in provinces:
        for old in entry.attrs["formed_from"]:
            assert catalogs.resolve(session, "province", old) == entry.code, old


def test_provinces_agree_with_the_old_province_table(session: Session) -> None:
    """old_provinces.csv (used for CCCD numbers) and the province aliases map every pre-2025
    province to the same new code."""
    for row in _csv_rows("old_provinces.csv"):
        short = row["name"].removeprefix("Tỉnh ").removeprefix("Thành phố ")
        assert catalogs.resolve(session, "province", short) == row["new_code"], row["name"]


def test_ethnic_groups_keep_both_code_lists(session: Session) -> None:
    groups = {e.code: e for e in catalogs.entries(session, "ethnicity")}
    assert len(groups) == 56 and list(groups)[:3] == ["01", "02", "03"]
    assert (groups["04"].name, groups["04"].attrs["code_2008"]) == ("Hoa", "06")
    assert (groups["06"].name, groups["06"].attrs["code_2008"]) == ("Mường", "04")
    assert (groups["21"].name, groups["21"].attrs["code_2008"]) == ("Ra-glai", "19")
    assert "code_2008" not in groups["11"].attrs and "code_2008" not in groups["54"].attrs
    assert groups["55"].name == "Người nước ngoài" and groups["56"].name == "Không rõ"


def test_religions(session: Session) -> None:
    religions = {e.code: e for e in catalogs.entries(session, "religion")}
    assert list(religions) == [f"{n:02d}" for n in range(17)]
    assert religions["03"].attrs["code_gso"] == "08"
    assert (religions["15"].name, religions["15"].attrs["code_gso"]) == ("Hồi giáo", "04")
    assert (religions["16"].name, religions["16"].attrs["code_gso"]) == ("Bửu Sơn Kỳ Hương", "11")


def test_discipline_forms_agree_with_the_salary_rules(session: Session) -> None:
    from app.rules.salary import discipline_delay_months

    delays = {e.code: discipline_delay_months(e.name) for e in catalogs.entries(session, "discipline_form")}
    assert delays == {"KT": 3, "CC": 6, "HL": 12, "GC": 12, "CCH": 12, "BV": 0}


def test_every_scale_class_has_the_rules_interval(session: Session) -> None:
    """The step interval is stated twice (scale table and rules); they must never disagree."""
    from app.rules.salary import step_interval_months

    for scale, cls in {(r.salary_scale, r.salary_class) for r in session.query(models.SalaryScaleStep)}:
        steps = catalogs.scale_steps(session, scale, cls)
        assert {s.interval_months for s in steps} == {step_interval_months(cls)}, (scale, cls)


# --------------------------------------------------------------------------- salary tables

B2_STEPS = {"CG": 3, "A3.1": 6, "A3.2": 6, "A2.1": 8, "A2.2": 8, "A1": 9, "A0": 10,
            "B": 12, "C1": 12, "C2": 12, "C3": 12}
INCREMENT = {"A3.1": "0.36", "A3.2": "0.36", "A2.1": "0.34", "A2.2": "0.34", "A1": "0.33", "A0": "0.31",
             "B": "0.20", "C1": "0.18", "C2": "0.18", "C3": "0.18", "CG": "0.60"}


@pytest.mark.parametrize(("salary_class", "count"), B2_STEPS.items())
def test_every_b2_class_has_the_reference_steps(session: Session, salary_class: str, count: int) -> None:
    steps = catalogs.scale_steps(session, "B2", salary_class)
    assert [s.step for s in steps] == list(range(1, count + 1))
    interval = {"CG": 60, "B": 24, "C1": 24, "C2": 24, "C3": 24}.get(salary_class, 36)
    assert {s.interval_months for s in steps} == {interval}
    increments = {b.coefficient - a.coefficient for a, b in zip(steps, steps[1:], strict=False)}
    assert increments == {Decimal(INCREMENT[salary_class])}


@pytest.mark.parametrize(("scale", "salary_class", "step", "coefficient"), [
    ("B2", "CG", 1, "8.80"), ("B2", "CG", 3, "10.00"), ("B2", "A3.1", 6, "8.00"), ("B2", "A3.2", 1, "5.75"),
    ("B2", "A2.1", 8, "6.78"), ("B2", "A2.2", 1, "4.00"), ("B2", "A1", 1, "2.34"), ("B2", "A1", 9, "4.98"),
    ("B2", "A0", 10, "4.89"), ("B2", "B", 12, "4.06"), ("B2", "C1", 12, "3.63"), ("B2", "C2", 12, "3.48"),
    ("B2", "C3", 1, "1.35"), ("B3", "A1", 4, "3.33"), ("B3", "C2", 1, "2.00"), ("B3", "C2", 12, "3.98"),
    ("B4", "LX", 1, "2.05"), ("B4", "LX", 12, "4.03"), ("B4", "NV", 1, "1.00"), ("B4", "NV", 12, "2.98"),
])
def test_coefficients(session: Session, scale: str, salary_class: str, step: int, coefficient: str) -> None:
    found = catalogs.scale_steps(session, scale, salary_class)[step - 1]
    assert found.step == step
    assert str(found.coefficient) == coefficient  # two decimals, as the tables print them


def test_unknown_class_has_no_steps(session: Session) -> None:
    assert catalogs.scale_steps(session, "B2", "Z9") == []


# --------------------------------------------------------------------------- grades


def test_grade_code_that_changed_meaning(session: Session) -> None:
    current = catalogs.grade(session, "01.004")
    assert current == catalogs.GradeInfo("01.004", "TT02-2021", "Cán sự", "B2", "A0", "cong_chuc")
    old = catalogs.grade(session, "01.004", dt.date(2020, 1, 1))
    assert old is not None and (old.list_version, old.salary_class) == ("QD78-2004", "B")
    later = catalogs.grade(session, "01.004", dt.date(2022, 1, 1))
    assert later is not None and later.salary_class == "A0"
    typist = catalogs.grade(session, "01.005", dt.date(2019, 5, 1))
    assert typist is not None and typist.name == "Kỹ thuật viên đánh máy"


def test_grade_with_one_meaning_and_unknown_codes(session: Session) -> None:
    specialist = catalogs.grade(session, "01.003", dt.date(2010, 1, 1))
    assert specialist is not None and (specialist.name, specialist.salary_class) == ("Chuyên viên", "A1")
    old_teacher = catalogs.grade(session, "V.07.03.08", dt.date(2024, 1, 1))  # superseded, still readable
    assert old_teacher is not None and old_teacher.list_version == "QD78-2004"
    assert catalogs.grade(session, "99.999") is None
    assert catalogs.grade(session, None) is None


def test_every_grade_has_a_salary_class_with_steps(session: Session) -> None:
    every = catalogs.grades(session)
    assert len(every) == len({r["code"] for r in _csv_rows("grades.csv")})
    for info in every:
        assert info.salary_scale in ("B2", "B3", "B4"), info
        assert info.staff_type in ("cong_chuc", "vien_chuc", "hop_dong"), info
        assert catalogs.scale_steps(session, info.salary_scale, info.salary_class), info


# --------------------------------------------------------------------------- base salary


@pytest.mark.parametrize(("day", "amount"), [
    (dt.date(2024, 7, 1), 2_340_000), (dt.date(2024, 6, 30), 1_800_000), (dt.date(2020, 1, 1), 1_490_000),
    (dt.date(2019, 6, 30), 1_390_000), (dt.date(2013, 6, 30), None),
])
def test_base_salary_on(session: Session, day: dt.date, amount: int | None) -> None:
    expected = Decimal(amount) if amount is not None else None
    assert catalogs.base_salary_on(session, day) == expected


# --------------------------------------------------------------------------- files


@pytest.mark.parametrize("name", FILES)
def test_csv_files_are_nfc_with_confidence_labels(name: str) -> None:
    text = (CATALOG_DIR / name).read_text(encoding="utf-8")
    assert unicodedata.normalize("NFC", text) == text
    assert {row["confidence"] for row in _csv_rows(name)} <= {"C", "S", "U"}
