"""personal declarations (NĐ 27/2026 Art. 19) and data-subject requests

Two new tables, nothing else changes: ``declarations`` (what was issued to a person: the values
written into the file, their hash, the version, and what was accepted from the returned file) and
``data_requests`` (a person's request for their own data, its deadline and answer).

Revision ID: 0013
Revises: 0012
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0013'
down_revision: str | None = '0012'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        'declarations',
        sa.Column('id', sa.Uuid(), nullable=False),
        sa.Column('person_id', sa.Uuid(), nullable=False),
        sa.Column('issued_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('issued_by', sa.String(length=80), nullable=False),
        sa.Column('issued_version', sa.Integer(), nullable=False),
        sa.Column('issued', sa.JSON(), nullable=False),
        sa.Column('content_hash', sa.String(length=64), nullable=False),
        sa.Column('status', sa.String(length=20), nullable=False),
        sa.Column('returned_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('accepted_by', sa.String(length=80), nullable=True),
        sa.Column('note', sa.Text(), nullable=True),
        sa.Column('accepted', sa.JSON(), nullable=True),
        sa.ForeignKeyConstraint(['person_id'], ['persons.id'], name=op.f('fk_declarations_person_id_persons'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_declarations')),
    )
    with op.batch_alter_table('declarations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_declarations_person_id'), ['person_id'], unique=False)
    op.create_table(
        'data_requests',
        sa.Column('id', sa.Uuid(), nullable=False),
        sa.Column('person_id', sa.Uuid(), nullable=False),
        sa.Column('kind', sa.String(length=20), nullable=False),
        sa.Column('received_on', sa.Date(), nullable=False),
        sa.Column('due_on', sa.Date(), nullable=False),
        sa.Column('answered_on', sa.Date(), nullable=True),
        sa.Column('recorded_by', sa.String(length=80), nullable=False),
        sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('answered_by', sa.String(length=80), nullable=True),
        sa.Column('note', sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(['person_id'], ['persons.id'], name=op.f('fk_data_requests_person_id_persons'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_data_requests')),
    )
    with op.batch_alter_table('data_requests', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_data_requests_person_id'), ['person_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('data_requests', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_data_requests_person_id'))
    op.drop_table('data_requests')
    with op.batch_alter_table('declarations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_declarations_person_id'))
    op.drop_table('declarations')
