"""The catalog entries the editor's combo boxes offer, read once per editor from the service."""

from __future__ import annotations

from typing import Any

from app.fields import PERSON_FIELDS, SECTION_FIELDS
from app.services import HoSoService
from ui.widgets.catalog_texts import catalog_name, coded_catalogs, grade_label
from ui.widgets.values import Option

CATALOGS = tuple(sorted({spec.catalog for spec in (*PERSON_FIELDS, *(s for specs in SECTION_FIELDS.values()
                                                                          for s in specs))
                         if spec.kind in ("catalog", "text") and spec.catalog}))  # text: suggestions


def _option(entry: Any, translated: bool) -> Option:
    """A coded catalog's entry shows its name in the interface language (the Vietnamese name stays
    an alias, so typing it still finds the entry); a suggestion list's words are data, kept as they are."""
    if not translated or (shown := catalog_name(entry.name)) == entry.name:
        return Option(entry.code, entry.name, tuple(entry.aliases))
    return Option(entry.code, shown, (entry.name, *entry.aliases))


def load_options(service: HoSoService) -> dict[str, list[Option]]:
    """Catalog name → entries; ``"grade"``: the ngạch list shown as "01.003 — Chuyên viên" (in
    English "01.003 — Specialist", the Vietnamese title staying an alias for type-ahead)."""
    coded = set(coded_catalogs())
    options = {name: [_option(e, name in coded) for e in service.units.catalog(name)] for name in CATALOGS}
    options["grade"] = [Option(g.code, grade_label(g.code, g.name), (g.name,)) for g in service.units.grades()]
    return options
