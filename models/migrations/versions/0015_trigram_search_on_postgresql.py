"""search on PostgreSQL through pg_trgm trigram indexes (issue 17)

PostgreSQL only: the ``pg_trgm`` extension (when missing and allowed) and GIN trigram indexes on
``persons.name_fold`` and ``persons.cccd`` (``app.search_pg``), which answer the search's
``LIKE '%word%'`` without reading every row. SQLite has its FTS5 index (0010); nothing changes there.

Revision ID: 0015
Revises: 0014
"""

from collections.abc import Sequence

from alembic import op

from app import search_pg

revision: str = '0015'
down_revision: str | None = '0014'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    search_pg.create_indexes(op.get_bind())


def downgrade() -> None:
    search_pg.drop_indexes(op.get_bind())
