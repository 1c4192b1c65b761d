"""Code tables of the two pre-Unicode Vietnamese encodings (REFERENCE §8) and the list of rhymes.

Kept apart from the converters so the tables can be read against the reference line by line.
Every character here is the one an old file shows today: each legacy byte read as the
CP1252/Latin-1 character of the same value (byte 0xB5 → "µ").
"""

from __future__ import annotations

import unicodedata

# --- TCVN3 (TCVN 5712:1993 "VN3", fonts .VnTime/.VnArial…) -----------------------------------
# One row per vowel of REFERENCE §8.1: (huyền, sắc, hỏi, ngã, nặng) letters and their bytes,
# then the bare shaped vowel when it has its own byte.
_TCVN3_ROWS: tuple[tuple[str, tuple[int, int, int, int, int]], ...] = (
    ("àáảãạ", (0xB5, 0xB8, 0xB6, 0xB7, 0xB9)),
    ("ằắẳẵặ", (0xBB, 0xBE, 0xBC, 0xBD, 0xC6)),
    ("ầấẩẫậ", (0xC7, 0xCA, 0xC8, 0xC9, 0xCB)),
    ("èéẻẽẹ", (0xCC, 0xD0, 0xCE, 0xCF, 0xD1)),
    ("ềếểễệ", (0xD2, 0xD5, 0xD3, 0xD4, 0xD6)),
    ("ìíỉĩị", (0xD7, 0xDD, 0xD8, 0xDC, 0xDE)),
    ("òóỏõọ", (0xDF, 0xE3, 0xE1, 0xE2, 0xE4)),
    ("ồốổỗộ", (0xE5, 0xE8, 0xE6, 0xE7, 0xE9)),
    ("ờớởỡợ", (0xEA, 0xED, 0xEB, 0xEC, 0xEE)),
    ("ùúủũụ", (0xEF, 0xF3, 0xF1, 0xF2, 0xF4)),
    ("ừứửữự", (0xF5, 0xF8, 0xF6, 0xF7, 0xF9)),
    ("ỳýỷỹỵ", (0xFA, 0xFD, 0xFB, 0xFC, 0xFE)),
)
# Bare shaped vowels, the seven capitals VN3 has, and đ. 0xAD (ư) is the soft hyphen and is
# handled by the converter, which restores it only next to letters.
_TCVN3_SINGLES: dict[int, str] = {
    0xA8: "ă", 0xA9: "â", 0xAA: "ê", 0xAB: "ô", 0xAC: "ơ", 0xAE: "đ",
    0xA1: "Ă", 0xA2: "Â", 0xA3: "Ê", 0xA4: "Ô", 0xA5: "Ơ", 0xA6: "Ư", 0xA7: "Đ",
}
TCVN3_SOFT_HYPHEN = "\u00ad"
# PDF text layers turn the soft hyphen (ư) into U+2212 and 0xB7 (ã) into U+2219.
TCVN3_PDF_LOOKALIKES: dict[str, str] = {TCVN3_SOFT_HYPHEN: "ư", "\u2212": "ư", "\u2219": "ã"}


def _tcvn3_map() -> dict[str, str]:
    table = {chr(code): letter for code, letter in _TCVN3_SINGLES.items()}
    for letters, codes in _TCVN3_ROWS:
        table.update({chr(code): letter for code, letter in zip(codes, letters, strict=True)})
    return table


TCVN3: dict[str, str] = _tcvn3_map()
TCVN3_CAPITALS = frozenset(chr(c) for c in range(0xA1, 0xA8))  # Ă Â Ê Ô Ơ Ư Đ
TCVN3_LOWER_BARE = frozenset(chr(c) for c in range(0xA8, 0xAF))  # ă â ê ô ơ ư(soft hyphen) đ

# --- VNI-Windows (fonts VNI-Times, VNI-Helve…) -------------------------------------------------
# REFERENCE §8.2: a base letter followed by one mark byte. Tones: combining mark per mark byte.
_GRAVE, _ACUTE, _HOOK, _TILDE, _DOT = "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"
_CIRCUMFLEX, _BREVE = "\u0302", "\u0306"
_VNI_TONE_MARKS = {"ø": _GRAVE, "ù": _ACUTE, "û": _HOOK, "õ": _TILDE, "ï": _DOT}
_VNI_CIRCUMFLEX_MARKS = {"â": "", "á": _ACUTE, "à": _GRAVE, "å": _HOOK, "ã": _TILDE, "ä": _DOT}
_VNI_BREVE_MARKS = {"ê": "", "é": _ACUTE, "è": _GRAVE, "ú": _HOOK, "ü": _TILDE, "ë": _DOT}
# Single-byte letters (ơ and ư then take the tone marks like any vowel).
_VNI_SINGLES_LOWER = {"ô": "ơ", "ö": "ư", "ñ": "đ", "ó": "ĩ", "ò": "ị", "æ": "ỉ", "î": "ỵ"}
# Bases that take the five tone marks; "i" is written with the single bytes í ì æ ó ò instead.
# ỵ is the single byte î; "yï" (from one code sample only) is still read as ỵ, as nothing else.
_VNI_TONE_BASES = {"a": "a", "e": "e", "o": "o", "u": "u", "y": "y", "ô": "ơ", "ö": "ư"}


def _compose(base: str, *marks: str) -> str:
    return unicodedata.normalize("NFC", base + "".join(marks))


