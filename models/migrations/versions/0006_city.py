"""city database and row-level security

Revision ID: 0006
Revises: 0005

Intentionally empty: the city database's roles, grants, row-level security policies and the
hand-over function are made by ``city init`` (app/city/init.py), not by a migration, because
PostgreSQL roles belong to the whole server, a local SQLite database needs none of it, and the
administrator chooses when a database becomes the city's. The tables they read
(``city_unit_access``) came with 0005.
"""

from collections.abc import Sequence

import sqlalchemy as sa  # noqa: F401
from alembic import op  # noqa: F401

revision: str = '0006'
down_revision: str | None = '0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
