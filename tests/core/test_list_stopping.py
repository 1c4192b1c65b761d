"""The list's queries can be stopped by a newer keystroke (``app.listing.stoppable``, issue 17): the
running SQLite statement ends with ``Superseded``, the connection stays usable, and nothing about
who sees what changes."""

from __future__ import annotations

import pytest

from app import listing
from app import units as unit_queries
from app.listing import PersonFilter, Superseded
from app.security.principal import Principal
from app.services import HoSo
from tests.core.conftest import make_database, person_data


@pytest.fixture
def filled(tmp_path, monkeypatch):
    monkeypatch.setattr(listing, "_STEPS_BETWEEN_LOOKS", 1)  # look at every step: a tiny list is stopped too
    db = make_database(tmp_path)
    admin = HoSo(db)
    for i, (name, unit) in enumerate([("Nguyễn Văn An", "DN.SNV"), ("Nguyễn Thị Bình", "DN.SNV"),
                                      ("Nguyễn Văn Cường", "DN.P.HAICHAU")]):
        admin.people.create_person(person_data(full_name=name, cccd=f"04808500{i:04d}", unit_code=unit))
    yield db
    db.dispose()


def test_a_cancelled_count_or_page_stops_and_the_next_one_runs(filled) -> None:
    people = HoSo(filled).people
    with pytest.raises(Superseded):
        people.person_count(PersonFilter(query="nguyen"), cancelled=lambda: True)
    with pytest.raises(Superseded):
        people.person_page(PersonFilter(query="ng"), count=True, size=1, cancelled=lambda: True)
    # the same pooled connection answers the next request, and a request not cancelled runs whole
    assert people.person_count(PersonFilter(query="nguyen"), cancelled=lambda: False) == 3
    page = people.person_page(PersonFilter(query="nguyen"), count=True, size=2, cancelled=lambda: False)
    assert len(page.keys) == 2 and page.total == 3
    assert people.person_count(PersonFilter(query="nguyen")) == 3  # no handler left behind


def test_stopping_is_cooperative_only_when_asked(filled) -> None:
    """A request that turns cancelled only after it finished is answered normally."""
    people = HoSo(filled).people
    seen: list[bool] = []

    def not_yet() -> bool:
        seen.append(False)
        return False

    assert people.person_count(PersonFilter(query="nguyen"), cancelled=not_yet) == 3
    assert seen  # the handler was asked while the statement ran


def test_the_stoppable_list_keeps_to_the_principals_units(filled) -> None:
    """The wrong unit: a clerk of Hải Châu counts and pages their own dossier only, cancellable or not."""
    with filled.session() as s:
        haichau = unit_queries.get_unit(s, "DN.P.HAICHAU").id
    clerk = HoSo(filled, principal=Principal("nv", "clerk", frozenset({haichau}), unit_roots=frozenset({haichau})))
    assert clerk.people.person_count(PersonFilter(query="nguyen"), cancelled=lambda: False) == 1
    page = clerk.people.person_page(PersonFilter(query="nguyen"), cancelled=lambda: False)
    assert page.total == 1
    rows = clerk.people.person_rows(page.keys)
    assert [r.full_name for r in rows] == ["Nguyễn Văn Cường"]
    with pytest.raises(Superseded):
        clerk.people.person_count(PersonFilter(query="nguyen"), cancelled=lambda: True)
    stranger = HoSo(filled, principal=Principal("x", "clerk", frozenset()))
    assert stranger.people.person_count(PersonFilter(query="nguyen"), cancelled=lambda: False) == 0
