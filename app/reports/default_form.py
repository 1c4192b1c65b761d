"""Which form prints a dossier by default, per staff type — a per-database setting.

Cán bộ and công chức print Mẫu 2C-BNV/2008 or the 2023 CV form (TT 06/2023/TT-BNV); viên chức print
HS02-VC/BNV or the 2023 form. Unset, every type prints as before this setting existed (2C; HS02 for a
viên chức); contract workers always print 2C. ``report 2c`` keeps printing 2C/HS02 whatever the
setting says (the contract); the desktop's print action and preview ask for ``form="default"``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import Any

from reportlab.platypus import Flowable
from sqlalchemy.orm import Session

from app.errors import FieldError, ValidationError
from app.fields import STAFF_TYPE_LABELS
from app.reports import cv2023, profile
from models import Setting

SETTING_KEY = "print.default_form"
FORM_LABELS = {"2c": "Mẫu 2C-BNV/2008", "hs02": "Mẫu HS02-VC/BNV",
               "cv2023": "Mẫu sơ yếu lý lịch (Thông tư 06/2023/TT-BNV)"}
# staff type → its choices, the first being today's form
CHOICES: dict[str, tuple[str, ...]] = {"can_bo": ("2c", "cv2023"), "cong_chuc": ("2c", "cv2023"),
                                       "vien_chuc": ("hs02", "cv2023")}


def original_form(staff_type: str | None) -> str:
    """The form a staff type printed before the setting: HS02 for a viên chức, else 2C."""
    return "hs02" if staff_type == "vien_chuc" else "2c"


def default_forms(session: Session) -> dict[str, str]:
    """Each configurable staff type's default form (a stored value no longer allowed is ignored)."""
    row = session.get(Setting, SETTING_KEY)
    stored: Mapping[str, Any] = row.value if row is not None and isinstance(row.value, dict) else {}
    return {kind: stored[kind] if stored.get(kind) in choices else choices[0] for kind, choices in CHOICES.items()}


def _check(staff_type: str, form: str) -> None:
    if staff_type not in CHOICES:
        allowed = ", ".join(STAFF_TYPE_LABELS[k] for k in CHOICES)
        raise ValidationError([FieldError("staff_type", "Loại cán bộ",
                                          f"'{staff_type}' không chọn được mẫu in (chỉ {allowed})")])
    if form not in CHOICES[staff_type]:
        allowed = ", ".join(FORM_LABELS[f] for f in CHOICES[staff_type])
        raise ValidationError([FieldError("form", "Mẫu in mặc định",
                                          f"{STAFF_TYPE_LABELS[staff_type]} chỉ in được {allowed}, không in '{form}'")])


def set_default_form(session: Session, staff_type: str, form: str) -> dict[str, str]:
    """Store ``staff_type``'s default form; returns the whole setting. Bad values name the field."""
    return set_default_forms(session, {staff_type: form})


def set_default_forms(session: Session, chosen: Mapping[str, str]) -> dict[str, str]:
    """Store several staff types' default forms at once (the settings dialog's Lưu): every value is
    checked before anything is written. Returns the whole setting."""
    for staff_type, form in chosen.items():
        _check(staff_type, form)
    forms = default_forms(session)
    forms.update(chosen)
    row = session.get(Setting, SETTING_KEY)
    if row is None:
        session.add(Setting(key=SETTING_KEY, value=forms))
    else:
        row.value = dict(forms)  # a new dict: the JSON column notices the change
    session.flush()
    return forms


def form_for(staff_type: str | None, forms: Mapping[str, str] | None) -> str:
    """The form that prints a dossier of ``staff_type`` (``forms``: the setting; None: as before)."""
    chosen = (forms or {}).get(staff_type or "")
    return chosen if chosen in CHOICES.get(staff_type or "", ()) else original_form(staff_type)


def story_for(forms: Mapping[str, str] | None) -> Callable[..., list[Flowable]]:
    """The story maker (``profile.StoryOf``) that prints each dossier in its staff type's form."""

    def story(doc: Mapping[str, Any], *, photo: bytes | None = None, place: str | None = None,
              on: dt.date | None = None) -> list[Flowable]:
        if form_for(doc.get("staff_type"), forms) == "cv2023":
            return cv2023.story(doc, photo=photo, place=place, on=on)
        return profile.profile_story(doc, photo=photo, place=place, on=on)

    return story


def subject_for(doc: Mapping[str, Any], forms: Mapping[str, str] | None) -> str:
    """The PDF's subject: the form the dossier prints in."""
    return cv2023.FORM if form_for(doc.get("staff_type"), forms) == "cv2023" else profile.form_of(doc)
