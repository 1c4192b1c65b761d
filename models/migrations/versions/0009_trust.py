"""users and approval

Revision ID: 0009
Revises: 0008

No schema change: 0005 created the accounts, access log, review events and approved snapshots
(with the append-only triggers) and ``persons.review_state``; app/security uses them as they are.
The revision is kept so that the chain stays stable.
"""

from collections.abc import Sequence

import sqlalchemy as sa  # noqa: F401
from alembic import op  # noqa: F401

revision: str = '0009'
down_revision: str | None = '0008'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
