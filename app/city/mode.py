"""City mode: the app opened on the city database (``python main.py --db postgresql+psycopg://…``).

There the Department searches, prints and counts across the whole city, but a unit's records are
the unit's: they arrive by sync or package, and the app keeps them read-only (app.services asks
:func:`is_city_database`). ``city init`` writes the setting this reads.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.city.init import city_settings


def is_city_database(session: Session) -> bool:
    """True on a database prepared by ``city init`` (setting ``database_role`` = city)."""
    if session.get_bind().dialect.name != "postgresql":
        return False
    return city_settings(session) is not None
