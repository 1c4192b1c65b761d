"""tamper-evident logs: a hash chain over the change log and the access log

Each ``change_log`` and ``access_log`` entry gets ``hash`` = sha256(previous entry's hash ‖ its own
fields), computed here for the existing entries in id order (``app.security.chain``); ``log_heads``
remembers each log's newest entry, its number of entries and the point verified at start.

Revision ID: 0009
Revises: 0011
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0009'
down_revision: str | None = '0011'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BATCH = 5000


def _table(name: str) -> sa.Table:
    """The log as this revision knows it (typed, so times and ids read back as the app hashes them)."""
    common = [sa.Column('id', sa.Integer, primary_key=True), sa.Column('at', sa.DateTime(timezone=True)),
              sa.Column('by', sa.String), sa.Column('action', sa.String), sa.Column('person_id', sa.Uuid())]
    if name == 'change_log':
        extra = [sa.Column('entity', sa.String), sa.Column('record_id', sa.Uuid()), sa.Column('field', sa.String),
                 sa.Column('old', sa.Text), sa.Column('new', sa.Text)]
    else:
        extra = [sa.Column('detail', sa.Text)]
    return sa.Table(name, sa.MetaData(), *common, *extra, sa.Column('hash', sa.String(64)))


def upgrade() -> None:
    from app.security.chain import GENESIS, entry_hash, trigger_sql

    heads = op.create_table('log_heads',
                            sa.Column('name', sa.String(length=40), nullable=False),
                            sa.Column('last_id', sa.Integer(), nullable=False),
                            sa.Column('hash', sa.String(length=64), nullable=False),
                            sa.Column('count', sa.Integer(), nullable=False),
                            sa.Column('verified_id', sa.Integer(), nullable=False),
                            sa.Column('verified_hash', sa.String(length=64), nullable=False),
                            sa.PrimaryKeyConstraint('name', name=op.f('pk_log_heads')))
    bind = op.get_bind()
    for name in ('change_log', 'access_log'):
        op.add_column(name, sa.Column('hash', sa.String(length=64), nullable=True))  # ALTER TABLE: triggers stay
        if bind.dialect.name == 'sqlite':
            op.execute(f'DROP TRIGGER IF EXISTS {name}_no_update')
        elif bind.dialect.name == 'postgresql':
            op.execute(f'ALTER TABLE {name} DISABLE TRIGGER USER')
        table = _table(name)
        prev, last_id, count = GENESIS, 0, 0
        while True:
            rows = bind.execute(sa.select(table).where(table.c.id > last_id).order_by(table.c.id).limit(BATCH)).all()
            if not rows:
                break
            params = []
            for row in rows:
                prev = entry_hash(name, prev, row._mapping)
                params.append({'b_id': row.id, 'b_hash': prev})
            bind.execute(table.update().where(table.c.id == sa.bindparam('b_id')).values(hash=sa.bindparam('b_hash')),
                         params)
            last_id, count = rows[-1].id, count + len(rows)
        if bind.dialect.name == 'sqlite':
            op.execute(trigger_sql(name, 'UPDATE'))
        elif bind.dialect.name == 'postgresql':
            op.execute(f'ALTER TABLE {name} ENABLE TRIGGER USER')
        op.bulk_insert(heads, [{'name': name, 'last_id': last_id, 'hash': prev, 'count': count,
                                'verified_id': last_id, 'verified_hash': prev}])


def downgrade() -> None:
    op.drop_table('log_heads')
    for name in ('change_log', 'access_log'):
        op.drop_column(name, 'hash')
