"""Vietnamese labels of the coded choices (staff type, status, training kind, family side…).

The codes come from ``app.fields``; the words a user reads are here, through ``translate`` with
literal strings so ``pyside6-lupdate`` finds them. Keys: a person field name, or
``"<section>.<field>"`` for a column of a section table.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.fields import STAFF_TYPE_LABELS, STATUS_LABELS


def _t(text: str) -> str:
    return QCoreApplication.translate("Choices", text)


def _fields_text(text: str) -> str:
    """Labels that live in ``app.fields`` (the context a translator fills from that table)."""
    return QCoreApplication.translate("Fields", text)


def choice_labels(key: str) -> dict[str, str]:
    """Code → label for one choice field; ``{}`` when the codes are shown as they are."""
    if key == "staff_type":
        return {code: _fields_text(text) for code, text in STAFF_TYPE_LABELS.items()}
    if key == "status":
        return {code: _fields_text(text) for code, text in STATUS_LABELS.items()}
    if key == "sex":
        return {"Nam": _t("Nam"), "Nữ": _t("Nữ")}
    builder = _SECTION_LABELS.get(key)
    return builder() if builder else {}


def _training_kinds() -> dict[str, str]:
    return {"professional": _t("Chuyên môn, nghiệp vụ"), "political_theory": _t("Lý luận chính trị"),
            "state_management": _t("Quản lý nhà nước, chức danh nghề nghiệp"),
            "defence_security": _t("Quốc phòng, an ninh"), "it": _t("Tin học"),
            "language": _t("Ngoại ngữ, tiếng dân tộc"), "other": _t("Khác")}


def _history_kinds() -> dict[str, str]:
    return {"old_regime": _t("Làm việc trong chế độ cũ"),
            "foreign_org": _t("Quan hệ với tổ chức ở nước ngoài")}


def _family_sides() -> dict[str, str]:
    return {"self": _t("Bản thân"), "spouse": _t("Bên vợ (chồng)")}


def _reward_kinds() -> dict[str, str]:
    return {"reward": _t("Khen thưởng"), "emulation_title": _t("Danh hiệu thi đua")}


def _discipline_kinds() -> dict[str, str]:
    return {"party": _t("Kỷ luật Đảng"), "administrative": _t("Kỷ luật hành chính"),
            "mass_org": _t("Kỷ luật đoàn thể")}


def _decision_kinds() -> dict[str, str]:
    return {"recruitment": _t("Tuyển dụng"), "election": _t("Bầu cử"), "appointment": _t("Bổ nhiệm"),
            "reappointment": _t("Bổ nhiệm lại"), "planning": _t("Quy hoạch"), "transfer": _t("Điều động"),
            "rotation": _t("Luân chuyển"), "secondment": _t("Biệt phái"),
            "resignation": _t("Thôi việc, từ chức, miễn nhiệm"), "retirement": _t("Nghỉ hưu"),
            "other": _t("Khác")}


_SECTION_LABELS = {
    "training.kind": _training_kinds,
    "personal_history.kind": _history_kinds,
    "family.side": _family_sides,
    "rewards.kind": _reward_kinds,
    "discipline.kind": _discipline_kinds,
    "decisions.kind": _decision_kinds,
}
