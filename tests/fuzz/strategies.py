"""Shared settings and strategies of the fuzz tests (no tests here).

The normal suite runs ``EXAMPLES`` (few, derandomized so CI is repeatable); ``HOSO_FUZZ=1`` runs the
long campaign (``FUZZ_EXAMPLES`` each, random seeds): ``HOSO_FUZZ=1 python dev.py test tests/fuzz``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import signal
import threading
from collections.abc import Iterator
from decimal import Decimal

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from app.errors import UserError, ValidationError
from app.fields import PERSON_FIELDS, SECTION_FIELDS

LONG = os.environ.get("HOSO_FUZZ") == "1"
FUZZ_EXAMPLES = int(os.environ.get("HOSO_FUZZ_EXAMPLES", "10000"))
EXAMPLES = FUZZ_EXAMPLES if LONG else 30

FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=not LONG, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                                       HealthCheck.data_too_large, HealthCheck.filter_too_much])
FEW = settings(FUZZ, max_examples=FUZZ_EXAMPLES if LONG else 6)  # the slow targets (a file written per example)

# a Vietnamese message has Vietnamese letters (ă â đ ê ô ơ ư or a tone mark)
_VIETNAMESE = re.compile(r"[À-ỹ]")
KNOWN_FIELDS = {f.name for f in PERSON_FIELDS} | set(SECTION_FIELDS) | {
    f"{section}.{f.name}" for section, specs in SECTION_FIELDS.items() for f in specs} | {"unit_code", "unit_id"}

# text a user or an old spreadsheet may hold: Vietnamese, digits and separators, odd whitespace,
# look-alikes, TCVN3/VNI bytes read as cp1252, combining marks — no surrogates or control characters
_ALPHABET = st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff")
_PIECES = st.sampled_from(["Nguyễn", "Văn", "Thị", "Đà Nẵng", "01/02/2003", "2003-02-01", "31/02/2020", "0",
                           "048085001234", "12", "3,33", "5.475.600", "1e5", "-1", "Nam", "Nữ", "x", "có",
                           "NaN", "inf", " ", "\u00a0", "\u200b", "NGUYÔN V¡N", "Tr\u00c7n", "e\u0301", "٣",
                           "１２", "Ⅻ", "'", "\"", ";", "=1+1", "<b>", "\\", "%s", "{0}", "𝟘"])
TEXT = st.one_of(st.text(_ALPHABET, max_size=40),
                 st.lists(_PIECES, max_size=6).map("".join),
                 st.lists(st.one_of(_PIECES, st.text(_ALPHABET, max_size=3)), max_size=5).map(" ".join),
                 st.text(_ALPHABET, min_size=190, max_size=600))
NUMBER = st.one_of(st.integers(), st.integers(-10**15, 10**15), st.floats(allow_nan=True, allow_infinity=True),
                   st.decimals(allow_nan=True, allow_infinity=True, places=None),
                   st.sampled_from(["1e5048085001234", "-1E+999999999", "1e-400", "0e99999999999"]).map(Decimal))
SCALAR = st.one_of(TEXT, NUMBER, st.none(), st.booleans(),
                   st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)),
                   st.datetimes(dt.datetime(1800, 1, 1), dt.datetime(2200, 1, 1)))
VALUE = st.one_of(SCALAR, st.lists(SCALAR, max_size=3), st.dictionaries(TEXT, SCALAR, max_size=3))


def assert_clear_refusal(exc: BaseException) -> None:
    """A refusal the user can act on: UserError, Vietnamese text; field errors name a known field."""
    assert isinstance(exc, UserError), f"{type(exc).__name__}: {exc}"
    text = str(exc)
    assert text.strip() and "Traceback" not in text, repr(text)
    assert _VIETNAMESE.search(text), f"not Vietnamese: {text!r}"
    if isinstance(exc, ValidationError):
        assert exc.errors
        for error in exc.errors:
            base = re.sub(r"\[\d+\]", "", error.field)
            assert base in KNOWN_FIELDS, f"unknown field {error.field!r} in {text!r}"
            assert error.label.strip() and _VIETNAMESE.search(error.message), repr(error)


@contextlib.contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Turn a hang into a failure (POSIX main thread; elsewhere no limit)."""
    if os.name == "nt" or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expired(_signum: int, _frame: object) -> None:
        raise TimeoutError(f"no answer within {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
