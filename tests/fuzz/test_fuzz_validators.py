"""Fuzzing the validators: parsers, field cleaning, the CCCD rules and the people service with random
input. Only ``ValueError`` (parsers) or ``UserError``/``ValidationError`` with a Vietnamese message
naming a known field (service) may come out — never another exception, never a hang."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app import catalogs, cccd, people, validation
from app.errors import UserError
from app.fields import PERSON_FIELDS, SECTION_FIELDS
from tests.core.conftest import FULL_PERSON, make_database, person_data
from tests.fuzz.strategies import (
    FEW,
    FUZZ,
    SCALAR,
    TEXT,
    VALUE,
    assert_clear_refusal,
    time_limit,
)

ROOT = Path(__file__).resolve().parents[2]
ALL_SPECS = list(PERSON_FIELDS) + [spec for specs in SECTION_FIELDS.values() for spec in specs]
PARSERS = [validation.parse_date, validation.parse_decimal, validation.parse_int, validation.parse_sex,
           validation.parse_bool, lambda v: validation.parse_date(v, allow_partial=True)]
TODAY = dt.date(2026, 11, 26)


@pytest.fixture(scope="module")
def fuzz_db(tmp_path_factory):
    database = make_database(tmp_path_factory.mktemp("fuzz-validators"))
    with database.session("fuzz") as s:
        people.create_person(s, person_data())
    yield database
    database.dispose()


@pytest.fixture(scope="module")
def index(fuzz_db):
    with fuzz_db.session() as s:
        return catalogs.index(s)


@FUZZ
@given(parser=st.sampled_from(PARSERS), value=SCALAR)
def test_parsers_refuse_only_with_a_reason(parser, value) -> None:
    with time_limit(5):
        try:
            parser(value)
        except ValueError as exc:
            assert str(exc).strip()


@FUZZ
@given(spec=st.sampled_from(ALL_SPECS), value=VALUE)
def test_every_field_cleans_or_says_why(index, spec, value) -> None:
    with time_limit(5):
        try:
            validation.clean_value(spec, value, index, TODAY)
        except ValueError as exc:
            assert str(exc).strip()


@FUZZ
@given(number=st.one_of(TEXT, st.integers(), st.none()), born=st.one_of(st.none(), st.dates()),
       sex=st.sampled_from([None, "Nam", "Nữ", "?"]))
def test_cccd_rules_never_raise(number, born, sex) -> None:
    digits = cccd.clean(number)
    problem = cccd.format_error(digits)
    assert problem is None or problem.strip()
    if problem is None:
        assert len(digits) == 12
        for warning in cccd.mismatches(digits, born, sex):
            assert warning.strip()


def _save(db, data, key=None) -> None:
    session = db.factory()
    session.info["user"] = "fuzz"
    try:
        with time_limit(10), session.begin():
            if key is None:
                people.create_person(session, data)
            else:
                people.update_person(session, key, data)
            session.flush()
            session.rollback()  # accepted input is fine; keep the database as it was
    except UserError as exc:
        assert_clear_refusal(exc)
    finally:
        session.close()


_FIELD_NAMES = [f.name for f in PERSON_FIELDS] + list(SECTION_FIELDS) + ["unit_code"]
_ROW = st.dictionaries(st.sampled_from([f.name for specs in SECTION_FIELDS.values() for f in specs]) | TEXT,
                       VALUE, max_size=6)
_SECTION_VALUE = st.one_of(VALUE, st.lists(_ROW, max_size=3))


@FUZZ
@given(changes=st.dictionaries(st.sampled_from(_FIELD_NAMES), _SECTION_VALUE, min_size=1, max_size=5))
def test_a_valid_dossier_with_random_changes(fuzz_db, changes) -> None:
    data = person_data(cccd="048085009999")
    data.update(changes)
    _save(fuzz_db, data)


@FUZZ
@given(data=st.dictionaries(st.one_of(st.sampled_from(_FIELD_NAMES), TEXT), _SECTION_VALUE, max_size=12))
def test_a_random_dictionary_as_a_new_dossier(fuzz_db, data) -> None:
    _save(fuzz_db, data)


@FEW
@given(changes=st.dictionaries(st.sampled_from(_FIELD_NAMES), _SECTION_VALUE, min_size=1, max_size=4))
def test_random_changes_to_an_existing_dossier(fuzz_db, changes) -> None:
    _save(fuzz_db, changes, key=FULL_PERSON["cccd"])


# --- bugs the fuzzing found (fixed; kept as regression tests) ---------------------------------------

@pytest.mark.parametrize("text", ["1e5048085001234", "-1E+999999999"])
def test_a_huge_number_is_refused_quickly(text) -> None:
    """parse_int used to build int(Decimal("1e5048085001234")), a number of 10^12 digits, and hang."""
    code = (f"from app.validation import parse_int\ntry:\n    parse_int({text!r})\nexcept ValueError as exc:\n"
            "    assert 'quá lớn' in str(exc), exc\nelse:\n    raise SystemExit('accepted')")
    try:
        subprocess.run([sys.executable, "-c", code], cwd=ROOT, timeout=20, check=True,
                       env=os.environ | {"PYTHONPATH": str(ROOT)})
    except subprocess.TimeoutExpired:
        pytest.fail("parse_int hangs on a huge exponent")


@pytest.mark.parametrize("value", [10**5000, 1.79e308, Decimal("1e400"), "1e-400"], ids=["int", "float", "dec", "tiny"])
def test_absurd_magnitudes_are_refused(value) -> None:
    for parser in (validation.parse_decimal, validation.parse_int):
        with pytest.raises(ValueError, match="quá (lớn|nhỏ)"):
            parser(value)


@pytest.mark.parametrize("digits", ["\u0660" * 9, "１２３４５６７８９", "\U0001d7d8" * 9, "¹²³⁴⁵⁶⁷⁸⁹"])
def test_cccd_takes_only_ascii_digits(digits) -> None:
    number = cccd.clean("048" + digits)
    assert cccd.format_error(number) == "phải gồm đúng 12 chữ số"


def test_a_section_row_that_is_not_an_object_is_refused(fuzz_db) -> None:
    session = fuzz_db.factory()
    session.info["user"] = "fuzz"
    try:
        with session.begin(), pytest.raises(UserError) as caught:
            people.update_person(session, FULL_PERSON["cccd"], {"training": ["", {"major": "Luật"}, 3]})
    finally:
        session.close()
    assert_clear_refusal(caught.value)
    fields = {e.field: e for e in caught.value.errors}
    assert {"training[1]", "training[3]"} <= set(fields)
    assert fields["training[1]"].label.endswith("dòng 1") and fields["training[1]"].message == "dữ liệu không hợp lệ"


@pytest.mark.parametrize("value", [Decimal("NaN"), Decimal("sNaN"), float("nan"), Decimal("Infinity"), float("-inf"),
                                   "nan", "inf", "-Infinity", "NaN"])
def test_nan_and_infinity_are_refused(index, value) -> None:
    for parser in (validation.parse_decimal, validation.parse_int):
        with pytest.raises(ValueError, match="không phải là số"):
            parser(value)
    for spec in (next(f for f in PERSON_FIELDS if f.kind == "decimal" and f.minimum is not None),
                 next(f for f in ALL_SPECS if f.kind == "int")):
        with pytest.raises(ValueError, match="không phải là số"):
            validation.clean_value(spec, value, index, TODAY)


@pytest.mark.parametrize("value", ["¹", "²", "①", "١", "１"])
def test_non_ascii_digits_in_a_catalog_value(index, value) -> None:
    assert index.resolve("ethnicity", value) is None
