"""city identity conflicts

The Department's list of identity conflicts at the city database (issue 12): a unit's record
refused because its CCCD, dossier id or a row id is held by a record the unit does not own, or a
hand-over it may not make. (The city's function API, roles and privileges are made by
``city init``, not by a migration.)

Revision ID: 0008
Revises: 0009
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0008'
down_revision: str | None = '0007'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('city_identity_conflicts',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('role_name', sa.String(length=63), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('person_id', sa.Uuid(), nullable=True),
    sa.Column('cccd', sa.String(length=12), nullable=True),
    sa.Column('unit_code', sa.String(length=40), nullable=True),
    sa.Column('holder_id', sa.Uuid(), nullable=True),
    sa.Column('detail', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_city_identity_conflicts'))
    )
    with op.batch_alter_table('city_identity_conflicts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_city_identity_conflicts_at'), ['at'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('city_identity_conflicts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_city_identity_conflicts_at'))
    op.drop_table('city_identity_conflicts')
