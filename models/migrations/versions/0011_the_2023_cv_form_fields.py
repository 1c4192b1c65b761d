"""the 2023 CV form's fields (Thông tư 06/2023/TT-BNV)

Item 30.3 of the 2023 CV form prints the salary by job position with its own step, percentage and
beyond-scale seniority allowance: four person columns. Every other field of the form was already in
the dossier (HS02-VC/BNV additions, NĐ 27/2026 groups).

Existing data answers part of the form's six training tables (items 32.1–32.6): a training row
recorded as "other" before the six kinds were offered is moved to the kind its own words name
(a language or a language score → 32.6 ngoại ngữ; "tin học" → 32.5; "lý luận chính trị" → 32.2;
"quốc phòng", "an ninh" → 32.4; "quản lý nhà nước", "bồi dưỡng", "nghiệp vụ", "chức danh nghề
nghiệp" → 32.3). A row whose words name none stays "other" (printed under 32.3, as before), so no
row is lost or hidden. The downgrade drops the four columns and leaves the kinds (both are valid).

Revision ID: 0011
Revises: 0006
"""

import unicodedata
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0011'
down_revision: str | None = '0006'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# (kind, words in folded form) — the first match wins; language before IT ("tiếng Anh tin học"…).
RULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("language", ("ngoai ngu", "tieng anh", "tieng phap", "tieng trung", "tieng nga", "tieng nhat", "tieng han",
                  "tieng duc", "tieng dan toc", "ielts", "toeic", "toefl", "vstep")),
    ("it", ("tin hoc", "cong nghe thong tin", "cntt")),
    ("political_theory", ("ly luan chinh tri", "llct", "chinh tri")),
    ("defence_security", ("quoc phong", "an ninh")),
    ("state_management", ("quan ly nha nuoc", "qlnn", "boi duong", "nghiep vu", "chuc danh nghe nghiep",
                          "chuyen vien chinh", "chuyen vien cao cap")),
)


def fold(text: str | None) -> str:
    text = unicodedata.normalize("NFD", text or "").replace("đ", "d").replace("Đ", "D")
    return " ".join("".join(c for c in text if unicodedata.category(c) != "Mn").lower().split())


def kind_of(language: str | None, score: str | None, *words: str | None) -> str | None:
    """The training kind a row of kind "other" really is, or None when its words do not say."""
    if (language or "").strip() or (score or "").strip():
        return "language"
    text = " ".join(fold(w) for w in words if w)
    for kind, needles in RULES:
        if any(n in text for n in needles):
            return kind
    return None


def upgrade() -> None:
    # Plain ALTER TABLE, never a batch copy of "persons": on SQLite a batch drops and re-creates the
    # table, and with foreign keys on, dropping it deletes every section row (ON DELETE CASCADE).
    op.add_column('persons', sa.Column('job_position_step', sa.Integer(), nullable=True))
    op.add_column('persons', sa.Column('job_position_percent', sa.Integer(), nullable=True))
    op.add_column('persons', sa.Column('job_position_seniority_percent', sa.Integer(), nullable=True))
    op.add_column('persons', sa.Column('job_position_seniority_since', sa.Date(), nullable=True))
    bind = op.get_bind()
    training = sa.table('training', sa.column('id'), sa.column('kind'), sa.column('institution'), sa.column('major'),
                        sa.column('qualification'), sa.column('level_code'), sa.column('language'),
                        sa.column('score'))
    rows = bind.execute(sa.select(training.c.id, training.c.language, training.c.score, training.c.qualification,
                                  training.c.major, training.c.institution, training.c.level_code)
                        .where(training.c.kind == 'other')).all()
    for row in rows:
        kind = kind_of(row.language, row.score, row.qualification, row.major, row.institution, row.level_code)
        if kind is not None:
            bind.execute(sa.update(training).where(training.c.id == row.id).values(kind=kind))


def downgrade() -> None:
    # ALTER TABLE … DROP COLUMN (SQLite 3.35+, PostgreSQL): no batch copy, see upgrade()
    for column in ('job_position_seniority_since', 'job_position_seniority_percent', 'job_position_percent',
                   'job_position_step'):
        op.drop_column('persons', column)
