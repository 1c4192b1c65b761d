"""Texts that come from app/ (which cannot use Qt) and are shown as they are: their Vietnamese
literals are listed here so that pyside6-lupdate files them for translation (context "AppTexts");
``app_text()`` shows the translation of such a text, or the text itself when it is not one of them
(a message with values filled in). tests/ui/test_english_screens.py checks these literals still equal
the app's constants."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "AppTexts"

TEXTS = (
    QT_TRANSLATE_NOOP("AppTexts", "Tên đăng nhập hoặc mật khẩu không đúng."),  # app.security.users.WRONG
    QT_TRANSLATE_NOOP("AppTexts", "Nam"),  # app.validation sex values
    QT_TRANSLATE_NOOP("AppTexts", "Nữ"),
)


def app_text(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)
