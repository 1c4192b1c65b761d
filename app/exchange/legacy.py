"""Repair Vietnamese text typed in the pre-Unicode encodings TCVN3 (ABC) and VNI-Windows.

Why: many personnel spreadsheets and documents still in use were typed before Unicode, in
`.VnTime`-family fonts (TCVN3) or `VNI-Times`-family fonts (VNI). The bytes were the letters only
through the font; read today, each byte shows as the CP1252/Latin-1 character of the same value,
so "Nguyễn Văn" arrives as "NguyÔn V¨n" (TCVN3) or "Nguyeãn Vaên" (VNI). Importing those names
unrepaired would corrupt search, sorting and duplicate checks. Python has no codec for either
encoding, so the converters use our own tables (``legacy_tables``, REFERENCE §8).

The font name of the cell/run is the reliable signal (``font_encoding``); without it ``detect``
decides by converting with each candidate and checking that every changed word becomes a
plausible Vietnamese syllable (known rhyme, at most one tone, tone on the right vowel, only
sắc/nặng before a final c/ch/p/t). Unicode wins every tie, so correct text is never touched.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable

from app.exchange.legacy_tables import (
    COMMON_SYLLABLES,
    ONSETS,
    RHYMES,
    SHAPED_VOWELS,
    STOP_CODAS,
    TCVN3,
    TCVN3_CAPITALS,
    TCVN3_LOWER_BARE,
    TCVN3_PDF_LOOKALIKES,
    TONES,
    VIETNAMESE_LETTERS,
    VNI_PAIRS,
    VNI_SINGLES,
    VOWELS,
)

__all__ = ["convert", "detect", "font_encoding", "has_unicode_only", "tcvn3_to_unicode", "vni_to_unicode"]

TCVN3_NAME = "tcvn3"
VNI_NAME = "vni"
UNICODE_NAME = "unicode"

# Style words Word/Excel append to a face name; stripped before looking for the final "H".
_STYLE_WORDS = frozenset({"bold", "italic", "oblique", "regular", "normal", "light", "medium",
                          "black", "heavy", "semibold", "demibold", "bolditalic", "thin"})
# Letters that Vietnamese Unicode text has but no legacy byte stream read as CP1252 can produce.
_UNICODE_ONLY = frozenset("ăĂđĐĩĨũŨơƠưƯ") | frozenset(chr(c) for c in range(0x1EA0, 0x1EFA))
# Latin-1 letters that are also ordinary Vietnamese Unicode letters (weak legacy evidence).
_VIET_LATIN1 = frozenset("àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ")
_ALLOWED_SYMBOLS = frozenset("«»°×÷±")
# VNI circumflex/breve mark bytes after a/e/o: never adjacent like this in Unicode Vietnamese.
_VNI_SIGN = re.compile("[aeAE][âáàãÂÁÀÃ]|[oO][âÂ]|[aA][êéèúÊÉÈÚ]")
_TCVN3_RUN = re.compile("[A-Za-z" + re.escape("".join(TCVN3)) + "\u00ad]+")
# A lost soft hyphen leaves "ơ" before ng/c/u: rhymes that only exist as ương/ươc/ươu.
_LOST_U_HORN = re.compile("(?<![ưừứửữự])(?=[ơờớởỡợ](?:ng|c|u)(?![^\\W\\d_]))", re.IGNORECASE)
_LETTER_RUN = re.compile(r"[^\W\d_]+")
_VNI_CHARS = frozenset("".join(VNI_PAIRS) + "".join(VNI_SINGLES))
_EXCLUSIVE = {TCVN3_NAME: (frozenset(TCVN3) | {"\u00ad"}) - _VNI_CHARS,
              VNI_NAME: _VNI_CHARS - frozenset(TCVN3) - frozenset("aeouyAEOUY")}


@functools.lru_cache(maxsize=1024)  # a file has a few fonts and many cells
def font_encoding(font_name: str | None) -> tuple[str | None, bool]:
    """("tcvn3", is_uppercase_font) for `.Vn*` fonts, ("vni", False) for `VNI-*`, else (None, False).

    An `.Vn*H` font (".VnTimeH", ".VnArial NarrowH", ".VnTimeH Bold") draws every letter as a
    capital, so text in it must be upper-cased after conversion.
    """
    name = (font_name or "").strip().lstrip("@").strip()
    folded = name.casefold()
    if folded.startswith(".vn"):
        words = name.replace(",", " ").split()
        while len(words) > 1 and words[-1].casefold() in _STYLE_WORDS:
            words.pop()
        last = " ".join(words)
        # Names whose case was lost (".VNTIMEH", ".vntimeh") are judged case-insensitively.
        caseless = last == last.upper() or last == last.lower()
        return TCVN3_NAME, last.endswith("H") or (caseless and last[-1:] in ("h", "H"))
    if folded.startswith(("vni-", "vni ")):
        return VNI_NAME, False
    return None, False


def tcvn3_to_unicode(text: str, uppercase: bool = False, *, restore_caps: bool = True) -> str:
    """TCVN3 text read as CP1252 → Unicode NFC.

    Bytes 0xA1–0xFE follow the VN3 table (bytes the table leaves empty stay as they are);
    CP1252 punctuation 0x80–0x9F and ASCII are kept. The soft hyphen (and the PDF look-alikes
    U+2212 → ư, U+2219 → ã) becomes a letter only next to a letter. ``uppercase`` is for text in
    an `.Vn*H` font. VN3 has no toned capitals, so with ``restore_caps`` a word typed in capitals
    around lowercase toned bytes ("NGUYÔN") is upper-cased as a whole.
    """
    out = [TCVN3.get(ch, ch) for ch in text]
    for i, ch in enumerate(text):
        if ch in TCVN3_PDF_LOOKALIKES and (_is_letter(out, i - 1) or _is_letter(out, i + 1)):
            out[i] = TCVN3_PDF_LOOKALIKES[ch]
    if restore_caps and not uppercase:
        for run in _TCVN3_RUN.finditer(text):
            if _typed_in_capitals(run.group()):
                out[run.start():run.end()] = [ch.upper() for ch in out[run.start():run.end()]]
    result = _LOST_U_HORN.sub(_restore_u_horn, "".join(out))
    if uppercase:  # per character, so that nothing grows ("ß" would become "SS")
        result = "".join(ch.upper() if len(ch.upper()) == 1 else ch for ch in result)
    return unicodedata.normalize("NFC", result)


def _is_letter(chars: list[str], index: int) -> bool:
    return 0 <= index < len(chars) and chars[index].isalpha()


def _typed_in_capitals(run: str) -> bool:
    """True for a word of capitals whose toned letters could only be typed as lowercase bytes."""
    upper = sum(1 for ch in run if (ch.isascii() and ch.isupper()) or ch in TCVN3_CAPITALS)
    lower = sum(1 for ch in run if (ch.isascii() and ch.islower()) or ch in TCVN3_LOWER_BARE)
    toned = any(ch in TCVN3 and ch not in TCVN3_CAPITALS and ch not in TCVN3_LOWER_BARE for ch in run)
    return toned and lower == 0 and upper >= 2


def _restore_u_horn(match: re.Match[str]) -> str:
    return "Ư" if match.string[match.end()].isupper() else "ư"


def vni_to_unicode(text: str) -> str:
    """VNI-Windows text read as CP1252 → Unicode NFC: longest sequence first, left to right."""
    out: list[str] = []
    i = 0
    while i < len(text):
        pair = text[i:i + 2]
        if pair in VNI_PAIRS:
            out.append(VNI_PAIRS[pair])
            i += 2
        else:
            out.append(VNI_SINGLES.get(text[i], text[i]))
            i += 1
    return unicodedata.normalize("NFC", "".join(out))


# --- detection ------------------------------------------------------------------------------

_VALID, _INVALID, _NEUTRAL = 1, -1, 0
_CONVERTERS: dict[str, Callable[[str], str]] = {TCVN3_NAME: tcvn3_to_unicode, VNI_NAME: vni_to_unicode}


def detect(text: str) -> str | None:
    """"unicode", "tcvn3", "vni", or None for plain ASCII/undecidable text.

    Only words with non-ASCII characters are judged. A legacy encoding is chosen when its
    conversion improves more of them than it spoils (a valid syllable beats a word with no vowel
    such as "QĐ", which beats an invalid one), at least 60 % of the judged words are valid after
    conversion, and the improvement is not only in letters French or Spanish also use: one
    improved word shows a sign ("¨", "ø", "NguyÔn", "eã"), or most judged words improved.
    """
    words = [unicodedata.normalize("NFC", w) for w in text.split() if not w.isascii()]
    if not words:
        return None
    as_is = [_judge(w) for w in words]
    best: tuple[tuple[int, int, int], str] | None = None
    for name, decode in _CONVERTERS.items():
        decoded = [decode(w) for w in words]
        judged = [_judge(w) for w in decoded]
        valid, invalid = judged.count(_VALID), judged.count(_INVALID)
        # A lone character ("ü", "ß") is too little to call a word legacy text.
        gains = [w for w, j, u in zip(words, judged, as_is, strict=True) if j > u and len(w) > 1]
        losses = sum(1 for j, u in zip(judged, as_is, strict=True) if j < u)
        strong = any(_has_legacy_sign(w, name) for w in gains)
        if valid and len(gains) > losses and (strong or 2 * len(gains) > len(words)) \
                and valid >= 0.6 * (valid + invalid):
            # Between the two legacy readings: more valid words, then more frequent syllables,
            # then more characters only that encoding produces.
            common = sum(1 for w in decoded for s in _LETTER_RUN.findall(w.lower())
                         if s in COMMON_SYLLABLES)
            own = sum(1 for w in words for ch in w if ch in _EXCLUSIVE[name])
            score = (valid - invalid, common, own)
            if best is None or score > best[0]:
                best = (score, name)
    if best is not None:
        return best[1]
    valid, invalid = as_is.count(_VALID), as_is.count(_INVALID)
    if valid > invalid or (valid >= invalid and _has_unicode_only(text)):
        return UNICODE_NAME
    return None


def has_unicode_only(text: str) -> bool:
    """Vietnamese letters or combining marks that no legacy byte read as CP1252 can produce
    (the text was typed in Unicode, whatever font its cell still names)."""
    return any(ch in _UNICODE_ONLY or unicodedata.combining(ch) for ch in unicodedata.normalize("NFC", text))


_has_unicode_only = has_unicode_only


def _has_legacy_sign(word: str, encoding: str) -> bool:
    if any("\u00a0" <= ch <= "\u00ff" and ch not in _VIET_LATIN1 for ch in word):
        return True
    if encoding == VNI_NAME and _VNI_SIGN.search(word):
        return True
    return any(not _plausible_case(run) for run in _LETTER_RUN.findall(word))


def _judge(word: str) -> int:
    """_VALID if every non-ASCII letter run is a Vietnamese syllable, _INVALID if one is not (or
    a stray symbol is left), _NEUTRAL when nothing Vietnamese can be judged (numbers, "QĐ")."""
    result = _NEUTRAL
    for match in re.finditer(r"[^\W\d_]+|[\W\d_]", word):
        piece = match.group()
        if not (piece[0].isalpha() or unicodedata.combining(piece[0])):
            if not (piece.isascii() or piece in _ALLOWED_SYMBOLS or "\u2000" <= piece <= "\u206f"):
                return _INVALID
            continue
        before = word[match.start() - 1:match.start()]
        after = word[match.end():match.end() + 1]
        if piece.isascii() or before.isdigit() or after.isdigit():
            continue
        if any(ch not in VIETNAMESE_LETTERS for ch in piece):
            return _INVALID
        if not any(ch in "aeiouy" for ch in unicodedata.normalize("NFD", piece.lower())):
            continue  # an abbreviation such as QĐ, NĐ
        if not (_plausible_case(piece) and _is_syllable(piece.lower())):
            return _INVALID
        result = _VALID
    return result


def _plausible_case(word: str) -> bool:
    return word in (word.lower(), word.upper()) or (word[0].isupper() and word[1:] == word[1:].lower())


def _is_syllable(word: str) -> bool:
    """A lowercase word is one Vietnamese syllable: onset + known rhyme, tone rules respected."""
    letters: list[str] = []
    tone: str | None = None
    tone_at = -1
    for ch in unicodedata.normalize("NFD", word):
        if ch in TONES:
            if tone is not None or not letters:
                return False
            tone, tone_at = TONES[ch], len(letters) - 1
        elif unicodedata.combining(ch) and letters:
            letters[-1] = unicodedata.normalize("NFC", letters[-1] + ch)
        else:
            letters.append(ch)
    bare = "".join(letters)
    if tone is not None and bare[tone_at] not in VOWELS:
        return False
    for onset in ONSETS:
        if bare.startswith(onset) and _rhyme_ok(bare[len(onset):], onset, tone, tone_at - len(onset)):
            return True
    return False


def _rhyme_ok(rhyme: str, onset: str, tone: str | None, tone_at: int) -> bool:
    if rhyme not in RHYMES:
        if onset == "qu" and "u" + rhyme in RHYMES:  # quỳnh, quýt: u + ynh, u + yt
            return _rhyme_ok("u" + rhyme, "", tone, tone_at + 1)
        return False
    vowels = len(rhyme) - len(rhyme.lstrip("aăâeêioôơuưy"))
    nucleus, coda = rhyme[:vowels], rhyme[vowels:]
    if coda in STOP_CODAS and tone not in ("sắc", "nặng"):
        return False
    if nucleus == "uya" and tone is not None:  # only "khuya", never toned
        return False
    return tone is None or tone_at in _tone_slots(nucleus, coda)


def _tone_slots(nucleus: str, coda: str) -> set[int]:
    """Where the tone mark may stand: on the (last) shaped vowel; else the last vowel before a
    final consonant; else oa/oe/uy take either (hòa/hoà), other pairs the first, triples the middle."""
    shaped = [i for i, ch in enumerate(nucleus) if ch in SHAPED_VOWELS]
    if shaped:
        return {shaped[-1]}
    if coda or len(nucleus) == 1:
        return {len(nucleus) - 1}
    if nucleus in ("oa", "oe", "uy"):
        return {0, 1}
    return {0} if len(nucleus) == 2 else {1}


# --- entry point ----------------------------------------------------------------------------

def convert(text: str, font_name: str | None = None) -> tuple[str, str | None]:
    """(text in Unicode, encoding used) — the encoding is None when the text was left unchanged.

    A legacy font name decides, unless the text holds letters no legacy byte can produce (ơ, ư,
    ạ…: it was retyped in Unicode while the cell kept its old font); otherwise ``detect`` does.
    """
    encoding, uppercase = font_encoding(font_name)
    if encoding is None or _has_unicode_only(text):
        encoding, uppercase = detect(text), False
    if encoding == TCVN3_NAME:
        converted = tcvn3_to_unicode(text, uppercase)
    elif encoding == VNI_NAME:
        converted = vni_to_unicode(text)
    else:
        return text, None
    return (converted, encoding) if converted != text else (text, None)
