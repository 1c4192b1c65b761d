"""City mode: the app opened on the city database (``python main.py --db postgresql+psycopg://…``).

There the Department searches, prints and counts across the whole city, but a unit's records are
the unit's: they arrive by sync or package, and the app keeps them read-only (app.services asks
:func:`is_city_database`). ``city init`` writes the setting this reads.
"""

from __future__ import annotations

from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from app.city.init import city_settings


def is_city_database(session: Session) -> bool:
    """True on a database prepared by ``city init`` (setting ``database_role`` = city)."""
    if session.get_bind().dialect.name != "postgresql":
        return False
    return city_settings(session) is not None


def unit_login_refusal(engine: Engine) -> str | None:
    """The Vietnamese refusal for a unit's sync login opening the city database in the app or on
    the command line (it holds no privilege on any table there: it may only call the sync's
    function API), or None when the connected role is not one."""
    from app.city.api_sql import SCHEMA

    try:
        with engine.connect() as conn:
            row = conn.execute(text(
                "SELECT session_user, to_regprocedure(:f) IS NOT NULL AND has_function_privilege(:f, 'EXECUTE') "
                "AND NOT has_table_privilege(to_regclass('alembic_version'), 'SELECT')"),
                {"f": f"{SCHEMA}.info()"}).first()
    except DBAPIError:
        return None
    if row is None or not row[1]:
        return None
    return (f"Tài khoản PostgreSQL '{row[0]}' là tài khoản đồng bộ của một đơn vị tại cơ sở dữ liệu thành phố: "
            "chỉ dùng để gửi hồ sơ lên (Công cụ → Đồng bộ lên cơ sở dữ liệu thành phố…, hoặc lệnh sync --to), "
            "không mở được cơ sở dữ liệu thành phố trong ứng dụng hay dòng lệnh. Hồ sơ của đơn vị nằm ở "
            "cơ sở dữ liệu của đơn vị; Sở Nội vụ xem hồ sơ toàn thành phố bằng tài khoản của Sở.")
