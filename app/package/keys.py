"""The unit's signing key and the Department's trusted keys.

A unit signs with an Ed25519 key made on first use and kept as ``keys/<UNIT>.key`` in the data
folder, readable only by the user (0600); it is never stored in the database, so a copy of the
database cannot sign. The fingerprint is the SHA-256 (hex) of the raw 32-byte public key. The
public key file handed to the Department is a small JSON document (``KEY_FORMAT``); the
Department registers it with ``package trust`` as a ``TrustedKey`` row.

Which unit signs: the one asked for, else the database's own unit (setting ``own_unit``), else
the export is refused (``signing_unit``).
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import Database
from app.errors import UserError
from app.package import KEY_FORMAT
from app.paths import data_dir
from app.text import nfc
from app.units import get_unit
from models import Setting, TrustedKey, Unit

OWN_UNIT_SETTING = "own_unit"
_CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._\-]{0,39}")


@dataclass(frozen=True)
class PublicKeyInfo:
    unit_code: str
    fingerprint: str
    public_key: str  # base64 of the raw 32 bytes
    unit_name: str | None = None

    def as_json(self) -> dict[str, str | None]:
        return {"format": KEY_FORMAT, "unit_code": self.unit_code, "unit_name": self.unit_name,
                "fingerprint": self.fingerprint, "public_key": self.public_key}


@dataclass(frozen=True)
class TrustedKeyRow:
    unit_code: str
    fingerprint: str
    public_key: str
    added_at: dt.datetime
    added_by: str
    unit_name: str | None = None  # the Department's name for the unit (None: unit unknown here)


def raw_public(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def fingerprint_of(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def key_folder() -> Path:
    folder = data_dir() / "keys"
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return folder


def key_path(unit_code: str) -> Path:
    if not _CODE.fullmatch(unit_code):
        raise UserError(f"Mã đơn vị '{unit_code}' không dùng được làm tên tệp khoá.")
    return key_folder() / f"{unit_code}.key"


def signing_key(unit_code: str) -> Ed25519PrivateKey:
    """The unit's private key, made (and written 0600, never overwritten) on first use."""
    path = key_path(unit_code)
    if not path.exists():
        pem = Ed25519PrivateKey.generate().private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # made meanwhile by another process: use that one
            pass
        else:
            with os.fdopen(fd, "wb") as fh:
                fh.write(pem)
    try:
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    except (OSError, ValueError) as exc:
        raise UserError(f"Không đọc được khoá ký của đơn vị {unit_code} ({path}): {exc}") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise UserError(f"Tệp khoá {path} không phải khoá Ed25519.")
    return key


def public_key_info(unit_code: str, unit_name: str | None = None) -> PublicKeyInfo:
    raw = raw_public(signing_key(unit_code).public_key())
    return PublicKeyInfo(unit_code, fingerprint_of(raw), base64.b64encode(raw).decode("ascii"), unit_name)


