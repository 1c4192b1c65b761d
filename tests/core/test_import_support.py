"""Helpers the import and export tests share: spreadsheets built in the test, with fonts.

No tests here. ``SAMPLE_XLS`` is a real BIFF8 .xls written by xlwt 1.3.0 (PyPI, BSD) outside the
project's environment — HoSo only reads .xls (xlrd) and has no writer — with this script::

    wb = xlwt.Workbook(encoding="cp1252"); ws = wb.add_sheet("Danh sach")
    vn, vnh = xlwt.easyxf("font: name .VnTime"), xlwt.easyxf("font: name .VnTimeH")
    date = xlwt.easyxf(num_format_str="DD/MM/YYYY")
    ws.write_merge(0, 0, 0, 4, "DANH SÁCH CÁN BỘ")
    for c, h in enumerate(["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD", "Đơn vị"]):
        ws.write(2, c, h)
    ws.write(3, 0, 1); ws.write(3, 1, "NGUYÔN V¡N B×NH", vnh); ws.write(3, 2, dt.date(1985, 3, 12), date)
    ws.write(3, 3, "Nam"); ws.write(3, 4, "048085001234"); ws.write(3, 5, "DN.SNV")
    ws.write(4, 0, 2); ws.write(4, 1, "TrÇn ThÞ Hoa", vn); ws.write(4, 2, "01/05/1990")
    ws.write(4, 3, "N÷", vn); ws.write(4, 4, 48190001235); ws.write(4, 5, "DN")
"""

from __future__ import annotations

import base64
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.styles import Font

