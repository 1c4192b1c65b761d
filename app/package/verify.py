"""Reading a package defensively: everything is checked before anything is written.

Order: the zip itself (member count, names — no absolute path, no ``..``, only the names a
package has —, declared sizes, compression ratio), then the signer (its fingerprint must be a
``TrustedKey`` for the same unit, and the signature over the exact bytes of manifest.json must
verify with the *trusted* key), then the manifest (format, unit, known schema version), then
every member (listed, right size, right SHA-256; each person JSON parses, names itself, and
belongs to the signer's unit or a unit below it), then the records against THIS database: a
person it has already may be rewritten or deleted only if its current unit here is one of the
signer's units, and a section row, placement or attachment id it holds for another person is
refused. Any failure raises ``UserError`` naming the member; the caller has written nothing yet.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import re
import uuid
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import IO, Any

from sqlalchemy import Boolean, Date, DateTime, Enum, Integer, Numeric, Table, Uuid, select
from sqlalchemy.orm import Session

from app.db import alembic_config
from app.errors import UserError
from app.fields import PERSON_FIELDS, SECTION_FIELDS
from app.package import FORMAT
from app.package.build import is_tombstone
from app.package.keys import decode_public_key, verify_signature
from app.units import subtree_ids
from models import SECTION_CLASSES, Attachment, Person, Placement, TrustedKey, Unit

MAX_MEMBERS = 400_000
MAX_MEMBER_SIZE = 64 * 1024 * 1024  # an attachment is at most 20 MB (app.attachments.MAX_SIZE)
MAX_MANIFEST_SIZE = 128 * 1024 * 1024
MAX_TOTAL_SIZE = 16 * 1024 * 1024 * 1024
MAX_RATIO = 200  # uncompressed / compressed, for members over RATIO_FLOOR
RATIO_FLOOR = 1024 * 1024
SIGNED = ("manifest.json", "manifest.sig", "signer.json")
_PERSON = re.compile(r"persons/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.json")
_ATTACHMENT = re.compile(r"attachments/([0-9a-f]{64})")
UNTRUSTED = "gói được ký bởi khoá chưa được Sở Nội vụ tin cậy"
BATCH = 500  # ids per IN (...) query
_PERSONS: Table = Person.__table__  # type: ignore[assignment]
_UUID_COLUMN = _PERSONS.c.id


@dataclass
class VerifiedPackage:
    """A package that passed every check; ``documents()`` and ``blob()`` read it again (re-hashed)."""

    path: Path
    sha256: str
    unit_code: str
    unit_name: str
    fingerprint: str
    created_at: dt.datetime | None
    schema_version: str
    generator: str
    counts: dict[str, int]
    units: list[dict[str, Any]]
    members: dict[str, dict[str, Any]]
    archive: zipfile.ZipFile = field(repr=False)

    @property
    def person_members(self) -> list[str]:
        return sorted(n for n in self.members if n.startswith("persons/"))

    def documents(self) -> Iterator[dict[str, Any]]:
        for name in self.person_members:
            yield json.loads(_read(self.archive, self.path, name, self.members[name]))

    def blob(self, sha256: str) -> bytes | None:
        name = f"attachments/{sha256}"
        if name not in self.members:
            return None
        return _read(self.archive, self.path, name, self.members[name])


def refuse(path: Path, text: str) -> UserError:
    return UserError(f"Gói {path.name} bị từ chối: {text}. Không có gì được ghi.")


def _safe_name(name: str) -> bool:
    if not name or name.startswith(("/", "\\")) or "\\" in name or ":" in name or "\x00" in name:
        return False
    return all(part not in ("", ".", "..") for part in name.split("/"))


def _check_zip(path: Path, archive: zipfile.ZipFile) -> dict[str, zipfile.ZipInfo]:
    infos = archive.infolist()
    if len(infos) > MAX_MEMBERS:
        raise refuse(path, f"có {len(infos)} tệp bên trong, quá giới hạn {MAX_MEMBERS}")
    found: dict[str, zipfile.ZipInfo] = {}
    total = 0
    for info in infos:
        name = info.filename
        if not _safe_name(name):
            raise refuse(path, f"tệp '{name}' có đường dẫn không an toàn (tuyệt đối hoặc có '..')")
        if name in found:
            raise refuse(path, f"tệp '{name}' xuất hiện hai lần")
        if not (name in SIGNED or _PERSON.fullmatch(name) or _ATTACHMENT.fullmatch(name)):
            raise refuse(path, f"tệp '{name}' không thuộc cấu trúc của gói hồ sơ")
        if info.file_size > (MAX_MANIFEST_SIZE if name == "manifest.json" else MAX_MEMBER_SIZE):
            raise refuse(path, f"tệp '{name}' lớn quá giới hạn ({info.file_size} byte)")
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise refuse(path, f"tệp '{name}' có tỉ lệ nén bất thường (nghi là bom nén)")
        total += info.file_size
        if total > MAX_TOTAL_SIZE:
            raise refuse(path, "tổng dung lượng giải nén quá giới hạn")
        found[name] = info
    for name in SIGNED:
        if name not in found:
            raise refuse(path, f"thiếu tệp {name} (gói chưa được ký?)")
    return found


def _read_upto(archive: zipfile.ZipFile, path: Path, name: str, limit: int) -> bytes:
    """At most ``limit + 1`` bytes of a member, whatever its header claims."""
    try:
        with archive.open(name) as fh:
            return fh.read(limit + 1)
    except (zipfile.BadZipFile, OSError, RuntimeError, EOFError, ValueError, zlib.error) as exc:
        raise refuse(path, f"không đọc được tệp '{name}' ({exc})") from None


def _read_raw(archive: zipfile.ZipFile, path: Path, name: str, limit: int) -> bytes:
    data = _read_upto(archive, path, name, limit)
    if len(data) > limit:
        raise refuse(path, f"tệp '{name}' lớn quá giới hạn")
    return data


def _read(archive: zipfile.ZipFile, path: Path, name: str, expected: dict[str, Any]) -> bytes:
    """A listed member, refused unless its size and SHA-256 are those the signed manifest gives."""
    data = _read_upto(archive, path, name, int(expected["size"]))
    if len(data) != expected["size"] or hashlib.sha256(data).hexdigest() != expected["sha256"]:
        raise refuse(path, f"tệp '{name}' đã bị sửa (mã băm SHA-256 không khớp với manifest.json)")
    return data


def _json(path: Path, name: str, data: bytes) -> Any:
    try:
        return json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise refuse(path, f"tệp '{name}' không phải JSON hợp lệ") from None


def _signer(session: Session, path: Path, archive: zipfile.ZipFile) -> tuple[TrustedKey, bytes]:
    signer = _json(path, "signer.json", _read_raw(archive, path, "signer.json", 64 * 1024))
    fingerprint = signer.get("fingerprint") if isinstance(signer, dict) else None
    trusted = session.get(TrustedKey, fingerprint.lower()) if isinstance(fingerprint, str) else None
    if trusted is None:
        raise refuse(path, f"{UNTRUSTED} (dấu vân tay {str(fingerprint)[:16]}…)")
    if signer.get("public_key") != trusted.public_key or signer.get("unit_code") != trusted.unit_code:
        raise refuse(path, f"signer.json không khớp với khoá đã tin cậy của đơn vị {trusted.unit_code}")
    manifest = _read_raw(archive, path, "manifest.json", MAX_MANIFEST_SIZE)
    signature = _read_raw(archive, path, "manifest.sig", 1024)
    if not verify_signature(decode_public_key(trusted.public_key, "khoá đã tin cậy"), signature, manifest):
        raise refuse(path, "chữ ký số không khớp: manifest.json đã bị sửa hoặc chữ ký sai")
    return trusted, manifest


def _known_revision(revision: Any) -> bool:
    if not isinstance(revision, str) or not revision:
        return False
    # Alembic loads only when a package is checked (not at start-up)
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config(None))  # type: ignore[arg-type]
    try:
        return script.get_revision(revision) is not None
    except Exception:  # noqa: BLE001 - alembic raises several kinds for an unknown id
        return False


def _manifest(path: Path, data: bytes, trusted: TrustedKey) -> dict[str, Any]:
    manifest = _json(path, "manifest.json", data)
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise refuse(path, f"manifest.json không có định dạng {FORMAT}")
    unit = manifest.get("unit")
    if not isinstance(unit, dict) or unit.get("code") != trusted.unit_code:
        raise refuse(path, f"gói ghi đơn vị {unit.get('code') if isinstance(unit, dict) else '?'} "
                           f"nhưng được ký bằng khoá của đơn vị {trusted.unit_code}")
    if not _known_revision(manifest.get("schema_version")):
        raise refuse(path, f"phiên bản dữ liệu '{manifest.get('schema_version')}' không được phiên bản HoSo "
                           "này biết (gói tạo từ phiên bản mới hơn? hãy cập nhật HoSo)")
    members = manifest.get("members")
    if not isinstance(members, dict) or not all(
            isinstance(v, dict) and isinstance(v.get("sha256"), str) and isinstance(v.get("size"), int)
            for v in members.values()):
        raise refuse(path, "manifest.json thiếu danh sách tệp (members) hợp lệ")
    return manifest


def signer_units(session: Session, root_code: str) -> set[str]:
    """The codes of the signer's unit and every unit below it, as this database knows them."""
    by_code = dict(session.execute(select(Unit.code, Unit.id)).all())
    if root_code not in by_code:
        return set()
    ids = set(subtree_ids(session, by_code[root_code]))
    return {code for code, uid in by_code.items() if uid in ids}


