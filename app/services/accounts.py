"""Accounts (app.security.users), signing in, and approval (app.security.review)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from collections.abc import Callable, Sequence

from sqlalchemy import select

from app.errors import UserError
from app.security import access, review
from app.security import users as accounts
from app.security.permissions import allowed
from app.security.principal import Principal
from app.security.ui_support import approved_at, desktop_principal
from app.services.base import Area
from app.services.policy import PUBLIC, policy
from models import Unit


class Accounts(Area):
    # --- signing in ---------------------------------------------------------------------------
    @policy(PUBLIC)
    def needs_first_admin(self) -> bool:
        """The first run: no administrator account yet (the desktop asks to create one)."""
        with self._read() as s:
            return accounts.needs_first_admin(s)

    @policy(PUBLIC, write=True)
    def create_first_admin(self, username: str, full_name: str, password: str) -> Principal:
        """Create the first administrator and sign in as them (refused once there is one)."""
        with self._db.session(username) as s:
            accounts.create_first_admin(s, username, full_name, password)
        return self.sign_in(username, password)

    @policy(PUBLIC, write=True)
    def sign_in(self, username: str, password: str, *, clock: Callable[[], dt.datetime] | None = None) -> Principal:
        """Check the password (lock-out after 5 failures); on success every area acts as this user."""
        principal = accounts.sign_in(self._db, username, password, **({"clock": clock} if clock else {}))
        self._ctx.principal, self._ctx.user, self._ctx.tree_stamp = principal, principal.username, None
        return principal

    @policy(PUBLIC, write=True)
    def change_password(self, old_password: str, new_password: str) -> None:
        """The signed-in user's own password (the old one is checked)."""
        with self._session() as s:
            accounts.change_password(s, self.principal.username, old_password, new_password)
        if self.principal.must_change_password:
            self._ctx.principal = dataclasses.replace(self.principal, must_change_password=False)

    @policy(PUBLIC)
    def desktop_principal(self) -> Principal | None:
        """Who the desktop app runs as without a sign-in dialog: on PostgreSQL the login's HoSo
        account or the Department (``principal.for_cli``, refused for any other login); None on a
        local file, where the user signs in."""
        return desktop_principal(self._db)

    @policy(PUBLIC, write=True)
    def use(self, principal: Principal) -> Principal:
        """Act as ``principal`` from now on — only one this database gave (``desktop_principal``)."""
        if principal != desktop_principal(self._db):
            raise UserError("Không dùng được tài khoản này trên cơ sở dữ liệu này.")
        self._ctx.principal, self._ctx.user, self._ctx.tree_stamp = principal, principal.username, None
        return principal

    @policy(PUBLIC)
    def can(self, action: str, unit_code: str | None = None) -> bool:
        """For enabling menus and buttons (the methods check again): ``action`` of
        ``app.security.permissions.ACTIONS`` on ``unit_code`` (None: on some unit)."""
        if unit_code is None:
            return allowed(self.principal, action, any_unit=True)
        with self._read() as s:
            unit = s.scalar(select(Unit.id).where(Unit.code == unit_code))
        return allowed(self.principal, action, unit)

    # --- accounts (administrators) ----------------------------------------------------------------
    @policy("manage_users")
    def users(self) -> list[accounts.UserInfo]:
        with self._session() as s:
            return accounts.list_users(s)

    @policy("manage_users", write=True)
    def add_user(self, username: str, full_name: str, role: str, unit_codes: Sequence[str], password: str, *,
                 must_change_password: bool = True) -> accounts.UserInfo:
        """A new account; by default the user must change the password at the first sign-in."""
        with self._session() as s:
            created = accounts.create_user(s, username, full_name, role, unit_codes, password,
                                           must_change_password=must_change_password)
            access.log(s, self.principal.username, "user", detail=f"tạo tài khoản {created.username} ({role})")
            return created

    @policy("manage_users", write=True)
    def set_user_role(self, username: str, role: str) -> None:
        with self._session() as s:
            accounts.set_role(s, self.principal.username, username, role)

    @policy("manage_users", write=True)
    def set_user_units(self, username: str, unit_codes: Sequence[str]) -> None:
        with self._session() as s:
            accounts.set_units(s, self.principal.username, username, unit_codes)

    @policy("manage_users", write=True)
    def reset_password(self, username: str, new_password: str, *, must_change: bool = True) -> None:
        """An administrator sets a new password and unlocks the account."""
        with self._session() as s:
            accounts.reset_password(s, self.principal.username, username, new_password, must_change=must_change)

    @policy("manage_users", write=True)
    def set_user_active(self, username: str, active: bool) -> None:
        with self._session() as s:
            accounts.set_active(s, self.principal.username, username, active)

    # --- approval ------------------------------------------------------------------------------------
    @policy("approve", scope="person+deleted", write=True)
    def approve(self, key: str | uuid.UUID, comment: str | None = None) -> None:
        with self._session() as s:
            review.approve(s, self.principal, key, comment)

    @policy("approve", scope="person+deleted", write=True)
    def return_for_changes(self, key: str | uuid.UUID, comment: str) -> None:
        """Return a submitted dossier to the clerk with a comment (required)."""
        with self._session() as s:
            review.return_(s, self.principal, key, comment)

    @policy("view", scope="query", mask="cccd")
    def pending_reviews(self, states: tuple[str, ...] = ("submitted",)) -> list[review.PendingReview]:
        """Submitted dossiers of the principal's units (``("returned",)``: those returned to clerks)."""
        with self._session() as s:
            self._fresh_scope(s)
            return review.pending_reviews(s, self.principal, states)

    @policy("view", scope="person+deleted")
    def review_history(self, key: str | uuid.UUID) -> list[review.ReviewStep]:
        with self._session() as s:
            person = self._person(s, key, "view", include_deleted=True)
            return review.review_history(s, person.id)

    @policy("view", scope="person+deleted")
    def approved_at(self, person_id: uuid.UUID | str) -> dt.datetime | None:
        """When the dossier's last approved version was made (None: no approved snapshot)."""
        return approved_at(self._db, person_id)
