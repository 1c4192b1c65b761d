"""job positions, their holders and the rating scores (issue 15)

Positions per agency (NĐ 170/2025, NĐ 361/2025): code, name, group, matching ngạch, approved
number, the approving decision, documents; who holds which position from when; the monthly or
quarterly scores of the rating under NĐ 335/2025; a viên chức's petitions against a rating. New tables only: nothing existing changes.

Revision ID: 0012
Revises: 0010
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0012'
down_revision: str | None = '0010'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('job_positions',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('unit_id', sa.Uuid(), nullable=False),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('group_code', sa.String(length=30), nullable=False),
    sa.Column('grade_code', sa.String(length=20), nullable=True),
    sa.Column('approved', sa.Integer(), nullable=False),
    sa.Column('decision_number', sa.String(length=60), nullable=True),
    sa.Column('decision_date', sa.Date(), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('retired_on', sa.Date(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_job_positions_unit_id_units')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_job_positions')),
    sa.UniqueConstraint('unit_id', 'code', name='uq_job_positions_unit_code')
    )
    op.create_index(op.f('ix_job_positions_unit_id'), 'job_positions', ['unit_id'], unique=False)
    op.create_table('position_documents',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('position_id', sa.Uuid(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('filename', sa.String(length=200), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('content', sa.LargeBinary(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['position_id'], ['job_positions.id'], name=op.f('fk_position_documents_position_id_job_positions'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_position_documents'))
    )
    op.create_index(op.f('ix_position_documents_position_id'), 'position_documents', ['position_id'], unique=False)
    op.create_table('position_holdings',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('person_id', sa.Uuid(), nullable=False),
    sa.Column('position_id', sa.Uuid(), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('end_date', sa.Date(), nullable=True),
    sa.Column('decision', sa.String(length=120), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['person_id'], ['persons.id'], name=op.f('fk_position_holdings_person_id_persons'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['position_id'], ['job_positions.id'], name=op.f('fk_position_holdings_position_id_job_positions')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_position_holdings'))
    )
    op.create_index(op.f('ix_position_holdings_person_id'), 'position_holdings', ['person_id'], unique=False)
    op.create_index(op.f('ix_position_holdings_position_id'), 'position_holdings', ['position_id'], unique=False)
    op.create_table('rating_scores',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('person_id', sa.Uuid(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('period', sa.String(length=3), nullable=False),
    sa.Column('unit_id', sa.Uuid(), nullable=True),
    sa.Column('general_score', sa.Numeric(precision=5, scale=2), nullable=True),
    sa.Column('task_score', sa.Numeric(precision=5, scale=2), nullable=True),
    sa.Column('quantity_percent', sa.Numeric(precision=5, scale=2), nullable=True),
    sa.Column('quality_percent', sa.Numeric(precision=5, scale=2), nullable=True),
    sa.Column('progress_percent', sa.Numeric(precision=5, scale=2), nullable=True),
    sa.Column('major_errors', sa.Integer(), nullable=False),
    sa.Column('delays', sa.Integer(), nullable=False),
    sa.Column('leave', sa.String(length=20), nullable=True),
    sa.Column('note', sa.Text(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['person_id'], ['persons.id'], name=op.f('fk_rating_scores_person_id_persons'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['unit_id'], ['units.id'], name=op.f('fk_rating_scores_unit_id_units')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rating_scores')),
    sa.UniqueConstraint('person_id', 'year', 'period', name='uq_rating_scores_person_period')
    )
    op.create_index('ix_rating_scores_year', 'rating_scores', ['year', 'person_id'], unique=False)
    op.create_table('rating_petitions',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('person_id', sa.Uuid(), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('petition_date', sa.Date(), nullable=False),
    sa.Column('answered_on', sa.Date(), nullable=True),
    sa.Column('outcome', sa.Text(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['person_id'], ['persons.id'], name=op.f('fk_rating_petitions_person_id_persons'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rating_petitions'))
    )
    op.create_index(op.f('ix_rating_petitions_person_id'), 'rating_petitions', ['person_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_rating_petitions_person_id'), table_name='rating_petitions')
    op.drop_table('rating_petitions')
    op.drop_index('ix_rating_scores_year', table_name='rating_scores')
    op.drop_table('rating_scores')
    op.drop_index(op.f('ix_position_holdings_position_id'), table_name='position_holdings')
    op.drop_index(op.f('ix_position_holdings_person_id'), table_name='position_holdings')
    op.drop_table('position_holdings')
    op.drop_index(op.f('ix_position_documents_position_id'), table_name='position_documents')
    op.drop_table('position_documents')
    op.drop_index(op.f('ix_job_positions_unit_id'), table_name='job_positions')
    op.drop_table('job_positions')
