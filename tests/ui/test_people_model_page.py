"""The list model shows a page of a long list without reading the rest, reads it (once) only when
a row past the page is wanted, and takes the count when it comes."""

from __future__ import annotations

from app.listing import PersonFilter
from tests.core.conftest import person_data
from ui.people_model import PeopleTableModel


def _people(service, n: int) -> None:
    for i in range(n):
        service.people.create_person(person_data(cccd=f"0480850{i:05d}", full_name=f"Nguyễn Văn Người {i}"))


def test_a_page_first_the_rest_only_when_scrolled_to(qtmodeltester, service) -> None:
    _people(service, 12)
    page = service.people.person_page(PersonFilter(query="nguoi"), count=False)
    full = service.people.person_keys(PersonFilter(query="nguoi"))
    assert len(full) == 12
    calls = []

    def rest():
        calls.append(1)
        return full

    model = PeopleTableModel(service.people.person_rows)
    model.set_page(full[:5], None, rest)  # what a page of 5 looks like before its count
    assert model.rowCount() == 5 and not calls
    assert model.person_row(4) is not None and not calls
    model.set_total(12)
    assert model.rowCount() == 12 and not calls
    assert model.person_row(0).full_name == service.people.person_rows([full[0]])[0].full_name and not calls
    assert model.person_row(11) is not None and calls == [1]  # past the page: the full list, once
    assert model.id_at(7).hex == full[7] and calls == [1]
    qtmodeltester.check(model, force_py=True)
    assert page.keys == full and page.total == 12  # a page holding the whole list knows its count


def test_row_of_reads_the_full_list_only_when_asked(service) -> None:
    _people(service, 6)
    full = service.people.person_keys(PersonFilter(query="nguoi"))
    calls = []
    model = PeopleTableModel(service.people.person_rows)
    model.set_page(full[:2], 6, lambda: calls.append(1) or full)
    last = model.id_at(1)
    assert model.row_of(last, read_all=False) == 1 and not calls
    import uuid
    assert model.row_of(uuid.UUID(full[5]), read_all=False) == -1 and not calls
    assert model.row_of(uuid.UUID(full[5])) == 5 and calls == [1]