SAMPLE_XLS = base64.b64decode(
    "0M8R4KGxGuEAAAAAAAAAAAAAAAAAAAAAPgADAP7/CQAGAAAAAAAAAAAAAAABAAAACQAAAAAAAAAAEAAA/v///wAAAAD+////AAAA"
    "AAgAAAD/////////////////////////////////////////////////////////////////////////////////////////////"
    "////////////////////////////////////////////////////////////////////////////////////////////////////"
    "////////////////////////////////////////////////////////////////////////////////////////////////////"
    "////////////////////////////////////////////////////////////////////////////////////////////////////"
    "////////////////////////////////////////////////////////////////////////////////////////////////////"
    "//////////////////////////////////////////////////////////////////////////////////8JCBAAAAYFALsNzAcA"
    "AAAABgAAAOEAAgCwBMEAAgAAAOIAAABcAHAATm9uZSAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAg"
    "ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIEIAAgCwBGEBAgAA"
    "AD0BAgABAJwAAgAOABkAAgAAABIAAgAAAGMAAgAAABMAAgAAAK8BAgAAALwBAgAAAEAAAgAAAI0AAgAAAD0AEgDgAVoAzz9OKjgA"
    "AAAAAAEAWAIiAAIAAAAOAAIAAQC3AQIAAADaAAIAAAAxABUAyAAAAP9/kAEAAAAAAQAFAEFyaWFsMQAVAMgAAAD/f5ABAAAAAAEA"
    "BQBBcmlhbDEAFQDIAAAA/3+QAQAAAAABAAUAQXJpYWwxABUAyAAAAP9/kAEAAAAAAQAFAEFyaWFsMQAVAMgAAAD/f5ABAAAAAAEA"
    "BQBBcmlhbDEAFQDIAAAA/3+QAQAAAAABAAUAQXJpYWwxABUAyAAAAP9/kAEAAAAAAQAFAEFyaWFsMQAYAMgAAAD/f5ABAAAAAAEA"
    "CAAuVm5UaW1lSDEAFQDIAAAA/3+QAQAAAAABAAUAQXJpYWwxABcAyAAAAP9/kAEAAAAAAQAHAC5WblRpbWUeBAwApAAHAABHZW5l"
    "cmFsHgQPAKUACgAAREQvTU0vWVlZWeAAFAAGAKQA9f8gAAD0AAAAAAAAAADAIOAAFAAGAKQA9f8gAAD0AAAAAAAAAADAIOAAFAAG"
    "AKQA9f8gAAD0AAAAAAAAAADAIOAAFAAGAKQA9f8gAAD0AAAAAAAAAADAIOAAFAAGAKQA9f8gAAD0AAAAAAAAAADAIOAAFAAGAKQA"
    "9f8gAAD0AAAAAAAAAADAIOAAFAAGAKQA9f8gAAD0AAAAAAAAAADAIOAAFAAGAKQA9f8gAAD0AAAAAAAAAADAIOAAFAAGAKQA9f8g"
    "AAD0AAAAAAAAAADAIOAAFAAGAKQA9f8gAAD0AAAAAAAAAADAIOAAFAAGAKQA9f8gAAD0AAAAAAAAAADAIOAAFAAGAKQA9f8gAAD0"
    "AAAAAAAAAADAIOAAFAAGAKQA9f8gAAD0AAAAAAAAAADAIOAAFAAGAKQA9f8gAAD0AAAAAAAAAADAIOAAFAAGAKQA9f8gAAD0AAAA"
    "AAAAAADAIOAAFAAGAKQA9f8gAAD0AAAAAAAAAADAIOAAFAAGAKQAAQAgAAD4AAAAAAAAAADAIOAAFAAHAKQAAQAgAAD4AAAAAAAA"
    "AADAIOAAFAAIAKQAAQAgAAD4AAAAAAAAAADAIOAAFAAJAKUAAQAgAAD4AAAAAAAAAADAIOAAFAAKAKQAAQAgAAD4AAAAAAAAAADA"
    "IJMCBAAAgAD/YAECAAEAhQARADAFAAAAAAkARGFuaCBzYWNo/ADdAA8AAAAPAAAAEAABRABBAE4ASAAgAFMAwQBDAEgAIABDAMEA"
    "TgAgAEIA2B4DAABTVFQJAAFIAM0eIAB2AOAAIAB0AOoAbgAJAABOZ+B5IHNpbmgJAAFHAGkA2x5pACAAdADtAG4AaAAHAAFTANEe"
    "IABDAEMAQwBEAAYAARABoQFuACAAdgDLHg8AAE5HVVnUTiBWoU4gQtdOSAMAAE5hbQwAADA0ODA4NTAwMTIzNAYAAEROLlNOVgwA"
    "AFRyx24gVGjeIEhvYQoAADAxLzA1LzE5OTACAABO9wIAAEROCgAAAAkIEAAABhAAuw3MBwAAAAAGAAAADQACAAEADAACAGQADwAC"
    "AAEAEQACAAAAEAAIAPyp8dJNYlA/XwACAAAAgAAIAAAAAAABAAAAJQIEAAAA/wCBAAIAAQwAAg4AAAAAAAUAAAAAAAYAAAAqAAIA"
    "AAArAAIAAACCAAIAAQAbAAIAAAAaAAIAAAAUAAUAAgAAJlAVAAUAAgAAJkaDAAIAAQCEAAIAAAAmAAgAMzMzMzMz0z8nAAgAMzMz"
    "MzMz0z8oAAgAhetRuB6F4z8pAAgArkfhehSu1z+hACIACQBkAAEAAQABAIMALAEsAZqZmZmZmbk/mpmZmZmZuT8BABIAAgAAAN0A"
    "AgAAABkAAgAAAGMAAgAAABMAAgAAAAgCEAAAAAAABQD/AAAAAAAAAQ8A/QAKAAAAAAARAAAAAAC+AA4AAAABABEAEQARABEABAAI"
    "AhAAAgAAAAYA/wAAAAAAAAEPAP0ACgACAAAAEQABAAAA/QAKAAIAAQARAAIAAAD9AAoAAgACABEAAwAAAP0ACgACAAMAEQAEAAAA"
    "/QAKAAIABAARAAUAAAD9AAoAAgAFABEABgAAAAgCEAADAAAABgD/AAAAAAAAAQ8AfgIKAAMAAAARAAYAAAD9AAoAAwABABIABwAA"
    "AH4CCgADAAIAEwA65gEA/QAKAAMAAwARAAgAAAD9AAoAAwAEABEACQAAAP0ACgADAAUAEQAKAAAACAIQAAQAAAAGAP8AAAAAAAAB"
    "DwB+AgoABAAAABEACgAAAP0ACgAEAAEAFAALAAAA/QAKAAQAAgARAAwAAAD9AAoABAADABQADQAAAAMCDgAEAAQAEQAAAKYgsnAm"
    "Qv0ACgAEAAUAEQAOAAAA5QAKAAEAAAAAAAAABAA+AhIAtgIAAAAAQAAAAAAAAAAAAAAACgAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAAAAIAAAADAAAABAAAAAUAAAAGAAAABwAAAP7////9/////v//////"
    "////////////////////////////////////////////////////////////////////////////////////////////////////"
    "////////////////////////////////////////////////////////////////////////////////////////////////////"
    "////////////////////////////////////////////////////////////////////////////////////////////////////"
    "////////////////////////////////////////////////////////////////////////////////////////////////////"
    "////////////////////////////////////////////////////////////////////////////////////////////////////"
    "////////////////////////////////////////////////////////////////////////////////////////////////////"
    "//////////////////////////9SAG8AbwB0ACAARQBuAHQAcgB5AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAFgAFAf//////////AQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAP7///8AAAAAAAAAAFcA"
    "bwByAGsAYgBvAG8AawAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAASAAIB////////////"
    "////AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAH///////////////8AAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAD+////AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAf///////////////wAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAP7///8A"
    "AAAAAAAAAA=="
)

