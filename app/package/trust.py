"""The Department's trusted keys, for **Công cụ → Khoá ký số của các đơn vị…** and the CLI.

Each function is one user action in its own transaction, refused unless ``principal`` (when given)
holds the right ``package``. Trusting and untrusting are written to the access log (actions
``trust_key`` / ``untrust_key``, the unit and the fingerprint in the detail): the ``TrustedKey`` row
keeps who added it, but an untrusted key leaves no row behind.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from app.db import Database
from app.package import authorize
from app.package.keys import (
    PublicKeyInfo,
    TrustedKeyRow,
    read_public_key,
    trust_key,
    trusted_keys,
    untrust_key,
)
from app.security import access
from models import TrustedKey, Unit


@dataclass(frozen=True)
class KeyCandidate:
    """A unit's public key file, read and checked, as the confirmation shows it before trusting."""

    info: PublicKeyInfo
    unit_name: str | None  # the unit's name in this database; None when the unit is unknown here
    already_trusted: bool  # this very key is trusted already (for this unit)
    other_keys: tuple[str, ...]  # other fingerprints trusted for the same unit (an old key?)
    trusted_for: str | None = None  # the unit this fingerprint is trusted for, when another one


def list_keys(db: Database, *, user: str | None = None, principal: Any = None) -> list[TrustedKeyRow]:
    """The trusted keys, by unit code (with the unit's name when this database knows it)."""
    authorize(principal)
    with db.session(user) as session:
        return trusted_keys(session)


def read_candidate(db: Database, path: Path, *, user: str | None = None, principal: Any = None) -> KeyCandidate:
    """Read ``path`` (a unit's ``.pub`` file; ``UserError`` when it is not one or was altered) and
    say what trusting it would mean; writes nothing."""
    authorize(principal)
    info = read_public_key(Path(path))
    with db.session(user) as session:
        name = session.scalar(select(Unit.name).where(Unit.code == info.unit_code))
        existing = session.get(TrustedKey, info.fingerprint)
        others = tuple(session.scalars(select(TrustedKey.fingerprint).where(
            TrustedKey.unit_code == info.unit_code, TrustedKey.fingerprint != info.fingerprint)))
    return KeyCandidate(info, name, existing is not None and existing.unit_code == info.unit_code, others,
                        existing.unit_code if existing is not None and existing.unit_code != info.unit_code else None)


def trust(db: Database, info: PublicKeyInfo, *, user: str | None = None, principal: Any = None) -> bool:
    """Trust the key the user confirmed; False when it was trusted already (nothing changes)."""
    authorize(principal)
    with db.session(user, write=True) as session:
        added = trust_key(session, info, session.info["user"])
        if added:
            access.log(session, session.info["user"], "trust_key",
                       detail=f"tin cậy khoá ký số của đơn vị {info.unit_code}, dấu vân tay {info.fingerprint}")
    return added


def untrust(db: Database, fingerprint: str, *, user: str | None = None, principal: Any = None) -> str:
    """Stop trusting a key (its packages are refused from now on); returns its unit code."""
    authorize(principal)
    with db.session(user, write=True) as session:
        unit = untrust_key(session, fingerprint)
        access.log(session, session.info["user"], "untrust_key",
                   detail=f"thôi tin cậy khoá ký số của đơn vị {unit}, dấu vân tay {fingerprint.strip().lower()}")
    return unit
