"""signed packages: attachment contents found by hash

trusted_keys and package_receipts came with 0005; the unit's own unit is the settings row
``own_unit``; signing keys live in files, never in the database. The export, the package applier
and the sync look attachment contents up by SHA-256: an index on it.

Revision ID: 0008
Revises: 0007
"""

from collections.abc import Sequence

from alembic import op

revision: str = '0008'
down_revision: str | None = '0007'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('attachments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_attachments_sha256'), ['sha256'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('attachments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_attachments_sha256'))
