"""A unit's sync login at the city database: refused by the app and the command line.

A leaf module (sqlalchemy and the API's schema name only) so that ``app.db`` can ask it while
opening a database without an import cycle through the city package."""

from __future__ import annotations

from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

from app.city.api_sql import SCHEMA


def unit_login_refusal(engine: Engine) -> str | None:
    """The Vietnamese refusal for a unit's sync login opening the city database in the app or on
    the command line (it holds no privilege on any table there: it may only call the sync's
    function API), or None when the connected role is not one."""
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

