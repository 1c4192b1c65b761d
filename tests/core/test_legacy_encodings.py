"""TCVN3 and VNI-Windows → Unicode (app.exchange.legacy), checked against REFERENCE §8.

The encoders below are typed here again from the REFERENCE tables — not imported from the
module — so a typo in either copy makes a round trip fail.
"""

from __future__ import annotations

import unicodedata

import pytest

from app.exchange.legacy import convert, detect, font_encoding, tcvn3_to_unicode, vni_to_unicode

# --- REFERENCE §8.1, TCVN3: letter=byte, one line per table row ---------------------------------
TCVN3_REFERENCE = """
à=B5 á=B8 ả=B6 ã=B7 ạ=B9
ằ=BB ắ=BE ẳ=BC ẵ=BD ặ=C6 ă=A8
ầ=C7 ấ=CA ẩ=C8 ẫ=C9 ậ=CB â=A9
è=CC é=D0 ẻ=CE ẽ=CF ẹ=D1
ề=D2 ế=D5 ể=D3 ễ=D4 ệ=D6 ê=AA
ì=D7 í=DD ỉ=D8 ĩ=DC ị=DE
ò=DF ó=E3 ỏ=E1 õ=E2 ọ=E4
ồ=E5 ố=E8 ổ=E6 ỗ=E7 ộ=E9 ô=AB
ờ=EA ớ=ED ở=EB ỡ=EC ợ=EE ơ=AC
ù=EF ú=F3 ủ=F1 ũ=F2 ụ=F4
ừ=F5 ứ=F8 ử=F6 ữ=F7 ự=F9 ư=AD
ỳ=FA ý=FD ỷ=FB ỹ=FC ỵ=FE
Ă=A1 Â=A2 Ê=A3 Ô=A4 Ơ=A5 Ư=A6 Đ=A7 đ=AE
"""
TCVN3_ENC: dict[str, str] = {
    item.split("=")[0]: chr(int(item.split("=")[1], 16)) for item in TCVN3_REFERENCE.split()
}

# --- REFERENCE §8.2, VNI-Windows: letter=sequence -----------------------------------------------
VNI_REFERENCE = """
à=aø á=aù ả=aû ã=aõ ạ=aï  À=AØ Á=AÙ Ả=AÛ Ã=AÕ Ạ=AÏ
â=aâ ầ=aà ấ=aá ẩ=aå ẫ=aã ậ=aä  Â=AÂ Ầ=AÀ Ấ=AÁ Ẩ=AÅ Ẫ=AÃ Ậ=AÄ
ă=aê ằ=aè ắ=aé ẳ=aú ẵ=aü ặ=aë  Ă=AÊ Ằ=AÈ Ắ=AÉ Ẳ=AÚ Ẵ=AÜ Ặ=AË
è=eø é=eù ẻ=eû ẽ=eõ ẹ=eï  È=EØ É=EÙ Ẻ=EÛ Ẽ=EÕ Ẹ=EÏ
ê=eâ ề=eà ế=eá ể=eå ễ=eã ệ=eä  Ê=EÂ Ề=EÀ Ế=EÁ Ể=EÅ Ễ=EÃ Ệ=EÄ
ì=ì í=í ỉ=æ ĩ=ó ị=ò  Ì=Ì Í=Í Ỉ=Æ Ĩ=Ó Ị=Ò
ò=oø ó=où ỏ=oû õ=oõ ọ=oï  Ò=OØ Ó=OÙ Ỏ=OÛ Õ=OÕ Ọ=OÏ
ô=oâ ồ=oà ố=oá ổ=oå ỗ=oã ộ=oä  Ô=OÂ Ồ=OÀ Ố=OÁ Ổ=OÅ Ỗ=OÃ Ộ=OÄ
ơ=ô ờ=ôø ớ=ôù ở=ôû ỡ=ôõ ợ=ôï  Ơ=Ô Ờ=ÔØ Ớ=ÔÙ Ở=ÔÛ Ỡ=ÔÕ Ợ=ÔÏ
ù=uø ú=uù ủ=uû ũ=uõ ụ=uï  Ù=UØ Ú=UÙ Ủ=UÛ Ũ=UÕ Ụ=UÏ
ư=ö ừ=öø ứ=öù ử=öû ữ=öõ ự=öï  Ư=Ö Ừ=ÖØ Ứ=ÖÙ Ử=ÖÛ Ữ=ÖÕ Ự=ÖÏ
ỳ=yø ý=yù ỷ=yû ỹ=yõ ỵ=î  Ỳ=YØ Ý=YÙ Ỷ=YÛ Ỹ=YÕ Ỵ=Î
đ=ñ Đ=Ñ
"""
VNI_ENC: dict[str, str] = {item.split("=")[0]: item.split("=")[1] for item in VNI_REFERENCE.split()}


