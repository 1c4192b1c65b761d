"""The field declarations of ``app.fields`` are the one description of the dossier: every model
column has one and every declaration a column; what is derived from them (editor groups, import
vocabulary, Person JSON keys, docs, sensitive groups, translations) agrees with them."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from app import people
from app.db import alembic_config
from app.exchange.vocabulary import person_vocabulary, section_vocabulary
from app.fields import (
    PERSON_FIELDS,
    SECTION_FIELDS,
    cv_items,
    json_keys,
    person_json_doc,
    render_person_json_doc,
)
from app.person_json import person_json
from app.rules import appointment
from models import SECTION_CLASSES, Person
from tests.core.conftest import make_database, person_data

ROOT = Path(__file__).resolve().parents[2]
# columns that are bookkeeping, not fields of the form
PERSON_INTERNAL = {"id", "name_fold", "sort_key", "review_state", "unit_id", "created_at", "version", "updated_at",
                   "deleted_at"}
SECTION_INTERNAL = {"id", "seq", "person_id", "version", "updated_at", "deleted_at"}


def _columns(cls) -> set[str]:
    return {c.key for c in inspect(cls).column_attrs}


def test_every_person_column_has_a_declaration_and_every_declaration_a_column() -> None:
    declared = [f.name for f in PERSON_FIELDS]
    assert len(declared) == len(set(declared))
    assert set(declared) == _columns(Person) - PERSON_INTERNAL


def test_every_section_column_has_a_declaration_and_every_declaration_a_column() -> None:
    for name, specs in SECTION_FIELDS.items():
        assert {s.name for s in specs} == _columns(SECTION_CLASSES[name]) - SECTION_INTERNAL, name


def test_every_declared_sensitive_group_is_the_one_that_masks_the_field() -> None:
    data = json.loads((ROOT / "resources" / "rules" / "sensitive_fields.json").read_text(encoding="utf-8"))
    masked = {f: name for name, g in data["groups"].items() for f in g.get("fields", ())}
    declared = {f.name: f.sensitive for f in PERSON_FIELDS if f.sensitive}
    assert declared == masked


def test_every_field_is_importable_by_its_label_name_and_declared_headers() -> None:
    vocab = person_vocabulary()
    for spec in PERSON_FIELDS:
        if spec.name == "grade_list_version":  # derived by the service, never imported
            continue
        for word in (spec.label, spec.name, *spec.headers):
            assert vocab.lookup(word) == spec.name, (spec.name, word)
    for section, specs in SECTION_FIELDS.items():
        for spec in specs:
            assert section_vocabulary(section).lookup(spec.label) == spec.name, (section, spec.name)


def test_the_person_json_doc_is_generated_from_the_declarations() -> None:
    doc = (ROOT / "docs" / "person-json.md").read_text(encoding="utf-8")
    assert doc == render_person_json_doc(doc), "run: python -m app.fields"
    for spec in PERSON_FIELDS:
        assert f"`{spec.name}`" in person_json_doc()


def test_the_2023_cv_items_1_to_31_are_all_declared() -> None:
    items = cv_items()
    numbers = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16", "17", "18", "19",
               "20", "21", "22", "23", "24", "25", "26", "27", "28", "29", "30.1", "30.2", "30.3", "31"}
    assert numbers <= set(items)
    assert [s.name for s in items["30.3"]][:3] == ["job_position", "job_position_code", "job_position_step"]


def test_person_json_carries_every_declared_key_and_the_contract_alias(db) -> None:
    with db.session("tester") as s:
        result = people.create_person(s, person_data(unit_code="DN.SNV.CCVC", job_position="Chuyên viên về tổ chức",
                                                     job_position_code="VTVL.123", job_position_step=2,
                                                     position_date="01/01/2016", position_reappointed_date="01/01/2021"))
    with db.session() as s:
        doc = person_json(s, result.id)
    for spec in PERSON_FIELDS:
        for key in json_keys(spec):
            assert key in doc, key
    assert doc["position_code"] == doc["job_position_code"] == "VTVL.123"
    assert doc["job_position_step"] == 2
    assert doc["position_term_end"] == "2025-12-31"


def test_position_code_is_null_without_a_job_position(db) -> None:
    with db.session("tester") as s:
        result = people.create_person(s, person_data(unit_code="DN.SNV.CCVC"))
    with db.session() as s:
        doc = person_json(s, result.id)
    assert "position_code" in doc and doc["position_code"] is None


def test_appointment_term_end() -> None:
    assert appointment.term_end(None, None) is None
    assert appointment.term_end(dt.date(2016, 1, 1), None, 5) == dt.date(2020, 12, 31)
    assert appointment.term_end(dt.date(2016, 1, 1), dt.date(2021, 3, 15), 5) == dt.date(2026, 3, 14)
    assert appointment.term_end(dt.date(2020, 2, 29), None, 5) == dt.date(2025, 2, 28)


def test_migration_0011_sorts_old_training_rows_into_the_six_kinds(tmp_path) -> None:
    db = make_database(tmp_path)
    rows = [
        {"kind": "other", "institution": "Trung tâm Ngoại ngữ", "language": "Tiếng Anh", "qualification": "B1",
         "score": "6,5"},
        {"kind": "other", "institution": "Trường Chính trị", "qualification": "Trung cấp lý luận chính trị"},
        {"kind": "other", "institution": "Học viện Hành chính", "qualification": "Bồi dưỡng ngạch chuyên viên chính"},
        {"kind": "other", "qualification": "Chứng chỉ ứng dụng công nghệ thông tin cơ bản"},
        {"kind": "other", "qualification": "Bồi dưỡng kiến thức quốc phòng và an ninh đối tượng 3"},
        {"kind": "other", "qualification": "Lớp kỹ năng mềm"},
        {"kind": "professional", "qualification": "Cử nhân Luật"},
    ]
    with db.session("tester") as s:
        people.create_person(s, person_data(unit_code=None, training=rows))
    script = ScriptDirectory.from_config(alembic_config(None))
    before = script.get_revision("0011").down_revision
    with db.engine.begin() as conn:
        cfg = alembic_config(db.engine)
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, before)
        assert "job_position_step" not in {c["name"] for c in inspect(conn).get_columns("persons")}
        command.upgrade(cfg, "head")
    with db.engine.connect() as conn:
        kinds = [k for (k,) in conn.execute(text("SELECT kind FROM training ORDER BY seq"))]
    assert kinds == ["language", "political_theory", "state_management", "it", "defence_security", "other",
                     "professional"]
    db.dispose()
