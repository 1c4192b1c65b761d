"""The personal declaration (NĐ 27/2026 Art. 19): each official declares and corrects their own
dossier in a spreadsheet, offline; the clerk reviews the returned file field by field.

- ``form``: what the file holds, derived from ``app.fields`` (so a new field appears by itself),
  and the value conversions (stored value ↔ canonical text ↔ cell ↔ what people read);
- ``issue``: writes the file (openpyxl): pre-filled, protected, drop-downs, validated cells;
- ``read``: parses a returned file and checks that it is one this database issued;
- ``diff``: issued vs current vs declared, field by field and row by row, with problems;
- ``accept``: puts the chosen changes into the dossier through the approval flow;
- ``app.services.declarations``: the entry points (permission, scope, masking, access log) the CLI and UI call;
- ``requests``: data-subject requests (REFERENCE §7).

No Qt here.
"""
