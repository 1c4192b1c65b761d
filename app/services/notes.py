"""What a service call showed, printed or wrote of whose sensitive data: noted by the method body
or its masker (``note_access``), written to the access log by ``@policy(log=...)`` once the call
succeeded."""

from __future__ import annotations

import contextvars
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Notes:
    entries: list[tuple[list[uuid.UUID], str, Path | None]]


current_notes: contextvars.ContextVar[Notes | None] = contextvars.ContextVar("hoso_access_notes", default=None)


def note_access(person_ids: Iterable[uuid.UUID | str], detail: str, *, written: str | Path | None = None) -> None:
    """These people's sensitive data was shown/printed/written (to the file ``written``, removed again
    when the access log cannot be written)."""
    notes = current_notes.get()
    if notes is None:
        raise RuntimeError("note_access outside a @policy(log=...) call")
    ids = [i if isinstance(i, uuid.UUID) else uuid.UUID(str(i)) for i in person_ids]
    notes.entries.append((list(dict.fromkeys(ids)), detail, Path(written) if written is not None else None))


@dataclass
class PendingScope:
    """A write action's dossier check (scope ``person``), made by ``Area._session`` at the start of
    the action's own transaction (saves a transaction per save); ``@policy`` fails the call when
    the body never opened one."""

    scope: str
    action: str
    arguments: dict
    done: bool = False


pending_scope: contextvars.ContextVar[PendingScope | None] = contextvars.ContextVar("hoso_pending_scope",
                                                                                    default=None)