def write_public_key(path: Path, info: PublicKeyInfo) -> None:
    path.write_text(json.dumps(info.as_json(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def decode_public_key(text: str, where: str) -> Ed25519PublicKey:
    try:
        raw = base64.b64decode(text, validate=True)
        return Ed25519PublicKey.from_public_bytes(raw)
    except (binascii.Error, ValueError, TypeError):
        raise UserError(f"{where}: khoá công khai không hợp lệ.") from None


def read_public_key(path: Path) -> PublicKeyInfo:
    """A public key file from a unit, checked: its fingerprint must be that of its key."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UserError(f"Không đọc được tệp khoá {path}: {exc}") from None
    try:
        document = json.loads(text)
    except ValueError:
        raise UserError(f"Tệp {path} không phải tệp khoá công khai HoSo (tệp .pub do lệnh "
                        "`package key --out` của đơn vị tạo ra).") from None
    if not isinstance(document, dict) or document.get("format") != KEY_FORMAT:
        raise UserError(f"Tệp {path} không phải tệp khoá công khai của HoSo ({KEY_FORMAT}).")
    code, fingerprint, public = (document.get(k) for k in ("unit_code", "fingerprint", "public_key"))
    if not (isinstance(code, str) and code and isinstance(fingerprint, str) and isinstance(public, str)):
        raise UserError(f"Tệp khoá {path} thiếu mã đơn vị, dấu vân tay hoặc khoá.")
    raw = raw_public(decode_public_key(public, str(path)))
    if fingerprint_of(raw) != fingerprint.lower():
        raise UserError(f"Tệp khoá {path}: dấu vân tay không khớp với khoá (tệp đã bị sửa?).")
    name = document.get("unit_name")
    return PublicKeyInfo(nfc(code), fingerprint.lower(), public, name if isinstance(name, str) else None)


def trust_key(session: Session, info: PublicKeyInfo, user: str = "") -> bool:
    """Register a unit's public key; False when it was already trusted (nothing changes)."""
    existing = session.get(TrustedKey, info.fingerprint)
    if existing is not None:
        if existing.unit_code != info.unit_code:
            raise UserError(f"Khoá {info.fingerprint[:16]}… đã được tin cậy cho đơn vị {existing.unit_code}, "
                            f"không thể dùng cho đơn vị {info.unit_code}.")
        return False
    session.add(TrustedKey(fingerprint=info.fingerprint, unit_code=info.unit_code, public_key=info.public_key,
                           added_by=user))
    return True


def untrust_key(session: Session, fingerprint: str) -> str:
    """Stop trusting a key (lost or replaced); returns its unit. Packages already imported stay."""
    key = session.get(TrustedKey, fingerprint.strip().lower())
    if key is None:
        raise UserError(f"Không có khoá tin cậy nào có dấu vân tay {fingerprint}.")
    session.delete(key)
    return key.unit_code


def trusted_keys(session: Session) -> list[TrustedKeyRow]:
    rows = session.execute(select(TrustedKey, Unit.name).outerjoin(Unit, Unit.code == TrustedKey.unit_code)
                           .order_by(TrustedKey.unit_code, TrustedKey.added_at))
    return [TrustedKeyRow(k.unit_code, k.fingerprint, k.public_key, k.added_at, k.added_by, name)
            for k, name in rows]


def spaced(fingerprint: str) -> str:
    """The fingerprint in groups of four, to be read out over the phone and compared."""
    return " ".join(fingerprint[i:i + 4] for i in range(0, len(fingerprint), 4))


def verify_signature(public: Ed25519PublicKey, signature: bytes, data: bytes) -> bool:
    try:
        public.verify(signature, data)
    except InvalidSignature:
        return False
    return True


def own_unit(session: Session) -> str | None:
    setting = session.get(Setting, OWN_UNIT_SETTING)
    code = setting.value.get("code") if setting is not None and isinstance(setting.value, dict) else None
    return code if isinstance(code, str) and code else None


def set_own_unit(session: Session, code: str) -> None:
    """Remember which unit this database belongs to (the default signer of its packages)."""
    unit = get_unit(session, code)
    setting = session.get(Setting, OWN_UNIT_SETTING)
    if setting is None:
        session.add(Setting(key=OWN_UNIT_SETTING, value={"code": unit.code}))
    else:
        setting.value = {"code": unit.code}


def signing_unit(session: Session, code: str | None) -> str:
    """The unit whose key signs: ``code``, else the database's own unit, else refused."""
    chosen = code or own_unit(session)
    if not chosen:
        raise UserError("Chưa biết đơn vị ký gói: hãy chỉ rõ --unit MÃ_ĐƠN_VỊ "
                        "(hoặc đặt đơn vị của cơ sở dữ liệu này).")
    return get_unit(session, chosen).code


def save_public_key(db: Database, unit_code: str, path: Path) -> PublicKeyInfo:
    """Write the unit's public key file (making the key on first use), for the dialogs."""
    with db.session() as session:
        unit = get_unit(session, unit_code)
        info = public_key_info(unit.code, unit.name)
    write_public_key(path, info)
    return info
