"""recompute the name sort keys

``app.text.name_sort_key`` used to join the family and middle names with ' ' and end them with '|';
' ' < '|' put a longer middle name before a shorter one ("Lê Thị Phương Anh" before "Lê Thị Anh").
The key's layout changed; every stored key (``persons.sort_key``, the only stored one; the
covering index ``ix_persons_listing`` and ``ix_persons_unit_sort`` follow the column) is recomputed
from the stored name. Only the key changes: no version, no change log, nothing to sync.

Revision ID: 0007
Revises: 0009
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = '0007'
down_revision: str | None = '0009'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_BATCH = 5000


def upgrade() -> None:
    from app.text import name_sort_key

    bind = op.get_bind()
    persons = sa.table('persons', sa.column('id'), sa.column('full_name'), sa.column('sort_key'))
    rows = bind.execute(sa.select(persons.c.id, persons.c.full_name, persons.c.sort_key)).all()
    changed = [{"key_id": pid, "key": key} for pid, name, old in rows if (key := name_sort_key(name)) != old]
    update = (sa.update(persons).where(persons.c.id == sa.bindparam("key_id"))
              .values(sort_key=sa.bindparam("key")))
    for start in range(0, len(changed), _BATCH):
        bind.execute(update, changed[start:start + _BATCH])


def downgrade() -> None:
    # The old keys were wrong; keeping the new ones is harmless for the older schema.
    pass