def allowed_units(session: Session, root_code: str, declared: Any) -> set[str]:
    """Unit codes the signer may send records for: its unit and the units below it, as this
    database knows them, plus the sub-units the package declares below them that this database
    does not have. The walk never passes through a unit this database has outside the signer's
    subtree, so a package cannot declare (and create) a unit under another unit's subtree, or
    anywhere else in the city's tree."""
    known = set(session.scalars(select(Unit.code)))
    mine = signer_units(session, root_code)
    rows = [u for u in declared if isinstance(u, dict) and isinstance(u.get("code"), str)] \
        if isinstance(declared, list) else []
    children: dict[str | None, list[str]] = {}
    for u in rows:
        children.setdefault(u.get("parent"), []).append(u["code"])
    for code in mine:  # the declared children of every unit of the signer's subtree
        children.setdefault(code, [])
    stack, reached = [root_code, *mine], set()
    while stack:
        code = stack.pop()
        if code in reached or (code in known and code not in mine):
            continue
        reached.add(code)
        stack.extend(children.get(code, []))
    return mine | reached


def _check_members(session: Session, path: Path, archive: zipfile.ZipFile, found: dict[str, zipfile.ZipInfo],
                   manifest: dict[str, Any]) -> None:
    members: dict[str, dict[str, Any]] = manifest["members"]
    for name in found:
        if name not in SIGNED and name not in members:
            raise refuse(path, f"tệp '{name}' không có trong danh sách đã ký (manifest.json)")
    for name in members:
        if name not in found or name in SIGNED:
            raise refuse(path, f"thiếu tệp '{name}' mà manifest.json liệt kê")
        match = _ATTACHMENT.fullmatch(name)
        if match and members[name]["sha256"] != match.group(1):
            raise refuse(path, f"tệp '{name}' không mang đúng mã băm của nội dung")
    root = manifest["unit"]["code"]
    allowed = allowed_units(session, root, manifest.get("units"))
    persons = deleted = 0
    records: dict[uuid.UUID, tuple[str, bool]] = {}  # every record (member, tombstone?), checked below
    rows: dict[str, dict[uuid.UUID, tuple[uuid.UUID, str]]] = {}  # table → row id → (its person, member)
    for name in sorted(members):
        data = _read(archive, path, name, members[name])
        if name.startswith("attachments/"):
            continue  # _read checked the content's SHA-256, which is its name's
        document = _json(path, name, data)
        _check_document(path, name, document, allowed, root)
        person_id = uuid.UUID(str(document["id"]))
        records[person_id] = (name, is_tombstone(document))
        _collect_rows(path, name, person_id, document, rows)
        deleted, persons = (deleted + 1, persons) if is_tombstone(document) else (deleted, persons + 1)
    _check_existing(session, path, records, signer_units(session, root), root)
    _check_rows(session, path, rows)
    counts = manifest.get("counts") or {}
    if counts.get("persons") != persons or counts.get("deleted") != deleted:
        raise refuse(path, "số hồ sơ trong gói không khớp với số ghi trong manifest.json")