def to_tcvn3(text: str) -> str:
    """Unicode → TCVN3 as an old file shows it today (bytes read as Latin-1)."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        if ch.isascii():
            out.append(ch)
        elif ch in TCVN3_ENC:
            out.append(TCVN3_ENC[ch])
        else:
            raise ValueError(f"{ch!r} has no TCVN3 byte")
    return "".join(out)


def to_vni(text: str) -> str:
    out = []
    for ch in unicodedata.normalize("NFC", text):
        if ch.isascii():
            out.append(ch)
        elif ch in VNI_ENC:
            out.append(VNI_ENC[ch])
        else:
            raise ValueError(f"{ch!r} has no VNI sequence")
    return "".join(out)


def test_reference_tables_are_complete() -> None:
    assert len(TCVN3_ENC) == 12 * 5 + 6 + 7 + 1  # toned letters, bare ă â ê ô ơ ư, capitals, đ
    assert len(set(TCVN3_ENC.values())) == len(TCVN3_ENC)
    assert len(VNI_ENC) == 2 * (12 * 5 + 6 + 1)  # toned, bare ă â ê ô ơ ư, đ; both cases
    assert len(set(VNI_ENC.values())) == len(VNI_ENC)


# --- TCVN3 ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("letter", sorted(set(TCVN3_ENC) - {"ư"}))
def test_tcvn3_every_letter_alone(letter: str) -> None:
    assert tcvn3_to_unicode(TCVN3_ENC[letter]) == letter


@pytest.mark.parametrize("letter", sorted(TCVN3_ENC))
def test_tcvn3_every_letter_inside_a_word(letter: str) -> None:
    assert tcvn3_to_unicode("n" + TCVN3_ENC[letter] + "n") == "n" + letter + "n"


def test_tcvn3_all_letters_in_one_string() -> None:
    letters = "".join(sorted(TCVN3_ENC))
    assert tcvn3_to_unicode("x" + to_tcvn3(letters) + "x") == "x" + letters + "x"


@pytest.mark.parametrize("code", [c for c in range(0xA1, 0xFF) if chr(c) not in TCVN3_ENC.values()])
def test_tcvn3_bytes_outside_the_vn3_table_are_kept(code: int) -> None:
    assert tcvn3_to_unicode("a" + chr(code) + "b") == "a" + chr(code) + "b"


@pytest.mark.parametrize("text", [
    "\u201cH\u00e5\u201d \u2013 x\u00b7 \u2014 \u2026 \u2018a\u2019 \u20ac5",  # CP1252 0x80–0x9F
    "UBND 12/05/1985 ABC-xyz_09 (a+b)=c; 079185001234",
])
def test_tcvn3_keeps_cp1252_punctuation_and_ascii(text: str) -> None:
    expected = text.replace("H\u00e5", "Hồ").replace("x\u00b7", "xã")
    assert tcvn3_to_unicode(text) == expected


@pytest.mark.parametrize(("mojibake", "expected"), [
    ("n\xad\xedc", "nước"),  # ư ớ
    ("Tr\xad\xacng", "Trương"),
    ("ng\xad\xeai", "người"),
    ("\xad\xacng", "ương"),  # at the start of a word
    ("t\xad", "tư"),  # at the end of a word
    ("a \xad b", "a \xad b"),  # alone: a soft hyphen, left as it is
    ("\xad", "\xad"),
    ("ng\u2212\xeai", "người"),  # PDF text layer: U+2212 for ư
    ("x\u2219 h\xe9i", "xã hội"),  # PDF text layer: U+2219 for ã
    ("5\u22123", "5\u22123"),  # a real minus sign between digits
])
def test_tcvn3_u_horn_is_the_soft_hyphen(mojibake: str, expected: str) -> None:
    assert tcvn3_to_unicode(mojibake) == expected


@pytest.mark.parametrize(("mojibake", "expected"), [
    ("Tr\xacng", "Trương"), ("C\xeang", "Cường"), ("Ph\xedc", "Phước"), ("r\xeeu", "rượu"),
])
def test_tcvn3_lost_soft_hyphen_is_restored_where_only_uo_fits(mojibake: str, expected: str) -> None:
    assert tcvn3_to_unicode(mojibake) == expected


@pytest.mark.parametrize("word", ["th\xacm", "l\xedp", "ngh\xdf ng\xaci", "l\xacn", "v\xeet"])
def test_tcvn3_valid_o_horn_rhymes_are_not_touched(word: str) -> None:
    assert "ư" not in tcvn3_to_unicode(word)


@pytest.mark.parametrize(("mojibake", "expected"), [
    ("nguy\xd4n", "NGUYỄN"),  # .VnTimeH: lowercase bytes drawn as capitals
    ("NGUY\xd4N", "NGUYỄN"),
    ("nguy\xd4n v\xa8n b\xd7nh", "NGUYỄN VĂN BÌNH"),
    ("tr\xad\xacng th\xde h\xe5ng", "TRƯƠNG THỊ HỒNG"),
    ("\xa7\xb5 n\xb5ng", "ĐÀ NÀNG"),
])
def test_tcvn3_uppercase_font(mojibake: str, expected: str) -> None:
    assert tcvn3_to_unicode(mojibake, uppercase=True) == expected


@pytest.mark.parametrize(("mojibake", "expected"), [
    ("NGUY\xd4N V\xa1N B\xd7NH", "NGUYỄN VĂN BÌNH"),  # capitals typed around lowercase toned bytes
    ("H\xe5", "Hồ"),  # one capital: title case, not upper
    ("\xa7\xb5", "Đà"),
    ("\xa7\xb5I", "ĐÀI"),
    ("Nguy\xd4n", "Nguyễn"),
])
def test_tcvn3_restores_capitals_of_words_typed_in_capitals(mojibake: str, expected: str) -> None:
    assert tcvn3_to_unicode(mojibake) == expected


def test_tcvn3_restore_caps_can_be_switched_off() -> None:
    assert tcvn3_to_unicode("NGUY\xd4N", restore_caps=False) == "NGUYễN"


# --- VNI -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("letter", sorted(VNI_ENC))
def test_vni_every_letter_alone(letter: str) -> None:
    assert vni_to_unicode(VNI_ENC[letter]) == letter


@pytest.mark.parametrize("letter", sorted(VNI_ENC))
def test_vni_every_letter_inside_a_word(letter: str) -> None:
    assert vni_to_unicode("th" + VNI_ENC[letter] + "n") == "th" + letter + "n"


def test_vni_all_letters_in_one_string() -> None:
    letters = " ".join(sorted(VNI_ENC))
    assert vni_to_unicode(to_vni(letters)) == letters


@pytest.mark.parametrize(("mojibake", "expected"), [
    ("tø", "tø"), ("ø", "ø"), ("bâ", "bâ"), ("iø", "iø"),  # marks after no vowel
    ("OØ", "Ò"), ("Oø", "Ò"), ("oØ", "ò"), ("yï", "ỵ"),  # mark case does not matter, the base decides
    ("Ñöôøng", "Đường"), ("nöôùc", "nước"), ("muoán", "muốn"), ("khuyûu", "khuỷu"),
])
def test_vni_sequences(mojibake: str, expected: str) -> None:
    assert vni_to_unicode(mojibake) == expected


# --- REFERENCE examples and typical names --------------------------------------------------------

@pytest.mark.parametrize(("mojibake", "expected"), [
    ("Céng hoµ x· héi chñ nghÜa ViÖt Nam", "Cộng hoà xã hội chủ nghĩa Việt Nam"),
    ("NguyÔn V¨n B×nh", "Nguyễn Văn Bình"),
    ("Tr\xad¬ng ThÞ Hång", "Trương Thị Hồng"),
    ("Tr¬ng ThÞ Hång", "Trương Thị Hồng"),  # soft hyphen lost on the way
    ("Lª Hoµng Nam", "Lê Hoàng Nam"),
    ("§µ N½ng", "Đà Nẵng"),
    ("Hµ Néi", "Hà Nội"),
    ("Thµnh phè Hå ChÝ Minh", "Thành phố Hồ Chí Minh"),
    ("Sè 12/Q§-UBND", "Số 12/QĐ-UBND"),
])
def test_tcvn3_examples(mojibake: str, expected: str) -> None:
    assert tcvn3_to_unicode(mojibake) == expected
    assert convert(mojibake) == (expected, "tcvn3")


@pytest.mark.parametrize(("mojibake", "expected"), [
    # VNI puts the tone on "o" of "oa" (old style): "hoøa" is hòa, not hoà.
    ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam"),
    ("Nguyeãn Vaên Bình", "Nguyễn Văn Bình"),
    ("Ñaø Naüng", "Đà Nẵng"),
    ("Tröông Thò Hoàng", "Trương Thị Hồng"),
    ("Thaønh phoá Hoà Chí Minh", "Thành phố Hồ Chí Minh"),
    ("NGUYEÃN VAÊN BÌNH", "NGUYỄN VĂN BÌNH"),
])
def test_vni_examples(mojibake: str, expected: str) -> None:
    assert vni_to_unicode(mojibake) == expected
    assert convert(mojibake) == (expected, "vni")


def test_results_are_nfc() -> None:
    for text in ("Céng hoµ", "Coäng hoøa", "NguyÔn"):
        for result in (tcvn3_to_unicode(text), vni_to_unicode(text)):
            assert unicodedata.is_normalized("NFC", result)


# --- detection -----------------------------------------------------------------------------------

# Written with unaccented capitals only: VN3 has no toned capital letters.
NAMES = [
    "Nguyễn Văn Bình", "Trần Thị Hồng", "Lê Hoàng Nam", "Phạm Minh Tuấn", "Hoàng Thị Thu Hương",
    "Vũ Đức Thắng", "Võ Thị Ngọc Hân", "Đặng Quốc Bảo", "Bùi Thị Lan", "Đỗ Mạnh Hùng",
    "Hồ Thị Thanh Thủy", "Ngô Quang Khải", "Dương Văn Lực", "Lý Thị Mỹ Duyên", "Đinh Công Tráng",
    "Trương Thị Kim Liên", "Lương Văn Cường", "Mai Thị Phương", "Tạ Quang Bửu", "Huỳnh Tấn Phát",
    "Kiều Thị Nguyệt", "Quách Tuấn Kiệt", "Đoàn Thị Điểm", "Lâm Thị Xuân", "Giang Văn Minh",
    "Nguyễn Thị Ngọc Diễm", "Trịnh Xuân Thanh", "Phùng Thị Huyền Trang", "Ưng Hoàng Phúc",
    "Hoàng", "Nguyễn", "Phương", "Lê Thị Hòa", "Đào Duy Từ",
]
PLACES = [
    "Hà Nội", "Thành phố Hồ Chí Minh", "Đà Nẵng", "Hải Phòng", "Cần Thơ", "Thừa Thiên Huế",
    "Bà Rịa - Vũng Tàu", "Quảng Ngãi", "Nghệ An", "Thanh Hóa", "Bắc Ninh", "Khánh Hòa",
    "Lâm Đồng", "Tỉnh Đắk Lắk", "Kiên Giang", "Phường Bến Nghé, Quận 1", "Quận Ba Đình",
    "Xã Tân Phú, huyện Đồng Phú", "Phòng Tổ chức - Hành chính", "Trưởng phòng", "Chuyên viên chính",
    "Sở Nội vụ", "Trường Đại học Sư phạm", "Cộng hòa xã hội chủ nghĩa Việt Nam",
    "Độc lập - Tự do - Hạnh phúc", "ủy ban nhân dân", "Kỹ sư xây dựng", "Cử nhân Luật",
    "Đảng viên", "dân tộc Kinh", "Phật giáo", "Quyết định số 15/QĐ-UBND ngày 12/05/2015",
]
CORPUS = NAMES + PLACES

# Hand-typed mojibake as found in old files (checked against the encoders above too).
TCVN3_SAMPLES = {
    "Céng hoµ x· héi chñ nghÜa ViÖt Nam": "Cộng hoà xã hội chủ nghĩa Việt Nam",
    "NguyÔn V¨n B×nh": "Nguyễn Văn Bình",
    "TrÇn ThÞ Hång": "Trần Thị Hồng",
    "Hµ Néi": "Hà Nội",
    "§µ N½ng": "Đà Nẵng",
    "Phßng Tæ chøc - Hµnh chÝnh": "Phòng Tổ chức - Hành chính",
    "Lª V¨n T¸m": "Lê Văn Tám",
    "§Æng Quèc B¶o": "Đặng Quốc Bảo",
    "Sè 12/Q§-UBND": "Số 12/QĐ-UBND",
}
VNI_SAMPLES = {
    "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam": "Cộng hòa xã hội chủ nghĩa Việt Nam",
    "Nguyeãn Vaên Bình": "Nguyễn Văn Bình",
    "Ñaø Naüng": "Đà Nẵng",
    "Traàn Thò Hoàng": "Trần Thị Hồng",
    "Haø Noäi": "Hà Nội",
    "Phoøng Toå chöùc - Haønh chính": "Phòng Tổ chức - Hành chính",
    "Leâ Vaên Taùm": "Lê Văn Tám",
    "Ñaëng Quoác Baûo": "Đặng Quốc Bảo",
}

NOT_LEGACY = [
    "John Smith", "079185001234", "12/05/1985", "Café", "Nguyen Van Binh", "", "   ",
    "ü", "ö", "ä", "ß", "ñ", "ç", "ë", "Ö", "É", "¬", "§ 2", "® 2015", "½", "¼ kg",
    "Le café est très bon", "Là où il est", "Müller", "Köln", "Straße", "Zoë", "naïve", "señor",
    "São Paulo", "Crème brûlée à la française", "Grüße aus München", "El niño está aquí",
    "3×4 m²", "25°C", "© 2015", "« citation »", "a.b@c.vn", "Renée Dupont", "François",
    "Ångström", "José Martí", "Björn Borg", "Héloïse", "Noël",
]


@pytest.mark.parametrize(("mojibake", "expected"), list(TCVN3_SAMPLES.items()))
def test_hand_typed_tcvn3_samples(mojibake: str, expected: str) -> None:
    assert to_tcvn3(expected) == mojibake
    assert detect(mojibake) == "tcvn3"
    assert tcvn3_to_unicode(mojibake) == expected


@pytest.mark.parametrize(("mojibake", "expected"), list(VNI_SAMPLES.items()))
def test_hand_typed_vni_samples(mojibake: str, expected: str) -> None:
    assert to_vni(expected) == mojibake
    assert detect(mojibake) == "vni"
    assert vni_to_unicode(mojibake) == expected


@pytest.mark.parametrize("text", CORPUS)
def test_detect_tcvn3(text: str) -> None:
    assert detect(to_tcvn3(text)) == "tcvn3"
    assert convert(to_tcvn3(text)) == (text, "tcvn3")


@pytest.mark.parametrize("text", CORPUS)
def test_detect_vni(text: str) -> None:
    assert detect(to_vni(text)) == "vni"
    assert convert(to_vni(text)) == (text, "vni")


@pytest.mark.parametrize("text", CORPUS)
def test_unicode_vietnamese_is_left_alone(text: str) -> None:
    for form in (text, text.upper(), unicodedata.normalize("NFD", text)):
        assert detect(form) == "unicode"
        assert convert(form) == (form, None)


@pytest.mark.parametrize("text", NOT_LEGACY)
def test_detect_does_not_misfire(text: str) -> None:
    assert detect(text) in (None, "unicode")
    assert convert(text) == (text, None)


@pytest.mark.parametrize(("text", "expected"), [
    ("Nguyễn Văn Bình", "unicode"), ("John Smith", None), ("079185001234", None),
    ("12/05/1985", None), ("Café", None), ("", None), ("Lê", "unicode"),
])
def test_detect_exact(text: str, expected: str | None) -> None:
    assert detect(text) == expected


# --- fonts and convert ---------------------------------------------------------------------------

@pytest.mark.parametrize(("font", "expected"), [
    (".VnTime", ("tcvn3", False)), (".VnTimeH", ("tcvn3", True)), (".VnArial", ("tcvn3", False)),
    (".VnArialH", ("tcvn3", True)), (".VnArial Narrow", ("tcvn3", False)),
    (".VnArial NarrowH", ("tcvn3", True)), (".VnCentury Schoolbook", ("tcvn3", False)),
    (".VnCentury SchoolbookH", ("tcvn3", True)), (".VnTimeH Bold", ("tcvn3", True)),
    (".VnTime Bold Italic", ("tcvn3", False)), (".vntimeh", ("tcvn3", True)),
    (".VNTIME", ("tcvn3", False)), ("  .VnTime  ", ("tcvn3", False)),
    ("VNI-Times", ("vni", False)), ("VNI-Helve", ("vni", False)), ("VNI Times", ("vni", False)),
    ("vni-times Bold", ("vni", False)),
    ("Times New Roman", (None, False)), ("Arial", (None, False)), ("VnTime", (None, False)),
    ("", (None, False)), (None, (None, False)),
])
def test_font_encoding(font: str | None, expected: tuple[str | None, bool]) -> None:
    assert font_encoding(font) == expected


@pytest.mark.parametrize(("text", "font", "expected"), [
    ("nguyÔn", ".VnTimeH", ("NGUYỄN", "tcvn3")),
    ("NguyÔn V¨n B×nh", ".VnTime", ("Nguyễn Văn Bình", "tcvn3")),
    ("Céng", ".VnTime", ("Cộng", "tcvn3")),  # undecidable without the font: the font decides
    ("Céng", None, ("Céng", None)),
    ("Hoà", "VNI-Times", ("Hồ", "vni")),
    ("Hoà", None, ("Hoà", None)),
    ("nguyen van a", ".VnTimeH", ("NGUYEN VAN A", "tcvn3")),
    ("Nguyen Van A", ".VnTime", ("Nguyen Van A", None)),
    ("Nguyễn Văn Bình", ".VnTime", ("Nguyễn Văn Bình", None)),  # retyped in Unicode, old font kept
    ("Coäng hoøa", "Times New Roman", ("Cộng hòa", "vni")),  # a modern font: detect decides
    ("Céng hoµ", "Arial", ("Cộng hoà", "tcvn3")),
    ("079185001234", ".VnTime", ("079185001234", None)),
])
def test_convert(text: str, font: str | None, expected: tuple[str, str | None]) -> None:
    assert convert(text, font) == expected


PARAGRAPH = """Căn cứ Luật Cán bộ, công chức ngày 13 tháng 11 năm 2008; Căn cứ Nghị định số
138/2020/NĐ-CP của Chính phủ quy định về tuyển dụng, sử dụng và quản lý công chức; xét đề nghị
của Trưởng phòng Tổ chức cán bộ, quyết định nâng bậc lương thường xuyên đối với ông Nguyễn Văn
Bình, chuyên viên, mã ngạch 01.003, bậc 3, hệ số 3,00 kể từ ngày 01 tháng 7 năm 2024. Quê quán:
xã Hòa Phước, huyện Hòa Vang, thành phố Đà Nẵng. Khen thưởng: giấy khen của chủ tịch Ủy ban nhân
dân quận năm 2019. Gia đình có bố là thương binh, mẹ làm ruộng; sức khỏe loại một; khuỷu tay,
ngoằn ngoèo, quýnh quáng, khuya khoắt, nghiêng ngả, giường gỗ, gìn giữ, hươu nai, thuở xưa."""


def _tcvn3_typist(text: str) -> str:
    """What a .VnTime typist produced: a toned capital typed as its lowercase byte ("Ủy" → "ñy")."""
    return "".join(to_tcvn3(ch) if ch.isascii() or ch in TCVN3_ENC else to_tcvn3(ch.lower())
                   for ch in text)


def test_paragraph_in_every_encoding() -> None:
    assert detect(PARAGRAPH) == "unicode"
    assert convert(PARAGRAPH) == (PARAGRAPH, None)
    assert convert(to_vni(PARAGRAPH)) == (PARAGRAPH, "vni")
    assert convert(_tcvn3_typist(PARAGRAPH)) == (PARAGRAPH.replace("Ủy", "ủy"), "tcvn3")
    for line in PARAGRAPH.splitlines():
        assert detect(to_vni(line)) == "vni"
        assert detect(_tcvn3_typist(line)) == "tcvn3"
        assert detect(line) == "unicode"


@pytest.mark.parametrize(("mojibake", "expected"), [
    ("Nhö", "vni"), ("ñi hoïc", "vni"), ("Löu Vaên Ñöùc", "vni"), ("Chính phuû", "vni"),
    ("Soá 15/QÑ-UBND", "vni"), ("Sè 15/Q§-UBND", "tcvn3"), ("N\xaci \xeb", "tcvn3"),
    ("Thanh H\xe3a", "tcvn3"), ("Thanh Hoùa", "vni"), ("TØnh §¾k L¾k", "tcvn3"),
])
def test_detect_short_and_ambiguous_texts(mojibake: str, expected: str) -> None:
    assert detect(mojibake) == expected


def test_unicode_in_nfd_with_an_old_font_is_left_alone() -> None:
    nfd = unicodedata.normalize("NFD", "Nguyễn Văn Bình")
    assert convert(nfd, ".VnTime") == (nfd, None)
    assert convert(nfd, "VNI-Times") == (nfd, None)


def test_vni_keeps_cp1252_punctuation() -> None:
    assert vni_to_unicode("\u201cHaø Noäi\u201d \u2013 \u20ac") == "\u201cHà Nội\u201d \u2013 \u20ac"
