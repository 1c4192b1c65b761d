"""What a sync run came to, in terms a clerk can act on (the sync dialog's words are in ui/sync_ui.py).

* ``outcome`` — ``success`` (everything sent was accepted), ``nothing`` (nothing was pending),
  ``partial`` (some accepted, some refused or in conflict), ``failed`` (nothing accepted: every
  record refused, or the run itself failed) or ``cancelled``. A run the city refused record by
  record still ends with status ``done`` in the sync log: that is not success.
* ``group_problems`` — the run's problems by cause (the unit is missing at the city, the identity
  number belongs to another dossier there, a conflict…), each with how many dossiers, the values the
  messages name (unit codes, file names) and a few examples, instead of one line per dossier.
* ``connection_failure`` — the cause of a refused connection or a failed run (server unreachable,
  wrong password, database missing, not prepared by ``city init``…) read from the message and the
  driver's text, which is kept only as the detail.
* ``city_url`` / ``url_parts`` — the city database's address from its server, port and database
  name, and back (the dialog asks for the parts, never for a URL).

Causes are codes: the interface says them in its own language.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.engine import URL, make_url

from app.errors import UserError

SUCCESS, NOTHING, PARTIAL, FAILED, CANCELLED = "success", "nothing", "partial", "failed", "cancelled"
ACCEPTED_KEYS = ("inserted", "updated", "unchanged", "deleted")
DEFAULT_PORT = 5432
EXAMPLES = 5  # examples kept per cause


def accepted(counts: Mapping[str, Any]) -> int:
    return sum(int(counts.get(k) or 0) for k in ACCEPTED_KEYS)


def refused(counts: Mapping[str, Any]) -> int:
    return int(counts.get("rejected") or 0) + int(counts.get("conflicts") or 0)


def outcome(counts: Mapping[str, Any], status: str | None = "done") -> str:
    """The outcome of a run from its summary counts (``SyncSummary.as_json()`` or a sync log's
    ``summary``) and status."""
    if status == "cancelled":
        return CANCELLED
    if status in ("failed", "running"):  # running: the run was cut off before it finished
        return FAILED
    ok, bad = accepted(counts), refused(counts)
    if bad and not ok:
        return FAILED
    if bad:
        return PARTIAL
    return SUCCESS if ok else NOTHING


# --- problems by cause ------------------------------------------------------------------------------

UNIT_MISSING = "unit_missing"  # the dossier's unit (or a unit of its work history) is not at the city
NO_UNIT = "no_unit"  # the dossier names no unit
NOT_YOURS = "not_yours"  # the sync account may not write into that unit
IDENTITY = "identity"  # the id or CCCD belongs to another dossier at the city
FILE = "file"  # an attachment's content is missing
REFUSED_BY_DB = "db"  # the city database refused the write (a constraint…)
CONFLICT = "conflict"  # changed at the city since the last sync: not overwritten
OTHER = "other"
CAUSES = (UNIT_MISSING, IDENTITY, NOT_YOURS, NO_UNIT, FILE, CONFLICT, REFUSED_BY_DB, OTHER)  # shown in this order

# The messages of app.city.api_sql (hoso_api.push) and app.city.apply, by cause; group 1 (when
# present) is the value the message names.
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (UNIT_MISSING, re.compile(r"^Đơn vị mã '(.*?)'(?: \(quá trình công tác tại đơn vị\))? chưa có ở (?:CSDL thành phố"
                              r"|cơ sở dữ liệu đích)")),
    (NO_UNIT, re.compile(r"^Hồ sơ không ghi đơn vị")),
    (NOT_YOURS, re.compile(r"^Không có quyền ghi hồ sơ vào đơn vị '(.*?)'")),
    (IDENTITY, re.compile(r"^Số định danh này đã có trong CSDL thành phố")),
    (IDENTITY, re.compile(r"^Số CCCD (\S*) đã thuộc một hồ sơ khác")),
    (FILE, re.compile(r"^Thiếu nội dung tệp đính kèm '(.*)'$")),
    (REFUSED_BY_DB, re.compile(r"^(?:CSDL thành phố|Cơ sở dữ liệu đích) từ chối ghi hồ sơ:\s*(.*)$", re.S)),
)


@dataclass
class ProblemGroup:
    cause: str
    count: int = 0  # dossiers
    values: list[str] = field(default_factory=list)  # unit codes, file names… (distinct, in order met)
    examples: list[dict[str, Any]] = field(default_factory=list)  # {"full_name","cccd","message"}
    details: list[str] = field(default_factory=list)  # distinct technical details (REFUSED_BY_DB, OTHER)

    @property
    def conflict(self) -> bool:
        return self.cause == CONFLICT


def cause_of(problem: Mapping[str, Any]) -> tuple[str, str | None]:
    """(cause, the value the message names) of one problem of a sync summary."""
    if problem.get("kind") == "conflict":
        return CONFLICT, None
    if problem.get("kind") == "missing_units":
        return UNIT_MISSING, None
    message = str(problem.get("message") or "")
    for cause, pattern in _PATTERNS:
        if m := pattern.match(message):
            return cause, (m.group(1).strip() if m.groups() else None)
    return OTHER, None


def group_problems(summary: Mapping[str, Any], examples: int = EXAMPLES) -> list[ProblemGroup]:
    """The problems of ``summary`` (``SyncSummary.as_json()``) by cause, in ``CAUSES`` order. The
    dossiers held back because their unit is missing at the city (said once by the sync) count in
    the UNIT_MISSING group, their unit codes among its values."""
    problems: Sequence[Mapping[str, Any]] = summary.get("problems") or ()
    groups: dict[str, ProblemGroup] = {}
    refused_one_by_one = 0
    for problem in problems:
        cause, value = cause_of(problem)
        group = groups.setdefault(cause, ProblemGroup(cause))
        if problem.get("kind") == "missing_units":
            _add_values(group, summary.get("missing_units") or ())
            continue
        refused_one_by_one += problem.get("kind") == "rejected"
        group.count += 1
        if value:
            _add_values(group, [value])
        if cause in (REFUSED_BY_DB, OTHER):
            detail = value if cause == REFUSED_BY_DB else str(problem.get("message") or "")
            if detail and detail not in group.details and len(group.details) < examples:
                group.details.append(detail)
        if len(group.examples) < examples:
            group.examples.append({"full_name": problem.get("full_name"), "cccd": problem.get("cccd"),
                                   "message": problem.get("message")})
    held = int(summary.get("rejected") or 0) - refused_one_by_one  # held back before sending: unit missing
    if held > 0:
        groups.setdefault(UNIT_MISSING, ProblemGroup(UNIT_MISSING)).count += held
        _add_values(groups[UNIT_MISSING], summary.get("missing_units") or ())
    return [groups[c] for c in CAUSES if c in groups and groups[c].count]


def _add_values(group: ProblemGroup, values: Iterable[str]) -> None:
    for value in values:
        if value and value not in group.values:
            group.values.append(value)


# --- a run that failed -----------------------------------------------------------------------------

UNREACHABLE = "unreachable"  # nothing answers at that server and port
UNKNOWN_HOST = "unknown_host"  # the server's name is not known
TIMEOUT = "timeout"
AUTH = "auth"  # wrong user or password
NO_DATABASE = "no_database"
NOT_PREPARED = "not_prepared"  # reachable, but not a city database of this HoSo (city init)
VERSION = "version"  # a city database of another HoSo version
LOST = "lost"  # the connection broke during the run
BAD_ADDRESS = "bad_address"
PERMISSION = "permission"  # the signed-in user may not sync
FAILURE_OTHER = "other"

_FAILURES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (PERMISSION, re.compile(r"^Tài khoản .* không được|permission denied for", re.I)),
    (NOT_PREPARED, re.compile(r"chưa được chuẩn bị làm cơ sở dữ liệu thành phố")),
    (VERSION, re.compile(r"Cơ sở dữ liệu thành phố tại \S+ ở phiên bản")),
    (BAD_ADDRESS, re.compile(r"không hợp lệ|chỉ tới cơ sở dữ liệu PostgreSQL|invalid (?:integer value|port)"
                             r"|invalid connection option", re.I)),
    (AUTH, re.compile(r"password authentication failed|authentication failed|no password supplied"
                      r"|role \".*\" does not exist|fe_sendauth", re.I)),
    (NO_DATABASE, re.compile(r"database \".*\" does not exist", re.I)),
    (UNKNOWN_HOST, re.compile(r"could not translate host name|Name or service not known|nodename nor servname"
                              r"|Temporary failure in name resolution|No such host|failed to resolve host", re.I)),
    (TIMEOUT, re.compile(r"timeout expired|timed out", re.I)),
    (UNREACHABLE, re.compile(r"Connection refused|No route to host|Network is unreachable|could not connect"
                             r"|server closed the connection|connection failed", re.I)),
    (LOST, re.compile(r"^Mất kết nối tới cơ sở dữ liệu thành phố")),
)
_DETAIL = re.compile(r"^(?:Không kết nối được cơ sở dữ liệu thành phố tại \S+|Mất kết nối tới cơ sở dữ liệu thành "
                     r"phố tại \S+|Cơ sở dữ liệu tại \S+ chưa được chuẩn bị[^:]*):\s*(.*?)"
                     r"(?: — phần đã gửi được giữ nguyên; chạy lại để gửi tiếp\.)?$", re.S)
_AT = re.compile(r" tại (\S+?)(?::\s|,|\s|$)")


@dataclass(frozen=True)
class Failure:
    cause: str
    server: str  # "host:port/database" when the message names it, else ""
    detail: str  # the driver's (or the message's) own words, for the administrator
    lost: bool = False  # the run started and broke off: what was sent is kept


def connection_failure(error: BaseException | str) -> Failure:
    """The cause of a failed sync, from the error the service raised."""
    text = str(error).strip()
    lost = text.startswith("Mất kết nối tới cơ sở dữ liệu thành phố")
    cause = next((c for c, pattern in _FAILURES if pattern.search(text)), FAILURE_OTHER)
    if lost and cause in (UNREACHABLE, LOST):
        cause = LOST
    detail = m.group(1).strip() if (m := _DETAIL.match(text)) else text
    server = m.group(1) if (m := _AT.search(text)) else ""
    return Failure(cause, server, detail, lost)


# --- the address -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class UrlParts:
    server: str = ""
    port: int = DEFAULT_PORT
    database_name: str = ""
    user: str = ""
    query: tuple[tuple[str, str], ...] = ()  # extra options of a saved address (sslmode…), kept as they were


def url_parts(url: str | None) -> UrlParts:
    """The parts of a saved address (its password is never returned)."""
    if not url:
        return UrlParts()
    try:
        parsed = make_url(url.strip())
    except Exception as exc:  # noqa: BLE001 - any malformed URL
        raise UserError("Địa chỉ cơ sở dữ liệu thành phố đã lưu không hợp lệ; hãy nhập lại máy chủ, cổng, "
                        "cơ sở dữ liệu.") from exc
    query = tuple(sorted((k, v if isinstance(v, str) else ",".join(v)) for k, v in parsed.query.items()))
    return UrlParts(parsed.host or "", parsed.port or DEFAULT_PORT, parsed.database or "", parsed.username or "",
                    query)


class AddressError(UserError):
    """A part of the address the dialog asked for is empty or malformed: ``field`` is ``server``,
    ``port`` or ``database``; ``problem`` is ``empty`` or ``invalid``."""

    def __init__(self, field: str, problem: str, value: str, message: str):
        super().__init__(message)
        self.field, self.problem, self.value = field, problem, value


def _ipv6(text: str) -> bool:
    try:
        ipaddress.IPv6Address(text)
    except ValueError:
        return False
    return True


def city_url(server: str, port: int | str | None, database: str, query: Iterable[tuple[str, str]] = ()) -> str:
    """The address of the city database at ``server``:``port``/``database`` (no user or password:
    the sync adds them). Empty or malformed parts are refused with the field's name."""
    server, database = server.strip(), database.strip()
    if not server:
        raise AddressError("server", "empty", server, "Máy chủ: hãy nhập tên hoặc địa chỉ IP của máy chủ CSDL thành phố.")
    bare = server[1:-1] if server.startswith("[") and server.endswith("]") else server  # [IPv6]
    if re.search(r"[\s/@?#\[\]]", bare) or (":" in bare and not _ipv6(bare)):
        raise AddressError("server", "invalid", server,
                           "Máy chủ: chỉ ghi tên hoặc địa chỉ IP của máy chủ (cổng ghi ở ô Cổng).")
    text = str(port).strip() if port is not None else ""
    if not text:
        number = DEFAULT_PORT
    elif not text.isdigit() or not 1 <= int(text) <= 65535:
        raise AddressError("port", "invalid", text, f"Cổng: phải là một số từ 1 đến 65535 (đã nhập: {text}).")
    else:
        number = int(text)
    if not database:
        raise AddressError("database", "empty", database, "Cơ sở dữ liệu: hãy nhập tên cơ sở dữ liệu thành phố.")
    if re.search(r"[\s/?#@]", database):
        raise AddressError("database", "invalid", database,
                           "Cơ sở dữ liệu: tên không được có khoảng trắng hay các ký tự / ? # @.")
    url = URL.create("postgresql+psycopg", host=bare, port=number, database=database, query=dict(query))
    return url.render_as_string(hide_password=False)
