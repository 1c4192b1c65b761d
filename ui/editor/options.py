"""The catalog entries the editor's combo boxes offer, read once per editor from the service."""

from __future__ import annotations

from app.fields import PERSON_FIELDS, SECTION_FIELDS
from app.services import HoSoService
from ui.widgets.values import Option

CATALOGS = tuple(sorted({spec.catalog for spec in (*PERSON_FIELDS, *(s for specs in SECTION_FIELDS.values()
                                                                          for s in specs))
                         if spec.kind in ("catalog", "text") and spec.catalog}))  # text: suggestions


def load_options(service: HoSoService) -> dict[str, list[Option]]:
    """Catalog name → entries; ``"grade"``: the ngạch list shown as "01.003 — Chuyên viên"."""
    options = {name: [Option(e.code, e.name, tuple(e.aliases)) for e in service.units.catalog(name)]
               for name in CATALOGS}
    options["grade"] = [Option(g.code, f"{g.code} — {g.name}", (g.name,)) for g in service.units.grades()]
    return options
