"""Vietnamese labels of the coded choices (staff type, status, training kind, family side…).

The codes come from ``app.fields``; the words a user reads are here, through ``translate`` with
literal strings so ``pyside6-lupdate`` finds them. Keys: a person field name, or
``"<section>.<field>"`` for a column of a section table.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.fields import STAFF_TYPE_LABELS, STATUS_LABELS

translate = QCoreApplication.translate


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
        return {"Nam": translate("Choices", "Nam"), "Nữ": translate("Choices", "Nữ")}
    builder = _SECTION_LABELS.get(key)
    return builder() if builder else {}


def _training_kinds() -> dict[str, str]:
    return {
        "professional": translate("Choices", "Chuyên môn, nghiệp vụ"),
        "political_theory": translate("Choices", "Lý luận chính trị"),
        "state_management": translate("Choices", "Quản lý nhà nước, chức danh nghề nghiệp"),
        "defence_security": translate("Choices", "Quốc phòng, an ninh"),
        "it": translate("Choices", "Tin học"),
        "language": translate("Choices", "Ngoại ngữ, tiếng dân tộc"),
        "other": translate("Choices", "Khác"),
    }


def _history_kinds() -> dict[str, str]:
    return {
        "old_regime": translate("Choices", "Làm việc trong chế độ cũ"),
        "foreign_org": translate("Choices", "Quan hệ với tổ chức ở nước ngoài"),
    }


def _family_sides() -> dict[str, str]:
    return {
        "self": translate("Choices", "Bản thân"),
        "spouse": translate("Choices", "Bên vợ (chồng)"),
    }


def _reward_kinds() -> dict[str, str]:
    return {
        "reward": translate("Choices", "Khen thưởng"),
        "emulation_title": translate("Choices", "Danh hiệu thi đua"),
    }


def _discipline_kinds() -> dict[str, str]:
    return {
        "party": translate("Choices", "Kỷ luật Đảng"),
        "administrative": translate("Choices", "Kỷ luật hành chính"),
        "mass_org": translate("Choices", "Kỷ luật đoàn thể"),
    }


def _decision_kinds() -> dict[str, str]:
    return {
        "recruitment": translate("Choices", "Tuyển dụng"),
        "election": translate("Choices", "Bầu cử"),
        "appointment": translate("Choices", "Bổ nhiệm"),
        "reappointment": translate("Choices", "Bổ nhiệm lại"),
        "planning": translate("Choices", "Quy hoạch"),
        "transfer": translate("Choices", "Điều động"),
        "rotation": translate("Choices", "Luân chuyển"),
        "secondment": translate("Choices", "Biệt phái"),
        "resignation": translate("Choices", "Thôi việc, từ chức, miễn nhiệm"),
        "retirement": translate("Choices", "Nghỉ hưu"),
        "other": translate("Choices", "Khác"),
    }


_SECTION_LABELS = {
    "training.kind": _training_kinds,
    "personal_history.kind": _history_kinds,
    "family.side": _family_sides,
    "rewards.kind": _reward_kinds,
    "discipline.kind": _discipline_kinds,
    "decisions.kind": _decision_kinds,
}
