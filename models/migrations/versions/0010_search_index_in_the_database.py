"""search backed by the database's own full-text index (FTS5 trigram), kept in step by triggers

``persons_fts`` (SQLite only; see ``app.search_index``) is a contentless FTS5 trigram table kept in
step by triggers on ``persons``. ``ix_persons_name_fold`` answers an exact full name by an index lookup
(the CCCD has its unique index), and ``ix_persons_name_walk`` lets a query that finds many rows walk
them in Vietnamese name order and stop after the first page.

PostgreSQL (the city database) gets the two indexes and keeps its LIKE search.

Revision ID: 0010
Revises: 0009
"""

from collections.abc import Sequence

from alembic import op

from app import search_index

revision: str = '0010'
down_revision: str | None = '0008'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('persons', schema=None) as batch_op:
        batch_op.create_index('ix_persons_name_fold', ['name_fold'], unique=False)
        batch_op.create_index('ix_persons_name_walk', ['sort_key', 'birth_date', 'id', 'deleted_at', 'status',
                                                       'name_fold', 'cccd', 'unit_id'], unique=False)
    if op.get_bind().dialect.name == "sqlite":
        search_index.rebuild(op.get_bind())


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        search_index.drop(op.get_bind())
    with op.batch_alter_table('persons', schema=None) as batch_op:
        batch_op.drop_index('ix_persons_name_walk')
        batch_op.drop_index('ix_persons_name_fold')
