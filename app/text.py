"""Vietnamese text: NFC storage, accent folding for search (đ→d) and the name sort key.

Vietnamese names sort by the given name (the last word) first, then by the family and middle
names; letters follow the Vietnamese alphabet (a ă â b c d đ e ê …) and tones break ties in
dictionary order (ngang, huyền, hỏi, ngã, sắc, nặng).
"""

from __future__ import annotations

import functools
import re
import unicodedata

_SPACES = re.compile(r"\s+")
# Look-alikes typed for Đ/đ in old files (Icelandic eth, African D) are the Vietnamese letter.
_LOOKALIKES = str.maketrans({"\u00d0": "\u0110", "\u00f0": "\u0111", "\u0189": "\u0110"})
# Combining marks: the five tones, and the three vowel shapes (breve, circumflex, horn).
_TONES = {"\u0300": "1", "\u0309": "2", "\u0303": "3", "\u0301": "4", "\u0323": "5"}
_SHAPES = {"\u0306": "ă", "\u0302": "^", "\u031b": "+"}
_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_LETTER_KEY = {ch: chr(0x40 + i) for i, ch in enumerate(_ALPHABET)}
_SHAPED = {("a", "ă"): "ă", ("a", "^"): "â", ("e", "^"): "ê", ("o", "^"): "ô", ("o", "+"): "ơ",
           ("u", "+"): "ư"}


# Answers remembered for short texts (an import or a check sees "Kinh", "Đại học", the same names
# and units on thousands of rows): both functions are pure, so a remembered answer is the answer.
_MEMO_TEXT = 200  # the longest text remembered
_MEMO_SIZE = 50000  # entries per memo before it is emptied
_NFC: dict[str, str] = {}
_FOLD: dict[str, str] = {}


def nfc(text: str | None) -> str:
    """NFC, trimmed, runs of whitespace (line breaks, NBSP) collapsed to one space."""
    if text is None:
        return ""
    if type(text) is str:
        try:
            return _NFC[text]
        except KeyError:
            pass
    else:
        text = str(text)
    value = _SPACES.sub(" ", unicodedata.normalize("NFC", text).translate(_LOOKALIKES)).strip()
    if len(text) <= _MEMO_TEXT:
        if len(_NFC) >= _MEMO_SIZE:
            _NFC.clear()
        _NFC[text] = value
    return value


def fold(text: str | None) -> str:
    """Lower case, no accents, đ→d, single spaces: the form every search compares."""
    if type(text) is str:
        try:
            return _FOLD[text]
        except KeyError:
            pass
    key = text
    decomposed = unicodedata.normalize("NFD", nfc(text).lower().replace("đ", "d"))
    value = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    if type(key) is str and len(key) <= _MEMO_TEXT:
        if len(_FOLD) >= _MEMO_SIZE:
            _FOLD.clear()
        _FOLD[key] = value
    return value


def normalize_name(text: str | None) -> str:
    """A person's name as stored: NFC, single spaces, each word capitalised
    ("NGUYỄN VĂN BÌNH" and "nguyễn văn bình" both → "Nguyễn Văn Bình")."""
    return " ".join(_capitalize(word) for word in nfc(text).split(" ") if word)


def _capitalize(word: str) -> str:
    return "-".join(part[:1].upper() + part[1:].lower() for part in word.split("-"))


@functools.lru_cache(maxsize=8192)  # names share their words ("Nguyễn", "Thị", "Văn"…)
def _letters(word: str) -> tuple[str, str]:
    """Primary key (alphabet order) and tone digits of one word."""
    primary, tones = [], []
    for cluster in _clusters(unicodedata.normalize("NFD", word.lower())):
        base, marks = cluster[0], cluster[1:]
        tone = "0"
        for mark in marks:
            if mark in _TONES:
                tone = _TONES[mark]
            elif mark in _SHAPES:
                base = _SHAPED.get((base, _SHAPES[mark]), base)
        if base in _LETTER_KEY:
            primary.append(_LETTER_KEY[base])
            tones.append(tone)
        elif base.isdigit():
            primary.append(base)
            tones.append("0")
    return "".join(primary), "".join(tones)


def _clusters(decomposed: str) -> list[str]:
    clusters: list[str] = []
    for ch in decomposed:
        if unicodedata.combining(ch) and clusters:
            clusters[-1] += ch
        else:
            clusters.append(ch)
    return clusters


def name_sort_key(full_name: str | None) -> str:
    """An ASCII key whose byte order is the Vietnamese order of names.

    Layout: the given name's letters and then its tone digits (so all "Anh" come before all
    "Ánh"), '!', the family and middle names' letters word by word (each word followed by '#'),
    '"' and their tone digits — tones there only decide between names equal letter for letter.
    Tone digits sort below every letter, so "An" < "Án" < "Anh". The end mark '"' sorts below the
    word mark '#', which sorts below every letter and digit: a name that runs out of family and
    middle names comes first ("Lê Thị Anh" < "Lê Thị Phương Anh"), and a shorter word before a
    longer one that starts with it ("Lê Thị Anh" < "Lê Thịnh Anh").
    """
    words = nfc(full_name).split(" ") if nfc(full_name) else []
    if not words:
        return ""
    given_letters, given_tones = _letters(words[-1])
    rest = [_letters(w) for w in words[:-1]]
    return (given_letters + given_tones + "!" + "".join(p + "#" for p, _ in rest) + '"'
            + "".join(t for _, t in rest))


def split_name(full_name: str) -> tuple[str, str, str]:
    """(family, middle, given) — "Nguyễn Thị Hồng Đào" → ("Nguyễn", "Thị Hồng", "Đào")."""
    words = nfc(full_name).split(" ")
    if len(words) == 1:
        return "", "", words[0]
    return words[0], " ".join(words[1:-1]), words[-1]
