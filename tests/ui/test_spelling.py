"""One spelling convention in the UI and its resources: the tone on the second vowel of a final
oa/oe/uy (Xoá, khoẻ, Huỷ, uỷ — tools/spelling.py), never the other style ("Xóa", "khỏe", "Hủy")."""

from __future__ import annotations

from pathlib import Path

from tools import spelling

ROOT = Path(__file__).resolve().parents[2]
# the TCVN3/VNI conversion tables spell characters, not words
EXEMPT = {"app/exchange/legacy.py", "app/exchange/legacy_tables.py",
          # the catalogs' own names (data: "Tỉnh Thanh Hóa" as resources/catalogs spells it), listed for translation
          "ui/widgets/catalog_texts.py"}


def _files() -> list[Path]:
    found = [*ROOT.glob("ui/**/*.py"), *ROOT.glob("app/**/*.py"), *ROOT.glob("resources/translations/*.ts")]
    return [p for p in found if p.relative_to(ROOT).as_posix() not in EXEMPT]


def test_the_convention_is_recognised() -> None:
    assert spelling.old_style("Xóa hồ sơ; sức khỏe; Hủy; Đảng ủy; Hòa Vang") == ["óa", "ỏe", "ủy", "ủy", "òa"]
    assert spelling.old_style("Xoá, khoẻ, Huỷ, quý, hoàng, thuỷ") == []
    assert spelling.to_convention("Xóa và Hủy") == "Xoá và Huỷ"


def test_ui_sources_and_translations_use_one_spelling() -> None:
    from ui.widgets.catalog_texts import GRADE_TEXTS
    from ui.widgets.catalog_texts import TEXTS as CATALOG_NAMES

    data = {f"<source>{name}</source>" for name in (*CATALOG_NAMES, *GRADE_TEXTS)}  # catalog names, in the .ts file
    found = []
    for path in _files():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if spelling.old_style(line) and line.strip() not in data:
                found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()[:90]}")
    assert not found, "run python tools/spelling.py on these files:\n" + "\n".join(found[:40])
