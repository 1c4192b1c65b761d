"""quy hoạch per title: the ``plannings`` section, mapped from the text field

A person may be in the planning (quy hoạch) for several leadership titles, each for a period
(giai đoạn 2026–2031) by a decision, and be taken out of it on a date. Until now HS02 item 24 was
one text field (``persons.planned_titles``); this revision adds the section table and maps each
non-empty text into rows: split at ';' or line breaks, each part read as "<title> [giai đoạn|nhiệm
kỳ] YYYY - YYYY" (the period when it is there, else the whole part as the title). The text field
stays (the form item) and is rewritten in the rows' form ("<title> (giai đoạn YYYY–YYYY)", parts
joined by "; "; the same titles and periods), so that ``app.planning`` keeps it following the rows.
Rows and texts are written without bumping the person's version.

Revision ID: 0014
Revises: 0013
"""

import datetime as dt
import re
import uuid
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0014'
down_revision: str | None = '0013'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_PERIOD = re.compile(r"^(?P<title>.*?)[\s,;:(–-]*(?:(?:giai\s+đoạn|nhiệm\s+kỳ|gđ)\s*)?(?P<a>(?:19|20)\d\d)\s*[-–—/]\s*"
                     r"(?P<b>(?:19|20)\d\d)\s*\)?\s*\.?$", re.IGNORECASE)


def parse_planned_titles(text: str | None) -> list[dict[str, object]]:
    """The rows a planned-titles text stands for (frozen here: the migration must not change)."""
    rows: list[dict[str, object]] = []
    for part in re.split(r"[;\n]+", text or ""):
        part = " ".join(part.split()).strip(" .,-–")
        if not part:
            continue
        m = _PERIOD.match(part)
        if m and m.group("title").strip(" ,-–("):
            rows.append({"title": m.group("title").strip(" ,-–(")[:200], "period_from": int(m.group("a")),
                         "period_to": int(m.group("b"))})
        else:
            rows.append({"title": part[:200], "period_from": None, "period_to": None})
    return rows


def rows_text(rows: list[dict[str, object]]) -> str:
    """The text ``app.planning.titles_text`` gives these rows (frozen here)."""
    parts = []
    for r in rows:
        period = f"{r['period_from']}–{r['period_to']}" if r["period_from"] and r["period_to"] else ""
        parts.append(f"{r['title']} (giai đoạn {period})" if period else str(r["title"]))
    return "; ".join(parts)


def upgrade() -> None:
    op.create_table(
        'plannings',
        sa.Column('title', sa.String(length=200), nullable=False),
        sa.Column('period_from', sa.Integer(), nullable=True),
        sa.Column('period_to', sa.Integer(), nullable=True),
        sa.Column('decision_number', sa.String(length=40), nullable=True),
        sa.Column('decision_date', sa.Date(), nullable=True),
        sa.Column('removed_on', sa.Date(), nullable=True),
        sa.Column('note', sa.Text(), nullable=True),
        sa.Column('id', sa.Uuid(), nullable=False),
        sa.Column('seq', sa.Integer(), nullable=False),
        sa.Column('person_id', sa.Uuid(), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(['person_id'], ['persons.id'], name=op.f('fk_plannings_person_id_persons'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_plannings')),
    )
    with op.batch_alter_table('plannings', schema=None) as batch_op:
        batch_op.create_index('ix_plannings_person_live', ['person_id', 'deleted_at'], unique=False)

    persons = sa.table('persons', sa.column('id', sa.Uuid()), sa.column('planned_titles', sa.Text()),
                       sa.column('deleted_at', sa.DateTime(timezone=True)))
    plannings = sa.table('plannings', *(sa.column(n, t) for n, t in (
        ('id', sa.Uuid()), ('seq', sa.Integer()), ('person_id', sa.Uuid()), ('version', sa.Integer()),
        ('updated_at', sa.DateTime(timezone=True)), ('title', sa.String()), ('period_from', sa.Integer()),
        ('period_to', sa.Integer()))))
    bind = op.get_bind()
    now = dt.datetime.now(dt.UTC)
    batch: list[dict[str, object]] = []
    texts: list[dict[str, object]] = []
    for pid, text in bind.execute(sa.select(persons.c.id, persons.c.planned_titles).where(
            persons.c.planned_titles.is_not(None), persons.c.planned_titles != '')).all():
        rows = parse_planned_titles(text)
        for seq, row in enumerate(rows, start=1):
            batch.append({"id": uuid.uuid4(), "seq": seq, "person_id": pid, "version": 1, "updated_at": now, **row})
        written = rows_text(rows)
        if written != text:
            texts.append({"pid": pid, "text": written or None})
        if len(batch) >= 5000:
            bind.execute(plannings.insert(), batch)
            batch = []
    if batch:
        bind.execute(plannings.insert(), batch)
    if texts:  # the text in the rows' form, so that it follows them from now on (same titles and periods)
        bind.execute(persons.update().where(persons.c.id == sa.bindparam("pid"))
                     .values(planned_titles=sa.bindparam("text")), texts)


def downgrade() -> None:
    with op.batch_alter_table('plannings', schema=None) as batch_op:
        batch_op.drop_index('ix_plannings_person_live')
    op.drop_table('plannings')