def _vni_pairs() -> dict[str, str]:
    pairs: dict[str, str] = {}
    for written, base in _VNI_TONE_BASES.items():
        for mark, tone in _VNI_TONE_MARKS.items():
            pairs[written + mark] = _compose(base, tone)
    for base in "aeo":
        for mark, tone in _VNI_CIRCUMFLEX_MARKS.items():
            pairs[base + mark] = _compose(base, _CIRCUMFLEX, tone)
    for mark, tone in _VNI_BREVE_MARKS.items():
        pairs["a" + mark] = _compose("a", _BREVE, tone)
    # Capitals use the capital mark bytes; a base and a mark typed in different cases are read
    # the same way, the case of the base letter deciding the case of the result.
    result: dict[str, str] = {}
    for written, letter in pairs.items():
        base, mark = written
        for b in (base, base.upper()):
            for m in (mark, mark.upper()):
                result[b + m] = letter.upper() if b.isupper() else letter
    return result


VNI_PAIRS: dict[str, str] = _vni_pairs()
VNI_SINGLES: dict[str, str] = {**_VNI_SINGLES_LOWER,
                               **{k.upper(): v.upper() for k, v in _VNI_SINGLES_LOWER.items()}}

# --- Vietnamese rhymes (vần), without tone, for the plausibility check of detection -----------
# Final "k" and the onsets kr/pl/gl/bl/kl only occur in Central Highlands place names (Đắk Lắk,
# Krông Búk, Kon Plông); they are accepted so such names do not count against a conversion.
_OPEN_RHYMES = (
    "a e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iu oa oe oi ôi ơi ua uê ui uy ưa ưi ưu uơ "
    "oai oao oay oeo uây uôi ươi ươu iêu yêu uya uyu"
)
_CLOSED_RHYMES = {
    "a": "c ch m n ng nh p t k", "ă": "c m n ng p t k", "â": "c m n ng p t k", "e": "c m n ng p t",
    "ê": "ch m n nh p t", "i": "ch m n nh p t", "o": "c m n ng p t",
    "ô": "c m n ng p t k", "ơ": "m n p t", "u": "c m n ng p t k", "ư": "c m n ng t k",
    "iê": "c m n ng p t", "yê": "m n t", "uô": "c m n ng t", "ươ": "c m n ng p t",
    "oa": "c ch m n ng nh p t", "oă": "c m n ng t", "oe": "n t", "uâ": "n ng t",
    "uê": "ch nh", "uy": "ch n nh p t", "uyê": "n t",
}
RHYMES: frozenset[str] = frozenset(
    _OPEN_RHYMES.split()
    + [nucleus + coda for nucleus, codas in _CLOSED_RHYMES.items() for coda in codas.split()]
)
ONSETS: tuple[str, ...] = (
    "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "th", "tr", "qu", "kr", "pl", "gl", "bl", "kl",
    "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
)
VOWELS = frozenset("aăâeêioôơuưy")
SHAPED_VOWELS = frozenset("ăâêôơư")
STOP_CODAS = frozenset({"c", "ch", "p", "t", "k"})
TONES: dict[str, str] = {_GRAVE: "huyền", _ACUTE: "sắc", _HOOK: "hỏi", _TILDE: "ngã", _DOT: "nặng"}
_LOWER_LETTERS = frozenset("bcdđghklmnpqrstvx") | {
    _compose(vowel, tone) for vowel in VOWELS for tone in ("", *TONES)
}
VIETNAMESE_LETTERS: frozenset[str] = _LOWER_LETTERS | {ch.upper() for ch in _LOWER_LETTERS}

# Frequent syllables of personnel records (names, places, administration). Only used to choose
# between TCVN3 and VNI when both readings of a text are valid syllables ("nhö": như or nhử).
COMMON_SYLLABLES: frozenset[str] = frozenset("""
của và các có là được trong cho không người này với những một đã để năm theo về ngày tháng khi
đến từ nhà nước công tác chức cán bộ viên chính trị đảng ủy uỷ ban nhân dân xã huyện tỉnh thành
phố quận phường thị trấn sở phòng trưởng phó giám đốc chủ tịch bí thư văn kế toán lương bậc
ngạch hệ số phụ cấp quyết định nghị thông tư luật quản lý trình độ chuyên môn đại học cao đẳng
trung thạc sĩ tiến cử kỹ sư giáo dục đào tạo bồi dưỡng khen thưởng kỷ sinh quê quán nơi ở hiện
nay tộc tôn kinh phật thiên chúa nữ họ tên gia đình bố mẹ vợ chồng con anh chị em ông bà cha
ruột đi làm việc nghỉ hưu tuyển dụng bổ nhiệm miễn điều động luân chuyển đánh giá xếp loại hoàn
tốt xuất sắc nhiệm vụ sức khỏe khoẻ như thế nào đó đây rồi cũng còn nhiều hơn nên vì sao mà thì
ra vào lên xuống trên dưới trước sau giữa ngoài cùng mới cũ lớn nhỏ ký hiệu hành hiệu lực nguyễn
trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương trương lương đinh đoàn minh hùng
dũng tuấn hương hồng lan mai hoa thu hà nam bình an hải long phương ngọc thanh thủy thuỷ trang
linh hạnh hiền hiếu quang quốc đức mạnh cường thắng hưng phúc lộc thọ tâm tú tùng sơn lâm hoài
hòa hoà khánh khoa kiên việt toàn thảo vân yến xuân đông hạ quý nga nhung oanh loan uyên my mỹ
nhi diễm kim châu giang tài trí nghĩa đạt duy huy khải kiệt bảo nội chí nẵng cần thơ huế quảng
nghệ hóa hoá bắc ninh đồng phú yên tây nguyên đắk lắk lai kon tum sóc trăng bạc liêu cà mau vĩnh
bến tre tiền tháp rịa vũng tàu thuận phước thái lạng bằng tuyên lào cai bái điện biên dương hội
chưa lưu xưa phủ sử
""".split())
