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

from app.db import Database, open_database
from app.security.principal import Principal, for_cli, local_admin
from app.services.accounts import Accounts
from app.services.alerts import Alerts
from app.services.audit import Audit
from app.services.backup import Backup
from app.services.base import Context
from app.services.declarations import Declarations
from app.services.delivery import Delivery
from app.services.exchange import Exchange
from app.services.people import Overview, People
from app.services.positions import Positions
from app.services.reports import Reports
from app.services.units import Units

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
        self.reports = Reports(self._ctx)
        self.exchange = Exchange(self._ctx)
        self.alerts = Alerts(self._ctx)
        self.accounts = Accounts(self._ctx)
        self.audit = Audit(self._ctx)
        self.delivery = Delivery(self._ctx)
        self.backup = Backup(self._ctx)
        self.positions = Positions(self._ctx)
        self.declarations = Declarations(self._ctx)

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


#: the name the desktop app and older tests know; the same class (no methods of its own)
HoSoService = HoSo

__all__ = ["AREAS", "HoSo", "HoSoService", "Overview"]
