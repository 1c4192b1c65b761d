"""attachment contents found by hash

The export package, the package applier and the sync look attachment contents up by SHA-256.
(The city database's roles, grants, row-level security and hand-over function are made by
``city init``, not by a migration: PostgreSQL roles belong to the whole server and a local SQLite
database needs none of it. Signing keys live in files, never in the database.)

Revision ID: 0006
Revises: 0005
"""

from collections.abc import Sequence

from alembic import op

revision: str = '0006'
down_revision: str | None = '0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('attachments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_attachments_sha256'), ['sha256'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('attachments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_attachments_sha256'))