def _check_document(path: Path, name: str, document: Any, allowed: set[str], root: str) -> None:
    """Refuse a record that does not name one of the signer's units (a tombstone may name none:
    its person's unit here is checked by ``_check_existing``, as every record's is)."""
    if not isinstance(document, dict):
        raise refuse(path, f"tệp '{name}' không phải một hồ sơ (Person JSON)")
    match = _PERSON.fullmatch(name)
    if match is None or str(document.get("id")) != match.group(1):
        raise refuse(path, f"tệp '{name}' mang mã hồ sơ khác với tên tệp")
    _check_shape(path, name, document)
    unit = document.get("unit_code")
    if unit is not None and unit not in allowed:
        raise refuse(path, f"hồ sơ '{name}' thuộc đơn vị {unit}, không phải đơn vị {root} hay đơn vị trực thuộc")
    if unit is None and not is_tombstone(document):
        raise refuse(path, f"hồ sơ '{name}' không ghi đơn vị (unit_code)")


_HEX64 = re.compile(r"[0-9a-f]{64}")
_PLACEMENT_FIELDS = ("start_date", "end_date", "decision", "note")
_ATTACHMENT_FIELDS = ("kind", "file_name", "mime_type", "sha256", "size", "doc_date", "description")


def _value_problem(column: Any, value: Any) -> str | None:
    """Why a JSON value cannot be stored in ``column`` (the conversions of app.city.apply), or None."""
    if value is None:
        return None
    kind = column.type
    try:
        if isinstance(kind, DateTime):
            if not isinstance(value, str):
                return "phải là ngày giờ dạng ISO"
            dt.datetime.fromisoformat(value)
        elif isinstance(kind, Date):
            if not isinstance(value, str):
                return "phải là ngày dạng ISO (yyyy-mm-dd)"
            dt.date.fromisoformat(value)
        elif isinstance(kind, Boolean):
            if not isinstance(value, bool):
                return "phải là true/false"
        elif isinstance(kind, Numeric):
            if isinstance(value, bool) or not isinstance(value, int | float | str):
                return "phải là số"
            number = Decimal(str(value))
            if not number.is_finite() or (number and abs(number.adjusted()) > 30):
                return "không phải là số hợp lệ"
        elif isinstance(kind, Integer):
            if isinstance(value, bool) or not isinstance(value, int) or abs(value) >= 2**63:
                return "phải là số nguyên"
        elif isinstance(kind, Uuid):
            if not isinstance(value, str):
                return "phải là mã (UUID)"
            uuid.UUID(value)
        elif not isinstance(value, str):
            return "phải là chuỗi ký tự"
        elif "\x00" in value:
            return "chứa ký tự NUL"
        elif isinstance(kind, Enum) and kind.enums and value not in kind.enums:
            return f"'{value[:40]}' không phải giá trị cho phép"
        elif getattr(kind, "length", None) and len(value) > kind.length:
            return f"dài quá {kind.length} ký tự"
    except (ValueError, ArithmeticError):
        return "không đúng định dạng"
    return None


