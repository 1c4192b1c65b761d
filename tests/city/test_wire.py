"""The sync's wire form (app.city.documents.wire_documents, read straight from SQLite) carries,
for every column the city stores, exactly what the Person JSON path (app.publish + app.city.api.prepare)
carries: the city cannot tell which path a dossier took."""

from __future__ import annotations

import json
from decimal import Decimal

from sqlalchemy import select

from app import attachments, demo, people
from app.city.api import ROW_KEYS, _split, prepare
from app.city.api_sql import ROW_COLUMNS
from app.city.apply import token
from app.city.documents import wire_documents, wire_rows
from app.publish import outgoing_documents
from models import Person
from models.base import Base

PERSON_COLUMNS = {c.name for c in Base.metadata.tables["persons"].columns}


def _same(value: object) -> object:
    if isinstance(value, float | Decimal) and float(value).is_integer():
        return int(value)
    return float(value) if isinstance(value, Decimal) else value


def test_the_wire_form_carries_what_the_person_json_carries(tmp_path) -> None:
    from app.db import open_database

    db = open_database(tmp_path / "wire.sqlite")
    try:
        demo.generate(db, 40, seed=3)
        with db.session("clerk") as s:
            ids = list(s.scalars(select(Person.id).order_by(Person.id)))
            attachments.add_attachment(s, ids[0], "anh.png", b"\x89PNG\r\n\x1a\n" + b"x" * 50, kind="photo")
            people.delete_person(s, ids[1])
        with db.session() as s:
            slow = [prepare(d) for d in outgoing_documents(s, ids)]
            fast = wire_documents(s, ids)
            encoded = wire_rows(s, ids)
            bare = wire_documents(s, ids, sections=("placements", "attachments"))
    finally:
        db.dispose()
    assert [d["id"] for d in fast] == [d["id"] for d in slow] and len(fast) == 40
    assert "full_name" not in fast[1] and fast[1]["deleted_at"] and "full_name" not in slow[1]
    assert len(fast[0]["attachments"]) == 1
    rows = 0
    for a, b in zip(slow, fast, strict=True):
        assert token(a["version"], a["updated_at"]) == token(b["version"], b["updated_at"])
        stored = {k for k in a if k in PERSON_COLUMNS or k == "unit_code"} - {"updated_at", "deleted_at"}
        assert {k: _same(a[k]) for k in stored} == {k: _same(b.get(k)) for k in stored}, a["id"]
        for key in ROW_KEYS:
            if "full_name" not in a:
                continue
            assert [{k: _same(v) for k, v in r.items()} for r in a[key]] == \
                [{k: _same(r.get(k)) for k in ra} for r, ra in zip(b[key], a[key], strict=True)], (a["id"], key)
            rows += len(a[key])
    assert rows > 200  # the demo's dossiers have sections

    # the sections' rows as SQLite encodes them (the sync's path) are the rows of the Person JSON
    # path, row for row and value for value (the deleted person's rows never leave)
    slow_rows = _split(slow)[1]
    assert set(encoded) == set(ROW_COLUMNS) & set(slow_rows)
    assert {k for d in bare for k in d if k in ROW_KEYS} == {"placements", "attachments"}
    deceased = 0
    for key in ROW_COLUMNS:
        ours = sorted(([_same(v) for v in r] for r in json.loads(encoded.get(key, "[]"))), key=lambda r: (r[1], r[2]))
        theirs = sorted(([_same(v) for v in r] for r in slow_rows.get(key, [])), key=lambda r: (r[1], r[2]))
        assert ours == theirs, key
        if key == "family":
            deceased = sum(r[ROW_COLUMNS[key].index("deceased")] is True for r in ours)
    assert deceased and all(str(ids[1]) not in (r[1] for r in json.loads(v)) for v in encoded.values())
    # the rows' ids, as SQLite gives them with the rows, are those the batch's declaration must name
    in_arrays = [r[0] for v in encoded.values() for r in json.loads(v)]
    assert sorted(encoded.row_ids) == sorted(in_arrays) and len(set(in_arrays)) == len(in_arrays) > 200
