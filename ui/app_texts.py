"""Texts that come from app/ (which cannot use Qt) and are shown as they are: their Vietnamese
literals are listed here so that pyside6-lupdate files them for translation (context "AppTexts");
``app_text()`` shows the translation of such a text.

Two kinds: fixed texts (``TEXTS``: the wrong-password refusal, the sex values) and templates with
values (``TEMPLATES``: "Tệp {path} không phải là cơ sở dữ liệu HoSo…", an alert's note "Hết thời
gian tập sự ngày {date}"). A text made from a template is recognised by the template's words, its
values are taken out, translated in turn when they are app texts themselves (an age, a prefix),
and put into the translated template. A note made of parts joined by "; " is translated part by
part. A text that is none of these is shown as it is. tests/ui/test_english_screens.py produces
these texts with the app's own code and checks that no Vietnamese is left in English mode.
"""

from __future__ import annotations

import re
from functools import lru_cache

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "AppTexts"

TEXTS = (
    QT_TRANSLATE_NOOP("AppTexts", "Tên đăng nhập hoặc mật khẩu không đúng."),  # app.security.users.WRONG
    QT_TRANSLATE_NOOP("AppTexts", "Nam"),  # app.validation sex values
    QT_TRANSLATE_NOOP("AppTexts", "Nữ"),
    # parts of the alerts' notes (app.alerts, app.position_alerts, app.declaration.followup)
    QT_TRANSLATE_NOOP("AppTexts", "hồ sơ chưa ghi phụ cấp"),
    QT_TRANSLATE_NOOP("AppTexts", "Chưa bố trí vị trí việc làm"),
    QT_TRANSLATE_NOOP("AppTexts", "năm xếp loại không hoàn thành nhiệm vụ không được tính vào thời gian xét nâng "
                                  "bậc lương thường xuyên"),  # resources/rules/rating.json, lowercased
    QT_TRANSLATE_NOOP("AppTexts", "chưa có người trong quy hoạch chức danh này"),  # app.planning.successors_text
)