def _check_shape(path: Path, name: str, document: dict[str, Any]) -> None:
    """Every key app.city.apply reads has the JSON type it expects, so a signed but malformed record
    (``"unit_code": []``, ``"cccd": [null]``, ``"updated_at": []``…) is refused before anything is written."""

    def bad(key: str, why: str) -> UserError:
        return refuse(path, f"hồ sơ '{name}', mục '{key}': {why}")

    def check_row(key: str, row: Any, table: Table, fields: Iterable[str], id_required: bool) -> None:
        if not isinstance(row, dict):
            raise bad(key, "phải là một đối tượng JSON")
        if id_required or row.get("id") is not None:
            if _value_problem(_UUID_COLUMN, row.get("id")) or row.get("id") is None:
                raise bad(f"{key}.id", "phải là mã (UUID)")
        for field_name in fields:
            problem = _value_problem(table.c[field_name], row.get(field_name))
            if problem:
                raise bad(f"{key}.{field_name}", problem)

    if not isinstance(document.get("version"), int) or isinstance(document.get("version"), bool) \
            or not 0 <= document["version"] < 2**63:
        raise bad("version", "phải là số nguyên không âm")
    for key, required in (("updated_at", True), ("deleted_at", False)):
        if (required and document.get(key) is None) or _value_problem(_PERSONS.c.updated_at, document.get(key)):
            raise bad(key, "phải là ngày giờ dạng ISO")
    for key in ("cccd", "unit_code"):
        if document.get(key) is not None and not isinstance(document[key], str):
            raise bad(key, "phải là chuỗi ký tự")
    if is_tombstone(document):
        return
    for spec in PERSON_FIELDS:
        problem = _value_problem(_PERSONS.c[spec.name], document.get(spec.name))
        if problem:
            raise bad(spec.name, problem)
    lists: list[tuple[str, Table, Iterable[str], bool]] = [
        (section, SECTION_CLASSES[section].__table__, [f.name for f in specs], True)  # type: ignore[misc]
        for section, specs in SECTION_FIELDS.items()]
    lists.append(("placements", Placement.__table__, _PLACEMENT_FIELDS, False))  # type: ignore[arg-type]
    lists.append(("attachments", Attachment.__table__, _ATTACHMENT_FIELDS, True))  # type: ignore[arg-type]
    for key, table, fields, id_required in lists:
        rows = document.get(key)
        if rows is None:
            continue
        if not isinstance(rows, list):
            raise bad(key, "phải là một danh sách")
        for i, row in enumerate(rows, start=1):
            check_row(f"{key}[{i}]", row, table, fields, id_required)
            if key == "placements" and not isinstance(row.get("unit_code"), str):
                raise bad(f"{key}[{i}].unit_code", "phải là chuỗi ký tự")
            if key == "attachments" and not (isinstance(row.get("sha256"), str) and _HEX64.fullmatch(row["sha256"])):
                raise bad(f"{key}[{i}].sha256", "phải là mã SHA-256 (64 chữ số hex)")


