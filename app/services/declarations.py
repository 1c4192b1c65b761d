"""The declaration's entry points: permission (``edit`` on the person's unit for issuing, reviewing
and accepting), masking (the file shows what the issuing role may see), access log (a file with
personal data leaving the desk), one transaction per action.

The facade hands this area out as ``hoso.declarations``; each public method declares its action
with ``@policy``. The person-bound checks are also made inside (the file names its person only
once opened). Tests may replace ``_today`` (the date the deadlines are counted from).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import hmac
import secrets
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app import catalogs, people, units
from app.declaration import accept as accepting
from app.declaration import diff, followup, read
from app.errors import UserError
from app.paths import private_dir
from app.person_json import load_dossiers
from app.security import access
from app.security.permissions import require
from app.services.base import Area
from app.services.notes import pending_scope
from app.services.policy import policy
from models import DataRequest, Declaration, Person, Setting, Unit
from models.base import utcnow

if TYPE_CHECKING:
    from app.declaration import requests as subject_requests

SECRET_KEY = "declaration_secret"


@dataclass(frozen=True)
class Issued:
    declaration_id: str
    person_id: str
    cccd: str
    full_name: str
    path: Path

    def as_json(self) -> dict[str, Any]:
        return {"declaration": self.declaration_id, "person_id": self.person_id, "cccd": self.cccd,
                "full_name": self.full_name, "file": str(self.path)}


@dataclass(frozen=True)
class Accepted:
    review: diff.Review
    accepted: tuple[diff.Change, ...]
    version: int
    review_state: str
    unchanged: bool = False  # already accepted and nothing more to take: nothing was written

    def as_json(self) -> dict[str, Any]:
        return {"cccd": self.review.cccd, "accepted": [c.as_json() for c in self.accepted],
                "count": len(self.accepted), "version": self.version, "review_state": self.review_state,
                "unchanged": self.unchanged,
                "skipped_conflicts": [c.key for c in self.review.changes if c.conflict and c not in self.accepted]}


def _secret(session: Session, create: bool) -> bytes | None:
    row = session.get(Setting, SECRET_KEY)
    if row is None:
        if not create:
            return None
        row = Setting(key=SECRET_KEY, value={"key": secrets.token_hex(32)})
        session.add(row)
        session.flush()
    return bytes.fromhex(row.value["key"])


def signature(secret: bytes, declaration_id: str, person_id: str, version: int | str, content: str) -> str:
    message = f"{declaration_id}|{person_id}|{version}|{content}".encode()
    return hmac.new(secret, message, hashlib.sha256).hexdigest()


class Declarations(Area):
    _today: Callable[[], dt.date] = staticmethod(dt.date.today)

    @contextlib.contextmanager
    def _session(self, write: bool = False) -> Iterator[Session]:
        """One transaction as the principal. Accepting sends the declared changes to approval
        itself (``accept.apply``), so no ``review.track`` here; the pending scope check runs first."""
        with self._db.session(self._user, write=write) as s:
            pending = pending_scope.get()
            if pending is not None and not pending.done:
                self._scope_in(s, pending.scope, pending.action, pending.arguments)
                pending.done = True
            yield s

    # --- issuing -------------------------------------------------------------------------------
    @policy("edit", scope="person", write=True)
    def issue(self, key: str | uuid.UUID, out: str | Path) -> Issued:
        """The declaration file of one person, written to ``out`` (.xlsx)."""
        target = Path(out)
        if target.suffix.lower() != ".xlsx":
            raise UserError(f"Tệp phiếu kê khai phải có đuôi .xlsx ({target.name}).")
        with self._session(write=True) as s:
            person = people.find_person(s, str(key))
            require(self.principal, "edit", person.unit_id, s)
            return self._issue(s, load_dossiers(s, [person.id])[0], target, catalogs.index(s), _secret(s, True))

    @policy("edit", scope="unit", write=True)
    def issue_unit(self, unit_code: str, out_dir: str | Path,
                   progress: Callable[[int, int], None] | None = None) -> list[Issued]:
        """One file per working person of the unit (and the units below it) into ``out_dir``."""
        folder = Path(out_dir)
        with self._session(write=True) as s:
            unit = units.get_unit(s, unit_code)
            require(self.principal, "edit", unit.id, s)
            stmt = select(Person.id).where(Person.unit_id.in_(units.subtree_ids(s, unit.id)),
                                           Person.deleted_at.is_(None), Person.status == "working")
            if self.principal.unit_ids is not None:  # only the principal's own units below it
                stmt = stmt.where(Person.unit_id.in_(self.principal.unit_ids))
            ids = list(s.scalars(stmt.order_by(Person.sort_key)))
            private_dir(folder, ours=False)  # personal data: a folder HoSo creates is its owner's only
            index, secret = catalogs.index(s), _secret(s, True)
            out: list[Issued] = []
            for start in range(0, len(ids), 200):
                for person in load_dossiers(s, ids[start:start + 200]):
                    out.append(self._issue(s, person, folder / f"ke-khai-{person.cccd}.xlsx", index, secret))
                    if progress:
                        progress(len(out), len(ids))
            return out

    def _issue(self, s: Session, person: Person, target: Path, index: Any, secret: bytes | None) -> Issued:
        from app.declaration import issue  # openpyxl: loaded when a form is written, not at start-up

        assert secret is not None
        issued = issue.snapshot(person, self.principal.role)
        content = issue.content_hash(issued)
        declaration = Declaration(id=uuid.uuid4(), person_id=person.id, issued_at=utcnow(),
                                  issued_by=self.principal.username, issued_version=person.version,
                                  issued=issued, content_hash=content, status="issued")
        s.add(declaration)
        unit = s.get(Unit, person.unit_id) if person.unit_id else None
        sig = signature(secret, str(declaration.id), str(person.id), person.version, content)
        issue.write_file(target, declaration_id=str(declaration.id), person=person,
                         unit_name=unit.name if unit else None, issued=issued, signature=sig,
                         issued_at=declaration.issued_at, index=index)
        access.log(s, self.principal.username, "export", person.id, detail=f"lập phiếu kê khai {target.name}")
        return Issued(str(declaration.id), str(person.id), person.cccd, person.full_name, target)

    # --- bringing it back ------------------------------------------------------------------------
    def _open(self, s: Session, path: str | Path) -> tuple[read.Returned, Declaration, Person]:
        returned = read.read_file(path)
        name = Path(path).name
        try:
            declaration = s.get(Declaration, uuid.UUID(returned.declaration_id))
        except ValueError:
            declaration = None
        secret = _secret(s, False)
        if declaration is None or secret is None:
            raise UserError(f"Tệp {name}: phiếu kê khai này không do cơ sở dữ liệu này lập "
                            "(không có mã phiếu trong sổ phiếu đã lập).")
        expected = signature(secret, str(declaration.id), str(declaration.person_id), declaration.issued_version,
                             declaration.content_hash)
        claimed = signature(secret, returned.declaration_id, returned.person_id, returned.version,
                            declaration.content_hash)
        if not (hmac.compare_digest(expected, returned.signature) and hmac.compare_digest(claimed, returned.signature)):
            raise UserError(f"Tệp {name}: mã hồ sơ, phiên bản hoặc chữ ký của phiếu không khớp với phiếu đã lập "
                            "(tệp đã bị sửa, hoặc là phiếu của người khác).")
        person = s.get(Person, declaration.person_id)
        if person is None or person.deleted_at is not None:
            raise UserError(f"Tệp {name}: hồ sơ của phiếu này không còn (đã xoá).")
        require(self.principal, "edit", person.unit_id, s)
        return returned, declaration, load_dossiers(s, [person.id])[0]

    @policy("edit")
    def review(self, path: str | Path) -> diff.Review:
        """What the returned file would change (nothing is written but the access log)."""
        with self._session() as s:
            returned, declaration, person = self._open(s, path)
            found = diff.review(declaration, person, returned, catalogs.index(s), self._today())
            access.log(s, self.principal.username, "view", person.id,
                       detail=f"đối chiếu phiếu kê khai {Path(path).name}")
            return found

    @policy("edit", write=True)
    def accept(self, path: str | Path, fields: Sequence[str] | None = None, note: str | None = None) -> Accepted:
        """Accept all (no conflicts) or the named declared changes into the approval flow."""
        with self._session(write=True) as s:
            returned, declaration, person = self._open(s, path)
            found = diff.review(declaration, person, returned, catalogs.index(s), self._today())
            chosen = accepting.select_changes(found, fields)
            unchanged = not chosen and declaration.status == "accepted"
            accepting.apply(s, self.principal, person, found, chosen, declaration, note, self._today())
            s.refresh(person)
            return Accepted(found, tuple(chosen), person.version, person.review_state, unchanged)

    # --- follow-up ----------------------------------------------------------------------------------
    @policy("view", scope="person")
    def declarations(self, key: str | uuid.UUID) -> list[dict[str, Any]]:
        """The declarations issued to one person, newest first."""
        with self._session() as s:
            person = people.find_person(s, str(key))
            require(self.principal, "view", person.unit_id, s)
            rows = s.scalars(select(Declaration).where(Declaration.person_id == person.id)
                             .order_by(Declaration.issued_at.desc()))
            return [{"declaration": str(d.id), "issued_at": d.issued_at.isoformat(), "issued_by": d.issued_by,
                     "issued_version": d.issued_version, "status": d.status,
                     "returned_at": d.returned_at.isoformat() if d.returned_at else None,
                     "accepted_by": d.accepted_by, "note": d.note} for d in rows]

    @policy("view", scope="person")
    def first_declaration(self, key: str | uuid.UUID) -> followup.FirstDeclaration:
        """"chưa kê khai lần đầu" with its deadline (3 working days from creation), or when it was made."""
        with self._session() as s:
            person = people.find_person(s, str(key))
            require(self.principal, "view", person.unit_id, s)
            return followup.first_declaration(s, person.id, self._today())

    # --- data-subject requests (REFERENCE §7) ---------------------------------------------------------
    @policy("edit", scope="person", write=True)
    def record_request(self, key: str | uuid.UUID, received_on: dt.date | None = None, kind: str = "access",
                       note: str | None = None) -> dict[str, Any]:
        """Record a person's request for their own data; its deadline comes from the rules table."""
        from app.declaration import requests as subject_requests  # openpyxl, as above

        if kind not in subject_requests.KIND_LABELS:
            raise UserError(f"Loại yêu cầu '{kind}' không hợp lệ (access hoặc correction).")
        day = received_on or self._today()
        if day > self._today():
            raise UserError(f"Ngày nhận yêu cầu {day:%d/%m/%Y} nằm trong tương lai.")
        with self._session(write=True) as s:
            person = people.find_person(s, str(key))
            require(self.principal, "edit", person.unit_id, s)
            return subject_requests.as_json(subject_requests.record(s, person, day, kind, self.principal.username,
                                                                    note))

    @policy("edit", scope="person")
    def requests(self, key: str | uuid.UUID) -> list[dict[str, Any]]:
        """The person's data-subject requests, newest first (the clerks who handle them: ``edit``)."""
        from app.declaration import requests as subject_requests  # openpyxl, as above

        with self._session() as s:
            person = people.find_person(s, str(key))
            require(self.principal, "edit", person.unit_id, s)
            rows = s.scalars(select(DataRequest).where(DataRequest.person_id == person.id)
                             .order_by(DataRequest.received_on.desc()))
            return [subject_requests.as_json(r) for r in rows]

    @policy("edit", scope="result", mask="cccd")
    def request_list(self, unit_code: str | None = None, *, open_only: bool = False,
                     overdue_only: bool = False) -> list[subject_requests.RequestRow]:
        """The data-subject requests of the principal's units (of ``unit_code``'s subtree when
        given), oldest deadline first; ``open_only``: unanswered; ``overdue_only``: unanswered and
        past the deadline. The Số CCCD as the role sees it."""
        from app.declaration import requests as subject_requests  # openpyxl, as above

        with self._session() as s:
            scope: set[Any] | None = None
            if unit_code is not None:
                unit = units.get_unit(s, unit_code)
                require(self.principal, "edit", unit.id, s)
                scope = set(units.subtree_ids(s, unit.id))
            if self.principal.unit_ids is not None:
                scope = set(self.principal.unit_ids) if scope is None else scope & set(self.principal.unit_ids)
            return subject_requests.request_rows(s, self._today(), scope, open_only=open_only,
                                                 overdue_only=overdue_only)

    @policy("export", write=True)
    def answer_request(self, request_id: str | uuid.UUID, folder: str | Path) -> list[Path]:
        """One action: the person's complete dossier (PDF and spreadsheet) and the list of who
        viewed, printed, exported or changed it, written into ``folder``; the request is answered."""
        from app.declaration import requests as subject_requests  # openpyxl, as above

        with self._session(write=True) as s:
            try:
                request = s.get(DataRequest, uuid.UUID(str(request_id)))
            except ValueError:
                request = None
            if request is None:
                raise UserError(f"Không có yêu cầu dữ liệu cá nhân mã '{request_id}'.")
            person = s.get(Person, request.person_id)
            assert person is not None
            require(self.principal, "edit", person.unit_id, s)
            require(self.principal, "export", person.unit_id, s)
            require(self.principal, "view_sensitive")  # the person's own data, complete and unmasked
            files = subject_requests.answer_files(s, load_dossiers(s, [person.id])[0], Path(folder))
            request.answered_on = self._today()
            request.answered_by = self.principal.username
            access.log(s, self.principal.username, "export", person.id,
                       detail="trả lời yêu cầu dữ liệu cá nhân: " + ", ".join(f.name for f in files))
            return files