TEMPLATES = (
    # app.db.check_sqlite_file / to_url: a file that is not a HoSo database (the box at start)
    QT_TRANSLATE_NOOP("AppTexts", "Tệp {path} rỗng (0 byte), không phải cơ sở dữ liệu HoSo; tệp không bị thay đổi. "
                                  "Để tạo cơ sở dữ liệu mới, hãy chọn một tên tệp chưa có."),
    QT_TRANSLATE_NOOP("AppTexts", "Tệp {path} không phải là cơ sở dữ liệu HoSo (không phải tệp SQLite)."),
    QT_TRANSLATE_NOOP("AppTexts", "Tệp {path} bị hỏng hoặc không phải cơ sở dữ liệu HoSo: {error}"),
    QT_TRANSLATE_NOOP("AppTexts", "Không đọc được tệp {path} lúc này ({error}); tệp không bị coi là hỏng và không "
                                  "bị thay đổi. Hãy đóng các chương trình khác đang dùng tệp rồi mở lại."),
    QT_TRANSLATE_NOOP("AppTexts", "Tệp {path} là cơ sở dữ liệu của chương trình khác, không phải của HoSo."),
    QT_TRANSLATE_NOOP("AppTexts", "Thư mục chứa cơ sở dữ liệu không tồn tại: {path}"),
    # the alerts' notes, part by part (app.alerts, app.position_alerts, app.declaration.followup)
    QT_TRANSLATE_NOOP("AppTexts", "Hết thời gian tập sự ngày {date}"),
    QT_TRANSLATE_NOOP("AppTexts", "Thông báo nghỉ hưu chậm nhất ngày {date} ({about})"),
    QT_TRANSLATE_NOOP("AppTexts", "Ra quyết định nghỉ hưu chậm nhất ngày {date} ({about})"),
    QT_TRANSLATE_NOOP("AppTexts", "nghỉ hưu ngày {date}, {age}"),
    QT_TRANSLATE_NOOP("AppTexts", "Nghỉ hưu ngày {date} ({age})"),
    QT_TRANSLATE_NOOP("AppTexts", "hưởng lương hưu từ {date}"),
    QT_TRANSLATE_NOOP("AppTexts", "{years} tuổi {months} tháng"),  # app.rules.retirement.age_text
    QT_TRANSLATE_NOOP("AppTexts", "{years} tuổi"),
    QT_TRANSLATE_NOOP("AppTexts", "Bắt đầu hưởng phụ cấp thâm niên vượt khung {percent} % từ ngày {date} ({where})"),
    QT_TRANSLATE_NOOP("AppTexts", "Nâng phụ cấp thâm niên vượt khung {percent} % từ ngày {date} ({where})"),
    QT_TRANSLATE_NOOP("AppTexts", "bậc {step}/{steps} ngạch {grade}, hệ số {coefficient}"),
    QT_TRANSLATE_NOOP("AppTexts", "kéo dài {months} tháng do kỷ luật"),
    QT_TRANSLATE_NOOP("AppTexts", "Nâng từ bậc {step} (hệ số {coefficient}) lên bậc {next} (hệ số {next_coefficient}), "
                                  "ngạch {grade}, loại {salary_class}"),
    QT_TRANSLATE_NOOP("AppTexts", "nâng trước thời hạn {months} tháng"),
    QT_TRANSLATE_NOOP("AppTexts", "năm {years} xếp loại không hoàn thành nhiệm vụ: {consequence} [chưa xác nhận]"),
    QT_TRANSLATE_NOOP("AppTexts", "năm {years} xếp loại không hoàn thành nhiệm vụ: {consequence}"),
    QT_TRANSLATE_NOOP("AppTexts", "hạn {date} (còn {days} ngày)"),
    QT_TRANSLATE_NOOP("AppTexts", "chưa bố trí vị trí việc làm (hạn {date})"),
    QT_TRANSLATE_NOOP("AppTexts", "Hết thời hạn giữ chức vụ {title} ngày {date}"),
    QT_TRANSLATE_NOOP("AppTexts", "Hết thời hạn giữ chức vụ ngày {date}"),
    QT_TRANSLATE_NOOP("AppTexts", "Phiếu kê khai lập ngày {date} chưa nộp lại (hạn {due})"),
    QT_TRANSLATE_NOOP("AppTexts", "Yêu cầu cung cấp dữ liệu cá nhân nhận ngày {date}, phải trả lời trước {due}"),
    QT_TRANSLATE_NOOP("AppTexts", "Chưa kê khai lần đầu (hạn {due})"),
    # app.planning.successors_text: the names are data, shown as they are
    QT_TRANSLATE_NOOP("AppTexts", "trong quy hoạch: {count} người ({names})"),
    QT_TRANSLATE_NOOP("AppTexts", "{names} và {count} người khác"),
)

# prefixes the app puts before a note (translated, then the rest of the note)
PREFIXES = (
    QT_TRANSLATE_NOOP("AppTexts", "Quá hạn: "),
)


def _pattern(template: str) -> re.Pattern[str]:
    parts = re.split(r"\{(\w+)\}", template)
    # a value never spans "; ": that joins the parts of a note, each translated on its own
    regex = "".join(re.escape(p) if i % 2 == 0 else f"(?P<{p}>(?:(?!; ).)+?)" for i, p in enumerate(parts))
    return re.compile(f"^{regex}$", re.S)


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    # the longest templates first: a short one must not swallow a text a longer one names
    return tuple((t, _pattern(t)) for t in sorted(TEMPLATES, key=len, reverse=True))


def _translate(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def app_text(text: str) -> str:
    """The text in the interface language (see the module docstring); unchanged when unknown."""
    if not text:
        return text
    translated = _translate(text)
    if translated != text or text in TEXTS:
        return translated
    for template, pattern in _patterns():
        if m := pattern.match(text):
            return _translate(template).format(**{k: app_text(v) for k, v in m.groupdict().items()})
    for prefix in PREFIXES:
        if text.startswith(prefix) and len(text) > len(prefix):
            return _translate(prefix) + app_text(text[len(prefix):])
    if "; " in text:
        parts = text.split("; ")
        translated_parts = [app_text(p) for p in parts]
        if translated_parts != parts:
            return "; ".join(translated_parts)
    return text
