"""The English translation is complete and current; switching the language switches the UI."""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from tools import i18n
from ui.application import install_translators

TS = i18n.FOLDER / "hoso_en.ts"


def _messages(path: Path) -> list[tuple[str, str, str]]:
    """(context, source, translation-or-'' when unfinished)."""
    text = path.read_text(encoding="utf-8")
    found = []
    for context, body in re.findall(r"<context>\s*<name>(.*?)</name>(.*?)</context>", text, re.S):
        for message in re.findall(r"<message>(.*?)</message>", body, re.S):
            source = re.search(r"<source>(.*?)</source>", message, re.S).group(1)
            tr = re.search(r"<translation(?P<attrs>[^>]*)>(?P<text>.*?)</translation>", message, re.S)
            done = tr and "unfinished" not in tr["attrs"] and "vanished" not in tr["attrs"] and tr["text"].strip()
            found.append((context, source, tr["text"] if done else ""))
    return found


def test_every_ui_string_has_an_english_translation() -> None:
    missing = [(c, s) for c, s, t in _messages(TS) if not t]
    assert missing == [], f"{len(missing)} strings without English, e.g. {missing[:5]}"


def test_translation_file_covers_the_current_code(tmp_path) -> None:
    copy = tmp_path / "hoso_en.ts"
    shutil.copy(TS, copy)
    i18n.update(copy)
    current = {(c, s) for c, s, _ in _messages(copy)}
    committed = {(c, s) for c, s, t in _messages(TS) if t}
    assert current - committed == set(), "run: python tools/i18n.py update, translate, then release"


def test_compiled_translation_is_current(tmp_path) -> None:
    qm = TS.with_suffix(".qm")
    assert qm.exists() and qm.stat().st_mtime >= TS.stat().st_mtime - 1, "run: python tools/i18n.py release"


def test_switching_to_english_and_back(qtbot) -> None:
    app = QApplication.instance()
    try:
        install_translators(app, "en")
        assert QCoreApplication.translate("", "Thêm hồ sơ mới…") != "Thêm hồ sơ mới…"
        assert QCoreApplication.translate("Fields", "Ngày sinh") == "Date of birth"
    finally:
        install_translators(app, "vi")
    assert QCoreApplication.translate("", "Thêm hồ sơ mới…") == "Thêm hồ sơ mới…"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Huỷ"


def test_the_catalog_names_listed_for_translation_are_current() -> None:
    """``ui/widgets/catalog_texts.py`` lists every name of the coded catalogs (religion, ethnic group,
    levels…) so each gets an English name; a catalog row added without one fails here or above
    (run: python tools/i18n.py update, translate, release)."""
    from ui.widgets import catalog_texts

    assert Path(catalog_texts.__file__).read_text(encoding="utf-8") == catalog_texts.render()
    assert set(catalog_texts.TEXTS) == set(catalog_texts.names()) and len(catalog_texts.TEXTS) > 100
    english = {html.unescape(s) for c, s, t in _messages(TS) if c == "Catalogs" and t}
    assert set(catalog_texts.TEXTS) <= english


def test_every_grade_title_has_an_english_name(qtbot) -> None:
    """``catalog_texts.GRADE_TEXTS`` lists every ngạch title of ``resources/catalogs/grades.csv``
    (context "Grades"); each has an English name that is English (no Vietnamese letter: a title
    copied over untranslated fails too). A grade row added without one fails here."""
    import unicodedata

    from ui.widgets import catalog_texts

    assert set(catalog_texts.GRADE_TEXTS) == set(catalog_texts.grade_names()) and len(catalog_texts.GRADE_TEXTS) > 60
    english = {html.unescape(s): html.unescape(t) for c, s, t in _messages(TS) if c == "Grades" and t}
    missing = set(catalog_texts.GRADE_TEXTS) - set(english)
    assert not missing, f"grade titles without English: {sorted(missing)}"

    def vietnamese(text: str) -> bool:
        return any(unicodedata.combining(ch) or ch in "đĐ" for ch in unicodedata.normalize("NFD", text))

    assert [s for s in catalog_texts.GRADE_TEXTS if vietnamese(english[s])] == []
    app = QApplication.instance()
    try:
        install_translators(app, "en")
        assert catalog_texts.grade_label("01.003", "Chuyên viên") == "01.003 — Specialist"
        assert catalog_texts.grade_name("Giáo viên trung học cơ sở hạng II") == "Lower secondary school teacher, grade II"
    finally:
        install_translators(app, "vi")
    assert catalog_texts.grade_label("01.003", "Chuyên viên") == "01.003 — Chuyên viên"