# REFERENCE §8.1 (TCVN3) and §8.2 (VNI): letter → the characters an old file shows today.
_TCVN3 = dict(zip("àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵăâêôơưđĂÂÊÔƠƯĐ",
                  "µ¸¶·¹»¾¼½ÆÇÊÈÉËÌÐÎÏÑÒÕÓÔÖ×ÝØÜÞßãáâäåèæçéêíëìîïóñòôõøö÷ùúýûüþ¨©ª«¬\u00ad®¡¢£¤¥¦§", strict=True))
_VNI = {"ă": "aê", "â": "aâ", "ê": "eâ", "ô": "oâ", "ơ": "ô", "ư": "ö", "đ": "ñ", "Đ": "Ñ", "ễ": "eã", "ệ": "eä",
        "ị": "ò", "ì": "ì", "ồ": "oà", "ố": "oá", "ộ": "oä", "à": "aø", "á": "aù", "ạ": "aï", "ớ": "ôù", "ờ": "ôø",
        "ứ": "öù", "ừ": "öø", "ữ": "öõ", "ậ": "aä", "ấ": "aá", "ầ": "aà", "ý": "yù", "ú": "uù", "ò": "oø", "ó": "où",
        "ả": "aû", "ẩ": "aå", "ọ": "oï", "ụ": "uï", "ũ": "uõ", "ỹ": "yõ", "õ": "oõ", "é": "eù",
        "è": "eø", "ế": "eá", "ề": "eà", "Ư": "Ö", "Ơ": "Ô", "Ă": "AÊ", "Â": "AÂ", "Ê": "EÂ", "Ô": "OÂ",
        "Ễ": "EÃ", "Ì": "Ì"}


def to_tcvn3(text: str) -> str:
    """Unicode → TCVN3 as read today (lower-case bytes; write capitals in a .Vn*H font)."""
    return "".join(_TCVN3.get(ch, ch) for ch in unicodedata.normalize("NFC", text))


def to_vni(text: str) -> str:
    return "".join(_VNI.get(ch, ch) for ch in unicodedata.normalize("NFC", text))


def xlsx(path: Path, rows: Sequence[Sequence[Any]], *, fonts: dict[str, str] | None = None,
         merges: Iterable[str] = (), title: str = "Danh sách",
         extra: dict[str, Sequence[Sequence[Any]]] | None = None) -> Path:
    """A workbook: ``rows`` on the first sheet, ``fonts`` by cell ("B5": ".VnTime") or whole
    column ("B": ".VnTime"), merged ranges, and more sheets by name."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = title
    for row in rows:
        ws.append(list(row))
    for ref, name in (fonts or {}).items():
        cells = ws[ref] if any(ch.isdigit() for ch in ref) else ws[ref]
        for cell in cells if isinstance(cells, tuple) else [cells]:
            if cell.value is not None:
                cell.font = Font(name=name)
    for ref in merges:
        ws.merge_cells(ref)
    for name, sheet_rows in (extra or {}).items():
        other = wb.create_sheet(name)
        for row in sheet_rows:
            other.append(list(row))
    wb.save(path)
    return path


HEADER = ["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Số CCCD", "Đơn vị", "Chức vụ", "Mã ngạch", "Bậc lương",
          "Hệ số lương", "Ngày hưởng", "Dân tộc", "Tôn giáo", "Quê quán", "Trình độ chuyên môn", "Ngày vào Đảng"]


def person_row(n: int, name: str, cccd: str, born: Any = "12/03/1985", sex: str = "Nam", unit: str = "DN.SNV",
               **more: Any) -> list[Any]:
    """A row under ``HEADER``."""
    values = {"position": "Chuyên viên", "grade": "01.003", "step": 3, "coef": "3,00", "since": "01/09/2020",
              "ethnicity": "Kinh", "religion": "Không", "hometown": "Hòa Vang, Đà Nẵng", "level": "Đại học",
              "party": None} | more
    return [n, name, born, sex, cccd, unit, values["position"], values["grade"], values["step"], values["coef"],
            values["since"], values["ethnicity"], values["religion"], values["hometown"], values["level"],
            values["party"]]


def cccd_of(i: int, year: int = 85, female: bool = False) -> str:
    """A valid CCCD (Đà Nẵng prefix 048) for a person born in 19``year``."""
    return f"048{1 if female else 0}{year:02d}{i:06d}"
