"""The services every interface acts through: ``HoSo(db, principal)`` hands out one object per area.

Like Anki's ``Collection`` the facade is small: it owns the database and the signed-in principal
and hands out ``hoso.people``, ``hoso.units``, ``hoso.reports``, ``hoso.exchange``,
``hoso.alerts``, ``hoso.accounts``, ``hoso.audit``, ``hoso.delivery``, ``hoso.backup``, ``hoso.positions`` and
``hoso.declarations``. Every
public method of an area declares its action with ``@policy`` (app/services/policy.py): one
mechanism applies the permission, the principal's units, masking and the access log.

Without a ``principal`` the services act as the LOCAL ADMINISTRATOR of the file (the command
line's rule on a SQLite file, ``app.security.principal.local_admin``); the desktop app signs in
first (``accounts.sign_in``/``create_first_admin``), which replaces the principal for every area.
The windows and the command line never open a session or import the database layer themselves.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from app.db import Database, open_database
from app.security.principal import Principal, for_cli, local_admin
from app.services.base import Context
from app.services.people import Overview, People
from app.services.units import Units

if TYPE_CHECKING:
    from app.services.accounts import Accounts
    from app.services.alerts import Alerts
    from app.services.audit import Audit
    from app.services.backup import Backup
    from app.services.declarations import Declarations
    from app.services.delivery import Delivery
    from app.services.exchange import Exchange
    from app.services.positions import Positions
    from app.services.reports import Reports

AREAS = ("people", "units", "reports", "exchange", "alerts", "accounts", "audit", "delivery", "backup",
         "positions", "declarations")


class HoSo:
    """The facade (see the module doc). ``user`` names the writer in the change log when no
    principal is given (the local administrator)."""

    def __init__(self, db: Database, user: str | None = None, principal: Principal | None = None, *,
                 cli: bool = False):
        self._ctx = Context(db, principal or local_admin(user), principal.username if principal else user, cli=cli)
        self.people = People(self._ctx)
        self.units = Units(self._ctx)

    # The other areas are made on first use, their modules imported then: the first window needs only
    # the people and the units, and the rest (spreadsheets, PDFs, packages, the city…) would double
    # the start-up (issue 17). Each is one object per facade, like the two above.
    @cached_property
    def reports(self) -> Reports:
        from app.services.reports import Reports
        return Reports(self._ctx)

    @cached_property
    def exchange(self) -> Exchange:
        from app.services.exchange import Exchange
        return Exchange(self._ctx)

    @cached_property
    def alerts(self) -> Alerts:
        from app.services.alerts import Alerts
        return Alerts(self._ctx)

    @cached_property
    def accounts(self) -> Accounts:
        from app.services.accounts import Accounts
        return Accounts(self._ctx)

    @cached_property
    def audit(self) -> Audit:
        from app.services.audit import Audit
        return Audit(self._ctx)

    @cached_property
    def delivery(self) -> Delivery:
        from app.services.delivery import Delivery
        return Delivery(self._ctx)

    @cached_property
    def backup(self) -> Backup:
        from app.services.backup import Backup
        return Backup(self._ctx)

    @cached_property
    def positions(self) -> Positions:
        from app.services.positions import Positions
        return Positions(self._ctx)

    @cached_property
    def declarations(self) -> Declarations:
        from app.services.declarations import Declarations
        return Declarations(self._ctx)

    @classmethod
    def open(cls, target: str) -> HoSo:
        """The desktop's services on ``target`` (a file or a database address; opened and migrated
        by app.db): the local administrator until the user signs in (``accounts.sign_in``), or on
        PostgreSQL the login's account (``accounts.desktop_principal``)."""
        return cls(open_database(target))

    def close(self) -> None:
        """Close the database's connections (the window is gone)."""
        self._ctx.db.dispose()

    @property
    def database(self) -> Database:
        """The database (the composition root and tests; the windows and commands never use it)."""
        return self._ctx.db

    @classmethod
    def for_cli(cls, db: Database) -> HoSo:
        """The command line's services: on a SQLite file its administrator; on PostgreSQL the HoSo
        account bound to the login (or the Department), else refused (``principal.for_cli``)."""
        return cls(db, principal=for_cli(db), cli=True)

    @property
    def principal(self) -> Principal:
        return self._ctx.principal

    @principal.setter
    def principal(self, principal: Principal) -> None:
        """Act as another principal from now on (every area)."""
        self._ctx.principal, self._ctx.tree_stamp = principal, None

    @property
    def user(self) -> str | None:
        return self._ctx.user

    @property
    def database_url(self) -> str:
        """The database's address (the About box)."""
        return self._ctx.db.url


def prepare_models() -> None:
    """Configure SQLAlchemy's mappers now, what the first query of the main window would otherwise
    do (SQLAlchemy's own lock makes it safe on any thread): the desktop calls it on a thread while
    the sign-in dialog waits for the user (ui/application.py, start-up, issue 17)."""
    from sqlalchemy.orm import configure_mappers

    configure_mappers()


#: the name the desktop app and older tests know; the same class (no methods of its own)
HoSoService = HoSo

__all__ = ["AREAS", "HoSo", "HoSoService", "Overview", "prepare_models"]