_ROW_TABLES: dict[str, Table] = {
    **{key: cls.__table__ for key, cls in SECTION_CLASSES.items()},  # type: ignore[misc]
    "placements": Placement.__table__, "attachments": Attachment.__table__}  # type: ignore[dict-item]


def _collect_rows(path: Path, name: str, person_id: uuid.UUID, document: dict[str, Any],
                  rows: dict[str, dict[uuid.UUID, tuple[uuid.UUID, str]]]) -> None:
    """Note each section row / placement / attachment id of the record (refusing one given twice)."""
    for key in _ROW_TABLES:
        for row in document.get(key) or ():
            if row.get("id") is None:
                continue  # a placement without id gets one derived from its person
            row_id = uuid.UUID(str(row["id"]))
            seen = rows.setdefault(key, {}).get(row_id)
            if seen is not None and seen[0] != person_id:
                raise refuse(path, f"hồ sơ '{name}', mục '{key}': mã dòng {row_id} cũng có trong hồ sơ '{seen[1]}'")
            rows[key][row_id] = (person_id, name)


def _check_existing(session: Session, path: Path, records: dict[uuid.UUID, tuple[str, bool]], mine: set[str],
                    root: str) -> None:
    """A record this database has already may be rewritten or deleted only if its CURRENT unit
    here lies within the signer's units: a package never rewrites, moves or deletes another
    unit's person (a transfer goes through the hand-over at the city, never through unit_code)."""
    ids = sorted(records, key=str)
    for start in range(0, len(ids), BATCH):
        found = session.execute(select(Person.id, Unit.code).outerjoin(Unit, Person.unit_id == Unit.id)
                                .where(Person.id.in_(ids[start:start + BATCH]))).all()
        for person_id, current in sorted(found, key=lambda r: records[r[0]][0]):
            if current not in mine:
                name, dead = records[person_id]
                what = f"của đơn vị {current}" if current else "không thuộc đơn vị nào"
                raise refuse(path, f"tệp '{name}' {'xoá' if dead else 'ghi đè'} hồ sơ {what} đã có ở cơ sở dữ liệu "
                                   f"này, không thuộc đơn vị {root} hay đơn vị trực thuộc; chuyển đơn vị phải qua "
                                   "Sở Nội vụ (chuyển giao), không qua gói")


