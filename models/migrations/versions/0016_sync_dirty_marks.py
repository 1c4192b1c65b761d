"""pending dossiers found from marks, not by reading every person (issue 12)

The ``sync_dirty`` table (a person id per row) and the triggers that mark a person whenever an input
of "pending at a target" may have moved (``app.city.dirty``), on SQLite and PostgreSQL. Every
person is marked, then the marks of persons pending at no target are removed: the first detection
after the upgrade already reads only the pending ones.

Revision ID: 0016
Revises: 0015
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.orm import Session

from app.city import dirty
from app.city.sync import settle

revision: str = '0016'
down_revision: str | None = '0015'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table("sync_dirty", sa.Column("person_id", sa.Uuid(), nullable=False),
                    sa.PrimaryKeyConstraint("person_id", name=op.f("pk_sync_dirty")))
    bind = op.get_bind()
    dirty.create_triggers(bind)
    dirty.mark_all(bind)
    with Session(bind=bind) as session:
        settle(session)
        session.flush()


def downgrade() -> None:
    dirty.drop_triggers(op.get_bind())
    op.drop_table("sync_dirty")