def _check_rows(session: Session, path: Path, rows: dict[str, dict[uuid.UUID, tuple[uuid.UUID, str]]]) -> None:
    """A section row, placement or attachment follows its person: an id this database holds for
    another person is refused."""
    for key, wanted in rows.items():
        table = _ROW_TABLES[key]
        ids = sorted(wanted, key=str)
        for start in range(0, len(ids), BATCH):
            found = session.execute(select(table.c.id, table.c.person_id)
                                    .where(table.c.id.in_(ids[start:start + BATCH]))).all()
            for row_id, owner in sorted(found, key=lambda r: wanted[r[0]][1]):
                person_id, name = wanted[row_id]
                if owner != person_id:
                    raise refuse(path, f"hồ sơ '{name}', mục '{key}': mã dòng {row_id} đã thuộc một hồ sơ khác ở "
                                       "cơ sở dữ liệu này")


def _created(value: Any) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _hash_file(fh: IO[bytes]) -> str:
    digest = hashlib.sha256()
    fh.seek(0)
    while chunk := fh.read(1 << 20):
        digest.update(chunk)
    fh.seek(0)
    return digest.hexdigest()


@contextlib.contextmanager
def open_verified(session: Session, path: Path) -> Iterator[VerifiedPackage]:
    """Check the whole package at ``path`` against this database's trusted keys; yield it open."""
    path = Path(path)
    try:
        fh = open(path, "rb")  # noqa: SIM115 - held open for the whole import (no swap after checking)
    except OSError as exc:
        raise UserError(f"Không mở được tệp {path}: {exc.strerror or exc}") from None
    with fh:
        sha = _hash_file(fh)
        try:
            archive = zipfile.ZipFile(fh)
        except (zipfile.BadZipFile, OSError, ValueError):
            raise refuse(path, "tệp không phải gói zip hợp lệ") from None
        with archive:
            found = _check_zip(path, archive)
            trusted, manifest_bytes = _signer(session, path, archive)
            manifest = _manifest(path, manifest_bytes, trusted)
            _check_members(session, path, archive, found, manifest)
            yield VerifiedPackage(
                path=path, sha256=sha, unit_code=trusted.unit_code, unit_name=str(manifest["unit"].get("name") or ""),
                fingerprint=trusted.fingerprint, created_at=_created(manifest.get("created_at")),
                schema_version=manifest["schema_version"], generator=str(manifest.get("generator") or ""),
                counts={k: int(v) for k, v in (manifest.get("counts") or {}).items() if isinstance(v, int)},
                units=[u for u in manifest.get("units") or [] if isinstance(u, dict)],
                members=manifest["members"], archive=archive)
